/**
 * The text of a pull request review: each inline comment's body (with its suggested change), the
 * review's body (the summary, then the comments that could not go on their lines), and the review's
 * part of the job summary. Text from the agent is sanitised here and cut to GitHub's limits.
 */
import { fitChars, fitRendered, fitUnits, MAX_COMMENT_CHARS } from '../report/limits.ts';
import { escapeMarkdown, safeLink, sanitizeMarkdown } from '../report/markdown.ts';

/**
 * An agent's comment, suggestion or summary, before it is put in a body. The bodies themselves are
 * held to GitHub's limit for a comment or review body (limits.ts), which the review shares.
 */
const MAX_AGENT_TEXT_CHARS = 16_000;

export type Verdict = 'approve' | 'comment' | 'request_changes';

/** One comment on a line (or a range of lines, from `start_line` to `line`) of the diff. */
export interface ReviewComment {
  path: string;
  line: number;
  start_line?: number;
  /** RIGHT: the new version of the file (default); LEFT: the old one, for removed lines. */
  side?: 'RIGHT' | 'LEFT';
  body: string;
  /** Replacement text for the line(s), offered as a suggested change. */
  suggestion?: string;
}

/** The review the agent answers with. */
export interface Review {
  verdict: Verdict;
  summary: string;
  comments: ReviewComment[];
}

/** Why a comment is in the review's body rather than on its line. */
export type ListedWhy = 'outside-diff' | 'over-limit';

/** What a review posted, or would have: for the outputs, the summary and the check run. */
export interface ReviewReport {
  verdict: Verdict;
  summary: string;
  comments: ReviewComment[];
  /** The commit reviewed. */
  commit: string;
  /** The review's id and page, once it was posted. */
  id?: number;
  url?: string;
  /** The action's earlier reviews dismissed because this one withdrew their verdict. */
  dismissed?: number;
  /** The action's outdated review threads resolved after it. */
  resolved?: number;
  /** How many comments went on their lines. */
  inline: number;
  /** How many were listed in the body instead, and how many were not repeated. */
  listed: number;
  repeated: number;
  /** The head the pull request had moved to by the time the review was posted. */
  movedTo?: string;
  /** Why the review was not posted, in one sentence. */
  problem?: string;
  /** Something the reader should know about how it was posted (a verdict GitHub refused). */
  note?: string;
  /** True when the token lacked the permission to post it. */
  denied?: boolean;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  approve: '✅ The Oz agent approves these changes',
  comment: '💬 The Oz agent reviewed these changes',
  request_changes: '✋ The Oz agent requests changes',
};

