// The simulator's model rules (simulator/model-rules.ts) and the action's registry (src/models/families/) are two
// writings of the same catalog, kept apart on purpose (the simulator is the independent judge). This holds them
// to each other: the same models, fields, required fields, prompt caps, allowed values, defaults, shapes and assets;
// and, over real HTTP, the simulator refuses what FoxAPI would, serves the clip each model promises by default, and
// answers an id for the models that make no video.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { MODEL_RULES, type FieldRule, type ModelRules } from '../simulator/model-rules'
import { readClipMetadata } from '../src/clip/clip-metadata'
import { MODELS } from '../src/models'
import { API_KEY } from './support/fixtures'
import type { FieldSpec, ModelEntry } from '../src/models/entry'

const entries = [...MODELS.values()].map((m) => m.entry)

/** A field spec of the registry in the simulator's terms. */
function asRule(spec: FieldSpec, cap: { value?: number }): FieldRule | 'required?' {
  switch (spec.type) {
    case 'prompt':
      cap.value = spec.cap
      return 'prompt'
    case 'text':
      return 'text'
    case 'url':
    case 'media':
      return 'url'
    case 'bool':
      return 'bool'
    case 'yes-no':
      return ['yes', 'no']
    case 'enum':
      return spec.values
    case 'seconds':
      return {
        seconds: {
          ...(spec.values ? { in: spec.values } : {}),
          ...(spec.min !== undefined ? { from: spec.min } : {}),
          ...(spec.max !== undefined ? { to: spec.max } : {}),
          ...(spec.auto !== undefined ? { auto: spec.auto } : {}),
        },
      }
    case 'int':
      return { int: { ...(spec.min !== undefined ? { from: spec.min } : {}), ...(spec.max !== undefined ? { to: spec.max } : {}) } }
    case 'number':
      return { num: { ...(spec.min !== undefined ? { from: spec.min } : {}), ...(spec.max !== undefined ? { to: spec.max } : {}) } }
    case 'media-list':
      return { urls: { ...(spec.min !== undefined ? { min: spec.min } : {}), max: spec.max ?? 20 } }
    case 'strings':
      return 'strings'
    case 'elements':
      return 'elements'
    case 'segments':
      return 'segments'
    case 'object':
      return 'object'
    case 'special':
      return 'required?'
  }
}

function requiredOf(entry: ModelEntry): string[] {
  return Object.entries(entry.fields)
    .filter(([, spec]) => 'required' in spec && spec.required === true)
    .map(([name]) => name)
    .sort()
}

function shapeOf(entry: ModelEntry): ModelRules['shape'] {
  const shape: ModelRules['shape'] = {}
  const source = (field: string | undefined) => {
    if (field === undefined || field === 'always') return undefined
    const spec = entry.fields[field] as { default?: string | number | boolean }
    return { field, ...(spec.default !== undefined ? { default: spec.default } : {}) }
  }
  const s = entry.shape ?? {}
  for (const key of ['duration', 'aspect', 'resolution'] as const) {
    const value = source(s[key])
    if (value) shape[key] = value
  }
  if (s.audio === 'always') shape.audio = 'always'
  else if (s.audio) shape.audio = source(s.audio)
  return shape
}

describe('the simulator and the registry say the same of every model', () => {
  it('know the same models', () => {
    expect(Object.keys(MODEL_RULES).sort()).toEqual([...MODELS.keys()].sort())
  })

  it.each(entries.map((e) => [e.name, e] as const))('%s', (name, entry) => {
    const rules = MODEL_RULES[name] as ModelRules
    expect(Boolean(rules.open), 'open').toBe(Boolean(entry.open) || entry.read === 'not read')
    expect(rules.makes, 'makes').toBe(entry.makes)
    if (name === 'kling-o3-ref') return // its body is checked by foxapi-simulator.ts's own code, field by field
    const cap: { value?: number } = {}
    const fields = Object.fromEntries(Object.entries(entry.fields).map(([field, spec]) => [field, asRule(spec, cap)]))
    expect(rules.fields, 'fields').toEqual(fields)
    expect(rules.promptCap, 'prompt cap').toBe(cap.value)
    expect([...rules.required].sort(), 'required').toEqual(requiredOf(entry))
    expect(rules.shape, 'shape').toEqual(shapeOf(entry))
  })

  it('kling-o3-ref: the same caps, values and shape', () => {
    const rules = MODEL_RULES['kling-o3-ref'] as ModelRules
    const entry = MODELS.get('kling-o3-ref')?.entry as ModelEntry
    expect(rules.shape).toEqual(shapeOf(entry))
    expect(rules.fields.aspect_ratio).toEqual((entry.fields.aspect_ratio as { values: readonly string[] }).values)
    expect(rules.promptCap).toBe((entry.fields.prompt as { cap: number }).cap)
  })
})

