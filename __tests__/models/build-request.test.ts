import { describe, expect, it } from 'vitest'
import { MAX_PROMPT_CHARS, buildRequest, type RawRequestInputs } from '../../src/models'

function problemsOf(raw: RawRequestInputs, label?: string): string[] {
  const result = buildRequest(raw, label)
  return result.ok ? [] : result.problems
}

function requestOf(raw: RawRequestInputs) {
  const result = buildRequest(raw)
  if (!result.ok) throw new Error(`expected valid, got: ${result.problems.join('; ')}`)
  return result.request
}

describe('request schema: valid requests', () => {
  it('fills the defaults of the seed model', () => {
    expect(requestOf({ prompt: '  a fox running  ' })).toEqual({
      model: 'kling-o3-ref',
      prompt: 'a fox running',
      mode: 'standard',
      aspect_ratio: '16:9',
      duration: 5,
    })
  })

  it('takes every field, from action-input text (JSON and YAML)', () => {
    const request = requestOf({
      model: 'kling-o3-ref',
      prompt: 'start on <<<image_1>>>, end on <<<image_2>>>, move like <<<video_1>>>',
      mode: 'pro',
      'aspect-ratio': '9:16',
      duration: '10',
      'image-list': '["https://cdn.example.com/a.png", {"image_url": "https://cdn.example.com/b.png", "type": "end_frame"}]',
      'video-list': '- video_url: https://cdn.example.com/ref.mp4\n  refer_type: feature\n  keep_original_sound: no\n',
      'multi-prompt': '[{"prompt": "wide shot", "duration": 4}, {"prompt": "close up", "duration": 6}]',
    })
    expect(request).toEqual({
      model: 'kling-o3-ref',
      prompt: 'start on <<<image_1>>>, end on <<<image_2>>>, move like <<<video_1>>>',
      mode: 'pro',
      aspect_ratio: '9:16',
      duration: 10,
      image_list: [{ image_url: 'https://cdn.example.com/a.png' }, { image_url: 'https://cdn.example.com/b.png', type: 'end_frame' }],
      video_list: [{ video_url: 'https://cdn.example.com/ref.mp4', refer_type: 'feature', keep_original_sound: 'no' }],
      multi_prompt: [
        { prompt: 'wide shot', duration: 4 },
        { prompt: 'close up', duration: 6 },
      ],
    })
  })

  it('accepts structured values (batch files) and url shorthands', () => {
    const request = requestOf({
      prompt: 'x <<<image_1>>>',
      duration: 3,
      'image-list': [{ url: 'http://example.com/a.png', type: 'first_frame' }],
      'video-list': [{ url: 'https://example.com/v.mp4', keep_original_sound: true }],
    })
    expect(request.image_list).toEqual([{ image_url: 'http://example.com/a.png', type: 'first_frame' }])
    expect(request.video_list).toEqual([{ video_url: 'https://example.com/v.mp4', keep_original_sound: 'yes' }])
    expect(request.duration).toBe(3)
  })

  it('accepts the duration bounds 3 and 15', () => {
    expect(requestOf({ prompt: 'x', duration: '3' }).duration).toBe(3)
    expect(requestOf({ prompt: 'x', duration: '15' }).duration).toBe(15)
  })

  it('leaves duration to a base reference video unless one is asked for', () => {
    const video = '[{"video_url": "https://example.com/v.mp4", "refer_type": "base"}]'
    expect(requestOf({ prompt: 'x', 'video-list': video }).duration).toBeUndefined()
    expect(requestOf({ prompt: 'x', 'video-list': video, duration: '7' }).duration).toBe(7)
  })

  it('treats empty inputs as not given', () => {
    expect(requestOf({ prompt: 'x', mode: '', 'aspect-ratio': ' ', 'image-list': '', duration: '' })).toEqual(requestOf({ prompt: 'x' }))
  })

  it('checks multi_prompt against the default duration of 5', () => {
    expect(
      requestOf({ prompt: 'x', 'multi-prompt': '[{"prompt":"a","duration":2},{"prompt":"b","duration":3}]' }).multi_prompt,
    ).toHaveLength(2)
  })
})

