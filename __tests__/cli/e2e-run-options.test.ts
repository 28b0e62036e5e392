/**
 * The CLI's run options of the API of today (issue 22), on the committed dist/cli/index.js against the
 * simulator: `--secret` (repeatable), `--team`, `--idle-timeout-minutes 0`, and the API's address
 * from WARP_BASE_URL or OZ_API_BASE_URL, the flag first.
 */
import { describe, expect, it } from 'vitest';
import { runCliBundle } from '../helpers/cli.ts';
import { useSimulator } from '../helpers/simulator.ts';

const sim = useSimulator();
const fast = ['--prompt', 'Fix the flaky test', '--poll-interval-seconds', '0.05', '--max-poll-interval-seconds', '0.2'];
const created = () => sim.apiRequests('POST', '/agent/runs')[0]?.body as { config?: Record<string, unknown> } | undefined;

describe('oz-agent-run, run options of the API of today', () => {
  it('sends each --secret in config.secrets, --idle-timeout-minutes 0, and --team where the API takes it', async () => {
    const args = [...fast, '--secret', 'DB_PASSWORD', '--secret', 'SENTRY_TOKEN', '--idle-timeout-minutes', '0', '--team', 'team-acme'];
    const result = await runCliBundle(sim, args, { WARP_API_KEY: 'wk-multi-team' });
    expect(result.code).toBe(0);
    expect(created()?.config).toMatchObject({ secrets: [{ name: 'DB_PASSWORD' }, { name: 'SENTRY_TOKEN' }], idle_timeout_minutes: 0 });
    const withTeam = sim.apiRequests().filter((r) => r.headers['x-warp-team-uid'] !== undefined);
    expect(withTeam.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /agent/runs']);
  });

  it.each([
    [['--secret', ''], "Invalid --secret ''. Expected a value after each --secret."],
    [['--secret', 'A', '--secret', 'A'], "Invalid --secret 'A'. Expected each secret named once (it is named twice)."],
    [['--secret', 'bad/name'], "Invalid --secret 'bad/name'. Expected the name of a Warp-managed secret"],
    [['--team', 'a b'], `Invalid --team 'a b'. Expected a team uid of letters, digits, "-" and "_".`],
  ])('refuses %j with exit 2 before any request', async (flags, error) => {
    const result = await runCliBundle(sim, [...fast, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(error);
    expect(sim.apiRequests()).toHaveLength(0);
  });

  it('reads WARP_BASE_URL before OZ_API_BASE_URL, and --api-base-url before both', async () => {
    const nowhere = 'http://127.0.0.1:9/api/v1';
    expect((await runCliBundle(sim, fast, { WARP_BASE_URL: sim.url, OZ_API_BASE_URL: nowhere })).code).toBe(0);
    expect((await runCliBundle(sim, [...fast, '--api-base-url', sim.url], { WARP_BASE_URL: nowhere })).code).toBe(0);
    const bad = await runCliBundle(sim, fast, { WARP_BASE_URL: 'not a url' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Invalid WARP_BASE_URL 'not a url'.");
  });
});
