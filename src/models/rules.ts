// The small named functions registry entries refer to, for what data cannot say: rules FoxAPI documents across
// fields (errors, before anything is paid), limits known only from a provider's own specification (warnings),
// what the action fills in before sending, and the one request that fixes less of the clip's shape.
import type { FinalizeName, ModelEntry, RuleName, ShapeExceptionName, WarningName } from './entry'
import type { PromptSegment } from './fields'
import type { ImageItem, VideoItem } from './special-fields'

/** A cross-field problem, as a path in the request body and a message. */
export interface FieldProblem {
  path: (string | number)[]
  message: string
}

type Body = Record<string, unknown>
const segmentsOf = (body: Body) => (Array.isArray(body.multi_prompt) ? (body.multi_prompt as PromptSegment[]) : [])
const countOf = (value: unknown) => (Array.isArray(value) ? value.length : 0)
const defaultOf = (entry: ModelEntry, field: string): unknown => (entry.fields[field] as { default?: unknown } | undefined)?.default

/** FoxAPI's rule on multi_prompt: segment durations add up to `duration` (`fallback` when none is sent). */
export function segmentsAddUp(body: Body, fallback?: number): FieldProblem[] {
  const segments = segmentsOf(body)
  if (segments.length === 0) return []
  const target = typeof body.duration === 'number' ? body.duration : fallback
  if (target === undefined) return []
  const total = segments.reduce((sum, s) => sum + s.duration, 0)
  if (total === target) return []
  const note = body.duration === undefined ? ' (the default)' : ''
  return [{ path: ['multi_prompt'], message: `segment durations add up to ${total}s but duration is ${target}s${note}` }]
}

const MEDIA_REFERENCE = /<<<(image|video)_(\d+)>>>/g

/** kling-o3-ref: every `<<<image_N>>>` / `<<<video_1>>>` in the prompt and the segments names an item of its list. */
function klingMediaReferences(body: Body): FieldProblem[] {
  const problems: FieldProblem[] = []
  const images = countOf(body.image_list)
  const videos = countOf(body.video_list)
  const check = (text: string, path: (string | number)[]) => {
    for (const [token, kind, digits] of text.matchAll(MEDIA_REFERENCE)) {
      const n = Number(digits)
      const available = kind === 'image' ? images : videos
      const listName = kind === 'image' ? 'image-list' : 'video-list'
      if (n < 1 || n > available || (kind === 'video' && n !== 1)) {
        const has = `${listName} has ${available} item${available === 1 ? '' : 's'} (numbering starts at 1)`
        problems.push({ path, message: `refers to ${token} but ${available === 0 ? `${listName} is empty` : has}` })
      }
    }
  }
  if (typeof body.prompt === 'string') check(body.prompt, ['prompt'])
  segmentsOf(body).forEach((s, i) => check(s.prompt, ['multi_prompt', i, 'prompt']))
  return problems
}

const hasBaseReference = (body: Body) =>
  (Array.isArray(body.video_list) ? (body.video_list as VideoItem[]) : []).some((v) => v.refer_type === 'base')

/** How many images each `generation_type` takes, as Veo's and Vidu's pages give them. */
const IMAGES_BY_TYPE: Readonly<Record<string, readonly [number, number]>> = {
  'text-to-video': [0, 0],
  'image-to-video': [1, 1],
  'first-last-frame': [2, 2],
  'reference-to-video': [1, 3],
}

function imagesFitType(type: string, images: number, range = IMAGES_BY_TYPE[type]): FieldProblem[] {
  if (!range || (images >= range[0] && images <= range[1])) return []
  const wanted = range[0] === range[1] ? `${range[0]}` : `${range[0]} to ${range[1]}`
  return [{ path: ['image_urls'], message: `holds ${images} image${images === 1 ? '' : 's'}, but generation_type ${type} takes ${wanted}` }]
}

/** Vidu Q3: generation_type (or, when absent, what FoxAPI infers from the image count) decides the images and whether a prompt is needed. */
function viduImagesAndPrompt(body: Body): FieldProblem[] {
  const images = countOf(body.image_urls)
  const inferred =
    images === 0 ? 'text-to-video' : images === 1 ? 'image-to-video' : images === 2 ? 'first-last-frame' : 'reference-to-video'
  const type = typeof body.generation_type === 'string' ? body.generation_type : inferred
  const problems = imagesFitType(type, images, type === 'reference-to-video' ? [1, 4] : undefined)
  const needsPrompt = type === 'text-to-video' || type === 'reference-to-video'
  if (needsPrompt && body.prompt === undefined) problems.push({ path: ['prompt'], message: `must not be empty (${type} needs a prompt)` })
  return problems
}

/** Wan 2.7 image to video: each generation_type's inputs (absent, FoxAPI infers it from them). */
function wanInputsByGenerationType(body: Body): FieldProblem[] {
  const type = body.generation_type
  if (type === 'video-continuation')
    return body.video_url === undefined
      ? [{ path: ['video_url'], message: 'must be an http(s) URL (video-continuation continues it)' }]
      : []
  return typeof type === 'string' ? imagesFitType(type, countOf(body.image_urls)) : []
}

/** Veo 3.1 Lite first/last frame: FoxAPI's page allows only 8 s at 1080p. */
function veoLite1080p(body: Body, entry: ModelEntry): FieldProblem[] {
  const resolution = body.resolution ?? defaultOf(entry, 'resolution')
  return resolution === '1080p' && typeof body.duration === 'number' && body.duration !== 8
    ? [{ path: ['duration'], message: `must be 8 seconds at 1080p for ${entry.name} (got ${body.duration})` }]
    : []
}

