export const id = 115;
export const ids = [115];
export const modules = {

/***/ 21917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ isProvenEntry),
/* harmony export */   f: () => (/* binding */ proveEntry)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cache_key__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24950);
// The proof that this action wrote a cache entry for this request. Anyone who can save an entry in the cache
// scope (any workflow on the default branch, with or without the FoxAPI key) can forge one, and its key and
// version follow from the request: so an entry is believed only when it carries a MAC over what it says,
// keyed from the API key, which such an attacker lacks. Rotating the key makes every older entry a miss.


/** Tells the MAC key apart from any other use of the API key (and from later versions of this format). */
const PROOF_LABEL = 'foxapi-video-action cache entry proof v1';
function macKey(apiKey) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', apiKey).update(PROOF_LABEL).digest();
}
/** The proof (hex HMAC-SHA256) of `fields` under `apiKey`. */
function proveEntry(apiKey, fields) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', macKey(apiKey)).update((0,_cache_key__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .dj)(fields)).digest('hex');
}
/** Whether `proof` is the proof of `fields` under `apiKey`; compared in constant time. False without a key. */
function isProvenEntry(apiKey, fields, proof) {
    if (apiKey === '' || typeof proof !== 'string' || !/^[0-9a-f]{64}$/.test(proof))
        return false;
    const expected = Buffer.from(proveEntry(apiKey, fields), 'hex');
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.timingSafeEqual)(expected, Buffer.from(proof, 'hex'));
}


/***/ }),

/***/ 30127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ ResultCache)
});

