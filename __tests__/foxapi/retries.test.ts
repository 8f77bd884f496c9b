import { describe, expect, it } from 'vitest'
import { RequestError, httpStatusError } from '../../src/foxapi/request-errors'
import { backoffDelay, retryDelay, withRetries } from '../../src/foxapi/retries'

describe('Retry-After', () => {
  it('only ever lengthens the backoff: 0, a past date or a negative value cannot make a hot loop', () => {
    const policy = { baseDelayMs: 1_000, maxDelayMs: 30_000, maxAttempts: 6 }
    const noJitter = () => 0
    expect(retryDelay(0, policy, 0, noJitter)).toBe(500)
    expect(retryDelay(3, policy, 0, noJitter)).toBe(4_000)
    expect(retryDelay(0, policy, -5_000, noJitter)).toBe(500)
    expect(retryDelay(0, policy, 7_000, noJitter)).toBe(7_000)
    expect(retryDelay(0, policy, 24 * 3_600_000, noJitter)).toBe(10 * 60_000)
    expect(retryDelay(0, { ...policy, baseDelayMs: 100 }, 0, noJitter)).toBe(100)
  })
})

describe('withRetries', () => {
  const policy = { baseDelayMs: 10, maxDelayMs: 40, maxAttempts: 5 }

  it('backs off exponentially with jitter, within bounds', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(5)
    expect(backoffDelay(0, policy, () => 1)).toBe(10)
    expect(backoffDelay(2, policy, () => 1)).toBe(40)
    expect(backoffDelay(10, policy, () => 1)).toBe(40)
  })

  it('retries retryable errors until success', async () => {
    let calls = 0
    const result = await withRetries(
      async () => {
        calls++
        if (calls < 3) throw httpStatusError(503, {}, {}, 'x')
        return 'ok'
      },
      { policy, deadline: Date.now() + 5_000 },
    )
    expect([result, calls]).toEqual(['ok', 3])
  })

  it('stops at the attempt limit, at a veto, and before passing the deadline', async () => {
    let calls = 0
    const failing = async () => {
      calls++
      throw httpStatusError(500, {}, {}, 'x')
    }
    await expect(withRetries(failing, { policy, deadline: Date.now() + 5_000 })).rejects.toBeInstanceOf(RequestError)
    expect(calls).toBe(5)
    calls = 0
    await expect(withRetries(failing, { policy, deadline: Date.now() + 5_000, canRetry: () => false })).rejects.toThrow()
    expect(calls).toBe(1)
    calls = 0
    const slow = async () => {
      calls++
      throw httpStatusError(429, {}, { 'retry-after': '60' }, 'x')
    }
    await expect(withRetries(slow, { policy, deadline: Date.now() + 1_000 })).rejects.toThrow(/429/)
    expect(calls).toBe(1)
  })
})
