export const id = 795;
export const ids = [795];
export const modules = {

/***/ 22041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ai: () => (/* binding */ ResultCache)
});

// UNUSED EXPORTS: clipFields, pendingFields

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
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/atomic-files.ts
var atomic_files = __webpack_require__(69316);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
;// CONCATENATED MODULE: ./src/cache/actions-cache.ts
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
    const module = await available();
    if (typeof module.isFeatureAvailable !== 'function') {
        // A stand-in such as @github/local-action's keeps restoreCache and saveCache only, and its restoreCache can
        // only unpack an entry with tar into the workspace: entries are saved to it, never restored from it.
        if (!standInNamed)
            log/* warning */.$e(STAND_IN_WARNING);
        standInNamed = true;
        return undefined;
    }
    const [utils, config, client, twirp] = await Promise.all([
        __webpack_require__.e(/* import() */ 378).then(__webpack_require__.bind(__webpack_require__, 26378)),
        __webpack_require__.e(/* import() */ 253).then(__webpack_require__.bind(__webpack_require__, 65253)),
        Promise.all(/* import() */[__webpack_require__.e(378), __webpack_require__.e(737), __webpack_require__.e(152)]).then(__webpack_require__.bind(__webpack_require__, 66152)),
        Promise.all(/* import() */[__webpack_require__.e(378), __webpack_require__.e(737), __webpack_require__.e(513), __webpack_require__.e(201)]).then(__webpack_require__.bind(__webpack_require__, 99513)),
    ]);
    if (!config.isCacheReadable(config.getCacheMode())) {
        log/* info */.pq(`Cache restore skipped: the effective cache-mode '${config.getCacheMode()}' does not permit reads.`);
        return undefined;
    }
    let folder;
    try {
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
            return undefined;
        log/* info */.pq(`Cache hit for${found.key === primaryKey ? '' : ' restore-key'}: ${found.key}`);
        folder = await utils.createTempDirectory();
        const archivePath = external_node_path_default().join(folder, utils.getCacheFileName(compressionMethod));
        await client.downloadCache(found.url, archivePath, { useAzureSdk: v2 }); // as restoreCache: v2 uses the Azure SDK for Azure hosts
        const downloaded = {
            matchedKey: found.key,
            archivePath,
            folder,
            compression: utils.getCacheFileName(compressionMethod).endsWith('.tgz') ? 'gzip' : 'zstd',
        };
        folder = undefined;
        return downloaded;
    }
    catch (error) {
        log/* warning */.$e(`Failed to restore: ${(0,errors/* messageOf */.bD)(error)}`);
        return undefined;
    }
    finally {
        if (folder !== undefined)
            await (0,atomic_files/* removeLeftover */.MG)(folder);
    }
}

// EXTERNAL MODULE: ./src/cache/cache-key.ts
var cache_key = __webpack_require__(24950);
;// CONCATENATED MODULE: ./src/cache/entry-proof.ts
// The proof that this action wrote a cache entry for this request. Anyone who can save an entry in the cache
// scope (any workflow on the default branch, with or without the FoxAPI key) can forge one, and its key and
// version follow from the request: so an entry is believed only when it carries a MAC over what it says,
// keyed from the API key, which such an attacker lacks. Rotating the key makes every older entry a miss.


