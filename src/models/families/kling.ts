// Kling on FoxAPI (catalog §1a): the seed model kling-o3-ref (the ZH page), the O3 and V3 models, motion
// control, and the voice maker. Data only: ../interpret.ts reads it.
import { foxPage, type FieldSpec, type ModelEntry, type ModelFamily } from '../entry'
import { KLING_IMAGE_BYTES, KLING_VIDEO_BYTES } from '../fields'

/** Kling's pages cap the prompt at 2500 characters. */
const prompt = (required: boolean): FieldSpec => ({ type: 'prompt', required, cap: 2500 })
const ASPECTS = ['16:9', '9:16', '1:1'] as const
const resolution = (withDefault: boolean): FieldSpec => ({
  type: 'enum',
  values: ['720p', '1080p', '4k'],
  ...(withDefault ? { default: '720p' } : {}),
})
// Kling's specification limits the files it fetches: images ≤ 10 MB, a video ≤ 200 MB.
const image: FieldSpec = { type: 'media', kind: 'image', maxBytes: KLING_IMAGE_BYTES }
const requiredImage: FieldSpec = { type: 'media', kind: 'image', required: true, maxBytes: KLING_IMAGE_BYTES }
const requiredVideo: FieldSpec = { type: 'media', kind: 'video', required: true, maxBytes: KLING_VIDEO_BYTES }
/** The two image-to-video pages show duration only in an example: any whole number of seconds, FoxAPI decides. */
const exampleSeconds: FieldSpec = { type: 'seconds' }
const TYPICAL = 90

const motionControl = (name: string, version: string): ModelEntry => ({
  name,
  about: `Kling ${version} motion control: the character of image-url moves like the one in video-url`,
  page: foxPage('en/kling/kling-v3-motion-control'),
  read: 'partial',
  fields: {
    image_url: requiredImage,
    video_url: requiredVideo,
    mode: { type: 'enum', values: ['standard', 'pro'] },
    prompt: prompt(false),
    character_orientation: { type: 'enum', values: ['image', 'video'] },
    keep_original_sound: { type: 'yes-no' },
  },
  inputs: { 'image-url': 'image_url', 'video-url': 'video_url', mode: 'mode', prompt: 'prompt' },
  // The clip's length follows the video (at most 10 s with orientation image, 30 s with video); its picture the image.
  typicalSeconds: TYPICAL,
})

