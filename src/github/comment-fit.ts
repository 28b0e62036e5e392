/**
 * Comments and check runs within GitHub's limits. GitHub refuses (422) a comment over 65,536
 * characters and a check run text over 65,535, and a refused update leaves the comment saying
 * "working" for good; so every body is fitted before it is sent, the agent's words shortened first.
 */
import { fitChars, fitRendered, fitUnits, MAX_CHECK_TEXT_CHARS, MAX_COMMENT_CHARS } from '../report/limits.ts';
import type { Report } from '../report/model.ts';
import { renderSummary, type SummaryWords } from '../report/summary.ts';
import { renderConversation, type Exchange, type ThreadState } from '../threads/state.ts';

/** What an older turn keeps of its request and its answer once the comment is too long. */
const OLDER_TURN_CHARS = 600;

/**
 * The run's summary for a comment (after `marker`) and a check run: one text that fits both, the
 * agent's answer shortened (with a link to the job summary, which has all of it) when it must be.
 */
export function summaryWithin(report: Report, marker: string, words: SummaryWords): string {
  const room = Math.min(MAX_CHECK_TEXT_CHARS, MAX_COMMENT_CHARS - marker.length - 1);
  return fitUnits(
    fitRendered((budget) => renderSummary(report, { ...words, comment: true, maxAnswerChars: budget }), room, 60_000),
    room,
  );
}

/**
 * The last guard before a comment is sent: cut to the limit, keeping its last line when that is the
 * action's hidden HTML comment (a conversation's state lives there, and is read only there).
 */
export function fitComment(body: string, maxUnits: number = MAX_COMMENT_CHARS): string {
  if (body.length <= maxUnits) return body;
  const last = body.slice(body.lastIndexOf('\n') + 1);
  if (!/^<!--.*-->$/.test(last) || last.length > maxUnits / 2) return fitUnits(body, maxUnits);
  return `${fitUnits(body.slice(0, body.length - last.length), maxUnits - last.length - 2)}\n\n${last}`;
}

function shorten(exchange: Exchange, chars: number, note: string): Exchange {
  const answer = exchange.answer === undefined ? undefined : fitChars(exchange.answer, chars);
  return {
    ...exchange,
    request: fitChars(exchange.request, chars),
    ...(answer !== undefined && { answer: answer === exchange.answer ? answer : `${answer}\n\n*${note}*` }),
  };
}

/**
 * The conversation comment within GitHub's limit. Older turns go first: each is shortened to an
 * excerpt, oldest first, then dropped, oldest first (the agent session keeps the whole conversation);
 * only then is the newest turn shortened, pointing to the job summary that has all of its answer.
 */
export function conversationWithin(state: ThreadState, footer: string[], maxUnits: number = MAX_COMMENT_CHARS, latestOnly = false): string {
  const render = (exchanges: Exchange[]) => renderConversation({ ...state, exchanges }, footer, latestOnly);
  let exchanges = [...state.exchanges];
  let body = render(exchanges);
  for (let i = 0; i < exchanges.length - 1 && body.length > maxUnits; i++) {
    exchanges[i] = shorten(exchanges[i]!, OLDER_TURN_CHARS, 'Shortened to fit the comment: the agent session has all of it.');
    body = render(exchanges);
  }
  while (exchanges.length > 1 && body.length > maxUnits) {
    exchanges = exchanges.slice(1);
    body = render(exchanges);
  }
  const newest = exchanges[0];
  if (body.length > maxUnits && newest !== undefined) {
    const note = 'Shortened to fit the comment: the job summary of the workflow run has all of it.';
    const longest = Math.max(newest.request.length, newest.answer?.length ?? 0);
    body = fitRendered((budget) => render([shorten(newest, budget, note)]), maxUnits, longest);
  }
  return fitComment(body, maxUnits);
}
