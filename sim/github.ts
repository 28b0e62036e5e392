/**
 * A double of the GitHub REST API calls the action makes (permission look-ups, pull request heads,
 * issue comments, check runs), so the committed bundle's pull request paths run end to end. The step
 * reaches it through `GITHUB_API_URL`, as it reaches GitHub on a runner. Not part of the action bundle.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Waiters } from './waiters.ts';

export interface GitHubComment {
  id: number;
  thread: number;
  body: string;
  user: string;
}

export interface GitHubCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status?: string;
  conclusion?: string;
  details_url?: string;
  output?: { title: string; summary: string };
  /** Every update, in order, as sent. */
  updates: Record<string, unknown>[];
}

/** A pull request review as posted, with its comments. */
export interface GitHubReview {
  id: number;
  pull: number;
  user: string;
  body: string;
  event: string;
  commit_id: string;
  comments: { path: string; line: number; side: string; start_line?: number; start_side?: string; body: string }[];
  /** The dismissal's message, once the review was dismissed. */
  dismissed?: string;
}

/** A review comment: a thread's first comment (in a review), or a reply in its thread (`inReplyTo`, the first's id). */
export interface GitHubReviewComment {
  id: number;
  pull: number;
  user: string;
  body: string;
  reviewId?: number;
  inReplyTo?: number;
  path: string;
  line: number;
  side: string;
  start_line?: number;
  commit_id: string;
  diff_hunk: string;
  /** GitHub marks a thread outdated when its lines changed since (its first comment's `line` is then null). */
  outdated?: boolean;
}

/** A review's state as GitHub lists it. */
function reviewState(review: GitHubReview): string {
  if (review.dismissed !== undefined) return 'DISMISSED';
  return { COMMENT: 'COMMENTED', REQUEST_CHANGES: 'CHANGES_REQUESTED', APPROVE: 'APPROVED' }[review.event] ?? review.event;
}

/** How GraphQL names an author: a bot's login without [bot], and its type. */
function graphqlAuthor(login: string) {
  return login.endsWith('[bot]') ? { __typename: 'Bot', login: login.slice(0, -'[bot]'.length) } : { __typename: 'User', login };
}

export interface GitHubDoubleOptions {
  /** The login of the token's own identity: comments it writes are its. Default `github-actions[bot]`. */
  tokenUser?: string;
}

const JOB_TOKEN_USER = 'github-actions[bot]';

