import { CodedError, toError } from '../errors.ts';
import type { OzClient } from '../oz/client.ts';
import { raceAbort, sleep } from '../oz/sleep.ts';
import { isTerminal, type RunItem } from '../oz/types.ts';
import { cancelRun } from './cancel.ts';
import { findRunByRequestId } from './create.ts';
import { inDebugWindow, movedOn } from './followup.ts';
import type { StopHandling } from './outcome.ts';

/** A run that may have been left live: its id, or the request id its create was tagged with; and its last read. */
export interface LeftRun {
  runId?: string;
  requestId?: string;
  /** The run as last read, when it was read just now (skips the first read). */
  run?: RunItem;
  /** The run is known to be live (it was being watched): cancel it at once, without a read first. */
  live?: true;
  /**
   * A follow-up was sent to the run, which then read `updated_at` as this: a run may show an accepted
   * follow-up only a while later, reading as it ended till then, so an end read is waited on (within
   * the budget) until the run moves on; the follow-up's turn is then cancelled like any live run.
   */
  followedUpFrom?: string;
}

export interface Settled {
  /** The run as last read (after the cancel, when one was sent). */
  run?: RunItem;
  runId?: string;
  handling: Exclude<StopHandling, { kind: 'left-running' }> | { kind: 'not-found' };
}

export interface SettleOptions {
  /** The whole time the look-up and the cancel may take. */
  budgetMs: number;
  /** How long the read after a cancel may take. */
  readAfterMs?: number;
  /** Told the run id once it is known (found by the request id). */
  onRunId?: (runId: string) => void;
  /** Told the run as read before it is cancelled. */
  onLive?: (run: RunItem) => void;
  /** How often to read the run while a follow-up has not shown yet. Default 2 s. */
  pickupEveryMs?: number;
}

/**
 * Cancels a run that was left live, shared by the lifecycle (stopped by the deadline or a signal) and
 * the post step (the main step was killed). A run known only by its request id is looked up by it:
 * only a run that carries this request id is ours, never another. An ended run is not cancelled.
 * Never throws; a look-up that fails is `unknown` (the run may be running).
 */
export async function settleLeftRun(client: OzClient, left: LeftRun, options: SettleOptions): Promise<Settled> {
  const deadline = AbortSignal.timeout(options.budgetMs);
  const startedAt = Date.now();
  let run = left.run;
  let runId = left.runId;
  try {
    if (runId === undefined && left.requestId !== undefined) {
      run = await raceAbort(findRunByRequestId(client, left.requestId, deadline), deadline);
      if (run === undefined) return { handling: { kind: 'not-found' } };
      runId = run.run_id;
      options.onRunId?.(runId);
    }
    if (runId === undefined) return { handling: { kind: 'not-found' } };
    if (run === undefined && !left.live) run = await raceAbort(client.getRun(runId, deadline), deadline);
    // A debug agent's turn leaves a failed run as it was (see inDebugWindow): nothing to wait for.
    if (run !== undefined && left.followedUpFrom !== undefined && !inDebugWindow(run)) {
      run = await takenUp(client, runId, run, left.followedUpFrom, deadline, options.pickupEveryMs ?? 2000);
    }
  } catch (error) {
    return { ...(runId !== undefined && { runId }), handling: { kind: 'unknown', error: toError(error) } };
  }
  if (run !== undefined && isTerminal(run.state)) return { run, runId, handling: { kind: 'nothing-to-cancel' } };
  if (run !== undefined) options.onLive?.(run);
  const remaining = Math.max(1000, options.budgetMs - (Date.now() - startedAt));
  const cancel = await cancelRun(client, runId, remaining);
  // One quick read so the outputs show the state after the cancel; the state before stays otherwise.
  const readAfter = AbortSignal.timeout(Math.min(remaining, options.readAfterMs ?? 3000));
  const after = await raceAbort(client.getRun(runId, readAfter), readAfter).catch(() => run);
  return { ...(after && { run: after }), runId, handling: { kind: 'cancel', cancel } };
}

/**
 * The run once it shows the follow-up sent to it (moved on from `from`: live, or a later end), read
 * every `everyMs`; throws when the deadline comes first, as the run may still take it up.
 */
async function takenUp(
  client: OzClient,
  runId: string,
  run: RunItem,
  from: string,
  deadline: AbortSignal,
  everyMs: number,
): Promise<RunItem> {
  const before: RunItem = { run_id: runId, state: run.state, updated_at: from };
  while (!movedOn(run, before)) {
    try {
      await sleep(everyMs, deadline);
      run = await raceAbort(client.getRun(runId, deadline), deadline);
    } catch (error) {
      if (!deadline.aborted) throw error;
      throw new CodedError('followup-pending', 'the run had not yet taken up the follow-up sent to it, and may still start on it', {
        cause: error,
      });
    }
  }
  return run;
}
