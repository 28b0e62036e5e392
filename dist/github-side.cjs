/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 889:
/***/ ((module) => {

module.exports = require("./github-side.cjs");

/***/ }),

/***/ 959:
/***/ ((module) => {

module.exports = require("./github.cjs");

/***/ }),

/***/ 506:
/***/ ((module) => {

module.exports = require("./json-schema.cjs");

/***/ }),

/***/ 341:
/***/ ((module) => {

module.exports = require("./secrets.cjs");

/***/ })

/******/ 	});
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
  planReview: () => (/* reexport */ planReview),
  publishReview: () => (/* reexport */ publishReview),
  setUpGitHub: () => (/* binding */ setUpGitHub)
});

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = require("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = require("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = require("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = require("path");
;// CONCATENATED MODULE: external "http"
const external_http_namespaceObject = require("http");
;// CONCATENATED MODULE: external "https"
const external_https_namespaceObject = require("https");
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
const RetryableHttpVerbs = (/* unused pure expression or super */ null && (['OPTIONS', 'GET', 'DELETE', 'HEAD']));
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
class lib_HttpClient {
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
        const proxyUrl = pm.getProxyUrl(parsedUrl);
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
        info.httpModule = usingSsl ? https : http;
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
        const proxyUrl = pm.getProxyUrl(parsedUrl);
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
            maxSockets = this.requestOptions.maxSockets || http.globalAgent.maxSockets;
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
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new https.Agent(options) : new http.Agent(options);
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
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
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
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const access = (...args) => external_fs_namespaceObject.promises.access(...args), appendFile = (...args) => external_fs_namespaceObject.promises.appendFile(...args), writeFile = (...args) => external_fs_namespaceObject.promises.writeFile(...args);
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = (/* unused pure expression or super */ null && (_summary));
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "./lazy-exec.cjs"
const external_lazy_exec_cjs_namespaceObject = (() => { /* @actions/exec, loaded the first time one of these is read (see scripts/build.ts) */ let loaded; const load = () => (loaded ??= require("./exec.cjs")); return { get exec() { return load().exec; }, get getExecOutput() { return load().getExecOutput; } }; })();
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function core_warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
;// CONCATENATED MODULE: ./src/report/redact.ts
/** A function that replaces every secret in a text by `***`. Secrets shorter than 4 characters are ignored. */
function redactor(secrets) {
    const kept = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
    if (kept.length === 0)
        return (text) => text;
    return (text) => kept.reduce((out, secret) => out.split(secret).join('***'), text);
}
/** No credential the detector knows is shorter than this: shorter strings are not searched, nor is it loaded for them. */
const SHORTEST = 12;
/** Characters a token is made of: a match is widened over them, so a rule that reports too short a range leaves no tail. */
const TOKEN_CHAR = /[A-Za-z0-9/+=_-]/;
/** Recent answers, by text: one answer is published to the outputs, the summary, the comment and the check run. */
const recent = new Map();
const RECENT_MAX = 64;
/**
 * Replaces every credential found by pattern with a marker that names its kind
 * (`[redacted github token]`), after `known` (the step's own key and token) has taken out the
 * secrets it knows. Loads the detector the first time a text is long enough to hold a credential.
 * This is the one function for any text the agent or the API wrote, before it is published.
 */
async function redactCredentials(text, known = (t) => t) {
    const plain = known(text);
    if (plain.length < SHORTEST)
        return plain;
    const cached = recent.get(plain);
    if (cached !== undefined)
        return cached;
    const { findCredentials } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 341, 23));
    const found = (await findCredentials(plain)).sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const credential of found) {
        let end = credential.end;
        while (end < plain.length && TOKEN_CHAR.test(plain[end]))
            end++;
        if (credential.start < at) {
            // Overlaps the credential just redacted (two rules, one secret): one marker for both.
            at = Math.max(at, end);
            continue;
        }
        out += `${plain.slice(at, credential.start)}[redacted ${credential.kind}]`;
        at = end;
    }
    const redacted = out + plain.slice(at);
    if (recent.size >= RECENT_MAX)
        recent.delete(recent.keys().next().value);
    recent.set(plain, redacted);
    return redacted;
}
/**
 * A copy of `value` with every string in it (object keys too) passed through redactCredentials: a
 * report, a run or a structured answer keeps its shape, and a JSON answer stays valid JSON.
 */
async function redactAll(value, known = (t) => t) {
    if (typeof value === 'string')
        return (await redactCredentials(value, known));
    if (Array.isArray(value))
        return (await Promise.all(value.map((v) => redactAll(v, known))));
    if (typeof value !== 'object' || value === null)
        return value;
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [await redactCredentials(k, known), await redactAll(v, known)]));
    return Object.fromEntries(entries);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: ./src/oz/metadata.ts
/** The API's rules for run metadata (see shared oz-api.md, "Create: request body"), in one place. */
const METADATA_KEY_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const METADATA_MAX_KEYS = 20;
const METADATA_MAX_VALUE_BYTES = 256;
/**
 * Set on every create, to find a run whose create answer was lost (see run/create.ts). It takes one of
 * the API's 20 keys, so callers have `METADATA_MAX_KEYS - 1` for their own.
 */
const metadata_REQUEST_ID_KEY = 'oz_action_request_id';
/** How many keys a caller may set besides the request id. */
const metadata_METADATA_USER_MAX_KEYS = METADATA_MAX_KEYS - 1;
/** What is wrong with one metadata pair under the API's rules, or undefined when it is fine. */
function metadata_metadataPairProblem(key, value) {
    if (!METADATA_KEY_PATTERN.test(key)) {
        return { what: 'key', expected: 'a metadata key of 1-64 characters from a-z, A-Z, 0-9, ".", "_" and "-"' };
    }
    if (Buffer.byteLength(value, 'utf8') > METADATA_MAX_VALUE_BYTES || value.includes('\0')) {
        return { what: 'value', expected: `a metadata value of at most ${METADATA_MAX_VALUE_BYTES} bytes without NUL characters` };
    }
    return undefined;
}
/** Cuts a value to the API's limit of 256 UTF-8 bytes without splitting a character, dropping NULs. */
function fitMetadataValue(value) {
    let text = value.replaceAll('\0', '');
    while (Buffer.byteLength(text, 'utf8') > METADATA_MAX_VALUE_BYTES)
        text = Array.from(text).slice(0, -1).join('');
    return text;
}
/**
 * Adds context pairs (CI provenance) to the caller's metadata, which wins on conflicts. Pairs that would
 * take the total past `METADATA_USER_MAX_KEYS` are left out, the ones listed last first; their keys are
 * returned in `dropped`. Values are fitted to the API's limit.
 */
function metadata_mergeMetadata(user, context) {
    const metadata = { ...user };
    const dropped = [];
    for (const [key, value] of context) {
        if (value === undefined || key in metadata)
            continue;
        if (Object.keys(metadata).length >= metadata_METADATA_USER_MAX_KEYS)
            dropped.push(key);
        else
            metadata[key] = fitMetadataValue(value);
    }
    return { metadata, dropped };
}

;// CONCATENATED MODULE: ./src/settings/files.ts


/**
 * Files named by settings (the prompt file, MCP servers, the output schema) follow one rule: a relative path is
 * taken from the workspace, and an absolute one is read where it is. Only files are read, never
 * written: unlike the artifacts folder, such a path is not confined to the workspace.
 */
function files_settingPath(value, workspace) {
    return isAbsolute(value) ? value : resolve(workspace, value);
}
/** Why a file could not be read, in words: a missing file, a folder, no permission. */
function files_unreadableReason(error, path) {
    const code = error.code ?? /^(E[A-Z]+)\b/.exec(String(error?.message))?.[1];
    switch (code) {
        case 'ENOENT':
            return `there is no file at ${quote(path)}`;
        case 'EISDIR':
            return `${quote(path)} is a folder, not a file`;
        case 'EACCES':
        case 'EPERM':
            return `${quote(path)} cannot be read (permission denied)`;
        default:
            return `${quote(path)} cannot be read (${error?.message ?? String(error)})`;
    }
}
/**
 * Reads the file a setting names, or throws an InputError that says the real reason, where the path
 * led, and what was expected.
 */
function files_readSettingFile(label, value, workspace, readFile, expected) {
    const path = files_settingPath(value, workspace);
    try {
        return readFile(path);
    }
    catch (error) {
        const from = isAbsolute(value) ? '' : ` (a relative path is taken from the workspace, ${quote(workspace)})`;
        throw new InputError(`Invalid ${label} ${quote(value)}: ${files_unreadableReason(error, path)}${from}. Expected ${expected}.`);
    }
}

;// CONCATENATED MODULE: ./src/settings/options.ts




const FORMATS = (/* unused pure expression or super */ null && (['text', 'json']));
/** Parses the output format, debug logging, the catalogue check and the credit budget; a bad value throws an InputError naming the setting. */
function options_parseReportOptions(src) {
    const format = src.read('outputFormat').toLowerCase() || 'text';
    if (!FORMATS.includes(format))
        fail(src.label('outputFormat'), src.read('outputFormat'), 'text or json');
    return {
        outputFormat: format,
        debug: parseBoolean(src, 'debug', false),
        preflight: parseBoolean(src, 'preflight', true),
        ...parseMaxCredits(src),
    };
}
function parseMaxCredits(src) {
    const value = src.read('maxCredits');
    if (value === '')
        return {};
    const number = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!(number > 0))
        fail(src.label('maxCredits'), value, 'a positive number of credits such as 50');
    return { maxCredits: number };
}
/** The API's harnesses (`config.harness.type`); oz is Warp's own. */
const HARNESSES = (/* unused pure expression or super */ null && (['oz', 'claude', 'codex', 'gemini']));
/** The request field that names a third-party harness's team secret; the others take none. */
const SECRET_FIELD = {
    claude: 'claude_auth_secret_name',
    codex: 'codex_auth_secret_name',
};
/** Image types the API takes as attachments, by file extension. */
const IMAGE_TYPES = {
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.png': 'image/png',
    '.gif': 'image/gif',
    '.webp': 'image/webp',
};
/** At most 5 attachments (the API's limit), each at most 5 MiB and 20 MiB in all, before base64. */
const MAX_ATTACHMENTS = 5;
const MAX_ATTACHMENT_BYTES = (/* unused pure expression or super */ null && (5 * 1024 * 1024));
const MAX_ATTACHMENTS_BYTES = (/* unused pure expression or super */ null && (20 * 1024 * 1024));
const NAME_PATTERN = /^[A-Za-z0-9._:/-]{1,128}$/;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/**
 * Parses the harness (type, model, reasoning level, secret), the idle timeout, session sharing,
 * attachments and the agent identity. A bad value throws an InputError naming the
 * setting, before any request.
 */
function options_parseRunOptions(src, workspace, readBytes = (path) => readFileSync(path)) {
    const options = { config: {}, body: {}, given: [] };
    const read = (name) => {
        const value = src.read(name);
        if (value !== '')
            options.given.push(name);
        return value;
    };
    parseHarness(src, read, options);
    const idle = read('idleTimeoutMinutes');
    if (idle !== '') {
        if (!/^\d+$/.test(idle) || Number(idle) < 1 || Number(idle) > 60) {
            fail(src.label('idleTimeoutMinutes'), idle, 'a whole number of minutes from 1 to 60');
        }
        options.config.idle_timeout_minutes = Number(idle);
    }
    const sharing = read('sessionSharing');
    if (sharing !== '') {
        if (!/^(viewer|editor)$/i.test(sharing))
            fail(src.label('sessionSharing'), sharing, 'viewer or editor');
        options.config.session_sharing = { public_access: sharing.toUpperCase() };
    }
    const identity = read('agentIdentity');
    if (identity !== '') {
        if (!ID_PATTERN.test(identity))
            fail(src.label('agentIdentity'), identity, 'an agent identity uid of letters, digits, "-" and "_"');
        options.body.agent_identity_uid = identity;
    }
    const paths = read('attachments');
    if (paths !== '')
        options.body.attachments = readAttachments(src.label('attachments'), paths, workspace, readBytes);
    return options;
}
function parseHarness(src, read, options) {
    const label = src.label;
    const type = read('harness').toLowerCase();
    if (type !== '' && !HARNESSES.includes(type))
        fail(label('harness'), src.read('harness'), HARNESSES.join(', ') + ' (one of)');
    const model = read('harnessModel');
    const reasoning = read('reasoningLevel');
    const secret = read('harnessSecret');
    const thirdParty = type !== '' && type !== 'oz';
    for (const [name, value] of [
        ['harnessModel', model],
        ['reasoningLevel', reasoning],
    ]) {
        if (value !== '' && !thirdParty) {
            throw new InputError(`${label(name)} applies only to a third-party harness: set ${label('harness')} to claude, codex or gemini${name === 'harnessModel' ? `, or use ${label('model')} for Warp's own` : ''}.`);
        }
    }
    if (model !== '' && !NAME_PATTERN.test(model))
        fail(label('harnessModel'), model, 'a model id such as claude-sonnet-4-5');
    if (reasoning !== '' && !/^[A-Za-z0-9_-]{1,32}$/.test(reasoning))
        fail(label('reasoningLevel'), reasoning, 'a level such as low, medium or high');
    if (type === '')
        return;
    options.config.harness = {
        type: type,
        ...(model !== '' && { model_id: model }),
        ...(reasoning !== '' && { reasoning_level: reasoning }),
    };
    if (secret === '')
        return;
    const field = SECRET_FIELD[type];
    if (field === undefined) {
        throw new InputError(`${label('harnessSecret')} applies only to the claude and codex harnesses (the ${type} harness takes no secret here).`);
    }
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(secret))
        fail(label('harnessSecret'), secret, 'the name of a Warp team secret, such as ANTHROPIC_API_KEY');
    options.config.harness_auth_secrets = { [field]: secret };
}
/** Reads the images `attachments` names (one path a line), checked for count, type and size; base64. */
function readAttachments(label, text, workspace, readBytes) {
    const paths = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    if (paths.length > MAX_ATTACHMENTS)
        fail(label, `${paths.length} files`, `at most ${MAX_ATTACHMENTS} images`);
    let total = 0;
    return paths.map((path) => {
        const mime = IMAGE_TYPES[extname(path).toLowerCase()];
        if (mime === undefined)
            fail(label, path, 'images of type jpeg, png, gif or webp (a .jpg, .jpeg, .png, .gif or .webp file)');
        let data;
        try {
            data = readBytes(settingPath(path, workspace));
        }
        catch (error) {
            throw new InputError(`Invalid ${label} ${quote(path)}: ${unreadableReason(error, settingPath(path, workspace))}.`);
        }
        if (imageType(data) !== mime)
            fail(label, path, `a ${mime.slice(6)} image (the file's content is not one)`);
        if (data.length > MAX_ATTACHMENT_BYTES)
            fail(label, path, `an image of at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB (it has ${data.length} bytes)`);
        total += data.length;
        if (total > MAX_ATTACHMENTS_BYTES)
            fail(label, path, `images of at most ${MAX_ATTACHMENTS_BYTES / 1024 / 1024} MiB in all`);
        return { file_name: basename(path), mime_type: mime, data: data.toString('base64') };
    });
}
/** The image type a file's first bytes say, or undefined. */
function imageType(data) {
    if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff)
        return 'image/jpeg';
    if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
        return 'image/png';
    if (/^GIF8[79]a/.test(data.subarray(0, 6).toString('latin1')))
        return 'image/gif';
    if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP')
        return 'image/webp';
    return undefined;
}

