import { randomUUID } from 'node:crypto';
import { relative } from 'node:path';
import type { OzClient } from '../oz/client.ts';
import { REQUEST_ID_KEY } from '../oz/metadata.ts';
import { raceAbort } from '../oz/sleep.ts';
import { isTerminal, type Conversation, type CreateRunRequest, type RunItem } from '../oz/types.ts';
import { Budget } from './budget.ts';
import { cancelRun, type CancelResult } from './cancel.ts';
import { saveArtifacts } from './artifacts.ts';
import { ConversationWatcher, finalAnswer, type AnswerStart } from './conversation.ts';
import { createRunExactlyOnce, findRunByRequestId, isLostCreate } from './create.ts';
import { readExistingRun } from './existing.ts';
import { movedOn, sendFollowupOnce } from './followup.ts';
import { isSessionGone, readThreadRun, type Restart } from './thread.ts';
import { structuredOutput, type StructuredOutput } from './structured.ts';
import type { RunSettings } from './settings.ts';
import { isStopSignal } from './stop.ts';
import { PollSchedule, watchRun } from './watch.ts';

/** How a run went, as far as the front end is concerned. */
export type RunOutcome =
  /** The run reached SUCCEEDED. */
  | 'succeeded'
  /** The run reached FAILED, ERROR, BLOCKED or CANCELLED. */
  | 'failed'
  /** The timeout passed first. */
  | 'timeout'
  /** The workflow or the process was cancelled first. */
  | 'cancelled'
  /** `wait: false`: the run was started and left running. */
  | 'started'
  /** The run reached SUCCEEDED, but `output_schema` found no valid JSON object in its final answer. */
  | 'invalid_output'
  /** Following the run failed (bad answer, lost create, read failure). */
  | 'error'
  /** The check before the run found a reason not to start it: no run exists. */
  | 'not_started'
  /** The run's reported usage passed `max_credits`, so it was cancelled. */
  | 'budget_exceeded';

export interface RunResult {
  outcome: RunOutcome;
  /** The last run read; missing when the run was never read. */
  run?: RunItem;
  runId?: string;
  /** One sentence on the outcome (cancel result, error...). */
  note?: string;
  /** True once nothing is left to clean up: the run ended, was cancelled, or is meant to outlive us. */
  settled: boolean;
  /** The agent's final answer; empty when the API has none. */
  agentOutput?: string;
  /** With `output_schema`: the valid object, or what is wrong with it. */
  structured?: StructuredOutput;
  /** With `artifacts_path`: the files written, relative to `workspace`, with forward slashes. */
  downloadedFiles?: string[];
  /** True when a follow-up went to an existing run (`followup`). */
  followedUp?: boolean;
  /** With the `json` output format: the run's normalized conversation, as the API gave it. */
  conversation?: Conversation;
  /** A thread's request that went to a new run instead of the thread's run, and why. */
  restarted?: Restart;
  /** True when a create may have started a run that was never found (its answer was lost): never "no run started". */
  mayExist?: boolean;
}

/** What the run's lifecycle tells its front end as it goes. Text from the API is in these messages: the front end neutralises it. */
export interface RunEvents {
  info: (message: string) => void;
  warning: (message: string) => void;
  /** The request id the create is tagged with, told before the create is sent. */
  requestId?: (id: string) => void;
  /** The run this lifecycle follows, once known. */
  runId?: (id: string) => void;
  /** A thread's run could not take the request (see `RunResult.restarted`): a new run is started for it. */
  restarted?: (why: Restart) => void;
  /** The run was created (or found), or changed state. */
  progress?: (run: Pick<RunItem, 'state' | 'title' | 'session_link'> & { run_id?: string }) => void;
  /** The run changed state (`previous` undefined for the first read), `elapsedMs` after the start. */
  stateChange?: (run: RunItem, previous: string | undefined, elapsedMs: number) => void;
  /** Where to watch the agent, told once, when the API first gives it. */
  sessionLink?: (url: string) => void;
  /** Something the agent did or said (`command: npm test`), once each, `elapsedMs` after the start. */
  activity?: (line: string, elapsedMs: number) => void;
  /** Details for a debug log. */
  debug?: (message: string) => void;
}

