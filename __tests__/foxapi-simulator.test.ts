// The FoxAPI simulator keeps to shared/foxapi.md: what it accepts, refuses, and how a task moves.
// Every end-to-end test leans on it, so its own behaviour is pinned here, over real HTTP.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { readClipMetadata } from '../src/clip/clip-metadata'
import { API_KEY, CLIP_BYTES } from './support/fixtures'

let sim: FoxApiSimulator
beforeEach(async () => {
  sim = await startFoxApiSimulator({ taskDurationMs: 600, brokeKeys: ['sk-broke'] })
})
afterEach(() => sim.close())

async function call(method: string, path: string, body?: unknown, key = API_KEY, contentType = 'application/json') {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': contentType } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as Record<string, any> }
}
const create = (body: unknown, key?: string) => call('POST', '/v1/videos/generations', body, key)
const base = { model: 'kling-o3-ref', prompt: 'a fox' }

describe('create: what the documentation allows', () => {
  it('answers a valid request with a pending task', async () => {
    const { status, json } = await create({ ...base, mode: 'pro', aspect_ratio: '1:1', duration: 15 })
    expect(status).toBe(200)
    expect(json).toMatchObject({ object: 'video.generation.task', type: 'video', status: 'pending', progress: 0, model: 'kling-o3-ref' })
    expect(json.id).toMatch(/^task-unified-\d+-[a-z0-9]{8}$/)
    expect(json.task_info).toEqual({ can_cancel: true, estimated_time: 1 })
  })

  it.each([
    ['unknown model', { ...base, model: 'kling-o9' }, /unknown model/],
    ['no prompt', { model: 'kling-o3-ref' }, /prompt is required/],
    ['mode', { ...base, mode: 'fast' }, /mode/],
    ['aspect ratio', { ...base, aspect_ratio: '4:3' }, /aspect_ratio/],
    ['duration 2', { ...base, duration: 2 }, /duration/],
    ['duration 16', { ...base, duration: 16 }, /duration/],
    ['two videos', { ...base, video_list: [{ video_url: 'https://a/1.mp4' }, { video_url: 'https://a/2.mp4' }] }, /at most 1/],
    ['image type', { ...base, image_list: [{ image_url: 'https://a/1.png', type: 'middle' }] }, /type/],
    ['missing image', { ...base, prompt: 'see <<<image_2>>>', image_list: [{ image_url: 'https://a/1.png' }] }, /<<<image_2>>>/],
    ['segment sum', { ...base, duration: 10, multi_prompt: [{ prompt: 'a', duration: 4 }] }, /add up to 4/],
  ])('refuses %s with 422 invalid_request_error', async (_name, body, message) => {
    const { status, json } = await create(body)
    expect(status).toBe(422)
    expect(json.error.type).toBe('invalid_request_error')
    expect(json.error.message).toMatch(message)
    expect(sim.createCount()).toBe(0)
  })

  it('lets a base reference video decide the length (segments need not add up to 5)', async () => {
    const video_list = [{ video_url: 'https://a/1.mp4', refer_type: 'base', keep_original_sound: 'yes' }]
    expect((await create({ ...base, video_list, multi_prompt: [{ prompt: 'a', duration: 7 }] })).status).toBe(200)
  })

  it('refuses bad JSON and a wrong Content-Type with 400', async () => {
    expect((await call('POST', '/v1/videos/generations', '{"model":', API_KEY)).json.error.type).toBe('invalid_request_error')
    const wrongType = await call('POST', '/v1/videos/generations', JSON.stringify(base), API_KEY, 'text/plain')
    expect(wrongType.status).toBe(400)
  })

  it('answers 401 for an unknown key and 402 for a broke one, without echoing the key', async () => {
    const unknown = await create(base, 'sk-nobody')
    expect([unknown.status, unknown.json.error.type]).toEqual([401, 'authentication_error'])
    expect(JSON.stringify(unknown.json)).not.toContain('sk-nobody')
    const broke = await create(base, 'sk-broke')
    expect([broke.status, broke.json.error.type]).toEqual([402, 'insufficient_quota'])
  })
})

