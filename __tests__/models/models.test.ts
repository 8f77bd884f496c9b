// The model registry: each documented model's body from its inputs, the inputs it refuses, `parameters`,
// FoxAPI's documented rules (errors) and Kling-only limits (warnings), and unknown models sent as given.
import { describe, expect, it } from 'vitest'
import { MODELS, buildRequest, type RawRequestInputs } from '../../src/models'

function build(raw: RawRequestInputs) {
  const result = buildRequest(raw)
  if (!result.ok) throw new Error(`expected valid, got: ${result.problems.join('; ')}`)
  return result
}
function problemsOf(raw: RawRequestInputs): string[] {
  const result = buildRequest(raw)
  return result.ok ? [] : result.problems
}

const IMG = 'https://cdn.example.com/a.png'
const IMG2 = 'https://cdn.example.com/b.png'
const VID = 'https://cdn.example.com/v.mp4'

/** Per model: valid inputs and the body they make, and one input the model does not take. */
const HAPPY: [string, RawRequestInputs, Record<string, unknown>, string][] = [
  ['kling-o3-ref', { prompt: 'a fox' }, { prompt: 'a fox', mode: 'standard', aspect_ratio: '16:9', duration: 5 }, 'resolution'],
  [
    'kling-o3-reference-to-video',
    { prompt: 'a fox like @Image1', resolution: '1080p', 'generate-audio': 'true', 'image-url': IMG, 'end-image-url': IMG2, duration: '6' },
    { prompt: 'a fox like @Image1', resolution: '1080p', generate_audio: true, start_image_url: IMG, end_image_url: IMG2, duration: 6 },
    'video-url',
  ],
  [
    'kling-v3-text-to-video',
    { prompt: 'a fox', 'negative-prompt': 'blur', resolution: '720p', 'aspect-ratio': '9:16', duration: '10' },
    { prompt: 'a fox', negative_prompt: 'blur', resolution: '720p', aspect_ratio: '9:16', duration: 10 },
    'image-url',
  ],
  [
    'kling-v3-image-to-video',
    { prompt: 'the fox turns', 'image-url': IMG, 'end-image-url': IMG2, 'generate-audio': 'false' },
    { prompt: 'the fox turns', image_url: IMG, image_tail_url: IMG2, generate_audio: false },
    'aspect-ratio',
  ],
  ['kling-o3-image-to-video', { 'image-url': IMG, duration: '5' }, { image_url: IMG, duration: 5 }, 'negative-prompt'],
  [
    'kling-o3-video-to-video-edit',
    { prompt: 'make @Video1 snowy', 'video-url': VID, resolution: '4k' },
    { prompt: 'make @Video1 snowy', video_url: VID, resolution: '4k' },
    'duration',
  ],
  [
    'kling-v3-motion-control',
    { 'image-url': IMG, 'video-url': VID, mode: 'pro' },
    { image_url: IMG, video_url: VID, mode: 'pro' },
    'resolution',
  ],
  ['kling-v2-6-motion-control', { 'image-url': IMG, 'video-url': VID }, { image_url: IMG, video_url: VID }, 'generate-audio'],
]

