/** Every example workflow is valid, minimal in permissions, bounded in time, and uses only declared inputs. */
import { validateWorkflow } from '@action-validator/core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readActionYaml, ROOT } from '../sim/runner.ts';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  permissions?: unknown;
  concurrency?: unknown;
  jobs: Record<string, { permissions?: unknown; concurrency?: unknown; 'timeout-minutes'?: number; steps: Step[] }>;
}

const dir = join(ROOT, 'examples');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const inputs = new Set(Object.keys(readActionYaml().inputs));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('examples/', () => {
  it("holds the documented workflows, and this action's versions of the six official examples", () => {
    expect(files.sort()).toEqual([
      'answer-mention.yml',
      'auto-fix-issue.yml',
      'daily-issue-summary.yml',
      'fix-failing-checks.yml',
      'fix-issue-on-label.yml',
      'matrix.yml',
      'nightly.yml',
      'pr-review.yml',
      'respond-to-comment.yml',
      'review-pr.yml',
      'start-and-wait.yml',
      'suggest-review-fixes.yml',
    ]);
  });

  describe.each(files)('%s', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const workflow = parse(text) as Workflow;
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const ours = steps.filter((step) => /\/oz-agent-action@v\d+$/.test(step.uses ?? ''));

    it('is a valid workflow', () => {
      expect(validateWorkflow(text).errors).toEqual([]);
    });

    it('sets permissions, concurrency and a timeout for every job', () => {
      for (const job of Object.values(workflow.jobs)) {
        expect(job.permissions ?? workflow.permissions).toBeDefined();
        expect(job.concurrency ?? workflow.concurrency).toBeDefined();
        expect(job['timeout-minutes']).toBeGreaterThan(0);
      }
    });

    it('uses the action with only the inputs action.yml declares, and the key from a secret', () => {
      expect(ours.length).toBeGreaterThan(0);
      for (const step of ours) {
        for (const name of Object.keys(step.with ?? {})) expect(inputs, `${file}: ${name}`).toContain(name);
        expect(step.with?.warp_api_key).toBe('${{ secrets.WARP_API_KEY }}');
      }
    });

    it('is linked from the README', () => {
      expect(readme).toContain(`examples/${file}`);
    });
  });

  it('asks for write permissions only where the action writes: comments and check runs', () => {
    const review = parse(readFileSync(join(dir, 'pr-review.yml'), 'utf8')) as Workflow;
    expect(review.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', checks: 'write' });
    const nightly = parse(readFileSync(join(dir, 'nightly.yml'), 'utf8')) as Workflow;
    expect(nightly.permissions).toEqual({});
  });
});

describe("the official examples, this action's way", () => {
  const read = (file: string) => parse(readFileSync(join(dir, file), 'utf8')) as Workflow & Record<string, unknown>;

  it('reviews with the review input where the official ones post a review by script', () => {
    for (const file of ['review-pr.yml', 'suggest-review-fixes.yml']) {
      const steps = Object.values(read(file).jobs).flatMap((job) => job.steps);
      expect(steps.find((s) => s.uses?.includes('oz-agent-action'))?.with?.review, file).toBe(true);
      expect(
        steps.some((s) => s.uses?.startsWith('actions/github-script')),
        file,
      ).toBe(false);
    }
  });

  it('fix-failing-checks runs on failed CI runs and stops after a documented number of attempts, counted from its own comments', () => {
    const text = readFileSync(join(dir, 'fix-failing-checks.yml'), 'utf8');
    const workflow = read('fix-failing-checks.yml') as unknown as Workflow & { on: Record<string, unknown>; env: Record<string, unknown> };
    expect(workflow.on.workflow_run).toMatchObject({ types: ['completed'] });
    expect(Number(workflow.env.MAX_ATTEMPTS)).toBeGreaterThan(0);
    expect(text).toContain(`after MAX_ATTEMPTS tries per pull request`);
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps) as (Step & { if?: string; run?: string })[];
    const agent = steps.find((s) => s.uses?.includes('oz-agent-action'))!;
    expect(agent.if).toBe('steps.failure.outputs.tries < env.MAX_ATTEMPTS');
    // Attempts are the job token's own comments with the marker, and each attempt writes one.
    expect(text).toContain('select(.user.login == \\"github-actions[bot]\\" and (.body | startswith(env.MARKER)))');
    expect(steps.filter((s) => s.run?.includes('gh pr comment "$PR" --body "$MARKER'))).toHaveLength(2);
    // The failed jobs and the end of their logs reach the agent.
    expect(text).toContain('select(.conclusion == "failure")');
    expect(text).toContain('/logs" | tail -n 80');
  });
});

