/**
 * Builds the committed `dist/` with esbuild: `dist/main.cjs` and `dist/post.cjs` (the action's steps),
 * `dist/undici.cjs` (loaded only when a proxy dispatcher is asked for) and `dist/licenses.txt`.
 *
 * Two choices here keep the step's start-up close to bare Node's (see README, Benchmark):
 * - CommonJS output. An ES module that imports `node:http` makes Node build an ESM facade of it, which
 *   reads every lazy export, including the internal fetch implementation: about 10 ms for nothing.
 * - `@actions/http-client` imports undici only for `ProxyAgent`, which it uses when a caller asks
 *   for a fetch dispatcher; its own requests go through `tunnel`. Undici is most of the bundle and
 *   about 25 ms to load, so it is built into a file of its own that is loaded on first use.
 */
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

const lazyUndici: esbuild.Plugin = {
  name: 'lazy-undici',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, (args) =>
      args.importer.includes(`${join('node_modules', '@actions', 'http-client')}`) ? { path: 'undici', namespace: 'lazy-undici' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-undici' }, () => ({
      loader: 'js',
      contents: [
        '// undici, loaded from dist/undici.cjs the first time ProxyAgent is used.',
        'let undici;',
        "const load = () => (undici ??= require('./undici.cjs'));",
        'module.exports = { get ProxyAgent() { return load().ProxyAgent; } };',
      ].join('\n'),
    }));
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
    entryPoints: { main: 'src/main.ts', post: 'src/post.ts' },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
    external: ['./undici.cjs'],
    plugins: [lazyUndici],
  }),
  esbuild.build({ ...common, entryPoints: { undici: 'node_modules/undici/index.js' }, outdir: dist, outExtension: { '.js': '.cjs' } }),
]);

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
