/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
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
  ConversationWatcher: () => (/* reexport */ ConversationWatcher),
  finalAnswer: () => (/* reexport */ finalAnswer),
  saveArtifacts: () => (/* reexport */ saveArtifacts)
});

;// CONCATENATED MODULE: ./src/oz/errors.ts
/** Errors of the Oz API client, and the one decision of which of them are worth another try. */
const errors_DEFAULT_ERROR_NAMES = { apiKey: 'the API key', apiBaseUrl: 'the API address' };
class errors_OzApiError extends Error {
    name = 'OzApiError';
    method;
    path;
    status;
    problem;
    /** From `Retry-After`, when the server sent one. */
    retryAfterMs;
    constructor(method, path, status, problem, retryAfterMs, names = errors_DEFAULT_ERROR_NAMES) {
        super(describeApiError(method, path, status, problem, names));
        this.method = method;
        this.path = path;
        this.status = status;
        this.problem = problem;
        this.retryAfterMs = retryAfterMs;
    }
}
/**
 * A 2xx answer whose body is not what the endpoint returns (empty, not JSON, not a run). Like a 5xx it
 * is worth another try, and for a create it leaves open whether the run was made.
 */
class errors_OzBadAnswerError extends Error {
    name = 'OzBadAnswerError';
    status;
    constructor(method, path, status, what) {
        super(`Oz API ${method} ${path} answered ${status} with ${what}`);
        this.status = status;
    }
}
/** A redirect, which the API never sends for its calls: followed, it could carry the key elsewhere. */
class errors_OzRedirectError extends Error {
    name = 'OzRedirectError';
    status;
    location;
    constructor(method, path, status, location, names = errors_DEFAULT_ERROR_NAMES) {
        super(`Oz API ${method} ${path} answered ${status}, a redirect to ${location || '(no Location header)'}. ` +
            'The API does not redirect its calls, so the redirect was not followed and the API key was not sent there: check ' +
            `${names.apiBaseUrl}.`);
        this.status = status;
        this.location = location;
    }
}
/** A request that got no HTTP answer: refused, reset, timed out, or its body was cut short. */
class errors_OzNetworkError extends Error {
    name = 'OzNetworkError';
    code;
    /** False only when the request surely never reached the server (refused, unknown host). */
    mayHaveReachedServer;
    constructor(method, path, code, mayHaveReachedServer, cause, hint) {
        super(`Oz API ${method} ${path} failed: ${code} (${cause?.message ?? String(cause)})${hint ? `. ${hint}` : ''}`, { cause });
        this.code = code;
        this.mayHaveReachedServer = mayHaveReachedServer;
    }
}
const STATUS_TEXT = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    408: 'Request Timeout',
    409: 'Conflict',
    422: 'Unprocessable Entity',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
};
function describeApiError(method, path, status, problem, names) {
    const parts = [`Oz API ${method} ${path} failed with ${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`];
    const said = [problem.title, problem.detail].filter((s) => s && s.trim() !== '');
    // A detail that repeats the title adds nothing.
    if (said.length === 2 && said[1].includes(said[0]))
        said.shift();
    if (said.length > 0)
        parts.push(said.join(': '));
    else if (problem.text)
        parts.push(problem.text);
    if (status === 401) {
        parts.push(`The Warp API key is missing, invalid or revoked: check ${names.apiKey}`);
    }
    else if (status === 403) {
        parts.push('The Warp API key lacks access to this: use a team agent key with access to the environment and repository');
    }
    let message = parts.join('. ');
    if (problem.errorCode)
        message += ` [${problem.errorCode}]`;
    if (problem.traceId)
        message += ` (trace id ${problem.traceId})`;
    return message;
}
/** Statuses where another try may succeed: timeout, rate limit or capacity, and server errors. */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || status >= 500;
}
/**
 * The client's errors, recognised by name rather than class: `instanceof` fails when a class is
 * defined twice, as it is when two bundle files each carry a copy.
 */
function named(error, name) {
    return error instanceof Error && error.name === name;
}
const errors_isApiError = (error) => named(error, 'OzApiError');
const isNetworkError = (error) => named(error, 'OzNetworkError');
const errors_isBadAnswer = (error) => named(error, 'OzBadAnswerError');
/** Host names that do not resolve: the URL is wrong, and no retry will fix it. */
const UNRESOLVED = new Set(['ENOTFOUND']);
/**
 * How many times a refused connection is tried in all. A refusal comes back at once from a host where
 * nothing listens (a wrong port, a server that is down): a restarting server is back within seconds,
 * so two quick retries (about 3 s) and then the error, with its hint, rather than 40 s of backoff.
 */