;// CONCATENATED MODULE: ./src/settings/settings.ts





/** Thrown for any setting that is not of the expected form; its message is shown to the user as is. */
class settings_InputError extends Error {
    name = 'InputError';
}
const DEFAULT_API_BASE_URL = 'https://app.warp.dev/api/v1';
const MODES = (/* unused pure expression or super */ null && (['normal', 'plan', 'orchestrate']));
// skill_name, repo:skill_name, org/repo:skill_name or org/repo:path/to/SKILL.md
const SKILL_PATTERN = /^(?:[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)?:)?[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;
const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/** Whether `value` is a run id by the one rule (letters, digits, "-" and "_", at most 128). */
function isRunId(value) {
    return RUN_ID_PATTERN.test(value);
}
/**
 * The one rule for a run id, wherever it comes from (a setting, or a thread's saved state): letters,
 * digits, "-" and "_". Throws an InputError that names `label` and quotes the value.
 */
function checkRunId(value, label) {
    if (!isRunId(value))
        settings_fail(label, value, 'a run id of letters, digits, "-" and "_"');
    return value;
}
/** Quotes a user's value for an error message, shortened so a whole prompt is not echoed back. */
function settings_quote(value) {
    const short = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return `'${short.replace(/\r?\n/g, '\\n')}'`;
}
/** Throws the error for a bad value: it names the setting, quotes the value and says the expected form. */
function settings_fail(label, value, expected) {
    throw new settings_InputError(`Invalid ${label} ${settings_quote(value)}. Expected ${expected}.`);
}
function optional(src, name) {
    const value = src.read(name);
    return value === '' ? undefined : value;
}
function settings_parseBoolean(src, name, fallback) {
    const value = src.read(name);
    if (value === '')
        return fallback;
    if (/^true$/i.test(value))
        return true;
    if (/^false$/i.test(value))
        return false;
    settings_fail(src.label(name), value, 'true or false');
}
/** Parses a positive decimal number (e.g. `5`, `0.5`); empty means the default. */
function parsePositiveNumber(src, name, fallback) {
    const value = src.read(name);
    if (value === '')
        return fallback;
    const number = /^\d+(\.\d+)?$|^\.\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isFinite(number) || number <= 0)
        settings_fail(src.label(name), value, 'a positive number such as 5 or 0.5');
    return number;
}
/** Checks one metadata pair against the API's rules; `source` names where it came from. */
function checkMetadataPair(key, value, source) {
    const problem = metadataPairProblem(key, value);
    if (problem)
        settings_fail(source, problem.what === 'key' ? key : value, problem.expected);
}
/** Checks metadata the user gave: the API's rules, with one key left for the request id. */
function checkUserMetadata(metadata, source) {
    for (const [key, value] of Object.entries(metadata))
        checkMetadataPair(key, value, source);
    // One of the API's 20 keys carries the request id (see run/create.ts).
    const keys = Object.keys(metadata);
    if (keys.length > METADATA_USER_MAX_KEYS) {
        const shown = keys.length > 6 ? `${keys.slice(0, 5).join(', ')}, ...` : keys.join(', ');
        throw new settings_InputError(`Invalid ${source}: ${keys.length} keys (${shown}). Expected at most ${METADATA_USER_MAX_KEYS} keys: ` +
            `the API takes 20, and one carries the request id that keeps a retried create from starting a second agent.`);
    }
    if (REQUEST_ID_KEY in metadata)
        settings_fail(source, REQUEST_ID_KEY, 'a key other than this one, which the action sets itself');
    return metadata;
}
/** Parses `key=value` lines (blank lines and `#` comments skipped). */
function parseMetadata(text, source = 'metadata') {
    const metadata = {};
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        if (eq <= 0)
            settings_fail(source, line, 'key=value lines, one pair per line');
        const key = line.slice(0, eq).trim();
        const value = line.slice(eq + 1).trim();
        checkMetadataPair(key, value, source);
        metadata[key] = value;
    }
    return checkUserMetadata(metadata, source);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isStringMap(value) {
    return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}
/**
 * Parses the `mcp` setting: JSON text (`{"mcpServers": {...}}` or a bare map of servers), or the path of
 * a file holding such JSON. Each server needs `command`, `url` or `warp_id`.
 */
function parseMcp(value, workspace, readFile, label = 'mcp') {
    let text = value;
    let where = label;
    if (!value.startsWith('{')) {
        text = readSettingFile(label, value, workspace, readFile, 'JSON such as {"mcpServers": {...}}, or the path of a readable JSON file');
        where = `${label} file ${settings_quote(value)}`;
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new settings_InputError(`Invalid ${where}: it is not valid JSON (${error.message}). Expected {"mcpServers": {"name": {...}}} or a map of servers.`);
    }
    const servers = isRecord(parsed) && 'mcpServers' in parsed ? parsed.mcpServers : parsed;
    if (!isRecord(servers) || Object.keys(servers).length === 0) {
        throw new settings_InputError(`Invalid ${where}: expected {"mcpServers": {"name": {...}}} or a non-empty map of servers.`);
    }
    for (const [name, server] of Object.entries(servers)) {
        const ok = isRecord(server) &&
            (typeof server.command === 'string' || typeof server.url === 'string' || typeof server.warp_id === 'string') &&
            (server.args === undefined || (Array.isArray(server.args) && server.args.every((a) => typeof a === 'string'))) &&
            (server.env === undefined || isStringMap(server.env)) &&
            (server.headers === undefined || isStringMap(server.headers));
        if (!ok) {
            throw new settings_InputError(`Invalid ${where}: server ${settings_quote(name)} must be an object with "command" (and optional "args", "env"), "url" (and optional "headers"), or "warp_id".`);
        }
    }
    return servers;
}
/** Parses the output schema: inline JSON, or the path of a JSON file; either way a JSON object. */
function parseOutputSchema(value, workspace, readFile, label) {
    let text = value;
    if (!value.startsWith('{')) {
        text = readSettingFile(label, value, workspace, readFile, 'a JSON Schema object such as {"type": "object"}, or the path of a readable JSON file');
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new settings_InputError(`Invalid ${label} ${settings_quote(value)}: it is not valid JSON (${error.message}). Expected a JSON Schema object.`);
    }
    if (!isRecord(parsed))
        settings_fail(label, value, 'a JSON Schema object such as {"type": "object", "properties": {...}}');
    return parsed;
}
/** Parses the artifacts folder: a folder inside the workspace, returned absolute. */
function parseArtifactsPath(value, workspace, label) {
    const path = resolve(workspace, value);
    const rel = relative(workspace, path);
    if (rel.startsWith('..') || isAbsolute(rel))
        settings_fail(label, value, 'a folder inside the workspace, such as oz-artifacts');
    return path;
}
/**
 * The checks that need more than the text of the settings (the schema is compiled by the validator,
 * which is loaded on demand). Throws an InputError, still before any request.
 */
