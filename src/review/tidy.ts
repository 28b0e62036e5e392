/**
 * What the action tidies after it posts a review: its own earlier verdict that the new one no longer
 * holds (dismissed, with a link to the new review), and its own review threads on lines that have
 * changed since and that nobody answered (resolved). "Its own" is a review by the token's identity
 * whose body starts with the action's review marker: a person, or another bot, may paste the marker
 * into a review, and the same identity may post reviews for other workflows.
 */
import { messageOf } from '../errors.ts';
import { isOwnReviewBody } from './publish.ts';
import { isGitHubApiError, type GitHubApi, type ReviewInfo, type ReviewThreadInfo } from '../github/types.ts';
import type { Verdict } from './text.ts';

/** The review just posted. */
export interface PostedReview {
  id: number;
  url: string;
  verdict: Verdict;
}

export interface TidyOptions {
  /** Resolve the action's outdated review threads nobody replied to (`resolve_outdated`). */
  resolveOutdated: boolean;
  /** The workflow and job that posted the review (see reviewSource): only their earlier reviews are its own. */
  source?: string;
  warn: (message: string) => void;
}

/** What was tidied: how many earlier reviews were dismissed and threads resolved. */
export interface Tidied {
  dismissed: number;
  resolved: number;
}

const PERMISSION = "the token lacks `pull-requests: write`: add it to the job's permissions";

function denied(error: unknown): boolean {
  return isGitHubApiError(error) && (error.status === 403 || error.status === 404);
}

/** Whether a listed review is this action's own: the token's identity wrote it, and it starts with the marker. */
export function isOwnReview(review: Pick<ReviewInfo, 'login' | 'body'>, login: string, source?: string): boolean {
  return review.login.toLowerCase() === login.toLowerCase() && isOwnReviewBody(review.body, source);
}

/**
 * The review state a new verdict withdraws: any verdict but request_changes clears the action's own
 * earlier request for changes (GitHub does not: a later comment leaves it blocking), and
 * request_changes clears its own earlier approval.
 */
function withdrawn(verdict: Verdict): string {
  return verdict === 'request_changes' ? 'APPROVED' : 'CHANGES_REQUESTED';
}

/**
 * After a review was posted: dismisses the action's earlier reviews whose verdict the new one
 * withdraws, then (with `resolveOutdated`) resolves its outdated threads. Never throws: each failure
 * is one warning, and the review, the step's outcome and the check run stay as they are.
 */
export async function tidyAfterReview(api: GitHubApi, number: number, posted: PostedReview, options: TidyOptions): Promise<Tidied> {
  const tidied: Tidied = { dismissed: 0, resolved: 0 };
  let own: ReviewInfo[];
  let login: string;
  try {
    login = await api.identity();
    own = (await api.reviews(number)).filter((review) => review.id !== posted.id && isOwnReview(review, login, options.source));
  } catch (error) {
    options.warn(`Could not read the earlier reviews of pull request #${number} to tidy them (${messageOf(error)}).`);
    return tidied;
  }
  tidied.dismissed = await dismissStale(api, number, posted, own, options.warn);
  if (options.resolveOutdated) {
    const reviewIds = new Set([posted.id, ...own.map((review) => review.id)]);
    tidied.resolved = await resolveOutdated(api, number, login, reviewIds, options.warn);
  }
  return tidied;
}

async function dismissStale(api: GitHubApi, number: number, posted: PostedReview, own: ReviewInfo[], warn: (m: string) => void) {
  const stale = own.filter((review) => review.state === withdrawn(posted.verdict));
  const what = posted.verdict === 'request_changes' ? 'approval' : 'request for changes';
  const message = `The Oz agent reviewed this pull request again and its earlier ${what} no longer holds: see its new review, ${posted.url}`;
  let dismissed = 0;
  for (const review of stale) {
    try {
      await api.dismissReview(number, review.id, message);
      dismissed++;
    } catch (error) {
      const why = denied(error) ? PERMISSION : messageOf(error);
      warn(`Could not dismiss the Oz agent's earlier ${what} (${review.url}): ${why}. It stays on the pull request.`);
      if (denied(error)) break;
    }
  }
  return dismissed;
}

/**
 * Whether the action may resolve a thread: outdated and open, its first comment in one of the action's
 * own reviews and by the token's identity, and every comment in it the same identity's (a person or
 * another bot who replied keeps it open, and so does a thread too long to read whole).
 */
export function resolvable(thread: ReviewThreadInfo, login: string, reviewIds: Set<number>): boolean {
  const first = thread.comments[0];
  const ours = (who: string) => who.toLowerCase() === login.toLowerCase();
  return (
    thread.isOutdated &&
    !thread.isResolved &&
    first?.reviewId !== undefined &&
    reviewIds.has(first.reviewId) &&
    thread.comments.length === thread.totalComments &&
    thread.comments.every((comment) => ours(comment.login))
  );
}

async function resolveOutdated(api: GitHubApi, number: number, login: string, reviewIds: Set<number>, warn: (m: string) => void) {
  let resolved = 0;
  try {
    const threads = (await api.reviewThreads(number)).filter((thread) => resolvable(thread, login, reviewIds));
    for (const thread of threads) {
      await api.resolveReviewThread(thread.id);
      resolved++;
    }
  } catch (error) {
    const why = denied(error) ? PERMISSION : messageOf(error);
    warn(`Could not resolve the Oz agent's outdated review threads on pull request #${number}: ${why}.`);
  }
  return resolved;
}
