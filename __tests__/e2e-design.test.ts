/**
 * One plan, facts from the core, words at the edge (issue 14), end to end on the committed dist/:
 * what to run is decided before the checks and the schema instruction is added in one place, and
 * each front end tells the same facts in its own words.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';
import { ROOT, runStep } from '../sim/runner.ts';

const sim = useSimulator();
const github = useGitHubDouble();

const SCHEMA = '{"type": "object", "required": ["verdict"]}';
const INSTRUCTION = 'When you have finished, end your final answer with one JSON object';
const fast = { poll_interval_seconds: '0.05', max_poll_interval_seconds: '0.2' };
const creates = () => sim.requests.filter((r) => r.method === 'POST' && r.path === '/agent/runs');

describe('the action decides what to run before its checks', () => {
  const inputs = (extra: Record<string, string>) => ({
    warp_api_key: 'wk-e2e-design',
    api_base_url: sim.url,
    github_token: 'ghs-double',
    trigger_phrase: '@oz',
    ...fast,
    ...extra,
  });

  it('refuses a trigger phrase with an output schema and no prompt on a pull_request event, as it does without the schema', async () => {
    const withSchema = await runStep({ inputs: inputs({ output_schema: SCHEMA }), env: github.pullRequestEvent() });
    // Before: the agent was started with the schema instruction as its whole prompt.
    expect(creates()).toEqual([]);
    expect(withSchema.code).not.toBe(0);
    expect(withSchema.log).toContain('Missing prompt: set prompt, prompt_file or skill. trigger_phrase writes the prompt only on');
    const without = await runStep({ inputs: inputs({}), env: github.pullRequestEvent() });
    expect(without.log).toContain('Missing prompt: set prompt, prompt_file or skill.');
    expect(creates()).toEqual([]);
  });

  it("sends a mention's request with the schema instruction once", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'oz-design-')), 'event.json');
    writeFileSync(
      path,
      JSON.stringify({
        issue: { number: 7, html_url: 'https://github.com/acme/widgets/pull/7', title: 'Speed up login', pull_request: {} },
        comment: {
          id: 91,
          html_url: 'https://github.com/acme/widgets/pull/7#issuecomment-91',
          body: '@oz review it',
          user: { login: 'octocat', type: 'User' },
        },
        sender: { login: 'octocat', type: 'User' },
      }),
    );
    github.permissions = { octocat: 'write' };
    const main = await runStep({
      inputs: inputs({ output_schema: SCHEMA, metadata: 'sim_answer_json={"verdict":"approve"}' }),
      env: { GITHUB_API_URL: github.url, GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: path },
    });
    expect(main.code).toBe(0);
    const [create] = creates();
    const prompt = (create!.body as { prompt: string }).prompt;
    expect(prompt).toContain('review it');
    expect(prompt.split(INSTRUCTION)).toHaveLength(2);
  });

  it('names its own input in the hint of a 401', async () => {
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'status', status: 401 });
    const main = await runStep({ inputs: { warp_api_key: 'wk-e2e-design', api_base_url: sim.url, prompt: 'p', ...fast } });
    expect(main.code).not.toBe(0);
    expect(main.log).toContain('check the warp_api_key secret');
  });
});

/** Runs the CLI's bundle with only the environment given, like a CI job would. */
function cli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'index.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', WARP_API_KEY: 'wk-cli-design', OZ_API_BASE_URL: sim.url },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the CLI says it in its own words', () => {
  const fastFlags = ['--poll-interval-seconds', '0.05', '--max-poll-interval-seconds', '0.2'];

  it('tells a user who timed out to raise --timeout-minutes, not an action input', async () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'oz-design-cli-')), 'summary.md');
    const result = await cli([
      '--prompt',
      'p',
      '--metadata',
      'sim_outcome=never',
      '--timeout-minutes',
      '0.01',
      '--summary-file',
      summary,
      ...fastFlags,
    ]);
    expect(result.code).toBe(1);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('Raise `--timeout-minutes`');
    expect(text).not.toContain('timeout_minutes');
    expect(text).not.toContain('timeout\\_minutes');
  });

  it('tells a user whose key is refused to check WARP_API_KEY, not a secret of the action', async () => {
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'status', status: 401 });
    const result = await cli(['--prompt', 'p', ...fastFlags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The Warp API key is missing, invalid or revoked: check WARP_API_KEY');
    expect(result.stderr).not.toContain('warp_api_key');
  });

  it('tells a user whose answer is not valid to relax --output-schema', async () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'oz-design-cli-')), 'summary.md');
    const result = await cli(['--prompt', 'p', '--output-schema', SCHEMA, '--summary-file', summary, ...fastFlags]);
    expect(result.code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toContain('relax `--output-schema`');
  });
});
