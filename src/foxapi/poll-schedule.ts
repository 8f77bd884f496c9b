// When to ask about a task next. Pure, so `npm run bench` can replay it on a virtual clock. FoxAPI gives
// `task_info.estimated_time`, and progress says how far the task is; together they place the expected
// end. Far from it the action polls rarely, near it often; `poll-interval` is the longest wait.

export interface PollMoment {
  /** Time since the task was created (or first seen), ms. */
  elapsedMs: number
  /** `task_info.estimated_time` in ms, when FoxAPI gave one. */
  estimatedMs?: number
  /** Last reported progress, 0–100. */
  progress?: number
  /** `poll-interval`: never wait longer than this. */
  ceilingMs: number
  /** An earlier sighting with lower progress, to measure the rate (progress often starts late). */
  earlier?: { elapsedMs: number; progress: number }
}

/** Never poll more often than this (unless the ceiling is shorter). */
export const MIN_POLL_MS = 1_000
/** Without any estimate, the first waits are this long (up to the ceiling), growing by half each poll. */
const BLIND_START_MS = 2_000

/**
 * The expected total run time from progress (a straight-line extrapolation, once there is enough of it)
 * and FoxAPI's estimate; undefined when neither says anything.
 */
export function expectedTotalMs(moment: Pick<PollMoment, 'elapsedMs' | 'estimatedMs' | 'progress' | 'earlier'>): number | undefined {
  const { elapsedMs, estimatedMs, progress, earlier } = moment
  let fromProgress: number | undefined
  if (progress !== undefined && progress >= 5 && progress < 100 && elapsedMs > 0) {
    const rising = earlier !== undefined && progress > earlier.progress && elapsedMs > earlier.elapsedMs
    const msPerPoint = rising ? (elapsedMs - earlier.elapsedMs) / (progress - earlier.progress) : elapsedMs / progress
    fromProgress = elapsedMs + (100 - progress) * msPerPoint
  }
  if (fromProgress === undefined) return estimatedMs !== undefined && estimatedMs > 0 ? estimatedMs : undefined
  if (estimatedMs === undefined || estimatedMs <= 0) return fromProgress
  // Progress earns trust as it grows: at 5 % it barely counts, from 25 % on it decides.
  const weight = Math.min(1, (progress ?? 0) / 25)
  return weight * fromProgress + (1 - weight) * estimatedMs
}

/**
 * The wait before the next poll. Before the expected end: most of the time left (so the next poll lands
 * just before it), at least MIN_POLL_MS. Past it: short waits growing with the overrun, so a late task is
 * still seen soon. Always within [min(MIN_POLL_MS, ceiling), ceiling].
 */
export function nextPollDelayMs(moment: PollMoment, previousDelayMs?: number): number {
  const floor = Math.min(MIN_POLL_MS, moment.ceilingMs)
  const clamp = (ms: number) => Math.round(Math.min(moment.ceilingMs, Math.max(floor, ms)))
  const total = expectedTotalMs(moment)
  if (total === undefined) return clamp(previousDelayMs === undefined ? BLIND_START_MS : previousDelayMs * 1.5)
  const left = total - moment.elapsedMs
  if (left > 0) return clamp(left * 0.8)
  return clamp(-left * 0.25)
}
