import { describe, expect, it } from 'vitest'
import {
  RequestError,
  backoffDelay,
  httpStatusError,
  jsonNestsDeeperThan,
  parseJsonSafely,
  parseRetryAfter,
  retryDelay,
  toRequestError,
  withRetries,
} from '../../src/foxapi/http'

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-24T10:00:00Z')
    expect(parseRetryAfter('3', now)).toBe(3_000)
    expect(parseRetryAfter('0.5', now)).toBe(500)
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:07 GMT', now)).toBe(7_000)
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
  })

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

describe('reply bodies', () => {
  it('refuses JSON nested past the limit without recursing, and ignores brackets inside strings', () => {
    expect(jsonNestsDeeperThan(`${'['.repeat(20_000)}${']'.repeat(20_000)}`, 32)).toBe(true)
    expect(parseJsonSafely(`{"a":${'['.repeat(40)}${']'.repeat(40)}}`)).toBeUndefined()
    expect(parseJsonSafely(`{"a":"${'['.repeat(100)}\\"["}`)).toEqual({ a: `${'['.repeat(100)}"[` })
    expect(parseJsonSafely('not json')).toBeUndefined()
  })
})

describe('error classification', () => {
  it('retries rate limits and server trouble, never client errors', () => {
    const retryable = (status: number) => httpStatusError(status, {}, {}, 'Call').details.retryable
    expect([429, 500, 502, 503, 504].map(retryable)).toEqual([true, true, true, true, true])
    expect([400, 401, 402, 404, 422].map(retryable)).toEqual([false, false, false, false, false])
  })

  it("keeps FoxAPI's message and type", () => {
    const error = httpStatusError(402, { error: { message: 'balance too low', type: 'insufficient_quota' } }, {}, 'Create task')
    expect(error.message).toBe('Create task failed (402 insufficient_quota): balance too low')
    expect(error.details.errorType).toBe('insufficient_quota')
  })

  it('knows which failures surely never reached the server', () => {
    expect(httpStatusError(429, {}, { 'retry-after': '2' }, 'x').details).toMatchObject({
      mayHaveBeenProcessed: false,
      retryAfterMs: 2_000,
    })
    expect(httpStatusError(503, {}, {}, 'x').details.mayHaveBeenProcessed).toBe(false)
    expect(httpStatusError(500, {}, {}, 'x').details.mayHaveBeenProcessed).toBe(true)
    const refused = toRequestError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), 'x')
    expect(refused.details).toMatchObject({ retryable: true, mayHaveBeenProcessed: false })
    const reset = toRequestError(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }), 'x')
    expect(reset.details).toMatchObject({ retryable: true, mayHaveBeenProcessed: true })
    const bug = toRequestError(new TypeError('undefined is not a function'), 'x')
    expect(bug.details.retryable).toBe(false)
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
