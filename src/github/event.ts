import { readFileSync } from 'node:fs';

/** Events whose trigger is a person's (or bot's) comment or review: only trusted actors may start an agent. */
export const COMMENT_EVENTS = ['issue_comment', 'pull_request_review', 'pull_request_review_comment'] as const;

/** Events that concern a pull request or an issue, where the action keeps a comment up to date. */
export const THREAD_EVENTS = ['pull_request', 'pull_request_target', 'issues', ...COMMENT_EVENTS] as const;

/** The hidden marker that starts every comment this action writes. */
export const COMMENT_MARKER_PREFIX = '<!-- oz-agent-action';

/** What the action needs from the event that triggered the workflow. */
export interface EventInfo {
  name: string;
  /** The event's activity type (`created`, `edited`, `deleted`, `opened`, `submitted`...), when the payload has one. */
  action?: string;
  /** On an `edited` event whose text changed: the comment's, review's or issue's body before the edit. */
  previousBody?: string;
  owner?: string;
  repo?: string;
  /** The pull request or issue the event concerns (for a comment on a pull request, the pull request). */
  thread?: { number: number; isPullRequest: boolean; url?: string };
  /** The pull request's head commit, when the payload has it (not for issue_comment events). */
  headSha?: string;
  /** Who triggered the event: the comment's or review's author, else the sender. */
  actor?: { login: string; isBot: boolean };
  /** True for comment and review events. */
  isComment: boolean;
  /** The comment or review body, to recognise the action's own comments. */
  commentBody?: string;
  /** The comment that triggered the event (issue_comment, pull_request_review_comment), to react to it. */
  comment?: { id: number; url?: string; kind: 'issue' | 'review'; place?: ReviewPlace };
  /** The pull request's or issue's title and body (the body only on `issues` events). */
  title?: string;
  issueBody?: string;
  /** The pull request's branches, when the payload has them. */
  headRef?: string;
  baseRef?: string;
  /** A pull_request event from a fork: its workflow gets no secrets. */
  isForkPullRequest: boolean;
  /**
   * The repositories of the pull request's head and base (`owner/repo`), when the payload has them;
   * the head's is null when the fork was deleted.
   */
  headRepository?: string | null;
  baseRepository?: string;
}

/** Where an inline review comment sits, and the review thread it belongs to (pull_request_review_comment). */
export interface ReviewPlace {
  /** The thread's first comment: replies go to it (GitHub takes no reply to a reply). */
  root: number;
  path: string;
  /** The line (the last of a range), and the range's first line; none for a comment on the whole file. */
  line?: number;
  startLine?: number;
  side?: 'LEFT' | 'RIGHT';
  /** The commit the comment was made on. */
  commit?: string;
  /** The diff hunk the comment is on, as GitHub gives it. */
  diffHunk?: string;
}

interface User {
  login?: string;
  type?: string;
}

interface Payload {
  action?: string;
  changes?: { body?: { from?: string } };
  pull_request?: {
    number?: number;
    html_url?: string;
    title?: string;
    head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
    base?: { ref?: string; repo?: { full_name?: string } };
  };
  issue?: { number?: number; html_url?: string; pull_request?: unknown; title?: string; body?: string | null; user?: User };
  comment?: {
    id?: number;
    html_url?: string;
    body?: string;
    user?: User;
    in_reply_to_id?: number;
    path?: string;
    line?: number | null;
    original_line?: number | null;
    start_line?: number | null;
    original_start_line?: number | null;
    side?: string | null;
    commit_id?: string;
    original_commit_id?: string;
    diff_hunk?: string;
  };
  review?: { id?: number; html_url?: string; body?: string | null; user?: User };
  sender?: User;
}

