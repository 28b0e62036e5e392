/**
 * The live pull request comment, on the source with fake timers and GitHub in memory: when it is
 * edited while the run works. Progress waits for the 30 s throttle; a link to watch the agent does not.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Feedback } from '../../src/github/feedback.ts';
import { ACTION_WORDS } from '../../src/action/vocabulary.ts';
import { fakeGitHub } from '../helpers/github-fake.ts';

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
});