async function checkRunSettings(settings, label) {
    if (settings.outputSchema === undefined)
        return;
    const problem = await checkSchema(settings.outputSchema);
    if (problem !== undefined) {
        throw new settings_InputError(`Invalid ${label('outputSchema')} ${settings_quote(JSON.stringify(settings.outputSchema))}: it is not a valid JSON Schema (${problem}). ` +
            'Expected a JSON Schema object such as {"type": "object", "properties": {"ok": {"type": "boolean"}}}.');
    }
}
/** Parses the API's address (undefined for the default) into a URL without a trailing slash. */
function parseApiBaseUrl(value, label) {
    if (value === undefined)
        return DEFAULT_API_BASE_URL;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        settings_fail(label, value, 'an absolute URL such as https://app.warp.dev/api/v1');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        settings_fail(label, value, 'an http(s) URL such as https://app.warp.dev/api/v1');
    }
    if (url.search || url.hash || url.username || url.password) {
        settings_fail(label, value, 'a URL without query, fragment or credentials');
    }
    // The bearer key travels with every request: over plain http it would cross the network in clear text.
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        settings_fail(label, value, 'an https URL (http is allowed only for a loopback host such as localhost, 127.0.0.1 or [::1])');
    }
    return url.href.replace(/\/+$/, '');
}
/** Whether a URL's host name is this machine: localhost and names under it (RFC 6761), 127.0.0.0/8 or ::1. */
function isLoopback(hostname) {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
/** Checks the API key's form. The key is never quoted back: it is a secret even when it is malformed. */
function checkApiKey(apiKey, label, missing) {
    if (apiKey === '')
        throw new settings_InputError(missing);
    if (/\s/.test(apiKey) || !apiKey.startsWith('wk-')) {
        throw new settings_InputError(`Invalid ${label}: expected a Warp API key, which starts with "wk-" and has no spaces.`);
    }
}
/** The prompt: inline, or read from its file (never both); undefined when neither is set. */
function readPrompt(src, options) {
    const { label } = src;
    const prompt = optional(src, 'prompt');
    const promptFile = optional(src, 'promptFile');
    if (prompt !== undefined && promptFile !== undefined) {
        throw new settings_InputError(`Set either ${label('prompt')} or ${label('promptFile')}, not both.`);
    }
    if (promptFile === undefined)
        return prompt;
    const text = readSettingFile(label('promptFile'), promptFile, options.workspace, options.readFile, 'the path of a readable file, relative to the workspace or absolute');
    if (text.trim() === '')
        settings_fail(label('promptFile'), promptFile, 'a file with a non-empty prompt');
    return text;
}
/** The agent's configuration (`config` of the create request); undefined when nothing in it is set. */
function readAgentConfig(src, options, more) {
    const mcpText = optional(src, 'mcp');
    const entries = [
        ['name', optional(src, 'name')],
        ['model_id', optional(src, 'model')],
        ['environment_id', optional(src, 'environment')],
        ['base_prompt', optional(src, 'basePrompt')],
        ['mcp_servers', mcpText === undefined ? undefined : parseMcp(mcpText, options.workspace, options.readFile, src.label('mcp'))],
        ['worker_host', optional(src, 'host')],
        ['computer_use_enabled', settings_parseBoolean(src, 'computerUse')],
    ];
    const config = Object.fromEntries(entries.filter(([, value]) => value !== undefined));
    Object.assign(config, more);
    return Object.keys(config).length > 0 ? config : undefined;
}
/** The metadata the user asked for: the CLI's pairs, or `key=value` text. */
function readUserMetadata(src, options) {
    const label = src.label('metadata');
    if (options.metadata !== undefined)
        return checkUserMetadata(options.metadata, label);
    const text = optional(src, 'metadata');
    return text === undefined ? {} : parseMetadata(text, label);
}
/** The settings that configure a new run, by key, when set: none may go with `runId`. */
const CREATING = (/* unused pure expression or super */ null && ([
    'prompt',
    'promptFile',
    'skill',
    'title',
    'mode',
    'conversationId',
    'mcp',
    'metadata',
    'name',
    'model',
    'environment',
    'basePrompt',
    'host',
    'computerUse',
]));
/**
 * The body of the create request, or undefined with `runId` (an existing run). Throws when settings
 * of a new run come with `runId`, or when nothing says what to run.
 */
function readCreate(src, options, run) {
    const { label } = src;
    const prompt = readPrompt(src, options);
    const skill = optional(src, 'skill');
    if (skill !== undefined && !SKILL_PATTERN.test(skill)) {
        settings_fail(label('skill'), skill, 'skill_name, repo:skill_name, org/repo:skill_name or org/repo:path/to/SKILL.md');
    }
    const mode = optional(src, 'mode');
    if (mode !== undefined && !MODES.includes(mode))
        settings_fail(label('mode'), mode, `one of ${MODES.slice(0, -1).join(', ')} or ${MODES.at(-1)}`);
    const runOptions = parseRunOptions(src, options.workspace, options.readBytes);
    const config = readAgentConfig(src, options, runOptions.config);
    if (run.runId !== undefined) {
        const creating = [...CREATING.filter((key) => (key === 'metadata' ? run.metadataSet : src.read(key) !== '')), ...runOptions.given];
        if (creating.length > 0) {
            throw new settings_InputError(`${label('runId')} watches an existing run, so it cannot be combined with ${creating.map(label).join(', ')}: those configure a new run.`);
        }
        return undefined;
    }
    if (prompt === undefined && skill === undefined && !options.promptOptional) {
        throw new settings_InputError(`Missing ${label('prompt')}: set ${label('prompt')}, ${label('promptFile')} or ${label('skill')} (or ${label('runId')} to watch an existing run).`);
    }
    const title = optional(src, 'title');
    const conversationId = optional(src, 'conversationId');
    const create = {};
    // Oz titles a run from its prompt: with a schema that would be the instruction appended to it (see asSent).
    const derived = run.outputSchema !== undefined && title === undefined && prompt !== undefined ? titleFromPrompt(prompt) : undefined;
    if (prompt !== undefined)
        create.prompt = prompt;
    if (skill !== undefined)
        create.skill = skill;
    if (title !== undefined)
        create.title = title;
    else if (derived !== undefined)
        create.title = derived;
    if (mode !== undefined)
        create.mode = mode;
    if (conversationId !== undefined)
        create.conversation_id = conversationId;
    Object.assign(create, runOptions.body);
    if (config !== undefined)
        create.config = config;
    return create;
}
/** The first and the longest pause between reads, in ms; the longest may not be the shorter. */
function readPollIntervals(src) {
    const pollIntervalMs = parsePositiveNumber(src, 'pollIntervalSeconds', 5) * 1000;
    const maxPollIntervalMs = parsePositiveNumber(src, 'maxPollIntervalSeconds', 30) * 1000;
    if (maxPollIntervalMs < pollIntervalMs) {
        settings_fail(src.label('maxPollIntervalSeconds'), src.read('maxPollIntervalSeconds') || '30', `a number no smaller than ${src.label('pollIntervalSeconds')} (${pollIntervalMs / 1000})`);
    }
    return { pollIntervalMs, maxPollIntervalMs };
}
/**
 * Turns the run's settings into RunSettings, or throws an InputError naming the first bad one. Settings
 * that configure a new run cannot be combined with `runId`, which watches an existing one.
 */
function settings_parseRunSettings(src, options) {
    const { apiKey, workspace, readFile } = options;
    const label = src.label;
    checkApiKey(apiKey, options.apiKeyLabel, options.missingApiKey);
    const runIdText = optional(src, 'runId');
    const runId = runIdText === undefined ? undefined : checkRunId(runIdText, label('runId'));
    const userMetadata = readUserMetadata(src, options);
    const metadataSet = Object.keys(userMetadata).length > 0 || optional(src, 'metadata') !== undefined;
    const schemaText = optional(src, 'outputSchema');
    const outputSchema = schemaText === undefined ? undefined : parseOutputSchema(schemaText, workspace, readFile, label('outputSchema'));
    const artifactsText = optional(src, 'artifactsPath');
    const followup = optional(src, 'followup');
    if (followup !== undefined && runId === undefined) {
        throw new settings_InputError(`${label('followup')} needs ${label('runId')}: it is a message to an existing run.`);
    }
    const create = readCreate(src, options, { runId, metadataSet, outputSchema });
    const settings = {
        apiKey,
        apiBaseUrl: parseApiBaseUrl(optional(src, 'apiBaseUrl'), label('apiBaseUrl')),
        wait: settings_parseBoolean(src, 'wait', true),
        timeoutMs: parsePositiveNumber(src, 'timeoutMinutes', 60) * 60_000,
        ...readPollIntervals(src),
        cancelOnAbort: settings_parseBoolean(src, 'cancelOnAbort', true),
        userMetadata,
        logProgress: settings_parseBoolean(src, 'logProgress', true),
        ...parseReportOptions(src),
    };
    if (outputSchema !== undefined)
        settings.outputSchema = outputSchema;
    if (followup !== undefined)
        settings.followup = followup;
    if (artifactsText !== undefined)
        settings.artifactsPath = parseArtifactsPath(artifactsText, workspace, label('artifactsPath'));
    if (create !== undefined)
        settings.create = create;
    if (runId !== undefined)
        settings.runId = runId;
    return settings;
}

;// CONCATENATED MODULE: ./src/settings/official.ts

/** The ignored inputs, and this action's nearest input to use instead (when there is one). */
const IGNORED = {
    cwd: 'The agent works in its own environment, not in a folder of this runner: name the repositories it needs in an Oz environment (environment), or say where to work in prompt.',
    profile: 'Oz agent profiles are a setting of the Warp app; choose the model with model (or harness and harness_model) and the instructions with base_prompt.',
    share: 'Use session_sharing: viewer or editor, which lets people outside the team open the session link.',
};
/** Values of oz_channel and oz_version that mean "the default" in the official action. */
const DEFAULTS = { oz_channel: ['stable'], oz_version: ['latest'] };
const CLOUD_FALSE = (/* unused pure expression or super */ null && ('cloud: false asks for an agent that runs on this runner, and this action runs only cloud agents: ' +
    "the agent works in its own Oz environment, not in this runner's checkout. " +
    'Get its work back from the pull request or branch it opens (the pull_request_url output), or have its files saved with artifacts_path. ' +
    'To run the agent on the runner instead, use the official warpdotdev/oz-agent-action with cloud: false. ' +
    'Remove the cloud input (or set it to true) to run a cloud agent here.'));
const SAVED_PROMPT = (/* unused pure expression or super */ null && ('saved_prompt is not supported: the Oz API has no saved prompts (they live in Warp Drive, which the API cannot read). ' +
    'Put the text in prompt, in a file named by prompt_file, or in a skill run with skill.'));
/**
 * Checks the official action's inputs that mean nothing here. Throws an InputError for `cloud: false`
 * and `saved_prompt` (before any request); returns the warnings and notices for the others.
 */
function official_checkOfficialInputs(read) {
    const cloud = read('cloud');
    if (/^false$/i.test(cloud))
        throw new InputError(CLOUD_FALSE);
    if (cloud !== '' && !/^true$/i.test(cloud))
        fail('cloud', cloud, 'true (this action runs only cloud agents), or no cloud input');
    if (read('saved_prompt') !== '')
        throw new InputError(SAVED_PROMPT);
    const notes = { warnings: [], notices: [] };
    for (const [name, instead] of Object.entries(IGNORED)) {
        if (read(name) !== '')
            notes.warnings.push(`${name} is ignored: it applies only to agents that run on the runner. ${instead}`);
    }
    for (const [name, defaults] of Object.entries(DEFAULTS)) {
        const value = read(name);
        if (value !== '' && !defaults.includes(value.toLowerCase())) {
            notes.notices.push(`${name} '${value}' has no effect: this action installs nothing, it calls the Oz API, which always runs the current agent.`);
        }
    }
    return notes;
}

;// CONCATENATED MODULE: ./src/names.ts
/**
 * Every name a user types or reads, in one table: the action's inputs and outputs (action.yml) and
 * the CLI's flags, which derive from the inputs. The core (oz, run, report) knows settings only by
 * their key (`timeoutMinutes`); each front end says the key in its own words through this table.
 * `__tests__/names.test.ts` keeps the table and action.yml equal.
 */
const string = (input) => ({ input, cli: 'string' });
const actionOnly = (input) => ({ input, cli: 'none' });
/** The action's inputs by key, in action.yml's order. */
const names_INPUTS = {
    // The CLI reads the key from WARP_API_KEY only: a flag would show it in process lists.
    apiKey: actionOnly('warp_api_key'),
    prompt: string('prompt'),
    promptFile: string('prompt_file'),
    skill: string('skill'),
    title: string('title'),
    name: string('name'),
    model: string('model'),
    environment: string('environment'),
    basePrompt: string('base_prompt'),
    host: string('host'),
    computerUse: { input: 'computer_use', cli: 'boolean' },
    mcp: string('mcp'),
    metadata: { input: 'metadata', cli: 'repeated' },
    mode: string('mode'),
    conversationId: string('conversation_id'),
    apiBaseUrl: string('api_base_url'),
    runId: string('run_id'),
    wait: { input: 'wait', cli: 'boolean', onByDefault: true },
    timeoutMinutes: string('timeout_minutes'),
    pollIntervalSeconds: string('poll_interval_seconds'),
    maxPollIntervalSeconds: string('max_poll_interval_seconds'),
    cancelOnAbort: { input: 'cancel_on_abort', cli: 'boolean', onByDefault: true },
    outputSchema: string('output_schema'),
    artifactsPath: string('artifacts_path'),
    logProgress: { input: 'log_progress', cli: 'boolean', onByDefault: true },
    triggerPhrase: actionOnly('trigger_phrase'),
    continueConversation: actionOnly('continue_conversation'),
    followup: string('followup'),
    githubToken: actionOnly('github_token'),
    prComment: actionOnly('pr_comment'),
    commentProgress: actionOnly('comment_progress'),
    checkName: actionOnly('check_name'),
    review: actionOnly('review'),
    reviewApprove: actionOnly('review_approve'),
    allowedUsers: actionOnly('allowed_users'),
    allowedBots: actionOnly('allowed_bots'),
    harness: string('harness'),
    harnessModel: string('harness_model'),
    reasoningLevel: string('reasoning_level'),
    harnessSecret: string('harness_secret'),
    idleTimeoutMinutes: string('idle_timeout_minutes'),
    sessionSharing: string('session_sharing'),
    attachments: { input: 'attachments', cli: 'lines' },
    agentIdentity: string('agent_identity'),
    preflight: { input: 'preflight', cli: 'boolean', onByDefault: true },
    maxCredits: string('max_credits'),
    outputFormat: string('output_format'),
    debug: { input: 'debug', cli: 'boolean' },
    // The official action's inputs (issue 15): read by the action only.
    cloud: actionOnly('cloud'),
    savedPrompt: actionOnly('saved_prompt'),
    cwd: actionOnly('cwd'),
    profile: actionOnly('profile'),
    share: actionOnly('share'),
    ozChannel: actionOnly('oz_channel'),
    ozVersion: actionOnly('oz_version'),
};
/** The CLI's flag for a setting, without dashes (`timeout-minutes`). */
function flagOf(key) {
    return names_INPUTS[key].input.replaceAll('_', '-');
}
/** The CLI flags of one kind, without dashes. */
function flagsOfKind(kind) {
    return Object.keys(names_INPUTS).filter((key) => names_INPUTS[key].cli === kind).map(flagOf);
}
/** The action's outputs (action.yml's order); the CLI's `--json` and `--output-file` use the same names. */
const OUTPUTS = [
    { output: 'run_id' },
    { output: 'state' },
    { output: 'session_link' },
    { output: 'title' },
    { output: 'status_message' },
    { output: 'error_code' },
    { output: 'retryable' },
    { output: 'conversation_id' },
    { output: 'pull_request_url' },
    { output: 'artifacts', notInDotenv: true },
    { output: 'run', notInDotenv: true },
    { output: 'agent_output', notInDotenv: true },
    { output: 'structured_output', notInDotenv: true },
    { output: 'downloaded_files' },
    { output: 'followed_up' },
    { output: 'skipped', actionOnly: true },
    { output: 'comment_url', actionOnly: true },
    { output: 'credits' },
    { output: 'cost_usd' },
    { output: 'tokens' },
    { output: 'check_run_id', actionOnly: true },
    { output: 'review_url', actionOnly: true },
    { output: 'review_comments', actionOnly: true },
    { output: 'verdict', actionOnly: true },
];

;// CONCATENATED MODULE: ./src/settings/inputs.ts




/** The settings source of the action: each setting is the input the names table gives it. */
function inputSource(read) {
    return { read: (key) => read(INPUTS[key].input), label: (key) => INPUTS[key].input };
}
const LOGIN_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
/** A list of GitHub logins, separated by commas, spaces or new lines. */
function parseLogins(read, name) {
    const logins = read(name)
        .split(/[\s,]+/)
        .map((login) => login.replace(/^@/, ''))
        .filter((login) => login !== '');
    for (const login of logins) {
        if (!LOGIN_PATTERN.test(login))
            fail(name, login, 'GitHub logins separated by commas or new lines, such as octocat, renovate[bot]');
    }
    return logins;
}
/**
 * What to tell about `allowed_bots` names written without `[bot]` (`renovate`): they still match the
 * bot (see threads/triggers.ts), but GitHub names bots `renovate[bot]`, and a reader of the workflow
 * should not have to guess whether a person was meant.
 */
function allowedBotsNotices(read) {
    return parseLogins(read, 'allowed_bots')
        .filter((bot) => !/\[bot\]$/i.test(bot))
        .map((bot) => `allowed_bots ${quote(bot)} has no [bot] suffix; it is read as ${quote(`${bot}[bot]`)}. Expected bot logins as GitHub writes them, such as ${bot}[bot] (people belong in allowed_users).`);
}
/** The API key: the `warp_api_key` input, else the `WARP_API_KEY` environment variable; '' when neither. */
function readApiKey(read, env = process.env) {
    return read('warp_api_key') || (env.WARP_API_KEY ?? '').trim();
}
/**
 * Turns the action's inputs into Settings, or throws an InputError naming the first bad input.
 * `env` supplies `WARP_API_KEY` and `GITHUB_WORKSPACE`; `readFile` reads `prompt_file` and `mcp` files.
 */
function parseSettings(read, env = process.env, readFile = (path) => readFileSync(path, 'utf8')) {
    const src = inputSource(read);
    // First: a workflow written for the official action should learn why before any other complaint.
    const official = checkOfficialInputs(read);
    const rawPhrase = rawInput(read, 'trigger_phrase', env);
    if (rawPhrase !== '' && rawPhrase.trim() === '') {
        fail('trigger_phrase', rawPhrase, 'a phrase such as @oz (not only spaces)');
    }
    const triggerPhrase = rawPhrase.trim();
    if (/\s/.test(triggerPhrase))
        fail('trigger_phrase', triggerPhrase, 'one word such as @oz, without spaces');
    const run = parseRunSettings(src, {
        apiKey: readApiKey(read, env),
        apiKeyLabel: 'warp_api_key',
        missingApiKey: 'Missing warp_api_key: set the input (warp_api_key: ${{ secrets.WARP_API_KEY }}) or the WARP_API_KEY environment variable.',
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        readFile,
        // With a trigger phrase, the request in the comment is the prompt.
        promptOptional: triggerPhrase !== '',
    });
    const checkName = read('check_name');
    if (checkName !== '' && !run.wait) {
        throw new InputError('check_name needs wait: true: the check run follows the run to its end. Set check_name on the step that watches it with run_id.');
    }
    const review = parseReviewInputs(src, run);
    return {
        ...run,
        ...review,
        githubToken: read('github_token'),
        prComment: parseBoolean(src, 'prComment', true),
        commentProgress: parseBoolean(src, 'commentProgress', true),
        checkName,
        allowedUsers: parseLogins(read, 'allowed_users'),
        allowedBots: parseLogins(read, 'allowed_bots'),
        triggerPhrase,
        continueConversation: parseBoolean(src, 'continueConversation', true),
        official,
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        ...(read('prompt') !== '' && { standingPrompt: read('prompt') }),
    };
}
/** `review` and `review_approve`, checked against the inputs they cannot be combined with. */
function parseReviewInputs(src, run) {
    const review = parseBoolean(src, 'review', false);
    const reviewApprove = parseBoolean(src, 'reviewApprove', false);
    if (!review)
        return { review, reviewApprove };
    if (run.outputSchema !== undefined) {
        throw new InputError('Set either output_schema or review, not both: review asks the agent for a review in a schema of its own.');
    }
    if (!run.wait)
        throw new InputError('review needs wait: true: the review is posted when the run ends.');
    if (run.runId !== undefined && run.followup === undefined) {
        throw new InputError('review with run_id needs followup: the agent is asked for the review in the prompt or the follow-up.');
    }
    return { review, reviewApprove };
}
/**
 * An input as given, spaces kept: `core.getInput` trims, which would hide a phrase of only spaces.
 * The runner passes inputs as INPUT_* variables.
 */
function rawInput(read, name, env) {
    const raw = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
    return raw ?? read(name);
}

;// CONCATENATED MODULE: ./src/action/common.ts



// What the main and post steps share: masking and redaction of the secrets.
/** The API key and the GitHub token, wherever the step reads them from. */
function secrets() {
    return [readApiKey(getInput), getInput('github_token')].filter((s) => s !== '');
}
/** Masks the API key and the GitHub token; this runs before anything else so no log line can show them. */
function maskSecrets() {
    for (const secret of secrets())
        core.setSecret(secret);
}
/** Takes the API key and the token out of text bound for a file the runner does not mask. */
function common_redactSecrets() {
    return redactor(secrets());
}
/**
 * A copy of a report, a run or a text from the agent or the API, fit to publish: the API key and the
 * token as `***`, and credentials found by pattern as `[redacted <kind>]` (report/redact.ts).
 */
function redactPublished(value) {
    return redactAll(value, common_redactSecrets());
}
/**
 * For tests of the bundle: `OZ_ACTION_PROGRESS_SECONDS` shortens the live progress timings (the
 * conversation reads and the comment's live edits, 15 s / 60 s and 30 s by default) to that many
 * seconds. A workflow has no reason to set it.
 */
function progressIntervalMs() {
    const seconds = Number(process.env.OZ_ACTION_PROGRESS_SECONDS);
    return seconds > 0 ? seconds * 1000 : undefined;
}
/**
 * The deadline of each GitHub request: 10 s (see github/request.ts). For tests of the bundle,
 * `OZ_ACTION_GITHUB_REQUEST_SECONDS` shortens it; a workflow has no reason to set it.
 */
function githubRequestBounds(signal) {
    const seconds = Number(process.env.OZ_ACTION_GITHUB_REQUEST_SECONDS);
    return { ...(seconds > 0 && { timeoutMs: seconds * 1000 }), ...(signal && { signal }) };
}

;// CONCATENATED MODULE: ./src/github/types.ts
/** Types and errors of the GitHub API module, apart from it so that importing them does not load Octokit. */
/** A GitHub API error, with the status the callers decide on (403: missing permission). */
class GitHubApiError extends Error {
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
        super(unanswered === undefined ? `GitHub API ${what} failed with ${status}: ${message}` : message);
        this.status = status;
        this.retryAfterMs = retryAfterMs;
        this.unanswered = unanswered;
    }
}
/** Whether `error` is a request the step itself stopped waiting for (not a failure of GitHub's). */
function isStoppedRequest(error) {
    return isGitHubApiError(error) && error.unanswered === 'stopped';
}
/** Whether `error` is a GitHubApiError, by its name and status: `instanceof` fails across bundle files (the class is in both dist/main.cjs and dist/github.cjs). */
function isGitHubApiError(error) {
    return error instanceof Error && error.name === 'GitHubApiError' && typeof error.status === 'number';
}

