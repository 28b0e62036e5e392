import * as core from '@actions/core';
import { redactAll, redactor, type Redact } from '../report/redact.ts';

// What the main and post steps share: masking and redaction of the secrets (the list from the parsed settings).

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
