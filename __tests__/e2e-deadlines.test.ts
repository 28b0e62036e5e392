/**
 * GitHub requests with deadlines, end to end on the committed dist/: a GitHub that never answers one
 * route (the GitHub double's `silent`) costs the step that request's deadline and a warning, never
 * the run, and never the rest of what the step writes on GitHub. The deadline (10 s on a runner) is
 * shortened here with the harness's `timings`.
 */
import { describe, expect, it } from 'vitest';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();
const github = useGitHubDouble();

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: 'wk-e2e-deadlines',
    prompt: 'Review the pull request',
    title: 'Review',
    api_base_url: sim.url,
    github_token: 'ghs-double',
    check_name: 'Oz review',
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.2',
    ...extra,
  };
}

const env = () => github.pullRequestEvent();
/** Each GitHub request's deadline: 1 s here (10 s on a runner). */
const timings = { githubRequestTimeoutMs: 1000 };

describe('a GitHub route that never answers', () => {
  it('costs the main step one deadline and a warning: the run succeeds and the check run is completed', async () => {
    // The comment is created when the run starts; its final update never gets an answer.
    github.silent.push({ method: 'PATCH', path: '/issues/comments/' });
    const main = await runStep({ inputs: inputs(), env: env(), timings });
    expect(main.code).toBe(0);
    expect(main.outputs.state).toBe('SUCCEEDED');
    expect(main.log).toContain(
      '::warning::Could not write the pull request comment: GitHub did not answer the comment update within 1 s. The run is reported in the job summary.',
    );
    expect(main.log).not.toContain('GitHub did not answer in time');
    const [check] = [...github.checkRuns.values()];
    expect(check).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(main.summary).toContain('Oz agent run succeeded');
    // One 1 s deadline, not the 15 s the step gives GitHub at the end: that would say "did not answer in time" above.

    // The post step after it: the run was settled, so it has nothing to do, and says nothing on GitHub.
    const before = github.requests.length;
    const post = await runStep({ which: 'post', inputs: inputs(), env: env(), timings, state: main.state });
    expect(post.code).toBe(0);
    expect(post.log).not.toContain('::warning::');
    expect(github.requests.length).toBe(before);
  });

  it("lets the post step finish the check run even when the comment's route never answers", async () => {
    // The main step was killed while the run worked: the post step cancels it and finishes on GitHub.
    const killed = await runStep({
      inputs: inputs({ metadata: 'sim_outcome=never' }),
      env: env(),
      timings,
      // Once the step has saved the run and the comment it made.
      onState: (state, child) => {
        if (state.oz_run_id && state.oz_comment_id) child.kill('SIGKILL');
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.state.oz_comment_id).toBeDefined();
    github.silent.push({ method: 'PATCH', path: '/issues/comments/' });
    // Within the post step's budget (60 s on a runner, 8 s here), whatever GitHub does.
    const post = await runStep({
      which: 'post',
      inputs: inputs(),
      env: env(),
      timings: { ...timings, budgetMs: 8000 },
      state: killed.state,
    });
    expect(post.code).toBe(0);
    expect(post.log).toContain(
      '::warning::Oz post step: Could not write the pull request comment: GitHub did not answer the comment update within 1 s.',
    );
    expect(post.log).not.toContain('gave up after');
    expect([...sim.runs.values()][0]!.cancelledAt).toBeDefined();
    const [check] = [...github.checkRuns.values()];
    expect(check).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
  });
});
