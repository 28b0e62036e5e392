import { createHash } from 'node:crypto';
import { checkOfficialInputs, type OfficialNotes } from './official.ts';
import { checkInputNames } from './unknown-inputs.ts';
import { INPUTS, type SettingKey } from '../names.ts';
import { InputError } from '../errors.ts';
import { checkRunSettings, parseConnection, parseRunSettings, type Connection, type RunSettings } from './settings.ts';
import { fail, parseBoolean, parseList, quote, readSettingText, type InputReader, type SettingSource } from './primitives.ts';

/** The settings source of the action: each setting is the input the names table gives it. */
export function inputSource(read: InputReader): SettingSource {
  return { read: (key) => read(INPUTS[key].input), label: (key) => INPUTS[key].input };
}

/** Everything the action needs: the run's settings, and what it does on GitHub. */
export interface Settings extends RunSettings {
  /** Token for comments, check runs and permission look-ups (`github_token`, default the job's token). */
  githubToken: string;
  /** Keep a comment on the pull request or issue the event concerns (default true). */
  prComment: boolean;
  /** Show what the agent is doing in that comment while it works (`comment_progress`, default true). */
  commentProgress: boolean;
  /** Name of a check run that follows the run; empty for none. */
  checkName: string;
  /** Logins that may trigger from comments whatever their permission. */
  allowedUsers: string[];
  /** Bots that may trigger from comments. */
  allowedBots: string[];
  /** Start only when a comment, review or issue mentions this (`trigger_phrase`); empty for always. */
  triggerPhrase: string;
  /** Send a thread's new request to its existing run as a follow-up (default true). */
  continueConversation: boolean;
  /** On a pull request, ask the agent for a review and post it on the diff (`review`, default false). */
  review: boolean;
  /** Post an approving review as APPROVE rather than COMMENT (`review_approve`, default false). */
  reviewApprove: boolean;
  /** With review: resolve the action's own outdated review threads nobody replied to (`resolve_outdated`, default true). */
  resolveOutdated: boolean;
  /**
   * What the step says before the run about inputs read otherwise than written: keys that are no input
   * of this action and close to none (see unknown-inputs.ts), `allowed_bots` names without `[bot]`, and
   * the official action's inputs that mean nothing here.
   */
  notes: OfficialNotes;
  /** The GitHub web host (GITHUB_SERVER_URL): where a comment's pasted images may be downloaded from. */
  serverUrl: string;
  /** Which entry of a matrix job this step is (see entryOf): part of the pull request comment's marker. */
  entry: string;
  /** The `prompt` input as written, before the output_schema instruction: the standing instruction of mentions. */
  standingPrompt?: string;
}

const LOGIN_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

/** A list of GitHub logins, separated by commas, spaces or new lines. */
export function parseLogins(read: InputReader, name: string): string[] {
  const logins = parseList(read(name), /[\s,]+/).map((login) => login.replace(/^@/, ''));
  for (const login of logins) {
    if (!LOGIN_PATTERN.test(login)) fail(name, login, 'GitHub logins separated by commas or new lines, such as octocat, renovate[bot]');
  }
  return logins;
}

/**
 * What to tell about `allowed_bots` names written without `[bot]` (`renovate`): they still match the
 * bot (see threads/triggers.ts), but GitHub names bots `renovate[bot]`, and a reader of the workflow
 * should not have to guess whether a person was meant.
 */
function allowedBotsNotices(bots: string[]): string[] {
  return bots
    .filter((bot) => !/\[bot\]$/i.test(bot))
    .map(
      (bot) =>
        `allowed_bots ${quote(bot)} has no [bot] suffix; it is read as ${quote(`${bot}[bot]`)}. Expected bot logins as GitHub writes them, such as ${bot}[bot] (people belong in allowed_users).`,
    );
}

/** The API key: the `warp_api_key` input, else the `WARP_API_KEY` environment variable; '' when neither. */
function readApiKey(read: InputReader, env: NodeJS.ProcessEnv): string {
  return read('warp_api_key') || (env.WARP_API_KEY ?? '').trim();
}

/**
 * The inputs that say what a step runs and reports, as written: what tells the entries of a matrix
 * job apart. Left out: secrets, values that change between attempts of one job (a token minted for
 * the job inside `mcp`, a `run_id` from an earlier step) and anything resolved on the runner (paths
 * made absolute, the contents of files), so a re-run of an entry, and its post step, say the same.
 */
const ENTRY_KEYS = [
  'prompt',
  'promptFile',
  'skill',
  'title',
  'name',
  'model',
  'environment',
  'checkName',
  'outputSchema',
  'harness',
  'harnessModel',
] as const satisfies readonly SettingKey[];

/**
 * Which entry of a matrix job this step is: a short hash of ENTRY_KEYS as written. Entries of one
 * matrix job share the workflow run, the job and the step ids, so the pull request comment's marker
 * needs this too, or one entry would take another's comment for its own and overwrite its report.
 */
function entryOf(src: SettingSource): string {
  const written = ENTRY_KEYS.map((key) => [key, src.read(key)]);
  return createHash('sha256').update(JSON.stringify(written)).digest('hex').slice(0, 12);
}

/** The secrets among the settings (the API key, the GitHub token): what the step masks and redacts. */
export function secretsOf(settings: Pick<Settings, 'apiKey' | 'githubToken'>): string[] {
  return [settings.apiKey, settings.githubToken].filter((secret) => secret !== '');
}

