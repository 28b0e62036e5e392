/**
 * Builds the committed `dist/` with @vercel/ncc:
 * - `dist/main.cjs`, `dist/post.cjs`: the action's two steps; `dist/cli.cjs`: the `oz-agent-run` CLI;
 * - `dist/github.cjs`: the GitHub API module (Octokit), loaded only for pull request comments, check
 *   runs and permission look-ups;
 * - `dist/undici.cjs`, `dist/tunnel.cjs`, `dist/exec.cjs`: dependencies used only now and then,
 *   loaded on first use through small shims put inline in the bundles (see LAZY, inlineShims);
 * - `dist/after-run.cjs`, `dist/report.cjs`, `dist/github-side.cjs`, `dist/preflight.cjs`,
 *   `dist/json-schema.cjs`, `dist/secrets.cjs`: code of ours needed only after the first request or
 *   only for some inputs (see ON_DEMAND);
 * - `dist/licenses.txt`: the licence of every package in the bundles.
 *
 * Four choices keep the step's start-up close to bare Node's (see README, Benchmark):
 * - CommonJS output (`esm: false`). An ES module that imports `node:http` makes Node build an ESM
 *   facade of it, which reads every lazy export, including the internal fetch implementation.
 * - Dependencies imported at start but used only now and then (undici and tunnel behind a proxy,
 *   @actions/exec never) are externals replaced by an inline shim with getters, which loads the real
 *   bundle the first time a name is read (see LAZY).
 * - The `await import('#name')` of our own code (ON_DEMAND) are externals too, so Octokit, the GitHub
 *   side, the report and what runs after the run are files of their own that main, post and the CLI
 *   share, loaded only when needed. Compiling a bundle costs ~20 µs per KB before the first request.
 * - Such a file holds its own copy of the modules it imports (ncc makes no shared chunks): what it
 *   and the step both hold must carry no state (errors are recognised by name, not by class).
 */
import ncc from '@vercel/ncc';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

/**
 * Modules the bundles import at start but use only now and then: each is a file of its own, reached
 * through a small shim whose getters load it the first time a name is read. For each: the file, the
 * names its users read, and where it is bundled from.
 * - undici: `ProxyAgent` (http-client, behind a proxy) and `fetch` (Octokit): most of the code, ~25 ms.
 * - tunnel: http-client's agents for an HTTP(S) proxy.
 * - @actions/exec (with @actions/io): only `core.platform` uses it, which the action never calls; left
 *   in, it would load child_process, assert and more at every start.
 */
const LAZY: Record<string, { file: string; names: string[]; entry: string }> = {
  undici: { file: 'undici', names: ['ProxyAgent', 'fetch'], entry: 'node_modules/undici/index.js' },
  tunnel: {
    file: 'tunnel',
    names: ['httpOverHttp', 'httpsOverHttp', 'httpOverHttps', 'httpsOverHttps'],
    entry: 'node_modules/tunnel/index.js',
  },
  '@actions/exec': { file: 'exec', names: ['exec', 'getExecOutput'], entry: 'node_modules/@actions/exec/lib/exec.js' },
};

const SHIMS = Object.fromEntries(Object.entries(LAZY).map(([name, { file }]) => [name, `./lazy-${file}.cjs`]));

/**
 * Puts each shim in the bundle in place of its `require`: an object whose getters load the real file
 * the first time a name is read. Inline rather than a file of its own, because every file a step
 * requires at start costs a look-up, a read and a compile before its first request.
 */
function inlineShims(code: string): string {
  let out = code;
  for (const [name, { file, names }] of Object.entries(LAZY)) {
    const getters = names.map((n) => `get ${n}() { return load().${n}; }`).join(', ');
    const shim = `(() => { /* ${name}, loaded the first time one of these is read (see scripts/build.ts) */ let loaded; const load = () => (loaded ??= require("./${file}.cjs")); return { ${getters} }; })()`;
    out = out.split(`require("./lazy-${file}.cjs")`).join(shim);
  }
  if (out.includes('require("./lazy-')) throw new Error('a lazy shim was left as a require');
  return out;
}

/**
 * Two lines of the toolkit's packages that load a part of Node at every start for something used
 * later, each changed for one that loads it when used; the packages' code is otherwise as published.
 * The build fails if a line is not found exactly as expected (a new version), so it is looked at again.
 * - @actions/core's job summary module reads `fs.promises` when loaded, which loads Node's whole
 *   promise-based fs (~1.5 ms), though the summary is written only at the end.
 * - p-retry times its retries with `performance.now()`, and the `performance` global loads
 *   perf_hooks (~1.2 ms) before the first request. It only subtracts two readings, so a monotonic
 *   clock from process.hrtime, which is loaded already, gives the same differences.
 */
