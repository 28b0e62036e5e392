export const id = 579;
export const ids = [579];
export const modules = {

/***/ 5579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planReview: () => (/* reexport */ planReview),
  publishReview: () => (/* reexport */ publishReview),
  setUpGitHub: () => (/* binding */ setUpGitHub)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(3340);
// EXTERNAL MODULE: ./src/action/redaction.ts + 1 modules
var redaction = __webpack_require__(4051);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/github/types.ts
var types = __webpack_require__(1994);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(5015);
// EXTERNAL MODULE: ./src/report/limits.ts
var limits = __webpack_require__(5356);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/settings/settings.ts
var settings_settings = __webpack_require__(7100);
;// CONCATENATED MODULE: ./src/threads/state.ts



/** The hidden marker of a thread's conversation comment: one per pull request or issue, across workflow runs. */
const CONVERSATION_MARKER = '<!-- oz-agent-action conversation -->';
const STATE_PREFIX = '<!-- oz-agent-state ';
const STATE_LINE = /^<!-- oz-agent-state ([A-Za-z0-9+/]*={0,2}) -->$/;
/** Exchanges kept in the comment: older ones are dropped first (the session has them all). */
const MAX_EXCHANGES = 20;
/**
 * Text that is not the action's own (requests, answers, anything quoted) can never open an HTML comment
 * in the conversation comment, so nothing in it can pass for the action's marker or state, even in code
 * where the sanitiser leaves `<` alone. A word joiner keeps it readable.
 */
function neutraliseComments(text) {
    return text.replaceAll('<!--', '<!\u2060--');
}
/** The state, hidden in the comment's last line as base64 JSON (the text inside is untrusted, so it is never raw HTML). */
function encodeState(state) {
    const { binding, ...rest } = state;
    const kept = {
        ...rest,
        ...(binding && { repository: binding.repository, thread: binding.thread }),
        ...(binding?.reviewThread !== undefined && { reviewThread: binding.reviewThread }),
        exchanges: state.exchanges
            .slice(-MAX_EXCHANGES)
            .map((e) => ({ ...e, request: (0,limits/* fitChars */.nH)(e.request, 4000), ...(e.answer !== undefined && { answer: (0,limits/* fitChars */.nH)(e.answer, 8000) }) })),
    };
    return `${STATE_PREFIX}${Buffer.from(JSON.stringify(kept), 'utf8').toString('base64')} -->`;
}
/**
 * The state of a conversation comment, read only where the action writes it: the comment starts with
 * the conversation marker and its last line is the state, written for this repository and thread.
 * Anything else (a state-shaped line elsewhere, one bound to another thread) gives an empty
 * conversation and says why.
 */
function decodeState(body, expected) {
    const empty = { exchanges: [], binding: expected };
    if (!body.startsWith(CONVERSATION_MARKER))
        return { state: empty, problem: 'the comment does not start with the conversation marker' };
    const last = body.trimEnd().split('\n').at(-1) ?? '';
    const line = STATE_LINE.exec(last.trim());
    if (!line)
        return { state: empty, problem: "the comment's last line is not its state" };
    let parsed;
    try {
        parsed = JSON.parse(Buffer.from(line[1], 'base64').toString('utf8'));
    }
    catch {
        return { state: empty, problem: 'the state cannot be read' };
    }
    // States written before the binding existed carry none: they are the last line of the action's own comment.
    const bound = parsed.repository !== undefined || parsed.thread !== undefined;
    if (bound &&
        (typeof parsed.repository !== 'string' ||
            parsed.repository.toLowerCase() !== expected.repository.toLowerCase() ||
            parsed.thread !== expected.thread)) {
        return { state: empty, problem: 'the state was written for another repository or thread' };
    }
    // A review thread's state is bound to it (there is no older form): one thread's run is never another's.
    if ((parsed.reviewThread ?? undefined) !== expected.reviewThread) {
        return { state: empty, problem: 'the state was written for another review thread' };
    }
    const exchanges = Array.isArray(parsed.exchanges)
        ? parsed.exchanges.filter((e) => typeof e?.who === 'string' && typeof e.request === 'string')
        : [];
    return {
        state: {
            exchanges,
            binding: expected,
            // The rule of the run_id input: the thread's run enters by the same road.
            ...(typeof parsed.runId === 'string' && (0,settings_settings/* isRunId */.Pk)(parsed.runId) && { runId: parsed.runId }),
            ...(typeof parsed.conversationId === 'string' && { conversationId: parsed.conversationId }),
        },
    };
}
/** A block of Markdown, folded when long. */
function folded(text, summary) {
    const safe = (0,markdown/* sanitizeMarkdown */.LO)(text.trim());
    if (safe.split('\n').length <= 12 && safe.length <= 1500)
        return [safe];
    return [`<details><summary>${summary}</summary>`, '', safe, '', '</details>'];
}
/**
 * The conversation comment: each request (who asked, a link to their comment) and the agent's answer,
 * newest last, then `footer` (how the current request stands) and the hidden state. A reply in a review
 * thread (`latestOnly`) shows only its own request: the thread above it shows the earlier ones.
 */
function renderConversation(state, footer, latestOnly = false) {
    const lines = [CONVERSATION_MARKER, '## 💬 Oz agent conversation', ''];
    for (const exchange of state.exchanges.slice(latestOnly ? -1 : -MAX_EXCHANGES)) {
        const who = `@\u2060${(0,markdown/* escapeMarkdown */.FV)(exchange.who.replace(/^@/, ''))}`;
        lines.push(`**${who}** ${exchange.url ? (0,markdown/* safeLink */.o3)('asked', exchange.url) : 'asked'}:`, '');
        // Every line quoted, not each block: a request with paragraphs must not leave its quote and pass
        // for the action's own text (a "**Agent:**" line of its own, a verdict table).
        const quoted = folded(exchange.request, 'The request').flatMap((block) => block.split('\n'));
        lines.push(...quoted.map((l) => (l === '' ? '>' : `> ${l}`)), '');
        if (exchange.answer !== undefined && exchange.answer.trim() !== '') {
            lines.push('**Agent:**', '', ...folded(exchange.answer, "The agent's answer"), '');
        }
        else if (exchange.state !== undefined) {
            lines.push(`*The run ended ${(0,markdown/* escapeMarkdown */.FV)(exchange.state)} without an answer.*`, '');
        }
    }
    lines.push(...footer);
    // The marker first and the state last are the action's; everything between is neutralised.
    return [CONVERSATION_MARKER, neutraliseComments(lines.slice(1).join('\n')), '', encodeState(state)].join('\n');
}

;// CONCATENATED MODULE: ./src/github/comment-fit.ts
/**
 * Comments and check runs within GitHub's limits. GitHub refuses (422) a comment over 65,536
 * characters and a check run text over 65,535, and a refused update leaves the comment saying
 * "working" for good; so every body is fitted before it is sent, the agent's words shortened first.
 */



/** What an older turn keeps of its request and its answer once the comment is too long. */
const OLDER_TURN_CHARS = 600;
/**
 * The run's summary for a comment (after `marker`) and a check run: one text that fits both, the
 * agent's answer shortened (with a link to the job summary, which has all of it) when it must be.
 */
function summaryWithin(report, marker, words) {
    const room = Math.min(limits/* MAX_CHECK_TEXT_CHARS */.Wj, limits/* MAX_COMMENT_CHARS */.VK - marker.length - 1);
    return (0,limits/* fitUnits */.zW)((0,limits/* fitRendered */.JM)((budget) => (0,summary/* renderSummary */.Br)(report, { ...words, comment: true, maxAnswerChars: budget }), room, 60_000), room);
}
/**
 * The last guard before a comment is sent: cut to the limit, keeping its last line when that is the
 * action's hidden HTML comment (a conversation's state lives there, and is read only there).
 */
function fitComment(body, maxUnits = limits/* MAX_COMMENT_CHARS */.VK) {
    if (body.length <= maxUnits)
        return body;
    const last = body.slice(body.lastIndexOf('\n') + 1);
    if (!/^<!--.*-->$/.test(last) || last.length > maxUnits / 2)
        return (0,limits/* fitUnits */.zW)(body, maxUnits);
    return `${(0,limits/* fitUnits */.zW)(body.slice(0, body.length - last.length), maxUnits - last.length - 2)}\n\n${last}`;
}
function shorten(exchange, chars, note) {
    const answer = exchange.answer === undefined ? undefined : (0,limits/* fitChars */.nH)(exchange.answer, chars);
    return {
        ...exchange,
        request: (0,limits/* fitChars */.nH)(exchange.request, chars),
        ...(answer !== undefined && { answer: answer === exchange.answer ? answer : `${answer}\n\n*${note}*` }),
    };
}
/**
 * The conversation comment within GitHub's limit. Older turns go first: each is shortened to an
 * excerpt, oldest first, then dropped, oldest first (the agent session keeps the whole conversation);
 * only then is the newest turn shortened, pointing to the job summary that has all of its answer.
 */
function conversationWithin(state, footer, maxUnits = limits/* MAX_COMMENT_CHARS */.VK, latestOnly = false) {
    const render = (exchanges) => renderConversation({ ...state, exchanges }, footer, latestOnly);
    let exchanges = [...state.exchanges];
    let body = render(exchanges);
    for (let i = 0; i < exchanges.length - 1 && body.length > maxUnits; i++) {
        exchanges[i] = shorten(exchanges[i], OLDER_TURN_CHARS, 'Shortened to fit the comment: the agent session has all of it.');
        body = render(exchanges);
    }
    while (exchanges.length > 1 && body.length > maxUnits) {
        exchanges = exchanges.slice(1);
        body = render(exchanges);
    }
    const newest = exchanges[0];
    if (body.length > maxUnits && newest !== undefined) {
        const note = 'Shortened to fit the comment: the job summary of the workflow run has all of it.';
        const longest = Math.max(newest.request.length, newest.answer?.length ?? 0);
        body = (0,limits/* fitRendered */.JM)((budget) => render([shorten(newest, budget, note)]), maxUnits, longest);
    }
    return fitComment(body, maxUnits);
}

// EXTERNAL MODULE: ./src/report/url.ts
var url = __webpack_require__(8087);
// EXTERNAL MODULE: ./src/oz/types.ts
var oz_types = __webpack_require__(1520);
;// CONCATENATED MODULE: ./src/github/live.ts
/**
 * Progress in the thread: what the agent is doing, shown in the pull request or issue comment while
 * the run is live, and folded under the answer once it ends. Edits are throttled (at most one every
 * `minIntervalMs`, only when something changed) and back off when GitHub refuses one for its rate
 * limits, so progress never costs the step its comment or its outcome.
 */



/**
 * How a live run is doing, in a word people use. A terminal state can reach the comment before the
 * step has finished its report: it is "finishing up" then, never "in progress" beside a final state.
 */
function friendlyState(state) {
    switch (state) {
        case 'QUEUED':
            return 'queued';
        case 'PENDING':
        case 'CLAIMED':
            return 'starting';
        case 'INPROGRESS':
            return 'working';
        default:
            return (0,oz_types/* isTerminal */.Hd)(state) ? 'finishing up' : 'working';
    }
}
/** GitHub asks integrations to space out content-creating requests; 30 s between edits of one comment stays far inside it. */
const MIN_EDIT_INTERVAL_MS = 30_000;
/** The longest pause after refused edits. */
const MAX_BACKOFF_MS = 10 * 60_000;
/** Actions shown while the run is live, and in the fold of the finished comment. */
const LIVE_ACTIONS = 5;
const FOLDED_ACTIONS = 20;
/** What the agent did, as the conversation reads tell it: its actions, and the last thing it said. */
class AgentActivity {
    actions = [];
    said;
    setup;
    count = 0;
    /**
     * One line from the conversation: `says: ...` is what the agent said (the status), `setup: ...` a
     * step of the run's setup (not the agent's doing: never counted or folded), anything else an action.
     */
    add(line) {
        if (line.startsWith('setup: ')) {
            this.setup = line.slice('setup: '.length);
            return;
        }
        if (line.startsWith('says: ')) {
            this.said = line.slice('says: '.length);
            return;
        }
        this.count++;
        this.actions.push(line);
        if (this.actions.length > FOLDED_ACTIONS)
            this.actions.shift();
    }
    snapshot() {
        return {
            ...(this.said !== undefined && { said: this.said }),
            ...(this.setup !== undefined && { setup: this.setup }),
            actions: [...this.actions],
            count: this.count,
        };
    }
}
/** Lines for the live comment: the one-line status, then the last few actions; none before any activity. */
function liveLines(activity) {
    const lines = activity.said !== undefined
        ? [`**Now:** ${oneLine(activity.said)}`, '']
        : activity.setup !== undefined && activity.actions.length === 0
            ? [`**Setting up:** ${oneLine(activity.setup)}`, '']
            : [];
    const recent = activity.actions.slice(-LIVE_ACTIONS);
    if (recent.length > 0)
        lines.push(...recent.map((a) => `- ${code(a)}`), '');
    return lines;
}
/** The progress, folded, for the finished comment; none when there was no action. */
function foldedLines(activity) {
    const { count, actions } = activity;
    if (count === 0)
        return [];
    const earlier = count - actions.length;
    return [
        `<details><summary>What the agent did (${count} ${count === 1 ? 'action' : 'actions'})</summary>`,
        '',
        ...(earlier > 0 ? [`- … ${earlier} earlier`] : []),
        ...actions.map((a) => `- ${code(a)}`),
        '',
        '</details>',
        '',
    ];
}
/** One line of agent text, escaped, at most 200 characters. */
function oneLine(text) {
    return (0,markdown/* escapeMarkdown */.FV)((0,limits/* fitChars */.nH)(text.replace(/\s+/g, ' ').trim(), 200));
}
/** An action (`command: npm test`) as inline code, whatever backticks it holds. */
function code(action) {
    const text = (0,limits/* fitChars */.nH)(action.replace(/\s+/g, ' ').trim(), 200);
    const fence = '`'.repeat(Math.max(1, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length + 1)));
    return `${fence} ${text} ${fence}`;
}
/**
 * When to edit a comment: at most once per interval, the latest request winning, with the interval
 * doubled (or Retry-After) after a refused edit and restored after one that worked.
 */
