import { describe, expect, it } from 'vitest';
import { escapeMarkdown, safeLink, sanitizeMarkdown } from '../../src/report/markdown.ts';
import { safeUrl } from '../../src/report/url.ts';
import { formatDuration } from '../../src/report/duration.ts';
import { ACTION_WORDS } from '../../src/action/vocabulary.ts';
import { CLI_WORDS } from '../../src/cli/vocabulary.ts';
import { formatIsoDuration, renderSummary } from '../../src/report/summary.ts';
import { runOutputs } from '../../src/report/outputs.ts';
import { reportArtifacts } from '../../src/report/model.ts';
import { micromarkHtml } from '../helpers/gfm.ts';
import type { RunItem } from '../../src/oz/types.ts';

const WJ = '\u2060';

describe('escapeMarkdown', () => {
  it('leaves no raw HTML', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> & "q"')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt; &amp; &quot;q&quot;');
  });

  it('cannot break out of a table cell or start a new row', () => {
    expect(escapeMarkdown('a | b\n| c |')).toBe('a \\| b<br>\\| c \\|');
  });

  it('turns no link, image, mention or issue reference into a live one', () => {
    const out = escapeMarkdown('[click](https://evil.example) ![i](x) see https://evil.example www.evil.example @octocat #12');
    expect(out).not.toMatch(/\]\(|https:\/\/|www\.|@o|#1/);
    expect(out).toBe(
      `\\[click\\]\\(https${WJ}://evil.example\\) \\!\\[i\\]\\(x\\) see https${WJ}://evil.example www${WJ}.evil.example @${WJ}octocat #${WJ}12`,
    );
  });

  it('escapes emphasis and code but keeps ordinary text readable', () => {
    expect(escapeMarkdown('`npm ci` *failed* _now_')).toBe('\\`npm ci\\` \\*failed\\* \\_now\\_');
    expect(escapeMarkdown('run-id 1.2 a+b')).toBe('run-id 1.2 a+b');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
  });
});

describe('safeLink', () => {
  it('links only http(s) URLs, with link-breaking characters encoded', () => {
    expect(safeLink('PR', 'https://github.com/a/b/pull/1')).toBe('[PR](https://github.com/a/b/pull/1)');
    expect(safeLink('x', 'javascript:alert(1)')).toBe('x');
    expect(safeLink('x', 'not a url')).toBe('x');
    expect(safeUrl('https://e.example/a)b](c')).toBe('https://e.example/a%29b]%28c');
  });
});

describe('durations', () => {
  it('formats ISO 8601 and millisecond durations', () => {
    expect(formatIsoDuration('PT2M30S')).toBe('2m 30s');
    expect(formatIsoDuration('PT1H0M5.6S')).toBe('1h 0m 6s');
    expect(formatIsoDuration('P1DT1S')).toBe('24h 0m 1s');
    expect(formatIsoDuration('2 minutes')).toBeUndefined();
    expect(formatDuration(42_000)).toBe('42s');
  });
});

const succeeded: RunItem = {
  run_id: 'run-1',
  title: 'Fix <b>login</b> | now',
  state: 'SUCCEEDED',
  session_link: 'https://app.warp.dev/session/abc',
  conversation_id: 'conv-1',
  run_time: 'PT3M',
  status_message: { message: 'Done, see @team and https://evil.example' },
  artifacts: [
    { artifact_type: 'PULL_REQUEST', data: { url: 'https://github.com/acme/widgets/pull/7', branch: 'oz/fix' } },
    { artifact_type: 'PLAN', data: { title: 'The plan', url: 'https://app.warp.dev/drive/p1' } },
    { artifact_type: 'FILE', data: { filepath: 'out/report.md', size_bytes: 120 } },
    { artifact_type: 'EXTERNAL_REFERENCE', data: { title: '[x](https://evil.example)', url: 'javascript:alert(1)' } },
  ],
  request_usage: { inference_cost: 10, compute_cost: 2, inference_cost_usd: 0.2, compute_cost_usd: 0.05, total_tokens: 1234 },
};

