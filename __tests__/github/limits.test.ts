/**
 * GitHub's limit for a comment or review body (65,536 characters), from one place (report/limits.ts):
 * the GitHub double holds comments, reviews and review comments to it as GitHub does, and the
 * review's bodies are fitted to it, however much escaping makes the agent's text grow.
 */
import { describe, expect, it } from 'vitest';
import { MAX_COMMENT_CHARS } from '../../src/report/limits.ts';
import { commentBody, reviewBody } from '../../src/review/text.ts';
import { useGitHubDouble } from '../helpers/github-double.ts';

const github = useGitHubDouble((github) => {
  github.pullFiles = { 7: [{ filename: 'a.ts', patch: '@@ -1,1 +1,2 @@\n one\n+two' }] };
});

async function post(path: string, body: unknown): Promise<number> {
  const response = await fetch(`${github.url}/repos/acme/widgets${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.body?.cancel();
  return response.status;
}

describe("the GitHub double's limit", () => {
  it('takes a comment body of exactly 65,536 characters and refuses one more', async () => {
    expect(MAX_COMMENT_CHARS).toBe(65_536);
    expect(await post('/issues/7/comments', { body: 'x'.repeat(MAX_COMMENT_CHARS) })).toBe(201);
    expect(await post('/issues/7/comments', { body: 'x'.repeat(MAX_COMMENT_CHARS + 1) })).toBe(422);
    expect(github.refused).toEqual(['body 65537']);
  });

  it('holds a review body and each review comment body to the same limit', async () => {
    const review = (body: number, comment: number) => ({
      commit_id: 'c'.repeat(40),
      event: 'COMMENT',
      body: 'x'.repeat(body),
      comments: [{ path: 'a.ts', line: 2, side: 'RIGHT', body: 'y'.repeat(comment) }],
    });
    expect(await post('/pulls/7/reviews', review(MAX_COMMENT_CHARS, MAX_COMMENT_CHARS))).toBe(200);
    expect(await post('/pulls/7/reviews', review(MAX_COMMENT_CHARS + 1, 10))).toBe(422);
    expect(await post('/pulls/7/reviews', review(10, MAX_COMMENT_CHARS + 1))).toBe(422);
    expect(github.refused).toEqual(['body 65537', 'comments[0].body 65537']);
    expect(github.reviews).toHaveLength(1);
  });
});

describe("the review's bodies", () => {
  // `<` is escaped to `&lt;`: 16,000 of them, the most the agent's text keeps, become 64,000 characters.
  const wide = '<'.repeat(16_000);

  it('fits an inline comment with a long suggestion whose text escaping makes four times longer', () => {
    const body = commentBody({ path: 'a.ts', line: 2, body: wide, suggestion: 's'.repeat(16_000) });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toMatch(/^(&lt;)+ … \(shortened\)\n\n```suggestion\n/);
    expect(body).toMatch(/\n```suggestion\ns{16000}\n```$/);
  });

  it("fits the body with a long summary and long listed comments, using GitHub's room, not less", () => {
    const listed = Array.from({ length: 20 }, (_, i) => ({
      comment: { path: `f${i}.ts`, line: 1, body: wide },
      why: 'outside-diff' as const,
    }));
    const body = reviewBody({
      verdict: 'comment',
      summary: `${wide}${wide}`,
      marker: '<!-- oz-agent-action review commit=c -->',
      commit: 'c'.repeat(40),
      listed,
      repeated: 0,
      maxInline: 30,
      links: [{ label: 'Workflow run', url: 'https://github.com/acme/widgets/actions/runs/1' }],
    });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toContain('[Workflow run](https://github.com/acme/widgets/actions/runs/1)');
  });
});
