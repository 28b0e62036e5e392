import type { GitHubApi } from './types.ts';
import type { RequestBounds } from './request.ts';

/**
 * Loads the GitHub API module on first use. `#github-api` is src/github/api.ts (package.json
 * `imports`); the build keeps it out of the step's bundle and points it at dist/github.cjs, so the
 * step's start-up never pays for Octokit unless a comment, check run or permission look-up is needed.
 * `bounds` sets the deadline of each request (default 10 s) and a signal that aborts them all.
 */
export async function loadGitHubApi(token: string, owner: string, repo: string, bounds?: RequestBounds): Promise<GitHubApi> {
  const { createGitHubApi } = await import('#github-api');
  return createGitHubApi(token, owner, repo, bounds);
}
