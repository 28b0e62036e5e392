/**
 * End-to-end, on the committed dist/ against the simulator: the cost outputs in every outcome, and
 * max_credits, which cancels a run whose reported usage passes it.
 */
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers/simulator.ts';
import { runMainAndPost, runStep } from '../sim/runner.ts';

const sim = useSimulator();

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: 'wk-budget-key',
    prompt: 'Fix the flaky test',
    api_base_url: sim.url,
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.1',
    ...extra,
  };
}

describe('cost outputs', () => {
  it.each([
    ['succeeded', 0],
    ['failed', 1],
  ])('sets credits, cost_usd and tokens when the run %s', async (outcome, code) => {
    const main = await runStep({ inputs: inputs({ metadata: `sim_outcome=${outcome}` }) });
    expect(main.code).toBe(code);
    expect(main.outputs).toMatchObject({ credits: '16', cost_usd: '0.32', tokens: '48210' });
  });

  it('sets them from the usage so far on a timeout, and leaves them empty when the API gave none', async () => {
    const main = await runStep({ inputs: inputs({ metadata: 'sim_outcome=never', timeout_minutes: '0.01' }) });
    expect(main.code).toBe(1);
    expect(Number(main.outputs.credits)).toBeGreaterThan(0);
    const early = await runStep({ inputs: inputs({ wait: 'false' }) });
    expect(early.code).toBe(0);
    expect(early.outputs).toMatchObject({ credits: '', cost_usd: '', tokens: '' });
  });
});

describe('max_credits', () => {
  it('cancels the run when its usage passes the budget, fails with the figures, and says so in the summary', async () => {
    const { main, post } = await runMainAndPost({ inputs: inputs({ metadata: 'sim_outcome=never', max_credits: '4' }) });
    expect(main.code).toBe(1);
    const id = main.outputs.run_id!;
    expect(sim.apiRequests('POST', `/agent/runs/${id}/cancel`)).toHaveLength(1);
    expect(main.outputs.state).toBe('CANCELLED');
    const error = main.log.split('\n').find((l) => l.startsWith('::error::'))!;
    expect(error).toMatch(
      /^::error::Oz run [\w-]+ \(CANCELLED\): Budget exceeded: the run had used [\d.]+ credits, about \$[\d.]+, \d+ tokens, more than max_credits \(4 credits\)\. The usage the API reports may lag/,
    );
    expect(error).toContain('The run was cancelled.');
    const used = Number(/used ([\d.]+) credits/.exec(error)![1]);
    expect(used).toBeGreaterThan(4);
    expect(Number(main.outputs.credits)).toBeGreaterThan(4);
    expect(main.summary).toContain('## 💸 Oz agent run cancelled: budget exceeded');
    expect(main.summary).toContain('Budget exceeded: the run had used');
    expect(main.summary).toContain('Raise `max_credits`');
    expect(post.code).toBe(0);
    expect(sim.apiRequests('POST', `/agent/runs/${id}/cancel`)).toHaveLength(1);
  });

  it('cancels even with cancel_on_abort: false, and lets a run under budget finish', async () => {
    const over = await runStep({ inputs: inputs({ metadata: 'sim_outcome=never', max_credits: '2', cancel_on_abort: 'false' }) });
    expect(over.code).toBe(1);
    expect(sim.apiRequests('POST', `/agent/runs/${over.outputs.run_id!}/cancel`)).toHaveLength(1);
    const under = await runStep({ inputs: inputs({ max_credits: '100' }) });
    expect(under.code).toBe(0);
    expect(under.outputs.state).toBe('SUCCEEDED');
  });

  it('refuses a budget that is not a positive number before any request', async () => {
    const main = await runStep({ inputs: inputs({ max_credits: '-5' }) });
    expect(main.code).toBe(1);
    expect(sim.requests).toHaveLength(0);
    expect(main.log).toContain("::error::Invalid max_credits '-5'. Expected a positive number of credits such as 50.");
  });
});
