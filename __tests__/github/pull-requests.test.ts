/** The main and post steps on pull request, issue and comment events, with the GitHub API mocked by nock. */
import nock from 'nock';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runMain, type MainOptions } from '../../src/action/main-step.ts';
import * as core from '@actions/core';
import { readEvent } from '../../src/github/event.ts';
import { commentMarker } from '../../src/github/feedback.ts';
import { parseInputs } from '../../src/settings/inputs.ts';
import { runPost } from '../../src/action/post-step.ts';
import { decideTrigger } from '../../src/threads/triggers.ts';
import { isolateSteps, noConversation } from '../helpers/nock.ts';
import { stepInProcess } from '../helpers/step.ts';

const OZ = 'https://oz.test/api/v1';
const GH = 'https://api.github.com';
const REPO = '/repos/acme/widgets';
const FAST: MainOptions = { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 }, artifactGraceMs: 1, random: () => 0.5 };
const { unmatched } = isolateSteps();
beforeEach(() => noConversation(OZ));

const pullRequest = {
  number: 7,
  html_url: 'https://github.com/acme/widgets/pull/7',
  head: { sha: 'headsha1234567890', repo: { full_name: 'acme/widgets' } },
  base: { repo: { full_name: 'acme/widgets' } },
};
const EVENTS = {
  pull_request: { action: 'opened', pull_request: pullRequest, sender: { login: 'octocat', type: 'User' } },
  fork_pull_request: {
    action: 'opened',
    pull_request: { ...pullRequest, head: { sha: 'forksha', repo: { full_name: 'stranger/widgets' } } },
    sender: { login: 'stranger', type: 'User' },
  },
  issue_comment: (login: string, type = 'User', body = '@oz please fix this') => ({
    action: 'created',
    issue: { number: 7, html_url: 'https://github.com/acme/widgets/pull/7', pull_request: { url: 'x' } },
    comment: { id: 99, body, user: { login, type } },
    sender: { login, type },
  }),
};

