// What a failed request means: the error every call to FoxAPI or its CDN throws (RequestError), with what is
// known about it (whether trying again could help, whether the server may have acted on it), read from an HTTP
// status and FoxAPI's error body, or from whatever undici or the abort signal threw.
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

/** What is known about a failed request, for deciding whether to try again and what to tell the user. */
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

/** A request to FoxAPI or its CDN that failed, with its {@link RequestErrorDetails}. */
export class RequestError extends Error {
  override readonly name = 'RequestError'
  constructor(
    message: string,
    readonly details: RequestErrorDetails,
  ) {
    super(message)
  }
}

/** Whether `signal` was aborted by its deadline (AbortSignal.timeout), not by a cancelled run. */
export function isDeadlineAbort(signal: AbortSignal | undefined): boolean {
  const reason: unknown = signal?.reason
  return signal?.aborted === true && reason instanceof DOMException && reason.name === 'TimeoutError'
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

/** The RequestError for an HTTP error status, with FoxAPI's `error` message, type, code and named fields when its body gives them. */
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
