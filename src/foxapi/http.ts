// Low-level HTTP plumbing shared by the API client and the downloader:
// one undici Agent with per-request timeouts, error classification, and
// retries with exponential backoff, jitter and Retry-After.
import { setTimeout as sleep } from 'node:timers/promises'
import { Agent, EnvHttpProxyAgent, type buildConnector, type Dispatcher } from 'undici'
import { capText } from '../security/visible-text'
import { messageOf } from '../errors'

/** Statuses worth another try: rate limits and transient server trouble. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504])

/** Network failures where the request surely never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])

/** Network failures after which the request may or may not have been received. */
const IN_FLIGHT_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
])

export interface RequestErrorDetails {
  /** HTTP status when the server answered. */
  status?: number
  /** FoxAPI `error.type` (e.g. `rate_limit_error`). */
  errorType?: string
  /** FoxAPI `error.code`, when given. */
  errorCode?: string
  /** Node/undici error code for network failures (e.g. `ECONNRESET`). */
  networkCode?: string
  /** Wait the server asked for, from `Retry-After`. */
  retryAfterMs?: number
  /** Whether trying again could succeed. */
  retryable: boolean
  /** False only when the request surely never reached the server (or the server refused it before doing anything). */
  mayHaveBeenProcessed: boolean
  /** The caller gave up (deadline or cancellation), not the network. */
  aborted?: boolean
  /** The request ran into its deadline (the `timeout` budget), as opposed to a cancelled run. */
  deadline?: boolean
  /** The server answered with something that is not a usable reply (too big, too deep, not the task asked for). */
  badReply?: boolean
}

export class RequestError extends Error {
  override readonly name = 'RequestError'
  constructor(
    message: string,
    readonly details: RequestErrorDetails,
  ) {
    super(message)
  }
}

/**
 * The dispatcher for every request: the request timeout as idle timeouts, and the runner's proxy variables
 * (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`, upper or lower case) honoured with the same timeouts, so a
 * self-hosted runner behind an egress proxy works. Through a proxy every request, plain http included, goes
 * through a CONNECT tunnel: the proxy sees the host and port, not the headers. `connect` replaces the
 * connector for direct connections (the download's address check).
 */
export function createHttpAgent(requestTimeoutMs: number, options: { connect?: buildConnector.connector } = {}): Dispatcher {
  const connectTimeout = Math.min(requestTimeoutMs, 30_000)
  const common = {
    connect: options.connect ?? { timeout: connectTimeout },
    headersTimeout: requestTimeoutMs,
    bodyTimeout: requestTimeoutMs,
    keepAliveTimeout: 4_000,
  }
  if (!proxyConfigured()) return new Agent(common)
  return new EnvHttpProxyAgent({
    ...common,
    // To the proxy, and to the target through the tunnel: the same connect timeout.
    proxyTls: { timeout: connectTimeout },
    requestTls: { timeout: connectTimeout },
  })
}

/** Whether the environment names a proxy (the variables EnvHttpProxyAgent reads). */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => (env[name] ?? '').trim() !== '')
}

/** Biggest API reply body read (a task envelope is a few KiB); past it the reply is refused, unread. */
export const MAX_API_BODY_BYTES = 4 * 1024 * 1024
/** Deepest JSON nesting accepted in a reply (a task envelope is 4 deep). */
export const MAX_JSON_DEPTH = 32
/** Shortest wait before any retry, whatever `Retry-After` says (capped by the policy's base delay). */
export const MIN_RETRY_DELAY_MS = 500
/** Longest wait a `Retry-After` is allowed to ask for (the deadline still applies). */
export const MAX_RETRY_AFTER_MS = 10 * 60_000

/**
 * The signal one request runs under: the caller's (a cancelled run), and the deadline, so no reply, however
 * slowly it trickles within the idle timeout, outlives the time budget. Tell the two apart with
 * {@link isDeadlineAbort}.
 */
export function requestSignal(deadline: number, signal?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(Math.max(0, deadline - Date.now()))
  return signal ? AbortSignal.any([signal, timeout]) : timeout
}

/** Whether `signal` was aborted by its deadline (AbortSignal.timeout), not by a cancelled run. */
export function isDeadlineAbort(signal: AbortSignal | undefined): boolean {
  const reason: unknown = signal?.reason
  return signal?.aborted === true && reason instanceof DOMException && reason.name === 'TimeoutError'
}

/**
 * Reads a reply body as text, at most `maxBytes` of it: a longer one (announced by Content-Length or found
 * on the way) is refused without reading the rest, so a hostile or broken server cannot fill the memory.
 */
