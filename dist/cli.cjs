#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/tunnel/lib/tunnel.js
var require_tunnel = __commonJS({
  "node_modules/tunnel/lib/tunnel.js"(exports2) {
    "use strict";
    var net = require("net");
    var tls = require("tls");
    var http2 = require("http");
    var https2 = require("https");
    var events = require("events");
    var assert = require("assert");
    var util = require("util");
    exports2.httpOverHttp = httpOverHttp2;
    exports2.httpsOverHttp = httpsOverHttp2;
    exports2.httpOverHttps = httpOverHttps2;
    exports2.httpsOverHttps = httpsOverHttps2;
    function httpOverHttp2(options) {
      var agent = new TunnelingAgent(options);
      agent.request = http2.request;
      return agent;
    }
    function httpsOverHttp2(options) {
      var agent = new TunnelingAgent(options);
      agent.request = http2.request;
      agent.createSocket = createSecureSocket;
      agent.defaultPort = 443;
      return agent;
    }
    function httpOverHttps2(options) {
      var agent = new TunnelingAgent(options);
      agent.request = https2.request;
      return agent;
    }
    function httpsOverHttps2(options) {
      var agent = new TunnelingAgent(options);
      agent.request = https2.request;
      agent.createSocket = createSecureSocket;
      agent.defaultPort = 443;
      return agent;
    }
    function TunnelingAgent(options) {
      var self = this;
      self.options = options || {};
      self.proxyOptions = self.options.proxy || {};
      self.maxSockets = self.options.maxSockets || http2.Agent.defaultMaxSockets;
      self.requests = [];
      self.sockets = [];
      self.on("free", function onFree(socket, host, port, localAddress) {
        var options2 = toOptions(host, port, localAddress);
        for (var i = 0, len = self.requests.length; i < len; ++i) {
          var pending = self.requests[i];
          if (pending.host === options2.host && pending.port === options2.port) {
            self.requests.splice(i, 1);
            pending.request.onSocket(socket);
            return;
          }
        }
        socket.destroy();
        self.removeSocket(socket);
      });
    }
    util.inherits(TunnelingAgent, events.EventEmitter);
    TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
      var self = this;
      var options = mergeOptions({ request: req }, self.options, toOptions(host, port, localAddress));
      if (self.sockets.length >= this.maxSockets) {
        self.requests.push(options);
        return;
      }
      self.createSocket(options, function(socket) {
        socket.on("free", onFree);
        socket.on("close", onCloseOrRemove);
        socket.on("agentRemove", onCloseOrRemove);
        req.onSocket(socket);
        function onFree() {
          self.emit("free", socket, options);
        }
        function onCloseOrRemove(err) {
          self.removeSocket(socket);
          socket.removeListener("free", onFree);
          socket.removeListener("close", onCloseOrRemove);
          socket.removeListener("agentRemove", onCloseOrRemove);
        }
      });
    };
    TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
      var self = this;
      var placeholder = {};
      self.sockets.push(placeholder);
      var connectOptions = mergeOptions({}, self.proxyOptions, {
        method: "CONNECT",
        path: options.host + ":" + options.port,
        agent: false,
        headers: {
          host: options.host + ":" + options.port
        }
      });
      if (options.localAddress) {
        connectOptions.localAddress = options.localAddress;
      }
      if (connectOptions.proxyAuth) {
        connectOptions.headers = connectOptions.headers || {};
        connectOptions.headers["Proxy-Authorization"] = "Basic " + new Buffer(connectOptions.proxyAuth).toString("base64");
      }
      debug("making CONNECT request");
      var connectReq = self.request(connectOptions);
      connectReq.useChunkedEncodingByDefault = false;
      connectReq.once("response", onResponse);
      connectReq.once("upgrade", onUpgrade);
      connectReq.once("connect", onConnect);
      connectReq.once("error", onError);
      connectReq.end();
      function onResponse(res) {
        res.upgrade = true;
      }
      function onUpgrade(res, socket, head) {
        process.nextTick(function() {
          onConnect(res, socket, head);
        });
      }
      function onConnect(res, socket, head) {
        connectReq.removeAllListeners();
        socket.removeAllListeners();
        if (res.statusCode !== 200) {
          debug(
            "tunneling socket could not be established, statusCode=%d",
            res.statusCode
          );
          socket.destroy();
          var error = new Error("tunneling socket could not be established, statusCode=" + res.statusCode);
          error.code = "ECONNRESET";
          options.request.emit("error", error);
          self.removeSocket(placeholder);
          return;
        }
        if (head.length > 0) {
          debug("got illegal response body from proxy");
          socket.destroy();
          var error = new Error("got illegal response body from proxy");
          error.code = "ECONNRESET";
          options.request.emit("error", error);
          self.removeSocket(placeholder);
          return;
        }
        debug("tunneling connection has established");
        self.sockets[self.sockets.indexOf(placeholder)] = socket;
        return cb(socket);
      }
      function onError(cause) {
        connectReq.removeAllListeners();
        debug(
          "tunneling socket could not be established, cause=%s\n",
          cause.message,
          cause.stack
        );
        var error = new Error("tunneling socket could not be established, cause=" + cause.message);
        error.code = "ECONNRESET";
        options.request.emit("error", error);
        self.removeSocket(placeholder);
      }
    };
    TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
      var pos = this.sockets.indexOf(socket);
      if (pos === -1) {
        return;
      }
      this.sockets.splice(pos, 1);
      var pending = this.requests.shift();
      if (pending) {
        this.createSocket(pending, function(socket2) {
          pending.request.onSocket(socket2);
        });
      }
    };
    function createSecureSocket(options, cb) {
      var self = this;
      TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
        var hostHeader = options.request.getHeader("host");
        var tlsOptions = mergeOptions({}, self.options, {
          socket,
          servername: hostHeader ? hostHeader.replace(/:.*$/, "") : options.host
        });
        var secureSocket = tls.connect(0, tlsOptions);
        self.sockets[self.sockets.indexOf(socket)] = secureSocket;
        cb(secureSocket);
      });
    }
    function toOptions(host, port, localAddress) {
      if (typeof host === "string") {
        return {
          host,
          port,
          localAddress
        };
      }
      return host;
    }
    function mergeOptions(target) {
      for (var i = 1, len = arguments.length; i < len; ++i) {
        var overrides = arguments[i];
        if (typeof overrides === "object") {
          var keys = Object.keys(overrides);
          for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
            var k = keys[j];
            if (overrides[k] !== void 0) {
              target[k] = overrides[k];
            }
          }
        }
      }
      return target;
    }
    var debug;
    if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
      debug = function() {
        var args = Array.prototype.slice.call(arguments);
        if (typeof args[0] === "string") {
          args[0] = "TUNNEL: " + args[0];
        } else {
          args.unshift("TUNNEL:");
        }
        console.error.apply(console, args);
      };
    } else {
      debug = function() {
      };
    }
    exports2.debug = debug;
  }
});

// node_modules/tunnel/index.js
var require_tunnel2 = __commonJS({
  "node_modules/tunnel/index.js"(exports2, module2) {
    module2.exports = require_tunnel();
  }
});

// lazy:tunnel
var require_tunnel3 = __commonJS({
  "lazy:tunnel"(exports2, module2) {
    var loaded;
    var load = () => loaded ??= require_tunnel2();
    module2.exports = { get httpOverHttp() {
      return load().httpOverHttp;
    }, get httpsOverHttp() {
      return load().httpsOverHttp;
    }, get httpOverHttps() {
      return load().httpOverHttps;
    }, get httpsOverHttps() {
      return load().httpsOverHttps;
    } };
  }
});

// lazy:undici
var require_undici = __commonJS({
  "lazy:undici"(exports2, module2) {
    var loaded;
    var load = () => loaded ??= require("./undici.cjs");
    module2.exports = { get ProxyAgent() {
      return load().ProxyAgent;
    } };
  }
});

// src/cli/main.ts
var import_node_fs = require("node:fs");

// node_modules/@actions/http-client/lib/index.js
var http = __toESM(require("http"), 1);
var https = __toESM(require("https"), 1);