// NAMESPACE OBJECT: ./src/cache/actions-cache.ts
var actions_cache_namespaceObject = {};
__webpack_require__.r(actions_cache_namespaceObject);
__webpack_require__.d(actions_cache_namespaceObject, {
  downloadEntry: () => (downloadEntry),
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
// EXTERNAL MODULE: ./src/atomic-files.ts
var atomic_files = __webpack_require__(69316);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
// EXTERNAL MODULE: ./src/foxapi/http.ts
var http = __webpack_require__(74539);
// EXTERNAL MODULE: ./src/foxapi/request-errors.ts
var request_errors = __webpack_require__(98984);
// EXTERNAL MODULE: ./src/foxapi/retries.ts
var retries = __webpack_require__(97181);
;// CONCATENATED MODULE: ./src/cache/entry-download.ts
// Downloads a cache entry's archive from the URL the cache service signed for it, never more than the entry's kind
// may hold. Anyone who can save in the cache scope can save a 10 GB entry under a key the action looks up (a newer
// pending key, say), and a batch looks up to 2×concurrency clips ahead: so the size is learnt first (a HEAD; the
// cache's blob storage answers it with Content-Length) and an entry above its limit is refused unread, and the
// body is streamed through a meter that stops past the limit whatever was announced (no length, or a HEAD that
// lied). Retries (a dropped connection, 429/5xx) honour Retry-After. The URL carries a signature: it appears in no
// message (the errors name "the cache entry download").







/** How the download names itself in its messages (never the signed URL). */
const WHAT = 'The cache entry download';
/** Idle time allowed per request (headers, then between body chunks). */
const IDLE_TIMEOUT_MS = 60_000;
/** Longest a whole entry download may take, retries included. */
const DOWNLOAD_DEADLINE_MS = 30 * 60_000;
/** Three tries, 1 s doubling; Retry-After lengthens a wait, up to MAX_RETRY_AFTER_MS (longer: no retry). */
const ENTRY_RETRY = { baseDelayMs: 1_000, maxDelayMs: 10_000, maxAttempts: 3 };
/** Longest Retry-After waited for: a lookup holds a clip's turn, and a miss only costs a new task. */
const MAX_RETRY_AFTER_MS = 60_000;
/** An entry larger than its kind may hold: refused, its body unread (or read no further than the limit). */
class OversizeEntryError extends Error {
    bytes;
    maxBytes;
    constructor(bytes, maxBytes, kind) {
        super(bytes === undefined
            ? `it holds more than ${maxBytes} bytes, more than ${kind} may hold`
            : `it is ${bytes} bytes, more than ${kind} may hold (${maxBytes})`);
        this.bytes = bytes;
        this.maxBytes = maxBytes;
        this.name = 'OversizeEntryError';
    }
}
/**
 * Downloads the archive at `url` to `file` (a new file in a private folder), refusing it (OversizeEntryError) when
 * it is or turns out to be larger than `maxBytes`; `kind` names what the entry is in that message ("a pending
 * entry"). Other failures throw a RequestError after the retries.
 */
async function downloadEntryArchive(url, file, maxBytes, kind) {
    const agent = (0,http/* createHttpAgent */.rA)(IDLE_TIMEOUT_MS);
    const deadline = Date.now() + DOWNLOAD_DEADLINE_MS;
    try {
        await (0,retries/* withRetries */.LH)(async () => {
            const announced = await announcedSize(url, agent, deadline);
            if (announced !== undefined && announced > maxBytes)
                throw new OversizeEntryError(announced, maxBytes, kind);
            await fetchMetered(url, file, maxBytes, kind, agent, deadline);
        }, { policy: ENTRY_RETRY, deadline, canRetry: (error) => (error.details.retryAfterMs ?? 0) <= MAX_RETRY_AFTER_MS });
    }
    finally {
        await agent.close();
    }
}
/** The size the storage announces for the blob (HEAD), or undefined when it announces none. */
async function announcedSize(url, agent, deadline) {
    const signal = (0,http/* requestSignal */.OL)(deadline);
    let response;
    try {
        response = await (0,undici/* request */.Em)(url, { method: 'HEAD', dispatcher: agent, signal });
    }
    catch (error) {
        throw (0,request_errors/* toRequestError */.du)(error, WHAT, signal);
    }
    response.body.resume();
    if (response.statusCode >= 400)
        throw (0,request_errors/* httpStatusError */.H6)(response.statusCode, undefined, response.headers, WHAT);
    return contentLength(response.headers);
}
/** GETs the blob into `file` through a meter that stops past `maxBytes`. */
async function fetchMetered(url, file, maxBytes, kind, agent, deadline) {
    const signal = (0,http/* requestSignal */.OL)(deadline);
    let response;
    try {
        response = await (0,undici/* request */.Em)(url, { method: 'GET', dispatcher: agent, signal });
    }
    catch (error) {
        throw (0,request_errors/* toRequestError */.du)(error, WHAT, signal);
    }
    if (response.statusCode >= 400) {
        response.body.destroy();
        throw (0,request_errors/* httpStatusError */.H6)(response.statusCode, undefined, response.headers, WHAT);
    }
    const announced = contentLength(response.headers);
    if (announced !== undefined && announced > maxBytes) {
        response.body.destroy();
        throw new OversizeEntryError(announced, maxBytes, kind);
    }
    const meter = new atomic_files/* ByteMeter */.AF(maxBytes, () => new OversizeEntryError(undefined, maxBytes, kind));
    try {
        // A fresh file each attempt ('w'): a retry starts the archive over.
        await (0,external_node_stream_promises_.pipeline)(response.body, meter, (0,external_node_fs_.createWriteStream)(file, { mode: 0o600 }));
    }
    catch (error) {
        if (error instanceof OversizeEntryError)
            throw error;
        throw (0,request_errors/* toRequestError */.du)(error, WHAT, signal);
    }
    if (announced !== undefined && meter.bytes !== announced) {
        throw new request_errors/* RequestError */.GI(`${WHAT} was cut short (${meter.bytes} of ${announced} bytes)`, { retryable: true, mayHaveBeenProcessed: true });
    }
}
/** Content-Length as a number, or undefined when missing or not a plain number. */
function contentLength(headers) {
    const value = headers['content-length'];
    const text = Array.isArray(value) ? value[0] : value;
    return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/cache/local-action-cache.ts
// Cache entries of @github/local-action (`npm run local-action`), read without its stand-in's restoreCache. That
// stand-in can only unpack an entry with `tar -P -C <workspace>`, which this action never lets an entry do; but it
// keeps each entry as a plain archive file in LOCAL_ACTION_CACHE_PATH, named `<key>-<version>.cache`. So a local run
// finds the entry the way the cache service does (for each key in order: that key exactly, else the newest entry whose
// key starts with it) and hands a copy of its archive to the same reader as any downloaded entry
// (./entry-archive.ts: member by member, believed only with its proof). Only used when @actions/cache is that
// stand-in and LOCAL_ACTION_CACHE_PATH names a folder.





/** `<key>-<version>.cache`: the version is the SHA-256 (hex) of the entry's paths and compression. */
const ENTRY_FILE = /^(.+)-[0-9a-f]{64}\.cache$/;
/** Reads the entry `primaryKey` (or a restore key) names from local-action's cache folder `folder`. */
async function readLocalActionEntry(folder, primaryKey, restoreKeys, limit) {
    let files;
    try {
        const names = (await (0,promises_.readdir)(folder)).filter((name) => ENTRY_FILE.test(name));
        files = await Promise.all(names.map(async (name) => {
            const file = external_node_path_default().join(folder, name);
            return { key: ENTRY_FILE.exec(name)?.[1] ?? '', file, savedAt: (await (0,promises_.stat)(file)).mtimeMs };
        }));
    }
    catch (error) {
        return { kind: 'failed', reason: `local-action's cache folder cannot be read (${(0,errors/* messageOf */.bD)(error)})` };
    }
    const found = matching(files, [primaryKey, ...restoreKeys]);
    const allowed = found && limit(found.key);
    if (!found || !allowed)
        return { kind: 'none' };
    // The same size limit as a download from the cache service: an entry larger than its kind may hold is not copied.
    const size = (await (0,promises_.stat)(found.file).catch(() => undefined))?.size ?? 0;
    if (size > allowed.maxBytes)
        return {
            kind: 'failed',
            refused: true,
            reason: `Cache entry ${found.key} refused: ${allowed.kind} of ${size} bytes, over the ${allowed.maxBytes} allowed; it is not used.`,
        };
    let copy;
    try {
        copy = await (0,promises_.mkdtemp)(external_node_path_default().join(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'foxapi-local-entry-'));
        const archivePath = external_node_path_default().join(copy, 'cache.archive');
        await (0,promises_.copyFile)(found.file, archivePath);
        const entry = { matchedKey: found.key, archivePath, folder: copy, compression: await compressionOf(archivePath) };
        copy = undefined;
        return { kind: 'found', entry };
    }
    catch (error) {
        return { kind: 'failed', reason: `local-action's cache entry ${found.key} cannot be read (${(0,errors/* messageOf */.bD)(error)})` };
    }
    finally {
        if (copy !== undefined)
            await (0,atomic_files/* removeLeftover */.MG)(copy);
    }
}
/** As the cache service matches: for each key in order, that key exactly, else the newest entry whose key starts with it. */
function matching(files, keys) {
    for (const key of keys) {
        const exact = files.find((f) => f.key === key);
        if (exact)
            return exact;
        const newest = files.filter((f) => f.key.startsWith(key)).sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : -1))[0];
        if (newest)
            return newest;
    }
    return undefined;
}
/** gzip by its magic bytes, else zstd (what @actions/cache writes when zstd is installed). */
async function compressionOf(file) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
        return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b ? 'gzip' : 'zstd';
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/cache/actions-cache.ts
// @actions/cache, loaded on first use. It is the largest part of the bundle (the Azure storage client comes
// with it) and many runs never touch it: a bad input fails before it, `cache: false` and the post step do
// without it, and a runner without the cache service is recognised from its variables alone. ncc puts it in
// a chunk of its own beside dist/index.js; this module has the same functions src/cache/result-cache.ts uses.
// An entry is restored with downloadEntry, never with restoreCache (which unpacks with tar into the workspace), and
// never downloaded past what its kind may hold (./entry-download.ts): the caller says, from the key that matched.
// What the library logs itself (tar command lines, transfer progress, keys) is plumbing: log.quietly makes it debug.






let loaded;
const load = () => (loaded ??= Promise.all(/* import() */[__webpack_require__.e(737), __webpack_require__.e(378), __webpack_require__.e(502), __webpack_require__.e(420), __webpack_require__.e(392), __webpack_require__.e(513), __webpack_require__.e(682)]).then(__webpack_require__.bind(__webpack_require__, 38682)));
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
/** @actions/cache's restoreCache, loaded on first use: only ever with `lookupOnly` (it unpacks nothing then). */
async function restoreCache(...args) {
    return log/* quietly */.gd(async () => (await available()).restoreCache(...args));
}
/** @actions/cache's saveCache, loaded on first use. */
async function saveCache(...args) {
    return log/* quietly */.gd(async () => (await available()).saveCache(...args));
}
const STAND_IN_WARNING = 'Cache entries are not restored here: this @actions/cache is a stand-in (as @github/local-action has) that can only unpack an entry with tar into the workspace, which no entry is allowed to do. Entries are still saved.';
let standInNamed = false;
/**
 * What restoreCache does up to the download, and no further: the same version (from `paths` and the
 * compression, so entries saved by saveCache are found), the same service client (cache service v1 or v2) and
 * the same download, but no `tar -P -C <workspace>`: an entry anyone in the cache scope may have forged is
 * never unpacked by tar. Like restoreCache, a service error is a warning and a miss (undefined), never a throw.
 */
async function downloadEntry(paths, primaryKey, restoreKeys, limit) {
    const module = await available(); // a service that is not configured throws here, as before: the caller turns the cache off
    const read = await log/* quietly */.gd(() => readEntry(module, paths, primaryKey, restoreKeys, limit));
    if (read.kind === 'found')
        return read.entry;
    if (read.kind === 'failed' && read.refused)
        log/* warning */.$e(read.reason);
    else if (read.kind === 'failed' && read.reason !== STAND_IN_REASON && read.reason !== UNREADABLE_REASON) {
        log/* warning */.$e(`Failed to restore: ${read.reason}`);
    }
    return undefined;
}
const STAND_IN_REASON = 'this @actions/cache is a stand-in that cannot restore an entry safely';
const UNREADABLE_REASON = 'the effective cache-mode does not permit reads';
/**
 * The read behind downloadEntry, telling "no such entry" from "the cache could not be read" (where restoreCache
 * answers undefined for both), so that downloadEntry words each. `limit` says, from the key that matched, how large
 * the entry may be (undefined: not an entry the caller reads, so it is not downloaded at all). Never throws; logs
 * nothing for a failure (the caller words it).
 */
async function readEntry(module, paths, primaryKey, restoreKeys, limit) {
    if (typeof module.isFeatureAvailable !== 'function') {
        // A stand-in such as @github/local-action's keeps restoreCache and saveCache only, and its restoreCache can
        // only unpack an entry with tar into the workspace. local-action keeps each entry as a file: read that instead.
        const localFolder = process.env.LOCAL_ACTION_CACHE_PATH;
        if (localFolder)
            return readLocalActionEntry(external_node_path_default().resolve(localFolder), primaryKey, restoreKeys, limit);
        if (!standInNamed)
            log/* warning */.$e(STAND_IN_WARNING);
        standInNamed = true;
        return { kind: 'failed', reason: STAND_IN_REASON };
    }
    let folder;
    try {
        const [utils, config, client, twirp] = await Promise.all([
            __webpack_require__.e(/* import() */ 378).then(__webpack_require__.bind(__webpack_require__, 26378)),
            __webpack_require__.e(/* import() */ 253).then(__webpack_require__.bind(__webpack_require__, 65253)),
            Promise.all(/* import() */[__webpack_require__.e(737), __webpack_require__.e(378), __webpack_require__.e(502), __webpack_require__.e(392)]).then(__webpack_require__.bind(__webpack_require__, 18392)),
            Promise.all(/* import() */[__webpack_require__.e(737), __webpack_require__.e(378), __webpack_require__.e(420), __webpack_require__.e(513), __webpack_require__.e(201)]).then(__webpack_require__.bind(__webpack_require__, 99513)),
        ]);
        if (!config.isCacheReadable(config.getCacheMode())) {
            log/* info */.pq(`Cache restore skipped: the effective cache-mode '${config.getCacheMode()}' does not permit reads.`);
            return { kind: 'failed', reason: UNREADABLE_REASON };
        }
        const compressionMethod = await utils.getCompressionMethod();
        let found;
        const v2 = config.getCacheServiceVersion() === 'v2';
        if (v2) {
            const version = utils.getCacheVersion(paths, compressionMethod);
            const reply = await twirp.internalCacheTwirpClient().GetCacheEntryDownloadURL({ key: primaryKey, restoreKeys, version });
            if (reply.ok && reply.matchedKey && reply.signedDownloadUrl)
                found = { key: reply.matchedKey, url: reply.signedDownloadUrl };
        }
        else {
            const entry = await client.getCacheEntry([primaryKey, ...restoreKeys], paths, { compressionMethod });
            if (entry?.archiveLocation && entry.cacheKey)
                found = { key: entry.cacheKey, url: entry.archiveLocation };
        }
        const allowed = found && limit(found.key);
        if (!found || !allowed)
            return { kind: 'none' };
        log/* debug */.Yz(`Cache hit for${found.key === primaryKey ? '' : ' restore-key'}: ${found.key}`);
        folder = await utils.createTempDirectory();
        const archivePath = external_node_path_default().join(folder, utils.getCacheFileName(compressionMethod));
        const refusal = await downloadWithin(found.url, archivePath, allowed);
        if (refusal)
            return {
                kind: 'failed',
                refused: true,
                reason: `Cache entry ${found.key} refused: ${refusal}; nothing of it was kept, and it is not used.`,
            };
        const entry = {
            matchedKey: found.key,
            archivePath,
            folder,
            compression: utils.getCacheFileName(compressionMethod).endsWith('.tgz') ? 'gzip' : 'zstd',
        };
        folder = undefined;
        return { kind: 'found', entry };
    }
    catch (error) {
        return { kind: 'failed', reason: (0,errors/* messageOf */.bD)(error) };
    }
    finally {
        if (folder !== undefined)
            await (0,atomic_files/* removeLeftover */.MG)(folder);
    }
}
/** Downloads the archive within its limit; the refusal in words when it is larger, else undefined. */
async function downloadWithin(url, archivePath, allowed) {
    try {
        await downloadEntryArchive(url, archivePath, allowed.maxBytes, allowed.kind);
        return undefined;
    }
    catch (error) {
        if (error instanceof OversizeEntryError)
            return error.message;
        throw error;
    }
}

// EXTERNAL MODULE: ./src/cache/cache-key.ts
var cache_key = __webpack_require__(24950);
// EXTERNAL MODULE: ./src/run-origin.ts
var run_origin = __webpack_require__(91069);
// EXTERNAL MODULE: ./src/security/task-id.ts
var task_id = __webpack_require__(18571);
// EXTERNAL MODULE: ./src/security/destinations.ts
var destinations = __webpack_require__(56769);
// EXTERNAL MODULE: ./src/foxapi/task.ts
var foxapi_task = __webpack_require__(91294);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
// EXTERNAL MODULE: ./src/security/visible-text.ts
var visible_text = __webpack_require__(52966);
;// CONCATENATED MODULE: ./src/cache/entry-archive.ts
// Reads a cache entry's archive (tar, compressed with zstd or gzip as @actions/cache chose) without tar(1):
// an entry may have been forged by anyone who can save one in the cache scope, so its members are judged
// before any byte of theirs is written, and only the few plain files this action saves are ever created, in
// a fresh private folder. The archive is read with tar-stream (a streaming tar parser that touches no file
// system: what is written, and where, is decided here).













/** An entry refused as a whole: a member that is absolute, climbs out, is a link, a device or a FIFO, or is not one of ours. */
class RefusedEntryError extends Error {
}
/** Bytes of tar structure (headers, padding, the end blocks) allowed beyond the files' own caps. */
const STRUCTURE_BYTES = 1024 * 1024;
/** Bytes read and decompressed at a time. */
const CHUNK_BYTES = 1024 * 1024;
/** Members an entry may have (its folders and files); far more than any entry this action saves. */
const MAX_MEMBERS = 16;
/**
 * Unpacks the files of `archive` that sit directly in `folder` (the cached path, `.foxapi-video-cache/<hash>`)
 * into `into`, a fresh private folder. `allowed` names each file an entry may hold and its size cap. Refuses
 * the whole entry (RefusedEntryError, after which `into` is to be removed) on any member that is not a folder on
 * the way to `folder` or an allowed plain file in it: absolute names, `..`, symbolic and hard links, devices,
 * FIFOs and unknown names are never written anywhere. Each file is created new (O_EXCL, O_NOFOLLOW).
 */
async function unpackEntry(archive, folder, into, allowed) {
    const files = new Map();
    const folders = new Set();
    for (let at = folder; at !== '.' && at !== ''; at = external_node_path_default().posix.dirname(at))
        folders.add(at);
    const budget = [...allowed.values()].reduce((sum, bytes) => sum + bytes, STRUCTURE_BYTES);
    let members = 0;
    const reader = (0,tar_stream.extract)();
    reader.on('entry', (header, stream, next) => {
        // A refused or broken entry ends the whole read (the pipeline's error); the member's own stream is then
        // destroyed with it, and that error needs a listener so it cannot end the process.
        stream.on('error', () => undefined);
        const refuse = (why) => {
            stream.resume();
            next(new RefusedEntryError(`its member ${shown(header.name)} ${why}`));
        };
        if (++members > MAX_MEMBERS)
            return refuse(`is one of more than ${MAX_MEMBERS} members`);
        const problem = nameProblem(header.name);
        if (problem !== undefined)
            return refuse(problem);
        const name = header.name.replace(/\/+$/, '');
        if (header.type === 'directory') {
            if (!folders.has(name))
                return refuse(`is a folder outside ${folder}`);
            stream.resume();
            return next();
        }
        if (header.type !== 'file')
            return refuse(`is ${TYPE_NAMES[header.type ?? ''] ?? 'not a plain file'}`);
        const base = external_node_path_default().posix.basename(name);
        const cap = allowed.get(base);
        if (external_node_path_default().posix.dirname(name) !== folder || cap === undefined)
            return refuse(`is not a file this action saves`);
        if (files.has(base))
            return refuse('appears twice');
        if (header.size > cap)
            return refuse(`is ${header.size} bytes, over the ${cap} allowed`);
        const target = external_node_path_default().join(into, base);
        writeMember(stream, target, cap).then((written) => {
            files.set(base, written);
            next();
        }, (error) => next(error instanceof Error ? error : new Error(String(error))));
    });
    let seen = 0;
    const meter = new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            seen += chunk.length;
            if (seen > budget)
                callback(new RefusedEntryError(`it unpacks to more than ${budget} bytes`));
            else
                callback(null, chunk);
        },
    });
    await (0,external_node_stream_promises_.pipeline)(decompressed(archive), meter, reader);
    return files;
}
const TYPE_NAMES = {
    symlink: 'a symbolic link',
    link: 'a hard link',
    'character-device': 'a device',
    'block-device': 'a device',
    fifo: 'a FIFO',
    'contiguous-file': 'a contiguous file (not a plain file)',
};
/** Why a member's name is refused before its type is even looked at, or undefined. */
function nameProblem(name) {
    if (name === '' || name.includes('\0'))
        return 'has no usable name';
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\'))
        return 'has an absolute name';
    if (name.split('/').some((part) => part === '..' || part === '.'))
        return 'has a `..` or `.` in its name';
    return undefined;
}
/** A member's name as a warning may show it: one line, visible characters, short. */
function shown(name) {
    return JSON.stringify((0,visible_text/* makeVisible */.Xm)((0,visible_text/* capText */.yA)(name, 120)));
}
/** Writes one member to a new file (never through a link), counting and hashing its bytes. */
async function writeMember(stream, target, cap) {
    const handle = await (0,promises_.open)(target, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW, 0o600);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    try {
        for await (const data of stream) {
            const chunk = data;
            bytes += chunk.length;
            if (bytes > cap)
                throw new RefusedEntryError(`its member ${external_node_path_default().basename(target)} is over the ${cap} bytes allowed`);
            hash.update(chunk);
            await handle.write(chunk);
        }
    }
    finally {
        await handle.close();
    }
    return { path: target, bytes, sha256: hash.digest('hex') };
}
/** The archive's tar bytes: gzip with zlib; zstd with zlib where Node has it (22.15 and later), else with zstd(1). */
function decompressed({ archivePath, compression }) {
    // Large chunks: a clip is megabytes, and every chunk costs a write.
    const file = (0,external_node_fs_.createReadStream)(archivePath, { highWaterMark: CHUNK_BYTES });
    if (compression === 'gzip')
        return file.pipe(external_node_zlib_default().createGunzip({ chunkSize: CHUNK_BYTES }));
    if (typeof (external_node_zlib_default()).createZstdDecompress === 'function')
        return file.pipe(external_node_zlib_default().createZstdDecompress({ chunkSize: CHUNK_BYTES }));
    file.destroy();
    // @actions/cache made a zstd archive only because zstd(1) is on this runner.
    const child = (0,external_node_child_process_.spawn)('zstd', ['-d', '-c', '-q', '--', archivePath], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.on('close', (code) => {
        if (code !== 0)
            child.stdout.destroy(new Error(`zstd could not decompress the archive (exit code ${String(code)})`));
    });
    return child.stdout;
}
/**
 * Reads a downloaded entry's `allowed` members (see unpackEntry) into a fresh private folder (mode 0700) under
 * the runner's temp folder, outside the workspace, the only place an entry's files are created; hands them to
 * `use`; then removes that folder and the downloaded archive's own folder, whatever happened.
 */
async function withUnpackedEntry(entry, folder, allowed, use) {
    let into;
    try {
        into = await (0,promises_.mkdtemp)(external_node_path_default().join(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'foxapi-video-entry-'));
        return await use(await unpackEntry(entry, folder, into, allowed));
    }
    finally {
        if (into !== undefined)
            await (0,atomic_files/* removeLeftover */.MG)(into);
        await (0,atomic_files/* removeLeftover */.MG)(entry.folder);
    }
}
/**
 * A small JSON file of an unpacked entry, opened without following a link and read up to `maxBytes`. What it
 * holds never appears in an error: a file that is not JSON is named (`name`), not quoted.
 */
async function readEntryJson(file, name, maxBytes) {
    const handle = await (0,promises_.open)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW);
    try {
        const stat = await handle.stat();
        if (!stat.isFile() || stat.size > maxBytes)
            throw new Error(`${name} is not a small plain file`);
        const buffer = Buffer.alloc(stat.size);
        const { bytesRead } = await handle.read(buffer, 0, stat.size, 0);
        const parsed = (0,http/* parseJsonSafely */.s$)(buffer.subarray(0, bytesRead).toString('utf8'));
        if (parsed === undefined)
            throw new Error(`${name} is not JSON`);
        return parsed;
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: ./src/cache/entry-proof.ts
var entry_proof = __webpack_require__(21917);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(74528);
;// CONCATENATED MODULE: ./src/cache/entry-records.ts
// What each kind of result-cache entry holds (its file names, their largest sizes, the records' shapes) and what
// its proof covers (./entry-proof.ts). src/cache/result-cache.ts reads and writes entries through these, so the
// format of an entry has one home.


const CLIP_FILE = 'clip.mp4';
const TASK_FILE = 'task.json';
const META_FILE = 'meta.json';
const PENDING_FILE = 'pending-task.json';
/** The end of a delivered note's key (peek tells it from a pending task by its key alone). */
const DELIVERED_SUFFIX = '-delivered';
/** Largest JSON file an entry may hold (the task JSON is a few KiB). */
const MAX_JSON_BYTES = 64 * 1024;
/** Bytes an entry's archive (tar --posix, then zstd or gzip) may add to its files: headers, padding, framing. */
const ARCHIVE_OVERHEAD_BYTES = 64 * 1024;
/**
 * Largest archive of a pending or delivered entry: its one record is under a KiB, its archive a few hundred bytes.
 * A larger one is refused before it is downloaded (src/cache/entry-download.ts).
 */
const MAX_RECORD_ARCHIVE_BYTES = 16 * 1024;
/** The files a clip entry may hold, each with its largest size: the clip (at most `maxClipBytes`) and its two records. */
function clipFiles(maxClipBytes) {
    return new Map([
        [CLIP_FILE, maxClipBytes],
        [TASK_FILE, MAX_JSON_BYTES],
        [META_FILE, MAX_JSON_BYTES],
    ]);
}
/**
 * Largest archive of a clip entry whose clip is at most `maxClipBytes`: its files, what compression can add to
 * data that does not compress (under 1/128), and the archive's own overhead.
 */
function maxClipArchiveBytes(maxClipBytes) {
    const content = [...clipFiles(maxClipBytes).values()].reduce((sum, bytes) => sum + bytes, 0);
    return content + Math.ceil(content / 128) + ARCHIVE_OVERHEAD_BYTES;
}
/** The one file a pending or delivered entry holds. */
const PENDING_FILES = new Map([[PENDING_FILE, MAX_JSON_BYTES]]);
/** meta.json of a clip entry: what the proof covers, besides the task JSON's bytes. */
const clipMetaSchema = schemas/* object */.Ikc({
    taskId: schemas/* string */.YjP().catch(''),
    sha256: schemas/* string */.YjP().catch(''),
    madeBy: schemas/* unknown */.L5J().optional(),
    proof: schemas/* unknown */.L5J().optional(),
});
/** pending-task.json of a pending entry (a field of the wrong shape fails the proof, not the parse). */
const pendingSchema = schemas/* object */.Ikc({
    taskId: schemas/* unknown */.L5J().optional(),
    model: schemas/* string */.YjP().max(200).catch(''),
    delivered: schemas/* boolean */.zMY().catch(false).default(false),
    proof: schemas/* unknown */.L5J().optional(),
});
/** What a clip entry's proof covers: the request's cache key, the task, the clip's and the task JSON's SHA-256, the run. */
function clipFields(cacheKey, taskId, sha256, taskSha256, madeBy) {
    return { entry: 'clip', cacheKey, taskId, sha256, taskSha256, madeBy: madeBy === undefined ? null : (0,cache_key/* canonicalJson */.dj)(madeBy) };
}
/**
 * What a pending or delivered entry's proof covers: the request's cache key, the key the entry was saved under,
 * the task submitted for it, the request's model, and whether the task's clip was delivered.
 */
function pendingFields(cacheKey, entryKey, taskId, model, delivered = false) {
    return { entry: 'pending', cacheKey, entryKey, taskId, model, delivered };
}

;// CONCATENATED MODULE: ./src/cache/entry-belief.ts
// Believing a result-cache entry once it is unpacked into its private folder (./entry-archive.ts): a record is read
// only in the shape this action writes it, believed only with its proof (./entry-proof.ts), and a clip only when it
// is the clip proven and passes the run's check; a clip that does is then placed where the run asked, atomically.
// A failed proof is a warning that names the entry, never its contents; the entry is not deleted.









/** An entry's claim, believed only with its proof; warns (naming the entry, never its contents) when it fails. */
function proven(entryKey, fields, proof, apiKey) {
    if (fields !== undefined && (0,entry_proof/* isProvenEntry */.X)(apiKey, fields, proof))
        return true;
    log/* warning */.$e(`Cache entry ${entryKey} is ignored: its proof does not match (it was saved under another API key, or not by this action for this request). It is not deleted.`);
    return false;
}
/** `key` is the key the clip was saved under (the request's, or its `reuse: run` key): the proof covers it. */
async function readClipEntry(key, files, options, believer) {
    const clipFile = files.get(CLIP_FILE);
    const taskFile = files.get(TASK_FILE);
    const metaFile = files.get(META_FILE);
    if (!clipFile || !taskFile || !metaFile)
        throw new Error('the entry lacks a file a clip entry has');
    const meta = clipMetaSchema.safeParse(await readEntryJson(metaFile.path, META_FILE, MAX_JSON_BYTES));
    if (!meta.success)
        throw new Error(`${META_FILE} is not a clip record`);
    const madeBy = meta.data.madeBy === undefined ? undefined : run_origin/* runOriginSchema */.dB.safeParse(meta.data.madeBy);
    // A record of the wrong shape is not one this action wrote: it fails its proof like any other forgery.
    const fields = madeBy?.success === false ? undefined : clipFields(key, meta.data.taskId, meta.data.sha256, taskFile.sha256, madeBy?.data);
    if (!proven(key, fields, meta.data.proof, believer.apiKey))
        return { kind: 'empty' };
    const task = foxapi_task/* taskSchema */.v.safeParse(await readEntryJson(taskFile.path, TASK_FILE, MAX_JSON_BYTES));
    if (!task.success || task.data.id !== meta.data.taskId)
        throw new Error(`${TASK_FILE} is not the task of this entry`);
    // The clip checked and restored is the clip proven.
    if (clipFile.sha256 !== meta.data.sha256)
        throw new Error(`the clip of ${key} does not match its proven checksum`);
    const checked = await options.check(clipFile.path);
    if (!checked.fits)
        return { kind: 'unusable-clip', why: checked.why };
    const clip = { task: task.data, sha256: clipFile.sha256, bytes: clipFile.bytes };
    const origin = madeBy?.data && (0,run_origin/* runOfThisRepository */.T0)(madeBy.data);
    if (origin)
        clip.madeBy = origin;
    if (options.place)
        clip.path = await place(key, clipFile.path, options.place(task.data), meta.data.sha256, believer.workspace);
    return { kind: 'clip', clip, held: checked.held };
}
/** Copies a proven, checked clip to `target` (checked again once its folder exists and right before the rename). */
async function place(key, file, target, sha256, workspace) {
    const copied = await (0,atomic_files/* copyFileAtomically */.TF)(file, target, () => (0,destinations/* recheckDestination */.iW)(target, workspace));
    if (copied.sha256 !== sha256) {
        await (0,atomic_files/* removeLeftover */.MG)(target);
        throw new Error(`the restored clip of ${key} does not match its checksum`);
    }
    return target;
}
async function readPendingEntry(key, entryKey, files, perRun, believer) {
    const file = files.get(PENDING_FILE);
    if (!file)
        throw new Error(`the entry has no ${PENDING_FILE}`);
    const record = pendingSchema.safeParse(await readEntryJson(file.path, PENDING_FILE, MAX_JSON_BYTES));
    if (!record.success)
        throw new Error(`${PENDING_FILE} is not a pending-task record`);
    const { taskId, model, delivered, proof } = record.data;
    if (!(0,task_id/* isValidTaskId */.RQ)(taskId)) {
        log/* warning */.$e(`Cache entry ${entryKey} holds no valid task id (${(0,task_id/* describeBadTaskId */.L)(taskId)}); going on without it.`);
        return { kind: 'empty' };
    }
    if (!proven(entryKey, pendingFields(key, entryKey, taskId, model, delivered), proof, believer.apiKey))
        return { kind: 'empty' };
    // Delivered: under `reuse: run` the task is never handed out again. Under `reuse: request` its clip may be
    // served to any run of the request, so the task is collected again (free) as a pending one would be: the
    // clip entry itself is missing here (its save failed, or that run did not download).
    if (delivered && perRun)
        return { kind: 'delivered', taskId };
    return { kind: 'pending', taskId, model };
}

// EXTERNAL MODULE: ./src/cache/staging.ts
var staging = __webpack_require__(3511);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
;// CONCATENATED MODULE: ./src/cache/result-cache.ts
// Never pay twice: finished clips and in-flight task ids are kept in the Actions cache, keyed by a stable
// hash of the request. Any cache trouble is a warning; the action then goes on without the cache.
//
// One cache directory per request key, relative to the workspace: @actions/cache hashes the paths it is
// given into the entry's version, so a path that is the same on every run (unlike RUNNER_TEMP on
// self-hosted runners) is what lets a later run find the entry. Two kinds of entries share that directory
// and so that version:
//   <key>                  the finished clip, its task JSON and meta.json (checksum, task id, proof)
//   <key>-pending-<time>-<random>   the id of a task submitted but not yet collected (unique per submission)
//   <key>-pending-<time>-<random>-delivered   the task whose clip was delivered: no later run adopts it
//   foxapi-video-v1-run-<run id>-<digest>   with `reuse: run`, the finished clip, for that workflow run only
// One lookup, with `<key>-pending-` as the restore key, finds either: an exact hit is the clip, a prefix hit
// the newest pending task, or the note that it was delivered. Entries are immutable, so "delivered" is a newer
// entry in the same pending series rather than a change to the old one: the newest entry tells where the
// request's last task stands. A pending or delivered record's proof covers the key it was saved under, so an
// honest record re-saved under a newer key (to hide a delivered note) fails it.
// Because the directory must be the same on every run, two operations on one key must never overlap (a
// clip save wiping the folder a pending-task save is still archiving): all of them run one after another.
//
// A cache entry is untrusted input: anyone who can save one in the cache scope can forge it. So an entry is
// never unpacked by tar: its archive is downloaded (./actions-cache.ts) and read member by member into a fresh
// private folder under RUNNER_TEMP (./entry-archive.ts), and what it says is believed only with a proof
// (./entry-proof.ts) over the cache key, the task id, the clip's SHA-256 and every other field, keyed from the
// API key. The workspace's staging folder is used for saves only, and refused when it is not a plain folder.
//
// @actions/cache is used defensively: a runner without the service, a stub (as @github/local-action has),
// a function that throws or a save that answers -1 all turn the cache off with one warning.
















function cacheApi(module = actions_cache_namespaceObject) {
    const api = module;
    for (const name of ['isFeatureAvailable', 'restoreCache', 'downloadEntry', 'saveCache']) {
        if (typeof api?.[name] !== 'function')
            return `@actions/cache has no ${name} here`;
    }
    return api;
}
class ResultCache {
    workspace;
    options;
    disabledBecause;
    api;
    /** The last operation queued per key: each key's operations run one at a time. */
    queues = new Map();
    /** The staging folder's check, made once before the first lookup or save. */
    stagingChecked;
    /** Believes an entry's claim only with its proof, and places a proven clip in the workspace. */
    believer;
    constructor(enabled, workspace, options, module = actions_cache_namespaceObject) {
        this.workspace = workspace;
        this.options = options;
        this.believer = { apiKey: options.apiKey, workspace };
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
     * The workspace's staging folder (`.foxapi-video-cache`), checked with lstat and never followed: missing (it
     * is made, private), or a plain folder. A symbolic link or a file in its place (committed to the repository,
     * say) turns the cache off for the run, so nothing is written or removed through it.
     */
    checkStaging() {
        this.stagingChecked ??= (async () => {
            const problem = await (0,staging/* stagingFolderProblem */.P1)(this.workspace);
            if (problem !== undefined)
                this.turnOff(problem);
        })().catch((error) => this.turnOff(`the staging folder ${staging/* CACHE_DIRECTORY */.vF} cannot be used (${(0,errors/* messageOf */.bD)(error)})`));
        return this.stagingChecked;
    }
    /**
     * Looks for the clip or a pending task of `key`. A proven clip is checked (`check`) on its private unpacked copy
     * and, when it passes, placed where `place` says: a clip that passes is always restored (src/run/clip-decision.ts).
     */
    async lookup(key, options) {
        if (!this.enabled)
            return undefined;
        await this.checkStaging();
        if (!this.enabled)
            return undefined;
        return this.serialised(key, () => this.lookupNow(key, options));
    }
    async lookupNow(key, options) {
        const { relative } = this.directoryFor(key);
        const clipKey = (0,cache_key/* clipEntryKey */.m8)(key, options.runId);
        // Each kind of entry is downloaded up to what it may hold, and one of no kind read here not at all.
        const limit = (matched) => matched === clipKey
            ? { maxBytes: maxClipArchiveBytes(this.options.maxClipBytes), kind: 'a clip entry (max-download-size and its records)' }
            : matched.startsWith(`${key}-pending-`)
                ? { maxBytes: MAX_RECORD_ARCHIVE_BYTES, kind: 'a pending or delivered entry' }
                : undefined;
        const downloaded = await this.attempt('restore', (api) => api.downloadEntry([relative], clipKey, [`${key}-pending-`], limit));
        if (!downloaded)
            return this.enabled ? { kind: 'empty' } : undefined;
        const matched = downloaded.matchedKey;
        const isClip = matched === clipKey;
        try {
            if (isClip && !options.wantClip) {
                await (0,atomic_files/* removeLeftover */.MG)(downloaded.folder);
                return { kind: 'unusable-clip', why: 'a run without wait and download does not use a cached clip' };
            }
            return await withUnpackedEntry(downloaded, relative, isClip ? clipFiles(this.options.maxClipBytes) : PENDING_FILES, (files) => isClip
                ? readClipEntry(clipKey, files, options, this.believer)
                : readPendingEntry(key, matched, files, options.runId !== undefined, this.believer));
        }
        catch (error) {
            if (error instanceof RefusedEntryError)
                log/* warning */.$e(`Cache entry ${matched} refused: ${error.message}; nothing of it was written, and it is not used.`);
            else
                log/* warning */.$e(`Cache entry ${matched} could not be used (${(0,errors/* messageOf */.bD)(error)}); going on without it.`);
            return { kind: 'empty' };
        }
    }
    /**
     * What the cache holds for `key`, read from entry keys alone (the dry run without 'api-key', which could check no
     * proof): a clip, a pending task, a delivered note, nothing, or undefined when the cache is off or cannot be asked.
     */
    async peek(key, runId) {
        if (!this.enabled)
            return undefined;
        const { relative } = this.directoryFor(key);
        const clipKey = (0,cache_key/* clipEntryKey */.m8)(key, runId);
        const matched = await this.attempt('restore', (api) => api.restoreCache([relative], clipKey, [`${key}-pending-`], { lookupOnly: true }));
        if (!this.enabled)
            return undefined;
        if (matched === clipKey)
            return 'clip';
        if (!matched?.startsWith(`${key}-pending-`))
            return 'none';
        return matched.endsWith(DELIVERED_SUFFIX) && runId !== undefined ? 'delivered' : 'pending';
    }
    /** Saves a downloaded clip with its final task JSON under `key` (with `runId`, for that workflow run only). */
    async saveClip(key, task, clipPath, sha256, runId) {
        const entryKey = (0,cache_key/* clipEntryKey */.m8)(key, runId);
        await this.save(key, entryKey, async (directory) => {
            // A hard link costs no copy; a copy is the fallback (another file system, or no links there).
            await (0,promises_.link)(clipPath, external_node_path_default().join(directory, CLIP_FILE)).catch(() => (0,atomic_files/* copyFileAtomically */.TF)(clipPath, external_node_path_default().join(directory, CLIP_FILE)));
            // Only the known task fields (taskSchema projects them), and never the key, even echoed by a server.
            const taskJson = (0,secrets/* redact */.E)(JSON.stringify(foxapi_task/* taskSchema */.v.parse(task)));
            await (0,promises_.writeFile)(external_node_path_default().join(directory, TASK_FILE), taskJson, { flag: 'wx' });
            const madeBy = await (0,run_origin/* currentRun */.xh)();
            const taskSha256 = (0,external_node_crypto_.createHash)('sha256').update(taskJson).digest('hex');
            const proof = (0,entry_proof/* proveEntry */.f)(this.options.apiKey, clipFields(entryKey, task.id, sha256, taskSha256, madeBy));
            await (0,promises_.writeFile)(external_node_path_default().join(directory, META_FILE), JSON.stringify({ taskId: task.id, sha256, madeBy, proof }), { flag: 'wx' });
        });
    }
    /**
     * Records a just-submitted task, so a re-run of a timed-out or cancelled job resumes it instead of paying again.
     * Whether the cache kept the record (false: the cache is off, refused the save or failed; the caller says so).
     */
    async savePendingTaskId(key, taskId, model) {
        // Entries are immutable: each submission gets its own key (time, then random: two in one millisecond
        // still differ); lookup picks the newest by prefix.
        return this.savePendingRecord(key, taskId, model, false);
    }
    /**
     * Records that the clip of `taskId` was delivered (handed to this run's later steps), so that under `reuse: run`
     * no later run adopts that task again: a newer, proven entry in the request's pending series.
     */
    async saveDelivered(key, taskId, model) {
        await this.savePendingRecord(key, taskId, model, true);
    }
    async savePendingRecord(key, taskId, model, delivered) {
        const entryKey = `${key}-pending-${Date.now()}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}${delivered ? DELIVERED_SUFFIX : ''}`;
        const proof = (0,entry_proof/* proveEntry */.f)(this.options.apiKey, pendingFields(key, entryKey, taskId, model, delivered));
        return this.save(key, entryKey, (directory) => (0,promises_.writeFile)(external_node_path_default().join(directory, PENDING_FILE), (0,secrets/* redact */.E)(JSON.stringify({ taskId, model, delivered, proof })), { flag: 'wx' }));
    }
    /** Whether the entry was saved. Never rejects: a cache that fails is a warning, and the clip's result stands. */
    async save(key, entryKey, stage) {
        if (!this.enabled)
            return false;
        await this.checkStaging();
        return this.serialised(key, () => this.saveNow(key, entryKey, stage)).catch((error) => {
            log/* warning */.$e(`Could not save the cache entry ${entryKey} (${(0,errors/* messageOf */.bD)(error)}); going on without it.`);
            return false;
        });
    }
    async saveNow(key, entryKey, stage) {
        if (!this.enabled)
            return false;
        const { relative, absolute } = this.directoryFor(key);
        try {
            // The staging folder was checked (a plain folder); its entry folder is made anew and checked the same way.
            await stage(await (0,staging/* freshEntryFolder */.RW)(this.workspace, relative));
            const id = await this.attempt('save', (api) => api.saveCache([relative], entryKey));
            // saveCache reports its own failures (and returns -1) rather than throwing. For a key no one else can
            // have taken, that means the service is in trouble (or refuses this job's writes): stop using it for this run.
            if (typeof id === 'number' && id !== -1) {
                log/* debug */.Yz(`Saved to the Actions cache as ${entryKey}.`);
                return true;
            }
            if (entryKey.startsWith(`${key}-pending-`))
                this.turnOff(`saving ${entryKey} failed`);
        }
        catch (error) {
            log/* warning */.$e(`Could not stage the cache entry ${entryKey} (${(0,errors/* messageOf */.bD)(error)}); going on without it.`);
        }
        finally {
            await (0,atomic_files/* removeLeftover */.MG)(absolute);
        }
        return false;
    }
    /** The entry's directory: the same relative path on every run (it is part of the entry's version). */
    directoryFor(key) {
        const relative = external_node_path_default().posix.join(staging/* CACHE_DIRECTORY */.vF, (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 16));
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

/***/ 34896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vk: () => (/* binding */ readClip)
/* harmony export */ });
/* unused harmony exports READER_HEAP_MIB, READER_PARSE_MS */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
// Reads a clip's metadata in a worker thread under a hard memory limit and a time limit, so that a file built to
// exhaust the MP4 reader ends as a clean structural failure (`parses`) of that clip, never as the end of the step.
// The reader counts what it knows (./sample-tables.ts); this is for the bomb nobody has thought of yet: the
// worker's heap is capped (V8 stops the worker, not the process, when it is full), and a reading that goes on
// past READER_PARSE_MS once the library is loaded is stopped too. One clip is read at a time, each in a fresh
// worker, so the action's memory stays bounded (one reader's cap on top of the step's own) and one clip's bomb
// never touches another clip's reading.
// Where the worker's code is: in the bundle, dist/clip-reader/index.js beside the chunk this module is in (a
// build entry of its own: scripts/build.ts); from the sources (tests, local-action), ./clip-reader-worker.ts,
// run through tsx. Nothing here imports the reader itself: the MP4 library never loads in the step's thread.




/** The reader's heap (V8's old generation) in MiB: a real clip's movie header needs a few; a bomb fills it. */
const READER_HEAP_MIB = 48;
/** Longest a reading may take once the library is loaded: a real clip's takes milliseconds. */
const READER_PARSE_MS = 2_000;
/** Longest the worker may take to start and load the library (not the file's doing: a slow machine's). */
const READER_START_MS = 60_000;
/** The worker's code in the bundle, relative to the folder of the chunk this module is in. */
const BUNDLED_WORKER = node_path__WEBPACK_IMPORTED_MODULE_0___default().join('clip-reader', 'index.js');
let queue = Promise.resolve();
/**
 * Reads `file`'s metadata and runs the structural checks (./clip-metadata.ts) in a worker under the limits above.
 * Never throws for what the file holds: a broken or hostile file is `{ ok: false }` naming the check it failed.
 * Throws when the file cannot be read at all, or the worker cannot run.
 */
function readClip(file) {
    const reading = queue.then(() => readInWorker(file));
    queue = reading.catch(() => undefined);
    return reading;
}
function readInWorker(file) {
    return new Promise((resolve, reject) => {
        const worker = startWorker({ file });
        let timer = setTimeout(() => end(new Error(`the MP4 reader did not start within ${READER_START_MS / 1000} s`)), READER_START_MS);
        let ended = false;
        // The worker is stopped (its file handle closed with it) before the caller hears anything: it may move the file.
        const end = (outcome) => {
            if (ended)
                return;
            ended = true;
            clearTimeout(timer);
            const settle = () => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
            worker.terminate().then(settle, settle);
        };
        worker.on('message', (message) => {
            if (message.kind === 'ready') {
                clearTimeout(timer);
                timer = setTimeout(() => end(tooLong), READER_PARSE_MS);
            }
            else if (message.kind === 'reading')
                end(message.reading);
            else
                end(new Error(message.message));
        });
        worker.on('error', (error) => end((0,_errors__WEBPACK_IMPORTED_MODULE_3__/* .codeOf */ .$N)(error) === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig : new Error(`the MP4 reader failed (${(0,_errors__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .bD)(error)})`)));
        worker.on('exit', (code) => end(new Error(`the MP4 reader stopped (exit code ${code}) before it answered`)));
    });
}
const tooBig = {
    ok: false,
    check: 'parses',
    problem: `reading it took more than ${READER_HEAP_MIB} MiB of memory: not a clip this action reads`,
};
const tooLong = {
    ok: false,
    check: 'parses',
    problem: `reading it took more than ${READER_PARSE_MS / 1000} s: not a clip this action reads`,
};
/** A worker running the reader on `job`, with its heap capped. */
function startWorker(job) {
    const here = (0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url);
    const options = {
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MIB, maxYoungGenerationSizeMb: 4, stackSizeMb: 4 },
    };
    if (!here.endsWith('.ts'))
        return new node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.Worker(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(here), BUNDLED_WORKER), options);
    // From the sources: the worker registers tsx's ESM hooks (found through tsx's own exports, from the sources'
    // folder, as the tests and local-action run), then loads the worker module.
    const source = node_path__WEBPACK_IMPORTED_MODULE_0___default().join(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(here), 'clip-reader-worker.ts');
    const code = `void (async () => {
    const path = await import('node:path'); const { createRequire } = await import('node:module'); const { pathToFileURL } = await import('node:url')
    const find = createRequire(${JSON.stringify(source)}); const manifest = find.resolve('tsx/package.json')
    const api = path.join(path.dirname(manifest), find(manifest).exports['./esm/api'].import.default)
    ;(await import(pathToFileURL(api).href)).register()
    await import(${JSON.stringify((0,node_url__WEBPACK_IMPORTED_MODULE_1__.pathToFileURL)(source).href)})
  })()`;
    return new node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.Worker(code, { ...options, eval: true });
}


