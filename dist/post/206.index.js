export const id = 206;
export const ids = [206];
export const modules = {

/***/ 2206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitHubApi: () => (/* binding */ createGitHubApi)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/github/types.ts
var types = __webpack_require__(1994);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/github/request.ts
/**
 * How each GitHub request is bounded. A request that GitHub never answers must not keep the step (or
 * a socket) waiting: every HTTP exchange gets its own deadline, and is also aborted when the caller's
 * signal aborts (the run was stopped, or the budget for finishing the comment ran out). Octokit hands
 * `request: { signal }` to fetch, which aborts the exchange in flight, body included.
 */


/** How long one GitHub request may take, answer and body, before it is aborted. */
const GITHUB_REQUEST_TIMEOUT_MS = 10_000;
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(ms < 1000 ? 2 : 1))} s`;
}
/** The calls of one API object: each exchange within `timeoutMs`, all of them aborted with `signal`. */
function boundedCall(bounds) {
    const timeoutMs = bounds.timeoutMs ?? GITHUB_REQUEST_TIMEOUT_MS;
    const stop = bounds.signal;
    return async (what, waitingFor, request) => {
        const deadlines = [];
        const fresh = () => {
            const deadline = AbortSignal.timeout(timeoutMs);
            deadlines.push(deadline);
            return { signal: stop ? AbortSignal.any([stop, deadline]) : deadline };
        };
        try {
            if (stop?.aborted)
                throw stop.reason;
            return await request(fresh);
        }
        catch (error) {
            if (stop?.aborted) {
                throw new types/* GitHubApiError */.OS(what, 0, `The step stopped waiting for GitHub's answer to ${waitingFor}`, undefined, 'stopped');
            }
            if (deadlines.some((deadline) => deadline.aborted)) {
                throw new types/* GitHubApiError */.OS(what, 0, `GitHub did not answer ${waitingFor} within ${seconds(timeoutMs)}`, undefined, 'timeout');
            }
            const status = error.status ?? 0;
            const retryAfter = Number(error.response?.headers?.['retry-after']);
            throw new types/* GitHubApiError */.OS(what, status, (0,errors/* messageOf */.bD)(error), retryAfter > 0 ? retryAfter * 1000 : undefined);
        }
    };
}
/** Both signals, or the one there is. */
function eitherSignal(first, second) {
    return first ? AbortSignal.any([first, second]) : second;
}
/** The URL of the next page in a Link header (as Octokit's paginate reads it). */
function nextPage(link) {
    return /<([^<>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];
}
/**
 * Every page of a listing, each read with its own deadline. Octokit's paginate drops the per-request
 * options after the first page, so the Link header is followed here.
 */
async function* pages(octokit, first, fresh) {
    let page = await first(fresh());
    yield page.data;
    for (let url = nextPage(page.headers.link); url !== undefined; url = nextPage(page.headers.link)) {
        page = await octokit.request({ method: 'GET', url, request: fresh() });
        yield page.data;
    }
}
/** Every item of a listing, page after page. */
async function listAll(octokit, first, fresh) {
    const items = [];
    for await (const page of pages(octokit, first, fresh))
        items.push(...page);
    return items;
}

;// CONCATENATED MODULE: ./src/review/api.ts

/** Review threads are read 100 at a time, each with its first 100 comments (a longer thread has a reply). */
const THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id isResolved isOutdated
          comments(first: 100) { totalCount nodes { author { __typename login } pullRequestReview { databaseId } } }
        }
      }
    }
  }
}`;
const RESOLVE_MUTATION = `mutation($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }`;
/**
 * A GraphQL call: GitHub answers a refusal with 200 and an error of type FORBIDDEN (or NOT_FOUND), so
 * it is given the REST status callers decide on (403, 404) before request.ts turns it into a GitHubApiError.
 */
async function graphql(octokit, query, variables, fresh) {
    try {
        return await octokit.graphql(query, { ...variables, request: fresh() });
    }
    catch (error) {
        const types = (error.errors ?? []).map((e) => e.type);
        const status = types.includes('FORBIDDEN') ? 403 : types.includes('NOT_FOUND') ? 404 : undefined;
        if (status !== undefined && error.status === undefined)
            Object.assign(error, { status });
        throw error;
    }
}
/** A GraphQL author as the REST API names it: a bot's login there ends in [bot]. */
function restLogin(author) {
    if (author === null)
        return '';
    return author.__typename === 'Bot' && !author.login.endsWith('[bot]') ? `${author.login}[bot]` : author.login;
}
/** Every review thread of a pull request, page after page. */
async function allThreads(octokit, owner, repo, number, fresh) {
    const threads = [];
    let cursor = null;
    for (;;) {
        const page = await graphql(octokit, THREADS_QUERY, { owner, repo, number, cursor }, fresh);
        const listed = page.repository?.pullRequest?.reviewThreads;
        if (!listed)
            return threads;
        for (const node of listed.nodes) {
            threads.push({
                id: node.id,
                isResolved: node.isResolved,
                isOutdated: node.isOutdated,
                comments: node.comments.nodes.map((c) => ({
                    login: restLogin(c.author),
                    ...(typeof c.pullRequestReview?.databaseId === 'number' && { reviewId: c.pullRequestReview.databaseId }),
                })),
                totalComments: node.comments.totalCount,
            });
        }
        if (!listed.pageInfo.hasNextPage || listed.pageInfo.endCursor === null)
            return threads;
        cursor = listed.pageInfo.endCursor;
    }
}
function reviewCalls(octokit, owner, repo, call) {
    const rest = octokit.rest;
    return {
        pullRequest: (number) => call('GET pull request', 'the pull request read', async (fresh) => {
            const { data } = await rest.pulls.get({ owner, repo, pull_number: number, request: fresh() });
            return {
                headSha: data.head.sha,
                baseSha: data.base.sha,
                url: data.html_url,
                headRef: data.head.ref,
                baseRef: data.base.ref,
                headRepository: data.head.repo?.full_name ?? null,
                baseRepository: data.base.repo.full_name,
            };
        }),
        pullRequestFiles: (number) => call('list pull request files', "the pull request's files", async (fresh) => {
            const files = await listAll(octokit, (request) => rest.pulls.listFiles({ owner, repo, pull_number: number, per_page: 100, request }), fresh);
            return files.map((file) => ({ filename: file.filename, ...(file.patch !== undefined && { patch: file.patch }) }));
        }),
        reviews: (number) => call('list reviews', "the pull request's reviews", async (fresh) => {
            const reviews = await listAll(octokit, (request) => rest.pulls.listReviews({ owner, repo, pull_number: number, per_page: 100, request }), fresh);
            return reviews.map((review) => ({
                id: review.id,
                login: review.user?.login ?? '',
                body: review.body ?? '',
                commitId: review.commit_id ?? '',
                url: review.html_url,
                state: review.state,
            }));
        }),
        reviewComments: (number) => call('list review comments', "the pull request's review comments", async (fresh) => {
            const comments = await listAll(octokit, (request) => rest.pulls.listReviewComments({ owner, repo, pull_number: number, per_page: 100, request }), fresh);
            return comments.map((comment) => ({
                login: comment.user?.login ?? '',
                path: comment.path,
                line: comment.line ?? null,
                originalLine: comment.original_line ?? null,
                side: comment.side === 'LEFT' ? 'LEFT' : 'RIGHT',
                body: comment.body,
            }));
        }),
        createReview: (number, review) => call('create review', 'the new review', async (fresh) => {
            const { data } = await rest.pulls.createReview({ owner, repo, pull_number: number, ...review, request: fresh() });
            return { id: data.id, url: data.html_url };
        }),
    };
}
/** Dismissing a review, and the review threads (GraphQL): what the action tidies after a review. */
function threadCalls(octokit, owner, repo, call) {
    const rest = octokit.rest;
    return {
        dismissReview: (number, reviewId, message) => call('dismiss review', 'the review dismissal', async (fresh) => {
            await rest.pulls.dismissReview({
                owner,
                repo,
                pull_number: number,
                review_id: reviewId,
                message,
                event: 'DISMISS',
                request: fresh(),
            });
        }),
        reviewThreads: (number) => call('list review threads', "the pull request's review threads", (fresh) => allThreads(octokit, owner, repo, number, fresh)),
        resolveReviewThread: (threadId) => call('resolve review thread', 'the thread resolution', async (fresh) => {
            await graphql(octokit, RESOLVE_MUTATION, { threadId }, fresh);
        }),
    };
}
/** A review thread's comments, and the action's replies in it (a mention in an inline comment is answered there). */
function replyCalls(octokit, owner, repo, call) {
    const rest = octokit.rest;
    return {
        reviewThreadComments: (number, root) => call('list review comments', "the review thread's comments", async (fresh) => {
            const comments = await listAll(octokit, (request) => rest.pulls.listReviewComments({ owner, repo, pull_number: number, per_page: 100, request }), fresh);
            return comments
                .filter((c) => c.id === root || c.in_reply_to_id === root)
                .sort((a, b) => a.id - b.id)
                .map((c) => ({ id: c.id, login: c.user?.login ?? '', body: c.body }));
        }),
        replyToReviewComment: (number, root, body) => call('reply to review comment', 'the reply', async (fresh) => {
            const { data } = await rest.pulls.createReplyForReviewComment({
                owner,
                repo,
                pull_number: number,
                comment_id: root,
                body,
                request: fresh(),
            });
            return { id: data.id, url: data.html_url };
        }),
        updateReviewComment: (id, body) => call('update review comment', 'the reply update', async (fresh) => {
            const { data } = await rest.pulls.updateReviewComment({ owner, repo, comment_id: id, body, request: fresh() });
            return { id: data.id, url: data.html_url };
        }),
    };
}

// EXTERNAL MODULE: ./src/report/limits.ts
var limits = __webpack_require__(5356);
// EXTERNAL MODULE: ./src/oz/version.ts
var version = __webpack_require__(6181);
;// CONCATENATED MODULE: ./src/github/api.ts
/**
 * The GitHub REST calls the action makes (comments, check runs, permission look-ups), over
 * `@actions/github`'s Octokit. Imported only when it is needed (so the bundle has it in a chunk of its
 * own): Octokit would otherwise cost every step's start-up. Every HTTP exchange has its own deadline
 * and is aborted with the caller's signal (request.ts).
 */






function checkFields(update) {
    return {
        ...(update.status && { status: update.status }),
        ...(update.conclusion && { conclusion: update.conclusion, completed_at: new Date().toISOString() }),
        ...(update.detailsUrl && { details_url: update.detailsUrl }),
        output: { title: update.title.slice(0, 255), summary: update.summary.slice(0, limits/* MAX_CHECK_TEXT_CHARS */.Wj) },
    };
}
function createGitHubApi(token, owner, repo, bounds = {}) {
    return boundApi((0,github/* getOctokit */.Q)(token, { userAgent: version/* USER_AGENT */._O }), owner, repo, bounds, {});
}
function boundApi(octokit, owner, repo, bounds, known) {
    const call = boundedCall(bounds);
    return {
        within: (signal) => boundApi(octokit, owner, repo, { ...bounds, signal: eitherSignal(bounds.signal, signal) }, known),
        identity: async () => (known.login ??= await identityOf(octokit, call)),
        ...reviewCalls(octokit, owner, repo, call),
        ...threadCalls(octokit, owner, repo, call),
        ...replyCalls(octokit, owner, repo, call),
        ...commentCalls(octokit, owner, repo, call),
        ...otherCalls(octokit, owner, repo, call),
    };
}
function commentCalls(octokit, owner, repo, call) {
    const rest = octokit.rest;
    /** The first comment on a thread that `matches`, reading page after page. */
    const firstComment = async (thread, matches, fresh) => {
        const first = (request) => rest.issues.listComments({ owner, repo, issue_number: thread, per_page: 100, request });
        for await (const page of pages(octokit, first, fresh)) {
            const found = page.find(matches);
            if (found)
                return found;
        }
        return undefined;
    };
    return {
        findOwnComment: (thread, marker, login) => call('list comments', 'the comment search', async (fresh) => {
            // Only comments the token's own identity wrote (anyone can paste the marker into a comment), and
            // only with the marker first: the action's other comments may quote the agent, marker and all.
            const found = await firstComment(thread, (c) => c.body?.startsWith(marker) === true && c.user?.login?.toLowerCase() === login.toLowerCase(), fresh);
            return found && { id: found.id, url: found.html_url, body: found.body ?? '' };
        }),
        createComment: (thread, body) => call('create comment', 'the new comment', async (fresh) => {
            const { data } = await rest.issues.createComment({ owner, repo, issue_number: thread, body, request: fresh() });
            return { id: data.id, url: data.html_url };
        }),
        updateComment: (id, body) => call('update comment', 'the comment update', async (fresh) => {
            const { data } = await rest.issues.updateComment({ owner, repo, comment_id: id, body, request: fresh() });
            return { id: data.id, url: data.html_url };
        }),
    };
}
/**
 * The login the token writes as, which tells the step's own comments and reviews from anyone else's.
 * A person's token reads it from /user. An installation token (the job's GITHUB_TOKEN, a GitHub App's)
 * is refused there (403) and asks GraphQL's `viewer`, which answers for it with its bot's login
 * (`github-actions[bot]`, `my-app[bot]`). Any other failure is thrown, never guessed: a wrong login
 * would make the step's own comment look like someone else's, and a re-run write a second one.
 */
async function identityOf(octokit, call) {
    try {
        return await call('GET user', 'the identity look-up', async (fresh) => (await octokit.rest.users.getAuthenticated({ request: fresh() })).data.login);
    }
    catch (error) {
        if (!(0,types/* isGitHubApiError */.ID)(error) || error.status !== 403)
            throw error;
    }
    // The viewer's login as REST writes it, `[bot]` and all for an installation token; a person's token
    // refused /user for another reason (a rate limit's 403) gets the person's, as written.
    const { viewer } = await call('GraphQL viewer', 'the identity look-up', (fresh) => octokit.graphql('query { viewer { login } }', { request: fresh() }));
    return viewer.login;
}
function otherCalls(octokit, owner, repo, call) {
    const rest = octokit.rest;
    return {
        permission: (username) => call('GET collaborator permission', 'the permission look-up', async (fresh) => {
            const { data } = await rest.repos.getCollaboratorPermissionLevel({ owner, repo, username, request: fresh() });
            // role_name tells maintain and triage apart, which permission folds into write and read.
            return data.role_name ?? data.permission;
        }),
        pullRequestHead: (number) => call('GET pull request', 'the pull request read', async (fresh) => {
            return (await rest.pulls.get({ owner, repo, pull_number: number, request: fresh() })).data.head.sha;
        }),
        react: (target, content) => call('add reaction', 'the reaction', async (fresh) => {
            const request = fresh();
            switch (target.kind) {
                case 'issue-comment':
                    await rest.reactions.createForIssueComment({ owner, repo, comment_id: target.id, content, request });
                    break;
                case 'review-comment':
                    await rest.reactions.createForPullRequestReviewComment({ owner, repo, comment_id: target.id, content, request });
                    break;
                case 'issue':
                    await rest.reactions.createForIssue({ owner, repo, issue_number: target.number, content, request });
            }
        }),
        createCheck: (name, headSha, update) => call('create check run', 'the new check run', async (fresh) => {
            return (await rest.checks.create({ owner, repo, name, head_sha: headSha, ...checkFields(update), request: fresh() })).data.id;
        }),
        updateCheck: (id, update) => call('update check run', 'the check run update', async (fresh) => {
            await rest.checks.update({ owner, repo, check_run_id: id, ...checkFields(update), request: fresh() });
        }),
    };
}


/***/ })

};
