import * as core from '@actions/core';
import { describeRequest, OzClient, type RetryNotice, type RetryPolicy } from '../oz/client.ts';
import { USER_AGENT } from '../oz/version.ts';
import { redactAll, redactor, type Redact } from '../report/redact.ts';
import type { RunSettings } from '../run/settings.ts';
import { readApiKey } from './inputs.ts';
import * as log from './log.ts';

// What the main and post steps share: masking and the API client with its retry log.

/** The API key and the GitHub token, wherever the step reads them from. */
function secrets(): string[] {
  return [readApiKey(core.getInput), core.getInput('github_token')].filter((s) => s !== '');
}

/** Masks the API key and the GitHub token; this runs before anything else so no log line can show them. */
export function maskSecrets(): void {
  for (const secret of secrets()) core.setSecret(secret);
}

/** Takes the API key and the token out of text bound for a file the runner does not mask. */
export function redactSecrets(): Redact {
  return redactor(secrets());
}

/**
 * A copy of a report, a run or a text from the agent or the API, fit to publish: the API key and the
 * token as `***`, and credentials found by pattern as `[redacted <kind>]` (report/redact.ts).
 */
export function redactPublished<T>(value: T): Promise<T> {
  return redactAll(value, redactSecrets());
}

/**
 * For tests of the bundle: `OZ_ACTION_PROGRESS_SECONDS` shortens the live progress timings (the
 * conversation reads and the comment's live edits, 15 s / 60 s and 30 s by default) to that many
 * seconds. A workflow has no reason to set it.
 */
export function progressIntervalMs(): number | undefined {
  const seconds = Number(process.env.OZ_ACTION_PROGRESS_SECONDS);
  return seconds > 0 ? seconds * 1000 : undefined;
}

export function makeClient(settings: Pick<RunSettings, 'apiBaseUrl' | 'apiKey'>, retry?: Partial<RetryPolicy>): OzClient {
  return new OzClient({
    baseUrl: settings.apiBaseUrl,
    apiKey: settings.apiKey,
    userAgent: USER_AGENT,
    onRequest: (record) => log.debug(`Oz API: ${describeRequest(record)}`),
    ...(retry && { retry }),
    onRetry: ({ what, attempt, delayMs, error }: RetryNotice) =>
      log.info(`${what}: try ${attempt} failed (${error.message}); trying again in ${(delayMs / 1000).toFixed(1)} s`),
  });
}
