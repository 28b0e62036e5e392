import { toError } from '../errors.ts';
import { isApiError, isRetryable } from '../oz/errors.ts';
import type { OzClient } from '../oz/client.ts';
import { raceAbort } from '../oz/sleep.ts';

/** What came of asking Oz to cancel a run. */
export type CancelOutcome =
  /** Oz accepted the cancel. */
  | 'cancelled'
  /** 400: the run had already ended; nothing to do. */
  | 'already-ended'
  /** 422: this kind of run cannot be cancelled through the API. */
  | 'not-cancellable'
  /** Anything else, including running out of time; see `error`. */
  | 'failed';

export interface CancelResult {
  outcome: CancelOutcome;
  error?: Error;
}

/**
 * Cancels a run within `budgetMs`: a 409 (the run is PENDING) and transient failures are tried again
 * shortly; 400 means it already ended. Never throws: the caller reports the outcome.
 */
export async function cancelRun(client: OzClient, runId: string, budgetMs: number): Promise<CancelResult> {
  const deadline = AbortSignal.timeout(budgetMs);
  const retryIf = (error: unknown) => (isApiError(error) && error.status === 409) || isRetryable(error);
  try {
    await raceAbort(
      client.withRetry(`cancel run ${runId}`, () => client.cancelRunOnce(runId, deadline), deadline, retryIf),
      deadline,
    );
    return { outcome: 'cancelled' };
  } catch (error) {
    if (isApiError(error) && error.status === 400) return { outcome: 'already-ended', error };
    if (isApiError(error) && error.status === 422) return { outcome: 'not-cancellable', error };
    const cause = deadline.aborted ? new Error(`no answer within ${Math.round(budgetMs / 1000)} s`, { cause: error }) : toError(error);
    return { outcome: 'failed', error: cause };
  }
}

/** Whether a cancel leaves nothing to clean up: accepted, not needed, or impossible (only a failed one may be tried again). */
export function cancelSettles(result: CancelResult): boolean {
  return result.outcome !== 'failed';
}
