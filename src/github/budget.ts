/**
 * Comments and check runs within GitHub's limits. GitHub refuses (422) a comment over 65,536
 * characters and a check run text over 65,535, and a refused update leaves the comment saying
 * "working" for good; so every body is fitted before it is sent, the agent's words shortened first.
 */
import { fitChars, fitRendered, fitUnits, MAX_CHECK_TEXT_CHARS, MAX_COMMENT_CHARS } from '../report/limits.ts';
import { renderSummary, type Report } from '../report/summary.ts';
import { renderConversation, type Exchange, type ThreadState } from './conversation.ts';

/** What an older turn keeps of its answer (and of its request) once the comment is too long. */
const OLDER_TURN_CHARS = 600;

/**
 * The run's summary for a comment (after `marker`) and a check run: one text that fits both, the
 * agent's answer shortened (with a link to the job summary, which has all of it) when it must be.
 */
export function summaryWithin(report: Report, marker: string): string {
  const room = Math.min(MAX_CHECK_TEXT_CHARS, MAX_COMMENT_CHARS - marker.length - 1);
  return fitRendered((budget) => renderSummary(report, { comment: true, maxAnswerChars: budget }), room, 60_000);
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
 * only then is the newest answer shortened, pointing to the job summary that has all of it.
 */
export function conversationWithin(state: ThreadState, footer: string[], maxUnits: number = MAX_COMMENT_CHARS): string {
  const render = (exchanges: Exchange[]) => renderConversation({ ...state, exchanges }, footer);
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
  if (body.length <= maxUnits || exchanges.length === 0) return fitUnits(body, maxUnits);
  const newest = exchanges[0]!;
  const note = 'Shortened to fit the comment: the job summary of the workflow run has all of it.';
  return fitRendered(
    (budget) => render([shorten(newest, budget, note)]),
    maxUnits,
    Math.max(newest.request.length, newest.answer?.length ?? 0),
  );
}
