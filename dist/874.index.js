export const id = 874;
export const ids = [874];
export const modules = {

/***/ 69874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  generate: () => (/* binding */ generate)
});

// EXTERNAL MODULE: ./src/cache/result-cache.ts + 5 modules
var result_cache = __webpack_require__(71164);
// EXTERNAL MODULE: ./src/cache/staging.ts
var staging = __webpack_require__(3511);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/foxapi/api-client.ts
var api_client = __webpack_require__(3131);
// EXTERNAL MODULE: ./src/foxapi/file-upload.ts
var file_upload = __webpack_require__(29855);
// EXTERNAL MODULE: ./src/foxapi/http.ts
var http = __webpack_require__(74539);
// EXTERNAL MODULE: ./src/foxapi/retries.ts
var retries = __webpack_require__(97181);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./src/report/actions-io.ts
var actions_io = __webpack_require__(61266);
;// CONCATENATED MODULE: ./src/report/clip-result.ts
function isSuccess(result) {
    return result.outcome === 'succeeded' || result.outcome === 'submitted';
}

// EXTERNAL MODULE: ./src/report/matrix.ts
var matrix = __webpack_require__(53677);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(65468);
// EXTERNAL MODULE: ./src/report/results-file.ts
var results_file = __webpack_require__(89047);
// EXTERNAL MODULE: ./src/report/schedule-notes.ts
var schedule_notes = __webpack_require__(58353);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(57994);
// EXTERNAL MODULE: ./src/records/delivered-notes.ts
var delivered_notes = __webpack_require__(92886);
// EXTERNAL MODULE: ./src/security/download-policy.ts
var download_policy = __webpack_require__(89355);
// EXTERNAL MODULE: ./src/run/clip-pipeline.ts + 7 modules
var clip_pipeline = __webpack_require__(90562);
// EXTERNAL MODULE: ./src/run/limiter.ts
var limiter = __webpack_require__(10109);
;// CONCATENATED MODULE: ./src/run/batch-scheduler.ts
// How the clips of a run share FoxAPI and the runner: at most `concurrency` tasks in flight, task slots given in
// batch order, cache lookups running ahead of a clip's turn, and (with fail-fast) no new clip after a failure.
// A clip holds its task slot only until its task is final: its download and cache save then run beside the next
// clips' tasks, each kind bounded on its own (see transferLimits), so tar, zstd and the upload of one clip never
// keep the next task from starting. A single clip is a batch of one.



/**
 * Cache saves running at once. Each runs tar and zstd and uploads its archive; on a 2-core machine four keep up
 * with a batch of 100 clips of 4 MiB at `concurrency: 10` (two fell behind), with the step's peak RSS near
 * 220 MiB (`npm run bench -- batch`).
 */
const CACHE_SAVES_AT_ONCE = 4;
/** The run's bounds on downloads (network-bound, so as many as tasks) and on cache saves. */
function transferLimits(concurrency) {
    return { downloads: new limiter/* Limiter */.j(concurrency), cacheSaves: new limiter/* Limiter */.j(CACHE_SAVES_AT_ONCE) };
}
/**
 * Runs `clips`, each through its pipeline. A clip's cache lookup runs ahead of its turn (at most `concurrency`
 * clips look ahead), then it takes a task slot, in batch order, and gives it back once its task is final (or when
 * it ends, whichever is first). With fail-fast, a failure stops clips not yet submitted; a cancelled run submits
 * no more. Results come back in batch order.
 */
