import { describe, expect, it } from 'vitest';
import { commentBody, reviewBody, reviewOutputs, type ReviewComment } from '../../src/review/text.ts';
import { MAX_COMMENT_CHARS } from '../../src/report/limits.ts';

const parts = (listed: { comment: ReviewComment; why: 'outside-diff' | 'over-limit' }[], summary = 'Fine.') => ({
  verdict: 'comment' as const,
  summary,
  marker: '<!-- oz-agent-action review commit=abc1234 -->',
  commit: 'abc1234',
  listed,
  repeated: 0,
  maxInline: 30,
  links: [],
});

describe('commentBody', () => {
  it('makes a suggestion a ```suggestion block that no backticks in it can close', () => {
    expect(commentBody({ path: 'a', line: 1, body: 'Use this.', suggestion: 'const x = 1;\n' })).toBe(
      'Use this.\n\n```suggestion\nconst x = 1;\n```',
    );
    const body = commentBody({ path: 'a', line: 1, body: 'Quote it.', suggestion: 'text = "```js"' });
    expect(body).toBe('Quote it.\n\n````suggestion\ntext = "```js"\n````');
  });

  it("sanitises the agent's Markdown as the summary is: no raw HTML, no live mentions", () => {
    const body = commentBody({ path: 'a', line: 1, body: '<img src=x onerror=alert(1)> ping @octocat' });
    expect(body).not.toContain('<img');
    expect(body).not.toContain(' @octocat');
  });
});

describe('reviewBody', () => {
  it('lists comments with path:line, those outside the diff first, and a suggestion as plain code', () => {
    const body = reviewBody(
      parts([
        { comment: { path: 'b.ts', line: 9, body: 'Later.' }, why: 'over-limit' },
        { comment: { path: 'a.ts', line: 3, start_line: 1, side: 'LEFT', body: 'Two\nlines.', suggestion: 'x' }, why: 'outside-diff' },
      ]),
    );
    expect(body).toContain('- `a.ts:1-3` (old): Two\n  lines.\n  \n  Suggested:\n  \n  ```\n  x\n  ```');
    expect(body.indexOf('a.ts:1-3')).toBeLessThan(body.indexOf('b.ts:9'));
    expect(body).toContain('**More comments** (at most 30 go on their lines):');
  });

  it("stays within GitHub's 65,536 characters however many long comments there are, and counts the rest", () => {
    const long = 'word '.repeat(3000);
    const listed = Array.from({ length: 100 }, (_, i) => ({
      comment: { path: `f${i}.ts`, line: i + 1, body: long },
      why: 'outside-diff' as const,
    }));
    const body = reviewBody(parts(listed, long.repeat(5)));
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toMatch(/- and \d+ more, in the job summary of the workflow run/);
  });
});

describe('reviewOutputs', () => {
  it('is empty without a review', () => {
    expect(reviewOutputs(undefined)).toEqual({ review_url: '', review_comments: '0', verdict: '', dismissed_reviews: '0' });
  });
});
