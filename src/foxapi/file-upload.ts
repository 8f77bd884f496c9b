// FoxAPI's file API: `POST /v1/files/upload/stream` (multipart/form-data: `file`, `file_name`, `auto_cleanup`), whose
// reply `{id, filename, url, size, created}` names the URL a request may then reference. The same client as every
// other call: the key only to the base URL's origin, no redirect followed, the request timeout, the body caps, and
// the run's retry policy (429 with Retry-After, 5xx, resets). An upload is free, so every retryable failure is
// retried, each attempt streaming the file afresh. The multipart body is written by undici's FormData; its file part
// streams from the caller's stream (never read whole), so memory does not grow with the file.
import type { Readable } from 'node:stream'
import { ReadableStream as WebReadableStream } from 'node:stream/web'
import { FormData, request, type Dispatcher } from 'undici'
import { z } from 'zod'
import * as log from '../log'
import { ChangedFileError } from '../media/verified-read'
import type { ApiClientOptions, CallOptions } from './api-client'
import { apiBase, seconds, wireRequest } from './api-client'
import { parseJsonSafely, readApiReply, requestSignal } from './http'
import { RequestError, httpStatusError, toRequestError } from './request-errors'
import { withRetries } from './retries'

/** Path of the stream upload, relative to the base URL. */
export const UPLOAD_PATH = 'v1/files/upload/stream'

/** One file to upload. */
export interface UploadRequest {
  /** A fresh stream of the file's bytes, for each attempt (it errors when they are not the bytes expected). */
  open(): Readable
  /** Its length in bytes (the multipart body's length is announced up front). */
  bytes: number
  /** The name FoxAPI stores it under (`file_name`), e.g. `product.png`. */
  fileName: string
  mime: string
  /** `auto_cleanup`: FoxAPI may delete the account's oldest uploads to make room (its default). */
  autoCleanup: boolean
}

/** What FoxAPI stored. */
export interface UploadedFile {
  /** The URL a request references. */
  url: string
  id?: string
  bytes: number
}

const MAX_URL_CHARS = 2048

const uploadReply = z.looseObject({
  url: z.string().max(MAX_URL_CHARS),
  size: z.number().optional(),
  id: z.string().max(200).optional(),
})

export class FileUploader {
  private readonly base: URL
  private readonly retryLog = log.throttled()

  constructor(private readonly options: ApiClientOptions) {
    this.base = apiBase(options.baseUrl)
  }

  /** Uploads `file`, retrying whatever may succeed on another try (an upload is free: nothing is paid twice). */
  async upload(file: UploadRequest, call: CallOptions): Promise<UploadedFile> {
    return withRetries(() => this.send(file, call), {
      ...call,
      policy: this.options.retry,
      onRetry: (error, delay, attempt) =>
        this.retryLog(error.message, `${error.message}; an upload is free, so retrying: attempt ${attempt + 2} in ${seconds(delay)}.`),
    })
  }

  private async send(file: UploadRequest, call: CallOptions): Promise<UploadedFile> {
    // The key and headers of every call (no JSON body: the form sets its own content type).
    const wire = wireRequest(this.base, 'POST', UPLOAD_PATH, this.options.apiKey, this.options.userAgent)
    const url = new URL(wire.url)
    if (url.origin !== this.base.origin) throw new Error(`Refusing to send the API key to ${url.origin}`)
    const source = file.open()
    try {
      return await this.post(url, wire.headers, source, file, call)
    } finally {
      // Closes the file, also when FoxAPI answered before reading the whole body (a refusal) or the request never left.
      source.destroy()
    }
  }

  private async post(
    url: URL,
    headers: Record<string, string>,
    source: Readable,
    file: UploadRequest,
    call: CallOptions,
  ): Promise<UploadedFile> {
    const what = `Upload of ${file.fileName}`
    const form = new FormData()
    form.append('file', streamedFile(source, file.bytes, file.fileName, file.mime))
    form.append('file_name', file.fileName)
    form.append('auto_cleanup', String(file.autoCleanup))
    const signal = requestSignal(call.deadline, call.signal)
    let response: Dispatcher.ResponseData
    try {
      response = await request(url, {
        method: 'POST',
        dispatcher: this.options.agent,
        signal,
        headers,
        body: form,
      })
    } catch (error) {
      throw changedFileIn(error) ?? toRequestError(error, what, signal)
    }
    const text = await readApiReply(response, what, this.base.origin, signal)
    return this.uploadedFile(response, text, what, file.bytes)
  }

  /** The stored file a reply names; an error status, or a reply without a usable URL or with another size, throws. */
  private uploadedFile(response: Pick<Dispatcher.ResponseData, 'statusCode' | 'headers'>, text: string, what: string, bytes: number) {
    const json = parseJsonSafely(text)
    if (response.statusCode >= 400) throw httpStatusError(response.statusCode, json, response.headers, what)
    const parsed = uploadReply.safeParse(json)
    const bad = (why: string, retryable = false) =>
      new RequestError(`${what} failed: FoxAPI's reply ${why}`, {
        status: response.statusCode,
        retryable,
        mayHaveBeenProcessed: true,
        badReply: true,
      })
    if (!parsed.success) throw bad('names no file URL')
    const { url, size, id } = parsed.data
    if (!this.usableUrl(url))
      throw bad(`names no usable file URL (an ${this.base.protocol === 'https:' ? 'https' : 'http(s)'} URL is expected)`)
    // Another size than was sent: the bytes were damaged on the way. Sending them again is free.
    if (size !== undefined && size !== bytes) throw bad(`says ${size} bytes were stored, but ${bytes} were sent`, true)
    return { url, bytes, ...(id !== undefined ? { id } : {}) }
  }

  /** An absolute http(s) URL (https when the API is reached over https), without spaces or control characters. */
  private usableUrl(text: string): boolean {
    if ([...text].some((char) => char.trim() === '' || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return false
    try {
      const url = new URL(text)
      const protocols = this.base.protocol === 'https:' ? ['https:'] : ['https:', 'http:']
      return protocols.includes(url.protocol) && url.hostname !== '' && url.username === '' && url.password === ''
    } catch {
      return false
    }
  }
}

/**
 * A File for undici's FormData whose bytes come from `source` (read as undici writes the body, never held whole) and
 * whose size is `bytes` (the multipart body's length is announced from it). undici reads a file part through its
 * `size` and `stream()`; both are set on the instance. The stream is pulled one piece at a time (ReadableStream.from
 * queues nothing ahead), so a slow connection holds back the reading instead of filling the memory.
 */
function streamedFile(source: Readable, bytes: number, name: string, type: string): File {
  const file = new File([], name, { type })
  const stream = (): WebReadableStream<Uint8Array> => WebReadableStream.from<Uint8Array>(source)
  Object.defineProperties(file, { size: { value: bytes }, stream: { value: stream } })
  return file
}

/** The ChangedFileError somewhere in what undici threw: the file changed while it was being sent. */
function changedFileIn(error: unknown): ChangedFileError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    if (e instanceof ChangedFileError) return e
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}
