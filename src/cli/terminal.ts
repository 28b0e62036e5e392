/**
 * How the CLI talks on stderr: plain lines for logs and pipes; on a terminal, colour and one live
 * status line (state, time, title) kept at the bottom and rewritten in place. No colour with NO_COLOR
 * (no-color.org: colour only) or TERM=dumb (neither); only warnings and failures with --quiet.
 */
import { isTerminal } from '../oz/types.ts';
import { formatDuration } from '../report/duration.ts';

export type LineKind = 'progress' | 'warning' | 'failure' | 'success';

export interface TerminalOptions {
  /** stderr is a terminal. */
  tty: boolean;
  env: Record<string, string | undefined>;
  quiet: boolean;
  /** Terminal width, for the status line. */
  columns?: number;
  /** When the CLI started: the status line shows the time since. */
  startedAt: number;
}

export interface Terminal {
  /** A line that stays (already neutralised: no escape sequences of the API's). */
  line: (text: string, kind?: LineKind) => void;
  /** The run's state for the live status line (a terminal only). */
  status: (state: string, title: string | undefined) => void;
  /** Clears the status line and stops its clock. */
  stop: () => void;
}

const CODES = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2 } as const;
const KIND_COLOUR: Record<LineKind, keyof typeof CODES | undefined> = {
  progress: undefined,
  warning: 'yellow',
  failure: 'red',
  success: 'green',
};
const STATE_COLOUR: Record<string, keyof typeof CODES> = {
  SUCCEEDED: 'green',
  FAILED: 'red',
  ERROR: 'red',
  BLOCKED: 'yellow',
  CANCELLED: 'yellow',
};
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Whether to colour: a terminal, and neither NO_COLOR (any non-empty value, no-color.org) nor TERM=dumb. */
export function wantsColour(options: Pick<TerminalOptions, 'tty' | 'env'>): boolean {
  return options.tty && !options.env.NO_COLOR && options.env.TERM !== 'dumb';
}

export function terminal(write: (text: string) => void, options: TerminalOptions): Terminal {
  const colour = wantsColour(options);
  const paint = (name: keyof typeof CODES | undefined, text: string) => (colour && name ? `\u001b[${CODES[name]}m${text}\u001b[0m` : text);
  // State names in progress lines (`QUEUED -> INPROGRESS`), coloured by how they end.
  const states = (text: string) =>
    colour
      ? text.replace(/\b(QUEUED|PENDING|CLAIMED|INPROGRESS|SUCCEEDED|FAILED|ERROR|BLOCKED|CANCELLED)\b/g, (s) =>
          paint(STATE_COLOUR[s] ?? 'cyan', s),
        )
      : text;

  // A dumb terminal cannot rewrite a line in place.
  const live = options.tty && !options.quiet && options.env.TERM !== 'dumb';
  let current: { state: string; title: string | undefined } | undefined;
  let frame = 0;
  let shown = false;
  const clear = () => {
    if (shown) write('\r\u001b[2K');
    shown = false;
  };
  const draw = () => {
    if (!current) return;
    const width = Math.max(20, (options.columns ?? 80) - 1);
    const text = `${SPINNER[frame++ % SPINNER.length]} ${current.state} · ${formatDuration(Date.now() - options.startedAt)}${current.title ? ` · ${current.title}` : ''}`;
    const fitted = [...text].length > width ? `${[...text].slice(0, width - 1).join('')}…` : text;
    write(`\r\u001b[2K${states(fitted)}`);
    shown = true;
  };
  let timer: NodeJS.Timeout | undefined;

  return {
    line(text, kind = 'progress') {
      if (options.quiet && (kind === 'progress' || kind === 'success')) return;
      clear();
      write(`${kind === 'progress' ? states(text) : paint(KIND_COLOUR[kind], text)}\n`);
      if (live) draw();
    },
    status(state, title) {
      if (!live) return;
      // A run that has ended needs no live line: what follows (its answer, files) is printed as lines.
      if (isTerminal(state)) {
        this.stop();
        return;
      }
      current = { state, title: title?.replace(/\s+/g, ' ').trim() };
      draw();
      // The clock ticks on its own; unref'd so it never holds the process open.
      timer ??= setInterval(draw, 1000).unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      current = undefined;
      clear();
    },
  };
}
