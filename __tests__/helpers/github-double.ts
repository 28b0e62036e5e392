import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { GitHubDouble } from '../../sim/github.ts';
import type { GitHubApi } from '../../src/github/types.ts';
import type { RequestBounds } from '../../src/github/request.ts';

/**
 * The GitHub API double for a test file (or a describe block): started before its tests (its base
 * URL is `github.url`), stopped after them; before each test it forgets what it was asked and holds,
 * then `setUp` gives it what the file's tests share (permissions, a pull request's head and files).
 * Called after `useSimulator()`, it starts after the simulator and stops before it.
 */
export function useGitHubDouble(setUp?: (github: GitHubDouble) => void): GitHubDouble {
  const github = new GitHubDouble();
  beforeAll(async () => {
    await github.start();
  });
  afterAll(() => github.stop());
  beforeEach(() => {
    github.reset();
    setUp?.(github);
  });
  return github;
}

/**
 * The action's GitHub API (src/github/api.ts) against `github`, for acme/widgets with a test token.
 * @actions/github reads GITHUB_API_URL once, when it is loaded, so the module is loaded after the
 * double has started: call this after useGitHubDouble().
 */
export function useGitHubApi(github: GitHubDouble): (bounds?: RequestBounds) => GitHubApi {
  let create: (typeof import('../../src/github/api.ts'))['createGitHubApi'];
  beforeAll(async () => {
    vi.stubEnv('GITHUB_API_URL', github.url);
    ({ createGitHubApi: create } = await import('../../src/github/api.ts'));
  });
  return (bounds = {}) => create('ghs-test', 'acme', 'widgets', bounds);
}
