import { isAbsolute, relative, resolve } from 'node:path';
import { metadataPairProblem, METADATA_USER_MAX_KEYS, REQUEST_ID_KEY } from '../oz/metadata.ts';
import type { AgentConfig, CreateRunRequest, McpServer } from '../oz/types.ts';
import type { SettingKey } from '../names.ts';
import { parseReportOptions, parseRunOptions, type ReportOptions } from './options.ts';
import { InputError } from '../errors.ts';
import {
  checkSchema,
  fail,
  isRecord,
  isStringMap,
  optional,
  parseBoolean,
  parseJsonSetting,
  parsePositiveNumber,
  quote,
  readSettingFile,
  type SettingSource,
} from './primitives.ts';

/**
 * What a run needs, parsed and validated once, before any request is sent, and never written to
 * afterwards: what a later phase learns (a mention's request, a thread's run) goes into a new value,
 * the run's plan (run/plan.ts). Text fields are as the user wrote them: the `outputSchema`
 * instruction is added only to what is sent (see `asSent`).
 */
export interface RunSettings extends ReportOptions {
  /** Bearer key for the Oz API. Masked before parsing. */
  apiKey: string;
  /** API root without a trailing slash. Default `https://app.warp.dev/api/v1`. */
  apiBaseUrl: string;
  /** The team a personal key acts for (the `X-Warp-Team-Uid` header, where the API takes it). */
  team?: string;
  /** The body of the create request as configured; undefined when `runId` asks to watch an existing run. */
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
  /** Cancel the run on timeout or cancellation (default true). */
  cancelOnAbort: boolean;
  /** Metadata the user asked for, merged over the CI context. */
  userMetadata: Record<string, string>;
  /** A JSON Schema the final answer's JSON object must match. */
  outputSchema?: Record<string, unknown>;
  /** Where FILE and SCREENSHOT artifacts and plans are saved, absolute. */
  artifactsPath?: string;
  /** Print what the agent does while the run is live (default true). */
  logProgress: boolean;
  /** A message to send to `runId` before watching it to its new end. */
  followup?: string;
}

export const DEFAULT_API_BASE_URL = 'https://app.warp.dev/api/v1';

const MODES = ['normal', 'plan', 'orchestrate'] as const;
// skill_name, repo:skill_name, org/repo:skill_name or org/repo:path/to/SKILL.md
const SKILL_PATTERN = /^(?:[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)?:)?[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;
const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Whether `value` is a run id by the one rule (letters, digits, "-" and "_", at most 128). */
export function isRunId(value: string): boolean {
  return RUN_ID_PATTERN.test(value);
}

/**
 * The one rule for a run id, wherever it comes from (a setting, or a thread's saved state): letters,
 * digits, "-" and "_". Throws an InputError that names `label` and quotes the value.
 */
export function checkRunId(value: string, label: string): string {
  if (!isRunId(value)) fail(label, value, 'a run id of letters, digits, "-" and "_"');
  return value;
}

/** Checks one metadata pair against the API's rules; `source` names where it came from. */
export function checkMetadataPair(key: string, value: string, source: string): void {
  const problem = metadataPairProblem(key, value);
  if (problem) fail(source, problem.what === 'key' ? key : value, problem.expected);
}

/** Checks metadata the user gave: the API's rules, with one key left for the request id. */
export function checkUserMetadata(metadata: Record<string, string>, source: string): Record<string, string> {
  for (const [key, value] of Object.entries(metadata)) checkMetadataPair(key, value, source);
  // One of the API's 20 keys carries the request id (see run/create.ts).
  const keys = Object.keys(metadata);
  if (keys.length > METADATA_USER_MAX_KEYS) {
    const shown = keys.length > 6 ? `${keys.slice(0, 5).join(', ')}, ...` : keys.join(', ');
    throw new InputError(
      source,
      'invalid',
      `Invalid ${source}: ${keys.length} keys (${shown}). Expected at most ${METADATA_USER_MAX_KEYS} keys: ` +
        `the API takes 20, and one carries the request id that keeps a retried create from starting a second agent.`,
    );
  }
  if (REQUEST_ID_KEY in metadata) fail(source, REQUEST_ID_KEY, 'a key other than this one, which the action sets itself');
  return metadata;
}

/** Parses `key=value` lines (blank lines and `#` comments skipped). */
export function parseMetadata(text: string, source = 'metadata'): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) fail(source, line, 'key=value lines, one pair per line');
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    checkMetadataPair(key, value, source);
    metadata[key] = value;
  }
  return checkUserMetadata(metadata, source);
}

