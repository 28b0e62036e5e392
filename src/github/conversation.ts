import { fitChars } from '../report/limits.ts';
import { escapeMarkdown, safeLink, sanitizeMarkdown } from '../report/markdown.ts';

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

/** What the conversation comment remembers: the run that carries the thread's conversation, and its exchanges. */
export interface ThreadState {
  runId?: string;
  conversationId?: string;
  exchanges: Exchange[];
}

const STATE_PREFIX = '<!-- oz-agent-state ';

/** Exchanges kept in the comment: older ones are dropped first (the session has them all). */
const MAX_EXCHANGES = 20;

/** The state, hidden in the comment as base64 JSON (the text inside is untrusted, so it is never raw HTML). */
export function encodeState(state: ThreadState): string {
  const kept = {
    ...state,
    exchanges: state.exchanges
      .slice(-MAX_EXCHANGES)
      .map((e) => ({ ...e, request: fitChars(e.request, 4000), ...(e.answer !== undefined && { answer: fitChars(e.answer, 8000) }) })),
  };
  return `${STATE_PREFIX}${Buffer.from(JSON.stringify(kept), 'utf8').toString('base64')} -->`;
}

/** The state in a conversation comment's body; an empty conversation when there is none or it is unreadable. */
export function decodeState(body: string): ThreadState {
  const at = body.indexOf(STATE_PREFIX);
  if (at < 0) return { exchanges: [] };
  const end = body.indexOf(' -->', at);
  try {
    const parsed = JSON.parse(Buffer.from(body.slice(at + STATE_PREFIX.length, end), 'base64').toString('utf8')) as Partial<ThreadState>;
    const exchanges = Array.isArray(parsed.exchanges)
      ? parsed.exchanges.filter((e) => typeof e?.who === 'string' && typeof e.request === 'string')
      : [];
    return {
      exchanges,
      ...(typeof parsed.runId === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(parsed.runId) && { runId: parsed.runId }),
      ...(typeof parsed.conversationId === 'string' && { conversationId: parsed.conversationId }),
    };
  } catch {
    return { exchanges: [] };
  }
}

/** A block of Markdown, folded when long. */
function folded(text: string, summary: string): string[] {
  const safe = sanitizeMarkdown(text.trim());
  if (safe.split('\n').length <= 12 && safe.length <= 1500) return [safe];
  return [`<details><summary>${summary}</summary>`, '', safe, '', '</details>'];
}

/**
 * The conversation comment: each request (who asked, a link to their comment) and the agent's answer,
 * newest last, then `footer` (how the current request stands) and the hidden state.
 */
export function renderConversation(state: ThreadState, footer: string[]): string {
  const lines = [CONVERSATION_MARKER, '## 💬 Oz agent conversation', ''];
  for (const exchange of state.exchanges.slice(-MAX_EXCHANGES)) {
    const who = `@\u2060${escapeMarkdown(exchange.who.replace(/^@/, ''))}`;
    lines.push(`**${who}** ${exchange.url ? safeLink('asked', exchange.url) : 'asked'}:`, '');
    lines.push(...folded(exchange.request, 'The request').map((l) => (l === '' ? '>' : `> ${l}`)), '');
    if (exchange.answer !== undefined && exchange.answer.trim() !== '') {
      lines.push('**Agent:**', '', ...folded(exchange.answer, "The agent's answer"), '');
    } else if (exchange.state !== undefined) {
      lines.push(`*The run ended ${escapeMarkdown(exchange.state)} without an answer.*`, '');
    }
  }
  lines.push(...footer, '', encodeState(state));
  return lines.join('\n');
}
