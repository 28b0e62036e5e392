/**
 * End-to-end, on the committed dist/: hostile text, a misbehaving API, huge answers, and the GitHub
 * side against a double of its API. Each test runs the bundle as the runner does (sim/runner.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const KEY = 'wk-e2e-hardening-key';
const sim = useSimulator();

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: KEY,
    prompt: 'Fix the flaky test in auth.spec.ts',
    title: 'Fix flaky auth test',
    api_base_url: sim.url,
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.2',
    ...extra,
  };
}

/**
 * The workflow commands the runner would act on in a log, as it reads them: a line that starts with
 * `::` (a command), else a line with `##[` anywhere (the older form), except between
 * `::stop-commands::<token>` and `::<token>::`.
 */
function commandsActedOn(log: string): string[] {
  const commands: string[] = [];
  let token: string | undefined;
  for (const raw of log.split(/\r?\n/)) {
    const line = raw.trim();
    if (token !== undefined) {
      if (line === `::${token}::`) token = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) token = stop[1];
    else if (line.startsWith('::') || line.includes('##[')) commands.push(line);
  }
  return commands;
}

describe('hostile text from the API', () => {
  it('never becomes a workflow command, in log lines or annotations', async () => {
    const title = '::error title=pwned::gotcha\n::set-output name=state::HACKED\n##[set-env name=X;]pwned\n::add-mask::wk';
    const main = await runStep({
      inputs: inputs({ title, metadata: 'sim_outcome=failed\nsim_status_message=::error::pwned%0A::set-output name=x::y' }),
    });
    expect(main.code).toBe(1);
    // The text is shown...
    expect(main.log).toContain('::error title=pwned::gotcha');
    // ...but the runner acts only on the action's own commands, whose data the toolkit escapes.
    const ours = /^::(add-mask|debug|warning|notice|stop-commands)::|^::error::Oz run \S+ ended FAILED: /;
    const commands = commandsActedOn(main.log);
    expect(commands.filter((c) => !ours.test(c))).toEqual([]);
    const annotation = commands.find((c) => c.startsWith('::error::'));
    expect(annotation).toContain('ended FAILED: ::error::pwned%250A::set-output name=x::y');
    expect(main.outputs.state).toBe('FAILED');
  });

  it('keeps the API key out of the summary, outputs and state, even when an error body quotes it', async () => {
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'status', status: 400, echoAuth: true });
    const main = await runStep({ inputs: inputs() });
    expect(main.code).toBe(1);
    // Redacted before the Markdown is rendered (escaping could split a secret), so the stars are escaped.
    expect(main.summary).toContain('Injected by the simulator for Bearer \\*\\*\\*');
    for (const file of [main.summary, JSON.stringify(main.outputs), JSON.stringify(main.state)]) expect(file).not.toContain(KEY);
  });

  it('drops links that are not http(s) from outputs, summary and log', async () => {
    const main = await runStep({ inputs: inputs({ metadata: 'sim_links=unsafe' }) });
    expect(main.code).toBe(0);
    expect(main.outputs.session_link).toBe('');
    expect(main.outputs.pull_request_url).toBe('');
    expect(main.summary).not.toContain('javascript:');
    expect(main.log).not.toContain('Watch the agent: javascript');
  });
});

