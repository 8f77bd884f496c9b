export const id = 955;
export const ids = [955];
export const modules = {

/***/ 5777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ ResultCache)
});

// NAMESPACE OBJECT: ./src/cache/actions-cache.ts
var actions_cache_namespaceObject = {};
__webpack_require__.r(actions_cache_namespaceObject);
__webpack_require__.d(actions_cache_namespaceObject, {
  isFeatureAvailable: () => (isFeatureAvailable),
  restoreCache: () => (restoreCache),
  saveCache: () => (saveCache)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/cache/actions-cache.ts
let loaded;
const load = () => (loaded ??= Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(863)]).then(__webpack_require__.bind(__webpack_require__, 91863)));
/**
 * Whether a cache service may be there, from the runner's variables only (no loading): false when neither
 * ACTIONS_CACHE_URL (cache service v1) nor ACTIONS_RESULTS_URL (v2) is set, as @actions/cache decides too.
 * The loaded module's own check runs before the first restore or save.
 */
function isFeatureAvailable() {
    return Boolean(process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL);
}
/** The loaded module, after its own availability check (a stub without that check, as local-action's, passes). */
async function available() {
    const cache = await load();
    if (typeof cache.isFeatureAvailable === 'function' && !cache.isFeatureAvailable()) {
        throw new Error('the Actions cache service is not configured on this runner');
    }
    return cache;
}
/** @actions/cache's restoreCache, loaded on first use. */
async function restoreCache(...args) {
    return (await available()).restoreCache(...args);
}
/** @actions/cache's saveCache, loaded on first use. */
async function saveCache(...args) {
    return (await available()).saveCache(...args);
}

// EXTERNAL MODULE: ./src/atomic-files.ts
var atomic_files = __webpack_require__(69316);
// EXTERNAL MODULE: ./src/cache/cache-key.ts
var cache_key = __webpack_require__(24950);
// EXTERNAL MODULE: ./src/foxapi/download.ts
var download = __webpack_require__(80211);
// EXTERNAL MODULE: ./src/security/destinations.ts
var destinations = __webpack_require__(56769);
// EXTERNAL MODULE: ./src/run-origin.ts
var run_origin = __webpack_require__(91069);
// EXTERNAL MODULE: ./src/foxapi/http.ts
var http = __webpack_require__(74539);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
// EXTERNAL MODULE: ./src/security/task-id.ts
var task_id = __webpack_require__(18571);
// EXTERNAL MODULE: ./src/foxapi/task.ts
var foxapi_task = __webpack_require__(91294);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/cache/result-cache.ts
// Never pay twice: finished clips and in-flight task ids are kept in the Actions cache, keyed by a stable
// hash of the request. Any cache trouble is a warning; the action then goes on without the cache.
//
// One cache directory per request key, relative to the workspace: @actions/cache hashes the paths it is
// given into the entry's version, so a path that is the same on every run (unlike RUNNER_TEMP on
// self-hosted runners) is what lets a later run find the entry. Two kinds of entries share that directory
// and so that version:
//   <key>                  the finished clip, its task JSON and checksum
//   <key>-pending-<time>-<random>   the id of a task submitted but not yet collected (unique per submission)
// One restore call, with `<key>-pending-` as the restore key, finds either: an exact hit is the clip, a
// prefix hit the newest pending task.
// Because the directory must be the same on every run, two operations on one key must never overlap (a
// clip save wiping the folder a pending-task save is still archiving): all of them run one after another.
//
// @actions/cache is used defensively: a runner without the service, a stub (as @github/local-action has),
// a function that throws or a save that answers -1 all turn the cache off with one warning.















