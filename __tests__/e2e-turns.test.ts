/**
 * A follow-up's results are its own: the pull request, the artifacts and the files a thread's second
 * request reports are those it produced, not the first turn's still on the run. End to end on the
 * committed dist/ (the action with the GitHub double, and the CLI), against the Oz simulator.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';
import { runCliBundle } from './helpers/cli.ts';
import { commentEvent, threadStep } from './helpers/threads.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();
const github = useGitHubDouble((github) => {
  github.permissions = { octocat: 'write' };
});

const say = (body: string, inputs: Record<string, string> = {}) =>
  runStep(threadStep(commentEvent(body), { oz: sim.url, github: github.url }, { artifacts_path: 'oz-artifacts', ...inputs }));
/** The artifacts whose files the simulator was asked for since request number `from`. */
const fetchedSince = (from: number) =>
  sim.requests
    .slice(from)
    .filter((r) => r.method === 'GET' && r.path.startsWith('/agent/artifacts/'))
    .map((r) => r.path.split('/').at(-1));
const PR_42 = 'https://github.com/acme/widgets/pull/42';

describe("a thread's follow-up", () => {
  it("that produces nothing reports no pull request and saves none of the first turn's files", async () => {
    const first = await say('@oz fix the flaky test', { metadata: 'sim_files=1' });
    expect(first.code).toBe(0);
    expect(first.outputs.pull_request_url).toBe(PR_42);
    expect(JSON.parse(first.outputs.downloaded_files!)).toContain('oz-artifacts/out/report-0.txt');
    expect(fetchedSince(0)).toHaveLength(2);

    const mark = sim.requests.length;
    const reply = await say('@oz and the docs');
    expect(reply.code).toBe(0);
    expect(reply.outputs).toMatchObject({ followed_up: 'true', run_id: first.outputs.run_id, state: 'SUCCEEDED' });
    expect(reply.outputs.pull_request_url).toBe('');
    expect(reply.outputs.artifacts).toBe('[]');
    expect(reply.outputs.downloaded_files).toBe('[]');
    expect(fetchedSince(mark)).toEqual([]);
    // The run itself is as the API gives it: every turn's artifacts are in the run output.
    expect(JSON.stringify(JSON.parse(reply.outputs.run!))).toContain(PR_42);
    expect(reply.summary).not.toContain('Pull request opened by the agent');
    expect(reply.summary).not.toContain('Files saved');
    expect(reply.summary).toMatch(
      /\*\*Earlier turns:\*\* the run also holds 3 artifacts from before this follow-up \(pull request \[acme\/widgets#\u2060?42\]/,
    );
  });

  it('that produces a file saves and lists only that one', async () => {
    const first = await say('@oz fix the flaky test', { metadata: 'sim_files=1\nsim_followup_files=1' });
    expect(first.code).toBe(0);
    const mark = sim.requests.length;
    const reply = await say('@oz write the report too');
    expect(reply.code).toBe(0);
    const uid = `${first.outputs.run_id!.slice(0, 8)}-turn1-file-0`;
    expect(fetchedSince(mark)).toEqual([uid]);
    expect(JSON.parse(reply.outputs.downloaded_files!)).toEqual(['oz-artifacts/out/turn-1-0.txt']);
    expect((JSON.parse(reply.outputs.artifacts!) as { data: { artifact_uid: string } }[]).map((a) => a.data.artifact_uid)).toEqual([uid]);
    expect(reply.outputs.pull_request_url).toBe('');
    expect(reply.summary).toContain('- `oz-artifacts/out/turn-1-0.txt`');
    expect(reply.summary).not.toContain('report-0.txt');
  });

  it('that pushed to the pull request an earlier turn opened does not report it as its own', async () => {
    await say('@oz fix the flaky test', { metadata: 'sim_followup_pr=same' });
    const reply = await say('@oz address the review');
    expect(reply.code).toBe(0);
    // The simulator lists the pull request again after the push; it is the same one, not this turn's.
    expect(
      (JSON.parse(reply.outputs.run!) as { artifacts: { artifact_type: string }[] }).artifacts.filter(
        (a) => a.artifact_type === 'PULL_REQUEST',
      ),
    ).toHaveLength(2);
    expect(reply.outputs.pull_request_url).toBe('');
    expect(reply.summary).toContain('a pull request it only pushed to is among them');
  });

  it('that opens another pull request reports that one', async () => {
    await say('@oz fix the flaky test', { metadata: 'sim_followup_pr=new' });
    const reply = await say('@oz split it in two');
    expect(reply.code).toBe(0);
    expect(reply.outputs.pull_request_url).toBe('https://github.com/acme/widgets/pull/43');
  });

  it('with images in the comment says once that a follow-up does not carry them, and sends none', async () => {
    const png = join(mkdtempSync(join(tmpdir(), 'oz-turns-png-')), 'given.png');
    writeFileSync(png, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('a small png')]));
    await say('@oz fix the flaky test');
    const image = 'https://github.com/user-attachments/assets/abc-1';
    const reply = await say(`@oz the button is still off: ${image} and ${image.replace('abc-1', 'abc-2')}`, { attachments: png });
    expect(reply.code).toBe(0);
    expect(reply.outputs.followed_up).toBe('true');
    const notices = reply.log.split('\n').filter((line) => line.startsWith('::notice::') && line.includes('images'));
    expect(notices).toEqual([
      "::notice::The comment's 2 images and the attachments input's image are not sent to the agent: this request goes to the thread's run as a follow-up, and this action sends a follow-up's text only: the API takes a follow-up's images only through an upload endpoint that Warp marks internal, which no SDK offers (images go with a new run). Describe the image in words, or set continue_conversation to false to start a new run with it.",
    ]);
    const followups = sim.apiRequests('POST', '/agent/runs/').filter((r) => r.path.endsWith('/followups'));
    expect(followups).toHaveLength(1);
    expect(Object.keys(followups[0]!.body as object)).toEqual(['message']);
  });
});

