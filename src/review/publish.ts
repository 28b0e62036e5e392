/**
 * Pull request reviews on GitHub: what the agent is told before it starts (the pull request's
 * commits and files, and the commit of the action's previous review), and posting its review after
 * the run as one GitHub review with comments on their lines.
 */
import { createHash } from 'node:crypto';
import { messageOf } from '../errors.ts';
import { COMMENT_MARKER_PREFIX } from '../github/event.ts';
import { Diff } from './diff.ts';
import { isGitHubApiError, type GitHubApi, type NewReview } from '../github/types.ts';
import {
  commentBody,
  reviewBody,
  type ListedWhy,
  type Review,
  type ReviewBodyParts,
  type ReviewComment,
  type ReviewReport,
} from './text.ts';
import type { ReviewTarget } from './schema.ts';
import { fitUnits, MAX_COMMENT_CHARS } from '../report/limits.ts';

/** At most this many comments go on their lines; the rest are listed in the review's body. */
export const MAX_INLINE_COMMENTS = 30;

const MARKER = `${COMMENT_MARKER_PREFIX} review`;

/**
 * The hidden marker of the action's review: it names the commit reviewed, for the next review, and
 * (`source`) the workflow and job that wrote it. Every job that runs the action posts with the same
 * token, so without the source one job's approval would withdraw another job's request for changes.
 */
export function reviewMarker(commit: string, source?: string): string {
  return `${MARKER} commit=${commit}${source === undefined ? '' : ` source=${source}`} -->`;
}

const MARKER_LINE = new RegExp(`^${MARKER} commit=([0-9a-f]{7,64})(?: source=([0-9a-f]{12}))? -->`);

/**
 * The commit a review body's marker names; undefined when it has none. The marker is read only where
 * the action writes it, first: a review may quote another one, marker and all.
 */
export function reviewedCommit(body: string): string | undefined {
  return MARKER_LINE.exec(body)?.[1];
}

/**
 * Whether a review's body is the action's, written by the job of `source`: it starts with the review
 * marker, and names that source (a marker without one was written before markers named it, and is
 * taken as any job's).
 */
export function isOwnReviewBody(body: string, source?: string): boolean {
  const marker = MARKER_LINE.exec(body);
  return marker !== null && (marker[2] === undefined || source === undefined || marker[2] === source);
}

/**
 * The source a review marker names: the workflow file (without the ref, which differs per pull
 * request) and the job, hashed (names may hold any text, and a marker must not).
 */
export function reviewSource(env: NodeJS.ProcessEnv = process.env): string {
  const workflow = (env.GITHUB_WORKFLOW_REF ?? env.GITHUB_WORKFLOW ?? '').replace(/@.*$/, '');
  return createHash('sha256')
    .update(`${workflow}\n${env.GITHUB_JOB ?? ''}`)
    .digest('hex')
    .slice(0, 12);
}

/** What is known about the pull request when the run starts. */
export interface ReviewPlan {
  target: ReviewTarget;
  /** Undefined when the files could not be read: GitHub then decides which comments fit. */
  diff?: Diff;
  /** What could not be read, in sentences, and whether a missing permission was the reason. */
  unread: string[];
  readDenied: boolean;
  /** The workflow and job reviewing (see reviewSource): only their earlier reviews are this one's. */
  source?: string;
}

/**
 * Reads the pull request's commits and files, and the commit of the action's previous review (found
 * by its marker, only among reviews by the token's own identity: anyone can paste a marker). A read
 * that fails leaves that part out and is noted in `unread`; the review still goes ahead.
 */
export async function prepareReview(api: GitHubApi, number: number, fallbackHead: string, source?: string): Promise<ReviewPlan> {
  const plan: ReviewPlan = {
    target: { number, headSha: fallbackHead, files: [] },
    unread: [],
    readDenied: false,
    ...(source !== undefined && { source }),
  };
  const note = (what: string, error: unknown) => {
    plan.unread.push(`${what} (${messageOf(error)})`);
    if (isGitHubApiError(error) && (error.status === 403 || error.status === 404)) plan.readDenied = true;
  };
  try {
    const pr = await api.pullRequest(number);
    Object.assign(plan.target, { headSha: pr.headSha, baseSha: pr.baseSha, url: pr.url });
  } catch (error) {
    note('its commits', error);
  }
  try {
    const files = await api.pullRequestFiles(number);
    plan.target.files = files.map((file) => file.filename);
    plan.diff = new Diff(files);
  } catch (error) {
    note('its files', error);
  }
  try {
    const login = (await api.identity()).toLowerCase();
    const own = (await api.reviews(number)).filter((r) => r.login.toLowerCase() === login && isOwnReviewBody(r.body, source));
    const previous = own.at(-1);
    if (previous) plan.target.previousCommit = reviewedCommit(previous.body)!;
  } catch (error) {
    note('its earlier reviews', error);
  }
  return plan;
}