const AT_START: { module: string; find: string; replace: string; count: number }[] = [
  {
    module: './node_modules/@actions/core/lib/summary.js',
    find: 'const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;',
    replace: `const ${['access', 'appendFile', 'writeFile'].map((n) => `${n} = (...args) => external_fs_namespaceObject.promises.${n}(...args)`).join(', ')};`,
    count: 1,
  },
  {
    module: './node_modules/p-retry/index.js',
    find: 'performance.now()',
    replace: '(Number(process.hrtime.bigint()) / 1e6)',
    count: 2,
  },
];
function deferAtStart(code: string): string {
  let out = code;
  for (const { module, find, replace, count } of AT_START) {
    if (!out.includes(`CONCATENATED MODULE: ${module}`)) continue;
    if (out.split(find).length - 1 !== count) throw new Error(`${module} changed: see AT_START in scripts/build.ts`);
    out = out.split(find).join(replace);
  }
  return out;
}

/**
 * Modules of ours that the steps import with `await import('#name')` (package.json imports) and need
 * only after the first request or for some inputs: files of their own, loaded then. What runs once a
 * run exists (its conversation, its files), the summary and outputs, the GitHub side (a trigger, the
 * comment, the check run, a review), Octokit (comments, check runs, permission look-ups), Ajv
 * (output_schema), the catalogue check before a create (preflight) and secretlint (credentials in
 * text from the agent or the API).
 */
const ON_DEMAND = {
  '#after-run': './after-run.cjs',
  '#github-api': './github.cjs',
  '#github-side': './github-side.cjs',
  '#json-schema': './json-schema.cjs',
  '#preflight': './preflight.cjs',
  '#report': './report.cjs',
  '#secrets': './secrets.cjs',
};

interface Bundle {
  /** The file in dist/. */
  out: string;
  entry: string;
  externals: Record<string, string>;
  banner?: string;
}

const BUNDLES: Bundle[] = [
  { out: 'main.cjs', entry: 'src/entrypoints/main.ts', externals: { ...SHIMS, ...ON_DEMAND } },
  { out: 'post.cjs', entry: 'src/entrypoints/post.ts', externals: { ...SHIMS, ...ON_DEMAND } },
  { out: 'cli.cjs', entry: 'src/entrypoints/cli.ts', externals: { ...SHIMS, ...ON_DEMAND }, banner: '#!/usr/bin/env node\n' },
  { out: 'github.cjs', entry: 'src/github/api.ts', externals: SHIMS },
  { out: 'github-side.cjs', entry: 'src/action/github-side.ts', externals: { ...SHIMS, ...ON_DEMAND } },
  { out: 'report.cjs', entry: 'src/report/render.ts', externals: {} },
  { out: 'after-run.cjs', entry: 'src/run/after-run.ts', externals: SHIMS },
  { out: 'json-schema.cjs', entry: 'src/run/json-schema.ts', externals: {} },
  { out: 'preflight.cjs', entry: 'src/run/preflight.ts', externals: {} },
  { out: 'secrets.cjs', entry: 'src/report/secrets.ts', externals: {} },
  ...Object.values(LAZY).map(({ file, entry }) => ({ out: `${file}.cjs`, entry, externals: {} })),
];

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);

/** Folders of the packages in the bundles, with their names (a package nested at another version counts apart). */
const packages = new Map<string, string>();
for (const bundle of BUNDLES) {
  const result = await ncc(join(root, bundle.entry), {
    esm: false,
    externals: bundle.externals,
    target: 'es2023',
    cache: false,
    minify: false,
    sourceMap: false,
    quiet: true,
  });
  writeFileSync(join(dist, bundle.out), (bundle.banner ?? '') + deferAtStart(inlineShims(result.code)));
  for (const file of result.stats.compilation.fileDependencies) {
    // Code only: the compiler also reads type declarations and package.json files that are not bundled.
    // ncc's own loaders run at build time; they are not in the output.
    if (!/\.[cm]?js$/.test(file) || /[\\/]@vercel[\\/]ncc[\\/]/.test(file)) continue;
    // The package a bundled file belongs to: the last node_modules in its path, then a name (scoped or not).
    const parts = file.split(/[\\/]/);
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) continue;
    const name = parts[at + 1]?.startsWith('@') ? parts.slice(at + 1, at + 3).join('/') : parts[at + 1];
    const depth = name?.includes('/') ? 3 : 2;
    if (name && parts.length > at + depth) packages.set(parts.slice(0, at + depth).join('/'), name);
  }
}

// The CLI is run directly (package.json bin).
chmodSync(join(dist, 'cli.cjs'), 0o755);

/** Third-party packages in the bundles, with their licence texts. */
const sections = new Map<string, string>();
for (const [dir, name] of packages) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { license?: string; version: string };
  let text = '';
  // The usual names first, then any other licence file (boundary, under secretlint, has LICENSE.BSD).
  const others = readdirSync(dir).filter((f) => /^licen[cs]e/i.test(f));
  for (const file of ['LICENSE', 'LICENSE.md', 'license', 'LICENSE.txt', 'license.md', 'LICENCE', ...others]) {
    try {
      text = readFileSync(join(dir, file), 'utf8').trim();
      break;
    } catch {
      // Try the next usual name.
    }
  }
  sections.set(`${name}@${pkg.version}`, `${name}@${pkg.version}\n${pkg.license ?? 'UNKNOWN'}\n${text}`);
}
const sorted = [...sections].sort(([a], [b]) => a.localeCompare(b)).map(([, section]) => section);
writeFileSync(join(dist, 'licenses.txt'), `${sorted.join('\n\n')}\n`);
