import { fitChars } from '../report/limits.ts';
import { escapeMarkdown, safeLink, sanitizeMarkdown } from '../report/markdown.ts';
import { isRunId } from '../settings/settings.ts';

/** The hidden marker of a thread's conversation comment: one per pull request or issue, across workflow runs. */
export const CONVERSATION_MARKER = '<!-- oz-agent-action conversation -->';

/** One request in a thread, and the agent's answer to it. */
export interface Exchange {
  who: string;
  url?: string;
  request: string;
  answer?: string;
  state?: string;
}

/** The pull request or issue a conversation comment belongs to: its state is read only there. */
export interface ThreadBinding {
  /** `owner/repo`. */
  repository: string;
  /** The pull request's or issue's number. */
  thread: number;
  /** A review thread's first comment: the conversation of that review thread, not of the pull request's. */
  reviewThread?: number;
}

/** What the conversation comment remembers: the run that carries the thread's conversation, and its exchanges. */
export interface ThreadState {
  runId?: string;
  conversationId?: string;
  exchanges: Exchange[];
  /** Where the state was written; a state read elsewhere is not this thread's. */
  binding?: ThreadBinding;
}

const STATE_PREFIX = '<!-- oz-agent-state ';
const STATE_LINE = /^<!-- oz-agent-state ([A-Za-z0-9+/]*={0,2}) -->$/;

/** Exchanges kept in the comment: older ones are dropped first (the session has them all). */
const MAX_EXCHANGES = 20;

/**
 * Text that is not the action's own (requests, answers, anything quoted) can never open an HTML comment
 * in the conversation comment, so nothing in it can pass for the action's marker or state, even in code
 * where the sanitiser leaves `<` alone. A word joiner keeps it readable.
 */
export function neutraliseComments(text: string): string {
  return text.replaceAll('<!--', '<!\u2060--');
}

/** The state, hidden in the comment's last line as base64 JSON (the text inside is untrusted, so it is never raw HTML). */
export function encodeState(state: ThreadState): string {
  const { binding, ...rest } = state;
  const kept = {
    ...rest,
    ...(binding && { repository: binding.repository, thread: binding.thread }),
    ...(binding?.reviewThread !== undefined && { reviewThread: binding.reviewThread }),
    exchanges: state.exchanges
      .slice(-MAX_EXCHANGES)
      .map((e) => ({ ...e, request: fitChars(e.request, 4000), ...(e.answer !== undefined && { answer: fitChars(e.answer, 8000) }) })),
  };
  return `${STATE_PREFIX}${Buffer.from(JSON.stringify(kept), 'utf8').toString('base64')} -->`;
}

/** Why a comment's state was not taken, for the log; undefined when it was (or there was none). */
export type StateProblem = string | undefined;

/**
 * The state of a conversation comment, read only where the action writes it: the comment starts with
 * the conversation marker and its last line is the state, written for this repository and thread.
 * Anything else (a state-shaped line elsewhere, one bound to another thread) gives an empty
 * conversation and says why.
 */
export function decodeState(body: string, expected: ThreadBinding): { state: ThreadState; problem?: StateProblem } {
  const empty: ThreadState = { exchanges: [], binding: expected };
  if (!body.startsWith(CONVERSATION_MARKER)) return { state: empty, problem: 'the comment does not start with the conversation marker' };
  const last = body.trimEnd().split('\n').at(-1) ?? '';
  const line = STATE_LINE.exec(last.trim());
  if (!line) return { state: empty, problem: "the comment's last line is not its state" };
  let parsed: Partial<ThreadState> & { repository?: unknown; thread?: unknown; reviewThread?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(line[1]!, 'base64').toString('utf8')) as typeof parsed;
  } catch {
    return { state: empty, problem: 'the state cannot be read' };
  }
  // States written before the binding existed carry none: they are the last line of the action's own comment.
  const bound = parsed.repository !== undefined || parsed.thread !== undefined;
  if (
    bound &&
    (typeof parsed.repository !== 'string' ||
      parsed.repository.toLowerCase() !== expected.repository.toLowerCase() ||
      parsed.thread !== expected.thread)
  ) {
    return { state: empty, problem: 'the state was written for another repository or thread' };
  }
  // A review thread's state is bound to it (there is no older form): one thread's run is never another's.
  if ((parsed.reviewThread ?? undefined) !== expected.reviewThread) {
    return { state: empty, problem: 'the state was written for another review thread' };
  }
  const exchanges = Array.isArray(parsed.exchanges)
    ? parsed.exchanges.filter((e) => typeof e?.who === 'string' && typeof e.request === 'string')
    : [];
  return {
    state: {
      exchanges,
      binding: expected,
      // The rule of the run_id input: the thread's run enters by the same road.
      ...(typeof parsed.runId === 'string' && isRunId(parsed.runId) && { runId: parsed.runId }),
      ...(typeof parsed.conversationId === 'string' && { conversationId: parsed.conversationId }),
    },
  };
}

/** A block of Markdown, folded when long. */
function folded(text: string, summary: string): string[] {
  const safe = sanitizeMarkdown(text.trim());
  if (safe.split('\n').length <= 12 && safe.length <= 1500) return [safe];
  return [`<details><summary>${summary}</summary>`, '', safe, '', '</details>'];
}

/**
 * The conversation comment: each request (who asked, a link to their comment) and the agent's answer,
 * newest last, then `footer` (how the current request stands) and the hidden state. A reply in a review
 * thread (`latestOnly`) shows only its own request: the thread above it shows the earlier ones.
 */
export function renderConversation(state: ThreadState, footer: string[], latestOnly = false): string {
  const lines = [CONVERSATION_MARKER, '## 💬 Oz agent conversation', ''];
  for (const exchange of state.exchanges.slice(latestOnly ? -1 : -MAX_EXCHANGES)) {
    const who = `@\u2060${escapeMarkdown(exchange.who.replace(/^@/, ''))}`;
    lines.push(`**${who}** ${exchange.url ? safeLink('asked', exchange.url) : 'asked'}:`, '');
    // Every line quoted, not each block: a request with paragraphs must not leave its quote and pass
    // for the action's own text (a "**Agent:**" line of its own, a verdict table).
    const quoted = folded(exchange.request, 'The request').flatMap((block) => block.split('\n'));
    lines.push(...quoted.map((l) => (l === '' ? '>' : `> ${l}`)), '');
    if (exchange.answer !== undefined && exchange.answer.trim() !== '') {
      lines.push('**Agent:**', '', ...folded(exchange.answer, "The agent's answer"), '');
    } else if (exchange.state !== undefined) {
      lines.push(`*The run ended ${escapeMarkdown(exchange.state)} without an answer.*`, '');
    }
  }
  lines.push(...footer);
  // The marker first and the state last are the action's; everything between is neutralised.
  return [CONVERSATION_MARKER, neutraliseComments(lines.slice(1).join('\n')), '', encodeState(state)].join('\n');
}