/***/ }),

/***/ 49018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XL: () => (/* binding */ ASPECT_TOLERANCE),
/* harmony export */   kV: () => (/* binding */ shapeLine),
/* harmony export */   lB: () => (/* binding */ ratioName),
/* harmony export */   pO: () => (/* binding */ ratioOf)
/* harmony export */ });
/* unused harmony export codecName */
/** Width/height may differ from a named or requested ratio by this share (2 %). */
const ASPECT_TOLERANCE = 0.02;
/** Ratios named as such when the picture is within ASPECT_TOLERANCE of one. */
const NAMED_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', '9:21'];
/** Codec families by the sample entry's four letters. */
const CODEC_NAMES = {
    avc1: 'H.264',
    avc3: 'H.264',
    hvc1: 'H.265',
    hev1: 'H.265',
    av01: 'AV1',
    vp08: 'VP8',
    vp09: 'VP9',
    mp4v: 'MPEG-4 Visual',
};
/** `1080×1920 · 9:16 · 10.0 s · H.264 · audio` (or `no audio`). */
function shapeLine(metadata) {
    return [
        `${metadata.width}×${metadata.height}`,
        ratioName(metadata.width, metadata.height),
        `${metadata.durationS.toFixed(1)} s`,
        codecName(metadata.codec),
        metadata.hasAudio ? 'audio' : 'no audio',
    ].join(' · ');
}
/** The named ratio within 2 % of width:height (`9:16`), or the ratio as a number (`1.85:1`). */
function ratioName(width, height) {
    const ratio = width / height;
    const named = NAMED_RATIOS.find((name) => Math.abs(ratio / ratioOf(name) - 1) <= ASPECT_TOLERANCE);
    return named ?? `${ratio.toFixed(2)}:1`;
}
/** `16:9` → 1.777… */
function ratioOf(name) {
    const [w, h] = name.split(':').map(Number);
    return (w ?? Number.NaN) / (h ?? Number.NaN);
}
/** `avc1.640028` → `H.264`; a codec not listed keeps its string. */
function codecName(codec) {
    return CODEC_NAMES[codec.slice(0, 4)] ?? codec;
}


/***/ }),

/***/ 378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LS: () => (/* binding */ checkRestoredClip),
  wY: () => (/* binding */ downloadUntilWhole),
  M9: () => (/* binding */ holdAgainstRequest),
  PV: () => (/* binding */ inspectClip),
  C3: () => (/* binding */ mismatchText),
  nF: () => (/* binding */ verificationText)
});

// UNUSED EXPORTS: BROKEN_CLIP_DOWNLOADS, BrokenClipError, durationTolerance, mismatchVerdict, mismatchesOf, verifyClip

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/clip/clip-reader.ts
var clip_reader = __webpack_require__(34896);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./src/models/registry.ts + 15 modules
var registry = __webpack_require__(14521);
;// CONCATENATED MODULE: ./src/models/expected-shape.ts

/** `resolution` values and the short side of the picture they give. */
const SHORT_SIDES = {
    '360p': 360,
    '480p': 480,
    '540p': 540,
    '720p': 720,
    '1080p': 1080,
    '2160p': 2160,
    '4k': 2160,
};
/**
 * The shape `request` fixes, or undefined when its model is one the registry does not check (a request sent as
 * given) or there is no request (a task collected by id): then only the structural checks apply.
 */
function expectedShapeOf(request) {
    const model = request ? registry/* MODELS */.L6.get(request.model) : undefined;
    if (!request || !model || model.unchecked)
        return undefined;
    const fixes = new Set(model.shape.fixes(request));
    const { sources } = model.shape;
    const valueOf = (field) => {
        const source = sources[field];
        return fixes.has(field) && source ? (request[source.field] ?? source.default) : undefined;
    };
    const shape = {};
    const aspect = valueOf('aspect-ratio');
    if (typeof aspect === 'string' && /^\d+:\d+$/.test(aspect))
        shape.aspectRatio = aspect;
    if (fixes.has('duration')) {
        const segments = Array.isArray(request.multi_prompt) ? request.multi_prompt : [];
        const total = segments.reduce((sum, s) => sum + (typeof s?.duration === 'number' ? s.duration : Number.NaN), 0);
        const duration = segments.length > 0 ? total : valueOf('duration');
        const auto = sources.duration?.auto;
        if (typeof duration === 'number' && Number.isFinite(duration) && duration > 0 && duration !== auto)
            shape.durationS = duration;
    }
    const resolution = valueOf('resolution');
    const shortSide = typeof resolution === 'string' ? SHORT_SIDES[resolution] : undefined;
    if (shortSide !== undefined) {
        shape.shortSide = shortSide;
        shape.resolution = resolution;
    }
    if (fixes.has('audio') && (model.shape.alwaysAudio || valueOf('audio') === true))
        shape.audio = true;
    return shape;
}

// EXTERNAL MODULE: ./src/clip/clip-shape.ts
var clip_shape = __webpack_require__(49018);
;// CONCATENATED MODULE: ./src/clip/clip-verify.ts
// "The clip is playable and is what was asked": the structural checks of a downloaded or restored file, and the
// file's metadata held against the request. Pure, apart from reading the file (./clip-reader.ts).





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
/** The `verify` field of a results row: `passed`, `mismatch: …` or `skipped` (also when there is no file). */
function verificationText(verification) {
    if (!verification)
        return 'skipped';
    return verification.status === 'mismatch' ? `mismatch: ${verification.mismatches.join('; ')}` : verification.status;
}
/**
 * Reads `file`'s metadata (in a worker under a memory and time limit: ./clip-reader.ts); throws BrokenClipError
 * when a structural check fails. Every clip passes here, whatever `verify` says: `verify` only decides whether
 * the metadata is held against the request.
 */
async function inspectClip(file) {
    const reading = await (0,clip_reader/* readClip */.vk)(file);
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
/** Holds `metadata` against the request: logs the clip's shape, warns of a mismatch under `verify: warn`. */
function holdAgainstRequest(metadata, ctx) {
    const verification = verifyClip(metadata, ctx.request, ctx.mode);
    ctx.log(`Clip: ${(0,clip_shape/* shapeLine */.kV)(metadata)} (verify ${verification.status}).`);
    const verdict = mismatchVerdict(verification, ctx.mode);
    if (verdict === 'warn')
        log/* warning */.$e(`${ctx.label}${mismatchText(verification)} (verify: warn).`);
    return { metadata, verification, verdict };
}
/**
 * Checks a clip file from a cache entry before it is placed anywhere. It does not fit (a cache miss) when it fails
 * a structural check, or with `verify: fail` does not match the request.
 */
async function checkRestoredClip(file, ctx) {
    try {
        const held = holdAgainstRequest(await inspectClip(file), ctx);
        return held.verdict === 'fail' ? { fits: false, why: mismatchText(held.verification) } : { fits: true, held };
    }
    catch (error) {
        const why = error instanceof BrokenClipError ? `The restored clip: ${error.message}` : `The restored clip could not be read (${(0,errors/* messageOf */.bD)(error)})`;
        return { fits: false, why };
    }
}


/***/ }),

/***/ 29855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ UPLOAD_PATH),
/* harmony export */   l: () => (/* binding */ FileUploader)
/* harmony export */ });
/* harmony import */ var node_stream_web__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37830);
/* harmony import */ var node_stream_web__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream_web__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24371);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(74528);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25625);
/* harmony import */ var _media_verified_read__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(70275);
/* harmony import */ var _api_client__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3131);
/* harmony import */ var _http__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74539);
/* harmony import */ var _request_errors__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(98984);
/* harmony import */ var _retries__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(97181);









/** Path of the stream upload, relative to the base URL. */
const UPLOAD_PATH = 'v1/files/upload/stream';
const MAX_URL_CHARS = 2048;
const uploadReply = zod__WEBPACK_IMPORTED_MODULE_8__/* .looseObject */ ._H3({
    url: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().max(MAX_URL_CHARS),
    size: zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig().optional(),
    id: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().max(200).optional(),
});
class FileUploader {
    options;
    base;
    retryLog = _log__WEBPACK_IMPORTED_MODULE_2__/* .throttled */ .v6();
    constructor(options) {
        this.options = options;
        this.base = (0,_api_client__WEBPACK_IMPORTED_MODULE_4__/* .apiBase */ .av)(options.baseUrl);
    }
    /** Uploads `file`, retrying whatever may succeed on another try (an upload is free: nothing is paid twice). */
    async upload(file, call) {
        return (0,_retries__WEBPACK_IMPORTED_MODULE_7__/* .withRetries */ .LH)(() => this.send(file, call), {
            ...call,
            policy: this.options.retry,
            onRetry: (error, delay, attempt) => this.retryLog(error.message, `${error.message}; an upload is free, so retrying: attempt ${attempt + 2} in ${(0,_api_client__WEBPACK_IMPORTED_MODULE_4__/* .seconds */ .YA)(delay)}.`),
        });
    }
    async send(file, call) {
        // The key and headers of every call (no JSON body: the form sets its own content type).
        const wire = (0,_api_client__WEBPACK_IMPORTED_MODULE_4__/* .wireRequest */ .LH)(this.base, 'POST', UPLOAD_PATH, this.options.apiKey, this.options.userAgent);
        const url = new URL(wire.url);
        if (url.origin !== this.base.origin)
            throw new Error(`Refusing to send the API key to ${url.origin}`);
        const source = file.open();
        try {
            return await this.post(url, wire.headers, source, file, call);
        }
        finally {
            // Closes the file, also when FoxAPI answered before reading the whole body (a refusal) or the request never left.
            source.destroy();
        }
    }
    async post(url, headers, source, file, call) {
        const what = `Upload of ${file.fileName}`;
        const form = new undici__WEBPACK_IMPORTED_MODULE_1__.FormData();
        form.append('file', streamedFile(source, file.bytes, file.fileName, file.mime));
        form.append('file_name', file.fileName);
        form.append('auto_cleanup', String(file.autoCleanup));
        const signal = (0,_http__WEBPACK_IMPORTED_MODULE_5__/* .requestSignal */ .OL)(call.deadline, call.signal);
        let response;
        try {
            response = await (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(url, {
                method: 'POST',
                dispatcher: this.options.agent,
                signal,
                headers,
                body: form,
            });
        }
        catch (error) {
            throw changedFileIn(error) ?? (0,_request_errors__WEBPACK_IMPORTED_MODULE_6__/* .toRequestError */ .du)(error, what, signal);
        }
        const text = await (0,_http__WEBPACK_IMPORTED_MODULE_5__/* .readApiReply */ .nz)(response, what, this.base.origin, signal);
        return this.uploadedFile(response, text, what, file.bytes);
    }
    /** The stored file a reply names; an error status, or a reply without a usable URL or with another size, throws. */
    uploadedFile(response, text, what, bytes) {
        const json = (0,_http__WEBPACK_IMPORTED_MODULE_5__/* .parseJsonSafely */ .s$)(text);
        if (response.statusCode >= 400)
            throw (0,_request_errors__WEBPACK_IMPORTED_MODULE_6__/* .httpStatusError */ .H6)(response.statusCode, json, response.headers, what);
        const parsed = uploadReply.safeParse(json);
        const bad = (why, retryable = false) => new _request_errors__WEBPACK_IMPORTED_MODULE_6__/* .RequestError */ .GI(`${what} failed: FoxAPI's reply ${why}`, {
            status: response.statusCode,
            retryable,
            mayHaveBeenProcessed: true,
            badReply: true,
        });
        if (!parsed.success)
            throw bad('names no file URL');
        const { url, size, id } = parsed.data;
        if (!this.usableUrl(url))
            throw bad(`names no usable file URL (an ${this.base.protocol === 'https:' ? 'https' : 'http(s)'} URL is expected)`);
        // Another size than was sent: the bytes were damaged on the way. Sending them again is free.
        if (size !== undefined && size !== bytes)
            throw bad(`says ${size} bytes were stored, but ${bytes} were sent`, true);
        return { url, bytes, ...(id !== undefined ? { id } : {}) };
    }
    /** An absolute http(s) URL (https when the API is reached over https), without spaces or control characters. */
    usableUrl(text) {
        if ([...text].some((char) => char.trim() === '' || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f))
            return false;
        try {
            const url = new URL(text);
            const protocols = this.base.protocol === 'https:' ? ['https:'] : ['https:', 'http:'];
            return protocols.includes(url.protocol) && url.hostname !== '' && url.username === '' && url.password === '';
        }
        catch {
            return false;
        }
    }
}
/**
 * A File for undici's FormData whose bytes come from `source` (read as undici writes the body, never held whole) and
 * whose size is `bytes` (the multipart body's length is announced from it). undici reads a file part through its
 * `size` and `stream()`; both are set on the instance. The stream is pulled one piece at a time (ReadableStream.from
 * queues nothing ahead), so a slow connection holds back the reading instead of filling the memory.
 */
function streamedFile(source, bytes, name, type) {
    const file = new File([], name, { type });
    const stream = () => node_stream_web__WEBPACK_IMPORTED_MODULE_0__.ReadableStream.from(source);
    Object.defineProperties(file, { size: { value: bytes }, stream: { value: stream } });
    return file;
}
/** The ChangedFileError somewhere in what undici threw: the file changed while it was being sent. */
function changedFileIn(error) {
    for (let e = error, depth = 0; e && depth < 4; depth++) {
        if (e instanceof _media_verified_read__WEBPACK_IMPORTED_MODULE_3__/* .ChangedFileError */ .L)
            return e;
        e = e.cause;
    }
    return undefined;
}


/***/ }),

/***/ 64148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Su: () => (/* binding */ EMPTY_COMPLETED_REQUERIES),
  Rm: () => (/* binding */ isTransientDuringWait),
  aZ: () => (/* binding */ waitForTask)
});

// UNUSED EXPORTS: NOT_FOUND_LIMIT, staleAfterMs

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/foxapi/api-client.ts
var api_client = __webpack_require__(3131);
// EXTERNAL MODULE: ./src/foxapi/request-errors.ts
var request_errors = __webpack_require__(98984);
;// CONCATENATED MODULE: ./src/foxapi/poll-schedule.ts
// When to ask about a task next. Pure, so `npm run bench -- polling` can replay it on a virtual clock.
// The aim: never worse than polling every 5 s, with far fewer requests. What is known places a window where
// the task may end: FoxAPI's `task_info.estimated_time`, else the model's typical time (the prior), narrowed
// by the progress once it moves. Before the window the action polls rarely (at most `poll-interval` apart).
// From the window on it polls on fixed polling's own 5 s grid, so it sees the end exactly when fixed polling
// would. Once two readings of progress place the end (the rate between them is immune to time spent in
// FoxAPI's queue) and later readings keep to their line, the window is firm: the action closes in on its end
// in steps of at most 2.5 s, so an end inside it is seen within 2.5 s. With nothing known, it is fixed
// polling. `poll-interval` is always the longest wait.
/** Never poll more often than this (unless the ceiling is shorter). */
const MIN_POLL_MS = 1_000;
/** Fixed polling's step: from the window on, polls land on its grid (multiples of 5 s since the task began). */
const FIXED_STEP_MS = 5_000;
/**
 * An estimate (or typical time) may be off by a third either way: the end is looked for from 3/4 of it (the
 * estimate a third too high) to 1.5 times it (a third too low).
 */
const PRIOR_EARLIEST = 0.75;
const PRIOR_LATEST = 1.5;
/** Finer steps than fixed polling's, near an end progress pins down. */
const FINE_STEPS_MS = [2_500, 1_250];
/** Inside a firm window, polls are at most this far apart, the last at its end: an end inside is seen this soon. */
const FIRM_STEP_MS = 2_500;
/**
 * How far past the latest of two sightings their line may place the end and still be trusted: progress that
 * froze between them makes the line late by up to this (a third sighting on the line rules that out).
 */
const TWO_SIGHTINGS_REACH_MS = 2 * FIXED_STEP_MS;
/** The progress seen, updated with a poll's reply (`progress` as FoxAPI gave it, or undefined). */
function sawProgress(seen, elapsedMs, progress) {
    if (typeof progress !== 'number' || !(progress > 0) || progress >= 100)
        return seen;
    if (seen !== undefined && progress <= seen.latest.progress)
        return seen;
    const sighting = { elapsedMs, progress };
    if (seen === undefined)
        return { first: sighting, latest: sighting };
    return { first: seen.first, ...(seen.latest !== seen.first ? { previous: seen.latest } : {}), latest: sighting };
}
const positive = (ms) => (ms !== undefined && Number.isFinite(ms) && ms > 0 ? ms : undefined);
/**
 * How far a reading may be from the progress it stands for: FoxAPI gives whole points, rounded or truncated,
 * so a reading `p` stands for something from `p - 0.5` (this far below)…
 */
const READING_BELOW = 0.5;
/** …up to `p + 1` (this far above). */
const READING_ABOVE = 1;
/** The soonest and latest end a straight line through two sightings allows, each reading anywhere its rounding allows. */
function lineEnds(from, to) {
    const span = to.elapsedMs - from.elapsedMs;
    // Readings so close that rounding alone could make them equal bound nothing.
    if (!(span > 0) || to.progress - from.progress <= READING_BELOW + READING_ABOVE)
        return undefined;
    const endOf = (fromTrue, toTrue) => to.elapsedMs + ((100 - toTrue) * span) / (toTrue - fromTrue);
    return {
        soonest: endOf(from.progress - READING_BELOW, Math.min(100, to.progress + READING_ABOVE)),
        expected: endOf(from.progress, to.progress),
        latest: endOf(from.progress + READING_ABOVE, to.progress - READING_BELOW),
    };
}
/**
 * The latest end one sighting allows: progress counted from the task's creation reaches 100 no later than
 * this (a task that waited in FoxAPI's queue first, or whose progress froze a while, ends sooner, not later).
 */
