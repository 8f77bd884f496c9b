export const id = 958;
export const ids = [958];
export const modules = {

/***/ 50414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   downloadEntry: () => (/* binding */ downloadEntry),
/* harmony export */   isFeatureAvailable: () => (/* binding */ isFeatureAvailable),
/* harmony export */   readEntry: () => (/* binding */ readEntry),
/* harmony export */   restoreCache: () => (/* binding */ restoreCache),
/* harmony export */   saveCache: () => (/* binding */ saveCache)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _atomic_files__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(69316);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25625);
// @actions/cache, loaded on first use. It is the largest part of the bundle (the Azure storage client comes
// with it) and many runs never touch it: a bad input fails before it, `cache: false` and the post step do
// without it, and a runner without the cache service is recognised from its variables alone. ncc puts it in
// a chunk of its own beside dist/index.js; this module has the same functions src/cache/result-cache.ts uses.
// An entry is restored with downloadEntry, never with restoreCache (which unpacks with tar into the workspace).




let loaded;
const load = () => (loaded ??= Promise.all(/* import() */[__webpack_require__.e(378), __webpack_require__.e(737), __webpack_require__.e(152), __webpack_require__.e(513), __webpack_require__.e(682)]).then(__webpack_require__.bind(__webpack_require__, 38682)));
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
    return (await available()).restoreCache(...args);
}
/** @actions/cache's saveCache, loaded on first use. */
async function saveCache(...args) {
    return (await available()).saveCache(...args);
}
const STAND_IN_WARNING = 'Cache entries are not restored here: this @actions/cache is a stand-in (as @github/local-action has) that can only unpack an entry with tar into the workspace, which no entry is allowed to do. Entries are still saved.';
let standInNamed = false;
/**
 * What restoreCache does up to the download, and no further: the same version (from `paths` and the
 * compression, so entries saved by saveCache are found), the same service client (cache service v1 or v2) and
 * the same download, but no `tar -P -C <workspace>`: an entry anyone in the cache scope may have forged is
 * never unpacked by tar. Like restoreCache, a service error is a warning and a miss (undefined), never a throw.
 */
async function downloadEntry(paths, primaryKey, restoreKeys) {
    await available(); // a service that is not configured throws here, as before: the caller turns the cache off
    const read = await readEntry(paths, primaryKey, restoreKeys);
    if (read.kind === 'found')
        return read.entry;
    if (read.kind === 'failed' && read.reason !== STAND_IN_REASON && read.reason !== UNREADABLE_REASON) {
        _log__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`Failed to restore: ${read.reason}`);
    }
    return undefined;
}
const STAND_IN_REASON = 'this @actions/cache is a stand-in that cannot restore an entry safely';
const UNREADABLE_REASON = 'the effective cache-mode does not permit reads';
/**
 * downloadEntry, telling "no such entry" from "the cache could not be read" (where restoreCache answers
 * undefined for both): what the budget ledger needs, which must never take a failed read for "nothing spent".
 * Never throws; logs nothing for a failure (the caller words it).
 */
async function readEntry(paths, primaryKey, restoreKeys) {
    let module;
    try {
        module = await available();
    }
    catch (error) {
        return { kind: 'failed', reason: (0,_errors__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .bD)(error) };
    }
    if (typeof module.isFeatureAvailable !== 'function') {
        // A stand-in such as @github/local-action's keeps restoreCache and saveCache only, and its restoreCache can
        // only unpack an entry with tar into the workspace: entries are saved to it, never restored from it.
        if (!standInNamed)
            _log__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(STAND_IN_WARNING);
        standInNamed = true;
        return { kind: 'failed', reason: STAND_IN_REASON };
    }
    let folder;
    try {
        const [utils, config, client, twirp] = await Promise.all([
            __webpack_require__.e(/* import() */ 378).then(__webpack_require__.bind(__webpack_require__, 26378)),
            __webpack_require__.e(/* import() */ 253).then(__webpack_require__.bind(__webpack_require__, 65253)),
            Promise.all(/* import() */[__webpack_require__.e(378), __webpack_require__.e(737), __webpack_require__.e(152)]).then(__webpack_require__.bind(__webpack_require__, 66152)),
            Promise.all(/* import() */[__webpack_require__.e(378), __webpack_require__.e(737), __webpack_require__.e(513), __webpack_require__.e(201)]).then(__webpack_require__.bind(__webpack_require__, 99513)),
        ]);
        if (!config.isCacheReadable(config.getCacheMode())) {
            _log__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Cache restore skipped: the effective cache-mode '${config.getCacheMode()}' does not permit reads.`);
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
        if (!found)
            return { kind: 'none' };
        _log__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Cache hit for${found.key === primaryKey ? '' : ' restore-key'}: ${found.key}`);
        folder = await utils.createTempDirectory();
        const archivePath = node_path__WEBPACK_IMPORTED_MODULE_0___default().join(folder, utils.getCacheFileName(compressionMethod));
        await client.downloadCache(found.url, archivePath, { useAzureSdk: v2 }); // as restoreCache: v2 uses the Azure SDK for Azure hosts
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
        return { kind: 'failed', reason: (0,_errors__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .bD)(error) };
    }
    finally {
        if (folder !== undefined)
            await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_1__/* .removeLeftover */ .MG)(folder);
    }
}


