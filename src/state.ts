import * as core from '@actions/core';

/**
 * What the main step leaves for the post step (`GITHUB_STATE`). Each write is appended to the file at
 * once, so it survives the main step being killed.
 */
export interface StepState {
  /** The run this step created or watched. */
  runId?: string;
  /** The request id tagged on the create, to find a run whose create answer never came. */
  requestId?: string;
  /** True once nothing is left for the post step to do (the run ended, was cancelled, or is meant to outlive the step). */
  settled: boolean;
}

const KEYS = { runId: 'oz_run_id', requestId: 'oz_request_id', settled: 'oz_settled' } as const;

export function saveRunId(runId: string): void {
  core.saveState(KEYS.runId, runId);
}

export function saveRequestId(requestId: string): void {
  core.saveState(KEYS.requestId, requestId);
}

export function markSettled(): void {
  core.saveState(KEYS.settled, 'true');
}

export function readState(): StepState {
  const runId = core.getState(KEYS.runId);
  const requestId = core.getState(KEYS.requestId);
  return {
    ...(runId && { runId }),
    ...(requestId && { requestId }),
    settled: core.getState(KEYS.settled) === 'true',
  };
}
