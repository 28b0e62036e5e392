import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { parseCommandFile, stepEnvironment } from '../../sim/runner.ts';

/** The workflow context the in-process tests assert on. */
const CONTEXT = {
  GITHUB_RUN_ID: '4242',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_SHA: 'abc123',
  GITHUB_EVENT_NAME: 'push',
};

/**
 * Sets up a step in this process, with the environment the runner gives it (see sim/runner.ts; restored
 * after the test by vi.unstubAllEnvs) and a capture of everything it prints.
 */
export function stepInProcess(inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'oz-step-'));
  // @actions/core keeps the first summary path it sees for the life of the process, so in-process
  // steps share one summary file per process, emptied for each step.
  const summary = join(tmpdir(), `oz-step-summary-${process.pid}`);
  const env = stepEnvironment(dir, { inputs, env: { ...CONTEXT, GITHUB_STEP_SUMMARY: summary, ...extraEnv } });
  for (const file of [env.GITHUB_OUTPUT!, env.GITHUB_STATE!, summary]) writeFileSync(file, '');

  for (const name of Object.keys(process.env)) {
    if (name.startsWith('INPUT_') || name.startsWith('STATE_') || name.startsWith('GITHUB_')) vi.stubEnv(name, undefined);
  }
  vi.stubEnv('WARP_API_KEY', undefined);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(
      ...String(chunk)
        .split('\n')
        .filter((l) => l !== ''),
    );
    return true;
  });
  return {
    dir,
    lines,
    log: () => lines.join('\n'),
    outputs: () => parseCommandFile(readFileSync(env.GITHUB_OUTPUT!, 'utf8')),
    state: () => parseCommandFile(readFileSync(env.GITHUB_STATE!, 'utf8')),
    summary: () => readFileSync(summary, 'utf8'),
  };
}
