import type { Artifact, Conversation, RunItem } from '../oz/types.ts';
import type { Budget } from './credits.ts';
import type { CancelResult } from './cancel.ts';
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
