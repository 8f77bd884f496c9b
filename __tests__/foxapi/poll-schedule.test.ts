// The adaptive polling schedule, as properties that hold for any task: never past the ceiling, rare far from
// the expected end, on fixed polling's 5 s grid from the window on (so never later than fixed polling there),
// never more requests than fixed polling; a line through two readings of progress holds the end whatever the
// time spent in FoxAPI's queue and however FoxAPI rounds, a firm window's end is seen within 2.5 s, and
// progress that freezes never makes the end seen later than fixed polling's worst. How many fewer requests,
// and how late on the whole, is `npm run bench -- polling`'s job.
import { describe, expect, it } from 'vitest'
import {
  FIRM_STEP_MS,
  FIXED_STEP_MS,
  MIN_POLL_MS,
  PRIOR_EARLIEST,
  PRIOR_LATEST,
  TWO_SIGHTINGS_REACH_MS,
  endWindow,
  lineEnds,
  nextPollDelayMs,
  noLaterThan,
  progressWindow,
  sawProgress,
  type PollMoment,
  type ProgressSeen,
} from '../../src/foxapi/poll-schedule'

const CEILING = 30_000

/** A seeded generator, so a failing case can be replayed. */
function randomFrom(seed: number): () => number {
  let state = seed
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
}

/** A task replayed on a virtual clock: when each poll happened, until the one that saw it done. */
function pollTimes(
  durationMs: number,
  known: Pick<PollMoment, 'estimatedMs' | 'typicalMs'>,
  progressAt: (t: number) => number = () => 0,
  ceilingMs = CEILING,
): number[] {
  const times: number[] = []
  let t = 0
  let seen: ProgressSeen | undefined
  for (let polls = 0; polls < 10_000; polls++) {
    t += nextPollDelayMs({ elapsedMs: t, ceilingMs, seen, polls, ...known })
    times.push(t)
    if (t >= durationMs) return times
    seen = sawProgress(seen, t, progressAt(t))
  }
  throw new Error('the schedule never saw the task end')
}

/** Progress as the simulator reports it: 0 for the first tenth, then linear, 99 at most until done. */
const linearProgress = (durationMs: number) => (t: number) =>
  t < durationMs / 10 ? 0 : Math.min(99, Math.floor(((t - durationMs / 10) / (0.9 * durationMs)) * 100))

describe('progress as seen', () => {
  it('keeps the first sighting, the one before the latest, and the latest rise', () => {
    let seen = sawProgress(undefined, 10_000, 0)
    expect(seen).toBeUndefined()
    seen = sawProgress(seen, 20_000, 10)
    expect(seen).toEqual({ first: { elapsedMs: 20_000, progress: 10 }, latest: { elapsedMs: 20_000, progress: 10 } })
    seen = sawProgress(seen, 30_000, 30)
    expect(seen?.previous).toBeUndefined()
    seen = sawProgress(seen, 40_000, 50)
    expect(seen).toEqual({
      first: { elapsedMs: 20_000, progress: 10 },
      previous: { elapsedMs: 30_000, progress: 30 },
      latest: { elapsedMs: 40_000, progress: 50 },
    })
  })

  it('ignores what is not a rise: the same value, a drop, 100, and anything that is not a number', () => {
    const seen = sawProgress(undefined, 20_000, 40)
    for (const progress of [40, 12, 100, 250, -5, Number.NaN, Number.POSITIVE_INFINITY, '60', null, undefined]) {
      expect(sawProgress(seen, 30_000, progress)).toBe(seen)
    }
  })
})

