export const id = 107;
export const ids = [107];
export const modules = {

/***/ 3131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ wireRequest),
/* harmony export */   PF: () => (/* binding */ runClientOptions),
/* harmony export */   Tn: () => (/* binding */ FoxApiClient),
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   av: () => (/* binding */ apiBase),
/* harmony export */   fu: () => (/* binding */ previewCreate),
/* harmony export */   jf: () => (/* binding */ TASK_ID_MISMATCH)
/* harmony export */ });
/* unused harmony exports cancelPath, CREATE_PATH */
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24371);
/* harmony import */ var _http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74539);
/* harmony import */ var _request_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98984);
/* harmony import */ var _retries__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97181);
/* harmony import */ var _task__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(91294);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(25625);
// FoxAPI client: create, query and cancel video tasks over undici.
// The API key is sent only to the base URL's origin, and redirects are never followed.






/** How a run talks to FoxAPI (its tasks, its file uploads, a dry run's status queries): one key, one agent, one retry policy. */
function runClientOptions(settings, agent) {
    return { baseUrl: settings.baseUrl, apiKey: settings.apiKey, agent, retry: _retries__WEBPACK_IMPORTED_MODULE_3__/* .API_RETRY */ .Is, userAgent: 'foxapi-video-action' };
}
/** Path of the cancel call. FoxAPI's reference names `task_info.can_cancel` but not the route; this is the one we use. */
const cancelPath = (taskId) => `/v1/tasks/${encodeURIComponent(taskId)}/cancel`;
/** Path of the create call, relative to the base URL. */
const CREATE_PATH = 'v1/videos/generations';
/** `base-url` as the base every API path is resolved against (with its trailing slash, so a path prefix is kept). */
function apiBase(baseUrl) {
    return new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
}
/** The create call for `body`, exactly as `createTask` sends it, with `***` in place of the key. */
function previewCreate(baseUrl, body, userAgent) {
    return wireRequest(apiBase(baseUrl), 'POST', CREATE_PATH, '***', userAgent, body);
}
/** A call to FoxAPI as it goes on the wire: the URL under `base`, the key and the headers every call sends, a JSON body. */
function wireRequest(base, method, path, apiKey, userAgent, body) {
    return {
        method,
        url: new URL(path, base).toString(),
        headers: {
            authorization: `Bearer ${apiKey}`,
            accept: 'application/json',
            'user-agent': userAgent ?? 'foxapi-video-action',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    };
}
/** `errorCode` of a reply about another task than the one asked for: refused, and not waited out. */
const TASK_ID_MISMATCH = 'task_id_mismatch';
class FoxApiClient {
    options;
    base;
    /** Retry lines, at most a few per distinct error per 30 s (a hostile server cannot flood the log). */
    retryLog = _log__WEBPACK_IMPORTED_MODULE_5__/* .throttled */ .v6();
    constructor(options) {
        this.options = options;
        this.base = apiBase(options.baseUrl);
    }
    /**
     * Creates a task. Never repeated once the request may have reached FoxAPI (that could charge twice):
     * only refusals at the door (429, 503) and connections that never opened are retried.
     */
    async createTask(body, call) {
        const { inFlightSignal, ...retryCall } = call;
        try {
            // Bounded by the deadline like every call (requestSignal). A create that may have been sent is not cut off
            // by a cancelled run: `inFlightSignal` fires only after the grace period (see src/run/start-task.ts).
            return await (0,_retries__WEBPACK_IMPORTED_MODULE_3__/* .withRetries */ .LH)(() => {
                // A run stopped between attempts sends nothing more (the earlier attempts surely were not taken).
                if (call.signal?.aborted)
                    throw notSentBecauseStopped();
                return this.send('POST', CREATE_PATH, 'Create task', { ...retryCall, signal: inFlightSignal ?? call.signal }, body);
            }, {
                ...retryCall,
                policy: this.options.retry,
                canRetry: (error) => !error.details.mayHaveBeenProcessed,
                onRetry: (error, delay, attempt) => this.retryLog(error.message, `${error.message}. FoxAPI did not take the request, so retrying is safe: attempt ${attempt + 2} in ${seconds(delay)}.`),
            });
        }
        catch (error) {
            // Stopped while waiting to retry a create FoxAPI did not take: nothing was billed.
            if (error instanceof _request_errors__WEBPACK_IMPORTED_MODULE_2__/* .RequestError */ .GI && error.details.aborted && !inFlightSignal?.aborted && call.signal?.aborted) {
                if (error.message.startsWith('Retry wait'))
                    throw notSentBecauseStopped();
            }
            if (error instanceof _request_errors__WEBPACK_IMPORTED_MODULE_2__/* .RequestError */ .GI && error.details.retryable && error.details.mayHaveBeenProcessed) {
                error.message +=
                    '. Not retried: the request may have reached FoxAPI and a second one could charge twice.' +
                        ' If a task was created, re-run with the task-id input to pick it up.';
            }
            throw error;
        }
    }
    /** Queries a task; `syncUpstream` asks FoxAPI to refresh its state from the provider first (`?sync_upstream=true`). */
    async getTask(taskId, call) {
        const path = `v1/tasks/${encodeURIComponent(taskId)}${call.syncUpstream ? '?sync_upstream=true' : ''}`;
        return (0,_retries__WEBPACK_IMPORTED_MODULE_3__/* .withRetries */ .LH)(() => this.send('GET', path, 'Task query', call, undefined, taskId), {
            ...call,
            policy: call.retry ?? this.options.retry,
            onRetry: (error, delay) => this.retryLog(error.message, `${error.message}; retrying in ${seconds(delay)}.`),
        });
    }
    async cancelTask(taskId, call) {
        return (0,_retries__WEBPACK_IMPORTED_MODULE_3__/* .withRetries */ .LH)(() => this.send('POST', cancelPath(taskId).slice(1), 'Cancel task', call, {}, taskId), {
            ...call,
            policy: this.options.retry,
            onRetry: (error, delay) => this.retryLog(error.message, `${error.message}; retrying in ${seconds(delay)}.`),
        });
    }
    /**
     * One request, bounded by the call's deadline as well as the agent's idle timeouts, its body read with a
     * byte cap and parsed with a depth limit. With `expectedId`, a reply about another task is refused.
     */
    async send(method, path, what, call, body, expectedId) {
        const wire = wireRequest(this.base, method, path, this.options.apiKey, this.options.userAgent, body);
        const url = new URL(wire.url);
        if (url.origin !== this.base.origin)
            throw new Error(`Refusing to send the API key to ${url.origin}`);
        const signal = (0,_http__WEBPACK_IMPORTED_MODULE_1__/* .requestSignal */ .OL)(call.deadline, call.signal);
        let response;
        try {
            response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, { method, dispatcher: this.options.agent, signal, headers: wire.headers, body: wire.body });
        }
        catch (error) {
            throw (0,_request_errors__WEBPACK_IMPORTED_MODULE_2__/* .toRequestError */ .du)(error, what, signal);
        }
        const text = await (0,_http__WEBPACK_IMPORTED_MODULE_1__/* .readApiReply */ .nz)(response, what, this.base.origin, signal);
        return taskOfReply(response, text, what, expectedId);
    }
}
/**
 * The task a reply's text holds. An error status, a reply that is not a task, or (with `expectedId`) one about
 * another task throws.
 */
