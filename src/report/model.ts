import type { Artifact, RunItem } from '../oz/types.ts';
import type { ReviewReport } from '../review/text.ts';

// The report: the facts of one step's run that the summary, the comment, the outputs and the CLI's
// report are made from. Built by the front end from the run's result (front/words.ts's reportOf).

/** How the step ended, as far as the run is concerned. */
export type Outcome =
  /** The run reached SUCCEEDED. */
  | 'succeeded'
  /** The run reached FAILED, ERROR, BLOCKED or CANCELLED. */
  | 'failed'
  /** The timeout passed first. */
  | 'timeout'
  /** The workflow was cancelled (or the step's own timeout-minutes hit) first. */
  | 'cancelled'
  /** `wait: false`: the run was started and left running. */
  | 'started'
  /** The run reached SUCCEEDED, but its final answer has no valid JSON object for the output schema. */
  | 'invalid_output'
  /** The action itself failed (bad answer, lost create, read failure). */
  | 'error'
  /** The event may not start an agent (an untrusted commenter, the action's own comment). */
  | 'skipped'
  /**
   * No run exists: a setting was wrong (or GitHub could not be set up), found before any request to
   * Oz, or the check before the run found a problem in the catalogue it read (`catalogueRead`).
   */
  | 'not_started'
  /** The run's reported usage passed the credit budget, so it was cancelled. */
  | 'budget_exceeded';

export interface Report {
  outcome: Outcome;
  /** The last run read; may be missing when the run was never read. */
  run?: RunItem;
  runId?: string;
  /** What the step says about the outcome in one sentence (cancel result, error...). */
  note?: string;
  /** Watching time, used when the run has no `run_time`. */
  elapsedMs?: number;
  workflowRunUrl?: string;
  /** The pull request the workflow ran for. */
  pullRequest?: { number: number; url?: string; headSha?: string };
  /** The agent's final answer (Markdown, untrusted). */
  agentOutput?: string;
  /** With an output schema: the object, or what is wrong with it. */
  structured?: { ok: true; value: unknown } | { ok: false; errors: string[] };
  /** With an artifacts folder: the files written, relative to the workspace. */
  downloadedFiles?: string[];
  /** True when the request went to an existing run as a follow-up. */
  followedUp?: boolean;
  /** The follow-up's id, as the API gave it. */
  followupId?: string;
  /** The run ended before its agent started: the setup phase it stopped in. */
  setupPhase?: string;
  /** A third-party harness's token count, when `request_usage` has none. */
  harnessTokens?: number;
  /** The artifacts this request produced: on a follow-up, not those earlier turns left on the run. Default the run's. */
  artifacts?: Artifact[];
  /** On a follow-up: the artifacts earlier turns left on the run, named as theirs in the summary. */
  earlierArtifacts?: Artifact[];
  /** With a review asked for: the agent's review, and what was posted of it. */
  review?: ReviewReport;
  /** With the json output format: the run's normalized conversation, for `agent_output`. */
  conversation?: unknown;
  /** Not started after the check before the run read the catalogue (models, environments, skills): the only requests sent to Oz. */
  catalogueRead?: boolean;
}

/** The artifacts a report is about: this request's (see `Report.artifacts`), else the run's. */
export function reportArtifacts(report: Pick<Report, 'run' | 'artifacts'>): Artifact[] {
  return report.artifacts ?? report.run?.artifacts ?? [];
}
