/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	// The require scope
/******/ 	var __nccwpck_require__ = {};
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  agentOutputs: () => (/* reexport */ agentOutputs),
  renderSummary: () => (/* reexport */ renderSummary),
  reportArtifacts: () => (/* reexport */ reportArtifacts),
  reviewOutputs: () => (/* reexport */ reviewOutputs),
  runOutputs: () => (/* reexport */ runOutputs),
  usageOutputs: () => (/* reexport */ usageOutputs)
});

;// CONCATENATED MODULE: ./src/report/limits.ts
/**
 * GitHub's size limits, and shortening text to fit them. The runner drops a job summary over 1 MiB
 * whole, and an output is at most 1 MiB (all of a job's outputs together too), so long API text is
 * cut here with a note rather than break the step.
 */
/** The job summary of one step, under GitHub's 1 MiB with room to spare. */
const MAX_SUMMARY_BYTES = 900 * 1024;
/** One text output (title, status_message...). */
const MAX_TEXT_OUTPUT_BYTES = 16 * 1024;
/** The `artifacts` output. */
const MAX_ARTIFACTS_OUTPUT_BYTES = 128 * 1024;
/** `agent_output` and `structured_output`. */
const MAX_ANSWER_OUTPUT_BYTES = 128 * 1024;
/** The `run` output, the largest: together the outputs stay well under 1 MiB. */
const MAX_RUN_OUTPUT_BYTES = 512 * 1024;
/** Text from the API shown in the summary or a comment (a title, a status message, a note). */
const MAX_SHOWN_TEXT_CHARS = 4000;
/** Items of a list shown in the summary before "and N more". */
const MAX_LIST_ITEMS = 50;
const SHORTENED = ' … (shortened)';
/** `text` cut to at most `maxBytes` of UTF-8 (without splitting a character), marked when cut. */
function fitBytes(text, maxBytes) {
    if (Buffer.byteLength(text, 'utf8') <= maxBytes)
        return text;
    const room = Math.max(0, maxBytes - Buffer.byteLength(SHORTENED, 'utf8'));
    let cut = Buffer.from(text, 'utf8').subarray(0, room).toString('utf8');
    // A character split at the cut decodes as U+FFFD: drop it.
    cut = cut.replace(/\uFFFD$/, '');
    return cut + SHORTENED;
}
/** `text` cut to at most `maxChars` characters (code points), marked when cut. */
function limits_fitChars(text, maxChars = MAX_SHOWN_TEXT_CHARS) {
    const chars = Array.from(text);
    return chars.length <= maxChars ? text : chars.slice(0, maxChars).join('') + SHORTENED;
}
/**
 * `value` as JSON of at most `maxBytes`: when it is longer, every string in it is cut shorter and
 * shorter until it fits (the structure stays whole, so later steps can still parse it).
 */
function fitJson(value, maxBytes) {
    let json = JSON.stringify(value) ?? '';
    for (let limit = 4096; Buffer.byteLength(json, 'utf8') > maxBytes && limit >= 16; limit = Math.floor(limit / 4)) {
        json = JSON.stringify(value, (_key, v) => (typeof v === 'string' ? limits_fitChars(v, limit) : v));
    }
    // Still too long (a huge array of numbers, say): say so rather than emit JSON that is cut mid-way.
    return Buffer.byteLength(json, 'utf8') <= maxBytes ? json : JSON.stringify({ shortened: true, bytes: Buffer.byteLength(json) });
}
/** The first `max` items, and how many were left out. */
function capList(items, max = MAX_LIST_ITEMS) {
    return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}
/** GitHub refuses (422) a comment or review body longer than this; counted in UTF-16 units, the stricter count. */
const limits_MAX_COMMENT_CHARS = 65_536;
/** GitHub refuses (422) a check run whose output title, summary or text is longer than this. */
const MAX_CHECK_TEXT_CHARS = 65_535;
/** `text` cut to at most `maxUnits` UTF-16 units (never half a character), marked when cut. */
function limits_fitUnits(text, maxUnits) {
    if (text.length <= maxUnits)
        return text;
    let cut = text.slice(0, Math.max(0, maxUnits - SHORTENED.length));
    if (/[\uD800-\uDBFF]$/.test(cut))
        cut = cut.slice(0, -1);
    return cut + SHORTENED;
}
/**
 * What `render(budget)` makes, within `maxUnits`: `budget` is how much of the agent's text the renderer
 * may show, and its output shrinks with it. Escaping makes the size of a budget's output hard to
 * foresee (`<` becomes `&lt;`), so this renders, measures, and takes the excess off the budget until
 * the text fits. Past a few rounds (or at budget 0) it returns the last try, which the caller cuts.
 */
function limits_fitRendered(render, maxUnits, budget) {
    let text = render(budget);
    for (let round = 0; round < 8 && text.length > maxUnits && budget > 0; round++) {
        budget = Math.max(0, budget - (text.length - maxUnits) - 100);
        text = render(budget);
    }
    return text;
}

;// CONCATENATED MODULE: ./src/report/url.ts
/** Longer than this, a "URL" is not a link anyone follows; it is dropped rather than bloat a summary or output. */
const MAX_URL_LENGTH = 8192;
/**
 * The URL normalised, with the characters that could end a Markdown link target percent-encoded;
 * undefined unless it is an absolute http(s) URL of reasonable length.
 */