// node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
  const usingSsl = reqUrl.protocol === "https:";
  if (checkBypass(reqUrl)) {
    return void 0;
  }
  const proxyVar = (() => {
    if (usingSsl) {
      return process.env["https_proxy"] || process.env["HTTPS_PROXY"];
    } else {
      return process.env["http_proxy"] || process.env["HTTP_PROXY"];
    }
  })();
  if (proxyVar) {
    try {
      return new DecodedURL(proxyVar);
    } catch (_a) {
      if (!proxyVar.startsWith("http://") && !proxyVar.startsWith("https://"))
        return new DecodedURL(`http://${proxyVar}`);
    }
  } else {
    return void 0;
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
  const noProxy = process.env["no_proxy"] || process.env["NO_PROXY"] || "";
  if (!noProxy) {
    return false;
  }
  let reqPort;
  if (reqUrl.port) {
    reqPort = Number(reqUrl.port);
  } else if (reqUrl.protocol === "http:") {
    reqPort = 80;
  } else if (reqUrl.protocol === "https:") {
    reqPort = 443;
  }
  const upperReqHosts = [reqUrl.hostname.toUpperCase()];
  if (typeof reqPort === "number") {
    upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
  }
  for (const upperNoProxyItem of noProxy.split(",").map((x) => x.trim().toUpperCase()).filter((x) => x)) {
    if (upperNoProxyItem === "*" || upperReqHosts.some((x) => x === upperNoProxyItem || x.endsWith(`.${upperNoProxyItem}`) || upperNoProxyItem.startsWith(".") && x.endsWith(`${upperNoProxyItem}`))) {
      return true;
    }
  }
  return false;
}
function isLoopbackAddress(host) {
  const hostLower = host.toLowerCase();
  return hostLower === "localhost" || hostLower.startsWith("127.") || hostLower.startsWith("[::1]") || hostLower.startsWith("[0:0:0:0:0:0:0:1]");
}
var DecodedURL = class extends URL {
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
};

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel3(), 1);
var import_undici = __toESM(require_undici(), 1);
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];
var RetryableHttpVerbs = ["OPTIONS", "GET", "DELETE", "HEAD"];
var ExponentialBackoffCeiling = 10;
var ExponentialBackoffTimeSlice = 5;
var HttpClientError = class _HttpClientError extends Error {
  constructor(message, statusCode) {
    super(message);
    this.name = "HttpClientError";
    this.statusCode = statusCode;
    Object.setPrototypeOf(this, _HttpClientError.prototype);
  }
};
var HttpClientResponse = class {
  constructor(message) {
    this.message = message;
  }
  readBody() {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve2) => __awaiter(this, void 0, void 0, function* () {
        let output = Buffer.alloc(0);
        this.message.on("data", (chunk) => {
          output = Buffer.concat([output, chunk]);
        });
        this.message.on("end", () => {
          resolve2(output.toString());
        });
      }));
    });
  }
  readBodyBuffer() {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve2) => __awaiter(this, void 0, void 0, function* () {
        const chunks = [];
        this.message.on("data", (chunk) => {
          chunks.push(chunk);
        });
        this.message.on("end", () => {
          resolve2(Buffer.concat(chunks));
        });
      }));
    });
  }
};
var HttpClient = class {
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
      return this.request("OPTIONS", requestUrl, null, additionalHeaders || {});
    });
  }
  get(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("GET", requestUrl, null, additionalHeaders || {});
    });
  }
  del(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("DELETE", requestUrl, null, additionalHeaders || {});
    });
  }
  post(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("POST", requestUrl, data, additionalHeaders || {});
    });
  }
  patch(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("PATCH", requestUrl, data, additionalHeaders || {});
    });
  }
  put(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("PUT", requestUrl, data, additionalHeaders || {});
    });
  }
  head(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("HEAD", requestUrl, null, additionalHeaders || {});
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
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.post(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  putJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.put(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  patchJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
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
        throw new Error("Client has already been disposed.");
      }
      const parsedUrl = new URL(requestUrl);
      let info = this._prepareRequest(verb, parsedUrl, headers);
      const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb) ? this._maxRetries + 1 : 1;
      let numTries = 0;
      let response;
      do {
        response = yield this.requestRaw(info, data);
        if (response && response.message && response.message.statusCode === HttpCodes.Unauthorized) {
          let authenticationHandler;
          for (const handler of this.handlers) {
            if (handler.canHandleAuthentication(response)) {
              authenticationHandler = handler;
              break;
            }
          }
          if (authenticationHandler) {
            return authenticationHandler.handleAuthentication(this, info, data);
          } else {
            return response;
          }
        }
        let redirectsRemaining = this._maxRedirects;
        while (response.message.statusCode && HttpRedirectCodes.includes(response.message.statusCode) && this._allowRedirects && redirectsRemaining > 0) {
          const redirectUrl = response.message.headers["location"];
          if (!redirectUrl) {
            break;
          }
          const parsedRedirectUrl = new URL(redirectUrl);
          if (parsedUrl.protocol === "https:" && parsedUrl.protocol !== parsedRedirectUrl.protocol && !this._allowRedirectDowngrade) {
            throw new Error("Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.");
          }
          yield response.readBody();
          if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
            for (const header in headers) {
              if (header.toLowerCase() === "authorization") {
                delete headers[header];
              }
            }
          }
          info = this._prepareRequest(verb, parsedRedirectUrl, headers);
          response = yield this.requestRaw(info, data);
          redirectsRemaining--;
        }
        if (!response.message.statusCode || !HttpResponseRetryCodes.includes(response.message.statusCode)) {
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
      return new Promise((resolve2, reject) => {
        function callbackForResult(err, res) {
          if (err) {
            reject(err);
          } else if (!res) {
            reject(new Error("Unknown error"));
          } else {
            resolve2(res);
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
    if (typeof data === "string") {
      if (!info.options.headers) {
        info.options.headers = {};
      }
      info.options.headers["Content-Length"] = Buffer.byteLength(data, "utf8");
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
      handleResult(void 0, res);
    });
    let socket;
    req.on("socket", (sock) => {
      socket = sock;
    });
    req.setTimeout(this._socketTimeout || 3 * 6e4, () => {
      if (socket) {
        socket.end();
      }
      handleResult(new Error(`Request timeout: ${info.options.path}`));
    });
    req.on("error", function(err) {
      handleResult(err);
    });
    if (data && typeof data === "string") {
      req.write(data, "utf8");
    }
    if (data && typeof data !== "string") {
      data.on("close", function() {
        req.end();
      });
      data.pipe(req);
    } else {
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
    const usingSsl = info.parsedUrl.protocol === "https:";
    info.httpModule = usingSsl ? https : http;
    const defaultPort = usingSsl ? 443 : 80;
    info.options = {};
    info.options.host = info.parsedUrl.hostname;
    info.options.port = info.parsedUrl.port ? parseInt(info.parsedUrl.port) : defaultPort;
    info.options.path = (info.parsedUrl.pathname || "") + (info.parsedUrl.search || "");
    info.options.method = method;
    info.options.headers = this._mergeHeaders(headers);
    if (this.userAgent != null) {
      info.options.headers["user-agent"] = this.userAgent;
    }
    info.options.agent = this._getAgent(info.parsedUrl);
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
        clientHeader = typeof headerValue === "number" ? headerValue.toString() : headerValue;
      }
    }
    const additionalValue = additionalHeaders[header];
    if (additionalValue !== void 0) {
      return typeof additionalValue === "number" ? additionalValue.toString() : additionalValue;
    }
    if (clientHeader !== void 0) {
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
        if (typeof headerValue === "number") {
          clientHeader = String(headerValue);
        } else if (Array.isArray(headerValue)) {
          clientHeader = headerValue.join(", ");
        } else {
          clientHeader = headerValue;
        }
      }
    }
    const additionalValue = additionalHeaders[Headers.ContentType];
    if (additionalValue !== void 0) {
      if (typeof additionalValue === "number") {
        return String(additionalValue);
      } else if (Array.isArray(additionalValue)) {
        return additionalValue.join(", ");
      } else {
        return additionalValue;
      }
    }
    if (clientHeader !== void 0) {
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
    if (agent) {
      return agent;
    }
    const usingSsl = parsedUrl.protocol === "https:";
    let maxSockets = 100;
    if (this.requestOptions) {
      maxSockets = this.requestOptions.maxSockets || http.globalAgent.maxSockets;
    }
    if (proxyUrl && proxyUrl.hostname) {
      const agentOptions = {
        maxSockets,
        keepAlive: this._keepAlive,
        proxy: Object.assign(Object.assign({}, (proxyUrl.username || proxyUrl.password) && {
          proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
        }), { host: proxyUrl.hostname, port: proxyUrl.port })
      };
      let tunnelAgent;
      const overHttps = proxyUrl.protocol === "https:";
      if (usingSsl) {
        tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
      } else {
        tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
      }
      agent = tunnelAgent(agentOptions);
      this._proxyAgent = agent;
    }
    if (!agent) {
      const options = { keepAlive: this._keepAlive, maxSockets };
      agent = usingSsl ? new https.Agent(options) : new http.Agent(options);
      this._agent = agent;
    }
    if (usingSsl && this._ignoreSslError) {
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
    if (proxyAgent) {
      return proxyAgent;
    }
    const usingSsl = parsedUrl.protocol === "https:";
    proxyAgent = new import_undici.ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, (proxyUrl.username || proxyUrl.password) && {
      token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString("base64")}`
    }));
    this._proxyAgentDispatcher = proxyAgent;
    if (usingSsl && this._ignoreSslError) {
      proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
        rejectUnauthorized: false
      });
    }
    return proxyAgent;
  }
  _getUserAgentWithOrchestrationId(userAgent) {
    const baseUserAgent = userAgent || "actions/http-client";
    const orchId = process.env["ACTIONS_ORCHESTRATION_ID"];
    if (orchId) {
      const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, "_");
      return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
    }
    return baseUserAgent;
  }
  _performExponentialBackoff(retryNumber) {
    return __awaiter(this, void 0, void 0, function* () {
      retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
      const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
      return new Promise((resolve2) => setTimeout(() => resolve2(), ms));
    });
  }
  _processResponse(res, options) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve2, reject) => __awaiter(this, void 0, void 0, function* () {
        const statusCode = res.message.statusCode || 0;
        const response = {
          statusCode,
          result: null,
          headers: {}
        };
        if (statusCode === HttpCodes.NotFound) {
          resolve2(response);
        }
        function dateTimeDeserializer(key, value) {
          if (typeof value === "string") {
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
            } else {
              obj = JSON.parse(contents);
            }
            response.result = obj;
          }
          response.headers = res.message.headers;
        } catch (err) {
        }
        if (statusCode > 299) {
          let msg;
          if (obj && obj.message) {
            msg = obj.message;
          } else if (contents && contents.length > 0) {
            msg = contents;
          } else {
            msg = `Failed request: (${statusCode})`;
          }
          const err = new HttpClientError(msg, statusCode);
          err.result = response.result;
          reject(err);
        } else {
          resolve2(response);
        }
      }));
    });
  }
};
var lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => (c[k.toLowerCase()] = obj[k], c), {});

// node_modules/is-network-error/index.js
var objectToString = Object.prototype.toString;
var isError = (value) => objectToString.call(value) === "[object Error]";
var errorMessages = /* @__PURE__ */ new Set([
  "network error",
  // Chrome
  "NetworkError when attempting to fetch resource.",
  // Firefox
  "The Internet connection appears to be offline.",
  // Safari 16
  "Network request failed",
  // `cross-fetch`
  "fetch failed",
  // Undici (Node.js)
  "terminated",
  // Undici (Node.js)
  " A network error occurred.",
  // Bun (WebKit)
  "Network connection lost"
  // Cloudflare Workers (fetch)
]);
function isNetworkError(error) {
  const isValid = error && isError(error) && error.name === "TypeError" && typeof error.message === "string";
  if (!isValid) {
    return false;
  }
  const { message, stack } = error;
  if (message === "Load failed" || message.startsWith("Load failed (") && message.endsWith(")")) {
    return stack === void 0 || "__sentry_captured__" in error;
  }
  if (message.startsWith("error sending request for url")) {
    return true;
  }
  if (message === "Failed to fetch" || message.startsWith("Failed to fetch (") && message.endsWith(")")) {
    return true;
  }
  return errorMessages.has(message);
}

// node_modules/p-retry/index.js
function validateRetries(retries) {
  if (typeof retries === "number") {
    if (retries < 0) {
      throw new TypeError("Expected `retries` to be a non-negative number.");
    }
    if (Number.isNaN(retries)) {
      throw new TypeError("Expected `retries` to be a valid number or Infinity, got NaN.");
    }
    if (Number.isFinite(retries) && !Number.isInteger(retries)) {
      throw new TypeError("Expected `retries` to be a non-negative integer or Infinity.");
    }
  } else if (retries !== void 0) {
    throw new TypeError("Expected `retries` to be a number or Infinity.");
  }
}
function validateNumberOption(name, value, { allowInfinity = false } = {}) {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`Expected \`${name}\` to be a number${allowInfinity ? " or Infinity" : ""}.`);
  }
  if (!allowInfinity && !Number.isFinite(value)) {
    throw new TypeError(`Expected \`${name}\` to be a finite number.`);
  }
  if (value < 0) {
    throw new TypeError(`Expected \`${name}\` to be \u2265 0.`);
  }
}
function validateOption(name, value, type) {
  if (value === void 0 || value === null) {
    return;
  }
  if (typeof value !== type) {
    throw new TypeError(`Expected \`${name}\` to be a ${type}.`);
  }
}
function validateSignal(value) {
  if (value === void 0 || value === null) {
    return;
  }
  if (typeof value.throwIfAborted !== "function" || typeof value.addEventListener !== "function" || typeof value.removeEventListener !== "function") {
    throw new TypeError("Expected `signal` to be an AbortSignal.");
  }
}
var AbortError = class _AbortError extends Error {
  constructor(message) {
    super(typeof message === "string" ? message : void 0);
    this.name = "AbortError";
    if (message instanceof Error) {
      this.originalError = message;
      ({ message } = message);
    } else {
      this.originalError = new Error(message);
      ({ message } = this.originalError);
      Error.captureStackTrace?.(this.originalError, _AbortError);
    }
    this.message = message;
  }
};
var maximumDelay = 2 ** 31 - 1;
function calculateDelay(retriesConsumed, options) {
  if (options.minTimeout === 0) {
    return 0;
  }
  const attempt = retriesConsumed + 1;
  const random = options.randomize ? Math.random() + 1 : 1;
  const timeout = Math.round(random * options.minTimeout * options.factor ** (attempt - 1));
  return Math.min(timeout, Math.ceil(options.maxTimeout), maximumDelay);
}
function calculateRemainingTime(start, max) {
  return Number.isFinite(max) ? max - (performance.now() - start) : max;
}
async function delayForRetry(delay, options) {
  if (delay <= 0) {
    return;
  }
  await new Promise((resolve2, reject) => {
    const onAbort = () => {
      clearTimeout(timeoutToken);
      reject(options.signal.reason);
    };
    const timeoutToken = setTimeout(() => {
      options.signal?.removeEventListener("abort", onAbort);
      resolve2();
    }, delay);
    if (options.unref) {
      timeoutToken.unref?.();
    }
    options.signal?.addEventListener("abort", onAbort, { once: true });
  });
}
function stringifyThrownValue(value) {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
function unwrapAbortError(error) {
  let cause = error;
  while (cause instanceof AbortError && cause.originalError instanceof Error) {
    cause = cause.originalError;
  }
  return cause;
}
async function onAttemptFailure({ error, attemptNumber, retriesConsumed, startTime, options }) {
  const abortIfNeeded = () => {
    options.signal?.throwIfAborted();
  };
  const normalizedError = error instanceof Error ? error : new TypeError(`Non-error was thrown: "${stringifyThrownValue(error)}". You should only throw errors.`);
  abortIfNeeded();
  if (normalizedError instanceof AbortError) {
    throw unwrapAbortError(normalizedError);
  }
  const retriesLeft = options.retries - retriesConsumed;
  const isRetriableError = !(normalizedError instanceof TypeError) || isNetworkError(normalizedError);
  const timeLeft = calculateRemainingTime(startTime, options.maxRetryTime);
  const delayTime = isRetriableError && timeLeft > 0 && retriesLeft > 0 ? calculateDelay(retriesConsumed, options) : 0;
  const consumeRetryContext = Object.freeze({
    error: normalizedError,
    attemptNumber,
    retriesLeft,
    retriesConsumed,
    retryDelay: delayTime
  });
  const consumeRetry = await options.shouldConsumeRetry(consumeRetryContext) ?? true;
  abortIfNeeded();
  const effectiveDelay = consumeRetry ? delayTime : 0;
  const context = Object.freeze({
    error: normalizedError,
    attemptNumber,
    retriesLeft,
    retriesConsumed,
    retryDelay: effectiveDelay
  });
  await options.onFailedAttempt(context);
  abortIfNeeded();
  const remainingTime = calculateRemainingTime(startTime, options.maxRetryTime);
  if (!isRetriableError || remainingTime <= 0 || retriesLeft <= 0) {
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
  options = { ...options };
  options.retries ??= 10;
  validateRetries(options.retries);
  if (Object.hasOwn(options, "forever")) {
    throw new Error("The `forever` option is no longer supported. For many use-cases, you can set `retries: Infinity` instead.");
  }
  options.factor ??= 2;
  options.minTimeout ??= 1e3;
  options.maxTimeout ??= Infinity;
  options.maxRetryTime ??= Infinity;
  options.randomize ??= false;
  options.onFailedAttempt ??= () => {
  };
  options.shouldRetry ??= () => true;
  options.shouldConsumeRetry ??= () => true;
  validateOption("onFailedAttempt", options.onFailedAttempt, "function");
  validateOption("shouldRetry", options.shouldRetry, "function");
  validateOption("shouldConsumeRetry", options.shouldConsumeRetry, "function");
  validateOption("randomize", options.randomize, "boolean");
  validateOption("unref", options.unref, "boolean");
  validateSignal(options.signal);
  validateNumberOption("factor", options.factor);
  validateNumberOption("minTimeout", options.minTimeout);
  validateNumberOption("maxTimeout", options.maxTimeout, { allowInfinity: true });
  validateNumberOption("maxRetryTime", options.maxRetryTime, { allowInfinity: true });
  if (options.factor === 0) {
    options.factor = 1;
  }
  options.signal?.throwIfAborted();
  let attemptNumber = 0;
  let retriesConsumed = 0;
  const startTime = performance.now();
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
        options
      })) {
        retriesConsumed++;
      }
    }
  }
  throw new Error("Retry attempts exhausted without throwing an error.");
}

