import { CodedError, messageOf } from '../errors.ts';
import * as core from '@actions/core';
import { CONVERSATION_MARKER, decodeState, type Exchange, type ThreadBinding, type ThreadState } from './state.ts';
import { threadOwner } from '../github/context.ts';
import type { EventInfo } from '../github/event.ts';
import { eventNoun, findPhrase, inactiveAction, MENTION_EVENTS, mentionBody, mentionPrompt, placeText, requestText } from './mention.ts';
import { downloadImages, IMAGE_BOUNDS, imageUrls } from '../github/images.ts';
import { isGitHubApiError, type GitHubApi, type ReactionTarget } from '../github/types.ts';
import type { CreateRunRequest } from '../oz/types.ts';
import { MAX_ATTACHMENTS } from '../settings/options.ts';
import { sentText, type RunTarget } from '../run/plan.ts';
import { checkRunId } from '../settings/settings.ts';
import { quote } from '../settings/primitives.ts';
import type { Settings } from '../settings/inputs.ts';
import * as log from '../action/log.ts';

/** A request made by mentioning the trigger phrase, and where its conversation stands. */
export interface Mention {
  thread: number;
  exchange: Exchange;
  state: ThreadState;
  /** The thread's conversation comment, when the action already wrote one. */
  commentId?: number;
  /** What to react to: the triggering comment, or the issue. */
  target?: ReactionTarget;
  /** A mention in an inline review comment: answered by a reply in that review thread (its first comment's id). */
  reviewThread?: number;
}

/** Whether this event is one where `trigger_phrase` decides if the agent starts. */
export function isMentionEvent(settings: Settings, event: EventInfo): boolean {
  return settings.triggerPhrase !== '' && (MENTION_EVENTS as readonly string[]).includes(event.name);
}

/**
 * What to say when `trigger_phrase` is set on an event it does not apply to (a push, a schedule): the
 * phrase is not looked for there, and the step runs its prompt as if the phrase were not set.
 */
export function triggerPhraseIgnored(settings: Settings, event: EventInfo): string | undefined {
  if (settings.triggerPhrase === '' || isMentionEvent(settings, event)) return undefined;
  return (
    `trigger_phrase ${quote(settings.triggerPhrase)} applies only to ${MENTION_EVENTS.join(', ')} events, and this is ` +
    `${event.name ? `a ${event.name} event` : 'no event'}: the phrase is not looked for, and the step runs as if it were not set.`
  );
}

/** The images pasted into the triggering comment or issue go with a new run's prompt too (within the API's 5). */
async function withCommentImages(settings: Settings, request: CreateRunRequest, body: string): Promise<CreateRunRequest> {
  const given = request.attachments ?? [];
  if (imageUrls(body, settings.serverUrl).length === 0) return request;
  const found = await downloadImages(body, {
    ...IMAGE_BOUNDS,
    max: MAX_ATTACHMENTS - given.length,
    serverUrl: settings.serverUrl,
    ...(settings.githubToken && { token: settings.githubToken }),
  });
  for (const warning of found.warnings) core.warning(warning);
  if (found.attachments.length === 0) return request;
  log.info(`Sending ${found.attachments.length} image(s) from the comment to the agent.`);
  return { ...request, attachments: [...given, ...found.attachments] };
}

/**
 * A follow-up sends text only. The API's follow-up request has an `attachments` field now, but its ids
 * come from an upload endpoint that Warp's docs mark internal and no SDK offers, so this action does not
 * build on it. Images in the comment (and the attachments input) went with the thread's first run
 * only; said once, so nobody believes the agent saw them.
 */
