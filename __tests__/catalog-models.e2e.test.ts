// The whole catalog through the built action against the simulator (which knows every model's rules and defaults
// on its own: simulator/model-rules.ts): for one model of every family, a valid request sent with the model's own
// field names and a clip of the shape it promises; a duration, aspect ratio or resolution out of range refused by
// name with the allowed values, nothing sent; each family's prompt cap; and the models that make no video
// completing with `asset-id`, in both result shapes FoxAPI has used.
import { afterEach, describe, expect, it } from 'vitest'
import { startActionsCacheService } from '../simulator/actions-cache-service'
import { startFoxApiSimulator, type FoxApiSimulator, type SimulatorOptions } from '../simulator/foxapi-simulator'
import { checkKeyAndClose, quickInputs, requestsTo, resultRows, runAction } from './support/fixtures'
import { envelope, hostile, hostileInputs, json } from './support/hostile-server'

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
/** A batch run: no shared prompt (lip-sync takes none), each entry named after its model. */
const batchInputs = (s: FoxApiSimulator, entries: Record<string, unknown>[], extra: Record<string, string> = {}) =>
  quickInputs(s, { prompt: '', batch: JSON.stringify(entries.map((e) => ({ name: e.model, ...e }))), concurrency: '10', ...extra })

const IMG = 'https://cdn.example.com/a.png'
const IMG2 = 'https://cdn.example.com/b.png'
const VID = 'https://cdn.example.com/v.mp4'
const MP3 = 'https://cdn.example.com/voice.mp3'

/** One model of every family: its batch entry (action inputs) and what FoxAPI must receive under its own names. */
const VALID: { entry: Record<string, unknown>; sent: Record<string, unknown> }[] = [
  {
    entry: { model: 'kling-v3-text-to-video', prompt: 'a fox', duration: 10, 'aspect-ratio': '9:16', 'generate-audio': true },
    sent: { duration: 10, aspect_ratio: '9:16', generate_audio: true },
  },
  {
    entry: { model: 'sora-2', prompt: 'a fox', 'image-url': IMG, duration: 8, 'aspect-ratio': '9:16', resolution: '1080p' },
    sent: { image_urls: [IMG], duration: 8, aspect_ratio: '9:16', resolution: '1080p' },
  },
  {
    entry: { model: 'veo-3.1-fast', prompt: 'a fox', 'image-url': IMG, 'end-image-url': IMG2, duration: 6, resolution: '720p' },
    sent: { image_urls: [IMG, IMG2], generation_type: 'first-last-frame', duration: 6, resolution: '720p' },
  },
  {
    entry: {
      model: 'seedance-2.0-reference-to-video',
      prompt: 'a fox like @Image1',
      'aspect-ratio': '9:16',
      'image-list': [IMG],
      'video-list': [VID],
      'audio-url': MP3,
      seed: 42,
    },
    sent: { ratio: '9:16', image_urls: [IMG], video_urls: [VID], audio_urls: [MP3], seed: 42 },
  },
  {
    entry: { model: 'wan-2.7-text-to-video', prompt: 'a fox', 'aspect-ratio': '1:1', duration: 3, 'audio-url': MP3 },
    sent: { aspect_ratio: '1:1', duration: 3, audio_url: MP3 },
  },
  {
    entry: { model: 'happyhorse-1.0-text-to-video', prompt: 'a fox', 'aspect-ratio': '4:3', resolution: '720p', seed: 7 },
    sent: { aspect_ratio: '4:3', resolution: '720p', seed: 7 },
  },
  {
    entry: { model: 'grok-imagine-image-to-video', prompt: 'the fox runs', 'image-url': IMG, duration: 10, 'aspect-ratio': '3:2' },
    sent: { image_url: IMG, duration: 10, aspect_ratio: '3:2' },
  },
  {
    entry: { model: 'vidu-q3-pro', prompt: 'a fox', 'image-list': [IMG, IMG2, IMG], duration: 4, resolution: '540p' },
    sent: { image_urls: [IMG, IMG2, IMG], duration: 4, resolution: '540p' },
  },
  {
    entry: { model: 'lipsync-2', 'video-url': VID, 'audio-url': MP3, parameters: { sync_mode: 'cut_off' } },
    sent: { video_url: VID, audio_url: MP3, sync_mode: 'cut_off' },
  },
  {
    entry: { model: 'pixverse-c1-transition', prompt: 'from bud to bloom', 'image-url': IMG, 'end-image-url': IMG2 },
    sent: { image_url: IMG, image_tail_url: IMG2 },
  },
]

