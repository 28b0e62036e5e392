import { hasCode, messageOf, toError } from '../errors.ts';
import { randomUUID } from 'node:crypto';
import { relative } from 'node:path';
import type { OzClient } from '../oz/client.ts';
import { isApiError } from '../oz/errors.ts';
import { raceAbort } from '../oz/sleep.ts';
import type { SettingKey } from '../names.ts';
import { isTerminal, type Artifact, type CreateRunRequest, type RunItem } from '../oz/types.ts';
import { Budget } from './credits.ts';
import { cancelRun, type CancelResult } from './cancel.ts';
import { ConversationWatcher, finalAnswer, type ActivityItem, type AnswerStart } from './transcript.ts';
import { saveArtifacts } from './artifacts.ts';
import { preflight } from './preflight.ts';
import { createRunExactlyOnce, isLostCreate } from './create.ts';
import { readExistingRun } from './existing.ts';
import { inDebugWindow, movedOn, sendFollowupOnce } from './followup.ts';
import { conclude, type Cleanup, type Finding, type RunResult } from './outcome.ts';
import { asSent, type RunPlan } from './plan.ts';
import { harnessTokens as tokensOf } from '../oz/usage.ts';
import { settleLeftRun, type LeftRun } from './settle.ts';
import { SetupWatcher } from './setup.ts';
import { isSessionGone, readThreadRun, type Restart } from '../threads/run.ts';
import { structuredOutput } from './structured.ts';
import { artifactsOfTurn } from './turn.ts';
import type { RunSettings } from '../settings/settings.ts';
import { isStopSignal, type StopReason } from './stop.ts';
import { PollSchedule, watchRun, type WatchResult } from './watch.ts';

export type { RunOutcome, RunResult } from './outcome.ts';

/** Something the lifecycle did or saw that the user should hear of: a fact, which each front end words its own way. */
export type RunNotice =
  /** The run was created, or found again by its request id after the create's answer was lost (`adopted`). */
  | { kind: 'created'; runId: string; state: string; adopted: boolean }
  /** A follow-up went to the run, which was `state` before it. */
  /**
   * A follow-up went to the run, which was `state` before it; `outcome` is how the API says it took it
   * (when it says), `debugging` when a debug agent took it in a failed run's kept session (no new end comes).
   */
  | { kind: 'followed-up'; runId: string; state: string; outcome?: string; debugging: boolean }
  /** An existing run is watched, nothing sent. */
  | { kind: 'watching'; runId: string }
  /** A cancel was asked for. */
  | { kind: 'cancel'; runId: string; cancel: CancelResult }
  /** The API reported a state this version does not know; it is treated as live. */
  | { kind: 'unknown-state'; state: string }
  /** A read of the run failed; `stillWatching` when the watch goes on. */
  | { kind: 'read-failed'; runId: string; error: Error; stillWatching: boolean }
  /** Stopped while a create had no answer, and whether it started a run could not be found out. */
  | { kind: 'create-unknown'; error: Error }
  /** A create whose answer was lost may have started a run that was never found: it carries this request id. */
  | { kind: 'may-exist'; requestId: string }
  /** The run ended before its agent started: its environment's setup stopped while `phase` was under way. */
  | { kind: 'setup-failed'; runId: string; state: string; phase: string }
  /** The run's files could not be saved. */
  | { kind: 'save-failed'; error: Error };

/** What the run's lifecycle tells its front end as it goes. Text from the API is in these: the front end neutralises it. */
export interface RunEvents {
  /** Facts to tell the user, in the front end's words. */
  notice: (notice: RunNotice) => void;
  /** A warning worded by a part of the core (a file that could not be saved). */
  warning: (message: string) => void;
  /** The request id the create is tagged with, told before the create is sent. */
  requestId?: (id: string) => void;
  /** The run this lifecycle follows, once known. */
  runId?: (id: string) => void;
  /**
   * The API took a follow-up; `before` is the run as read just before it (its artifacts are earlier
   * turns', its `updated_at` tells the follow-up's turn from the end before it: see settle.ts,
   * `followedUpFrom`). Told once it was taken, not before: a turn that moves the run on is then this
   * step's, not another workflow's follow-up taken for it.
   */
  followedUp?: (before: RunItem) => void;
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
  /** How the front end names a setting, for the catalogue check's findings (its vocabulary's `setting`). */
  setting?: (key: SettingKey) => string;
}

