import type { Feedback } from '../github/feedback.ts';
import type { GitHubContext } from '../github/context.ts';
import type { GitHubApi } from '../github/types.ts';
import type { RunTarget } from '../run/plan.ts';
import type { Settings } from '../settings/inputs.ts';
import type { Mention } from '../threads/step.ts';
import { githubRequestBounds, type StepTimings } from './timings.ts';

// What the GitHub side of a step is, and its GitHub API made on first use: shared by the quick path
// (github-setup.ts), the GitHub side (github-side.ts, loaded only when needed) and the review, apart
// from both so that neither imports the other.

export interface GitHubSide {
  /** Why the agent must not start for this event; undefined when it may. */
  skip?: string;
  feedback?: Feedback;
  /** What to run: from the settings, or from the mention (a new run, or a follow-up to the thread's run). */
  target?: RunTarget;
  /** A request made with the trigger phrase, and the GitHub API to react to it with. */
  mention?: Mention;
  api?: () => Promise<GitHubApi>;
}

/** The GitHub API for the event's repository, made on first use; undefined without a token or a repository. */
export function gitHubApi(
  settings: Settings,
  event: GitHubContext['event'],
  timings: StepTimings = {},
): (() => Promise<GitHubApi>) | undefined {
  const { owner, repo } = event;
  if (settings.githubToken === '' || owner === undefined || repo === undefined) return undefined;
  let api: Promise<GitHubApi> | undefined;
  // Octokit is imported when first used: a chunk of its own in the bundle, which most steps never load.
  return () =>
    (api ??= import('../github/api.ts').then(({ createGitHubApi }) =>
      createGitHubApi(settings.githubToken, owner, repo, githubRequestBounds(timings)),
    ));
}
