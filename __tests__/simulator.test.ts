/** The simulator's own behaviour where the SDK contract test does not reach. */
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRunExactlyOnce } from '../src/run/create.ts';
import { OzClient } from '../src/oz/client.ts';
import { OzSimulator } from '../sim/server.ts';
import { deadlinesOnFakeClock } from './helpers/clock.ts';

// Slow clock: a run stays QUEUED for 2 s and PENDING for 2 s more.
const sim = new OzSimulator({ msPerSecond: 1000 });
let url = '';
const auth = { authorization: 'Bearer wk-sim', 'content-type': 'application/json' };
const post = (path: string, body: string) => fetch(`${url}${path}`, { method: 'POST', headers: auth, body });
const get = (path: string) => fetch(`${url}${path}`, { headers: auth });
/** The fields of the simulator's answers these tests read. */
interface Answer {
  run_id: string;
  detail?: string;
  runs: { prompt: string }[];
}
const json = async (response: Response | Promise<Response>) => (await (await response).json()) as Answer;

beforeAll(async () => {
  url = await sim.start();
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

/**
 * A simulator for a describe block whose clock is Date's, faked: a run goes through its phases when
 * the test moves the clock (10 ms of it a simulated second).
 */
function simulatorOnFakeDate(): OzSimulator {
  const sim = new OzSimulator({ msPerSecond: 10 });
  beforeAll(async () => {
    await sim.start();
  });
  afterAll(() => sim.stop());
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  return sim;
}

describe('OzSimulator', () => {
  it('validates the create body with problem+json 400s', async () => {
    const malformed = await post('/agent/runs', '{"prompt": ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    expect(await json(malformed)).toMatchObject({ title: 'Bad Request', detail: 'The request body is not valid JSON.', retryable: false });
    const badKey = await post('/agent/runs', JSON.stringify({ prompt: 'x', metadata: { 'bad key': 'v' } }));
    expect((await json(badKey)).detail).toBe('Invalid metadata key "bad key".');
    const tooMany = await post(
      '/agent/runs',
      JSON.stringify({ prompt: 'x', metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }),
    );
    expect(tooMany.status).toBe(400);
    expect(sim.runs.size).toBe(0);
  });

  it('filters runs by metadata and state', async () => {
    await post('/agent/runs', JSON.stringify({ prompt: 'a', metadata: { req: '1' } }));
    await post('/agent/runs', JSON.stringify({ prompt: 'b', metadata: { req: '2' } }));
    const byMetadata = await json(get('/agent/runs?metadata[req]=2'));
    expect(byMetadata.runs.map((r: { prompt: string }) => r.prompt)).toEqual(['b']);
    const byState = await json(get('/agent/runs?state=SUCCEEDED'));
    expect(byState.runs).toEqual([]);
    expect((await get('/agent/runs?limit=501')).status).toBe(400);
  });

  it('answers 409 to a cancel while the run is PENDING', async () => {
    const { run_id } = await json(post('/agent/runs', JSON.stringify({ prompt: 'x' })));
    sim.runs.get(run_id)!.createdAt -= 2500;
    const cancel = await post(`/agent/runs/${run_id}/cancel`, '');
    expect(cancel.status).toBe(409);
    // As the API writes errors: the code only in the type URL, instance the request path.
    expect(await json(cancel)).toMatchObject({
      type: 'https://docs.warp.dev/reference/api-and-sdk/troubleshooting/errors/conflict/',
      instance: `/api/v1/agent/runs/${run_id}/cancel`,
      error: 'Conflict (The run is being scheduled; try again shortly.)',
    });
    expect(await json(post(`/agent/runs/${run_id}/cancel`, ''))).not.toHaveProperty('error_code');
  });

  it('serves injected faults through its admin endpoint, then answers normally', async () => {
    await fetch(`${url.replace('/api/v1', '')}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ method: 'GET', path: '/agent/runs', kind: 'status', status: 429, retryAfter: '3', html: true }),
    });
    const limited = await get('/agent/runs');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.text()).toContain('<html>');
    expect((await get('/agent/runs')).status).toBe(200);
  });
});

describe('the current API', () => {
  const fast = simulatorOnFakeDate();
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${fast.url}${path}`, { method, headers: auth, ...(body !== undefined && { body: JSON.stringify(body) }) });
  /** A minute of the run's time (at 10 ms a second) later, the run is read in `state`. */
  const until = async (id: string, state: string) => {
    vi.advanceTimersByTime(600);
    expect(((await (await call('GET', `/agent/runs/${id}`)).json()) as { state: string }).state).toBe(state);
  };

  it('grows the conversation while the run works, with the answer at the end', async () => {
    const { run_id } = (await (await call('POST', '/agent/runs', { prompt: 'Fix it' })).json()) as { run_id: string };
    expect((await call('GET', `/agent/runs/${run_id}/conversation`)).status).toBe(404);
    await until(run_id, 'SUCCEEDED');
    const conversation = (await (await call('GET', `/agent/runs/${run_id}/conversation`)).json()) as {
      steps: { messages: { role: string; content: { type: string; name?: string; text?: string }[] }[] }[];
    };
    const blocks = conversation.steps[0]!.messages.flatMap((m) => m.content.map((b) => `${m.role}:${b.name ?? b.text?.slice(0, 12)}`));
    expect(blocks).toEqual([
      'user:Fix it',
      'assistant:On it: Fix i',
      'assistant:run_command',
      'assistant:edit_files',
      'assistant:I fixed the ',
    ]);
  });

  it('brings an ended run back to life with a follow-up, and moves updated_at only when the run changes', async () => {
    const { run_id } = (await (await call('POST', '/agent/runs', { prompt: 'First' })).json()) as { run_id: string };
    await until(run_id, 'SUCCEEDED');
    const read = async () => (await (await call('GET', `/agent/runs/${run_id}`)).json()) as { state: string; updated_at: string };
    const ended = await read();
    vi.advanceTimersByTime(30);
    expect((await read()).updated_at).toBe(ended.updated_at);
    expect((await call('POST', `/agent/runs/${run_id}/followups`, { message: 'And the docs' })).status).toBe(200);
    const revived = await read();
    expect(revived.state).toBe('QUEUED');
    expect(revived.updated_at > ended.updated_at).toBe(true);
    await until(run_id, 'SUCCEEDED');
    const texts = (
      (await (await call('GET', `/agent/runs/${run_id}/conversation`)).json()) as {
        steps: { messages: { content: { text?: string }[] }[] }[];
      }
    ).steps[0]!.messages.flatMap((m) => m.content.map((b) => b.text ?? ''));
    expect(texts.at(-1)).toBe('Done: And the docs');
    expect((await call('POST', `/agent/runs/${run_id}/followups`, {})).status).toBe(400);
  });

  it('checks creates as the API does, and sorts lists by updated_at, newest first', async () => {
    expect((await call('POST', '/agent/runs', { conversation_id: 'conv-1' })).status).toBe(200);
    expect((await call('POST', '/agent/runs', { prompt: 'x', mode: 'fast' })).status).toBe(400);
    expect((await call('POST', '/agent/runs', { prompt: 'x', config: { skill_spec: 'a', skills: ['b'] } })).status).toBe(400);
    expect((await call('POST', '/agent/runs', { prompt: 'x', attachments: [1, 2, 3, 4, 5, 6] })).status).toBe(400);
    const { runs } = (await (await call('GET', '/agent/runs?limit=500')).json()) as { runs: { updated_at: string }[] };
    const times = runs.map((r) => r.updated_at);
    expect(times).toEqual([...times].sort().reverse());
    expect((await call('GET', '/agent/runs?sort_by=nope')).status).toBe(400);
  });

  it('serves artifacts through signed URLs that refuse the API key and expire', async () => {
    const { run_id } = (await (
      await call('POST', '/agent/runs', { prompt: 'x', metadata: { sim_files: '1', sim_url_ttl_ms: '200' } })
    ).json()) as {
      run_id: string;
    };
    await until(run_id, 'SUCCEEDED');
    const { data } = (await (await call('GET', `/agent/artifacts/${run_id.slice(0, 8)}-file-0`)).json()) as {
      data: { download_url: string };
    };
    expect((await fetch(data.download_url, { headers: { authorization: 'Bearer wk-sim' } })).status).toBe(403);
    expect(await (await fetch(data.download_url)).text()).toContain('report');
    vi.advanceTimersByTime(250);
    expect((await fetch(data.download_url)).status).toBe(403);
    const plan = (await (await call('GET', `/agent/artifacts/${run_id.slice(0, 8)}-plan`)).json()) as { data: { content: string } };
    expect(plan.data.content).toContain('# Fix the flaky test');
    expect((await call('GET', `/agent/runs/${run_id}/transcript`)).redirected).toBe(true);
  });
});

describe('a create that never answers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  it('leaves the client to time out, and the action finds the run it started', async () => {
    // The client's deadline and its pause before trying again on the fake clock (the simulator's
    // sockets keep Node's own timers): each passes when the test moves the clock on, after the event
    // it follows (the create held unanswered, the client telling it will retry), with no real wait.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    deadlinesOnFakeClock();
    sim.inject({ method: 'POST', path: '/agent/runs', kind: 'silent-create' });
    let retrying!: () => void;
    const retried = new Promise<void>((resolve) => (retrying = resolve));
    const client = new OzClient({
      baseUrl: url,
      apiKey: 'wk-sim',
      userAgent: 'test',
      requestTimeoutMs: 200,
      retry: { minDelayMs: 5, maxDelayMs: 10 },
      onRetry: () => retrying(),
    });
    const creating = createRunExactlyOnce(client, { prompt: 'x' }, 'req-silent');
    await sim.waitFor((requests) => requests.some((r) => r.answer === 'silent-create'));
    await vi.advanceTimersByTimeAsync(200);
    await retried;
    await vi.advanceTimersByTimeAsync(10);
    const created = await creating;
    expect(created.adopted).toBe(true);
    expect(sim.runs.size).toBe(1);
    expect(created.runId).toBe([...sim.runs.keys()][0]);
  });
});

describe('npm run simulator', () => {
  it('prints its base URL on PORT and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['sim/cli.ts'], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const base = await new Promise<string>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening at (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(out);
        if (match) resolve(match[1]!);
      }),
    );
    expect((await fetch(`${base}/agent/runs`, { headers: auth })).status).toBe(200);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain('SIGTERM: stopping');
  });
});

