// What the simulated FoxAPI knows of each video model (../shared/foxapi-catalog.md): the fields its page
// documents and what each may hold, the required ones, the prompt cap, whether fields the page does not show
// are taken (a page read in part), the documented cross-field rules, the defaults that decide the clip it
// serves, and what a model that makes no video answers. Written from the catalog apart from the action's
// registry (src/models/families/), on purpose: the simulator is the other side of the contract, and
// __tests__/simulator-model-rules.test.ts holds the two writings against each other.

/** What one field may hold. */
export type FieldRule =
  | 'prompt'
  | 'text'
  | 'url'
  | 'bool'
  | 'object'
  | 'strings'
  | 'elements'
  | 'segments'
  | readonly string[]
  /** Whole seconds: one of `in`, or `from`–`to` (neither: any whole number above 0), or `auto` (the model decides). */
  | { seconds: { in?: readonly number[]; from?: number; to?: number; auto?: number } }
  | { int: { from?: number; to?: number } }
  | { num: { from?: number; to?: number } }
  /** A list of URLs, `min` to `max` of them. */
  | { urls: { min?: number; max: number } }

/** A shape field: the request field that fixes it and the model's default. */
export interface ShapeField {
  field: string
  default?: string | number | boolean
}

export interface ModelRules {
  fields: Readonly<Record<string, FieldRule>>
  required: readonly string[]
  /** The prompt's cap in characters, where the page states one. */
  promptCap?: number
  /** The page was read in part: fields it does not show are taken as sent. */
  open?: boolean
  shape: { duration?: ShapeField; aspect?: ShapeField; resolution?: ShapeField; audio?: ShapeField | 'always' }
  /** A model that makes no video: what its result item carries. */
  makes?: 'voice_id' | 'character_id'
  /** Documented rules across fields: the first broken one, in words. */
  check?: (r: Record<string, unknown>) => string | undefined
}

const count = (v: unknown) => (Array.isArray(v) ? v.length : 0)
const K_ASPECTS = ['16:9', '9:16', '1:1']
const K_RES = ['720p', '1080p', '4k']
const sumOf = (v: unknown): number =>
  Array.isArray(v) ? (v as { duration?: unknown }[]).reduce((s, x) => s + (typeof x?.duration === 'number' ? x.duration : 0), 0) : 0

/** Kling: segments add up to duration (when sent), and where the page says so, prompt and multi_prompt are not both sent. */
const klingSegments =
  (exclusive: boolean) =>
  (r: Record<string, unknown>): string | undefined => {
    if (count(r.multi_prompt) === 0) return undefined
    if (exclusive && r.prompt !== undefined) return 'prompt and multi_prompt cannot be used together'
    const total = sumOf(r.multi_prompt)
    return r.duration !== undefined && total !== r.duration
      ? `multi_prompt durations add up to ${total}, not duration ${JSON.stringify(r.duration)}`
      : undefined
  }

const MOTION: ModelRules = {
  fields: {
    image_url: 'url',
    video_url: 'url',
    mode: ['standard', 'pro'],
    prompt: 'prompt',
    character_orientation: ['image', 'video'],
    keep_original_sound: ['yes', 'no'],
  },
  required: ['image_url', 'video_url'],
  promptCap: 2500,
  shape: {},
}

