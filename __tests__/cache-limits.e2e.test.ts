// The Actions cache pushed to its limits, as the built action meets it: an entry far larger than its kind may hold
// (planted by anyone who can save in the cache scope) is refused before or while it is downloaded, never written
// whole; a cache that refuses or throttles writes never costs a clip, and a task whose record could not be saved
// is named with the exact way to collect it. The local cache service misbehaves on purpose
// (simulator/cache-service-faults.ts).
import { rmSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startActionsCacheService, type ActionsCacheService, type CacheEntry } from '../simulator/actions-cache-service'
import type { StreamedBlob } from '../simulator/cache-service-faults'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { checkKeyAndClose, quickInputs, runAction } from './support/fixtures'

const MiB = 1024 * 1024
const JUNK_BYTES = 300 * MiB
let sim: FoxApiSimulator
let cacheService: ActionsCacheService
beforeEach(async () => {
  sim = await startFoxApiSimulator({ taskDurationMs: 300 })
  cacheService = await startActionsCacheService()
})
afterEach(async () => {
  await cacheService.close()
  await checkKeyAndClose(sim)
})

function cachedRun(inputs: Record<string, string> = {}) {
  return runAction({ inputs: quickInputs(sim, { cache: 'true', ...inputs }), env: cacheService.env })
}

/** The entry of the first run that matches `pending` (a pending record, or the clip). */
function savedEntry(pending: boolean): CacheEntry {
  const entry = cacheService.entries.find((e) => e.finalized && e.key.includes('-pending-') === pending)
  if (!entry) throw new Error(`the first run saved no ${pending ? 'pending' : 'clip'} entry`)
  return entry
}

/** Plants 300 MiB of junk as the newest pending entry of the request `entry` belongs to; returns its key. */
async function plantJunkPending(entry: CacheEntry, announce: StreamedBlob['announce']): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 5))
  const key = `${entry.key.replace(/-pending-.*$/, '')}-pending-${Date.now()}-ffffffff`
  cacheService.plantStream(key, entry.version, { bytes: JUNK_BYTES, announce })
  return key
}

describe('an entry larger than its kind may hold', () => {
  it('a 300 MiB pending entry whose size is announced is refused unread, and the clip is made', async () => {
    const first = await cachedRun({ wait: 'false' })
    expect(first.exitCode, first.visibleLog).toBe(0)
    const junkKey = await plantJunkPending(savedEntry(true), 'honest')
    const before = cacheService.bytesServed
    const run = await cachedRun()
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain(
      `::warning::Cache entry ${junkKey} refused: it is ${JUNK_BYTES} bytes, more than a pending or delivered entry may hold (16384); nothing of it was kept, and it is not used.`,
    )
    expect(cacheService.bytesServed - before).toBe(0)
    expect(run.outputs.status).toBe('completed')
  })

  it.each(['none', 'small-head'] as const)(
    'a 300 MiB pending entry (size announced: %s) is cut off by the meter past its limit',
    async (announce) => {
      const first = await cachedRun({ wait: 'false' })
      expect(first.exitCode, first.visibleLog).toBe(0)
      const junkKey = await plantJunkPending(savedEntry(true), announce)
      const before = cacheService.bytesServed
      const run = await cachedRun()
      expect(run.exitCode, run.visibleLog).toBe(0)
      expect(run.stdout).toContain(
        `::warning::Cache entry ${junkKey} refused: it holds more than 16384 bytes, more than a pending or delivered entry may hold; nothing of it was kept, and it is not used.`,
      )
      // The meter stops the download a few socket buffers past the limit: nowhere near the entry's size.
      expect(cacheService.bytesServed - before).toBeLessThan(16 * MiB)
      expect(run.outputs.status).toBe('completed')
    },
  )

  it('a clip entry larger than max-download-size allows is refused unread, and the clip is made again', async () => {
    const first = await cachedRun({ 'max-download-size': '1MiB' })
    expect(first.exitCode, first.visibleLog).toBe(0)
    const clip = savedEntry(false)
    cacheService.plantStream(clip.key, clip.version, { bytes: JUNK_BYTES, announce: 'honest' })
    const before = cacheService.bytesServed
    const run = await cachedRun({ 'max-download-size': '1MiB' })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(
        `::warning::Cache entry ${clip.key} refused: it is ${JUNK_BYTES} bytes, more than a clip entry \\(max-download-size and its records\\) may hold \\(\\d+\\)`,
      ),
    )
    expect(cacheService.bytesServed - before).toBe(0)
    expect(run.outputs['cache-hit']).toBe('false')
    rmSync(run.workspace, { recursive: true, force: true })
  })
})

describe('a cache that refuses or throttles writes', () => {
  const creates = () => cacheService.requests.filter((r) => r.path.endsWith('/CreateCacheEntry'))

  it('read-only (403): the clip is made, and the task id is named with the exact way to collect it', async () => {
    cacheService.setWrites({ kind: 'read-only' })
    const run = await cachedRun()
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.outputs.status).toBe('completed')
    expect(run.outputs['video-path']).not.toBe('')
    const taskId = run.outputs['task-id'] as string
    expect(taskId).toMatch(/^task-unified-/)
    expect(run.summary).toContain(taskId)
    expect(run.stdout).toMatch(
      new RegExp(
        `::notice::The Actions cache did not keep the record of task ${taskId} \\(.*\\): a re-run would not find it\\. Collect it later without paying again: re-run with task-id: ${taskId}\\.`,
      ),
    )
    expect(cacheService.entries).toEqual([])
  })

  it('throttled (429 with Retry-After): the save is tried again no sooner than asked, and every entry is kept', async () => {
    cacheService.setWrites({ kind: 'throttled', times: 1, retryAfterSeconds: 2 })
    const run = await cachedRun()
    expect(run.exitCode, run.visibleLog).toBe(0)
    const [throttled, retried] = creates()
    expect(retried, 'the throttled save was not tried again').toBeDefined()
    expect((retried?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(2_000)
    expect(cacheService.entries.filter((e) => e.finalized).map((e) => (e.key.includes('-pending-') ? 'pending' : 'clip'))).toEqual(
      expect.arrayContaining(['pending', 'clip']),
    )
    expect(run.stdout).not.toContain('::notice::The Actions cache did not keep')
  })

  it('throttled for longer than a run should wait: the clip is made, and the task id is named with the way to collect it', async () => {
    cacheService.setWrites({ kind: 'throttled', times: 100, retryAfterSeconds: 3600 })
    const run = await cachedRun()
    expect(run.exitCode, run.visibleLog).toBe(0)
    const taskId = run.outputs['task-id'] as string
    expect(run.stdout).toContain(`re-run with task-id: ${taskId}.`)
    expect(run.stdout).toMatch(/::notice::The Actions cache did not keep the record of task/)
    // Not waited for: one try each, no hour-long sleep.
    expect(creates().length).toBeLessThanOrEqual(2)
  })

  it('in a batch, the notice names the entry and says how to collect it there', async () => {
    cacheService.setWrites({ kind: 'read-only' })
    const run = await runAction({
      inputs: quickInputs(sim, { cache: 'true', batch: '- name: fox\n  prompt: a fox\n- name: owl\n  prompt: an owl\n' }),
      env: cacheService.env,
    })
    expect(run.exitCode, run.visibleLog).toBe(0)
    for (const name of ['fox', 'owl']) {
      expect(run.stdout).toMatch(
        new RegExp(
          `::notice::\\[${name}\\] The Actions cache did not keep the record of task (\\S+) .*add "task-id: \\1" to the batch entry '${name}' and re-run`,
        ),
      )
    }
  })
})
