// The run's dependencies for in-process tests of src/run/: the settings and clips read from inputs exactly as the
// action reads them, and ClipDeps for a simulator (a FoxAPI client and a guarded download agent on 127.0.0.1, the
// result cache: off, or the real @actions/cache against the local cache service, a budget, under `reuse: run` the
// delivered notes, a log that collects lines), and the job's variables for the local artifact service (the spend
// records and delivered notes of src/records/, as runs of one workflow). Whatever a helper makes for a test is undone
// when the test ends: agents destroyed, folders removed, environment variables restored.
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, onTestFinished } from 'vitest'
import type { ActionsCacheService } from '../../simulator/actions-cache-service'
import { parseFileCommands } from '../../simulator/actions-runner'
import type { GitHubArtifactsService } from '../../simulator/github-artifacts-service'
import { ResultCache } from '../../src/cache/result-cache'
import { FoxApiClient } from '../../src/foxapi/api-client'
import { createHttpAgent } from '../../src/foxapi/http'
import type { RetryPolicy } from '../../src/foxapi/retries'
import type { Task } from '../../src/foxapi/task'
import type { ClipSpec, NotDueEntry, RunSettings } from '../../src/inputs/clip-spec'
import { readInputs } from '../../src/inputs/read-inputs'
import { DeliveredNotes } from '../../src/records/delivered-notes'
import { transferLimits } from '../../src/run/batch-scheduler'
import { CreditBudget } from '../../src/run/budget'
import type { ClipDeps } from '../../src/run/clip-deps'
import { downloadPolicyFor, guardedConnector } from '../../src/security/download-policy'
import { API_KEY } from './fixtures'

/** Retries that cost a test milliseconds, not seconds. */
export const QUICK_RETRY: RetryPolicy = { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 3 }

let savedEnv: Map<string, string | undefined> | undefined

/** Sets (or, with undefined, removes) environment variables for the running test; all are restored when it ends. */
export function setEnv(vars: Record<string, string | undefined>): void {
  if (savedEnv === undefined) {
    const saved = (savedEnv = new Map())
    onTestFinished(() => {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
      savedEnv = undefined
    })
  }
  for (const [name, value] of Object.entries(vars)) {
    if (!savedEnv.has(name)) savedEnv.set(name, process.env[name])
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
}

/** A fresh folder under the test file's temp folder, removed when the test ends. */
export function tempFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix))
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }))
  return folder
}

/**
 * A job's folders for the running test: a workspace and a RUNNER_TEMP, set as GITHUB_WORKSPACE and RUNNER_TEMP,
 * and the workspace as the current folder, as the runner starts an action (@actions/cache finds the entry's
 * relative paths from there, and downloads archives under RUNNER_TEMP). All restored when the test ends.
 */
export function jobFolders(): { workspace: string; runnerTemp: string } {
  const workspace = tempFolder('foxapi-run-ws-')
  const runnerTemp = tempFolder('foxapi-run-temp-')
  setEnv({ GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp })
  const cwd = process.cwd()
  process.chdir(workspace)
  onTestFinished(() => process.chdir(cwd))
  return { workspace, runnerTemp }
}

/** Points @actions/cache at the local cache service for the running test (and at nothing a real runner set). */
export function useCacheService(service: ActionsCacheService): void {
  setEnv({ ...service.env, ACTIONS_CACHE_URL: undefined, ACTIONS_CACHE_MODE: undefined })
}

/** The workflow file every run of the artifact service is a run of, unless a test names another. */
export const WORKFLOW_FILE = '.github/workflows/weekly.yml'

/** A run of a workflow, as the artifact service knows it. */
export interface JobRun {
  id: number
  attempt?: number
  /** A file under .github/workflows/ (default WORKFLOW_FILE). */
  workflow?: string
  event?: string
}

/**
 * Makes the running test's job a job of `run`, as the runner would: the artifact service's results URL and runtime
 * token (its Twirp cache calls go on to the cache service it was started with), the REST API, the repository, the
 * run's id and attempt. Restored when the test ends. Returns the variables set.
 */
export function useArtifactsService(artifacts: GitHubArtifactsService, run: JobRun): Record<string, string> {
  const env = artifacts.jobEnv({ ...run, workflow: run.workflow ?? WORKFLOW_FILE })
  setEnv(env)
  return env
}

/**
 * Runs `step` as a job of another run (an earlier run writing its spend records or delivered notes), then makes the
 * job what it was again.
 */
export async function asRun<T>(artifacts: GitHubArtifactsService, run: JobRun, step: () => Promise<T>): Promise<T> {
  const env = artifacts.jobEnv({ ...run, workflow: run.workflow ?? WORKFLOW_FILE })
  const before = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]))
  setEnv(env)
  try {
    return await step()
  } finally {
    setEnv(before)
  }
}

/** Inputs for a quick run against a simulator at `url`: fast polls, short timeouts, no cache unless asked. */
export function quickRunInputs(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': API_KEY,
    'base-url': url,
    prompt: 'A red fox runs through snow at golden hour',
    'poll-interval': '50ms',
    timeout: '10s',
    'request-timeout': '2s',
    cache: 'false',
    ...extra,
  }
}

export interface ReadRun {
  settings: RunSettings
  clips: ClipSpec[]
  batch: boolean
  notDue: NotDueEntry[]
}

/**
 * The settings and clips of `inputs`, read as the action reads them, in the job of jobFolders() (`env` adds the
 * runner's variables: the event, the run id, the workflow). Throws with the problems of inputs that are not valid.
 */
