export const id = 155;
export const ids = [155];
export const modules = {

/***/ 155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDryRun: () => (/* binding */ runDryRun)
});

// UNUSED EXPORTS: planFacts

// EXTERNAL MODULE: ./src/cache/cache-key.ts
var cache_key = __webpack_require__(24950);
// EXTERNAL MODULE: ./src/cache/result-cache.ts + 6 modules
var result_cache = __webpack_require__(30127);
// EXTERNAL MODULE: ./src/cache/staging.ts
var staging = __webpack_require__(3511);
// EXTERNAL MODULE: ./src/foxapi/api-client.ts
var api_client = __webpack_require__(3131);
// EXTERNAL MODULE: ./src/foxapi/file-upload.ts
var file_upload = __webpack_require__(29855);
// EXTERNAL MODULE: ./src/foxapi/http.ts
var http = __webpack_require__(74539);
// EXTERNAL MODULE: ./src/inputs/preview-event.ts
var preview_event = __webpack_require__(80432);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./src/media/media-files.ts + 1 modules
var media_files = __webpack_require__(14389);
// EXTERNAL MODULE: ./src/report/actions-io.ts
var actions_io = __webpack_require__(61266);
// EXTERNAL MODULE: ./src/report/budget-view.ts
var budget_view = __webpack_require__(2675);
// EXTERNAL MODULE: ./src/report/matrix.ts
var matrix = __webpack_require__(53677);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(65468);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
// EXTERNAL MODULE: ./src/report/clip-words.ts
var clip_words = __webpack_require__(15414);
// EXTERNAL MODULE: ./src/inputs/cron-words.ts
var cron_words = __webpack_require__(56709);
// EXTERNAL MODULE: ./src/report/html.ts
var report_html = __webpack_require__(86433);
// EXTERNAL MODULE: ./src/report/shown-paths.ts
var shown_paths = __webpack_require__(31922);
;// CONCATENATED MODULE: ./src/report/plan-summary.ts








