// Trying a request again: the one retry policy of a run, exponential backoff with jitter, Retry-After honoured
// within bounds, and the loop that retries what is worth retrying until the attempts or the deadline run out.
import { setTimeout as sleep } from 'node:timers/promises'
import { RequestError, toRequestError } from './request-errors'

/** How often, and how far apart, a request is tried. */
export interface RetryPolicy {
  /** First backoff delay; doubles each attempt. */
  baseDelayMs: number
  /** Upper bound of one backoff delay (Retry-After may ask for more, up to the deadline). */
  maxDelayMs: number
  /** Total attempts, the first included. */
  maxAttempts: number
}

/** The retry policy of every call to FoxAPI and every clip download of a run: 1 s doubling to 30 s, six attempts. */
export const API_RETRY: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 30_000, maxAttempts: 6 }

/** Shortest wait before any retry, whatever `Retry-After` says (capped by the policy's base delay). */
export const MIN_RETRY_DELAY_MS = 500
/** Longest wait a `Retry-After` is allowed to ask for (the deadline still applies). */
export const MAX_RETRY_AFTER_MS = 10 * 60_000

/** Exponential backoff with "equal jitter": half fixed, half random. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

/** What {@link withRetries} runs under: the policy, the deadline and the run's cancellation, and who may veto or hear of a retry. */
export interface RetryOptions {
  policy: RetryPolicy
  /** Epoch ms after which no retry is started. */
  deadline: number
  signal?: AbortSignal
  /** Extra veto beyond `details.retryable` (e.g. the create call's double-charge rule). */
  canRetry?: (error: RequestError) => boolean
  onRetry?: (error: RequestError, delayMs: number, attempt: number) => void
}

/**
 * The wait before retry number `attempt + 1`: exponential backoff with jitter, never less than what
 * `Retry-After` asked for (capped at {@link MAX_RETRY_AFTER_MS}) nor than a floor. `Retry-After: 0` or a date in
 * the past cannot turn retries into a hot loop: it only ever lengthens the backoff.
 */
export function retryDelay(attempt: number, policy: RetryPolicy, retryAfterMs: number | undefined, random = Math.random): number {
  const floor = Math.min(MIN_RETRY_DELAY_MS, policy.baseDelayMs)
  const asked = Math.min(Math.max(0, retryAfterMs ?? 0), MAX_RETRY_AFTER_MS)
  return Math.max(backoffDelay(attempt, policy, random), asked, floor)
}

/** Runs `operation`, retrying retryable RequestErrors with backoff until attempts or the deadline run out. */
export async function withRetries<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, deadline, signal } = options
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt)
    } catch (error) {
      if (!(error instanceof RequestError)) throw error
      const allowed = error.details.retryable && (options.canRetry?.(error) ?? true)
      if (!allowed || attempt + 1 >= policy.maxAttempts) throw error
      const delay = retryDelay(attempt, policy, error.details.retryAfterMs)
      if (Date.now() + delay > deadline) throw error
      options.onRetry?.(error, delay, attempt)
      try {
        await sleep(delay, undefined, { signal })
      } catch {
        throw toRequestError(new Error('aborted'), 'Retry wait', signal)
      }
    }
  }
}
