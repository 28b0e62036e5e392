/** Types and errors of the GitHub API module, apart from it so that importing them does not load Octokit. */
import { CodedError, hasCode } from '../errors.ts';

/** A GitHub API error, with the status the callers decide on (403: missing permission). */
export class GitHubApiError extends CodedError<'github-api'> {
  override name = 'GitHubApiError';
  readonly status: number;
  /** GitHub's Retry-After, when it sent one (rate limits). */
  readonly retryAfterMs: number | undefined;
  /**
   * Why there was no answer at all (status 0): GitHub did not answer within the request's deadline
   * (`timeout`), or the step stopped waiting for it (`stopped`: the run was stopped, or its budget ran out).
   */
  readonly unanswered: 'timeout' | 'stopped' | undefined;
  constructor(what: string, status: number, message: string, retryAfterMs?: number, unanswered?: 'timeout' | 'stopped') {
    super('github-api', unanswered === undefined ? `GitHub API ${what} failed with ${status}: ${message}` : message);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    this.unanswered = unanswered;
  }
}

/** Whether `error` is a request the step itself stopped waiting for (not a failure of GitHub's). */
export function isStoppedRequest(error: unknown): boolean {
  return isGitHubApiError(error) && error.unanswered === 'stopped';
}

export const isGitHubApiError = (error: unknown): error is GitHubApiError => hasCode(error, 'github-api');

export type Reaction = 'eyes' | 'rocket' | 'confused' | '+1';
export type ReactionTarget = { kind: 'issue-comment' | 'review-comment'; id: number } | { kind: 'issue'; number: number };

export type CheckConclusion = 'success' | 'failure' | 'cancelled' | 'timed_out' | 'action_required';

export interface CheckUpdate {
  status?: 'in_progress' | 'completed';
  conclusion?: CheckConclusion;
  detailsUrl?: string;
  title: string;
  summary: string;
}

/** A pull request's commits and page. */
export interface PullRequestInfo {
  headSha: string;
  baseSha: string;
  url: string;
  /** The head and base branches (a comment event's payload has none). */
  headRef: string;
  baseRef: string;
  /** The repositories of the head and the base (`owner/repo`); the head's is null when its fork was deleted. */
  headRepository: string | null;
  baseRepository: string;
}

/** One changed file of a pull request; `patch` is missing for binary files and very large diffs. */
export interface PullRequestFile {
  filename: string;
  patch?: string;
}

/** A review on a pull request, as listed. */
export interface ReviewInfo {
  id: number;
  login: string;
  body: string;
  commitId: string;
  url: string;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
  state: string;
}

/**
 * A review thread of a pull request, as GraphQL lists it. `comments` are its first comments, oldest
 * first, with their authors' REST logins (`github-actions[bot]`), and `totalComments` how many it has.
 */
export interface ReviewThreadInfo {
  id: string;
  isResolved: boolean;
  isOutdated: boolean;
  comments: { login: string; reviewId?: number }[];
  totalComments: number;
}

/** A review comment on a pull request's line, as listed. `line` is null once the line is outdated. */
export interface ReviewCommentInfo {
  login: string;
  path: string;
  line: number | null;
  originalLine: number | null;
  side: 'RIGHT' | 'LEFT';
  body: string;
}

/** A review to create, in the REST API's own field names. */
export interface NewReview {
  commit_id: string;
  body: string;
  event: 'COMMENT' | 'REQUEST_CHANGES' | 'APPROVE';
  comments: { path: string; line: number; side: 'RIGHT' | 'LEFT'; start_line?: number; start_side?: 'RIGHT' | 'LEFT'; body: string }[];
}

/** The calls, bound to one repository. Every request has its own deadline (see request.ts). */
export interface GitHubApi {
  /** The same calls, each also aborted when `signal` aborts (the step stopped, or a budget ran out). */
  within(signal: AbortSignal): GitHubApi;
  /** The person's permission on the repository: `admin`, `maintain`, `write`, `triage`, `read` or `none`. */
  permission(username: string): Promise<string>;
  /** The head commit of a pull request. */
  pullRequestHead(number: number): Promise<string>;
  /** The first comment on the thread that starts with `marker` and was written by `login` (the token's own identity), with its body. */
  findOwnComment(thread: number, marker: string, login: string): Promise<{ id: number; url: string; body: string } | undefined>;
  /** The login the token acts as: the user of a personal token, else the Actions bot. */
  identity(): Promise<string>;
  /** Adds a reaction to a comment, a review comment or an issue. */
  react(target: ReactionTarget, content: Reaction): Promise<void>;
  /** A pull request's head and base commits and its page. */
  pullRequest(number: number): Promise<PullRequestInfo>;
  /** Every changed file of a pull request, with its patch. */
  pullRequestFiles(number: number): Promise<PullRequestFile[]>;
  /** Every review of a pull request, oldest first. */
  reviews(number: number): Promise<ReviewInfo[]>;
  /** Every review comment of a pull request. */
  reviewComments(number: number): Promise<ReviewCommentInfo[]>;
  createReview(number: number, review: NewReview): Promise<{ id: number; url: string }>;
  /** Dismisses a review (approved or changes requested) with a message. */
  dismissReview(number: number, reviewId: number, message: string): Promise<void>;
  /** Every review thread of a pull request (GraphQL, page after page). */
  reviewThreads(number: number): Promise<ReviewThreadInfo[]>;
  /** Resolves a review thread by its GraphQL id. */
  resolveReviewThread(threadId: string): Promise<void>;
  /** The comments of the review thread that `root` starts (it first), oldest first. */
  reviewThreadComments(number: number, root: number): Promise<{ id: number; login: string; body: string }[]>;
  /** Replies in the review thread that `root` starts. */
  replyToReviewComment(number: number, root: number, body: string): Promise<{ id: number; url: string }>;
  updateReviewComment(id: number, body: string): Promise<{ id: number; url: string }>;
  createComment(thread: number, body: string): Promise<{ id: number; url: string }>;
  updateComment(id: number, body: string): Promise<{ id: number; url: string }>;
  createCheck(name: string, headSha: string, update: CheckUpdate): Promise<number>;
  updateCheck(id: number, update: CheckUpdate): Promise<void>;
}
