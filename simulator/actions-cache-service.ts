// A local, in-memory GitHub Actions cache service (the "v2" protocol @actions/cache >= 4 speaks), so the real
// @actions/cache package can save and restore against it over HTTP on 127.0.0.1.
//
// Two halves, both on one node:http server:
//  1. The Twirp JSON API under ACTIONS_RESULTS_URL:
//       POST /twirp/github.actions.results.api.v1.CacheService/{CreateCacheEntry,FinalizeCacheEntryUpload,GetCacheEntryDownloadURL}
//     (the only three methods the package's generated client has). Requests use the proto field names
//     (`restore_keys`, `size_bytes`: the client serialises with useProtoFieldName); replies use them too, as the
//     real service does (the client reads either spelling). int64 fields travel as JSON strings (protojson).
//     Every call needs `Authorization: Bearer $ACTIONS_RUNTIME_TOKEN`. Errors are Twirp errors:
//     an HTTP status plus `{"code": "...", "msg": "..."}`.
//  2. A fake Azure Blob Storage endpoint for the signed URLs the API hands out. The package uploads with
//     @azure/storage-blob's BlockBlobClient.uploadFile: one Put Blob for files up to 128 MiB, Put Block +
//     Put Block List above that; both are supported. It downloads with the plain @actions/http-client GET unless
//     the URL's host ends in `.blob.core.windows.net` (then the Azure SDK: HEAD + ranged GETs), so for our
//     127.0.0.1 URLs it is a plain GET. HEAD and Range / x-ms-range are supported anyway.
//     The URLs are path-style (`/<account>/<container>/<blob>`), which the Azure SDK expects for an IP host, and
//     carry a SAS-like query (`sp` permissions, `se` expiry, `sig` = HMAC over them) that is checked.
//
// Semantics copied from the real service:
//  - Entries are (key, version) pairs and immutable: CreateCacheEntry for a pair that exists answers
//    409 already_exists "cache entry with the same key, version, and scope already exists"; the package turns that
//    into its ReserveCacheError and saveCache logs `Failed to save: Unable to reserve cache with key ...` and
//    returns -1 (no throw).
//  - Only finalized entries whose version matches are found. For each of [key, ...restore_keys] in order: an exact
//    key match first, then the newest entry whose key starts with it (the docs: exact key, then partial matches of
//    the key, then the restore keys in order, newest first).
//  - One store per service instance (no branch scopes).
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { serveStreamedBlob, writeFaultReply, type StreamedBlob, type WriteFault } from './cache-service-faults'

export interface CacheEntry {
  /** The service's entry id (FinalizeCacheEntryUpload's `entry_id`, which saveCache returns). */
  id: number
  key: string
  version: string
  finalized: boolean
  /** Bytes of the uploaded archive (0 until the blob is committed). */
  size: number
  /** Date.now() when the entry was created (reserved); "newest" for prefix matches means the largest. */
  createdAt: number
  finalizedAt?: number
  /** The committed blob (the .tzst / .tgz archive), once uploaded. */
  data?: Buffer
  /** A planted junk blob sent as a stream instead of `data` (./cache-service-faults.ts). */
  stream?: StreamedBlob
}

/** How a down service answers: 503 (the package retries 5 times, ~25-35 s per call) or a dropped connection (fails at once). */
export type DownMode = 'unavailable' | 'reset'

