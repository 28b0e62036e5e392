/**
 * What the docs say of the built tree (the dist project: it needs dist/): the npm package's files as
 * npm packs them, the CLI's bin, the folders the benchmark measures, and every dist/ path the docs
 * name. The rest of what the docs say is checked in readme.test.ts, on the source alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../sim/runner.ts';
import { BUNDLE_ROWS } from '../scripts/bundle-sizes.ts';
import { PAGES, read } from './helpers/docs.ts';

it.each(PAGES)('%s: every dist/ path it names exists', (page) => {
  const named = [...read(page).matchAll(/`(dist\/[^`\s*<{]*)`/g)].map((m) => m[1]!);
  for (const path of named) expect(existsSync(join(ROOT, path)), `${page} names ${path}`).toBe(true);
});

describe('the CLI page', () => {
  it("lists the npm package's contents as npm pack does", () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' })) as {
      files: { path: string }[];
    }[];
    const sentence = /The package\s+holds ([\s\S]+?) \(what `npm pack/.exec(read('docs/cli.md'))![1]!;
    // A folder (`dist/cli/`) stands for every file in it.
    const named = [...sentence.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const files = packed!.files.map((f) => f.path);
    const covers = (name: string, file: string) => file === name || (name.endsWith('/') && file.startsWith(name));
    expect(files.filter((file) => !named.some((name) => covers(name, file)))).toEqual([]);
    expect(named.filter((name) => !files.some((file) => covers(name, file)))).toEqual([]);
  });

  it('gives an install command that needs no published package, and a bin that npm runs', () => {
    const command = 'npx --yes --package=github:OWNER/oz-agent-action#v1 -- oz-agent-run';
    expect(read('docs/cli.md')).toContain(command);
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
});

describe('the benchmark', () => {
  it('measures every folder of dist/', () => {
    expect(BUNDLE_ROWS.map(({ folder }) => folder).sort()).toEqual(
      readdirSync(join(ROOT, 'dist'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort(),
    );
  });
});