const KLING: Record<string, ModelRules> = {
  // Validated by foxapi-simulator.ts itself (the seed model); listed here for its shape.
  'kling-o3-ref': {
    fields: { prompt: 'prompt', mode: ['standard', 'pro'], aspect_ratio: K_ASPECTS, duration: { seconds: { from: 3, to: 15 } } },
    required: ['prompt'],
    promptCap: 2500,
    shape: { duration: { field: 'duration', default: 5 }, aspect: { field: 'aspect_ratio', default: '16:9' } },
  },
  'kling-o3-reference-to-video': {
    fields: {
      prompt: 'prompt',
      resolution: K_RES,
      generate_audio: 'bool',
      start_image_url: 'url',
      end_image_url: 'url',
      image_urls: { urls: { max: 20 } },
      elements: 'elements',
      aspect_ratio: K_ASPECTS,
      duration: { seconds: { from: 3, to: 15 } },
      shot_type: ['customize'],
      multi_prompt: 'segments',
    },
    required: [],
    promptCap: 2500,
    shape: {
      duration: { field: 'duration', default: 5 },
      aspect: { field: 'aspect_ratio' },
      resolution: { field: 'resolution', default: '720p' },
      audio: { field: 'generate_audio', default: false },
    },
    check: klingSegments(true),
  },
  'kling-o3-image-to-video': {
    fields: {
      image_url: 'url',
      end_image_url: 'url',
      prompt: 'prompt',
      resolution: K_RES,
      generate_audio: 'bool',
      duration: { seconds: {} },
      multi_prompt: 'segments',
    },
    required: ['image_url'],
    promptCap: 2500,
    shape: {
      duration: { field: 'duration' },
      resolution: { field: 'resolution', default: '720p' },
      audio: { field: 'generate_audio', default: false },
    },
    check: klingSegments(true),
  },
  'kling-o3-video-to-video-edit': {
    fields: { prompt: 'prompt', video_url: 'url', resolution: K_RES, keep_audio: 'bool', elements: 'elements' },
    required: ['prompt', 'video_url'],
    promptCap: 2500,
    shape: { resolution: { field: 'resolution' } },
  },
  'kling-v3-text-to-video': {
    fields: {
      prompt: 'prompt',
      negative_prompt: 'text',
      resolution: K_RES,
      generate_audio: 'bool',
      aspect_ratio: K_ASPECTS,
      duration: { seconds: { in: [5, 10] } },
      voice_ids: 'strings',
      multi_prompt: 'segments',
    },
    required: ['prompt'],
    promptCap: 2500,
    shape: {
      duration: { field: 'duration', default: 5 },
      aspect: { field: 'aspect_ratio', default: '16:9' },
      resolution: { field: 'resolution', default: '720p' },
      audio: { field: 'generate_audio', default: false },
    },
    check: klingSegments(false),
  },
  'kling-v3-image-to-video': {
    fields: {
      prompt: 'prompt',
      image_url: 'url',
      image_tail_url: 'url',
      resolution: K_RES,
      generate_audio: 'bool',
      duration: { seconds: {} },
    },
    required: ['prompt', 'image_url'],
    promptCap: 2500,
    shape: { duration: { field: 'duration' }, resolution: { field: 'resolution', default: '720p' }, audio: { field: 'generate_audio' } },
  },
  'kling-v3-motion-control': MOTION,
  'kling-v2-6-motion-control': MOTION,
  'kling-video-create-voice': { fields: { voice_url: 'url' }, required: ['voice_url'], shape: {}, makes: 'voice_id' },
}

const SIZES = ['auto', '1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9']
const LEGACY: ModelRules = {
  fields: { prompt: 'prompt', image_url: 'url', duration: { seconds: {} }, size: SIZES, model_params: 'object', callback_url: 'url' },
  required: [],
  promptCap: 2000,
  open: true,
  shape: { duration: { field: 'duration' }, aspect: { field: 'size', default: 'auto' } },
}
const sora = (audio: boolean): ModelRules => ({
  fields: {
    prompt: 'prompt',
    image_urls: { urls: { min: 1, max: 1 } },
    aspect_ratio: ['16:9', '9:16'],
    duration: { seconds: { in: [4, 8, 12, 16, 20] } },
    resolution: ['720p', '1080p'],
    character_ids: 'strings',
  },
  required: ['prompt'],
  promptCap: 5000,
  open: true,
  shape: {
    duration: { field: 'duration', default: 4 },
    aspect: { field: 'aspect_ratio', default: '16:9' },
    resolution: { field: 'resolution', default: '720p' },
    ...(audio ? { audio: 'always' as const } : {}),
  },
})
const SORA: Record<string, ModelRules> = {
  'sora-2': sora(false),
  'sora-2-pro': sora(true),
  'sora-2-character': {
    fields: { video_url: 'url', name: 'text' },
    required: ['video_url', 'name'],
    shape: {},
    makes: 'character_id',
    check: (r) => (typeof r.name === 'string' && r.name.length >= 1 && r.name.length <= 80 ? undefined : 'name must be 1 to 80 characters'),
  },
  'sora-2-preview': LEGACY,
}

