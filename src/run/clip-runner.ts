// One clip from request to file: cache lookup, submit (or resume), wait, cancel on timeout, download, cache save.
// Batches run several clips with at most `concurrency` tasks in flight. A clip holds its task slot only until
// its task reaches a final status: its download and cache save then run beside the next clips' tasks, each
// kind bounded on its own (TRANSFERS_AT_ONCE downloads, CACHE_SAVES_AT_ONCE saves), so tar, zstd and the upload
// of one clip never keep the next task from starting.
import path from 'node:path'
import type { FoxApiClient } from '../foxapi/api-client'
import type { CountedSubmission, CreditBudget } from './budget'
import { downloadVideo } from '../foxapi/download'
import { RequestError } from '../foxapi/request-errors'
import { API_RETRY } from '../foxapi/retries'
import type { ClipSpec, RunSettings } from '../inputs/clip-spec'
import { isSuccess, type ClipResult } from '../report/clip-result'
import type { GenerationRequest } from '../models/model'
import { clipCacheKey, reuseRunId } from '../cache/cache-key'
import type { ResultCache } from '../cache/result-cache'
import { redact } from '../secrets'
import { destinationFor, plannedDestinationProblem, recheckDestination } from '../security/destinations'
import { cacheClause, cancelSentence, collectHint, leftRunning, tryCancel, type CancelOutcome, type CollectOptions } from '../foxapi/cancel'
import { isTerminal, taskErrorText, videoUrlOf, type Task } from '../foxapi/task'
import { EMPTY_COMPLETED_REQUERIES, isTransientDuringWait, waitForTask } from '../foxapi/wait-for-task'
import type { Dispatcher } from 'undici'
import { downloadPolicyFor } from '../security/download-policy'
import { messageOf } from '../errors'
import type { ClipMetadata } from '../clip/clip-metadata'
import {
  downloadUntilWhole,
  holdAgainstRequest,
  inspectClip,
  mismatchText,
  restoredClipFits,
  type VerifyContext,
} from '../clip/clip-verify'
import { Limiter } from './limiter'

export interface ClipContext {
  settings: RunSettings
  client: FoxApiClient
  /** The dispatcher clips are downloaded with (its connections checked against the download policy). */
  agent: Dispatcher
  cache: ResultCache
  /** A batch run: the way to resume a clip is a `task-id` on its batch entry, not the `task-id` input. */
  batch?: boolean
  /** Aborted when the runner cancels the job (SIGINT/SIGTERM). */
  signal: AbortSignal
  log: (clip: string, line: string) => void
  /** Tasks being waited on; the post step cancels any left when the main step is killed. */
  onTaskStarted?: (taskId: string) => void
  onTaskSettled?: (taskId: string) => void
  /** Counts the credits reserved by this step's tasks and holds back submissions past `max-credits`. */
  budget?: CreditBudget
  /**
   * Waits for this clip's turn at a task slot, after its cache lookup and before it submits or resumes
   * anything: undefined to go ahead, or why it is not started after all (fail-fast, a cancelled run).
   */
  taskTurn?: () => Promise<string | undefined>
  /** Called once the clip's task completed with a clip to fetch: its task slot goes to the next clip. */
  onTaskFinal?: () => void
  /** Bounds the downloads running at once (runClips makes one per batch). */
  downloads?: Limiter
  /** Bounds the cache saves running at once (runClips makes one per batch). */
  cacheSaves?: Limiter
}

/** Downloads running at once in a batch (beside its `concurrency` tasks): network-bound, so as many as tasks. */
export const downloadsAtOnce = (concurrency: number): number => concurrency
/**
 * Cache saves running at once in a batch. Each runs tar and zstd and uploads its archive; on a 2-core machine
 * four keep up with a batch of 100 clips of 4 MiB at `concurrency: 10` (two fell behind), with the step's
 * peak RSS near 220 MiB (`npm run bench -- batch`).
 */
export const CACHE_SAVES_AT_ONCE = 4

/** FoxAPI keeps result URLs for 24 hours; a cached task older than this can no longer deliver its clip. */
const RESULT_URL_LIFETIME_MS = 23 * 3_600_000
/** Time allowed for cancelling a task after the run itself was stopped (the runner kills the step ~7.5s after SIGINT). */
const CANCEL_GRACE_MS = 5_000
/**
 * How long a create already on the wire may still take once the run is stopped. It is never cut off at once:
 * FoxAPI may bill the task, and only its reply names it. The runner sends SIGTERM 7.5s after SIGINT and kills
 * the step a little later, so this plus a cancel must fit in that.
 */
