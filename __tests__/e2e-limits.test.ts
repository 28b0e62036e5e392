/**
 * GitHub's limits and GitHub's renderer, end to end on the committed dist/: the GitHub double refuses
 * (422) a comment over 65,536 characters and a check run text over 65,535 as GitHub does, and what the
 * step writes is rendered by GitHub's parser (cmark-gfm when installed, micromark with GFM always).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';
import { cmarkAvailable, cmarkHtml, liveMentions, micromarkHtml, outsideCode } from './helpers/gfm.ts';
import { ROOT, runStep } from '../sim/runner.ts';

const sim = useSimulator();
const github = useGitHubDouble((github) => {
  github.permissions = { octocat: 'write' };
});
const events = mkdtempSync(join(tmpdir(), 'oz-limits-events-'));

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: 'wk-e2e-limits',
    prompt: 'Review the pull request',
    title: 'Review',
    api_base_url: sim.url,
    github_token: 'ghs-double',
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.2',
    ...extra,
  };
}

/** The step on a pull_request event for PR #7, with a comment and a check run. */
function onPullRequest(metadata: string, extra: Record<string, string> = {}) {
  return runStep({ inputs: inputs({ check_name: 'Oz review', metadata, ...extra }), env: github.pullRequestEvent() });
}

let nextComment = 9000;

/** The step on an issue_comment event: octocat comments `body` on pull request #7. */
function mention(body: string, extra: Record<string, string> = {}) {
  const id = nextComment++;
  const path = join(events, `comment-${id}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      issue: { number: 7, html_url: 'https://github.com/acme/widgets/pull/7', title: 'Speed up login', pull_request: {} },
      comment: {
        id,
        html_url: `https://github.com/acme/widgets/pull/7#issuecomment-${id}`,
        body,
        user: { login: 'octocat', type: 'User' },
      },
      sender: { login: 'octocat', type: 'User' },
    }),
  );
  const { prompt: _prompt, ...rest } = inputs({ trigger_phrase: '@oz', ...extra });
  return runStep({ inputs: rest, env: { GITHUB_API_URL: github.url, GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: path } });
}

describe('comment and check run sizes', () => {
  it('fits a 58,000-character answer that escaping makes longer into the comment and the check run, linking the job summary', async () => {
    // 8,300 copies of "x<y @z ": 58,100 characters, over 90,000 once `<` and `@` are made safe.
    const main = await onPullRequest('sim_answer=x<y @z \nsim_answer_repeat=8300');
    expect(main.code).toBe(0);
    expect(github.refused).toEqual([]);
    const [comment] = [...github.comments.values()];
    expect(comment!.body.length).toBeLessThanOrEqual(65_536);
    expect(comment!.body).toContain('## ✅ Oz agent run succeeded');
    expect(comment!.body).toContain(
      '*The answer is shortened here: all of it is in [the job summary](https://github.com/acme/widgets/actions/runs/9000).*',
    );
    expect(comment!.body).toContain('<details><summary>Run details</summary>');
    const [check] = [...github.checkRuns.values()];
    expect(check).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(check!.output!.summary.length).toBeLessThanOrEqual(65_535);
    expect(check!.output!.summary).toContain('The answer is shortened here');
    // The job summary has room for all of it.
    expect(main.summary).not.toContain('shortened');
    expect(main.summary.split('x&lt;y @\u2060z').length - 1).toBe(8300);
  });

  it('keeps a thread of four long answers under the limit, shortening the older turns first', async () => {
    const long = (n: number) => `turn ${n} `.padEnd(7_000, `${n}`);
    const first = await mention(`@oz ${long(1)}`, { metadata: `sim_answer=${'a'.repeat(200)}\nsim_answer_repeat=35` });
    expect(first.code).toBe(0);
    for (const n of [2, 3, 4]) {
      const reply = await mention(`@oz ${long(n)}`);
      expect(reply.code, `turn ${n}`).toBe(0);
      expect(reply.outputs.followed_up).toBe('true');
    }
    expect(github.refused).toEqual([]);
    const [thread] = [...github.comments.values()];
    expect(thread!.body.length).toBeLessThanOrEqual(65_536);
    // The newest turn whole and finished; the oldest shortened, not lost.
    expect(thread!.body).toContain(long(4).slice(0, 6_000));
    expect(thread!.body).toContain('**✅ Oz agent run succeeded**');
    expect(thread!.body).not.toContain('⏳');
    expect(thread!.body).toContain('turn 1 ');
    expect(thread!.body).toContain('Shortened to fit the comment: the agent session has all of it.');
    // The next mention still reaches the thread's run.
    const fifth = await mention('@oz one more thing');
    expect(fifth.outputs).toMatchObject({ followed_up: 'true', run_id: first.outputs.run_id });
    // Four whole steps, each polling the simulator: about 28 s on an idle machine, more under load.
  }, 120_000);
});

describe('saved file names', () => {
  it('saves a file whose name is 96 Chinese characters (288 bytes), shortened to fit the file system', async () => {
    const main = await runStep({
      inputs: inputs({ artifacts_path: 'oz-artifacts', metadata: 'sim_files=1\nsim_file_path=文\nsim_file_path_repeat=96' }),
    });
    expect(main.code).toBe(0);
    expect(main.log).not.toContain('ENAMETOOLONG');
    const files = JSON.parse(main.outputs.downloaded_files!) as string[];
    expect(files).toContain(`oz-artifacts/${'文'.repeat(81)}`);
  });
});

