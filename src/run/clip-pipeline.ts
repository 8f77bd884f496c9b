// One clip, from request to file, as a straight line of stages that each return what they produced:
//   look up → take a turn → submit or resume → wait → deliver (download, check) → save.
// decideClip (./clip-decision.ts) says, at each point where a new fact comes in, what happens next; the stages only
// do it. The clip's result (report/clip-result.ts) is built once, at the end, from what the stages returned.
// This is where paying twice would happen, so the order is the contract: nothing is submitted before the cache
// was asked and the decision says `submit`, in the budget's turn.
import { clipCacheKey, reuseRunId } from '../cache/cache-key'
import type { CacheLookup } from '../cache/result-cache'
import { checkRestoredClip } from '../clip/clip-verify'
import { messageOf } from '../errors'
import { endedWithoutClip, videoUrlOf, type Task } from '../foxapi/task'
import { waitForTask } from '../foxapi/wait-for-task'
import type { ClipSpec } from '../inputs/clip-spec'
import type { ClipDecision, ClipResult } from '../report/clip-result'
import { redact } from '../secrets'
import { decideClip, type CacheFinding, type ClipFacts } from './clip-decision'
import type { ClipDeps, ClipTurn } from './clip-deps'
import { collectAdvice } from './collect-advice'
import { deliverClip, resolveOutputPath, verifyContext, type Delivery } from './deliver-clip'
import { endWait, type WaitEnd } from './end-wait'
import { checkPendingTask, resumeNamedTask, submitTask, type StartedTask } from './start-task'

type Log = (line: string) => void

/** A clip alone: its turn is always now, and there is no slot to give back. */
export const NO_SCHEDULE: ClipTurn = { take: () => Promise.resolve(undefined), release: () => {} }

/** Runs one clip to its end. Never throws: whatever goes wrong is the clip's error. */
export async function runClip(spec: ClipSpec, deps: ClipDeps, turn: ClipTurn = NO_SCHEDULE): Promise<ClipResult> {
  const started = Date.now()
  const log: Log = (line) => deps.log(spec.name, redact(line))
  const end = await produceClip(spec, deps, turn, log)
  const key = deps.settings.cache ? clipCacheKey(spec, deps.settings.cacheKey) : undefined
  return {
    ...end,
    name: spec.name,
    request: spec.request,
    elapsedMs: Date.now() - started,
    ...(key !== undefined ? { cacheKey: key } : {}),
  }
}

/** A clip's result without what runClip adds itself (its name, request and time). */
type ClipEnd = Omit<ClipResult, 'name' | 'request' | 'elapsedMs'>

async function produceClip(spec: ClipSpec, deps: ClipDeps, turn: ClipTurn, log: Log): Promise<ClipEnd> {
  const key = deps.cache.enabled ? clipCacheKey(spec, deps.settings.cacheKey) : undefined
  let found: CacheLookup
  let facts: ClipFacts
  try {
    found = await lookUp(spec, key, deps, log)
    facts = { ...(spec.taskId !== undefined ? { taskId: spec.taskId } : {}), cache: findingOf(found, key, deps) }
  } catch (error) {
    const outcome = deps.signal.aborted ? 'stopped' : 'failed'
    return notStarted({ action: 'submit', why: 'the clip failed before anything was sent' }, outcome, redact(messageOf(error)))
  }
  if (found?.kind === 'clip') return restored(found, decideClip(facts), log)
  if (found?.kind === 'delivered')
    log(
      `The cache's last task for this request (${found.taskId}) was delivered to an earlier run: ${deps.settings.reuse.why}, so a new one is made.`,
    )
  // Only now does the clip need FoxAPI: its cache lookup ran ahead of its turn, outside the task slots.
  const stopped = await turn.take()
  const decision = decideClip({ ...facts, ...(stopped !== undefined ? { stopped } : {}) })
  if (decision.action === 'skip') return notStarted(decision, 'skipped', decision.why)
  return runTask(spec, { facts, decision, found, key }, deps, turn, log)
}

