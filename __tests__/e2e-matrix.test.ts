/**
 * Two entries of one matrix job on a pull request share GITHUB_RUN_ID, GITHUB_JOB and GITHUB_ACTION:
 * each keeps its own comment (the marker holds a hash of the entry's settings), and a re-run of an
 * entry still finds its own. End to end on the committed dist/.
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
