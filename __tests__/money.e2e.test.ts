// Money: nothing paid is lost, nothing is paid twice. Each test plays a hostile server or bad timing against
// the built action: a cancel while the create is in flight, a flaky status route, a failure after paying, the
// result cache racing itself, identical batch entries, a task adopted from another run, a broken cache.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { actionsCacheEnv, startActionsCacheService, type ActionsCacheService } from '../simulator/actions-cache-service'
import { startAction } from '../simulator/actions-runner'
import { startFoxApiSimulator, type FoxApiSimulator, type SimulatorOptions } from '../simulator/foxapi-simulator'
import { ResultCache } from '../src/cache/result-cache'
import {
  API_KEY,
  CLIP_BYTES,
  CLIP_SHA256,
  checkKeyAndClose,
  polls,
  quickInputs,
  requestsTo,
  resultRows,
  runAction,
} from './support/fixtures'
import { TASK_ID, completed, envelope, hostile, hostileInputs, json, type HostileServer } from './support/hostile-server'
import { signalSender } from './support/signals'
import { captureStdout } from './support/stdout'

let sim: FoxApiSimulator
/** The simulator this test started, if any (the hostile-server tests start none). */
let started: FoxApiSimulator | undefined
let cacheService: ActionsCacheService | undefined
afterEach(async () => {
  await cacheService?.close()
  cacheService = undefined
  const closing = started
  started = undefined
  await checkKeyAndClose(closing)
})

async function simulator(options: SimulatorOptions = {}): Promise<FoxApiSimulator> {
  sim = started = await startFoxApiSimulator({ taskDurationMs: 400, ...options })
  return sim
}

async function withCache(): Promise<ActionsCacheService> {
  cacheService = await startActionsCacheService()
  return cacheService
}

function workspaceWith(file: string, text: string): string {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-money-'))
  writeFileSync(path.join(workspace, file), text)
  return workspace
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('a cancel while the create request is in flight', () => {
  it('waits for the reply, records the task id, then cancels the task', async () => {
    await simulator({ taskDurationMs: 60_000, cancelRoute: true, faults: [{ route: 'create', kind: { type: 'delayHeaders', ms: 1_500 } }] })
    const signals = signalSender()
    const action = startAction({ inputs: quickInputs(sim, { 'cancel-on-timeout': 'true' }), env: signals.env })
    await until(() => requestsTo(sim, 'POST', /generations$/).length === 1, 'the create request')
    signals.send(action.child, 'SIGINT')
    setTimeout(() => signals.send(action.child, 'SIGTERM'), 300) // the runner follows up; it must not kill the step
    const run = await action.done
    expect(run.exitCode).toBe(1)
    expect(sim.createCount()).toBe(1)
    const [task] = [...sim.tasks.values()]
    expect(run.outputs['task-id']).toBe(task?.id)
    expect(task?.status).toBe('cancelled')
    expect(run.outputs.status).toBe('cancelled')
    expect(run.stdout).toContain("waiting up to 4s for FoxAPI's reply")
    expect(run.stdout).toContain('The task was cancelled at FoxAPI')
    // The post step was told about it while it was cancelled, and is told it is settled now.
    expect(readFileSync(path.join(run.workspace, '.github_state'), 'utf8')).toContain(task?.id)
  })

  it('says a task may have been billed when the reply never comes', async () => {
    await simulator({ faults: [{ route: 'create', kind: { type: 'delayHeaders', ms: 20_000 } }] })
    const signals = signalSender()
    const action = startAction({ inputs: quickInputs(sim, { 'request-timeout': '30s' }), env: signals.env })
    await until(() => requestsTo(sim, 'POST', /generations$/).length === 1, 'the create request')
    signals.send(action.child, 'SIGINT')
    const run = await action.done
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::The run was cancelled while the create request was in flight.*a task may have been created and billed/,
    )
  })
})

