/**
 * What the README and docs/ say, checked against what the code is: facts, not sentences. The tables
 * generated from action.yml and the CLI's help are current; every input and output is documented;
 * every relative link and anchor resolves; every path named exists; the figures the README quotes
 * are the benchmark's own output; and the lists of simulator knobs and API error codes are whole.
 * What needs dist/ (the npm package's files, the bundles the benchmark measures) is in package.test.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readActionYaml } from '../sim/runner.ts';
import { PAGES, read } from './helpers/docs.ts';
import { generatedCliPage, generatedReadme, outputsTable, usageBlock } from '../scripts/docs.ts';
import { USAGE } from '../src/cli/args.ts';

const README = read('README.md');

/** `text` without its fenced code blocks. */
function withoutFences(text: string): string {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && marker?.startsWith(fence)) fence = undefined;
    else if (fence === undefined) lines.push(line);
  }
  return lines.join('\n');
}

/** `text` without code: links are only what is left. */
const prose = (text: string) => withoutFences(text).replace(/(`+)[\s\S]*?\1/g, 'code');

/** The anchors GitHub gives a page's headings (github-slugger: lower case, punctuation dropped, `-` for spaces). */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  const headings = [...withoutFences(text).matchAll(/^#{1,6} +(.+?) *#*$/gm)].map((m) => m[1]!);
  for (const heading of headings) {
    const plain = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const slug = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

/** The rows of a Markdown table whose header starts with `first`, as `[name, value]` by their first two cells. */
function tableRows(text: string, first: string): Map<string, string> {
  const start = text.indexOf(`| ${first} |`);
  expect(start, `a table headed "${first}"`).toBeGreaterThanOrEqual(0);
  const rows = text.slice(start).split('\n').slice(2);
  const end = rows.findIndex((row) => !row.startsWith('|'));
  return new Map(
    rows.slice(0, end < 0 ? undefined : end).map((row) => {
      const cells = row.split(/(?<!\\)\|/).map((cell) => cell.trim());
      return [cells[1]!, cells[2]!] as const;
    }),
  );
}

describe('the generated parts', () => {
  it('are what `npm run docs` writes from action.yml and the CLI: the Usage and Outputs tables, and --help', () => {
    expect(README, 'README.md is stale: run npm run docs').toBe(generatedReadme(README));
    expect(read('docs/cli.md'), 'docs/cli.md is stale: run npm run docs').toBe(generatedCliPage(read('docs/cli.md')));
    expect(read('docs/cli.md')).toContain(USAGE.trimEnd());
  });

  it('name every input with its default, and every output, in the README', () => {
    const action = readActionYaml();
    const usage = tableRows(README, 'input');
    expect([...usage.keys()]).toEqual(Object.keys(action.inputs).map((name) => `\`${name}\``));
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect(usage.get(`\`${name}\``), name).toBe(spec.default ? `\`${spec.default}\`` : '');
    }
    expect([...tableRows(README, 'output').keys()]).toEqual(Object.keys(action.outputs).map((name) => `\`${name}\``));
  });

  it('follow action.yml when it changes: a new input or output gets its row', () => {
    const action = { inputs: { new_input: { description: 'A | B.', default: 'x' } }, outputs: { new_output: { description: 'C.' } } };
    expect(usageBlock(action)).toContain('| `new_input` | `x` | A \\| B. |');
    expect(outputsTable(action)).toContain('| `new_output` | C. |');
  });
});

