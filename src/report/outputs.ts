// The step outputs of a run: single-clip outputs describe the first clip, `results` lists every clip (past the
// output limit it points to the results file), `credits` sums what this step's tasks reserved.
import type { OutputName } from '../constants'
import { setOutputOrFile } from './actions-io'
import { verificationText } from '../clip/clip-verify'
import type { ClipResult, MediaUse } from './clip-result'

/** One row of the `results` output. */
export interface ResultRow {
  name: string
  task_id: string
  status: string
  outcome: string
  video_url: string
  /** The id a model that makes no video answered (a voice_id, a character_id); empty for a video. */
  asset_id: string
  video_path: string
  sha256: string
  cache_hit: boolean
  /** Credits FoxAPI reported reserved for the task this step submitted (0 when none was submitted). */
  credits: number
  /** The step stopped waiting while the task may still run at FoxAPI, and be billed (see `error` for how to collect it). */
  left_running: boolean
  /** What the clip's file says (null when there is no file): seconds, pixels, codec string, audio track. */
  duration: number | null
  width: number | null
  height: number | null
  codec: string | null
  has_audio: boolean | null
  /** `present` when the file carries a C2PA manifest box (content credentials), `absent` when not; null without a file. */
  content_credentials: 'present' | 'absent' | null
  /** `passed`, `mismatch: …` or `skipped` (also when there is no file to compare). */
  verify: string
  /** The workspace files the request names (by workspace path, never by upload URL); absent when it names none. */
  media?: MediaUse[]
  error?: string
}

export function toResultRow(result: ClipResult): ResultRow {
  return {
    name: result.name,
    task_id: result.taskId ?? '',
    status: result.status,
    outcome: result.outcome,
    video_url: result.videoUrl ?? '',
    asset_id: result.asset?.id ?? '',
    video_path: result.videoPath ?? '',
    sha256: result.sha256 ?? '',
    cache_hit: result.cacheHit,
    credits: result.credits ?? 0,
    left_running: result.leftRunning ?? false,
    duration: result.metadata ? roundSeconds(result.metadata.durationS) : null,
    width: result.metadata?.width ?? null,
    height: result.metadata?.height ?? null,
    codec: result.metadata?.codec ?? null,
    has_audio: result.metadata?.hasAudio ?? null,
    content_credentials: result.metadata?.contentCredentials ?? null,
    verify: verificationText(result.verification),
    ...(result.media?.length ? { media: result.media } : {}),
    ...(result.error ? { error: result.error } : {}),
  }
}

/** Single-clip outputs describe the first clip; `results` lists every clip. */
export function writeOutputs(results: ClipResult[]): void {
  const set = (name: OutputName, value: string) => setOutputOrFile(name, value)
  const first = results[0]
  if (first) {
    set('task-id', first.taskId ?? '')
    set('status', first.status)
    set('progress', first.progress !== undefined ? String(Math.round(first.progress)) : '')
    set('video-url', first.videoUrl ?? '')
    set('video-path', first.videoPath ?? '')
    set('video-sha256', first.sha256 ?? '')
    const shape = first.metadata
    set('video-duration', shape ? String(roundSeconds(shape.durationS)) : '')
    set('video-width', shape ? String(shape.width) : '')
    set('video-height', shape ? String(shape.height) : '')
    set('video-codec', shape?.codec ?? '')
    set('video-has-audio', shape ? String(shape.hasAudio) : '')
    set('asset-id', first.asset?.id ?? '')
    set('content-credentials', shape?.contentCredentials ?? '')
    set('cache-hit', String(first.cacheHit))
    set('left-running', String(first.leftRunning ?? false))
    set('result', first.task ? JSON.stringify(first.task) : '')
  }
  // The results file (results-file) holds every row in full; past the output limit `results` points there.
  setOutputOrFile('results', JSON.stringify(results.map(toResultRow)), { alreadyIn: 'results-file' })
  set('credits', formatCredits(totalCredits(results)))
}

/** Seconds to at most 3 decimals. */
function roundSeconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000
}

/** Credits reserved by the tasks this step submitted. */
export function totalCredits(results: ClipResult[]): number {
  return results.reduce((sum, r) => sum + (r.credits ?? 0), 0)
}

/** Credits as people write them: whole numbers plain, fractions to two places. */
export function formatCredits(credits: number): string {
  return Number.isInteger(credits) ? String(credits) : credits.toFixed(2).replace(/0+$/, '')
}
