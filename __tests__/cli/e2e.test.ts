/**
 * The CLI as users run it: the committed dist/cli/index.js, a process of its own, against the simulator.
 * Exit codes, what it prints where, the files it writes, and what reached the API.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSimulator } from '../helpers/simulator.ts';
import { ROOT } from '../../sim/runner.ts';

const CLI = join(ROOT, 'dist', 'cli', 'index.js');
const KEY = 'wk-cli-e2e-key';
const sim = useSimulator();

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with only the environment given (plus PATH), like a CI job would. */
function cli(args: string[], env: Record<string, string> = {}, onStderr?: (text: string, kill: (s: NodeJS.Signals) => void) => void) {
  return new Promise<CliResult>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', WARP_API_KEY: KEY, OZ_API_BASE_URL: sim.url, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      onStderr?.(stderr, (s) => child.kill(s));
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const fast = ['--poll-interval-seconds', '0.05', '--max-poll-interval-seconds', '0.2'];

describe('oz-agent-run', () => {
  it('runs an agent to SUCCEEDED: exit 0, progress on stderr, outputs as JSON on stdout', async () => {
    const result = await cli(['--prompt', 'Fix the flaky test', '--title', 'Flaky', '--metadata', 'team=platform', '--json', ...fast]);
    expect(result.code).toBe(0);
    const outputs = JSON.parse(result.stdout) as Record<string, string>;
    const run = [...sim.runs.values()][0]!.run;
    expect(outputs).toMatchObject({ run_id: run.run_id, state: 'SUCCEEDED', title: 'Flaky' });
    expect(outputs.pull_request_url).toBe('https://github.com/example/repo/pull/42');
    expect(result.stderr).toContain(`Created Oz run ${run.run_id} (QUEUED).`);
    // Each state read is a line; on a loaded machine the first read may come only once the run has ended.
    expect(result.stderr).toMatch(/-> (INPROGRESS|SUCCEEDED)/);
    expect(result.stderr).toContain('Watch the agent: ');
    expect(run.metadata).toMatchObject({ team: 'platform', ci_provider: 'none' });
    expect(sim.apiRequests('POST', '/agent/runs')[0]!.headers['user-agent']).toMatch(/^oz-agent-run\/1\.0\.0 node\/24\./);
  });

  it('exits 1 when the run fails, naming the state and the reason', async () => {
    const result = await cli(['--prompt', 'p', '--metadata', 'sim_outcome=failed', ...fast]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ended FAILED: The environment failed to set up: `npm ci` exited 1. [environment_setup_failed]');
    expect(result.stdout).toBe('');
  });

  it('exits 1 at --timeout-minutes, after cancelling the run', async () => {
    const result = await cli(['--prompt', 'p', '--metadata', 'sim_outcome=never', '--timeout-minutes', '0.01', ...fast]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The run did not end within --timeout-minutes (0.01), so the run was cancelled.');
    expect([...sim.runs.values()][0]!.cancelledAt).toBeDefined();
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)("cancels the live run on %s and exits %i, its summary in the CLI's words", async (signal, code) => {
    const summary = join(mkdtempSync(join(tmpdir(), 'oz-cli-')), 'summary.md');
    const result = await cli(
      ['--prompt', 'p', '--metadata', 'sim_outcome=never', '--summary-file', summary, ...fast],
      {},
      (stderr, kill) => {
        if (stderr.includes('-> INPROGRESS') && !stderr.includes('Received')) kill(signal);
      },
    );
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(`Received ${signal}`);
    expect([...sim.runs.values()][0]!.cancelledAt).toBeDefined();
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## 🚫 Oz agent run stopped: the command was interrupted');
    expect(md).not.toMatch(/workflow|job/);
  });

  it('leaves the run live on SIGINT with --no-cancel-on-abort, with the same exit code', async () => {
    const result = await cli(['--prompt', 'p', '--metadata', 'sim_outcome=never', '--no-cancel-on-abort', ...fast], {}, (stderr, kill) => {
      if (stderr.includes('-> INPROGRESS') && !stderr.includes('Received')) kill('SIGINT');
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('The run was interrupted; --no-cancel-on-abort is set, so the run was left running.');
    expect([...sim.runs.values()][0]!.cancelledAt).toBeUndefined();
  });

  it.each([
    [['--prompt', 'p', '--mode', 'fast'], "Invalid --mode 'fast'. Expected one of normal, plan or orchestrate."],
    [['--prompt', 'p', '--timeout-minutes', 'soon'], "Invalid --timeout-minutes 'soon'. Expected a positive number"],
    [['--prompt', 'p', '--metadata', 'no-equals'], "Invalid --metadata 'no-equals'. Expected KEY=VALUE"],
    [['--prompt', 'p', '--bogus'], "Unknown flag '--bogus'. See oz-agent-run --help."],
    [['--run-id', 'r1', '--prompt', 'p'], '--run-id watches an existing run, so it cannot be combined with --prompt'],
    [['--title', 't'], 'Missing --prompt: set --prompt, --prompt-file or --skill'],
  ])('exits 2 on bad flags %j, before any request', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(sim.requests).toEqual([]);
  });

  it('exits 2 without WARP_API_KEY, and never takes the key as a flag', async () => {
    const missing = await cli(['--prompt', 'p'], { WARP_API_KEY: '' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing WARP_API_KEY');
    const flag = await cli(['--prompt', 'p', '--warp-api-key', KEY]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).not.toContain(KEY);
    expect(sim.requests).toEqual([]);
  });

  it('exits 2 when the API refuses the create, with its error code', async () => {
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'status', status: 400, code: 'invalid_request', echoAuth: true });
    const result = await cli(['--prompt', 'p', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[invalid_request]');
    expect(result.stderr + result.stdout).not.toContain(KEY);
  });

  it('prints only the run id with --no-wait, for a later --run-id', async () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'oz-cli-')), 'summary.md');
    const started = await cli(['--prompt', 'p', '--no-wait', '--summary-file', summary]);
    expect(started.code).toBe(0);
    const runId = started.stdout.trim();
    expect(sim.runs.has(runId)).toBe(true);
    // The summary says what comes next in the CLI's words, not a workflow's steps.
    expect(readFileSync(summary, 'utf8')).toContain('the run goes on after this command. Watch it in another command with --run-id.');
    const watched = await cli(['--run-id', runId, ...fast]);
    expect(watched.code).toBe(0);
    expect(watched.stderr).toContain(`Watching existing Oz run ${runId}.`);
    expect(sim.runs.size).toBe(1);
  });

  it('with --no-wait, reads the run once after the create, and never its conversation', async () => {
    const started = await cli(['--prompt', 'p', '--no-wait', '--json']);
    expect(started.code).toBe(0);
    const outputs = JSON.parse(started.stdout) as Record<string, string>;
    expect(outputs).toMatchObject({ outcome: 'started', run_id: [...sim.runs.keys()][0] });
    expect(sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /agent/runs', `GET /agent/runs/${outputs.run_id}`]);
  });

  it('writes the Markdown summary and the dotenv outputs GitLab reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oz-cli-'));
    const summary = join(dir, 'summary.md');
    const dotenv = join(dir, 'oz.env');
    const result = await cli(['--prompt', 'p', '--title', 'Two\nlines', '--summary-file', summary, '--output-file', dotenv, ...fast]);
    expect(result.code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toContain('## ✅ Oz agent run succeeded');
    const lines = readFileSync(dotenv, 'utf8').trim().split('\n');
    const values = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(Object.keys(values)).toEqual([
      'OZ_RUN_ID',
      'OZ_STATE',
      'OZ_SESSION_LINK',
      'OZ_TITLE',
      'OZ_STATUS_MESSAGE',
      'OZ_ERROR_CODE',
      'OZ_RETRYABLE',
      'OZ_CONVERSATION_ID',
      'OZ_PULL_REQUEST_URL',
      'OZ_FOLLOWED_UP',
      'OZ_FOLLOWUP_ID',
      'OZ_DOWNLOADED_FILES',
      'OZ_CREDITS',
      'OZ_COST_USD',
      'OZ_TOKENS',
    ]);
    expect(values).toMatchObject({ OZ_STATE: 'SUCCEEDED', OZ_TITLE: 'Two lines' });
  });

  it('traces the run to the GitLab pipeline it runs in', async () => {
    const gitlab = {
      GITLAB_CI: 'true',
      CI_JOB_URL: 'https://gitlab.example.com/acme/widgets/-/jobs/77',
      CI_COMMIT_SHA: 'c0ffee',
      CI_COMMIT_REF_NAME: 'main',
      CI_JOB_NAME: 'agent',
    };
    const result = await cli(['--prompt', 'p', ...fast], gitlab);
    expect(result.code).toBe(0);
    expect([...sim.runs.values()][0]!.run.metadata).toMatchObject({
      ci_provider: 'gitlab',
      ci_pipeline_url: gitlab.CI_JOB_URL,
      ci_commit_sha: 'c0ffee',
      ci_branch: 'main',
      ci_job: 'agent',
    });
  });

  it('strips escape sequences from API text on the terminal', async () => {
    const result = await cli(['--prompt', 'p', '--title', 'Clear \u001b[2J\u001b]0;owned\u0007screen', ...fast]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr).toContain('Clear screen');
  });
});

describe('the npm package', () => {
  it('packs a package whose bin runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oz-pack-'));
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })) as {
      filename: string;
      files: { path: string }[];
    }[];
    // The CLI's folder (its entry and ncc's chunks), the licences, and nothing of the action's steps.
    const cli = readdirSync(join(ROOT, 'dist', 'cli')).map((file) => `dist/cli/${file}`);
    expect(packed!.files.map((f) => f.path).sort()).toEqual(['LICENSE', 'README.md', ...cli, 'dist/licenses.txt', 'package.json'].sort());
    execFileSync('tar', ['-xzf', join(dir, packed!.filename), '-C', dir]);
    const pkg = JSON.parse(readFileSync(join(dir, 'package', 'package.json'), 'utf8')) as { bin: Record<string, string>; license: string };
    expect(pkg.license).toBe('MIT');
    const bin = join(dir, 'package', pkg.bin['oz-agent-run']!);
    expect(existsSync(bin)).toBe(true);
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe('1.0.0');
    expect(execFileSync(bin, ['--help'], { encoding: 'utf8' })).toContain('Usage: oz-agent-run');
  });
});
