import { ACTION_WORDS } from '../../src/action/vocabulary.ts';
import nock from 'nock';
import { deadlinesOnFakeClock } from '../helpers/clock.ts';
import { connectionReset } from '../helpers/nock.ts';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isRetryable, mayHaveCreated, OzApiError, OzNetworkError, parseRetryAfter } from '../../src/oz/errors.ts';
import { OzClient } from '../../src/oz/client.ts';
import { parseProblem, type RetryNotice } from '../../src/oz/http.ts';

const BASE = 'https://oz.test/api/v1';

/** `told` is called at each retry notice, once it is in `notices`: a test waits on that, not by polling. */
function client(notices: RetryNotice[] = [], retry = {}, told: () => void = () => {}) {
  return new OzClient({
    baseUrl: BASE,
    apiKey: 'wk-key',
    userAgent: 'oz-agent-action/test',
    // The action's words for its key and address (src/action/vocabulary.ts), which error hints name.
    names: { apiKey: ACTION_WORDS.apiKey, apiBaseUrl: ACTION_WORDS.apiBaseUrl },
    retry: { retries: 3, minDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 1500, ...retry },
    requestTimeoutMs: 500,
    onRetry: (n) => {
      notices.push(n);
      told();
    },
  });
}

const RUN = { run_id: 'r1', task_id: 'r1', title: 't', prompt: 'p', state: 'INPROGRESS', created_at: 'x', updated_at: 'x' };

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  vi.useRealTimers();
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('problem bodies', () => {
  it.each([
    ['https://docs.warp.dev/reference/api-and-sdk/troubleshooting/errors/invalid-request/', 'invalid_request'],
    ['https://docs.warp.dev/reference/api-and-sdk/troubleshooting/errors/invalid_request', 'invalid_request'],
    ['https://docs.warp.dev/errors/resource_unavailable/', 'resource_unavailable'],
    ['about:blank', undefined],
    ['https://x.test/errors/<script>', undefined],
  ])('reads the error code in the type %s as %s, spelled with - or _', (type, code) => {
    expect(parseProblem(JSON.stringify({ type, title: 'T' })).errorCode).toBe(code);
  });
});