function taskOfReply({ statusCode, headers }, text, what, expectedId) {
    const json = (0,_http__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonSafely */ .s$)(text);
    if (statusCode >= 400)
        throw (0,_request_errors__WEBPACK_IMPORTED_MODULE_2__/* .httpStatusError */ .H6)(statusCode, json, headers, what);
    const parsed = _task__WEBPACK_IMPORTED_MODULE_4__/* .taskSchema */ .v.safeParse(json);
    if (!parsed.success) {
        throw new _request_errors__WEBPACK_IMPORTED_MODULE_2__/* .RequestError */ .GI(`${what} failed: FoxAPI's reply is not a task (${snippet(text)})`, {
            status: statusCode,
            retryable: false,
            mayHaveBeenProcessed: true,
            badReply: true,
        });
    }
    if (expectedId !== undefined && parsed.data.id !== expectedId) {
        throw new _request_errors__WEBPACK_IMPORTED_MODULE_2__/* .RequestError */ .GI(`${what} failed: FoxAPI's reply is about another task than ${expectedId}; refused`, {
            status: statusCode,
            errorCode: TASK_ID_MISMATCH,
            retryable: false,
            mayHaveBeenProcessed: true,
            badReply: true,
        });
    }
    return parsed.data;
}
function notSentBecauseStopped() {
    return new _request_errors__WEBPACK_IMPORTED_MODULE_2__/* .RequestError */ .GI('Create task was not sent: the run was cancelled', {
        retryable: false,
        mayHaveBeenProcessed: false,
        aborted: true,
    });
}
function snippet(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat || 'empty body';
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)}s`;
}


/***/ }),

/***/ 60265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MO: () => (/* binding */ cancelSentence),
/* harmony export */   S4: () => (/* binding */ tryCancel),
/* harmony export */   Un: () => (/* binding */ collectHint),
/* harmony export */   jw: () => (/* binding */ leftRunning),
/* harmony export */   yi: () => (/* binding */ cacheClause)
/* harmony export */ });
/* harmony import */ var _request_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98984);
/* harmony import */ var _task__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91294);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



/** Statuses that say the route itself is missing rather than this task being the problem. */
const NO_CANCEL_ROUTE = new Set([404, 405, 501]);
/** Tries to cancel `task` once (with the client's retries for transient errors) and says what came of it. */
async function tryCancel(client, task, deadline) {
    if (!(0,_task__WEBPACK_IMPORTED_MODULE_1__/* .canCancel */ .d1)(task))
        return { kind: 'not-cancellable' };
    try {
        const reply = await client.cancelTask(task.id, { deadline });
        return reply.status === 'cancelled' ? { kind: 'cancelled', task: reply } : { kind: 'requested', task: reply };
    }
    catch (error) {
        const status = error instanceof _request_errors__WEBPACK_IMPORTED_MODULE_0__/* .RequestError */ .GI ? error.details.status : undefined;
        if (status !== undefined && NO_CANCEL_ROUTE.has(status))
            return { kind: 'unsupported', status };
        return { kind: 'failed', reason: (0,_errors__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error) };
    }
}
/** One sentence on what became of the task: cancelled (a reply said so), or still running and maybe billed. */
function cancelSentence(taskId, outcome, last) {
    const running = 'keeps running at FoxAPI and may be billed';
    if (outcome === 'not-asked')
        return `Task ${taskId} ${running} (cancel-on-timeout: false).`;
    switch (outcome.kind) {
        case 'cancelled':
            return `The task was cancelled at FoxAPI (its reply says cancelled).`;
        case 'requested':
            return `FoxAPI took the cancel request for task ${taskId} but reports it ${outcome.task.status}: it may keep running and be billed.`;
        case 'unsupported':
            return `FoxAPI cannot cancel tasks (HTTP ${outcome.status} on the cancel call; its reference documents no cancel route): task ${taskId} ${running}.`;
        case 'not-cancellable':
            return last && (0,_task__WEBPACK_IMPORTED_MODULE_1__/* .isTerminal */ .Hd)(last.status)
                ? `Task ${taskId} had already ended ${last.status}.`
                : `Task ${taskId} cannot be cancelled (task_info.can_cancel is false): it ${running}.`;
        case 'failed':
            return `Could not cancel task ${taskId} (${outcome.reason}): it ${running}.`;
    }
}
/** How to collect a task left running without paying again. */
function collectHint(taskId, options = { longerTimeout: false, cached: false }) {
    return `Collect it later without paying again: re-run with task-id: ${taskId}${options.longerTimeout ? ' (and a longer timeout)' : ''}${cacheClause(options)}.`;
}
/** The end of a collect hint (single clip or batch entry) when the Actions cache remembers the task. */
function cacheClause(options) {
    return options.cached ? ', or re-run this workflow: the Actions cache remembers the task' : '';
}
/** Whether the task may still be running (and billed) after the step gave up on it. */
function leftRunning(outcome, last) {
    if (last !== undefined && (0,_task__WEBPACK_IMPORTED_MODULE_1__/* .isTerminal */ .Hd)(last.status))
        return false;
    return outcome === 'not-asked' || outcome.kind !== 'cancelled';
}


/***/ }),

/***/ 74539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OL: () => (/* binding */ requestSignal),
/* harmony export */   nz: () => (/* binding */ readApiReply),
/* harmony export */   oV: () => (/* binding */ readBodyCapped),
/* harmony export */   rA: () => (/* binding */ createHttpAgent),
/* harmony export */   s$: () => (/* binding */ parseJsonSafely)
/* harmony export */ });
/* unused harmony exports proxyConfigured, MAX_API_BODY_BYTES, MAX_JSON_DEPTH, discardBody, jsonNestsDeeperThan */
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24371);
/* harmony import */ var _request_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98984);
// Low-level HTTP plumbing shared by the API client and the downloader: one undici Agent with per-request
// timeouts (and the runner's proxy), the signal that holds a request to its deadline, and reading reply bodies
// without trusting their size or nesting. What a failure means is request-errors.ts; trying again, retries.ts.


/**
 * The dispatcher for every request: the request timeout as idle timeouts, and the runner's proxy variables
 * (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`, upper or lower case) honoured with the same timeouts, so a
 * self-hosted runner behind an egress proxy works. Through a proxy every request, plain http included, goes
 * through a CONNECT tunnel: the proxy sees the host and port, not the headers. `connect` replaces the
 * connector for direct connections (the download's address check).
 */
function createHttpAgent(requestTimeoutMs, options = {}) {
    const connectTimeout = Math.min(requestTimeoutMs, 30_000);
    const common = {
        connect: options.connect ?? { timeout: connectTimeout },
        headersTimeout: requestTimeoutMs,
        bodyTimeout: requestTimeoutMs,
        keepAliveTimeout: 4_000,
    };
    if (!proxyConfigured())
        return new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6(common);
    return new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2({
        ...common,
        // To the proxy, and to the target through the tunnel: the same connect timeout.
        proxyTls: { timeout: connectTimeout },
        requestTls: { timeout: connectTimeout },
    });
}
/** Whether the environment names a proxy (the variables EnvHttpProxyAgent reads). */
function proxyConfigured(env = process.env) {
    return ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => (env[name] ?? '').trim() !== '');
}
/**
 * The signal one request runs under: the caller's (a cancelled run), and the deadline, so no reply, however
 * slowly it trickles within the idle timeout, outlives the time budget. Tell the two apart with
 * isDeadlineAbort (request-errors.ts).
 */
