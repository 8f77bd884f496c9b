// A local, in-memory stand-in for the two GitHub services the budget's spend records and the delivered notes are
// kept with (src/records/): the Actions artifact service that @actions/artifact (v2+) uploads to, and the REST API
// that @actions/github's Octokit reads artifacts and workflow runs back through. Both on one node:http server on
// 127.0.0.1, so the real packages run against it unchanged.
//
//  1. The results service's Twirp API under ACTIONS_RESULTS_URL, with ACTIONS_RUNTIME_TOKEN:
//       POST /twirp/github.actions.results.api.v1.ArtifactService/{CreateArtifact,FinalizeArtifact,ListArtifacts,
//            GetSignedArtifactURL,DeleteArtifact}
//     The runtime token is a JWT whose `scp` claim names the run's and the job's backend ids
//     (`Actions.Results:<run>:<job>`), which @actions/artifact decodes (never verifies) and sends back; the service
//     knows each token it issued (jobEnv) and believes only the run the token names. Artifact names are unique per
//     workflow run, across attempts and jobs, as on GitHub: a second CreateArtifact of a name answers 409
//     already_exists. The cache's Twirp calls (CacheService, same ACTIONS_RESULTS_URL on GitHub) are passed on to the
//     local cache service (simulator/actions-cache-service.ts) with its own token, so one job can use both.
//  2. Blob storage for the signed URLs: Put Block / Put Block List (what @azure/storage-blob's uploadStream sends) and
//     a plain Put Blob; GET. SAS-like query (`sp`, `se`, `sig` = HMAC), checked.
//  3. The REST API at GITHUB_API_URL, with `Authorization: token|Bearer <github-token>`:
//       GET /repos/{owner}/{repo}/actions/artifacts[?name=]           every finalized artifact, newest first
//       GET /repos/{owner}/{repo}/actions/artifacts/{id}
//       GET /repos/{owner}/{repo}/actions/artifacts/{id}/zip          302 to the blob (410 once expired)
//       GET /repos/{owner}/{repo}/actions/runs/{run_id}
//       GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts[?name=]
//       GET /repos/{owner}/{repo}/actions/workflows/{file}/runs
//     Each artifact says which run made it (`workflow_run.id`), as GitHub's does. Pages: `per_page` (≤ 100), `page`.
//     An artifact past its `expires_at` is listed as expired and cannot be downloaded.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { ActionsCacheService } from './actions-cache-service'

/** A workflow run (one attempt of it, as the job sees it). */
export interface SimulatedRun {
  id: number
  /** The latest attempt (GET /runs/{id} reports it as run_attempt). */
  attempt: number
  /** The workflow file, e.g. `.github/workflows/weekly-clip.yml`. */
  workflowPath: string
  event: string
  createdAt: number
}

export interface SimulatedArtifact {
  id: number
  name: string
  /** The run that uploaded it (the API's `workflow_run.id`). */
  runId: number
  finalized: boolean
  data?: Buffer
  contentType: string
  createdAt: number
  /** Date.now() past which the artifact is expired (from CreateArtifact's expires_at); none means the default 90 days. */
  expiresAt?: number
  /** The `retention-days` it was asked to be kept for, as days from its creation (rounded). */
  retentionDays?: number
  blob: string
  blocks: Map<string, Buffer>
}

export interface GitHubArtifactsService {
  url: string
  repository: string
  /** What the REST API accepts as the job's GITHUB_TOKEN (pass it as the `github-token` input). */
  token: string
  runs: Map<number, SimulatedRun>
  /** Live view, in creation order. */
  artifacts: SimulatedArtifact[]
  /** Every request seen (path without the query), with the Authorization header's scheme only. */
  requests: { method: string; path: string; query: string; auth: string }[]
  /**
   * Registers attempt `attempt` of run `id` of `workflow` (a file under .github/workflows/) and returns the variables
   * its job gets: the results service and its runtime token, the REST API, the run's id and attempt.
   */
  jobEnv(run: { id: number; attempt?: number; workflow: string; event?: string }): Record<string, string>
  /** Puts a finalized artifact in run `runId` as a step of that run could (anyone who can run a workflow of the repository). */
  plant(runId: number, name: string, data: Buffer, contentType?: string): SimulatedArtifact
  /** From now on, CreateArtifact answers 412 failed_precondition after `succeed` more successful creates (a full storage quota). */
  failUploadsAfter(succeed: number): void
  /** While down, every REST call answers 503 (the artifact upload still works). */
  setApiDown(down: boolean): void
  close(): Promise<void>
}

