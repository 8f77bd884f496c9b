// Wan 2.7 on FoxAPI (catalog §1e): text to video (with an optional audio track to follow), image to video
// (first frame, first and last frame, or a video to continue) and reference to video. Every page was read in
// part, so unknown fields pass through. Data only: ../interpret.ts reads it.
import { foxPage, type FieldSpec, type ModelEntry, type ModelFamily } from '../entry'
import { MB } from '../fields'

const TYPICAL = 90
/** Pages that show resolution only in an example: any text, checked by FoxAPI. */
const exampleText: FieldSpec = { type: 'text', max: 20 }

const entries: ModelEntry[] = [
  {
    name: 'wan-2.7-text-to-video',
    about: 'Wan 2.7 text to video: 2 to 15 s, five aspect ratios, 720p or 1080p, an optional audio-url to follow',
    page: foxPage('zh/wan2.7/wan-2.7-text-to-video'),
    read: 'partial',
    open: true,
    fields: {
      prompt: { type: 'prompt', required: true, cap: 5000 },
      aspect_ratio: { type: 'enum', values: ['16:9', '9:16', '1:1', '4:3', '3:4'], default: '16:9' },
      duration: { type: 'seconds', min: 2, max: 15, default: 5 },
      resolution: { type: 'enum', values: ['720p', '1080p'], default: '1080p' },
      audio_url: { type: 'media', kind: 'audio', maxBytes: 15 * MB },
    },
    inputs: { prompt: 'prompt', 'aspect-ratio': 'aspect_ratio', duration: 'duration', resolution: 'resolution', 'audio-url': 'audio_url' },
    shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution' },
    typicalSeconds: TYPICAL,
    note: 'audio-url: WAV/MP3, 3–30 s, ≤ 15 MB; without it the model makes its own music (not checked: the page does not say a track is always there).',
  },
  {
    name: 'wan-2.7-image-to-video',
    about: 'Wan 2.7 image to video: a first frame (image-url), first and last frames (end-image-url), or a video to continue (video-url)',
    page: foxPage('en/wan2.7/wan-2.7-image-to-video'),
    read: 'partial',
    open: true,
    fields: {
      generation_type: { type: 'enum', values: ['image-to-video', 'first-last-frame', 'video-continuation'] },
      image_urls: { type: 'media-list', kind: 'image', max: 2 },
      video_url: { type: 'media', kind: 'video' },
      prompt: { type: 'prompt' },
      duration: { type: 'seconds' },
      resolution: exampleText,
    },
    inputs: {
      prompt: 'prompt',
      'image-url': 'image_urls[0]',
      'end-image-url': 'image_urls[1]',
      'video-url': 'video_url',
      duration: 'duration',
      resolution: 'resolution',
    },
    shape: { duration: 'duration', resolution: 'resolution' },
    rules: ['wan-inputs-by-generation-type'],
    typicalSeconds: TYPICAL,
    note: 'Without generation_type FoxAPI infers it from the inputs. The prompt cap is not visible.',
  },
  {
    name: 'wan-2.7-reference-to-video',
    about: 'Wan 2.7 reference to video: reference images (image-list) and videos (video-list)',
    page: foxPage('en/wan2.7/wan-2.7-reference-to-video'),
    read: 'partial',
    open: true,
    fields: {
      prompt: { type: 'prompt', required: true, cap: 5000 },
      reference_image_urls: { type: 'media-list', kind: 'image', maxBytes: 20 * MB },
      reference_video_urls: { type: 'media-list', kind: 'video', maxBytes: 100 * MB },
      duration: { type: 'seconds', default: 5 },
      resolution: exampleText,
      aspect_ratio: exampleText,
    },
    inputs: {
      prompt: 'prompt',
      'image-list': 'reference_image_urls',
      'video-list': 'reference_video_urls',
      duration: 'duration',
      resolution: 'resolution',
      'aspect-ratio': 'aspect_ratio',
    },
    shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution' },
    typicalSeconds: TYPICAL,
    note: 'Resolution and aspect ratio appear only in the example: their values are left to FoxAPI.',
  },
]

export const WAN: ModelFamily = { name: 'Wan 2.7', entries }
