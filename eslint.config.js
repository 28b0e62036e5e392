// @ts-check
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ and what each may import (see README, Layout). Dependencies point one way:
 * action -> front, github, run, report, oz; cli -> front, run, report, oz; front -> run, report, oz;
 * github -> report, oz; run -> oz;
 * report -> oz (types only). The core (oz, run, report) knows nothing of GitHub Actions: of @actions/*
 * it may use only @actions/http-client, a plain HTTP client kept for the runner's proxy settings.
 */
const layer = (name) => `^\\.\\./${name}/`;
const ACTIONS_TOOLKIT = { regex: '^@actions/(?!http-client$)', message: 'The core may use only @actions/http-client of @actions/*.' };
const forbid = (names, why) => ({ regex: `^\\.\\./(${names.join('|')})/`, message: why });

/** @type {Record<string, import('eslint').Linter.RuleEntry>} */
const boundaries = {
  'src/oz/**': [
    forbid(['run', 'report', 'github', 'action', 'cli'], 'oz/ is the API on the wire: it imports no other layer.'),
    ACTIONS_TOOLKIT,
  ],
  'src/run/**': [forbid(['report', 'github', 'action', 'cli'], 'run/ depends on oz/ only.'), ACTIONS_TOOLKIT],
  'src/report/**': [
    forbid(['run', 'github', 'action', 'cli'], 'report/ is pure text: it depends on oz/ types only.'),
    { regex: layer('oz'), allowTypeImports: true, message: 'report/ may import types from oz/, nothing else.' },
    ACTIONS_TOOLKIT,
  ],
  'src/github/**': [forbid(['action', 'cli'], 'github/ serves the action front end; it does not import it.')],
  'src/front/**': [
    forbid(['action', 'cli', 'github'], 'front/ is what both front ends share: it imports the core, not either of them.'),
    ACTIONS_TOOLKIT,
  ],
  'src/cli/**': [
    forbid(['action', 'github'], 'The CLI front end shares the core (oz, run, report) and front/, not the action.'),
    { regex: '^@actions/(?!http-client$)', message: 'The CLI runs outside GitHub Actions.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...Object.entries(boundaries).map(([glob, patterns]) => ({
    files: [glob],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  })),
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
