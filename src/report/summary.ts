// The job summary's HTML: a table of clips (or of one clip's fields), credits and notes about the run. Every
// piece of outside text goes through cell() (one line of inert, escaped text), so no blank line can end a table
// and no markup renders; the whole text is scrubbed of secrets once more and kept under the summary's limit.
import * as core from '@actions/core'
import { shapeLine } from '../clip/clip-shape'
import { sizeText } from '../media/media-files'
import { runLabel } from '../run-origin'
import { redact } from '../secrets'
import { capText, makeVisible } from '../security/visible-text'
import { MAX_SUMMARY_BYTES, writeSummaryHtml } from './actions-io'
import type { ClipResult } from './clip-result'
import { formatCredits, totalCredits } from './outputs'

/** Longest text in one summary cell, before escaping. */
const MAX_CELL_CHARS = 2_000

const OUTCOME_ICONS: Record<ClipResult['outcome'], string> = {
  succeeded: '✅',
  submitted: '📨',
  failed: '❌',
  'timed-out': '⏱️',
  stopped: '🛑',
  skipped: '⏭️',
}

/**
 * Writes the job summary. Never throws: without GITHUB_STEP_SUMMARY (a local run, an old runner) or when the
 * write fails, it warns and the run's result stands.
 */
export async function writeSummary(results: ClipResult[], options: SummaryOptions): Promise<void> {
  await writeSummaryHtml(renderSummary(results, options))
}

export interface SummaryOptions {
  batch: boolean
  maxCredits?: number
  /** Sentences about the run as a whole (what a cache hit may serve, entries not due, the period's budget). */
  notes?: readonly string[]
}

/**
 * The summary's HTML, redacted, at most `maxBytes`: in a batch, rows that do not fit are left out with a note.
 * Exported for tests.
 */
export function renderSummary(results: ClipResult[], options: SummaryOptions, maxBytes = MAX_SUMMARY_BYTES): string {
  for (let shown = results.length; ; shown = Math.max(0, Math.min(shown - 1, Math.floor(shown * 0.9)))) {
    const text = redact(summaryText(results, options, shown))
    if (Buffer.byteLength(text) <= maxBytes || shown === 0) return text
  }
}