const CLIP_FILE = 'clip.mp4';
const TASK_FILE = 'task.json';
const META_FILE = 'meta.json';
const PENDING_FILE = 'pending-task.json';
function cacheApi(module = actions_cache_namespaceObject) {
    const api = module;
    for (const name of ['isFeatureAvailable', 'restoreCache', 'saveCache']) {
        if (typeof api?.[name] !== 'function')
            return `@actions/cache has no ${name} here`;
    }
    return api;
}
class ResultCache {
    workspace;
    disabledBecause;
    api;
    /** The last operation queued per key: each key's operations run one at a time. */
    queues = new Map();
    constructor(enabled, workspace, module = actions_cache_namespaceObject) {
        this.workspace = workspace;
        const api = cacheApi(module);
        this.api = typeof api === 'string' ? undefined : api;
        if (!enabled)
            this.disabledBecause = 'cache: false';
        else if (typeof api === 'string')
            this.turnOff(api);
        else {
            try {
                if (api.isFeatureAvailable() !== true)
                    this.turnOff('the Actions cache service is not configured on this runner');
            }
            catch (error) {
                this.turnOff(`the cache feature check failed: ${(0,errors/* messageOf */.bD)(error)}`);
            }
        }
    }
    /** Runs `operation` after every earlier one of `key` settled; never rejects with an earlier one's error. */
    serialised(key, operation) {
        const previous = this.queues.get(key) ?? Promise.resolve();
        const next = previous.then(operation, operation);
        const settled = next.catch(() => undefined);
        this.queues.set(key, settled);
        void settled.then(() => {
            if (this.queues.get(key) === settled)
                this.queues.delete(key);
        });
        return next;
    }
    get enabled() {
        return this.disabledBecause === undefined;
    }
    /**
     * Looks for the clip or a pending task of `key`. A clip is copied to `destination(task)`; with `wantClip`
     * false (the run does not download), a cached clip is passed over and only a pending task is reported.
     */
    async lookup(key, destination, wantClip) {
        if (!this.enabled)
            return undefined;
        return this.serialised(key, () => this.lookupNow(key, destination, wantClip));
    }
    async lookupNow(key, destination, wantClip) {
        const { relative, absolute } = this.directoryFor(key);
        try {
            const matched = await this.attempt('restore', (api) => api.restoreCache([relative], key, [`${key}-pending-`]));
            if (matched !== undefined && typeof matched !== 'string')
                throw new Error('the cache answered with something that is not a key');
            if (matched === key)
                return wantClip ? await this.readClip(key, absolute, destination) : undefined;
            if (matched?.startsWith(`${key}-pending-`)) {
                const { taskId } = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(absolute, PENDING_FILE), 'utf8'));
                if ((0,task_id/* isValidTaskId */.RQ)(taskId))
                    return { kind: 'pending', taskId };
                log/* warning */.$e(`Cache entry for ${key} holds no valid task id (${(0,task_id/* describeBadTaskId */.L)(taskId)}); going on without it.`);
                return undefined;
            }
            return undefined;
        }
        catch (error) {
            log/* warning */.$e(`Cache entry for ${key} could not be used (${(0,errors/* messageOf */.bD)(error)}); going on without it.`);
            return undefined;
        }
        finally {
            await (0,atomic_files/* removeLeftover */.MG)(absolute);
        }
    }
    /**
     * What the cache holds for `key`, without restoring or saving anything (the dry run's question): the clip,
     * a pending task of an earlier run, nothing, or undefined when the cache is off or cannot be asked.
     */
    async peek(key) {
        if (!this.enabled)
            return undefined;
        const { relative } = this.directoryFor(key);
        const matched = await this.attempt('restore', (api) => api.restoreCache([relative], key, [`${key}-pending-`], { lookupOnly: true }));
        if (!this.enabled)
            return undefined;
        return matched === key ? 'clip' : matched?.startsWith(`${key}-pending-`) ? 'pending' : 'none';
    }
    async readClip(key, directory, destination) {
        const task = foxapi_task/* taskSchema */.v.parse((0,http/* parseJsonSafely */.s$)(await (0,promises_.readFile)(external_node_path_default().join(directory, TASK_FILE), 'utf8')));
        const meta = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(directory, META_FILE), 'utf8'));
        const madeBy = run_origin/* runOriginSchema */.dB.safeParse(meta.madeBy);
        const target = destination(task);
        // The clip goes where a download would: checked again once its folder exists and right before the rename.
        const copied = await (0,download/* copyFileAtomically */.T)(external_node_path_default().join(directory, CLIP_FILE), target, () => (0,destinations/* recheckDestination */.iW)(target, this.workspace));
        if (copied.sha256 !== meta.sha256) {
            await (0,atomic_files/* removeLeftover */.MG)(target);
            throw new Error(`the restored clip of ${key} does not match its checksum`);
        }
        const clip = { task, path: target, sha256: copied.sha256, bytes: copied.bytes };
        if (madeBy.success)
            clip.madeBy = madeBy.data;
        return { kind: 'clip', clip };
    }
    /** Saves a downloaded clip with its final task JSON under `key`. */
    async saveClip(key, task, clipPath, sha256) {
        await this.save(key, key, async (directory) => {
            // A hard link costs no copy; a copy is the fallback (another file system, or no links there).
            await (0,promises_.link)(clipPath, external_node_path_default().join(directory, CLIP_FILE)).catch(() => (0,download/* copyFileAtomically */.T)(clipPath, external_node_path_default().join(directory, CLIP_FILE)));
            // Only the known task fields (taskSchema projects them), and never the key, even echoed by a server.
            await (0,promises_.writeFile)(external_node_path_default().join(directory, TASK_FILE), (0,secrets/* redact */.E)(JSON.stringify(foxapi_task/* taskSchema */.v.parse(task))));
            await (0,promises_.writeFile)(external_node_path_default().join(directory, META_FILE), JSON.stringify({ sha256, madeBy: await (0,run_origin/* currentRun */.xh)() }));
        });
    }
    /** Records a just-submitted task, so a re-run of a timed-out or cancelled job resumes it instead of paying again. */
    async savePendingTaskId(key, taskId) {
        // Entries are immutable: each submission gets its own key (time, then random: two in one millisecond
        // still differ); lookup picks the newest by prefix.
        await this.save(key, `${key}-pending-${Date.now()}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`, (directory) => (0,promises_.writeFile)(external_node_path_default().join(directory, PENDING_FILE), (0,secrets/* redact */.E)(JSON.stringify({ taskId }))));
    }
    /** Never rejects: a cache that fails is a warning, and the clip's result stands. */
    async save(key, entryKey, stage) {
        if (!this.enabled)
            return;
        await this.serialised(key, () => this.saveNow(key, entryKey, stage)).catch((error) => {
            log/* warning */.$e(`Could not save the cache entry ${entryKey} (${(0,errors/* messageOf */.bD)(error)}); going on without it.`);
        });
    }
    async saveNow(key, entryKey, stage) {
        if (!this.enabled)
            return;
        const { relative, absolute } = this.directoryFor(key);
        try {
            await (0,promises_.rm)(absolute, { recursive: true, force: true });
            await (0,promises_.mkdir)(absolute, { recursive: true });
            await stage(absolute);
            const id = await this.attempt('save', (api) => api.saveCache([relative], entryKey));
            // saveCache reports its own failures (and returns -1) rather than throwing. For a key no one else can
            // have taken, that means the service is in trouble: stop using it for this run.
            if (typeof id === 'number' && id !== -1)
                log/* info */.pq(`Saved to the Actions cache as ${entryKey}.`);
            else if (entryKey !== key)
                this.turnOff(`saving ${entryKey} failed`);
        }
        catch (error) {
            log/* warning */.$e(`Could not stage the cache entry ${entryKey} (${(0,errors/* messageOf */.bD)(error)}); going on without it.`);
        }
        finally {
            await (0,atomic_files/* removeLeftover */.MG)(absolute);
        }
    }
    /** The entry's directory: the same relative path on every run (it is part of the entry's version). */
    directoryFor(key) {
        const relative = external_node_path_default().posix.join(cache_key/* CACHE_DIRECTORY */.vF, (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 16));
        return { relative, absolute: external_node_path_default().join(this.workspace, relative) };
    }
    async attempt(what, operation) {
        if (!this.enabled || !this.api)
            return undefined;
        try {
            return await operation(this.api);
        }
        catch (error) {
            this.turnOff(`${what} failed: ${(0,errors/* messageOf */.bD)(error)}`);
            return undefined;
        }
    }
    turnOff(reason) {
        if (this.disabledBecause !== undefined)
            return;
        this.disabledBecause = reason;
        log/* warning */.$e(`Result cache off for this run (${reason}); going on without it.`);
    }
}


