/**
 * Every name a user types or reads, in one table: the action's inputs and outputs (action.yml) and
 * the CLI's flags, which derive from the inputs. The core (oz, run, report) knows settings only by
 * their key (`timeoutMinutes`); each front end says the key in its own words through this table.
 * `__tests__/names.test.ts` keeps the table and action.yml equal.
 */

/**
 * How a setting appears on the CLI: a string flag, a `--x`/`--no-x` pair, a repeatable flag of pairs
 * (`repeated`), a repeatable flag whose values are the input's lines (`lines`), or not at all.
 */
export type FlagKind = 'string' | 'boolean' | 'repeated' | 'lines' | 'none';

export interface InputName {
  /** The action's input (`timeout_minutes`). */
  input: string;
  /** How the CLI takes it; the flag is the input in kebab case (`--timeout-minutes`). */
  cli: FlagKind;
  /** For a boolean that is on unless turned off: the CLI user writes `--no-<flag>`. */
  onByDefault?: true;
  /** The flag, when it is not the input in kebab case (a repeatable flag names one value: `--secret`). */
  flag?: string;
}

const string = (input: string): InputName => ({ input, cli: 'string' });
const actionOnly = (input: string): InputName => ({ input, cli: 'none' });

/** The action's inputs by key, in action.yml's order. */
export const INPUTS = {
  // The CLI reads the key from WARP_API_KEY only: a flag would show it in process lists.
  apiKey: actionOnly('warp_api_key'),
  prompt: string('prompt'),
  promptFile: string('prompt_file'),
  skill: string('skill'),
  title: string('title'),
  name: string('name'),
  model: string('model'),
  environment: string('environment'),
  basePrompt: string('base_prompt'),
  host: string('host'),
  computerUse: { input: 'computer_use', cli: 'boolean' },
  mcp: string('mcp'),
  metadata: { input: 'metadata', cli: 'repeated' },
  mode: string('mode'),
  conversationId: string('conversation_id'),
  apiBaseUrl: string('api_base_url'),
  runId: string('run_id'),
  wait: { input: 'wait', cli: 'boolean', onByDefault: true },
  timeoutMinutes: string('timeout_minutes'),
  pollIntervalSeconds: string('poll_interval_seconds'),
  maxPollIntervalSeconds: string('max_poll_interval_seconds'),
  cancelOnAbort: { input: 'cancel_on_abort', cli: 'boolean', onByDefault: true },
  outputSchema: string('output_schema'),
  artifactsPath: string('artifacts_path'),
  logProgress: { input: 'log_progress', cli: 'boolean', onByDefault: true },
  triggerPhrase: actionOnly('trigger_phrase'),
  continueConversation: actionOnly('continue_conversation'),
  followup: string('followup'),
  githubToken: actionOnly('github_token'),
  prComment: actionOnly('pr_comment'),
  commentProgress: actionOnly('comment_progress'),
  checkName: actionOnly('check_name'),
  review: actionOnly('review'),
  reviewApprove: actionOnly('review_approve'),
  resolveOutdated: actionOnly('resolve_outdated'),
  allowedUsers: actionOnly('allowed_users'),
  allowedBots: actionOnly('allowed_bots'),
  harness: string('harness'),
  harnessModel: string('harness_model'),
  reasoningLevel: string('reasoning_level'),
  harnessSecret: string('harness_secret'),
  idleTimeoutMinutes: string('idle_timeout_minutes'),
  sessionSharing: string('session_sharing'),
  attachments: { input: 'attachments', cli: 'lines' },
  agentIdentity: string('agent_identity'),
  secrets: { input: 'secrets', cli: 'lines', flag: 'secret' },
  team: string('team'),
  preflight: { input: 'preflight', cli: 'boolean', onByDefault: true },
  maxCredits: string('max_credits'),
  outputFormat: string('output_format'),
  debug: { input: 'debug', cli: 'boolean' },
  // The official action's inputs (issue 15): read by the action only.
  cloud: actionOnly('cloud'),
  savedPrompt: actionOnly('saved_prompt'),
  cwd: actionOnly('cwd'),
  profile: actionOnly('profile'),
  share: actionOnly('share'),
  ozChannel: actionOnly('oz_channel'),
  ozVersion: actionOnly('oz_version'),
} as const satisfies Record<string, InputName>;

/** A setting as the core knows it. */
export type SettingKey = keyof typeof INPUTS;

/** The CLI's flag for a setting, without dashes (`timeout-minutes`). */
export function flagOf(key: SettingKey): string {
  const name: InputName = INPUTS[key];
  return name.flag ?? name.input.replaceAll('_', '-');
}

/** The CLI flags of one kind, without dashes. */
export function flagsOfKind(kind: FlagKind): string[] {
  return (Object.keys(INPUTS) as SettingKey[]).filter((key) => INPUTS[key].cli === kind).map(flagOf);
}

/** Where an output is written: everywhere, or only by the action (the CLI has no comment, check run or skip). */
export interface OutputName {
  output: string;
  /** Long or multi-line: left out of the CLI's dotenv file (`--output-file`). */
  notInDotenv?: true;
  actionOnly?: true;
}

/** The action's outputs (action.yml's order); the CLI's `--json` and `--output-file` use the same names. */
export const OUTPUTS = [
  { output: 'run_id' },
  { output: 'state' },
  { output: 'session_link' },
  { output: 'title' },
  { output: 'status_message' },
  { output: 'error_code' },
  { output: 'retryable' },
  { output: 'conversation_id' },
  { output: 'pull_request_url' },
  { output: 'artifacts', notInDotenv: true },
  { output: 'run', notInDotenv: true },
  { output: 'agent_output', notInDotenv: true },
  { output: 'structured_output', notInDotenv: true },
  { output: 'downloaded_files' },
  { output: 'followed_up' },
  { output: 'followup_id' },
  { output: 'skipped', actionOnly: true },
  { output: 'comment_url', actionOnly: true },
  { output: 'credits' },
  { output: 'cost_usd' },
  { output: 'tokens' },
  { output: 'check_run_id', actionOnly: true },
  { output: 'review_url', actionOnly: true },
  { output: 'review_comments', actionOnly: true },
  { output: 'verdict', actionOnly: true },
  { output: 'dismissed_reviews', actionOnly: true },
] as const satisfies readonly OutputName[];

/** An output's name, as the action's outputs, the CLI's `--json` and its `--output-file` spell it. */
export type OutputKey = (typeof OUTPUTS)[number]['output'];