export const CREATE_REPLY_GRACE_MS = 4_000

export async function runClip(spec: ClipSpec, ctx: ClipContext): Promise<ClipResult> {
  const started = Date.now()
  const log = (line: string) => ctx.log(spec.name, redact(line))
  const result: ClipResult = {
    name: spec.name,
    outcome: 'failed',
    status: 'not-submitted',
    cacheHit: false,
    resumed: false,
    request: spec.request,
    elapsedMs: 0,
  }
  // The create this clip sent, once sent: later replies about its task are counted for it (never by task id).
  let counted: CountedSubmission | undefined
  const remember = (task: Task) => {
    result.task = task
    result.taskId = task.id
    result.status = task.status
    if (typeof task.progress === 'number') result.progress = task.progress
    counted?.update(task)
  }
  try {
    await produceClip(spec, ctx, result, remember, log, (submission) => (counted = submission))
  } catch (error) {
    result.outcome = ctx.signal.aborted ? 'stopped' : 'failed'
    let message = messageOf(error)
    // A task exists (and is paid for): say which, and how to collect it without paying again.
    if (result.taskId && !isTerminalFailure(result.status) && !message.includes(`task-id: ${result.taskId}`)) {
      const sentence = message.trimEnd().endsWith('.') ? message.trimEnd() : `${message.trimEnd()}.`
      message = `${sentence} ${collectAdvice(spec, result.taskId, ctx)}`
    }
    result.error = redact(message)
  }
  result.elapsedMs = Date.now() - started
  if (counted?.credits !== undefined) result.credits = counted.credits
  return result
}