function tellImagesNotFollowing(settings: Settings, body: string): void {
  const images = imageUrls(body, settings.serverUrl).length;
  const given = settings.create?.attachments?.length ?? 0;
  if (images === 0 && given === 0) return;
  const what = [
    images > 0 ? `the comment's ${images === 1 ? 'image' : `${images} images`}` : '',
    given > 0 ? `the attachments input's ${given === 1 ? 'image' : `${given} images`}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  core.notice(
    `${what[0]!.toUpperCase()}${what.slice(1)} ${images + given === 1 ? 'is' : 'are'} not sent to the agent: this request goes to the thread's run as a follow-up, ` +
      "and this action sends a follow-up's text only: the API takes a follow-up's images only through an upload endpoint that Warp marks internal, " +
      'which no SDK offers (images go with a new run). Describe the image in words, ' +
      'or set continue_conversation to false to start a new run with it.',
  );
}

/**
 * Reads the request from the event and decides what to run for it, as a new value (the settings stay
 * as parsed): a follow-up to the thread's run when there is one (and `continue_conversation`), else a
 * new run with a prompt written from the event. Returns why not to start when the phrase is not there.
 */
export async function prepareMention(
  settings: Settings,
  event: EventInfo,
  github: (() => Promise<GitHubApi>) | undefined,
): Promise<{ skip: string } | { mention: Mention; target: RunTarget; event: EventInfo }> {
  const inactive = inactiveAction(event, settings.triggerPhrase);
  if (inactive !== undefined) return { skip: inactive };
  const body = mentionBody(event) ?? '';
  const at = findPhrase(body, settings.triggerPhrase);
  if (at < 0) return { skip: `the ${eventNoun(event)} does not mention ${settings.triggerPhrase}` };
  if (event.thread === undefined) return { skip: `the ${event.name} event names no pull request or issue` };
  const request = requestText(body, at, settings.triggerPhrase);
  const who = event.actor?.login ?? 'someone';
  const root = event.comment?.place?.root;
  const binding =
    event.owner && event.repo
      ? { repository: `${event.owner}/${event.repo}`, thread: event.thread.number, ...(root !== undefined && { reviewThread: root }) }
      : undefined;
  const { state, commentId } =
    binding && github ? await readConversation(github, binding) : { state: { exchanges: [], ...(binding && { binding }) } };
  const known = await withPullRequest(event, github);
  const chosen = mentionTarget(settings, known, state, who, request);
  const target: RunTarget =
    chosen.kind === 'create' ? { kind: 'create', request: await withCommentImages(settings, chosen.request, body) } : chosen;
  if (target.kind === 'follow-up') tellImagesNotFollowing(settings, body);

  core.startGroup(target.kind === 'follow-up' ? 'The follow-up the agent was sent' : 'The prompt the agent was given');
  log.info(sentText(target, settings.outputSchema));
  core.endGroup();

  const reactTo: ReactionTarget | undefined =
    event.comment !== undefined
      ? { kind: event.comment.kind === 'review' ? 'review-comment' : 'issue-comment', id: event.comment.id }
      : event.name === 'issues'
        ? { kind: 'issue', number: event.thread.number }
        : undefined;
  return {
    target,
    event: known,
    mention: {
      thread: event.thread.number,
      exchange: { who, request, ...(event.comment?.url && { url: event.comment.url }) },
      state,
      ...(commentId !== undefined && { commentId }),
      ...(reactTo && { target: reactTo }),
      ...(root !== undefined && { reviewThread: root }),
    },
  };
}

/**
 * What the mention runs: a follow-up to the thread's run, whose id is checked by the rule of the
 * `run_id` input (a saved id that breaks it starts a new run instead), or a new run. The follow-up
 * carries what the thread's run must be and the new run to start when it is not (gone, or another
 * thread's): the lifecycle checks it before anything is sent.
 */
function mentionTarget(settings: Settings, event: EventInfo, state: ThreadState, who: string, request: string): RunTarget {
  const fresh = { ...settings.create, prompt: mentionPrompt(event, request, settings.standingPrompt) };
  const owner = threadOwner(event);
  if (settings.continueConversation && state.runId !== undefined && owner !== undefined) {
    try {
      const runId = checkRunId(state.runId, "run id in this thread's conversation comment");
      log.info(`Continuing this thread's conversation: the request goes to Oz run ${runId} as a follow-up.`);
      const place = event.comment?.place;
      const on = place ? ` in the review thread on ${placeText(place)}` : '';
      const message = `@${who} follows up${on}${event.comment?.url ? ` (${event.comment.url})` : ''}:\n\n${request}`;
      return { kind: 'follow-up', runId, message, thread: { owner, fresh } };
    } catch (error) {
      core.warning(`${messageOf(error)} Starting a new run.`);
    }
  }
  return { kind: 'create', request: fresh };
}