class EditThrottle {
    lastEditAt = Number.NEGATIVE_INFINITY;
    /** Until when GitHub asked for no edit (after a refused one). */
    pauseUntil = Number.NEGATIVE_INFINITY;
    intervalMs;
    timer;
    pending;
    stopped = false;
    minIntervalMs;
    constructor(minIntervalMs = MIN_EDIT_INTERVAL_MS) {
        this.minIntervalMs = minIntervalMs;
        this.intervalMs = minIntervalMs;
    }
    /**
     * Runs `edit` now if the interval has passed, else once it has; a later request replaces a waiting one.
     * An `urgent` edit (news the user is waiting for, not progress) goes now, unless GitHub asked for a
     * longer pause: the interval is for progress, the backoff for GitHub's limits.
     */
    request(edit, urgent = false) {
        if (this.stopped)
            return;
        this.pending = edit;
        const backingOff = this.intervalMs > this.minIntervalMs;
        if (urgent && !backingOff) {
            clearTimeout(this.timer);
            return this.fire();
        }
        if (this.timer !== undefined)
            return;
        const wait = this.lastEditAt + this.intervalMs - Date.now();
        if (wait <= 0)
            return this.fire();
        this.timer = setTimeout(() => this.fire(), wait);
        // A waiting edit never holds the step open.
        this.timer.unref();
    }
    fire() {
        this.timer = undefined;
        const edit = this.pending;
        this.pending = undefined;
        this.lastEditAt = Date.now();
        edit?.();
    }
    /** GitHub refused an edit (403/429): wait longer before the next one, a waiting one included. */
    refused(retryAfterMs) {
        this.intervalMs = Math.min(MAX_BACKOFF_MS, Math.max(this.intervalMs * 2, retryAfterMs ?? 0));
        this.lastEditAt = Date.now();
        this.pauseUntil = this.lastEditAt + this.intervalMs;
        if (this.timer === undefined)
            return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.fire(), this.intervalMs);
        this.timer.unref();
    }
    /**
     * Whether GitHub's pause after a refused edit is still on: an edit asked for before the refusal
     * (and queued behind the refused one) must not be sent yet.
     */
    get paused() {
        return Date.now() < this.pauseUntil;
    }
    /** An edit went through: back to the usual interval. */
    accepted() {
        this.intervalMs = this.minIntervalMs;
    }
    /** The pause now asked between edits. */
    get currentIntervalMs() {
        return this.intervalMs;
    }
    /** The run ended: no more live edits. */
    stop() {
        this.stopped = true;
        if (this.timer !== undefined)
            clearTimeout(this.timer);
        this.timer = undefined;
        this.pending = undefined;
    }
}

;// CONCATENATED MODULE: ./src/github/check-run.ts
/**
 * The check run: created in progress before the agent starts (a merge may be gated on it), updated as
 * the run goes, completed with the run's summary and a conclusion. Apart from the comment: each is a
 * thing of its own on GitHub, and either may be asked for without the other (check_name, pr_comment).
 */






/** The check run could not be created: the user relies on it to gate merges, so the step fails. */
class CheckRunError extends errors/* CodedError */.AK {
    name = 'CheckRunError';
    constructor(message) {
        super('check-run', message);
    }
}
/** The check run's conclusion for how the step ended. */
function checkConclusion(report) {
    switch (report.outcome) {
        case 'succeeded':
            // A review that asks for changes holds the merge back, as a person's would.
            return report.review?.verdict === 'request_changes' ? 'failure' : 'success';
        case 'timeout':
            return 'timed_out';
        case 'cancelled':
            return 'cancelled';
        case 'failed':
            if (report.run?.state === 'BLOCKED')
                return 'action_required';
            if (report.run?.state === 'CANCELLED')
                return 'cancelled';
            return 'failure';
        default:
            return 'failure';
    }
}
const CHECK_TITLES = {
    success: 'The agent run succeeded',
    failure: 'The agent run did not succeed',
    cancelled: 'The agent run was cancelled',
    timed_out: 'The agent run timed out',
    action_required: 'The agent needs a person',
};
/** One check run, known by its id once created (or resumed by the post step). Each call takes the API it is to use. */
class CheckRun {
    id;
    options;
    constructor(options, resumeId) {
        this.options = options;
        this.id = resumeId;
    }
    /** Creates the check run, in progress. Throws CheckRunError when it cannot, the API's loading included (nothing to do without a name). */
    async start(github) {
        const { name, headSha, workflowRunUrl } = this.options;
        if (!name)
            return;
        try {
            this.id = await (await github()).createCheck(name, headSha ?? '', {
                status: 'in_progress',
                ...(workflowRunUrl && { detailsUrl: workflowRunUrl }),
                title: 'The agent is starting',
                summary: 'An Oz agent run is being created.',
            });
        }
        catch (error) {
            const status = (0,types/* isGitHubApiError */.ID)(error) ? error.status : 0;
            const hint = status === 403 || status === 404
                ? " The token lacks permission: add `checks: write` to the job's permissions (and use github_token with that scope)."
                : '';
            throw new CheckRunError(`check_name is set, but the check run "${name}" could not be created: ${(0,errors/* messageOf */.bD)(error)}.${hint}`);
        }
    }
    /** The run changed state (its title already redacted): the check run says it in words, in progress. */
    async progress(github, run) {
        if (this.id === undefined)
            return;
        const detailsUrl = (0,url/* safeUrl */.P)(run.session_link) ?? this.options.workflowRunUrl;
        await this.update(github, {
            status: 'in_progress',
            ...(detailsUrl && { detailsUrl }),
            // In words, never a state name: an in-progress check must not read "SUCCEEDED".
            title: `The agent is ${friendlyState(run.state)}`,
            summary: run.title ? (0,markdown/* escapeMarkdown */.FV)((0,limits/* fitChars */.nH)(run.title, 500)) : 'An Oz agent run is in progress.',
        });
    }
    /** Completes the check run with the run's summary; `conclusion` as decided by a step that had the whole report. */
    async complete(github, report, summary, conclusion = checkConclusion(report)) {
        if (this.id === undefined)
            return;
        const detailsUrl = (0,url/* safeUrl */.P)(report.run?.session_link) ?? this.options.workflowRunUrl;
        await this.update(github, {
            status: 'completed',
            conclusion,
            ...(detailsUrl && { detailsUrl }),
            title: report.review?.verdict === 'request_changes' ? 'The agent requested changes' : CHECK_TITLES[conclusion],
            summary,
        });
    }
    async update(github, update) {
        const redact = this.options.redact ?? ((text) => text);
        await github.updateCheck(this.id, {
            ...update,
            title: (0,limits/* fitUnits */.zW)(redact(update.title), limits/* MAX_CHECK_TEXT_CHARS */.Wj),
            summary: (0,limits/* fitUnits */.zW)(redact(update.summary), limits/* MAX_CHECK_TEXT_CHARS */.Wj),
        });
    }
}

// EXTERNAL MODULE: ./src/report/duration.ts
var duration = __webpack_require__(6132);
;// CONCATENATED MODULE: ./src/github/comment.ts
/**
 * The pull request (or issue) comment: created when the run exists, edited live while it works (the
 * state, where to watch, what the agent does), and finished with the run's summary, or, for a
 * thread's conversation, with the exchange and its answer. Comment failures only warn, once.
 */