describe('one model of every family, end to end', () => {
  it("sends each model's own field names and gets a clip of the shape the model promises (verify passes)", async () => {
    const s = await simulator()
    const run = await runAction({
      inputs: batchInputs(
        s,
        VALID.map((v) => v.entry),
      ),
    })
    expect(run.exitCode, run.visibleLog).toBe(0)
    const sent = creates(s)
    for (const { entry, sent: fields } of VALID) {
      expect(
        sent.find((b) => b.model === entry.model),
        String(entry.model),
      ).toMatchObject(fields)
    }
    const rows = resultRows(run.outputs)
    expect(rows.map((r) => [r.name, r.status])).toEqual(VALID.map((v) => [v.entry.model, 'completed']))
    const shapes = Object.fromEntries(rows.map((r) => [r.name, [r.width, r.height, r.duration, r.has_audio, r.verify]]))
    expect(shapes).toEqual({
      'kling-v3-text-to-video': [720, 1280, 10, true, 'passed'],
      'sora-2': [1080, 1920, 8, false, 'passed'],
      'veo-3.1-fast': [1280, 720, 6, true, 'passed'], // 16:9 and sound by default
      'seedance-2.0-reference-to-video': [720, 1280, 5, true, 'passed'], // 5 s and sound by default
      'wan-2.7-text-to-video': [1080, 1080, 3, false, 'passed'], // 1080p by default
      'happyhorse-1.0-text-to-video': [960, 720, 5, false, 'passed'],
      'grok-imagine-image-to-video': [1080, 720, 10, false, 'passed'],
      'vidu-q3-pro': [960, 540, 4, false, 'passed'],
      'lipsync-2': [1280, 720, 5, false, 'skipped'], // its length follows the audio: only the structure is checked
      'pixverse-c1-transition': [1280, 720, 5, false, 'passed'],
    })
  })
})

describe('out of range: refused by name with the allowed values, before anything is sent', () => {
  const REFUSED: [Record<string, unknown>, string][] = [
    [{ model: 'kling-v3-text-to-video', prompt: 'x', duration: 7 }, "'duration' must be 5 or 10 seconds (got 7)"],
    [{ model: 'sora-2', prompt: 'x', duration: 5 }, "'duration' must be 4, 8, 12, 16 or 20 seconds (got 5)"],
    [{ model: 'veo-3.1-fast', prompt: 'x', duration: 7 }, "'duration' must be 4, 6 or 8 seconds (got 7)"],
    [
      { model: 'seedance-2.0-fast-reference-to-video', prompt: 'x', resolution: '1080p' },
      "'resolution' must be '480p' or '720p' (got \"1080p\")",
    ],
    [{ model: 'wan-2.7-text-to-video', prompt: 'x', resolution: '4k' }, "'resolution' must be '720p' or '1080p' (got \"4k\")"],
    [
      { model: 'happyhorse-1.0-text-to-video', prompt: 'x', 'aspect-ratio': '21:9' },
      "'aspect-ratio' must be '16:9', '9:16', '1:1', '4:3' or '3:4' (got \"21:9\")",
    ],
    [
      { model: 'grok-imagine-text-to-video', prompt: 'x', duration: 16 },
      "'duration' must be a whole number of seconds from 1 to 15 (got 16)",
    ],
    [{ model: 'vidu-q3-turbo', prompt: 'x', resolution: '4k' }, "'resolution' must be '360p', '540p', '720p' or '1080p' (got \"4k\")"],
    // Lip-sync has no length, aspect or resolution of its own (they follow the video): its one range.
    [
      { model: 'lipsync-2', 'video-url': VID, 'audio-url': MP3, parameters: { temperature: 1.5 } },
      "'parameters' field 'temperature' must be a number from 0 to 1 (got 1.5)",
    ],
    [
      { model: 'pixverse-v6-text-to-video', prompt: 'x', duration: 20 },
      "'duration' must be a whole number of seconds from 1 to 15 (got 20)",
    ],
  ]

  it('one model of every family', async () => {
    const s = await simulator()
    const run = await runAction({
      inputs: batchInputs(
        s,
        REFUSED.map(([entry]) => entry),
      ),
    })
    expect(run.exitCode).toBe(1)
    REFUSED.forEach(([, message], i) => expect(run.stdout).toContain(`::error::batch item ${i + 1} ${message}`))
    expect(run.stdout).toContain('nothing was sent to FoxAPI')
    expect(s.requests.filter((r) => r.host === 'api')).toEqual([])
  })

  it("the issue's two: sora-2 for 5 s and veo-3.1-fast for 7 s, as single clips", async () => {
    const s = await simulator()
    for (const [model, duration, allowed] of [
      ['sora-2', '5', '4, 8, 12, 16 or 20'],
      ['veo-3.1-fast', '7', '4, 6 or 8'],
    ] as const) {
      const run = await runAction({ inputs: quickInputs(s, { model, duration }) })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(`::error::Input 'duration' must be ${allowed} seconds (got ${duration})`)
    }
    expect(s.createCount()).toBe(0)
  })
})

