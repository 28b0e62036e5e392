/**
 * Events on pull request #7 of acme/widgets, as a runner hands them to the step, and the step options
 * for them: for the end-to-end tests of conversations (the Oz simulator and the GitHub double).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StepOptions } from '../../sim/runner.ts';

const dir = mkdtempSync(join(tmpdir(), 'oz-thread-events-'));
let next = 7000;

export interface ThreadEvent {
  /** The comment's id (0 for an issues event). */
  id: number;
  name: string;
  path: string;
}

/** An issue_comment event: `login` writes `body` on pull request #7 (or issue #7 with `issue: true`). */
export function commentEvent(
  body: string,
  options: { login?: string; action?: string; previousBody?: string; issue?: boolean } = {},
): ThreadEvent {
  const id = next++;
  const login = options.login ?? 'octocat';
  const path = join(dir, `comment-${id}.json`);
  const kind = options.issue ? 'issues' : 'pull';
  writeFileSync(
    path,
    JSON.stringify({
      ...(options.action !== undefined && { action: options.action }),
      ...(options.previousBody !== undefined && { changes: { body: { from: options.previousBody } } }),
      issue: {
        number: 7,
        html_url: `https://github.com/acme/widgets/${kind}/7`,
        title: 'Speed up login',
        ...(!options.issue && { pull_request: {} }),
      },
      comment: { id, html_url: `https://github.com/acme/widgets/${kind}/7#issuecomment-${id}`, body, user: { login, type: 'User' } },
      sender: { login, type: 'User' },
    }),
  );
  return { id, name: 'issue_comment', path };
}

/** An issues event on issue #7: `login` opens (or edits, labels...) it with `body`. */
export function issueEvent(body: string, options: { login?: string; action?: string } = {}): ThreadEvent {
  const login = options.login ?? 'octocat';
  const path = join(dir, `issue-${next++}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      action: options.action ?? 'opened',
      issue: {
        number: 7,
        html_url: 'https://github.com/acme/widgets/issues/7',
        title: 'Login is slow',
        body,
        user: { login, type: 'User' },
      },
      sender: { login, type: 'User' },
    }),
  );
  return { id: 0, name: 'issues', path };
}

/** The step for `event`, with `@oz` as the trigger phrase, against the simulator and the GitHub double. */
export function threadStep(
  event: ThreadEvent,
  urls: { oz: string; github: string },
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): StepOptions {
  return {
    inputs: {
      warp_api_key: 'wk-threads',
      api_base_url: urls.oz,
      github_token: 'ghs-double',
      trigger_phrase: '@oz',
      poll_interval_seconds: '0.05',
      max_poll_interval_seconds: '0.2',
      ...inputs,
    },
    env: { GITHUB_API_URL: urls.github, GITHUB_EVENT_NAME: event.name, GITHUB_EVENT_PATH: event.path, ...env },
  };
}

/** Where an inline review comment sits, as the pull_request_review_comment payload gives it. */
export interface ReviewCommentPlace {
  /** The thread's first comment, when this comment is a reply in it. */
  inReplyTo?: number;
  path?: string;
  line?: number;
  startLine?: number;
  side?: 'LEFT' | 'RIGHT';
  commit?: string;
  diffHunk?: string;
}

/** A pull_request_review_comment event: `login` writes `body` as the inline comment `id` on pull request #7. */
export function reviewCommentEvent(id: number, body: string, place: ReviewCommentPlace = {}, login = 'octocat'): ThreadEvent {
  const path = join(dir, `review-comment-${id}-${next++}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      action: 'created',
      pull_request: {
        number: 7,
        html_url: 'https://github.com/acme/widgets/pull/7',
        title: 'Speed up login',
        head: { sha: 'c'.repeat(40), ref: 'speed-up', repo: { full_name: 'acme/widgets' } },
        base: { ref: 'main', repo: { full_name: 'acme/widgets' } },
      },
      comment: {
        id,
        html_url: `https://github.com/acme/widgets/pull/7#discussion_r${id}`,
        body,
        user: { login, type: 'User' },
        ...(place.inReplyTo !== undefined && { in_reply_to_id: place.inReplyTo }),
        path: place.path ?? 'src/auth.ts',
        line: place.line ?? 12,
        ...(place.startLine !== undefined && { start_line: place.startLine }),
        side: place.side ?? 'RIGHT',
        commit_id: place.commit ?? 'c'.repeat(40),
        diff_hunk:
          place.diffHunk ??
          '@@ -10,4 +10,5 @@ export async function login() {\n   const session = await start();\n+  await session.ready();',
      },
      sender: { login, type: 'User' },
    }),
  );
  return { id, name: 'pull_request_review_comment', path };
}
