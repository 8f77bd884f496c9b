// The inputs of scheduled runs: `reuse` (what a cache hit may serve), `timezone`, `pick`, `variables` and
// `budget-period`, and the decisions they lead to: the placeholder values of this run, and which batch entries are
// due (src/inputs/calendar.ts). Like every input, problems are collected and named after the input, before
// anything is paid for.
import { parse as parseYaml } from 'yaml'
import type { InputName } from '../constants'
import { firstLineOf } from '../errors'
import { BUDGET_PERIODS, calendarDay, isDue, isTimeZone, periodOf, rotationIndex, type CalendarDay } from './calendar'
import type { EntryCalendar } from './calendar'
import type { BudgetPeriodSettings, NotDueEntry, ReuseSettings } from './clip-spec'
import { previewedEvent, type PreviewEvent } from './preview-event'
import { runEventOf, triggeringCron, type RunEvent } from './run-event'
import { shown } from './input-text'
import { expandTemplate, readVariables, type TemplateValues } from './templates'
import { DEFAULT_MODEL, MAX_PROMPT_CHARS, promptCapOf } from '../models'
import { MAX_PATH_BYTES } from '../security/destinations'

export type Pick = 'all' | 'rotate'

export interface ScheduleInputs {
  event: RunEvent
  timezone: string
  today: CalendarDay
  reuse: ReuseSettings
  pick: Pick
  variables: Record<string, string>
  /** Set when `budget-period` is a period (not `run`). */
  budget?: BudgetPeriodSettings
  /** A dry run's `preview-event`: `event` is then the previewed run's. */
  preview?: PreviewEvent
}

/**
 * Reads the scheduled-run inputs. `now` is the moment the run's dates are taken from; `preview` (a dry run's
 * `preview-event`) stands for the event the runner names.
 */
export function readScheduleInputs(
  input: (name: InputName) => string,
  env: NodeJS.ProcessEnv,
  problems: string[],
  now = new Date(),
  preview?: PreviewEvent,
): ScheduleInputs {
  const event = preview ? previewedEvent(runEventOf(env), preview, env) : runEventOf(env)
  let timezone = input('timezone')
  if (!isTimeZone(timezone)) {
    problems.push(`Input 'timezone' must be an IANA time zone name such as UTC, Europe/Berlin or America/New_York (got ${shown(timezone)})`)
    timezone = 'UTC'
  }
  const today = calendarDay(now, timezone)
  const reuse = readReuse(input('reuse'), event, problems)
  const pick = oneOf('pick', input('pick'), ['all', 'rotate'] as const, problems) ?? 'all'
  const variables = readVariablesInput(input('variables'), problems)
  const period = oneOf('budget-period', input('budget-period'), BUDGET_PERIODS, problems) ?? 'run'
  const schedule: ScheduleInputs = { event, timezone, today, reuse, pick, variables, ...(preview ? { preview } : {}) }
  if (period !== 'run') {
    if (input('max-credits') === '')
      problems.push(`Input 'budget-period' is ${period}: set 'max-credits' to the credits allowed per ${period}`)
    if (githubToken(input('github-token')) === '')
      problems.push(
        `Input 'budget-period' is ${period}, whose spend records are read back through the GitHub API, but 'github-token' is empty: leave it at its default (\${{ github.token }}, with permissions actions: read) or pass a token`,
      )
    if (event.workflow === undefined)
      problems.push(
        `Input 'budget-period' is ${period}, but this run names no workflow (GITHUB_REPOSITORY and GITHUB_WORKFLOW_REF), so there are no records to count in`,
      )
    else
      schedule.budget = {
        period,
        key: periodOf(period, today),
        scope: event.workflow,
        timezone,
      }
  }
  return schedule
}

/**
 * The `github-token` input: '' when empty, or when it is action.yml's default still unevaluated (`${{ github.token }}`
 * as text: a run outside the runner, which has no job token to give).
 */
export function githubToken(value: string): string {
  return /^\$\{\{.*\}\}$/s.test(value.trim()) ? '' : value.trim()
}

