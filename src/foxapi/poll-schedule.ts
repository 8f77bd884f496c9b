// When to ask about a task next. Pure, so `npm run bench -- polling` can replay it on a virtual clock.
// The aim: never worse than polling every 5 s, with far fewer requests. What is known places a window where
// the task may end: FoxAPI's `task_info.estimated_time`, else the model's typical time (the prior), narrowed
// by the progress once it moves. Before the window the action polls rarely (at most `poll-interval` apart).
// From the window on it polls on fixed polling's own 5 s grid, so it sees the end exactly when fixed polling
// would. Once two readings of progress place the end (the rate between them is immune to time spent in
// FoxAPI's queue) and later readings keep to their line, the window is firm: the action closes in on its end
// in steps of at most 2.5 s, so an end inside it is seen within 2.5 s. With nothing known, it is fixed
// polling. `poll-interval` is always the longest wait.

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
  /** The model's typical run time in ms (typicalSecondsOf in src/models/registry.ts): the prior when FoxAPI gives no estimate. */
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
  /** Placed by a line through progress that it still follows (see {@link progressWindow}): polls close in on its end. */
  firm?: boolean
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
/** Inside a firm window, polls are at most this far apart, the last at its end: an end inside is seen this soon. */
export const FIRM_STEP_MS = 2_500
/**
 * How far past the latest of two sightings their line may place the end and still be trusted: progress that
 * froze between them makes the line late by up to this (a third sighting on the line rules that out).
 */
export const TWO_SIGHTINGS_REACH_MS = 2 * FIXED_STEP_MS

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

/**
 * How far a reading may be from the progress it stands for: FoxAPI gives whole points, rounded or truncated,
 * so a reading `p` stands for something from `p - 0.5` (this far below)…
 */
export const READING_BELOW = 0.5
/** …up to `p + 1` (this far above). */
export const READING_ABOVE = 1

/** The soonest and latest end a straight line through two sightings allows, each reading anywhere its rounding allows. */
export function lineEnds(from: ProgressSighting, to: ProgressSighting): { soonest: number; expected: number; latest: number } | undefined {
  const span = to.elapsedMs - from.elapsedMs
  // Readings so close that rounding alone could make them equal bound nothing.
  if (!(span > 0) || to.progress - from.progress <= READING_BELOW + READING_ABOVE) return undefined
  const endOf = (fromTrue: number, toTrue: number) => to.elapsedMs + ((100 - toTrue) * span) / (toTrue - fromTrue)
  return {
    soonest: endOf(from.progress - READING_BELOW, Math.min(100, to.progress + READING_ABOVE)),
    expected: endOf(from.progress, to.progress),
    latest: endOf(from.progress + READING_ABOVE, to.progress - READING_BELOW),
  }
}

/**
 * The latest end one sighting allows: progress counted from the task's creation reaches 100 no later than
 * this (a task that waited in FoxAPI's queue first, or whose progress froze a while, ends sooner, not later).
 */
export function noLaterThan(sighting: ProgressSighting): number {
  const progress = sighting.progress - READING_BELOW
  return progress > 0 ? (sighting.elapsedMs * 100) / progress : Number.POSITIVE_INFINITY
}

/**
 * The window from progress, at `now`. The rate between two sightings is immune to time spent in FoxAPI's
 * queue, so a straight line through the first and latest sightings places the end, within what the readings'
 * rounding allows. The line is firm when it is possible at all (its soonest end no later than any sighting
 * allows), the latest sighting lies where the line through the earlier two pointed (progress that froze or
 * bent before it moves the line), or with only two sightings, when it ends within TWO_SIGHTINGS_REACH_MS of
 * the latest, and the progress has not stalled since (two points' worth without a rise).
 * A line two sightings drew may run through a frozen one, so once stalled it only bounds the end from above,
 * as one sighting does: the end is looked for from now. With three sightings, the sooner of the two lines'
 * soonest ends still stands when they disagree or progress stalls: progress that slowed or froze does not
 * make the task end sooner, and progress that sped up moves the line through the latest sighting sooner.
 */
export function progressWindow(seen: ProgressSeen | undefined, now: number): ProgressWindow | undefined {
  if (seen === undefined) return undefined
  const { first, previous, latest } = seen
  const bound = Math.min(noLaterThan(first), noLaterThan(previous ?? first), noLaterThan(latest))
  const line = lineEnds(first, latest)
  const before = previous ? lineEnds(first, previous) : undefined
  const msPerPoint = (latest.elapsedMs - (line ? first.elapsedMs : 0)) / (latest.progress - (line ? first.progress : 0))
  const stalled = now - latest.elapsedMs > 2 * msPerPoint
  const lineOk = line !== undefined && line.soonest <= bound
  const agreed = lineOk && before !== undefined && before.soonest <= line.latest && line.soonest <= before.latest
  // Two sightings: progress may have frozen between them, and then the end may come any time after the latest;
  // so they are trusted only for a short reach past it. A third on their line rules that out.
  const trusted = lineOk && (previous === undefined ? line.latest - latest.elapsedMs <= TWO_SIGHTINGS_REACH_MS : agreed)
  if (trusted && !stalled) {
    const earliest = Math.max(now, Math.min(line.soonest, before?.soonest ?? line.soonest))
    const latestEnd = Math.max(earliest, Math.min(bound, Math.max(line.latest, before?.latest ?? line.latest)))
    return { earliest, expected: Math.min(latestEnd, Math.max(earliest, line.expected)), latest: latestEnd, firm: true }
  }
  const corroborated = before !== undefined && before.soonest <= bound
  const earliest = corroborated ? Math.max(now, Math.min(before.soonest, lineOk ? line.soonest : before.soonest)) : now
  const latestEnd = Math.max(earliest, Math.min(bound, line?.latest ?? bound), before?.latest ?? 0)
  return { earliest, expected: Math.min(latestEnd, Math.max(earliest, line?.expected ?? latestEnd)), latest: latestEnd, firm: false }
}