;// CONCATENATED MODULE: ./src/github/event.ts

/** Events whose trigger is a person's (or bot's) comment or review: only trusted actors may start an agent. */
const COMMENT_EVENTS = ['issue_comment', 'pull_request_review', 'pull_request_review_comment'];
/** Events that concern a pull request or an issue, where the action keeps a comment up to date. */
const THREAD_EVENTS = ['pull_request', 'pull_request_target', 'issues', ...COMMENT_EVENTS];
/** The hidden marker that starts every comment this action writes. */
const COMMENT_MARKER_PREFIX = '<!-- oz-agent-action';
/** Reads the event from the runner's environment (`GITHUB_EVENT_NAME`, `GITHUB_EVENT_PATH`, `GITHUB_REPOSITORY`). */
function event_readEvent(env = process.env) {
    const name = env.GITHUB_EVENT_NAME ?? '';
    let payload = {};
    try {
        if (env.GITHUB_EVENT_PATH)
            payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    }
    catch {
        // No readable event: nothing is known about a pull request or who triggered the run.
    }
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const info = {
        name,
        isComment: COMMENT_EVENTS.includes(name),
        isForkPullRequest: false,
    };
    if (owner && repo)
        Object.assign(info, { owner, repo });
    if (typeof payload.action === 'string')
        info.action = payload.action;
    if (typeof payload.changes?.body?.from === 'string')
        info.previousBody = payload.changes.body.from;
    const pr = payload.pull_request;
    if (typeof pr?.number === 'number') {
        info.thread = { number: pr.number, isPullRequest: true, ...(pr.html_url && { url: pr.html_url }) };
        if (pr.head?.sha)
            info.headSha = pr.head.sha;
        if (pr.title)
            info.title = pr.title;
        if (pr.head?.ref)
            info.headRef = pr.head.ref;
        if (pr.base?.ref)
            info.baseRef = pr.base.ref;
        const head = pr.head?.repo?.full_name;
        info.isForkPullRequest = name === 'pull_request' && (pr.head?.repo === null || (!!head && head !== pr.base?.repo?.full_name));
    }
    else if (typeof payload.issue?.number === 'number') {
        const isPullRequest = payload.issue.pull_request !== undefined;
        info.thread = { number: payload.issue.number, isPullRequest, ...(payload.issue.html_url && { url: payload.issue.html_url }) };
        if (payload.issue.title)
            info.title = payload.issue.title;
        if (name === 'issues' && typeof payload.issue.body === 'string')
            info.issueBody = payload.issue.body;
    }
    if (typeof payload.comment?.id === 'number') {
        info.comment = {
            id: payload.comment.id,
            kind: name === 'pull_request_review_comment' ? 'review' : 'issue',
            ...(payload.comment.html_url && { url: payload.comment.html_url }),
        };
    }
    const author = payload.comment?.user ?? payload.review?.user ?? (name === 'issues' ? payload.issue?.user : undefined) ?? payload.sender;
    if (author?.login)
        info.actor = { login: author.login, isBot: author.type === 'Bot' || author.login.endsWith('[bot]') };
    const body = payload.comment?.body ?? payload.review?.body;
    if (typeof body === 'string')
        info.commentBody = body;
    return info;
}
/** Whether the action keeps a comment on this event's pull request or issue. */
function event_concernsThread(event) {
    return THREAD_EVENTS.includes(event.name) && event.thread !== undefined;
}

;// CONCATENATED MODULE: ./src/report/limits.ts
/**
 * GitHub's size limits, and shortening text to fit them. The runner drops a job summary over 1 MiB
 * whole, and an output is at most 1 MiB (all of a job's outputs together too), so long API text is
 * cut here with a note rather than break the step.
 */
/** The job summary of one step, under GitHub's 1 MiB with room to spare. */
const MAX_SUMMARY_BYTES = 900 * 1024;
/** One text output (title, status_message...). */
const MAX_TEXT_OUTPUT_BYTES = (/* unused pure expression or super */ null && (16 * 1024));
/** The `artifacts` output. */
const MAX_ARTIFACTS_OUTPUT_BYTES = (/* unused pure expression or super */ null && (128 * 1024));
/** `agent_output` and `structured_output`. */
const MAX_ANSWER_OUTPUT_BYTES = (/* unused pure expression or super */ null && (128 * 1024));
/** The `run` output, the largest: together the outputs stay well under 1 MiB. */
const MAX_RUN_OUTPUT_BYTES = (/* unused pure expression or super */ null && (512 * 1024));
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
function fitChars(text, maxChars = MAX_SHOWN_TEXT_CHARS) {
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
        json = JSON.stringify(value, (_key, v) => (typeof v === 'string' ? fitChars(v, limit) : v));
    }
    // Still too long (a huge array of numbers, say): say so rather than emit JSON that is cut mid-way.
    return Buffer.byteLength(json, 'utf8') <= maxBytes ? json : JSON.stringify({ shortened: true, bytes: Buffer.byteLength(json) });
}
/** The first `max` items, and how many were left out. */
function capList(items, max = MAX_LIST_ITEMS) {
    return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}
