// Field schemas the registry's interpreter (./interpret.ts) builds models from: text coercion (action inputs
// arrive as text), prompts with each page's cap, enums, lists, and the one helper every media field is declared
// through (mediaUrl / mediaUrlList), which ./media-fields.ts reads to list where a request's media values are.
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

/** An http(s) URL that is not media (a legacy `callback_url`); media fields use mediaUrl below. */
export const httpUrl = z
  .string({ error: 'must be an http(s) URL' })
  .trim()
  .refine((value) => isHttpUrl(value), { error: 'must be an http(s) URL' })

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

/** `a, b or c`: a list of allowed values in a message. */
export function listOr(values: readonly (string | number)[], quote = false): string {
  const shown = values.map((v) => (quote ? `'${v}'` : String(v)))
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`
}

/** A prompt capped at `cap` characters (the model's page); without a cap only the input's own limits apply. */
export const promptOf = (cap: number | undefined) => {
  const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' })
  return cap === undefined ? text : text.max(cap, { error: `is too long (more than ${cap} characters, FoxAPI's limit)` })
}
export const promptText = promptOf(MAX_PROMPT_CHARS)

/** A prompt the model requires: a missing one reads as empty. */
export const requiredPromptOf = (cap: number | undefined) => z.preprocess((value) => (value === undefined ? '' : value), promptOf(cap))
export const optionalPromptOf = (cap: number | undefined) => z.preprocess(emptyToUndefined, promptOf(cap).optional())

export const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(emptyToUndefined, z.enum(values, { error: `must be ${listOr(values, true)}` }).optional())

export const flag = z.preprocess(textToBoolean, z.boolean({ error: 'must be true or false' }).optional())

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

/** What a media field holds: the model fetches it from its URL (a workspace file is uploaded first: src/media). */
export type MediaKind = 'image' | 'video' | 'audio'

/** What a media schema says of its field: the kind, and the largest file the model's page allows (when it says). */
export interface MediaMeta {
  media: MediaKind
  maxBytes?: number
}

/** Every schema made by mediaUrl, with its kind: models/media-fields.ts finds a model's media fields by it. */
export const mediaRegistry = z.registry<MediaMeta>()

/**
 * Whether `value` names a workspace file rather than a URL: it has no URL scheme (`assets/product.png`,
 * `./assets/product.png`; a Windows drive such as `C:\x` counts as a path, and is refused later as absolute).
 */
export function isMediaPath(value: string): boolean {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) || /^[A-Za-z]:[\\/]/.test(value)
}

const MEDIA_ERRORS: Readonly<Record<MediaKind, string>> = {
  image: 'must be an http(s) URL or the workspace path of an image (e.g. assets/product.png)',
  video: 'must be an http(s) URL or the workspace path of a video (e.g. assets/reference.mp4)',
  audio: 'must be an http(s) URL or the workspace path of an audio file (e.g. assets/voice.mp3)',
}

/**
 * THE schema of one media value (an image, a video or an audio file the model fetches): an http(s) URL, or the
 * workspace path of a file, which is checked before anything is sent and uploaded right before the task is
 * created (src/media, src/run/upload-media.ts). Every media field of every model is declared through this helper
 * (or mediaUrlList), so that `mediaFieldsOf(model)` lists them all, with `maxBytes` where the model's page gives a
 * file size limit.
 */
export function mediaUrl(kind: MediaKind, options: { maxBytes?: number } = {}) {
  const schema = z
    .string({ error: MEDIA_ERRORS[kind] })
    .trim()
    .max(2048, { error: 'is too long (at most 2048 characters)' })
    .refine((value) => isHttpUrl(value) || (isMediaPath(value) && value !== '' && !value.includes('\0')), { error: MEDIA_ERRORS[kind] })
  mediaRegistry.add(schema, { media: kind, ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}) })
  return schema
}

/**
 * A list of media values of one kind (JSON or YAML text, or a list), at most `max`; with `min`, at least that
 * many when given; `required`: a missing list counts as empty.
 */
export function mediaUrlList(kind: MediaKind, max = MAX_LIST_ITEMS, options: { min?: number; required?: boolean; maxBytes?: number } = {}) {
  const noun = `${kind} URLs or workspace paths`
  const min = options.min ?? (options.required ? 1 : 0)
  const few = `needs at least ${min} ${kind} URL${min === 1 ? '' : 's'}`
  const array = z
    .array(mediaUrl(kind, options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}), {
      error: `must be a JSON or YAML list of ${noun}`,
    })
    .min(min, { error: few })
    .max(max, { error: max === 1 ? `may hold only 1 ${kind} URL` : `has too many items (at most ${max})` })
  if (!options.required) return z.preprocess(structuredText, array.nullish())
  return z.preprocess((value, ctx) => structuredText(value, ctx) ?? [], array)
}

export interface PromptSegment {
  prompt: string
  duration: number
}

export const segment = z.strictObject({
  prompt: promptText,
  duration: z.preprocess(textToNumber, wholeSeconds(1, 15)),
})
export const multiPrompt = list(segment, 'segments ({prompt, duration})')

/** Megabytes as the pages write them (decimal). */
export const MB = 1_000_000
/** Kling's specification: images ≤ 10 MB, a reference (or edited) video ≤ 200 MB. */
export const KLING_IMAGE_BYTES = 10 * MB
export const KLING_VIDEO_BYTES = 200 * MB

/** Kling's subject elements: a frontal image and reference images each. */
export const elements = () =>
  list(
    z.strictObject({
      frontal_image_url: mediaUrl('image', { maxBytes: KLING_IMAGE_BYTES }),
      reference_image_urls: z
        .array(mediaUrl('image', { maxBytes: KLING_IMAGE_BYTES }))
        .max(MAX_LIST_ITEMS)
        .optional(),
    }),
    'elements ({frontal_image_url, reference_image_urls})',
  )
