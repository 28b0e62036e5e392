import { isTerminal, type Artifact, type Conversation, type RunItem } from '../oz/types.ts';
import type { Budget } from './credits.ts';
import { cancelSettles, type CancelResult } from './cancel.ts';
import type { StopReason } from './stop.ts';
import type { StructuredOutput } from './structured.ts';
import type { Restart } from '../threads/run.ts';

/** What was done about a run when watching it stopped early. */
export type StopHandling =
  /** The settings say to leave it running. */
  | { kind: 'left-running' }
  /** A cancel was asked for; its result says how it went. */
  | { kind: 'cancel'; cancel: CancelResult }
  /** There was nothing to cancel: no run was created, or the run found had already ended. */
  | { kind: 'nothing-to-cancel' }
  /** An unanswered create may have started a run, and it could not be found out. */
  | { kind: 'unknown'; error: Error };

/**
 * How a run's lifecycle ended, as facts: the front ends say it in their own words.
 * - `ended`: the run reached a terminal state (SUCCEEDED, FAILED, ERROR, BLOCKED, CANCELLED).
 * - `started`: not waiting; the run was started (or found) and left running.
 * - `debugging`: a debug agent took the follow-up in a failed run's kept session (verdict `started`).
 * - `stopped`: the deadline or a signal came first, while creating the run or while watching it.
 * - `error`: following the run failed (a bad answer, a lost create, a read that failed for good).
 * - `not-started`: the catalogue check before the create found problems (sentences naming settings
 *   in the front end's words, see LifecycleOptions.setting): no run exists.
 * - `over-budget`: the run's reported usage passed the credit budget, so it was cancelled.
 */
export type RunOutcome =
  | { kind: 'ended'; state: string }
  | { kind: 'not-started'; problems: string[] }
  | { kind: 'over-budget'; budget: Budget; cancel: CancelResult }
  | { kind: 'started' }
  /**
   * The follow-up went to a debug agent in the kept session of a run that failed during setup: the run
   * stays FAILED and no new end comes, so it is not waited for. `until`: the window's end, when known.
   */
  | { kind: 'debugging'; until?: string }
  /** `phase`: while creating the run, before a follow-up to an existing run was sent, or while watching. */
  | { kind: 'stopped'; reason: StopReason; phase: 'create' | 'follow-up' | 'watch'; handling: StopHandling }
  | { kind: 'error'; error: Error };

/** What the lifecycle returns: the outcome, the run as last read, and what the agent did. */
export interface RunResult {
  outcome: RunOutcome;
  /** The last run read; missing when the run was never read. */
  run?: RunItem;
  runId?: string;
  /** True once nothing is left to clean up: the run ended, was cancelled, or is meant to outlive us. */
  settled: boolean;
  /** The agent's final answer; empty when the API has none. */
  agentOutput?: string;
  /** With an output schema: the valid object, or what is wrong with it. */
  structured?: StructuredOutput;
  /** With an artifacts folder: the files written, relative to the workspace, with forward slashes. */
  downloadedFiles?: string[];
  /** True when a follow-up went to an existing run. */
  followedUp?: boolean;
  /** The follow-up's id, as the API gave it (none for one added to a run's prompt before it started). */
  followupId?: string;
  /**
   * The artifacts this request produced (see run/turn.ts): on a follow-up, only those the run did not
   * have before it was sent; otherwise the run's. Missing when the run was never read.
   */
  artifacts?: Artifact[];
  /** On a follow-up: the artifacts the run already had from earlier turns, not this request's. */
  earlierArtifacts?: Artifact[];
  /** With the json output format: the run's normalized conversation, as the API gave it. */
  conversation?: Conversation;
  /** A thread's request that went to a new run instead of the thread's run, and why. */
  restarted?: Restart;
  /** The run ended before its agent started: the setup phase it stopped in (from its timeline). */
  setupPhase?: string;
  /** A third-party harness's token count (`harness-usage`), when `request_usage` has none. */
  harnessTokens?: number;
  /** True when a create may have started a run that was never found (its answer was lost): never "no run started". */
  mayExist?: boolean;
}

/** The outcome in one word, as the outputs, summary headings, reactions and exit codes use it. */
export type Verdict =
  'succeeded' | 'failed' | 'timeout' | 'cancelled' | 'started' | 'invalid_output' | 'error' | 'not_started' | 'budget_exceeded';

