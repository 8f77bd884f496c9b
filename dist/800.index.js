export const id = 800;
export const ids = [800];
export const modules = {

/***/ 60265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MO: () => (/* binding */ cancelSentence),
/* harmony export */   S4: () => (/* binding */ tryCancel),
/* harmony export */   Un: () => (/* binding */ collectHint),
/* harmony export */   jw: () => (/* binding */ leftRunning),
/* harmony export */   yi: () => (/* binding */ cacheClause)
/* harmony export */ });
/* harmony import */ var _http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74539);
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
        const status = error instanceof _http__WEBPACK_IMPORTED_MODULE_0__/* .RequestError */ .GI ? error.details.status : undefined;
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

/***/ 52800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  generate: () => (/* binding */ generate)
});

// EXTERNAL MODULE: ./src/foxapi/api-client.ts
var api_client = __webpack_require__(3131);
// EXTERNAL MODULE: ./src/foxapi/http.ts
var http = __webpack_require__(74539);
// EXTERNAL MODULE: ./src/inputs/plan-inputs.ts
var plan_inputs = __webpack_require__(9854);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(65468);
// EXTERNAL MODULE: ./src/security/visible-text.ts
var visible_text = __webpack_require__(52966);
;// CONCATENATED MODULE: ./src/run/limiter.ts
// How many of one kind of work run at once: the tasks of a batch (`concurrency`), its downloads, its cache saves.
// Each kind has its own limit, so a clip that is downloading or being saved holds no task slot.
class Limiter {
    limit;
    running = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    /** Waits for a free place and takes it; the function returned gives it back (calling it again does nothing). */
    async acquire() {
        if (this.running >= this.limit)
            await new Promise((resolve) => this.waiting.push(resolve));
        else
            this.running++;
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            const next = this.waiting.shift();
            // The place passes straight to the next in line, so no one can take it in between.
            if (next)
                next();
            else
                this.running--;
        };
    }
    /** Runs `work` once a place is free, and frees the place when it settles. */
    async run(work) {
        const release = await this.acquire();
        try {
            return await work();
        }
        finally {
            release();
        }
    }
}

;// CONCATENATED MODULE: ./src/run/budget.ts
// What this step has reserved at FoxAPI, and the `max-credits` limit on it.
//
// FoxAPI publishes no price list and no balance route: the only figure is `usage.credits_reserved` in the
// replies to create and query. So the budget counts what those replies report, per submission (one create
// request this step sent), never per task id: a server that names every task alike still gets each create
// counted. For each submission it keeps the highest figure ever reported, so a later reply that reports the
// reservation released or settled (0) never makes room for more. Clips restored from the cache and tasks
// resumed from an earlier run are no submission and reserve nothing new.
//
// With a limit, the budget treats as reached (nothing more is submitted):
// - the sum of those figures at or over the limit;
// - a create whose outcome is unknown (a 5xx answer, a reset connection, a timeout, a reply that is not a
//   task): it may have been billed for an amount no reply will ever tell;
// - a figure that is not a usable number (`"1e999"`, negative, text, over MAX_CREDITS_LIMIT): no honest
//   count can be made from it.
//
// With a limit, submissions are taken one at a time: the next create is sent only after the previous one's
// reply has been counted. Waiting and downloading still run `concurrency` at a time. The sum can therefore
// pass the limit by at most the credits of the last task submitted (its price is known only from its reply),
// plus any later rise FoxAPI reports for tasks already running.





class CreditBudget {
    limit;
    warn;
    period;
    /** One entry per create sent by this step: the highest usable figure reported for it. */
    submissions = [];
    /** With a limit, one submission at a time. */
    turn = new Limiter(1);
    warnedUnreported = false;
    /** Why the limit counts as reached whatever the sum (an unknown create outcome, an unusable figure). */
    stoppedBecause;
    constructor(
    /** `max-credits`, or undefined for no limit. */
    limit, warn = () => { }, 
    /** With `budget-period`, the period's earlier spending: the period's total is that plus this step's figures. */
    period) {
        this.limit = limit;
        this.warn = warn;
        this.period = period;
    }
    /** Credits reserved so far by this step's submissions (the highest figure of each). */
    get reserved() {
        return this.submissions.reduce((sum, s) => sum + (s.credits ?? 0), 0);
    }
    /** Whether the limit has been reached: no new task is submitted. */
    get reached() {
        if (this.limit === undefined)
            return false;
        if (this.period?.blocked !== undefined || this.stoppedBecause !== undefined)
            return true;
        return (this.period?.spentEarlier ?? 0) + this.reserved >= this.limit;
    }
    /** Why a clip is not started, once the limit is reached. */
    get refusal() {
        if (this.period?.blocked !== undefined)
            return `not started: ${this.period.blocked}`;
        const counted = this.period
            ? `${(0,outputs/* formatCredits */.Ql)(this.period.spentEarlier)} credits spent by earlier runs in the period, ${(0,outputs/* formatCredits */.Ql)(this.reserved)} by this step's tasks`
            : `${(0,outputs/* formatCredits */.Ql)(this.reserved)} credits reserved by this step's tasks`;
        if (this.period && this.stoppedBecause === undefined)
            return `not started: max-credits ${this.limit} for ${this.period.period} reached (${counted})`;
        return this.stoppedBecause !== undefined
            ? `not started: max-credits ${this.limit} counted as reached, because ${this.stoppedBecause} (${counted} as far as FoxAPI reported)`
            : `not started: max-credits ${this.limit} reached (${counted})`;
    }
    /**
     * Submits through `create` unless the limit is reached, and counts the reply. With a limit, one submission
     * at a time, so each decision sees every earlier reply (see the top of this file). A create that fails with
     * an unknown outcome stops further submissions under a limit; the error is passed on.
     */
    async submit(create) {
        if (this.limit === undefined)
            return this.send(create);
        return this.turn.run(async () => (this.reached ? { submitted: false, reason: this.refusal } : await this.send(create)));
    }
    async send(create) {
        let task;
        try {
            task = await create();
        }
        catch (error) {
            if (outcomeUnknown(error)) {
                this.submissions.push({ credits: undefined, unusable: false });
                this.stop("a create request's outcome is unknown (FoxAPI may have made and billed a task no reply named)");
            }
            throw error;
        }
        const entry = { credits: undefined, unusable: false };
        this.submissions.push(entry);
        const counted = {
            get credits() {
                return entry.credits;
            },
            update: (reply) => this.count(entry, reply, false),
        };
        this.count(entry, task, true);
        return { submitted: true, task, counted };
    }
    /** Takes one reply's figure into account for its submission: the highest usable figure is kept. */
    count(entry, task, first) {
        const figure = creditsFigure(task);
        if (figure.kind === 'credits') {
            const before = entry.credits;
            entry.credits = Math.max(entry.credits ?? 0, figure.credits);
            if (entry.credits !== before)
                this.period?.onChange?.(this.reserved);
        }
        else if (figure.kind === 'unusable') {
            if (entry.unusable)
                return;
            entry.unusable = true;
            this.warn(`FoxAPI reported usage.credits_reserved ${figure.shown} for task ${task.id}, which is not a usable number of credits` +
                (this.limit !== undefined ? ': max-credits counts as reached, and no new task is submitted.' : '.'));
            this.stop(`FoxAPI reported an unusable credits figure (${figure.shown}) for task ${task.id}`);
        }
        else if (first && this.limit !== undefined && !this.warnedUnreported) {
            this.warnedUnreported = true;
            this.warn(`FoxAPI's reply for task ${task.id} reports no usage.credits_reserved, so max-credits cannot count it.`);
        }
    }
    stop(reason) {
        this.stoppedBecause ??= reason;
    }
}
/**
 * Whether a failed create may have made (and billed) a task: any failure but an answer FoxAPI gave before
 * doing anything (a 4xx, a 429 or 503 refusal at the door) and a request that surely never left.
 */
function outcomeUnknown(error) {
    for (let cause = error; cause !== undefined; cause = cause.cause) {
        if (cause instanceof http/* RequestError */.GI) {
            const { status, mayHaveBeenProcessed } = cause.details;
            return mayHaveBeenProcessed && !(status !== undefined && status >= 400 && status < 500);
        }
        if (typeof cause !== 'object' || cause === null)
            break;
    }
    return true;
}
/** `usage.credits_reserved` of a task reply: absent, a usable figure (0 to MAX_CREDITS_LIMIT), or unusable. */
function creditsFigure(task) {
    const value = task.usage?.credits_reserved;
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
        return { kind: 'none' };
    const n = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
    if (typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= plan_inputs/* MAX_CREDITS_LIMIT */.q)
        return { kind: 'credits', credits: n };
    return { kind: 'unusable', shown: JSON.stringify((0,visible_text/* capText */.yA)(String(value), 40)) };
}
/** `usage.credits_reserved` of a task reply, when it is a usable number. */
function creditsReserved(task) {
    const figure = creditsFigure(task);
    return figure.kind === 'credits' ? figure.credits : undefined;
}

// EXTERNAL MODULE: ./src/cache/credit-ledger.ts
var credit_ledger = __webpack_require__(16267);
// EXTERNAL MODULE: ./src/report/schedule-notes.ts
var schedule_notes = __webpack_require__(58353);
// EXTERNAL MODULE: ./src/cache/staging.ts
var staging = __webpack_require__(3511);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
// EXTERNAL MODULE: ./src/atomic-files.ts
var atomic_files = __webpack_require__(69316);
// EXTERNAL MODULE: external "node:dns"
var external_node_dns_ = __webpack_require__(40610);
var external_node_dns_default = /*#__PURE__*/__webpack_require__.n(external_node_dns_);
// EXTERNAL MODULE: ./src/security/internal-hosts.ts
var internal_hosts = __webpack_require__(83731);
;// CONCATENATED MODULE: ./src/security/download-policy.ts
// Where a clip may be downloaded from. A result URL comes from the server (and may redirect anywhere), so it
// could point the runner at its own loopback services, the cloud metadata endpoint or the office network, and
// whatever answers would be saved as the clip. So: https only, and never a loopback, link-local, private or
// otherwise internal address, checked on the URL, on every address a name resolves to, and on the address
// the socket actually connected to (no DNS-rebinding gap), for every redirect hop. Both rules are relaxed only
// when `base-url` itself is such an address (the simulator on 127.0.0.1, an API on the internal network).