function noLaterThan(sighting) {
    const progress = sighting.progress - READING_BELOW;
    return progress > 0 ? (sighting.elapsedMs * 100) / progress : Number.POSITIVE_INFINITY;
}
/**
 * The window from progress, at `now`. The rate between two sightings is immune to time spent in FoxAPI's
 * queue, so a straight line through the first and latest sightings places the end, within what the readings'
 * rounding allows. The line is firm when it is possible at all (its soonest end no later than any sighting
 * allows), the latest sighting lies where the line through the earlier two pointed (progress that froze or
 * bent before it moves the line), or with only two sightings, when it ends within TWO_SIGHTINGS_REACH_MS of
 * the latest, and the progress has not stalled since (two points' worth without a rise).
 * A line two sightings drew may run through a frozen one, so once stalled it only bounds the end from above,
 * as one sighting does: the end is looked for from now. With three sightings, the sooner of the two lines'
 * soonest ends still stands when they disagree or progress stalls: progress that slowed or froze does not
 * make the task end sooner, and progress that sped up moves the line through the latest sighting sooner.
 */
function progressWindow(seen, now) {
    if (seen === undefined)
        return undefined;
    const { first, previous, latest } = seen;
    const bound = Math.min(noLaterThan(first), noLaterThan(previous ?? first), noLaterThan(latest));
    const line = lineEnds(first, latest);
    const before = previous ? lineEnds(first, previous) : undefined;
    const msPerPoint = (latest.elapsedMs - (line ? first.elapsedMs : 0)) / (latest.progress - (line ? first.progress : 0));
    const stalled = now - latest.elapsedMs > 2 * msPerPoint;
    const lineOk = line !== undefined && line.soonest <= bound;
    const agreed = lineOk && before !== undefined && before.soonest <= line.latest && line.soonest <= before.latest;
    // Two sightings: progress may have frozen between them, and then the end may come any time after the latest;
    // so they are trusted only for a short reach past it. A third on their line rules that out.
    const trusted = lineOk && (previous === undefined ? line.latest - latest.elapsedMs <= TWO_SIGHTINGS_REACH_MS : agreed);
    if (trusted && !stalled) {
        const earliest = Math.max(now, Math.min(line.soonest, before?.soonest ?? line.soonest));
        const latestEnd = Math.max(earliest, Math.min(bound, Math.max(line.latest, before?.latest ?? line.latest)));
        return { earliest, expected: Math.min(latestEnd, Math.max(earliest, line.expected)), latest: latestEnd, firm: true };
    }
    const corroborated = before !== undefined && before.soonest <= bound;
    const earliest = corroborated ? Math.max(now, Math.min(before.soonest, lineOk ? line.soonest : before.soonest)) : now;
    const latestEnd = Math.max(earliest, Math.min(bound, line?.latest ?? bound), before?.latest ?? 0);
    return { earliest, expected: Math.min(latestEnd, Math.max(earliest, line?.expected ?? latestEnd)), latest: latestEnd, firm: false };
}
/**
 * Where the end is looked for: the progress's window if it is firm (a measured line overrules the prior);
 * else where the prior's window and the progress's overlap, or from the earlier start to the later end of
 * the two when they do not.
 */
function endWindow(moment) {
    const prior = positive(moment.estimatedMs) ?? positive(moment.typicalMs);
    const fromPrior = prior === undefined ? undefined : { earliest: prior * PRIOR_EARLIEST, expected: prior, latest: prior * PRIOR_LATEST };
    const fromProgress = progressWindow(moment.seen, moment.elapsedMs);
    if (fromProgress === undefined || fromPrior === undefined || fromProgress.firm)
        return fromProgress ?? fromPrior;
    const earliest = Math.max(fromPrior.earliest, fromProgress.earliest);
    const latest = Math.min(fromPrior.latest, fromProgress.latest);
    if (earliest <= latest)
        return { earliest, expected: Math.min(latest, Math.max(earliest, fromProgress.expected)), latest };
    return {
        earliest: Math.min(fromPrior.earliest, fromProgress.earliest),
        expected: fromProgress.expected,
        latest: Math.max(fromPrior.latest, fromProgress.latest),
    };
}
/**
 * The first point of a `step` grid after `t` and not before `from`; MIN_POLL_MS after `t` when that comes
 * sooner (after a poll off the grid, rather than skipping the grid point fixed polling would poll at).
 */
function gridPoint(t, step, from = t) {
    const point = from > t ? Math.ceil(from / step) * step : (Math.floor(t / step) + 1) * step;
    return Math.max(point, t + MIN_POLL_MS);
}
/** Half the requests fixed polling makes for a task that ends at `endMs` (its mean over where in its 5 s cycle that falls). */
const halfOfFixed = (endMs) => (endMs / FIXED_STEP_MS + 0.5) / 2;
/**
 * The step inside the window: fixed polling's, or finer when the polls it takes to cover the window still
 * leave the task at half of the requests fixed polling would make by the window's end.
 */
function stepInside(window, t, polls) {
    const from = Math.max(t, window.earliest);
    const fine = FINE_STEPS_MS.filter((step) => polls + 1 + (window.latest - from) / step <= halfOfFixed(window.latest));
    return fine.at(-1) ?? FIXED_STEP_MS;
}
/**
 * The next poll inside (or before) a firm window: steps of FIRM_STEP_MS, the last at its end, so an end inside
 * is seen at most that late; finer when that stays within half of fixed polling's requests; fixed polling's
 * step (still ending at the window's end) when FIRM_STEP_MS would take more polls than fixed polling's grid.
 */
function closingIn(window, t, polls) {
    const from = Math.max(t, window.earliest);
    const pollsWith = (step) => Math.max(1, Math.ceil((window.latest - from) / step));
    const onGrid = Math.floor(window.latest / FIXED_STEP_MS) - Math.floor(from / FIXED_STEP_MS) + 1;
    const finer = FINE_STEPS_MS.filter((step) => step < FIRM_STEP_MS && polls + pollsWith(step) <= halfOfFixed(window.latest));
    const step = finer.at(-1) ?? (pollsWith(FIRM_STEP_MS) <= onGrid ? FIRM_STEP_MS : FIXED_STEP_MS);
    return window.latest - (pollsWith(step) - 1) * step;
}
/** The time of the next poll, ms since the task began. */
function nextPollAt(moment, window) {
    const t = moment.elapsedMs;
    const polls = moment.polls ?? 0;
    if (window === undefined || t >= window.latest)
        return gridPoint(t, FIXED_STEP_MS);
    const target = window.firm ? closingIn(window, t, polls) : gridPoint(t, stepInside(window, t, polls), window.earliest);
    // Far from the window: even steps of at most the ceiling, the last one landing on its first poll.
    const until = target - t;
    return until > moment.ceilingMs ? t + until / Math.ceil(until / moment.ceilingMs) : target;
}
/** The wait before the next poll: always within [min(MIN_POLL_MS, ceiling), ceiling]. */
function nextPollDelayMs(moment) {
    const floor = Math.min(MIN_POLL_MS, moment.ceilingMs);
    const delay = nextPollAt(moment, endWindow(moment)) - moment.elapsedMs;
    return Math.round(Math.min(moment.ceilingMs, Math.max(floor, Number.isFinite(delay) ? delay : moment.ceilingMs)));
}

// EXTERNAL MODULE: ./src/foxapi/task.ts
var foxapi_task = __webpack_require__(91294);
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
/**
 * Waits for the task to end: polls on the adaptive schedule until it is completed (with its clip URL, or
 * without one after the re-queries), failed or cancelled, the deadline passes, or the run is stopped.
 * The task is paid for and keeps running whatever the poll hears, so only a persistent answer ends the wait.
 */
async function waitForTask(options) {
    const { deadline, signal } = options;
    const wait = startingState(options);
    for (let first = wait.last === undefined;; first = false) {
        let delay = scheduledDelay(wait, options);
        const { last } = wait;
        if (last && (0,foxapi_task/* isTerminal */.Hd)(last.status)) {
            if (isFinal(last, wait.emptyCompleted))
                return { kind: 'finished', task: last };
            delay = askAgainForUrl(wait, options);
        }
        if (signal?.aborted)
            return { kind: 'stopped', task: last };
        const remaining = deadline - Date.now();
        if (remaining <= 0)
            return { kind: 'timed-out', task: last };
        if (!first && !(await pauseBeforePoll(wait, delay, remaining, options)))
            return { kind: 'stopped', task: last };
        const ended = await pollOnce(wait, options);
        if (ended)
            return ended;
    }
}
/** The state before the first poll, from what is known already (the create reply, reported). */
function startingState(options) {
    const last = options.initial;
    const wait = {
        last,
        reported: '',
        failures: 0,
        notFound: 0,
        emptyCompleted: 0,
        syncNext: false,
        state: last ? stateKey(last) : '',
        stillSince: Date.now(),
        estimated: last?.task_info?.estimated_time,
        startedAt: last ? startOf(last) : undefined,
        seen: undefined,
        polls: 0,
    };
    if (last)
        report(wait, last, options);
    return wait;
}
/** Hands a task state seen to the caller, and logs it when its line differs from the last logged. */
function report(wait, task, options) {
    options.onUpdate?.(task);
    const line = describeState(task);
    if (line !== wait.reported)
        options.log(line);
    wait.reported = line;
}
/** The adaptive schedule's wait before the next poll (src/foxapi/poll-schedule.ts). */
function scheduledDelay(wait, options) {
    const now = Date.now();
    const { typicalSeconds } = options;
    return nextPollDelayMs({
        elapsedMs: now - (wait.startedAt ?? now),
        ceilingMs: options.pollIntervalMs,
        estimatedMs: wait.estimated !== undefined ? wait.estimated * 1000 : undefined,
        typicalMs: typicalSeconds !== undefined ? typicalSeconds * 1000 : undefined,
        seen: wait.seen,
        polls: wait.polls,
    });
}
/** Whether a terminal task is the answer: failed, cancelled, completed with its URL (or asset id), or completed without one after every re-query. */
function isFinal(task, emptyCompleted) {
    return task.status !== 'completed' || (0,foxapi_task/* hasResult */.yX)(task) || emptyCompleted >= EMPTY_COMPLETED_REQUERIES;
}
/**
 * Sets up one more query of a `completed` reply without a clip URL (every other one with `sync_upstream`),
 * seen in practice with empty results that fill in on a later query. Returns the wait before it.
 */
function askAgainForUrl(wait, options) {
    wait.emptyCompleted++;
    wait.syncNext = wait.emptyCompleted % 2 === 1;
    options.log(`Task ${options.taskId} is completed but its reply has no video URL; asking again ` +
        `(${wait.emptyCompleted} of ${EMPTY_COMPLETED_REQUERIES}${wait.syncNext ? ', with sync_upstream' : ''}).`);
    return Math.min(options.pollIntervalMs, REQUERY_DELAY_MS);
}
/**
 * Sleeps before the next poll: the scheduled `delay`, or after failed polls a backoff from the poll interval,
 * never past the deadline. False when the run was stopped during the wait.
 */
async function pauseBeforePoll(wait, delay, remaining, options) {
    const { pollIntervalMs, signal } = options;
    // Errors back off from the poll interval (at most 5 s, as before the adaptive schedule raised the default).
    const pause = Math.min(MAX_POLL_BACKOFF_MS, Math.min(pollIntervalMs, 5_000) * 1.5 ** Math.min(wait.failures, 20));
    try {
        await (0,promises_.setTimeout)(Math.min(wait.failures === 0 ? delay : pause, remaining), undefined, { signal });
        return true;
    }
    catch {
        return false;
    }
}
/** Asks for the task once and takes in the reply; an outcome when the poll's failure ends the wait. */
async function pollOnce(wait, options) {
    const { client, taskId, pollIntervalMs, deadline, signal } = options;
    try {
        const synced = wait.syncNext;
        wait.syncNext = false;
        wait.polls++;
        wait.last = await client.getTask(taskId, {
            deadline,
            signal,
            syncUpstream: synced,
            retry: { baseDelayMs: Math.min(pollIntervalMs, 5_000), maxDelayMs: MAX_POLL_BACKOFF_MS, maxAttempts: Number.POSITIVE_INFINITY },
        });
        takeIn(wait, wait.last, synced, options);
    }
    catch (error) {
        return afterFailedPoll(wait, error, options);
    }
    return undefined;
}
/**
 * Takes in a task state a poll returned: reported, its estimate and progress kept for the schedule, and a task
 * standing still past {@link staleAfterMs} asked next with `sync_upstream` (`synced`: this poll was).
 */
function takeIn(wait, task, synced, options) {
    wait.failures = 0;
    wait.notFound = 0;
    report(wait, task, options);
    wait.estimated = task.task_info?.estimated_time ?? wait.estimated;
    wait.startedAt ??= startOf(task);
    wait.seen = sawProgress(wait.seen, Date.now() - wait.startedAt, task.progress);
    if (stateKey(task) !== wait.state || synced) {
        wait.state = stateKey(task);
        wait.stillSince = Date.now();
    }
    else if (!(0,foxapi_task/* isTerminal */.Hd)(task.status) && Date.now() - wait.stillSince >= staleAfterMs(options.pollIntervalMs, wait.estimated)) {
        wait.syncNext = true;
        options.log(`Task ${options.taskId} shows no progress for ${Math.round((Date.now() - wait.stillSince) / 1000)}s; asking FoxAPI to refresh it (sync_upstream).`);
    }
}
/**
 * What a failed poll means: the run stopped, the time up (a poll cut off by the deadline, or a transient error
 * that outlived it, is a timeout, not a task failure), the wait going on (undefined), or, for an error that will
 * not go away by waiting or a 404 that persists, the error thrown.
 */
function afterFailedPoll(wait, error, options) {
    const { signal, log } = options;
    if (signal?.aborted)
        return { kind: 'stopped', task: wait.last };
    if (error instanceof request_errors/* RequestError */.GI && error.details.deadline) {
        log(`${error.message}.`);
        return { kind: 'timed-out', task: wait.last };
    }
    if (error instanceof request_errors/* RequestError */.GI && error.details.retryable) {
        log(`${error.message}; no time left to retry.`);
        return { kind: 'timed-out', task: wait.last };
    }
    wait.notFound = error instanceof request_errors/* RequestError */.GI && error.details.status === 404 ? wait.notFound + 1 : 0;
    if (!isTransientDuringWait(error) || wait.notFound >= NOT_FOUND_LIMIT)
        throw error;
    wait.failures++;
    log(`${(0,errors/* messageOf */.bD)(error)}; the task keeps running, so the wait goes on.`);
    return undefined;
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
    if (!(error instanceof request_errors/* RequestError */.GI) || error.details.aborted || error.details.errorCode === api_client/* TASK_ID_MISMATCH */.jf)
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


/***/ }),

/***/ 70275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ openVerifiedRead),
/* harmony export */   L: () => (/* binding */ ChangedFileError)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _atomic_files__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69316);
/* harmony import */ var _security_workspace_files__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88145);
/* harmony import */ var _media_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8482);
// Reading a checked media file again for its upload, and proving on the way that the bytes sent are the bytes that
// were hashed when the inputs were checked (the cache key was made from that hash). The file is opened with the same
// checks (no link on the way, a regular file), streamed in pieces, hashed as it goes, and the stream ends in an error
// instead of its last piece when the bytes differ: a file changed between the check and the upload is never sent
// whole, so FoxAPI never stores it and no task is created with it.





/** Bytes read at a time. */
const PIECE_BYTES = 256 * 1024;
/** The file's bytes differ from those checked (a changed file): its upload is abandoned, not retried. */
class ChangedFileError extends Error {
    name = 'ChangedFileError';
}
/**
 * A stream of `file`'s bytes that errors unless they are exactly the `file.bytes` bytes whose SHA-256 is
 * `file.sha256`. Throws ChangedFileError (or an Error saying why it cannot be read) when the file cannot be opened.
 */
function openVerifiedRead(file, workspace) {
    const opened = (0,_media_path__WEBPACK_IMPORTED_MODULE_4__/* .openWorkspaceMedia */ .c)(file.path, workspace);
    if (!opened.ok)
        throw new ChangedFileError(`${opened.problem} (it was there when the inputs were checked)`);
    const changed = () => new ChangedFileError(`${(0,_security_workspace_files__WEBPACK_IMPORTED_MODULE_3__/* .shownPath */ .pS)(file.path)} changed since the inputs were checked; not uploaded`);
    const { fd, size } = opened.file;
    const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)('', { fd, highWaterMark: PIECE_BYTES, autoClose: true });
    if (size !== file.bytes) {
        read.destroy();
        throw changed();
    }
    const verifier = new Verifier(file, changed);
    // Either end failing ends both (and closes the file).
    return (0,node_stream__WEBPACK_IMPORTED_MODULE_1__.pipeline)(read, verifier, () => { });
}
/**
 * Passes bytes through, counting and hashing them; fails past the expected size, and at the end on any difference.
 * The last piece is held back until the whole file is verified, so a changed file's upload is never complete.
 */
class Verifier extends _atomic_files__WEBPACK_IMPORTED_MODULE_2__/* .HashingMeter */ .yQ {
    file;
    changed;
    held;
    constructor(file, changed) {
        super(file.bytes, changed);
        this.file = file;
        this.changed = changed;
    }
    _transform(chunk, _encoding, callback) {
        const error = this.count(chunk);
        if (error)
            return callback(error);
        const previous = this.held;
        this.held = chunk;
        callback(null, previous);
    }
    _flush(callback) {
        if (this.bytes !== this.file.bytes || this.sha256() !== this.file.sha256)
            return callback(this.changed());
        callback(null, this.held);
    }
}


/***/ }),

/***/ 92886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ DeliveredNotes)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74528);
/* harmony import */ var _cache_entry_proof__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21917);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25625);
/* harmony import */ var _run_records__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49184);
// `reuse: run`: which run a task's clip was delivered to, kept as an artifact of that run (./run-records.ts), so that
// no other run adopts the task again. A pending record in the Actions cache (src/cache/result-cache.ts) lets a later
// run adopt a task an earlier one paid for but never delivered; the cache's own "delivered" entries can be evicted, and
// a pending record saved again after them, which would make a later scheduled run hand out a clip already delivered.
//
// A note is one artifact of the run that received the clip, named from the request's cache key and the task id:
//   foxapi-video-delivered-<digest>.json   { task, run_id, attempt, proof }
// Its proof (src/cache/entry-proof.ts, keyed from the API key) covers its name, the task and the run it names. Before a
// run adopts an earlier run's pending task, the notes of that task are read (one REST listing by exact name): a proven
// note that names another run means "delivered elsewhere", and the task is not adopted; one that names this run (a
// re-run) lets it collect its own clip again. A note that fails its proof was not written by this action with this key:
// it is ignored, with a warning. When the notes cannot be read at all, the task is not adopted either.






