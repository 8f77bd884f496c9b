// The registry's interpreter: each kind of field spec as a schema with a message that names the input and the
// allowed values, each page's prompt cap, convenience inputs into each model's own fields (a list's items too),
// partial pages passing their other fields through, the named rules, the shape each request promises, and the
// media fields (mediaFieldsOf, mediaValuesOf) that another part of the action uploads files into.
import { describe, expect, it } from 'vitest'
import { FAMILIES } from '../../src/models/families'
import { buildRequest, mediaFieldsOf, mediaValuesOf, type RawRequestInputs } from '../../src/models'
import { expectedShapeOf } from '../../src/models/expected-shape'

const IMG = 'https://cdn.example.com/a.png'
const IMG2 = 'https://cdn.example.com/b.png'
const VID = 'https://cdn.example.com/v.mp4'
const MP3 = 'https://cdn.example.com/voice.mp3'

function build(raw: RawRequestInputs) {
  const result = buildRequest(raw)
  if (!result.ok) throw new Error(`expected valid, got: ${result.problems.join('; ')}`)
  return result
}
const requestOf = (raw: RawRequestInputs) => build(raw).request
function problemsOf(raw: RawRequestInputs): string[] {
  const result = buildRequest(raw)
  return result.ok ? [] : result.problems
}

describe('durations, aspect ratios and resolutions: refused naming the input and the allowed values', () => {
  it.each<[string, RawRequestInputs, string]>([
    ['sora-2', { duration: '5' }, "Input 'duration' must be 4, 8, 12, 16 or 20 seconds (got 5)"],
    ['veo-3.1-fast', { duration: '7' }, "Input 'duration' must be 4, 6 or 8 seconds (got 7)"],
    ['veo-3.1-reference-to-video', { duration: '4', 'image-list': `[${IMG}]` }, "Input 'duration' must be 8 seconds (got 4)"],
    ['kling-v3-text-to-video', { duration: '7' }, "Input 'duration' must be 5 or 10 seconds (got 7)"],
    [
      'seedance-2.0-reference-to-video',
      { duration: '3' },
      "Input 'duration' must be a whole number of seconds from 4 to 15, or -1 (the model decides) (got 3)",
    ],
    ['wan-2.7-text-to-video', { duration: '16' }, "Input 'duration' must be a whole number of seconds from 2 to 15 (got 16)"],
    ['grok-imagine-text-to-video', { duration: '0' }, "Input 'duration' must be a whole number of seconds from 1 to 15 (got 0)"],
    ['sora-2', { 'aspect-ratio': '1:1' }, "Input 'aspect-ratio' must be '16:9' or '9:16' (got \"1:1\")"],
    [
      'happyhorse-1.0-text-to-video',
      { 'aspect-ratio': '21:9' },
      "Input 'aspect-ratio' must be '16:9', '9:16', '1:1', '4:3' or '3:4' (got \"21:9\")",
    ],
    ['seedance-2.0-fast-reference-to-video', { resolution: '1080p' }, "Input 'resolution' must be '480p' or '720p' (got \"1080p\")"],
    ['wan-2.7-text-to-video', { resolution: '4k' }, "Input 'resolution' must be '720p' or '1080p' (got \"4k\")"],
    ['pixverse-c1-transition', { 'image-url': IMG, resolution: '1080p' }, "Input 'resolution' must be '540p' or '720p' (got \"1080p\")"],
  ])('%s %j', (model, inputs, message) => {
    expect(problemsOf({ model, prompt: 'a fox', ...inputs })).toEqual([message])
  })

  it('takes -1 where the model decides the length, and the bounds of a range', () => {
    expect(requestOf({ model: 'seedance-2.0-reference-to-video', prompt: 'x', duration: '-1' }).duration).toBe(-1)
    expect(requestOf({ model: 'wan-2.7-text-to-video', prompt: 'x', duration: '2' }).duration).toBe(2)
    expect(requestOf({ model: 'sora-2', prompt: 'x', duration: '20' }).duration).toBe(20)
  })
})

