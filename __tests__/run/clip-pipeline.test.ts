// One clip through runClip (src/run/clip-pipeline.ts), in process, against the FoxAPI simulator and (where the cache
// is on) the real @actions/cache talking to the local cache service: the paid path from submit to cache save, a
// restore that sends nothing, a task-id collected; what a paid task survives (a gateway error, a stop while the
// create is in flight, a timeout of another run's task); delivering without a download or a clip that fails verify;
// and each way a clip ends without its file (a timeout with and without a cancel route, a stop, a failed task, a
// task without a URL, a failed download, a spent budget, an output that could not be written before or after
// paying). Every dependency is injected through ClipDeps.
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { startActionsCacheService, type ActionsCacheService } from '../../simulator/actions-cache-service'
import { startFoxApiSimulator, type FoxApiSimulator, type SimulatorOptions } from '../../simulator/foxapi-simulator'
import { clipCacheKey } from '../../src/cache/cache-key'
import { CreditBudget } from '../../src/run/budget'
import { runClip } from '../../src/run/clip-pipeline'
import { CLIP_BYTES, CLIP_SHA256, checkKeyAndClose, requestsTo } from '../support/fixtures'
import {
  jobFolders,
  onlyClip,
  quickRunInputs,
  readRun,
  resultCacheFor,
  runDeps,
  taskMadeElsewhere,
  tempFolder,
  until,
  useCacheService,
} from '../support/run-deps'
import { captureStdout, type StdoutCapture } from '../support/stdout'

let stdout: StdoutCapture
beforeEach(() => {
  stdout = captureStdout()
})
afterEach(() => stdout.restore())

async function simulator(options: SimulatorOptions = {}): Promise<FoxApiSimulator> {
  const sim = await startFoxApiSimulator({ taskDurationMs: 100, ...options })
  onTestFinished(() => checkKeyAndClose(sim))
  return sim
}

async function cacheService(): Promise<ActionsCacheService> {
  const service = await startActionsCacheService()
  onTestFinished(() => service.close())
  useCacheService(service)
  return service
}

/** The clip of `inputs` (quick ones against `sim`), its settings, and deps for it in a fresh job. */
function clipRun(sim: FoxApiSimulator, inputs: Record<string, string> = {}) {
  const { workspace } = jobFolders()
  const run = readRun(quickRunInputs(sim.url, inputs))
  return { workspace, run, spec: onlyClip(run) }
}

/** The finalized entries' keys, with the request's key and each pending entry's time and random part made readable. */
function entryKinds(service: ActionsCacheService, key: string): string[] {
  return service.entries.filter((e) => e.finalized).map((e) => e.key.replace(key, '<key>').replace(/-pending-\d+-[0-9a-f]{8}/, '-pending'))
}

