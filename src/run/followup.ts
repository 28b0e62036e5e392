import { CodedError, hasCode, toError } from '../errors.ts';
import type { OzClient } from '../oz/client.ts';
import { isRetryable, mayHaveCreated } from '../oz/errors.ts';
import { raceAbort, sleep } from '../oz/sleep.ts';
import { isTerminal, type Conversation, type FollowupAnswer, type RunItem } from '../oz/types.ts';

/**
 * Whether a run FAILED during setup and keeps its session for debugging: a follow-up to it starts (or
 * continues) a debug agent there, and the run stays FAILED with its message, so no new end comes.
 */
export function inDebugWindow(run: RunItem): boolean {
  return run.state === 'FAILED' && run.debug_agent_available === true;
}

/** A follow-up whose delivery is unknown and could not be checked: sending it again could deliver it twice. */
export class LostFollowupError extends CodedError<'lost-followup'> {
  override name = 'LostFollowupError';
  constructor(message: string) {
    super('lost-followup', message);
  }
}

/**
 * Whether the run has moved on since `before` was read: a live state, or a later `updated_at`. After a
 * follow-up, that is how to tell it arrived, and when a terminal state read is the new end.
 */
export function movedOn(run: RunItem, before: RunItem): boolean {
  if (!isTerminal(run.state)) return true;
  const [now, then] = [Date.parse(run.updated_at ?? ''), Date.parse(before.updated_at ?? '')];
  // As instants, not strings: the same moment can be written with other precision or offsets.
  return !Number.isNaN(now) && !Number.isNaN(then) && now > then;
}

/** How a lost follow-up is looked for before it may be sent again. */
export interface PickupOptions {
  /**
   * How long a run may take to show a follow-up it accepted: an ended run can still read as ended, with
   * its old `updated_at`, for a while after it. Default 30 s.
   */
  windowMs?: number;
  /** How often to look meanwhile. Default 2 s. */
  everyMs?: number;
  /** How many root-step messages the conversation held before the follow-up, when known. */
  since?: number;
}

type Arrival = 'arrived' | 'absent' | 'unknown';

/** Whether the first line of `message` is a user message of the conversation after `since`. */
function inConversation(conversation: Conversation, message: string, since: number): boolean {
  const asked = message.trim().split('\n')[0]!.trim();
  const messages = conversation.steps.flatMap((step) => step.messages ?? []).slice(since);
  return messages.some(
    (m) => m.role === 'user' && (m.content ?? []).some((b) => b.type === 'text' && typeof b.text === 'string' && b.text.includes(asked)),
  );
}

/**
 * One look for a follow-up whose answer was lost: arrived (the run moved on, or the conversation holds
 * it), absent (the conversation is readable and does not hold it), or unknown.
 */
async function lookForFollowup(
  client: OzClient,
  runId: string,
  message: string,
  before: RunItem,
  since: number | undefined,
  signal?: AbortSignal,
): Promise<Arrival> {
  const run = await client.getRun(runId, signal).catch(() => undefined);
  if (run !== undefined && movedOn(run, before)) return 'arrived';
  if (since === undefined) return 'unknown';
  const conversation = await client.getConversation(runId, signal).catch(() => undefined);
  if (conversation === undefined) return 'unknown';
  return inConversation(conversation, message, since) ? 'arrived' : 'absent';
}

/**
 * After a lost answer: looks for the follow-up for `windowMs`, since a run may show an accepted one
 * only a little later. Resolves true when it arrived; false only when every look at the conversation
 * showed it absent for the whole window, so that sending it again is safe; otherwise throws
 * LostFollowupError rather than risk asking the agent twice.
 */
async function settleLostFollowup(
  client: OzClient,
  runId: string,
  message: string,
  before: RunItem,
  lost: Error,
  options: PickupOptions,
  signal?: AbortSignal,
): Promise<boolean> {
  const deadline = Date.now() + (options.windowMs ?? 30_000);
  let couldTell = true;
  for (;;) {
    const look = await lookForFollowup(client, runId, message, before, options.since, signal);
    if (look === 'arrived') return true;
    if (look === 'unknown') couldTell = false;
    if (Date.now() >= deadline) break;
    await sleep(Math.min(options.everyMs ?? 2000, Math.max(0, deadline - Date.now())), signal);
  }
  if (couldTell) return false;
  throw new LostFollowupError(
    `The answer to the follow-up was lost (${lost.message}), and reading the run did not show whether it arrived. ` +
      'Not sending it again, so as not to deliver it twice.',
  );
}

/**
 * Sends `message` to a run once. `POST /followups` has no idempotency key: when an answer is lost, the
 * run (and its conversation) is read until the follow-up shows up, for a while, before anything is
 * sent again (see settleLostFollowup). Returns the run as it was before, to tell its new end from the
 * old one, and the API's answer (empty when it was lost, or from a server that gave none).
 */
export async function sendFollowupOnce(
  client: OzClient,
  runId: string,
  message: string,
  signal?: AbortSignal,
  /** The run as just read, when the caller has read it already. */
  known?: RunItem,
  pickup: PickupOptions = {},
): Promise<{ before: RunItem; answer: FollowupAnswer }> {
  const before = known ?? (await raceAbort(client.getRun(runId, signal), signal));
  let uncertain: Error | undefined;
  let answer: FollowupAnswer = {};
  await client.withRetry(
    `POST /agent/runs/${runId}/followups`,
    async () => {
      if (uncertain !== undefined && (await settleLostFollowup(client, runId, message, before, uncertain, pickup, signal))) return;
      try {
        answer = await raceAbort(client.followupOnce(runId, { message }, signal), signal);
      } catch (error) {
        if (mayHaveCreated(error)) uncertain = toError(error);
        throw error;
      }
    },
    signal,
    (error) => !hasCode(error, 'lost-followup') && isRetryable(error),
  );
  return { before, answer };
}
