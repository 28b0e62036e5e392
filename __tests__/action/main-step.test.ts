import nock from 'nock';
import { beforeEach, describe, expect, it } from 'vitest';
import { runMain, type MainOptions } from '../../src/action/main-step.ts';
import { REQUEST_ID_KEY } from '../../src/oz/metadata.ts';
import { connectionReset, isolateSteps, noConversation } from '../helpers/nock.ts';
import { stepInProcess } from '../helpers/step.ts';

const BASE = 'https://oz.test/api/v1';
const KEY = 'wk-test-secret-key';
const FAST: MainOptions = { retry: { retries: 3, minDelayMs: 1, maxDelayMs: 5 }, artifactGraceMs: 1, random: () => 0.5 };
function inputs(overrides: Record<string, string> = {}) {
  return {
    warp_api_key: KEY,
    prompt: 'Fix the flaky test',
    api_base_url: BASE,
    poll_interval_seconds: '0.01',
    max_poll_interval_seconds: '0.02',
    ...overrides,
  };
}

const run = (state: string, extra: Record<string, unknown> = {}) => ({
  run_id: 'run-1',
  task_id: 'run-1',
  title: 'Fix the flaky test',
  prompt: 'Fix the flaky test',
  state,
  created_at: '2026-11-28T10:00:00Z',
  updated_at: '2026-11-28T10:00:00Z',
  ...extra,
});

const done = run('SUCCEEDED', {
  session_link: 'https://app.warp.dev/session/s1',
  conversation_id: 'conv-1',
  run_time: 'PT1M5S',
  status_message: { message: 'Opened a pull request.' },
  artifacts: [{ artifact_type: 'PULL_REQUEST', data: { url: 'https://github.com/acme/widgets/pull/42', branch: 'oz/fix' } }],
});

/** Requests that matched no mock: a step must send none it was not expected to. */
const { unmatched } = isolateSteps();
beforeEach(() => noConversation(BASE));

/** The summary's heading for each way a run can end other than SUCCEEDED. */
const HEADINGS: Record<string, string> = {
  FAILED: '❌ Oz agent run failed',
  ERROR: '❌ Oz agent run failed with a platform error',
  BLOCKED: '✋ Oz agent run is blocked: it needs a person',
  CANCELLED: '🚫 Oz agent run was cancelled',
};