export class GitHubDouble {
  readonly comments = new Map<number, GitHubComment>();
  readonly checkRuns = new Map<number, GitHubCheckRun>();
  /** Every request, in order, with when it arrived (`at`, Date.now()). */
  readonly requests: { method: string; path: string; body: unknown; authorization?: string; at: number }[] = [];
  /**
   * The next `times` edits of a comment are refused as GitHub's rate limits refuse them: 429, or 403
   * ("secondary rate limit"), with a Retry-After of `retryAfterSeconds` when given.
   */
  refuseEdits: { status: 403 | 429; times: number; retryAfterSeconds?: number } | undefined;
  /** Permission (role) by login; `none` for anyone not listed. */
  permissions: Record<string, string> = {};
  /** Head commit by pull request number. */
  pullHeads: Record<number, string> = {};
  /**
   * Heads served one after another by GET /pulls/N (the last one stays): a list of more than one is a
   * head that moves while the agent works.
   */
  pullHeadSequence: Record<number, string[]> = {};
  /** Changed files by pull request number, with their patches, as GET /pulls/N/files answers them. */
  pullFiles: Record<number, { filename: string; patch?: string }[]> = {};
  /** Review events refused with 422, as GitHub refuses APPROVE from Actions unless the repository allows it. */
  refusedEvents = new Set<string>();
  /** Reviews posted (or added as another user's), oldest first. */
  readonly reviews: GitHubReview[] = [];
  /** Head and base branch by pull request number; `feature-<number>` into `main` when not set. */
  pullBranches: Record<number, { head: string; base: string }> = {};
  /** The head's repository by pull request number (a fork's, or null for a deleted fork); the base repository when not set. */
  pullHeadRepos: Record<number, string | null> = {};
  /** What the token may not do: answered 403 "Resource not accessible by integration". */
  denied = new Set<'comments' | 'checks' | 'permissions' | 'reactions' | 'reviews' | 'files' | 'dismissals' | 'threads'>();
  /** Review comments (every thread's first comment and its replies), oldest first. */
  readonly reviewComments: GitHubReviewComment[] = [];
  /** The threads resolved, by their first comment's id. */
  readonly resolvedThreads = new Set<number>();
  /** How many review threads one GraphQL page holds (GitHub: at most 100). */
  threadPageSize = 100;
  /** Reactions added, as `kind id content` (`issue-comment 5 eyes`, `issue 7 rocket`). */
  readonly reactions: string[] = [];
  /** Bodies refused as too long, as `field length` (`body 67072`). */
  readonly refused: string[] = [];
  /**
   * Routes that never answer (`PATCH /issues/comments/`: a method and the start of the path after
   * `/repos/{owner}/{repo}`, or the whole path outside a repository, `/user`): the request is recorded
   * and left waiting, as a GitHub that hangs leaves it.
   */
  readonly silent: { method: string; path: string }[] = [];
  /** Requests to a silent route still waiting, their connection open (an aborted request closes it). */
  waiting = 0;
  /**
   * Routes (as in `silent`) held unanswered until `until` resolves: when the test says, not after a
   * time. What they do is done then, whether the caller still waits or not.
   */
  readonly held: { method: string; path: string; until: Promise<unknown> }[] = [];
  private readonly waiters = new Waiters();
  private nextId = 1000;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  /**
   * The login of the token's own identity: comments it writes are its. `github-actions[bot]` (the job's
   * token) by default, back to it on reset; another `x[bot]` is a GitHub App's installation token, a
   * login without `[bot]` a person's token.
   */
  tokenUser: string;
  url = '';

  constructor(options: GitHubDoubleOptions = {}) {
    this.tokenUser = options.tokenUser ?? JOB_TOKEN_USER;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => this.json(res, 500, { message: String(error) }));
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * Resolves once `check` holds: checked now, and again each time a request arrives or a silent one is
   * let go. For tests, to wait on that event rather than poll on a clock.
   */
  waitFor(check: () => boolean): Promise<void> {
    return this.waiters.until(check);
  }

  reset(): void {
    this.tokenUser = JOB_TOKEN_USER;
    this.comments.clear();
    this.checkRuns.clear();
    this.requests.length = 0;
    this.permissions = {};
    this.pullHeads = {};
    this.pullHeadSequence = {};
    this.pullFiles = {};
    this.reviews.length = 0;
    this.reviewComments.length = 0;
    this.resolvedThreads.clear();
    this.threadPageSize = 100;
    this.pullBranches = {};
    this.pullHeadRepos = {};
    this.refusedEvents.clear();
    this.denied.clear();
    this.refuseEdits = undefined;
    this.reactions.length = 0;
    this.refused.length = 0;
    this.silent.length = 0;
    this.held.length = 0;
  }

  /**
   * The runner's environment for a `pull_request` event (or `name`) on pull request #`number` of
   * acme/widgets, opened by octocat from the repository itself (or from `headRepo`, a fork; null for a
   * deleted fork), with this double as the GitHub API.
   */
  pullRequestEvent(number = 7, options: { name?: string; headRepo?: string | null } = {}): Record<string, string> {
    const path = join(mkdtempSync(join(tmpdir(), 'oz-github-event-')), 'event.json');
    const headRepo = options.headRepo === undefined ? { full_name: 'acme/widgets' } : options.headRepo && { full_name: options.headRepo };
    writeFileSync(
      path,
      JSON.stringify({
        pull_request: {
          number,
          html_url: `https://github.com/acme/widgets/pull/${number}`,
          head: { sha: 'a'.repeat(40), ref: `feature-${number}`, repo: headRepo },
          base: { ref: 'main', repo: { full_name: 'acme/widgets' } },
        },
        sender: { login: 'octocat', type: 'User' },
      }),
    );
    return { GITHUB_API_URL: this.url, GITHUB_EVENT_NAME: options.name ?? 'pull_request', GITHUB_EVENT_PATH: path };
  }