/** The policy that follows from `base-url`: strict for any public API host. */
function downloadPolicyFor(baseUrl) {
    let url;
    try {
        url = new URL(baseUrl);
    }
    catch {
        return { allowPlainHttp: false, allowInternal: false };
    }
    const { kind } = (0,internal_hosts/* judgeHost */.Ii)(url.hostname);
    return { allowPlainHttp: url.protocol === 'http:' && kind === 'loopback', allowInternal: kind !== 'public' };
}
/** Why `url` may not be fetched for a clip, or undefined when it may. Checked for the first URL and every redirect. */
function refusalOf(url, policy) {
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowPlainHttp)) {
        return url.protocol === 'http:'
            ? `${url.origin} is plain http; clips are fetched over https only`
            : `${url.protocol} URLs are not supported`;
    }
    if (url.username || url.password)
        return 'the URL carries credentials';
    if (policy.allowInternal)
        return undefined;
    const host = (0,internal_hosts/* judgeHost */.Ii)(url.hostname);
    if (host.kind !== 'public')
        return `${url.host} is ${host.what}; clips are fetched from public hosts only`;
    return undefined;
}
/** The error code of a connection refused by this policy (not retried: the address will not change its nature). */
const REFUSED_ADDRESS_CODE = 'ERR_FOXAPI_INTERNAL_ADDRESS';
function refusedAddress(host, address) {
    return Object.assign(new Error(`${host} resolves to ${address}, a loopback, link-local or private address; not fetched`), {
        code: REFUSED_ADDRESS_CODE,
    });
}
/** dns.lookup that fails when any address of the name is internal (one bad address is enough: no mixing). */
function guardedLookup(policy) {
    return ((hostname, options, callback) => {
        external_node_dns_default().lookup(hostname, { ...options, all: true }, (error, addresses) => {
            if (error)
                return callback(error);
            const list = addresses;
            const bad = policy.allowInternal ? undefined : list.find((a) => (0,internal_hosts/* isInternalAddress */.Kk)(a.address));
            if (bad)
                return callback(refusedAddress(hostname, bad.address));
            if (options.all)
                return callback(null, list);
            const first = list[0];
            if (!first)
                return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }));
            callback(null, first.address, first.family);
        });
    });
}
/**
 * undici's connector with the policy applied: names resolve through `guardedLookup`, and the address the socket
 * actually connected to is checked once more before anything is sent. (Through a proxy the proxy resolves and
 * connects; then only the URL check applies.)
 */
function guardedConnector(policy, timeoutMs) {
    const connect = (0,undici/* buildConnector */.gU)({ timeout: timeoutMs, lookup: guardedLookup(policy) });
    return (options, callback) => connect(options, (error, socket) => {
        if (error || !socket)
            return callback(error ?? new Error('no socket'), null);
        const address = socket.remoteAddress;
        if (!policy.allowInternal && address !== undefined && (0,internal_hosts/* isInternalAddress */.Kk)(address)) {
            socket.destroy();
            return callback(refusedAddress(options.hostname, address), null);
        }
        callback(null, socket);
    });
}
/**
 * Whether a file's first bytes are a video container, whatever the Content-Type said: an ISO BMFF / QuickTime
 * `ftyp` box at offset 4 (MP4, MOV, M4V, 3GP) or the EBML magic 1A 45 DF A3 (WebM, Matroska). A login page, an
 * error JSON or a metadata answer served as `video/mp4` is none of these.
 */
function isVideoContainer(start) {
    const bytes = Buffer.from(start.buffer, start.byteOffset, start.byteLength);
    if (bytes.length >= 8 && bytes.toString('latin1', 4, 8) === 'ftyp')
        return true;
    return bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;
}

;// CONCATENATED MODULE: ./src/foxapi/download.ts
// Downloads the finished clip: streamed to a hidden temporary file beside the destination, hashed on the way,
// checked for size and type, then renamed into place. A failure never leaves a file under the final name.
// A download cut short is resumed with a Range request (when the server names the file with an ETag or
// Last-Modified), so a flaky link does not start a large clip over. No credentials are ever sent: result
// URLs are pre-signed, and the API key stays with the API.








