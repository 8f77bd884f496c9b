// FoxAPI's file API as the simulator plays it (shared/foxapi-catalog.md §2): `POST /v1/files/upload/stream`
// (multipart/form-data: `file`, `file_name`, `auto_cleanup`), `/v1/files/upload/base64` (JSON `file_data`) and
// `/v1/files/upload/url` (JSON: a URL the server fetches; only loopback URLs here, the tests' network). Each answers
// `{id, filename, url, size, created}`. The files are kept and served at their URL on the CDN host, under a storage
// quota: with `auto_cleanup` true (the default) the oldest uploads are deleted to make room, with false a full
// storage answers 403. A create that references an upload URL the server does not hold (never received, or deleted)
// makes a task that fails, as FoxAPI's would when it cannot fetch the media. Every upload is recorded, bytes and all.
// The multipart body is parsed by undici's Response.formData() (the action writes it with undici's FormData).
import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Response } from 'undici'

/** One upload the server accepted. */
export interface ReceivedUpload {
  id: string
  route: 'stream' | 'base64' | 'url'
  fileName: string
  /** The `file` part's own name and type (stream uploads). */
  partName?: string
  partType?: string
  autoCleanup: boolean
  bytes: Buffer
  sha256: string
  url: string
  created: number
  /** When its request began and when its body had arrived (epoch ms): the bench's upload throughput. */
  startedAt: number
  receivedAt: number
  authorization: string | undefined
  /** Its place in the simulator's `requests` (to compare with the create's). */
  requestIndex: number
}

export interface FileUploads {
  /** Every upload accepted, in order (also those deleted since). */
  received: ReceivedUpload[]
  /** The uploads deleted to make room (auto_cleanup). */
  evicted: ReceivedUpload[]
  /** Bytes held now. */
  usedBytes(): number
  /** Whether the request is one of the upload routes (API host) or a stored file (CDN host). */
  handles(req: IncomingMessage, host: 'api' | 'cdn'): boolean
  handle(req: IncomingMessage, res: ServerResponse, host: 'api' | 'cdn'): Promise<void>
  /** Upload URLs of this server in `request` (at any depth) that it does not hold. */
  missingIn(request: unknown): string[]
}

/** What the uploads share with the rest of the simulator. */
export interface UploadContext {
  quotaBytes: number
  apiKeys: ReadonlySet<string>
  cdnUrl: () => string
  /** Records a request in the simulator's list; returns its index. */
  record: (request: { host: 'api'; method: string; path: string; headers: IncomingMessage['headers']; body: string; at: number }) => number
  /** The upload route's next injected fault (reset, status, body, redirect; delay holds it back), answered by the simulator (true when it answered). */
  answerFault: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>
}

const ROUTES: Record<string, ReceivedUpload['route']> = {
  '/v1/files/upload/stream': 'stream',
  '/v1/files/upload/base64': 'base64',
  '/v1/files/upload/url': 'url',
}
const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', mp4: 'video/mp4' }

export function createFileUploads(context: UploadContext): FileUploads {
  const received: ReceivedUpload[] = []
  const evicted: ReceivedUpload[] = []
  /** Held files, oldest first, by URL path. */
  const held = new Map<string, ReceivedUpload>()
  const usedBytes = () => [...held.values()].reduce((sum, file) => sum + file.bytes.length, 0)
  const pathOf = (url: string) => new URL(url).pathname

  const store = (res: ServerResponse, upload: Omit<ReceivedUpload, 'id' | 'url' | 'created' | 'sha256'>): void => {
    const size = upload.bytes.length
    if (size > context.quotaBytes)
      return sendError(res, 413, 'invalid_request_error', `the file (${size} bytes) is larger than the storage`)
    if (!upload.autoCleanup && usedBytes() + size > context.quotaBytes) {
      const message = `storage is full (${usedBytes()} of ${context.quotaBytes} bytes used): delete files, or upload with auto_cleanup true`
      return sendError(res, 403, 'storage_full_error', message, 'storage_quota_exceeded')
    }
    for (const [key, oldest] of held) {
      if (usedBytes() + size <= context.quotaBytes) break
      held.delete(key)
      evicted.push(oldest)
    }
    const created = Math.floor(Date.now() / 1000)
    const id = `file-${created}-${randomBytes(4).toString('hex')}`
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '')
    const url = `${context.cdnUrl()}/uploads/${day}/${randomBytes(8).toString('hex')}/${encodeURIComponent(upload.fileName)}`
    const file: ReceivedUpload = { ...upload, id, url, created, sha256: createHash('sha256').update(upload.bytes).digest('hex') }
    received.push(file)
    held.set(pathOf(url), file)
    sendJson(res, 200, { id, filename: upload.fileName, url, size, created })
  }

  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    const file = held.get(new URL(req.url ?? '/', 'http://cdn').pathname)
    if (!file) return sendError(res, 404, 'not_found', 'no such file')
    const type = TYPES[file.fileName.split('.').at(-1)?.toLowerCase() ?? ''] ?? 'application/octet-stream'
    res.writeHead(200, { 'content-type': type, 'content-length': String(file.bytes.length) })
    res.end(req.method === 'HEAD' ? undefined : file.bytes)
  }

  const upload = async (req: IncomingMessage, res: ServerResponse, route: ReceivedUpload['route']): Promise<void> => {
    const startedAt = Date.now()
    const body = await readBody(req)
    if (body === undefined) return // the client went away mid-body: nothing is stored
    const text = route === 'stream' ? '' : body.toString('utf8')
    const at = Date.now()
    const requestIndex = context.record({
      host: 'api',
      method: req.method ?? '',
      path: req.url ?? '/',
      headers: { ...req.headers },
      body: text,
      at,
    })
    if (await context.answerFault(req, res)) return
    const authorization = req.headers.authorization
    const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
    if (key === undefined || !context.apiKeys.has(key)) return sendError(res, 401, 'authentication_error', 'Invalid or missing API key')
    const common = { route, authorization, requestIndex, startedAt, receivedAt: at }
    const parsed = route === 'stream' ? await fromMultipart(req, body) : route === 'base64' ? fromBase64(text) : await fromUrl(text)
    if ('problem' in parsed) return sendError(res, parsed.status ?? 400, 'invalid_request_error', parsed.problem)
    store(res, { ...common, ...parsed })
  }

  return {
    received,
    evicted,
    usedBytes,
    handles: (req, host) => {
      const pathname = new URL(req.url ?? '/', 'http://simulator').pathname
      if (host === 'cdn') return pathname.startsWith('/uploads/')
      return req.method === 'POST' && Object.hasOwn(ROUTES, pathname)
    },
    handle: async (req, res, host) => {
      if (host === 'cdn') return serve(req, res)
      await upload(req, res, ROUTES[new URL(req.url ?? '/', 'http://simulator').pathname] ?? 'stream')
    },
    missingIn: (request) => {
      const prefix = `${context.cdnUrl()}/uploads/`
      return stringsIn(request).filter((text) => text.startsWith(prefix) && !held.has(pathOf(text)))
    },
  }
}