export const VEO_ASPECT: ShapeField = { field: 'aspect_ratio', default: '16:9' }
const veoShape = (resolution?: string, duration?: number, audio?: boolean): ModelRules['shape'] => ({
  aspect: VEO_ASPECT,
  duration: { field: 'duration', ...(duration !== undefined ? { default: duration } : {}) },
  resolution: { field: 'resolution', ...(resolution !== undefined ? { default: resolution } : {}) },
  audio: { field: 'generate_audio', ...(audio !== undefined ? { default: audio } : {}) },
})
const IMAGES_FOR: Record<string, [number, number]> = {
  'text-to-video': [0, 0],
  'image-to-video': [1, 1],
  'first-last-frame': [2, 2],
  'reference-to-video': [1, 3],
}
const imagesFor = (type: unknown, images: number, range = IMAGES_FOR[String(type)]): string | undefined =>
  range && (images < range[0] || images > range[1])
    ? `generation_type ${String(type)} takes ${range.join(' to ')} images, not ${images}`
    : undefined
const veoFast: ModelRules = {
  fields: {
    prompt: 'prompt',
    generation_type: Object.keys(IMAGES_FOR),
    image_urls: { urls: { max: 3 } },
    aspect_ratio: ['16:9', '9:16'],
    duration: { seconds: { in: [4, 6, 8] } },
    resolution: ['720p', '1080p', '4k', '2160p'],
    generate_audio: 'bool',
  },
  required: ['prompt'],
  open: true,
  shape: veoShape('1080p', 8, true),
  check: (r) => imagesFor(r.generation_type ?? 'text-to-video', count(r.image_urls)),
}
const veoI2v = (resolution: FieldRule): ModelRules => ({
  fields: {
    prompt: 'prompt',
    image_url: 'url',
    aspect_ratio: ['16:9', '9:16'],
    duration: { seconds: { in: [4, 6, 8] } },
    resolution,
    generate_audio: 'bool',
  },
  required: ['prompt', 'image_url'],
  open: true,
  shape: veoShape(undefined, 8),
})
const veoRef: ModelRules = {
  fields: {
    prompt: 'prompt',
    reference_image_urls: { urls: { min: 1, max: 3 } },
    aspect_ratio: ['16:9', '9:16'],
    duration: { seconds: { in: [8] } },
    resolution: K_RES,
    generate_audio: 'bool',
  },
  required: ['prompt', 'reference_image_urls'],
  open: true,
  shape: veoShape('1080p', 8),
}
const veoFirstLast = (resolutions: string[], lite: boolean): ModelRules => ({
  fields: {
    prompt: 'prompt',
    first_image_url: 'url',
    last_image_url: 'url',
    aspect_ratio: ['16:9', '9:16'],
    duration: { seconds: { in: [4, 6, 8] } },
    resolution: resolutions,
    generate_audio: 'bool',
  },
  required: [],
  open: true,
  shape: veoShape('1080p'),
  ...(lite
    ? {
        check: (r) =>
          (r.resolution ?? '1080p') === '1080p' && r.duration !== undefined && r.duration !== 8 ? 'duration must be 8 at 1080p' : undefined,
      }
    : {}),
})
const veoExtend: ModelRules = {
  fields: { prompt: 'prompt', video_url: 'url', aspect_ratio: ['16:9', '9:16'], generate_audio: 'bool' },
  required: ['prompt', 'video_url'],
  open: true,
  // The clip is the input plus 7 s, in the input's picture.
  shape: {},
}
const VEO: Record<string, ModelRules> = {
  'veo-3.1-fast': veoFast,
  'veo-3.1': veoFast,
  'veo-3.1-image-to-video': veoI2v('text'),
  'veo-3.1-fast-image-to-video': veoI2v('text'),
  'veo-3.1-lite-image-to-video': veoI2v(['720p', '1080p']),
  'veo-3.1-reference-to-video': veoRef,
  'veo-3.1-fast-reference-to-video': veoRef,
  'veo-3.1-first-last-frame-to-video': veoFirstLast(K_RES, false),
  'veo-3.1-fast-first-last-frame-to-video': veoFirstLast(K_RES, false),
  'veo-3.1-lite-first-last-frame-to-video': veoFirstLast(['720p', '1080p'], true),
  'veo-3.1-extend': veoExtend,
  'veo-3.1-extend-fast': veoExtend,
  'veo3.1-fast': LEGACY,
}