/** Tells the MAC key apart from any other use of the API key (and from later versions of this format). */
const PROOF_LABEL = 'foxapi-video-action cache entry proof v1';
function macKey(apiKey) {
    return (0,external_node_crypto_.createHmac)('sha256', apiKey).update(PROOF_LABEL).digest();
}
/** The proof (hex HMAC-SHA256) of `fields` under `apiKey`. */
function proveEntry(apiKey, fields) {
    return (0,external_node_crypto_.createHmac)('sha256', macKey(apiKey)).update((0,cache_key/* canonicalJson */.dj)(fields)).digest('hex');
}
/** Whether `proof` is the proof of `fields` under `apiKey`; compared in constant time. False without a key. */
function isProvenEntry(apiKey, fields, proof) {
    if (apiKey === '' || typeof proof !== 'string' || !/^[0-9a-f]{64}$/.test(proof))
        return false;
    const expected = Buffer.from(proveEntry(apiKey, fields), 'hex');
    return (0,external_node_crypto_.timingSafeEqual)(expected, Buffer.from(proof, 'hex'));
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
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
// One lookup, with `<key>-pending-` as the restore key, finds either: an exact hit is the clip, a prefix hit
// the newest pending task.
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
/** Largest JSON file an entry may hold (the task JSON is a few KiB). */
const MAX_JSON_BYTES = 64 * 1024;
function cacheApi(module = actions_cache_namespaceObject) {
    const api = module;
    for (const name of ['isFeatureAvailable', 'restoreCache', 'downloadEntry', 'saveCache']) {
        if (typeof api?.[name] !== 'function')
            return `@actions/cache has no ${name} here`;
    }
    return api;
}
/** meta.json of a clip entry: what the proof covers, besides the task JSON's bytes. */
const clipMetaSchema = schemas/* object */.Ikc({
    taskId: schemas/* string */.YjP().catch(''),
    sha256: schemas/* string */.YjP().catch(''),
    madeBy: schemas/* unknown */.L5J().optional(),
    proof: schemas/* unknown */.L5J().optional(),
});
/** pending-task.json of a pending entry (a field of the wrong shape fails the proof, not the parse). */
const pendingSchema = schemas/* object */.Ikc({ taskId: schemas/* unknown */.L5J().optional(), model: schemas/* string */.YjP().max(200).catch(''), proof: schemas/* unknown */.L5J().optional() });
class ResultCache {
    workspace;
    options;
    disabledBecause;
    api;
    /** The last operation queued per key: each key's operations run one at a time. */
    queues = new Map();
    /** The staging folder's check, made once before the first lookup or save. */
    stagingChecked;
    constructor(enabled, workspace, options, module = actions_cache_namespaceObject) {
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
            const root = external_node_path_default().join(this.workspace, cache_key/* CACHE_DIRECTORY */.vF);
            let stat = await lstatIfAny(root);
            if (stat === undefined) {
                await (0,promises_.mkdir)(root, { mode: 0o700 }).catch((error) => {
                    if ((0,errors/* codeOf */.$N)(error) !== 'EEXIST')
                        throw error;
                });
                stat = await (0,promises_.lstat)(root);
            }
            if (stat.isSymbolicLink() || !stat.isDirectory()) {
                this.turnOff(`${cache_key/* CACHE_DIRECTORY */.vF} in the workspace is ${stat.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}: the cache stages its entries there and never follows a link or replaces a file; remove it from the repository`);
            }
        })().catch((error) => this.turnOff(`the staging folder ${cache_key/* CACHE_DIRECTORY */.vF} cannot be used (${(0,errors/* messageOf */.bD)(error)})`));
        return this.stagingChecked;
    }
    /**
     * Looks for the clip or a pending task of `key`. A clip is copied to `destination(task)`; with `wantClip`
     * false (the run does not download), a cached clip is passed over and only a pending task is reported.
     */
    async lookup(key, destination, wantClip) {
        if (!this.enabled)
            return undefined;
        await this.checkStaging();
        if (!this.enabled)
            return undefined;
        return this.serialised(key, () => this.lookupNow(key, destination, wantClip));
    }
    async lookupNow(key, destination, wantClip) {
        const { relative } = this.directoryFor(key);
        const downloaded = await this.attempt('restore', (api) => api.downloadEntry([relative], key, [`${key}-pending-`]));
        if (!downloaded)
            return undefined;
        const matched = downloaded.matchedKey;
        let unpacked;
        try {
            const isClip = matched === key;
            if (!isClip && !matched.startsWith(`${key}-pending-`))
                return undefined;
            if (isClip && !wantClip)
                return undefined;
            // A fresh private folder (mode 0700) outside the workspace: the only place an entry's files are created.
            unpacked = await (0,promises_.mkdtemp)(external_node_path_default().join(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'foxapi-video-entry-'));
            const allowed = isClip
                ? new Map([
                    [CLIP_FILE, this.options.maxClipBytes],
                    [TASK_FILE, MAX_JSON_BYTES],
                    [META_FILE, MAX_JSON_BYTES],
                ])
                : new Map([[PENDING_FILE, MAX_JSON_BYTES]]);
            const files = await unpackEntry(downloaded, relative, unpacked, allowed);
            return isClip ? await this.readClip(key, files, destination) : await this.readPending(key, matched, files);
        }
        catch (error) {
            if (error instanceof RefusedEntryError)
                log/* warning */.$e(`Cache entry ${matched} refused: ${error.message}; nothing of it was written, and it is not used.`);
            else
                log/* warning */.$e(`Cache entry ${matched} could not be used (${(0,errors/* messageOf */.bD)(error)}); going on without it.`);
            return undefined;
        }
        finally {
            if (unpacked !== undefined)
                await (0,atomic_files/* removeLeftover */.MG)(unpacked);
            await (0,atomic_files/* removeLeftover */.MG)(downloaded.folder);
        }
    }
    /**
     * What the cache holds for `key`, without restoring or saving anything (the dry run's question): the clip,
     * a pending task of an earlier run, nothing, or undefined when the cache is off or cannot be asked. Nothing is
     * downloaded, so an entry's proof is not checked here: the run that restores it checks it.
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
    /** An entry's claim, believed only with its proof; warns (naming the entry, never its contents) when it fails. */
    proven(entryKey, fields, proof) {
        if (fields !== undefined && isProvenEntry(this.options.apiKey, fields, proof))
            return true;
        log/* warning */.$e(`Cache entry ${entryKey} is ignored: its proof does not match (it was saved under another API key, or not by this action for this request). It is not deleted.`);
        return false;
    }
    async readClip(key, files, destination) {
        const clipFile = files.get(CLIP_FILE);
        const taskFile = files.get(TASK_FILE);
        const metaFile = files.get(META_FILE);
        if (!clipFile || !taskFile || !metaFile)
            throw new Error('the entry lacks a file a clip entry has');
        const meta = clipMetaSchema.safeParse(await readJsonFile(metaFile.path, META_FILE));
        if (!meta.success)
            throw new Error(`${META_FILE} is not a clip record`);
        const madeBy = meta.data.madeBy === undefined ? undefined : run_origin/* runOriginSchema */.dB.safeParse(meta.data.madeBy);
        // A record of the wrong shape is not one this action wrote: it fails its proof like any other forgery.
        const fields = madeBy?.success === false ? undefined : clipFields(key, meta.data.taskId, meta.data.sha256, taskFile.sha256, madeBy?.data);
        if (!this.proven(key, fields, meta.data.proof))
            return undefined;
        const task = foxapi_task/* taskSchema */.v.safeParse(await readJsonFile(taskFile.path, TASK_FILE));
        if (!task.success || task.data.id !== meta.data.taskId)
            throw new Error(`${TASK_FILE} is not the task of this entry`);
        // The clip restored is the clip proven: checked before it is copied anywhere.
        if (clipFile.sha256 !== meta.data.sha256)
            throw new Error(`the clip of ${key} does not match its proven checksum`);
        const target = destination(task.data);
        // The clip goes where a download would: checked again once its folder exists and right before the rename.
        const copied = await (0,download/* copyFileAtomically */.T)(clipFile.path, target, () => (0,destinations/* recheckDestination */.iW)(target, this.workspace));
        if (copied.sha256 !== meta.data.sha256) {
            await (0,atomic_files/* removeLeftover */.MG)(target);
            throw new Error(`the restored clip of ${key} does not match its checksum`);
        }
        const clip = { task: task.data, path: target, sha256: copied.sha256, bytes: copied.bytes };
        const origin = madeBy?.data && (0,run_origin/* runOfThisRepository */.T0)(madeBy.data);
        if (origin)
            clip.madeBy = origin;
        return { kind: 'clip', clip };
    }
    async readPending(key, entryKey, files) {
        const file = files.get(PENDING_FILE);
        if (!file)
            throw new Error(`the entry has no ${PENDING_FILE}`);
        const record = pendingSchema.safeParse(await readJsonFile(file.path, PENDING_FILE));
        if (!record.success)
            throw new Error(`${PENDING_FILE} is not a pending-task record`);
        const { taskId, model, proof } = record.data;
        if (!(0,task_id/* isValidTaskId */.RQ)(taskId)) {
            log/* warning */.$e(`Cache entry ${entryKey} holds no valid task id (${(0,task_id/* describeBadTaskId */.L)(taskId)}); going on without it.`);
            return undefined;
        }
        if (!this.proven(entryKey, pendingFields(key, taskId, model), proof))
            return undefined;
        return { kind: 'pending', taskId, model };
    }
    /** Saves a downloaded clip with its final task JSON under `key`. */
    async saveClip(key, task, clipPath, sha256) {
        await this.save(key, key, async (directory) => {
            // A hard link costs no copy; a copy is the fallback (another file system, or no links there).
            await (0,promises_.link)(clipPath, external_node_path_default().join(directory, CLIP_FILE)).catch(() => (0,download/* copyFileAtomically */.T)(clipPath, external_node_path_default().join(directory, CLIP_FILE)));
            // Only the known task fields (taskSchema projects them), and never the key, even echoed by a server.
            const taskJson = (0,secrets/* redact */.E)(JSON.stringify(foxapi_task/* taskSchema */.v.parse(task)));
            await (0,promises_.writeFile)(external_node_path_default().join(directory, TASK_FILE), taskJson, { flag: 'wx' });
            const madeBy = await (0,run_origin/* currentRun */.xh)();
            const taskSha256 = (0,external_node_crypto_.createHash)('sha256').update(taskJson).digest('hex');
            const proof = proveEntry(this.options.apiKey, clipFields(key, task.id, sha256, taskSha256, madeBy));
            await (0,promises_.writeFile)(external_node_path_default().join(directory, META_FILE), JSON.stringify({ taskId: task.id, sha256, madeBy, proof }), { flag: 'wx' });
        });
    }
    /** Records a just-submitted task, so a re-run of a timed-out or cancelled job resumes it instead of paying again. */
    async savePendingTaskId(key, taskId, model) {
        // Entries are immutable: each submission gets its own key (time, then random: two in one millisecond
        // still differ); lookup picks the newest by prefix.
        const proof = proveEntry(this.options.apiKey, pendingFields(key, taskId, model));
        await this.save(key, `${key}-pending-${Date.now()}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`, (directory) => (0,promises_.writeFile)(external_node_path_default().join(directory, PENDING_FILE), (0,secrets/* redact */.E)(JSON.stringify({ taskId, model, proof })), { flag: 'wx' }));
    }
    /** Never rejects: a cache that fails is a warning, and the clip's result stands. */
    async save(key, entryKey, stage) {
        if (!this.enabled)
            return;
        await this.checkStaging();
        await this.serialised(key, () => this.saveNow(key, entryKey, stage)).catch((error) => {
            log/* warning */.$e(`Could not save the cache entry ${entryKey} (${(0,errors/* messageOf */.bD)(error)}); going on without it.`);
        });
    }
    async saveNow(key, entryKey, stage) {
        if (!this.enabled)
            return;
        const { relative, absolute } = this.directoryFor(key);
        try {
            // The staging folder was checked (a plain folder); its entry folder is made anew and checked the same way.
            await (0,promises_.rm)(absolute, { recursive: true, force: true });
            await (0,promises_.mkdir)(absolute, { mode: 0o700 });
            const stat = await (0,promises_.lstat)(absolute);
            if (stat.isSymbolicLink() || !stat.isDirectory())
                throw new Error(`${relative} is not a plain folder`);
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
/** What a clip entry's proof covers: the request's cache key, the task, the clip's and the task JSON's SHA-256, the run. */
function clipFields(cacheKey, taskId, sha256, taskSha256, madeBy) {
    return { entry: 'clip', cacheKey, taskId, sha256, taskSha256, madeBy: madeBy === undefined ? null : (0,cache_key/* canonicalJson */.dj)(madeBy) };
}
/** What a pending entry's proof covers: the request's cache key, the task submitted for it and the request's model. */
function pendingFields(cacheKey, taskId, model) {
    return { entry: 'pending', cacheKey, taskId, model };
}
/** lstat, or undefined when nothing is there. */
async function lstatIfAny(file) {
    try {
        return await (0,promises_.lstat)(file);
    }
    catch (error) {
        if ((0,errors/* codeOf */.$N)(error) === 'ENOENT')
            return undefined;
        throw error;
    }
}
/**
 * A small JSON file of an entry, opened without following a link and read up to MAX_JSON_BYTES. What it holds
 * never appears in an error: a file that is not JSON is named, not quoted.
 */
async function readJsonFile(file, name) {
    const handle = await (0,promises_.open)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW);
    try {
        const stat = await handle.stat();
        if (!stat.isFile() || stat.size > MAX_JSON_BYTES)
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