/** Knobs for tests and the simulator; users never set them. */
export interface LifecycleOptions {
  /** How long a cancel may take after a signal (the runner kills the step soon after). */
  signalCancelBudgetMs?: number;
  /** How long a cancel may take after the timeout. */
  timeoutCancelBudgetMs?: number;
  artifactGraceMs?: number;
  random?: () => number;
  /** How the user knows a setting, for messages (`timeout_minutes` or `--timeout-minutes`). */
  label?: (name: string) => string;
  /** How to say a true/false setting is turned off (`wait is false`, or `--no-wait is set`). */
  off?: (name: string) => string;
  /** What a cancellation is, in the front end's words ('The workflow was cancelled'). */
  cancelled?: string;
  /** When the front end started, for elapsed times in the log. */
  startedAt?: number;
  /** How long a follow-up whose answer was lost is looked for before it may be sent again. Default 30 s. */
  followupPickupMs?: number;
  /** How often the conversation is read for progress while the run is live. Default 60 s. */
  conversationIntervalMs?: number;
  /** When the first of those reads comes, after the run is first seen working. Default 15 s. */
  firstConversationReadMs?: number;
  /** The User-Agent of artifact downloads. */
  userAgent?: string;
  /** Where later steps resolve paths from: saved files are named relative to it. Default the working directory. */
  workspace?: string;
}

/** Tells a cancel's outcome; returns whether the run is taken care of (nothing left to clean up). */
export function tellCancel(runId: string, result: CancelResult, events: Pick<RunEvents, 'info' | 'warning'>): boolean {
  switch (result.outcome) {
    case 'cancelled':
      events.info(`Cancelled Oz run ${runId}.`);
      return true;
    case 'already-ended':
      events.info(`Oz run ${runId} had already ended; nothing to cancel.`);
      return true;
    case 'not-cancellable':
      // Seen with self-hosted runs (the SDK documents a 422 for them): say it as it is, not as a glitch.
      events.warning(
        `Oz refused to cancel run ${runId}: it cannot be cancelled through the API (${result.error?.message}). ` +
          'Runs on a self-hosted worker may refuse a cancel. It may keep running: stop it from Oz or from its worker.',
      );
      return true;
    case 'failed':
      events.warning(`Could not cancel Oz run ${runId}: ${result.error?.message}. It may keep running.`);
      return false;
  }
}

/** What came of the cancel, as the end of a sentence ("..., so the run was cancelled"). */
function cancelNote(cancel: CancelResult): string {
  if (cancel.outcome === 'cancelled') return 'the run was cancelled';
  if (cancel.outcome === 'not-cancellable') return 'a cancel was sent, and Oz refused it: the run may keep running';
  return `the run was not cancelled (${cancel.outcome})`;
}

/**
 * Stopped while a create had no answer yet: the run may exist. Finds it by its request id (only ours)
 * and cancels it, within `budgetMs`. Returns whether nothing is left to clean up.
 */
async function cancelUnansweredCreate(
  client: OzClient,
  requestId: string,
  budgetMs: number,
  events: RunEvents,
  result: RunResult,
): Promise<void> {
  const deadline = AbortSignal.timeout(budgetMs);
  let run: RunItem | undefined;
  try {
    run = await raceAbort(findRunByRequestId(client, requestId, deadline), deadline);
  } catch (error) {
    events.warning(`Could not check whether the unanswered create started a run: ${(error as Error).message}. It may be running.`);
    return;
  }
  // Not found: the create may still land, so it is left unsettled for a later look (the post step's).
  if (run === undefined) return;
  result.runId = run.run_id;
  result.run = run;
  events.runId?.(run.run_id);
  if (isTerminal(run.state)) {
    result.settled = true;
    return;
  }
  result.settled = tellCancel(run.run_id, await cancelRun(client, run.run_id, Math.max(1000, budgetMs - 1000)), events);
}

