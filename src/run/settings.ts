import { isAbsolute, relative, resolve } from 'node:path';
import { metadataPairProblem, METADATA_USER_MAX_KEYS, REQUEST_ID_KEY } from '../oz/metadata.ts';
import type { AgentConfig, CreateRunRequest, McpServer } from '../oz/types.ts';
import { parseReportOptions, parseRunOptions, type ReportOptions } from './options.ts';
import { readSettingFile } from './files.ts';
import { checkSchema, schemaInstruction, titleFromPrompt } from './structured.ts';
import type { ThreadRun } from './thread.ts';

/**
 * Where settings come from, for both front ends: the action's inputs or the CLI's flags. Names are
 * the action's input names (`prompt_file`); `label` turns one into what the user wrote (`--prompt-file`).
 */
export interface SettingSource {
  /** The raw value, trimmed; '' when unset. */
  read: (name: string) => string;
  /** How the user knows the setting, for error messages. */
  label: (name: string) => string;
}

/** Reads one raw action input by its name (as `core.getInput` does: trimmed, '' when unset). */
export type InputReader = (name: string) => string;

/** Thrown for any setting that is not of the expected form; its message is shown to the user as is. */
export class InputError extends Error {
  override name = 'InputError';
}

/** What a run needs, parsed and validated once, before any request is sent. */
export interface RunSettings extends ReportOptions {
  /** Bearer key for the Oz API. Masked before parsing. */
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
  /** Cancel the run on timeout or cancellation (default true). */
  cancelOnAbort: boolean;
  /** Metadata the user asked for, merged over the CI context. */
  userMetadata: Record<string, string>;
  /** A JSON Schema the final answer's JSON object must match (`output_schema`). */
  outputSchema?: Record<string, unknown>;
  /** Where FILE and SCREENSHOT artifacts and plans are saved (`artifacts_path`), absolute. */
  artifactsPath?: string;
  /** Print what the agent does while the run is live (default true). */
  logProgress: boolean;
  /** A message to send to `runId` before watching it to its new end (`followup`). */
  followup?: string;
  /** When `runId` is a conversation thread's run: what it must be, and the run to start when it is not. */
  thread?: ThreadRun;
}

export const DEFAULT_API_BASE_URL = 'https://app.warp.dev/api/v1';

const MODES = ['normal', 'plan', 'orchestrate'] as const;
// skill_name, repo:skill_name, org/repo:skill_name or org/repo:path/to/SKILL.md
const SKILL_PATTERN = /^(?:[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)?:)?[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;
const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** The settings source of the action: input names as they are. */
export function inputSource(read: InputReader): SettingSource {
  return { read, label: (name) => name };
}

/** Quotes a user's value for an error message, shortened so a whole prompt is not echoed back. */
export function quote(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return `'${short.replace(/\r?\n/g, '\\n')}'`;
}

/** Throws the error for a bad value: it names the setting, quotes the value and says the expected form. */
export function fail(label: string, value: string, expected: string): never {
  throw new InputError(`Invalid ${label} ${quote(value)}. Expected ${expected}.`);
}

function optional(src: SettingSource, name: string): string | undefined {
  const value = src.read(name);
  return value === '' ? undefined : value;
}

/** Parses `true`/`false` (any case, as YAML 1.2 core schema); empty means the default. */
export function parseBoolean(src: SettingSource, name: string, fallback: boolean): boolean;
export function parseBoolean(src: SettingSource, name: string, fallback?: undefined): boolean | undefined;
export function parseBoolean(src: SettingSource, name: string, fallback?: boolean): boolean | undefined {
  const value = src.read(name);
  if (value === '') return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  fail(src.label(name), value, 'true or false');
}

/** Parses a positive decimal number (e.g. `5`, `0.5`); empty means the default. */
export function parsePositiveNumber(src: SettingSource, name: string, fallback: number): number {
  const value = src.read(name);
  if (value === '') return fallback;
  const number = /^\d+(\.\d+)?$|^\.\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(number) || number <= 0) fail(src.label(name), value, 'a positive number such as 5 or 0.5');
  return number;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
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

/** Parses `output_schema`: inline JSON, or the path of a JSON file; either way a JSON object. */
export function parseOutputSchema(value: string, workspace: string, readFile: (path: string) => string, label = 'output_schema') {
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
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `Invalid ${label} ${quote(value)}: it is not valid JSON (${(error as Error).message}). Expected a JSON Schema object.`,
    );
  }
  if (!isRecord(parsed)) fail(label, value, 'a JSON Schema object such as {"type": "object", "properties": {...}}');
  return parsed;
}

