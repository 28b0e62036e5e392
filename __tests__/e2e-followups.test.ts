/**
 * Follow-ups as the API of today answers them (issue 22), end to end on the committed dist/ against the
 * simulator: how the run took the follow-up, in plain words and the `followup_id` output, and a run
 * that failed during setup whose kept session takes follow-ups through a debug agent, where no new end
 * ever comes: the step never waits for one (with followup and run_id, in the action and the CLI).
 */
import { describe, expect, it } from 'vitest';
import { runCliBundle } from './helpers/cli.ts';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();
const fast = { poll_interval_seconds: '0.05', max_poll_interval_seconds: '0.2' };
const key = 'wk-followups-key';

/** A run started straight through the API, read until `state`. */
async function runUntil(metadata: Record<string, string>, state: string): Promise<string> {
  const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
  const created = await fetch(`${sim.url}/agent/runs`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'Fix it', metadata }) });
  const { run_id } = (await created.json()) as { run_id: string };
  for (let i = 0; i < 500; i++) {
    const run = (await (await fetch(`${sim.url}/agent/runs/${run_id}`, { headers })).json()) as { state: string };
    if (run.state === state) return run_id;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${run_id} never reached ${state}`);
}

const followUp = (runId: string, extra: Record<string, string> = {}) =>
  runStep({ inputs: { warp_api_key: key, api_base_url: sim.url, run_id: runId, followup: 'And the docs', ...fast, ...extra } });

describe('a follow-up says how the run took it', () => {
  it('in plain words in the log, and as the followup_id output', async () => {
    const id = await runUntil({}, 'SUCCEEDED');
    const step = await followUp(id);
    expect(step.code).toBe(0);
    expect(step.log).toContain(
      `Sent a follow-up to Oz run ${id} (SUCCEEDED): the run had ended, so a new environment starts for it; watching it to its new end.`,
    );
    expect(step.outputs.followup_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(step.outputs).toMatchObject({ followed_up: 'true', state: 'SUCCEEDED', agent_output: 'Done: And the docs' });
  });

  it("keeps today's reading for a server that answers {}: the follow-up is taken, with no id", async () => {
    const id = await runUntil({ sim_followup_outcome: 'legacy' }, 'SUCCEEDED');
    const step = await followUp(id);
    expect(step.code).toBe(0);
    expect(step.log).toContain(`Sent a follow-up to Oz run ${id} (SUCCEEDED); watching it to its new end.`);
    expect(step.outputs).toMatchObject({ followed_up: 'true', followup_id: '', state: 'SUCCEEDED' });
  });
});

describe('a run that failed in setup, with its debug window open', () => {
  const debugWindow = { sim_outcome: 'setup-failed', sim_debug_window: 'open' };

  it('takes the follow-up through a debug agent, and the step ends at once with the session link', async () => {
    const id = await runUntil(debugWindow, 'FAILED');
    const since = sim.requests.length;
    const step = await followUp(id);
    expect(step.code).toBe(0);
    expect(step.log).toContain('a debug agent takes it there. The run stays FAILED and no new end will come: not waiting for one.');
    expect(step.outputs).toMatchObject({ followed_up: 'true', state: 'FAILED', error_code: 'environment_setup_failed' });
    expect(step.outputs.followup_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(step.outputs.session_link).toBe(`${sim.url.replace(/\/api\/v1$/, '')}/session/${id}`);
    expect(step.summary).toContain('the follow-up went to a debug agent in that session');
    expect(sim.runs.get(id)!.debugTurns).toEqual(['And the docs']);
    // Read once after the follow-up, not watched.
    const reads = sim.requests.slice(since).filter((r) => r.method === 'GET' && r.path === `/agent/runs/${id}`);
    expect(reads.length).toBeLessThanOrEqual(3);
  });

  it('the CLI too: exit 0, the reason on stderr, followup_id in --json', async () => {
    const id = await runUntil(debugWindow, 'FAILED');
    const result = await runCliBundle(sim, ['--run-id', id, '--followup', 'why did npm ci fail?', '--json'], { WARP_API_KEY: key });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('a debug agent takes it there');
    const outputs = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(outputs).toMatchObject({ state: 'FAILED', followed_up: true });
    expect(outputs.followup_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('watched with run_id alone, it ends as the FAILED run it is', async () => {
    const id = await runUntil(debugWindow, 'FAILED');
    const step = await runStep({ inputs: { warp_api_key: key, api_base_url: sim.url, run_id: id, ...fast } });
    expect(step.code).toBe(1);
    expect(step.outputs).toMatchObject({ state: 'FAILED', followed_up: 'false' });
  });

  it('outside the window, a follow-up to a FAILED run brings it back as before', async () => {
    const id = await runUntil({ sim_outcome: 'setup-failed' }, 'FAILED');
    const step = await followUp(id);
    expect(step.log).toContain('the run had ended, so a new environment starts for it; watching it to its new end.');
    expect(sim.runs.get(id)!.history).toHaveLength(1);
  });
});
