/**
 * The REST calls of pull request reviews: the pull request's commits, its files with their patches,
 * its reviews and review comments, and creating a review. Part of the GitHub API module (api.ts),
 * loaded only when it is needed.
 */
import type { GitHubApi } from '../github/types.ts';
import { listAll, type Call, type Octokit } from '../github/request.ts';

export function reviewCalls(
  octokit: Octokit,
  owner: string,
  repo: string,
  call: Call,
): Pick<GitHubApi, 'pullRequest' | 'pullRequestFiles' | 'reviews' | 'reviewComments' | 'createReview'> {
  const rest = octokit.rest;
  return {
    pullRequest: (number) =>
      call('GET pull request', 'the pull request read', async (fresh) => {
        const { data } = await rest.pulls.get({ owner, repo, pull_number: number, request: fresh() });
        return { headSha: data.head.sha, baseSha: data.base.sha, url: data.html_url, headRef: data.head.ref, baseRef: data.base.ref };
      }),
    pullRequestFiles: (number) =>
      call('list pull request files', "the pull request's files", async (fresh) => {
        const files = await listAll(
          octokit,
          (request) => rest.pulls.listFiles({ owner, repo, pull_number: number, per_page: 100, request }),
          fresh,
        );
        return files.map((file) => ({ filename: file.filename, ...(file.patch !== undefined && { patch: file.patch }) }));
      }),
    reviews: (number) =>
      call('list reviews', "the pull request's reviews", async (fresh) => {
        const reviews = await listAll(
          octokit,
          (request) => rest.pulls.listReviews({ owner, repo, pull_number: number, per_page: 100, request }),
          fresh,
        );
        return reviews.map((review) => ({
          id: review.id,
          login: review.user?.login ?? '',
          body: review.body ?? '',
          commitId: review.commit_id ?? '',
          url: review.html_url,
        }));
      }),
    reviewComments: (number) =>
      call('list review comments', "the pull request's review comments", async (fresh) => {
        const comments = await listAll(
          octokit,
          (request) => rest.pulls.listReviewComments({ owner, repo, pull_number: number, per_page: 100, request }),
          fresh,
        );
        return comments.map((comment) => ({
          login: comment.user?.login ?? '',
          path: comment.path,
          line: comment.line ?? null,
          originalLine: comment.original_line ?? null,
          side: comment.side === 'LEFT' ? 'LEFT' : 'RIGHT',
          body: comment.body,
        }));
      }),
    createReview: (number, review) =>
      call('create review', 'the new review', async (fresh) => {
        const { data } = await rest.pulls.createReview({ owner, repo, pull_number: number, ...review, request: fresh() });
        return { id: data.id, url: data.html_url };
      }),
  };
}
