/** Errors of the Oz API client, and the one decision of which of them are worth another try. */
import { CodedError, hasCode, messageOf } from '../errors.ts';

/** An HTTP answer outside 2xx, with what the problem+json body (or any body) said. */
export interface Problem {
  title?: string;
  detail?: string;
  traceId?: string;
  errorCode?: string;
  retryable?: boolean;
  /** Start of a body that was not problem+json, tags stripped. */
  text?: string;
}

/** How the user knows the key and the API's address, for the hints in error messages. */
export interface ErrorNames {
  apiKey: string;
  apiBaseUrl: string;
}

export const DEFAULT_ERROR_NAMES: ErrorNames = { apiKey: 'the API key', apiBaseUrl: 'the API address' };

export class OzApiError extends CodedError<'oz-api'> {
  override name = 'OzApiError';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly problem: Problem;
  /** From `Retry-After`, when the server sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(method: string, path: string, status: number, problem: Problem, retryAfterMs?: number, names = DEFAULT_ERROR_NAMES) {
    super('oz-api', describeApiError(method, path, status, problem, names));
    this.method = method;
    this.path = path;
    this.status = status;
    this.problem = problem;
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * A 2xx answer whose body is not what the endpoint returns (empty, not JSON, not a run). Like a 5xx it
 * is worth another try, and for a create it leaves open whether the run was made.
 */
export class OzBadAnswerError extends CodedError<'oz-bad-answer'> {
  override name = 'OzBadAnswerError';
  readonly status: number;
  constructor(method: string, path: string, status: number, what: string) {
    super('oz-bad-answer', `Oz API ${method} ${path} answered ${status} with ${what}`);
    this.status = status;
  }
}

/** A redirect, which the API never sends for its calls: followed, it could carry the key elsewhere. */
export class OzRedirectError extends CodedError<'oz-redirect'> {
  override name = 'OzRedirectError';
  readonly status: number;
  readonly location: string;
  constructor(method: string, path: string, status: number, location: string, names = DEFAULT_ERROR_NAMES) {
    super(
      'oz-redirect',
      `Oz API ${method} ${path} answered ${status}, a redirect to ${location || '(no Location header)'}. ` +
        'The API does not redirect its calls, so the redirect was not followed and the API key was not sent there: check ' +
        `${names.apiBaseUrl}.`,
    );
    this.status = status;
    this.location = location;
  }
}

/** A request that got no HTTP answer: refused, reset, timed out, or its body was cut short. */
export class OzNetworkError extends CodedError<'oz-network'> {
  override name = 'OzNetworkError';
  /** The system's code for what happened (`ECONNREFUSED`, `ETIMEDOUT`, ...). */
  readonly networkCode: string;
  /** False only when the request surely never reached the server (refused, unknown host). */
  readonly mayHaveReachedServer: boolean;

  constructor(method: string, path: string, networkCode: string, mayHaveReachedServer: boolean, cause: unknown, hint?: string) {
    super('oz-network', `Oz API ${method} ${path} failed: ${networkCode} (${messageOf(cause)})${hint ? `. ${hint}` : ''}`, { cause });
    this.networkCode = networkCode;
    this.mayHaveReachedServer = mayHaveReachedServer;
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function describeApiError(method: string, path: string, status: number, problem: Problem, names: ErrorNames): string {
  const parts = [`Oz API ${method} ${path} failed with ${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`];
  const said = [problem.title, problem.detail].filter((s) => s && s.trim() !== '');
  // A detail that repeats the title adds nothing.
  if (said.length === 2 && said[1]!.includes(said[0]!)) said.shift();
  if (said.length > 0) parts.push(said.join(': '));
  else if (problem.text) parts.push(problem.text);
  if (status === 401) {
    parts.push(`The Warp API key is missing, invalid or revoked: check ${names.apiKey}`);
  } else if (status === 403) {
    parts.push('The Warp API key lacks access to this: use a team agent key with access to the environment and repository');
  }
  let message = parts.join('. ');
  if (problem.errorCode) message += ` [${problem.errorCode}]`;
  if (problem.traceId) message += ` (trace id ${problem.traceId})`;
  return message;
}

/** Statuses where another try may succeed: timeout, rate limit or capacity, and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The client's errors, recognised by code (see src/errors.ts). */
export const isApiError = (error: unknown): error is OzApiError => hasCode(error, 'oz-api');
export const isNetworkError = (error: unknown): error is OzNetworkError => hasCode(error, 'oz-network');
export const isBadAnswer = (error: unknown): error is OzBadAnswerError => hasCode(error, 'oz-bad-answer');

/** Host names that do not resolve: the URL is wrong, and no retry will fix it. */
const UNRESOLVED = new Set(['ENOTFOUND']);

/**
 * How many times a refused connection is tried in all. A refusal comes back at once from a host where
 * nothing listens (a wrong port, a server that is down): a restarting server is back within seconds,
 * so two quick retries (about 3 s) and then the error, with its hint, rather than 40 s of backoff.
 */
export const REFUSED_MAX_TRIES = 3;

/** Whether another try is worth it after `attemptNumber` tries that ended in `error`. */
export function worthAnotherTry(error: unknown, attemptNumber: number, retryIf: (error: unknown) => boolean = isRetryable): boolean {
  if (isNetworkError(error) && error.networkCode === 'ECONNREFUSED' && attemptNumber >= REFUSED_MAX_TRIES) return false;
  return retryIf(error);
}

/** Whether a failed request is worth another try. Other 4xx answers, redirects and unknown hosts are final. */
export function isRetryable(error: unknown): boolean {
  if (isNetworkError(error)) return !UNRESOLVED.has(error.networkCode);
  if (isBadAnswer(error)) return true;
  if (isApiError(error)) return isRetryableStatus(error.status);
  return false;
}

/**
 * Whether a failed create may still have started a run: the request may have reached the server and
 * the answer does not prove it was turned away. 408 and a plain 429 are refusals before any work; a
 * 5xx may come from a gateway after the backend already created the run; and a 429 whose code is
 * `resource_unavailable` (capacity full) can mean Warp queued the task and will run it.
 */
export function mayHaveCreated(error: unknown): boolean {
  if (isNetworkError(error)) return error.mayHaveReachedServer;
  if (isBadAnswer(error)) return true;
  if (isApiError(error)) return error.status >= 500 || (error.status === 429 && error.problem.errorCode === 'resource_unavailable');
  return false;
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
