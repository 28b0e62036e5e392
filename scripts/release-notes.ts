/**
 * Prints the CHANGELOG.md section of one version (`node scripts/release-notes.ts v1.0.0`), for the
 * release workflow. Fails when the changelog has no section for it, so no release goes out unnoted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The body of `## [version]` in a Keep a Changelog text, without its heading; undefined when absent. */
export function releaseNotes(changelog: string, version: string): string | undefined {
  const wanted = version.replace(/^v/, '');
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => new RegExp(`^## \\[${wanted.replaceAll('.', '\\.')}\\]`).test(line));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

if (import.meta.main) {
  const version = process.argv[2] ?? '';
  const notes = releaseNotes(readFileSync(join(import.meta.dirname, '..', 'CHANGELOG.md'), 'utf8'), version);
  if (!notes) {
    console.error(`CHANGELOG.md has no section for ${version || '(no version given)'}.`);
    process.exit(1);
  }
  console.log(notes);
}
