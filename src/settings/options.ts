import { basename, extname } from 'node:path';
import type { AgentConfig, Attachment, CreateRunRequest, HarnessAuthSecrets } from '../oz/types.ts';
import type { SettingKey } from '../names.ts';
import { InputError } from '../errors.ts';
import { fail, parseBoolean, parseList, quote, readRegularFile, settingPath, unreadableReason, type SettingSource } from './primitives.ts';

/** What `agent_output` holds: the final answer as text, or the run's normalized conversation as JSON. */
export type OutputFormat = 'text' | 'json';

/** How the front ends report, beyond the run itself. */
export interface ReportOptions {
  /** `text` (default): the agent's final answer; `json`: the normalized conversation as JSON. */
  outputFormat?: OutputFormat;
  /** Log every request to the API (method, path, status, duration, trace id), as step debug logging would. */
  debug?: boolean;
  /** Check the model, environment and skill against the API's catalogue before the create (default true). */
  preflight?: boolean;
  /** Cancel the run and fail when its reported usage passes this many credits. */
  maxCredits?: number;
}

const FORMATS: readonly OutputFormat[] = ['text', 'json'];

/** Parses the output format, debug logging, the catalogue check and the credit budget; a bad value throws an InputError naming the setting. */
export function parseReportOptions(src: SettingSource): ReportOptions {
  const format = src.read('outputFormat').toLowerCase() || 'text';
  if (!(FORMATS as readonly string[]).includes(format)) fail(src.label('outputFormat'), src.read('outputFormat'), 'text or json');
  return {
    outputFormat: format as OutputFormat,
    debug: parseBoolean(src, 'debug', false),
    preflight: parseBoolean(src, 'preflight', true),
    ...parseMaxCredits(src),
  };
}

function parseMaxCredits(src: SettingSource): { maxCredits?: number } {
  const value = src.read('maxCredits');
  if (value === '') return {};
  const number = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(number > 0)) fail(src.label('maxCredits'), value, 'a positive number of credits such as 50');
  return { maxCredits: number };
}

/** The API's harnesses (`config.harness.type`); oz is Warp's own. */
export const HARNESSES = ['oz', 'claude', 'codex', 'gemini'] as const;
export type Harness = (typeof HARNESSES)[number];

/** The request field that names a third-party harness's team secret; the others take none. */
const SECRET_FIELD: Partial<Record<Harness, keyof HarnessAuthSecrets>> = {
  claude: 'claude_auth_secret_name',
  codex: 'codex_auth_secret_name',
};

