import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { quote } from '../settings/primitives.ts';

/** Why `path` cannot be written, or undefined when it can (checked without creating it). */
function unwritable(path: string): string | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return `${quote(path)} is a folder`;
  const target = stat === undefined ? dirname(path) : path;
  if (stat === undefined) {
    const folder = statSync(target, { throwIfNoEntry: false });
    if (folder === undefined) return `its folder ${quote(target)} does not exist`;
    if (!folder.isDirectory()) return `${quote(target)} is not a folder`;
  }
  try {
    accessSync(target, stat === undefined ? constants.W_OK | constants.X_OK : constants.W_OK);
    return undefined;
  } catch {
    return stat === undefined ? `its folder ${quote(target)} cannot be written to` : `${quote(path)} cannot be written to`;
  }
}

/**
 * Checks, before the run starts, that the report files can be written: a run of many minutes must not
 * end with its summary or its outputs lost to a typo in a path. Throws an InputError naming the flag.
 */
export function checkReportFiles(files: { flag: string; path: string | undefined }[], cwd: string = process.cwd()): void {
  for (const { flag, path } of files) {
    if (path === undefined) continue;
    if (path.trim() === '')
      throw new InputError(flag, 'invalid', `Invalid ${flag} ''. Expected the path of a file to write, such as oz-summary.md.`);
    const problem = unwritable(resolve(cwd, path));
    if (problem !== undefined)
      throw new InputError(flag, 'invalid', `Invalid ${flag} ${quote(path)}: ${problem}. Expected the path of a file that can be written.`);
  }
}