  /** A comment as another user wrote it (a person, or someone pasting the action's marker). */
  addComment(thread: number, body: string, user: string): number {
    const comment = { id: this.nextId++, thread, body, user };
    this.comments.set(comment.id, comment);
    return comment.id;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://github');
    const method = req.method ?? 'GET';
    const text = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    this.requests.push({
      method,
      path: url.pathname,
      body,
      ...(req.headers.authorization && { authorization: req.headers.authorization }),
      at: Date.now(),
    });
    this.waiters.changed();
    const input = (body ?? {}) as Record<string, unknown>;
    // Routes outside a repository are named in `silent` by their whole path (`/user`).
    const path = /^\/repos\/[^/]+\/[^/]+(\/.*)$/.exec(url.pathname)?.[1] ?? url.pathname;
    if (this.silent.some((route) => route.method === method && path.startsWith(route.path))) {
      this.waiting++;
      this.waiters.changed();
      res.on('close', () => {
        this.waiting--;
        this.waiters.changed();
      });
      return;
    }
    // An installation token (the job's, a GitHub App's) cannot read /user, as on GitHub; a person's can.
    if (url.pathname === '/user') {
      if (this.tokenUser.endsWith('[bot]')) return this.json(res, 403, { message: 'Resource not accessible by integration' });
      return this.json(res, 200, { login: this.tokenUser, type: 'User' });
    }
    if (method === 'POST' && url.pathname === '/graphql') return this.json(res, 200, this.graphql(input));
    const repo = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (!repo) return this.json(res, 404, { message: 'Not Found' });
    const [, owner, name, rest] = repo;
    const held = this.held.find((route) => route.method === method && rest!.startsWith(route.path));
    if (held) await held.until;
    const deny = (what: 'comments' | 'checks' | 'permissions' | 'reactions' | 'reviews' | 'files') => {
      if (!this.denied.has(what)) return false;
      this.json(res, 403, { message: 'Resource not accessible by integration', status: '403' });
      return true;
    };
    let m: RegExpExecArray | null;

    if (method === 'GET' && (m = /^\/collaborators\/([^/]+)\/permission$/.exec(rest!))) {
      if (deny('permissions')) return;
      const role = this.permissions[decodeURIComponent(m[1]!)] ?? 'none';
      const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
      return this.json(res, 200, { permission, role_name: role, user: { login: m[1] } });
    }
    if (method === 'GET' && (m = /^\/pulls\/(\d+)$/.exec(rest!))) {
      const number = Number(m[1]);
      const branches = this.pullBranches[number] ?? { head: `feature-${number}`, base: 'main' };
      const sequence = this.pullHeadSequence[number];
      const head = (sequence && sequence.length > 1 ? sequence.shift() : sequence?.[0]) ?? this.pullHeads[number] ?? 'f'.repeat(40);
      return this.json(res, 200, {
        number,
        html_url: `https://github.com/${owner}/${name}/pull/${number}`,
        head: { sha: head, ref: branches.head, repo: this.repoView(this.pullHeadRepos[number], `${owner}/${name}`) },
        base: { sha: 'b'.repeat(40), ref: branches.base, repo: { full_name: `${owner}/${name}` } },
      });
    }
    if (rest!.startsWith('/pulls/') && !rest!.endsWith('/reactions')) return this.handleReviews(method, rest!, input, owner!, name!, res);
    if (method === 'GET' && (m = /^\/issues\/(\d+)\/comments$/.exec(rest!))) {
      const thread = Number(m[1]);
      return this.json(
        res,
        200,
        [...this.comments.values()].filter((c) => c.thread === thread).map((c) => this.commentView(owner!, name!, c)),
      );
    }
    if (method === 'POST' && (m = /^\/issues\/(\d+)\/comments$/.exec(rest!))) {
      if (deny('comments') || this.tooLong(res, input)) return;
      const comment = { id: this.nextId++, thread: Number(m[1]), body: String(input.body), user: this.tokenUser };
      this.comments.set(comment.id, comment);
      return this.json(res, 201, this.commentView(owner!, name!, comment));
    }
    if (method === 'PATCH' && (m = /^\/issues\/comments\/(\d+)$/.exec(rest!))) {
      if (deny('comments') || this.tooLong(res, input)) return;
      const comment = this.comments.get(Number(m[1]));
      if (!comment) return this.json(res, 404, { message: 'Not Found' });
      if (this.refuseEdits && this.refuseEdits.times > 0) {
        this.refuseEdits.times--;
        const { status, retryAfterSeconds } = this.refuseEdits;
        if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
        return this.json(res, status, {
          message:
            status === 429
              ? 'API rate limit exceeded'
              : 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        });
      }
      comment.body = String(input.body);
      return this.json(res, 200, this.commentView(owner!, name!, comment));
    }
    const reaction = /^\/(issues\/comments|pulls\/comments|issues)\/(\d+)\/reactions$/.exec(rest!);
    if (method === 'POST' && reaction) {
      if (deny('reactions')) return;
      const kind = { 'issues/comments': 'issue-comment', 'pulls/comments': 'review-comment', issues: 'issue' }[reaction[1]!]!;
      this.reactions.push(`${kind} ${reaction[2]} ${String(input.content)}`);
      return this.json(res, 201, { id: this.nextId++, content: input.content });
    }
    if (method === 'POST' && rest === '/check-runs') {
      if (deny('checks') || this.tooLong(res, input)) return;
      const check: GitHubCheckRun = { id: this.nextId++, name: String(input.name), head_sha: String(input.head_sha), updates: [input] };
      this.applyCheck(check, input);
      this.checkRuns.set(check.id, check);
      return this.json(res, 201, { ...check });
    }
    if (method === 'PATCH' && (m = /^\/check-runs\/(\d+)$/.exec(rest!))) {
      if (deny('checks') || this.tooLong(res, input)) return;
      const check = this.checkRuns.get(Number(m[1]));
      if (!check) return this.json(res, 404, { message: 'Not Found' });
      check.updates.push(input);
      this.applyCheck(check, input);
      return this.json(res, 200, { ...check });
    }
    this.json(res, 404, { message: `No route for ${method} ${url.pathname}` });
  }

