// The adaptive polling schedule, as properties that hold for any task: never past the ceiling, rare far from
// the expected end, on fixed polling's 5 s grid from the window on (so never later than fixed polling there),
// never more requests than fixed polling. How many fewer, and how late, is `npm run bench -- polling`'s job.
import { describe, expect, it } from 'vitest'
import {
  FIXED_STEP_MS,
  MIN_POLL_MS,
  PRIOR_EARLIEST,
  PRIOR_LATEST,
  endWindow,
  nextPollDelayMs,
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
    expect(window?.expected).toBe(40_000)
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
