// The built action end to end against the simulator, run as the runner runs it.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clipFor, startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { CLIP_BYTES, checkKeyAndClose, expectNoSecret, polls, quickInputs, requestsTo, runAction, sha256Of } from './support/fixtures'

let sim: FoxApiSimulator
afterEach(() => checkKeyAndClose(sim))

describe('a clip end to end', () => {
  beforeEach(async () => {
    sim = await startFoxApiSimulator({ taskDurationMs: 600 })
  })

  it('submits, waits, downloads and reports', async () => {
    const run = await runAction({ inputs: quickInputs(sim, { duration: '6', 'aspect-ratio': '9:16' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)

    const { outputs } = run
    expect(outputs['task-id']).toMatch(/^task-unified-\d+-[a-z0-9]{8}$/)
    expect(outputs.status).toBe('completed')
    expect(outputs.progress).toBe('100')
    expect(outputs['video-url']).toBe(`${sim.url}/files/${outputs['task-id']}.mp4`)
    expect(outputs['video-path']).toBe(path.join(run.workspace, 'foxapi-videos', `${outputs['task-id']}.mp4`))
    // The clip of the shape asked for (9:16, 6 s), as the simulator made it.
    const clip = clipFor({ aspect_ratio: '9:16', duration: 6 })
    expect(readFileSync(outputs['video-path'] as string).equals(clip)).toBe(true)
    expect(outputs['video-sha256']).toBe(sha256Of(clip))
    expect(outputs['cache-hit']).toBe('false')
    expect(JSON.parse(outputs.result as string)).toMatchObject({ id: outputs['task-id'], status: 'completed' })
    expect(JSON.parse(outputs.results as string)).toEqual([
      expect.objectContaining({ task_id: outputs['task-id'], status: 'completed', sha256: sha256Of(clip), cache_hit: false }),
    ])

    // The request FoxAPI got is the validated one, with the key only in the Authorization header.
    const [create] = requestsTo(sim, 'POST', /^\/v1\/videos\/generations$/)
    expect(JSON.parse(create?.body ?? '{}')).toEqual({
      model: 'kling-o3-ref',
      prompt: 'A red fox runs through snow at golden hour',
      mode: 'standard',
      aspect_ratio: '9:16',
      duration: 6,
    })
    expect(create?.headers.authorization).toBe(`Bearer ${quickInputs(sim)['api-key']}`)
    // The clip is fetched without credentials, even from the API's own host.
    const downloads = requestsTo(sim, 'GET', /^\/files\//)
    expect(downloads).toHaveLength(1)
    expect(downloads[0]?.headers.authorization).toBeUndefined()

    // Progress is logged on change, inside a group; not once per poll.
    const stateLines = run.stdout.split('\n').filter((l) => l.startsWith('Task task-unified'))
    expect(stateLines.at(-1)).toMatch(/completed 100%$/)
    expect(new Set(stateLines).size).toBe(stateLines.length)
    expect(stateLines.length).toBeLessThanOrEqual(polls(sim).length + 1)
    expect(run.stdout).toMatch(/::group::FoxAPI[\s\S]*Submitted task[\s\S]*::endgroup::/)

    expect(run.summary).toMatch(/^<h3>✅ Clip: made · 5 credits<\/h3>/)
    expect(run.summary).toContain('kling-o3-ref · standard mode · 9:16 vertical · 6 s')
    expect(run.summary).toContain('“A red fox runs through snow at golden hour”')
    expect(run.summary).toContain(`<code>${outputs['task-id']}</code>`)
    expect(run.summary).toContain(`<a href="${outputs['video-url']}">Download from FoxAPI</a> · works until`)
    expect(run.summary).toMatch(/Time<\/th><td>\d+s in this step/)
    expectNoSecret(run)
  })

  it('reads the clip URL from `output` when a reply has no `results`', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 300, scenario: () => ({ resultShape: 'output' }) })
    const run = await runAction({ inputs: quickInputs(sim, { 'output-path': 'clips/{name}.mp4' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.outputs['video-url']).toContain('/files/')
    expect(readFileSync(path.join(run.workspace, 'clips/clip.mp4')).equals(CLIP_BYTES)).toBe(true)
  })

  it('fails the step with the API error code and message when the task fails', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({
      taskDurationMs: 300,
      scenario: () => ({ outcome: 'failed', error: { code: 'content_policy', message: 'prompt rejected by moderation' } }),
    })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::FoxAPI task task-unified-\S+ failed: content_policy: prompt rejected by moderation/)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs['video-path']).toBe('')
    expect(run.summary).toContain('<h3>❌ Clip: generation failed · 5 credits</h3>')
    expect(run.summary).toContain('FoxAPI could not make it: “content_policy: prompt rejected by moderation”.')
    expect(existsSync(path.join(run.workspace, 'foxapi-videos'))).toBe(false)
    expectNoSecret(run)
  })

  it('reports a task cancelled at FoxAPI', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 300, scenario: () => ({ outcome: 'cancelled' }) })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('cancelled')
    expect(run.stdout).toMatch(/::error::FoxAPI task \S+ was cancelled/)
  })

  it('returns right after submitting with wait: false', async () => {
    const run = await runAction({ inputs: quickInputs(sim, { wait: 'false' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.outputs.status).toBe('pending')
    expect(run.outputs['task-id']).toMatch(/^task-unified-/)
    expect(sim.createCount()).toBe(1)
    expect(polls(sim)).toHaveLength(0)
    // The task is left running on purpose: the post step must not cancel it.
    expect(JSON.parse(run.state['waiting-task-ids'] ?? '[]')).toEqual([])
  })

  it('can leave the clip undownloaded', async () => {
    const run = await runAction({ inputs: quickInputs(sim, { download: 'false' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.outputs['video-url']).toContain('/files/')
    expect(run.outputs['video-path']).toBe('')
    expect(requestsTo(sim, 'GET', /^\/files\//)).toHaveLength(0)
  })

  it('times out, cancels the task at FoxAPI and says so', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 30_000, cancelRoute: true })
    const run = await runAction({ inputs: quickInputs(sim, { timeout: '1s', 'cancel-on-timeout': 'true' }) })
    expect(run.exitCode).toBe(1)
    const taskId = run.outputs['task-id'] as string
    expect(taskId).toMatch(/^task-unified-/)
    expect(sim.tasks.get(taskId)?.status).toBe('cancelled')
    expect(run.outputs.status).toBe('cancelled')
    expect(run.stdout).toMatch(
      /::error::Timed out after 1s waiting for task \S+ \(last status (pending|processing)[^)]*\)\. The task was cancelled at FoxAPI/,
    )
    expectNoSecret(run)
  })

  it('times out without cancelling when told, and says how to resume', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 30_000 })
    const run = await runAction({ inputs: quickInputs(sim, { timeout: '1s', 'cancel-on-timeout': 'false' }) })
    expect(run.exitCode).toBe(1)
    const taskId = run.outputs['task-id'] as string
    expect(sim.tasks.get(taskId)?.status).not.toBe('cancelled')
    expect(requestsTo(sim, 'POST', /\/cancel$/)).toHaveLength(0)
    expect(run.outputs.status).toMatch(/^(pending|processing)$/)
    expect(run.stdout).toContain(`re-run with task-id: ${taskId}`)
  })
})