/** One lifecycle's parts, shared by its phases. */
interface Lifecycle {
  client: OzClient;
  settings: Readonly<RunSettings>;
  /** The plan's JSON Schema of the answer (see RunPlan). */
  outputSchema: Record<string, unknown> | undefined;
  stop: AbortSignal;
  events: RunEvents;
  options: LifecycleOptions;
  startedAt: number;
  /**
   * What is known so far, for the phase after one that threw: the request id a create was tagged
   * with, the run's id once known, and a thread's restart. Each is told to the front end as it is learnt.
   */
  trail: Trail;
  /** The one reader of the run's conversation: progress while it works, and its answer at the end. */
  conversation: () => ConversationWatcher;
  /** Drops the reader (a thread's request went to a new run): the next use reads the new run. */
  forget: () => void;
  /** The reader of the run's setup (its timeline), made on first use, once the run is known. */
  setup: () => SetupWatcher;
}

interface Trail {
  requestId?: string;
  runId?: string;
  restarted?: Restart;
}

/** Where the run stands once it was created or picked up. */
interface Begun {
  runId: string;
  startState: string;
  /** The run as it was before a follow-up: its end is not the new one. */
  followedUpFrom?: RunItem;
  /** Where the follow-up's answer starts in the conversation: the answer before it is not its own. */
  answerStart?: AnswerStart;
  /** The follow-up's id, as the API gave it. */
  followupId?: string;
  /** The follow-up went to a debug agent in a failed run's kept session: the run stays FAILED, no end comes. */
  debugging?: boolean;
}

/** What the agent did, read after the run: its answer, the structured output, the files saved. */
type AgentWork = Pick<RunResult, 'agentOutput' | 'conversation' | 'structured' | 'downloadedFiles' | 'harnessTokens'>;

/**
 * The whole trustworthy loop, shared by the action and the CLI: create exactly one run (or pick up the
 * plan's run), watch it to its end within `stop` (timeout and signals), cancel it when stopped (unless
 * the settings say not to) or when following it fails, and return what happened as facts. Never throws.
 * Each phase returns what it found; `conclude` derives the outcome and whether the run was settled.
 */
export async function startAndWatch(
  client: OzClient,
  plan: RunPlan,
  metadata: Record<string, string>,
  stop: AbortSignal,
  events: RunEvents,
  options: LifecycleOptions = {},
): Promise<RunResult> {
  const life = lifecycle(client, plan, stop, events, options);
  let begun: Begun | undefined;
  let found: Finding;
  try {
    const refused = plan.target.kind === 'create' ? await checkBeforeCreate(life, plan.target.request) : undefined;
    if (refused !== undefined) return { ...conclude(refused) };
    begun = await begin(life, plan, metadata);
    // A debug agent's turn never brings the run a new end: never wait for one (see followUp).
    found = plan.settings.wait && begun.debugging !== true ? await follow(life, begun) : await leaveRunning(life, begun);
  } catch (error) {
    // A follow-up the API refused began nothing of this step's: the run, live or not, is not its to
    // cancel. One whose answer was lost may have started a turn, which is.
    const begunNothing = plan.target.kind === 'follow-up' && begun === undefined && !hasCode(error, 'lost-followup');
    found = isStopSignal(error)
      ? await stoppedBeforeCreated(life, error.reason)
      : await failed(life, toError(error), undefined, begunNothing);
  }
  const { run } = found;
  const { runId, restarted } = life.trail;
  const turn = run === undefined ? undefined : artifactsOfTurn(run, begun?.followedUpFrom);
  const setupPhase = found.kind === 'ended' ? await setupFailure(life, found.run) : undefined;
  // Not waiting, the run has only just begun: the one read in leaveRunning fills the outputs, and its
  // conversation holds no answer yet (reading it would be a second request for nothing).
  const work = runId !== undefined && plan.settings.wait ? await whatTheAgentDid(life, run, turn?.artifacts, begun?.answerStart) : {};
  return {
    ...conclude(found),
    ...(run !== undefined && { run }),
    ...(runId !== undefined && { runId }),
    ...(begun?.followedUpFrom !== undefined && { followedUp: true }),
    ...(begun?.followupId !== undefined && { followupId: begun.followupId }),
    ...(turn !== undefined && { artifacts: turn.artifacts }),
    ...(turn !== undefined && begun?.followedUpFrom !== undefined && { earlierArtifacts: turn.earlier }),
    ...(restarted !== undefined && { restarted }),
    ...(setupPhase !== undefined && { setupPhase }),
    ...work,
    ...(mayExist(found, life.trail) && { mayExist: true }),
  };
}