function readReuse(value: string, event: RunEvent, problems: string[]): ReuseSettings {
  const chosen = oneOf('reuse', value, ['auto', 'request', 'run'] as const, problems) ?? 'auto'
  const scheduled = event.name === 'schedule'
  if (chosen === 'request' || (chosen === 'auto' && !scheduled)) {
    const why =
      chosen === 'auto'
        ? `reuse: auto on ${event.name === '' ? 'a run outside a workflow' : `a ${event.name} event`}: the same request is served from the cache in any later run`
        : 'reuse: request: the same request is served from the cache in any later run'
    return { mode: 'request', why }
  }
  if (event.runId === undefined) {
    problems.push(`Input 'reuse' is ${chosen === 'auto' ? 'auto on a schedule event (so run)' : 'run'}, but GITHUB_RUN_ID is not a run id`)
    return { mode: 'request', why: '' }
  }
  const why =
    chosen === 'auto'
      ? 'reuse: auto on a schedule event: fresh clip for this scheduled run; re-runs of this run reuse it'
      : 'reuse: run: fresh clip for this workflow run; re-runs of this run reuse it'
  return { mode: 'run', runId: event.runId, why }
}

function readVariablesInput(value: string, problems: string[]): Record<string, string> {
  if (value === '') return {}
  let data: unknown
  try {
    data = parseYaml(value, { uniqueKeys: true, maxAliasCount: 50 })
  } catch (error) {
    problems.push(`Input 'variables' is not valid JSON or YAML (${firstLineOf(error)})`)
    return {}
  }
  return readVariables(data, "Input 'variables'", problems)
}

/** The placeholder values of one clip: the run's day and number, the clip's name and its variables. */
export function templateValues(schedule: ScheduleInputs, name: string, entryVariables: Record<string, string> = {}): TemplateValues {
  const { today, event } = schedule
  return {
    fixed: {
      date: today.date,
      weekday: today.weekday,
      week: today.week,
      month: today.month,
      year: today.year,
      run_number: event.runNumber !== undefined ? String(event.runNumber) : { unknown: 'GITHUB_RUN_NUMBER is not set' },
      name,
    },
    vars: { ...schedule.variables, ...entryVariables },
  }
}

/** A batch entry as the calendar sees it. */
export interface CalendarEntry {
  name: string
  calendar: EntryCalendar
}

/**
 * Which entries are due on this run: the calendar (schedule, from, until), then `pick: rotate`. Returns the
 * names that run and, for the others, why not. Problems (a schedule event whose cron cannot be read while an
 * entry has a `schedule`; rotate without a run number) are pushed.
 */
export function dueEntries(
  entries: CalendarEntry[],
  schedule: ScheduleInputs,
  env: NodeJS.ProcessEnv,
  problems: string[],
): { due: Set<string>; notDue: NotDueEntry[] } {
  let cron: string | undefined
  if (schedule.event.name === 'schedule' && entries.some((e) => e.calendar.schedule !== undefined)) {
    const read = schedule.preview
      ? schedule.preview.cron !== undefined
        ? { cron: schedule.preview.cron }
        : { problem: "set 'preview-cron' to the cron of the scheduled run to preview" }
      : triggeringCron(env)
    if ('cron' in read) cron = read.cron
    else problems.push(`batch entries have a 'schedule', but the cron that triggered this run is unknown: ${read.problem}`)
  }
  const notDue: NotDueEntry[] = []
  const due: CalendarEntry[] = []
  for (const entry of entries) {
    const verdict = isDue(entry.calendar, { event: schedule.event.name, ...(cron !== undefined ? { cron } : {}) }, schedule.today)
    if (verdict.due) due.push(entry)
    else notDue.push({ name: entry.name, reason: verdict.reason })
  }
  if (schedule.pick === 'rotate' && due.length > 0) {
    const runNumber = schedule.event.runNumber
    if (runNumber === undefined)
      problems.push("Input 'pick' is rotate, but GITHUB_RUN_NUMBER is not set: the rotation follows the run number")
    else {
      const index = rotationIndex(runNumber, due.length)
      const chosen = due[index] as CalendarEntry
      for (const entry of due) {
        if (entry !== chosen)
          notDue.push({
            name: entry.name,
            reason: `pick: rotate runs '${chosen.name}' (due entry ${index + 1} of ${due.length}, run number ${runNumber})`,
          })
      }
      due.splice(0, due.length, chosen)
    }
  }
  const order = new Map(entries.map((e, i) => [e.name, i]))
  notDue.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0))
  return { due: new Set(due.map((e) => e.name)), notDue }
}