/** Parses `artifacts_path`: a folder inside the workspace, returned absolute. */
export function parseArtifactsPath(value: string, workspace: string, label = 'artifacts_path'): string {
  const path = resolve(workspace, value);
  const rel = relative(workspace, path);
  if (rel.startsWith('..') || isAbsolute(rel)) fail(label, value, 'a folder inside the workspace, such as oz-artifacts');
  return path;
}

/**
 * The checks that need more than the text of the settings (the schema is compiled by the validator,
 * which is loaded on demand). Throws an InputError, still before any request.
 */
export async function checkRunSettings(settings: RunSettings, label: (name: string) => string = (n) => n): Promise<void> {
  if (settings.outputSchema === undefined) return;
  const problem = await checkSchema(settings.outputSchema);
  if (problem !== undefined) {
    throw new InputError(
      `Invalid ${label('output_schema')} ${quote(JSON.stringify(settings.outputSchema))}: it is not a valid JSON Schema (${problem}). ` +
        'Expected a JSON Schema object such as {"type": "object", "properties": {"ok": {"type": "boolean"}}}.',
    );
  }
}

/** Parses `api_base_url` (undefined for the default) into a URL without a trailing slash. */
export function parseApiBaseUrl(value: string | undefined, label = 'api_base_url'): string {
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
  if (apiKey === '') throw new InputError(missing);
  if (/\s/.test(apiKey) || !apiKey.startsWith('wk-')) {
    throw new InputError(`Invalid ${label}: expected a Warp API key, which starts with "wk-" and has no spaces.`);
  }
}

export interface RunSettingsOptions {
  /** The API key, already read (the front ends read it from different places). */
  apiKey: string;
  /** How the user knows the key, and what to say when it is missing. */
  apiKeyLabel: string;
  missingApiKey: string;
  /** Where relative paths (`prompt_file`, `mcp`) are resolved. */
  workspace: string;
  readFile: (path: string) => string;
  /** Metadata given as pairs rather than `metadata` text (the CLI's repeatable --metadata); checked the same way. */
  metadata?: Record<string, string>;
  /** The prompt may come later (the action writes it from a comment that mentions the trigger phrase). */
  promptOptional?: boolean;
  /** Reads `attachments` images; default the file system. */
  readBytes?: (path: string) => Buffer;
}

/**
 * Turns the run's settings into RunSettings, or throws an InputError naming the first bad one. Settings
 * that configure a new run cannot be combined with `run_id`, which watches an existing one.
 */
