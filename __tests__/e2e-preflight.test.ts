/**
 * End-to-end, on the committed dist/ against the simulator: the check before the run reads the
 * models, environments and skills side by side, stops a typo before the create, warns about a broken
 * environment or an unknown skill, and never blocks a run when a read fails.
 */
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: 'wk-preflight-key',
    prompt: 'Fix the flaky test',
    api_base_url: sim.url,
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.2',
    ...extra,
  };
}

const creates = () => sim.apiRequests('POST', '/agent/runs');
const catalogue = () => sim.apiRequests('GET').filter((r) => ['/agent/models', '/agent/environments', '/agent'].includes(r.path));

describe('pre-flight', () => {
  it('reads nothing when no model, environment or owner/repo skill is set', async () => {
    const main = await runStep({ inputs: inputs({ skill: 'review-pr' }) });
    expect(main.code).toBe(0);
    expect(catalogue()).toHaveLength(0);
  });

  it('reads the three lists side by side before the create, then creates the run', async () => {
    const main = await runStep({ inputs: inputs({ model: 'gpt-5', environment: 'env-web', skill: 'acme/widgets:review-pr' }) });
    expect(main.code).toBe(0);
    const reads = catalogue();
    expect(reads.map((r) => r.path).sort()).toEqual(['/agent', '/agent/environments', '/agent/models']);
    expect(reads.find((r) => r.path === '/agent')!.query).toBe('?repo=acme%2Fwidgets');
    // Side by side: all three were sent before the first answer could have led to the next.
    const [create] = creates();
    expect(Math.max(...reads.map((r) => r.at))).toBeLessThanOrEqual(create!.at);
    expect(Math.max(...reads.map((r) => r.at)) - Math.min(...reads.map((r) => r.at))).toBeLessThan(200);
    expect(main.log).not.toContain('::warning::');
  });

  it('fails an unknown model before the create, with the valid ids and the closest', async () => {
    const main = await runStep({ inputs: inputs({ model: 'gpt5' }) });
    expect(main.code).toBe(1);
    expect(creates()).toHaveLength(0);
    expect(main.log).toContain(
      "::error::Not started: model 'gpt5' is not a model this API key can use. Did you mean 'gpt-5'? Valid ids: auto, claude-4-sonnet, gpt-5, gemini-2.5-pro.",
    );
    expect(main.log).toContain('a check skipped when preflight is false');
    expect(main.outputs.run_id).toBe('');
  });

  it('says in the summary what was sent: the catalogue was read, no run was started', async () => {
    const main = await runStep({ inputs: inputs({ model: 'gpt5' }) });
    expect(main.code).toBe(1);
    expect(catalogue().map((r) => r.path)).toEqual(['/agent/models']);
    expect(creates()).toHaveLength(0);
    expect(main.summary).toContain('## ⛔ Oz agent run not started');
    expect(main.summary).toContain(
      'Fix what the message above names, then re-run the job. No run was started: only the catalogue was read (the lists of models, environments or skills the check needed).',
    );
    expect(main.summary).not.toContain('Nothing was sent to Oz');
  });

  it('fails a disabled model with its reason', async () => {
    const main = await runStep({ inputs: inputs({ model: 'gemini-2.5-pro' }) });
    expect(main.code).toBe(1);
    expect(creates()).toHaveLength(0);
    expect(main.log).toContain("model 'gemini-2.5-pro' cannot be used now: the model's provider has an outage (PROVIDER_OUTAGE).");
  });

  it('fails an unknown environment with the names and ids the key can use', async () => {
    const main = await runStep({ inputs: inputs({ environment: 'env-wbe' }) });
    expect(main.code).toBe(1);
    expect(creates()).toHaveLength(0);
    expect(main.log).toContain(
      "environment 'env-wbe' is not an environment this API key can use. Did you mean 'env-web'? Environments: web (env-web), broken (env-broken).",
    );
  });

  it('warns about an environment whose setup failed, and runs', async () => {
    const main = await runStep({ inputs: inputs({ environment: 'env-broken' }) });
    expect(main.code).toBe(0);
    expect(main.log).toContain('::warning::The environment env-broken (broken) failed during setup on its latest run');
    expect(creates()).toHaveLength(1);
  });

  it('warns about a skill its repository does not have, and runs', async () => {
    const main = await runStep({ inputs: inputs({ skill: 'acme/widgets:deploy' }) });
    expect(main.code).toBe(0);
    expect(main.log).toContain("::warning::The skill 'deploy' was not found in acme/widgets (its skills: review-pr); the run may fail.");
  });

  it.each([
    ['a 503', { kind: 'status', status: 503 }],
    ['a 404', { kind: 'status', status: 404 }],
    ['feature_not_available', { kind: 'status', status: 403, code: 'feature_not_available' }],
    ['a reset connection', { kind: 'reset' }],
    ['a body that is not a list', { kind: 'body', body: '{"models": "none"}' }],
  ] as const)('never blocks the run when a list read fails (%s): a debug note, then the create', async (_what, fault) => {
    sim.inject({ method: 'GET', path: '/agent/models', ...fault }, { method: 'GET', path: '/agent/environments', ...fault });
    const main = await runStep({ inputs: inputs({ model: 'no-such-model', environment: 'env-x', debug: 'true' }) });
    expect(main.code).toBe(0);
    expect(creates()).toHaveLength(1);
    expect(main.log).toMatch(/\[debug\] Could not read the models before the run \(.*\); creating the run unchecked\./);
    expect(main.log).toMatch(/\[debug\] Could not read the environments before the run/);
    expect(main.log).not.toContain('::warning::');
  });

  it('starts the run within a few seconds when a catalogue read never answers: the check is optional', async () => {
    sim.inject({ method: 'GET', path: '/agent/models', kind: 'hang' });
    const main = await runStep({ inputs: inputs({ model: 'gpt-5', debug: 'true' }) });
    expect(main.code).toBe(0);
    // One read, given up after its 3 s deadline (not retried, not the 10 s of other reads), then the create.
    const [read, ...more] = catalogue();
    expect(more).toEqual([]);
    expect(read!.path).toBe('/agent/models');
    expect(creates()).toHaveLength(1);
    expect(main.log).toContain('[debug] Could not read the models before the run (no answer within 3 s); creating the run unchecked.');
  });

  it('skips the reads with preflight: false', async () => {
    const main = await runStep({ inputs: inputs({ model: 'gpt5', preflight: 'false' }) });
    expect(main.code).toBe(0);
    expect(catalogue()).toHaveLength(0);
  });
});