const entries: ModelEntry[] = [
  {
    name: 'kling-o3-ref',
    about: 'Kling O3 reference video (kling-v3-omni): prompt with <<<image_N>>>/<<<video_1>>> references, image and video lists',
    page: foxPage('zh/kling/kling-o3-reference-to-video'),
    read: 'partial',
    fields: {
      prompt: prompt(true),
      mode: { type: 'enum', values: ['standard', 'pro'], default: 'standard' },
      aspect_ratio: { type: 'enum', values: ASPECTS, default: '16:9' },
      duration: { type: 'seconds', min: 3, max: 15, default: 5 },
      image_list: { type: 'special', name: 'kling-image-list' },
      video_list: { type: 'special', name: 'kling-video-list' },
      multi_prompt: { type: 'segments' },
    },
    inputs: {
      prompt: 'prompt',
      mode: 'mode',
      'aspect-ratio': 'aspect_ratio',
      duration: 'duration',
      'image-list': 'image_list',
      'video-list': 'video_list',
      'multi-prompt': 'multi_prompt',
    },
    shape: { aspect: 'aspect_ratio', duration: 'duration', unless: 'kling-base-reference' },
    rules: ['kling-media-references', 'segments-add-up-to-default'],
    warnings: ['kling-shots', 'kling-o3-ref-media'],
    finalize: 'kling-o3-ref-defaults',
    typicalSeconds: TYPICAL,
    note:
      "The action's default. Only FoxAPI's Chinese page documents it (the English page at the same path now documents " +
      'kling-o3-reference-to-video); its fields are those of shared/foxapi.md. The action sends mode, aspect_ratio and ' +
      'duration with their defaults when they are not given (duration not with a `base` reference video, whose length the clip takes).',
  },
  {
    name: 'kling-o3-reference-to-video',
    about: 'Kling O3 reference to video: start/end frames, reference images and elements, resolution, generated audio',
    page: foxPage('en/kling/kling-o3-reference-to-video'),
    read: 'partial',
    fields: {
      prompt: prompt(false),
      resolution: resolution(true),
      generate_audio: { type: 'bool', default: false },
      start_image_url: image,
      end_image_url: image,
      image_urls: { type: 'media-list', kind: 'image', maxBytes: KLING_IMAGE_BYTES },
      elements: { type: 'elements' },
      aspect_ratio: { type: 'enum', values: ASPECTS },
      duration: { type: 'seconds', min: 3, max: 15, default: 5 },
      shot_type: { type: 'enum', values: ['customize'] },
      multi_prompt: { type: 'segments' },
    },
    inputs: {
      prompt: 'prompt',
      resolution: 'resolution',
      'generate-audio': 'generate_audio',
      'image-url': 'start_image_url',
      'end-image-url': 'end_image_url',
      'image-list': 'image_urls',
      'aspect-ratio': 'aspect_ratio',
      duration: 'duration',
      'multi-prompt': 'multi_prompt',
    },
    shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution', audio: 'generate_audio' },
    rules: ['prompt-or-segments', 'segments-add-up'],
    warnings: ['kling-shots', 'kling-image-count', 'kling-end-without-start'],
    typicalSeconds: TYPICAL,
    note:
      'The end-frame and multi-shot field names are not visible on the page; the action sends `end_image_url` (as sibling ' +
      'models name it) and `shot_type` (shared/foxapi.md). The aspect ratio has no documented default, so it is checked only when sent.',
  },
  {
    name: 'kling-o3-image-to-video',
    about: 'Kling O3 image to video: image-url required, end-image-url optional, prompt or multi-prompt',
    page: foxPage('en/kling/kling-o3-image-to-video'),
    read: 'partial',
    fields: {
      image_url: requiredImage,
      end_image_url: image,
      prompt: prompt(false),
      resolution: resolution(true),
      generate_audio: { type: 'bool', default: false },
      duration: exampleSeconds,
      multi_prompt: { type: 'segments' },
    },
    inputs: {
      'image-url': 'image_url',
      'end-image-url': 'end_image_url',
      prompt: 'prompt',
      resolution: 'resolution',
      'generate-audio': 'generate_audio',
      duration: 'duration',
      'multi-prompt': 'multi_prompt',
    },
    // The picture's shape follows the image.
    shape: { duration: 'duration', resolution: 'resolution', audio: 'generate_audio' },
    rules: ['prompt-or-segments', 'segments-add-up'],
    warnings: ['kling-shots'],
    typicalSeconds: TYPICAL,
  },
  {
    name: 'kling-o3-video-to-video-edit',
    about: 'Kling O3 video edit: prompt (@Video1, @Image1, @Element1) and video-url (mp4/mov, 3–10 s, 720–2160 px, ≤ 200 MB)',
    page: foxPage('zh/kling/kling-o3-video-to-video-edit'),
    read: 'partial',
    fields: {
      prompt: prompt(true),
      video_url: requiredVideo,
      resolution: resolution(false),
      keep_audio: { type: 'bool' },
      elements: { type: 'elements' },
    },
    inputs: { prompt: 'prompt', 'video-url': 'video_url', resolution: 'resolution' },
    // Length and picture shape follow the video being edited.
    shape: { resolution: 'resolution' },
    typicalSeconds: TYPICAL,
  },
  {
    name: 'kling-v3-text-to-video',
    about: 'Kling V3 text to video: prompt, negative prompt, resolution, generated audio, voices, shots',
    page: foxPage('en/kling/kling-v3-text-to-video'),
    read: 'full',
    fields: {
      prompt: prompt(true),
      negative_prompt: { type: 'text' },
      resolution: resolution(true),
      generate_audio: { type: 'bool', default: false },
      aspect_ratio: { type: 'enum', values: ASPECTS, default: '16:9' },
      duration: { type: 'seconds', values: [5, 10], default: 5 },
      voice_ids: { type: 'strings', noun: 'voice ids', max: 2 },
      multi_prompt: { type: 'segments' },
    },
    inputs: {
      prompt: 'prompt',
      'negative-prompt': 'negative_prompt',
      resolution: 'resolution',
      'generate-audio': 'generate_audio',
      'aspect-ratio': 'aspect_ratio',
      duration: 'duration',
      'multi-prompt': 'multi_prompt',
    },
    shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution', audio: 'generate_audio' },
    rules: ['segments-add-up'],
    warnings: ['kling-shots', 'voices-need-audio'],
    typicalSeconds: TYPICAL,
    note: 'voice_ids (at most 2, from kling-video-create-voice) are referred to as <<<voice_1>>> and need generate_audio: true.',
  },
  {
    name: 'kling-v3-image-to-video',
    about: 'Kling V3 image to video: a first frame (image-url), an optional last frame (end-image-url, sent as image_tail_url)',
    page: foxPage('en/kling/kling-v3-image-to-video'),
    read: 'partial',
    fields: {
      prompt: prompt(true),
      image_url: requiredImage,
      image_tail_url: image,
      resolution: resolution(true),
      generate_audio: { type: 'bool' },
      duration: exampleSeconds,
    },
    inputs: {
      prompt: 'prompt',
      'image-url': 'image_url',
      'end-image-url': 'image_tail_url',
      resolution: 'resolution',
      'generate-audio': 'generate_audio',
      duration: 'duration',
    },
    // The picture's shape follows the image.
    shape: { duration: 'duration', resolution: 'resolution', audio: 'generate_audio' },
    typicalSeconds: TYPICAL,
  },
  motionControl('kling-v3-motion-control', 'V3'),
  motionControl('kling-v2-6-motion-control', 'V2.6'),
  {
    name: 'kling-video-create-voice',
    about: 'Kling voice: makes a voice from audio-url (sent as voice_url; mp3/ogg/wav/m4a/aac); no video, a voice_id',
    page: foxPage('en/kling/kling-video-create-voice'),
    read: 'full',
    fields: { voice_url: { type: 'media', kind: 'audio', required: true } },
    inputs: { 'audio-url': 'voice_url' },
    makes: 'voice_id',
    typicalSeconds: 20,
    note: 'Makes no video: the task answers a voice_id (the asset-id output), for voice_ids of kling-v3-text-to-video.',
  },
]

export const KLING: ModelFamily = { name: 'Kling', entries }