/***/ }),

/***/ 80211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ downloadVideo),
/* harmony export */   T: () => (/* binding */ copyFileAtomically)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(24371);
/* harmony import */ var _atomic_files__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(69316);
/* harmony import */ var _security_download_policy__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(89355);
/* harmony import */ var _http__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(74539);
// Downloads the finished clip: streamed to a hidden temporary file beside the destination, hashed on the way,
// checked for size and type, then renamed into place. A failure never leaves a file under the final name.
// A download cut short is resumed with a Range request (when the server names the file with an ETag or
// Last-Modified), so a flaky link does not start a large clip over. No credentials are ever sent: result
// URLs are pre-signed, and the API key stays with the API.










const MAX_REDIRECTS = 5;
const ACCEPTED_TYPES = [/^video\//, /^application\/octet-stream$/, /^binary\/octet-stream$/, /^application\/mp4$/];
async function downloadVideo(options) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(options.destination), { recursive: true });
    options.checkDestination?.();
    const partial = { tempPath: (0,_atomic_files__WEBPACK_IMPORTED_MODULE_7__/* .temporaryPathFor */ .ub)(options.destination) };
    try {
        const result = await (0,_http__WEBPACK_IMPORTED_MODULE_9__/* .withRetries */ .LH)(() => downloadOnce(options, partial), {
            policy: options.retry,
            deadline: options.deadline,
            signal: options.signal,
            onRetry: (error, delay) => options.log(`${error.message}; retrying the download in ${(delay / 1000).toFixed(1)}s.`),
        });
        await syncFile(partial.tempPath);
        options.checkDestination?.();
        await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_7__/* .renameReplacing */ .UU)(partial.tempPath, options.destination);
        return { ...result, path: options.destination };
    }
    finally {
        await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_7__/* .removeLeftover */ .MG)(partial.tempPath);
    }
}
async function downloadOnce(options, partial) {
    const what = 'Download';
    const offset = partial.resume ? await sizeOf(partial.tempPath) : 0;
    // Bounded by the deadline as well as the agent's idle timeout: a body that trickles cannot outlive the budget.
    const signal = (0,_http__WEBPACK_IMPORTED_MODULE_9__/* .requestSignal */ .OL)(options.deadline, options.signal);
    let url = offset > 0 && partial.resume ? partial.resume.url : new URL(options.url);
    for (let hop = 0;; hop++) {
        const refusal = (0,_security_download_policy__WEBPACK_IMPORTED_MODULE_8__/* .refusalOf */ .Of)(url, options.policy);
        if (refusal !== undefined) {
            throw new _http__WEBPACK_IMPORTED_MODULE_9__/* .RequestError */ .GI(`${what} failed: ${hop > 0 ? 'the clip URL redirects to a place clips are not fetched from: ' : ''}${refusal}`, notRetryable);
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
            response = await (0,undici__WEBPACK_IMPORTED_MODULE_6__/* .request */ .Em)(url, { method: 'GET', dispatcher: options.agent, signal, headers });
        }
        catch (error) {
            throw (0,_http__WEBPACK_IMPORTED_MODULE_9__/* .toRequestError */ .du)(error, what, signal);
        }
        const { statusCode } = response;
        if (statusCode >= 300 && statusCode < 400) {
            await response.body.dump();
            const location = header(response.headers, 'location');
            if (!location)
                throw new _http__WEBPACK_IMPORTED_MODULE_9__/* .RequestError */ .GI(`${what} failed: redirect (HTTP ${statusCode}) without a Location`, notRetryable);
            if (hop >= MAX_REDIRECTS)
                throw new _http__WEBPACK_IMPORTED_MODULE_9__/* .RequestError */ .GI(`${what} failed: more than ${MAX_REDIRECTS} redirects`, notRetryable);
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
            return new _http__WEBPACK_IMPORTED_MODULE_9__/* .RequestError */ .GI(`${what} failed: ${reason}`, { retryable: true, mayHaveBeenProcessed: true });
        };
        if (statusCode === 416)
            throw await startOver(`the server refused to resume at byte ${offset}`);
        if (statusCode >= 400) {
            const text = await (0,_http__WEBPACK_IMPORTED_MODULE_9__/* .readBodyCapped */ .oV)(response, what, 64 * 1024).catch(() => '');
            throw (0,_http__WEBPACK_IMPORTED_MODULE_9__/* .httpStatusError */ .H6)(statusCode, (0,_http__WEBPACK_IMPORTED_MODULE_9__/* .parseJsonSafely */ .s$)(text), response.headers, what);
        }
        const contentType = (header(response.headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        if (contentType !== '' && !ACCEPTED_TYPES.some((pattern) => pattern.test(contentType))) {
            await response.body.dump();
            throw new _http__WEBPACK_IMPORTED_MODULE_9__/* .RequestError */ .GI(`${what} failed: the server sent ${contentType}, not a video`, notRetryable);
        }
        // 206 continues the file from `offset`; 200 (or a 206 that does not start there) starts it over.
        const range = statusCode === 206 ? contentRange(response.headers) : undefined;
        const resumed = offset > 0 && range?.start === offset;
        if (statusCode === 206 && !resumed)
            throw await startOver('the server resumed at the wrong byte');
        const declared = resumed ? (range?.total ?? Number.NaN) : Number(header(response.headers, 'content-length') ?? Number.NaN);
        if (declared > options.maxBytes) {
            await response.body.dump();
            throw new _http__WEBPACK_IMPORTED_MODULE_9__/* .RequestError */ .GI(`${what} failed: the clip is ${declared} bytes, over max-download-size (${options.maxBytes} bytes)`, notRetryable);
        }
        const validator = header(response.headers, 'etag') ?? header(response.headers, 'last-modified');
        partial.resume = validator && !validator.startsWith('W/') ? { url, validator } : undefined;
        if (resumed)
            options.log(`Resuming the download at byte ${offset}.`);
        const meter = new HashingMeter(options.maxBytes, () => new _http__WEBPACK_IMPORTED_MODULE_9__/* .RequestError */ .GI(`${what} failed: the clip is over max-download-size (${options.maxBytes} bytes)`, notRetryable));
        if (resumed)
            await meter.countFile(partial.tempPath);
        try {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(response.body, meter, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(partial.tempPath, { flags: resumed ? 'a' : 'w' }));
        }
        catch (error) {
            throw (0,_http__WEBPACK_IMPORTED_MODULE_9__/* .toRequestError */ .du)(error, what, signal);
        }
        const { bytes, sha256 } = meter;
        if (Number.isFinite(declared) && bytes !== declared) {
            throw new _http__WEBPACK_IMPORTED_MODULE_9__/* .RequestError */ .GI(`${what} failed: got ${bytes} of ${declared} bytes`, {
                retryable: true,
                mayHaveBeenProcessed: true,
            });
        }
        if (bytes === 0)
            throw new _http__WEBPACK_IMPORTED_MODULE_9__/* .RequestError */ .GI(`${what} failed: the server sent an empty file`, notRetryable);
        // Whatever the Content-Type said: a login page or an error JSON served as video/mp4 is not saved as the clip.
        const start = await firstBytes(partial.tempPath, 12);
        if (!(0,_security_download_policy__WEBPACK_IMPORTED_MODULE_8__/* .isVideoContainer */ .zG)(start)) {
            partial.resume = undefined;
            throw new _http__WEBPACK_IMPORTED_MODULE_9__/* .RequestError */ .GI(`${what} failed: what the server sent is not a video (no MP4/MOV or WebM/Matroska signature; it starts with ${hexOf(start)}), so it was not saved`, notRetryable);
        }
        return { bytes, sha256: sha256(), contentType: contentType || 'unknown' };
    }
}
/**
 * Copies `source` to `destination` through a temporary file and a rename; returns the copy's size and sha256.
 * `checkDestination` (as for downloadVideo) runs once the folder exists and right before the rename.
 */
async function copyFileAtomically(source, destination, checkDestination) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(destination), { recursive: true });
    checkDestination?.();
    const tempPath = (0,_atomic_files__WEBPACK_IMPORTED_MODULE_7__/* .temporaryPathFor */ .ub)(destination);
    const meter = new HashingMeter();
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(source), meter, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(tempPath));
        await syncFile(tempPath);
        checkDestination?.();
        await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_7__/* .renameReplacing */ .UU)(tempPath, destination);
        return { bytes: meter.bytes, sha256: meter.sha256() };
    }
    finally {
        await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_7__/* .removeLeftover */ .MG)(tempPath);
    }
}
/** Passes bytes through while counting and hashing them; errors once more than `limit` bytes went by. */
class HashingMeter extends node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform {
    limit;
    overLimit;
    bytes = 0;
    hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    constructor(limit = Number.POSITIVE_INFINITY, overLimit = () => new Error('size limit exceeded')) {
        super();
        this.limit = limit;
        this.overLimit = overLimit;
    }
    _transform(chunk, _encoding, callback) {
        const error = this.count(chunk);
        if (error)
            callback(error);
        else
            callback(null, chunk);
    }
    /** Counts and hashes what a file already holds (the part of a resumed download fetched earlier). */
    async countFile(file) {
        for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file)) {
            const error = this.count(chunk);
            if (error)
                throw error;
        }
    }
    sha256 = () => this.hash.digest('hex');
    count(chunk) {
        this.bytes += chunk.length;
        if (this.bytes > this.limit)
            return this.overLimit();
        this.hash.update(chunk);
        return undefined;
    }
}
const notRetryable = { retryable: false, mayHaveBeenProcessed: true };
async function sizeOf(file) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(file).then((s) => s.size, () => 0);
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
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(file, 'r');
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
/** Flushes the file to disk before the rename makes it visible. */
async function syncFile(file) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(file, 'r+');
    try {
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}


