/**
 * The CLI in scripts and terminals: the committed dist/cli/index.js against the simulator. Typed --json,
 * the success line, --quiet, and colour with a live status line only on a terminal.
 */
import { execFileSync, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, runCliBundle } from '../helpers/cli.ts';
import { useSimulator } from '../helpers/simulator.ts';
import { readActionYaml } from '../../sim/runner.ts';

const sim = useSimulator();
const fast = ['--poll-interval-seconds', '0.05', '--max-poll-interval-seconds', '0.2'];

/** `script` (util-linux, Debian package bsdutils) gives the CLI a pseudo-terminal, as a person's shell would. */
function hasScript(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs the CLI on a pseudo-terminal; resolves with everything it wrote there. */
function onTerminal(args: string[], env: Record<string, string> = {}): Promise<string> {
  if (!hasScript()) throw new Error('This test needs `script` (Debian package bsdutils, part of util-linux); .ci/run installs it.');
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { PATH: process.env.PATH ?? '', WARP_API_KEY: 'wk-cli-e2e-key', OZ_API_BASE_URL: sim.url, TERM: 'xterm', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', () => resolve(out));
  });
}

describe('oz-agent-run in scripts', () => {
  it('prints typed JSON with --json: the run an object, artifacts an array, booleans, numbers', async () => {
    const result = await runCliBundle(sim, ['--prompt', 'Fix it', '--json', ...fast]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown> & { run: { state: string }; artifacts: unknown[] };
    expect(json.run.state).toBe('SUCCEEDED');
    expect(json).toMatchObject({
      outcome: 'succeeded',
      exit_code: 0,
      state: 'SUCCEEDED',
      followed_up: false,
      retryable: null,
      structured_output: null,
      downloaded_files: [],
      pull_request_url: 'https://github.com/example/repo/pull/42',
    });
    expect(json.artifacts.map((a) => (a as { artifact_type: string }).artifact_type)).toEqual(['PLAN', 'PULL_REQUEST']);
    // As docs/cli.md says: every output of the action but the GitHub ones, plus outcome, exit_code and note.
    const github = ['skipped', 'comment_url', 'check_run_id', 'review_url', 'review_comments', 'verdict', 'dismissed_reviews'];
    const outputs = Object.keys(readActionYaml().outputs).filter((name) => !github.includes(name));
    expect(Object.keys(json).sort()).toEqual(['outcome', 'exit_code', ...outputs, 'note'].sort());
  });

  it('types a failed run too, with its exit code and a boolean retryable', async () => {
    const result = await runCliBundle(sim, ['--prompt', 'p', '--json', '--metadata', 'sim_outcome=failed', ...fast]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      outcome: 'failed',
      exit_code: 1,
      retryable: false,
      error_code: 'environment_setup_failed',
    });
  });

  it('ends a success with the pull request, as the action does', async () => {
    const result = await runCliBundle(sim, ['--prompt', 'Fix it', ...fast]);
    const run = [...sim.runs.values()][0]!.run;
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(
      `Oz run ${run.run_id} succeeded. Pull request: https://github.com/example/repo/pull/42`,
    );
  });

  it('with --quiet prints nothing on a success and only the failure on a failure', async () => {
    const ok = await runCliBundle(sim, ['--prompt', 'Fix it', '--quiet', ...fast]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    const failed = await runCliBundle(sim, ['--prompt', 'p', '-q', '--metadata', 'sim_outcome=failed', ...fast]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^oz-agent-run: Oz run \S+ ended FAILED: The environment failed to set up[^\n]*\n$/);
  });

  it('writes no escape sequence when stderr is not a terminal', async () => {
    const result = await runCliBundle(sim, ['--prompt', 'Fix it', ...fast], { TERM: 'xterm' });
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr).not.toContain('\r');
  });

  it('on a terminal, colours states and keeps a live status line; NO_COLOR takes the colour away', async () => {
    const coloured = await onTerminal(['--prompt', 'Fix it', ...fast]);
    expect(coloured).toContain('\u001b[32mSUCCEEDED\u001b[0m');
    expect(coloured).toMatch(/\r\u001b\[2K\S+ \u001b\[36mINPROGRESS\u001b\[0m · \d+s · Fix it/);
    expect(coloured).toContain('\u001b[32mOz run ');

    const plain = await onTerminal(['--prompt', 'Fix it', ...fast], { NO_COLOR: '1' });
    expect(plain).not.toMatch(/\u001b\[\d+m/);
    expect(plain).toMatch(/\r\u001b\[2K\S+ INPROGRESS · \d+s · Fix it/);
    expect(plain).toMatch(/succeeded\. Pull request: https:\/\/github\.com\/example\/repo\/pull\/42/);
  });
});