/** GitHub refuses (422) a comment or review body longer than this; counted in UTF-16 units, the stricter count. */
const MAX_COMMENT_CHARS = 65_536;
/** GitHub refuses (422) a check run whose output title, summary or text is longer than this. */
const MAX_CHECK_TEXT_CHARS = 65_535;
/** `text` cut to at most `maxUnits` UTF-16 units (never half a character), marked when cut. */
function fitUnits(text, maxUnits) {
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
function fitRendered(render, maxUnits, budget) {
    let text = render(budget);
    for (let round = 0; round < 8 && text.length > maxUnits && budget > 0; round++) {
        budget = Math.max(0, budget - (text.length - maxUnits) - 100);
        text = render(budget);
    }
    return text;
}

;// CONCATENATED MODULE: ./src/report/model.ts
/** The artifacts a report is about: this request's (see `Report.artifacts`), else the run's. */
function reportArtifacts(report) {
    return report.artifacts ?? report.run?.artifacts ?? [];
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
function safeLink(label, url) {
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
function sanitizeMarkdown(text) {
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
const MAX_SUGGESTION_UNITS = MAX_COMMENT_CHARS - 2000;
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
    const text = fitChars(whole, MAX_AGENT_TEXT_CHARS);
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
    const body = sanitizeMarkdown(fitChars(comment.body.trim(), MAX_AGENT_TEXT_CHARS));
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
        sanitizeMarkdown(fitChars(review.summary.trim(), MAX_AGENT_TEXT_CHARS)),
    ];
    if (review.url) {
        lines.push('', `${safeLink('The review', review.url)} is of commit \`${review.commit.slice(0, 12)}\`: ${review.inline} comment${review.inline === 1 ? '' : 's'} on lines, ${review.listed} in its body${review.repeated > 0 ? `, ${review.repeated} not repeated` : ''}.`);
    }
    if (review.movedTo !== undefined)
        lines.push('', `The pull request's head moved to \`${review.movedTo.slice(0, 12)}\` while the agent worked.`);
    for (const said of [review.note, review.problem])
        if (said)
            lines.push('', escapeMarkdown(fitChars(said)));
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
        return typeof value === 'string' ? fitChars(value, 500) : undefined;
    };
    switch (artifact.artifact_type) {
        case 'PULL_REQUEST': {
            const branch = text('branch');
            return `Pull request: ${safeLink(pullRequestLabel(text('url')), text('url'))}${branch ? ` (branch ${escapeMarkdown(branch)})` : ''}`;
        }
        case 'PLAN':
            return `Plan: ${safeLink(text('title') ?? 'plan', text('url'))}`;
        case 'FILE': {
            const size = typeof data.size_bytes === 'number' ? ` (${data.size_bytes} bytes)` : '';
            return `File: ${escapeMarkdown(text('filepath') ?? text('filename') ?? 'file')}${size}`;
        }
        case 'SCREENSHOT':
            return `Screenshot: ${escapeMarkdown(text('description') ?? text('artifact_uid') ?? 'screenshot')}`;
        case 'EXTERNAL_REFERENCE':
            return `Link: ${safeLink(text('title') ?? text('url') ?? 'reference', text('url'))}`;
        default:
            return escapeMarkdown(fitChars(String(artifact.artifact_type), 100));
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
        const branch = typeof a.data?.branch === 'string' ? fitChars(a.data.branch, 200) : undefined;
        return { url, branch };
    })
        .filter(({ url }) => url !== undefined && safeUrl(url) !== undefined && url !== exclude)
        .map(({ url, branch }) => `- **${safeLink(pullRequestLabel(url), url)}**${branch ? ` (branch ${inlineCode(branch)})` : ''}`);
}
/** The agent's answer: Markdown, sanitised, shortened to `maxAnswerChars`; folded when long. */
function answerBlock(answer, options, workflowRunUrl) {
    const trimmed = answer.trim();
    const shown = fitChars(trimmed, options.maxAnswerChars ?? 60_000);
    const text = sanitizeMarkdown(shown);
    // Said after the answer, outside its fold, so a reader knows the end is missing and where it is.
    const whereWhole = options.comment
        ? `all of it is in ${safeLink(options.fullReport, workflowRunUrl)}`
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
        ...capList(report.structured.errors, 20).shown.map((e) => `- ${escapeMarkdown(fitChars(e, 500))}`),
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
        const planTitle = typeof plan.data?.title === 'string' ? fitChars(plan.data.title, 200) : 'Plan';
        lines.push(`<details><summary>Plan: ${escapeMarkdown(planTitle)}</summary>`, '', safeLink('Open the plan in Warp', plan.data?.url), '', '</details>', '');
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
        .map((a) => safeLink(pullRequestLabel(a.data.url), a.data.url));
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
        ? `${escapeMarkdown(fitChars(status.message))}${status.error_code ? ` (${inlineCode(fitChars(status.error_code, 100))})` : ''}`
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
        lines.push(safeLink('Open the agent session', run.session_link), '');
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
        rows.push(['State', escapeMarkdown(fitChars(run.state, 100))]);
    if (run?.session_link)
        rows.push(['Session', safeLink('Open the agent session', run.session_link)]);
    if (runId)
        rows.push(['Run ID', inlineCode(fitChars(runId, 200), { table: true })]);
    const duration = formatIsoDuration(run?.run_time) ?? (report.elapsedMs === undefined ? undefined : formatDuration(report.elapsedMs));
    if (duration)
        rows.push(['Duration', duration]);
    const status = run?.status_message;
    if (status?.message)
        rows.push(['Status message', escapeMarkdown(fitChars(status.message))]);
    if (status?.error_code)
        rows.push(['Error code', inlineCode(fitChars(status.error_code, 100), { table: true })]);
    if (run?.status_message?.retryable !== undefined)
        rows.push(['Retryable', run.status_message.retryable ? 'yes: a new run may succeed' : 'no']);
    if (run)
        rows.push(...usageRows(run));
    const pr = report.pullRequest;
    if (pr && !options.comment)
        rows.push(['Pull request', safeLink(`#${pr.number}`, pr.url)]);
    rows.push(...commitRows(report));
    if (report.workflowRunUrl)
        rows.push([options.ownRunRow[0], safeLink(options.ownRunRow[1], report.workflowRunUrl)]);
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
    const title = run?.title ? `: ${escapeMarkdown(fitChars(run.title, 200))}` : '';
    const lines = [`## ${outcomeHeading(report, options)}${title}`, ''];
    if (report.note)
        lines.push(escapeMarkdown(fitChars(report.note)), '');
    if (report.review)
        lines.push(...reviewSection(report.review));
    if (report.agentOutput)
        lines.push(...answerBlock(report.agentOutput, options, report.workflowRunUrl));
    lines.push(...structuredProblems(report), ...openedByTheAgent(reportArtifacts(report), options.comment ? report.pullRequest?.url : undefined), ...earlierTurns(report, options.comment ? report.pullRequest?.url : undefined), ...whatToDoNext(report, options), ...filesSaved(report), ...runDetails(report, options));
    // Every piece above is already bounded; this is the last guard against the runner dropping the summary.
    return fitBytes(lines.join('\n'), MAX_SUMMARY_BYTES);
}

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
        exchanges: state.exchanges
            .slice(-MAX_EXCHANGES)
            .map((e) => ({ ...e, request: fitChars(e.request, 4000), ...(e.answer !== undefined && { answer: fitChars(e.answer, 8000) }) })),
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
    const exchanges = Array.isArray(parsed.exchanges)
        ? parsed.exchanges.filter((e) => typeof e?.who === 'string' && typeof e.request === 'string')
        : [];
    return {
        state: {
            exchanges,
            binding: expected,
            // The rule of the run_id input: the thread's run enters by the same road.
            ...(typeof parsed.runId === 'string' && isRunId(parsed.runId) && { runId: parsed.runId }),
            ...(typeof parsed.conversationId === 'string' && { conversationId: parsed.conversationId }),
        },
    };
}
/** A block of Markdown, folded when long. */
function folded(text, summary) {
    const safe = sanitizeMarkdown(text.trim());
    if (safe.split('\n').length <= 12 && safe.length <= 1500)
        return [safe];
    return [`<details><summary>${summary}</summary>`, '', safe, '', '</details>'];
}
/**
 * The conversation comment: each request (who asked, a link to their comment) and the agent's answer,
 * newest last, then `footer` (how the current request stands) and the hidden state.
 */
function renderConversation(state, footer) {
    const lines = [CONVERSATION_MARKER, '## 💬 Oz agent conversation', ''];
    for (const exchange of state.exchanges.slice(-MAX_EXCHANGES)) {
        const who = `@\u2060${escapeMarkdown(exchange.who.replace(/^@/, ''))}`;
        lines.push(`**${who}** ${exchange.url ? safeLink('asked', exchange.url) : 'asked'}:`, '');
        // Every line quoted, not each block: a request with paragraphs must not leave its quote and pass
        // for the action's own text (a "**Agent:**" line of its own, a verdict table).
        const quoted = folded(exchange.request, 'The request').flatMap((block) => block.split('\n'));
        lines.push(...quoted.map((l) => (l === '' ? '>' : `> ${l}`)), '');
        if (exchange.answer !== undefined && exchange.answer.trim() !== '') {
            lines.push('**Agent:**', '', ...folded(exchange.answer, "The agent's answer"), '');
        }
        else if (exchange.state !== undefined) {
            lines.push(`*The run ended ${escapeMarkdown(exchange.state)} without an answer.*`, '');
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
    const room = Math.min(MAX_CHECK_TEXT_CHARS, MAX_COMMENT_CHARS - marker.length - 1);
    return fitUnits(fitRendered((budget) => renderSummary(report, { ...words, comment: true, maxAnswerChars: budget }), room, 60_000), room);
}
/**
 * The last guard before a comment is sent: cut to the limit, keeping its last line when that is the
 * action's hidden HTML comment (a conversation's state lives there, and is read only there).
 */
function fitComment(body, maxUnits = MAX_COMMENT_CHARS) {
    if (body.length <= maxUnits)
        return body;
    const last = body.slice(body.lastIndexOf('\n') + 1);
    if (!/^<!--.*-->$/.test(last) || last.length > maxUnits / 2)
        return fitUnits(body, maxUnits);
    return `${fitUnits(body.slice(0, body.length - last.length), maxUnits - last.length - 2)}\n\n${last}`;
}
function shorten(exchange, chars, note) {
    const answer = exchange.answer === undefined ? undefined : fitChars(exchange.answer, chars);
    return {
        ...exchange,
        request: fitChars(exchange.request, chars),
        ...(answer !== undefined && { answer: answer === exchange.answer ? answer : `${answer}\n\n*${note}*` }),
    };
}
/**
 * The conversation comment within GitHub's limit. Older turns go first: each is shortened to an
 * excerpt, oldest first, then dropped, oldest first (the agent session keeps the whole conversation);
 * only then is the newest turn shortened, pointing to the job summary that has all of its answer.
 */
function conversationWithin(state, footer, maxUnits = MAX_COMMENT_CHARS) {
    const render = (exchanges) => renderConversation({ ...state, exchanges }, footer);
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
        body = fitRendered((budget) => render([shorten(newest, budget, note)]), maxUnits, longest);
    }
    return fitComment(body, maxUnits);
}

;// CONCATENATED MODULE: ./src/oz/types.ts
/** Types of the Oz Agent API as this action uses it (see shared oz-api.md). Unknown fields are kept, never required. */
/** Documented run states. The API may add more; those are treated as live. */
const LIVE_STATES = (/* unused pure expression or super */ null && (['QUEUED', 'PENDING', 'CLAIMED', 'INPROGRESS']));
const TERMINAL_STATES = ['SUCCEEDED', 'FAILED', 'ERROR', 'BLOCKED', 'CANCELLED'];
function isTerminal(state) {
    return TERMINAL_STATES.includes(state ?? '');
}
function isDocumentedState(state) {
    return isTerminal(state) || LIVE_STATES.includes(state);
}

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
            return isTerminal(state) ? 'finishing up' : 'working';
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
    count = 0;
    /** One line from the conversation: `says: ...` is what the agent said (the status), anything else an action. */
    add(line) {
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
        return { ...(this.said !== undefined && { said: this.said }), actions: [...this.actions], count: this.count };
    }
}
/** Lines for the live comment: the one-line status, then the last few actions; none before any activity. */
function liveLines(activity) {
    const lines = activity.said === undefined ? [] : [`**Now:** ${oneLine(activity.said)}`, ''];
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
    return escapeMarkdown(fitChars(text.replace(/\s+/g, ' ').trim(), 200));
}
/** An action (`command: npm test`) as inline code, whatever backticks it holds. */
function code(action) {
    const text = fitChars(action.replace(/\s+/g, ' ').trim(), 200);
    const fence = '`'.repeat(Math.max(1, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length + 1)));
    return `${fence} ${text} ${fence}`;
}
/**
 * When to edit a comment: at most once per interval, the latest request winning, with the interval
 * doubled (or Retry-After) after a refused edit and restored after one that worked.
 */