// src/oz/errors.ts
var OzApiError = class extends Error {
  name = "OzApiError";
  method;
  path;
  status;
  problem;
  /** From `Retry-After`, when the server sent one. */
  retryAfterMs;
  constructor(method, path, status, problem, retryAfterMs) {
    super(describeApiError(method, path, status, problem));
    this.method = method;
    this.path = path;
    this.status = status;
    this.problem = problem;
    this.retryAfterMs = retryAfterMs;
  }
};
var OzBadAnswerError = class extends Error {
  name = "OzBadAnswerError";
  status;
  constructor(method, path, status, what) {
    super(`Oz API ${method} ${path} answered ${status} with ${what}`);
    this.status = status;
  }
};
var OzRedirectError = class extends Error {
  name = "OzRedirectError";
  status;
  location;
  constructor(method, path, status, location) {
    super(
      `Oz API ${method} ${path} answered ${status}, a redirect to ${location || "(no Location header)"}. The API does not redirect its calls, so the redirect was not followed and the API key was not sent there: check api_base_url.`
    );
    this.status = status;
    this.location = location;
  }
};
var OzNetworkError = class extends Error {
  name = "OzNetworkError";
  code;
  /** False only when the request surely never reached the server (refused, unknown host). */
  mayHaveReachedServer;
  constructor(method, path, code, mayHaveReachedServer, cause, hint) {
    super(`Oz API ${method} ${path} failed: ${code} (${cause?.message ?? String(cause)})${hint ? `. ${hint}` : ""}`, { cause });
    this.code = code;
    this.mayHaveReachedServer = mayHaveReachedServer;
  }
};
var STATUS_TEXT = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  409: "Conflict",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout"
};
function describeApiError(method, path, status, problem) {
  const parts = [`Oz API ${method} ${path} failed with ${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ""}`];
  const said = [problem.title, problem.detail].filter((s) => s && s.trim() !== "");
  if (said.length === 2 && said[1].includes(said[0])) said.shift();
  if (said.length > 0) parts.push(said.join(": "));
  else if (problem.text) parts.push(problem.text);
  if (status === 401) {
    parts.push("The Warp API key is missing, invalid or revoked: check the warp_api_key secret");
  } else if (status === 403) {
    parts.push("The Warp API key lacks access to this: use a team agent key with access to the environment and repository");
  }
  let message = parts.join(". ");
  if (problem.errorCode) message += ` [${problem.errorCode}]`;
  if (problem.traceId) message += ` (trace id ${problem.traceId})`;
  return message;
}
function isRetryableStatus(status) {
  return status === 408 || status === 429 || status >= 500;
}
function named(error, name) {
  return error instanceof Error && error.name === name;
}
var isApiError = (error) => named(error, "OzApiError");
var isNetworkError2 = (error) => named(error, "OzNetworkError");
var isBadAnswer = (error) => named(error, "OzBadAnswerError");
var UNRESOLVED = /* @__PURE__ */ new Set(["ENOTFOUND"]);
function isRetryable(error) {
  if (isNetworkError2(error)) return !UNRESOLVED.has(error.code);
  if (isBadAnswer(error)) return true;
  if (isApiError(error)) return isRetryableStatus(error.status);
  return false;
}
function mayHaveCreated(error) {
  if (isNetworkError2(error)) return error.mayHaveReachedServer;
  if (isBadAnswer(error)) return true;
  if (isApiError(error)) return error.status >= 500;
  return false;
}
function parseRetryAfter(value, now = Date.now()) {
  if (value === void 0 || value.trim() === "") return void 0;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1e3);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return void 0;
  return Math.max(0, date - now);
}