const NOTE_KIND = 'foxapi-video delivered note v1';
/** Days a note is kept (the repository's limit when lower): far past any task that could be adopted (FoxAPI's result URLs last a day). */
const NOTE_RETENTION_DAYS = 30;
const noteSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    v: zod__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz(1),
    task: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().max(200),
    run_id: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive(),
    attempt: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive(),
    proof: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
});
class DeliveredNotes {
    store;
    unavailable;
    apiKey;
    days;
    constructor(store, unavailable, apiKey, 
    /** How long a note is kept: NOTE_RETENTION_DAYS, or the repository's shorter artifact retention. */
    days) {
        this.store = store;
        this.unavailable = unavailable;
        this.apiKey = apiKey;
        this.days = days;
    }
    /** The notes of this run's repository; without an artifact service or a token, every question answers "unknown". */
    static open(options, env = process.env) {
        const days = Math.min((0,_run_records__WEBPACK_IMPORTED_MODULE_3__/* .retentionLimit */ .AP)(env) ?? NOTE_RETENTION_DAYS, NOTE_RETENTION_DAYS);
        const store = (0,_run_records__WEBPACK_IMPORTED_MODULE_3__/* .recordStoreRun */ .aH)(env);
        const problem = 'problem' in store ? store.problem : options.githubToken === '' ? "'github-token' is empty" : undefined;
        if (problem !== undefined || !('run' in store))
            return new DeliveredNotes(undefined, problem, options.apiKey, days);
        return new DeliveredNotes(new _run_records__WEBPACK_IMPORTED_MODULE_3__/* .RunRecords */ .Ws(store.run, options.githubToken), undefined, options.apiKey, days);
    }
    /** Which run task `taskId` of the request `cacheKey` was delivered to, as its notes say. */
    async deliveredTo(cacheKey, taskId) {
        if (!this.store)
            return { kind: 'unknown', why: `the delivered notes cannot be read here (${this.unavailable ?? ''})` };
        const name = noteName(cacheKey, taskId);
        let to;
        try {
            for (const artifact of await this.store.listNamed(name)) {
                if (artifact.expired)
                    continue;
                const note = noteSchema.safeParse(JSON.parse(await this.store.read(artifact.id)));
                const fields = note.success
                    ? { kind: NOTE_KIND, name, task: note.data.task, run_id: note.data.run_id, attempt: note.data.attempt }
                    : undefined;
                if (!note.success || !fields || note.data.task !== taskId || !(0,_cache_entry_proof__WEBPACK_IMPORTED_MODULE_1__/* .isProvenEntry */ .X)(this.apiKey, fields, note.data.proof)) {
                    _log__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`The delivered note ${name} (artifact ${artifact.id}) is ignored: its proof does not match (not written by this action with this API key).`);
                    continue;
                }
                if (note.data.run_id !== this.store.run.runId)
                    return { kind: 'other-run', runId: note.data.run_id };
                to = note.data.run_id;
            }
        }
        catch (error) {
            return { kind: 'unknown', why: `its delivered notes could not be read (${(0,_run_records__WEBPACK_IMPORTED_MODULE_3__/* .apiProblem */ .UI)(error)})` };
        }
        return to === undefined ? { kind: 'nowhere' } : { kind: 'this-run' };
    }
    /**
     * Notes that `taskId`'s clip was delivered to this run. Never rejects: a note that cannot be saved is a warning (a
     * later run could then adopt the task again if its pending record came back into the cache).
     */
    async save(cacheKey, taskId) {
        if (!this.store) {
            _log__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`Could not note that task ${taskId} was delivered to this run (${this.unavailable ?? ''}).`);
            return;
        }
        const name = noteName(cacheKey, taskId);
        const { runId, attempt } = this.store.run;
        const proof = (0,_cache_entry_proof__WEBPACK_IMPORTED_MODULE_1__/* .proveEntry */ .f)(this.apiKey, { kind: NOTE_KIND, name, task: taskId, run_id: runId, attempt });
        try {
            await this.store.upload(name, JSON.stringify({ v: 1, task: taskId, run_id: runId, attempt, proof }), this.days);
        }
        catch (error) {
            // An earlier attempt of this run noted it already: the note names this run either way.
            if ((0,_run_records__WEBPACK_IMPORTED_MODULE_3__/* .isAlreadyUploaded */ .h$)(error))
                return;
            _log__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`Could not note that task ${taskId} was delivered to this run (${(0,_errors__WEBPACK_IMPORTED_MODULE_5__/* .messageOf */ .bD)(error)}): a later run that finds its pending record may collect it again.`);
        }
    }
}
/** The note's artifact name: from the request's cache key and the task, so one listing by name finds its notes. */
function noteName(cacheKey, taskId) {
    return `foxapi-video-delivered-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${cacheKey}\n${taskId}`).digest('hex').slice(0, 32)}.json`;
}


/***/ }),

/***/ 49184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AP: () => (/* binding */ retentionLimit),
/* harmony export */   UI: () => (/* binding */ apiProblem),
/* harmony export */   Ws: () => (/* binding */ RunRecords),
/* harmony export */   aH: () => (/* binding */ recordStoreRun),
/* harmony export */   h$: () => (/* binding */ isAlreadyUploaded)
/* harmony export */ });
/* unused harmony exports MAX_RECORD_BYTES, thisRun */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24371);
/* harmony import */ var _atomic_files__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(69316);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83916);
/* harmony import */ var _foxapi_http__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74539);
/* harmony import */ var _security_visible_text__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(52966);
// Records kept as artifacts of this workflow's own runs: the budget's spend records (./spend-records.ts) and the
// `reuse: run` delivered notes (./delivered-notes.ts). The Actions cache cannot keep them: its entries are evicted
// (idle for 7 days, or the least recently used past the repository's size limit) and anyone who can save an entry
// can save an old one again, so "the newest entry" can be rolled back. An artifact is kept for its retention days,
// can only be added to the run that uploads it, and GitHub's REST API says which run made it (`workflow_run.id`):
// a record that names another run is a replay.
//
// Writing uses @actions/artifact (the runner's runtime token; no GitHub token needed), one small JSON file per
// artifact, uploaded as the file itself (`skipArchive`), so reading it needs no unzip. Reading uses @actions/github's
// Octokit with the `github-token` input (the job's GITHUB_TOKEN, `actions: read`), sent to GITHUB_API_URL only; the
// artifact's bytes come from the signed URL the API redirects to, fetched without any token and never past a small
// cap. Both packages are loaded on first use, so a run without `budget-period` or `reuse: run` never loads them.








/** Largest record read (a record is a few hundred bytes). */
const MAX_RECORD_BYTES = 16 * 1024;
/** Pages of 100 read of one listing at most; more is refused (the records would not fit the API's rate limit anyway). */
const MAX_PAGES = 10;
const API_TIMEOUT_MS = 30_000;
/** This job's run, when records can be kept on this runner; else why not (from the runner's variables alone). */
function recordStoreRun(env = process.env) {
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL)
        return {
            problem: 'the Actions artifact service is not configured on this runner (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set)',
        };
    const server = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toLowerCase();
    if (server !== 'github.com' && !server.endsWith('.ghe.com') && !server.endsWith('.localhost'))
        return { problem: `${server} is a GitHub Enterprise Server, whose artifact service @actions/artifact does not support` };
    const run = thisRun(env);
    return run ? { run } : { problem: 'GITHUB_REPOSITORY, GITHUB_RUN_ID or GITHUB_RUN_ATTEMPT do not name a run' };
}
/** The repository's artifact retention in days (GITHUB_RETENTION_DAYS), when the runner gives a usable one. */
function retentionLimit(env = process.env) {
    const limit = Number((env.GITHUB_RETENTION_DAYS ?? '').trim() || NaN);
    return Number.isInteger(limit) && limit > 0 ? limit : undefined;
}
/** Whether an upload failed because the artifact is there already (an earlier attempt or another job of the run made it). */
function isAlreadyUploaded(error) {
    return /\(409\)|already exists/i.test((0,_errors__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error));
}
/** This job's run (GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT), when the variables name one. */
function thisRun(env = process.env) {
    const repository = (env.GITHUB_REPOSITORY ?? '').trim();
    const runId = (env.GITHUB_RUN_ID ?? '').trim();
    const attempt = (env.GITHUB_RUN_ATTEMPT ?? '1').trim() || '1';
    if (!/^[^/\s]+\/[^/\s]+$/.test(repository) || !/^\d{1,15}$/.test(runId) || !/^\d{1,6}$/.test(attempt))
        return undefined;
    if (Number(runId) <= 0 || Number(attempt) <= 0)
        return undefined;
    return { repository, runId: Number(runId), attempt: Number(attempt) };
}
/** The store: uploads to this run, reads the repository's artifacts back through the REST API. */
class RunRecords {
    run;
    token;
    apiUrl;
    github;
    runs = new Map();
    constructor(
    /** The job's run. */
    run, token, apiUrl = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')) {
        this.run = run;
        this.token = token;
        this.apiUrl = apiUrl;
    }
    /** Uploads `text` as the artifact `name` of this run, kept `retentionDays`. Throws when it is not saved. */
    async upload(name, text, retentionDays) {
        const folder = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(process.env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'foxapi-record-'));
        try {
            const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(folder, name);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, text, { flag: 'wx', mode: 0o600 });
            const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(737), __webpack_require__.e(502), __webpack_require__.e(420), __webpack_require__.e(351), __webpack_require__.e(799)]).then(__webpack_require__.bind(__webpack_require__, 76799));
            await new DefaultArtifactClient().uploadArtifact(name, [file], folder, { retentionDays, skipArchive: true });
        }
        finally {
            await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_4__/* .removeLeftover */ .MG)(folder);
        }
    }
    /** Every artifact of the repository named exactly `name` (any run), newest first. */
    async listNamed(name) {
        return this.listPages(`GET /repos/{owner}/{repo}/actions/artifacts`, { name });
    }
    /** The artifacts of run `runId` whose name starts with `prefix`. */
    async listRun(runId, prefix) {
        const all = await this.listPages(`GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`, { run_id: runId });
        return all.filter((artifact) => artifact.name.startsWith(prefix));
    }
    /** Run `runId` of this repository: its latest attempt and its workflow file (asked once per run). */
    describeRun(runId) {
        let known = this.runs.get(runId);
        if (!known) {
            known = this.api().then(async (github) => {
                const { data } = await github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
                    ...this.repo(),
                    run_id: runId,
                    request: this.limits(),
                });
                const reply = data;
                if (reply.id !== runId || typeof reply.path !== 'string')
                    throw new Error(`the API's description of run ${runId} is not one`);
                const attempt = typeof reply.run_attempt === 'number' && reply.run_attempt > 0 ? reply.run_attempt : 1;
                return { id: runId, attempt, workflow: `${this.run.repository}/${reply.path.replace(/@.*$/, '')}` };
            });
            this.runs.set(runId, known);
        }
        return known;
    }
    /** The text of artifact `id` (at most MAX_RECORD_BYTES): the API's redirect, then the signed URL, with no token. */
    async read(id) {
        const github = await this.api();
        const reply = await github.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
            ...this.repo(),
            artifact_id: id,
            archive_format: 'zip',
            request: { ...this.limits(), redirect: 'manual' },
        });
        const location = reply.headers.location;
        if (reply.status !== 302 || typeof location !== 'string' || !/^https?:\/\//i.test(location))
            throw new Error(`the API did not point to artifact ${id}'s bytes (HTTP ${reply.status})`);
        const dispatcher = (0,_foxapi_http__WEBPACK_IMPORTED_MODULE_5__/* .createHttpAgent */ .rA)(API_TIMEOUT_MS);
        try {
            const response = await (0,undici__WEBPACK_IMPORTED_MODULE_3__/* .request */ .Em)(location, { dispatcher, signal: AbortSignal.timeout(API_TIMEOUT_MS) });
            if (response.statusCode !== 200) {
                response.body.destroy();
                throw new Error(`artifact ${id}'s bytes answered HTTP ${response.statusCode}`);
            }
            return await (0,_foxapi_http__WEBPACK_IMPORTED_MODULE_5__/* .readBodyCapped */ .oV)(response, `reading artifact ${id}`, MAX_RECORD_BYTES);
        }
        finally {
            await dispatcher.close();
        }
    }
    async listPages(route, parameters) {
        const github = await this.api();
        const found = [];
        for (let page = 1; page <= MAX_PAGES; page++) {
            const answer = await github.request(route, {
                ...this.repo(),
                ...parameters,
                per_page: 100,
                page,
                request: this.limits(),
            });
            const reply = answer.data;
            if (!Array.isArray(reply.artifacts))
                throw new Error('the API listed no artifacts array');
            for (const item of reply.artifacts) {
                const artifact = listedArtifact(item);
                if (!artifact)
                    throw new Error('the API listed an artifact that is not one');
                found.push(artifact);
            }
            const total = typeof reply.total_count === 'number' ? reply.total_count : found.length;
            if (reply.artifacts.length < 100 || found.length >= total)
                return found;
        }
        throw new Error(`more than ${MAX_PAGES * 100} artifacts to read; too many to count`);
    }
    repo() {
        const [owner = '', repo = ''] = this.run.repository.split('/');
        return { owner, repo };
    }
    limits() {
        return { signal: AbortSignal.timeout(API_TIMEOUT_MS) };
    }
    /** Octokit for GITHUB_API_URL with the token, loaded on first use. */
    api() {
        this.github ??= Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(770)]).then(__webpack_require__.bind(__webpack_require__, 61351)).then(({ getOctokit }) => getOctokit(this.token, { baseUrl: this.apiUrl, log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } } }));
        return this.github;
    }
}
function listedArtifact(item) {
    const a = item;
    if (typeof a?.id !== 'number' || typeof a.name !== 'string' || typeof a.workflow_run?.id !== 'number')
        return undefined;
    return {
        id: a.id,
        name: a.name,
        runId: a.workflow_run.id,
        expired: a.expired === true,
        bytes: typeof a.size_in_bytes === 'number' ? a.size_in_bytes : 0,
    };
}
/** A failed API call in a few words (Octokit's errors carry the status; the text is the server's, so capped). */
function apiProblem(error) {
    const status = error?.status;
    const text = (0,_security_visible_text__WEBPACK_IMPORTED_MODULE_7__/* .capText */ .yA)((0,_errors__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error), 200);
    return typeof status === 'number' ? `HTTP ${status}: ${text}` : text;
}


/***/ }),

/***/ 76761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ SpendRecords)
/* harmony export */ });
/* unused harmony export RETENTION_DAYS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74528);
/* harmony import */ var _cache_entry_proof__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21917);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25625);
/* harmony import */ var _run_records__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49184);
// `budget-period`: the credits this workflow's runs spent in the period, kept as artifacts of those runs
// (./run-records.ts), so that `max-credits` caps every run of the workflow in a day, week or month.
//
// What is written, and when. Each step that submits keeps its own series of records in its run:
//   foxapi-video-spend-<scope hash>-<period>.json                          the run's index (one per run)
//   foxapi-video-spend-<scope hash>-<period>-a<attempt>-<step>-<n>.json   the step's n-th record
// Before the step's first create, the index (when this run has none yet) and record 0 are saved: a step that cannot
// write its records submits nothing. After that, a record holding the step's running total is saved whenever the total
// grows, and always before the next create is sent (src/run/budget.ts asks in each submission's turn), so a create
// goes out only once everything counted before it is on record. A save that fails is "limit reached" for the rest of
// the step.
//
// What is read. The period's total is a sum, never a "newest" value: the runs with an index of this period (one REST
// listing by exact name), each checked to be a run of this workflow (GET the run: its workflow file), then each step's
// last record in that run. Every record is believed only with its proof (src/cache/entry-proof.ts, keyed from the API
// key) over everything it says, its name included, and only in the run it names: a record whose proof names another run
// than the one GitHub says uploaded it is a replay, and, like a record that fails its proof or cannot be read, makes the
// total "limit reached", never 0. A record of another workflow's run, or of another period, is not counted.






const RECORD_KIND = 'foxapi-video spend record v1';
/** Days a record is kept: the longest period, plus a day for the time zones (a month of 31 days → 32). */
const RETENTION_DAYS = { day: 2, week: 8, month: 32 };
/** How long a step waits for the run's index another job (or an earlier attempt) is still uploading. */
const INDEX_WAIT_MS = 20_000;
const recordSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    v: zod__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz(1),
    scope: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().max(1_000),
    period: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().max(40),
    run_id: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive(),
    attempt: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive(),
    step: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().regex(/^[0-9a-f]{12}$/),
    n: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().nonnegative(),
    spent: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().finite().nonnegative(),
    at: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().nonnegative(),
    proof: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
});
class SpendRecords {
    store;
    apiKey;
    budget;
    base;
    step = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex');
    next = 0;
    /** The highest total asked to be recorded, and the highest saved. */
    wanted = 0;
    saved;
    /** Why saving failed; every later save then fails too. */
    failed;
    queue = Promise.resolve(true);
    constructor(store, apiKey, budget) {
        this.store = store;
        this.apiKey = apiKey;
        this.budget = budget;
        const scope = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(budget.scope).digest('hex').slice(0, 16);
        this.base = `foxapi-video-spend-${scope}-${budget.key}`;
    }
    /**
     * The records of `budget`, or why they cannot be kept here (no artifact service, GitHub Enterprise Server, or a
     * repository that keeps artifacts for less than the period): the caller then fails the step before sending anything.
     */
    static open(options, env = process.env) {
        const { budget } = options;
        const days = RETENTION_DAYS[budget.period];
        const limit = (0,_run_records__WEBPACK_IMPORTED_MODULE_3__/* .retentionLimit */ .AP)(env);
        if (limit !== undefined && limit < days)
            return {
                retention: true,
                unavailable: `budget-period ${budget.period} keeps its spend records as artifacts for ${days} days, but this repository keeps artifacts for at most ${limit} days (GITHUB_RETENTION_DAYS): ` +
                    `records would expire before the period ends and the cap could not hold. Raise the artifact retention (Settings → Actions → General) to ${days} days or more, or use a shorter budget-period`,
            };
        const store = (0,_run_records__WEBPACK_IMPORTED_MODULE_3__/* .recordStoreRun */ .aH)(env);
        if ('problem' in store)
            return { unavailable: store.problem };
        if (options.githubToken === '')
            return { unavailable: "'github-token' is empty: the records are read back through the GitHub API" };
        return new SpendRecords(new _run_records__WEBPACK_IMPORTED_MODULE_3__/* .RunRecords */ .Ws(store.run, options.githubToken), options.apiKey, budget);
    }
    /** The period's total so far; "untrusted" (never 0) for records that are there but cannot be read or believed. */
    async read() {
        if (this.apiKey === '')
            return { kind: 'untrusted', reason: "no 'api-key' to check the records' proofs with" };
        let indexes;
        try {
            indexes = await this.store.listNamed(`${this.base}.json`);
        }
        catch (error) {
            return { kind: 'untrusted', reason: `the spend records could not be read (${(0,_run_records__WEBPACK_IMPORTED_MODULE_3__/* .apiProblem */ .UI)(error)})` };
        }
        let spent = 0;
        for (const runId of [...new Set(indexes.map((index) => index.runId))]) {
            try {
                spent += await this.spentIn(runId);
            }
            catch (error) {
                return { kind: 'untrusted', reason: `the spend records could not be read (run ${runId}: ${(0,_run_records__WEBPACK_IMPORTED_MODULE_3__/* .apiProblem */ .UI)(error)})` };
            }
        }
        return { kind: 'read', spent };
    }
    /** What run `runId`'s steps recorded (0 for a run of another workflow); throws when a record is not believed. */
    async spentIn(runId) {
        const run = await this.store.describeRun(runId);
        if (run.workflow !== this.budget.scope) {
            _log__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Budget: run ${runId} has spend records of ${this.budget.key}, but it is a run of ${run.workflow}: not counted.`);
            return 0;
        }
        const pattern = new RegExp(`^${this.base}-a(\\d{1,6})-([0-9a-f]{12})-(\\d{1,6})\\.json$`);
        const last = new Map();
        for (const artifact of await this.store.listRun(runId, `${this.base}-a`)) {
            const match = pattern.exec(artifact.name);
            if (!match)
                continue;
            const step = `${match[1]}-${match[2]}`;
            const n = Number(match[3]);
            if ((last.get(step)?.n ?? -1) < n)
                last.set(step, { artifact, n });
        }
        let spent = 0;
        for (const { artifact } of last.values())
            spent += await this.believe(artifact, run);
        return spent;
    }
    /** A step's last record, read and believed only with its proof, in the run that made it. */
    async believe(artifact, run) {
        const { name } = artifact;
        if (artifact.expired)
            throw new Error(`the spend record ${name} has expired`);
        let parsed;
        try {
            parsed = JSON.parse(await this.store.read(artifact.id));
        }
        catch (error) {
            throw new Error(`the spend record ${name} cannot be read (${(0,_run_records__WEBPACK_IMPORTED_MODULE_3__/* .apiProblem */ .UI)(error)})`, { cause: error });
        }
        const record = recordSchema.safeParse(parsed);
        if (!record.success)
            throw new Error(`the spend record ${name} is not a spend record`);
        const { proof, v: _v, ...fields } = record.data;
        const expected = `${this.base}-a${fields.attempt}-${fields.step}-${fields.n}.json`;
        if (name !== expected || fields.scope !== this.budget.scope || fields.period !== this.budget.key || !this.proven(name, fields, proof))
            throw new Error(`the spend record ${name} fails its proof of origin (not written by this action with this API key for it)`);
        if (fields.run_id !== run.id || fields.attempt > run.attempt)
            throw new Error(`the spend record ${name} names run ${fields.run_id}, but run ${run.id} made it: a replay`);
        return fields.spent;
    }
    proven(name, fields, proof) {
        return (0,_cache_entry_proof__WEBPACK_IMPORTED_MODULE_1__/* .isProvenEntry */ .X)(this.apiKey, { kind: RECORD_KIND, name, ...fields }, proof);
    }
    /**
     * Records `total`, this step's running total, unless a higher one is on record already: true once saved, or why it
     * could not be (the first failure stands for the rest of the step). Saves run one after another; a save already
     * waiting takes the highest total asked for by then. The first save makes the run's index and record 0.
     */
    record(total) {
        this.wanted = Math.max(this.wanted, total);
        this.queue = this.queue.then(() => this.save());
        return this.queue;
    }
    async save() {
        if (this.failed !== undefined)
            return this.failed;
        const total = this.wanted;
        if (this.saved !== undefined && total <= this.saved)
            return true;
        const n = this.next++;
        const name = `${this.base}-a${this.store.run.attempt}-${this.step}-${n}.json`;
        try {
            // The first save of the step makes the run's index (a failed one fails every later save).
            if (n === 0)
                await this.makeIndex();
            const fields = {
                scope: this.budget.scope,
                period: this.budget.key,
                run_id: this.store.run.runId,
                attempt: this.store.run.attempt,
                step: this.step,
                n,
                spent: total,
                at: Date.now(),
            };
            const proof = (0,_cache_entry_proof__WEBPACK_IMPORTED_MODULE_1__/* .proveEntry */ .f)(this.apiKey, { kind: RECORD_KIND, name, ...fields });
            await this.store.upload(name, JSON.stringify({ v: 1, ...fields, proof }), RETENTION_DAYS[this.budget.period]);
            this.saved = total;
            _log__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Budget (${this.budget.key}): ${total} credits spent by this step, recorded as the artifact ${name}.`);
            return true;
        }
        catch (error) {
            this.failed = `the spend record ${name} could not be saved (${(0,_errors__WEBPACK_IMPORTED_MODULE_5__/* .messageOf */ .bD)(error)})`;
            return this.failed;
        }
    }
    /** The run's index of this period: uploaded, or (made by another job or attempt of this run) found finalized. */
    async makeIndex() {
        const index = `${this.base}.json`;
        try {
            await this.store.upload(index, JSON.stringify({ v: 1, scope: this.budget.scope, period: this.budget.key }), RETENTION_DAYS[this.budget.period]);
            return;
        }
        catch (error) {
            if (!(0,_run_records__WEBPACK_IMPORTED_MODULE_3__/* .isAlreadyUploaded */ .h$)(error))
                throw error;
        }
        for (const until = Date.now() + INDEX_WAIT_MS;; await new Promise((resolve) => setTimeout(resolve, 1_000))) {
            if ((await this.store.listRun(this.store.run.runId, index)).some((artifact) => artifact.name === index))
                return;
            if (Date.now() > until)
                throw new Error(`this run's index ${index} was begun by another job but is not there`);
        }
    }
}


/***/ }),

/***/ 2675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dK: () => (/* binding */ budgetView),
/* harmony export */   "in": () => (/* binding */ budgetLine)
/* harmony export */ });
/* unused harmony export periodWords */
/* harmony import */ var _outputs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65468);
// Where the credit budget stands, as a person reads it: "December 2026: 25 of 40 credits used", and when it starts
// again ("1 January 2027"). Made from the run's settings and the period's spending (src/run/generation.ts, or the
// dry run), read by the summary's headline and by the words of a clip the budget skipped. Pure.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/**
 * The budget of a run with `max-credits`: of the period (`budget-period`: its key such as `month-2026-12`, what
 * earlier runs spent) or of this step alone. Undefined without `max-credits`.
 */
