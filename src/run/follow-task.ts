// The pipeline's stages once a task exists: wait for it (unless the run does not wait), end a wait that timed out
// or was stopped (./end-wait.ts), deliver its clip (./deliver-clip.ts); and the trail of replies about the task that
// every one of them reports from. A paid task's failure always says how to collect it without paying again.
import { messageOf } from '../errors'
import { endedWithoutClip, hasResult, videoUrlOf, type Task } from '../foxapi/task'
import { waitForTask } from '../foxapi/wait-for-task'
import type { ClipSpec } from '../inputs/clip-spec'
import { typicalSecondsOf } from '../models'
import type { ClipDecision, ClipResult } from '../report/clip-result'
import { redact } from '../secrets'
import type { ClipDeps, ClipTurn } from './clip-deps'
import { taskFields, type ClipEnd, type TaskRecord } from './clip-end'
import { collectAdvice } from './collect-advice'
import { deliverClip, type Delivery } from './deliver-clip'
import { endWait, type WaitEnd } from './end-wait'
import type { StartedTask } from './start-task'

type Log = (line: string) => void

/** The last state of the task, as every reply about it tells it; the budget counts each reply for its create. */
export class TaskTrail {
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

/**
 * Waits for the task (unless the run does not wait), then delivers its clip. The wait ends at `start.deadline`, the
 * one `timeout` the clip's task was started within (a resume, its uploads and its create count against it too).
 */
export async function followTask(
  spec: ClipSpec,
  start: { started: StartedTask; key: string | undefined; record: TaskRecord; deadline: number },
  trail: TaskTrail,
  deps: ClipDeps,
  turn: ClipTurn,
  log: Log,
): Promise<Omit<ClipEnd, 'decision'>> {
  const { started, key, record } = start
  const base = { cacheHit: false }
  // Stopped while the create was in flight: the id is known now; cancel-on-timeout decides the rest.
  if (deps.signal.aborted) return waitEnded(await endWait('stopped', stoppedTask(spec, trail, started, record), deps, log), trail)
  if (!deps.settings.wait) return { ...base, outcome: 'submitted', leftRunning: true, ...trail.fields() }
  const waited = await waitForTask({
    client: deps.client,
    taskId: started.task.id,
    pollIntervalMs: deps.settings.pollIntervalMs,
    deadline: start.deadline,
    signal: deps.signal,
    ...(started.pollFirst ? {} : { initial: started.task }),
    log,
    onUpdate: trail.seen,
    typicalSeconds: spec.request && typicalSecondsOf(spec.request.model),
  })
  if (waited.kind !== 'finished') return waitEnded(await endWait(waited.kind, stoppedTask(spec, trail, started, record), deps, log), trail)
  // The task is done: nothing more runs at FoxAPI for this clip, so the next clip's task may start while this
  // one downloads. (A task that failed gives its slot back only once its failure is counted, for fail-fast.)
  if (waited.task.status === 'completed' && hasResult(waited.task)) turn.release()
  return delivered(await deliverClip(spec, waited.task, key, deps, log), trail)
}

function stoppedTask(spec: ClipSpec, trail: TaskTrail, started: StartedTask, record: TaskRecord) {
  return {
    name: spec.name,
    taskId: started.task.id,
    last: trail.last,
    progress: trail.progress,
    adopted: started.adopted,
    // "Re-run: the cache remembers the task" only while it does (a record it refused is named in a notice).
    cached: record.kept,
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
    ...(delivery.asset !== undefined ? { asset: delivery.asset } : {}),
    ...(file ? { videoPath: file.path, sha256: file.sha256, bytes: file.bytes } : {}),
    ...(held ? { metadata: held.metadata, verification: held.verification } : {}),
    ...(delivery.error !== undefined ? { error: delivery.error } : {}),
  }
}

/** A task exists (and is paid for) but the clip failed: the error says which task, and how to collect it without paying again. */
export function failedWithTask(spec: ClipSpec, decision: ClipDecision, trail: TaskTrail, error: unknown, deps: ClipDeps): ClipEnd {
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