describe('prompt caps, per page', () => {
  it.each<[string, number, RawRequestInputs]>([
    ['kling-v3-text-to-video', 2500, {}],
    ['sora-2', 5000, {}],
    ['seedance-2.0-reference-to-video', 5000, {}],
    ['wan-2.7-text-to-video', 5000, {}],
    ['happyhorse-1.0-text-to-video', 2500, {}],
    ['grok-imagine-edit-video', 4096, { 'video-url': VID }],
    ['vidu-q3-pro', 2000, {}],
    ['veo3.1-fast', 2000, {}],
    ['heygen-video-agent', 10000, {}],
  ])('%s: %i characters, not one more', (model, cap, inputs) => {
    expect(requestOf({ model, ...inputs, prompt: 'x'.repeat(cap) }).prompt).toHaveLength(cap)
    expect(problemsOf({ model, ...inputs, prompt: 'x'.repeat(cap + 1) })).toEqual([
      `Input 'prompt' is too long (more than ${cap} characters, FoxAPI's limit)`,
    ])
  })

  it('no cap where the page states none (Veo, PixVerse)', () => {
    expect(requestOf({ model: 'pixverse-v6-text-to-video', prompt: 'x'.repeat(20_000) }).prompt).toHaveLength(20_000)
    expect(requestOf({ model: 'veo-3.1-fast', prompt: 'x'.repeat(20_000) }).prompt).toHaveLength(20_000)
  })
})

describe("convenience inputs, in each model's own fields", () => {
  it('fills a list item where the model names it so (image_urls[0], [1]) and a field of another name', () => {
    expect(requestOf({ model: 'sora-2', prompt: 'x', 'image-url': IMG })).toMatchObject({ image_urls: [IMG] })
    expect(requestOf({ model: 'veo-3.1-fast', prompt: 'x', 'image-url': IMG, 'end-image-url': IMG2 })).toMatchObject({
      image_urls: [IMG, IMG2],
      generation_type: 'first-last-frame',
    })
    expect(requestOf({ model: 'veo-3.1-first-last-frame-to-video', 'image-url': IMG, 'end-image-url': IMG2 })).toMatchObject({
      first_image_url: IMG,
      last_image_url: IMG2,
    })
    expect(requestOf({ model: 'pixverse-c1-transition', prompt: 'x', 'image-url': IMG, 'end-image-url': IMG2 })).toMatchObject({
      image_url: IMG,
      image_tail_url: IMG2,
    })
    expect(
      requestOf({ model: 'seedance-2.0-reference-to-video', prompt: 'x', 'aspect-ratio': '9:16', 'audio-url': MP3, seed: '7' }),
    ).toEqual({
      model: 'seedance-2.0-reference-to-video',
      prompt: 'x',
      ratio: '9:16',
      audio_urls: [MP3],
      seed: 7,
    })
    expect(requestOf({ model: 'kling-video-create-voice', 'audio-url': MP3 })).toEqual({
      model: 'kling-video-create-voice',
      voice_url: MP3,
    })
    expect(requestOf({ model: 'sora-2-preview', prompt: 'x', 'aspect-ratio': '21:9' })).toMatchObject({ size: '21:9' })
    expect(requestOf({ model: 'grok-imagine-reference-to-video', prompt: 'x', 'image-list': `[${IMG}, ${IMG2}]` })).toMatchObject({
      reference_image_urls: [IMG, IMG2],
    })
  })

  it('refuses a last frame without a first, one list filled two ways, and a list item set again in parameters', () => {
    expect(problemsOf({ model: 'veo-3.1-fast', prompt: 'x', 'end-image-url': IMG2 })).toEqual([
      "Input 'end-image-url' fills image_urls[1], which needs 'image-url' (image_urls[0]) too",
    ])
    expect(problemsOf({ model: 'vidu-q3-pro', prompt: 'x', 'image-url': IMG, 'image-list': `[${IMG2}]` })).toEqual([
      "Input 'image-url' and 'image-list' both fill image_urls: use one",
    ])
    expect(problemsOf({ model: 'sora-2', prompt: 'x', 'image-url': IMG, parameters: { image_urls: [IMG2] } })).toEqual([
      "Input 'parameters' field 'image_urls' repeats input 'image-url': set it in one place",
    ])
    expect(problemsOf({ model: 'sora-2', prompt: 'x', 'image-url': 'ftp://x/y.png' })).toEqual([
      // A URL is not echoed (a signed URL carries a token).
      "Input 'image-url' must be an http(s) URL or the workspace path of an image (e.g. assets/product.png)",
    ])
  })

  it('refuses, by name, an input the model does not take (also where the page hides the field name)', () => {
    expect(problemsOf({ model: 'seedance-2.0-image-to-video', prompt: 'x', 'image-url': IMG })).toEqual([
      expect.stringMatching(/^Input 'image-url' is not taken by model seedance-2.0-image-to-video \(it takes prompt, .*'parameters'\)$/),
    ])
    expect(problemsOf({ model: 'kling-video-create-voice', prompt: 'x', 'audio-url': MP3 })).toEqual([
      "Input 'prompt' is not taken by model kling-video-create-voice (it takes audio-url, and 'parameters')",
    ])
    expect(problemsOf({ model: 'sora-2', prompt: 'x', seed: '1' })[0]).toMatch(/^Input 'seed' is not taken by model sora-2/)
  })

  it('names a required field that only parameters can fill, and a required media input', () => {
    expect(problemsOf({ model: 'sora-2-character', 'video-url': VID })).toEqual(["Input 'parameters' field 'name' is required"])
    expect(requestOf({ model: 'sora-2-character', 'video-url': VID, parameters: { name: 'Foxy' } })).toEqual({
      model: 'sora-2-character',
      video_url: VID,
      name: 'Foxy',
    })
    expect(problemsOf({ model: 'grok-imagine-image-to-video', prompt: 'x' })).toEqual([
      "Input 'image-url' must be an http(s) URL or the workspace path of an image (e.g. assets/product.png)",
    ])
    expect(problemsOf({ model: 'veo-3.1-reference-to-video', prompt: 'x' })).toEqual(["Input 'image-list' needs at least 1 image URL"])
    expect(problemsOf({ model: 'lipsync-2', 'video-url': VID })).toEqual([
      "Input 'audio-url' must be an http(s) URL or the workspace path of an audio file (e.g. assets/voice.mp3)",
    ])
  })
})

