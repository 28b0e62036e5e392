/**
 * The main step stopped after the run ended, while GitHub still takes the review or a reaction: the
 * post step completes the check run as the main step would have, from the outcome the main step saved
 * once the run ended, never from the run's state alone (SUCCEEDED would pass a gate the agent's review
 * asked to fail, or whose answer failed its schema). End to end on the committed dist/.
 */
import { describe, expect, it } from 'vitest';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';
import { commentEvent, threadStep } from './helpers/threads.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();
const HEAD = 'c'.repeat(40);
const PATCH = ['@@ -10,2 +10,3 @@', ' a', '+b', ' c'].join('\n');
const github = useGitHubDouble((github) => {
  github.pullHeads = { 7: HEAD };
  github.pullFiles = { 7: [{ filename: 'src/a.ts', patch: PATCH }] };
});

const REVIEW = {
  verdict: 'request_changes',
  summary: 'The new line b is wrong.',
  comments: [{ path: 'src/a.ts', line: 11, body: 'Wrong.' }],
};

function inputs(): Record<string, string> {
  sim.answers.set('rc', `Review.\n\n\`\`\`json\n${JSON.stringify(REVIEW)}\n\`\`\``);
  return {
    warp_api_key: 'wk-stopped-reporting',
    api_base_url: sim.url,
    github_token: 'ghs-stopped-reporting',
    prompt: 'Review this pull request.',
    review: 'true',
    check_name: 'Oz review',
    metadata: 'sim_answer_named=rc',
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.2',
  };
}

describe.each(['SIGKILL', 'SIGINT'] as const)('the main step stopped (%s) while GitHub takes the review', (signal) => {
  it('has the post step fail the check, as the review asked', async () => {
    let release!: () => void;
    github.held.push({ method: 'POST', path: '/pulls/7/reviews', until: new Promise<void>((r) => (release = r)) });
    const env = github.pullRequestEvent();
    const main = await runStep({
      inputs: inputs(),
      env,
      onSpawn: (child) => {
        void github
          .waitFor(() => github.requests.some((r) => r.method === 'POST' && r.path.endsWith('/pulls/7/reviews')))
          .then(() => child.kill(signal));
      },
    });
    release();
    expect(main.signal ?? main.code).toBeTruthy();
    const post = await runStep({ which: 'post', inputs: inputs(), env, state: main.state, timings: { budgetMs: 8000 } });
    expect(post.code).toBe(0);
    const [check] = [...github.checkRuns.values()];
    // The agent requested changes (and GitHub has the review): the gate fails, as the main step would have had it.
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(main.state.oz_settled).toBe('true');
  });
});

describe('a mention with output_schema, the main step stopped while GitHub takes the reaction after the run', () => {
  it('has the post step fail the check of a run whose answer failed the schema', async () => {
    github.permissions = { octocat: 'write' };
    const event = commentEvent('@oz check the release notes');
    // No sim_answer_json: the answer has no JSON block, so the step's outcome is a failure (invalid_output).
    const step = threadStep(event, { oz: sim.url, github: github.url }, { output_schema: '{"type":"object"}', check_name: 'Oz check' });
    let release!: () => void;
    const main = await runStep({
      ...step,
      onOutput: (text) => {
        // Once the run has ended: the reaction that follows (😕) waits for the test.
        if (text.includes('-> SUCCEEDED') && github.held.length === 0) {
          github.held.push({
            method: 'POST',
            path: `/issues/comments/${event.id}/reactions`,
            until: new Promise<void>((r) => (release = r)),
          });
        }
      },
      onSpawn: (child) => {
        void github
          .waitFor(() => github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reactions')).length >= 2)
          .then(() => child.kill('SIGINT'));
      },
    });
    release?.();
    const post = await runStep({ ...step, which: 'post', state: main.state, timings: { budgetMs: 8000 } });
    expect(post.code).toBe(0);
    const [check] = [...github.checkRuns.values()];
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});
