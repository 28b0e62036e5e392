import { isAbsolute, resolve } from 'node:path';
import { InputError, messageOf, systemCode } from '../errors.ts';
import { quote } from './settings.ts';

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