describe('where the end is looked for', () => {
  it('is from 3/4 to 1.5 times the estimate, else the typical time, else nowhere', () => {
    expect(endWindow({ elapsedMs: 0, estimatedMs: 120_000, typicalMs: 60_000 })).toEqual({
      earliest: 120_000 * PRIOR_EARLIEST,
      expected: 120_000,
      latest: 120_000 * PRIOR_LATEST,
    })
    expect(endWindow({ elapsedMs: 0, typicalMs: 60_000 })?.expected).toBe(60_000)
    expect(endWindow({ elapsedMs: 0, estimatedMs: 0, typicalMs: Number.NaN })).toBeUndefined()
  })

  it('follows a line through the sightings, narrowed to where the estimate overlaps it', () => {
    // 40 points in 40 s from 10 % at 20 s: 100 % at 110 s.
    const seen: ProgressSeen = {
      first: { elapsedMs: 20_000, progress: 10 },
      previous: { elapsedMs: 40_000, progress: 30 },
      latest: { elapsedMs: 60_000, progress: 50 },
    }
    const fromProgress = progressWindow(seen, 60_000)
    expect(fromProgress?.expected).toBe(110_000)
    expect(fromProgress?.firm).toBe(true)
    expect(fromProgress?.earliest).toBeGreaterThan(90_000)
    expect(fromProgress?.latest).toBeLessThan(130_000)
    const both = endWindow({ elapsedMs: 60_000, estimatedMs: 100_000, seen })
    expect(both?.latest).toBe(fromProgress?.latest)
    // An estimate that says the task ends long before progress does is overruled by a firm line.
    expect(endWindow({ elapsedMs: 60_000, estimatedMs: 30_000, seen })).toEqual(fromProgress)
  })

  it('lets one sighting only bound the end from above (the task may have started late)', () => {
    const window = progressWindow({ first: { elapsedMs: 20_000, progress: 50 }, latest: { elapsedMs: 20_000, progress: 50 } }, 20_000)
    expect(window?.earliest).toBe(20_000)
    // 50 % at 20 s: 100 % by 40 s, or a little later if FoxAPI rounded 49.5 up.
    expect(window?.latest).toBeCloseTo((20_000 * 100) / 49.5)
    expect(window?.firm).toBe(false)
  })

  it('does not trust a line drawn through progress that froze: it looks from now on', () => {
    // 16 % at 30 s and 32 % at 60 s, then still 32 % at 90 s: the line said 187.5 s, the estimate 120 s.
    const seen: ProgressSeen = { first: { elapsedMs: 30_000, progress: 16 }, latest: { elapsedMs: 60_000, progress: 32 } }
    expect(progressWindow(seen, 90_000)?.earliest).toBe(90_000)
    expect(endWindow({ elapsedMs: 90_000, estimatedMs: 120_000, seen })?.earliest).toBe(90_000)
    expect(nextPollDelayMs({ elapsedMs: 90_000, ceilingMs: CEILING, estimatedMs: 120_000, seen })).toBeLessThanOrEqual(FIXED_STEP_MS)
  })
})

describe('next poll delay', () => {
  it('stays within [min(1 s, ceiling), ceiling] whatever it is given', () => {
    const random = randomFrom(7)
    const odd = [undefined, 0, -1, 1, Number.NaN, Number.POSITIVE_INFINITY, 45_000, 1e9]
    for (let i = 0; i < 5_000; i++) {
      const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T
      const ceilingMs = pick([100, 1_000, 5_000, 30_000, 300_000])
      const a = { elapsedMs: Math.floor(random() * 400_000), progress: Math.floor(random() * 120) - 10 }
      const b = { elapsedMs: Math.floor(random() * 400_000), progress: Math.floor(random() * 120) - 10 }
      const seen = random() < 0.5 ? undefined : { first: a, latest: random() < 0.5 ? a : b, ...(random() < 0.5 ? { previous: b } : {}) }
      const moment = { elapsedMs: pick([0, 1, Math.floor(random() * 1e6)]), ceilingMs, estimatedMs: pick(odd), typicalMs: pick(odd), seen }
      const delay = nextPollDelayMs(moment)
      expect(delay, JSON.stringify(moment)).toBeGreaterThanOrEqual(Math.min(MIN_POLL_MS, ceilingMs))
      expect(delay, JSON.stringify(moment)).toBeLessThanOrEqual(ceilingMs)
    }
  })

  it('polls rarely before 3/4 of the estimate, then on fixed polling’s 5 s grid: never later than it', () => {
    const random = randomFrom(11)
    for (let i = 0; i < 300; i++) {
      const estimatedMs = 10_000 + Math.floor(random() * 600_000)
      const durationMs = estimatedMs * (0.76 + random() * 2)
      const times = pollTimes(durationMs, { estimatedMs })
      const early = times.filter((t) => t < estimatedMs * PRIOR_EARLIEST)
      expect(early.length).toBeLessThanOrEqual(Math.ceil((estimatedMs * PRIOR_EARLIEST) / CEILING))
      for (const t of times.slice(early.length)) expect(t % FIXED_STEP_MS).toBe(0)
      // Fixed polling sees the end at the first multiple of 5 s at or after it; so does this schedule.
      expect(times.at(-1)).toBe(Math.ceil(durationMs / FIXED_STEP_MS) * FIXED_STEP_MS)
    }
  })

  it('never makes more requests than fixed polling, with or without progress', () => {
    const random = randomFrom(13)
    for (let i = 0; i < 300; i++) {
      const durationMs = 5_000 + Math.floor(random() * 600_000)
      const known = [{ estimatedMs: durationMs * (0.5 + random()) }, { typicalMs: 60_000 }, {}][i % 3] as PollMoment
      const progress = i % 2 === 0 ? linearProgress(durationMs) : undefined
      const fixedRequests = Math.max(1, Math.ceil(durationMs / FIXED_STEP_MS))
      expect(pollTimes(durationMs, known, progress).length, `${durationMs} ms, ${JSON.stringify(known)}`).toBeLessThanOrEqual(fixedRequests)
    }
  })

  it('with progress that moves, polls often only near the end it points to', () => {
    const durationMs = 300_000
    const times = pollTimes(durationMs, { estimatedMs: 300_000 }, linearProgress(durationMs))
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number))
    expect(gaps.filter((gap) => gap < FIXED_STEP_MS).length).toBeGreaterThan(0)
    expect(times.filter((t) => t < durationMs - 30_000).every((t, i, early) => i === 0 || t - (early[i - 1] as number) >= 20_000)).toBe(
      true,
    )
  })

  it('with nothing known, is fixed polling', () => {
    expect(pollTimes(42_000, {})).toEqual([5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000, 45_000])
  })

  it('with a ceiling below a second (tests), polls at the ceiling', () => {
    expect(nextPollDelayMs({ elapsedMs: 0, estimatedMs: 60_000, ceilingMs: 100 })).toBe(100)
    expect(nextPollDelayMs({ elapsedMs: 90_000, estimatedMs: 60_000, ceilingMs: 100 })).toBe(100)
  })
})

