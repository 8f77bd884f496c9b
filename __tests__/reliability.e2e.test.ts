// Faults injected at the simulator: retries, the never-charge-twice rule, timeouts, cancellation, resume,
// and the download's guarantees. Each test also checks that the key never surfaces.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { startFoxApiSimulator, type FoxApiSimulator, type SimulatorOptions } from '../simulator/foxapi-simulator'
import { startAction } from '../simulator/actions-runner'
import { TASK_ID, envelope, hostile, hostileInputs, json } from './support/hostile-server'
import { signalSender } from './support/signals'
import {
  API_KEY,
  CLIP_BYTES,
  CLIP_SHA256,
  checkKeyAndClose,
  expectNoSecret,
  polls,
  quickInputs,
  requestsTo,
  runAction,
} from './support/fixtures'

let sim: FoxApiSimulator
afterEach(() => checkKeyAndClose(sim))

async function simulator(options: SimulatorOptions = {}): Promise<FoxApiSimulator> {
  sim = await startFoxApiSimulator({ taskDurationMs: 400, ...options })
  return sim
}

/** Files in the clip folder, temporary ones included. */
function clipFolder(workspace: string): string[] {
  const dir = path.join(workspace, 'foxapi-videos')
  return existsSync(dir) ? readdirSync(dir) : []
}

