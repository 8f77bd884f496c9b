// Where each model's request holds media (images, videos, audio), as data: the body path of every field declared
// with mediaUrl/mediaUrlList (./fields.ts), what it must hold, the input that sets it, and the model's documented
// file size limit. src/media reads a request through this listing to find the workspace files to check and upload.
import type { FieldInput } from '../constants'
import type { MediaKind } from './fields'

/** One place in a request body that holds media values. */
export interface MediaField {
  /** The body path; `*` stands for every item of a list (`['image_list', '*', 'image_url']`). */
  path: readonly string[]
  kind: MediaKind
  /** The input that sets the field (its problems are named after it); `parameters` when no input does. */
  input: FieldInput | 'parameters'
  /** Largest file the model's page (or Kling's specification) allows; the kind's default when it gives none. */
  maxBytes?: number
}

const MB = 1_000_000
/** Kling's specification: images JPG/PNG ≤ 10 MB; a reference or edited video ≤ 200 MB. */
const KLING_IMAGE = { kind: 'image', maxBytes: 10 * MB } as const
const KLING_VIDEO = { kind: 'video', maxBytes: 200 * MB } as const

const ELEMENTS: MediaField[] = [
  { path: ['elements', '*', 'frontal_image_url'], input: 'parameters', ...KLING_IMAGE },
  { path: ['elements', '*', 'reference_image_urls', '*'], input: 'parameters', ...KLING_IMAGE },
]
const MOTION_CONTROL: MediaField[] = [
  { path: ['image_url'], input: 'image-url', ...KLING_IMAGE },
  { path: ['video_url'], input: 'video-url', ...KLING_VIDEO },
]

/** Today's models, by name. */
const MODEL_MEDIA: Readonly<Record<string, readonly MediaField[]>> = {
  'kling-o3-ref': [
    { path: ['image_list', '*', 'image_url'], input: 'image-list', ...KLING_IMAGE },
    { path: ['video_list', '*', 'video_url'], input: 'video-list', ...KLING_VIDEO },
  ],
  'kling-o3-reference-to-video': [
    { path: ['start_image_url'], input: 'image-url', ...KLING_IMAGE },
    { path: ['end_image_url'], input: 'end-image-url', ...KLING_IMAGE },
    { path: ['image_urls', '*'], input: 'parameters', ...KLING_IMAGE },
    ...ELEMENTS,
  ],
  'kling-v3-text-to-video': [],
  'kling-v3-image-to-video': [
    { path: ['image_url'], input: 'image-url', ...KLING_IMAGE },
    { path: ['image_tail_url'], input: 'end-image-url', ...KLING_IMAGE },
  ],
  'kling-o3-image-to-video': [
    { path: ['image_url'], input: 'image-url', ...KLING_IMAGE },
    { path: ['end_image_url'], input: 'end-image-url', ...KLING_IMAGE },
  ],
  'kling-o3-video-to-video-edit': [{ path: ['video_url'], input: 'video-url', ...KLING_VIDEO }, ...ELEMENTS],
  'kling-v3-motion-control': MOTION_CONTROL,
  'kling-v2-6-motion-control': MOTION_CONTROL,
}

/**
 * A model the action does not know: the fields its media inputs fill (`image-url` → image_url, and so on), as the
 * request is sent as given. Its `parameters` are never read for files.
 */
const UNKNOWN_MODEL_MEDIA: readonly MediaField[] = [
  { path: ['image_url'], input: 'image-url', kind: 'image' },
  { path: ['end_image_url'], input: 'end-image-url', kind: 'image' },
  { path: ['video_url'], input: 'video-url', kind: 'video' },
  { path: ['image_list', '*'], input: 'image-list', kind: 'image' },
  { path: ['image_list', '*', 'image_url'], input: 'image-list', kind: 'image' },
  { path: ['video_list', '*', 'video_url'], input: 'video-list', kind: 'video' },
]

/** Where a request for `model` holds media values, with their kind, input and size limit. */
export function mediaFieldsOf(model: string): readonly MediaField[] {
  return Object.hasOwn(MODEL_MEDIA, model) ? (MODEL_MEDIA[model] ?? []) : UNKNOWN_MODEL_MEDIA
}