function budgetView(settings, reserved, period) {
    if (settings.maxCredits === undefined)
        return undefined;
    const limit = settings.maxCredits;
    if (!settings.budget)
        return { label: 'this run', used: reserved, limit };
    const words = periodWords(settings.budget.key);
    const zone = settings.budget.timezone && settings.budget.timezone !== 'UTC' ? ` (${settings.budget.timezone})` : ' (UTC)';
    return {
        label: words?.label ?? settings.budget.key,
        used: (period?.spentEarlier ?? 0) + reserved,
        limit,
        ...(words ? { resets: `${words.next}${zone}` } : {}),
        ...(period?.blocked !== undefined ? { blocked: period.blocked } : {}),
    };
}
/** `December 2026: 25 of 40 credits used` (`This run: 10 of 40 credits used`). */
function budgetLine(budget) {
    const label = budget.label.charAt(0).toUpperCase() + budget.label.slice(1);
    if (budget.blocked !== undefined)
        return `${label}: budget of ${(0,_outputs__WEBPACK_IMPORTED_MODULE_0__/* .formatCredits */ .Ql)(budget.limit)} credits counted as used up`;
    return `${label}: ${(0,_outputs__WEBPACK_IMPORTED_MODULE_0__/* .formatCredits */ .Ql)(budget.used)} of ${(0,_outputs__WEBPACK_IMPORTED_MODULE_0__/* .formatCredits */ .Ql)(budget.limit)} credits used`;
}
/** A period key (`day-2026-12-07`, `week-2026-W50`, `month-2026-12`) in words, and the first day of the next one. */
function periodWords(key) {
    const day = /^day-(\d{4})-(\d{2})-(\d{2})$/.exec(key);
    if (day) {
        const date = utcDate(Number(day[1]), Number(day[2]), Number(day[3]));
        return { label: dayWords(date), next: dayWords(addDays(date, 1)) };
    }
    const week = /^week-(\d{4})-W(\d{2})$/.exec(key);
    if (week) {
        const monday = isoWeekMonday(Number(week[1]), Number(week[2]));
        return { label: `week ${Number(week[2])} of ${week[1]}`, next: `Monday ${dayWords(addDays(monday, 7))}` };
    }
    const month = /^month-(\d{4})-(\d{2})$/.exec(key);
    if (month) {
        const [year, index] = [Number(month[1]), Number(month[2])];
        if (index < 1 || index > 12)
            return undefined;
        return {
            label: `${MONTHS[index - 1]} ${year}`,
            next: dayWords(utcDate(index === 12 ? year + 1 : year, index === 12 ? 1 : index + 1, 1)),
        };
    }
    return undefined;
}
function utcDate(year, month, day) {
    return new Date(Date.UTC(year, month - 1, day));
}
function addDays(date, days) {
    return new Date(date.getTime() + days * 86_400_000);
}
/** `7 December 2026`. */
function dayWords(date) {
    return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
/** The Monday of ISO week `week` of `year` (week 1 holds the year's first Thursday). */
function isoWeekMonday(year, week) {
    const january4 = utcDate(year, 1, 4);
    const weekday = (january4.getUTCDay() + 6) % 7; // Monday 0
    return addDays(january4, (week - 1) * 7 - weekday);
}


/***/ }),

/***/ 15414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AJ: () => (/* binding */ mediaWords),
/* harmony export */   Fg: () => (/* binding */ settingsWords),
/* harmony export */   Q2: () => (/* binding */ linkExpiry),
/* harmony export */   Sh: () => (/* binding */ durationWords),
/* harmony export */   qq: () => (/* binding */ promptShown)
/* harmony export */ });
/* unused harmony export PROMPT_SHOWN_CHARS */
/* harmony import */ var _models__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84469);
/* harmony import */ var _shown_paths__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31922);
// A clip's request and file in the words of someone who did not write the workflow: the prompt as sent (shortened
// in the middle, so the start and the expanded date at the end stay visible), the model and its settings ("standard
// mode · 9:16 vertical · 8 s"), the media that went in, and how long the FoxAPI link works. Pure.


/** Longest prompt shown in full; a longer one keeps its start and end with `…` between. */
const PROMPT_SHOWN_CHARS = 220;
/** FoxAPI keeps a finished clip's URL this long. */
const LINK_LIFETIME_MS = 24 * 3_600_000;
/** The prompt as sent, one line, shortened in the middle: `A red fox runs … week 50 of 2026`. */
function promptShown(request) {
    const prompt = request?.prompt;
    const segments = Array.isArray(request?.multi_prompt)
        ? request.multi_prompt.map((s) => s?.prompt).filter((p) => typeof p === 'string')
        : [];
    const text = typeof prompt === 'string' && prompt.trim() !== '' ? prompt : segments.join(' / ');
    if (text.trim() === '')
        return undefined;
    const line = text.replace(/\s+/g, ' ').trim();
    if (line.length <= PROMPT_SHOWN_CHARS)
        return line;
    const head = line.slice(0, 140).replace(/\s+\S*$/, '');
    const tail = line.slice(-70).replace(/^\S*\s+/, '');
    return `${head} … ${tail}`;
}
const ASPECT_WORDS = { '9:16': '9:16 vertical', '16:9': '16:9 landscape', '1:1': '1:1 square' };
/** `kling-o3-ref · standard mode · 9:16 vertical · 8 s · 1080p · with sound · 2 images`. */
function settingsWords(request, model) {
    const parts = [];
    const name = request?.model ?? model;
    if (name)
        parts.push(name);
    if (!request)
        return parts.join(' · ');
    if (typeof request.mode === 'string')
        parts.push(`${request.mode} mode`);
    if (typeof request.aspect_ratio === 'string')
        parts.push(ASPECT_WORDS[request.aspect_ratio] ?? request.aspect_ratio);
    if (typeof request.duration === 'number' || typeof request.duration === 'string')
        parts.push(`${String(request.duration)} s`);
    else if (request.model === 'kling-o3-ref')
        parts.push('as long as the reference video');
    if (typeof request.resolution === 'string')
        parts.push(request.resolution);
    if (request.generate_audio === true)
        parts.push('with sound');
    if (Array.isArray(request.multi_prompt))
        parts.push(`${request.multi_prompt.length} prompt segments`);
    if (typeof request.negative_prompt === 'string')
        parts.push('with a negative prompt');
    return parts.join(' · ');
}
/** What one item of a media field is called, where the field says more than its kind (an image, a video, an audio). */
const MEDIA_LABELS = new Map([
    ['elements', 'element'],
    ['start_image_url', 'first frame'],
    ['first_image_url', 'first frame'],
    ['end_image_url', 'last frame'],
    ['image_tail_url', 'last frame'],
    ['last_image_url', 'last frame'],
]);
/**
 * The media that went into the clip: the user's own files the action sent (`media`, shown as workspace paths with
 * their size), else the media the request names by URL (`2 images from cdn.example.com`).
 */
function mediaWords(result, workspace) {
    if (result.media && result.media.length > 0)
        return result.media.map((m) => `${m.kind}: ${(0,_shown_paths__WEBPACK_IMPORTED_MODULE_1__/* .workspacePath */ .X5)(m.path, workspace)} (${(0,_shown_paths__WEBPACK_IMPORTED_MODULE_1__/* .sizeText */ .lP)(m.bytes)}, ${m.field})`);
    const request = result.request;
    if (!request)
        return [];
    // Where the request holds media, as the model registry knows it: per field, its items (a list's item, an element).
    const fields = new Map();
    for (const media of (0,_models__WEBPACK_IMPORTED_MODULE_0__/* .mediaValuesOf */ .qU)(request)) {
        const [top, index] = media.path;
        const field = String(top);
        const entry = fields.get(field) ?? { label: MEDIA_LABELS.get(field) ?? media.kind, items: new Set(), hosts: new Set() };
        entry.items.add(typeof index === 'number' ? String(index) : '');
        const host = hostOf(media.value);
        if (host !== undefined)
            entry.hosts.add(host);
        fields.set(field, entry);
    }
    const words = [];
    for (const { label, items, hosts } of fields.values()) {
        const from = hosts.size > 0 ? ` from ${[...hosts].slice(0, 3).join(', ')}` : '';
        words.push(`${items.size} ${label}${items.size === 1 ? '' : 's'}${from}`);
    }
    return words;
}
/** The host of a media URL: never the path, which may carry a signature. */
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return undefined;
    }
}
/** `7 Dec, 06:04 UTC`: when a link FoxAPI made at `createdS` (Unix seconds) stops working; undefined when unknown. */
function linkExpiry(createdS) {
    if (createdS === undefined || !Number.isFinite(createdS) || createdS <= 0)
        return undefined;
    const end = new Date(createdS * 1000 + LINK_LIFETIME_MS);
    if (Number.isNaN(end.getTime()))
        return undefined;
    const month = end.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
    const time = end.toISOString().slice(11, 16);
    return `${end.getUTCDate()} ${month}, ${time} UTC`;
}
/** `4m 12s`, `35s`. */
function durationWords(ms) {
    const s = Math.round(ms / 1000);
    if (s >= 3600)
        return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
    return s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`;
}


/***/ }),

/***/ 86433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   el: () => (/* binding */ el),
/* harmony export */   fj: () => (/* binding */ join),
/* harmony export */   nf: () => (/* binding */ link)
/* harmony export */ });
/* unused harmony exports MAX_CELL_CHARS, Html, cell */
/* harmony import */ var _secrets__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27194);
/* harmony import */ var _security_visible_text__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52966);
// The job summary's HTML, built so that it is well formed and inert by construction: an element is made by el(),
// which always writes its closing tag (an empty cell is `<td></td>`, never a bare `<td>`), and a child is either
// markup made here (an Html value) or text, which is always escaped by cell() on the way in. Outside text can
// therefore never open, close or inject an element, whatever it holds.


/** Longest text in one summary cell, before escaping. */
const MAX_CELL_CHARS = 2_000;
/** Markup made by this module (never text from outside, which is a plain string until cell() escapes it). */
class Html {
    html;
    constructor(html) {
        this.html = html;
    }
    toString() {
        return this.html;
    }
}
/** Elements written with no closing tag in HTML (void elements): the only ones. */
const VOID_ELEMENTS = new Set(['br', 'hr']);
/**
 * An element with its attributes (each value escaped, undefined left out) and children, always closed. Text
 * children go through cell(): redacted, capped, one line, escaped.
 */
function el(tag, attributes, ...children) {
    const attrs = Object.entries(attributes ?? {})
        .filter((entry) => entry[1] !== undefined)
        .map(([name, value]) => ` ${name}="${escapeHtml((0,_secrets__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(value))}"`)
        .join('');
    if (VOID_ELEMENTS.has(tag))
        return new Html(`<${tag}${attrs}>`);
    return new Html(`<${tag}${attrs}>${children.map(childHtml).join('')}</${tag}>`);
}
/** Children side by side, as one piece of markup. */
function join(children, separator = undefined) {
    const parts = children.filter((child) => child !== undefined && child !== false && child !== '').map(childHtml);
    return new Html(parts.join(separator === undefined || separator === false ? '' : childHtml(separator)));
}
/** Text as markup, with a longer cap than a cell's (a prompt, a message): still one escaped line. */
function text(value, max = MAX_CELL_CHARS) {
    return new Html(cell(value, max));
}
/** A link whose address is an http(s) URL without spaces or quotes; anything else is shown as text, not linked. */
function link(url, label) {
    if (url === undefined || !/^https?:\/\/[^\s"'<>]+$/.test(url))
        return undefined;
    return el('a', { href: url }, label);
}
function childHtml(child) {
    if (child === undefined || child === false)
        return '';
    return child instanceof Html ? child.html : cell(child);
}
/**
 * Outside text as one summary cell: secrets redacted first (so escaping cannot hide a key from redaction),
 * capped, made one line (control characters visible, so no blank line can end an HTML block), then escaped: HTML,
 * the table's `|`, and the characters Markdown links, images and code need (`[`, `]`, backtick, `\`). With no
 * blank line the summary stays one HTML block, where GitHub renders no Markdown at all; the escapes are a second wall.
 */
function cell(value, max = MAX_CELL_CHARS) {
    return escapeHtml((0,_security_visible_text__WEBPACK_IMPORTED_MODULE_1__/* .makeVisible */ .Xm)((0,_security_visible_text__WEBPACK_IMPORTED_MODULE_1__/* .capText */ .yA)((0,_secrets__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(value), max)));
}
function escapeHtml(value) {
    return value.replace(/[&<>"'|[\]`\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}


/***/ }),

/***/ 53677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ writeMatrix)
/* harmony export */ });
/* unused harmony export matrixOf */
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61266);

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
    (0,_actions_io__WEBPACK_IMPORTED_MODULE_0__/* .setOutputOrFile */ .nF)('matrix', matrixOf(clips));
}


/***/ }),

/***/ 65468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kn: () => (/* binding */ writeOutputs),
/* harmony export */   Ql: () => (/* binding */ formatCredits),
/* harmony export */   jO: () => (/* binding */ toResultRow),
/* harmony export */   n3: () => (/* binding */ totalCredits)
/* harmony export */ });
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61266);
/* harmony import */ var _clip_clip_verify__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(378);


function toResultRow(result) {
    return {
        name: result.name,
        task_id: result.taskId ?? '',
        status: result.status,
        outcome: result.outcome,
        video_url: result.videoUrl ?? '',
        asset_id: result.asset?.id ?? '',
        video_path: result.videoPath ?? '',
        sha256: result.sha256 ?? '',
        cache_hit: result.cacheHit,
        credits: result.credits ?? 0,
        left_running: result.leftRunning ?? false,
        duration: result.metadata ? roundSeconds(result.metadata.durationS) : null,
        width: result.metadata?.width ?? null,
        height: result.metadata?.height ?? null,
        codec: result.metadata?.codec ?? null,
        has_audio: result.metadata?.hasAudio ?? null,
        content_credentials: result.metadata?.contentCredentials ?? null,
        verify: (0,_clip_clip_verify__WEBPACK_IMPORTED_MODULE_1__/* .verificationText */ .nF)(result.verification),
        ...(result.media?.length ? { media: result.media } : {}),
        ...(result.error ? { error: result.error } : {}),
    };
}
/** Single-clip outputs describe the first clip; `results` lists every clip. */
function writeOutputs(results) {
    const set = (name, value) => (0,_actions_io__WEBPACK_IMPORTED_MODULE_0__/* .setOutputOrFile */ .nF)(name, value);
    const first = results[0];
    if (first) {
        set('task-id', first.taskId ?? '');
        set('status', first.status);
        set('progress', first.progress !== undefined ? String(Math.round(first.progress)) : '');
        set('video-url', first.videoUrl ?? '');
        set('video-path', first.videoPath ?? '');
        set('video-sha256', first.sha256 ?? '');
        const shape = first.metadata;
        set('video-duration', shape ? String(roundSeconds(shape.durationS)) : '');
        set('video-width', shape ? String(shape.width) : '');
        set('video-height', shape ? String(shape.height) : '');
        set('video-codec', shape?.codec ?? '');
        set('video-has-audio', shape ? String(shape.hasAudio) : '');
        set('asset-id', first.asset?.id ?? '');
        set('content-credentials', shape?.contentCredentials ?? '');
        set('cache-hit', String(first.cacheHit));
        set('left-running', String(first.leftRunning ?? false));
        set('result', first.task ? JSON.stringify(first.task) : '');
    }
    // The results file (results-file) holds every row in full; past the output limit `results` points there.
    (0,_actions_io__WEBPACK_IMPORTED_MODULE_0__/* .setOutputOrFile */ .nF)('results', JSON.stringify(results.map(toResultRow)), { alreadyIn: 'results-file' });
    set('credits', formatCredits(totalCredits(results)));
}
/** Seconds to at most 3 decimals. */
function roundSeconds(seconds) {
    return Math.round(seconds * 1000) / 1000;
}
/** Credits reserved by the tasks this step submitted. */
function totalCredits(results) {
    return results.reduce((sum, r) => sum + (r.credits ?? 0), 0);
}
/** Credits as people write them: whole numbers plain, fractions to two places. */
function formatCredits(credits) {
    return Number.isInteger(credits) ? String(credits) : credits.toFixed(2).replace(/0+$/, '');
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
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(83916);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25625);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(61266);
/* harmony import */ var _outputs__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(65468);
/* harmony import */ var _secrets__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(27194);
/* harmony import */ var _security_destinations__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(56769);
/* harmony import */ var _security_workspace_files__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(88145);
// The `results-file` output: every clip's full row as a JSON file, for later jobs and for batches whose
// rows outgrow what a step output may hold. Written whole or not at all (temporary file, then rename).










function toFullResultRow(result) {
    return {
        ...(0,_outputs__WEBPACK_IMPORTED_MODULE_5__/* .toResultRow */ .jO)(result),
        progress: result.progress ?? null,
        bytes: result.bytes ?? null,
        resumed: result.resumed,
        elapsed_ms: result.elapsedMs,
        made_by: result.madeBy ? { repository: result.madeBy.repository, run_id: String(result.madeBy.runId), url: result.madeBy.url } : null,
        frame_rate: result.metadata?.frameRate !== undefined ? Math.round(result.metadata.frameRate * 1000) / 1000 : null,
        request: result.request ?? null,
    };
}
/**
 * Writes `rows` as a JSON array to `file` (its folder is made if missing). The text is redacted like every
 * output. Replacing the file by rename also replaces a symbolic link at that path instead of following it.
 * A file in `workspace` (one the inputs named) is checked again as clips are, before its folder is made,
 * once it exists and right before the rename: a folder swapped for a symlink during the run is refused.
 */
async function writeResultsFile(file, rows, workspace) {
    const check = workspace !== undefined && (0,_security_workspace_files__WEBPACK_IMPORTED_MODULE_8__/* .placeOf */ .$t)(file, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace)) !== 'outside'
        ? () => (0,_security_destinations__WEBPACK_IMPORTED_MODULE_7__/* .recheckResultsFile */ .sD)(file, workspace)
        : () => undefined;
    check();
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
    check();
    const temporary = (0,_atomic_files__WEBPACK_IMPORTED_MODULE_2__/* .temporaryPathFor */ .ub)(file);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(temporary, `${(0,_secrets__WEBPACK_IMPORTED_MODULE_6__/* .redact */ .E)(JSON.stringify(rows, null, 2))}\n`, { flag: 'wx' });
        check();
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
async function writeResultsOutput(file, rows, workspace) {
    try {
        await writeResultsFile(file, rows, workspace);
        (0,_actions_io__WEBPACK_IMPORTED_MODULE_4__/* .setOutputSafely */ .UD)('results-file', file);
    }
    catch (error) {
        _log__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Could not write the results file ${file} (${(0,_errors__WEBPACK_IMPORTED_MODULE_9__/* .messageOf */ .bD)(error)}).`);
    }
}


/***/ }),

/***/ 58353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ periodText),
/* harmony export */   n: () => (/* binding */ notDueText)
/* harmony export */ });
/* harmony import */ var _outputs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65468);

/** `2 batch entries not due on this run: spring (from 2027-03-01; today is 2026-12-02); …`. */
function notDueText(notDue) {
    if (notDue.length === 0)
        return 'Every batch entry is due on this run.';
    const shown = notDue.slice(0, 20).map((entry) => `${entry.name} (${entry.reason})`);
    const more = notDue.length > shown.length ? `; and ${notDue.length - shown.length} more` : '';
    return `${notDue.length} batch ${notDue.length === 1 ? 'entry' : 'entries'} not due on this run: ${shown.join('; ')}${more}.`;
}
/** Where a `budget-period` stands after this step. */
function periodText(period, reserved, settings) {
    const limit = settings.maxCredits !== undefined ? (0,_outputs__WEBPACK_IMPORTED_MODULE_0__/* .formatCredits */ .Ql)(settings.maxCredits) : 'none';
    const scope = settings.budget ? ` (all runs of ${settings.budget.scope})` : '';
    if (period.blocked !== undefined)
        return `Budget for ${period.period}${scope}: ${period.blocked}; max-credits ${limit}.`;
    return (`Budget for ${period.period}${scope}: ${(0,_outputs__WEBPACK_IMPORTED_MODULE_0__/* .formatCredits */ .Ql)(period.spentEarlier)} credits spent by earlier runs, ` +
        `${(0,_outputs__WEBPACK_IMPORTED_MODULE_0__/* .formatCredits */ .Ql)(reserved)} by this step, max-credits ${limit}.`);
}


/***/ }),

/***/ 31922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X5: () => (/* binding */ workspacePath),
/* harmony export */   lP: () => (/* binding */ sizeText),
/* harmony export */   wE: () => (/* binding */ scrubRunnerPaths)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _html__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86433);
// Files as a person reading the summary knows them: a path in the repository's workspace (`clips/fox.mp4`), never
// the runner's absolute path (`/home/runner/work/site/site/clips/fox.mp4`), which means nothing off the runner and
// tells about the machine; and sizes in KB, MB and GB. The summary's whole text is scrubbed of the workspace and
// RUNNER_TEMP at the end, so a path inside an error message is shown the same way. Pure.


/** `clips/fox.mp4`: the file relative to the workspace, `/` separated; a file outside it by its name alone. */
function workspacePath(file, workspace) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(workspace, node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(workspace, file));
    if (relative === '' || relative.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(relative))
        return node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(file);
    return relative.split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/');
}
/**
 * `text` with every absolute path under the workspace made relative to it and every path under RUNNER_TEMP shown
 * as `$RUNNER_TEMP/…`, in plain and HTML-escaped spellings (a Windows path's `\` is escaped in the summary).
 */
function scrubRunnerPaths(text, env = process.env) {
    let scrubbed = text;
    const roots = [
        [env.GITHUB_WORKSPACE, ''],
        [env.RUNNER_TEMP, '$RUNNER_TEMP/'],
    ];
    for (const [root, shown] of roots) {
        if (!root || !node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(root) || node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(root) === node_path__WEBPACK_IMPORTED_MODULE_0___default().parse(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(root)).root)
            continue;
        const base = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(root);
        for (const spelling of new Set([base, base.split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/'), (0,_html__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(base)])) {
            for (const separator of ['/', '\\', '&#92;'])
                scrubbed = scrubbed.split(`${spelling}${separator}`).join(shown);
            scrubbed = scrubbed.split(spelling).join(shown === '' ? '.' : shown.slice(0, -1));
        }
    }
    return scrubbed;
}
/** `812 bytes`, `7.9 KB`, `12.3 MB`, `1.20 GB` (1 KB = 1,024 bytes, as file managers on most systems count). */
function sizeText(bytes) {
    if (bytes < 1024)
        return `${bytes} bytes`;
    const units = ['KB', 'MB', 'GB', 'TB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value >= 100 ? Math.round(value) : value.toFixed(value >= 10 || unit < 2 ? 1 : 2)} ${units[unit]}`;
}


/***/ }),

/***/ 91069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ runLabel),
/* harmony export */   T0: () => (/* binding */ runOfThisRepository),
/* harmony export */   dB: () => (/* binding */ runOriginSchema),
/* harmony export */   xh: () => (/* binding */ currentRun)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74528);
// The workflow run a clip was made in, from @actions/github's context. It is kept with a cached clip, so the
// summary of a later run that restores the clip links to the run that paid for it.
//
// @actions/github brings Octokit with it, which no other part of the action needs: it is loaded only when a
// finished clip is saved to the cache (the one place that asks), never at start-up.

const runOriginSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    repository: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    runId: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    runNumber: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
    workflow: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    url: zod__WEBPACK_IMPORTED_MODULE_0__/* .url */ .OZ5({ protocol: /^https?$/ }),
});
/** This run, or undefined outside a workflow run (no GITHUB_REPOSITORY / GITHUB_RUN_ID) or if the context cannot be read. */
async function currentRun() {
    if (!/^[^/\s]+\/[^/\s]+$/.test(process.env.GITHUB_REPOSITORY ?? ''))
        return undefined;
    try {
        const { context } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(770)]).then(__webpack_require__.bind(__webpack_require__, 61351));
        if (!Number.isInteger(context.runId))
            return undefined;
        const { owner, repo } = context.repo;
        const serverUrl = context.serverUrl.replace(/\/+$/, '');
        return runOriginSchema.parse({
            repository: `${owner}/${repo}`,
            runId: context.runId,
            ...(Number.isInteger(context.runNumber) ? { runNumber: context.runNumber } : {}),
            ...(context.workflow ? { workflow: context.workflow } : {}),
            url: `${serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`,
        });
    }
    catch {
        // Who made a clip is a courtesy in the summary: never a reason to lose the cache entry.
        return undefined;
    }
}
/** `weekly-clip #12` (or `run 4242`): how the summary names a run. */
function runLabel(run) {
    const name = run.workflow ? `${run.workflow} ` : '';
    return run.runNumber !== undefined ? `${name}#${run.runNumber}` : `${name}run ${run.runId}`;
}
/**
 * `run` when it is a run of this repository on this server (GITHUB_REPOSITORY, GITHUB_SERVER_URL) with the URL
 * such a run has, else undefined: the summary links "made by" only to a run people can trust to be theirs.
 */
