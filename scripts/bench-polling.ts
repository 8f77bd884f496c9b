// `npm run bench -- polling`: the adaptive polling schedule (src/foxapi/poll-schedule.ts) against fixed 5 s
// polling, replayed on a virtual clock. Each row is one kind of task: its length (30, 120 or 300 s, each task
// ±2.5 s around it), what is known before it ends (FoxAPI's estimate right, 30 % low or 30 % high; no estimate
// but the model's typical time; nothing at all) and how its progress moves (linearly as the simulator reports
// it; linearly, then frozen at a point between 30 and 90 % until the end, as FoxAPI shows when it misses the
// provider's updates; not at all). Figures: requests per task (mean) and the delay from the task's end to the
// poll that sees it (median and worst). A row meets the goal when the adaptive schedule makes at most half of
// fixed polling's requests with a median delay no longer than fixed polling's.
import { nextPollDelayMs, sawProgress, type ProgressSeen } from '../src/foxapi/poll-schedule'

/** How a task's progress moves. */
export type ProgressKind = 'linear' | 'stalling' | 'none'

/** A simulated task: its true length, what is known about it up front, how its progress moves. */
export interface PolledTask {
  durationMs: number
  /** FoxAPI's `task_info.estimated_time`, when it gives one. */
  estimateMs?: number
  /** The model's typical time (src/models/typical-times.ts), the prior without an estimate. */
  typicalMs?: number
  progress: ProgressKind
  /** For `stalling`: the progress at which it freezes. */
  stallAt: number
}

/** A schedule under test: the wait before the next poll, from the time and the progress the last poll saw. */
export type Schedule = (elapsedMs: number, progress: number) => number
/** Makes a fresh schedule for one task (a schedule may remember what it saw). */
export type ScheduleFor = (task: PolledTask, ceilingMs: number) => Schedule

/** Progress as the simulator reports it: 0 for the first tenth (pending), then linear, 99 at most until done. */
export function progressAt(task: PolledTask, t: number): number {
  if (task.progress === 'none') return 0
  const pending = task.durationMs / 10
  const linear = t < pending ? 0 : Math.min(99, Math.floor(((t - pending) / (task.durationMs - pending)) * 100))
  return task.progress === 'stalling' ? Math.min(task.stallAt, linear) : linear
}

/** Replays a schedule on a virtual clock: requests until the task is seen done, and how late. */
export function replay(task: PolledTask, schedule: Schedule): { requests: number; lateMs: number } {
  let t = 0
  let requests = 0
  let progress = 0
  for (;;) {
    t += schedule(t, progress)
    requests++
    if (t >= task.durationMs) return { requests, lateMs: t - task.durationMs }
    progress = progressAt(task, t)
  }
}

/** The action's schedule, fed what wait-for-task feeds it. */
export const adaptiveSchedule: ScheduleFor = (task, ceilingMs) => {
  let seen: ProgressSeen | undefined
  let polls = 0
  return (elapsedMs, progress) => {
    seen = sawProgress(seen, elapsedMs, progress)
    return nextPollDelayMs({ elapsedMs, ceilingMs, estimatedMs: task.estimateMs, typicalMs: task.typicalMs, seen, polls: polls++ })
  }
}

const fixedSchedule: ScheduleFor = () => () => 5_000

/** What is known before the task ends, as a row names it. */
const PRIORS: readonly { label: string; of: (durationMs: number, nominalMs: number) => Pick<PolledTask, 'estimateMs' | 'typicalMs'> }[] = [
  { label: 'estimate right', of: (d) => ({ estimateMs: Math.round(d / 1000) * 1000 }) },
  { label: 'estimate 30 % low', of: (d) => ({ estimateMs: Math.round((d * 0.7) / 1000) * 1000 }) },
  { label: 'estimate 30 % high', of: (d) => ({ estimateMs: Math.round((d * 1.3) / 1000) * 1000 }) },
  { label: 'typical time only', of: (_d, nominal) => ({ typicalMs: nominal }) },
  { label: 'nothing known', of: () => ({}) },
]

const PROGRESS_LABELS: Record<ProgressKind, string> = { linear: 'progress', stalling: 'progress stalls', none: 'no progress' }

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
const seconds = (ms: number) => (ms / 1000).toFixed(1)

/** Prints one row per kind of task; `adaptive` is the schedule under test (the action's by default). */
export function benchPolling(ceilingMs: number, trials: number, adaptive: ScheduleFor = adaptiveSchedule): void {
  let seed = 42
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  console.log(
    `\npolling: fixed 5 s vs adaptive (poll-interval ${ceilingMs / 1000} s as the ceiling), ${trials} simulated tasks per row,` +
      '\n  each length ±2.5 s around the nominal one; requests per task (mean), completion→detection delay (median, worst);' +
      '\n  ✓: at most half of fixed polling’s requests and a median delay no longer than its',
  )
  let met = 0
  let rows = 0
  for (const progress of ['linear', 'stalling', 'none'] as const) {
    for (const nominal of [30, 120, 300]) {
      for (const prior of PRIORS) {
        const fixed: { requests: number; lateMs: number }[] = []
        const tried: { requests: number; lateMs: number }[] = []
        for (let i = 0; i < trials; i++) {
          const durationMs = nominal * 1000 + (random() - 0.5) * 5_000
          const stallAt = 30 + Math.floor(random() * 61)
          const task: PolledTask = { durationMs, progress, stallAt, ...prior.of(durationMs, nominal * 1000) }
          fixed.push(replay(task, fixedSchedule(task, ceilingMs)))
          tried.push(replay(task, adaptive(task, ceilingMs)))
        }
        const [fixedRequests, triedRequests] = [mean(fixed.map((r) => r.requests)), mean(tried.map((r) => r.requests))]
        const [fixedLate, triedLate] = [median(fixed.map((r) => r.lateMs)), median(tried.map((r) => r.lateMs))]
        const ok = triedRequests <= fixedRequests / 2 && triedLate <= fixedLate
        met += ok ? 1 : 0
        rows++
        const label = `${nominal} s, ${prior.label}, ${PROGRESS_LABELS[progress]}`
        console.log(
          `  ${label.padEnd(44)} fixed ${fixedRequests.toFixed(1).padStart(4)} req, ${seconds(fixedLate)} s late (worst ${seconds(Math.max(...fixed.map((r) => r.lateMs)))})` +
            ` | adaptive ${triedRequests.toFixed(1).padStart(4)} req (${String(Math.round((100 * triedRequests) / fixedRequests)).padStart(3)} %),` +
            ` ${seconds(triedLate).padStart(4)} s late (worst ${seconds(Math.max(...tried.map((r) => r.lateMs))).padStart(5)}) ${ok ? '✓' : '✗'}`,
        )
      }
    }
  }
  console.log(`  ${met} of ${rows} rows meet the goal`)
}