/** The cache lookup stage: the clip or a pending task of the request's key (none without a key). */
async function lookUp(spec: ClipSpec, key: string | undefined, deps: ClipDeps, log: Log): Promise<CacheLookup> {
  if (key === undefined) return undefined
  const { settings } = deps
  // The clip file is what is cached (result URLs expire), so a cached clip serves only runs that download it.
  const found = await deps.cache.lookup(key, {
    wantClip: settings.wait && settings.download,
    ...(reuseRunId(settings) !== undefined ? { runId: reuseRunId(settings) } : {}),
    check: (file) => checkRestoredClip(file, verifyContext(spec, deps, log)),
    place: (task) => resolveOutputPath(spec, task.id, settings.workspace),
  })
  if (found?.kind === 'unusable-clip' && wantsClip(deps))
    log(`${found.why}; treating the cache entry ${key} as a miss (change cache-key to store a new clip under a new key).`)
  return found
}

const wantsClip = (deps: ClipDeps): boolean => deps.settings.wait && deps.settings.download

/** What a lookup found, as the decision reads it. */
export function findingOf(found: CacheLookup, key: string | undefined, deps: Pick<ClipDeps, 'cache' | 'settings'>): CacheFinding {
  if (key === undefined)
    return { kind: 'not-asked', why: deps.settings.cache ? 'the Actions cache cannot be used on this runner' : 'cache: false' }
  switch (found?.kind) {
    case undefined:
      return { kind: 'no-answer' }
    case 'empty':
      return { kind: 'empty' }
    case 'clip':
      return { kind: 'clip', usable: true }
    case 'unusable-clip':
      return { kind: 'clip', usable: false, why: found.why }
    case 'pending':
      return { kind: 'pending', taskId: found.taskId }
    case 'delivered':
      return { kind: 'delivered', taskId: found.taskId, why: `its last task was delivered to an earlier run: ${deps.settings.reuse.why}` }
  }
}

/** The restore: the proven, checked clip is already in place (a clip that passes its check is always restored). */
function restored(found: Extract<CacheLookup, { kind: 'clip' }>, decision: ClipDecision, log: Log): ClipEnd {
  const { clip, held } = found
  log(`Restored from the Actions cache; nothing was sent to FoxAPI (the cache key is in the summary's technical details).`)
  return {
    decision,
    outcome: 'succeeded',
    ...taskFields(clip.task, undefined),
    cacheHit: true,
    resumed: false,
    // No video-url: the cached task's URL was pre-signed when it was made and has likely expired since.
    ...(clip.path !== undefined ? { videoPath: clip.path } : {}),
    sha256: clip.sha256,
    bytes: clip.bytes,
    ...(clip.madeBy ? { madeBy: clip.madeBy } : {}),
    metadata: held.metadata,
    verification: held.verification,
  }
}

/** A clip that ends before any task is started for it. */
function notStarted(decision: ClipDecision, outcome: 'skipped' | 'failed' | 'stopped', error: string): ClipEnd {
  return { decision, outcome, status: 'not-submitted', cacheHit: false, resumed: false, error }
}

/** The status, progress and task of the last reply seen. */
function taskFields(task: Task, progress: number | undefined): Pick<ClipResult, 'status' | 'task' | 'taskId' | 'progress'> {
  const shown = progress ?? (typeof task.progress === 'number' ? task.progress : undefined)
  return { status: task.status, task, taskId: task.id, ...(shown !== undefined ? { progress: shown } : {}) }
}

/** What the stages before the task know. */
interface Ahead {
  facts: ClipFacts
  decision: ClipDecision
  found: CacheLookup
  key: string | undefined
}

