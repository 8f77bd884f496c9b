// One clip, from request to file, as a straight line of stages that each return what they produced:
//   look up → take a turn → submit or resume → wait → deliver (download, check) → save.
// decideClip (./clip-decision.ts) says, at each point where a new fact comes in, what happens next; the stages only
// do it. The clip's result (report/clip-result.ts) is built once, at the end, from what the stages returned.
// This is where paying twice would happen, so the order is the contract: nothing is submitted before the cache
// was asked and the decision says `submit`, in the budget's turn.
import { clipCacheKey } from '../cache/cache-key'
import type { CacheLookup } from '../cache/result-cache'
import { messageOf } from '../errors'
import type { ClipSpec } from '../inputs/clip-spec'
import type { ClipDecision, ClipResult } from '../report/clip-result'
import * as log from '../log'
import { redact } from '../secrets'
import { decideClip, type ClipFacts } from './clip-decision'
import type { ClipDeps, ClipTurn } from './clip-deps'
import { notStarted, type ClipEnd, type TaskRecord } from './clip-end'
import { collectAdvice } from './collect-advice'
import { TaskTrail, failedWithTask, followTask } from './follow-task'
import { findingOf, lookUp, restored } from './look-up'
import { checkPendingTask, neverSent, resumeNamedTask, submitTask, type StartedTask } from './start-task'

type Log = (line: string) => void

/** A clip alone: its turn is always now, and there is no slot to give back. */
export const NO_SCHEDULE: ClipTurn = { take: () => Promise.resolve(undefined), release: () => {} }

/** Runs one clip to its end. Never throws: whatever goes wrong is the clip's error. */
export async function runClip(spec: ClipSpec, deps: ClipDeps, turn: ClipTurn = NO_SCHEDULE): Promise<ClipResult> {
  const started = Date.now()
  const log: Log = (line) => deps.log(spec.name, redact(line))
  // The request's cache key, once per clip: the lookup, the saves and the summary use the same one.
  const key = deps.cache.enabled ? clipCacheKey(spec, deps.settings.cacheKey) : undefined
  const end = await produceClip(spec, key, deps, turn, log)
  const media = spec.media?.map(({ field, path, kind, bytes, type, sha256 }) => ({ field, path, kind, bytes, type: type.name, sha256 }))
  return {
    ...end,
    name: spec.name,
    request: spec.request,
    elapsedMs: Date.now() - started,
    ...(media ? { media } : {}),
    ...(key !== undefined ? { cacheKey: key } : {}),
  }
}

/** `key`: the request's cache key, when the cache is used for the clip. */
async function produceClip(spec: ClipSpec, key: string | undefined, deps: ClipDeps, turn: ClipTurn, log: Log): Promise<ClipEnd> {
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
      `The cache's last task for this request (${found.taskId}) ${found.why ?? 'was delivered to an earlier run'}: ${deps.settings.reuse.why}, so a new one is made.`,
    )
  // Only now does the clip need FoxAPI: its cache lookup ran ahead of its turn, outside the task slots.
  const stopped = await turn.take()
  const decision = decideClip({ ...facts, ...(stopped !== undefined ? { stopped } : {}) })
  if (decision.action === 'skip') return notStarted(decision, 'skipped', decision.why)
  return runTask(spec, { facts, decision, found, key }, deps, turn, log)
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
    // A run stopped before the create left starts no task: the decision says so (a create cut off in flight stays a submit).
    const stopped = deps.signal.aborted && neverSent(error)
    const decision = stopped ? decideClip({ ...ahead.facts, stopped: 'not started: the run was cancelled' }) : ahead.decision
    return notStarted(decision, deps.signal.aborted ? 'stopped' : 'failed', redact(messageOf(error)))
  }
  if ('skipped' in start) return notStarted(start.skipped, 'skipped', start.skipped.why)
  const trail = new TaskTrail(start.started)
  const { started } = start
  // Only a task this run submitted is left for the post step to cancel; one adopted from another run is not ours.
  const ours = !started.adopted
  if (ours && (deps.settings.wait || deps.signal.aborted)) deps.waiting.add(started.task.id)
  let end: ClipEnd
  try {
    end = { ...(await followTask(spec, { ...start, key: ahead.key, deadline }, trail, deps, turn, log)), decision: start.decision }
  } catch (error) {
    end = failedWithTask(spec, start.decision, trail, error, deps)
  } finally {
    deps.waiting.delete(started.task.id)
    await start.pendingSave
  }
  // Known only once the record's save settled: whether a re-run of the workflow finds the task in the cache.
  return start.record.kept ? { ...end, taskInCache: true } : end
}

type Started = { started: StartedTask; decision: ClipDecision; pendingSave: Promise<void>; record: TaskRecord } | { skipped: ClipDecision }

/** Resumes the `task-id`, collects an earlier run's task that can still deliver, or submits a new one. */
async function startTask(spec: ClipSpec, ahead: Ahead, deps: ClipDeps, deadline: number, log: Log): Promise<Started> {
  const none = Promise.resolve()
  if (ahead.decision.action === 'resume')
    return {
      started: await resumeNamedTask(spec.taskId ?? '', deps, deadline, log),
      decision: ahead.decision,
      pendingSave: none,
      record: { kept: ahead.key !== undefined },
    }
  let facts = ahead.facts
  if (ahead.decision.action === 'collect' && ahead.found?.kind === 'pending') {
    const { taskId } = ahead.found
    const pending = await checkPendingTask(taskId, spec.request?.model, deps, deadline, log)
    facts = { ...facts, pending: pending.check }
    const decision = decideClip(facts)
    if (decision.action === 'collect' && pending.task) {
      log(`Resuming task ${taskId} submitted by an earlier run of this request; nothing new is submitted.`)
      return { started: { task: pending.task, adopted: true, pollFirst: true }, decision, pendingSave: none, record: { kept: true } }
    }
    if (!pending.check.usable) log(`An earlier run's task ${taskId} ${pending.check.why}; submitting a new one.`)
  }
  const submission = await submitTask(spec, facts, deps, deadline, log)
  if ('skipped' in submission) return submission
  const { key } = ahead
  // Never rejects (the cache only warns); awaited before the clip ends, so a later save under the key comes after it.
  const record = { kept: key !== undefined }
  const pendingSave = key ? savePending(spec, key, submission.taskId, deps, record) : none
  return { started: submission.started, decision: submission.decision, pendingSave, record }
}

/**
 * Saves the record of a task just submitted, so that a re-run collects it instead of paying again. When the cache
 * does not keep it (read-only for this job, throttled past waiting, failing), a notice says so at once, with the
 * exact way to collect the task: the run may still be stopped before the clip is delivered.
 */
async function savePending(spec: ClipSpec, key: string, taskId: string, deps: ClipDeps, record: TaskRecord): Promise<void> {
  const model = spec.request?.model ?? ''
  const saved = await deps.limits.cacheSaves.run(() => deps.cache.savePendingTaskId(key, taskId, model)).catch(() => false)
  if (saved) return
  record.kept = false
  const label = deps.batch ? `[${spec.name}] ` : ''
  log.notice(
    `${label}The Actions cache did not keep the record of task ${taskId} (the cache refused or failed the save): a re-run would not find it. ${collectAdvice(spec.name, taskId, deps.batch)}`,
  )
}
