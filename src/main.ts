import * as core from '@actions/core';
import { runMain } from './action/main-step.ts';

// No top-level await: the bundle is CommonJS (see scripts/build.ts).
runMain()
  .catch((error: unknown) => {
    // runMain reports its own failures; this catches a bug, whatever was thrown.
    core.setFailed(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  })
  // Exit now: a socket or timer some library left behind must not hold the job open.
  .finally(() => process.exit());