/** The one word for a result: a SUCCEEDED run whose structured output is missing or invalid is `invalid_output`. */
export function verdict(result: Pick<RunResult, 'outcome' | 'structured'>): Verdict {
  const { outcome } = result;
  switch (outcome.kind) {
    case 'ended':
      if (outcome.state !== 'SUCCEEDED') return 'failed';
      return result.structured !== undefined && !result.structured.ok ? 'invalid_output' : 'succeeded';
    case 'started':
    case 'debugging':
      return 'started';
    case 'stopped':
      return outcome.reason;
    case 'error':
      return 'error';
    case 'not-started':
      return 'not_started';
    case 'over-budget':
      return 'budget_exceeded';
  }
}

/**
 * What was done about a run that may be left live, as its phase found it: a cancel and its result,
 * the run found already ended (`nothing-to-cancel`), a look-up that failed (`unknown`) or found no run
 * (`not-found`), the settings saying to leave it (`left-running`), or nothing sent yet (`nothing-sent`).
 */
export type Cleanup = StopHandling | { kind: 'not-found' } | { kind: 'nothing-sent' };

/** What the lifecycle's phases found: the facts the outcome and `settled` are derived from (see `conclude`). */
export type Finding = { run?: RunItem } & (
  | { kind: 'not-started'; problems: string[] }
  /** Not waiting: the run was started (or found) and left running. */
  | { kind: 'left-running' }
  /** Watched to its end. */
  | { kind: 'ended'; run: RunItem }
  /** A debug agent took the follow-up in a failed run's kept session: no new end comes, so none is awaited. */
  | { kind: 'debugging'; run: RunItem; until?: string }
  | { kind: 'over-budget'; budget: Budget; cancel: CancelResult }
  /** `awaitingFollowup`: a follow-up the run had not shown by the stop's deadline, so its end read is the old one. */
  | { kind: 'stopped'; reason: StopReason; phase: 'create' | 'follow-up' | 'watch'; cleanup: Cleanup; awaitingFollowup?: true }
  /** Following the run failed; `cleanup` when a cancel (or a look-up by request id) followed. */
  | { kind: 'failed'; error: Error; cleanup?: Cleanup }
);

/** Whether a cleanup leaves nothing for a later step to do: the run is cancelled, had ended, or is meant to go on. */
function settles(cleanup: Cleanup): boolean {
  switch (cleanup.kind) {
    case 'cancel':
      return cancelSettles(cleanup.cancel);
    case 'nothing-to-cancel':
    case 'left-running':
      return true;
    default:
      return false;
  }
}

/**
 * The one place the outcome and `settled` (whether the post step has a run left to cancel) come
 * from, given what the phases found. A run last read in a terminal state is settled whatever came
 * before, unless that end is the one before a follow-up the run had not shown yet. Stopped before the create answered (or the follow-up was sent), a run may yet appear: only
 * one found and dealt with by its request id is settled; one left by the settings is the post step's
 * to look at, as one never looked for.
 */
export function conclude(found: Finding): { outcome: RunOutcome; settled: boolean } {
  const ended = isTerminal(found.run?.state);
  switch (found.kind) {
    case 'not-started':
      return { outcome: { kind: 'not-started', problems: found.problems }, settled: true };
    case 'left-running':
      return { outcome: { kind: 'started' }, settled: true };
    case 'ended':
      return { outcome: { kind: 'ended', state: found.run.state }, settled: true };
    case 'debugging':
      return { outcome: { kind: 'debugging', ...(found.until !== undefined && { until: found.until }) }, settled: true };
    case 'over-budget':
      return {
        outcome: { kind: 'over-budget', budget: found.budget, cancel: found.cancel },
        settled: cancelSettles(found.cancel) || ended,
      };
    case 'stopped': {
      const { reason, phase, cleanup } = found;
      const handling: StopHandling =
        cleanup.kind === 'not-found' || cleanup.kind === 'nothing-sent' ? { kind: 'nothing-to-cancel' } : cleanup;
      const dealtWith = phase === 'watch' || cleanup.kind !== 'left-running';
      const endedForGood = ended && found.awaitingFollowup !== true;
      return { outcome: { kind: 'stopped', reason, phase, handling }, settled: (dealtWith && settles(cleanup)) || endedForGood };
    }
    case 'failed':
      return { outcome: { kind: 'error', error: found.error }, settled: (found.cleanup !== undefined && settles(found.cleanup)) || ended };
  }
}
