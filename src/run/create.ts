import { CodedError, hasCode, messageOf, toError } from '../errors.ts';
import { isRetryable, mayHaveCreated } from '../oz/errors.ts';
import { raceAbort } from '../oz/sleep.ts';
import type { OzClient } from '../oz/client.ts';
import { REQUEST_ID_KEY } from '../oz/metadata.ts';
import type { CreateRunRequest, RunItem } from '../oz/types.ts';

/**
 * A create whose outcome is unknown and could not be checked: a run may exist (find it by its request
 * id), and retrying could start a second agent.
 */
export class LostCreateError extends CodedError<'lost-create'> {
  override name = 'LostCreateError';
  constructor(message: string, options?: ErrorOptions) {
    super('lost-create', message, options);
  }
}

/** Whether a failed create may have started a run after all. */
export const isLostCreate = (error: unknown): error is LostCreateError => hasCode(error, 'lost-create');

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
      const found = await lookUpLostCreate(client, requestId, uncertain, signal);
      if (found !== undefined) return (created = { runId: found.run_id, state: found.state, adopted: true });
    }
    try {
      // A create that never answers is bounded by the stop signal (timeout, cancellation) like every wait;
      // the run it may have started is found by its request id and cancelled by the caller.
      const answer = await raceAbort(client.createRunOnce(tagged, signal), signal);
      return (created = { runId: answer.run_id, state: answer.state ?? 'QUEUED', adopted: false });
    } catch (error) {
      if (mayHaveCreated(error)) uncertain = toError(error);
      throw error;
    }
  };

  try {
    return await client.withRetry('POST /agent/runs', attempt, signal, (error) => !isLostCreate(error) && isRetryable(error));
  } catch (error) {
    if (created !== undefined) return created;
    // Out of tries after an answer was lost: that try's run may exist, though no look-up found it yet.
    if (uncertain !== undefined && !signal?.aborted && !isLostCreate(error)) {
      throw new LostCreateError(
        `Creating the run failed (${messageOf(error)}) after an earlier answer was lost (${uncertain.message}), ` +
          `so a run may have been started: look for the metadata ${REQUEST_ID_KEY}=${requestId} in Oz.`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** How many pages of runs a look-up reads at most, for a server that ignores the metadata filter. */
const MAX_LOOKUP_PAGES = 10;

/**
 * The run created with `requestId`, if there is one. The list endpoint may ignore the metadata filter,
 * so every returned run's own metadata is checked, page after page: only a run that carries this
 * request id is ever returned. Throws when the runs cannot be read, or when there are more pages than
 * it reads (so the answer is not known).
 */
export async function findRunByRequestId(client: OzClient, requestId: string, signal?: AbortSignal): Promise<RunItem | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_LOOKUP_PAGES; page++) {
    const { runs, page_info } = await client.listRuns(
      { metadata: { [REQUEST_ID_KEY]: requestId }, limit: 100, ...(cursor !== undefined && { cursor }) },
      signal,
    );
    const mine = runs.find((r) => r.metadata?.[REQUEST_ID_KEY] === requestId);
    if (mine !== undefined) return mine;
    cursor = page_info?.has_next_page ? page_info.next_cursor : undefined;
    if (cursor === undefined || cursor === '') return undefined;
  }
  throw new Error(`no run carries ${REQUEST_ID_KEY}=${requestId} in the first ${MAX_LOOKUP_PAGES} pages of runs, and there are more`);
}

async function lookUpLostCreate(client: OzClient, requestId: string, cause: Error, signal?: AbortSignal): Promise<RunItem | undefined> {
  try {
    return await findRunByRequestId(client, requestId, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new LostCreateError(
      `The answer to creating the run was lost (${cause.message}), and looking for the run by its metadata ` +
        `${REQUEST_ID_KEY}=${requestId} failed (${messageOf(error)}). Not retrying, so as not to start a second agent: ` +
        `check Oz for a run with that metadata before trying again.`,
      { cause: error },
    );
  }
}