/** The lifecycle's parts; the conversation's reader is made on first use, once the run is known. */
function lifecycle(
  client: OzClient,
  { settings, outputSchema }: RunPlan,
  stop: AbortSignal,
  events: RunEvents,
  options: LifecycleOptions,
): Lifecycle {
  let reader: ConversationWatcher | undefined;
  let setup: SetupWatcher | undefined;
  const trail: Trail = {};
  return {
    client,
    settings,
    outputSchema,
    stop,
    events,
    options,
    startedAt: options.startedAt ?? Date.now(),
    trail,
    conversation: () => {
      const runId = trail.runId!;
      return (reader ??= new ConversationWatcher(
        client,
        runId,
        options.conversationIntervalMs ?? 60_000,
        events.debug ?? (() => {}),
        options.firstConversationReadMs,
      ));
    },
    forget: () => {
      reader = undefined;
      setup = undefined;
    },
    setup: () => (setup ??= new SetupWatcher(client, trail.runId!, events.debug ?? (() => {}))),
  };
}

/** A create whose answer was lost (or was stopped before it came) may have started a run that was never found. */
function mayExist(found: Finding, trail: Trail): boolean {
  if (trail.requestId === undefined || trail.runId !== undefined) return false;
  return (found.kind === 'stopped' && found.phase !== 'watch') || (found.kind === 'failed' && isLostCreate(found.error));
}

/** The run this lifecycle follows is known: kept for the phases after, and told to the front end. */
function learnRunId(life: Lifecycle, runId: string): void {
  life.trail.runId = runId;
  life.events.runId?.(runId);
}

/** Creates the run, sends the follow-up, or picks up the run to watch. */
async function begin(life: Lifecycle, plan: RunPlan, metadata: Record<string, string>): Promise<Begun> {
  const { client, events, stop } = life;
  const target = asSent(plan.target, life.outputSchema);
  if (target.kind === 'create') return create(life, target.request, metadata);
  const { runId } = target;
  // A thread's run is checked before anything is sent to it: still there, and this thread's. Any other
  // run that does not exist is a mistake in the settings: found before it is taken as ours to watch or cancel.
  const checked = target.kind === 'follow-up' && target.thread ? await readThreadRun(client, runId, target.thread, stop) : undefined;
  if (checked && 'restart' in checked) return restart(life, plan, checked.restart, metadata);
  const existing = checked?.run ?? (await readExistingRun(client, runId, stop));
  // A thread's request is a task: a run kept only for debugging its failed setup cannot do it, a new run can.
  if (target.kind === 'follow-up' && target.thread && inDebugWindow(existing)) {
    const detail = existing.status_message?.error_code ?? 'FAILED';
    return restart(life, plan, { from: runId, reason: 'debug-window', detail }, metadata);
  }
  learnRunId(life, runId);
  if (target.kind === 'watch') {
    events.notice({ kind: 'watching', runId });
    return { runId, startState: '' };
  }
  return followUp(life, plan, { runId, message: target.message, existing }, metadata);
}

/**
 * Sends the follow-up once and says how the API took it. A run that FAILED during setup and keeps its
 * session for debugging (`debug_agent_available`, or a live session taking a follow-up to a FAILED
 * run) stays FAILED: a debug agent answers in that session, and no new end ever comes.
 */
