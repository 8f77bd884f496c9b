// The generation request: validated with zod from inputs named as in action.yml
// (or a batch entry), and turned into FoxAPI's `POST /v1/videos/generations` body.
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'

export const DEFAULT_MODEL = 'kling-o3-ref'
export const DEFAULT_MODE = 'standard'
export const DEFAULT_ASPECT_RATIO = '16:9'
export const DEFAULT_DURATION = 5
export const MIN_DURATION = 3
export const MAX_DURATION = 15
export const MAX_PROMPT_CHARS = 10_000
export const MAX_LIST_ITEMS = 20

export interface ImageItem {
  image_url: string
  type?: 'first_frame' | 'end_frame'
}
export interface VideoItem {
  video_url: string
  refer_type?: string
  keep_original_sound?: 'yes' | 'no'
}
export interface PromptSegment {
  prompt: string
  duration: number
}

/** The body of `POST /v1/videos/generations`. */
export interface GenerationRequest {
  model: string
  prompt: string
  mode: 'standard' | 'pro'
  aspect_ratio: '16:9' | '9:16' | '1:1'
  duration?: number
  image_list?: ImageItem[]
  video_list?: VideoItem[]
  multi_prompt?: PromptSegment[]
}

/** Input names (as in action.yml and batch files) that make up one request. */
export const REQUEST_INPUTS = ['model', 'prompt', 'mode', 'aspect-ratio', 'duration', 'image-list', 'video-list', 'multi-prompt'] as const
export type RequestInputName = (typeof REQUEST_INPUTS)[number]
export type RawRequestInputs = Partial<Record<RequestInputName, unknown>>

const httpUrl = z
  .string({ error: 'must be an http(s) URL' })
  .trim()
  .refine((value) => isHttpUrl(value), { error: 'must be an http(s) URL' })

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** Empty text means "not given"; other text is parsed as YAML (a superset of JSON). */
function structuredText(value: unknown, ctx: z.RefinementCtx): unknown {
  if (typeof value !== 'string') return value
  if (value.trim() === '') return undefined
  try {
    return parseYaml(value, { uniqueKeys: true, maxAliasCount: 50 })
  } catch (error) {
    const reason = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(/:\s*$/, '')
    ctx.addIssue({ code: 'custom', message: `is not valid JSON or YAML (${reason})`, input: value })
    return z.NEVER
  }
}

function emptyToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value
}

function textToNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : value
}

const wholeSeconds = (min: number, max: number) => {
  const message = `must be a whole number of seconds from ${min} to ${max}`
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message })
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
        image_url: httpUrl.optional(),
        url: httpUrl.optional(),
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

const yesNo = z.preprocess(
  (value) => (value === true ? 'yes' : value === false ? 'no' : value),
  z.enum(['yes', 'no'], { error: "keep_original_sound must be 'yes' or 'no'" }),
)