describe('a paid task survives a flaky status route', () => {
  it('waits through a 524, an HTML maintenance page, a 2xx that is not a task and two 404s', async () => {
    await simulator({
      faults: [
        { route: 'poll', kind: { type: 'status', status: 524 } },
        {
          route: 'poll',
          kind: { type: 'body', status: 200, contentType: 'text/html', body: '<html><h1>Down for maintenance</h1></html>' },
        },
        { route: 'poll', kind: { type: 'body', status: 200, contentType: 'application/json', body: '{"ok":true}' } },
        { route: 'poll', times: 2, kind: { type: 'status', status: 404, errorType: 'not_found' } },
      ],
    })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
    expect(sim.createCount()).toBe(1)
    expect(run.stdout.match(/the task keeps running, so the wait goes on/g)).toHaveLength(5)
  })

  it('collects a task-id through a 524 on its very first query, instead of failing', async () => {
    await simulator()
    const created = await fetch(`${sim.url}/v1/videos/generations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'kling-o3-ref', prompt: 'made earlier' }),
    }).then((r) => r.json() as Promise<{ id: string }>)
    sim.addFault({ route: 'poll', kind: { type: 'status', status: 524 } })
    const { prompt: _prompt, ...inputs } = quickInputs(sim, { 'task-id': created.id })
    const run = await runAction({ inputs })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain(`waiting on task ${created.id} anyway`)
    expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
    expect(sim.createCount()).toBe(1)
  })

  it('gives up on a 404 that persists, naming the task and how to collect it', async () => {
    await simulator({ faults: [{ route: 'poll', times: 10, kind: { type: 'status', status: 404, errorType: 'not_found' } }] })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(polls(sim)).toHaveLength(3)
    const id = run.outputs['task-id'] as string
    expect(run.stdout).toContain(`without paying again: re-run with task-id: ${id}.`)
  })
})

describe('a failure after paying says how to collect the clip', () => {
  it('names the task and the task-id input; following that works without paying again', async () => {
    await simulator({ faults: [{ route: 'download', kind: { type: 'status', status: 403, errorType: 'forbidden' } }] })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode).toBe(1)
    const id = run.outputs['task-id'] as string
    expect(run.stdout).toMatch(new RegExp(`::error::Download failed \\(403 forbidden\\).*re-run with task-id: ${id}\\.`))

    const { prompt: _prompt, ...inputs } = quickInputs(sim, { 'task-id': id })
    const again = await runAction({ inputs })
    expect(again.exitCode, again.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(1)
    expect(again.outputs['video-sha256']).toBe(CLIP_SHA256)
  })

  it('in a batch, names the entry; a task-id on that entry collects it', async () => {
    await simulator({ faults: [{ route: 'download', kind: { type: 'status', status: 403, errorType: 'forbidden' } }] })
    const service = await withCache()
    const entries = (henTaskId?: string) =>
      `- name: hen\n  prompt: a hen at dawn\n${henTaskId ? `  task-id: ${henTaskId}\n` : ''}- name: fox\n  prompt: a fox at dawn\n`
    const first = await runAction({
      inputs: quickInputs(sim, { batch: 'clips.yml', concurrency: '1', cache: 'true' }),
      workspace: workspaceWith('clips.yml', entries()),
      env: service.env,
    })
    expect(first.exitCode).toBe(1)
    const hen = resultRows(first.outputs).find((r) => r.name === 'hen')
    expect(hen?.error).toContain(`add "task-id: ${hen?.task_id}" to the batch entry 'hen' and re-run`)

    const rerun = await runAction({
      inputs: quickInputs(sim, { batch: 'clips.yml', concurrency: '1', cache: 'true' }),
      workspace: workspaceWith('clips.yml', entries(hen?.task_id)),
      env: service.env,
    })
    expect(rerun.exitCode, rerun.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(2)
    const rows = resultRows(rerun.outputs)
    expect(rows.map((r) => [r.name, r.outcome, r.task_id])).toEqual([
      ['hen', 'succeeded', hen?.task_id],
      ['fox', 'succeeded', resultRows(first.outputs).find((r) => r.name === 'fox')?.task_id],
    ])
    expect(rows.find((r) => r.name === 'fox')?.cache_hit).toBe(true)
    for (const row of rows) expect(readFileSync(row.video_path).equals(CLIP_BYTES)).toBe(true)
  })
})

describe('the result cache', () => {
  it('survives fast tasks racing their own cache saves, and a re-run pays nothing', async () => {
    await simulator({ taskDurationMs: 20 })
    const service = await withCache()
    const batch = (round: number) => ['fox', 'hen', 'owl', 'elk'].map((n) => `- prompt: a ${n} in round ${round}\n  name: ${n}\n`).join('')
    for (const round of [1, 2]) {
      const run = await runAction({
        inputs: quickInputs(sim, { batch: 'clips.yml', cache: 'true', concurrency: '4', 'poll-interval': '50ms' }),
        workspace: workspaceWith('clips.yml', batch(round)),
        env: service.env,
      })
      expect(run.exitCode, run.visibleLog).toBe(0)
      expect(run.visibleLog).not.toMatch(/Unhandled|Internal error|::warning::/)
    }
    expect(sim.createCount()).toBe(8)
    // Every clip was saved: a re-run of both rounds is served from the cache alone.
    for (const round of [1, 2]) {
      const rerun = await runAction({
        inputs: quickInputs(sim, { batch: 'clips.yml', cache: 'true', concurrency: '4' }),
        workspace: workspaceWith('clips.yml', batch(round)),
        env: service.env,
      })
      expect(rerun.exitCode, rerun.visibleLog).toBe(0)
      expect(resultRows(rerun.outputs).every((r) => r.cache_hit)).toBe(true)
    }
    expect(sim.createCount()).toBe(8)
    // Pending-task keys are unique per submission (time and a random part).
    // (Each delivered clip adds a `-delivered` entry to the same series; under reuse: run the note is an artifact of the run.)
    const pending = service.entries.filter((e) => e.key.includes('-pending-') && !e.key.endsWith('-delivered')).map((e) => e.key)
    expect(pending).toHaveLength(8)
    expect(service.entries.filter((e) => e.key.endsWith('-delivered'))).toHaveLength(8)
    for (const key of pending) expect(key).toMatch(/-pending-\d+-[0-9a-f]{8}$/)
  })

  it('refuses identical batch entries before sending anything, and takes with their own cache-key stay distinct', async () => {
    await simulator()
    const service = await withCache()
    const same = '- prompt: a fox\n  name: a\n- prompt: a fox\n  name: b\n- prompt: a fox\n  name: c\n'
    const refused = await runAction({
      inputs: quickInputs(sim, { batch: 'clips.yml', cache: 'true' }),
      workspace: workspaceWith('clips.yml', same),
      env: service.env,
    })
    expect(refused.exitCode).toBe(1)
    expect(refused.stdout).toContain("::error::batch entries 'a' and 'b' send the same request: give each take its own 'cache-key'")
    expect(sim.requests).toHaveLength(0)

    const takes =
      '- prompt: a fox\n  name: a\n- prompt: a fox\n  name: b\n  cache-key: take-2\n- prompt: a fox\n  name: c\n  cache-key: take-3\n'
    const first = await runAction({
      inputs: quickInputs(sim, { batch: 'clips.yml', cache: 'true' }),
      workspace: workspaceWith('clips.yml', takes),
      env: service.env,
    })
    expect(first.exitCode, first.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(3)
    const rerun = await runAction({
      inputs: quickInputs(sim, { batch: 'clips.yml', cache: 'true' }),
      workspace: workspaceWith('clips.yml', takes),
      env: service.env,
    })
    expect(rerun.exitCode, rerun.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(3)
    expect(resultRows(rerun.outputs).map((r) => [r.cache_hit, r.task_id])).toEqual(resultRows(first.outputs).map((r) => [true, r.task_id]))
    expect(new Set(resultRows(rerun.outputs).map((r) => r.task_id)).size).toBe(3)
  })

  it('never cancels a pending task it adopted from another run, which still delivers', async () => {
    // Long enough for the adopting run to start, restore from the cache and time out while the task still runs,
    // also where tar and zstd are slow (Windows, macOS runners).
    await simulator({ taskDurationMs: 6_000, cancelRoute: true })
    const service = await withCache()
    const paying = startAction({ inputs: quickInputs(sim, { cache: 'true' }), env: service.env })
    await paying.waitForOutput(/Saved to the Actions cache as \S+-pending-/)
    const adopting = await runAction({
      inputs: quickInputs(sim, { cache: 'true', timeout: '1s', 'cancel-on-timeout': 'true' }),
      env: service.env,
    })
    expect(adopting.exitCode).toBe(1)
    const id = adopting.outputs['task-id'] as string
    expect(adopting.stdout).toContain(`Resuming task ${id} submitted by an earlier run`)
    expect(adopting.stdout).toContain('was submitted by another run, so it is left running')
    expect(requestsTo(sim, 'POST', /\/cancel$/)).toHaveLength(0)
    // Nor does its post step.
    const post = await runAction({ inputs: quickInputs(sim), state: adopting.state })
    expect(post.exitCode).toBe(0)
    expect(requestsTo(sim, 'POST', /\/cancel$/)).toHaveLength(0)

    const paid = await paying.done
    expect(paid.exitCode, paid.visibleLog).toBe(0)
    expect(paid.outputs['task-id']).toBe(id)
    expect(sim.createCount()).toBe(1)
  })
})

describe('a cache that cannot be used', () => {
  const warnings = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::warning::') && line.includes('Result cache'))

  it('with the service on a closed port: one warning, and the clip is made', async () => {
    await simulator()
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const run = await runAction({
      inputs: quickInputs(sim, { cache: 'true' }),
      env: actionsCacheEnv(`http://127.0.0.1:${port}`),
    })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
    expect(warnings(run.stdout)).toHaveLength(1)
  })

  it('with a service answering garbage: one warning, and the clip is made', async () => {
    await simulator()
    const garbage: Server = createServer((_req, res) => {
      // JSON, but not the service's (an HTML page works too, yet @actions/cache retries that itself for ~30s a call).
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"garbage":[1,2,3],"ok":false}')
    })
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve))
    try {
      const run = await runAction({
        inputs: quickInputs(sim, { cache: 'true' }),
        env: actionsCacheEnv(`http://127.0.0.1:${(garbage.address() as AddressInfo).port}`),
      })
      expect(run.exitCode, run.visibleLog).toBe(0)
      expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
      expect(warnings(run.stdout)).toHaveLength(1)
    } finally {
      await new Promise((resolve) => garbage.close(resolve))
    }
  })

  const brokenModules: [string, Record<string, () => unknown>][] = [
    ['a stub without isFeatureAvailable', {}],
    [
      'a feature check that throws',
      {
        isFeatureAvailable: () => {
          throw new TypeError('not in this runner')
        },
        restoreCache: () => 0,
        downloadEntry: () => 0,
        saveCache: () => 0,
      },
    ],
    [
      'restore and save that throw',
      {
        isFeatureAvailable: () => true,
        restoreCache: () => Promise.reject(new Error('boom')),
        downloadEntry: () => Promise.reject(new Error('boom')),
        saveCache: () => Promise.reject(new Error('boom')),
      },
    ],
    [
      'saves answering -1',
      {
        isFeatureAvailable: () => true,
        restoreCache: () => Promise.resolve(undefined),
        downloadEntry: () => Promise.resolve(undefined),
        saveCache: () => Promise.resolve(-1),
      },
    ],
  ]
  it.each(brokenModules)('with %s: the cache turns itself off with one warning, nothing throws', async (_what, module) => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-money-'))
    const stdout = captureStdout()
    try {
      const cache = new ResultCache(true, workspace, { apiKey: 'sk-test', maxClipBytes: 1024 ** 2 }, module)
      const clip = path.join(workspace, 'clip.mp4')
      writeFileSync(clip, CLIP_BYTES)
      const found = await cache.lookup('k', { wantClip: true, check: () => Promise.reject(new Error('no clip expected')) })
      // A lookup that fails turns the cache off (undefined); one that finds nothing says so.
      expect([undefined, 'empty']).toContain(found?.kind)
      await expect(cache.savePendingTaskId('k', 'task-1', 'kling-o3-ref')).resolves.toBe(false)
      await expect(cache.saveClip('k', { id: 'task-1', status: 'completed' }, clip, CLIP_SHA256)).resolves.toBeUndefined()
      expect(cache.enabled).toBe(false)
    } finally {
      stdout.restore()
    }
    expect(stdout.written.filter((line) => line.startsWith('::warning::'))).toEqual([
      expect.stringMatching(/^::warning::Result cache off for this run/),
    ])
  })
})