export interface ActionsCacheService {
  /** e.g. http://127.0.0.1:PORT */
  url: string
  /** What a job needs for @actions/cache to use this service (v2 protocol). */
  env: Record<string, string>
  /** Live view, in creation order. */
  entries: CacheEntry[]
  /** Every request seen (path without the query, so no signatures), and when. */
  requests: { method: string; path: string; at: number }[]
  /** Bytes of blob bodies sent so far (streamed junk included). */
  readonly bytesServed: number
  /**
   * While down, every request is answered at once with 503 (default) or, with mode 'reset', by dropping the
   * connection. Note the package retries a 503 from the Twirp API 5 times with backoff (3 s, then ×1.5 each).
   */
  setDown(down: boolean, mode?: DownMode): void
  /**
   * Puts a finalized entry in the store as anyone who can save in the cache scope could (no FoxAPI key needed):
   * `data` is the archive. An entry with the same key and version is replaced, so the forged one is what a
   * later restore of that key finds. For tests of what the action does with entries it did not write.
   */
  plant(key: string, version: string, data: Buffer): CacheEntry
  /** Plants an entry whose blob is `blob.bytes` of junk, generated as it is sent (./cache-service-faults.ts). */
  plantStream(key: string, version: string, blob: StreamedBlob): CacheEntry
  /** Writes from now on: refused as read-only, throttled (429 + Retry-After) for a number of writes, or (undefined) done. */
  setWrites(fault: WriteFault | undefined): void
  close(): Promise<void>
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.CacheService/'
const ACCOUNT = 'actionscache'
const CONTAINER = 'cache'
const BLOB_PREFIX = `/${ACCOUNT}/${CONTAINER}/`
const SAS_VERSION = '2025-11-05'
const URL_LIFETIME_MS = 60 * 60 * 1000

/** A Twirp error: the HTTP status goes with the code (twirp spec). */
class TwirpError extends Error {
  static readonly statusOf: Record<string, number> = {
    invalid_argument: 400,
    malformed: 400,
    unauthenticated: 401,
    permission_denied: 403,
    not_found: 404,
    bad_route: 404,
    already_exists: 409,
    failed_precondition: 412,
    internal: 500,
    unavailable: 503,
  }
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** An Azure Storage error: status, x-ms-error-code and an XML body, which the SDK deserialises. */
class StorageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

interface PendingUpload {
  /** Staged (uncommitted) blocks by block id, from Put Block. */
  blocks: Map<string, Buffer>
}

/**
 * What a job needs for @actions/cache to use the cache service at `url` (v2 protocol): this simulator's, or
 * any other a test stands up (a closed port, a server answering garbage).
 */
export function actionsCacheEnv(url: string, token = 'x'): Record<string, string> {
  return {
    // The package builds `new URL('/twirp/...', ACTIONS_RESULTS_URL)`; the runner's value ends in a slash.
    ACTIONS_RESULTS_URL: `${url}/`,
    ACTIONS_RUNTIME_TOKEN: token,
    ACTIONS_CACHE_SERVICE_V2: 'true',
    // v2 is only used when GITHUB_SERVER_URL is github.com / *.ghe.com (GHES falls back to v1, not served here).
    GITHUB_SERVER_URL: 'https://github.com',
  }
}

export async function startActionsCacheService(): Promise<ActionsCacheService> {
  const token = `cache-sim-${randomBytes(16).toString('hex')}`
  const signingKey = randomBytes(32)
  const entries: CacheEntry[] = []
  const requests: { method: string; path: string; at: number }[] = []
  let bytesServed = 0
  let writeFault: WriteFault | undefined
  const pending = new Map<number, PendingUpload>()
  const blobEntry = new Map<string, CacheEntry>() // blob name -> entry
  const blobOf = new Map<number, string>() // entry id -> blob name
  let nextId = 1
  let down: DownMode | undefined
  let url = ''

  // ---- signed URLs -------------------------------------------------------------------------------------------

  const sign = (blob: string, permissions: string, expiry: string) =>
    createHmac('sha256', signingKey).update(`${permissions}\n${expiry}\n${blob}`).digest('base64')

  function signedUrl(blob: string, permissions: 'r' | 'cw'): string {
    const expiry = new Date(Date.now() + URL_LIFETIME_MS).toISOString().replace(/\.\d+Z$/, 'Z')
    const query = new URLSearchParams({ sv: SAS_VERSION, sr: 'b', sp: permissions, se: expiry, sig: sign(blob, permissions, expiry) })
    return `${url}${BLOB_PREFIX}${blob}?${query.toString()}`
  }

  function checkSignature(blob: string, query: URLSearchParams, needs: 'r' | 'w'): void {
    const permissions = query.get('sp') ?? ''
    const expiry = query.get('se') ?? ''
    const given = Buffer.from(query.get('sig') ?? '', 'base64')
    const expected = Buffer.from(sign(blob, permissions, expiry), 'base64')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new StorageError(403, 'AuthenticationFailed', 'Signature did not match.')
    }
    if (!(Date.parse(expiry) > Date.now())) throw new StorageError(403, 'AuthenticationFailed', 'Signed expiry time has passed.')
    if (!permissions.includes(needs)) {
      throw new StorageError(
        403,
        'AuthorizationPermissionMismatch',
        'This request is not authorized to perform this operation using this permission.',
      )
    }
  }