/** Reads the event from the runner's environment (`GITHUB_EVENT_NAME`, `GITHUB_EVENT_PATH`, `GITHUB_REPOSITORY`). */
export function readEvent(env: NodeJS.ProcessEnv = process.env): EventInfo {
  const name = env.GITHUB_EVENT_NAME ?? '';
  let payload: Payload = {};
  try {
    if (env.GITHUB_EVENT_PATH) payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Payload;
  } catch {
    // No readable event: nothing is known about a pull request or who triggered the run.
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const info: EventInfo = {
    name,
    isComment: (COMMENT_EVENTS as readonly string[]).includes(name),
    isForkPullRequest: false,
  };
  if (owner && repo) Object.assign(info, { owner, repo });
  if (typeof payload.action === 'string') info.action = payload.action;
  if (typeof payload.changes?.body?.from === 'string') info.previousBody = payload.changes.body.from;

  const pr = payload.pull_request;
  if (typeof pr?.number === 'number') {
    info.thread = { number: pr.number, isPullRequest: true, ...(pr.html_url && { url: pr.html_url }) };
    if (pr.head?.sha) info.headSha = pr.head.sha;
    if (pr.title) info.title = pr.title;
    if (pr.head?.ref) info.headRef = pr.head.ref;
    if (pr.base?.ref) info.baseRef = pr.base.ref;
    const head = pr.head?.repo?.full_name;
    const base = pr.base?.repo?.full_name;
    if (base && (head || pr.head?.repo === null)) Object.assign(info, { headRepository: head ?? null, baseRepository: base });
    info.isForkPullRequest = name === 'pull_request' && (pr.head?.repo === null || (!!head && head !== pr.base?.repo?.full_name));
  } else if (typeof payload.issue?.number === 'number') {
    const isPullRequest = payload.issue.pull_request !== undefined;
    info.thread = { number: payload.issue.number, isPullRequest, ...(payload.issue.html_url && { url: payload.issue.html_url }) };
    if (payload.issue.title) info.title = payload.issue.title;
    if (name === 'issues' && typeof payload.issue.body === 'string') info.issueBody = payload.issue.body;
  }
  if (typeof payload.comment?.id === 'number') {
    const place = name === 'pull_request_review_comment' ? reviewPlace(payload.comment as Payload['comment'] & { id: number }) : undefined;
    info.comment = {
      id: payload.comment.id,
      kind: name === 'pull_request_review_comment' ? 'review' : 'issue',
      ...(payload.comment.html_url && { url: payload.comment.html_url }),
      ...(place && { place }),
    };
  }

  const author = payload.comment?.user ?? payload.review?.user ?? (name === 'issues' ? payload.issue?.user : undefined) ?? payload.sender;
  if (author?.login) info.actor = { login: author.login, isBot: author.type === 'Bot' || author.login.endsWith('[bot]') };
  const body = payload.comment?.body ?? payload.review?.body;
  if (typeof body === 'string') info.commentBody = body;
  return info;
}

/** Where an inline review comment sits; undefined without a path. An outdated comment has only its original lines. */
function reviewPlace(comment: NonNullable<Payload['comment']> & { id: number }): ReviewPlace | undefined {
  if (typeof comment.path !== 'string') return undefined;
  const line = comment.line ?? comment.original_line ?? undefined;
  const startLine = comment.start_line ?? comment.original_start_line ?? undefined;
  const commit = comment.commit_id ?? comment.original_commit_id;
  return {
    root: typeof comment.in_reply_to_id === 'number' ? comment.in_reply_to_id : comment.id,
    path: comment.path,
    ...(typeof line === 'number' && { line }),
    ...(typeof startLine === 'number' && startLine !== line && { startLine }),
    ...((comment.side === 'LEFT' || comment.side === 'RIGHT') && { side: comment.side }),
    ...(typeof commit === 'string' && { commit }),
    ...(typeof comment.diff_hunk === 'string' && { diffHunk: comment.diff_hunk }),
  };
}

/** Whether the action keeps a comment on this event's pull request or issue. */
export function concernsThread(event: EventInfo): boolean {
  return (THREAD_EVENTS as readonly string[]).includes(event.name) && event.thread !== undefined;
}