/** Links for a live run: where to watch the agent, and the workflow run. */
function liveLinks(run, workflowRunUrl) {
    return [
        run.session_link ? (0,markdown/* safeLink */.o3)('Watch the agent', run.session_link) : undefined,
        workflowRunUrl ? (0,markdown/* safeLink */.o3)('Workflow run', workflowRunUrl) : undefined,
    ].filter((link) => link !== undefined);
}
/** Comment text for a run still going on: the state in words, how long so far, where to watch. */
function progressBody(marker, run, elapsedMs, workflowRunUrl, activity = []) {
    const links = liveLinks(run, workflowRunUrl);
    return [
        marker,
        `## ⏳ The Oz agent is ${friendlyState(run.state)} (${(0,duration/* formatDuration */.a)(elapsedMs)})`,
        '',
        ...(run.title ? [`**${(0,markdown/* escapeMarkdown */.FV)((0,limits/* fitChars */.nH)(run.title, 500))}**`, ''] : []),
        ...activity,
        links.length > 0 ? links.join(' · ') : 'The link to watch the agent appears here when it starts.',
    ].join('\n');
}
/** One line on a live run: the state in words, the time so far, where to watch. */
function progressLine(run, elapsedMs, workflowRunUrl) {
    const links = liveLinks(run, workflowRunUrl);
    return `⏳ The Oz agent is ${friendlyState(run.state)} (${(0,duration/* formatDuration */.a)(elapsedMs)})${links.length > 0 ? ` · ${links.join(' · ')}` : ''}`;
}
/** The conversation comment once the request is answered: the exchange with its answer, and how the run ended. */
function finishedConversation(conversation, report, context, asides, folded = [], latestOnly = false) {
    const exchange = {
        ...conversation.exchange,
        ...(report.agentOutput && { answer: report.agentOutput }),
        ...(report.run?.state && { state: report.run.state }),
    };
    const state = {
        ...(conversation.state.binding && { binding: conversation.state.binding }),
        exchanges: [...conversation.state.exchanges, exchange],
        ...((report.runId ?? conversation.state.runId) !== undefined && { runId: report.runId ?? conversation.state.runId }),
        ...((report.run?.conversation_id ?? conversation.state.conversationId) !== undefined && {
            conversationId: report.run?.conversation_id ?? conversation.state.conversationId,
        }),
    };
    const links = [
        report.run?.session_link ? (0,markdown/* safeLink */.o3)('Open the agent session', report.run.session_link) : undefined,
        context.workflowRunUrl ? (0,markdown/* safeLink */.o3)('Workflow run', context.workflowRunUrl) : undefined,
    ].filter(Boolean);
    const footer = [`**${(0,summary/* outcomeHeading */.hD)(report, context.words)}**${links.length > 0 ? ` · ${links.join(' · ')}` : ''}`];
    if (report.outcome !== 'succeeded' && report.note)
        footer.push('', (0,markdown/* escapeMarkdown */.FV)((0,limits/* fitChars */.nH)(report.note)));
    for (const aside of asides)
        footer.push('', aside);
    if (folded.length > 0)
        footer.push('', ...folded);
    return conversationWithin(state, footer, undefined, latestOnly);
}
/** The step's one comment on the pull request or issue. */
class Comment {
    id;
    url;
    /** Turned off by a failure (warned once): the run is reported in the job summary only. */
    off = false;
    options;
    context;
    lane;
    startedAt = Date.now();
    /** Sentences the conversation comment adds under the current request (why it went to a new run). */
    asides = [];
    /** The run as last told, for the live comment. */
    liveRun;
    /** What the live comment last showed, apart from the time: an edit that would change nothing else is not sent. */
    liveShown;
    finished = false;
    slowedDown = false;
    activity = new AgentActivity();
    throttle;
    constructor(options, context, lane) {
        this.options = options;
        this.context = context;
        this.lane = lane;
        this.id = options.resumeId;
        this.throttle = new EditThrottle(options.editIntervalMs ?? MIN_EDIT_INTERVAL_MS);
    }
    get marker() {
        return this.options.marker;
    }
    /** A sentence for the thread under the current request (plain text: it is escaped here). */
    aside(text) {
        this.asides.push((0,markdown/* escapeMarkdown */.FV)((0,limits/* fitChars */.nH)(text)));
    }
    /** The run exists, or changed state: the first edit is at once (it creates the comment), the run id in it. */
    progress(unredacted) {
        const runId = unredacted.run_id ?? this.liveRun?.run_id;
        // A link to watch the agent is what people wait for: shown at once, not at the next progress edit.
        const newLink = unredacted.session_link !== undefined && unredacted.session_link !== this.liveRun?.session_link;
        this.liveRun = { ...unredacted, ...(runId !== undefined && { run_id: runId }) };
        this.editLive(newLink);
    }
    /** Something the agent did or said (a line of live progress): shown at the next edit. */
    agentDid(line) {
        if (!this.options.showActivity || this.finished)
            return;
        this.activity.add(line);
        this.editLive();
    }
    /** The final text is due: no more live edits. */
    stopLive() {
        this.finished = true;
        this.throttle.stop();
    }
    /** Asks for a live edit of the comment: at once the first time (or when `urgent`), then at most once per interval. */
    editLive(urgent = false) {
        // The run and activity as they are when the edit is due, not when the queue reaches it.
        this.throttle.request(() => {
            const run = this.liveRun;
            const activity = this.activity.snapshot();
            this.lane.enqueue(() => this.writeLive(run, activity));
        }, urgent);
    }
    async writeLive(unredacted, snapshot) {
        if (unredacted === undefined)
            return;
        // Asked for before GitHub refused the edit ahead of it: asked for again, after the pause.
        if (this.throttle.paused)
            return this.editLive();
        const { conversation } = this.options;
        // The conversation's live line shows no title: only what is shown is searched for credentials.
        const run = { ...unredacted, title: conversation ? undefined : await this.redacted(unredacted.title) };
        const activity = this.options.showActivity ? liveLines((await this.context.redactAll?.(snapshot)) ?? snapshot) : [];
        const shown = JSON.stringify([run.state, run.title, run.session_link, run.run_id, this.asides, activity]);
        if (shown === this.liveShown)
            return;
        this.liveShown = shown;
        const written = await this.write(this.liveBody(run, Date.now() - this.startedAt, activity), true);
        if (written)
            this.throttle.accepted();
        else if (written === false) {
            // Refused for GitHub's rate limits: show it again at the next edit, after the pause.
            this.liveShown = undefined;
            this.editLive();
        }
    }
    liveBody(run, elapsed, activity) {
        const { conversation, marker } = this.options;
        const { workflowRunUrl } = this.context;
        if (!conversation)
            return progressBody(marker, run, elapsed, workflowRunUrl, activity);
        return conversationWithin({
            ...conversation.state,
            // The run is the thread's as soon as it exists, so the next request reaches it even if this step dies.
            ...(run.run_id !== undefined && { runId: run.run_id }),
            exchanges: [...conversation.state.exchanges, conversation.exchange],
        }, [
            progressLine(run, elapsed, workflowRunUrl),
            ...this.asides.flatMap((a) => ['', a]),
            ...(activity.length > 0 ? ['', ...activity] : []),
        ], undefined, this.options.reviewThread !== undefined);
    }
    /** What the agent did, for the fold under the answer (redacted); nothing unless activity is shown. */
    async folded() {
        if (!this.options.showActivity)
            return [];
        const snapshot = this.activity.snapshot();
        return foldedLines((await this.context.redactAll?.(snapshot)) ?? snapshot);
    }
    /** The final text: the run's summary (fitted with `folded` under it), or the conversation with its answer. */
    async finish(report, summary, folded) {
        const { conversation, marker } = this.options;
        await this.write(conversation
            ? finishedConversation(conversation, report, this.context, this.asides, folded, this.options.reviewThread !== undefined)
            : [`${marker}\n${summary}`, ...folded].join('\n'));
    }
    /** A text the agent or the API wrote, with credentials taken out. */
    async redacted(text) {
        return text === undefined ? undefined : ((await this.context.redactAll?.(text)) ?? text);
    }
    /**
     * Writes the comment; true when written. A live edit (`live`) of a comment that exists, refused
     * with 403 or 429 (GitHub's rate limits), resolves false and makes the next edit wait longer;
     * any other failure turns comments off with a warning and resolves undefined.
     */
    async write(text, live = false) {
        const { thread, reviewThread } = this.options;
        // The last guard: bodies are fitted when rendered, but GitHub refuses one a character too long.
        const body = fitComment(this.context.redact?.(text) ?? text);
        if (this.off || (thread === undefined && reviewThread === undefined && this.id === undefined))
            return undefined;
        try {
            if (this.id !== undefined) {
                const api = await this.lane.github();
                await (reviewThread ? api.updateReviewComment(this.id, body) : api.updateComment(this.id, body));
            }
            else if (reviewThread !== undefined) {
                // Never abandoned half-way, as a create below: a second reply would follow.
                const written = await (await this.lane.api()).replyToReviewComment(reviewThread.pull, reviewThread.root, body);
                this.id = written.id;
                this.url = written.url;
                this.options.onComment?.(written.id);
            }
            else if (thread !== undefined) {
                // A create is never abandoned half-way (only its own deadline ends it): GitHub may have made the
                // comment, and the next write would add a second one.
                const api = await this.lane.api();
                // Only the step's own comment of an earlier attempt: anyone can paste the marker into a comment,
                // and the token may edit theirs, which would overwrite a person's words and leave the report in
                // a comment its author can rewrite.
                const existing = this.options.conversation
                    ? undefined
                    : await api.findOwnComment(thread, this.options.marker, await api.identity());
                const written = existing ? await api.updateComment(existing.id, body) : await api.createComment(thread, body);
                this.id = written.id;
                this.url = written.url;
                this.options.onComment?.(written.id);
            }
            return true;
        }
        catch (error) {
            return this.failed(error, live);
        }
    }
    /** A write that failed: a live edit GitHub held back is tried later; anything else turns comments off. */
    failed(error, live) {
        // Aborted by the step (the final text follows, or the budget ran out): comments stay on.
        if ((0,types/* isStoppedRequest */.xd)(error))
            return undefined;
        const status = (0,types/* isGitHubApiError */.ID)(error) ? error.status : 0;
        // A live edit GitHub did not answer in time is tried again later, as one its rate limits refused.
        const slow = (0,types/* isGitHubApiError */.ID)(error) && error.unanswered === 'timeout';
        if (live && this.id !== undefined && (status === 403 || status === 429 || slow)) {
            this.throttle.refused((0,types/* isGitHubApiError */.ID)(error) ? error.retryAfterMs : undefined);
            if (!this.slowedDown) {
                this.slowedDown = true;
                this.context.debug?.(`GitHub ${slow ? 'did not answer' : 'refused'} a live edit of the comment (${slow ? (0,errors/* messageOf */.bD)(error) : status}); the next waits ${this.throttle.currentIntervalMs / 1000} s.`);
            }
            return false;
        }
        this.off = true;
        this.context.warn(status === 403 || status === 404
            ? "The token cannot write comments here, so the run is reported in the job summary only. To get a comment, add `pull-requests: write` (pull requests) or `issues: write` (issues) to the job's permissions; a fork's read-only token never can."
            : `Could not write the pull request comment: ${(0,errors/* messageOf */.bD)(error)}. The run is reported in the job summary.`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/github/feedback.ts
/**
 * What the step says on GitHub while the run goes and once it ends: the check run (check-run.ts) and
 * the pull request comment (comment.ts), each a thing of its own, kept in step with the run through
 * one queue, so polling never waits for GitHub.
 */







/**
 * Keeps a pull request (or issue) comment and a check run in step with the run. Comment failures only
 * warn (once); a check run that cannot be created is an error, since the user relies on it to gate
 * merges. Updates are queued so polling never waits for GitHub.
 */
class Feedback {
    options;
    check;
    comment;
    queue = Promise.resolve();
    failed = false;
    /** Aborts the live edits in flight when the final text is due: it replaces whatever they were writing. */
    live = new AbortController();
    /** What the requests made now are aborted with (besides each one's own deadline). */
    signal = this.live.signal;
    constructor(options) {
        this.options = options;
        const { check } = options;
        this.check = new CheckRun({
            ...(check?.name && { name: check.name }),
            headSha: check?.headSha ?? '',
            ...(options.workflowRunUrl && { workflowRunUrl: options.workflowRunUrl }),
            ...(options.redact && { redact: options.redact }),
        }, check?.resumeId);
        this.comment = new Comment(options.comment, options, {
            github: () => this.github(),
            api: options.api,
            enqueue: (task) => this.enqueue(task),
        });
    }
    get checkRunId() {
        return this.check.id;
    }
    get commentId() {
        return this.comment.id;
    }
    get commentUrl() {
        return this.comment.url;
    }
    /** Creates the check run, in progress, before the agent starts. Throws CheckRunError when it cannot. */
    async startCheck() {
        if (this.options.check?.name)
            await this.check.start(() => this.github());
    }
    /**
     * The run's stop: live edits and check run updates still waiting for GitHub when the run is stopped
     * are aborted then (the final update follows, within its own budget).
     */
    stopWith(signal) {
        this.signal = AbortSignal.any([this.live.signal, signal]);
    }
    /** The GitHub API, its requests aborted with the current phase's signal. */
    async github() {
        return (await this.options.api()).within(this.signal);
    }
    /** A sentence for the thread under the current request (plain text: it is escaped here). */
    aside(text) {
        this.comment.aside(text);
    }
    /** The run exists, or changed state: update the comment (creating it the first time) and the check. */
    progress(unredacted) {
        this.comment.progress(unredacted);
        this.enqueue(async () => {
            if (this.check.id === undefined)
                return;
            // Only what is shown is searched for credentials, so the detector loads only when there is such text.
            const title = unredacted.title === undefined ? undefined : ((await this.options.redactAll?.(unredacted.title)) ?? unredacted.title);
            await this.check.progress(await this.github(), { ...unredacted, title });
        });
    }
    /** Something the agent did or said (a line of live progress): shown in the comment, at the next edit. */
    agentDid(line) {
        this.comment.agentDid(line);
    }
    /**
     * The step is ending: finish the comment and complete the check, whatever the outcome. Resolves false
     * if GitHub refused an update. A live edit still waiting for GitHub is aborted (the final text
     * replaces it); the final requests are aborted when `signal` aborts (the caller's budget ran out).
     */
    async finish(unredacted, signal) {
        this.comment.stopLive();
        this.live.abort();
        this.signal = signal ?? new AbortController().signal;
        this.enqueue(async () => {
            const report = (await this.options.redactAll?.(unredacted)) ?? unredacted;
            // The answer first; what the agent did folded under it (the summary leaves it room).
            const folded = await this.comment.folded();
            const summary = summaryWithin(report, [this.comment.marker, ...folded].join('\n'), this.options.words);
            await this.comment.finish(report, summary, folded);
            if (!this.signal.aborted)
                this.options.onFinished?.('comment');
            if (this.check.id !== undefined) {
                await this.check.complete(await this.github(), report, summary, this.options.check?.conclusion);
                if (!this.signal.aborted)
                    this.options.onFinished?.('check');
            }
        });
        await this.queue;
        return !this.failed && !this.comment.off;
    }
    enqueue(task) {
        this.queue = this.queue.then(task).catch((error) => {
            // Stopped by the step itself: what comes next (or the post step) says how it ended.
            if ((0,types/* isStoppedRequest */.xd)(error))
                return;
            this.failed = true;
            this.options.warn(`Could not update GitHub: ${(0,errors/* messageOf */.bD)(error)}`);
        });
    }
}
/**
 * The hidden marker for this step's comment: the same for every attempt of the workflow run. `entry`
 * tells apart the entries of a matrix job, which share the run, job and step ids (the action passes
 * a hash of the step's settings).
 */
function commentMarker(entry, env = process.env) {
    const step = `run=${env.GITHUB_RUN_ID ?? ''} job=${env.GITHUB_JOB ?? ''} step=${env.GITHUB_ACTION ?? ''}`;
    return `${github_event/* COMMENT_MARKER_PREFIX */.QO} ${step} entry=${entry} -->`;
}

// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/action/github-access.ts + 1 modules
var github_access = __webpack_require__(4237);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
;// CONCATENATED MODULE: ./src/threads/triggers.ts


const TRUSTED_ROLES = ['admin', 'maintain', 'write'];
const sameLogin = (a, b) => a.replace(/\[bot\]$/i, '').toLowerCase() === b.replace(/\[bot\]$/i, '').toLowerCase();
/**
 * Whether this event may start an agent. Only comment and review events are checked: anyone can
 * comment on a public repository, and an agent acts with the repository's secrets. Fails closed: when
 * the permission cannot be looked up, the event is not trusted.
 */
async function decideTrigger(event, trust, permissionOf) {
    if (!event.isComment)
        return { allowed: true };
    if (event.commentBody?.includes(github_event/* COMMENT_MARKER_PREFIX */.QO)) {
        return { allowed: false, reason: 'the comment is one this action wrote' };
    }
    const actor = event.actor;
    if (!actor)
        return { allowed: false, reason: `the ${event.name} event names no author` };
    if (actor.isBot) {
        return trust.allowedBots.some((bot) => sameLogin(bot, actor.login))
            ? { allowed: true }
            : { allowed: false, reason: `${actor.login} is a bot, and bots start the agent only when listed in allowed_bots` };
    }
    // A person's login, compared whole: a listed 'x[bot]' must not let a person named 'x' in (bots were judged above).
    if (trust.allowedUsers.some((user) => user.toLowerCase() === actor.login.toLowerCase()))
        return { allowed: true };
    if (!permissionOf) {
        return { allowed: false, reason: `no github_token to check ${actor.login}'s permission, and they are not in allowed_users` };
    }
    let role;
    try {
        role = await permissionOf(actor.login);
    }
    catch (error) {
        return { allowed: false, reason: `${actor.login}'s permission could not be checked (${(0,errors/* messageOf */.bD)(error)})` };
    }
    return TRUSTED_ROLES.includes(role)
        ? { allowed: true }
        : {
            allowed: false,
            reason: `${actor.login} has ${role} permission; the agent starts only for people with write, maintain or admin access, or listed in allowed_users`,
        };
}

;// CONCATENATED MODULE: ./src/threads/mention.ts

/** Events where a trigger phrase may start the agent: comments, reviews and issues. */
const MENTION_EVENTS = ['issue_comment', 'pull_request_review_comment', 'pull_request_review', 'issues'];
const blank = (s) => s.replace(/[^\n]/g, ' ');
/** A line that starts a block of its own, so it is not the lazy continuation of a quoted paragraph. */
const BLOCK_START = /^ {0,3}(?:[-*+] |\d{1,9}[.)] |#{1,6}(?: |$)|`{3,}|~{3,}|<|(?:[-*_] *){3,}$)/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?: |$)/;
/**
 * Blanks, line by line, the blocks where a mention is not a request: fenced code (a backtick fence's
 * info string has no backtick, as GitHub parses it), indented code, and block quotes with their lazy
 * continuation lines (`> @oz ...` quotes someone; the line after it, without a blank line between, is
 * still part of the quote when GitHub renders it).
 */
function withoutInertBlocks(text) {
    const scan = new BlockScan();
    return text
        .split('\n')
        .map((line) => (scan.isInert(line) ? blank(line) : line))
        .join('\n');
}
/** The block structure so far, line by line, as far as telling inert lines apart needs it. */
class BlockScan {
    fence;
    quoted = false;
    previousBlank = true;
    inList = false;
    indentedCode = false;
    isInert(line) {
        const isBlank = line.trim() === '';
        const inert = this.classify(line, isBlank);
        this.previousBlank = isBlank;
        return inert;
    }
    classify(line, isBlank) {
        if (this.fence !== undefined) {
            const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
            if (close !== undefined && close[0] === this.fence[0] && close.length >= this.fence.length)
                this.fence = undefined;
            return true;
        }
        const open = /^ {0,3}(`{3,})[^`]*$/.exec(line)?.[1] ?? /^ {0,3}(~{3,})/.exec(line)?.[1];
        if (open !== undefined) {
            this.fence = open;
            this.quoted = this.indentedCode = false;
            return true;
        }
        if (/^ {0,3}>/.test(line)) {
            this.quoted = true;
            return true;
        }
        if (isBlank) {
            // A blank line ends a quote; indented code goes on across it.
            this.quoted = false;
            return false;
        }
        // A lazy continuation: GitHub renders it inside the quote.
        if (this.quoted && !BLOCK_START.test(line))
            return true;
        this.quoted = false;
        const indented = /^(?: {4}| {0,3}\t)/.test(line);
        // Indented code starts after a blank line, except in a list, where indentation continues an item.
        if (indented && (this.indentedCode || (this.previousBlank && !this.inList))) {
            this.indentedCode = true;
            return true;
        }
        this.indentedCode = false;
        if (LIST_ITEM.test(line))
            this.inList = true;
        else if (!indented)
            this.inList = false;
        return false;
    }
}
/**
 * Blanks, left to right as GitHub's inline parser reads, code spans (a backtick run closed by a run of
 * the same length, within a paragraph) and HTML comments (`<!-- Tip: mention @oz -->` in an issue
 * template renders as nothing; an unclosed one is blanked to the end, the safe side).
 */
function withoutInertInline(text) {
    let out = '';
    let i = 0;
    while (i < text.length) {
        if (text.startsWith('<!--', i)) {
            const end = text.indexOf('-->', i + 4);
            const stop = end < 0 ? text.length : end + 3;
            out += blank(text.slice(i, stop));
            i = stop;
            continue;
        }
        if (text[i] === '`') {
            let n = i;
            while (text[n] === '`')
                n++;
            const run = n - i;
            const close = closingRun(text, n, run);
            if (close >= 0) {
                out += blank(text.slice(i, close + run));
                i = close + run;
            }
            else {
                out += text.slice(i, n);
                i = n;
            }
            continue;
        }
        out += text[i];
        i++;
    }
    return out;
}
/** Where a run of exactly `length` backticks starts after `from`, before the paragraph ends; -1 when none. */
function closingRun(text, from, length) {
    const paragraphEnd = /\n[ \t]*\n/g;
    paragraphEnd.lastIndex = from;
    const limit = paragraphEnd.exec(text)?.index ?? text.length;
    for (let i = from; i < limit; i++) {
        if (text[i] !== '`')
            continue;
        let n = i;
        while (text[n] === '`')
            n++;
        if (n - i === length && n <= limit)
            return i;
        i = n;
    }
    return -1;
}
/** The text with everything that is not a live request blanked out (same length, so indices still match). */
function withoutInert(text) {
    return withoutInertInline(withoutInertBlocks(text));
}
/**
 * Where `phrase` stands in `text` as a whole word outside code, HTML comments and quotes (not inside
 * `@oz-bot` or `foo@oz`), case-insensitively; -1 when it does not.
 */
function findPhrase(text, phrase) {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(^|[^\\w@/-])${escaped}(?![\\w-])`, 'i').exec(withoutInert(text));
    return match ? match.index + match[1].length : -1;
}
/** What the event is about, in words: `issue comment`, `pull request review`, `issue`. */
function eventNoun(event) {
    return event.name === 'issues' ? 'issue' : event.name.replaceAll('_', ' ');
}
/**
 * Why this event's action does not start an agent, or undefined when it may: a deleted comment never
 * does; a comment, review or issue does when it is written (created, submitted, opened), and an edit
 * only when it is what added the mention (a fixed typo in `@oz` starts the agent, an edit of a comment
 * that already asked does not start a second one). Issue events other than opened and edited never do.
 */
function inactiveAction(event, phrase) {
    const action = event.action;
    const what = eventNoun(event);
    if (action === undefined)
        return undefined;
    if (action === 'deleted')
        return `the ${what} was deleted`;
    const written = { issues: 'opened', pull_request_review: 'submitted' }[event.name] ?? 'created';
    if (action === written)
        return undefined;
    if (action !== 'edited')
        return `the ${what} was ${action}; only a new (${written}) or edited one may start the agent`;
    if (event.previousBody === undefined)
        return `the edit of the ${what} did not change its text`;
    if (findPhrase(event.previousBody, phrase) >= 0)
        return `the ${what} already mentioned ${phrase} before this edit`;
    return undefined;
}
/** The body that may carry the phrase: the comment's, the review's, or the issue's. */
function mentionBody(event) {
    return event.name === 'issues' ? event.issueBody : event.commentBody;
}
/** What was asked: the text after the phrase, or the whole body when nothing follows it. */
function requestText(body, at, phrase) {
    const after = body.slice(at + phrase.length).trim();
    return after !== '' ? after : body.replace(body.slice(at, at + phrase.length), '').trim();
}
/**
 * The prompt for a request made in a thread: the standing instruction (the `prompt` input) when there
 * is one, then who asked, where, and what.
 */
function mentionPrompt(event, request, standing) {
    const thread = event.thread;
    const kind = thread?.isPullRequest ? 'pull request' : 'issue';
    const where = [
        `${kind} #${thread?.number ?? '?'} in ${event.owner}/${event.repo}`,
        event.title ? `titled "${event.title}"` : undefined,
        thread?.url,
    ].filter(Boolean);
    const branches = thread?.isPullRequest && (event.headRef || event.baseRef)
        ? `The pull request's head branch is ${event.headRef ?? '(unknown)'} and its base branch is ${event.baseRef ?? '(unknown)'}.`
        : undefined;
    const place = event.comment?.place;
    return [
        ...(standing ? [standing.trim(), ''] : []),
        `@${event.actor?.login ?? 'someone'} asked you this on ${where.join(', ')}.`,
        ...(branches ? [branches] : []),
        ...(place ? placeLines(place) : []),
        '',
        request,
    ].join('\n');
}
/** Where an inline review comment sits, in words: `src/a.ts, lines 10 to 12 of the new version`. */
function placeText(place) {
    const lines = place.line === undefined
        ? 'the whole file'
        : place.startLine !== undefined
            ? `lines ${place.startLine} to ${place.line}`
            : `line ${place.line}`;
    const side = place.line === undefined ? '' : place.side === 'LEFT' ? ' of the old version (a removed line)' : ' of the new version';
    return `${place.path}, ${lines}${side}`;
}
/** The diff hunk GitHub sends can be long: its end, where the commented lines are, is kept. */
const MAX_HUNK_CHARS = 6000;
/** What the agent is told of an inline review comment's place: the file, the lines, the side, the commit and the diff hunk. */
function placeLines(place) {
    const lines = [
        `The request is an inline review comment on ${placeText(place)}${place.commit ? `, at commit ${place.commit}` : ''}: "this" and "here" mean those lines.`,
    ];
    if (place.diffHunk) {
        const hunk = place.diffHunk.length > MAX_HUNK_CHARS ? `…\n${place.diffHunk.slice(-MAX_HUNK_CHARS)}` : place.diffHunk;
        // The hunk is the pull request's text: a fence longer than any backtick run in it keeps it one block.
        const fence = '`'.repeat(Math.max(3, ...[...hunk.matchAll(/`+/g)].map((m) => m[0].length + 1)));
        lines.push('The diff hunk the comment is on (its last line is the commented one):', `${fence}diff`, (0,limits/* fitChars */.nH)(hunk, MAX_HUNK_CHARS + 2), fence);
    }
    return lines;
}

// EXTERNAL MODULE: ./src/run/plan.ts
var plan = __webpack_require__(8446);
// EXTERNAL MODULE: ./src/action/vocabulary.ts
var vocabulary = __webpack_require__(3176);
// EXTERNAL MODULE: ./src/settings/options.ts
var options = __webpack_require__(8031);
;// CONCATENATED MODULE: ./src/github/images.ts


const IMAGE_BOUNDS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000 };
const MAX_REDIRECTS = 3;
/** The user-attachment image URLs in a body, in order, each once. */
function imageUrls(body, serverUrl) {
    const server = serverUrl.replace(/\/+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(?:${server}/user-attachments/assets/[A-Za-z0-9-]+|https://(?:private-)?user-images\\.githubusercontent\\.com/[A-Za-z0-9._/%-]+\\.(?:png|jpe?g|gif|webp)(?:\\?[A-Za-z0-9=&._%-]*)?)`, 'g');
    return [...new Set(body.match(pattern) ?? [])];
}
/** Whether a URL is on a host GitHub serves attachments from: the server, or githubusercontent.com. */
function allowedHost(url, serverUrl) {
    const server = new URL(serverUrl);
    if (url.host === server.host && url.protocol === server.protocol)
        return true;
    return url.protocol === 'https:' && (url.hostname === 'githubusercontent.com' || url.hostname.endsWith('.githubusercontent.com'));
}
/** Downloads the images of `body` within the bounds; returns them and the warnings for those left out. */
async function downloadImages(body, bounds) {
    const attachments = [];
    const warnings = [];
    const urls = imageUrls(body, bounds.serverUrl);
    if (urls.length > bounds.max) {
        warnings.push(`The comment has ${urls.length} images; only the first ${bounds.max} are sent to the agent (at most 5 attachments).`);
    }
    for (const [i, url] of urls.slice(0, Math.max(0, bounds.max)).entries()) {
        try {
            const data = await fetchImage(url, bounds);
            const mime = (0,options/* imageType */.wm)(data);
            if (mime === undefined)
                throw new Error('it is not a jpeg, png, gif or webp image');
            attachments.push({
                file_name: `comment-image-${i + 1}.${mime.slice(6).replace('jpeg', 'jpg')}`,
                mime_type: mime,
                data: data.toString('base64'),
            });
        }
        catch (error) {
            warnings.push(`Image ${url} from the comment was not sent to the agent: ${(0,errors/* messageOf */.bD)(error)}.`);
        }
    }
    return { attachments, warnings };
}
async function fetchImage(first, bounds) {
    const signal = AbortSignal.timeout(bounds.timeoutMs);
    let url = new URL(first);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        if (!allowedHost(url, bounds.serverUrl))
            throw new Error(`${url.host} is not a GitHub host`);
        const onServer = url.host === new URL(bounds.serverUrl).host;
        const response = await fetch(url, {
            redirect: 'manual',
            signal,
            headers: { Accept: 'image/*', ...(onServer && bounds.token ? { Authorization: `Bearer ${bounds.token}` } : {}) },
        });
        if (response.status >= 300 && response.status < 400) {
            const location = response.headers.get('location');
            await response.body?.cancel();
            if (!location)
                throw new Error(`a ${response.status} without a location`);
            url = new URL(location, url);
            continue;
        }
        if (!response.ok) {
            await response.body?.cancel();
            throw new Error(`GitHub answered ${response.status}`);
        }
        return await readBounded(response, bounds.maxBytes);
    }
    throw new Error('too many redirects');
}
async function readBounded(response, maxBytes) {
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) {
        await response.body?.cancel();
        throw new Error(`it is larger than ${maxBytes / 1024 / 1024} MiB`);
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
        size += chunk.length;
        if (size > maxBytes)
            throw new Error(`it is larger than ${maxBytes / 1024 / 1024} MiB`);
        chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
}

// EXTERNAL MODULE: ./src/settings/primitives.ts
var primitives = __webpack_require__(2935);
// EXTERNAL MODULE: ./src/action/log.ts
var log = __webpack_require__(8592);
;// CONCATENATED MODULE: ./src/threads/step.ts












/** Whether this event is one where `trigger_phrase` decides if the agent starts. */
function isMentionEvent(settings, event) {
    return settings.triggerPhrase !== '' && MENTION_EVENTS.includes(event.name);
}
/**
 * What to say when `trigger_phrase` is set on an event it does not apply to (a push, a schedule): the
 * phrase is not looked for there, and the step runs its prompt as if the phrase were not set.
 */
function triggerPhraseIgnored(settings, event) {
    if (settings.triggerPhrase === '' || isMentionEvent(settings, event))
        return undefined;
    return (`trigger_phrase ${(0,primitives/* quote */.hD)(settings.triggerPhrase)} applies only to ${MENTION_EVENTS.join(', ')} events, and this is ` +
        `${event.name ? `a ${event.name} event` : 'no event'}: the phrase is not looked for, and the step runs as if it were not set.`);
}
/** The images pasted into the triggering comment or issue go with a new run's prompt too (within the API's 5). */
async function withCommentImages(settings, request, body) {
    const given = request.attachments ?? [];
    if (imageUrls(body, settings.serverUrl).length === 0)
        return request;
    const found = await downloadImages(body, {
        ...IMAGE_BOUNDS,
        max: options/* MAX_ATTACHMENTS */.qQ - given.length,
        serverUrl: settings.serverUrl,
        ...(settings.githubToken && { token: settings.githubToken }),
    });
    for (const warning of found.warnings)
        core/* warning */.$e(warning);
    if (found.attachments.length === 0)
        return request;
    log/* info */.pq(`Sending ${found.attachments.length} image(s) from the comment to the agent.`);
    return { ...request, attachments: [...given, ...found.attachments] };
}
/**
 * A follow-up sends text only. The API's follow-up request has an `attachments` field now, but its ids
 * come from an upload endpoint that Warp's docs mark internal and no SDK offers, so this action does not
 * build on it. Images in the comment (and the attachments input) went with the thread's first run
 * only; said once, so nobody believes the agent saw them.
 */
function tellImagesNotFollowing(settings, body) {
    const images = imageUrls(body, settings.serverUrl).length;
    const given = settings.create?.attachments?.length ?? 0;
    if (images === 0 && given === 0)
        return;
    const what = [
        images > 0 ? `the comment's ${images === 1 ? 'image' : `${images} images`}` : '',
        given > 0 ? `the attachments input's ${given === 1 ? 'image' : `${given} images`}` : '',
    ]
        .filter(Boolean)
        .join(' and ');
    core/* notice */.lm(`${what[0].toUpperCase()}${what.slice(1)} ${images + given === 1 ? 'is' : 'are'} not sent to the agent: this request goes to the thread's run as a follow-up, ` +
        "and this action sends a follow-up's text only: the API takes a follow-up's images only through an upload endpoint that Warp marks internal, " +
        'which no SDK offers (images go with a new run). Describe the image in words, ' +
        'or set continue_conversation to false to start a new run with it.');
}
/**
 * Reads the request from the event and decides what to run for it, as a new value (the settings stay
 * as parsed): a follow-up to the thread's run when there is one (and `continue_conversation`), else a
 * new run with a prompt written from the event. Returns why not to start when the phrase is not there.
 */
async function prepareMention(settings, event, github) {
    const inactive = inactiveAction(event, settings.triggerPhrase);
    if (inactive !== undefined)
        return { skip: inactive };
    const body = mentionBody(event) ?? '';
    const at = findPhrase(body, settings.triggerPhrase);
    if (at < 0)
        return { skip: `the ${eventNoun(event)} does not mention ${settings.triggerPhrase}` };
    if (event.thread === undefined)
        return { skip: `the ${event.name} event names no pull request or issue` };
    const request = requestText(body, at, settings.triggerPhrase);
    const who = event.actor?.login ?? 'someone';
    const root = event.comment?.place?.root;
    const binding = event.owner && event.repo
        ? { repository: `${event.owner}/${event.repo}`, thread: event.thread.number, ...(root !== undefined && { reviewThread: root }) }
        : undefined;
    const { state, commentId } = binding && github ? await readConversation(github, binding) : { state: { exchanges: [], ...(binding && { binding }) } };
    const known = await withPullRequest(event, github);
    const chosen = mentionTarget(settings, known, state, who, request);
    const target = chosen.kind === 'create' ? { kind: 'create', request: await withCommentImages(settings, chosen.request, body) } : chosen;
    if (target.kind === 'follow-up')
        tellImagesNotFollowing(settings, body);
    core/* startGroup */.Oh(target.kind === 'follow-up' ? 'The follow-up the agent was sent' : 'The prompt the agent was given');
    log/* info */.pq((0,plan/* sentText */.EV)(target, settings.outputSchema));
    core/* endGroup */.N4();
    const reactTo = event.comment !== undefined
        ? { kind: event.comment.kind === 'review' ? 'review-comment' : 'issue-comment', id: event.comment.id }
        : event.name === 'issues'
            ? { kind: 'issue', number: event.thread.number }
            : undefined;
    return {
        target,
        event: known,
        mention: {
            thread: event.thread.number,
            exchange: { who, request, ...(event.comment?.url && { url: event.comment.url }) },
            state,
            ...(commentId !== undefined && { commentId }),
            ...(reactTo && { target: reactTo }),
            ...(root !== undefined && { reviewThread: root }),
        },
    };
}
/**
 * What the mention runs: a follow-up to the thread's run, whose id is checked by the rule of the
 * `run_id` input (a saved id that breaks it starts a new run instead), or a new run. The follow-up
 * carries what the thread's run must be and the new run to start when it is not (gone, or another
 * thread's): the lifecycle checks it before anything is sent.
 */
function mentionTarget(settings, event, state, who, request) {
    const fresh = { ...settings.create, prompt: mentionPrompt(event, request, settings.standingPrompt) };
    const owner = (0,github_context/* threadOwner */.AD)(event);
    if (settings.continueConversation && state.runId !== undefined && owner !== undefined) {
        try {
            const runId = (0,settings_settings/* checkRunId */.np)(state.runId, "run id in this thread's conversation comment");
            log/* info */.pq(`Continuing this thread's conversation: the request goes to Oz run ${runId} as a follow-up.`);
            const place = event.comment?.place;
            const on = place ? ` in the review thread on ${placeText(place)}` : '';
            const message = `@${who} follows up${on}${event.comment?.url ? ` (${event.comment.url})` : ''}:\n\n${request}`;
            return { kind: 'follow-up', runId, message, thread: { owner, fresh } };
        }
        catch (error) {
            core/* warning */.$e(`${(0,errors/* messageOf */.bD)(error)} Starting a new run.`);
        }
    }
    return { kind: 'create', request: fresh };
}
/**
 * The action's last reply in a review thread that holds a conversation: by the token's own identity
 * and starting with the marker (anyone can paste both into a reply). Each request there gets a reply
 * of its own, so no id is returned to edit.
 */
async function lastOwnReply(api, binding) {
    const login = (await api.identity()).toLowerCase();
    const comments = await api.reviewThreadComments(binding.thread, binding.reviewThread);
    const own = comments.filter((c) => c.login.toLowerCase() === login && c.body.startsWith(CONVERSATION_MARKER)).at(-1);
    return own && { body: own.body };
}
/**
 * The thread's conversation comment (or, in a review thread, the action's last reply there) and the
 * state in it; an empty conversation when there is none, it cannot be used, or the token may not read
 * it. Throws when GitHub does not say (see below).
 */
async function readConversation(github, binding) {
    const empty = { exchanges: [], binding };
    try {
        const api = await github();
        const { reviewThread } = binding;
        if (reviewThread !== undefined) {
            const reply = await lastOwnReply(api, { ...binding, reviewThread });
            return { state: reply ? usableState(reply.body, binding) : empty };
        }
        const found = await api.findOwnComment(binding.thread, CONVERSATION_MARKER, await api.identity());
        if (!found)
            return { state: empty };
        return { state: usableState(found.body, binding), commentId: found.id };
    }
    catch (error) {
        // Refused for want of a permission: this token could not have written a conversation here either.
        const status = (0,types/* isGitHubApiError */.ID)(error) ? error.status : 0;
        if (status === 403 || status === 404) {
            core/* warning */.$e(`Could not read this thread's conversation (${(0,errors/* messageOf */.bD)(error)}); starting a new one.`);
            return { state: empty };
        }
        // Anything else (no answer, a 5xx) cannot tell whether an earlier attempt already sent this request:
        // a new agent could be a second one for it.
        throw new errors/* CodedError */.AK('thread-unreadable', `Could not read this thread's conversation (${(0,errors/* messageOf */.bD)(error)}), so no agent was started: it could be a second one for a request an earlier attempt already sent. Re-run the job once GitHub answers.`, { cause: error });
    }
}
/** The state in the action's comment, or an empty one, with a warning, when it cannot be used. */
function usableState(body, binding) {
    const read = decodeState(body, binding);
    if (read.problem !== undefined)
        core/* warning */.$e(`This thread's conversation comment was not used (${read.problem}); starting a new conversation.`);
    return read.state;
}
/**
 * The event with its pull request's head and base branches and repositories: a comment event's payload
 * has none, so the pull request is read. Without them (no token, or the read failed) the prompt says
 * the branches are unknown, and the pull request is taken for a fork's (the safe side).
 */
async function withPullRequest(event, github) {
    const thread = event.thread;
    const known = event.headRef && event.baseRef && event.baseRepository !== undefined && event.headRepository !== undefined;
    if (!thread?.isPullRequest || known || !github)
        return event;
    try {
        const pull = await (await github()).pullRequest(thread.number);
        return {
            ...event,
            headRef: pull.headRef,
            baseRef: pull.baseRef,
            headRepository: pull.headRepository,
            baseRepository: pull.baseRepository,
            headSha: pull.headSha,
        };
    }
    catch (error) {
        core/* warning */.$e(`Could not read pull request #${thread.number} for its branches (${(0,errors/* messageOf */.bD)(error)}); the prompt goes without them.`);
        return event;
    }
}

// EXTERNAL MODULE: ./src/github/fork.ts
var fork = __webpack_require__(356);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/review/diff.ts
/**
 * Which lines of a pull request a review comment may be on. GitHub accepts a comment only on a line
 * of the diff: an added or unchanged (context) line of a hunk on the RIGHT side, a removed or
 * context line on the LEFT, and a range only within one hunk. The pull request's files list gives
 * each file's `patch`, the unified diff hunks this reads.
 */
const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
/** The commentable lines of one file's patch (none for a patch GitHub left out, such as a binary file's). */
function patchLines(patch) {
    const lines = { RIGHT: new Map(), LEFT: new Map() };
    if (patch === undefined)
        return lines;
    let hunk = -1;
    let left = 0;
    let right = 0;
    for (const text of patch.split('\n')) {
        const header = HUNK.exec(text);
        if (header) {
            hunk++;
            left = Number(header[1]);
            right = Number(header[2]);
            continue;
        }
        if (hunk < 0 || text.startsWith('\\'))
            continue; // "\ No newline at end of file"
        if (text.startsWith('+')) {
            lines.RIGHT.set(right++, hunk);
        }
        else if (text.startsWith('-')) {
            lines.LEFT.set(left++, hunk);
        }
        else {
            lines.RIGHT.set(right++, hunk);
            lines.LEFT.set(left++, hunk);
        }
    }
    return lines;
}
/** A pull request's diff: the commentable lines of each changed file. */
class Diff {
    files = new Map();
    constructor(files) {
        for (const file of files)
            this.files.set(file.filename, patchLines(file.patch));
    }
    /** Whether a comment on `line` (or the range `startLine`..`line`) of `path` is on the diff. */
    has(path, side, line, startLine) {
        const hunks = this.files.get(path)?.[side];
        const hunk = hunks?.get(line);
        if (hunk === undefined)
            return false;
        if (startLine === undefined)
            return true;
        if (startLine >= line)
            return false;
        for (let n = startLine; n < line; n++)
            if (hunks.get(n) !== hunk)
                return false;
        return true;
    }
}

// EXTERNAL MODULE: ./src/review/text.ts
var review_text = __webpack_require__(8361);
;// CONCATENATED MODULE: ./src/review/publish.ts
/**
 * Pull request reviews on GitHub: what the agent is told before it starts (the pull request's
 * commits and files, and the commit of the action's previous review), and posting its review after
 * the run as one GitHub review with comments on their lines.
 */







/** At most this many comments go on their lines; the rest are listed in the review's body. */
const MAX_INLINE_COMMENTS = 30;
const MARKER = `${github_event/* COMMENT_MARKER_PREFIX */.QO} review`;
/**
 * The hidden marker of the action's review: it names the commit reviewed, for the next review, and
 * (`source`) the workflow and job that wrote it. Every job that runs the action posts with the same
 * token, so without the source one job's approval would withdraw another job's request for changes.
 */
function reviewMarker(commit, source) {
    return `${MARKER} commit=${commit}${source === undefined ? '' : ` source=${source}`} -->`;
}
const MARKER_LINE = new RegExp(`^${MARKER} commit=([0-9a-f]{7,64})(?: source=([0-9a-f]{12}))? -->`);
/**
 * The commit a review body's marker names; undefined when it has none. The marker is read only where
 * the action writes it, first: a review may quote another one, marker and all.
 */
function reviewedCommit(body) {
    return MARKER_LINE.exec(body)?.[1];
}
/**
 * Whether a review's body is the action's, written by the job of `source`: it starts with the review
 * marker, and names that source (a marker without one was written before markers named it, and is
 * taken as any job's).
 */
function isOwnReviewBody(body, source) {
    const marker = MARKER_LINE.exec(body);
    return marker !== null && (marker[2] === undefined || source === undefined || marker[2] === source);
}
/**
 * The source a review marker names: the workflow file (without the ref, which differs per pull
 * request) and the job, hashed (names may hold any text, and a marker must not).
 */
function reviewSource(env = process.env) {
    const workflow = (env.GITHUB_WORKFLOW_REF ?? env.GITHUB_WORKFLOW ?? '').replace(/@.*$/, '');
    return (0,external_node_crypto_.createHash)('sha256')
        .update(`${workflow}\n${env.GITHUB_JOB ?? ''}`)
        .digest('hex')
        .slice(0, 12);
}
/**
 * Reads the pull request's commits and files, and the commit of the action's previous review (found
 * by its marker, only among reviews by the token's own identity: anyone can paste a marker). A read
 * that fails leaves that part out and is noted in `unread`; the review still goes ahead.
 */
async function prepareReview(api, number, fallbackHead, source) {
    const plan = {
        target: { number, headSha: fallbackHead, files: [] },
        unread: [],
        readDenied: false,
        ...(source !== undefined && { source }),
    };
    const note = (what, error) => {
        plan.unread.push(`${what} (${(0,errors/* messageOf */.bD)(error)})`);
        if ((0,types/* isGitHubApiError */.ID)(error) && (error.status === 403 || error.status === 404))
            plan.readDenied = true;
    };
    try {
        const pr = await api.pullRequest(number);
        Object.assign(plan.target, { headSha: pr.headSha, baseSha: pr.baseSha, url: pr.url });
    }
    catch (error) {
        note('its commits', error);
    }
    try {
        const files = await api.pullRequestFiles(number);
        plan.target.files = files.map((file) => file.filename);
        plan.diff = new Diff(files);
    }
    catch (error) {
        note('its files', error);
    }
    try {
        const login = (await api.identity()).toLowerCase();
        const own = (await api.reviews(number)).filter((r) => r.login.toLowerCase() === login && isOwnReviewBody(r.body, source));
        const previous = own.at(-1);
        if (previous)
            plan.target.previousCommit = reviewedCommit(previous.body);
    }
    catch (error) {
        note('its earlier reviews', error);
    }
    return plan;
}
/** One sentence on what could not be read, for a warning; undefined when everything was. */
function unreadWarning(plan) {
    if (plan.unread.length === 0)
        return undefined;
    const hint = plan.readDenied ? " Add `pull-requests: read` (or write) to the job's permissions." : '';
    return `Could not read pull request #${plan.target.number}: ${plan.unread.join('; ')}. The agent reviewed without them, and the review's comments were placed without the diff.${hint}`;
}
/** Where each comment goes: on its line, listed in the body (and why), or nowhere (already posted). */
function placeComments(review, plan, earlier, max, redact) {
    const inline = [];
    const listed = [];
    let repeated = 0;
    for (const comment of review.comments) {
        const side = comment.side ?? 'RIGHT';
        const range = comment.start_line !== undefined && comment.start_line !== comment.line ? comment.start_line : undefined;
        // Redaction can change the length: the body is held to GitHub's limit after it.
        const body = (0,limits/* fitUnits */.zW)(redact((0,review_text/* commentBody */.I2)(comment)), limits/* MAX_COMMENT_CHARS */.VK);
        if (plan.diff !== undefined && !plan.diff.has(comment.path, side, comment.line, range)) {
            listed.push({ comment, why: 'outside-diff' });
        }
        else if (earlier.has(commentKey(comment.path, side, comment.line, body))) {
            repeated++;
        }
        else if (inline.length >= max) {
            listed.push({ comment, why: 'over-limit' });
        }
        else {
            const { start_line: _start, ...rest } = comment;
            inline.push({ comment: { ...rest, side, ...(range !== undefined && { start_line: range }) }, body });
        }
    }
    return { inline, listed, repeated };
}
function commentKey(path, side, line, body) {
    return JSON.stringify([path, side, line, body.trim()]);
}
/** The review comments the token's own identity already posted on this pull request, by line and text. */
async function earlierComments(api, number) {
    const login = (await api.identity()).toLowerCase();
    const comments = await api.reviewComments(number);
    return new Set(comments.filter((c) => c.login.toLowerCase() === login).map((c) => commentKey(c.path, c.side, c.line ?? c.originalLine, c.body)));
}
function toApiComment({ comment, body }) {
    return {
        path: comment.path,
        line: comment.line,
        side: comment.side ?? 'RIGHT',
        ...(comment.start_line !== undefined && { start_line: comment.start_line, start_side: comment.side ?? 'RIGHT' }),
        body,
    };
}
/** The event a verdict is posted as: an approval only when the workflow allows it (review_approve). */
function eventOf(review, approve) {
    if (review.verdict === 'request_changes')
        return 'REQUEST_CHANGES';
    return review.verdict === 'approve' && approve ? 'APPROVE' : 'COMMENT';
}
/**
 * The ways to post the review, in order, each tried when GitHub refused the one before with 422.
 * GitHub's 422 does not say, in any form a program can read, whether it refused the event (approving
 * from Actions, either verdict on one's own pull request) or a line (off the diff), so what succeeds
 * tells: the event as a comment with the lines kept first, then the event with the comments in the
 * body, then a comment with the comments in the body. Repeats (no comments on lines, or an event
 * that already is COMMENT) are left out.
 */
function attempts(event, inline) {
    const all = [
        { event, inline },
        { event: 'COMMENT', inline },
        { event, inline: false },
        { event: 'COMMENT', inline: false },
    ];
    return all.filter((a, i) => all.findIndex((b) => b.event === a.event && b.inline === a.inline) === i);
}
/** The comments as `attempt` posts them: without the lines, those meant for them are listed first in the body, none lost. */
function placedFor(attempt, placed) {
    if (attempt.inline)
        return placed;
    return { inline: [], listed: [...placed.inline.map(({ comment }) => ({ comment, why: 'outside-diff' })), ...placed.listed] };
}
/** The review could not be posted at all: one warning (naming the permission when that is why); its comments are in the job summary. */
function notPosted(report, error, review, repeated, warn) {
    const status = (0,types/* isGitHubApiError */.ID)(error) ? error.status : 0;
    if (status === 403 || status === 404)
        report.denied = true;
    report.problem =
        status === 403 || status === 404
            ? "The review could not be posted: the token lacks `pull-requests: write`. Add it to the job's permissions; the review is in the job summary."
            : `The review could not be posted (${(0,errors/* messageOf */.bD)(error)}); it is in the job summary.`;
    warn(report.problem);
    return Object.assign(report, { listed: review.comments.length - repeated, repeated });
}
/**
 * Posts the agent's review on the commit it reviewed: the summary as the body, each comment on its
 * line, those outside the diff (or over the limit) listed in the body, those already posted left
 * out. GitHub refusing the event or a line (422) posts it another way (see attempts) rather than lose
 * the review. A refusal of the review itself is a warning (naming the permission when it is one),
 * never thrown.
 */
async function postReview(api, plan, review, options) {
    const { number, headSha } = plan.target;
    const max = options.maxInline ?? MAX_INLINE_COMMENTS;
    const report = { ...review, commit: headSha, inline: 0, listed: 0, repeated: 0 };
    const current = await api.pullRequest(number).then((pr) => pr.headSha, () => headSha);
    if (current !== headSha)
        report.movedTo = current;
    const earlier = await earlierComments(api, number).catch(() => new Set());
    const { repeated, ...placed } = placeComments(review, plan, earlier, max, options.redact);
    const event = eventOf(review, options.approve);
    const parts = {
        verdict: review.verdict,
        summary: review.summary,
        marker: reviewMarker(headSha, plan.source),
        commit: headSha,
        ...(report.movedTo !== undefined && { movedTo: report.movedTo }),
        repeated,
        maxInline: max,
        links: options.links,
    };
    let refused;
    for (const attempt of attempts(event, placed.inline.length > 0)) {
        const { inline, listed } = placedFor(attempt, placed);
        const body = (0,limits/* fitUnits */.zW)(options.redact((0,review_text/* reviewBody */.ff)({ ...parts, listed })), limits/* MAX_COMMENT_CHARS */.VK);
        try {
            const created = await api.createReview(number, {
                commit_id: headSha,
                event: attempt.event,
                body,
                comments: inline.map(toApiComment),
            });
            Object.assign(report, { id: created.id, url: created.url, inline: inline.length, listed: listed.length, repeated });
            if (attempt.event !== event) {
                // A comment went through where the event did not, with the same comments: the last refusal was the event's.
                report.note = `GitHub refused to post the review as ${event} (${(0,errors/* messageOf */.bD)(refused)}), so it is posted as a comment.`;
                options.warn(report.note);
            }
            return report;
        }
        catch (error) {
            // Only a 422 refuses what the review holds; posting it another way does not help a 403 or a GitHub that is down.
            if (!(0,types/* isGitHubApiError */.ID)(error) || error.status !== 422)
                return notPosted(report, error, review, repeated, options.warn);
            refused = error;
        }
    }
    return notPosted(report, refused, review, repeated, options.warn);
}

;// CONCATENATED MODULE: ./src/review/tidy.ts
/**
 * What the action tidies after it posts a review: its own earlier verdict that the new one no longer
 * holds (dismissed, with a link to the new review), and its own review threads on lines that have
 * changed since and that nobody answered (resolved). "Its own" is a review by the token's identity
 * whose body starts with the action's review marker: a person, or another bot, may paste the marker
 * into a review, and the same identity may post reviews for other workflows.
 */



const PERMISSION = "the token lacks `pull-requests: write`: add it to the job's permissions";
function denied(error) {
    return (0,types/* isGitHubApiError */.ID)(error) && (error.status === 403 || error.status === 404);
}
/** Whether a listed review is this action's own: the token's identity wrote it, and it starts with the marker. */
function isOwnReview(review, login, source) {
    return review.login.toLowerCase() === login.toLowerCase() && isOwnReviewBody(review.body, source);
}
/**
 * The review state a new verdict withdraws: any verdict but request_changes clears the action's own
 * earlier request for changes (GitHub does not: a later comment leaves it blocking), and
 * request_changes clears its own earlier approval.
 */
function withdrawn(verdict) {
    return verdict === 'request_changes' ? 'APPROVED' : 'CHANGES_REQUESTED';
}
/**
 * After a review was posted: dismisses the action's earlier reviews whose verdict the new one
 * withdraws, then (with `resolveOutdated`) resolves its outdated threads. Never throws: each failure
 * is one warning, and the review, the step's outcome and the check run stay as they are.
 */
async function tidyAfterReview(api, number, posted, options) {
    const tidied = { dismissed: 0, resolved: 0 };
    let own;
    let login;
    try {
        login = await api.identity();
        own = (await api.reviews(number)).filter((review) => review.id !== posted.id && isOwnReview(review, login, options.source));
    }
    catch (error) {
        options.warn(`Could not read the earlier reviews of pull request #${number} to tidy them (${(0,errors/* messageOf */.bD)(error)}).`);
        return tidied;
    }
    tidied.dismissed = await dismissStale(api, number, posted, own, options.warn);
    if (options.resolveOutdated) {
        const reviewIds = new Set([posted.id, ...own.map((review) => review.id)]);
        tidied.resolved = await resolveOutdated(api, number, login, reviewIds, options.warn);
    }
    return tidied;
}
async function dismissStale(api, number, posted, own, warn) {
    const stale = own.filter((review) => review.state === withdrawn(posted.verdict));
    const what = posted.verdict === 'request_changes' ? 'approval' : 'request for changes';
    const message = `The Oz agent reviewed this pull request again and its earlier ${what} no longer holds: see its new review, ${posted.url}`;
    let dismissed = 0;
    for (const review of stale) {
        try {
            await api.dismissReview(number, review.id, message);
            dismissed++;
        }
        catch (error) {
            const why = denied(error) ? PERMISSION : (0,errors/* messageOf */.bD)(error);
            warn(`Could not dismiss the Oz agent's earlier ${what} (${review.url}): ${why}. It stays on the pull request.`);
            if (denied(error))
                break;
        }
    }
    return dismissed;
}
/**
 * Whether the action may resolve a thread: outdated and open, its first comment in one of the action's
 * own reviews and by the token's identity, and every comment in it the same identity's (a person or
 * another bot who replied keeps it open, and so does a thread too long to read whole).
 */
function resolvable(thread, login, reviewIds) {
    const first = thread.comments[0];
    const ours = (who) => who.toLowerCase() === login.toLowerCase();
    return (thread.isOutdated &&
        !thread.isResolved &&
        first?.reviewId !== undefined &&
        reviewIds.has(first.reviewId) &&
        thread.comments.length === thread.totalComments &&
        thread.comments.every((comment) => ours(comment.login)));
}
async function resolveOutdated(api, number, login, reviewIds, warn) {
    let resolved = 0;
    try {
        const threads = (await api.reviewThreads(number)).filter((thread) => resolvable(thread, login, reviewIds));
        for (const thread of threads) {
            await api.resolveReviewThread(thread.id);
            resolved++;
        }
    }
    catch (error) {
        const why = denied(error) ? PERMISSION : (0,errors/* messageOf */.bD)(error);
        warn(`Could not resolve the Oz agent's outdated review threads on pull request #${number}: ${why}.`);
    }
    return resolved;
}

;// CONCATENATED MODULE: ./src/review/schema.ts
/**
 * Reviews of a pull request: the JSON Schema of the review the agent is asked for, the review's
 * types, and the instruction added to the prompt. The instruction ends with the schema instruction
 * that structured output uses, so the review is found and validated the same way.
 */
/** The JSON Schema of a review (draft-07, as the validator's default); its type is Review in review/text.ts. */
const REVIEW_SCHEMA = {
    type: 'object',
    required: ['verdict', 'summary', 'comments'],
    properties: {
        verdict: { enum: ['approve', 'comment', 'request_changes'] },
        summary: { type: 'string', description: 'The review in a few sentences of Markdown: what the change does and what must change.' },
        comments: {
            type: 'array',
            items: {
                type: 'object',
                required: ['path', 'line', 'body'],
                properties: {
                    path: { type: 'string', minLength: 1, description: "The file's path in the repository, as in the diff." },
                    line: { type: 'integer', minimum: 1, description: 'The line the comment is on (the last line of a range).' },
                    start_line: { type: 'integer', minimum: 1, description: 'The first line of a range of lines, before line.' },
                    side: { enum: ['RIGHT', 'LEFT'], description: 'RIGHT (default): a line of the new version; LEFT: a removed line.' },
                    body: { type: 'string', minLength: 1, description: 'The comment, in Markdown.' },
                    suggestion: { type: 'string', description: 'The text that should replace the line(s), exactly, without a code fence.' },
                },
            },
        },
    },
};
/** Changed files named in the prompt before "and N more". */
const MAX_PROMPT_FILES = 300;
/**
 * The review instruction, for the end of a prompt or a follow-up: which pull request, its commits and
 * changed files, the focus of a re-review, and how to write comments.
 */
function reviewInstruction(target) {
    const files = target.files.slice(0, MAX_PROMPT_FILES).map((file) => `- ${file}`);
    if (target.files.length > MAX_PROMPT_FILES)
        files.push(`- and ${target.files.length - MAX_PROMPT_FILES} more`);
    const lines = [
        '',
        '',
        '---',
        `Review pull request #${target.number}${target.url ? ` (${target.url})` : ''}.`,
        `Its head commit is ${target.headSha}${target.baseSha ? ` and its base commit is ${target.baseSha}` : ''}: review the changes between them.`,
    ];
    if (files.length > 0)
        lines.push('', 'Changed files:', ...files);
    if (target.previousCommit !== undefined) {
        lines.push('', target.previousCommit === target.headSha
            ? `You reviewed this same head commit (${target.previousCommit}) before: only say what your earlier review missed.`
            : `You reviewed this pull request before, at commit ${target.previousCommit}. Focus on the changes since then (git diff ${target.previousCommit} ${target.headSha}), and do not repeat earlier comments.`);
    }
    lines.push('', 'Comment only on lines that the pull request changes or that stand next to a change (lines of the diff): `line` is the line number in the new file (side RIGHT), or in the old file for a removed line (side LEFT).', 'Put a suggested replacement for the line (or the lines from start_line to line) in `suggestion`, as plain text without a code fence.', 'The verdict is request_changes when something must change before merging, approve when nothing must, and comment otherwise.');
    // The schema's own instruction is added where every schema's is (run/plan.ts, asSent): REVIEW_SCHEMA is the run's output schema.
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/review/step.ts








/**
 * With `review`, on a pull request: reads the pull request and returns a new plan whose prompt (or
 * follow-up) asks for a review, with the review's schema as the output schema (its instruction is
 * added where every schema's is, in `asSent`). Elsewhere, or without a token, the run goes ahead as
 * it is, with one line saying why there is no review.
 */
async function planReview(plan, context, github) {
    const { settings, target } = plan;
    if (!settings.review)
        return { plan };
    const { event } = context;
    if (!(0,github_event/* concernsThread */.ym)(event) || !event.thread?.isPullRequest) {
        core/* notice */.lm(`review is on, but the ${event.name || 'current'} event concerns no pull request: the agent runs without a review.`);
        return { plan };
    }
    if (github.api === undefined) {
        core/* warning */.$e('review is on, but there is no github_token to read the pull request and post the review with: the agent runs without a review.');
        return { plan };
    }
    const review = await prepareReview(await github.api(), event.thread.number, context.pullRequest?.headSha ?? '', reviewSource());
    // A missing permission is told once, after the run, together with the review's own (see publishReview).
    if (!review.readDenied && review.unread.length > 0)
        core/* warning */.$e(unreadWarning(review));
    return {
        // A new plan: the settings stay as parsed.
        plan: { ...plan, outputSchema: REVIEW_SCHEMA, target: reviewTarget(target, review, event.thread.number) },
        review,
    };
}
/** The target with the review's instruction: after the follow-up, or after the prompt (the run's title is not taken from it). */
function reviewTarget(target, review, pullRequest) {
    const instruction = reviewInstruction(review.target);
    if (target.kind === 'follow-up')
        return { ...target, message: `${target.message}${instruction}` };
    if (target.kind !== 'create')
        return target;
    const { request } = target;
    // From the prompt's first line, or the pull request.
    const title = request.title ?? (0,settings_settings/* titleFromPrompt */.Lm)(request.prompt ?? '') ?? `Review of pull request #${pullRequest}`;
    return { kind: 'create', request: { ...request, title, prompt: `${request.prompt ?? ''}${instruction}`.trimStart() } };
}
/** After the run: posts the agent's review, when it gave a valid one, and returns what was posted. */
async function publishReview(reviewing, report, github, redaction) {
    const { review: plan } = reviewing;
    if (plan === undefined || github.api === undefined)
        return undefined;
    const posted = report.structured?.ok ? await post(plan, reviewing, report, { github, redaction }) : undefined;
    if (posted?.id !== undefined && posted.url !== undefined) {
        const tidied = await tidyAfterReview(await github.api(), plan.target.number, { id: posted.id, url: posted.url, verdict: posted.verdict }, {
            resolveOutdated: reviewing.plan.settings.resolveOutdated,
            ...(plan.source !== undefined && { source: plan.source }),
            warn: (message) => core/* warning */.$e(message),
        });
        Object.assign(posted, tidied);
        if (tidied.dismissed > 0)
            log/* info */.pq(`Dismissed ${tidied.dismissed} earlier review(s) of the agent that the new verdict withdraws.`);
        if (tidied.resolved > 0)
            log/* info */.pq(`Resolved ${tidied.resolved} outdated review thread(s) of the agent that nobody replied to.`);
    }
    // Reads refused for want of a permission: one warning, unless the review's refusal already named it.
    if (plan.readDenied && posted?.denied !== true)
        core/* warning */.$e(unreadWarning(plan));
    if (posted?.movedTo !== undefined) {
        core/* notice */.lm(`The pull request's head moved to ${posted.movedTo} while the agent worked: the review is posted on ${posted.commit}, the commit it reviewed.`);
    }
    return posted;
}
/** Posts the agent's valid review; a failure is a warning. */
async function post(plan, { plan: { settings } }, report, { github, redaction }) {
    if (!report.structured?.ok || github.api === undefined)
        return undefined;
    // The review is the agent's text: credentials in it are redacted before it reaches the pull request.
    const review = await redaction.redactAll(report.structured.value);
    return postReview(await github.api(), plan, review, {
        approve: settings.reviewApprove,
        redact: redaction.redact,
        warn: (message) => core/* warning */.$e(message),
        links: [
            { label: 'Open the agent session', url: report.run?.session_link },
            { label: 'Workflow run', url: report.workflowRunUrl },
        ],
    }).catch((error) => {
        core/* warning */.$e(`Could not post the review: ${(0,errors/* messageOf */.bD)(error)}`);
        return undefined;
    });
}

;// CONCATENATED MODULE: ./src/action/github-side.ts















/**
 * The GitHub side of the step, for the events and settings that have one (see needsGitHubSide):
 * imported when needed, so the bundle has it in a chunk of its own and a step without a comment,
 * check run, trigger phrase or review does not compile it.
 */

/**
 * What the action does on GitHub before the run starts: decides whether the event may start an agent
 * (comment and review events need a trusted author), then sets up the pull request comment and creates
 * the check run. Throws CheckRunError when a requested check run cannot be created.
 */
async function setUpGitHub(settings, context, redaction, timings = {}) {
    const { event } = context;
    const github = (0,github_access/* gitHubApi */.a)(settings, event, timings);
    const canCall = github !== undefined;
    const decided = await decideStart(settings, event, github);
    if ('skip' in decided)
        return decided;
    const { mention } = decided;
    const target = (0,fork/* guardedForFork */.oo)(decided.target, decided.event, (message) => core/* notice */.lm(message));
    const commented = settings.prComment && (0,github_event/* concernsThread */.ym)(event) ? event.thread?.number : undefined;
    // A mention in an inline review comment is answered in its review thread, not in the pull request's conversation.
    const reviewThread = commented !== undefined && mention?.reviewThread !== undefined ? { pull: commented, root: mention.reviewThread } : undefined;
    const thread = reviewThread ? undefined : commented;
    const side = { target, ...(mention && { mention }), ...(canCall && { api: github }) };
    if (!settings.checkName && thread === undefined && reviewThread === undefined)
        return side;
    if (!canCall) {
        if (settings.checkName)
            throw new CheckRunError('check_name is set, but there is no github_token to create the check run with.');
        core/* warning */.$e('pr_comment is on, but there is no github_token: the run is reported in the job summary only.');
        return side;
    }
    const feedback = await startFeedback(settings, { ...context, event: decided.event }, github, {
        thread,
        reviewThread,
        mention,
        redaction,
        timings,
    });
    return { ...side, feedback };
}
/**
 * Whether the event may start an agent, and what to run: a deleted comment never does; comment events
 * and mentions need a trusted author; a mention decides the target (a new run or a follow-up). What to
 * run is decided here, once, before anything else is checked or created.
 */
async function decideStart(settings, event, github) {
    // A deleted comment, review or issue never starts an agent, with or without a trigger phrase: its text is gone.
    if (event.action === 'deleted')
        return { skip: `the ${eventNoun(event)} was deleted` };
    const mentioned = isMentionEvent(settings, event);
    const ignored = triggerPhraseIgnored(settings, event);
    // Without a prompt the step stops below, with an error that says the same.
    if (ignored !== undefined && (0,plan/* targetOf */.$r)(settings) !== undefined)
        core/* notice */.lm(ignored);
    // Anyone can comment on a public repository, or open an issue there: only trusted people start an agent.
    if (event.isComment || mentioned) {
        const asComment = { ...event, isComment: true };
        const decision = await decideTrigger(asComment, settings, github && (async (login) => (await github()).permission(login)));
        if (!decision.allowed)
            return { skip: decision.reason };
    }
    if (mentioned) {
        const prepared = await prepareMention(settings, event, github);
        return 'skip' in prepared ? { skip: prepared.skip } : prepared;
    }
    const target = (0,plan/* targetOf */.$r)(settings);
    if (target === undefined) {
        throw new errors/* InputError */.dz('prompt', 'missing', `Missing prompt: set prompt, prompt_file or skill. trigger_phrase writes the prompt only on ${MENTION_EVENTS.join(', ')} events, and this is ${event.name || 'no event'}.`);
    }
    // A comment event's payload does not say where the pull request comes from: it is read then.
    const unknown = event.thread?.isPullRequest === true && event.baseRepository === undefined;
    return { target, event: unknown ? await withPullRequest(event, github) : event };
}
/** The pull request comment and the check run, set up before the run; their ids saved for the post step. */
async function startFeedback(settings, context, github, where) {
    const { thread, reviewThread, mention, redaction } = where;
    const { event } = context;
    // The pull request read for a comment event (see withPullRequest) gave its head.
    let headSha = context.pullRequest?.headSha ?? event.headSha ?? context.sha ?? '';
    if (settings.checkName && !context.pullRequest?.headSha && !event.headSha && event.thread?.isPullRequest) {
        // A comment event does not carry the pull request's head: the check belongs on it, not on the default branch.
        try {
            headSha = await (await github()).pullRequestHead(event.thread.number);
        }
        catch (error) {
            throw new CheckRunError(`check_name is set, but the head commit of pull request #${event.thread.number} could not be read: ${(0,errors/* messageOf */.bD)(error)}`);
        }
    }
    const runUrl = (0,github_context/* workflowRunUrl */.CX)(context);
    const feedback = new Feedback({
        api: github,
        comment: {
            ...(thread !== undefined && { thread }),
            ...(reviewThread && { reviewThread }),
            marker: commentMarker(settings.entry),
            showActivity: settings.commentProgress,
            ...(where.timings.progressIntervalMs !== undefined && { editIntervalMs: where.timings.progressIntervalMs }),
            // The post step finishes a conversation comment as a conversation (see saveConversation).
            ...(mention && {
                conversation: { state: mention.state, exchange: mention.exchange },
                ...(mention.commentId !== undefined && { resumeId: mention.commentId }),
            }),
            onComment: state/* saveCommentId */.i,
        },
        check: { ...(settings.checkName && { name: settings.checkName }), headSha },
        ...redaction,
        debug: (message) => core/* debug */.Yz(message),
        words: vocabulary/* ACTION_WORDS */.d,
        ...(runUrl && { workflowRunUrl: runUrl }),
        warn: (message) => core/* warning */.$e(message),
        onFinished: state/* markFinished */.UI,
    });
    if (reviewThread)
        (0,state/* saveReviewThread */.qA)(reviewThread);
    if (mention) {
        (0,state/* saveConversation */.vm)({ state: mention.state, exchange: mention.exchange }, redaction.redact);
        if (mention.commentId !== undefined)
            (0,state/* saveCommentId */.i)(mention.commentId);
    }
    await feedback.startCheck();
    if (feedback.checkRunId !== undefined)
        (0,state/* saveCheckRunId */.KI)(feedback.checkRunId);
    return feedback;
}


/***/ }),

/***/ 1994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ID: () => (/* binding */ isGitHubApiError),
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   xd: () => (/* binding */ isStoppedRequest)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/** Types and errors of the GitHub API module, apart from it so that importing them does not load Octokit. */

/** A GitHub API error, with the status the callers decide on (403: missing permission). */
class GitHubApiError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CodedError */ .AK {
    name = 'GitHubApiError';
    status;
    /** GitHub's Retry-After, when it sent one (rate limits). */
    retryAfterMs;
    /**
     * Why there was no answer at all (status 0): GitHub did not answer within the request's deadline
     * (`timeout`), or the step stopped waiting for it (`stopped`: the run was stopped, or its budget ran out).
     */
    unanswered;
    constructor(what, status, message, retryAfterMs, unanswered) {
        super('github-api', unanswered === undefined ? `GitHub API ${what} failed with ${status}: ${message}` : message);
        this.status = status;
        this.retryAfterMs = retryAfterMs;
        this.unanswered = unanswered;
    }
}
/** Whether `error` is a request the step itself stopped waiting for (not a failure of GitHub's). */
function isStoppedRequest(error) {
    return isGitHubApiError(error) && error.unanswered === 'stopped';
}
const isGitHubApiError = (error) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .hasCode */ .up)(error, 'github-api');


/***/ })

};
