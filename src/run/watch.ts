import { isRetryable } from '../oz/errors.ts';
import type { OzClient } from '../oz/client.ts';
import { raceAbort, sleep } from '../oz/sleep.ts';
import { isDocumentedState, isTerminal, type RunItem } from '../oz/types.ts';
import { stopReason, type StopReason } from './stop.ts';

/**
 * Pauses between reads of a run: starts at `minMs`, grows by `factor` towards `maxMs`, with ±15%
 * jitter so many jobs started together do not poll in step. `reset()` goes back to the short pause.
 */
export class PollSchedule {
  private step = 0;
  readonly minMs: number;
  readonly maxMs: number;
  readonly factor: number;
  private readonly random: () => number;

  constructor(minMs: number, maxMs: number, random: () => number = Math.random, factor = 1.5) {
    this.minMs = minMs;
    this.maxMs = maxMs;
    this.random = random;
    this.factor = factor;
  }

  next(): number {
    const base = Math.min(this.maxMs, this.minMs * this.factor ** this.step);
    this.step += 1;
    const jittered = base * (0.85 + 0.3 * this.random());
    return Math.round(Math.min(this.maxMs, Math.max(this.minMs, jittered)));
  }

  reset(): void {
    this.step = 0;
  }
}

export interface WatchOptions {
  client: OzClient;
  runId: string;
  schedule: PollSchedule;
  /** Aborted with a StopSignal on timeout or cancellation. */
  signal: AbortSignal;
  /** Each new state, once, with the state before it (undefined for the first read). */
  onStateChange?: (run: RunItem, previous: string | undefined) => void;
  /** A state the API does not document yet; told once per state. */
  onUnknownState?: (state: string) => void;
  /** A read that failed even after retries; watching goes on until the deadline. */
  onReadError?: (error: Error) => void;
  /** Pause before re-reading a SUCCEEDED run that has no artifacts yet (they can come a little later). */
  artifactGraceMs?: number;
}

export interface WatchResult {
  /** The last run read, if any read succeeded. */
  run?: RunItem;
  /** Set when watching stopped before the run ended. */
  stopped?: StopReason;
}

/**
 * Reads the run until it reaches a terminal state or the signal stops it. Transient read failures
 * (after the client's own retries) are reported and polling goes on; a final one (401, 404...) throws.
 */
export async function watchRun(options: WatchOptions): Promise<WatchResult> {
  const { client, runId, schedule, signal } = options;
  const seenUnknown = new Set<string>();
  let run: RunItem | undefined;

  for (;;) {
    if (signal.aborted) return { ...(run && { run }), stopped: stopReason(signal) };
    try {
      const next = await raceAbort(client.getRun(runId, signal), signal);
      const previous = run?.state;
      run = next;
      if (next.state !== previous) {
        schedule.reset();
        if (!isDocumentedState(next.state) && !seenUnknown.has(next.state)) {
          seenUnknown.add(next.state);
          options.onUnknownState?.(next.state);
        }
        options.onStateChange?.(next, previous);
      }
      if (isTerminal(next.state)) {
        if (next.state === 'SUCCEEDED' && (next.artifacts ?? []).length === 0 && options.artifactGraceMs) {
          run = await rereadForArtifacts(client, next, options.artifactGraceMs, signal);
        }
        return { run };
      }
    } catch (error) {
      if (signal.aborted) return { ...(run && { run }), stopped: stopReason(signal) };
      if (!isRetryable(error)) throw error;
      options.onReadError?.(error as Error);
    }
    try {
      await sleep(schedule.next(), signal);
    } catch {
      return { ...(run && { run }), stopped: stopReason(signal) };
    }
  }
}

async function rereadForArtifacts(client: OzClient, run: RunItem, graceMs: number, signal: AbortSignal): Promise<RunItem> {
  try {
    await sleep(graceMs, signal);
    const again = await raceAbort(client.getRun(run.run_id, signal), signal);
    return isTerminal(again.state) ? again : run;
  } catch {
    // The run has ended; a failed second look only means fewer artifacts in the report.
    return run;
  }
}
