import { CodedError, hasCode } from '../errors.ts';
import type { OzClient } from '../oz/client.ts';
import { isApiError } from '../oz/errors.ts';
import { raceAbort } from '../oz/sleep.ts';
import type { RunItem } from '../oz/types.ts';

/** The existing run the settings name does not exist (404): nothing was started, so there is nothing to cancel. */
export class RunNotFoundError extends CodedError<'run-not-found'> {
  override name = 'RunNotFoundError';
  readonly runId: string;
  constructor(runId: string) {
    super('run-not-found', `Oz run '${runId}' was not found. No run was started or cancelled.`);
    this.runId = runId;
  }
}

export const isRunNotFound = (error: unknown): error is RunNotFoundError => hasCode(error, 'run-not-found');

/**
 * Reads the existing run the settings name before anything else is done with it. A 404 throws
 * RunNotFoundError (each front end says which of its settings to check); other errors go through.
 */
export async function readExistingRun(client: OzClient, runId: string, signal: AbortSignal): Promise<RunItem> {
  try {
    return await raceAbort(client.getRun(runId, signal), signal);
  } catch (error) {
    if (isApiError(error) && error.status === 404) {
      throw new RunNotFoundError(runId);
    }
    throw error;
  }
}
