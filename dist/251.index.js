export const id = 251;
export const ids = [251];
export const modules = {

/***/ 14251:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  generate: () => (/* binding */ generate)
});

// EXTERNAL MODULE: ./src/cache/credit-ledger.ts
var credit_ledger = __webpack_require__(16267);
// EXTERNAL MODULE: ./src/cache/result-cache.ts + 2 modules
var result_cache = __webpack_require__(37290);
// EXTERNAL MODULE: ./src/cache/staging.ts
var staging = __webpack_require__(3511);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/foxapi/api-client.ts
var api_client = __webpack_require__(3131);
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
// EXTERNAL MODULE: ./src/security/download-policy.ts
var download_policy = __webpack_require__(89355);
// EXTERNAL MODULE: ./src/run/clip-pipeline.ts + 7 modules
var clip_pipeline = __webpack_require__(90562);
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
    return { downloads: new Limiter(concurrency), cacheSaves: new Limiter(CACHE_SAVES_AT_ONCE) };
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
        this.taskSlots = new Limiter(concurrency);
        this.started = new Limiter(2 * concurrency);
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

// EXTERNAL MODULE: ./src/foxapi/request-errors.ts
var request_errors = __webpack_require__(98984);
// EXTERNAL MODULE: ./src/inputs/plan-inputs.ts
var plan_inputs = __webpack_require__(9854);
// EXTERNAL MODULE: ./src/security/visible-text.ts
var visible_text = __webpack_require__(52966);
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
     * Runs `attempt` in the budget's turn, told why no new task may be submitted now (undefined when one may).
     * With a limit, turns are taken one at a time, so each decision sees every earlier reply (see the top of this
     * file); a create sent in the turn goes through {@link send}.
     */
    async inTurn(attempt) {
        if (this.limit === undefined)
            return attempt(undefined);
        return this.turn.run(() => attempt(this.reached ? this.refusal : undefined));
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
        if (cause instanceof request_errors/* RequestError */.GI) {
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

;// CONCATENATED MODULE: ./src/run/generation.ts
// The paid part of a run, as five steps: set up (clients, signals, the post step's state), budget (what the period
// has spent), run (every clip through its pipeline), report (outputs, results file, summary) and verdict (the
// step's failure, naming each clip that did not finish). src/main.ts loads this module only once the inputs are
// valid, so that an input error (and the post step) never loads undici or the rest of the network code.



















/** Runs every clip of a valid request to its end and reports it; never sends anything before it is called. */
async function generate(clips, { settings, batch, notDue = [] }) {
    const notes = notDue.length > 0 ? [(0,schedule_notes/* notDueText */.n)(notDue)] : [];
    if (clips.length === 0)
        return reportNothingDue(settings, batch, notDue, notes);
    (0,actions_io/* saveStateSafely */.Fr)(constants/* State */.Uw.CancelOnTimeout, String(settings.cancelOnTimeout));
    (0,actions_io/* saveStateSafely */.Fr)(constants/* State */.Uw.BaseUrl, settings.baseUrl);
    if (settings.cache)
        log/* info */.pq(`Cache: ${settings.reuse.why}.`);
    // budget-period: what earlier runs of this workflow spent in the period, read before anything is submitted.
    const spending = await periodSpending(settings);
    if (spending === 'unavailable')
        return;
    const run = setUp(settings, batch, spending.period);
    try {
        const results = batch ? await runClips(clips, run.deps) : await log/* group */.Os(groupTitle(clips), () => runClips(clips, run.deps));
        if (spending.ledger && spending.period && spending.period.blocked === undefined)
            await spending.ledger.record(spending.period.spentEarlier + run.deps.budget.reserved);
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
    const client = new api_client/* FoxApiClient */.Tn({
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        agent,
        retry: retries/* API_RETRY */.Is,
        userAgent: 'foxapi-video-action',
    });
    const stop = stopOnSignals();
    const waiting = new Set();
    const recordWaiting = () => (0,actions_io/* saveStateSafely */.Fr)(constants/* State */.Uw.WaitingTasks, JSON.stringify([...waiting]));
    const deps = {
        settings,
        client,
        downloadAgent,
        cache: new result_cache/* ResultCache */.A(settings.cache, settings.workspace, { apiKey: settings.apiKey, maxClipBytes: settings.maxDownloadBytes }),
        budget: new CreditBudget(settings.maxCredits, (text) => log/* warning */.$e(text), period),
        batch,
        signal: stop.signal,
        log: (clip, line) => log/* info */.pq(batch ? `[${clip}] ${line}` : line),
        limits: transferLimits(settings.concurrency),
        waiting: {
            add: (id) => (waiting.add(id), recordWaiting()),
            delete: (id) => (waiting.delete(id), recordWaiting()),
        },
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