describe('request schema: each rule names its input', () => {
  const cases: [string, RawRequestInputs, RegExp][] = [
    ['missing prompt', {}, /^Input 'prompt' must not be empty/],
    ['blank prompt', { prompt: '   ' }, /^Input 'prompt' must not be empty/],
    ['huge prompt', { prompt: 'x'.repeat(MAX_PROMPT_CHARS + 1) }, /^Input 'prompt' is too long/],
    ['mode enum', { prompt: 'x', mode: 'fast' }, /^Input 'mode' must be 'standard' or 'pro' \(got "fast"\)/],
    ['aspect enum', { prompt: 'x', 'aspect-ratio': '4:3' }, /^Input 'aspect-ratio' must be '16:9', '9:16' or '1:1' \(got "4:3"\)/],
    ['duration too short', { prompt: 'x', duration: '2' }, /^Input 'duration' must be a whole number of seconds from 3 to 15 \(got 2\)/],
    ['duration too long', { prompt: 'x', duration: '16' }, /^Input 'duration' must be a whole number/],
    ['duration fraction', { prompt: 'x', duration: '4.5' }, /^Input 'duration' must be a whole number/],
    ['duration text', { prompt: 'x', duration: 'five' }, /^Input 'duration' must be a whole number/],
    ['model name', { prompt: 'x', model: 'kling o3' }, /^Input 'model' must be a model name/],
    ['image-list malformed', { prompt: 'x', 'image-list': '[oops' }, /^Input 'image-list' is not valid JSON or YAML/],
    [
      'image-list not a list',
      { prompt: 'x', 'image-list': '{"image_url": "https://a/b.png"}' },
      /^Input 'image-list' must be a JSON or YAML list of images/,
    ],
    [
      'image url scheme',
      { prompt: 'x', 'image-list': '["ftp://a/b.png"]' },
      /^Input 'image-list' item 1, field 'image_url' must be an http\(s\) URL/,
    ],
    [
      'image type enum',
      { prompt: 'x', 'image-list': '[{"image_url":"https://a/b.png","type":"middle"}]' },
      /^Input 'image-list' item 1, field 'type' type must be 'first_frame', 'end_frame' or empty/,
    ],
    [
      'image item neither URL nor object',
      { prompt: 'x', 'image-list': '[[1]]' },
      /^Input 'image-list' item 1 must be a URL or \{image_url, type\}/,
    ],
    [
      'image unknown field',
      { prompt: 'x', 'image-list': '[{"image_url":"https://a/b.png","weight":2}]' },
      /^Input 'image-list' item 1: unknown field 'weight'/,
    ],
    [
      'two videos',
      { prompt: 'x', 'video-list': '[{"video_url":"https://a/1.mp4"},{"video_url":"https://a/2.mp4"}]' },
      /^Input 'video-list' may hold at most 1 reference video/,
    ],
    ['video needs url', { prompt: 'x', 'video-list': '[{"refer_type":"feature"}]' }, /^Input 'video-list' item 1 needs video_url/],
    [
      'video url scheme',
      { prompt: 'x', 'video-list': '[{"video_url":"file:///etc/passwd"}]' },
      /^Input 'video-list' item 1, field 'video_url' must be an http\(s\) URL/,
    ],
    [
      'keep_original_sound enum',
      { prompt: 'x', 'video-list': '[{"video_url":"https://a/1.mp4","keep_original_sound":"maybe"}]' },
      /keep_original_sound must be 'yes' or 'no'/,
    ],
    [
      'image reference beyond list',
      { prompt: 'see <<<image_2>>>', 'image-list': '["https://a/1.png"]' },
      /^Input 'prompt' refers to <<<image_2>>> but image-list has 1 item/,
    ],
    ['image reference without list', { prompt: 'see <<<image_1>>>' }, /^Input 'prompt' refers to <<<image_1>>> but image-list is empty/],
    [
      'image_0 reference',
      { prompt: 'see <<<image_0>>>', 'image-list': '["https://a/1.png"]' },
      /refers to <<<image_0>>>.*numbering starts at 1/,
    ],
    ['video reference without video', { prompt: 'like <<<video_1>>>' }, /^Input 'prompt' refers to <<<video_1>>> but video-list is empty/],
    [
      'video_2 reference',
      { prompt: 'like <<<video_2>>>', 'video-list': '["https://a/1.mp4"]' },
      /^Input 'prompt' refers to <<<video_2>>> but video-list has 1 item/,
    ],
    [
      'video item neither URL nor object',
      { prompt: 'x', 'video-list': '[42]' },
      /^Input 'video-list' item 1 must be a URL or \{video_url, refer_type, keep_original_sound\}/,
    ],
    [
      'segment reference',
      { prompt: 'x', 'multi-prompt': '[{"prompt":"<<<image_1>>>","duration":5}]' },
      /^Input 'multi-prompt' item 1, field 'prompt' refers to <<<image_1>>>/,
    ],
    [
      'segments sum',
      { prompt: 'x', duration: '10', 'multi-prompt': '[{"prompt":"a","duration":4},{"prompt":"b","duration":4}]' },
      /^Input 'multi-prompt' segment durations add up to 8s but duration is 10s/,
    ],
    [
      'segment unknown field',
      { prompt: 'x', 'multi-prompt': '[{"prompt":"a","duration":5,"camera":"pan"}]' },
      /^Input 'multi-prompt' item 1: unknown field 'camera'/,
    ],
    [
      'segment duration type',
      { prompt: 'x', 'multi-prompt': '[{"prompt":"a","duration":"long"}]' },
      /^Input 'multi-prompt' item 1, field 'duration' must be a whole number/,
    ],
    [
      'duplicate YAML keys',
      { prompt: 'x', 'multi-prompt': '- prompt: a\n  prompt: b\n  duration: 5' },
      /^Input 'multi-prompt' is not valid JSON or YAML/,
    ],
  ]
  it.each(cases)('%s', (_name, raw, pattern) => {
    const problems = problemsOf(raw)
    expect(
      problems.some((p) => pattern.test(p)),
      problems.join('\n'),
    ).toBe(true)
  })

  it('reports every problem, one message each', () => {
    const problems = problemsOf({ prompt: '', mode: 'fast', 'aspect-ratio': '2:1', duration: '99' })
    expect(problems).toHaveLength(4)
    expect(problems.map((p) => /'([^']+)'/.exec(p)?.[1])).toEqual(['prompt', 'mode', 'aspect-ratio', 'duration'])
  })

  it('names unknown fields and hints at the input name', () => {
    expect(problemsOf({ prompt: 'x', aspect_ratio: '1:1' } as RawRequestInputs)).toEqual([
      "Input: unknown field 'aspect_ratio' (did you mean 'aspect-ratio'?)",
    ])
  })

  it('uses the given label (batch entries)', () => {
    expect(problemsOf({ prompt: 'x', duration: 1 }, 'batch item 3')[0]).toMatch(/^batch item 3 'duration' must be/)
  })
})