function requestSignal(deadline, signal) {
    const timeout = AbortSignal.timeout(Math.max(0, deadline - Date.now()));
    return signal ? AbortSignal.any([signal, timeout]) : timeout;
}
/** Biggest API reply body read (a task envelope is a few KiB); past it the reply is refused, unread. */
const MAX_API_BODY_BYTES = 4 * 1024 * 1024;
/** Deepest JSON nesting accepted in a reply (a task envelope is 4 deep). */
const MAX_JSON_DEPTH = 32;
/**
 * Reads a reply body as text, at most `maxBytes` of it: a longer one (announced by Content-Length or found
 * on the way) is refused without reading the rest, so a hostile or broken server cannot fill the memory.
 */
async function readBodyCapped(response, what, maxBytes = MAX_API_BODY_BYTES) {
    const tooBig = () => {
        discardBody(response.body);
        return new _request_errors__WEBPACK_IMPORTED_MODULE_1__/* .RequestError */ .GI(`${what} failed: the reply is over ${maxBytes} bytes; refused without reading it`, {
            retryable: false,
            mayHaveBeenProcessed: true,
            badReply: true,
        });
    };
    const declaredHeader = response.headers['content-length'];
    const declared = Number(Array.isArray(declaredHeader) ? declaredHeader[0] : declaredHeader);
    if (Number.isFinite(declared) && declared > maxBytes)
        throw tooBig();
    const chunks = [];
    let total = 0;
    for await (const chunk of response.body) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        total += buffer.length;
        if (total > maxBytes)
            throw tooBig();
        chunks.push(buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** Drops a reply body unread (closing the connection); the abort error undici then emits is expected, not a crash. */
function discardBody(body) {
    body.on('error', () => { });
    body.destroy();
}
/** Whether `text` nests arrays/objects deeper than `maxDepth` (strings are skipped). Linear, no recursion. */
function jsonNestsDeeperThan(text, maxDepth) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++; // backslash: skip the escaped character
            else if (c === 0x22)
                inString = false;
        }
        else if (c === 0x22)
            inString = true;
        else if (c === 0x5b || c === 0x7b) {
            if (++depth > maxDepth)
                return true;
        }
        else if (c === 0x5d || c === 0x7d)
            depth--;
    }
    return false;
}
/** JSON.parse for server text: undefined for invalid JSON and for nesting deeper than {@link MAX_JSON_DEPTH}. */
function parseJsonSafely(text) {
    if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH))
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/**
 * The text of an API reply, read as every call to FoxAPI reads it: a redirect is refused, never followed (the API
 * key stays with `origin`), and the body is read with its byte cap. A failed read is a RequestError.
 */
