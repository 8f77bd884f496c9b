// A small FoxAPI look-alike for hostile-server tests: each route's answer is a function the test writes, so a
// reply can be anything (a newline in an id, an echoed key, a 300 MiB body, a trickle). Every request is
// recorded with its time; the clip fixture is served under /files/.
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { onTestFinished } from 'vitest'
import { API_KEY, CLIP_BYTES } from './fixtures'

export interface HostileRequest {
  method: string
  path: string
  authorization: string | undefined
  at: number
}

export type Handler = (req: IncomingMessage, res: ServerResponse, context: { url: string; taskId: string; key: string }) => void

export interface HostileServer {
  url: string
  /** The port it listens on, on 127.0.0.1. */
  port: number
  requests: HostileRequest[]
  /** Bytes written in reply bodies, per route. */
  bytesSent: Record<'create' | 'poll' | 'cancel', number>
  close(): Promise<void>
}

export interface HostileRoutes {
  create?: Handler
  poll?: Handler
  cancel?: Handler
  /** GET /files/…: the clip fixture unless given. */
  download?: Handler
}

export interface HostileOptions {
  /** Serve https with this key and certificate (a test certificate for a public-looking name). */
  tls?: { key: string; cert: string }
  /** The URL the server is known by (through a proxy that routes the name here); its own 127.0.0.1 URL unless given. */
  url?: string
}

/** The task envelope the simulator sends, with overrides. */
export function envelope(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    object: 'video.generation.task',
    type: 'video',
    model: 'kling-o3-ref',
    status: 'processing',
    progress: 10,
    created: Math.floor(Date.now() / 1000),
    task_info: { can_cancel: true, estimated_time: 1 },
    ...fields,
  }
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers })
  res.end(text)
}

export const TASK_ID = 'task-unified-1-hostile'

export async function startHostileServer(routes: HostileRoutes, options: HostileOptions = {}): Promise<HostileServer> {
  const requests: HostileRequest[] = []
  const bytesSent = { create: 0, poll: 0, cancel: 0 }
  let url = ''
  const listener: RequestListener = (req, res) => {
    req.resume()
    req.on('end', () => {
      const path = req.url ?? '/'
      requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, at: Date.now() })
      const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? ''
      if (path.startsWith('/files/')) {
        if (routes.download) return routes.download(req, res, { url, taskId: '', key })
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(CLIP_BYTES.length) })
        return void res.end(CLIP_BYTES)
      }
      const route = req.method === 'POST' && path === '/v1/videos/generations' ? 'create' : path.endsWith('/cancel') ? 'cancel' : 'poll'
      const write = res.write.bind(res)
      res.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        bytesSent[route] += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length
        return write(chunk, ...rest)
      }) as typeof res.write
      const taskId = decodeURIComponent(path.split('/')[3] ?? '')
      const handler =
        routes[route] ?? ((_req, r) => json(r, 200, envelope(route === 'create' ? TASK_ID : taskId, { status: 'processing' })))
      handler(req, res, { url, taskId, key })
    })
  }
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = options.url ?? `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    port: (server.address() as AddressInfo).port,
    requests,
    bytesSent,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** A completed task whose clip this server serves. */
export function completed(id: string, url: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return envelope(id, { status: 'completed', progress: 100, results: [{ url: `${url}/files/${id}.mp4` }], ...fields })
}

/** Starts a hostile server for the running test and closes it when the test is over (also when it fails). */
export async function hostile(routes: HostileRoutes, options: HostileOptions = {}): Promise<HostileServer> {
  const server = await startHostileServer(routes, options)
  onTestFinished(() => server.close())
  return server
}

/** Inputs for a quick run against a hostile server: fast polls, short timeouts, no cache unless asked. */
export function hostileInputs(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': API_KEY,
    'base-url': url,
    prompt: 'A red fox runs through snow',
    'poll-interval': '100ms',
    timeout: '5s',
    'request-timeout': '2s',
    cache: 'false',
    ...extra,
  }
}