describe('max-credits holds whatever the server says', () => {
  // Four clips, max-credits 25, one at a time, each create reserving 20: the first two go out (20 < 25, then
  // 40 ≥ 25), the other two are refused before anything is sent for them.
  const four = ['fox', 'hen', 'owl', 'elk'].map((n) => `- name: ${n}\n  prompt: a ${n} at dawn\n`).join('')
  const creates = (server: HostileServer) => server.requests.filter((r) => r.method === 'POST' && r.path === '/v1/videos/generations')
  const budgetRun = (server: HostileServer) =>
    runAction({
      inputs: hostileInputs(server.url, { batch: 'clips.yml', 'max-credits': '25', concurrency: '1', download: 'false' }),
      workspace: workspaceWith('clips.yml', four),
    })
  const reserving = (credits: unknown) => ({ usage: { credits_reserved: credits } })
  const outcomes = (outputs: Record<string, string>) => resultRows(outputs).map((r) => r.outcome)

  it('keeps the highest figure of a task when its polls later report 0 (released or settled)', async () => {
    let n = 0
    const server = await hostile({
      create: (_req, res) => json(res, 200, envelope(`task-unified-${++n}-hostile`, { status: 'pending', ...reserving(20) })),
      poll: (_req, res, { url, taskId }) => json(res, 200, completed(taskId, url, reserving(0))),
    })
    const run = await budgetRun(server)
    expect(creates(server)).toHaveLength(2)
    expect(outcomes(run.outputs)).toEqual(['succeeded', 'succeeded', 'skipped', 'skipped'])
    expect(run.outputs.credits).toBe('40')
    expect(resultRows(run.outputs).map((r) => r.credits)).toEqual([20, 20, 0, 0])
    expect(resultRows(run.outputs)[2]?.error).toBe("not started: max-credits 25 reached (40 credits reserved by this step's tasks)")
  })

  it('counts every create, also when every create names the same task', async () => {
    const server = await hostile({
      create: (_req, res) => json(res, 200, envelope(TASK_ID, { status: 'pending', ...reserving(20) })),
      poll: (_req, res, { url, taskId }) => json(res, 200, completed(taskId, url, reserving(20))),
    })
    const run = await budgetRun(server)
    expect(creates(server)).toHaveLength(2)
    expect(outcomes(run.outputs)).toEqual(['succeeded', 'succeeded', 'skipped', 'skipped'])
    expect(run.outputs.credits).toBe('40')
  })

  it('counts a create answered 502 (it may have been billed) as reaching the limit', async () => {
    let n = 0
    const server = await hostile({
      create: (_req, res) => {
        if (++n === 2) return json(res, 502, { error: { message: 'upstream went away', type: 'server_error' } })
        json(res, 200, envelope(`task-unified-${n}-hostile`, { status: 'pending', ...reserving(20) }))
      },
      poll: (_req, res, { url, taskId }) => json(res, 200, completed(taskId, url, reserving(20))),
    })
    const run = await budgetRun(server)
    expect(creates(server)).toHaveLength(2)
    expect(outcomes(run.outputs)).toEqual(['succeeded', 'failed', 'skipped', 'skipped'])
    expect(resultRows(run.outputs)[2]?.error).toMatch(/max-credits 25 counted as reached, because a create request's outcome is unknown/)
    expect(run.outputs.credits).toBe('20')
  })

  it('counts an unusable figure ("1e999", or 1e999 as a JSON number) as reaching the limit', async () => {
    let n = 0
    const server = await hostile({
      create: (_req, res) =>
        json(res, 200, envelope(`task-unified-${++n}-hostile`, { status: 'pending', ...reserving(n === 2 ? '1e999' : 20) })),
      poll: (_req, res, { url, taskId }) => json(res, 200, completed(taskId, url)),
    })
    const run = await budgetRun(server)
    expect(creates(server)).toHaveLength(2)
    expect(outcomes(run.outputs)).toEqual(['succeeded', 'succeeded', 'skipped', 'skipped'])
    expect(run.stdout).toContain('::warning::FoxAPI reported usage.credits_reserved "1e999" for task task-unified-2-hostile')
    expect(run.outputs.credits).toBe('20')

    // The number itself: JSON.parse makes it Infinity.
    const infinite = await hostile({
      create: (_req, res) =>
        json(
          res,
          200,
          JSON.stringify(envelope('task-unified-9-hostile', { status: 'pending' })).replace(/}$/, ',"usage":{"credits_reserved":1e999}}'),
        ),
      poll: (_req, res, { url, taskId }) => json(res, 200, completed(taskId, url)),
    })
    const again = await budgetRun(infinite)
    expect(creates(infinite)).toHaveLength(1)
    expect(outcomes(again.outputs)).toEqual(['succeeded', 'skipped', 'skipped', 'skipped'])
    expect(again.outputs.credits).toBe('0')
  })
})
