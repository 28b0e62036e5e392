/**
 * What a user sees while the run starts and when it ends, as the API of today tells it (issue 22), end
 * to end on the committed dist/ against the simulator: setup progress from the run's timeline (log and
 * live comment) while the run has no conversation, the phase a failed setup stopped in, a third-party
 * harness's tokens, a pull request's status, and the new error codes and sources.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runStep } from '../sim/runner.ts';
import { OzSimulator } from '../sim/server.ts';
import { runCliBundle } from './helpers/cli.ts';
import { useGitHubDouble } from './helpers/github-double.ts';

// A long CLAIMED phase (the run is set up for 8 simulated seconds, 1.6 s here), as a real setup is.
const sim = new OzSimulator({ msPerSecond: 200, phases: { queued: 1, pending: 1, claimed: 8, inprogress: 2 } });
beforeAll(async () => {
  await sim.start();
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());
const github = useGitHubDouble();

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: 'wk-setup-key',
    prompt: 'Fix the flaky test',
    api_base_url: sim.url,
    poll_interval_seconds: '0.1',
    max_poll_interval_seconds: '0.2',
    ...extra,
  };
}

const timelineReads = () => sim.apiRequests('GET').filter((r) => r.path.endsWith('/timeline'));

describe('setup progress', () => {
  it('shows the setup steps in the log while the run has no conversation, a few reads at most, none once the agent works', async () => {
    // Reads every 0.3 s: the setup (1.6 s) is seen a few times, within the 6 reads.
    const main = await runStep({ inputs: inputs({ poll_interval_seconds: '0.3', max_poll_interval_seconds: '0.3' }) });
    expect(main.code).toBe(0);
    const lines = main.log.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('setup: a worker claimed the run')).toBeGreaterThan(-1);
    expect(at('setup: the container is ready')).toBeGreaterThan(at('setup: a worker claimed the run'));
    expect(at('setup: the session started')).toBeGreaterThan(at('setup: the container is ready'));
    expect(timelineReads().length).toBeGreaterThan(0);
    expect(timelineReads().length).toBeLessThanOrEqual(6);
    // The agent's own words come from its conversation, after the setup.
    expect(at('says: On it')).toBeGreaterThan(at('setup: the session started'));
  });

  it('shows them in the live pull request comment', async () => {
    const main = await runStep({
      inputs: inputs({ github_token: 'ghs-double-token' }),
      env: github.pullRequestEvent(),
      timings: { progressIntervalMs: 500 },
    });
    expect(main.code, main.log).toBe(0);
    const edits = github.requests.filter((r) => /\/issues\/(\d+\/)?comments(\/\d+)?$/.test(r.path) && r.method !== 'GET');
    const bodies = edits.slice(0, -1).map((r) => String((r.body as { body?: string }).body));
    expect(bodies.some((b) => /\*\*Setting up:\*\* (the container is ready|the session started)/.test(b))).toBe(true);
    // Not the agent's doing: the finished comment folds only its actions.
    expect(String((edits.at(-1)!.body as { body?: string }).body)).not.toContain('the container is ready');
  });

  it('without log_progress, reads no timeline', async () => {
    const main = await runStep({ inputs: inputs({ log_progress: 'false' }) });
    expect(main.code).toBe(0);
    expect(timelineReads()).toHaveLength(0);
  });

  it.each([
    ['container', 'starting its container'],
    ['session', 'starting its session'],
    ['', 'setting up before the agent started'],
  ])('names the phase a failed setup stopped in (%s)', async (phase, words) => {
    const metadata = `sim_outcome=setup-failed${phase ? `\nsim_setup_phase=${phase}` : ''}`;
    const main = await runStep({ inputs: inputs({ metadata }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain(`ended FAILED while ${words}: its environment did not finish setting up, so the agent never started.`);
    expect(main.summary).toContain(`stopped while ${words}: the agent never started`);
  });

  it('the CLI names it too', async () => {
    const result = await runCliBundle(sim, ['--prompt', 'x', '--poll-interval-seconds', '0.1', '--metadata', 'sim_outcome=setup-failed'], {
      OZ_API_BASE_URL: sim.url,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('while setting up before the agent started: its environment did not finish setting up');
  });
});

describe('when the run ends', () => {
  it.each([
    ['claude', '46000'],
    ['codex', '34000'],
  ])('takes the tokens of a %s run from harness-usage', async (harness, tokens) => {
    const main = await runStep({ inputs: inputs({ harness }) });
    expect(main.code).toBe(0);
    expect(main.outputs.tokens).toBe(tokens);
    expect(main.outputs.credits).toBe('16');
    expect(main.summary).toContain(`${tokens} (as the harness counts them)`);
  });

  it('leaves tokens empty, never 0, when neither request_usage nor the harness has them', async () => {
    const main = await runStep({ inputs: inputs({ harness: 'claude', metadata: 'sim_harness_usage=none' }) });
    expect(main.code).toBe(0);
    expect(main.outputs.tokens).toBe('');
    const oz = await runStep({ inputs: inputs() });
    expect(oz.outputs.tokens).toBe('48210');
    expect(sim.apiRequests('GET').filter((r) => r.path.endsWith('/harness-usage'))).toHaveLength(1);
  });

  it("shows a pull request's status beside its link", async () => {
    const main = await runStep({ inputs: inputs({ metadata: 'sim_pr_status=merged' }) });
    expect(main.code).toBe(0);
    expect(main.summary).toContain('(merged, branch `oz/fix-flaky-test`)');
  });

  it.each(['agent_stream_network_error', 'agent_stream_failure'])('advises a retry for %s', async (code) => {
    const main = await runStep({ inputs: inputs({ metadata: `sim_outcome=error\nsim_error_code=${code}` }) });
    expect(main.code).toBe(1);
    expect(main.summary).toContain(
      "The connection to the agent's stream failed on Warp's side, which is usually transient: re-run the job",
    );
  });

  it('takes a source it does not know without a warning', async () => {
    const main = await runStep({ inputs: inputs({ metadata: 'sim_source=AZURE_DEVOPS_WEBHOOK' }) });
    expect(main.code).toBe(0);
    expect(main.log).not.toContain('::warning::');
    expect(JSON.parse(main.outputs.run!)).toMatchObject({ source: 'AZURE_DEVOPS_WEBHOOK' });
  });
});