/***/ }),

/***/ 16267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ CreditLedger)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9691);
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50414);
/* harmony import */ var _cache_key__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24950);
/* harmony import */ var _entry_proof__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(21917);
/* harmony import */ var _entry_archive__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17193);
/* harmony import */ var _atomic_files__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(69316);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(25625);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(83916);
// The credits a workflow has spent in the current period (`budget-period`), kept in the Actions cache so that
// `max-credits` can cap every run of the workflow in a day, week or month, not just one step.
//
// Cache entries are immutable (no overwrite, no delete), so the ledger is a series of entries, one per update:
//   foxapi-video-ledger-v1-<scope hash>-<period>-<time>-<random>
// each holding the period's running total as the run that wrote it computed it (what it read before
// submitting, plus what its own tasks reserved so far). One restore by the series' prefix returns the newest,
// which is the total. A new period is a new prefix, so it starts at 0.
//
// The ledger decides whether money is spent, so it is never believed blindly. An entry carries the proof of
// origin every cache entry of this action carries (src/cache/entry-proof.ts: a MAC keyed from the API key)
// over what it says and the key it was saved under: an entry forged by anyone without the API key, or an honest
// entry re-saved under a newer key to roll the total back, fails it. An entry that fails the proof, and a
// ledger that cannot be read while the cache is on, is "limit reached" (nothing submitted), never 0.
//
// The entry is never unpacked by tar: its archive is downloaded (./actions-cache.ts readEntry, which tells "no
// ledger yet" from "the cache could not be read") and its one plain file read into a fresh private folder under
// the runner's temp folder (./entry-archive.ts: links, devices, `..` and stray members refuse the entry). It is
// read once, before any clip touches the cache, so no other restore or save runs meanwhile.