describe("the CLI's --output-file", () => {
  it("fits GitLab's dotenv limits (under 5 KiB, one line per value) and keeps every value valid", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oz-limits-cli-'));
    const env = join(dir, 'oz.env');
    const args = ['--prompt', 'p', '--title', 'T'.repeat(3000), '--artifacts-path', 'files', '--output-file', env, '--json'];
    const metadata = ['sim_status_bytes=3000', 'sim_files=150'].flatMap((m) => ['--metadata', m]);
    const fast = ['--poll-interval-seconds', '0.05', '--max-poll-interval-seconds', '0.2'];
    // Asynchronously: the simulator answers from this process.
    const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'index.js'), ...args, ...metadata, ...fast], {
        env: { PATH: process.env.PATH ?? '', WARP_API_KEY: 'wk-e2e-limits', OZ_API_BASE_URL: sim.url },
        cwd: dir,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { run_id: string; downloaded_files: string[] };
    expect(json.downloaded_files).toHaveLength(151);
    const text = readFileSync(env, 'utf8');
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(5120);
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(20);
    const values = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(values.OZ_RUN_ID).toBe(json.run_id);
    expect(values.OZ_STATE).toBe('SUCCEEDED');
    expect(values.OZ_TITLE).toMatch(/^T+ … \(shortened\)$/);
    expect(values.OZ_STATUS_MESSAGE).toMatch(/ … \(shortened\)$/);
    // A list that does not fit is the files that do, still JSON: the first ones, in order.
    const files = JSON.parse(values.OZ_DOWNLOADED_FILES!) as string[];
    expect(files.length).toBeGreaterThan(10);
    expect(files).toEqual(json.downloaded_files.slice(0, files.length));
  });
});

describe('examples/pr-review.yml', () => {
  /** The example's own step, its expressions given the values a pull_request event of PR #7 would. */
  function exampleStep(): { header: string; with: Record<string, string> } {
    const text = readFileSync(join(ROOT, 'examples', 'pr-review.yml'), 'utf8');
    const workflow = parse(text) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> };
    const step = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .find((s) => s.uses?.includes('oz-agent-action'))!;
    const values: Record<string, string> = {
      'secrets.WARP_API_KEY': 'wk-e2e-limits',
      'vars.OZ_ENVIRONMENT': '',
      'github.event.pull_request.number': '7',
      'github.repository': 'acme/widgets',
      'github.event.pull_request.head.sha': 'a'.repeat(40),
    };
    const filled = Object.fromEntries(
      Object.entries(step.with ?? {}).map(([name, value]) => [
        name,
        String(value).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expression: string) => {
          if (!(expression in values)) throw new Error(`No value for \${{ ${expression} }} in the example`);
          return values[expression]!;
        }),
      ]),
    );
    return { header: text.slice(0, text.indexOf('\nname:')), with: filled };
  }

  it('gates what its header says: the check it tells you to require fails when the agent requests changes', async () => {
    const { header, with: example } = exampleStep();
    const required = /require the check\s+"([^"]+)"/.exec(header.replace(/\n#\s*/g, ' '))?.[1];
    expect(required).toBe('Oz review');
    github.pullFiles = { 7: [{ filename: 'src/auth.ts', patch: '@@ -1,1 +1,2 @@\n line\n+added' }] };
    const verdict = JSON.stringify({
      verdict: 'request_changes',
      summary: 'This breaks the public API.',
      comments: [],
      findings: ['This breaks the public API.'],
    });
    const main = await runStep({
      inputs: { ...inputs(), ...example, api_base_url: sim.url, metadata: `sim_answer_json=${verdict}` },
      env: github.pullRequestEvent(),
    });
    expect(main.log).not.toContain('::error::No value');
    const checks = [...github.checkRuns.values()].filter((c) => c.name === required);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});

/** The agent's answer, as hostile as GitHub's parser allows: each line is read one way by a naive sanitiser and another by GitHub. */
const HOSTILE = ['``<img src=x onerror=alert(1)>` cc @alice', '```js`', 'console.log(1)', '```', 'and after the fence'].join('\\n');

describe('what GitHub renders of the summary, the comment and the check run', () => {
  async function hostileRun() {
    const main = await onPullRequest(`sim_outcome=failed\nsim_answer=${HOSTILE}\nsim_error_code=x|y_bad`);
    expect(main.code).toBe(1);
    const [comment] = [...github.comments.values()];
    const [check] = [...github.checkRuns.values()];
    return { main, texts: { summary: main.summary, comment: comment!.body, check: check!.output!.summary } };
  }

  it('lets no tag or mention of the agent through, keeps the run details out of its fence, and shows an error code with a | whole (micromark)', async () => {
    const { texts } = await hostileRun();
    for (const [name, text] of Object.entries(texts)) {
      const html = micromarkHtml(text);
      expect(html, name).not.toMatch(/<img[^>]*onerror/);
      expect(liveMentions(html), name).toEqual([]);
      expect(outsideCode(html), name).toContain('Run details');
      expect(html, name).toContain('<code>x|y_bad</code></td>');
    }
  });

  it.runIf(cmarkAvailable)('does the same as cmark-gfm, GitHub’s own parser, renders it', async () => {
    const { texts } = await hostileRun();
    for (const [name, text] of Object.entries(texts)) {
      const html = cmarkHtml(text, { unsafe: true });
      expect(html, name).not.toMatch(/<img[^>]*onerror/);
      expect(liveMentions(html), name).toEqual([]);
      expect(outsideCode(html), name).toContain('Run details');
      expect(html, name).toContain('<code>x|y_bad</code></td>');
    }
  });
});