/**
 * The action's inputs parsed, or why they cannot be. Either way the secrets, which are read first:
 * a step masks them before anything else, even when another input is bad. When they cannot be, the
 * connection too if its own inputs are good (parseConnection): the post step still cancels a left run.
 */
export type ParsedInputs =
  { ok: true; settings: Readonly<Settings>; secrets: string[] } | { ok: false; error: unknown; secrets: string[]; connection?: Connection };

/**
 * The one function that turns the action's inputs into Settings, for the main step and the post step
 * alike: every check, the JSON Schema's too, before any request. It never throws: a bad input is
 * `error` (an InputError that names it).
 */
export async function parseInputs(
  read: InputReader,
  env: NodeJS.ProcessEnv = process.env,
  readFile: (path: string) => string = readSettingText,
): Promise<ParsedInputs> {
  const secrets = secretsOf({ apiKey: readApiKey(read, env), githubToken: read('github_token') });
  try {
    const settings = parseSettings(read, env, readFile);
    await checkRunSettings(settings, inputSource(read).label);
    return { ok: true, settings, secrets: secretsOf(settings) };
  } catch (error) {
    return { ok: false, error, secrets, ...connectionOf(read, env) };
  }
}

/** The connection alone, when its inputs are good; nothing otherwise (the error named is the full parse's). */
function connectionOf(read: InputReader, env: NodeJS.ProcessEnv): { connection?: Connection } {
  const apiKey = readApiKey(read, env);
  if (apiKey === '') return {};
  try {
    return { connection: parseConnection(inputSource(read), apiKey, env) };
  } catch {
    return {};
  }
}

/**
 * Turns the action's inputs into Settings, or throws an InputError naming the first bad input.
 * `env` supplies `WARP_API_KEY` and `GITHUB_WORKSPACE`; `readFile` reads `prompt_file` and `mcp` files.
 */
export function parseSettings(
  read: InputReader,
  env: NodeJS.ProcessEnv = process.env,
  readFile: (path: string) => string = readSettingText,
): Readonly<Settings> {
  const src = inputSource(read);
  // Before all: a mistyped key (api-key) would otherwise surface as a missing or wrong setting.
  const unknownInputs = checkInputNames(env);
  // Then: a workflow written for the official action should learn why before any other complaint.
  const official = checkOfficialInputs(read);
  // As given, spaces kept: trimmed, a phrase of only spaces would read as no phrase.
  const rawPhrase = read('trigger_phrase', { trimWhitespace: false });
  if (rawPhrase !== '' && rawPhrase.trim() === '') {
    fail('trigger_phrase', rawPhrase, 'a phrase such as @oz (not only spaces)');
  }
  const triggerPhrase = rawPhrase.trim();
  if (/\s/.test(triggerPhrase)) fail('trigger_phrase', triggerPhrase, 'one word such as @oz, without spaces');
  const run = parseRunSettings(src, {
    apiKey: readApiKey(read, env),
    apiKeyLabel: 'warp_api_key',
    missingApiKey:
      'Missing warp_api_key: set the input (warp_api_key: ${{ secrets.WARP_API_KEY }}) or the WARP_API_KEY environment variable.',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    readFile,
    // With a trigger phrase, the request in the comment is the prompt.
    promptOptional: triggerPhrase !== '',
    env,
  });
  const checkName = read('check_name');
  if (checkName !== '' && !run.wait) {
    throw new InputError(
      'check_name',
      'conflict',
      'check_name needs wait: true: the check run follows the run to its end. Set check_name on the step that watches it with run_id.',
    );
  }
  const review = parseReviewInputs(src, run);
  // In the order of the fields below, so the first bad input is the one named.
  const prComment = parseBoolean(src, 'prComment', true);
  const commentProgress = parseBoolean(src, 'commentProgress', true);
  const allowedUsers = parseLogins(read, 'allowed_users');
  const allowedBots = parseLogins(read, 'allowed_bots');
  return {
    ...run,
    ...review,
    githubToken: read('github_token'),
    prComment,
    commentProgress,
    checkName,
    allowedUsers,
    allowedBots,
    triggerPhrase,
    continueConversation: parseBoolean(src, 'continueConversation', true),
    notes: {
      warnings: [...allowedBotsNotices(allowedBots), ...unknownInputs, ...official.warnings],
      notices: official.notices,
    },
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    entry: entryOf(src),
    ...(read('prompt') !== '' && { standingPrompt: read('prompt') }),
  };
}

/** `review` and `review_approve`, checked against the inputs they cannot be combined with. */
function parseReviewInputs(src: SettingSource, run: RunSettings): Pick<Settings, 'review' | 'reviewApprove' | 'resolveOutdated'> {
  const review = parseBoolean(src, 'review', false);
  const reviewApprove = parseBoolean(src, 'reviewApprove', false);
  const resolveOutdated = parseBoolean(src, 'resolveOutdated', true);
  if (!review) return { review, reviewApprove, resolveOutdated };
  if (run.outputSchema !== undefined) {
    throw new InputError(
      'review',
      'conflict',
      'Set either output_schema or review, not both: review asks the agent for a review in a schema of its own.',
    );
  }
  if (!run.wait) throw new InputError('review', 'conflict', 'review needs wait: true: the review is posted when the run ends.');
  if (run.runId !== undefined && run.followup === undefined) {
    throw new InputError(
      'review',
      'conflict',
      'review with run_id needs followup: the agent is asked for the review in the prompt or the follow-up.',
    );
  }
  return { review, reviewApprove, resolveOutdated };
}