// src/oz/sleep.ts
function reasonOf(signal) {
  const reason = signal.reason;
  return reason instanceof Error ? reason : new Error(String(reason));
}
function sleep(ms, signal) {
  return new Promise((resolve2, reject) => {
    if (signal?.aborted) {
      reject(reasonOf(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(reasonOf(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve2();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
function raceAbort(promise, signal) {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(reasonOf(signal));
  return new Promise((resolve2, reject) => {
    const onAbort = () => reject(reasonOf(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve2(value);
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      }
    );
  });
}

// src/oz/client.ts
var DEFAULT_RETRY_POLICY = {
  retries: 5,
  minDelayMs: 1e3,
  maxDelayMs: 16e3,
  maxRetryAfterMs: 6e4
};
var MAX_BODY_BYTES = 4 * 1024 * 1024;
var NOT_SENT_CODES = /* @__PURE__ */ new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);
var OzClient = class {
  policy;
  http;
  timeoutMs;
  options;
  constructor(options) {
    this.options = options;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.requestTimeoutMs ?? 3e4;
    this.http = new HttpClient(options.userAgent, [], {
      socketTimeout: this.timeoutMs,
      keepAlive: false,
      allowRetries: false,
      allowRedirects: false
    });
  }
  /** One try of `POST /agent/runs`, without retries: a retried create could start a second agent (see run/create.ts). */
  async createRunOnce(body) {
    const answer = await this.request("POST", "/agent/runs", body);
    if (!isObject(answer) || typeof answer.run_id !== "string" || answer.run_id === "") {
      throw new OzBadAnswerError("POST", "/agent/runs", 200, `no run_id: ${describeBody(answer)}`);
    }
    return answer;
  }
  getRun(runId, signal) {
    const path = `/agent/runs/${encodeURIComponent(runId)}`;
    return this.withRetry(
      `GET ${path}`,
      async () => {
        const answer = await this.request("GET", path);
        if (!isObject(answer) || typeof answer.run_id !== "string" || typeof answer.state !== "string" || answer.state === "") {
          throw new OzBadAnswerError("GET", path, 200, `something other than a run: ${describeBody(answer)}`);
        }
        return answer;
      },
      signal
    );
  }
  listRuns(query = {}, signal) {
    const params = new URLSearchParams();
    if (query.limit !== void 0) params.set("limit", String(query.limit));
    if (query.cursor !== void 0) params.set("cursor", query.cursor);
    if (query.name !== void 0) params.set("name", query.name);
    for (const state of query.state ?? []) params.append("state", state);
    for (const [key, value] of Object.entries(query.metadata ?? {})) params.set(`metadata[${key}]`, value);
    const path = `/agent/runs${params.size > 0 ? `?${params.toString()}` : ""}`;
    return this.withRetry(
      `GET /agent/runs`,
      async () => {
        const answer = await this.request("GET", path);
        if (!isObject(answer) || !Array.isArray(answer.runs) || !answer.runs.every((r) => isObject(r) && typeof r.run_id === "string")) {
          throw new OzBadAnswerError("GET", "/agent/runs", 200, `something other than a list of runs: ${describeBody(answer)}`);
        }
        return answer;
      },
      signal
    );
  }
  /** One try of `POST /agent/runs/{id}/cancel`; the caller decides what 400/409/422 mean to it. */
  async cancelRunOnce(runId) {
    try {
      return await this.request("POST", `/agent/runs/${encodeURIComponent(runId)}/cancel`, {});
    } catch (error) {
      if (isBadAnswer(error)) return void 0;
      throw error;
    }
  }
  /**
   * Runs `attempt` until it succeeds, retrying what `isRetryable` allows (or `retryIf`, when given) with
   * exponential backoff and jitter, waiting at least as long as a `Retry-After` asked.
   */
  withRetry(what, attempt, signal, retryIf = isRetryable) {
    const { retries, minDelayMs, maxDelayMs, maxRetryAfterMs } = this.policy;
    return pRetry(attempt, {
      retries,
      factor: 2,
      minTimeout: minDelayMs,
      maxTimeout: maxDelayMs,
      randomize: true,
      ...signal ? { signal } : {},
      shouldRetry: ({ error }) => retryIf(error),
      onFailedAttempt: async ({ error, attemptNumber, retriesLeft, retryDelay }) => {
        if (retriesLeft === 0 || !retryIf(error)) return;
        const asked = isApiError(error) ? error.retryAfterMs : void 0;
        const extra = asked === void 0 ? 0 : Math.max(0, Math.min(asked, maxRetryAfterMs) - retryDelay);
        this.options.onRetry?.({ what, attempt: attemptNumber, delayMs: retryDelay + extra, error });
        if (extra > 0) await sleep(extra, signal);
      }
    });
  }
  async request(method, path, body) {
    const url = `${this.options.baseUrl}${path}`;
    const headers = {
      Authorization: `Bearer ${this.options.apiKey}`,
      Accept: "application/json, application/problem+json"
    };
    if (body !== void 0) headers["Content-Type"] = "application/json";
    const shownPath = path.split("?")[0];
    let message;
    let text;
    try {
      const response = await this.http.request(method, url, body === void 0 ? null : JSON.stringify(body), headers);
      message = response.message;
      text = await readBody(message, this.timeoutMs);
    } catch (error) {
      const code = error.code ?? (/timeout/i.test(String(error)) ? "ETIMEDOUT" : "ENETWORK");
      const hint = code === "ENOTFOUND" ? `The host ${new URL(url).hostname} does not resolve: check api_base_url (${this.options.baseUrl}).` : void 0;
      throw new OzNetworkError(method, shownPath, code, !NOT_SENT_CODES.has(code), error, hint);
    }
    const status = message.statusCode ?? 0;
    if (status >= 300 && status < 400) {
      const location = message.headers.location ?? "";
      throw new OzRedirectError(method, shownPath, status, location);
    }
    if (status >= 200 && status < 300) {
      if (text.trim() === "") throw new OzBadAnswerError(method, shownPath, status, "an empty body");
      try {
        return JSON.parse(text);
      } catch {
        throw new OzBadAnswerError(method, shownPath, status, `a body that is not JSON: ${snippet(text)}`);
      }
    }
    throw new OzApiError(method, shownPath, status, parseProblem(text), parseRetryAfter(message.headers["retry-after"]));
  }
};
function readBody(message, timeoutMs) {
  return new Promise((resolve2, reject) => {
    const chunks = [];
    let size = 0;
    const timer = setTimeout(() => message.destroy(Object.assign(new Error("body timeout"), { code: "ETIMEDOUT" })), timeoutMs);
    timer.unref();
    message.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) message.destroy(Object.assign(new Error("answer too large"), { code: "EBODYTOOLARGE" }));
      else chunks.push(chunk);
    });
    message.on("end", () => {
      clearTimeout(timer);
      resolve2(Buffer.concat(chunks).toString("utf8"));
    });
    message.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    message.on("aborted", () => {
      clearTimeout(timer);
      reject(Object.assign(new Error("connection closed mid-answer"), { code: "ECONNRESET" }));
    });
  });
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function describeBody(value) {
  return snippet(JSON.stringify(value) ?? String(value));
}
function snippet(text) {
  const plain = text.replace(/<(head|script|style)\b[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  return plain.length > 200 ? `${plain.slice(0, 197)}...` : plain || "(empty body)";
}
function parseProblem(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return { text: snippet(text) };
  }
  if (typeof json !== "object" || json === null) return { text: snippet(text) };
  const body = json;
  const str = (v) => typeof v === "string" && v.trim() !== "" ? v : void 0;
  const problem = {};
  const title = str(body.title);
  const detail = str(body.detail) ?? (title === void 0 ? str(body.error) ?? str(body.message) : void 0);
  const traceId = str(body.trace_id);
  const errorCode = str(body.error_code) ?? str(body.code) ?? codeFromType(str(body.type));
  if (title !== void 0) problem.title = title;
  if (detail !== void 0) problem.detail = detail;
  if (traceId !== void 0) problem.traceId = traceId;
  if (errorCode !== void 0) problem.errorCode = errorCode;
  if (typeof body.retryable === "boolean") problem.retryable = body.retryable;
  if (title === void 0 && detail === void 0) problem.text = snippet(text);
  return problem;
}
function codeFromType(type) {
  if (type === void 0 || type === "about:blank") return void 0;
  let path;
  try {
    path = new URL(type, "https://x.invalid").pathname;
  } catch {
    return void 0;
  }
  const segment = path.split("/").filter(Boolean).pop();
  return segment && /^[a-z0-9-]+$/.test(segment) ? segment.replaceAll("-", "_") : void 0;
}

// src/oz/metadata.ts
var METADATA_KEY_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
var METADATA_MAX_KEYS = 20;
var METADATA_MAX_VALUE_BYTES = 256;
var REQUEST_ID_KEY = "oz_action_request_id";
var METADATA_USER_MAX_KEYS = METADATA_MAX_KEYS - 1;
function metadataPairProblem(key, value) {
  if (!METADATA_KEY_PATTERN.test(key)) {
    return { what: "key", expected: 'a metadata key of 1-64 characters from a-z, A-Z, 0-9, ".", "_" and "-"' };
  }
  if (Buffer.byteLength(value, "utf8") > METADATA_MAX_VALUE_BYTES || value.includes("\0")) {
    return { what: "value", expected: `a metadata value of at most ${METADATA_MAX_VALUE_BYTES} bytes without NUL characters` };
  }
  return void 0;
}
function fitMetadataValue(value) {
  let text = value.replaceAll("\0", "");
  while (Buffer.byteLength(text, "utf8") > METADATA_MAX_VALUE_BYTES) text = Array.from(text).slice(0, -1).join("");
  return text;
}
function mergeMetadata(user, context) {
  const metadata = { ...user };
  const dropped = [];
  for (const [key, value] of context) {
    if (value === void 0 || key in metadata) continue;
    if (Object.keys(metadata).length >= METADATA_USER_MAX_KEYS) dropped.push(key);
    else metadata[key] = fitMetadataValue(value);
  }
  return { metadata, dropped };
}

// src/oz/version.ts
var VERSION = "1.0.0";
var USER_AGENT = `oz-agent-action/${VERSION} node/${process.versions.node}`;
var CLI_USER_AGENT = `oz-agent-run/${VERSION} node/${process.versions.node}`;

// src/report/limits.ts
var MAX_SUMMARY_BYTES = 900 * 1024;
var MAX_TEXT_OUTPUT_BYTES = 16 * 1024;
var MAX_ARTIFACTS_OUTPUT_BYTES = 128 * 1024;
var MAX_RUN_OUTPUT_BYTES = 512 * 1024;
var MAX_SHOWN_TEXT_CHARS = 4e3;
var MAX_LIST_ITEMS = 50;
var SHORTENED = " \u2026 (shortened)";
function fitBytes(text, maxBytes) {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  const room = Math.max(0, maxBytes - Buffer.byteLength(SHORTENED, "utf8"));
  let cut = Buffer.from(text, "utf8").subarray(0, room).toString("utf8");
  cut = cut.replace(/\uFFFD$/, "");
  return cut + SHORTENED;
}
function fitChars(text, maxChars = MAX_SHOWN_TEXT_CHARS) {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : chars.slice(0, maxChars).join("") + SHORTENED;
}
function fitJson(value, maxBytes) {
  let json = JSON.stringify(value) ?? "";
  for (let limit = 4096; Buffer.byteLength(json, "utf8") > maxBytes && limit >= 16; limit = Math.floor(limit / 4)) {
    json = JSON.stringify(value, (_key, v) => typeof v === "string" ? fitChars(v, limit) : v);
  }
  return Buffer.byteLength(json, "utf8") <= maxBytes ? json : JSON.stringify({ shortened: true, bytes: Buffer.byteLength(json) });
}
function capList(items, max = MAX_LIST_ITEMS) {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

// src/report/markdown.ts
var WORD_JOINER = "\u2060";
var HTML_ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
function escapeMarkdown(text) {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]).replace(/[\\`*_{}[\]()!|~^$]/g, "\\$&").replace(/^[-+=]/, "\\$&").replace(/^(\d+)([.)])/, "$1\\$2").replace(/([a-z][a-z0-9+.-]*):\/\//gi, `$1${WORD_JOINER}://`).replace(/\bwww\./gi, `www${WORD_JOINER}.`).replace(/@/g, `@${WORD_JOINER}`).replace(/#/g, `#${WORD_JOINER}`).replace(/\r\n|\r|\n/g, "<br>");
}
function safeLink(label, url) {
  const href = safeUrl(url);
  return href === void 0 ? escapeMarkdown(label) : `[${escapeMarkdown(label)}](${href})`;
}
var MAX_URL_LENGTH = 8192;
function safeUrl(url) {
  if (typeof url !== "string" || url.length > MAX_URL_LENGTH) return void 0;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return void 0;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return void 0;
  return parsed.href.replace(/[()<> "'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

// src/report/summary.ts
function runOutputs(run, runId, onDropped = () => {
}) {
  const artifacts = run?.artifacts ?? [];
  const pr = artifacts.find((a) => a.artifact_type === "PULL_REQUEST");
  const retryable = run?.status_message?.retryable;
  const url = (output, value) => {
    if (value === void 0 || value === null || value === "") return "";
    const safe = safeUrl(value);
    if (safe === void 0) onDropped(output, typeof value === "string" ? value : JSON.stringify(value));
    return safe ?? "";
  };
  const text = (value) => fitBytes(value ?? "", MAX_TEXT_OUTPUT_BYTES);
  return {
    run_id: text(run?.run_id ?? runId),
    state: text(run?.state),
    session_link: url("session_link", run?.session_link),
    title: text(run?.title),
    status_message: text(run?.status_message?.message),
    error_code: text(run?.status_message?.error_code),
    retryable: retryable === void 0 ? "" : String(retryable),
    conversation_id: text(run?.conversation_id),
    pull_request_url: url("pull_request_url", pr?.data?.url),
    artifacts: fitJson(artifacts, MAX_ARTIFACTS_OUTPUT_BYTES),
    run: run === void 0 ? "" : fitJson(run, MAX_RUN_OUTPUT_BYTES)
  };
}
function formatIsoDuration(value) {
  const match = value === void 0 ? null : /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!match) return void 0;
  const [, d, h, m, s] = match;
  const seconds = Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
  return formatDuration(seconds * 1e3);
}
function formatDuration(ms) {
  let rest = Math.round(ms / 1e3);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  return [h ? `${h}h` : "", h || m ? `${m}m` : "", `${s}s`].filter(Boolean).join(" ");
}
var HEADINGS = {
  succeeded: "\u2705 Oz agent run succeeded",
  failed: "\u274C Oz agent run failed",
  timeout: "\u23F1\uFE0F Oz agent run timed out",
  cancelled: "\u{1F6AB} Oz agent run cancelled with the workflow",
  started: "\u{1F680} Oz agent run started",
  error: "\u26A0\uFE0F Oz agent run could not be followed",
  skipped: "\u23ED\uFE0F Oz agent not started"
};
function pullRequestLabel(url) {
  const match = url === void 0 ? null : /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/pull\/(\d+)/.exec(url);
  return match ? `${match[1]}#${match[2]}` : "pull request";
}
function describeArtifact(artifact) {
  const data = artifact.data ?? {};
  const text = (key) => {
    const value = data[key];
    return typeof value === "string" ? fitChars(value, 500) : void 0;
  };
  switch (artifact.artifact_type) {
    case "PULL_REQUEST": {
      const branch = text("branch");
      return `Pull request: ${safeLink(pullRequestLabel(text("url")), text("url"))}${branch ? ` (branch ${escapeMarkdown(branch)})` : ""}`;
    }
    case "PLAN":
      return `Plan: ${safeLink(text("title") ?? "plan", text("url"))}`;
    case "FILE": {
      const size = typeof data.size_bytes === "number" ? ` (${data.size_bytes} bytes)` : "";
      return `File: ${escapeMarkdown(text("filepath") ?? text("filename") ?? "file")}${size}`;
    }
    case "SCREENSHOT":
      return `Screenshot: ${escapeMarkdown(text("description") ?? text("artifact_uid") ?? "screenshot")}`;
    case "EXTERNAL_REFERENCE":
      return `Link: ${safeLink(text("title") ?? text("url") ?? "reference", text("url"))}`;
    default:
      return escapeMarkdown(fitChars(String(artifact.artifact_type), 100));
  }
}
function usageRows(run) {
  const usage = run.request_usage;
  if (!usage) return [];
  const rows = [];
  const credits = ["inference", "compute", "platform"].map((kind) => [kind, usage[`${kind}_cost`], usage[`${kind}_cost_usd`]]).filter(([, credits2]) => typeof credits2 === "number");
  if (credits.length > 0) {
    const total = credits.reduce((sum, [, c]) => sum + c, 0);
    const usd = credits.reduce((sum, [, , u]) => sum + (typeof u === "number" ? u : 0), 0);
    const parts = credits.map(([kind, c]) => `${kind} ${c}`).join(", ");
    rows.push(["Cost", `${round(total)} credits (${parts})${usd > 0 ? `, about $${usd.toFixed(2)}` : ""}`]);
  }
  if (typeof usage.total_tokens === "number") rows.push(["Tokens", String(usage.total_tokens)]);
  return rows;
}
function round(n) {
  return String(Math.round(n * 100) / 100);
}
var FAILED_HEADINGS = {
  FAILED: "\u274C Oz agent run failed",
  ERROR: "\u274C Oz agent run failed with a platform error",
  BLOCKED: "\u270B Oz agent run is blocked: it needs a person",
  CANCELLED: "\u{1F6AB} Oz agent run was cancelled"
};
function heading(report) {
  return report.outcome === "failed" && FAILED_HEADINGS[report.run?.state ?? ""] || HEADINGS[report.outcome];
}
function renderSummary(report) {
  const { run } = report;
  const lines = [`## ${heading(report)}`, ""];
  if (run?.title) lines.push(`**${escapeMarkdown(fitChars(run.title, 500))}**`, "");
  if (report.note) lines.push(escapeMarkdown(fitChars(report.note)), "");
  const rows = [];
  const runId = run?.run_id ?? report.runId;
  if (run?.state) rows.push(["State", escapeMarkdown(fitChars(run.state, 100))]);
  if (run?.session_link) rows.push(["Session", safeLink("Open the agent session", run.session_link)]);
  if (runId) rows.push(["Run ID", escapeMarkdown(fitChars(runId, 200))]);
  const duration = formatIsoDuration(run?.run_time) ?? (report.elapsedMs === void 0 ? void 0 : formatDuration(report.elapsedMs));
  if (duration) rows.push(["Duration", duration]);
  const status = run?.status_message;
  if (status?.message) rows.push(["Status message", escapeMarkdown(fitChars(status.message))]);
  if (status?.error_code) rows.push(["Error code", escapeMarkdown(fitChars(status.error_code, 100))]);
  if (status?.retryable !== void 0) rows.push(["Retryable", status.retryable ? "yes: a new run may succeed" : "no"]);
  if (run) rows.push(...usageRows(run));
  const pr = report.pullRequest;
  if (pr) rows.push(["Pull request", safeLink(`#${pr.number}`, pr.url)]);
  if (pr?.headSha) rows.push(["Head commit", escapeMarkdown(pr.headSha.slice(0, 12))]);
  if (report.workflowRunUrl) rows.push(["Workflow run", safeLink("This workflow run", report.workflowRunUrl)]);
  if (rows.length > 0) {
    lines.push("| | |", "| --- | --- |", ...rows.map(([k, v]) => `| ${k} | ${v} |`), "");
  }
  const artifacts = run?.artifacts ?? [];
  if (artifacts.length > 0) {
    const { shown, more } = capList(artifacts);
    lines.push("### Artifacts", "", ...shown.map((a) => `- ${describeArtifact(a)}`));
    if (more > 0) lines.push(`- and ${more} more (all of them are in the \`artifacts\` output)`);
    lines.push("");
  }
  return fitBytes(lines.join("\n"), MAX_SUMMARY_BYTES);
}

// src/report/progress.ts
function stateLine(run, previous, elapsedMs) {
  const change = previous ? `${previous} -> ${run.state}` : `${run.state}${run.title ? `: ${run.title}` : ""}`;
  return `[${formatDuration(elapsedMs)}] ${change}`;
}
function sessionLine(url) {
  const safe = safeUrl(url);
  return safe === void 0 ? void 0 : `Watch the agent: ${safe}`;
}

// src/report/redact.ts
function redactor(secrets) {
  const kept = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  if (kept.length === 0) return (text) => text;
  return (text) => kept.reduce((out, secret) => out.split(secret).join("***"), text);
}

// src/report/text.ts
function plainText(text) {
  return text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, "").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

// src/run/lifecycle.ts
var import_node_crypto = require("node:crypto");

// src/oz/types.ts
var LIVE_STATES = ["QUEUED", "PENDING", "CLAIMED", "INPROGRESS"];
var TERMINAL_STATES = ["SUCCEEDED", "FAILED", "ERROR", "BLOCKED", "CANCELLED"];
function isTerminal(state) {
  return TERMINAL_STATES.includes(state ?? "");
}
function isDocumentedState(state) {
  return isTerminal(state) || LIVE_STATES.includes(state);
}

// src/run/cancel.ts
async function cancelRun(client, runId, budgetMs) {
  const deadline = AbortSignal.timeout(budgetMs);
  const retryIf = (error) => isApiError(error) && error.status === 409 || isRetryable(error);
  try {
    await raceAbort(
      client.withRetry(`cancel run ${runId}`, () => client.cancelRunOnce(runId), deadline, retryIf),
      deadline
    );
    return { outcome: "cancelled" };
  } catch (error) {
    if (isApiError(error) && error.status === 400) return { outcome: "already-ended", error };
    if (isApiError(error) && error.status === 422) return { outcome: "not-cancellable", error };
    const cause = deadline.aborted ? new Error(`no answer within ${Math.round(budgetMs / 1e3)} s`, { cause: error }) : error;
    return { outcome: "failed", error: cause };
  }
}

// src/run/create.ts
var LostCreateError = class extends Error {
  name = "LostCreateError";
};
async function createRunExactlyOnce(client, body, requestId, signal) {
  const tagged = { ...body, metadata: { ...body.metadata, [REQUEST_ID_KEY]: requestId } };
  let uncertain;
  let created;
  const attempt = async () => {
    if (uncertain !== void 0) {
      const found = await lookUpLostCreate(client, requestId, uncertain, signal);
      if (found !== void 0) return created = { runId: found.run_id, state: found.state, adopted: true };
    }
    try {
      const answer = await raceAbort(client.createRunOnce(tagged), signal);
      return created = { runId: answer.run_id, state: answer.state ?? "QUEUED", adopted: false };
    } catch (error) {
      if (mayHaveCreated(error)) uncertain = error;
      throw error;
    }
  };
  try {
    return await client.withRetry(
      "POST /agent/runs",
      attempt,
      signal,
      (error) => !(error instanceof Error && error.name === "LostCreateError") && isRetryable(error)
    );
  } catch (error) {
    if (created !== void 0) return created;
    throw error;
  }
}
var MAX_LOOKUP_PAGES = 10;
async function findRunByRequestId(client, requestId, signal) {
  let cursor;
  for (let page = 0; page < MAX_LOOKUP_PAGES; page++) {
    const { runs, page_info } = await client.listRuns(
      { metadata: { [REQUEST_ID_KEY]: requestId }, limit: 100, ...cursor !== void 0 && { cursor } },
      signal
    );
    const mine = runs.find((r) => r.metadata?.[REQUEST_ID_KEY] === requestId);
    if (mine !== void 0) return mine;
    cursor = page_info?.has_next_page ? page_info.next_cursor : void 0;
    if (cursor === void 0 || cursor === "") return void 0;
  }
  throw new Error(`no run carries ${REQUEST_ID_KEY}=${requestId} in the first ${MAX_LOOKUP_PAGES} pages of runs, and there are more`);
}
async function lookUpLostCreate(client, requestId, cause, signal) {
  try {
    return await findRunByRequestId(client, requestId, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new LostCreateError(
      `The answer to creating the run was lost (${cause.message}), and looking for the run by its metadata ${REQUEST_ID_KEY}=${requestId} failed (${error.message}). Not retrying, so as not to start a second agent: check Oz for a run with that metadata before re-running this job.`,
      { cause: error }
    );
  }
}

// src/run/stop.ts
var StopSignal = class extends Error {
  name = "StopSignal";
  reason;
  constructor(reason) {
    super(reason === "timeout" ? "timed out" : "cancelled");
    this.reason = reason;
  }
};
function stopReason(signal) {
  return isStopSignal(signal.reason) ? signal.reason.reason : "cancelled";
}
var MAX_TIMER_MS = 2147483647;
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
function stopOnSignalsAndDeadline(timeoutMs, onSignal) {
  const controller = new AbortController();
  let received;
  const handler = (signal) => {
    if (controller.signal.aborted) return;
    received = signal;
    onSignal?.(signal);
    controller.abort(new StopSignal("cancelled"));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  const cancelDeadline = atDeadline(Date.now() + timeoutMs, () => controller.abort(new StopSignal("timeout")));
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      cancelDeadline();
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    }
  };
}
function isStopSignal(error) {
  return error instanceof Error && error.name === "StopSignal" && "reason" in error;
}

// src/run/watch.ts
var PollSchedule = class {
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
};
async function watchRun(options) {
  const { client, runId, schedule, signal } = options;
  const seenUnknown = /* @__PURE__ */ new Set();
  let run;
  for (; ; ) {
    if (signal.aborted) return { ...run && { run }, stopped: stopReason(signal) };
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
      if (isTerminal(next.state)) {
        const graceMs = options.artifactGraceMs ?? DEFAULT_ARTIFACT_GRACE_MS;
        if (next.state === "SUCCEEDED" && (next.artifacts ?? []).length === 0 && graceMs > 0) {
          run = await rereadForArtifacts(client, next, graceMs, signal);
        }
        return { run };
      }
    } catch (error) {
      if (signal.aborted) return { ...run && { run }, stopped: stopReason(signal) };
      if (!isRetryable(error)) return { ...run && { run }, failed: error };
      options.onReadError?.(error);
    }
    try {
      await sleep(schedule.next(), signal);
    } catch {
      return { ...run && { run }, stopped: stopReason(signal) };
    }
  }
}
var DEFAULT_ARTIFACT_GRACE_MS = 6e3;
async function rereadForArtifacts(client, run, graceMs, signal) {
  let latest = run;
  for (let i = 0; i < 3; i++) {
    try {
      await sleep(graceMs / 3, signal);
      const again = await raceAbort(client.getRun(run.run_id, signal), signal);
      if (!isTerminal(again.state)) return latest;
      latest = again;
      if ((again.artifacts ?? []).length > 0) return again;
    } catch {
      return latest;
    }
  }
  return latest;
}

// src/run/lifecycle.ts
function tellCancel(runId, result, events) {
  switch (result.outcome) {
    case "cancelled":
      events.info(`Cancelled Oz run ${runId}.`);
      return true;
    case "already-ended":
      events.info(`Oz run ${runId} had already ended; nothing to cancel.`);
      return true;
    case "not-cancellable":
      events.warning(`Oz run ${runId} cannot be cancelled through the API (${result.error?.message}); it may keep running.`);
      return true;
    case "failed":
      events.warning(`Could not cancel Oz run ${runId}: ${result.error?.message}. It may keep running.`);
      return false;
  }
}
async function cancelUnansweredCreate(client, requestId, budgetMs, events, result) {
  const deadline = AbortSignal.timeout(budgetMs);
  let run;
  try {
    run = await raceAbort(findRunByRequestId(client, requestId, deadline), deadline);
  } catch (error) {
    events.warning(`Could not check whether the unanswered create started a run: ${error.message}. It may be running.`);
    return;
  }
  if (run === void 0) return;
  result.runId = run.run_id;
  result.run = run;
  events.runId?.(run.run_id);
  if (isTerminal(run.state)) {
    result.settled = true;
    return;
  }
  result.settled = tellCancel(run.run_id, await cancelRun(client, run.run_id, Math.max(1e3, budgetMs - 1e3)), events);
}
async function startAndWatch(client, settings, metadata, stop, events, options = {}) {
  const label = options.label ?? ((name) => name);
  const off = options.off ?? ((name) => `${label(name)} is false`);
  const cancelled = options.cancelled ?? "The workflow was cancelled";
  const startedAt = options.startedAt ?? Date.now();
  const result = { outcome: "error", settled: false };
  let requestId;
  try {
    let runId = settings.runId;
    let startState = "";
    if (settings.create) {
      requestId = (0, import_node_crypto.randomUUID)();
      events.requestId?.(requestId);
      const created = await createRunExactlyOnce(client, { ...settings.create, metadata }, requestId, stop);
      runId = created.runId;
      startState = created.state;
      result.runId = runId;
      events.runId?.(runId);
      events.info(`Created Oz run ${runId} (${created.state})${created.adopted ? ", found again after its create answer was lost" : ""}.`);
      events.progress?.({ state: created.state, ...settings.create.title && { title: settings.create.title } });
    } else if (runId !== void 0) {
      result.runId = runId;
      events.runId?.(runId);
      events.info(`Watching existing Oz run ${runId}.`);
    }
    const id = runId;
    if (!settings.wait) {
      result.settled = true;
      result.outcome = "started";
      result.note = `${off("wait")}: the run goes on after this step. Watch it in another step with ${label("run_id")}.`;
      try {
        result.run = await raceAbort(client.getRun(id, stop), stop);
        if (result.run.session_link) events.sessionLink?.(result.run.session_link);
      } catch (error) {
        events.warning(`Could not read Oz run ${id}: ${error.message}`);
        result.run = { run_id: id, state: startState };
      }
      return result;
    }
    let linkShown = false;
    const watched = await watchRun({
      client,
      runId: id,
      schedule: new PollSchedule(settings.pollIntervalMs, settings.maxPollIntervalMs, options.random),
      signal: stop,
      ...options.artifactGraceMs !== void 0 && { artifactGraceMs: options.artifactGraceMs },
      onStateChange: (run, previous) => {
        events.stateChange?.(run, previous, Date.now() - startedAt);
        events.progress?.(run);
        if (!linkShown && run.session_link) {
          linkShown = true;
          events.sessionLink?.(run.session_link);
        }
      },
      onUnknownState: (state) => events.warning(`Oz reported the state ${state}, which this action does not know yet; treating it as still running.`),
      onReadError: (error) => events.warning(`Could not read Oz run ${id}: ${error.message}. Still watching.`)
    });
    if (watched.run) result.run = watched.run;
    if (watched.failed) throw watched.failed;
    if (watched.stopped) {
      result.outcome = watched.stopped;
      const why = watched.stopped === "timeout" ? `The run did not end within ${label("timeout_minutes")} (${settings.timeoutMs / 6e4})` : cancelled;
      if (!settings.cancelOnAbort) {
        result.settled = true;
        result.note = `${why}; ${off("cancel_on_abort")}, so the run was left running.`;
        return result;
      }
      const budget = watched.stopped === "timeout" ? options.timeoutCancelBudgetMs ?? 3e4 : options.signalCancelBudgetMs ?? 5e3;
      const cancel = await cancelRun(client, id, budget);
      result.settled = tellCancel(id, cancel, events);
      result.note = `${why}, so the run was ${cancel.outcome === "cancelled" ? "cancelled" : `not cancelled (${cancel.outcome})`}.`;
      try {
        result.run = await raceAbort(client.getRun(id), AbortSignal.timeout(Math.min(budget, 3e3)));
      } catch {
      }
      return result;
    }
    result.settled = true;
    result.outcome = watched.run?.state === "SUCCEEDED" ? "succeeded" : "failed";
  } catch (error) {
    if (isStopSignal(error)) {
      result.outcome = error.reason;
      result.note = error.reason === "timeout" ? `The run could not be created within ${label("timeout_minutes")}.` : `${cancelled} before the run was created.`;
      if (requestId !== void 0 && settings.cancelOnAbort) {
        const budget = error.reason === "timeout" ? options.timeoutCancelBudgetMs ?? 3e4 : options.signalCancelBudgetMs ?? 5e3;
        await cancelUnansweredCreate(client, requestId, budget, events, result);
      }
    } else {
      result.outcome = "error";
      result.note = error.message;
      if (result.runId && !isTerminal(result.run?.state) && settings.cancelOnAbort && settings.wait) {
        result.settled = tellCancel(result.runId, await cancelRun(client, result.runId, options.timeoutCancelBudgetMs ?? 3e4), events);
      }
    }
  }
  if (isTerminal(result.run?.state)) result.settled = true;
  return result;
}

// src/run/settings.ts
var import_node_path = require("node:path");
var InputError = class extends Error {
  name = "InputError";
};
var DEFAULT_API_BASE_URL = "https://app.warp.dev/api/v1";
var MODES = ["normal", "plan", "orchestrate"];
var SKILL_PATTERN = /^(?:[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)?:)?[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;
var RUN_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
function quote(value) {
  const short = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return `'${short.replace(/\r?\n/g, "\\n")}'`;
}
function fail(label, value, expected) {
  throw new InputError(`Invalid ${label} ${quote(value)}. Expected ${expected}.`);
}
function optional(src, name) {
  const value = src.read(name);
  return value === "" ? void 0 : value;
}
function parseBoolean(src, name, fallback) {
  const value = src.read(name);
  if (value === "") return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  fail(src.label(name), value, "true or false");
}
function parsePositiveNumber(src, name, fallback) {
  const value = src.read(name);
  if (value === "") return fallback;
  const number = /^\d+(\.\d+)?$|^\.\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(number) || number <= 0) fail(src.label(name), value, "a positive number such as 5 or 0.5");
  return number;
}
function checkMetadataPair(key, value, source) {
  const problem = metadataPairProblem(key, value);
  if (problem) fail(source, problem.what === "key" ? key : value, problem.expected);
}
function checkUserMetadata(metadata, source) {
  for (const [key, value] of Object.entries(metadata)) checkMetadataPair(key, value, source);
  if (Object.keys(metadata).length > METADATA_USER_MAX_KEYS) {
    fail(source, `${Object.keys(metadata).length} keys`, `at most ${METADATA_USER_MAX_KEYS} keys`);
  }
  if (REQUEST_ID_KEY in metadata) fail(source, REQUEST_ID_KEY, "a key other than this one, which the action sets itself");
  return metadata;
}
function parseMetadata(text, source = "metadata") {
  const metadata = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) fail(source, line, "key=value lines, one pair per line");
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    checkMetadataPair(key, value, source);
    metadata[key] = value;
  }
  return checkUserMetadata(metadata, source);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isStringMap(value) {
  return isRecord(value) && Object.values(value).every((v) => typeof v === "string");
}
function parseMcp(value, workspace, readFile, label = "mcp") {
  let text = value;
  let where = label;
  if (!value.startsWith("{")) {
    const path = (0, import_node_path.isAbsolute)(value) ? value : (0, import_node_path.resolve)(workspace, value);
    try {
      text = readFile(path);
    } catch {
      fail(label, value, 'JSON such as {"mcpServers": {...}}, or the path of a readable JSON file');
    }
    where = `${label} file ${quote(value)}`;
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `Invalid ${where}: it is not valid JSON (${error.message}). Expected {"mcpServers": {"name": {...}}} or a map of servers.`
    );
  }
  const servers = isRecord(parsed) && "mcpServers" in parsed ? parsed.mcpServers : parsed;
  if (!isRecord(servers) || Object.keys(servers).length === 0) {
    throw new InputError(`Invalid ${where}: expected {"mcpServers": {"name": {...}}} or a non-empty map of servers.`);
  }
  for (const [name, server] of Object.entries(servers)) {
    const ok = isRecord(server) && (typeof server.command === "string" || typeof server.url === "string" || typeof server.warp_id === "string") && (server.args === void 0 || Array.isArray(server.args) && server.args.every((a) => typeof a === "string")) && (server.env === void 0 || isStringMap(server.env)) && (server.headers === void 0 || isStringMap(server.headers));
    if (!ok) {
      throw new InputError(
        `Invalid ${where}: server ${quote(name)} must be an object with "command" (and optional "args", "env"), "url" (and optional "headers"), or "warp_id".`
      );
    }
  }
  return servers;
}
function parseApiBaseUrl(value, label = "api_base_url") {
  if (value === void 0) return DEFAULT_API_BASE_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    fail(label, value, "an absolute URL such as https://app.warp.dev/api/v1");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    fail(label, value, "an http(s) URL such as https://app.warp.dev/api/v1");
  }
  if (url.search || url.hash || url.username || url.password) {
    fail(label, value, "a URL without query, fragment or credentials");
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    fail(label, value, "an https URL (http is allowed only for a loopback host such as localhost, 127.0.0.1 or [::1])");
  }
  return url.href.replace(/\/+$/, "");
}
function isLoopback(hostname) {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
function checkApiKey(apiKey, label, missing) {
  if (apiKey === "") throw new InputError(missing);
  if (/\s/.test(apiKey) || !apiKey.startsWith("wk-")) {
    throw new InputError(`Invalid ${label}: expected a Warp API key, which starts with "wk-" and has no spaces.`);
  }
}
function parseRunSettings(src, options) {
  const { apiKey, workspace, readFile } = options;
  const label = src.label;
  checkApiKey(apiKey, options.apiKeyLabel, options.missingApiKey);
  const runId = optional(src, "run_id");
  if (runId !== void 0 && !RUN_ID_PATTERN.test(runId)) {
    fail(label("run_id"), runId, 'a run id of letters, digits, "-" and "_"');
  }
  const promptInput = optional(src, "prompt");
  const promptFile = optional(src, "prompt_file");
  const skill = optional(src, "skill");
  if (promptInput !== void 0 && promptFile !== void 0) {
    throw new InputError(`Set either ${label("prompt")} or ${label("prompt_file")}, not both.`);
  }
  let prompt = promptInput;
  if (promptFile !== void 0) {
    const path = (0, import_node_path.isAbsolute)(promptFile) ? promptFile : (0, import_node_path.resolve)(workspace, promptFile);
    try {
      prompt = readFile(path);
    } catch {
      fail(label("prompt_file"), promptFile, "the path of a readable file, relative to the workspace");
    }
    if (prompt.trim() === "") fail(label("prompt_file"), promptFile, "a file with a non-empty prompt");
  }
  if (skill !== void 0 && !SKILL_PATTERN.test(skill)) {
    fail(label("skill"), skill, "skill_name, repo:skill_name, org/repo:skill_name or org/repo:path/to/SKILL.md");
  }
  const mode = optional(src, "mode");
  if (mode !== void 0 && !MODES.includes(mode)) {
    fail(label("mode"), mode, MODES.join(", ") + " (one of)");
  }
  const metadataText = optional(src, "metadata");
  const userMetadata = options.metadata !== void 0 ? checkUserMetadata(options.metadata, label("metadata")) : metadataText === void 0 ? {} : parseMetadata(metadataText, label("metadata"));
  const mcpText = optional(src, "mcp");
  const mcpServers = mcpText === void 0 ? void 0 : parseMcp(mcpText, workspace, readFile, label("mcp"));
  const computerUse = parseBoolean(src, "computer_use");
  const config = {};
  const name = optional(src, "name");
  const model = optional(src, "model");
  const environment = optional(src, "environment");
  const basePrompt = optional(src, "base_prompt");
  const host = optional(src, "host");
  if (name !== void 0) config.name = name;
  if (model !== void 0) config.model_id = model;
  if (environment !== void 0) config.environment_id = environment;
  if (basePrompt !== void 0) config.base_prompt = basePrompt;
  if (mcpServers !== void 0) config.mcp_servers = mcpServers;
  if (host !== void 0) config.worker_host = host;
  if (computerUse !== void 0) config.computer_use_enabled = computerUse;
  const title = optional(src, "title");
  const conversationId = optional(src, "conversation_id");
  const creating = [
    ["prompt", promptInput],
    ["prompt_file", promptFile],
    ["skill", skill],
    ["title", title],
    ["mode", mode],
    ["conversation_id", conversationId],
    ["mcp", mcpText],
    ["metadata", Object.keys(userMetadata).length > 0 ? "set" : metadataText],
    ["name", name],
    ["model", model],
    ["environment", environment],
    ["base_prompt", basePrompt],
    ["host", host],
    ["computer_use", src.read("computer_use") || void 0]
  ].filter(([, v]) => v !== void 0);
  let create;
  if (runId !== void 0) {
    if (creating.length > 0) {
      throw new InputError(
        `${label("run_id")} watches an existing run, so it cannot be combined with ${creating.map(([k]) => label(k)).join(", ")}: those configure a new run.`
      );
    }
  } else {
    if (prompt === void 0 && skill === void 0) {
      throw new InputError(
        `Missing ${label("prompt")}: set ${label("prompt")}, ${label("prompt_file")} or ${label("skill")} (or ${label("run_id")} to watch an existing run).`
      );
    }
    create = {};
    if (prompt !== void 0) create.prompt = prompt;
    if (skill !== void 0) create.skill = skill;
    if (title !== void 0) create.title = title;
    if (mode !== void 0) create.mode = mode;
    if (conversationId !== void 0) create.conversation_id = conversationId;
    if (Object.keys(config).length > 0) create.config = config;
  }
  const pollIntervalMs = parsePositiveNumber(src, "poll_interval_seconds", 5) * 1e3;
  const maxPollIntervalMs = parsePositiveNumber(src, "max_poll_interval_seconds", 30) * 1e3;
  if (maxPollIntervalMs < pollIntervalMs) {
    fail(
      label("max_poll_interval_seconds"),
      src.read("max_poll_interval_seconds") || "30",
      `a number no smaller than ${label("poll_interval_seconds")} (${pollIntervalMs / 1e3})`
    );
  }
  const settings = {
    apiKey,
    apiBaseUrl: parseApiBaseUrl(optional(src, "api_base_url"), label("api_base_url")),
    wait: parseBoolean(src, "wait", true),
    timeoutMs: parsePositiveNumber(src, "timeout_minutes", 60) * 6e4,
    pollIntervalMs,
    maxPollIntervalMs,
    cancelOnAbort: parseBoolean(src, "cancel_on_abort", true),
    userMetadata
  };
  if (create !== void 0) settings.create = create;
  if (runId !== void 0) settings.runId = runId;
  return settings;
}

// src/cli/args.ts
var import_node_util = require("node:util");
var STRINGS = [
  "prompt",
  "prompt-file",
  "skill",
  "title",
  "name",
  "model",
  "environment",
  "base-prompt",
  "host",
  "mcp",
  "mode",
  "conversation-id",
  "api-base-url",
  "run-id",
  "timeout-minutes",
  "poll-interval-seconds",
  "max-poll-interval-seconds",
  "summary-file",
  "output-file"
];
var USAGE = `Usage: oz-agent-run [flags]

Runs a Warp Oz cloud agent, watches it to its end, and reports how it went.
The API key comes from WARP_API_KEY (never a flag); OZ_API_BASE_URL overrides the API's address.

What to run:
  --prompt TEXT                 the task for the agent
  --prompt-file PATH            read the prompt from a file
  --skill SPEC                  a skill (skill_name, repo:skill_name, org/repo:skill_name, org/repo:path/to/SKILL.md)
  --title TEXT                  the run's title
  --mode normal|plan|orchestrate
  --conversation-id ID          continue a conversation
  --run-id ID                   watch an existing run instead of creating one

How to run it:
  --name LABEL                  a label that groups runs
  --model ID                    the model
  --environment ID              the environment (repositories, setup)
  --base-prompt TEXT            instructions placed before the prompt
  --host NAME                   a self-hosted worker
  --computer-use, --no-computer-use
  --mcp JSON|PATH               MCP servers: {"mcpServers": {...}} or a file holding it
  --metadata KEY=VALUE          run metadata (repeatable)

Watching:
  --no-wait                     start the run, print its id and exit 0
  --timeout-minutes N           give up after N minutes and cancel the run (default 60)
  --poll-interval-seconds N     first pause between reads (default 5)
  --max-poll-interval-seconds N longest pause between reads (default 30)
  --no-cancel-on-abort          leave the run running on timeout or Ctrl-C
  --api-base-url URL            the API's address (default https://app.warp.dev/api/v1)

Reporting (progress goes to stderr):
  --json                        print the outputs as one JSON object on stdout at the end
  --summary-file PATH           write the Markdown summary to PATH
  --output-file PATH            write KEY=value lines (OZ_RUN_ID, OZ_STATE, ...) for GitLab's dotenv reports

  --help, --version

Exit codes: 0 the run succeeded (or started, with --no-wait); 1 it started and did not succeed;
2 no run could be started (bad flags, or the API refused); 130 on SIGINT and 143 on SIGTERM, after
cancelling the run.`;
function flagLabel(name) {
  if (name === "wait") return "--no-wait";
  if (name === "cancel_on_abort") return "--no-cancel-on-abort";
  if (name === "metadata") return "--metadata";
  return `--${name.replaceAll("_", "-")}`;
}
function parseCli(argv, env) {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new InputError(`${error.message}. See oz-agent-run --help.`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    throw new InputError(`Unexpected argument '${positionals[0]}': every setting is a flag, such as --prompt "...". See --help.`);
  }
  const strings = values;
  const bool = (name, value) => value === void 0 ? "" : String(value);
  const read = (name) => {
    switch (name) {
      case "wait":
        return bool(name, values.wait);
      case "cancel_on_abort":
        return bool(name, values["cancel-on-abort"]);
      case "computer_use":
        return bool(name, values["computer-use"]);
      case "api_base_url":
        return (strings["api-base-url"] ?? env.OZ_API_BASE_URL ?? "").trim();
      case "metadata":
        return "";
      default:
        return (strings[name.replaceAll("_", "-")] ?? "").trim();
    }
  };
  let metadata;
  for (const pair of values.metadata ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) fail("--metadata", pair, "KEY=VALUE, such as --metadata team=platform");
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    checkMetadataPair(key, value, "--metadata");
    (metadata ??= {})[key] = value;
  }
  return {
    help: values.help ?? false,
    version: values.version ?? false,
    json: values.json ?? false,
    ...values["summary-file"] !== void 0 && { summaryFile: values["summary-file"] },
    ...values["output-file"] !== void 0 && { outputFile: values["output-file"] },
    source: { read, label: flagLabel },
    ...metadata !== void 0 && { metadata }
  };
}
function parse(argv) {
  return (0, import_node_util.parseArgs)({
    args: argv,
    strict: true,
    allowPositionals: true,
    allowNegative: true,
    options: {
      ...Object.fromEntries(STRINGS.map((name) => [name, { type: "string" }])),
      metadata: { type: "string", multiple: true },
      wait: { type: "boolean" },
      "cancel-on-abort": { type: "boolean" },
      "computer-use": { type: "boolean" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" }
    }
  });
}

// src/cli/ci.ts
var PROVIDERS = [
  {
    name: "gitlab",
    detect: (env) => env.GITLAB_CI === "true",
    url: (env) => env.CI_JOB_URL ?? env.CI_PIPELINE_URL,
    sha: (env) => env.CI_COMMIT_SHA,
    branch: (env) => env.CI_COMMIT_REF_NAME,
    job: (env) => env.CI_JOB_NAME
  },
  {
    name: "buildkite",
    detect: (env) => env.BUILDKITE === "true",
    url: (env) => env.BUILDKITE_BUILD_URL,
    sha: (env) => env.BUILDKITE_COMMIT,
    branch: (env) => env.BUILDKITE_BRANCH,
    job: (env) => env.BUILDKITE_LABEL ?? env.BUILDKITE_STEP_KEY
  },
  {
    name: "circleci",
    detect: (env) => env.CIRCLECI === "true",
    url: (env) => env.CIRCLE_BUILD_URL,
    sha: (env) => env.CIRCLE_SHA1,
    branch: (env) => env.CIRCLE_BRANCH,
    job: (env) => env.CIRCLE_JOB
  },
  {
    name: "jenkins",
    detect: (env) => env.JENKINS_URL !== void 0,
    url: (env) => env.BUILD_URL,
    sha: (env) => env.GIT_COMMIT,
    branch: (env) => env.BRANCH_NAME ?? env.GIT_BRANCH,
    job: (env) => env.JOB_NAME
  }
];
function ciMetadata(env) {
  const provider = PROVIDERS.find((p) => p.detect(env));
  if (!provider) return [["ci_provider", env.CI === "true" ? "ci" : "none"]];
  return [
    ["ci_provider", provider.name],
    ["ci_pipeline_url", provider.url(env)],
    ["ci_commit_sha", provider.sha(env)],
    ["ci_branch", provider.branch(env)],
    ["ci_job", provider.job(env)]
  ];
}

// src/cli/main.ts
var EXIT = { succeeded: 0, notSucceeded: 1, notStarted: 2, sigint: 130, sigterm: 143 };
var NOT_IN_DOTENV = /* @__PURE__ */ new Set(["run", "artifacts", "agent_output", "structured_output"]);
async function runCli(argv, env = process.env, io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }, options = {}) {
  const apiKey = (env.WARP_API_KEY ?? "").trim();
  const redact = redactor([apiKey]);
  const say = (line) => io.stderr(`${redact(plainText(line))}
`);
  let args;
  let settings;
  try {
    args = parseCli(argv, env);
    if (args.help) {
      io.stdout(`${USAGE}
`);
      return EXIT.succeeded;
    }
    if (args.version) {
      io.stdout(`${VERSION}
`);
      return EXIT.succeeded;
    }
    settings = parseRunSettings(args.source, {
      apiKey,
      apiKeyLabel: "WARP_API_KEY",
      missingApiKey: "Missing WARP_API_KEY: set it in the environment (a flag would show the key in process lists and shell history).",
      workspace: process.cwd(),
      readFile: (path) => (0, import_node_fs.readFileSync)(path, "utf8"),
      ...args.metadata !== void 0 && { metadata: args.metadata }
    });
  } catch (error) {
    say(`oz-agent-run: ${error.message}`);
    return EXIT.notStarted;
  }
  const startedAt = Date.now();
  const stop = stopOnSignalsAndDeadline(settings.timeoutMs, (signal2) => say(`Received ${signal2}: stopping.`));
  const { metadata, dropped } = mergeMetadata(settings.userMetadata, ciMetadata(env));
  if (settings.create && dropped.length > 0) say(`Run metadata is limited to 20 keys; left out: ${dropped.join(", ")}`);
  const client = new OzClient({
    baseUrl: settings.apiBaseUrl,
    apiKey,
    userAgent: CLI_USER_AGENT,
    onRetry: ({ what, attempt, delayMs, error }) => say(`${what}: try ${attempt} failed (${error.message}); trying again in ${(delayMs / 1e3).toFixed(1)} s`)
  });
  let result;
  try {
    result = await startAndWatch(
      client,
      settings,
      metadata,
      stop.signal,
      {
        info: say,
        warning: (message) => say(`warning: ${message}`),
        stateChange: (run, previous, elapsedMs) => say(stateLine(run, previous, elapsedMs)),
        sessionLink: (url) => {
          const line = sessionLine(url);
          if (line) say(line);
        }
      },
      { ...options, label: flagLabel, off: (name) => `${flagLabel(name)} is set`, cancelled: "The run was interrupted", startedAt }
    );
  } finally {
    stop.dispose();
  }
  const { settled: _settled, ...rest } = result;
  const report = { ...rest, elapsedMs: Date.now() - startedAt };
  const outputs = runOutputs(report.run, report.runId);
  writeResults(args, report, outputs, io, redact, say);
  if (report.outcome === "succeeded") {
    say(`Oz run ${outputs.run_id} succeeded.`);
    return EXIT.succeeded;
  }
  if (report.outcome === "started") {
    if (!args.json) io.stdout(`${redact(outputs.run_id)}
`);
    return EXIT.succeeded;
  }
  say(`oz-agent-run: ${describeFailure(report)}`);
  const signal = stop.received();
  if (signal === "SIGINT") return EXIT.sigint;
  if (signal === "SIGTERM") return EXIT.sigterm;
  return report.runId === void 0 ? EXIT.notStarted : EXIT.notSucceeded;
}
function describeFailure(report) {
  const run = report.run;
  if (report.outcome === "failed" && run) {
    const status = run.status_message;
    return `Oz run ${run.run_id} ended ${run.state}${status?.message ? `: ${status.message}` : ""}${status?.error_code ? ` [${status.error_code}]` : ""}`;
  }
  return `${report.runId ? `Oz run ${report.runId}: ` : ""}${report.note ?? "the run did not succeed."}`;
}
function writeResults(args, report, outputs, io, redact, say) {
  if (args.json) io.stdout(`${redact(JSON.stringify(outputs))}
`);
  try {
    if (args.summaryFile !== void 0) (0, import_node_fs.writeFileSync)(args.summaryFile, redact(renderSummary(report)));
    if (args.outputFile !== void 0) {
      const lines = Object.entries(outputs).filter(([name]) => !NOT_IN_DOTENV.has(name)).map(([name, value]) => `OZ_${name.toUpperCase()}=${fitBytes(redact(value).replace(/\s+/g, " ").trim(), 2e3)}`);
      (0, import_node_fs.writeFileSync)(args.outputFile, `${lines.join("\n")}
`);
    }
  } catch (error) {
    say(`warning: could not write a report file: ${error.message}`);
  }
}

// src/cli.ts
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`oz-agent-run: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    process.exit(2);
  }
);