const SEEDANCE_RATIOS = ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9', 'adaptive']
const seedanceShape = (ratio: boolean): ModelRules['shape'] => ({
  duration: { field: 'duration', default: 5 },
  ...(ratio ? { aspect: { field: 'ratio', default: 'adaptive' } } : {}),
  resolution: { field: 'resolution', default: '720p' },
  audio: { field: 'generate_audio', default: true },
})
const SEEDANCE_SECONDS: FieldRule = { seconds: { from: 4, to: 15, auto: -1 } }
const seedanceRef = (resolutions: string[]): ModelRules => ({
  fields: {
    prompt: 'prompt',
    resolution: resolutions,
    ratio: SEEDANCE_RATIOS,
    duration: SEEDANCE_SECONDS,
    generate_audio: 'bool',
    seed: { int: { from: -1 } },
    image_urls: { urls: { max: 9 } },
    video_urls: { urls: { max: 3 } },
    audio_urls: { urls: { max: 3 } },
  },
  required: ['prompt'],
  promptCap: 5000,
  open: true,
  shape: seedanceShape(true),
  check: (r) => (count(r.image_urls) + count(r.video_urls) + count(r.audio_urls) > 12 ? 'at most 12 files in all' : undefined),
})
const seedanceI2v = (resolutions: string[]): ModelRules => ({
  fields: {
    prompt: 'prompt',
    resolution: resolutions,
    duration: SEEDANCE_SECONDS,
    generate_audio: 'bool',
    seed: { int: { from: -1 } },
  },
  required: ['prompt'],
  promptCap: 5000,
  open: true,
  shape: seedanceShape(false),
})
/** Named on the ZH page, never read: taken as sent. */
const UNREAD: ModelRules = { fields: {}, required: [], open: true, shape: {} }
const SEEDANCE: Record<string, ModelRules> = {
  'seedance-2.0-reference-to-video': seedanceRef(['480p', '720p', '1080p']),
  'seedance-2.0-fast-reference-to-video': seedanceRef(['480p', '720p']),
  // 1080p: the ZH reference page's note, for the standard models (text, image and reference to video).
  'seedance-2.0-image-to-video': seedanceI2v(['480p', '720p', '1080p']),
  'seedance-2.0-fast-image-to-video': seedanceI2v(['480p', '720p']),
  'seedance-2.0-text-to-video': UNREAD,
  'seedance-2.0-fast-text-to-video': UNREAD,
}