const videoItem = z.preprocess(
  urlShorthand('video_url'),
  z
    .strictObject(
      {
        video_url: httpUrl.optional(),
        url: httpUrl.optional(),
        refer_type: z
          .string()
          .regex(/^[a-z_]+$/, { error: "refer_type must be a word such as 'feature' or 'base'" })
          .optional(),
        keep_original_sound: yesNo.optional(),
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

const promptText = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_PROMPT_CHARS, { error: `is too long (more than ${MAX_PROMPT_CHARS} characters)` })

const segment = z.strictObject({
  prompt: promptText,
  duration: z.preprocess(textToNumber, wholeSeconds(1, MAX_DURATION)),
})

const list = <T extends z.ZodType>(item: T, max: number, noun: string) =>
  z.preprocess(
    structuredText,
    z
      .array(item, { error: `must be a JSON or YAML list of ${noun}` })
      .max(max, { error: `has too many items (at most ${max})` })
      .nullish(),
  )

const rawRequestSchema = z.strictObject({
  model: z.preprocess(
    emptyToUndefined,
    z
      .string({ error: 'must be text' })
      .trim()
      .regex(/^[A-Za-z0-9._:/-]+$/, { error: 'must be a model name such as kling-o3-ref' })
      .max(100, { error: 'is too long' })
      .default(DEFAULT_MODEL),
  ),
  prompt: z.preprocess((value) => (value === undefined ? '' : value), promptText),
  mode: z.preprocess(emptyToUndefined, z.enum(['standard', 'pro'], { error: "must be 'standard' or 'pro'" }).default(DEFAULT_MODE)),
  'aspect-ratio': z.preprocess(
    emptyToUndefined,
    z.enum(['16:9', '9:16', '1:1'], { error: "must be '16:9', '9:16' or '1:1'" }).default(DEFAULT_ASPECT_RATIO),
  ),
  duration: z.preprocess(textToNumber, wholeSeconds(MIN_DURATION, MAX_DURATION).optional()),
  'image-list': list(imageItem, MAX_LIST_ITEMS, 'images'),
  'video-list': z.preprocess(
    structuredText,
    z
      .array(videoItem, { error: 'must be a JSON or YAML list of videos' })
      .max(1, { error: 'may hold at most 1 reference video' })
      .nullish(),
  ),
  'multi-prompt': list(segment, MAX_LIST_ITEMS, 'segments ({prompt, duration})'),
})

type RawRequest = z.infer<typeof rawRequestSchema>

const MEDIA_REFERENCE = /<<<(image|video)_(\d+)>>>/g

function checkCrossFieldRules(raw: RawRequest, ctx: z.RefinementCtx): void {
  const images = raw['image-list']?.length ?? 0
  const videos = raw['video-list']?.length ?? 0
  const checkReferences = (text: string, path: (string | number)[]) => {
    for (const match of text.matchAll(MEDIA_REFERENCE)) {
      const [token, kind, digits] = match
      const n = Number(digits)
      const available = kind === 'image' ? images : videos
      const listName = kind === 'image' ? 'image-list' : 'video-list'
      if (n < 1 || n > available || (kind === 'video' && n !== 1)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message:
            available === 0
              ? `refers to ${token} but ${listName} is empty`
              : `refers to ${token} but ${listName} has ${available} item${available === 1 ? '' : 's'} (numbering starts at 1)`,
        })
      }
    }
  }
  checkReferences(raw.prompt, ['prompt'])
  raw['multi-prompt']?.forEach((s, i) => checkReferences(s.prompt, ['multi-prompt', i, 'prompt']))

  const segments = raw['multi-prompt']
  const baseReference = raw['video-list']?.some((v) => v.refer_type === 'base') ?? false
  if (segments && segments.length > 0 && !baseReference) {
    const total = segments.reduce((sum, s) => sum + s.duration, 0)
    const target = raw.duration ?? DEFAULT_DURATION
    if (total !== target) {
      ctx.addIssue({
        code: 'custom',
        path: ['multi-prompt'],
        message: `segment durations add up to ${total}s but duration is ${target}s${raw.duration === undefined ? ' (the default)' : ''}`,
      })
    }
  }
}

export const requestSchema = rawRequestSchema.superRefine(checkCrossFieldRules).transform((raw): GenerationRequest => {
  const request: GenerationRequest = {
    model: raw.model,
    prompt: raw.prompt,
    mode: raw.mode,
    aspect_ratio: raw['aspect-ratio'],
  }
  const baseReference = raw['video-list']?.some((v) => v.refer_type === 'base') ?? false
  // With a `base` reference video the clip's length follows the video; send a duration only if one was asked for.
  if (raw.duration !== undefined || !baseReference) request.duration = raw.duration ?? DEFAULT_DURATION
  if (raw['image-list']?.length) request.image_list = raw['image-list']
  if (raw['video-list']?.length) request.video_list = raw['video-list']
  if (raw['multi-prompt']?.length) request.multi_prompt = raw['multi-prompt']
  return request
})

export type ValidationResult = { ok: true; request: GenerationRequest } | { ok: false; problems: string[] }

/**
 * Validates request inputs. Problems name the input, e.g. `Input 'duration' must be a whole number…`.
 * `label` names where the inputs came from (`Input` or `batch[2]`).
 */
export function validateRequest(raw: RawRequestInputs, label = 'Input'): ValidationResult {
  const result = requestSchema.safeParse(raw, { reportInput: true })
  if (result.success) return { ok: true, request: result.data }
  return { ok: false, problems: result.error.issues.map((issue) => describeIssue(issue, label)) }
}

export function describeIssue(issue: z.core.$ZodIssue, label: string): string {
  const [field, ...rest] = issue.path
  if (issue.code === 'unrecognized_keys') {
    const where = field === undefined ? label : `${label} '${String(field)}'${itemPath(rest)}`
    return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'${hint(k)}`).join(', ')}`
  }
  if (field === undefined) return `${label}: ${issue.message}`
  return `${label} '${String(field)}'${itemPath(rest)} ${issue.message}${received(issue)}`
}

/** ` (got "20")` for short scalar values, so the message shows what was wrong. */
function received(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') return ''
  const input: unknown = issue.input
  if (typeof input === 'number' || typeof input === 'boolean') return ` (got ${String(input)})`
  if (typeof input === 'string' && input.length <= 60 && !input.includes('\n')) return ` (got ${JSON.stringify(input)})`
  return ''
}

function itemPath(rest: PropertyKey[]): string {
  return rest.map((part) => (typeof part === 'number' ? ` item ${part + 1}` : ` field '${String(part)}'`)).join(',')
}

function hint(key: string): string {
  const kebab = key.replace(/_/g, '-')
  return kebab !== key && (REQUEST_INPUTS as readonly string[]).includes(kebab) ? ` (did you mean '${kebab}'?)` : ''
}