/** One sentence on what could not be read, for a warning; undefined when everything was. */
export function unreadWarning(plan: ReviewPlan): string | undefined {
  if (plan.unread.length === 0) return undefined;
  const hint = plan.readDenied ? " Add `pull-requests: read` (or write) to the job's permissions." : '';
  return `Could not read pull request #${plan.target.number}: ${plan.unread.join('; ')}. The agent reviewed without them, and the review's comments were placed without the diff.${hint}`;
}

export interface PostOptions {
  /** Post an approval as APPROVE; otherwise approve posts COMMENT. */
  approve: boolean;
  redact: (text: string) => string;
  warn: (message: string) => void;
  links: { label: string; url: string | undefined }[];
  maxInline?: number;
}

type Placed = { comment: ReviewComment; body: string };

/** Where each comment goes: on its line, listed in the body (and why), or nowhere (already posted). */
function placeComments(review: Review, plan: ReviewPlan, earlier: Set<string>, max: number, redact: (t: string) => string) {
  const inline: Placed[] = [];
  const listed: { comment: ReviewComment; why: ListedWhy }[] = [];
  let repeated = 0;
  for (const comment of review.comments) {
    const side = comment.side ?? 'RIGHT';
    const range = comment.start_line !== undefined && comment.start_line !== comment.line ? comment.start_line : undefined;
    // Redaction can change the length: the body is held to GitHub's limit after it.
    const body = fitUnits(redact(commentBody(comment)), MAX_COMMENT_CHARS);
    if (plan.diff !== undefined && !plan.diff.has(comment.path, side, comment.line, range)) {
      listed.push({ comment, why: 'outside-diff' });
    } else if (earlier.has(commentKey(comment.path, side, comment.line, body))) {
      repeated++;
    } else if (inline.length >= max) {
      listed.push({ comment, why: 'over-limit' });
    } else {
      const { start_line: _start, ...rest } = comment;
      inline.push({ comment: { ...rest, side, ...(range !== undefined && { start_line: range }) }, body });
    }
  }
  return { inline, listed, repeated };
}

function commentKey(path: string, side: string, line: number | null, body: string): string {
  return JSON.stringify([path, side, line, body.trim()]);
}

/** The review comments the token's own identity already posted on this pull request, by line and text. */
async function earlierComments(api: GitHubApi, number: number): Promise<Set<string>> {
  const login = (await api.identity()).toLowerCase();
  const comments = await api.reviewComments(number);
  return new Set(
    comments.filter((c) => c.login.toLowerCase() === login).map((c) => commentKey(c.path, c.side, c.line ?? c.originalLine, c.body)),
  );
}

function toApiComment({ comment, body }: Placed): NewReview['comments'][number] {
  return {
    path: comment.path,
    line: comment.line,
    side: comment.side ?? 'RIGHT',
    ...(comment.start_line !== undefined && { start_line: comment.start_line, start_side: comment.side ?? 'RIGHT' }),
    body,
  };
}

/** The event a verdict is posted as: an approval only when the workflow allows it (review_approve). */
function eventOf(review: Review, approve: boolean): NewReview['event'] {
  if (review.verdict === 'request_changes') return 'REQUEST_CHANGES';
  return review.verdict === 'approve' && approve ? 'APPROVE' : 'COMMENT';
}

/** One way to post the review: with this event, and the comments on their lines or all in the body. */
type Attempt = { event: NewReview['event']; inline: boolean };

/**
 * The ways to post the review, in order, each tried when GitHub refused the one before with 422.
 * GitHub's 422 does not say, in any form a program can read, whether it refused the event (approving
 * from Actions, either verdict on one's own pull request) or a line (off the diff), so what succeeds
 * tells: the event as a comment with the lines kept first, then the event with the comments in the
 * body, then a comment with the comments in the body. Repeats (no comments on lines, or an event
 * that already is COMMENT) are left out.
 */
