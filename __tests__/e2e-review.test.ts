/**
 * Pull request reviews (`review`), end to end on the committed dist/: the Oz simulator plays the
 * agent that answers with a review, and the GitHub double plays the pull request, its files and
 * reviews, refusing a comment off the diff (422) and a token without permission (403) as GitHub does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();

const HEAD = 'c'.repeat(40);
const BASE = 'b'.repeat(40);
// New lines 10-14 of src/auth.ts are on the diff (11 and 12 added); old line 11 was removed.
const AUTH_PATCH = [
  '@@ -10,4 +10,5 @@ export async function login() {',
  '   const session = await start();',
  '-  await wait(100);',
  '+  await session.ready();',
  "+  if (!session.ok) throw new Error('no session');",
  '   return session;',
  ' }',
].join('\n');

const github = useGitHubDouble((github) => {
  github.pullHeads = { 7: HEAD };
  github.pullFiles = { 7: [{ filename: 'src/auth.ts', patch: AUTH_PATCH }, { filename: 'docs/logo.png' }] };
});

const SUGGESTION = "  if (!session.ok) throw new Error('no session', { cause: session.error });";

const REVIEW = {
  verdict: 'request_changes',
  summary: 'The login race is fixed, but the error loses its cause.',
  comments: [
    { path: 'src/auth.ts', line: 12, body: 'The cause of the failure is lost here.', suggestion: SUGGESTION },
    { path: 'src/auth.ts', line: 11, start_line: 10, body: 'These two lines could be one call.' },
    { path: 'src/auth.ts', line: 11, side: 'LEFT', body: 'Good riddance to the fixed wait.' },
    { path: 'README.md', line: 40, body: 'Document the new error in the README.' },
  ],
};

/** The step on a pull_request event for #7, the agent answering with `review`. */
function reviewStep(review: unknown = REVIEW, inputs: Record<string, string> = {}) {
  sim.answers.set('review', `Here is my review.\n\n\`\`\`json\n${JSON.stringify(review)}\n\`\`\``);
  return runStep({
    inputs: {
      warp_api_key: 'wk-review',
      api_base_url: sim.url,
      github_token: 'ghs-review',
      prompt: 'Review this pull request.',
      title: 'Review of #7',
      review: 'true',
      metadata: 'sim_answer_named=review',
      poll_interval_seconds: '0.05',
      max_poll_interval_seconds: '0.2',
      ...inputs,
    },
    env: github.pullRequestEvent(),
  });
}

function prompt(index = 0): string {
  return (sim.apiRequests('POST', '/agent/runs')[index]!.body as { prompt: string }).prompt;
}