describe('a task over time', () => {
  it('moves pending → processing (with progress) → completed with a clip URL that serves the MP4', async () => {
    const { json: created } = await create(base)
    const seen: string[] = []
    let last: Record<string, any> = created
    for (let i = 0; i < 40 && last.status !== 'completed'; i++) {
      await sleep(50)
      last = (await call('GET', `/v1/tasks/${created.id}`)).json
      seen.push(last.status)
    }
    expect(seen).toContain('processing')
    expect(last).toMatchObject({ status: 'completed', progress: 100, task_info: { can_cancel: false }, usage: { credits_reserved: 5 } })
    const clip = await fetch(last.results[0].url)
    expect(clip.headers.get('content-type')).toBe('video/mp4')
    expect(Buffer.from(await clip.arrayBuffer()).equals(CLIP_BYTES)).toBe(true)
  })

  it.each([
    [{ aspect_ratio: '9:16', duration: 10 }, 'kling-o3-ref', { width: 720, height: 1280, durationS: 10, hasAudio: false }],
    [
      // kling-v3-text-to-video takes 5 or 10 s (its page).
      { resolution: '4k', aspect_ratio: '16:9', duration: 10, generate_audio: true },
      'kling-v3-text-to-video',
      { width: 3840, height: 2160, durationS: 10, hasAudio: true },
    ],
    [
      {
        resolution: '1080p',
        aspect_ratio: '1:1',
        multi_prompt: [
          { prompt: 'a', duration: 2 },
          { prompt: 'b', duration: 5 },
        ],
      },
      'kling-o3-reference-to-video',
      { width: 1080, height: 1080, durationS: 7 },
    ],
  ])('serves a real MP4 of the shape asked for: %j', async (fields, model, shape) => {
    const body = model === 'kling-o3-reference-to-video' ? { model, ...fields } : { model, prompt: 'a fox', ...fields }
    const { status, json: created } = await create(body)
    expect(status, JSON.stringify(created)).toBe(200)
    await sleep(650)
    const { json: done } = await call('GET', `/v1/tasks/${created.id}`)
    const bytes = Buffer.from(await (await fetch(done.results[0].url)).arrayBuffer())
    const dir = mkdtempSync(path.join(os.tmpdir(), 'foxapi-sim-clip-'))
    try {
      writeFileSync(path.join(dir, 'clip.mp4'), bytes)
      expect(await readClipMetadata(path.join(dir, 'clip.mp4'))).toMatchObject({ ok: true, metadata: { codec: 'avc1.640028', ...shape } })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('has no cancel route unless asked for (FoxAPI documents none)', async () => {
    const { json: created } = await create(base)
    const attempt = await call('POST', `/v1/tasks/${created.id}/cancel`, {})
    expect([attempt.status, attempt.json.error.type]).toEqual([404, 'not_found'])
    expect(sim.tasks.get(created.id)?.status).not.toBe('cancelled')
  })

  it('with the cancel route: cancels a running task once; a finished one cannot be cancelled', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 600, cancelRoute: true })
    const { json: created } = await create(base)
    const cancelled = await call('POST', `/v1/tasks/${created.id}/cancel`, {})
    expect(cancelled.json).toMatchObject({ status: 'cancelled', task_info: { can_cancel: false } })
    expect((await call('POST', `/v1/tasks/${created.id}/cancel`, {})).status).toBe(400)
  })

  it('answers 404 not_found for an unknown task', async () => {
    const { status, json } = await call('GET', '/v1/tasks/task-unified-1-nosuch')
    expect([status, json.error.type]).toEqual([404, 'not_found'])
  })

  it('fails a task with the scenario error, as a task_error', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({
      taskDurationMs: 50,
      scenario: () => ({ outcome: 'failed', error: { code: 'nsfw', message: 'blocked' } }),
    })
    const { json: created } = await create(base)
    await sleep(100)
    const { json } = await call('GET', `/v1/tasks/${created.id}`)
    expect(json).toMatchObject({ status: 'failed', error: { code: 'nsfw', message: 'blocked', type: 'task_error' } })
    expect(json.results).toBeUndefined()
  })
})

