/**
 * The committed dist/ as ncc builds it (scripts/build.ts): every bundled package's licence is listed,
 * and the code only some steps use (ncc's chunks, made from a relative `await import()`) is loaded
 * only when used, after the step's first request.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, stepEnvironment } from '../sim/runner.ts';
import { OzSimulator } from '../sim/server.ts';

const licenses = readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8');
/** `name@version` → the licence id and text below it. */
const entries = new Map(
  licenses
    .trim()
    .split(/\n\n(?=(?:@[\w.-]+\/)?[\w.-]+@\d)/)
    .map((section) => {
      const [head, id, ...text] = section.split('\n');
      return [head!, { id: id!, text: text.join('\n') }] as const;
    }),
);

describe('dist/licenses.txt', () => {
  it('lists every package the bundles hold, including those ncc --license leaves out', () => {
    const names = new Set([...entries.keys()].map((k) => k.slice(0, k.lastIndexOf('@'))));
    for (const name of [
      '@actions/core',
      '@actions/http-client',
      '@actions/github',
      '@actions/exec',
      '@actions/io',
      'p-retry',
      'undici',
      'tunnel',
      '@octokit/core',
    ]) {
      expect(names, name).toContain(name);
    }
    // Build tools and test tools are not shipped.
    for (const name of ['@vercel/ncc', 'typescript', 'vitest', 'nock', '@types/node']) expect(names).not.toContain(name);
  });

  it('gives each package its licence id and text', () => {
    for (const [name, { id, text }] of entries) {
      expect(id, name).toMatch(/^(MIT|ISC|Apache-2\.0|BSD-[23]-Clause|0BSD)$/);
      expect(text.length, name).toBeGreaterThan(100);
    }
  });
});

const MAIN = join(ROOT, 'dist', 'main');

/** The chunks of the main step's bundle (every file but its entry), as file URLs, that hold `text`. */
function chunksHolding(text: string): string[] {
  const chunks = readdirSync(MAIN).filter((f) => f.endsWith('.js') && f !== 'index.js');
  const found = chunks.filter((f) => readFileSync(join(MAIN, f), 'utf8').includes(text));
  expect(found, text).not.toEqual([]);
  return found.map((f) => pathToFileURL(join(MAIN, f)).href);
}

/**
 * Runs the main step on the committed bundle with a loader hook; returns the URLs of what it loaded
 * (files and Node's modules, by require or import), in order, with `<first request>` where its first
 * HTTP request was made.
 */
async function traceStep(inputs: Record<string, string>, runs = 1): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oz-load-'));
  const trace = join(dir, 'trace.mjs');
  const loaded = join(dir, 'loaded.txt');
  writeFileSync(
    trace,
    `import { registerHooks } from 'node:module';
     import { subscribe } from 'node:diagnostics_channel';
     import { writeFileSync } from 'node:fs';
     const seen = [];
     registerHooks({ load(url, context, next) { seen.push(url); return next(url, context); } });
     let first = true;
     subscribe('http.client.request.created', () => { if (first) seen.push('<first request>'); first = false; });
     process.on('exit', () => writeFileSync(${JSON.stringify(loaded)}, seen.join('\\n')));`,
  );
  const sim = new OzSimulator({ msPerSecond: 20 });
  const url = await sim.start();
  try {
    const env = stepEnvironment(dir, {
      inputs: { warp_api_key: 'wk-x', prompt: 'p', api_base_url: url, poll_interval_seconds: '0.05', ...inputs },
    });
    for (const file of [env.GITHUB_OUTPUT!, env.GITHUB_STATE!, env.GITHUB_STEP_SUMMARY!]) writeFileSync(file, '');
    // A step that fails exits 1: what it loaded is what is asked about.
    await promisify(execFile)(process.execPath, ['--import', pathToFileURL(trace).href, join(MAIN, 'index.js')], { env }).catch(
      () => undefined,
    );
    expect(sim.runs.size).toBe(runs);
  } finally {
    await sim.stop();
  }
  return readFileSync(loaded, 'utf8').split('\n');
}

describe('what the step loads', () => {
  it('loads Octokit and the GitHub side only when there is something to do on GitHub, the detector after the first request', async () => {
    // A whole run, start to SUCCEEDED, with no comment, check run, trigger or review.
    const modules = await traceStep({});
    for (const chunk of [...chunksHolding('@octokit/'), ...chunksHolding('CONCATENATED MODULE: ./src/action/github-side.ts')]) {
      expect(modules).not.toContain(chunk);
    }
    // The agent's answer is published, so the credential detector is loaded: after the first request.
    const first = modules.indexOf('<first request>');
    for (const chunk of chunksHolding('@secretlint/core')) expect(modules.indexOf(chunk)).toBeGreaterThan(first);
  });

  it('sends its first request before it loads any chunk', async () => {
    const modules = await traceStep({ wait: 'false' });
    const first = modules.indexOf('<first request>');
    expect(first).toBeGreaterThan(0);
    const chunk = (url: string) => url.startsWith(pathToFileURL(MAIN).href) && !url.endsWith('/index.js');
    expect(modules.slice(0, first).filter(chunk)).toEqual([]);
  });

  it('loads the GitHub side when the step has something to do on GitHub', async () => {
    // check_name without a token: the GitHub side refuses it, before any request.
    const modules = await traceStep({ check_name: 'Oz agent' }, 0);
    for (const chunk of chunksHolding('CONCATENATED MODULE: ./src/action/github-side.ts')) expect(modules).toContain(chunk);
    expect(modules).not.toContain('<first request>');
  });
});
