/**
 * Each GitHub request's own deadline, and its abort when the step stops: against the GitHub double
 * (a real HTTP server), so an aborted request is seen closing its connection.
 */
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Feedback } from '../../src/github/feedback.ts';
import { ACTION_WORDS } from '../../src/action/vocabulary.ts';
import { deadlinesOnFakeClock } from '../helpers/clock.ts';
import { useGitHubApi, useGitHubDouble } from '../helpers/github-double.ts';

const github = useGitHubDouble();
const createGitHubApi = useGitHubApi(github);
afterEach(() => {
  vi.useRealTimers();
});

/** Resolves once `check` holds: the double checks it as requests arrive and close, so nothing polls a clock. */
const until = (check: () => boolean) => github.waitFor(check);

describe('a GitHub request that gets no answer', () => {
  it('is aborted at its own deadline, connection and all, with a message naming what timed out', async () => {
    const id = github.addComment(7, 'old', 'github-actions[bot]');
    github.silent.push({ method: 'PATCH', path: '/issues/comments/' });
    // The deadline on the fake clock (the double's sockets keep Node's own timers): it passes when the
    // test moves the clock on, once the request waits, with no real wait.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    deadlinesOnFakeClock();
    const api = createGitHubApi({ timeoutMs: 300 });
    // The double never answers: without its deadline, the request would wait past the test's timeout.
    const updating = api.updateComment(id, 'new').catch((e: unknown) => e as Error);
    await until(() => github.waiting === 1);
    await vi.advanceTimersByTimeAsync(300);
    const error = await updating;
    expect(error).toMatchObject({ name: 'GitHubApiError', status: 0, unanswered: 'timeout' });
    expect((error as Error).message).toBe('GitHub did not answer the comment update within 0.3 s');
    await until(() => github.waiting === 0);
  });

  it('is aborted as soon as the step stops, not left running until its deadline', async () => {
    github.silent.push({ method: 'POST', path: '/check-runs' });
    const stop = new AbortController();
    const api = createGitHubApi({ timeoutMs: 60_000 }).within(stop.signal);
    const pending = api.createCheck('Oz', 'a'.repeat(40), { title: 't', summary: 's' }).catch((e: unknown) => e as Error);
    await until(() => github.waiting === 1);
    stop.abort();
    const error = await pending;
    expect(error).toMatchObject({ name: 'GitHubApiError', unanswered: 'stopped' });
    expect((error as Error).message).toBe("The step stopped waiting for GitHub's answer to the new check run");
    await until(() => github.waiting === 0);
  });

  it('is not sent at all once the step has stopped', async () => {
    const stop = new AbortController();
    stop.abort();
    const api = createGitHubApi().within(stop.signal);
    await expect(api.createComment(7, 'hello')).rejects.toMatchObject({ unanswered: 'stopped' });
    expect(github.requests).toEqual([]);
  });
});

