import type { EventInfo, ReviewPlace } from '../github/event.ts';
import { fitChars } from '../report/limits.ts';

/** Events where a trigger phrase may start the agent: comments, reviews and issues. */
export const MENTION_EVENTS = ['issue_comment', 'pull_request_review_comment', 'pull_request_review', 'issues'] as const;

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** A line that starts a block of its own, so it is not the lazy continuation of a quoted paragraph. */
const BLOCK_START = /^ {0,3}(?:[-*+] |\d{1,9}[.)] |#{1,6}(?: |$)|`{3,}|~{3,}|<|(?:[-*_] *){3,}$)/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?: |$)/;

/**
 * Blanks, line by line, the blocks where a mention is not a request: fenced code (a backtick fence's
 * info string has no backtick, as GitHub parses it), indented code, and block quotes with their lazy
 * continuation lines (`> @oz ...` quotes someone; the line after it, without a blank line between, is
 * still part of the quote when GitHub renders it).
 */
function withoutInertBlocks(text: string): string {
  const scan = new BlockScan();
  return text
    .split('\n')
    .map((line) => (scan.isInert(line) ? blank(line) : line))
    .join('\n');
}

/** The block structure so far, line by line, as far as telling inert lines apart needs it. */
class BlockScan {
  private fence: string | undefined;
  private quoted = false;
  private previousBlank = true;
  private inList = false;
  private indentedCode = false;

  isInert(line: string): boolean {
    const isBlank = line.trim() === '';
    const inert = this.classify(line, isBlank);
    this.previousBlank = isBlank;
    return inert;
  }

  private classify(line: string, isBlank: boolean): boolean {
    if (this.fence !== undefined) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
      if (close !== undefined && close[0] === this.fence[0] && close.length >= this.fence.length) this.fence = undefined;
      return true;
    }
    const open = /^ {0,3}(`{3,})[^`]*$/.exec(line)?.[1] ?? /^ {0,3}(~{3,})/.exec(line)?.[1];
    if (open !== undefined) {
      this.fence = open;
      this.quoted = this.indentedCode = false;
      return true;
    }
    if (/^ {0,3}>/.test(line)) {
      this.quoted = true;
      return true;
    }
    if (isBlank) {
      // A blank line ends a quote; indented code goes on across it.
      this.quoted = false;
      return false;
    }
    // A lazy continuation: GitHub renders it inside the quote.
    if (this.quoted && !BLOCK_START.test(line)) return true;
    this.quoted = false;
    const indented = /^(?: {4}| {0,3}\t)/.test(line);
    // Indented code starts after a blank line, except in a list, where indentation continues an item.
    if (indented && (this.indentedCode || (this.previousBlank && !this.inList))) {
      this.indentedCode = true;
      return true;
    }
    this.indentedCode = false;
    if (LIST_ITEM.test(line)) this.inList = true;
    else if (!indented) this.inList = false;
    return false;
  }
}

/**
 * Blanks, left to right as GitHub's inline parser reads, code spans (a backtick run closed by a run of
 * the same length, within a paragraph) and HTML comments (`<!-- Tip: mention @oz -->` in an issue
 * template renders as nothing; an unclosed one is blanked to the end, the safe side).
 */
function withoutInertInline(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      const stop = end < 0 ? text.length : end + 3;
      out += blank(text.slice(i, stop));
      i = stop;
      continue;
    }
    if (text[i] === '`') {
      let n = i;
      while (text[n] === '`') n++;
      const run = n - i;
      const close = closingRun(text, n, run);
      if (close >= 0) {
        out += blank(text.slice(i, close + run));
        i = close + run;
      } else {
        out += text.slice(i, n);
        i = n;
      }
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}

/** Where a run of exactly `length` backticks starts after `from`, before the paragraph ends; -1 when none. */
function closingRun(text: string, from: number, length: number): number {
  const paragraphEnd = /\n[ \t]*\n/g;
  paragraphEnd.lastIndex = from;
  const limit = paragraphEnd.exec(text)?.index ?? text.length;
  for (let i = from; i < limit; i++) {
    if (text[i] !== '`') continue;
    let n = i;
    while (text[n] === '`') n++;
    if (n - i === length && n <= limit) return i;
    i = n;
  }
  return -1;
}

/** The text with everything that is not a live request blanked out (same length, so indices still match). */
export function withoutInert(text: string): string {
  return withoutInertInline(withoutInertBlocks(text));
}

/**
 * Where `phrase` stands in `text` as a whole word outside code, HTML comments and quotes (not inside
 * `@oz-bot` or `foo@oz`), case-insensitively; -1 when it does not.
 */