const REFUSED_MAX_TRIES = 3;
/** Whether another try is worth it after `attemptNumber` tries that ended in `error`. */
function errors_worthAnotherTry(error, attemptNumber, retryIf = errors_isRetryable) {
    if (isNetworkError(error) && error.code === 'ECONNREFUSED' && attemptNumber >= REFUSED_MAX_TRIES)
        return false;
    return retryIf(error);
}
/** Whether a failed request is worth another try. Other 4xx answers, redirects and unknown hosts are final. */
function errors_isRetryable(error) {
    if (isNetworkError(error))
        return !UNRESOLVED.has(error.code);
    if (errors_isBadAnswer(error))
        return true;
    if (errors_isApiError(error))
        return isRetryableStatus(error.status);
    return false;
}
/**
 * Whether a failed create may still have started a run: the request may have reached the server and
 * the answer does not prove it was turned away. 408 and a plain 429 are refusals before any work; a
 * 5xx may come from a gateway after the backend already created the run; and a 429 whose code is
 * `resource_unavailable` (capacity full) can mean Warp queued the task and will run it.
 */
function mayHaveCreated(error) {
    if (isNetworkError(error))
        return error.mayHaveReachedServer;
    if (errors_isBadAnswer(error))
        return true;
    if (errors_isApiError(error))
        return error.status >= 500 || (error.status === 429 && error.problem.errorCode === 'resource_unavailable');
    return false;
}
/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`. */
function errors_parseRetryAfter(value, now = Date.now()) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}

;// CONCATENATED MODULE: ./src/run/transcript.ts

/** The text of a message's text blocks. */
function textOf(content) {
    return content
        .filter((b) => b.type === 'text' && typeof b.text === 'string')
        .map((b) => b.text)
        .join('\n')
        .trim();
}
/** The messages of the root steps, in order. */
function rootMessages(conversation) {
    return (conversation?.steps ?? []).flatMap((step) => step.messages ?? []);
}
/** Where the answer to `request` starts, when it is found as a user message; 0 when it is not there yet. */
function afterRequest(messages, request) {
    const asked = request.trim().split('\n')[0].trim();
    for (let m = messages.length - 1; m >= 0; m--) {
        if (messages[m].role === 'user' && asked !== '' && textOf(messages[m].content ?? []).includes(asked))
            return m + 1;
    }
    return messages.length;
}
/**
 * The agent's final answer: the text of the last assistant message of the last root step that has
 * one (shared oz-api.md). With `start`, only what comes after it counts: the answer to a follow-up is
 * never the one before it. Empty when there is none.
 */
function finalAnswer(conversation, start) {
    const messages = rootMessages(conversation);
    const from = start === undefined ? 0 : 'messages' in start ? start.messages : afterRequest(messages, start.request);
    for (let m = messages.length - 1; m >= from; m--) {
        const message = messages[m];
        if (message.role !== 'assistant')
            continue;
        const text = textOf(message.content ?? []);
        if (text !== '')
            return text;
    }
    return '';
}
const firstString = (input, keys) => {
    for (const key of keys) {
        const value = input?.[key];
        if (typeof value === 'string' && value.trim() !== '')
            return value;
        if (Array.isArray(value) && value.length > 0) {
            const items = value.map((v) => (typeof v === 'string' ? v : isPath(v))).filter((v) => !!v);
            if (items.length > 0)
                return items.join(', ');
        }
    }
    return undefined;
};
const isPath = (value) => {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const record = value;
    return typeof record.path === 'string' ? record.path : typeof record.file_path === 'string' ? record.file_path : undefined;
};
/** `command: npm test`, `edit_files: src/auth.ts`, `search: flaky`: what an action was, in a line. */
function describeAction(block) {
    const what = block.name === 'run_command' || block.category === 'command' ? 'command' : (block.name ?? block.category ?? 'action');
    const detail = firstString(block.input, ['command', 'path', 'paths', 'files', 'file_paths', 'query', 'url', 'name', 'title']);
    return detail === undefined ? what : `${what}: ${detail}`;
}
function firstLine(text) {
    return text.split('\n').find((l) => l.trim() !== '') ?? '';
}
/** Every action and assistant message in the conversation, in order, nested steps included. */
function activity(conversation) {
    const items = [];
    const walk = (step) => {
        (step.messages ?? []).forEach((message, m) => {
            const content = message.content ?? [];
            if (message.role === 'assistant') {
                const text = textOf(content);
                if (text !== '')
                    items.push({ key: `${step.id}/m${message.message_ids?.[0] ?? m}`, line: `says: ${firstLine(text)}` });
            }
            content.forEach((block, b) => {
                if (block.type === 'action')
                    items.push({ key: `a/${block.id ?? `${step.id}/${m}/${b}`}`, line: describeAction(block) });
            });
        });
        for (const child of step.steps ?? [])
            walk(child);
    };
    for (const step of conversation.steps)
        walk(step);
    return items;
}
/** The deadline of one live-progress read: one try, and the next one due tries again. */
const LIVE_READ_TIMEOUT_MS = 10_000;
/**
 * Reads a run's conversation for live progress: first `firstAfterMs` after the run is first seen
 * working (a short run then shows its progress while it works, not only at its end), then at most once
 * per `intervalMs`; each action and assistant message told once. A 422 (a conversation the API cannot
 * normalize) turns live reads off quietly; a 404 (none yet) and any other failure skip that read. A
 * forced read (before a follow-up, after the end) is always made: a conversation missing while the
 * run worked may be there once it ended.
 *
 * Live reads (`pollInBackground`) never hold up the watch: each runs beside it, one at a time, one try
 * with a deadline of its own, and is aborted when the stop signal fires or a forced read starts.
 */
class ConversationWatcher {
    seen = new Set();
    /** When the next unforced read is due; set by the first unforced poll. */
    due;
    off = false;
    /** The live read in flight, if any: aborted by a forced read. */
    live;
    /** The last conversation read, for the final answer. */
    latest;
    /** How the last read went: read, none (404 or 422: no conversation), or failed. */
    lastOutcome;
    client;
    runId;
    intervalMs;
    debug;
    firstAfterMs;
    constructor(client, runId, intervalMs, debug, firstAfterMs = 15_000) {
        this.client = client;
        this.runId = runId;
        this.intervalMs = intervalMs;
        this.debug = debug;
        this.firstAfterMs = firstAfterMs;
    }
    /** Whether an unforced read is due now: `firstAfterMs` after the first such question, then every `intervalMs`. */
    isDue() {
        if (this.off)
            return false;
        const now = Date.now();
        this.due ??= now + this.firstAfterMs;
        if (now < this.due)
            return false;
        this.due = now + this.intervalMs;
        return true;
    }
    /**
     * New items since the last read, waiting for the read. Unforced, it reads only when a read is due
     * (see `isDue`). A forced read (before a follow-up, after the end) reads now, leaves that schedule
     * alone, and aborts a live read in flight (which could answer with an older conversation).
     */
    async poll(signal, force = false) {
        if (!force && !this.isDue())
            return [];
        if (force) {
            this.live?.abort();
            this.live = undefined;
        }
        return this.read(signal);
    }
    /**
     * Starts a live read if one is due and none is in flight, and returns at once: what it finds is told
     * to `onItems` when it answers. One try, bounded by LIVE_READ_TIMEOUT_MS (or the interval, if
     * shorter) and by `signal`.
     */
    pollInBackground(signal, onItems) {
        if (this.live !== undefined || !this.isDue())
            return;
        const live = (this.live = new AbortController());
        const limits = { timeoutMs: Math.max(1000, Math.min(LIVE_READ_TIMEOUT_MS, this.intervalMs)), retries: 0 };
        void this.read(AbortSignal.any([signal, live.signal]), limits).then((items) => {
            if (this.live === live)
                this.live = undefined;
            if (!live.signal.aborted && !signal.aborted && items.length > 0)
                onItems(items);
        });
    }
    /** One read (with the client's retries unless `limits` say otherwise); never throws. */
    async read(signal, limits) {
        let conversation;
        try {
            conversation = await this.client.getConversation(this.runId, signal, limits);
        }
        catch (error) {
            // Aborted (a stop, or a forced read took over): what the last read found stands.
            if (signal?.aborted)
                return [];
            this.lastOutcome = 'failed';
            if (errors_isApiError(error) && (error.status === 404 || error.status === 422))
                this.lastOutcome = 'none';
            if (errors_isApiError(error) && error.status === 422) {
                this.off = true;
                this.debug(`The run's conversation cannot be read (${error.status}); no progress from it.`);
            }
            else if (errors_isApiError(error) && error.status === 404) {
                this.debug("The run's conversation does not exist yet.");
            }
            else {
                this.debug(`Could not read the run's conversation: ${error.message}`);
            }
            return [];
        }
        this.latest = conversation;
        this.lastOutcome = 'read';
        const fresh = activity(conversation).filter((item) => !this.seen.has(item.key));
        for (const item of fresh)
            this.seen.add(item.key);
        return fresh;
    }
    /**
     * Where the answer to `request`, about to be sent, will start: after what the conversation holds now
     * (nothing, when it has none yet), or, when it could not be read, after the request itself.
     */
    answerStart(request) {
        if (this.lastOutcome === 'read')
            return { messages: rootMessages(this.latest).length };
        if (this.lastOutcome === 'none')
            return { messages: 0 };
        return { request };
    }
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = require("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: external "http"
const external_http_namespaceObject = require("http");
var external_http_namespaceObject_0 = /*#__PURE__*/__nccwpck_require__.t(external_http_namespaceObject, 2);
;// CONCATENATED MODULE: external "https"
const external_https_namespaceObject = require("https");
var external_https_namespaceObject_0 = /*#__PURE__*/__nccwpck_require__.t(external_https_namespaceObject, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
;// CONCATENATED MODULE: external "./lazy-tunnel.cjs"
const external_lazy_tunnel_cjs_namespaceObject = (() => { /* tunnel, loaded the first time one of these is read (see scripts/build.ts) */ let loaded; const load = () => (loaded ??= require("./tunnel.cjs")); return { get httpOverHttp() { return load().httpOverHttp; }, get httpsOverHttp() { return load().httpsOverHttp; }, get httpOverHttps() { return load().httpOverHttps; }, get httpsOverHttps() { return load().httpsOverHttps; } }; })();
;// CONCATENATED MODULE: external "./lazy-undici.cjs"
const external_lazy_undici_cjs_namespaceObject = (() => { /* undici, loaded the first time one of these is read (see scripts/build.ts) */ let loaded; const load = () => (loaded ??= require("./undici.cjs")); return { get ProxyAgent() { return load().ProxyAgent; }, get fetch() { return load().fetch; } }; })();
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject_0 : external_http_namespaceObject_0;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_namespaceObject.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? external_lazy_tunnel_cjs_namespaceObject.httpsOverHttps : external_lazy_tunnel_cjs_namespaceObject.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? external_lazy_tunnel_cjs_namespaceObject.httpOverHttps : external_lazy_tunnel_cjs_namespaceObject.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_namespaceObject.Agent(options) : new external_http_namespaceObject.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new external_lazy_undici_cjs_namespaceObject.ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./src/oz/client.ts




const DEFAULT_RETRY_POLICY = {
    retries: 5,
    minDelayMs: 1000,
    maxDelayMs: 16_000,
    maxRetryAfterMs: 60_000,
};
/** `GET /agent/runs/r1 -> 200 in 35 ms (trace id abc)`: a request as a debug line shows it. */
function describeRequest(record) {
    const trace = record.traceId ? ` (trace id ${record.traceId})` : '';
    return `${record.method} ${record.path} -> ${record.status} in ${record.durationMs} ms${trace}`;
}
const MAX_BODY_BYTES = (/* unused pure expression or super */ null && (4 * 1024 * 1024));
/** Connection errors that prove the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
/**
 * Client of the Oz Agent API over `@actions/http-client` (so the runner's proxy settings apply). It
 * knows nothing of GitHub Actions: progress goes out through `onRetry`.
 */
class OzClient {
    policy;
    timeoutMs;
    options;
    names;
    constructor(options) {
        this.options = options;
        this.names = options.names ?? DEFAULT_ERROR_NAMES;
        this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
        this.timeoutMs = options.requestTimeoutMs ?? 30_000;
    }
    /** One try of `POST /agent/runs`, without retries: a retried create could start a second agent (see run/create.ts). */
    async createRunOnce(body, signal) {
        const answer = await this.request('POST', '/agent/runs', body, signal);
        if (!isObject(answer) || typeof answer.run_id !== 'string' || answer.run_id === '') {
            throw new OzBadAnswerError('POST', '/agent/runs', 200, `no run_id: ${describeBody(answer)}`);
        }
        return answer;
    }
    getRun(runId, signal) {
        // A run has at least an id and a state; anything else is a bad answer, retried like a 5xx.
        return this.getChecked(`/agent/runs/${encodeURIComponent(runId)}`, 'a run', (a) => typeof a.run_id === 'string' && typeof a.state === 'string' && a.state !== '', signal);
    }
    listRuns(query = {}, signal) {
        const params = new URLSearchParams();
        if (query.limit !== undefined)
            params.set('limit', String(query.limit));
        if (query.cursor !== undefined)
            params.set('cursor', query.cursor);
        if (query.name !== undefined)
            params.set('name', query.name);
        for (const state of query.state ?? [])
            params.append('state', state);
        for (const [key, value] of Object.entries(query.metadata ?? {}))
            params.set(`metadata[${key}]`, value);
        const path = `/agent/runs${params.size > 0 ? `?${params.toString()}` : ''}`;
        return this.getChecked(path, 'a list of runs', (a) => Array.isArray(a.runs) && a.runs.every((r) => isObject(r) && typeof r.run_id === 'string'), signal);
    }
    /**
     * The run's normalized conversation. A 404 (no conversation yet) or 422 (a format the API cannot
     * normalize) is final: the caller decides what that means to it. `limits` bound a read that must
     * not hold up anything else (live progress).
     */
    getConversation(runId, signal, limits) {
        return this.getChecked(`/agent/runs/${encodeURIComponent(runId)}/conversation`, 'a conversation', (a) => Array.isArray(a.steps), signal, limits);
    }
    /** One artifact: for FILE and SCREENSHOT a signed, time-limited `download_url`; for PLAN its markdown. */
    getArtifact(uid, signal) {
        return this.getChecked(`/agent/artifacts/${encodeURIComponent(uid)}`, 'an artifact', (a) => isObject(a.data), signal);
    }
    /**
     * `GET path` with retries, its JSON answer checked for the shape `isValid` expects: a 2xx with
     * anything else (`something other than <what>`) is a bad answer, retried like a 5xx.
     */
    getChecked(path, what, isValid, signal, limits = {}) {
        const shown = path.split('?')[0];
        return this.withRetry(`GET ${shown}`, async () => {
            const answer = await this.request('GET', path, undefined, signal, limits.timeoutMs);
            if (!isObject(answer) || !isValid(answer)) {
                throw new OzBadAnswerError('GET', shown, 200, `something other than ${what}: ${describeBody(answer)}`);
            }
            return answer;
        }, signal, isRetryable, limits.retries);
    }
    /** `GET /agent/models`: the models this key may use, and why some are unavailable now. One try. */
    listModels() {
        return this.getOnce('/agent/models', 'a list of models', (a) => Array.isArray(a.models));
    }
    /** `GET /agent/environments`: the environments this key may use. One try. */
    listEnvironments() {
        return this.getOnce('/agent/environments', 'a list of environments', (a) => Array.isArray(a.environments));
    }
    /** `GET /agent?repo=owner/repo`: the skills a run may use from that repository. One try. */
    listSkills(repo) {
        return this.getOnce(`/agent?${new URLSearchParams({ repo }).toString()}`, 'a list of skills', (a) => Array.isArray(a.agents));
    }
    /** `GET path` once, its answer checked for the shape `isValid` expects: for reads whose failure is not worth a wait. */
    async getOnce(path, what, isValid) {
        const answer = await this.request('GET', path);
        if (!isObject(answer) || !isValid(answer)) {
            throw new OzBadAnswerError('GET', path.split('?')[0], 200, `something other than ${what}: ${describeBody(answer)}`);
        }
        return answer;
    }
    /**
     * One try of `POST /agent/runs/{id}/followups`, without retries: a retried follow-up could be
     * delivered twice. The caller reads the run to learn whether a lost one arrived.
     */
    async followupOnce(runId, body, signal) {
        try {
            await this.request('POST', `/agent/runs/${encodeURIComponent(runId)}/followups`, body, signal);
        }
        catch (error) {
            // Any 2xx accepts it, whatever its body says.
            if (!isBadAnswer(error))
                throw error;
        }
    }
    /** One try of `POST /agent/runs/{id}/cancel`; the caller decides what 400/409/422 mean to it. */
    async cancelRunOnce(runId, signal) {
        try {
            return await this.request('POST', `/agent/runs/${encodeURIComponent(runId)}/cancel`, {}, signal);
        }
        catch (error) {
            // Any 2xx accepts the cancel, whatever its body says.
            if (isBadAnswer(error))
                return undefined;
            throw error;
        }
    }
    /**
     * Runs `attempt` until it succeeds, retrying what `isRetryable` allows (or `retryIf`, when given) with
     * exponential backoff and jitter, waiting at least as long as a `Retry-After` asked.
     */
    withRetry(what, attempt, signal, retryIf = isRetryable, retries = this.policy.retries) {
        const { minDelayMs, maxDelayMs, maxRetryAfterMs } = this.policy;
        return pRetry(attempt, {
            retries,
            factor: 2,
            minTimeout: minDelayMs,
            maxTimeout: maxDelayMs,
            randomize: true,
            ...(signal ? { signal } : {}),
            shouldRetry: ({ error, attemptNumber }) => worthAnotherTry(error, attemptNumber, retryIf),
            onFailedAttempt: async ({ error, attemptNumber, retriesLeft, retryDelay }) => {
                if (retriesLeft === 0 || !worthAnotherTry(error, attemptNumber, retryIf))
                    return;
                const asked = isApiError(error) ? error.retryAfterMs : undefined;
                const extra = asked === undefined ? 0 : Math.max(0, Math.min(asked, maxRetryAfterMs) - retryDelay);
                this.options.onRetry?.({ what, attempt: attemptNumber, delayMs: retryDelay + extra, error });
                // p-retry waits retryDelay after this; the rest of what Retry-After asked is waited here.
                if (extra > 0)
                    await sleep(extra, signal);
            },
        });
    }
    tellRequest(method, path, status, started, message, text) {
        if (!this.options.onRequest)
            return;
        const record = { method, path, status, durationMs: Date.now() - started };
        const traceId = status >= 400 ? parseProblem(text).traceId : undefined;
        // W3C trace context: version-traceid-parentid-flags.
        const header = message.headers.traceparent;
        const fromHeader = typeof header === 'string' ? /^[0-9a-f]{2}-([0-9a-f]{32})-/.exec(header)?.[1] : undefined;
        const id = traceId ?? fromHeader;
        // The body is the server's text: only an id-shaped value goes to the log.
        if (id !== undefined && /^[A-Za-z0-9_-]{1,128}$/.test(id))
            record.traceId = id;
        this.options.onRequest(record);
    }
    /**
     * One HTTP exchange, bounded by its own deadline (`timeoutMs`, default the client's) and by `signal`:
     * either aborts it in flight, socket and all. Stopped by `signal`, it rejects with the signal's
     * reason; out of time, with a network error (`ETIMEDOUT`) that may have reached the server.
     */
    async request(method, path, body, signal, timeoutMs) {
        const url = `${this.options.baseUrl}${path}`;
        const headers = {
            Authorization: `Bearer ${this.options.apiKey}`,
            Accept: 'application/json, application/problem+json',
        };
        if (body !== undefined)
            headers['Content-Type'] = 'application/json';
        const shownPath = path.split('?')[0];
        const started = Date.now();
        const limitMs = timeoutMs ?? this.timeoutMs;
        const deadline = AbortSignal.timeout(limitMs);
        const bound = signal ? AbortSignal.any([signal, deadline]) : deadline;
        let message;
        let text;
        try {
            const response = await httpClient(this.options.userAgent, limitMs, bound).request(method, url, body === undefined ? null : JSON.stringify(body), headers);
            message = response.message;
            text = await readBody(message, bound);
        }
        catch (error) {
            const stopped = signal?.aborted === true;
            const timedOut = deadline.aborted;
            const code = timedOut
                ? 'ETIMEDOUT'
                : (error.code ?? (/timeout/i.test(String(error)) ? 'ETIMEDOUT' : 'ENETWORK'));
            this.options.onRequest?.({ method, path: shownPath, status: stopped ? 'ABORTED' : code, durationMs: Date.now() - started });
            if (stopped)
                throw signal.reason;
            const cause = timedOut ? new Error(`no answer within ${limitMs / 1000} s`, { cause: error }) : error;
            const hint = networkHint(code, url, this.options.baseUrl);
            throw new OzNetworkError(method, shownPath, code, !NOT_SENT_CODES.has(code), cause, hint);
        }
        const status = message.statusCode ?? 0;
        this.tellRequest(method, shownPath, status, started, message, text);
        if (status >= 300 && status < 400) {
            const location = message.headers.location ?? '';
            throw new OzRedirectError(method, shownPath, status, location, this.names);
        }
        if (status >= 200 && status < 300) {
            if (text.trim() === '')
                throw new OzBadAnswerError(method, shownPath, status, 'an empty body');
            try {
                return JSON.parse(text);
            }
            catch {
                throw new OzBadAnswerError(method, shownPath, status, `a body that is not JSON: ${snippet(text)}`);
            }
        }
        throw new OzApiError(method, shownPath, status, parseProblem(text), parseRetryAfter(message.headers['retry-after']), this.names);
    }
}
/**
 * An HTTP client for one request, aborted in flight (the socket destroyed) when `signal` aborts:
 * `@actions/http-client` takes no signal itself, but lets a handler shape the Node request options.
 * No keep-alive: an idle pooled socket must never hold the job open, and a run is read every few
 * seconds at most. No redirects: the API does not redirect its calls, and a followed one would carry
 * the bearer key elsewhere.
 */
function httpClient(userAgent, socketTimeoutMs, signal, redirects = 0) {
    return new HttpClient(userAgent, [abortHandler(signal)], {
        socketTimeout: socketTimeoutMs,
        keepAlive: false,
        allowRetries: false,
        allowRedirects: redirects > 0,
        ...(redirects > 0 && { maxRedirects: redirects }),
    });
}
function abortHandler(signal) {
    return {
        prepareRequest: (options) => {
            options.signal = signal;
        },
        canHandleAuthentication: () => false,
        handleAuthentication: () => Promise.reject(new Error('no authentication handler')),
    };
}
/** Reads a whole body, failing (rather than hanging) when the connection drops or `signal` aborts mid-body. */
function readBody(message, signal) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        const onAbort = () => message.destroy(Object.assign(new Error('stopped mid-answer'), { code: 'ETIMEDOUT' }));
        if (signal.aborted)
            onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        const done = () => signal.removeEventListener('abort', onAbort);
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES)
                message.destroy(Object.assign(new Error('answer too large'), { code: 'EBODYTOOLARGE' }));
            else
                chunks.push(chunk);
        });
        message.on('end', () => {
            done();
            resolve(Buffer.concat(chunks).toString('utf8'));
        });
        message.on('error', (error) => {
            done();
            reject(error);
        });
        message.on('aborted', () => {
            done();
            reject(Object.assign(new Error('connection closed mid-answer'), { code: 'ECONNRESET' }));
        });
    });
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describeBody(value) {
    return snippet(JSON.stringify(value) ?? String(value));
}
function snippet(text) {
    // An HTML error page: keep what its body says, not its head, scripts or styles.
    const plain = text
        .replace(/<(head|script|style)\b[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return plain.length > 200 ? `${plain.slice(0, 197)}...` : plain || '(empty body)';
}
/** Reads an RFC 7807 problem, or keeps the start of any other body. */
function parseProblem(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { text: snippet(text) };
    }
    if (typeof json !== 'object' || json === null)
        return { text: snippet(text) };
    const body = json;
    const str = (v) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
    const problem = {};
    const title = str(body.title);
    const detail = str(body.detail) ?? (title === undefined ? (str(body.error) ?? str(body.message)) : undefined);
    const traceId = str(body.trace_id);
    // The API names the code only in the problem's type URL: `.../errors/invalid-request/` is invalid_request.
    const errorCode = str(body.error_code) ?? str(body.code) ?? codeFromType(str(body.type));
    if (title !== undefined)
        problem.title = title;
    if (detail !== undefined)
        problem.detail = detail;
    if (traceId !== undefined)
        problem.traceId = traceId;
    if (errorCode !== undefined)
        problem.errorCode = errorCode;
    if (typeof body.retryable === 'boolean')
        problem.retryable = body.retryable;
    if (title === undefined && detail === undefined)
        problem.text = snippet(text);
    return problem;
}
/**
 * The error code in a problem's `type` URL: its last path segment. The docs' examples spell it with
 * `-` for `_` (`.../invalid-request/`), the spec with the code itself (`.../invalid_request`): both read
 * as `invalid_request`.
 */
function codeFromType(type) {
    if (type === undefined || type === 'about:blank')
        return undefined;
    let path;
    try {
        path = new URL(type, 'https://x.invalid').pathname;
    }
    catch {
        return undefined;
    }
    const segment = path.split('/').filter(Boolean).pop();
    return segment && /^[a-z0-9_-]+$/i.test(segment) ? segment.toLowerCase().replaceAll('-', '_') : undefined;
}
/** What to check when a request got no answer for a reason that a retry will not fix. */
function networkHint(code, url, baseUrl) {
    const { hostname, port, protocol } = new URL(url);
    // Named as the API's address, not by a setting: the action and the CLI call it differently.
    if (code === 'ENOTFOUND')
        return `The host ${hostname} does not resolve: check the API base URL (${baseUrl}).`;
    if (code === 'ECONNREFUSED') {
        const where = `${hostname}:${port || (protocol === 'https:' ? '443' : '80')}`;
        return `Nothing accepts connections at ${where}: check the API base URL (${baseUrl}), and that the server there is running.`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/oz/download.ts

/** A download that failed: an expired or refused URL, a dropped connection, or a file over its cap. */
class DownloadError extends Error {
    name = 'DownloadError';
}
/**
 * Fetches a signed artifact URL into an open file, at most `maxBytes`, within `timeoutMs` in all. The
 * URL is on another host and carries its own signature: this client sends no API key, ever (it has no
 * Authorization header to send). `signal` aborts it in flight, connection and all. Returns the bytes
 * written.
 */
async function download(url, file, maxBytes, userAgent, signal, timeoutMs = 60_000) {
    const deadline = AbortSignal.timeout(timeoutMs);
    const bound = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const why = () => (signal?.aborted ? 'the download was stopped' : `the download did not finish within ${timeoutMs / 1000} s`);
    let response;
    try {
        response = await httpClient(userAgent, timeoutMs, bound, 3).get(url);
    }
    catch (error) {
        throw new DownloadError(bound.aborted ? why() : `the download failed: ${error.message}`);
    }
    const status = response.message.statusCode ?? 0;
    if (status < 200 || status >= 300) {
        response.message.resume();
        throw new DownloadError(`the download URL answered ${status}${status === 403 || status === 410 ? ' (it may have expired)' : ''}`);
    }
    const declared = Number(response.message.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
        response.message.destroy();
        throw new DownloadError(`the file is ${declared} bytes, over the cap of ${maxBytes}`);
    }
    let written = 0;
    // The body is aborted too: a stalled or trickling answer must not outlast a stop.
    const onAbort = () => response.message.destroy(new DownloadError(why()));
    bound.addEventListener('abort', onAbort, { once: true });
    try {
        for await (const chunk of response.message) {
            if (bound.aborted)
                throw new DownloadError(why());
            written += chunk.length;
            if (written > maxBytes)
                throw new DownloadError(`the file is over the cap of ${maxBytes} bytes`);
            await file.write(chunk);
        }
    }
    catch (error) {
        response.message.destroy();
        if (bound.aborted)
            throw new DownloadError(why());
        throw error instanceof DownloadError ? error : new DownloadError(`the download broke off: ${error.message}`);
    }
    finally {
        bound.removeEventListener('abort', onAbort);
    }
    return written;
}

;// CONCATENATED MODULE: ./src/run/artifacts.ts



/** At most this much per file, and in all: a run's artifacts must not fill the runner's disk. */
const MAX_FILE_BYTES = 100 * 1024 * 1024;
const MAX_TOTAL_BYTES = 500 * 1024 * 1024;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
/**
 * Each part of a saved file's path, at most: file systems refuse a name over 255 bytes (ENAMETOOLONG),
 * and room is kept for the ` (99)` added to a name already taken and for the `.md` or `.webp` added after it.
 */
const MAX_NAME_BYTES = 255 - 10;
/**
 * `name` in at most `maxBytes` of UTF-8, cut between characters, its extension kept when it is short
 * (`report.txt` stays a `.txt`).
 */
function fitName(name, maxBytes = MAX_NAME_BYTES) {
    if (Buffer.byteLength(name, 'utf8') <= maxBytes)
        return name;
    const ext = (0,external_node_path_namespaceObject.extname)(name);
    const keep = ext.length > 1 && Buffer.byteLength(ext, 'utf8') <= 16 ? ext : '';
    let room = maxBytes - Buffer.byteLength(keep, 'utf8');
    let stem = '';
    for (const char of name.slice(0, name.length - keep.length)) {
        room -= Buffer.byteLength(char, 'utf8');
        if (room < 0)
            break;
        stem += char;
    }
    return stem + keep;
}
/**
 * A relative path made from a name the agent chose (`filepath`, `filename`): no absolute path, no
 * `..`, no drive letter, no characters a file system refuses. Undefined when nothing usable is left.
 */
function safeRelativePath(name) {
    const segments = name
        .replaceAll('\\', '/')
        .split('/')
        .map((s) => s.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim())
        .map((s) => fitName(s).trim())
        .filter((s) => s !== '' && s !== '.' && s !== '..' && !/^\.+$/.test(s))
        .map((s) => (WINDOWS_RESERVED.test(s) ? `_${s}` : s));
    return segments.length === 0 ? undefined : segments.join('/');
}
const EXTENSIONS = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif', 'image/webp': '.webp' };
/** The file name an artifact is saved under, relative to the folder. */
function nameFor(detail, listed) {
    const data = detail.data;
    const from = (value) => (typeof value === 'string' ? safeRelativePath(value) : undefined);
    if (detail.artifact_type === 'PLAN') {
        const title = from(data.title ?? listed.data?.title)?.replaceAll('/', '-');
        return `plans/${title ?? `plan-${detail.artifact_uid}`}.md`;
    }
    if (detail.artifact_type === 'SCREENSHOT') {
        return `screenshots/${safeRelativePath(detail.artifact_uid) ?? 'screenshot'}${EXTENSIONS[data.content_type ?? ''] ?? '.png'}`;
    }
    return from(data.filepath ?? listed.data?.filepath) ?? from(data.filename ?? listed.data?.filename) ?? `file-${detail.artifact_uid}`;
}
/** Whether `path` is inside `folder` (both absolute). */
function inside(folder, path) {
    const rel = (0,external_node_path_namespaceObject.relative)(folder, path);
    return rel !== '' && !rel.startsWith(`..${external_node_path_namespaceObject.sep}`) && rel !== '..' && !(0,external_node_path_namespaceObject.isAbsolute)(rel);
}
/**
 * Opens a new file for `name` under `folder`, never outside it: the resolved path and the real path
 * of its directory (a symlink placed there earlier counts) must be inside the folder, and an existing
 * file is never overwritten (`name (2).ext` instead).
 */
async function createInside(folder, name) {
    const target = (0,external_node_path_namespaceObject.join)(folder, name);
    if (!inside(folder, target))
        throw new Error(`${name} would land outside the folder`);
    await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(target), { recursive: true });
    const realFolder = await (0,promises_namespaceObject.realpath)(folder);
    const realDir = await (0,promises_namespaceObject.realpath)((0,external_node_path_namespaceObject.dirname)(target));
    if (realDir !== realFolder && !inside(realFolder, realDir))
        throw new Error(`${name} would land outside the folder`);
    const ext = (0,external_node_path_namespaceObject.extname)(target);
    for (let n = 1; n < 100; n++) {
        const path = n === 1 ? target : `${target.slice(0, target.length - ext.length)} (${n})${ext}`;
        try {
            return { path, file: await (0,promises_namespaceObject.open)(path, 'wx') };
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
    }
    throw new Error(`too many files named ${name}`);
}
/**
 * Saves a run's FILE and SCREENSHOT artifacts (through their signed URLs, without the API key) and its
 * plans (as markdown) under `folder`, within the size caps. Returns the absolute paths written; what
 * could not be saved is a warning.
 */
async function saveArtifacts(client, artifacts, folder, options) {
    const maxFile = options.maxFileBytes ?? MAX_FILE_BYTES;
    let budget = options.maxTotalBytes ?? MAX_TOTAL_BYTES;
    const written = [];
    await (0,promises_namespaceObject.mkdir)(folder, { recursive: true });
    for (const artifact of artifacts) {
        if (!['FILE', 'SCREENSHOT', 'PLAN'].includes(artifact.artifact_type))
            continue;
        const data = artifact.data ?? {};
        const uid = typeof data.artifact_uid === 'string' ? data.artifact_uid : typeof data.document_uid === 'string' ? data.document_uid : undefined;
        const named = [data.filepath, data.filename, data.title, uid].find((v) => typeof v === 'string');
        const label = `${artifact.artifact_type.toLowerCase()} ${named ?? ''}`.trim();
        if (uid === undefined) {
            options.warn(`Could not save the ${label}: the API gave no artifact id.`);
            continue;
        }
        if (typeof data.size_bytes === 'number' && data.size_bytes > Math.min(maxFile, budget)) {
            options.warn(`Did not save the ${label}: ${data.size_bytes} bytes is over the cap (${Math.min(maxFile, budget)} bytes left).`);
            continue;
        }
        let created;
        try {
            const detail = await client.getArtifact(uid, options.signal);
            created = await createInside(folder, nameFor(detail, artifact));
            let size;
            if (detail.artifact_type === 'PLAN') {
                const content = Buffer.from(detail.data.content ?? '', 'utf8');
                if (content.length > Math.min(maxFile, budget))
                    throw new Error(`${content.length} bytes is over the cap`);
                await created.file.write(content);
                size = content.length;
            }
            else {
                if (typeof detail.data.download_url !== 'string')
                    throw new Error('the API gave no download URL');
                size = await download(detail.data.download_url, created.file, Math.min(maxFile, budget), options.userAgent, options.signal);
            }
            await created.file.close();
            budget -= size;
            written.push(created.path);
        }
        catch (error) {
            if (created) {
                await created.file.close().catch(() => { });
                await (0,promises_namespaceObject.rm)(created.path, { force: true });
            }
            options.warn(`Could not save the ${label}: ${error.message}.`);
        }
    }
    return written;
}

;// CONCATENATED MODULE: ./src/run/after-run.ts
/**
 * What is used only once a run exists: reading its conversation (progress and the final answer) and
 * saving its files. A bundle file of its own (`#after-run`, see package.json imports and
 * scripts/build.ts), loaded on first use, so that the step's start to its first request does not
 * compile it.
 */



module.exports = __webpack_exports__;
/******/ })()
;