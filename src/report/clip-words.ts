// A clip's request and file in the words of someone who did not write the workflow: the prompt as sent (shortened
// in the middle, so the start and the expanded date at the end stay visible), the model and its settings ("standard
// mode · 9:16 vertical · 8 s"), the media that went in, and how long the FoxAPI link works. Pure.
import { mediaValuesOf } from '../models'
import type { GenerationRequest } from '../models/model'
import type { ClipResult } from './clip-result'
import { sizeText, workspacePath } from './shown-paths'

/** Longest prompt shown in full; a longer one keeps its start and end with `…` between. */
export const PROMPT_SHOWN_CHARS = 220

/** FoxAPI keeps a finished clip's URL this long. */
const LINK_LIFETIME_MS = 24 * 3_600_000

/** The prompt as sent, one line, shortened in the middle: `A red fox runs … week 50 of 2026`. */
export function promptShown(request: GenerationRequest | undefined): string | undefined {
  const prompt = request?.prompt
  const segments = Array.isArray(request?.multi_prompt)
    ? (request.multi_prompt as unknown[]).map((s) => (s as { prompt?: unknown } | null)?.prompt).filter((p) => typeof p === 'string')
    : []
  const text = typeof prompt === 'string' && prompt.trim() !== '' ? prompt : segments.join(' / ')
  if (text.trim() === '') return undefined
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= PROMPT_SHOWN_CHARS) return line
  const head = line.slice(0, 140).replace(/\s+\S*$/, '')
  const tail = line.slice(-70).replace(/^\S*\s+/, '')
  return `${head} … ${tail}`
}

const ASPECT_WORDS: Readonly<Record<string, string>> = { '9:16': '9:16 vertical', '16:9': '16:9 landscape', '1:1': '1:1 square' }

/** `kling-o3-ref · standard mode · 9:16 vertical · 8 s · 1080p · with sound · 2 images`. */
export function settingsWords(request: GenerationRequest | undefined, model: string | undefined): string {
  const parts: string[] = []
  const name = request?.model ?? model
  if (name) parts.push(name)
  if (!request) return parts.join(' · ')
  if (typeof request.mode === 'string') parts.push(`${request.mode} mode`)
  if (typeof request.aspect_ratio === 'string') parts.push(ASPECT_WORDS[request.aspect_ratio] ?? request.aspect_ratio)
  if (typeof request.duration === 'number' || typeof request.duration === 'string') parts.push(`${String(request.duration)} s`)
  else if (request.model === 'kling-o3-ref') parts.push('as long as the reference video')
  if (typeof request.resolution === 'string') parts.push(request.resolution)
  if (request.generate_audio === true) parts.push('with sound')
  if (Array.isArray(request.multi_prompt)) parts.push(`${request.multi_prompt.length} prompt segments`)
  if (typeof request.negative_prompt === 'string') parts.push('with a negative prompt')
  return parts.join(' · ')
}

/** What one item of a media field is called, where the field says more than its kind (an image, a video, an audio). */
const MEDIA_LABELS: ReadonlyMap<string, string> = new Map([
  ['elements', 'element'],
  ['start_image_url', 'first frame'],
  ['first_image_url', 'first frame'],
  ['end_image_url', 'last frame'],
  ['image_tail_url', 'last frame'],
  ['last_image_url', 'last frame'],
])

/**
 * The media that went into the clip: the user's own files the action sent (`media`, shown as workspace paths with
 * their size), else the media the request names by URL (`2 images from cdn.example.com`).
 */
export function mediaWords(result: Pick<ClipResult, 'media' | 'request'>, workspace: string): string[] {
  if (result.media && result.media.length > 0)
    return result.media.map((m) => `${m.kind}: ${workspacePath(m.path, workspace)} (${sizeText(m.bytes)}, ${m.field})`)
  const request = result.request
  if (!request) return []
  // Where the request holds media, as the model registry knows it: per field, its items (a list's item, an element).
  const fields = new Map<string, { label: string; items: Set<string>; hosts: Set<string> }>()
  for (const media of mediaValuesOf(request)) {
    const [top, index] = media.path
    const field = String(top)
    const entry = fields.get(field) ?? { label: MEDIA_LABELS.get(field) ?? media.kind, items: new Set(), hosts: new Set() }
    entry.items.add(typeof index === 'number' ? String(index) : '')
    const host = hostOf(media.value)
    if (host !== undefined) entry.hosts.add(host)
    fields.set(field, entry)
  }
  const words: string[] = []
  for (const { label, items, hosts } of fields.values()) {
    const from = hosts.size > 0 ? ` from ${[...hosts].slice(0, 3).join(', ')}` : ''
    words.push(`${items.size} ${label}${items.size === 1 ? '' : 's'}${from}`)
  }
  return words
}

/** The host of a media URL: never the path, which may carry a signature. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}

/** `7 Dec, 06:04 UTC`: when a link FoxAPI made at `createdS` (Unix seconds) stops working; undefined when unknown. */
export function linkExpiry(createdS: number | undefined): string | undefined {
  if (createdS === undefined || !Number.isFinite(createdS) || createdS <= 0) return undefined
  const end = new Date(createdS * 1000 + LINK_LIFETIME_MS)
  if (Number.isNaN(end.getTime())) return undefined
  const month = end.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })
  const time = end.toISOString().slice(11, 16)
  return `${end.getUTCDate()} ${month}, ${time} UTC`
}

/** `4m 12s`, `35s`. */
export function durationWords(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`
  return s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`
}
