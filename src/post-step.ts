import * as core from '@actions/core';
import { makeClient, maskApiKey, reportCancel } from './action.ts';
import { cancelRun } from './cancel.ts';
import { REQUEST_ID_KEY } from './create-run.ts';
import { DEFAULT_API_BASE_URL } from './inputs.ts';
import type { RetryPolicy } from './oz-client.ts';
import { readState } from './state.ts';
import { isTerminal } from './types.ts';

export interface PostOptions {
  retry?: Partial<RetryPolicy>;
  cancelBudgetMs?: number;
}

/**
 * The post step (`post-if: always()`): when the main step ended without settling its run (it was
 * killed, or its cancel failed), cancel the run if it is still live. It only ever warns.
 */
export async function runPost(options: PostOptions = {}): Promise<void> {
  maskApiKey();
  const state = readState();
  if (state.settled || (state.runId === undefined && state.requestId === undefined)) {
    core.debug('Oz post step: nothing left to clean up.');
    return;
  }
  if (/^false$/i.test(core.getInput('cancel_on_abort'))) {
    core.info(`Oz run ${state.runId ?? '(unknown id)'} may still be running; cancel_on_abort is false, so it is left alone.`);
    return;
  }
  const apiKey = core.getInput('warp_api_key') || (process.env.WARP_API_KEY ?? '').trim();
  if (apiKey === '') {
    core.warning('Oz post step: no API key, so a run the main step left may still be running.');
    return;
  }
  const apiBaseUrl = (core.getInput('api_base_url') || DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  const client = makeClient({ apiKey, apiBaseUrl }, options.retry);

  try {
    let runId = state.runId;
    if (runId === undefined) {
      // The main step was stopped before the create answered: find the run by the id it was tagged with.
      const { runs } = await client.listRuns({ metadata: { [REQUEST_ID_KEY]: state.requestId! }, limit: 5 });
      runId = runs?.[0]?.run_id;
      if (runId === undefined) {
        core.info('Oz post step: the main step created no run.');
        return;
      }
    }
    const run = await client.getRun(runId);
    if (isTerminal(run.state)) {
      core.info(`Oz run ${runId} has ended (${run.state}); nothing to cancel.`);
      return;
    }
    core.info(`Oz run ${runId} is still ${run.state} after the main step ended; cancelling it.`);
    reportCancel(runId, await cancelRun(client, runId, options.cancelBudgetMs ?? 30_000));
  } catch (error) {
    core.warning(`Oz post step could not check the run: ${(error as Error).message}. It may still be running.`);
  }
}
