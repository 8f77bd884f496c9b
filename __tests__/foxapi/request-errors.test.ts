import { describe, expect, it } from 'vitest'
import { httpStatusError, parseRetryAfter, toRequestError } from '../../src/foxapi/request-errors'

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