async function produceClip(
  spec: ClipSpec,
  ctx: ClipContext,
  result: ClipResult,
  remember: (task: Task) => void,
  log: (line: string) => void,
  onSubmitted: (counted: CountedSubmission) => void,
): Promise<void> {
  const { settings, client, cache } = ctx
  const key = cache.enabled ? clipCacheKey(spec, settings.cacheKey) : undefined
  const destinationFor = (task: Task) => resolveOutputPath(spec, task.id, settings.workspace)

  // The clip file is what is cached (result URLs expire), so a cached clip serves only runs that download it.
  const found = key ? await cache.lookup(key, destinationFor, settings.wait && settings.download, reuseRunId(settings)) : undefined
  if (found?.kind === 'clip' && (await restoredClipFits(found.clip.path, verifyContext(spec, ctx, log), result, key))) {
    const { clip } = found
    remember(clip.task)
    Object.assign(result, {
      outcome: 'succeeded',
      cacheHit: true,
      // No video-url: the cached task's URL was pre-signed when it was made and has likely expired since.
      // The restored file is the clip; `result` still holds the task as FoxAPI answered then.
      videoPath: clip.path,
      sha256: clip.sha256,
      bytes: clip.bytes,
      madeBy: clip.madeBy,
    })
    log(`Restored from the Actions cache (${key}); nothing was sent to FoxAPI.`)
    return
  }

  if (found?.kind === 'delivered')
    log(
      `The cache's last task for this request (${found.taskId}) was delivered to an earlier run: ${settings.reuse.why}, so a new one is made.`,
    )
  // Only now does the clip need FoxAPI: its cache lookup ran ahead of its turn, outside the task slots.
  const refused = await ctx.taskTurn?.()
  if (refused !== undefined) {
    Object.assign(result, { outcome: 'skipped', error: refused })
    return
  }
  const waitDeadline = Date.now() + settings.timeoutMs
  const resumeId = spec.taskId ?? (found?.kind === 'pending' ? found.taskId : undefined)
  let task = resumeId ? await resumeTask(resumeId, spec.taskId !== undefined, spec.request?.model, ctx, waitDeadline, log) : undefined
  let pendingSave: Promise<void> = Promise.resolve()
  if (task) {
    result.resumed = true
    result.adopted = true
  } else {
    if (!spec.request) throw new Error('No request to submit')
    // Checked before paying (the inputs were checked at the start; a batch may start this clip much later).
    const unsafe =
      settings.wait && settings.download ? plannedDestinationProblem(spec.outputPath, spec.name, undefined, settings.workspace) : undefined
    if (unsafe !== undefined) throw new Error(`Not submitted, nothing paid: the clip could not be saved (${unsafe})`)
    const request = spec.request
    if (ctx.signal.aborted) throw new Error('Not submitted: the run was cancelled')
    const create = async () => {
      // Surely not sent: a budget does not count it as a create whose outcome is unknown.
      if (ctx.signal.aborted)
        throw new RequestError('Not submitted: the run was cancelled', { retryable: false, mayHaveBeenProcessed: false, aborted: true })
      return createWithGrace(request, ctx, waitDeadline, log)
    }
    const submission = ctx.budget ? await ctx.budget.submit(create) : { submitted: true as const, task: await create() }
    if (!submission.submitted) {
      Object.assign(result, { outcome: 'skipped', error: submission.reason })
      log(`Not submitted: ${submission.reason.replace(/^not started: /, '')}.`)
      return
    }
    task = submission.task
    if ('counted' in submission) onSubmitted(submission.counted)
    const estimate = task.task_info?.estimated_time
    log(`Submitted task ${task.id}${estimate ? ` (estimated ${estimate}s)` : ''}.`)
    // Never rejects (the cache only warns), and is awaited below before the clip is saved under the same key.
    const submittedId = task.id
    if (key) pendingSave = inTurn(ctx.cacheSaves, () => cache.savePendingTaskId(key, submittedId, request.model)).catch(() => undefined)
  }
  remember(task)

  // Only a task this run submitted is left for the post step to cancel; one adopted from another run is not ours.
  const ours = !result.adopted
  if (ours && (settings.wait || ctx.signal.aborted)) ctx.onTaskStarted?.(task.id)
  try {
    if (ctx.signal.aborted) {
      // Stopped while the create was in flight: the id is known now; cancel-on-timeout decides the rest.
      await endWait('stopped', ctx, result, spec, remember, log, key !== undefined)
      return
    }
    if (!settings.wait) {
      result.outcome = 'submitted'
      result.leftRunning = true
      return
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
    })
    if (waited.kind !== 'finished') {
      await endWait(waited.kind, ctx, result, spec, remember, log, key !== undefined)
      return
    }
    // The task is done: nothing more runs at FoxAPI for this clip, so the next clip's task may start while this
    // one downloads. (A task that failed gives its slot back only once its failure is counted, for fail-fast.)
    if (waited.task.status === 'completed' && videoUrlOf(waited.task) !== undefined) ctx.onTaskFinal?.()
    await finish(spec, ctx, result, waited.task, key, log)
  } finally {
    if (result.taskId) ctx.onTaskSettled?.(result.taskId)
    await pendingSave
  }
}

/** Waiting ended without a result: cancel the task when allowed (and ours), and say what became of it. */
async function endWait(
  kind: 'timed-out' | 'stopped',
  ctx: ClipContext,
  result: ClipResult,
  spec: ClipSpec,
  remember: (task: Task) => void,
  log: (line: string) => void,
  cached: boolean,
): Promise<void> {
  result.outcome = kind
  const before = result.task
  let what: string
  let reply: Task | undefined
  if (result.adopted) {
    // Another run submitted (and may be waiting on) this task: cancelling it here would lose what it paid for.
    result.leftRunning = !(before !== undefined && isTerminal(before.status))
    what = `Task ${result.taskId} was submitted by another run, so it is left running (cancel-on-timeout applies only to tasks this run submitted).`
  } else {
    const cancel = await cancelIfAllowed(before, ctx)
    reply = cancel !== 'not-asked' && (cancel.kind === 'cancelled' || cancel.kind === 'requested') ? cancel.task : undefined
    result.leftRunning = leftRunning(cancel, reply ?? before)
    what = cancelSentence(result.taskId ?? 'unknown', cancel, before)
  }
  log(what)
  // The message tells where the task stood when waiting ended; the outputs then carry the cancel reply's status.
  result.error = stopMessage(result, kind, spec, ctx, what, cached)
  if (reply) remember(reply)
}

