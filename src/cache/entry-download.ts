// Downloads a cache entry's archive from the URL the cache service signed for it, never more than the entry's kind
// may hold. Anyone who can save in the cache scope can save a 10 GB entry under a key the action looks up (a newer
// pending key, say), and a batch looks up to 2×concurrency clips ahead: so the size is learnt first (a HEAD; the
// cache's blob storage answers it with Content-Length) and an entry above its limit is refused unread, and the
// body is streamed through a meter that stops past the limit whatever was announced (no length, or a HEAD that
// lied). Retries (a dropped connection, 429/5xx) honour Retry-After. The URL carries a signature: it appears in no
// message (the errors name "the cache entry download").
import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { request, type Dispatcher } from 'undici'
import { ByteMeter } from '../atomic-files'
import { createHttpAgent, requestSignal } from '../foxapi/http'
import { RequestError, httpStatusError, toRequestError } from '../foxapi/request-errors'
import { withRetries, type RetryPolicy } from '../foxapi/retries'

/** How the download names itself in its messages (never the signed URL). */
const WHAT = 'The cache entry download'
/** Idle time allowed per request (headers, then between body chunks). */
const IDLE_TIMEOUT_MS = 60_000
/** Longest a whole entry download may take, retries included. */
const DOWNLOAD_DEADLINE_MS = 30 * 60_000
/** Three tries, 1 s doubling; Retry-After lengthens a wait, up to MAX_RETRY_AFTER_MS (longer: no retry). */
const ENTRY_RETRY: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 10_000, maxAttempts: 3 }
/** Longest Retry-After waited for: a lookup holds a clip's turn, and a miss only costs a new task. */
const MAX_RETRY_AFTER_MS = 60_000

/** An entry larger than its kind may hold: refused, its body unread (or read no further than the limit). */
export class OversizeEntryError extends Error {
  constructor(
    readonly bytes: number | undefined,
    readonly maxBytes: number,
    kind: string,
  ) {
    super(
      bytes === undefined
        ? `it holds more than ${maxBytes} bytes, more than ${kind} may hold`
        : `it is ${bytes} bytes, more than ${kind} may hold (${maxBytes})`,
    )
    this.name = 'OversizeEntryError'
  }
}

/**
 * Downloads the archive at `url` to `file` (a new file in a private folder), refusing it (OversizeEntryError) when
 * it is or turns out to be larger than `maxBytes`; `kind` names what the entry is in that message ("a pending
 * entry"). Other failures throw a RequestError after the retries.
 */
export async function downloadEntryArchive(url: string, file: string, maxBytes: number, kind: string): Promise<void> {
  const agent = createHttpAgent(IDLE_TIMEOUT_MS)
  const deadline = Date.now() + DOWNLOAD_DEADLINE_MS
  try {
    await withRetries(
      async () => {
        const announced = await announcedSize(url, agent, deadline)
        if (announced !== undefined && announced > maxBytes) throw new OversizeEntryError(announced, maxBytes, kind)
        await fetchMetered(url, file, maxBytes, kind, agent, deadline)
      },
      { policy: ENTRY_RETRY, deadline, canRetry: (error) => (error.details.retryAfterMs ?? 0) <= MAX_RETRY_AFTER_MS },
    )
  } finally {
    await agent.close()
  }
}

/** The size the storage announces for the blob (HEAD), or undefined when it announces none. */
async function announcedSize(url: string, agent: Dispatcher, deadline: number): Promise<number | undefined> {
  const signal = requestSignal(deadline)
  let response: Dispatcher.ResponseData
  try {
    response = await request(url, { method: 'HEAD', dispatcher: agent, signal })
  } catch (error) {
    throw toRequestError(error, WHAT, signal)
  }
  response.body.resume()
  if (response.statusCode >= 400) throw httpStatusError(response.statusCode, undefined, response.headers, WHAT)
  return contentLength(response.headers)
}

/** GETs the blob into `file` through a meter that stops past `maxBytes`. */
async function fetchMetered(url: string, file: string, maxBytes: number, kind: string, agent: Dispatcher, deadline: number): Promise<void> {
  const signal = requestSignal(deadline)
  let response: Dispatcher.ResponseData
  try {
    response = await request(url, { method: 'GET', dispatcher: agent, signal })
  } catch (error) {
    throw toRequestError(error, WHAT, signal)
  }
  if (response.statusCode >= 400) {
    response.body.destroy()
    throw httpStatusError(response.statusCode, undefined, response.headers, WHAT)
  }
  const announced = contentLength(response.headers)
  if (announced !== undefined && announced > maxBytes) {
    response.body.destroy()
    throw new OversizeEntryError(announced, maxBytes, kind)
  }
  const meter = new ByteMeter(maxBytes, () => new OversizeEntryError(undefined, maxBytes, kind))
  try {
    // A fresh file each attempt ('w'): a retry starts the archive over.
    await pipeline(response.body, meter, createWriteStream(file, { mode: 0o600 }))
  } catch (error) {
    if (error instanceof OversizeEntryError) throw error
    throw toRequestError(error, WHAT, signal)
  }
  if (announced !== undefined && meter.bytes !== announced) {
    throw new RequestError(`${WHAT} was cut short (${meter.bytes} of ${announced} bytes)`, { retryable: true, mayHaveBeenProcessed: true })
  }
}

/** Content-Length as a number, or undefined when missing or not a plain number. */
function contentLength(headers: Record<string, string | string[] | undefined>): number | undefined {
  const value = headers['content-length']
  const text = Array.isArray(value) ? value[0] : value
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined
}
