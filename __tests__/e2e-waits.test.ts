/**
 * End-to-end, on the committed dist/: every wait is bounded. A read of the run's conversation (live
 * progress) that gets no answer holds up neither the state reads nor the timeout. It used to hold
 * the watch for 30 s per try, with retries: these tests would time out.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OzSimulator } from '../sim/server.ts';
import { runStep } from '../sim/runner.ts';

// The first live read comes 15 s after the run is seen working: these runs work for 17 s.
const sim = new OzSimulator({ msPerSecond: 20, phases: { queued: 2, pending: 2, claimed: 1, inprogress: 850 } });
beforeAll(async () => {
  await sim.start();
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());
/** The run's 17 s, and well under the 30 s more a hung conversation read used to hold the watch. */
const BOUNDED = { timeout: 40_000 };

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: 'wk-e2e-waits',
    prompt: 'Fix the flaky test',
    api_base_url: sim.url,
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.2',
    ...extra,
  };
}

const isStateRead = (path: string) => /^\/agent\/runs\/[^/]+$/.test(path);

describe('a conversation read that gets no answer', () => {
  it('does not delay the state reads: the end is seen, and the answer read after it', BOUNDED, async () => {
    sim.inject({ method: 'GET', suffix: '/conversation', kind: 'hang' });
    const main = await runStep({ inputs: inputs() });
    expect(main.code).toBe(0);
    expect(main.outputs.state).toBe('SUCCEEDED');
    // The final read is a new request, not the hung one: the answer is there.
    expect(main.outputs.agent_output).toContain('I fixed the flaky test');
    const hung = sim.requests.find((r) => r.answer === 'hang')!;
    expect(hung).toBeDefined();
    // The run was read on while the conversation read hung, up to its end.
    const after = sim.apiRequests('GET').filter((r) => isStateRead(r.path) && r.at > hung.at);
    expect(after.length).toBeGreaterThanOrEqual(2);
  });

  it('does not delay the timeout: the run is cancelled at timeout_minutes', BOUNDED, async () => {
    sim.inject({ method: 'GET', suffix: '/conversation', kind: 'hang', count: 100 });
    const main = await runStep({ inputs: inputs({ timeout_minutes: '0.3', metadata: 'sim_outcome=never' }) });
    expect(main.code).toBe(1);
    expect(sim.requests.some((r) => r.answer === 'hang')).toBe(true);
    expect(main.log).toContain('The run did not end within timeout_minutes (0.3), so the run was cancelled.');
    expect([...sim.runs.values()][0]!.cancelledAt).toBeDefined();
  });
});