const MAX_REDIRECTS = 5;
const ACCEPTED_TYPES = [/^video\//, /^application\/octet-stream$/, /^binary\/octet-stream$/, /^application\/mp4$/];
async function downloadVideo(options) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(options.destination), { recursive: true });
    options.checkDestination?.();
    const partial = { tempPath: (0,atomic_files/* temporaryPathFor */.ub)(options.destination) };
    try {
        const result = await (0,http/* withRetries */.LH)(() => downloadOnce(options, partial), {
            policy: options.retry,
            deadline: options.deadline,
            signal: options.signal,
            onRetry: (error, delay) => options.log(`${error.message}; retrying the download in ${(delay / 1000).toFixed(1)}s.`),
        });
        await (0,atomic_files/* syncFile */.gD)(partial.tempPath);
        await options.inspect?.(partial.tempPath);
        options.checkDestination?.();
        await (0,atomic_files/* renameReplacing */.UU)(partial.tempPath, options.destination);
        return { ...result, path: options.destination };
    }
    finally {
        await (0,atomic_files/* removeLeftover */.MG)(partial.tempPath);
    }
}
async function downloadOnce(options, partial) {
    const what = 'Download';
    const offset = partial.resume ? await sizeOf(partial.tempPath) : 0;
    // Bounded by the deadline as well as the agent's idle timeout: a body that trickles cannot outlive the budget.
    const signal = (0,http/* requestSignal */.OL)(options.deadline, options.signal);
    let url = offset > 0 && partial.resume ? partial.resume.url : new URL(options.url);
    for (let hop = 0;; hop++) {
        const refusal = refusalOf(url, options.policy);
        if (refusal !== undefined) {
            throw new http/* RequestError */.GI(`${what} failed: ${hop > 0 ? 'the clip URL redirects to a place clips are not fetched from: ' : ''}${refusal}`, notRetryable);
        }
        const headers = {
            accept: 'video/*, application/octet-stream;q=0.9',
            'user-agent': 'foxapi-video-action',
        };
        if (offset > 0 && partial.resume) {
            headers.range = `bytes=${offset}-`;
            headers['if-range'] = partial.resume.validator;
        }
        let response;
        try {
            response = await (0,undici/* request */.Em)(url, { method: 'GET', dispatcher: options.agent, signal, headers });
        }
        catch (error) {
            throw (0,http/* toRequestError */.du)(error, what, signal);
        }
        const { statusCode } = response;
        if (statusCode >= 300 && statusCode < 400) {
            await response.body.dump();
            const location = header(response.headers, 'location');
            if (!location)
                throw new http/* RequestError */.GI(`${what} failed: redirect (HTTP ${statusCode}) without a Location`, notRetryable);
            if (hop >= MAX_REDIRECTS)
                throw new http/* RequestError */.GI(`${what} failed: more than ${MAX_REDIRECTS} redirects`, notRetryable);
            const next = new URL(location, url);
            if (next.origin !== url.origin)
                options.log(`The clip's URL redirects to ${next.origin}; following it.`);
            url = next;
            continue;
        }
        /** The partial file no longer fits what the server has: the next attempt starts over. */
        const startOver = async (reason) => {
            await response.body.dump();
            partial.resume = undefined;
            return new http/* RequestError */.GI(`${what} failed: ${reason}`, { retryable: true, mayHaveBeenProcessed: true });
        };
        if (statusCode === 416)
            throw await startOver(`the server refused to resume at byte ${offset}`);
        if (statusCode >= 400) {
            const text = await (0,http/* readBodyCapped */.oV)(response, what, 64 * 1024).catch(() => '');
            throw (0,http/* httpStatusError */.H6)(statusCode, (0,http/* parseJsonSafely */.s$)(text), response.headers, what);
        }
        const contentType = (header(response.headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        if (contentType !== '' && !ACCEPTED_TYPES.some((pattern) => pattern.test(contentType))) {
            await response.body.dump();
            throw new http/* RequestError */.GI(`${what} failed: the server sent ${contentType}, not a video`, notRetryable);
        }
        // 206 continues the file from `offset`; 200 (or a 206 that does not start there) starts it over.
        const range = statusCode === 206 ? contentRange(response.headers) : undefined;
        const resumed = offset > 0 && range?.start === offset;
        if (statusCode === 206 && !resumed)
            throw await startOver('the server resumed at the wrong byte');
        const declared = resumed ? (range?.total ?? Number.NaN) : Number(header(response.headers, 'content-length') ?? Number.NaN);
        if (declared > options.maxBytes) {
            await response.body.dump();
            throw new http/* RequestError */.GI(`${what} failed: the clip is ${declared} bytes, over max-download-size (${options.maxBytes} bytes)`, notRetryable);
        }
        const validator = header(response.headers, 'etag') ?? header(response.headers, 'last-modified');
        partial.resume = validator && !validator.startsWith('W/') ? { url, validator } : undefined;
        if (resumed)
            options.log(`Resuming the download at byte ${offset}.`);
        const meter = new atomic_files/* HashingMeter */.yQ(options.maxBytes, () => new http/* RequestError */.GI(`${what} failed: the clip is over max-download-size (${options.maxBytes} bytes)`, notRetryable));
        if (resumed)
            await meter.countFile(partial.tempPath);
        try {
            await writeKeepingWhatArrived(response.body, meter, (0,external_node_fs_.createWriteStream)(partial.tempPath, { flags: resumed ? 'a' : 'w' }));
        }
        catch (error) {
            throw (0,http/* toRequestError */.du)(error, what, signal);
        }
        const { bytes, sha256 } = meter;
        if (Number.isFinite(declared) && bytes !== declared) {
            throw new http/* RequestError */.GI(`${what} failed: got ${bytes} of ${declared} bytes`, {
                retryable: true,
                mayHaveBeenProcessed: true,
            });
        }
        if (bytes === 0)
            throw new http/* RequestError */.GI(`${what} failed: the server sent an empty file`, notRetryable);
        // Whatever the Content-Type said: a login page or an error JSON served as video/mp4 is not saved as the clip.
        const start = await firstBytes(partial.tempPath, 12);
        if (!isVideoContainer(start)) {
            partial.resume = undefined;
            throw new http/* RequestError */.GI(`${what} failed: what the server sent is not a video (no MP4/MOV or WebM/Matroska signature; it starts with ${hexOf(start)}), so it was not saved`, notRetryable);
        }
        return { bytes, sha256: sha256(), contentType: contentType || 'unknown' };
    }
}
/**
 * Streams `body` through `meter` into `file`, like `pipeline`, except when the body breaks off (a reset, a stall,
 * the run being stopped): then every byte that did arrive is written before the error is passed on, so the
 * next attempt resumes from all of them (pipeline would destroy the file stream with writes still queued, and
 * the resume would start further back than it needs to). Any other failure (the meter's size limit, the disk)
 * stops at once, as pipeline does.
 */
function writeKeepingWhatArrived(body, meter, file) {
    return new Promise((resolve, reject) => {
        let broken;
        const fail = (error) => {
            body.destroy();
            meter.destroy();
            file.destroy();
            reject(broken ?? error);
        };
        body.once('error', (error) => {
            broken = error;
            body.unpipe(meter);
            meter.end(); // flushes what it holds into the file, which then ends
        });
        meter.once('error', fail);
        file.once('error', fail);
        file.once('finish', () => (broken === undefined ? resolve() : reject(broken)));
        body.pipe(meter).pipe(file);
    });
}
const notRetryable = { retryable: false, mayHaveBeenProcessed: true };
async function sizeOf(file) {
    return (0,promises_.stat)(file).then((s) => s.size, () => 0);
}
/** `Content-Range: bytes 100-7734/7735` → { start: 100, total: 7735 }. */
function contentRange(headers) {
    const match = /^bytes (\d+)-\d+\/(\d+)$/.exec(header(headers, 'content-range') ?? '');
    return match ? { start: Number(match[1]), total: Number(match[2]) } : undefined;
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** The first `count` bytes of a file (fewer when it is shorter). */
async function firstBytes(file, count) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const buffer = Buffer.alloc(count);
        const { bytesRead } = await handle.read(buffer, 0, count, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
/** Bytes as hex pairs: shows what a file starts with without printing the server's text. */
function hexOf(bytes) {
    return [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ') || 'nothing';
}

// EXTERNAL MODULE: ./src/report/clip-result.ts
var clip_result = __webpack_require__(13890);
// EXTERNAL MODULE: ./src/cache/cache-key.ts
var cache_key = __webpack_require__(24950);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
// EXTERNAL MODULE: ./src/security/destinations.ts
var destinations = __webpack_require__(56769);
// EXTERNAL MODULE: ./src/foxapi/cancel.ts
var foxapi_cancel = __webpack_require__(60265);
// EXTERNAL MODULE: ./src/foxapi/task.ts
var foxapi_task = __webpack_require__(91294);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/foxapi/poll-schedule.ts
// When to ask about a task next. Pure, so `npm run bench` can replay it on a virtual clock. FoxAPI gives
// `task_info.estimated_time`, and progress says how far the task is; together they place the expected
// end. Far from it the action polls rarely, near it often; `poll-interval` is the longest wait.
/** Never poll more often than this (unless the ceiling is shorter). */
const MIN_POLL_MS = 1_000;
/** Without any estimate, the first waits are this long (up to the ceiling), growing by half each poll. */
const BLIND_START_MS = 2_000;
/**
 * The expected total run time from progress (a straight-line extrapolation, once there is enough of it)
 * and FoxAPI's estimate; undefined when neither says anything.
 */
function expectedTotalMs(moment) {
    const { elapsedMs, estimatedMs, progress, earlier } = moment;
    let fromProgress;
    if (progress !== undefined && progress >= 5 && progress < 100 && elapsedMs > 0) {
        const rising = earlier !== undefined && progress > earlier.progress && elapsedMs > earlier.elapsedMs;
        const msPerPoint = rising ? (elapsedMs - earlier.elapsedMs) / (progress - earlier.progress) : elapsedMs / progress;
        fromProgress = elapsedMs + (100 - progress) * msPerPoint;
    }
    if (fromProgress === undefined)
        return estimatedMs !== undefined && estimatedMs > 0 ? estimatedMs : undefined;
    if (estimatedMs === undefined || estimatedMs <= 0)
        return fromProgress;
    // Progress earns trust as it grows: at 5 % it barely counts, from 25 % on it decides.
    const weight = Math.min(1, (progress ?? 0) / 25);
    return weight * fromProgress + (1 - weight) * estimatedMs;
}
/**
 * The wait before the next poll. Before the expected end: most of the time left (so the next poll lands
 * just before it), at least MIN_POLL_MS. Past it: short waits growing with the overrun, so a late task is
 * still seen soon. Always within [min(MIN_POLL_MS, ceiling), ceiling].
 */
function nextPollDelayMs(moment, previousDelayMs) {
    const floor = Math.min(MIN_POLL_MS, moment.ceilingMs);
    const clamp = (ms) => Math.round(Math.min(moment.ceilingMs, Math.max(floor, ms)));
    const total = expectedTotalMs(moment);
    if (total === undefined)
        return clamp(previousDelayMs === undefined ? BLIND_START_MS : previousDelayMs * 1.5);
    const left = total - moment.elapsedMs;
    if (left > 0)
        return clamp(left * 0.8);
    return clamp(-left * 0.25);
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/foxapi/wait-for-task.ts
// Polls `GET /v1/tasks/{id}` until the task is completed, failed or cancelled, the deadline passes,
// or the run is stopped. Logs only changes of status or progress, not every poll. Replies are taken as they
// come: a `completed` without a URL is asked again a few times (with `sync_upstream=true`, then plainly), and
// a task standing still for a long stretch is asked with `sync_upstream=true` to refresh it from the provider.






/** Poll errors back off from the poll interval up to this. */
const MAX_POLL_BACKOFF_MS = 60_000;
/** Times a `completed` reply without a clip URL is asked again before it counts as a failure. */
const EMPTY_COMPLETED_REQUERIES = 4;
/** Wait between those re-queries, at most (the poll interval when shorter). */
const REQUERY_DELAY_MS = 2_000;
/** How long a task may show the same status and progress before it is asked with `sync_upstream=true`. */
function staleAfterMs(pollIntervalMs, estimatedSeconds) {
    return Math.max(4 * pollIntervalMs, ((estimatedSeconds ?? 0) * 1000) / 2);
}
/** A task FoxAPI says it does not know, this many polls in a row, is gone; fewer is a hiccup (a stale replica, a gateway). */
const NOT_FOUND_LIMIT = 3;
async function waitForTask(options) {
    const { client, taskId, pollIntervalMs, deadline, signal, log } = options;
    let last = options.initial;
    let reported = '';
    const report = (task) => {
        options.onUpdate?.(task);
        const line = describeState(task);
        if (line !== reported)
            log(line);
        reported = line;
    };
    if (last)
        report(last);
    // The task is paid for and keeps running whatever the poll hears, so only a persistent answer ends the wait.
    let failures = 0;
    let notFound = 0;
    let emptyCompleted = 0;
    let syncNext = false;
    let state = last ? stateKey(last) : '';
    let stillSince = Date.now();
    let estimated = last?.task_info?.estimated_time;
    // For the adaptive schedule (src/foxapi/poll-schedule.ts): when the task started, and two sightings of its progress.
    let startedAt = last ? startOf(last) : undefined;
    let earlier;
    let latest;
    let previousDelay;
    for (let first = last === undefined;; first = false) {
        const now = Date.now();
        let delay = nextPollDelayMs({
            elapsedMs: now - (startedAt ?? now),
            estimatedMs: estimated !== undefined ? estimated * 1000 : undefined,
            progress: last?.progress,
            earlier,
            ceilingMs: pollIntervalMs,
        }, previousDelay);
        if (last && (0,foxapi_task/* isTerminal */.Hd)(last.status)) {
            if (last.status !== 'completed' || (0,foxapi_task/* videoUrlOf */.iq)(last) || emptyCompleted >= EMPTY_COMPLETED_REQUERIES) {
                return { kind: 'finished', task: last };
            }
            // Seen in practice: `completed` with empty results that fill in on a later query.
            emptyCompleted++;
            syncNext = emptyCompleted % 2 === 1;
            delay = Math.min(pollIntervalMs, REQUERY_DELAY_MS);
            log(`Task ${taskId} is completed but its reply has no video URL; asking again ` +
                `(${emptyCompleted} of ${EMPTY_COMPLETED_REQUERIES}${syncNext ? ', with sync_upstream' : ''}).`);
        }
        if (signal?.aborted)
            return { kind: 'stopped', task: last };
        const remaining = deadline - Date.now();
        if (remaining <= 0)
            return { kind: 'timed-out', task: last };
        if (!first) {
            // Errors back off from the poll interval (at most 5 s, as before the adaptive schedule raised the default).
            const pause = Math.min(MAX_POLL_BACKOFF_MS, Math.min(pollIntervalMs, 5_000) * 1.5 ** Math.min(failures, 20));
            previousDelay = delay;
            try {
                await (0,external_node_timers_promises_.setTimeout)(Math.min(failures === 0 ? delay : pause, remaining), undefined, { signal });
            }
            catch {
                return { kind: 'stopped', task: last };
            }
        }
        try {
            const synced = syncNext;
            syncNext = false;
            last = await client.getTask(taskId, {
                deadline,
                signal,
                syncUpstream: synced,
                retry: { baseDelayMs: Math.min(pollIntervalMs, 5_000), maxDelayMs: MAX_POLL_BACKOFF_MS, maxAttempts: Number.POSITIVE_INFINITY },
            });
            failures = 0;
            notFound = 0;
            report(last);
            estimated = last.task_info?.estimated_time ?? estimated;
            startedAt ??= startOf(last);
            if (typeof last.progress === 'number' && last.progress > (latest?.progress ?? 0)) {
                earlier = latest;
                latest = { elapsedMs: Date.now() - startedAt, progress: last.progress };
            }
            if (stateKey(last) !== state || synced) {
                state = stateKey(last);
                stillSince = Date.now();
            }
            else if (!(0,foxapi_task/* isTerminal */.Hd)(last.status) && Date.now() - stillSince >= staleAfterMs(pollIntervalMs, estimated)) {
                syncNext = true;
                log(`Task ${taskId} shows no progress for ${Math.round((Date.now() - stillSince) / 1000)}s; asking FoxAPI to refresh it (sync_upstream).`);
            }
        }
        catch (error) {
            if (signal?.aborted)
                return { kind: 'stopped', task: last };
            // A poll cut off by the deadline, or a transient error that outlived it, is a timeout, not a task failure.
            if (error instanceof http/* RequestError */.GI && error.details.deadline) {
                log(`${error.message}.`);
                return { kind: 'timed-out', task: last };
            }
            if (error instanceof http/* RequestError */.GI && error.details.retryable) {
                log(`${error.message}; no time left to retry.`);
                return { kind: 'timed-out', task: last };
            }
            notFound = error instanceof http/* RequestError */.GI && error.details.status === 404 ? notFound + 1 : 0;
            if (!isTransientDuringWait(error) || notFound >= NOT_FOUND_LIMIT)
                throw error;
            failures++;
            log(`${(0,errors/* messageOf */.bD)(error)}; the task keeps running, so the wait goes on.`);
        }
    }
}
/** When the task started, by FoxAPI's `created` when that is plausible (the last day, not ahead of us). */
function startOf(task) {
    const now = Date.now();
    const created = typeof task.created === 'number' ? task.created * 1000 : undefined;
    return created !== undefined && created > now - 86_400_000 ? Math.min(now, created) : now;
}
function stateKey(task) {
    return `${task.status} ${task.progress ?? ''}`;
}
/**
 * Whether a failed poll says nothing about the task itself: gateway and server trouble (any 5xx, e.g. a CDN's
 * 524), 408/425, a 2xx that is not a task (an HTML maintenance page), a network failure, or a 404 (a hiccup
 * until it persists). Authentication and request errors are not: they will not go away by waiting.
 */
function isTransientDuringWait(error) {
    if (!(error instanceof http/* RequestError */.GI) || error.details.aborted || error.details.errorCode === api_client/* TASK_ID_MISMATCH */.jf)
        return false;
    const status = error.details.status;
    if (status === undefined)
        return true;
    return status >= 500 || status === 408 || status === 425 || status === 404 || (status >= 200 && status < 300);
}
function describeState(task) {
    const progress = typeof task.progress === 'number' ? ` ${Math.round(task.progress)}%` : '';
    return `Task ${task.id}: ${task.status}${progress}`;
}

;// CONCATENATED MODULE: ./src/clip/clip-metadata.ts
// Reads a clip's real metadata (duration, size, codec, frame rate, audio) with GPAC's MP4Box.js (npm `mp4box`),
// and the structural checks that say whether the file is a whole, playable-looking MP4: it parses, it has a
// video track, and its sample table points nowhere past the end of the file.
// The file is fed to the library in chunks read through a file handle, never read whole: the library asks for
// the next position it needs (its answer to appendBuffer), so the samples (mdat) are skipped by seeking and a
// `moov` at the end of the file costs no more than one at the start. The library is loaded on first use, in
// its own bundle chunk: a run that never reads a clip (an input error, the post step) never loads it.


/** Bytes handed to the library at a time. */
const READ_CHUNK_BYTES = 1024 * 1024;
/**
 * Most bytes of a file handed to the library in all (the samples are skipped, so this is the boxes around them:
 * a real clip's `moov` is kilobytes). A file whose boxes need more is refused rather than held in memory.
 */
const MAX_HEADER_BYTES = 16 * 1024 * 1024;
/**
 * Most samples a file's tracks may list in all. A 15-second clip has about two thousand (video and audio); the
 * limit keeps a hostile sample table (a few bytes can declare billions of samples, of which the library would
 * build a list) from exhausting memory.
 */
const MAX_SAMPLES_PER_FILE = 100_000;
/** Samples the file being handed to the library may still list (set before each appendBuffer call, which is synchronous). */
let samplesLeft = MAX_SAMPLES_PER_FILE;
/** A file's sample table that declares more than it can hold, found before the library builds the sample list. */
class ImplausibleSampleTable extends Error {
}
let library;
/** mp4box, loaded once and on first use (its own chunk of the bundle). */
function loadLibrary() {
    library ??= __webpack_require__.e(/* import() */ 111).then(__webpack_require__.bind(__webpack_require__, 31111)).then((mp4box) => {
        // A few of the library's parse errors go straight to the console; here they reach the file's onError or nowhere.
        mp4box.Log.error = (module, message, isofile) => isofile?.onError?.(module, message ?? '');
        boundSampleTables(mp4box);
        return mp4box;
    });
    return library;
}
/**
 * Reads `file`'s metadata and runs the structural checks. Never throws for what the file holds: a broken file
 * is `{ ok: false }` naming the check it failed (an unreadable path still throws).
 */
async function readClipMetadata(file) {
    const { createFile, MP4BoxBuffer } = await loadLibrary();
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const size = (await handle.stat()).size;
        const mp4 = createFile();
        let libraryError;
        // Routes the library's own error reports here (they would otherwise go to the console).
        mp4.onError = (module, message) => {
            libraryError ??= printable(`${module}: ${message}`);
        };
        let ready = false;
        mp4.onReady = () => {
            ready = true;
        };
        let position = 0;
        let handed = 0;
        let budget = MAX_SAMPLES_PER_FILE;
        // End of the bytes handed over in one run from the start, and whether the library is now fed only in order.
        let inOrderEnd = 0;
        let inOrder = false;
        try {
            // Once the moov is read the library knows every sample's place: nothing more is needed from the file.
            while (position < size && !ready && libraryError === undefined) {
                const chunk = await readChunk(handle, position, Math.min(READ_CHUNK_BYTES, size - position));
                if (chunk.byteLength === 0)
                    break;
                handed += chunk.byteLength;
                if (handed > MAX_HEADER_BYTES) {
                    return broken('parses', `its boxes other than the samples take more than ${MAX_HEADER_BYTES} bytes: not a clip this action reads`);
                }
                samplesLeft = budget;
                const next = mp4.appendBuffer(MP4BoxBuffer.fromArrayBuffer(chunk, position), position + chunk.byteLength >= size);
                budget = samplesLeft;
                const end = position + chunk.byteLength;
                if (position === inOrderEnd)
                    inOrderEnd = end;
                if (!inOrder && typeof next === 'number' && next > position)
                    position = next; // past an mdat it skips
                else if (!inOrder && inOrderEnd < end) {
                    // It asked for a later position but cannot go on from there (it skipped a box it still needs, such as a
                    // large `free` before the moov): from now on it gets the file in order, from where that run ended.
                    inOrder = true;
                    position = inOrderEnd;
                }
                else
                    position = end;
            }
            if (!ready)
                mp4.flush();
        }
        catch (error) {
            if (error instanceof ImplausibleSampleTable)
                return broken('parses', `its sample table cannot be right: ${error.message}`);
            return broken('parses', `the MP4 reader gave up on it (${printable((0,errors/* messageOf */.bD)(error))})`);
        }
        // A box that claims more bytes than the file has left: the file was cut short (an mdat, or a moov at the end).
        for (const box of mp4.boxes) {
            const end = (box.start ?? 0) + (box.size ?? 0);
            if (end > size)
                return broken('complete', `it is cut short: its ${printable(box.type)} box runs to byte ${end}, past the end of the ${size}-byte file`);
        }
        if (!mp4.moov) {
            const why = libraryError ? ` (${libraryError})` : '';
            return broken('parses', `it holds no movie header (moov box): not a readable MP4${why}`);
        }
        const info = mp4.getInfo();
        const video = info.videoTracks[0];
        if (!video)
            return broken('video track', 'it has no video track');
        // Every sample of every track must lie inside the file; a clip cut short in transit fails here.
        for (const track of info.tracks) {
            const samples = mp4.getTrackSamplesInfo(track.id);
            let end = 0;
            for (const sample of samples) {
                const sampleEnd = sample.offset + sample.size;
                if (!Number.isFinite(sampleEnd)) {
                    return broken('complete', `its ${track.type ?? 'track'} ${track.id} sample table places sample ${sample.number + 1} in no chunk of the file`);
                }
                end = Math.max(end, sampleEnd);
            }
            if (end > size) {
                return broken('complete', `it is cut short: its ${track.type ?? 'track'} ${track.id} sample table points to byte ${end}, past the end of the ${size}-byte file`);
            }
        }
        const movieS = info.timescale > 0 ? info.duration / info.timescale : 0;
        const trackS = video.timescale > 0 ? (video.samples_duration || video.duration) / video.timescale : 0;
        const durationS = movieS > 0 ? movieS : trackS;
        const width = video.video?.width || video.track_width;
        const height = video.video?.height || video.track_height;
        if (!(width > 0 && height > 0))
            return broken('video track', 'its video track gives no picture size');
        const metadata = { durationS, width, height, codec: video.codec, hasAudio: info.audioTracks.length > 0, bytes: size };
        if (trackS > 0 && video.nb_samples > 0)
            metadata.frameRate = video.nb_samples / trackS;
        const audio = info.audioTracks[0];
        if (audio)
            metadata.audioCodec = audio.codec;
        return { ok: true, metadata };
    }
    finally {
        await handle.close();
    }
}
/** Text from the file, made plain: anything but printable ASCII becomes `?` (a box type is four bytes of anything). */
function printable(text) {
    return (text ?? '').replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
}
/**
 * Registers, in the library's box registry, a sample-size box (`stsz`) that first reads its two counts with the
 * library's stream and refuses a table that takes the file past MAX_SAMPLES_PER_FILE samples, or lists more sizes than
 * its box holds; then the library's own parse runs.
 */
function boundSampleTables(mp4box) {
    const boxes = mp4box.BoxParser.box;
    const Library = boxes.stsz;
    if (!Library || Library.bounded)
        return;
    class BoundedSampleSizes extends Library {
        static bounded = true;
        parse(stream) {
            const start = stream.getPosition();
            stream.readUint32(); // version and flags
            const sampleSize = stream.readUint32();
            const count = stream.readUint32();
            stream.seek(start);
            const listed = Math.floor((this.size - this.hdr_size - 12) / 4);
            if (count > samplesLeft) {
                throw new ImplausibleSampleTable(`its tracks list more than ${MAX_SAMPLES_PER_FILE} samples, more than this action reads`);
            }
            samplesLeft -= count;
            if (sampleSize === 0 && count > listed) {
                throw new ImplausibleSampleTable(`a track lists ${count} sample sizes in a box that holds ${Math.max(0, listed)}`);
            }
            super.parse(stream);
        }
    }
    boxes.stsz = BoundedSampleSizes;
}
function broken(check, problem) {
    return { ok: false, check, problem };
}
async function readChunk(handle, position, length) {
    const buffer = new ArrayBuffer(length);
    const { bytesRead } = await handle.read(new Uint8Array(buffer), 0, length, position);
    return bytesRead === length ? buffer : buffer.slice(0, bytesRead);
}

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./src/models/index.ts + 8 modules
var models = __webpack_require__(86697);
;// CONCATENATED MODULE: ./src/models/expected-shape.ts
// What a request asks of the clip it makes, read through the model registry: the model says which shape fields
// its requests fix (models/model.ts ShapeRules); a model the registry does not know fixes none of them, so
// such a clip gets only the structural checks.

/** `resolution` values and the short side of the picture they give. */
const SHORT_SIDES = { '720p': 720, '1080p': 1080, '4k': 2160 };
/**
 * The shape `request` fixes, or undefined when its model is one the registry does not know (a request sent as
 * given) or there is no request (a task collected by id): then only the structural checks apply.
 */
function expectedShapeOf(request) {
    const model = request ? models/* MODELS */.L6.get(request.model) : undefined;
    if (!request || !model)
        return undefined;
    const fixes = new Set(model.shape.fixes(request));
    const { defaults } = model.shape;
    const shape = {};
    const aspect = request.aspect_ratio ?? defaults.aspect_ratio;
    if (fixes.has('aspect-ratio') && typeof aspect === 'string' && /^\d+:\d+$/.test(aspect))
        shape.aspectRatio = aspect;
    if (fixes.has('duration')) {
        const segments = Array.isArray(request.multi_prompt) ? request.multi_prompt : [];
        const total = segments.reduce((sum, s) => sum + (typeof s?.duration === 'number' ? s.duration : Number.NaN), 0);
        const duration = segments.length > 0 ? total : (request.duration ?? defaults.duration);
        if (typeof duration === 'number' && Number.isFinite(duration) && duration > 0)
            shape.durationS = duration;
    }
    const resolution = request.resolution ?? defaults.resolution;
    const shortSide = typeof resolution === 'string' ? SHORT_SIDES[resolution] : undefined;
    if (fixes.has('resolution') && shortSide !== undefined) {
        shape.shortSide = shortSide;
        shape.resolution = resolution;
    }
    if (fixes.has('audio') && request.generate_audio === true)
        shape.audio = true;
    return shape;
}

// EXTERNAL MODULE: ./src/clip/clip-shape.ts
var clip_shape = __webpack_require__(49018);
;// CONCATENATED MODULE: ./src/clip/clip-verify.ts
// "The clip is playable and is what was asked": the structural checks of a downloaded or restored file, and the
// file's metadata held against the request. Pure, apart from reading the file (foxapi/clip-metadata.ts).






/** How many times a clip that fails a structural check is downloaded in all (from the same URL) before the clip fails. */
const BROKEN_CLIP_DOWNLOADS = 2;
/** A file that failed a structural check: it does not parse, has no video track, or is cut short. */
class BrokenClipError extends Error {
    check;
    problem;
    constructor(check, problem) {
        super(`the clip failed the structural check '${check}': ${problem}`);
        this.check = check;
        this.problem = problem;
        this.name = 'BrokenClipError';
    }
}
/** Reads `file`'s metadata; throws BrokenClipError when a structural check fails. */
async function inspectClip(file) {
    const reading = await readClipMetadata(file);
    if (!reading.ok)
        throw new BrokenClipError(reading.check, reading.problem);
    return reading.metadata;
}
/** The larger of 0.5 s and 5 % of the requested length. */
function durationTolerance(seconds) {
    return Math.max(0.5, seconds * 0.05);
}
/** Each way the clip differs from what was asked, in words; empty when it matches. */
function mismatchesOf(metadata, expected) {
    const mismatches = [];
    const { width, height } = metadata;
    if (expected.aspectRatio !== undefined) {
        const wanted = (0,clip_shape/* ratioOf */.pO)(expected.aspectRatio);
        if (!(Math.abs(width / height / wanted - 1) <= clip_shape/* ASPECT_TOLERANCE */.XL)) {
            mismatches.push(`aspect ratio ${(0,clip_shape/* ratioName */.lB)(width, height)} (${width}×${height}), asked ${expected.aspectRatio}`);
        }
    }
    if (expected.durationS !== undefined) {
        const tolerance = durationTolerance(expected.durationS);
        if (!(Math.abs(metadata.durationS - expected.durationS) <= tolerance)) {
            mismatches.push(`duration ${metadata.durationS.toFixed(1)} s, asked ${expected.durationS} s (±${tolerance.toFixed(1)} s)`);
        }
    }
    if (expected.shortSide !== undefined && Math.min(width, height) !== expected.shortSide) {
        mismatches.push(`short side ${Math.min(width, height)} px (${width}×${height}), asked ${expected.resolution ?? expected.shortSide} (${expected.shortSide} px)`);
    }
    if (expected.audio && !metadata.hasAudio)
        mismatches.push('no audio track, asked generate-audio: true');
    return mismatches;
}
/** The clip held against `request` as `verify` says: skipped when off, when nothing is known to compare, or nothing is fixed. */
function verifyClip(metadata, request, mode) {
    const expected = mode === 'off' ? undefined : expectedShapeOf(request);
    if (!expected || Object.keys(expected).length === 0)
        return { status: 'skipped' };
    const mismatches = mismatchesOf(metadata, expected);
    return mismatches.length > 0 ? { status: 'mismatch', mismatches } : { status: 'passed' };
}
/**
 * Runs `download` until its file passes the structural checks (its `inspect` throws BrokenClipError otherwise),
 * at most BROKEN_CLIP_DOWNLOADS times. Always the same task's URL: a broken file never costs a new task.
 */
async function downloadUntilWhole(download, log) {
    for (let attempt = 1;; attempt++) {
        try {
            return await download();
        }
        catch (error) {
            if (!(error instanceof BrokenClipError))
                throw error;
            if (attempt >= BROKEN_CLIP_DOWNLOADS) {
                throw new Error(`The downloaded clip is broken, also when downloaded again from the same URL (${attempt} downloads): it failed the structural check '${error.check}': ${error.problem}. It was not saved`, { cause: error });
            }
            log(`The downloaded clip failed the structural check '${error.check}' (${error.problem}); downloading it again from the same URL.`);
        }
    }
}
/** What the runner does with a clip's verification: a mismatch fails the clip (`fail`) or is a warning (`warn`). */
function mismatchVerdict(verification, mode) {
    if (verification.status !== 'mismatch')
        return undefined;
    return mode === 'fail' ? 'fail' : 'warn';
}
/** `The clip does not match the request: duration 5.0 s, asked 10 s (±0.5 s)`. */
function mismatchText(verification) {
    return verification.status === 'mismatch' ? `The clip does not match the request: ${verification.mismatches.join('; ')}` : '';
}
/** Records the clip's metadata and verification on `result`, logs its shape, warns of a mismatch (`warn`); returns the verdict. */
function holdAgainstRequest(metadata, ctx, result) {
    const verification = verifyClip(metadata, ctx.request, ctx.mode);
    Object.assign(result, { metadata, verification });
    ctx.log(`Clip: ${(0,clip_shape/* shapeLine */.kV)(metadata)} (verify ${verification.status}).`);
    const verdict = mismatchVerdict(verification, ctx.mode);
    if (verdict === 'warn')
        log/* warning */.$e(`${ctx.label}${mismatchText(verification)} (verify: warn).`);
    return verdict;
}
/**
 * Checks a clip restored from the cache as a download is checked. False (a cache miss) when it fails a structural
 * check, or with `verify: fail` does not match the request: the restored copy is then removed, and `result`
 * keeps no metadata of it.
 */
async function restoredClipFits(file, ctx, result, key) {
    let why;
    try {
        const verdict = holdAgainstRequest(await inspectClip(file), ctx, result);
        if (verdict !== 'fail')
            return true;
        why = mismatchText(result.verification ?? { status: 'skipped' });
    }
    catch (error) {
        why =
            error instanceof BrokenClipError ? `The restored clip: ${error.message}` : `The restored clip could not be read (${(0,errors/* messageOf */.bD)(error)})`;
    }
    delete result.metadata;
    delete result.verification;
    await (0,atomic_files/* removeLeftover */.MG)(file);
    ctx.log(`${why}; treating the cache entry ${key ?? ''} as a miss (change cache-key to store a new clip under a new key).`);
    return false;
}

;// CONCATENATED MODULE: ./src/run/clip-runner.ts
// One clip from request to file: cache lookup, submit (or resume), wait, cancel on timeout, download, cache save.
// Batches run several clips with at most `concurrency` tasks in flight. A clip holds its task slot only until
// its task reaches a final status: its download and cache save then run beside the next clips' tasks, each
// kind bounded on its own (TRANSFERS_AT_ONCE downloads, CACHE_SAVES_AT_ONCE saves), so tar, zstd and the upload
// of one clip never keep the next task from starting.














/** Downloads running at once in a batch (beside its `concurrency` tasks): network-bound, so as many as tasks. */
const downloadsAtOnce = (concurrency) => concurrency;
/**
 * Cache saves running at once in a batch. Each runs tar and zstd and uploads its archive; on a 2-core machine
 * four keep up with a batch of 100 clips of 4 MiB at `concurrency: 10` (two fell behind), with the step's
 * peak RSS near 220 MiB (`npm run bench -- batch`).
 */
const CACHE_SAVES_AT_ONCE = 4;
/** FoxAPI keeps result URLs for 24 hours; a cached task older than this can no longer deliver its clip. */
const RESULT_URL_LIFETIME_MS = 23 * 3_600_000;
/** Time allowed for cancelling a task after the run itself was stopped (the runner kills the step ~7.5s after SIGINT). */
const CANCEL_GRACE_MS = 5_000;
/**
 * How long a create already on the wire may still take once the run is stopped. It is never cut off at once:
 * FoxAPI may bill the task, and only its reply names it. The runner sends SIGTERM 7.5s after SIGINT and kills
 * the step a little later, so this plus a cancel must fit in that.
 */
const CREATE_REPLY_GRACE_MS = 4_000;
async function runClip(spec, ctx) {
    const started = Date.now();
    const log = (line) => ctx.log(spec.name, (0,secrets/* redact */.E)(line));
    const result = {
        name: spec.name,
        outcome: 'failed',
        status: 'not-submitted',
        cacheHit: false,
        resumed: false,
        request: spec.request,
        elapsedMs: 0,
    };
    // The create this clip sent, once sent: later replies about its task are counted for it (never by task id).
    let counted;
    const remember = (task) => {
        result.task = task;
        result.taskId = task.id;
        result.status = task.status;
        if (typeof task.progress === 'number')
            result.progress = task.progress;
        counted?.update(task);
    };
    try {
        await produceClip(spec, ctx, result, remember, log, (submission) => (counted = submission));
    }
    catch (error) {
        result.outcome = ctx.signal.aborted ? 'stopped' : 'failed';
        let message = (0,errors/* messageOf */.bD)(error);
        // A task exists (and is paid for): say which, and how to collect it without paying again.
        if (result.taskId && !isTerminalFailure(result.status) && !message.includes(`task-id: ${result.taskId}`)) {
            const sentence = message.trimEnd().endsWith('.') ? message.trimEnd() : `${message.trimEnd()}.`;
            message = `${sentence} ${collectAdvice(spec, result.taskId, ctx)}`;
        }
        result.error = (0,secrets/* redact */.E)(message);
    }
    result.elapsedMs = Date.now() - started;
    if (counted?.credits !== undefined)
        result.credits = counted.credits;
    return result;
}
async function produceClip(spec, ctx, result, remember, log, onSubmitted) {
    const { settings, client, cache } = ctx;
    const key = cache.enabled ? (0,cache_key/* clipCacheKey */.Yq)(spec, settings.cacheKey) : undefined;
    const destinationFor = (task) => resolveOutputPath(spec, task.id, settings.workspace);
    // The clip file is what is cached (result URLs expire), so a cached clip serves only runs that download it.
    const found = key ? await cache.lookup(key, destinationFor, settings.wait && settings.download, (0,cache_key/* reuseRunId */.f5)(settings)) : undefined;
    if (found?.kind === 'clip' && (await restoredClipFits(found.clip.path, verifyContext(spec, ctx, log), result, key))) {
        const { clip } = found;
        remember(clip.task);
        Object.assign(result, {
            outcome: 'succeeded',
            cacheHit: true,
            // No video-url: the cached task's URL was pre-signed when it was made and has likely expired since.
            // The restored file is the clip; `result` still holds the task as FoxAPI answered then.
            videoPath: clip.path,
            sha256: clip.sha256,
            bytes: clip.bytes,
            madeBy: clip.madeBy,
        });
        log(`Restored from the Actions cache (${key}); nothing was sent to FoxAPI.`);
        return;
    }
    if (found?.kind === 'delivered')
        log(`The cache's last task for this request (${found.taskId}) was delivered to an earlier run: ${settings.reuse.why}, so a new one is made.`);
    // Only now does the clip need FoxAPI: its cache lookup ran ahead of its turn, outside the task slots.
    const refused = await ctx.taskTurn?.();
    if (refused !== undefined) {
        Object.assign(result, { outcome: 'skipped', error: refused });
        return;
    }
    const waitDeadline = Date.now() + settings.timeoutMs;
    const resumeId = spec.taskId ?? (found?.kind === 'pending' ? found.taskId : undefined);
    let task = resumeId ? await resumeTask(resumeId, spec.taskId !== undefined, spec.request?.model, ctx, waitDeadline, log) : undefined;
    let pendingSave = Promise.resolve();
    if (task) {
        result.resumed = true;
        result.adopted = true;
    }
    else {
        if (!spec.request)
            throw new Error('No request to submit');
        // Checked before paying (the inputs were checked at the start; a batch may start this clip much later).
        const unsafe = settings.wait && settings.download ? (0,destinations/* plannedDestinationProblem */.E2)(spec.outputPath, spec.name, undefined, settings.workspace) : undefined;
        if (unsafe !== undefined)
            throw new Error(`Not submitted, nothing paid: the clip could not be saved (${unsafe})`);
        const request = spec.request;
        if (ctx.signal.aborted)
            throw new Error('Not submitted: the run was cancelled');
        const create = async () => {
            // Surely not sent: a budget does not count it as a create whose outcome is unknown.
            if (ctx.signal.aborted)
                throw new http/* RequestError */.GI('Not submitted: the run was cancelled', { retryable: false, mayHaveBeenProcessed: false, aborted: true });
            return createWithGrace(request, ctx, waitDeadline, log);
        };
        const submission = ctx.budget ? await ctx.budget.submit(create) : { submitted: true, task: await create() };
        if (!submission.submitted) {
            Object.assign(result, { outcome: 'skipped', error: submission.reason });
            log(`Not submitted: ${submission.reason.replace(/^not started: /, '')}.`);
            return;
        }
        task = submission.task;
        if ('counted' in submission)
            onSubmitted(submission.counted);
        const estimate = task.task_info?.estimated_time;
        log(`Submitted task ${task.id}${estimate ? ` (estimated ${estimate}s)` : ''}.`);
        // Never rejects (the cache only warns), and is awaited below before the clip is saved under the same key.
        const submittedId = task.id;
        if (key)
            pendingSave = inTurn(ctx.cacheSaves, () => cache.savePendingTaskId(key, submittedId, request.model)).catch(() => undefined);
    }
    remember(task);
    // Only a task this run submitted is left for the post step to cancel; one adopted from another run is not ours.
    const ours = !result.adopted;
    if (ours && (settings.wait || ctx.signal.aborted))
        ctx.onTaskStarted?.(task.id);
    try {
        if (ctx.signal.aborted) {
            // Stopped while the create was in flight: the id is known now; cancel-on-timeout decides the rest.
            await endWait('stopped', ctx, result, spec, remember, log, key !== undefined);
            return;
        }
        if (!settings.wait) {
            result.outcome = 'submitted';
            result.leftRunning = true;
            return;
        }
        const waited = await waitForTask({
            client,
            taskId: task.id,
            pollIntervalMs: settings.pollIntervalMs,
            deadline: waitDeadline,
            signal: ctx.signal,
            initial: result.resumed ? undefined : task,
            log,
            onUpdate: remember,
        });
        if (waited.kind !== 'finished') {
            await endWait(waited.kind, ctx, result, spec, remember, log, key !== undefined);
            return;
        }
        // The task is done: nothing more runs at FoxAPI for this clip, so the next clip's task may start while this
        // one downloads. (A task that failed gives its slot back only once its failure is counted, for fail-fast.)
        if (waited.task.status === 'completed' && (0,foxapi_task/* videoUrlOf */.iq)(waited.task) !== undefined)
            ctx.onTaskFinal?.();
        await finish(spec, ctx, result, waited.task, key, log);
    }
    finally {
        if (result.taskId)
            ctx.onTaskSettled?.(result.taskId);
        await pendingSave;
    }
}
/** Waiting ended without a result: cancel the task when allowed (and ours), and say what became of it. */
async function endWait(kind, ctx, result, spec, remember, log, cached) {
    result.outcome = kind;
    const before = result.task;
    let what;
    let reply;
    if (result.adopted) {
        // Another run submitted (and may be waiting on) this task: cancelling it here would lose what it paid for.
        result.leftRunning = !(before !== undefined && (0,foxapi_task/* isTerminal */.Hd)(before.status));
        what = `Task ${result.taskId} was submitted by another run, so it is left running (cancel-on-timeout applies only to tasks this run submitted).`;
    }
    else {
        const cancel = await cancelIfAllowed(before, ctx);
        reply = cancel !== 'not-asked' && (cancel.kind === 'cancelled' || cancel.kind === 'requested') ? cancel.task : undefined;
        result.leftRunning = (0,foxapi_cancel/* leftRunning */.jw)(cancel, reply ?? before);
        what = (0,foxapi_cancel/* cancelSentence */.MO)(result.taskId ?? 'unknown', cancel, before);
    }
    log(what);
    // The message tells where the task stood when waiting ended; the outputs then carry the cancel reply's status.
    result.error = stopMessage(result, kind, spec, ctx, what, cached);
    if (reply)
        remember(reply);
}
/**
 * Sends the create request. Stopping the run does not cut it off: FoxAPI may already be making (and billing)
 * the task, and only its reply names it. The reply is awaited for CREATE_REPLY_GRACE_MS more; if it does not
 * come, the error says a task may have been billed.
 */
async function createWithGrace(request, ctx, deadline, log) {
    const inFlight = new AbortController();
    let timer;
    const onStop = () => {
        log(`The run was cancelled while the create request was in flight: waiting up to ${CREATE_REPLY_GRACE_MS / 1000}s for FoxAPI's reply, so a billed task is not lost.`);
        timer = setTimeout(() => inFlight.abort(new Error(`no reply within ${CREATE_REPLY_GRACE_MS / 1000}s of the run being cancelled`)), CREATE_REPLY_GRACE_MS);
    };
    ctx.signal.addEventListener('abort', onStop, { once: true });
    try {
        return await ctx.client.createTask(request, { deadline, signal: ctx.signal, inFlightSignal: inFlight.signal });
    }
    catch (error) {
        if (inFlight.signal.aborted) {
            throw new Error(`The run was cancelled while the create request was in flight, and FoxAPI did not answer within ${CREATE_REPLY_GRACE_MS / 1000}s: ` +
                'a task may have been created and billed, but its id is unknown.', { cause: error });
        }
        throw error;
    }
    finally {
        ctx.signal.removeEventListener('abort', onStop);
        if (timer)
            clearTimeout(timer);
    }
}
/**
 * Picks up an existing task: the `task-id` input (its errors are the step's), or the task an earlier run of
 * the same request left in the cache (used only while it can still deliver, and only when FoxAPI's reply
 * shows the request's model; otherwise a new one is submitted).
 */
async function resumeTask(taskId, askedFor, model, ctx, deadline, log) {
    if (askedFor)
        log(`Resuming task ${taskId}; nothing new is submitted.`);
    try {
        const task = await ctx.client.getTask(taskId, { deadline, signal: ctx.signal });
        if (askedFor)
            return task;
        if (task.model !== undefined && task.model !== model) {
            log(`An earlier run's task ${taskId} is for another model (${JSON.stringify(task.model)}), not this request's; it is not adopted, a new one is submitted.`);
            return undefined;
        }
        if (isTerminalFailure(task.status)) {
            log(`An earlier run's task ${taskId} ended ${task.status}; submitting a new one.`);
            return undefined;
        }
        if (task.created !== undefined && Date.now() - task.created * 1000 > RESULT_URL_LIFETIME_MS) {
            log(`An earlier run's task ${taskId} is over a day old, so its clip's URL has expired; submitting a new one.`);
            return undefined;
        }
        log(`Resuming task ${taskId} submitted by an earlier run of this request; nothing new is submitted.`);
        return task;
    }
    catch (error) {
        const notFound = error instanceof http/* RequestError */.GI && error.details.status === 404;
        if (notFound && !askedFor) {
            log(`An earlier run's task ${taskId} is unknown to FoxAPI; submitting a new one.`);
            return undefined;
        }
        // A gateway error or a maintenance page says nothing about the task: it is waited on like any other
        // (the wait rides such answers out), rather than failed or paid for again.
        if (!notFound && !ctx.signal.aborted && isTransientDuringWait(error)) {
            log(`${(0,errors/* messageOf */.bD)(error)}; waiting on task ${taskId} anyway.`);
            if (!askedFor)
                log(`Resuming task ${taskId} submitted by an earlier run of this request; nothing new is submitted.`);
            return { id: taskId, status: 'unknown' };
        }
        throw error;
    }
}
async function finish(spec, ctx, result, task, key, log) {
    if (task.status === 'failed') {
        result.error = `FoxAPI task ${task.id} failed: ${(0,foxapi_task/* taskErrorText */.Db)(task)}`;
        return;
    }
    if (task.status === 'cancelled') {
        result.error = `FoxAPI task ${task.id} was cancelled`;
        return;
    }
    const url = (0,foxapi_task/* videoUrlOf */.iq)(task);
    if (!url) {
        result.error =
            `FoxAPI task ${task.id} completed without a video URL, also when asked again ${EMPTY_COMPLETED_REQUERIES} times ` +
                `(with and without sync_upstream). ${collectAdvice(spec, task.id, ctx)}`;
        return;
    }
    result.videoUrl = url;
    if (!ctx.settings.download) {
        result.outcome = 'succeeded';
        if (key)
            await inTurn(ctx.cacheSaves, () => ctx.cache.saveDelivered(key, task.id, spec.request?.model ?? ''));
        return;
    }
    const { workspace } = ctx.settings;
    // The inputs were checked before paying; this catches what changed since (or what the real task id changes).
    const guard = (check) => {
        try {
            return check();
        }
        catch (error) {
            const hint = ctx.batch
                ? `Collect the paid clip without paying again: add "task-id: ${task.id}" to the batch entry '${spec.name}', with an output that can be written, and re-run (its video-url works for 24 hours).`
                : `Collect the paid clip without paying again: re-run with task-id: ${task.id} and an output-path that can be written (its video-url works for 24 hours).`;
            throw new Error(`${(0,errors/* messageOf */.bD)(error)}. ${hint}`, { cause: error });
        }
    };
    const destination = guard(() => resolveOutputPath(spec, task.id, workspace));
    let metadata;
    // A file that fails a structural check is fetched again from the same URL (never a new task) before the clip fails.
    const download = () => downloadVideo({
        url,
        inspect: async (file) => {
            metadata = await inspectClip(file);
        },
        destination,
        // Checked again once the folders exist and right before the rename: a symlink swapped in meanwhile is refused.
        checkDestination: () => guard(() => (0,destinations/* recheckDestination */.iW)(destination, workspace)),
        agent: ctx.agent,
        policy: downloadPolicyFor(ctx.settings.baseUrl),
        maxBytes: ctx.settings.maxDownloadBytes,
        retry: http/* API_RETRY */.Is,
        deadline: Date.now() + ctx.settings.timeoutMs,
        signal: ctx.signal,
        log,
    });
    const downloaded = await inTurn(ctx.downloads, () => downloadUntilWhole(download, log));
    Object.assign(result, { outcome: 'succeeded', videoPath: downloaded.path, sha256: downloaded.sha256, bytes: downloaded.bytes });
    const where = external_node_path_default().relative(ctx.settings.workspace, downloaded.path) || downloaded.path;
    log(`Saved ${downloaded.bytes} bytes to ${where} (sha256 ${downloaded.sha256}).`);
    const verdict = metadata ? holdAgainstRequest(metadata, verifyContext(spec, ctx, log), result) : undefined;
    if (verdict === 'fail') {
        // Kept, with every output set (the summary shows what came back), but not cached: it is not the clip asked for.
        result.outcome = 'failed';
        result.error = `${mismatchText(result.verification ?? { status: 'skipped' })}. The clip is kept at ${where} and every output is set; verify: warn accepts such a clip, and a new cache-key asks for a new take (paid)`;
        return;
    }
    if (key) {
        const model = spec.request?.model ?? '';
        await inTurn(ctx.cacheSaves, async () => {
            await ctx.cache.saveClip(key, task, downloaded.path, downloaded.sha256, (0,cache_key/* reuseRunId */.f5)(ctx.settings));
            // Delivered: under `reuse: run` no later run adopts this task again (its clip was handed to this one).
            await ctx.cache.saveDelivered(key, task.id, model);
        });
    }
}
/** `work` within `limiter` when there is one. */
function inTurn(limiter, work) {
    return limiter ? limiter.run(work) : work();
}
/** What the clip checks need of this clip and run. */
function verifyContext(spec, ctx, log) {
    return { request: spec.request, mode: ctx.settings.verify, label: ctx.batch ? `[${spec.name}] ` : '', log };
}
/** Tries to cancel a task left running by a timeout or a stopped run, when cancel-on-timeout asks for it. */
async function cancelIfAllowed(task, ctx) {
    if (!task || !ctx.settings.cancelOnTimeout)
        return 'not-asked';
    return (0,foxapi_cancel/* tryCancel */.S4)(ctx.client, task, Date.now() + CANCEL_GRACE_MS);
}
/** Says where the task stood when waiting ended, what became of it, and (unless it ended) how to collect it. */
function stopMessage(result, kind, spec, ctx, cancel, cached) {
    const { settings } = ctx;
    const id = result.taskId ?? 'unknown';
    const last = `last status ${result.status}${result.progress !== undefined ? ` ${Math.round(result.progress)}%` : ''}`;
    const what = kind === 'timed-out'
        ? `Timed out after ${Math.round(settings.timeoutMs / 1000)}s waiting for task ${id} (${last}).`
        : `The run was cancelled while waiting for task ${id} (${last}).`;
    if (!result.leftRunning)
        return `${what} ${cancel}`;
    return `${what} ${cancel} ${collectAdvice(spec, id, ctx, { longerTimeout: kind === 'timed-out', cached })}`;
}
/**
 * The exact way to collect a task that exists without paying for another. In a batch the `task-id` input is
 * refused, so the way is a `task-id` on that entry.
 */
function collectAdvice(spec, taskId, ctx, options = { longerTimeout: false, cached: false }) {
    if (!ctx.batch)
        return (0,foxapi_cancel/* collectHint */.Un)(taskId, options);
    return `Collect it later without paying again: add "task-id: ${taskId}" to the batch entry '${spec.name}' and re-run${options.longerTimeout ? ' (with a longer timeout)' : ''}${(0,foxapi_cancel/* cacheClause */.yi)(options)}.`;
}
function isTerminalFailure(status) {
    return status === 'failed' || status === 'cancelled';
}
/** Where this clip's file goes now that its task id is known; throws when that is not a safe place to write. */
function resolveOutputPath(spec, taskId, workspace) {
    return (0,destinations/* destinationFor */.mZ)(spec.outputPath, spec.name, taskId, workspace);
}
/**
 * Runs clips with at most `concurrency` tasks in flight. A clip's cache lookup runs ahead of its turn (at most
 * `concurrency` clips look ahead), then it takes a task slot, in batch order, and gives it back once its task
 * is final (or when it ends, whichever is first): downloads and cache saves run beside the next tasks, bounded
 * on their own. With fail-fast, a failure stops clips not yet submitted; a cancelled run submits no more.
 */
async function runClips(clips, ctx) {
    const results = new Array(clips.length);
    const { concurrency, failFast } = ctx.settings;
    const taskSlots = new Limiter(concurrency);
    // Clips started whose task is not final yet: those holding a task slot, and as many again looking ahead.
    const started = new Limiter(2 * concurrency);
    const downloads = ctx.downloads ?? new Limiter(downloadsAtOnce(concurrency));
    const cacheSaves = ctx.cacheSaves ?? new Limiter(CACHE_SAVES_AT_ONCE);
    let failed = false;
    const stopped = () => failed && failFast
        ? 'not started: an earlier clip failed (fail-fast)'
        : ctx.signal.aborted
            ? 'not started: the run was cancelled'
            : undefined;
    const running = [];
    // Task slots go to clips in batch order, whatever order their cache lookups end in.
    let turns = Promise.resolve();
    for (const [index, spec] of clips.entries()) {
        const leave = await started.acquire();
        const reason = stopped();
        if (reason !== undefined) {
            leave();
            results[index] = skipped(spec, reason);
            continue;
        }
        const slot = turns.then(() => taskSlots.acquire());
        turns = slot;
        const done = () => {
            void slot.then((release) => release());
            leave();
        };
        const clip = runClip(spec, {
            ...ctx,
            downloads,
            cacheSaves,
            taskTurn: async () => (await slot, stopped()),
            onTaskFinal: done,
        }).then((result) => {
            results[index] = result;
            if (!(0,clip_result/* isSuccess */.o)(result) && result.outcome !== 'skipped')
                failed = true;
        });
        running.push(clip.finally(done));
    }
    await Promise.all(running);
    return results;
}
function skipped(spec, reason) {
    return {
        name: spec.name,
        outcome: 'skipped',
        status: 'not-submitted',
        cacheHit: false,
        resumed: false,
        request: spec.request,
        error: reason,
        elapsedMs: 0,
    };
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/report/actions-io.ts
var actions_io = __webpack_require__(61266);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(57994);
// EXTERNAL MODULE: ./src/report/matrix.ts
var matrix = __webpack_require__(53677);
// EXTERNAL MODULE: ./src/cache/result-cache.ts
var result_cache = __webpack_require__(50206);
// EXTERNAL MODULE: ./src/report/results-file.ts
var results_file = __webpack_require__(89047);
;// CONCATENATED MODULE: ./src/run/generation.ts
// The paid part of a run: submit each clip, wait for it, download it, then write the outputs, the results file
// and the summary. src/main.ts loads this module only once the inputs are valid, so that an input error (and
// the post step) never loads undici or the rest of the network code.


















/** Runs every clip of a valid request to its end and reports it; never sends anything before it is called. */
async function generate(clips, { settings, batch, notDue = [] }) {
    const notes = notDue.length > 0 ? [(0,schedule_notes/* notDueText */.n)(notDue)] : [];
    if (clips.length === 0) {
        // A content calendar with nothing due on this trigger: not a failure, and nothing is paid.
        log/* notice */.lm(`No batch entry is due on this run, so nothing was sent to FoxAPI. ${(0,schedule_notes/* notDueText */.n)(notDue)}`);
        (0,outputs/* writeOutputs */.Kn)([]);
        (0,matrix/* writeMatrix */.T)([]);
        await (0,results_file/* writeResultsOutput */.jq)(settings.resultsFile, [], settings.workspace);
        await (0,summary/* writeSummary */.Sy)([], { batch, maxCredits: settings.maxCredits, notes });
        return;
    }
    (0,actions_io/* saveStateSafely */.Fr)(constants/* State */.Uw.CancelOnTimeout, String(settings.cancelOnTimeout));
    (0,actions_io/* saveStateSafely */.Fr)(constants/* State */.Uw.BaseUrl, settings.baseUrl);
    if (settings.cache)
        log/* info */.pq(`Cache: ${settings.reuse.why}.`);
    // budget-period: what earlier runs of this workflow spent in the period, read before anything is submitted.
    const spending = await periodSpending(settings);
    if (spending === 'unavailable')
        return;
    const { period, ledger } = spending;
    const agent = (0,http/* createHttpAgent */.rA)(settings.requestTimeoutMs);
    // Clips are fetched through their own dispatcher: every connection it opens is checked against the
    // download policy (no loopback, link-local or private address unless base-url is one).
    const downloadAgent = (0,http/* createHttpAgent */.rA)(settings.requestTimeoutMs, {
        connect: guardedConnector(downloadPolicyFor(settings.baseUrl), Math.min(settings.requestTimeoutMs, 30_000)),
    });
    const client = new api_client/* FoxApiClient */.Tn({
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        agent,
        retry: http/* API_RETRY */.Is,
        userAgent: 'foxapi-video-action',
    });
    const stop = new AbortController();
    // Kept for the whole run: the runner follows SIGINT with SIGTERM, which must not kill the step while it
    // still waits for a create's reply or cancels a task.
    const onSignal = (signal) => {
        log/* info */.pq(`Received ${signal}${stop.signal.aborted ? ' again: still finishing up' : ': stopping'}.`);
        if (!stop.signal.aborted)
            stop.abort(new Error(`the run was cancelled (${signal})`));
    };
    // The runner stops a step with SIGINT, then SIGTERM; on Windows with Ctrl+C (SIGINT) and Ctrl+Break (SIGBREAK).
    const signals = process.platform === 'win32' ? ['SIGINT', 'SIGTERM', 'SIGBREAK'] : ['SIGINT', 'SIGTERM'];
    for (const signal of signals)
        process.on(signal, onSignal);
    const waiting = new Set();
    const recordWaiting = () => (0,actions_io/* saveStateSafely */.Fr)(constants/* State */.Uw.WaitingTasks, JSON.stringify([...waiting]));
    let results;
    try {
        const cache = new result_cache/* ResultCache */.Ai(settings.cache, settings.workspace, { apiKey: settings.apiKey, maxClipBytes: settings.maxDownloadBytes });
        const budget = new CreditBudget(settings.maxCredits, (text) => log/* warning */.$e(text), period);
        const run = () => runClips(clips, {
            settings,
            client,
            agent: downloadAgent,
            cache,
            batch,
            signal: stop.signal,
            budget,
            log: (clip, line) => log/* info */.pq(batch ? `[${clip}] ${line}` : line),
            onTaskStarted: (id) => {
                waiting.add(id);
                recordWaiting();
            },
            onTaskSettled: (id) => {
                waiting.delete(id);
                recordWaiting();
            },
        });
        results = batch ? await run() : await log/* group */.Os(`FoxAPI: ${clips[0]?.name === 'clip' ? 'generate a clip' : clips[0]?.name}`, run);
        if (ledger && period && period.blocked === undefined)
            await ledger.record(period.spentEarlier + budget.reserved);
        if (settings.cache)
            notes.unshift(`Cache: ${settings.reuse.why}.`);
        if (period)
            notes.push((0,schedule_notes/* periodText */.J)(period, budget.reserved, settings));
        // None of these can hide the clip's result: each write reports its own failure, and the verdict below still comes.
        try {
            (0,outputs/* writeOutputs */.Kn)(results);
            (0,matrix/* writeMatrix */.T)(clips);
        }
        catch (error) {
            log/* warning */.$e(`Could not write the step outputs (${(0,errors/* messageOf */.bD)(error)}).`);
        }
        await (0,results_file/* writeResultsOutput */.jq)(settings.resultsFile, results.map(results_file/* toFullResultRow */.EH), settings.workspace);
        await (0,summary/* writeSummary */.Sy)(results, { batch, maxCredits: settings.maxCredits, notes });
        const failures = results.filter((r) => !(0,clip_result/* isSuccess */.o)(r));
        if (failures.length === 1 && results.length === 1)
            log/* setFailed */.C1(failures[0]?.error ?? 'The clip failed');
        else if (failures.length > 0) {
            log/* setFailed */.C1([
                `${failures.length} of ${results.length} clips did not finish:`,
                ...failures.map((f) => `- ${f.name}: ${f.error ?? f.outcome}`),
            ]);
        }
    }
    finally {
        await (0,staging/* removeCacheStaging */.OB)(settings.workspace);
        for (const signal of signals)
            process.off(signal, onSignal);
        await Promise.all([agent.destroy(), downloadAgent.destroy()]);
    }
}
/**
 * With `budget-period`: the ledger, and what earlier runs of this workflow spent in the period (a ledger that
 * cannot be read or believed blocks every submission). 'unavailable' when the ledger cannot be kept at all
 * (no cache): the step has failed then, before anything was sent.
 */
async function periodSpending(settings) {
    if (!settings.budget)
        return {};
    const { key, scope } = settings.budget;
    const ledger = credit_ledger/* CreditLedger */.N.open({
        cache: settings.cache,
        apiKey: settings.apiKey,
        workspace: settings.workspace,
        budget: settings.budget,
        runId: process.env.GITHUB_RUN_ID ?? '',
    });
    if (!(ledger instanceof credit_ledger/* CreditLedger */.N)) {
        log/* setFailed */.C1(`budget-period ${settings.budget.period} keeps its ledger in the Actions cache, which cannot be used: ${ledger.unavailable}. Nothing was sent to FoxAPI.`);
        return 'unavailable';
    }
    const reading = await ledger.read();
    if (reading.kind === 'untrusted') {
        log/* warning */.$e(`Budget ledger for ${key}: ${reading.reason}. Treated as max-credits reached: no new task is submitted.`);
        const blocked = `the budget ledger for ${key} cannot be trusted (${reading.reason}): treated as max-credits reached`;
        return { ledger, period: { period: key, spentEarlier: 0, blocked } };
    }
    const earlier = reading.spent;
    log/* info */.pq(`Budget: ${earlier} credits spent in ${key} by earlier runs of ${scope} (max-credits ${settings.maxCredits ?? 'none'}).`);
    return { ledger, period: { period: key, spentEarlier: earlier, onChange: (reserved) => void ledger.record(earlier + reserved) } };
}


/***/ })

};
