import * as core from '@actions/core';
import { runPost } from './action/post-step.ts';

runPost()
  .catch((error: unknown) => {
    // A post step never turns a green job red: warn, whatever was thrown.
    core.warning(`Oz post step: ${error instanceof Error ? error.message : String(error)}`);
  })
  // Exit 0 whatever happened: cleanup never fails the job, and nothing left behind may hold it open.
  .finally(() => process.exit(0));
