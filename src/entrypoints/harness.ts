/**
 * The end-to-end harness's way into a bundle (sim/runner.ts): the timings a test shortens, passed as
 * one argument after the script, `--oz-test-timings=<JSON object>`. The runner starts a step as
 * `node dist/main/index.js`, with no argument, so a workflow cannot set them; the entry hands them to the
 * step as options, and no other code reads them.
 */
const FLAG = '--oz-test-timings=';

/** The timings named in `names` that `argv` gives, each a positive number of milliseconds; none when not given. */
export function harnessTimings<K extends string>(argv: readonly string[], names: readonly K[]): Partial<Record<K, number>> {
  const given = argv.find((arg) => arg.startsWith(FLAG));
  if (given === undefined) return {};
  const parsed: unknown = JSON.parse(given.slice(FLAG.length));
  const timings: Partial<Record<K, number>> = {};
  if (typeof parsed !== 'object' || parsed === null) return timings;
  for (const [name, value] of Object.entries(parsed)) {
    const known = names.find((n) => n === name);
    if (known !== undefined && typeof value === 'number' && value > 0) timings[known] = value;
  }
  return timings;
}
