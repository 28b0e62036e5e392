import * as core from '@actions/core';
import { runMain } from './action.ts';

try {
  await runMain();
} catch (error) {
  // runMain reports its own failures; this catches a bug, whatever was thrown.
  core.setFailed(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
// Exit now: a socket or timer some library left behind must not hold the job open.
process.exit();