function attempts(event: NewReview['event'], inline: boolean): Attempt[] {
  const all: Attempt[] = [
    { event, inline },
    { event: 'COMMENT', inline },
    { event, inline: false },
    { event: 'COMMENT', inline: false },
  ];
  return all.filter((a, i) => all.findIndex((b) => b.event === a.event && b.inline === a.inline) === i);
}

/** Where the comments go in one attempt. */
type Placement = { inline: Placed[]; listed: ReviewBodyParts['listed'] };

/** The comments as `attempt` posts them: without the lines, those meant for them are listed first in the body, none lost. */
function placedFor(attempt: Attempt, placed: Placement): Placement {
  if (attempt.inline) return placed;
  return { inline: [], listed: [...placed.inline.map(({ comment }) => ({ comment, why: 'outside-diff' as const })), ...placed.listed] };
}

/** The review could not be posted at all: one warning (naming the permission when that is why); its comments are in the job summary. */
function notPosted(report: ReviewReport, error: unknown, review: Review, repeated: number, warn: (message: string) => void): ReviewReport {
  const status = isGitHubApiError(error) ? error.status : 0;
  if (status === 403 || status === 404) report.denied = true;
  report.problem =
    status === 403 || status === 404
      ? "The review could not be posted: the token lacks `pull-requests: write`. Add it to the job's permissions; the review is in the job summary."
      : `The review could not be posted (${messageOf(error)}); it is in the job summary.`;
  warn(report.problem);
  return Object.assign(report, { listed: review.comments.length - repeated, repeated });
}

/**
 * Posts the agent's review on the commit it reviewed: the summary as the body, each comment on its
 * line, those outside the diff (or over the limit) listed in the body, those already posted left
 * out. GitHub refusing the event or a line (422) posts it another way (see attempts) rather than lose
 * the review. A refusal of the review itself is a warning (naming the permission when it is one),
 * never thrown.
 */
export async function postReview(api: GitHubApi, plan: ReviewPlan, review: Review, options: PostOptions): Promise<ReviewReport> {
  const { number, headSha } = plan.target;
  const max = options.maxInline ?? MAX_INLINE_COMMENTS;
  const report: ReviewReport = { ...review, commit: headSha, inline: 0, listed: 0, repeated: 0 };
  const current = await api.pullRequest(number).then(
    (pr) => pr.headSha,
    () => headSha,
  );
  if (current !== headSha) report.movedTo = current;
  const earlier = await earlierComments(api, number).catch(() => new Set<string>());
  const { repeated, ...placed } = placeComments(review, plan, earlier, max, options.redact);
  const event = eventOf(review, options.approve);
  const parts: Omit<ReviewBodyParts, 'listed'> = {
    verdict: review.verdict,
    summary: review.summary,
    marker: reviewMarker(headSha, plan.source),
    commit: headSha,
    ...(report.movedTo !== undefined && { movedTo: report.movedTo }),
    repeated,
    maxInline: max,
    links: options.links,
  };
  let refused: unknown;
  for (const attempt of attempts(event, placed.inline.length > 0)) {
    const { inline, listed } = placedFor(attempt, placed);
    const body = fitUnits(options.redact(reviewBody({ ...parts, listed })), MAX_COMMENT_CHARS);
    try {
      const created = await api.createReview(number, {
        commit_id: headSha,
        event: attempt.event,
        body,
        comments: inline.map(toApiComment),
      });
      Object.assign(report, { id: created.id, url: created.url, inline: inline.length, listed: listed.length, repeated });
      if (attempt.event !== event) {
        // A comment went through where the event did not, with the same comments: the last refusal was the event's.
        report.note = `GitHub refused to post the review as ${event} (${messageOf(refused)}), so it is posted as a comment.`;
        options.warn(report.note);
      }
      return report;
    } catch (error) {
      // Only a 422 refuses what the review holds; posting it another way does not help a 403 or a GitHub that is down.
      if (!isGitHubApiError(error) || error.status !== 422) return notPosted(report, error, review, repeated, options.warn);
      refused = error;
    }
  }
  return notPosted(report, refused, review, repeated, options.warn);
}
