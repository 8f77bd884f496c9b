// A clip's request and file in the words of someone who did not write the workflow: the prompt as sent (shortened
// in the middle, so the start and the expanded date at the end stay visible), the model and its settings ("standard
// mode · 9:16 vertical · 8 s"), the media that went in, and how long the FoxAPI link works. Pure.
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

/** Request fields that carry media (URLs), and what one item of each is. */
const MEDIA_FIELDS: Readonly<Record<string, string>> = {
  image_list: 'image',
  image_urls: 'image',
  elements: 'element',
  video_list: 'video',
  image_url: 'image',
  start_image_url: 'first frame',
  end_image_url: 'last frame',
  image_tail_url: 'last frame',
  video_url: 'video',
}

/**
 * The media that went into the clip: the user's own files the action sent (`media`, shown as workspace paths with
 * their size), else the media the request names by URL (`2 images from cdn.example.com`).
 */
export function mediaWords(result: Pick<ClipResult, 'media' | 'request'>, workspace: string): string[] {
  if (result.media && result.media.length > 0)
    return result.media.map((m) => `${m.kind}: ${workspacePath(m.path, workspace)} (${sizeText(m.bytes)}, ${m.field})`)
  const request = result.request
  if (!request) return []
  const words: string[] = []
  for (const [field, kind] of Object.entries(MEDIA_FIELDS)) {
    const value = request[field]
    const items = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]
    if (items.length === 0) continue
    const hosts = [...new Set(items.map(hostOf).filter((h): h is string => h !== undefined))]
    const from = hosts.length > 0 ? ` from ${hosts.slice(0, 3).join(', ')}` : ''
    words.push(`${items.length} ${kind}${items.length === 1 ? '' : 's'}${from}`)
  }
  return words
}

/** The host of a media item (a URL, or an object with one): never the path, which may carry a signature. */
function hostOf(item: unknown): string | undefined {
  const url =
    typeof item === 'string'
      ? item
      : Object.values((item ?? {}) as Record<string, unknown>).find((v): v is string => typeof v === 'string' && /^https?:/.test(v))
  if (url === undefined) return undefined
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
