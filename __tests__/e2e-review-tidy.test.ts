/**
 * What a review tidies after it is posted, end to end on the committed dist/: the action's own earlier
 * verdict that the new one withdraws is dismissed (`dismissed_reviews`), and its own outdated review
 * threads nobody answered are resolved (`resolve_outdated`). The GitHub double plays the reviews, the
 * dismissal endpoint and the review threads over GraphQL (paged, bots named without [bot] as GraphQL does).
 */
import { describe, expect, it } from 'vitest';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();

const HEAD = 'c'.repeat(40);
const OLD = '1'.repeat(40);
const PATCH = ['@@ -1,3 +1,4 @@', ' a', '+b', '+c', ' d'].join('\n');
const BOT = 'github-actions[bot]';
const marker = (commit = OLD) => `<!-- oz-agent-action review commit=${commit} -->`;

const github = useGitHubDouble((github) => {
  github.pullHeads = { 7: HEAD };
  github.pullFiles = { 7: [{ filename: 'src/a.ts', patch: PATCH }] };
});

/** The step on a pull_request event for #7, the agent answering with `verdict` (and `summary`). */
function reviewStep(verdict: string, inputs: Record<string, string> = {}, summary = 'Reviewed again.') {
  sim.answers.set('review', '```json\n' + JSON.stringify({ verdict, summary, comments: [] }) + '\n```');
  return runStep({
    inputs: {
      warp_api_key: 'wk-review',
      api_base_url: sim.url,
      github_token: 'ghs-review',
      prompt: 'Review this pull request.',
      review: 'true',
      metadata: 'sim_answer_named=review',
      poll_interval_seconds: '0.05',
      max_poll_interval_seconds: '0.2',
      ...inputs,
    },
    env: github.pullRequestEvent(),
  });
}

/** An earlier review on #7: by `user`, with `body`, as `event`. */
function earlier(user: string, body: string, event: string, comments: { path: string; line: number; side: string; body: string }[] = []) {
  return github.addReview({ pull: 7, user, body, event, commit_id: OLD, comments });
}

const dismissedIds = () => github.reviews.filter((r) => r.dismissed !== undefined).map((r) => r.id);