async function readApiReply(response, what, origin, signal) {
    if (response.statusCode >= 300 && response.statusCode < 400) {
        discardBody(response.body);
        throw new _request_errors__WEBPACK_IMPORTED_MODULE_1__/* .RequestError */ .GI(`${what} failed: FoxAPI answered with a redirect (HTTP ${response.statusCode}); not followed, so the API key stays with ${origin}`, { status: response.statusCode, retryable: false, mayHaveBeenProcessed: true });
    }
    try {
        return await readBodyCapped(response, what);
    }
    catch (error) {
        throw (0,_request_errors__WEBPACK_IMPORTED_MODULE_1__/* .toRequestError */ .du)(error, what, signal);
    }
}


/***/ }),

/***/ 98984:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GI: () => (/* binding */ RequestError),
/* harmony export */   H6: () => (/* binding */ httpStatusError),
/* harmony export */   du: () => (/* binding */ toRequestError)
/* harmony export */ });
/* unused harmony exports isDeadlineAbort, parseRetryAfter */
/* harmony import */ var _security_visible_text__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52966);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
// What a failed request means: the error every call to FoxAPI or its CDN throws (RequestError), with what is
// known about it (whether trying again could help, whether the server may have acted on it), read from an HTTP
// status and FoxAPI's error body, or from whatever undici or the abort signal threw.


