/**
 * `npm run docs`: writes the README's Usage table (every input of action.yml with its default and
 * description) between `<!-- start usage -->` and `<!-- end usage -->`, and its outputs table between
 * `<!-- start outputs -->` and `<!-- end outputs -->`, as actions/checkout does, so the README cannot
 * drift from action.yml; and the CLI's `--help` between `<!-- start help -->` and `<!-- end help -->`
 * in docs/cli.md. It only reads action.yml and the CLI's usage text and rewrites those two files (no
 * build, no network), and writing twice gives the same files. A test (__tests__/readme.test.ts) fails
 * when either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { USAGE } from '../src/cli/args.ts';

const ROOT = join(import.meta.dirname, '..');
const README = join(ROOT, 'README.md');
const CLI_PAGE = join(ROOT, 'docs', 'cli.md');

interface Spec {
  description?: string;
  default?: string;
}
interface ActionYaml {
  inputs: Record<string, Spec>;
  outputs: Record<string, Spec>;
}

/** A table cell: one line, with `|` escaped so it cannot end the cell. */
const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

/**
 * The Usage block: every input of action.yml in its order, with its default and description. A table
 * rather than checkout's commented YAML step: with 55 inputs, the YAML form is about 170 lines, more
 * than half the README.
 */
export function usageBlock(action: ActionYaml): string {
  const rows = Object.entries(action.inputs).map(([name, spec]) => {
    const fallback = spec.default ? `\`${cell(spec.default)}\` ` : '';
    return `| \`${name}\` | ${fallback}| ${cell(spec.description ?? '')} |`;
  });
  return ['| input | default | what it does |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The outputs table: every output of action.yml and its description, in action.yml's order. */
export function outputsTable(action: ActionYaml): string {
  const rows = Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description ?? '')} |`);
  return ['| output | what it holds |', '| --- | --- |', ...rows].join('\n');
}

/** `text` with the part between `<!-- start NAME -->` and `<!-- end NAME -->` replaced by `body`. */
export function replaceBlock(text: string, name: string, body: string): string {
  const start = `<!-- start ${name} -->`;
  const end = `<!-- end ${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start} ... ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

export function readAction(): ActionYaml {
  return parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYaml;
}

/** The README with both generated blocks as action.yml says now. */
export function generatedReadme(readme: string, action: ActionYaml = readAction()): string {
  return replaceBlock(replaceBlock(readme, 'usage', usageBlock(action)), 'outputs', outputsTable(action));
}

/** docs/cli.md with the CLI's `--help` as the CLI prints it now. */
export function generatedCliPage(page: string, usage: string = USAGE): string {
  return replaceBlock(page, 'help', ['```text', usage.trimEnd(), '```'].join('\n'));
}

/** Rewrites `path` with `generate`, only when that changes it; says which. */
function update(path: string, generate: (text: string) => string): void {
  const before = readFileSync(path, 'utf8');
  const after = generate(before);
  if (after !== before) writeFileSync(path, after);
  console.log(`${path.slice(ROOT.length + 1)}: ${after === before ? 'up to date' : 'regenerated'}.`);
}

if (import.meta.filename === process.argv[1]) {
  update(README, (text) => generatedReadme(text));
  update(CLI_PAGE, (text) => generatedCliPage(text));
}
