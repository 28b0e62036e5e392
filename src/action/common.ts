import * as core from '@actions/core';
import type { CancelResult } from '../run/cancel.ts';
import { readApiKey, type Settings } from './inputs.ts';
import { OzClient, type RetryNotice, type RetryPolicy } from '../oz/client.ts';
import { USER_AGENT } from '../oz/version.ts';

// What the main and post steps share: masking, the API client with its retry log, and cancel reports.

/** Masks the API key and the GitHub token; this runs before anything else so no log line can show them. */
export function maskSecrets(): void {
  const key = readApiKey(core.getInput);
  if (key !== '') core.setSecret(key);
  const token = core.getInput('github_token');
  if (token !== '') core.setSecret(token);
}

export function makeClient(settings: Pick<Settings, 'apiBaseUrl' | 'apiKey'>, retry?: Partial<RetryPolicy>): OzClient {
  return new OzClient({
    baseUrl: settings.apiBaseUrl,
    apiKey: settings.apiKey,
    userAgent: USER_AGENT,
    ...(retry && { retry }),
    onRetry: ({ what, attempt, delayMs, error }: RetryNotice) =>
      core.info(`${what}: try ${attempt} failed (${error.message}); trying again in ${(delayMs / 1000).toFixed(1)} s`),
  });
}

/** Logs a cancel's outcome; returns whether the run is taken care of (nothing left for the post step). */
export function reportCancel(runId: string, result: CancelResult): boolean {
  switch (result.outcome) {
    case 'cancelled':
      core.info(`Cancelled Oz run ${runId}.`);
      return true;
    case 'already-ended':
      core.info(`Oz run ${runId} had already ended; nothing to cancel.`);
      return true;
    case 'not-cancellable':
      core.warning(`Oz run ${runId} cannot be cancelled through the API (${result.error?.message}); it may keep running.`);
      return true;
    case 'failed':
      core.warning(`Could not cancel Oz run ${runId}: ${result.error?.message}. It may keep running.`);
      return false;
  }
}
