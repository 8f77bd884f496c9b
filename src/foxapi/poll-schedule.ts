// When to ask about a task next. Pure, so `npm run bench -- polling` can replay it on a virtual clock.
// The aim: never worse than polling every 5 s, with far fewer requests. What is known places a window where
// the task may end: FoxAPI's `task_info.estimated_time`, else the model's typical time (the prior), narrowed
// by the progress once it moves. Before the window the action polls rarely (at most `poll-interval` apart).
// From the window on it polls on fixed polling's own 5 s grid, so it sees the end exactly when fixed polling
// would; finer near an end the progress pins down, when that still leaves it at half of fixed polling's
// requests. With nothing known, it is fixed polling. `poll-interval` is always the longest wait.

/** A poll that saw the task's progress. */
export interface ProgressSighting {
  /** Time since the task began, ms. */
  elapsedMs: number
  /** 0–100. */
  progress: number
}

/**
 * The progress seen so far: the first poll that saw it above 0, the first that saw its current value, and
 * the one before that saw it rise (when there are three).
 */
export interface ProgressSeen {
  first: ProgressSighting
  previous?: ProgressSighting
  latest: ProgressSighting
}

export interface PollMoment {
  /** Time since the task was created (or first seen), ms. */
  elapsedMs: number
  /** `poll-interval`: never wait longer than this. */
  ceilingMs: number
  /** `task_info.estimated_time` in ms, when FoxAPI gave one. */
  estimatedMs?: number
  /** The model's typical run time in ms (src/models/typical-times.ts): the prior when FoxAPI gives no estimate. */
  typicalMs?: number
  /** The progress seen so far ({@link sawProgress}). */
  seen?: ProgressSeen
  /** Polls made so far. */
  polls?: number
}

/** Where the task should end, ms since it began: most likely at `expected`, looked for from `earliest` to `latest`. */
export interface EndWindow {
  earliest: number
  expected: number
  latest: number
}

/** Never poll more often than this (unless the ceiling is shorter). */
export const MIN_POLL_MS = 1_000
/** Fixed polling's step: from the window on, polls land on its grid (multiples of 5 s since the task began). */
export const FIXED_STEP_MS = 5_000
/**
 * An estimate (or typical time) may be off by a third either way: the end is looked for from 3/4 of it (the
 * estimate a third too high) to 1.5 times it (a third too low).
 */
export const PRIOR_EARLIEST = 0.75
export const PRIOR_LATEST = 1.5
/** Finer steps than fixed polling's, near an end progress pins down. */
const FINE_STEPS_MS = [2_500, 1_250] as const

/** The progress seen, updated with a poll's reply (`progress` as FoxAPI gave it, or undefined). */
export function sawProgress(seen: ProgressSeen | undefined, elapsedMs: number, progress: unknown): ProgressSeen | undefined {
  if (typeof progress !== 'number' || !(progress > 0) || progress >= 100) return seen
  if (seen !== undefined && progress <= seen.latest.progress) return seen
  const sighting = { elapsedMs, progress }
  if (seen === undefined) return { first: sighting, latest: sighting }
  return { first: seen.first, ...(seen.latest !== seen.first ? { previous: seen.latest } : {}), latest: sighting }
}

const positive = (ms: number | undefined) => (ms !== undefined && Number.isFinite(ms) && ms > 0 ? ms : undefined)

/** A window from progress, and whether it is firm: a line through two sightings that the progress still follows. */
export interface ProgressWindow extends EndWindow {
  firm: boolean
}

/** The end a straight line through two sightings points to (from the start of the task, with one). */
function lineThrough(from: ProgressSighting | undefined, to: ProgressSighting): { expected: number; msPerPoint: number; points: number } {
  const points = from ? to.progress - from.progress : to.progress
  const msPerPoint = (to.elapsedMs - (from?.elapsedMs ?? 0)) / points
  return { expected: to.elapsedMs + (100 - to.progress) * msPerPoint, msPerPoint, points }
}

/**
 * The window from progress, at `now`. A line through the first and latest sightings points to the end, give
 * or take a quarter of the time left, the rounding of progress to whole points and a point's worth; with three
 * sightings, the window also covers where the line stood before the latest one (a progress that froze or
 * sped up in between moves the line). The line is firm when both agree and the progress has not stalled
 * since (more than two points' worth without a rise). One sighting only bounds the end from above (the task
 * may have waited before it started, so run faster), as does a stalled line.
 */
