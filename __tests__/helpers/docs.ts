import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../sim/runner.ts';

/** A file of the repository, as text. */
export const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every Markdown file a reader is sent to: the README, CONTRIBUTING, SECURITY and docs/. */
export const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
