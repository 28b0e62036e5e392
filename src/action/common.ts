import * as core from '@actions/core';
import { OzClient, type RetryNotice, type RetryPolicy } from '../oz/client.ts';
import { USER_AGENT } from '../oz/version.ts';
import type { RunSettings } from '../run/settings.ts';
import { readApiKey } from './inputs.ts';

// What the main and post steps share: masking and the API client with its retry log.

/** Masks the API key and the GitHub token; this runs before anything else so no log line can show them. */
export function maskSecrets(): void {
  const key = readApiKey(core.getInput);
  if (key !== '') core.setSecret(key);
  const token = core.getInput('github_token');
  if (token !== '') core.setSecret(token);
}

export function makeClient(settings: Pick<RunSettings, 'apiBaseUrl' | 'apiKey'>, retry?: Partial<RetryPolicy>): OzClient {
  return new OzClient({
    baseUrl: settings.apiBaseUrl,
    apiKey: settings.apiKey,
    userAgent: USER_AGENT,
    ...(retry && { retry }),
    onRetry: ({ what, attempt, delayMs, error }: RetryNotice) =>
      core.info(`${what}: try ${attempt} failed (${error.message}); trying again in ${(delayMs / 1000).toFixed(1)} s`),
  });
}
