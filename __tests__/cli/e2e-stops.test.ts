/**
 * The committed dist/cli/index.js, a process of its own, stopped by real signals in every phase (create,
 * watch, conversation read, download) while the simulator holds a request open; and the exit codes a
 * wrapper decides on when a create's answer is lost. A hung request used to hold the CLI for its
 * whole 30 s (or 60 s) deadline, past the point where a CI system kills the job: these tests would
 * time out.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSimulator } from '../helpers/simulator.ts';
import { ROOT } from '../../sim/runner.ts';

const CLI = join(ROOT, 'dist', 'cli', 'index.js');
const sim = useSimulator();
const fast = ['--poll-interval-seconds', '0.05', '--max-poll-interval-seconds', '0.2'];
/** Well under the 30 s a hung request used to hold the CLI. */
const BOUNDED = { timeout: 20_000 };
/** The 15 s before the first live read, and well under the 30 s more a hung one used to hold the CLI. */
const LIVE = { timeout: 40_000 };

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; once `when` holds (checked as the simulator sees requests), the CLI gets `signal`. */
function cli(args: string[], stop?: { when: () => boolean; signal: NodeJS.Signals }, cwd?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', WARP_API_KEY: 'wk-cli-stops', OZ_API_BASE_URL: sim.url },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(cwd !== undefined && { cwd }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let closed = false;
    if (stop) {
      void sim.waitFor(stop.when).then(() => {
        if (!closed) child.kill(stop.signal);
      });
    }
    child.on('close', (code) => {
      closed = true;
      resolve({ code, stdout, stderr });
    });
  });
}

const holding = (what: (path: string) => boolean) => () => sim.requests.some((r) => r.answer === 'hang' && what(r.path));
const onlyRun = () => [...sim.runs.values()][0]!;

describe('a stop stops, in every phase', () => {
  it('SIGTERM during the conversation read before a follow-up: exit 143, and the follow-up is not sent', BOUNDED, async () => {
    // Before a follow-up the conversation is read (to tell only what comes after): that read hangs.
    const started = await cli(['--prompt', 'p', '--metadata', 'sim_outcome=never', '--no-wait']);
    sim.inject({ method: 'GET', suffix: '/conversation', kind: 'hang', count: 100 });
    const result = await cli(['--run-id', started.stdout.trim(), '--followup', 'and the docs', ...fast], {
      when: holding((p) => p.endsWith('/conversation')),
      signal: 'SIGTERM',
    });
    expect(result.code).toBe(143);
    expect(result.stderr).toContain('The run was interrupted before the follow-up was sent.');
    expect(sim.apiRequests('POST', '/agent/runs/').filter((r) => r.path.endsWith('/followups'))).toEqual([]);
  });

  it('SIGTERM during a live conversation read that gets no answer: the run is cancelled, exit 143', LIVE, async () => {
    sim.inject({ method: 'GET', suffix: '/conversation', kind: 'hang', count: 100 });
    // The first live read comes 15 s after the run is seen working.
    const result = await cli(['--prompt', 'p', '--metadata', 'sim_outcome=never', ...fast], {
      when: holding((p) => p.endsWith('/conversation')),
      signal: 'SIGTERM',
    });
    expect(result.code).toBe(143);
    expect(result.stderr).toContain('Received SIGTERM: stopping.');
    expect(result.stderr).toContain(`Cancelled Oz run ${onlyRun().run.run_id}.`);
    expect(onlyRun().cancelledAt).toBeDefined();
  });

  it('SIGINT during a download that stalls: it is aborted, exit 130', BOUNDED, async () => {
    sim.inject({ path: '/__download', kind: 'hang' });
    const dir = mkdtempSync(join(tmpdir(), 'oz-cli-stop-'));
    const result = await cli(
      ['--prompt', 'p', '--metadata', 'sim_files=1', '--artifacts-path', 'out', ...fast],
      { when: holding((p) => p.startsWith('/__download')), signal: 'SIGINT' },
      dir,
    );
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Received SIGINT: stopping.');
    expect(result.stderr).toContain('the download was stopped');
    // Nothing half-written is left behind as if it were the file.
    expect(readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.txt'))).toEqual([]);
  });

  it('SIGTERM while a create has no answer: the run it made is found by its request id and cancelled, exit 143', BOUNDED, async () => {
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'silent-create' });
    const result = await cli(['--prompt', 'p', '--metadata', 'sim_outcome=never', ...fast], {
      when: () => sim.runs.size === 1,
      signal: 'SIGTERM',
    });
    expect(result.code).toBe(143);
    expect(sim.runs.size).toBe(1);
    expect(onlyRun().cancelledAt).toBeDefined();
  });
});

