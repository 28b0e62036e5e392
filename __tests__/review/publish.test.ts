/**
 * postReview against a GitHub in memory that refuses reviews as GitHub does: 422 for an event it will
 * not take (approving from Actions, either verdict on one's own pull request) or a line off the diff,
 * with the same bare "Unprocessable Entity" for both, and 403/404 for a token without permission.
 */
import { describe, expect, it } from 'vitest';
import { postReview, type ReviewPlan } from '../../src/review/publish.ts';
import type { Review } from '../../src/review/text.ts';
import { GitHubApiError, type GitHubApi, type NewReview } from '../../src/github/types.ts';
import { fakeGitHub } from '../helpers/github-fake.ts';

const HEAD = 'c'.repeat(40);

interface Refusals {
  events?: NewReview['event'][];
  /** Lines GitHub cannot resolve, as `path:line`. */
  lines?: string[];
  status?: number;
}

/** A GitHub whose create-review refuses as told, recording every review it was asked to create. */
function github(refusals: Refusals = {}): { api: GitHubApi; tried: NewReview[] } {
  const tried: NewReview[] = [];
  const refuse = (status: number) => new GitHubApiError('create pull request review', status, 'Unprocessable Entity');
  const api: GitHubApi = {
    ...fakeGitHub(),
    pullRequest: () =>
      Promise.resolve({
        headSha: HEAD,
        baseSha: 'b'.repeat(40),
        url: 'https://github.com/acme/widgets/pull/7',
        headRef: 'feature',
        baseRef: 'main',
        headRepository: 'acme/widgets',
        baseRepository: 'acme/widgets',
      }),
    reviewComments: () => Promise.resolve([]),
    createReview: (_number, review) => {
      tried.push(review);
      if (refusals.status !== undefined) return Promise.reject(refuse(refusals.status));
      if (review.comments.some((c) => refusals.lines?.includes(`${c.path}:${c.line}`))) return Promise.reject(refuse(422));
      if (refusals.events?.includes(review.event)) return Promise.reject(refuse(422));
      return Promise.resolve({ id: 99, url: 'https://github.com/acme/widgets/pull/7#pullrequestreview-99' });
    },
  };
  return { api, tried };
}

// No diff: GitHub alone decides which lines it takes.
const PLAN: ReviewPlan = { target: { number: 7, headSha: HEAD, files: [] }, unread: [], readDenied: false };

const review = (verdict: Review['verdict'], lines: number[]): Review => ({
  verdict,
  summary: 'Summary.',
  comments: lines.map((line) => ({ path: 'src/a.ts', line, body: `On line ${line}.` })),
});

function post(api: GitHubApi, r: Review) {
  const warnings: string[] = [];
  const report = postReview(api, PLAN, r, { approve: true, redact: (t) => t, warn: (w) => warnings.push(w), links: [] });
  return report.then((posted) => ({ report: posted, warnings }));
}

describe('postReview when GitHub refuses the review (422 says nothing of why)', () => {
  it('posts a verdict GitHub refuses (approving its own pull request) as a comment, the comments still on their lines', async () => {
    const { api, tried } = github({ events: ['APPROVE', 'REQUEST_CHANGES'] });
    const { report, warnings } = await post(api, review('approve', [3, 4]));
    expect(tried.map((t) => [t.event, t.comments.length])).toEqual([
      ['APPROVE', 2],
      ['COMMENT', 2],
    ]);
    expect(report).toMatchObject({ id: 99, inline: 2, listed: 0 });
    expect(report.note).toBe(
      'GitHub refused to post the review as APPROVE (GitHub API create pull request review failed with 422: Unprocessable Entity), so it is posted as a comment.',
    );
    expect(warnings).toEqual([report.note]);
  });

  it('keeps the verdict and lists every comment in the body when GitHub refuses a line', async () => {
    const { api, tried } = github({ lines: ['src/a.ts:40'] });
    const { report, warnings } = await post(api, review('request_changes', [3, 40]));
    expect(tried.map((t) => [t.event, t.comments.length])).toEqual([
      ['REQUEST_CHANGES', 2],
      ['COMMENT', 2],
      ['REQUEST_CHANGES', 0],
    ]);
    expect(tried.at(-1)!.body).toContain('- `src/a.ts:3`: On line 3.');
    expect(tried.at(-1)!.body).toContain('- `src/a.ts:40`: On line 40.');
    expect(report).toMatchObject({ id: 99, inline: 0, listed: 2 });
    expect(report.note).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('posts a comment with every comment in the body when GitHub refuses both the verdict and a line', async () => {
    const { api, tried } = github({ events: ['REQUEST_CHANGES'], lines: ['src/a.ts:40'] });
    const { report, warnings } = await post(api, review('request_changes', [3, 40]));
    expect(tried.map((t) => [t.event, t.comments.length])).toEqual([
      ['REQUEST_CHANGES', 2],
      ['COMMENT', 2],
      ['REQUEST_CHANGES', 0],
      ['COMMENT', 0],
    ]);
    expect(report).toMatchObject({ id: 99, inline: 0, listed: 2 });
    expect(report.note).toMatch(/^GitHub refused to post the review as REQUEST_CHANGES \(.*\), so it is posted as a comment\.$/);
    expect(warnings).toEqual([report.note]);
  });

  it('posts a refused verdict without comments as a comment', async () => {
    const { api, tried } = github({ events: ['APPROVE'] });
    const { report } = await post(api, review('approve', []));
    expect(tried.map((t) => t.event)).toEqual(['APPROVE', 'COMMENT']);
    expect(report).toMatchObject({ id: 99, inline: 0, listed: 0 });
    expect(report.note).toContain('as APPROVE');
  });

  it('lists the comments of a comment review in the body when GitHub refuses a line', async () => {
    const { api, tried } = github({ lines: ['src/a.ts:40'] });
    const { report } = await post(api, review('comment', [40]));
    expect(tried.map((t) => [t.event, t.comments.length])).toEqual([
      ['COMMENT', 1],
      ['COMMENT', 0],
    ]);
    expect(report).toMatchObject({ id: 99, inline: 0, listed: 1 });
    expect(report.note).toBeUndefined();
  });

  it('gives up, in one warning, when GitHub refuses even a comment with everything in the body', async () => {
    const { api, tried } = github({ events: ['COMMENT', 'APPROVE'] });
    const { report, warnings } = await post(api, review('approve', [3]));
    expect(tried).toHaveLength(4);
    expect(report.id).toBeUndefined();
    expect(report.problem).toBe(
      'The review could not be posted (GitHub API create pull request review failed with 422: Unprocessable Entity); it is in the job summary.',
    );
    expect(report).toMatchObject({ inline: 0, listed: 1 });
    expect(warnings).toEqual([report.problem]);
  });

  it.each([403, 404])('names the permission, and tries nothing else, on %i', async (status) => {
    const { api, tried } = github({ status });
    const { report, warnings } = await post(api, review('request_changes', [3]));
    expect(tried).toHaveLength(1);
    expect(report.denied).toBe(true);
    expect(report.problem).toContain('the token lacks `pull-requests: write`');
    expect(warnings).toEqual([report.problem]);
  });
});
