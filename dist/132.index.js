export const id = 132;
export const ids = [132];
export const modules = {

/***/ 87132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDryRun: () => (/* binding */ runDryRun)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96251);
/* harmony import */ var _foxapi_api_client__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3131);
/* harmony import */ var _cache_cache_key__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24950);
/* harmony import */ var _cache_credit_ledger__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16267);
/* harmony import */ var _report_outputs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65468);
/* harmony import */ var _report_schedule_notes__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(58353);
/* harmony import */ var _report_matrix__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(53677);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(25625);
/* harmony import */ var _report_actions_io__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(61266);
/* harmony import */ var _report_summary__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(57994);
/* harmony import */ var _cache_result_cache__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(50206);
/* harmony import */ var _report_results_file__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(89047);
/* harmony import */ var _security_destinations__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(56769);
// The dry run (`dry-run: true`) and the job matrix. A dry run has read and validated every input already;
// here it shows each request exactly as it would be sent (key hidden), asks the Actions cache whether it
// holds each clip (a lookup only: nothing is restored or saved), and writes the plan as outputs, summary and
// results file. Nothing at all is sent to FoxAPI.













/** The dry run: plan every clip, log each request, write outputs, summary and results file. */
async function runDryRun(clips, options) {
    const { settings, notDue = [] } = options;
    _log__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Dry run: every input is valid; ${clips.length} clip${clips.length === 1 ? '' : 's'} planned. Nothing is sent to FoxAPI and nothing is restored or saved.`);
    if (settings.apiKey === '')
        _log__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq("No 'api-key' is set: fine for a dry run, but a real run needs one.");
    const notes = [];
    if (notDue.length > 0)
        notes.push((0,_report_schedule_notes__WEBPACK_IMPORTED_MODULE_5__/* .notDueText */ .n)(notDue));
    if (clips.length === 0 && notDue.length > 0)
        notes.push('Nothing is due: a real run would send nothing and end green.');
    if (settings.cache)
        notes.push(`Cache: ${settings.reuse.why}.`);
    // The ledger is read before any clip is looked up: nothing else uses the cache meanwhile.
    if (settings.budget && clips.length > 0)
        notes.push(await planBudget(settings));
    for (const note of notes)
        _log__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(note);
    const cache = new _cache_result_cache__WEBPACK_IMPORTED_MODULE_10__/* .ResultCache */ .Ai(settings.cache, settings.workspace, { apiKey: settings.apiKey, maxClipBytes: settings.maxDownloadBytes });
    const rows = [];
    for (const clip of clips)
        rows.push(await planClip(clip, settings, cache));
    for (const entry of notDue) {
        rows.push({
            name: entry.name,
            status: 'planned',
            plan: 'not-due',
            note: entry.reason,
            cache_key: '',
            task_id: '',
            output_path: '',
            request: null,
        });
    }
    // The rows of the clips, then those of entries not due (which send nothing, so show no request).
    for (const [index, row] of rows.entries()) {
        const request = clips[index]?.request;
        const lines = row.note ? [`Note: ${row.note}.`] : [];
        if (request) {
            const wire = (0,_foxapi_api_client__WEBPACK_IMPORTED_MODULE_1__/* .previewCreate */ .fu)(settings.baseUrl, request);
            lines.push(`${wire.method} ${wire.url}`);
            for (const [name, value] of Object.entries(wire.headers))
                lines.push(`${name}: ${value}`);
            lines.push(wire.body ?? '');
        }
        await _log__WEBPACK_IMPORTED_MODULE_7__/* .group */ .Os(`Plan: ${planText(row)}`, () => {
            for (const line of lines)
                _log__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(line);
            return Promise.resolve();
        });
    }
    (0,_report_actions_io__WEBPACK_IMPORTED_MODULE_8__/* .setOutputSafely */ .UD)('status', 'planned');
    (0,_report_actions_io__WEBPACK_IMPORTED_MODULE_8__/* .setOutputOrFile */ .nF)('results', JSON.stringify(rows), { alreadyIn: 'results-file' });
    (0,_report_matrix__WEBPACK_IMPORTED_MODULE_6__/* .writeMatrix */ .T)(clips);
    (0,_report_actions_io__WEBPACK_IMPORTED_MODULE_8__/* .setOutputSafely */ .UD)('credits', '0');
    await (0,_report_results_file__WEBPACK_IMPORTED_MODULE_11__/* .writeResultsOutput */ .jq)(settings.resultsFile, rows, settings.workspace);
    await writePlanSummary(rows, settings, notes);
}
/** What a real run would find in the period's budget ledger (read only: nothing is saved). */
async function planBudget(settings) {
    const budget = settings.budget;
    if (!budget)
        return '';
    const opened = _cache_credit_ledger__WEBPACK_IMPORTED_MODULE_3__/* .CreditLedger */ .N.open({ cache: settings.cache, apiKey: settings.apiKey, workspace: settings.workspace, budget });
    if (!(opened instanceof _cache_credit_ledger__WEBPACK_IMPORTED_MODULE_3__/* .CreditLedger */ .N))
        return `Budget for ${budget.key}: a real run would fail before sending anything: the ledger needs the Actions cache (${opened.unavailable}).`;
    if (settings.apiKey === '')
        return `Budget for ${budget.key}: without 'api-key' the ledger's proof cannot be checked, so the dry run does not read it.`;
    const reading = await opened.read();
    if (reading.kind === 'untrusted')
        return `Budget for ${budget.key}: the ledger cannot be trusted (${reading.reason}): a real run would treat max-credits as reached and submit nothing.`;
    const limit = settings.maxCredits ?? 0;
    const left = Math.max(0, limit - reading.spent);
    return (`Budget for ${budget.key} (all runs of ${budget.scope}): ${(0,_report_outputs__WEBPACK_IMPORTED_MODULE_4__/* .formatCredits */ .Ql)(reading.spent)} of max-credits ${(0,_report_outputs__WEBPACK_IMPORTED_MODULE_4__/* .formatCredits */ .Ql)(limit)} spent by earlier runs` +
        (left > 0 ? `; a real run may submit while under ${(0,_report_outputs__WEBPACK_IMPORTED_MODULE_4__/* .formatCredits */ .Ql)(left)} more.` : ': a real run would submit nothing new.'));
}
async function planClip(clip, settings, cache) {
    const row = {
        name: clip.name,
        status: 'planned',
        plan: 'new',
        cache_key: '',
        task_id: clip.taskId ?? '',
        output_path: clip.outputPath.replaceAll('{name}', (0,_security_destinations__WEBPACK_IMPORTED_MODULE_12__/* .safeFileName */ .Tx)(clip.name)),
        request: clip.request ?? null,
    };
    if (clip.taskId)
        return { ...row, plan: 'resume' };
    if (!clip.request)
        return row;
    if (!cache.enabled)
        return { ...row, note: settings.cache ? 'the Actions cache cannot be used on this runner' : 'cache: false' };
    const key = (0,_cache_cache_key__WEBPACK_IMPORTED_MODULE_2__/* .clipCacheKey */ .Yq)(clip, settings.cacheKey);
    if (key === undefined)
        return row;
    row.cache_key = key;
    const held = await cache.peek(key, (0,_cache_cache_key__WEBPACK_IMPORTED_MODULE_2__/* .reuseRunId */ .f5)(settings));
    const downloads = settings.wait && settings.download;
    if (held === 'clip' && downloads)
        return { ...row, plan: 'cached' };
    if (held === 'clip')
        return { ...row, note: 'the cache holds this clip, but a run without wait and download does not use it' };
    if (held === 'pending')
        return { ...row, plan: 'pending-task', note: 'submitted by an earlier run; a new task only if that one failed or expired' };
    if (held === undefined)
        return { ...row, note: 'the Actions cache could not be asked' };
    return row;
}
function planText(row) {
    const text = {
        cached: 'restored from the Actions cache, nothing sent',
        'pending-task': "resumes an earlier run's task",
        resume: `collects task ${row.task_id}, nothing new submitted`,
        new: 'submitted to FoxAPI (paid)',
        'not-due': 'not due on this run, nothing sent',
    };
    return `${row.name}: ${text[row.plan]}`;
}
const PLAN_ICONS = { cached: '♻️', 'pending-task': '⏳', resume: '⏳', new: '🆕', 'not-due': '💤' };
async function writePlanSummary(rows, settings, notes) {
    const count = (plan) => rows.filter((r) => r.plan === plan).length;
    const summary = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addHeading('FoxAPI video: plan (dry run)', 2);
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
                (0,_report_summary__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(r.name, 200),
                `${PLAN_ICONS[r.plan]} ${(0,_report_summary__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(planText(r).slice(r.name.length + 2))}${r.note ? `<br>${(0,_report_summary__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(r.note)}` : ''}`,
                (0,_report_summary__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(typeof request.model === 'string' ? request.model : '', 100),
                (0,_report_summary__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(requestText(request), 400),
                r.output_path ? `<code>${(0,_report_summary__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(r.output_path, 300)}</code>` : '',
                r.cache_key ? `<code>${(0,_report_summary__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(r.cache_key)}</code>` : '',
            ];
        }),
    ]);
    const paid = count('new');
    summary.addRaw(`<p>Nothing was sent to FoxAPI. A real run would submit <b>${paid}</b> new task${paid === 1 ? '' : 's'}, ` +
        `restore ${count('cached')} from the cache and resume ${count('pending-task') + count('resume')}.` +
        (settings.maxCredits !== undefined
            ? ` max-credits ${settings.maxCredits} would stop submissions once FoxAPI reports that many reserved.`
            : '') +
        ' FoxAPI publishes no price list: what a task costs is known only from its replies.</p>');
    for (const note of notes)
        summary.addRaw(`<p>${(0,_report_summary__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(note)}</p>`);
    const text = summary.stringify();
    summary.emptyBuffer();
    await (0,_report_actions_io__WEBPACK_IMPORTED_MODULE_8__/* .writeSummaryHtml */ .Lv)(text);
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


/***/ })

};