/**
 * A task as FoxAPI may show it: it waits `queueMs` in FoxAPI's queue, then its progress moves linearly to 100
 * at its end; FoxAPI shows it rounded down or to the nearest point, below 100 until the end, and from
 * `frozenAt` on no higher than that (FoxAPI missing the provider's updates; the task still ends on time).
 */
interface ShownTask {
  durationMs: number
  queueMs: number
  round: (value: number) => number
  frozenAt?: number
}

const shownProgress = (task: ShownTask) => (t: number) => {
  const truth = t <= task.queueMs ? 0 : ((t - task.queueMs) / (task.durationMs - task.queueMs)) * 100
  return Math.min(99, task.frozenAt ?? 99, task.round(truth))
}

function randomTask(random: () => number): ShownTask {
  const durationMs = 10_000 + random() * 590_000
  return { durationMs, queueMs: random() * 0.5 * durationMs, round: random() < 0.5 ? Math.floor : Math.round }
}

/** What may be known up front: an estimate within the prior's range of the true length, the typical time, or nothing. */
function randomKnown(random: () => number, durationMs: number): Pick<PollMoment, 'estimatedMs' | 'typicalMs'> {
  const fromPrior = durationMs / (PRIOR_EARLIEST + random() * (PRIOR_LATEST - PRIOR_EARLIEST))
  return [{ estimatedMs: fromPrior }, { typicalMs: fromPrior }, {}][Math.floor(random() * 3)] as PollMoment
}

/** Replays a task polled by the schedule: each poll's time, and the window the schedule saw before it. */
function replayWindows(task: ShownTask, known: Pick<PollMoment, 'estimatedMs' | 'typicalMs'>) {
  const polls: { at: number; window: ReturnType<typeof endWindow>; from: number }[] = []
  const progressAt = shownProgress(task)
  let t = 0
  let seen: ProgressSeen | undefined
  for (let count = 0; count < 10_000; count++) {
    const moment = { elapsedMs: t, ceilingMs: CEILING, seen, polls: count, ...known }
    const window = endWindow(moment)
    t += nextPollDelayMs(moment)
    polls.push({ at: t, window, from: moment.elapsedMs })
    if (t >= task.durationMs) return polls
    seen = sawProgress(seen, t, progressAt(t))
  }
  throw new Error('the schedule never saw the task end')
}

