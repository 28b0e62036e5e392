import * as core from '@actions/core';
import { githubRequestBounds, progressIntervalMs, redactPublished, redactSecrets } from './common.ts';
import { commentMarker, Feedback, CheckRunError } from '../github/feedback.ts';
import type { GitHubApi } from '../github/types.ts';
import type { GitHubContext } from '../github/context.ts';
import { workflowRunUrl } from '../github/context.ts';
import { concernsThread } from '../github/event.ts';
import { loadGitHubApi } from '../github/loader.ts';
import type { Settings } from './inputs.ts';
import { saveCheckRunId, saveCommentId, saveConversation } from './state.ts';
import { decideTrigger } from '../github/triggers.ts';
import { eventNoun, MENTION_EVENTS } from '../github/mention.ts';
import { targetOf, type RunTarget } from '../run/plan.ts';
import { InputError } from '../run/settings.ts';
import { ACTION_WORDS } from './vocabulary.ts';
import { isMentionEvent, prepareMention, triggerPhraseIgnored, type Mention } from './mention.ts';

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

/**
 * What the action does on GitHub before the run starts: decides whether the event may start an agent
 * (comment and review events need a trusted author), then sets up the pull request comment and creates
 * the check run. Throws CheckRunError when a requested check run cannot be created.
 */
export async function prepareGitHub(settings: Settings, context: GitHubContext): Promise<GitHubSide> {
  const { event } = context;
  const token = settings.githubToken;
  let api: GitHubApi | undefined;
  const github = async () => (api ??= await loadGitHubApi(token, event.owner!, event.repo!, githubRequestBounds()));
  const canCall = token !== '' && event.owner !== undefined && event.repo !== undefined;

  // A deleted comment, review or issue never starts an agent, with or without a trigger phrase: its text is gone.
  if (event.action === 'deleted') return { skip: `the ${eventNoun(event)} was deleted` };
  const mentioned = isMentionEvent(settings, event);
  const ignored = triggerPhraseIgnored(settings, event);
  // Without a prompt the step stops below, with an error that says the same.
  if (ignored !== undefined && targetOf(settings) !== undefined) core.notice(ignored);
  // Anyone can comment on a public repository, or open an issue there: only trusted people start an agent.
  if (event.isComment || mentioned) {
    const asComment = { ...event, isComment: true };
    const decision = await decideTrigger(asComment, settings, canCall ? async (login) => (await github()).permission(login) : undefined);
    if (!decision.allowed) return { skip: decision.reason };
  }
  let mention: Mention | undefined;
  // What to run is decided here, once, before anything else is checked or created.
  let target = targetOf(settings);
  if (mentioned) {
    const prepared = await prepareMention(settings, event, canCall ? github : undefined);
    if ('skip' in prepared) return { skip: prepared.skip };
    ({ mention, target } = prepared);
  } else if (target === undefined) {
    throw new InputError(
      `Missing prompt: set prompt, prompt_file or skill. trigger_phrase writes the prompt only on ${MENTION_EVENTS.join(', ')} events, and this is ${event.name || 'no event'}.`,
    );
  }

  const thread = settings.prComment && concernsThread(event) ? event.thread?.number : undefined;
  const side = { target, ...(mention && { mention }), ...(canCall && { api: github }) };
  if (!settings.checkName && thread === undefined) return side;
  if (!canCall) {
    if (settings.checkName) throw new CheckRunError('check_name is set, but there is no github_token to create the check run with.');
    core.warning('pr_comment is on, but there is no github_token: the run is reported in the job summary only.');
    return side;
  }

  let headSha = context.pullRequest?.headSha ?? context.sha ?? '';
  if (settings.checkName && !context.pullRequest?.headSha && event.thread?.isPullRequest) {
    // A comment event does not carry the pull request's head: the check belongs on it, not on the default branch.
    try {
      headSha = await (await github()).pullRequestHead(event.thread.number);
    } catch (error) {
      throw new CheckRunError(
        `check_name is set, but the head commit of pull request #${event.thread.number} could not be read: ${(error as Error).message}`,
      );
    }
  }
  const runUrl = workflowRunUrl(context);
  const feedback = new Feedback({
    api: github,
    ...(thread !== undefined && { thread }),
    ...(settings.checkName && { checkName: settings.checkName }),
    headSha,
    marker: commentMarker(),
    redact: redactSecrets(),
    redactAll: redactPublished,
    showActivity: settings.commentProgress,
    ...(progressIntervalMs() !== undefined && { editIntervalMs: progressIntervalMs() }),
    debug: (message) => core.debug(message),
    words: ACTION_WORDS,
    ...(runUrl && { workflowRunUrl: runUrl }),
    warn: (message) => core.warning(message),
    // The post step finishes a conversation comment as a conversation (see saveConversation).
    ...(mention && {
      conversation: { state: mention.state, exchange: mention.exchange },
      ...(mention.commentId !== undefined && { resume: { commentId: mention.commentId } }),
    }),
    onComment: saveCommentId,
  });
  if (mention) {
    saveConversation({ state: mention.state, exchange: mention.exchange });
    if (mention.commentId !== undefined) saveCommentId(mention.commentId);
  }
  await feedback.startCheck();
  if (feedback.checkRunId !== undefined) saveCheckRunId(feedback.checkRunId);
  return { ...side, feedback };
}
