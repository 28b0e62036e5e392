import * as core from '@actions/core';
import { redactAll, redactor, type Redact } from '../report/redact.ts';
import type { RequestBounds } from '../github/request.ts';

// What the main and post steps share: masking and redaction of the secrets.

/** What takes the step's secrets out of what it publishes: made once, from the secrets the parsed settings hold. */
export interface Redaction {
  /** The API key and the token as `***`: for text bound for a file the runner does not mask. */
  redact: Redact;
  /**
   * A copy of a report, a run or a text from the agent or the API, fit to publish: the API key and the
   * token as `***`, and credentials found by pattern as `[redacted <kind>]` (report/redact.ts).
   */
  redactAll: <T>(value: T) => Promise<T>;
}

/** Masks the secrets in the step's log (the runner hides them from then on) and returns what redacts them elsewhere. */
export function maskSecrets(secrets: readonly string[]): Redaction {
  for (const secret of secrets) core.setSecret(secret);
  const redact = redactor([...secrets]);
  return { redact, redactAll: (value) => redactAll(value, redact) };
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

/**
 * The deadline of each GitHub request: 10 s (see github/request.ts). For tests of the bundle,
 * `OZ_ACTION_GITHUB_REQUEST_SECONDS` shortens it; a workflow has no reason to set it.
 */
export function githubRequestBounds(signal?: AbortSignal): RequestBounds {
  const seconds = Number(process.env.OZ_ACTION_GITHUB_REQUEST_SECONDS);
  return { ...(seconds > 0 && { timeoutMs: seconds * 1000 }), ...(signal && { signal }) };
}