async function followUp(
  life: Lifecycle,
  plan: RunPlan,
  to: { runId: string; message: string; existing: RunItem },
  metadata: Record<string, string>,
): Promise<Begun> {
  const { client, events, stop } = life;
  const { runId, message } = to;
  const thread = plan.target.kind === 'follow-up' ? plan.target.thread : undefined;
  // What the agent said before this follow-up is not its answer, nor news: read it first, to take only what comes after.
  const reader = life.conversation();
  await reader.poll(stop, true);
  const answerStart = reader.answerStart(message);
  let sent: Awaited<ReturnType<typeof sendFollowupOnce>>;
  try {
    sent = await sendFollowupOnce(client, runId, message, stop, to.existing, {
      ...(answerStart && 'messages' in answerStart && { since: answerStart.messages }),
      ...(life.options.followupPickupMs !== undefined && { windowMs: life.options.followupPickupMs }),
    });
  } catch (error) {
    if (thread === undefined || !isSessionGone(error)) throw error;
    return restart(life, plan, { from: runId, reason: 'session-gone', detail: messageOf(error) }, metadata);
  }
  const { before, answer } = sent;
  const debugging = inDebugWindow(before) || (before.state === 'FAILED' && answer.outcome === 'live_session');
  events.notice({ kind: 'followed-up', runId, state: before.state, ...(answer.outcome && { outcome: answer.outcome }), debugging });
  events.followedUp?.(before);
  return {
    runId,
    startState: '',
    followedUpFrom: before,
    ...(answerStart !== undefined && { answerStart }),
    ...(typeof answer.followup_id === 'string' && { followupId: answer.followup_id }),
    ...(debugging && { debugging }),
  };
}

/** Creates exactly one run for the request (its text as sent), tagged with a new request id. */
async function create(life: Lifecycle, request: CreateRunRequest, metadata: Record<string, string>): Promise<Begun> {
  const { client, events, stop } = life;
  const requestId = (life.trail.requestId = randomUUID());
  events.requestId?.(requestId);
  const created = await createRunExactlyOnce(client, { ...request, metadata }, requestId, stop);
  learnRunId(life, created.runId);
  events.notice({ kind: 'created', runId: created.runId, state: created.state, adopted: created.adopted });
  events.progress?.({ run_id: created.runId, state: created.state, ...(request.title && { title: request.title }) });
  return { runId: created.runId, startState: created.state };
}

/** The thread's run cannot take the request: a new run does (its prompt as sent), and the front end says why. */
function restart(life: Lifecycle, plan: RunPlan, why: Restart, metadata: Record<string, string>): Promise<Begun> {
  const thread = plan.target.kind === 'follow-up' ? plan.target.thread : undefined;
  life.trail.restarted = why;
  life.events.restarted?.(why);
  life.forget();
  const fresh = asSent({ kind: 'create', request: thread!.fresh }, life.outputSchema);
  return create(life, fresh.kind === 'create' ? fresh.request : thread!.fresh, metadata);
}

/**
 * Not waiting (or a debug agent took the follow-up, and no end will come): the run goes on; one read
 * fills the outputs.
 */
async function leaveRunning(life: Lifecycle, begun: Begun): Promise<Finding> {
  let run: RunItem;
  try {
    run = await raceAbort(life.client.getRun(begun.runId, life.stop), life.stop);
    if (run.session_link) life.events.sessionLink?.(run.session_link);
  } catch (error) {
    // The run exists and is meant to go on: a failed read only leaves some outputs empty.
    life.events.notice({ kind: 'read-failed', runId: begun.runId, error: toError(error), stillWatching: false });
    run = { run_id: begun.runId, state: begun.startState };
  }
  return begun.debugging === true ? { kind: 'debugging', run, ...debugUntil(run) } : { kind: 'left-running', run };
}

/** Until when the debug window is open, when the API says it as a time. */
function debugUntil(run: RunItem): { until?: string } {
  const until = Date.parse(run.status_message?.session_debug_until ?? '');
  return Number.isNaN(until) ? {} : { until: new Date(until).toISOString() };
}

