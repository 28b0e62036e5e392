/**
 * Builds the committed `dist/` with esbuild: `dist/main.cjs` and `dist/post.cjs` (the action's steps),
 * `dist/github.cjs` (Octokit, loaded only for pull request comments, check runs and permission
 * look-ups), `dist/undici.cjs` (loaded only by those or for a proxy dispatcher) and `dist/licenses.txt`.
 *
 * Two choices here keep the step's start-up close to bare Node's (see README, Benchmark):
 * - CommonJS output. An ES module that imports `node:http` makes Node build an ESM facade of it, which
 *   reads every lazy export, including the internal fetch implementation: about 10 ms for nothing.
 * - `@actions/http-client` imports two modules it needs only behind a proxy: `tunnel` (its agents for
 *   an HTTP(S) proxy) and undici (`ProxyAgent`, for callers that ask for a fetch dispatcher). Both are
 *   loaded on first use instead: undici is most of the bundle and about 25 ms to load, so it gets a
 *   file of its own; tunnel stays in the bundle but is evaluated only when a proxy is in use.
 */
import * as esbuild from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
// @actions/http-client, and the older copy @actions/github brings along.
const HTTP_CLIENT = /node_modules[\\/]@actions[\\/]http-client[\\/]lib[\\/]/;

/** Modules @actions/http-client imports eagerly but uses only behind a proxy: what it reads of each, and where from. */
const LAZY: Record<string, { names: string[]; from: string }> = {
  undici: { names: ['ProxyAgent'], from: './undici.cjs' },
  tunnel: { names: ['httpOverHttp', 'httpsOverHttp', 'httpOverHttps', 'httpsOverHttps'], from: 'tunnel' },
};

const lazyProxyModules: esbuild.Plugin = {
  name: 'lazy-proxy-modules',
  setup(build) {
    build.onResolve({ filter: /^(undici|tunnel)$/ }, (args) => {
      if (HTTP_CLIENT.test(args.importer)) return { path: args.path, namespace: 'lazy', pluginData: args.resolveDir };
      // Anything else that imports undici (@actions/github's fetch) uses it at once: the shared file.
      if (args.path === 'undici' && args.namespace !== 'lazy') return { path: './undici.cjs', external: true };
      return undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      const { names, from } = LAZY[args.path]!;
      return {
        loader: 'js',
        resolveDir: args.pluginData as string,
        contents: [
          `// ${args.path}, loaded the first time @actions/http-client uses it (only behind a proxy).`,
          'let loaded;',
          `const load = () => (loaded ??= require(${JSON.stringify(from)}));`,
          `module.exports = { ${names.map((n) => `get ${n}() { return load().${n}; }`).join(', ')} };`,
        ].join('\n'),
      };
    });
  },
};

/** The steps load the GitHub API module (Octokit) from dist/github.cjs, only when they need it. */
const githubOnDemand: esbuild.Plugin = {
  name: 'github-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\/api\.ts$/ }, (args) =>
      /[\\/]github[\\/]loader\.ts$/.test(args.importer) ? { path: './github.cjs', external: true } : undefined,
    );
  },
};

const common: esbuild.BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
const results = await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: { main: 'src/main.ts', post: 'src/post.ts', github: 'src/github/api.ts' },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
    external: ['./undici.cjs', './github.cjs'],
    plugins: [lazyProxyModules, githubOnDemand],
  }),
  esbuild.build({ ...common, entryPoints: { undici: 'node_modules/undici/index.js' }, outdir: dist, outExtension: { '.js': '.cjs' } }),
  // The CLI (package.json bin): the same core, no GitHub side.
  esbuild.build({
    ...common,
    entryPoints: { cli: 'src/cli.ts' },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
    banner: { js: '#!/usr/bin/env node' },
    external: ['./undici.cjs'],
    plugins: [lazyProxyModules],
  }),
]);

// The CLI is run directly (package.json bin).
chmodSync(join(dist, 'cli.cjs'), 0o755);

/** Third-party packages in the bundles, with their licence texts, as ncc's licenses.txt had them. */
const packages = new Map<string, string>();
for (const result of results) {
  for (const input of Object.keys(result.metafile!.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.set(match[1]!, input.slice(0, input.indexOf(match[1]!) + match[1]!.length));
  }
}
const sections: string[] = [];
for (const [name, dir] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { license?: string; version: string };
  let text = '';
  for (const file of ['LICENSE', 'LICENSE.md', 'license', 'LICENSE.txt', 'license.md']) {
    try {
      text = readFileSync(join(root, dir, file), 'utf8').trim();
      break;
    } catch {
      // Try the next usual name.
    }
  }
  sections.push(`${name}@${pkg.version}\n${pkg.license ?? 'UNKNOWN'}\n${text}`);
}
const licenses = join(dist, 'licenses.txt');
mkdirSync(dirname(licenses), { recursive: true });
writeFileSync(licenses, `${sections.join('\n\n')}\n`);
