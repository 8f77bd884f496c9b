// generate() (src/run/generation.ts), the paid run as src/main.ts starts it, in process against the FoxAPI simulator:
// the outputs, the post step's state and the job summary it writes (GITHUB_OUTPUT, GITHUB_STATE and
// GITHUB_STEP_SUMMARY point at files of this test file), the step's failure (process.exitCode, set by
// core.setFailed, is put back after each test), a run with nothing due, and `budget-period` with its spend records
// (artifacts of the workflow's runs, kept by the local artifact service, which passes the cache's calls on to the
// local cache service as GitHub's one results URL does).
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { startActionsCacheService } from '../../simulator/actions-cache-service'
import { startFoxApiSimulator, type FoxApiSimulator } from '../../simulator/foxapi-simulator'
import { startGitHubArtifactsService, type GitHubArtifactsService } from '../../simulator/github-artifacts-service'
import type { BudgetPeriodSettings } from '../../src/inputs/clip-spec'
import type { ResultRow } from '../../src/report/outputs'
import { SpendRecords } from '../../src/records/spend-records'
import { generate } from '../../src/run/generation'
import { CLIP_SHA256, checkKeyAndClose } from '../support/fixtures'
import {
  asRun,
  jobFolders,
  quickRunInputs,
  readRun,
  setEnv,
  useActionFiles,
  useArtifactsService,
  useCacheService,
} from '../support/run-deps'
import { captureStdout, type StdoutCapture } from '../support/stdout'

const files = useActionFiles()
let stdout: StdoutCapture
let exitCode: typeof process.exitCode
beforeEach(() => {
  exitCode = process.exitCode
  stdout = captureStdout()
})
afterEach(() => {
  stdout.restore()
  process.exitCode = exitCode
})

async function simulator(): Promise<FoxApiSimulator> {
  const sim = await startFoxApiSimulator({
    taskDurationMs: 100,
    scenario: (request) =>
      String(request.prompt).includes('[fail]') ? { outcome: 'failed', error: { code: 'render_error', message: 'gave up' } } : {},
  })
  onTestFinished(() => checkKeyAndClose(sim))
  return sim
}

const rowsOf = (outputs: Record<string, string>) => JSON.parse(outputs.results ?? '[]') as ResultRow[]
const WORKFLOW = {
  GITHUB_REPOSITORY: 'acme/marketing',
  GITHUB_WORKFLOW_REF: 'acme/marketing/.github/workflows/weekly.yml@refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
}

