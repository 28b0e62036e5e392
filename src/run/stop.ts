import { CodedError, hasCode } from '../errors.ts';

/** Why watching stopped before the run ended. */
export type StopReason = 'timeout' | 'cancelled';

/** The reason an abort signal carries when the step or CLI is stopped. */
export class StopSignal extends CodedError<'stopped'> {
  override name = 'StopSignal';
  readonly reason: StopReason;
  constructor(reason: StopReason) {
    super('stopped', reason === 'timeout' ? 'timed out' : 'cancelled');
    this.reason = reason;
  }
}

/** The stop reason an aborted signal carries ('cancelled' for any other abort). */
export function stopReason(signal: AbortSignal): StopReason {
  return isStopSignal(signal.reason) ? signal.reason.reason : 'cancelled';
}

export interface Stopper {
  /** Aborted with a StopSignal: 'cancelled' on SIGINT or SIGTERM, 'timeout' at the deadline. */
  signal: AbortSignal;
  /** Which signal stopped it, if one did. */
  received(): NodeJS.Signals | undefined;
  /** Removes the signal handlers and the deadline timer. */
  dispose(): void;
}

/** The longest delay one timer holds (2^31 - 1 ms, about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Calls `action` at the time `at` (ms since the epoch), however far off: a deadline beyond what one
 * timer holds is reached through a chain of timers. Returns a function that cancels it.
 */
export function atDeadline(at: number, action: () => void): () => void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const remaining = at - Date.now();
    if (remaining <= 0) {
      action();
      return;
    }
    timer = setTimeout(arm, Math.min(remaining, MAX_TIMER_MS));
  };
  arm();
  return () => clearTimeout(timer);
}

/**
 * One stop for a whole run: SIGINT and SIGTERM (the runner's cancellation, Ctrl-C, a CI system's
 * kill) and the deadline `timeoutMs` from now. `onSignal` is told once, when a signal arrives.
 */
export function stopOnSignalsAndDeadline(timeoutMs: number, onSignal?: (signal: NodeJS.Signals) => void): Stopper {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    received = signal;
    onSignal?.(signal);
    controller.abort(new StopSignal('cancelled'));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  const cancelDeadline = atDeadline(Date.now() + timeoutMs, () => controller.abort(new StopSignal('timeout')));
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      cancelDeadline();
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

export const isStopSignal = (error: unknown): error is StopSignal => hasCode(error, 'stopped');
