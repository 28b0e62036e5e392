/**
 * How each GitHub request is bounded. A request that GitHub never answers must not keep the step (or
 * a socket) waiting: every HTTP exchange gets its own deadline, and is also aborted when the caller's
 * signal aborts (the run was stopped, or the budget for finishing the comment ran out). Octokit hands
 * `request: { signal }` to fetch, which aborts the exchange in flight, body included.
 */
import { messageOf } from '../errors.ts';
import type { getOctokit } from '@actions/github';
import { GitHubApiError } from './types.ts';

export type Octokit = ReturnType<typeof getOctokit>;

/** How long one GitHub request may take, answer and body, before it is aborted. */
export const GITHUB_REQUEST_TIMEOUT_MS = 10_000;

export interface RequestBounds {
  /** The deadline of each HTTP exchange. Default GITHUB_REQUEST_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Aborts every request made with these bounds, in flight or not yet sent. */
  signal?: AbortSignal;
}

/** Octokit's per-request options for one HTTP exchange: a fresh deadline each time it is called. */
export type Fresh = () => { signal: AbortSignal };

/**
 * One API call (one or more HTTP exchanges: a listing reads page after page). `what` names it in a
 * failure ("update comment"), `waitingFor` in a timeout ("the comment update").
 */
export type Call = <T>(what: string, waitingFor: string, request: (fresh: Fresh) => Promise<T>) => Promise<T>;

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 1000 ? 2 : 1))} s`;
}

/** The calls of one API object: each exchange within `timeoutMs`, all of them aborted with `signal`. */
export function boundedCall(bounds: RequestBounds): Call {
  const timeoutMs = bounds.timeoutMs ?? GITHUB_REQUEST_TIMEOUT_MS;
  const stop = bounds.signal;
  return async (what, waitingFor, request) => {
    const deadlines: AbortSignal[] = [];
    const fresh: Fresh = () => {
      const deadline = AbortSignal.timeout(timeoutMs);
      deadlines.push(deadline);
      return { signal: stop ? AbortSignal.any([stop, deadline]) : deadline };
    };
    try {
      if (stop?.aborted) throw stop.reason;
      return await request(fresh);
    } catch (error) {
      if (stop?.aborted) {
        throw new GitHubApiError(what, 0, `The step stopped waiting for GitHub's answer to ${waitingFor}`, undefined, 'stopped');
      }
      if (deadlines.some((deadline) => deadline.aborted)) {
        throw new GitHubApiError(what, 0, `GitHub did not answer ${waitingFor} within ${seconds(timeoutMs)}`, undefined, 'timeout');
      }
      const status = (error as { status?: number }).status ?? 0;
      const retryAfter = Number(
        (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers?.['retry-after'],
      );
      throw new GitHubApiError(what, status, messageOf(error), retryAfter > 0 ? retryAfter * 1000 : undefined);
    }
  };
}

/** Both signals, or the one there is. */
export function eitherSignal(first: AbortSignal | undefined, second: AbortSignal): AbortSignal {
  return first ? AbortSignal.any([first, second]) : second;
}

/** The URL of the next page in a Link header (as Octokit's paginate reads it). */
function nextPage(link: string | undefined): string | undefined {
  return /<([^<>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];
}

/**
 * Every page of a listing, each read with its own deadline. Octokit's paginate drops the per-request
 * options after the first page, so the Link header is followed here.
 */
export async function* pages<T>(
  octokit: Octokit,
  first: (request: { signal: AbortSignal }) => Promise<{ data: T[]; headers: { link?: string | undefined } }>,
  fresh: Fresh,
): AsyncGenerator<T[]> {
  let page = await first(fresh());
  yield page.data;
  for (let url = nextPage(page.headers.link); url !== undefined; url = nextPage(page.headers.link)) {
    page = await octokit.request({ method: 'GET', url, request: fresh() });
    yield page.data;
  }
}

/** Every item of a listing, page after page. */
export async function listAll<T>(
  octokit: Octokit,
  first: (request: { signal: AbortSignal }) => Promise<{ data: T[]; headers: { link?: string | undefined } }>,
  fresh: Fresh,
): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages(octokit, first, fresh)) items.push(...page);
  return items;
}
