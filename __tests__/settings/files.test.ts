/**
 * The files settings name, read from the disk as the step reads them (src/settings/primitives.ts):
 * regular files only, bounded, never waiting on a pipe.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/settings/inputs.ts';
import { readRegularFile } from '../../src/settings/primitives.ts';
import { InputError, messageOf } from '../../src/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'oz-setting-files-'));

/** The error parsing the inputs gives, with the real file reader. */
function refusal(inputs: Record<string, string>): string {
  try {
    parseSettings((name) => inputs[name] ?? '', { GITHUB_WORKSPACE: dir });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return messageOf(error);
  }
  throw new Error('expected an InputError');
}

describe('a file a setting names', () => {
  it('is read whole when it is a regular file', () => {
    writeFileSync(join(dir, 'prompt.md'), 'Fix the flaky test.\n');
    const settings = parseSettings((name) => ({ warp_api_key: 'wk-x', prompt_file: 'prompt.md' })[name] ?? '', { GITHUB_WORKSPACE: dir });
    expect(settings.create?.prompt).toBe('Fix the flaky test.\n');
  });

  it.runIf(process.platform === 'linux')(
    'is refused at once when it is a named pipe: reading one would wait for a writer, with no deadline',
    () => {
      const fifo = join(dir, 'pipe.md');
      execFileSync('mkfifo', [fifo]);
      expect(refusal({ warp_api_key: 'wk-x', prompt_file: fifo })).toBe(
        `Invalid prompt_file '${fifo}': '${fifo}' is not a file (a pipe or a device, say). Expected the path of a readable file, relative to the workspace or absolute.`,
      );
    },
  );

  it.runIf(process.platform === 'linux')('is refused when it is a device that never ends (/dev/zero)', () => {
    expect(refusal({ warp_api_key: 'wk-x', mcp: '/dev/zero' })).toContain("'/dev/zero' is not a file (a pipe or a device, say)");
  });

  it('is refused, not read, over its bound', () => {
    const big = join(dir, 'big.bin');
    writeFileSync(big, Buffer.alloc(2048));
    expect(() => readRegularFile(big, 1024)).toThrow(expect.objectContaining({ code: 'EFBIG' }));
    expect(readRegularFile(big, 2048)).toHaveLength(2048);
  });

  it('is named a folder when it is one', () => {
    mkdirSync(join(dir, 'prompts'), { recursive: true });
    expect(refusal({ warp_api_key: 'wk-x', prompt_file: 'prompts' })).toContain(`'${join(dir, 'prompts')}' is a folder, not a file`);
  });
});
