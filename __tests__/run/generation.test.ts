// generate() (src/run/generation.ts), the paid run as src/main.ts starts it, in process against the FoxAPI simulator:
// the outputs, the post step's state and the job summary it writes (GITHUB_OUTPUT, GITHUB_STATE and
// GITHUB_STEP_SUMMARY point at files of this test file), the step's failure (process.exitCode, set by
// core.setFailed, is put back after each test), a run with nothing due, and `budget-period` with its ledger.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { startActionsCacheService } from '../../simulator/actions-cache-service'
import { startFoxApiSimulator, type FoxApiSimulator } from '../../simulator/foxapi-simulator'
import { CreditLedger } from '../../src/cache/credit-ledger'
import type { ResultRow } from '../../src/report/outputs'
import { generate } from '../../src/run/generation'
import { CLIP_SHA256, checkKeyAndClose } from '../support/fixtures'
import { jobFolders, quickRunInputs, readRun, setEnv, useActionFiles, useCacheService } from '../support/run-deps'
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

  it('with budget-period and no cache service, fails before sending anything', async () => {
    const sim = await simulator()
    jobFolders()
    setEnv({ ACTIONS_RESULTS_URL: undefined, ACTIONS_CACHE_URL: undefined })
    const run = readRun(quickRunInputs(sim.url, { cache: 'true', 'budget-period': 'month', 'max-credits': '10' }), WORKFLOW)

    await generate(run.clips, { settings: run.settings, batch: false })

    expect(process.exitCode).toBe(1)
    expect(sim.requests).toEqual([])
    expect(stdout.text()).toContain(
      '::error::budget-period month keeps its ledger in the Actions cache, which cannot be used: the Actions cache service is not configured on this runner. Nothing was sent to FoxAPI.',
    )
  })

  it('with budget-period and a ledger that fails its proof, warns and submits nothing (never counts it as 0)', async () => {
    const sim = await simulator()
    const service = await startActionsCacheService()
    onTestFinished(() => service.close())
    useCacheService(service)
    jobFolders()
    const inputs = quickRunInputs(sim.url, { cache: 'true', 'budget-period': 'month', 'max-credits': '7' })
    // Another key's run (as anyone who can save to the cache could) writes the period's newest ledger entry.
    const forger = readRun({ ...inputs, 'api-key': 'sk-someone-else' }, WORKFLOW)
    const { apiKey, workspace, budget } = forger.settings
    if (!budget) throw new Error('no budget-period')
    const ledger = CreditLedger.open({ cache: true, apiKey, workspace, budget })
    if (!(ledger instanceof CreditLedger)) throw new Error(ledger.unavailable)
    await ledger.record(0)
    const run = readRun(inputs, WORKFLOW)

    await generate(run.clips, { settings: run.settings, batch: false })

    expect(process.exitCode).toBe(1)
    expect(sim.requests).toEqual([])
    expect(stdout.text()).toMatch(/::warning::Budget ledger for month-\d{4}-\d{2}: the ledger entry \S+ fails its proof of origin/)
    expect(rowsOf(files.outputs())[0]).toMatchObject({ outcome: 'skipped', error: expect.stringContaining('cannot be trusted') })
  })

  it('with budget-period, counts what earlier runs spent and records what this run spent in the ledger', async () => {
    const sim = await simulator()
    const service = await startActionsCacheService()
    onTestFinished(() => service.close())
    useCacheService(service)
    jobFolders()
    const inputs = quickRunInputs(sim.url, { cache: 'true', 'budget-period': 'month', 'max-credits': '7' })
    const first = readRun(inputs, { ...WORKFLOW, GITHUB_RUN_ID: '501' })

    await generate(first.clips, { settings: first.settings, batch: false })

    expect(process.exitCode).toBe(exitCode)
    expect(stdout.text()).toMatch(
      /Budget: 0 credits spent in month-\d{4}-\d{2} by earlier runs of acme\/marketing\/\.github\/workflows\/weekly\.yml/,
    )
    expect(stdout.text()).toMatch(/Budget ledger \(month-\d{4}-\d{2}\): 5 credits spent in the period, saved as foxapi-video-ledger-v1-/)
    expect(service.entries.filter((e) => e.finalized && e.key.startsWith('foxapi-video-ledger-v1-'))).toHaveLength(1)

    // A later run of the month: 5 of 7 spent, so its (new) clip may still be submitted; then 10 of 7: nothing more.
    const second = readRun({ ...inputs, prompt: 'a second fox' }, { ...WORKFLOW, GITHUB_RUN_ID: '502' })
    await generate(second.clips, { settings: second.settings, batch: false })
    expect(stdout.text()).toMatch(/Budget: 5 credits spent in month-\d{4}-\d{2}/)
    const third = readRun({ ...inputs, prompt: 'a third fox' }, { ...WORKFLOW, GITHUB_RUN_ID: '503' })
    await generate(third.clips, { settings: third.settings, batch: false })
    expect(process.exitCode).toBe(1)
    expect(rowsOf(files.outputs())[0]).toMatchObject({
      outcome: 'skipped',
      error: expect.stringMatching(/^not started: max-credits 7 for month-\d{4}-\d{2} reached \(10 credits spent by earlier runs/),
    })
    expect(sim.createCount()).toBe(2)
  })
})
