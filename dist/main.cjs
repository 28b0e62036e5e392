/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 126:
/***/ ((module) => {

module.exports = require("./after-run.cjs");

/***/ }),

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

/***/ 775:
/***/ ((module) => {

module.exports = require("./preflight.cjs");

/***/ }),

/***/ 110:
/***/ ((module) => {

module.exports = require("./report.cjs");

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
function toCommandProperties(annotationProperties) {
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
const summary_summary = _summary;
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
    command_issueCommand('add-mask', {}, secret);
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
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
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
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function core_warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function core_notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
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
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
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
;// CONCATENATED MODULE: ./src/threads/restart.ts
/** Why a thread's request went to a new run, in a sentence for the log and the thread (`detail` is the API's text). */
function describeRestart(why) {
    const fresh = 'so this request went to a new run, which does not know the earlier requests';
    switch (why.reason) {
        case 'gone':
            return `This thread's Oz run ${why.from} can no longer be read (${why.detail}): it may be past retention, or belong to another team's key; ${fresh}.`;
        case 'session-gone':
            return `This thread's Oz run ${why.from} no longer keeps its session (${why.detail}); ${fresh}.`;
        case 'not-this-thread':
            return `The conversation named Oz run ${why.from}, which is not this thread's (${why.detail}); nothing was sent to it, ${fresh}.`;
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: ./src/github/event.ts

/** Events whose trigger is a person's (or bot's) comment or review: only trusted actors may start an agent. */
const COMMENT_EVENTS = ['issue_comment', 'pull_request_review', 'pull_request_review_comment'];
/** Events that concern a pull request or an issue, where the action keeps a comment up to date. */
const THREAD_EVENTS = ['pull_request', 'pull_request_target', 'issues', ...COMMENT_EVENTS];
/** The hidden marker that starts every comment this action writes. */
const COMMENT_MARKER_PREFIX = '<!-- oz-agent-action';
/** Reads the event from the runner's environment (`GITHUB_EVENT_NAME`, `GITHUB_EVENT_PATH`, `GITHUB_REPOSITORY`). */
function readEvent(env = process.env) {
    const name = env.GITHUB_EVENT_NAME ?? '';
    let payload = {};
    try {
        if (env.GITHUB_EVENT_PATH)
            payload = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
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
function concernsThread(event) {
    return THREAD_EVENTS.includes(event.name) && event.thread !== undefined;
}

;// CONCATENATED MODULE: ./src/oz/metadata.ts
/** The API's rules for run metadata (see shared oz-api.md, "Create: request body"), in one place. */
const METADATA_KEY_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const METADATA_MAX_KEYS = 20;
const METADATA_MAX_VALUE_BYTES = 256;
/**
 * Set on every create, to find a run whose create answer was lost (see run/create.ts). It takes one of
 * the API's 20 keys, so callers have `METADATA_MAX_KEYS - 1` for their own.
 */
const REQUEST_ID_KEY = 'oz_action_request_id';
/** How many keys a caller may set besides the request id. */
const METADATA_USER_MAX_KEYS = METADATA_MAX_KEYS - 1;
/** What is wrong with one metadata pair under the API's rules, or undefined when it is fine. */
function metadataPairProblem(key, value) {
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
function mergeMetadata(user, context) {
    const metadata = { ...user };
    const dropped = [];
    for (const [key, value] of context) {
        if (value === undefined || key in metadata)
            continue;
        if (Object.keys(metadata).length >= METADATA_USER_MAX_KEYS)
            dropped.push(key);
        else
            metadata[key] = fitMetadataValue(value);
    }
    return { metadata, dropped };
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

;// CONCATENATED MODULE: ./src/oz/sleep.ts
/** The abort reason as an Error (an AbortController aborted without one gives a DOMException, also an Error). */
function reasonOf(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason : new Error(String(reason));
}
/**
 * Waits `ms`, or rejects with the signal's reason as soon as it aborts. The timer is cleared either
 * way, so nothing is left to hold the process open. (It stays referenced while waiting: an unref'd
 * timer would let Node exit in the middle of a poll.)
 */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(reasonOf(signal));
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(reasonOf(signal));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/** Settles with `promise`, or rejects with the signal's reason when it aborts first. */
function raceAbort(promise, signal) {
    if (!signal)
        return promise;
    if (signal.aborted)
        return Promise.reject(reasonOf(signal));
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(reasonOf(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
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

;// CONCATENATED MODULE: ./src/report/progress.ts


/** The log line for a run's new state: `[1m 5s] QUEUED -> INPROGRESS`, or the first state with the title. */
function stateLine(run, previous, elapsedMs) {
    // One line: a title the API derived from a prompt may span several.
    const title = run.title?.replace(/\s+/g, ' ').trim();
    const change = previous ? `${previous} -> ${run.state}` : `${run.state}${title ? `: ${title}` : ''}`;
    return `[${formatDuration(elapsedMs)}] ${change}`;
}
/** The log line that says where to watch the agent; undefined when the link is not an http(s) URL. */
function sessionLine(url) {
    const safe = safeUrl(url);
    return safe === undefined ? undefined : `Watch the agent: ${safe}`;
}
/** The log line for something the agent did or said: `[2m 10s] command: npm test`. */
function activityLine(line, elapsedMs) {
    return `[${formatDuration(elapsedMs)}] ${line.length > 300 ? `${line.slice(0, 297)}...` : line}`;
}

;// CONCATENATED MODULE: ./node_modules/is-network-error/index.js
const objectToString = Object.prototype.toString;

const isError = value => objectToString.call(value) === '[object Error]';

const errorMessages = new Set([
	'network error', // Chrome
	'NetworkError when attempting to fetch resource.', // Firefox
	'The Internet connection appears to be offline.', // Safari 16
	'Network request failed', // `cross-fetch`
	'fetch failed', // Undici (Node.js)
	'terminated', // Undici (Node.js)
	' A network error occurred.', // Bun (WebKit)
	'Network connection lost', // Cloudflare Workers (fetch)
]);

function isNetworkError(error) {
	const isValid = error
		&& isError(error)
		&& error.name === 'TypeError'
		&& typeof error.message === 'string';

	if (!isValid) {
		return false;
	}

	const {message, stack} = error;

	// Safari 17+ has generic message but no stack for network errors
	if (message === 'Load failed' || (message.startsWith('Load failed (') && message.endsWith(')'))) {
		return stack === undefined
			// Sentry adds its own stack trace to the fetch error, so also check for that
			|| '__sentry_captured__' in error;
	}

	// Deno network errors start with specific text
	if (message.startsWith('error sending request for url')) {
		return true;
	}

	// Chrome: exact "Failed to fetch" or with hostname: "Failed to fetch (example.com)"
	if (message === 'Failed to fetch' || (message.startsWith('Failed to fetch (') && message.endsWith(')'))) {
		return true;
	}

	// Standard network error messages
	return errorMessages.has(message);
}

;// CONCATENATED MODULE: ./node_modules/p-retry/index.js


function validateRetries(retries) {
	if (typeof retries === 'number') {
		if (retries < 0) {
			throw new TypeError('Expected `retries` to be a non-negative number.');
		}

		if (Number.isNaN(retries)) {
			throw new TypeError('Expected `retries` to be a valid number or Infinity, got NaN.');
		}

		// Not `Number.isSafeInteger`, which would reject a huge `retries`. That is accepted on purpose and behaves as effectively forever.
		// eslint-disable-next-line unicorn/prefer-number-is-safe-integer
		if (Number.isFinite(retries) && !Number.isInteger(retries)) {
			throw new TypeError('Expected `retries` to be a non-negative integer or Infinity.');
		}
	} else if (retries !== undefined) {
		throw new TypeError('Expected `retries` to be a number or Infinity.');
	}
}

function validateNumberOption(name, value, {allowInfinity = false} = {}) {
	if (typeof value !== 'number' || Number.isNaN(value)) {
		throw new TypeError(`Expected \`${name}\` to be a number${allowInfinity ? ' or Infinity' : ''}.`);
	}

	if (!allowInfinity && !Number.isFinite(value)) {
		throw new TypeError(`Expected \`${name}\` to be a finite number.`);
	}

	if (value < 0) {
		throw new TypeError(`Expected \`${name}\` to be \u{2265} 0.`);
	}
}

function validateOption(name, value, type) {
	// `null` means "not provided", as it does for the other options. `unref` needs this because it is the one option with no default of its own.
	if (value === undefined || value === null) {
		return;
	}

	if (typeof value !== type) {
		throw new TypeError(`Expected \`${name}\` to be a ${type}.`);
	}
}

function validateSignal(value) {
	// `null` means "not provided", as it does for the other options.
	if (value === undefined || value === null) {
		return;
	}

	// Duck typed rather than `instanceof`, so a signal from another realm still works. All three methods are checked because `removeEventListener` is called from inside a timer callback, where a `TypeError` would be an uncaught exception rather than a rejection the caller could catch.
	if (typeof value.throwIfAborted !== 'function'
		|| typeof value.addEventListener !== 'function'
		|| typeof value.removeEventListener !== 'function') {
		throw new TypeError('Expected `signal` to be an AbortSignal.');
	}
}

class AbortError extends Error {
	constructor(message) {
		super(typeof message === 'string' ? message : undefined);

		this.name = 'AbortError';

		if (message instanceof Error) {
			this.originalError = message;
			({message} = message);
		} else {
			// Created here, so it already captures every caller frame. Copying `this.stack` instead would only rewrite the header, which is rendered lazily from `name` and `message` at read time. It also stringifies a non-string message, so reuse its result below.
			this.originalError = new Error(message);
			({message} = this.originalError);

			// The caller sees this error, so the frame for this constructor is dropped where the runtime supports it. Left in, the top frame blames p-retry for an error the caller threw. An error the caller passed keeps its own stack, which points at their throw site already. V8-only, hence the lint exception, and the optional call leaves the stack as it is where it is missing.
			// eslint-disable-next-line unicorn/no-nonstandard-builtin-properties
			Error.captureStackTrace?.(this.originalError, AbortError);
		}

		this.message = message;
	}
}

// `setTimeout` cannot represent a longer delay and fires it right away instead, which turns a long backoff into a tight retry loop. Cap at the largest value it can still hold.
const maximumDelay = (2 ** 31) - 1;

function calculateDelay(retriesConsumed, options) {
	// Nothing to wait for, and multiplying by a factor that has grown to `Infinity` would give `NaN`.
	if (options.minTimeout === 0) {
		return 0;
	}

	// `retriesConsumed` starts at 0 and only ever counts up, so the first retry is already attempt 1.
	const attempt = retriesConsumed + 1;
	const random = options.randomize ? (Math.random() + 1) : 1;

	const timeout = Math.round(random * options.minTimeout * (options.factor ** (attempt - 1)));

	// `maxTimeout` rounds up, so a fractional cap still gives a whole number of milliseconds. Rounding down would turn a cap below 1 into no timer at all, which never yields to the event loop. `Math.ceil(Infinity)` is `Infinity`.
	return Math.min(timeout, Math.ceil(options.maxTimeout), maximumDelay);
}

function calculateRemainingTime(start, max) {
	return Number.isFinite(max) ? max - ((Number(process.hrtime.bigint()) / 1e6) - start) : max;
}

async function delayForRetry(delay, options) {
	if (delay <= 0) {
		return;
	}

	await new Promise((resolve, reject) => {
		// Registered with `once`, so it removes itself when it fires.
		const onAbort = () => {
			clearTimeout(timeoutToken);
			reject(options.signal.reason);
		};

		const timeoutToken = setTimeout(() => {
			options.signal?.removeEventListener('abort', onAbort);
			resolve();
		}, delay);

		if (options.unref) {
			timeoutToken.unref?.();
		}

		options.signal?.addEventListener('abort', onAbort, {once: true});
	});
}

// Stringifying a thrown value can itself throw, for an object with no usable `toString`. That must never be allowed to replace the failure the caller is actually dealing with.
//
// A thrown value whose own accessors or proxy traps throw is not supported, here or anywhere else. It comes from the caller's own code, so it is not something to defend against.
function stringifyThrownValue(value) {
	try {
		return String(value);
	} catch {
		return Object.prototype.toString.call(value);
	}
}

// `AbortError` wraps the error the caller actually wants, and the wrappers can be nested, so keep unwrapping until the cause is reached. Otherwise an `AbortError` would escape `pRetry` and a `catch` doing `error instanceof AbortError` would read a real failure as a cancellation.
//
// Two wrappers whose `originalError` points at each other are not supported, like the thrown values above.
function unwrapAbortError(error) {
	let cause = error;

	// A wrapper with no error to unwrap to is the cause as far as it goes.
	while (cause instanceof AbortError && cause.originalError instanceof Error) {
		cause = cause.originalError;
	}

	return cause;
}

async function onAttemptFailure({error, attemptNumber, retriesConsumed, startTime, options}) {
	// The signal is checked after the operation and after every callback, so a cancellation is never reported as an operation failure or a callback's decision, and no callback runs after it. The last check also guards the delay, whose abort listener never fires on a signal that is already aborted.
	const abortIfNeeded = () => {
		options.signal?.throwIfAborted();
	};

	const normalizedError = error instanceof Error
		? error
		: new TypeError(`Non-error was thrown: "${stringifyThrownValue(error)}". You should only throw errors.`);

	// Checked before unwrapping an `AbortError`, because the reason a caller aborted with is final. Unwrapping it would replace the reason they chose with whatever is inside it, and it would also let an `AbortError` from the operation outrank a cancellation the caller asked for.
	abortIfNeeded();

	if (normalizedError instanceof AbortError) {
		throw unwrapAbortError(normalizedError);
	}

	// `retriesConsumed` only ever advances while `retriesLeft` is above 0, so this is never negative. `Infinity` minus a finite count is `Infinity`, so an unlimited budget needs no special case.
	const retriesLeft = options.retries - retriesConsumed;

	// A `TypeError` normally means the operation itself is broken rather than the thing it was trying to reach, so retrying it does not help. A network `TypeError` is the exception, and its message differs per runtime, so it has to be recognised rather than assumed.
	const isRetriableError = !(normalizedError instanceof TypeError) || isNetworkError(normalizedError);

	// Out of time already, out of retries, or a failure that is never retried, so the delay is 0 and the callbacks are told that no retry follows. Only computed when a retry can still follow, so a randomized delay does not draw from `Math.random` for a wait that is never taken.
	const timeLeft = calculateRemainingTime(startTime, options.maxRetryTime);
	const delayTime = isRetriableError && timeLeft > 0 && retriesLeft > 0 ? calculateDelay(retriesConsumed, options) : 0;

	const consumeRetryContext = Object.freeze({
		error: normalizedError,
		attemptNumber,
		retriesLeft,
		retriesConsumed,
		retryDelay: delayTime,
	});

	// No answer means no opinion, so fall back to the default. Treating it as `false` instead would leave `retries` uncounted and let the loop run forever.
	const consumeRetry = (await options.shouldConsumeRetry(consumeRetryContext)) ?? true;

	abortIfNeeded();

	const effectiveDelay = consumeRetry ? delayTime : 0;
	const context = Object.freeze({
		error: normalizedError,
		attemptNumber,
		retriesLeft,
		retriesConsumed,
		retryDelay: effectiveDelay,
	});

	await options.onFailedAttempt(context);

	abortIfNeeded();

	const remainingTime = calculateRemainingTime(startTime, options.maxRetryTime);

	// No time or budget left, or a failure that retrying cannot help with.
	if (
		!isRetriableError
		|| remainingTime <= 0
		|| retriesLeft <= 0
	) {
		throw normalizedError;
	}

	const shouldRetry = await options.shouldRetry(context);

	abortIfNeeded();

	if (!shouldRetry) {
		throw normalizedError;
	}

	const remainingTimeAfterShouldRetry = calculateRemainingTime(startTime, options.maxRetryTime);

	if (remainingTimeAfterShouldRetry <= 0) {
		throw normalizedError;
	}

	if (!consumeRetry) {
		return false;
	}

	await delayForRetry(Math.min(effectiveDelay, remainingTimeAfterShouldRetry), options);

	return true;
}

async function pRetry(input, options = {}) {
	options = {...options};

	// Applied before validating, so that `null` means "not provided" here as it does for every other option.
	options.retries ??= 10;

	validateRetries(options.retries);

	if (Object.hasOwn(options, 'forever')) {
		throw new Error('The `forever` option is no longer supported. For many use-cases, you can set `retries: Infinity` instead.');
	}

	options.factor ??= 2;
	options.minTimeout ??= 1000;
	options.maxTimeout ??= Infinity;
	options.maxRetryTime ??= Infinity;
	options.randomize ??= false;
	options.onFailedAttempt ??= () => {};
	options.shouldRetry ??= () => true;
	options.shouldConsumeRetry ??= () => true;

	// Validate the options that have a runtime type to check.
	validateOption('onFailedAttempt', options.onFailedAttempt, 'function');
	validateOption('shouldRetry', options.shouldRetry, 'function');
	validateOption('shouldConsumeRetry', options.shouldConsumeRetry, 'function');
	validateOption('randomize', options.randomize, 'boolean');
	validateOption('unref', options.unref, 'boolean');
	validateSignal(options.signal);
	validateNumberOption('factor', options.factor);
	validateNumberOption('minTimeout', options.minTimeout);
	validateNumberOption('maxTimeout', options.maxTimeout, {allowInfinity: true});
	validateNumberOption('maxRetryTime', options.maxRetryTime, {allowInfinity: true});

	// A negative factor is rejected above, so this only catches `0`. Treat it as `1` to keep the delay constant instead of dropping to zero after the first retry.
	if (options.factor === 0) {
		options.factor = 1;
	}

	options.signal?.throwIfAborted();

	let attemptNumber = 0;
	let retriesConsumed = 0;
	const startTime = (Number(process.hrtime.bigint()) / 1e6);

	// A consumed count is always finite, so `Infinity` keeps this true and needs no special case.
	while (retriesConsumed <= options.retries) {
		attemptNumber++;

		try {
			options.signal?.throwIfAborted();

			const result = await input(attemptNumber);

			options.signal?.throwIfAborted();

			return result;
		} catch (error) {
			if (await onAttemptFailure({
				error,
				attemptNumber,
				retriesConsumed,
				startTime,
				options,
			})) {
				retriesConsumed++;
			}
		}
	}

	// Unreachable: `onAttemptFailure` throws once `retriesLeft` reaches 0, which is the same state the loop condition tests, so the loop is always left by a throw. Kept as a guard against a future change to either side breaking that pairing.
	throw new Error('Retry attempts exhausted without throwing an error.');
}

function makeRetriable(function_, options) {
	return function (...arguments_) {
		return pRetry(() => function_.apply(this, arguments_), options);
	};
}

;// CONCATENATED MODULE: ./src/oz/errors.ts
/** Errors of the Oz API client, and the one decision of which of them are worth another try. */
const DEFAULT_ERROR_NAMES = { apiKey: 'the API key', apiBaseUrl: 'the API address' };
class OzApiError extends Error {
    name = 'OzApiError';
    method;
    path;
    status;
    problem;
    /** From `Retry-After`, when the server sent one. */
    retryAfterMs;
    constructor(method, path, status, problem, retryAfterMs, names = DEFAULT_ERROR_NAMES) {
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
class OzBadAnswerError extends Error {
    name = 'OzBadAnswerError';
    status;
    constructor(method, path, status, what) {
        super(`Oz API ${method} ${path} answered ${status} with ${what}`);
        this.status = status;
    }
}
/** A redirect, which the API never sends for its calls: followed, it could carry the key elsewhere. */
class OzRedirectError extends Error {
    name = 'OzRedirectError';
    status;
    location;
    constructor(method, path, status, location, names = DEFAULT_ERROR_NAMES) {
        super(`Oz API ${method} ${path} answered ${status}, a redirect to ${location || '(no Location header)'}. ` +
            'The API does not redirect its calls, so the redirect was not followed and the API key was not sent there: check ' +
            `${names.apiBaseUrl}.`);
        this.status = status;
        this.location = location;
    }
}
/** A request that got no HTTP answer: refused, reset, timed out, or its body was cut short. */
class OzNetworkError extends Error {
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
const isApiError = (error) => named(error, 'OzApiError');
const errors_isNetworkError = (error) => named(error, 'OzNetworkError');
const isBadAnswer = (error) => named(error, 'OzBadAnswerError');
/** Host names that do not resolve: the URL is wrong, and no retry will fix it. */
const UNRESOLVED = new Set(['ENOTFOUND']);
/**
 * How many times a refused connection is tried in all. A refusal comes back at once from a host where
 * nothing listens (a wrong port, a server that is down): a restarting server is back within seconds,
 * so two quick retries (about 3 s) and then the error, with its hint, rather than 40 s of backoff.
 */
const REFUSED_MAX_TRIES = 3;
/** Whether another try is worth it after `attemptNumber` tries that ended in `error`. */
function worthAnotherTry(error, attemptNumber, retryIf = isRetryable) {
    if (errors_isNetworkError(error) && error.code === 'ECONNREFUSED' && attemptNumber >= REFUSED_MAX_TRIES)
        return false;
    return retryIf(error);
}
/** Whether a failed request is worth another try. Other 4xx answers, redirects and unknown hosts are final. */
function isRetryable(error) {
    if (errors_isNetworkError(error))
        return !UNRESOLVED.has(error.code);
    if (isBadAnswer(error))
        return true;
    if (isApiError(error))
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
    if (errors_isNetworkError(error))
        return error.mayHaveReachedServer;
    if (isBadAnswer(error))
        return true;
    if (isApiError(error))
        return error.status >= 500 || (error.status === 429 && error.problem.errorCode === 'resource_unavailable');
    return false;
}
/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`. */
function parseRetryAfter(value, now = Date.now()) {
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
const MAX_BODY_BYTES = 4 * 1024 * 1024;
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
    return new lib_HttpClient(userAgent, [abortHandler(signal)], {
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = require("node:crypto");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: ./src/oz/types.ts
/** Types of the Oz Agent API as this action uses it (see shared oz-api.md). Unknown fields are kept, never required. */
/** Documented run states. The API may add more; those are treated as live. */
const LIVE_STATES = ['QUEUED', 'PENDING', 'CLAIMED', 'INPROGRESS'];
const TERMINAL_STATES = ['SUCCEEDED', 'FAILED', 'ERROR', 'BLOCKED', 'CANCELLED'];
function isTerminal(state) {
    return TERMINAL_STATES.includes(state ?? '');
}
function isDocumentedState(state) {
    return isTerminal(state) || LIVE_STATES.includes(state);
}

;// CONCATENATED MODULE: ./src/oz/usage.ts
const KINDS = ['inference', 'compute', 'platform'];
/** Sums what the API reported; nothing for a figure none of whose parts is a number. */
function usageFigures(usage) {
    if (usage === undefined || usage === null || typeof usage !== 'object')
        return {};
    const sum = (keys) => {
        const values = keys
            .map((k) => usage[k])
            .filter((v) => typeof v === 'number' && Number.isFinite(v));
        return values.length === 0 ? undefined : round(values.reduce((a, b) => a + b, 0));
    };
    const figures = {};
    const credits = sum(KINDS.map((k) => `${k}_cost`));
    const costUsd = sum(KINDS.map((k) => `${k}_cost_usd`));
    if (credits !== undefined)
        figures.credits = credits;
    if (costUsd !== undefined)
        figures.costUsd = costUsd;
    if (typeof usage.total_tokens === 'number' && Number.isFinite(usage.total_tokens))
        figures.tokens = usage.total_tokens;
    return figures;
}
/** `16 credits, about $0.32, 48210 tokens`: the figures in words, those given. */
function describeUsage(figures) {
    const parts = [];
    if (figures.credits !== undefined)
        parts.push(`${figures.credits} credits`);
    if (figures.costUsd !== undefined)
        parts.push(`about $${figures.costUsd.toFixed(2)}`);
    if (figures.tokens !== undefined)
        parts.push(`${figures.tokens} tokens`);
    return parts.join(', ') || 'no usage reported';
}
function round(value) {
    return Math.round(value * 10_000) / 10_000;
}

;// CONCATENATED MODULE: ./src/run/credits.ts

/**
 * The credit budget of a run: while it is watched, the first read whose reported usage
 * passes the budget stops the watch, so the lifecycle cancels the run. Approximate: the usage the API
 * reports may lag behind what the run has spent.
 */
class Budget {
    controller = new AbortController();
    /** The usage that passed the budget, once it has. */
    exceeded;
    maxCredits;
    constructor(maxCredits) {
        this.maxCredits = maxCredits;
    }
    /** Aborted when the budget is passed. */
    get signal() {
        return this.controller.signal;
    }
    /** Looks at one read of the run. */
    check(run) {
        if (this.exceeded)
            return;
        const figures = usageFigures(run.request_usage);
        if (figures.credits === undefined || figures.credits <= this.maxCredits)
            return;
        this.exceeded = figures;
        this.controller.abort(new Error('budget exceeded'));
    }
    /** The reason in one sentence; `label` names the setting. */
    describe(label) {
        return `Budget exceeded: the run had used ${describeUsage(this.exceeded ?? {})}, more than ${label} (${this.maxCredits} credits). The usage the API reports may lag, so the run may have used somewhat more.`;
    }
}

;// CONCATENATED MODULE: ./src/run/cancel.ts


/**
 * Cancels a run within `budgetMs`: a 409 (the run is PENDING) and transient failures are tried again
 * shortly; 400 means it already ended. Never throws: the caller reports the outcome.
 */
async function cancelRun(client, runId, budgetMs) {
    const deadline = AbortSignal.timeout(budgetMs);
    const retryIf = (error) => (isApiError(error) && error.status === 409) || isRetryable(error);
    try {
        await raceAbort(client.withRetry(`cancel run ${runId}`, () => client.cancelRunOnce(runId, deadline), deadline, retryIf), deadline);
        return { outcome: 'cancelled' };
    }
    catch (error) {
        if (isApiError(error) && error.status === 400)
            return { outcome: 'already-ended', error };
        if (isApiError(error) && error.status === 422)
            return { outcome: 'not-cancellable', error };
        const cause = deadline.aborted ? new Error(`no answer within ${Math.round(budgetMs / 1000)} s`, { cause: error }) : error;
        return { outcome: 'failed', error: cause };
    }
}
/** Whether a cancel leaves nothing to clean up: accepted, not needed, or impossible (only a failed one may be tried again). */
function cancelSettles(result) {
    return result.outcome !== 'failed';
}

;// CONCATENATED MODULE: ./src/run/create.ts



/**
 * A create whose outcome is unknown and could not be checked: a run may exist (find it by its request
 * id), and retrying could start a second agent.
 */
class LostCreateError extends Error {
    name = 'LostCreateError';
}
/** Whether a failed create may have started a run after all (by name: `instanceof` fails across bundle files). */
function isLostCreate(error) {
    return error instanceof Error && error.name === 'LostCreateError';
}
/**
 * Creates exactly one run. `POST /agent/runs` has no idempotency key, so the body carries
 * `metadata[REQUEST_ID_KEY] = requestId`; before retrying a create whose answer was lost (reset,
 * timeout or a 5xx after sending), the run is looked up by that key and adopted if it exists. When the
 * look-up itself fails, this throws LostCreateError instead of risking a second agent.
 *
 * An abort stops further tries but never throws away a run that was created meanwhile.
 */
async function createRunExactlyOnce(client, body, requestId, signal) {
    const tagged = { ...body, metadata: { ...body.metadata, [REQUEST_ID_KEY]: requestId } };
    let uncertain;
    let created;
    const attempt = async () => {
        if (uncertain !== undefined) {
            const found = await lookUpLostCreate(client, requestId, uncertain, signal);
            if (found !== undefined)
                return (created = { runId: found.run_id, state: found.state, adopted: true });
        }
        try {
            // A create that never answers is bounded by the stop signal (timeout, cancellation) like every wait;
            // the run it may have started is found by its request id and cancelled by the caller.
            const answer = await raceAbort(client.createRunOnce(tagged, signal), signal);
            return (created = { runId: answer.run_id, state: answer.state ?? 'QUEUED', adopted: false });
        }
        catch (error) {
            if (mayHaveCreated(error))
                uncertain = error;
            throw error;
        }
    };
    try {
        return await client.withRetry('POST /agent/runs', attempt, signal, (error) => !isLostCreate(error) && isRetryable(error));
    }
    catch (error) {
        if (created !== undefined)
            return created;
        // Out of tries after an answer was lost: that try's run may exist, though no look-up found it yet.
        if (uncertain !== undefined && !signal?.aborted && !isLostCreate(error)) {
            throw new LostCreateError(`Creating the run failed (${error.message}) after an earlier answer was lost (${uncertain.message}), ` +
                `so a run may have been started: look for the metadata ${REQUEST_ID_KEY}=${requestId} in Oz.`, { cause: error });
        }
        throw error;
    }
}
/** How many pages of runs a look-up reads at most, for a server that ignores the metadata filter. */
const MAX_LOOKUP_PAGES = 10;
/**
 * The run created with `requestId`, if there is one. The list endpoint may ignore the metadata filter,
 * so every returned run's own metadata is checked, page after page: only a run that carries this
 * request id is ever returned. Throws when the runs cannot be read, or when there are more pages than
 * it reads (so the answer is not known).
 */
async function findRunByRequestId(client, requestId, signal) {
    let cursor;
    for (let page = 0; page < MAX_LOOKUP_PAGES; page++) {
        const { runs, page_info } = await client.listRuns({ metadata: { [REQUEST_ID_KEY]: requestId }, limit: 100, ...(cursor !== undefined && { cursor }) }, signal);
        const mine = runs.find((r) => r.metadata?.[REQUEST_ID_KEY] === requestId);
        if (mine !== undefined)
            return mine;
        cursor = page_info?.has_next_page ? page_info.next_cursor : undefined;
        if (cursor === undefined || cursor === '')
            return undefined;
    }
    throw new Error(`no run carries ${REQUEST_ID_KEY}=${requestId} in the first ${MAX_LOOKUP_PAGES} pages of runs, and there are more`);
}
async function lookUpLostCreate(client, requestId, cause, signal) {
    try {
        return await findRunByRequestId(client, requestId, signal);
    }
    catch (error) {
        if (signal?.aborted)
            throw error;
        throw new LostCreateError(`The answer to creating the run was lost (${cause.message}), and looking for the run by its metadata ` +
            `${REQUEST_ID_KEY}=${requestId} failed (${error.message}). Not retrying, so as not to start a second agent: ` +
            `check Oz for a run with that metadata before trying again.`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/run/existing.ts


/** The existing run the settings name does not exist (404): nothing was started, so there is nothing to cancel. */
class RunNotFoundError extends Error {
    name = 'RunNotFoundError';
    runId;
    constructor(runId) {
        super(`Oz run '${runId}' was not found. No run was started or cancelled.`);
        this.runId = runId;
    }
}
/**
 * Reads the existing run the settings name before anything else is done with it. A 404 throws
 * RunNotFoundError (each front end says which of its settings to check); other errors go through.
 */
async function readExistingRun(client, runId, signal) {
    try {
        return await raceAbort(client.getRun(runId, signal), signal);
    }
    catch (error) {
        if (isApiError(error) && error.status === 404) {
            throw new RunNotFoundError(runId);
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/run/followup.ts



/** A follow-up whose delivery is unknown and could not be checked: sending it again could deliver it twice. */
class LostFollowupError extends Error {
    name = 'LostFollowupError';
}
/**
 * Whether the run has moved on since `before` was read: a live state, or a later `updated_at`. After a
 * follow-up, that is how to tell it arrived, and when a terminal state read is the new end.
 */
function movedOn(run, before) {
    if (!isTerminal(run.state))
        return true;
    const [now, then] = [Date.parse(run.updated_at ?? ''), Date.parse(before.updated_at ?? '')];
    // As instants, not strings: the same moment can be written with other precision or offsets.
    return !Number.isNaN(now) && !Number.isNaN(then) && now > then;
}
/** Whether the first line of `message` is a user message of the conversation after `since`. */
function inConversation(conversation, message, since) {
    const asked = message.trim().split('\n')[0].trim();
    const messages = conversation.steps.flatMap((step) => step.messages ?? []).slice(since);
    return messages.some((m) => m.role === 'user' && (m.content ?? []).some((b) => b.type === 'text' && typeof b.text === 'string' && b.text.includes(asked)));
}
/**
 * One look for a follow-up whose answer was lost: arrived (the run moved on, or the conversation holds
 * it), absent (the conversation is readable and does not hold it), or unknown.
 */
async function lookForFollowup(client, runId, message, before, since, signal) {
    const run = await client.getRun(runId, signal).catch(() => undefined);
    if (run !== undefined && movedOn(run, before))
        return 'arrived';
    if (since === undefined)
        return 'unknown';
    const conversation = await client.getConversation(runId, signal).catch(() => undefined);
    if (conversation === undefined)
        return 'unknown';
    return inConversation(conversation, message, since) ? 'arrived' : 'absent';
}
/**
 * After a lost answer: looks for the follow-up for `windowMs`, since a run may show an accepted one
 * only a little later. Resolves true when it arrived; false only when every look at the conversation
 * showed it absent for the whole window, so that sending it again is safe; otherwise throws
 * LostFollowupError rather than risk asking the agent twice.
 */
async function settleLostFollowup(client, runId, message, before, lost, options, signal) {
    const deadline = Date.now() + (options.windowMs ?? 30_000);
    let couldTell = true;
    for (;;) {
        const look = await lookForFollowup(client, runId, message, before, options.since, signal);
        if (look === 'arrived')
            return true;
        if (look === 'unknown')
            couldTell = false;
        if (Date.now() >= deadline)
            break;
        await sleep(Math.min(options.everyMs ?? 2000, Math.max(0, deadline - Date.now())), signal);
    }
    if (couldTell)
        return false;
    throw new LostFollowupError(`The answer to the follow-up was lost (${lost.message}), and reading the run did not show whether it arrived. ` +
        'Not sending it again, so as not to deliver it twice.');
}
/**
 * Sends `message` to a run once. `POST /followups` has no idempotency key: when an answer is lost, the
 * run (and its conversation) is read until the follow-up shows up, for a while, before anything is
 * sent again (see settleLostFollowup). Returns the run as it was before, to tell its new end from the
 * old one.
 */
async function sendFollowupOnce(client, runId, message, signal, 
/** The run as just read, when the caller has read it already. */
known, pickup = {}) {
    const before = known ?? (await raceAbort(client.getRun(runId, signal), signal));
    let uncertain;
    await client.withRetry(`POST /agent/runs/${runId}/followups`, async () => {
        if (uncertain !== undefined && (await settleLostFollowup(client, runId, message, before, uncertain, pickup, signal)))
            return;
        try {
            await raceAbort(client.followupOnce(runId, { message }, signal), signal);
        }
        catch (error) {
            if (mayHaveCreated(error))
                uncertain = error;
            throw error;
        }
    }, signal, (error) => !(error instanceof Error && error.name === 'LostFollowupError') && isRetryable(error));
    return before;
}

;// CONCATENATED MODULE: ./src/run/outcome.ts


/** The one word for a result: a SUCCEEDED run whose structured output is missing or invalid is `invalid_output`. */
function verdict(result) {
    const { outcome } = result;
    switch (outcome.kind) {
        case 'ended':
            if (outcome.state !== 'SUCCEEDED')
                return 'failed';
            return result.structured !== undefined && !result.structured.ok ? 'invalid_output' : 'succeeded';
        case 'started':
            return 'started';
        case 'stopped':
            return outcome.reason;
        case 'error':
            return 'error';
        case 'not-started':
            return 'not_started';
        case 'over-budget':
            return 'budget_exceeded';
    }
}
/** Whether a cleanup leaves nothing for a later step to do: the run is cancelled, had ended, or is meant to go on. */
function settles(cleanup) {
    switch (cleanup.kind) {
        case 'cancel':
            return cancelSettles(cleanup.cancel);
        case 'nothing-to-cancel':
        case 'left-running':
            return true;
        default:
            return false;
    }
}
/**
 * The one place the outcome and `settled` (whether the post step has a run left to cancel) come
 * from, given what the phases found. A run last read in a terminal state is settled whatever came
 * before. Stopped before the create answered (or the follow-up was sent), a run may yet appear: only
 * one found and dealt with by its request id is settled; one left by the settings is the post step's
 * to look at, as one never looked for.
 */
function conclude(found) {
    const ended = isTerminal(found.run?.state);
    switch (found.kind) {
        case 'not-started':
            return { outcome: { kind: 'not-started', problems: found.problems }, settled: true };
        case 'left-running':
            return { outcome: { kind: 'started' }, settled: true };
        case 'ended':
            return { outcome: { kind: 'ended', state: found.run.state }, settled: true };
        case 'over-budget':
            return {
                outcome: { kind: 'over-budget', budget: found.budget, cancel: found.cancel },
                settled: cancelSettles(found.cancel) || ended,
            };
        case 'stopped': {
            const { reason, phase, cleanup } = found;
            const handling = cleanup.kind === 'not-found' || cleanup.kind === 'nothing-sent' ? { kind: 'nothing-to-cancel' } : cleanup;
            const dealtWith = phase === 'watch' || cleanup.kind !== 'left-running';
            return { outcome: { kind: 'stopped', reason, phase, handling }, settled: (dealtWith && settles(cleanup)) || ended };
        }
        case 'failed':
            return { outcome: { kind: 'error', error: found.error }, settled: (found.cleanup !== undefined && settles(found.cleanup)) || ended };
    }
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
function titleFromPrompt(prompt) {
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
async function checkSchema(schema) {
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
function targetOf(settings) {
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

;// CONCATENATED MODULE: ./src/run/settle.ts




/**
 * Cancels a run that was left live, shared by the lifecycle (stopped by the deadline or a signal) and
 * the post step (the main step was killed). A run known only by its request id is looked up by it:
 * only a run that carries this request id is ours, never another. An ended run is not cancelled.
 * Never throws; a look-up that fails is `unknown` (the run may be running).
 */
async function settleLeftRun(client, left, options) {
    const deadline = AbortSignal.timeout(options.budgetMs);
    const startedAt = Date.now();
    let run = left.run;
    let runId = left.runId;
    try {
        if (runId === undefined && left.requestId !== undefined) {
            run = await raceAbort(findRunByRequestId(client, left.requestId, deadline), deadline);
            if (run === undefined)
                return { handling: { kind: 'not-found' } };
            runId = run.run_id;
            options.onRunId?.(runId);
        }
        if (runId === undefined)
            return { handling: { kind: 'not-found' } };
        if (run === undefined && !left.live)
            run = await raceAbort(client.getRun(runId, deadline), deadline);
    }
    catch (error) {
        return { ...(runId !== undefined && { runId }), handling: { kind: 'unknown', error: error } };
    }
    if (run !== undefined && isTerminal(run.state))
        return { run, runId, handling: { kind: 'nothing-to-cancel' } };
    if (run !== undefined)
        options.onLive?.(run);
    const remaining = Math.max(1000, options.budgetMs - (Date.now() - startedAt));
    const cancel = await cancelRun(client, runId, remaining);
    // One quick read so the outputs show the state after the cancel; the state before stays otherwise.
    const readAfter = AbortSignal.timeout(Math.min(remaining, options.readAfterMs ?? 3000));
    const after = await raceAbort(client.getRun(runId, readAfter), readAfter).catch(() => run);
    return { ...(after && { run: after }), runId, handling: { kind: 'cancel', cancel } };
}

;// CONCATENATED MODULE: ./src/threads/run.ts


/** Statuses that say the run is not there for this key, whatever the reason. */
const GONE = [403, 404, 410];
/**
 * Reads the thread's run and checks it is this thread's. Returns the run, or why a new one must start
 * instead; other failures (a network error, a 5xx after retries) are thrown as from any read.
 */
async function readThreadRun(client, runId, thread, signal) {
    let run;
    try {
        run = await raceAbort(client.getRun(runId, signal), signal);
    }
    catch (error) {
        if (isApiError(error) && GONE.includes(error.status))
            return { restart: { from: runId, reason: 'gone', detail: error.message } };
        throw error;
    }
    const differ = Object.entries(thread.owner).filter(([key, value]) => run.metadata?.[key] !== value);
    if (differ.length === 0)
        return { run };
    const detail = differ
        .map(([key, value]) => `${key} is ${run.metadata?.[key] === undefined ? 'missing' : JSON.stringify(run.metadata[key])}, not ${JSON.stringify(value)}`)
        .join('; ');
    return { restart: { from: runId, reason: 'not-this-thread', detail } };
}
/** A follow-up refused because the run's session is no longer kept: the request must go to a new run. */
function isSessionGone(error) {
    return isApiError(error) && error.status === 410;
}

;// CONCATENATED MODULE: ./src/run/turn.ts
const turn_text = (value) => (typeof value === 'string' && value !== '' ? value : undefined);
/**
 * What makes an artifact the same one on two reads of a run: its uid (FILE, SCREENSHOT, PLAN), or its
 * URL (a pull request, an external reference). A pull request that a follow-up pushed to again has
 * the same URL, so it is the earlier turn's, not a new one. Anything else, by its whole content.
 */
function artifactKey(artifact) {
    const data = artifact.data ?? {};
    const type = String(artifact.artifact_type);
    const id = type === 'PULL_REQUEST' || type === 'EXTERNAL_REFERENCE'
        ? turn_text(data.url)
        : (turn_text(data.artifact_uid) ?? turn_text(data.document_uid) ?? (type === 'PLAN' ? turn_text(data.url) : undefined));
    return id !== undefined ? `${type} ${id}` : `${type} ${JSON.stringify(data)}`;
}
/**
 * Splits the run's artifacts into this request's and earlier turns', `before` being the run as read
 * before the follow-up was sent (undefined for a new run or a watch: all of them are its own).
 *
 * By identity, not by time: `created_at` is the server's clock and the runner's differs from it, and an
 * artifact of the last turn can be listed a little after that turn ended, so no instant taken here
 * separates the turns reliably. What the run listed before the follow-up went is known exactly.
 */
function artifactsOfTurn(run, before) {
    if (before === undefined)
        return { artifacts: run?.artifacts ?? [], earlier: [] };
    const turn = artifactsBesides(run, (before.artifacts ?? []).map(artifactKey));
    // As read before when the last read listed none (it may not have been read again).
    return (run?.artifacts ?? []).length > 0 ? turn : { ...turn, earlier: before.artifacts ?? [] };
}
/**
 * The same split from the keys (artifactKey) of the artifacts the run had before the follow-up: what a
 * later step (the post step) knows of that run, from what the step that sent the follow-up saved.
 */
function artifactsBesides(run, earlierKeys) {
    const seen = new Set(earlierKeys);
    const all = run?.artifacts ?? [];
    return {
        artifacts: all.filter((artifact) => !seen.has(artifactKey(artifact))),
        earlier: all.filter((artifact) => seen.has(artifactKey(artifact))),
    };
}

;// CONCATENATED MODULE: ./src/run/stop.ts
/** The reason an abort signal carries when the step or CLI is stopped. */
class StopSignal extends Error {
    name = 'StopSignal';
    reason;
    constructor(reason) {
        super(reason === 'timeout' ? 'timed out' : 'cancelled');
        this.reason = reason;
    }
}
/** The stop reason an aborted signal carries ('cancelled' for any other abort). */
function stopReason(signal) {
    return isStopSignal(signal.reason) ? signal.reason.reason : 'cancelled';
}
/** The longest delay one timer holds (2^31 - 1 ms, about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;
/**
 * Calls `action` at the time `at` (ms since the epoch), however far off: a deadline beyond what one
 * timer holds is reached through a chain of timers. Returns a function that cancels it.
 */
function atDeadline(at, action) {
    let timer;
    const arm = () => {
        const remaining = at - Date.now();
        if (remaining <= 0) {
            action();
            return;
        }
        timer = setTimeout(arm, Math.min(remaining, MAX_TIMER_MS));
    };
    arm();
    return () => clearTimeout(timer);
}
/**
 * One stop for a whole run: SIGINT and SIGTERM (the runner's cancellation, Ctrl-C, a CI system's
 * kill) and the deadline `timeoutMs` from now. `onSignal` is told once, when a signal arrives.
 */
function stopOnSignalsAndDeadline(timeoutMs, onSignal) {
    const controller = new AbortController();
    let received;
    const handler = (signal) => {
        if (controller.signal.aborted)
            return;
        received = signal;
        onSignal?.(signal);
        controller.abort(new StopSignal('cancelled'));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    const cancelDeadline = atDeadline(Date.now() + timeoutMs, () => controller.abort(new StopSignal('timeout')));
    return {
        signal: controller.signal,
        received: () => received,
        dispose: () => {
            cancelDeadline();
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        },
    };
}
/** Whether `error` is a StopSignal, by its name: `instanceof` fails across bundle files. */
function isStopSignal(error) {
    return error instanceof Error && error.name === 'StopSignal' && 'reason' in error;
}

;// CONCATENATED MODULE: ./src/run/watch.ts




/**
 * Pauses between reads of a run: starts at `minMs`, grows by `factor` towards `maxMs`. Each pause is
 * drawn at random from ±20% around that, within [minMs, maxMs]: the jitter is applied after the
 * bounds, so steps started together drift apart instead of all waiting exactly `minMs` or `maxMs`.
 * `reset()` goes back to the short pause.
 */
class PollSchedule {
    step = 0;
    minMs;
    maxMs;
    factor;
    random;
    constructor(minMs, maxMs, random = Math.random, factor = 1.5) {
        this.minMs = minMs;
        this.maxMs = maxMs;
        this.random = random;
        this.factor = factor;
    }
    next() {
        const base = Math.min(this.maxMs, this.minMs * this.factor ** this.step);
        this.step += 1;
        const low = Math.max(this.minMs, base * 0.8);
        const high = Math.min(this.maxMs, base * 1.2);
        return Math.round(low + (high - low) * this.random());
    }
    reset() {
        this.step = 0;
    }
}
/**
 * Reads the run until it reaches a terminal state or the signal stops it. Transient read failures
 * (after the client's own retries, bad bodies included) are reported and polling goes on; a final one
 * (401, 404...) ends the watch with `failed`, keeping the last run read.
 */
async function watchRun(options) {
    const { client, runId, schedule, signal } = options;
    const seenUnknown = new Set();
    let run;
    for (;;) {
        if (signal.aborted)
            return { ...(run && { run }), stopped: stopReason(signal) };
        try {
            const next = await raceAbort(client.getRun(runId, signal), signal);
            const previous = run?.state;
            run = next;
            if (next.state !== previous) {
                schedule.reset();
                if (!isDocumentedState(next.state) && !seenUnknown.has(next.state)) {
                    seenUnknown.add(next.state);
                    options.onUnknownState?.(next.state);
                }
                options.onStateChange?.(next, previous);
            }
            if (options.isNewEnd !== undefined && !options.isNewEnd(next)) {
                // The run has not picked up the follow-up yet: this end is the old one.
            }
            else if (isTerminal(next.state)) {
                const graceMs = options.artifactGraceMs ?? DEFAULT_ARTIFACT_GRACE_MS;
                const has = options.hasArtifacts ?? ((r) => (r.artifacts ?? []).length > 0);
                if (next.state === 'SUCCEEDED' && !has(next) && graceMs > 0) {
                    run = await rereadForArtifacts(client, next, graceMs, signal, has);
                }
                return { run };
            }
            await options.onLiveRead?.(next).catch(() => { });
        }
        catch (error) {
            if (signal.aborted)
                return { ...(run && { run }), stopped: stopReason(signal) };
            if (!isRetryable(error))
                return { ...(run && { run }), failed: error };
            options.onReadError?.(error);
        }
        try {
            await sleep(schedule.next(), signal);
        }
        catch {
            return { ...(run && { run }), stopped: stopReason(signal) };
        }
    }
}
const DEFAULT_ARTIFACT_GRACE_MS = 6000;
/** Re-reads an ended run a few times over `graceMs` (at a third of it, two thirds, and the end) until it has artifacts. */
async function rereadForArtifacts(client, run, graceMs, signal, has) {
    let latest = run;
    for (let i = 0; i < 3; i++) {
        try {
            await sleep(graceMs / 3, signal);
            const again = await raceAbort(client.getRun(run.run_id, signal), signal);
            if (!isTerminal(again.state))
                return latest;
            latest = again;
            if (has(again))
                return again;
        }
        catch {
            // The run has ended; a failed second look only means fewer artifacts in the report.
            return latest;
        }
    }
    return latest;
}

;// CONCATENATED MODULE: ./src/run/lifecycle.ts

















/**
 * The whole trustworthy loop, shared by the action and the CLI: create exactly one run (or pick up the
 * plan's run), watch it to its end within `stop` (timeout and signals), cancel it when stopped (unless
 * the settings say not to) or when following it fails, and return what happened as facts. Never throws.
 * Each phase returns what it found; `conclude` derives the outcome and whether the run was settled.
 */
async function startAndWatch(client, plan, metadata, stop, events, options = {}) {
    const life = lifecycle(client, plan.settings, stop, events, options);
    let begun;
    let found;
    try {
        const refused = plan.target.kind === 'create' ? await checkBeforeCreate(life, plan.target.request) : undefined;
        if (refused !== undefined)
            return { ...conclude(refused) };
        begun = await begin(life, plan, metadata);
        found = plan.settings.wait ? await follow(life, begun) : await leaveRunning(life, begun);
    }
    catch (error) {
        found = isStopSignal(error) ? await stoppedBeforeCreated(life, error.reason) : await failed(life, error, undefined);
    }
    const { run } = found;
    const { runId, restarted } = life.trail;
    const turn = run === undefined ? undefined : artifactsOfTurn(run, begun?.followedUpFrom);
    const work = runId !== undefined ? await whatTheAgentDid(life, run, turn?.artifacts, begun?.answerStart) : {};
    return {
        ...conclude(found),
        ...(run !== undefined && { run }),
        ...(runId !== undefined && { runId }),
        ...(begun?.followedUpFrom !== undefined && { followedUp: true }),
        ...(turn !== undefined && { artifacts: turn.artifacts }),
        ...(turn !== undefined && begun?.followedUpFrom !== undefined && { earlierArtifacts: turn.earlier }),
        ...(restarted !== undefined && { restarted }),
        ...work,
        ...(mayExist(found, life.trail) && { mayExist: true }),
    };
}
/** The lifecycle's parts; the conversation's reader is made on first use, once the run is known. */
function lifecycle(client, settings, stop, events, options) {
    let reader;
    const trail = {};
    return {
        client,
        settings,
        stop,
        events,
        options,
        startedAt: options.startedAt ?? Date.now(),
        trail,
        conversation: () => {
            const runId = trail.runId;
            return (reader ??= Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 126, 23)).then(({ ConversationWatcher }) => new ConversationWatcher(client, runId, options.conversationIntervalMs ?? 60_000, events.debug ?? (() => { }), options.firstConversationReadMs)));
        },
        forget: () => {
            reader = undefined;
        },
    };
}
/** A create whose answer was lost (or was stopped before it came) may have started a run that was never found. */
function mayExist(found, trail) {
    if (trail.requestId === undefined || trail.runId !== undefined)
        return false;
    return (found.kind === 'stopped' && found.phase !== 'watch') || (found.kind === 'failed' && isLostCreate(found.error));
}
/** The run this lifecycle follows is known: kept for the phases after, and told to the front end. */
function learnRunId(life, runId) {
    life.trail.runId = runId;
    life.events.runId?.(runId);
}
/** Creates the run, sends the follow-up, or picks up the run to watch. */
async function begin(life, plan, metadata) {
    const { client, events, stop, settings } = life;
    const target = asSent(plan.target, settings.outputSchema);
    if (target.kind === 'create')
        return create(life, target.request, metadata);
    const { runId } = target;
    // A thread's run is checked before anything is sent to it: still there, and this thread's. Any other
    // run that does not exist is a mistake in the settings: found before it is taken as ours to watch or cancel.
    const checked = target.kind === 'follow-up' && target.thread ? await readThreadRun(client, runId, target.thread, stop) : undefined;
    if (checked && 'restart' in checked)
        return restart(life, plan, checked.restart, metadata);
    const existing = checked?.run ?? (await readExistingRun(client, runId, stop));
    learnRunId(life, runId);
    if (target.kind === 'watch') {
        events.notice({ kind: 'watching', runId });
        return { runId, startState: '' };
    }
    // What the agent said before this follow-up is not its answer, nor news: read it first, to take only what comes after.
    const reader = await life.conversation();
    await reader.poll(stop, true);
    const answerStart = reader.answerStart(target.message);
    let followedUpFrom;
    try {
        followedUpFrom = await sendFollowupOnce(client, runId, target.message, stop, existing, {
            ...(answerStart && 'messages' in answerStart && { since: answerStart.messages }),
            ...(life.options.followupPickupMs !== undefined && { windowMs: life.options.followupPickupMs }),
        });
    }
    catch (error) {
        if (target.thread === undefined || !isSessionGone(error))
            throw error;
        return restart(life, plan, { from: runId, reason: 'session-gone', detail: error.message }, metadata);
    }
    events.notice({ kind: 'followed-up', runId, state: followedUpFrom.state });
    events.followedUp?.(followedUpFrom);
    return { runId, startState: '', followedUpFrom, ...(answerStart !== undefined && { answerStart }) };
}
/** Creates exactly one run for the request (its text as sent), tagged with a new request id. */
async function create(life, request, metadata) {
    const { client, events, stop } = life;
    const requestId = (life.trail.requestId = (0,external_node_crypto_namespaceObject.randomUUID)());
    events.requestId?.(requestId);
    const created = await createRunExactlyOnce(client, { ...request, metadata }, requestId, stop);
    learnRunId(life, created.runId);
    events.notice({ kind: 'created', runId: created.runId, state: created.state, adopted: created.adopted });
    events.progress?.({ run_id: created.runId, state: created.state, ...(request.title && { title: request.title }) });
    return { runId: created.runId, startState: created.state };
}
/** The thread's run cannot take the request: a new run does (its prompt as sent), and the front end says why. */
function restart(life, plan, why, metadata) {
    const thread = plan.target.kind === 'follow-up' ? plan.target.thread : undefined;
    life.trail.restarted = why;
    life.events.restarted?.(why);
    life.forget();
    const fresh = asSent({ kind: 'create', request: thread.fresh }, life.settings.outputSchema);
    return create(life, fresh.kind === 'create' ? fresh.request : thread.fresh, metadata);
}
/** Not waiting: the run goes on; one read fills the outputs. */
async function leaveRunning(life, begun) {
    try {
        const run = await raceAbort(life.client.getRun(begun.runId, life.stop), life.stop);
        if (run.session_link)
            life.events.sessionLink?.(run.session_link);
        return { kind: 'left-running', run };
    }
    catch (error) {
        // The run exists and is meant to go on: a failed read only leaves some outputs empty.
        life.events.notice({ kind: 'read-failed', runId: begun.runId, error: error, stillWatching: false });
        return { kind: 'left-running', run: { run_id: begun.runId, state: begun.startState } };
    }
}
/** Watches the run to its end (or the stop), then settles it when stopped. */
async function follow(life, begun) {
    const budget = life.settings.maxCredits === undefined ? undefined : new Budget(life.settings.maxCredits);
    const watched = await watch(life, begun, budget);
    if (budget?.exceeded)
        return stopForBudget(life, begun.runId, budget, watched.run);
    if (watched.failed)
        return failed(life, watched.failed, watched.run);
    if (!watched.stopped)
        return { kind: 'ended', run: watched.run };
    const { cleanup, run } = await settleStopped(life, watched.stopped, { runId: begun.runId, live: true });
    const last = run ?? watched.run;
    return { kind: 'stopped', reason: watched.stopped, phase: 'watch', cleanup, ...(last !== undefined && { run: last }) };
}
/** Reads the run until it ends, telling state changes and (with progress on) what the agent does. */
function watch(life, begun, budget) {
    const { client, settings, events, options, startedAt, stop } = life;
    const id = begun.runId;
    let linkShown = false;
    const before = begun.followedUpFrom;
    let picked = false;
    return watchRun({
        client,
        runId: id,
        schedule: new PollSchedule(settings.pollIntervalMs, settings.maxPollIntervalMs, options.random),
        signal: budget ? AbortSignal.any([stop, budget.signal]) : stop,
        ...(options.artifactGraceMs !== undefined && { artifactGraceMs: options.artifactGraceMs }),
        onStateChange: (run, previous) => {
            events.stateChange?.(run, previous, Date.now() - startedAt);
            events.progress?.(run);
            if (!linkShown && run.session_link) {
                linkShown = true;
                events.sessionLink?.(run.session_link);
            }
        },
        onUnknownState: (state) => events.notice({ kind: 'unknown-state', state }),
        onReadError: (error) => events.notice({ kind: 'read-failed', runId: id, error, stillWatching: true }),
        // After a follow-up, an end read before the run picked it up is the old end: keep watching.
        ...(before !== undefined && {
            isNewEnd: (run) => (picked ||= movedOn(run, before)),
            // The follow-up's own artifacts may come a little after its end, as a new run's do: earlier turns' do not count.
            hasArtifacts: (run) => artifactsOfTurn(run, before).artifacts.length > 0,
        }),
        // While the agent works, what it does, from its conversation (at most once per interval).
        ...((events.activity !== undefined || budget) && {
            // Beside the watch, never in its way: a read that hangs cannot delay a state read, the timeout or a signal.
            onLiveRead: (run) => {
                budget?.check(run);
                if (events.activity !== undefined && run.state !== 'QUEUED' && run.state !== 'PENDING') {
                    const onItems = (items) => {
                        for (const item of items)
                            events.activity?.(item.line, Date.now() - startedAt);
                    };
                    void life.conversation().then((reader) => reader.pollInBackground(stop, onItems), (error) => events.debug?.(`Could not load the conversation reader: ${error.message}`));
                }
                return Promise.resolve();
            },
        }),
    });
}
/** The time a cancel may take: short after a signal (the runner kills the step soon), longer after the timeout. */
function cancelBudget(life, reason) {
    return reason === 'timeout' ? (life.options.timeoutCancelBudgetMs ?? 30_000) : (life.options.signalCancelBudgetMs ?? 5000);
}
/** Cancels a stopped run unless the settings say to leave it; returns what was done, and the run as last read. */
async function settleStopped(life, reason, left) {
    if (!life.settings.cancelOnAbort)
        return { cleanup: { kind: 'left-running' } };
    const settled = await settleLeftRun(life.client, left, {
        budgetMs: cancelBudget(life, reason),
        onRunId: (id) => learnRunId(life, id),
    });
    const { handling } = settled;
    if (handling.kind === 'cancel')
        life.events.notice({ kind: 'cancel', runId: settled.runId, cancel: handling.cancel });
    if (handling.kind === 'unknown')
        life.events.notice({ kind: 'create-unknown', error: handling.error });
    return { cleanup: handling, ...(settled.run !== undefined && { run: settled.run }) };
}
/** Stopped before the create answered: the run may exist, so it is looked up by its request id and cancelled. */
async function stoppedBeforeCreated(life, reason) {
    const { requestId } = life.trail;
    const phase = life.settings.create || requestId !== undefined ? 'create' : 'follow-up';
    if (requestId === undefined)
        return { kind: 'stopped', reason, phase, cleanup: { kind: 'nothing-sent' } };
    const { cleanup, run } = await settleStopped(life, reason, { requestId });
    return { kind: 'stopped', reason, phase, cleanup, ...(run !== undefined && { run }) };
}
/** Following the run failed while it may still be live: do not leave an agent behind. */
async function failed(life, error, run) {
    const { settings, client, events, trail } = life;
    const last = run === undefined ? {} : { run };
    if (isLostCreate(error) && trail.requestId !== undefined)
        return { kind: 'failed', error, ...(await settleLostCreate(life, trail.requestId)) };
    if (trail.runId && !isTerminal(run?.state) && settings.cancelOnAbort && settings.wait) {
        const cancel = await cancelRun(client, trail.runId, life.options.timeoutCancelBudgetMs ?? 30_000);
        events.notice({ kind: 'cancel', runId: trail.runId, cancel });
        return { kind: 'failed', error, cleanup: { kind: 'cancel', cancel }, ...last };
    }
    return { kind: 'failed', error, ...last };
}
/**
 * A create whose answer was lost and whose look-up failed: the run may exist. One more look (the API
 * may have recovered), and a cancel when it is found; otherwise the front end hears that a run may exist.
 */
async function settleLostCreate(life, requestId) {
    const settled = life.settings.cancelOnAbort ? await settleStopped(life, 'timeout', { requestId }) : {};
    if (life.trail.runId === undefined)
        life.events.notice({ kind: 'may-exist', requestId });
    return settled;
}
/** The budget was passed: cancel the run (whatever the settings say of stops: it is what the budget is for). */
async function stopForBudget(life, id, budget, last) {
    const budgetMs = life.options.timeoutCancelBudgetMs ?? 30_000;
    const cancel = await cancelRun(life.client, id, budgetMs);
    life.events.notice({ kind: 'cancel', runId: id, cancel });
    const quick = AbortSignal.timeout(Math.min(budgetMs, 3000));
    // The run as last read stays when the read after the cancel fails.
    const run = await raceAbort(life.client.getRun(id, quick), quick).catch(() => last);
    return { kind: 'over-budget', budget, cancel, ...(run !== undefined && { run }) };
}
/**
 * The catalogue check before a create (preflight), loaded only when it has something to check.
 * Returns what it found when that is a reason not to start the run.
 */
async function checkBeforeCreate(life, create) {
    const needed = create.config?.model_id !== undefined ||
        create.config?.environment_id !== undefined ||
        /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+:/.test(create.skill ?? '');
    if (life.settings.preflight === false || !needed)
        return undefined;
    const { preflight } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 775, 23));
    const setting = life.options.setting ?? ((key) => key);
    const found = await preflight(life.client, create, (name) => setting(name), life.stop);
    for (const note of found.notes)
        life.events.debug?.(note);
    for (const warning of found.warnings)
        life.events.warning(warning);
    return found.problems.length === 0 ? undefined : { kind: 'not-started', problems: found.problems };
}
/** Long enough for a few reads with retries; the run has ended (or been left) by now. */
const AFTER_RUN_BUDGET_MS = 60_000;
/** After a stop (timeout or signal) the step is expected to end within a few seconds: one quick look. */
const AFTER_STOP_BUDGET_MS = 3000;
/**
 * After the run: its final answer (also when it failed), the rest of its activity, the structured
 * output checked against the output schema, and its files saved in the artifacts folder. None of it can
 * hang the step: each part is bounded, and a failure is a warning.
 */
async function whatTheAgentDid(life, run, artifacts, answerStart) {
    const { settings, events, client, options, startedAt } = life;
    // A stop that comes now (the run has ended) aborts what is in flight; after one, there is only a quick look.
    const deadline = life.stop.aborted
        ? AbortSignal.timeout(AFTER_STOP_BUDGET_MS)
        : AbortSignal.any([life.stop, AbortSignal.timeout(AFTER_RUN_BUDGET_MS)]);
    const { finalAnswer, saveArtifacts } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 126, 23));
    const reader = await life.conversation();
    const items = await raceAbort(reader.poll(deadline, true), deadline).catch(() => []);
    for (const item of items)
        events.activity?.(item.line, Date.now() - startedAt);
    const agentOutput = finalAnswer(reader.latest, answerStart);
    const ended = isTerminal(run?.state);
    const structured = settings.outputSchema !== undefined && ended ? await structuredOutput(agentOutput, settings.outputSchema) : undefined;
    const work = {
        agentOutput,
        ...(settings.outputFormat === 'json' && reader.latest !== undefined && { conversation: reader.latest }),
        ...(structured !== undefined && { structured }),
    };
    if (settings.artifactsPath === undefined || !ended)
        return work;
    // Only this request's: a follow-up does not save again the files an earlier turn made.
    const written = await saveArtifacts(client, artifacts ?? [], settings.artifactsPath, {
        userAgent: options.userAgent ?? 'oz-agent-action',
        signal: deadline,
        warn: events.warning,
    }).catch((error) => {
        events.notice({ kind: 'save-failed', error: error });
        return [];
    });
    const workspace = options.workspace ?? process.cwd();
    return { ...work, downloadedFiles: written.map((file) => (0,external_node_path_namespaceObject.relative)(workspace, file).split('\\').join('/')) };
}

;// CONCATENATED MODULE: ./src/front/words.ts


/** An error's message as the first part of a sentence that goes on: without its own final full stop (no "..."). */
function clause(message) {
    return (message ?? '').replace(/\.$/, '');
}
const words_info = (text) => ({ warning: false, text });
const warning = (text) => ({ warning: true, text });
/** What came of a cancel, for the log. */
function cancelLine(runId, result) {
    switch (result.outcome) {
        case 'cancelled':
            return words_info(`Cancelled Oz run ${runId}.`);
        case 'already-ended':
            return words_info(`Oz run ${runId} had already ended; nothing to cancel.`);
        case 'not-cancellable':
            // Seen with self-hosted runs (the SDK documents a 422 for them): say it as it is, not as a glitch.
            return warning(`Oz refused to cancel run ${runId}: it cannot be cancelled through the API (${result.error?.message}). ` +
                'Runs on a self-hosted worker may refuse a cancel. It may keep running: stop it from Oz or from its worker.');
        case 'failed':
            return warning(`Could not cancel Oz run ${runId}: ${clause(result.error?.message)}. It may keep running.`);
    }
}
/** A fact the lifecycle told, as a log line. */
function noticeLine(notice, words) {
    switch (notice.kind) {
        case 'created':
            return words_info(`Created Oz run ${notice.runId} (${notice.state})${notice.adopted ? ', found again after its create answer was lost' : ''}.`);
        case 'followed-up':
            return words_info(`Sent a follow-up to Oz run ${notice.runId} (${notice.state}); watching it to its new end.`);
        case 'watching':
            return words_info(`Watching existing Oz run ${notice.runId}.`);
        case 'cancel':
            return cancelLine(notice.runId, notice.cancel);
        case 'unknown-state':
            return warning(`Oz reported the state ${notice.state}, which ${words.self} does not know yet; treating it as still running.`);
        case 'read-failed':
            return warning(`Could not read Oz run ${notice.runId}: ${notice.stillWatching ? `${clause(notice.error.message)}. Still watching.` : notice.error.message}`);
        case 'create-unknown':
            return warning(`Could not check whether the unanswered create started a run: ${clause(notice.error.message)}. It may be running.`);
        case 'save-failed':
            return warning(`Could not save the run's files: ${notice.error.message}`);
        case 'may-exist':
            return warning(`A run may have been started and was not found: look for the metadata ${REQUEST_ID_KEY}=${notice.requestId} in Oz.`);
    }
}
/** What came of the cancel, as the end of a sentence ("..., so the run was cancelled"). */
function cancelNote(cancel) {
    if (cancel.outcome === 'cancelled')
        return 'the run was cancelled';
    if (cancel.outcome === 'not-cancellable')
        return 'a cancel was sent, and Oz refused it: the run may keep running';
    return `the run was not cancelled (${cancel.outcome})`;
}
/** What was done about a run stopped while it was watched, after `why`. */
function afterStop(why, handling, words) {
    switch (handling.kind) {
        case 'left-running':
            return `${why}; ${words.off('cancelOnAbort')}, so the run was left running.`;
        case 'cancel':
            return `${why}, so ${cancelNote(handling.cancel)}.`;
        case 'nothing-to-cancel':
            return `${why}.`;
        case 'unknown':
            return `${why}; it may still be running.`;
    }
}
/** The one sentence on a result for the summary and the failure message; undefined when the state says it all. */
function outcomeNote(result, settings, words) {
    const { outcome } = result;
    switch (outcome.kind) {
        case 'started':
            return `${words.off('wait')}: the run goes on after this step. Watch it in another step with ${words.setting('runId')}.`;
        case 'error':
            if (outcome.error.name === 'RunNotFoundError') {
                return `Oz run '${outcome.error.runId}' was not found: check ${words.setting('runId')}, which must be the id of a run this API key can read (the run_id output of the step that started it). No run was started or cancelled.`;
            }
            return outcome.error.message;
        case 'stopped':
            if (outcome.phase !== 'watch') {
                // Stopped before the watch: while creating the run, or before a follow-up to an existing one was sent.
                const created = outcome.phase === 'create';
                return outcome.reason === 'timeout'
                    ? `The run could not be ${created ? 'created' : 'followed up'} within ${words.setting('timeoutMinutes')}.`
                    : `${words.cancellation} before ${created ? 'the run was created' : 'the follow-up was sent'}.`;
            }
            return afterStop(outcome.reason === 'timeout'
                ? `The run did not end within ${words.setting('timeoutMinutes')} (${settings.timeoutMs / 60_000})`
                : words.cancellation, outcome.handling, words);
        case 'not-started':
            return `Not started: ${outcome.problems.join(' ')} (Checked before the run, a check skipped when ${words.off('preflight')}.)`;
        case 'over-budget':
            return `${outcome.budget.describe(words.setting('maxCredits'))} ${outcome.cancel.outcome === 'cancelled' ? 'The run was cancelled.' : `The run was not cancelled (${outcome.cancel.outcome}).`}`;
        case 'ended':
            if (outcome.state === 'SUCCEEDED' && result.structured !== undefined && !result.structured.ok) {
                return `The run succeeded, but its final answer has no valid structured output: ${result.structured.errors.join('; ')}.`;
            }
            return undefined;
    }
}
/** A result as the report the summary, the comment and the outputs are made from. */
function reportOf(result, settings, words) {
    const { outcome: _outcome, settled: _settled, ...facts } = result;
    const note = outcomeNote(result, settings, words);
    return {
        ...facts,
        outcome: verdict(result),
        ...(note !== undefined && { note }),
        // Only the check before the run ends a run result as not started, after reading the catalogue.
        ...(result.outcome.kind === 'not-started' && { catalogueRead: true }),
    };
}

;// CONCATENATED MODULE: ./src/front/run.ts




/** Writes a line to the front end's log at its level. */
function sayLine(say, line) {
    if (line.warning)
        say.warning(line.text);
    else
        say.info(line.text);
}
/** The API client of a front end: its User-Agent and its words in error hints, retries told as log lines. */
function makeClient(settings, words, info, retry, debug) {
    return new OzClient({
        ...(debug && { onRequest: (record) => debug(`Oz API: ${describeRequest(record)}`) }),
        baseUrl: settings.apiBaseUrl,
        apiKey: settings.apiKey,
        userAgent: words.userAgent,
        names: { apiKey: words.apiKey, apiBaseUrl: words.apiBaseUrl },
        ...(retry && { retry }),
        onRetry: ({ what, attempt, delayMs, error }) => info(`${what}: try ${attempt} failed (${error.message}); trying again in ${(delayMs / 1000).toFixed(1)} s`),
    });
}
/**
 * The one "run with stop handling" of both front ends: a stop on SIGINT, SIGTERM and the timeout, the
 * client, the lifecycle, and the handlers removed afterwards whatever happened. Returns the result and
 * the signal that stopped it, if one did.
 */
async function runWithStopHandling(run) {
    const { plan, words, say } = run;
    const stop = stopOnSignalsAndDeadline(plan.settings.timeoutMs, run.onSignal);
    run.onStop?.(stop.signal);
    try {
        const client = makeClient(plan.settings, words, say.info, run.retry, say.debug);
        const events = {
            ...run.events,
            notice: (notice) => sayLine(say, noticeLine(notice, words)),
            warning: say.warning,
        };
        const result = await startAndWatch(client, plan, run.metadata, stop.signal, events, {
            ...run.options,
            userAgent: words.userAgent,
            setting: words.setting,
        });
        const signal = stop.received();
        return { result, ...(signal && { signal }) };
    }
    finally {
        stop.dispose();
    }
}

;// CONCATENATED MODULE: ./src/settings/files.ts


/**
 * Files named by settings (the prompt file, MCP servers, the output schema) follow one rule: a relative path is
 * taken from the workspace, and an absolute one is read where it is. Only files are read, never
 * written: unlike the artifacts folder, such a path is not confined to the workspace.
 */
function settingPath(value, workspace) {
    return (0,external_node_path_namespaceObject.isAbsolute)(value) ? value : (0,external_node_path_namespaceObject.resolve)(workspace, value);
}
/** Why a file could not be read, in words: a missing file, a folder, no permission. */
function unreadableReason(error, path) {
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
function readSettingFile(label, value, workspace, readFile, expected) {
    const path = settingPath(value, workspace);
    try {
        return readFile(path);
    }
    catch (error) {
        const from = (0,external_node_path_namespaceObject.isAbsolute)(value) ? '' : ` (a relative path is taken from the workspace, ${quote(workspace)})`;
        throw new InputError(`Invalid ${label} ${quote(value)}: ${unreadableReason(error, path)}${from}. Expected ${expected}.`);
    }
}

;// CONCATENATED MODULE: ./src/settings/options.ts




const FORMATS = ['text', 'json'];
/** Parses the output format, debug logging, the catalogue check and the credit budget; a bad value throws an InputError naming the setting. */
function parseReportOptions(src) {
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
const HARNESSES = ['oz', 'claude', 'codex', 'gemini'];
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
const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const MAX_ATTACHMENTS_BYTES = 20 * 1024 * 1024;
const NAME_PATTERN = /^[A-Za-z0-9._:/-]{1,128}$/;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/**
 * Parses the harness (type, model, reasoning level, secret), the idle timeout, session sharing,
 * attachments and the agent identity. A bad value throws an InputError naming the
 * setting, before any request.
 */
function parseRunOptions(src, workspace, readBytes = (path) => (0,external_node_fs_namespaceObject.readFileSync)(path)) {
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
        const mime = IMAGE_TYPES[(0,external_node_path_namespaceObject.extname)(path).toLowerCase()];
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
        return { file_name: (0,external_node_path_namespaceObject.basename)(path), mime_type: mime, data: data.toString('base64') };
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
class InputError extends Error {
    name = 'InputError';
}
const DEFAULT_API_BASE_URL = 'https://app.warp.dev/api/v1';
const MODES = ['normal', 'plan', 'orchestrate'];
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
        fail(label, value, 'a run id of letters, digits, "-" and "_"');
    return value;
}
/** Quotes a user's value for an error message, shortened so a whole prompt is not echoed back. */
function quote(value) {
    const short = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return `'${short.replace(/\r?\n/g, '\\n')}'`;
}
/** Throws the error for a bad value: it names the setting, quotes the value and says the expected form. */
function fail(label, value, expected) {
    throw new InputError(`Invalid ${label} ${quote(value)}. Expected ${expected}.`);
}
function optional(src, name) {
    const value = src.read(name);
    return value === '' ? undefined : value;
}
function parseBoolean(src, name, fallback) {
    const value = src.read(name);
    if (value === '')
        return fallback;
    if (/^true$/i.test(value))
        return true;
    if (/^false$/i.test(value))
        return false;
    fail(src.label(name), value, 'true or false');
}
/** Parses a positive decimal number (e.g. `5`, `0.5`); empty means the default. */
function parsePositiveNumber(src, name, fallback) {
    const value = src.read(name);
    if (value === '')
        return fallback;
    const number = /^\d+(\.\d+)?$|^\.\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isFinite(number) || number <= 0)
        fail(src.label(name), value, 'a positive number such as 5 or 0.5');
    return number;
}
/** Checks one metadata pair against the API's rules; `source` names where it came from. */
function checkMetadataPair(key, value, source) {
    const problem = metadataPairProblem(key, value);
    if (problem)
        fail(source, problem.what === 'key' ? key : value, problem.expected);
}
/** Checks metadata the user gave: the API's rules, with one key left for the request id. */
function checkUserMetadata(metadata, source) {
    for (const [key, value] of Object.entries(metadata))
        checkMetadataPair(key, value, source);
    // One of the API's 20 keys carries the request id (see run/create.ts).
    const keys = Object.keys(metadata);
    if (keys.length > METADATA_USER_MAX_KEYS) {
        const shown = keys.length > 6 ? `${keys.slice(0, 5).join(', ')}, ...` : keys.join(', ');
        throw new InputError(`Invalid ${source}: ${keys.length} keys (${shown}). Expected at most ${METADATA_USER_MAX_KEYS} keys: ` +
            `the API takes 20, and one carries the request id that keeps a retried create from starting a second agent.`);
    }
    if (REQUEST_ID_KEY in metadata)
        fail(source, REQUEST_ID_KEY, 'a key other than this one, which the action sets itself');
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
            fail(source, line, 'key=value lines, one pair per line');
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
        where = `${label} file ${quote(value)}`;
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new InputError(`Invalid ${where}: it is not valid JSON (${error.message}). Expected {"mcpServers": {"name": {...}}} or a map of servers.`);
    }
    const servers = isRecord(parsed) && 'mcpServers' in parsed ? parsed.mcpServers : parsed;
    if (!isRecord(servers) || Object.keys(servers).length === 0) {
        throw new InputError(`Invalid ${where}: expected {"mcpServers": {"name": {...}}} or a non-empty map of servers.`);
    }
    for (const [name, server] of Object.entries(servers)) {
        const ok = isRecord(server) &&
            (typeof server.command === 'string' || typeof server.url === 'string' || typeof server.warp_id === 'string') &&
            (server.args === undefined || (Array.isArray(server.args) && server.args.every((a) => typeof a === 'string'))) &&
            (server.env === undefined || isStringMap(server.env)) &&
            (server.headers === undefined || isStringMap(server.headers));
        if (!ok) {
            throw new InputError(`Invalid ${where}: server ${quote(name)} must be an object with "command" (and optional "args", "env"), "url" (and optional "headers"), or "warp_id".`);
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
        throw new InputError(`Invalid ${label} ${quote(value)}: it is not valid JSON (${error.message}). Expected a JSON Schema object.`);
    }
    if (!isRecord(parsed))
        fail(label, value, 'a JSON Schema object such as {"type": "object", "properties": {...}}');
    return parsed;
}
/** Parses the artifacts folder: a folder inside the workspace, returned absolute. */
function parseArtifactsPath(value, workspace, label) {
    const path = (0,external_node_path_namespaceObject.resolve)(workspace, value);
    const rel = (0,external_node_path_namespaceObject.relative)(workspace, path);
    if (rel.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(rel))
        fail(label, value, 'a folder inside the workspace, such as oz-artifacts');
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
        throw new InputError(`Invalid ${label('outputSchema')} ${quote(JSON.stringify(settings.outputSchema))}: it is not a valid JSON Schema (${problem}). ` +
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
        fail(label, value, 'an absolute URL such as https://app.warp.dev/api/v1');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        fail(label, value, 'an http(s) URL such as https://app.warp.dev/api/v1');
    }
    if (url.search || url.hash || url.username || url.password) {
        fail(label, value, 'a URL without query, fragment or credentials');
    }
    // The bearer key travels with every request: over plain http it would cross the network in clear text.
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        fail(label, value, 'an https URL (http is allowed only for a loopback host such as localhost, 127.0.0.1 or [::1])');
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
        throw new InputError(missing);
    if (/\s/.test(apiKey) || !apiKey.startsWith('wk-')) {
        throw new InputError(`Invalid ${label}: expected a Warp API key, which starts with "wk-" and has no spaces.`);
    }
}
/** The prompt: inline, or read from its file (never both); undefined when neither is set. */
function readPrompt(src, options) {
    const { label } = src;
    const prompt = optional(src, 'prompt');
    const promptFile = optional(src, 'promptFile');
    if (prompt !== undefined && promptFile !== undefined) {
        throw new InputError(`Set either ${label('prompt')} or ${label('promptFile')}, not both.`);
    }
    if (promptFile === undefined)
        return prompt;
    const text = readSettingFile(label('promptFile'), promptFile, options.workspace, options.readFile, 'the path of a readable file, relative to the workspace or absolute');
    if (text.trim() === '')
        fail(label('promptFile'), promptFile, 'a file with a non-empty prompt');
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
        ['computer_use_enabled', parseBoolean(src, 'computerUse')],
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
const CREATING = [
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
];
/**
 * The body of the create request, or undefined with `runId` (an existing run). Throws when settings
 * of a new run come with `runId`, or when nothing says what to run.
 */
function readCreate(src, options, run) {
    const { label } = src;
    const prompt = readPrompt(src, options);
    const skill = optional(src, 'skill');
    if (skill !== undefined && !SKILL_PATTERN.test(skill)) {
        fail(label('skill'), skill, 'skill_name, repo:skill_name, org/repo:skill_name or org/repo:path/to/SKILL.md');
    }
    const mode = optional(src, 'mode');
    if (mode !== undefined && !MODES.includes(mode))
        fail(label('mode'), mode, `one of ${MODES.slice(0, -1).join(', ')} or ${MODES.at(-1)}`);
    const runOptions = parseRunOptions(src, options.workspace, options.readBytes);
    const config = readAgentConfig(src, options, runOptions.config);
    if (run.runId !== undefined) {
        const creating = [...CREATING.filter((key) => (key === 'metadata' ? run.metadataSet : src.read(key) !== '')), ...runOptions.given];
        if (creating.length > 0) {
            throw new InputError(`${label('runId')} watches an existing run, so it cannot be combined with ${creating.map(label).join(', ')}: those configure a new run.`);
        }
        return undefined;
    }
    if (prompt === undefined && skill === undefined && !options.promptOptional) {
        throw new InputError(`Missing ${label('prompt')}: set ${label('prompt')}, ${label('promptFile')} or ${label('skill')} (or ${label('runId')} to watch an existing run).`);
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
        fail(src.label('maxPollIntervalSeconds'), src.read('maxPollIntervalSeconds') || '30', `a number no smaller than ${src.label('pollIntervalSeconds')} (${pollIntervalMs / 1000})`);
    }
    return { pollIntervalMs, maxPollIntervalMs };
}
/**
 * Turns the run's settings into RunSettings, or throws an InputError naming the first bad one. Settings
 * that configure a new run cannot be combined with `runId`, which watches an existing one.
 */
function parseRunSettings(src, options) {
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
        throw new InputError(`${label('followup')} needs ${label('runId')}: it is a message to an existing run.`);
    }
    const create = readCreate(src, options, { runId, metadataSet, outputSchema });
    const settings = {
        apiKey,
        apiBaseUrl: parseApiBaseUrl(optional(src, 'apiBaseUrl'), label('apiBaseUrl')),
        wait: parseBoolean(src, 'wait', true),
        timeoutMs: parsePositiveNumber(src, 'timeoutMinutes', 60) * 60_000,
        ...readPollIntervals(src),
        cancelOnAbort: parseBoolean(src, 'cancelOnAbort', true),
        userMetadata,
        logProgress: parseBoolean(src, 'logProgress', true),
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

;// CONCATENATED MODULE: ./src/settings/official.ts

/** The ignored inputs, and this action's nearest input to use instead (when there is one). */
const IGNORED = {
    cwd: 'The agent works in its own environment, not in a folder of this runner: name the repositories it needs in an Oz environment (environment), or say where to work in prompt.',
    profile: 'Oz agent profiles are a setting of the Warp app; choose the model with model (or harness and harness_model) and the instructions with base_prompt.',
    share: 'Use session_sharing: viewer or editor, which lets people outside the team open the session link.',
};
/** Values of oz_channel and oz_version that mean "the default" in the official action. */
const DEFAULTS = { oz_channel: ['stable'], oz_version: ['latest'] };
const CLOUD_FALSE = 'cloud: false asks for an agent that runs on this runner, and this action runs only cloud agents: ' +
    "the agent works in its own Oz environment, not in this runner's checkout. " +
    'Get its work back from the pull request or branch it opens (the pull_request_url output), or have its files saved with artifacts_path. ' +
    'To run the agent on the runner instead, use the official warpdotdev/oz-agent-action with cloud: false. ' +
    'Remove the cloud input (or set it to true) to run a cloud agent here.';
const SAVED_PROMPT = 'saved_prompt is not supported: the Oz API has no saved prompts (they live in Warp Drive, which the API cannot read). ' +
    'Put the text in prompt, in a file named by prompt_file, or in a skill run with skill.';
/**
 * Checks the official action's inputs that mean nothing here. Throws an InputError for `cloud: false`
 * and `saved_prompt` (before any request); returns the warnings and notices for the others.
 */
function checkOfficialInputs(read) {
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
const INPUTS = {
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
    return INPUTS[key].input.replaceAll('_', '-');
}
/** The CLI flags of one kind, without dashes. */
function flagsOfKind(kind) {
    return Object.keys(INPUTS).filter((key) => INPUTS[key].cli === kind).map(flagOf);
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
function parseSettings(read, env = process.env, readFile = (path) => (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8')) {
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
        core_setSecret(secret);
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

;// CONCATENATED MODULE: ./src/oz/version.ts
/** The action's version, sent in the User-Agent. A test keeps it equal to package.json's. */
const VERSION = '1.0.0';
const USER_AGENT = `oz-agent-action/${VERSION} node/${process.versions.node}`;
/** The CLI's User-Agent: the same version, its own product name. */
const CLI_USER_AGENT = (/* unused pure expression or super */ null && (`oz-agent-run/${VERSION} node/${process.versions.node}`));

;// CONCATENATED MODULE: ./src/action/vocabulary.ts


/** The action's words: settings are inputs (`timeout_minutes`), the key is a secret, a stop is the workflow's cancellation. */
const ACTION_WORDS = {
    setting: (key) => INPUTS[key].input,
    aside: (key) => `\`${INPUTS[key].input}\` input`,
    off: (key) => `${INPUTS[key].input} is false`,
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
const FORK_WITHOUT_KEY = 'Missing warp_api_key: this pull request comes from a fork, and GitHub gives no secrets to workflows that pull requests from forks trigger. ' +
    'Safe ways to run the agent on it: have a maintainer ask for it in a comment (an issue_comment workflow: the action checks that the commenter has write access); ' +
    "or use pull_request_target with a deployment environment that requires a maintainer's approval, and never check out or run the fork's code in that job.";
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

;// CONCATENATED MODULE: ./src/report/limits.ts
/**
 * GitHub's size limits, and shortening text to fit them. The runner drops a job summary over 1 MiB
 * whole, and an output is at most 1 MiB (all of a job's outputs together too), so long API text is
 * cut here with a note rather than break the step.
 */
/** The job summary of one step, under GitHub's 1 MiB with room to spare. */
const MAX_SUMMARY_BYTES = (/* unused pure expression or super */ null && (900 * 1024));
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
        core_debug(message);
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
    return debugShown || isDebug();
}

;// CONCATENATED MODULE: ./src/action/publish.ts







/** Sets one of the action's outputs, by its name in the names table (src/names.ts). */
function publish_setOutput(name, value) {
    setOutput(name, value);
}
/** The error annotation for a run that ended other than SUCCEEDED: state, why, and whether to retry. */
function failureMessage(run) {
    const status = run.status_message;
    let message = `Oz run ${run.run_id} ended ${run.state}`;
    if (status?.message)
        message += `: ${fitChars(status.message)}`;
    if (status?.error_code)
        message += ` [${fitChars(status.error_code, 100)}]`;
    if (status?.retryable === true)
        message += '. Retryable: a new run may succeed.';
    else if (status?.retryable === false)
        message += '. Not retryable: fix the cause before running again.';
    if (run.state === 'BLOCKED')
        message += ' The agent needs a person: open the session to unblock it.';
    const session = safeUrl(run.session_link);
    if (session)
        message += ` Session: ${session}`;
    return message;
}
/**
 * Outputs, job summary and the step's status, for every outcome. The outputs and the summary are
 * files the runner does not mask: the API key and the token, and any credential the agent or the API
 * wrote, are taken out of them here.
 */
async function finish(unredacted, feedback) {
    const redact = common_redactSecrets();
    const { agentOutputs, renderSummary, reportArtifacts, reviewOutputs, runOutputs, usageOutputs } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 110, 23));
    const report = await redactPublished(unredacted);
    const outputs = runOutputs(report.run, report.runId, (name) => log_debug(`The ${name} from the API is not an http(s) URL; the output is left empty.`), reportArtifacts(report));
    for (const [name, value] of Object.entries({
        ...outputs,
        ...agentOutputs(report),
        ...usageOutputs(usageFigures(report.run?.request_usage)),
        ...reviewOutputs(report.review),
    }))
        setOutput(name, redact(value));
    publish_setOutput('comment_url', feedback?.commentUrl ?? '');
    publish_setOutput('check_run_id', feedback?.checkRunId?.toString() ?? '');
    await writeSummary(renderSummary(report, ACTION_WORDS), redact);
    if (report.outcome === 'skipped')
        return;
    if (report.outcome === 'succeeded') {
        log_info(`Oz run ${outputs.run_id} succeeded.${outputs.pull_request_url ? ` Pull request: ${outputs.pull_request_url}` : ''}`);
    }
    else if (report.outcome === 'started') {
        log_info(`Oz run ${outputs.run_id} started (${outputs.state}); not waiting for it.`);
    }
    else if (report.outcome === 'failed' && report.run) {
        setFailed(failureMessage(report.run));
    }
    else {
        const run = outputs.run_id ? `Oz run ${outputs.run_id}${outputs.state ? ` (${outputs.state})` : ''}: ` : '';
        setFailed(`${run}${report.note ?? 'the run did not succeed.'}`);
    }
}
async function writeSummary(summary, redact) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        await summary_summary.addRaw(redact(summary), true).write();
    }
    catch (error) {
        // A summary that cannot be written must not hide how the run went.
        core_warning(`Could not write the job summary: ${error.message}`);
    }
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
    saveState(KEYS.runId, common_redactSecrets()(runId));
}
function saveRequestId(requestId) {
    saveState(KEYS.requestId, requestId);
}
function saveConversation(conversation) {
    // Base64: the text is the agent's and the commenters', kept whole and out of the state file's syntax.
    core.saveState(KEYS.conversation, Buffer.from(redactSecrets()(JSON.stringify(conversation)), 'utf8').toString('base64'));
}
/** Saved when the follow-up is sent, so a post step that finishes the check run shows only this step's artifacts. */
function saveEarlierArtifacts(keys) {
    // Ids and URLs from the API: kept out of the file if one carries a secret, like the run id.
    saveState(KEYS.earlierArtifacts, Buffer.from(common_redactSecrets()(JSON.stringify(keys)), 'utf8').toString('base64'));
}
function saveFinishing(finishing) {
    saveState(KEYS.finishing, JSON.stringify(finishing));
}
function markFinished(part) {
    core.saveState(part === 'comment' ? KEYS.commentFinished : KEYS.checkFinished, 'true');
}
function saveCheckRunId(id) {
    core.saveState(KEYS.checkRunId, String(id));
}
function saveCommentId(id) {
    core.saveState(KEYS.commentId, String(id));
}
function markSettled() {
    saveState(KEYS.settled, 'true');
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

;// CONCATENATED MODULE: ./src/action/main-step.ts
















/** Settings for the debug log: no key, and MCP servers by name only (their env and headers often hold tokens). */
function describeSettings(settings) {
    const servers = settings.create?.config?.mcp_servers;
    return JSON.stringify({ ...settings, apiKey: '***', githubToken: settings.githubToken ? '***' : '' }, (key, value) => key === 'mcp_servers' && servers ? Object.keys(servers) : value);
}
/**
 * The main step: parse inputs, get GitHub ready, run the agent (create or pick up a run and watch it
 * to its end), then report it in the outputs, job summary, comment and check run, and fail the step
 * unless it succeeded. Never throws.
 */
async function runMain(options = {}) {
    maskSecrets();
    const startedAt = Date.now();
    const context = readGitHubContext();
    const event = eventFacts(context);
    publish_setOutput('skipped', 'false');
    const settings = await readSettings(event, context);
    if (settings === undefined)
        return;
    const github = await prepareGitHubSide(settings, context, event);
    if (github === undefined)
        return;
    const reactions = reactor(github);
    await reactions('eyes');
    // A review is a new plan: the settings and target as parsed stay as they are.
    const plan = { settings, target: github.target };
    const reviewing = settings.review ? await (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 889, 23))).planReview(plan, context, github) : { plan };
    const result = await runAgent(reviewing.plan, context, github.feedback, options, startedAt);
    const ran = { ...event, ...reportOf(result, reviewing.plan.settings, ACTION_WORDS), elapsedMs: Date.now() - startedAt };
    // wait: false leaves the run going: there is no outcome to react with yet.
    if (ran.outcome !== 'started')
        await reactions(ran.outcome === 'succeeded' ? 'rocket' : 'confused');
    const review = reviewing.review && (await (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 889, 23))).publishReview(reviewing, ran, github));
    const report = { ...ran, ...(review && { review }) };
    if (result.settled)
        markSettled();
    await drained();
    await finishOnGitHub(report, github.feedback, options.githubBudgetMs);
    await finish(report, github.feedback);
}
/**
 * Reactions on the comment (or issue) that mentioned the trigger phrase: 👀 when the agent starts,
 * then 🚀 or 😕 for how it went. Without permission to react, one warning, and the step carries on.
 */
function reactor(github) {
    let off = github.mention?.target === undefined || github.api === undefined;
    return async (content) => {
        if (off)
            return;
        try {
            await (await github.api()).react(github.mention.target, content);
        }
        catch (error) {
            off = true;
            core_warning(`Could not react to the comment (${error.message}); add \`pull-requests: write\` or \`issues: write\` to the job's permissions to get reactions.`);
        }
    };
}
function eventFacts(context) {
    const runUrl = workflowRunUrl(context);
    return { ...(context.pullRequest && { pullRequest: context.pullRequest }), ...(runUrl && { workflowRunUrl: runUrl }) };
}
/** Parses the inputs; on bad input, reports it (nothing was sent) and returns undefined. */
async function readSettings(event, context) {
    try {
        const settings = parseSettings(getInput);
        await checkRunSettings(settings, ACTION_WORDS.setting);
        for (const notice of allowedBotsNotices(getInput))
            core_warning(notice);
        showDebug(settings.debug === true);
        tellOfficialNotes(settings);
        // The prompt may quote a stranger's text (a comment, an issue): where debug lines are shown it is
        // searched for credentials like the agent's; elsewhere the runner drops the line.
        const described = `Settings: ${describeSettings(settings)}`;
        if (debugVisible())
            infoWhenRedacted(redactPublished(described), log_debug);
        else
            log_debug(described);
        return settings;
    }
    catch (error) {
        const missingKey = error.message.startsWith('Missing warp_api_key');
        const note = missingKey && context.event.isForkPullRequest ? FORK_WITHOUT_KEY : error.message;
        await finish({ ...event, outcome: 'not_started', note });
        return undefined;
    }
}
/** The official action's inputs that are ignored here, or have no effect: said once, before the run. */
function tellOfficialNotes(settings) {
    for (const warning of settings.official.warnings)
        core_warning(warning);
    for (const notice of settings.official.notices)
        core_notice(notice);
}
/** Trusted trigger, comment and check run; reports a skip or a failure and returns undefined then. */
async function prepareGitHubSide(settings, context, event) {
    try {
        const github = await prepareGitHub(settings, context);
        if (github.skip === undefined)
            return github;
        publish_setOutput('skipped', 'true');
        core_notice(`Not starting an Oz agent: ${github.skip}.`);
        await finish({ ...event, outcome: 'skipped', note: `Not started: ${github.skip}.` });
    }
    catch (error) {
        await finish({ ...event, outcome: 'not_started', note: error.message });
    }
    return undefined;
}
/** Creates (or picks up) the run and watches it within timeout_minutes and the workflow's cancellation. */
async function runAgent({ settings, target }, context, feedback, options, startedAt) {
    const { metadata, dropped } = buildMetadata(context, settings.userMetadata);
    if (target.kind === 'create' && dropped.length > 0)
        log_info(`Run metadata is limited to 20 keys; left out: ${dropped.join(', ')}`);
    const { retry, githubBudgetMs: _budget, ...lifecycle } = options;
    const { result } = await runWithStopHandling({
        plan: { settings, target },
        metadata,
        words: ACTION_WORDS,
        say: { info: (message) => log_info(message), warning: (message) => core_warning(message), debug: (message) => log_debug(message) },
        onSignal: (signal) => log_info(`Received ${signal}: the workflow was cancelled or the step timed out.`),
        ...(feedback && { onStop: (stop) => feedback.stopWith(stop) }),
        ...(retry && { retry }),
        events: {
            requestId: saveRequestId,
            runId: (id) => {
                saveRunId(id);
                publish_setOutput('run_id', common_redactSecrets()(id));
            },
            followedUp: (before) => saveEarlierArtifacts((before.artifacts ?? []).map(artifactKey)),
            restarted: (why) => {
                const sentence = describeRestart(why);
                core_warning(sentence);
                feedback?.aside(sentence);
            },
            progress: (run) => feedback?.progress(run),
            stateChange: (run, previous, elapsedMs) => infoWhenRedacted(redactPublished(stateLine(run, previous, elapsedMs))),
            sessionLink: (url) => {
                const line = sessionLine(url);
                if (line)
                    log_info(line);
                else
                    log_debug('The session link from the API is not an http(s) URL; it is not shown.');
            },
            ...((settings.logProgress || (feedback && settings.commentProgress)) && {
                activity: (line, elapsedMs) => {
                    feedback?.agentDid(line);
                    // Redacted whole, before activityLine shortens it: a cut-off key block would escape the detector.
                    if (settings.logProgress)
                        infoWhenRedacted(redactPublished(line).then((safe) => activityLine(safe, elapsedMs)));
                },
            }),
            debug: (message) => log_debug(message),
        },
        options: { ...progressTimings(), ...lifecycle, startedAt, workspace: process.env.GITHUB_WORKSPACE || process.cwd() },
    });
    return result;
}
/** The conversation read timings, shortened for tests (see progressIntervalMs). */
function progressTimings() {
    const ms = progressIntervalMs();
    return ms === undefined ? {} : { conversationIntervalMs: ms, firstConversationReadMs: ms };
}
/**
 * Finishes the comment and check run; GitHub gets a bounded time. The state says how the run is
 * reported (and, as each is done, that it is: see markFinished), so a post step finishes them when
 * this step cannot (GitHub did not answer in time, or the step was stopped meanwhile: a signal now
 * ends the process, no handler is left).
 */
async function finishOnGitHub(report, feedback, budgetMs = 15_000) {
    if (!feedback)
        return;
    saveFinishing({ outcome: report.outcome, requestChanges: report.review?.verdict === 'request_changes' });
    // The budget also aborts the requests still waiting for GitHub, so none is left running.
    const budget = AbortSignal.timeout(budgetMs);
    await raceAbort(feedback.finish(report, budget), budget).catch(() => core_warning('GitHub did not answer in time; the pull request comment or check run may be out of date.'));
}

;// CONCATENATED MODULE: ./src/main.ts


/**
 * The action's main step, as `@github/local-action` and the bundle entry (entrypoints/main.ts) call
 * it. It never throws: runMain reports its own failures, and this catches a bug, whatever was thrown.
 */
async function run() {
    try {
        await runMain();
    }
    catch (error) {
        setFailed(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/entrypoints/main.ts

// The bundle entry of the main step (action.yml runs.main). No top-level await: the bundle is CommonJS.
// Exit when done: a socket or timer some library left behind must not hold the job open.
void run().finally(() => process.exit());

module.exports = __webpack_exports__;
/******/ })()
;