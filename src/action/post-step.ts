import * as core from '@actions/core';
import { messageOf } from '../errors.ts';
import { type Redaction } from './redaction.ts';
import { githubRequestBounds, type StepTimings } from './timings.ts';
import { readInputs, type StepInputs } from './inputs.ts';
import { makeClient, sayLine } from '../front/run.ts';
import { cancelLine, clause } from '../front/words.ts';
import { verdict, type RunOutcome } from '../run/outcome.ts';
import { settleLeftRun, type Settled } from '../run/settle.ts';
import { artifactsBesides } from '../run/turn.ts';
import { checkConclusion, commentMarker, Feedback } from '../github/feedback.ts';
import { readGitHubContext, workflowRunUrl } from '../github/context.ts';
import type { Settings } from '../settings/inputs.ts';
import type { Connection } from '../settings/settings.ts';
import { ACTION_WORDS } from './vocabulary.ts';
import type { OzClient } from '../oz/client.ts';
import type { RetryPolicy } from '../oz/http.ts';
import { raceAbort } from '../oz/sleep.ts';
import type { Report } from '../report/model.ts';
import { readState, type Finishing, type StepState } from './state.ts';
import { isTerminal, type RunItem } from '../oz/types.ts';
import * as log from './log.ts';

export interface PostOptions {
  retry?: Partial<RetryPolicy>;
  cancelBudgetMs?: number;
  /** How long the whole post step may take: a job must never wait long on cleanup, whatever the API does. Default 60 s. */
  budgetMs?: number;
  /** The deadline of each GitHub request. Default 10 s (see github/request.ts). */
  githubRequestTimeoutMs?: number;
}

/**
 * The post step (`post-if: always()`): when the main step ended without settling its run (it was
 * killed, or its cancel failed), cancel the run if it is still live, then finish the check run and the
 * pull request comment it left in progress. It ends within its budget and only ever warns.
 */
export async function runPost(options: PostOptions = {}): Promise<void> {
  // First, as in the main step: the same inputs parsed by the same function, their secrets masked.
  const inputs = await readInputs();
  // The debug input shows this step's requests too; a bad input was reported by the main step.
  log.showDebug(inputs.ok && inputs.settings.debug === true);
  const budgetMs = options.budgetMs ?? 60_000;
  const deadline = AbortSignal.timeout(budgetMs);
  try {
    await raceAbort(cleanUp(inputs, options, deadline), deadline);
  } catch (error) {
    if (!deadline.aborted) throw error;
    core.warning(
      `Oz post step: gave up after ${Math.round(budgetMs / 1000)} s without an answer; a run the main step left may still be running.`,
    );
  }
}

/** The parsed settings and the redaction of their secrets: what the post step works with. */
interface PostStep {
  settings: Readonly<Settings>;
  redaction: Redaction;
  /** The timings tests shorten (the GitHub requests' deadline). */
  timings: StepTimings;
}

async function cleanUp(inputs: StepInputs, options: PostOptions, deadline: AbortSignal): Promise<void> {
  const state = readState();
  const unfinished = reportUnfinished(state);
  const leftOver = [state.runId, state.requestId, state.checkRunId, state.commentId].some((v) => v !== undefined);
  if (!unfinished && (state.settled || !leftOver)) {
    core.debug('Oz post step: nothing left to clean up.');
    return;
  }
  if (!inputs.ok) return settleWithoutInputs(state, inputs, options);
  const step = { settings: inputs.settings, redaction: inputs.redaction, timings: options };
  if (reportUnfinished(state)) return finishReport(state, step, options, deadline);
  const { run, note } = await settleRun(state, step.settings, options);
  // The outcome the main step saved once the run ended, when it got that far: it knows more (a review
  // asking for changes, an answer that failed its schema) than the run's state says.
  await finishOnGitHub(state, run, note, deadline, step, state.finishing);
}

const STOPPED = 'The step was stopped before the run ended';

