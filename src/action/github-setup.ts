import type { GitHubContext } from '../github/context.ts';
import { concernsThread } from '../github/event.ts';
import { targetOf } from '../run/plan.ts';
import type { Redaction } from './redaction.ts';
import type { StepTimings } from './timings.ts';
import { gitHubApi, type GitHubSide } from './github-access.ts';
import type { Settings } from '../settings/inputs.ts';
import { guardedForFork } from '../github/fork.ts';
import * as core from '@actions/core';

/** The message for a fork's pull request, where GitHub withholds secrets and so the API key. */
export const FORK_WITHOUT_KEY =
  'Missing warp_api_key: this pull request comes from a fork, and GitHub gives no secrets to workflows that pull requests from forks trigger. ' +
  'Safe ways to run the agent on it: have a maintainer ask for it in a comment (an issue_comment workflow: the action checks that the commenter has write access); ' +
  "or use pull_request_target with a deployment environment that requires a maintainer's approval, and never check out or run the fork's code in that job.";

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

export type { GitHubSide } from './github-access.ts';
