import * as core from '@actions/core';
import type { Exchange, ThreadState } from '../threads/state.ts';
import type { Redact } from '../report/redact.ts';
import type { Outcome } from '../report/model.ts';

/**
 * What the main step leaves for the post step (`GITHUB_STATE`). Each write is appended to the file at
 * once, so it survives the main step being killed.
 */
export interface StepState {
  /** The run this step created or watched. */
  runId?: string;
  /** The request id tagged on the create, to find a run whose create answer never came. */
  requestId?: string;
  /** True once nothing is left for the post step to do (the run ended, was cancelled, or is meant to outlive the step). */
  settled: boolean;
  /** The check run and the comment that follow the run, for the post step to finish. */
  checkRunId?: number;
  commentId?: number;
  /** The review thread the comment is a reply in (a mention in an inline review comment): it is edited there. */
  reviewThread?: { pull: number; root: number };
  /** With trigger_phrase: the thread's conversation and the request being answered, for the post step to finish its comment. */
  conversation?: { state: ThreadState; exchange: Exchange };
  /** After a follow-up: the keys (run/turn.ts) of the artifacts the run had before it, none of them this step's. */
  earlierArtifacts?: string[];
  /**
   * After a follow-up: the run's `updated_at` before it. A run may show an accepted follow-up only a
   * while later, reading as it ended till then: the post step waits for it to move on before it
   * takes it for ended (run/settle.ts).
   */
  followedUpFrom?: string;
  /**
   * Saved as the main step begins its last writes on GitHub: how it reports the run (its outcome, and
   * whether the agent's review asked for changes), for a post step to finish them if it cannot.
   */
  finishing?: Finishing;
  /** What of the comment and the check run the main step has finished (GitHub answered its final update). */
  finished: { comment: boolean; check: boolean };
}

/** How the main step reports a settled run on GitHub: what the post step needs to finish the same way. */
export interface Finishing {
  outcome: Outcome;
  requestChanges: boolean;
}

const KEYS = {
  runId: 'oz_run_id',
  requestId: 'oz_request_id',
  settled: 'oz_settled',
  checkRunId: 'oz_check_run_id',
  commentId: 'oz_comment_id',
  conversation: 'oz_conversation',
  reviewThread: 'oz_review_thread',
  earlierArtifacts: 'oz_earlier_artifacts',
  followedUpFrom: 'oz_followed_up_from',
  finishing: 'oz_finishing',
  commentFinished: 'oz_comment_finished',
  checkFinished: 'oz_check_finished',
} as const;

export function saveRunId(runId: string, redact: Redact): void {
  // The id comes from the API: like all its text, it is kept out of files if it carries a secret.
  core.saveState(KEYS.runId, redact(runId));
}

export function saveRequestId(requestId: string): void {
  core.saveState(KEYS.requestId, requestId);
}

export function saveConversation(conversation: { state: ThreadState; exchange: Exchange }, redact: Redact): void {
  // Base64: the text is the agent's and the commenters', kept whole and out of the state file's syntax.
  core.saveState(KEYS.conversation, Buffer.from(redact(JSON.stringify(conversation)), 'utf8').toString('base64'));
}

export function saveReviewThread(thread: { pull: number; root: number }): void {
  core.saveState(KEYS.reviewThread, `${thread.pull} ${thread.root}`);
}

/**
 * Saved when the API took the follow-up: the run's artifacts before it, so a post step that finishes
 * the check run shows only this step's, and its `updated_at`, so a post step knows the follow-up's
 * turn from the end before it.
 */
export function saveFollowedUp(keys: string[], updatedAt: string | undefined, redact: Redact): void {
  // Ids and URLs from the API: kept out of the file if one carries a secret, like the run id.
  core.saveState(KEYS.earlierArtifacts, Buffer.from(redact(JSON.stringify(keys)), 'utf8').toString('base64'));
  // A time the API wrote: only a well-formed one is kept.
  if (updatedAt !== undefined && !Number.isNaN(Date.parse(updatedAt)))
    core.saveState(KEYS.followedUpFrom, new Date(updatedAt).toISOString());
}

export function saveFinishing(finishing: Finishing): void {
  core.saveState(KEYS.finishing, JSON.stringify(finishing));
}

export function markFinished(part: 'comment' | 'check'): void {
  core.saveState(part === 'comment' ? KEYS.commentFinished : KEYS.checkFinished, 'true');
}

export function saveCheckRunId(id: number): void {
  core.saveState(KEYS.checkRunId, String(id));
}

export function saveCommentId(id: number): void {
  core.saveState(KEYS.commentId, String(id));
}

export function markSettled(): void {
  core.saveState(KEYS.settled, 'true');
}

export function readState(): StepState {
  const runId = core.getState(KEYS.runId);
  const requestId = core.getState(KEYS.requestId);
  const checkRunId = Number(core.getState(KEYS.checkRunId));
  const commentId = Number(core.getState(KEYS.commentId));
  const conversation = readConversation(core.getState(KEYS.conversation));
  const earlierArtifacts = readKeys(core.getState(KEYS.earlierArtifacts));
  const followedUpFrom = core.getState(KEYS.followedUpFrom);
  const finishing = readFinishing(core.getState(KEYS.finishing));
  const [pull, root] = core.getState(KEYS.reviewThread).split(' ').map(Number);
  return {
    ...(pull! > 0 && root! > 0 && { reviewThread: { pull: pull!, root: root! } }),
    ...(finishing && { finishing }),
    finished: { comment: core.getState(KEYS.commentFinished) === 'true', check: core.getState(KEYS.checkFinished) === 'true' },
    ...(conversation && { conversation }),
    ...(earlierArtifacts && { earlierArtifacts }),
    ...(!Number.isNaN(Date.parse(followedUpFrom)) && { followedUpFrom }),
    ...(runId && { runId }),
    ...(requestId && { requestId }),
    settled: core.getState(KEYS.settled) === 'true',
    ...(checkRunId > 0 && { checkRunId }),
    ...(commentId > 0 && { commentId }),
  };
}

function readConversation(text: string): StepState['conversation'] {
  if (text === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as StepState['conversation'];
    return parsed && Array.isArray(parsed.state?.exchanges) && typeof parsed.exchange?.request === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function readKeys(text: string): string[] | undefined {
  if (text === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
    return Array.isArray(parsed) && parsed.every((key) => typeof key === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function readFinishing(text: string): Finishing | undefined {
  if (text === '') return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<Finishing>;
    return typeof parsed.outcome === 'string' && typeof parsed.requestChanges === 'boolean'
      ? { outcome: parsed.outcome, requestChanges: parsed.requestChanges }
      : undefined;
  } catch {
    return undefined;
  }
}
