// kling-o3-ref: the seed model (Kling O3 reference video, on kling-v3-omni). Images and one reference video
// in lists, referenced from the prompt as <<<image_N>>> / <<<video_1>>>; the action sends its defaults.
import { z } from 'zod'
import {
  aspectRatio,
  duration,
  list,
  mediaUrl,
  mode,
  multiPrompt,
  requiredPrompt,
  segmentsAddUp,
  shotWarnings,
  yesNo,
  type FieldProblem,
  type PromptSegment,
} from './fields'
import { defineModel, imageCountWarning } from './model'

export const DEFAULT_MODE = 'standard'
export const DEFAULT_ASPECT_RATIO = '16:9'
export const DEFAULT_DURATION = 5

export interface ImageItem {
  image_url: string
  type?: 'first_frame' | 'end_frame'
}
export interface VideoItem {
  video_url: string
  refer_type?: 'feature' | 'base'
  keep_original_sound?: 'yes' | 'no'
}

/** A bare URL stands for `{ <field>: url }`, so list items can be written either way. */
const urlShorthand = (field: string) => (value: unknown) => (typeof value === 'string' ? { [field]: value } : value)
const objectError = (fields: string) => ({
  error: (issue: { input?: unknown }) =>
    typeof issue.input !== 'object' || issue.input === null || Array.isArray(issue.input) ? `must be a URL or {${fields}}` : undefined,
})

const imageItem = z.preprocess(
  urlShorthand('image_url'),
  z
    .strictObject(
      {
        image_url: mediaUrl('image').optional(),
        url: mediaUrl('image').optional(),
        type: z.enum(['first_frame', 'end_frame', ''], { error: "type must be 'first_frame', 'end_frame' or empty" }).optional(),
      },
      objectError('image_url, type'),
    )
    .refine((item) => (item.image_url ?? item.url) !== undefined, { error: 'needs image_url (or url)' })
    .transform((item): ImageItem => {
      const image: ImageItem = { image_url: (item.image_url ?? item.url) as string }
      if (item.type) image.type = item.type
      return image
    }),
)

const videoItem = z.preprocess(
  urlShorthand('video_url'),
  z
    .strictObject(
      {
        video_url: mediaUrl('video').optional(),
        url: mediaUrl('video').optional(),
        refer_type: z.enum(['feature', 'base'], { error: "refer_type must be 'feature' or 'base'" }).optional(),
        keep_original_sound: yesNo,
      },
      objectError('video_url, refer_type, keep_original_sound'),
    )
    .refine((item) => (item.video_url ?? item.url) !== undefined, { error: 'needs video_url (or url)' })
    .transform((item): VideoItem => {
      const video: VideoItem = { video_url: (item.video_url ?? item.url) as string }
      if (item.refer_type) video.refer_type = item.refer_type
      if (item.keep_original_sound) video.keep_original_sound = item.keep_original_sound
      return video
    }),
)

const schema = z.strictObject({
  prompt: requiredPrompt,
  mode,
  aspect_ratio: aspectRatio,
  duration: duration(3, 15),
  image_list: list(imageItem, 'images'),
  video_list: list(videoItem, 'videos', 1, 'may hold at most 1 reference video'),
  multi_prompt: multiPrompt,
})
type Body = z.output<typeof schema>

const MEDIA_REFERENCE = /<<<(image|video)_(\d+)>>>/g

function referenceProblems(body: Body): FieldProblem[] {
  const problems: FieldProblem[] = []
  const images = body.image_list?.length ?? 0
  const videos = body.video_list?.length ?? 0
  const check = (text: string, path: (string | number)[]) => {
    for (const [token, kind, digits] of text.matchAll(MEDIA_REFERENCE)) {
      const n = Number(digits)
      const available = kind === 'image' ? images : videos
      const listName = kind === 'image' ? 'image-list' : 'video-list'
      if (n < 1 || n > available || (kind === 'video' && n !== 1)) {
        problems.push({
          path,
          message:
            available === 0
              ? `refers to ${token} but ${listName} is empty`
              : `refers to ${token} but ${listName} has ${available} item${available === 1 ? '' : 's'} (numbering starts at 1)`,
        })
      }
    }
  }
  check(body.prompt, ['prompt'])
  body.multi_prompt?.forEach((s: PromptSegment, i: number) => check(s.prompt, ['multi_prompt', i, 'prompt']))
  return problems
}

const hasBaseReference = (body: Body) => body.video_list?.some((v: VideoItem) => v.refer_type === 'base') ?? false

export const klingO3Ref = defineModel({
  name: 'kling-o3-ref',
  about: 'Kling O3 reference video (kling-v3-omni): prompt with <<<image_N>>>/<<<video_1>>> references, image and video lists',
  inputs: {
    prompt: 'prompt',
    mode: 'mode',
    'aspect-ratio': 'aspect_ratio',
    duration: 'duration',
    'image-list': 'image_list',
    'video-list': 'video_list',
    'multi-prompt': 'multi_prompt',
  },
  schema,
  rules: (body) => [...referenceProblems(body), ...(hasBaseReference(body) ? [] : segmentsAddUp(body, DEFAULT_DURATION))],
  // With a `base` reference video the clip's length follows that video.
  fixes: (body) => (hasBaseReference(body) ? ['aspect-ratio'] : ['aspect-ratio', 'duration']),
  shapeDefaults: { aspect_ratio: DEFAULT_ASPECT_RATIO, duration: DEFAULT_DURATION },
  warnings: (body) => {
    const images: ImageItem[] = body.image_list ?? []
    const video = (body.video_list?.length ?? 0) > 0
    const warnings = [...shotWarnings(body.multi_prompt), ...imageCountWarning(images.length, video)]
    if (images.some((i) => i.type === 'end_frame') && !images.some((i) => i.type === 'first_frame')) {
      warnings.push("image_list has an end_frame without a first_frame; Kling's specification needs both")
    }
    if (video && body.duration !== undefined && (body.duration < 3 || body.duration > 10)) {
      warnings.push(`duration is ${body.duration}s; with a reference video Kling's specification allows 3 to 10 s`)
    }
    return warnings
  },
  finalize: (body) => {
    const request: Record<string, unknown> = {
      prompt: body.prompt,
      mode: body.mode ?? DEFAULT_MODE,
      aspect_ratio: body.aspect_ratio ?? DEFAULT_ASPECT_RATIO,
    }
    // With a `base` reference video the clip's length follows the video; send a duration only if one was asked for.
    if (body.duration !== undefined || !hasBaseReference(body)) request.duration = body.duration ?? DEFAULT_DURATION
    if (body.image_list?.length) request.image_list = body.image_list
    if (body.video_list?.length) request.video_list = body.video_list
    if (body.multi_prompt?.length) request.multi_prompt = body.multi_prompt
    return request
  },
})
