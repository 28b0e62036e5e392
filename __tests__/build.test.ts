/**
 * The committed dist/ as ncc builds it (scripts/build.ts): every bundled package's licence is listed,
 * and the modules used only now and then are loaded only when used.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

describe('what the step loads', () => {
  it('loads undici, tunnel and @actions/exec only when they are used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oz-load-'));
    const trace = join(dir, 'trace.cjs');
    const loaded = join(dir, 'loaded.txt');
    writeFileSync(
      trace,
      `const M = require('module'); const seen = []; const load = M._load;
       M._load = function (request) { seen.push(request); return load.apply(this, arguments); };
       process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(loaded)}, seen.join('\\n')));`,
    );
    const sim = new OzSimulator({ msPerSecond: 20 });
    const url = await sim.start();
    try {
      const env = stepEnvironment(dir, { inputs: { warp_api_key: 'wk-x', prompt: 'p', api_base_url: url, poll_interval_seconds: '0.05' } });
      for (const file of [env.GITHUB_OUTPUT!, env.GITHUB_STATE!, env.GITHUB_STEP_SUMMARY!]) writeFileSync(file, '');
      // A whole run, start to SUCCEEDED, with no proxy, comment or check run.
      await promisify(execFile)(process.execPath, ['-r', trace, join(ROOT, 'dist', 'main.cjs')], { env });
      expect(sim.runs.size).toBe(1);
    } finally {
      await sim.stop();
    }
    const modules = readFileSync(loaded, 'utf8').split('\n');
    expect(modules).toContain('./lazy-undici.cjs');
    for (const lazy of ['./undici.cjs', './tunnel.cjs', './exec.cjs', './github.cjs', 'child_process']) expect(modules).not.toContain(lazy);
  });

  it('loads the real module through a shim the first time a name is read', () => {
    const require = createRequire(import.meta.url);
    const shim = require(join(ROOT, 'dist', 'lazy-undici.cjs')) as { ProxyAgent: unknown; fetch: unknown };
    const before = Object.keys(require.cache).some((k) => k.endsWith(join('dist', 'undici.cjs')));
    expect(before).toBe(false);
    expect(typeof shim.ProxyAgent).toBe('function');
    expect(Object.keys(require.cache).some((k) => k.endsWith(join('dist', 'undici.cjs')))).toBe(true);
    const exec = require(join(ROOT, 'dist', 'lazy-exec.cjs')) as { getExecOutput: unknown };
    expect(typeof exec.getExecOutput).toBe('function');
  });
});