/** The stages from the task on: start it (resume, collect or submit), wait, deliver, save. */
async function runTask(spec: ClipSpec, ahead: Ahead, deps: ClipDeps, turn: ClipTurn, log: Log): Promise<ClipEnd> {
  const deadline = Date.now() + deps.settings.timeoutMs
  let start: Started
  try {
    start = await startTask(spec, ahead, deps, deadline, log)
  } catch (error) {
    return notStarted(ahead.decision, deps.signal.aborted ? 'stopped' : 'failed', redact(messageOf(error)))
  }
  if ('skipped' in start) return notStarted(start.skipped, 'skipped', start.skipped.why)
  const trail = new TaskTrail(start.started)
  const { started } = start
  // Only a task this run submitted is left for the post step to cancel; one adopted from another run is not ours.
  const ours = !started.adopted
  if (ours && (deps.settings.wait || deps.signal.aborted)) deps.waiting.add(started.task.id)
  try {
    const end = await followTask(spec, { ...start, key: ahead.key }, trail, deps, turn, log)
    return { ...end, decision: start.decision }
  } catch (error) {
    return failedWithTask(spec, start.decision, trail, error, deps)
  } finally {
    deps.waiting.delete(started.task.id)
    await start.pendingSave
  }
}

type Started = { started: StartedTask; decision: ClipDecision; pendingSave: Promise<void> } | { skipped: ClipDecision }

/** Resumes the `task-id`, collects an earlier run's task that can still deliver, or submits a new one. */
async function startTask(spec: ClipSpec, ahead: Ahead, deps: ClipDeps, deadline: number, log: Log): Promise<Started> {
  const none = Promise.resolve()
  if (ahead.decision.action === 'resume')
    return { started: await resumeNamedTask(spec.taskId ?? '', deps, deadline, log), decision: ahead.decision, pendingSave: none }
  let facts = ahead.facts
  if (ahead.decision.action === 'collect' && ahead.found?.kind === 'pending') {
    const { taskId } = ahead.found
    const pending = await checkPendingTask(taskId, spec.request?.model, deps, deadline, log)
    facts = { ...facts, pending: pending.check }
    const decision = decideClip(facts)
    if (decision.action === 'collect' && pending.task) {
      log(`Resuming task ${taskId} submitted by an earlier run of this request; nothing new is submitted.`)
      return { started: { task: pending.task, adopted: true, pollFirst: true }, decision, pendingSave: none }
    }
    if (!pending.check.usable) log(`An earlier run's task ${taskId} ${pending.check.why}; submitting a new one.`)
  }
  const submission = await submitTask(spec, facts, deps, deadline, log)
  if ('skipped' in submission) return submission
  const { key } = ahead
  const model = spec.request?.model ?? ''
  // Never rejects (the cache only warns); awaited before the clip ends, so a later save under the key comes after it.
  const pendingSave = key
    ? deps.limits.cacheSaves.run(() => deps.cache.savePendingTaskId(key, submission.taskId, model)).catch(() => undefined)
    : none
  return { started: submission.started, decision: decideClip(facts), pendingSave }
}

/** The last state of the task, as every reply about it tells it; the budget counts each reply for its create. */
class TaskTrail {
  last: Task
  progress: number | undefined

  constructor(private readonly started: StartedTask) {
    this.last = started.task
    this.progress = typeof started.task.progress === 'number' ? started.task.progress : undefined
  }

  readonly seen = (task: Task): void => {
    this.last = task
    if (typeof task.progress === 'number') this.progress = task.progress
    this.started.counted?.update(task)
  }

  get credits(): number | undefined {
    return this.started.counted?.credits
  }

  fields(): Pick<ClipResult, 'status' | 'task' | 'taskId' | 'progress' | 'resumed' | 'adopted' | 'credits'> {
    const { adopted } = this.started
    const credits = this.credits
    return {
      ...taskFields(this.last, this.progress),
      resumed: adopted,
      ...(adopted ? { adopted } : {}),
      ...(credits !== undefined ? { credits } : {}),
    }
  }
}