describe('runOutputs', () => {
  it('sets every output from the run', () => {
    const outputs = runOutputs(succeeded, 'run-1');
    expect(outputs).toMatchObject({
      run_id: 'run-1',
      state: 'SUCCEEDED',
      session_link: 'https://app.warp.dev/session/abc',
      title: 'Fix <b>login</b> | now',
      status_message: 'Done, see @team and https://evil.example',
      error_code: '',
      retryable: '',
      conversation_id: 'conv-1',
      pull_request_url: 'https://github.com/acme/widgets/pull/7',
    });
    expect(JSON.parse(outputs.artifacts)).toHaveLength(4);
    expect((JSON.parse(outputs.run) as RunItem).run_id).toBe('run-1');
  });

  it('sets the run id and empty values when the run was never read', () => {
    expect(runOutputs(undefined, 'run-2')).toMatchObject({ run_id: 'run-2', state: '', artifacts: '[]', run: '' });
  });
});

describe('renderSummary', () => {
  it('shows the outcome, the pull request, plans, and the details folded, with API text escaped', () => {
    const md = renderSummary(
      { outcome: 'succeeded', run: succeeded, workflowRunUrl: 'https://github.com/acme/widgets/actions/runs/1' },
      ACTION_WORDS,
    );
    expect(md).toContain('## ✅ Oz agent run succeeded: Fix &lt;b&gt;login&lt;/b&gt; \\| now');
    expect(md).toContain(
      `### Pull request opened by the agent\n\n- **[acme/widgets#${WJ}7](https://github.com/acme/widgets/pull/7)** (branch \`oz/fix\`)`,
    );
    expect(md).toContain('<details><summary>Plan: The plan</summary>\n\n[Open the plan in Warp](https://app.warp.dev/drive/p1)');
    // The details: a real header row, then the facts, cost only here.
    const details = md.slice(md.indexOf('<details><summary>Run details</summary>'));
    expect(details).toContain('| Detail | Value |\n| --- | --- |\n| State | SUCCEEDED |');
    expect(details).toContain('| Session | [Open the agent session](https://app.warp.dev/session/abc) |');
    expect(details).toContain('| Duration | 3m 0s |');
    expect(details).toContain(`| Status message | Done, see @${WJ}team and https${WJ}://evil.example |`);
    expect(details).toContain('| Cost | 12 credits (inference 10, compute 2), about $0.25 |');
    expect(details).toContain('| Tokens | 1234 |');
    expect(details).toContain('- File: out/report.md (120 bytes)');
    expect(details).toContain(`- Link: \\[x\\]\\(https${WJ}://evil.example\\)`);
    expect(md.indexOf('Cost')).toBeGreaterThan(md.indexOf('<details><summary>Run details'));
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('javascript:');
    expect(md).not.toContain('### What to do next');
  });

  it("puts the agent's answer first, as sanitised Markdown, folded when long", () => {
    const answer =
      'Fixed the **race** in `auth.ts`. <img src=x onerror=alert(1)> cc @octocat [docs](https://docs.example) [bad](javascript:alert(1))';
    const md = renderSummary({ outcome: 'succeeded', run: succeeded, agentOutput: answer }, ACTION_WORDS);
    expect(md.indexOf('Fixed the **race**')).toBeLessThan(md.indexOf('### Pull request'));
    expect(md).toContain(
      'Fixed the **race** in `auth.ts`. &lt;img src=x onerror=alert(1)> cc @\u2060octocat [docs](https://docs.example/) [bad\\]',
    );
    const long = Array.from({ length: 60 }, (_, i) => `Line ${i}`).join('\n');
    const folded = renderSummary({ outcome: 'succeeded', run: succeeded, agentOutput: `Summary first.\n\n${long}` }, ACTION_WORDS);
    expect(folded).toContain("Summary first.\n\n<details><summary>The agent's full answer</summary>");
    expect(folded).toContain('Line 59\n\n</details>');
  });

  it('says why a failed run failed and what to do next, by error code', () => {
    const failed = (error_code: string, state = 'FAILED', retryable?: boolean) =>
      renderSummary(
        {
          outcome: 'failed',
          run: { run_id: 'r', state, status_message: { message: 'boom', error_code, ...(retryable !== undefined && { retryable }) } },
        },
        ACTION_WORDS,
      );
    expect(failed('insufficient_credits')).toContain(
      '### What to do next\n\n**Why:** boom (`insufficient_credits`)\n\nAdd credits to the Warp team',
    );
    expect(failed('environment_setup_failed')).toContain('Check the environment (`environment` input)');
    expect(failed('internal_error', 'ERROR', true)).toContain('This may be temporary: re-run the job.');
    expect(failed('internal_error', 'ERROR', true)).toContain('## ❌ Oz agent run failed with a platform error');
    const blocked = renderSummary(
      {
        outcome: 'failed',
        run: { run_id: 'r', state: 'BLOCKED', session_link: 'https://app.warp.dev/session/b' },
      },
      ACTION_WORDS,
    );
    expect(blocked).toContain('A person must act: open the agent session');
    expect(blocked).toContain('[Open the agent session](https://app.warp.dev/session/b)');
  });

  it('reports a timeout with its note even when the run was never read', () => {
    const md = renderSummary(
      {
        outcome: 'timeout',
        runId: 'r-7',
        note: 'The run did not end within timeout_minutes (1), so the run was cancelled.',
        elapsedMs: 61_000,
      },
      ACTION_WORDS,
    );
    expect(md).toContain('## ⏱️ Oz agent run timed out');
    expect(md).toContain('timeout\\_minutes \\(1\\), so the run was cancelled.');
    expect(md).toContain('Raise `timeout_minutes`');
    expect(md).toContain('| Run ID | `r-7` |');
    expect(md).toContain('| Duration | 1m 1s |');
  });

  it("says a stopped run in each front end's words: the workflow's for the action, the command's for the CLI", () => {
    const report = { outcome: 'cancelled' as const, run: { run_id: 'r', state: 'CANCELLED' } };
    const action = renderSummary(report, ACTION_WORDS);
    expect(action).toContain('## 🚫 Oz agent run cancelled with the workflow');
    expect(action).toContain('The run was cancelled (in Warp, through the API, or by this workflow); re-run the job to try again.');
    const cli = renderSummary(report, CLI_WORDS);
    expect(cli).toContain('## 🚫 Oz agent run stopped: the command was interrupted');
    expect(cli).toContain('The run was cancelled (in Warp, through the API, or by this command); run the command once more to try again.');
    expect(cli).not.toMatch(/workflow|job/);
  });

  it('has no link to the pull request a comment is on', () => {
    const self = { ...succeeded, artifacts: [{ artifact_type: 'PULL_REQUEST', data: { url: 'https://github.com/acme/widgets/pull/7' } }] };
    const report = { outcome: 'succeeded' as const, run: self, pullRequest: { number: 7, url: 'https://github.com/acme/widgets/pull/7' } };
    expect(renderSummary(report, { ...ACTION_WORDS, comment: true })).not.toContain('](https://github.com/acme/widgets/pull/7)');
    expect(renderSummary(report, ACTION_WORDS)).toContain('](https://github.com/acme/widgets/pull/7)');
  });
});