/**
 * Parses the `mcp` setting: JSON text (`{"mcpServers": {...}}` or a bare map of servers), or the path of
 * a file holding such JSON. Each server needs `command`, `url` or `warp_id`.
 */
export function parseMcp(value: string, workspace: string, readFile: (path: string) => string, label = 'mcp'): Record<string, McpServer> {
  let text = value;
  let where = label;
  if (!value.startsWith('{')) {
    text = readSettingFile(label, value, workspace, readFile, 'JSON such as {"mcpServers": {...}}, or the path of a readable JSON file');
    where = `${label} file ${quote(value)}`;
  }
  const parsed = parseJsonSetting(text, label, where, '{"mcpServers": {"name": {...}}} or a map of servers');
  const servers = isRecord(parsed) && 'mcpServers' in parsed ? parsed.mcpServers : parsed;
  if (!isRecord(servers) || Object.keys(servers).length === 0) {
    throw new InputError(label, 'invalid', `Invalid ${where}: expected {"mcpServers": {"name": {...}}} or a non-empty map of servers.`);
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
        label,
        'invalid',
        `Invalid ${where}: server ${quote(name)} must be an object with "command" (and optional "args", "env"), "url" (and optional "headers"), or "warp_id".`,
      );
    }
  }
  return servers as Record<string, McpServer>;
}

/** Parses the output schema: inline JSON, or the path of a JSON file; either way a JSON object. */
export function parseOutputSchema(value: string, workspace: string, readFile: (path: string) => string, label: string) {
  let text = value;
  if (!value.startsWith('{')) {
    text = readSettingFile(
      label,
      value,
      workspace,
      readFile,
      'a JSON Schema object such as {"type": "object"}, or the path of a readable JSON file',
    );
  }
  const parsed = parseJsonSetting(text, label, `${label} ${quote(value)}`, 'a JSON Schema object');
  if (!isRecord(parsed)) fail(label, value, 'a JSON Schema object such as {"type": "object", "properties": {...}}');
  return parsed;
}

/** Parses the artifacts folder: a folder inside the workspace, returned absolute. */
export function parseArtifactsPath(value: string, workspace: string, label: string): string {
  const path = resolve(workspace, value);
  const rel = relative(workspace, path);
  if (rel.startsWith('..') || isAbsolute(rel)) fail(label, value, 'a folder inside the workspace, such as oz-artifacts');
  return path;
}

/**
 * The checks that need more than the text of the settings (the schema is compiled by the validator,
 * which is loaded on demand). Throws an InputError, still before any request.
 */
export async function checkRunSettings(settings: RunSettings, label: (key: SettingKey) => string): Promise<void> {
  if (settings.outputSchema !== undefined) await checkSchema(settings.outputSchema, label('outputSchema'));
}

/**
 * The API's address: the setting, else `WARP_BASE_URL` (what the newest official SDKs read), else
 * `OZ_API_BASE_URL` (what the SDKs read up to 2026-08), else the default; a bad value is named by
 * where it came from.
 */
export function readApiBaseUrl(given: string | undefined, label: string, env: Record<string, string | undefined> = {}): string {
  if (given !== undefined) return parseApiBaseUrl(given, label);
  for (const name of ['WARP_BASE_URL', 'OZ_API_BASE_URL']) {
    const value = env[name]?.trim();
    if (value) return parseApiBaseUrl(value, name);
  }
  return DEFAULT_API_BASE_URL;
}

/** A team uid: letters, digits, "-" and "_" (it goes into a request header). */
function readTeam(src: SettingSource): string | undefined {
  const team = optional(src, 'team');
  if (team !== undefined && !/^[A-Za-z0-9_-]{1,128}$/.test(team))
    fail(src.label('team'), team, 'a team uid of letters, digits, "-" and "_"');
  return team;
}