class EditThrottle {
    lastEditAt = Number.NEGATIVE_INFINITY;
    intervalMs;
    timer;
    pending;
    stopped = false;
    minIntervalMs;
    constructor(minIntervalMs = MIN_EDIT_INTERVAL_MS) {
        this.minIntervalMs = minIntervalMs;
        this.intervalMs = minIntervalMs;
    }
    /** Runs `edit` now if the interval has passed, else once it has; a later request replaces a waiting one. */
    request(edit) {
        if (this.stopped)
            return;
        this.pending = edit;
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
    /** GitHub refused an edit (403/429): wait longer before the next one. */
    refused(retryAfterMs) {
        this.intervalMs = Math.min(MAX_BACKOFF_MS, Math.max(this.intervalMs * 2, retryAfterMs ?? 0));
        this.lastEditAt = Date.now();
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
class CheckRunError extends Error {
    name = 'CheckRunError';
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
    /** Creates the check run, in progress. Throws CheckRunError when it cannot (nothing to do without a name). */
    async start(github) {
        const { name, headSha, workflowRunUrl } = this.options;
        if (!name)
            return;
        try {
            this.id = await github.createCheck(name, headSha ?? '', {
                status: 'in_progress',
                ...(workflowRunUrl && { detailsUrl: workflowRunUrl }),
                title: 'The agent is starting',
                summary: 'An Oz agent run is being created.',
            });
        }
        catch (error) {
            const status = isGitHubApiError(error) ? error.status : 0;
            const hint = status === 403 || status === 404
                ? " The token lacks permission: add `checks: write` to the job's permissions (and use github_token with that scope)."
                : '';
            throw new CheckRunError(`check_name is set, but the check run "${name}" could not be created: ${error.message}.${hint}`);
        }
    }
    /** The run changed state (its title already redacted): the check run says it in words, in progress. */
    async progress(github, run) {
        if (this.id === undefined)
            return;
        const detailsUrl = safeUrl(run.session_link) ?? this.options.workflowRunUrl;
        await this.update(github, {
            status: 'in_progress',
            ...(detailsUrl && { detailsUrl }),
            // In words, never a state name: an in-progress check must not read "SUCCEEDED".
            title: `The agent is ${friendlyState(run.state)}`,
            summary: run.title ? escapeMarkdown(fitChars(run.title, 500)) : 'An Oz agent run is in progress.',
        });
    }
    /** Completes the check run with the run's summary; `conclusion` as decided by a step that had the whole report. */
    async complete(github, report, summary, conclusion = checkConclusion(report)) {
        if (this.id === undefined)
            return;
        const detailsUrl = safeUrl(report.run?.session_link) ?? this.options.workflowRunUrl;
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
            title: fitUnits(redact(update.title), MAX_CHECK_TEXT_CHARS),
            summary: fitUnits(redact(update.summary), MAX_CHECK_TEXT_CHARS),
        });
    }
}

;// CONCATENATED MODULE: ./src/github/comment.ts
/**
 * The pull request (or issue) comment: created when the run exists, edited live while it works (the
 * state, where to watch, what the agent does), and finished with the run's summary, or, for a
 * thread's conversation, with the exchange and its answer. Comment failures only warn, once.
 */







/** Links for a live run: where to watch the agent, and the workflow run. */
function liveLinks(run, workflowRunUrl) {
    return [
        run.session_link ? safeLink('Watch the agent', run.session_link) : undefined,
        workflowRunUrl ? safeLink('Workflow run', workflowRunUrl) : undefined,
    ].filter((link) => link !== undefined);
}
/** Comment text for a run still going on: the state in words, how long so far, where to watch. */
function progressBody(marker, run, elapsedMs, workflowRunUrl, activity = []) {
    const links = liveLinks(run, workflowRunUrl);
    return [
        marker,
        `## ⏳ The Oz agent is ${friendlyState(run.state)} (${formatDuration(elapsedMs)})`,
        '',
        ...(run.title ? [`**${escapeMarkdown(fitChars(run.title, 500))}**`, ''] : []),
        ...activity,
        links.length > 0 ? links.join(' · ') : 'The link to watch the agent appears here when it starts.',
    ].join('\n');
}
/** One line on a live run: the state in words, the time so far, where to watch. */
function progressLine(run, elapsedMs, workflowRunUrl) {
    const links = liveLinks(run, workflowRunUrl);
    return `⏳ The Oz agent is ${friendlyState(run.state)} (${formatDuration(elapsedMs)})${links.length > 0 ? ` · ${links.join(' · ')}` : ''}`;
}
/** The conversation comment once the request is answered: the exchange with its answer, and how the run ended. */
function finishedConversation(conversation, report, context, asides, folded = []) {
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
        report.run?.session_link ? safeLink('Open the agent session', report.run.session_link) : undefined,
        context.workflowRunUrl ? safeLink('Workflow run', context.workflowRunUrl) : undefined,
    ].filter(Boolean);
    const footer = [`**${outcomeHeading(report, context.words)}**${links.length > 0 ? ` · ${links.join(' · ')}` : ''}`];
    if (report.outcome !== 'succeeded' && report.note)
        footer.push('', escapeMarkdown(fitChars(report.note)));
    for (const aside of asides)
        footer.push('', aside);
    if (folded.length > 0)
        footer.push('', ...folded);
    return conversationWithin(state, footer);
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
        this.asides.push(escapeMarkdown(fitChars(text)));
    }
    /** The run exists, or changed state: the first edit is at once (it creates the comment), the run id in it. */
    progress(unredacted) {
        const runId = unredacted.run_id ?? this.liveRun?.run_id;
        this.liveRun = { ...unredacted, ...(runId !== undefined && { run_id: runId }) };
        this.editLive();
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
    /** Asks for a live edit of the comment: at once the first time, then at most once per interval. */
    editLive() {
        // The run and activity as they are when the edit is due, not when the queue reaches it.
        this.throttle.request(() => {
            const run = this.liveRun;
            const activity = this.activity.snapshot();
            this.lane.enqueue(() => this.writeLive(run, activity));
        });
    }
    async writeLive(unredacted, snapshot) {
        if (unredacted === undefined)
            return;
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
        ]);
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
            ? finishedConversation(conversation, report, this.context, this.asides, folded)
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
        const { thread } = this.options;
        // The last guard: bodies are fitted when rendered, but GitHub refuses one a character too long.
        const body = fitComment(this.context.redact?.(text) ?? text);
        if (this.off || (thread === undefined && this.id === undefined))
            return undefined;
        try {
            if (this.id !== undefined) {
                await (await this.lane.github()).updateComment(this.id, body);
            }
            else if (thread !== undefined) {
                // A create is never abandoned half-way (only its own deadline ends it): GitHub may have made the
                // comment, and the next write would add a second one.
                const api = await this.lane.api();
                const existing = this.options.conversation ? undefined : await api.findComment(thread, this.options.marker);
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
        if (isStoppedRequest(error))
            return undefined;
        const status = isGitHubApiError(error) ? error.status : 0;
        // A live edit GitHub did not answer in time is tried again later, as one its rate limits refused.
        const slow = isGitHubApiError(error) && error.unanswered === 'timeout';
        if (live && this.id !== undefined && (status === 403 || status === 429 || slow)) {
            this.throttle.refused(isGitHubApiError(error) ? error.retryAfterMs : undefined);
            if (!this.slowedDown) {
                this.slowedDown = true;
                this.context.debug?.(`GitHub ${slow ? 'did not answer' : 'refused'} a live edit of the comment (${slow ? error.message : status}); the next waits ${this.throttle.currentIntervalMs / 1000} s.`);
            }
            return false;
        }
        this.off = true;
        this.context.warn(status === 403 || status === 404
            ? "The token cannot write comments here, so the run is reported in the job summary only. To get a comment, add `pull-requests: write` (pull requests) or `issues: write` (issues) to the job's permissions; a fork's read-only token never can."
            : `Could not write the pull request comment: ${error.message}. The run is reported in the job summary.`);
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
            await this.check.start(await this.github());
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
            if (isStoppedRequest(error))
                return;
            this.failed = true;
            this.options.warn(`Could not update GitHub: ${error.message}`);
        });
    }
}
/** The hidden marker for this step's comment: the same for every attempt of the workflow run. */
function commentMarker(env = process.env) {
    return `${COMMENT_MARKER_PREFIX} run=${env.GITHUB_RUN_ID ?? ''} job=${env.GITHUB_JOB ?? ''} step=${env.GITHUB_ACTION ?? ''} -->`;
}

;// CONCATENATED MODULE: ./src/github/context.ts


function readGitHubContext(env = process.env) {
    const value = (name) => (env[name] ? env[name] : undefined);
    const event = readEvent(env);
    const context = { serverUrl: value('GITHUB_SERVER_URL') ?? 'https://github.com', event };
    const fields = [
        ['repository', 'GITHUB_REPOSITORY'],
        ['runId', 'GITHUB_RUN_ID'],
        ['runAttempt', 'GITHUB_RUN_ATTEMPT'],
        ['workflow', 'GITHUB_WORKFLOW'],
        ['job', 'GITHUB_JOB'],
        ['sha', 'GITHUB_SHA'],
        ['ref', 'GITHUB_REF'],
        ['eventName', 'GITHUB_EVENT_NAME'],
        ['actor', 'GITHUB_ACTOR'],
    ];
    for (const [field, name] of fields) {
        const v = value(name);
        if (v !== undefined)
            context[field] = v;
    }
    if (event.thread?.isPullRequest) {
        const { number, url } = event.thread;
        context.pullRequest = { number, ...(url && { url }), ...(event.headSha && { headSha: event.headSha }) };
    }
    return context;
}
/** The workflow run's page, for the summary; undefined outside Actions. */
function workflowRunUrl(context) {
    if (!context.repository || !context.runId)
        return undefined;
    const attempt = context.runAttempt && context.runAttempt !== '1' ? `/attempts/${context.runAttempt}` : '';
    return `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}${attempt}`;
}
/**
 * Run metadata that traces a run back to its workflow run. The user's metadata wins on conflicts. One
 * of the API's 20 keys is left for the request id that run/create.ts adds; when the rest would not fit,
 * the context keys listed last are left out first, and their names are returned in `dropped`.
 */
function buildMetadata(context, user) {
    const candidates = [
        ['github_repository', context.repository],
        ['github_run_id', context.runId],
        ['github_run_attempt', context.runAttempt],
        ['github_pr_number', context.pullRequest?.number.toString()],
        ['github_pr_head_sha', context.pullRequest?.headSha],
        ['github_pr_url', context.pullRequest?.url],
        ['github_issue_number', threadIssue(context)],
        ['github_sha', context.sha],
        ['github_workflow', context.workflow],
        ['github_job', context.job],
        ['github_ref', context.ref],
        ['github_event', context.eventName],
        ['github_actor', context.actor],
    ];
    return mergeMetadata(user, candidates);
}
/** The issue's number on an event about an issue (not a pull request). */
function threadIssue(context) {
    const thread = context.event.thread;
    return thread && !thread.isPullRequest ? String(thread.number) : undefined;
}
/**
 * The metadata that makes a run this thread's: the repository, and the pull request's or issue's
 * number, as `buildMetadata` writes them on the runs it creates. Undefined without a repository or thread.
 */
function threadOwner(event) {
    const thread = event.thread;
    if (!event.owner || !event.repo || !thread)
        return undefined;
    return {
        github_repository: `${event.owner}/${event.repo}`,
        ...(thread.isPullRequest ? { github_pr_number: String(thread.number) } : { github_issue_number: String(thread.number) }),
    };
}

;// CONCATENATED MODULE: ./src/github/loader.ts
/**
 * Loads the GitHub API module on first use. `#github-api` is src/github/api.ts (package.json
 * `imports`); the build keeps it out of the step's bundle and points it at dist/github.cjs, so the
 * step's start-up never pays for Octokit unless a comment, check run or permission look-up is needed.
 * `bounds` sets the deadline of each request (default 10 s) and a signal that aborts them all.
 */
async function loadGitHubApi(token, owner, repo, bounds) {
    const { createGitHubApi } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 959, 23));
    return createGitHubApi(token, owner, repo, bounds);
}

;// CONCATENATED MODULE: ./src/action/github-setup.ts




/** The message for a fork's pull request, where GitHub withholds secrets and so the API key. */
const FORK_WITHOUT_KEY = (/* unused pure expression or super */ null && ('Missing warp_api_key: this pull request comes from a fork, and GitHub gives no secrets to workflows that pull requests from forks trigger. ' +
    'Safe ways to run the agent on it: have a maintainer ask for it in a comment (an issue_comment workflow: the action checks that the commenter has write access); ' +
    "or use pull_request_target with a deployment environment that requires a maintainer's approval, and never check out or run the fork's code in that job."));
/** The GitHub API for the event's repository, made on first use; undefined without a token or a repository. */
function gitHubApi(settings, event) {
    const { owner, repo } = event;
    if (settings.githubToken === '' || owner === undefined || repo === undefined)
        return undefined;
    let api;
    return () => (api ??= loadGitHubApi(settings.githubToken, owner, repo, githubRequestBounds()));
}
/**
 * Whether the step has anything to do on GitHub before the run: an event to judge (a comment, a
 * deletion, a trigger phrase), a comment or check run to set up, or a review to plan. When it has not,
 * what setUpGitHub would return is known without loading it.
 */
function needsGitHubSide(settings, context) {
    const { event } = context;
    return (event.action === 'deleted' ||
        event.isComment ||
        settings.triggerPhrase !== '' ||
        settings.checkName !== '' ||
        settings.review ||
        (settings.prComment && concernsThread(event) && event.thread !== undefined) ||
        targetOf(settings) === undefined);
}
/**
 * What the action does on GitHub before the run starts (see setUpGitHub in github-side.ts, loaded only
 * when there is something to do there). Throws CheckRunError when a requested check run cannot be created.
 */
async function prepareGitHub(settings, context) {
    if (needsGitHubSide(settings, context))
        return (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 889, 23))).setUpGitHub(settings, context);
    const api = gitHubApi(settings, context.event);
    return { target: targetOf(settings), ...(api && { api }) };
}

;// CONCATENATED MODULE: ./src/action/state.ts


