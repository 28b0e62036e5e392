import nock from 'nock';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { REQUEST_ID_KEY } from '../../src/oz/metadata.ts';
import { runPost } from '../../src/action/post-step.ts';
import { USER_AGENT, VERSION } from '../../src/oz/version.ts';
import { isolateSteps } from '../helpers/nock.ts';
import { stepInProcess } from '../helpers/step.ts';

const BASE = 'https://oz.test/api/v1';
const KEY = 'wk-post-key';
const FAST = { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 }, cancelBudgetMs: 2000 };

/** Requests that matched no mock: a step must send none it was not expected to. */
const { unmatched } = isolateSteps();

/** A post step after a main step that left this state behind; the job's inputs are valid, as the main step ran with them. */
function post(state: Record<string, string>, inputs: Record<string, string> = {}) {
  const step = stepInProcess({ warp_api_key: KEY, api_base_url: BASE, prompt: 'Fix the bug', ...inputs });
  for (const [name, value] of Object.entries(state)) vi.stubEnv(`STATE_${name}`, value);
  return step;
}

describe('the post step', () => {
  it('does nothing when the main step settled its run', async () => {
    post({ oz_run_id: 'run-1', oz_settled: 'true' });
    await runPost(FAST);
    expect(unmatched()).toEqual([]);
  });

  it('does nothing when the main step never got as far as a create', async () => {
    post({});
    await runPost(FAST);
    expect(unmatched()).toEqual([]);
  });

  it('cancels a run the main step left live', async () => {
    const step = post({ oz_run_id: 'run-1' });
    const api = nock(BASE)
      .get('/agent/runs/run-1')
      .reply(200, { run_id: 'run-1', state: 'INPROGRESS' })
      .post('/agent/runs/run-1/cancel')
      .reply(200, '"run-1"');
    await runPost(FAST);
    expect(api.isDone()).toBe(true);
    expect(step.lines[0]).toBe(`::add-mask::${KEY}`);
    expect(step.log()).toContain('Oz run run-1 is still INPROGRESS after the main step ended; cancelling it.');
    expect(step.log()).toContain('Cancelled Oz run run-1.');
    expect(process.exitCode).toBeUndefined();
  });

  it('finds and cancels a run whose create answer the main step never got, and no other', async () => {
    post({ oz_request_id: 'req-1' });
    // A list that ignores the filter: a stranger's live run comes first; only the run tagged req-1 is ours.
    const api = nock(BASE)
      .get('/agent/runs')
      .query({ limit: '100', [`metadata[${REQUEST_ID_KEY}]`]: 'req-1' })
      .reply(200, {
        runs: [
          { run_id: 'run-stranger', state: 'INPROGRESS', metadata: { [REQUEST_ID_KEY]: 'req-other' } },
          { run_id: 'run-9', state: 'QUEUED', metadata: { [REQUEST_ID_KEY]: 'req-1' } },
        ],
      })
      .get('/agent/runs/run-9')
      .reply(200, { run_id: 'run-9', state: 'QUEUED' })
      .post('/agent/runs/run-9/cancel')
      .reply(200, '"run-9"');
    await runPost(FAST);
    expect(api.isDone()).toBe(true);
  });

  it('leaves an ended run alone', async () => {
    const step = post({ oz_run_id: 'run-1' });
    nock(BASE).get('/agent/runs/run-1').reply(200, { run_id: 'run-1', state: 'SUCCEEDED' });
    await runPost(FAST);
    expect(unmatched()).toEqual([]);
    expect(step.log()).toContain('Oz run run-1 has ended (SUCCEEDED); nothing to cancel.');
  });

  it('respects cancel_on_abort: false', async () => {
    const step = post({ oz_run_id: 'run-1' }, { cancel_on_abort: 'false' });
    await runPost(FAST);
    expect(unmatched()).toEqual([]);
    expect(step.log()).toContain('cancel_on_abort is false');
  });

  it('reads its settings as the main step does: the key from WARP_API_KEY, the token masked first', async () => {
    const step = stepInProcess({ api_base_url: BASE, prompt: 'Fix the bug', github_token: 'ghs_posttoken123' }, { WARP_API_KEY: KEY });
    vi.stubEnv('STATE_oz_run_id', 'run-1');
    const api = nock(BASE, { reqheaders: { authorization: `Bearer ${KEY}` } })
      .get('/agent/runs/run-1')
      .reply(200, { run_id: 'run-1', state: 'SUCCEEDED' });
    await runPost(FAST);
    expect(api.isDone()).toBe(true);
    expect(step.lines.slice(0, 2)).toEqual([`::add-mask::${KEY}`, '::add-mask::ghs_posttoken123']);
  });

  it('still cancels a left run when another input went bad since the main step, from the inputs that reach the API', async () => {
    const step = post({ oz_run_id: 'run-1' }, { timeout_minutes: 'soon' });
    const api = nock(BASE)
      .get('/agent/runs/run-1')
      .reply(200, { run_id: 'run-1', state: 'INPROGRESS' })
      .post('/agent/runs/run-1/cancel')
      .reply(200, '"run-1"');
    await runPost(FAST);
    expect(api.isDone()).toBe(true);
    expect(step.log()).toContain(
      "::warning::Oz post step: the inputs cannot be used (Invalid timeout_minutes 'soon'. Expected a positive number such as 5 or 0.5); settling the run the main step left with the inputs that reach the API, without finishing its comment or check run.",
    );
    expect(step.log()).toContain('Cancelled Oz run run-1.');
    expect(process.exitCode).toBeUndefined();
  });

  it('leaves the run alone when cancel_on_abort is false, even with another input bad', async () => {
    const step = post({ oz_run_id: 'run-1' }, { timeout_minutes: 'soon', cancel_on_abort: 'false' });
    await runPost(FAST);
    expect(unmatched()).toEqual([]);
    expect(step.log()).toContain('cancel_on_abort is false');
  });

  it('sends nothing when the inputs that reach the API are bad too, and says a left run may still be running', async () => {
    const step = post({ oz_run_id: 'run-1' }, { api_base_url: 'not a url', timeout_minutes: 'soon' });
    await runPost(FAST);
    expect(unmatched()).toEqual([]);
    expect(step.log()).toContain('::warning::Oz post step: the inputs cannot be used (Invalid api_base_url');
    expect(step.log()).toContain('a run the main step left may still be running.');
    expect(process.exitCode).toBeUndefined();
  });

  it('only warns when it cannot cancel: a post step never fails the job', async () => {
    const step = post({ oz_run_id: 'run-1' });
    nock(BASE)
      .get('/agent/runs/run-1')
      .reply(200, { run_id: 'run-1', state: 'INPROGRESS' })
      .post('/agent/runs/run-1/cancel')
      .reply(422, { title: 'Unprocessable Entity', detail: 'not cancellable' });
    await runPost(FAST);
    expect(step.log()).toContain('::warning::Oz refused to cancel run run-1: it cannot be cancelled through the API');
    expect(step.log()).toContain('Runs on a self-hosted worker may refuse a cancel.');
    expect(process.exitCode).toBeUndefined();

    const again = post({ oz_run_id: 'run-2' });
    nock(BASE).get('/agent/runs/run-2').times(3).reply(500, 'down');
    await runPost(FAST);
    expect(again.log()).toContain('::warning::Oz post step could not check the run');
    expect(process.exitCode).toBeUndefined();
  });
});

describe('version', () => {
  it('matches package.json and names the action in the User-Agent', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect(USER_AGENT).toMatch(/^oz-agent-action\/\d+\.\d+\.\d+ node\//);
  });
});