/** Watches the run to its end (or the stop), then settles it when stopped. */
async function follow(life: Lifecycle, begun: Begun): Promise<Finding> {
  const budget = life.settings.maxCredits === undefined ? undefined : new Budget(life.settings.maxCredits);
  const watched = await watch(life, begun, budget);
  if (budget?.exceeded) return stopForBudget(life, begun.runId, budget, watched.run);
  if (watched.failed) return failed(life, watched.failed, watched.run);
  if (!watched.stopped) return { kind: 'ended', run: watched.run! };
  // A follow-up the run has not shown yet: its last read is the end before it, and the follow-up's
  // turn may start after the stop. The run is read until it shows it (within the stop's budget).
  const from = begun.followedUpFrom?.updated_at;
  const awaiting = from !== undefined && (watched.run === undefined || !movedOn(watched.run, begun.followedUpFrom!));
  const left = awaiting ? { runId: begun.runId, followedUpFrom: from } : { runId: begun.runId, live: true as const };
  const { cleanup, run } = await settleStopped(life, watched.stopped, left);
  const last = run ?? watched.run;
  return {
    kind: 'stopped',
    reason: watched.stopped,
    phase: 'watch',
    cleanup,
    ...(last !== undefined && { run: last }),
    // Not seen taken up in time: the end read is the old one, so the post step looks again.
    ...(awaiting && cleanup.kind === 'unknown' && { awaitingFollowup: true as const }),
  };
}

/** Reads the run until it ends, telling state changes and (with progress on) what the agent does. */
function watch(life: Lifecycle, begun: Begun, budget: Budget | undefined): Promise<WatchResult> {
  const { client, settings, events, options, startedAt, stop } = life;
  const id = begun.runId;
  let linkShown = false;
  const before = begun.followedUpFrom;
  let picked = false;
  return watchRun({
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
    onUnknownState: (state) => events.notice({ kind: 'unknown-state', state }),
    onReadError: (error) => events.notice({ kind: 'read-failed', runId: id, error, stillWatching: true }),
    // After a follow-up, an end read before the run picked it up is the old end: keep watching.
    ...(before !== undefined && {
      isNewEnd: (run: RunItem) => (picked ||= movedOn(run, before)),
      // The follow-up's own artifacts may come a little after its end, as a new run's do: earlier turns' do not count.
      hasArtifacts: (run: RunItem) => artifactsOfTurn(run, before).artifacts.length > 0,
    }),
    // While the agent works, what it does, from its conversation (at most once per interval).
    ...((events.activity !== undefined || budget) && {
      // Beside the watch, never in its way: a read that hangs cannot delay a state read, the timeout or a signal.
      onLiveRead: (run: RunItem) => {
        budget?.check(run);
        if (events.activity !== undefined) setupProgress(life, run);
        if (events.activity !== undefined && run.state !== 'QUEUED' && run.state !== 'PENDING') {
          const onItems = (items: ActivityItem[]) => {
            for (const item of items) events.activity?.(item.line, Date.now() - startedAt);
          };
          life.conversation().pollInBackground(stop, onItems);
        }
        return Promise.resolve();
      },
    }),
  });
}

/** The time a cancel may take: short after a signal (the runner kills the step soon), longer after the timeout. */
function cancelBudget(life: Lifecycle, reason: StopReason): number {
  return reason === 'timeout' ? (life.options.timeoutCancelBudgetMs ?? 30_000) : (life.options.signalCancelBudgetMs ?? 5000);
}

/** Cancels a stopped run unless the settings say to leave it; returns what was done, and the run as last read. */
async function settleStopped(life: Lifecycle, reason: StopReason, left: LeftRun): Promise<{ cleanup: Cleanup; run?: RunItem }> {
  if (!life.settings.cancelOnAbort) return { cleanup: { kind: 'left-running' } };
  const settled = await settleLeftRun(life.client, left, {
    budgetMs: cancelBudget(life, reason),
    onRunId: (id) => learnRunId(life, id),
  });
  const { handling } = settled;
  if (handling.kind === 'cancel') life.events.notice({ kind: 'cancel', runId: settled.runId!, cancel: handling.cancel });
  if (handling.kind === 'unknown') {
    // Known by its id, the run could not be read (or had not shown a follow-up in time); known only by
    // the request id, whether the create started one could not be found out.
    const runId = settled.runId ?? left.runId;
    life.events.notice(
      runId === undefined
        ? { kind: 'create-unknown', error: handling.error }
        : { kind: 'read-failed', runId, error: handling.error, stillWatching: false },
    );
  }
  return { cleanup: handling, ...(settled.run !== undefined && { run: settled.run }) };
}