/**
 * The inputs went bad since the main step, which refuses bad inputs before it creates anything: only a
 * file an input names, changed or gone since, can do that. A run the main step left is still cancelled
 * when the inputs that reach the API are good (they name no file); the comment and check run are left
 * as they are, as what they would say comes from the rest.
 */
async function settleWithoutInputs(state: StepState, inputs: StepInputs & { ok: false }, options: PostOptions): Promise<void> {
  const why = `Oz post step: the inputs cannot be used (${clause(messageOf(inputs.error))})`;
  const left = !state.settled && (state.runId !== undefined || state.requestId !== undefined);
  if (!left) return core.warning(`${why}; the pull request comment or check run the main step left is not finished.`);
  if (inputs.connection === undefined) return core.warning(`${why}; a run the main step left may still be running.`);
  core.warning(
    `${why}; settling the run the main step left with the inputs that reach the API, without finishing its comment or check run.`,
  );
  await settleRun(state, inputs.connection, options);
}

/**
 * Whether the main step settled its run but did not finish its check run or comment: it was stopped
 * while writing them (no signal handler is left then), or GitHub did not answer in its time.
 */
function reportUnfinished(state: StepState): state is StepState & { finishing: Finishing } {
  const { checkRunId, commentId, finished } = state;
  const left = (checkRunId !== undefined && !finished.check) || (commentId !== undefined && !finished.comment);
  return state.settled && state.finishing !== undefined && left;
}

/** Finishes the check run and comment as the main step would have: its outcome, the run as it is now. Nothing is cancelled. */
async function finishReport(
  state: StepState & { finishing: Finishing },
  step: PostStep,
  options: PostOptions,
  deadline: AbortSignal,
): Promise<void> {
  log.info('Oz post step: the main step did not finish the check run or comment; finishing them.');
  const id = state.runId;
  const client = postClient(step.settings, options);
  const run = id ? await client.getRun(id, deadline).catch(() => undefined) : undefined;
  // Only what is left: a comment the main step finished holds more (the agent's answer) than this step knows.
  const { checkRunId, commentId, ...rest } = state;
  const left: StepState = {
    ...rest,
    ...(checkRunId !== undefined && !state.finished.check && { checkRunId }),
    ...(commentId !== undefined && !state.finished.comment && { commentId }),
  };
  await finishOnGitHub(left, run, 'The step was stopped before it had finished reporting the run here.', deadline, step, state.finishing);
}

/** A client for the API, from the step's settings. */
function postClient(settings: Connection, options: PostOptions): OzClient {
  return makeClient(settings, ACTION_WORDS, log.info, options.retry, log.debug);
}

/** Cancels the run if it is still live (the lifecycle's own settling); returns the run as last read and what happened to it. */
async function settleRun(state: StepState, settings: Connection, options: PostOptions): Promise<{ run?: RunItem; note: string }> {
  if (state.runId === undefined && state.requestId === undefined) return { note: `${STOPPED}.` };
  if (!settings.cancelOnAbort) {
    log.info(`Oz run ${state.runId ?? '(unknown id)'} may still be running; ${ACTION_WORDS.off('cancelOnAbort')}, so it is left alone.`);
    return { note: `${STOPPED}; ${ACTION_WORDS.off('cancelOnAbort')}, so the run was left running.` };
  }
  const client = postClient(settings, options);
  // The main step was stopped before the create answered: the run is found by the id it was tagged with.
  const settled = await settleLeftRun(
    client,
    {
      ...(state.runId && { runId: state.runId }),
      ...(state.requestId && { requestId: state.requestId }),
      ...(state.followedUpFrom && { followedUpFrom: state.followedUpFrom }),
    },
    {
      budgetMs: options.cancelBudgetMs ?? 30_000,
      readAfterMs: 5000,
      onLive: (run) => log.info(`Oz run ${run.run_id} is still ${run.state} after the main step ended; cancelling it.`),
    },
  );
  return { ...(settled.run && { run: settled.run }), note: tellSettled(settled) };
}

