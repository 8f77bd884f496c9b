// A FoxAPI-compatible HTTP simulator (see ../shared/foxapi.md): `POST /v1/videos/generations` for every
// documented video model, `GET /v1/tasks/{id}` (with `?sync_upstream=true`), and the finished clips under
// `/files/`. FoxAPI documents no cancel route, so `POST /v1/tasks/{id}/cancel` exists only when asked for.
// It validates requests as the API documents, moves tasks pending → processing → completed with progress,
// and serves each finished task a real MP4 of the shape its request asked for (simulator/mp4-writer.ts: aspect
// ratio, resolution, duration or multi_prompt segments, generated audio). Faults are injected per route (status codes, resets, slow headers,
// truncated or redirected downloads, a file cut short, an MP4 header followed by garbage, a clip of the wrong
// shape), and every request is recorded for the tests to inspect.
// A second listener on another port plays the CDN ("another host") that a result URL may redirect to.
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createFileUploads, type FileUploads } from './file-uploads'
import { assetResultOf, clipRequestOf, MODEL_RULES, modelBodyProblem } from './model-rules'
import { writeMp4, type ClipShape } from './mp4-writer'
import { compactSizesBombClip, fragmentBombClip, paddingBitsBombClip } from './hostile-clips'

const here = path.dirname(fileURLToPath(import.meta.url))
/** A real encoder's clip (ffmpeg: H.264/AAC, 160×90, 1 s), for tests of the metadata reader; not served. */
export const ENCODED_CLIP_FILE = path.join(here, 'fixtures/clip.mp4')

/** `resolution` → the picture's short side; without one (or `auto`), 720. */
const SHORT_SIDES: Record<string, number> = { '360p': 360, '480p': 480, '540p': 540, '720p': 720, '1080p': 1080, '2160p': 2160, '4k': 2160 }

/**
 * The shape of the clip a request asks for, with its model's defaults (simulator/model-rules.ts); what the model
 * leaves open (`auto`, `adaptive`, a length that follows an input) is 16:9, 720p, 5 s, no audio.
 */
export function requestedShape(request: Record<string, unknown>): ClipShape {
  const asked = clipRequestOf(request)
  const [w, h] = (typeof asked.aspect === 'string' && /^\d+:\d+$/.test(asked.aspect) ? asked.aspect : '16:9').split(':').map(Number) as [
    number,
    number,
  ]
  const short = SHORT_SIDES[String(asked.resolution)] ?? 720
  const even = (n: number) => Math.round(n / 2) * 2
  const [width, height] = w >= h ? [even((short * w) / h), short] : [short, even((short * h) / w)]
  const segments = Array.isArray(request.multi_prompt) ? (request.multi_prompt as { duration?: unknown }[]) : []
  const total = segments.reduce((sum, s) => sum + (typeof s?.duration === 'number' ? s.duration : 0), 0)
  const seconds = total > 0 ? total : typeof asked.seconds === 'number' && asked.seconds > 0 ? asked.seconds : 5
  return { width, height, seconds, audio: asked.audio }
}

const clips = new Map<string, Buffer>()
/** The MP4 the simulator serves for `request` (the same bytes for the same shape). */
export function clipFor(request: Record<string, unknown>, override: Partial<ClipShape> = {}): Buffer {
  const shape = { ...requestedShape(request), ...override }
  const id = JSON.stringify(shape)
  let clip = clips.get(id)
  if (!clip) clips.set(id, (clip = writeMp4(shape)))
  return clip
}

/** The clip cut short: its first `share` of bytes (the moov whole, its samples past the end). */
export function truncatedClip(clip: Buffer, share = 0.6): Buffer {
  return clip.subarray(0, Math.floor(clip.length * share))
}

/** The clip with its first sample table declaring 0xffffffff samples (of its one sample size). */
export function sampleBombClip(clip: Buffer): Buffer {
  const bomb = Buffer.from(clip)
  bomb.writeUInt32BE(0xffff_ffff, bomb.indexOf('stsz', 0, 'latin1') + 12)
  return bomb
}