const WAN: Record<string, ModelRules> = {
  'wan-2.7-text-to-video': {
    fields: {
      prompt: 'prompt',
      aspect_ratio: ['16:9', '9:16', '1:1', '4:3', '3:4'],
      duration: { seconds: { from: 2, to: 15 } },
      resolution: ['720p', '1080p'],
      audio_url: 'url',
    },
    required: ['prompt'],
    promptCap: 5000,
    open: true,
    shape: {
      duration: { field: 'duration', default: 5 },
      aspect: { field: 'aspect_ratio', default: '16:9' },
      resolution: { field: 'resolution', default: '1080p' },
    },
  },
  'wan-2.7-image-to-video': {
    fields: {
      generation_type: ['image-to-video', 'first-last-frame', 'video-continuation'],
      image_urls: { urls: { max: 2 } },
      video_url: 'url',
      prompt: 'prompt',
      duration: { seconds: {} },
      resolution: 'text',
    },
    required: [],
    open: true,
    shape: { duration: { field: 'duration' }, resolution: { field: 'resolution' } },
    check: (r) =>
      r.generation_type === 'video-continuation'
        ? r.video_url === undefined
          ? 'video-continuation needs video_url'
          : undefined
        : r.generation_type === undefined
          ? undefined
          : imagesFor(r.generation_type, count(r.image_urls)),
  },
  'wan-2.7-reference-to-video': {
    fields: {
      prompt: 'prompt',
      reference_image_urls: { urls: { max: 20 } },
      reference_video_urls: { urls: { max: 20 } },
      duration: { seconds: {} },
      resolution: 'text',
      aspect_ratio: 'text',
    },
    required: ['prompt'],
    promptCap: 5000,
    open: true,
    shape: { duration: { field: 'duration', default: 5 }, aspect: { field: 'aspect_ratio' }, resolution: { field: 'resolution' } },
  },
}

const HH_ASPECTS = ['16:9', '9:16', '1:1', '4:3', '3:4']
const HH_SEED: FieldRule = { int: { from: 0, to: 2147483647 } }
const HAPPYHORSE: Record<string, ModelRules> = {
  'happyhorse-1.0-text-to-video': {
    fields: {
      prompt: 'prompt',
      aspect_ratio: HH_ASPECTS,
      duration: { seconds: { from: 3, to: 15 } },
      resolution: ['720p', '1080p'],
      seed: HH_SEED,
      enable_safety_checker: 'bool',
    },
    required: ['prompt'],
    promptCap: 2500,
    open: true,
    shape: {
      duration: { field: 'duration', default: 5 },
      aspect: { field: 'aspect_ratio', default: '16:9' },
      resolution: { field: 'resolution', default: '1080p' },
    },
  },
  'happyhorse-1.0-image-to-video': {
    fields: { image_url: 'url', prompt: 'prompt', duration: { seconds: { from: 3, to: 15 } }, resolution: ['720p', '1080p'] },
    required: ['image_url'],
    promptCap: 2500,
    open: true,
    shape: { duration: { field: 'duration', default: 5 }, resolution: { field: 'resolution', default: '1080p' } },
  },
  'happyhorse-1.0-reference-to-video': {
    fields: {
      prompt: 'prompt',
      aspect_ratio: HH_ASPECTS,
      duration: { seconds: { from: 3, to: 15 } },
      resolution: ['720p', '1080p'],
      seed: HH_SEED,
      enable_safety_checker: 'bool',
    },
    required: [],
    promptCap: 2500,
    open: true,
    shape: { duration: { field: 'duration' }, aspect: { field: 'aspect_ratio' }, resolution: { field: 'resolution' } },
  },
  'happyhorse-1.0-video-edit': {
    fields: { video_url: 'url', prompt: 'prompt', reference_image_urls: { urls: { max: 5 } }, resolution: 'text' },
    required: ['video_url', 'prompt'],
    promptCap: 2500,
    open: true,
    shape: { resolution: { field: 'resolution' } },
  },
}

