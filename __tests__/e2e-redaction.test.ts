/**
 * No secret published, end to end on the committed dist/: credentials the agent echoes (in its answer,
 * its commands, its structured output) or the API returns (a run's title, its status message) are
 * replaced by a marker naming their kind in every place people can read: the outputs, the job
 * summary, the pull request comment, the check run and the log.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runStep, type StepResult } from '../sim/runner.ts';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';

const sim = useSimulator();
const github = useGitHubDouble();

// Fake credentials of each kind, built here so no file holds one whole. Each is what a detector must
// recognise: the published forms of GitHub, Warp, AWS, Google, Slack and npm credentials.
const pem = (label: string) => `-----BEGIN ${label}-----\n${'MIIEowIBAAKCAQEAx7Kq'.repeat(8)}\n-----END ${label}-----`;
const CREDENTIALS = {
  'github token': [
    `ghp_${'Ab1Cd2Ef3G'.repeat(3)}h4Ij5K`,
    `gho_${'Zy9Xw8Vu7T'.repeat(3)}s6Rq5P`,
    `ghu_${'Mn4Op5Qr6S'.repeat(3)}t7Uv8W`,
    `ghs_${'Kl3Jh2Gf1D'.repeat(3)}s0Aq9W`,
    `ghr_${'Po8Iu7Yt6R'.repeat(3)}e5Wq4E`,
    `github_pat_11ABCDEFG0${'aB3dE5gH7j'.repeat(6)}Kl9Mn0Op1Q2x`,
  ],
  'warp key': [`wk-1.${'9f8e7d6c5b4a'.repeat(3)}`],
  'aws key': [`AKIA${'Q2W3E4R5T6Y7U8I9'}`, `aws_secret_access_key = ${'Zx7Cv8Bn9M/0Lk1Jh2Gf3Ds4A+5Qw6Er7Ty8Ui9O'}`],
  'gcp key': [`AIza${'Sy3Xk9Pq2Lm7Nv4Bc8Zx1Wd6Rt5Hj0Ef'}Gab`],
  'slack token': [`xoxb-${'123456789012'}-${'210987654321'}-${'a1B2c3D4e5F6g7H8i9J0k1L2'}`],
  'npm token': [`npm_${'Qw3Er4Ty5U'.repeat(3)}i6Op7A`],
  'private key': [pem('RSA PRIVATE KEY'), pem('OPENSSH PRIVATE KEY')],
  'password in url': ['https://deploy:S3cr3tPassw0rd@registry.example.com/simple'],
};
const ALL = Object.values(CREDENTIALS).flat();
/** The part of a credential that must never be seen: its tail, past any prefix a marker could share. */
const tail = (credential: string) =>
  credential
    .slice(-14)
    .replace(/-----$/, '')
    .slice(-10);

function leaksIn(text: string): string[] {
  return ALL.filter((credential) => text.includes(tail(credential)));
}

function everyPlace(main: StepResult): Record<string, string> {
  const comments = [...github.comments.values()].map((c) => c.body);
  const checks = [...github.checkRuns.values()].flatMap((c) => c.updates.map((u) => JSON.stringify(u)));
  const written = github.requests.map((r) => JSON.stringify(r.body ?? ''));
  return {
    log: main.log,
    ...Object.fromEntries(Object.entries(main.outputs).map(([name, value]) => [`output ${name}`, value])),
    summary: main.summary,
    comment: comments.join('\n'),
    'check run': checks.join('\n'),
    'every request to GitHub': written.join('\n'),
  };
}

