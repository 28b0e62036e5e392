/**
 * The harness's way into a bundle (src/entrypoints/harness.ts): only the timings an entry names, each a
 * positive number, and nothing when the runner starts the step (no argument).
 */
import { describe, expect, it } from 'vitest';
import { harnessTimings } from '../src/entrypoints/harness.ts';

describe('harnessTimings', () => {
  it('takes the named timings from the one argument the harness passes', () => {
    const argv = ['--oz-test-timings={"progressIntervalMs":500,"budgetMs":2000,"other":1,"githubRequestTimeoutMs":-1}'];
    expect(harnessTimings(argv, ['progressIntervalMs', 'githubRequestTimeoutMs'])).toEqual({ progressIntervalMs: 500 });
    expect(harnessTimings(argv, ['budgetMs'])).toEqual({ budgetMs: 2000 });
  });

  it('gives none as the runner starts a step: no argument', () => {
    expect(harnessTimings([], ['progressIntervalMs', 'budgetMs'])).toEqual({});
  });
});
