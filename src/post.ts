import * as core from '@actions/core';
import { runPost, type PostOptions } from './action/post-step.ts';

/** The action's post step. A post step never turns a green job red: it warns, whatever was thrown. */
export async function run(options: PostOptions = {}): Promise<void> {
  try {
    await runPost(options);
  } catch (error) {
    core.warning(`Oz post step: ${error instanceof Error ? error.message : String(error)}`);
  }
}
