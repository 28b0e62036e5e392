import * as core from '@actions/core';
import { runMain } from './action/main-step.ts';

/**
 * The action's main step, as `@github/local-action` and the bundle entry (entrypoints/main.ts) call
 * it. It never throws: runMain reports its own failures, and this catches a bug, whatever was thrown.
 */
export async function run(): Promise<void> {
  try {
    await runMain();
  } catch (error) {
    core.setFailed(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
