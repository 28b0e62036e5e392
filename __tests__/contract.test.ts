/**
 * Contract test: the official Oz TypeScript SDK (oz-agent-sdk) drives the simulator. Where the SDK and
 * the simulator disagree, the simulator is wrong, and so would be every test built on it.
 */
import OzAPI from 'oz-agent-sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OzSimulator } from '../sim/server.ts';

const sim = new OzSimulator({ msPerSecond: 10 });
let client: OzAPI;

beforeAll(async () => {
  const baseURL = await sim.start();
  client = new OzAPI({ apiKey: 'wk-contract', baseURL, maxRetries: 0 });
});
afterAll(() => sim.stop());
// The in-process simulator's clock is Date's: faked, so a run goes through its phases when the test
// moves it on, with no real wait.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A minute of the run's time (at 10 ms a simulated second) later, the SDK reads the run in `state`. */
async function aMinuteLater(runId: string, state: string) {
  vi.advanceTimersByTime(600);
  const run = await client.agent.runs.retrieve(runId);
  expect(run.state).toBe(state);
  return run;
}

describe('oz-agent-sdk against the simulator', () => {
  it('creates a run (older POST /agent/run) and reads it to SUCCEEDED', async () => {
    const created = await client.agent.run({ prompt: 'Fix the bug in auth.go', config: { name: 'contract' } });
    expect(created.run_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.state).toBe('QUEUED');
    const run = await aMinuteLater(created.run_id, 'SUCCEEDED');
    expect(run).toMatchObject({ run_id: created.run_id, prompt: 'Fix the bug in auth.go', state: 'SUCCEEDED' });
    expect(run.session_link).toMatch(/\/session\//);
    expect(run.artifacts?.map((a) => a.artifact_type)).toEqual(['PLAN', 'PULL_REQUEST']);
    expect(run.request_usage?.inference_cost).toBe(12.5);
  });

  it('lists runs with filters and pages, by a key that does not move while the runs change', async () => {
    const never = { sim_outcome: 'never' };
    const one = await client.agent.run({ prompt: 'one', config: { name: 'listing' }, metadata: never } as never);
    // Made a moment apart, as they would be on a real clock.
    vi.advanceTimersByTime(5);
    const two = await client.agent.run({ prompt: 'two', config: { name: 'listing' }, metadata: never } as never);
    await aMinuteLater(one.run_id, 'INPROGRESS');
    expect((await client.agent.runs.retrieve(two.run_id)).state).toBe('INPROGRESS');
    // `updated_at` (the default order) moves whenever a run changes, so pages by it can repeat or
    // skip a run; `created_at` does not. (The SDK's types lack `sort_by`; it sends it all the same.)
    const first = await client.agent.runs.list({ name: 'listing', limit: 1, sort_by: 'created_at' } as never);
    expect(first.runs).toHaveLength(1);
    expect(first.page_info.has_next_page).toBe(true);
    // The other run changes between the two pages.
    await client.agent.runs.cancel(first.runs[0]!.run_id === one.run_id ? two.run_id : one.run_id);
    const second = await client.agent.runs.list({
      name: 'listing',
      limit: 1,
      sort_by: 'created_at',
      cursor: first.page_info.next_cursor!,
    } as never);
    expect(second.runs).toHaveLength(1);
    expect([first.runs[0]!.run_id, second.runs[0]!.run_id].sort()).toEqual([one.run_id, two.run_id].sort());
    expect(second.page_info.has_next_page).toBe(false);
  });

  it('cancels a live run, then answers 400 for the ended run', async () => {
    const created = await client.agent.run({ prompt: 'never ends', metadata: { sim_outcome: 'never' } } as never);
    await aMinuteLater(created.run_id, 'INPROGRESS');
    await expect(client.agent.runs.cancel(created.run_id)).resolves.toBe(created.run_id);
    expect((await client.agent.runs.retrieve(created.run_id)).state).toBe('CANCELLED');
    await expect(client.agent.runs.cancel(created.run_id)).rejects.toBeInstanceOf(OzAPI.BadRequestError);
  });

  it('raises the SDK error classes for 401, 404 and 400', async () => {
    const badKey = new OzAPI({ apiKey: 'not-a-warp-key', baseURL: sim.url, maxRetries: 0 });
    await expect(badKey.agent.runs.list()).rejects.toBeInstanceOf(OzAPI.AuthenticationError);
    await expect(client.agent.runs.retrieve('no-such-run')).rejects.toBeInstanceOf(OzAPI.NotFoundError);
    const error = await client.agent.run({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OzAPI.BadRequestError);
    expect((error as InstanceType<typeof OzAPI.BadRequestError>).error).toMatchObject({
      title: 'Bad Request',
      status: 400,
      detail: 'A prompt or a skill is required.',
    });
  });
  // The SDK this project pins (1.0.0-alpha.8) predates these endpoints: its generic get/post drive
  // them with its own auth, headers and error classes, in the shapes the Oz API spec gives.
  it('follows up: the answer names the follow-up and how the run took it', async () => {
    const created = await client.agent.run({ prompt: 'first' });
    await aMinuteLater(created.run_id, 'SUCCEEDED');
    const answer = await client.post<{ followup_id: string | null; outcome: string }>(`/agent/runs/${created.run_id}/followups`, {
      body: { message: 'and the docs' },
    });
    expect(answer.outcome).toBe('handoff_execution');
    expect(answer.followup_id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(client.post(`/agent/runs/${created.run_id}/followups`, { body: {} })).rejects.toBeInstanceOf(OzAPI.BadRequestError);
  });

  it('reads the timeline and harness usage of a claude run, with the team header and config.secrets on the create', async () => {
    const created = await client.agent.run(
      { prompt: 'x', config: { harness: { type: 'claude' }, secrets: [{ name: 'DB_PASSWORD' }], idle_timeout_minutes: 0 } } as never,
      { headers: { 'X-Warp-Team-Uid': 'team-acme' } },
    );
    await aMinuteLater(created.run_id, 'SUCCEEDED');
    const { events } = await client.get<{ events: { event_type: string; occurred_at: string }[] }>(
      `/agent/runs/${created.run_id}/timeline`,
    );
    expect(events.map((e) => e.event_type)).toContain('agent_started');
    const usage = await client.get<{ available: boolean; usage?: { harness: string } }>(`/agent/runs/${created.run_id}/harness-usage`);
    expect(usage).toMatchObject({ available: true, usage: { harness: 'CLAUDE_CODE' } });
    const wrongTeam = client.agent.runs.list({}, { headers: { 'X-Warp-Team-Uid': 'team-elsewhere' } });
    await expect(wrongTeam).rejects.toBeInstanceOf(OzAPI.PermissionDeniedError);
    const twice = client.agent.run({ prompt: 'x', config: { secrets: [{ name: 'A' }, { name: 'A' }] } } as never);
    await expect(twice).rejects.toBeInstanceOf(OzAPI.BadRequestError);
  });
});
