export const id = 971;
export const ids = [971];
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
/* harmony import */ var _staging__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3511);
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
        this.relative = node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.join(_staging__WEBPACK_IMPORTED_MODULE_4__/* .CACHE_DIRECTORY */ .vF, `ledger-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(this.prefix).digest('hex').slice(0, 16)}`);
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
            const problem = await (0,_staging__WEBPACK_IMPORTED_MODULE_4__/* .stagingFolderProblem */ .P1)(this.workspace);
            if (problem !== undefined)
                throw new Error(problem);
            await (0,_staging__WEBPACK_IMPORTED_MODULE_4__/* .freshEntryFolder */ .RW)(this.workspace, this.relative);
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
/* harmony import */ var _cache_key__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24950);
/* harmony import */ var _staging__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3511);
/* harmony import */ var _entry_proof__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(21917);
/* harmony import */ var _entry_archive__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(17193);
/* harmony import */ var _atomic_files__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(69316);
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
            const problem = await (0,_staging__WEBPACK_IMPORTED_MODULE_5__/* .stagingFolderProblem */ .P1)(this.workspace);
            if (problem !== undefined)
                this.turnOff(problem);
        })().catch((error) => this.turnOff(`the staging folder ${_staging__WEBPACK_IMPORTED_MODULE_5__/* .CACHE_DIRECTORY */ .vF} cannot be used (${(0,_errors__WEBPACK_IMPORTED_MODULE_16__/* .messageOf */ .bD)(error)})`));
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
        const clipKey = (0,_cache_key__WEBPACK_IMPORTED_MODULE_4__/* .clipEntryKey */ .m8)(key, runId);
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
                await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_8__/* .removeLeftover */ .MG)(downloaded.folder);
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
        const clipKey = (0,_cache_key__WEBPACK_IMPORTED_MODULE_4__/* .clipEntryKey */ .m8)(key, runId);
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
        const copied = await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_8__/* .copyFileAtomically */ .TF)(clipFile.path, target, () => (0,_security_destinations__WEBPACK_IMPORTED_MODULE_9__/* .recheckDestination */ .iW)(target, this.workspace));
        if (copied.sha256 !== meta.data.sha256) {
            await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_8__/* .removeLeftover */ .MG)(target);
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
        const entryKey = (0,_cache_key__WEBPACK_IMPORTED_MODULE_4__/* .clipEntryKey */ .m8)(key, runId);
        await this.save(key, entryKey, async (directory) => {
            // A hard link costs no copy; a copy is the fallback (another file system, or no links there).
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(clipPath, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(directory, CLIP_FILE)).catch(() => (0,_atomic_files__WEBPACK_IMPORTED_MODULE_8__/* .copyFileAtomically */ .TF)(clipPath, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(directory, CLIP_FILE)));
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
            await stage(await (0,_staging__WEBPACK_IMPORTED_MODULE_5__/* .freshEntryFolder */ .RW)(this.workspace, relative));
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
            await (0,_atomic_files__WEBPACK_IMPORTED_MODULE_8__/* .removeLeftover */ .MG)(absolute);
        }
    }
    /** The entry's directory: the same relative path on every run (it is part of the entry's version). */
    directoryFor(key) {
        const relative = node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.join(_staging__WEBPACK_IMPORTED_MODULE_5__/* .CACHE_DIRECTORY */ .vF, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('hex').slice(0, 16));
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
    return { entry: 'clip', cacheKey, taskId, sha256, taskSha256, madeBy: madeBy === undefined ? null : (0,_cache_key__WEBPACK_IMPORTED_MODULE_4__/* .canonicalJson */ .dj)(madeBy) };
}
/**
 * What a pending or delivered entry's proof covers: the request's cache key, the key the entry was saved under,
 * the task submitted for it, the request's model, and whether the task's clip was delivered.
 */
function pendingFields(cacheKey, entryKey, taskId, model, delivered = false) {
    return { entry: 'pending', cacheKey, entryKey, taskId, model, delivered };
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

/***/ 13890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ verificationText),
/* harmony export */   o: () => (/* binding */ isSuccess)
/* harmony export */ });
/** The `verify` field of a results row: `passed`, `mismatch: …` or `skipped` (also when there is no file). */
function verificationText(verification) {
    if (!verification)
        return 'skipped';
    return verification.status === 'mismatch' ? `mismatch: ${verification.mismatches.join('; ')}` : verification.status;
}
function isSuccess(result) {
    return result.outcome === 'succeeded' || result.outcome === 'submitted';
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
/* harmony import */ var _clip_result__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13890);


