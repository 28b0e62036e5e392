import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { defaultInputs, parseCommandFile } from '../../sim/runner.ts';

/** The files and environment the runner gives a step, in a fresh temporary folder. */
export interface StepFiles {
  dir: string;
  env: Record<string, string>;
  outputs(): Record<string, string>;
  state(): Record<string, string>;
  summary(): string;
}

export function stepFiles(inputs: Record<string, string>, extraEnv: Record<string, string> = {}, inProcess = false): StepFiles {
  const dir = mkdtempSync(join(tmpdir(), 'oz-step-'));
  // @actions/core keeps the first summary path it sees for the life of the process, so in-process
  // steps share one summary file per process, emptied for each step.
  const summary = inProcess ? join(tmpdir(), `oz-step-summary-${process.pid}`) : join(dir, 'summary');
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STATE: join(dir, 'state'), GITHUB_STEP_SUMMARY: summary };
  for (const path of Object.values(files)) writeFileSync(path, '');
  const env: Record<string, string> = {
    ...files,
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'agent',
    GITHUB_SHA: 'abc123',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    ...extraEnv,
  };
  for (const [name, value] of Object.entries({ ...defaultInputs(extraEnv), ...inputs })) {
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  return {
    dir,
    env,
    outputs: () => parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: () => parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary: () => readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}

/**
 * Sets up a step in this process: its environment (restored after the test by vi.unstubAllEnvs) and a
 * capture of everything it prints.
 */
export function stepInProcess(inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const files = stepFiles(inputs, extraEnv, true);
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('INPUT_') || name.startsWith('STATE_') || name.startsWith('GITHUB_')) vi.stubEnv(name, undefined);
  }
  vi.stubEnv('WARP_API_KEY', undefined);
  for (const [name, value] of Object.entries(files.env)) vi.stubEnv(name, value);
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(
      ...String(chunk)
        .split('\n')
        .filter((l) => l !== ''),
    );
    return true;
  });
  return { ...files, log: () => lines.join('\n'), lines };
}
