/** The layer rule in eslint.config.js: a wrong import between src/ folders fails `npm run lint`. */
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** Lints an existing file of src/ with one more import line at its top; returns the rule's messages. */
async function withImport(file: string, line: string): Promise<string[]> {
  const text = `${line}\n${readFileSync(join(root, file), 'utf8')}`;
  const [result] = await eslint.lintText(text, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'project/layers').map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['src/oz/client.ts', "import type { Settings } from '../settings/inputs.ts';"],
    ['src/oz/client.ts', "import * as core from '@actions/core';"],
    ['src/run/watch.ts', "import { renderSummary } from '../report/summary.ts';"],
    ['src/run/watch.ts', "import type { GitHubContext } from '../github/context.ts';"],
    ['src/report/summary.ts', "import { isTerminal } from '../oz/types.ts';"],
    ['src/report/summary.ts', "import type { WatchResult } from '../run/watch.ts';"],
    ['src/github/feedback.ts', "import { runMain } from '../action/main-step.ts';"],
    ['src/run/watch.ts', "const { reviewOutputs } = await import('../review/text.ts');"],
    ['src/run/watch.ts', "export { postReview } from '../review/publish.ts';"],
    ['src/oz/client.ts', "type S = import('../settings/settings.ts').Settings;"],
    ['src/review/text.ts', "import { postReview } from './publish.ts';"],
    ['src/threads/run.ts', "import { decodeState } from './state.ts';"],
    ['src/cli/main.ts', "import { Feedback } from '../github/feedback.ts';"],
    ['src/front/run.ts', "import { runMain } from '../action/main-step.ts';"],
    // The error model is a leaf: it imports nothing of the project.
    ['src/errors.ts', "import type { SettingKey } from './names.ts';"],
    ['src/errors.ts', "import { isTerminal } from './oz/types.ts';"],
    // settings/ parses before anything runs, and its primitives are a leaf under the parsers: no circle.
    ['src/settings/settings.ts', "import { structuredOutput } from '../run/structured.ts';"],
    ['src/settings/primitives.ts', "import { parseRunSettings } from './settings.ts';"],
    ['src/settings/primitives.ts', "import { checkOfficialInputs } from './official.ts';"],
  ])('%s may not have %s', async (file, line) => {
    expect(await withImport(file, line)).toHaveLength(1);
  });

  it.each([
    ['src/run/watch.ts', "import { OzApiError } from '../oz/errors.ts';"],
    ['src/report/summary.ts', "import type { RunItem as R } from '../oz/types.ts';"],
    ['src/oz/client.ts', "import { HttpClient as H } from '@actions/http-client';"],
    ['src/action/main-step.ts', "import { safeUrl } from '../report/url.ts';"],
    ['src/review/publish.ts', "import { REVIEW_SCHEMA } from './schema.ts';"],
    ['src/run/lifecycle.ts', "import { readThreadRun as r } from '../threads/run.ts';"],
    ['src/report/summary.ts', "import { messageOf as m } from '../errors.ts';"],
  ])('%s may have %s', async (file, line) => {
    expect(await withImport(file, line)).toEqual([]);
  });
});

describe('the layers', () => {
  it('place every file of src/: the rule checks no import of a file that has no layer', async () => {
    const { layerOf } = (await import(pathToFileURL(join(root, 'eslint.config.js')).href)) as {
      layerOf: (file: string) => { layer: string } | undefined;
    };
    const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `src/${file.split(sep).join('/')}`);
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => layerOf(file) === undefined)).toEqual([]);
  });
});
