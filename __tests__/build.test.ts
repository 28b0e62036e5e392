/**
 * The committed dist/ as ncc builds it (scripts/build.ts): every bundled package's licence is listed,
 * and the modules used only now and then are loaded only when used.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * Runs the main step on the committed bundle with a module tracer; returns what it required, in
 * order, with `<first request>` where its first HTTP request was made.
 */
async function traceStep(inputs: Record<string, string>, runs = 1): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oz-load-'));
  const trace = join(dir, 'trace.cjs');
  const loaded = join(dir, 'loaded.txt');
  writeFileSync(
    trace,
    `const M = require('module'); const seen = []; const load = M._load;
     M._load = function (request) { seen.push(request); return load.apply(this, arguments); };
     let first = true;
     require('diagnostics_channel').subscribe('http.client.request.created', () => {
       if (first) seen.push('<first request>', ...process.moduleLoadList.filter((m) => m.includes('fs/promises') || m.includes('perf_hooks')).map((m) => 'builtin ' + m));
       first = false;
     });
     process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(loaded)}, seen.join('\\n')));`,
  );
  const sim = new OzSimulator({ msPerSecond: 20 });
  const url = await sim.start();
  try {
    const env = stepEnvironment(dir, {
      inputs: { warp_api_key: 'wk-x', prompt: 'p', api_base_url: url, poll_interval_seconds: '0.05', ...inputs },
    });
    for (const file of [env.GITHUB_OUTPUT!, env.GITHUB_STATE!, env.GITHUB_STEP_SUMMARY!]) writeFileSync(file, '');
    // A step that fails exits 1: what it loaded is what is asked about.
    await promisify(execFile)(process.execPath, ['-r', trace, join(ROOT, 'dist', 'main.cjs')], { env }).catch(() => undefined);
    expect(sim.runs.size).toBe(runs);
  } finally {
    await sim.stop();
  }
  return readFileSync(loaded, 'utf8').split('\n');
}

describe('what the step loads', () => {
  it('loads undici, tunnel, @actions/exec, Octokit and the GitHub side only when they are used', async () => {
    // A whole run, start to SUCCEEDED, with no proxy, comment, check run, trigger or review.
    const modules = await traceStep({});
    for (const lazy of ['./undici.cjs', './tunnel.cjs', './exec.cjs', './github.cjs', './github-side.cjs', 'child_process']) {
      expect(modules).not.toContain(lazy);
    }
    // What comes after the run is loaded after it: the conversation and files, then the report.
    expect(modules).toContain('./after-run.cjs');
    expect(modules).toContain('./report.cjs');
  });

  it('sends its first request before it loads anything it needs only later', async () => {
    const modules = await traceStep({ wait: 'false' });
    const first = modules.indexOf('<first request>');
    expect(first).toBeGreaterThan(0);
    const before = modules.slice(0, first);
    for (const later of [
      './after-run.cjs',
      './report.cjs',
      './github-side.cjs',
      './github.cjs',
      './preflight.cjs',
      './secrets.cjs',
      './json-schema.cjs',
    ]) {
      expect(before).not.toContain(later);
    }
    // The report is still written, from the file loaded after the request.
    expect(modules.slice(first)).toContain('./report.cjs');
    // Node's promise-based fs and perf_hooks are not loaded yet (the toolkit's summary module and p-retry would load them at start).
    expect(modules.slice(first + 1).filter((m) => m.startsWith('builtin '))).toEqual([]);
    // Nothing is required as a separate shim file: the shims are inline.
    expect(modules.filter((m) => m.startsWith('./lazy-'))).toEqual([]);
  });

  it('loads the GitHub side when the step has something to do on GitHub', async () => {
    // check_name without a token: the GitHub side refuses it, before any request.
    const modules = await traceStep({ check_name: 'Oz agent' }, 0);
    expect(modules).toContain('./github-side.cjs');
    expect(modules).not.toContain('<first request>');
  });
});