describe("a follow-up's report", () => {
  const earlierPr = { artifact_type: 'PULL_REQUEST', data: { url: 'https://github.com/acme/widgets/pull/42', branch: 'oz/fix' } };
  const earlierFile = { artifact_type: 'FILE', data: { artifact_uid: 'f1', filepath: 'out/old.txt' } };
  const newFile = { artifact_type: 'FILE', data: { artifact_uid: 'f2', filepath: 'out/new.txt' } };
  const run: RunItem = { run_id: 'r1', state: 'SUCCEEDED', artifacts: [earlierPr, earlierFile, newFile] };
  const report = {
    outcome: 'succeeded' as const,
    run,
    followedUp: true,
    artifacts: [newFile],
    earlierArtifacts: [earlierPr, earlierFile],
  };

  it('sets the pull request and artifacts outputs from its own artifacts only; the run output stays whole', () => {
    const outputs = runOutputs(run, 'r1', undefined, reportArtifacts(report));
    expect(outputs.pull_request_url).toBe('');
    expect(JSON.parse(outputs.artifacts)).toEqual([newFile]);
    expect((JSON.parse(outputs.run) as RunItem).artifacts).toHaveLength(3);
  });

  it("lists its own artifacts, and names the earlier turns' as theirs, not as opened by the agent now", () => {
    const md = renderSummary(report, ACTION_WORDS);
    expect(md).not.toContain('Pull request opened by the agent');
    expect(md).toContain('- File: out/new.txt');
    expect(md).not.toContain('out/old.txt');
    expect(md).toContain(
      `**Earlier turns:** the run also holds 2 artifacts from before this follow-up (pull request [acme/widgets#${WJ}42](https://github.com/acme/widgets/pull/42)). They are not listed here as this follow-up's; a pull request it only pushed to is among them.`,
    );
    expect(micromarkHtml(md)).toContain('<strong>Earlier turns:</strong>');
  });

  it('shows a pull request the follow-up opened as opened by the agent', () => {
    const opened = { artifact_type: 'PULL_REQUEST', data: { url: 'https://github.com/acme/widgets/pull/43' } };
    const md = renderSummary({ ...report, artifacts: [opened] }, ACTION_WORDS);
    expect(md).toContain(`### Pull request opened by the agent\n\n- **[acme/widgets#${WJ}43](https://github.com/acme/widgets/pull/43)**`);
    expect(runOutputs(run, 'r1', undefined, [opened]).pull_request_url).toBe('https://github.com/acme/widgets/pull/43');
  });

  it('says nothing of earlier turns for a new run', () => {
    expect(renderSummary({ outcome: 'succeeded', run }, ACTION_WORDS)).not.toContain('Earlier turns');
    expect(renderSummary({ outcome: 'succeeded', run }, ACTION_WORDS)).toContain('Pull request opened by the agent');
  });
});

