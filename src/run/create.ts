import { isRetryable, mayHaveCreated } from '../oz/errors.ts';
import type { OzClient } from '../oz/client.ts';
import { REQUEST_ID_KEY } from '../oz/metadata.ts';
import type { CreateRunRequest } from '../oz/types.ts';

/** A create whose outcome is unknown and could not be checked: retrying could start a second agent. */
export class LostCreateError extends Error {
  override name = 'LostCreateError';
}

export interface CreatedRun {
  runId: string;
  state: string;
  /** True when the run was found by its request id after a lost answer, rather than from the create's answer. */
  adopted: boolean;
}

/**
 * Creates exactly one run. `POST /agent/runs` has no idempotency key, so the body carries
 * `metadata[REQUEST_ID_KEY] = requestId`; before retrying a create whose answer was lost (reset,
 * timeout or a 5xx after sending), the run is looked up by that key and adopted if it exists. When the
 * look-up itself fails, this throws LostCreateError instead of risking a second agent.
 *
 * An abort stops further tries but never throws away a run that was created meanwhile.
 */
export async function createRunExactlyOnce(
  client: OzClient,
  body: CreateRunRequest,
  requestId: string,
  signal?: AbortSignal,
): Promise<CreatedRun> {
  const tagged: CreateRunRequest = { ...body, metadata: { ...body.metadata, [REQUEST_ID_KEY]: requestId } };
  let uncertain: Error | undefined;
  let created: CreatedRun | undefined;

  const attempt = async (): Promise<CreatedRun> => {
    if (uncertain !== undefined) {
      const found = await findByRequestId(client, requestId, uncertain, signal);
      if (found !== undefined) return (created = found);
    }
    try {
      const answer = await client.createRunOnce(tagged);
      if (typeof answer?.run_id !== 'string' || answer.run_id === '') {
        throw new LostCreateError(`Oz API POST /agent/runs answered without a run_id: ${JSON.stringify(answer)?.slice(0, 200)}`);
      }
      return (created = { runId: answer.run_id, state: answer.state ?? 'QUEUED', adopted: false });
    } catch (error) {
      if (mayHaveCreated(error)) uncertain = error as Error;
      throw error;
    }
  };

  try {
    return await client.withRetry(
      'POST /agent/runs',
      attempt,
      signal,
      (error) => !(error instanceof LostCreateError) && isRetryable(error),
    );
  } catch (error) {
    if (created !== undefined) return created;
    throw error;
  }
}

async function findByRequestId(client: OzClient, requestId: string, cause: Error, signal?: AbortSignal): Promise<CreatedRun | undefined> {
  try {
    const { runs } = await client.listRuns({ metadata: { [REQUEST_ID_KEY]: requestId }, limit: 5 }, signal);
    const run = runs?.find((r) => r.metadata?.[REQUEST_ID_KEY] === undefined || r.metadata[REQUEST_ID_KEY] === requestId);
    return run === undefined ? undefined : { runId: run.run_id, state: run.state, adopted: true };
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new LostCreateError(
      `The answer to creating the run was lost (${cause.message}), and looking for the run by its metadata ` +
        `${REQUEST_ID_KEY}=${requestId} failed (${(error as Error).message}). Not retrying, so as not to start a second agent: ` +
        `check Oz for a run with that metadata before re-running this job.`,
      { cause: error },
    );
  }
}
