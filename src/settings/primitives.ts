import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputError, messageOf, systemCode } from '../errors.ts';
import type { SettingKey } from '../names.ts';

/**
 * The primitives every setting is parsed with: read a value, quote it in an error, parse a boolean, a
 * number, a list, read a file a setting names, check a JSON Schema. A leaf of settings/: it imports no
 * other file of the folder, so the parsers above it (settings.ts, options.ts, inputs.ts, official.ts)
 * share it without a circle.
 */

/**
 * Where settings come from, for both front ends: the action's inputs or the CLI's flags. The core
 * knows a setting by its key (`promptFile`, see src/names.ts); `label` says it as the user wrote it
 * (the action's input, or the CLI's `--prompt-file`).
 */
export interface SettingSource {
  /** The raw value, trimmed; '' when unset. */
  read: (key: SettingKey) => string;
  /** How the user knows the setting, for error messages. */
  label: (key: SettingKey) => string;
}

/** Reads one raw action input by its name, as `core.getInput` does: trimmed unless `trimWhitespace` is false, '' when unset. */
export type InputReader = (name: string, options?: { trimWhitespace?: boolean }) => string;

/** Quotes a user's value for an error message, shortened so a whole prompt is not echoed back. */
export function quote(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return `'${short.replace(/\r?\n/g, '\\n')}'`;
}

/** Throws the error for a bad value: it names the setting, quotes the value and says the expected form. */
export function fail(label: string, value: string, expected: string): never {
  throw new InputError(label, 'invalid', `Invalid ${label} ${quote(value)}. Expected ${expected}.`);
}

/** A setting's value, or undefined when it is not set. */
export function optional(src: SettingSource, name: SettingKey): string | undefined {
  const value = src.read(name);
  return value === '' ? undefined : value;
}

/** Parses `true`/`false` (any case, as YAML 1.2 core schema); empty means the default. */
export function parseBoolean(src: SettingSource, name: SettingKey, fallback: boolean): boolean;
export function parseBoolean(src: SettingSource, name: SettingKey, fallback?: undefined): boolean | undefined;
export function parseBoolean(src: SettingSource, name: SettingKey, fallback?: boolean): boolean | undefined {
  const value = src.read(name);
  if (value === '') return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  fail(src.label(name), value, 'true or false');
}

/** Parses a positive decimal number (e.g. `5`, `0.5`); empty means the default. */
export function parsePositiveNumber(src: SettingSource, name: SettingKey, fallback: number): number {
  const value = src.read(name);
  if (value === '') return fallback;
  const number = /^\d+(\.\d+)?$|^\.\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(number) || number <= 0) fail(src.label(name), value, 'a positive number such as 5 or 0.5');
  return number;
}

/** The items of a list written one a line, or separated by `separator`: trimmed, blanks dropped. */
export function parseList(text: string, separator: RegExp = /\r?\n/): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Parses a setting's JSON text. Text that is not JSON throws the setting's InputError, naming `where`
 * (the setting, with its value or file) and what was expected, with JSON.parse's reason between.
 */
export function parseJsonSetting(text: string, label: string, where: string, expected: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(label, 'invalid', `Invalid ${where}: it is not valid JSON (${messageOf(error)}). Expected ${expected}.`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

/**
 * Files named by settings (the prompt file, MCP servers, the output schema) follow one rule: a relative path is
 * taken from the workspace, and an absolute one is read where it is. Only files are read, never
 * written: unlike the artifacts folder, such a path is not confined to the workspace.
 */
export function settingPath(value: string, workspace: string): string {
  return isAbsolute(value) ? value : resolve(workspace, value);
}

/** Why a file could not be read, in words: a missing file, a folder, no permission. */
export function unreadableReason(error: unknown, path: string): string {
  switch (systemCode(error)) {
    case NOT_A_FILE:
      return `${quote(path)} is not a file (a pipe or a device, say)`;
    case 'EFBIG':
      return `${quote(path)} is too large (${messageOf(error)})`;
    case 'ENOENT':
      return `there is no file at ${quote(path)}`;
    case 'EISDIR':
      return `${quote(path)} is a folder, not a file`;
    case 'EACCES':
    case 'EPERM':
      return `${quote(path)} cannot be read (permission denied)`;
    default:
      return `${quote(path)} cannot be read (${messageOf(error)})`;
  }
}

/** The largest file a text setting names (`prompt_file`, an `mcp` or `output_schema` file) may be. */
export const MAX_SETTING_FILE_BYTES = 10 * 1024 * 1024;

/** The code readRegularFile throws with for what is not a regular file (Node has none of its own). */
const NOT_A_FILE = 'ENOTFILE';

/**
 * The bytes of the file at `path`, at most `maxBytes`: a regular file only, since a named pipe would
 * hold the step with no deadline (reading waits for a writer, before the post step's budget even
 * starts) and a device such as /dev/zero never ends. The file is opened without waiting for a
 * writer, and what it is and its size are read from the file opened, not from the path again.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
    if (!stat.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: NOT_A_FILE });
    if (stat.size > maxBytes) throw Object.assign(new Error(`over ${maxBytes / 1024 / 1024} MiB`), { code: 'EFBIG' });
    const data = Buffer.alloc(stat.size);
    let read = 0;
    while (read < data.length) {
      const got = readSync(fd, data, read, data.length - read, null);
      if (got === 0) break;
      read += got;
    }
    return data.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** A text file a setting names, as readSettingFile's default: UTF-8, at most MAX_SETTING_FILE_BYTES. */
export const readSettingText = (path: string): string => readRegularFile(path, MAX_SETTING_FILE_BYTES).toString('utf8');

/**
 * Reads the file a setting names, or throws an InputError that says the real reason, where the path
 * led, and what was expected.
 */
export function readSettingFile(
  label: string,
  value: string,
  workspace: string,
  readFile: (path: string) => string,
  expected: string,
): string {
  const path = settingPath(value, workspace);
  try {
    return readFile(path);
  } catch (error) {
    const from = isAbsolute(value) ? '' : ` (a relative path is taken from the workspace, ${quote(workspace)})`;
    throw new InputError(
      label,
      'invalid',
      `Invalid ${label} ${quote(value)}: ${unreadableReason(error, path)}${from}. Expected ${expected}.`,
    );
  }
}

/** Compiles a JSON Schema with the validator, loaded on first use (Ajv is a chunk of its own in the bundle). */
export async function compileSchema(schema: Record<string, unknown>) {
  const { compileSchema: compile } = await import('./json-schema.ts');
  return compile(schema);
}

/**
 * Checks that `schema` is a valid JSON Schema, when the settings are read, so a bad one fails before
 * any request: an InputError naming `label` and quoting the schema.
 */
export async function checkSchema(schema: Record<string, unknown>, label: string): Promise<void> {
  try {
    await compileSchema(schema);
  } catch (error) {
    throw new InputError(
      label,
      'invalid',
      `Invalid ${label} ${quote(JSON.stringify(schema))}: it is not a valid JSON Schema (${messageOf(error)}). ` +
        'Expected a JSON Schema object such as {"type": "object", "properties": {"ok": {"type": "boolean"}}}.',
    );
  }
}
