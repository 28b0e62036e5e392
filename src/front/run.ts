import { OzClient } from '../oz/client.ts';
import { describeRequest, type RetryPolicy } from '../oz/http.ts';
import { startAndWatch, type LifecycleOptions, type RunEvents } from '../run/lifecycle.ts';
import type { RunResult } from '../run/outcome.ts';
import type { RunPlan } from '../run/plan.ts';
import type { RunSettings } from '../settings/settings.ts';
import { stopOnSignalsAndDeadline } from '../run/stop.ts';
import type { Vocabulary } from './vocabulary.ts';
import { noticeLine, type Line } from './words.ts';

/** Where a front end's log lines go. */
export interface Say {
  info: (message: string) => void;
  warning: (message: string) => void;
  /** A debug log: every request to the API is told there. */
  debug?: (message: string) => void;
}

/** Writes a line to the front end's log at its level. */
export function sayLine(say: Say, line: Line): void {
  if (line.warning) say.warning(line.text);
  else say.info(line.text);
}

/** The API client of a front end: its User-Agent and its words in error hints, retries told as log lines. */
export function makeClient(
  settings: Pick<RunSettings, 'apiBaseUrl' | 'apiKey' | 'team'>,
  words: Vocabulary,
  info: (message: string) => void,
  retry?: Partial<RetryPolicy>,
  debug?: (message: string) => void,
): OzClient {
  return new OzClient({
    ...(debug && { onRequest: (record) => debug(`Oz API: ${describeRequest(record)}`) }),
    baseUrl: settings.apiBaseUrl,
    apiKey: settings.apiKey,
    ...(settings.team !== undefined && { team: settings.team }),
    userAgent: words.userAgent,
    names: { apiKey: words.apiKey, apiBaseUrl: words.apiBaseUrl },
    ...(retry && { retry }),
    onRetry: ({ what, attempt, delayMs, error }) =>
      info(`${what}: try ${attempt} failed (${error.message}); trying again in ${(delayMs / 1000).toFixed(1)} s`),
  });
}

export interface StopHandlingRun {
  plan: RunPlan;
  metadata: Record<string, string>;
  words: Vocabulary;
  /** The log, and the lifecycle's other events (its notices are worded here, from `words`). */
  say: Say;
  events?: Omit<RunEvents, 'notice' | 'warning'>;
  /** Told once, when SIGINT or SIGTERM arrives. */
  onSignal: (signal: NodeJS.Signals) => void;
  /**
   * Given the run's stop signal (SIGINT, SIGTERM, the timeout) before the run starts: the front end's
   * own requests while it runs (the pull request comment's live edits) are aborted with it.
   */
  onStop?: (signal: AbortSignal) => void;
  retry?: Partial<RetryPolicy>;
  options?: LifecycleOptions;
}

/**
 * The one "run with stop handling" of both front ends: a stop on SIGINT, SIGTERM and the timeout, the
 * client, the lifecycle, and the handlers removed afterwards whatever happened. Returns the result and
 * the signal that stopped it, if one did.
 */
export async function runWithStopHandling(run: StopHandlingRun): Promise<{ result: RunResult; signal?: NodeJS.Signals }> {
  const { plan, words, say } = run;
  const stop = stopOnSignalsAndDeadline(plan.settings.timeoutMs, run.onSignal);
  run.onStop?.(stop.signal);
  try {
    const client = makeClient(plan.settings, words, say.info, run.retry, say.debug);
    const events: RunEvents = {
      ...run.events,
      notice: (notice) => sayLine(say, noticeLine(notice, words)),
      warning: say.warning,
    };
    const result = await startAndWatch(client, plan, run.metadata, stop.signal, events, {
      ...run.options,
      userAgent: words.userAgent,
      setting: words.setting,
    });
    const signal = stop.received();
    return { result, ...(signal && { signal }) };
  } finally {
    stop.dispose();
  }
}