/***/ }),

/***/ 53677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ writeMatrix)
/* harmony export */ });
/* unused harmony export matrixOf */
/* harmony import */ var _outputs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65468);

/** `strategy.matrix` JSON with one row per clip: its name, nothing else (never a secret, never a prompt). */
function matrixOf(clips) {
    return JSON.stringify({ include: clips.map((clip) => ({ name: clip.name })) });
}
/**
 * Sets the `matrix` output, held to the output size limit like every output that can grow (past it, the
 * value goes to the file named by `matrix-file`). Entry names are capped (entryNameProblem), so a batch
 * within its limits stays far below it.
 */
function writeMatrix(clips) {
    (0,_outputs__WEBPACK_IMPORTED_MODULE_0__/* .setOutputOrFile */ .nF)('matrix', matrixOf(clips));
}


/***/ }),

/***/ 89047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EH: () => (/* binding */ toFullResultRow),
/* harmony export */   jq: () => (/* binding */ writeResultsOutput)
/* harmony export */ });
/* unused harmony export writeResultsFile */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _atomic_files__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69316);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83916);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25625);
/* harmony import */ var _outputs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65468);
/* harmony import */ var _secrets__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27194);
// The `results-file` output: every clip's full row as a JSON file, for later jobs and for batches whose
// rows outgrow what a step output may hold. Written whole or not at all (temporary file, then rename).







