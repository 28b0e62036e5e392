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

/** The flags the command line takes, to find the one a parseArgs error is about. */
export interface FlagSet {
  /** Every long flag name a user may write, without dashes, negations included. */
  known: readonly string[];
  /** Those that need a value. */
  takesValue: ReadonlySet<string>;
  /** One-letter flags, by letter, and the long flag each stands for (`q` → `quiet`). */
  shorts: Readonly<Record<string, string>>;
}

/** One flag on the command line, as parseArgs reads it. */
interface Written {
  /** As written, without its value: `--prompt`, `-q`. */
  flag: string;
  /** The long flag it is, or its own name when unknown. */
  name: string;
  known: boolean;
  /** A value in the same word (`--json=yes`). */
  inline: boolean;
  /** For a flag that needs a value and has none inline: the word after it, which parseArgs takes as the value. */
  next?: string;
}

/**
 * Whether parseArgs knows a long flag: a listed one, or the negation (allowNegative) of one that takes
 * no value, so `--no-quiet` is known though "did you mean" offers it nowhere.
 */
function isKnown(name: string, flags: FlagSet): boolean {
  // `known` lists the negations too (for "did you mean"): `--no-no-json` is no flag parseArgs has.
  const negated = name.startsWith('no-') && !name.startsWith('no-no-') ? name.slice(3) : undefined;
  return flags.known.includes(name) || (negated !== undefined && flags.known.includes(negated) && !flags.takesValue.has(negated));
}

/**
 * The flags on the command line, in order, read as parseArgs reads them: a flag that needs a value
 * takes the next word whatever it is (parseArgs then refuses one that starts with '-'), a word of
 * letters after one '-' is that many one-letter flags, and `--` ends the flags.
 */
function writtenFlags(argv: readonly string[], flags: FlagSet): Written[] {
  const written: Written[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const flag: Written = { flag: `--${name}`, name, known: isKnown(name, flags), inline: eq !== -1 };
      if (!flag.inline && flags.takesValue.has(name)) {
        i++;
        if (i < argv.length) flag.next = argv[i];
      }
      written.push(flag);
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (const [at, letter] of [...arg.slice(1)].entries()) {
        const name = flags.shorts[letter];
        const last = at === arg.length - 2;
        const takesValue = name !== undefined && flags.takesValue.has(name);
        const flag: Written = { flag: `-${letter}`, name: name ?? letter, known: name !== undefined, inline: takesValue && !last };
        if (takesValue && last) {
          i++;
          if (i < argv.length) flag.next = argv[i];
        }
        written.push(flag);
        // The rest of the word is that flag's value (`-fVALUE`).
        if (takesValue) break;
      }
    }
  }
  return written;
}

/** A word parseArgs refuses as a flag's value: one that looks like a flag (a lone '-' is a value). */
const flagLike = (word: string | undefined): boolean => word !== undefined && word.length > 1 && word.startsWith('-');

/** What is wrong with a flag's value, if anything: none where one is needed, or one where none is taken. */
function valueMistake(w: Written, flags: FlagSet): string | undefined {
  const flag = `--${w.name}`;
  if (!flags.takesValue.has(w.name)) {
    return w.inline ? `The flag ${flag} takes no value: write ${flag} alone.` : undefined;
  }
  if (w.inline) return undefined;
  if (w.next === undefined) return `The flag ${flag} needs a value, such as ${flag} VALUE.`;
  if (flagLike(w.next)) {
    return `The flag ${flag} needs a value, and what follows it is a flag. For a value that starts with '-', write ${flag}=VALUE.`;
  }
  return undefined;
}

/**
 * The message for a parseArgs error on `argv` (the words parseArgs read). parseArgs says what went
 * wrong only by its code and names the flag only in its message, so the flag is found here by
 * reading `argv` as parseArgs does: the first one with that kind of mistake, as parseArgs stops at
 * the first. Its message is shown as it is only when no such flag is found.
 */
export function explainParseError(error: unknown, argv: readonly string[], flags: FlagSet): string {
  const written = writtenFlags(argv, flags);
  const code = systemCode(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const unknown = written.find((w) => !w.known);
    if (unknown !== undefined) {
      const near = closestFlag(unknown.flag, flags.known);
      return `Unknown flag '${unknown.flag}'.${near ? ` Did you mean ${near}?` : ''} ${SEE_HELP}`;
    }
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const mistake = written
      .filter((w) => w.known)
      .map((w) => valueMistake(w, flags))
      .find((m) => m !== undefined);
    if (mistake !== undefined) return `${mistake} ${SEE_HELP}`;
  }
  return `${messageOf(error).replace(/\.?$/, '.')} ${SEE_HELP}`;
}