function summaryText(results: ClipResult[], options: SummaryOptions, shown: number): string {
  const summary = core.summary.emptyBuffer().addHeading('FoxAPI video', 2)
  if (options.batch || results.length > 1) {
    summary.addTable([
      [
        { data: 'Clip', header: true },
        { data: 'Status', header: true },
        { data: 'Task', header: true },
        { data: 'Time', header: true },
        { data: 'Credits', header: true },
        { data: 'Video', header: true },
        { data: 'Shape', header: true },
        { data: 'Notes', header: true },
      ],
      ...results
        .slice(0, shown)
        .map((r) => [
          cell(r.name),
          `${OUTCOME_ICONS[r.outcome]} ${cell(statusText(r))}`,
          code(r.taskId),
          elapsed(r.elapsedMs),
          creditsCell(r),
          videoCell(r),
          shapeCell(r),
          [
            r.error ? cell(r.error) : r.cacheHit ? `restored from the Actions cache${r.madeBy ? `, made by ${runLink(r)}` : ''}` : '',
            mediaCell(r),
          ]
            .filter((part) => part !== '')
            .join('<br>'),
        ]),
    ])
    if (shown < results.length) {
      summary.addRaw(
        `<p>${results.length - shown} more clip(s) not shown: the summary is capped at ${MAX_SUMMARY_BYTES} bytes. The results output lists every clip.</p>`,
        true,
      )
    }
  } else if (results[0]) {
    const r = results[0]
    const request = r.request
    const rows: [string, string][] = [
      ['Status', `${OUTCOME_ICONS[r.outcome]} ${cell(statusText(r))}`],
      ['Model', cell(request?.model ?? r.task?.model ?? '')],
      ['Prompt', cell(typeof request?.prompt === 'string' ? request.prompt : '', 500)],
      ['Settings', cell(request ? settingsText(request, r.media) : '')],
      ['Media', mediaCell(r)],
      ['Task id', code(r.taskId)],
      ['Elapsed', elapsed(r.elapsedMs)],
      ['Credits', creditsCell(r)],
      ['Clip', videoCell(r)],
      ['Shape', shapeCell(r)],
    ]
    if (r.sha256) rows.push(['SHA-256', code(r.sha256)])
    if (r.madeBy) rows.push(['Made by', runLink(r)])
    if (r.error) rows.push(['Error', cell(r.error)])
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
  for (const note of options.notes ?? []) summary.addRaw(`<p>${cell(note)}</p>`)
  if (results.some((r) => r.cacheHit))
    summary.addRaw(
      '<p>Restored from the Actions cache: no request was sent to FoxAPI. The FoxAPI URL is not given for a restored clip ' +
        '(it was pre-signed when the clip was made and has likely expired): use the restored file.</p>',
    )
  // The layout is ours; every piece of outside text went through cell(). The whole text is scrubbed once more.
  const text = summary.stringify()
  summary.emptyBuffer()
  return text
}

function runLink(r: ClipResult): string {
  return r.madeBy ? `<a href="${attribute(r.madeBy.url)}">${cell(`${r.madeBy.repository} ${runLabel(r.madeBy)}`)}</a>` : ''
}

function statusText(r: ClipResult): string {
  const base = r.cacheHit ? `${r.status} (restored)` : r.status
  const stopped = r.outcome === 'timed-out' ? `${base}, timed out` : r.outcome === 'stopped' ? `${base}, run cancelled` : base
  return r.leftRunning && r.outcome !== 'submitted' ? `${stopped}, still running at FoxAPI (may be billed)` : stopped
}

/** The request's other fields in a line: `mode standard, aspect 16:9, duration 5s, image_list ×2`. */
function settingsText(request: NonNullable<ClipResult['request']>, media: ClipResult['media'] = []): string {
  const parts: string[] = []
  for (const [field, value] of Object.entries(request)) {
    if (field === 'model' || field === 'prompt') continue
    if (Array.isArray(value)) parts.push(`${field} ×${value.length}`)
    else if (field === 'duration') parts.push(`duration ${JSON.stringify(value)}s`)
    // A URL, or a workspace file (named in the Media row): the field alone.
    else if (typeof value === 'string' && (/^https?:/.test(value) || media.some((m) => m.field === field))) parts.push(field)
    else if (typeof value === 'string') parts.push(`${field === 'aspect_ratio' ? 'aspect' : field} ${value}`)
    else if (typeof value !== 'object') parts.push(`${field} ${JSON.stringify(value)}`)
    else parts.push(field)
  }
  if (request.model === 'kling-o3-ref' && request.duration === undefined) parts.push('length of the reference video')
  return parts.join(', ')
}

/** The workspace files the clip's request names, by path (never the upload URL): `assets/a.png (image_url, png, 245 KB)`. */
function mediaCell(r: ClipResult): string {
  return (r.media ?? []).map((m) => `${code(m.path)} (${cell(`${m.field}, ${m.type}, ${sizeText(m.bytes)}`)})`).join(', ')
}

/** What the clip's task reserved, as FoxAPI reported it; empty when this step submitted nothing for it. */
function creditsCell(r: ClipResult): string {
  return r.credits !== undefined ? formatCredits(r.credits) : ''
}

function videoCell(r: ClipResult): string {
  const parts: string[] = []
  if (r.asset) parts.push(`${cell(r.asset.field)} ${code(r.asset.id)}${r.asset.name !== undefined ? ` (${cell(r.asset.name)})` : ''}`)
  if (r.videoUrl && /^https?:\/\/[^\s"'<>]+$/.test(r.videoUrl)) parts.push(`<a href="${attribute(r.videoUrl)}">video</a>`)
  if (r.videoPath) parts.push(code(r.videoPath))
  return parts.join(' ')
}

/** The clip's shape in one line, and beside it how it differs from the request (or that it was not compared). */
function shapeCell(r: ClipResult): string {
  if (!r.metadata) return ''
  const verification = r.verification
  const note =
    verification?.status === 'mismatch'
      ? ` ⚠️ ${cell(`does not match the request: ${verification.mismatches.join('; ')}`)}`
      : verification?.status === 'passed'
        ? ' ✔ matches the request'
        : ''
  return `${cell(shapeLine(r.metadata))}${note}`
}

function code(text: string | undefined): string {
  return text ? `<code>${cell(text)}</code>` : ''
}

function elapsed(ms: number): string {
  const s = Math.round(ms / 1000)
  return s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`
}

/**
 * Outside text as one summary cell: secrets redacted first (so escaping cannot hide a key from redaction),
 * capped, made one line (control characters visible, so no blank line can end the table), then escaped: HTML,
 * the table's `|`, and the characters Markdown links, images and code need (`[`, `]`, backtick, `\`). With no
 * blank line the table stays one HTML block, where GitHub renders no Markdown at all; the escapes are a second wall.
 */
export function cell(text: string, max = MAX_CELL_CHARS): string {
  return escapeHtml(makeVisible(capText(redact(text), max)))
}

/** A URL in an HTML attribute, redacted. */
function attribute(url: string): string {
  return escapeHtml(redact(url))
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|[\]`\\]/g, (c) => `&#${c.charCodeAt(0)};`)
}