/** Statuses worth another try: rate limits and transient server trouble. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
/** Network failures where the request surely never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
/** Network failures after which the request may or may not have been received. */
const IN_FLIGHT_CODES = new Set([
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'UND_ERR_SOCKET',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
    'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);
/** A request to FoxAPI or its CDN that failed, with its {@link RequestErrorDetails}. */
class RequestError extends Error {
    details;
    name = 'RequestError';
    constructor(message, details) {
        super(message);
        this.details = details;
    }
}
/** Whether `signal` was aborted by its deadline (AbortSignal.timeout), not by a cancelled run. */
function isDeadlineAbort(signal) {
    const reason = signal?.reason;
    return signal?.aborted === true && reason instanceof DOMException && reason.name === 'TimeoutError';
}
/** Parses `Retry-After`: delta-seconds or an HTTP date. Returns milliseconds, or undefined. */
function parseRetryAfter(value, now = Date.now()) {
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined || text.trim() === '')
        return undefined;
    const trimmed = text.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    // An HTTP date names its weekday; anything else (`-5`, `soon`) is ignored rather than read as a year.
    if (!/^[A-Za-z]{3},/.test(trimmed))
        return undefined;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/** The RequestError for an HTTP error status, with FoxAPI's `error` message, type, code and named fields when its body gives them. */
function httpStatusError(status, body, headers, what) {
    const apiError = readApiError(body);
    const retryAfterMs = parseRetryAfter(headers['retry-after']);
    const label = apiError.type ? `${status} ${apiError.type}` : `HTTP ${status}`;
    // FoxAPI's `error.code` (and any list of offending fields) tells the user which field to drop.
    const code = apiError.code ? ` (${apiError.code}${apiError.fields?.length ? `: ${apiError.fields.join(', ')}` : ''})` : '';
    const message = apiError.message ? `${what} failed (${label}): ${apiError.message}${code}` : `${what} failed (${label})${code}`;
    // A 422 service_unavailable_error is FoxAPI finding no channel right now: a refusal at the door, like a 503.
    const noChannel = status === 422 && apiError.type === 'service_unavailable_error';
    return new RequestError(message, {
        status,
        errorType: apiError.type,
        errorCode: apiError.code,
        retryAfterMs,
        retryable: RETRYABLE_STATUSES.has(status) || noChannel,
        // 429 and 503 (and a 422 with no channel) are refusals at the door: FoxAPI did not start any work.
        mayHaveBeenProcessed: !(status === 429 || status === 503 || noChannel),
    });
}
function readApiError(body) {
    if (typeof body !== 'object' || body === null)
        return {};
    const error = body.error;
    if (typeof error === 'string')
        return { message: (0,_security_visible_text__WEBPACK_IMPORTED_MODULE_0__/* .capText */ .yA)(error) };
    if (typeof error !== 'object' || error === null)
        return {};
    const fields = error;
    const asText = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
    // The list's key is not documented ("the body may list them"): take any list of names, or a `param`.
    const named = Object.entries(fields).flatMap(([key, value]) => Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : key === 'param' && typeof value === 'string' ? [value] : []);
    // Server text, capped (the sanitiser and summary cells then make it inert).
    const capped = (v, max) => {
        const text = asText(v);
        return text === undefined ? undefined : (0,_security_visible_text__WEBPACK_IMPORTED_MODULE_0__/* .capText */ .yA)(text, max);
    };
    return {
        message: capped(fields.message),
        type: capped(fields.type, 100),
        code: capped(fields.code, 100),
        fields: named.length > 0 ? [...new Set(named)].slice(0, 20).map((name) => name.slice(0, 80)) : undefined,
    };
}
/** Turns whatever undici or the abort signal threw into a RequestError. */
function toRequestError(error, what, signal) {
    if (error instanceof RequestError)
        return error;
    if (isDeadlineAbort(signal)) {
        return new RequestError(`${what} was stopped: the time limit ran out`, {
            retryable: false,
            mayHaveBeenProcessed: true,
            aborted: true,
            deadline: true,
        });
    }
    if (signal?.aborted) {
        return new RequestError(`${what} was stopped: ${abortReason(signal)}`, {
            retryable: false,
            mayHaveBeenProcessed: true,
            aborted: true,
        });
    }
    const code = networkCodeOf(error);
    const reason = (0,_errors__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error);
    const notSent = code !== undefined && NOT_SENT_CODES.has(code);
    const known = code !== undefined && (notSent || IN_FLIGHT_CODES.has(code));
    return new RequestError(`${what} failed: ${describeNetworkError(code, reason)}`, {
        networkCode: code,
        retryable: known,
        mayHaveBeenProcessed: !notSent,
    });
}
function abortReason(signal) {
    const reason = signal.reason;
    if (reason instanceof Error)
        return reason.message;
    return typeof reason === 'string' ? reason : 'cancelled';
}
function networkCodeOf(error) {
    for (let e = error, depth = 0; e && depth < 4; depth++) {
        const code = e.code;
        if (typeof code === 'string')
            return code;
        e = e.cause;
    }
    return undefined;
}
function describeNetworkError(code, reason) {
    switch (code) {
        case 'UND_ERR_HEADERS_TIMEOUT':
            return 'no response headers within the request timeout';
        case 'UND_ERR_BODY_TIMEOUT':
            return 'the response body stalled past the request timeout';
        case 'UND_ERR_CONNECT_TIMEOUT':
            return 'could not connect within the request timeout';
        case 'ECONNREFUSED':
            return 'connection refused';
        case 'ECONNRESET':
        case 'UND_ERR_SOCKET':
            return 'the connection was reset';
        default:
            return code ? `${reason} (${code})` : reason;
    }
}


/***/ }),

