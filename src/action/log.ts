import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';

/**
 * The step log, safe for text the action did not write. The runner reads every line of the log for
 * workflow commands (`::set-output ...`, `::error ...`, `::add-mask::`, the older `##[...]`), and text
 * from the API or the agent (a run title, a status message, an error body) can quote a stranger. Such
 * a line is printed between `::stop-commands::<token>` and `::<token>::`, with a fresh random token
 * each time, as GitHub's workflow-command docs intend, so the runner shows it and acts on none of it.
 * Annotations (`core.warning`, `core.error`, `core.setFailed`) need nothing more: the toolkit escapes
 * their text into one command's data.
 */
export function info(message: string): void {
  if (!/::|##\[/.test(message)) {
    core.info(message);
    return;
  }
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  core.info(message);
  core.info(`::${token}::`);
}

/** Set by the `debug` input: debug lines are shown whether or not step debug logging is on. */
let debugShown = false;

/** Shows debug lines in the log from now on (the `debug` input), as step debug logging would. */
export function showDebug(on: boolean): void {
  debugShown = on;
}

/** A debug line: in the log when `debug` is true, else only with step debug logging (ACTIONS_STEP_DEBUG). */
export function debug(message: string): void {
  if (debugShown) info(`[debug] ${message}`);
  else core.debug(message);
}

let pending: Promise<void> = Promise.resolve();

/**
 * A line the agent or the API wrote (an action, a run's title), printed once it is redacted (which
 * may load the credential detector), in the order given. A line that cannot be redacted is not shown.
 */
export function infoWhenRedacted(ready: Promise<string>, print: (line: string) => void = info): void {
  pending = pending.then(() =>
    ready.then(print, () => print('(a line from the agent is not shown: it could not be checked for credentials)')),
  );
}

/** Resolves once every line given to infoWhenRedacted is printed. */
export function drained(): Promise<void> {
  return pending;
}

/** Whether debug lines reach the log people read (the `debug` input, or step debug logging). */
export function debugVisible(): boolean {
  return debugShown || core.isDebug();
}
