import type { GitHubApi } from '../../src/github/types.ts';

/** What a fake GitHub was asked to write, in order. */
export interface FakeWrite {
  call: 'createComment' | 'updateComment' | 'createCheck' | 'updateCheck';
  id?: number;
  body: string;
}

/**
 * A GitHub API in memory, for unit tests of what the action writes on GitHub (comments and check
 * runs), with no network and no timers of its own, so fake timers stay in charge. Calls a test does
 * not expect reject.
 */
export function fakeGitHub(): GitHubApi & { writes: FakeWrite[] } {
  const writes: FakeWrite[] = [];
  const unexpected = (what: string) => () => Promise.reject(new Error(`unexpected GitHub call: ${what}`));
  const api: GitHubApi & { writes: FakeWrite[] } = {
    writes,
    within: () => api,
    permission: unexpected('permission'),
    pullRequestHead: unexpected('pullRequestHead'),
    findOwnComment: () => Promise.resolve(undefined),
    identity: () => Promise.resolve('github-actions[bot]'),
    react: unexpected('react'),
    pullRequest: unexpected('pullRequest'),
    pullRequestFiles: unexpected('pullRequestFiles'),
    reviews: unexpected('reviews'),
    reviewComments: unexpected('reviewComments'),
    createReview: unexpected('createReview'),
    dismissReview: unexpected('dismissReview'),
    reviewThreads: unexpected('reviewThreads'),
    resolveReviewThread: unexpected('resolveReviewThread'),
    reviewThreadComments: unexpected('reviewThreadComments'),
    replyToReviewComment: unexpected('replyToReviewComment'),
    updateReviewComment: unexpected('updateReviewComment'),
    createComment: (_thread, body) => {
      writes.push({ call: 'createComment', body });
      return Promise.resolve({ id: 555, url: 'https://github.com/acme/widgets/pull/7#issuecomment-555' });
    },
    updateComment: (id, body) => {
      writes.push({ call: 'updateComment', id, body });
      return Promise.resolve({ id, url: `https://github.com/acme/widgets/pull/7#issuecomment-${id}` });
    },
    createCheck: (_name, _sha, update) => {
      writes.push({ call: 'createCheck', body: update.summary });
      return Promise.resolve(321);
    },
    updateCheck: (id, update) => {
      writes.push({ call: 'updateCheck', id, body: update.summary });
      return Promise.resolve();
    },
  };
  return api;
}