const BREAKERS = {
  truncated: (clip: Buffer) => truncatedClip(clip),
  garbage: garbageClip,
  samples: sampleBombClip,
  fragments: fragmentBombClip,
  compact: compactSizesBombClip,
  padding: paddingBitsBombClip,
}

/** An MP4's `ftyp` header followed by garbage: starts like a video, holds nothing an MP4 reader can use. */
export function garbageClip(clip: Buffer): Buffer {
  const garbage = Buffer.alloc(clip.length)
  clip.copy(garbage, 0, 0, clip.readUInt32BE(0))
  for (let i = clip.readUInt32BE(0); i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251
  return garbage
}

export const DEFAULT_API_KEYS = ['sk-test-valid-key']
/** The models of shared/foxapi-catalog.md, each with the body FoxAPI documents (simulator/model-rules.ts). */
export const KNOWN_MODELS = Object.keys(MODEL_RULES)

export type Route = 'create' | 'poll' | 'cancel' | 'download' | 'upload'

export type FaultKind =
  /** Answer with this status and FoxAPI's error body instead of doing the work. */
  | { type: 'status'; status: number; errorType?: string; message?: string; code?: string; retryAfter?: string }
  /** Drop the connection before answering (the request was not acted on). */
  | { type: 'reset' }
  /** Do the work (a create makes its task), then drop the connection before answering. */
  | { type: 'resetAfterReceive' }
  /** Hold the response headers back this long. */
  | { type: 'delayHeaders'; ms: number }
  /** Downloads: announce the whole file, send only this many bytes, then drop the connection (optionally naming the file with another ETag, as if it changed since). */
  | { type: 'truncate'; bytes: number; etag?: string }
  /** Redirect to the same path on the CDN host (another origin): a download's normal life, an API call's trap. */
  | { type: 'redirect' }
  /** Downloads: send this many bytes, then neither more nor a close (a hung connection). */
  | { type: 'stall'; bytes: number }
  /** Downloads: send the file with this Content-Type. */
  | { type: 'contentType'; value: string }
  /** Answer with this raw body instead (an HTML maintenance page, a JSON that is not a task, a login page as video/mp4). */
  | { type: 'body'; status: number; contentType: string; body: string }
  /**
   * Downloads: a whole HTTP answer whose file is broken: cut short (`truncated`), an MP4 header then garbage, or a
   * sample table that declares four billion samples in a few bytes (`samples`: a reader that lists them all dies),
   * or another bomb of simulator/hostile-clips.ts (`fragments`, `compact`, `padding`).
   */
  | { type: 'brokenClip'; how: 'truncated' | 'garbage' | 'samples' | 'fragments' | 'compact' | 'padding' }
  /** Downloads: a real clip of another shape than asked (e.g. `{ width: 1280, height: 720 }` when 9:16 was asked, or `{ seconds: 5 }`). */
  | { type: 'clipShape'; shape: Partial<ClipShape> }

export interface Fault {
  route: Route
  /** How many matching requests it hits (default 1). Faults of one route apply in the order given. */
  times?: number
  kind: FaultKind
}

/** How a task turns out; chosen per create request by `scenario`. */
export interface TaskScenario {
  outcome?: 'completed' | 'failed' | 'cancelled'
  error?: { code: string; message: string }
  /** Where the clip's URL goes: `results[].url` (default) or `output.url` / `output.urls`. */
  resultShape?: 'results' | 'output'
  /** Whether FoxAPI lets this task be cancelled while it runs (default true). */
  canCancel?: boolean
  /** Overrides the simulator's taskDurationMs. */
  durationMs?: number
  /** `usage.credits_reserved` in the task's replies (default 5); null leaves `usage` out. */
  credits?: number | null
  /** Once completed, this many queries answer `completed` with empty `results` before the URL fills in. */
  emptyResultsPolls?: number
  /** FoxAPI misses the upstream's end: plain queries stay `processing` (progress frozen) until one asks `sync_upstream=true`. */
  staleUntilSync?: boolean
  /** The clip carries content credentials: a C2PA manifest box (simulator/c2pa-box.ts). */
  contentCredentials?: boolean
}

export interface SimulatorOptions {
  /** Time from creation to the end state (default 3s). The first tenth (at most 250 ms) is `pending`. */
  taskDurationMs?: number
  apiKeys?: string[]
  /** Valid keys whose balance is too low: creates answer 402. */
  brokeKeys?: string[]
  faults?: Fault[]
  scenario?: (request: Record<string, unknown>) => TaskScenario
  /** Port of the API listener (default: a free one). */
  port?: number
  /** Serve `POST /v1/tasks/{id}/cancel` (default false: FoxAPI documents no cancel route, so it answers 404). */
  cancelRoute?: boolean
  /** `full` (default): task_info, usage and the `cancelled` status; `lean`: the newer page's four statuses, no task_info. */
  replyVersion?: 'full' | 'lean'
  /** Models FoxAPI serves beyond the documented ones: accepted without any check of their fields. */
  extraModels?: string[]
  /** Fields no channel supports right now: a create sending any answers 422 `unsupported_advanced_options`. */
  unsupportedOptions?: string[]
  /** The clip every task delivers (default: a real MP4 of the shape each task asked for); the bench serves bigger ones. */
  clip?: Buffer
  /** The account's file storage, in bytes (default 256 MiB): see simulator/file-uploads.ts. */
  uploadQuotaBytes?: number
}

export interface RecordedRequest {
  host: 'api' | 'cdn'
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  body: string
  at: number
}

export interface SimulatedTask {
  id: string
  model: string
  request: Record<string, unknown>
  scenario: TaskScenario
  createdAt: number
  durationMs: number
  /** Set when cancelled through the API. */
  cancelledAt?: number
  /** Queries answered since it completed (for `emptyResultsPolls`). */
  completedQueries: number
  /** Set by a `sync_upstream=true` query after the task's end (for `staleUntilSync`). */
  synced: boolean
  /** Current status (computed from the clock). */
  readonly status: string
}

export interface FoxApiSimulator {
  url: string
  cdnUrl: string
  requests: RecordedRequest[]
  tasks: Map<string, SimulatedTask>
  createCount(): number
  /** Most tasks that were running (created, not yet finished or cancelled) at the same moment. */
  maxConcurrentTasks(): number
  addFault(fault: Fault): void
  /** The file API: uploads received, files held and deleted (simulator/file-uploads.ts). */
  uploads: FileUploads
  close(): Promise<void>
}

interface Rejection {
  status: number
  type: string
  message: string
  code?: string
  /** With `unsupported_advanced_options`: the fields no channel supports. */
  unsupported_options?: string[]
}

/** FoxAPI's answer when validation passed but no channel supports some advanced fields (422 with `error.code`). */
function unsupported(request: unknown, fields: string[] | undefined): Rejection | undefined {
  const sent = (fields ?? []).filter((field) => (request as Record<string, unknown>)[field] !== undefined)
  if (sent.length === 0) return undefined
  return {
    status: 422,
    type: 'invalid_request_error',
    code: 'unsupported_advanced_options',
    message: `no available channel supports the advanced options: ${sent.join(', ')}`,
    unsupported_options: sent,
  }
}

export async function startFoxApiSimulator(options: SimulatorOptions = {}): Promise<FoxApiSimulator> {
  const apiKeys = new Set([...(options.apiKeys ?? DEFAULT_API_KEYS), ...(options.brokeKeys ?? [])])
  const brokeKeys = new Set(options.brokeKeys ?? [])
  const faults = (options.faults ?? []).map((f) => ({ ...f, left: f.times ?? 1 }))
  const requests: RecordedRequest[] = []
  const tasks = new Map<string, SimulatedTask>()
  let apiUrl = ''
  let cdnUrl = ''

  const takeFault = (route: Route): FaultKind | undefined => {
    const fault = faults.find((f) => f.route === route && f.left > 0)
    if (!fault) return undefined
    fault.left--
    return fault.kind
  }

  const uploads = createFileUploads({
    quotaBytes: options.uploadQuotaBytes ?? 256 * 1024 * 1024,
    apiKeys,
    cdnUrl: () => cdnUrl,
    record: (request) => requests.push(request) - 1,
    answerFault: async (req, res) => {
      const fault = takeFault('upload')
      if (fault?.type === 'delayHeaders') await delay(fault.ms, res)
      if (fault?.type === 'reset') req.socket.destroy()
      else if (fault?.type === 'status') sendFault(res, fault)
      else if (fault?.type === 'body') sendBody(res, fault)
      else if (fault?.type === 'redirect') redirectToCdn(res, req.url ?? '/')
      else return false
      return true
    },
  })

  const createTask = (request: Record<string, unknown>): SimulatedTask => {
    const createdAt = Date.now()
    // FoxAPI fetches a task's media when it runs it: an upload it does not hold fails the task.
    const missing = uploads.missingIn(request)
    const failed = {
      outcome: 'failed' as const,
      error: { code: 'invalid_media', message: `could not fetch ${missing[0]}: no such upload` },
    }
    const scenario = { ...options.scenario?.(request), ...(missing.length > 0 ? failed : {}) }
    const task: SimulatedTask = {
      id: `task-unified-${Math.floor(createdAt / 1000)}-${randomBytes(6)
        .toString('base64url')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x')
        .slice(0, 8)}`,
      model: String(request.model),
      request,
      scenario,
      createdAt,
      durationMs: scenario.durationMs ?? options.taskDurationMs ?? 3_000,
      completedQueries: 0,
      synced: false,
      get status() {
        return stateOf(this).status
      },
    }
    tasks.set(task.id, task)
    return task
  }

  const lean = options.replyVersion === 'lean'
  const envelope = (task: SimulatedTask, query?: { sync: boolean }): Record<string, unknown> => {
    let state = stateOf(task)
    if (query?.sync && state.status !== 'processing' && state.status !== 'pending') task.synced = true
    if (task.scenario.staleUntilSync && !task.synced && !['pending', 'processing'].includes(state.status) && !task.cancelledAt) {
      state = { status: 'processing', progress: Math.min(state.progress, 90) }
    }
    const emptyResults =
      state.status === 'completed' && query !== undefined && task.completedQueries++ < (task.scenario.emptyResultsPolls ?? 0)
    // The newer page's four statuses: a cancelled task reads as failed.
    const cancelledAsFailed = lean && state.status === 'cancelled'
    const body: Record<string, unknown> = {
      id: task.id,
      object: 'video.generation.task',
      type: 'video',
      model: task.model,
      status: cancelledAsFailed ? 'failed' : state.status,
      progress: state.progress,
      created: Math.floor(task.createdAt / 1000),
    }
    if (!lean) {
      body.task_info = {
        can_cancel: (state.status === 'pending' || state.status === 'processing') && task.scenario.canCancel !== false,
        estimated_time: Math.ceil(task.durationMs / 1000),
      }
    }
    if (task.scenario.credits !== null) body.usage = { credits_reserved: task.scenario.credits ?? 5, user_group: 'default' }
    const asset = state.status === 'completed' ? assetResultOf(task.request, task.id) : undefined
    if (asset) {
      // A model that makes no video: its result is an id, in the reply version's place for results.
      if (task.scenario.resultShape === 'output') body.output = emptyResults ? {} : asset
      else body.results = emptyResults ? [] : [asset]
    } else if (state.status === 'completed') {
      const url = `${apiUrl}/files/${task.id}.mp4`
      if (task.scenario.resultShape === 'output') body.output = emptyResults ? {} : { url, urls: [url], ...outputShape(task.request) }
      else body.results = emptyResults ? [] : [{ url }]
    }
    if (state.status === 'failed' || cancelledAsFailed) {
      const error = cancelledAsFailed
        ? { code: 'request_cancelled', message: 'the task was cancelled' }
        : (task.scenario.error ?? { code: 'generation_failed', message: 'the video could not be generated' })
      body.error = { ...error, type: 'task_error' }
    }
    return body
  }

  const handleApi = async (req: IncomingMessage, res: ServerResponse, body: string): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://simulator')
    const route = routeOf(req.method ?? '', url.pathname)
    if (route === undefined) return sendError(res, { status: 404, type: 'not_found', message: `no route ${req.method} ${url.pathname}` })

    if (route === 'download') return serveClip(req, res, url.pathname, 'api')

    const fault = takeFault(route)
    if (fault?.type === 'reset') return void req.socket.destroy()
    if (fault?.type === 'status') return sendFault(res, fault)
    if (fault?.type === 'body') return sendBody(res, fault)
    if (fault?.type === 'redirect') return redirectToCdn(res, req.url ?? '/')
    if (fault?.type === 'delayHeaders') await delay(fault.ms, res)
    if (req.socket.destroyed) return

    const key = bearerOf(req.headers.authorization)
    if (key === undefined || !apiKeys.has(key)) {
      return sendError(res, { status: 401, type: 'authentication_error', message: 'Invalid or missing API key' })
    }

    let reply: { status: number; body: Record<string, unknown> }
    if (route === 'create') {
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        return sendError(res, { status: 400, type: 'invalid_request_error', message: 'Content-Type must be application/json' })
      }
      let request: unknown
      try {
        request = JSON.parse(body)
      } catch {
        return sendError(res, { status: 400, type: 'invalid_request_error', message: 'the request body is not valid JSON' })
      }
      const rejection = validateGenerationRequest(request, options.extraModels) ?? unsupported(request, options.unsupportedOptions)
      if (rejection) return sendError(res, rejection)
      if (brokeKeys.has(key)) {
        return sendError(res, { status: 402, type: 'insufficient_quota', message: 'Your balance is too low for this request' })
      }
      reply = { status: 200, body: envelope(createTask(request as Record<string, unknown>)) }
    } else {
      const id = decodeURIComponent(url.pathname.split('/')[3] ?? '')
      const task = tasks.get(id)
      if (!task) return sendError(res, { status: 404, type: 'not_found', message: `task ${id} not found` })
      if (route === 'cancel') {
        if (!options.cancelRoute) return sendError(res, { status: 404, type: 'not_found', message: `no route POST ${url.pathname}` })
        const status = task.status
        if (!(status === 'pending' || status === 'processing') || task.scenario.canCancel === false) {
          return sendError(res, { status: 400, type: 'invalid_request_error', message: `task ${id} is ${status} and cannot be cancelled` })
        }
        task.cancelledAt = Date.now()
      }
      reply = {
        status: 200,
        body: envelope(task, route === 'poll' ? { sync: url.searchParams.get('sync_upstream') === 'true' } : undefined),
      }
    }
    if (fault?.type === 'resetAfterReceive') return void req.socket.destroy()
    sendJson(res, reply.status, reply.body)
  }

  const serveClip = (req: IncomingMessage, res: ServerResponse, pathname: string, host: 'api' | 'cdn'): void => {
    const id = /^\/files\/(.+)\.mp4$/.exec(pathname)?.[1]
    const task = id === undefined ? undefined : tasks.get(decodeURIComponent(id))
    if (task?.status !== 'completed' || assetResultOf(task.request, task.id)) {
      return sendError(res, { status: 404, type: 'not_found', message: 'no such file' })
    }
    const fault = host === 'api' ? takeFault('download') : undefined
    const credentials = task.scenario.contentCredentials ? { contentCredentials: true } : {}
    let clip = options.clip ?? clipFor(task.request, { ...credentials, ...(fault?.type === 'clipShape' ? fault.shape : {}) })
    if (fault?.type === 'brokenClip') clip = BREAKERS[fault.how](clip)
    const CLIP_ETAG = `"${createHash('sha256').update(clip).digest('hex').slice(0, 16)}"`
    if (fault?.type === 'reset') return void req.socket.destroy()
    if (fault?.type === 'status') return sendFault(res, fault)
    if (fault?.type === 'body') return sendBody(res, fault)
    if (fault?.type === 'redirect') return redirectToCdn(res, pathname)
    const contentType = fault?.type === 'contentType' ? fault.value : 'video/mp4'
    // Range requests, as a CDN answers them: honoured while If-Range still names this file.
    const range = /^bytes=(\d+)-$/.exec(String(req.headers.range ?? ''))
    const ifRange = req.headers['if-range']
    const start = range && (ifRange === undefined || ifRange === CLIP_ETAG) ? Number(range[1]) : 0
    if (start >= clip.length) {
      res.writeHead(416, { 'content-range': `bytes */${clip.length}`, 'content-length': '0' })
      return void res.end()
    }
    const part = clip.subarray(start)
    res.writeHead(start > 0 ? 206 : 200, {
      'content-type': contentType,
      'content-length': String(part.length),
      etag: fault?.type === 'truncate' && fault.etag !== undefined ? fault.etag : CLIP_ETAG,
      'accept-ranges': 'bytes',
      ...(start > 0 ? { 'content-range': `bytes ${start}-${clip.length - 1}/${clip.length}` } : {}),
    })
    if (fault?.type === 'truncate') {
      res.write(part.subarray(0, fault.bytes))
      // Let the bytes go out, then cut the connection mid-body.
      setTimeout(() => res.socket?.destroy(), 20)
      return
    }
    if (fault?.type === 'stall') return void res.write(part.subarray(0, fault.bytes))
    res.end(req.method === 'HEAD' ? undefined : part)
  }

  const redirectToCdn = (res: ServerResponse, target: string): void => {
    res.writeHead(302, { location: `${cdnUrl}${target}`, 'content-length': '0' })
    res.end()
  }

  const listener = (host: 'api' | 'cdn') => (req: IncomingMessage, res: ServerResponse) => {
    if (uploads.handles(req, host)) {
      uploads.handle(req, res, host).catch((error: unknown) => {
        if (!res.headersSent) sendError(res, { status: 500, type: 'server_error', message: String(error) })
        else res.destroy()
      })
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      requests.push({ host, method: req.method ?? '', path: req.url ?? '/', headers: { ...req.headers }, body, at: Date.now() })
      const work =
        host === 'api'
          ? handleApi(req, res, body)
          : Promise.resolve(serveClip(req, res, new URL(req.url ?? '/', 'http://cdn').pathname, 'cdn'))
      work.catch((error: unknown) => {
        if (!res.headersSent) sendError(res, { status: 500, type: 'server_error', message: String(error) })
        else res.destroy()
      })
    })
  }

  const api = createServer(listener('api'))
  const cdn = createServer(listener('cdn'))
  apiUrl = `http://127.0.0.1:${await listen(api, options.port ?? 0)}`
  cdnUrl = `http://127.0.0.1:${await listen(cdn, 0)}`

  return {
    url: apiUrl,
    cdnUrl,
    requests,
    tasks,
    createCount: () => tasks.size,
    maxConcurrentTasks: () => maxOverlap([...tasks.values()].map((t) => [t.createdAt, endOf(t)])),
    addFault: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    uploads,
    close: async () => {
      await Promise.all([stop(api), stop(cdn)])
    },
  }
}