  // ---- Twirp API ---------------------------------------------------------------------------------------------

  /** Reads a field by its proto name, or its camelCase JSON name (protojson servers accept both). */
  function field(body: Record<string, unknown>, protoName: string): unknown {
    const camel = protoName.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
    return body[protoName] ?? body[camel]
  }

  function requiredString(body: Record<string, unknown>, name: string): string {
    const value = field(body, name)
    if (typeof value !== 'string' || value === '') throw new TwirpError('invalid_argument', `${name} is required`)
    return value
  }

  function findEntry(key: string, version: string): CacheEntry | undefined {
    return entries.find((e) => e.key === key && e.version === version)
  }

  const methods: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {
    CreateCacheEntry(body) {
      const key = requiredString(body, 'key')
      const version = requiredString(body, 'version')
      // Immutable entries: a second reservation of the same (key, version) is refused, finalized or not.
      if (findEntry(key, version)) {
        throw new TwirpError('already_exists', 'cache entry with the same key, version, and scope already exists')
      }
      const entry: CacheEntry = { id: nextId++, key, version, finalized: false, size: 0, createdAt: Date.now() }
      const blob = `${entry.id}-${createHash('sha256').update(`${key}\n${version}`).digest('hex').slice(0, 16)}`
      entries.push(entry)
      pending.set(entry.id, { blocks: new Map() })
      blobEntry.set(blob, entry)
      blobOf.set(entry.id, blob)
      return { ok: true, signed_upload_url: signedUrl(blob, 'cw') }
    },

    FinalizeCacheEntryUpload(body) {
      const key = requiredString(body, 'key')
      const version = requiredString(body, 'version')
      const sizeBytes = Number(field(body, 'size_bytes') ?? 0) // int64: a JSON string
      const entry = findEntry(key, version)
      if (!entry) throw new TwirpError('not_found', 'cache entry not found')
      if (entry.finalized) throw new TwirpError('already_exists', 'cache entry with the same key, version, and scope already exists')
      // ok: false + message: the package raises a FinalizeCacheError and logs the message as a warning.
      if (!entry.data) return { ok: false, message: `no archive was uploaded for cache entry ${key}` }
      if (entry.data.length !== sizeBytes) {
        return { ok: false, message: `cache entry ${key} has ${entry.data.length} bytes uploaded, not ${sizeBytes}` }
      }
      entry.finalized = true
      entry.finalizedAt = Date.now()
      pending.delete(entry.id)
      return { ok: true, entry_id: String(entry.id) }
    },

    GetCacheEntryDownloadURL(body) {
      const key = requiredString(body, 'key')
      const version = requiredString(body, 'version')
      const restoreKeys = field(body, 'restore_keys')
      const keys = [key, ...(Array.isArray(restoreKeys) ? restoreKeys.filter((k): k is string => typeof k === 'string') : [])]
      const candidates = entries.filter((e) => e.finalized && e.version === version)
      // Newest first; entries is in creation order, so a later index wins a createdAt tie.
      const newestFirst = candidates
        .map((e, i) => ({ e, i }))
        .sort((a, b) => b.e.createdAt - a.e.createdAt || b.i - a.i)
        .map((x) => x.e)
      for (const wanted of keys) {
        const hit = candidates.find((e) => e.key === wanted) ?? newestFirst.find((e) => e.key.startsWith(wanted))
        if (hit) {
          return { ok: true, signed_download_url: signedUrl(blobOf.get(hit.id) ?? '', 'r'), matched_key: hit.key }
        }
      }
      return { ok: false, signed_download_url: '', matched_key: '' }
    },
  }