describe('partial pages pass their other fields through; full pages refuse them', () => {
  it('sends an unknown field of a partial page as given, and refuses one of a full page by name', () => {
    expect(requestOf({ model: 'sora-2', prompt: 'x', parameters: { delete_after_retrieval: true } })).toMatchObject({
      delete_after_retrieval: true,
    })
    expect(requestOf({ model: 'veo-3.1-fast', prompt: 'x', parameters: { advanced: { enhance_prompt: true } } })).toMatchObject({
      advanced: { enhance_prompt: true },
    })
    expect(problemsOf({ model: 'grok-imagine-image-to-video', prompt: 'x', 'image-url': IMG, parameters: { seed: 1 } })).toEqual([
      "Input 'parameters': model grok-imagine-image-to-video has no field 'seed' (its fields: prompt, image_url, duration, aspect_ratio, resolution)",
    ])
  })

  it('a partial page still checks what it shows', () => {
    expect(problemsOf({ model: 'sora-2', prompt: 'x', parameters: { character_ids: ['a', 'b', 'c'] } })).toEqual([
      "Input 'parameters' field 'character_ids' has too many items (at most 2)",
    ])
  })

  it('a page never read: sent as given, with a notice that says so', () => {
    const result = build({ model: 'seedance-2.0-fast-text-to-video', prompt: 'x', 'aspect-ratio': '9:16', seed: '3' })
    expect(result.request).toEqual({ model: 'seedance-2.0-fast-text-to-video', prompt: 'x', aspect_ratio: '9:16', seed: 3 })
    expect(result.notices).toEqual([
      expect.stringMatching(
        /^Model 'seedance-2.0-fast-text-to-video' is not one this action knows \(FoxAPI names it, but its page could not be read\)/,
      ),
    ])
    expect(expectedShapeOf(result.request)).toBeUndefined()
  })
})