describe('.github/workflows/', () => {
  it.each(readdirSync(join(ROOT, '.github', 'workflows')))('%s is a valid workflow using only declared inputs', (file) => {
    const text = readFileSync(join(ROOT, '.github', 'workflows', file), 'utf8');
    expect(validateWorkflow(text).errors).toEqual([]);
    const workflow = parse(text) as Workflow;
    for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps)) {
      if (step.uses !== './') continue;
      for (const name of Object.keys(step.with ?? {})) expect(inputs, `${file}: ${name}`).toContain(name);
    }
  });
});

describe('actions the workflows, examples and README use', () => {
  /**
   * Majors that run on Node 20, which GitHub is retiring, each read from the action's own action.yml
   * (`runs.using: node20`); their next majors run on Node 24 (upload-artifact: v6 and v7).
   */
  const NODE_20 = ['actions/upload-artifact@v4', 'actions/upload-artifact@v5', 'actions/checkout@v4', 'actions/setup-node@v4'];

  it('run on Node 24: none is a major that still runs on Node 20', () => {
    const texts = [
      ...readdirSync(join(ROOT, '.github', 'workflows')).map((f) => join(ROOT, '.github', 'workflows', f)),
      ...files.map((f) => join(dir, f)),
      join(ROOT, 'README.md'),
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(ROOT, 'docs', f)),
    ].map((path) => [path, readFileSync(path, 'utf8')] as const);
    const used = texts.flatMap(([path, text]) => [...text.matchAll(/uses: *([\w.-]+\/[\w./-]+@[\w.-]+)/g)].map((m) => `${path}: ${m[1]}`));
    expect(used.some((u) => u.includes('actions/upload-artifact@'))).toBe(true);
    expect(used.filter((u) => NODE_20.some((old) => u.endsWith(` ${old}`)))).toEqual([]);
  });
});

/** The scripts of a workflow's (or a doc's YAML's) `run:` keys, a block scalar's lines joined to one. */
function scripts(text: string): string[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    const run = /^(\s*)(?:- )?run: ?(.*)$/.exec(line);
    if (!run) return [];
    // The script's own lines are indented deeper than its `run` key; a sibling key (`env:`) is not.
    const indent = line.indexOf('run:');
    const body = [run[2]!];
    for (const next of lines.slice(i + 1)) {
      if (next.trim() !== '' && next.length - next.trimStart().length <= indent) break;
      body.push(next.trim());
    }
    return [body.join(' ')];
  });
}

describe('scripts in the examples, the README and the docs', () => {
  it("take the action's outputs through env, never inside the script, where the agent's text would be shell", () => {
    const outputs = Object.keys(readActionYaml().outputs).join('|');
    const inline = new RegExp(`\\$\\{\\{\\s*steps\\.[\\w-]+\\.outputs\\.(?:${outputs})\\b`);
    const paths = [
      ...files.map((f) => join(dir, f)),
      join(ROOT, 'README.md'),
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(ROOT, 'docs', f)),
    ];
    const all = paths.flatMap((path) => scripts(readFileSync(path, 'utf8')).map((script) => `${path}: ${script}`));
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((script) => inline.test(script))).toEqual([]);
  });
});

describe('README and the switching page', () => {
  it('never promise a one-line switch from the official action, which runs the agent on the runner', () => {
    for (const text of [readme, readFileSync(join(ROOT, 'docs', 'switching.md'), 'utf8')]) expect(text).not.toMatch(/one-line change/);
  });
});
