import { parseArgs } from 'node:util';
import { flagOf, flagsOfKind, INPUTS, type SettingKey } from '../names.ts';
import { InputError } from '../errors.ts';
import { checkMetadataPair } from '../settings/settings.ts';
import { fail, type SettingSource } from '../settings/primitives.ts';
import { explainParseError, joinNegativeValues, type FlagSet } from './flag-errors.ts';
import { flagLabel } from './vocabulary.ts';

export { flagLabel } from './vocabulary.ts';

/** Flags that are true or false; each has its `--no-` form. */
const BOOLEANS = [...flagsOfKind('boolean'), 'json'];
/** Flags that need a value. */
const TAKES_VALUE: ReadonlySet<string> = new Set([
  ...flagsOfKind('string'),
  ...flagsOfKind('repeated'),
  ...flagsOfKind('lines'),
  'summary-file',
  'output-file',
]);
/** Every flag name a user may write: to find an unknown one on the command line, and for "did you mean". */
const KNOWN_FLAGS = [...TAKES_VALUE, ...BOOLEANS, ...BOOLEANS.map((name) => `no-${name}`), 'quiet', 'help', 'version'];
/** Every flag, as parseArgs reads it. */
const OPTIONS = {
  ...Object.fromEntries(flagsOfKind('string').map((name) => [name, { type: 'string' as const }])),
  ...Object.fromEntries(flagsOfKind('boolean').map((name) => [name, { type: 'boolean' as const }])),
  ...Object.fromEntries(
    [...flagsOfKind('repeated'), ...flagsOfKind('lines')].map((name) => [name, { type: 'string' as const, multiple: true as const }]),
  ),
  'summary-file': { type: 'string' },
  'output-file': { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;
/** What a parseArgs error is read against: the one-letter flags are those OPTIONS gives a `short`. */
const FLAGS: FlagSet = {
  known: KNOWN_FLAGS,
  takesValue: TAKES_VALUE,
  shorts: Object.fromEntries(Object.entries(OPTIONS).flatMap(([name, option]) => ('short' in option ? [[option.short, name]] : []))),
};

export const USAGE = `Usage: oz-agent-run [flags]

Runs a Warp Oz cloud agent, watches it to its end, and reports how it went.
The API key comes from WARP_API_KEY (never a flag). The API's address: --api-base-url, else
WARP_BASE_URL, else OZ_API_BASE_URL, else https://app.warp.dev/api/v1.

What to run:
  --prompt TEXT                 the task for the agent
  --prompt-file PATH            read the prompt from a file
  --skill SPEC                  a skill (skill_name, repo:skill_name, org/repo:skill_name, org/repo:path/to/SKILL.md)
  --title TEXT                  the run's title
  --mode normal|plan|orchestrate
  --conversation-id ID          continue a conversation
  --run-id ID                   watch an existing run instead of creating one
  --followup TEXT               with --run-id: send this message to the run, then watch it to its new end

How to run it:
  --name LABEL                  a label that groups runs
  --model ID                    the model
  --environment ID              the environment (repositories, setup)
  --base-prompt TEXT            a custom base prompt for the agent (config.base_prompt)
  --host NAME                   a self-hosted worker
  --computer-use, --no-computer-use
  --mcp JSON|PATH               MCP servers: {"mcpServers": {...}} or a file holding it
  --metadata KEY=VALUE          run metadata (repeatable)
  --harness oz|claude|codex|gemini   the harness that runs the agent (default oz, Warp's own)
  --harness-model ID            the model of a third-party harness
  --reasoning-level LEVEL       the reasoning effort of a third-party harness (codex: low, medium, high)
  --harness-secret NAME         the Warp team secret that authenticates the claude or codex harness
  --idle-timeout-minutes N      keep the environment up N minutes (0-60; 0 shuts it down at once) after the task
  --secret NAME                 a team's Warp-managed secret the run may use (repeatable); without it the
                                run gets only the secrets of its environment and identity
  --team UID                    the team a personal key acts for, when its user is on several teams
  --session-sharing viewer|editor   let people outside the team open the session link
  --attachments PATH            an image (jpeg, png, gif, webp) sent with the prompt (repeatable, at most 5)
  --agent-identity UID          run as this agent identity

Watching:
  --no-wait                     start the run, print its id and exit 0
  --timeout-minutes N           give up after N minutes and cancel the run (default 60)
  --max-credits N               cancel the run and fail when its reported usage passes N credits (approximate)
  --poll-interval-seconds N     first pause between reads (default 5)
  --max-poll-interval-seconds N longest pause between reads (default 30)
  --no-cancel-on-abort          leave the run running on timeout or Ctrl-C
  --no-log-progress             do not print what the agent does while it works
  --no-preflight                do not check the model, environment and skill against the API's lists before the create
  --api-base-url URL            the API's address (default WARP_BASE_URL, OZ_API_BASE_URL, https://app.warp.dev/api/v1)

What the agent did:
  --output-schema JSON|PATH     ask for a JSON object matching this schema; fail when it is missing or invalid
  --artifacts-path DIR          save the run's files, screenshots and plans in DIR

Reporting (progress goes to stderr; on a terminal in colour, with a live status line, unless NO_COLOR is set):
  --json                        print the outputs as one JSON object on stdout at the end (typed: jq .run.state works)
  --quiet, -q                   print only warnings and failures on stderr
  --output-format text|json     agent_output: the final answer (text, default) or the conversation as JSON
  --debug                       log every API request (method, path, status, duration, trace id) to stderr
  --summary-file PATH           write the Markdown summary to PATH
  --output-file PATH            write KEY=value lines (OZ_RUN_ID, OZ_STATE, ...) for GitLab's dotenv reports

  --help, --version

Exit codes: 0 the run succeeded (or started, with --no-wait); 1 it started and did not succeed;
2 no run could be started, for certain (bad flags, a report file that cannot be written, a --run-id
that does not exist, or the API refused; a run that may exist is 1); 130 on SIGINT and 143 on
SIGTERM, in every phase, after cancelling the run.`;

export interface CliArgs {
  help: boolean;
  version: boolean;
  json: boolean;
  /** Only warnings and failures on stderr. */
  quiet: boolean;
  summaryFile?: string;
  outputFile?: string;
  /** Settings named as the action's inputs, for settings/settings.ts. */
  source: SettingSource;
  /** `--metadata` pairs, checked; undefined when none were given. */
  metadata?: Record<string, string>;
}

/**
 * Parses the command line with `node:util` parseArgs. Bad flags throw an InputError (exit 2), before
 * anything is sent.
 */
export function parseCli(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parse>;
  const words = joinNegativeValues(argv, TAKES_VALUE);
  try {
    parsed = parse(words);
  } catch (error) {
    throw new InputError('the command line', 'invalid', explainParseError(error, words, FLAGS));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    throw new InputError(
      'the command line',
      'invalid',
      `Unexpected argument '${positionals[0]}': every setting is a flag, such as --prompt "...". See --help.`,
    );
  }
  const flags = values as Record<string, string | boolean | string[] | undefined>;
  const read = (key: SettingKey): string => {
    const value = flags[flagOf(key)];
    switch (INPUTS[key].cli) {
      case 'boolean':
        return value === undefined ? '' : String(value);
      // Repeatable: one value per flag, as the action's input has one per line.
      case 'lines': {
        const values = (value as string[] | undefined) ?? [];
        // Each flag is one value: an empty one is a mistake (a variable that expanded to nothing).
        const empty = values.find((v) => v.trim() === '');
        if (empty !== undefined) fail(flagLabel(key), empty, `a value after each ${flagLabel(key)}`);
        return values.join('\n');
      }
      // Repeated --metadata pairs come as `metadata` below, not as text; the key has no flag.
      case 'repeated':
      case 'none':
        return '';
      case 'string':
        return ((value as string | undefined) ?? '').trim();
    }
  };

  let metadata: Record<string, string> | undefined;
  for (const pair of (flags.metadata as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) fail('--metadata', pair, 'KEY=VALUE, such as --metadata team=platform');
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    checkMetadataPair(key, value, '--metadata');
    (metadata ??= {})[key] = value;
  }

  return {
    help: values.help ?? false,
    version: values.version ?? false,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    ...(values['summary-file'] !== undefined && { summaryFile: values['summary-file'] }),
    ...(values['output-file'] !== undefined && { outputFile: values['output-file'] }),
    source: { read, label: flagLabel },
    ...(metadata !== undefined && { metadata }),
  };
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, strict: true, allowPositionals: true, allowNegative: true, options: OPTIONS });
}
