// HappyHorse 1.0 on FoxAPI (catalog §1f): text, image and reference to video, and video edit. Data only.
import { foxPage, type FieldSpec, type ModelEntry, type ModelFamily } from '../entry'
import { MB } from '../fields'

const ASPECTS = ['16:9', '9:16', '1:1', '4:3', '3:4'] as const
const HD = ['720p', '1080p'] as const
const seed: FieldSpec = { type: 'int', min: 0, max: 2147483647 }
const TYPICAL = 60

const entries: ModelEntry[] = [
  {
    name: 'happyhorse-1.0-text-to-video',
    about: 'HappyHorse 1.0 text to video: 3 to 15 s, five aspect ratios, 720p or 1080p, a seed',
    page: foxPage('en/happyhorse/happyhorse-1.0-text-to-video'),
    read: 'partial',
    open: true,
    fields: {
      prompt: { type: 'prompt', required: true, cap: 2500 },
      aspect_ratio: { type: 'enum', values: ASPECTS, default: '16:9' },
      duration: { type: 'seconds', min: 3, max: 15, default: 5 },
      resolution: { type: 'enum', values: HD, default: '1080p' },
      seed,
      enable_safety_checker: { type: 'bool' },
    },
    inputs: { prompt: 'prompt', 'aspect-ratio': 'aspect_ratio', duration: 'duration', resolution: 'resolution', seed: 'seed' },
    shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution' },
    typicalSeconds: TYPICAL,
  },
  {
    name: 'happyhorse-1.0-image-to-video',
    about: 'HappyHorse 1.0 image to video: image-url (the picture follows it), 3 to 15 s, 720p or 1080p',
    page: foxPage('en/happyhorse/happyhorse-1.0-image-to-video'),
    read: 'partial',
    open: true,
    fields: {
      image_url: { type: 'media', kind: 'image', required: true, maxBytes: 10 * MB },
      prompt: { type: 'prompt', cap: 2500 },
      duration: { type: 'seconds', min: 3, max: 15, default: 5 },
      resolution: { type: 'enum', values: HD, default: '1080p' },
    },
    inputs: { 'image-url': 'image_url', prompt: 'prompt', duration: 'duration', resolution: 'resolution' },
    shape: { duration: 'duration', resolution: 'resolution' },
    typicalSeconds: TYPICAL,
    note: 'No aspect ratio: the clip takes the image’s.',
  },
  {
    name: 'happyhorse-1.0-reference-to-video',
    about: 'HappyHorse 1.0 reference to video: 1 to 9 reference images (@Image1…; field name not visible: parameters)',
    page: foxPage('en/happyhorse/happyhorse-1.0-reference-to-video'),
    read: 'partial',
    open: true,
    fields: {
      prompt: { type: 'prompt', cap: 2500 },
      aspect_ratio: { type: 'enum', values: ASPECTS },
      duration: { type: 'seconds', min: 3, max: 15 },
      resolution: { type: 'enum', values: HD },
      seed,
      enable_safety_checker: { type: 'bool' },
    },
    inputs: { prompt: 'prompt', 'aspect-ratio': 'aspect_ratio', duration: 'duration', resolution: 'resolution', seed: 'seed' },
    shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution' },
    typicalSeconds: TYPICAL,
    note:
      "The reference images' field name is not visible (the edit model's is reference_image_urls): put it in parameters. " +
      'No defaults are shown, so the shape is checked only for what is sent.',
  },
  {
    name: 'happyhorse-1.0-video-edit',
    about: 'HappyHorse 1.0 video edit: video-url (MP4/MOV, 3–60 s), up to 5 reference images (image-list)',
    page: foxPage('en/happyhorse/happyhorse-1.0-video-edit'),
    read: 'partial',
    open: true,
    fields: {
      video_url: { type: 'media', kind: 'video', required: true, maxBytes: 100 * MB },
      prompt: { type: 'prompt', required: true, cap: 2500 },
      reference_image_urls: { type: 'media-list', kind: 'image', max: 5, maxBytes: 10 * MB },
      resolution: { type: 'text', max: 20 },
    },
    inputs: { 'video-url': 'video_url', prompt: 'prompt', 'image-list': 'reference_image_urls', resolution: 'resolution' },
    shape: { resolution: 'resolution' },
    typicalSeconds: TYPICAL,
  },
]

export const HAPPYHORSE: ModelFamily = { name: 'HappyHorse 1.0', entries }
