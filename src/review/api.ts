/**
 * The REST calls of pull request reviews: the pull request's commits, its files with their patches,
 * its reviews and review comments, and creating a review. Part of the GitHub API module (api.ts),
 * loaded only when it is needed.
 */
import type { GitHubApi, ReviewThreadInfo } from '../github/types.ts';
import { listAll, type Call, type Fresh, type Octokit } from '../github/request.ts';

/** Review threads are read 100 at a time, each with its first 100 comments (a longer thread has a reply). */
const THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id isResolved isOutdated
          comments(first: 100) { totalCount nodes { author { __typename login } pullRequestReview { databaseId } } }
        }
      }
    }
  }
}`;

const RESOLVE_MUTATION = `mutation($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }`;

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: {
          id: string;
          isResolved: boolean;
          isOutdated: boolean;
          comments: {
            totalCount: number;
            nodes: { author: { __typename?: string; login: string } | null; pullRequestReview: { databaseId: number | null } | null }[];
          };
        }[];
      };
    } | null;
  } | null;
}

/**
 * A GraphQL call: GitHub answers a refusal with 200 and an error of type FORBIDDEN (or NOT_FOUND), so
 * it is given the REST status callers decide on (403, 404) before request.ts turns it into a GitHubApiError.
 */
async function graphql<T>(octokit: Octokit, query: string, variables: Record<string, unknown>, fresh: Fresh): Promise<T> {
  try {
    return await octokit.graphql<T>(query, { ...variables, request: fresh() });
  } catch (error) {
    const types = ((error as { errors?: { type?: unknown }[] }).errors ?? []).map((e) => e.type);
    const status = types.includes('FORBIDDEN') ? 403 : types.includes('NOT_FOUND') ? 404 : undefined;
    if (status !== undefined && (error as { status?: unknown }).status === undefined) Object.assign(error as object, { status });
    throw error;
  }
}

/** A GraphQL author as the REST API names it: a bot's login there ends in [bot]. */
function restLogin(author: { __typename?: string; login: string } | null): string {
  if (author === null) return '';
  return author.__typename === 'Bot' && !author.login.endsWith('[bot]') ? `${author.login}[bot]` : author.login;
}

/** Every review thread of a pull request, page after page. */
async function allThreads(octokit: Octokit, owner: string, repo: string, number: number, fresh: Fresh): Promise<ReviewThreadInfo[]> {
  const threads: ReviewThreadInfo[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: ThreadsPage = await graphql<ThreadsPage>(octokit, THREADS_QUERY, { owner, repo, number, cursor }, fresh);
    const listed = page.repository?.pullRequest?.reviewThreads;
    if (!listed) return threads;
    for (const node of listed.nodes) {
      threads.push({
        id: node.id,
        isResolved: node.isResolved,
        isOutdated: node.isOutdated,
        comments: node.comments.nodes.map((c) => ({
          login: restLogin(c.author),
          ...(typeof c.pullRequestReview?.databaseId === 'number' && { reviewId: c.pullRequestReview.databaseId }),
        })),
        totalComments: node.comments.totalCount,
      });
    }
    if (!listed.pageInfo.hasNextPage || listed.pageInfo.endCursor === null) return threads;
    cursor = listed.pageInfo.endCursor;
  }
}

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
        return {
          headSha: data.head.sha,
          baseSha: data.base.sha,
          url: data.html_url,
          headRef: data.head.ref,
          baseRef: data.base.ref,
          headRepository: data.head.repo?.full_name ?? null,
          baseRepository: data.base.repo.full_name,
        };
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
          state: review.state,
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

/** Dismissing a review, and the review threads (GraphQL): what the action tidies after a review. */
export function threadCalls(
  octokit: Octokit,
  owner: string,
  repo: string,
  call: Call,
): Pick<GitHubApi, 'dismissReview' | 'reviewThreads' | 'resolveReviewThread'> {
  const rest = octokit.rest;
  return {
    dismissReview: (number, reviewId, message) =>
      call('dismiss review', 'the review dismissal', async (fresh) => {
        await rest.pulls.dismissReview({
          owner,
          repo,
          pull_number: number,
          review_id: reviewId,
          message,
          event: 'DISMISS',
          request: fresh(),
        });
      }),
    reviewThreads: (number) =>
      call('list review threads', "the pull request's review threads", (fresh) => allThreads(octokit, owner, repo, number, fresh)),
    resolveReviewThread: (threadId) =>
      call('resolve review thread', 'the thread resolution', async (fresh) => {
        await graphql(octokit, RESOLVE_MUTATION, { threadId }, fresh);
      }),
  };
}

/** A review thread's comments, and the action's replies in it (a mention in an inline comment is answered there). */
export function replyCalls(
  octokit: Octokit,
  owner: string,
  repo: string,
  call: Call,
): Pick<GitHubApi, 'reviewThreadComments' | 'replyToReviewComment' | 'updateReviewComment'> {
  const rest = octokit.rest;
  return {
    reviewThreadComments: (number, root) =>
      call('list review comments', "the review thread's comments", async (fresh) => {
        const comments = await listAll(
          octokit,
          (request) => rest.pulls.listReviewComments({ owner, repo, pull_number: number, per_page: 100, request }),
          fresh,
        );
        return comments
          .filter((c) => c.id === root || c.in_reply_to_id === root)
          .sort((a, b) => a.id - b.id)
          .map((c) => ({ id: c.id, login: c.user?.login ?? '', body: c.body }));
      }),
    replyToReviewComment: (number, root, body) =>
      call('reply to review comment', 'the reply', async (fresh) => {
        const { data } = await rest.pulls.createReplyForReviewComment({
          owner,
          repo,
          pull_number: number,
          comment_id: root,
          body,
          request: fresh(),
        });
        return { id: data.id, url: data.html_url };
      }),
    updateReviewComment: (id, body) =>
      call('update review comment', 'the reply update', async (fresh) => {
        const { data } = await rest.pulls.updateReviewComment({ owner, repo, comment_id: id, body, request: fresh() });
        return { id: data.id, url: data.html_url };
      }),
  };
}
