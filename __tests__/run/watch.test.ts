import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OzClient } from '../../src/oz/client.ts';
import { StopSignal } from '../../src/run/stop.ts';
import { PollSchedule, watchRun } from '../../src/run/watch.ts';

const BASE = 'https://oz.test/api/v1';
const client = () =>
  new OzClient({ baseUrl: BASE, apiKey: 'wk-k', userAgent: 'test', retry: { retries: 1, minDelayMs: 5, maxDelayMs: 5 } });
const run = (state: string, extra = {}) => ({ run_id: 'r1', state, title: 't', ...extra });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('PollSchedule', () => {
  it('starts at the poll interval and grows towards the maximum', () => {
    const schedule = new PollSchedule(5000, 30_000, () => 0.5);
    expect(Array.from({ length: 7 }, () => schedule.next())).toEqual([5500, 7500, 11250, 16875, 25125, 27000, 27000]);
  });

  it('starts again from the short interval after reset', () => {
    const schedule = new PollSchedule(1000, 8000, () => 0.5);
    schedule.next();
    schedule.next();
    schedule.reset();
    expect(schedule.next()).toBe(1100);
  });

  it('jitters within ±20% but never leaves [min, max]', () => {
    const low = new PollSchedule(1000, 10_000, () => 0);
    const high = new PollSchedule(1000, 10_000, () => 1);
    expect([low.next(), low.next()]).toEqual([1000, 1200]);
    expect([high.next(), high.next()]).toEqual([1200, 1800]);
    const capped = new PollSchedule(1000, 1000, () => 1);
    expect(capped.next()).toBe(1000);
  });

  it('spreads pauses at both bounds, so steps started together drift apart', () => {
    const draws = [0.1, 0.3, 0.5, 0.7, 0.9];
    const first = draws.map((r) => new PollSchedule(5000, 30_000, () => r).next());
    expect(new Set(first).size).toBe(draws.length);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(5000);
    const atMax = draws.map((r) => {
      const schedule = new PollSchedule(5000, 30_000, () => r);
      for (let i = 0; i < 10; i++) schedule.next();
      return schedule.next();
    });
    expect(new Set(atMax).size).toBe(draws.length);
    expect(Math.max(...atMax)).toBeLessThanOrEqual(30_000);
    expect(Math.min(...atMax)).toBeGreaterThanOrEqual(24_000);
  });
});

describe('watchRun', () => {
  it('reads until a terminal state and reports each state once', async () => {
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('QUEUED'))
      .get('/agent/runs/r1')
      .reply(200, run('QUEUED'))
      .get('/agent/runs/r1')
      .reply(200, run('INPROGRESS'))
      .get('/agent/runs/r1')
      .reply(200, run('FAILED', { status_message: { message: 'no credits', error_code: 'insufficient_credits' } }));
    const changes: string[] = [];
    const result = await watchRun({
      client: client(),
      runId: 'r1',
      schedule: new PollSchedule(1, 2),
      signal: new AbortController().signal,
      onStateChange: (r, previous) => changes.push(`${previous ?? '-'}>${r.state}`),
    });
    expect(changes).toEqual(['->QUEUED', 'QUEUED>INPROGRESS', 'INPROGRESS>FAILED']);
    expect(result).toMatchObject({ run: { state: 'FAILED' } });
    expect(result.stopped).toBeUndefined();
  });

  it('treats an undocumented state as live, warning once', async () => {
    nock(BASE)
      .get('/agent/runs/r1')
      .times(2)
      .reply(200, run('AWAITING_REVIEW'))
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', { artifacts: [{ artifact_type: 'PLAN', data: {} }] }));
    const unknown: string[] = [];
    const result = await watchRun({
      client: client(),
      runId: 'r1',
      schedule: new PollSchedule(1, 1),
      signal: new AbortController().signal,
      onUnknownState: (s) => unknown.push(s),
    });
    expect(unknown).toEqual(['AWAITING_REVIEW']);
    expect(result.run?.state).toBe('SUCCEEDED');
  });

  it('re-reads a SUCCEEDED run once for artifacts that come a little later', async () => {
    const pr = { artifact_type: 'PULL_REQUEST', data: { url: 'https://github.com/a/b/pull/1' } };
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED'))
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', { artifacts: [pr] }));
    const result = await watchRun({
      client: client(),
      runId: 'r1',
      schedule: new PollSchedule(1, 1),
      signal: new AbortController().signal,
      artifactGraceMs: 1,
    });
    expect(result.run?.artifacts).toEqual([pr]);
  });

  it('keeps watching through reads that fail after retries, and stops on the signal', async () => {
    const stop = new AbortController();
    const errors: string[] = [];
    nock(BASE).get('/agent/runs/r1').reply(200, run('INPROGRESS')).get('/agent/runs/r1').times(2).reply(503, 'busy');
    // The read after the failed one shows the watch went on: the stop comes then.
    nock(BASE)
      .persist()
      .get('/agent/runs/r1')
      .reply(() => {
        if (errors.length > 0) stop.abort(new StopSignal('timeout'));
        return [200, run('INPROGRESS')];
      });
    const result = await watchRun({
      client: client(),
      runId: 'r1',
      schedule: new PollSchedule(1, 1),
      signal: stop.signal,
      onReadError: (e) => errors.push(e.message),
    });
    expect(errors).toHaveLength(1);
    expect(result).toMatchObject({ stopped: 'timeout', run: { state: 'INPROGRESS' } });
  });

  it('ends on a final error such as 404, keeping the last run read', async () => {
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('INPROGRESS', { session_link: 'https://app.warp.dev/session/s1' }))
      .get('/agent/runs/r1')
      .reply(404, { title: 'Not Found' });
    const result = await watchRun({
      client: client(),
      runId: 'r1',
      schedule: new PollSchedule(1, 1),
      signal: new AbortController().signal,
    });
    expect(result.failed?.message).toContain('404 Not Found');
    expect(result.run).toMatchObject({ state: 'INPROGRESS', title: 't', session_link: 'https://app.warp.dev/session/s1' });
  });

  it.each([
    ['an empty body', ''],
    ['a body that is not JSON', '<html>oops</html>'],
    ['JSON that is not a run', '{"hello":"world"}'],
  ])('treats a 200 with %s as a failed read and keeps watching', async (_what, body) => {
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('INPROGRESS'))
      .get('/agent/runs/r1')
      .times(2)
      .reply(200, body)
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', { artifacts: [{ artifact_type: 'PLAN' }] }));
    const warnings: string[] = [];
    const result = await watchRun({
      client: client(),
      runId: 'r1',
      schedule: new PollSchedule(1, 1),
      signal: new AbortController().signal,
      onReadError: (error) => warnings.push(error.message),
    });
    expect(result.run?.state).toBe('SUCCEEDED');
    expect(result.failed).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/answered 200 with/);
  });

  it('reads a SUCCEEDED run again for artifacts that come a little later, whatever the poll interval', async () => {
    const pr = { artifact_type: 'PULL_REQUEST', data: { url: 'https://github.com/a/b/pull/1' } };
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED'))
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED'))
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', { artifacts: [pr] }));
    const result = await watchRun({
      client: client(),
      runId: 'r1',
      schedule: new PollSchedule(1, 1),
      signal: new AbortController().signal,
      artifactGraceMs: 60,
    });
    expect(result.run?.artifacts).toEqual([pr]);
  });
});
