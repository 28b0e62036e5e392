/**
 * Which lines of a pull request a review comment may be on. GitHub accepts a comment only on a line
 * of the diff: an added or unchanged (context) line of a hunk on the RIGHT side, a removed or
 * context line on the LEFT, and a range only within one hunk. The pull request's files list gives
 * each file's `patch`, the unified diff hunks this reads.
 */

export type Side = 'RIGHT' | 'LEFT';

/** For one file: the hunk each commentable line is in, by side. */
export interface FileLines {
  RIGHT: Map<number, number>;
  LEFT: Map<number, number>;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** The commentable lines of one file's patch (none for a patch GitHub left out, such as a binary file's). */
export function patchLines(patch: string | undefined): FileLines {
  const lines: FileLines = { RIGHT: new Map(), LEFT: new Map() };
  if (patch === undefined) return lines;
  let hunk = -1;
  let left = 0;
  let right = 0;
  for (const text of patch.split('\n')) {
    const header = HUNK.exec(text);
    if (header) {
      hunk++;
      left = Number(header[1]);
      right = Number(header[2]);
      continue;
    }
    if (hunk < 0 || text.startsWith('\\')) continue; // "\ No newline at end of file"
    if (text.startsWith('+')) {
      lines.RIGHT.set(right++, hunk);
    } else if (text.startsWith('-')) {
      lines.LEFT.set(left++, hunk);
    } else {
      lines.RIGHT.set(right++, hunk);
      lines.LEFT.set(left++, hunk);
    }
  }
  return lines;
}

/** A pull request's diff: the commentable lines of each changed file. */
export class Diff {
  private readonly files = new Map<string, FileLines>();

  constructor(files: readonly { filename: string; patch?: string | undefined }[]) {
    for (const file of files) this.files.set(file.filename, patchLines(file.patch));
  }

  /** Whether a comment on `line` (or the range `startLine`..`line`) of `path` is on the diff. */
  has(path: string, side: Side, line: number, startLine?: number): boolean {
    const hunks = this.files.get(path)?.[side];
    const hunk = hunks?.get(line);
    if (hunk === undefined) return false;
    if (startLine === undefined) return true;
    if (startLine >= line) return false;
    for (let n = startLine; n < line; n++) if (hunks!.get(n) !== hunk) return false;
    return true;
  }
}