export function parseRunSettings(src: SettingSource, options: RunSettingsOptions): RunSettings {
  const { apiKey, workspace, readFile } = options;
  const label = src.label;
  checkApiKey(apiKey, options.apiKeyLabel, options.missingApiKey);

  const runId = optional(src, 'run_id');
  if (runId !== undefined && !RUN_ID_PATTERN.test(runId)) {
    fail(label('run_id'), runId, 'a run id of letters, digits, "-" and "_"');
  }

  const promptInput = optional(src, 'prompt');
  const promptFile = optional(src, 'prompt_file');
  const skill = optional(src, 'skill');
  if (promptInput !== undefined && promptFile !== undefined) {
    throw new InputError(`Set either ${label('prompt')} or ${label('prompt_file')}, not both.`);
  }
  let prompt = promptInput;
  if (promptFile !== undefined) {
    prompt = readSettingFile(
      label('prompt_file'),
      promptFile,
      workspace,
      readFile,
      'the path of a readable file, relative to the workspace or absolute',
    );
    if (prompt.trim() === '') fail(label('prompt_file'), promptFile, 'a file with a non-empty prompt');
  }
  if (skill !== undefined && !SKILL_PATTERN.test(skill)) {
    fail(label('skill'), skill, 'skill_name, repo:skill_name, org/repo:skill_name or org/repo:path/to/SKILL.md');
  }

  const mode = optional(src, 'mode');
  if (mode !== undefined && !(MODES as readonly string[]).includes(mode)) {
    fail(label('mode'), mode, `one of ${MODES.slice(0, -1).join(', ')} or ${MODES.at(-1)!}`);
  }
  const metadataText = optional(src, 'metadata');
  const userMetadata =
    options.metadata !== undefined
      ? checkUserMetadata(options.metadata, label('metadata'))
      : metadataText === undefined
        ? {}
        : parseMetadata(metadataText, label('metadata'));
  const schemaText = optional(src, 'output_schema');
  const outputSchema = schemaText === undefined ? undefined : parseOutputSchema(schemaText, workspace, readFile, label('output_schema'));
  const artifactsText = optional(src, 'artifacts_path');
  const mcpText = optional(src, 'mcp');
  const mcpServers = mcpText === undefined ? undefined : parseMcp(mcpText, workspace, readFile, label('mcp'));
  const computerUse = parseBoolean(src, 'computer_use');

  const config: AgentConfig = {};
  const name = optional(src, 'name');
  const model = optional(src, 'model');
  const environment = optional(src, 'environment');
  const basePrompt = optional(src, 'base_prompt');
  const host = optional(src, 'host');
  if (name !== undefined) config.name = name;
  if (model !== undefined) config.model_id = model;
  if (environment !== undefined) config.environment_id = environment;
  if (basePrompt !== undefined) config.base_prompt = basePrompt;
  if (mcpServers !== undefined) config.mcp_servers = mcpServers;
  if (host !== undefined) config.worker_host = host;
  if (computerUse !== undefined) config.computer_use_enabled = computerUse;
  const runOptions = parseRunOptions(src, workspace, options.readBytes);
  Object.assign(config, runOptions.config);

  const title = optional(src, 'title');
  const conversationId = optional(src, 'conversation_id');
  const creating = [
    ['prompt', promptInput],
    ['prompt_file', promptFile],
    ['skill', skill],
    ['title', title],
    ['mode', mode],
    ['conversation_id', conversationId],
    ['mcp', mcpText],
    ['metadata', Object.keys(userMetadata).length > 0 ? 'set' : metadataText],
    ['name', name],
    ['model', model],
    ['environment', environment],
    ['base_prompt', basePrompt],
    ['host', host],
    ['computer_use', src.read('computer_use') || undefined],
    ...runOptions.given.map((name) => [name, 'set']),
  ].filter(([, v]) => v !== undefined);

  const followup = optional(src, 'followup');
  if (followup !== undefined && runId === undefined) {
    throw new InputError(`${label('followup')} needs ${label('run_id')}: it is a message to an existing run.`);
  }
  let create: CreateRunRequest | undefined;
  if (runId !== undefined) {
    if (creating.length > 0) {
      throw new InputError(
        `${label('run_id')} watches an existing run, so it cannot be combined with ${creating.map(([k]) => label(k!)).join(', ')}: those configure a new run.`,
      );
    }
  } else {
    if (prompt === undefined && skill === undefined && !options.promptOptional) {
      throw new InputError(
        `Missing ${label('prompt')}: set ${label('prompt')}, ${label('prompt_file')} or ${label('skill')} (or ${label('run_id')} to watch an existing run).`,
      );
    }
    create = {};
    const derived = outputSchema !== undefined && title === undefined && prompt !== undefined ? titleFromPrompt(prompt) : undefined;
    if (derived !== undefined) create.title = derived;
    if (outputSchema !== undefined) prompt = `${prompt ?? ''}${schemaInstruction(outputSchema)}`.trimStart();
    if (prompt !== undefined) create.prompt = prompt;
    if (skill !== undefined) create.skill = skill;
    if (title !== undefined) create.title = title;
    if (mode !== undefined) create.mode = mode as CreateRunRequest['mode'];
    if (conversationId !== undefined) create.conversation_id = conversationId;
    Object.assign(create, runOptions.body);
    if (Object.keys(config).length > 0) create.config = config;
  }

  const pollIntervalMs = parsePositiveNumber(src, 'poll_interval_seconds', 5) * 1000;
  const maxPollIntervalMs = parsePositiveNumber(src, 'max_poll_interval_seconds', 30) * 1000;
  if (maxPollIntervalMs < pollIntervalMs) {
    fail(
      label('max_poll_interval_seconds'),
      src.read('max_poll_interval_seconds') || '30',
      `a number no smaller than ${label('poll_interval_seconds')} (${pollIntervalMs / 1000})`,
    );
  }

  const settings: RunSettings = {
    apiKey,
    apiBaseUrl: parseApiBaseUrl(optional(src, 'api_base_url'), label('api_base_url')),
    wait: parseBoolean(src, 'wait', true),
    timeoutMs: parsePositiveNumber(src, 'timeout_minutes', 60) * 60_000,
    pollIntervalMs,
    maxPollIntervalMs,
    cancelOnAbort: parseBoolean(src, 'cancel_on_abort', true),
    userMetadata,
    logProgress: parseBoolean(src, 'log_progress', true),
    ...parseReportOptions(src),
  };
  if (outputSchema !== undefined) settings.outputSchema = outputSchema;
  // A follow-up is the new request: it carries the output_schema instruction as a prompt would.
  if (followup !== undefined) settings.followup = outputSchema ? `${followup}${schemaInstruction(outputSchema)}` : followup;
  if (artifactsText !== undefined) settings.artifactsPath = parseArtifactsPath(artifactsText, workspace, label('artifacts_path'));
  if (create !== undefined) settings.create = create;
  if (runId !== undefined) settings.runId = runId;
  return settings;
}