describe('a new verdict withdraws the action’s own earlier one', () => {
  it("dismisses only the action's own request for changes, with a link to the new review", async () => {
    const own = earlier(BOT, `${marker()}\n**✋ The Oz agent requests changes**`, 'REQUEST_CHANGES');
    // A person's review, and another bot's, with the marker pasted first; the same identity's review quoting it.
    earlier('mallory', `${marker()}\nPlease change this.`, 'REQUEST_CHANGES');
    earlier('other-bot[bot]', `${marker()}\nBlocked by policy.`, 'REQUEST_CHANGES');
    earlier(BOT, `Another workflow's review, quoting:\n${marker()}`, 'REQUEST_CHANGES');
    const approved = earlier(BOT, `${marker()}\n**✅ The Oz agent approves these changes**`, 'APPROVE');

    const main = await reviewStep('comment');
    expect(main.code).toBe(0);
    const posted = github.reviews.at(-1)!;
    expect(posted.event).toBe('COMMENT');
    expect(dismissedIds()).toEqual([own]);
    const dismissal = github.requests.filter((r) => r.method === 'PUT');
    expect(dismissal.map((r) => r.path)).toEqual([`/repos/acme/widgets/pulls/7/reviews/${own}/dismissals`]);
    expect(dismissal[0]!.body).toEqual({
      event: 'DISMISS',
      message: expect.stringContaining(`https://github.com/acme/widgets/pull/7#pullrequestreview-${posted.id}`) as string,
    });
    expect(github.reviews.find((r) => r.id === approved)!.dismissed).toBeUndefined();
    expect(main.outputs.dismissed_reviews).toBe('1');
    expect(main.summary).toContain("1 earlier review of the agent's dismissed.");
  });

  it('dismisses its own earlier approval when the new verdict requests changes, and leaves its request for changes', async () => {
    const approved = earlier(BOT, `${marker()}\n**✅ The Oz agent approves these changes**`, 'APPROVE');
    earlier(BOT, `${marker()}\n**✋ The Oz agent requests changes**`, 'REQUEST_CHANGES');
    const main = await reviewStep('request_changes', { check_name: 'Oz review' });
    expect(main.code).toBe(0);
    expect(dismissedIds()).toEqual([approved]);
    expect(main.outputs).toMatchObject({ verdict: 'request_changes', dismissed_reviews: '1' });
    expect([...github.checkRuns.values()][0]!.conclusion).toBe('failure');
  });

  it('without the permission to dismiss: a warning naming pull-requests: write, and the outcome and check run as they were', async () => {
    earlier(BOT, `${marker()}\n**✋ The Oz agent requests changes**`, 'REQUEST_CHANGES');
    github.denied.add('dismissals');
    const main = await reviewStep('approve', { check_name: 'Oz review' });
    expect(main.code).toBe(0);
    expect(main.log).toMatch(
      /::warning::Could not dismiss the Oz agent's earlier request for changes \(.*\): the token lacks `pull-requests: write`/,
    );
    expect(main.outputs).toMatchObject({ state: 'SUCCEEDED', verdict: 'approve', dismissed_reviews: '0' });
    expect([...github.checkRuns.values()][0]).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('finds its own review again after a summary over GitHub’s 65,536-character limit, and dismisses it', async () => {
    const first = await reviewStep('request_changes', {}, 'x'.repeat(70_000));
    expect(first.code).toBe(0);
    const long = github.reviews[0]!;
    expect(long.body.length).toBeLessThanOrEqual(65_536);
    expect(long.body.startsWith(marker(HEAD).replace(' -->', ' source='))).toBe(true);
    const main = await reviewStep('approve');
    expect(dismissedIds()).toEqual([long.id]);
    expect(main.outputs.dismissed_reviews).toBe('1');
  });

  it('dismisses nothing when the review could not be posted', async () => {
    earlier(BOT, `${marker()}\n**✋ The Oz agent requests changes**`, 'REQUEST_CHANGES');
    github.denied.add('reviews');
    const main = await reviewStep('approve');
    expect(main.code).toBe(0);
    expect(dismissedIds()).toEqual([]);
    expect(main.outputs.dismissed_reviews).toBe('0');
  });
});

describe('outdated threads', () => {
  const comment = (line: number, body: string) => ({ path: 'src/a.ts', line, side: 'RIGHT', body });

  /** Threads on #7: the action's (outdated, answered, current), a person's, another bot's. */
  function threads() {
    earlier(BOT, `${marker()}\nEarlier.`, 'COMMENT', [
      comment(2, 'Outdated, nobody answered.'),
      comment(3, 'Outdated, answered.'),
      comment(4, 'Current.'),
    ]);
    earlier('octocat', `${marker()}\nA person's review with the marker.`, 'COMMENT', [comment(2, "A person's remark.")]);
    earlier('other-bot[bot]', 'Lint.', 'COMMENT', [comment(3, "Another bot's remark.")]);
    const [mine, answered, current, persons, bots] = github.threadsOf(7);
    for (const thread of [mine!, answered!, persons!, bots!]) thread.outdated = true;
    github.addReply(answered!.id, 'I disagree: this is on purpose.', 'octocat');
    return { mine: mine!.id, answered: answered!.id, current: current!.id };
  }

  it("resolves, across every page, only the action's own outdated threads nobody replied to", async () => {
    const { mine } = threads();
    github.threadPageSize = 2;
    const main = await reviewStep('comment');
    expect(main.code).toBe(0);
    expect([...github.resolvedThreads]).toEqual([mine]);
    // The pages of review threads (not the identity look-up through viewer, nor the resolving).
    const reads = github.requests.filter((r) => r.path === '/graphql' && JSON.stringify(r.body).includes('reviewThreads'));
    expect(reads).toHaveLength(3);
    expect(main.summary).toContain("1 outdated thread of the agent's resolved.");
  });

  it('resolves none with resolve_outdated: false', async () => {
    threads();
    const main = await reviewStep('comment', { resolve_outdated: 'false' });
    expect(main.code).toBe(0);
    expect(github.resolvedThreads.size).toBe(0);
    expect(github.requests.some((r) => r.path === '/graphql' && JSON.stringify(r.body).includes('reviewThreads'))).toBe(false);
  });

  it('warns when GitHub refuses, and the step goes on', async () => {
    threads();
    github.denied.add('threads');
    const main = await reviewStep('comment', { check_name: 'Oz review' });
    expect(main.code).toBe(0);
    expect(main.log).toMatch(
      /::warning::Could not resolve the Oz agent's outdated review threads on pull request #7: the token lacks `pull-requests: write`/,
    );
    expect([...github.checkRuns.values()][0]!.conclusion).toBe('success');
  });

  it('rejects a resolve_outdated that is not a boolean, naming it, before any request', async () => {
    const main = await reviewStep('comment', { resolve_outdated: 'sometimes' });
    expect(main.code).toBe(1);
    expect(main.log).toContain('resolve_outdated');
    expect(main.log).toContain("'sometimes'");
    expect(sim.apiRequests('POST', '/agent/runs')).toEqual([]);
  });
});