/** Image types the API takes as attachments, by file extension. */
const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** At most 5 attachments (the API's limit), each at most 5 MiB and 20 MiB in all, before base64. */
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_BYTES = 20 * 1024 * 1024;

const NAME_PATTERN = /^[A-Za-z0-9._:/-]{1,128}$/;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/** A Warp-managed secret's name, by the rule this project also applies to a harness's secret. */
const SECRET_NAME = /^[A-Za-z0-9._-]{1,128}$/;

/** The API's run options beyond the basic ones: where each goes in the create request. */
export interface RunOptions {
  config: Pick<AgentConfig, 'harness' | 'harness_auth_secrets' | 'idle_timeout_minutes' | 'session_sharing' | 'secrets'>;
  body: Pick<CreateRunRequest, 'attachments' | 'agent_identity_uid'>;
  /** The settings given: they configure a new run (not with a run id to watch). */
  given: SettingKey[];
}

/**
 * Parses the harness (type, model, reasoning level, secret), the idle timeout, session sharing,
 * the secrets it may use, attachments and the agent identity. A bad value throws an InputError naming the
 * setting, before any request.
 */
export function parseRunOptions(
  src: SettingSource,
  workspace: string,
  // Bounded by the total the images may have: a larger one is named with its size below.
  readBytes: (path: string) => Buffer = (path) => readRegularFile(path, MAX_ATTACHMENTS_BYTES),
): RunOptions {
  const options: RunOptions = { config: {}, body: {}, given: [] };
  const read = (name: SettingKey) => {
    const value = src.read(name);
    if (value !== '') options.given.push(name);
    return value;
  };
  parseHarness(src, read, options);
  const idle = read('idleTimeoutMinutes');
  if (idle !== '') {
    // 0 is the API's "shut the environment down as soon as the task completes".
    if (!/^\d+$/.test(idle) || Number(idle) > 60) {
      fail(src.label('idleTimeoutMinutes'), idle, 'a whole number of minutes from 0 to 60');
    }
    options.config.idle_timeout_minutes = Number(idle);
  }
  const sharing = read('sessionSharing');
  if (sharing !== '') {
    if (!/^(viewer|editor)$/i.test(sharing)) fail(src.label('sessionSharing'), sharing, 'viewer or editor');
    options.config.session_sharing = { public_access: sharing.toUpperCase() as 'VIEWER' | 'EDITOR' };
  }
  const identity = read('agentIdentity');
  if (identity !== '') {
    if (!ID_PATTERN.test(identity)) fail(src.label('agentIdentity'), identity, 'an agent identity uid of letters, digits, "-" and "_"');
    options.body.agent_identity_uid = identity;
  }
  const secrets = read('secrets');
  if (secrets !== '') options.config.secrets = parseSecretNames(src.label('secrets'), secrets).map((name) => ({ name }));
  const paths = read('attachments');
  if (paths !== '') options.body.attachments = readAttachments(src.label('attachments'), paths, workspace, readBytes);
  return options;
}

function parseHarness(src: SettingSource, read: (name: SettingKey) => string, options: RunOptions): void {
  const label = src.label;
  const type = read('harness').toLowerCase();
  if (type !== '' && !(HARNESSES as readonly string[]).includes(type))
    fail(label('harness'), src.read('harness'), HARNESSES.join(', ') + ' (one of)');
  const model = read('harnessModel');
  const reasoning = read('reasoningLevel');
  const secret = read('harnessSecret');
  const thirdParty = type !== '' && type !== 'oz';
  for (const [name, value] of [
    ['harnessModel', model],
    ['reasoningLevel', reasoning],
  ] as const) {
    if (value !== '' && !thirdParty) {
      throw new InputError(
        label(name),
        'conflict',
        `${label(name)} applies only to a third-party harness: set ${label('harness')} to claude, codex or gemini${name === 'harnessModel' ? `, or use ${label('model')} for Warp's own` : ''}.`,
      );
    }
  }
  if (model !== '' && !NAME_PATTERN.test(model)) fail(label('harnessModel'), model, 'a model id such as claude-sonnet-4-5');
  if (reasoning !== '' && !/^[A-Za-z0-9_-]{1,32}$/.test(reasoning))
    fail(label('reasoningLevel'), reasoning, 'a level such as low, medium or high');
  if (type === '') return;
  options.config.harness = {
    type: type as Harness,
    ...(model !== '' && { model_id: model }),
    ...(reasoning !== '' && { reasoning_level: reasoning }),
  };
  if (secret === '') return;
  const field = SECRET_FIELD[type as Harness];
  if (field === undefined) {
    throw new InputError(
      label('harnessSecret'),
      'conflict',
      `${label('harnessSecret')} applies only to the claude and codex harnesses (the ${type} harness takes no secret here).`,
    );
  }
  if (!SECRET_NAME.test(secret)) fail(label('harnessSecret'), secret, 'the name of a Warp team secret, such as ANTHROPIC_API_KEY');
  options.config.harness_auth_secrets = { [field]: secret };
}

/**
 * The names of managed secrets the run may use: one a line (blank lines skipped) or separated by
 * commas. An empty name, a name the API would refuse, or one named twice throws an InputError.
 */
export function parseSecretNames(label: string, text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    for (const item of line.split(',')) {
      const name = item.trim();
      if (name === '') fail(label, line.trim(), 'secret names separated by commas or new lines, none of them empty');
      if (!SECRET_NAME.test(name)) {
        fail(label, name, 'the name of a Warp-managed secret: letters, digits, ".", "_" and "-", at most 128, such as DB_PASSWORD');
      }
      if (names.includes(name)) fail(label, name, 'each secret named once (it is named twice)');
      names.push(name);
    }
  }
  return names;
}

/** Reads the images `attachments` names (one path a line), checked for count, type and size; base64. */
function readAttachments(label: string, text: string, workspace: string, readBytes: (path: string) => Buffer): Attachment[] {
  const paths = parseList(text);
  if (paths.length > MAX_ATTACHMENTS) fail(label, `${paths.length} files`, `at most ${MAX_ATTACHMENTS} images`);
  let total = 0;
  return paths.map((path) => {
    const mime = IMAGE_TYPES[extname(path).toLowerCase()];
    if (mime === undefined) fail(label, path, 'images of type jpeg, png, gif or webp (a .jpg, .jpeg, .png, .gif or .webp file)');
    let data: Buffer;
    try {
      data = readBytes(settingPath(path, workspace));
    } catch (error) {
      throw new InputError(label, 'invalid', `Invalid ${label} ${quote(path)}: ${unreadableReason(error, settingPath(path, workspace))}.`);
    }
    if (imageType(data) !== mime) fail(label, path, `a ${mime.slice(6)} image (the file's content is not one)`);
    if (data.length > MAX_ATTACHMENT_BYTES)
      fail(label, path, `an image of at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB (it has ${data.length} bytes)`);
    total += data.length;
    if (total > MAX_ATTACHMENTS_BYTES) fail(label, path, `images of at most ${MAX_ATTACHMENTS_BYTES / 1024 / 1024} MiB in all`);
    return { file_name: basename(path), mime_type: mime, data: data.toString('base64') };
  });
}

/** The image type a file's first bytes say, or undefined. */
export function imageType(data: Buffer): string | undefined {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (/^GIF8[79]a/.test(data.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return undefined;
}
