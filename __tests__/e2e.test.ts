/**
 * End-to-end: the committed dist/ bundle, run as the GitHub runner runs it, against the Oz API
 * simulator. These check what a workflow sees: exit status, log, outputs, summary, and what reached
 * the API.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers/simulator.ts';
import { runMainAndPost, runStep } from '../sim/runner.ts';

const sim = useSimulator();

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: 'wk-e2e-key',
    prompt: 'Fix the flaky test in auth.spec.ts',
    title: 'Fix flaky auth test',
    api_base_url: sim.url,
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.2',
    ...extra,
  };
}

describe('the bundle against the simulator', () => {
  it('runs an agent to SUCCEEDED and reports every output and the summary', async () => {
    const { main, post } = await runMainAndPost({ inputs: inputs({ metadata: 'team=platform' }) });
    expect(main.code).toBe(0);
    const [created] = sim.apiRequests('POST', '/agent/runs');
    expect(sim.runs.size).toBe(1);
    const run = [...sim.runs.values()][0]!.run;
    expect(created?.headers['user-agent']).toMatch(/^oz-agent-action\/1\.0\.0 node\/24\./);
    expect(run.metadata).toMatchObject({ team: 'platform', github_repository: 'acme/widgets', github_run_id: '9000' });

    expect(main.outputs).toMatchObject({
      run_id: run.run_id,
      state: 'SUCCEEDED',
      title: 'Fix flaky auth test',
      session_link: `${sim.url.replace('/api/v1', '')}/session/${run.run_id}`,
      status_message: 'Opened a pull request with the fix.',
      error_code: '',
      conversation_id: `conv-${run.run_id.slice(0, 8)}`,
      pull_request_url: 'https://github.com/acme/widgets/pull/42',
    });
    expect((JSON.parse(main.outputs.artifacts!) as { artifact_type: string }[]).map((a) => a.artifact_type)).toEqual([
      'PLAN',
      'PULL_REQUEST',
    ]);
    expect(JSON.parse(main.outputs.run!)).toMatchObject({ run_id: run.run_id, state: 'SUCCEEDED' });

    // The agent's answer, as an output and first in the summary; then the pull request it opened.
    const answer = 'I fixed the flaky test: the login race in `src/auth.ts` now waits for the session. All tests pass.';
    expect(main.outputs.agent_output).toBe(answer);
    expect(main.outputs.structured_output).toBe('');
    expect(main.outputs.downloaded_files).toBe('[]');
    expect(main.summary).toContain(`## ✅ Oz agent run succeeded: Fix flaky auth test\n\n${answer}\n`);
    expect(main.summary).toContain('- **[acme/widgets#\u206042](https://github.com/acme/widgets/pull/42)** (branch `oz/fix-flaky-test`)');
    expect(main.summary.indexOf(answer)).toBeLessThan(main.summary.indexOf('Pull request opened by the agent'));
    expect(main.summary).toContain('| Duration | 10s |');
    expect(main.summary).toContain('| Cost | 16 credits (inference 12.5, compute 3, platform 0.5), about $0.32 |');
    // What the agent did, in the log.
    expect(main.log).toMatch(/\] command: npm test/);
    expect(main.log).toMatch(/\] edit_files: src\/auth\.ts/);
    expect(main.log).toMatch(/\] says: I fixed the flaky test/);

    expect(main.log).toContain(`Watch the agent: ${main.outputs.session_link}`);
    expect(main.log.match(/-> INPROGRESS/g)).toHaveLength(1);
    expect(main.log).not.toContain('wk-e2e-key\n'.repeat(2));
    // The post step finds nothing to clean up and sends nothing.
    expect(post.code).toBe(0);
    expect(sim.apiRequests('POST', `/agent/runs/${run.run_id}/cancel`)).toHaveLength(0);
  });

  it.each([
    ['failed', 'FAILED', 'The environment failed to set up: `npm ci` exited 1. [environment_setup_failed]. Not retryable'],
    ['error', 'ERROR', 'The agent crashed: internal error. [internal_error]. Retryable: a new run may succeed.'],
    ['blocked', 'BLOCKED', 'The agent needs approval to push to a protected branch. The agent needs a person'],
  ])('fails the step when the run ends %s, with the status message', async (outcome, state, message) => {
    const main = await runStep({ inputs: inputs({ metadata: `sim_outcome=${outcome}` }) });
    expect(main.code).toBe(1);
    expect(main.outputs.state).toBe(state);
    expect(main.log).toContain(`::error::Oz run ${main.outputs.run_id} ended ${state}: ${message}`);
    expect(main.summary).toContain(state === 'BLOCKED' ? '## ✋ Oz agent run is blocked: it needs a person' : '## ❌ Oz agent run failed');
  });

  it('warns once about a state it does not know, and keeps watching', async () => {
    // The unknown state lasts 100 ms here: poll every 50 ms so it is seen even on a busy machine.
    const main = await runStep({ inputs: inputs({ metadata: 'sim_outcome=unknown-state', max_poll_interval_seconds: '0.05' }) });
    expect(main.code).toBe(0);
    expect(main.log.match(/::warning::Oz reported the state AWAITING_REVIEW/g)).toHaveLength(1);
  });

  it('cancels the run at timeout_minutes', async () => {
    const { main, post } = await runMainAndPost({ inputs: inputs({ metadata: 'sim_outcome=never', timeout_minutes: '0.01' }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain('The run did not end within timeout_minutes (0.01), so the run was cancelled.');
    expect(main.outputs.state).toBe('CANCELLED');
    expect(sim.apiRequests('POST', '/agent/runs/').filter((r) => r.path.endsWith('/cancel'))).toHaveLength(1);
    expect(post.log).not.toContain('cancelling it');
  });

  it('cancels the run when the runner sends SIGINT (workflow cancelled)', async () => {
    const main = await runStep({
      inputs: inputs({ metadata: 'sim_outcome=never' }),
      onSpawn: (child) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('-> INPROGRESS')) child.kill('SIGINT');
        });
      },
    });
    expect(main.code).toBe(1);
    expect(main.log).toContain('Received SIGINT');
    expect(main.log).toContain(`Cancelled Oz run ${main.outputs.run_id}.`);
    expect(main.outputs.state).toBe('CANCELLED');
    expect(main.summary).toContain('## 🚫 Oz agent run cancelled with the workflow');
  });

  it('has the post step cancel a run the main step could not (killed outright)', async () => {
    const main = await runStep({
      inputs: inputs({ metadata: 'sim_outcome=never' }),
      onSpawn: (child) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('-> INPROGRESS')) child.kill('SIGKILL');
        });
      },
    });
    expect(main.signal).toBe('SIGKILL');
    const post = await runStep({ which: 'post', inputs: inputs(), state: main.state });
    expect(post.code).toBe(0);
    expect(post.log).toContain('is still INPROGRESS after the main step ended; cancelling it.');
    const run = [...sim.runs.values()][0]!;
    expect(run.cancelledAt).toBeDefined();
  });

  it('has the post step parse the inputs as the main step did: a file they name is gone, it says so and still cancels the run', async () => {
    // The same function parses the inputs in both steps: a prompt file removed in between makes them bad.
    const folder = mkdtempSync(join(tmpdir(), 'oz-prompt-'));
    const promptFile = join(folder, 'prompt.md');
    writeFileSync(promptFile, 'Fix the flaky test');
    const stepInputs = inputs({ prompt: '', prompt_file: promptFile, metadata: 'sim_outcome=never' });
    const main = await runStep({
      inputs: stepInputs,
      onSpawn: (child) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('-> INPROGRESS')) child.kill('SIGKILL');
        });
      },
    });
    expect(main.signal).toBe('SIGKILL');
    rmSync(folder, { recursive: true });
    const post = await runStep({ which: 'post', inputs: stepInputs, state: main.state });
    expect(post.code).toBe(0);
    expect(post.log).toContain(
      `::warning::Oz post step: the inputs cannot be used (Invalid prompt_file '${promptFile}': there is no file at`,
    );
    expect(post.log).toContain('settling the run the main step left with the inputs that reach the API');
    expect(post.log).toMatch(/^::add-mask::wk-e2e-key$/m);
    // The prompt is not needed to cancel: the run the main step left is not left running.
    expect(sim.apiRequests('POST', `/agent/runs/${main.state.oz_run_id}/cancel`)).toHaveLength(1);
    expect(sim.runs.get(main.state.oz_run_id!)!.cancelledAt).toBeDefined();
  });

  it('survives 429 (HTML, Retry-After), 5xx bursts and resets with exactly one run', async () => {
    sim.inject(
      { method: 'POST', path: '/agent/runs', kind: 'status', status: 429, html: true, retryAfter: '1' },
      { method: 'GET', path: '/agent/runs/', kind: 'status', status: 503 },
      { method: 'GET', path: '/agent/runs/', kind: 'reset' },
    );
    const main = await runStep({ inputs: inputs() });
    expect(main.code).toBe(0);
    expect(sim.runs.size).toBe(1);
    expect(main.outputs.state).toBe('SUCCEEDED');
    expect(main.log).toContain(
      'POST /agent/runs: try 1 failed (Oz API POST /agent/runs failed with 429 Too Many Requests. 429 Too busy Please slow down.)',
    );
    expect(main.log).toContain('failed with 503 Service Unavailable');
    expect(main.log).toContain('failed: ECONNRESET');
  });

  it('ends with exactly one run when the create answer is lost', async () => {
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'lost-create' });
    const main = await runStep({ inputs: inputs() });
    expect(main.code).toBe(0);
    expect(sim.runs.size).toBe(1);
    expect(main.outputs.run_id).toBe([...sim.runs.keys()][0]);
    expect(main.log).toContain('found again after its create answer was lost');
  });

  it('starts a run with wait: false, and a later step watches it with run_id', async () => {
    const start = await runMainAndPost({ inputs: inputs({ wait: 'false' }) });
    expect(start.main.code).toBe(0);
    expect(start.main.outputs.state).toBe('QUEUED');
    expect(start.post.log).not.toContain('cancelling');
    const runId = start.main.outputs.run_id!;
    const watch = await runStep({
      inputs: { warp_api_key: 'wk-e2e-key', api_base_url: sim.url, run_id: runId, poll_interval_seconds: '0.05' },
    });
    expect(watch.code).toBe(0);
    expect(watch.outputs).toMatchObject({ run_id: runId, state: 'SUCCEEDED' });
    expect(sim.runs.size).toBe(1);
  });

  it('with wait: false, the main and post steps read the run once, and never its conversation', async () => {
    const start = await runMainAndPost({ inputs: inputs({ wait: 'false' }) });
    expect(start.main.code).toBe(0);
    const runId = start.main.outputs.run_id!;
    expect(start.main.outputs.state).not.toBe('');
    expect(sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /agent/runs', `GET /agent/runs/${runId}`]);
  });

  it('goes through the proxy in HTTP_PROXY, as the runner configures it', async () => {
    // A CONNECT proxy that sends every tunnel to the simulator, whatever host was asked for.
    const tunnels: string[] = [];
    const proxy: Server = createServer();
    proxy.on('connect', (req, client, head) => {
      tunnels.push(req.url ?? '');
      const upstream = connect(Number(new URL(sim.url).port), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      // Loopback addresses bypass the proxy, so the API is named by a host only the proxy resolves (a
      // name under .localhost, which the action allows over plain http like any loopback host).
      const apiUrl = sim.url.replace('127.0.0.1', 'oz-api.localhost');
      const main = await runStep({ inputs: inputs({ api_base_url: apiUrl }), env: { HTTP_PROXY: proxyUrl, http_proxy: proxyUrl } });
      expect(main.code).toBe(0);
      expect(main.outputs.state).toBe('SUCCEEDED');
      expect(tunnels.length).toBeGreaterThan(1);
      expect(new Set(tunnels)).toEqual(new Set([`oz-api.localhost:${new URL(sim.url).port}`]));
    } finally {
      proxy.close();
    }
  });

  it('sends no request for bad input, and says what is wrong', async () => {
    const main = await runStep({ inputs: inputs({ timeout_minutes: 'an hour' }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain("::error::Invalid timeout_minutes 'an hour'. Expected a positive number such as 5 or 0.5.");
    expect(sim.requests).toHaveLength(0);
  });
});