describe('the comment while the step stops', () => {
  /** Feedback on PR #7's comment `commentId` (the live edits are PATCHes), or a comment yet to be created. */
  function feedback(warnings: string[], commentId?: number) {
    return new Feedback({
      api: () => Promise.resolve(createGitHubApi({ timeoutMs: 60_000 })),
      comment: {
        thread: 7,
        marker: '<!-- oz-agent-action run=1 job=j step=s -->',
        ...(commentId !== undefined && { resumeId: commentId }),
      },
      check: { headSha: 'a'.repeat(40) },
      words: ACTION_WORDS,
      warn: (message) => warnings.push(message),
    });
  }
  const EDIT = { method: 'PATCH', path: '/issues/comments/' };

  it('aborts a live edit in flight when the run is stopped, and still writes the final comment', async () => {
    const warnings: string[] = [];
    const id = github.addComment(7, 'working', 'github-actions[bot]');
    const comment = feedback(warnings, id);
    const stop = new AbortController();
    comment.stopWith(stop.signal);
    github.silent.push(EDIT);
    comment.progress({ state: 'INPROGRESS', title: 'Fix it', run_id: 'run-1' });
    await until(() => github.waiting === 1);
    stop.abort();
    await until(() => github.waiting === 0);
    github.silent.length = 0;
    expect(await comment.finish({ outcome: 'cancelled', runId: 'run-1' })).toBe(true);
    expect(github.comments.get(id)!.body).toContain('Oz agent run cancelled');
    expect(warnings).toEqual([]);
  });

  it('gives up a live edit that hangs when the final text is due, instead of waiting behind it', async () => {
    const warnings: string[] = [];
    const id = github.addComment(7, 'working', 'github-actions[bot]');
    const comment = feedback(warnings, id);
    github.silent.push(EDIT);
    comment.progress({ state: 'INPROGRESS', title: 'Fix it', run_id: 'run-1' });
    await until(() => github.waiting === 1);
    github.silent.length = 0;
    // A budget that never runs out, and the edit's own deadline a minute away: a finish that waited
    // behind the hung edit would not end within the test's timeout.
    const budget = new AbortController().signal;
    expect(await comment.finish({ outcome: 'succeeded', runId: 'run-1' }, budget)).toBe(true);
    expect(github.waiting).toBe(0);
    expect(github.comments.get(id)!.body).toContain('Oz agent run succeeded');
    expect(warnings).toEqual([]);
  });

  it('waits for a comment create in flight rather than abandoning it, so the thread gets one comment', async () => {
    const warnings: string[] = [];
    const comment = feedback(warnings);
    // The create is held unanswered until the final text is due: it is surely in flight then.
    let answer!: () => void;
    github.held.push({ method: 'POST', path: '/issues/7/comments', until: new Promise<void>((resolve) => (answer = resolve)) });
    comment.progress({ state: 'QUEUED', title: 'Fix it', run_id: 'run-1' });
    await until(() => github.requests.some((r) => r.method === 'POST' && r.path.endsWith('/issues/7/comments')));
    const finished = comment.finish({ outcome: 'succeeded', runId: 'run-1' });
    // A finish that abandoned the create has let it go by now (the abort is synchronous), and would
    // look for the comment again or make a second one: the requests and comments below would show it.
    answer();
    expect(await finished).toBe(true);
    expect([...github.comments.values()].map((c) => c.body)).toEqual([expect.stringContaining('Oz agent run succeeded')]);
    // The final text edits the comment the create made: it was not abandoned and searched for again.
    const [created] = [...github.comments.keys()];
    // (The identity first: only a comment the token's own identity wrote is taken for the step's. The
    // job's token cannot read /user; GraphQL's viewer names its bot.)
    expect(github.requests.map((r) => `${r.method} ${r.path.replace('/repos/acme/widgets', '')}`)).toEqual([
      'GET /user',
      'POST /graphql',
      'GET /issues/7/comments',
      'POST /issues/7/comments',
      `PATCH /issues/comments/${created}`,
    ]);
    expect(warnings).toEqual([]);
  });

  it("aborts the final requests when the caller's budget runs out, leaving none waiting", async () => {
    const id = github.addComment(7, 'working', 'github-actions[bot]');
    const comment = feedback([], id);
    github.silent.push(EDIT);
    const budget = new AbortController();
    const finished = comment.finish({ outcome: 'succeeded', runId: 'run-1' }, budget.signal);
    await until(() => github.waiting === 1);
    budget.abort();
    await until(() => github.waiting === 0);
    await finished;
  });
});

describe('listings', () => {
  it('follow the Link header page after page, each page its own request', async () => {
    // Link headers, which the double does not send: nock answers for its host here.
    const next = `${github.url}/repositories/1/issues/7/comments?per_page=100&page=2`;
    nock(github.url)
      .get('/repos/acme/widgets/issues/7/comments')
      .query(true)
      .reply(200, [{ id: 1, body: 'first', html_url: 'u1' }], { link: `<${next}>; rel="next"` })
      .get('/repositories/1/issues/7/comments')
      .query({ per_page: '100', page: '2' })
      .reply(200, [{ id: 2, body: 'marker here', html_url: 'u2', user: { login: 'github-actions[bot]' } }]);
    const api = createGitHubApi();
    expect(await api.findOwnComment(7, 'marker', 'github-actions[bot]')).toEqual({ id: 2, url: 'u2', body: 'marker here' });
    expect(nock.isDone()).toBe(true);
    nock.cleanAll();
  });
});
