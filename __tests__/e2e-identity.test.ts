/**
 * The token's identity where GitHub does not simply answer: a person's token refused /user by its rate
 * limit (403, as an installation token is refused), and a look-up that gets no answer on a thread's
 * re-run. End to end on the committed dist/, the GitHub double behind a small proxy for the answer
 * the double does not give.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';
import { commentEvent, threadStep } from './helpers/threads.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();
const github = useGitHubDouble((github) => {
  github.permissions = { octocat: 'write' };
});

/**
 * A proxy to the double that answers GET /user as GitHub does for a person's token over its primary
 * rate limit (403, x-ratelimit-remaining: 0) while `rateLimited` is set; everything else is forwarded.
 */
let proxy: Server;
let proxyUrl = '';
let rateLimited = false;
beforeAll(async () => {
  proxy = createServer((req, res) => {
    if (rateLimited && req.method === 'GET' && req.url === '/user') {
      res.writeHead(403, { 'content-type': 'application/json', 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '5000' });
      res.end(JSON.stringify({ message: 'API rate limit exceeded for user ID 1.' }));
      return;
    }
    const target = new URL(req.url ?? '/', github.url);
    const forward = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 500, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => proxy.close(() => done())));

function prStep(attempt: string) {
  return runStep({
    inputs: {
      warp_api_key: 'wk-identity',
      api_base_url: sim.url,
      github_token: 'ghp-person',
      prompt: 'Check the release notes',
      poll_interval_seconds: '0.05',
      max_poll_interval_seconds: '0.2',
    },
    env: { ...github.pullRequestEvent(), GITHUB_API_URL: proxyUrl, GITHUB_RUN_ATTEMPT: attempt },
  });
}

describe("a person's token whose GET /user is refused with 403 (its rate limit), not for being an installation token", () => {
  it('a re-run still finds its own comment: the person is not taken for a bot named after them', async () => {
    rateLimited = false;
    github.tokenUser = 'release-manager';
    const first = await prStep('1');
    expect(first.code).toBe(0);
    // The re-run meets the rate limit on /user; GraphQL (a budget of its own) answers viewer = release-manager.
    rateLimited = true;
    const rerun = await prStep('2');
    rateLimited = false;
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.comment_url).toBe(first.outputs.comment_url);
    expect(github.comments.size).toBe(1);
  });
});

describe('a re-run of a thread job while GitHub does not answer the identity look-up', () => {
  it('does not start a second agent for the request the first attempt already sent', async () => {
    const event = commentEvent('@oz bump the version');
    const urls = { oz: sim.url, github: github.url };
    const first = await runStep(threadStep(event, urls));
    expect(first.code).toBe(0);
    expect(sim.runs.size).toBe(1);
    // The re-run: GET /user hangs (a GitHub that is slow), up to the request's deadline.
    github.silent.push({ method: 'GET', path: '/user' });
    const rerun = await runStep({ ...threadStep(event, urls, {}, { GITHUB_RUN_ATTEMPT: '2' }), timings: { githubRequestTimeoutMs: 500 } });
    // It cannot tell whether the first attempt's run is this thread's: it says so and starts none.
    expect(sim.runs.size).toBe(1);
    expect(rerun.code).toBe(1);
    expect(rerun.outputs.run_id ?? '').toBe('');
    expect(rerun.log).toContain(
      "Could not read this thread's conversation (GitHub did not answer the identity look-up within 0.5 s), so no agent was started",
    );
  });
});
