/**
 * The GitHub REST calls the action makes (comments, check runs, permission look-ups), over
 * `@actions/github`'s Octokit. Imported only when it is needed (so the bundle has it in a chunk of its
 * own): Octokit would otherwise cost every step's start-up. Every HTTP exchange has its own deadline
 * and is aborted with the caller's signal (request.ts).
 */
import { getOctokit } from '@actions/github';
import { isGitHubApiError, type CheckUpdate, type GitHubApi } from './types.ts';
import { replyCalls, reviewCalls, threadCalls } from '../review/api.ts';
import { boundedCall, eitherSignal, pages, type Call, type Fresh, type Octokit, type RequestBounds } from './request.ts';
import { MAX_CHECK_TEXT_CHARS } from '../report/limits.ts';
import { USER_AGENT } from '../oz/version.ts';

function checkFields(update: CheckUpdate) {
  return {
    ...(update.status && { status: update.status }),
    ...(update.conclusion && { conclusion: update.conclusion, completed_at: new Date().toISOString() }),
    ...(update.detailsUrl && { details_url: update.detailsUrl }),
    output: { title: update.title.slice(0, 255), summary: update.summary.slice(0, MAX_CHECK_TEXT_CHARS) },
  };
}

export function createGitHubApi(token: string, owner: string, repo: string, bounds: RequestBounds = {}): GitHubApi {
  return boundApi(getOctokit(token, { userAgent: USER_AGENT }), owner, repo, bounds, {});
}

/** What one token's API has learnt, shared by every `within` of it: the token's login, once found. */
interface Known {
  login?: string;
}

function boundApi(octokit: Octokit, owner: string, repo: string, bounds: RequestBounds, known: Known): GitHubApi {
  const call = boundedCall(bounds);
  return {
    within: (signal) => boundApi(octokit, owner, repo, { ...bounds, signal: eitherSignal(bounds.signal, signal) }, known),
    identity: async () => (known.login ??= await identityOf(octokit, call)),
    ...reviewCalls(octokit, owner, repo, call),
    ...threadCalls(octokit, owner, repo, call),
    ...replyCalls(octokit, owner, repo, call),
    ...commentCalls(octokit, owner, repo, call),
    ...otherCalls(octokit, owner, repo, call),
  };
}

type Comment = { id: number; html_url: string; body?: string | undefined; user?: { login?: string } | null };

function commentCalls(octokit: Octokit, owner: string, repo: string, call: Call) {
  const rest = octokit.rest;
  /** The first comment on a thread that `matches`, reading page after page. */
  const firstComment = async (thread: number, matches: (comment: Comment) => boolean, fresh: Fresh): Promise<Comment | undefined> => {
    const first = (request: { signal: AbortSignal }) =>
      rest.issues.listComments({ owner, repo, issue_number: thread, per_page: 100, request });
    for await (const page of pages<Comment>(octokit, first, fresh)) {
      const found = page.find(matches);
      if (found) return found;
    }
    return undefined;
  };
  return {
    findOwnComment: (thread, marker, login) =>
      call('list comments', 'the comment search', async (fresh) => {
        // Only comments the token's own identity wrote (anyone can paste the marker into a comment), and
        // only with the marker first: the action's other comments may quote the agent, marker and all.
        const found = await firstComment(
          thread,
          (c) => c.body?.startsWith(marker) === true && c.user?.login?.toLowerCase() === login.toLowerCase(),
          fresh,
        );
        return found && { id: found.id, url: found.html_url, body: found.body ?? '' };
      }),
    createComment: (thread, body) =>
      call('create comment', 'the new comment', async (fresh) => {
        const { data } = await rest.issues.createComment({ owner, repo, issue_number: thread, body, request: fresh() });
        return { id: data.id, url: data.html_url };
      }),
    updateComment: (id, body) =>
      call('update comment', 'the comment update', async (fresh) => {
        const { data } = await rest.issues.updateComment({ owner, repo, comment_id: id, body, request: fresh() });
        return { id: data.id, url: data.html_url };
      }),
  } satisfies Partial<GitHubApi>;
}

/**
 * The login the token writes as, which tells the step's own comments and reviews from anyone else's.
 * A person's token reads it from /user. An installation token (the job's GITHUB_TOKEN, a GitHub App's)
 * is refused there (403) and asks GraphQL's `viewer`, which answers for it with its bot's login
 * (`github-actions[bot]`, `my-app[bot]`). Any other failure is thrown, never guessed: a wrong login
 * would make the step's own comment look like someone else's, and a re-run write a second one.
 */
async function identityOf(octokit: Octokit, call: Call): Promise<string> {
  try {
    return await call(
      'GET user',
      'the identity look-up',
      async (fresh) => (await octokit.rest.users.getAuthenticated({ request: fresh() })).data.login,
    );
  } catch (error) {
    if (!isGitHubApiError(error) || error.status !== 403) throw error;
  }
  // The viewer's login as REST writes it, `[bot]` and all for an installation token; a person's token
  // refused /user for another reason (a rate limit's 403) gets the person's, as written.
  const { viewer } = await call('GraphQL viewer', 'the identity look-up', (fresh) =>
    octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }', { request: fresh() }),
  );
  return viewer.login;
}

function otherCalls(octokit: Octokit, owner: string, repo: string, call: Call) {
  const rest = octokit.rest;
  return {
    permission: (username) =>
      call('GET collaborator permission', 'the permission look-up', async (fresh) => {
        const { data } = await rest.repos.getCollaboratorPermissionLevel({ owner, repo, username, request: fresh() });
        // role_name tells maintain and triage apart, which permission folds into write and read.
        return (data as { role_name?: string }).role_name ?? data.permission;
      }),
    pullRequestHead: (number) =>
      call('GET pull request', 'the pull request read', async (fresh) => {
        return (await rest.pulls.get({ owner, repo, pull_number: number, request: fresh() })).data.head.sha;
      }),
    react: (target, content) =>
      call('add reaction', 'the reaction', async (fresh) => {
        const request = fresh();
        switch (target.kind) {
          case 'issue-comment':
            await rest.reactions.createForIssueComment({ owner, repo, comment_id: target.id, content, request });
            break;
          case 'review-comment':
            await rest.reactions.createForPullRequestReviewComment({ owner, repo, comment_id: target.id, content, request });
            break;
          case 'issue':
            await rest.reactions.createForIssue({ owner, repo, issue_number: target.number, content, request });
        }
      }),
    createCheck: (name, headSha, update) =>
      call('create check run', 'the new check run', async (fresh) => {
        return (await rest.checks.create({ owner, repo, name, head_sha: headSha, ...checkFields(update), request: fresh() })).data.id;
      }),
    updateCheck: (id, update) =>
      call('update check run', 'the check run update', async (fresh) => {
        await rest.checks.update({ owner, repo, check_run_id: id, ...checkFields(update), request: fresh() });
      }),
  } satisfies Partial<GitHubApi>;
}