describe('review', () => {
  it('posts one review on the head commit: comments on their lines, a suggestion, a comment off the diff in the body', async () => {
    const main = await reviewStep();
    expect(main.code).toBe(0);
    expect(prompt()).toMatch(
      /^Review this pull request\.\n\n---\nReview pull request #7 \(https:\/\/github.com\/acme\/widgets\/pull\/7\)\./,
    );
    expect(prompt()).toContain(`Its head commit is ${HEAD} and its base commit is ${BASE}`);
    expect(prompt()).toContain('Changed files:\n- src/auth.ts\n- docs/logo.png');
    expect(prompt()).toContain('"request_changes"');

    expect(github.reviews).toHaveLength(1);
    const [review] = github.reviews;
    expect(review).toMatchObject({ event: 'REQUEST_CHANGES', commit_id: HEAD, user: 'github-actions[bot]' });
    expect(review!.comments).toEqual([
      {
        path: 'src/auth.ts',
        line: 12,
        side: 'RIGHT',
        body: `The cause of the failure is lost here.\n\n\`\`\`suggestion\n${SUGGESTION}\n\`\`\``,
      },
      { path: 'src/auth.ts', line: 11, side: 'RIGHT', start_line: 10, start_side: 'RIGHT', body: 'These two lines could be one call.' },
      { path: 'src/auth.ts', line: 11, side: 'LEFT', body: 'Good riddance to the fixed wait.' },
    ]);
    // The marker names the commit, and the workflow and job that reviewed (hashed).
    expect(review!.body).toMatch(new RegExp(`^<!-- oz-agent-action review commit=${HEAD} source=[0-9a-f]{12} -->\n`));
    expect(review!.body).toContain('**✋ The Oz agent requests changes**\n\nThe login race is fixed, but the error loses its cause.');
    expect(review!.body).toContain('**On lines outside the diff**');
    expect(review!.body).toContain('- `README.md:40`: Document the new error in the README.');
    expect(review!.body).toMatch(
      /in the README\.\n\n\[Open the agent session\]\(http:\/\/127\.0\.0\.1:\d+\/session\/[^)]+\) · \[Workflow run\]/,
    );

    expect(main.outputs).toMatchObject({ verdict: 'request_changes', review_comments: '3' });
    expect(main.outputs.review_url).toBe(`https://github.com/acme/widgets/pull/7#pullrequestreview-${github.reviews[0]!.id}`);
    expect(JSON.parse(main.outputs.structured_output!)).toEqual(REVIEW);
    expect(main.summary).toContain('### Review');
    expect(main.summary).toContain('3 comments on lines, 1 in its body');
  });

  it('completes the check as a failure when the agent requests changes', async () => {
    const main = await reviewStep(REVIEW, { check_name: 'Oz review' });
    expect(main.code).toBe(0);
    const [check] = [...github.checkRuns.values()];
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(check!.output?.title).toBe('The agent requested changes');
  });

  it('posts approve as a comment, unless review_approve is true; a comment verdict passes the check', async () => {
    const approve = { verdict: 'approve', summary: 'Looks good.', comments: [] };
    await reviewStep(approve, { check_name: 'Oz review' });
    expect(github.reviews.map((r) => r.event)).toEqual(['COMMENT']);
    expect([...github.checkRuns.values()][0]!.conclusion).toBe('success');
    const main = await reviewStep(approve, { review_approve: 'true' });
    expect(github.reviews.map((r) => r.event)).toEqual(['COMMENT', 'APPROVE']);
    expect(main.outputs).toMatchObject({ verdict: 'approve', review_comments: '0' });
  });

  it('posts as a comment, and says why, when GitHub refuses the verdict (approving without the repository setting)', async () => {
    github.refusedEvents.add('APPROVE');
    const main = await reviewStep(
      { verdict: 'approve', summary: 'Looks good.', comments: [REVIEW.comments[0]] },
      { review_approve: 'true' },
    );
    expect(main.code).toBe(0);
    expect(github.reviews.map((r) => r.event)).toEqual(['COMMENT']);
    expect(github.reviews[0]!.comments).toHaveLength(1);
    expect(main.log).toMatch(/::warning::GitHub refused to post the review as APPROVE \(.*\), so it is posted as a comment\./);
    expect(main.summary).toContain('so it is posted as a comment');
    expect(main.outputs).toMatchObject({ verdict: 'approve', review_comments: '1' });
  });

  it('re-reviews: names the commit reviewed before, and does not post the same comment on the same line again', async () => {
    await reviewStep();
    const first = github.reviews[0]!;
    const moved = 'd'.repeat(40);
    github.pullHeads = { 7: moved };
    // Someone else pasting the marker of a later commit is not the action's review.
    github.addReview({
      pull: 7,
      user: 'mallory',
      body: `<!-- oz-agent-action review commit=${'e'.repeat(40)} -->`,
      event: 'COMMENT',
      commit_id: moved,
      comments: [],
    });

    const again = { ...REVIEW, comments: [REVIEW.comments[0], { path: 'src/auth.ts', line: 13, body: 'A new remark.' }] };
    const main = await reviewStep(again);
    expect(main.code).toBe(0);
    expect(prompt(1)).toContain(
      `You reviewed this pull request before, at commit ${HEAD}. Focus on the changes since then (git diff ${HEAD} ${moved})`,
    );
    const second = github.reviews.at(-1)!;
    expect(second).not.toBe(first);
    expect(second.commit_id).toBe(moved);
    expect(second.comments.map((c) => c.body)).toEqual(['A new remark.']);
    expect(second.body).toContain('1 comment was already made in an earlier review and not repeated.');
    expect(main.outputs.review_comments).toBe('1');
  });

  it("names the commit it reviewed in the summary's details, and the event's head beside it when that is another", async () => {
    // The event says the head is aaaa…; the pull request's head, read when the run starts, is cccc…
    const main = await reviewStep();
    expect(main.code).toBe(0);
    expect(github.reviews[0]!.commit_id).toBe(HEAD);
    for (const text of [main.summary, [...github.comments.values()][0]!.body]) {
      expect(text).toContain(`| Commit reviewed | \`${HEAD.slice(0, 12)}\` |`);
      expect(text).toContain(`| The event's head commit | \`${'a'.repeat(12)}\` |`);
      expect(text).not.toContain('| Head commit |');
    }
  });

  it('posts on the commit reviewed when the head moved during the run, and says so', async () => {
    const later = '9'.repeat(40);
    github.pullHeadSequence = { 7: [HEAD, later] };
    const main = await reviewStep();
    expect(main.code).toBe(0);
    expect(github.reviews[0]!.commit_id).toBe(HEAD);
    expect(github.reviews[0]!.body).toContain(`the pull request's head moved to \`${later.slice(0, 12)}\` while the agent worked`);
    expect(main.log).toContain(
      `::notice::The pull request's head moved to ${later} while the agent worked: the review is posted on ${HEAD}`,
    );
    expect(main.summary).toContain(`The pull request's head moved to \`${later.slice(0, 12)}\``);
  });

  it('without pull-requests: write, warns once naming the permission; the summary holds the review and the step passes', async () => {
    // Without the permission the reads may be refused too: still one warning.
    github.denied.add('reviews');
    github.denied.add('files');
    const main = await reviewStep();
    expect(main.code).toBe(0);
    const warnings = main.log.split('\n').filter((l) => l.startsWith('::warning::'));
    expect(warnings).toEqual([expect.stringContaining('the token lacks `pull-requests: write`')]);
    expect(main.outputs).toMatchObject({ verdict: 'request_changes', review_url: '', review_comments: '0' });
    expect(main.summary).toContain('The login race is fixed, but the error loses its cause.');
    expect(main.summary).toContain('`README.md:40`: Document the new error in the README.');
  });

  it('moves every comment to the body when GitHub refuses a line, rather than lose the review', async () => {
    // The files cannot be read: the action cannot tell the diff, so GitHub's 422 on README.md:40 decides.
    github.denied.add('files');
    const main = await reviewStep();
    expect(main.code).toBe(0);
    expect(main.log).toMatch(
      /::warning::Could not read pull request #7: its files \(GitHub API list pull request files failed with 403: [^)]*\)\. .*Add `pull-requests: read`/,
    );
    expect(github.reviews).toHaveLength(1);
    expect(github.reviews[0]!.comments).toEqual([]);
    expect(github.reviews[0]!.body).toContain('- `src/auth.ts:12`: The cause of the failure is lost here.');
    expect(github.reviews[0]!.body).toContain('- `README.md:40`: Document the new error in the README.');
    expect(main.outputs.review_comments).toBe('0');
  });

  it('puts at most 30 comments on their lines and lists the rest in the body, every body sanitised and within 65,536 characters', async () => {
    const comments = Array.from({ length: 35 }, (_, i) => ({
      path: 'src/auth.ts',
      line: 12,
      body: `Remark ${i} for @octocat <img src=x onerror=alert(1)>`,
    }));
    const main = await reviewStep({ verdict: 'comment', summary: `Long. ${'word '.repeat(20_000)}`, comments });
    expect(main.code).toBe(0);
    const [review] = github.reviews;
    expect(review!.comments).toHaveLength(30);
    expect(review!.body).toContain('**More comments** (at most 30 go on their lines):');
    expect(review!.body).toContain('- `src/auth.ts:12`: Remark 34 for');
    expect(review!.body.length).toBeLessThanOrEqual(65_536);
    for (const text of [review!.body, ...review!.comments.map((c) => c.body)]) {
      expect(text).not.toContain('<img');
      expect(text).not.toContain(' @octocat');
    }
    expect(main.outputs.review_comments).toBe('30');
  });

  it('fails the step, as output_schema does, when the answer holds no valid review', async () => {
    const main = await reviewStep({ verdict: 'lgtm', summary: 'ok', comments: [] });
    expect(main.code).toBe(1);
    expect(main.log).toContain('/verdict: must be equal to one of the allowed values');
    expect(github.reviews).toEqual([]);
    expect(main.outputs.verdict).toBe('');
  });

  it('refuses review with output_schema, before any request', async () => {
    const main = await reviewStep(REVIEW, { output_schema: '{"type": "object"}' });
    expect(main.code).toBe(1);
    expect(main.log).toContain('Set either output_schema or review, not both');
    expect(sim.requests).toEqual([]);
  });

  it('runs without a review off a pull request, and says so', async () => {
    const main = await runStep({
      inputs: { warp_api_key: 'wk-review', api_base_url: sim.url, prompt: 'Tidy up.', review: 'true', poll_interval_seconds: '0.05' },
      env: { GITHUB_EVENT_NAME: 'push' },
    });
    expect(main.code).toBe(0);
    expect(main.log).toContain('::notice::review is on, but the push event concerns no pull request');
    expect(prompt()).toBe('Tidy up.');
  });

  /** The step on an issue_comment event: octocat comments `body` on pull request #7. */
  function mention(body: string, id: number) {
    const event = join(mkdtempSync(join(tmpdir(), 'oz-review-event-')), 'event.json');
    writeFileSync(
      event,
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
    return runStep({
      inputs: {
        warp_api_key: 'wk-review',
        api_base_url: sim.url,
        github_token: 'ghs-review',
        trigger_phrase: '@oz',
        review: 'true',
        metadata: 'sim_answer_named=review',
        poll_interval_seconds: '0.05',
        max_poll_interval_seconds: '0.2',
      },
      env: { GITHUB_API_URL: github.url, GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: event },
    });
  }

  it('reviews again on a reply: the follow-up asks for a review of what the first one missed, and repeats nothing', async () => {
    github.permissions = { octocat: 'write' };
    sim.answers.set('review', `\`\`\`json\n${JSON.stringify(REVIEW)}\n\`\`\``);
    const later = { ...REVIEW, verdict: 'comment', comments: [REVIEW.comments[0], { path: 'src/auth.ts', line: 13, body: 'One more.' }] };
    sim.answers.set('review#1', `\`\`\`json\n${JSON.stringify(later)}\n\`\`\``);
    expect((await mention('@oz review this', 81)).code).toBe(0);
    const reply = await mention('@oz look again at the error path', 82);
    expect(reply.code).toBe(0);
    expect(reply.outputs).toMatchObject({ followed_up: 'true', verdict: 'comment', review_comments: '1' });
    const followup = (sim.apiRequests('POST', '/agent/runs/').find((r) => r.path.endsWith('/followups'))!.body as { message: string })
      .message;
    expect(followup).toContain('look again at the error path\n\n---\nReview pull request #7 ');
    expect(followup).toContain(`You reviewed this same head commit (${HEAD}) before`);
    expect(github.reviews).toHaveLength(2);
    expect(github.reviews[1]!.comments.map((c) => c.body)).toEqual(['One more.']);
  });

  it('reviews on a mention in a pull request: the request, then the review instruction with the head read from GitHub', async () => {
    github.permissions = { octocat: 'write' };
    sim.answers.set('review', `\`\`\`json\n${JSON.stringify(REVIEW)}\n\`\`\``);
    const main = await mention('@oz review the error handling', 77);
    expect(main.code).toBe(0);
    expect(prompt()).toMatch(
      /^@octocat asked you this on pull request #7 in acme\/widgets[^\n]*\nThe pull request's head branch is feature-7 and its base branch is main\.\n\nreview the error handling\n\n---\nReview pull request #7 /,
    );
    expect(prompt()).toContain(`Its head commit is ${HEAD}`);
    expect(github.reviews).toHaveLength(1);
    expect(github.reviews[0]!.commit_id).toBe(HEAD);
    const create = sim.apiRequests('POST', '/agent/runs')[0]!.body as { title: string };
    // The prompt's first line, cut between words within 80 characters.
    expect(create.title).toBe('@octocat asked you this on pull request #7 in acme/widgets, titled "Speed up…');
  });

  it("holds each body to GitHub's 65,536 characters, however much escaping makes the agent's text grow", async () => {
    // `<` is escaped to `&lt;`: 16,000 of them (the most kept of a comment) become 64,000 characters.
    const wide = '<'.repeat(16_000);
    const main = await reviewStep({
      verdict: 'comment',
      summary: wide,
      comments: [{ path: 'src/auth.ts', line: 12, body: wide, suggestion: 's'.repeat(16_000) }],
    });
    expect(main.code).toBe(0);
    expect(github.refused).toEqual([]);
    const [review] = github.reviews;
    // On its line, not moved into the body after a refusal.
    expect(review!.comments).toHaveLength(1);
    expect(review!.comments[0]!.body.length).toBeLessThanOrEqual(65_536);
    expect(review!.comments[0]!.body).toMatch(/```suggestion\ns{16000}\n```$/);
    expect(review!.body.length).toBeLessThanOrEqual(65_536);
    expect(main.outputs.review_comments).toBe('1');
  });
});