/** Parses the API's address (undefined for the default) into a URL without a trailing slash. */
export function parseApiBaseUrl(value: string | undefined, label: string): string {
  if (value === undefined) return DEFAULT_API_BASE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(label, value, 'an absolute URL such as https://app.warp.dev/api/v1');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    fail(label, value, 'an http(s) URL such as https://app.warp.dev/api/v1');
  }
  if (url.search || url.hash || url.username || url.password) {
    fail(label, value, 'a URL without query, fragment or credentials');
  }
  // The bearer key travels with every request: over plain http it would cross the network in clear text.
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    fail(label, value, 'an https URL (http is allowed only for a loopback host such as localhost, 127.0.0.1 or [::1])');
  }
  return url.href.replace(/\/+$/, '');
}

/** Whether a URL's host name is this machine: localhost and names under it (RFC 6761), 127.0.0.0/8 or ::1. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Checks the API key's form. The key is never quoted back: it is a secret even when it is malformed. */
export function checkApiKey(apiKey: string, label: string, missing: string): void {
  if (apiKey === '') throw new InputError(label, 'missing', missing);
  if (/\s/.test(apiKey) || !apiKey.startsWith('wk-')) {
    throw new InputError(label, 'invalid', `Invalid ${label}: expected a Warp API key, which starts with "wk-" and has no spaces.`);
  }
}

export interface RunSettingsOptions {
  /** The API key, already read (the front ends read it from different places). */
  apiKey: string;
  /** How the user knows the key, and what to say when it is missing. */
  apiKeyLabel: string;
  missingApiKey: string;
  /** Where relative paths (the prompt file, MCP and schema files) are resolved. */
  workspace: string;
  readFile: (path: string) => string;
  /** Metadata given as pairs rather than text (the CLI's repeatable flag); checked the same way. */
  metadata?: Record<string, string>;
  /** The prompt may come later (the action writes it from a comment that mentions the trigger phrase). */
  promptOptional?: boolean;
  /** Reads attachment images; default the file system. */
  readBytes?: (path: string) => Buffer;
  /** Where `WARP_BASE_URL` and `OZ_API_BASE_URL` are read when the address setting is empty. */
  env?: Record<string, string | undefined>;
}

/** The prompt: inline, or read from its file (never both); undefined when neither is set. */
function readPrompt(src: SettingSource, options: RunSettingsOptions): string | undefined {
  const { label } = src;
  const prompt = optional(src, 'prompt');
  const promptFile = optional(src, 'promptFile');
  if (prompt !== undefined && promptFile !== undefined) {
    throw new InputError(label('promptFile'), 'conflict', `Set either ${label('prompt')} or ${label('promptFile')}, not both.`);
  }
  if (promptFile === undefined) return prompt;
  const text = readSettingFile(
    label('promptFile'),
    promptFile,
    options.workspace,
    options.readFile,
    'the path of a readable file, relative to the workspace or absolute',
  );
  if (text.trim() === '') fail(label('promptFile'), promptFile, 'a file with a non-empty prompt');
  return text;
}

/** The agent's configuration (`config` of the create request); undefined when nothing in it is set. */
function readAgentConfig(src: SettingSource, options: RunSettingsOptions, more: Partial<AgentConfig>): AgentConfig | undefined {
  const mcpText = optional(src, 'mcp');
  const entries: [keyof AgentConfig, unknown][] = [
    ['name', optional(src, 'name')],
    ['model_id', optional(src, 'model')],
    ['environment_id', optional(src, 'environment')],
    ['base_prompt', optional(src, 'basePrompt')],
    ['mcp_servers', mcpText === undefined ? undefined : parseMcp(mcpText, options.workspace, options.readFile, src.label('mcp'))],
    ['worker_host', optional(src, 'host')],
    ['computer_use_enabled', parseBoolean(src, 'computerUse')],
  ];
  const config = Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as AgentConfig;
  Object.assign(config, more);
  return Object.keys(config).length > 0 ? config : undefined;
}

