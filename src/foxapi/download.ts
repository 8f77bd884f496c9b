// Downloads the finished clip: streamed to a hidden temporary file beside the destination, hashed on the way,
// checked for size and type, then renamed into place. A failure never leaves a file under the final name.
// A download cut short is resumed with a Range request (when the server names the file with an ETag or
// Last-Modified), so a flaky link does not start a large clip over. No credentials are ever sent: result
// URLs are pre-signed, and the API key stays with the API.
import { createWriteStream } from 'node:fs'
import { mkdir, open, stat } from 'node:fs/promises'
import path from 'node:path'
import { Transform, type Readable, type Writable } from 'node:stream'
import { request, type Dispatcher } from 'undici'
import { HashingMeter, removeLeftover, renameReplacing, syncFile, temporaryPathFor } from '../atomic-files'
import { isVideoContainer, refusalOf, type DownloadPolicy } from '../security/download-policy'
import { parseJsonSafely, readBodyCapped, requestSignal } from './http'
import { RequestError, httpStatusError, toRequestError } from './request-errors'
import { withRetries, type RetryPolicy } from './retries'

const MAX_REDIRECTS = 5
/** How the download names itself in its error messages. */
const what = 'Download'
const ACCEPTED_TYPES = [/^video\//, /^application\/octet-stream$/, /^binary\/octet-stream$/, /^application\/mp4$/]

export interface DownloadOptions {
  url: string
  /** Absolute path the clip ends up at. */
  destination: string
  agent: Dispatcher
  /** Where the clip may come from: checked on the URL and on every redirect before it is requested. */
  policy: DownloadPolicy
  maxBytes: number
  retry: RetryPolicy
  deadline: number
  signal?: AbortSignal
  log: (line: string) => void
  /** Throws when the destination is no longer a safe place to write; called once its folder exists and right before the rename. */
  checkDestination?: () => void
  /** Checks the whole file (at its temporary path) before it is renamed into place; a throw keeps it from the final name. */
  inspect?: (temporaryPath: string) => Promise<void>
}

export interface DownloadResult {
  path: string
  bytes: number
  sha256: string
  contentType: string
}

/** What an earlier attempt left in the temporary file, and how to ask for the rest of the same file. */
interface PartialDownload {
  tempPath: string
  /** Where the rest may be fetched from (after redirects) and the ETag or Last-Modified naming the file there. */
  resume?: { url: URL; validator: string }
}

export async function downloadVideo(options: DownloadOptions): Promise<DownloadResult> {
  await mkdir(path.dirname(options.destination), { recursive: true })
  options.checkDestination?.()
  const partial: PartialDownload = { tempPath: temporaryPathFor(options.destination) }
  try {
    const result = await withRetries(() => downloadOnce(options, partial), {
      policy: options.retry,
      deadline: options.deadline,
      signal: options.signal,
      onRetry: (error, delay) => options.log(`${error.message}; retrying the download in ${(delay / 1000).toFixed(1)}s.`),
    })
    await syncFile(partial.tempPath)
    await options.inspect?.(partial.tempPath)
    options.checkDestination?.()
    await renameReplacing(partial.tempPath, options.destination)
    return { ...result, path: options.destination }
  } finally {
    await removeLeftover(partial.tempPath)
  }
}

/** One attempt: the clip requested (the rest of it, when an earlier attempt left a resumable part), checked, stored, checked again. */
async function downloadOnce(options: DownloadOptions, partial: PartialDownload): Promise<Omit<DownloadResult, 'path'>> {
  const offset = partial.resume ? await sizeOf(partial.tempPath) : 0
  // Bounded by the deadline as well as the agent's idle timeout: a body that trickles cannot outlive the budget.
  const signal = requestSignal(options.deadline, options.signal)
  const { response, url } = await requestClip(options, partial, offset, signal)
  const { contentType, declared, resumed } = await acceptResponse(response, options.maxBytes, partial, offset)
  partial.resume = resumePointOf(response.headers, url)
  if (resumed) options.log(`Resuming the download at byte ${offset}.`)
  const meter = await storeBody(response.body, options.maxBytes, partial.tempPath, resumed, signal)
  const { bytes, sha256 } = meter
  await checkContent(partial, bytes, declared)
  return { bytes, sha256: sha256(), contentType: contentType || 'unknown' }
}

/**
 * Requests the clip (from byte `offset` when resuming, from where the last attempt was sent), following
 * redirects; every URL, the first and each redirect's, is checked against the download policy first.
 */
async function requestClip(
  options: DownloadOptions,
  partial: PartialDownload,
  offset: number,
  signal: AbortSignal,
): Promise<{ response: Dispatcher.ResponseData; url: URL }> {
  let url = offset > 0 && partial.resume ? partial.resume.url : new URL(options.url)
  for (let hop = 0; ; hop++) {
    const refusal = refusalOf(url, options.policy)
    if (refusal !== undefined) {
      throw new RequestError(
        `${what} failed: ${hop > 0 ? 'the clip URL redirects to a place clips are not fetched from: ' : ''}${refusal}`,
        notRetryable,
      )
    }
    const headers = requestHeaders(offset, partial)
    let response: Dispatcher.ResponseData
    try {
      response = await request(url, { method: 'GET', dispatcher: options.agent, signal, headers })
    } catch (error) {
      throw toRequestError(error, what, signal)
    }
    const { statusCode } = response
    if (statusCode < 300 || statusCode >= 400) return { response, url }
    url = await redirectTarget(response, url, hop, options.log)
  }
}

/** The request's headers: a Range for the rest of the file, valid only if the server still has the same file. */
function requestHeaders(offset: number, partial: PartialDownload): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'video/*, application/octet-stream;q=0.9',
    'user-agent': 'foxapi-video-action',
  }
  if (offset > 0 && partial.resume) {
    headers.range = `bytes=${offset}-`
    headers['if-range'] = partial.resume.validator
  }
  return headers
}

