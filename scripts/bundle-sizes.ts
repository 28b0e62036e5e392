/**
 * The bundle rows of the benchmark table (docs/benchmark.md): each folder of dist/ (one per entry),
 * its entry file, which a step loads at start, and ncc's chunks, which it loads when it needs them. A
 * test (__tests__/readme.test.ts) checks that these rows name each folder, so a new one cannot go
 * unmeasured.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Each row: its label and the dist/ folder it sizes, in the order shown. */
export const BUNDLE_ROWS: { label: string; folder: string }[] = [
  { label: 'dist/main/ (the main step): index.js + chunks', folder: 'main' },
  { label: 'dist/post/ (the post step): index.js + chunks', folder: 'post' },
  { label: 'dist/cli/ (the CLI): index.js + chunks', folder: 'cli' },
];

/** `237 KB`, or `398 B` for a file under a kilobyte. */
export function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(0)} KB`;
}

/** The bytes of a folder's entry file, and of its chunks together. */
export function folderSizes(root: string, folder: string): [number, number] {
  const dir = join(root, 'dist', folder);
  const code = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const size = (file: string) => statSync(join(dir, file)).size;
  return [size('index.js'), code.filter((f) => f !== 'index.js').reduce((sum, f) => sum + size(f), 0)];
}

/** The rows as the benchmark prints them: `Bundle: <label>` and the two sizes joined with ` + `. */
export function bundleRows(root: string): [string, string][] {
  return BUNDLE_ROWS.map(({ label, folder }) => [`Bundle: ${label}`, folderSizes(root, folder).map(formatSize).join(' + ')]);
}
