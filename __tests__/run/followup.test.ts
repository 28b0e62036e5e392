import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OzClient } from '../../src/oz/client.ts';
import { movedOn } from '../../src/run/followup.ts';
import { startAndWatch } from '../../src/run/lifecycle.ts';
import { verdict } from '../../src/run/outcome.ts';
import type { RunPlan } from '../../src/run/plan.ts';
import type { RunSettings } from '../../src/settings/settings.ts';
import { connectionReset } from '../helpers/nock.ts';

const BASE = 'https://oz.test/api/v1';
const client = () => new OzClient({ baseUrl: BASE, apiKey: 'wk-k', userAgent: 't', retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 } });
const settings: RunSettings = {
  apiKey: 'wk-k',
  apiBaseUrl: BASE,
  runId: 'r1',
  followup: 'And the docs',
  wait: true,
  timeoutMs: 10_000,
  pollIntervalMs: 1,
  maxPollIntervalMs: 2,
  cancelOnAbort: true,
  userMetadata: {},
  logProgress: false,
};
const plan: RunPlan = { settings, target: { kind: 'follow-up', runId: 'r1', message: 'And the docs' } };
const run = (state: string, updated_at: string) => ({ run_id: 'r1', state, updated_at });
const OLD = '2026-11-29T10:00:00Z';
const NEW = '2026-11-29T10:05:00Z';
const events = { notice: () => {}, warning: () => {} };

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('movedOn', () => {
  it('compares updated_at as instants, whatever their precision or offset', () => {
    const before = run('SUCCEEDED', '2026-11-29T10:00:00Z');
    expect(movedOn(run('SUCCEEDED', '2026-11-29T10:00:00.000+00:00'), before)).toBe(false);
    expect(movedOn(run('SUCCEEDED', '2026-11-29T11:00:00.5+01:00'), before)).toBe(true);
    expect(movedOn(run('SUCCEEDED', 'not a date'), before)).toBe(false);
    expect(movedOn(run('QUEUED', OLD), before)).toBe(true);
  });
});

describe('a follow-up to an ended run', () => {
  it('does not take the old end, read before the run picked the follow-up up, for the new one', async () => {
    const followups: unknown[] = [];
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', OLD))
      .post(
        '/agent/runs/r1/followups',
        (body: unknown) => (typeof body === 'object' && followups.push(body), true) /* nock asks GETs too, with '' */,
      )
      .reply(200, {})
      .get('/agent/runs/r1')
      .times(2)
      .reply(200, run('SUCCEEDED', OLD))
      .get('/agent/runs/r1')
      .reply(200, run('INPROGRESS', NEW))
      .get('/agent/runs/r1')
      .reply(200, { ...run('SUCCEEDED', '2026-11-29T10:09:00Z'), artifacts: [{ artifact_type: 'PLAN' }] })
      // Read before the follow-up (where its answer starts) and after the end.
      .get('/agent/runs/r1/conversation')
      .times(2)
      .reply(404, {});
    const result = await startAndWatch(client(), plan, {}, new AbortController().signal, events, { artifactGraceMs: 0 });
    expect(followups).toEqual([{ message: 'And the docs' }]);
    expect(verdict(result)).toBe('succeeded');
    expect(result).toMatchObject({ followedUp: true, run: { updated_at: '2026-11-29T10:09:00Z' } });
  });

  it('takes a later updated_at as the new end, even without a live state in between', async () => {
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('FAILED', OLD))
      .post('/agent/runs/r1/followups')
      .reply(200, {})
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', NEW))
      // Read before the follow-up (where its answer starts) and after the end.
      .get('/agent/runs/r1/conversation')
      .times(2)
      .reply(404, {});
    const result = await startAndWatch(client(), plan, {}, new AbortController().signal, events, { artifactGraceMs: 0 });
    expect(verdict(result)).toBe('succeeded');
  });

  it('does not send a follow-up again when its answer was lost but the run moved on', async () => {
    const followups: unknown[] = [];
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', OLD))
      .post(
        '/agent/runs/r1/followups',
        (body: unknown) => (typeof body === 'object' && followups.push(body), true) /* nock asks GETs too, with '' */,
      )
      .replyWithError(connectionReset())
      .get('/agent/runs/r1')
      .reply(200, run('QUEUED', NEW))
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', '2026-11-29T10:09:00Z'))
      // Read before the follow-up (where its answer starts) and after the end.
      .get('/agent/runs/r1/conversation')
      .times(2)
      .reply(404, {});
    const result = await startAndWatch(client(), plan, {}, new AbortController().signal, events, { artifactGraceMs: 0 });
    expect(followups).toHaveLength(1);
    expect(verdict(result)).toBe('succeeded');
    expect(result).toMatchObject({ followedUp: true });
  });
});

describe('a follow-up whose answer was lost and that the run does not show', () => {
  const conversation = (...users: string[]) => ({
    conversation_id: 'c1',
    steps: [{ id: 's1', messages: users.map((text) => ({ role: 'user', content: [{ type: 'text', text }] })), steps: [] }],
  });

  it('is sent again only when the conversation showed it absent for the whole window', async () => {
    const followups: unknown[] = [];
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', OLD))
      .get('/agent/runs/r1/conversation')
      .reply(200, conversation('Fix it'))
      .post('/agent/runs/r1/followups', (body: unknown) => (typeof body === 'object' && followups.push(body), true))
      .replyWithError(connectionReset())
      // Looked for (once: the window is 0 here): the run at its old end, the conversation without it.
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', OLD))
      .get('/agent/runs/r1/conversation')
      .reply(200, conversation('Fix it'))
      .post('/agent/runs/r1/followups', (body: unknown) => (typeof body === 'object' && followups.push(body), true))
      .reply(200, {})
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', NEW))
      .get('/agent/runs/r1/conversation')
      .reply(200, conversation('Fix it', 'And the docs'));
    const result = await startAndWatch(client(), plan, {}, new AbortController().signal, events, {
      artifactGraceMs: 0,
      followupPickupMs: 0,
    });
    expect(followups).toHaveLength(2);
    expect(verdict(result)).toBe('succeeded');
  });

  it('is not sent again when the conversation cannot tell', async () => {
    const followups: unknown[] = [];
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', OLD))
      .get('/agent/runs/r1/conversation')
      .reply(404, {})
      .post('/agent/runs/r1/followups', (body: unknown) => (typeof body === 'object' && followups.push(body), true))
      .replyWithError(connectionReset())
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', OLD))
      // Looked for once (the window is 0 here), and read after the step gave up.
      .get('/agent/runs/r1/conversation')
      .times(2)
      .reply(404, {})
      // Following the run failed while it may be live again: the lifecycle cancels it.
      .post('/agent/runs/r1/cancel')
      .reply(400, {});
    const result = await startAndWatch(client(), plan, {}, new AbortController().signal, events, {
      artifactGraceMs: 0,
      followupPickupMs: 0,
    });
    expect(followups).toHaveLength(1);
    expect(verdict(result)).toBe('error');
    expect(result.outcome.kind === 'error' && result.outcome.error.message).toContain(
      'Not sending it again, so as not to deliver it twice.',
    );
  });
});