describe('the API key travels only to the API', () => {
  it('refuses plain http to a host that is not loopback, before any request', async () => {
    const main = await runStep({ inputs: inputs({ api_base_url: 'http://oz.example.com/api/v1' }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain(
      "Invalid api_base_url 'http://oz.example.com/api/v1'. Expected an https URL (http is allowed only for a loopback host",
    );
    expect(main.outputs.run_id).toBe('');
  });

  it('does not follow a redirect: the error names its target, which gets nothing', async () => {
    const elsewhere: string[] = [];
    const thief: Server = createServer((req, res) => {
      elsewhere.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.end('{}');
    });
    await new Promise<void>((resolve) => thief.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(thief.address() as AddressInfo).port}/steal`;
    try {
      sim.inject({ method: 'GET', path: '/agent/runs/', kind: 'redirect', location: target });
      const main = await runStep({ inputs: inputs() });
      expect(main.code).toBe(1);
      expect(main.log).toContain(`answered 302, a redirect to ${target}`);
      expect(elsewhere).toEqual([]);
    } finally {
      thief.close();
    }
  });
});

describe('exactly one agent, and only ours', () => {
  it('adopts only its own run after a lost create, when the list ignores the filter', async () => {
    const stranger = await fetch(`${sim.url}/agent/runs`, {
      method: 'POST',
      headers: { authorization: 'Bearer wk-someone-else', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'not ours', metadata: { oz_action_request_id: 'someone-else', sim_outcome: 'never' } }),
    });
    const { run_id: strangerId } = (await stranger.json()) as { run_id: string };
    sim.ignoreListFilters = true;
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'lost-create' });
    const main = await runStep({ inputs: inputs() });
    expect(main.code).toBe(0);
    expect(sim.runs.size).toBe(2);
    expect(main.outputs.run_id).not.toBe(strangerId);
    expect(sim.runs.get(main.outputs.run_id!)?.run.prompt).toBe('Fix the flaky test in auth.spec.ts');
    expect(sim.runs.get(strangerId)!.cancelledAt).toBeUndefined();
    expect(sim.apiRequests('GET', `/agent/runs/${strangerId}`)).toEqual([]);
  });

  it('bounds a create that never answers by timeout_minutes, then finds and cancels the run it started', async () => {
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'silent-create' });
    const main = await runStep({ inputs: inputs({ timeout_minutes: '0.02', metadata: 'sim_outcome=never' }) });
    // Ended by timeout_minutes (a hang would be the test's own timeout), not by an answer.
    expect(main.code).toBe(1);
    expect(main.log).toContain('The run could not be created within timeout_minutes.');
    const [run] = [...sim.runs.values()];
    expect(run!.cancelledAt).toBeDefined();
    expect(main.outputs.run_id).toBe(run!.run.run_id);
  });
});

describe('limits that hold', () => {
  it('works with a timeout_minutes beyond what one timer holds', async () => {
    const main = await runStep({ inputs: inputs({ timeout_minutes: '50000' }) });
    expect(main.code).toBe(0);
    expect(main.outputs.state).toBe('SUCCEEDED');
  });

  it('keeps the summary under 1 MiB and the outputs within limits, with megabytes of status text', async () => {
    const main = await runStep({ inputs: inputs({ metadata: 'sim_status_bytes=3000000\nsim_files=200' }) });
    expect(main.code).toBe(0);
    expect(Buffer.byteLength(main.summary)).toBeLessThan(1024 * 1024);
    expect(main.summary).toContain('… \\(shortened\\)');
    expect(main.summary).toContain('- and 150 more (all of them are in the `artifacts` output)');
    expect(Buffer.byteLength(main.outputs.status_message!)).toBeLessThanOrEqual(16 * 1024);
    expect(Buffer.byteLength(main.outputs.run!)).toBeLessThanOrEqual(512 * 1024);
    expect(JSON.parse(main.outputs.run!)).toMatchObject({ state: 'SUCCEEDED' });
    expect(JSON.parse(main.outputs.artifacts!)).toHaveLength(202);
  });

  it('ends the post step within its budget whatever the API does, without failing the job', async () => {
    sim.inject({ kind: 'slow', delayMs: 60_000, count: 100 });
    const post = await runStep({
      which: 'post',
      inputs: inputs(),
      state: { oz_run_id: 'run-left-behind' },
      timings: { budgetMs: 2000 },
    });
    expect(post.code).toBe(0);
    expect(post.log).toContain('::warning::Oz post step: gave up after 2 s without an answer');
  });
});

describe('a misbehaving API', () => {
  it('retries 200s with an empty, broken or foreign body, without ending the watch or cancelling', async () => {
    // Each bad answer follows a good one, so the watch sees them on separate reads.
    sim.inject(
      { method: 'GET', path: '/agent/runs/', kind: 'body', body: '', after: 1 },
      { method: 'GET', path: '/agent/runs/', kind: 'body', body: '<html>oops</html>', after: 1 },
      { method: 'GET', path: '/agent/runs/', kind: 'body', body: '{"hello":"world"}', after: 1 },
    );
    const main = await runStep({ inputs: inputs() });
    expect(main.code).toBe(0);
    expect(main.outputs.state).toBe('SUCCEEDED');
    expect(main.log).toContain('answered 200 with an empty body');
    expect(sim.runs.size).toBe(1);
    expect(sim.apiRequests('POST').filter((r) => r.path.endsWith('/cancel'))).toEqual([]);
  });

  it('keeps the last state, session link and title when reads fail for good', async () => {
    sim.inject({ method: 'GET', path: '/agent/runs/', kind: 'status', status: 404, after: 8, count: 1000 });
    const main = await runStep({ inputs: inputs({ metadata: 'sim_outcome=never' }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain('failed with 404 Not Found');
    expect(['CLAIMED', 'INPROGRESS']).toContain(main.outputs.state);
    expect(main.outputs.title).toBe('Fix flaky auth test');
    expect(main.outputs.session_link).toMatch(/\/session\//);
    expect(main.summary).toContain(': Fix flaky auth test');
    expect(main.summary).toContain('[Open the agent session]');
  });

  it("reads the error code from the problem's type URL, as the API sends it", async () => {
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'status', status: 400, code: 'invalid_request' });
    const main = await runStep({ inputs: inputs() });
    expect(main.code).toBe(1);
    expect(main.log).toContain('[invalid_request]');
  });

  it('fails fast, with a hint, when the API host does not resolve', async () => {
    const main = await runStep({ inputs: inputs({ api_base_url: 'https://oz-action-test.invalid/api/v1' }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain('does not resolve: check the API base URL (https://oz-action-test.invalid/api/v1)');
    // Fast: a name that does not resolve is not tried again.
    expect(main.log).not.toContain('trying again');
  });

  it('waits for artifacts that come a little after SUCCEEDED, even with a fast poll', async () => {
    const main = await runStep({ inputs: inputs({ metadata: 'sim_artifacts_delay_ms=1500' }) });
    expect(main.code).toBe(0);
    expect(main.outputs.pull_request_url).toBe('https://github.com/acme/widgets/pull/42');
  });
});

describe('the GitHub side, against a double of its API', () => {
  const github = useGitHubDouble();

  /** The step on a pull_request event for PR #7 of acme/widgets. */
  function onPullRequest(extra: Record<string, string> = {}) {
    return runStep({ inputs: inputs({ github_token: 'ghs-double-token', ...extra }), env: github.pullRequestEvent() });
  }

  it('keeps a comment and a check run in step with the run', async () => {
    const main = await onPullRequest({ check_name: 'Oz agent' });
    expect(main.code).toBe(0);
    const [comment] = [...github.comments.values()];
    expect(comment!.thread).toBe(7);
    expect(comment!.body).toContain('## ✅ Oz agent run succeeded');
    const [check] = [...github.checkRuns.values()];
    expect(check).toMatchObject({ name: 'Oz agent', head_sha: 'a'.repeat(40), status: 'completed', conclusion: 'success' });
    expect(main.outputs.check_run_id).toBe(String(check!.id));
    expect(main.outputs.comment_url).toContain(`#issuecomment-${comment!.id}`);
  });

  it('says which permission to add when the token cannot comment, and carries on', async () => {
    github.denied.add('comments');
    const main = await onPullRequest();
    expect(main.code).toBe(0);
    expect(main.log).toContain('add `pull-requests: write` (pull requests)');
  });

  it('fails with the permission to add when the check run cannot be created', async () => {
    github.denied.add('checks');
    const main = await onPullRequest({ check_name: 'Oz agent' });
    expect(main.code).toBe(1);
    expect(main.log).toContain("add `checks: write` to the job's permissions");
    expect(sim.runs.size).toBe(0);
  });

  it('keeps the API key out of the comment and the check run', async () => {
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'status', status: 400, echoAuth: true });
    const main = await onPullRequest({ check_name: 'Oz agent' });
    expect(main.code).toBe(1);
    const written = JSON.stringify(github.requests.map((r) => r.body));
    expect(written).toContain('Bearer \\\\*\\\\*\\\\*');
    expect(written).not.toContain(KEY);
  });
});
