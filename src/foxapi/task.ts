// The shape of FoxAPI's task replies (create and query share one envelope).
import { z } from 'zod'
import { TASK_ID_PATTERN } from '../security/task-id'
import { capText } from '../security/visible-text'

export const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled'] as const
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number]

/** Longest URL kept from a reply; a longer one is dropped (a real pre-signed URL is far shorter). */
const MAX_URL_LENGTH = 8_192
/** Most result URLs kept from one reply. */
const MAX_RESULT_URLS = 100

/** An optional field: a value of the wrong shape is dropped rather than failing the whole reply. */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined)
const label = z.string().max(200)
const url = z.string().max(MAX_URL_LENGTH)
const count = z.number().finite()
/**
 * The id a model that makes no video answers (`voice_id`, `character_id`): a plain word, so that it can be an
 * output and go into a later request as it is; anything else is dropped.
 */
const assetId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/)
/** The ids and name such a result item (or `output`) carries. */
const assetFields = { voice_id: optional(assetId), character_id: optional(assetId), name: optional(label) }
/** Server text shown to people: kept, but capped. */
const message = z.string().transform((text) => capText(text))

const taskErrorSchema = z.object({
  code: optional(z.union([z.string().max(200), z.number().finite()])),
  message: optional(message),
  type: optional(label),
})

/**
 * FoxAPI's task envelope, projected onto the fields the action knows: id, object, type, model, status,
 * progress, created, task_info{can_cancel, estimated_time}, results[{url, voice_id, character_id, name}],
 * output{url, urls, duration, width, height, voice_id, character_id, name}, error{code, message, type},
 * usage{credits_reserved}. (`voice_id`: kling-video-create-voice; `character_id` and `name`: sora-2-character.) Anything else a server sends (an
 * echoed key, a 20,000-deep object) is dropped here, so it reaches no output, summary, log or cache entry.
 * `id` must be a task id ({@link TASK_ID_PATTERN}) and `status` a plain word; otherwise the reply is not a task.
 */
export const taskSchema = z.object({
  id: z.string().regex(TASK_ID_PATTERN),
  object: optional(label),
  type: optional(label),
  model: optional(label),
  status: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/),
  progress: optional(count),
  created: optional(count),
  task_info: optional(z.object({ can_cancel: optional(z.boolean()), estimated_time: optional(count) })),
  results: optional(
    z
      .array(z.object({ url: optional(url), ...assetFields }))
      .transform((items) => items.slice(0, MAX_RESULT_URLS))
      .nullable(),
  ),
  output: optional(
    z
      .object({
        url: optional(url),
        urls: optional(z.array(url).transform((items) => items.slice(0, MAX_RESULT_URLS))),
        duration: optional(count),
        width: optional(count),
        height: optional(count),
        ...assetFields,
      })
      .nullable(),
  ),
  error: optional(z.union([taskErrorSchema, message]).nullable()),
  // A figure FoxAPI may send as a number or a numeric string (src/run/budget.ts reads either). A figure that is
  // there but not a usable number (1e999 parses as Infinity, text, an object) is kept as short text, never
  // dropped: the budget must see that a figure came, to count it as reaching max-credits.
  usage: optional(z.object({ credits_reserved: optional(z.unknown().transform(creditsText)) }).nullable()),
})

export type Task = z.output<typeof taskSchema>

/** `usage.credits_reserved` as kept: a finite number as it is, anything else there as text of at most 32 characters. */
function creditsText(value: unknown): number | string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' && Number.isFinite(value)) return value
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : 'not a number'
  return text.length > 32 ? `${text.slice(0, 31)}…` : text
}

export function isTerminal(status: string): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status)
}

/** `failed` or `cancelled`: the task ended without a clip, and nothing more will come of it. */
export function endedWithoutClip(status: string): boolean {
  return status === 'failed' || status === 'cancelled'
}

/** The clip's URL: `results[].url` first, then `output.url` / `output.urls[]` (FoxAPI replies use either). */
export function videoUrlOf(task: Task): string | undefined {
  const fromResults = task.results?.find((r) => typeof r.url === 'string' && r.url !== '')?.url
  return fromResults ?? task.output?.url ?? task.output?.urls?.find((u) => u !== '')
}

/** What a model that makes no video delivered: the id (and the name a Sora character carries). */
export interface TaskAsset {
  field: 'voice_id' | 'character_id'
  id: string
  name?: string
}

/** The asset of a completed task: the first `results[]` item carrying a `voice_id` or `character_id`, then `output`. */
export function assetOf(task: Task): TaskAsset | undefined {
  const items = [...(task.results ?? []), ...(task.output ? [task.output] : [])]
  for (const item of items) {
    const field = item.voice_id !== undefined ? 'voice_id' : item.character_id !== undefined ? 'character_id' : undefined
    const id = field ? item[field] : undefined
    if (field && id) return { field, id, ...(item.name !== undefined ? { name: item.name } : {}) }
  }
  return undefined
}

/** A completed task has its result: a clip URL, or the id a model that makes no video answers. */
export function hasResult(task: Task): boolean {
  return videoUrlOf(task) !== undefined || assetOf(task) !== undefined
}

/** `code: message` of a failed task, or a fallback. */
export function taskErrorText(task: Task): string {
  const error = task.error
  if (!error) return 'the task failed without an error message'
  if (typeof error === 'string') return capText(error)
  const code = error.code !== undefined ? String(error.code) : undefined
  const message = error.message ?? 'no message'
  return capText(code ? `${code}: ${message}` : message)
}

export function canCancel(task: Task | undefined): boolean {
  return task !== undefined && !isTerminal(task.status) && task.task_info?.can_cancel !== false
}