export async function readBodyCapped(
  response: { headers: Record<string, string | string[] | undefined>; body: DiscardableBody & AsyncIterable<unknown> },
  what: string,
  maxBytes = MAX_API_BODY_BYTES,
): Promise<string> {
  const tooBig = () => {
    discardBody(response.body)
    return new RequestError(`${what} failed: the reply is over ${maxBytes} bytes; refused without reading it`, {
      retryable: false,
      mayHaveBeenProcessed: true,
      badReply: true,
    })
  }
  const declaredHeader = response.headers['content-length']
  const declared = Number(Array.isArray(declaredHeader) ? declaredHeader[0] : declaredHeader)
  if (Number.isFinite(declared) && declared > maxBytes) throw tooBig()
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of response.body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array)
    total += buffer.length
    if (total > maxBytes) throw tooBig()
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The bits of a reply body stream {@link discardBody} needs. */
export interface DiscardableBody {
  destroy(error?: Error): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

/** Drops a reply body unread (closing the connection); the abort error undici then emits is expected, not a crash. */
export function discardBody(body: DiscardableBody): void {
  body.on('error', () => {})
  body.destroy()
}

/** Whether `text` nests arrays/objects deeper than `maxDepth` (strings are skipped). Linear, no recursion. */
export function jsonNestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

/** JSON.parse for server text: undefined for invalid JSON and for nesting deeper than {@link MAX_JSON_DEPTH}. */
export function parseJsonSafely(text: string): unknown {
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Parses `Retry-After`: delta-seconds or an HTTP date. Returns milliseconds, or undefined. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (text === undefined || text.trim() === '') return undefined
  const trimmed = text.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  // An HTTP date names its weekday; anything else (`-5`, `soon`) is ignored rather than read as a year.
  if (!/^[A-Za-z]{3},/.test(trimmed)) return undefined
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

export function httpStatusError(
  status: number,
  body: unknown,
  headers: Record<string, string | string[] | undefined>,
  what: string,
): RequestError {
  const apiError = readApiError(body)
  const retryAfterMs = parseRetryAfter(headers['retry-after'])
  const label = apiError.type ? `${status} ${apiError.type}` : `HTTP ${status}`
  // FoxAPI's `error.code` (and any list of offending fields) tells the user which field to drop.
  const code = apiError.code ? ` (${apiError.code}${apiError.fields?.length ? `: ${apiError.fields.join(', ')}` : ''})` : ''
  const message = apiError.message ? `${what} failed (${label}): ${apiError.message}${code}` : `${what} failed (${label})${code}`
  // A 422 service_unavailable_error is FoxAPI finding no channel right now: a refusal at the door, like a 503.
  const noChannel = status === 422 && apiError.type === 'service_unavailable_error'
  return new RequestError(message, {
    status,
    errorType: apiError.type,
    errorCode: apiError.code,
    retryAfterMs,
    retryable: RETRYABLE_STATUSES.has(status) || noChannel,
    // 429 and 503 (and a 422 with no channel) are refusals at the door: FoxAPI did not start any work.
    mayHaveBeenProcessed: !(status === 429 || status === 503 || noChannel),
  })
}

function readApiError(body: unknown): { message?: string; type?: string; code?: string; fields?: string[] } {
  if (typeof body !== 'object' || body === null) return {}
  const error = (body as { error?: unknown }).error
  if (typeof error === 'string') return { message: capText(error) }
  if (typeof error !== 'object' || error === null) return {}
  const fields = error as Record<string, unknown>
  const asText = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined)
  // The list's key is not documented ("the body may list them"): take any list of names, or a `param`.
  const named = Object.entries(fields).flatMap(([key, value]) =>
    Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : key === 'param' && typeof value === 'string' ? [value] : [],
  )
  // Server text, capped (the sanitiser and summary cells then make it inert).
  const capped = (v: unknown, max?: number) => {
    const text = asText(v)
    return text === undefined ? undefined : capText(text, max)
  }
  return {
    message: capped(fields.message),
    type: capped(fields.type, 100),
    code: capped(fields.code, 100),
    fields: named.length > 0 ? [...new Set(named)].slice(0, 20).map((name) => name.slice(0, 80)) : undefined,
  }
}

/** Turns whatever undici or the abort signal threw into a RequestError. */
export function toRequestError(error: unknown, what: string, signal?: AbortSignal): RequestError {
  if (error instanceof RequestError) return error
  if (isDeadlineAbort(signal)) {
    return new RequestError(`${what} was stopped: the time limit ran out`, {
      retryable: false,
      mayHaveBeenProcessed: true,
      aborted: true,
      deadline: true,
    })
  }
  if (signal?.aborted) {
    return new RequestError(`${what} was stopped: ${abortReason(signal)}`, {
      retryable: false,
      mayHaveBeenProcessed: true,
      aborted: true,
    })
  }
  const code = networkCodeOf(error)
  const reason = messageOf(error)
  const notSent = code !== undefined && NOT_SENT_CODES.has(code)
  const known = code !== undefined && (notSent || IN_FLIGHT_CODES.has(code))
  return new RequestError(`${what} failed: ${describeNetworkError(code, reason)}`, {
    networkCode: code,
    retryable: known,
    mayHaveBeenProcessed: !notSent,
  })
}

function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason
  if (reason instanceof Error) return reason.message
  return typeof reason === 'string' ? reason : 'cancelled'
}

function networkCodeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') return code
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

function describeNetworkError(code: string | undefined, reason: string): string {
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return 'no response headers within the request timeout'
    case 'UND_ERR_BODY_TIMEOUT':
      return 'the response body stalled past the request timeout'
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'could not connect within the request timeout'
    case 'ECONNREFUSED':
      return 'connection refused'
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was reset'
    default:
      return code ? `${reason} (${code})` : reason
  }
}

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

/** Exponential backoff with "equal jitter": half fixed, half random. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

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