describe('runClip: the paid path', () => {
  it('submits, waits, downloads, checks the clip and saves it (and its task) to the Actions cache', async () => {
    const sim = await simulator()
    const service = await cacheService()
    const { workspace, run, spec } = clipRun(sim, { cache: 'true' })
    const { deps, lines, waiting, everWaited } = runDeps(run.settings)

    const result = await runClip(spec, deps)

    const taskId = result.taskId ?? ''
    expect(result).toMatchObject({
      name: 'clip',
      decision: { action: 'submit', why: 'a new task (nothing for this request in the Actions cache)' },
      outcome: 'succeeded',
      status: 'completed',
      progress: 100,
      cacheHit: false,
      resumed: false,
      credits: 5,
      videoUrl: `${sim.url}/files/${taskId}.mp4`,
      videoPath: path.join(workspace, 'foxapi-videos', `${taskId}.mp4`),
      sha256: CLIP_SHA256,
      bytes: CLIP_BYTES.length,
      verification: { status: 'passed' },
      request: spec.request,
    })
    expect(result.metadata).toMatchObject({ width: 1280, height: 720 })
    expect(result.error).toBeUndefined()
    expect(readFileSync(result.videoPath ?? '').equals(CLIP_BYTES)).toBe(true)
    expect(sim.createCount()).toBe(1)
    expect(JSON.parse(requestsTo(sim, 'POST', /generations$/)[0]?.body ?? '')).toEqual(spec.request)
    // The post step would have known the task while it ran, and knows it is settled now.
    expect([everWaited, [...waiting]]).toEqual([[taskId], []])
    expect(lines).toContain(`[clip] Submitted task ${taskId} (estimated 1s).`)
    // The pending task first (so a killed run is collected, not paid twice), then the clip, then its delivered note.
    const key = clipCacheKey(spec, run.settings.cacheKey) ?? ''
    expect(entryKinds(service, key)).toEqual(['<key>-pending', '<key>', '<key>-pending-delivered'])
  })

  it('restores a clip the cache holds, sending nothing to FoxAPI', async () => {
    const sim = await simulator()
    await cacheService()
    const { workspace, run, spec } = clipRun(sim, { cache: 'true' })
    const made = await runClip(spec, runDeps(run.settings).deps)
    expect(made.outcome, made.error).toBe('succeeded')
    rmSync(path.join(workspace, 'foxapi-videos'), { recursive: true })
    const requests = sim.requests.length

    const { deps, lines } = runDeps(run.settings)
    const restored = await runClip(spec, deps)

    expect(sim.requests.length).toBe(requests)
    expect(restored).toMatchObject({
      decision: { action: 'restore', why: 'the Actions cache holds this clip, proven and checked: nothing is sent to FoxAPI' },
      outcome: 'succeeded',
      status: 'completed',
      taskId: made.taskId,
      cacheHit: true,
      videoPath: made.videoPath,
      sha256: CLIP_SHA256,
      verification: { status: 'passed' },
    })
    expect(restored.videoUrl).toBeUndefined() // the cached task's URL has likely expired
    expect(restored.credits).toBeUndefined()
    expect(readFileSync(restored.videoPath ?? '').equals(CLIP_BYTES)).toBe(true)
    // The log line says so; the cache key it came from is the result's (the summary's technical details show it).
    expect(lines).toContain(
      "[clip] Restored from the Actions cache; nothing was sent to FoxAPI (the cache key is in the summary's technical details).",
    )
    expect(restored.cacheKey).toBe(clipCacheKey(spec, run.settings.cacheKey))
    expect(restored.cacheKey).toMatch(/^foxapi-video-v1-/)
  })

  it('collects the task task-id names, submitting nothing and never counting it as this step’s', async () => {
    const sim = await simulator()
    const { workspace } = jobFolders()
    const made = await taskMadeElsewhere(sim, { model: 'kling-o3-ref', prompt: 'made by another run' })
    const { prompt: _prompt, ...inputs } = quickRunInputs(sim.url, { 'task-id': made.id })
    const run = readRun(inputs)
    const { deps, everWaited } = runDeps(run.settings)

    const result = await runClip(onlyClip(run), deps)

    expect(result).toMatchObject({
      decision: { action: 'resume', taskId: made.id, why: 'task-id names the task to collect' },
      outcome: 'succeeded',
      taskId: made.id,
      adopted: true,
      resumed: true,
      videoPath: path.join(workspace, 'foxapi-videos', `${made.id}.mp4`),
      sha256: CLIP_SHA256,
    })
    expect(result.credits).toBeUndefined()
    expect(sim.createCount()).toBe(1)
    expect(everWaited).toEqual([]) // another run's task: the post step never cancels it
  })
})

