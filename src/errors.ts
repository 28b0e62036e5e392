/**
 * The project's one error model. Every error it throws is a CodedError: a `code` from the table
 * below, and the fields of its kind (an API error's status, an input error's setting). Callers decide
 * by code or field, never by message text: the message is for people.
 *
 * Errors are recognised by shape, not by class: `instanceof` fails against a second copy of this
 * module in one process. There is none today (ncc's chunks share one module registry, so a module
 * that two chunks carry is still loaded once), but the check must not depend on how the code is
 * bundled. As octokit checks `error.request` and actions/cache compares `error.name`, a CodedError
 * carries a brand under a registered symbol (`Symbol.for` gives the same symbol to every copy of this
 * module in the process) and a `code`.
 *
 * A leaf: it imports nothing of the project, so any module may use it.
 */

/** What went wrong, one code per kind of error. */
export type ErrorCode =
  /** A setting not of the expected form, missing, or combined with one it cannot go with (InputError). */
  | 'input'
  /** The Oz API answered outside 2xx (OzApiError: `status`, `problem`). */
  | 'oz-api'
  /** The Oz API answered 2xx with a body that is not what the endpoint returns (OzBadAnswerError). */
  | 'oz-bad-answer'
  /** The Oz API answered with a redirect, which was not followed (OzRedirectError). */
  | 'oz-redirect'
  /** A request to the Oz API got no HTTP answer (OzNetworkError: `networkCode`, `mayHaveReachedServer`). */
  | 'oz-network'
  /** A signed artifact URL could not be downloaded (DownloadError). */
  | 'download'
  /** The run a setting names does not exist (RunNotFoundError: `runId`). */
  | 'run-not-found'
  /** A create whose answer was lost, and no run was found by its request id (LostCreateError). */
  | 'lost-create'
  /** A follow-up whose answer was lost, and reading the run did not show it arrived (LostFollowupError). */
  | 'lost-followup'
  /** A stop's deadline came before the run showed the follow-up sent to it: it may still start on it. */
  | 'followup-pending'
  /** The step or CLI was stopped: a signal or the deadline (StopSignal: `reason`). */
  | 'stopped'
  /** A GitHub API call failed or got no answer (GitHubApiError: `status`, `unanswered`). */
  | 'github-api'
  /** The check run the settings ask for could not be created (CheckRunError). */
  | 'check-run'
  /** A thread's conversation could not be read, so no agent was started: it could have been a second one. */
  | 'thread-unreadable';

const BRAND: unique symbol = Symbol.for('oz-agent-action.CodedError');

/** The project's error type: a message for people and a `code` for code. */
export class CodedError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  /** The brand by which `hasCode` knows a CodedError from any copy of this module. */
  readonly [BRAND] = true;

  constructor(code: C, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** Whether `error` is a CodedError (from any copy of this module), and of `code` when one is given. */
export function hasCode<C extends ErrorCode>(error: unknown, code?: C): error is CodedError<C> {
  if (typeof error !== 'object' || error === null || Reflect.get(error, BRAND) !== true) return false;
  const actual: unknown = Reflect.get(error, 'code');
  return typeof actual === 'string' && (code === undefined || actual === code);
}

/** What an input error is about: the setting is missing, not of the expected form, or set with one it cannot go with. */
export type InputReason = 'missing' | 'invalid' | 'conflict' | 'unsupported';

/**
 * A setting (an action's input, a CLI flag) that cannot be used. Its message is shown to the user as
 * is: it names the setting, quotes the value (never a secret) and says the expected form.
 */
export class InputError extends CodedError<'input'> {
  override name = 'InputError';
  /** The setting as the user knows it (`warp_api_key`, `--prompt-file`). */
  readonly setting: string;
  readonly reason: InputReason;

  constructor(setting: string, reason: InputReason, message: string) {
    super('input', message);
    this.setting = setting;
    this.reason = reason;
  }
}

export const isInputError = (error: unknown): error is InputError => hasCode(error, 'input');

/** The message of anything thrown: an Error's message, or the thrown value as text. */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const message: unknown = Reflect.get(error, 'message');
    if (typeof message === 'string') return message;
  }
  return String(error);
}

/** The code Node gives a system or library error (`ENOENT`, `ECONNRESET`, `ERR_PARSE_ARGS_UNKNOWN_OPTION`), if it has one. */
export function systemCode(error: unknown): string | undefined {
  const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Anything thrown, as an Error: itself when it is one, else an Error with its text. */
export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(messageOf(error));
}
