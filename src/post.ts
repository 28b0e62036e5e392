import * as core from '@actions/core';
import { runPost } from './action/post-step.ts';

runPost()
  .catch((error: unknown) => {
    // A post step never turns a green job red: warn, whatever was thrown.
    core.warning(`Oz post step: ${error instanceof Error ? error.message : String(error)}`);
  })
  .finally(() => process.exit());
