export const id = 507;
export const ids = [507];
export const modules = {

/***/ 60265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MO: () => (/* binding */ cancelSentence),
/* harmony export */   S4: () => (/* binding */ tryCancel),
/* harmony export */   Un: () => (/* binding */ collectHint),
/* harmony export */   jw: () => (/* binding */ leftRunning),
/* harmony export */   yi: () => (/* binding */ cacheClause)
/* harmony export */ });
/* harmony import */ var _request_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98984);
/* harmony import */ var _task__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91294);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



/** Statuses that say the route itself is missing rather than this task being the problem. */
const NO_CANCEL_ROUTE = new Set([404, 405, 501]);
/** Tries to cancel `task` once (with the client's retries for transient errors) and says what came of it. */
async function tryCancel(client, task, deadline) {
    if (!(0,_task__WEBPACK_IMPORTED_MODULE_1__/* .canCancel */ .d1)(task))
        return { kind: 'not-cancellable' };
    try {
        const reply = await client.cancelTask(task.id, { deadline });
        return reply.status === 'cancelled' ? { kind: 'cancelled', task: reply } : { kind: 'requested', task: reply };
    }
    catch (error) {
        const status = error instanceof _request_errors__WEBPACK_IMPORTED_MODULE_0__/* .RequestError */ .GI ? error.details.status : undefined;
        if (status !== undefined && NO_CANCEL_ROUTE.has(status))
            return { kind: 'unsupported', status };
        return { kind: 'failed', reason: (0,_errors__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error) };
    }
}
/** One sentence on what became of the task: cancelled (a reply said so), or still running and maybe billed. */
function cancelSentence(taskId, outcome, last) {
    const running = 'keeps running at FoxAPI and may be billed';
    if (outcome === 'not-asked')
        return `Task ${taskId} ${running} (cancel-on-timeout: false).`;
    switch (outcome.kind) {
        case 'cancelled':
            return `The task was cancelled at FoxAPI (its reply says cancelled).`;
        case 'requested':
            return `FoxAPI took the cancel request for task ${taskId} but reports it ${outcome.task.status}: it may keep running and be billed.`;
        case 'unsupported':
            return `FoxAPI cannot cancel tasks (HTTP ${outcome.status} on the cancel call; its reference documents no cancel route): task ${taskId} ${running}.`;
        case 'not-cancellable':
            return last && (0,_task__WEBPACK_IMPORTED_MODULE_1__/* .isTerminal */ .Hd)(last.status)
                ? `Task ${taskId} had already ended ${last.status}.`
                : `Task ${taskId} cannot be cancelled (task_info.can_cancel is false): it ${running}.`;
        case 'failed':
            return `Could not cancel task ${taskId} (${outcome.reason}): it ${running}.`;
    }
}
/** How to collect a task left running without paying again. */
function collectHint(taskId, options = { longerTimeout: false, cached: false }) {
    return `Collect it later without paying again: re-run with task-id: ${taskId}${options.longerTimeout ? ' (and a longer timeout)' : ''}${cacheClause(options)}.`;
}
/** The end of a collect hint (single clip or batch entry) when the Actions cache remembers the task. */
function cacheClause(options) {
    return options.cached ? ', or re-run this workflow: the Actions cache remembers the task' : '';
}
/** Whether the task may still be running (and billed) after the step gave up on it. */
function leftRunning(outcome, last) {
    if (last !== undefined && (0,_task__WEBPACK_IMPORTED_MODULE_1__/* .isTerminal */ .Hd)(last.status))
        return false;
    return outcome === 'not-asked' || outcome.kind !== 'cancelled';
}


/***/ }),

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
