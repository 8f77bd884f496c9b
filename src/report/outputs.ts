// Step outputs and the job summary. Everything written here is redacted first. Outputs stay under GitHub's
// 1 MB per value (bigger ones go to a file whose path is an output); summary cells are one line of inert text
// (no blank line can end the table, no markup renders); the summary stays under its 1 MiB limit. No write
// can hide the clip's result: each one that fails is reported, and the run goes on.
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import type { OutputName } from '../constants'
import { verificationText, type ClipResult } from './clip-result'
import { shapeLine } from './clip-shape'
import * as log from '../log'
import { runLabel } from '../run-origin'
import { redact } from '../secrets'
import { capText, makeVisible } from '../security/visible-text'
import { messageOf } from '../errors'

/** Largest value written as a step output (GitHub refuses outputs over 1 MB). */
export const MAX_OUTPUT_BYTES = 1_000_000
/** Largest job summary written (GitHub drops a step's whole summary past 1 MiB); rows past it are left out. */
export const MAX_SUMMARY_BYTES = 1_000_000
/** Longest text in one summary cell, before escaping. */
const MAX_CELL_CHARS = 2_000

/** Where a value too big for an output goes instead. */
export interface OversizeOptions {
  /** Output that gets the path of the file the value is written to (default `<name>-file`). */
  fileOutput?: OutputName
  /** The value is in a file another output already names (e.g. `results-file`): write no file, point there. */
  alreadyIn?: string
}

/**
 * Sets a step output, redacted, that may be too big for one. Past {@link MAX_OUTPUT_BYTES} (GitHub refuses
 * outputs over 1 MB) `name` is left empty and the value goes to a new file under RUNNER_TEMP whose path is the
 * output `fileOutput` (default `<name>-file`), or, with `alreadyIn`, the warning points to that output's file.
 * The one mechanism for every output that can grow. Never throws: a failed write is a warning.
 * Returns the file's path when one was written.
 */
export function setOutputOrFile(name: OutputName, value: string, options: OversizeOptions = {}): string | undefined {
  const text = redact(value)
  const bytes = Buffer.byteLength(text)
  if (bytes <= MAX_OUTPUT_BYTES) {
    setOutputSafely(name, text)
    return undefined
  }
  setOutputSafely(name, '')
  const over = `Output '${name}' is ${bytes} bytes, over GitHub's limit of ${MAX_OUTPUT_BYTES}`
  if (options.alreadyIn) {
    log.warning(`${over}: left empty; the file named by output '${options.alreadyIn}' holds it all.`)
    return undefined
  }
  // `<name>-file` is declared in action.yml for each output that can grow (the constants test checks the list).
  const fileOutput = options.fileOutput ?? (`${name}-file` as OutputName)
  try {
    const file = path.join(process.env.RUNNER_TEMP || os.tmpdir(), `foxapi-video-${name}-${randomBytes(4).toString('hex')}.json`)
    writeFileSync(file, text, { mode: 0o600 })
    log.warning(`${over}: written to ${file} (output '${fileOutput}') instead.`)
    setOutputSafely(fileOutput, file)
    return file
  } catch (error) {
    log.warning(`${over}, and it could not be written to a file either (${messageOf(error)}).`)
    return undefined
  }
}

/** core.saveState, redacted, that reports a failure instead of throwing (the post step then has less to go on). */
export function saveStateSafely(name: string, value: string): void {
  try {
    core.saveState(name, redact(value))
  } catch (error) {
    log.warning(`Could not save state '${name}' for the post step (${messageOf(error)}).`)
  }
}

/** core.setOutput that reports a failure (GITHUB_OUTPUT missing or unwritable) instead of throwing. Redacts. */
export function setOutputSafely(name: OutputName, value: string): boolean {
  try {
    core.setOutput(name, redact(value))
    return true
  } catch (error) {
    log.warning(`Could not write output '${name}' (${messageOf(error)}).`)
    return false
  }
}

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
  /** The step stopped waiting while the task may still run at FoxAPI, and be billed (see `error` for how to collect it). */
  left_running: boolean
  /** What the clip's file says (null when there is no file): seconds, pixels, codec string, audio track. */
  duration: number | null
  width: number | null
  height: number | null
  codec: string | null
  has_audio: boolean | null
  /** `passed`, `mismatch: …` or `skipped` (also when there is no file to compare). */
  verify: string
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
    left_running: result.leftRunning ?? false,
    duration: result.metadata ? roundSeconds(result.metadata.durationS) : null,
    width: result.metadata?.width ?? null,
    height: result.metadata?.height ?? null,
    codec: result.metadata?.codec ?? null,
    has_audio: result.metadata?.hasAudio ?? null,
    verify: verificationText(result.verification),
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

/**
 * The one way to write a job summary (any module's): redacted, cut to {@link MAX_SUMMARY_BYTES} with a note if it
 * is still too big (past 1 MiB GitHub drops it all), and never throwing: a missing GITHUB_STEP_SUMMARY or a
 * failed write is a warning. Build table cells with {@link cell}.
 */
export async function writeSummaryHtml(html: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    log.warning('No job summary written: GITHUB_STEP_SUMMARY is not set on this runner.')
    return
  }
  let text = redact(html)
  if (Buffer.byteLength(text) > MAX_SUMMARY_BYTES) {
    const note = `\n<p>The rest of this summary is left out: it is capped at ${MAX_SUMMARY_BYTES} bytes.</p>\n`
    // Cut at a line end: the tables are one line each, so a cut never leaves half a tag.
    const cut = Buffer.from(text)
      .subarray(0, MAX_SUMMARY_BYTES - Buffer.byteLength(note))
      .toString('utf8')
    text = `${cut.slice(0, Math.max(0, cut.lastIndexOf('\n')))}${note}`
  }
  try {
    await core.summary.emptyBuffer().addRaw(text).write({ overwrite: false })
  } catch (error) {
    log.warning(`Could not write the job summary (${messageOf(error)}).`)
  } finally {
    core.summary.emptyBuffer()
  }
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
          r.error ? cell(r.error) : r.cacheHit ? `restored from the Actions cache${r.madeBy ? `, made by ${runLink(r)}` : ''}` : '',
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
      ['Settings', cell(request ? settingsText(request) : '')],
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

/** Credits as people write them: whole numbers plain, fractions to two places. */
export function formatCredits(credits: number): string {
  return Number.isInteger(credits) ? String(credits) : credits.toFixed(2).replace(/0+$/, '')
}