const LEDGER_FILE = 'ledger.json';
const MAX_LEDGER_BYTES = 16 * 1024;
const ENTRY_KIND = 'foxapi-video credit ledger v1';
const ledgerSchema = zod__WEBPACK_IMPORTED_MODULE_9__/* .strictObject */ .rej({
    v: zod__WEBPACK_IMPORTED_MODULE_9__/* .literal */ .euz(1),
    scope: zod__WEBPACK_IMPORTED_MODULE_9__/* .string */ .YjP().max(1_000),
    period: zod__WEBPACK_IMPORTED_MODULE_9__/* .string */ .YjP().max(40),
    spent: zod__WEBPACK_IMPORTED_MODULE_9__/* .number */ .aig().finite().nonnegative(),
    run_id: zod__WEBPACK_IMPORTED_MODULE_9__/* .string */ .YjP().max(40),
    at: zod__WEBPACK_IMPORTED_MODULE_9__/* .number */ .aig().int().nonnegative(),
    proof: zod__WEBPACK_IMPORTED_MODULE_9__/* .string */ .YjP(),
});
class CreditLedger {
    api;
    apiKey;
    workspace;
    budget;
    runId;
    prefix;
    relative;
    /** The running total last saved (or read), so an unchanged total is not saved again. */
    saved;
    queue = Promise.resolve();
    constructor(api, apiKey, workspace, budget, runId) {
        this.api = api;
        this.apiKey = apiKey;
        this.workspace = workspace;
        this.budget = budget;
        this.runId = runId;
        const scope = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(budget.scope).digest('hex').slice(0, 24);
        this.prefix = `foxapi-video-ledger-v1-${scope}-${budget.key}-`;
        // The same relative path on every run: it is part of the entries' version.
        this.relative = node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.join(_cache_key__WEBPACK_IMPORTED_MODULE_4__/* .CACHE_DIRECTORY */ .vF, `ledger-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(this.prefix).digest('hex').slice(0, 16)}`);
    }
    /**
     * The ledger of `budget`, or why there can be none: the cache is off or this runner has no cache service.
     * With a period set, the caller then fails the step before submitting anything.
     */
    static open(options, module = _actions_cache__WEBPACK_IMPORTED_MODULE_3__) {
        if (!options.cache)
            return { unavailable: "'cache' is false" };
        const api = module;
        for (const name of ['isFeatureAvailable', 'readEntry', 'saveCache']) {
            if (typeof api?.[name] !== 'function')
                return { unavailable: `@actions/cache has no ${name} here` };
        }
        try {
            if (api.isFeatureAvailable() !== true)
                return { unavailable: 'the Actions cache service is not configured on this runner' };
        }
        catch (error) {
            return { unavailable: `the cache feature check failed: ${(0,_errors__WEBPACK_IMPORTED_MODULE_10__/* .messageOf */ .bD)(error)}` };
        }
        return new CreditLedger(api, options.apiKey, options.workspace, options.budget, options.runId ?? '');
    }
    /** The period's total so far; never 0 for a ledger that is there but cannot be read or believed. */
    async read() {
        if (this.apiKey === '')
            return { kind: 'untrusted', reason: "no 'api-key' to check the ledger's proof with" };
        const found = await this.api.readEntry([this.relative], this.prefix, [this.prefix]);
        if (found.kind === 'failed')
            return { kind: 'untrusted', reason: `the ledger could not be read (${found.reason})` };
        if (found.kind === 'none') {
            this.saved = 0;
            return { kind: 'read', spent: 0 };
        }
        const { matchedKey: matched } = found.entry;
        try {
            if (typeof matched !== 'string' || !matched.startsWith(this.prefix)) {
                await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_7__/* .removeLeftover */ .MG)(found.entry.folder);
                return { kind: 'untrusted', reason: 'the cache answered with another key' };
            }
            return await (0,_entry_archive__WEBPACK_IMPORTED_MODULE_6__/* .withUnpackedEntry */ .yZ)(found.entry, this.relative, new Map([[LEDGER_FILE, MAX_LEDGER_BYTES]]), (files) => this.believe(matched, files));
        }
        catch (error) {
            const why = error instanceof _entry_archive__WEBPACK_IMPORTED_MODULE_6__/* .RefusedEntryError */ .No ? `the entry ${matched} is refused: ${error.message}` : (0,_errors__WEBPACK_IMPORTED_MODULE_10__/* .messageOf */ .bD)(error);
            return { kind: 'untrusted', reason: `the ledger could not be read (${why})` };
        }
    }
    /** What the ledger entry `matched` says, read from its unpacked files, if its proof holds. */
    async believe(matched, files) {
        const file = files.get(LEDGER_FILE);
        if (!file)
            return { kind: 'untrusted', reason: `the ledger entry ${matched} has no ${LEDGER_FILE}` };
        const entry = ledgerSchema.safeParse(await (0,_entry_archive__WEBPACK_IMPORTED_MODULE_6__/* .readEntryJson */ .zV)(file.path, LEDGER_FILE, MAX_LEDGER_BYTES));
        if (!entry.success)
            return { kind: 'untrusted', reason: `the ledger entry ${matched} is not a ledger` };
        const { proof, ...fields } = entry.data;
        if (!(0,_entry_proof__WEBPACK_IMPORTED_MODULE_5__/* .isProvenEntry */ .X)(this.apiKey, { kind: ENTRY_KIND, key: matched, ...fields }, proof) || fields.scope !== this.budget.scope) {
            return {
                kind: 'untrusted',
                reason: `the ledger entry ${matched} fails its proof of origin (not written by this action with this API key)`,
            };
        }
        this.saved = fields.spent;
        return { kind: 'read', spent: fields.spent };
    }
    /**
     * Adds a new entry holding `total`, the period's running total, unless it is the total last saved. Saves run
     * one after another; never rejects (a failed save is a warning: the next run then counts less).
     */
    record(total) {
        this.queue = this.queue.then(() => this.save(total));
        return this.queue;
    }
    async save(total) {
        if (total === this.saved)
            return;
        const key = `${this.prefix}${Date.now()}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
        const fields = { v: 1, scope: this.budget.scope, period: this.budget.key, spent: total, run_id: this.runId, at: Date.now() };
        const absolute = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.workspace, this.relative);
        try {
            // As for clips (src/cache/result-cache.ts): the staging folder is used only when it is a plain folder, never
            // through a link or in place of a file.
            const problem = await (0,_cache_key__WEBPACK_IMPORTED_MODULE_4__/* .stagingFolderProblem */ .P1)(this.workspace);
            if (problem !== undefined)
                throw new Error(problem);
            await (0,_cache_key__WEBPACK_IMPORTED_MODULE_4__/* .freshEntryFolder */ .RW)(this.workspace, this.relative);
            const proof = (0,_entry_proof__WEBPACK_IMPORTED_MODULE_5__/* .proveEntry */ .f)(this.apiKey, { kind: ENTRY_KIND, key, ...fields });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(absolute, LEDGER_FILE), JSON.stringify({ ...fields, proof }));
            const id = await this.api.saveCache([this.relative], key);
            if (typeof id === 'number' && id !== -1) {
                this.saved = total;
                _log__WEBPACK_IMPORTED_MODULE_8__/* .info */ .pq(`Budget ledger (${this.budget.key}): ${total} credits spent in the period, saved as ${key}.`);
            }
            else
                _log__WEBPACK_IMPORTED_MODULE_8__/* .warning */ .$e(`Could not save the budget ledger entry ${key}: later runs in ${this.budget.key} will not count these credits.`);
        }
        catch (error) {
            _log__WEBPACK_IMPORTED_MODULE_8__/* .warning */ .$e(`Could not save the budget ledger entry ${key} (${(0,_errors__WEBPACK_IMPORTED_MODULE_10__/* .messageOf */ .bD)(error)}): later runs in ${this.budget.key} will not count these credits.`);
        }
        finally {
            await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_7__/* .removeLeftover */ .MG)(absolute);
        }
    }
}


/***/ }),

/***/ 17193:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   No: () => (/* binding */ RefusedEntryError),
/* harmony export */   yZ: () => (/* binding */ withUnpackedEntry),
/* harmony export */   zV: () => (/* binding */ readEntryJson)
/* harmony export */ });
/* unused harmony export unpackEntry */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_8___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_8__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(56118);
/* harmony import */ var _security_visible_text__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(52966);
/* harmony import */ var _foxapi_http__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(74539);
/* harmony import */ var _atomic_files__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(69316);
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
    for (let at = folder; at !== '.' && at !== ''; at = node_path__WEBPACK_IMPORTED_MODULE_5___default().posix.dirname(at))
        folders.add(at);
    const budget = [...allowed.values()].reduce((sum, bytes) => sum + bytes, STRUCTURE_BYTES);
    let members = 0;
    const reader = (0,tar_stream__WEBPACK_IMPORTED_MODULE_9__.extract)();
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
        const base = node_path__WEBPACK_IMPORTED_MODULE_5___default().posix.basename(name);
        const cap = allowed.get(base);
        if (node_path__WEBPACK_IMPORTED_MODULE_5___default().posix.dirname(name) !== folder || cap === undefined)
            return refuse(`is not a file this action saves`);
        if (files.has(base))
            return refuse('appears twice');
        if (header.size > cap)
            return refuse(`is ${header.size} bytes, over the ${cap} allowed`);
        const target = node_path__WEBPACK_IMPORTED_MODULE_5___default().join(into, base);
        writeMember(stream, target, cap).then((written) => {
            files.set(base, written);
            next();
        }, (error) => next(error instanceof Error ? error : new Error(String(error))));
    });
    let seen = 0;
    const meter = new node_stream__WEBPACK_IMPORTED_MODULE_6__.Transform({
        transform(chunk, _encoding, callback) {
            seen += chunk.length;
            if (seen > budget)
                callback(new RefusedEntryError(`it unpacks to more than ${budget} bytes`));
            else
                callback(null, chunk);
        },
    });
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_7__.pipeline)(decompressed(archive), meter, reader);
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
    return JSON.stringify((0,_security_visible_text__WEBPACK_IMPORTED_MODULE_12__/* .makeVisible */ .Xm)((0,_security_visible_text__WEBPACK_IMPORTED_MODULE_12__/* .capText */ .yA)(name, 120)));
}
/** Writes one member to a new file (never through a link), counting and hashing its bytes. */
async function writeMember(stream, target, cap) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.open)(target, node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_EXCL | node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_NOFOLLOW, 0o600);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256');
    let bytes = 0;
    try {
        for await (const data of stream) {
            const chunk = data;
            bytes += chunk.length;
            if (bytes > cap)
                throw new RefusedEntryError(`its member ${node_path__WEBPACK_IMPORTED_MODULE_5___default().basename(target)} is over the ${cap} bytes allowed`);
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
    const file = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createReadStream)(archivePath, { highWaterMark: CHUNK_BYTES });
    if (compression === 'gzip')
        return file.pipe(node_zlib__WEBPACK_IMPORTED_MODULE_8___default().createGunzip({ chunkSize: CHUNK_BYTES }));
    if (typeof (node_zlib__WEBPACK_IMPORTED_MODULE_8___default().createZstdDecompress) === 'function')
        return file.pipe(node_zlib__WEBPACK_IMPORTED_MODULE_8___default().createZstdDecompress({ chunkSize: CHUNK_BYTES }));
    file.destroy();
    // @actions/cache made a zstd archive only because zstd(1) is on this runner.
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('zstd', ['-d', '-c', '-q', '--', archivePath], { stdio: ['ignore', 'pipe', 'ignore'] });
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
        into = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_5___default().join(process.env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_4___default().tmpdir(), 'foxapi-video-entry-'));
        return await use(await unpackEntry(entry, folder, into, allowed));
    }
    finally {
        if (into !== undefined)
            await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_11__/* .removeLeftover */ .MG)(into);
        await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_11__/* .removeLeftover */ .MG)(entry.folder);
    }
}
/**
 * A small JSON file of an unpacked entry, opened without following a link and read up to `maxBytes`. What it
 * holds never appears in an error: a file that is not JSON is named (`name`), not quoted.
 */
async function readEntryJson(file, name, maxBytes) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.open)(file, node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_NOFOLLOW);
    try {
        const stat = await handle.stat();
        if (!stat.isFile() || stat.size > maxBytes)
            throw new Error(`${name} is not a small plain file`);
        const buffer = Buffer.alloc(stat.size);
        const { bytesRead } = await handle.read(buffer, 0, stat.size, 0);
        const parsed = (0,_foxapi_http__WEBPACK_IMPORTED_MODULE_10__/* .parseJsonSafely */ .s$)(buffer.subarray(0, bytesRead).toString('utf8'));
        if (parsed === undefined)
            throw new Error(`${name} is not JSON`);
        return parsed;
    }
    finally {
        await handle.close();
    }
}


/***/ }),

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

/***/ 50206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ ResultCache)
/* harmony export */ });
/* unused harmony exports clipFields, pendingFields */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(9691);
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50414);
/* harmony import */ var _atomic_files__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(69316);
/* harmony import */ var _cache_key__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(24950);
/* harmony import */ var _entry_proof__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(21917);
/* harmony import */ var _entry_archive__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(17193);
/* harmony import */ var _foxapi_download__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(80211);
/* harmony import */ var _security_destinations__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(56769);
/* harmony import */ var _run_origin__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(91069);
/* harmony import */ var _secrets__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(27194);
/* harmony import */ var _security_task_id__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(18571);
/* harmony import */ var _foxapi_task__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(91294);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(25625);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(83916);
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

















const CLIP_FILE = 'clip.mp4';
const TASK_FILE = 'task.json';
const META_FILE = 'meta.json';
const PENDING_FILE = 'pending-task.json';
/** The end of a delivered note's key (peek tells it from a pending task by its key alone). */
const DELIVERED_SUFFIX = '-delivered';
/** Largest JSON file an entry may hold (the task JSON is a few KiB). */
const MAX_JSON_BYTES = 64 * 1024;
function cacheApi(module = _actions_cache__WEBPACK_IMPORTED_MODULE_3__) {
    const api = module;
    for (const name of ['isFeatureAvailable', 'restoreCache', 'downloadEntry', 'saveCache']) {
        if (typeof api?.[name] !== 'function')
            return `@actions/cache has no ${name} here`;
    }
    return api;
}
/** meta.json of a clip entry: what the proof covers, besides the task JSON's bytes. */
const clipMetaSchema = zod__WEBPACK_IMPORTED_MODULE_15__/* .object */ .Ikc({
    taskId: zod__WEBPACK_IMPORTED_MODULE_15__/* .string */ .YjP().catch(''),
    sha256: zod__WEBPACK_IMPORTED_MODULE_15__/* .string */ .YjP().catch(''),
    madeBy: zod__WEBPACK_IMPORTED_MODULE_15__/* .unknown */ .L5J().optional(),
    proof: zod__WEBPACK_IMPORTED_MODULE_15__/* .unknown */ .L5J().optional(),
});
/** pending-task.json of a pending entry (a field of the wrong shape fails the proof, not the parse). */
const pendingSchema = zod__WEBPACK_IMPORTED_MODULE_15__/* .object */ .Ikc({
    taskId: zod__WEBPACK_IMPORTED_MODULE_15__/* .unknown */ .L5J().optional(),
    model: zod__WEBPACK_IMPORTED_MODULE_15__/* .string */ .YjP().max(200).catch(''),
    delivered: zod__WEBPACK_IMPORTED_MODULE_15__/* .boolean */ .zMY().catch(false).default(false),
    proof: zod__WEBPACK_IMPORTED_MODULE_15__/* .unknown */ .L5J().optional(),
});
class ResultCache {
    workspace;
    options;
    disabledBecause;
    api;
    /** The last operation queued per key: each key's operations run one at a time. */
    queues = new Map();
    /** The staging folder's check, made once before the first lookup or save. */
    stagingChecked;
    constructor(enabled, workspace, options, module = _actions_cache__WEBPACK_IMPORTED_MODULE_3__) {
        this.workspace = workspace;
        this.options = options;
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
                this.turnOff(`the cache feature check failed: ${(0,_errors__WEBPACK_IMPORTED_MODULE_16__/* .messageOf */ .bD)(error)}`);
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
            const problem = await (0,_cache_key__WEBPACK_IMPORTED_MODULE_5__/* .stagingFolderProblem */ .P1)(this.workspace);
            if (problem !== undefined)
                this.turnOff(problem);
        })().catch((error) => this.turnOff(`the staging folder ${_cache_key__WEBPACK_IMPORTED_MODULE_5__/* .CACHE_DIRECTORY */ .vF} cannot be used (${(0,_errors__WEBPACK_IMPORTED_MODULE_16__/* .messageOf */ .bD)(error)})`));
        return this.stagingChecked;
    }
    /**
     * Looks for the clip or a pending task of `key`. A clip is copied to `destination(task)`; with `wantClip`
     * false (the run does not download), a cached clip is passed over and only a pending task is reported. With
     * `runId` (`reuse: run`) only the clip saved for that workflow run is served.
     */
    async lookup(key, destination, wantClip, runId) {
        if (!this.enabled)
            return undefined;
        await this.checkStaging();
        if (!this.enabled)
            return undefined;
        return this.serialised(key, () => this.lookupNow(key, destination, wantClip, runId));
    }
    async lookupNow(key, destination, wantClip, runId) {
        const { relative } = this.directoryFor(key);
        const clipKey = (0,_cache_key__WEBPACK_IMPORTED_MODULE_5__/* .clipEntryKey */ .m8)(key, runId);
        const downloaded = await this.attempt('restore', (api) => api.downloadEntry([relative], clipKey, [`${key}-pending-`]));
        if (!downloaded)
            return undefined;
        const matched = downloaded.matchedKey;
        const isClip = matched === clipKey;
        const allowed = isClip
            ? new Map([
                [CLIP_FILE, this.options.maxClipBytes],
                [TASK_FILE, MAX_JSON_BYTES],
                [META_FILE, MAX_JSON_BYTES],
            ])
            : new Map([[PENDING_FILE, MAX_JSON_BYTES]]);
        try {
            if ((!isClip && !matched.startsWith(`${key}-pending-`)) || (isClip && !wantClip)) {
                await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_4__/* .removeLeftover */ .MG)(downloaded.folder);
                return undefined;
            }
            return await (0,_entry_archive__WEBPACK_IMPORTED_MODULE_7__/* .withUnpackedEntry */ .yZ)(downloaded, relative, allowed, (files) => isClip ? this.readClip(clipKey, files, destination) : this.readPending(key, matched, files, runId !== undefined));
        }
        catch (error) {
            if (error instanceof _entry_archive__WEBPACK_IMPORTED_MODULE_7__/* .RefusedEntryError */ .No)
                _log__WEBPACK_IMPORTED_MODULE_14__/* .warning */ .$e(`Cache entry ${matched} refused: ${error.message}; nothing of it was written, and it is not used.`);
            else
                _log__WEBPACK_IMPORTED_MODULE_14__/* .warning */ .$e(`Cache entry ${matched} could not be used (${(0,_errors__WEBPACK_IMPORTED_MODULE_16__/* .messageOf */ .bD)(error)}); going on without it.`);
            return undefined;
        }
    }
    /**
     * What the cache holds for `key`, without restoring or saving anything (the dry run's question): the clip,
     * a pending task of an earlier run, nothing, or undefined when the cache is off or cannot be asked. Nothing is
     * downloaded, so an entry's proof is not checked here: the run that restores it checks it.
     */
    async peek(key, runId) {
        if (!this.enabled)
            return undefined;
        const { relative } = this.directoryFor(key);
        const clipKey = (0,_cache_key__WEBPACK_IMPORTED_MODULE_5__/* .clipEntryKey */ .m8)(key, runId);
        const matched = await this.attempt('restore', (api) => api.restoreCache([relative], clipKey, [`${key}-pending-`], { lookupOnly: true }));
        if (!this.enabled)
            return undefined;
        if (matched === clipKey)
            return 'clip';
        if (!matched?.startsWith(`${key}-pending-`))
            return 'none';
        return matched.endsWith(DELIVERED_SUFFIX) && runId !== undefined ? 'none' : 'pending';
    }
    /** An entry's claim, believed only with its proof; warns (naming the entry, never its contents) when it fails. */
    proven(entryKey, fields, proof) {
        if (fields !== undefined && (0,_entry_proof__WEBPACK_IMPORTED_MODULE_6__/* .isProvenEntry */ .X)(this.options.apiKey, fields, proof))
            return true;
        _log__WEBPACK_IMPORTED_MODULE_14__/* .warning */ .$e(`Cache entry ${entryKey} is ignored: its proof does not match (it was saved under another API key, or not by this action for this request). It is not deleted.`);
        return false;
    }
    /** `key` is the key the clip was saved under (the request's, or its `reuse: run` key): the proof covers it. */
    async readClip(key, files, destination) {
        const clipFile = files.get(CLIP_FILE);
        const taskFile = files.get(TASK_FILE);
        const metaFile = files.get(META_FILE);
        if (!clipFile || !taskFile || !metaFile)
            throw new Error('the entry lacks a file a clip entry has');
        const meta = clipMetaSchema.safeParse(await (0,_entry_archive__WEBPACK_IMPORTED_MODULE_7__/* .readEntryJson */ .zV)(metaFile.path, META_FILE, MAX_JSON_BYTES));
        if (!meta.success)
            throw new Error(`${META_FILE} is not a clip record`);
        const madeBy = meta.data.madeBy === undefined ? undefined : _run_origin__WEBPACK_IMPORTED_MODULE_10__/* .runOriginSchema */ .dB.safeParse(meta.data.madeBy);
        // A record of the wrong shape is not one this action wrote: it fails its proof like any other forgery.
        const fields = madeBy?.success === false ? undefined : clipFields(key, meta.data.taskId, meta.data.sha256, taskFile.sha256, madeBy?.data);
        if (!this.proven(key, fields, meta.data.proof))
            return undefined;
        const task = _foxapi_task__WEBPACK_IMPORTED_MODULE_13__/* .taskSchema */ .v.safeParse(await (0,_entry_archive__WEBPACK_IMPORTED_MODULE_7__/* .readEntryJson */ .zV)(taskFile.path, TASK_FILE, MAX_JSON_BYTES));
        if (!task.success || task.data.id !== meta.data.taskId)
            throw new Error(`${TASK_FILE} is not the task of this entry`);
        // The clip restored is the clip proven: checked before it is copied anywhere.
        if (clipFile.sha256 !== meta.data.sha256)
            throw new Error(`the clip of ${key} does not match its proven checksum`);
        const target = destination(task.data);
        // The clip goes where a download would: checked again once its folder exists and right before the rename.
        const copied = await (0,_foxapi_download__WEBPACK_IMPORTED_MODULE_8__/* .copyFileAtomically */ .T)(clipFile.path, target, () => (0,_security_destinations__WEBPACK_IMPORTED_MODULE_9__/* .recheckDestination */ .iW)(target, this.workspace));
        if (copied.sha256 !== meta.data.sha256) {
            await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_4__/* .removeLeftover */ .MG)(target);
            throw new Error(`the restored clip of ${key} does not match its checksum`);
        }
        const clip = { task: task.data, path: target, sha256: copied.sha256, bytes: copied.bytes };
        const origin = madeBy?.data && (0,_run_origin__WEBPACK_IMPORTED_MODULE_10__/* .runOfThisRepository */ .T0)(madeBy.data);
        if (origin)
            clip.madeBy = origin;
        return { kind: 'clip', clip };
    }
    async readPending(key, entryKey, files, perRun) {
        const file = files.get(PENDING_FILE);
        if (!file)
            throw new Error(`the entry has no ${PENDING_FILE}`);
        const record = pendingSchema.safeParse(await (0,_entry_archive__WEBPACK_IMPORTED_MODULE_7__/* .readEntryJson */ .zV)(file.path, PENDING_FILE, MAX_JSON_BYTES));
        if (!record.success)
            throw new Error(`${PENDING_FILE} is not a pending-task record`);
        const { taskId, model, delivered, proof } = record.data;
        if (!(0,_security_task_id__WEBPACK_IMPORTED_MODULE_12__/* .isValidTaskId */ .RQ)(taskId)) {
            _log__WEBPACK_IMPORTED_MODULE_14__/* .warning */ .$e(`Cache entry ${entryKey} holds no valid task id (${(0,_security_task_id__WEBPACK_IMPORTED_MODULE_12__/* .describeBadTaskId */ .L)(taskId)}); going on without it.`);
            return undefined;
        }
        if (!this.proven(entryKey, pendingFields(key, entryKey, taskId, model, delivered), proof))
            return undefined;
        // Delivered: under `reuse: run` the task is never handed out again. Under `reuse: request` its clip may be
        // served to any run of the request, so the task is collected again (free) as a pending one would be: the
        // clip entry itself is missing here (its save failed, or that run did not download).
        if (delivered && perRun)
            return { kind: 'delivered', taskId };
        return { kind: 'pending', taskId, model };
    }
    /** Saves a downloaded clip with its final task JSON under `key` (with `runId`, for that workflow run only). */
    async saveClip(key, task, clipPath, sha256, runId) {
        const entryKey = (0,_cache_key__WEBPACK_IMPORTED_MODULE_5__/* .clipEntryKey */ .m8)(key, runId);
        await this.save(key, entryKey, async (directory) => {
            // A hard link costs no copy; a copy is the fallback (another file system, or no links there).
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(clipPath, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(directory, CLIP_FILE)).catch(() => (0,_foxapi_download__WEBPACK_IMPORTED_MODULE_8__/* .copyFileAtomically */ .T)(clipPath, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(directory, CLIP_FILE)));
            // Only the known task fields (taskSchema projects them), and never the key, even echoed by a server.
            const taskJson = (0,_secrets__WEBPACK_IMPORTED_MODULE_11__/* .redact */ .E)(JSON.stringify(_foxapi_task__WEBPACK_IMPORTED_MODULE_13__/* .taskSchema */ .v.parse(task)));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(directory, TASK_FILE), taskJson, { flag: 'wx' });
            const madeBy = await (0,_run_origin__WEBPACK_IMPORTED_MODULE_10__/* .currentRun */ .xh)();
            const taskSha256 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(taskJson).digest('hex');
            const proof = (0,_entry_proof__WEBPACK_IMPORTED_MODULE_6__/* .proveEntry */ .f)(this.options.apiKey, clipFields(entryKey, task.id, sha256, taskSha256, madeBy));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(directory, META_FILE), JSON.stringify({ taskId: task.id, sha256, madeBy, proof }), { flag: 'wx' });
        });
    }
    /** Records a just-submitted task, so a re-run of a timed-out or cancelled job resumes it instead of paying again. */
    async savePendingTaskId(key, taskId, model) {
        // Entries are immutable: each submission gets its own key (time, then random: two in one millisecond
        // still differ); lookup picks the newest by prefix.
        await this.savePendingRecord(key, taskId, model, false);
    }
    /**
     * Records that the clip of `taskId` was delivered (handed to this run's later steps), so that under `reuse: run`
     * no later run adopts that task again: a newer, proven entry in the request's pending series.
     */
    async saveDelivered(key, taskId, model) {
        await this.savePendingRecord(key, taskId, model, true);
    }
    async savePendingRecord(key, taskId, model, delivered) {
        const entryKey = `${key}-pending-${Date.now()}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}${delivered ? DELIVERED_SUFFIX : ''}`;
        const proof = (0,_entry_proof__WEBPACK_IMPORTED_MODULE_6__/* .proveEntry */ .f)(this.options.apiKey, pendingFields(key, entryKey, taskId, model, delivered));
        await this.save(key, entryKey, (directory) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(directory, PENDING_FILE), (0,_secrets__WEBPACK_IMPORTED_MODULE_11__/* .redact */ .E)(JSON.stringify({ taskId, model, delivered, proof })), { flag: 'wx' }));
    }
    /** Never rejects: a cache that fails is a warning, and the clip's result stands. */
    async save(key, entryKey, stage) {
        if (!this.enabled)
            return;
        await this.checkStaging();
        await this.serialised(key, () => this.saveNow(key, entryKey, stage)).catch((error) => {
            _log__WEBPACK_IMPORTED_MODULE_14__/* .warning */ .$e(`Could not save the cache entry ${entryKey} (${(0,_errors__WEBPACK_IMPORTED_MODULE_16__/* .messageOf */ .bD)(error)}); going on without it.`);
        });
    }
    async saveNow(key, entryKey, stage) {
        if (!this.enabled)
            return;
        const { relative, absolute } = this.directoryFor(key);
        try {
            // The staging folder was checked (a plain folder); its entry folder is made anew and checked the same way.
            await stage(await (0,_cache_key__WEBPACK_IMPORTED_MODULE_5__/* .freshEntryFolder */ .RW)(this.workspace, relative));
            const id = await this.attempt('save', (api) => api.saveCache([relative], entryKey));
            // saveCache reports its own failures (and returns -1) rather than throwing. For a key no one else can
            // have taken, that means the service is in trouble: stop using it for this run.
            if (typeof id === 'number' && id !== -1)
                _log__WEBPACK_IMPORTED_MODULE_14__/* .info */ .pq(`Saved to the Actions cache as ${entryKey}.`);
            else if (entryKey.startsWith(`${key}-pending-`))
                this.turnOff(`saving ${entryKey} failed`);
        }
        catch (error) {
            _log__WEBPACK_IMPORTED_MODULE_14__/* .warning */ .$e(`Could not stage the cache entry ${entryKey} (${(0,_errors__WEBPACK_IMPORTED_MODULE_16__/* .messageOf */ .bD)(error)}); going on without it.`);
        }
        finally {
            await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_4__/* .removeLeftover */ .MG)(absolute);
        }
    }
    /** The entry's directory: the same relative path on every run (it is part of the entry's version). */
    directoryFor(key) {
        const relative = node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.join(_cache_key__WEBPACK_IMPORTED_MODULE_5__/* .CACHE_DIRECTORY */ .vF, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('hex').slice(0, 16));
        return { relative, absolute: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.workspace, relative) };
    }
    async attempt(what, operation) {
        if (!this.enabled || !this.api)
            return undefined;
        try {
            return await operation(this.api);
        }
        catch (error) {
            this.turnOff(`${what} failed: ${(0,_errors__WEBPACK_IMPORTED_MODULE_16__/* .messageOf */ .bD)(error)}`);
            return undefined;
        }
    }
    turnOff(reason) {
        if (this.disabledBecause !== undefined)
            return;
        this.disabledBecause = reason;
        _log__WEBPACK_IMPORTED_MODULE_14__/* .warning */ .$e(`Result cache off for this run (${reason}); going on without it.`);
    }
}
/** What a clip entry's proof covers: the request's cache key, the task, the clip's and the task JSON's SHA-256, the run. */
function clipFields(cacheKey, taskId, sha256, taskSha256, madeBy) {
    return { entry: 'clip', cacheKey, taskId, sha256, taskSha256, madeBy: madeBy === undefined ? null : (0,_cache_key__WEBPACK_IMPORTED_MODULE_5__/* .canonicalJson */ .dj)(madeBy) };
}
/**
 * What a pending or delivered entry's proof covers: the request's cache key, the key the entry was saved under,
 * the task submitted for it, the request's model, and whether the task's clip was delivered.
 */
function pendingFields(cacheKey, entryKey, taskId, model, delivered = false) {
    return { entry: 'pending', cacheKey, entryKey, taskId, model, delivered };
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
        await options.inspect?.(partial.tempPath);
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
            await writeKeepingWhatArrived(response.body, meter, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(partial.tempPath, { flags: resumed ? 'a' : 'w' }));
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
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(83916);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25625);
/* harmony import */ var _outputs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65468);
/* harmony import */ var _secrets__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27194);
/* harmony import */ var _security_destinations__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(56769);
/* harmony import */ var _security_workspace_files__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(88145);
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
    const check = workspace !== undefined && (0,_security_workspace_files__WEBPACK_IMPORTED_MODULE_7__/* .placeOf */ .$t)(file, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace)) !== 'outside'
        ? () => (0,_security_destinations__WEBPACK_IMPORTED_MODULE_6__/* .recheckResultsFile */ .sD)(file, workspace)
        : () => undefined;
    check();
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
    check();
    const temporary = (0,_atomic_files__WEBPACK_IMPORTED_MODULE_2__/* .temporaryPathFor */ .ub)(file);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(temporary, `${(0,_secrets__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(JSON.stringify(rows, null, 2))}\n`, { flag: 'wx' });
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
        (0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .setOutputSafely */ .UD)('results-file', file);
    }
    catch (error) {
        _log__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Could not write the results file ${file} (${(0,_errors__WEBPACK_IMPORTED_MODULE_8__/* .messageOf */ .bD)(error)}).`);
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