/**
 * Where the end is looked for: the progress's window if it is firm (a measured line overrules the prior);
 * else where the prior's window and the progress's overlap, or from the earlier start to the later end of
 * the two when they do not.
 */
export function endWindow(moment: Pick<PollMoment, 'elapsedMs' | 'estimatedMs' | 'typicalMs' | 'seen'>): EndWindow | undefined {
  const prior = positive(moment.estimatedMs) ?? positive(moment.typicalMs)
  const fromPrior = prior === undefined ? undefined : { earliest: prior * PRIOR_EARLIEST, expected: prior, latest: prior * PRIOR_LATEST }
  const fromProgress = progressWindow(moment.seen, moment.elapsedMs)
  if (fromProgress === undefined || fromPrior === undefined || fromProgress.firm) return fromProgress ?? fromPrior
  const earliest = Math.max(fromPrior.earliest, fromProgress.earliest)
  const latest = Math.min(fromPrior.latest, fromProgress.latest)
  if (earliest <= latest) return { earliest, expected: Math.min(latest, Math.max(earliest, fromProgress.expected)), latest }
  return {
    earliest: Math.min(fromPrior.earliest, fromProgress.earliest),
    expected: fromProgress.expected,
    latest: Math.max(fromPrior.latest, fromProgress.latest),
  }
}

/**
 * The first point of a `step` grid after `t` and not before `from`; MIN_POLL_MS after `t` when that comes
 * sooner (after a poll off the grid, rather than skipping the grid point fixed polling would poll at).
 */
function gridPoint(t: number, step: number, from = t): number {
  const point = from > t ? Math.ceil(from / step) * step : (Math.floor(t / step) + 1) * step
  return Math.max(point, t + MIN_POLL_MS)
}

/** Half the requests fixed polling makes for a task that ends at `endMs` (its mean over where in its 5 s cycle that falls). */
const halfOfFixed = (endMs: number) => (endMs / FIXED_STEP_MS + 0.5) / 2

/**
 * The step inside the window: fixed polling's, or finer when the polls it takes to cover the window still
 * leave the task at half of the requests fixed polling would make by the window's end.
 */
function stepInside(window: EndWindow, t: number, polls: number): number {
  const from = Math.max(t, window.earliest)
  const fine = FINE_STEPS_MS.filter((step) => polls + 1 + (window.latest - from) / step <= halfOfFixed(window.latest))
  return fine.at(-1) ?? FIXED_STEP_MS
}

/**
 * The next poll inside (or before) a firm window: steps of FIRM_STEP_MS, the last at its end, so an end inside
 * is seen at most that late; finer when that stays within half of fixed polling's requests; fixed polling's
 * step (still ending at the window's end) when FIRM_STEP_MS would take more polls than fixed polling's grid.
 */
function closingIn(window: EndWindow, t: number, polls: number): number {
  const from = Math.max(t, window.earliest)
  const pollsWith = (step: number) => Math.max(1, Math.ceil((window.latest - from) / step))
  const onGrid = Math.floor(window.latest / FIXED_STEP_MS) - Math.floor(from / FIXED_STEP_MS) + 1
  const finer = FINE_STEPS_MS.filter((step) => step < FIRM_STEP_MS && polls + pollsWith(step) <= halfOfFixed(window.latest))
  const step = finer.at(-1) ?? (pollsWith(FIRM_STEP_MS) <= onGrid ? FIRM_STEP_MS : FIXED_STEP_MS)
  return window.latest - (pollsWith(step) - 1) * step
}

/** The time of the next poll, ms since the task began. */
function nextPollAt(moment: PollMoment, window: EndWindow | undefined): number {
  const t = moment.elapsedMs
  const polls = moment.polls ?? 0
  if (window === undefined || t >= window.latest) return gridPoint(t, FIXED_STEP_MS)
  const target = window.firm ? closingIn(window, t, polls) : gridPoint(t, stepInside(window, t, polls), window.earliest)
  // Far from the window: even steps of at most the ceiling, the last one landing on its first poll.
  const until = target - t
  return until > moment.ceilingMs ? t + until / Math.ceil(until / moment.ceilingMs) : target
}

/** The wait before the next poll: always within [min(MIN_POLL_MS, ceiling), ceiling]. */
export function nextPollDelayMs(moment: PollMoment): number {
  const floor = Math.min(MIN_POLL_MS, moment.ceilingMs)
  const delay = nextPollAt(moment, endWindow(moment)) - moment.elapsedMs
  return Math.round(Math.min(moment.ceilingMs, Math.max(floor, Number.isFinite(delay) ? delay : moment.ceilingMs)))
}