/** The task's status and progress now, from its creation time, duration, scenario and any cancel. */
function stateOf(task: SimulatedTask): { status: string; progress: number } {
  const now = task.cancelledAt ?? Date.now()
  const elapsed = now - task.createdAt
  const pendingMs = Math.min(task.durationMs / 10, 250)
  const running = (status: string) => ({
    status,
    progress: status === 'pending' ? 0 : Math.min(99, Math.floor(((elapsed - pendingMs) / (task.durationMs - pendingMs)) * 100)),
  })
  const state = elapsed < pendingMs ? running('pending') : elapsed < task.durationMs ? running('processing') : undefined
  if (task.cancelledAt !== undefined) return { status: 'cancelled', progress: state?.progress ?? 100 }
  if (state) return state
  const outcome = task.scenario.outcome ?? 'completed'
  return { status: outcome, progress: outcome === 'completed' ? 100 : running('processing').progress }
}

function endOf(task: SimulatedTask): number {
  return task.cancelledAt ?? task.createdAt + task.durationMs
}

function maxOverlap(intervals: [number, number][]): number {
  const events = intervals.flatMap(([start, end]): [number, number][] => [
    [start, 1],
    [end, -1],
  ])
  // Ends sort before starts at the same instant: a task that starts as another ends is not concurrent with it.
  events.sort(([atA, changeA], [atB, changeB]) => atA - atB || changeA - changeB)
  let now = 0
  let most = 0
  for (const [, change] of events) most = Math.max(most, (now += change))
  return most
}

