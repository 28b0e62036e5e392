import { describe, expect, it } from 'vitest';
import { Diff, patchLines } from '../../src/review/diff.ts';

const PATCH = [
  '@@ -1,3 +1,4 @@',
  ' a',
  '-b',
  '+B',
  '+C',
  ' d',
  '@@ -20,2 +21,2 @@ function f() {',
  '-x',
  '+y',
  ' z',
  '\\ No newline at end of file',
].join('\n');

describe('patchLines', () => {
  it('numbers added and context lines on the RIGHT, removed and context lines on the LEFT, by hunk', () => {
    const lines = patchLines(PATCH);
    expect([...lines.RIGHT]).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [21, 1],
      [22, 1],
    ]);
    expect([...lines.LEFT]).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [20, 1],
      [21, 1],
    ]);
  });

  it('has no lines for a file without a patch (binary, or too large for GitHub to show)', () => {
    expect(patchLines(undefined).RIGHT.size).toBe(0);
  });
});

describe('Diff', () => {
  const diff = new Diff([{ filename: 'src/a.ts', patch: PATCH }, { filename: 'logo.png' }]);

  it('tells lines on the diff from lines off it, by file and side', () => {
    expect(diff.has('src/a.ts', 'RIGHT', 3)).toBe(true);
    expect(diff.has('src/a.ts', 'RIGHT', 10)).toBe(false);
    expect(diff.has('src/a.ts', 'LEFT', 2)).toBe(true);
    expect(diff.has('src/a.ts', 'LEFT', 4)).toBe(false);
    expect(diff.has('logo.png', 'RIGHT', 1)).toBe(false);
    expect(diff.has('other.ts', 'RIGHT', 1)).toBe(false);
  });

  it('takes a range only within one hunk, and only from a first line before the last', () => {
    expect(diff.has('src/a.ts', 'RIGHT', 4, 2)).toBe(true);
    expect(diff.has('src/a.ts', 'RIGHT', 21, 4)).toBe(false);
    expect(diff.has('src/a.ts', 'RIGHT', 3, 3)).toBe(false);
    expect(diff.has('src/a.ts', 'RIGHT', 2, 3)).toBe(false);
  });
});