/** The `plan` word of each decision. */
const PLAN_OF_ACTION = {
    restore: 'cached',
    collect: 'pending-task',
    resume: 'resume',
    submit: 'new',
    skip: 'skipped',
    'not-due': 'not-due',
};
/** `fox: restored from the Actions cache, nothing sent`. */
function planText(row) {
    const text = {
        cached: 'restored from the Actions cache, nothing sent',
        'pending-task': "resumes an earlier run's task",
        resume: `collects task ${row.task_id}, nothing new submitted`,
        new: 'submitted to FoxAPI (paid)',
        skipped: 'skipped (max-credits reached), nothing sent',
        'not-due': 'not due on this run, nothing sent',
    };
    return `${row.name}: ${text[row.plan]}`;
}
const PLAN_ICONS = { cached: '♻️', 'pending-task': '⏳', resume: '⏳', new: '🆕', skipped: '⏭️', 'not-due': '💤' };
/** What a real run would do, in a few words, per plan. */
const PLAN_WORDS = {
    cached: 'reused from the cache: nothing sent, nothing paid',
    'pending-task': "collects an earlier run's task: nothing new paid",
    resume: 'collects the task-id: nothing new paid',
    new: 'makes a new clip: paid',
    skipped: 'skipped: budget reached, nothing sent',
    'not-due': 'not due on this run: nothing sent',
};
/** Writes the plan's summary. */
async function writePlanSummary(rows, options) {
    await (0,actions_io/* writeSummaryHtml */.Lv)(renderPlanSummary(rows, options));
}
/** The plan's summary: a headline, a row per clip (what a real run would do, the prompt, the file), and notes. */
function renderPlanSummary(rows, options) {
    const count = (...plans) => rows.filter((r) => plans.includes(r.plan)).length;
    const paid = count('new');
    const parts = [`🧪 Dry run: ${paid} new clip${paid === 1 ? '' : 's'} would be paid for`];
    if (count('cached') > 0)
        parts.push(`${count('cached')} reused from the cache`);
    if (count('pending-task', 'resume') > 0)
        parts.push(`${count('pending-task', 'resume')} collected (paid earlier)`);
    if (count('skipped') > 0)
        parts.push(`⏭️ ${count('skipped')} skipped: budget reached`);
    if (count('not-due') > 0)
        parts.push(`${count('not-due')} not due`);
    if (options.budget)
        parts.push(`${(0,budget_view/* budgetLine */["in"])(options.budget)} before this run`);
    const intro = [
        options.preview ? `A preview of what ${options.preview} would do, made from this run. ` : '',
        options.keyless
            ? "Nothing was sent to FoxAPI. Without 'api-key' the plan could check neither the cache's entries nor earlier runs' tasks: " +
                "a clip the cache holds is assumed good, an earlier run's task assumed able to deliver."
            : "Nothing was created or paid at FoxAPI: the plan asked the Actions cache and, for tasks earlier runs paid for, FoxAPI's free status query.",
    ].join('');
    const html = (0,report_html/* join */.fj)([
        (0,report_html.el)('h3', undefined, parts.join(' · ')),
        (0,report_html.el)('p', undefined, intro),
        planTable(rows),
        mediaSection(rows),
        (0,report_html.el)('p', undefined, (0,report_html.el)('sub', undefined, (0,report_html/* join */.fj)(footerLines(options), (0,report_html.el)('br', undefined)))),
    ]);
    return `${(0,secrets/* redact */.E)((0,shown_paths/* scrubRunnerPaths */.wE)(html.html))}\n`;
}
function planTable(rows) {
    const header = (0,report_html.el)('tr', undefined, ...['Clip', 'What a real run would do', 'Prompt', 'File'].map((h) => (0,report_html.el)('th', { align: 'left' }, h)));
    const body = rows.map((r) => {
        const request = (r.request ?? {});
        const prompt = (0,clip_words/* promptShown */.qq)(request);
        return (0,report_html.el)('tr', undefined, (0,report_html.el)('td', undefined, (0,report_html.el)('b', undefined, r.name)), (0,report_html.el)('td', undefined, `${PLAN_ICONS[r.plan]} ${PLAN_WORDS[r.plan]}`, r.note ? (0,report_html/* join */.fj)([(0,report_html.el)('br', undefined), (0,report_html/* text */.Qq)((0,cron_words/* withCronWords */.c)(r.note), 600)]) : undefined), (0,report_html.el)('td', undefined, prompt !== undefined ? (0,report_html/* text */.Qq)(`“${prompt}”`) : '—', request.model ? (0,report_html/* join */.fj)([(0,report_html.el)('br', undefined), (0,clip_words/* settingsWords */.Fg)(request, undefined)]) : undefined), (0,report_html.el)('td', undefined, r.output_path ? (0,report_html.el)('code', undefined, r.output_path) : '—'));
    });
    return (0,report_html.el)('table', undefined, (0,report_html.el)('thead', undefined, header), (0,report_html.el)('tbody', undefined, ...body));
}
/** The user's own files a real run would upload (when the plan lists any). */
function mediaSection(rows) {
    const items = rows.flatMap((r) => (r.media ?? []).map((m) => (0,report_html.el)('li', undefined, (0,report_html.el)('b', undefined, r.name), `: ${m.kind} ${m.path} (${(0,shown_paths/* sizeText */.lP)(m.bytes)}, ${m.field})`)));
    return items.length > 0 ? (0,report_html/* join */.fj)([(0,report_html.el)('h4', undefined, 'Files a real run would upload'), (0,report_html.el)('ul', undefined, ...items)]) : undefined;
}
function footerLines(options) {
    const reuse = options.reuse === 'run'
        ? 'Each new run makes fresh clips; a re-run of a run reuses its clips.'
        : options.reuse === 'request'
            ? 'A clip is reused from the Actions cache whenever the same request comes again.'
            : undefined;
    return [
        ...(reuse ? [reuse] : []),
        ...(options.maxCredits !== undefined && !options.budget
            ? [`max-credits ${(0,outputs/* formatCredits */.Ql)(options.maxCredits)} would stop new tasks once FoxAPI reports that many credits reserved.`]
            : []),
        'FoxAPI publishes no price list: what a task costs is known only from its replies.',
        ...(options.notes ?? []),
    ];
}