describe('sanitizeMarkdown', () => {
  it('keeps Markdown and code as they are, and takes out HTML, mentions and non-http(s) links', () => {
    const text = [
      '## Done',
      '- fixed `a<b>` and @alice',
      '```html',
      '<script>alert(1)</script> @bob',
      '```',
      '[x]: javascript:alert(1)',
      '![pic](data:image/png;base64,AAAA) ![ok](https://img.example/a.png)',
      '</details><details open>',
      '```',
      'unclosed',
    ].join('\n');
    const out = sanitizeMarkdown(text);
    expect(out).toBe(
      [
        '## Done',
        '- fixed `a<b>` and @\u2060alice',
        '```html',
        '<script>alert(1)</script> @bob',
        '```',
        '![pic\\] ![ok](https://img.example/a.png)',
        '&lt;/details>&lt;details open>',
        '```',
        'unclosed',
        '```',
      ].join('\n'),
    );
  });
});

describe('renderSummary: fields of the API of today', () => {
  it("takes the duration from finished_at when there is no run_time, shows a pull request's status, and a harness's tokens", () => {
    const { run_time: _runTime, ...withoutRunTime } = succeeded;
    const run: RunItem = {
      ...withoutRunTime,
      started_at: '2026-12-01T10:00:00Z',
      finished_at: '2026-12-01T10:04:05Z',
      artifacts: [
        { artifact_type: 'PULL_REQUEST', data: { url: 'https://github.com/acme/widgets/pull/7', branch: 'oz/fix', status: 'merged' } },
      ],
      request_usage: { inference_cost: 10 },
    };
    const md = renderSummary({ outcome: 'succeeded', run, harnessTokens: 4321 }, ACTION_WORDS);
    expect(md).toContain('| Duration | 4m 5s |');
    expect(md).toContain(`(merged, branch \`oz/fix\`)`);
    expect(md).toContain('| Tokens | 4321 (as the harness counts them) |');
    const odd = {
      ...run,
      artifacts: [{ artifact_type: 'PULL_REQUEST', data: { url: 'https://github.com/a/b/pull/1', status: '<b>x</b>' } }],
    };
    expect(renderSummary({ outcome: 'succeeded', run: odd }, ACTION_WORDS)).not.toContain('<b>x</b>');
  });

  it.each(['agent_stream_network_error', 'agent_stream_failure'])('advises a retry for %s', (code) => {
    const run: RunItem = { run_id: 'r', state: 'ERROR', status_message: { message: 'stream lost', error_code: code } };
    expect(renderSummary({ outcome: 'failed', run }, ACTION_WORDS)).toContain(
      "The connection to the agent's stream failed on Warp's side, which is usually transient: re-run the job",
    );
  });
});
