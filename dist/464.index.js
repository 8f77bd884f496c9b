export const id = 464;
export const ids = [464];
export const modules = {

/***/ 40465:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yq: () => (/* binding */ clipCacheKey),
  oJ: () => (/* binding */ isSuccess),
  ZM: () => (/* binding */ runClips)
});

// UNUSED EXPORTS: CREATE_REPLY_GRACE_MS, collectAdvice, resolveOutputPath, runClip

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/download.ts
var download = __webpack_require__(41531);
// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(76803);
// EXTERNAL MODULE: ./src/cache-key.ts
var cache_key = __webpack_require__(57719);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
// EXTERNAL MODULE: ./src/security/destinations.ts
var destinations = __webpack_require__(56769);
// EXTERNAL MODULE: ./src/cancel.ts
var src_cancel = __webpack_require__(90833);
// EXTERNAL MODULE: ./src/task.ts
var src_task = __webpack_require__(24150);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/api-client.ts
var api_client = __webpack_require__(87475);
;// CONCATENATED MODULE: ./src/poll-schedule.ts
// When to ask about a task next. Pure, so `npm run bench` can replay it on a virtual clock. FoxAPI gives
// `task_info.estimated_time`, and progress says how far the task is; together they place the expected
// end. Far from it the action polls rarely, near it often; `poll-interval` is the longest wait.
/** Never poll more often than this (unless the ceiling is shorter). */
const MIN_POLL_MS = 1_000;
/** Without any estimate, the first waits are this long (up to the ceiling), growing by half each poll. */
const BLIND_START_MS = 2_000;
/**
 * The expected total run time from progress (a straight-line extrapolation, once there is enough of it)
 * and FoxAPI's estimate; undefined when neither says anything.
 */
function expectedTotalMs(moment) {
    const { elapsedMs, estimatedMs, progress, earlier } = moment;
    let fromProgress;
    if (progress !== undefined && progress >= 5 && progress < 100 && elapsedMs > 0) {
        const rising = earlier !== undefined && progress > earlier.progress && elapsedMs > earlier.elapsedMs;
        const msPerPoint = rising ? (elapsedMs - earlier.elapsedMs) / (progress - earlier.progress) : elapsedMs / progress;
        fromProgress = elapsedMs + (100 - progress) * msPerPoint;
    }
    if (fromProgress === undefined)
        return estimatedMs !== undefined && estimatedMs > 0 ? estimatedMs : undefined;
    if (estimatedMs === undefined || estimatedMs <= 0)
        return fromProgress;
    // Progress earns trust as it grows: at 5 % it barely counts, from 25 % on it decides.
    const weight = Math.min(1, (progress ?? 0) / 25);
    return weight * fromProgress + (1 - weight) * estimatedMs;
}
/**
 * The wait before the next poll. Before the expected end: most of the time left (so the next poll lands
 * just before it), at least MIN_POLL_MS. Past it: short waits growing with the overrun, so a late task is
 * still seen soon. Always within [min(MIN_POLL_MS, ceiling), ceiling].
 */
