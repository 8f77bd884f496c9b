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
// EXTERNAL MODULE: ./src/cache/result-cache.ts + 5 modules
var result_cache = __webpack_require__(71164);
// EXTERNAL MODULE: ./src/cache/staging.ts
var staging = __webpack_require__(3511);
// EXTERNAL MODULE: ./src/clip/clip-verify.ts + 2 modules
var clip_verify = __webpack_require__(82711);
// EXTERNAL MODULE: ./src/foxapi/api-client.ts
var api_client = __webpack_require__(3131);
// EXTERNAL MODULE: ./src/foxapi/file-upload.ts
var file_upload = __webpack_require__(29855);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./src/media/media-files.ts + 1 modules
var media_files = __webpack_require__(14389);
// EXTERNAL MODULE: ./src/report/actions-io.ts
var actions_io = __webpack_require__(61266);
// EXTERNAL MODULE: ./src/report/matrix.ts
var matrix = __webpack_require__(53677);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(65468);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(96251);
// EXTERNAL MODULE: ./src/report/summary.ts
var report_summary = __webpack_require__(57994);
;// CONCATENATED MODULE: ./src/report/plan-summary.ts
// The dry run's plan as the job summary shows it: a row per clip (what a real run would do with it, and why), the
// counts of new tasks, restores and resumes, and the notes about the run (budget, calendar, cache).




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
/** Writes the plan's summary. */
async function writePlanSummary(rows, maxCredits, notes) {
    const count = (plan) => rows.filter((r) => r.plan === plan).length;
    const summary = core/* summary */.z.addHeading('FoxAPI video: plan (dry run)', 2);
    summary.addTable([
        [
            { data: 'Clip', header: true },
            { data: 'Plan', header: true },
            { data: 'Model', header: true },
            { data: 'Request', header: true },
            { data: 'Output', header: true },
            { data: 'Cache key', header: true },
        ],
        ...rows.map((r) => {
            const request = (r.request ?? {});
            return [
                (0,report_summary/* cell */.Hn)(r.name, 200),
                `${PLAN_ICONS[r.plan]} ${(0,report_summary/* cell */.Hn)(planText(r).slice(r.name.length + 2))}${r.note ? `<br>${(0,report_summary/* cell */.Hn)(r.note)}` : ''}`,
                (0,report_summary/* cell */.Hn)(typeof request.model === 'string' ? request.model : '', 100),
                (0,report_summary/* cell */.Hn)(requestText(request), 400),
                r.output_path ? `<code>${(0,report_summary/* cell */.Hn)(r.output_path, 300)}</code>` : '',
                r.cache_key ? `<code>${(0,report_summary/* cell */.Hn)(r.cache_key)}</code>` : '',
            ];
        }),
    ]);
    const paid = count('new');
    summary.addRaw(`<p>Nothing was sent to FoxAPI. A real run would submit <b>${paid}</b> new task${paid === 1 ? '' : 's'}, ` +
        `restore ${count('cached')} from the cache and resume ${count('pending-task') + count('resume')}.` +
        (maxCredits !== undefined ? ` max-credits ${maxCredits} would stop submissions once FoxAPI reports that many reserved.` : '') +
        ' FoxAPI publishes no price list: what a task costs is known only from its replies.</p>');
    const uploads = rows.filter((r) => r.plan === 'new').flatMap((r) => (r.media ?? []).map((m) => ({ ...m, clip: r.name })));
    if (uploads.length > 0) {
        const files = [...new Map(uploads.map((m) => [m.sha256, m])).values()];
        summary.addRaw(`<p>Files a real run would upload to FoxAPI's file storage (each content once), right before the task that needs it: ` +
            files.map((m) => `<code>${(0,report_summary/* cell */.Hn)(m.path, 300)}</code> (${(0,report_summary/* cell */.Hn)(`${m.type}, ${(0,media_files/* sizeText */.lP)(m.bytes)}`)})`).join(', ') +
            '.</p>');
    }
    for (const note of notes)
        summary.addRaw(`<p>${(0,report_summary/* cell */.Hn)(note)}</p>`);
    const text = summary.stringify();
    summary.emptyBuffer();
    await (0,actions_io/* writeSummaryHtml */.Lv)(text);
}
/** The request in a few words: prompt (cut short), then the other fields. */
function requestText(request) {
    const { prompt, model: _model, ...rest } = request;
    const parts = [];
    if (typeof prompt === 'string')
        parts.push(`“${prompt.length > 120 ? `${prompt.slice(0, 120)}…` : prompt}”`);
    for (const [name, value] of Object.entries(rest)) {
        if (value === undefined)
            continue;
        const shown = Array.isArray(value)
            ? `${value.length} item${value.length === 1 ? '' : 's'}`
            : typeof value === 'string'
                ? value
                : JSON.stringify(value);
        parts.push(`${name}: ${shown}`);
    }
    return parts.join(', ').replace(/\s+/g, ' ');
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
// EXTERNAL MODULE: ./src/run/check-media.ts + 2 modules
var check_media = __webpack_require__(8165);
// EXTERNAL MODULE: ./src/run/clip-pipeline.ts + 7 modules
var clip_pipeline = __webpack_require__(90562);
// EXTERNAL MODULE: ./src/run/period-budget.ts
var period_budget = __webpack_require__(63352);
;// CONCATENATED MODULE: ./src/run/dry-run.ts
// The dry run (`dry-run: true`). Every input has been read and validated already; here each clip gets the very
// decision a paid run would make (src/run/clip-decision.ts), from the same facts: the same cache lookup (with
// 'api-key', entries are downloaded and proven, and a cached clip is checked, but nothing is restored or saved;
// without it, only entry keys are read) and the period's budget. Each request is shown exactly as it would be sent
// (key hidden), and the plan is written as outputs, summary and results file. Nothing is sent to FoxAPI.






















/** The dry run: plan every clip, log each request, write outputs, summary and results file. */
async function runDryRun(clips, options) {
    const { settings, notDue = [] } = options;
    if (await (0,check_media/* refuseUnusableMedia */.c)(clips, settings.workspace))
        return;
    log/* info */.pq(`Dry run: every input is valid; ${clips.length} clip${clips.length === 1 ? '' : 's'} planned. Nothing is sent to FoxAPI and nothing is restored or saved.`);
    if (settings.apiKey === '')
        log/* info */.pq("No 'api-key' is set: fine for a dry run, but a real run needs one.");
    const notes = [];
    if (notDue.length > 0)
        notes.push((0,schedule_notes/* notDueText */.n)(notDue));
    if (clips.length === 0 && notDue.length > 0)
        notes.push('Nothing is due: a real run would send nothing and end green.');
    if (settings.cache)
        notes.push(`Cache: ${settings.reuse.why}.`);
    // The spend records are read (never written) before any clip is looked up.
    const budget = settings.budget && clips.length > 0 ? await planBudget(settings) : undefined;
    if (budget)
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
    await writePlanSummary(rows, settings.maxCredits, notes);
}
/** A row per clip, then one per entry not due (which sends nothing, so shows no request). */
async function planRows(clips, notDue, settings, budgetRefusal) {
    const cache = new result_cache/* ResultCache */.A(settings.cache, settings.workspace, { apiKey: settings.apiKey, maxClipBytes: settings.maxDownloadBytes });
    const rows = [];
    try {
        for (const clip of clips) {
            const key = cache.enabled ? (0,cache_key/* clipCacheKey */.Yq)(clip, settings.cacheKey) : undefined;
            const facts = await planFacts(clip, key, cache, settings);
            const decision = (0,clip_decision/* decideClip */.d)({ ...facts, ...(budgetRefusal !== undefined ? { budgetRefusal } : {}) });
            rows.push(planRow(clip, decision, key, noteOf(facts.cache, decision)));
        }
    }
    finally {
        await (0,staging/* removeCacheStaging */.OB)(settings.workspace);
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
async function planFacts(clip, key, cache, settings) {
    const base = clip.taskId !== undefined ? { taskId: clip.taskId } : {};
    if (key === undefined)
        return { ...base, cache: (0,clip_pipeline/* findingOf */.hD)(undefined, key, { cache, settings }) };
    const runId = (0,cache_key/* reuseRunId */.f5)(settings);
    if (settings.apiKey === '')
        return { ...base, cache: await peekFinding(cache, key, runId) };
    const looked = await cache.lookup(key, {
        wantClip: settings.wait && settings.download,
        ...(runId !== undefined ? { runId } : {}),
        check: (file) => (0,clip_verify/* checkRestoredClip */.LS)(file, { request: clip.request, mode: settings.verify, label: `[${clip.name}] `, log: log/* info */.pq }),
    });
    // Under `reuse: run`, as the paid run does: a pending task another run received is not adopted (the notes are read only).
    const notes = settings.reuse.mode === 'run' ? delivered_notes/* DeliveredNotes */.y.open({ apiKey: settings.apiKey, githubToken: settings.githubToken }) : undefined;
    const found = await (0,clip_pipeline/* deliveredElsewhere */.pG)(looked, key, { settings, ...(notes ? { notes } : {}) });
    return { ...base, cache: (0,clip_pipeline/* findingOf */.hD)(found, key, { cache, settings }) };
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
function noteOf(finding, decision) {
    if (decision.action === 'resume')
        return undefined;
    if (finding.kind === 'not-asked')
        return finding.why;
    if (finding.kind === 'no-answer')
        return 'the Actions cache could not be asked';
    if (finding.kind === 'clip' && finding.usable === false)
        return finding.why;
    if (finding.kind === 'clip' && finding.usable === 'unproven')
        return "its proof is checked only with 'api-key'";
    if (decision.action === 'collect')
        return 'submitted by an earlier run; a new task only if that one failed or expired';
    if (finding.kind === 'delivered')
        return finding.why;
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
        }
        : {
            note: `Budget for ${budget.key} (all runs of ${budget.scope}): ${spent}; a real run may submit while under ${(0,outputs/* formatCredits */.Ql)(left)} more.`,
        };
}


/***/ })

};