describe('status polls retry transient trouble', () => {
  it('waits out a 429 with Retry-After, then succeeds', async () => {
    await simulator({
      faults: [{ route: 'poll', times: 2, kind: { type: 'status', status: 429, retryAfter: '1', errorType: 'rate_limit_error' } }],
    })
    const started = Date.now()
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000)
    expect(run.stdout.match(/429 rate_limit_error.*retrying in 1\.0s/g)).toHaveLength(2)
    expect(run.outputs.status).toBe('completed')
    expectNoSecret(run)
  })

  it('rides out a burst of 503s and 502s', async () => {
    await simulator({
      faults: [
        { route: 'poll', times: 3, kind: { type: 'status', status: 503, errorType: 'service_unavailable_error' } },
        { route: 'poll', times: 1, kind: { type: 'status', status: 502 } },
      ],
    })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout.match(/failed \((503 service_unavailable_error|HTTP 502)\)/g)).toHaveLength(4)
    expect(sim.createCount()).toBe(1)
  })

  it('survives a connection reset mid-poll', async () => {
    await simulator({ faults: [{ route: 'poll', times: 2, kind: { type: 'reset' } }] })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toMatch(/Task query failed: the connection was reset; retrying/)
  })

  it('gives up on a hung response after the request timeout and retries', async () => {
    await simulator({ faults: [{ route: 'poll', times: 1, kind: { type: 'delayHeaders', ms: 5_000 } }] })
    const started = Date.now()
    const run = await runAction({ inputs: quickInputs(sim, { 'request-timeout': '500ms' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain('Task query failed: no response headers within the request timeout')
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('never retries 404, and fails with its message', async () => {
    await simulator()
    const run = await runAction({ inputs: quickInputs(sim, { 'task-id': 'task-unified-1-nosuchid', prompt: '' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Task query failed \(404 not_found\)/)
    expect(polls(sim)).toHaveLength(1)
  })
})

describe('the create call is never blindly repeated', () => {
  it('does not resend a create that died after FoxAPI received it', async () => {
    await simulator({ faults: [{ route: 'create', kind: { type: 'resetAfterReceive' } }] })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(sim.createCount()).toBe(1)
    expect(requestsTo(sim, 'POST', /generations$/)).toHaveLength(1)
    expect(run.stdout).toMatch(/::error::Create task failed: the connection was reset\. Not retried: the request may have reached FoxAPI/)
    expectNoSecret(run)
  })

  it('does not resend a create answered with 500', async () => {
    await simulator({ faults: [{ route: 'create', kind: { type: 'status', status: 500, errorType: 'server_error' } }] })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(requestsTo(sim, 'POST', /generations$/)).toHaveLength(1)
    expect(run.stdout).toMatch(/Not retried: the request may have reached FoxAPI/)
  })

  it('retries a create refused with 429 or 503, saying why that is safe', async () => {
    await simulator({
      faults: [
        { route: 'create', kind: { type: 'status', status: 429, retryAfter: '1', errorType: 'rate_limit_error' } },
        { route: 'create', kind: { type: 'status', status: 503, errorType: 'service_unavailable_error' } },
      ],
    })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(requestsTo(sim, 'POST', /generations$/)).toHaveLength(3)
    expect(sim.createCount()).toBe(1)
    expect(run.stdout.match(/FoxAPI did not take the request, so retrying is safe/g)).toHaveLength(2)
  })
})

describe('the key stays with the API', () => {
  it('does not follow an API redirect to another host', async () => {
    await simulator({ faults: [{ route: 'poll', kind: { type: 'redirect' } }] })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Task query failed: FoxAPI answered with a redirect \(HTTP 302\); not followed/)
    expect(sim.requests.filter((r) => r.host === 'cdn')).toEqual([])
  })
})

describe('cancellation and resume', () => {
  // The runner sends SIGINT when a job is cancelled or a step times out, then SIGTERM a few seconds later; on
  // Windows it sends Ctrl+C, which Node delivers as the SIGINT event (the last case, run on every system).
  it.each([
    { signal: 'SIGINT', emulate: process.platform === 'win32' },
    { signal: 'SIGTERM', emulate: process.platform === 'win32' },
    { signal: 'SIGINT', emulate: true },
  ] as const)('cancels the task at FoxAPI on $signal (as an event: $emulate) and still writes the outputs', async ({ signal, emulate }) => {
    await simulator({ taskDurationMs: 60_000, cancelRoute: true })
    const signals = signalSender(emulate)
    const action = startAction({ inputs: quickInputs(sim, { 'cancel-on-timeout': 'true' }), env: signals.env })
    await action.waitForOutput(/Task task-unified-\S+: processing/)
    signals.send(action.child, signal)
    const run = await action.done
    expect(run.exitCode).toBe(1)
    const taskId = run.outputs['task-id'] as string
    expect(sim.tasks.get(taskId)?.status).toBe('cancelled')
    expect(run.outputs.status).toBe('cancelled')
    expect(run.stdout).toContain(`Received ${signal}`)
    expect(run.stdout).toMatch(/::error::The run was cancelled while waiting for task/)
    expectNoSecret(run)
  })

  it('post step cancels a task the main step was killed waiting for', async () => {
    await simulator({ taskDurationMs: 60_000, cancelRoute: true })
    const action = startAction({ inputs: quickInputs(sim, { 'cancel-on-timeout': 'true' }) })
    await action.waitForOutput(/Task task-unified-\S+: processing/)
    action.child.kill('SIGKILL')
    const main = await action.done
    const [taskId] = JSON.parse(main.state['waiting-task-ids'] ?? '[]') as string[]
    expect(taskId).toMatch(/^task-unified-/)
    expect(sim.tasks.get(taskId as string)?.status).not.toBe('cancelled')

    const post = await runAction({ inputs: quickInputs(sim, { 'cancel-on-timeout': 'true' }), state: main.state })
    expect(post.exitCode, post.visibleLog).toBe(0)
    expect(sim.tasks.get(taskId as string)?.status).toBe('cancelled')
    expect(post.stdout).toContain(
      `Task ${taskId}, left running when the main step stopped: The task was cancelled at FoxAPI (its reply says cancelled).`,
    )
    expectNoSecret(post)
  })

  it('post step leaves tasks alone after a normal run', async () => {
    await simulator()
    const main = await runAction({ inputs: quickInputs(sim) })
    const post = await runAction({ inputs: quickInputs(sim), state: main.state })
    expect(post.exitCode).toBe(0)
    expect(requestsTo(sim, 'POST', /\/cancel$/)).toHaveLength(0)
    expect(post.stdout.trim()).toBe('')
  })

  it('resumes an existing task by task-id without submitting', async () => {
    await simulator()
    const created = await fetch(`${sim.url}/v1/videos/generations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'kling-o3-ref', prompt: 'made earlier' }),
    }).then((r) => r.json() as Promise<{ id: string }>)
    const { prompt: _unused, ...inputs } = quickInputs(sim, { 'task-id': created.id })
    const run = await runAction({ inputs })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(1)
    expect(run.outputs['task-id']).toBe(created.id)
    expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
    expect(run.stdout).toContain(`Resuming task ${created.id}; nothing new is submitted.`)
  })
})

describe('downloads', () => {
  it('resumes a truncated download where it stopped, and leaves no partial file', async () => {
    await simulator({ faults: [{ route: 'download', times: 2, kind: { type: 'truncate', bytes: 100 } }] })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(readFileSync(run.outputs['video-path'] as string).equals(CLIP_BYTES)).toBe(true)
    expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
    expect(clipFolder(run.workspace)).toEqual([`${run.outputs['task-id']}.mp4`])
    // Each retry asks only for the bytes it does not have yet, for the same file.
    const downloads = requestsTo(sim, 'GET', /^\/files\//)
    expect(downloads.map((r) => r.headers.range)).toEqual([undefined, 'bytes=100-', 'bytes=200-'])
    expect(downloads[1]?.headers['if-range']).toMatch(/^"[0-9a-f]{16}"$/)
    expect(run.stdout).toContain('Resuming the download at byte 200.')
  })

  it('starts over when the file changed between attempts (If-Range no longer matches)', async () => {
    await simulator({ faults: [{ route: 'download', kind: { type: 'truncate', bytes: 100, etag: '"an-older-version"' } }] })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(requestsTo(sim, 'GET', /^\/files\//).map((r) => r.headers['if-range'])).toEqual([undefined, '"an-older-version"'])
    expect(readFileSync(run.outputs['video-path'] as string).equals(CLIP_BYTES)).toBe(true)
    expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
    expect(run.stdout).not.toContain('Resuming the download')
  })

  it('fails cleanly when every download is cut short: no file under the final name, no temp file', async () => {
    await simulator({ faults: [{ route: 'download', times: 100, kind: { type: 'truncate', bytes: 100 } }] })
    const run = await runAction({ inputs: quickInputs(sim, { timeout: '3s' }) })
    expect(run.exitCode).toBe(1)
    // Which ends it depends on timing: a retry that no longer fits the window, or the window closing mid-request.
    expect(run.stdout).toMatch(
      /::error::Download (failed|was stopped: the time limit ran out)\b[^\n]*\. Collect it later without paying again: re-run with task-id: /,
    )
    expect(clipFolder(run.workspace)).toEqual([])
    // The task itself is done and paid for: its URL is still handed on.
    expect(run.outputs['video-url']).toContain('/files/')
  })

  it('follows a redirect to another host without the Authorization header', async () => {
    await simulator({ faults: [{ route: 'download', kind: { type: 'redirect' } }] })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    const cdn = sim.requests.filter((r) => r.host === 'cdn')
    expect(cdn).toHaveLength(1)
    expect(cdn[0]?.headers.authorization).toBeUndefined()
    expect(JSON.stringify(cdn)).not.toContain(API_KEY)
    expect(
      sim.requests
        .filter((r) => r.host === 'api' && r.path.startsWith('/v1/'))
        .every((r) => r.headers.authorization === `Bearer ${API_KEY}`),
    ).toBe(true)
    expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
  })

  it('gives up on a download that stalls mid-body after the request timeout, and resumes it', async () => {
    await simulator({ faults: [{ route: 'download', kind: { type: 'stall', bytes: 1000 } }] })
    const started = Date.now()
    const run = await runAction({ inputs: quickInputs(sim, { 'request-timeout': '500ms' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain('Download failed: the response body stalled past the request timeout; retrying')
    expect(run.stdout).toContain('Resuming the download at byte 1000.')
    expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('refuses a clip over max-download-size', async () => {
    await simulator()
    const run = await runAction({ inputs: quickInputs(sim, { 'max-download-size': '1KiB' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Download failed: the clip is \d+ bytes, over max-download-size \(1024 bytes\)/)
    expect(clipFolder(run.workspace)).toEqual([])
  })

  it('refuses something that is not a video', async () => {
    await simulator({ faults: [{ route: 'download', times: 10, kind: { type: 'contentType', value: 'text/html; charset=utf-8' } }] })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::Download failed: the server sent text/html, not a video')
    expect(clipFolder(run.workspace)).toEqual([])
  })
})

describe('the post step sends the key only to its own base-url input', () => {
  // What a killed main step leaves: a task it was waiting for, and its settings (which a forged environment can change).
  const leftState = (baseUrl: string, cancel = 'true') => ({
    isPost: 'true',
    'waiting-task-ids': JSON.stringify([TASK_ID]),
    'cancel-on-timeout': cancel,
    'base-url': baseUrl,
  })
  const cancelled = (_req: unknown, res: ServerResponse, { taskId }: { taskId: string }) =>
    json(res, 200, envelope(taskId, { status: 'cancelled' }))

  it('refuses a saved base-url that points elsewhere: nothing is sent there, nor to its own', async () => {
    const own = await hostile({ cancel: cancelled })
    const elsewhere = await hostile({ cancel: cancelled })
    const post = await runAction({ inputs: hostileInputs(own.url, { 'cancel-on-timeout': 'true' }), state: leftState(elsewhere.url) })
    expect(post.exitCode, post.visibleLog).toBe(0)
    expect(elsewhere.requests).toEqual([])
    expect(own.requests).toEqual([])
    expect(post.stdout).toContain(
      `::warning::The base-url the main step saved (${JSON.stringify(elsewhere.url)}) differs from this step's base-url input (${JSON.stringify(own.url)}), so the saved state is not trusted. Nothing is sent to FoxAPI from the post step.`,
    )
    expect(post.stdout).toContain(`re-run with task-id: ${TASK_ID}`)
  })

  it('takes cancel-on-timeout from its input: a saved true against an input false cancels nothing', async () => {
    const own = await hostile({ cancel: cancelled })
    const post = await runAction({ inputs: hostileInputs(own.url, { 'cancel-on-timeout': 'false' }), state: leftState(own.url, 'true') })
    expect(post.exitCode, post.visibleLog).toBe(0)
    expect(own.requests).toEqual([])
    expect(post.stdout).toMatch(
      /::warning::The cancel-on-timeout the main step saved \("true"\) differs from this step's cancel-on-timeout input \("false"\)/,
    )
  })

  it('sends nothing through a proxy to a saved plain-http host, nor to a base-url input the main step would refuse', async () => {
    const proxy = await recordingProxy()
    const own = await hostile({ cancel: cancelled })
    const env = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, https_proxy: proxy.url, http_proxy: proxy.url }
    const forged = await runAction({
      inputs: hostileInputs(own.url, { 'cancel-on-timeout': 'true' }),
      state: leftState('http://evil.example'),
      env,
    })
    expect(forged.exitCode, forged.visibleLog).toBe(0)
    expect(forged.stdout).toContain("differs from this step's base-url input")

    const refused = await runAction({
      inputs: hostileInputs('http://evil.example', { 'cancel-on-timeout': 'true' }),
      state: leftState('http://evil.example'),
      env,
    })
    expect(refused.exitCode, refused.visibleLog).toBe(0)
    expect(refused.stdout).toContain(
      "::warning::The post step's inputs have problems (Input 'base-url' must use https (plain http is allowed only for loopback addresses)). Nothing is sent to FoxAPI from the post step.",
    )
    expect(proxy.asked).toEqual([])
    expect(own.requests).toEqual([])
  })
})

/** A proxy that tunnels nothing: it records what it is asked for (CONNECT or a plain request) and hangs up. */
async function recordingProxy(): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = []
  const server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`)
    res.writeHead(502).end()
  })
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    asked.push(`CONNECT ${req.url}`)
    socket.on('error', () => undefined)
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  )
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked }
}