/** The metadata the user asked for: the CLI's pairs, or `key=value` text. */
function readUserMetadata(src: SettingSource, options: RunSettingsOptions): Record<string, string> {
  const label = src.label('metadata');
  if (options.metadata !== undefined) return checkUserMetadata(options.metadata, label);
  const text = optional(src, 'metadata');
  return text === undefined ? {} : parseMetadata(text, label);
}

/**
 * A run title from the user's prompt: its first non-empty line, at most 80 characters. Sent with
 * an output schema when no title is set, so the title Oz derives from the prompt is not the schema
 * instruction appended to it. A longer line is cut between words, never inside one: a credential
 * cut in two is no longer recognised, so its first part would be published (in the `title` output,
 * the summary, the log) unredacted. A first line of one long word gives no title.
 */
export function titleFromPrompt(prompt: string): string | undefined {
  const line = prompt
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .find((l) => l !== '');
  if (line === undefined || line.length <= 80) return line;
  const space = line.lastIndexOf(' ', 79);
  return space > 0 ? `${line.slice(0, space)}…` : undefined;
}

/** The settings that configure a new run, by key, when set: none may go with `runId`. */
const CREATING: readonly SettingKey[] = [
  'prompt',
  'promptFile',
  'skill',
  'title',
  'mode',
  'conversationId',
  'mcp',
  'metadata',
  'name',
  'model',
  'environment',
  'basePrompt',
  'host',
  'computerUse',
];

/**
 * The body of the create request, or undefined with `runId` (an existing run). Throws when settings
 * of a new run come with `runId`, or when nothing says what to run.
 */
function readCreate(
  src: SettingSource,
  options: RunSettingsOptions,
  run: { runId: string | undefined; metadataSet: boolean; outputSchema: Record<string, unknown> | undefined },
) {
  const { label } = src;
  const prompt = readPrompt(src, options);
  const skill = optional(src, 'skill');
  if (skill !== undefined && !SKILL_PATTERN.test(skill)) {
    fail(label('skill'), skill, 'skill_name, repo:skill_name, org/repo:skill_name or org/repo:path/to/SKILL.md');
  }
  const mode = optional(src, 'mode');
  if (mode !== undefined && !(MODES as readonly string[]).includes(mode))
    fail(label('mode'), mode, `one of ${MODES.slice(0, -1).join(', ')} or ${MODES.at(-1)!}`);
  const runOptions = parseRunOptions(src, options.workspace, options.readBytes);
  const config = readAgentConfig(src, options, runOptions.config);
  if (run.runId !== undefined) {
    const creating = [...CREATING.filter((key) => (key === 'metadata' ? run.metadataSet : src.read(key) !== '')), ...runOptions.given];
    if (creating.length > 0) {
      throw new InputError(
        label('runId'),
        'conflict',
        `${label('runId')} watches an existing run, so it cannot be combined with ${creating.map(label).join(', ')}: those configure a new run.`,
      );
    }
    return undefined;
  }
  if (prompt === undefined && skill === undefined && !options.promptOptional) {
    throw new InputError(
      label('prompt'),
      'missing',
      `Missing ${label('prompt')}: set ${label('prompt')}, ${label('promptFile')} or ${label('skill')} (or ${label('runId')} to watch an existing run).`,
    );
  }
  const title = optional(src, 'title');
  const conversationId = optional(src, 'conversationId');
  const create: CreateRunRequest = {};
  // Oz titles a run from its prompt: with a schema that would be the instruction appended to it (see asSent).
  const derived = run.outputSchema !== undefined && title === undefined && prompt !== undefined ? titleFromPrompt(prompt) : undefined;
  if (prompt !== undefined) create.prompt = prompt;
  if (skill !== undefined) create.skill = skill;
  if (title !== undefined) create.title = title;
  else if (derived !== undefined) create.title = derived;
  if (mode !== undefined) create.mode = mode as CreateRunRequest['mode'];
  if (conversationId !== undefined) create.conversation_id = conversationId;
  Object.assign(create, runOptions.body);
  if (config !== undefined) create.config = config;
  return create;
}