function safeUrl(url) {
    if (typeof url !== 'string' || url.length > MAX_URL_LENGTH)
        return undefined;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return undefined;
    return parsed.href.replace(/[()<> "'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

;// CONCATENATED MODULE: ./src/report/outputs.ts


/**
 * The step's outputs for a run; every one is set (empty when unknown) so later steps can rely on them.
 * URL outputs are http(s) only: anything else is dropped and told to `onDropped`. Long text is
 * shortened to stay within GitHub's output limits. The pull request and the artifacts are `artifacts`
 * (this request's, see reportArtifacts); the run itself is as the API gave it, every turn's artifacts in it.
 */
function runOutputs(run, runId, onDropped = () => { }, artifacts = run?.artifacts ?? []) {
    const pr = artifacts.find((a) => a.artifact_type === 'PULL_REQUEST');
    const retryable = run?.status_message?.retryable;
    const url = (output, value) => {
        if (value === undefined || value === null || value === '')
            return '';
        const safe = safeUrl(value);
        if (safe === undefined)
            onDropped(output, typeof value === 'string' ? value : JSON.stringify(value));
        return safe ?? '';
    };
    const text = (value) => fitBytes(value ?? '', MAX_TEXT_OUTPUT_BYTES);
    return {
        run_id: text(run?.run_id ?? runId),
        state: text(run?.state),
        session_link: url('session_link', run?.session_link),
        title: text(run?.title),
        status_message: text(run?.status_message?.message),
        error_code: text(run?.status_message?.error_code),
        retryable: retryable === undefined ? '' : String(retryable),
        conversation_id: text(run?.conversation_id),
        pull_request_url: url('pull_request_url', pr?.data?.url),
        artifacts: fitJson(artifacts, MAX_ARTIFACTS_OUTPUT_BYTES),
        run: run === undefined ? '' : fitJson(run, MAX_RUN_OUTPUT_BYTES),
    };
}
/** `credits`, `cost_usd` and `tokens` from the run's usage figures; empty when the API gave none. */
function usageOutputs(figures) {
    const text = (value) => (value === undefined ? '' : String(value));
    return { credits: text(figures.credits), cost_usd: text(figures.costUsd), tokens: text(figures.tokens) };
}
/** The outputs of what the agent did: its answer, the structured output and the files saved. */
function agentOutputs(report) {
    return {
        followed_up: String(report.followedUp === true),
        agent_output: report.conversation !== undefined
            ? fitJson(report.conversation, MAX_ANSWER_OUTPUT_BYTES)
            : fitBytes(report.agentOutput ?? '', MAX_ANSWER_OUTPUT_BYTES),
        structured_output: report.structured?.ok ? fitJson(report.structured.value, MAX_ANSWER_OUTPUT_BYTES) : '',
        downloaded_files: JSON.stringify(report.downloadedFiles ?? []),
    };
}

;// CONCATENATED MODULE: ./src/report/model.ts
/** The artifacts a report is about: this request's (see `Report.artifacts`), else the run's. */
function reportArtifacts(report) {
    return report.artifacts ?? report.run?.artifacts ?? [];
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/**
 * Making text from the API safe to put in Markdown (job summaries, comments): no raw HTML, no
 * injected links or mentions, no broken tables.
 */

const WORD_JOINER = '\u2060';
// Named, not numeric, entities: a numeric one holds a "#" that the issue-reference rule below would split.
const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/**
 * Escapes text for GitHub-flavoured Markdown, inline (tables included). HTML is entity-escaped,
 * Markdown punctuation backslash-escaped, and the shapes GitHub would turn into links or pings on its
 * own (`https://`, `www.`, `@name`, `#123`) get an invisible word joiner so they stay plain text.
 */
function escapeMarkdown(text) {
    return (text
        .replace(/[&<>"']/g, (c) => HTML_ENTITIES[c])
        .replace(/[\\`*_{}[\]()!|~^$]/g, '\\$&')
        // List markers, thematic breaks and setext underlines only act at the start of a line.
        .replace(/^[-+=]/, '\\$&')
        .replace(/^(\d+)([.)])/, '$1\\$2')
        .replace(/([a-z][a-z0-9+.-]*):\/\//gi, `$1${WORD_JOINER}://`)
        .replace(/\bwww\./gi, `www${WORD_JOINER}.`)
        .replace(/@/g, `@${WORD_JOINER}`)
        .replace(/#/g, `#${WORD_JOINER}`)
        .replace(/\r\n|\r|\n/g, '<br>'));
}
/**
 * `text` as an inline code span, on one line: fenced by a backtick run longer than any inside it, and
 * with `|` escaped when it goes in a table cell (GitHub splits cells on `|` before it reads code spans,
 * and takes `\|` back to `|` there).
 */
function inlineCode(text, options = {}) {
    let code = text.replace(/\r\n|\r|\n/g, ' ');
    if (options.table)
        code = code.replace(/\|/g, '\\|');
    const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = code.startsWith('`') || code.endsWith('`') || code.trim() === '' ? ' ' : '';
    return `${fence}${pad}${code}${pad}${fence}`;
}
/** A link to `url` only when it is an absolute http(s) URL; otherwise the escaped text alone. */
function markdown_safeLink(label, url) {
    const href = safeUrl(url);
    return href === undefined ? escapeMarkdown(label) : `[${escapeMarkdown(label)}](${href})`;
}
/** Markdown inline text outside code: HTML tags inert, mentions dead. */
function neutralize(text) {
    return text.replace(/</g, '&lt;').replace(/@(?=[A-Za-z0-9])/g, `@${WORD_JOINER}`);
}
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** The length of the run of `char` starting at `at`. */
function runLength(line, at, char) {
    let end = at;
    while (line[end] === char)
        end++;
    return end - at;
}
/** Where the next run of exactly `length` backticks after `from` starts on the line; -1 when there is none. */
function closingRun(line, from, length) {
    for (let at = line.indexOf('`', from); at >= 0;) {
        const run = runLength(line, at, '`');
        if (run === length)
            return at;
        at = line.indexOf('`', at + run);
    }
    return -1;
}
/**
 * Whether the word before `at` may be one of GitHub's bare links (`https://...`, `www....`): the link
 * runs on over a backtick to the next space, so a code span opened there is not one.
 */
function insideAutolink(line, at) {
    return /(?::\/\/|www\.|mailto:|xmpp:)\S*$/i.test(line.slice(0, at));
}
/**
 * An inline link's destination and title after `](` at `at` (CommonMark's forms: `<...>` or a run
 * without spaces and with balanced parentheses, then an optional title), up to its `)`. Undefined when
 * the rest of the line holds none.
 */
function linkDestination(line, at) {
    const match = /^[ \t]*(?:<((?:[^<>\\\n]|\\.)*)>|((?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*))(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*\)/.exec(line.slice(at));
    return match ? { url: match[1] ?? match[2] ?? '', end: at + match[0].length } : undefined;
}
/**
 * One line of Markdown outside fenced code, made safe. It is read as GitHub's parser reads it, and
 * whatever could be read two ways is written so that it can be read only one way:
 * - a code span is kept only when its closing run is on the same line; every other backtick run is
 *   backslash-escaped, so no code span can open here and close on a later line (or start a fence in
 *   a list item or block quote), and the text around it is sanitised;
 * - a run of three tildes is escaped too (a fence inside a list item or block quote);
 * - a link's destination is kept only when it is http(s), and written percent-encoded; otherwise its
 *   `]` is escaped, so no link (and no code span GitHub would see inside one) forms;
 * - where the line may be a table row, a `|` in a code span is escaped, as GitHub's tables need.
 */
function sanitizeLine(line, tableRow) {
    let out = '';
    let text = '';
    const flush = () => {
        out += neutralize(text);
        text = '';
    };
    for (let i = 0; i < line.length;) {
        const c = line[i];
        if (c === '\\' && i + 1 < line.length && ASCII_PUNCTUATION.test(line[i + 1])) {
            // `\<` would still open a tag once `<` is an entity after the backslash: write the entity alone.
            text += line[i + 1] === '<' ? '<' : line.slice(i, i + 2);
            i += 2;
        }
        else if (c === '`') {
            const run = runLength(line, i, '`');
            const close = insideAutolink(line, i) ? -1 : closingRun(line, i + run, run);
            if (close < 0) {
                text += '\\`'.repeat(run);
                i += run;
                continue;
            }
            flush();
            const span = line.slice(i, close + run);
            out += tableRow ? span.replace(/(?<!\\)\|/g, '\\|') : span;
            i = close + run;
        }
        else if (c === '~' && runLength(line, i, '~') >= 3) {
            const run = runLength(line, i, '~');
            text += `\\${'~'.repeat(run)}`;
            i += run;
        }
        else if (c === ']' && line[i + 1] === '(') {
            const destination = linkDestination(line, i + 2);
            const href = destination && safeUrl(destination.url);
            if (destination && href !== undefined) {
                flush();
                out += `](${href})`;
                i = destination.end;
            }
            else {
                // No link: the label stays as text, and a destination that is not http(s) is left out.
                text += '\\]';
                i = destination ? destination.end : i + 1;
            }
        }
        else {
            text += c;
            i++;
        }
    }
    flush();
    return out;
}
/** A backtick or tilde fence opening a code block, as CommonMark reads one (a backtick fence's info holds no backtick). */
function fenceOpening(line) {
    const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!match)
        return undefined;
    const [, marker, rest] = match;
    if (marker[0] === '`' && rest.includes('`'))
        return undefined;
    return { marker: marker, info: rest.trim() };
}
/**
 * Whether a line may be a table's delimiter row (`| --- | :-: |`, `:--`; also inside a list item or
 * a block quote): after one, a line may be a table row, where `|` splits cells even in a code span.
 */
function delimiterRow(line) {
    return /^[ \t|:>-]+$/.test(line) && line.includes('-') && /[|:]/.test(line);
}
/**
 * Markdown written by the agent, made safe to show in a summary or a comment while it still renders as
 * Markdown: no raw HTML (it cannot close a `<details>` or add a tag), no live @-mentions, no links or
 * images other than http(s), and no code fence left open to swallow what follows. Code stays as it is
 * (there, nothing renders), and what is kept as code is code for GitHub's parser too: a fence is
 * written again at the start of the line with a plain info string, and it is closed by a fence this
 * function writes, on any line that could close it; see `sanitizeLine` for code spans.
 */
function markdown_sanitizeMarkdown(text) {
    const out = [];
    let fence;
    let tables = false;
    for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
        if (fence !== undefined) {
            // Any line GitHub could take for the closing fence closes it here too (more lines than GitHub's
            // rule, never fewer), and the fence written is one GitHub closes on.
            const closing = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line);
            out.push(closing ? fence : line);
            if (closing)
                fence = undefined;
            continue;
        }
        const opening = fenceOpening(line);
        if (opening) {
            fence = opening.marker;
            out.push(`${fence}${/^[\w+#.-]*/.exec(opening.info)[0]}`);
            continue;
        }
        // Reference-style link definitions: dropped unless they point to http(s).
        const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s.*)?$/.exec(line);
        if (definition && safeUrl(definition[1]) === undefined)
            continue;
        tables ||= delimiterRow(line);
        out.push(sanitizeLine(line, tables));
    }
    if (fence !== undefined)
        out.push(fence);
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/report/duration.ts
/** Milliseconds as `1h 2m 3s` (seconds rounded). */
function formatDuration(ms) {
    let rest = Math.round(ms / 1000);
    const h = Math.floor(rest / 3600);
    rest -= h * 3600;
    const m = Math.floor(rest / 60);
    const s = rest - m * 60;
    return [h ? `${h}h` : '', h || m ? `${m}m` : '', `${s}s`].filter(Boolean).join(' ');
}

;// CONCATENATED MODULE: ./src/review/text.ts
/**
 * The text of a pull request review: each inline comment's body (with its suggested change), the
 * review's body (the summary, then the comments that could not go on their lines), and the review's
 * part of the job summary. Text from the agent is sanitised here and cut to GitHub's limits.
 */


/**
 * An agent's comment, suggestion or summary, before it is put in a body. The bodies themselves are
 * held to GitHub's limit for a comment or review body (limits.ts), which the review shares.
 */
const MAX_AGENT_TEXT_CHARS = 16_000;
const VERDICT_WORDS = {
    approve: '✅ The Oz agent approves these changes',
    comment: '💬 The Oz agent reviewed these changes',
    request_changes: '✋ The Oz agent requests changes',
};
/** A fence that no run of backticks in `text` can close. */
function fenceFor(text) {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    return '`'.repeat(longest + 1);
}
/**
 * The most of an inline comment a suggested change may take: the rest is room for the comment's text.
 * A change longer than that is not offered whole, so it is not offered to commit at all.
 */
const MAX_SUGGESTION_UNITS = limits_MAX_COMMENT_CHARS - 2000;
/**
 * A suggested change: GitHub offers a ```suggestion block on a line as a change to commit, so it is
 * offered only whole (committing a shortened one would write the cut into the file). One too long for
 * a comment, and a change listed in the review's body, is shown as plain code, shortened if need be.
 */
function suggestionBlock(suggestion, kind) {
    const whole = suggestion.replace(/\r\n?/g, '\n').replace(/\n$/, '');
    if (kind === 'suggestion') {
        const fence = fenceFor(whole);
        const offered = `${fence}suggestion\n${whole}\n${fence}`;
        if (offered.length <= MAX_SUGGESTION_UNITS)
            return offered;
    }
    const text = limits_fitChars(whole, MAX_AGENT_TEXT_CHARS);
    const fence = fenceFor(text);
    const code = `${fence}\n${text}\n${fence}`;
    if (kind === 'text' || text === whole)
        return code;
    return `The suggested change (${whole.length} characters) is too long to offer as a change to commit here; its start:\n\n${code}`;
}
/** An inline comment's body: the agent's Markdown, sanitised, and its suggestion as a suggested change. */
function commentBody(comment) {
    const suggestion = comment.suggestion === undefined ? undefined : suggestionBlock(comment.suggestion, 'suggestion');
    // Escaping can make the agent's text several times longer: it is shortened until the body fits.
    const room = MAX_COMMENT_CHARS - (suggestion === undefined ? 0 : suggestion.length + 2);
    const text = fitRendered((budget) => sanitizeMarkdown(fitChars(comment.body.trim(), budget)), room, MAX_AGENT_TEXT_CHARS);
    return fitUnits([text, ...(suggestion === undefined ? [] : [suggestion])].join('\n\n'), MAX_COMMENT_CHARS);
}
/** `path:line` (or `path:start-line`), as code, for a comment listed in the body. */
function commentPlace(comment) {
    const lines = comment.start_line !== undefined && comment.start_line < comment.line ? `${comment.start_line}-${comment.line}` : comment.line;
    const side = comment.side === 'LEFT' ? ' (old)' : '';
    return `\`${`${comment.path}:${lines}`.replaceAll('`', "'")}\`${side}`;
}
/** A comment as a list item of the body: its place, its text indented under it, a suggestion as plain code. */
function listItem(comment) {
    const body = markdown_sanitizeMarkdown(limits_fitChars(comment.body.trim(), MAX_AGENT_TEXT_CHARS));
    const parts = [body, ...(comment.suggestion !== undefined ? ['Suggested:', suggestionBlock(comment.suggestion, 'text')] : [])];
    const indented = parts.join('\n\n').replace(/\n/g, '\n  ');
    return `- ${commentPlace(comment)}: ${indented}`;
}
/**
 * The review's body: the verdict, the summary, a note when the head moved, then the comments listed
 * with `path:line` (outside the diff first), within GitHub's limit; what does not fit is counted.
 */
function reviewBody(parts) {
    const heading = [parts.marker, `**${VERDICT_WORDS[parts.verdict]}**`, ''];
    // Escaping can make the summary several times longer: it is shortened until it leaves room for the rest.
    const summaryRoom = MAX_COMMENT_CHARS - heading.join('\n').length - 2000;
    const summary = fitRendered((budget) => sanitizeMarkdown(fitChars(parts.summary.trim(), budget)), summaryRoom, MAX_AGENT_TEXT_CHARS);
    const head = [...heading, summary];
    if (parts.movedTo !== undefined) {
        head.push('', `> This review is of commit \`${parts.commit.slice(0, 12)}\`: the pull request's head moved to \`${parts.movedTo.slice(0, 12)}\` while the agent worked.`);
    }
    const tail = [];
    if (parts.repeated > 0)
        tail.push('', `${parts.repeated} comment${parts.repeated === 1 ? ' was' : 's were'} already made in an earlier review and not repeated.`);
    const links = parts.links.filter((l) => l.url !== undefined).map((l) => safeLink(l.label, l.url));
    if (links.length > 0)
        tail.push('', links.join(' · '));
    let text = head.join('\n');
    const budget = MAX_COMMENT_CHARS - tail.join('\n').length - 200;
    for (const why of ['outside-diff', 'over-limit']) {
        const items = parts.listed.filter((l) => l.why === why);
        if (items.length === 0)
            continue;
        const heading = why === 'outside-diff'
            ? '**On lines outside the diff** (GitHub takes review comments only on the diff):'
            : `**More comments** (at most ${parts.maxInline} go on their lines):`;
        text += `\n\n${heading}\n`;
        for (const [i, item] of items.entries()) {
            const line = `\n${listItem(item.comment)}`;
            if (text.length + line.length > budget) {
                text += `\n- and ${items.length - i} more, in the job summary of the workflow run`;
                break;
            }
            text += line;
        }
    }
    // Each part of the tail is a paragraph of its own, never a continuation of the last list item.
    return fitUnits(tail.length > 0 ? `${text}\n${tail.join('\n')}` : text, MAX_COMMENT_CHARS);
}
/** The review's part of the job summary and the pull request comment: verdict, where it is, and each comment. */
function reviewSection(review) {
    const lines = [
        '### Review',
        '',
        `**${VERDICT_WORDS[review.verdict]}**`,
        '',
        markdown_sanitizeMarkdown(limits_fitChars(review.summary.trim(), MAX_AGENT_TEXT_CHARS)),
    ];
    if (review.url) {
        lines.push('', `${markdown_safeLink('The review', review.url)} is of commit \`${review.commit.slice(0, 12)}\`: ${review.inline} comment${review.inline === 1 ? '' : 's'} on lines, ${review.listed} in its body${review.repeated > 0 ? `, ${review.repeated} not repeated` : ''}.`);
    }
    if (review.movedTo !== undefined)
        lines.push('', `The pull request's head moved to \`${review.movedTo.slice(0, 12)}\` while the agent worked.`);
    for (const said of [review.note, review.problem])
        if (said)
            lines.push('', escapeMarkdown(limits_fitChars(said)));
    if (review.comments.length > 0) {
        lines.push('', '<details><summary>Comments</summary>', '');
        for (const comment of review.comments.slice(0, 200))
            lines.push(listItem(comment));
        if (review.comments.length > 200)
            lines.push(`- and ${review.comments.length - 200} more (all of them are in the \`structured_output\` output)`);
        lines.push('', '</details>');
    }
    return [...lines, ''];
}
/** The review's outputs; empty when there was no review. */
function reviewOutputs(review) {
    return { review_url: review?.url ?? '', review_comments: String(review?.inline ?? 0), verdict: review?.verdict ?? '' };
}

;// CONCATENATED MODULE: ./src/report/summary.ts






// The report as Markdown: the job summary, the CLI's summary file and the final pull request comment.
/** `PT1H2M3.5S` → `1h 2m 4s`; undefined when it is not an ISO 8601 duration. */
function formatIsoDuration(value) {
    const match = value === undefined ? null : /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
    if (!match)
        return undefined;
    const [, d, h, m, s] = match;
    const seconds = Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
    return formatDuration(seconds * 1000);
}
const HEADINGS = {
    succeeded: '✅ Oz agent run succeeded',
    failed: '❌ Oz agent run failed',
    timeout: '⏱️ Oz agent run timed out',
    started: '🚀 Oz agent run started',
    error: '⚠️ Oz agent run could not be followed',
    skipped: '⏭️ Oz agent not started',
    not_started: '⛔ Oz agent run not started',
    budget_exceeded: '💸 Oz agent run cancelled: budget exceeded',
    invalid_output: '⚠️ Oz agent run succeeded, but its structured output is missing or invalid',
};
/** `https://github.com/o/r/pull/42` → `o/r#42`; anything else → `pull request`. */
function pullRequestLabel(url) {
    const match = url === undefined ? null : /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/pull\/(\d+)/.exec(url);
    return match ? `${match[1]}#${match[2]}` : 'pull request';
}
function describeArtifact(artifact) {
    const data = artifact.data ?? {};
    const text = (key) => {
        const value = data[key];
        return typeof value === 'string' ? limits_fitChars(value, 500) : undefined;
    };
    switch (artifact.artifact_type) {
        case 'PULL_REQUEST': {
            const branch = text('branch');
            return `Pull request: ${markdown_safeLink(pullRequestLabel(text('url')), text('url'))}${branch ? ` (branch ${escapeMarkdown(branch)})` : ''}`;
        }
        case 'PLAN':
            return `Plan: ${markdown_safeLink(text('title') ?? 'plan', text('url'))}`;
        case 'FILE': {
            const size = typeof data.size_bytes === 'number' ? ` (${data.size_bytes} bytes)` : '';
            return `File: ${escapeMarkdown(text('filepath') ?? text('filename') ?? 'file')}${size}`;
        }
        case 'SCREENSHOT':
            return `Screenshot: ${escapeMarkdown(text('description') ?? text('artifact_uid') ?? 'screenshot')}`;
        case 'EXTERNAL_REFERENCE':
            return `Link: ${markdown_safeLink(text('title') ?? text('url') ?? 'reference', text('url'))}`;
        default:
            return escapeMarkdown(limits_fitChars(String(artifact.artifact_type), 100));
    }
}
function usageRows(run) {
    const usage = run.request_usage;
    if (!usage)
        return [];
    const rows = [];
    const credits = ['inference', 'compute', 'platform']
        .map((kind) => [kind, usage[`${kind}_cost`], usage[`${kind}_cost_usd`]])
        .filter(([, credits]) => typeof credits === 'number');
    if (credits.length > 0) {
        const total = credits.reduce((sum, [, c]) => sum + c, 0);
        const usd = credits.reduce((sum, [, , u]) => sum + (typeof u === 'number' ? u : 0), 0);
        const parts = credits.map(([kind, c]) => `${kind} ${c}`).join(', ');
        rows.push(['Cost', `${round(total)} credits (${parts})${usd > 0 ? `, about $${usd.toFixed(2)}` : ''}`]);
    }
    if (typeof usage.total_tokens === 'number')
        rows.push(['Tokens', String(usage.total_tokens)]);
    return rows;
}
function round(n) {
    return String(Math.round(n * 100) / 100);
}
/** Ended runs other than SUCCEEDED, by what a reader should do about them. */
const FAILED_HEADINGS = {
    FAILED: '❌ Oz agent run failed',
    ERROR: '❌ Oz agent run failed with a platform error',
    BLOCKED: '✋ Oz agent run is blocked: it needs a person',
    CANCELLED: '🚫 Oz agent run was cancelled',
};
/** The heading for how a run ended: the outcome, in words, with its emoji. */
function outcomeHeading(report, words) {
    if (report.outcome === 'cancelled')
        return `🚫 Oz agent run ${words.stoppedHeading}`;
    return (report.outcome === 'failed' && FAILED_HEADINGS[report.run?.state ?? '']) || HEADINGS[report.outcome];
}
/** What to do about a run that did not succeed, by error code and state: one sentence for a reader. */
function nextStep(report, words) {
    const run = report.run;
    const { rerun } = words;
    const code = run?.status_message?.error_code;
    if (report.outcome === 'timeout')
        return `Raise \`${words.setting('timeoutMinutes')}\`, or split the task into smaller runs.`;
    if (report.outcome === 'budget_exceeded')
        return `Raise \`${words.setting('maxCredits')}\`, or split the task into smaller runs.`;
    if (report.outcome === 'not_started') {
        const sent = report.catalogueRead
            ? 'No run was started: only the catalogue was read (the lists of models, environments or skills the check needed).'
            : 'Nothing was sent to Oz.';
        return `Fix what the message above names, then ${rerun}. ${sent}`;
    }
    if (report.outcome === 'invalid_output')
        return `Make the prompt say more plainly what the JSON object must hold, or relax \`${words.setting('outputSchema')}\`.`;
    if (run?.state === 'BLOCKED')
        return 'A person must act: open the agent session and approve the step or answer its question.';
    switch (code) {
        case 'insufficient_credits':
            return `Add credits to the Warp team that owns the API key (Warp: Settings › Billing), then ${rerun}.`;
        case 'budget_exceeded':
            return `The team's spending limit was reached: raise it in Warp (Settings › Billing), then ${rerun}.`;
        case 'environment_setup_failed':
            return `Check the environment (${words.aside('environment')}): its repositories, setup commands and secrets. The session shows the step that failed.`;
        case 'external_authentication_required':
        case 'integration_not_configured':
        case 'integration_disabled':
            return `Connect or enable the integration in Warp for the team that owns the API key, then ${rerun}.`;
        case 'not_authorized':
        case 'authentication_required':
            return 'The API key lacks access: use a team agent key with access to the environment and repositories.';
        case 'content_policy_violation':
            return 'The request was refused by the content policy: reword the prompt.';
        case 'invalid_request':
        case 'resource_not_found':
            return 'Check the inputs (model, environment, skill, MCP servers): one of them names something that does not exist.';
    }
    if (run?.status_message?.retryable === true || run?.state === 'ERROR')
        return `This may be temporary: ${rerun}.`;
    if (run?.state === 'CANCELLED')
        return `The run was cancelled (in Warp, through the API, or by ${words.ownRun}); ${rerun} to try again.`;
    if (run?.state === 'FAILED')
        return 'Open the agent session to see what went wrong.';
    return undefined;
}
/** Pull request links the agent opened, prominent; `exclude` is the pull request the comment is on (no self-links). */
function pullRequests(artifacts, exclude) {
    return artifacts
        .filter((a) => a.artifact_type === 'PULL_REQUEST')
        .map((a) => {
        const url = typeof a.data?.url === 'string' ? a.data.url : undefined;
        const branch = typeof a.data?.branch === 'string' ? limits_fitChars(a.data.branch, 200) : undefined;
        return { url, branch };
    })
        .filter(({ url }) => url !== undefined && safeUrl(url) !== undefined && url !== exclude)
        .map(({ url, branch }) => `- **${markdown_safeLink(pullRequestLabel(url), url)}**${branch ? ` (branch ${inlineCode(branch)})` : ''}`);
}
/** The agent's answer: Markdown, sanitised, shortened to `maxAnswerChars`; folded when long. */
function answerBlock(answer, options, workflowRunUrl) {
    const trimmed = answer.trim();
    const shown = limits_fitChars(trimmed, options.maxAnswerChars ?? 60_000);
    const text = markdown_sanitizeMarkdown(shown);
    // Said after the answer, outside its fold, so a reader knows the end is missing and where it is.
    const whereWhole = options.comment
        ? `all of it is in ${markdown_safeLink(options.fullReport, workflowRunUrl)}`
        : 'the agent session has all of it';
    const shortened = shown !== trimmed ? [`*The answer is shortened here: ${whereWhole}.*`, ''] : [];
    return [...foldedAnswer(text), ...shortened];
}
function foldedAnswer(text) {
    const lines = text.split('\n');
    if (lines.length <= 25 && text.length <= 2500)
        return [text, ''];
    const blank = lines.findIndex((l, i) => i > 0 && l.trim() === '');
    const firstParagraph = lines.slice(0, blank > 0 ? blank : 5).join('\n');
    const lead = firstParagraph.length <= 1000 && !/^ {0,3}(`{3,}|~{3,})/m.test(firstParagraph) ? [firstParagraph, ''] : [];
    return [...lead, "<details><summary>The agent's full answer</summary>", '', text, '', '</details>', ''];
}
/** Problems with the structured output, when it is invalid. */
function structuredProblems(report) {
    if (!report.structured || report.structured.ok)
        return [];
    return [
        '**Structured output problems:**',
        '',
        ...capList(report.structured.errors, 20).shown.map((e) => `- ${escapeMarkdown(limits_fitChars(e, 500))}`),
        '',
    ];
}
/** The pull requests the agent opened, then its plans, folded: this request's only. */
function openedByTheAgent(artifacts, exclude) {
    const lines = [];
    const prs = pullRequests(artifacts, exclude);
    if (prs.length > 0)
        lines.push(`### ${prs.length === 1 ? 'Pull request' : 'Pull requests'} opened by the agent`, '', ...capList(prs).shown, '');
    const plans = artifacts.filter((a) => a.artifact_type === 'PLAN');
    for (const plan of capList(plans, 10).shown) {
        const planTitle = typeof plan.data?.title === 'string' ? limits_fitChars(plan.data.title, 200) : 'Plan';
        lines.push(`<details><summary>Plan: ${escapeMarkdown(planTitle)}</summary>`, '', markdown_safeLink('Open the plan in Warp', plan.data?.url), '', '</details>', '');
    }
    return lines;
}
/**
 * On a follow-up: that the run also holds earlier turns' artifacts, which are not listed as this
 * request's, their pull requests named as theirs (a follow-up that pushed to one opens no new one).
 */
function earlierTurns(report, exclude) {
    const earlier = report.earlierArtifacts ?? [];
    if (report.followedUp !== true || earlier.length === 0)
        return [];
    const links = earlier
        .filter((a) => a.artifact_type === 'PULL_REQUEST' && typeof a.data?.url === 'string' && a.data.url !== exclude)
        .filter((a) => safeUrl(a.data.url) !== undefined)
        .map((a) => markdown_safeLink(pullRequestLabel(a.data.url), a.data.url));
    const prs = capList(links, 5);
    const named = prs.shown.length > 0 ? ` (pull request ${prs.shown.join(', ')}${prs.more > 0 ? ` and ${prs.more} more` : ''})` : '';
    const count = earlier.length === 1 ? 'one artifact' : `${earlier.length} artifacts`;
    return [
        `**Earlier turns:** the run also holds ${count} from before this follow-up${named}. They are not listed here as ` +
            "this follow-up's; a pull request it only pushed to is among them.",
        '',
    ];
}
/** Why a run did not succeed and what to do about it; nothing for a run that succeeded, started or was skipped. */
function whatToDoNext(report, words) {
    if (report.outcome === 'succeeded' || report.outcome === 'started' || report.outcome === 'skipped')
        return [];
    const { run } = report;
    const status = run?.status_message;
    const reason = status?.message
        ? `${escapeMarkdown(limits_fitChars(status.message))}${status.error_code ? ` (${inlineCode(limits_fitChars(status.error_code, 100))})` : ''}`
        : undefined;
    const next = nextStep(report, words);
    if (!reason && !next)
        return [];
    const lines = ['### What to do next', ''];
    if (reason)
        lines.push(`**Why:** ${reason}`, '');
    if (next)
        lines.push(next, '');
    if (run?.state === 'BLOCKED' && run.session_link)
        lines.push(markdown_safeLink('Open the agent session', run.session_link), '');
    return lines;
}
/** An output named in the text, by its name in the names table. */
function outputNamed(name) {
    return `\`${name}\` output`;
}
/** The files saved from the run, at most a page of them. */
function filesSaved(report) {
    const files = report.downloadedFiles ?? [];
    if (files.length === 0)
        return [];
    const { shown, more } = capList(files);
    const lines = ['### Files saved', '', ...shown.map((f) => `- ${inlineCode(f)}`)];
    if (more > 0)
        lines.push(`- and ${more} more (all of them are in the ${outputNamed('downloaded_files')})`);
    lines.push('');
    return lines;
}
/**
 * The commit rows: the event's head commit, or, after a review, the commit it reviewed (which can
 * differ: the review is of the head the pull request had when the run started), with the event's
 * head beside it, labelled, when that is another one.
 */
function commitRows({ pullRequest, review }) {
    const code = (sha) => inlineCode(sha.slice(0, 12), { table: true });
    if (review?.commit === undefined || review.commit === '')
        return pullRequest?.headSha ? [['Head commit', code(pullRequest.headSha)]] : [];
    const rows = [['Commit reviewed', code(review.commit)]];
    if (pullRequest?.headSha && pullRequest.headSha !== review.commit)
        rows.push(["The event's head commit", code(pullRequest.headSha)]);
    return rows;
}
/** The rows of the run's details table. */
function detailRows(report, options) {
    const { run } = report;
    const rows = [];
    const runId = run?.run_id ?? report.runId;
    if (run?.state)
        rows.push(['State', escapeMarkdown(limits_fitChars(run.state, 100))]);
    if (run?.session_link)
        rows.push(['Session', markdown_safeLink('Open the agent session', run.session_link)]);
    if (runId)
        rows.push(['Run ID', inlineCode(limits_fitChars(runId, 200), { table: true })]);
    const duration = formatIsoDuration(run?.run_time) ?? (report.elapsedMs === undefined ? undefined : formatDuration(report.elapsedMs));
    if (duration)
        rows.push(['Duration', duration]);
    const status = run?.status_message;
    if (status?.message)
        rows.push(['Status message', escapeMarkdown(limits_fitChars(status.message))]);
    if (status?.error_code)
        rows.push(['Error code', inlineCode(limits_fitChars(status.error_code, 100), { table: true })]);
    if (run?.status_message?.retryable !== undefined)
        rows.push(['Retryable', run.status_message.retryable ? 'yes: a new run may succeed' : 'no']);
    if (run)
        rows.push(...usageRows(run));
    const pr = report.pullRequest;
    if (pr && !options.comment)
        rows.push(['Pull request', markdown_safeLink(`#${pr.number}`, pr.url)]);
    rows.push(...commitRows(report));
    if (report.workflowRunUrl)
        rows.push([options.ownRunRow[0], markdown_safeLink(options.ownRunRow[1], report.workflowRunUrl)]);
    return rows;
}
/** The run's details, folded: the table, then the artifacts other than pull requests and plans. */
function runDetails(report, options) {
    const rows = detailRows(report, options);
    const others = reportArtifacts(report).filter((a) => !['PULL_REQUEST', 'PLAN'].includes(a.artifact_type));
    if (rows.length === 0 && others.length === 0)
        return [];
    const lines = ['<details><summary>Run details</summary>', ''];
    if (rows.length > 0)
        lines.push('| Detail | Value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '');
    if (others.length > 0) {
        const { shown, more } = capList(others);
        lines.push('**Artifacts**', '', ...shown.map((a) => `- ${describeArtifact(a)}`));
        if (more > 0)
            lines.push(`- and ${more} more (all of them are in the ${outputNamed('artifacts')})`);
        lines.push('');
    }
    lines.push('</details>', '');
    return lines;
}
/**
 * The job summary (and the final pull request comment) as Markdown, most useful first: the outcome,
 * the agent's answer, the pull requests it opened, plans, what to do next when the run did not
 * succeed, then the run's details folded. Text from the API and the agent is escaped or sanitised;
 * settings are named in the front end's words.
 */
function renderSummary(report, options) {
    const { run } = report;
    const title = run?.title ? `: ${escapeMarkdown(limits_fitChars(run.title, 200))}` : '';
    const lines = [`## ${outcomeHeading(report, options)}${title}`, ''];
    if (report.note)
        lines.push(escapeMarkdown(limits_fitChars(report.note)), '');
    if (report.review)
        lines.push(...reviewSection(report.review));
    if (report.agentOutput)
        lines.push(...answerBlock(report.agentOutput, options, report.workflowRunUrl));
    lines.push(...structuredProblems(report), ...openedByTheAgent(reportArtifacts(report), options.comment ? report.pullRequest?.url : undefined), ...earlierTurns(report, options.comment ? report.pullRequest?.url : undefined), ...whatToDoNext(report, options), ...filesSaved(report), ...runDetails(report, options));
    // Every piece above is already bounded; this is the last guard against the runner dropping the summary.
    return fitBytes(lines.join('\n'), MAX_SUMMARY_BYTES);
}

;// CONCATENATED MODULE: ./src/report/render.ts
/**
 * What the job summary, the outputs and the CLI's report are rendered with, once there is something
 * to report. A bundle file of its own (`#report`, see package.json imports and scripts/build.ts),
 * loaded on first use, so that a step's start to its first request does not compile it.
 */





module.exports = __webpack_exports__;
/******/ })()
;