/**
 * The run's stop reaches a front end's own requests: runWithStopHandling hands the stop signal over
 * (the action aborts the comment's live edits with it) before the run is created, and a SIGINT aborts it.
 */
import { describe, expect, it } from 'vitest';
import { runWithStopHandling } from '../../src/front/run.ts';
import { parseSettings } from '../../src/settings/inputs.ts';
import { ACTION_WORDS } from '../../src/action/vocabulary.ts';
import { targetOf } from '../../src/run/plan.ts';
import { useSimulator } from '../helpers/simulator.ts';

const sim = useSimulator();

describe('runWithStopHandling', () => {
  it('hands over the stop signal before the create, and SIGINT aborts it', async () => {
    const inputs: Record<string, string> = {
      warp_api_key: 'wk-front-run',
      prompt: 'Work until stopped',
      api_base_url: sim.url,
      metadata: 'sim_outcome=never',
      poll_interval_seconds: '0.05',
      max_poll_interval_seconds: '0.1',
    };
    const settings = parseSettings((name) => inputs[name] ?? '', {});
    const order: string[] = [];
    let stop: AbortSignal | undefined;
    const { result, signal } = await runWithStopHandling({
      plan: { settings, target: targetOf(settings)! },
      metadata: {},
      words: ACTION_WORDS,
      say: { info: () => {}, warning: () => {} },
      onSignal: () => order.push('signal'),
      onStop: (given) => {
        stop = given;
        order.push(`stop given (aborted: ${given.aborted})`);
      },
      events: {
        runId: () => {
          order.push('run created');
          // The runner's cancellation, once the run exists.
          queueMicrotask(() => process.emit('SIGINT', 'SIGINT'));
        },
      },
      options: { artifactGraceMs: 1 },
    });
    expect(order).toEqual(['stop given (aborted: false)', 'run created', 'signal']);
    expect(stop!.aborted).toBe(true);
    expect((stop!.reason as Error).name).toBe('StopSignal');
    expect(signal).toBe('SIGINT');
    expect(result.outcome).toMatchObject({ kind: 'stopped', reason: 'cancelled' });
  });
});