/**
 * A create whose answer was lost and whose look-up failed: the run may exist. One more look (the API
 * may have recovered), and a cancel when it is found; otherwise the result says a run may exist.
 */
async function settleLostCreate(
  client: OzClient,
  requestId: string,
  cancelOnAbort: boolean,
  budgetMs: number,
  events: RunEvents,
  result: RunResult,
): Promise<void> {
  if (cancelOnAbort) await cancelUnansweredCreate(client, requestId, budgetMs, events, result);
  if (result.runId !== undefined) return;
  result.mayExist = true;
  events.warning(`A run may have been started and was not found: look for the metadata ${REQUEST_ID_KEY}=${requestId} in Oz.`);
}

/**
 * The whole trustworthy loop, shared by the action and the CLI: create exactly one run (or pick up
 * `settings.runId`), watch it to its end within `stop` (timeout and signals), cancel it when stopped
 * (unless `cancelOnAbort` is false) or when following it fails, and say how it went. Never throws.
 */
export async function startAndWatch(
  client: OzClient,
  settings: RunSettings,
  metadata: Record<string, string>,
  stop: AbortSignal,
  events: RunEvents,
  options: LifecycleOptions = {},
): Promise<RunResult> {
  const label = options.label ?? ((name: string) => name);
  const off = options.off ?? ((name: string) => `${label(name)} is false`);
  const cancelled = options.cancelled ?? 'The workflow was cancelled';
  const startedAt = options.startedAt ?? Date.now();
  const result: RunResult = { outcome: 'error', settled: false };
  let requestId: string | undefined;
  let conversation: ConversationWatcher | undefined;
  /** The one reader of the run's conversation: progress while it works, and its answer at the end. */
  const conversationOf = (runId: string) =>
    (conversation ??= new ConversationWatcher(
      client,
      runId,
      options.conversationIntervalMs ?? 60_000,
      events.debug ?? (() => {}),
      options.firstConversationReadMs,
    ));
  /** The run as it was before a follow-up: its end is not the new one. */
  let followedUpFrom: RunItem | undefined;
  /** Where the follow-up's answer starts in the conversation: the answer before it is not its own. */
  let answerStart: AnswerStart | undefined;

  try {
    let runId = settings.runId;
    let startState = '';
    if (settings.create && !(await checkBeforeCreate(client, settings, events, { label, off }, stop, result))) return result;
    const create = async (request: CreateRunRequest) => {
      requestId = randomUUID();
      events.requestId?.(requestId);
      const created = await createRunExactlyOnce(client, { ...request, metadata }, requestId, stop);
      result.runId = created.runId;
      events.runId?.(created.runId);
      events.info(
        `Created Oz run ${created.runId} (${created.state})${created.adopted ? ', found again after its create answer was lost' : ''}.`,
      );
      events.progress?.({ run_id: created.runId, state: created.state, ...(request.title && { title: request.title }) });
      return { runId: created.runId, state: created.state };
    };
    /** The thread's run cannot take the request: a new run does, and the front end says why. */
    const restart = (why: Restart) => {
      result.restarted = why;
      events.restarted?.(why);
      conversation = undefined;
      answerStart = undefined;
      return create(settings.thread!.fresh);
    };
    if (settings.create) {
      ({ runId, state: startState } = await create(settings.create));
    } else if (runId !== undefined) {
      const thread = settings.thread;
      // A thread's run is checked before anything is sent to it: still there, and this thread's. Any other
      // run that does not exist is a mistake in the settings: found before it is taken as ours to watch or cancel.
      const checked = thread
        ? await readThreadRun(client, runId, thread, stop)
        : { run: await readExistingRun(client, runId, label('run_id'), stop) };
      if ('restart' in checked) {
        ({ runId, state: startState } = await restart(checked.restart));
      } else {
        result.runId = runId;
        events.runId?.(runId);
        if (settings.followup !== undefined) {
          // What the agent said before this follow-up is not its answer, nor news: read it first, to take only what comes after.
          await conversationOf(runId).poll(stop, true);
          answerStart = conversationOf(runId).answerStart(settings.followup);
          try {
            followedUpFrom = await sendFollowupOnce(client, runId, settings.followup, stop, checked.run, {
              ...(answerStart && 'messages' in answerStart && { since: answerStart.messages }),
              ...(options.followupPickupMs !== undefined && { windowMs: options.followupPickupMs }),
            });
            result.followedUp = true;
            events.info(`Sent a follow-up to Oz run ${runId} (${followedUpFrom.state}); watching it to its new end.`);
          } catch (error) {
            if (thread === undefined || !isSessionGone(error)) throw error;
            ({ runId, state: startState } = await restart({ from: runId, reason: 'session-gone', detail: (error as Error).message }));
          }
        } else {
          events.info(`Watching existing Oz run ${runId}.`);
        }
      }
    }
    const id = runId!;

    if (!settings.wait) {
      result.settled = true;
      result.outcome = 'started';
      result.note = `${off('wait')}: the run goes on after this step. Watch it in another step with ${label('run_id')}.`;
      try {
        result.run = await raceAbort(client.getRun(id, stop), stop);
        if (result.run.session_link) events.sessionLink?.(result.run.session_link);
      } catch (error) {
        // The run exists and is meant to go on: a failed read only leaves some outputs empty.
        events.warning(`Could not read Oz run ${id}: ${(error as Error).message}`);
        result.run = { run_id: id, state: startState };
      }
      return result;
    }

    let linkShown = false;
    const progress = conversationOf(id);
    const budget = settings.maxCredits === undefined ? undefined : new Budget(settings.maxCredits);
    const watched = await watchRun({
      client,
      runId: id,
      schedule: new PollSchedule(settings.pollIntervalMs, settings.maxPollIntervalMs, options.random),
      signal: budget ? AbortSignal.any([stop, budget.signal]) : stop,
      ...(options.artifactGraceMs !== undefined && { artifactGraceMs: options.artifactGraceMs }),
      onStateChange: (run, previous) => {
        events.stateChange?.(run, previous, Date.now() - startedAt);
        events.progress?.(run);
        if (!linkShown && run.session_link) {
          linkShown = true;
          events.sessionLink?.(run.session_link);
        }
      },
      onUnknownState: (state) =>
        events.warning(`Oz reported the state ${state}, which this action does not know yet; treating it as still running.`),
      onReadError: (error) => events.warning(`Could not read Oz run ${id}: ${error.message}. Still watching.`),
      // After a follow-up, an end read before the run picked it up is the old end: keep watching.
      ...(followedUpFrom !== undefined && {
        isNewEnd: (() => {
          let picked = false;
          const before = followedUpFrom;
          return (run: RunItem) => (picked ||= movedOn(run, before));
        })(),
      }),
      // While the agent works, what it does, from its conversation (at most once per interval).
      ...((settings.logProgress || budget) && {
        // Beside the watch, never in its way: a read that hangs cannot delay a state read, the timeout or a signal.
        onLiveRead: (run: RunItem) => {
          budget?.check(run);
          if (settings.logProgress && run.state !== 'QUEUED' && run.state !== 'PENDING') {
            progress.pollInBackground(stop, (items) => {
              for (const item of items) events.activity?.(item.line, Date.now() - startedAt);
            });
          }
          return Promise.resolve();
        },
      }),
    });
    if (budget?.exceeded) return await stopForBudget(client, id, budget, watched.run, label, events, result, options);
    if (watched.run) result.run = watched.run;
    if (watched.failed) throw watched.failed;

    if (watched.stopped) {
      result.outcome = watched.stopped;
      const why =
        watched.stopped === 'timeout'
          ? `The run did not end within ${label('timeout_minutes')} (${settings.timeoutMs / 60_000})`
          : cancelled;
      if (!settings.cancelOnAbort) {
        result.settled = true;
        result.note = `${why}; ${off('cancel_on_abort')}, so the run was left running.`;
        return result;
      }
      const budget = watched.stopped === 'timeout' ? (options.timeoutCancelBudgetMs ?? 30_000) : (options.signalCancelBudgetMs ?? 5000);
      const cancel = await cancelRun(client, id, budget);
      result.settled = tellCancel(id, cancel, events);
      result.note = `${why}, so ${cancelNote(cancel)}.`;
      // One quick read so the outputs show the state after the cancel.
      try {
        const quick = AbortSignal.timeout(Math.min(budget, 3000));
        result.run = await raceAbort(client.getRun(id, quick), quick);
      } catch {
        // The state before the cancel stays in the result.
      }
      return result;
    }

    result.settled = true;
    result.outcome = watched.run?.state === 'SUCCEEDED' ? 'succeeded' : 'failed';
  } catch (error) {
    if (isStopSignal(error)) {
      result.outcome = error.reason;
      // Stopped before the watch: while creating the run, or before a follow-up to an existing one was sent.
      const what = settings.create ? 'the run was created' : 'the follow-up was sent';
      result.note =
        error.reason === 'timeout'
          ? `The run could not be ${settings.create ? 'created' : 'followed up'} within ${label('timeout_minutes')}.`
          : `${cancelled} before ${what}.`;
      if (requestId !== undefined && settings.cancelOnAbort) {
        const budget = error.reason === 'timeout' ? (options.timeoutCancelBudgetMs ?? 30_000) : (options.signalCancelBudgetMs ?? 5000);
        await cancelUnansweredCreate(client, requestId, budget, events, result);
      }
      if (requestId !== undefined && result.runId === undefined) result.mayExist = true;
    } else if (isLostCreate(error)) {
      result.outcome = 'error';
      result.note = error.message;
      await settleLostCreate(client, requestId!, settings.cancelOnAbort, options.timeoutCancelBudgetMs ?? 30_000, events, result);
    } else {
      result.outcome = 'error';
      result.note = (error as Error).message;
      // Following the run failed while it may still be live: do not leave an agent behind.
      if (result.runId && !isTerminal(result.run?.state) && settings.cancelOnAbort && settings.wait) {
        result.settled = tellCancel(result.runId, await cancelRun(client, result.runId, options.timeoutCancelBudgetMs ?? 30_000), events);
      }
    }
  }
  if (isTerminal(result.run?.state)) result.settled = true;
  if (result.runId !== undefined) {
    await whatTheAgentDid(settings, result, conversationOf(result.runId), client, events, { ...options, startedAt, answerStart, stop });
  }
  return result;
}

