/**
 * The lifecycle's requests, on the source with mocked HTTP: what `startAndWatch` sends for each way of
 * running, counted, since each request is time and rate limit the user pays for.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OzClient } from '../../src/oz/client.ts';
import { startAndWatch } from '../../src/run/lifecycle.ts';
import type { RunPlan } from '../../src/run/plan.ts';
import type { RunSettings } from '../../src/settings/settings.ts';

const BASE = 'https://oz.test/api/v1';
const client = () => new OzClient({ baseUrl: BASE, apiKey: 'wk-k', userAgent: 't', retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 } });
const settings: RunSettings = {
  apiKey: 'wk-k',
  apiBaseUrl: BASE,
  create: { prompt: 'Fix it' },
  wait: false,
  timeoutMs: 10_000,
  pollIntervalMs: 1,
  maxPollIntervalMs: 2,
  cancelOnAbort: true,
  userMetadata: {},
  logProgress: true,
};
const events = { notice: () => {}, warning: () => {} };

/** Every request that reached the mocked API, as `METHOD path`. */
const sent: string[] = [];
beforeAll(() => {
  nock.disableNetConnect();
  nock.emitter.on('no match', (req: { method?: string; path?: string }) => sent.push(`unmatched ${req.method} ${req.path}`));
});
afterEach(() => {
  nock.cleanAll();
  sent.length = 0;
});

/** The API for one run, `r1`, read as `state`, with a conversation; every request recorded. */
function api(state: string) {
  const answer = (request: string, body: unknown) => () => (sent.push(request), [200, body] as [number, unknown]);
  nock(BASE)
    .persist()
    .post('/agent/runs')
    .reply(answer('POST /agent/runs', { run_id: 'r1', state: 'QUEUED' }))
    .get('/agent/runs/r1')
    .reply(answer('GET /agent/runs/r1', { run_id: 'r1', state, session_link: 'https://app.warp.dev/session/s1' }))
    .get('/agent/runs/r1/conversation')
    .reply(answer('GET /agent/runs/r1/conversation', { steps: [] }));
}

describe('not waiting (wait: false, --no-wait)', () => {
  it('creates the run and reads it once: that read fills the outputs, and the conversation is not read', async () => {
    api('QUEUED');
    const links: string[] = [];
    const plan: RunPlan = { settings, target: { kind: 'create', request: settings.create! } };
    const result = await startAndWatch(client(), plan, {}, new AbortController().signal, { ...events, sessionLink: (l) => links.push(l) });
    expect(sent).toEqual(['POST /agent/runs', 'GET /agent/runs/r1']);
    expect(result.outcome).toEqual({ kind: 'started' });
    expect(result.run).toMatchObject({ run_id: 'r1', state: 'QUEUED' });
    expect(links).toEqual(['https://app.warp.dev/session/s1']);
    expect(result.settled).toBe(true);
  });

  it('waiting, reads the conversation after the run for its answer', async () => {
    api('SUCCEEDED');
    const plan: RunPlan = {
      settings: { ...settings, wait: true, logProgress: false },
      target: { kind: 'create', request: settings.create! },
    };
    const result = await startAndWatch(client(), plan, {}, new AbortController().signal, events, { artifactGraceMs: 1 });
    expect(result.outcome).toEqual({ kind: 'ended', state: 'SUCCEEDED' });
    expect(sent).toContain('GET /agent/runs/r1/conversation');
  });
});
