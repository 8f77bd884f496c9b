// The clip is checked before the upload step: the built action against the simulator serving broken files and
// clips of the wrong shape, with each `verify` mode; a restored clip that does not match is a cache miss.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startActionsCacheService, type ActionsCacheService } from '../simulator/actions-cache-service'
import { clipFor, garbageClip, startFoxApiSimulator, type Fault, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import type { FullResultRow } from '../src/report/results-file'
import { clipFields } from '../src/cache/entry-records'
import { proveEntry } from '../src/cache/entry-proof'
import type { RunOrigin } from '../src/run-origin'
import { forgedArchive, membersOf } from './support/cache-entries'
import { API_KEY, checkKeyAndClose, quickInputs, requestsTo, resultRows, runAction, sha256Of } from './support/fixtures'

let sim: FoxApiSimulator | undefined
let cacheService: ActionsCacheService | undefined
afterEach(async () => {
  await cacheService?.close()
  cacheService = undefined
  await checkKeyAndClose(sim)
  sim = undefined
})

async function simulator(faults: Fault[] = []): Promise<FoxApiSimulator> {
  sim = await startFoxApiSimulator({ taskDurationMs: 200, faults })
  return sim
}

const downloads = (s: FoxApiSimulator) => requestsTo(s, 'GET', /^\/files\//)
const fullRows = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as FullResultRow[]

describe('the verify input', () => {
  it('is checked before anything is sent', async () => {
    const s = await simulator()
    const run = await runAction({ inputs: quickInputs(s, { verify: 'strict' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`::error::Input 'verify' must be fail, warn or off (got "strict")`)
    expect(s.requests).toHaveLength(0)
  })
})

describe('structural checks of a download', () => {
  it('downloads a file cut short again from the same URL, and keeps the whole one (one task only)', async () => {
    const s = await simulator([{ route: 'download', kind: { type: 'brokenClip', how: 'truncated' } }])
    const run = await runAction({ inputs: quickInputs(s) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(s.createCount()).toBe(1)
    const got = downloads(s)
    expect(got).toHaveLength(2)
    expect(got[1]?.path).toBe(got[0]?.path)
    expect(run.stdout).toContain("The downloaded clip failed the structural check 'complete' (it is cut short:")
    expect(run.stdout).toContain('downloading it again from the same URL')
    expect(readFileSync(run.outputs['video-path'] as string).equals(clipFor({ model: 'kling-o3-ref' }))).toBe(true)
    expect(run.outputs['video-duration']).toBe('5')
  })

  it('fails the clip when the file stays cut short, naming the check, with no file left and no second task', async () => {
    const s = await simulator([{ route: 'download', times: 2, kind: { type: 'brokenClip', how: 'truncated' } }])
    const run = await runAction({ inputs: quickInputs(s) })
    expect(run.exitCode).toBe(1)
    expect(s.createCount()).toBe(1)
    expect(downloads(s)).toHaveLength(2)
    expect(run.stdout).toMatch(
      /::error::The downloaded clip is broken, also when downloaded again from the same URL \(2 downloads\): it failed the structural check 'complete': it is cut short: its mdat box runs to byte \d+, past the end of the \d+-byte file/,
    )
    // The task is paid for: the message says how to collect it.
    expect(run.stdout).toContain(`task-id: ${run.outputs['task-id']}`)
    expect(run.outputs['video-path']).toBe('')
    expect(run.outputs['video-duration']).toBe('')
    expect(resultRows(run.outputs)[0]).toMatchObject({ duration: null, width: null, codec: null, has_audio: null, verify: 'skipped' })
    const folder = path.join(run.workspace, 'foxapi-videos')
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([])
  })

  it('fails an MP4 header followed by garbage as a file that does not parse', async () => {
    const s = await simulator([{ route: 'download', times: 2, kind: { type: 'brokenClip', how: 'garbage' } }])
    const run = await runAction({ inputs: quickInputs(s) })
    expect(run.exitCode).toBe(1)
    expect(s.createCount()).toBe(1)
    expect(downloads(s)).toHaveLength(2)
    expect(run.stdout).toContain("it failed the structural check 'parses': it holds no movie header (moov box)")
    // The reader's own complaints reach no log line of their own.
    expect(run.visibleLog).not.toMatch(/\[BoxParser\]|\[ISOFile\]/)
  })
})

describe('a hostile file', () => {
  it('declaring four billion samples in a few bytes fails the clip at once, without exhausting memory', async () => {
    const s = await simulator([{ route: 'download', times: 2, kind: { type: 'brokenClip', how: 'samples' } }])
    const run = await runAction({ inputs: quickInputs(s) })
    expect(run.exitCode).toBe(1)
    expect(run.stderr).not.toContain('heap out of memory')
    expect(run.stdout).toContain(
      "it failed the structural check 'parses': its sample table cannot be right: its tracks list more than 100000 samples, more than this action reads",
    )
    // Every output is written as for any failed clip.
    expect(run.outputs['task-id']).toMatch(/^task-unified-/)
    expect(s.createCount()).toBe(1)
  })
})

describe('the clip held against the request', () => {
  /** 9:16 asked; the simulator serves 16:9 (1280×720). */
  const wrongShape: Fault = { route: 'download', kind: { type: 'clipShape', shape: { width: 1280, height: 720 } } }

  it('passes a clip of the shape asked, and hands its metadata to later steps', async () => {
    const s = await simulator()
    const inputs = quickInputs(s, {
      model: 'kling-v3-text-to-video',
      'aspect-ratio': '9:16',
      resolution: '1080p',
      duration: '10',
      'generate-audio': 'true',
    })
    const run = await runAction({ inputs })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.outputs).toMatchObject({
      'video-duration': '10',
      'video-width': '1080',
      'video-height': '1920',
      'video-codec': 'avc1.640028',
      'video-has-audio': 'true',
    })
    const expected = { duration: 10, width: 1080, height: 1920, codec: 'avc1.640028', has_audio: true, verify: 'passed' }
    expect(resultRows(run.outputs)[0]).toMatchObject(expected)
    expect(fullRows(run.outputs['results-file'] as string)[0]).toMatchObject({ ...expected, frame_rate: 24 })
    expect(run.summary).toContain('✔ 1080×1920 · 9:16 · 10.0 s · H.264 · audio (as asked)')
    expect(run.stdout).toContain('Clip: 1080×1920 · 9:16 · 10.0 s · H.264 · audio (verify passed).')
  })

  it('verify: fail (the default) fails a clip of the wrong shape once the file is kept and every output written', async () => {
    const s = await simulator([wrongShape])
    const run = await runAction({ inputs: quickInputs(s, { 'aspect-ratio': '9:16' }) })
    expect(run.exitCode).toBe(1)
    expect(s.createCount()).toBe(1)
    const file = run.outputs['video-path'] as string
    expect(readFileSync(file).equals(clipFor({}, { width: 1280, height: 720 }))).toBe(true)
    expect(run.outputs['video-sha256']).toBe(sha256Of(readFileSync(file)))
    expect(run.outputs).toMatchObject({ 'video-width': '1280', 'video-height': '720', 'video-duration': '5', 'video-has-audio': 'false' })
    const [row] = resultRows(run.outputs)
    expect(row).toMatchObject({ outcome: 'failed', width: 1280, height: 720, verify: 'mismatch: aspect ratio 16:9 (1280×720), asked 9:16' })
    expect(run.stdout).toContain('::error::The clip does not match the request: aspect ratio 16:9 (1280×720), asked 9:16.')
    expect(run.summary).toContain('⚠️ 1280×720 · 16:9 · 5.0 s · H.264 · no audio<br>not as asked: aspect ratio 16:9 (1280×720), asked 9:16')
  })

  it('verify: fail caches no mismatched clip: a re-run collects the same task (nothing paid) and fails alike', async () => {
    const s = await simulator([{ ...wrongShape, times: 2 }])
    cacheService = await startActionsCacheService()
    const inputs = quickInputs(s, { cache: 'true', 'aspect-ratio': '9:16' })
    const first = await runAction({ inputs, env: cacheService.env })
    expect(first.exitCode).toBe(1)
    expect(first.stdout).toContain('a new cache-key asks for a new take (paid)')
    expect(cacheService.entries.filter((e) => e.finalized && !e.key.includes('-pending-'))).toEqual([])
    const again = await runAction({ inputs, env: cacheService.env })
    expect(again.exitCode).toBe(1)
    expect(again.stdout).toContain('submitted by an earlier run of this request; nothing new is submitted')
    expect(s.createCount()).toBe(1)
    expect(again.outputs['task-id']).toBe(first.outputs['task-id'])
  })

  it('verify: warn warns of the same clip and counts it as succeeded', async () => {
    const s = await simulator([wrongShape])
    const run = await runAction({ inputs: quickInputs(s, { 'aspect-ratio': '9:16', verify: 'warn' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain('::warning::The clip does not match the request: aspect ratio 16:9 (1280×720), asked 9:16 (verify: warn).')
    expect(resultRows(run.outputs)[0]).toMatchObject({ outcome: 'succeeded', verify: 'mismatch: aspect ratio 16:9 (1280×720), asked 9:16' })
  })

  it('verify: off compares nothing, and still reads the metadata', async () => {
    const s = await simulator([wrongShape])
    const run = await runAction({ inputs: quickInputs(s, { 'aspect-ratio': '9:16', verify: 'off' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).not.toContain('does not match')
    expect(resultRows(run.outputs)[0]).toMatchObject({ outcome: 'succeeded', width: 1280, verify: 'skipped' })
  })

  it('verify: off still downloads a broken file again and fails it when it stays broken', async () => {
    const s = await simulator([{ route: 'download', times: 2, kind: { type: 'brokenClip', how: 'truncated' } }])
    const run = await runAction({ inputs: quickInputs(s, { verify: 'off' }) })
    expect(run.exitCode).toBe(1)
    expect(downloads(s)).toHaveLength(2)
    expect(run.stdout).toContain("structural check 'complete'")
  })

  it('holds the length against the sum of the multi-prompt segments', async () => {
    const s = await simulator([{ route: 'download', kind: { type: 'clipShape', shape: { seconds: 5 } } }])
    const segments = JSON.stringify([
      { prompt: 'a fox wakes', duration: 4 },
      { prompt: 'a fox runs', duration: 6 },
    ])
    const run = await runAction({ inputs: quickInputs(s, { model: 'kling-o3-reference-to-video', prompt: '', 'multi-prompt': segments }) })
    expect(run.exitCode).toBe(1)
    expect(resultRows(run.outputs)[0]?.verify).toBe('mismatch: duration 5.0 s, asked 10 s (±0.5 s)')
  })

  it('expects an audio track for generate-audio: true, and the short side of the resolution', async () => {
    const s = await simulator([{ route: 'download', kind: { type: 'clipShape', shape: { audio: false, width: 1280, height: 720 } } }])
    const run = await runAction({
      inputs: quickInputs(s, {
        model: 'kling-v3-image-to-video',
        'image-url': 'https://cdn.example.com/fox.png',
        resolution: '1080p',
        'generate-audio': 'true',
      }),
    })
    expect(run.exitCode).toBe(1)
    expect(resultRows(run.outputs)[0]?.verify).toBe(
      'mismatch: short side 720 px (1280×720), asked 1080p (1080 px); no audio track, asked generate-audio: true',
    )
  })

  it('a model the action does not know gets the structural checks only', async () => {
    sim = await startFoxApiSimulator({ taskDurationMs: 200, extraModels: ['seedance-2.0-text-to-video'], faults: [wrongShape] })
    const run = await runAction({ inputs: quickInputs(sim, { model: 'seedance-2.0-text-to-video', 'aspect-ratio': '9:16' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(resultRows(run.outputs)[0]).toMatchObject({ verify: 'skipped', width: 1280 })
  })
})

describe('in a batch', () => {
  it('fails the entry that does not match, names it, and shows every shape in the summary table', async () => {
    const s = await simulator([{ route: 'download', kind: { type: 'clipShape', shape: { seconds: 3 } } }])
    const batch = JSON.stringify([
      { name: 'short', prompt: 'a fox', duration: 8 },
      { name: 'square', prompt: 'an owl', 'aspect-ratio': '1:1' },
    ])
    const run = await runAction({ inputs: quickInputs(s, { batch, concurrency: '1' }) })
    expect(run.exitCode).toBe(1)
    const rows = resultRows(run.outputs)
    expect(rows.map((r) => [r.name, r.outcome, r.verify])).toEqual([
      ['short', 'failed', 'mismatch: duration 3.0 s, asked 8 s (±0.5 s)'],
      ['square', 'succeeded', 'passed'],
    ])
    expect(run.stdout).toContain('- short: The clip does not match the request: duration 3.0 s, asked 8 s (±0.5 s).')
    expect(run.summary).toContain('<th align="left">Shape</th>')
    expect(run.summary).toContain('⚠️ 1280×720 · 16:9 · 3.0 s · H.264 · no audio<br>not as asked: duration 3.0 s, asked 8 s (±0.5 s)')
    expect(run.summary).toContain('✔ 720×720 · 1:1 · 5.0 s · H.264 · no audio (as asked)')
  })
})

describe('a restored clip', () => {
  it('that does not match the request is a cache miss: removed, and made again', async () => {
    const s = await simulator([{ route: 'download', kind: { type: 'clipShape', shape: { width: 1280, height: 720 } } }])
    cacheService = await startActionsCacheService()
    const inputs = quickInputs(s, { cache: 'true', 'aspect-ratio': '9:16' })
    // Accepted with a warning, and cached.
    const first = await runAction({ inputs: { ...inputs, verify: 'warn' }, env: cacheService.env })
    expect(first.exitCode, first.visibleLog).toBe(0)
    expect(s.createCount()).toBe(1)

    // With verify: warn the same clip is a hit (with the warning again).
    const again = await runAction({ inputs: { ...inputs, verify: 'warn' }, env: cacheService.env })
    expect(again.outputs['cache-hit']).toBe('true')
    // The restored file's own metadata, read again.
    expect(again.outputs).toMatchObject({ 'video-width': '1280', 'video-height': '720', 'video-duration': '5' })
    expect(again.stdout).toContain('::warning::The clip does not match the request')
    expect(s.createCount()).toBe(1)

    // With verify: fail it is not the clip asked for: a miss, and a new task makes the right one.
    const second = await runAction({ inputs, env: cacheService.env })
    expect(second.exitCode, second.visibleLog).toBe(0)
    expect(second.stdout).toContain(
      'The clip does not match the request: aspect ratio 16:9 (1280×720), asked 9:16; treating the cache entry',
    )
    expect(s.createCount()).toBe(2)
    expect(second.outputs['cache-hit']).toBe('false')
    expect(second.outputs).toMatchObject({ 'video-width': '720', 'video-height': '1280' })
    expect(readFileSync(second.outputs['video-path'] as string).equals(clipFor({ aspect_ratio: '9:16' }))).toBe(true)
    // The restored copy (named after the first task) was removed: only the new clip is there.
    expect(readdirSync(path.join(second.workspace, 'foxapi-videos'))).toEqual([`${second.outputs['task-id']}.mp4`])
    expect(second.outputs['task-id']).not.toBe(first.outputs['task-id'])
    expect(resultRows(second.outputs)[0]).toMatchObject({ cache_hit: false, verify: 'passed' })
  })

  it('that is broken (an entry whose checksum still fits) is a cache miss too', async () => {
    const s = await simulator()
    cacheService = await startActionsCacheService()
    const inputs = quickInputs(s, { cache: 'true' })
    const first = await runAction({ inputs, env: cacheService.env })
    expect(first.exitCode, first.visibleLog).toBe(0)
    // The clip in the entry becomes an MP4 header and garbage of the same length, and its record is proven
    // again for that garbage (only a holder of the API key can do this): the checksum and the proof both fit,
    // so only the structural check can find it broken.
    const entry = cacheService.entries.find((e) => e.finalized && !e.key.includes('-pending-'))
    expect(entry).toBeDefined()
    const clip = clipFor({ model: 'kling-o3-ref' })
    const broken = garbageClip(clip)
    const members = await membersOf(entry?.data)
    const task = members.find((m) => m.name.endsWith('/task.json'))?.data as Buffer
    const meta = JSON.parse(String(members.find((m) => m.name.endsWith('/meta.json'))?.data)) as { taskId: string; madeBy?: RunOrigin }
    const sha256 = sha256Of(broken)
    const proof = proveEntry(API_KEY, clipFields(entry?.key ?? '', meta.taskId, sha256, sha256Of(task), meta.madeBy))
    const forged = members.map((m) =>
      m.name.endsWith('/clip.mp4')
        ? { ...m, data: broken }
        : m.name.endsWith('/meta.json')
          ? { ...m, data: JSON.stringify({ ...meta, sha256, proof }) }
          : m,
    )
    cacheService.plant(entry?.key ?? '', entry?.version ?? '', await forgedArchive(forged, entry?.data))

    const second = await runAction({ inputs, env: cacheService.env })
    expect(second.exitCode, second.visibleLog).toBe(0)
    expect(second.stdout).toContain("The restored clip: the clip failed the structural check 'parses'")
    expect(second.outputs['cache-hit']).toBe('false')
    expect(s.createCount()).toBe(2)
    expect(readFileSync(second.outputs['video-path'] as string).equals(clip)).toBe(true)
    expect(readdirSync(path.join(second.workspace, 'foxapi-videos'))).toEqual([`${second.outputs['task-id']}.mp4`])
  })
})
