/**
 * The bundle rows of the benchmark table (README, Benchmark): every file of dist/ that is code, with
 * what loads it. A test (__tests__/readme.test.ts) checks that the README lists each one, so a new
 * bundle file cannot go unmentioned.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** Each row: its label and the dist/ files it sizes, in the order shown. */
export const BUNDLE_ROWS: { label: string; files: string[] }[] = [
  { label: 'dist/main.cjs + dist/post.cjs', files: ['main.cjs', 'post.cjs'] },
  {
    label: 'dist/after-run.cjs + dist/report.cjs (loaded once a run exists / once there is a report to write)',
    files: ['after-run.cjs', 'report.cjs'],
  },
  {
    label: 'dist/github-side.cjs (loaded only with a trigger, a comment event, a pull request comment, a check run or a review)',
    files: ['github-side.cjs'],
  },
  { label: 'dist/github.cjs (loaded only for comments, check runs, permission look-ups)', files: ['github.cjs'] },
  { label: 'dist/undici.cjs (loaded only with github.cjs or for a proxy dispatcher)', files: ['undici.cjs'] },
  {
    label: 'dist/tunnel.cjs + dist/exec.cjs (loaded only behind a proxy / never by the action)',
    files: ['tunnel.cjs', 'exec.cjs'],
  },
  { label: 'dist/json-schema.cjs (loaded only with output_schema)', files: ['json-schema.cjs'] },
  { label: 'dist/secrets.cjs (the credential detector, loaded only when there is agent text to publish)', files: ['secrets.cjs'] },
  {
    label: 'dist/preflight.cjs (loaded only when model, environment or an owner/repo skill is checked before the create)',
    files: ['preflight.cjs'],
  },
  { label: 'dist/cli.cjs', files: ['cli.cjs'] },
];

/** `237 KB`, or `398 B` for a file under a kilobyte. */
export function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(0)} KB`;
}

/** The rows as the benchmark prints them: `Bundle: <label>` and the sizes joined with ` + `. */
export function bundleRows(root: string): [string, string][] {
  return BUNDLE_ROWS.map(({ label, files }) => [
    `Bundle: ${label}`,
    files.map((file) => formatSize(statSync(join(root, 'dist', file)).size)).join(' + '),
  ]);
}