export function findPhrase(text: string, phrase: string): number {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(^|[^\\w@/-])${escaped}(?![\\w-])`, 'i').exec(withoutInert(text));
  return match ? match.index + match[1]!.length : -1;
}

/** What the event is about, in words: `issue comment`, `pull request review`, `issue`. */
export function eventNoun(event: EventInfo): string {
  return event.name === 'issues' ? 'issue' : event.name.replaceAll('_', ' ');
}

/**
 * Why this event's action does not start an agent, or undefined when it may: a deleted comment never
 * does; a comment, review or issue does when it is written (created, submitted, opened), and an edit
 * only when it is what added the mention (a fixed typo in `@oz` starts the agent, an edit of a comment
 * that already asked does not start a second one). Issue events other than opened and edited never do.
 */
export function inactiveAction(event: EventInfo, phrase: string): string | undefined {
  const action = event.action;
  const what = eventNoun(event);
  if (action === undefined) return undefined;
  if (action === 'deleted') return `the ${what} was deleted`;
  const written = { issues: 'opened', pull_request_review: 'submitted' }[event.name] ?? 'created';
  if (action === written) return undefined;
  if (action !== 'edited') return `the ${what} was ${action}; only a new (${written}) or edited one may start the agent`;
  if (event.previousBody === undefined) return `the edit of the ${what} did not change its text`;
  if (findPhrase(event.previousBody, phrase) >= 0) return `the ${what} already mentioned ${phrase} before this edit`;
  return undefined;
}

/** The body that may carry the phrase: the comment's, the review's, or the issue's. */
export function mentionBody(event: EventInfo): string | undefined {
  return event.name === 'issues' ? event.issueBody : event.commentBody;
}

/** What was asked: the text after the phrase, or the whole body when nothing follows it. */
export function requestText(body: string, at: number, phrase: string): string {
  const after = body.slice(at + phrase.length).trim();
  return after !== '' ? after : body.replace(body.slice(at, at + phrase.length), '').trim();
}

/**
 * The prompt for a request made in a thread: the standing instruction (the `prompt` input) when there
 * is one, then who asked, where, and what.
 */
export function mentionPrompt(event: EventInfo, request: string, standing: string | undefined): string {
  const thread = event.thread;
  const kind = thread?.isPullRequest ? 'pull request' : 'issue';
  const where = [
    `${kind} #${thread?.number ?? '?'} in ${event.owner}/${event.repo}`,
    event.title ? `titled "${event.title}"` : undefined,
    thread?.url,
  ].filter(Boolean);
  const branches =
    thread?.isPullRequest && (event.headRef || event.baseRef)
      ? `The pull request's head branch is ${event.headRef ?? '(unknown)'} and its base branch is ${event.baseRef ?? '(unknown)'}.`
      : undefined;
  const place = event.comment?.place;
  return [
    ...(standing ? [standing.trim(), ''] : []),
    `@${event.actor?.login ?? 'someone'} asked you this on ${where.join(', ')}.`,
    ...(branches ? [branches] : []),
    ...(place ? placeLines(place) : []),
    '',
    request,
  ].join('\n');
}

/** Where an inline review comment sits, in words: `src/a.ts, lines 10 to 12 of the new version`. */
export function placeText(place: ReviewPlace): string {
  const lines =
    place.line === undefined
      ? 'the whole file'
      : place.startLine !== undefined
        ? `lines ${place.startLine} to ${place.line}`
        : `line ${place.line}`;
  const side = place.line === undefined ? '' : place.side === 'LEFT' ? ' of the old version (a removed line)' : ' of the new version';
  return `${place.path}, ${lines}${side}`;
}

/** The diff hunk GitHub sends can be long: its end, where the commented lines are, is kept. */
const MAX_HUNK_CHARS = 6000;

/** What the agent is told of an inline review comment's place: the file, the lines, the side, the commit and the diff hunk. */
function placeLines(place: ReviewPlace): string[] {
  const lines = [
    `The request is an inline review comment on ${placeText(place)}${place.commit ? `, at commit ${place.commit}` : ''}: "this" and "here" mean those lines.`,
  ];
  if (place.diffHunk) {
    const hunk = place.diffHunk.length > MAX_HUNK_CHARS ? `…\n${place.diffHunk.slice(-MAX_HUNK_CHARS)}` : place.diffHunk;
    // The hunk is the pull request's text: a fence longer than any backtick run in it keeps it one block.
    const fence = '`'.repeat(Math.max(3, ...[...hunk.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    lines.push(
      'The diff hunk the comment is on (its last line is the commented one):',
      `${fence}diff`,
      fitChars(hunk, MAX_HUNK_CHARS + 2),
      fence,
    );
  }
  return lines;
}
