// The dry run (`dry-run: true`) and the job matrix. A dry run has read and validated every input already;
// here it shows each request exactly as it would be sent (key hidden), asks the Actions cache whether it
// holds each clip (a lookup only: nothing is restored or saved), and writes the plan as outputs, summary and
// results file. Nothing at all is sent to FoxAPI.
import * as core from '@actions/core'
import { previewCreate } from '../foxapi/api-client'
import { clipCacheKey, reuseRunId } from '../cache/cache-key'
import { CreditLedger } from '../cache/credit-ledger'
import type { ClipSpec, NotDueEntry, RunSettings } from '../inputs/clip-spec'
import { formatCredits } from '../report/outputs'
import { notDueText } from '../report/schedule-notes'
import { writeMatrix } from '../report/matrix'
import * as log from '../log'
import { setOutputOrFile, setOutputSafely, writeSummaryHtml } from '../report/actions-io'
import { cell } from '../report/summary'
import { ResultCache } from '../cache/result-cache'
import { writeResultsOutput } from '../report/results-file'
import { safeFileName } from '../security/destinations'

/** What a real run would do with a clip. */
export type ClipPlan =
  /** Restored from the Actions cache: nothing sent, nothing paid. */
  | 'cached'
  /** The cache holds a task an earlier run submitted: resumed if FoxAPI can still deliver it, else a new one. */
  | 'pending-task'
  /** The `task-id` input: that task is collected, nothing new is submitted. */
  | 'resume'
  /** Submitted to FoxAPI: paid. */
  | 'new'
  /** A batch entry the calendar (or `pick: rotate`) leaves out of this run: nothing sent. */
  | 'not-due'

/** One row of a dry run's `results` output and results file. */
export interface PlanRow {
  name: string
  status: 'planned'
  plan: ClipPlan
  /** Why the plan is what it is, when not obvious. */
  note?: string
  cache_key: string
  task_id: string
  output_path: string
  /** The request body as it would be sent. */
  request: unknown
}

/** The dry run: plan every clip, log each request, write outputs, summary and results file. */
export async function runDryRun(
  clips: ClipSpec[],
  options: { settings: RunSettings; batch: boolean; notDue?: NotDueEntry[] },
): Promise<void> {
  const { settings, notDue = [] } = options
  log.info(
    `Dry run: every input is valid; ${clips.length} clip${clips.length === 1 ? '' : 's'} planned. Nothing is sent to FoxAPI and nothing is restored or saved.`,
  )
  if (settings.apiKey === '') log.info("No 'api-key' is set: fine for a dry run, but a real run needs one.")
  const notes: string[] = []
  if (notDue.length > 0) notes.push(notDueText(notDue))
  if (clips.length === 0 && notDue.length > 0) notes.push('Nothing is due: a real run would send nothing and end green.')
  if (settings.cache) notes.push(`Cache: ${settings.reuse.why}.`)
  // The ledger is read before any clip is looked up: nothing else uses the cache meanwhile.
  if (settings.budget && clips.length > 0) notes.push(await planBudget(settings))
  for (const note of notes) log.info(note)
  const cache = new ResultCache(settings.cache, settings.workspace, { apiKey: settings.apiKey, maxClipBytes: settings.maxDownloadBytes })
  const rows: PlanRow[] = []
  for (const clip of clips) rows.push(await planClip(clip, settings, cache))
  for (const entry of notDue) {
    rows.push({
      name: entry.name,
      status: 'planned',
      plan: 'not-due',
      note: entry.reason,
      cache_key: '',
      task_id: '',
      output_path: '',
      request: null,
    })
  }

  // The rows of the clips, then those of entries not due (which send nothing, so show no request).
  for (const [index, row] of rows.entries()) {
    const request = clips[index]?.request
    const lines = row.note ? [`Note: ${row.note}.`] : []
    if (request) {
      const wire = previewCreate(settings.baseUrl, request)
      lines.push(`${wire.method} ${wire.url}`)
      for (const [name, value] of Object.entries(wire.headers)) lines.push(`${name}: ${value}`)
      lines.push(wire.body ?? '')
    }
    await log.group(`Plan: ${planText(row)}`, () => {
      for (const line of lines) log.info(line)
      return Promise.resolve()
    })
  }

  setOutputSafely('status', 'planned')
  setOutputOrFile('results', JSON.stringify(rows), { alreadyIn: 'results-file' })
  writeMatrix(clips)
  setOutputSafely('credits', '0')
  await writeResultsOutput(settings.resultsFile, rows, settings.workspace)
  await writePlanSummary(rows, settings, notes)
}