/**
 * Sends the create request. Stopping the run does not cut it off: FoxAPI may already be making (and billing)
 * the task, and only its reply names it. The reply is awaited for CREATE_REPLY_GRACE_MS more; if it does not
 * come, the error says a task may have been billed.
 */
async function createWithGrace(request: GenerationRequest, ctx: ClipContext, deadline: number, log: (line: string) => void): Promise<Task> {
  const inFlight = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const onStop = () => {
    log(
      `The run was cancelled while the create request was in flight: waiting up to ${CREATE_REPLY_GRACE_MS / 1000}s for FoxAPI's reply, so a billed task is not lost.`,
    )
    timer = setTimeout(
      () => inFlight.abort(new Error(`no reply within ${CREATE_REPLY_GRACE_MS / 1000}s of the run being cancelled`)),
      CREATE_REPLY_GRACE_MS,
    )
  }
  ctx.signal.addEventListener('abort', onStop, { once: true })
  try {
    return await ctx.client.createTask(request, { deadline, signal: ctx.signal, inFlightSignal: inFlight.signal })
  } catch (error) {
    if (inFlight.signal.aborted) {
      throw new Error(
        `The run was cancelled while the create request was in flight, and FoxAPI did not answer within ${CREATE_REPLY_GRACE_MS / 1000}s: ` +
          'a task may have been created and billed, but its id is unknown.',
        { cause: error },
      )
    }
    throw error
  } finally {
    ctx.signal.removeEventListener('abort', onStop)
    if (timer) clearTimeout(timer)
  }
}

/**
 * Picks up an existing task: the `task-id` input (its errors are the step's), or the task an earlier run of
 * the same request left in the cache (used only while it can still deliver, and only when FoxAPI's reply
 * shows the request's model; otherwise a new one is submitted).
 */
async function resumeTask(
  taskId: string,
  askedFor: boolean,
  model: string | undefined,
  ctx: ClipContext,
  deadline: number,
  log: (line: string) => void,
): Promise<Task | undefined> {
  if (askedFor) log(`Resuming task ${taskId}; nothing new is submitted.`)
  try {
    const task = await ctx.client.getTask(taskId, { deadline, signal: ctx.signal })
    if (askedFor) return task
    if (task.model !== undefined && task.model !== model) {
      log(
        `An earlier run's task ${taskId} is for another model (${JSON.stringify(task.model)}), not this request's; it is not adopted, a new one is submitted.`,
      )
      return undefined
    }
    if (isTerminalFailure(task.status)) {
      log(`An earlier run's task ${taskId} ended ${task.status}; submitting a new one.`)
      return undefined
    }
    if (task.created !== undefined && Date.now() - task.created * 1000 > RESULT_URL_LIFETIME_MS) {
      log(`An earlier run's task ${taskId} is over a day old, so its clip's URL has expired; submitting a new one.`)
      return undefined
    }
    log(`Resuming task ${taskId} submitted by an earlier run of this request; nothing new is submitted.`)
    return task
  } catch (error) {
    const notFound = error instanceof RequestError && error.details.status === 404
    if (notFound && !askedFor) {
      log(`An earlier run's task ${taskId} is unknown to FoxAPI; submitting a new one.`)
      return undefined
    }
    // A gateway error or a maintenance page says nothing about the task: it is waited on like any other
    // (the wait rides such answers out), rather than failed or paid for again.
    if (!notFound && !ctx.signal.aborted && isTransientDuringWait(error)) {
      log(`${messageOf(error)}; waiting on task ${taskId} anyway.`)
      if (!askedFor) log(`Resuming task ${taskId} submitted by an earlier run of this request; nothing new is submitted.`)
      return { id: taskId, status: 'unknown' }
    }
    throw error
  }
}

