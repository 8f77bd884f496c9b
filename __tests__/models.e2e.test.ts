// Every documented model through the built action against the simulator (which validates each body on its
// own terms), refused fields before paying, a model the action does not know, and FoxAPI's error.code.
import { afterEach, describe, expect, it } from 'vitest'
import { startFoxApiSimulator, type FoxApiSimulator, type SimulatorOptions } from '../simulator/foxapi-simulator'
import { checkKeyAndClose, quickInputs, requestsTo, runAction } from './support/fixtures'

let sim: FoxApiSimulator | undefined
afterEach(async () => {
  await checkKeyAndClose(sim)
  sim = undefined
})
async function simulator(options: SimulatorOptions = {}): Promise<FoxApiSimulator> {
  sim = await startFoxApiSimulator({ taskDurationMs: 300, ...options })
  return sim
}
const creates = (s: FoxApiSimulator) =>
  requestsTo(s, 'POST', /^\/v1\/videos\/generations$/).map((r) => JSON.parse(r.body) as Record<string, unknown>)

const IMG = 'https://cdn.example.com/a.png'
const VID = 'https://cdn.example.com/v.mp4'

/** One batch entry per documented model: its happy path, and an input it does not take. */
const ENTRIES: { model: string; fields: Record<string, unknown>; refused: [string, string] }[] = [
  { model: 'kling-o3-ref', fields: { 'image-list': [IMG], prompt: 'the fox of <<<image_1>>>' }, refused: ['image-url', IMG] },
  {
    model: 'kling-o3-reference-to-video',
    fields: { resolution: '1080p', 'image-url': IMG, parameters: { image_urls: [IMG] } },
    refused: ['mode', 'pro'],
  },
  { model: 'kling-v3-text-to-video', fields: { 'negative-prompt': 'blur', 'generate-audio': true }, refused: ['video-url', VID] },
  { model: 'kling-v3-image-to-video', fields: { 'image-url': IMG, 'end-image-url': IMG }, refused: ['aspect-ratio', '1:1'] },
  { model: 'kling-o3-image-to-video', fields: { 'image-url': IMG, resolution: '720p' }, refused: ['negative-prompt', 'blur'] },
  { model: 'kling-o3-video-to-video-edit', fields: { 'video-url': VID, parameters: { keep_audio: true } }, refused: ['duration', '5'] },
  {
    model: 'kling-v3-motion-control',
    fields: { 'image-url': IMG, 'video-url': VID, parameters: { keep_original_sound: 'no' } },
    refused: ['resolution', '4k'],
  },
  { model: 'kling-v2-6-motion-control', fields: { 'image-url': IMG, 'video-url': VID, mode: 'pro' }, refused: ['generate-audio', 'true'] },
]

describe('every documented model', () => {
  it('makes a clip with each model in one batch, each body as that model documents it', async () => {
    const s = await simulator()
    const batch = ENTRIES.map((e) => ({ name: e.model, model: e.model, ...e.fields }))
    const run = await runAction({ inputs: quickInputs(s, { batch: JSON.stringify(batch), concurrency: '8', download: 'false' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    const sent = creates(s)
    expect(sent.map((b) => b.model).sort()).toEqual(ENTRIES.map((e) => e.model).sort())
    expect(sent.find((b) => b.model === 'kling-o3-reference-to-video')).toMatchObject({
      start_image_url: IMG,
      image_urls: [IMG],
      resolution: '1080p',
    })
    expect(sent.find((b) => b.model === 'kling-v3-image-to-video')).toMatchObject({ image_url: IMG, image_tail_url: IMG })
    expect(sent.find((b) => b.model === 'kling-v3-motion-control')).toMatchObject({ keep_original_sound: 'no' })
    const rows = JSON.parse(run.outputs.results ?? '[]') as { status: string }[]
    expect(rows.map((r) => r.status)).toEqual(ENTRIES.map(() => 'completed'))
  })

  it('refuses, by name and before paying, an input each model does not take', async () => {
    const s = await simulator()
    const batch = ENTRIES.map((e) => ({ name: e.model, model: e.model, ...e.fields, [e.refused[0]]: e.refused[1] }))
    const run = await runAction({ inputs: quickInputs(s, { batch: JSON.stringify(batch) }) })
    expect(run.exitCode).toBe(1)
    ENTRIES.forEach((e, i) => {
      expect(run.stdout).toContain(`::error::batch item ${i + 1} '${e.refused[0]}' is not taken by model ${e.model}`)
    })
    expect(run.stdout).toContain('nothing was sent to FoxAPI')
    expect(s.createCount()).toBe(0)
  })
})

describe('a model the action does not know', () => {
  it('is sent as given, parameters included, with one notice', async () => {
    const s = await simulator({ extraModels: ['seedance-2.0-text-to-video'] })
    const inputs = quickInputs(s, { model: 'seedance-2.0-text-to-video', duration: '8', parameters: 'seed: 42\ncamera_fixed: true' })
    const run = await runAction({ inputs })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(creates(s)).toEqual([{ model: 'seedance-2.0-text-to-video', prompt: inputs.prompt, duration: 8, seed: 42, camera_fixed: true }])
    expect(run.stdout.match(/::notice::Model 'seedance-2.0-text-to-video' is not one this action knows/g)).toHaveLength(1)
  })

  it("fails with FoxAPI's 422 when FoxAPI does not know it either, having paid nothing", async () => {
    const s = await simulator()
    const run = await runAction({ inputs: quickInputs(s, { model: 'kling-o9' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Create task failed \(422 invalid_request_error\): unknown model 'kling-o9'/)
    expect(s.createCount()).toBe(0)
  })
})

describe("FoxAPI's refusals", () => {
  it('shows error.code and the fields no channel supports', async () => {
    const s = await simulator({ unsupportedOptions: ['resolution'] })
    const run = await runAction({ inputs: quickInputs(s, { model: 'kling-v3-text-to-video', resolution: '4k' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Create task failed \(422 invalid_request_error\): .*\(unsupported_advanced_options: resolution\)/)
    expect(requestsTo(s, 'POST', /generations$/)).toHaveLength(1)
  })

  it('retries a 422 service_unavailable_error on create like a 503 (no channel right now: nothing was taken)', async () => {
    const s = await simulator({
      faults: [
        {
          route: 'create',
          kind: { type: 'status', status: 422, errorType: 'service_unavailable_error', message: 'no channel', retryAfter: '0' },
        },
      ],
    })
    const run = await runAction({ inputs: quickInputs(s, { download: 'false' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(requestsTo(s, 'POST', /generations$/)).toHaveLength(2)
    expect(s.createCount()).toBe(1)
    expect(run.stdout).toContain('retrying is safe')
  })
})