const GROK_ASPECTS = ['16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16']
const GROK: Record<string, ModelRules> = {
  'grok-imagine-text-to-video': {
    fields: { prompt: 'prompt', duration: { seconds: { from: 1, to: 15 } }, aspect_ratio: GROK_ASPECTS, resolution: ['480p', '720p'] },
    required: ['prompt'],
    open: true,
    shape: {
      duration: { field: 'duration', default: 6 },
      aspect: { field: 'aspect_ratio', default: '16:9' },
      resolution: { field: 'resolution', default: '720p' },
    },
  },
  'grok-imagine-image-to-video': {
    fields: {
      prompt: 'prompt',
      image_url: 'url',
      duration: { seconds: { from: 1, to: 15 } },
      aspect_ratio: ['auto', ...GROK_ASPECTS],
      resolution: ['480p', '720p'],
    },
    required: ['prompt', 'image_url'],
    shape: {
      duration: { field: 'duration', default: 6 },
      aspect: { field: 'aspect_ratio', default: 'auto' },
      resolution: { field: 'resolution', default: '720p' },
    },
  },
  'grok-imagine-reference-to-video': {
    fields: {
      prompt: 'prompt',
      reference_image_urls: { urls: { min: 1, max: 7 } },
      duration: { seconds: { from: 1, to: 10 } },
      aspect_ratio: 'text',
      resolution: 'text',
    },
    required: ['prompt', 'reference_image_urls'],
    promptCap: 4096,
    open: true,
    shape: { duration: { field: 'duration' }, aspect: { field: 'aspect_ratio' }, resolution: { field: 'resolution' } },
  },
  'grok-imagine-edit-video': {
    fields: { prompt: 'prompt', video_url: 'url', resolution: ['auto', '480p', '720p'] },
    required: ['prompt', 'video_url'],
    promptCap: 4096,
    open: true,
    shape: { resolution: { field: 'resolution', default: 'auto' } },
  },
  'grok-imagine-video-extension': {
    fields: { prompt: 'prompt', video_url: 'url', duration: { seconds: { from: 2, to: 10 } } },
    required: ['prompt', 'video_url'],
    promptCap: 4096,
    shape: {},
  },
}

const vidu = (reference: boolean): ModelRules => ({
  fields: {
    generation_type: reference ? Object.keys(IMAGES_FOR) : ['text-to-video', 'image-to-video', 'first-last-frame'],
    prompt: 'prompt',
    image_urls: { urls: { max: reference ? 4 : 2 } },
    duration: { seconds: {} },
    aspect_ratio: 'text',
    resolution: ['360p', '540p', '720p', '1080p'],
    generate_audio: 'bool',
  },
  required: [],
  promptCap: 2000,
  open: true,
  shape: {
    duration: { field: 'duration' },
    aspect: { field: 'aspect_ratio' },
    resolution: { field: 'resolution' },
    audio: { field: 'generate_audio' },
  },
  check: (r) => {
    const images = count(r.image_urls)
    const type = r.generation_type ?? ['text-to-video', 'image-to-video', 'first-last-frame'][images] ?? 'reference-to-video'
    if ((type === 'text-to-video' || type === 'reference-to-video') && r.prompt === undefined)
      return `prompt is required for ${String(type)}`
    return imagesFor(type, images, type === 'reference-to-video' ? [1, 4] : undefined)
  },
})
const VIDU: Record<string, ModelRules> = { 'vidu-q3-pro': vidu(true), 'vidu-q3-turbo': vidu(false) }