describe('runClip: what a paid task survives', () => {
  it('collects a task-id through a gateway error on its first query, instead of failing', async () => {
    const sim = await simulator({ faults: [{ route: 'poll', kind: { type: 'status', status: 524 } }] })
    jobFolders()
    const made = await taskMadeElsewhere(sim, { model: 'kling-o3-ref', prompt: 'made by another run' })
    const { prompt: _prompt, ...inputs } = quickRunInputs(sim.url, { 'task-id': made.id })
    const run = readRun(inputs)
    const { deps, lines } = runDeps(run.settings)

    const result = await runClip(onlyClip(run), deps)

    expect(result).toMatchObject({ decision: { action: 'resume' }, outcome: 'succeeded', taskId: made.id })
    expect(lines.some((line) => line.endsWith(`waiting on task ${made.id} anyway.`))).toBe(true)
    expect(sim.createCount()).toBe(1)
  })

  it("waits on an earlier run's task through a gateway error on its check, rather than paying again", async () => {
    const sim = await simulator()
    await cacheService()
    const { run, spec } = clipRun(sim, { cache: 'true' })
    const earlier = await taskMadeElsewhere(sim, spec.request ?? {})
    await resultCacheFor(run.settings).savePendingTaskId(clipCacheKey(spec, run.settings.cacheKey) ?? '', earlier.id, 'kling-o3-ref')
    sim.addFault({ route: 'poll', kind: { type: 'status', status: 524 } })
    const { deps, lines } = runDeps(run.settings)

    const result = await runClip(spec, deps)

    expect(result).toMatchObject({
      decision: { action: 'collect', taskId: earlier.id },
      outcome: 'succeeded',
      taskId: earlier.id,
      adopted: true,
    })
    expect(lines.some((line) => line.endsWith(`waiting on task ${earlier.id} anyway.`))).toBe(true)
    expect(sim.createCount()).toBe(1)
  })

  it('a run stopped while the create is in flight waits for the reply, so the billed task is known (and cancelled)', async () => {
    const sim = await simulator({
      taskDurationMs: 30_000,
      cancelRoute: true,
      faults: [{ route: 'create', kind: { type: 'delayHeaders', ms: 800 } }],
    })
    const { run, spec } = clipRun(sim, { 'cancel-on-timeout': 'true' })
    const stop = new AbortController()
    const { deps, lines } = runDeps(run.settings, { signal: stop.signal })
    const running = runClip(spec, deps)
    await until(() => requestsTo(sim, 'POST', /generations$/).length > 0, 'the create request')
    stop.abort(new Error('the run was cancelled (SIGINT)'))

    const result = await running

    const [task] = [...sim.tasks.values()]
    expect(result).toMatchObject({
      decision: { action: 'submit' },
      outcome: 'stopped',
      taskId: task?.id,
      status: 'cancelled',
      leftRunning: false,
    })
    expect(task?.status).toBe('cancelled')
    expect(lines).toContain(
      "[clip] The run was cancelled while the create request was in flight: waiting up to 4s for FoxAPI's reply, so a billed task is not lost.",
    )
  })

  it('a task another run submitted is never cancelled on a timeout, whatever cancel-on-timeout says', async () => {
    const sim = await simulator({ taskDurationMs: 30_000, cancelRoute: true })
    jobFolders()
    const made = await taskMadeElsewhere(sim, { model: 'kling-o3-ref', prompt: 'made by another run' })
    const { prompt: _prompt, ...inputs } = quickRunInputs(sim.url, { 'task-id': made.id, timeout: '1s', 'cancel-on-timeout': 'true' })
    const run = readRun(inputs)

    const result = await runClip(onlyClip(run), runDeps(run.settings).deps)

    expect(result).toMatchObject({ outcome: 'timed-out', leftRunning: true, adopted: true })
    expect(result.error).toContain(
      `Task ${made.id} was submitted by another run, so it is left running (cancel-on-timeout applies only to tasks this run submitted).`,
    )
    expect(requestsTo(sim, 'POST', /\/cancel$/)).toEqual([])
    expect(sim.tasks.get(made.id)?.status).toBe('processing')
  })
})

describe('runClip: delivering', () => {
  it('without download, hands over the URL and notes the task delivered in the cache (no clip entry)', async () => {
    const sim = await simulator()
    const service = await cacheService()
    const { run, spec } = clipRun(sim, { cache: 'true', download: 'false' })

    const result = await runClip(spec, runDeps(run.settings).deps)

    expect(result).toMatchObject({ outcome: 'succeeded', videoUrl: `${sim.url}/files/${result.taskId}.mp4` })
    expect(result.videoPath).toBeUndefined()
    expect(sim.requests.filter((r) => r.path.startsWith('/files/'))).toEqual([])
    expect(entryKinds(service, clipCacheKey(spec, run.settings.cacheKey) ?? '')).toEqual(['<key>-pending', '<key>-pending-delivered'])
  })

  it('keeps a clip that does not match the request under verify: fail, fails it, and does not cache it', async () => {
    const sim = await simulator({ faults: [{ route: 'download', kind: { type: 'clipShape', shape: { seconds: 8 } } }] })
    const service = await cacheService()
    const { workspace, run, spec } = clipRun(sim, { cache: 'true' })

    const result = await runClip(spec, runDeps(run.settings).deps)

    const where = path.join('foxapi-videos', `${result.taskId}.mp4`)
    expect(result).toMatchObject({
      outcome: 'failed',
      status: 'completed',
      videoPath: path.join(workspace, where),
      verification: { status: 'mismatch' },
      error: `The clip does not match the request: duration 8.0 s, asked 5 s (±0.5 s). The clip is kept at ${where} and every output is set; verify: warn accepts such a clip, and a new cache-key asks for a new take (paid)`,
    })
    expect(existsSync(result.videoPath ?? '')).toBe(true)
    expect(entryKinds(service, clipCacheKey(spec, run.settings.cacheKey) ?? '')).toEqual(['<key>-pending'])
  })
})

