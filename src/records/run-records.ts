// Records kept as artifacts of this workflow's own runs: the budget's spend records (./spend-records.ts) and the
// `reuse: run` delivered notes (./delivered-notes.ts). The Actions cache cannot keep them: its entries are evicted
// (idle for 7 days, or the least recently used past the repository's size limit) and anyone who can save an entry
// can save an old one again, so "the newest entry" can be rolled back. An artifact is kept for its retention days,
// can only be added to the run that uploads it, and GitHub's REST API says which run made it (`workflow_run.id`):
// a record that names another run is a replay.
//
// Writing uses @actions/artifact (the runner's runtime token; no GitHub token needed), one small JSON file per
// artifact, uploaded as the file itself (`skipArchive`), so reading it needs no unzip. Reading uses @actions/github's
// Octokit with the `github-token` input (the job's GITHUB_TOKEN, `actions: read`), sent to GITHUB_API_URL only; the
// artifact's bytes come from the signed URL the API redirects to, fetched without any token and never past a small
// cap. Both packages are loaded on first use, so a run without `budget-period` or `reuse: run` never loads them.
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type * as ArtifactModule from '@actions/artifact'
import type * as GitHubModule from '@actions/github'
import { request } from 'undici'
import { removeLeftover } from '../atomic-files'
import { messageOf } from '../errors'
import { createHttpAgent, readBodyCapped } from '../foxapi/http'
import { capText } from '../security/visible-text'

/** Largest record read (a record is a few hundred bytes). */
export const MAX_RECORD_BYTES = 16 * 1024
/** Pages of 100 read of one listing at most; more is refused (the records would not fit the API's rate limit anyway). */
const MAX_PAGES = 10
const API_TIMEOUT_MS = 30_000

/** An artifact as the REST API lists it. */
export interface ListedArtifact {
  id: number
  name: string
  /** The run that uploaded it, as GitHub says. */
  runId: number
  expired: boolean
  bytes: number
}

/** A workflow run as the REST API describes it. */
export interface RunFacts {
  id: number
  /** Its latest attempt. */
  attempt: number
  /** Its workflow file, `owner/repo/.github/workflows/file.yml`, as the budget's scope names workflows. */
  workflow: string
}

/** This job's run, as the runner names it. */
export interface ThisRun {
  repository: string
  runId: number
  attempt: number
}

/** This job's run, when records can be kept on this runner; else why not (from the runner's variables alone). */
export function recordStoreRun(env: NodeJS.ProcessEnv = process.env): { run: ThisRun } | { problem: string } {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL)
    return {
      problem: 'the Actions artifact service is not configured on this runner (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set)',
    }
  const server = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toLowerCase()
  if (server !== 'github.com' && !server.endsWith('.ghe.com') && !server.endsWith('.localhost'))
    return { problem: `${server} is a GitHub Enterprise Server, whose artifact service @actions/artifact does not support` }
  const run = thisRun(env)
  return run ? { run } : { problem: 'GITHUB_REPOSITORY, GITHUB_RUN_ID or GITHUB_RUN_ATTEMPT do not name a run' }
}

/** The repository's artifact retention in days (GITHUB_RETENTION_DAYS), when the runner gives a usable one. */
export function retentionLimit(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const limit = Number((env.GITHUB_RETENTION_DAYS ?? '').trim() || NaN)
  return Number.isInteger(limit) && limit > 0 ? limit : undefined
}

/** Whether an upload failed because the artifact is there already (an earlier attempt or another job of the run made it). */
export function isAlreadyUploaded(error: unknown): boolean {
  return /\(409\)|already exists/i.test(messageOf(error))
}

/** This job's run (GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT), when the variables name one. */
export function thisRun(env: NodeJS.ProcessEnv = process.env): ThisRun | undefined {
  const repository = (env.GITHUB_REPOSITORY ?? '').trim()
  const runId = (env.GITHUB_RUN_ID ?? '').trim()
  const attempt = (env.GITHUB_RUN_ATTEMPT ?? '1').trim() || '1'
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository) || !/^\d{1,15}$/.test(runId) || !/^\d{1,6}$/.test(attempt)) return undefined
  if (Number(runId) <= 0 || Number(attempt) <= 0) return undefined
  return { repository, runId: Number(runId), attempt: Number(attempt) }
}

/** The store: uploads to this run, reads the repository's artifacts back through the REST API. */
export class RunRecords {
  private github: Promise<ReturnType<typeof GitHubModule.getOctokit>> | undefined
  private readonly runs = new Map<number, Promise<RunFacts>>()

  constructor(
    /** The job's run. */
    readonly run: ThisRun,
    private readonly token: string,
    private readonly apiUrl = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
  ) {}