async function runClips(clips, deps) {
    const schedule = new BatchSchedule(deps);
    const results = new Array(clips.length);
    const running = [];
    for (const [index, spec] of clips.entries()) {
        const turn = await schedule.next();
        if (typeof turn === 'string') {
            results[index] = skipped(spec, turn);
            continue;
        }
        const clip = (0,clip_pipeline/* runClip */.Se)(spec, deps, turn).then((result) => {
            results[index] = result;
            schedule.ended(result);
        });
        running.push(clip.finally(() => turn.release()));
    }
    await Promise.all(running);
    return results;
}
/** The task slots of a run, and why no new clip may start (fail-fast after a failure, a cancelled run). */
class BatchSchedule {
    deps;
    taskSlots;
    /** Clips started whose task is not final yet: those holding a task slot, and as many again looking ahead. */
    started;
    /** Task slots go to clips in batch order, whatever order their cache lookups end in. */
    turns = Promise.resolve();
    failed = false;
    constructor(deps) {
        this.deps = deps;
        const { concurrency } = deps.settings;
        this.taskSlots = new limiter/* Limiter */.j(concurrency);
        this.started = new limiter/* Limiter */.j(2 * concurrency);
    }
    /** Why a clip may not start now, if it may not. */
    stopped() {
        if (this.failed && this.deps.settings.failFast)
            return 'not started: an earlier clip failed (fail-fast)';
        if (this.deps.signal.aborted)
            return 'not started: the run was cancelled';
        return undefined;
    }
    /** The next clip's turn, once it may look ahead; or why it does not start at all. */
    async next() {
        const leave = await this.started.acquire();
        const reason = this.stopped();
        if (reason !== undefined) {
            leave();
            return reason;
        }
        const slot = this.turns.then(() => this.taskSlots.acquire());
        this.turns = slot;
        return {
            take: async () => (await slot, this.stopped()),
            release: () => {
                void slot.then((release) => release());
                leave();
            },
        };
    }
    /** A clip ended: a failure (not a skip) stops clips not yet submitted under fail-fast. */
    ended(result) {
        if (!isSuccess(result) && result.outcome !== 'skipped')
            this.failed = true;
    }
}
function skipped(spec, reason) {
    return {
        name: spec.name,
        decision: { action: 'skip', why: reason },
        outcome: 'skipped',
        status: 'not-submitted',
        cacheHit: false,
        resumed: false,
        ...(spec.request ? { request: spec.request } : {}),
        error: reason,
        elapsedMs: 0,
    };
}

// EXTERNAL MODULE: ./src/run/budget.ts
var budget = __webpack_require__(50404);
// EXTERNAL MODULE: ./src/run/check-media.ts + 2 modules
var check_media = __webpack_require__(8165);
// EXTERNAL MODULE: ./src/run/period-budget.ts
var period_budget = __webpack_require__(63352);
// EXTERNAL MODULE: ./src/foxapi/request-errors.ts
var request_errors = __webpack_require__(98984);
// EXTERNAL MODULE: ./src/media/media-files.ts + 1 modules
var media_files = __webpack_require__(14389);
// EXTERNAL MODULE: ./src/media/media-request.ts
var media_request = __webpack_require__(29708);
// EXTERNAL MODULE: ./src/media/verified-read.ts
var verified_read = __webpack_require__(70275);
// EXTERNAL MODULE: ./src/security/workspace-files.ts
var workspace_files = __webpack_require__(88145);
;// CONCATENATED MODULE: ./src/run/upload-media.ts






/** The run's uploads: one per distinct content, shared by every clip that names it. */
class MediaUploads {
    uploader;
    settings;
    byContent = new Map();
    constructor(uploader, settings) {
        this.uploader = uploader;
        this.settings = settings;
    }
    /**
     * `spec`'s request with each workspace file replaced by the URL of its upload (uploaded now, or earlier in the
     * run). Throws, naming the input, when a file cannot be uploaded: the clip then fails with nothing created.
     */
    async requestFor(spec, call, log) {
        const files = spec.media ?? [];
        const urls = new Map();
        for (const file of files)
            urls.set(file, (await this.uploadOnce(file, call, log)).url);
        return (0,media_request/* replaceMedia */.p4)(spec.request, files, (file) => urls.get(file) ?? '');
    }
    uploadOnce(file, call, log) {
        const earlier = this.byContent.get(file.sha256);
        if (earlier !== undefined) {
            log(`${(0,workspace_files/* shownPath */.pS)(file.path)} (${file.field}): its content was uploaded earlier in this run; that upload is used.`);
            return earlier;
        }
        const upload = this.upload(file, call, log);
        this.byContent.set(file.sha256, upload);
        // A failed upload is not kept: a later clip that names the file tries again.
        upload.catch(() => this.byContent.delete(file.sha256));
        return upload;
    }
    async upload(file, call, log) {
        const autoCleanup = this.settings.uploadCleanup ?? true;
        const started = Date.now();
        try {
            const uploaded = await this.uploader.upload({
                open: () => (0,verified_read/* openVerifiedRead */.H)(file, this.settings.workspace),
                bytes: file.bytes,
                fileName: file.path.split('/').at(-1) ?? file.path,
                mime: file.type.mime,
                autoCleanup,
            }, call);
            const took = Math.max(1, Date.now() - started) / 1000;
            log(`Uploaded ${(0,workspace_files/* shownPath */.pS)(file.path)} (${file.type.label}, ${(0,media_files/* sizeText */.lP)(file.bytes)}) for ${file.field} to FoxAPI's file storage in ${took.toFixed(1)}s.`);
            return uploaded;
        }
        catch (error) {
            throw new Error(uploadFailure(file, error, autoCleanup), { cause: error });
        }
    }
}
/** Why an upload failed, naming the input and what to do; the clip's task was not created. */
function uploadFailure(file, error, autoCleanup) {
    const message = (0,errors/* messageOf */.bD)(error).replace(/\.$/, '');
    const shown = (0,workspace_files/* shownPath */.pS)(file.path);
    if (error instanceof request_errors/* RequestError */.GI && error.details.status === 403) {
        const advice = autoCleanup
            ? 'delete uploads you no longer need in your FoxAPI account'
            : "delete uploads you no longer need in your FoxAPI account, or set upload-cleanup: true so FoxAPI deletes the account's oldest uploads to make room";
        return `${file.input}: FoxAPI refused the upload of ${shown} (${message}): the account's file storage is full. To go on, ${advice}. Nothing was created for this clip.`;
    }
    // A changed file says so itself; FoxAPI's answers start `Upload of <name> failed`.
    const said = error instanceof verified_read/* ChangedFileError */.L || message.startsWith('Upload of') ? message : `upload of ${shown} failed: ${message}`;
    return `${file.input}: ${said}. Nothing was created for this clip.`;
}