describe('runClip: a clip that ends without its file', () => {
  it('times out, tries the cancel that cancel-on-timeout asks for, and says FoxAPI cannot cancel and how to collect', async () => {
    const sim = await simulator({ taskDurationMs: 30_000 })
    const { run, spec } = clipRun(sim, { timeout: '1s', 'cancel-on-timeout': 'true' })
    const { deps, waiting } = runDeps(run.settings)

    const result = await runClip(spec, deps)

    const id = result.taskId ?? ''
    expect(result).toMatchObject({ decision: { action: 'submit' }, outcome: 'timed-out', status: 'processing', leftRunning: true })
    expect(result.error).toMatch(new RegExp(`^Timed out after 1s waiting for task ${id} \\(last status processing \\d+%\\)\\. `))
    expect(result.error).toContain(
      `FoxAPI cannot cancel tasks (HTTP 404 on the cancel call; its reference documents no cancel route): task ${id} keeps running at FoxAPI and may be billed.`,
    )
    expect(result.error).toContain(`Collect it later without paying again: re-run with task-id: ${id} (and a longer timeout).`)
    expect(requestsTo(sim, 'POST', /\/cancel$/)).toHaveLength(1)
    expect(waiting.size).toBe(0)
  })

  it('times out and cancels the task where FoxAPI can cancel it: nothing left running, nothing to collect', async () => {
    const sim = await simulator({ taskDurationMs: 30_000, cancelRoute: true })
    const { run, spec } = clipRun(sim, { timeout: '1s', 'cancel-on-timeout': 'true' })

    const result = await runClip(spec, runDeps(run.settings).deps)

    expect(result).toMatchObject({ outcome: 'timed-out', status: 'cancelled', leftRunning: false })
    expect(result.error).toContain('The task was cancelled at FoxAPI (its reply says cancelled).')
    expect(result.error).not.toContain('Collect it later')
    expect(sim.tasks.get(result.taskId ?? '')?.status).toBe('cancelled')
  })

  it('a run stopped before the submit sends nothing at all', async () => {
    const sim = await simulator()
    const { run, spec } = clipRun(sim)
    const stop = new AbortController()
    stop.abort(new Error('the run was cancelled (SIGINT)'))

    const result = await runClip(spec, runDeps(run.settings, { signal: stop.signal }).deps)

    expect(result).toMatchObject({ outcome: 'stopped', status: 'not-submitted', error: 'Not submitted: the run was cancelled' })
    expect(result.decision).toEqual({ action: 'skip', why: 'not started: the run was cancelled' })
    expect(sim.requests).toEqual([])
  })

  it('a run stopped during the wait leaves the task running (cancel-on-timeout: false) and says how to collect it', async () => {
    const sim = await simulator({ taskDurationMs: 30_000 })
    const { run, spec } = clipRun(sim)
    const stop = new AbortController()
    const { deps, lines } = runDeps(run.settings, { signal: stop.signal })
    const running = runClip(spec, deps)
    await until(() => lines.some((line) => line.includes('Submitted task')), 'the submit')
    stop.abort(new Error('the run was cancelled (SIGTERM)'))

    const result = await running

    const id = result.taskId ?? ''
    expect(result).toMatchObject({ decision: { action: 'submit' }, outcome: 'stopped', leftRunning: true })
    expect(result.error).toMatch(new RegExp(`^The run was cancelled while waiting for task ${id} \\(last status (pending|processing)`))
    expect(result.error).toContain(`Task ${id} keeps running at FoxAPI and may be billed (cancel-on-timeout: false).`)
    expect(result.error).toContain(`re-run with task-id: ${id}`)
    expect(requestsTo(sim, 'POST', /\/cancel$/)).toHaveLength(0)
  })

  it("a failed task's error is FoxAPI's, and nothing is downloaded", async () => {
    const sim = await simulator({
      scenario: () => ({ outcome: 'failed', error: { code: 'render_error', message: 'the renderer gave up' } }),
    })
    const { run, spec } = clipRun(sim)

    const result = await runClip(spec, runDeps(run.settings).deps)

    expect(result).toMatchObject({
      decision: { action: 'submit' },
      outcome: 'failed',
      status: 'failed',
      credits: 5,
      error: `FoxAPI task ${result.taskId} failed: render_error: the renderer gave up`,
    })
    expect(result.videoUrl).toBeUndefined()
    expect(sim.requests.filter((r) => r.path.startsWith('/files/'))).toEqual([])
  })

  it('a task completed without a URL is asked again, then fails naming the task and how to collect it', async () => {
    const sim = await simulator({ scenario: () => ({ emptyResultsPolls: 100 }) })
    const { run, spec } = clipRun(sim)

    const result = await runClip(spec, runDeps(run.settings).deps)

    const id = result.taskId ?? ''
    expect(result).toMatchObject({ outcome: 'failed', status: 'completed' })
    expect(result.error).toBe(
      `FoxAPI task ${id} completed without a video URL, also when asked again 4 times (with and without sync_upstream). ` +
        `Collect it later without paying again: re-run with task-id: ${id}.`,
    )
    expect(requestsTo(sim, 'GET', /sync_upstream=true$/).length).toBeGreaterThanOrEqual(2)
  })

  it('a download that fails after the task completed keeps video-url and says how to collect the paid clip', async () => {
    const sim = await simulator({ faults: [{ route: 'download', times: 10, kind: { type: 'status', status: 403 } }] })
    const { workspace, run, spec } = clipRun(sim)

    const result = await runClip(spec, runDeps(run.settings, { batch: true }).deps)

    const id = result.taskId ?? ''
    expect(result).toMatchObject({
      decision: { action: 'submit' },
      outcome: 'failed',
      status: 'completed',
      videoUrl: `${sim.url}/files/${id}.mp4`,
    })
    expect(result.error).toMatch(/^Download failed \(HTTP 403\)\. /)
    expect(result.error).toContain(`Collect it later without paying again: add "task-id: ${id}" to the batch entry 'clip' and re-run.`)
    expect(result.videoPath).toBeUndefined()
    expect(existsSync(path.join(workspace, 'foxapi-videos', `${id}.mp4`))).toBe(false)
  })

  it('a budget already reached skips the clip without a create', async () => {
    const sim = await simulator()
    const { run, spec } = clipRun(sim)
    const budget = new CreditBudget(10, () => {}, { period: 'month-2026-12', spentEarlier: 10 })
    const { deps, lines } = runDeps(run.settings, { budget })

    const result = await runClip(spec, deps)

    const refusal =
      "not started: max-credits 10 for month-2026-12 reached (10 credits spent by earlier runs in the period, 0 by this step's tasks)"
    expect(result).toMatchObject({
      decision: { action: 'skip', why: refusal },
      outcome: 'skipped',
      status: 'not-submitted',
      error: refusal,
    })
    expect(sim.requests).toEqual([])
    expect(lines).toContain(`[clip] Not submitted: ${refusal.replace('not started: ', '')}.`)
  })

  it('a clip whose output cannot be written is not submitted (nothing paid)', async () => {
    const sim = await simulator()
    const { run, spec } = clipRun(sim)

    const result = await runClip({ ...spec, outputPath: '../outside/{task-id}.mp4' }, runDeps(run.settings).deps)

    expect(result).toMatchObject({ outcome: 'failed', status: 'not-submitted' })
    expect(result.error).toMatch(/^Not submitted, nothing paid: the clip could not be saved \(.*outside the workspace/)
    expect(sim.requests).toEqual([])
  })

  it('a folder swapped for a link after paying: nothing is written through it, and the error says how to collect the paid clip', async () => {
    const sim = await simulator({ taskDurationMs: 300 })
    const { workspace, run, spec } = clipRun(sim, { 'output-path': 'clips/{task-id}.mp4' })
    const outside = tempFolder('foxapi-outside-')
    const { deps, lines } = runDeps(run.settings, { batch: true })
    const running = runClip(spec, deps)
    await until(() => lines.some((line) => line.includes('Submitted task')), 'the submit')
    symlinkSync(outside, path.join(workspace, 'clips'))

    const result = await running

    const id = result.taskId ?? ''
    expect(result).toMatchObject({ outcome: 'failed', status: 'completed', videoUrl: `${sim.url}/files/${id}.mp4` })
    expect(result.error).toContain(
      `Collect the paid clip without paying again: add "task-id: ${id}" to the batch entry 'clip', with an output that can be written, and re-run (its video-url works for 24 hours).`,
    )
    expect(readdirSync(outside)).toEqual([])
  })

  it('without wait, submits and leaves the task running for a later run to collect', async () => {
    const sim = await simulator({ taskDurationMs: 30_000 })
    const { run, spec } = clipRun(sim, { wait: 'false' })
    const { deps, everWaited } = runDeps(run.settings)

    const result = await runClip(spec, deps)

    expect(result).toMatchObject({ decision: { action: 'submit' }, outcome: 'submitted', leftRunning: true, credits: 5 })
    expect(everWaited).toEqual([])
    expect(requestsTo(sim, 'GET', /^\/v1\/tasks\//)).toEqual([])
  })
})