describe('generate', () => {
  it('makes the clip and writes the outputs, the state for the post step, the results file and the summary', async () => {
    const sim = await simulator()
    const { workspace } = jobFolders()
    const run = readRun(quickRunInputs(sim.url))
    const listeners = process.listenerCount('SIGINT')

    await generate(run.clips, { settings: run.settings, batch: false })

    expect(process.exitCode).toBe(exitCode)
    const outputs = files.outputs()
    const [task] = [...sim.tasks.values()]
    expect(outputs).toMatchObject({
      'task-id': task?.id,
      status: 'completed',
      'video-path': path.join(workspace, 'foxapi-videos', `${task?.id}.mp4`),
      'video-sha256': CLIP_SHA256,
      'cache-hit': 'false',
      credits: '5',
      'results-file': run.settings.resultsFile,
    })
    expect(rowsOf(outputs)).toEqual([expect.objectContaining({ name: 'clip', outcome: 'succeeded', task_id: task?.id, verify: 'passed' })])
    expect(JSON.parse(readFileSync(run.settings.resultsFile, 'utf8'))).toEqual([
      expect.objectContaining({ name: 'clip', outcome: 'succeeded', request: run.clips[0]?.request }),
    ])
    // What the post step reads: whether to cancel, where, and the tasks still waited on (none now).
    expect(files.state()).toEqual({ 'cancel-on-timeout': 'false', 'base-url': sim.url, 'waiting-task-ids': '[]' })
    expect(files.summary()).toContain(task?.id)
    expect(stdout.text()).toContain('::group::FoxAPI: generate a clip')
    expect(process.listenerCount('SIGINT')).toBe(listeners) // its stop handlers are gone
    expect(existsSync(path.join(workspace, '.foxapi-video-cache'))).toBe(false)
  })

  it("fails the step with the clip's error when the clip fails", async () => {
    const sim = await simulator()
    jobFolders()
    const run = readRun(quickRunInputs(sim.url, { prompt: 'a broken one [fail]' }))

    await generate(run.clips, { settings: run.settings, batch: false })

    expect(process.exitCode).toBe(1)
    const [task] = [...sim.tasks.values()]
    expect(stdout.text()).toContain(`::error::FoxAPI task ${task?.id} failed: render_error: gave up`)
    expect(files.outputs()).toMatchObject({ status: 'failed', 'task-id': task?.id })
    expect(files.summary()).toContain('render_error')
  })

  it('fails a batch naming each clip that did not finish, after finishing the others', async () => {
    const sim = await simulator()
    jobFolders()
    const batch = JSON.stringify([
      { name: 'fox', prompt: 'a fox at dawn' },
      { name: 'broken', prompt: 'a broken one [fail]' },
    ])
    const run = readRun(quickRunInputs(sim.url, { batch }))

    await generate(run.clips, { settings: run.settings, batch: true })

    expect(process.exitCode).toBe(1)
    expect(rowsOf(files.outputs()).map((r) => [r.name, r.outcome])).toEqual([
      ['fox', 'succeeded'],
      ['broken', 'failed'],
    ])
    expect(stdout.text()).toMatch(/::error::1 of 2 clips did not finish:%0A- broken: FoxAPI task \S+ failed: render_error: gave up/)
    expect(stdout.text()).toMatch(/\[fox\] Submitted task/)
  })

  it('with nothing due, sends nothing, writes empty outputs and a summary, and does not fail', async () => {
    const sim = await simulator()
    jobFolders()
    const run = readRun(quickRunInputs(sim.url))

    await generate([], { settings: run.settings, batch: true, notDue: [{ name: 'fox', reason: 'due on Mondays' }] })

    expect(process.exitCode).toBe(exitCode)
    expect(sim.requests).toEqual([])
    expect(files.outputs()).toMatchObject({ results: '[]', credits: '0' })
    expect(stdout.text()).toContain('::notice::No batch entry is due on this run, so nothing was sent to FoxAPI.')
    expect(files.summary()).toContain('due on Mondays')
  })

  it.each([
    {
      name: 'no artifact service',
      env: { ACTIONS_RESULTS_URL: undefined, ACTIONS_RUNTIME_TOKEN: undefined },
      error:
        "::error::budget-period month keeps its spend records as artifacts of this workflow's runs, which cannot be used here: the Actions artifact service is not configured on this runner (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set). Nothing was sent to FoxAPI.",
    },
    {
      name: 'a GitHub Enterprise Server',
      env: { GITHUB_SERVER_URL: 'https://github.acme.example' },
      error:
        "::error::budget-period month keeps its spend records as artifacts of this workflow's runs, which cannot be used here: github.acme.example is a GitHub Enterprise Server, whose artifact service @actions/artifact does not support. Nothing was sent to FoxAPI.",
    },
    {
      name: 'artifacts kept for less than the period',
      env: { GITHUB_RETENTION_DAYS: '30' },
      error:
        '::error::budget-period month keeps its spend records as artifacts for 32 days, but this repository keeps artifacts for at most 30 days (GITHUB_RETENTION_DAYS): records would expire before the period ends and the cap could not hold.',
    },
  ])('with budget-period and no store for its records ($name), fails before sending anything', async ({ env, error }) => {
    const sim = await simulator()
    const artifacts = await artifactsService()
    jobFolders()
    useArtifactsService(artifacts, { id: 500 })
    setEnv({ GITHUB_RETENTION_DAYS: undefined, ...env })
    const run = readRun(monthly(sim, artifacts, 10), WORKFLOW)

    await generate(run.clips, { settings: run.settings, batch: false })

    expect(process.exitCode).toBe(1)
    expect(sim.requests).toEqual([])
    expect(stdout.text()).toContain(error)
    expect(stdout.text()).toContain('Nothing was sent to FoxAPI.')
    expect(artifacts.artifacts).toEqual([])
  })

  it('with budget-period and spend records that fail their proof, warns and submits nothing (never counts them as 0)', async () => {
    const sim = await simulator()
    const artifacts = await artifactsService()
    jobFolders()
    useArtifactsService(artifacts, { id: 602 })
    const inputs = monthly(sim, artifacts, 7)
    // An earlier run of the workflow (anyone who can run it could) saves records made with another key.
    const forger = readRun({ ...inputs, 'api-key': 'sk-someone-else' }, WORKFLOW)
    await recordAsRun(artifacts, 601, 0, forger.settings)
    const run = readRun(inputs, WORKFLOW)

    await generate(run.clips, { settings: run.settings, batch: false })

    expect(process.exitCode).toBe(1)
    expect(sim.requests).toEqual([])
    expect(stdout.text()).toMatch(
      /::warning::Budget for month-\d{4}-\d{2}: the spend records could not be read \(run 601: the spend record foxapi-video-spend-[0-9a-f]{16}-month-\d{4}-\d{2}-a1-[0-9a-f]{12}-0\.json fails its proof of origin .*\)\. Treated as max-credits reached: no new task is submitted\./,
    )
    expect(rowsOf(files.outputs())[0]).toMatchObject({
      outcome: 'skipped',
      error: expect.stringMatching(/^not started: the spend records of month-\d{4}-\d{2} cannot be trusted \(.*fails its proof of origin/),
    })
    // This run saved nothing: it spent nothing.
    expect(artifacts.artifacts.filter((a) => a.runId === 602)).toEqual([])
  })

  it('with budget-period, counts what earlier runs spent and records what this run spent; at the cap, three runs submit two tasks', async () => {
    const sim = await simulator()
    const artifacts = await artifactsService()
    jobFolders()
    const inputs = monthly(sim, artifacts, 7)
    useArtifactsService(artifacts, { id: 501 })
    const first = readRun(inputs, { ...WORKFLOW, GITHUB_RUN_ID: '501' })

    await generate(first.clips, { settings: first.settings, batch: false })

    expect(process.exitCode).toBe(exitCode)
    expect(stdout.text()).toMatch(
      /Budget: 0 credits spent in month-\d{4}-\d{2} by earlier runs of acme\/marketing\/\.github\/workflows\/weekly\.yml/,
    )
    expect(stdout.text()).toMatch(
      /Budget \(month-\d{4}-\d{2}\): 5 credits spent by this step, recorded as the artifact foxapi-video-spend-[0-9a-f]{16}-month-\d{4}-\d{2}-a1-[0-9a-f]{12}-\d\.json/,
    )
    // The run's index of the period, and its records: the last one holds the 5 credits, proven, naming run 501.
    const saved = artifacts.artifacts.filter((a) => a.finalized && a.runId === 501)
    expect(saved.filter((a) => /^foxapi-video-spend-[0-9a-f]{16}-month-\d{4}-\d{2}\.json$/.test(a.name))).toHaveLength(1)
    const last = saved.at(-1)
    expect(JSON.parse(String(last?.data))).toMatchObject({ run_id: 501, attempt: 1, spent: 5, proof: expect.stringMatching(/\S/) })
    expect(saved.every((a) => a.retentionDays === 32)).toBe(true)

    // A later run of the month: 5 of 7 spent, so its (new) clip may still be submitted; then 10 of 7: nothing more.
    useArtifactsService(artifacts, { id: 502 })
    const second = readRun({ ...inputs, prompt: 'a second fox' }, { ...WORKFLOW, GITHUB_RUN_ID: '502' })
    await generate(second.clips, { settings: second.settings, batch: false })
    expect(stdout.text()).toMatch(/Budget: 5 credits spent in month-\d{4}-\d{2}/)
    useArtifactsService(artifacts, { id: 503 })
    const third = readRun({ ...inputs, prompt: 'a third fox' }, { ...WORKFLOW, GITHUB_RUN_ID: '503' })
    await generate(third.clips, { settings: third.settings, batch: false })
    expect(stdout.text()).toMatch(/Budget: 10 credits spent in month-\d{4}-\d{2}/)
    expect(process.exitCode).toBe(1)
    expect(rowsOf(files.outputs())[0]).toMatchObject({
      outcome: 'skipped',
      error: expect.stringMatching(/^not started: max-credits 7 for month-\d{4}-\d{2} reached \(10 credits spent by earlier runs/),
    })
    expect(sim.createCount()).toBe(2)
    expect(artifacts.artifacts.filter((a) => a.runId === 503)).toEqual([])
  })
})

/** The artifact service, with the cache service behind it (one results URL, as on GitHub); both closed after the test. */
async function artifactsService(): Promise<GitHubArtifactsService> {
  const cache = await startActionsCacheService()
  onTestFinished(() => cache.close())
  const artifacts = await startGitHubArtifactsService({ cache })
  onTestFinished(() => artifacts.close())
  useCacheService(cache)
  return artifacts
}

/** Inputs of a run capped at `cap` credits a month, reading its records back with the service's token. */
const monthly = (sim: FoxApiSimulator, artifacts: GitHubArtifactsService, cap: number) =>
  quickRunInputs(sim.url, { cache: 'true', 'budget-period': 'month', 'max-credits': String(cap), 'github-token': artifacts.token })

/** Run `runId` of the workflow records `spent` credits, as its step would (with its settings' API key). */
async function recordAsRun(
  artifacts: GitHubArtifactsService,
  runId: number,
  spent: number,
  settings: { apiKey: string; githubToken: string; budget?: BudgetPeriodSettings },
): Promise<void> {
  const { budget } = settings
  if (!budget) throw new Error('no budget-period')
  await asRun(artifacts, { id: runId }, async () => {
    const records = SpendRecords.open({ apiKey: settings.apiKey, githubToken: settings.githubToken, budget })
    if (!(records instanceof SpendRecords)) throw new Error(records.unavailable)
    expect(await records.record(spent)).toBe(true)
  })
}
