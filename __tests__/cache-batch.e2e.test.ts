// The result cache through the real @actions/cache code (against a local Actions cache service),
// and batches of clips with a concurrency limit.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { startAction } from '../simulator/actions-runner'
import { startActionsCacheService, type ActionsCacheService } from '../simulator/actions-cache-service'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { completed, envelope, hostile, hostileInputs, json } from './support/hostile-server'
import { signalSender } from './support/signals'
import { CLIP_BYTES, CLIP_SHA256, checkKeyAndClose, expectNoSecret, quickInputs, resultRows, runAction, unpacked } from './support/fixtures'

let sim: FoxApiSimulator
let cacheService: ActionsCacheService
beforeEach(async () => {
  sim = await startFoxApiSimulator({
    taskDurationMs: 400,
    scenario: (request) =>
      String(request.prompt).includes('[fail]')
        ? { outcome: 'failed', error: { code: 'render_error', message: 'the renderer gave up' } }
        : {},
  })
  cacheService = await startActionsCacheService()
})
afterEach(async () => {
  await cacheService.close()
  await checkKeyAndClose(sim)
})

/** Each run gets its own workspace and RUNNER_TEMP, as a fresh job would; the cache service is what they share. */
function cachedRun(inputs: Record<string, string>) {
  return runAction({ inputs: quickInputs(sim, { cache: 'true', ...inputs }), env: cacheService.env })
}

