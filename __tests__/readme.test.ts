/**
 * What the README says, tied to what the code is: figures that drift (counts, rounds, bundles), file
 * names, the package's contents, the install command, the simulator's knobs and the CLI's help.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readActionYaml } from '../sim/runner.ts';
import { BUNDLE_ROWS, folderSizes } from '../scripts/bundle-sizes.ts';
import { USAGE } from '../src/cli/args.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The README's section under `heading`, up to the next heading of that level or higher. */
function section(heading: string): string {
  const start = README.indexOf(`${heading}\n`);
  expect(start, `README has a section ${heading}`).toBeGreaterThanOrEqual(0);
  const level = heading.match(/^#+/)![0].length;
  const rest = README.slice(start + heading.length);
  const end = rest.search(new RegExp(`\\n#{1,${level}} `));
  return end < 0 ? rest : rest.slice(0, end);
}

/** The value cell of the benchmark table's row that starts with `measure`. */
function benchValue(measure: string): string {
  const row = section('## Benchmark')
    .split('\n')
    .find((line) => line.startsWith(`| ${measure} |`));
  expect(row, `the benchmark table has a row "${measure}"`).toBeDefined();
  return row!.split('|')[2]!.trim();
}

/** `237 KB` or `398 B` in bytes. */
const bytes = (size: string) => (size.endsWith(' KB') ? Number(size.slice(0, -3)) * 1024 : Number(size.slice(0, -2)));

describe('the README', () => {
  it('counts the outputs action.yml declares', () => {
    const count = Object.keys(readActionYaml().outputs).length;
    expect(README).toMatch(new RegExp(`\\| Declared outputs +\\| ${count}, `));
  });

  it("gives the start-up gap its own benchmark table shows, and the bench's default rounds", () => {
    const gap =
      Number.parseFloat(benchValue('Start to first API request, action (median)')) -
      Number.parseFloat(benchValue('Start to first API request, bare Node (median)'));
    expect(README).toContain(`its first request leaves ~${Math.round(gap)} ms after bare Node's`);
    const rounds = /BENCH_ROUNDS \?\? (\d+)/.exec(read('scripts/bench.ts'))![1];
    expect(section('## Benchmark')).toContain(`, ${rounds} rounds):`);
  });

  it('lists every folder of dist/ in the benchmark table, at about its size', () => {
    const rows = section('## Benchmark')
      .split('\n')
      .filter((line) => line.startsWith('| Bundle: '));
    expect(rows.map((row) => row.split('|')[1]!.trim())).toEqual(BUNDLE_ROWS.map(({ label }) => `Bundle: ${label}`));
    const listed = BUNDLE_ROWS.map(({ folder }) => folder);
    expect(listed.sort()).toEqual(
      readdirSync(join(ROOT, 'dist'), { withFileTypes: true })
        .filter((f) => f.isDirectory())
        .map((f) => f.name)
        .sort(),
    );
    // Sizes move with every change; a figure more than 15% off (or 2 KB for small files) is stale.
    BUNDLE_ROWS.forEach(({ folder }, i) => {
      const shown = rows[i]!.split('|')[2]!.trim().split(' + ');
      folderSizes(ROOT, folder).forEach((actual, j) => {
        expect(Math.abs(bytes(shown[j]!) - actual), `${folder}: README says ${shown[j]}, it is ${actual} bytes`).toBeLessThanOrEqual(
          Math.max(2048, actual * 0.15),
        );
      });
    });
  });

  it("lists the npm package's contents as npm pack does", () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' })) as {
      files: { path: string }[];
    }[];
    const sentence = /The package\s+holds ([\s\S]+?) \(what `npm pack/.exec(section('## Other CI systems: the `oz-agent-run` CLI'))![1]!;
    // A folder (`dist/cli/`) stands for every file in it.
    const named = [...sentence.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const files = packed!.files.map((f) => f.path);
    expect(files.every((file) => named.some((name) => file === name || (name.endsWith('/') && file.startsWith(name))))).toBe(true);
    expect(named.every((name) => files.some((file) => file === name || (name.endsWith('/') && file.startsWith(name))))).toBe(true);
  });

  it('names only files and folders that exist in the Layout table', () => {
    const paths = [...section('### Layout').matchAll(/`((?:src|__tests__|sim|scripts)\/[^`]*)`/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) expect(existsSync(join(ROOT, path)), path).toBe(true);
    for (const entry of ['main.ts', 'post.ts', 'cli.ts']) expect(existsSync(join(ROOT, 'src', 'entrypoints', entry))).toBe(true);
  });

  it('gives a CLI install command that needs no published package, and a bin that npm runs', () => {
    const command = 'npx --yes --package=github:OWNER/oz-agent-action#v1 -- oz-agent-run';
    expect(README).toContain(command);
    for (const example of ['examples/other-ci/.gitlab-ci.yml', 'examples/other-ci/buildkite-pipeline.yml']) {
      expect(read(example)).toContain(command);
    }
    const pkg = JSON.parse(read('package.json')) as { bin: Record<string, string>; files: string[]; dependencies?: object };
    expect(pkg.bin).toEqual({ 'oz-agent-run': 'dist/cli/index.js' });
    // Everything the CLI loads at run time ships with it (its folder: the entry and ncc's chunks);
    // nothing is fetched besides (all is bundled).
    expect(pkg.files).toContain('dist/cli/');
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('says the same of base_prompt as --help and action.yml do: what the API says, nothing more', () => {
    const help = USAGE.split('\n').find((line) => line.includes('--base-prompt'))!;
    const input = readActionYaml().inputs.base_prompt as unknown as { description: string };
    const row = README.split('\n').find((line) => line.startsWith('| `base_prompt` |'))!;
    for (const text of [help, input.description, row]) {
      expect(text).toMatch(/custom base prompt for the agent \(`?config\.base_prompt`?\)/i);
      expect(text).not.toMatch(/overrid|placed before/i);
    }
  });

  it('documents every knob of the simulator (sim_* metadata) in its table', () => {
    const knobs = new Set([...read('sim/server.ts').matchAll(/\bsim_[a-z_]+/g)].map((m) => m[0]));
    const table = section("### The simulator's knobs");
    for (const knob of knobs) expect(table, knob).toContain(`\`${knob}\``);
  });

  it('says near the top where the agent works', () => {
    const top = README.slice(0, README.indexOf('## Why this action'));
    expect(top).toContain('**Where the agent works:** in its Oz environment');
    expect(top).toContain("It does not work\nin this runner's checkout");
    // The environment it names is the input that sets config.environment_id.
    expect((readActionYaml().inputs.environment as unknown as { description: string }).description).toContain('config.environment_id');
  });
});
