export const id = 173;
export const ids = [173];
export const modules = {

/***/ 60173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   generate: () => (/* binding */ generate)
/* harmony export */ });
/* harmony import */ var _api_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87475);
/* harmony import */ var _budget__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(27562);
/* harmony import */ var _cache_key__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57719);
/* harmony import */ var _clip_runner__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40465);
/* harmony import */ var _constants__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27242);
/* harmony import */ var _http__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76803);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(25625);
/* harmony import */ var _outputs__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7729);
/* harmony import */ var _plan__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(22464);
/* harmony import */ var _result_cache__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(20795);
/* harmony import */ var _results_file__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(46024);
/* harmony import */ var _security_download_policy__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(89355);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(83916);
// The paid part of a run: submit each clip, wait for it, download it, then write the outputs, the results file
// and the summary. src/main.ts loads this module only once the inputs are valid, so that an input error (and
// the post step) never loads undici or the rest of the network code.













/** Runs every clip of a valid request to its end and reports it; never sends anything before it is called. */
async function generate(clips, { settings, batch }) {
    (0,_outputs__WEBPACK_IMPORTED_MODULE_6__/* .saveStateSafely */ .Fr)(_constants__WEBPACK_IMPORTED_MODULE_3__/* .State */ .Uw.CancelOnTimeout, String(settings.cancelOnTimeout));
    (0,_outputs__WEBPACK_IMPORTED_MODULE_6__/* .saveStateSafely */ .Fr)(_constants__WEBPACK_IMPORTED_MODULE_3__/* .State */ .Uw.BaseUrl, settings.baseUrl);
    const agent = (0,_http__WEBPACK_IMPORTED_MODULE_4__/* .createHttpAgent */ .rA)(settings.requestTimeoutMs);
    // Clips are fetched through their own dispatcher: every connection it opens is checked against the
    // download policy (no loopback, link-local or private address unless base-url is one).
    const downloadAgent = (0,_http__WEBPACK_IMPORTED_MODULE_4__/* .createHttpAgent */ .rA)(settings.requestTimeoutMs, {
        connect: (0,_security_download_policy__WEBPACK_IMPORTED_MODULE_10__/* .guardedConnector */ .sE)((0,_security_download_policy__WEBPACK_IMPORTED_MODULE_10__/* .downloadPolicyFor */ .Sj)(settings.baseUrl), Math.min(settings.requestTimeoutMs, 30_000)),
    });
    const client = new _api_client__WEBPACK_IMPORTED_MODULE_0__/* .FoxApiClient */ .Tn({
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        agent,
        retry: { baseDelayMs: 1_000, maxDelayMs: 30_000, maxAttempts: 6 },
        userAgent: 'foxapi-video-action',
    });
    const stop = new AbortController();
    // Kept for the whole run: the runner follows SIGINT with SIGTERM, which must not kill the step while it
    // still waits for a create's reply or cancels a task.
    const onSignal = (signal) => {
        _log__WEBPACK_IMPORTED_MODULE_5__/* .info */ .pq(`Received ${signal}${stop.signal.aborted ? ' again: still finishing up' : ': stopping'}.`);
        if (!stop.signal.aborted)
            stop.abort(new Error(`the run was cancelled (${signal})`));
    };
    // The runner stops a step with SIGINT, then SIGTERM; on Windows with Ctrl+C (SIGINT) and Ctrl+Break (SIGBREAK).
    const signals = process.platform === 'win32' ? ['SIGINT', 'SIGTERM', 'SIGBREAK'] : ['SIGINT', 'SIGTERM'];
    for (const signal of signals)
        process.on(signal, onSignal);
    const waiting = new Set();
    const recordWaiting = () => (0,_outputs__WEBPACK_IMPORTED_MODULE_6__/* .saveStateSafely */ .Fr)(_constants__WEBPACK_IMPORTED_MODULE_3__/* .State */ .Uw.WaitingTasks, JSON.stringify([...waiting]));
    let results;
    try {
        const cache = new _result_cache__WEBPACK_IMPORTED_MODULE_8__/* .ResultCache */ .A(settings.cache, settings.workspace);
        const budget = new _budget__WEBPACK_IMPORTED_MODULE_11__/* .CreditBudget */ .Pv(settings.maxCredits, (text) => _log__WEBPACK_IMPORTED_MODULE_5__/* .warning */ .$e(text));
        const run = () => (0,_clip_runner__WEBPACK_IMPORTED_MODULE_2__/* .runClips */ .ZM)(clips, {
            settings,
            client,
            agent: downloadAgent,
            cache,
            batch,
            signal: stop.signal,
            budget,
            log: (clip, line) => _log__WEBPACK_IMPORTED_MODULE_5__/* .info */ .pq(batch ? `[${clip}] ${line}` : line),
            onTaskStarted: (id) => {
                waiting.add(id);
                recordWaiting();
            },
            onTaskSettled: (id) => {
                waiting.delete(id);
                recordWaiting();
            },
        });
        results = batch ? await run() : await _log__WEBPACK_IMPORTED_MODULE_5__/* .group */ .Os(`FoxAPI: ${clips[0]?.name === 'clip' ? 'generate a clip' : clips[0]?.name}`, run);
        // None of these can hide the clip's result: each write reports its own failure, and the verdict below still comes.
        try {
            (0,_outputs__WEBPACK_IMPORTED_MODULE_6__/* .writeOutputs */ .Kn)(results);
            (0,_outputs__WEBPACK_IMPORTED_MODULE_6__/* .setOutputSafely */ .UD)('matrix', (0,_plan__WEBPACK_IMPORTED_MODULE_7__/* .matrixOf */ .l)(clips));
        }
        catch (error) {
            _log__WEBPACK_IMPORTED_MODULE_5__/* .warning */ .$e(`Could not write the step outputs (${(0,_errors__WEBPACK_IMPORTED_MODULE_12__/* .messageOf */ .bD)(error)}).`);
        }
        await (0,_results_file__WEBPACK_IMPORTED_MODULE_9__/* .writeResultsOutput */ .jq)(settings.resultsFile, results.map(_results_file__WEBPACK_IMPORTED_MODULE_9__/* .toFullResultRow */ .EH));
        await (0,_outputs__WEBPACK_IMPORTED_MODULE_6__/* .writeSummary */ .Sy)(results, { batch, maxCredits: settings.maxCredits });
        const failures = results.filter((r) => !(0,_clip_runner__WEBPACK_IMPORTED_MODULE_2__/* .isSuccess */ .oJ)(r));
        if (failures.length === 1 && results.length === 1)
            _log__WEBPACK_IMPORTED_MODULE_5__/* .setFailed */ .C1(failures[0]?.error ?? 'The clip failed');
        else if (failures.length > 0) {
            _log__WEBPACK_IMPORTED_MODULE_5__/* .setFailed */ .C1([
                `${failures.length} of ${results.length} clips did not finish:`,
                ...failures.map((f) => `- ${f.name}: ${f.error ?? f.outcome}`),
            ]);
        }
    }
    finally {
        await (0,_cache_key__WEBPACK_IMPORTED_MODULE_1__/* .removeCacheStaging */ .OB)(settings.workspace);
        for (const signal of signals)
            process.off(signal, onSignal);
        await Promise.all([agent.destroy(), downloadAgent.destroy()]);
    }
}


/***/ })

};
