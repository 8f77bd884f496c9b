// Seedance 2.0 on FoxAPI (catalog §1d): reference to video (images, videos, audio), image to video (its field
// names are not visible: what is known is checked, the frames go in parameters), and the text-to-video models
// named on the ZH page but never read (sent as given). Data only: ../interpret.ts reads it.
import { foxPage, type FieldSpec, type ModelEntry, type ModelFamily } from '../entry'
import { MB } from '../fields'

const RATIOS = ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9', 'adaptive'] as const
const prompt: FieldSpec = { type: 'prompt', required: true, cap: 5000 }
/** 4 to 15 s, or -1: the model decides. */
const duration: FieldSpec = { type: 'seconds', min: 4, max: 15, auto: -1, default: 5 }
const resolution = (standard: boolean): FieldSpec => ({
  type: 'enum',
  values: standard ? ['480p', '720p', '1080p'] : ['480p', '720p'],
  default: '720p',
})
const seed: FieldSpec = { type: 'int', min: -1, default: -1 }
const TYPICAL = 60
/** The fast variants run shorter. */
const typical = (name: string): number => (name.includes('-fast-') ? 40 : TYPICAL)

const referenceToVideo = (name: string, standard: boolean): ModelEntry => ({
  name,
  about: `Seedance 2.0 reference to video: up to 9 images, 3 videos and 3 audio files (@Image1, @Video1, @Audio1)${standard ? '' : ', 480p or 720p'}`,
  page: foxPage('en/seedance/seedance-2.0-reference-to-video'),
  read: 'partial',
  open: true,
  fields: {
    prompt,
    resolution: resolution(standard),
    ratio: { type: 'enum', values: RATIOS, default: 'adaptive' },
    duration,
    generate_audio: { type: 'bool', default: true },
    seed,
    image_urls: { type: 'media-list', kind: 'image', max: 9, maxBytes: 30 * MB },
    video_urls: { type: 'media-list', kind: 'video', max: 3, maxBytes: 50 * MB },
    audio_urls: { type: 'media-list', kind: 'audio', max: 3 },
  },
  inputs: {
    prompt: 'prompt',
    resolution: 'resolution',
    'aspect-ratio': 'ratio',
    duration: 'duration',
    'generate-audio': 'generate_audio',
    seed: 'seed',
    'image-list': 'image_urls',
    'video-list': 'video_urls',
    'audio-url': 'audio_urls[0]',
  },
  shape: { aspect: 'ratio', duration: 'duration', resolution: 'resolution', audio: 'generate_audio' },
  rules: ['seedance-12-files'],
  typicalSeconds: typical(name),
  note:
    'aspect-ratio is sent as `ratio` (the English page; the Chinese example writes aspect_ratio, which passes through in parameters). ' +
    (standard ? '1080p is on the Chinese page only, for standard models. ' : '') +
    'audio-url fills audio_urls[0]; more audio files go in parameters (audio_urls).',
})

const imageToVideo = (name: string, standard: boolean): ModelEntry => ({
  name,
  about: 'Seedance 2.0 image to video: a start frame and an optional end frame (field names not visible: put them in parameters)',
  page: 'https://docs.aihubmax.com/pages/en/api-manual/video-series/seedance/seedance-2.0-image-to-video',
  read: 'partial',
  open: true,
  fields: {
    prompt,
    resolution: resolution(standard),
    duration,
    generate_audio: { type: 'bool', default: true },
    seed,
  },
  inputs: { prompt: 'prompt', resolution: 'resolution', duration: 'duration', 'generate-audio': 'generate_audio', seed: 'seed' },
  shape: { duration: 'duration', resolution: 'resolution', audio: 'generate_audio' },
  typicalSeconds: typical(name),
  note:
    "The page's field names for the start frame, the end frame and the aspect ratio are not visible, so image-url, end-image-url " +
    'and aspect-ratio are not taken: put those fields in parameters under the names FoxAPI uses (they pass through unchecked).' +
    (standard ? ' 1080p is on the Chinese reference page only, for standard models.' : ''),
})

const notRead = (name: string): ModelEntry => ({
  name,
  about: 'Seedance 2.0 text to video: named on the ZH reference page; its own page could not be read',
  page: foxPage('zh/seedance/seedance-2.0-reference-to-video'),
  read: 'not read',
  fields: {},
  inputs: {},
  typicalSeconds: typical(name),
  note: 'No page could be read: the request is sent as given (inputs as snake_case fields, parameters merged), unchecked.',
})

const entries: ModelEntry[] = [
  referenceToVideo('seedance-2.0-reference-to-video', true),
  referenceToVideo('seedance-2.0-fast-reference-to-video', false),
  imageToVideo('seedance-2.0-image-to-video', true),
  imageToVideo('seedance-2.0-fast-image-to-video', false),
  notRead('seedance-2.0-text-to-video'),
  notRead('seedance-2.0-fast-text-to-video'),
]

export const SEEDANCE: ModelFamily = { name: 'Seedance 2.0', entries }