async function finish(
  spec: ClipSpec,
  ctx: ClipContext,
  result: ClipResult,
  task: Task,
  key: string | undefined,
  log: (line: string) => void,
): Promise<void> {
  if (task.status === 'failed') {
    result.error = `FoxAPI task ${task.id} failed: ${taskErrorText(task)}`
    return
  }
  if (task.status === 'cancelled') {
    result.error = `FoxAPI task ${task.id} was cancelled`
    return
  }
  const url = videoUrlOf(task)
  if (!url) {
    result.error =
      `FoxAPI task ${task.id} completed without a video URL, also when asked again ${EMPTY_COMPLETED_REQUERIES} times ` +
      `(with and without sync_upstream). ${collectAdvice(spec, task.id, ctx)}`
    return
  }
  result.videoUrl = url
  if (!ctx.settings.download) {
    result.outcome = 'succeeded'
    if (key) await inTurn(ctx.cacheSaves, () => ctx.cache.saveDelivered(key, task.id, spec.request?.model ?? ''))
    return
  }
  const { workspace } = ctx.settings
  // The inputs were checked before paying; this catches what changed since (or what the real task id changes).
  const guard = <T>(check: () => T): T => {
    try {
      return check()
    } catch (error) {
      const hint = ctx.batch
        ? `Collect the paid clip without paying again: add "task-id: ${task.id}" to the batch entry '${spec.name}', with an output that can be written, and re-run (its video-url works for 24 hours).`
        : `Collect the paid clip without paying again: re-run with task-id: ${task.id} and an output-path that can be written (its video-url works for 24 hours).`
      throw new Error(`${messageOf(error)}. ${hint}`, { cause: error })
    }
  }
  const destination = guard(() => resolveOutputPath(spec, task.id, workspace))
  let metadata: ClipMetadata | undefined
  // A file that fails a structural check is fetched again from the same URL (never a new task) before the clip fails.
  const download = () =>
    downloadVideo({
      url,
      inspect: async (file) => {
        metadata = await inspectClip(file)
      },
      destination,
      // Checked again once the folders exist and right before the rename: a symlink swapped in meanwhile is refused.
      checkDestination: () => guard(() => recheckDestination(destination, workspace)),
      agent: ctx.agent,
      policy: downloadPolicyFor(ctx.settings.baseUrl),
      maxBytes: ctx.settings.maxDownloadBytes,
      retry: API_RETRY,
      deadline: Date.now() + ctx.settings.timeoutMs,
      signal: ctx.signal,
      log,
    })
  const downloaded = await inTurn(ctx.downloads, () => downloadUntilWhole(download, log))
  Object.assign(result, { outcome: 'succeeded', videoPath: downloaded.path, sha256: downloaded.sha256, bytes: downloaded.bytes })
  const where = path.relative(ctx.settings.workspace, downloaded.path) || downloaded.path
  log(`Saved ${downloaded.bytes} bytes to ${where} (sha256 ${downloaded.sha256}).`)
  const verdict = metadata ? holdAgainstRequest(metadata, verifyContext(spec, ctx, log), result) : undefined
  if (verdict === 'fail') {
    // Kept, with every output set (the summary shows what came back), but not cached: it is not the clip asked for.
    result.outcome = 'failed'
    result.error = `${mismatchText(result.verification ?? { status: 'skipped' })}. The clip is kept at ${where} and every output is set; verify: warn accepts such a clip, and a new cache-key asks for a new take (paid)`
    return
  }
  if (key) {
    const model = spec.request?.model ?? ''
    await inTurn(ctx.cacheSaves, async () => {
      await ctx.cache.saveClip(key, task, downloaded.path, downloaded.sha256, reuseRunId(ctx.settings))
      // Delivered: under `reuse: run` no later run adopts this task again (its clip was handed to this one).
      await ctx.cache.saveDelivered(key, task.id, model)
    })
  }
}

/** `work` within `limiter` when there is one. */
function inTurn<T>(limiter: Limiter | undefined, work: () => Promise<T>): Promise<T> {
  return limiter ? limiter.run(work) : work()
}

/** What the clip checks need of this clip and run. */
function verifyContext(spec: ClipSpec, ctx: ClipContext, log: (line: string) => void): VerifyContext {
  return { request: spec.request, mode: ctx.settings.verify, label: ctx.batch ? `[${spec.name}] ` : '', log }
}

/** Tries to cancel a task left running by a timeout or a stopped run, when cancel-on-timeout asks for it. */
async function cancelIfAllowed(task: Task | undefined, ctx: ClipContext): Promise<CancelOutcome | 'not-asked'> {
  if (!task || !ctx.settings.cancelOnTimeout) return 'not-asked'
  return tryCancel(ctx.client, task, Date.now() + CANCEL_GRACE_MS)
}

