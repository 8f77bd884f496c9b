export const id = 507;
export const ids = [507];
export const modules = {

/***/ 93507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportLeftTasks: () => (/* binding */ reportLeftTasks),
/* harmony export */   settleLeftTasks: () => (/* binding */ settleLeftTasks)
/* harmony export */ });
/* harmony import */ var _foxapi_api_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3131);
/* harmony import */ var _foxapi_cancel__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60265);
/* harmony import */ var _foxapi_http__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74539);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25625);
/* harmony import */ var _secrets__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27194);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
// What the post step does about tasks a killed main step left running: it names each one and says how to
// collect it, or, with cancel-on-timeout, first tries to cancel it (best effort: FoxAPI documents no cancel
// route, so the answer is often "cannot cancel"). Loaded only when there are such tasks (src/post.ts).






const POST_BUDGET_MS = 20_000;
/** Names each task left running and how to collect it; sends nothing. */
function reportLeftTasks(taskIds) {
    for (const id of taskIds)
        _log__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`${(0,_foxapi_cancel__WEBPACK_IMPORTED_MODULE_1__/* .cancelSentence */ .MO)(id, 'not-asked')} ${(0,_foxapi_cancel__WEBPACK_IMPORTED_MODULE_1__/* .collectHint */ .Un)(id)}`);
}
/** Reports (and with `cancel`, tries to cancel) each task; never throws for one task's trouble. */
async function settleLeftTasks(taskIds, options) {
    if (!options.cancel)
        return reportLeftTasks(taskIds);
    const { apiKey, baseUrl } = options;
    if (!apiKey || !baseUrl)
        return;
    (0,_secrets__WEBPACK_IMPORTED_MODULE_4__/* .registerSecret */ .c)(apiKey);
    const agent = (0,_foxapi_http__WEBPACK_IMPORTED_MODULE_2__/* .createHttpAgent */ .rA)(10_000);
    const client = new _foxapi_api_client__WEBPACK_IMPORTED_MODULE_0__/* .FoxApiClient */ .Tn({ baseUrl, apiKey, agent, retry: { baseDelayMs: 500, maxDelayMs: 4_000, maxAttempts: 3 } });
    const deadline = Date.now() + POST_BUDGET_MS;
    try {
        for (const id of taskIds) {
            try {
                const task = await client.getTask(id, { deadline });
                const outcome = await (0,_foxapi_cancel__WEBPACK_IMPORTED_MODULE_1__/* .tryCancel */ .S4)(client, task, deadline);
                const sentence = (0,_foxapi_cancel__WEBPACK_IMPORTED_MODULE_1__/* .cancelSentence */ .MO)(id, outcome, task);
                if ((0,_foxapi_cancel__WEBPACK_IMPORTED_MODULE_1__/* .leftRunning */ .jw)(outcome, task))
                    _log__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`${sentence} ${(0,_foxapi_cancel__WEBPACK_IMPORTED_MODULE_1__/* .collectHint */ .Un)(id)}`);
                else
                    _log__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(outcome.kind === 'cancelled' ? `Task ${id}, left running when the main step stopped: ${sentence}` : sentence);
            }
            catch (error) {
                _log__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Could not check task ${id}: ${(0,_errors__WEBPACK_IMPORTED_MODULE_5__/* .messageOf */ .bD)(error)}. It may still run at FoxAPI and be billed. ` + (0,_foxapi_cancel__WEBPACK_IMPORTED_MODULE_1__/* .collectHint */ .Un)(id));
            }
        }
    }
    finally {
        await agent.destroy();
    }
}


/***/ })

};