/***/ 97181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* binding */ API_RETRY),
/* harmony export */   LH: () => (/* binding */ withRetries)
/* harmony export */ });
/* unused harmony exports MIN_RETRY_DELAY_MS, MAX_RETRY_AFTER_MS, backoffDelay, retryDelay */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _request_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98984);
// Trying a request again: the one retry policy of a run, exponential backoff with jitter, Retry-After honoured
// within bounds, and the loop that retries what is worth retrying until the attempts or the deadline run out.


/** The retry policy of every call to FoxAPI and every clip download of a run: 1 s doubling to 30 s, six attempts. */
const API_RETRY = { baseDelayMs: 1_000, maxDelayMs: 30_000, maxAttempts: 6 };
/** Shortest wait before any retry, whatever `Retry-After` says (capped by the policy's base delay). */
const MIN_RETRY_DELAY_MS = 500;
/** Longest wait a `Retry-After` is allowed to ask for (the deadline still applies). */
const MAX_RETRY_AFTER_MS = 10 * 60_000;
/** Exponential backoff with "equal jitter": half fixed, half random. */
function backoffDelay(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
/**
 * The wait before retry number `attempt + 1`: exponential backoff with jitter, never less than what
 * `Retry-After` asked for (capped at {@link MAX_RETRY_AFTER_MS}) nor than a floor. `Retry-After: 0` or a date in
 * the past cannot turn retries into a hot loop: it only ever lengthens the backoff.
 */
function retryDelay(attempt, policy, retryAfterMs, random = Math.random) {
    const floor = Math.min(MIN_RETRY_DELAY_MS, policy.baseDelayMs);
    const asked = Math.min(Math.max(0, retryAfterMs ?? 0), MAX_RETRY_AFTER_MS);
    return Math.max(backoffDelay(attempt, policy, random), asked, floor);
}
/** Runs `operation`, retrying retryable RequestErrors with backoff until attempts or the deadline run out. */
async function withRetries(operation, options) {
    const { policy, deadline, signal } = options;
    for (let attempt = 0;; attempt++) {
        try {
            return await operation(attempt);
        }
        catch (error) {
            if (!(error instanceof _request_errors__WEBPACK_IMPORTED_MODULE_1__/* .RequestError */ .GI))
                throw error;
            const allowed = error.details.retryable && (options.canRetry?.(error) ?? true);
            if (!allowed || attempt + 1 >= policy.maxAttempts)
                throw error;
            const delay = retryDelay(attempt, policy, error.details.retryAfterMs);
            if (Date.now() + delay > deadline)
                throw error;
            options.onRetry?.(error, delay, attempt);
            try {
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(delay, undefined, { signal });
            }
            catch {
                throw (0,_request_errors__WEBPACK_IMPORTED_MODULE_1__/* .toRequestError */ .du)(new Error('aborted'), 'Retry wait', signal);
            }
        }
    }
}


/***/ }),

