/**
 * A conversation thread's run: the run a pull request's or issue's earlier requests went to. Before
 * anything is sent to it, it must be readable and carry the thread's metadata; when it is gone (or
 * another thread's), the request starts a new run instead, and the reason is told.
 */
import type { OzClient } from '../oz/client.ts';
import { isApiError } from '../oz/errors.ts';
import { raceAbort } from '../oz/sleep.ts';
import type { CreateRunRequest, RunItem } from '../oz/types.ts';

/** What the thread's run must be, and what to start when it is not. */
export interface ThreadRun {
  /** Metadata the run must carry to be this thread's: its repository and its pull request or issue. */
  owner: Record<string, string>;
  /** The new run to start instead (without metadata: the lifecycle adds it, as for any create). */
  fresh: CreateRunRequest;
}

/** Why a thread's request started a new run instead of following up. */
export interface Restart {
  /** The thread's earlier run. */
  from: string;
  /**
   * - `gone`: the run cannot be read (404, or 403/410: retention, a key of another team);
   * - `session-gone`: the follow-up was refused with 410 Gone (the session is no longer kept);
   * - `not-this-thread`: the run's metadata names another repository, pull request or issue;
   * - `debug-window`: the run failed during setup and keeps its session only for a debug agent, where
   *   a follow-up never brings a new end.
   */
  reason: 'gone' | 'session-gone' | 'not-this-thread' | 'debug-window';
  /** The API's answer, or which metadata differed. */
  detail: string;
}

/** Statuses that say the run is not there for this key, whatever the reason. */
const GONE = [403, 404, 410];

/**
 * Reads the thread's run and checks it is this thread's. Returns the run, or why a new one must start
 * instead; other failures (a network error, a 5xx after retries) are thrown as from any read.
 */
export async function readThreadRun(
  client: OzClient,
  runId: string,
  thread: ThreadRun,
  signal: AbortSignal,
): Promise<{ run: RunItem } | { restart: Restart }> {
  let run: RunItem;
  try {
    run = await raceAbort(client.getRun(runId, signal), signal);
  } catch (error) {
    if (isApiError(error) && GONE.includes(error.status)) return { restart: { from: runId, reason: 'gone', detail: error.message } };
    throw error;
  }
  const differ = Object.entries(thread.owner).filter(([key, value]) => run.metadata?.[key] !== value);
  if (differ.length === 0) return { run };
  const detail = differ
    .map(
      ([key, value]) =>
        `${key} is ${run.metadata?.[key] === undefined ? 'missing' : JSON.stringify(run.metadata[key])}, not ${JSON.stringify(value)}`,
    )
    .join('; ');
  return { restart: { from: runId, reason: 'not-this-thread', detail } };
}

/** A follow-up refused because the run's session is no longer kept: the request must go to a new run. */
export function isSessionGone(error: unknown): boolean {
  return isApiError(error) && error.status === 410;
}