/** The budget was passed: cancel the run (whatever cancel_on_abort says: it is what the budget is for) and say so. */
async function stopForBudget(
  client: OzClient,
  id: string,
  budget: Budget,
  last: RunItem | undefined,
  label: (name: string) => string,
  events: RunEvents,
  result: RunResult,
  options: LifecycleOptions,
): Promise<RunResult> {
  const budgetMs = options.timeoutCancelBudgetMs ?? 30_000;
  const cancel = await cancelRun(client, id, budgetMs);
  result.settled = tellCancel(id, cancel, events);
  result.outcome = 'budget_exceeded';
  result.note = `${budget.describe(label('max_credits'))} ${cancel.outcome === 'cancelled' ? 'The run was cancelled.' : `The run was not cancelled (${cancel.outcome}).`}`;
  if (last) result.run = last;
  try {
    result.run = await raceAbort(client.getRun(id), AbortSignal.timeout(Math.min(budgetMs, 3000)));
  } catch {
    // The run as last read stays in the result.
  }
  return result;
}

/**
 * The catalogue check before a create (`preflight`), loaded only when it has something to check.
 * Returns false, with the result filled in, when it found a reason not to start the run.
 */
async function checkBeforeCreate(
  client: OzClient,
  settings: RunSettings,
  events: RunEvents,
  wording: { label: (name: string) => string; off: (name: string) => string },
  stop: AbortSignal,
  result: RunResult,
): Promise<boolean> {
  const create = settings.create!;
  const needed =
    create.config?.model_id !== undefined ||
    create.config?.environment_id !== undefined ||
    /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+:/.test(create.skill ?? '');
  if (settings.preflight === false || !needed) return true;
  const { preflight } = await import('#preflight');
  const found = await preflight(client, create, wording.label, stop);
  for (const note of found.notes) events.debug?.(note);
  for (const warning of found.warnings) events.warning(warning);
  if (found.problems.length === 0) return true;
  result.outcome = 'not_started';
  result.settled = true;
  result.note = `Not started: ${found.problems.join(' ')} (Checked before the run, a check skipped when ${wording.off('preflight')}.)`;
  return false;
}

