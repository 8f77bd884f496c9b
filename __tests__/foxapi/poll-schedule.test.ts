// The adaptive polling schedule: rare polls far from the expected end, frequent near it, never past the ceiling.
import { describe, expect, it } from 'vitest'
import { MIN_POLL_MS, expectedTotalMs, nextPollDelayMs } from '../../src/foxapi/poll-schedule'

const CEILING = 30_000

describe('expected run time', () => {
  it('is the estimate alone until progress says something', () => {
    expect(expectedTotalMs({ elapsedMs: 0, estimatedMs: 60_000, progress: 0 })).toBe(60_000)
    expect(expectedTotalMs({ elapsedMs: 10_000, progress: 0 })).toBeUndefined()
  })

  it('follows the progress rate between two sightings, trusted more as progress grows', () => {
    const earlier = { elapsedMs: 20_000, progress: 10 }
    // 40 points in 10 s: the 50 points left take 12.5 s more.
    expect(expectedTotalMs({ elapsedMs: 30_000, progress: 50, earlier })).toBe(42_500)
    expect(expectedTotalMs({ elapsedMs: 30_000, progress: 50, earlier, estimatedMs: 90_000 })).toBe(42_500)
    // At 10 % progress, the estimate still weighs more than half.
    const early = expectedTotalMs({ elapsedMs: 10_000, progress: 10, estimatedMs: 60_000 }) as number
    expect(early).toBeGreaterThan(60_000)
    expect(early).toBeLessThan(100_000)
  })
})

describe('next poll delay', () => {
  it('waits long far from the expected end, never past the ceiling', () => {
    expect(nextPollDelayMs({ elapsedMs: 0, estimatedMs: 300_000, progress: 0, ceilingMs: CEILING })).toBe(CEILING)
    expect(nextPollDelayMs({ elapsedMs: 0, estimatedMs: 20_000, progress: 0, ceilingMs: CEILING })).toBe(16_000)
  })

  it('polls often near the end and soon after an overrun, growing with it', () => {
    expect(nextPollDelayMs({ elapsedMs: 59_500, estimatedMs: 60_000, ceilingMs: CEILING })).toBe(MIN_POLL_MS)
    const justLate = nextPollDelayMs({ elapsedMs: 62_000, estimatedMs: 60_000, ceilingMs: CEILING })
    const veryLate = nextPollDelayMs({ elapsedMs: 140_000, estimatedMs: 60_000, ceilingMs: CEILING })
    expect(justLate).toBe(MIN_POLL_MS)
    expect(veryLate).toBe(20_000)
  })

  it('backs off from 2 s without any estimate or progress', () => {
    const first = nextPollDelayMs({ elapsedMs: 0, ceilingMs: CEILING })
    const second = nextPollDelayMs({ elapsedMs: first, ceilingMs: CEILING }, first)
    expect([first, second]).toEqual([2_000, 3_000])
    expect(nextPollDelayMs({ elapsedMs: 100_000, ceilingMs: CEILING }, 25_000)).toBe(CEILING)
  })

  it('with a ceiling below a second (tests), polls at the ceiling', () => {
    expect(nextPollDelayMs({ elapsedMs: 0, estimatedMs: 60_000, ceilingMs: 100 })).toBe(100)
    expect(nextPollDelayMs({ elapsedMs: 90_000, estimatedMs: 60_000, ceilingMs: 100 })).toBe(100)
  })

  it('stays within [min(1 s, ceiling), ceiling] whatever it is given', () => {
    for (const elapsedMs of [0, 1, 5_000, 1e6]) {
      for (const estimatedMs of [undefined, 0, 1, 45_000, 1e7]) {
        for (const progress of [undefined, 0, 3, 50, 99, 100, 250]) {
          const delay = nextPollDelayMs({ elapsedMs, estimatedMs, progress, ceilingMs: CEILING })
          expect(delay).toBeGreaterThanOrEqual(MIN_POLL_MS)
          expect(delay).toBeLessThanOrEqual(CEILING)
        }
      }
    }
  })
})
