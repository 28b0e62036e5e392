import { afterAll, beforeAll, beforeEach } from 'vitest';
import { GitHubDouble } from '../../sim/github.ts';

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
