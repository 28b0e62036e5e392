import type { OzClient } from '../oz/client.ts';
import { isApiError } from '../oz/errors.ts';
import { raceAbort } from '../oz/sleep.ts';
import type { RunItem } from '../oz/types.ts';

/** The run a `run_id` names does not exist (404): nothing was started, so there is nothing to cancel. */
export class RunNotFoundError extends Error {
  override name = 'RunNotFoundError';
}

/**
 * Reads the existing run a `run_id` names before anything else is done with it. A 404 throws
 * RunNotFoundError, whose message names the setting (`label`) and the id; other errors go through.
 */
export async function readExistingRun(client: OzClient, runId: string, label: string, signal: AbortSignal): Promise<RunItem> {
  try {
    return await raceAbort(client.getRun(runId, signal), signal);
  } catch (error) {
    if (isApiError(error) && error.status === 404) {
      throw new RunNotFoundError(
        `Oz run '${runId}' was not found: check ${label}, which must be the id of a run this API key can read (the run_id output of the step that started it). No run was started or cancelled.`,
      );
    }
    throw error;
  }
}
