/**
 * A follow-up to an ended run, accepted, and the step stopped before the run shows it. The API may
 * show an accepted follow-up only a little later (`sim_followup_pickup_ms`, as src/run/followup.ts
 * says of the real one): until then the run still reads as it ended. The stop (or, after a kill, the
 * post step) waits for the run to take it up and cancels its turn, rather than take the old end for
 * the new one and leave the agent working for a step that is gone. End to end on the committed dist/.
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
      onSpawn: (child) => {
        // Stopped once the API has accepted the follow-up (the workflow cancelled, say).
        void sim.waitFor(() => followups().some((r) => typeof r.answer === 'number' && r.answer < 300)).then(() => child.kill(signal));
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