describe('a follow-up whose step was killed', () => {
  it("is finished by the post step with the follow-up's artifacts only, not the earlier turn's pull request", async () => {
    const urls = { oz: sim.url, github: github.url };
    const first = await say('@oz fix the flaky test', { check_name: 'Oz agent' });
    expect(first.outputs.pull_request_url).toBe(PR_42);
    const event = commentEvent('@oz and the docs');
    const killed = await runStep({
      ...threadStep(event, urls, { check_name: 'Oz agent' }),
      onSpawn: (child) => {
        let printed = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          if (/Sent a follow-up[^]*-> (PENDING|CLAIMED|INPROGRESS)/.test(printed)) child.kill('SIGKILL');
        });
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.state.oz_earlier_artifacts).toBeDefined();
    const post = await runStep({ ...threadStep(event, urls, { check_name: 'Oz agent' }), which: 'post', state: killed.state });
    expect(post.code).toBe(0);
    const check = [...github.checkRuns.values()].at(-1)!;
    expect(check.status).toBe('completed');
    expect(check.output?.summary).not.toContain('Pull request opened by the agent');
    expect(check.output?.summary).toMatch(/\*\*Earlier turns:\*\* the run also holds 2 artifacts from before this follow-up/);
  });
});

describe('the CLI with --followup', () => {
  const fast = ['--poll-interval-seconds', '0.05', '--max-poll-interval-seconds', '0.2'];

  it("reports and saves only the follow-up's artifacts", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oz-turns-cli-'));
    const first = await runCliBundle(
      sim,
      [
        '--prompt',
        'fix it',
        '--metadata',
        'sim_files=1',
        '--metadata',
        'sim_followup_files=1',
        '--metadata',
        'sim_file_bytes=60',
        '--json',
        ...fast,
      ],
      {},
      dir,
    );
    expect(first.code).toBe(0);
    const created = JSON.parse(first.stdout) as { run_id: string; pull_request_url: string };
    expect(created.pull_request_url).toBe('https://github.com/example/repo/pull/42');

    const args = ['--run-id', created.run_id, '--followup', 'and the report', '--artifacts-path', 'files', '--json', ...fast];
    const reply = await runCliBundle(sim, args, {}, dir);
    expect(reply.code).toBe(0);
    const json = JSON.parse(reply.stdout) as {
      pull_request_url: string;
      artifacts: { data: { filepath: string } }[];
      downloaded_files: string[];
    };
    expect(json.pull_request_url).toBe('');
    expect(json.artifacts.map((a) => a.data.filepath)).toEqual(['out/turn-1-0.txt']);
    expect(json.downloaded_files).toEqual(['files/out/turn-1-0.txt']);
    expect(readdirSync(join(dir, 'files', 'out'))).toEqual(['turn-1-0.txt']);
    expect(readFileSync(join(dir, 'files', 'out', 'turn-1-0.txt'), 'utf8')).toMatch(/^report \S+-turn1-file-0/);
    expect(existsSync(join(dir, 'files', 'plans'))).toBe(false);
  });
});