/** The first and the longest pause between reads, in ms; the longest may not be the shorter. */
function readPollIntervals(src: SettingSource): { pollIntervalMs: number; maxPollIntervalMs: number } {
  const pollIntervalMs = parsePositiveNumber(src, 'pollIntervalSeconds', 5) * 1000;
  const maxPollIntervalMs = parsePositiveNumber(src, 'maxPollIntervalSeconds', 30) * 1000;
  if (maxPollIntervalMs < pollIntervalMs) {
    fail(
      src.label('maxPollIntervalSeconds'),
      src.read('maxPollIntervalSeconds') || '30',
      `a number no smaller than ${src.label('pollIntervalSeconds')} (${pollIntervalMs / 1000})`,
    );
  }
  return { pollIntervalMs, maxPollIntervalMs };
}

/** What reaching the API and cancelling a run take: the key, the address, the team, and whether to cancel. */
export type Connection = Pick<RunSettings, 'apiKey' | 'apiBaseUrl' | 'team' | 'cancelOnAbort'>;

/**
 * Only the settings that reach the API and say whether a left run is cancelled, none of which reads a
 * file: what the post step still has when a file another setting names went away after the main step.
 * Throws an InputError as parseRunSettings does.
 */
export function parseConnection(src: SettingSource, apiKey: string, env: Record<string, string | undefined> = {}): Connection {
  const team = readTeam(src);
  return {
    apiKey,
    apiBaseUrl: readApiBaseUrl(optional(src, 'apiBaseUrl'), src.label('apiBaseUrl'), env),
    cancelOnAbort: parseBoolean(src, 'cancelOnAbort', true),
    ...(team !== undefined && { team }),
  };
}

/**
 * Turns the run's settings into RunSettings, or throws an InputError naming the first bad one. Settings
 * that configure a new run cannot be combined with `runId`, which watches an existing one.
 */
export function parseRunSettings(src: SettingSource, options: RunSettingsOptions): Readonly<RunSettings> {
  const { apiKey, workspace, readFile } = options;
  const label = src.label;
  checkApiKey(apiKey, options.apiKeyLabel, options.missingApiKey);

  const runIdText = optional(src, 'runId');
  const runId = runIdText === undefined ? undefined : checkRunId(runIdText, label('runId'));
  const userMetadata = readUserMetadata(src, options);
  const metadataSet = Object.keys(userMetadata).length > 0 || optional(src, 'metadata') !== undefined;
  const schemaText = optional(src, 'outputSchema');
  const outputSchema = schemaText === undefined ? undefined : parseOutputSchema(schemaText, workspace, readFile, label('outputSchema'));
  const artifactsText = optional(src, 'artifactsPath');
  const followup = optional(src, 'followup');
  if (followup !== undefined && runId === undefined) {
    throw new InputError(
      label('followup'),
      'conflict',
      `${label('followup')} needs ${label('runId')}: it is a message to an existing run.`,
    );
  }
  const create = readCreate(src, options, { runId, metadataSet, outputSchema });

  const settings: RunSettings = {
    apiKey,
    apiBaseUrl: readApiBaseUrl(optional(src, 'apiBaseUrl'), label('apiBaseUrl'), options.env),
    wait: parseBoolean(src, 'wait', true),
    timeoutMs: parsePositiveNumber(src, 'timeoutMinutes', 60) * 60_000,
    ...readPollIntervals(src),
    cancelOnAbort: parseBoolean(src, 'cancelOnAbort', true),
    userMetadata,
    logProgress: parseBoolean(src, 'logProgress', true),
    ...parseReportOptions(src),
  };
  if (outputSchema !== undefined) settings.outputSchema = outputSchema;
  const team = readTeam(src);
  if (team !== undefined) settings.team = team;
  if (followup !== undefined) settings.followup = followup;
  if (artifactsText !== undefined) settings.artifactsPath = parseArtifactsPath(artifactsText, workspace, label('artifactsPath'));
  if (create !== undefined) settings.create = create;
  if (runId !== undefined) settings.runId = runId;
  return settings;
}