// EXTERNAL MODULE: ./src/records/delivered-notes.ts
var delivered_notes = __webpack_require__(92886);
// EXTERNAL MODULE: ./src/records/spend-records.ts
var spend_records = __webpack_require__(76761);
// EXTERNAL MODULE: ./src/report/results-file.ts
var results_file = __webpack_require__(89047);
// EXTERNAL MODULE: ./src/report/schedule-notes.ts
var schedule_notes = __webpack_require__(58353);
// EXTERNAL MODULE: ./src/security/destinations.ts
var destinations = __webpack_require__(56769);
// EXTERNAL MODULE: ./src/run/budget.ts
var run_budget = __webpack_require__(50404);
// EXTERNAL MODULE: ./src/run/clip-decision.ts
var clip_decision = __webpack_require__(68498);
// EXTERNAL MODULE: ./src/run/check-media.ts
var check_media = __webpack_require__(94460);
// EXTERNAL MODULE: ./src/run/look-up.ts
var look_up = __webpack_require__(21442);
// EXTERNAL MODULE: ./src/run/period-budget.ts
var period_budget = __webpack_require__(63352);
// EXTERNAL MODULE: ./src/run/start-task.ts
var start_task = __webpack_require__(24815);
;// CONCATENATED MODULE: ./src/run/dry-run.ts
// The dry run (`dry-run: true`). Every input has been read and validated already; here each clip gets the very
// decision a paid run would make (src/run/clip-decision.ts), from the same facts: the same cache lookup (with
// 'api-key', entries are downloaded and proven, and a cached clip is checked, but nothing is restored or saved;
// without it, only entry keys are read), FoxAPI's answer about an earlier run's pending task (a free GET, with
// 'api-key': one that failed, was cancelled or expired is a new payment) and the period's budget. With
// `preview-event` the facts are those of the previewed run (src/inputs/preview-event.ts). Each request is shown
// exactly as it would be sent (key hidden), and the plan is written as outputs, summary and results file. Nothing
// is created or paid at FoxAPI.


