const lipsync = (advanced: boolean): ModelRules => ({
  fields: {
    video_url: 'url',
    audio_url: 'url',
    sync_mode: ['bounce', 'loop', 'cut_off', 'silence', 'remap'],
    ...(advanced ? { temperature: { num: { from: 0, to: 1 } }, active_speaker: 'bool' as const } : {}),
  },
  required: ['video_url', 'audio_url'],
  shape: {},
})
const portrait = (extra: Record<string, FieldRule>): ModelRules => ({
  fields: { image_url: 'url', audio_url: 'url', prompt: 'prompt', ...extra },
  required: ['image_url', 'audio_url'],
  open: true,
  shape: {},
})
const AVATARS: Record<string, ModelRules> = {
  'lipsync-2': lipsync(true),
  'lipsync-2-pro': lipsync(true),
  'sync-3': lipsync(false),
  'heygen-video-agent': {
    fields: { prompt: 'prompt', avatar_id: 'text', voice_id: 'text' },
    required: ['prompt'],
    promptCap: 10000,
    open: true,
    shape: {},
  },
  'omnihuman-1.5': portrait({ turbo_mode: 'bool' }),
  'creatify-aurora': portrait({ guidance_scale: { num: {} }, resolution: 'text' }),
}

const PX_RES = ['360p', '540p', '720p', '1080p']
const PIXVERSE: Record<string, ModelRules> = {
  'pixverse-v6-text-to-video': {
    fields: {
      prompt: 'prompt',
      resolution: PX_RES,
      duration: { seconds: { from: 1, to: 15 } },
      generate_audio: 'bool',
      aspect_ratio: 'text',
      generate_multi_clip: 'bool',
      thinking_type: 'text',
      style: 'text',
    },
    required: ['prompt'],
    open: true,
    shape: {
      duration: { field: 'duration', default: 5 },
      aspect: { field: 'aspect_ratio' },
      resolution: { field: 'resolution', default: '720p' },
      audio: { field: 'generate_audio', default: false },
    },
  },
  'pixverse-v6-image-to-video': {
    fields: {
      prompt: 'prompt',
      image_url: 'url',
      resolution: PX_RES,
      duration: { seconds: {} },
      generate_audio: 'bool',
      generate_multi_clip: 'bool',
      thinking_type: 'text',
    },
    required: ['prompt', 'image_url'],
    open: true,
    shape: { duration: { field: 'duration' }, resolution: { field: 'resolution', default: '720p' }, audio: { field: 'generate_audio' } },
  },
  'pixverse-c1-transition': {
    fields: {
      prompt: 'prompt',
      image_url: 'url',
      image_tail_url: 'url',
      resolution: ['540p', '720p'],
      aspect_ratio: 'text',
      duration: { seconds: {} },
      generate_audio: 'bool',
    },
    required: ['prompt', 'image_url'],
    open: true,
    shape: {
      duration: { field: 'duration' },
      aspect: { field: 'aspect_ratio' },
      resolution: { field: 'resolution', default: '720p' },
      audio: { field: 'generate_audio' },
    },
  },
}

/** Every video model of the catalog, by name. */
export const MODEL_RULES: Readonly<Record<string, ModelRules>> = {
  ...KLING,
  ...SORA,
  ...VEO,
  ...SEEDANCE,
  ...WAN,
  ...HAPPYHORSE,
  ...GROK,
  ...VIDU,
  ...AVATARS,
  ...PIXVERSE,
}

const isUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\/[^\s/]+/.test(v)
const inRange = (n: number, from?: number, to?: number) => (from === undefined || n >= from) && (to === undefined || n <= to)

const isEnum = (rule: FieldRule): rule is readonly string[] => Array.isArray(rule)