/** Where a redirect (its body dropped) points, when it names a place and the redirects are not too many. */
async function redirectTarget(response: Dispatcher.ResponseData, url: URL, hop: number, log: (line: string) => void): Promise<URL> {
  await response.body.dump()
  const location = header(response.headers, 'location')
  if (!location) throw new RequestError(`${what} failed: redirect (HTTP ${response.statusCode}) without a Location`, notRetryable)
  if (hop >= MAX_REDIRECTS) throw new RequestError(`${what} failed: more than ${MAX_REDIRECTS} redirects`, notRetryable)
  const next = new URL(location, url)
  if (next.origin !== url.origin) log(`The clip's URL redirects to ${next.origin}; following it.`)
  return next
}

/** What an accepted response promises: its media type, its length in all (NaN when unsaid), and whether it continues the partial file. */
interface AcceptedResponse {
  contentType: string
  declared: number
  resumed: boolean
}

/**
 * Checks the response before its body is read: an error status, a type that is not a video, a length over the
 * limit, or a resume that does not fit the partial file (then the next attempt starts over) throws.
 */
async function acceptResponse(
  response: Dispatcher.ResponseData,
  maxBytes: number,
  partial: PartialDownload,
  offset: number,
): Promise<AcceptedResponse> {
  const { statusCode } = response
  /** The partial file no longer fits what the server has: the next attempt starts over. */
  const startOver = async (reason: string) => {
    await response.body.dump()
    partial.resume = undefined
    return new RequestError(`${what} failed: ${reason}`, { retryable: true, mayHaveBeenProcessed: true })
  }
  if (statusCode === 416) throw await startOver(`the server refused to resume at byte ${offset}`)
  if (statusCode >= 400) {
    const text = await readBodyCapped(response, what, 64 * 1024).catch(() => '')
    throw httpStatusError(statusCode, parseJsonSafely(text), response.headers, what)
  }
  const contentType = (header(response.headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (contentType !== '' && !ACCEPTED_TYPES.some((pattern) => pattern.test(contentType))) {
    await response.body.dump()
    throw new RequestError(`${what} failed: the server sent ${contentType}, not a video`, notRetryable)
  }
  // 206 continues the file from `offset`; 200 (or a 206 that does not start there) starts it over.
  const range = statusCode === 206 ? contentRange(response.headers) : undefined
  const resumed = offset > 0 && range?.start === offset
  if (statusCode === 206 && !resumed) throw await startOver('the server resumed at the wrong byte')
  const declared = resumed ? (range?.total ?? Number.NaN) : Number(header(response.headers, 'content-length') ?? Number.NaN)
  if (declared > maxBytes) {
    await response.body.dump()
    throw new RequestError(`${what} failed: the clip is ${declared} bytes, over max-download-size (${maxBytes} bytes)`, notRetryable)
  }
  return { contentType, declared, resumed }
}

/** Where a download cut short could resume: `url`, if the server names the file with a strong ETag or a Last-Modified. */
function resumePointOf(headers: Record<string, string | string[] | undefined>, url: URL): PartialDownload['resume'] {
  const validator = header(headers, 'etag') ?? header(headers, 'last-modified')
  return validator && !validator.startsWith('W/') ? { url, validator } : undefined
}

/**
 * Writes the body to the temporary file (appended when `resumed`), counted and hashed on the way, the part
 * already there included; over `maxBytes` it stops. Returns the meter, which knows the bytes and the hash.
 */
async function storeBody(body: Readable, maxBytes: number, tempPath: string, resumed: boolean, signal: AbortSignal): Promise<HashingMeter> {
  const meter = new HashingMeter(
    maxBytes,
    () => new RequestError(`${what} failed: the clip is over max-download-size (${maxBytes} bytes)`, notRetryable),
  )
  if (resumed) await meter.countFile(tempPath)
  try {
    await writeKeepingWhatArrived(body, meter, createWriteStream(tempPath, { flags: resumed ? 'a' : 'w' }))
  } catch (error) {
    throw toRequestError(error, what, signal)
  }
  return meter
}

/** Checks what was stored: all the bytes announced, not nothing, and a video by its first bytes (else no resume). */
async function checkContent(partial: PartialDownload, bytes: number, declared: number): Promise<void> {
  if (Number.isFinite(declared) && bytes !== declared) {
    throw new RequestError(`${what} failed: got ${bytes} of ${declared} bytes`, {
      retryable: true,
      mayHaveBeenProcessed: true,
    })
  }
  if (bytes === 0) throw new RequestError(`${what} failed: the server sent an empty file`, notRetryable)
  // Whatever the Content-Type said: a login page or an error JSON served as video/mp4 is not saved as the clip.
  const start = await firstBytes(partial.tempPath, 12)
  if (!isVideoContainer(start)) {
    partial.resume = undefined
    throw new RequestError(
      `${what} failed: what the server sent is not a video (no MP4/MOV or WebM/Matroska signature; it starts with ${hexOf(start)}), so it was not saved`,
      notRetryable,
    )
  }
}

/**
 * Streams `body` through `meter` into `file`, like `pipeline`, except when the body breaks off (a reset, a stall,
 * the run being stopped): then every byte that did arrive is written before the error is passed on, so the
 * next attempt resumes from all of them (pipeline would destroy the file stream with writes still queued, and
 * the resume would start further back than it needs to). Any other failure (the meter's size limit, the disk)
 * stops at once, as pipeline does.
 */
function writeKeepingWhatArrived(body: Readable, meter: Transform, file: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let broken: Error | undefined
    const fail = (error: Error) => {
      body.destroy()
      meter.destroy()
      file.destroy()
      reject(broken ?? error)
    }
    body.once('error', (error: Error) => {
      broken = error
      body.unpipe(meter)
      meter.end() // flushes what it holds into the file, which then ends
    })
    meter.once('error', fail)
    file.once('error', fail)
    file.once('finish', () => (broken === undefined ? resolve() : reject(broken)))
    body.pipe(meter).pipe(file)
  })
}

const notRetryable = { retryable: false, mayHaveBeenProcessed: true } as const

async function sizeOf(file: string): Promise<number> {
  return stat(file).then(
    (s) => s.size,
    () => 0,
  )
}

/** `Content-Range: bytes 100-7734/7735` → { start: 100, total: 7735 }. */
function contentRange(headers: Record<string, string | string[] | undefined>): { start: number; total: number } | undefined {
  const match = /^bytes (\d+)-\d+\/(\d+)$/.exec(header(headers, 'content-range') ?? '')
  return match ? { start: Number(match[1]), total: Number(match[2]) } : undefined
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The first `count` bytes of a file (fewer when it is shorter). */
async function firstBytes(file: string, count: number): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(count)
    const { bytesRead } = await handle.read(buffer, 0, count, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** Bytes as hex pairs: shows what a file starts with without printing the server's text. */
function hexOf(bytes: Buffer): string {
  return [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ') || 'nothing'
}