describe('result cache', () => {
  it('saves a finished clip and serves the same request again without any request to FoxAPI', async () => {
    const first = await runAction({
      inputs: quickInputs(sim, { cache: 'true' }),
      env: { ...cacheService.env, GITHUB_RUN_ID: '7001', GITHUB_RUN_NUMBER: '12', GITHUB_WORKFLOW: 'weekly-clip' },
    })
    expect(first.exitCode, first.visibleLog).toBe(0)
    expect(first.outputs['cache-hit']).toBe('false')
    expect(sim.createCount()).toBe(1)
    expect(
      cacheService.entries.filter((e) => e.finalized && e.key.startsWith('foxapi-video-v1-') && !e.key.includes('pending')),
    ).toHaveLength(1)

    const requestsBefore = sim.requests.length
    // Same request, spelled differently: explicit defaults, extra whitespace.
    const second = await cachedRun({ prompt: '  A red fox runs through snow at golden hour ', mode: 'standard', duration: '5' })
    expect(second.exitCode, second.visibleLog).toBe(0)
    expect(second.outputs['cache-hit']).toBe('true')
    expect(sim.requests.length).toBe(requestsBefore)
    expect(second.outputs['task-id']).toBe(first.outputs['task-id'])
    expect(second.outputs.status).toBe('completed')
    expect(second.outputs['video-sha256']).toBe(CLIP_SHA256)
    expect(readFileSync(second.outputs['video-path'] as string).equals(CLIP_BYTES)).toBe(true)
    expect(JSON.parse(second.outputs.result as string)).toEqual(JSON.parse(first.outputs.result as string))
    expect(second.summary).toContain('<h3>♻️ Clip: reused from the cache · 0 credits</h3>')
    expect(second.summary).toContain('Reused from the Actions cache, checked again: nothing was sent to FoxAPI and no credits were spent.')
    // The summary links to the run that made (and paid for) the clip.
    expect(second.summary).toContain('made by <a href="https://github.com/acme/marketing/actions/runs/7001">weekly-clip #12</a>')
    expectNoSecret(second)
    expect(JSON.stringify(cacheService.entries.map((e) => e.key))).not.toContain(quickInputs(sim)['api-key'])
    // Staging files are gone from the workspace.
    for (const run of [first, second]) expect(existsSync(path.join(run.workspace, '.foxapi-video-cache'))).toBe(false)
  })

  it('keeps the key out of the debug log (RUNNER_DEBUG=1) and out of the cache', async () => {
    const run = await runAction({ inputs: quickInputs(sim, { cache: 'true' }), env: { ...cacheService.env, RUNNER_DEBUG: '1' } })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain('::debug::')
    expectNoSecret(run)
    expect(cacheService.entries.length).toBeGreaterThan(0)
    const archives = cacheService.entries.map((e) => unpacked(e.data))
    expect(archives.every((text) => text.includes(run.outputs['task-id'] as string))).toBe(true) // really unpacked
    for (const text of archives) expect(text).not.toContain(quickInputs(sim)['api-key'])
  })

  it('misses for a different request or cache-key', async () => {
    await cachedRun({})
    const otherPrompt = await cachedRun({ prompt: 'A grey wolf' })
    const otherKey = await cachedRun({ 'cache-key': 'campaign-2' })
    expect([otherPrompt.outputs['cache-hit'], otherKey.outputs['cache-hit']]).toEqual(['false', 'false'])
    expect(sim.createCount()).toBe(3)
  })

  it('resumes the task a timed-out run left, instead of paying for a new one', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 2_500 })
    const timedOut = await cachedRun({ timeout: '1s', 'cancel-on-timeout': 'false' })
    expect(timedOut.exitCode).toBe(1)
    expect(sim.createCount()).toBe(1)

    const rerun = await cachedRun({ timeout: '20s' })
    expect(rerun.exitCode, rerun.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(1)
    expect(rerun.outputs['task-id']).toBe(timedOut.outputs['task-id'])
    expect(rerun.stdout).toContain(`Resuming task ${timedOut.outputs['task-id']} submitted by an earlier run`)
  })

  it('submits afresh when the earlier task is too old for its clip URL to work', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 2_500 })
    const timedOut = await cachedRun({ timeout: '1s', 'cancel-on-timeout': 'false' })
    const old = sim.tasks.get(timedOut.outputs['task-id'] as string)
    if (old) old.createdAt -= 25 * 3_600_000
    const rerun = await cachedRun({ timeout: '20s' })
    expect(rerun.exitCode, rerun.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(2)
    expect(rerun.stdout).toContain(`task ${timedOut.outputs['task-id']} is over a day old`)
    expect(rerun.outputs['task-id']).not.toBe(timedOut.outputs['task-id'])
  })

  it('submits afresh when the earlier task was cancelled', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 2_500, cancelRoute: true })
    const timedOut = await cachedRun({ timeout: '1s', 'cancel-on-timeout': 'true' })
    expect(sim.tasks.get(timedOut.outputs['task-id'] as string)?.status).toBe('cancelled')
    const rerun = await cachedRun({ timeout: '20s' })
    expect(rerun.exitCode, rerun.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(2)
    expect(rerun.stdout).toContain('ended cancelled; submitting a new one')
  })

  it('warns and goes on without the cache when the service is down', async () => {
    // Dropped connections fail at once; a 503 fails the same way after the package's own retries (~30 s a call).
    cacheService.setDown(true, 'reset')
    const run = await cachedRun({})
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toMatch(/::warning::Failed to restore: .*ECONNRESET/)
    expect(run.stdout).toMatch(
      /::warning::Result cache off for this run \(saving foxapi-video-v1-[0-9a-f]{40}-pending-\d+-[0-9a-f]{8} failed\)/,
    )
    expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
    expect(run.outputs['cache-hit']).toBe('false')
    // Once off, the finished clip is not offered to the cache: one lookup and one save were tried, no more.
    const calls = cacheService.requests.map((r) => r.path.split('/').pop())
    expect(calls.filter((c) => c === 'GetCacheEntryDownloadURL')).toHaveLength(1)
    expect(calls.filter((c) => c === 'CreateCacheEntry')).toHaveLength(1)
  })

  it('warns and goes on when the cache service is not configured at all', async () => {
    const run = await runAction({ inputs: quickInputs(sim, { cache: 'true' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain('::warning::Result cache off for this run (the Actions cache service is not configured on this runner)')
  })
})

const batchFile = (entries: string) => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-batch-'))
  writeFileSync(path.join(workspace, 'clips.yml'), entries)
  return workspace
}

describe('batch', () => {
  const five = ['fox', 'hen', 'owl', 'elk', 'cat'].map((n) => `- prompt: a ${n} at dawn\n  output: clips/${n}.mp4\n`).join('')

  it('makes 5 clips with never more than 2 in flight, and reports them all', async () => {
    const workspace = batchFile(five)
    const run = await runAction({ inputs: quickInputs(sim, { batch: 'clips.yml', concurrency: '2' }), workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(5)
    expect(sim.maxConcurrentTasks()).toBe(2)
    const rows = resultRows(run.outputs)
    expect(rows.map((r) => [r.name, r.status, r.video_path])).toEqual(
      ['fox', 'hen', 'owl', 'elk', 'cat'].map((n) => [n, 'completed', path.join(workspace, `clips/${n}.mp4`)]),
    )
    for (const row of rows) expect(readFileSync(row.video_path).equals(CLIP_BYTES)).toBe(true)
    expect(run.outputs['task-id']).toBe(rows[0]?.task_id)
    const overview = run.summary.slice(run.summary.indexOf('<tbody>'), run.summary.indexOf('</tbody>'))
    expect((overview.match(/<tr>/g) ?? []).length).toBe(5)
    expect(run.summary).toContain('<h3>✅ 5 of 5 clips made · 25 credits</h3>')
    expect(run.stdout).toMatch(/\[owl\] Submitted task/)
    expectNoSecret(run)
  })

  it('finishes every clip when one fails, then fails the step listing it', async () => {
    const workspace = batchFile(`${five}- prompt: a broken one [fail]\n  name: broken\n`)
    const run = await runAction({ inputs: quickInputs(sim, { batch: 'clips.yml', concurrency: '3' }), workspace })
    expect(run.exitCode).toBe(1)
    expect(sim.createCount()).toBe(6)
    expect(sim.maxConcurrentTasks()).toBeLessThanOrEqual(3)
    const rows = resultRows(run.outputs)
    expect(rows.filter((r) => r.outcome === 'succeeded')).toHaveLength(5)
    expect(rows.find((r) => r.name === 'broken')).toMatchObject({ status: 'failed', error: expect.stringContaining('render_error') })
    expect(run.stdout).toMatch(/::error::1 of 6 clips did not finish:%0A- broken: FoxAPI task \S+ failed: render_error/)
  })

  it('with fail-fast, starts no clip after a failure', async () => {
    const workspace = batchFile(`- prompt: first [fail]\n${five}`)
    const run = await runAction({ inputs: quickInputs(sim, { batch: 'clips.yml', concurrency: '1', 'fail-fast': 'true' }), workspace })
    expect(run.exitCode).toBe(1)
    expect(sim.createCount()).toBe(1)
    expect(resultRows(run.outputs).map((r) => r.outcome)).toEqual(['failed', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped'])
  })

  it('validates every entry before sending anything', async () => {
    const workspace = batchFile(`${five}- prompt: too long\n  duration: 60\n`)
    const run = await runAction({ inputs: quickInputs(sim, { batch: 'clips.yml' }), workspace })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("::error::batch item 6 'duration' must be a whole number of seconds from 3 to 15 (got 60)")
    expect(sim.requests).toHaveLength(0)
  })

  it('serves a re-run entirely from the cache', async () => {
    const first = await runAction({
      inputs: quickInputs(sim, { batch: 'clips.yml', cache: 'true' }),
      workspace: batchFile(five),
      env: cacheService.env,
    })
    expect(first.exitCode, first.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(5)
    const requestsBefore = sim.requests.length

    const rerun = await runAction({
      inputs: quickInputs(sim, { batch: 'clips.yml', cache: 'true' }),
      workspace: batchFile(five),
      env: cacheService.env,
    })
    expect(rerun.exitCode, rerun.visibleLog).toBe(0)
    expect(sim.requests.length).toBe(requestsBefore)
    const rows = resultRows(rerun.outputs)
    expect(rows.every((r) => r.cache_hit && r.sha256 === CLIP_SHA256)).toBe(true)
    for (const row of rows) expect(readFileSync(row.video_path).equals(CLIP_BYTES)).toBe(true)
    expect(rerun.summary).toContain('<h3>✅ 5 of 5 clips reused from the cache · 0 credits</h3>')
  })
})

describe('a batch frees a task slot once the task is final', () => {
  // Each task ends `taskMs(id)` after its create; downloads come from a second server that holds clips back.
  async function batchServers(taskMs: (id: string) => number, download: (id: string) => { delayMs: number; status: number }) {
    const created = new Map<string, number>()
    const downloads: { id: string; endedAt: number }[] = []
    const files = createServer((req, res) => {
      const id = path.basename(req.url ?? '', '.mp4')
      const { delayMs, status } = download(id)
      const timer = setTimeout(() => {
        res.on('finish', () => downloads.push({ id, endedAt: Date.now() }))
        if (status !== 200) return void res.writeHead(status).end()
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(CLIP_BYTES.length) }).end(CLIP_BYTES)
      }, delayMs)
      res.on('close', () => clearTimeout(timer))
    })
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => new Promise<void>((resolve) => (files.close(() => resolve()), files.closeAllConnections())))
    const filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`
    const api = await hostile({
      create: (_req, res) => {
        const id = `task-unified-${created.size + 1}-slot`
        created.set(id, Date.now())
        json(res, 200, envelope(id, { status: 'pending' }))
      },
      poll: (_req, res, { taskId }) =>
        Date.now() - (created.get(taskId) ?? 0) < taskMs(taskId)
          ? json(res, 200, envelope(taskId, { status: 'processing' }))
          : json(res, 200, completed(taskId, filesUrl)),
    })
    return { api, created, downloads }
  }
  const three = ['fox', 'hen', 'owl'].map((n) => `- prompt: a ${n} at dawn\n  name: ${n}\n`).join('')
  const first = (id: string) => id === 'task-unified-1-slot'

  it('submits the next clip while the last one still downloads, one task at a time', async () => {
    const { api, created, downloads } = await batchServers(
      () => 300,
      (id) => ({ delayMs: first(id) ? 2_000 : 0, status: 200 }),
    )
    const run = await runAction({
      inputs: hostileInputs(api.url, { batch: 'clips.yml', concurrency: '1', timeout: '20s' }),
      workspace: batchFile(three),
    })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(resultRows(run.outputs).map((r) => r.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded'])
    // Still one task at a time (concurrency 1): the second create came after the first task's end...
    expect(created.get('task-unified-2-slot')).toBeGreaterThanOrEqual((created.get('task-unified-1-slot') ?? 0) + 300)
    // ...but before the first clip's download was over.
    expect(created.get('task-unified-2-slot')).toBeLessThan(downloads.find((d) => first(d.id))?.endedAt ?? 0)
    for (const row of resultRows(run.outputs)) expect(readFileSync(row.video_path).equals(CLIP_BYTES)).toBe(true)
  })

  it('with fail-fast, submits nothing more once a download fails', async () => {
    const { api, created } = await batchServers(
      () => 1_000,
      (id) => (first(id) ? { delayMs: 200, status: 403 } : { delayMs: 0, status: 200 }),
    )
    const run = await runAction({
      inputs: hostileInputs(api.url, { batch: 'clips.yml', concurrency: '1', 'fail-fast': 'true', timeout: '20s' }),
      workspace: batchFile(three),
    })
    expect(run.exitCode).toBe(1)
    // The second task was submitted when the first task ended, before its download failed: it is finished, the third never sent.
    expect([...created.keys()]).toEqual(['task-unified-1-slot', 'task-unified-2-slot'])
    expect(resultRows(run.outputs).map((r) => [r.name, r.outcome])).toEqual([
      ['fox', 'failed'],
      ['hen', 'succeeded'],
      ['owl', 'skipped'],
    ])
    expect(resultRows(run.outputs)[2]?.error).toBe('not started: an earlier clip failed (fail-fast)')
  })

  it('on SIGINT stops a download and a waiting task alike, and submits nothing more', async () => {
    const { api, created } = await batchServers(
      (id) => (first(id) ? 0 : 60_000),
      () => ({ delayMs: 60_000, status: 200 }),
    )
    const signals = signalSender()
    const action = startAction({
      inputs: hostileInputs(api.url, { batch: 'clips.yml', concurrency: '1', timeout: '30s' }),
      workspace: batchFile(three),
      env: signals.env,
    })
    await action.waitForOutput('[hen] Submitted task task-unified-2-slot')
    signals.send(action.child, 'SIGINT')
    const run = await action.done
    expect(run.exitCode).toBe(1)
    expect([...created.keys()]).toEqual(['task-unified-1-slot', 'task-unified-2-slot'])
    expect(resultRows(run.outputs).map((r) => [r.name, r.outcome])).toEqual([
      ['fox', 'stopped'],
      ['hen', 'stopped'],
      ['owl', 'skipped'],
    ])
    expect(resultRows(run.outputs)[2]?.error).toBe('not started: the run was cancelled')
    // The clip cut off mid-download left nothing under its name, nor a temporary file.
    const folder = path.join(run.workspace, 'foxapi-videos')
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([])
  })
})