function nextPollDelayMs(moment, previousDelayMs) {
    const floor = Math.min(MIN_POLL_MS, moment.ceilingMs);
    const clamp = (ms) => Math.round(Math.min(moment.ceilingMs, Math.max(floor, ms)));
    const total = expectedTotalMs(moment);
    if (total === undefined)
        return clamp(previousDelayMs === undefined ? BLIND_START_MS : previousDelayMs * 1.5);
    const left = total - moment.elapsedMs;
    if (left > 0)
        return clamp(left * 0.8);
    return clamp(-left * 0.25);
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/wait-for-task.ts
// Polls `GET /v1/tasks/{id}` until the task is completed, failed or cancelled, the deadline passes,
// or the run is stopped. Logs only changes of status or progress, not every poll. Replies are taken as they
// come: a `completed` without a URL is asked again a few times (with `sync_upstream=true`, then plainly), and
// a task standing still for a long stretch is asked with `sync_upstream=true` to refresh it from the provider.






/** Poll errors back off from the poll interval up to this. */
const MAX_POLL_BACKOFF_MS = 60_000;
/** Times a `completed` reply without a clip URL is asked again before it counts as a failure. */
const EMPTY_COMPLETED_REQUERIES = 4;
/** Wait between those re-queries, at most (the poll interval when shorter). */
const REQUERY_DELAY_MS = 2_000;
/** How long a task may show the same status and progress before it is asked with `sync_upstream=true`. */
function staleAfterMs(pollIntervalMs, estimatedSeconds) {
    return Math.max(4 * pollIntervalMs, ((estimatedSeconds ?? 0) * 1000) / 2);
}
/** A task FoxAPI says it does not know, this many polls in a row, is gone; fewer is a hiccup (a stale replica, a gateway). */
const NOT_FOUND_LIMIT = 3;
async function waitForTask(options) {
    const { client, taskId, pollIntervalMs, deadline, signal, log } = options;
    let last = options.initial;
    let reported = '';
    const report = (task) => {
        options.onUpdate?.(task);
        const line = describeState(task);
        if (line !== reported)
            log(line);
        reported = line;
    };
    if (last)
        report(last);
    // The task is paid for and keeps running whatever the poll hears, so only a persistent answer ends the wait.
    let failures = 0;
    let notFound = 0;
    let emptyCompleted = 0;
    let syncNext = false;
    let state = last ? stateKey(last) : '';
    let stillSince = Date.now();
    let estimated = last?.task_info?.estimated_time;
    // For the adaptive schedule (src/poll-schedule.ts): when the task started, and two sightings of its progress.
    let startedAt = last ? startOf(last) : undefined;
    let earlier;
    let latest;
    let previousDelay;
    for (let first = last === undefined;; first = false) {
        const now = Date.now();
        let delay = nextPollDelayMs({
            elapsedMs: now - (startedAt ?? now),
            estimatedMs: estimated !== undefined ? estimated * 1000 : undefined,
            progress: last?.progress,
            earlier,
            ceilingMs: pollIntervalMs,
        }, previousDelay);
        if (last && (0,src_task/* isTerminal */.Hd)(last.status)) {
            if (last.status !== 'completed' || (0,src_task/* videoUrlOf */.iq)(last) || emptyCompleted >= EMPTY_COMPLETED_REQUERIES) {
                return { kind: 'finished', task: last };
            }
            // Seen in practice: `completed` with empty results that fill in on a later query.
            emptyCompleted++;
            syncNext = emptyCompleted % 2 === 1;
            delay = Math.min(pollIntervalMs, REQUERY_DELAY_MS);
            log(`Task ${taskId} is completed but its reply has no video URL; asking again ` +
                `(${emptyCompleted} of ${EMPTY_COMPLETED_REQUERIES}${syncNext ? ', with sync_upstream' : ''}).`);
        }
        if (signal?.aborted)
            return { kind: 'stopped', task: last };
        const remaining = deadline - Date.now();
        if (remaining <= 0)
            return { kind: 'timed-out', task: last };
        if (!first) {
            // Errors back off from the poll interval (at most 5 s, as before the adaptive schedule raised the default).
            const pause = Math.min(MAX_POLL_BACKOFF_MS, Math.min(pollIntervalMs, 5_000) * 1.5 ** Math.min(failures, 20));
            previousDelay = delay;
            try {
                await (0,promises_.setTimeout)(Math.min(failures === 0 ? delay : pause, remaining), undefined, { signal });
            }
            catch {
                return { kind: 'stopped', task: last };
            }
        }
        try {
            const synced = syncNext;
            syncNext = false;
            last = await client.getTask(taskId, {
                deadline,
                signal,
                syncUpstream: synced,
                retry: { baseDelayMs: Math.min(pollIntervalMs, 5_000), maxDelayMs: MAX_POLL_BACKOFF_MS, maxAttempts: Number.POSITIVE_INFINITY },
            });
            failures = 0;
            notFound = 0;
            report(last);
            estimated = last.task_info?.estimated_time ?? estimated;
            startedAt ??= startOf(last);
            if (typeof last.progress === 'number' && last.progress > (latest?.progress ?? 0)) {
                earlier = latest;
                latest = { elapsedMs: Date.now() - startedAt, progress: last.progress };
            }
            if (stateKey(last) !== state || synced) {
                state = stateKey(last);
                stillSince = Date.now();
            }
            else if (!(0,src_task/* isTerminal */.Hd)(last.status) && Date.now() - stillSince >= staleAfterMs(pollIntervalMs, estimated)) {
                syncNext = true;
                log(`Task ${taskId} shows no progress for ${Math.round((Date.now() - stillSince) / 1000)}s; asking FoxAPI to refresh it (sync_upstream).`);
            }
        }
        catch (error) {
            if (signal?.aborted)
                return { kind: 'stopped', task: last };
            // A poll cut off by the deadline, or a transient error that outlived it, is a timeout, not a task failure.
            if (error instanceof http/* RequestError */.GI && error.details.deadline) {
                log(`${error.message}.`);
                return { kind: 'timed-out', task: last };
            }
            if (error instanceof http/* RequestError */.GI && error.details.retryable) {
                log(`${error.message}; no time left to retry.`);
                return { kind: 'timed-out', task: last };
            }
            notFound = error instanceof http/* RequestError */.GI && error.details.status === 404 ? notFound + 1 : 0;
            if (!isTransientDuringWait(error) || notFound >= NOT_FOUND_LIMIT)
                throw error;
            failures++;
            log(`${(0,errors/* messageOf */.bD)(error)}; the task keeps running, so the wait goes on.`);
        }
    }
}
/** When the task started, by FoxAPI's `created` when that is plausible (the last day, not ahead of us). */
function startOf(task) {
    const now = Date.now();
    const created = typeof task.created === 'number' ? task.created * 1000 : undefined;
    return created !== undefined && created > now - 86_400_000 ? Math.min(now, created) : now;
}
function stateKey(task) {
    return `${task.status} ${task.progress ?? ''}`;
}
/**
 * Whether a failed poll says nothing about the task itself: gateway and server trouble (any 5xx, e.g. a CDN's
 * 524), 408/425, a 2xx that is not a task (an HTML maintenance page), a network failure, or a 404 (a hiccup
 * until it persists). Authentication and request errors are not: they will not go away by waiting.
 */
function isTransientDuringWait(error) {
    if (!(error instanceof http/* RequestError */.GI) || error.details.aborted || error.details.errorCode === api_client/* TASK_ID_MISMATCH */.jf)
        return false;
    const status = error.details.status;
    if (status === undefined)
        return true;
    return status >= 500 || status === 408 || status === 425 || status === 404 || (status >= 200 && status < 300);
}
function describeState(task) {
    const progress = typeof task.progress === 'number' ? ` ${Math.round(task.progress)}%` : '';
    return `Task ${task.id}: ${task.status}${progress}`;
}

// EXTERNAL MODULE: ./src/security/download-policy.ts
var download_policy = __webpack_require__(89355);
;// CONCATENATED MODULE: ./src/clip-runner.ts
// One clip from request to file: cache lookup, submit (or resume), wait, cancel on timeout, download, cache save.
// Batches run several clips with at most `concurrency` tasks in flight.











const RETRY = { baseDelayMs: 1_000, maxDelayMs: 30_000, maxAttempts: 6 };
/** FoxAPI keeps result URLs for 24 hours; a cached task older than this can no longer deliver its clip. */
const RESULT_URL_LIFETIME_MS = 23 * 3_600_000;
/** Time allowed for cancelling a task after the run itself was stopped (the runner kills the step ~7.5s after SIGINT). */
const CANCEL_GRACE_MS = 5_000;
/**
 * How long a create already on the wire may still take once the run is stopped. It is never cut off at once:
 * FoxAPI may bill the task, and only its reply names it. The runner sends SIGTERM 7.5s after SIGINT and kills
 * the step a little later, so this plus a cancel must fit in that.
 */
const CREATE_REPLY_GRACE_MS = 4_000;
/**
 * The cache key of a clip: its request, the `cache-key` input and the entry's own `cache-key`; none for a
 * clip resumed by `task-id`. One function, so the dry run asks the cache about the very key a run uses.
 */
function clipCacheKey(spec, settings) {
    if (!spec.request || spec.taskId)
        return undefined;
    const extraKey = spec.cacheKey !== undefined ? `${settings.cacheKey}\n${spec.cacheKey}` : settings.cacheKey;
    return (0,cache_key/* requestCacheKey */.Vn)(spec.request, extraKey);
}
function isSuccess(result) {
    return result.outcome === 'succeeded' || result.outcome === 'submitted';
}
async function runClip(spec, ctx) {
    const started = Date.now();
    const log = (line) => ctx.log(spec.name, (0,secrets/* redact */.E)(line));
    const result = {
        name: spec.name,
        outcome: 'failed',
        status: 'not-submitted',
        cacheHit: false,
        resumed: false,
        request: spec.request,
        elapsedMs: 0,
    };
    const remember = (task) => {
        result.task = task;
        result.taskId = task.id;
        result.status = task.status;
        if (typeof task.progress === 'number')
            result.progress = task.progress;
        ctx.budget?.update(task);
    };
    try {
        await produceClip(spec, ctx, result, remember, log);
    }
    catch (error) {
        result.outcome = ctx.signal.aborted ? 'stopped' : 'failed';
        let message = (0,errors/* messageOf */.bD)(error);
        // A task exists (and is paid for): say which, and how to collect it without paying again.
        if (result.taskId && !isTerminalFailure(result.status) && !message.includes(`task-id: ${result.taskId}`)) {
            const sentence = message.trimEnd().endsWith('.') ? message.trimEnd() : `${message.trimEnd()}.`;
            message = `${sentence} ${collectAdvice(spec, result.taskId, ctx)}`;
        }
        result.error = (0,secrets/* redact */.E)(message);
    }
    result.elapsedMs = Date.now() - started;
    const credits = ctx.budget?.creditsOf(result.taskId);
    if (credits !== undefined)
        result.credits = credits;
    return result;
}
async function produceClip(spec, ctx, result, remember, log) {
    const { settings, client, cache } = ctx;
    const key = cache.enabled ? clipCacheKey(spec, settings) : undefined;
    const destinationFor = (task) => resolveOutputPath(spec, task.id, settings.workspace);
    // The clip file is what is cached (result URLs expire), so a cached clip serves only runs that download it.
    const found = key ? await cache.lookup(key, destinationFor, settings.wait && settings.download) : undefined;
    if (found?.kind === 'clip') {
        const { clip } = found;
        remember(clip.task);
        Object.assign(result, {
            outcome: 'succeeded',
            cacheHit: true,
            // No video-url: the cached task's URL was pre-signed when it was made and has likely expired since.
            // The restored file is the clip; `result` still holds the task as FoxAPI answered then.
            videoPath: clip.path,
            sha256: clip.sha256,
            bytes: clip.bytes,
            madeBy: clip.madeBy,
        });
        log(`Restored from the Actions cache (${key}); nothing was sent to FoxAPI.`);
        return;
    }
    const waitDeadline = Date.now() + settings.timeoutMs;
    const resumeId = spec.taskId ?? (found?.kind === 'pending' ? found.taskId : undefined);
    let task = resumeId ? await resumeTask(resumeId, spec.taskId !== undefined, ctx, waitDeadline, log) : undefined;
    let pendingSave = Promise.resolve();
    if (task) {
        result.resumed = true;
        result.adopted = true;
    }
    else {
        if (!spec.request)
            throw new Error('No request to submit');
        // Checked before paying (the inputs were checked at the start; a batch may start this clip much later).
        const unsafe = settings.wait && settings.download ? (0,destinations/* plannedDestinationProblem */.E2)(spec.outputPath, spec.name, undefined, settings.workspace) : undefined;
        if (unsafe !== undefined)
            throw new Error(`Not submitted, nothing paid: the clip could not be saved (${unsafe})`);
        const request = spec.request;
        if (ctx.signal.aborted)
            throw new Error('Not submitted: the run was cancelled');
        const create = async () => {
            if (ctx.signal.aborted)
                throw new Error('Not submitted: the run was cancelled');
            return createWithGrace(request, ctx, waitDeadline, log);
        };
        const submission = ctx.budget ? await ctx.budget.submit(create) : { submitted: true, task: await create() };
        if (!submission.submitted) {
            Object.assign(result, { outcome: 'skipped', error: submission.reason });
            log(`Not submitted: ${submission.reason.replace(/^not started: /, '')}.`);
            return;
        }
        task = submission.task;
        const estimate = task.task_info?.estimated_time;
        log(`Submitted task ${task.id}${estimate ? ` (estimated ${estimate}s)` : ''}.`);
        // Never rejects (the cache only warns), and is awaited below before the clip is saved under the same key.
        if (key)
            pendingSave = cache.savePendingTaskId(key, task.id).catch(() => undefined);
    }
    remember(task);
    // Only a task this run submitted is left for the post step to cancel; one adopted from another run is not ours.
    const ours = !result.adopted;
    if (ours && (settings.wait || ctx.signal.aborted))
        ctx.onTaskStarted?.(task.id);
    try {
        if (ctx.signal.aborted) {
            // Stopped while the create was in flight: the id is known now; cancel-on-timeout decides the rest.
            await endWait('stopped', ctx, result, spec, remember, log, key !== undefined);
            return;
        }
        if (!settings.wait) {
            result.outcome = 'submitted';
            result.leftRunning = true;
            return;
        }
        const waited = await waitForTask({
            client,
            taskId: task.id,
            pollIntervalMs: settings.pollIntervalMs,
            deadline: waitDeadline,
            signal: ctx.signal,
            initial: result.resumed ? undefined : task,
            log,
            onUpdate: remember,
        });
        if (waited.kind !== 'finished') {
            await endWait(waited.kind, ctx, result, spec, remember, log, key !== undefined);
            return;
        }
        await finish(spec, ctx, result, waited.task, key, log);
    }
    finally {
        if (result.taskId)
            ctx.onTaskSettled?.(result.taskId);
        await pendingSave;
    }
}
/** Waiting ended without a result: cancel the task when allowed (and ours), and say what became of it. */
async function endWait(kind, ctx, result, spec, remember, log, cached) {
    result.outcome = kind;
    const before = result.task;
    let what;
    let reply;
    if (result.adopted) {
        // Another run submitted (and may be waiting on) this task: cancelling it here would lose what it paid for.
        result.leftRunning = !(before !== undefined && (0,src_task/* isTerminal */.Hd)(before.status));
        what = `Task ${result.taskId} was submitted by another run, so it is left running (cancel-on-timeout applies only to tasks this run submitted).`;
    }
    else {
        const cancel = await cancelIfAllowed(before, ctx);
        reply = cancel !== 'not-asked' && (cancel.kind === 'cancelled' || cancel.kind === 'requested') ? cancel.task : undefined;
        result.leftRunning = (0,src_cancel/* leftRunning */.jw)(cancel, reply ?? before);
        what = (0,src_cancel/* cancelSentence */.MO)(result.taskId ?? 'unknown', cancel, before);
    }
    log(what);
    // The message tells where the task stood when waiting ended; the outputs then carry the cancel reply's status.
    result.error = stopMessage(result, kind, spec, ctx, what, cached);
    if (reply)
        remember(reply);
}
/**
 * Sends the create request. Stopping the run does not cut it off: FoxAPI may already be making (and billing)
 * the task, and only its reply names it. The reply is awaited for CREATE_REPLY_GRACE_MS more; if it does not
 * come, the error says a task may have been billed.
 */
async function createWithGrace(request, ctx, deadline, log) {
    const inFlight = new AbortController();
    let timer;
    const onStop = () => {
        log(`The run was cancelled while the create request was in flight: waiting up to ${CREATE_REPLY_GRACE_MS / 1000}s for FoxAPI's reply, so a billed task is not lost.`);
        timer = setTimeout(() => inFlight.abort(new Error(`no reply within ${CREATE_REPLY_GRACE_MS / 1000}s of the run being cancelled`)), CREATE_REPLY_GRACE_MS);
    };
    ctx.signal.addEventListener('abort', onStop, { once: true });
    try {
        return await ctx.client.createTask(request, { deadline, signal: ctx.signal, inFlightSignal: inFlight.signal });
    }
    catch (error) {
        if (inFlight.signal.aborted) {
            throw new Error(`The run was cancelled while the create request was in flight, and FoxAPI did not answer within ${CREATE_REPLY_GRACE_MS / 1000}s: ` +
                'a task may have been created and billed, but its id is unknown.', { cause: error });
        }
        throw error;
    }
    finally {
        ctx.signal.removeEventListener('abort', onStop);
        if (timer)
            clearTimeout(timer);
    }
}
/**
 * Picks up an existing task: the `task-id` input (its errors are the step's), or the task an earlier run of
 * the same request left in the cache (used only while it can still deliver; otherwise a new one is submitted).
 */
async function resumeTask(taskId, askedFor, ctx, deadline, log) {
    if (askedFor)
        log(`Resuming task ${taskId}; nothing new is submitted.`);
    try {
        const task = await ctx.client.getTask(taskId, { deadline, signal: ctx.signal });
        if (askedFor)
            return task;
        if (task.status === 'failed' || task.status === 'cancelled') {
            log(`An earlier run's task ${taskId} ended ${task.status}; submitting a new one.`);
            return undefined;
        }
        if (task.created !== undefined && Date.now() - task.created * 1000 > RESULT_URL_LIFETIME_MS) {
            log(`An earlier run's task ${taskId} is over a day old, so its clip's URL has expired; submitting a new one.`);
            return undefined;
        }
        log(`Resuming task ${taskId} submitted by an earlier run of this request; nothing new is submitted.`);
        return task;
    }
    catch (error) {
        const notFound = error instanceof http/* RequestError */.GI && error.details.status === 404;
        if (notFound && !askedFor) {
            log(`An earlier run's task ${taskId} is unknown to FoxAPI; submitting a new one.`);
            return undefined;
        }
        // A gateway error or a maintenance page says nothing about the task: it is waited on like any other
        // (the wait rides such answers out), rather than failed or paid for again.
        if (!notFound && !ctx.signal.aborted && isTransientDuringWait(error)) {
            log(`${(0,errors/* messageOf */.bD)(error)}; waiting on task ${taskId} anyway.`);
            if (!askedFor)
                log(`Resuming task ${taskId} submitted by an earlier run of this request; nothing new is submitted.`);
            return { id: taskId, status: 'unknown' };
        }
        throw error;
    }
}
async function finish(spec, ctx, result, task, key, log) {
    if (task.status === 'failed') {
        result.error = `FoxAPI task ${task.id} failed: ${(0,src_task/* taskErrorText */.Db)(task)}`;
        return;
    }
    if (task.status === 'cancelled') {
        result.error = `FoxAPI task ${task.id} was cancelled`;
        return;
    }
    const url = (0,src_task/* videoUrlOf */.iq)(task);
    if (!url) {
        result.error =
            `FoxAPI task ${task.id} completed without a video URL, also when asked again ${EMPTY_COMPLETED_REQUERIES} times ` +
                `(with and without sync_upstream). ${collectAdvice(spec, task.id, ctx)}`;
        return;
    }
    result.videoUrl = url;
    if (!ctx.settings.download) {
        result.outcome = 'succeeded';
        return;
    }
    const { workspace } = ctx.settings;
    // The inputs were checked before paying; this catches what changed since (or what the real task id changes).
    const guard = (check) => {
        try {
            return check();
        }
        catch (error) {
            const hint = ctx.batch
                ? `Collect the paid clip without paying again: add "task-id: ${task.id}" to the batch entry '${spec.name}', with an output that can be written, and re-run (its video-url works for 24 hours).`
                : `Collect the paid clip without paying again: re-run with task-id: ${task.id} and an output-path that can be written (its video-url works for 24 hours).`;
            throw new Error(`${(0,errors/* messageOf */.bD)(error)}. ${hint}`, { cause: error });
        }
    };
    const destination = guard(() => resolveOutputPath(spec, task.id, workspace));
    const downloaded = await (0,download/* downloadVideo */.E)({
        url,
        destination,
        // Checked again once the folders exist and right before the rename: a symlink swapped in meanwhile is refused.
        checkDestination: () => guard(() => (0,destinations/* recheckDestination */.iW)(destination, workspace)),
        agent: ctx.agent,
        policy: (0,download_policy/* downloadPolicyFor */.Sj)(ctx.settings.baseUrl),
        maxBytes: ctx.settings.maxDownloadBytes,
        retry: RETRY,
        deadline: Date.now() + ctx.settings.timeoutMs,
        signal: ctx.signal,
        log,
    });
    Object.assign(result, { outcome: 'succeeded', videoPath: downloaded.path, sha256: downloaded.sha256, bytes: downloaded.bytes });
    log(`Saved ${downloaded.bytes} bytes to ${external_node_path_default().relative(ctx.settings.workspace, downloaded.path) || downloaded.path} (sha256 ${downloaded.sha256}).`);
    if (key)
        await ctx.cache.saveClip(key, task, downloaded.path, downloaded.sha256);
}
/** Tries to cancel a task left running by a timeout or a stopped run, when cancel-on-timeout asks for it. */
async function cancelIfAllowed(task, ctx) {
    if (!task || !ctx.settings.cancelOnTimeout)
        return 'not-asked';
    return (0,src_cancel/* tryCancel */.S4)(ctx.client, task, Date.now() + CANCEL_GRACE_MS);
}
/** Says where the task stood when waiting ended, what became of it, and (unless it ended) how to collect it. */
function stopMessage(result, kind, spec, ctx, cancel, cached) {
    const { settings } = ctx;
    const id = result.taskId ?? 'unknown';
    const last = `last status ${result.status}${result.progress !== undefined ? ` ${Math.round(result.progress)}%` : ''}`;
    const what = kind === 'timed-out'
        ? `Timed out after ${Math.round(settings.timeoutMs / 1000)}s waiting for task ${id} (${last}).`
        : `The run was cancelled while waiting for task ${id} (${last}).`;
    if (!result.leftRunning)
        return `${what} ${cancel}`;
    return `${what} ${cancel} ${collectAdvice(spec, id, ctx, { longerTimeout: kind === 'timed-out', cached })}`;
}
/**
 * The exact way to collect a task that exists without paying for another. In a batch the `task-id` input is
 * refused, so the way is a `task-id` on that entry.
 */
function collectAdvice(spec, taskId, ctx, options = { longerTimeout: false, cached: false }) {
    if (!ctx.batch)
        return (0,src_cancel/* collectHint */.Un)(taskId, options);
    const cache = options.cached ? ', or re-run this workflow: the Actions cache remembers the task' : '';
    return `Collect it later without paying again: add "task-id: ${taskId}" to the batch entry '${spec.name}' and re-run${options.longerTimeout ? ' (with a longer timeout)' : ''}${cache}.`;
}
function isTerminalFailure(status) {
    return status === 'failed' || status === 'cancelled';
}
/** Where this clip's file goes now that its task id is known; throws when that is not a safe place to write. */
function resolveOutputPath(spec, taskId, workspace) {
    return (0,destinations/* destinationFor */.mZ)(spec.outputPath, spec.name, taskId, workspace);
}
/** Runs clips with at most `concurrency` in flight. With fail-fast, a failure stops clips not yet started. */
async function runClips(clips, ctx) {
    const results = new Array(clips.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        for (let index = next++; index < clips.length; index = next++) {
            const spec = clips[index];
            if ((failed && ctx.settings.failFast) || ctx.signal.aborted) {
                results[index] = skipped(spec, failed ? 'not started: an earlier clip failed (fail-fast)' : 'not started: the run was cancelled');
                continue;
            }
            const result = await runClip(spec, ctx);
            results[index] = result;
            if (!isSuccess(result) && result.outcome !== 'skipped')
                failed = true;
        }
    };
    await Promise.all(Array.from({ length: Math.min(ctx.settings.concurrency, clips.length) }, worker));
    return results;
}
function skipped(spec, reason) {
    return {
        name: spec.name,
        outcome: 'skipped',
        status: 'not-submitted',
        cacheHit: false,
        resumed: false,
        request: spec.request,
        error: reason,
        elapsedMs: 0,
    };
}


/***/ }),