/** Seedance 2.0 reference: at most 12 files in all (images, videos, audio). */
function seedanceFiles(body: Body): FieldProblem[] {
  const files = countOf(body.image_urls) + countOf(body.video_urls) + countOf(body.audio_urls)
  return files > 12
    ? [{ path: ['image_urls'], message: `with video_urls and audio_urls makes ${files} files; FoxAPI takes at most 12 in all` }]
    : []
}

export const RULES: Readonly<Record<RuleName, (body: Body, entry: ModelEntry) => FieldProblem[]>> = {
  'prompt-or-segments': (body) =>
    body.prompt !== undefined && segmentsOf(body).length > 0
      ? [{ path: ['multi_prompt'], message: 'cannot be sent together with prompt for this model: use one' }]
      : [],
  'segments-add-up': (body) => segmentsAddUp(body),
  'segments-add-up-to-default': (body, entry) =>
    hasBaseReference(body) ? [] : segmentsAddUp(body, defaultOf(entry, 'duration') as number | undefined),
  'kling-media-references': klingMediaReferences,
  'veo-images-by-generation-type': (body) =>
    typeof body.generation_type === 'string' ? imagesFitType(body.generation_type, countOf(body.image_urls)) : [],
  'veo-lite-1080p-is-8s': veoLite1080p,
  'wan-inputs-by-generation-type': wanInputsByGenerationType,
  'vidu-images-and-prompt': viduImagesAndPrompt,
  'seedance-12-files': seedanceFiles,
}

/** Counts of the image inputs of a Kling request, for the "at most 7 (4 with a video)" warning. */
function imageCountWarning(images: number, withVideo: boolean): string[] {
  const max = withVideo ? 4 : 7
  return images > max
    ? [`${images} images and elements; Kling's specification allows at most ${max}${withVideo ? ' with a reference video' : ''}`]
    : []
}

function klingO3RefMedia(body: Body): string[] {
  const images = Array.isArray(body.image_list) ? (body.image_list as ImageItem[]) : []
  const video = countOf(body.video_list) > 0
  const warnings = imageCountWarning(images.length, video)
  if (images.some((i) => i.type === 'end_frame') && !images.some((i) => i.type === 'first_frame')) {
    warnings.push("image_list has an end_frame without a first_frame; Kling's specification needs both")
  }
  const duration = body.duration
  if (video && typeof duration === 'number' && (duration < 3 || duration > 10)) {
    warnings.push(`duration is ${duration}s; with a reference video Kling's specification allows 3 to 10 s`)
  }
  return warnings
}

export const WARNINGS: Readonly<Record<WarningName, (body: Body) => string[]>> = {
  'kling-shots': (body) => {
    const segments = segmentsOf(body)
    const warnings: string[] = []
    if (segments.length > 6) warnings.push(`multi_prompt has ${segments.length} shots; Kling's specification allows at most 6`)
    segments.forEach((s, i) => {
      if (s.prompt.length > 512)
        warnings.push(`multi_prompt shot ${i + 1} has ${s.prompt.length} characters; Kling's specification allows 512`)
    })
    return warnings
  },
  'kling-image-count': (body) =>
    imageCountWarning(
      countOf(body.image_urls) + countOf(body.elements) + (body.start_image_url ? 1 : 0) + (body.end_image_url ? 1 : 0),
      false,
    ),
  'kling-o3-ref-media': klingO3RefMedia,
  'kling-end-without-start': (body) =>
    body.end_image_url && !body.start_image_url ? ["an end image without a start image; Kling's specification needs both"] : [],
  'voices-need-audio': (body) =>
    countOf(body.voice_ids) > 0 && body.generate_audio !== true
      ? ["voice_ids are used only with generate_audio: true (FoxAPI's page)"]
      : [],
}

/** kling-o3-ref: the action sends mode, aspect ratio and duration (FoxAPI's defaults) when they are not given. */
function klingO3RefDefaults(body: Body, entry: ModelEntry): Body {
  const request: Body = {
    prompt: body.prompt,
    mode: body.mode ?? defaultOf(entry, 'mode'),
    aspect_ratio: body.aspect_ratio ?? defaultOf(entry, 'aspect_ratio'),
  }
  // With a `base` reference video the clip's length follows the video; send a duration only if one was asked for.
  if (body.duration !== undefined || !hasBaseReference(body)) request.duration = body.duration ?? defaultOf(entry, 'duration')
  for (const field of ['image_list', 'video_list', 'multi_prompt']) if (countOf(body[field]) > 0) request[field] = body[field]
  return request
}

/** Veo 3.1 (fast, standard): with images and no generation_type, the type their count means (1, 2, 3 images). */
function veoGenerationType(body: Body): Body {
  const images = countOf(body.image_urls)
  if (body.generation_type !== undefined || images === 0) return body
  return { ...body, generation_type: images === 1 ? 'image-to-video' : images === 2 ? 'first-last-frame' : 'reference-to-video' }
}

export const FINALIZERS: Readonly<Record<FinalizeName, (body: Body, entry: ModelEntry) => Body>> = {
  'kling-o3-ref-defaults': klingO3RefDefaults,
  'veo-generation-type': veoGenerationType,
}

/** Shape fields a request leaves to its inputs after all. */
export const SHAPE_EXCEPTIONS: Readonly<Record<ShapeExceptionName, (body: Body) => readonly ('duration' | 'aspect')[]>> = {
  // With a `base` reference video the clip's length follows that video.
  'kling-base-reference': (body) => (hasBaseReference(body) ? ['duration'] : []),
}
