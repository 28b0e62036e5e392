import * as core from '@actions/core';
import { redactAll, redactor, type Redact } from '../report/redact.ts';
import { readApiKey } from '../settings/inputs.ts';
import type { RequestBounds } from '../github/request.ts';

// What the main and post steps share: masking and redaction of the secrets.

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

/**
 * The deadline of each GitHub request: 10 s (see github/request.ts). For tests of the bundle,
 * `OZ_ACTION_GITHUB_REQUEST_SECONDS` shortens it; a workflow has no reason to set it.
 */
export function githubRequestBounds(signal?: AbortSignal): RequestBounds {
  const seconds = Number(process.env.OZ_ACTION_GITHUB_REQUEST_SECONDS);
  return { ...(seconds > 0 && { timeoutMs: seconds * 1000 }), ...(signal && { signal }) };
}
