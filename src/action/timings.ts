import type { RequestBounds } from '../github/request.ts';

/**
 * Timings that tests shorten, passed in as options (the end-to-end harness passes them to the bundle's
 * entry, see src/entrypoints/harness.ts); a workflow cannot set them.
 */
export interface StepTimings {
  /** The live progress timings (the conversation reads, 15 s then 60 s, and the comment's live edits, 30 s), all this one. */
  progressIntervalMs?: number;
  /** The deadline of each GitHub request. Default 10 s (see github/request.ts). */
  githubRequestTimeoutMs?: number;
}

/** The bounds of each GitHub request: the timings' deadline, and `signal`. */
export function githubRequestBounds(timings: StepTimings, signal?: AbortSignal): RequestBounds {
  const { githubRequestTimeoutMs: timeoutMs } = timings;
  return { ...(timeoutMs !== undefined && { timeoutMs }), ...(signal && { signal }) };
}
