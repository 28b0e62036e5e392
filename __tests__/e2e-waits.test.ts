/**
 * End-to-end, on the committed dist/: every wait is bounded. A read of the run's conversation (live
 * progress) that gets no answer holds up neither the state reads nor the timeout. It used to hold
 * the watch for 30 s per try, with retries: these tests would time out.
 */
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();
/** Well under the 30 s a hung conversation read used to hold the watch. */
const BOUNDED = { timeout: 25_000 };

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
    const main = await runStep({ inputs: inputs({ timeout_minutes: '0.1', metadata: 'sim_outcome=never' }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain('The run did not end within timeout_minutes (0.1), so the run was cancelled.');
    expect([...sim.runs.values()][0]!.cancelledAt).toBeDefined();
  });
});