/** Logs what settling the run did, and returns the sentence for the check run and the comment. */
function tellSettled({ run, runId, handling }: Settled): string {
  switch (handling.kind) {
    case 'not-found':
      log.info('Oz post step: the main step created no run.');
      return `${STOPPED}, before any run was created.`;
    case 'unknown':
      core.warning(`Oz post step could not check the run: ${clause(handling.error.message)}. It may still be running.`);
      return `${STOPPED}; it may still be running.`;
    case 'nothing-to-cancel':
      log.info(`Oz run ${runId} has ended (${run?.state}); nothing to cancel.`);
      return `The step was stopped; the run had ended ${run?.state}.`;
    case 'cancel':
      sayLine({ info: log.info, warning: (m) => core.warning(m) }, cancelLine(runId!, handling.cancel));
      return `${STOPPED}, so the post step ${handling.cancel.outcome === 'cancelled' ? 'cancelled it' : `could not cancel it (${handling.cancel.outcome})`}.`;
  }
}

/** How the run stands for the report: ended on its own, or stopped with the step (the lifecycle's outcome, and its one word). */
function postOutcome(run: RunItem | undefined): RunOutcome {
  if (run !== undefined && isTerminal(run.state) && run.state !== 'CANCELLED') return { kind: 'ended', state: run.state };
  return { kind: 'stopped', reason: 'cancelled', phase: 'watch', handling: { kind: 'nothing-to-cancel' } };
}

/** After a follow-up, the run's artifacts split as the main step would have: its own, and earlier turns'. */
function followupArtifacts(state: StepState, run: RunItem | undefined): Pick<Report, 'followedUp' | 'artifacts' | 'earlierArtifacts'> {
  if (state.earlierArtifacts === undefined) return {};
  const turn = artifactsBesides(run, state.earlierArtifacts);
  return { followedUp: true, artifacts: turn.artifacts, earlierArtifacts: turn.earlier };
}

/** Completes the check run and finishes the comment the main step left in progress; every request ends with the step's budget. */
async function finishOnGitHub(
  state: StepState,
  run: RunItem | undefined,
  note: string,
  deadline: AbortSignal,
  { settings, redaction, timings }: PostStep,
  finishing?: Finishing,
): Promise<void> {
  const { checkRunId, commentId } = state;
  if (checkRunId === undefined && commentId === undefined) return;
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  const token = settings.githubToken;
  if (!owner || !repo || token === '') {
    core.warning('Oz post step: no github_token, so the check run or comment may still show the run in progress.');
    return;
  }
  const report: Report = {
    outcome: finishing?.outcome ?? verdict({ outcome: postOutcome(run) }),
    note,
    ...(run && { run, runId: run.run_id }),
    ...followupArtifacts(state, run),
  };
  // The agent's review asked for changes: the main step's conclusion, which the review itself is not here to give.
  const conclusion = finishing?.requestChanges ? ('failure' as const) : undefined;
  const runUrl = workflowRunUrl(readGitHubContext());
  const feedback = new Feedback({
    // Octokit is imported when first used (a chunk of its own in the bundle).
    api: async () => (await import('../github/api.ts')).createGitHubApi(token, owner, repo, githubRequestBounds(timings, deadline)),
    comment: {
      marker: commentMarker(settings.entry),
      ...(commentId !== undefined && { resumeId: commentId }),
      // A thread's conversation comment is finished as a conversation, not overwritten by one run's summary.
      ...(state.conversation && { conversation: state.conversation }),
      // A reply in a review thread is edited there.
      ...(state.reviewThread && { reviewThread: state.reviewThread }),
    },
    check: { ...(checkRunId !== undefined && { resumeId: checkRunId }), ...(conclusion && { conclusion }) },
    ...redaction,
    words: ACTION_WORDS,
    ...(runUrl && { workflowRunUrl: runUrl }),
    warn: (message) => core.warning(`Oz post step: ${message}`),
  });
  if ((await feedback.finish(report, deadline)) && checkRunId !== undefined) {
    log.info(`Completed check run ${checkRunId} (${conclusion ?? checkConclusion(report)}).`);
  }
}