/** A fence that no run of backticks in `text` can close. */
function fenceFor(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/**
 * The most of an inline comment a suggested change may take: the rest is room for the comment's text.
 * A change longer than that is not offered whole, so it is not offered to commit at all.
 */
const MAX_SUGGESTION_UNITS = MAX_COMMENT_CHARS - 2000;

/**
 * A suggested change: GitHub offers a ```suggestion block on a line as a change to commit, so it is
 * offered only whole (committing a shortened one would write the cut into the file). One too long for
 * a comment, and a change listed in the review's body, is shown as plain code, shortened if need be.
 */
function suggestionBlock(suggestion: string, kind: 'suggestion' | 'text'): string {
  const whole = suggestion.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  if (kind === 'suggestion') {
    const fence = fenceFor(whole);
    const offered = `${fence}suggestion\n${whole}\n${fence}`;
    if (offered.length <= MAX_SUGGESTION_UNITS) return offered;
  }
  const text = fitChars(whole, MAX_AGENT_TEXT_CHARS);
  const fence = fenceFor(text);
  const code = `${fence}\n${text}\n${fence}`;
  if (kind === 'text' || text === whole) return code;
  return `The suggested change (${whole.length} characters) is too long to offer as a change to commit here; its start:\n\n${code}`;
}

/** An inline comment's body: the agent's Markdown, sanitised, and its suggestion as a suggested change. */
export function commentBody(comment: ReviewComment): string {
  const suggestion = comment.suggestion === undefined ? undefined : suggestionBlock(comment.suggestion, 'suggestion');
  // Escaping can make the agent's text several times longer: it is shortened until the body fits.
  const room = MAX_COMMENT_CHARS - (suggestion === undefined ? 0 : suggestion.length + 2);
  const text = fitRendered((budget) => sanitizeMarkdown(fitChars(comment.body.trim(), budget)), room, MAX_AGENT_TEXT_CHARS);
  return fitUnits([text, ...(suggestion === undefined ? [] : [suggestion])].join('\n\n'), MAX_COMMENT_CHARS);
}

/** `path:line` (or `path:start-line`), as code, for a comment listed in the body. */
export function commentPlace(comment: ReviewComment): string {
  const lines =
    comment.start_line !== undefined && comment.start_line < comment.line ? `${comment.start_line}-${comment.line}` : comment.line;
  const side = comment.side === 'LEFT' ? ' (old)' : '';
  return `\`${`${comment.path}:${lines}`.replaceAll('`', "'")}\`${side}`;
}

/** A comment as a list item of the body: its place, its text indented under it, a suggestion as plain code. */
function listItem(comment: ReviewComment): string {
  const body = sanitizeMarkdown(fitChars(comment.body.trim(), MAX_AGENT_TEXT_CHARS));
  const parts = [body, ...(comment.suggestion !== undefined ? ['Suggested:', suggestionBlock(comment.suggestion, 'text')] : [])];
  const indented = parts.join('\n\n').replace(/\n/g, '\n  ');
  return `- ${commentPlace(comment)}: ${indented}`;
}

export interface ReviewBodyParts {
  verdict: Verdict;
  summary: string;
  /** The hidden marker that lets the next run find this review. */
  marker: string;
  commit: string;
  movedTo?: string;
  /** Comments that could not go on their lines, and why. */
  listed: { comment: ReviewComment; why: ListedWhy }[];
  repeated: number;
  maxInline: number;
  links: { label: string; url: string | undefined }[];
}

/**
 * The review's body: the verdict, the summary, a note when the head moved, then the comments listed
 * with `path:line` (outside the diff first), within GitHub's limit; what does not fit is counted.
 */
export function reviewBody(parts: ReviewBodyParts): string {
  const heading = [parts.marker, `**${VERDICT_WORDS[parts.verdict]}**`, ''];
  // Escaping can make the summary several times longer: it is shortened until it leaves room for the rest.
  const summaryRoom = MAX_COMMENT_CHARS - heading.join('\n').length - 2000;
  const summary = fitRendered((budget) => sanitizeMarkdown(fitChars(parts.summary.trim(), budget)), summaryRoom, MAX_AGENT_TEXT_CHARS);
  const head = [...heading, summary];
  if (parts.movedTo !== undefined) {
    head.push(
      '',
      `> This review is of commit \`${parts.commit.slice(0, 12)}\`: the pull request's head moved to \`${parts.movedTo.slice(0, 12)}\` while the agent worked.`,
    );
  }
  const tail: string[] = [];
  if (parts.repeated > 0)
    tail.push(
      '',
      `${parts.repeated} comment${parts.repeated === 1 ? ' was' : 's were'} already made in an earlier review and not repeated.`,
    );
  const links = parts.links.filter((l) => l.url !== undefined).map((l) => safeLink(l.label, l.url));
  if (links.length > 0) tail.push('', links.join(' · '));

  let text = head.join('\n');
  const budget = MAX_COMMENT_CHARS - tail.join('\n').length - 200;
  for (const why of ['outside-diff', 'over-limit'] as const) {
    const items = parts.listed.filter((l) => l.why === why);
    if (items.length === 0) continue;
    const heading =
      why === 'outside-diff'
        ? '**On lines outside the diff** (GitHub takes review comments only on the diff):'
        : `**More comments** (at most ${parts.maxInline} go on their lines):`;
    text += `\n\n${heading}\n`;
    for (const [i, item] of items.entries()) {
      const line = `\n${listItem(item.comment)}`;
      if (text.length + line.length > budget) {
        text += `\n- and ${items.length - i} more, in the job summary of the workflow run`;
        break;
      }
      text += line;
    }
  }
  // Each part of the tail is a paragraph of its own, never a continuation of the last list item.
  return fitUnits(tail.length > 0 ? `${text}\n${tail.join('\n')}` : text, MAX_COMMENT_CHARS);
}

/** The review's part of the job summary and the pull request comment: verdict, where it is, and each comment. */
export function reviewSection(review: ReviewReport): string[] {
  const lines = [
    '### Review',
    '',
    `**${VERDICT_WORDS[review.verdict]}**`,
    '',
    sanitizeMarkdown(fitChars(review.summary.trim(), MAX_AGENT_TEXT_CHARS)),
  ];
  if (review.url) {
    lines.push(
      '',
      `${safeLink('The review', review.url)} is of commit \`${review.commit.slice(0, 12)}\`: ${review.inline} comment${review.inline === 1 ? '' : 's'} on lines, ${review.listed} in its body${review.repeated > 0 ? `, ${review.repeated} not repeated` : ''}.`,
    );
  }
  const tidied = [
    review.dismissed ? `${review.dismissed} earlier review${review.dismissed === 1 ? '' : 's'} of the agent's dismissed` : '',
    review.resolved ? `${review.resolved} outdated thread${review.resolved === 1 ? '' : 's'} of the agent's resolved` : '',
  ].filter(Boolean);
  if (tidied.length > 0) lines.push('', `${tidied.join('; ')}.`);
  if (review.movedTo !== undefined)
    lines.push('', `The pull request's head moved to \`${review.movedTo.slice(0, 12)}\` while the agent worked.`);
  for (const said of [review.note, review.problem]) if (said) lines.push('', escapeMarkdown(fitChars(said)));
  if (review.comments.length > 0) {
    lines.push('', '<details><summary>Comments</summary>', '');
    for (const comment of review.comments.slice(0, 200)) lines.push(listItem(comment));
    if (review.comments.length > 200)
      lines.push(`- and ${review.comments.length - 200} more (all of them are in the \`structured_output\` output)`);
    lines.push('', '</details>');
  }
  return [...lines, ''];
}

/** The review's outputs; empty when there was no review. */
export function reviewOutputs(review: ReviewReport | undefined): Record<string, string> {
  return {
    review_url: review?.url ?? '',
    review_comments: String(review?.inline ?? 0),
    verdict: review?.verdict ?? '',
    dismissed_reviews: String(review?.dismissed ?? 0),
  };
}