describe('OzClient requests', () => {
  it('sends the bearer key, JSON and a User-Agent naming the action', async () => {
    nock(BASE, {
      reqheaders: { authorization: 'Bearer wk-key', 'user-agent': /^oz-agent-action\//, 'content-type': 'application/json' },
    })
      .post('/agent/runs', { prompt: 'hi' })
      .reply(200, { run_id: 'r1', state: 'QUEUED' });
    await expect(client().createRunOnce({ prompt: 'hi' })).resolves.toEqual({ run_id: 'r1', state: 'QUEUED' });
  });

  it('encodes list filters as the API expects', async () => {
    nock(BASE)
      .get('/agent/runs')
      .query({ limit: '5', 'metadata[oz_action_request_id]': 'abc', state: ['QUEUED', 'INPROGRESS'] })
      .reply(200, { runs: [RUN], page_info: { has_next_page: false } });
    const answer = await client().listRuns({ limit: 5, state: ['QUEUED', 'INPROGRESS'], metadata: { oz_action_request_id: 'abc' } });
    expect(answer.runs[0]?.run_id).toBe('r1');
  });
});

describe('retry decisions', () => {
  it('retries 5xx and resets on reads, then succeeds', async () => {
    const notices: RetryNotice[] = [];
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(503, 'down')
      .get('/agent/runs/r1')
      .replyWithError(connectionReset())
      .get('/agent/runs/r1')
      .reply(200, RUN);
    await expect(client(notices).getRun('r1')).resolves.toMatchObject({ state: 'INPROGRESS' });
    expect(notices.map((n) => n.error.constructor.name)).toEqual(['OzApiError', 'OzNetworkError']);
  });

  it('waits as long as Retry-After asks (seconds)', async () => {
    // The clock is fake (timers only: the HTTP exchange itself is real I/O against nock).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const notices: RetryNotice[] = [];
    let retried = false;
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(429, '<html><body>Too many</body></html>', { 'Retry-After': '1', 'Content-Type': 'text/html' })
      .get('/agent/runs/r1')
      .reply(() => ((retried = true), [200, RUN]));
    let told!: () => void;
    const noticed = new Promise<void>((resolve) => (told = resolve));
    const read = client(notices, {}, told).getRun('r1');
    await noticed;
    expect(notices).toHaveLength(1);
    expect(notices[0]?.delayMs).toBeGreaterThanOrEqual(1000);
    expect(notices[0]?.error.message).toContain('429 Too Many Requests. Too many');
    await vi.advanceTimersByTimeAsync(990);
    expect(retried).toBe(false);
    await vi.advanceTimersByTimeAsync(notices[0]!.delayMs - 990);
    vi.useRealTimers();
    await expect(read).resolves.toMatchObject({ state: 'INPROGRESS' });
    expect(retried).toBe(true);
  });

  it('caps a Retry-After that asks for more than the policy allows', async () => {
    const notices: RetryNotice[] = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    nock(BASE).get('/agent/runs/r1').reply(503, '', { 'Retry-After': '3600' }).get('/agent/runs/r1').reply(200, RUN);
    let told!: () => void;
    const noticed = new Promise<void>((resolve) => (told = resolve));
    const read = client(notices, {}, told).getRun('r1');
    await noticed;
    expect(notices).toHaveLength(1);
    expect(notices[0]?.delayMs).toBe(1500);
    await vi.advanceTimersByTimeAsync(1500);
    vi.useRealTimers();
    await expect(read).resolves.toMatchObject({ state: 'INPROGRESS' });
  });

  it('does not retry other 4xx, and explains 401 and 403', async () => {
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(
        401,
        { title: 'Unauthorized', detail: 'Invalid API key', status: 401, trace_id: 'tr-1' },
        { 'Content-Type': 'application/problem+json' },
      );
    const error = await client()
      .getRun('r1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OzApiError);
    expect((error as Error).message).toBe(
      'Oz API GET /agent/runs/r1 failed with 401 Unauthorized. Unauthorized: Invalid API key. The Warp API key is missing, invalid or revoked: check the warp_api_key secret (trace id tr-1)',
    );
    nock(BASE).get('/agent/runs/r2').reply(403, { title: 'Forbidden', detail: 'No access to environment env-1' });
    await expect(client().getRun('r2')).rejects.toThrow(
      /403 Forbidden\. Forbidden: No access to environment env-1\. The Warp API key lacks access/,
    );
    nock(BASE).get('/agent/runs/r3').reply(404, { title: 'Not Found', detail: 'No run r3' });
    await expect(client().getRun('r3')).rejects.toThrow('failed with 404 Not Found. Not Found: No run r3');
  });

  it('gives up after the policy retries with the last error', async () => {
    nock(BASE).get('/agent/runs/r1').times(4).reply(502, { title: 'Bad Gateway' });
    await expect(client().getRun('r1')).rejects.toThrow('failed with 502 Bad Gateway. Bad Gateway');
  });

  it('treats an answer that does not come within the timeout as a network error that may have reached the server', async () => {
    // The 500 ms deadline on the fake clock: it passes when the test moves the clock on, once the
    // request has reached nock, with no real wait.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    deadlinesOnFakeClock();
    const scope = nock(BASE).post('/agent/runs').delay(2000).reply(200, { run_id: 'r1', state: 'QUEUED' });
    const sent = new Promise((resolve) => scope.on('request', resolve));
    const creating = client()
      .createRunOnce({ prompt: 'x' })
      .catch((e: unknown) => e);
    await sent;
    await vi.advanceTimersByTimeAsync(500);
    const error = await creating;
    expect(error).toBeInstanceOf(OzNetworkError);
    expect((error as OzNetworkError).networkCode).toMatch(/^(ETIMEDOUT|ECONNRESET)$/);
    expect((error as OzNetworkError).mayHaveReachedServer).toBe(true);
  });
});

describe('classifying failures', () => {
  const api = (status: number) => new OzApiError('GET', '/x', status, {});
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [404, false],
    [409, false],
    [422, false],
  ])('status %i retryable: %s', (status, expected) => {
    expect(isRetryable(api(status))).toBe(expected);
  });

  it('a create may have happened after a reset or a 5xx, not after a refusal or a 429', () => {
    expect(mayHaveCreated(new OzNetworkError('POST', '/x', 'ECONNRESET', true, new Error('reset')))).toBe(true);
    expect(mayHaveCreated(new OzNetworkError('POST', '/x', 'ECONNREFUSED', false, new Error('refused')))).toBe(false);
    expect(mayHaveCreated(api(502))).toBe(true);
    expect(mayHaveCreated(api(429))).toBe(false);
    expect(mayHaveCreated(api(408))).toBe(false);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
