import * as core from '@actions/core';
import { type Redaction } from './redaction.ts';
import { type StepTimings } from './timings.ts';
import { commentMarker, Feedback, CheckRunError } from '../github/feedback.ts';
import type { GitHubApi } from '../github/types.ts';
import type { GitHubContext } from '../github/context.ts';
import { workflowRunUrl } from '../github/context.ts';
import { concernsThread } from '../github/event.ts';
import { gitHubApi, type GitHubSide } from './github-access.ts';
import type { Settings } from '../settings/inputs.ts';
import { markFinished, saveCheckRunId, saveCommentId, saveConversation, saveReviewThread } from './state.ts';
import { decideTrigger } from '../threads/triggers.ts';
import { eventNoun, MENTION_EVENTS } from '../threads/mention.ts';
import { targetOf, type RunTarget } from '../run/plan.ts';
import { InputError, messageOf } from '../errors.ts';
import { ACTION_WORDS } from './vocabulary.ts';
import { isMentionEvent, prepareMention, triggerPhraseIgnored, withPullRequest, type Mention } from '../threads/step.ts';
import { guardedForFork } from '../github/fork.ts';
import type { EventInfo } from '../github/event.ts';

/**
 * The GitHub side of the step, for the events and settings that have one (see needsGitHubSide):
 * imported when needed, so the bundle has it in a chunk of its own and a step without a comment,
 * check run, trigger phrase or review does not compile it.
 */
export { planReview, publishReview } from '../review/step.ts';

/**
 * What the action does on GitHub before the run starts: decides whether the event may start an agent
 * (comment and review events need a trusted author), then sets up the pull request comment and creates
 * the check run. Throws CheckRunError when a requested check run cannot be created.
 */
export async function setUpGitHub(
  settings: Settings,
  context: GitHubContext,
  redaction: Redaction,
  timings: StepTimings = {},
): Promise<GitHubSide> {
  const { event } = context;
  const github = gitHubApi(settings, event, timings);
  const canCall = github !== undefined;
  const decided = await decideStart(settings, event, github);
  if ('skip' in decided) return decided;
  const { mention } = decided;
  const target = guardedForFork(decided.target, decided.event, (message) => core.notice(message));

  const commented = settings.prComment && concernsThread(event) ? event.thread?.number : undefined;
  // A mention in an inline review comment is answered in its review thread, not in the pull request's conversation.
  const reviewThread =
    commented !== undefined && mention?.reviewThread !== undefined ? { pull: commented, root: mention.reviewThread } : undefined;
  const thread = reviewThread ? undefined : commented;
  const side = { target, ...(mention && { mention }), ...(canCall && { api: github }) };
  if (!settings.checkName && thread === undefined && reviewThread === undefined) return side;
  if (!canCall) {
    if (settings.checkName) throw new CheckRunError('check_name is set, but there is no github_token to create the check run with.');
    core.warning('pr_comment is on, but there is no github_token: the run is reported in the job summary only.');
    return side;
  }
  const feedback = await startFeedback(settings, { ...context, event: decided.event }, github, {
    thread,
    reviewThread,
    mention,
    redaction,
    timings,
  });
  return { ...side, feedback };
}

/**
 * Whether the event may start an agent, and what to run: a deleted comment never does; comment events
 * and mentions need a trusted author; a mention decides the target (a new run or a follow-up). What to
 * run is decided here, once, before anything else is checked or created.
 */
async function decideStart(
  settings: Settings,
  event: GitHubContext['event'],
  github: (() => Promise<GitHubApi>) | undefined,
): Promise<{ skip: string } | { target: RunTarget; mention?: Mention; event: EventInfo }> {
  // A deleted comment, review or issue never starts an agent, with or without a trigger phrase: its text is gone.
  if (event.action === 'deleted') return { skip: `the ${eventNoun(event)} was deleted` };
  const mentioned = isMentionEvent(settings, event);
  const ignored = triggerPhraseIgnored(settings, event);
  // Without a prompt the step stops below, with an error that says the same.
  if (ignored !== undefined && targetOf(settings) !== undefined) core.notice(ignored);
  // Anyone can comment on a public repository, or open an issue there: only trusted people start an agent.
  if (event.isComment || mentioned) {
    const asComment = { ...event, isComment: true };
    const decision = await decideTrigger(asComment, settings, github && (async (login) => (await github()).permission(login)));
    if (!decision.allowed) return { skip: decision.reason };
  }
  if (mentioned) {
    const prepared = await prepareMention(settings, event, github);
    return 'skip' in prepared ? { skip: prepared.skip } : prepared;
  }
  const target = targetOf(settings);
  if (target === undefined) {
    throw new InputError(
      'prompt',
      'missing',
      `Missing prompt: set prompt, prompt_file or skill. trigger_phrase writes the prompt only on ${MENTION_EVENTS.join(', ')} events, and this is ${event.name || 'no event'}.`,
    );
  }
  // A comment event's payload does not say where the pull request comes from: it is read then.
  const unknown = event.thread?.isPullRequest === true && event.baseRepository === undefined;
  return { target, event: unknown ? await withPullRequest(event, github) : event };
}

/** The pull request comment and the check run, set up before the run; their ids saved for the post step. */
async function startFeedback(
  settings: Settings,
  context: GitHubContext,
  github: () => Promise<GitHubApi>,
  where: {
    thread: number | undefined;
    reviewThread: { pull: number; root: number } | undefined;
    mention: Mention | undefined;
    redaction: Redaction;
    timings: StepTimings;
  },
): Promise<Feedback> {
  const { thread, reviewThread, mention, redaction } = where;
  const { event } = context;
  // The pull request read for a comment event (see withPullRequest) gave its head.
  let headSha = context.pullRequest?.headSha ?? event.headSha ?? context.sha ?? '';
  if (settings.checkName && !context.pullRequest?.headSha && !event.headSha && event.thread?.isPullRequest) {
    // A comment event does not carry the pull request's head: the check belongs on it, not on the default branch.
    try {
      headSha = await (await github()).pullRequestHead(event.thread.number);
    } catch (error) {
      throw new CheckRunError(
        `check_name is set, but the head commit of pull request #${event.thread.number} could not be read: ${messageOf(error)}`,
      );
    }
  }
  const runUrl = workflowRunUrl(context);
  const feedback = new Feedback({
    api: github,
    comment: {
      ...(thread !== undefined && { thread }),
      ...(reviewThread && { reviewThread }),
      marker: commentMarker(settings.entry),
      showActivity: settings.commentProgress,
      ...(where.timings.progressIntervalMs !== undefined && { editIntervalMs: where.timings.progressIntervalMs }),
      // The post step finishes a conversation comment as a conversation (see saveConversation).
      ...(mention && {
        conversation: { state: mention.state, exchange: mention.exchange },
        ...(mention.commentId !== undefined && { resumeId: mention.commentId }),
      }),
      onComment: saveCommentId,
    },
    check: { ...(settings.checkName && { name: settings.checkName }), headSha },
    ...redaction,
    debug: (message) => core.debug(message),
    words: ACTION_WORDS,
    ...(runUrl && { workflowRunUrl: runUrl }),
    warn: (message) => core.warning(message),
    onFinished: markFinished,
  });
  if (reviewThread) saveReviewThread(reviewThread);
  if (mention) {
    saveConversation({ state: mention.state, exchange: mention.exchange }, redaction.redact);
    if (mention.commentId !== undefined) saveCommentId(mention.commentId);
  }
  await feedback.startCheck();
  if (feedback.checkRunId !== undefined) saveCheckRunId(feedback.checkRunId);
  return feedback;
}
