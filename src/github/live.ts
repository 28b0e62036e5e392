/**
 * Progress in the thread: what the agent is doing, shown in the pull request or issue comment while
 * the run is live, and folded under the answer once it ends. Edits are throttled (at most one every
 * `minIntervalMs`, only when something changed) and back off when GitHub refuses one for its rate
 * limits, so progress never costs the step its comment or its outcome.
 */
import { escapeMarkdown } from '../report/markdown.ts';
import { fitChars } from '../report/limits.ts';
import { isTerminal, type RunItem } from '../oz/types.ts';

/** The run as the front end last told it, for the live comment and the check run. */
export type LiveRun = Pick<RunItem, 'state' | 'title' | 'session_link'> & { run_id?: string };

/**
 * How a live run is doing, in a word people use. A terminal state can reach the comment before the
 * step has finished its report: it is "finishing up" then, never "in progress" beside a final state.
 */
export function friendlyState(state: string): string {
  switch (state) {
    case 'QUEUED':
      return 'queued';
    case 'PENDING':
    case 'CLAIMED':
      return 'starting';
    case 'INPROGRESS':
      return 'working';
    default:
      return isTerminal(state) ? 'finishing up' : 'working';
  }
}

/** GitHub asks integrations to space out content-creating requests; 30 s between edits of one comment stays far inside it. */
export const MIN_EDIT_INTERVAL_MS = 30_000;
/** The longest pause after refused edits. */
const MAX_BACKOFF_MS = 10 * 60_000;
/** Actions shown while the run is live, and in the fold of the finished comment. */
const LIVE_ACTIONS = 5;
const FOLDED_ACTIONS = 20;

/** What the agent did, as the conversation reads told it, raw (redact it before rendering). */
export interface ActivitySnapshot {
  /** The last thing the agent said. */
  said?: string;
  /** Its last actions, oldest first (at most FOLDED_ACTIONS). */
  actions: string[];
  /** All actions seen, including those no longer kept. */
  count: number;
  /** The last setup step (from the run's timeline), shown while the agent has said nothing yet. */
  setup?: string;
}

/** What the agent did, as the conversation reads tell it: its actions, and the last thing it said. */
export class AgentActivity {
  private readonly actions: string[] = [];
  private said: string | undefined;
  private setup: string | undefined;
  private count = 0;

  /**
   * One line from the conversation: `says: ...` is what the agent said (the status), `setup: ...` a
   * step of the run's setup (not the agent's doing: never counted or folded), anything else an action.
   */
  add(line: string): void {
    if (line.startsWith('setup: ')) {
      this.setup = line.slice('setup: '.length);
      return;
    }
    if (line.startsWith('says: ')) {
      this.said = line.slice('says: '.length);
      return;
    }
    this.count++;
    this.actions.push(line);
    if (this.actions.length > FOLDED_ACTIONS) this.actions.shift();
  }

  snapshot(): ActivitySnapshot {
    return {
      ...(this.said !== undefined && { said: this.said }),
      ...(this.setup !== undefined && { setup: this.setup }),
      actions: [...this.actions],
      count: this.count,
    };
  }
}

/** Lines for the live comment: the one-line status, then the last few actions; none before any activity. */
export function liveLines(activity: ActivitySnapshot): string[] {
  const lines =
    activity.said !== undefined
      ? [`**Now:** ${oneLine(activity.said)}`, '']
      : activity.setup !== undefined && activity.actions.length === 0
        ? [`**Setting up:** ${oneLine(activity.setup)}`, '']
        : [];
  const recent = activity.actions.slice(-LIVE_ACTIONS);
  if (recent.length > 0) lines.push(...recent.map((a) => `- ${code(a)}`), '');
  return lines;
}

/** The progress, folded, for the finished comment; none when there was no action. */
export function foldedLines(activity: ActivitySnapshot): string[] {
  const { count, actions } = activity;
  if (count === 0) return [];
  const earlier = count - actions.length;
  return [
    `<details><summary>What the agent did (${count} ${count === 1 ? 'action' : 'actions'})</summary>`,
    '',
    ...(earlier > 0 ? [`- … ${earlier} earlier`] : []),
    ...actions.map((a) => `- ${code(a)}`),
    '',
    '</details>',
    '',
  ];
}

/** One line of agent text, escaped, at most 200 characters. */
function oneLine(text: string): string {
  return escapeMarkdown(fitChars(text.replace(/\s+/g, ' ').trim(), 200));
}

/** An action (`command: npm test`) as inline code, whatever backticks it holds. */
function code(action: string): string {
  const text = fitChars(action.replace(/\s+/g, ' ').trim(), 200);
  const fence = '`'.repeat(Math.max(1, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length + 1)));
  return `${fence} ${text} ${fence}`;
}

/**
 * When to edit a comment: at most once per interval, the latest request winning, with the interval
 * doubled (or Retry-After) after a refused edit and restored after one that worked.
 */
export class EditThrottle {
  private lastEditAt = Number.NEGATIVE_INFINITY;
  /** Until when GitHub asked for no edit (after a refused one). */
  private pauseUntil = Number.NEGATIVE_INFINITY;
  private intervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private pending: (() => void) | undefined;
  private stopped = false;
  private readonly minIntervalMs: number;

  constructor(minIntervalMs: number = MIN_EDIT_INTERVAL_MS) {
    this.minIntervalMs = minIntervalMs;
    this.intervalMs = minIntervalMs;
  }

  /**
   * Runs `edit` now if the interval has passed, else once it has; a later request replaces a waiting one.
   * An `urgent` edit (news the user is waiting for, not progress) goes now, unless GitHub asked for a
   * longer pause: the interval is for progress, the backoff for GitHub's limits.
   */
  request(edit: () => void, urgent = false): void {
    if (this.stopped) return;
    this.pending = edit;
    const backingOff = this.intervalMs > this.minIntervalMs;
    if (urgent && !backingOff) {
      clearTimeout(this.timer);
      return this.fire();
    }
    if (this.timer !== undefined) return;
    const wait = this.lastEditAt + this.intervalMs - Date.now();
    if (wait <= 0) return this.fire();
    this.timer = setTimeout(() => this.fire(), wait);
    // A waiting edit never holds the step open.
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    const edit = this.pending;
    this.pending = undefined;
    this.lastEditAt = Date.now();
    edit?.();
  }

  /** GitHub refused an edit (403/429): wait longer before the next one, a waiting one included. */
  refused(retryAfterMs?: number): void {
    this.intervalMs = Math.min(MAX_BACKOFF_MS, Math.max(this.intervalMs * 2, retryAfterMs ?? 0));
    this.lastEditAt = Date.now();
    this.pauseUntil = this.lastEditAt + this.intervalMs;
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.intervalMs);
    this.timer.unref();
  }

  /**
   * Whether GitHub's pause after a refused edit is still on: an edit asked for before the refusal
   * (and queued behind the refused one) must not be sent yet.
   */
  get paused(): boolean {
    return Date.now() < this.pauseUntil;
  }

  /** An edit went through: back to the usual interval. */
  accepted(): void {
    this.intervalMs = this.minIntervalMs;
  }

  /** The pause now asked between edits. */
  get currentIntervalMs(): number {
    return this.intervalMs;
  }

  /** The run ended: no more live edits. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
