// PixVerse on FoxAPI (catalog §1i): V6 text and image to video, and the C1 transition between two frames.
// Every page was read in part, so unknown fields pass through. Data only: ../interpret.ts reads it.
import { foxPage, type FieldSpec, type ModelEntry, type ModelFamily } from '../entry'

const RESOLUTIONS: FieldSpec = { type: 'enum', values: ['360p', '540p', '720p', '1080p'], default: '720p' }
const exampleText: FieldSpec = { type: 'text', max: 40 }
const TYPICAL = 40

const entries: ModelEntry[] = [
  {
    name: 'pixverse-v6-text-to-video',
    about: 'PixVerse V6 text to video: 1 to 15 s, 360p to 1080p, optional sound',
    page: foxPage('zh/pixverse-v6/pixverse-v6-text-to-video'),
    read: 'partial',
    open: true,
    fields: {
      prompt: { type: 'prompt', required: true },
      resolution: RESOLUTIONS,
      duration: { type: 'seconds', min: 1, max: 15, default: 5 },
      generate_audio: { type: 'bool', default: false },
      aspect_ratio: exampleText,
      generate_multi_clip: { type: 'bool' },
      thinking_type: exampleText,
      style: exampleText,
    },
    inputs: {
      prompt: 'prompt',
      resolution: 'resolution',
      duration: 'duration',
      'generate-audio': 'generate_audio',
      'aspect-ratio': 'aspect_ratio',
    },
    shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution', audio: 'generate_audio' },
    typicalSeconds: TYPICAL,
    note: 'aspect_ratio, generate_multi_clip, thinking_type and style appear only in the example: their values are left to FoxAPI.',
  },
  {
    name: 'pixverse-v6-image-to-video',
    about: 'PixVerse V6 image to video: image-url (the first frame), 360p to 1080p',
    page: foxPage('en/pixverse-v6/pixverse-v6-image-to-video'),
    read: 'partial',
    open: true,
    fields: {
      prompt: { type: 'prompt', required: true },
      image_url: { type: 'media', kind: 'image', required: true },
      resolution: RESOLUTIONS,
      duration: { type: 'seconds' },
      generate_audio: { type: 'bool' },
      generate_multi_clip: { type: 'bool' },
      thinking_type: exampleText,
    },
    inputs: {
      prompt: 'prompt',
      'image-url': 'image_url',
      resolution: 'resolution',
      duration: 'duration',
      'generate-audio': 'generate_audio',
    },
    shape: { duration: 'duration', resolution: 'resolution', audio: 'generate_audio' },
    typicalSeconds: TYPICAL,
  },
  {
    name: 'pixverse-c1-transition',
    about: 'PixVerse C1 transition: from image-url to end-image-url (sent as image_tail_url), 540p or 720p',
    page: foxPage('en/pixverse-c1/pixverse-c1-transition'),
    read: 'partial',
    open: true,
    fields: {
      prompt: { type: 'prompt', required: true },
      image_url: { type: 'media', kind: 'image', required: true },
      image_tail_url: { type: 'media', kind: 'image' },
      resolution: { type: 'enum', values: ['540p', '720p'], default: '720p' },
      aspect_ratio: exampleText,
      duration: { type: 'seconds' },
      generate_audio: { type: 'bool' },
    },
    inputs: {
      prompt: 'prompt',
      'image-url': 'image_url',
      'end-image-url': 'image_tail_url',
      resolution: 'resolution',
      'aspect-ratio': 'aspect_ratio',
      duration: 'duration',
      'generate-audio': 'generate_audio',
    },
    shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution', audio: 'generate_audio' },
    typicalSeconds: TYPICAL,
  },
]

export const PIXVERSE: ModelFamily = { name: 'PixVerse', entries }
