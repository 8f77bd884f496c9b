// Veo 3.1 on FoxAPI (catalog §1c): the generation_type models (fast, standard), image to video, reference to
// video, first and last frame, extend, and the legacy veo3.1-fast. Every page but Fast's was read in part (its
// advanced options have no visible names), so every entry passes unknown fields through. Data only.
import { foxPage, type FieldSpec, type ModelEntry, type ModelFamily } from '../entry'
import { LEGACY_SIZES } from './sora'

const prompt: FieldSpec = { type: 'prompt', required: true }
const ASPECT: FieldSpec = { type: 'enum', values: ['16:9', '9:16'], default: '16:9' }
const FOUR_SIX_EIGHT = [4, 6, 8] as const
const HD: FieldSpec = { type: 'enum', values: ['720p', '1080p'], default: '1080p' }
const UP_TO_4K: FieldSpec = { type: 'enum', values: ['720p', '1080p', '4k'], default: '1080p' }
const audio: FieldSpec = { type: 'bool' }
const SHAPE = { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution', audio: 'generate_audio' } as const
const TYPICAL = 60
/** The fast and lite variants run shorter. */
const typical = (name: string): number => (/fast|lite/.test(name) ? 40 : TYPICAL)

const generationTypeModel = (name: string, read: ModelEntry['read'], note: string): ModelEntry => ({
  name,
  about: 'Veo 3.1 text, image(s) or first/last frame to video (generation_type): 4, 6 or 8 s, 16:9 or 9:16, with sound',
  page: foxPage('en/veo3.1/veo-3.1-fast'),
  read,
  open: true,
  fields: {
    prompt,
    generation_type: { type: 'enum', values: ['text-to-video', 'image-to-video', 'first-last-frame', 'reference-to-video'] },
    image_urls: { type: 'media-list', kind: 'image', max: 3 },
    aspect_ratio: ASPECT,
    duration: { type: 'seconds', values: FOUR_SIX_EIGHT, default: 8 },
    resolution: { type: 'enum', values: ['720p', '1080p', '4k', '2160p'], default: '1080p' },
    generate_audio: { type: 'bool', default: true },
  },
  inputs: {
    prompt: 'prompt',
    'image-url': 'image_urls[0]',
    'end-image-url': 'image_urls[1]',
    'image-list': 'image_urls',
    'aspect-ratio': 'aspect_ratio',
    duration: 'duration',
    resolution: 'resolution',
    'generate-audio': 'generate_audio',
  },
  shape: SHAPE,
  rules: ['veo-images-by-generation-type'],
  finalize: 'veo-generation-type',
  typicalSeconds: typical(name),
  note,
})

const imageToVideo = (name: string, resolution: FieldSpec): ModelEntry => ({
  name,
  about: 'Veo 3.1 image to video: image-url (≥ 720p, 16:9 or 9:16 advised), 4, 6 or 8 s',
  page: foxPage('en/veo3.1/veo-3.1-image-to-video'),
  read: 'partial',
  open: true,
  fields: {
    prompt,
    image_url: { type: 'media', kind: 'image', required: true },
    aspect_ratio: ASPECT,
    duration: { type: 'seconds', values: FOUR_SIX_EIGHT, default: 8 },
    resolution,
    generate_audio: audio,
  },
  inputs: {
    prompt: 'prompt',
    'image-url': 'image_url',
    'aspect-ratio': 'aspect_ratio',
    duration: 'duration',
    resolution: 'resolution',
    'generate-audio': 'generate_audio',
  },
  shape: SHAPE,
  typicalSeconds: typical(name),
})

const referenceToVideo = (name: string): ModelEntry => ({
  name,
  about: 'Veo 3.1 reference to video: 1 to 3 reference images (image-list), 8 s',
  page: foxPage('en/veo3.1/veo-3.1-reference-to-video'),
  read: 'partial',
  open: true,
  fields: {
    prompt,
    reference_image_urls: { type: 'media-list', kind: 'image', min: 1, max: 3, required: true },
    aspect_ratio: ASPECT,
    duration: { type: 'seconds', values: [8], default: 8 },
    resolution: UP_TO_4K,
    generate_audio: audio,
  },
  inputs: {
    prompt: 'prompt',
    'image-list': 'reference_image_urls',
    'aspect-ratio': 'aspect_ratio',
    duration: 'duration',
    resolution: 'resolution',
    'generate-audio': 'generate_audio',
  },
  shape: SHAPE,
  typicalSeconds: typical(name),
  note: 'Advanced options (auto-fix, safety level, enhance, person generation, reference_type) have no visible names: they pass through.',
})

const firstLastFrame = (name: string, resolution: FieldSpec, lite = false): ModelEntry => ({
  name,
  about: `Veo 3.1 first and last frame to video (image-url, end-image-url): 4, 6 or 8 s${lite ? ', 720p or 1080p (8 s only at 1080p)' : ''}`,
  page: foxPage('zh/veo3.1/veo-3.1-first-last-frame-to-video'),
  read: 'partial',
  open: true,
  fields: {
    prompt: { type: 'prompt' },
    first_image_url: { type: 'media', kind: 'image' },
    last_image_url: { type: 'media', kind: 'image' },
    aspect_ratio: ASPECT,
    duration: { type: 'seconds', values: FOUR_SIX_EIGHT },
    resolution,
    generate_audio: audio,
  },
  inputs: {
    prompt: 'prompt',
    'image-url': 'first_image_url',
    'end-image-url': 'last_image_url',
    'aspect-ratio': 'aspect_ratio',
    duration: 'duration',
    resolution: 'resolution',
    'generate-audio': 'generate_audio',
  },
  shape: SHAPE,
  ...(lite ? { rules: ['veo-lite-1080p-is-8s'] as const } : {}),
  typicalSeconds: typical(name),
})

const extend = (name: string, generateAudio: FieldSpec, note: string): ModelEntry => ({
  name,
  about: 'Veo 3.1 extend: continues video-url (720p or 1080p, 16:9 or 9:16) by 7 s',
  page: foxPage('en/veo3.1/veo-3.1-extend'),
  read: 'partial',
  open: true,
  fields: {
    prompt,
    video_url: { type: 'media', kind: 'video', required: true },
    aspect_ratio: ASPECT,
    generate_audio: generateAudio,
  },
  inputs: { prompt: 'prompt', 'video-url': 'video_url', 'aspect-ratio': 'aspect_ratio', 'generate-audio': 'generate_audio' },
  // No duration field: the clip is the input plus 7 s, and its picture follows the input.
  typicalSeconds: typical(name),
  note,
})

const entries: ModelEntry[] = [
  generationTypeModel(
    'veo-3.1-fast',
    'full',
    'With images and no generation_type, the action sends the type their count means (1 image-to-video, 2 first-last-frame, ' +
      '3 reference-to-video; the intro says Fast has no reference mode, its table lists one). The "advanced" object passes through.',
  ),
  generationTypeModel(
    'veo-3.1',
    'partial',
    'Known only as the "Standard" line and the curl example of the Fast page: checked as veo-3.1-fast.',
  ),
  imageToVideo('veo-3.1-image-to-video', { type: 'text' }),
  imageToVideo('veo-3.1-fast-image-to-video', { type: 'text' }),
  imageToVideo('veo-3.1-lite-image-to-video', { type: 'enum', values: ['720p', '1080p'] }),
  referenceToVideo('veo-3.1-reference-to-video'),
  referenceToVideo('veo-3.1-fast-reference-to-video'),
  firstLastFrame('veo-3.1-first-last-frame-to-video', UP_TO_4K),
  firstLastFrame('veo-3.1-fast-first-last-frame-to-video', UP_TO_4K),
  firstLastFrame('veo-3.1-lite-first-last-frame-to-video', HD, true),
  extend('veo-3.1-extend', audio, 'Continues the video by 7 s: its length and picture follow the input, so only the structure is checked.'),
  extend(
    'veo-3.1-extend-fast',
    { type: 'bool', default: true },
    'An older page names the input `video`; the action sends `video_url`, as the newer Extend page does.',
  ),
  {
    name: 'veo3.1-fast',
    about: 'Veo 3.1 fast, legacy id (no hyphen): prompt, image-url, duration, size (aspect-ratio) and a callback URL',
    page: foxPage('en/veo3.1/veo-3.1-fast-generate-preview-generate'),
    read: 'partial',
    open: true,
    fields: {
      prompt: { type: 'prompt', cap: 2000 },
      image_url: { type: 'media', kind: 'image' },
      duration: { type: 'seconds' },
      size: { type: 'enum', values: LEGACY_SIZES, default: 'auto' },
      model_params: { type: 'object' },
      callback_url: { type: 'url' },
    },
    inputs: { prompt: 'prompt', 'image-url': 'image_url', duration: 'duration', 'aspect-ratio': 'size' },
    shape: { aspect: 'size', duration: 'duration' },
    typicalSeconds: 40,
    note: 'A legacy page (no banner); aspect-ratio is sent as `size`.',
  },
]

export const VEO: ModelFamily = { name: 'Veo 3.1', entries }