describe('prompt caps, per family', () => {
  /** A model of each family with a documented cap (Veo's only on its legacy id; PixVerse states none). */
  const CAPS: [Record<string, unknown>, number | undefined][] = [
    [{ model: 'kling-o3-ref' }, 2500],
    [{ model: 'sora-2' }, 5000],
    [{ model: 'veo3.1-fast' }, 2000],
    [{ model: 'seedance-2.0-image-to-video' }, 5000],
    [{ model: 'wan-2.7-reference-to-video' }, 5000],
    [{ model: 'happyhorse-1.0-video-edit', 'video-url': VID }, 2500],
    [{ model: 'grok-imagine-reference-to-video', 'image-list': [IMG] }, 4096],
    [{ model: 'vidu-q3-turbo' }, 2000],
    [{ model: 'heygen-video-agent' }, 10000],
    [{ model: 'pixverse-v6-text-to-video' }, undefined],
  ]

  it('a prompt at the cap is sent and FoxAPI (the simulator, on its own) takes it; none at all where no cap is stated', async () => {
    const s = await simulator()
    const entries = CAPS.map(([entry, cap]) => ({ ...entry, prompt: 'x'.repeat(cap ?? 12_000) }))
    const run = await runAction({ inputs: batchInputs(s, entries, { download: 'false' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(
      creates(s)
        .map((b) => [b.model, (b.prompt as string).length])
        .sort(),
    ).toEqual(CAPS.map(([entry, cap]) => [entry.model, cap ?? 12_000]).sort())
  })

  it('one character more is refused by name, before anything is sent', async () => {
    const s = await simulator()
    const capped = CAPS.filter(([, cap]) => cap !== undefined) as [Record<string, unknown>, number][]
    const run = await runAction({
      inputs: batchInputs(
        s,
        capped.map(([entry, cap]) => ({ ...entry, prompt: 'x'.repeat(cap + 1) })),
      ),
    })
    expect(run.exitCode).toBe(1)
    capped.forEach(([, cap], i) =>
      expect(run.stdout).toContain(`::error::batch item ${i + 1} 'prompt' is too long (more than ${cap} characters, FoxAPI's limit)`),
    )
    expect(s.createCount()).toBe(0)
  })
})

describe('models that make no video', () => {
  it('kling-video-create-voice completes with asset-id: no download, no shape check', async () => {
    const s = await simulator()
    const run = await runAction({ inputs: quickInputs(s, { prompt: '', model: 'kling-video-create-voice', 'audio-url': MP3 }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(creates(s)).toEqual([{ model: 'kling-video-create-voice', voice_url: MP3 }])
    expect(run.outputs['asset-id']).toMatch(/^voice-[a-z0-9]{8}$/)
    expect(run.outputs).toMatchObject({ status: 'completed', 'video-url': '', 'video-path': '', 'video-width': '' })
    expect(resultRows(run.outputs)[0]).toMatchObject({ asset_id: run.outputs['asset-id'], verify: 'skipped', video_path: '' })
    expect(run.summary).toContain(`voice_id <code>${run.outputs['asset-id']}</code>`)
    expect(s.requests.filter((r) => r.path.startsWith('/files/'))).toEqual([])
  })

  it('a re-run with the cache collects the same voice again: nothing new is paid for', async () => {
    const s = await simulator()
    const cache = await startActionsCacheService()
    try {
      const inputs = quickInputs(s, { prompt: '', model: 'kling-video-create-voice', 'audio-url': MP3, cache: 'true' })
      const first = await runAction({ inputs, env: cache.env })
      expect(first.exitCode, first.visibleLog).toBe(0)
      const second = await runAction({ inputs, env: cache.env, workspace: first.workspace })
      expect(second.exitCode, second.visibleLog).toBe(0)
      expect(s.createCount()).toBe(1)
      expect(second.outputs['asset-id']).toBe(first.outputs['asset-id'])
      expect(second.outputs['task-id']).toBe(first.outputs['task-id'])
    } finally {
      await cache.close()
    }
  })

  it('sora-2-character and the voice, in a batch, with the results[] and the older output{} shapes', async () => {
    const s = await simulator({ scenario: (request) => (request.model === 'sora-2-character' ? { resultShape: 'output' } : {}) })
    const entries = [
      { model: 'kling-video-create-voice', 'audio-url': MP3 },
      { model: 'sora-2-character', 'video-url': VID, parameters: { name: 'Foxy' } },
    ]
    const run = await runAction({ inputs: batchInputs(s, entries) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    const rows = resultRows(run.outputs)
    expect(rows.map((r) => [r.name, r.outcome, r.asset_id.replace(/-[a-z0-9]{8}$/, '-…')])).toEqual([
      ['kling-video-create-voice', 'succeeded', 'voice-…'],
      ['sora-2-character', 'succeeded', 'char-…'],
    ])
    expect(run.summary).toContain('character_id <code>char-')
    expect(run.summary).toContain('(Foxy)')
    expect(s.requests.filter((r) => r.path.startsWith('/files/'))).toEqual([])
  })

  it('a no-video model without its required field is refused before paying', async () => {
    const s = await simulator()
    const run = await runAction({ inputs: quickInputs(s, { prompt: '', model: 'sora-2-character', 'video-url': VID }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("::error::Input 'parameters' field 'name' is required")
    expect(s.createCount()).toBe(0)
  })

  it('a hostile server: an id that is not a plain word is never an output, and a name is shown as inert text', async () => {
    const injected = 'voice-1\n::error::pwned'
    const server = await hostile({
      poll: (_req, res, c) => json(res, 200, envelope(c.taskId, { status: 'completed', progress: 100, results: [{ voice_id: injected }] })),
    })
    const run = await runAction({ inputs: hostileInputs(server.url, { prompt: '', model: 'kling-video-create-voice', 'audio-url': MP3 }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/completed without a video URL/)
    expect(run.stdout).not.toMatch(/^::error::pwned/m)
    expect(run.outputs['asset-id']).toBe('')

    const named = await hostile({
      poll: (_req, res, c) =>
        json(
          res,
          200,
          envelope(c.taskId, {
            status: 'completed',
            progress: 100,
            results: [{ character_id: 'char-1', name: '<img src=x onerror=alert(1)>' }],
          }),
        ),
    })
    const character = await runAction({
      inputs: hostileInputs(named.url, { prompt: '', model: 'sora-2-character', 'video-url': VID, parameters: '{name: Foxy}' }),
    })
    expect(character.exitCode, character.visibleLog).toBe(0)
    expect(character.outputs['asset-id']).toBe('char-1')
    expect(character.summary).not.toContain('<img')
    expect(character.summary).toContain('&#60;img')
  })
})