describe('OzSimulator list filters and conversations, as documented', () => {
  const fast = new OzSimulator({ msPerSecond: 5 });
  let base = '';
  const call = async (path: string, body?: unknown) =>
    (await (
      await fetch(`${base}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: auth, body: JSON.stringify(body) })
    ).json()) as Record<string, unknown>;
  const ids = async (query: string) =>
    ((await call(`/agent/runs?limit=500&${query}`)).runs as { run_id: string }[]).map((r) => r.run_id).sort();

  beforeAll(async () => {
    base = await fast.start();
  });
  afterAll(() => fast.stop());
  // The simulator's clock is Date's: faked, so runs are created and end when the test says.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  /** A minute of the runs' time (at 5 ms a second) later. */
  const aMinuteLater = () => vi.advanceTimersByTime(300);

  it('honours every documented filter, each on its own', async () => {
    const a = (await call('/agent/runs', { prompt: 'Fix the login race', config: { model_id: 'gpt-x', skill_spec: 'acme/skills:review' } }))
      .run_id as string;
    const mid = new Date(Date.now() + 5).toISOString();
    vi.advanceTimersByTime(20);
    const b = (await call('/agent/runs', { prompt: 'Write docs', parent_run_id: a, metadata: { sim_outcome: 'never' } })).run_id as string;
    const c = (await call('/agent/runs', { prompt: 'Tidy up', parent_run_id: b, metadata: { sim_outcome: 'never' } })).run_id as string;
    // a ends SUCCEEDED with its artifacts (a PLAN and a PULL_REQUEST); b and c never end.
    aMinuteLater();
    expect((await call(`/agent/runs/${a}`)).state).toBe('SUCCEEDED');
    expect(await ids(`created_before=${encodeURIComponent(mid)}`)).toEqual([a]);
    expect(await ids(`updated_after=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect(await ids('execution_location=REMOTE')).toEqual([a, b, c].sort());
    expect(await ids('execution_location=LOCAL')).toEqual([]);
    expect(await ids('source=API')).toEqual([a, b, c].sort());
    expect(await ids('source=GITHUB_ACTION')).toEqual([]);
    expect(await ids('model_id=gpt-x')).toEqual([a]);
    expect(await ids('artifact_type=PULL_REQUEST')).toEqual([a]);
    expect(await ids('skill_spec=acme%2Fskills%3Areview')).toEqual([a]);
    expect(await ids('skill=acme%2Fskills%3Areview')).toEqual([a]);
    expect(await ids('schedule_id=nightly')).toEqual([]);
    expect(await ids(`ancestor_run_id=${a}`)).toEqual([b, c].sort());
    expect(await ids(`ancestor_run_id=${b}`)).toEqual([c]);
    expect(await ids('q=LOGIN')).toEqual([a]);
  });

  it('gives conversation steps a summary, as the spec defines them (no description)', async () => {
    const id = (await call('/agent/runs', { prompt: 'Explain' })).run_id as string;
    aMinuteLater();
    expect((await call(`/agent/runs/${id}`)).state).toBe('SUCCEEDED');
    const [step] = (await call(`/agent/runs/${id}/conversation`)).steps as Record<string, unknown>[];
    expect(step).toHaveProperty('summary');
    expect(step).not.toHaveProperty('description');
  });
});

/** The API of today: follow-up outcomes, a failed run's debug window, the timeline, harness usage, the team header. */
describe('the API of today', () => {
  const fast = simulatorOnFakeDate();
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, key = 'wk-sim') =>
    fetch(`${fast.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const read = async (id: string) => (await (await call('GET', `/agent/runs/${id}`)).json()) as Record<string, unknown>;
  /** A minute of the run's time (at 10 ms a second) later, the run is read in `state`. */
  const until = async (id: string, state: string) => {
    vi.advanceTimersByTime(600);
    const run = await read(id);
    expect(run.state).toBe(state);
    return run;
  };
  const start = async (body: Record<string, unknown>) =>
    ((await (await call('POST', '/agent/runs', body)).json()) as { run_id: string }).run_id;
  const followup = async (id: string, body: unknown = { message: 'And the docs' }) => {
    const answer = await call('POST', `/agent/runs/${id}/followups`, body);
    return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
  };

  it('answers a follow-up with its id and outcome, by the state of the run', async () => {
    const queued = await start({ prompt: 'x', metadata: { sim_outcome: 'never' } });
    expect((await followup(queued)).body).toEqual({ followup_id: null, outcome: 'queued_prompt' });
    await until(queued, 'INPROGRESS');
    const live = (await followup(queued)).body;
    expect(live.outcome).toBe('live_session');
    expect(live.followup_id).toMatch(/^[0-9a-f-]{36}$/);
    const ended = await start({ prompt: 'x' });
    await until(ended, 'SUCCEEDED');
    expect((await followup(ended)).body).toMatchObject({ outcome: 'handoff_execution' });
    const older = await start({ prompt: 'x', metadata: { sim_followup_outcome: 'legacy' } });
    expect((await followup(older)).body).toEqual({});
    // Attachment ids come from an endpoint Warp marks internal: none is known.
    expect((await followup(ended, { message: 'see', attachments: [{ attachment_id: 'a' }] })).status).toBe(422);
  });

  it('keeps a run that failed in setup FAILED while a debug agent takes its follow-ups', async () => {
    const id = await start({ prompt: 'x', metadata: { sim_outcome: 'setup-failed', sim_debug_window: 'open' } });
    const failed = await until(id, 'FAILED');
    expect(failed).toMatchObject({
      debug_agent_available: true,
      status_message: { error_code: 'environment_setup_failed' },
    });
    expect(Date.parse((failed.status_message as { session_debug_until: string }).session_debug_until)).toBeGreaterThan(Date.now());
    expect((await call('GET', `/agent/runs/${id}/conversation`)).status).toBe(404);
    expect((await followup(id)).body).toMatchObject({ outcome: 'live_session' });
    // Ten seconds of the run's time on, the follow-up has not reopened it.
    vi.advanceTimersByTime(100);
    const after = await read(id);
    expect(after).toMatchObject({ state: 'FAILED', updated_at: failed.updated_at, status_message: { debug_agent_active: true } });
    expect((after.status_message as { message: string }).message).toBe((failed.status_message as { message: string }).message);
    // Without the window, a follow-up brings the failed run back to life, as before.
    const closed = await start({ prompt: 'x', metadata: { sim_outcome: 'setup-failed' } });
    expect(await until(closed, 'FAILED')).not.toHaveProperty('debug_agent_available');
    expect((await followup(closed)).body).toMatchObject({ outcome: 'handoff_execution' });
    expect((await read(closed)).state).toBe('QUEUED');
  });

  it('serves the timeline: setup events as they happen, the end, and where a failed setup stopped', async () => {
    const id = await start({ prompt: 'x' });
    const types = async (run: string) =>
      (
        (await (await call('GET', `/agent/runs/${run}/timeline`)).json()) as { events: { event_type: string; run_id: string }[] }
      ).events.map((e) => e.event_type);
    expect(await types(id)).toEqual(['oz_run_created']);
    await until(id, 'SUCCEEDED');
    expect(await types(id)).toEqual([
      'oz_run_created',
      'oz_run_claimed',
      'worker_container_ready',
      'shared_session_started',
      'agent_started',
      'oz_run_done',
    ]);
    const broken = await start({ prompt: 'x', metadata: { sim_outcome: 'setup-failed', sim_setup_phase: 'session' } });
    await until(broken, 'FAILED');
    expect(await types(broken)).toEqual(['oz_run_created', 'oz_run_claimed', 'worker_container_ready', 'oz_run_failed']);
    expect((await call('GET', '/agent/runs/nope/timeline')).status).toBe(404);
  });

  it('counts a third-party harness in harness-usage, not in request_usage; finished_at and the PR status', async () => {
    const id = await start({ prompt: 'x', config: { harness: { type: 'claude' } } });
    const before = (await (await call('GET', `/agent/runs/${id}/harness-usage`)).json()) as Record<string, unknown>;
    expect(before).toMatchObject({ run_id: id, available: false });
    const run = await until(id, 'SUCCEEDED');
    expect(run.request_usage).not.toHaveProperty('total_tokens');
    expect(run.finished_at).toEqual(expect.any(String));
    expect(
      (run.artifacts as { artifact_type: string; data: { status?: string } }[]).find((a) => a.artifact_type === 'PULL_REQUEST')?.data
        .status,
    ).toBe('open');
    const usage = (await (await call('GET', `/agent/runs/${id}/harness-usage`)).json()) as Record<string, unknown>;
    expect(usage).toMatchObject({ available: true, usage: { harness: 'CLAUDE_CODE', snapshot: { payload: { output_tokens: 4000 } } } });
    const oz = await start({ prompt: 'x', metadata: { sim_outcome: 'never' } });
    expect((await until(oz, 'INPROGRESS')).finished_at).toBeNull();
  });

  it('takes X-Warp-Team-Uid where the API does, and refuses a team the key is not on', async () => {
    const team = (uid: string) => ({ 'x-warp-team-uid': uid });
    expect((await call('POST', '/agent/runs', { prompt: 'x' }, team('team-acme'))).status).toBe(200);
    expect((await call('GET', '/agent/runs', undefined, team('team-elsewhere'))).status).toBe(403);
    expect((await call('GET', '/agent/environments', undefined, team(''))).status).toBe(400);
    // A personal key on several teams must name one where the API takes it; elsewhere the header is ignored.
    expect((await call('POST', '/agent/runs', { prompt: 'x' }, {}, 'wk-multi-1')).status).toBe(400);
    const id = await start({ prompt: 'x' });
    expect((await call('GET', `/agent/runs/${id}`, undefined, team('team-elsewhere'))).status).toBe(200);
  });
});