/** Waits for the task (unless the run does not wait), then delivers its clip. */
async function followTask(
  spec: ClipSpec,
  start: { started: StartedTask; key: string | undefined },
  trail: TaskTrail,
  deps: ClipDeps,
  turn: ClipTurn,
  log: Log,
): Promise<Omit<ClipEnd, 'decision'>> {
  const { started, key } = start
  const base = { cacheHit: false }
  // Stopped while the create was in flight: the id is known now; cancel-on-timeout decides the rest.
  if (deps.signal.aborted) return waitEnded(await endWait('stopped', stoppedTask(spec, trail, started, key), deps, log), trail)
  if (!deps.settings.wait) return { ...base, outcome: 'submitted', leftRunning: true, ...trail.fields() }
  const waited = await waitForTask({
    client: deps.client,
    taskId: started.task.id,
    pollIntervalMs: deps.settings.pollIntervalMs,
    deadline: Date.now() + deps.settings.timeoutMs,
    signal: deps.signal,
    ...(started.pollFirst ? {} : { initial: started.task }),
    log,
    onUpdate: trail.seen,
  })
  if (waited.kind !== 'finished') return waitEnded(await endWait(waited.kind, stoppedTask(spec, trail, started, key), deps, log), trail)
  // The task is done: nothing more runs at FoxAPI for this clip, so the next clip's task may start while this
  // one downloads. (A task that failed gives its slot back only once its failure is counted, for fail-fast.)
  if (waited.task.status === 'completed' && videoUrlOf(waited.task) !== undefined) turn.release()
  return delivered(await deliverClip(spec, waited.task, key, deps, log), trail)
}

function stoppedTask(spec: ClipSpec, trail: TaskTrail, started: StartedTask, key: string | undefined) {
  return {
    name: spec.name,
    taskId: started.task.id,
    last: trail.last,
    progress: trail.progress,
    adopted: started.adopted,
    cached: key !== undefined,
  }
}

function waitEnded(end: WaitEnd, trail: TaskTrail): Omit<ClipEnd, 'decision'> {
  if (end.reply) trail.seen(end.reply)
  return { outcome: end.outcome, cacheHit: false, leftRunning: end.leftRunning, error: end.error, ...trail.fields() }
}

function delivered(delivery: Delivery, trail: TaskTrail): Omit<ClipEnd, 'decision'> {
  const { file, held } = delivery
  return {
    outcome: delivery.outcome,
    cacheHit: false,
    ...trail.fields(),
    ...(delivery.videoUrl !== undefined ? { videoUrl: delivery.videoUrl } : {}),
    ...(file ? { videoPath: file.path, sha256: file.sha256, bytes: file.bytes } : {}),
    ...(held ? { metadata: held.metadata, verification: held.verification } : {}),
    ...(delivery.error !== undefined ? { error: delivery.error } : {}),
  }
}

/** A task exists (and is paid for) but the clip failed: the error says which task, and how to collect it without paying again. */
function failedWithTask(spec: ClipSpec, decision: ClipDecision, trail: TaskTrail, error: unknown, deps: ClipDeps): ClipEnd {
  let message = messageOf(error)
  const id = trail.last.id
  if (!endedWithoutClip(trail.last.status) && !message.includes(`task-id: ${id}`)) {
    const sentence = message.trimEnd().endsWith('.') ? message.trimEnd() : `${message.trimEnd()}.`
    message = `${sentence} ${collectAdvice(spec.name, id, deps.batch)}`
  }
  // A clip whose download failed keeps its URL in the outputs: it works for 24 hours.
  const url = trail.last.status === 'completed' ? videoUrlOf(trail.last) : undefined
  const outcome = deps.signal.aborted ? 'stopped' : 'failed'
  return { decision, outcome, cacheHit: false, ...trail.fields(), ...(url !== undefined ? { videoUrl: url } : {}), error: redact(message) }
}
