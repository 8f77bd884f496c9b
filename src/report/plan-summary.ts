// The dry run's plan as the job summary shows it: a row per clip (what a real run would do with it, and why), the
// counts of new tasks, restores and resumes, and the notes about the run (budget, calendar, cache).
import * as core from '@actions/core'
import { writeSummaryHtml } from './actions-io'
import { sizeText } from '../media/media-files'
import type { ClipAction, MediaUse } from './clip-result'
import { cell } from './summary'

/** What a real run would do with a clip, as a dry run's `results` rows name it (the `plan` field). */
export type ClipPlan =
  /** Restored from the Actions cache: nothing sent, nothing paid. */
  | 'cached'
  /** The cache holds a task an earlier run submitted: collected, nothing new paid. */
  | 'pending-task'
  /** The `task-id` input: that task is collected, nothing new is submitted. */
  | 'resume'
  /** Submitted to FoxAPI: paid. */
  | 'new'
  /** A budget already spent: nothing submitted. */
  | 'skipped'
  /** A batch entry the calendar (or `pick: rotate`) leaves out of this run: nothing sent. */
  | 'not-due'

/** The `plan` word of each decision. */
export const PLAN_OF_ACTION: Readonly<Record<ClipAction, ClipPlan>> = {
  restore: 'cached',
  collect: 'pending-task',
  resume: 'resume',
  submit: 'new',
  skip: 'skipped',
  'not-due': 'not-due',
}

/** One row of a dry run's `results` output and results file. */
export interface PlanRow {
  name: string
  status: 'planned'
  plan: ClipPlan
  /** The decision's action (src/run/clip-decision.ts), and why, in words. */
  decision: ClipAction
  why: string
  /** Why the plan is what it is, when not obvious. */
  note?: string
  cache_key: string
  task_id: string
  output_path: string
  /** The request body as it would be sent (each workspace file by its path, to be replaced by its upload's URL). */
  request: unknown
  /** The workspace files the request names: uploaded right before the task is created (only for `new`). */
  media?: MediaUse[]
}

/** `fox: restored from the Actions cache, nothing sent`. */
export function planText(row: PlanRow): string {
  const text: Record<ClipPlan, string> = {
    cached: 'restored from the Actions cache, nothing sent',
    'pending-task': "resumes an earlier run's task",
    resume: `collects task ${row.task_id}, nothing new submitted`,
    new: 'submitted to FoxAPI (paid)',
    skipped: 'skipped (max-credits reached), nothing sent',
    'not-due': 'not due on this run, nothing sent',
  }
  return `${row.name}: ${text[row.plan]}`
}

const PLAN_ICONS: Record<ClipPlan, string> = { cached: '♻️', 'pending-task': '⏳', resume: '⏳', new: '🆕', skipped: '⏭️', 'not-due': '💤' }

/** Writes the plan's summary. */
export async function writePlanSummary(rows: PlanRow[], maxCredits: number | undefined, notes: readonly string[]): Promise<void> {
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
      (maxCredits !== undefined ? ` max-credits ${maxCredits} would stop submissions once FoxAPI reports that many reserved.` : '') +
      ' FoxAPI publishes no price list: what a task costs is known only from its replies.</p>',
  )
  const uploads = rows.filter((r) => r.plan === 'new').flatMap((r) => (r.media ?? []).map((m) => ({ ...m, clip: r.name })))
  if (uploads.length > 0) {
    const files = [...new Map(uploads.map((m) => [m.sha256, m])).values()]
    summary.addRaw(
      `<p>Files a real run would upload to FoxAPI's file storage (each content once), right before the task that needs it: ` +
        files.map((m) => `<code>${cell(m.path, 300)}</code> (${cell(`${m.type}, ${sizeText(m.bytes)}`)})`).join(', ') +
        '.</p>',
    )
  }
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
