/**
 * End-to-end, on the committed dist/: a review's marker says which workflow and job wrote it. The same
 * token writes the reviews of every job that runs the action, so "its own" earlier verdict, which a
 * new one withdraws, is the one of the same workflow's same job: a style review's approval must never
 * dismiss a security review's request for changes, which teams gate merges on.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { runStep } from '../sim/runner.ts';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';

const sim = useSimulator();
const github = useGitHubDouble();

describe('two review jobs on one pull request (a security review and a style review)', () => {
  beforeEach(() => {
    github.pullHeads = { 7: 'c'.repeat(40) };
    github.pullFiles = { 7: [{ filename: 'src/a.ts', patch: ['@@ -1,3 +1,4 @@', ' a', '+b', '+c', ' d'].join('\n') }] };
  });

  /** The review step of `job` in the workflow `workflow`, the agent answering with `verdict`. */
  function reviewJob(workflow: string, job: string, verdict: string) {
    sim.answers.set('review', '```json\n' + JSON.stringify({ verdict, summary: `${job}: ${verdict}`, comments: [] }) + '\n```');
    return runStep({
      inputs: {
        warp_api_key: 'wk-e2e-markers-key',
        github_token: 'ghs-double-token',
        prompt: `Review this pull request for ${job}.`,
        api_base_url: sim.url,
        review: 'true',
        metadata: 'sim_answer_named=review',
        poll_interval_seconds: '0.05',
        max_poll_interval_seconds: '0.2',
      },
      env: {
        ...github.pullRequestEvent(),
        GITHUB_WORKFLOW_REF: `acme/widgets/.github/workflows/${workflow}.yml@refs/pull/7/merge`,
        GITHUB_JOB: job,
      },
    });
  }

  it("each withdraws only its own verdict: the style job's approval leaves the security job's request for changes", async () => {
    const security = await reviewJob('security', 'security', 'request_changes');
    expect(security.outputs.verdict, security.log).toBe('request_changes');
    const blocking = github.reviews.at(-1)!;
    expect(blocking.event).toBe('REQUEST_CHANGES');

    const style = await reviewJob('style', 'style', 'approve');
    expect(style.code, style.log).toBe(0);
    expect(style.outputs.dismissed_reviews).toBe('0');
    expect(github.reviews.find((r) => r.id === blocking.id)!.dismissed).toBeUndefined();

    // The security job itself, once the fix is pushed, withdraws its own request for changes.
    const again = await reviewJob('security', 'security', 'approve');
    expect(again.outputs.dismissed_reviews).toBe('1');
    expect(github.reviews.find((r) => r.id === blocking.id)!.dismissed).toBeDefined();
  });
});
