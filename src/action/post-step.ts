import * as core from '@actions/core';
import { makeClient, maskSecrets, redactPublished, redactSecrets } from './common.ts';
import { tellCancel } from '../run/lifecycle.ts';
import { cancelRun } from '../run/cancel.ts';
import { findRunByRequestId } from '../run/create.ts';
import { checkConclusion, commentMarker, Feedback } from '../github/feedback.ts';
import { readGitHubContext, workflowRunUrl } from '../github/context.ts';
import { loadGitHubApi } from '../github/loader.ts';
import { inputSource, parseApiBaseUrl, parseBoolean } from '../run/settings.ts';
import { readApiKey } from './inputs.ts';
import type { RetryPolicy } from '../oz/client.ts';
import { raceAbort } from '../oz/sleep.ts';
import type { Report } from '../report/summary.ts';
import { readState, type StepState } from './state.ts';
import { isTerminal, type RunItem } from '../oz/types.ts';
import * as log from './log.ts';

export interface PostOptions {
  retry?: Partial<RetryPolicy>;
  cancelBudgetMs?: number;
  /** How long the whole post step may take. Default 60 s (`OZ_ACTION_POST_BUDGET_SECONDS` shortens it for tests). */
  budgetMs?: number;
}

/** The post step's whole budget: a job must never wait long on cleanup, whatever the API does. */
function postBudgetMs(options: PostOptions): number {
  const seconds = Number(process.env.OZ_ACTION_POST_BUDGET_SECONDS);
  return options.budgetMs ?? (seconds > 0 ? seconds * 1000 : 60_000);
}

/**
 * The post step (`post-if: always()`): when the main step ended without settling its run (it was
 * killed, or its cancel failed), cancel the run if it is still live, then finish the check run and the
 * pull request comment it left in progress. It ends within its budget and only ever warns.
 */
export async function runPost(options: PostOptions = {}): Promise<void> {
  maskSecrets();
  // The debug input shows this step's requests too; a bad value was reported by the main step.
  log.showDebug(/^true$/i.test(core.getInput('debug')));
  const budgetMs = postBudgetMs(options);
  const deadline = AbortSignal.timeout(budgetMs);
  try {
    await raceAbort(cleanUp(options), deadline);
  } catch (error) {
    if (!deadline.aborted) throw error;
    core.warning(
      `Oz post step: gave up after ${Math.round(budgetMs / 1000)} s without an answer; a run the main step left may still be running.`,
    );
  }
}

async function cleanUp(options: PostOptions): Promise<void> {
  const state = readState();
  const leftOver = [state.runId, state.requestId, state.checkRunId, state.commentId].some((v) => v !== undefined);
  if (state.settled || !leftOver) {
    core.debug('Oz post step: nothing left to clean up.');
    return;
  }
  const { run, note } = await settleRun(state, options);
  await finishOnGitHub(state, run, note);
}

/** Cancels the run if it is still live; returns the run as last read and what happened to it. */
async function settleRun(state: StepState, options: PostOptions): Promise<{ run?: RunItem; note: string }> {
  const stopped = 'The step was stopped before the run ended';
  if (state.runId === undefined && state.requestId === undefined) return { note: `${stopped}.` };
  if (!parseBoolean(inputSource(core.getInput), 'cancel_on_abort', true)) {
    log.info(`Oz run ${state.runId ?? '(unknown id)'} may still be running; cancel_on_abort is false, so it is left alone.`);
    return { note: `${stopped}; cancel_on_abort is false, so the run was left running.` };
  }
  const apiKey = readApiKey(core.getInput);
  if (apiKey === '') {
    core.warning('Oz post step: no API key, so a run the main step left may still be running.');
    return { note: `${stopped}; it may still be running.` };
  }
  const apiBaseUrl = parseApiBaseUrl(core.getInput('api_base_url') || undefined);
  const client = makeClient({ apiKey, apiBaseUrl }, options.retry);

  try {
    let runId = state.runId;
    if (runId === undefined) {
      // The main step was stopped before the create answered: find the run by the id it was tagged with.
      // Only a run that carries this step's request id is ours: never cancel another.
      runId = (await findRunByRequestId(client, state.requestId!))?.run_id;
      if (runId === undefined) {
        log.info('Oz post step: the main step created no run.');
        return { note: `${stopped}, before any run was created.` };
      }
    }
    const run = await client.getRun(runId);
    if (isTerminal(run.state)) {
      log.info(`Oz run ${runId} has ended (${run.state}); nothing to cancel.`);
      return { run, note: `The step was stopped; the run had ended ${run.state}.` };
    }
    log.info(`Oz run ${runId} is still ${run.state} after the main step ended; cancelling it.`);
    const budget = options.cancelBudgetMs ?? 30_000;
    const cancel = await cancelRun(client, runId, budget);
    tellCancel(runId, cancel, { info: log.info, warning: (m) => core.warning(m) });
    const after = await raceAbort(client.getRun(runId), AbortSignal.timeout(Math.min(budget, 5000))).catch(() => run);
    return {
      run: after,
      note: `${stopped}, so the post step ${cancel.outcome === 'cancelled' ? 'cancelled it' : `could not cancel it (${cancel.outcome})`}.`,
    };
  } catch (error) {
    core.warning(`Oz post step could not check the run: ${(error as Error).message}. It may still be running.`);
    return { note: `${stopped}; it may still be running.` };
  }
}

/** Completes the check run and finishes the comment the main step left in progress. */
async function finishOnGitHub(state: StepState, run: RunItem | undefined, note: string): Promise<void> {
  const { checkRunId, commentId } = state;
  if (checkRunId === undefined && commentId === undefined) return;
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  const token = core.getInput('github_token');
  if (!owner || !repo || token === '') {
    core.warning('Oz post step: no github_token, so the check run or comment may still show the run in progress.');
    return;
  }
  const report: Report = {
    outcome: isTerminal(run?.state) && run?.state !== 'CANCELLED' ? (run?.state === 'SUCCEEDED' ? 'succeeded' : 'failed') : 'cancelled',
    note,
    ...(run && { run, runId: run.run_id }),
  };
  const runUrl = workflowRunUrl(readGitHubContext());
  const feedback = new Feedback({
    api: () => loadGitHubApi(token, owner, repo),
    headSha: '',
    marker: commentMarker(),
    redact: redactSecrets(),
    redactAll: redactPublished,
    ...(runUrl && { workflowRunUrl: runUrl }),
    resume: { ...(checkRunId !== undefined && { checkRunId }), ...(commentId !== undefined && { commentId }) },
    warn: (message) => core.warning(`Oz post step: ${message}`),
    // A thread's conversation comment is finished as a conversation, not overwritten by one run's summary.
    ...(state.conversation && { conversation: state.conversation }),
  });
  if ((await feedback.finish(report)) && checkRunId !== undefined) {
    log.info(`Completed check run ${checkRunId} (${checkConclusion(report)}).`);
  }
}