function routeOf(method: string, pathname: string): Route | undefined {
  if (method === 'POST' && pathname === '/v1/videos/generations') return 'create'
  if (method === 'GET' && /^\/v1\/tasks\/[^/]+$/.test(pathname)) return 'poll'
  if (method === 'POST' && /^\/v1\/tasks\/[^/]+\/cancel$/.test(pathname)) return 'cancel'
  if ((method === 'GET' || method === 'HEAD') && pathname.startsWith('/files/')) return 'download'
  return undefined
}

const FAULT_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'insufficient_quota',
  404: 'not_found',
  422: 'invalid_request_error',
  429: 'rate_limit_error',
  500: 'server_error',
  503: 'service_unavailable_error',
}

/** FoxAPI's own error body; a status FoxAPI does not document (502, 504) comes from a gateway, as an HTML page. */
function sendFault(res: ServerResponse, fault: Extract<FaultKind, { type: 'status' }>): void {
  const retryAfter = fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}
  const type = fault.errorType ?? FAULT_TYPES[fault.status]
  if (type === undefined) {
    const page = `<html><body><h1>${fault.status} Bad Gateway</h1></body></html>`
    res.writeHead(fault.status, { 'content-type': 'text/html', 'content-length': String(page.length), ...retryAfter })
    return void res.end(page)
  }
  const rejection = {
    status: fault.status,
    type,
    message: fault.message ?? `simulated ${fault.status}`,
    ...(fault.code ? { code: fault.code } : {}),
  }
  sendError(res, rejection, fault.retryAfter)
}

