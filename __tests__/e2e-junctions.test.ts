/**
 * Where features meet, end to end on the committed dist/ (the Oz simulator and the GitHub double): the
 * main step's last writes on GitHub and the post step.
 */
import { describe, expect, it } from 'vitest';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();
const github = useGitHubDouble();

const inputs = () => ({
  warp_api_key: 'wk-e2e-junctions',
  prompt: 'Fix the flaky test',
  title: 'Flaky test',
  api_base_url: sim.url,
  github_token: 'ghs-double',
  check_name: 'Oz agent',
  poll_interval_seconds: '0.05',
  max_poll_interval_seconds: '0.2',
});

describe('a main step stopped while it finishes the check run', () => {
  it('leaves the check run for the post step to complete, with the main step\u2019s outcome', async () => {
    // GitHub does not answer the check run's updates (each waits its deadline, 1 s here); while the
    // completion waits, the workflow is cancelled (SIGTERM).
    github.silent.push({ method: 'PATCH', path: '/check-runs/' });
    const env = github.pullRequestEvent();
    const timings = { githubRequestTimeoutMs: 1000 };
    const completing = () =>
      github.requests.some((r) => r.method === 'PATCH' && (r.body as { status?: string } | undefined)?.status === 'completed');
    const main = await runStep({
      inputs: inputs(),
      env,
      timings,
      onSpawn: (child) => {
        void github.waitFor(completing).then(() => child.kill('SIGTERM'));
      },
    });
    expect(main.signal).toBe('SIGTERM');
    expect(main.log).toContain('-> SUCCEEDED');
    expect(main.state.oz_settled).toBe('true');
    expect([...github.checkRuns.values()][0]!.status).toBe('in_progress');

    github.silent.length = 0;
    const post = await runStep({ which: 'post', inputs: inputs(), env, timings, state: main.state });
    expect(post.code).toBe(0);
    expect(post.log).toContain('Oz post step: the main step did not finish the check run or comment; finishing them.');
    expect(post.log).toContain('Completed check run');
    // Nothing to cancel: the run had ended.
    expect(sim.apiRequests('POST').filter((r) => r.path.endsWith('/cancel'))).toEqual([]);
    const [check] = [...github.checkRuns.values()];
    expect(check).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(JSON.stringify(check!.updates.at(-1))).toContain('Oz agent run succeeded');
    // The comment, which the main step had finished, keeps what only it knew: the agent's answer.
    const [comment] = [...github.comments.values()];
    expect(comment!.body).toContain('Oz agent run succeeded');
    expect(comment!.body).toContain('I fixed the flaky test');
    expect(post.log).not.toContain('Oz post step: Could not');
  });
});

describe("a review comment's suggested change too long to show whole", () => {
  const HEAD = 'c'.repeat(40);
  const PATCH = [
    '@@ -10,2 +10,3 @@ export async function login() {',
    '   const session = await start();',
    '+  await session.ready();',
    ' }',
  ].join('\n');

  it.each([
    // A generated table on one line: more than a comment shows of the agent's text, but within a comment.
    [10_000, 'offered whole'],
    // More than a comment holds.
    [35_000, 'not offered'],
  ])('of %i pairs of characters is %s, never cut: committing a cut one would write the cut into the file', async (pairs, how) => {
    github.pullHeads = { 7: HEAD };
    github.pullFiles = { 7: [{ filename: 'src/auth.ts', patch: PATCH }] };
    const suggestion = `  const TABLE = '${'ab'.repeat(pairs)}';`;
    const review = {
      verdict: 'comment',
      summary: 'One change.',
      comments: [{ path: 'src/auth.ts', line: 11, body: 'Inline the table.', suggestion }],
    };
    sim.answers.set('long-suggestion', `Here is my review.\n\n\`\`\`json\n${JSON.stringify(review)}\n\`\`\``);
    const main = await runStep({
      inputs: {
        ...inputs(),
        check_name: '',
        prompt: 'Review this pull request.',
        review: 'true',
        metadata: 'sim_answer_named=long-suggestion',
      },
      env: github.pullRequestEvent(),
    });
    expect(main.code).toBe(0);
    const [posted] = [...github.reviews.values()];
    const bodies = [posted!.body, ...posted!.comments.map((c) => c.body)].join('\n');
    // Offered whole, or not offered: never a ```suggestion block whose text was cut.
    const offered = [...bodies.matchAll(/(`{3,})suggestion\n([\s\S]*?)\n\1/g)].map((block) => block[2]);
    expect(offered).toEqual(how === 'offered whole' ? [suggestion] : []);
    if (how === 'not offered') expect(bodies).toContain('is too long to offer as a change to commit here');
    expect(bodies).toContain('Inline the table.');
    for (const body of [posted!.body, ...posted!.comments.map((c) => c.body)]) expect(body.length).toBeLessThanOrEqual(65_536);
  });
});

describe('an error message inside a sentence of the post step', () => {
  it('keeps one full stop: no ".." after an API error that ends in one', async () => {
    // Nothing listens on port 9: the refused connection's hint ends with a full stop.
    const post = await runStep({
      which: 'post',
      inputs: { ...inputs(), api_base_url: 'http://127.0.0.1:9/api/v1' },
      state: { oz_run_id: 'run-left-by-main' },
    });
    expect(post.code).toBe(0);
    const warning = post.log.split('\n').find((line) => line.startsWith('::warning::Oz post step could not check the run'));
    expect(warning).toMatch(/and that the server there is running\. It may still be running\.$/);
  });
});
