// @ts-check
import tseslint from 'typescript-eslint';
import { dirname, relative, resolve } from 'node:path';

/**
 * The layers of src/, lowest first, and the files of each. A file may import its own layer and the
 * layers below it, never one above (see docs/architecture.md). Feature folders (review/, threads/)
 * hold a feature's pieces at each layer, so their files are placed one by one.
 * - errors: the one error model, a leaf (alone in its layer, so it imports nothing of the project).
 * - names: the one table of inputs, flags and outputs. oz: the API on the wire. primitives: what every
 *   setting is parsed with (a leaf of settings/). settings: parsing what the user asked for. run: the run's lifecycle.
 * - report: pure text (Markdown, outputs) from facts. github: the GitHub API and what is said there.
 * - front: what both front ends share. action, cli: the two front ends; entrypoints: their bundles.
 */
const LAYERS = [
  ['errors', ['src/errors.ts']],
  ['names', ['src/names.ts']],
  ['oz', ['src/oz/**']],
  ['primitives', ['src/settings/primitives.ts', 'src/settings/json-schema.ts']],
  ['settings', ['src/settings/**']],
  ['run', ['src/run/**', 'src/threads/run.ts', 'src/review/schema.ts']],
  ['report', ['src/report/**', 'src/review/text.ts']],
  [
    'github',
    [
      'src/github/**',
      'src/review/api.ts',
      'src/review/diff.ts',
      'src/review/publish.ts',
      'src/review/tidy.ts',
      'src/threads/state.ts',
      'src/threads/mention.ts',
      'src/threads/triggers.ts',
      'src/threads/restart.ts',
    ],
  ],
  ['front', ['src/front/**']],
  ['action', ['src/action/**', 'src/review/step.ts', 'src/threads/step.ts', 'src/main.ts', 'src/post.ts']],
  ['cli', ['src/cli/**']],
  ['entrypoints', ['src/entrypoints/**']],
];
/** What each layer may import besides its own and the layers below it in LAYERS. */
const NOT_BELOW = {
  // Each front end, and what they share, is apart from the GitHub side and from the other front end.
  front: ['github'],
  cli: ['github', 'action'],
  // report/ is pure text: of oz/ it takes types only (checked by the rule below), of run/ nothing.
  report: ['run', 'settings', 'primitives'],
};
/** The core knows nothing of GitHub Actions: of @actions/* it may use only the plain HTTP client. */
const CORE = ['oz', 'primitives', 'settings', 'run', 'report', 'front', 'cli'];

const globToRegex = (glob) => new RegExp(`^${glob.replace(/[.]/g, '\\.').replace('/**', '/.+')}$`);
const placed = LAYERS.flatMap(([layer, globs], rank) => globs.map((glob) => ({ layer, rank, re: globToRegex(glob) })));
/** The layer of a file (relative to the project), the most specific glob first. */
export function layerOf(file) {
  const exact = placed.find((p) => !p.re.source.includes('.+') && p.re.test(file));
  return exact ?? placed.find((p) => p.re.test(file));
}

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      up: '{{from}}/ may not import {{to}}/ ({{target}}): dependencies point down the layers in eslint.config.js.',
      toolkit: 'The core ({{from}}/) may use only @actions/http-client of @actions/*.',
      types: 'report/ may import types from oz/, nothing else.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split('\\').join('/');
    const here = layerOf(file);
    if (!here) return {};
    /** @param {import('estree').Node} node @param {unknown} source @param {boolean} typeOnly */
    const check = (node, source, typeOnly) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('@actions/') && source !== '@actions/http-client' && CORE.includes(here.layer)) {
        context.report({ node, messageId: 'toolkit', data: { from: here.layer } });
        return;
      }
      if (!source.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), source))
        .split('\\')
        .join('/');
      const there = layerOf(target);
      if (!there || there.layer === here.layer) return;
      if (there.rank > here.rank || (NOT_BELOW[here.layer] ?? []).includes(there.layer)) {
        context.report({ node, messageId: 'up', data: { from: here.layer, to: there.layer, target } });
      } else if (here.layer === 'report' && there.layer === 'oz' && !typeOnly) {
        context.report({ node, messageId: 'types' });
      }
    };
    const typeOnly = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, typeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, typeOnly(node)),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
      TSImportType: (node) => {
        const source = node.source ?? node.argument;
        check(node, source?.literal?.value ?? source?.value, true);
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { project: { rules: { layers: layersRule } } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.ts'], rules: { 'project/layers': 'error' } },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
