import * as core from '@actions/core';
import { redactor, type Redact } from '../report/redact.ts';
import { readApiKey } from './inputs.ts';

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