function runOfThisRepository(run, env = process.env) {
    const repository = env.GITHUB_REPOSITORY ?? '';
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    if (!/^[^/\s]+\/[^/\s]+$/.test(repository) || run.repository !== repository)
        return undefined;
    if (!Number.isSafeInteger(run.runId) || run.runId <= 0)
        return undefined;
    return run.url === `${server}/${repository}/actions/runs/${run.runId}` ? run : undefined;
}


/***/ }),

/***/ 50404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pv: () => (/* binding */ CreditBudget)
/* harmony export */ });
/* unused harmony exports outcomeUnknown, creditsFigure, creditsReserved */
/* harmony import */ var _foxapi_request_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98984);
/* harmony import */ var _inputs_plan_inputs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9854);
/* harmony import */ var _report_outputs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65468);
/* harmony import */ var _security_visible_text__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(52966);
/* harmony import */ var _limiter__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10109);
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
//
// With `budget-period`, each turn first has this step's spending so far recorded (PeriodSpending.record: the
// step's first turn opens its records), so no create is sent that the period's records would not show; a record
// that cannot be saved sets `blocked`, which is "limit reached" from then on.





class CreditBudget {
    limit;
    warn;
    period;
    /** One entry per create sent by this step: the highest usable figure reported for it. */
    submissions = [];
    /** With a limit, one submission at a time. */
    turn = new _limiter__WEBPACK_IMPORTED_MODULE_3__/* .Limiter */ .j(1);
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
            ? `${(0,_report_outputs__WEBPACK_IMPORTED_MODULE_2__/* .formatCredits */ .Ql)(this.period.spentEarlier)} credits spent by earlier runs in the period, ${(0,_report_outputs__WEBPACK_IMPORTED_MODULE_2__/* .formatCredits */ .Ql)(this.reserved)} by this step's tasks`
            : `${(0,_report_outputs__WEBPACK_IMPORTED_MODULE_2__/* .formatCredits */ .Ql)(this.reserved)} credits reserved by this step's tasks`;
        if (this.period && this.stoppedBecause === undefined)
            return `not started: max-credits ${this.limit} for ${this.period.period} reached (${counted})`;
        return this.stoppedBecause !== undefined
            ? `not started: max-credits ${this.limit} counted as reached, because ${this.stoppedBecause} (${counted} as far as FoxAPI reported)`
            : `not started: max-credits ${this.limit} reached (${counted})`;
    }
    /**
     * Runs `attempt` in the budget's turn, told why no new task may be submitted now (undefined when one may).
     * With a limit, turns are taken one at a time, so each decision sees every earlier reply (see the top of this
     * file); a create sent in the turn goes through {@link send}.
     */
    async inTurn(attempt) {
        if (this.limit === undefined)
            return attempt(undefined);
        return this.turn.run(async () => {
            // With a period, nothing is sent before this step's spending so far is on record (a failed save blocks).
            if (!this.reached && this.period?.record)
                await this.period.record(this.reserved);
            return attempt(this.reached ? this.refusal : undefined);
        });
    }
    /** Submits through `create` unless the limit is reached, and counts the reply (inTurn, then send). */
    async submit(create) {
        return this.inTurn(async (refusal) => (refusal !== undefined ? { submitted: false, reason: refusal } : await this.send(create)));
    }
    /**
     * Sends one create and counts its reply. A create that fails with an unknown outcome stops further submissions
     * under a limit; the error is passed on. Call it inside {@link inTurn}.
     */
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
                void this.period?.record?.(this.reserved);
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
        if (cause instanceof _foxapi_request_errors__WEBPACK_IMPORTED_MODULE_0__/* .RequestError */ .GI) {
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
    if (typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= _inputs_plan_inputs__WEBPACK_IMPORTED_MODULE_1__/* .MAX_CREDITS_LIMIT */ .q)
        return { kind: 'credits', credits: n };
    return { kind: 'unusable', shown: JSON.stringify((0,_security_visible_text__WEBPACK_IMPORTED_MODULE_4__/* .capText */ .yA)(String(value), 40)) };
}
/** `usage.credits_reserved` of a task reply, when it is a usable number. */
function creditsReserved(task) {
    const figure = creditsFigure(task);
    return figure.kind === 'credits' ? figure.credits : undefined;
}


/***/ }),

/***/ 94460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ refuseUnusableMedia)
/* harmony export */ });
/* unused harmony export checkMediaContents */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _clip_clip_reader__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34896);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25625);
/* harmony import */ var _security_workspace_files__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88145);
// The last check of the workspace files a run will upload, before anything is sent (the dry run and the paid run
// start with it, src/run/dry-run.ts and src/run/generation.ts, right after the input checks): a file whose first
// bytes say MP4 or MOV is read whole by the MP4 reader (src/clip/clip-metadata.ts, mp4box), which must find a movie
// it can parse, with a video track and no sample past the end of the file. It is read as every clip is, in the
// reader's worker under its memory and time limits (src/clip/clip-reader.ts): a hostile file in the workspace is
// no safer than a hostile download, and the MP4 library never loads in the step's own thread. The input checks are
// synchronous and read only signatures; the MP4 reader reads boxes in chunks and asynchronously, so it runs here,
// once per content.





/**
 * Checks the workspace videos `clips` name; when any cannot be used, lists each problem as the input problems are
 * listed, fails the step and returns true (nothing was sent).
 */
async function refuseUnusableMedia(clips, workspace) {
    if (!clips.some((clip) => clip.media?.some((file) => file.kind === 'video')))
        return false;
    const problems = await checkMediaContents(clips, workspace);
    if (problems.length === 0)
        return false;
    for (const problem of problems)
        _log__WEBPACK_IMPORTED_MODULE_2__/* .error */ .z3(problem);
    _log__WEBPACK_IMPORTED_MODULE_2__/* .setFailed */ .C1(`${problems.length} input problem${problems.length === 1 ? '' : 's'} (listed above); nothing was sent to FoxAPI.`);
    return true;
}
/** The problems of the workspace videos `clips` name, each named after its input; none when every one is a readable video. */
async function checkMediaContents(clips, workspace) {
    const videos = clips.flatMap((clip) => (clip.media ?? []).filter((file) => file.kind === 'video'));
    const verdicts = new Map();
    const problems = [];
    for (const file of videos) {
        let verdict = verdicts.get(file.sha256);
        if (verdict === undefined)
            verdicts.set(file.sha256, (verdict = videoProblem(file, workspace)));
        const problem = await verdict;
        if (problem !== undefined)
            problems.push(`${file.input}: ${problem}`);
    }
    return [...new Set(problems)];
}
/** Why the video `file` cannot be uploaded, or undefined when the MP4 reader reads it as a whole clip. */
async function videoProblem(file, workspace) {
    const shown = (0,_security_workspace_files__WEBPACK_IMPORTED_MODULE_3__/* .shownPath */ .pS)(file.path);
    try {
        const reading = await (0,_clip_clip_reader__WEBPACK_IMPORTED_MODULE_1__/* .readClip */ .vk)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join((0,_security_workspace_files__WEBPACK_IMPORTED_MODULE_3__/* .realWorkspace */ .id)(workspace), ...file.path.split('/')));
        if (reading.ok)
            return undefined;
        return `${shown} starts like ${file.type.name === 'mp4' ? 'an MP4' : 'a MOV'} video, but the MP4 reader cannot use it: ${reading.problem}`;
    }
    catch (error) {
        return `cannot read ${shown} (${(0,_errors__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error)})`;
    }
}


/***/ }),

/***/ 68498:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ decideClip)
/* harmony export */ });
/* unused harmony export actionText */
/**
 * The decision, in this order: an entry not due runs nothing; a usable cached clip is restored (it needs no task,
 * so neither fail-fast nor the budget stops it); a stopped run starts no task; `task-id` is collected; an earlier
 * run's task that can still deliver is collected (free); a budget that is spent submits nothing; else a new task
 * is submitted and paid for.
 */
function decideClip(facts) {
    const { cache } = facts;
    if (facts.notDue !== undefined)
        return { action: 'not-due', why: facts.notDue };
    if (cache.kind === 'clip' && cache.usable !== false)
        return { action: 'restore', why: restoreWhy(cache.usable) };
    if (facts.stopped !== undefined)
        return { action: 'skip', why: facts.stopped };
    if (facts.taskId !== undefined)
        return { action: 'resume', taskId: facts.taskId, why: 'task-id names the task to collect' };
    if (cache.kind === 'pending' && facts.pending?.usable !== false) {
        const why = facts.pending?.usable
            ? 'an earlier run of this request submitted it and FoxAPI can still deliver it'
            : 'an earlier run of this request submitted it (a new task only if it failed, was cancelled or expired)';
        return { action: 'collect', taskId: cache.taskId, why };
    }
    if (facts.budgetRefusal !== undefined)
        return { action: 'skip', why: facts.budgetRefusal };
    return { action: 'submit', why: submitWhy(cache, facts.pending) };
}
function restoreWhy(usable) {
    return usable === true
        ? 'the Actions cache holds this clip, proven and checked: nothing is sent to FoxAPI'
        : "the Actions cache holds an entry for this request (its proof is checked only with 'api-key')";
}
function submitWhy(cache, pending) {
    switch (cache.kind) {
        case 'not-asked':
            return `a new task (${cache.why})`;
        case 'no-answer':
            return 'a new task (the Actions cache could not be asked)';
        case 'empty':
            return 'a new task (nothing for this request in the Actions cache)';
        case 'clip':
            return `a new task (${cache.usable === false ? cache.why : 'the cached clip is not used'})`;
        case 'delivered':
            return `a new task (${cache.why})`;
        case 'pending':
            return `a new task (the earlier run's task ${cache.taskId ?? ''} ${pending?.usable === false ? pending.why : 'cannot deliver'})`.replace('  ', ' ');
    }
}
/** The action in a few words, for a plan line or a summary cell. */
function actionText(decision) {
    switch (decision.action) {
        case 'not-due':
            return 'not due on this run, nothing sent';
        case 'restore':
            return 'restored from the Actions cache, nothing sent';
        case 'skip':
            return 'skipped, nothing sent';
        case 'resume':
            return `collects task ${decision.taskId}, nothing new submitted`;
        case 'collect':
            return `collects an earlier run's task${decision.taskId ? ` ${decision.taskId}` : ''}, nothing new submitted`;
        case 'submit':
            return 'submitted to FoxAPI (paid)';
    }
}


/***/ }),

/***/ 16683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ notStarted),
/* harmony export */   W: () => (/* binding */ taskFields)
/* harmony export */ });
/** A clip that ends before any task is started for it. */
function notStarted(decision, outcome, error) {
    return { decision, outcome, status: 'not-submitted', cacheHit: false, resumed: false, error };
}
/** The status, progress and task of the last reply seen. */
function taskFields(task, progress) {
    const shown = progress ?? (typeof task.progress === 'number' ? task.progress : undefined);
    return { status: task.status, task, taskId: task.id, ...(shown !== undefined ? { progress: shown } : {}) };
}


/***/ }),

/***/ 15932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ collectAdvice),
/* harmony export */   w: () => (/* binding */ saveAdvice)
/* harmony export */ });
/* harmony import */ var _foxapi_cancel__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60265);
// How to collect a task that exists (and is paid for) without paying again: one sentence, for a single clip (the
// `task-id` input) or a batch entry (a `task-id` on that entry, since the input is refused with a batch).

/** The exact way to collect `taskId` for the clip `name` without paying for another. */
function collectAdvice(name, taskId, batch, options = { longerTimeout: false, cached: false }) {
    if (!batch)
        return (0,_foxapi_cancel__WEBPACK_IMPORTED_MODULE_0__/* .collectHint */ .Un)(taskId, options);
    return `Collect it later without paying again: add "task-id: ${taskId}" to the batch entry '${name}' and re-run${options.longerTimeout ? ' (with a longer timeout)' : ''}${(0,_foxapi_cancel__WEBPACK_IMPORTED_MODULE_0__/* .cacheClause */ .yi)(options)}.`;
}
/** The way to collect a paid clip whose file could not be written, for a single clip or a batch entry. */
function saveAdvice(name, taskId, batch) {
    return batch
        ? `Collect the paid clip without paying again: add "task-id: ${taskId}" to the batch entry '${name}', with an output that can be written, and re-run (its video-url works for 24 hours).`
        : `Collect the paid clip without paying again: re-run with task-id: ${taskId} and an output-path that can be written (its video-url works for 24 hours).`;
}


/***/ }),

/***/ 52331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oV: () => (/* binding */ deliverClip),
  NK: () => (/* binding */ resolveOutputPath),
  dR: () => (/* binding */ verifyContext)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/clip/clip-verify.ts + 1 modules
var clip_verify = __webpack_require__(378);
// EXTERNAL MODULE: ./src/cache/cache-key.ts
var cache_key = __webpack_require__(24950);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
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
// EXTERNAL MODULE: ./src/security/download-policy.ts
var download_policy = __webpack_require__(89355);
// EXTERNAL MODULE: ./src/foxapi/http.ts
var http = __webpack_require__(74539);
// EXTERNAL MODULE: ./src/foxapi/request-errors.ts
var request_errors = __webpack_require__(98984);
// EXTERNAL MODULE: ./src/foxapi/retries.ts
var retries = __webpack_require__(97181);
;// CONCATENATED MODULE: ./src/foxapi/download.ts
// Downloads the finished clip: streamed to a hidden temporary file beside the destination, hashed on the way,
// checked for size and type, then renamed into place. A failure never leaves a file under the final name.
// A download cut short is resumed with a Range request (when the server names the file with an ETag or
// Last-Modified), so a flaky link does not start a large clip over. No credentials are ever sent: result
// URLs are pre-signed, and the API key stays with the API.










const MAX_REDIRECTS = 5;
/** How the download names itself in its error messages. */
const what = 'Download';
const ACCEPTED_TYPES = [/^video\//, /^application\/octet-stream$/, /^binary\/octet-stream$/, /^application\/mp4$/];
async function downloadVideo(options) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(options.destination), { recursive: true });
    options.checkDestination?.();
    const partial = { tempPath: (0,atomic_files/* temporaryPathFor */.ub)(options.destination) };
    try {
        const result = await (0,retries/* withRetries */.LH)(() => downloadOnce(options, partial), {
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
/** One attempt: the clip requested (the rest of it, when an earlier attempt left a resumable part), checked, stored, checked again. */
async function downloadOnce(options, partial) {
    const offset = partial.resume ? await sizeOf(partial.tempPath) : 0;
    // Bounded by the deadline as well as the agent's idle timeout: a body that trickles cannot outlive the budget.
    const signal = (0,http/* requestSignal */.OL)(options.deadline, options.signal);
    const { response, url } = await requestClip(options, partial, offset, signal);
    const { contentType, declared, resumed } = await acceptResponse(response, options.maxBytes, partial, offset);
    partial.resume = resumePointOf(response.headers, url);
    if (resumed)
        options.log(`Resuming the download at byte ${offset}.`);
    const meter = await storeBody(response.body, options.maxBytes, partial.tempPath, resumed, signal);
    const { bytes, sha256 } = meter;
    await checkContent(partial, bytes, declared);
    return { bytes, sha256: sha256(), contentType: contentType || 'unknown' };
}
/**
 * Requests the clip (from byte `offset` when resuming, from where the last attempt was sent), following
 * redirects; every URL, the first and each redirect's, is checked against the download policy first.
 */
async function requestClip(options, partial, offset, signal) {
    let url = offset > 0 && partial.resume ? partial.resume.url : new URL(options.url);
    for (let hop = 0;; hop++) {
        const refusal = (0,download_policy/* refusalOf */.Of)(url, options.policy);
        if (refusal !== undefined) {
            throw new request_errors/* RequestError */.GI(`${what} failed: ${hop > 0 ? 'the clip URL redirects to a place clips are not fetched from: ' : ''}${refusal}`, notRetryable);
        }
        const headers = requestHeaders(offset, partial);
        let response;
        try {
            response = await (0,undici/* request */.Em)(url, { method: 'GET', dispatcher: options.agent, signal, headers });
        }
        catch (error) {
            throw (0,request_errors/* toRequestError */.du)(error, what, signal);
        }
        const { statusCode } = response;
        if (statusCode < 300 || statusCode >= 400)
            return { response, url };
        url = await redirectTarget(response, url, hop, options.log);
    }
}
/** The request's headers: a Range for the rest of the file, valid only if the server still has the same file. */
function requestHeaders(offset, partial) {
    const headers = {
        accept: 'video/*, application/octet-stream;q=0.9',
        'user-agent': 'foxapi-video-action',
    };
    if (offset > 0 && partial.resume) {
        headers.range = `bytes=${offset}-`;
        headers['if-range'] = partial.resume.validator;
    }
    return headers;
}
/** Where a redirect (its body dropped) points, when it names a place and the redirects are not too many. */
async function redirectTarget(response, url, hop, log) {
    await response.body.dump();
    const location = header(response.headers, 'location');
    if (!location)
        throw new request_errors/* RequestError */.GI(`${what} failed: redirect (HTTP ${response.statusCode}) without a Location`, notRetryable);
    if (hop >= MAX_REDIRECTS)
        throw new request_errors/* RequestError */.GI(`${what} failed: more than ${MAX_REDIRECTS} redirects`, notRetryable);
    const next = new URL(location, url);
    if (next.origin !== url.origin)
        log(`The clip's URL redirects to ${next.origin}; following it.`);
    return next;
}
/**
 * Checks the response before its body is read: an error status, a type that is not a video, a length over the
 * limit, or a resume that does not fit the partial file (then the next attempt starts over) throws.
 */
async function acceptResponse(response, maxBytes, partial, offset) {
    const { statusCode } = response;
    /** The partial file no longer fits what the server has: the next attempt starts over. */
    const startOver = async (reason) => {
        await response.body.dump();
        partial.resume = undefined;
        return new request_errors/* RequestError */.GI(`${what} failed: ${reason}`, { retryable: true, mayHaveBeenProcessed: true });
    };
    if (statusCode === 416)
        throw await startOver(`the server refused to resume at byte ${offset}`);
    if (statusCode >= 400) {
        const text = await (0,http/* readBodyCapped */.oV)(response, what, 64 * 1024).catch(() => '');
        throw (0,request_errors/* httpStatusError */.H6)(statusCode, (0,http/* parseJsonSafely */.s$)(text), response.headers, what);
    }
    const contentType = (header(response.headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (contentType !== '' && !ACCEPTED_TYPES.some((pattern) => pattern.test(contentType))) {
        await response.body.dump();
        throw new request_errors/* RequestError */.GI(`${what} failed: the server sent ${contentType}, not a video`, notRetryable);
    }
    // 206 continues the file from `offset`; 200 (or a 206 that does not start there) starts it over.
    const range = statusCode === 206 ? contentRange(response.headers) : undefined;
    const resumed = offset > 0 && range?.start === offset;
    if (statusCode === 206 && !resumed)
        throw await startOver('the server resumed at the wrong byte');
    const declared = resumed ? (range?.total ?? Number.NaN) : Number(header(response.headers, 'content-length') ?? Number.NaN);
    if (declared > maxBytes) {
        await response.body.dump();
        throw new request_errors/* RequestError */.GI(`${what} failed: the clip is ${declared} bytes, over max-download-size (${maxBytes} bytes)`, notRetryable);
    }
    return { contentType, declared, resumed };
}
/** Where a download cut short could resume: `url`, if the server names the file with a strong ETag or a Last-Modified. */
function resumePointOf(headers, url) {
    const validator = header(headers, 'etag') ?? header(headers, 'last-modified');
    return validator && !validator.startsWith('W/') ? { url, validator } : undefined;
}
/**
 * Writes the body to the temporary file (appended when `resumed`), counted and hashed on the way, the part
 * already there included; over `maxBytes` it stops. Returns the meter, which knows the bytes and the hash.
 */
async function storeBody(body, maxBytes, tempPath, resumed, signal) {
    const meter = new atomic_files/* HashingMeter */.yQ(maxBytes, () => new request_errors/* RequestError */.GI(`${what} failed: the clip is over max-download-size (${maxBytes} bytes)`, notRetryable));
    if (resumed)
        await meter.countFile(tempPath);
    try {
        await writeKeepingWhatArrived(body, meter, (0,external_node_fs_.createWriteStream)(tempPath, { flags: resumed ? 'a' : 'w' }));
    }
    catch (error) {
        throw (0,request_errors/* toRequestError */.du)(error, what, signal);
    }
    return meter;
}
/** Checks what was stored: all the bytes announced, not nothing, and a video by its first bytes (else no resume). */
async function checkContent(partial, bytes, declared) {
    if (Number.isFinite(declared) && bytes !== declared) {
        throw new request_errors/* RequestError */.GI(`${what} failed: got ${bytes} of ${declared} bytes`, {
            retryable: true,
            mayHaveBeenProcessed: true,
        });
    }
    if (bytes === 0)
        throw new request_errors/* RequestError */.GI(`${what} failed: the server sent an empty file`, notRetryable);
    // Whatever the Content-Type said: a login page or an error JSON served as video/mp4 is not saved as the clip.
    const start = await firstBytes(partial.tempPath, 12);
    if (!(0,download_policy/* isVideoContainer */.zG)(start)) {
        partial.resume = undefined;
        throw new request_errors/* RequestError */.GI(`${what} failed: what the server sent is not a video (no MP4/MOV or WebM/Matroska signature; it starts with ${hexOf(start)}), so it was not saved`, notRetryable);
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

// EXTERNAL MODULE: ./src/foxapi/task.ts
var foxapi_task = __webpack_require__(91294);
// EXTERNAL MODULE: ./src/foxapi/wait-for-task.ts + 1 modules
var wait_for_task = __webpack_require__(64148);
// EXTERNAL MODULE: ./src/security/destinations.ts
var destinations = __webpack_require__(56769);
// EXTERNAL MODULE: ./src/run/collect-advice.ts
var collect_advice = __webpack_require__(15932);
;// CONCATENATED MODULE: ./src/run/deliver-clip.ts
// The last stages of a clip's pipeline, once its task is final: deliver (download the clip, check it is whole and
// what was asked) and save (the clip in the Actions cache, and a "delivered" note: under `reuse: run` an artifact of
// this run, src/records/delivered-notes.ts). A task that failed, was cancelled or completed without a URL delivers
// nothing; a clip that does not match the request under `verify: fail` is kept, with every output set, but fails the
// clip and is not cached. A model that makes no video (a voice, a character) delivers the id its task answers:
// nothing to download or check.











/** Where this clip's file goes now that its task id is known; throws when that is not a safe place to write. */
function resolveOutputPath(spec, taskId, workspace) {
    return (0,destinations/* destinationFor */.mZ)(spec.outputPath, spec.name, taskId, workspace);
}
/** What the clip checks need of this clip and run. */
function verifyContext(spec, deps, log) {
    return { request: spec.request, mode: deps.settings.verify, label: deps.batch ? `[${spec.name}] ` : '', log };
}
/** Delivers the final `task`: its clip downloaded, checked and saved to the cache under `key` (when caching). */
async function deliverClip(spec, task, key, deps, log) {
    if (task.status === 'failed')
        return { outcome: 'failed', error: `FoxAPI task ${task.id} failed: ${(0,foxapi_task/* taskErrorText */.Db)(task)}` };
    if (task.status === 'cancelled')
        return { outcome: 'failed', error: `FoxAPI task ${task.id} was cancelled` };
    const url = (0,foxapi_task/* videoUrlOf */.iq)(task);
    const asset = url ? undefined : (0,foxapi_task/* assetOf */.cu)(task);
    if (asset) {
        log(`FoxAPI task ${task.id} made no video: its result is ${asset.field} ${asset.id} (the asset-id output).`);
        // Like a clip not downloaded: the task is noted as delivered, so `reuse: run` never hands it out again.
        if (key)
            await noteDelivered(spec, task, key, deps);
        return { outcome: 'succeeded', asset };
    }
    if (!url) {
        const error = `FoxAPI task ${task.id} completed without a video URL, also when asked again ${wait_for_task/* EMPTY_COMPLETED_REQUERIES */.Su} times ` +
            `(with and without sync_upstream). ${(0,collect_advice/* collectAdvice */.$)(spec.name, task.id, deps.batch)}`;
        return { outcome: 'failed', error };
    }
    if (!deps.settings.download) {
        if (key)
            await noteDelivered(spec, task, key, deps);
        return { outcome: 'succeeded', videoUrl: url };
    }
    const { file, metadata } = await downloadClip(spec, task, url, deps, log);
    const where = external_node_path_default().relative(deps.settings.workspace, file.path) || file.path;
    log(`Saved ${file.bytes} bytes to ${where} (sha256 ${file.sha256}).`);
    const held = metadata ? (0,clip_verify/* holdAgainstRequest */.M9)(metadata, verifyContext(spec, deps, log)) : undefined;
    if (held?.verdict === 'fail') {
        // Kept, with every output set (the summary shows what came back), but not cached: it is not the clip asked for.
        const error = `${(0,clip_verify/* mismatchText */.C3)(held.verification)}. The clip is kept at ${where} and every output is set; verify: warn accepts such a clip, and a new cache-key asks for a new take (paid)`;
        return { outcome: 'failed', videoUrl: url, file, held, error };
    }
    if (key)
        await saveDeliveredClip(spec, task, key, file, deps);
    return { outcome: 'succeeded', videoUrl: url, file, ...(held ? { held } : {}) };
}
/**
 * Downloads the clip to its destination (checked again once its folder exists and right before the rename). A file
 * that fails a structural check is fetched again from the same URL (never a new task) before the clip fails.
 */
async function downloadClip(spec, task, url, deps, log) {
    const { settings } = deps;
    // The inputs were checked before paying; this catches what changed since (or what the real task id changes).
    const guard = (check) => {
        try {
            return check();
        }
        catch (error) {
            throw new Error(`${(0,errors/* messageOf */.bD)(error)}. ${(0,collect_advice/* saveAdvice */.w)(spec.name, task.id, deps.batch)}`, { cause: error });
        }
    };
    const destination = guard(() => resolveOutputPath(spec, task.id, settings.workspace));
    let metadata;
    const download = () => downloadVideo({
        url,
        inspect: async (file) => {
            metadata = await (0,clip_verify/* inspectClip */.PV)(file);
        },
        destination,
        checkDestination: () => guard(() => (0,destinations/* recheckDestination */.iW)(destination, settings.workspace)),
        agent: deps.downloadAgent,
        policy: (0,download_policy/* downloadPolicyFor */.Sj)(settings.baseUrl),
        maxBytes: settings.maxDownloadBytes,
        retry: retries/* API_RETRY */.Is,
        deadline: Date.now() + settings.timeoutMs,
        signal: deps.signal,
        log,
    });
    const downloaded = await deps.limits.downloads.run(() => (0,clip_verify/* downloadUntilWhole */.wY)(download, log));
    return { file: { path: downloaded.path, sha256: downloaded.sha256, bytes: downloaded.bytes }, metadata };
}
/** Saves the delivered clip, then the note that its task was delivered (under `reuse: run` no later run adopts it). */
async function saveDeliveredClip(spec, task, key, file, deps) {
    await deps.limits.cacheSaves.run(() => deps.cache.saveClip(key, task, file.path, file.sha256, (0,cache_key/* reuseRunId */.f5)(deps.settings)));
    await noteDelivered(spec, task, key, deps);
}
/**
 * Notes that the clip of `task` was delivered to this run: under `reuse: run` as an artifact of this run, which no
 * eviction removes and no other run can claim (src/records/delivered-notes.ts); otherwise in the Actions cache.
 */
async function noteDelivered(spec, task, key, deps) {
    if (deps.settings.reuse.mode === 'run' && deps.notes)
        return deps.notes.save(key, task.id);
    await deps.limits.cacheSaves.run(() => deps.cache.saveDelivered(key, task.id, spec.request?.model ?? ''));
}


/***/ }),

/***/ 10109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ Limiter)
/* harmony export */ });
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


/***/ }),

