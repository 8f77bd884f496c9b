// Grok Imagine on FoxAPI (catalog §1g): text, image and reference to video, video edit and extension. Data only.
import { foxPage, type FieldSpec, type ModelEntry, type ModelFamily } from '../entry'

const ASPECTS = ['16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16'] as const
const RESOLUTION: FieldSpec = { type: 'enum', values: ['480p', '720p'], default: '720p' }
const prompt = (cap?: number): FieldSpec => ({ type: 'prompt', required: true, ...(cap ? { cap } : {}) })
const TYPICAL = 30

const entries: ModelEntry[] = [
  {
    name: 'grok-imagine-text-to-video',
    about: 'Grok Imagine text to video: 1 to 15 s, seven aspect ratios, 480p or 720p',
    page: foxPage('zh/grok/grok-imagine-text-to-video'),
    read: 'partial',
    open: true,
    fields: {
      prompt: prompt(),
      duration: { type: 'seconds', min: 1, max: 15, default: 6 },
      aspect_ratio: { type: 'enum', values: ASPECTS, default: '16:9' },
      resolution: RESOLUTION,
    },
    inputs: { prompt: 'prompt', duration: 'duration', 'aspect-ratio': 'aspect_ratio', resolution: 'resolution' },
    shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution' },
    typicalSeconds: TYPICAL,
  },
  {
    name: 'grok-imagine-image-to-video',
    about: 'Grok Imagine image to video: image-url, 1 to 15 s, aspect auto (the image’s) or one of seven',
    page: foxPage('en/grok/grok-imagine-image-to-video'),
    read: 'full',
    fields: {
      prompt: prompt(),
      image_url: { type: 'media', kind: 'image', required: true },
      duration: { type: 'seconds', min: 1, max: 15, default: 6 },
      aspect_ratio: { type: 'enum', values: ['auto', ...ASPECTS], default: 'auto' },
      resolution: RESOLUTION,
    },
    inputs: { prompt: 'prompt', 'image-url': 'image_url', duration: 'duration', 'aspect-ratio': 'aspect_ratio', resolution: 'resolution' },
    shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution' },
    typicalSeconds: TYPICAL,
  },
  {
    name: 'grok-imagine-reference-to-video',
    about: 'Grok Imagine reference to video: 1 to 7 reference images (image-list, @Image1…), 1 to 10 s',
    page: foxPage('en/grok/grok-imagine-reference-to-video'),
    read: 'partial',
    open: true,
    fields: {
      prompt: prompt(4096),
      reference_image_urls: { type: 'media-list', kind: 'image', min: 1, max: 7, required: true },
      duration: { type: 'seconds', min: 1, max: 10 },
      aspect_ratio: { type: 'text', max: 20 },
      resolution: { type: 'text', max: 20 },
    },
    inputs: {
      prompt: 'prompt',
      'image-list': 'reference_image_urls',
      duration: 'duration',
      'aspect-ratio': 'aspect_ratio',
      resolution: 'resolution',
    },
    shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution' },
    typicalSeconds: TYPICAL,
    note: 'The duration default is cut off; aspect ratio and resolution appear only in the example (values left to FoxAPI).',
  },
  {
    name: 'grok-imagine-edit-video',
    about: 'Grok Imagine video edit: video-url (scaled to at most 854×480, cut to 8 s), resolution auto, 480p or 720p',
    page: foxPage('en/grok/grok-imagine-edit-video'),
    read: 'partial',
    open: true,
    fields: {
      prompt: prompt(4096),
      video_url: { type: 'media', kind: 'video', required: true },
      resolution: { type: 'enum', values: ['auto', '480p', '720p'], default: 'auto' },
    },
    inputs: { prompt: 'prompt', 'video-url': 'video_url', resolution: 'resolution' },
    shape: { resolution: 'resolution' },
    typicalSeconds: TYPICAL,
  },
  {
    name: 'grok-imagine-video-extension',
    about: 'Grok Imagine video extension: continues video-url (MP4, 2–15 s) by 2 to 10 s',
    page: foxPage('en/grok-imagine-video/grok-imagine-video-extension'),
    read: 'full',
    fields: {
      prompt: prompt(4096),
      video_url: { type: 'media', kind: 'video', required: true },
      duration: { type: 'seconds', min: 2, max: 10, default: 6 },
    },
    inputs: { prompt: 'prompt', 'video-url': 'video_url', duration: 'duration' },
    // Whether the clip is the extension alone or the video with it is not said: only the structure is checked.
    typicalSeconds: TYPICAL,
  },
]

export const GROK: ModelFamily = { name: 'Grok Imagine', entries }