describe('the main step', () => {
  it('creates a run, watches it to SUCCEEDED, and reports it in outputs, summary and log', async () => {
    const step = stepInProcess(inputs({ title: 'Flaky test', model: 'claude-sonnet-4', metadata: 'team=platform' }));
    let createBody: Record<string, unknown> = {};
    const api = nock(BASE, { reqheaders: { authorization: `Bearer ${KEY}` } })
      .post('/agent/runs', (body: Record<string, unknown>) => ((createBody = body), true))
      .reply(200, { run_id: 'run-1', state: 'QUEUED' })
      .get('/agent/runs/run-1')
      .reply(200, run('QUEUED'))
      .get('/agent/runs/run-1')
      .reply(200, run('INPROGRESS', { session_link: 'https://app.warp.dev/session/s1' }))
      .get('/agent/runs/run-1')
      .reply(200, run('INPROGRESS', { session_link: 'https://app.warp.dev/session/s1' }))
      .get('/agent/runs/run-1')
      .reply(200, done);

    await runMain(FAST);

    expect(api.isDone()).toBe(true);
    expect(process.exitCode ?? 0).toBe(0);
    expect(createBody).toMatchObject({
      prompt: 'Fix the flaky test',
      title: 'Flaky test',
      config: { model_id: 'claude-sonnet-4' },
      metadata: {
        team: 'platform',
        github_repository: 'acme/widgets',
        github_run_id: '4242',
        github_run_attempt: '1',
        github_workflow: 'CI',
        github_job: 'agent',
        github_sha: 'abc123',
        github_ref: 'refs/heads/main',
        github_event: 'push',
        github_actor: 'octocat',
      },
    });
    const requestId = (createBody.metadata as Record<string, string>)[REQUEST_ID_KEY];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    expect(step.outputs()).toMatchObject({
      run_id: 'run-1',
      state: 'SUCCEEDED',
      session_link: 'https://app.warp.dev/session/s1',
      title: 'Fix the flaky test',
      status_message: 'Opened a pull request.',
      conversation_id: 'conv-1',
      pull_request_url: 'https://github.com/acme/widgets/pull/42',
      error_code: '',
    });
    expect(step.state()).toMatchObject({ oz_run_id: 'run-1', oz_request_id: requestId, oz_settled: 'true' });
    expect(step.summary()).toContain('## ✅ Oz agent run succeeded');
    expect(step.summary()).toContain('| Duration | 1m 5s |');
    expect(step.summary()).toContain('[This workflow run](https://github.com/acme/widgets/actions/runs/4242)');

    const log = step.log();
    expect(step.lines[0]).toBe(`::add-mask::${KEY}`);
    expect(log).toContain('Created Oz run run-1 (QUEUED).');
    expect(log).toMatch(/\] QUEUED -> INPROGRESS\n/);
    expect(log.match(/-> INPROGRESS/g)).toHaveLength(1);
    expect(log).toContain('Watch the agent: https://app.warp.dev/session/s1');
    expect(log).toContain('Oz run run-1 succeeded. Pull request: https://github.com/acme/widgets/pull/42');
  });

  it.each([
    [
      'FAILED',
      { message: 'No credits left', error_code: 'insufficient_credits', retryable: false },
      'Oz run run-1 ended FAILED: No credits left [insufficient_credits]. Not retryable',
    ],
    [
      'ERROR',
      { message: 'Internal error', error_code: 'internal_error', retryable: true },
      'Oz run run-1 ended ERROR: Internal error [internal_error]. Retryable: a new run may succeed.',
    ],
    ['BLOCKED', { message: 'Needs approval' }, 'Oz run run-1 ended BLOCKED: Needs approval The agent needs a person'],
    ['CANCELLED', { message: 'Cancelled by a user' }, 'Oz run run-1 ended CANCELLED: Cancelled by a user'],
  ])('fails the step when the run ends %s, saying why', async (state, status, message) => {
    const step = stepInProcess(inputs());
    nock(BASE)
      .post('/agent/runs')
      .reply(200, { run_id: 'run-1', state: 'QUEUED' })
      .get('/agent/runs/run-1')
      .reply(200, run(state, { status_message: status }));
    await runMain(FAST);
    expect(process.exitCode).toBe(1);
    expect(step.log()).toContain(`::error::${message}`);
    expect(step.outputs()).toMatchObject({
      run_id: 'run-1',
      state,
      status_message: status.message,
      error_code: (status as { error_code?: string }).error_code ?? '',
    });
    expect(step.summary()).toContain(`## ${HEADINGS[state]}`);
    expect(step.state().oz_settled).toBe('true');
  });

  it('cancels the run at timeout_minutes and fails saying so', async () => {
    const step = stepInProcess(inputs({ timeout_minutes: '0.002' }));
    let cancelled = false;
    const api = nock(BASE)
      .post('/agent/runs')
      .reply(200, { run_id: 'run-1', state: 'QUEUED' })
      .post('/agent/runs/run-1/cancel')
      .reply(() => ((cancelled = true), [200, '"run-1"']));
    nock(BASE)
      .get('/agent/runs/run-1')
      .times(1000)
      .reply(() => [200, run(cancelled ? 'CANCELLED' : 'INPROGRESS')]);
    await runMain(FAST);
    expect(api.isDone()).toBe(true);
    expect(process.exitCode).toBe(1);
    expect(step.log()).toContain(
      '::error::Oz run run-1 (CANCELLED): The run did not end within timeout_minutes (0.002), so the run was cancelled.',
    );
    expect(step.outputs().state).toBe('CANCELLED');
    expect(step.summary()).toContain('## ⏱️ Oz agent run timed out');
    expect(step.state().oz_settled).toBe('true');
  });

  it('leaves the run alone at timeout when cancel_on_abort is false', async () => {
    const step = stepInProcess(inputs({ timeout_minutes: '0.001', cancel_on_abort: 'false' }));
    nock(BASE).post('/agent/runs').reply(200, { run_id: 'run-1', state: 'QUEUED' });
    nock(BASE).get('/agent/runs/run-1').times(1000).reply(200, run('INPROGRESS'));
    await runMain(FAST);
    expect(unmatched()).toEqual([]);
    expect(process.exitCode).toBe(1);
    expect(step.log()).toContain('cancel_on_abort is false, so the run was left running.');
    expect(step.outputs().state).toBe('INPROGRESS');
  });

  it('cancels the run when the runner signals the step (workflow cancelled)', async () => {
    const step = stepInProcess(inputs());
    let reads = 0;
    const cancel = nock(BASE)
      .post('/agent/runs')
      .reply(200, { run_id: 'run-1', state: 'QUEUED' })
      .post('/agent/runs/run-1/cancel')
      .reply(409, { title: 'Conflict', detail: 'PENDING' })
      .post('/agent/runs/run-1/cancel')
      .reply(200, '"run-1"');
    nock(BASE)
      .get('/agent/runs/run-1')
      .times(1000)
      .reply(() => {
        if (++reads === 3) process.emit('SIGINT', 'SIGINT');
        return [200, run(reads > 3 ? 'CANCELLED' : 'PENDING')];
      });
    await runMain(FAST);
    expect(cancel.isDone()).toBe(true);
    expect(process.exitCode).toBe(1);
    expect(step.log()).toContain('Received SIGINT');
    expect(step.log()).toContain('Cancelled Oz run run-1.');
    expect(step.log()).toContain('::error::Oz run run-1 (CANCELLED): The workflow was cancelled, so the run was cancelled.');
    expect(step.summary()).toContain('## 🚫 Oz agent run cancelled with the workflow');
    expect(step.state().oz_settled).toBe('true');
  });

  it('leaves the run unsettled for the post step when the cancel fails', async () => {
    const step = stepInProcess(inputs());
    nock(BASE).post('/agent/runs').reply(200, { run_id: 'run-1', state: 'QUEUED' });
    nock(BASE).post('/agent/runs/run-1/cancel').times(10).reply(500, 'down');
    nock(BASE)
      .get('/agent/runs/run-1')
      .times(1000)
      .reply(() => {
        process.emit('SIGTERM', 'SIGTERM');
        return [200, run('INPROGRESS')];
      });
    await runMain(FAST);
    expect(step.log()).toContain('::warning::Could not cancel Oz run run-1');
    expect(step.state().oz_settled).toBeUndefined();
  });

  it('survives 429, 5xx and connection resets with exactly one run created', async () => {
    const step = stepInProcess(inputs());
    const creates = nock(BASE)
      .post('/agent/runs')
      .reply(429, '<html>slow down</html>', { 'Retry-After': '0', 'Content-Type': 'text/html' })
      .post('/agent/runs')
      .reply(200, { run_id: 'run-1', state: 'QUEUED' });
    nock(BASE)
      .get('/agent/runs/run-1')
      .reply(503, { title: 'Service Unavailable' })
      .get('/agent/runs/run-1')
      .replyWithError(connectionReset())
      .get('/agent/runs/run-1')
      .reply(200, done);
    await runMain(FAST);
    expect(creates.isDone()).toBe(true);
    expect(process.exitCode ?? 0).toBe(0);
    expect(step.outputs().state).toBe('SUCCEEDED');
    expect(step.log()).toContain('POST /agent/runs: try 1 failed (Oz API POST /agent/runs failed with 429 Too Many Requests. slow down)');
  });

  it('adopts the run when the create answer is lost, instead of creating a second', async () => {
    const step = stepInProcess(inputs());
    let requestId = '';
    nock(BASE)
      .post('/agent/runs', (body: { metadata: Record<string, string> }) => ((requestId = body.metadata[REQUEST_ID_KEY]!), true))
      .replyWithError(connectionReset())
      .get('/agent/runs')
      .query((q) => q[`metadata[${REQUEST_ID_KEY}]`] === requestId)
      .reply(() => [200, { runs: [run('QUEUED', { run_id: 'run-lost', metadata: { [REQUEST_ID_KEY]: requestId } })] }])
      .get('/agent/runs/run-lost')
      .reply(200, { ...done, run_id: 'run-lost' });
    await runMain(FAST);
    expect(unmatched()).toEqual([]);
    expect(step.outputs().run_id).toBe('run-lost');
    expect(step.log()).toContain('Created Oz run run-lost (QUEUED), found again after its create answer was lost.');
  });

  it('with wait false, creates the run, sets the outputs and ends without watching', async () => {
    const step = stepInProcess(inputs({ wait: 'false' }));
    const api = nock(BASE)
      .post('/agent/runs')
      .reply(200, { run_id: 'run-1', state: 'QUEUED' })
      .get('/agent/runs/run-1')
      .reply(200, run('QUEUED'));
    await runMain(FAST);
    expect(api.isDone()).toBe(true);
    expect(unmatched()).toEqual([]);
    expect(process.exitCode ?? 0).toBe(0);
    expect(step.outputs()).toMatchObject({ run_id: 'run-1', state: 'QUEUED' });
    expect(step.summary()).toContain('## 🚀 Oz agent run started');
    expect(step.state().oz_settled).toBe('true');
  });

  it('with run_id, watches an existing run without creating one', async () => {
    const step = stepInProcess({ warp_api_key: KEY, run_id: 'run-1', api_base_url: BASE, poll_interval_seconds: '0.01' });
    nock(BASE).get('/agent/runs/run-1').reply(200, run('INPROGRESS')).get('/agent/runs/run-1').reply(200, done);
    await runMain(FAST);
    expect(unmatched()).toEqual([]);
    expect(step.outputs()).toMatchObject({ run_id: 'run-1', state: 'SUCCEEDED' });
    expect(step.log()).toContain('Watching existing Oz run run-1.');
  });

  it('explains a rejected key and sends nothing more', async () => {
    const step = stepInProcess(inputs());
    nock(BASE)
      .post('/agent/runs')
      .reply(401, { title: 'Unauthorized', detail: 'Invalid API key', trace_id: 't-1' }, { 'Content-Type': 'application/problem+json' });
    await runMain(FAST);
    expect(unmatched()).toEqual([]);
    expect(process.exitCode).toBe(1);
    expect(step.log()).toContain(
      '::error::Oz API POST /agent/runs failed with 401 Unauthorized. Unauthorized: Invalid API key. The Warp API key is missing, invalid or revoked',
    );
    expect(step.summary()).toContain('## ⚠️ Oz agent run could not be followed');
  });

  it.each([
    [{ timeout_minutes: 'soon' }, "::error::Invalid timeout_minutes 'soon'. Expected a positive number such as 5 or 0.5."],
    [{ prompt: '' }, '::error::Missing prompt: set prompt, prompt_file or skill'],
    [{ mode: 'yolo' }, "::error::Invalid mode 'yolo'."],
    // Read as given: trimmed, a phrase of spaces would be no phrase at all.
    [{ trigger_phrase: '   ' }, "::error::Invalid trigger_phrase '   '. Expected a phrase such as @oz (not only spaces)."],
  ])('rejects bad input %j before any request', async (bad, message) => {
    const step = stepInProcess(inputs(bad));
    await runMain(FAST);
    expect(unmatched()).toEqual([]);
    expect(process.exitCode).toBe(1);
    // The key is masked before anything is said, even when another input is bad.
    expect(step.lines[0]).toBe(`::add-mask::${KEY}`);
    expect(step.log()).toContain(message);
    expect(step.state()).toEqual({});
    expect(step.summary()).toContain('## ⛔ Oz agent run not started');
    expect(step.summary()).toContain('Nothing was sent to Oz.');
  });

  it('with wait false, a failed read after the create still passes, with the run id', async () => {
    const step = stepInProcess(inputs({ wait: 'false' }));
    nock(BASE).post('/agent/runs').reply(200, { run_id: 'run-1', state: 'QUEUED' }).get('/agent/runs/run-1').times(4).reply(503, 'down');
    await runMain(FAST);
    expect(process.exitCode ?? 0).toBe(0);
    expect(step.outputs()).toMatchObject({ run_id: 'run-1', state: 'QUEUED' });
    expect(step.log()).toContain('::warning::Could not read Oz run run-1');
  });

  it('logs MCP servers by name only, since their env and headers often hold tokens', async () => {
    const mcp = JSON.stringify({
      mcpServers: { linear: { url: 'https://mcp.linear.app', headers: { Authorization: 'Bearer lin_api_123' } } },
    });
    const step = stepInProcess(inputs({ mcp }));
    let body: { config?: { mcp_servers?: unknown } } = {};
    nock(BASE)
      .post('/agent/runs', (b: typeof body) => ((body = b), true))
      .reply(200, { run_id: 'run-1', state: 'QUEUED' })
      .get('/agent/runs/run-1')
      .reply(200, done);
    await runMain(FAST);
    expect(body.config?.mcp_servers).toEqual({
      linear: { url: 'https://mcp.linear.app', headers: { Authorization: 'Bearer lin_api_123' } },
    });
    expect(step.log()).toContain('"mcp_servers":["linear"]');
    expect(step.log()).not.toContain('lin_api_123');
  });

  it('masks the API key first and never prints it in logs, outputs or the summary', async () => {
    const step = stepInProcess(inputs());
    nock(BASE)
      .post('/agent/runs')
      .reply(200, { run_id: 'run-1', state: 'QUEUED' })
      .get('/agent/runs/run-1')
      .reply(200, run('FAILED', { status_message: { message: 'refused' } }));
    await runMain(FAST);
    expect(step.lines[0]).toBe(`::add-mask::${KEY}`);
    expect(step.lines.slice(1).join('\n')).not.toContain(KEY);
    expect(JSON.stringify(step.outputs())).not.toContain(KEY);
    expect(step.summary()).not.toContain(KEY);
    expect(step.log()).toContain('"apiKey":"***"');
  });
});