describe('the named rules', () => {
  it.each<[string, RawRequestInputs, string]>([
    [
      'Veo: generation_type against the images',
      { model: 'veo-3.1-fast', prompt: 'x', 'image-url': IMG, 'end-image-url': IMG2, parameters: { generation_type: 'image-to-video' } },
      "Input 'image-url' holds 2 images, but generation_type image-to-video takes 1",
    ],
    [
      'Veo Lite: 8 s at 1080p',
      { model: 'veo-3.1-lite-first-last-frame-to-video', 'image-url': IMG, 'end-image-url': IMG2, duration: '4' },
      "Input 'duration' must be 8 seconds at 1080p for veo-3.1-lite-first-last-frame-to-video (got 4)",
    ],
    ['Vidu: text to video needs a prompt', { model: 'vidu-q3-turbo' }, "Input 'prompt' must not be empty (text-to-video needs a prompt)"],
    [
      'Vidu turbo: no reference mode',
      { model: 'vidu-q3-turbo', prompt: 'x', parameters: { generation_type: 'reference-to-video' } },
      "Input 'parameters' field 'generation_type' must be 'text-to-video', 'image-to-video' or 'first-last-frame' (got \"reference-to-video\")",
    ],
    [
      'Wan: video continuation needs a video',
      { model: 'wan-2.7-image-to-video', parameters: { generation_type: 'video-continuation' } },
      "Input 'video-url' must be an http(s) URL (video-continuation continues it)",
    ],
    [
      'Seedance: at most 12 files',
      {
        model: 'seedance-2.0-reference-to-video',
        prompt: 'x',
        'image-list': JSON.stringify(Array.from({ length: 9 }, () => IMG)),
        'video-list': JSON.stringify([VID, VID, VID]),
        'audio-url': MP3,
      },
      "Input 'image-list' with video_urls and audio_urls makes 13 files; FoxAPI takes at most 12 in all",
    ],
  ])('%s', (_name, raw, message) => {
    expect(problemsOf(raw)).toEqual([message])
  })

  it('Veo: the action sends the generation_type the image count means, and keeps one that is given', () => {
    expect(requestOf({ model: 'veo-3.1', prompt: 'x', 'image-url': IMG }).generation_type).toBe('image-to-video')
    expect(requestOf({ model: 'veo-3.1-fast', prompt: 'x', 'image-list': `[${IMG}, ${IMG}, ${IMG}]` }).generation_type).toBe(
      'reference-to-video',
    )
    expect(requestOf({ model: 'veo-3.1-fast', prompt: 'x' })).not.toHaveProperty('generation_type')
  })

  it('warns where only the provider says so: voice_ids without generated audio', () => {
    const result = build({ model: 'kling-v3-text-to-video', prompt: 'x', parameters: { voice_ids: ['v1'] } })
    expect(result.warnings).toEqual([expect.stringContaining('voice_ids are used only with generate_audio: true')])
  })
})

describe('the shape each request promises (verify)', () => {
  it.each<[string, RawRequestInputs, object]>([
    [
      'sora-2 with its defaults',
      { model: 'sora-2', prompt: 'x' },
      { aspectRatio: '16:9', durationS: 4, shortSide: 720, resolution: '720p' },
    ],
    [
      'sora-2-pro always has sound',
      { model: 'sora-2-pro', prompt: 'x', duration: '8' },
      { aspectRatio: '16:9', durationS: 8, shortSide: 720, resolution: '720p', audio: true },
    ],
    [
      'veo-3.1-fast with its defaults',
      { model: 'veo-3.1-fast', prompt: 'x' },
      { aspectRatio: '16:9', durationS: 8, shortSide: 1080, resolution: '1080p', audio: true },
    ],
    [
      'veo-3.1-fast without sound',
      { model: 'veo-3.1-fast', prompt: 'x', 'generate-audio': 'false', resolution: '4k' },
      { aspectRatio: '16:9', durationS: 8, shortSide: 2160, resolution: '4k' },
    ],
    [
      'seedance: adaptive ratio and -1 fix nothing',
      { model: 'seedance-2.0-reference-to-video', prompt: 'x', duration: '-1', 'generate-audio': 'false' },
      { shortSide: 720, resolution: '720p' },
    ],
    [
      'seedance: ratio as asked',
      { model: 'seedance-2.0-reference-to-video', prompt: 'x', 'aspect-ratio': '9:16' },
      { aspectRatio: '9:16', durationS: 5, shortSide: 720, resolution: '720p', audio: true },
    ],
    [
      'grok image to video: aspect auto',
      { model: 'grok-imagine-image-to-video', prompt: 'x', 'image-url': IMG },
      { durationS: 6, shortSide: 720, resolution: '720p' },
    ],
    ['grok edit: resolution auto', { model: 'grok-imagine-edit-video', prompt: 'x', 'video-url': VID }, {}],
    [
      'wan text to video',
      { model: 'wan-2.7-text-to-video', prompt: 'x', 'aspect-ratio': '1:1' },
      { aspectRatio: '1:1', durationS: 5, shortSide: 1080, resolution: '1080p' },
    ],
    ['lip-sync follows its inputs', { model: 'lipsync-2', 'video-url': VID, 'audio-url': MP3 }, {}],
    ['the voice maker makes no clip', { model: 'kling-video-create-voice', 'audio-url': MP3 }, {}],
    ['legacy size', { model: 'veo3.1-fast', prompt: 'x', 'aspect-ratio': '9:16', duration: '6' }, { aspectRatio: '9:16', durationS: 6 }],
  ])('%s', (_name, raw, shape) => {
    expect(expectedShapeOf(requestOf(raw))).toEqual(shape)
  })
})

