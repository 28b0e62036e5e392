import nock from 'nock';
import { connectionReset } from '../helpers/nock.ts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_ID_KEY } from '../../src/oz/metadata.ts';
import { createRunExactlyOnce, LostCreateError } from '../../src/run/create.ts';
import { buildMetadata, readGitHubContext } from '../../src/github/context.ts';
import { OzClient } from '../../src/oz/client.ts';

const BASE = 'https://oz.test/api/v1';
const client = () =>
  new OzClient({
    baseUrl: BASE,
    apiKey: 'wk-k',
    userAgent: 'test',
    retry: { retries: 3, minDelayMs: 5, maxDelayMs: 10 },
    requestTimeoutMs: 300,
  });
const lookup = (requestId: string) => ({ limit: '100', [`metadata[${REQUEST_ID_KEY}]`]: requestId });
const run = (id: string, requestId: string) => ({ run_id: id, state: 'QUEUED', metadata: { [REQUEST_ID_KEY]: requestId } });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('createRunExactlyOnce', () => {
  it('tags the create with the request id and keeps the user metadata', async () => {
    nock(BASE)
      .post('/agent/runs', { prompt: 'p', metadata: { team: 'x', [REQUEST_ID_KEY]: 'req-1' } })
      .reply(200, { run_id: 'r1', state: 'QUEUED' });
    await expect(createRunExactlyOnce(client(), { prompt: 'p', metadata: { team: 'x' } }, 'req-1')).resolves.toEqual({
      runId: 'r1',
      state: 'QUEUED',
      adopted: false,
    });
  });

  it('retries a 429 without a look-up: the server turned it away', async () => {
    nock(BASE)
      .post('/agent/runs')
      .reply(429, { title: 'Too Many Requests' })
      .post('/agent/runs')
      .reply(200, { run_id: 'r1', state: 'QUEUED' });
    await expect(createRunExactlyOnce(client(), { prompt: 'p' }, 'req-1')).resolves.toMatchObject({ runId: 'r1', adopted: false });
  });

  it('looks the request id up after a 429 resource_unavailable (Warp may have queued the task), and adopts the run', async () => {
    const scope = nock(BASE)
      .post('/agent/runs')
      .reply(429, {
        type: 'https://docs.warp.dev/reference/api-and-sdk/troubleshooting/errors/resource_unavailable',
        title: 'Capacity full',
      })
      .get('/agent/runs')
      .query(lookup('req-q'))
      .reply(200, { runs: [run('r-queued', 'req-q')], page_info: { has_next_page: false } });
    await expect(createRunExactlyOnce(client(), { prompt: 'p' }, 'req-q')).resolves.toEqual({
      runId: 'r-queued',
      state: 'QUEUED',
      adopted: true,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('says a run may exist when the tries run out after a lost answer', async () => {
    nock(BASE)
      .post('/agent/runs')
      .replyWithError(connectionReset())
      .get('/agent/runs')
      .query(lookup('req-x'))
      .times(3)
      .reply(200, { runs: [], page_info: { has_next_page: false } })
      .post('/agent/runs')
      .times(3)
      .reply(503, 'busy');
    const error = await createRunExactlyOnce(client(), { prompt: 'p' }, 'req-x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LostCreateError);
    expect((error as Error).message).toContain('a run may have been started: look for the metadata oz_action_request_id=req-x');
  });

  it('adopts the run a lost create started instead of starting a second one', async () => {
    const scope = nock(BASE)
      .post('/agent/runs')
      .replyWithError(connectionReset())
      .get('/agent/runs')
      .query(lookup('req-2'))
      .reply(200, { runs: [run('r-lost', 'req-2')], page_info: { has_next_page: false } });
    await expect(createRunExactlyOnce(client(), { prompt: 'p' }, 'req-2')).resolves.toEqual({
      runId: 'r-lost',
      state: 'QUEUED',
      adopted: true,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('creates again when the look-up after a 502 finds nothing', async () => {
    nock(BASE)
      .post('/agent/runs')
      .reply(502, 'Bad gateway')
      .get('/agent/runs')
      .query(lookup('req-3'))
      .reply(200, { runs: [], page_info: { has_next_page: false } })
      .post('/agent/runs')
      .reply(200, { run_id: 'r2', state: 'QUEUED' });
    await expect(createRunExactlyOnce(client(), { prompt: 'p' }, 'req-3')).resolves.toMatchObject({ runId: 'r2', adopted: false });
  });

  it('fails clearly, without a second create, when the look-up is not possible', async () => {
    nock(BASE)
      .post('/agent/runs')
      .replyWithError(connectionReset())
      .get('/agent/runs')
      .query(lookup('req-4'))
      .reply(400, { title: 'Bad Request', detail: 'metadata filters are not available', error_code: 'feature_not_available' });
    const error = await createRunExactlyOnce(client(), { prompt: 'p' }, 'req-4').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LostCreateError);
    expect((error as Error).message).toContain('looking for the run by its metadata oz_action_request_id=req-4 failed');
    expect((error as Error).message).toContain('Not retrying, so as not to start a second agent');
  });

  it('does not retry a 400', async () => {
    nock(BASE).post('/agent/runs').reply(400, { title: 'Bad Request', detail: 'prompt is required' });
    await expect(createRunExactlyOnce(client(), { prompt: '' }, 'req-5')).rejects.toThrow(
      '400 Bad Request. Bad Request: prompt is required',
    );
  });

  it('stops waiting for a create that never answers when the stop signal fires', async () => {
    const stop = new AbortController();
    // The answer would come long after the test's timeout: only the stop can end the wait. The stop
    // comes once the create has reached the API.
    const scope = nock(BASE).post('/agent/runs').delay(3_600_000).reply(200, { run_id: 'r9', state: 'QUEUED' });
    scope.on('request', () => stop.abort(new Error('timed out')));
    await expect(createRunExactlyOnce(client(), { prompt: 'p' }, 'req-6', stop.signal)).rejects.toThrow('timed out');
  });

  it('adopts only a run whose own metadata carries the request id, paging through a list that ignores the filter', async () => {
    const other = (id: string) => ({ run_id: id, state: 'INPROGRESS', metadata: { [REQUEST_ID_KEY]: 'someone-else' } });
    const bare = { run_id: 'no-metadata', state: 'INPROGRESS' };
    nock(BASE)
      .post('/agent/runs')
      .replyWithError(connectionReset())
      .get('/agent/runs')
      .query(lookup('req-7'))
      .reply(200, { runs: [other('a'), bare], page_info: { has_next_page: true, next_cursor: 'c2' } })
      .get('/agent/runs')
      .query({ ...lookup('req-7'), cursor: 'c2' })
      .reply(200, { runs: [other('b'), run('mine', 'req-7')], page_info: { has_next_page: false } });
    await expect(createRunExactlyOnce(client(), { prompt: 'p' }, 'req-7')).resolves.toEqual({
      runId: 'mine',
      state: 'QUEUED',
      adopted: true,
    });
  });

  it('creates again, rather than adopt a stranger, when no listed run carries the request id', async () => {
    nock(BASE)
      .post('/agent/runs')
      .reply(503, 'busy')
      .get('/agent/runs')
      .query(lookup('req-8'))
      .reply(200, { runs: [{ run_id: 'stranger', state: 'INPROGRESS' }], page_info: { has_next_page: false } })
      .post('/agent/runs')
      .reply(200, { run_id: 'r-new', state: 'QUEUED' });
    await expect(createRunExactlyOnce(client(), { prompt: 'p' }, 'req-8')).resolves.toMatchObject({ runId: 'r-new', adopted: false });
  });

  it('looks the run up when a create answers 200 without a run id, instead of creating a second one', async () => {
    nock(BASE)
      .post('/agent/runs')
      .reply(200, '')
      .get('/agent/runs')
      .query(lookup('req-9'))
      .reply(200, { runs: [run('r-found', 'req-9')], page_info: { has_next_page: false } });
    await expect(createRunExactlyOnce(client(), { prompt: 'p' }, 'req-9')).resolves.toMatchObject({ runId: 'r-found', adopted: true });
  });
});

describe('buildMetadata', () => {
  const context = readGitHubContext({
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_WORKFLOW: 'W'.repeat(300),
    GITHUB_ACTOR: 'octocat',
  });

  it('traces the run to its workflow run, fitting values to 256 bytes, with the user winning', () => {
    const { metadata } = buildMetadata(context, { github_actor: 'someone-else' });
    expect(metadata).toMatchObject({
      github_repository: 'acme/widgets',
      github_run_id: '1',
      github_run_attempt: '2',
      github_actor: 'someone-else',
    });
    expect(metadata.github_workflow).toHaveLength(256);
  });

  it('always leaves room for the request id within the 20 keys the API allows', () => {
    const user = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
    const { metadata, dropped } = buildMetadata(context, user);
    expect(Object.keys(metadata)).toHaveLength(19);
    expect(dropped).toEqual(['github_run_attempt', 'github_workflow', 'github_actor']);
  });
});
