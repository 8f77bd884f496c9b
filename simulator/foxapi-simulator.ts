// A FoxAPI-compatible HTTP simulator (see ../shared/foxapi.md): `POST /v1/videos/generations`,
// `GET /v1/tasks/{id}`, `POST /v1/tasks/{id}/cancel`, and the finished clips under `/files/`.
// It validates requests as the API documents, moves tasks pending → processing → completed with progress,
// and serves a small real MP4. Faults are injected per route (status codes, resets, slow headers,
// truncated or redirected downloads), and every request is recorded for the tests to inspect.
// A second listener on another port plays the CDN ("another host") that a result URL may redirect to.
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
export const CLIP_FILE = path.join(here, 'fixtures/clip.mp4')

export const DEFAULT_API_KEYS = ['sk-test-valid-key']
export const KNOWN_MODELS = ['kling-o3-ref']

export type Route = 'create' | 'poll' | 'cancel' | 'download'

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
  close(): Promise<void>
}

interface Rejection {
  status: number
  type: string
  message: string
  code?: string
}

export async function startFoxApiSimulator(options: SimulatorOptions = {}): Promise<FoxApiSimulator> {
  const clip = readFileSync(CLIP_FILE)
  const CLIP_ETAG = `"${createHash('sha256').update(clip).digest('hex').slice(0, 16)}"`
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

  const createTask = (request: Record<string, unknown>): SimulatedTask => {
    const createdAt = Date.now()
    const scenario = options.scenario?.(request) ?? {}
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
      get status() {
        return stateOf(this).status
      },
    }
    tasks.set(task.id, task)
    return task
  }

  const envelope = (task: SimulatedTask): Record<string, unknown> => {
    const state = stateOf(task)
    const body: Record<string, unknown> = {
      id: task.id,
      object: 'video.generation.task',
      type: 'video',
      model: task.model,
      status: state.status,
      progress: state.progress,
      created: Math.floor(task.createdAt / 1000),
      task_info: {
        can_cancel: (state.status === 'pending' || state.status === 'processing') && task.scenario.canCancel !== false,
        estimated_time: Math.ceil(task.durationMs / 1000),
      },
    }
    if (task.scenario.credits !== null) body.usage = { credits_reserved: task.scenario.credits ?? 5, user_group: 'default' }
    if (state.status === 'completed') {
      const url = `${apiUrl}/files/${task.id}.mp4`
      if (task.scenario.resultShape === 'output')
        body.output = { url, urls: [url], duration: durationOf(task.request), width: 1280, height: 720 }
      else body.results = [{ url }]
    }
    if (state.status === 'failed') {
      const error = task.scenario.error ?? { code: 'generation_failed', message: 'the video could not be generated' }
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
      const rejection = validateGenerationRequest(request)
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
        const status = task.status
        if (!(status === 'pending' || status === 'processing') || task.scenario.canCancel === false) {
          return sendError(res, { status: 400, type: 'invalid_request_error', message: `task ${id} is ${status} and cannot be cancelled` })
        }
        task.cancelledAt = Date.now()
      }
      reply = { status: 200, body: envelope(task) }
    }
    if (fault?.type === 'resetAfterReceive') return void req.socket.destroy()
    sendJson(res, reply.status, reply.body)
  }

  const serveClip = (req: IncomingMessage, res: ServerResponse, pathname: string, host: 'api' | 'cdn'): void => {
    const id = /^\/files\/(.+)\.mp4$/.exec(pathname)?.[1]
    if (id === undefined || tasks.get(decodeURIComponent(id))?.status !== 'completed') {
      return sendError(res, { status: 404, type: 'not_found', message: 'no such file' })
    }
    const fault = host === 'api' ? takeFault('download') : undefined
    if (fault?.type === 'reset') return void req.socket.destroy()
    if (fault?.type === 'status') return sendFault(res, fault)
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

/**
 * Checks a create request the way FoxAPI documents it (shared/foxapi.md). Written apart from the action's
 * own schema on purpose: the simulator is the other side of the contract, not a copy of it.
 */
export function validateGenerationRequest(request: unknown): Rejection | undefined {
  const invalid = (message: string): Rejection => ({ status: 422, type: 'invalid_request_error', message })
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return invalid('the body must be a JSON object')
  const r = request as Record<string, unknown>
  if (typeof r.model !== 'string' || r.model === '') return invalid('model is required')
  if (!KNOWN_MODELS.includes(r.model)) return invalid(`unknown model '${r.model}'`)
  if (typeof r.prompt !== 'string' || r.prompt.trim() === '') return invalid('prompt is required')
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

function durationOf(request: Record<string, unknown>): number {
  return typeof request.duration === 'number' ? request.duration : 5
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