describe('media fields: one helper declares them, the registry lists them', () => {
  it('lists where each model takes media, with its kind and input', () => {
    expect(mediaFieldsOf('kling-o3-ref')).toEqual([
      { path: 'image_list[].image_url', kind: 'image', input: 'image-list', inputs: ['image-list'], maxBytes: 10_000_000 },
      { path: 'video_list[].video_url', kind: 'video', input: 'video-list', inputs: ['video-list'], maxBytes: 200_000_000 },
    ])
    expect(mediaFieldsOf('kling-o3-reference-to-video').map((f) => [f.path, f.kind, f.input])).toEqual([
      ['start_image_url', 'image', 'image-url'],
      ['end_image_url', 'image', 'end-image-url'],
      ['image_urls[]', 'image', 'image-list'],
      ['elements[].frontal_image_url', 'image', 'parameters'],
      ['elements[].reference_image_urls[]', 'image', 'parameters'],
    ])
    expect(mediaFieldsOf('veo-3.1-fast')).toEqual([
      { path: 'image_urls[]', kind: 'image', input: 'image-list', inputs: ['image-url', 'end-image-url', 'image-list'] },
    ])
    expect(mediaFieldsOf('seedance-2.0-reference-to-video').map((f) => [f.path, f.kind, f.input])).toEqual([
      ['image_urls[]', 'image', 'image-list'],
      ['video_urls[]', 'video', 'video-list'],
      ['audio_urls[]', 'audio', 'audio-url'],
    ])
    expect(mediaFieldsOf('kling-video-create-voice')).toEqual([
      { path: 'voice_url', kind: 'audio', input: 'audio-url', inputs: ['audio-url'] },
    ])
    expect(mediaFieldsOf('a-model-nobody-knows').map((f) => f.path)).toEqual(['image_url', 'end_image_url', 'video_url', 'audio_url'])
  })

  it("lists every media field of every entry's data (nothing declared around the helper)", () => {
    for (const entry of FAMILIES.flatMap((f) => f.entries)) {
      const declared = Object.entries(entry.fields)
        .filter(([, spec]) => spec.type === 'media' || spec.type === 'media-list')
        .map(([name, spec]) => (spec.type === 'media-list' ? `${name}[]` : name))
      const listed = mediaFieldsOf(entry.name).map((f) => f.path)
      expect(listed, entry.name).toEqual(expect.arrayContaining(declared))
    }
  })

  it("finds a validated request's media values, each with its exact place and input", () => {
    const request = requestOf({
      prompt: 'x',
      'image-list': `[${IMG}, {url: ${IMG2}, type: end_frame}]`,
      'video-list': `[${VID}]`,
    })
    expect(mediaValuesOf(request)).toEqual([
      { path: ['image_list', 0, 'image_url'], kind: 'image', input: 'image-list', value: IMG, maxBytes: 10_000_000 },
      { path: ['image_list', 1, 'image_url'], kind: 'image', input: 'image-list', value: IMG2, maxBytes: 10_000_000 },
      { path: ['video_list', 0, 'video_url'], kind: 'video', input: 'video-list', value: VID, maxBytes: 200_000_000 },
    ])
    const veo = requestOf({ model: 'veo-3.1-fast', prompt: 'x', 'image-url': IMG, 'end-image-url': IMG2 })
    expect(mediaValuesOf(veo).map((v) => [v.path, v.input])).toEqual([
      [['image_urls', 0], 'image-url'],
      [['image_urls', 1], 'end-image-url'],
    ])
    const elements = requestOf({
      model: 'kling-o3-reference-to-video',
      prompt: 'x',
      parameters: { elements: [{ frontal_image_url: IMG, reference_image_urls: [IMG2] }] },
    })
    expect(mediaValuesOf(elements).map((v) => [v.path, v.input, v.value])).toEqual([
      [['elements', 0, 'frontal_image_url'], 'parameters', IMG],
      [['elements', 0, 'reference_image_urls', 0], 'parameters', IMG2],
    ])
  })
})