export function readRun(inputs: Record<string, string>, env: Record<string, string> = {}): ReadRun {
  const job = { GITHUB_WORKSPACE: process.env.GITHUB_WORKSPACE ?? '', RUNNER_TEMP: process.env.RUNNER_TEMP ?? '' }
  const read = readInputs((name) => inputs[name] ?? '', { ...job, ...env })
  if (!read.ok) throw new Error(`the inputs are not valid: ${read.problems.join('; ')}`)
  return { settings: read.settings, clips: read.clips, batch: read.batch, notDue: read.notDue }
}

/** The only clip of a run read from inputs. */
export function onlyClip(run: ReadRun): ClipSpec {
  const [clip] = run.clips
  if (!clip || run.clips.length !== 1) throw new Error(`expected one clip, got ${run.clips.length}`)
  return clip
}

/** The result cache a run of `settings` makes (the real @actions/cache: see useCacheService). */
export function resultCacheFor(settings: RunSettings): ResultCache {
  return new ResultCache(settings.cache, settings.workspace, { apiKey: settings.apiKey, maxClipBytes: settings.maxDownloadBytes })
}

export interface TestDeps {
  deps: ClipDeps
  /** Every line the clips logged, as `[name] line`. */
  lines: string[]
  /** The tasks being waited on right now (the post step's list). */
  waiting: Set<string>
  /** Every task id ever added to the waiting list. */
  everWaited: string[]
}

export interface TestDepsOptions {
  cache?: ResultCache
  budget?: CreditBudget
  notes?: DeliveredNotes
  batch?: boolean
  signal?: AbortSignal
  retry?: RetryPolicy
}

/**
 * ClipDeps for `settings` (whose base-url names the simulator), as src/run/generation.ts makes them but with quick
 * retries and a log that collects lines. The cache is `settings.cache` through the real module unless given; under
 * `reuse: run`, the delivered notes are opened from the job's variables as the run opens them (see
 * useArtifactsService). Both agents are destroyed when the test ends.
 */
export function runDeps(settings: RunSettings, options: TestDepsOptions = {}): TestDeps {
  const agent = createHttpAgent(settings.requestTimeoutMs)
  const downloadAgent = createHttpAgent(settings.requestTimeoutMs, {
    connect: guardedConnector(downloadPolicyFor(settings.baseUrl), Math.min(settings.requestTimeoutMs, 30_000)),
  })
  onTestFinished(() => Promise.all([agent.destroy(), downloadAgent.destroy()]).then(() => undefined))
  const client = new FoxApiClient({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, agent, retry: options.retry ?? QUICK_RETRY })
  const lines: string[] = []
  const waiting = new Set<string>()
  const everWaited: string[] = []
  const deps: ClipDeps = {
    settings,
    client,
    downloadAgent,
    cache: options.cache ?? resultCacheFor(settings),
    budget: options.budget ?? new CreditBudget(settings.maxCredits),
    ...(options.notes ? { notes: options.notes } : notesOf(settings)),
    batch: options.batch ?? false,
    signal: options.signal ?? new AbortController().signal,
    log: (clip, line) => void lines.push(`[${clip}] ${line}`),
    limits: transferLimits(settings.concurrency),
    waiting: {
      add: (id) => void (waiting.add(id), everWaited.push(id)),
      delete: (id) => void waiting.delete(id),
    },
  }
  return { deps, lines, waiting, everWaited }
}

/** Under `reuse: run`, the delivered notes as src/run/generation.ts opens them (from the job's variables). */
function notesOf(settings: RunSettings): { notes?: DeliveredNotes } {
  return settings.reuse.mode === 'run' ? { notes: DeliveredNotes.open({ apiKey: settings.apiKey, githubToken: settings.githubToken }) } : {}
}

export interface ActionFiles {
  outputs(): Record<string, string>
  state(): Record<string, string>
  summary(): string
}

/**
 * GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY as files of this test file, emptied before each test. Call it
 * at the top of a file: @actions/core keeps the summary's path once it has written there, so one file serves every
 * test of the file. The variables are restored, and the files removed, after the file's tests.
 */
export function useActionFiles(): ActionFiles {
  let folder = ''
  const saved: Record<string, string | undefined> = {}
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary.md' } as const
  const pathOf = (name: keyof typeof files) => path.join(folder, files[name])
  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'foxapi-action-files-'))
    for (const name of Object.keys(files) as (keyof typeof files)[]) {
      saved[name] = process.env[name]
      process.env[name] = pathOf(name)
    }
  })
  beforeEach(() => {
    for (const name of Object.keys(files) as (keyof typeof files)[]) writeFileSync(pathOf(name), '')
  })
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    rmSync(folder, { recursive: true, force: true })
  })
  return {
    outputs: () => parseFileCommands(readFileSync(pathOf('GITHUB_OUTPUT'), 'utf8')),
    state: () => parseFileCommands(readFileSync(pathOf('GITHUB_STATE'), 'utf8')),
    summary: () => readFileSync(pathOf('GITHUB_STEP_SUMMARY'), 'utf8'),
  }
}

/** A task made at the simulator outside this run (by an earlier run, another workflow, a person), as FoxAPI answered it. */
export async function taskMadeElsewhere(sim: { url: string }, request: Record<string, unknown>): Promise<Task> {
  const reply = await fetch(`${sim.url}/v1/videos/generations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(request),
  })
  if (!reply.ok) throw new Error(`the simulator refused the task: HTTP ${reply.status} ${await reply.text()}`)
  return (await reply.json()) as Task
}

/** Waits until `condition` holds (checked every 10 ms), or fails naming `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