function toResultRow(result) {
    return {
        name: result.name,
        task_id: result.taskId ?? '',
        status: result.status,
        outcome: result.outcome,
        video_url: result.videoUrl ?? '',
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
        verify: (0,_clip_result__WEBPACK_IMPORTED_MODULE_1__/* .verificationText */ .n)(result.verification),
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

/***/ 57994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   Sy: () => (/* binding */ writeSummary)
/* harmony export */ });
/* unused harmony exports renderSummary, escapeHtml */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96251);
/* harmony import */ var _clip_clip_shape__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49018);
/* harmony import */ var _run_origin__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91069);
/* harmony import */ var _secrets__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27194);
/* harmony import */ var _security_visible_text__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(52966);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(61266);
/* harmony import */ var _outputs__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(65468);
// The job summary's HTML: a table of clips (or of one clip's fields), credits and notes about the run. Every
// piece of outside text goes through cell() (one line of inert, escaped text), so no blank line can end a table
// and no markup renders; the whole text is scrubbed of secrets once more and kept under the summary's limit.







/** Longest text in one summary cell, before escaping. */
const MAX_CELL_CHARS = 2_000;
const OUTCOME_ICONS = {
    succeeded: '✅',
    submitted: '📨',
    failed: '❌',
    'timed-out': '⏱️',
    stopped: '🛑',
    skipped: '⏭️',
};
/**
 * Writes the job summary. Never throws: without GITHUB_STEP_SUMMARY (a local run, an old runner) or when the
 * write fails, it warns and the run's result stands.
 */
async function writeSummary(results, options) {
    await (0,_actions_io__WEBPACK_IMPORTED_MODULE_4__/* .writeSummaryHtml */ .Lv)(renderSummary(results, options));
}
/**
 * The summary's HTML, redacted, at most `maxBytes`: in a batch, rows that do not fit are left out with a note.
 * Exported for tests.
 */