describe('a run that may exist is never exit 2', () => {
  it('a lost create whose look-up failed: found again on the way out and cancelled, exit 1', BOUNDED, async () => {
    sim.inject(
      { method: 'POST', path: '/agent/runs', kind: 'lost-create' },
      { method: 'GET', path: '/agent/runs', kind: 'status', status: 403, code: 'not_authorized' },
    );
    const result = await cli(['--prompt', 'p', '--metadata', 'sim_outcome=never', ...fast]);
    expect(result.code).toBe(1);
    expect(sim.runs.size).toBe(1);
    expect(result.stderr).toContain('Not retrying, so as not to start a second agent');
    expect(result.stderr).toContain(`Cancelled Oz run ${onlyRun().run.run_id}.`);
    expect(onlyRun().cancelledAt).toBeDefined();
  });

  it('a lost create that cannot be looked up at all: exit 1, naming the request id to look for', BOUNDED, async () => {
    sim.inject(
      { method: 'POST', path: '/agent/runs', kind: 'lost-create' },
      { method: 'GET', path: '/agent/runs', kind: 'status', status: 403, code: 'not_authorized', count: 10 },
    );
    const result = await cli(['--prompt', 'p', '--metadata', 'sim_outcome=never', ...fast]);
    expect(result.code).toBe(1);
    expect(sim.runs.size).toBe(1);
    expect(result.stderr).toMatch(
      /A run may have been started and was not found: look for the metadata oz_action_request_id=[0-9a-f-]{36} in Oz\./,
    );
  });
});

describe('API facts newly known', () => {
  it('reads an error code spelled with _ in the problem type, as the spec writes it', async () => {
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'status', status: 400, code: 'invalid_request', underscore: true });
    const result = await cli(['--prompt', 'p']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[invalid_request]');
  });

  it('looks the request id up after a 429 resource_unavailable on the create: Warp queued it, so no second agent', BOUNDED, async () => {
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'queued-create' });
    const result = await cli(['--prompt', 'p', '--json', ...fast]);
    expect(result.code).toBe(0);
    expect(sim.runs.size).toBe(1);
    expect(sim.apiRequests('POST', '/agent/runs').length).toBe(1);
    expect((JSON.parse(result.stdout) as { run_id: string }).run_id).toBe(onlyRun().run.run_id);
    expect(result.stderr).toContain('found again after its create answer was lost');
  });

  it('says plainly when Oz refuses to cancel a run (422, as self-hosted runs may)', BOUNDED, async () => {
    sim.inject({ method: 'POST', suffix: '/cancel', kind: 'status', status: 422, code: 'operation_not_supported' });
    const result = await cli(['--prompt', 'p', '--metadata', 'sim_outcome=never', '--timeout-minutes', '0.01', ...fast]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Oz refused to cancel run ${onlyRun().run.run_id}: it cannot be cancelled through the API`);
    expect(result.stderr).toContain('Runs on a self-hosted worker may refuse a cancel.');
    expect(result.stderr).toContain('so a cancel was sent, and Oz refused it: the run may keep running.');
  });
});
