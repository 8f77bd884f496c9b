// The content calendar (pure): which batch entries are due on this run, the day in the `timezone` input's zone,
// and the period a `budget-period` counts in. A batch entry may carry `schedule` (cron strings: on a `schedule`
// event it runs only when one is exactly the cron that triggered the run), `from` and `until` (inclusive dates in
// `timezone`); `pick: rotate` then keeps one due entry per run, walking the list by run number.
//
// The crons are compared as text, exactly as GitHub hands the triggering one over (the event payload's
// `schedule`), so no cron parser is needed: an entry's cron is checked only for its shape (five fields), which
// catches a cron pasted with a field missing; a typo inside a field makes the entry never due, and the dry run
// shows it as not due with the run's cron beside it.

/** A day as the calendar sees it: every placeholder a prompt can use for it. */
export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  date: string
  /** English weekday name, `Monday`. */
  weekday: string
  /** ISO 8601 week number, two digits (`01`–`53`). */
  week: string
  /** The year the ISO week belongs to (differs from `year` in the first and last days of a year). */
  weekYear: string
  /** `01`–`12`. */
  month: string
  year: string
}

/** The calendar fields of one batch entry, checked. */
export interface EntryCalendar {
  schedule?: string[]
  from?: string
  until?: string
}

/** What triggered the run, as far as the calendar cares. */
export interface Trigger {
  /** GITHUB_EVENT_NAME. */
  event: string
  /** On a `schedule` event: the cron that triggered it (from the event payload). */
  cron?: string
}

export type Due = { due: true } | { due: false; reason: string }

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

/** Whether `name` is a time zone this Node knows (an IANA name such as Europe/Berlin, or UTC). */
export function isTimeZone(name: string): boolean {
  if (name === '' || name.length > 64) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** The calendar day `now` falls on in `timeZone` (which must be valid: see isTimeZone). */
export function calendarDay(now: Date, timeZone: string): CalendarDay {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return dayOf(part('year'), part('month'), part('day'))
}

/** The day `YYYY-MM-DD` names, or undefined when it is no real date. */
export function parseDay(text: string): CalendarDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return dayOf(year, month, day)
}

function dayOf(year: number, month: number, day: number): CalendarDay {
  const utc = new Date(Date.UTC(year, month - 1, day))
  // ISO week: the week (Monday to Sunday) that holds the year's first Thursday is week 1.
  const weekday = utc.getUTCDay()
  const thursday = new Date(utc)
  thursday.setUTCDate(day + 3 - ((weekday + 6) % 7))
  const weekYear = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 / 7) + 1
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return {
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    weekday: WEEKDAYS[weekday] as string,
    week: pad(week),
    weekYear: pad(weekYear, 4),
    month: pad(month),
    year: pad(year, 4),
  }
}

export type BudgetPeriod = 'run' | 'day' | 'week' | 'month'
export const BUDGET_PERIODS: readonly BudgetPeriod[] = ['run', 'day', 'week', 'month']

/** The period `day` belongs to, as text that sorts and reads well: `day-2026-12-02`, `week-2026-W49`, `month-2026-12`. */
export function periodOf(kind: Exclude<BudgetPeriod, 'run'>, day: CalendarDay): string {
  if (kind === 'day') return `day-${day.date}`
  if (kind === 'week') return `week-${day.weekYear}-W${day.week}`
  return `month-${day.year}-${day.month}`
}

/** A cron string as GitHub takes it: five fields of digits, names and `* , - / ? L W #`. */
export function isCronShape(text: string): boolean {
  const fields = text.trim().split(/\s+/)
  return fields.length === 5 && fields.every((field) => /^[\w*,/?#-]+$/.test(field))
}

/**
 * An entry's calendar fields (`schedule`, `from`, `until`), checked. Problems are pushed as `<label> 'field' ...`.
 */
export function readEntryCalendar(
  fields: { schedule?: unknown; from?: unknown; until?: unknown },
  label: string,
  problems: string[],
): EntryCalendar {
  const calendar: EntryCalendar = {}
  if (fields.schedule !== undefined) {
    const list = Array.isArray(fields.schedule) ? (fields.schedule as unknown[]) : [fields.schedule]
    const crons = list.filter((cron): cron is string => typeof cron === 'string' && isCronShape(cron))
    if (list.length === 0 || crons.length !== list.length) {
      problems.push(`${label} 'schedule' must be a cron string or a list of them, as in the workflow's on.schedule (e.g. '0 6 * * 1')`)
    } else calendar.schedule = crons
  }
  for (const field of ['from', 'until'] as const) {
    const value = fields[field]
    if (value === undefined) continue
    // YAML may read an unquoted date as a Date (yaml 1.1 schema); take its day as written.
    const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value
    const day = typeof text === 'string' ? parseDay(text.trim()) : undefined
    if (day === undefined) problems.push(`${label} '${field}' must be a date written YYYY-MM-DD (e.g. 2026-03-01)`)
    else calendar[field] = day.date
  }
  if (calendar.from !== undefined && calendar.until !== undefined && calendar.from > calendar.until) {
    problems.push(`${label} 'from' (${calendar.from}) is after 'until' (${calendar.until}): the entry would never run`)
  }
  return calendar
}

/** Whether an entry runs on this trigger and day; when not, why (for the dry run and the summary). */
export function isDue(calendar: EntryCalendar, trigger: Trigger, today: CalendarDay): Due {
  if (calendar.from !== undefined && today.date < calendar.from)
    return { due: false, reason: `from ${calendar.from}; today is ${today.date}` }
  if (calendar.until !== undefined && today.date > calendar.until)
    return { due: false, reason: `until ${calendar.until}; today is ${today.date}` }
  if (trigger.event === 'schedule' && calendar.schedule !== undefined && !calendar.schedule.includes(trigger.cron ?? '')) {
    return {
      due: false,
      reason: `schedule ${calendar.schedule.map((c) => `'${c}'`).join(', ')}; this run was triggered by '${trigger.cron ?? ''}'`,
    }
  }
  return { due: true }
}

/** `pick: rotate`: the index of the one due entry that runs, `(runNumber - 1) mod count`. */
export function rotationIndex(runNumber: number, count: number): number {
  return (((runNumber - 1) % count) + count) % count
}