function toFullResultRow(result) {
    return {
        ...(0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .toResultRow */ .jO)(result),
        progress: result.progress ?? null,
        bytes: result.bytes ?? null,
        resumed: result.resumed,
        elapsed_ms: result.elapsedMs,
        made_by: result.madeBy ? { repository: result.madeBy.repository, run_id: String(result.madeBy.runId), url: result.madeBy.url } : null,
        request: result.request ?? null,
    };
}
/**
 * Writes `rows` as a JSON array to `file` (its folder is made if missing). The text is redacted like every
 * output. Replacing the file by rename also replaces a symbolic link at that path instead of following it.
 */
async function writeResultsFile(file, rows) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
    const temporary = (0,_atomic_files__WEBPACK_IMPORTED_MODULE_2__/* .temporaryPathFor */ .ub)(file);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(temporary, `${(0,_secrets__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(JSON.stringify(rows, null, 2))}\n`, { flag: 'wx' });
        await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_2__/* .renameReplacing */ .UU)(temporary, file);
    }
    finally {
        await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_2__/* .removeLeftover */ .MG)(temporary);
    }
}
/**
 * The `results-file` output of a run or a dry run: writes `rows` to `file` and names it in the output. Never
 * throws: a file that cannot be written is a warning, and the run's result stands.
 */
