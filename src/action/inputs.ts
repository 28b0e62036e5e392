import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { metadataPairProblem, METADATA_USER_MAX_KEYS, REQUEST_ID_KEY } from '../oz/metadata.ts';
import type { AgentConfig, CreateRunRequest, McpServer } from '../oz/types.ts';

/** Reads one raw action input by its name (as `core.getInput` does: trimmed, '' when unset). */
export type InputReader = (name: string) => string;

/** Thrown for any input that is not of the expected form; its message is shown to the user as is. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Everything the action needs, parsed and validated once, before any request is sent. */
export interface Settings {
  /** Bearer key for the Oz API (`warp_api_key`, else `WARP_API_KEY`). Masked before parsing. */
  apiKey: string;
  /** API root without a trailing slash. Default `https://app.warp.dev/api/v1`. */
  apiBaseUrl: string;
  /** The body of the create request; undefined when `run_id` asks to watch an existing run. */
  create?: CreateRunRequest;
  /** An existing run to watch instead of creating one. */
  runId?: string;
  /** Wait for the run to end (default true). */
  wait: boolean;
  /** Give up (and cancel, see cancelOnAbort) after this long. Default 60 minutes. */
  timeoutMs: number;
  /** First and shortest pause between two reads of the run. Default 5 s. */
  pollIntervalMs: number;
  /** Longest pause between two reads of the run. Default 30 s. */
  maxPollIntervalMs: number;
  /** Cancel the run on timeout or workflow cancellation (default true). */
  cancelOnAbort: boolean;
  /** Metadata the user asked for (`metadata` input), merged over the GitHub context. */
  userMetadata: Record<string, string>;
  /** Token for comments, check runs and permission look-ups (`github_token`, default the job's token). */
  githubToken: string;
  /** Keep a comment on the pull request or issue the event concerns (default true). */
  prComment: boolean;
  /** Name of a check run that follows the run; empty for none. */
  checkName: string;
  /** Logins that may trigger from comments whatever their permission. */
  allowedUsers: string[];
  /** Bots that may trigger from comments. */
  allowedBots: string[];
}

export const DEFAULT_API_BASE_URL = 'https://app.warp.dev/api/v1';

const MODES = ['normal', 'plan', 'orchestrate'] as const;
// skill_name, repo:skill_name, org/repo:skill_name or org/repo:path/to/SKILL.md
const SKILL_PATTERN = /^(?:[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)?:)?[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;
const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Quotes a user's value for an error message, shortened so a whole prompt is not echoed back. */
export function quote(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return `'${short.replace(/\r?\n/g, '\\n')}'`;
}

function fail(input: string, value: string, expected: string): never {
  throw new InputError(`Invalid ${input} ${quote(value)}. Expected ${expected}.`);
}

function optional(read: InputReader, name: string): string | undefined {
  const value = read(name);
  return value === '' ? undefined : value;
}

/** Parses `true`/`false` (any case, as YAML 1.2 core schema); empty means the default. */
export function parseBoolean(read: InputReader, name: string, fallback: boolean): boolean;
export function parseBoolean(read: InputReader, name: string, fallback?: undefined): boolean | undefined;
export function parseBoolean(read: InputReader, name: string, fallback?: boolean): boolean | undefined {
  const value = read(name);
  if (value === '') return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  fail(name, value, 'true or false');
}

/** Parses a positive decimal number (e.g. `5`, `0.5`); empty means the default. */
export function parsePositiveNumber(read: InputReader, name: string, fallback: number): number {
  const value = read(name);
  if (value === '') return fallback;
  const number = /^\d+(\.\d+)?$|^\.\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(number) || number <= 0) fail(name, value, 'a positive number such as 5 or 0.5');
  return number;
}

/** Checks one metadata pair against the API's rules; `source` names where it came from. */
export function checkMetadataPair(key: string, value: string, source: string): void {
  const problem = metadataPairProblem(key, value);
  if (problem) fail(source, problem.what === 'key' ? key : value, problem.expected);
}

/** Parses `key=value` lines (blank lines and `#` comments skipped). */
export function parseMetadata(text: string): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) fail('metadata', line, 'key=value lines, one pair per line');
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    checkMetadataPair(key, value, 'metadata');
    metadata[key] = value;
  }
  // One of the API's 20 keys carries the action's request id (see run/create.ts).
  if (Object.keys(metadata).length > METADATA_USER_MAX_KEYS) {
    fail('metadata', `${Object.keys(metadata).length} keys`, `at most ${METADATA_USER_MAX_KEYS} keys`);
  }
  if (REQUEST_ID_KEY in metadata) {
    fail('metadata', REQUEST_ID_KEY, 'a key other than this one, which the action sets itself');
  }
  return metadata;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