/** The dry run: plan every clip, log each request, write outputs, summary and results file. */
async function runDryRun(clips, options) {
    const { settings, notDue = [] } = options;
    if (await (0,check_media/* refuseUnusableMedia */.c)(clips, settings.workspace))
        return;
    const previewed = settings.preview ? `, as ${(0,preview_event/* previewWords */.GK)(settings.preview)} would make them` : '';
    log/* info */.pq(`Dry run: every input is valid; ${clips.length} clip${clips.length === 1 ? '' : 's'} planned${previewed}. Nothing is created or paid at FoxAPI and nothing is restored or saved.`);
    if (settings.apiKey === '')
        log/* info */.pq("No 'api-key' is set: fine for a dry run, but a real run needs one.");
    const notes = [];
    if (notDue.length > 0)
        log/* info */.pq((0,schedule_notes/* notDueText */.n)(notDue));
    if (clips.length === 0 && notDue.length > 0)
        notes.push('Nothing is due: a real run would send nothing and end green.');
    if (settings.cache)
        log/* info */.pq(`Cache: ${settings.reuse.why}.`);
    // The spend records are read (never written) before any clip is looked up.
    const budget = settings.budget && clips.length > 0 ? await planBudget(settings) : undefined;
    if (budget)
        log/* info */.pq(budget.note);
    // The summary's headline shows a budget that was read; one that could not be is said in words.
    if (budget && budget.spent === undefined)
        notes.push(budget.note);
    for (const note of notes)
        log/* info */.pq(note);
    const rows = await planRows(clips, notDue, settings, budget?.refusal);
    await logPlan(rows, clips, settings);
    (0,actions_io/* setOutputSafely */.UD)('status', 'planned');
    (0,actions_io/* setOutputOrFile */.nF)('results', JSON.stringify(rows), { alreadyIn: 'results-file' });
    (0,matrix/* writeMatrix */.T)(clips);
    (0,actions_io/* setOutputSafely */.UD)('credits', '0');
    await (0,results_file/* writeResultsOutput */.jq)(settings.resultsFile, rows, settings.workspace);
    const view = budget?.spent !== undefined ? (0,budget_view/* budgetView */.dK)(settings, 0, { spentEarlier: budget.spent }) : undefined;
    await writePlanSummary(rows, {
        maxCredits: settings.maxCredits,
        notes,
        ...(view ? { budget: view } : {}),
        ...(settings.preview ? { preview: (0,preview_event/* previewWords */.GK)(settings.preview) } : {}),
        ...(settings.cache ? { reuse: settings.reuse.mode } : {}),
        keyless: settings.apiKey === '',
    });
}
/** A row per clip, then one per entry not due (which sends nothing, so shows no request). */
async function planRows(clips, notDue, settings, budgetRefusal) {
    const cache = new result_cache/* ResultCache */.A(settings.cache, settings.workspace, { apiKey: settings.apiKey, maxClipBytes: settings.maxDownloadBytes });
    const status = settings.apiKey !== '' ? taskStatusChecks(settings) : undefined;
    // Under `reuse: run`, as the paid run does: a pending task another run received is not adopted (the notes are read only).
    const notes = settings.reuse.mode === 'run' ? delivered_notes/* DeliveredNotes */.y.open({ apiKey: settings.apiKey, githubToken: settings.githubToken }) : undefined;
    const rows = [];
    try {
        for (const clip of clips) {
            const key = cache.enabled ? (0,cache_key/* clipCacheKey */.Yq)(clip, settings.cacheKey) : undefined;
            const facts = await planFacts(clip, key, cache, settings, {
                ...(status ? { checkPending: status.check } : {}),
                ...(notes ? { notes } : {}),
            });
            const decision = (0,clip_decision/* decideClip */.d)({ ...facts, ...(budgetRefusal !== undefined ? { budgetRefusal } : {}) });
            rows.push(planRow(clip, decision, key, noteOf(facts, decision, settings)));
        }
    }
    finally {
        await (0,staging/* removeCacheStaging */.OB)(settings.workspace);
        await status?.close();
    }
    for (const entry of notDue) {
        const decision = (0,clip_decision/* decideClip */.d)({ notDue: entry.reason, cache: { kind: 'not-asked', why: 'not due' } });
        rows.push({ ...planRow({ name: entry.name, outputPath: '' }, decision, undefined, entry.reason), output_path: '', request: null });
    }
    return rows;
}
/**
 * What a paid run would find for `clip`: with 'api-key', the same lookup it makes (entries proven, a cached clip
 * checked on its private copy, nothing placed); without, the entry keys alone.
 */
