import { describeUsage, usageFigures, type UsageFigures } from '../oz/usage.ts';
import type { RunItem } from '../oz/types.ts';

/**
 * The credit budget of a run: while it is watched, the first read whose reported usage
 * passes the budget stops the watch, so the lifecycle cancels the run. Approximate: the usage the API
 * reports may lag behind what the run has spent.
 */
export class Budget {
  private readonly controller = new AbortController();
  /** The usage that passed the budget, once it has. */
  exceeded?: UsageFigures;

  readonly maxCredits: number;

  constructor(maxCredits: number) {
    this.maxCredits = maxCredits;
  }

  /** Aborted when the budget is passed. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Looks at one read of the run. */
  check(run: RunItem): void {
    if (this.exceeded) return;
    const figures = usageFigures(run.request_usage);
    if (figures.credits === undefined || figures.credits <= this.maxCredits) return;
    this.exceeded = figures;
    this.controller.abort(new Error('budget exceeded'));
  }

  /** The reason in one sentence; `label` names the setting. */
  describe(label: string): string {
    return `Budget exceeded: the run had used ${describeUsage(this.exceeded ?? {})}, more than ${label} (${this.maxCredits} credits). The usage the API reports may lag, so the run may have used somewhat more.`;
  }
}
