/**
 * Progress in the thread (`comment_progress`), end to end on the committed dist/: while the agent
 * works, the pull request comment shows what it is doing, edited at most once per interval and only
 * when something changed; a refused edit (GitHub's rate limits) waits longer and never fails the
 * step; the finished comment keeps the answer first and folds the progress. The timings are shortened
 * with the harness's `timings` (30 s between edits on a runner).
 */
import { describe, expect, it } from 'vitest';
import { runStep, type StepOptions } from '../sim/runner.ts';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';

// 200 ms per simulated second: a run works for about 2 s, long enough for several reads.
const sim = useSimulator(200);
const github = useGitHubDouble();

const INTERVAL_S = 0.5;

function onPullRequest(extra: Record<string, string> = {}, timings: StepOptions['timings'] = { progressIntervalMs: INTERVAL_S * 1000 }) {
  return runStep({
    inputs: {
      warp_api_key: 'wk-e2e-progress',
      github_token: 'ghs-double-token',
      prompt: 'Fix the flaky test',
      api_base_url: sim.url,
      poll_interval_seconds: '0.05',
      max_poll_interval_seconds: '0.2',
      ...extra,
    },
    env: { ...github.pullRequestEvent(), RUNNER_DEBUG: '1' },
    timings,
  });
}

/** The comment's writes, in order: the create, then each edit that GitHub accepted or refused. */
function commentWrites() {
  const writes = github.requests.filter((r) => /\/issues\/(\d+\/)?comments(\/\d+)?$/.test(r.path) && r.method !== 'GET');
  return writes.map((r) => ({ method: r.method, at: r.at, body: String((r.body as { body?: string }).body) }));
}

/** A live body without its clock, to compare what it shows. */
const withoutTime = (body: string) => body.replace(/\(\d+m \d+s\)|\(\d+s\)/g, '');

describe('comment_progress', () => {
  it('shows what the agent does while it works, at most once per interval, and folds it under the answer', async () => {
    const main = await onPullRequest();
    expect(main.code, main.log).toBe(0);
    const writes = commentWrites();
    expect(writes[0]!.method).toBe('POST');
    const live = writes.slice(0, -1);
    const final = writes.at(-1)!.body;

    // What the agent is doing, while it works.
    expect(live.some((w) => w.body.includes('- ` command: npm test `'))).toBe(true);
    expect(live.some((w) => /\*\*Now:\*\* On it: Fix the flaky test/.test(w.body))).toBe(true);
    // Throttled: the action fires live edits at least an interval apart; a loaded machine may delay
    // one on its way, so each gap is checked with half an interval to spare, and their mean in full.
    // The gaps are measured between edits (PATCH): the create (POST) waits for the look-up of an
    // earlier comment after its edit was fired. The edit that first links the agent's session is news,
    // not progress, and goes at once (the next test): it is left out. Never an edit that changes
    // nothing but the clock.
    expect(live.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < live.length; i++) expect(withoutTime(live[i]!.body), `write ${i}`).not.toBe(withoutTime(live[i - 1]!.body));
    const linked = live.findIndex((w) => w.body.includes('[Watch the agent]('));
    const edits = live.filter((w, i) => w.method === 'PATCH' && i !== linked);
    expect(edits.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < edits.length; i++) {
      expect(edits[i]!.at - edits[i - 1]!.at, `edit ${i}`).toBeGreaterThanOrEqual((INTERVAL_S * 1000) / 2);
    }
    expect((edits.at(-1)!.at - edits[0]!.at) / (edits.length - 1)).toBeGreaterThanOrEqual(INTERVAL_S * 1000 * 0.9);

    // The answer first, what the agent did folded after it.
    const answer = final.indexOf('I fixed the flaky test');
    const fold = final.indexOf('<details><summary>What the agent did (2 actions)</summary>');
    expect(answer).toBeGreaterThan(0);
    expect(fold).toBeGreaterThan(answer);
    expect(final.slice(fold)).toContain('- ` command: npm test `\n- ` edit_files: src/auth.ts `');
    expect(final).not.toContain('**Now:**');
  });

  it("links the agent's session in the live comment as soon as the run has one, not 30 s later", async () => {
    // The runner's own interval (30 s between progress edits); the run works for about 2 s.
    const main = await onPullRequest({}, {});
    expect(main.code, main.log).toBe(0);
    const writes = commentWrites();
    const live = writes.slice(0, -1);
    expect(live[0]!.body).not.toContain('[Watch the agent](');
    const linked = live.find((w) => w.body.includes('[Watch the agent]('));
    expect(linked, 'a live edit with the session link').toBeDefined();
    expect(linked!.body).toMatch(/## ⏳ The Oz agent is (starting|working)/);
  });

  it('leaves the comment as it was with comment_progress: false', async () => {
    const main = await onPullRequest({ comment_progress: 'false' });
    expect(main.code, main.log).toBe(0);
    const bodies = commentWrites().map((w) => w.body);
    expect(bodies.some((b) => b.includes('command: npm test') || b.includes('**Now:**') || b.includes('What the agent did'))).toBe(false);
    // The log still tells it (log_progress).
    expect(main.log).toContain('command: npm test');
  });

  it('reads the conversation for the comment with log_progress: false, and prints none of it', async () => {
    const main = await onPullRequest({ log_progress: 'false' });
    expect(main.code, main.log).toBe(0);
    expect(commentWrites().some((w) => w.body.includes('- ` command: npm test `'))).toBe(true);
    expect(main.log).not.toContain('] command: npm test');
  });

  for (const status of [429, 403] as const) {
    it(`backs off when GitHub refuses an edit with ${status}, honouring Retry-After, and the step still succeeds`, async () => {
      github.refuseEdits = { status, times: 1, retryAfterSeconds: 1 };
      const main = await onPullRequest();
      expect(main.code, main.log).toBe(0);
      expect(main.log).not.toContain('::warning::');
      expect(main.log).toContain(`::debug::GitHub refused a live edit of the comment (${status}); the next waits 1 s.`);
      const writes = commentWrites();
      const refused = writes.findIndex((w, i) => i > 0 && w.method === 'PATCH');
      const next = writes.slice(refused + 1).find((w) => w.body.includes('⏳'));
      // The next live edit waits for Retry-After (1 s), not the usual interval.
      expect(next, 'a live edit after the refused one').toBeDefined();
      expect(next!.at - writes[refused]!.at).toBeGreaterThanOrEqual(1000 - 100);
      expect([...github.comments.values()][0]!.body).toContain('## ✅ Oz agent run succeeded');
    });
  }

  it('never fails the step when GitHub refuses every edit', async () => {
    github.refuseEdits = { status: 429, times: 1000 };
    const main = await onPullRequest();
    expect(main.code, main.log).toBe(0);
    expect(main.outputs.state).toBe('SUCCEEDED');
    // Refused live edits wait ever longer: each pause at least twice the one before (1 s, 2 s, 4 s, ...
    // after the 0.5 s interval), however long the run takes. The last edit is the final text.
    const live = commentWrites()
      .filter((w) => w.method === 'PATCH')
      .slice(0, -1);
    expect(live.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < live.length; i++) {
      expect(live[i]!.at - live[i - 1]!.at, `pause ${i}`).toBeGreaterThanOrEqual(INTERVAL_S * 1000 * 2 ** i * 0.9);
    }
  });
});