describe('every documented model', () => {
  it('is in the registry', () => {
    expect([...MODELS.keys()]).toEqual(expect.arrayContaining(HAPPY.map(([name]) => name)))
  })

  it.each(HAPPY)('%s: builds its body from its inputs', (model, inputs, body) => {
    expect(build({ model, ...inputs }).request).toEqual({ model, ...body })
  })

  it.each(HAPPY)('%s: refuses an input it does not take, by name', (model, inputs, _body, refused) => {
    const problems = problemsOf({ model, ...inputs, [refused]: refused === 'generate-audio' ? 'true' : '5' })
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^Input '${refused}' is not taken by model ${model} \\(it takes .*'parameters'\\)$`)),
    ])
  })

  it('names required fields of each model', () => {
    expect(problemsOf({ model: 'kling-v3-image-to-video', prompt: 'x' })).toEqual([
      expect.stringMatching(/^Input 'image-url' must be an http\(s\) URL/),
    ])
    expect(problemsOf({ model: 'kling-v3-motion-control', 'image-url': IMG })).toEqual([expect.stringMatching(/^Input 'video-url'/)])
    expect(problemsOf({ model: 'kling-v3-text-to-video' })).toEqual([expect.stringMatching(/^Input 'prompt' must not be empty/)])
  })
})

describe('parameters', () => {
  it('merges fields without an input into the body, checked against the model', () => {
    const request = build({
      model: 'kling-o3-reference-to-video',
      prompt: 'x',
      parameters:
        'image_urls: [https://cdn.example.com/a.png]\nshot_type: customize\nelements:\n  - frontal_image_url: https://cdn.example.com/f.png\n',
    }).request
    expect(request).toMatchObject({
      image_urls: [IMG],
      shot_type: 'customize',
      elements: [{ frontal_image_url: 'https://cdn.example.com/f.png' }],
    })
    expect(
      build({ model: 'kling-v3-motion-control', 'image-url': IMG, 'video-url': VID, parameters: '{"keep_original_sound": true}' }).request,
    ).toMatchObject({ keep_original_sound: 'yes' })
  })

  it('names a bad or unknown parameter, and one set twice', () => {
    expect(problemsOf({ model: 'kling-v3-text-to-video', prompt: 'x', parameters: '{"voice_ids": "v1"}' })).toEqual([
      "Input 'parameters' field 'voice_ids' must be a JSON or YAML list of voice ids (got \"v1\")",
    ])
    expect(problemsOf({ prompt: 'x', parameters: '{"seed": 7}' })[0]).toMatch(
      /^Input 'parameters': model kling-o3-ref has no field 'seed' \(its fields: prompt, mode/,
    )
    expect(problemsOf({ prompt: 'x', duration: '5', parameters: '{"duration": 6}' })).toEqual([
      "Input 'parameters' field 'duration' repeats input 'duration': set it in one place",
    ])
    expect(problemsOf({ prompt: 'x', parameters: '[1, 2]' })[0]).toMatch(/^Input 'parameters' must be a JSON or YAML object/)
    expect(problemsOf({ prompt: 'x', parameters: '{"model": "kling-v3-text-to-video"}' })[0]).toMatch(/must not set model/)
  })

  it('goes into the request (so into the cache key)', () => {
    const plain = build({ prompt: 'x', 'video-list': `[${JSON.stringify({ video_url: VID })}]` }).request
    const withParameters = build({
      model: 'kling-o3-video-to-video-edit',
      prompt: 'x',
      'video-url': VID,
      parameters: { keep_audio: true },
    }).request
    expect(withParameters).toMatchObject({ keep_audio: true })
    expect(plain).not.toHaveProperty('keep_audio')
  })
})

describe('an unknown model', () => {
  it('is sent as given, with parameters, and one notice', () => {
    const result = build({
      model: 'seedance-2.0-text-to-video',
      prompt: ' a fox ',
      duration: '8',
      'generate-audio': 'true',
      parameters: 'seed: 42\ncamera_fixed: true',
    })
    expect(result.request).toEqual({
      model: 'seedance-2.0-text-to-video',
      prompt: 'a fox',
      duration: 8,
      generate_audio: true,
      seed: 42,
      camera_fixed: true,
    })
    expect(result.notices).toEqual([expect.stringContaining("Model 'seedance-2.0-text-to-video' is not one this action knows")])
  })
})

describe("FoxAPI's documented rules are errors", () => {
  it.each<[string, RawRequestInputs, RegExp]>([
    ['prompt over 2500', { prompt: 'x'.repeat(2501) }, /^Input 'prompt' is too long \(more than 2500/],
    [
      'refer_type',
      { prompt: 'x', 'video-list': `[{"video_url": "${VID}", "refer_type": "style"}]` },
      /refer_type must be 'feature' or 'base'/,
    ],
    [
      'keep_original_sound',
      { model: 'kling-v3-motion-control', 'image-url': IMG, 'video-url': VID, parameters: '{"keep_original_sound": "maybe"}' },
      /^Input 'parameters' field 'keep_original_sound' keep_original_sound must be 'yes' or 'no'/,
    ],
    [
      'segments add up',
      { model: 'kling-o3-image-to-video', 'image-url': IMG, duration: '10', 'multi-prompt': '[{"prompt":"a","duration":4}]' },
      /^Input 'multi-prompt' segment durations add up to 4s but duration is 10s/,
    ],
    [
      'prompt and multi-prompt together',
      { model: 'kling-o3-reference-to-video', prompt: 'x', duration: '5', 'multi-prompt': '[{"prompt":"a","duration":5}]' },
      /^Input 'multi-prompt' cannot be sent together with prompt for this model/,
    ],
    [
      'resolution values',
      { model: 'kling-v3-text-to-video', prompt: 'x', resolution: '8k' },
      /^Input 'resolution' must be '720p', '1080p' or '4k' \(got "8k"\)/,
    ],
    [
      'generate-audio',
      { model: 'kling-v3-text-to-video', prompt: 'x', 'generate-audio': 'yes' },
      /^Input 'generate-audio' must be true or false/,
    ],
  ])('%s', (_name, raw, pattern) => {
    const problems = problemsOf(raw)
    expect(
      problems.some((p) => pattern.test(p)),
      problems.join('\n'),
    ).toBe(true)
  })
})

describe("Kling's own limits are warnings", () => {
  it('warns about 7 shots, a long shot, too many images, a lone end frame and a long clip with a reference video', () => {
    const shots = Array.from({ length: 7 }, (_, i) => ({ prompt: i === 0 ? 'y'.repeat(600) : 'a', duration: 1 }))
    const result = build({ prompt: 'x', duration: '7', 'multi-prompt': JSON.stringify(shots) })
    expect(result.warnings.join('\n')).toMatch(/7 shots; Kling's specification allows at most 6/)
    expect(result.warnings.join('\n')).toMatch(/shot 1 has 600 characters/)
    const images = Array.from({ length: 5 }, () => IMG)
    const withVideo = build({ prompt: 'x', duration: '12', 'image-list': JSON.stringify(images), 'video-list': `["${VID}"]` })
    expect(withVideo.warnings.join('\n')).toMatch(/5 images and elements; Kling's specification allows at most 4 with a reference video/)
    expect(withVideo.warnings.join('\n')).toMatch(/duration is 12s; with a reference video .* 3 to 10 s/)
    const endOnly = build({ prompt: 'x', 'image-list': `[{"image_url": "${IMG}", "type": "end_frame"}]` })
    expect(endOnly.warnings).toEqual([expect.stringMatching(/^Input: image_list has an end_frame without a first_frame.*FoxAPI decides/)])
    expect(build({ prompt: 'x' }).warnings).toEqual([])
  })
})