function renderSummary(results, options, maxBytes = _actions_io__WEBPACK_IMPORTED_MODULE_4__/* .MAX_SUMMARY_BYTES */ .Q0) {
    for (let shown = results.length;; shown = Math.max(0, Math.min(shown - 1, Math.floor(shown * 0.9)))) {
        const text = (0,_secrets__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E)(summaryText(results, options, shown));
        if (Buffer.byteLength(text) <= maxBytes || shown === 0)
            return text;
    }
}
function summaryText(results, options, shown) {
    const summary = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.emptyBuffer().addHeading('FoxAPI video', 2);
    if (options.batch || results.length > 1) {
        summary.addTable([
            [
                { data: 'Clip', header: true },
                { data: 'Status', header: true },
                { data: 'Task', header: true },
                { data: 'Time', header: true },
                { data: 'Credits', header: true },
                { data: 'Video', header: true },
                { data: 'Shape', header: true },
                { data: 'Notes', header: true },
            ],
            ...results
                .slice(0, shown)
                .map((r) => [
                cell(r.name),
                `${OUTCOME_ICONS[r.outcome]} ${cell(statusText(r))}`,
                code(r.taskId),
                elapsed(r.elapsedMs),
                creditsCell(r),
                videoCell(r),
                shapeCell(r),
                r.error ? cell(r.error) : r.cacheHit ? `restored from the Actions cache${r.madeBy ? `, made by ${runLink(r)}` : ''}` : '',
            ]),
        ]);
        if (shown < results.length) {
            summary.addRaw(`<p>${results.length - shown} more clip(s) not shown: the summary is capped at ${_actions_io__WEBPACK_IMPORTED_MODULE_4__/* .MAX_SUMMARY_BYTES */ .Q0} bytes. The results output lists every clip.</p>`, true);
        }
    }
    else if (results[0]) {
        const r = results[0];
        const request = r.request;
        const rows = [
            ['Status', `${OUTCOME_ICONS[r.outcome]} ${cell(statusText(r))}`],
            ['Model', cell(request?.model ?? r.task?.model ?? '')],
            ['Prompt', cell(typeof request?.prompt === 'string' ? request.prompt : '', 500)],
            ['Settings', cell(request ? settingsText(request) : '')],
            ['Task id', code(r.taskId)],
            ['Elapsed', elapsed(r.elapsedMs)],
            ['Credits', creditsCell(r)],
            ['Clip', videoCell(r)],
            ['Shape', shapeCell(r)],
        ];
        if (r.sha256)
            rows.push(['SHA-256', code(r.sha256)]);
        if (r.madeBy)
            rows.push(['Made by', runLink(r)]);
        if (r.error)
            rows.push(['Error', cell(r.error)]);
        summary.addTable([
            [
                { data: 'Field', header: true },
                { data: 'Value', header: true },
            ],
            ...rows.filter(([, v]) => v !== ''),
        ]);
    }
    if (options.batch || results.length > 1 || options.maxCredits !== undefined) {
        const limit = options.maxCredits !== undefined ? ` (max-credits ${(0,_outputs__WEBPACK_IMPORTED_MODULE_5__/* .formatCredits */ .Ql)(options.maxCredits)})` : '';
        summary.addRaw(`<p>Credits reserved by this step: <b>${(0,_outputs__WEBPACK_IMPORTED_MODULE_5__/* .formatCredits */ .Ql)((0,_outputs__WEBPACK_IMPORTED_MODULE_5__/* .totalCredits */ .n3)(results))}</b>${limit}.</p>`);
    }
    for (const note of options.notes ?? [])
        summary.addRaw(`<p>${cell(note)}</p>`);
    if (results.some((r) => r.cacheHit))
        summary.addRaw('<p>Restored from the Actions cache: no request was sent to FoxAPI. The FoxAPI URL is not given for a restored clip ' +
            '(it was pre-signed when the clip was made and has likely expired): use the restored file.</p>');
    // The layout is ours; every piece of outside text went through cell(). The whole text is scrubbed once more.
    const text = summary.stringify();
    summary.emptyBuffer();
    return text;
}
function runLink(r) {
    return r.madeBy ? `<a href="${attribute(r.madeBy.url)}">${cell(`${r.madeBy.repository} ${(0,_run_origin__WEBPACK_IMPORTED_MODULE_2__/* .runLabel */ .Az)(r.madeBy)}`)}</a>` : '';
}
function statusText(r) {
    const base = r.cacheHit ? `${r.status} (restored)` : r.status;
    const stopped = r.outcome === 'timed-out' ? `${base}, timed out` : r.outcome === 'stopped' ? `${base}, run cancelled` : base;
    return r.leftRunning && r.outcome !== 'submitted' ? `${stopped}, still running at FoxAPI (may be billed)` : stopped;
}
/** The request's other fields in a line: `mode standard, aspect 16:9, duration 5s, image_list ×2`. */
function settingsText(request) {
    const parts = [];
    for (const [field, value] of Object.entries(request)) {
        if (field === 'model' || field === 'prompt')
            continue;
        if (Array.isArray(value))
            parts.push(`${field} ×${value.length}`);
        else if (field === 'duration')
            parts.push(`duration ${JSON.stringify(value)}s`);
        else if (typeof value === 'string' && /^https?:/.test(value))
            parts.push(field);
        else if (typeof value === 'string')
            parts.push(`${field === 'aspect_ratio' ? 'aspect' : field} ${value}`);
        else if (typeof value !== 'object')
            parts.push(`${field} ${JSON.stringify(value)}`);
        else
            parts.push(field);
    }
    if (request.model === 'kling-o3-ref' && request.duration === undefined)
        parts.push('length of the reference video');
    return parts.join(', ');
}
/** What the clip's task reserved, as FoxAPI reported it; empty when this step submitted nothing for it. */
function creditsCell(r) {
    return r.credits !== undefined ? (0,_outputs__WEBPACK_IMPORTED_MODULE_5__/* .formatCredits */ .Ql)(r.credits) : '';
}
function videoCell(r) {
    const parts = [];
    if (r.videoUrl && /^https?:\/\/[^\s"'<>]+$/.test(r.videoUrl))
        parts.push(`<a href="${attribute(r.videoUrl)}">video</a>`);
    if (r.videoPath)
        parts.push(code(r.videoPath));
    return parts.join(' ');
}
/** The clip's shape in one line, and beside it how it differs from the request (or that it was not compared). */
function shapeCell(r) {
    if (!r.metadata)
        return '';
    const verification = r.verification;
    const note = verification?.status === 'mismatch'
        ? ` ⚠️ ${cell(`does not match the request: ${verification.mismatches.join('; ')}`)}`
        : verification?.status === 'passed'
            ? ' ✔ matches the request'
            : '';
    return `${cell((0,_clip_clip_shape__WEBPACK_IMPORTED_MODULE_1__/* .shapeLine */ .kV)(r.metadata))}${note}`;
}
function code(text) {
    return text ? `<code>${cell(text)}</code>` : '';
}
function elapsed(ms) {
    const s = Math.round(ms / 1000);
    return s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`;
}
/**
 * Outside text as one summary cell: secrets redacted first (so escaping cannot hide a key from redaction),
 * capped, made one line (control characters visible, so no blank line can end the table), then escaped: HTML,
 * the table's `|`, and the characters Markdown links, images and code need (`[`, `]`, backtick, `\`). With no
 * blank line the table stays one HTML block, where GitHub renders no Markdown at all; the escapes are a second wall.
 */
function cell(text, max = MAX_CELL_CHARS) {
    return escapeHtml((0,_security_visible_text__WEBPACK_IMPORTED_MODULE_6__/* .makeVisible */ .Xm)((0,_security_visible_text__WEBPACK_IMPORTED_MODULE_6__/* .capText */ .yA)((0,_secrets__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E)(text), max)));
}
/** A URL in an HTML attribute, redacted. */
function attribute(url) {
    return escapeHtml((0,_secrets__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E)(url));
}
function escapeHtml(text) {
    return text.replace(/[&<>"'|[\]`\\]/g, (c) => `&#${c.charCodeAt(0)};`);
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
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);
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
        const { context } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 92413));
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


/***/ })

};
