import type { GitHubApi } from './types.ts';

/**
 * Loads the GitHub API module on first use. The build turns this import into one of dist/github.cjs,
 * so the step's start-up never pays for Octokit unless a comment, check run or permission look-up
 * is needed.
 */
export async function loadGitHubApi(token: string, owner: string, repo: string): Promise<GitHubApi> {
  const { createGitHubApi } = await import('./api.ts');
  return createGitHubApi(token, owner, repo);
}