const TWIRP_ARTIFACTS = '/twirp/github.actions.results.api.v1.ArtifactService/'
const TWIRP_CACHE = '/twirp/github.actions.results.api.v1.CacheService/'
const BLOB_PREFIX = '/artifactstore/artifacts/'
const DEFAULT_RETENTION_MS = 90 * 86_400_000

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** The proto field, by its proto name or its JSON (camelCase) name. */
function field(body: Record<string, unknown>, name: string): unknown {
  return body[name] ?? body[name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())]
}

/** A field's text (a string, or a number: protojson writes int64 as a string), else ''. */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

/** A StringValue / Int64Value wrapper as protojson writes it: the bare value (or `{ value }`). */
function wrapped(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'object') return wrapped((value as { value?: unknown }).value)
  return text(value)
}

export async function startGitHubArtifactsService(
  options: { repository?: string; cache?: ActionsCacheService } = {},
): Promise<GitHubArtifactsService> {
  const repository = options.repository ?? 'acme/marketing'
  const token = `ghs_sim${randomBytes(12).toString('hex')}`
  const signingKey = randomBytes(32)
  const runs = new Map<number, SimulatedRun>()
  const artifacts: SimulatedArtifact[] = []
  const requests: GitHubArtifactsService['requests'] = []
  /** Runtime tokens issued → the run and job they name. */
  const runtimeTokens = new Map<string, { runBackendId: string; runId: number }>()
  const runBackendIds = new Map<string, number>()
  let nextId = 1_000
  let uploadsLeft = Infinity
  let apiDown = false
  let url = ''

  const sign = (blob: string, permissions: string, expiry: string) =>
    createHmac('sha256', signingKey).update(`${permissions}\n${expiry}\n${blob}`).digest('base64')
  const signedUrl = (blob: string, permissions: 'r' | 'cw') => {
    const expiry = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z')
    const query = new URLSearchParams({ sv: '2025-11-05', sr: 'b', sp: permissions, se: expiry, sig: sign(blob, permissions, expiry) })
    return `${url}${BLOB_PREFIX}${blob}?${query.toString()}`
  }
  const signatureHolds = (blob: string, query: URLSearchParams, needs: 'r' | 'w') => {
    const permissions = query.get('sp') ?? ''
    const expiry = query.get('se') ?? ''
    const given = Buffer.from(query.get('sig') ?? '', 'base64')
    const expected = Buffer.from(sign(blob, permissions, expiry), 'base64')
    return (
      given.length === expected.length && timingSafeEqual(given, expected) && Date.parse(expiry) > Date.now() && permissions.includes(needs)
    )
  }

  const expired = (a: SimulatedArtifact) => Date.now() >= (a.expiresAt ?? a.createdAt + DEFAULT_RETENTION_MS)

  function newArtifact(runId: number, name: string, contentType: string, expiresAt?: number): SimulatedArtifact {
    const id = nextId++
    const artifact: SimulatedArtifact = {
      id,
      name,
      runId,
      finalized: false,
      contentType,
      createdAt: Date.now(),
      blob: `${id}-${randomBytes(6).toString('hex')}`,
      blocks: new Map(),
      ...(expiresAt !== undefined ? { expiresAt, retentionDays: Math.round((expiresAt - Date.now()) / 86_400_000) } : {}),
    }
    artifacts.push(artifact)
    return artifact
  }

  // ---- Twirp: the artifact service --------------------------------------------------------------------------

  function callerOf(req: IncomingMessage, body: Record<string, unknown>): { runId: number } {
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? ''
    const caller = runtimeTokens.get(bearer)
    if (!caller) throw new TwirpError(401, 'unauthenticated', 'invalid or missing runtime token')
    if (field(body, 'workflow_run_backend_id') !== caller.runBackendId)
      throw new TwirpError(403, 'permission_denied', 'the token does not grant access to that workflow run')
    return caller
  }

  const artifactMethods: Record<string, (body: Record<string, unknown>, runId: number) => Record<string, unknown>> = {
    CreateArtifact(body, runId) {
      const name = text(field(body, 'name'))
      if (name === '') throw new TwirpError(400, 'invalid_argument', 'name is required')
      if (uploadsLeft <= 0)
        throw new TwirpError(412, 'failed_precondition', 'Artifact storage quota has been hit. Unable to upload any new artifacts.')
      uploadsLeft--
      if (artifacts.some((a) => a.runId === runId && a.name === name))
        throw new TwirpError(409, 'already_exists', 'an artifact with this name already exists on the workflow run')
      const expires = field(body, 'expires_at')
      const artifact = newArtifact(
        runId,
        name,
        wrapped(field(body, 'mime_type')) ?? 'application/zip',
        expires ? Date.parse(text(expires)) : undefined,
      )
      return { ok: true, signed_upload_url: signedUrl(artifact.blob, 'cw') }
    },
    FinalizeArtifact(body, runId) {
      const artifact = artifacts.find((a) => a.runId === runId && a.name === field(body, 'name') && !a.finalized)
      if (!artifact?.data) throw new TwirpError(404, 'not_found', 'no upload of that artifact to finalize')
      if (String(artifact.data.length) !== text(field(body, 'size')))
        throw new TwirpError(400, 'invalid_argument', `the artifact has ${artifact.data.length} bytes uploaded`)
      artifact.finalized = true
      return { ok: true, artifact_id: String(artifact.id) }
    },
    ListArtifacts(body, runId) {
      const name = wrapped(field(body, 'name_filter'))
      const id = wrapped(field(body, 'id_filter'))
      const found = artifacts.filter(
        (a) =>
          a.runId === runId &&
          a.finalized &&
          !expired(a) &&
          (name === undefined || a.name === name) &&
          (id === undefined || String(a.id) === id),
      )
      return {
        artifacts: found.map((a) => ({
          workflow_run_backend_id: field(body, 'workflow_run_backend_id'),
          workflow_job_run_backend_id: field(body, 'workflow_job_run_backend_id'),
          database_id: String(a.id),
          name: a.name,
          size: String(a.data?.length ?? 0),
          created_at: new Date(a.createdAt).toISOString(),
        })),
      }
    },
    GetSignedArtifactURL(body, runId) {
      const artifact = artifacts.find((a) => a.runId === runId && a.name === field(body, 'name') && a.finalized && !expired(a))
      if (!artifact) throw new TwirpError(404, 'not_found', 'artifact not found')
      return { signed_url: signedUrl(artifact.blob, 'r') }
    },
    DeleteArtifact(body, runId) {
      const index = artifacts.findIndex((a) => a.runId === runId && a.name === field(body, 'name') && a.finalized)
      if (index < 0) throw new TwirpError(404, 'not_found', 'artifact not found')
      const [gone] = artifacts.splice(index, 1)
      return { ok: true, artifact_id: String(gone?.id ?? 0) }
    },
  }

  function handleTwirp(req: IncomingMessage, res: ServerResponse, method: string, raw: Buffer): void {
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body)
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text)
    }
    try {
      const handler = artifactMethods[method]
      if (req.method !== 'POST' || !handler) throw new TwirpError(404, 'bad_route', `no handler for ${req.method} ${req.url}`)
      const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>
      reply(200, handler(body, callerOf(req, body).runId))
    } catch (error) {
      const twirp = error instanceof TwirpError ? error : new TwirpError(500, 'internal', String(error))
      reply(twirp.status, { code: twirp.code, msg: twirp.message })
    }
  }

  /** The cache's Twirp calls, passed on to the local cache service with its own token (GitHub serves both at one URL). */
  function forwardToCache(req: IncomingMessage, res: ServerResponse, path: string, raw: Buffer): void {
    const cache = options.cache
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? ''
    if (!cache || !runtimeTokens.has(bearer)) {
      res.writeHead(cache ? 401 : 404, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ code: cache ? 'unauthenticated' : 'bad_route', msg: 'no cache service here' }))
      return
    }
    const target = new URL(path, cache.url)
    const headers = {
      'Content-Type': 'application/json',
      'Content-Length': raw.length,
      Authorization: `Bearer ${cache.env.ACTIONS_RUNTIME_TOKEN}`,
    }
    const forwarded = httpRequest(target, { method: req.method ?? 'POST', headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    forwarded.on('error', () => res.destroy())
    forwarded.end(raw)
  }

  // ---- blob storage -------------------------------------------------------------------------------------------

  function handleBlob(req: IncomingMessage, res: ServerResponse, blob: string, query: URLSearchParams, raw: Buffer): void {
    const artifact = artifacts.find((a) => a.blob === blob)
    const fail = (status: number, code: string) => {
      const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`
      res
        .writeHead(status, { 'x-ms-error-code': code, 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(xml) })
        .end(xml)
    }
    if (req.method === 'PUT') {
      if (!signatureHolds(blob, query, 'w')) return fail(403, 'AuthenticationFailed')
      if (!artifact || artifact.finalized) return fail(409, 'BlobImmutable')
      const comp = query.get('comp')
      if (comp === 'block') artifact.blocks.set(query.get('blockid') ?? '', raw)
      else if (comp === 'blocklist') {
        const ids = [...raw.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map((m) => m[2] ?? '')
        const parts = ids.map((id) => artifact.blocks.get(id))
        if (parts.some((p) => p === undefined)) return fail(400, 'InvalidBlockList')
        artifact.data = Buffer.concat(parts as Buffer[])
        const type = req.headers['x-ms-blob-content-type']
        if (typeof type === 'string' && type !== '') artifact.contentType = type
      } else if (comp === null) artifact.data = raw
      else return fail(400, 'UnsupportedQueryParameter')
      res
        .writeHead(201, {
          ETag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
          'Last-Modified': new Date().toUTCString(),
          'Content-Length': 0,
        })
        .end()
      return
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (!signatureHolds(blob, query, 'r')) return fail(403, 'AuthenticationFailed')
      if (!artifact?.finalized || !artifact.data) return fail(404, 'BlobNotFound')
      res.writeHead(200, { 'Content-Type': artifact.contentType, 'Content-Length': artifact.data.length })
      res.end(req.method === 'HEAD' ? undefined : artifact.data)
      return
    }
    fail(405, 'UnsupportedHttpVerb')
  }

  // ---- REST API -----------------------------------------------------------------------------------------------

  const artifactJson = (a: SimulatedArtifact) => ({
    id: a.id,
    node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
    name: a.name,
    size_in_bytes: a.data?.length ?? 0,
    url: `${url}/repos/${repository}/actions/artifacts/${a.id}`,
    archive_download_url: `${url}/repos/${repository}/actions/artifacts/${a.id}/zip`,
    expired: expired(a),
    created_at: new Date(a.createdAt).toISOString(),
    updated_at: new Date(a.createdAt).toISOString(),
    expires_at: new Date(a.expiresAt ?? a.createdAt + DEFAULT_RETENTION_MS).toISOString(),
    workflow_run: { id: a.runId, repository_id: 1, head_repository_id: 1, head_branch: 'main', head_sha: '0'.repeat(40) },
  })
  const runJson = (run: SimulatedRun) => ({
    id: run.id,
    name: run.workflowPath.replace(/^.*\//, '').replace(/\.ya?ml$/, ''),
    path: run.workflowPath,
    workflow_id: 100 + [...new Set([...runs.values()].map((r) => r.workflowPath))].indexOf(run.workflowPath),
    run_attempt: run.attempt,
    event: run.event,
    status: 'completed',
    created_at: new Date(run.createdAt).toISOString(),
    html_url: `https://github.com/${repository}/actions/runs/${run.id}`,
    repository: { full_name: repository },
  })

  function page<T>(items: T[], query: URLSearchParams): T[] {
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30))
    const number = Math.max(1, Number(query.get('page') ?? 1) || 1)
    return items.slice((number - 1) * perPage, number * perPage)
  }

  function listed(found: SimulatedArtifact[], query: URLSearchParams) {
    const name = query.get('name')
    const matching = found
      .filter((a) => a.finalized && (name === null || a.name === name))
      .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
    return { total_count: matching.length, artifacts: page(matching, query).map(artifactJson) }
  }

  function handleRest(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): void {
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(body)
      res
        .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers })
        .end(text)
    }
    try {
      if (apiDown) throw new HttpError(503, 'Service Unavailable')
      const auth = String(req.headers.authorization ?? '')
      if (auth !== `token ${token}` && auth !== `Bearer ${token}` && auth !== `bearer ${token}`) throw new HttpError(401, 'Bad credentials')
      const prefix = `/repos/${repository}/actions/`
      if (req.method !== 'GET' || !path.startsWith(prefix)) throw new HttpError(404, 'Not Found')
      const route = path.slice(prefix.length).split('/').map(decodeURIComponent)
      const [first, second, third] = route
      if (first === 'artifacts' && route.length === 1) return reply(200, listed(artifacts, query))
      if (first === 'artifacts' && route.length <= 3) {
        const artifact = artifacts.find((a) => String(a.id) === second && a.finalized)
        if (!artifact) throw new HttpError(404, 'Not Found')
        if (route.length === 2) return reply(200, artifactJson(artifact))
        if (third !== 'zip') throw new HttpError(404, 'Not Found')
        if (expired(artifact)) throw new HttpError(410, 'Artifact has expired')
        res.writeHead(302, { Location: signedUrl(artifact.blob, 'r'), 'Content-Length': 0 }).end()
        return
      }
      if (first === 'runs' && second !== undefined) {
        const run = runs.get(Number(second))
        if (!run) throw new HttpError(404, 'Not Found')
        if (route.length === 2) return reply(200, runJson(run))
        if (route.length === 3 && third === 'artifacts')
          return reply(
            200,
            listed(
              artifacts.filter((a) => a.runId === run.id),
              query,
            ),
          )
      }
      if (first === 'workflows' && third === 'runs' && route.length === 3) {
        const matching = [...runs.values()].filter((r) => r.workflowPath.endsWith(`/${second}`)).sort((a, b) => b.createdAt - a.createdAt)
        return reply(200, { total_count: matching.length, workflow_runs: page(matching, query).map(runJson) })
      }
      throw new HttpError(404, 'Not Found')
    } catch (error) {
      const http = error instanceof HttpError ? error : new HttpError(500, String(error))
      reply(http.status, { message: http.message, documentation_url: 'https://docs.github.com/rest' })
    }
  }

  // ---- server -------------------------------------------------------------------------------------------------

  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1')
    const auth = String(req.headers.authorization ?? '').split(' ')[0] ?? ''
    requests.push({ method: req.method ?? '', path: parsed.pathname, query: parsed.search, auth })
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      if (parsed.pathname.startsWith(TWIRP_ARTIFACTS)) handleTwirp(req, res, parsed.pathname.slice(TWIRP_ARTIFACTS.length), raw)
      else if (parsed.pathname.startsWith(TWIRP_CACHE)) forwardToCache(req, res, parsed.pathname, raw)
      else if (parsed.pathname.startsWith(BLOB_PREFIX))
        handleBlob(req, res, parsed.pathname.slice(BLOB_PREFIX.length), parsed.searchParams, raw)
      else handleRest(req, res, parsed.pathname, parsed.searchParams)
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

  return {
    url,
    repository,
    token,
    runs,
    artifacts,
    requests,
    jobEnv({ id, attempt = 1, workflow, event = 'schedule' }) {
      const known = runs.get(id)
      runs.set(id, {
        id,
        attempt: Math.max(attempt, known?.attempt ?? 0),
        workflowPath: workflow,
        event,
        createdAt: known?.createdAt ?? Date.now(),
      })
      const runBackendId = [...runBackendIds].find(([, run]) => run === id)?.[0] ?? randomBytes(16).toString('hex')
      runBackendIds.set(runBackendId, id)
      const claims = {
        scp: `Actions.GenericRead:${randomBytes(4).toString('hex')} Actions.Results:${runBackendId}:${randomBytes(16).toString('hex')}`,
      }
      const jwt = `${base64url({ typ: 'JWT', alg: 'RS256' })}.${base64url({ ...claims, iat: Math.floor(Date.now() / 1000) })}.${randomBytes(32).toString('base64url')}`
      runtimeTokens.set(jwt, { runBackendId, runId: id })
      return {
        ACTIONS_RESULTS_URL: `${url}/`,
        ACTIONS_RUNTIME_TOKEN: jwt,
        GITHUB_API_URL: url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: repository,
        GITHUB_RUN_ID: String(id),
        GITHUB_RUN_ATTEMPT: String(attempt),
      }
    },
    plant(runId, name, data, contentType = 'application/json') {
      const artifact = newArtifact(runId, name, contentType)
      artifact.data = data
      artifact.finalized = true
      return artifact
    },
    failUploadsAfter(succeed) {
      uploadsLeft = succeed
    },
    setApiDown(down) {
      apiDown = down
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
    },
  }
}