function sendBody(res: ServerResponse, fault: Extract<FaultKind, { type: 'body' }>): void {
  res.writeHead(fault.status, { 'content-type': fault.contentType, 'content-length': String(Buffer.byteLength(fault.body)) })
  res.end(fault.body)
}

/**
 * Checks a create request the way FoxAPI documents it (shared/foxapi.md). Written apart from the action's
 * own schema on purpose: the simulator is the other side of the contract, not a copy of it.
 */
export function validateGenerationRequest(request: unknown, extraModels: string[] = []): Rejection | undefined {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return invalid('the body must be a JSON object')
  const r = request as Record<string, unknown>
  if (typeof r.model !== 'string' || r.model === '') return invalid('model is required')
  if (extraModels.includes(r.model)) return undefined
  if (r.model !== 'kling-o3-ref') {
    const rules = MODEL_RULES[r.model]
    const problem = rules ? modelBodyProblem(r, rules) : `unknown model '${r.model}'`
    return problem === undefined ? undefined : invalid(problem)
  }
  if (typeof r.prompt !== 'string' || r.prompt.trim() === '') return invalid('prompt is required')
  if (r.prompt.length > MAX_PROMPT) return invalid(`prompt is longer than ${MAX_PROMPT} characters`)
  if (r.mode !== undefined && r.mode !== 'standard' && r.mode !== 'pro') return invalid("mode must be 'standard' or 'pro'")
  if (r.aspect_ratio !== undefined && (typeof r.aspect_ratio !== 'string' || !['16:9', '9:16', '1:1'].includes(r.aspect_ratio))) {
    return invalid("aspect_ratio must be '16:9', '9:16' or '1:1'")
  }
  if (r.duration !== undefined && !(Number.isInteger(r.duration) && (r.duration as number) >= 3 && (r.duration as number) <= 15)) {
    return invalid('duration must be an integer from 3 to 15')
  }
  const images = r.image_list ?? []
  if (!Array.isArray(images)) return invalid('image_list must be an array')
  for (const item of images as unknown[]) {
    const image = item as Record<string, unknown> | null
    if (typeof image !== 'object' || image === null || !isHttpUrl(image.image_url))
      return invalid('image_list items need an http(s) image_url')
    if (image.type !== undefined && (typeof image.type !== 'string' || !['first_frame', 'end_frame', ''].includes(image.type))) {
      return invalid("image_list type must be 'first_frame', 'end_frame' or empty")
    }
  }
  const videos = r.video_list ?? []
  if (!Array.isArray(videos)) return invalid('video_list must be an array')
  if (videos.length > 1) return invalid('video_list may hold at most 1 video')
  for (const item of videos as unknown[]) {
    const video = item as Record<string, unknown> | null
    if (typeof video !== 'object' || video === null || !isHttpUrl(video.video_url))
      return invalid('video_list items need an http(s) video_url')
    if (video.keep_original_sound !== undefined && video.keep_original_sound !== 'yes' && video.keep_original_sound !== 'no') {
      return invalid("keep_original_sound must be 'yes' or 'no'")
    }
    if (video.refer_type !== undefined && video.refer_type !== 'feature' && video.refer_type !== 'base') {
      return invalid("refer_type must be 'feature' or 'base'")
    }
  }
  const segments = r.multi_prompt ?? []
  if (!Array.isArray(segments)) return invalid('multi_prompt must be an array')
  const texts = [r.prompt]
  let total = 0
  for (const item of segments as unknown[]) {
    const segment = item as Record<string, unknown> | null
    if (typeof segment !== 'object' || segment === null || typeof segment.prompt !== 'string' || !Number.isInteger(segment.duration)) {
      return invalid('multi_prompt items need a prompt and an integer duration')
    }
    texts.push(segment.prompt)
    total += segment.duration as number
  }
  const baseReference = (videos as Record<string, unknown>[]).some((v) => v.refer_type === 'base')
  if (segments.length > 0 && !baseReference && total !== (r.duration ?? 5)) {
    return invalid(`multi_prompt durations add up to ${total}, not duration ${JSON.stringify(r.duration ?? 5)}`)
  }
  for (const text of texts) {
    for (const [token, kind, n] of String(text).matchAll(/<<<(image|video)_(\d+)>>>/g)) {
      const count = kind === 'image' ? images.length : videos.length
      if (Number(n) < 1 || Number(n) > count) return invalid(`${token} refers to a missing ${kind}_list item`)
    }
  }
  return undefined
}

const MAX_PROMPT = 2500
const invalid = (message: string): Rejection => ({ status: 422, type: 'invalid_request_error', message })

/** The `output` fields some replies carry: the clip's length and picture size. */
function outputShape(request: Record<string, unknown>): { duration: number; width: number; height: number } {
  const shape = requestedShape(request)
  return { duration: shape.seconds, width: shape.width, height: shape.height }
}

function isHttpUrl(value: unknown): boolean {
  return typeof value === 'string' && /^https?:\/\/[^\s/]+/.test(value)
}

function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return match?.[1]
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers })
  res.end(text)
}

function sendError(res: ServerResponse, rejection: Rejection, retryAfter?: string): void {
  const { status, ...error } = rejection
  sendJson(res, status, { error }, retryAfter !== undefined ? { 'retry-after': retryAfter } : {})
}

/** Waits, unless the client hangs up first. */
function delay(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    res.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