/** Says where the task stood when waiting ended, what became of it, and (unless it ended) how to collect it. */
function stopMessage(
  result: ClipResult,
  kind: 'timed-out' | 'stopped',
  spec: ClipSpec,
  ctx: ClipContext,
  cancel: string,
  cached: boolean,
): string {
  const { settings } = ctx
  const id = result.taskId ?? 'unknown'
  const last = `last status ${result.status}${result.progress !== undefined ? ` ${Math.round(result.progress)}%` : ''}`
  const what =
    kind === 'timed-out'
      ? `Timed out after ${Math.round(settings.timeoutMs / 1000)}s waiting for task ${id} (${last}).`
      : `The run was cancelled while waiting for task ${id} (${last}).`
  if (!result.leftRunning) return `${what} ${cancel}`
  return `${what} ${cancel} ${collectAdvice(spec, id, ctx, { longerTimeout: kind === 'timed-out', cached })}`
}

/**
 * The exact way to collect a task that exists without paying for another. In a batch the `task-id` input is
 * refused, so the way is a `task-id` on that entry.
 */
export function collectAdvice(
  spec: Pick<ClipSpec, 'name'>,
  taskId: string,
  ctx: Pick<ClipContext, 'batch'>,
  options: CollectOptions = { longerTimeout: false, cached: false },
): string {
  if (!ctx.batch) return collectHint(taskId, options)
  return `Collect it later without paying again: add "task-id: ${taskId}" to the batch entry '${spec.name}' and re-run${options.longerTimeout ? ' (with a longer timeout)' : ''}${cacheClause(options)}.`
}

function isTerminalFailure(status: string): boolean {
  return status === 'failed' || status === 'cancelled'
}

/** Where this clip's file goes now that its task id is known; throws when that is not a safe place to write. */
export function resolveOutputPath(spec: ClipSpec, taskId: string, workspace: string): string {
  return destinationFor(spec.outputPath, spec.name, taskId, workspace)
}

/**
 * Runs clips with at most `concurrency` tasks in flight. A clip's cache lookup runs ahead of its turn (at most
 * `concurrency` clips look ahead), then it takes a task slot, in batch order, and gives it back once its task
 * is final (or when it ends, whichever is first): downloads and cache saves run beside the next tasks, bounded
 * on their own. With fail-fast, a failure stops clips not yet submitted; a cancelled run submits no more.
 */
export async function runClips(clips: ClipSpec[], ctx: ClipContext): Promise<ClipResult[]> {
  const results = new Array<ClipResult>(clips.length)
  const { concurrency, failFast } = ctx.settings
  const taskSlots = new Limiter(concurrency)
  // Clips started whose task is not final yet: those holding a task slot, and as many again looking ahead.
  const started = new Limiter(2 * concurrency)
  const downloads = ctx.downloads ?? new Limiter(downloadsAtOnce(concurrency))
  const cacheSaves = ctx.cacheSaves ?? new Limiter(CACHE_SAVES_AT_ONCE)
  let failed = false
  const stopped = (): string | undefined =>
    failed && failFast
      ? 'not started: an earlier clip failed (fail-fast)'
      : ctx.signal.aborted
        ? 'not started: the run was cancelled'
        : undefined
  const running: Promise<void>[] = []
  // Task slots go to clips in batch order, whatever order their cache lookups end in.
  let turns: Promise<unknown> = Promise.resolve()
  for (const [index, spec] of clips.entries()) {
    const leave = await started.acquire()
    const reason = stopped()
    if (reason !== undefined) {
      leave()
      results[index] = skipped(spec, reason)
      continue
    }
    const slot = turns.then(() => taskSlots.acquire())
    turns = slot
    const done = () => {
      void slot.then((release) => release())
      leave()
    }
    const clip = runClip(spec, {
      ...ctx,
      downloads,
      cacheSaves,
      taskTurn: async () => (await slot, stopped()),
      onTaskFinal: done,
    }).then((result) => {
      results[index] = result
      if (!isSuccess(result) && result.outcome !== 'skipped') failed = true
    })
    running.push(clip.finally(done))
  }
  await Promise.all(running)
  return results
}

function skipped(spec: ClipSpec, reason: string): ClipResult {
  return {
    name: spec.name,
    outcome: 'skipped',
    status: 'not-submitted',
    cacheHit: false,
    resumed: false,
    request: spec.request,
    error: reason,
    elapsedMs: 0,
  }
}
