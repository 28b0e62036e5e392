/**
 * End-to-end, on the committed dist/ against the simulator: the run options of the API of today
 * (issue 22): `secrets` (config.secrets), `team` (the X-Warp-Team-Uid header, only where the API takes
 * it), `idle_timeout_minutes: 0`, and the API's address from WARP_BASE_URL or OZ_API_BASE_URL.
 */
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: 'wk-options-key',
    prompt: 'Fix the flaky test',
    api_base_url: sim.url,
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.2',
    ...extra,
  };
}

const created = () => sim.apiRequests('POST', '/agent/runs')[0]?.body as { config?: Record<string, unknown> } | undefined;

describe('run options of the API of today', () => {
  it('sends secrets as config.secrets, and idle_timeout_minutes 0', async () => {
    const main = await runStep({ inputs: inputs({ secrets: 'DB_PASSWORD\nSENTRY_TOKEN, sentry.dsn\n', idle_timeout_minutes: '0' }) });
    expect(main.code).toBe(0);
    expect(created()?.config).toMatchObject({
      secrets: [{ name: 'DB_PASSWORD' }, { name: 'SENTRY_TOKEN' }, { name: 'sentry.dsn' }],
      idle_timeout_minutes: 0,
    });
  });

  it.each([
    ['A\nB, A', "Invalid secrets 'A'. Expected each secret named once (it is named twice)."],
    ['A,,B', "Invalid secrets 'A,,B'. Expected secret names separated by commas or new lines, none of them empty."],
    ['my secret', "Invalid secrets 'my secret'. Expected the name of a Warp-managed secret"],
  ])('refuses secrets %j before any request', async (secrets, error) => {
    const main = await runStep({ inputs: inputs({ secrets }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain(`::error::${error}`);
    expect(sim.apiRequests()).toHaveLength(0);
  });

  it('refuses idle_timeout_minutes 61 before any request', async () => {
    const main = await runStep({ inputs: inputs({ idle_timeout_minutes: '61' }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain("Invalid idle_timeout_minutes '61'. Expected a whole number of minutes from 0 to 60.");
    expect(sim.apiRequests()).toHaveLength(0);
  });

  it('sends team as X-Warp-Team-Uid on the create and the catalogue lists, and on no other request', async () => {
    // A personal key on several teams: the simulator refuses its create without the header.
    const main = await runStep({ inputs: inputs({ warp_api_key: 'wk-multi-team', team: 'team-acme', environment: 'env-web' }) });
    expect(main.code).toBe(0);
    const requests = sim.apiRequests();
    const withTeam = requests.filter((r) => r.headers['x-warp-team-uid'] === 'team-acme').map((r) => `${r.method} ${r.path}`);
    expect(withTeam.sort()).toEqual(['GET /agent/environments', 'POST /agent/runs']);
    expect(requests.filter((r) => r.headers['x-warp-team-uid'] === undefined).every((r) => r.method === 'GET')).toBe(true);
    expect(requests.filter((r) => r.path.startsWith('/agent/runs/')).length).toBeGreaterThan(0);
    const without = await runStep({ inputs: inputs({ warp_api_key: 'wk-multi-team' }) });
    expect(without.code).toBe(1);
    expect(without.log).toContain('name one with the X-Warp-Team-Uid header');
  });

  it('refuses a team uid that is not one before any request', async () => {
    const main = await runStep({ inputs: inputs({ team: 'team acme' }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain(`::error::Invalid team 'team acme'. Expected a team uid of letters, digits, "-" and "_".`);
    expect(sim.apiRequests()).toHaveLength(0);
  });

  it('takes the address from WARP_BASE_URL, then OZ_API_BASE_URL, when api_base_url is empty; the input wins', async () => {
    const bare = inputs();
    delete bare.api_base_url;
    const fromWarp = await runStep({ inputs: bare, env: { WARP_BASE_URL: sim.url, OZ_API_BASE_URL: 'http://127.0.0.1:9/api/v1' } });
    expect(fromWarp.code).toBe(0);
    const fromOz = await runStep({ inputs: bare, env: { OZ_API_BASE_URL: sim.url } });
    expect(fromOz.code).toBe(0);
    const inputWins = await runStep({ inputs: inputs(), env: { WARP_BASE_URL: 'http://127.0.0.1:9/api/v1' } });
    expect(inputWins.code).toBe(0);
    const bad = await runStep({ inputs: bare, env: { WARP_BASE_URL: 'ftp://example.com' } });
    expect(bad.code).toBe(1);
    expect(bad.log).toContain("Invalid WARP_BASE_URL 'ftp://example.com'. Expected an http(s) URL");
  });
});

describe('inputs users mistype', () => {
  it('fails on api-key before any request, naming the key, the input and the fix, never the value', async () => {
    const given = inputs();
    delete given.warp_api_key;
    const main = await runStep({ inputs: given, undeclaredInputs: { 'api-key': 'wk-mistyped-secret-value' } });
    expect(main.code).toBe(1);
    expect(main.log).toContain(
      "::error::The input 'api-key' is not an input of this action, so it would be ignored: it most likely means warp_api_key.",
    );
    expect(main.log).toContain('Rename api-key: to warp_api_key: under with: in the workflow.');
    expect(main.log + main.summary).not.toContain('wk-mistyped-secret-value');
    expect(main.log).not.toContain('Missing warp_api_key');
    expect(sim.apiRequests()).toHaveLength(0);
  });

  it('fails on environment-id, and warns about a key close to no input but runs', async () => {
    const typo = await runStep({ inputs: inputs(), undeclaredInputs: { 'environment-id': 'env-web' } });
    expect(typo.code).toBe(1);
    expect(typo.log).toContain(
      "The input 'environment-id' is not an input of this action, so it would be ignored: it most likely means environment.",
    );
    expect(sim.apiRequests()).toHaveLength(0);
    const far = await runStep({ inputs: inputs(), undeclaredInputs: { 'node-version': '24' } });
    expect(far.code).toBe(0);
    expect(far.log).toContain("::warning::The input 'node-version' is not an input of this action, so nothing reads it.");
  });
});
