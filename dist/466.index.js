export const id = 466;
export const ids = [466];
export const modules = {

/***/ 2466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  generate: () => (/* binding */ generate)
});

// EXTERNAL MODULE: ./src/cache/result-cache.ts + 6 modules
var result_cache = __webpack_require__(30127);
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
// EXTERNAL MODULE: ./src/report/budget-view.ts
var budget_view = __webpack_require__(2675);
// EXTERNAL MODULE: ./src/foxapi/task.ts
var task = __webpack_require__(91294);
;// CONCATENATED MODULE: ./src/report/clip-story.ts
// What became of a clip, in honest words and with a next step: made, reused from the cache, not the shape asked,
// generation failed, skipped by the budget, left running at FoxAPI, and so on. One reading of a clip's result
// (src/report/clip-result.ts, with the decision src/run/clip-decision.ts made) that the summary's headline, its
// clip sections and the log's closing line per clip all use, so they never contradict each other. Pure.


/** The story of one clip's result. */
function storyOf(result, context) {
    switch (result.outcome) {
        case 'succeeded':
            return result.cacheHit ? reused() : made(result);
        case 'submitted':
            return {
                kind: 'submitted',
                icon: '📨',
                label: 'submitted, not waited for',
                happened: `Sent to FoxAPI as task ${result.taskId ?? '?'}; the step did not wait for it (wait: false).`,
                next: `Collect it when it is done, without paying again: ${collectWords(result, context)}.`,
                problem: false,
            };
        case 'failed':
            return failed(result, context);
        case 'skipped':
            return skipped(result, context);
        case 'timed-out':
        case 'stopped':
            return waitEnded(result, context);
    }
}
function made(result) {
    const credits = result.credits !== undefined ? ` for ${(0,outputs/* formatCredits */.Ql)(result.credits)} credits` : '';
    const collected = result.decision.action === 'collect' || result.decision.action === 'resume';
    const origin = collected
        ? `Collected task ${result.taskId ?? '?'}, which an earlier run paid for: nothing new was paid.`
        : `Made by FoxAPI${credits}.`;
    const mismatch = result.verification?.status === 'mismatch' ? result.verification.mismatches.join('; ') : undefined;
    if (mismatch !== undefined)
        return {
            kind: 'made',
            icon: '⚠️',
            label: 'made, not the shape asked',
            happened: `${origin} It is not the shape asked (${mismatch}); verify: warn let it through.`,
            next: 'Look at it before publishing. For a take of the right shape (paid), set a new cache-key.',
            problem: false,
        };
    if (!result.videoPath && result.asset?.id !== undefined)
        return {
            kind: 'made',
            icon: '✅',
            label: 'made',
            happened: `${origin} It is an asset (id ${result.asset?.id}), not a video file.`,
            next: 'Use its asset id (the asset-id output) in the next steps.',
            problem: false,
        };
    const checked = !result.videoPath
        ? ' Not downloaded (download: false): use the FoxAPI link while it works.'
        : result.verification?.status === 'passed'
            ? ' Checked: a whole MP4 of the shape asked.'
            : ' Checked: a whole MP4 (its shape was not compared: verify: off or nothing to compare).';
    return {
        kind: 'made',
        icon: '✅',
        label: 'made',
        happened: `${origin}${checked}`,
        next: result.videoPath
            ? 'Ready for the next steps of the workflow. Label it as AI-generated when you publish it.'
            : 'Download it within 24 hours.',
        problem: false,
    };
}
function reused() {
    return {
        kind: 'reused',
        icon: '♻️',
        label: 'reused from the cache',
        happened: 'Reused from the Actions cache, checked again: nothing was sent to FoxAPI and no credits were spent.',
        next: 'Nothing to do. For a new take of the same request (paid), set a new cache-key.',
        problem: false,
    };
}
function failed(result, context) {
    if (result.verification?.status === 'mismatch' && result.videoPath)
        return {
            kind: 'wrong-shape',
            icon: '❌',
            label: 'wrong shape',
            happened: `FoxAPI made it, but not the shape asked: ${result.verification.mismatches.join('; ')}. The file is kept.`,
            next: "Re-running won't change it: a re-run collects the same task and gets the same clip. To use this clip, set verify: warn; " +
                'for a new take (paid), set a new cache-key.',
            problem: true,
        };
    if (result.status === 'failed' || result.status === 'cancelled') {
        const reason = result.status === 'failed' && result.task ? (0,task/* taskErrorText */.Db)(result.task) : 'the task was cancelled at FoxAPI';
        return {
            kind: 'generation-failed',
            icon: '❌',
            label: 'generation failed',
            happened: `FoxAPI could not make it: “${reason}”.`,
            next: "Change what FoxAPI's reason points at (the prompt, an image, a setting), then re-run: it is sent again and paid again.",
            problem: true,
        };
    }
    if (result.status === 'not-submitted')
        return {
            kind: 'failed',
            icon: '❌',
            label: 'failed before sending',
            happened: `Not sent to FoxAPI, nothing paid: ${result.error ?? 'it failed before anything was sent'}`,
            next: 'Fix what the message names, then re-run.',
            problem: true,
        };
    return {
        kind: 'failed',
        icon: '❌',
        label: 'failed',
        happened: result.error ?? `The clip failed (task status ${result.status}).`,
        next: result.taskId
            ? `The task is paid for. Collect it without paying again: ${collectWords(result, context)}.`
            : 'Fix what the message names, then re-run.',
        problem: true,
    };
}
function skipped(result, context) {
    const why = result.decision.why;
    const { budget } = context;
    if (/max-credits/.test(why)) {
        const label = budget ? `the budget for ${budget.label}` : 'the credit budget';
        const spent = budget
            ? budget.blocked !== undefined
                ? ` (${budget.blocked})`
                : ` (${(0,outputs/* formatCredits */.Ql)(budget.used)} of ${(0,outputs/* formatCredits */.Ql)(budget.limit)} credits used)`
            : '';
        const resets = budget?.resets ? `It starts again on ${budget.resets}. ` : '';
        const raise = budget ? `raise max-credits (now ${(0,outputs/* formatCredits */.Ql)(budget.limit)})` : 'raise max-credits';
        return {
            kind: 'skipped',
            icon: '⏭️',
            label: 'skipped: budget reached',
            happened: `Not sent to FoxAPI: ${label} is used up${spent}. Nothing was paid.`,
            next: budget?.resets
                ? `${resets}To make it sooner, ${raise} and re-run.`
                : `To make it, ${raise} and re-run: clips already made are reused.`,
            problem: true,
        };
    }
    const failFast = /fail-fast/.test(why);
    return {
        kind: 'skipped',
        icon: '⏭️',
        label: failFast ? 'not started (fail-fast)' : 'not started',
        happened: `Not sent to FoxAPI, nothing paid: ${why.replace(/^not started: /, '')}.`,
        next: failFast
            ? 'Fix the clip that failed, then re-run: clips already made are reused from the cache.'
            : 'Re-run the workflow: clips already made are reused from the cache.',
        problem: true,
    };
}
function waitEnded(result, context) {
    const progress = result.progress !== undefined ? `, ${Math.round(result.progress)}% done` : '';
    const why = result.outcome === 'timed-out' ? 'the step stopped waiting (timeout)' : 'the run was cancelled';
    if (result.leftRunning)
        return {
            kind: 'left-running',
            icon: '⏳',
            label: 'still running at FoxAPI',
            happened: `${capitalise(why)} while FoxAPI was still making it (task ${result.taskId ?? '?'}${progress}). It may finish, and it is paid for.`,
            next: `Collect it without paying again: ${collectWords(result, context)}${result.outcome === 'timed-out' ? ' (with a longer timeout)' : ''}.`,
            problem: true,
        };
    return {
        kind: 'stopped',
        icon: '🛑',
        label: result.outcome === 'timed-out' ? 'timed out' : 'stopped',
        happened: result.error ?? `${capitalise(why)}.`,
        next: 'Re-run to make it: a new task is paid for.',
        problem: true,
    };
}
/** How to collect the clip's task: re-run (the cache remembers it) or name it with `task-id`. */
function collectWords(result, context) {
    const id = result.taskId ?? '?';
    const named = context.batch ? `add task-id: ${id} to the batch entry '${result.name}' and re-run` : `re-run with task-id: ${id}`;
    return result.taskInCache ? `re-run the workflow (the cache remembers task ${id}), or ${named}` : named;
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// EXTERNAL MODULE: ./src/report/shown-paths.ts
var shown_paths = __webpack_require__(31922);
;// CONCATENATED MODULE: ./src/report/clip-log.ts
// Each clip's log lines, and one closing line per clip saying what became of it (the words of ./clip-story.ts, as
// in the summary). A single clip's lines stream live (src/run/generation.ts puts them in a group). A batch's clips
// run side by side, so their lines are kept per clip and written as that clip's group when it ends: lines of two
// clips never interleave inside a group. The lines that name a task (submitted, resumed) are written live as well,
// prefixed with the clip's name, so a task id is in the log the moment it exists, even if the job is killed
// before the clip ends.




/** Lines that name a task this step submitted or adopted: also written live in a batch. */
const TASK_LINE = /^(Submitted task|Resuming task) /;
class ClipLog {
    batch;
    workspace;
    context;
    lines = new Map();
    closing = [];
    constructor(batch, workspace, 
    /** The words' context now (the budget as it stands when a clip ends). */
    context) {
        this.batch = batch;
        this.workspace = workspace;
        this.context = context;
    }
    /** One line of `clip`'s log. */
    line(clip, text) {
        if (!this.batch)
            return log/* info */.pq(text);
        const kept = this.lines.get(clip) ?? [];
        kept.push(text);
        this.lines.set(clip, kept);
        if (TASK_LINE.test(text))
            log/* info */.pq(`[${clip}] ${text}`);
    }
    /** A clip ended: in a batch its group and closing line are written now; a single clip's closing line waits for {@link close}. */
    ended(result) {
        const closing = closingLine(result, storyOf(result, this.context()), this.workspace);
        if (!this.batch) {
            this.closing.push(closing);
            return;
        }
        const kept = this.lines.get(result.name) ?? [];
        this.lines.delete(result.name);
        if (kept.length > 0)
            log/* groupOf */.F8(`${result.name} (${kept.length} log line${kept.length === 1 ? '' : 's'})`, kept);
        log/* info */.pq(closing);
    }
    /** Writes what is still held: the closing lines of clips that ran alone (after their group has ended). */
    close() {
        for (const line of this.closing.splice(0))
            log/* info */.pq(line);
    }
}
/** `✅ fox: made · clips/fox.mp4 (7.9 KB) · 5 credits`, or `❌ hike: generation failed. FoxAPI could not make it: …`. */
function closingLine(result, story, workspace) {
    if (story.problem)
        return `${story.icon} ${result.name}: ${story.label}. ${story.happened} Next: ${story.next}`;
    const parts = [`${story.icon} ${result.name}: ${story.label}`];
    const size = result.bytes ?? result.metadata?.bytes;
    if (result.videoPath)
        parts.push(`${(0,shown_paths/* workspacePath */.X5)(result.videoPath, workspace)}${size !== undefined ? ` (${(0,shown_paths/* sizeText */.lP)(size)})` : ''}`);
    if (result.asset?.id !== undefined)
        parts.push(`asset ${result.asset?.id}`);
    if (result.credits !== undefined)
        parts.push(`${(0,outputs/* formatCredits */.Ql)(result.credits)} credits`);
    if (result.outcome === 'submitted' || story.icon === '⚠️')
        parts.push(story.next);
    return parts.join(' · ');
}

// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
// EXTERNAL MODULE: ./src/clip/clip-shape.ts
var clip_shape = __webpack_require__(49018);
// EXTERNAL MODULE: ./src/run-origin.ts
var run_origin = __webpack_require__(91069);
// EXTERNAL MODULE: ./src/report/clip-words.ts
var clip_words = __webpack_require__(15414);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(86433);
;// CONCATENATED MODULE: ./src/report/clip-card.ts
// One clip's section of the job summary: its name and what became of it, what happened and what to do next, then
// what a person checks before publishing (the prompt as sent, model and settings, the shape, the file, the FoxAPI
// link and when it expires, or the asset of a model that makes no video, the media used, the AI label) and, folded
// away, what an engineer looks up (task id, SHA-256, cache key, timings, why the run decided what it did).






/** The section of one clip, titled with its name (or `title`) and what became of it. */
function clipCard(result, story, workspace, title = result.name) {
    const rows = [
        ['Prompt', promptCell(result)],
        ['Model', (0,clip_words/* settingsWords */.Fg)(result.request, result.task?.model)],
        ['Shape', shapeCell(result)],
        ['File', fileCell(result, workspace)],
        ['FoxAPI link', linkCell(result)],
        ['Asset id', assetCell(result)],
        ['Media used', mediaCell(result, workspace)],
        ['AI label', labelCell(result)],
    ];
    return (0,html/* join */.fj)([
        (0,html.el)('h4', undefined, `${story.icon} ${title} · ${story.label}`),
        (0,html.el)('p', undefined, (0,html/* text */.Qq)(story.happened), (0,html.el)('br', undefined), (0,html.el)('b', undefined, 'Next: '), (0,html/* text */.Qq)(story.next)),
        fieldTable(rows),
        (0,html.el)('details', undefined, (0,html.el)('summary', undefined, 'Technical details'), fieldTable(detailRows(result))),
    ]);
}
/** A table of a field per row, leaving out fields with nothing to show. */
function fieldTable(rows) {
    const shown = rows.filter(([, value]) => value !== undefined && value !== false && value !== '');
    return (0,html.el)('table', undefined, ...shown.map(([name, value]) => (0,html.el)('tr', undefined, (0,html.el)('th', { align: 'left' }, name), (0,html.el)('td', undefined, value))));
}
function promptCell(result) {
    const prompt = (0,clip_words/* promptShown */.qq)(result.request);
    return prompt === undefined ? undefined : (0,html/* text */.Qq)(`“${prompt}”`);
}
/** `✔ 720×1280 · 9:16 · 8.0 s · H.264 · no audio`, or the shape with what differs from what was asked. */
function shapeCell(result) {
    if (!result.metadata)
        return undefined;
    const shape = (0,clip_shape/* shapeLine */.kV)(result.metadata);
    const verification = result.verification;
    if (verification?.status === 'mismatch')
        return (0,html/* join */.fj)(['⚠️ ', shape, (0,html.el)('br', undefined), `not as asked: ${verification.mismatches.join('; ')}`]);
    return (0,html/* join */.fj)([verification?.status === 'passed' ? '✔ ' : '', shape, verification?.status === 'passed' ? ' (as asked)' : ' (not compared)']);
}
function fileCell(result, workspace) {
    if (!result.videoPath)
        return undefined;
    const size = result.bytes ?? result.metadata?.bytes;
    const made = result.cacheHit && result.madeBy ? (0,run_origin/* runOfThisRepository */.T0)(result.madeBy) : undefined;
    return (0,html/* join */.fj)([
        (0,html.el)('code', undefined, (0,shown_paths/* workspacePath */.X5)(result.videoPath, workspace)),
        size !== undefined ? ` · ${(0,shown_paths/* sizeText */.lP)(size)}` : undefined,
        made ? (0,html/* join */.fj)([' · made by ', (0,html/* link */.nf)(made.url, (0,run_origin/* runLabel */.Az)(made)) ?? (0,run_origin/* runLabel */.Az)(made)]) : undefined,
    ]);
}
/** The FoxAPI link, labelled with when it stops working (FoxAPI keeps clips 24 hours). */
function linkCell(result) {
    if (result.cacheHit)
        return undefined;
    const anchor = (0,html/* link */.nf)(result.videoUrl, 'Download from FoxAPI');
    if (!anchor)
        return undefined;
    const expiry = (0,clip_words/* linkExpiry */.Q2)(result.task?.created);
    return (0,html/* join */.fj)([anchor, expiry ? ` · works until ${expiry} (24 h after it was made)` : ' · works for 24 hours after the clip was made']);
}
/** `character_id <code>char-…</code> (Foxy)`: the field FoxAPI answered, the id, and the name a character carries. */
function assetCell(result) {
    const asset = result.asset;
    if (asset?.id === undefined)
        return undefined;
    return (0,html/* join */.fj)([`${asset.field} `, (0,html.el)('code', undefined, asset.id), asset.name !== undefined ? ` (${asset.name})` : undefined]);
}
function mediaCell(result, workspace) {
    const words = (0,clip_words/* mediaWords */.AJ)(result, workspace);
    return words.length > 0 ? (0,html/* join */.fj)(words, (0,html.el)('br', undefined)) : undefined;
}
/** "AI-generated with <model>", and whether the file carries content credentials (C2PA). */
function labelCell(result) {
    const model = result.request?.model ?? result.task?.model;
    if (!model || (!result.metadata && !result.videoUrl))
        return undefined;
    const credentials = result.metadata?.contentCredentials;
    const carried = credentials === 'present' ? 'in the file' : credentials === 'absent' ? 'none in the file' : undefined;
    return (0,html/* join */.fj)([`AI-generated with ${model}`, carried ? ` · content credentials (C2PA): ${carried}` : undefined]);
}
function detailRows(result) {
    const created = result.task?.created;
    const madeAt = created !== undefined && Number.isFinite(created) && created > 0
        ? new Date(created * 1000).toISOString().slice(0, 16).replace('T', ' ')
        : undefined;
    return [
        ['Task id', result.taskId !== undefined ? (0,html.el)('code', undefined, result.taskId) : undefined],
        ['Task status', result.status],
        [
            'Credits',
            result.credits !== undefined ? `${(0,outputs/* formatCredits */.Ql)(result.credits)} reserved by this step's task` : 'none reserved by this step',
        ],
        ['SHA-256', result.sha256 !== undefined ? (0,html.el)('code', undefined, result.sha256) : undefined],
        ['Cache key', result.cacheKey !== undefined ? (0,html.el)('code', undefined, result.cacheKey) : undefined],
        ['Time', (0,html/* join */.fj)([`${(0,clip_words/* durationWords */.Sh)(result.elapsedMs)} in this step`, madeAt ? ` · task made ${madeAt} UTC` : undefined])],
        ['Decision', `${result.decision.action}: ${result.decision.why}`],
        ['Message', result.error !== undefined ? (0,html/* text */.Qq)(result.error) : undefined],
    ];
}

// EXTERNAL MODULE: ./src/inputs/cron-words.ts
var cron_words = __webpack_require__(56709);
;// CONCATENATED MODULE: ./src/report/summary.ts










/**
 * Writes the job summary. Never throws: without GITHUB_STEP_SUMMARY (a local run, an old runner) or when the
 * write fails, it warns and the run's result stands.
 */
async function writeSummary(results, options) {
    await (0,actions_io/* writeSummaryHtml */.Lv)(renderSummary(results, options));
}
/**
 * The summary's HTML, redacted, at most `maxBytes`: clips that do not fit are left out (the ones that need
 * attention are shown first), with a note. Exported for tests.
 */
function renderSummary(results, options, maxBytes = actions_io/* MAX_SUMMARY_BYTES */.Q0) {
    const context = { batch: options.batch, ...(options.budget ? { budget: options.budget } : {}) };
    const stories = results.map((result) => storyOf(result, context));
    for (let shown = results.length;; shown = Math.max(0, Math.min(shown - 1, Math.floor(shown * 0.9)))) {
        const html = (0,secrets/* redact */.E)((0,shown_paths/* scrubRunnerPaths */.wE)(summaryHtml(results, stories, options, shown).html));
        if (Buffer.byteLength(html) <= maxBytes || shown === 0)
            return `${html}\n`;
    }
}
function summaryHtml(results, stories, options, shown) {
    const workspace = options.workspace ?? (process.env.GITHUB_WORKSPACE || process.cwd());
    // Those that need attention first, each group in batch order.
    const order = results.map((_, i) => i).sort((a, b) => Number(stories[b]?.problem) - Number(stories[a]?.problem) || a - b);
    const many = options.batch || results.length > 1;
    const cards = order
        .slice(0, shown)
        .map((i) => clipCard(results[i], stories[i], workspace, many ? undefined : 'The clip'));
    return (0,html/* join */.fj)([
        (0,html.el)('h3', undefined, headline(results, stories, options)),
        many && results.length > 0 ? overview(results, stories, order, workspace) : undefined,
        ...cards,
        shown < results.length
            ? (0,html.el)('p', undefined, `${results.length - shown} more clip(s) not shown: the summary is capped at ${actions_io/* MAX_SUMMARY_BYTES */.Q0} bytes. The results output lists every clip.`)
            : undefined,
        notDueSection(options.notDue ?? []),
        footer(options),
    ]);
}
/** The headline alone (the log's last line): the same words as the summary's first. */
function summaryHeadline(results, options) {
    const context = { batch: options.batch, ...(options.budget ? { budget: options.budget } : {}) };
    return headline(results, results.map((result) => storyOf(result, context)), options);
}
/** `✅ 2 of 3 clips made · 10 credits · December 2026: 25 of 40 credits used · ❌ hike: generation failed`. */
function headline(results, stories, options) {
    const total = results.length;
    const count = (kind) => stories.filter((s) => s.kind === kind).length;
    const [made, reused, submitted] = [count('made'), count('reused'), count('submitted')];
    const parts = [];
    // A clip alone (not a batch) is named by what became of it: "Clip: wrong shape".
    const single = total === 1 && !options.batch ? stories[0] : undefined;
    if (total === 0)
        parts.push(`💤 No clip due on this run${options.notDue?.length ? ` (${options.notDue.length} not due)` : ''} · nothing sent to FoxAPI`);
    else if (single)
        parts.push(`${single.icon} Clip: ${single.label}`);
    else {
        const ok = made + reused + submitted;
        const icon = ok === total ? '✅' : ok === 0 ? '❌' : '⚠️';
        const of = `${ok} of ${total} clip${total === 1 ? '' : 's'}`;
        if (submitted > 0 && made + reused === 0)
            parts.push(`📨 ${of} submitted, not waited for`);
        else if (reused === 0)
            parts.push(`${icon} ${of} made`);
        else if (made === 0 && submitted === 0)
            parts.push(`${icon} ${of} reused from the cache`);
        else
            parts.push(`${icon} ${of} ready (${made} made, ${reused} reused from the cache${submitted > 0 ? `, ${submitted} submitted` : ''})`);
    }
    if (total > 0) {
        const credits = (0,outputs/* totalCredits */.n3)([...results]);
        parts.push(`${(0,outputs/* formatCredits */.Ql)(credits)} credit${credits === 1 ? '' : 's'}`);
    }
    if (options.budget)
        parts.push((0,budget_view/* budgetLine */["in"])(options.budget));
    const problems = single ? [] : stories.map((story, i) => ({ story, name: results[i]?.name ?? '' })).filter((p) => p.story.problem);
    for (const { story, name } of problems.slice(0, 5))
        parts.push(`${story.icon} ${name}: ${story.label}`);
    if (problems.length > 5)
        parts.push(`and ${problems.length - 5} more that need attention`);
    return parts.join(' · ');
}
/** A batch at a glance: each clip, what became of it, and its file. */
function overview(results, stories, order, workspace) {
    const header = (0,html.el)('tr', undefined, (0,html.el)('th', { align: 'left' }, 'Clip'), (0,html.el)('th', { align: 'left' }, 'Result'), (0,html.el)('th', { align: 'left' }, 'File'));
    const rows = order.map((i) => {
        const result = results[i];
        const story = stories[i];
        const size = result.bytes ?? result.metadata?.bytes;
        const file = result.videoPath
            ? (0,html/* join */.fj)([(0,html.el)('code', undefined, (0,shown_paths/* workspacePath */.X5)(result.videoPath, workspace)), size !== undefined ? ` · ${(0,shown_paths/* sizeText */.lP)(size)}` : undefined])
            : '—';
        return (0,html.el)('tr', undefined, (0,html.el)('td', undefined, (0,html.el)('b', undefined, result.name)), (0,html.el)('td', undefined, `${story.icon} ${story.label}`), (0,html.el)('td', undefined, file));
    });
    return (0,html.el)('table', undefined, (0,html.el)('thead', undefined, header), (0,html.el)('tbody', undefined, ...rows));
}
function notDueSection(notDue) {
    if (notDue.length === 0)
        return undefined;
    const shown = notDue.slice(0, 50);
    return (0,html/* join */.fj)([
        (0,html.el)('h4', undefined, `💤 Not due on this run (${notDue.length})`),
        (0,html.el)('ul', undefined, ...shown.map((entry) => (0,html.el)('li', undefined, (0,html.el)('b', undefined, entry.name), `: ${(0,cron_words/* withCronWords */.c)(entry.reason)}`)), notDue.length > shown.length ? (0,html.el)('li', undefined, `and ${notDue.length - shown.length} more`) : undefined),
        (0,html.el)('p', undefined, 'Nothing to do: they run on the days their calendar names. Nothing was sent for them.'),
    ]);
}
const REUSE_WORDS = {
    run: 'Each new run of this workflow makes fresh clips; re-running this run reuses its clips and pays nothing more.',
    request: 'A clip is reused from the Actions cache whenever the same request comes again; a new cache-key asks for a new take (paid).',
};
function footer(options) {
    const lines = [
        ...(options.reuse ? [REUSE_WORDS[options.reuse]] : []),
        ...(options.budget === undefined && options.maxCredits !== undefined ? [`max-credits: ${(0,outputs/* formatCredits */.Ql)(options.maxCredits)}.`] : []),
        'Credits are what FoxAPI reserved for the tasks this step sent (FoxAPI publishes no price list).',
        ...(options.notes ?? []),
    ];
    return (0,html.el)('p', undefined, (0,html.el)('sub', undefined, (0,html/* join */.fj)(lines, (0,html.el)('br', undefined))));
}

// EXTERNAL MODULE: ./src/records/delivered-notes.ts
var delivered_notes = __webpack_require__(92886);
// EXTERNAL MODULE: ./src/security/download-policy.ts
var download_policy = __webpack_require__(89355);
// EXTERNAL MODULE: ./src/run/clip-end.ts
var clip_end = __webpack_require__(16683);
// EXTERNAL MODULE: ./src/cache/cache-key.ts
var cache_key = __webpack_require__(24950);
// EXTERNAL MODULE: ./src/run/clip-decision.ts
var clip_decision = __webpack_require__(68498);
// EXTERNAL MODULE: ./src/run/collect-advice.ts
var collect_advice = __webpack_require__(15932);
// EXTERNAL MODULE: ./src/foxapi/wait-for-task.ts + 1 modules
var wait_for_task = __webpack_require__(64148);
// EXTERNAL MODULE: ./src/models/index.ts + 3 modules
var models = __webpack_require__(84469);
// EXTERNAL MODULE: ./src/run/deliver-clip.ts + 1 modules
var deliver_clip = __webpack_require__(52331);
// EXTERNAL MODULE: ./src/foxapi/cancel.ts
var foxapi_cancel = __webpack_require__(60265);
;// CONCATENATED MODULE: ./src/run/end-wait.ts
// The stage of a clip's pipeline for a wait that ended without a result: the step timed out, or the run was
// stopped. A task this run submitted is cancelled when `cancel-on-timeout` asks for it (best effort: FoxAPI
// documents no cancel route); one adopted from another run is left alone. Either way the clip's error says where
// the task stood, what became of it, and (while it may still run and be billed) how to collect it.



/** Time allowed for cancelling a task after the run itself was stopped (the runner kills the step ~7.5s after SIGINT). */
const CANCEL_GRACE_MS = 5_000;
/** Cancels the task when allowed (and ours), and says what became of it. */
async function endWait(kind, stopped, deps, log) {
    const { taskId, last } = stopped;
    let sentence;
    let reply;
    let running;
    if (stopped.adopted) {
        // Another run submitted (and may be waiting on) this task: cancelling it here would lose what it paid for.
        running = !(last !== undefined && (0,task/* isTerminal */.Hd)(last.status));
        sentence = `Task ${taskId} was submitted by another run, so it is left running (cancel-on-timeout applies only to tasks this run submitted).`;
    }
    else {
        const cancel = await cancelIfAllowed(last, deps);
        reply = cancel !== 'not-asked' && (cancel.kind === 'cancelled' || cancel.kind === 'requested') ? cancel.task : undefined;
        running = (0,foxapi_cancel/* leftRunning */.jw)(cancel, reply ?? last);
        sentence = (0,foxapi_cancel/* cancelSentence */.MO)(taskId, cancel, last);
    }
    log(sentence);
    // The message tells where the task stood when waiting ended; the outputs then carry the cancel reply's status.
    const error = stopMessage(kind, stopped, deps, sentence, running);
    return { outcome: kind, leftRunning: running, error, ...(reply ? { reply } : {}) };
}
/** Tries to cancel a task left running by a timeout or a stopped run, when cancel-on-timeout asks for it. */
async function cancelIfAllowed(task, deps) {
    if (!task || !deps.settings.cancelOnTimeout)
        return 'not-asked';
    return (0,foxapi_cancel/* tryCancel */.S4)(deps.client, task, Date.now() + CANCEL_GRACE_MS);
}
/** Says where the task stood when waiting ended, what became of it, and (unless it ended) how to collect it. */
function stopMessage(kind, stopped, deps, cancel, running) {
    const { taskId, last } = stopped;
    const progress = stopped.progress !== undefined ? ` ${Math.round(stopped.progress)}%` : '';
    const status = `last status ${last?.status ?? 'not-submitted'}${progress}`;
    const what = kind === 'timed-out'
        ? `Timed out after ${Math.round(deps.settings.timeoutMs / 1000)}s waiting for task ${taskId} (${status}).`
        : `The run was cancelled while waiting for task ${taskId} (${status}).`;
    if (!running)
        return `${what} ${cancel}`;
    const advice = (0,collect_advice/* collectAdvice */.$)(stopped.name, taskId, deps.batch, { longerTimeout: kind === 'timed-out', cached: stopped.cached });
    return `${what} ${cancel} ${advice}`;
}

;// CONCATENATED MODULE: ./src/run/follow-task.ts
// The pipeline's stages once a task exists: wait for it (unless the run does not wait), end a wait that timed out
// or was stopped (./end-wait.ts), deliver its clip (./deliver-clip.ts); and the trail of replies about the task that
// every one of them reports from. A paid task's failure always says how to collect it without paying again.









/** The last state of the task, as every reply about it tells it; the budget counts each reply for its create. */
class TaskTrail {
    started;
    last;
    progress;
    constructor(started) {
        this.started = started;
        this.last = started.task;
        this.progress = typeof started.task.progress === 'number' ? started.task.progress : undefined;
    }
    seen = (task) => {
        this.last = task;
        if (typeof task.progress === 'number')
            this.progress = task.progress;
        this.started.counted?.update(task);
    };
    get credits() {
        return this.started.counted?.credits;
    }
    fields() {
        const { adopted } = this.started;
        const credits = this.credits;
        return {
            ...(0,clip_end/* taskFields */.W)(this.last, this.progress),
            resumed: adopted,
            ...(adopted ? { adopted } : {}),
            ...(credits !== undefined ? { credits } : {}),
        };
    }
}
/**
 * Waits for the task (unless the run does not wait), then delivers its clip. The wait ends at `start.deadline`, the
 * one `timeout` the clip's task was started within (a resume, its uploads and its create count against it too).
 */
async function followTask(spec, start, trail, deps, turn, log) {
    const { started, key, record } = start;
    const base = { cacheHit: false };
    // Stopped while the create was in flight: the id is known now; cancel-on-timeout decides the rest.
    if (deps.signal.aborted)
        return follow_task_waitEnded(await endWait('stopped', stoppedTask(spec, trail, started, record), deps, log), trail);
    if (!deps.settings.wait)
        return { ...base, outcome: 'submitted', leftRunning: true, ...trail.fields() };
    const waited = await (0,wait_for_task/* waitForTask */.aZ)({
        client: deps.client,
        taskId: started.task.id,
        pollIntervalMs: deps.settings.pollIntervalMs,
        deadline: start.deadline,
        signal: deps.signal,
        ...(started.pollFirst ? {} : { initial: started.task }),
        log,
        onUpdate: trail.seen,
        typicalSeconds: spec.request && (0,models/* typicalSecondsOf */.VY)(spec.request.model),
    });
    if (waited.kind !== 'finished')
        return follow_task_waitEnded(await endWait(waited.kind, stoppedTask(spec, trail, started, record), deps, log), trail);
    // The task is done: nothing more runs at FoxAPI for this clip, so the next clip's task may start while this
    // one downloads. (A task that failed gives its slot back only once its failure is counted, for fail-fast.)
    if (waited.task.status === 'completed' && (0,task/* hasResult */.yX)(waited.task))
        turn.release();
    return delivered(await (0,deliver_clip/* deliverClip */.oV)(spec, waited.task, key, deps, log), trail);
}
function stoppedTask(spec, trail, started, record) {
    return {
        name: spec.name,
        taskId: started.task.id,
        last: trail.last,
        progress: trail.progress,
        adopted: started.adopted,
        // "Re-run: the cache remembers the task" only while it does (a record it refused is named in a notice).
        cached: record.kept,
    };
}
function follow_task_waitEnded(end, trail) {
    if (end.reply)
        trail.seen(end.reply);
    return { outcome: end.outcome, cacheHit: false, leftRunning: end.leftRunning, error: end.error, ...trail.fields() };
}
function delivered(delivery, trail) {
    const { file, held } = delivery;
    return {
        outcome: delivery.outcome,
        cacheHit: false,
        ...trail.fields(),
        ...(delivery.videoUrl !== undefined ? { videoUrl: delivery.videoUrl } : {}),
        ...(delivery.asset !== undefined ? { asset: delivery.asset } : {}),
        ...(file ? { videoPath: file.path, sha256: file.sha256, bytes: file.bytes } : {}),
        ...(held ? { metadata: held.metadata, verification: held.verification } : {}),
        ...(delivery.error !== undefined ? { error: delivery.error } : {}),
    };
}
/** A task exists (and is paid for) but the clip failed: the error says which task, and how to collect it without paying again. */
function failedWithTask(spec, decision, trail, error, deps) {
    let message = (0,errors/* messageOf */.bD)(error);
    const id = trail.last.id;
    if (!(0,task/* endedWithoutClip */.h3)(trail.last.status) && !message.includes(`task-id: ${id}`)) {
        const sentence = message.trimEnd().endsWith('.') ? message.trimEnd() : `${message.trimEnd()}.`;
        message = `${sentence} ${(0,collect_advice/* collectAdvice */.$)(spec.name, id, deps.batch)}`;
    }
    // A clip whose download failed keeps its URL in the outputs: it works for 24 hours.
    const url = trail.last.status === 'completed' ? (0,task/* videoUrlOf */.iq)(trail.last) : undefined;
    const outcome = deps.signal.aborted ? 'stopped' : 'failed';
    return { decision, outcome, cacheHit: false, ...trail.fields(), ...(url !== undefined ? { videoUrl: url } : {}), error: (0,secrets/* redact */.E)(message) };
}

// EXTERNAL MODULE: ./src/run/look-up.ts
var look_up = __webpack_require__(21442);
// EXTERNAL MODULE: ./src/run/start-task.ts
var start_task = __webpack_require__(24815);
;// CONCATENATED MODULE: ./src/run/clip-pipeline.ts
// One clip, from request to file, as a straight line of stages that each return what they produced:
//   look up → take a turn → submit or resume → wait → deliver (download, check) → save.
// decideClip (./clip-decision.ts) says, at each point where a new fact comes in, what happens next; the stages only
// do it. The clip's result (report/clip-result.ts) is built once, at the end, from what the stages returned.
// This is where paying twice would happen, so the order is the contract: nothing is submitted before the cache
// was asked and the decision says `submit`, in the budget's turn.










/** A clip alone: its turn is always now, and there is no slot to give back. */
const NO_SCHEDULE = { take: () => Promise.resolve(undefined), release: () => { } };
/** Runs one clip to its end. Never throws: whatever goes wrong is the clip's error. */
async function runClip(spec, deps, turn = NO_SCHEDULE) {
    const started = Date.now();
    const log = (line) => deps.log(spec.name, (0,secrets/* redact */.E)(line));
    // The request's cache key, once per clip: the lookup, the saves and the summary use the same one.
    const key = deps.cache.enabled ? (0,cache_key/* clipCacheKey */.Yq)(spec, deps.settings.cacheKey) : undefined;
    const end = await produceClip(spec, key, deps, turn, log);
    const media = spec.media?.map(({ field, path, kind, bytes, type, sha256 }) => ({ field, path, kind, bytes, type: type.name, sha256 }));
    return {
        ...end,
        name: spec.name,
        request: spec.request,
        elapsedMs: Date.now() - started,
        ...(media ? { media } : {}),
        ...(key !== undefined ? { cacheKey: key } : {}),
    };
}
/** `key`: the request's cache key, when the cache is used for the clip. */
async function produceClip(spec, key, deps, turn, log) {
    let found;
    let facts;
    try {
        found = await (0,look_up/* lookUp */.TE)(spec, key, deps, log);
        facts = { ...(spec.taskId !== undefined ? { taskId: spec.taskId } : {}), cache: (0,look_up/* findingOf */.hD)(found, key, deps) };
    }
    catch (error) {
        const outcome = deps.signal.aborted ? 'stopped' : 'failed';
        return (0,clip_end/* notStarted */.D)({ action: 'submit', why: 'the clip failed before anything was sent' }, outcome, (0,secrets/* redact */.E)((0,errors/* messageOf */.bD)(error)));
    }
    if (found?.kind === 'clip')
        return (0,look_up/* restored */.v0)(found, (0,clip_decision/* decideClip */.d)(facts), log);
    if (found?.kind === 'delivered')
        log(`The cache's last task for this request (${found.taskId}) ${found.why ?? 'was delivered to an earlier run'}: ${deps.settings.reuse.why}, so a new one is made.`);
    // Only now does the clip need FoxAPI: its cache lookup ran ahead of its turn, outside the task slots.
    const stopped = await turn.take();
    const decision = (0,clip_decision/* decideClip */.d)({ ...facts, ...(stopped !== undefined ? { stopped } : {}) });
    if (decision.action === 'skip')
        return (0,clip_end/* notStarted */.D)(decision, 'skipped', decision.why);
    return runTask(spec, { facts, decision, found, key }, deps, turn, log);
}
/** The stages from the task on: start it (resume, collect or submit), wait, deliver, save. */
async function runTask(spec, ahead, deps, turn, log) {
    const deadline = Date.now() + deps.settings.timeoutMs;
    let start;
    try {
        start = await startTask(spec, ahead, deps, deadline, log);
    }
    catch (error) {
        // A run stopped before the create left starts no task: the decision says so (a create cut off in flight stays a submit).
        const stopped = deps.signal.aborted && (0,start_task/* neverSent */.vQ)(error);
        const decision = stopped ? (0,clip_decision/* decideClip */.d)({ ...ahead.facts, stopped: 'not started: the run was cancelled' }) : ahead.decision;
        return (0,clip_end/* notStarted */.D)(decision, deps.signal.aborted ? 'stopped' : 'failed', (0,secrets/* redact */.E)((0,errors/* messageOf */.bD)(error)));
    }
    if ('skipped' in start)
        return (0,clip_end/* notStarted */.D)(start.skipped, 'skipped', start.skipped.why);
    const trail = new TaskTrail(start.started);
    const { started } = start;
    // Only a task this run submitted is left for the post step to cancel; one adopted from another run is not ours.
    const ours = !started.adopted;
    if (ours && (deps.settings.wait || deps.signal.aborted))
        deps.waiting.add(started.task.id);
    let end;
    try {
        end = { ...(await followTask(spec, { ...start, key: ahead.key, deadline }, trail, deps, turn, log)), decision: start.decision };
    }
    catch (error) {
        end = failedWithTask(spec, start.decision, trail, error, deps);
    }
    finally {
        deps.waiting.delete(started.task.id);
        await start.pendingSave;
    }
    // Known only once the record's save settled: whether a re-run of the workflow finds the task in the cache.
    return start.record.kept ? { ...end, taskInCache: true } : end;
}
/** Resumes the `task-id`, collects an earlier run's task that can still deliver, or submits a new one. */
async function startTask(spec, ahead, deps, deadline, log) {
    const none = Promise.resolve();
    if (ahead.decision.action === 'resume')
        return {
            started: await (0,start_task/* resumeNamedTask */.K9)(spec.taskId ?? '', deps, deadline, log),
            decision: ahead.decision,
            pendingSave: none,
            record: { kept: ahead.key !== undefined },
        };
    let facts = ahead.facts;
    if (ahead.decision.action === 'collect' && ahead.found?.kind === 'pending') {
        const { taskId } = ahead.found;
        const pending = await (0,start_task/* checkPendingTask */.r)(taskId, spec.request?.model, deps, deadline, log);
        facts = { ...facts, pending: pending.check };
        const decision = (0,clip_decision/* decideClip */.d)(facts);
        if (decision.action === 'collect' && pending.task) {
            log(`Resuming task ${taskId} submitted by an earlier run of this request; nothing new is submitted.`);
            return { started: { task: pending.task, adopted: true, pollFirst: true }, decision, pendingSave: none, record: { kept: true } };
        }
        if (!pending.check.usable)
            log(`An earlier run's task ${taskId} ${pending.check.why}; submitting a new one.`);
    }
    const submission = await (0,start_task/* submitTask */.st)(spec, facts, deps, deadline, log);
    if ('skipped' in submission)
        return submission;
    const { key } = ahead;
    // Never rejects (the cache only warns); awaited before the clip ends, so a later save under the key comes after it.
    const record = { kept: key !== undefined };
    const pendingSave = key ? savePending(spec, key, submission.taskId, deps, record) : none;
    return { started: submission.started, decision: submission.decision, pendingSave, record };
}
/**
 * Saves the record of a task just submitted, so that a re-run collects it instead of paying again. When the cache
 * does not keep it (read-only for this job, throttled past waiting, failing), a notice says so at once, with the
 * exact way to collect the task: the run may still be stopped before the clip is delivered.
 */
async function savePending(spec, key, taskId, deps, record) {
    const model = spec.request?.model ?? '';
    const saved = await deps.limits.cacheSaves.run(() => deps.cache.savePendingTaskId(key, taskId, model)).catch(() => false);
    if (saved)
        return;
    record.kept = false;
    const label = deps.batch ? `[${spec.name}] ` : '';
    log/* notice */.lm(`${label}The Actions cache did not keep the record of task ${taskId} (the cache refused or failed the save): a re-run would not find it. ${(0,collect_advice/* collectAdvice */.$)(spec.name, taskId, deps.batch)}`);
}

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
            results[index] = batch_scheduler_skipped(spec, turn);
            deps.ended?.(results[index]);
            continue;
        }
        const clip = runClip(spec, deps, turn).then((result) => {
            results[index] = result;
            schedule.ended(result);
            deps.ended?.(result);
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
/** A clip the schedule never started: as a clip that ends before its task (notStarted), named. */
function batch_scheduler_skipped(spec, reason) {
    const end = (0,clip_end/* notStarted */.D)({ action: 'skip', why: reason }, 'skipped', reason);
    return { ...end, name: spec.name, ...(spec.request ? { request: spec.request } : {}), elapsedMs: 0 };
}

// EXTERNAL MODULE: ./src/run/budget.ts
var run_budget = __webpack_require__(50404);
// EXTERNAL MODULE: ./src/run/check-media.ts
var check_media = __webpack_require__(94460);
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
    if (clips.length === 0)
        return reportNothingDue(settings, batch, notDue);
    (0,actions_io/* saveStateSafely */.Fr)(constants/* State */.Uw.CancelOnTimeout, String(settings.cancelOnTimeout));
    (0,actions_io/* saveStateSafely */.Fr)(constants/* State */.Uw.BaseUrl, settings.baseUrl);
    if (settings.cache)
        log/* info */.pq(`Cache: ${settings.reuse.why}.`);
    if (notDue.length > 0)
        log/* info */.pq((0,schedule_notes/* notDueText */.n)(notDue));
    // budget-period: what earlier runs of this workflow spent in the period, read before anything is submitted.
    const spending = await (0,period_budget/* periodSpending */.g)(settings);
    if (spending === 'unavailable')
        return;
    const run = setUp(settings, batch, spending.period);
    try {
        if (batch)
            log/* info */.pq(`Making ${clips.length} clip${clips.length === 1 ? '' : 's'}, at most ${settings.concurrency} at a time: each clip's log is a group written when the clip ends.`);
        const results = batch ? await runClips(clips, run.deps) : await log/* group */.Os(groupTitle(clips), () => runClips(clips, run.deps));
        run.clipLog.close();
        if (spending.period?.record && spending.period.blocked === undefined && run.deps.budget.reserved > 0)
            await spending.period.record(run.deps.budget.reserved);
        if (spending.period)
            log/* info */.pq((0,schedule_notes/* periodText */.J)(spending.period, run.deps.budget.reserved, settings));
        const budget = (0,budget_view/* budgetView */.dK)(settings, run.deps.budget.reserved, spending.period);
        const options = { ...summaryOptions(settings, batch, notDue), ...(budget ? { budget } : {}) };
        await report(results, clips, settings, options);
        if (batch)
            log/* info */.pq(summaryHeadline(results, options));
        verdict(results);
    }
    finally {
        await run.close();
    }
}
/** What the summary shows besides the clips: the budget, what a cache hit may serve, the entries not due. */
function summaryOptions(settings, batch, notDue) {
    return {
        batch,
        ...(settings.maxCredits !== undefined ? { maxCredits: settings.maxCredits } : {}),
        ...(settings.cache ? { reuse: settings.reuse.mode } : {}),
        notDue,
        workspace: settings.workspace,
    };
}
/** A content calendar with nothing due on this trigger: not a failure, and nothing is paid. */
async function reportNothingDue(settings, batch, notDue) {
    log/* notice */.lm(`No batch entry is due on this run, so nothing was sent to FoxAPI. ${(0,schedule_notes/* notDueText */.n)(notDue)}`);
    (0,outputs/* writeOutputs */.Kn)([]);
    (0,matrix/* writeMatrix */.T)([]);
    await (0,results_file/* writeResultsOutput */.jq)(settings.resultsFile, [], settings.workspace);
    await writeSummary([], summaryOptions(settings, batch, notDue));
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
    const api = (0,api_client/* runClientOptions */.PF)(settings, agent);
    const client = new api_client/* FoxApiClient */.Tn(api);
    const stop = stopOnSignals();
    const waiting = new Set();
    const recordWaiting = () => (0,actions_io/* saveStateSafely */.Fr)(constants/* State */.Uw.WaitingTasks, JSON.stringify([...waiting]));
    const budget = new run_budget/* CreditBudget */.Pv(settings.maxCredits, (text) => log/* warning */.$e(text), period);
    const clipLog = new ClipLog(batch, settings.workspace, () => {
        const view = (0,budget_view/* budgetView */.dK)(settings, budget.reserved, period);
        return { batch, ...(view ? { budget: view } : {}) };
    });
    const deps = {
        settings,
        client,
        downloadAgent,
        cache: new result_cache/* ResultCache */.A(settings.cache, settings.workspace, { apiKey: settings.apiKey, maxClipBytes: settings.maxDownloadBytes }),
        budget,
        ...(settings.reuse.mode === 'run'
            ? { notes: delivered_notes/* DeliveredNotes */.y.open({ apiKey: settings.apiKey, githubToken: settings.githubToken }) }
            : {}),
        batch,
        signal: stop.signal,
        log: (clip, line) => clipLog.line(clip, line),
        ended: (result) => clipLog.ended(result),
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
    return { deps, clipLog, close };
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
async function report(results, clips, settings, options) {
    try {
        (0,outputs/* writeOutputs */.Kn)(results);
        (0,matrix/* writeMatrix */.T)(clips);
    }
    catch (error) {
        log/* warning */.$e(`Could not write the step outputs (${(0,errors/* messageOf */.bD)(error)}).`);
    }
    await (0,results_file/* writeResultsOutput */.jq)(settings.resultsFile, results.map(results_file/* toFullResultRow */.EH), settings.workspace);
    await writeSummary(results, options);
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
