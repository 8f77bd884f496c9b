// Step outputs and the job summary. Everything written here passes through redact().
import * as core from '@actions/core'
import { formatCredits } from './budget'
import type { ClipResult } from './clip-runner'
import { runLabel } from './run-origin'
import { redact } from './secrets'

/** One row of the `results` output. */
export interface ResultRow {
  name: string
  task_id: string
  status: string
  outcome: string
  video_url: string
  video_path: string
  sha256: string
  cache_hit: boolean
  /** Credits FoxAPI reported reserved for the task this step submitted (0 when none was submitted). */
  credits: number
  error?: string
}

export function toResultRow(result: ClipResult): ResultRow {
  return {
    name: result.name,
    task_id: result.taskId ?? '',
    status: result.status,
    outcome: result.outcome,
    video_url: result.videoUrl ?? '',
    video_path: result.videoPath ?? '',
    sha256: result.sha256 ?? '',
    cache_hit: result.cacheHit,
    credits: result.credits ?? 0,
    ...(result.error ? { error: result.error } : {}),
  }
}

/** Single-clip outputs describe the first clip; `results` lists every clip. */
export function writeOutputs(results: ClipResult[]): void {
  const set = (name: string, value: string) => core.setOutput(name, redact(value))
  const first = results[0]
  if (first) {
    set('task-id', first.taskId ?? '')
    set('status', first.status)
    set('progress', first.progress !== undefined ? String(Math.round(first.progress)) : '')
    set('video-url', first.videoUrl ?? '')
    set('video-path', first.videoPath ?? '')
    set('video-sha256', first.sha256 ?? '')
    set('cache-hit', String(first.cacheHit))
    set('result', first.task ? JSON.stringify(first.task) : '')
  }
  set('results', JSON.stringify(results.map(toResultRow)))
  set('credits', formatCredits(totalCredits(results)))
}

/** Credits reserved by the tasks this step submitted. */
export function totalCredits(results: ClipResult[]): number {
  return results.reduce((sum, r) => sum + (r.credits ?? 0), 0)
}

const OUTCOME_ICONS: Record<ClipResult['outcome'], string> = {
  succeeded: '✅',
  submitted: '📨',
  failed: '❌',
  'timed-out': '⏱️',
  stopped: '🛑',
  skipped: '⏭️',
}

export async function writeSummary(results: ClipResult[], options: { batch: boolean; maxCredits?: number }): Promise<void> {
  const summary = core.summary.addHeading('FoxAPI video', 2)
  if (options.batch || results.length > 1) {
    summary.addTable([
      [
        { data: 'Clip', header: true },
        { data: 'Status', header: true },
        { data: 'Task', header: true },
        { data: 'Time', header: true },
        { data: 'Credits', header: true },
        { data: 'Video', header: true },
        { data: 'Notes', header: true },
      ],
      ...results.map((r) => [
        escapeHtml(r.name),
        `${OUTCOME_ICONS[r.outcome]} ${escapeHtml(statusText(r))}`,
        code(r.taskId),
        elapsed(r.elapsedMs),
        creditsCell(r),
        videoCell(r),
        r.error ? escapeHtml(r.error) : r.cacheHit ? `restored from the Actions cache${r.madeBy ? `, made by ${runLink(r)}` : ''}` : '',
      ]),
    ])
  } else if (results[0]) {
    const r = results[0]
    const request = r.request
    const rows: [string, string][] = [
      ['Status', `${OUTCOME_ICONS[r.outcome]} ${escapeHtml(statusText(r))}`],
      ['Model', escapeHtml(request?.model ?? r.task?.model ?? '')],
      ['Prompt', escapeHtml(truncate(typeof request?.prompt === 'string' ? request.prompt : '', 500))],
      ['Settings', escapeHtml(request ? settingsText(request) : '')],
      ['Task id', code(r.taskId)],
      ['Elapsed', elapsed(r.elapsedMs)],
      ['Credits', creditsCell(r)],
      ['Clip', videoCell(r)],
    ]
    if (r.sha256) rows.push(['SHA-256', code(r.sha256)])
    if (r.madeBy) rows.push(['Made by', runLink(r)])
    if (r.error) rows.push(['Error', escapeHtml(r.error)])
    summary.addTable([
      [
        { data: 'Field', header: true },
        { data: 'Value', header: true },
      ],
      ...rows.filter(([, v]) => v !== ''),
    ])
  }
  if (options.batch || results.length > 1 || options.maxCredits !== undefined) {
    const limit = options.maxCredits !== undefined ? ` (max-credits ${formatCredits(options.maxCredits)})` : ''
    summary.addRaw(`<p>Credits reserved by this step: <b>${formatCredits(totalCredits(results))}</b>${limit}.</p>`)
  }
  if (results.some((r) => r.cacheHit)) summary.addRaw('<p>Restored from the Actions cache: no request was sent to FoxAPI.</p>')
  // The layout is ours, but prompts and errors come from outside: scrub the whole text before it is written.
  const text = redact(summary.stringify())
  await summary.emptyBuffer().addRaw(text).write()
}

function runLink(r: ClipResult): string {
  return r.madeBy ? `<a href="${escapeHtml(r.madeBy.url)}">${escapeHtml(`${r.madeBy.repository} ${runLabel(r.madeBy)}`)}</a>` : ''
}

function statusText(r: ClipResult): string {
  const base = r.cacheHit ? `${r.status} (restored)` : r.status
  return r.outcome === 'timed-out' ? `${base}, timed out` : r.outcome === 'stopped' ? `${base}, run cancelled` : base
}

/** The request's other fields in a line: `mode standard, aspect 16:9, duration 5s, image_list ×2`. */
function settingsText(request: NonNullable<ClipResult['request']>): string {
  const parts: string[] = []
  for (const [field, value] of Object.entries(request)) {
    if (field === 'model' || field === 'prompt') continue
    if (Array.isArray(value)) parts.push(`${field} ×${value.length}`)
    else if (field === 'duration') parts.push(`duration ${JSON.stringify(value)}s`)
    else if (typeof value === 'string' && /^https?:/.test(value)) parts.push(field)
    else if (typeof value === 'string') parts.push(`${field === 'aspect_ratio' ? 'aspect' : field} ${value}`)
    else if (typeof value !== 'object') parts.push(`${field} ${JSON.stringify(value)}`)
    else parts.push(field)
  }
  if (request.model === 'kling-o3-ref' && request.duration === undefined) parts.push('length of the reference video')
  return parts.join(', ')
}

/** What the clip's task reserved, as FoxAPI reported it; empty when this step submitted nothing for it. */
function creditsCell(r: ClipResult): string {
  return r.credits !== undefined ? formatCredits(r.credits) : ''
}

function videoCell(r: ClipResult): string {
  const parts: string[] = []
  if (r.videoUrl && /^https?:\/\//.test(r.videoUrl)) parts.push(`<a href="${escapeHtml(r.videoUrl)}">video</a>`)
  if (r.videoPath) parts.push(code(r.videoPath))
  return parts.join(' ')
}

function code(text: string | undefined): string {
  return text ? `<code>${escapeHtml(text)}</code>` : ''
}

function elapsed(ms: number): string {
  const s = Math.round(ms / 1000)
  return s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|]/g, (c) => `&#${c.charCodeAt(0)};`)
}
