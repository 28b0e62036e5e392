import type { RunItem } from '../oz/types.ts';
import { safeUrl } from './url.ts';
import { formatDuration } from './duration.ts';

/** The log line for a run's new state: `[1m 5s] QUEUED -> INPROGRESS`, or the first state with the title. */
export function stateLine(run: Pick<RunItem, 'state' | 'title'>, previous: string | undefined, elapsedMs: number): string {
  // One line: a title the API derived from a prompt may span several.
  const title = run.title?.replace(/\s+/g, ' ').trim();
  const change = previous ? `${previous} -> ${run.state}` : `${run.state}${title ? `: ${title}` : ''}`;
  return `[${formatDuration(elapsedMs)}] ${change}`;
}

/** The log line that says where to watch the agent; undefined when the link is not an http(s) URL. */
export function sessionLine(url: string): string | undefined {
  const safe = safeUrl(url);
  return safe === undefined ? undefined : `Watch the agent: ${safe}`;
}

/** The log line for something the agent did or said: `[2m 10s] command: npm test`. */
export function activityLine(line: string, elapsedMs: number): string {
  return `[${formatDuration(elapsedMs)}] ${line.length > 300 ? `${line.slice(0, 297)}...` : line}`;
}