  /** Uploads `text` as the artifact `name` of this run, kept `retentionDays`. Throws when it is not saved. */
  async upload(name: string, text: string, retentionDays: number): Promise<void> {
    const folder = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'foxapi-record-'))
    try {
      const file = path.join(folder, name)
      await writeFile(file, text, { flag: 'wx', mode: 0o600 })
      const { DefaultArtifactClient }: typeof ArtifactModule = await import('@actions/artifact')
      await new DefaultArtifactClient().uploadArtifact(name, [file], folder, { retentionDays, skipArchive: true })
    } finally {
      await removeLeftover(folder)
    }
  }

  /** Every artifact of the repository named exactly `name` (any run), newest first. */
  async listNamed(name: string): Promise<ListedArtifact[]> {
    return this.listPages(`GET /repos/{owner}/{repo}/actions/artifacts`, { name })
  }

  /** The artifacts of run `runId` whose name starts with `prefix`. */
  async listRun(runId: number, prefix: string): Promise<ListedArtifact[]> {
    const all = await this.listPages(`GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`, { run_id: runId })
    return all.filter((artifact) => artifact.name.startsWith(prefix))
  }

  /** Run `runId` of this repository: its latest attempt and its workflow file (asked once per run). */
  describeRun(runId: number): Promise<RunFacts> {
    let known = this.runs.get(runId)
    if (!known) {
      known = this.api().then(async (github) => {
        const { data } = await github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
          ...this.repo(),
          run_id: runId,
          request: this.limits(),
        })
        const reply = data as { id?: unknown; run_attempt?: unknown; path?: unknown }
        if (reply.id !== runId || typeof reply.path !== 'string') throw new Error(`the API's description of run ${runId} is not one`)
        const attempt = typeof reply.run_attempt === 'number' && reply.run_attempt > 0 ? reply.run_attempt : 1
        return { id: runId, attempt, workflow: `${this.run.repository}/${reply.path.replace(/@.*$/, '')}` }
      })
      this.runs.set(runId, known)
    }
    return known
  }

  /** The text of artifact `id` (at most MAX_RECORD_BYTES): the API's redirect, then the signed URL, with no token. */
  async read(id: number): Promise<string> {
    const github = await this.api()
    const reply = await github.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
      ...this.repo(),
      artifact_id: id,
      archive_format: 'zip',
      request: { ...this.limits(), redirect: 'manual' },
    })
    const location = (reply.headers as Record<string, unknown>).location
    if (reply.status !== 302 || typeof location !== 'string' || !/^https?:\/\//i.test(location))
      throw new Error(`the API did not point to artifact ${id}'s bytes (HTTP ${reply.status})`)
    const dispatcher = createHttpAgent(API_TIMEOUT_MS)
    try {
      const response = await request(location, { dispatcher, signal: AbortSignal.timeout(API_TIMEOUT_MS) })
      if (response.statusCode !== 200) {
        response.body.destroy()
        throw new Error(`artifact ${id}'s bytes answered HTTP ${response.statusCode}`)
      }
      return await readBodyCapped(response, `reading artifact ${id}`, MAX_RECORD_BYTES)
    } finally {
      await dispatcher.close()
    }
  }

  private async listPages(route: string, parameters: Record<string, string | number>): Promise<ListedArtifact[]> {
    const github = await this.api()
    const found: ListedArtifact[] = []
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer: { data: unknown } = await github.request(route, {
        ...this.repo(),
        ...parameters,
        per_page: 100,
        page,
        request: this.limits(),
      })
      const reply = answer.data as { total_count?: unknown; artifacts?: unknown }
      if (!Array.isArray(reply.artifacts)) throw new Error('the API listed no artifacts array')
      for (const item of reply.artifacts as unknown[]) {
        const artifact = listedArtifact(item)
        if (!artifact) throw new Error('the API listed an artifact that is not one')
        found.push(artifact)
      }
      const total = typeof reply.total_count === 'number' ? reply.total_count : found.length
      if (reply.artifacts.length < 100 || found.length >= total) return found
    }
    throw new Error(`more than ${MAX_PAGES * 100} artifacts to read; too many to count`)
  }

  private repo(): { owner: string; repo: string } {
    const [owner = '', repo = ''] = this.run.repository.split('/')
    return { owner, repo }
  }

  private limits(): { signal: AbortSignal } {
    return { signal: AbortSignal.timeout(API_TIMEOUT_MS) }
  }

  /** Octokit for GITHUB_API_URL with the token, loaded on first use. */
  private api(): Promise<ReturnType<typeof GitHubModule.getOctokit>> {
    this.github ??= import('@actions/github').then(({ getOctokit }) =>
      getOctokit(this.token, { baseUrl: this.apiUrl, log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } }),
    )
    return this.github
  }
}

function listedArtifact(item: unknown): ListedArtifact | undefined {
  const a = item as { id?: unknown; name?: unknown; expired?: unknown; size_in_bytes?: unknown; workflow_run?: { id?: unknown } | null }
  if (typeof a?.id !== 'number' || typeof a.name !== 'string' || typeof a.workflow_run?.id !== 'number') return undefined
  return {
    id: a.id,
    name: a.name,
    runId: a.workflow_run.id,
    expired: a.expired === true,
    bytes: typeof a.size_in_bytes === 'number' ? a.size_in_bytes : 0,
  }
}

/** A failed API call in a few words (Octokit's errors carry the status; the text is the server's, so capped). */
export function apiProblem(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status
  const text = capText(messageOf(error), 200)
  return typeof status === 'number' ? `HTTP ${status}: ${text}` : text
}
