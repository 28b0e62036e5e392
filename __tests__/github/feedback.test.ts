/**
 * The live pull request comment, on the source with fake timers and GitHub in memory: when it is
 * edited while the run works. Progress waits for the 30 s throttle; a link to watch the agent does not.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Feedback } from '../../src/github/feedback.ts';
import { ACTION_WORDS } from '../../src/action/vocabulary.ts';
import { fakeGitHub } from '../helpers/github-fake.ts';
import { GitHubApiError } from '../../src/github/types.ts';

const LINK = 'https://app.warp.dev/session/s1';
const WATCH = `[Watch the agent](${LINK})`;

function feedback(github: ReturnType<typeof fakeGitHub>) {
  return new Feedback({
    api: () => Promise.resolve(github),
    comment: { thread: 7, marker: '<!-- oz-agent-action run=1 job=j step=s -->', showActivity: true },
    words: ACTION_WORDS,
    warn: (message) => {
      throw new Error(`unexpected warning: ${message}`);
    },
  });
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the live comment', () => {
  it('shows the session link as soon as the run has one, without waiting for the throttle', async () => {
    const github = fakeGitHub();
    const comment = feedback(github);
    comment.progress({ run_id: 'run-1', state: 'QUEUED', title: 'Fix it' });
    await vi.advanceTimersByTimeAsync(0);
    expect(github.writes.map((w) => w.call)).toEqual(['createComment']);
    expect(github.writes[0]!.body).toContain('The link to watch the agent appears here when it starts.');

    await vi.advanceTimersByTimeAsync(2000);
    comment.progress({ state: 'INPROGRESS', title: 'Fix it', session_link: LINK });
    await vi.advanceTimersByTimeAsync(0);
    expect(github.writes.map((w) => w.call)).toEqual(['createComment', 'updateComment']);
    expect(github.writes[1]!.body).toContain('The Oz agent is working');
    expect(github.writes[1]!.body).toContain(WATCH);
  });

  it('edits for progress at most once per 30 s, the link included once it is shown', async () => {
    const github = fakeGitHub();
    const comment = feedback(github);
    comment.progress({ run_id: 'run-1', state: 'INPROGRESS', title: 'Fix it', session_link: LINK });
    await vi.advanceTimersByTimeAsync(0);
    expect(github.writes).toHaveLength(1);
    expect(github.writes[0]!.body).toContain(WATCH);

    comment.agentDid('command: npm test');
    // The same link again is no news: it waits with the progress.
    comment.progress({ state: 'INPROGRESS', title: 'Fix it', session_link: LINK });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(github.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(github.writes).toHaveLength(2);
    expect(github.writes[1]!.body).toContain('command: npm test');
    expect(github.writes[1]!.body).toContain(WATCH);
  });

  it('sends no edit in the pause GitHub asked for, not even one asked for before it refused the last', async () => {
    const github = fakeGitHub();
    const update = github.updateComment.bind(github);
    let refuse = true;
    // The first edit is refused with Retry-After: 120 s, after a moment on the wire (100 ms of the fake
    // clock: setTimeout is faked in this file, so the test moves past it, with no real wait).
    github.updateComment = async (id, body) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (!refuse) return update(id, body);
      refuse = false;
      github.writes.push({ call: 'updateComment', id, body: 'refused' });
      throw new GitHubApiError('PATCH /issues/comments', 429, 'rate limited', 120_000);
    };
    const comment = feedback(github);
    comment.progress({ run_id: 'run-1', state: 'QUEUED', title: 'Fix it' });
    await vi.advanceTimersByTimeAsync(30_000);
    comment.agentDid('command: npm test');
    await vi.advanceTimersByTimeAsync(10);
    // The link comes while the refused edit is on its way: asked for at once, sent only after the pause.
    comment.progress({ state: 'INPROGRESS', title: 'Fix it', session_link: LINK });
    await vi.advanceTimersByTimeAsync(1000);
    expect(github.writes.map((w) => w.body.slice(0, 7))).toEqual([expect.any(String), 'refused']);
    await vi.advanceTimersByTimeAsync(118_000);
    expect(github.writes).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(github.writes).toHaveLength(3);
    expect(github.writes[2]!.body).toContain(WATCH);
  });
});
