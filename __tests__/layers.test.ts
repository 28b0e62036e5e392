/** The layer rule in eslint.config.js: a wrong import between src/ folders fails `npm run lint`. */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** Lints an existing file of src/ with one more import line at its top; returns the rule's messages. */
async function withImport(file: string, line: string): Promise<string[]> {
  const text = `${line}\n${readFileSync(join(root, file), 'utf8')}`;
  const [result] = await eslint.lintText(text, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['src/oz/client.ts', "import type { Settings } from '../action/inputs.ts';"],
    ['src/oz/client.ts', "import * as core from '@actions/core';"],
    ['src/run/watch.ts', "import { renderSummary } from '../report/summary.ts';"],
    ['src/run/watch.ts', "import type { GitHubContext } from '../github/context.ts';"],
    ['src/report/summary.ts', "import { isTerminal } from '../oz/types.ts';"],
    ['src/report/summary.ts', "import type { WatchResult } from '../run/watch.ts';"],
    ['src/github/feedback.ts', "import { parseSettings } from '../action/inputs.ts';"],
  ])('%s may not have %s', async (file, line) => {
    expect(await withImport(file, line)).toHaveLength(1);
  });

  it.each([
    ['src/run/watch.ts', "import { OzApiError } from '../oz/errors.ts';"],
    ['src/report/summary.ts', "import type { RunItem as R } from '../oz/types.ts';"],
    ['src/oz/client.ts', "import { HttpClient as H } from '@actions/http-client';"],
    ['src/action/main-step.ts', "import { safeUrl } from '../report/url.ts';"],
  ])('%s may have %s', async (file, line) => {
    expect(await withImport(file, line)).toEqual([]);
  });
});
