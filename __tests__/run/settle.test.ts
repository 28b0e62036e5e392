/**
 * settleLeftRun after a follow-up the run had not shown yet: an ended run read then is the end before
 * the follow-up, and the follow-up's turn may start a while later. The shared settling of the
 * lifecycle's stop and the post step.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OzClient } from '../../src/oz/client.ts';
import { settleLeftRun } from '../../src/run/settle.ts';
import { deadlinesOnFakeClock } from '../helpers/clock.ts';

const BASE = 'https://oz.test/api/v1';
const client = () => new OzClient({ baseUrl: BASE, apiKey: 'wk-k', userAgent: 't', retry: { retries: 0 } });
const BEFORE = '2026-12-07T10:00:00Z';
const run = (state: string, updated_at = BEFORE) => ({ run_id: 'r1', state, updated_at });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  vi.useRealTimers();
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('a run left after a follow-up it had not shown yet', () => {
  it('is read until it takes the follow-up up, then its turn is cancelled', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED'))
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED'))
      .get('/agent/runs/r1')
      .reply(200, run('INPROGRESS', '2026-12-07T10:00:03Z'))
      .post('/agent/runs/r1/cancel')
      .reply(200, '"r1"')
      .get('/agent/runs/r1')
      .reply(200, run('CANCELLED', '2026-12-07T10:00:04Z'));
    const settling = settleLeftRun(client(), { runId: 'r1', followedUpFrom: BEFORE }, { budgetMs: 30_000, pickupEveryMs: 2000 });
    await vi.advanceTimersByTimeAsync(4000);
    const settled = await settling;
    expect(settled.handling).toMatchObject({ kind: 'cancel', cancel: { outcome: 'cancelled' } });
    expect(settled.run?.state).toBe('CANCELLED');
  });

  it('is nothing to cancel once the follow-up’s own turn has ended', async () => {
    nock(BASE).get('/agent/runs/r1').reply(200, run('SUCCEEDED', '2026-12-07T10:05:00Z'));
    const settled = await settleLeftRun(client(), { runId: 'r1', followedUpFrom: BEFORE }, { budgetMs: 30_000 });
    expect(settled.handling).toEqual({ kind: 'nothing-to-cancel' });
  });

  it('is not taken for ended when the budget runs out first: it may still start on the follow-up', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    deadlinesOnFakeClock();
    nock(BASE).get('/agent/runs/r1').times(3).reply(200, run('SUCCEEDED'));
    const settling = settleLeftRun(client(), { runId: 'r1', followedUpFrom: BEFORE }, { budgetMs: 5000, pickupEveryMs: 2000 });
    await vi.advanceTimersByTimeAsync(5000);
    const settled = await settling;
    expect(settled.handling).toMatchObject({ kind: 'unknown' });
    expect(settled.handling.kind === 'unknown' && settled.handling.error.message).toBe(
      'the run had not yet taken up the follow-up sent to it, and may still start on it',
    );
  });

  it('without a follow-up, an ended run is nothing to cancel at once', async () => {
    nock(BASE).get('/agent/runs/r1').reply(200, run('SUCCEEDED'));
    const settled = await settleLeftRun(client(), { runId: 'r1' }, { budgetMs: 30_000 });
    expect(settled.handling).toEqual({ kind: 'nothing-to-cancel' });
  });
});
