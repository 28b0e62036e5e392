import type { OzClient } from '../oz/client.ts';
import { isRetryable, mayHaveCreated } from '../oz/errors.ts';
import { raceAbort } from '../oz/sleep.ts';
import { isTerminal, type RunItem } from '../oz/types.ts';

/** A follow-up whose delivery is unknown and could not be checked: sending it again could deliver it twice. */
export class LostFollowupError extends Error {
  override name = 'LostFollowupError';
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

/**
 * Sends `message` to a run once. `POST /followups` has no idempotency key: when an answer is lost, the
 * run is read first, and if it has moved on since the follow-up was sent, the follow-up arrived and is
 * not sent again. Returns the run as it was before, to tell its new end from the old one.
 */
export async function sendFollowupOnce(
  client: OzClient,
  runId: string,
  message: string,
  signal?: AbortSignal,
  /** The run as just read, when the caller has read it already. */
  known?: RunItem,
): Promise<RunItem> {
  const before = known ?? (await raceAbort(client.getRun(runId, signal), signal));
  let uncertain: Error | undefined;
  await client.withRetry(
    `POST /agent/runs/${runId}/followups`,
    async () => {
      if (uncertain !== undefined) {
        let now: RunItem;
        try {
          now = await client.getRun(runId, signal);
        } catch (error) {
          throw new LostFollowupError(
            `The answer to the follow-up was lost (${uncertain.message}), and reading the run to check failed (${(error as Error).message}). ` +
              'Not sending it again, so as not to deliver it twice.',
          );
        }
        if (movedOn(now, before)) return;
      }
      try {
        await raceAbort(client.followupOnce(runId, { message }), signal);
      } catch (error) {
        if (mayHaveCreated(error)) uncertain = error as Error;
        throw error;
      }
    },
    signal,
    (error) => !(error instanceof Error && error.name === 'LostFollowupError') && isRetryable(error),
  );
  return before;
}