;// CONCATENATED MODULE: ./src/run/generation.ts
// The paid part of a run, as five steps: set up (clients, signals, the post step's state), budget (what the period
// has spent), run (every clip through its pipeline), report (outputs, results file, summary) and verdict (the
// step's failure, naming each clip that did not finish). src/main.ts loads this module only once the inputs are
// valid, so that an input error (and the post step) never loads undici or the rest of the network code.























/** Runs every clip of a valid request to its end and reports it; never sends anything before it is called. */
async function generate(clips, { settings, batch, notDue = [] }) {
    if (await (0,check_media/* refuseUnusableMedia */.c)(clips, settings.workspace))
        return;
    const notes = notDue.length > 0 ? [(0,schedule_notes/* notDueText */.n)(notDue)] : [];
    if (clips.length === 0)
        return reportNothingDue(settings, batch, notDue, notes);
    (0,actions_io/* saveStateSafely */.Fr)(constants/* State */.Uw.CancelOnTimeout, String(settings.cancelOnTimeout));
    (0,actions_io/* saveStateSafely */.Fr)(constants/* State */.Uw.BaseUrl, settings.baseUrl);
    if (settings.cache)
        log/* info */.pq(`Cache: ${settings.reuse.why}.`);
    // budget-period: what earlier runs of this workflow spent in the period, read before anything is submitted.
    const spending = await (0,period_budget/* periodSpending */.g)(settings);
    if (spending === 'unavailable')
        return;
    const run = setUp(settings, batch, spending.period);
    try {
        const results = batch ? await runClips(clips, run.deps) : await log/* group */.Os(groupTitle(clips), () => runClips(clips, run.deps));
        if (spending.period?.record && spending.period.blocked === undefined && run.deps.budget.reserved > 0)
            await spending.period.record(run.deps.budget.reserved);
        if (settings.cache)
            notes.unshift(`Cache: ${settings.reuse.why}.`);
        if (spending.period)
            notes.push((0,schedule_notes/* periodText */.J)(spending.period, run.deps.budget.reserved, settings));
        await report(results, clips, settings, batch, notes);
        verdict(results);
    }
    finally {
        await run.close();
    }
}
/** A content calendar with nothing due on this trigger: not a failure, and nothing is paid. */
async function reportNothingDue(settings, batch, notDue, notes) {
    log/* notice */.lm(`No batch entry is due on this run, so nothing was sent to FoxAPI. ${(0,schedule_notes/* notDueText */.n)(notDue)}`);
    (0,outputs/* writeOutputs */.Kn)([]);
    (0,matrix/* writeMatrix */.T)([]);
    await (0,results_file/* writeResultsOutput */.jq)(settings.resultsFile, [], settings.workspace);
    await (0,summary/* writeSummary */.Sy)([], { batch, maxCredits: settings.maxCredits, notes });
}
function groupTitle(clips) {
    return `FoxAPI: ${clips[0]?.name === 'clip' ? 'generate a clip' : clips[0]?.name}`;
}
/**
 * Makes the clients, the cache and the budget, and listens for the runner's stop signals. The runner follows
 * SIGINT with SIGTERM: both are kept for the whole run, so the second cannot kill the step while it still waits
 * for a create's reply or cancels a task. The tasks being waited on are saved as state for the post step.
 */
