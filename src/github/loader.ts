import type { GitHubApi } from './types.ts';

/**
 * Loads the GitHub API module on first use. `#github-api` is src/github/api.ts (package.json
 * `imports`); the build keeps it out of the step's bundle and points it at dist/github.cjs, so the
 * step's start-up never pays for Octokit unless a comment, check run or permission look-up is needed.
 */
export async function loadGitHubApi(token: string, owner: string, repo: string): Promise<GitHubApi> {
  const { createGitHubApi } = await import('#github-api');
  return createGitHubApi(token, owner, repo);
}