/***/ 91294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Db: () => (/* binding */ taskErrorText),
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   cu: () => (/* binding */ assetOf),
/* harmony export */   d1: () => (/* binding */ canCancel),
/* harmony export */   h3: () => (/* binding */ endedWithoutClip),
/* harmony export */   iq: () => (/* binding */ videoUrlOf),
/* harmony export */   v: () => (/* binding */ taskSchema),
/* harmony export */   yX: () => (/* binding */ hasResult)
/* harmony export */ });
/* unused harmony export TERMINAL_STATUSES */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74528);
/* harmony import */ var _security_task_id__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18571);
/* harmony import */ var _security_visible_text__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52966);
// The shape of FoxAPI's task replies (create and query share one envelope).



const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled'];
/** Longest URL kept from a reply; a longer one is dropped (a real pre-signed URL is far shorter). */
const MAX_URL_LENGTH = 8_192;
/** Most result URLs kept from one reply. */
const MAX_RESULT_URLS = 100;
/** An optional field: a value of the wrong shape is dropped rather than failing the whole reply. */
const optional = (schema) => schema.optional().catch(undefined);
const label = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(200);
const url = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(MAX_URL_LENGTH);
const count = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().finite();
/**
 * The id a model that makes no video answers (`voice_id`, `character_id`): a plain word, so that it can be an
 * output and go into a later request as it is; anything else is dropped.
 */
