// The dry run's plan as the job summary shows it: a headline (how many new clips a real run would pay for, how many
// it reuses or collects, the budget), a row per clip (what a real run would do and why, the prompt as it would be
// sent, the file), the files it would upload, and notes. Built closed and escaped like the run's summary (./html.ts).
import type { GenerationRequest } from '../models/model'
import { redact } from '../secrets'
import { writeSummaryHtml } from './actions-io'
import { budgetLine, type BudgetView } from './budget-view'
import type { ClipAction, MediaUse } from './clip-result'
import { promptShown, settingsWords } from './clip-words'
import { withCronWords } from '../inputs/cron-words'
import { el, join, text, type Html } from './html'
import { formatCredits } from './outputs'
import { scrubRunnerPaths, sizeText } from './shown-paths'

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
  /** The request body as it would be sent. */
  request: unknown
  /** The user's own files a real run would upload for the clip (when the request names any). */
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

/** What a real run would do, in a few words, per plan. */
const PLAN_WORDS: Record<ClipPlan, string> = {
  cached: 'reused from the cache: nothing sent, nothing paid',
  'pending-task': "collects an earlier run's task: nothing new paid",
  resume: 'collects the task-id: nothing new paid',
  new: 'makes a new clip: paid',
  skipped: 'skipped: budget reached, nothing sent',
  'not-due': 'not due on this run: nothing sent',
}

export interface PlanSummaryOptions {
  maxCredits?: number | undefined
  /** Sentences about the run as a whole. */
  notes?: readonly string[]
  /** Where the period's budget stands before the run (earlier runs' spending). */
  budget?: BudgetView
  /** The previewed run in words (`preview-event`), e.g. `a schedule run ('0 6 * * 1')`. */
  preview?: string
  /** What a cache hit may serve. */
  reuse?: 'run' | 'request'
  /** No 'api-key': the cache's proofs and earlier runs' tasks could not be checked. */
  keyless?: boolean
}

/** Writes the plan's summary. */
export async function writePlanSummary(rows: PlanRow[], options: PlanSummaryOptions): Promise<void> {
  await writeSummaryHtml(renderPlanSummary(rows, options))
}

/** The plan's summary: a headline, a row per clip (what a real run would do, the prompt, the file), and notes. */
export function renderPlanSummary(rows: PlanRow[], options: PlanSummaryOptions): string {
  const count = (...plans: ClipPlan[]) => rows.filter((r) => plans.includes(r.plan)).length
  const paid = count('new')
  const parts = [`🧪 Dry run: ${paid} new clip${paid === 1 ? '' : 's'} would be paid for`]
  if (count('cached') > 0) parts.push(`${count('cached')} reused from the cache`)
  if (count('pending-task', 'resume') > 0) parts.push(`${count('pending-task', 'resume')} collected (paid earlier)`)
  if (count('skipped') > 0) parts.push(`⏭️ ${count('skipped')} skipped: budget reached`)
  if (count('not-due') > 0) parts.push(`${count('not-due')} not due`)
  if (options.budget) parts.push(`${budgetLine(options.budget)} before this run`)
  const intro = [
    options.preview ? `A preview of what ${options.preview} would do, made from this run. ` : '',
    options.keyless
      ? "Nothing was sent to FoxAPI. Without 'api-key' the plan could check neither the cache's entries nor earlier runs' tasks: " +
        "a clip the cache holds is assumed good, an earlier run's task assumed able to deliver."
      : "Nothing was created or paid at FoxAPI: the plan asked the Actions cache and, for tasks earlier runs paid for, FoxAPI's free status query.",
  ].join('')
  const html = join([
    el('h3', undefined, parts.join(' · ')),
    el('p', undefined, intro),
    planTable(rows),
    mediaSection(rows),
    el('p', undefined, el('sub', undefined, join(footerLines(options), el('br', undefined)))),
  ])
  return `${redact(scrubRunnerPaths(html.html))}\n`
}

function planTable(rows: PlanRow[]): Html {
  const header = el('tr', undefined, ...['Clip', 'What a real run would do', 'Prompt', 'File'].map((h) => el('th', { align: 'left' }, h)))
  const body = rows.map((r) => {
    const request = (r.request ?? {}) as GenerationRequest
    const prompt = promptShown(request)
    return el(
      'tr',
      undefined,
      el('td', undefined, el('b', undefined, r.name)),
      el(
        'td',
        undefined,
        `${PLAN_ICONS[r.plan]} ${PLAN_WORDS[r.plan]}`,
        r.note ? join([el('br', undefined), text(withCronWords(r.note), 600)]) : undefined,
      ),
      el(
        'td',
        undefined,
        prompt !== undefined ? text(`“${prompt}”`) : '—',
        request.model ? join([el('br', undefined), settingsWords(request, undefined)]) : undefined,
      ),
      el('td', undefined, r.output_path ? el('code', undefined, r.output_path) : '—'),
    )
  })
  return el('table', undefined, el('thead', undefined, header), el('tbody', undefined, ...body))
}

/** The user's own files a real run would upload (when the plan lists any). */
function mediaSection(rows: PlanRow[]): Html | undefined {
  const items = rows.flatMap((r) =>
    (r.media ?? []).map((m) => el('li', undefined, el('b', undefined, r.name), `: ${m.kind} ${m.path} (${sizeText(m.bytes)}, ${m.field})`)),
  )
  return items.length > 0 ? join([el('h4', undefined, 'Files a real run would upload'), el('ul', undefined, ...items)]) : undefined
}

function footerLines(options: PlanSummaryOptions): string[] {
  const reuse =
    options.reuse === 'run'
      ? 'Each new run makes fresh clips; a re-run of a run reuses its clips.'
      : options.reuse === 'request'
        ? 'A clip is reused from the Actions cache whenever the same request comes again.'
        : undefined
  return [
    ...(reuse ? [reuse] : []),
    ...(options.maxCredits !== undefined && !options.budget
      ? [`max-credits ${formatCredits(options.maxCredits)} would stop new tasks once FoxAPI reports that many credits reserved.`]
      : []),
    'FoxAPI publishes no price list: what a task costs is known only from its replies.',
    ...(options.notes ?? []),
  ]
}
