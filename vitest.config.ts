import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: the source (src/, sim/, scripts/), mocked HTTP or the simulator in-process,
 * fake timers where time matters; no build needed (`npm run test:unit`). `dist`: the committed
 * bundles run as users run them (a step as the runner starts it, the CLI as a process, the package as
 * npm packs it) against the simulator and the GitHub double; they test what `npm run build` last
 * made (`npm run test:dist`). `npm test` runs both.
 */
const DIST = [
  '__tests__/e2e*.test.ts',
  '__tests__/cli/e2e*.test.ts',
  '__tests__/cli/mistakes.test.ts',
  '__tests__/cli/scripts.test.ts',
  '__tests__/build.test.ts',
  '__tests__/package.test.ts',
  '__tests__/tooling.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    // Each file gets its own process: the step tests change process.env and listen for signals.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    restoreMocks: true,
    projects: [
      { extends: true, test: { name: 'unit', include: ['__tests__/**/*.test.ts'], exclude: DIST } },
      { extends: true, test: { name: 'dist', include: DIST } },
    ],
  },
});