const KEYS = {
    runId: 'oz_run_id',
    requestId: 'oz_request_id',
    settled: 'oz_settled',
    checkRunId: 'oz_check_run_id',
    commentId: 'oz_comment_id',
    conversation: 'oz_conversation',
    earlierArtifacts: 'oz_earlier_artifacts',
    finishing: 'oz_finishing',
    commentFinished: 'oz_comment_finished',
    checkFinished: 'oz_check_finished',
};
function saveRunId(runId) {
    // The id comes from the API: like all its text, it is kept out of files if it carries a secret.
    core.saveState(KEYS.runId, redactSecrets()(runId));
}
function saveRequestId(requestId) {
    core.saveState(KEYS.requestId, requestId);
}
function saveConversation(conversation) {
    // Base64: the text is the agent's and the commenters', kept whole and out of the state file's syntax.
    saveState(KEYS.conversation, Buffer.from(common_redactSecrets()(JSON.stringify(conversation)), 'utf8').toString('base64'));
}
/** Saved when the follow-up is sent, so a post step that finishes the check run shows only this step's artifacts. */
function saveEarlierArtifacts(keys) {
    // Ids and URLs from the API: kept out of the file if one carries a secret, like the run id.
    core.saveState(KEYS.earlierArtifacts, Buffer.from(redactSecrets()(JSON.stringify(keys)), 'utf8').toString('base64'));
}
function saveFinishing(finishing) {
    core.saveState(KEYS.finishing, JSON.stringify(finishing));
}
function markFinished(part) {
    saveState(part === 'comment' ? KEYS.commentFinished : KEYS.checkFinished, 'true');
}
function saveCheckRunId(id) {
    saveState(KEYS.checkRunId, String(id));
}
function saveCommentId(id) {
    saveState(KEYS.commentId, String(id));
}
function markSettled() {
    core.saveState(KEYS.settled, 'true');
}
function readState() {
    const runId = core.getState(KEYS.runId);
    const requestId = core.getState(KEYS.requestId);
    const checkRunId = Number(core.getState(KEYS.checkRunId));
    const commentId = Number(core.getState(KEYS.commentId));
    const conversation = readConversation(core.getState(KEYS.conversation));
    const earlierArtifacts = readKeys(core.getState(KEYS.earlierArtifacts));
    const finishing = readFinishing(core.getState(KEYS.finishing));
    return {
        ...(finishing && { finishing }),
        finished: { comment: core.getState(KEYS.commentFinished) === 'true', check: core.getState(KEYS.checkFinished) === 'true' },
        ...(conversation && { conversation }),
        ...(earlierArtifacts && { earlierArtifacts }),
        ...(runId && { runId }),
        ...(requestId && { requestId }),
        settled: core.getState(KEYS.settled) === 'true',
        ...(checkRunId > 0 && { checkRunId }),
        ...(commentId > 0 && { commentId }),
    };
}
function readConversation(text) {
    if (text === '')
        return undefined;
    try {
        const parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
        return parsed && Array.isArray(parsed.state?.exchanges) && typeof parsed.exchange?.request === 'string' ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function readKeys(text) {
    if (text === '')
        return undefined;
    try {
        const parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
        return Array.isArray(parsed) && parsed.every((key) => typeof key === 'string') ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function readFinishing(text) {
    if (text === '')
        return undefined;
    try {
        const parsed = JSON.parse(text);
        return typeof parsed.outcome === 'string' && typeof parsed.requestChanges === 'boolean'
            ? { outcome: parsed.outcome, requestChanges: parsed.requestChanges }
            : undefined;
    }
    catch {
        return undefined;
    }
}

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
    if (event.commentBody?.includes(COMMENT_MARKER_PREFIX)) {
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
    if (trust.allowedUsers.some((user) => sameLogin(user, actor.login)))
        return { allowed: true };
    if (!permissionOf) {
        return { allowed: false, reason: `no github_token to check ${actor.login}'s permission, and they are not in allowed_users` };
    }
    let role;
    try {
        role = await permissionOf(actor.login);
    }
    catch (error) {
        return { allowed: false, reason: `${actor.login}'s permission could not be checked (${error.message})` };
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
            const close = mention_closingRun(text, n, run);
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
function mention_closingRun(text, from, length) {
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
    return [
        ...(standing ? [standing.trim(), ''] : []),
        `@${event.actor?.login ?? 'someone'} asked you this on ${where.join(', ')}.`,
        ...(branches ? [branches] : []),
        '',
        request,
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/run/structured.ts
/**
 * Structured output: the instruction added to the prompt when an output schema is set, and the JSON
 * object taken from the agent's final answer and checked against the schema.
 */
/**
 * Appended to the prompt. The agent is asked for one fenced `json` block at the end of its final
 * answer, so the answer stays readable and the object is easy to find.
 */
function schemaInstruction(schema) {
    return [
        '',
        '',
        '---',
        'When you have finished, end your final answer with one JSON object that matches the JSON Schema below,',
        'in a fenced code block marked `json`, and write nothing after that block.',
        '',
        '```json',
        JSON.stringify(schema, null, 2),
        '```',
    ].join('\n');
}
/**
 * A run title from the user's prompt: its first non-empty line, at most 80 characters. Sent with
 * an output schema when no title is set, so the title Oz derives from the prompt is not the schema
 * instruction appended to it.
 */
function structured_titleFromPrompt(prompt) {
    const line = prompt
        .split(/\r?\n/)
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .find((l) => l !== '');
    if (line === undefined)
        return undefined;
    return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
/** The last fenced `json` block of a text, parsed; an error when there is none or it is not JSON. */
function extractJson(answer) {
    const last = lastJsonBlock(answer);
    if (last === undefined)
        return { ok: false, error: 'the final answer has no fenced ```json block' };
    try {
        return { ok: true, value: JSON.parse(last) };
    }
    catch (error) {
        return { ok: false, error: `the last \`\`\`json block is not valid JSON (${error.message})` };
    }
}
const OPENER = /^[ \t]*(`{3,}|~{3,})[ \t]*json[ \t]*$/i;
const CLOSER = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;
/**
 * The body of the last fenced `json` block: a line of three or more backticks or tildes followed by
 * `json`, then lines, then a line of the same fence alone (the nearest one; an opener without one is
 * no block, and blocks do not nest). In time linear in the text: each line is looked at a fixed number
 * of times, whatever the agent wrote (a regular expression that retries every unclosed opener is
 * quadratic).
 */
function lastJsonBlock(text) {
    const lines = [];
    for (let start = 0; start <= text.length;) {
        const end = text.indexOf('\n', start);
        const stop = end < 0 ? text.length : end;
        lines.push({ start, text: text.slice(start, text[stop - 1] === '\r' ? stop - 1 : stop) });
        start = stop + 1;
    }
    // Where each fence closes, in order, so an opener finds its nearest closer by moving a pointer on.
    const closers = new Map();
    lines.forEach((line, index) => {
        const fence = CLOSER.exec(line.text)?.[1];
        if (fence === undefined)
            return;
        const list = closers.get(fence) ?? { at: [], next: 0 };
        list.at.push(index);
        closers.set(fence, list);
    });
    let found;
    for (let i = 0; i < lines.length; i++) {
        const fence = OPENER.exec(lines[i].text)?.[1];
        if (fence === undefined)
            continue;
        const list = closers.get(fence);
        // The body is at least one line (maybe empty): the closer is two lines on or more.
        while (list !== undefined && list.next < list.at.length && list.at[list.next] < i + 2)
            list.next++;
        const close = list?.at[list.next];
        if (close === undefined)
            continue;
        const body = lines[close - 1];
        found = text.slice(lines[i + 1].start, body.start + body.text.length);
        i = close;
    }
    return found;
}
/** Loads the validator on first use (it is a bundle of its own). */
async function loadValidator(schema) {
    const { compileSchema } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 506, 23));
    return compileSchema(schema);
}
/** Checks a schema when the settings are read, so a bad one fails before any request. */
async function structured_checkSchema(schema) {
    try {
        await loadValidator(schema);
        return undefined;
    }
    catch (error) {
        return error.message;
    }
}
/** The structured output of a final answer: the object, valid against the schema, or what is wrong. */
async function structuredOutput(answer, schema) {
    if (answer.trim() === '')
        return { ok: false, errors: ['the run has no final answer to read a JSON object from'] };
    const extracted = extractJson(answer);
    if (!extracted.ok)
        return { ok: false, errors: [extracted.error] };
    const errors = (await loadValidator(schema))(extracted.value);
    return errors.length === 0 ? { ok: true, value: extracted.value } : { ok: false, errors };
}

;// CONCATENATED MODULE: ./src/run/plan.ts

/**
 * What the settings alone ask for: an existing run (with a follow-up or not), or a new run. Undefined
 * when a new run has nothing to do yet (no prompt and no skill: a mention may still write one).
 */
function plan_targetOf(settings) {
    if (settings.runId !== undefined) {
        return settings.followup !== undefined
            ? { kind: 'follow-up', runId: settings.runId, message: settings.followup }
            : { kind: 'watch', runId: settings.runId };
    }
    const request = settings.create ?? {};
    if (request.prompt === undefined && request.skill === undefined)
        return undefined;
    return { kind: 'create', request };
}
/**
 * The one place the output schema's instruction is added: to the text the agent is sent (a new run's
 * prompt, or a follow-up's message). Nothing else writes it, so no phase can add it twice or send it
 * as a whole prompt.
 */
function asSent(target, outputSchema) {
    if (outputSchema === undefined || target.kind === 'watch')
        return target;
    const instruction = schemaInstruction(outputSchema);
    if (target.kind === 'follow-up')
        return { ...target, message: `${target.message}${instruction}` };
    return { ...target, request: { ...target.request, prompt: `${target.request.prompt ?? ''}${instruction}`.trimStart() } };
}
/** The text sent to the agent, for the log: the prompt, the follow-up, or nothing when only watching. */
function sentText(target, outputSchema) {
    const sent = asSent(target, outputSchema);
    if (sent.kind === 'follow-up')
        return sent.message;
    return sent.kind === 'create' ? (sent.request.prompt ?? '') : '';
}

;// CONCATENATED MODULE: ./src/oz/version.ts
/** The action's version, sent in the User-Agent. A test keeps it equal to package.json's. */
const VERSION = '1.0.0';
const USER_AGENT = `oz-agent-action/${VERSION} node/${process.versions.node}`;
/** The CLI's User-Agent: the same version, its own product name. */
const CLI_USER_AGENT = (/* unused pure expression or super */ null && (`oz-agent-run/${VERSION} node/${process.versions.node}`));

;// CONCATENATED MODULE: ./src/action/vocabulary.ts


/** The action's words: settings are inputs (`timeout_minutes`), the key is a secret, a stop is the workflow's cancellation. */
const ACTION_WORDS = {
    setting: (key) => names_INPUTS[key].input,
    aside: (key) => `\`${names_INPUTS[key].input}\` input`,
    off: (key) => `${names_INPUTS[key].input} is false`,
    apiKey: 'the warp_api_key secret',
    apiBaseUrl: 'api_base_url',
    cancellation: 'The workflow was cancelled',
    self: 'this action',
    userAgent: USER_AGENT,
    stoppedHeading: 'cancelled with the workflow',
    rerun: 're-run the job',
    ownRun: 'this workflow',
    fullReport: 'the job summary',
    ownRunRow: ['Workflow run', 'This workflow run'],
};

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
            const mime = imageType(data);
            if (mime === undefined)
                throw new Error('it is not a jpeg, png, gif or webp image');
            attachments.push({
                file_name: `comment-image-${i + 1}.${mime.slice(6).replace('jpeg', 'jpg')}`,
                mime_type: mime,
                data: data.toString('base64'),
            });
        }
        catch (error) {
            warnings.push(`Image ${url} from the comment was not sent to the agent: ${error.message}.`);
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = require("node:crypto");
;// CONCATENATED MODULE: ./src/action/log.ts


/**
 * The step log, safe for text the action did not write. The runner reads every line of the log for
 * workflow commands (`::set-output ...`, `::error ...`, `::add-mask::`, the older `##[...]`), and text
 * from the API or the agent (a run title, a status message, an error body) can quote a stranger. Such
 * a line is printed between `::stop-commands::<token>` and `::<token>::`, with a fresh random token
 * each time, as GitHub's workflow-command docs intend, so the runner shows it and acts on none of it.
 * Annotations (`core.warning`, `core.error`, `core.setFailed`) need nothing more: the toolkit escapes
 * their text into one command's data.
 */
function log_info(message) {
    if (!/::|##\[/.test(message)) {
        info(message);
        return;
    }
    const token = (0,external_node_crypto_namespaceObject.randomUUID)();
    info(`::stop-commands::${token}`);
    info(message);
    info(`::${token}::`);
}
/** Set by the `debug` input: debug lines are shown whether or not step debug logging is on. */
let debugShown = false;
/** Shows debug lines in the log from now on (the `debug` input), as step debug logging would. */
function showDebug(on) {
    debugShown = on;
}
/** A debug line: in the log when `debug` is true, else only with step debug logging (ACTIONS_STEP_DEBUG). */
function log_debug(message) {
    if (debugShown)
        log_info(`[debug] ${message}`);
    else
        core.debug(message);
}
let pending = Promise.resolve();
/**
 * A line the agent or the API wrote (an action, a run's title), printed once it is redacted (which
 * may load the credential detector), in the order given. A line that cannot be redacted is not shown.
 */
function infoWhenRedacted(ready, print = log_info) {
    pending = pending.then(() => ready.then(print, () => print('(a line from the agent is not shown: it could not be checked for credentials)')));
}
/** Resolves once every line given to infoWhenRedacted is printed. */
function drained() {
    return pending;
}
/** Whether debug lines reach the log people read (the `debug` input, or step debug logging). */
function debugVisible() {
    return debugShown || core.isDebug();
}

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
    return (`trigger_phrase ${settings_quote(settings.triggerPhrase)} applies only to ${MENTION_EVENTS.join(', ')} events, and this is ` +
        `${event.name ? `a ${event.name} event` : 'no event'}: the phrase is not looked for, and the step runs as if it were not set.`);
}
/** The images pasted into the triggering comment or issue go with a new run's prompt too (within the API's 5). */
async function withCommentImages(settings, request, body) {
    const given = request.attachments ?? [];
    if (imageUrls(body, settings.serverUrl).length === 0)
        return request;
    const found = await downloadImages(body, {
        ...IMAGE_BOUNDS,
        max: MAX_ATTACHMENTS - given.length,
        serverUrl: settings.serverUrl,
        ...(settings.githubToken && { token: settings.githubToken }),
    });
    for (const warning of found.warnings)
        core_warning(warning);
    if (found.attachments.length === 0)
        return request;
    log_info(`Sending ${found.attachments.length} image(s) from the comment to the agent.`);
    return { ...request, attachments: [...given, ...found.attachments] };
}
/**
 * A follow-up carries text only: the API's follow-up request has a message and a mode, no attachments
 * (oz-agent-sdk's RunSubmitFollowupParams). Images in the comment (and the attachments input) went with
 * the thread's first run only; said once, so nobody believes the agent saw them.
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
    notice(`${what[0].toUpperCase()}${what.slice(1)} ${images + given === 1 ? 'is' : 'are'} not sent to the agent: this request goes to the thread's run as a follow-up, ` +
        'and a follow-up carries text only (the Oz API takes images only when a run is created). Describe the image in words, ' +
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
    const binding = event.owner && event.repo ? { repository: `${event.owner}/${event.repo}`, thread: event.thread.number } : undefined;
    const { state, commentId } = binding && github ? await step_readConversation(github, binding) : { state: { exchanges: [], ...(binding && { binding }) } };
    const chosen = mentionTarget(settings, await withBranches(event, github), state, who, request);
    const target = chosen.kind === 'create' ? { kind: 'create', request: await withCommentImages(settings, chosen.request, body) } : chosen;
    if (target.kind === 'follow-up')
        tellImagesNotFollowing(settings, body);
    startGroup(target.kind === 'follow-up' ? 'The follow-up the agent was sent' : 'The prompt the agent was given');
    log_info(sentText(target, settings.outputSchema));
    endGroup();
    const reactTo = event.comment !== undefined
        ? { kind: event.comment.kind === 'review' ? 'review-comment' : 'issue-comment', id: event.comment.id }
        : event.name === 'issues'
            ? { kind: 'issue', number: event.thread.number }
            : undefined;
    return {
        target,
        mention: {
            thread: event.thread.number,
            exchange: { who, request, ...(event.comment?.url && { url: event.comment.url }) },
            state,
            ...(commentId !== undefined && { commentId }),
            ...(reactTo && { target: reactTo }),
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
    const owner = threadOwner(event);
    if (settings.continueConversation && state.runId !== undefined && owner !== undefined) {
        try {
            const runId = checkRunId(state.runId, "run id in this thread's conversation comment");
            log_info(`Continuing this thread's conversation: the request goes to Oz run ${runId} as a follow-up.`);
            const message = `@${who} follows up${event.comment?.url ? ` (${event.comment.url})` : ''}:\n\n${request}`;
            return { kind: 'follow-up', runId, message, thread: { owner, fresh } };
        }
        catch (error) {
            core_warning(`${error.message} Starting a new run.`);
        }
    }
    return { kind: 'create', request: fresh };
}
/** The thread's conversation comment and the state in it; an empty conversation when there is none or it cannot be used. */
async function step_readConversation(github, binding) {
    const empty = { exchanges: [], binding };
    try {
        const api = await github();
        const found = await api.findOwnComment(binding.thread, CONVERSATION_MARKER, await api.identity());
        if (!found)
            return { state: empty };
        const read = decodeState(found.body, binding);
        if (read.problem !== undefined)
            core_warning(`This thread's conversation comment was not used (${read.problem}); starting a new conversation.`);
        return { state: read.state, commentId: found.id };
    }
    catch (error) {
        core_warning(`Could not read this thread's conversation (${error.message}); starting a new one.`);
        return { state: empty };
    }
}
/**
 * The event with its pull request's head and base branches: a comment event's payload has none, so the
 * pull request is read. Without them (no token, or the read failed) the prompt says they are unknown.
 */
async function withBranches(event, github) {
    const thread = event.thread;
    if (!thread?.isPullRequest || (event.headRef && event.baseRef) || !github)
        return event;
    try {
        const pull = await (await github()).pullRequest(thread.number);
        return { ...event, headRef: pull.headRef, baseRef: pull.baseRef };
    }
    catch (error) {
        core_warning(`Could not read pull request #${thread.number} for its branches (${error.message}); the prompt goes without them.`);
        return event;
    }
}

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

;// CONCATENATED MODULE: ./src/review/publish.ts
/**
 * Pull request reviews on GitHub: what the agent is told before it starts (the pull request's
 * commits and files, and the commit of the action's previous review), and posting its review after
 * the run as one GitHub review with comments on their lines.
 */





/** At most this many comments go on their lines; the rest are listed in the review's body. */
const MAX_INLINE_COMMENTS = 30;
const MARKER = `${COMMENT_MARKER_PREFIX} review`;
/** The hidden marker of the action's review: it names the commit reviewed, for the next review. */
function reviewMarker(commit) {
    return `${MARKER} commit=${commit} -->`;
}
/** The commit a review body's marker names; undefined when it has none. */
function reviewedCommit(body) {
    return new RegExp(`${MARKER} commit=([0-9a-f]{7,64}) -->`).exec(body)?.[1];
}
/**
 * Reads the pull request's commits and files, and the commit of the action's previous review (found
 * by its marker, only among reviews by the token's own identity: anyone can paste a marker). A read
 * that fails leaves that part out and is noted in `unread`; the review still goes ahead.
 */
async function prepareReview(api, number, fallbackHead) {
    const plan = { target: { number, headSha: fallbackHead, files: [] }, unread: [], readDenied: false };
    const note = (what, error) => {
        plan.unread.push(`${what} (${error.message})`);
        if (isGitHubApiError(error) && (error.status === 403 || error.status === 404))
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
        const own = (await api.reviews(number)).filter((r) => r.login.toLowerCase() === login && reviewedCommit(r.body) !== undefined);
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
        const body = fitUnits(redact(commentBody(comment)), MAX_COMMENT_CHARS);
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
/**
 * Posts the agent's review on the commit it reviewed: the summary as the body, each comment on its
 * line, those outside the diff (or over the limit) listed in the body, those already posted left
 * out. GitHub refusing a line (422) moves every comment to the body rather than lose the review. A
 * refusal of the review itself is a warning (naming the permission when it is one), never thrown.
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
    let { inline, listed } = placed;
    let event = review.verdict === 'request_changes' ? 'REQUEST_CHANGES' : review.verdict === 'approve' && options.approve ? 'APPROVE' : 'COMMENT';
    const build = () => ({
        commit_id: headSha,
        event,
        body: fitUnits(options.redact(reviewBody({
            verdict: review.verdict,
            summary: review.summary,
            marker: reviewMarker(headSha),
            commit: headSha,
            ...(report.movedTo !== undefined && { movedTo: report.movedTo }),
            listed,
            repeated,
            maxInline: max,
            links: options.links,
        })), MAX_COMMENT_CHARS),
        comments: inline.map(toApiComment),
    });
    for (;;) {
        try {
            report.url = (await api.createReview(number, build())).url;
            Object.assign(report, { inline: inline.length, listed: listed.length, repeated });
            return report;
        }
        catch (error) {
            const status = isGitHubApiError(error) ? error.status : 0;
            const message = error.message;
            // GitHub refuses approving with an Actions token unless the repository allows it, and either verdict on one's own pull request.
            if (status === 422 && event !== 'COMMENT' && (/approve|request changes|own pull request/i.test(message) || inline.length === 0)) {
                report.note = `GitHub refused to post the review as ${event} (${message}), so it is posted as a comment.`;
                options.warn(report.note);
                event = 'COMMENT';
                continue;
            }
            if (status === 422 && inline.length > 0) {
                // A line GitHub does not take (the diff changed, or it was misread): keep every comment, in the body.
                listed = [...inline.map(({ comment }) => ({ comment, why: 'outside-diff' })), ...listed];
                inline = [];
                continue;
            }
            if (status === 403 || status === 404)
                report.denied = true;
            report.problem =
                status === 403 || status === 404
                    ? "The review could not be posted: the token lacks `pull-requests: write`. Add it to the job's permissions; the review is in the job summary."
                    : `The review could not be posted (${error.message}); it is in the job summary.`;
            options.warn(report.problem);
            Object.assign(report, { listed: review.comments.length - repeated, repeated });
            return report;
        }
    }
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
    if (!event_concernsThread(event) || !event.thread?.isPullRequest) {
        notice(`review is on, but the ${event.name || 'current'} event concerns no pull request: the agent runs without a review.`);
        return { plan };
    }
    if (github.api === undefined) {
        core_warning('review is on, but there is no github_token to read the pull request and post the review with: the agent runs without a review.');
        return { plan };
    }
    const review = await prepareReview(await github.api(), event.thread.number, context.pullRequest?.headSha ?? '');
    // A missing permission is told once, after the run, together with the review's own (see publishReview).
    if (!review.readDenied && review.unread.length > 0)
        core_warning(unreadWarning(review));
    return {
        plan: { settings: { ...settings, outputSchema: REVIEW_SCHEMA }, target: reviewTarget(target, review, event.thread.number) },
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
    const title = request.title ?? structured_titleFromPrompt(request.prompt ?? '') ?? `Review of pull request #${pullRequest}`;
    return { kind: 'create', request: { ...request, title, prompt: `${request.prompt ?? ''}${instruction}`.trimStart() } };
}
/** After the run: posts the agent's review, when it gave a valid one, and returns what was posted. */
async function publishReview(reviewing, report, github) {
    const { review: plan } = reviewing;
    if (plan === undefined || github.api === undefined)
        return undefined;
    const posted = report.structured?.ok ? await post(plan, reviewing, report, github) : undefined;
    // Reads refused for want of a permission: one warning, unless the review's refusal already named it.
    if (plan.readDenied && posted?.denied !== true)
        core_warning(unreadWarning(plan));
    if (posted?.movedTo !== undefined) {
        notice(`The pull request's head moved to ${posted.movedTo} while the agent worked: the review is posted on ${posted.commit}, the commit it reviewed.`);
    }
    return posted;
}
/** Posts the agent's valid review; a failure is a warning. */
async function post(plan, { plan: { settings } }, report, github) {
    if (!report.structured?.ok || github.api === undefined)
        return undefined;
    // The review is the agent's text: credentials in it are redacted before it reaches the pull request.
    const review = await redactPublished(report.structured.value);
    return postReview(await github.api(), plan, review, {
        approve: settings.reviewApprove,
        redact: common_redactSecrets(),
        warn: (message) => core_warning(message),
        links: [
            { label: 'Open the agent session', url: report.run?.session_link },
            { label: 'Workflow run', url: report.workflowRunUrl },
        ],
    }).catch((error) => {
        core_warning(`Could not post the review: ${error.message}`);
        return undefined;
    });
}

;// CONCATENATED MODULE: ./src/action/github-side.ts













/**
 * The GitHub side of the step, for the events and settings that have one (see needsGitHubSide): a
 * bundle file of its own (`#github-side`, see scripts/build.ts), so that a step without a comment,
 * check run, trigger phrase or review does not compile it before its first request.
 */

/**
 * What the action does on GitHub before the run starts: decides whether the event may start an agent
 * (comment and review events need a trusted author), then sets up the pull request comment and creates
 * the check run. Throws CheckRunError when a requested check run cannot be created.
 */
async function setUpGitHub(settings, context) {
    const { event } = context;
    const github = gitHubApi(settings, event);
    const canCall = github !== undefined;
    const decided = await decideStart(settings, event, github);
    if ('skip' in decided)
        return decided;
    const { target, mention } = decided;
    const thread = settings.prComment && event_concernsThread(event) ? event.thread?.number : undefined;
    const side = { target, ...(mention && { mention }), ...(canCall && { api: github }) };
    if (!settings.checkName && thread === undefined)
        return side;
    if (!canCall) {
        if (settings.checkName)
            throw new CheckRunError('check_name is set, but there is no github_token to create the check run with.');
        core_warning('pr_comment is on, but there is no github_token: the run is reported in the job summary only.');
        return side;
    }
    const feedback = await startFeedback(settings, context, github, thread, mention);
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
    if (ignored !== undefined && plan_targetOf(settings) !== undefined)
        notice(ignored);
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
    const target = plan_targetOf(settings);
    if (target === undefined) {
        throw new settings_InputError(`Missing prompt: set prompt, prompt_file or skill. trigger_phrase writes the prompt only on ${MENTION_EVENTS.join(', ')} events, and this is ${event.name || 'no event'}.`);
    }
    return { target };
}
/** The pull request comment and the check run, set up before the run; their ids saved for the post step. */
async function startFeedback(settings, context, github, thread, mention) {
    const { event } = context;
    let headSha = context.pullRequest?.headSha ?? context.sha ?? '';
    if (settings.checkName && !context.pullRequest?.headSha && event.thread?.isPullRequest) {
        // A comment event does not carry the pull request's head: the check belongs on it, not on the default branch.
        try {
            headSha = await (await github()).pullRequestHead(event.thread.number);
        }
        catch (error) {
            throw new CheckRunError(`check_name is set, but the head commit of pull request #${event.thread.number} could not be read: ${error.message}`);
        }
    }
    const runUrl = workflowRunUrl(context);
    const feedback = new Feedback({
        api: github,
        comment: {
            ...(thread !== undefined && { thread }),
            marker: commentMarker(),
            showActivity: settings.commentProgress,
            ...(progressIntervalMs() !== undefined && { editIntervalMs: progressIntervalMs() }),
            // The post step finishes a conversation comment as a conversation (see saveConversation).
            ...(mention && {
                conversation: { state: mention.state, exchange: mention.exchange },
                ...(mention.commentId !== undefined && { resumeId: mention.commentId }),
            }),
            onComment: saveCommentId,
        },
        check: { ...(settings.checkName && { name: settings.checkName }), headSha },
        redact: common_redactSecrets(),
        redactAll: redactPublished,
        debug: (message) => core_debug(message),
        words: ACTION_WORDS,
        ...(runUrl && { workflowRunUrl: runUrl }),
        warn: (message) => core_warning(message),
        onFinished: markFinished,
    });
    if (mention) {
        saveConversation({ state: mention.state, exchange: mention.exchange });
        if (mention.commentId !== undefined)
            saveCommentId(mention.commentId);
    }
    await feedback.startCheck();
    if (feedback.checkRunId !== undefined)
        saveCheckRunId(feedback.checkRunId);
    return feedback;
}

module.exports = __webpack_exports__;
/******/ })()
;