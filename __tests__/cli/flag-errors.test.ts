/**
 * The CLI's words for a command line parseArgs refuses: which flag, what was wrong and what to write,
 * read from the command line itself (parseArgs's error gives only its code and a message for people).
 */
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args.ts';
import { explainParseError } from '../../src/cli/flag-errors.ts';

const SEE_HELP = 'See oz-agent-run --help.';

function mistake(argv: string[]): string {
  try {
    parseCli(argv);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`parseCli took ${JSON.stringify(argv)}`);
}

describe('parseCli on a flag it does not know', () => {
  it.each([
    [['--promt', 'hi'], `Unknown flag '--promt'. Did you mean --prompt? ${SEE_HELP}`],
    [['--prompt', 'p', '--bogus'], `Unknown flag '--bogus'. ${SEE_HELP}`],
    [['--prompt', 'p', '--bogus=1'], `Unknown flag '--bogus'. ${SEE_HELP}`],
    [['--Prompt', 'x'], `Unknown flag '--Prompt'. Did you mean --prompt? ${SEE_HELP}`],
    [['--no-prompt'], `Unknown flag '--no-prompt'. ${SEE_HELP}`],
    [['-x'], `Unknown flag '-x'. ${SEE_HELP}`],
    [['-qx'], `Unknown flag '-x'. ${SEE_HELP}`],
    // The negation of every boolean flag is known, as parseArgs knows it, so the unknown one is named.
    [['--no-quiet', '--prompt', 'p', '--bogus'], `Unknown flag '--bogus'. ${SEE_HELP}`],
    // A negation of a negation is no flag: it is the one named, before a later mistake.
    [['--no-no-json', '--promt', 'x'], `Unknown flag '--no-no-json'. ${SEE_HELP}`],
    [['--prompt', 'x', '--no-no-wait'], `Unknown flag '--no-no-wait'. ${SEE_HELP}`],
    // A flag's value is not a flag, even when it looks like one.
    [['--prompt=--bogus', '--promt', 'p'], `Unknown flag '--promt'. Did you mean --prompt? ${SEE_HELP}`],
  ])('%j', (argv, message) => {
    expect(mistake(argv)).toBe(message);
  });
});

describe('parseCli on a flag given its value wrongly', () => {
  it.each([
    [['--prompt', 'p', '--json=yes'], `The flag --json takes no value: write --json alone. ${SEE_HELP}`],
    [['--prompt', 'p', '--quiet=1'], `The flag --quiet takes no value: write --quiet alone. ${SEE_HELP}`],
    [['--help=x'], `The flag --help takes no value: write --help alone. ${SEE_HELP}`],
    [['--prompt', 'p', '--no-json=yes'], `The flag --no-json takes no value: write --no-json alone. ${SEE_HELP}`],
    [['--prompt'], `The flag --prompt needs a value, such as --prompt VALUE. ${SEE_HELP}`],
    [['--metadata', 'a=b', '--metadata'], `The flag --metadata needs a value, such as --metadata VALUE. ${SEE_HELP}`],
    [
      ['--prompt', '--json'],
      `The flag --prompt needs a value, and what follows it is a flag. For a value that starts with '-', write --prompt=VALUE. ${SEE_HELP}`,
    ],
    [
      ['--prompt', '-q'],
      `The flag --prompt needs a value, and what follows it is a flag. For a value that starts with '-', write --prompt=VALUE. ${SEE_HELP}`,
    ],
  ])('%j', (argv, message) => {
    expect(mistake(argv)).toBe(message);
  });
});

describe('explainParseError', () => {
  const flags = { known: ['prompt', 'json', 'no-json'], takesValue: new Set(['prompt']), shorts: {} };
  const parseError = (code: string, message: string) => Object.assign(new TypeError(message), { code });

  it("decides by the error's code and the command line, whatever the message says", () => {
    const error = parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '--json' is worded some other way");
    expect(explainParseError(error, ['--prompt', '--json'], flags)).toBe(
      `The flag --prompt needs a value, and what follows it is a flag. For a value that starts with '-', write --prompt=VALUE. ${SEE_HELP}`,
    );
  });

  it("falls back to parseArgs's message when the command line shows no such mistake", () => {
    const error = parseError('ERR_PARSE_ARGS_UNKNOWN_OPTION', "Unknown option '--x'");
    expect(explainParseError(error, ['--prompt', 'p'], flags)).toBe(`Unknown option '--x'. ${SEE_HELP}`);
  });
});
