/**
 * What a test waits for in a double (a request arriving, hanging, being let go), as a promise the
 * double resolves when it sees it happen: tests wait on the event, not by polling on a clock.
 */
export class Waiters {
  private readonly waiting = new Set<{ holds: () => boolean; resolve: () => void }>();

  /** Resolves once `holds()` is true: at once if it is now, else at the first change after which it is. */
  until(holds: () => boolean): Promise<void> {
    if (holds()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.add({ holds, resolve }));
  }

  /** The double's state changed: resolves the waits whose condition now holds. */
  changed(): void {
    for (const wait of [...this.waiting]) {
      if (!wait.holds()) continue;
      this.waiting.delete(wait);
      wait.resolve();
    }
  }
}