  /** Pull request files, reviews and review comments, as GitHub answers them (a line outside the diff is a 422). */
  private handleReviews(
    method: string,
    rest: string,
    input: Record<string, unknown>,
    owner: string,
    repo: string,
    res: ServerResponse,
  ): void {
    if (this.handleThreads(method, rest, input, owner, repo, res)) return;
    const m = /^\/pulls\/(\d+)\/(files|reviews|comments)$/.exec(rest);
    if (!m) return this.json(res, 404, { message: `No route for ${method} ${rest}` });
    const number = Number(m[1]);
    const url = (id: number) => `https://github.com/${owner}/${repo}/pull/${number}#pullrequestreview-${id}`;
    if (method === 'GET' && m[2] === 'files') {
      if (this.denied.has('files')) return this.json(res, 403, { message: 'Resource not accessible by integration' });
      return this.json(res, 200, this.pullFiles[number] ?? []);
    }
    const reviews = this.reviews.filter((r) => r.pull === number);
    if (method === 'GET' && m[2] === 'reviews') {
      return this.json(
        res,
        200,
        reviews.map((r) => ({
          id: r.id,
          user: { login: r.user },
          body: r.body,
          commit_id: r.commit_id,
          html_url: url(r.id),
          state: reviewState(r),
        })),
      );
    }
    if (method === 'GET' && m[2] === 'comments') {
      return this.json(
        res,
        200,
        this.reviewComments.filter((c) => c.pull === number).map((c) => this.reviewCommentView(owner, repo, c)),
      );
    }
    if (method === 'POST' && m[2] === 'reviews') {
      if (this.denied.has('reviews')) return this.json(res, 403, { message: 'Resource not accessible by integration' });
      if (this.tooLong(res, input)) return;
      const comments = (input.comments ?? []) as GitHubReview['comments'];
      const lines = new Map((this.pullFiles[number] ?? []).map((f) => [f.filename, diffLines(f.patch ?? '')]));
      const off = comments.find((c) => !lines.get(c.path)?.has(`${c.side ?? 'RIGHT'}:${c.line}`));
      if (off) return this.json(res, 422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
      if (this.refusedEvents.has(String(input.event))) {
        return this.json(res, 422, {
          message: 'Unprocessable Entity',
          errors: ['GitHub Actions is not permitted to approve pull requests.'],
        });
      }
      const review = {
        id: this.nextId++,
        pull: number,
        user: this.tokenUser,
        body: typeof input.body === 'string' ? input.body : '',
        event: String(input.event),
        commit_id: String(input.commit_id),
        comments,
      };
      this.reviews.push(review);
      this.addThreads(review);
      return this.json(res, 200, {
        id: review.id,
        html_url: url(review.id),
        state: review.event === 'COMMENT' ? 'COMMENTED' : review.event,
      });
    }
    this.json(res, 404, { message: `No route for ${method} ${rest}` });
  }

  /** A review as another user (or the token's identity, for an earlier run) posted it. */
  addReview(review: Omit<GitHubReview, 'id'>): number {
    const id = this.nextId++;
    this.reviews.push({ id, ...review });
    this.addThreads({ id, ...review });
    return id;
  }

  /** Each of a review's comments starts a thread. */
  private addThreads(review: GitHubReview): void {
    for (const c of review.comments) {
      this.reviewComments.push({
        id: this.nextId++,
        pull: review.pull,
        user: review.user,
        body: c.body,
        reviewId: review.id,
        path: c.path,
        line: c.line,
        side: c.side ?? 'RIGHT',
        ...(c.start_line !== undefined && { start_line: c.start_line }),
        commit_id: review.commit_id,
        diff_hunk: `@@ -1,1 +1,1 @@\n+${c.path}:${c.line}`,
      });
    }
  }

  /** The review threads of a pull request (first comments, oldest first). */
  threadsOf(pull: number): GitHubReviewComment[] {
    return this.reviewComments.filter((c) => c.pull === pull && c.inReplyTo === undefined);
  }

  /** A reply in the thread that `root` starts, as `user` wrote it (a person answering the agent, or pasting state). */
  addReply(root: number, body: string, user: string): number {
    const first = this.reviewComments.find((c) => c.id === root)!;
    const { reviewId: _review, outdated: _outdated, ...place } = first;
    const reply = { ...place, id: this.nextId++, body, user, inReplyTo: root };
    this.reviewComments.push(reply);
    return reply.id;
  }

  /** The replies in the thread that `root` starts, oldest first. */
  repliesTo(root: number): GitHubReviewComment[] {
    return this.reviewComments.filter((c) => c.inReplyTo === root);
  }

  /** Dismissals, replies and edits of review comments; true when the route was one of them. */
  private handleThreads(
    method: string,
    rest: string,
    input: Record<string, unknown>,
    owner: string,
    repo: string,
    res: ServerResponse,
  ): boolean {
    let m: RegExpExecArray | null;
    if (method === 'PUT' && (m = /^\/pulls\/(\d+)\/reviews\/(\d+)\/dismissals$/.exec(rest))) {
      const review = this.reviews.find((r) => r.pull === Number(m![1]) && r.id === Number(m![2]));
      if (this.denied.has('dismissals')) this.json(res, 403, { message: 'Resource not accessible by integration' });
      else if (!review) this.json(res, 404, { message: 'Not Found' });
      else if (!['APPROVED', 'CHANGES_REQUESTED'].includes(reviewState(review)))
        this.json(res, 422, { message: 'Unprocessable Entity', errors: ['Can not dismiss a commented pull request review'] });
      else {
        review.dismissed = String(input.message);
        this.json(res, 200, { id: review.id, state: 'DISMISSED' });
      }
      return true;
    }
    if (method === 'POST' && (m = /^\/pulls\/(\d+)\/comments\/(\d+)\/replies$/.exec(rest))) {
      const root = this.reviewComments.find((c) => c.id === Number(m![2]) && c.pull === Number(m![1]));
      if (this.denied.has('comments')) this.json(res, 403, { message: 'Resource not accessible by integration' });
      else if (!root) this.json(res, 404, { message: 'Not Found' });
      // GitHub takes replies to a thread's first comment only.
      else if (root.inReplyTo !== undefined)
        this.json(res, 422, { message: 'Validation Failed', errors: ['replies to replies are not supported'] });
      else if (!this.tooLong(res, input)) {
        const id = this.addReply(root.id, String(input.body), this.tokenUser);
        this.json(
          res,
          201,
          this.reviewCommentView(
            owner,
            repo,
            this.reviewComments.find((c) => c.id === id)!,
          ),
        );
      }
      return true;
    }
    if (method === 'PATCH' && (m = /^\/pulls\/comments\/(\d+)$/.exec(rest))) {
      const comment = this.reviewComments.find((c) => c.id === Number(m![1]));
      if (this.denied.has('comments')) this.json(res, 403, { message: 'Resource not accessible by integration' });
      else if (!comment) this.json(res, 404, { message: 'Not Found' });
      else if (!this.tooLong(res, input)) {
        comment.body = String(input.body);
        this.json(res, 200, this.reviewCommentView(owner, repo, comment));
      }
      return true;
    }
    return false;
  }

  /** A pull request's head repository as GitHub shows it: null once a fork is deleted. */
  private repoView(repo: string | null | undefined, base: string) {
    if (repo === null) return null;
    return { full_name: repo ?? base };
  }

  private reviewCommentView(owner: string, repo: string, c: GitHubReviewComment) {
    const root = c.inReplyTo === undefined ? c : this.reviewComments.find((r) => r.id === c.inReplyTo);
    return {
      id: c.id,
      body: c.body,
      user: { login: c.user, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
      path: c.path,
      line: root?.outdated ? null : c.line,
      original_line: c.line,
      side: c.side,
      ...(c.start_line !== undefined && { start_line: c.start_line }),
      commit_id: c.commit_id,
      diff_hunk: c.diff_hunk,
      ...(c.reviewId !== undefined && { pull_request_review_id: c.reviewId }),
      ...(c.inReplyTo !== undefined && { in_reply_to_id: c.inReplyTo }),
      html_url: `https://github.com/${owner}/${repo}/pull/${c.pull}#discussion_r${c.id}`,
    };
  }

  /**
   * The GraphQL operations the action sends: the token's own login (`viewer`), a page of a pull
   * request's review threads (each with its comments' authors and reviews), and resolving a thread. A refusal is GitHub's: 200, with an
   * error of type FORBIDDEN.
   */
  private graphql(input: Record<string, unknown>): unknown {
    const query = typeof input.query === 'string' ? input.query : '';
    const variables = (input.variables ?? {}) as Record<string, unknown>;
    // GraphQL's viewer answers for an installation token too, with the bot's login as REST writes it.
    if (/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) return { data: { viewer: { login: this.tokenUser } } };
    if (this.denied.has('threads')) {
      return { data: null, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] };
    }
    if (query.includes('resolveReviewThread')) {
      const root = Number(/^PRRT_(\d+)$/.exec(String(variables.threadId))?.[1]);
      if (!this.threadsOf(this.reviewComments.find((c) => c.id === root)?.pull ?? -1).some((c) => c.id === root)) {
        return {
          data: null,
          errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${String(variables.threadId)}'` }],
        };
      }
      this.resolvedThreads.add(root);
      return { data: { resolveReviewThread: { thread: { id: variables.threadId, isResolved: true } } } };
    }
    const threads = this.threadsOf(Number(variables.number));
    const start = typeof variables.cursor === 'string' ? Number(variables.cursor) : 0;
    const page = threads.slice(start, start + this.threadPageSize);
    const end = start + page.length;
    const nodes = page.map((root) => {
      const comments = [root, ...this.repliesTo(root.id)];
      return {
        id: `PRRT_${root.id}`,
        isResolved: this.resolvedThreads.has(root.id),
        isOutdated: root.outdated === true,
        comments: {
          totalCount: comments.length,
          nodes: comments.slice(0, 100).map((c) => ({
            author: graphqlAuthor(c.user),
            pullRequestReview: c.reviewId === undefined ? null : { databaseId: c.reviewId },
          })),
        },
      };
    });
    return {
      data: {
        repository: {
          pullRequest: { reviewThreads: { pageInfo: { hasNextPage: end < threads.length, endCursor: String(end) }, nodes } },
        },
      },
    };
  }

  /**
   * GitHub's 422 for a comment, review or review comment body over 65,536 characters, or a check run
   * output title, summary or text over 65,535 (counted here in UTF-16 units, the stricter count);
   * true when it answered so.
   */
  private tooLong(res: ServerResponse, input: Record<string, unknown>): boolean {
    const output = (input.output ?? {}) as Record<string, unknown>;
    const comments = Array.isArray(input.comments) ? (input.comments as { body?: unknown }[]) : [];
    const fields: [string, unknown, number][] = [
      ['body', input.body, 65_536],
      ...comments.map((c, i): [string, unknown, number] => [`comments[${i}].body`, c.body, 65_536]),
      ...(['title', 'summary', 'text'] as const).map((f): [string, unknown, number] => [`output.${f}`, output[f], 65_535]),
    ];
    const over = fields.find(([, value, max]) => typeof value === 'string' && value.length > max);
    if (!over) return false;
    this.refused.push(`${over[0]} ${(over[1] as string).length}`);
    this.json(res, 422, {
      message: 'Validation Failed',
      errors: [{ code: 'custom', field: over[0], message: `${over[0]} is too long (maximum is ${over[2]} characters)` }],
      status: '422',
    });
    return true;
  }

  private applyCheck(check: GitHubCheckRun, input: Record<string, unknown>): void {
    if (typeof input.status === 'string') check.status = input.status;
    if (typeof input.conclusion === 'string') check.conclusion = input.conclusion;
    if (typeof input.details_url === 'string') check.details_url = input.details_url;
    if (input.output) check.output = input.output as GitHubCheckRun['output'];
  }

  private commentView(owner: string, repo: string, comment: GitHubComment) {
    return {
      id: comment.id,
      body: comment.body,
      user: { login: comment.user, type: comment.user.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/${owner}/${repo}/issues/${comment.thread}#issuecomment-${comment.id}`,
    };
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }
}

/** The lines a review comment may be on, as `SIDE:line`, read from a unified diff's hunks. */
function diffLines(patch: string): Set<string> {
  const lines = new Set<string>();
  let left = 0;
  let right = 0;
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(text);
    if (hunk) [left, right] = [Number(hunk[1]), Number(hunk[2])];
    else if (text.startsWith('+')) lines.add(`RIGHT:${right++}`);
    else if (text.startsWith('-')) lines.add(`LEFT:${left++}`);
    else if (!text.startsWith('\\')) {
      lines.add(`RIGHT:${right++}`);
      lines.add(`LEFT:${left++}`);
    }
  }
  return lines;
}
