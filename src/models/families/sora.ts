// Sora 2 on FoxAPI (catalog §1b): sora-2 and sora-2-pro (one page), the character maker, and the legacy
// preview model. Data only: ../interpret.ts reads it.
import { foxPage, type FieldSpec, type ModelEntry, type ModelFamily } from '../entry'

/** The legacy pages' `size`: an aspect ratio, or auto. */
export const LEGACY_SIZES = ['auto', '1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'] as const
const TYPICAL = 120

const sora2 = (name: string, extra: Partial<ModelEntry>): ModelEntry => ({
  name,
  about: 'Sora 2 text or image (image-url, the first frame) to video: 4 to 20 s, 16:9 or 9:16, 720p or 1080p',
  page: foxPage('en/sora2/sora-2'),
  read: 'full',
  // One advanced boolean ("delete the video after retrieval") has no visible name: fields beyond these pass through.
  open: true,
  fields: {
    prompt: { type: 'prompt', required: true, cap: 5000 },
    image_urls: { type: 'media-list', kind: 'image', min: 1, max: 1 },
    aspect_ratio: { type: 'enum', values: ['16:9', '9:16'], default: '16:9' },
    duration: { type: 'seconds', values: [4, 8, 12, 16, 20], default: 4 },
    resolution: { type: 'enum', values: ['720p', '1080p'], default: '720p' },
    character_ids: { type: 'strings', noun: 'character ids', max: 2 },
  },
  inputs: {
    prompt: 'prompt',
    'image-url': 'image_urls[0]',
    'aspect-ratio': 'aspect_ratio',
    duration: 'duration',
    resolution: 'resolution',
  },
  shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution' },
  typicalSeconds: TYPICAL,
  ...extra,
})

const legacyPrompt: FieldSpec = { type: 'prompt', cap: 2000 }

const entries: ModelEntry[] = [
  sora2('sora-2', {
    note: 'character_ids (at most 2, from sora-2-character) go in parameters; one advanced field has no visible name and passes through.',
  }),
  sora2('sora-2-pro', {
    about: 'Sora 2 Pro: as sora-2, with sound always generated (and 1080p at a higher price)',
    shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution', audio: 'always' },
    typicalSeconds: 180,
    note:
      'The current page (shared with sora-2) is what the action checks; an older ZH page gave other rules ' +
      '(generation_type, 4/8/12 s only, a 20000-character prompt).',
  }),
  {
    name: 'sora-2-character',
    about: 'Sora 2 character: a reusable character from video-url (MP4, ≥ 720p; the first 4 s) and a name; no video, a character_id',
    page: foxPage('en/sora2/sora-2-character'),
    read: 'full',
    fields: {
      video_url: { type: 'media', kind: 'video', required: true },
      name: { type: 'text', required: true, max: 80 },
    },
    inputs: { 'video-url': 'video_url' },
    makes: 'character_id',
    typicalSeconds: 20,
    note: 'Makes no video: the task answers {character_id, name} (the asset-id output), for character_ids of sora-2. `name` (1–80 characters) goes in parameters.',
  },
  {
    name: 'sora-2-preview',
    about: 'Sora 2 preview (legacy page): prompt, image-url, duration, size (aspect-ratio) and a callback URL',
    page: foxPage('zh/sora2/sora-2-preview-video-generate'),
    read: 'partial',
    open: true,
    fields: {
      prompt: legacyPrompt,
      image_url: { type: 'media', kind: 'image' },
      duration: { type: 'seconds' },
      size: { type: 'enum', values: LEGACY_SIZES, default: 'auto' },
      model_params: { type: 'object' },
      callback_url: { type: 'url' },
    },
    inputs: { prompt: 'prompt', 'image-url': 'image_url', duration: 'duration', 'aspect-ratio': 'size' },
    shape: { aspect: 'size', duration: 'duration' },
    typicalSeconds: TYPICAL,
    note: 'A legacy page (no banner); aspect-ratio is sent as `size`.',
  },
]

export const SORA: ModelFamily = { name: 'Sora 2', entries }