export function progressWindow(seen: ProgressSeen | undefined, now: number): ProgressWindow | undefined {
  if (seen === undefined) return undefined
  const { first, previous, latest } = seen
  const rising = latest.progress > first.progress && latest.elapsedMs > first.elapsedMs
  const line = lineThrough(rising ? first : undefined, latest)
  const left = line.expected - latest.elapsedMs
  // Two sightings cannot show that progress moves in a straight line; three can (below), so they earn a narrower margin.
  const margin = left * ((previous ? 1 / 4 : 1 / 2) + 1 / line.points) + line.msPerPoint
  // What the sightings said before the latest: the line through the first and previous ones, or with two, the
  // first one's line from the start (an upper bound: no waiting before the start makes it later).
  const before = rising ? lineThrough(previous ? first : undefined, previous ?? first) : undefined
  const slowedDown = before !== undefined && line.expected > before.expected + margin
  const spedUp = previous !== undefined && before !== undefined && line.expected < before.expected - margin
  const agree = !slowedDown && !spedUp
  const stalled = now - latest.elapsedMs > 2 * line.msPerPoint
  const firm = rising && agree && !stalled
  const expected = before ? Math.min(before.expected, line.expected) : line.expected
  // A line through two sightings that stalled since may have been drawn through a frozen one: it bounds the end only.
  const earliest = rising && (previous !== undefined || !stalled) ? Math.max(now, expected - margin) : now
  const latestEnd = Math.max(line.expected, before?.expected ?? 0) + margin
  return { earliest, expected: Math.max(earliest, expected), latest: Math.max(earliest, latestEnd), firm }
}

/**
 * Where the end is looked for: where the prior's window and the progress's overlap; when they do not, the
 * progress's if it is firm, else from the earlier start to the later end of the two.
 */
export function endWindow(moment: Pick<PollMoment, 'elapsedMs' | 'estimatedMs' | 'typicalMs' | 'seen'>): EndWindow | undefined {
  const prior = positive(moment.estimatedMs) ?? positive(moment.typicalMs)
  const fromPrior = prior === undefined ? undefined : { earliest: prior * PRIOR_EARLIEST, expected: prior, latest: prior * PRIOR_LATEST }
  const fromProgress = progressWindow(moment.seen, moment.elapsedMs)
  if (fromProgress === undefined || fromPrior === undefined) return fromProgress ?? fromPrior
  const earliest = Math.max(fromPrior.earliest, fromProgress.earliest)
  const latest = Math.min(fromPrior.latest, fromProgress.latest)
  if (earliest <= latest) return { earliest, expected: Math.min(latest, Math.max(earliest, fromProgress.expected)), latest }
  if (fromProgress.firm) return fromProgress
  return {
    earliest: Math.min(fromPrior.earliest, fromProgress.earliest),
    expected: fromProgress.expected,
    latest: Math.max(fromPrior.latest, fromProgress.latest),
  }
}

/** The first point of a `step` grid at least MIN_POLL_MS after `t` and not before `from`. */
function gridPoint(t: number, step: number, from = t): number {
  return Math.ceil(Math.max(from, t + MIN_POLL_MS) / step) * step
}

/**
 * The step inside the window: fixed polling's, or finer when the polls it takes to cover the window still
 * leave the task at half of the requests fixed polling would make by the window's end.
 */
function stepInside(window: EndWindow, t: number, polls: number): number {
  const from = Math.max(t, window.earliest)
  const budget = (window.latest / FIXED_STEP_MS + 0.5) / 2
  const fine = FINE_STEPS_MS.filter((step) => polls + 1 + (window.latest - from) / step <= budget)
  return fine.at(-1) ?? FIXED_STEP_MS
}

/** The time of the next poll, ms since the task began. */
function nextPollAt(moment: PollMoment, window: EndWindow | undefined): number {
  const t = moment.elapsedMs
  if (window === undefined || t >= window.latest) return gridPoint(t, FIXED_STEP_MS)
  const target = gridPoint(t, stepInside(window, t, moment.polls ?? 0), window.earliest)
  // Far from the window: even steps of at most the ceiling, the last one landing on its first grid point.
  const until = target - t
  return until > moment.ceilingMs ? t + until / Math.ceil(until / moment.ceilingMs) : target
}

/** The wait before the next poll: always within [min(MIN_POLL_MS, ceiling), ceiling]. */
export function nextPollDelayMs(moment: PollMoment): number {
  const floor = Math.min(MIN_POLL_MS, moment.ceilingMs)
  const delay = nextPollAt(moment, endWindow(moment)) - moment.elapsedMs
  return Math.round(Math.min(moment.ceilingMs, Math.max(floor, Number.isFinite(delay) ? delay : moment.ceilingMs)))
}