/** What a real run would find in the period's budget ledger (read only: nothing is saved). */
async function planBudget(settings: RunSettings): Promise<string> {
  const budget = settings.budget
  if (!budget) return ''
  const opened = CreditLedger.open({ cache: settings.cache, apiKey: settings.apiKey, workspace: settings.workspace, budget })
  if (!(opened instanceof CreditLedger))
    return `Budget for ${budget.key}: a real run would fail before sending anything: the ledger needs the Actions cache (${opened.unavailable}).`
  if (settings.apiKey === '')
    return `Budget for ${budget.key}: without 'api-key' the ledger's proof cannot be checked, so the dry run does not read it.`
  const reading = await opened.read()
  if (reading.kind === 'untrusted')
    return `Budget for ${budget.key}: the ledger cannot be trusted (${reading.reason}): a real run would treat max-credits as reached and submit nothing.`
  const limit = settings.maxCredits ?? 0
  const left = Math.max(0, limit - reading.spent)
  return (
    `Budget for ${budget.key} (all runs of ${budget.scope}): ${formatCredits(reading.spent)} of max-credits ${formatCredits(limit)} spent by earlier runs` +
    (left > 0 ? `; a real run may submit while under ${formatCredits(left)} more.` : ': a real run would submit nothing new.')
  )
}

async function planClip(clip: ClipSpec, settings: RunSettings, cache: ResultCache): Promise<PlanRow> {
  const row: PlanRow = {
    name: clip.name,
    status: 'planned',
    plan: 'new',
    cache_key: '',
    task_id: clip.taskId ?? '',
    output_path: clip.outputPath.replaceAll('{name}', safeFileName(clip.name)),
    request: clip.request ?? null,
  }
  if (clip.taskId) return { ...row, plan: 'resume' }
  if (!clip.request) return row
  if (!cache.enabled) return { ...row, note: settings.cache ? 'the Actions cache cannot be used on this runner' : 'cache: false' }
  const key = clipCacheKey(clip, settings.cacheKey)
  if (key === undefined) return row
  row.cache_key = key
  const held = await cache.peek(key, reuseRunId(settings))
  const downloads = settings.wait && settings.download
  if (held === 'clip' && downloads) return { ...row, plan: 'cached' }
  if (held === 'clip') return { ...row, note: 'the cache holds this clip, but a run without wait and download does not use it' }
  if (held === 'pending')
    return { ...row, plan: 'pending-task', note: 'submitted by an earlier run; a new task only if that one failed or expired' }
  if (held === undefined) return { ...row, note: 'the Actions cache could not be asked' }
  return row
}

function planText(row: PlanRow): string {
  const text: Record<ClipPlan, string> = {
    cached: 'restored from the Actions cache, nothing sent',
    'pending-task': "resumes an earlier run's task",
    resume: `collects task ${row.task_id}, nothing new submitted`,
    new: 'submitted to FoxAPI (paid)',
    'not-due': 'not due on this run, nothing sent',
  }
  return `${row.name}: ${text[row.plan]}`
}

const PLAN_ICONS: Record<ClipPlan, string> = { cached: '♻️', 'pending-task': '⏳', resume: '⏳', new: '🆕', 'not-due': '💤' }

async function writePlanSummary(rows: PlanRow[], settings: RunSettings, notes: readonly string[]): Promise<void> {
  const count = (plan: ClipPlan) => rows.filter((r) => r.plan === plan).length
  const summary = core.summary.addHeading('FoxAPI video: plan (dry run)', 2)
  summary.addTable([
    [
      { data: 'Clip', header: true },
      { data: 'Plan', header: true },
      { data: 'Model', header: true },
      { data: 'Request', header: true },
      { data: 'Output', header: true },
      { data: 'Cache key', header: true },
    ],
    ...rows.map((r) => {
      const request = (r.request ?? {}) as Record<string, unknown>
      return [
        cell(r.name, 200),
        `${PLAN_ICONS[r.plan]} ${cell(planText(r).slice(r.name.length + 2))}${r.note ? `<br>${cell(r.note)}` : ''}`,
        cell(typeof request.model === 'string' ? request.model : '', 100),
        cell(requestText(request), 400),
        r.output_path ? `<code>${cell(r.output_path, 300)}</code>` : '',
        r.cache_key ? `<code>${cell(r.cache_key)}</code>` : '',
      ]
    }),
  ])
  const paid = count('new')
  summary.addRaw(
    `<p>Nothing was sent to FoxAPI. A real run would submit <b>${paid}</b> new task${paid === 1 ? '' : 's'}, ` +
      `restore ${count('cached')} from the cache and resume ${count('pending-task') + count('resume')}.` +
      (settings.maxCredits !== undefined
        ? ` max-credits ${settings.maxCredits} would stop submissions once FoxAPI reports that many reserved.`
        : '') +
      ' FoxAPI publishes no price list: what a task costs is known only from its replies.</p>',
  )
  for (const note of notes) summary.addRaw(`<p>${cell(note)}</p>`)
  const text = summary.stringify()
  summary.emptyBuffer()
  await writeSummaryHtml(text)
}

/** The request in a few words: prompt (cut short), then the other fields. */
function requestText(request: Record<string, unknown>): string {
  const { prompt, model: _model, ...rest } = request
  const parts: string[] = []
  if (typeof prompt === 'string') parts.push(`“${prompt.length > 120 ? `${prompt.slice(0, 120)}…` : prompt}”`)
  for (const [name, value] of Object.entries(rest)) {
    if (value === undefined) continue
    const shown = Array.isArray(value)
      ? `${value.length} item${value.length === 1 ? '' : 's'}`
      : typeof value === 'string'
        ? value
        : JSON.stringify(value)
    parts.push(`${name}: ${shown}`)
  }
  return parts.join(', ').replace(/\s+/g, ' ')
}
