/**
 * Builds the committed `dist/`: one `ncc build` per entry, with ncc's defaults.
 * - `dist/main/`, `dist/post/`: the action's two steps (action.yml runs.main and runs.post);
 * - `dist/cli/`: the `oz-agent-run` CLI (package.json bin);
 * - `dist/licenses.txt`: the licence of every package in them.
 *
 * Each folder holds `index.js` and ncc's own chunks (`<id>.index.js`): a relative `await import()` in
 * the source becomes a chunk that is loaded when that line runs, so a step pays for Octokit, Ajv or
 * the credential detector only when it uses them. The output is ES modules, as the source is (ncc
 * writes a package.json saying so in each folder).
 *
 * ncc compiles the TypeScript without type-checking it (`transpileOnly`): `npm run build` runs tsc once
 * before, rather than once per entry (src/entrypoints/tsconfig.json says why it is there).
 */
import ncc from '@vercel/ncc';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

const ENTRIES = { main: 'src/entrypoints/main.ts', post: 'src/entrypoints/post.ts', cli: 'src/entrypoints/cli.ts' };

rmSync(dist, { recursive: true, force: true });

/** Every file the bundles were made from (ncc reports them), for the licences. */
const bundled = new Set<string>();
for (const [name, entry] of Object.entries(ENTRIES)) {
  const { code, assets, stats } = await ncc(join(root, entry), { target: 'es2023', cache: false, quiet: true, transpileOnly: true });
  const out = join(dist, name);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.js'), code);
  for (const [file, asset] of Object.entries(assets ?? {})) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), asset.source);
  }
  for (const file of stats.compilation.fileDependencies) bundled.add(file);
}

// The CLI is run directly (package.json bin); its entry starts with `#!/usr/bin/env node`, which ncc keeps.
chmodSync(join(dist, 'cli', 'index.js'), 0o755);

writeFileSync(join(dist, 'licenses.txt'), licences(bundled));

/**
 * The text of dist/licenses.txt: for each third-party package whose code is in a bundle, its name,
 * version, licence id and licence text, sorted by name. (ncc's own `license` option leaves out
 * packages whose licence is not in their package.json the way it expects.)
 */
function licences(files: Set<string>): string {
  /** Folders of the packages, with their names (a package nested at another version counts apart). */
  const packages = new Map<string, string>();
  for (const file of files) {
    // Code only: the compiler also reads type declarations and package.json files that are not bundled.
    // ncc's own loaders run at build time; they are not in the output.
    if (!/\.[cm]?js$/.test(file) || /[\\/]@vercel[\\/]ncc[\\/]/.test(file)) continue;
    // The package a bundled file belongs to: the last node_modules in its path, then a name (scoped or not).
    const parts = file.split(/[\\/]/);
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) continue;
    const name = parts[at + 1]?.startsWith('@') ? parts.slice(at + 1, at + 3).join('/') : parts[at + 1];
    const depth = name?.includes('/') ? 3 : 2;
    if (name && parts.length > at + depth) packages.set(parts.slice(0, at + depth).join('/'), name);
  }
  const sections = new Map<string, string>();
  for (const [dir, name] of packages) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { license?: string; version: string };
    sections.set(`${name}@${pkg.version}`, `${name}@${pkg.version}\n${pkg.license ?? 'UNKNOWN'}\n${licenceText(dir)}`);
  }
  const sorted = [...sections].sort(([a], [b]) => a.localeCompare(b)).map(([, section]) => section);
  return `${sorted.join('\n\n')}\n`;
}

/** A package's licence file: the usual names first, then any other (boundary, under secretlint, has LICENSE.BSD). */
function licenceText(dir: string): string {
  const others = readdirSync(dir).filter((f) => /^licen[cs]e/i.test(f));
  for (const file of ['LICENSE', 'LICENSE.md', 'license', 'LICENSE.txt', 'license.md', 'LICENCE', ...others]) {
    try {
      return readFileSync(join(dir, file), 'utf8').trim();
    } catch {
      // Try the next usual name.
    }
  }
  return '';
}
