import type { EventInfo } from './event.ts';

/** Events where a trigger phrase may start the agent: comments, reviews and issues. */
export const MENTION_EVENTS = ['issue_comment', 'pull_request_review_comment', 'pull_request_review', 'issues'] as const;

/** The text with code blanked out (same length, so indices still match): fenced blocks, then code spans. */
function withoutCode(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return text.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\n]*$|(?![\s\S]))/gm, blank).replace(/(`+)[^`]*?\1/g, blank);
}

/**
 * Where `phrase` stands in `text` as a whole word outside code spans and fenced code (not inside
 * `@oz-bot` or `foo@oz`), case-insensitively; -1 when it does not.
 */
export function findPhrase(text: string, phrase: string): number {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(^|[^\\w@/-])${escaped}(?![\\w-])`, 'i').exec(withoutCode(text));
  return match ? match.index + match[1]!.length : -1;
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
  return [
    ...(standing ? [standing.trim(), ''] : []),
    `@${event.actor?.login ?? 'someone'} asked you this on ${where.join(', ')}.`,
    ...(branches ? [branches] : []),
    '',
    request,
  ].join('\n');
}