async function planFacts(clip, key, cache, settings, asks = {}) {
    const base = clip.taskId !== undefined ? { taskId: clip.taskId } : {};
    if (key === undefined)
        return { ...base, cache: (0,look_up/* findingOf */.hD)(undefined, key, { cache, settings }) };
    const runId = (0,cache_key/* reuseRunId */.f5)(settings);
    if (settings.apiKey === '')
        return { ...base, cache: await peekFinding(cache, key, runId) };
    // The paid run's lookup, without placing the clip anywhere.
    const looked = await cache.lookup(key, (0,look_up/* lookupOptions */.bc)(settings, { request: clip.request, mode: settings.verify, label: `[${clip.name}] `, log: log/* info */.pq }));
    const found = await (0,look_up/* deliveredElsewhere */.pG)(looked, key, { settings, ...(asks.notes ? { notes: asks.notes } : {}) });
    const finding = (0,look_up/* findingOf */.hD)(found, key, { cache, settings });
    // The paid run asks FoxAPI about an earlier run's task before adopting it: so does its plan (a GET is free).
    const pending = finding.kind === 'pending' && finding.taskId !== undefined ? await asks.checkPending?.(finding.taskId, clip) : undefined;
    return { ...base, cache: finding, ...(pending ? { pending } : {}) };
}
/** The dry run's only requests to FoxAPI: status queries (GET, free) of earlier runs' pending tasks. */
function taskStatusChecks(settings) {
    const agent = (0,http/* createHttpAgent */.rA)(settings.requestTimeoutMs);
    const client = new api_client/* FoxApiClient */.Tn((0,api_client/* runClientOptions */.PF)(settings, agent));
    const signal = new AbortController().signal;
    const check = async (taskId, clip) => {
        try {
            const deadline = Date.now() + settings.requestTimeoutMs * 4;
            const answer = await (0,start_task/* checkPendingTask */.r)(taskId, clip.request?.model, { client, signal }, deadline, (line) => log/* info */.pq(`[${clip.name}] ${line}`));
            return answer.check;
        }
        catch (error) {
            log/* info */.pq(`[${clip.name}] FoxAPI could not be asked about task ${taskId} (${(0,errors/* messageOf */.bD)(error)}).`);
            return { usable: true };
        }
    };
    return { check, close: () => agent.destroy() };
}
/** A finding from entry keys alone: what a dry run without 'api-key' can know (no proof checked). */
async function peekFinding(cache, key, runId) {
    const held = await cache.peek(key, runId);
    if (held === 'clip')
        return { kind: 'clip', usable: 'unproven' };
    if (held === 'pending')
        return { kind: 'pending', taskId: undefined };
    if (held === 'delivered')
        return { kind: 'delivered', taskId: '', why: 'its last task was delivered to an earlier run' };
    return held === 'none' ? { kind: 'empty' } : { kind: 'no-answer' };
}
function planRow(clip, decision, key, note) {
    const taskId = decision.action === 'resume' || decision.action === 'collect' ? (decision.taskId ?? '') : (clip.taskId ?? '');
    return {
        name: clip.name,
        status: 'planned',
        plan: PLAN_OF_ACTION[decision.action],
        decision: decision.action,
        why: decision.why,
        ...(note !== undefined ? { note } : {}),
        cache_key: key ?? '',
        task_id: taskId,
        output_path: clip.outputPath.replaceAll('{name}', (0,destinations/* safeFileName */.Tx)(clip.name)),
        request: clip.request ?? null,
        ...(clip.media?.length ? { media: mediaUses(clip.media) } : {}),
    };
}
/** The workspace files of a plan row: path, type, size (nothing is read beyond what the input check read). */
function mediaUses(files) {
    return files.map(({ field, path, kind, bytes, type, sha256 }) => ({ field, path, kind, bytes, type: type.name, sha256 }));
}
/** The plan's note: what a reader would otherwise wonder about the cache. */
function noteOf(facts, decision, settings) {
    const finding = facts.cache;
    if (decision.action === 'resume')
        return undefined;
    if (finding.kind === 'pending' && facts.pending?.usable === false)
        return `an earlier run paid for task ${finding.taskId ?? ''}, which ${facts.pending.why}: a real run pays for a new one`;
    if (finding.kind === 'pending' && finding.taskId === undefined)
        return "an earlier run's task is waiting in the cache; without 'api-key' the dry run cannot ask FoxAPI whether it can still deliver (if it failed, was cancelled or expired, a real run pays for a new one)";
    if (finding.kind === 'not-asked')
        return finding.why;
    if (finding.kind === 'no-answer')
        return 'the Actions cache could not be asked';
    if (finding.kind === 'clip' && finding.usable === false)
        return finding.why;
    if (finding.kind === 'clip' && finding.usable === 'unproven')
        return "its proof is checked only with 'api-key'";
    if (decision.action === 'collect')
        return facts.pending?.usable === true
            ? 'submitted by an earlier run, and FoxAPI says it can still deliver: collected, nothing new paid'
            : 'submitted by an earlier run; a new task only if that one failed or expired';
    if (finding.kind === 'delivered')
        return settings.reuse.mode === 'run'
            ? 'each new run makes a fresh clip: the one an earlier run made for this request is not reused'
            : finding.why;
    return undefined;
}
/** Logs each row in a group of its own: the plan, and the request as it would be sent. */
async function logPlan(rows, clips, settings) {
    for (const [index, row] of rows.entries()) {
        const request = clips[index]?.request;
        const lines = row.note ? [`Note: ${row.note}.`] : [];
        lines.push(...uploadLines(clips[index]?.media ?? [], row, settings));
        if (request) {
            const wire = (0,api_client/* previewCreate */.fu)(settings.baseUrl, request);
            lines.push(`${wire.method} ${wire.url}`);
            for (const [name, value] of Object.entries(wire.headers))
                lines.push(`${name}: ${value}`);
            lines.push(wire.body ?? '');
        }
        await log/* group */.Os(`Plan: ${planText(row)}`, () => {
            for (const line of lines)
                log/* info */.pq(line);
            return Promise.resolve();
        });
    }
}
/** The uploads a real run would make for the row's clip, before its create (none unless the plan is a new task). */
function uploadLines(files, row, settings) {
    if (files.length === 0)
        return [];
    if (row.plan !== 'new')
        return [`Uploads: none (${files.map((f) => f.path).join(', ')} would be uploaded only for a new task).`];
    const target = `POST ${new URL(file_upload/* UPLOAD_PATH */.E, `${settings.baseUrl}/`).toString()}`;
    return files.map((f) => `Upload (right before the create, once per content in the run): ${f.path} (${f.type.label}, ${(0,media_files/* sizeText */.lP)(f.bytes)}, sha256 ${f.sha256.slice(0, 16)}…) for ${f.field} → ${target}; the URL FoxAPI returns replaces the path in the request below.`);
}
/** What a real run would find in the period's spend records (read only: nothing is saved), and a refusal if it is spent. */
async function planBudget(settings) {
    const budget = settings.budget;
    if (!budget)
        return { note: '' };
    const opened = spend_records/* SpendRecords */.R.open({ apiKey: settings.apiKey, githubToken: settings.githubToken, budget });
    if (!(opened instanceof spend_records/* SpendRecords */.R))
        return { note: `Budget for ${budget.key}: a real run would fail before sending anything: ${opened.unavailable}.` };
    if (settings.apiKey === '')
        return {
            note: `Budget for ${budget.key}: without 'api-key' the spend records' proofs cannot be checked, so the dry run does not read them.`,
        };
    const reading = await opened.read();
    // The refusal a paid run's budget would give, in its words: the same budget, told what the records say.
    if (reading.kind === 'untrusted') {
        return {
            note: `Budget for ${budget.key}: the spend records cannot be trusted (${reading.reason}): a real run would treat max-credits as reached and submit nothing.`,
            refusal: new run_budget/* CreditBudget */.Pv(settings.maxCredits, () => { }, (0,period_budget/* untrustedPeriod */.I)(budget.key, reading.reason)).refusal,
        };
    }
    const paid = new run_budget/* CreditBudget */.Pv(settings.maxCredits, () => { }, { period: budget.key, spentEarlier: reading.spent });
    const limit = settings.maxCredits ?? 0;
    const left = Math.max(0, limit - reading.spent);
    const spent = `${(0,outputs/* formatCredits */.Ql)(reading.spent)} of max-credits ${(0,outputs/* formatCredits */.Ql)(limit)} spent by earlier runs`;
    return paid.reached
        ? {
            note: `Budget for ${budget.key} (all runs of ${budget.scope}): ${spent}: a real run would submit nothing new.`,
            refusal: paid.refusal,
            spent: reading.spent,
        }
        : {
            note: `Budget for ${budget.key} (all runs of ${budget.scope}): ${spent}; a real run may submit while under ${(0,outputs/* formatCredits */.Ql)(left)} more.`,
            spent: reading.spent,
        };
}


/***/ })

};
