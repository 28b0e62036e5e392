/**
 * Two entries of one matrix job on a pull request share GITHUB_RUN_ID, GITHUB_JOB and GITHUB_ACTION:
 * each keeps its own comment (the marker holds a hash of the inputs that say what an entry runs), and
 * a re-run of an entry still finds its own, whatever changes between attempts without being what the
 * user asked for (a credential minted per attempt, the runner's workspace). End to end on dist/.
 */
import { describe, expect, it } from 'vitest';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();
const github = useGitHubDouble();

function leg(name: string, answer: string, outcome = 'succeeded') {
  return runStep({
    inputs: {
      warp_api_key: 'wk-matrix',
      api_base_url: sim.url,
      github_token: 'ghs-matrix',
      prompt: `Task ${name}`,
      title: name,
      metadata: `sim_answer=${answer}\nsim_outcome=${outcome}`,
      poll_interval_seconds: '0.05',
      max_poll_interval_seconds: '0.2',
    },
    // One workflow run, one job, one step id: what two entries of a matrix have alike.
    env: { ...github.pullRequestEvent(), GITHUB_ACTION: 'oz' },
  });
}

describe('two entries of a matrix job on one pull request', () => {
  it("each keep their own report: the second does not overwrite the first's comment", async () => {
    const security = await leg('security', 'SECURITY: the token is logged in plain text.', 'failed');
    expect(security.code).toBe(1);
    const style = await leg('style', 'STYLE: all good.');
    expect(style.code).toBe(0);
    const bodies = [...github.comments.values()].map((c) => c.body);
    // The failed security run is still reported on the pull request, beside the style run.
    expect(bodies).toHaveLength(2);
    expect(bodies.some((b) => b.includes('SECURITY: the token is logged'))).toBe(true);
    expect(bodies.some((b) => b.includes('STYLE: all good.'))).toBe(true);
    expect(security.outputs.comment_url).not.toBe(style.outputs.comment_url);
  });

  it('finds its own comment again on a re-run of an entry, and updates it instead of adding one', async () => {
    const first = await leg('security', 'SECURITY: the token is logged in plain text.', 'failed');
    await leg('style', 'STYLE: all good.');
    // The same entry again, as a re-run of the job runs it: the same inputs.
    const again = await leg('security', 'SECURITY: the token is logged in plain text.', 'failed');
    expect(again.outputs.comment_url).toBe(first.outputs.comment_url);
    expect(github.comments.size).toBe(2);
  });
});

function attempt(n: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runStep({
    inputs: {
      warp_api_key: 'wk-entry',
      api_base_url: sim.url,
      github_token: 'ghs-entry',
      prompt: 'Check the release notes',
      poll_interval_seconds: '0.05',
      max_poll_interval_seconds: '0.2',
      ...inputs,
    },
    env: { ...github.pullRequestEvent(), GITHUB_ACTION: 'oz', GITHUB_RUN_ATTEMPT: n, ...env },
  });
}

describe('a re-run of the same job finds its comment', () => {
  it('with an MCP server whose token is minted per attempt (actions/create-github-app-token)', async () => {
    const mcp = (token: string) =>
      JSON.stringify({ github: { url: 'https://mcp.example/github', headers: { Authorization: `Bearer ${token}` } } });
    const first = await attempt('1', { mcp: mcp('ghs_attemptOneAAAAAAAAAAAAAAAAAAAAAAAAAAA') });
    const rerun = await attempt('2', { mcp: mcp('ghs_attemptTwoBBBBBBBBBBBBBBBBBBBBBBBBBBB') });
    expect(first.code).toBe(0);
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.comment_url).toBe(first.outputs.comment_url);
    expect(github.comments.size).toBe(1);
  });

  it('with artifacts_path, on another self-hosted runner (another GITHUB_WORKSPACE)', async () => {
    const first = await attempt('1', { artifacts_path: 'oz-files' }, { GITHUB_WORKSPACE: '/srv/runner-a/_work/widgets/widgets' });
    const rerun = await attempt('2', { artifacts_path: 'oz-files' }, { GITHUB_WORKSPACE: '/srv/runner-b/_work/widgets/widgets' });
    expect(first.code).toBe(0);
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.comment_url).toBe(first.outputs.comment_url);
    expect(github.comments.size).toBe(1);
  });
});