/** Stopped before the create answered: the run may exist, so it is looked up by its request id and cancelled. */
async function stoppedBeforeCreated(life: Lifecycle, reason: StopReason): Promise<Finding> {
  const { requestId } = life.trail;
  const phase = life.settings.create || requestId !== undefined ? 'create' : 'follow-up';
  if (requestId === undefined) return { kind: 'stopped', reason, phase, cleanup: { kind: 'nothing-sent' } };
  const { cleanup, run } = await settleStopped(life, reason, { requestId });
  return { kind: 'stopped', reason, phase, cleanup, ...(run !== undefined && { run }) };
}

/** Following the run failed while it may still be live: do not leave an agent behind. */
async function failed(life: Lifecycle, error: Error, run: RunItem | undefined, begunNothing = false): Promise<Finding> {
  const { settings, client, events, trail } = life;
  const last = run === undefined ? {} : { run };
  if (isLostCreate(error) && trail.requestId !== undefined)
    return { kind: 'failed', error, ...(await settleLostCreate(life, trail.requestId)) };
  if (!begunNothing && trail.runId && !isTerminal(run?.state) && settings.cancelOnAbort && settings.wait) {
    const cancel = await cancelRun(client, trail.runId, life.options.timeoutCancelBudgetMs ?? 30_000);
    events.notice({ kind: 'cancel', runId: trail.runId, cancel });
    return { kind: 'failed', error, cleanup: { kind: 'cancel', cancel }, ...last };
  }
  return { kind: 'failed', error, ...last };
}

/**
 * A create whose answer was lost and whose look-up failed: the run may exist. One more look (the API
 * may have recovered), and a cancel when it is found; otherwise the front end hears that a run may exist.
 */
async function settleLostCreate(life: Lifecycle, requestId: string): Promise<{ cleanup?: Cleanup; run?: RunItem }> {
  const settled = life.settings.cancelOnAbort ? await settleStopped(life, 'timeout', { requestId }) : {};
  if (life.trail.runId === undefined) life.events.notice({ kind: 'may-exist', requestId });
  return settled;
}

/** The budget was passed: cancel the run (whatever the settings say of stops: it is what the budget is for). */
async function stopForBudget(life: Lifecycle, id: string, budget: Budget, last: RunItem | undefined): Promise<Finding> {
  const budgetMs = life.options.timeoutCancelBudgetMs ?? 30_000;
  const cancel = await cancelRun(life.client, id, budgetMs);
  life.events.notice({ kind: 'cancel', runId: id, cancel });
  const quick = AbortSignal.timeout(Math.min(budgetMs, 3000));
  // The run as last read stays when the read after the cancel fails.
  const run = await raceAbort(life.client.getRun(id, quick), quick).catch(() => last);
  return { kind: 'over-budget', budget, cancel, ...(run !== undefined && { run }) };
}

/**
 * The catalogue check before a create (preflight), loaded only when it has something to check.
 * Returns what it found when that is a reason not to start the run.
 */
async function checkBeforeCreate(life: Lifecycle, create: CreateRunRequest): Promise<Finding | undefined> {
  const needed =
    create.config?.model_id !== undefined ||
    create.config?.environment_id !== undefined ||
    /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+:/.test(create.skill ?? '');
  if (life.settings.preflight === false || !needed) return undefined;
  const setting = life.options.setting ?? ((key: SettingKey) => key);
  const found = await preflight(life.client, create, (name) => setting(name as SettingKey), life.stop);
  for (const note of found.notes) life.events.debug?.(note);
  for (const warning of found.warnings) life.events.warning(warning);
  return found.problems.length === 0 ? undefined : { kind: 'not-started', problems: found.problems };
}

/**
 * While the run is set up (PENDING, CLAIMED) it has no conversation yet: its timeline tells what
 * happens, a few reads at most (see run/setup.ts). Once it works, the conversation takes over.
 */
function setupProgress(life: Lifecycle, run: RunItem): void {
  const setup = life.setup();
  if (run.state === 'INPROGRESS' || isTerminal(run.state)) return setup.agentIsWorking();
  if (run.state !== 'PENDING' && run.state !== 'CLAIMED') return;
  setup.readInBackground(life.stop, (lines) => {
    for (const line of lines) life.events.activity?.(line, Date.now() - life.startedAt);
  });
}