/**
 * The action's last reply in a review thread that holds a conversation: by the token's own identity
 * and starting with the marker (anyone can paste both into a reply). Each request there gets a reply
 * of its own, so no id is returned to edit.
 */
async function lastOwnReply(api: GitHubApi, binding: ThreadBinding & { reviewThread: number }) {
  const login = (await api.identity()).toLowerCase();
  const comments = await api.reviewThreadComments(binding.thread, binding.reviewThread);
  const own = comments.filter((c) => c.login.toLowerCase() === login && c.body.startsWith(CONVERSATION_MARKER)).at(-1);
  return own && { body: own.body };
}

/**
 * The thread's conversation comment (or, in a review thread, the action's last reply there) and the
 * state in it; an empty conversation when there is none, it cannot be used, or the token may not read
 * it. Throws when GitHub does not say (see below).
 */
async function readConversation(
  github: () => Promise<GitHubApi>,
  binding: ThreadBinding,
): Promise<{ state: ThreadState; commentId?: number }> {
  const empty: ThreadState = { exchanges: [], binding };
  try {
    const api = await github();
    const { reviewThread } = binding;
    if (reviewThread !== undefined) {
      const reply = await lastOwnReply(api, { ...binding, reviewThread });
      return { state: reply ? usableState(reply.body, binding) : empty };
    }
    const found = await api.findOwnComment(binding.thread, CONVERSATION_MARKER, await api.identity());
    if (!found) return { state: empty };
    return { state: usableState(found.body, binding), commentId: found.id };
  } catch (error) {
    // Refused for want of a permission: this token could not have written a conversation here either.
    const status = isGitHubApiError(error) ? error.status : 0;
    if (status === 403 || status === 404) {
      core.warning(`Could not read this thread's conversation (${messageOf(error)}); starting a new one.`);
      return { state: empty };
    }
    // Anything else (no answer, a 5xx) cannot tell whether an earlier attempt already sent this request:
    // a new agent could be a second one for it.
    throw new CodedError(
      'thread-unreadable',
      `Could not read this thread's conversation (${messageOf(error)}), so no agent was started: it could be a second one for a request an earlier attempt already sent. Re-run the job once GitHub answers.`,
      { cause: error },
    );
  }
}

/** The state in the action's comment, or an empty one, with a warning, when it cannot be used. */
function usableState(body: string, binding: ThreadBinding): ThreadState {
  const read = decodeState(body, binding);
  if (read.problem !== undefined)
    core.warning(`This thread's conversation comment was not used (${read.problem}); starting a new conversation.`);
  return read.state;
}

/**
 * The event with its pull request's head and base branches and repositories: a comment event's payload
 * has none, so the pull request is read. Without them (no token, or the read failed) the prompt says
 * the branches are unknown, and the pull request is taken for a fork's (the safe side).
 */
export async function withPullRequest(event: EventInfo, github: (() => Promise<GitHubApi>) | undefined): Promise<EventInfo> {
  const thread = event.thread;
  const known = event.headRef && event.baseRef && event.baseRepository !== undefined && event.headRepository !== undefined;
  if (!thread?.isPullRequest || known || !github) return event;
  try {
    const pull = await (await github()).pullRequest(thread.number);
    return {
      ...event,
      headRef: pull.headRef,
      baseRef: pull.baseRef,
      headRepository: pull.headRepository,
      baseRepository: pull.baseRepository,
      headSha: pull.headSha,
    };
  } catch (error) {
    core.warning(`Could not read pull request #${thread.number} for its branches (${messageOf(error)}); the prompt goes without them.`);
    return event;
  }
}