/**
 * Parses the `mcp` input: JSON text (`{"mcpServers": {...}}` or a bare map of servers), or the path of
 * a file holding such JSON. Each server needs `command`, `url` or `warp_id`.
 */
export function parseMcp(value: string, workspace: string, readFile: (path: string) => string): Record<string, McpServer> {
  let text = value;
  let where = 'mcp';
  if (!value.startsWith('{')) {
    const path = isAbsolute(value) ? value : resolve(workspace, value);
    try {
      text = readFile(path);
    } catch {
      fail('mcp', value, 'JSON such as {"mcpServers": {...}}, or the path of a readable JSON file');
    }
    where = `mcp file ${quote(value)}`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `Invalid ${where}: it is not valid JSON (${(error as Error).message}). Expected {"mcpServers": {"name": {...}}} or a map of servers.`,
    );
  }
  const servers = isRecord(parsed) && 'mcpServers' in parsed ? parsed.mcpServers : parsed;
  if (!isRecord(servers) || Object.keys(servers).length === 0) {
    throw new InputError(`Invalid ${where}: expected {"mcpServers": {"name": {...}}} or a non-empty map of servers.`);
  }
  for (const [name, server] of Object.entries(servers)) {
    const ok =
      isRecord(server) &&
      (typeof server.command === 'string' || typeof server.url === 'string' || typeof server.warp_id === 'string') &&
      (server.args === undefined || (Array.isArray(server.args) && server.args.every((a) => typeof a === 'string'))) &&
      (server.env === undefined || isStringMap(server.env)) &&
      (server.headers === undefined || isStringMap(server.headers));
    if (!ok) {
      throw new InputError(
        `Invalid ${where}: server ${quote(name)} must be an object with "command" (and optional "args", "env"), "url" (and optional "headers"), or "warp_id".`,
      );
    }
  }
  return servers as Record<string, McpServer>;
}

const LOGIN_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

/** A list of GitHub logins, separated by commas, spaces or new lines. */
export function parseLogins(read: InputReader, name: string): string[] {
  const logins = read(name)
    .split(/[\s,]+/)
    .map((login) => login.replace(/^@/, ''))
    .filter((login) => login !== '');
  for (const login of logins) {
    if (!LOGIN_PATTERN.test(login)) fail(name, login, 'GitHub logins separated by commas or new lines, such as octocat, renovate[bot]');
  }
  return logins;
}

/** Parses `api_base_url` (undefined for the default) into a URL without a trailing slash. */
export function parseApiBaseUrl(value: string | undefined): string {
  if (value === undefined) return DEFAULT_API_BASE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail('api_base_url', value, 'an absolute URL such as https://app.warp.dev/api/v1');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    fail('api_base_url', value, 'an http(s) URL such as https://app.warp.dev/api/v1');
  }
  if (url.search || url.hash || url.username || url.password) {
    fail('api_base_url', value, 'a URL without query, fragment or credentials');
  }
  return url.href.replace(/\/+$/, '');
}

/** The API key: the `warp_api_key` input, else the `WARP_API_KEY` environment variable; '' when neither. */
export function readApiKey(read: InputReader, env: NodeJS.ProcessEnv = process.env): string {
  return read('warp_api_key') || (env.WARP_API_KEY ?? '').trim();
}

/**
 * Turns the action's inputs into Settings, or throws an InputError naming the first bad input.
 * `env` supplies `WARP_API_KEY` and `GITHUB_WORKSPACE`; `readFile` reads `prompt_file` and `mcp` files.
 */
