/**
 * Command-line mistakes in the CLI's own words. `node:util` parseArgs reports them in text written for
 * programmers (an unbalanced quote, "argument is ambiguous"); these say which flag, what was given,
 * and what to write instead, to the house standard of every other setting.
 */

import { messageOf, systemCode } from '../errors.ts';

/** A value that is a negative number (`-1`, `-0.5`): a mistaken value, not a flag, so it is checked as one. */
const NEGATIVE_NUMBER = /^-(\d+(\.\d*)?|\.\d+)$/;

/**
 * Joins `--flag -1` into `--flag=-1` for flags that take a value, so a negative number reaches the
 * setting's own check ("Expected a positive number") instead of parseArgs's "argument is ambiguous".
 */
export function joinNegativeValues(argv: string[], takesValue: ReadonlySet<string>): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...joined, ...argv.slice(i)];
    const next = argv[i + 1];
    if (arg.startsWith('--') && takesValue.has(arg.slice(2)) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** Edit distance of two short strings (flag names), for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** The known flag closest to `flag` (`--promt` → `--prompt`), when one is close enough to be a typo. */
export function closestFlag(flag: string, known: readonly string[]): string | undefined {
  const name = flag.replace(/^-+/, '').split('=')[0]!.toLowerCase();
  let best: { flag: string; d: number } | undefined;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (best === undefined || d < best.d) best = { flag: candidate, d };
  }
  // Two edits at most, and fewer than half the name: `--x` is not a typo of `--mcp`.
  return best !== undefined && best.d <= Math.min(2, Math.floor(name.length / 2)) ? `--${best.flag}` : undefined;
}

const SEE_HELP = 'See oz-agent-run --help.';

/**
 * The message for a parseArgs error. `known` are the flag names (without dashes, negations included),
 * `takesValue` those that need a value.
 */
export function explainParseError(error: unknown, known: readonly string[], takesValue: ReadonlySet<string>): string {
  const message = messageOf(error);
  const code = systemCode(error);
  const flag = /'(-[^' ]+)/.exec(message)?.[1];
  if (flag === undefined) return `${message.replace(/\.?$/, '.')} ${SEE_HELP}`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = closestFlag(flag, known);
    return `Unknown flag '${flag}'.${near ? ` Did you mean ${near}?` : ''} ${SEE_HELP}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = flag.replace(/^--/, '');
    if (!takesValue.has(name)) return `The flag ${flag} takes no value: write ${flag} alone. ${SEE_HELP}`;
    if (/ambiguous/.test(message)) {
      return `The flag ${flag} needs a value, and what follows it is a flag. For a value that starts with '-', write ${flag}=VALUE. ${SEE_HELP}`;
    }
    return `The flag ${flag} needs a value, such as ${flag} VALUE. ${SEE_HELP}`;
  }
  return `${message.replace(/\.?$/, '.')} ${SEE_HELP}`;
}
