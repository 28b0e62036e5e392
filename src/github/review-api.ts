/**
 * The REST calls of pull request reviews: the pull request's commits, its files with their patches,
 * its reviews and review comments, and creating a review. Part of the GitHub API module (api.ts),
 * loaded only when it is needed.
 */
import type { getOctokit } from '@actions/github';
import type { GitHubApi } from './types.ts';

type Octokit = ReturnType<typeof getOctokit>;
type Call = <T>(what: string, request: () => Promise<T>) => Promise<T>;

export function reviewCalls(
  octokit: Octokit,
  owner: string,
  repo: string,
  call: Call,
): Pick<GitHubApi, 'pullRequest' | 'pullRequestFiles' | 'reviews' | 'reviewComments' | 'createReview'> {
  const rest = octokit.rest;
  return {
    pullRequest: (number) =>
      call('GET pull request', async () => {
        const { data } = await rest.pulls.get({ owner, repo, pull_number: number });
        return { headSha: data.head.sha, baseSha: data.base.sha, url: data.html_url, headRef: data.head.ref, baseRef: data.base.ref };
      }),
    pullRequestFiles: (number) =>
      call('list pull request files', async () => {
        const files = await octokit.paginate(rest.pulls.listFiles, { owner, repo, pull_number: number, per_page: 100 });
        return files.map((file) => ({ filename: file.filename, ...(file.patch !== undefined && { patch: file.patch }) }));
      }),
    reviews: (number) =>
      call('list reviews', async () => {
        const reviews = await octokit.paginate(rest.pulls.listReviews, { owner, repo, pull_number: number, per_page: 100 });
        return reviews.map((review) => ({
          id: review.id,
          login: review.user?.login ?? '',
          body: review.body ?? '',
          commitId: review.commit_id ?? '',
          url: review.html_url,
        }));
      }),
    reviewComments: (number) =>
      call('list review comments', async () => {
        const comments = await octokit.paginate(rest.pulls.listReviewComments, { owner, repo, pull_number: number, per_page: 100 });
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
      call('create review', async () => {
        const { data } = await rest.pulls.createReview({ owner, repo, pull_number: number, ...review });
        return { id: data.id, url: data.html_url };
      }),
  };
}