function setUp(settings, batch, period) {
    const agent = (0,http/* createHttpAgent */.rA)(settings.requestTimeoutMs);
    // Clips are fetched through their own dispatcher: every connection it opens is checked against the
    // download policy (no loopback, link-local or private address unless base-url is one).
    const downloadAgent = (0,http/* createHttpAgent */.rA)(settings.requestTimeoutMs, {
        connect: (0,download_policy/* guardedConnector */.sE)((0,download_policy/* downloadPolicyFor */.Sj)(settings.baseUrl), Math.min(settings.requestTimeoutMs, 30_000)),
    });
    const api = {
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        agent,
        retry: retries/* API_RETRY */.Is,
        userAgent: 'foxapi-video-action',
    };
    const client = new api_client/* FoxApiClient */.Tn(api);
    const stop = stopOnSignals();
    const waiting = new Set();
    const recordWaiting = () => (0,actions_io/* saveStateSafely */.Fr)(constants/* State */.Uw.WaitingTasks, JSON.stringify([...waiting]));
    const deps = {
        settings,
        client,
        downloadAgent,
        cache: new result_cache/* ResultCache */.A(settings.cache, settings.workspace, { apiKey: settings.apiKey, maxClipBytes: settings.maxDownloadBytes }),
        budget: new budget/* CreditBudget */.Pv(settings.maxCredits, (text) => log/* warning */.$e(text), period),
        ...(settings.reuse.mode === 'run'
            ? { notes: delivered_notes/* DeliveredNotes */.y.open({ apiKey: settings.apiKey, githubToken: settings.githubToken }) }
            : {}),
        batch,
        signal: stop.signal,
        log: (clip, line) => log/* info */.pq(batch ? `[${clip}] ${line}` : line),
        limits: transferLimits(settings.concurrency),
        waiting: {
            add: (id) => (waiting.add(id), recordWaiting()),
            delete: (id) => (waiting.delete(id), recordWaiting()),
        },
        // Uploads go to FoxAPI like every call: the same agent, key, limits and retry policy.
        uploads: new MediaUploads(new file_upload/* FileUploader */.l(api), settings),
    };
    const close = async () => {
        await (0,staging/* removeCacheStaging */.OB)(settings.workspace);
        stop.close();
        await Promise.all([agent.destroy(), downloadAgent.destroy()]);
    };
    return { deps, close };
}
/** An abort signal the runner's stop signals fire (SIGINT then SIGTERM; on Windows Ctrl+C and Ctrl+Break too). */
function stopOnSignals() {
    const stop = new AbortController();
    const onSignal = (signal) => {
        log/* info */.pq(`Received ${signal}${stop.signal.aborted ? ' again: still finishing up' : ': stopping'}.`);
        if (!stop.signal.aborted)
            stop.abort(new Error(`the run was cancelled (${signal})`));
    };
    const signals = process.platform === 'win32' ? ['SIGINT', 'SIGTERM', 'SIGBREAK'] : ['SIGINT', 'SIGTERM'];
    for (const signal of signals)
        process.on(signal, onSignal);
    return { signal: stop.signal, close: () => signals.forEach((signal) => process.off(signal, onSignal)) };
}
/** Outputs, matrix, results file and summary. None of these can hide the clips' results: each write reports its own failure. */
async function report(results, clips, settings, batch, notes) {
    try {
        (0,outputs/* writeOutputs */.Kn)(results);
        (0,matrix/* writeMatrix */.T)(clips);
    }
    catch (error) {
        log/* warning */.$e(`Could not write the step outputs (${(0,errors/* messageOf */.bD)(error)}).`);
    }
    await (0,results_file/* writeResultsOutput */.jq)(settings.resultsFile, results.map(results_file/* toFullResultRow */.EH), settings.workspace);
    await (0,summary/* writeSummary */.Sy)(results, { batch, maxCredits: settings.maxCredits, notes });
}
/** The step fails when any clip did not finish, with its error (one clip) or a line per clip (a batch). */
function verdict(results) {
    const failures = results.filter((r) => !isSuccess(r));
    if (failures.length === 1 && results.length === 1)
        log/* setFailed */.C1(failures[0]?.error ?? 'The clip failed');
    else if (failures.length > 0) {
        log/* setFailed */.C1([
            `${failures.length} of ${results.length} clips did not finish:`,
            ...failures.map((f) => `- ${f.name}: ${f.error ?? f.outcome}`),
        ]);
    }
}


/***/ })

};