  function handleTwirp(req: IncomingMessage, res: ServerResponse, method: string, raw: Buffer): void {
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body)
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text)
    }
    try {
      const handler = methods[method]
      if (req.method !== 'POST' || !handler) throw new TwirpError('bad_route', `no handler for ${req.method} ${req.url}`)
      if (req.headers.authorization !== `Bearer ${token}`) throw new TwirpError('unauthenticated', 'invalid or missing runtime token')
      const fault = writeFaultReply(writeFault, method)
      if (fault)
        return void res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers }).end(JSON.stringify(fault.body))
      let body: unknown
      try {
        body = JSON.parse(raw.toString('utf8') || '{}')
      } catch {
        throw new TwirpError('malformed', 'the request body is not JSON')
      }
      if (body === null || typeof body !== 'object') throw new TwirpError('malformed', 'the request body is not a JSON object')
      reply(200, handler(body as Record<string, unknown>))
    } catch (error) {
      const twirp = error instanceof TwirpError ? error : new TwirpError('internal', String(error))
      reply(TwirpError.statusOf[twirp.code] ?? 500, { code: twirp.code, msg: twirp.message })
    }
  }

  // ---- Blob storage ------------------------------------------------------------------------------------------

  function handleBlob(req: IncomingMessage, res: ServerResponse, blob: string, query: URLSearchParams, raw: Buffer): void {
    const common = {
      'x-ms-request-id': randomUUID(),
      'x-ms-version': String(req.headers['x-ms-version'] ?? SAS_VERSION),
      Date: new Date().toUTCString(),
    }
    try {
      const entry = blobEntry.get(blob)
      if (req.method === 'PUT') {
        checkSignature(blob, query, 'w')
        const upload = entry && pending.get(entry.id)
        // Once finalized an entry is immutable; its upload URL stops working.
        if (!entry || !upload) throw new StorageError(409, 'BlobImmutable', 'This cache entry is finalized and cannot be written.')
        const comp = query.get('comp')
        if (comp === 'block') {
          // Put Block: stage a block under its (base64) id.
          const blockId = query.get('blockid')
          if (!blockId) throw new StorageError(400, 'MissingRequiredQueryParameter', 'blockid is required')
          upload.blocks.set(blockId, raw)
        } else if (comp === 'blocklist') {
          // Put Block List: <BlockList><Latest|Uncommitted|Committed>id</...>...</BlockList>, in blob order.
          const ids = [...raw.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map((m) => m[2] ?? '')
          const parts = ids.map((id) => upload.blocks.get(id))
          if (parts.some((p) => p === undefined)) throw new StorageError(400, 'InvalidBlockList', 'The specified block list is invalid.')
          entry.data = Buffer.concat(parts as Buffer[])
          entry.size = entry.data.length
          upload.blocks.clear()
        } else if (comp === null) {
          // Put Blob: the whole blob in one request.
          if (req.headers['x-ms-blob-type'] !== 'BlockBlob') {
            throw new StorageError(400, 'MissingRequiredHeader', 'x-ms-blob-type: BlockBlob is required')
          }
          entry.data = raw
          entry.size = raw.length
        } else {
          throw new StorageError(400, 'UnsupportedQueryParameter', `comp=${comp} is not supported here`)
        }
        const etag = `"0x${createHash('md5')
          .update(entry.data ?? raw)
          .digest('hex')
          .slice(0, 15)
          .toUpperCase()}"`
        res
          .writeHead(201, {
            ...common,
            ETag: etag,
            'Last-Modified': new Date().toUTCString(),
            'Content-MD5': createHash('md5').update(raw).digest('base64'),
            'x-ms-request-server-encrypted': 'true',
            'Content-Length': 0,
          })
          .end()
        return
      }

      if (req.method === 'GET' || req.method === 'HEAD') {
        checkSignature(blob, query, 'r')
        if (entry?.finalized && entry.stream) return serveStreamedBlob(req, res, entry.stream, common, (n) => (bytesServed += n))
        const data = entry?.finalized ? entry.data : undefined
        if (!entry || !data) throw new StorageError(404, 'BlobNotFound', 'The specified blob does not exist.')
        const headers = {
          ...common,
          'Content-Type': 'application/octet-stream',
          ETag: `"0x${createHash('md5').update(data).digest('hex').slice(0, 15).toUpperCase()}"`,
          'Last-Modified': new Date(entry.finalizedAt ?? entry.createdAt).toUTCString(),
          'Accept-Ranges': 'bytes',
          'x-ms-blob-type': 'BlockBlob',
        }
        // The Azure SDK sends x-ms-range; plain HTTP clients send Range. x-ms-range wins, as in Azure.
        const range = String(req.headers['x-ms-range'] ?? req.headers.range ?? '')
        const match = /^bytes=(\d+)-(\d*)$/.exec(range)
        if (range && match) {
          const start = Number(match[1])
          const end = Math.min(match[2] ? Number(match[2]) : data.length - 1, data.length - 1)
          if (start >= data.length || end < start) {
            throw new StorageError(416, 'InvalidRange', 'The range specified is invalid for the current size of the resource.')
          }
          const slice = data.subarray(start, end + 1)
          res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${data.length}`, 'Content-Length': slice.length })
          res.end(req.method === 'HEAD' ? undefined : slice)
          if (req.method !== 'HEAD') bytesServed += slice.length
        } else {
          res.writeHead(200, { ...headers, 'Content-Length': data.length })
          res.end(req.method === 'HEAD' ? undefined : data)
          if (req.method !== 'HEAD') bytesServed += data.length
        }
        return
      }
      throw new StorageError(405, 'UnsupportedHttpVerb', `${req.method} is not supported`)
    } catch (error) {
      const storage = error instanceof StorageError ? error : new StorageError(500, 'InternalError', String(error))
      const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${storage.code}</Code><Message>${storage.message}</Message></Error>`
      res.writeHead(storage.status, {
        ...common,
        'x-ms-error-code': storage.code,
        'Content-Type': 'application/xml',
        'Content-Length': req.method === 'HEAD' ? 0 : Buffer.byteLength(xml),
      })
      res.end(req.method === 'HEAD' ? undefined : xml)
    }
  }

  // ---- server ------------------------------------------------------------------------------------------------

  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push({ method: req.method ?? '', path: parsed.pathname, at: Date.now() })

    if (down === 'reset') {
      req.socket.destroy() // the client sees ECONNRESET ("socket hang up")
      return
    }
    if (down === 'unavailable') {
      req.resume()
      const twirp = parsed.pathname.startsWith('/twirp/')
      const body = twirp
        ? JSON.stringify({ code: 'unavailable', msg: 'the cache service is unavailable' })
        : '<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code><Message>The server is busy.</Message></Error>'
      res.writeHead(503, { 'Content-Type': twirp ? 'application/json' : 'application/xml', 'Content-Length': Buffer.byteLength(body) })
      res.end(body)
      return
    }

    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      if (parsed.pathname.startsWith(TWIRP_PREFIX)) {
        handleTwirp(req, res, parsed.pathname.slice(TWIRP_PREFIX.length), raw)
      } else if (parsed.pathname.startsWith('/twirp/')) {
        handleTwirp(req, res, '', raw) // bad_route
      } else if (parsed.pathname.startsWith(BLOB_PREFIX)) {
        handleBlob(req, res, decodeURIComponent(parsed.pathname.slice(BLOB_PREFIX.length)), parsed.searchParams, raw)
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
      }
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const service: ActionsCacheService = {
    url,
    env: actionsCacheEnv(url, token),
    entries,
    requests,
    get bytesServed() {
      return bytesServed
    },
    setDown(isDown, mode = 'unavailable') {
      down = isDown ? mode : undefined
    },
    plant(key, version, data) {
      const existing = entries.findIndex((e) => e.key === key && e.version === version)
      if (existing >= 0) entries.splice(existing, 1)
      const now = Date.now()
      const entry: CacheEntry = { id: nextId++, key, version, finalized: true, size: data.length, createdAt: now, finalizedAt: now, data }
      const blob = `${entry.id}-${createHash('sha256').update(`${key}\n${version}`).digest('hex').slice(0, 16)}`
      entries.push(entry)
      blobEntry.set(blob, entry)
      blobOf.set(entry.id, blob)
      return entry
    },
    plantStream(key, version, blob) {
      const entry = service.plant(key, version, Buffer.alloc(0))
      entry.size = blob.bytes
      entry.stream = blob
      return entry
    },
    setWrites(fault) {
      writeFault = fault
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
    },
  }
  return service
}
