// Reading a clip's metadata with mp4box (src/clip/clip-metadata.ts), its structural checks, and the clip held
// against the request (src/clip/clip-verify.ts, src/models/expected-shape.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ENCODED_CLIP_FILE, garbageClip, truncatedClip } from '../../simulator/foxapi-simulator'
import { writeMp4, type ClipShape } from '../../simulator/mp4-writer'
import { compactSizesBombClip, fragmentBombClip, replaceBox } from '../../simulator/hostile-clips'
import { readClipMetadata, type ClipMetadata } from '../../src/clip/clip-metadata'
import { expectedShapeOf } from '../../src/models/expected-shape'
import { shapeLine } from '../../src/clip/clip-shape'
import { durationTolerance, mismatchesOf, verifyClip } from '../../src/clip/clip-verify'
import { buildRequest } from '../../src/models'

const dir = mkdtempSync(path.join(os.tmpdir(), 'foxapi-metadata-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
function fileWith(bytes: Buffer): string {
  const file = path.join(dir, `clip-${files++}.mp4`)
  writeFileSync(file, bytes)
  return file
}
const read = (bytes: Buffer) => readClipMetadata(fileWith(bytes))

describe('readClipMetadata', () => {
  it("reads a real encoder's clip (ffmpeg's H.264/AAC fixture)", async () => {
    expect(await readClipMetadata(ENCODED_CLIP_FILE)).toEqual({
      ok: true,
      metadata: {
        durationS: 1,
        width: 160,
        height: 90,
        codec: 'avc1.64000c',
        frameRate: 12,
        hasAudio: true,
        audioCodec: 'mp4a.40.2',
        bytes: 7735,
        contentCredentials: 'absent',
      },
    })
  })

  it.each([false, true])('reads what the simulator wrote, moov last: %s', async (moovLast) => {
    const shape: ClipShape = { width: 1080, height: 1920, seconds: 10, audio: true, moovLast, fps: 30 }
    const reading = await read(writeMp4(shape))
    expect(reading).toMatchObject({
      ok: true,
      metadata: { durationS: 10, width: 1080, height: 1920, codec: 'avc1.640028', hasAudio: true },
    })
    expect(reading.ok && reading.metadata.frameRate).toBeCloseTo(30, 1)
  })

  it.each([false, true])('reads past a 2 MiB free box before the moov (moov last: %s)', async (moovLast) => {
    // The library skips the free box's bytes first, then needs them: it is then handed the file in order.
    const clip = writeMp4({ width: 1280, height: 720, seconds: 5, moovLast })
    const ftyp = clip.readUInt32BE(0)
    const free = Buffer.alloc(2 * 1024 * 1024)
    free.writeUInt32BE(free.length, 0)
    free.write('free', 4, 'latin1')
    const reading = await read(Buffer.concat([clip.subarray(0, ftyp), free, clip.subarray(ftyp)]))
    expect(reading).toMatchObject({ ok: true, metadata: { width: 1280, height: 720, durationS: 5 } })
  })

  it('finds no audio track where there is none', async () => {
    expect(await read(writeMp4({ width: 1280, height: 720, seconds: 5 }))).toMatchObject({ ok: true, metadata: { hasAudio: false } })
  })

  it.each([false, true])('fails a file cut short as incomplete (moov last: %s)', async (moovLast) => {
    const reading = await read(truncatedClip(writeMp4({ width: 1280, height: 720, seconds: 5, moovLast })))
    expect(reading).toMatchObject({ ok: false, check: 'complete' })
    expect(!reading.ok && reading.problem).toMatch(/^it is cut short: its mdat box runs to byte \d+, past the end of the \d+-byte file$/)
  })

  it('fails a whole-looking file whose sample table points past its end', async () => {
    // Cut short, and the mdat's size patched to fit: only the sample table still tells.
    const whole = writeMp4({ width: 1280, height: 720, seconds: 5 })
    const cut = Buffer.from(truncatedClip(whole))
    const mdat = cut.indexOf('mdat', 0, 'latin1') - 4
    cut.writeUInt32BE(cut.length - mdat, mdat)
    const reading = await read(cut)
    expect(reading).toMatchObject({ ok: false, check: 'complete' })
    expect(!reading.ok && reading.problem).toMatch(/sample table points to byte \d+, past the end of the \d+-byte file/)
  })

  it('fails an MP4 header followed by garbage, and text that is no MP4 at all, as not parsing', async () => {
    const garbage = await read(garbageClip(writeMp4({ width: 1280, height: 720, seconds: 5 })))
    expect(garbage).toMatchObject({ ok: false, check: 'parses' })
    expect(!garbage.ok && garbage.problem).toMatch(/^it holds no movie header \(moov box\)/)
    // What the file holds shows only as printable ASCII.
    expect(!garbage.ok && garbage.problem).toMatch(/^[\x20-\x7e]+$/)
    expect(await read(Buffer.from('<html>login</html>'))).toMatchObject({ ok: false, check: 'parses' })
    expect(await read(Buffer.alloc(0))).toMatchObject({ ok: false, check: 'parses' })
  })

  it('refuses a sample table that declares more samples than a clip can have, before building a list of them', async () => {
    const withSampleSizes = (sampleSize: number, count: number) => {
      const clip = Buffer.from(writeMp4({ width: 1280, height: 720, seconds: 5 }))
      const at = clip.indexOf('stsz', 0, 'latin1')
      clip.writeUInt32BE(sampleSize, at + 8)
      clip.writeUInt32BE(count, at + 12)
      return clip
    }
    // A few bytes declaring 4 billion samples of 48 bytes: without the bound the library would list them all.
    const started = performance.now()
    expect(await read(withSampleSizes(48, 0xffff_ffff))).toEqual({
      ok: false,
      check: 'parses',
      problem: 'its sample table cannot be right: its tracks list more than 100000 samples, more than this action reads',
    })
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(await read(withSampleSizes(0, 121))).toEqual({
      ok: false,
      check: 'parses',
      problem: "its sample table cannot be right: a track's stsz box lists 121 samples in 0 bytes, too few for them",
    })
    // More samples than chunks: the extra ones lie nowhere in the file.
    expect(await read(withSampleSizes(48, 121))).toEqual({
      ok: false,
      check: 'complete',
      problem: 'its video 1 sample table places sample 121 in no chunk of the file',
    })
  })

  it("counts every table that declares samples: a movie fragment's track runs and a compact sample-size box", async () => {
    const clip = writeMp4({ width: 1280, height: 720, seconds: 5 })
    const tooMany = 'its sample table cannot be right: its tracks list more than 100000 samples, more than this action reads'
    expect(await read(fragmentBombClip(clip))).toEqual({ ok: false, check: 'parses', problem: tooMany })
    expect(await read(compactSizesBombClip(clip))).toEqual({ ok: false, check: 'parses', problem: tooMany })
    // Runs are summed over fragments: two runs of 60,000 samples each pass one by one, not together.
    const run = (count: number) =>
      fragmentBombClip(clip)
        .subarray(clip.length)
        .map((byte, i, moof) => (i >= moof.length - 4 ? (count >>> (8 * (moof.length - 1 - i))) & 0xff : byte))
    expect(await read(Buffer.concat([clip, run(60_000)]))).toMatchObject({ ok: true }) // 60,000 empty samples: odd, within the count
    expect(await read(Buffer.concat([clip, run(60_000), run(60_000)]))).toEqual({ ok: false, check: 'parses', problem: tooMany })
    // A compact table whose sizes take more bytes than its box holds.
    const short = replaceBox(clip, 'stsz', () => Buffer.from('0000001c73747a3200000000000000080000007800000000', 'hex'))
    expect(await read(short)).toEqual({
      ok: false,
      check: 'parses',
      problem: "its sample table cannot be right: a track's stz2 box lists 120 samples in 8 bytes, too few for them",
    })
  })

  it('refuses a movie header that would take more than 8 MiB to hold', async () => {
    // A 10 MiB box of padding inside the moov: the library needs the whole moov at once, so it is not handed over.
    const clip = Buffer.from(writeMp4({ width: 1280, height: 720, seconds: 5 }))
    const ftyp = clip.readUInt32BE(0)
    const moovEnd = ftyp + clip.readUInt32BE(ftyp)
    const padding = Buffer.alloc(10 * 1024 * 1024)
    padding.writeUInt32BE(padding.length, 0)
    padding.write('free', 4, 'latin1')
    clip.writeUInt32BE(moovEnd - ftyp + padding.length, ftyp)
    const reading = await read(Buffer.concat([clip.subarray(0, moovEnd), padding, clip.subarray(moovEnd)]))
    expect(reading).toEqual({
      ok: false,
      check: 'parses',
      problem: `its boxes other than the samples take more than ${8 * 1024 * 1024} bytes: not a clip this action reads`,
    })
  })

  it('fails a movie without a video track', async () => {
    const clip = writeMp4({ width: 1280, height: 720, seconds: 5, audio: true, noVideo: true })
    expect(await read(clip)).toMatchObject({ ok: false, check: 'video track', problem: 'it has no video track' })
  })
})

const meta = (over: Partial<ClipMetadata> = {}): ClipMetadata => ({
  durationS: 10,
  width: 1080,
  height: 1920,
  codec: 'avc1.640028',
  hasAudio: true,
  bytes: 1000,
  ...over,
})

function request(inputs: Record<string, string>) {
  const built = buildRequest({ prompt: 'a fox', ...inputs })
  if (!built.ok) throw new Error(built.problems.join('; '))
  return built.request
}

describe('expectedShapeOf: what the model registry says a request fixes', () => {
  it('kling-o3-ref fixes aspect ratio and duration (its defaults when not given)', () => {
    expect(expectedShapeOf(request({}))).toEqual({ aspectRatio: '16:9', durationS: 5 })
    expect(expectedShapeOf(request({ 'aspect-ratio': '9:16', duration: '10' }))).toEqual({ aspectRatio: '9:16', durationS: 10 })
  })

  it('kling-o3-ref with a base reference video: the length follows the video', () => {
    const shape = expectedShapeOf(
      request({ 'video-list': '[{video_url: "https://cdn.example.com/a.mp4", refer_type: base}]', prompt: 'like <<<video_1>>>' }),
    )
    expect(shape).toEqual({ aspectRatio: '16:9' })
  })

  it('sums multi-prompt segments, maps resolution to the short side, and wants audio for generate-audio: true', () => {
    const segments = '[{prompt: a, duration: 4}, {prompt: b, duration: 6}]'
    expect(
      expectedShapeOf(request({ model: 'kling-o3-reference-to-video', prompt: '', 'multi-prompt': segments, 'generate-audio': 'true' })),
    ).toEqual({
      durationS: 10,
      shortSide: 720,
      resolution: '720p',
      audio: true,
    })
    // duration is left out: kling-v3-text-to-video's page gives 5 s as its default.
    expect(expectedShapeOf(request({ model: 'kling-v3-text-to-video', resolution: '4k', 'aspect-ratio': '1:1' }))).toEqual({
      aspectRatio: '1:1',
      durationS: 5,
      shortSide: 2160,
      resolution: '4k',
    })
  })

  it('image and video models do not fix the aspect ratio; motion control fixes nothing; an unknown model is not compared', () => {
    expect(
      expectedShapeOf(request({ model: 'kling-o3-image-to-video', 'image-url': 'https://cdn.example.com/a.png', duration: '5' })),
    ).toEqual({
      durationS: 5,
      // resolution is left out: the page gives 720p as its default.
      shortSide: 720,
      resolution: '720p',
    })
    expect(
      expectedShapeOf(
        request({ model: 'kling-o3-video-to-video-edit', 'video-url': 'https://cdn.example.com/a.mp4', resolution: '1080p' }),
      ),
    ).toEqual({
      shortSide: 1080,
      resolution: '1080p',
    })
    const motion = request({
      model: 'kling-v3-motion-control',
      'image-url': 'https://cdn.example.com/a.png',
      'video-url': 'https://cdn.example.com/a.mp4',
    })
    expect(expectedShapeOf(motion)).toEqual({})
    expect(expectedShapeOf(request({ model: 'seedance-2.0-text-to-video', 'aspect-ratio': '9:16', duration: '5' }))).toBeUndefined()
    expect(expectedShapeOf(undefined)).toBeUndefined()
  })
})

describe('mismatchesOf and verifyClip', () => {
  it('allows 2 % on the aspect ratio', () => {
    expect(mismatchesOf(meta({ width: 1080, height: 1920 }), { aspectRatio: '9:16' })).toEqual([])
    expect(mismatchesOf(meta({ width: 1100, height: 1920 }), { aspectRatio: '9:16' })).toEqual([]) // 1.9 % off
    expect(mismatchesOf(meta({ width: 1104, height: 1920 }), { aspectRatio: '9:16' })).toEqual([
      'aspect ratio 0.57:1 (1104×1920), asked 9:16',
    ]) // 2.2 % off
    expect(mismatchesOf(meta({ width: 1920, height: 1080 }), { aspectRatio: '9:16' })).toEqual([
      'aspect ratio 16:9 (1920×1080), asked 9:16',
    ])
  })

  it('allows the larger of 0.5 s and 5 % on the duration', () => {
    expect(durationTolerance(5)).toBe(0.5)
    expect(durationTolerance(15)).toBeCloseTo(0.75)
    expect(mismatchesOf(meta({ durationS: 5.5 }), { durationS: 5 })).toEqual([])
    expect(mismatchesOf(meta({ durationS: 5.6 }), { durationS: 5 })).toEqual(['duration 5.6 s, asked 5 s (±0.5 s)'])
    expect(mismatchesOf(meta({ durationS: 14.3 }), { durationS: 15 })).toEqual([])
    expect(mismatchesOf(meta({ durationS: 14.2 }), { durationS: 15 })).toEqual(['duration 14.2 s, asked 15 s (±0.8 s)'])
  })

  it('wants the short side of the resolution and an audio track when asked', () => {
    expect(mismatchesOf(meta(), { shortSide: 1080, resolution: '1080p', audio: true })).toEqual([])
    expect(
      mismatchesOf(meta({ width: 720, height: 1280, hasAudio: false }), { shortSide: 1080, resolution: '1080p', audio: true }),
    ).toEqual(['short side 720 px (720×1280), asked 1080p (1080 px)', 'no audio track, asked generate-audio: true'])
  })

  it('passes, fails or skips as the verify mode and the request say', () => {
    const asked = request({ 'aspect-ratio': '9:16', duration: '10' })
    expect(verifyClip(meta(), asked, 'fail')).toEqual({ status: 'passed' })
    expect(verifyClip(meta({ durationS: 5 }), asked, 'warn')).toEqual({
      status: 'mismatch',
      mismatches: ['duration 5.0 s, asked 10 s (±0.5 s)'],
    })
    expect(verifyClip(meta({ durationS: 5 }), asked, 'off')).toEqual({ status: 'skipped' })
    expect(verifyClip(meta(), undefined, 'fail')).toEqual({ status: 'skipped' })
  })
})

describe('shapeLine', () => {
  it('says the shape in one line', () => {
    expect(shapeLine(meta())).toBe('1080×1920 · 9:16 · 10.0 s · H.264 · audio')
    expect(shapeLine(meta({ width: 1998, height: 1080, codec: 'hvc1.1.6.L93.B0', hasAudio: false, durationS: 4.96 }))).toBe(
      '1998×1080 · 1.85:1 · 5.0 s · H.265 · no audio',
    )
    expect(shapeLine(meta({ codec: 'xyz1' }))).toContain('· xyz1 ·')
  })
})
