import { HttpClient } from '@actions/http-client';
import type { IncomingMessage, RequestOptions } from 'node:http';
import pRetry from 'p-retry';
import {
  DEFAULT_ERROR_NAMES,
  type ErrorNames,
  isApiError,
  isRetryable,
  OzApiError,
  worthAnotherTry,
  OzBadAnswerError,
  OzNetworkError,
  OzRedirectError,
  parseRetryAfter,
  type Problem,
} from './errors.ts';
import { sleep } from './sleep.ts';
import { systemCode } from '../errors.ts';

/**
 * The HTTP transport of the Oz API: one exchange with the bearer key, bounded by its own deadline and
 * the caller's stop signal; retries with backoff (p-retry) that obey `Retry-After`; and every failure
 * mapped to one of the client's errors (src/oz/errors.ts). It knows no endpoint: client.ts does.
 */

/** How the client retries: exponential backoff with jitter between `minDelayMs` and `maxDelayMs`. */
export interface RetryPolicy {
  /** Tries after the first one. */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** Longest `Retry-After` the client obeys; a longer one is shortened to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 5,
  minDelayMs: 1000,
  maxDelayMs: 16_000,
  maxRetryAfterMs: 60_000,
};

/** Told before each retry, so the caller can log it. */
export interface RetryNotice {
  what: string;
  attempt: number;
  delayMs: number;
  error: Error;
}

export interface TransportOptions {
  baseUrl: string;
  apiKey: string;
  userAgent: string;
  retry?: Partial<RetryPolicy>;
  /**
   * How long one request may take, answer and body, before it is aborted and counts as lost. Default
   * 30 s. Each try of a retried call has its own.
   */
  requestTimeoutMs?: number;
  onRetry?: (notice: RetryNotice) => void;
  /** Told after each request (also a failed one), for a debug log: never a header value or the key. */
  onRequest?: (record: RequestRecord) => void;
  /** Headers some requests carry besides the key's (the team's, on the requests that take it), by method and path without query. */
  headersFor?: (method: string, path: string) => Record<string, string>;
  /**
   * How the front end names the key and the API's address, for the hints in errors
   * ("check the secret that holds the key", "check WARP_API_KEY"). Default: "the API key", "the API address".
   */
  names?: ErrorNames;
}

/** One request as a debug log shows it. */
export interface RequestRecord {
  method: string;
  /** The path under the base URL, without its query. */
  path: string;
  /** The HTTP status, or the network error's code when there was no answer. */
  status: number | string;
  durationMs: number;
  /** The trace id the API gave (problem body `trace_id`, or the `traceparent` header), for support requests. */
  traceId?: string;
}

