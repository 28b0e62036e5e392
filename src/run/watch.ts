import { toError } from '../errors.ts';
import { isRetryable } from '../oz/errors.ts';
import type { OzClient } from '../oz/client.ts';
import { raceAbort, sleep } from '../oz/sleep.ts';
import { isDocumentedState, isTerminal, type RunItem } from '../oz/types.ts';
import { stopReason, type StopReason } from './stop.ts';

/**
 * Pauses between reads of a run: starts at `minMs`, grows by `factor` towards `maxMs`. Each pause is
 * drawn at random from ±20% around that, within [minMs, maxMs]: the jitter is applied after the
 * bounds, so steps started together drift apart instead of all waiting exactly `minMs` or `maxMs`.
 * `reset()` goes back to the short pause.
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
    const low = Math.max(this.minMs, base * 0.8);
    const high = Math.min(this.maxMs, base * 1.2);
    return Math.round(low + (high - low) * this.random());
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
  /**
   * False while a terminal state is still the old end (a follow-up not yet picked up): the watch goes
   * on until it turns true once.
   */
  isNewEnd?: (run: RunItem) => boolean;
  /** After each read of a live run: a chance to read more (the conversation). Its failures are its own. */
  onLiveRead?: (run: RunItem) => Promise<void>;
  /** A state the API does not document yet; told once per state. */
  onUnknownState?: (state: string) => void;
  /** A read that failed even after retries; watching goes on until the deadline. */
  onReadError?: (error: Error) => void;
  /**
   * How long to keep re-reading a SUCCEEDED run that has no artifacts yet (they can come a little
   * later), whatever the poll interval. Default 6 s; 0 for no second look.
   */
  artifactGraceMs?: number;
  /** Whether a run has artifacts of its own yet; default any. After a follow-up, earlier turns' do not count. */
  hasArtifacts?: (run: RunItem) => boolean;
}

export interface WatchResult {
  /** The last run read, if any read succeeded. */
  run?: RunItem;
  /** Set when watching stopped before the run ended. */
  stopped?: StopReason;
  /** A read that failed for good (401, 404...): watching stopped there, and `run` is the last one read. */
  failed?: Error;
}

/**
 * Reads the run until it reaches a terminal state or the signal stops it. Transient read failures
 * (after the client's own retries, bad bodies included) are reported and polling goes on; a final one
 * (401, 404...) ends the watch with `failed`, keeping the last run read.
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
      if (options.isNewEnd !== undefined && !options.isNewEnd(next)) {
        // The run has not picked up the follow-up yet: this end is the old one.
      } else if (isTerminal(next.state)) {
        const graceMs = options.artifactGraceMs ?? DEFAULT_ARTIFACT_GRACE_MS;
        const has = options.hasArtifacts ?? ((r: RunItem) => (r.artifacts ?? []).length > 0);
        if (next.state === 'SUCCEEDED' && !has(next) && graceMs > 0) {
          run = await rereadForArtifacts(client, next, graceMs, signal, has);
        }
        return { run };
      }
      await options.onLiveRead?.(next).catch(() => {});
    } catch (error) {
      if (signal.aborted) return { ...(run && { run }), stopped: stopReason(signal) };
      if (!isRetryable(error)) return { ...(run && { run }), failed: toError(error) };
      options.onReadError?.(toError(error));
    }
    try {
      await sleep(schedule.next(), signal);
    } catch {
      return { ...(run && { run }), stopped: stopReason(signal) };
    }
  }
}

const DEFAULT_ARTIFACT_GRACE_MS = 6000;

/** Re-reads an ended run a few times over `graceMs` (at a third of it, two thirds, and the end) until it has artifacts. */
async function rereadForArtifacts(
  client: OzClient,
  run: RunItem,
  graceMs: number,
  signal: AbortSignal,
  has: (run: RunItem) => boolean,
): Promise<RunItem> {
  let latest = run;
  for (let i = 0; i < 3; i++) {
    try {
      await sleep(graceMs / 3, signal);
      const again = await raceAbort(client.getRun(run.run_id, signal), signal);
      if (!isTerminal(again.state)) return latest;
      latest = again;
      if (has(again)) return again;
    } catch {
      // The run has ended; a failed second look only means fewer artifacts in the report.
      return latest;
    }
  }
  return latest;
}