describe('the README', () => {
  it('is at most 300 lines', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(300);
  });

  it("quotes measured figures only from the benchmark's own output", () => {
    const bench = tableRows(read('docs/benchmark.md'), 'Measure');
    const measured = [...bench.values()].join(' ');
    // The start-up gap is the one figure worked out of two rows: the action's start minus bare Node's.
    const gap =
      Number.parseFloat(bench.get('Start to first API request, action (median)')!) -
      Number.parseFloat(bench.get('Start to first API request, bare Node (median)')!);
    // Figures with a unit of measure in the README's own prose (the generated tables are action.yml's).
    const text = prose(generatedReadme(README, { inputs: {}, outputs: {} }));
    const figures = [...text.matchAll(/(~?)(\d+(?:\.\d+)?) ?(ms|MB|KB|x)\b( after bare Node's)?/g)];
    for (const [figure, about, value, unit, afterBare] of figures) {
      if (afterBare) expect(Number(value), figure).toBe(Math.round(gap));
      else expect(measured, `the README's ${figure}${about ? ' (rounded)' : ''}`).toContain(`${value} ${unit}`);
    }
  });

  it('links every example workflow', () => {
    const examples = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yml'));
    expect(examples.length).toBeGreaterThan(10);
    for (const example of examples) expect(README, example).toContain(`](examples/${example})`);
  });
});

describe('the reference pages', () => {
  it('document every input in docs/inputs.md and every output in docs/outputs.md', () => {
    const action = readActionYaml();
    const inputs = read('docs/inputs.md');
    const undocumented = Object.keys(action.inputs).filter((name) => !inputs.includes(`**\`${name}\`**`));
    expect(undocumented, 'inputs with no **`name`** entry in docs/inputs.md').toEqual([]);
    const outputs = [...tableRows(read('docs/outputs.md'), 'output').keys()];
    const declared = Object.keys(action.outputs).map((name) => `\`${name}\``);
    expect(
      declared.filter((name) => !outputs.includes(name)),
      'outputs with no row in the table of docs/outputs.md',
    ).toEqual([]);
    expect(
      outputs.filter((name) => !declared.includes(name)),
      'rows of docs/outputs.md for outputs action.yml does not declare',
    ).toEqual([]);
  });

  it('say what to do about every error code the Oz API defines for a run', () => {
    // The codes of `status_message.error_code` in the Oz API reference (RunItem).
    const codes = [
      'insufficient_credits',
      'feature_not_available',
      'external_authentication_required',
      'not_authorized',
      'invalid_request',
      'resource_not_found',
      'budget_exceeded',
      'integration_disabled',
      'integration_not_configured',
      'operation_not_supported',
      'environment_setup_failed',
      'content_policy_violation',
      'conflict',
      'authentication_required',
      'resource_unavailable',
      'agent_stream_network_error',
      'agent_stream_failure',
      'internal_error',
    ];
    const table = tableRows(read('docs/troubleshooting.md'), 'error code');
    expect([...table.keys()].sort()).toEqual(codes.map((code) => `\`${code}\``).sort());
  });

  it('name every folder of src/ in the layout table of docs/architecture.md', () => {
    const table = tableRows(read('docs/architecture.md'), 'folder');
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `\`src/${entry.name}/\``);
    expect(folders.length).toBeGreaterThan(5);
    for (const folder of folders) expect([...table.keys()], folder).toContain(folder);
  });

  it('list every knob of the simulator (sim_* metadata)', () => {
    const knobs = new Set([...read('sim/server.ts').matchAll(/\bsim_[a-z_]+/g)].map((m) => m[0]));
    const page = read('docs/architecture.md');
    for (const knob of knobs) expect(page, knob).toContain(`\`${knob}\``);
  });

  it('say the same of base_prompt as --help and action.yml do: what the API says, nothing more', () => {
    const help = USAGE.split('\n').find((line) => line.includes('--base-prompt'))!;
    const input = readActionYaml().inputs.base_prompt as unknown as { description: string };
    const entry = read('docs/inputs.md')
      .split('\n- ')
      .find((item) => item.startsWith('**`base_prompt`**'))!;
    for (const text of [help, input.description, entry]) {
      expect(text).toMatch(/custom base prompt for the agent \(`?config\.base_prompt`?\)/i);
      expect(text).not.toMatch(/overrid|placed before/i);
    }
  });
});

describe('links and paths', () => {
  it.each(PAGES)('%s: every relative link and anchor resolves', (page) => {
    const links = [...prose(read(page)).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    for (const link of links.filter((l) => !/^[a-z]+:/i.test(l))) {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path === '' ? page : normalize(join(dirname(page), path));
      expect(existsSync(join(ROOT, target)), `${page}: ${link}`).toBe(true);
      if (anchor !== undefined) expect([...anchors(read(target))], `${page}: ${link}`).toContain(anchor);
    }
  });

  it.each(PAGES)('%s: every path it names exists', (page) => {
    const named = [...read(page).matchAll(/`((?:src|dist|sim|scripts|__tests__|examples|docs|\.github|\.ci)\/[^`\s*<{]*)`/g)].map(
      (m) => m[1]!,
    );
    // dist/ is checked where it is built (package.test.ts): the unit tests pass without it.
    for (const path of named.filter((p) => !p.startsWith('dist/')))
      expect(existsSync(join(ROOT, path)), `${page} names ${path}`).toBe(true);
  });
});