function oneOf<const T extends string>(name: InputName, value: string, allowed: readonly T[], problems: string[]): T | undefined {
  const text = value.toLowerCase()
  if ((allowed as readonly string[]).includes(text)) return text as T
  problems.push(
    `Input '${name}' must be ${allowed
      .map((v) => `'${v}'`)
      .join(', ')
      .replace(/, ([^,]*)$/, ' or $1')} (got ${shown(value)})`,
  )
  return undefined
}

/** A Kling-capped text's limit (`negative-prompt`, a `multi-prompt` segment), as its expansion stops at it. */
const PROMPT_LIMIT = { maxChars: MAX_PROMPT_CHARS, why: `FoxAPI's limit for a prompt is ${MAX_PROMPT_CHARS}` }
/** Where an expanded prompt stops when its model's page states no cap (or the model is not known): 64 KiB. */
const UNCAPPED_PROMPT_CHARS = 64 * 1024

/**
 * The limit a `prompt`'s expansion stops at: the requested model's cap (the request's check says the same of a text
 * typed that long), or the action's own bound for a model whose page states none.
 */
function promptLimitOf(model: unknown): { maxChars: number; why: string } {
  const cap = promptCapOf(typeof model === 'string' && model.trim() !== '' ? model.trim() : DEFAULT_MODEL)
  return cap !== undefined
    ? { maxChars: cap, why: `FoxAPI's limit for a prompt is ${cap}` }
    : { maxChars: UNCAPPED_PROMPT_CHARS, why: `the action expands a prompt to at most ${UNCAPPED_PROMPT_CHARS} characters` }
}
/** An output name's limit: no path the system accepts is longer (src/security/destinations.ts). */
const OUTPUT_LIMIT = { maxChars: MAX_PATH_BYTES, why: `no path longer than ${MAX_PATH_BYTES} bytes can be written here` }

/** The request fields whose text may hold placeholders (a `multi-prompt` segment's `prompt` too). */
const TEMPLATE_FIELDS = ['prompt', 'negative-prompt'] as const

/**
 * `raw` with placeholders expanded in `prompt`, `negative-prompt` and each `multi-prompt` segment's `prompt`,
 * so that what is validated (lengths included), sent, cached and shown is the expanded text. `where(field)`
 * names the field in a problem (`Input 'prompt'`, `batch item 2 'prompt'`).
 */
export function expandRequestTexts<T extends Partial<Record<string, unknown>>>(
  raw: T,
  values: TemplateValues,
  where: (field: string) => string,
  problems: string[],
): T {
  const out: Record<string, unknown> = { ...raw }
  for (const field of TEMPLATE_FIELDS) {
    const text = out[field]
    if (typeof text !== 'string') continue
    const limit = field === 'prompt' ? promptLimitOf(raw.model) : PROMPT_LIMIT
    const expanded = expandTemplate(text, values, where(field), { limit })
    if (expanded.ok) out[field] = expanded.text
    else problems.push(expanded.problem)
  }
  let segments = out['multi-prompt']
  if (typeof segments === 'string' && segments.trim() !== '') {
    try {
      segments = parseYaml(segments, { uniqueKeys: true, maxAliasCount: 50 })
    } catch {
      return out as T // not YAML: the request check says so
    }
  }
  if (Array.isArray(segments)) {
    out['multi-prompt'] = segments.map((segment: unknown, index) => {
      const prompt = (segment as { prompt?: unknown } | null)?.prompt
      if (typeof prompt !== 'string') return segment
      const expanded = expandTemplate(prompt, values, `${where('multi-prompt')} segment ${index + 1} 'prompt'`, { limit: PROMPT_LIMIT })
      if (!expanded.ok) problems.push(expanded.problem)
      return expanded.ok ? { ...(segment as object), prompt: expanded.text } : segment
    })
  }
  return out as T
}

/** An output name (`output-path`, an entry's `output`) with placeholders expanded; `{task-id}` and `{name}` are left for the destination. */
export function expandOutputTemplate(template: string, values: TemplateValues, where: string, problems: string[]): string {
  const expanded = expandTemplate(template, values, where, { keep: ['task-id', 'name'], limit: OUTPUT_LIMIT })
  if (expanded.ok) return expanded.text
  problems.push(expanded.problem)
  return template
}