/** A run that ended FAILED or ERROR before its agent started: the phase its setup stopped in, read from the timeline. */
async function setupFailure(life: Lifecycle, run: RunItem): Promise<string | undefined> {
  if ((run.state !== 'FAILED' && run.state !== 'ERROR') || life.stop.aborted) return undefined;
  if (run.status_message?.error_code !== 'environment_setup_failed' && typeof run.started_at === 'string') return undefined;
  const deadline = AbortSignal.any([life.stop, AbortSignal.timeout(10_000)]);
  const failed = await life.setup().failedPhase(deadline);
  if (failed === undefined) return undefined;
  life.events.notice({ kind: 'setup-failed', runId: run.run_id, state: run.state, phase: failed.phase });
  return failed.phase;
}

/**
 * A Claude Code or Codex run's `request_usage` carries no tokens: its harness's own counts do
 * (`harness-usage`). Read once after the run; nothing when neither says.
 */
async function readHarnessTokens(life: Lifecycle, run: RunItem, deadline: AbortSignal): Promise<number | undefined> {
  if (typeof run.request_usage?.total_tokens === 'number') return undefined;
  // The run's own config when the API shows it (a watched run), else the one this step sent.
  const shown = run.agent_config as { harness?: { type?: unknown } } | undefined;
  const type = shown?.harness?.type ?? life.settings.create?.config?.harness?.type;
  if (type !== 'claude' && type !== 'codex') return undefined;
  try {
    return tokensOf(await life.client.getHarnessUsage(run.run_id, deadline, { retries: 1 }));
  } catch (error) {
    // The status or the error's kind only: a message can carry what the request carried.
    life.events.debug?.(`Could not read the harness's usage (${isApiError(error) ? `status ${error.status}` : toError(error).name}).`);
    return undefined;
  }
}

/** Long enough for a few reads with retries; the run has ended (or been left) by now. */
const AFTER_RUN_BUDGET_MS = 60_000;
/** After a stop (timeout or signal) the step is expected to end within a few seconds: one quick look. */
const AFTER_STOP_BUDGET_MS = 3000;

/**
 * After the run: its final answer (also when it failed), the rest of its activity, the structured
 * output checked against the output schema, and its files saved in the artifacts folder. None of it can
 * hang the step: each part is bounded, and a failure is a warning.
 */
async function whatTheAgentDid(
  life: Lifecycle,
  run: RunItem | undefined,
  artifacts: Artifact[] | undefined,
  answerStart: AnswerStart | undefined,
): Promise<AgentWork> {
  const { settings, events, client, options, startedAt } = life;
  // A stop that comes now (the run has ended) aborts what is in flight; after one, there is only a quick look.
  const deadline = life.stop.aborted
    ? AbortSignal.timeout(AFTER_STOP_BUDGET_MS)
    : AbortSignal.any([life.stop, AbortSignal.timeout(AFTER_RUN_BUDGET_MS)]);
  const reader = life.conversation();
  const items = await raceAbort(reader.poll(deadline, true), deadline).catch(() => []);
  for (const item of items) events.activity?.(item.line, Date.now() - startedAt);
  const agentOutput = finalAnswer(reader.latest, answerStart);
  const harnessTokens = run === undefined ? undefined : await readHarnessTokens(life, run, deadline);
  const ended = isTerminal(run?.state);
  const structured = life.outputSchema !== undefined && ended ? await structuredOutput(agentOutput, life.outputSchema) : undefined;
  const work: AgentWork = {
    agentOutput,
    ...(harnessTokens !== undefined && { harnessTokens }),
    ...(settings.outputFormat === 'json' && reader.latest !== undefined && { conversation: reader.latest }),
    ...(structured !== undefined && { structured }),
  };
  if (settings.artifactsPath === undefined || !ended) return work;
  // Only this request's: a follow-up does not save again the files an earlier turn made.
  const written = await saveArtifacts(client, artifacts ?? [], settings.artifactsPath, {
    userAgent: options.userAgent ?? 'oz-agent-action',
    signal: deadline,
    warn: events.warning,
  }).catch((error: unknown) => {
    events.notice({ kind: 'save-failed', error: toError(error) });
    return [];
  });
  const workspace = options.workspace ?? process.cwd();
  return { ...work, downloadedFiles: written.map((file) => relative(workspace, file).split('\\').join('/')) };
}