export function parseSettings(
  read: InputReader,
  env: NodeJS.ProcessEnv = process.env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): Settings {
  const apiKey = readApiKey(read, env);
  if (apiKey === '') {
    throw new InputError(
      'Missing warp_api_key: set the input (warp_api_key: ${{ secrets.WARP_API_KEY }}) or the WARP_API_KEY environment variable.',
    );
  }
  // The key is never quoted back: it is a secret even when it is malformed.
  if (/\s/.test(apiKey) || !apiKey.startsWith('wk-')) {
    throw new InputError('Invalid warp_api_key: expected a Warp API key, which starts with "wk-" and has no spaces.');
  }

  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const runId = optional(read, 'run_id');
  if (runId !== undefined && !RUN_ID_PATTERN.test(runId)) {
    fail('run_id', runId, 'a run id of letters, digits, "-" and "_"');
  }

  const promptInput = optional(read, 'prompt');
  const promptFile = optional(read, 'prompt_file');
  const skill = optional(read, 'skill');
  if (promptInput !== undefined && promptFile !== undefined) {
    throw new InputError('Set either prompt or prompt_file, not both.');
  }
  let prompt = promptInput;
  if (promptFile !== undefined) {
    const path = isAbsolute(promptFile) ? promptFile : resolve(workspace, promptFile);
    try {
      prompt = readFile(path);
    } catch {
      fail('prompt_file', promptFile, 'the path of a readable file, relative to the workspace');
    }
    if (prompt.trim() === '') fail('prompt_file', promptFile, 'a file with a non-empty prompt');
  }
  if (skill !== undefined && !SKILL_PATTERN.test(skill)) {
    fail('skill', skill, 'skill_name, repo:skill_name, org/repo:skill_name or org/repo:path/to/SKILL.md');
  }

  const mode = optional(read, 'mode');
  if (mode !== undefined && !(MODES as readonly string[]).includes(mode)) {
    fail('mode', mode, MODES.join(', ') + ' (one of)');
  }
  const metadataText = optional(read, 'metadata');
  const userMetadata = metadataText === undefined ? {} : parseMetadata(metadataText);
  const mcpText = optional(read, 'mcp');
  const mcpServers = mcpText === undefined ? undefined : parseMcp(mcpText, workspace, readFile);
  const computerUse = parseBoolean(read, 'computer_use');

  const config: AgentConfig = {};
  const name = optional(read, 'name');
  const model = optional(read, 'model');
  const environment = optional(read, 'environment');
  const basePrompt = optional(read, 'base_prompt');
  const host = optional(read, 'host');
  if (name !== undefined) config.name = name;
  if (model !== undefined) config.model_id = model;
  if (environment !== undefined) config.environment_id = environment;
  if (basePrompt !== undefined) config.base_prompt = basePrompt;
  if (mcpServers !== undefined) config.mcp_servers = mcpServers;
  if (host !== undefined) config.worker_host = host;
  if (computerUse !== undefined) config.computer_use_enabled = computerUse;

  const title = optional(read, 'title');
  const conversationId = optional(read, 'conversation_id');
  const creating = [
    ['prompt', promptInput],
    ['prompt_file', promptFile],
    ['skill', skill],
    ['title', title],
    ['mode', mode],
    ['conversation_id', conversationId],
    ['mcp', mcpText],
    ['metadata', metadataText],
    ['name', name],
    ['model', model],
    ['environment', environment],
    ['base_prompt', basePrompt],
    ['host', host],
    ['computer_use', read('computer_use') || undefined],
  ].filter(([, v]) => v !== undefined);

  let create: CreateRunRequest | undefined;
  if (runId !== undefined) {
    if (creating.length > 0) {
      throw new InputError(
        `run_id watches an existing run, so it cannot be combined with ${creating.map(([k]) => k).join(', ')}: those configure a new run.`,
      );
    }
  } else {
    if (prompt === undefined && skill === undefined) {
      throw new InputError('Missing prompt: set prompt, prompt_file or skill (or run_id to watch an existing run).');
    }
    create = {};
    if (prompt !== undefined) create.prompt = prompt;
    if (skill !== undefined) create.skill = skill;
    if (title !== undefined) create.title = title;
    if (mode !== undefined) create.mode = mode as CreateRunRequest['mode'];
    if (conversationId !== undefined) create.conversation_id = conversationId;
    if (Object.keys(config).length > 0) create.config = config;
  }

  const pollIntervalMs = parsePositiveNumber(read, 'poll_interval_seconds', 5) * 1000;
  const maxPollIntervalMs = parsePositiveNumber(read, 'max_poll_interval_seconds', 30) * 1000;
  if (maxPollIntervalMs < pollIntervalMs) {
    fail(
      'max_poll_interval_seconds',
      read('max_poll_interval_seconds') || '30',
      `a number no smaller than poll_interval_seconds (${pollIntervalMs / 1000})`,
    );
  }

  const wait = parseBoolean(read, 'wait', true);
  const checkName = read('check_name');
  if (checkName !== '' && !wait) {
    throw new InputError(
      'check_name needs wait: true: the check run follows the run to its end. Set check_name on the step that watches it with run_id.',
    );
  }

  const settings: Settings = {
    apiKey,
    apiBaseUrl: parseApiBaseUrl(optional(read, 'api_base_url')),
    wait,
    timeoutMs: parsePositiveNumber(read, 'timeout_minutes', 60) * 60_000,
    pollIntervalMs,
    maxPollIntervalMs,
    cancelOnAbort: parseBoolean(read, 'cancel_on_abort', true),
    userMetadata,
    githubToken: read('github_token'),
    prComment: parseBoolean(read, 'pr_comment', true),
    checkName,
    allowedUsers: parseLogins(read, 'allowed_users'),
    allowedBots: parseLogins(read, 'allowed_bots'),
  };
  if (create !== undefined) settings.create = create;
  if (runId !== undefined) settings.runId = runId;
  return settings;
}
