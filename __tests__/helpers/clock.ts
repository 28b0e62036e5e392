import { vi } from 'vitest';

/**
 * Deadlines made with `AbortSignal.timeout` on the fake clock: Vitest's fake timers leave it alone
 * (Node arms it on timers of its own), so such a deadline in the code under test would still pass in
 * real time. With this, it fires when the test moves the fake clock past it. Call it after
 * `vi.useFakeTimers` with `setTimeout` faked; `restoreMocks` puts the real one back after the test.
 */
export function deadlinesOnFakeClock(): void {
  vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout.', 'TimeoutError')), ms);
    return controller.signal;
  });
}
