// Field schemas shared by the model modules: text coercion (action inputs arrive as text), URLs, media (a URL or a
// workspace file: mediaUrl), lists, and the few rules FoxAPI documents for every Kling model (prompt length, yes/no,
// refer_type).
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { firstLineOf } from '../errors'

/** FoxAPI's English Kling O3 pages cap `prompt` at 2500 characters. */
export const MAX_PROMPT_CHARS = 2500
export const MAX_LIST_ITEMS = 20

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}

export const httpUrl = z
  .string({ error: 'must be an http(s) URL' })
  .trim()
  .refine((value) => isHttpUrl(value), { error: 'must be an http(s) URL' })

/** What a media field takes: a picture, a video or a sound. */
export type MediaKind = 'image' | 'video' | 'audio'

/**
 * Whether `value` names a workspace file rather than a URL: it has no URL scheme (`assets/product.png`,
 * `./assets/product.png`; a Windows drive such as `C:\x` counts as a path, and is refused later as absolute).
 */
export function isMediaPath(value: string): boolean {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) || /^[A-Za-z]:[\\/]/.test(value)
}

const MEDIA_ERRORS: Record<MediaKind, string> = {
  image: 'must be an http(s) URL or the workspace path of an image (e.g. assets/product.png)',
  video: 'must be an http(s) URL or the workspace path of a video (e.g. assets/reference.mp4)',
  audio: 'must be an http(s) URL or the workspace path of an audio file (e.g. assets/voice.mp3)',
}

/**
 * A media field: an http(s) URL, sent as given, or a workspace file (a value without a URL scheme), which the run
 * checks (src/media), uploads through FoxAPI's file API right before the clip's task is created, and replaces by
 * the URL FoxAPI returns. Required; `.optional()` for an optional field. `kind` says what the file must hold, and
 * is kept as the schema's metadata (`{ mediaKind }`).
 */
export const mediaUrl = (kind: MediaKind) =>
  z
    .preprocess(
      emptyToUndefined,
      z
        .string({ error: MEDIA_ERRORS[kind] })
        .trim()
        .max(2048, { error: 'is too long (at most 2048 characters)' })
        .refine((value) => isHttpUrl(value) || (isMediaPath(value) && !value.includes('\0')), { error: MEDIA_ERRORS[kind] }),
    )
    .meta({ mediaKind: kind })

/** A list of media fields (URLs or workspace files), at most `max` of them. */
export const mediaUrlList = (kind: MediaKind, max = MAX_LIST_ITEMS) =>
  list(mediaUrl(kind), `${kind} URLs or workspace paths`, max).meta({ mediaKind: kind })

/** Empty text means "not given"; other text is parsed as YAML (a superset of JSON). */
export function structuredText(value: unknown, ctx: z.RefinementCtx): unknown {
  if (typeof value !== 'string') return value
  if (value.trim() === '') return undefined
  try {
    return parseYaml(value, { uniqueKeys: true, maxAliasCount: 50 })
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `is not valid JSON or YAML (${firstLineOf(error)})`, input: value })
    return z.NEVER
  }
}

export function emptyToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value
}

export function textToNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : value
}

export function textToBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const text = value.trim().toLowerCase()
  return text === '' ? undefined : text === 'true' ? true : text === 'false' ? false : value
}

export const wholeSeconds = (min: number, max: number) => {
  const message = `must be a whole number of seconds from ${min} to ${max}`
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message })
}

export const duration = (min = 3, max = 15) => z.preprocess(textToNumber, wholeSeconds(min, max).optional())

export const promptText = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_PROMPT_CHARS, { error: `is too long (more than ${MAX_PROMPT_CHARS} characters, FoxAPI's limit)` })

/** A prompt the model requires: a missing one reads as empty. */
export const requiredPrompt = z.preprocess((value) => (value === undefined ? '' : value), promptText)
export const optionalPrompt = z.preprocess(emptyToUndefined, promptText.optional())

export const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(values, {
        error: `must be ${values
          .map((v) => `'${v}'`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1')}`,
      })
      .optional(),
  )

export const mode = optionalEnum(['standard', 'pro'])
export const aspectRatio = optionalEnum(['16:9', '9:16', '1:1'])
/** Documented for kling-o3-reference-to-video; the other pages name the field without its values. */
export const resolution = optionalEnum(['720p', '1080p', '4k'])
export const flag = z.preprocess(textToBoolean, z.boolean({ error: 'must be true or false' }).optional())
export const text = z.preprocess(emptyToUndefined, z.string({ error: 'must be text' }).trim().max(MAX_PROMPT_CHARS).optional())

/** `yes`/`no` (FoxAPI's only values); true/false are read as yes/no. */
export const yesNo = z.preprocess(
  (value) => (value === true ? 'yes' : value === false ? 'no' : emptyToUndefined(value)),
  z.enum(['yes', 'no'], { error: "keep_original_sound must be 'yes' or 'no'" }).optional(),
)

export const list = <T extends z.ZodType>(item: T, noun: string, max = MAX_LIST_ITEMS, tooMany = `has too many items (at most ${max})`) =>
  z.preprocess(
    structuredText,
    z
      .array(item, { error: `must be a JSON or YAML list of ${noun}` })
      .max(max, { error: tooMany })
      .nullish(),
  )

export interface PromptSegment {
  prompt: string
  duration: number
}

export const segment = z.strictObject({
  prompt: promptText,
  duration: z.preprocess(textToNumber, wholeSeconds(1, 15)),
})
export const multiPrompt = list(segment, 'segments ({prompt, duration})')

export const elements = list(
  z.strictObject({
    frontal_image_url: mediaUrl('image'),
    reference_image_urls: z.array(mediaUrl('image')).max(MAX_LIST_ITEMS).optional(),
  }),
  'elements ({frontal_image_url, reference_image_urls})',
)

/** A cross-field problem, as a path in the request body and a message. */
export interface FieldProblem {
  path: (string | number)[]
  message: string
}

/** FoxAPI's rule on multi_prompt: segment durations add up to `duration` (`fallback` when none is sent). */
export function segmentsAddUp(body: { multi_prompt?: PromptSegment[] | null; duration?: number }, fallback?: number): FieldProblem[] {
  const segments = body.multi_prompt
  if (!segments || segments.length === 0) return []
  const target = body.duration ?? fallback
  if (target === undefined) return []
  const total = segments.reduce((sum, s) => sum + s.duration, 0)
  if (total === target) return []
  const note = body.duration === undefined ? ' (the default)' : ''
  return [{ path: ['multi_prompt'], message: `segment durations add up to ${total}s but duration is ${target}s${note}` }]
}

/** FoxAPI's rule on models whose page says so: `prompt` and `multi_prompt` are not sent together. */
export function notBoth(body: { prompt?: string; multi_prompt?: unknown[] | null }): FieldProblem[] {
  return body.prompt !== undefined && body.multi_prompt?.length
    ? [{ path: ['multi_prompt'], message: 'cannot be sent together with prompt for this model: use one' }]
    : []
}

/** Kling's own limits on shots (warnings: FoxAPI's free 422 is the judge). */
export function shotWarnings(segments: PromptSegment[] | null | undefined): string[] {
  if (!segments?.length) return []
  const warnings: string[] = []
  if (segments.length > 6) warnings.push(`multi_prompt has ${segments.length} shots; Kling's specification allows at most 6`)
  segments.forEach((s, i) => {
    if (s.prompt.length > 512)
      warnings.push(`multi_prompt shot ${i + 1} has ${s.prompt.length} characters; Kling's specification allows 512`)
  })
  return warnings
}