describe('credentials the agent or the API wrote', () => {
  it('are redacted, each kind named, in the outputs, the summary, the comment, the check run and the log', async () => {
    const answer = [
      'Here is what I found in the environment:',
      ...Object.entries(CREDENTIALS).flatMap(([kind, values]) => values.map((v) => `- ${kind}: ${v}`)),
    ].join('\n');
    const main = await runStep({
      inputs: {
        warp_api_key: 'wk-e2e-redaction-key',
        github_token: 'ghs-double-token',
        prompt: answer,
        // A title is the API's text too: it is in the log, the live comment and the check run.
        title: `Deploy with ${CREDENTIALS['github token'][0]}`,
        check_name: 'Oz agent',
        api_base_url: sim.url,
        poll_interval_seconds: '0.05',
        max_poll_interval_seconds: '0.2',
        output_schema: '{"type":"object","required":["token"]}',
        metadata: [
          'sim_answer=@prompt',
          `sim_answer_json={"token":"${CREDENTIALS['npm token'][0]}","${CREDENTIALS['slack token'][0]}":1}`,
          `sim_command=curl -H "Authorization: token ${CREDENTIALS['github token'][1]}" https://api.github.com`,
          `sim_status_message=Pushed with ${CREDENTIALS['warp key'][0]}`,
        ].join('\n'),
      },
      // With debug on, the settings line quotes the prompt: it is redacted too.
      env: { ...github.pullRequestEvent(), RUNNER_DEBUG: '1' },
    });
    expect(main.code, main.log).toBe(0);
    expect(main.log).toContain('::debug::Settings: ');

    const places = everyPlace(main);
    for (const [place, text] of Object.entries(places)) expect(leaksIn(text), place).toEqual([]);

    // Each kind is named where the answer is published.
    const marker = (kind: string) => new RegExp(`\\\\?\\[redacted ${kind}\\\\?\\]`);
    for (const kind of Object.keys(CREDENTIALS)) {
      for (const place of ['output agent_output', 'output run', 'summary', 'comment', 'check run']) {
        expect(places[place], `${kind} in ${place}`).toMatch(marker(kind));
      }
    }
    // The structured output stays JSON, its keys redacted too.
    expect(JSON.parse(main.outputs.structured_output!)).toEqual({ token: '[redacted npm token]', '[redacted slack token]': 1 });
    // The log: the run's title, what the agent ran, and the status message.
    expect(main.log).toMatch(/INPROGRESS|QUEUED/);
    expect(main.log).toContain('Deploy with [redacted github token]');
    expect(main.log).toContain('command: curl -H "Authorization: token [redacted github token]" https://api.github.com');
    expect(places['output run']).toContain('Pushed with [redacted warp key]');
    // Markers, not stars, for what a pattern found; the step's own key and token are still ***.
    expect(main.outputs.agent_output).toContain('- warp key: [redacted warp key]');
  });

  it('keeps the step own key and token as *** in text the agent wrote', async () => {
    const main = await runStep({
      inputs: {
        warp_api_key: 'wk-e2e-redaction-key',
        github_token: 'ghs-double-token',
        prompt: 'My key is wk-e2e-redaction-key and the token ghs-double-token.',
        api_base_url: sim.url,
        poll_interval_seconds: '0.05',
        max_poll_interval_seconds: '0.2',
        metadata: 'sim_answer=@prompt',
      },
      env: github.pullRequestEvent(),
    });
    expect(main.code, main.log).toBe(0);
    expect(main.outputs.agent_output).toBe('My key is *** and the token ***.');
    const [comment] = [...github.comments.values()];
    expect(comment!.body).toContain('\nMy key is *** and the token ***.\n');
    expect(comment!.body).not.toContain('wk-e2e-redaction-key');
  });
});

describe('a review', () => {
  it('reaches the pull request with the credentials in its summary, comments and suggestions redacted', async () => {
    github.pullHeads = { 7: 'c'.repeat(40) };
    github.pullFiles = {
      7: [{ filename: 'src/deploy.ts', patch: '@@ -1,2 +1,3 @@\n const a = 1;\n+const token = process.env.TOKEN;\n const b = 2;' }],
    };
    const [ghp] = CREDENTIALS['github token'];
    const review = {
      verdict: 'comment',
      summary: `The deploy token ${ghp} is committed.`,
      comments: [
        { path: 'src/deploy.ts', line: 2, body: `Remove ${CREDENTIALS['npm token'][0]}.`, suggestion: `const token = '${ghp}';` },
        { path: 'README.md', line: 9, body: `Off the diff: ${CREDENTIALS['slack token'][0]}` },
      ],
    };
    sim.answers.set('leaky-review', `Review:\n\n\`\`\`json\n${JSON.stringify(review)}\n\`\`\``);
    const main = await runStep({
      inputs: {
        warp_api_key: 'wk-e2e-redaction-key',
        github_token: 'ghs-double-token',
        prompt: 'Review this pull request.',
        review: 'true',
        api_base_url: sim.url,
        poll_interval_seconds: '0.05',
        max_poll_interval_seconds: '0.2',
        metadata: 'sim_answer_named=leaky-review',
      },
      env: github.pullRequestEvent(),
    });
    expect(main.code, main.log).toBe(0);
    expect(github.reviews).toHaveLength(1);
    const posted = JSON.stringify(github.reviews);
    expect(leaksIn(posted)).toEqual([]);
    expect(leaksIn(JSON.stringify(github.requests.map((r) => r.body ?? '')))).toEqual([]);
    expect(posted).toContain('[redacted github token]');
    expect(posted).toContain('[redacted npm token]');
    expect(posted).toContain('[redacted slack token]');
  });
});

describe('the CLI', () => {
  it('redacts them in its JSON, its summary file and its progress', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oz-redact-cli-'));
    const summary = join(dir, 'summary.md');
    const args = ['--prompt', `Use ${ALL.join(' and ')}`, '--metadata', 'sim_answer=@prompt', '--json', '--summary-file', summary];
    args.push('--metadata', `sim_command=npm publish --token ${CREDENTIALS['npm token'][0]}`);
    args.push('--poll-interval-seconds', '0.05', '--max-poll-interval-seconds', '0.2');
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'index.js'), ...args], {
        env: { PATH: process.env.PATH ?? '', WARP_API_KEY: 'wk-e2e-redaction-key', OZ_API_BASE_URL: sim.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
    });
    expect(code, stderr).toBe(0);
    for (const [place, text] of Object.entries({ stdout, stderr, summary: readFileSync(summary, 'utf8') })) {
      expect(leaksIn(text), place).toEqual([]);
    }
    expect((JSON.parse(stdout) as Record<string, string>).agent_output).toContain('[redacted private key]');
    expect(stderr).toContain('command: npm publish --token [redacted npm token]');
  });
});