describe('a line through progress', () => {
  it('holds the end between its soonest and latest, whatever the queue time and however FoxAPI rounds', () => {
    const random = randomFrom(17)
    let checked = 0
    for (let i = 0; i < 5_000; i++) {
      const task = randomTask(random)
      const [a, b] = [random() * task.durationMs, random() * task.durationMs].sort((x, y) => x - y) as [number, number]
      const progressAt = shownProgress(task)
      // A reading of 0 is no sighting (the task may still be queued): sawProgress keeps only readings above 0.
      if (!(progressAt(a) > 0)) continue
      const ends = lineEnds({ elapsedMs: a, progress: progressAt(a) }, { elapsedMs: b, progress: progressAt(b) })
      if (ends === undefined) continue
      checked++
      expect(ends.soonest, JSON.stringify({ task, a, b })).toBeLessThanOrEqual(task.durationMs + 1e-6)
      expect(ends.latest, JSON.stringify({ task, a, b })).toBeGreaterThanOrEqual(task.durationMs - 1e-6)
    }
    expect(checked).toBeGreaterThan(2_000)
  })

  it('lets one reading bound the end only from above: never before it comes, after a wait in the queue or a freeze', () => {
    const random = randomFrom(19)
    for (let i = 0; i < 5_000; i++) {
      const task = { ...randomTask(random), frozenAt: random() < 0.5 ? 1 + Math.floor(random() * 98) : undefined }
      const t = random() * task.durationMs
      const progress = shownProgress(task)(t)
      if (progress > 0)
        expect(noLaterThan({ elapsedMs: t, progress }), JSON.stringify({ task, t })).toBeGreaterThanOrEqual(task.durationMs - 1e-6)
    }
  })

  it('is firm only around the end: every firm window holds the end of a task whose progress moves linearly', () => {
    const random = randomFrom(23)
    let firm = 0
    for (let i = 0; i < 500; i++) {
      const task = randomTask(random)
      for (const { window } of replayWindows(task, randomKnown(random, task.durationMs))) {
        if (!window?.firm) continue
        firm++
        expect(window.earliest, JSON.stringify(task)).toBeLessThanOrEqual(task.durationMs + 1e-6)
        expect(window.latest, JSON.stringify(task)).toBeGreaterThanOrEqual(task.durationMs - 1e-6)
      }
    }
    expect(firm).toBeGreaterThan(500)
  })

  it('sees an end inside a firm window at most 2.5 s wide within 2.5 s: one poll, at the window’s end', () => {
    const random = randomFrom(29)
    let narrow = 0
    for (let i = 0; i < 500; i++) {
      const task = randomTask(random)
      const polls = replayWindows(task, randomKnown(random, task.durationMs))
      const { at, window } = polls.at(-1) as (typeof polls)[number]
      if (!window?.firm || window.latest - window.earliest > FIRM_STEP_MS) continue
      narrow++
      expect(at - task.durationMs, JSON.stringify(task)).toBeLessThanOrEqual(FIRM_STEP_MS)
    }
    expect(narrow).toBeGreaterThan(100)
  })

  it('sees a task whose progress moves linearly no later than fixed polling’s worst (5 s), whatever the queue time and rounding', () => {
    const random = randomFrom(37)
    for (let i = 0; i < 1_000; i++) {
      const task = randomTask(random)
      const polls = replayWindows(task, randomKnown(random, task.durationMs))
      expect((polls.at(-1)?.at ?? 0) - task.durationMs, JSON.stringify(task)).toBeLessThanOrEqual(FIXED_STEP_MS)
    }
  })

  it('sees a task whose progress froze anywhere at most 10 s late: only a freeze between the only two readings costs more than 5 s', () => {
    const random = randomFrom(31)
    for (let i = 0; i < 3_000; i++) {
      const task = { ...randomTask(random), frozenAt: 1 + Math.floor(random() * 98) }
      const polls = replayWindows(task, randomKnown(random, task.durationMs))
      expect((polls.at(-1)?.at ?? 0) - task.durationMs, JSON.stringify(task)).toBeLessThanOrEqual(TWO_SIGHTINGS_REACH_MS)
    }
  })

  it('trusts two readings only for a short reach: a line placing the end far beyond them is not firm', () => {
    // 19 % at 17.5 s and 50 % at 35 s: a line to about 63 s, 28 s past the latest reading. Had progress frozen
    // at 50 % since 27.4 s (after 11 s in the queue), the task would end at 43.5 s.
    const seen: ProgressSeen = { first: { elapsedMs: 17_500, progress: 19 }, latest: { elapsedMs: 35_000, progress: 50 } }
    expect(progressWindow(seen, 35_000)?.firm).toBe(false)
    expect(progressWindow(seen, 35_000)?.earliest).toBe(35_000)
    // The same rate seen closer to the end: its line reaches less than 10 s past the latest reading, and is trusted.
    const near: ProgressSeen = { first: { elapsedMs: 20_000, progress: 62 }, latest: { elapsedMs: 25_000, progress: 81 } }
    const window = progressWindow(near, 25_000)
    expect(window?.firm).toBe(true)
    expect(window?.latest).toBeLessThanOrEqual(25_000 + TWO_SIGHTINGS_REACH_MS)
  })

  it('does not trust a reading taken after progress froze, even on a line with two earlier ones', () => {
    // A 31 s task with nothing known: 6 % at 5 s, 24 % at 10 s place the end at about 31 s; at 30.7 s progress
    // shows 72 %, frozen since 22.5 s. A line through it says 42 s, off the line the first two drew: not firm.
    const seen: ProgressSeen = {
      first: { elapsedMs: 5_000, progress: 6 },
      previous: { elapsedMs: 10_000, progress: 24 },
      latest: { elapsedMs: 30_682, progress: 72 },
    }
    const window = progressWindow(seen, 30_682)
    expect(window?.firm).toBe(false)
    expect(window?.earliest).toBe(30_682)
    expect(30_682 + nextPollDelayMs({ elapsedMs: 30_682, ceilingMs: CEILING, seen })).toBeLessThanOrEqual(31_124 + FIXED_STEP_MS)
  })
})