/** `GET /agent/runs/r1 -> 200 in 35 ms (trace id abc)`: a request as a debug line shows it. */
export function describeRequest(record: RequestRecord): string {
  const trace = record.traceId ? ` (trace id ${record.traceId})` : '';
  return `${record.method} ${record.path} -> ${record.status} in ${record.durationMs} ms${trace}`;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** How one call is bounded, beyond the caller's stop signal. */
export interface CallLimits {
  /** The deadline of each try; default the client's `requestTimeoutMs`. */
  timeoutMs?: number;
  /** Tries after the first; default the client's policy. */
  retries?: number;
}

/** Connection errors that prove the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** What a 2xx answer must be: `isValid` checks it; `what` names it in the error when it is not. */
export interface Expected {
  what: string;
  isValid: (answer: Record<string, unknown>) => boolean;
}

/**
 * The Oz API over `@actions/http-client` (so the runner's proxy settings apply). It knows nothing of
 * GitHub Actions: progress goes out through `onRetry` and `onRequest`.
 */
export class HttpTransport {
  readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly options: TransportOptions;
  private readonly names: ErrorNames;

  constructor(options: TransportOptions) {
    this.options = options;
    this.names = options.names ?? DEFAULT_ERROR_NAMES;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  /**
   * `GET path`, its JSON answer checked against `expected`: a 2xx with anything else (`something other
   * than <what>`) is a bad answer, retried like a 5xx. `limits.retries: 0` tries once.
   */
  get<T>(path: string, expected: Expected, signal?: AbortSignal, limits: CallLimits = {}): Promise<T> {
    const shown = path.split('?')[0]!;
    return this.withRetry(
      `GET ${shown}`,
      async () => {
        const answer = await this.request('GET', path, undefined, signal, limits.timeoutMs);
        if (!isObject(answer) || !expected.isValid(answer)) {
          throw new OzBadAnswerError('GET', shown, 200, `something other than ${expected.what}: ${describeBody(answer)}`);
        }
        // The shape that `expected` checked is the endpoint's type.
        return answer as T;
      },
      signal,
      isRetryable,
      limits.retries,
    );
  }

  /**
   * Runs `attempt` until it succeeds, retrying what `isRetryable` allows (or `retryIf`, when given) with
   * exponential backoff and jitter, waiting at least as long as a `Retry-After` asked.
   */
  withRetry<T>(
    what: string,
    attempt: (attemptNumber: number) => Promise<T>,
    signal?: AbortSignal,
    retryIf: (error: unknown) => boolean = isRetryable,
    retries: number = this.policy.retries,
  ): Promise<T> {
    const { minDelayMs, maxDelayMs, maxRetryAfterMs } = this.policy;
    return pRetry(attempt, {
      retries,
      factor: 2,
      minTimeout: minDelayMs,
      maxTimeout: maxDelayMs,
      randomize: true,
      ...(signal ? { signal } : {}),
      shouldRetry: ({ error, attemptNumber }) => worthAnotherTry(error, attemptNumber, retryIf),
      onFailedAttempt: async ({ error, attemptNumber, retriesLeft, retryDelay }) => {
        if (retriesLeft === 0 || !worthAnotherTry(error, attemptNumber, retryIf)) return;
        const asked = isApiError(error) ? error.retryAfterMs : undefined;
        const extra = asked === undefined ? 0 : Math.max(0, Math.min(asked, maxRetryAfterMs) - retryDelay);
        this.options.onRetry?.({ what, attempt: attemptNumber, delayMs: retryDelay + extra, error });
        // p-retry waits retryDelay after this; the rest of what Retry-After asked is waited here.
        if (extra > 0) await sleep(extra, signal);
      },
    });
  }

  private tellRequest(method: string, path: string, status: number, started: number, message: IncomingMessage, text: string): void {
    if (!this.options.onRequest) return;
    const record: RequestRecord = { method, path, status, durationMs: Date.now() - started };
    const traceId = status >= 400 ? parseProblem(text).traceId : undefined;
    // W3C trace context: version-traceid-parentid-flags.
    const header = message.headers.traceparent;
    const fromHeader = typeof header === 'string' ? /^[0-9a-f]{2}-([0-9a-f]{32})-/.exec(header)?.[1] : undefined;
    const id = traceId ?? fromHeader;
    // The body is the server's text: only an id-shaped value goes to the log.
    if (id !== undefined && /^[A-Za-z0-9_-]{1,128}$/.test(id)) record.traceId = id;
    this.options.onRequest(record);
  }

  /**
   * One HTTP exchange, bounded by its own deadline (`timeoutMs`, default the client's) and by `signal`:
   * either aborts it in flight, socket and all. Stopped by `signal`, it rejects with the signal's
   * reason; out of time, with a network error (`ETIMEDOUT`) that may have reached the server.
   */
  async request(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal, timeoutMs?: number): Promise<unknown> {
    const url = `${this.options.baseUrl}${path}`;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.options.apiKey}`,
      Accept: 'application/json, application/problem+json',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const shownPath = path.split('?')[0]!;
    Object.assign(headers, this.options.headersFor?.(method, shownPath));
    const started = Date.now();
    const limitMs = timeoutMs ?? this.timeoutMs;
    const deadline = AbortSignal.timeout(limitMs);
    const bound = signal ? AbortSignal.any([signal, deadline]) : deadline;
    let message: IncomingMessage;
    let text: string;
    try {
      // The deadline decides when a request is late; the socket's idle timer, a little later, is only a backstop.
      const response = await httpClient(this.options.userAgent, limitMs + 1000, bound).request(
        method,
        url,
        body === undefined ? null : JSON.stringify(body),
        headers,
      );
      message = response.message;
      text = await readBody(message, bound);
    } catch (error) {
      const stopped = signal?.aborted === true;
      const timedOut = deadline.aborted;
      const code = timedOut ? 'ETIMEDOUT' : (systemCode(error) ?? 'ENETWORK');
      this.options.onRequest?.({ method, path: shownPath, status: stopped ? 'ABORTED' : code, durationMs: Date.now() - started });
      if (stopped) throw signal.reason;
      const cause = timedOut ? new Error(`no answer within ${limitMs / 1000} s`, { cause: error }) : error;
      const hint = networkHint(code, url, this.options.baseUrl);
      throw new OzNetworkError(method, shownPath, code, !NOT_SENT_CODES.has(code), cause, hint);
    }
    const status = message.statusCode ?? 0;
    this.tellRequest(method, shownPath, status, started, message, text);
    if (status >= 300 && status < 400) {
      const location = message.headers.location ?? '';
      throw new OzRedirectError(method, shownPath, status, location, this.names);
    }
    if (status >= 200 && status < 300) {
      if (text.trim() === '') throw new OzBadAnswerError(method, shownPath, status, 'an empty body');
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new OzBadAnswerError(method, shownPath, status, `a body that is not JSON: ${snippet(text)}`);
      }
    }
    throw new OzApiError(method, shownPath, status, parseProblem(text), parseRetryAfter(message.headers['retry-after']), this.names);
  }
}

/**
 * An HTTP client for one request, aborted in flight (the socket destroyed) when `signal` aborts:
 * `@actions/http-client` takes no signal itself, but lets a handler shape the Node request options.
 * No keep-alive: an idle pooled socket must never hold the job open, and a run is read every few
 * seconds at most. No redirects: the API does not redirect its calls, and a followed one would carry
 * the bearer key elsewhere.
 */
export function httpClient(userAgent: string, socketTimeoutMs: number, signal: AbortSignal, redirects = 0): HttpClient {
  return new HttpClient(userAgent, [abortHandler(signal)], {
    socketTimeout: socketTimeoutMs,
    keepAlive: false,
    allowRetries: false,
    allowRedirects: redirects > 0,
    ...(redirects > 0 && { maxRedirects: redirects }),
  });
}

/** The handler type, from the constructor (its module is not one the core imports). */
type RequestHandler = NonNullable<ConstructorParameters<typeof HttpClient>[1]>[number];

function abortHandler(signal: AbortSignal): RequestHandler {
  return {
    prepareRequest: (options: RequestOptions) => {
      options.signal = signal;
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('no authentication handler')),
  };
}

/** Reads a whole body, failing (rather than hanging) when the connection drops or `signal` aborts mid-body. */
function readBody(message: IncomingMessage, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onAbort = () => message.destroy(Object.assign(new Error('stopped mid-answer'), { code: 'ETIMEDOUT' }));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => signal.removeEventListener('abort', onAbort);
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) message.destroy(Object.assign(new Error('answer too large'), { code: 'EBODYTOOLARGE' }));
      else chunks.push(chunk);
    });
    message.on('end', () => {
      done();
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    message.on('error', (error) => {
      done();
      reject(error);
    });
    message.on('aborted', () => {
      done();
      reject(Object.assign(new Error('connection closed mid-answer'), { code: 'ECONNRESET' }));
    });
  });
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A body for an error message: its start, as text. */
export function describeBody(value: unknown): string {
  return snippet(JSON.stringify(value) ?? String(value));
}

function snippet(text: string): string {
  // An HTML error page: keep what its body says, not its head, scripts or styles.
  const plain = text
    .replace(/<(head|script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 200 ? `${plain.slice(0, 197)}...` : plain || '(empty body)';
}

/** Reads an RFC 7807 problem, or keeps the start of any other body. */
export function parseProblem(text: string): Problem {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { text: snippet(text) };
  }
  if (typeof json !== 'object' || json === null) return { text: snippet(text) };
  const body = json as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const problem: Problem = {};
  const title = str(body.title);
  const detail = str(body.detail) ?? (title === undefined ? (str(body.error) ?? str(body.message)) : undefined);
  const traceId = str(body.trace_id);
  // The API names the code only in the problem's type URL: `.../errors/invalid-request/` is invalid_request.
  const errorCode = str(body.error_code) ?? str(body.code) ?? codeFromType(str(body.type));
  if (title !== undefined) problem.title = title;
  if (detail !== undefined) problem.detail = detail;
  if (traceId !== undefined) problem.traceId = traceId;
  if (errorCode !== undefined) problem.errorCode = errorCode;
  if (typeof body.retryable === 'boolean') problem.retryable = body.retryable;
  if (title === undefined && detail === undefined) problem.text = snippet(text);
  return problem;
}

/**
 * The error code in a problem's `type` URL: its last path segment. The docs' examples spell it with
 * `-` for `_` (`.../invalid-request/`), the spec with the code itself (`.../invalid_request`): both read
 * as `invalid_request`.
 */
export function codeFromType(type: string | undefined): string | undefined {
  if (type === undefined || type === 'about:blank') return undefined;
  let path: string;
  try {
    path = new URL(type, 'https://x.invalid').pathname;
  } catch {
    return undefined;
  }
  const segment = path.split('/').filter(Boolean).pop();
  return segment && /^[a-z0-9_-]+$/i.test(segment) ? segment.toLowerCase().replaceAll('-', '_') : undefined;
}

/** What to check when a request got no answer for a reason that a retry will not fix. */
function networkHint(code: string, url: string, baseUrl: string): string | undefined {
  const { hostname, port, protocol } = new URL(url);
  // Named as the API's address, not by a setting: the action and the CLI call it differently.
  if (code === 'ENOTFOUND') return `The host ${hostname} does not resolve: check the API base URL (${baseUrl}).`;
  if (code === 'ECONNREFUSED') {
    const where = `${hostname}:${port || (protocol === 'https:' ? '443' : '80')}`;
    return `Nothing accepts connections at ${where}: check the API base URL (${baseUrl}), and that the server there is running.`;
  }
  return undefined;
}