describe('errors before and at submission', () => {
  beforeEach(async () => {
    sim = await startFoxApiSimulator({ taskDurationMs: 300, brokeKeys: ['sk-test-broke'] })
  })

  it('fails on bad inputs, naming each, without sending anything', async () => {
    const run = await runAction({
      inputs: quickInputs(sim, { duration: '30', mode: 'ultra', 'image-list': '[not json', prompt: 'see <<<video_1>>>' }),
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("::error::Input 'mode' must be 'standard' or 'pro' (got \"ultra\")")
    expect(run.stdout).toContain("::error::Input 'duration' must be a whole number of seconds from 3 to 15 (got 30)")
    expect(run.stdout).toMatch(/::error::Input 'image-list' is not valid JSON or YAML/)
    expect(run.stdout).toContain('::error::3 input problems (listed above); nothing was sent to FoxAPI.')
    expect(sim.requests).toHaveLength(0)
    expectNoSecret(run)
  })

  it('fails on a media reference without media, before sending', async () => {
    const run = await runAction({ inputs: quickInputs(sim, { prompt: 'in the style of <<<video_1>>>' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("::error::Input 'prompt' refers to <<<video_1>>> but video-list is empty")
    expect(sim.requests).toHaveLength(0)
  })

  it('fails on 401 without retrying, and never echoes the key', async () => {
    const run = await runAction({ inputs: quickInputs(sim, { 'api-key': 'sk-wrong-key-123' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Create task failed \(401 authentication_error\)/)
    expect(sim.requests).toHaveLength(1)
    expect(sim.createCount()).toBe(0)
    expectNoSecret(run, 'sk-wrong-key-123')
  })

  it('scrubs the key even when an API error message contains it', async () => {
    sim.addFault({
      route: 'create',
      kind: { type: 'status', status: 401, errorType: 'authentication_error', message: `key ${quickInputs(sim)['api-key']} was revoked` },
    })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('key *** was revoked')
    expectNoSecret(run)
  })

  it('fails on 402 with the quota message', async () => {
    const run = await runAction({ inputs: quickInputs(sim, { 'api-key': 'sk-test-broke' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Create task failed \(402 insufficient_quota\)/)
    expect(sim.requests).toHaveLength(1)
    expectNoSecret(run, 'sk-test-broke')
  })

  it('fails on 422 from FoxAPI with its message, once', async () => {
    const run = await runAction({ inputs: quickInputs(sim, { model: 'kling-o9-imaginary' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Create task failed \(422 invalid_request_error\): .*model/i)
    expect(sim.requests).toHaveLength(1)
    expect(sim.createCount()).toBe(0)
  })

  it('names a prompt file that is not UTF-8, without sending', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const os = await import('node:os')
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-ws-'))
    writeFileSync(path.join(workspace, 'prompt.txt'), Buffer.from([0xff, 0xfe, 0x41]))
    const { prompt: _unused, ...inputs } = quickInputs(sim, { 'prompt-file': 'prompt.txt' })
    const run = await runAction({ inputs, workspace })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("::error::Input 'prompt-file': prompt.txt is not UTF-8 text")
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(sim.requests).toHaveLength(0)
    expect(readdirSync(workspace).filter((f) => !f.startsWith('.github'))).toEqual(['prompt.txt'])
  })
})
