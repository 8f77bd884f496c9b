// What a clip's pipeline ends with, before runClip adds the clip's name, request and time: the pieces of the clip's
// result (report/clip-result.ts) that each stage returns, and the two ends shared by several stages.
import type { Task } from '../foxapi/task'
import type { ClipDecision, ClipResult } from '../report/clip-result'

/** A clip's result without what runClip adds itself (its name, request and time). */
export type ClipEnd = Omit<ClipResult, 'name' | 'request' | 'elapsedMs'>

/** A clip that ends before any task is started for it. */
export function notStarted(decision: ClipDecision, outcome: 'skipped' | 'failed' | 'stopped', error: string): ClipEnd {
  return { decision, outcome, status: 'not-submitted', cacheHit: false, resumed: false, error }
}

/** The status, progress and task of the last reply seen. */
export function taskFields(task: Task, progress: number | undefined): Pick<ClipResult, 'status' | 'task' | 'taskId' | 'progress'> {
  const shown = progress ?? (typeof task.progress === 'number' ? task.progress : undefined)
  return { status: task.status, task, taskId: task.id, ...(shown !== undefined ? { progress: shown } : {}) }
}

/** Whether the cache keeps the record of the clip's task (so a re-run finds it): false once a save of it failed. */
export interface TaskRecord {
  kept: boolean
}