describe('every documented model, and the newer facts', () => {
  const IMG = 'https://a/1.png'
  const VID = 'https://a/1.mp4'
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['kling-o3-reference-to-video', { prompt: 'x', resolution: '4k', generate_audio: true, image_urls: [IMG] }, { shot_type: 'wide' }],
    ['kling-v3-text-to-video', { prompt: 'x', negative_prompt: 'y', voice_ids: ['v1'] }, { image_url: IMG }],
    ['kling-v3-image-to-video', { prompt: 'x', image_url: IMG, image_tail_url: IMG }, { end_image_url: IMG }],
    ['kling-o3-image-to-video', { image_url: IMG, duration: 5 }, { prompt: 'x', multi_prompt: [{ prompt: 'a', duration: 5 }] }],
    ['kling-o3-video-to-video-edit', { prompt: 'x', video_url: VID, keep_audio: true }, { video_url: undefined }],
    ['kling-v3-motion-control', { image_url: IMG, video_url: VID, keep_original_sound: 'yes' }, { keep_original_sound: 'maybe' }],
    ['kling-v2-6-motion-control', { image_url: IMG, video_url: VID, character_orientation: 'video' }, { mode: 'fast' }],
  ])('%s: takes its documented body and refuses a wrong field', async (model, body, wrong) => {
    expect((await create({ model, ...body })).status).toBe(200)
    const refused = await create({ model, ...body, ...wrong })
    expect([refused.status, refused.json.error.type]).toEqual([422, 'invalid_request_error'])
    expect(sim.createCount()).toBe(1)
  })

  it('caps prompts at 2500 characters and refer_type at feature/base', async () => {
    expect((await create({ ...base, prompt: 'x'.repeat(2501) })).json.error.message).toMatch(/2500/)
    const video_list = [{ video_url: VID, refer_type: 'style' }]
    expect((await create({ ...base, video_list })).json.error.message).toMatch(/refer_type/)
  })

  it('answers 422 unsupported_advanced_options with the fields, and takes models it was told of unchecked', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ unsupportedOptions: ['resolution'], extraModels: ['seedance-2.0-text-to-video'] })
    const refused = await create({ model: 'kling-v3-text-to-video', prompt: 'x', resolution: '1080p' })
    expect(refused.status).toBe(422)
    expect(refused.json.error).toMatchObject({ code: 'unsupported_advanced_options', unsupported_options: ['resolution'] })
    expect((await create({ model: 'seedance-2.0-text-to-video', anything: 1 })).status).toBe(200)
  })

  it('completed with empty results first, then the URL; and a stale task moved on by sync_upstream', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({
      taskDurationMs: 50,
      scenario: (r) => (r.prompt === 'late' ? { emptyResultsPolls: 2 } : { staleUntilSync: true }),
    })
    const { json: late } = await create({ ...base, prompt: 'late' })
    await sleep(100)
    const results = []
    for (let i = 0; i < 3; i++) results.push((await call('GET', `/v1/tasks/${late.id}`)).json.results)
    expect(results).toEqual([[], [], [{ url: expect.stringContaining('/files/') }]])

    const { json: stale } = await create(base)
    await sleep(100)
    expect((await call('GET', `/v1/tasks/${stale.id}`)).json.status).toBe('processing')
    expect((await call('GET', `/v1/tasks/${stale.id}?sync_upstream=true`)).json.status).toBe('completed')
    expect((await call('GET', `/v1/tasks/${stale.id}`)).json.status).toBe('completed')
  })

  it('answers in the lean reply version: no task_info, and a cancelled task reads as failed', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({
      taskDurationMs: 50,
      replyVersion: 'lean',
      cancelRoute: true,
      scenario: () => ({ durationMs: 5_000 }),
    })
    const { json: created } = await create(base)
    expect(created.task_info).toBeUndefined()
    await call('POST', `/v1/tasks/${created.id}/cancel`, {})
    const { json } = await call('GET', `/v1/tasks/${created.id}`)
    expect(json).toMatchObject({ status: 'failed', error: { code: 'request_cancelled' } })
  })
})