/** What is wrong with one field's value, in words (undefined: nothing). */
function fieldProblem(name: string, value: unknown, rule: FieldRule, promptCap: number | undefined): string | undefined {
  if (isEnum(rule)) return rule.includes(value as string) ? undefined : `${name} must be one of ${rule.join(', ')}`
  if (typeof rule === 'object') {
    if ('seconds' in rule) {
      const { in: values, from, to, auto } = rule.seconds
      const ok =
        Number.isInteger(value) && (value === auto || (values ? values.includes(value as number) : inRange(value as number, from ?? 1, to)))
      return ok
        ? undefined
        : `${name} must be ${values ? values.join(', ') : `an integer from ${from ?? 1}${to !== undefined ? ` to ${to}` : ''}`}${auto !== undefined ? ` or ${auto}` : ''}`
    }
    if ('int' in rule)
      return Number.isInteger(value) && inRange(value as number, rule.int.from, rule.int.to)
        ? undefined
        : `${name} must be an integer in range`
    if ('num' in rule)
      return typeof value === 'number' && inRange(value, rule.num.from, rule.num.to) ? undefined : `${name} must be a number in range`
    const { min = 0, max } = rule.urls
    return Array.isArray(value) && value.every(isUrl) && value.length >= min && value.length <= max
      ? undefined
      : `${name} must be an array of ${min} to ${max} URLs`
  }
  switch (rule) {
    case 'prompt':
      if (typeof value !== 'string' || value.trim() === '') return `${name} must be non-empty text`
      return promptCap !== undefined && value.length > promptCap ? `${name} is longer than ${promptCap} characters` : undefined
    case 'text':
      return typeof value === 'string' ? undefined : `${name} must be a string`
    case 'url':
      return isUrl(value) ? undefined : `${name} must be an http(s) URL`
    case 'bool':
      return typeof value === 'boolean' ? undefined : `${name} must be a boolean`
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : `${name} must be an object`
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : `${name} must be an array of strings`
    case 'elements':
      return Array.isArray(value) && value.every((e) => isUrl((e as Record<string, unknown> | null)?.frontal_image_url))
        ? undefined
        : `${name} items need a frontal_image_url`
    case 'segments':
      return Array.isArray(value) &&
        value.every(
          (seg) =>
            typeof (seg as Record<string, unknown>)?.prompt === 'string' && Number.isInteger((seg as Record<string, unknown>)?.duration),
        )
        ? undefined
        : `${name} items need a prompt and an integer duration`
  }
}

/** The first thing FoxAPI would refuse in `r` (a body for a model of the table), in words naming the field. */
export function modelBodyProblem(r: Record<string, unknown>, rules: ModelRules): string | undefined {
  for (const [name, value] of Object.entries(r)) {
    if (name === 'model') continue
    const rule = rules.fields[name]
    if (rule === undefined) {
      if (rules.open) continue
      return `unknown parameter '${name}' for model ${String(r.model)}`
    }
    const problem = fieldProblem(name, value, rule, rules.promptCap)
    if (problem) return problem
  }
  const missing = rules.required.find((name) => r[name] === undefined)
  if (missing) return `${missing} is required`
  return rules.check?.(r)
}

/** What a request asks of its clip, with the model's defaults; a model not in the table: kling-o3-ref's fields and defaults. */
export function clipRequestOf(request: Record<string, unknown>): {
  aspect: unknown
  resolution: unknown
  seconds: unknown
  audio: boolean
} {
  const rules = MODEL_RULES[String(request.model)]
  const shape = rules?.shape ?? {
    aspect: { field: 'aspect_ratio' },
    resolution: { field: 'resolution' },
    duration: { field: 'duration' },
    audio: { field: 'generate_audio' },
  }
  const valueOf = (field: ShapeField | undefined) => (field ? (request[field.field] ?? field.default) : undefined)
  const audio = shape.audio === 'always' ? true : valueOf(shape.audio) === true
  return { aspect: valueOf(shape.aspect), resolution: valueOf(shape.resolution), seconds: valueOf(shape.duration), audio }
}

/** A finished task's result item for a model that makes no video (undefined for a video model). */
export function assetResultOf(request: Record<string, unknown>, taskId: string): Record<string, string> | undefined {
  const makes = MODEL_RULES[String(request.model)]?.makes
  if (makes === 'voice_id') return { voice_id: `voice-${taskId.slice(-8)}` }
  if (makes === 'character_id') return { character_id: `char-${taskId.slice(-8)}`, name: String(request.name) }
  return undefined
}