/** Long enough for a few reads with retries; the run has ended (or been left) by now. */
const AFTER_RUN_BUDGET_MS = 60_000;
/** After a stop (timeout or signal) the step is expected to end within a few seconds: one quick look. */
const AFTER_STOP_BUDGET_MS = 3000;

/**
 * After the run: its final answer (also when it failed), the rest of its activity, the structured
 * output checked against `output_schema`, and its files saved under `artifacts_path`. None of it can
 * hang the step: each part is bounded, and a failure is a warning.
 */
async function whatTheAgentDid(
  settings: RunSettings,
  result: RunResult,
  reader: ConversationWatcher,
  client: OzClient,
  events: RunEvents,
  options: LifecycleOptions & { startedAt: number; answerStart: AnswerStart | undefined; stop: AbortSignal },
): Promise<void> {
  // A stop that comes now (the run has ended) aborts what is in flight; after one, there is only a quick look.
  const deadline = options.stop.aborted
    ? AbortSignal.timeout(AFTER_STOP_BUDGET_MS)
    : AbortSignal.any([options.stop, AbortSignal.timeout(AFTER_RUN_BUDGET_MS)]);
  const items = await raceAbort(reader.poll(deadline, true), deadline).catch(() => []);
  if (settings.logProgress) for (const item of items) events.activity?.(item.line, Date.now() - options.startedAt);
  result.agentOutput = finalAnswer(reader.latest, options.answerStart);
  if (settings.outputFormat === 'json' && reader.latest !== undefined) result.conversation = reader.latest;

  const ended = isTerminal(result.run?.state);
  if (settings.outputSchema !== undefined && ended) {
    result.structured = await structuredOutput(result.agentOutput, settings.outputSchema);
    if (!result.structured.ok && result.outcome === 'succeeded') {
      result.outcome = 'invalid_output';
      result.note = `The run succeeded, but its final answer has no valid structured output: ${result.structured.errors.join('; ')}.`;
    }
  }
  if (settings.artifactsPath !== undefined && ended) {
    const written = await saveArtifacts(client, result.run?.artifacts ?? [], settings.artifactsPath, {
      userAgent: options.userAgent ?? 'oz-agent-action',
      signal: deadline,
      warn: events.warning,
    }).catch((error: unknown) => {
      events.warning(`Could not save the run's files: ${(error as Error).message}`);
      return [];
    });
    const workspace = options.workspace ?? process.cwd();
    result.downloadedFiles = written.map((file) => relative(workspace, file).split('\\').join('/'));
  }
}