/** A step on `eventName` with `payload`, inputs on top of a working default. */
function step(eventName: string, payload: unknown, inputs: Record<string, string> = {}) {
  const files = stepInProcess({
    warp_api_key: 'wk-pr-key',
    prompt: 'Review this pull request',
    api_base_url: OZ,
    poll_interval_seconds: '0.01',
    max_poll_interval_seconds: '0.02',
    github_token: 'ghs_test_token',
    ...inputs,
  });
  const eventPath = join(files.dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  vi.stubEnv('GITHUB_EVENT_NAME', eventName);
  vi.stubEnv('GITHUB_EVENT_PATH', eventPath);
  vi.stubEnv('GITHUB_ACTION', 'review');
  return files;
}

const run = (state: string, extra: Record<string, unknown> = {}) => ({ run_id: 'run-1', title: 'Review', state, ...extra });
const succeeded = run('SUCCEEDED', {
  session_link: 'https://app.warp.dev/session/s1',
  artifacts: [{ artifact_type: 'PULL_REQUEST', data: { url: 'https://github.com/acme/widgets/pull/8' } }],
});

/** The Oz API for one run that goes through `states`, the last one terminal. */
function ozRun(...states: Record<string, unknown>[]) {
  const scope = nock(OZ).post('/agent/runs').reply(200, { run_id: 'run-1', state: 'QUEUED' });
  for (const state of states) scope.get('/agent/runs/run-1').reply(200, state);
  return scope;
}

// nock cannot compute replies from fetch (Octokit's) request bodies, and evaluates every interceptor's body
// matcher, whatever the path; so a write is recorded by the matcher of the interceptor whose path matched.
const github: { method: string; path: string; body: Record<string, unknown> }[] = [];
beforeEach(() => {
  github.length = 0;
});

function recorded(scope: nock.Scope, method: 'post' | 'patch', path: string): nock.Interceptor {
  let pathMatched = false;
  return scope[method](
    (requested: string) => (pathMatched = requested === path),
    (body: Record<string, unknown>) => {
      if (pathMatched) github.push({ method: method.toUpperCase(), path, body });
      return pathMatched;
    },
  );
}

/** Comment writes so far, as `POST` or `PATCH <id>` with the body. */
const commentWrites = () =>
  github
    .filter((r) => r.path.includes('/issues/'))
    .map((r) => ({ method: r.method === 'POST' ? 'POST' : `PATCH ${r.path.split('/').pop()}`, body: r.body.body as string }));

/** Check run calls so far. */
const checkCalls = () => github.filter((r) => r.path.includes('/check-runs')).map(({ method, body }) => ({ method, body }));

/** Mocks the comment API; `existing` are the thread's comments already there. */
function commentApi(existing: { id: number; body: string }[] = []) {
  const id = existing.find((c) => c.body.startsWith('<!-- oz-agent-action'))?.id ?? 555;
  const url = `https://github.com/acme/widgets/pull/7#issuecomment-${id}`;
  // The job's token cannot read /user; GraphQL's viewer names its bot, whose comments are its own.
  nock(GH).get('/user').optionally().reply(403, { message: 'Resource not accessible by integration' });
  nock(GH)
    .post('/graphql')
    .optionally()
    .reply(200, { data: { viewer: { login: 'github-actions[bot]' } } });
  nock(GH)
    .get(`${REPO}/issues/7/comments`)
    .query(true)
    .reply(
      200,
      existing.map((c) => ({
        user: { login: 'github-actions[bot]' },
        ...c,
        html_url: `https://github.com/acme/widgets/pull/7#issuecomment-${c.id}`,
      })),
    );
  recorded(nock(GH), 'post', `${REPO}/issues/7/comments`).optionally().reply(201, { id, html_url: url });
  recorded(nock(GH).persist(), 'patch', `${REPO}/issues/comments/${id}`).reply(200, { id, html_url: url });
  return {
    get writes() {
      return commentWrites();
    },
  };
}

/** Mocks the check runs API. */
function checkApi(createStatus = 201) {
  recorded(nock(GH), 'post', `${REPO}/check-runs`).reply(
    createStatus,
    createStatus === 201 ? { id: 321 } : { message: 'Resource not accessible by integration' },
  );
  recorded(nock(GH).persist(), 'patch', `${REPO}/check-runs/321`).reply(200, { id: 321 });
  return {
    get calls() {
      return checkCalls();
    },
  };
}

describe('the pull request comment', () => {
  it('is created when the run starts, edited on state changes and finished with the outcome', async () => {
    const files = step('pull_request', EVENTS.pull_request, { check_name: '' });
    // Live edits are at most one per 30 s on a runner: shortened here so the state change is seen.
    ozRun(run('INPROGRESS', { session_link: 'https://app.warp.dev/session/s1' }), succeeded);
    const comments = commentApi();
    await runMain({ ...FAST, progressIntervalMs: 1 });
    expect(process.exitCode ?? 0).toBe(0);
    expect(comments.writes[0]).toMatchObject({ method: 'POST' });
    // The step's own marker: the run, job and step ids, and which entry of a matrix it is.
    expect(comments.writes[0]!.body).toMatch(/^<!-- oz-agent-action run=4242 job=agent step=review entry=[0-9a-f]{12} -->\n/);
    expect(comments.writes[0]!.body).toMatch(/## ⏳ The Oz agent is queued \(\d+s\)/);
    expect(
      comments.writes.some(
        (w) => /The Oz agent is working \(\d+s\)/.test(w.body) && w.body.includes('[Watch the agent](https://app.warp.dev/session/s1)'),
      ),
    ).toBe(true);
    // Live text never names a state, so it can never say "in progress" beside a final one.
    expect(comments.writes.slice(0, -1).every((w) => !/SUCCEEDED|in progress/.test(w.body))).toBe(true);
    const last = comments.writes.at(-1)!;
    expect(last.method).toBe('PATCH 555');
    expect(last.body).toContain('## ✅ Oz agent run succeeded');
    // No link to the pull request the comment is on; the run's details are folded, with a header row.
    expect(last.body).not.toContain('| Pull request | [#\u20607](https://github.com/acme/widgets/pull/7) |');
    expect(last.body).toContain('<details><summary>Run details</summary>');
    expect(last.body).toContain('| Detail | Value |');
    expect(last.body).toContain('| Head commit | `headsha12345` |');
    expect(files.outputs()).toMatchObject({
      comment_url: 'https://github.com/acme/widgets/pull/7#issuecomment-555',
      skipped: 'false',
      check_run_id: '',
    });
    expect(files.summary()).toContain('| Pull request | [#\u20607](https://github.com/acme/widgets/pull/7) |');
  });

  it('is found again by its marker on a re-run of the job, and updated instead of added', async () => {
    step('pull_request', EVENTS.pull_request);
    ozRun(succeeded);
    // What the first attempt wrote: the same inputs make the same marker.
    const parsed = await parseInputs(core.getInput);
    const marker = commentMarker(parsed.ok ? parsed.settings.entry : expect.fail('inputs'));
    const comments = commentApi([
      { id: 11, body: 'an unrelated comment' },
      { id: 12, body: `${marker}\nold` },
      { id: 13, body: `${marker.replace(/entry=\w+/, 'entry=0123456789ab')}\nanother entry of the matrix` },
    ]);
    await runMain(FAST);
    expect(comments.writes.map((w) => w.method)).toEqual(expect.arrayContaining(['PATCH 12']));
    expect(comments.writes.some((w) => w.method === 'POST' || w.method === 'PATCH 13')).toBe(false);
  });

  it('is finished, not left in progress, when the run times out', async () => {
    step('pull_request', EVENTS.pull_request, { timeout_minutes: '0.002' });
    let cancelled = false;
    nock(OZ)
      .post('/agent/runs')
      .reply(200, { run_id: 'run-1', state: 'QUEUED' })
      .post('/agent/runs/run-1/cancel')
      .reply(() => ((cancelled = true), [200, '"run-1"']));
    nock(OZ)
      .get('/agent/runs/run-1')
      .times(1000)
      .reply(() => [200, run(cancelled ? 'CANCELLED' : 'INPROGRESS')]);
    const comments = commentApi();
    await runMain(FAST);
    expect(comments.writes.at(-1)!.body).toContain('## ⏱️ Oz agent run timed out');
  });

  it('warns once and carries on when the token cannot comment (a fork’s read-only token)', async () => {
    const files = step('pull_request', EVENTS.pull_request);
    ozRun(run('INPROGRESS'), succeeded);
    nock(GH)
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' })
      .post('/graphql')
      .reply(200, { data: { viewer: { login: 'github-actions[bot]' } } })
      .get(`${REPO}/issues/7/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO}/issues/7/comments`)
      .reply(403, { message: 'Resource not accessible by integration' });
    await runMain(FAST);
    expect(process.exitCode ?? 0).toBe(0);
    expect(files.log().match(/::warning::The token cannot write comments here/g)).toHaveLength(1);
    expect(files.log()).toContain('pull-requests: write');
    expect(unmatched()).toEqual([]);
  });

  it('escapes API text: no pings, no injected links', async () => {
    step('pull_request', EVENTS.pull_request);
    ozRun(run('FAILED', { title: '@everyone [click](https://evil.example)', status_message: { message: 'cc @octocat <img src=x>' } }));
    const comments = commentApi();
    await runMain(FAST);
    const body = comments.writes.at(-1)!.body;
    expect(body).not.toMatch(/@everyone|@octocat|\]\(https:\/\/evil|<img/);
    expect(body).toContain('@\u2060everyone');
  });

  it('is not written with pr_comment: false', async () => {
    step('pull_request', EVENTS.pull_request, { pr_comment: 'false' });
    ozRun(succeeded);
    await runMain(FAST);
    expect(unmatched()).toEqual([]);
  });
});

describe('the check run', () => {
  it.each([
    [succeeded, 'success'],
    [run('FAILED', { status_message: { message: 'no' } }), 'failure'],
    [run('ERROR'), 'failure'],
    [run('BLOCKED'), 'action_required'],
    [run('CANCELLED'), 'cancelled'],
  ])('follows the run to %j: %s', async (final, conclusion) => {
    const files = step('pull_request', EVENTS.pull_request, { check_name: 'Oz review', pr_comment: 'false' });
    ozRun(final);
    const check = checkApi();
    await runMain(FAST);
    expect(check.calls[0]).toMatchObject({
      method: 'POST',
      body: { name: 'Oz review', head_sha: 'headsha1234567890', status: 'in_progress' },
    });
    expect(check.calls.at(-1)).toMatchObject({ method: 'PATCH', body: { status: 'completed', conclusion } });
    expect(files.outputs().check_run_id).toBe('321');
    expect(files.state().oz_check_run_id).toBe('321');
  });

  it('completes timed_out at the timeout and cancelled when the workflow is cancelled', async () => {
    step('pull_request', EVENTS.pull_request, { check_name: 'Oz review', pr_comment: 'false', timeout_minutes: '0.002' });
    nock(OZ).post('/agent/runs').reply(200, { run_id: 'run-1', state: 'QUEUED' }).post('/agent/runs/run-1/cancel').reply(200, '"run-1"');
    nock(OZ).get('/agent/runs/run-1').times(1000).reply(200, run('INPROGRESS'));
    const check = checkApi();
    await runMain(FAST);
    expect(check.calls.at(-1)).toMatchObject({ body: { conclusion: 'timed_out' } });

    nock.cleanAll();
    step('pull_request', EVENTS.pull_request, { check_name: 'Oz review', pr_comment: 'false' });
    nock(OZ).post('/agent/runs').reply(200, { run_id: 'run-1', state: 'QUEUED' }).post('/agent/runs/run-1/cancel').reply(200, '"run-1"');
    nock(OZ)
      .get('/agent/runs/run-1')
      .times(1000)
      .reply(() => {
        process.emit('SIGINT', 'SIGINT');
        return [200, run('INPROGRESS')];
      });
    const again = checkApi();
    await runMain(FAST);
    expect(again.calls.at(-1)).toMatchObject({ body: { conclusion: 'cancelled' } });
  });

  it('fails the step, before any agent starts, without checks: write', async () => {
    const files = step('pull_request', EVENTS.pull_request, { check_name: 'Oz review', pr_comment: 'false' });
    checkApi(403);
    await runMain(FAST);
    expect(process.exitCode).toBe(1);
    expect(files.log()).toContain('::error::check_name is set, but the check run "Oz review" could not be created');
    expect(files.log()).toContain('add `checks: write`');
    expect(unmatched()).toEqual([]);
  });

  it('goes on the pull request head for a comment event', async () => {
    step('issue_comment', EVENTS.issue_comment('maintainer'), { check_name: 'Oz', pr_comment: 'false', allowed_users: 'maintainer' });
    nock(GH)
      .get(`${REPO}/pulls/7`)
      .reply(200, {
        number: 7,
        head: { sha: 'prhead999', ref: 'fix', repo: { full_name: 'acme/widgets' } },
        base: { sha: 'base1', ref: 'main', repo: { full_name: 'acme/widgets' } },
      });
    ozRun(succeeded);
    const check = checkApi();
    await runMain(FAST);
    expect(check.calls[0]).toMatchObject({ body: { head_sha: 'prhead999' } });
  });
});

describe('safe triggers', () => {
  it('starts for a commenter with write access', async () => {
    const files = step('issue_comment', EVENTS.issue_comment('maintainer'), { pr_comment: 'false' });
    nock(GH).get(`${REPO}/collaborators/maintainer/permission`).reply(200, { permission: 'write', role_name: 'maintain' });
    ozRun(succeeded);
    await runMain(FAST);
    expect(files.outputs()).toMatchObject({ skipped: 'false', state: 'SUCCEEDED' });
  });

  it('does not start for a commenter with read access: notice, skipped, no run', async () => {
    const files = step('issue_comment', EVENTS.issue_comment('stranger'));
    nock(GH).get(`${REPO}/collaborators/stranger/permission`).reply(200, { permission: 'read', role_name: 'read' });
    await runMain(FAST);
    expect(unmatched()).toEqual([]);
    expect(process.exitCode ?? 0).toBe(0);
    expect(files.outputs().skipped).toBe('true');
    expect(files.log()).toContain('::notice::Not starting an Oz agent: stranger has read permission');
    expect(files.summary()).toContain('## ⏭️ Oz agent not started');
  });

  it('never reacts to its own comments', async () => {
    const files = step(
      'issue_comment',
      EVENTS.issue_comment('github-actions[bot]', 'Bot', '<!-- oz-agent-action run=1 job=a step=b -->\n## ✅ done'),
    );
    await runMain(FAST);
    expect(unmatched()).toEqual([]);
    expect(files.outputs().skipped).toBe('true');
    expect(files.log()).toContain('the comment is one this action wrote');
  });

  it('starts for bots only when listed in allowed_bots', async () => {
    const files = step('issue_comment', EVENTS.issue_comment('renovate[bot]', 'Bot'));
    await runMain(FAST);
    expect(files.outputs().skipped).toBe('true');
    expect(unmatched()).toEqual([]);

    const allowed = step('issue_comment', EVENTS.issue_comment('renovate[bot]', 'Bot'), { allowed_bots: 'renovate', pr_comment: 'false' });
    ozRun(succeeded);
    await runMain(FAST);
    expect(allowed.outputs()).toMatchObject({ skipped: 'false', state: 'SUCCEEDED' });
  });

  it('fails a fork’s pull request without the key, explaining the safe ways around it', async () => {
    const files = step('pull_request', EVENTS.fork_pull_request, { warp_api_key: '' });
    await runMain(FAST);
    expect(process.exitCode).toBe(1);
    expect(files.log()).toContain('::error::Missing warp_api_key: this pull request comes from a fork');
    expect(files.log()).toContain('pull_request_target');
    expect(unmatched()).toEqual([]);
  });
});

describe('decideTrigger', () => {
  const comment = (login: string, isBot = false) => ({
    name: 'issue_comment',
    isComment: true,
    isForkPullRequest: false,
    actor: { login, isBot },
  });
  const trust = { allowedUsers: ['Friend'], allowedBots: [] };

  it('lets allowed_users in without a look-up, case-insensitively', async () => {
    const lookUp = vi.fn();
    await expect(decideTrigger(comment('friend'), trust, lookUp)).resolves.toEqual({ allowed: true });
    expect(lookUp).not.toHaveBeenCalled();
  });

  it("does not let a person named like a listed bot in: 'renovate[bot]' in allowed_users is not the person 'renovate'", async () => {
    const lookUp = vi.fn(() => Promise.resolve('read'));
    const decision = await decideTrigger(comment('renovate'), { allowedUsers: ['renovate[bot]'], allowedBots: [] }, lookUp);
    expect(decision).toMatchObject({ allowed: false });
    expect(lookUp).toHaveBeenCalledWith('renovate');
  });

  it('fails closed when the permission cannot be looked up', async () => {
    const decision = await decideTrigger(comment('someone'), trust, () => Promise.reject(new Error('403')));
    expect(decision).toEqual({ allowed: false, reason: "someone's permission could not be checked (403)" });
    expect(await decideTrigger(comment('someone'), trust, undefined)).toMatchObject({ allowed: false });
  });

  it('does not check events that are not comments or reviews', async () => {
    await expect(decideTrigger({ name: 'push', isComment: false, isForkPullRequest: false }, trust, undefined)).resolves.toEqual({
      allowed: true,
    });
  });
});

describe('readEvent', () => {
  it('reads review events, forks and bots', () => {
    const dir = stepInProcess({}).dir;
    const path = join(dir, 'review.json');
    writeFileSync(
      path,
      JSON.stringify({ pull_request: pullRequest, review: { body: 'LGTM', user: { login: 'dependabot[bot]', type: 'Bot' } } }),
    );
    expect(
      readEvent({ GITHUB_EVENT_NAME: 'pull_request_review', GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: 'acme/widgets' }),
    ).toMatchObject({
      isComment: true,
      thread: { number: 7, isPullRequest: true },
      headSha: 'headsha1234567890',
      actor: { login: 'dependabot[bot]', isBot: true },
      commentBody: 'LGTM',
      isForkPullRequest: false,
    });
    writeFileSync(path, JSON.stringify(EVENTS.fork_pull_request));
    expect(readEvent({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path }).isForkPullRequest).toBe(true);
  });
});

describe('the post step after a killed main step', () => {
  it('cancels the run, completes the check run as cancelled and finishes the comment', async () => {
    const files = step('pull_request', EVENTS.pull_request, { check_name: 'Oz review' });
    for (const [name, value] of Object.entries({ oz_run_id: 'run-1', oz_check_run_id: '321', oz_comment_id: '555' }))
      vi.stubEnv(`STATE_${name}`, value);
    let cancelled = false;
    nock(OZ)
      .post('/agent/runs/run-1/cancel')
      .reply(() => ((cancelled = true), [200, '"run-1"']))
      .get('/agent/runs/run-1')
      .times(2)
      .reply(() => [200, run(cancelled ? 'CANCELLED' : 'INPROGRESS')]);
    const check = checkApi();
    const comments = commentApi();
    await runPost({ retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 }, cancelBudgetMs: 2000 });
    expect(check.calls.at(-1)).toMatchObject({ method: 'PATCH', body: { status: 'completed', conclusion: 'cancelled' } });
    expect(comments.writes.at(-1)).toMatchObject({ method: 'PATCH 555' });
    expect(comments.writes.at(-1)!.body).toContain('## 🚫 Oz agent run cancelled with the workflow');
    expect(files.log()).toContain('Completed check run 321 (cancelled).');
    expect(process.exitCode).toBeUndefined();
  });
});
