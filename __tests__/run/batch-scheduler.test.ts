// runClips (src/run/batch-scheduler.ts), in process against the FoxAPI simulator: never more tasks in flight than
// `concurrency` (the simulator's record of its tasks tells), task slots handed out in batch order and results
// returned in it, cache lookups running ahead of a clip's turn, fail-fast, and a cancelled run submitting no more.
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { startActionsCacheService } from '../../simulator/actions-cache-service'
import { startFoxApiSimulator, type FoxApiSimulator, type SimulatorOptions } from '../../simulator/foxapi-simulator'
import { CACHE_SAVES_AT_ONCE, runClips, transferLimits } from '../../src/run/batch-scheduler'
import { checkKeyAndClose, requestsTo } from '../support/fixtures'
import { jobFolders, quickRunInputs, readRun, resultCacheFor, runDeps, until, useCacheService } from '../support/run-deps'
import { captureStdout, type StdoutCapture } from '../support/stdout'

let stdout: StdoutCapture
beforeEach(() => {
  stdout = captureStdout()
})
afterEach(() => stdout.restore())

/** Each prompt may say how long its task takes ("[400ms]") and whether it fails ("[fail]"). */
async function simulator(options: SimulatorOptions = {}): Promise<FoxApiSimulator> {
  const sim = await startFoxApiSimulator({
    taskDurationMs: 100,
    scenario: (request) => {
      const prompt = String(request.prompt)
      const ms = /\[(\d+)ms\]/.exec(prompt)?.[1]
      return {
        ...(ms ? { durationMs: Number(ms) } : {}),
        ...(prompt.includes('[fail]') ? { outcome: 'failed' as const, error: { code: 'render_error', message: 'gave up' } } : {}),
      }
    },
    ...options,
  })
  onTestFinished(() => checkKeyAndClose(sim))
  return sim
}

/** A batch of `entries` (name → prompt) with `inputs`, read in a fresh job. */
function batchRun(sim: FoxApiSimulator, entries: Record<string, string>, inputs: Record<string, string> = {}) {
  jobFolders()
  const batch = JSON.stringify(Object.entries(entries).map(([name, prompt]) => ({ name, prompt })))
  return readRun(quickRunInputs(sim.url, { batch, ...inputs }))
}

/** The prompts of the simulator's tasks, in the order they were created. */
const createdOrder = (sim: FoxApiSimulator) =>
  [...sim.tasks.values()].sort((a, b) => a.createdAt - b.createdAt).map((t) => t.request.prompt)

const FOUR = { fox: 'a fox at dawn', owl: 'an owl at dawn', elk: 'an elk at dawn', cat: 'a cat at dawn' }

