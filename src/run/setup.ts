/**
 * What happens before the agent speaks: the run's timeline (`GET /agent/runs/{id}/timeline`), read
 * while the run is being set up and has no conversation yet, and once more when it ends in setup, to
 * name the phase that failed. Bounded: at most MAX_SETUP_READS reads while it starts, none once the
 * agent has started; each one try, beside the watch and never in its way.
 */
import type { OzClient } from '../oz/client.ts';
import { toError } from '../errors.ts';
import { isApiError } from '../oz/errors.ts';
import type { TimelineEvent } from '../oz/types.ts';

/** Timeline reads while the run starts, at most: a few lines of progress, within the request budget. */
export const MAX_SETUP_READS = 6;
const READ_TIMEOUT_MS = 10_000;

/** The setup steps in their order, and how the log says each (the API's own words are never shown). */
const STEPS: [type: string, line: string][] = [
  ['oz_run_claimed', 'a worker claimed the run'],
  ['worker_container_ready', 'the container is ready'],
  ['shared_session_started', 'the session started'],
  ['agent_started', 'the agent started'],
];

/** The phase that was under way when setup stopped, by the last step reached (none: waiting for a worker). */
const PHASES = ['waiting for a worker', 'starting its container', 'starting its session', 'setting up before the agent started'];

/** Follows a run's setup through its timeline. */
export class SetupWatcher {
  private readonly seen = new Set<string>();
  private reached = 0;
  private reads = 0;
  private inFlight = false;

  private readonly client: OzClient;
  private readonly runId: string;
  private readonly debug: (message: string) => void;

  constructor(client: OzClient, runId: string, debug: (message: string) => void) {
    this.client = client;
    this.runId = runId;
    this.debug = debug;
  }

  /** Whether the agent has started (the timeline said so, or the run is working): no more reads then. */
  get agentStarted(): boolean {
    return this.reached === STEPS.length;
  }

  /** The run is working: its conversation tells the rest. */
  agentIsWorking(): void {
    this.reached = STEPS.length;
  }

  /** One read beside the watch, when one is allowed; new setup steps go to `onLines`. */
  readInBackground(signal: AbortSignal, onLines: (lines: string[]) => void): void {
    if (this.agentStarted || this.inFlight || this.reads >= MAX_SETUP_READS || signal.aborted) return;
    this.reads++;
    this.inFlight = true;
    void this.read(signal)
      .then((lines) => onLines(lines ?? []))
      .finally(() => {
        this.inFlight = false;
      });
  }

  /**
   * After the run ended without its agent starting: one more read, and the phase that failed, or
   * undefined when the agent did start or the timeline cannot be read.
   */
  async failedPhase(signal: AbortSignal): Promise<{ phase: string; lines: string[] } | undefined> {
    if (this.agentStarted) return undefined;
    const lines = await this.read(signal);
    if (lines === undefined || this.agentStarted) return undefined;
    return { phase: PHASES[this.reached]!, lines };
  }

  /** New setup steps as log lines; undefined when the timeline could not be read. */
  private async read(signal: AbortSignal): Promise<string[] | undefined> {
    let events: TimelineEvent[];
    try {
      events = (await this.client.getTimeline(this.runId, signal, { timeoutMs: READ_TIMEOUT_MS, retries: 0 })).events;
    } catch (error) {
      // The status or the error's kind only: a message can carry what the request carried.
      this.debug(`Could not read the run's timeline (${isApiError(error) ? `status ${error.status}` : toError(error).name}).`);
      return undefined;
    }
    const lines: string[] = [];
    for (const [index, [type, line]] of STEPS.entries()) {
      if (!events.some((event) => event.event_type === type) || this.seen.has(type)) continue;
      this.seen.add(type);
      this.reached = Math.max(this.reached, index + 1);
      lines.push(`setup: ${line}`);
    }
    return lines;
  }
}
