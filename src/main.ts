import * as core from '@actions/core';
import { runMain, type MainOptions } from './action/main-step.ts';

/**
 * The action's main step, as `@github/local-action` and the bundle entry (entrypoints/main.ts) call
 * it (the bundle entry with the timings a test of the bundle shortens, see entrypoints/harness.ts). It
 * never throws: runMain reports its own failures, and this catches a bug, whatever was thrown.
 */
export async function run(options: MainOptions = {}): Promise<void> {
  try {
    await runMain(options);
  } catch (error) {
    core.setFailed(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