const assetId = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/);
/** The ids and name such a result item (or `output`) carries. */
const assetFields = { voice_id: optional(assetId), character_id: optional(assetId), name: optional(label) };
/** Server text shown to people: kept, but capped. */
const message = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((text) => (0,_security_visible_text__WEBPACK_IMPORTED_MODULE_2__/* .capText */ .yA)(text));
const taskErrorSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    code: optional(zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(200), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().finite()])),
    message: optional(message),
    type: optional(label),
});
/**
 * FoxAPI's task envelope, projected onto the fields the action knows: id, object, type, model, status,
 * progress, created, task_info{can_cancel, estimated_time}, results[{url, voice_id, character_id, name}],
 * output{url, urls, duration, width, height, voice_id, character_id, name}, error{code, message, type},
 * usage{credits_reserved}. (`voice_id`: kling-video-create-voice; `character_id` and `name`: sora-2-character.) Anything else a server sends (an
 * echoed key, a 20,000-deep object) is dropped here, so it reaches no output, summary, log or cache entry.
 * `id` must be a task id ({@link TASK_ID_PATTERN}) and `status` a plain word; otherwise the reply is not a task.
 */
const taskSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(_security_task_id__WEBPACK_IMPORTED_MODULE_0__/* .TASK_ID_PATTERN */ .Fq),
    object: optional(label),
    type: optional(label),
    model: optional(label),
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/),
    progress: optional(count),
    created: optional(count),
    task_info: optional(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ can_cancel: optional(zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()), estimated_time: optional(count) })),
    results: optional(zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ url: optional(url), ...assetFields }))
        .transform((items) => items.slice(0, MAX_RESULT_URLS))
        .nullable()),
    output: optional(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        url: optional(url),
        urls: optional(zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(url).transform((items) => items.slice(0, MAX_RESULT_URLS))),
        duration: optional(count),
        width: optional(count),
        height: optional(count),
        ...assetFields,
    })
        .nullable()),
    error: optional(zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([taskErrorSchema, message]).nullable()),
    // A figure FoxAPI may send as a number or a numeric string (src/run/budget.ts reads either). A figure that is
    // there but not a usable number (1e999 parses as Infinity, text, an object) is kept as short text, never
    // dropped: the budget must see that a figure came, to count it as reaching max-credits.
    usage: optional(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ credits_reserved: optional(zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().transform(creditsText)) }).nullable()),
});
/** `usage.credits_reserved` as kept: a finite number as it is, anything else there as text of at most 32 characters. */
function creditsText(value) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : 'not a number';
    return text.length > 32 ? `${text.slice(0, 31)}…` : text;
}
function isTerminal(status) {
    return TERMINAL_STATUSES.includes(status);
}
/** `failed` or `cancelled`: the task ended without a clip, and nothing more will come of it. */
function endedWithoutClip(status) {
    return status === 'failed' || status === 'cancelled';
}
/** The clip's URL: `results[].url` first, then `output.url` / `output.urls[]` (FoxAPI replies use either). */
function videoUrlOf(task) {
    const fromResults = task.results?.find((r) => typeof r.url === 'string' && r.url !== '')?.url;
    return fromResults ?? task.output?.url ?? task.output?.urls?.find((u) => u !== '');
}
/** The asset of a completed task: the first `results[]` item carrying a `voice_id` or `character_id`, then `output`. */
function assetOf(task) {
    const items = [...(task.results ?? []), ...(task.output ? [task.output] : [])];
    for (const item of items) {
        const field = item.voice_id !== undefined ? 'voice_id' : item.character_id !== undefined ? 'character_id' : undefined;
        const id = field ? item[field] : undefined;
        if (field && id)
            return { field, id, ...(item.name !== undefined ? { name: item.name } : {}) };
    }
    return undefined;
}
/** A completed task has its result: a clip URL, or the id a model that makes no video answers. */
function hasResult(task) {
    return videoUrlOf(task) !== undefined || assetOf(task) !== undefined;
}
/** `code: message` of a failed task, or a fallback. */
function taskErrorText(task) {
    const error = task.error;
    if (!error)
        return 'the task failed without an error message';
    if (typeof error === 'string')
        return (0,_security_visible_text__WEBPACK_IMPORTED_MODULE_2__/* .capText */ .yA)(error);
    const code = error.code !== undefined ? String(error.code) : undefined;
    const message = error.message ?? 'no message';
    return (0,_security_visible_text__WEBPACK_IMPORTED_MODULE_2__/* .capText */ .yA)(code ? `${code}: ${message}` : message);
}
function canCancel(task) {
    return task !== undefined && !isTerminal(task.status) && task.task_info?.can_cancel !== false;
}


/***/ })

};
