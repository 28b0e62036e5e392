import type { Feedback } from '../github/feedback.ts';
import type { GitHubContext } from '../github/context.ts';
import { concernsThread } from '../github/event.ts';
import type { GitHubApi } from '../github/types.ts';
import { targetOf, type RunTarget } from '../run/plan.ts';
import { githubRequestBounds, type Redaction, type StepTimings } from './common.ts';
import type { Settings } from '../settings/inputs.ts';
import type { Mention } from '../threads/step.ts';
import { guardedForFork } from '../github/fork.ts';
import * as core from '@actions/core';

/** The message for a fork's pull request, where GitHub withholds secrets and so the API key. */
export const FORK_WITHOUT_KEY =
  'Missing warp_api_key: this pull request comes from a fork, and GitHub gives no secrets to workflows that pull requests from forks trigger. ' +
  'Safe ways to run the agent on it: have a maintainer ask for it in a comment (an issue_comment workflow: the action checks that the commenter has write access); ' +
  "or use pull_request_target with a deployment environment that requires a maintainer's approval, and never check out or run the fork's code in that job.";

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

/**
 * Whether the step has anything to do on GitHub before the run: an event to judge (a comment, a
 * deletion, a trigger phrase), a comment or check run to set up, or a review to plan. When it has not,
 * what setUpGitHub would return is known without loading it.
 */
export function needsGitHubSide(settings: Settings, context: GitHubContext): boolean {
  const { event } = context;
  return (
    event.action === 'deleted' ||
    event.isComment ||
    settings.triggerPhrase !== '' ||
    settings.checkName !== '' ||
    settings.review ||
    (settings.prComment && concernsThread(event) && event.thread !== undefined) ||
    targetOf(settings) === undefined
  );
}

/**
 * What the action does on GitHub before the run starts (see setUpGitHub in github-side.ts, loaded only
 * when there is something to do there). Throws CheckRunError when a requested check run cannot be created.
 */
export async function prepareGitHub(
  settings: Settings,
  context: GitHubContext,
  redaction: Redaction,
  timings: StepTimings = {},
): Promise<GitHubSide> {
  if (needsGitHubSide(settings, context)) return (await import('./github-side.ts')).setUpGitHub(settings, context, redaction, timings);
  const api = gitHubApi(settings, context.event, timings);
  const target = guardedForFork(targetOf(settings)!, context.event, (message) => core.notice(message));
  return { target, ...(api && { api }) };
}
