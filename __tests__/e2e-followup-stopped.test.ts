/**
 * A follow-up to an ended run, accepted, and the step stopped before the run shows it. The API may
 * show an accepted follow-up only a little later (`sim_followup_pickup_ms`, as src/run/followup.ts
 * says of the real one): until then the run still reads as it ended. The stop (or, after a kill, the
 * post step) waits for the run to take it up and cancels its turn, rather than take the old end for
 * the new one and leave the agent working for a step that is gone. And where that wait meets the rest
 * (from an attack review): a follow-up the run never shows as a new turn (a debug agent's, a refused
 * one) holds nothing up, and a turn that is not this step's is never cancelled. End to end on dist/.
 */
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: 'wk-followup-stopped',
    api_base_url: sim.url,
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.2',
    ...extra,
  };
}

describe('a follow-up accepted just before the step was stopped', () => {
  it.each(['SIGKILL', 'SIGINT'] as const)('is not left to run on after %s', async (signal) => {
    const first = await runStep({ inputs: inputs({ prompt: 'Fix it', metadata: 'sim_followup_pickup_ms=1500\nsim_followup_never=true' }) });
    expect(first.outputs.state).toBe('SUCCEEDED');
    const runId = first.outputs.run_id!;
    const followups = () => sim.apiRequests('POST', `/agent/runs/${runId}/followups`);
    const stepInputs = inputs({ run_id: runId, followup: 'Now the docs' });
    const main = await runStep({
      inputs: stepInputs,
      // Stopped (the workflow cancelled, say) once the API has taken the follow-up and the step has saved it.
      onState: (state, child) => {
        if (state.oz_followed_up_from) child.kill(signal);
      },
    });
    expect(followups()).toHaveLength(1);
    const post = await runStep({ which: 'post', inputs: stepInputs, state: main.state, timings: { budgetMs: 8000 } });
    expect(post.code).toBe(0);
    // The follow-up's turn started after the step was stopped, and was cancelled by the time the job ended.
    const run = sim.runs.get(runId)!;
    expect(run.request).toBe('Now the docs');
    expect(run.cancelledAt).toBeDefined();
    expect(sim.apiRequests('POST', `/agent/runs/${runId}/cancel`).map((r) => r.answer)).toContain(200);
  });
});

describe('the post step after a follow-up the run never shows as a new turn', () => {
  it('does not wait out its cancel budget for a follow-up to a run in its debug window', async () => {
    const first = await runStep({ inputs: inputs({ prompt: 'Fix it', metadata: 'sim_outcome=setup-failed\nsim_debug_window=open' }) });
    expect(first.outputs.state).toBe('FAILED');
    const runId = first.outputs.run_id!;
    const stepInputs = inputs({ run_id: runId, followup: 'Why did npm ci fail?' });
    // Killed once the API has taken the follow-up and the step has saved it.
    const main = await runStep({
      inputs: stepInputs,
      onState: (state, child) => {
        if (state.oz_followed_up_from) child.kill('SIGKILL');
      },
    });
    expect(main.signal).toBe('SIGKILL');
    const before = sim.requests.length;
    const post = await runStep({ which: 'post', inputs: stepInputs, state: main.state, timings: { budgetMs: 15_000 } });
    expect(post.code).toBe(0);
    // A debug agent took it: the run stays FAILED with its old updated_at, and no new end ever comes.
    expect(sim.runs.get(runId)!.debugTurns).toEqual(['Why did npm ci fail?']);
    // One read, not one every 2 s waiting for a turn that never shows.
    expect(sim.requests.slice(before).filter((r) => r.method === 'GET' && r.path === `/agent/runs/${runId}`)).toHaveLength(1);
    expect(post.log).not.toMatch(/may still/);
  });

  it('does not wait out its cancel budget for a follow-up the API refused', async () => {
    const first = await runStep({ inputs: inputs({ prompt: 'Fix it' }) });
    expect(first.outputs.state).toBe('SUCCEEDED');
    const runId = first.outputs.run_id!;
    sim.inject({ kind: 'status', status: 422, method: 'POST', path: `/agent/runs/${runId}/followups`, count: 5 });
    const stepInputs = inputs({ run_id: runId, followup: 'Now the docs' });
    const main = await runStep({ inputs: stepInputs });
    expect(main.code).not.toBe(0);
    const post = await runStep({ which: 'post', inputs: stepInputs, state: main.state, timings: { budgetMs: 15_000 } });
    expect(post.code).toBe(0);
    // The main step settled it (the run had ended): the post step has nothing to wait for.
    expect(post.log).not.toMatch(/may still/);
    expect(post.log).not.toContain('cancelling');
  });
});

describe('a follow-up the API refused', () => {
  it("does not cancel the live run it was sent to: its turn is not this step's", async () => {
    // Another workflow's run, working.
    const other = await runStep({ inputs: inputs({ prompt: 'Long task', metadata: 'sim_outcome=never', wait: 'false' }) });
    const runId = other.outputs.run_id!;
    sim.inject({ kind: 'status', status: 422, method: 'POST', path: `/agent/runs/${runId}/followups`, count: 5 });
    const main = await runStep({ inputs: inputs({ run_id: runId, followup: 'Also this' }) });
    expect(main.code).not.toBe(0);
    expect(sim.apiRequests('POST', `/agent/runs/${runId}/followups`).map((r) => r.answer)).toEqual(['422 (fault)']);
    expect(sim.runs.get(runId)!.cancelledAt).toBeUndefined();
    expect(sim.apiRequests('POST', `/agent/runs/${runId}/cancel`)).toEqual([]);
  });
});

describe("another workflow's follow-up to the same run", () => {
  it('is not cancelled by the post step of a step whose own follow-up never arrived', async () => {
    const first = await runStep({ inputs: inputs({ prompt: 'Fix it', metadata: 'sim_followup_never=true' }) });
    expect(first.outputs.state).toBe('SUCCEEDED');
    const runId = first.outputs.run_id!;
    const path = `/agent/runs/${runId}/followups`;
    // Step A's follow-up never reaches the run (no answer); the workflow is cancelled meanwhile.
    sim.inject({ kind: 'hang', method: 'POST', path, count: 1 });
    const stepA = inputs({ run_id: runId, followup: 'Follow-up from workflow A' });
    const mainA = await runStep({
      inputs: stepA,
      onSpawn: (child) => void sim.waitFor(() => sim.apiRequests('POST', path).length > 0).then(() => child.kill('SIGINT')),
    });
    // A's follow-up was never taken: nothing says a turn of A's is to come.
    expect(mainA.state.oz_followed_up_from).toBeUndefined();
    // A's post step runs while another workflow (B, not waiting) sends its own follow-up to the run.
    const reads = sim.apiRequests('GET', `/agent/runs/${runId}`).length;
    const postA = runStep({ which: 'post', inputs: stepA, state: mainA.state, timings: { budgetMs: 15_000 } });
    await sim.waitFor(() => sim.apiRequests('GET', `/agent/runs/${runId}`).length > reads);
    const mainB = await runStep({ inputs: inputs({ run_id: runId, followup: 'Follow-up from workflow B', wait: 'false' }) });
    expect(mainB.code).toBe(0);
    expect((await postA).code).toBe(0);
    const run = sim.runs.get(runId)!;
    expect(run.request).toBe('Follow-up from workflow B');
    // B's turn is B's: A's follow-up never arrived, so A has nothing to cancel.
    expect(run.cancelledAt).toBeUndefined();
    expect(sim.apiRequests('POST', `/agent/runs/${runId}/cancel`)).toEqual([]);
  });
});