describe('runClips: task slots', () => {
  it('with concurrency 1, runs one task at a time, in batch order', async () => {
    const sim = await simulator()
    const run = batchRun(sim, FOUR, { concurrency: '1' })

    const results = await runClips(run.clips, runDeps(run.settings, { batch: true }).deps)

    expect(results.map((r) => [r.name, r.outcome])).toEqual(Object.keys(FOUR).map((name) => [name, 'succeeded']))
    expect(sim.createCount()).toBe(4)
    expect(sim.maxConcurrentTasks()).toBe(1)
    expect(createdOrder(sim)).toEqual(Object.values(FOUR))
  })

  it('with concurrency 2, runs two tasks at once and never three', async () => {
    const sim = await simulator()
    const six = ['fox', 'owl', 'elk', 'cat', 'hen', 'yak'].map((name) => [name, `a ${name} at dawn [300ms]`])
    const run = batchRun(sim, Object.fromEntries(six), { concurrency: '2' })

    const results = await runClips(run.clips, runDeps(run.settings, { batch: true }).deps)

    expect(results.every((r) => r.outcome === 'succeeded')).toBe(true)
    expect(sim.createCount()).toBe(6)
    expect(sim.maxConcurrentTasks()).toBe(2)
  })

  it('returns results in batch order when later clips finish first, and hands out slots in batch order', async () => {
    const sim = await simulator()
    const run = batchRun(sim, { slow: 'a slow fox [1200ms]', quick: 'a quick owl [100ms]', next: 'an elk [100ms]' }, { concurrency: '2' })

    const results = await runClips(run.clips, runDeps(run.settings, { batch: true }).deps)

    expect(results.map((r) => r.name)).toEqual(['slow', 'quick', 'next'])
    expect(results.map((r) => r.taskId)).toEqual(
      run.clips.map((clip) => [...sim.tasks.values()].find((t) => t.request.prompt === clip.request?.prompt)?.id),
    )
    expect(createdOrder(sim)).toEqual(['a slow fox [1200ms]', 'a quick owl [100ms]', 'an elk [100ms]'])
    // The third clip got the quick clip's slot and finished before the slow one.
    const ended = (prompt: string) => {
      const task = [...sim.tasks.values()].find((t) => t.request.prompt === prompt)
      return (task?.createdAt ?? 0) + (task?.durationMs ?? 0)
    }
    expect(ended('an elk [100ms]')).toBeLessThan(ended('a slow fox [1200ms]'))
  })

  it('looks the next clip up in the cache while the clip before it still holds the only task slot', async () => {
    const sim = await simulator()
    const service = await startActionsCacheService()
    onTestFinished(() => service.close())
    useCacheService(service)
    const run = batchRun(sim, { fox: 'a fox at dawn [600ms]', owl: 'an owl at dawn' }, { concurrency: '1', cache: 'true' })
    const cache = resultCacheFor(run.settings)
    const lookedUp: number[] = []
    const lookup = cache.lookup.bind(cache)
    cache.lookup = (...args) => (lookedUp.push(Date.now()), lookup(...args))

    const results = await runClips(run.clips, runDeps(run.settings, { batch: true, cache }).deps)

    expect(results.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded'])
    const fox = [...sim.tasks.values()].find((t) => t.request.prompt === 'a fox at dawn [600ms]')
    expect(lookedUp).toHaveLength(2)
    expect(lookedUp[1]).toBeLessThan((fox?.createdAt ?? 0) + (fox?.durationMs ?? 0))
    expect(sim.maxConcurrentTasks()).toBe(1)
  })
})

describe('runClips: stopping', () => {
  it('with fail-fast, starts no clip after a failure (nothing more is submitted)', async () => {
    const sim = await simulator()
    const run = batchRun(sim, { broken: 'a broken one [fail]', ...FOUR }, { concurrency: '1', 'fail-fast': 'true' })

    const results = await runClips(run.clips, runDeps(run.settings, { batch: true }).deps)

    expect(sim.createCount()).toBe(1)
    expect(results.map((r) => [r.name, r.outcome])).toEqual([['broken', 'failed'], ...Object.keys(FOUR).map((name) => [name, 'skipped'])])
    const why = 'not started: an earlier clip failed (fail-fast)'
    for (const skipped of results.slice(1)) {
      expect(skipped).toMatchObject({ decision: { action: 'skip', why }, status: 'not-submitted', error: why })
      expect(skipped.request).toBeDefined()
    }
  })

  it('without fail-fast, runs every clip after a failure', async () => {
    const sim = await simulator()
    const run = batchRun(sim, { broken: 'a broken one [fail]', fox: 'a fox at dawn' }, { concurrency: '1' })

    const results = await runClips(run.clips, runDeps(run.settings, { batch: true }).deps)

    expect(results.map((r) => r.outcome)).toEqual(['failed', 'succeeded'])
    expect(sim.createCount()).toBe(2)
  })

  it('a run cancelled before it starts submits nothing', async () => {
    const sim = await simulator()
    const run = batchRun(sim, FOUR, { concurrency: '2' })
    const stop = new AbortController()
    stop.abort()

    const results = await runClips(run.clips, runDeps(run.settings, { batch: true, signal: stop.signal }).deps)

    expect(sim.requests).toEqual([])
    expect(results.map((r) => r.decision)).toEqual(
      Object.keys(FOUR).map(() => ({ action: 'skip', why: 'not started: the run was cancelled' })),
    )
  })

  it('a run cancelled while a task runs submits no more clips', async () => {
    const sim = await simulator({ taskDurationMs: 30_000 })
    const run = batchRun(sim, FOUR, { concurrency: '1' })
    const stop = new AbortController()
    const { deps, lines } = runDeps(run.settings, { batch: true, signal: stop.signal })
    const running = runClips(run.clips, deps)
    await until(() => lines.some((line) => line.startsWith('[fox] Submitted task')), "the fox's submit")
    stop.abort()

    const results = await running

    expect(requestsTo(sim, 'POST', /generations$/)).toHaveLength(1)
    expect(results.map((r) => [r.name, r.outcome, r.decision.action])).toEqual([
      ['fox', 'stopped', 'submit'],
      ['owl', 'skipped', 'skip'],
      ['elk', 'skipped', 'skip'],
      ['cat', 'skipped', 'skip'],
    ])
    expect(results[0]?.leftRunning).toBe(true)
  })
})

describe('transferLimits', () => {
  it('downloads as many at once as tasks, cache saves a fixed few', () => {
    const limits = transferLimits(7)
    expect([limits.downloads.limit, limits.cacheSaves.limit]).toEqual([7, CACHE_SAVES_AT_ONCE])
  })
})