describe('the simulator over HTTP, for models beyond Kling', () => {
  let sim: FoxApiSimulator | undefined
  afterEach(async () => {
    await sim?.close()
    sim = undefined
  })
  async function call(method: string, route: string, body?: unknown) {
    const s = (sim ??= await startFoxApiSimulator({ taskDurationMs: 100 }))
    const response = await fetch(`${s.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${API_KEY}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, json: (await response.json()) as Record<string, any> }
  }
  /** Creates a task, waits for its end, and answers its final reply. */
  async function finished(body: Record<string, unknown>) {
    const created = await call('POST', '/v1/videos/generations', body)
    expect(created.status, JSON.stringify(created.json)).toBe(200)
    await sleep(250)
    return (await call('GET', `/v1/tasks/${created.json.id}`)).json
  }

  it.each<[Record<string, unknown>, RegExp]>([
    [{ model: 'sora-2', prompt: 'x', duration: 5 }, /^duration must be 4, 8, 12, 16, 20$/],
    [{ model: 'veo-3.1-fast', prompt: 'x', duration: 7 }, /^duration must be 4, 6, 8$/],
    [{ model: 'veo-3.1-fast', prompt: 'x', image_urls: ['https://a/1.png'] }, /generation_type text-to-video takes 0 to 0 images/],
    [{ model: 'seedance-2.0-reference-to-video', prompt: 'x', ratio: '5:4' }, /^ratio must be one of/],
    [{ model: 'wan-2.7-text-to-video', prompt: 'x'.repeat(5001) }, /^prompt is longer than 5000 characters$/],
    [{ model: 'grok-imagine-image-to-video', prompt: 'x', image_url: 'https://a/1.png', seed: 1 }, /^unknown parameter 'seed'/],
    [{ model: 'sora-2-character', video_url: 'https://a/1.mp4' }, /^name is required$/],
    [{ model: 'lipsync-2', video_url: 'https://a/1.mp4', audio_url: 'https://a/1.mp3', temperature: 2 }, /^temperature must be a number/],
  ])('refuses %j with 422, naming the field', async (body, message) => {
    const { status, json } = await call('POST', '/v1/videos/generations', body)
    expect([status, json.error.type]).toEqual([422, 'invalid_request_error'])
    expect(json.error.message).toMatch(message)
  })

  it('takes a field a partial page does not show, and a page it never read whatever it holds', async () => {
    expect((await call('POST', '/v1/videos/generations', { model: 'sora-2', prompt: 'x', advanced: { a: 1 } })).status).toBe(200)
    expect((await call('POST', '/v1/videos/generations', { model: 'seedance-2.0-text-to-video', anything: 1 })).status).toBe(200)
  })

  it.each<[Record<string, unknown>, object]>([
    [
      { model: 'veo-3.1-fast', prompt: 'x' },
      { width: 1920, height: 1080, durationS: 8, hasAudio: true },
    ],
    [
      { model: 'sora-2-pro', prompt: 'x', aspect_ratio: '9:16' },
      { width: 720, height: 1280, durationS: 4, hasAudio: true },
    ],
    [
      { model: 'seedance-2.0-reference-to-video', prompt: 'x', duration: -1 },
      { width: 1280, height: 720, durationS: 5, hasAudio: true },
    ],
    [
      { model: 'wan-2.7-text-to-video', prompt: 'x', aspect_ratio: '3:4' },
      { width: 1080, height: 1440, durationS: 5, hasAudio: false },
    ],
  ])('serves the clip %j promises with its defaults', async (body, shape) => {
    const done = await finished(body)
    const bytes = Buffer.from(await (await fetch(done.results[0].url)).arrayBuffer())
    const dir = mkdtempSync(path.join(os.tmpdir(), 'foxapi-sim-model-'))
    try {
      writeFileSync(path.join(dir, 'clip.mp4'), bytes)
      expect(await readClipMetadata(path.join(dir, 'clip.mp4'))).toMatchObject({ ok: true, metadata: shape })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('answers a voice_id or a character for the models that make no video, and serves no file for them', async () => {
    const voice = await finished({ model: 'kling-video-create-voice', voice_url: 'https://a/v.mp3' })
    expect(voice).toMatchObject({ status: 'completed', results: [{ voice_id: expect.stringMatching(/^voice-/) }] })
    const character = await finished({ model: 'sora-2-character', video_url: 'https://a/c.mp4', name: 'Foxy' })
    expect(character.results).toEqual([{ character_id: expect.stringMatching(/^char-/), name: 'Foxy' }])
    expect((await call('GET', `/files/${voice.id}.mp4`)).status).toBe(404)
  })
})
