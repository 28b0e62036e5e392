import { describe, expect, it } from 'vitest';
import { escapeMarkdown, safeLink, safeUrl } from '../../src/report/markdown.ts';
import { formatDuration, formatIsoDuration, renderSummary, runOutputs } from '../../src/report/summary.ts';
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
    expect(JSON.parse(outputs.artifacts!)).toHaveLength(4);
    expect((JSON.parse(outputs.run!) as RunItem).run_id).toBe('run-1');
  });

  it('sets the run id and empty values when the run was never read', () => {
    expect(runOutputs(undefined, 'run-2')).toMatchObject({ run_id: 'run-2', state: '', artifacts: '[]', run: '' });
  });
});

describe('renderSummary', () => {
  it('shows the outcome, link, duration, artifacts and usage, with API text escaped', () => {
    const md = renderSummary({ outcome: 'succeeded', run: succeeded, workflowRunUrl: 'https://github.com/acme/widgets/actions/runs/1' });
    expect(md).toContain('## ✅ Oz agent run succeeded');
    expect(md).toContain('**Fix &lt;b&gt;login&lt;/b&gt; \\| now**');
    expect(md).toContain('| Session | [Open the agent session](https://app.warp.dev/session/abc) |');
    expect(md).toContain('| Duration | 3m 0s |');
    expect(md).toContain(`| Status message | Done, see @${WJ}team and https${WJ}://evil.example |`);
    expect(md).toContain('| Cost | 12 credits (inference 10, compute 2), about $0.25 |');
    expect(md).toContain('| Tokens | 1234 |');
    expect(md).toContain(`- Pull request: [acme/widgets#${WJ}7](https://github.com/acme/widgets/pull/7) (branch oz/fix)`);
    expect(md).toContain('- Plan: [The plan](https://app.warp.dev/drive/p1)');
    expect(md).toContain('- File: out/report.md (120 bytes)');
    expect(md).toContain(`- Link: \\[x\\]\\(https${WJ}://evil.example\\)`);
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('javascript:');
  });

  it('says why a failed run failed and whether to retry', () => {
    const md = renderSummary({
      outcome: 'failed',
      run: { run_id: 'r', state: 'ERROR', status_message: { message: 'boom', error_code: 'internal_error', retryable: true } },
    });
    expect(md).toContain('## ❌ Oz agent run failed with a platform error');
    expect(md).toContain('| State | ERROR |');
    expect(md).toContain('| Error code | internal\\_error |');
    expect(md).toContain('| Retryable | yes: a new run may succeed |');
  });

  it('reports a timeout with its note even when the run was never read', () => {
    const md = renderSummary({
      outcome: 'timeout',
      runId: 'r-7',
      note: 'The run did not end within timeout_minutes (1), so the run was cancelled.',
      elapsedMs: 61_000,
    });
    expect(md).toContain('## ⏱️ Oz agent run timed out');
    expect(md).toContain('timeout\\_minutes \\(1\\), so the run was cancelled.');
    expect(md).toContain('| Run ID | r-7 |');
    expect(md).toContain('| Duration | 1m 1s |');
  });
});