/***/ 21442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TE: () => (/* binding */ lookUp),
/* harmony export */   bc: () => (/* binding */ lookupOptions),
/* harmony export */   hD: () => (/* binding */ findingOf),
/* harmony export */   pG: () => (/* binding */ deliveredElsewhere),
/* harmony export */   v0: () => (/* binding */ restored)
/* harmony export */ });
/* harmony import */ var _cache_cache_key__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24950);
/* harmony import */ var _clip_clip_verify__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(378);
/* harmony import */ var _clip_end__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16683);
/* harmony import */ var _deliver_clip__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52331);




/**
 * How a clip's request is looked up, by the paid run and the dry run alike: the clip file is what is cached (result
 * URLs expire), so a cached clip serves only runs that download it; under `reuse: run` only this run's clip; a
 * proven clip is checked as a download is. Where it is placed, if anywhere, is the caller's.
 */
function lookupOptions(settings, verify) {
    const runId = (0,_cache_cache_key__WEBPACK_IMPORTED_MODULE_0__/* .reuseRunId */ .f5)(settings);
    return {
        wantClip: settings.wait && settings.download,
        ...(runId !== undefined ? { runId } : {}),
        check: (file) => (0,_clip_clip_verify__WEBPACK_IMPORTED_MODULE_1__/* .checkRestoredClip */ .LS)(file, verify),
    };
}
/** The cache lookup stage: the clip or a pending task of the request's key (none without a key). */
async function lookUp(spec, key, deps, log) {
    if (key === undefined)
        return undefined;
    const { settings } = deps;
    const found = await deps.cache.lookup(key, {
        ...lookupOptions(settings, (0,_deliver_clip__WEBPACK_IMPORTED_MODULE_2__/* .verifyContext */ .dR)(spec, deps, log)),
        place: (task) => (0,_deliver_clip__WEBPACK_IMPORTED_MODULE_2__/* .resolveOutputPath */ .NK)(spec, task.id, settings.workspace),
    });
    if (found?.kind === 'unusable-clip' && wantsClip(deps))
        log(`${found.why}; treating the cache entry ${key} as a miss (change cache-key to store a new clip under a new key).`);
    return deliveredElsewhere(found, key, deps);
}
/**
 * `reuse: run`: an earlier run's pending task is adopted only when its delivered notes (artifacts of the runs that
 * received clips, src/records/delivered-notes.ts) say no other run got its clip; when they cannot be read, it is not.
 */
async function deliveredElsewhere(found, key, deps) {
    if (found?.kind !== 'pending' || deps.settings.reuse.mode !== 'run')
        return found;
    const to = deps.notes ? await deps.notes.deliveredTo(key, found.taskId) : { kind: 'unknown', why: 'no delivered notes here' };
    if (to.kind === 'nowhere' || to.kind === 'this-run')
        return found;
    const why = to.kind === 'other-run' ? `was delivered to another run (${to.runId})` : `may have been delivered to another run: ${to.why}`;
    return { kind: 'delivered', taskId: found.taskId, why };
}
const wantsClip = (deps) => deps.settings.wait && deps.settings.download;
/** What a lookup found, as the decision reads it. */
function findingOf(found, key, deps) {
    if (key === undefined)
        return { kind: 'not-asked', why: deps.settings.cache ? 'the Actions cache cannot be used on this runner' : 'cache: false' };
    switch (found?.kind) {
        case undefined:
            return { kind: 'no-answer' };
        case 'empty':
            return { kind: 'empty' };
        case 'clip':
            return { kind: 'clip', usable: true };
        case 'unusable-clip':
            return { kind: 'clip', usable: false, why: found.why };
        case 'pending':
            return { kind: 'pending', taskId: found.taskId };
        case 'delivered':
            return {
                kind: 'delivered',
                taskId: found.taskId,
                why: `its last task ${found.why ?? 'was delivered to an earlier run'}: ${deps.settings.reuse.why}`,
            };
    }
}
/** The restore: the proven, checked clip is already in place (a clip that passes its check is always restored). */
function restored(found, decision, log) {
    const { clip, held } = found;
    log(`Restored from the Actions cache; nothing was sent to FoxAPI (the cache key is in the summary's technical details).`);
    return {
        decision,
        outcome: 'succeeded',
        ...(0,_clip_end__WEBPACK_IMPORTED_MODULE_3__/* .taskFields */ .W)(clip.task, undefined),
        cacheHit: true,
        resumed: false,
        // No video-url: the cached task's URL was pre-signed when it was made and has likely expired since.
        ...(clip.path !== undefined ? { videoPath: clip.path } : {}),
        sha256: clip.sha256,
        bytes: clip.bytes,
        ...(clip.madeBy ? { madeBy: clip.madeBy } : {}),
        metadata: held.metadata,
        verification: held.verification,
    };
}


/***/ }),

/***/ 63352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ untrustedPeriod),
/* harmony export */   g: () => (/* binding */ periodSpending)
/* harmony export */ });
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);
/* harmony import */ var _records_spend_records__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76761);


/**
 * With `budget-period`: what this workflow's runs spent in the period (records that cannot be read or believed block
 * every submission), and the way to record this step's spending (a record that cannot be saved blocks the rest of the
 * step). 'unavailable' when the records cannot be kept at all: the step has failed then, before anything was sent.
 */
async function periodSpending(settings) {
    if (!settings.budget)
        return {};
    const { key, scope } = settings.budget;
    const records = _records_spend_records__WEBPACK_IMPORTED_MODULE_1__/* .SpendRecords */ .R.open({ apiKey: settings.apiKey, githubToken: settings.githubToken, budget: settings.budget });
    if (!(records instanceof _records_spend_records__WEBPACK_IMPORTED_MODULE_1__/* .SpendRecords */ .R)) {
        _log__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(records.retention
            ? `${records.unavailable}. Nothing was sent to FoxAPI.`
            : `budget-period ${settings.budget.period} keeps its spend records as artifacts of this workflow's runs, which cannot be used here: ${records.unavailable}. Nothing was sent to FoxAPI.`);
        return 'unavailable';
    }
    const reading = await records.read();
    if (reading.kind === 'untrusted') {
        _log__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Budget for ${key}: ${reading.reason}. Treated as max-credits reached: no new task is submitted.`);
        return { period: untrustedPeriod(key, reading.reason) };
    }
    _log__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Budget: ${reading.spent} credits spent in ${key} by earlier runs of ${scope} (max-credits ${settings.maxCredits ?? 'none'}).`);
    const period = { period: key, spentEarlier: reading.spent };
    period.record = async (reserved) => {
        const saved = await records.record(reserved);
        if (saved === true || period.blocked !== undefined)
            return;
        _log__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Budget for ${key}: ${saved}: max-credits counts as reached, and nothing more is submitted in this step.`);
        period.blocked = `${saved}: max-credits counts as reached for the rest of this step`;
    };
    return { period };
}
/** The period `key` whose spend records cannot be trusted (`reason`): "limit reached" for every submission. */
function untrustedPeriod(key, reason) {
    return {
        period: key,
        spentEarlier: 0,
        blocked: `the spend records of ${key} cannot be trusted (${reason}): treated as max-credits reached`,
    };
}


/***/ }),

/***/ 24815:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K9: () => (/* binding */ resumeNamedTask),
/* harmony export */   r: () => (/* binding */ checkPendingTask),
/* harmony export */   st: () => (/* binding */ submitTask),
/* harmony export */   vQ: () => (/* binding */ neverSent)
/* harmony export */ });
/* unused harmony exports CREATE_REPLY_GRACE_MS, NotSubmittedError */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _foxapi_request_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98984);
/* harmony import */ var _foxapi_task__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91294);
/* harmony import */ var _foxapi_wait_for_task__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64148);
/* harmony import */ var _security_destinations__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56769);
/* harmony import */ var _clip_decision__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(68498);
// The stage of a clip's pipeline that gets it a task: the task `task-id` names, an earlier run's task that can still
// deliver (asked of FoxAPI first), or a new one, submitted in the budget's turn. Each function returns what it
// found or made; the decision between them is decideClip's (src/run/clip-decision.ts).






/** FoxAPI keeps result URLs for 24 hours; a cached task older than this can no longer deliver its clip. */
const RESULT_URL_LIFETIME_MS = 23 * 3_600_000;
/**
 * How long a create already on the wire may still take once the run is stopped. It is never cut off at once:
 * FoxAPI may bill the task, and only its reply names it. The runner sends SIGTERM 7.5s after SIGINT and kills
 * the step a little later, so this plus a cancel must fit in that.
 */
const CREATE_REPLY_GRACE_MS = 4_000;
/** A create refused before it was sent (the clip could not be saved, the run was stopped): nothing was paid. */
class NotSubmittedError extends Error {
    name = 'NotSubmittedError';
}
/** Whether `error` says the create never left: refused here, or stopped before it was sent. */
function neverSent(error) {
    return error instanceof NotSubmittedError || (error instanceof _foxapi_request_errors__WEBPACK_IMPORTED_MODULE_0__/* .RequestError */ .GI && !error.details.mayHaveBeenProcessed);
}
/** The task `task-id` names: its state, or (when FoxAPI answers with a passing error) a task to wait on anyway. */
async function resumeNamedTask(taskId, deps, deadline, log) {
    log(`Resuming task ${taskId}; nothing new is submitted.`);
    try {
        return { task: await deps.client.getTask(taskId, { deadline, signal: deps.signal }), adopted: true, pollFirst: true };
    }
    catch (error) {
        if (!waitAnyway(error, deps))
            throw error;
        log(`${(0,_errors__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error)}; waiting on task ${taskId} anyway.`);
        return { task: { id: taskId, status: 'unknown' }, adopted: true, pollFirst: true };
    }
}
/**
 * Asks FoxAPI whether an earlier run's task for this request can still deliver: not when it ended without a clip,
 * is over a day old (its URL expired), is another model's, or is unknown to FoxAPI. A passing error says nothing
 * about the task: it is waited on like any other (the wait rides such answers out), rather than paid for again.
 * A GET, which FoxAPI does not charge for: the dry run asks it too, so its plan counts such a task as a new payment.
 */
async function checkPendingTask(taskId, model, deps, deadline, log) {
    let task;
    try {
        task = await deps.client.getTask(taskId, { deadline, signal: deps.signal });
    }
    catch (error) {
        if (error instanceof _foxapi_request_errors__WEBPACK_IMPORTED_MODULE_0__/* .RequestError */ .GI && error.details.status === 404)
            return notUsable('is unknown to FoxAPI');
        if (!waitAnyway(error, deps))
            throw error;
        log(`${(0,_errors__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error)}; waiting on task ${taskId} anyway.`);
        return { check: { usable: true }, task: { id: taskId, status: 'unknown' } };
    }
    if (task.model !== undefined && task.model !== model)
        return notUsable(`is for another model (${JSON.stringify(task.model)}), not this request's, so it is not adopted`);
    if ((0,_foxapi_task__WEBPACK_IMPORTED_MODULE_1__/* .endedWithoutClip */ .h3)(task.status))
        return notUsable(`ended ${task.status}`);
    if (task.created !== undefined && Date.now() - task.created * 1000 > RESULT_URL_LIFETIME_MS)
        return notUsable("is over a day old, so its clip's URL has expired");
    return { check: { usable: true }, task };
}
function notUsable(why) {
    return { check: { usable: false, why } };
}
/** A gateway error or a maintenance page while the run goes on: the task is waited on anyway. */
function waitAnyway(error, deps) {
    const notFound = error instanceof _foxapi_request_errors__WEBPACK_IMPORTED_MODULE_0__/* .RequestError */ .GI && error.details.status === 404;
    return !notFound && !deps.signal.aborted && (0,_foxapi_wait_for_task__WEBPACK_IMPORTED_MODULE_2__/* .isTransientDuringWait */ .Rm)(error);
}
/**
 * Submits the clip's request in the budget's turn: decideClip, told the budget's state at that moment, says
 * whether it is still a `submit`. Refused before paying when the clip could not be saved, or the run was stopped.
 */
async function submitTask(spec, facts, deps, deadline, log) {
    const request = spec.request;
    if (!request)
        throw new Error('No request to submit');
    const { settings } = deps;
    // Checked before paying (the inputs were checked at the start; a batch may start this clip much later).
    const unsafe = settings.wait && settings.download ? (0,_security_destinations__WEBPACK_IMPORTED_MODULE_3__/* .plannedDestinationProblem */ .E2)(spec.outputPath, spec.name, undefined, settings.workspace) : undefined;
    if (unsafe !== undefined)
        throw new NotSubmittedError(`Not submitted, nothing paid: the clip could not be saved (${unsafe})`);
    if (deps.signal.aborted)
        throw new NotSubmittedError('Not submitted: the run was cancelled');
    // The request's workspace files go up right before the create (src/run/upload-media.ts); before the budget's turn,
    // so a batch's uploads do not wait on each other, unless the budget is spent already (then nothing is uploaded).
    const withUploads = () => requestWithUploads({ ...spec, request }, deps, deadline, log);
    const uploaded = deps.budget.reached ? undefined : await withUploads();
    return deps.budget.inTurn(async (budgetRefusal) => {
        const decision = (0,_clip_decision__WEBPACK_IMPORTED_MODULE_5__/* .decideClip */ .d)({ ...facts, budgetRefusal });
        if (decision.action !== 'submit') {
            log(`Not submitted: ${decision.why.replace(/^not started: /, '')}.`);
            return { skipped: decision };
        }
        const body = uploaded ?? (await withUploads());
        const { task, counted } = await deps.budget.send(() => createWithGrace(body, deps, deadline, log));
        const estimate = task.task_info?.estimated_time;
        log(`Submitted task ${task.id}${estimate ? ` (estimated ${estimate}s)` : ''}.`);
        return { started: { task, adopted: false, pollFirst: false, counted }, taskId: task.id, decision };
    });
}
/** The request to send: `spec`'s, its workspace files uploaded and replaced by their URLs (none: as it is). */
async function requestWithUploads(spec, deps, deadline, log) {
    if (!spec.media?.length)
        return spec.request;
    if (!deps.uploads)
        throw new Error('Not submitted, nothing paid: the run has no way to upload workspace files');
    return deps.uploads.requestFor(spec, { deadline, signal: deps.signal }, log);
}
/**
 * Sends the create request. Stopping the run does not cut it off: FoxAPI may already be making (and billing)
 * the task, and only its reply names it. The reply is awaited for CREATE_REPLY_GRACE_MS more; if it does not
 * come, the error says a task may have been billed.
 */
async function createWithGrace(request, deps, deadline, log) {
    // Surely not sent: a budget does not count it as a create whose outcome is unknown.
    if (deps.signal.aborted)
        throw new _foxapi_request_errors__WEBPACK_IMPORTED_MODULE_0__/* .RequestError */ .GI('Not submitted: the run was cancelled', { retryable: false, mayHaveBeenProcessed: false, aborted: true });
    const inFlight = new AbortController();
    let timer;
    const onStop = () => {
        log(`The run was cancelled while the create request was in flight: waiting up to ${CREATE_REPLY_GRACE_MS / 1000}s for FoxAPI's reply, so a billed task is not lost.`);
        timer = setTimeout(() => inFlight.abort(new Error(`no reply within ${CREATE_REPLY_GRACE_MS / 1000}s of the run being cancelled`)), CREATE_REPLY_GRACE_MS);
    };
    deps.signal.addEventListener('abort', onStop, { once: true });
    try {
        return await deps.client.createTask(request, { deadline, signal: deps.signal, inFlightSignal: inFlight.signal });
    }
    catch (error) {
        if (!inFlight.signal.aborted)
            throw error;
        throw new Error(`The run was cancelled while the create request was in flight, and FoxAPI did not answer within ${CREATE_REPLY_GRACE_MS / 1000}s: ` +
            'a task may have been created and billed, but its id is unknown.', { cause: error });
    }
    finally {
        deps.signal.removeEventListener('abort', onStop);
        if (timer)
            clearTimeout(timer);
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
/* unused harmony exports REFUSED_ADDRESS_CODE, guardedLookup */
/* harmony import */ var node_dns__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40610);
/* harmony import */ var node_dns__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_dns__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24371);
/* harmony import */ var _internal_hosts__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83731);
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
    const { kind } = (0,_internal_hosts__WEBPACK_IMPORTED_MODULE_2__/* .judgeHost */ .Ii)(url.hostname);
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
    const host = (0,_internal_hosts__WEBPACK_IMPORTED_MODULE_2__/* .judgeHost */ .Ii)(url.hostname);
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
        node_dns__WEBPACK_IMPORTED_MODULE_0___default().lookup(hostname, { ...options, all: true }, (error, addresses) => {
            if (error)
                return callback(error);
            const list = addresses;
            const bad = policy.allowInternal ? undefined : list.find((a) => (0,_internal_hosts__WEBPACK_IMPORTED_MODULE_2__/* .isInternalAddress */ .Kk)(a.address));
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
    const connect = (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .buildConnector */ .gU)({ timeout: timeoutMs, lookup: guardedLookup(policy) });
    return (options, callback) => connect(options, (error, socket) => {
        if (error || !socket)
            return callback(error ?? new Error('no socket'), null);
        const address = socket.remoteAddress;
        if (!policy.allowInternal && address !== undefined && (0,_internal_hosts__WEBPACK_IMPORTED_MODULE_2__/* .isInternalAddress */ .Kk)(address)) {
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