/***/ 41531:
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
/* harmony import */ var _http__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(76803);
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
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(response.body, meter, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(partial.tempPath, { flags: resumed ? 'a' : 'w' }));
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

/***/ 22464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ matrixOf),
/* harmony export */   runDryRun: () => (/* binding */ runDryRun)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96251);
/* harmony import */ var _api_client__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87475);
/* harmony import */ var _clip_runner__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40465);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25625);
/* harmony import */ var _outputs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7729);
/* harmony import */ var _result_cache__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(20795);
/* harmony import */ var _results_file__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(46024);
/* harmony import */ var _security_destinations__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(56769);
// The dry run (`dry-run: true`) and the job matrix. A dry run has read and validated every input already;
// here it shows each request exactly as it would be sent (key hidden), asks the Actions cache whether it
// holds each clip (a lookup only: nothing is restored or saved), and writes the plan as outputs, summary and
// results file. Nothing at all is sent to FoxAPI.








/** `strategy.matrix` JSON with one row per clip: its name, nothing else (never a secret, never a prompt). */
function matrixOf(clips) {
    return JSON.stringify({ include: clips.map((clip) => ({ name: clip.name })) });
}
/** The dry run: plan every clip, log each request, write outputs, summary and results file. */
async function runDryRun(clips, options) {
    const { settings } = options;
    _log__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Dry run: every input is valid; ${clips.length} clip${clips.length === 1 ? '' : 's'} planned. Nothing is sent to FoxAPI and nothing is restored or saved.`);
    if (settings.apiKey === '')
        _log__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq("No 'api-key' is set: fine for a dry run, but a real run needs one.");
    const cache = new _result_cache__WEBPACK_IMPORTED_MODULE_5__/* .ResultCache */ .A(settings.cache, settings.workspace);
    const rows = [];
    for (const clip of clips)
        rows.push(await planClip(clip, settings, cache));
    for (const [index, row] of rows.entries()) {
        const clip = clips[index];
        const lines = row.note ? [`Note: ${row.note}.`] : [];
        if (clip.request) {
            const wire = (0,_api_client__WEBPACK_IMPORTED_MODULE_1__/* .previewCreate */ .fu)(settings.baseUrl, clip.request);
            lines.push(`${wire.method} ${wire.url}`);
            for (const [name, value] of Object.entries(wire.headers))
                lines.push(`${name}: ${value}`);
            lines.push(wire.body ?? '');
        }
        await _log__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os(`Plan: ${planText(row)}`, () => {
            for (const line of lines)
                _log__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(line);
            return Promise.resolve();
        });
    }
    (0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .setOutputSafely */ .UD)('status', 'planned');
    (0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .setOutputOrFile */ .nF)('results', JSON.stringify(rows), { alreadyIn: 'results-file' });
    (0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .setOutputSafely */ .UD)('matrix', matrixOf(clips));
    (0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .setOutputSafely */ .UD)('credits', '0');
    await (0,_results_file__WEBPACK_IMPORTED_MODULE_6__/* .writeResultsOutput */ .jq)(settings.resultsFile, rows);
    await writePlanSummary(rows, settings);
}
async function planClip(clip, settings, cache) {
    const row = {
        name: clip.name,
        status: 'planned',
        plan: 'new',
        cache_key: '',
        task_id: clip.taskId ?? '',
        output_path: clip.outputPath.replaceAll('{name}', (0,_security_destinations__WEBPACK_IMPORTED_MODULE_7__/* .safeFileName */ .Tx)(clip.name)),
        request: clip.request ?? null,
    };
    if (clip.taskId)
        return { ...row, plan: 'resume' };
    if (!clip.request)
        return row;
    if (!cache.enabled)
        return { ...row, note: settings.cache ? 'the Actions cache cannot be used on this runner' : 'cache: false' };
    const key = (0,_clip_runner__WEBPACK_IMPORTED_MODULE_2__/* .clipCacheKey */ .Yq)(clip, settings);
    if (key === undefined)
        return row;
    row.cache_key = key;
    const held = await cache.peek(key);
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
    };
    return `${row.name}: ${text[row.plan]}`;
}
const PLAN_ICONS = { cached: '♻️', 'pending-task': '⏳', resume: '⏳', new: '🆕' };
async function writePlanSummary(rows, settings) {
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
                (0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(r.name, 200),
                `${PLAN_ICONS[r.plan]} ${(0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(planText(r).slice(r.name.length + 2))}${r.note ? `<br>${(0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(r.note)}` : ''}`,
                (0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(typeof request.model === 'string' ? request.model : '', 100),
                (0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(requestText(request), 400),
                r.output_path ? `<code>${(0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(r.output_path, 300)}</code>` : '',
                r.cache_key ? `<code>${(0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(r.cache_key)}</code>` : '',
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
    const text = summary.stringify();
    summary.emptyBuffer();
    await (0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .writeSummaryHtml */ .Lv)(text);
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


/***/ }),

/***/ 20795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ ResultCache)
});

// NAMESPACE OBJECT: ./src/actions-cache.ts
var actions_cache_namespaceObject = {};
__webpack_require__.r(actions_cache_namespaceObject);
__webpack_require__.d(actions_cache_namespaceObject, {
  isFeatureAvailable: () => (isFeatureAvailable),
  restoreCache: () => (restoreCache),
  saveCache: () => (saveCache)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/actions-cache.ts
let loaded;
const load = () => (loaded ??= Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(863)]).then(__webpack_require__.bind(__webpack_require__, 91863)));
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
/** @actions/cache's restoreCache, loaded on first use. */
async function restoreCache(...args) {
    return (await available()).restoreCache(...args);
}
/** @actions/cache's saveCache, loaded on first use. */
async function saveCache(...args) {
    return (await available()).saveCache(...args);
}

// EXTERNAL MODULE: ./src/atomic-files.ts
var atomic_files = __webpack_require__(69316);
// EXTERNAL MODULE: ./src/cache-key.ts
var cache_key = __webpack_require__(57719);
// EXTERNAL MODULE: ./src/download.ts
var download = __webpack_require__(41531);
// EXTERNAL MODULE: ./src/security/destinations.ts
var destinations = __webpack_require__(56769);
// EXTERNAL MODULE: ./src/run-origin.ts
var run_origin = __webpack_require__(91069);
// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(76803);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
// EXTERNAL MODULE: ./src/security/task-id.ts
var task_id = __webpack_require__(18571);
// EXTERNAL MODULE: ./src/task.ts
var src_task = __webpack_require__(24150);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/result-cache.ts
// Never pay twice: finished clips and in-flight task ids are kept in the Actions cache, keyed by a stable
// hash of the request. Any cache trouble is a warning; the action then goes on without the cache.
//
// One cache directory per request key, relative to the workspace: @actions/cache hashes the paths it is
// given into the entry's version, so a path that is the same on every run (unlike RUNNER_TEMP on
// self-hosted runners) is what lets a later run find the entry. Two kinds of entries share that directory
// and so that version:
//   <key>                  the finished clip, its task JSON and checksum
//   <key>-pending-<time>-<random>   the id of a task submitted but not yet collected (unique per submission)
// One restore call, with `<key>-pending-` as the restore key, finds either: an exact hit is the clip, a
// prefix hit the newest pending task.
// Because the directory must be the same on every run, two operations on one key must never overlap (a
// clip save wiping the folder a pending-task save is still archiving): all of them run one after another.
//
// @actions/cache is used defensively: a runner without the service, a stub (as @github/local-action has),
// a function that throws or a save that answers -1 all turn the cache off with one warning.















const CLIP_FILE = 'clip.mp4';
const TASK_FILE = 'task.json';
const META_FILE = 'meta.json';
const PENDING_FILE = 'pending-task.json';
function cacheApi(module = actions_cache_namespaceObject) {
    const api = module;
    for (const name of ['isFeatureAvailable', 'restoreCache', 'saveCache']) {
        if (typeof api?.[name] !== 'function')
            return `@actions/cache has no ${name} here`;
    }
    return api;
}
class ResultCache {
    workspace;
    disabledBecause;
    api;
    /** The last operation queued per key: each key's operations run one at a time. */
    queues = new Map();
    constructor(enabled, workspace, module = actions_cache_namespaceObject) {
        this.workspace = workspace;
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
     * Looks for the clip or a pending task of `key`. A clip is copied to `destination(task)`; with `wantClip`
     * false (the run does not download), a cached clip is passed over and only a pending task is reported.
     */
    async lookup(key, destination, wantClip) {
        if (!this.enabled)
            return undefined;
        return this.serialised(key, () => this.lookupNow(key, destination, wantClip));
    }
    async lookupNow(key, destination, wantClip) {
        const { relative, absolute } = this.directoryFor(key);
        try {
            const matched = await this.attempt('restore', (api) => api.restoreCache([relative], key, [`${key}-pending-`]));
            if (matched !== undefined && typeof matched !== 'string')
                throw new Error('the cache answered with something that is not a key');
            if (matched === key)
                return wantClip ? await this.readClip(key, absolute, destination) : undefined;
            if (matched?.startsWith(`${key}-pending-`)) {
                const { taskId } = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(absolute, PENDING_FILE), 'utf8'));
                if ((0,task_id/* isValidTaskId */.RQ)(taskId))
                    return { kind: 'pending', taskId };
                log/* warning */.$e(`Cache entry for ${key} holds no valid task id (${(0,task_id/* describeBadTaskId */.L)(taskId)}); going on without it.`);
                return undefined;
            }
            return undefined;
        }
        catch (error) {
            log/* warning */.$e(`Cache entry for ${key} could not be used (${(0,errors/* messageOf */.bD)(error)}); going on without it.`);
            return undefined;
        }
        finally {
            await (0,atomic_files/* removeLeftover */.MG)(absolute);
        }
    }
    /**
     * What the cache holds for `key`, without restoring or saving anything (the dry run's question): the clip,
     * a pending task of an earlier run, nothing, or undefined when the cache is off or cannot be asked.
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
    async readClip(key, directory, destination) {
        const task = src_task/* taskSchema */.v.parse((0,http/* parseJsonSafely */.s$)(await (0,promises_.readFile)(external_node_path_default().join(directory, TASK_FILE), 'utf8')));
        const meta = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(directory, META_FILE), 'utf8'));
        const madeBy = run_origin/* runOriginSchema */.dB.safeParse(meta.madeBy);
        const target = destination(task);
        // The clip goes where a download would: checked again once its folder exists and right before the rename.
        const copied = await (0,download/* copyFileAtomically */.T)(external_node_path_default().join(directory, CLIP_FILE), target, () => (0,destinations/* recheckDestination */.iW)(target, this.workspace));
        if (copied.sha256 !== meta.sha256) {
            await (0,atomic_files/* removeLeftover */.MG)(target);
            throw new Error(`the restored clip of ${key} does not match its checksum`);
        }
        const clip = { task, path: target, sha256: copied.sha256, bytes: copied.bytes };
        if (madeBy.success)
            clip.madeBy = madeBy.data;
        return { kind: 'clip', clip };
    }
    /** Saves a downloaded clip with its final task JSON under `key`. */
    async saveClip(key, task, clipPath, sha256) {
        await this.save(key, key, async (directory) => {
            // A hard link costs no copy; a copy is the fallback (another file system, or no links there).
            await (0,promises_.link)(clipPath, external_node_path_default().join(directory, CLIP_FILE)).catch(() => (0,download/* copyFileAtomically */.T)(clipPath, external_node_path_default().join(directory, CLIP_FILE)));
            // Only the known task fields (taskSchema projects them), and never the key, even echoed by a server.
            await (0,promises_.writeFile)(external_node_path_default().join(directory, TASK_FILE), (0,secrets/* redact */.E)(JSON.stringify(src_task/* taskSchema */.v.parse(task))));
            await (0,promises_.writeFile)(external_node_path_default().join(directory, META_FILE), JSON.stringify({ sha256, madeBy: await (0,run_origin/* currentRun */.xh)() }));
        });
    }
    /** Records a just-submitted task, so a re-run of a timed-out or cancelled job resumes it instead of paying again. */
    async savePendingTaskId(key, taskId) {
        // Entries are immutable: each submission gets its own key (time, then random: two in one millisecond
        // still differ); lookup picks the newest by prefix.
        await this.save(key, `${key}-pending-${Date.now()}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`, (directory) => (0,promises_.writeFile)(external_node_path_default().join(directory, PENDING_FILE), (0,secrets/* redact */.E)(JSON.stringify({ taskId }))));
    }
    /** Never rejects: a cache that fails is a warning, and the clip's result stands. */
    async save(key, entryKey, stage) {
        if (!this.enabled)
            return;
        await this.serialised(key, () => this.saveNow(key, entryKey, stage)).catch((error) => {
            log/* warning */.$e(`Could not save the cache entry ${entryKey} (${(0,errors/* messageOf */.bD)(error)}); going on without it.`);
        });
    }
    async saveNow(key, entryKey, stage) {
        if (!this.enabled)
            return;
        const { relative, absolute } = this.directoryFor(key);
        try {
            await (0,promises_.rm)(absolute, { recursive: true, force: true });
            await (0,promises_.mkdir)(absolute, { recursive: true });
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


/***/ }),

/***/ 46024:
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
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83916);
/* harmony import */ var _log__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25625);
/* harmony import */ var _outputs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7729);
/* harmony import */ var _secrets__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27194);
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
        request: result.request ?? null,
    };
}
/**
 * Writes `rows` as a JSON array to `file` (its folder is made if missing). The text is redacted like every
 * output. Replacing the file by rename also replaces a symbolic link at that path instead of following it.
 */
async function writeResultsFile(file, rows) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
    const temporary = (0,_atomic_files__WEBPACK_IMPORTED_MODULE_2__/* .temporaryPathFor */ .ub)(file);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(temporary, `${(0,_secrets__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(JSON.stringify(rows, null, 2))}\n`, { flag: 'wx' });
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
async function writeResultsOutput(file, rows) {
    try {
        await writeResultsFile(file, rows);
        (0,_outputs__WEBPACK_IMPORTED_MODULE_4__/* .setOutputSafely */ .UD)('results-file', file);
    }
    catch (error) {
        _log__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Could not write the results file ${file} (${(0,_errors__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error)}).`);
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
/* unused harmony exports isInternalAddress, REFUSED_ADDRESS_CODE, guardedLookup */
/* harmony import */ var node_dns__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40610);
/* harmony import */ var node_dns__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_dns__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24371);
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
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const internal = host === 'localhost' || host.endsWith('.localhost') || ((0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(host) !== 0 && isInternalAddress(host));
    const loopback = host === 'localhost' || host.endsWith('.localhost') || ((0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(host) !== 0 && LOOPBACK.check(...addressArgs(host)));
    return { allowPlainHttp: url.protocol === 'http:' && loopback, allowInternal: internal };
}
const INTERNAL = new node_net__WEBPACK_IMPORTED_MODULE_1__.BlockList();
const LOOPBACK = new node_net__WEBPACK_IMPORTED_MODULE_1__.BlockList();
for (const [network, prefix] of [
    ['0.0.0.0', 8], // "this network"
    ['10.0.0.0', 8],
    ['100.64.0.0', 10], // carrier-grade NAT
    ['127.0.0.0', 8],
    ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
]) {
    INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['ff00::', 8], // multicast
]) {
    INTERNAL.addSubnet(network, prefix, 'ipv6');
}
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
function addressArgs(address) {
    return [address, (0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(address) === 6 ? 'ipv6' : 'ipv4'];
}
/** Whether an IP address is loopback, link-local, private or otherwise not a public host (IPv4-mapped IPv6 too). */
function isInternalAddress(address) {
    const plain = address
        .replace(/^\[|\]$/g, '')
        .replace(/%.*$/, '')
        .toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain)?.[1] ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(plain)?.[1];
    if (mapped)
        return INTERNAL.check(mapped, 'ipv4');
    const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(plain);
    if (hexMapped) {
        const high = Number.parseInt(hexMapped[1], 16);
        const low = Number.parseInt(hexMapped[2], 16);
        return INTERNAL.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
    }
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(plain) === 0)
        return true; // not an address at all: refuse rather than guess
    return INTERNAL.check(...addressArgs(plain));
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
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (policy.allowInternal)
        return undefined;
    if (host === 'localhost' || host.endsWith('.localhost'))
        return `${url.host} is a loopback host`;
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(host) !== 0 && isInternalAddress(host))
        return `${url.host} is a loopback, link-local or private address`;
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
            const bad = policy.allowInternal ? undefined : list.find((a) => isInternalAddress(a.address));
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
    const connect = (0,undici__WEBPACK_IMPORTED_MODULE_2__/* .buildConnector */ .gU)({ timeout: timeoutMs, lookup: guardedLookup(policy) });
    return (options, callback) => connect(options, (error, socket) => {
        if (error || !socket)
            return callback(error ?? new Error('no socket'), null);
        const address = socket.remoteAddress;
        if (!policy.allowInternal && address !== undefined && isInternalAddress(address)) {
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
