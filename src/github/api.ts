/**
 * The GitHub REST calls the action makes (comments, check runs, permission look-ups), over
 * `@actions/github`'s Octokit. The bundle loads this module only when it is needed (see
 * loader.ts): Octokit and undici would otherwise cost every step's start-up.
 */
import { getOctokit } from '@actions/github';
import { GitHubApiError, type CheckUpdate, type GitHubApi } from './types.ts';
import { reviewCalls } from './review-api.ts';
import { USER_AGENT } from '../oz/version.ts';

export async function call<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    const status = (error as { status?: number }).status ?? 0;
    const retryAfter = Number(
      (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers?.['retry-after'],
    );
    throw new GitHubApiError(what, status, (error as Error).message, retryAfter > 0 ? retryAfter * 1000 : undefined);
  }
}

// GitHub caps a check run's summary at 65535 characters.
const MAX_SUMMARY = 65_000;

function checkFields(update: CheckUpdate) {
  return {
    ...(update.status && { status: update.status }),
    ...(update.conclusion && { conclusion: update.conclusion, completed_at: new Date().toISOString() }),
    ...(update.detailsUrl && { details_url: update.detailsUrl }),
    output: { title: update.title.slice(0, 255), summary: update.summary.slice(0, MAX_SUMMARY) },
  };
}

export function createGitHubApi(token: string, owner: string, repo: string): GitHubApi {
  const octokit = getOctokit(token, { userAgent: USER_AGENT });
  const rest = octokit.rest;
  type Comment = { id: number; html_url: string; body?: string | undefined; user?: { login?: string } | null };
  /** The first comment on a thread that `matches`, reading page after page. */
  const firstComment = async (thread: number, matches: (comment: Comment) => boolean): Promise<Comment | undefined> => {
    for await (const page of octokit.paginate.iterator(rest.issues.listComments, { owner, repo, issue_number: thread, per_page: 100 })) {
      const found = page.data.find(matches);
      if (found) return found;
    }
    return undefined;
  };
  return {
    ...reviewCalls(octokit, owner, repo, call),
    permission: (username) =>
      call('GET collaborator permission', async () => {
        const { data } = await rest.repos.getCollaboratorPermissionLevel({ owner, repo, username });
        // role_name tells maintain and triage apart, which permission folds into write and read.
        return (data as { role_name?: string }).role_name ?? data.permission;
      }),
    pullRequestHead: (number) =>
      call('GET pull request', async () => (await rest.pulls.get({ owner, repo, pull_number: number })).data.head.sha),
    findComment: (thread, marker) =>
      call('list comments', async () => {
        const found = await firstComment(thread, (c) => c.body?.includes(marker) === true);
        return found && { id: found.id, url: found.html_url };
      }),
    findOwnComment: (thread, marker, login) =>
      call('list comments', async () => {
        // Only comments the token's own identity wrote (anyone can paste the marker into a comment), and
        // only with the marker first: the action's other comments may quote the agent, marker and all.
        const found = await firstComment(
          thread,
          (c) => c.body?.startsWith(marker) === true && c.user?.login?.toLowerCase() === login.toLowerCase(),
        );
        return found && { id: found.id, url: found.html_url, body: found.body ?? '' };
      }),
    identity: async () => {
      try {
        return (await rest.users.getAuthenticated()).data.login;
      } catch {
        // An installation token (the job's GITHUB_TOKEN) cannot read /user: it acts as the Actions bot.
        return 'github-actions[bot]';
      }
    },
    react: (target, content) =>
      call('add reaction', async () => {
        switch (target.kind) {
          case 'issue-comment':
            await rest.reactions.createForIssueComment({ owner, repo, comment_id: target.id, content });
            break;
          case 'review-comment':
            await rest.reactions.createForPullRequestReviewComment({ owner, repo, comment_id: target.id, content });
            break;
          case 'issue':
            await rest.reactions.createForIssue({ owner, repo, issue_number: target.number, content });
        }
      }),
    createComment: (thread, body) =>
      call('create comment', async () => {
        const { data } = await rest.issues.createComment({ owner, repo, issue_number: thread, body });
        return { id: data.id, url: data.html_url };
      }),
    updateComment: (id, body) =>
      call('update comment', async () => {
        const { data } = await rest.issues.updateComment({ owner, repo, comment_id: id, body });
        return { id: data.id, url: data.html_url };
      }),
    createCheck: (name, headSha, update) =>
      call(
        'create check run',
        async () => (await rest.checks.create({ owner, repo, name, head_sha: headSha, ...checkFields(update) })).data.id,
      ),
    updateCheck: (id, update) =>
      call('update check run', async () => {
        await rest.checks.update({ owner, repo, check_run_id: id, ...checkFields(update) });
      }),
  };
}