type Parsed = Pick<ReceivedUpload, 'fileName' | 'autoCleanup' | 'bytes' | 'partName' | 'partType'> | { problem: string; status?: number }

/** The stream route's multipart body: `file` (required), `file_name`, `auto_cleanup` (`true`/`false`). */
async function fromMultipart(req: IncomingMessage, body: Buffer): Promise<Parsed> {
  const type = req.headers['content-type'] ?? ''
  if (!/^multipart\/form-data;\s*boundary=/i.test(type)) return { problem: 'Content-Type must be multipart/form-data' }
  let form: Awaited<ReturnType<Response['formData']>>
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData()
  } catch (error) {
    return { problem: `the multipart body cannot be read (${String(error)})` }
  }
  const file = form.get('file')
  if (file === null || typeof file === 'string') return { problem: 'file is required (a file part)' }
  const cleanup = autoCleanupOf(form.get('auto_cleanup'))
  if (cleanup === undefined) return { problem: 'auto_cleanup must be true or false' }
  const named = form.get('file_name')
  const fileName = typeof named === 'string' && named !== '' ? named : file.name
  return { fileName, autoCleanup: cleanup, bytes: Buffer.from(await file.arrayBuffer()), partName: file.name, partType: file.type }
}

/** The base64 route: JSON `{file_data, file_name?, auto_cleanup?}`, `file_data` bare base64 (no `data:` prefix). */
function fromBase64(text: string): Parsed {
  const json = parseObject(text)
  if (!json) return { problem: 'the body must be a JSON object' }
  const data = json.file_data
  if (typeof data !== 'string' || data === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(data) || data.length % 4 !== 0)
    return { problem: 'file_data is required: the file as bare base64' }
  const cleanup = autoCleanupOf(json.auto_cleanup)
  if (cleanup === undefined) return { problem: 'auto_cleanup must be a boolean' }
  return {
    fileName: typeof json.file_name === 'string' ? json.file_name : 'file',
    autoCleanup: cleanup,
    bytes: Buffer.from(data, 'base64'),
  }
}

/** The URL route: JSON `{file_url (or url), file_name?, auto_cleanup?}`; the simulator fetches loopback URLs only. */
async function fromUrl(text: string): Promise<Parsed> {
  const json = parseObject(text)
  const source = json?.file_url ?? json?.url
  if (typeof source !== 'string') return { problem: 'file_url is required' }
  let url: URL
  try {
    url = new URL(source)
  } catch {
    return { problem: 'file_url must be a URL' }
  }
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    return { problem: `cannot download ${url.host} (the simulator fetches loopback URLs only)`, status: 422 }
  const cleanup = autoCleanupOf(json?.auto_cleanup)
  if (cleanup === undefined) return { problem: 'auto_cleanup must be a boolean' }
  const answer = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined)
  if (!answer?.ok) return { problem: `could not download ${source}`, status: 422 }
  const fileName = typeof json?.file_name === 'string' ? json.file_name : (url.pathname.split('/').at(-1) ?? 'file')
  return { fileName: decodeURIComponent(fileName), autoCleanup: cleanup, bytes: Buffer.from(await answer.arrayBuffer()) }
}

/** `auto_cleanup`: absent means true (FoxAPI's default); text or a boolean. */
function autoCleanupOf(value: unknown): boolean | undefined {
  if (value === null || value === undefined) return true
  if (value === true || value === 'true') return true
  if (value === false || value === 'false') return false
  return undefined
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(text)
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** Every string in a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn)
  return []
}

/** The whole request body, or undefined when the client went away before its end. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('aborted', () => resolve(undefined))
    req.on('error', () => resolve(undefined))
    req.on('close', () => {
      if (!req.complete) resolve(undefined)
    })
  })
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) })
  res.end(text)
}

function sendError(res: ServerResponse, status: number, type: string, message: string, code?: string): void {
  sendJson(res, status, { error: { message, type, ...(code ? { code } : {}) } })
}