async function writeResultsOutput(file, rows) {
    try {
        await writeResultsFile(file, rows);
        (0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .setOutputSafely */ .UD)('results-file', file);
    }
    catch (error) {
        _log__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Could not write the results file ${file} (${(0,_errors__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error)}).`);
    }
}


/***/ }),

/***/ 89355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Of: () => (/* binding */ refusalOf),
/* harmony export */   Sj: () => (/* binding */ downloadPolicyFor),
/* harmony export */   sE: () => (/* binding */ guardedConnector),
/* harmony export */   zG: () => (/* binding */ isVideoContainer)
/* harmony export */ });
/* unused harmony exports isInternalAddress, REFUSED_ADDRESS_CODE, guardedLookup */
/* harmony import */ var node_dns__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40610);
/* harmony import */ var node_dns__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_dns__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24371);
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
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const internal = host === 'localhost' || host.endsWith('.localhost') || ((0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(host) !== 0 && isInternalAddress(host));
    const loopback = host === 'localhost' || host.endsWith('.localhost') || ((0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(host) !== 0 && LOOPBACK.check(...addressArgs(host)));
    return { allowPlainHttp: url.protocol === 'http:' && loopback, allowInternal: internal };
}
const INTERNAL = new node_net__WEBPACK_IMPORTED_MODULE_1__.BlockList();
const LOOPBACK = new node_net__WEBPACK_IMPORTED_MODULE_1__.BlockList();
for (const [network, prefix] of [
    ['0.0.0.0', 8], // "this network"
    ['10.0.0.0', 8],
    ['100.64.0.0', 10], // carrier-grade NAT
    ['127.0.0.0', 8],
    ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
]) {
    INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['ff00::', 8], // multicast
]) {
    INTERNAL.addSubnet(network, prefix, 'ipv6');
}
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
function addressArgs(address) {
    return [address, (0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(address) === 6 ? 'ipv6' : 'ipv4'];
}
/** Whether an IP address is loopback, link-local, private or otherwise not a public host (IPv4-mapped IPv6 too). */
function isInternalAddress(address) {
    const plain = address
        .replace(/^\[|\]$/g, '')
        .replace(/%.*$/, '')
        .toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain)?.[1] ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(plain)?.[1];
    if (mapped)
        return INTERNAL.check(mapped, 'ipv4');
    const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(plain);
    if (hexMapped) {
        const high = Number.parseInt(hexMapped[1], 16);
        const low = Number.parseInt(hexMapped[2], 16);
        return INTERNAL.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
    }
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(plain) === 0)
        return true; // not an address at all: refuse rather than guess
    return INTERNAL.check(...addressArgs(plain));
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
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (policy.allowInternal)
        return undefined;
    if (host === 'localhost' || host.endsWith('.localhost'))
        return `${url.host} is a loopback host`;
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(host) !== 0 && isInternalAddress(host))
        return `${url.host} is a loopback, link-local or private address`;
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
        node_dns__WEBPACK_IMPORTED_MODULE_0___default().lookup(hostname, { ...options, all: true }, (error, addresses) => {
            if (error)
                return callback(error);
            const list = addresses;
            const bad = policy.allowInternal ? undefined : list.find((a) => isInternalAddress(a.address));
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
    const connect = (0,undici__WEBPACK_IMPORTED_MODULE_2__/* .buildConnector */ .gU)({ timeout: timeoutMs, lookup: guardedLookup(policy) });
    return (options, callback) => connect(options, (error, socket) => {
        if (error || !socket)
            return callback(error ?? new Error('no socket'), null);
        const address = socket.remoteAddress;
        if (!policy.allowInternal && address !== undefined && isInternalAddress(address)) {
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


/***/ })

};
