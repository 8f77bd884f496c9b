// Where the credit budget stands, as a person reads it: "December 2026: 25 of 40 credits used", and when it starts
// again ("1 January 2027"). Made from the run's settings and the period's spending (src/run/generation.ts, or the
// dry run), read by the summary's headline and by the words of a clip the budget skipped. Pure.
import { formatCredits } from './outputs'

/** The budget a run counted against, in words and figures. */
export interface BudgetView {
  /** `December 2026`, `week 50 of 2026`, `7 December 2026`, or `this run` (max-credits without budget-period). */
  label: string
  /** Credits counted so far: earlier runs of the period and this step. */
  used: number
  limit: number
  /** When a period budget starts again, e.g. `1 January 2027 (Europe/Berlin)`; none for `this run`. */
  resets?: string
  /** Why the budget counts as used up whatever the figures (a ledger that could not be believed). */
  blocked?: string
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * The budget of a run with `max-credits`: of the period (`budget-period`: its key such as `month-2026-12`, what
 * earlier runs spent) or of this step alone. Undefined without `max-credits`.
 */
export function budgetView(
  settings: { maxCredits?: number; budget?: { key: string; timezone?: string } },
  reserved: number,
  period?: { spentEarlier: number; blocked?: string },
): BudgetView | undefined {
  if (settings.maxCredits === undefined) return undefined
  const limit = settings.maxCredits
  if (!settings.budget) return { label: 'this run', used: reserved, limit }
  const words = periodWords(settings.budget.key)
  const zone = settings.budget.timezone && settings.budget.timezone !== 'UTC' ? ` (${settings.budget.timezone})` : ' (UTC)'
  return {
    label: words?.label ?? settings.budget.key,
    used: (period?.spentEarlier ?? 0) + reserved,
    limit,
    ...(words ? { resets: `${words.next}${zone}` } : {}),
    ...(period?.blocked !== undefined ? { blocked: period.blocked } : {}),
  }
}

/** `December 2026: 25 of 40 credits used` (`This run: 10 of 40 credits used`). */
export function budgetLine(budget: BudgetView): string {
  const label = budget.label.charAt(0).toUpperCase() + budget.label.slice(1)
  if (budget.blocked !== undefined) return `${label}: budget of ${formatCredits(budget.limit)} credits counted as used up`
  return `${label}: ${formatCredits(budget.used)} of ${formatCredits(budget.limit)} credits used`
}

/** A period key (`day-2026-12-07`, `week-2026-W50`, `month-2026-12`) in words, and the first day of the next one. */
export function periodWords(key: string): { label: string; next: string } | undefined {
  const day = /^day-(\d{4})-(\d{2})-(\d{2})$/.exec(key)
  if (day) {
    const date = utcDate(Number(day[1]), Number(day[2]), Number(day[3]))
    return { label: dayWords(date), next: dayWords(addDays(date, 1)) }
  }
  const week = /^week-(\d{4})-W(\d{2})$/.exec(key)
  if (week) {
    const monday = isoWeekMonday(Number(week[1]), Number(week[2]))
    return { label: `week ${Number(week[2])} of ${week[1]}`, next: `Monday ${dayWords(addDays(monday, 7))}` }
  }
  const month = /^month-(\d{4})-(\d{2})$/.exec(key)
  if (month) {
    const [year, index] = [Number(month[1]), Number(month[2])]
    if (index < 1 || index > 12) return undefined
    return {
      label: `${MONTHS[index - 1]} ${year}`,
      next: dayWords(utcDate(index === 12 ? year + 1 : year, index === 12 ? 1 : index + 1, 1)),
    }
  }
  return undefined
}

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day))
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000)
}

/** `7 December 2026`. */
function dayWords(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

/** The Monday of ISO week `week` of `year` (week 1 holds the year's first Thursday). */
function isoWeekMonday(year: number, week: number): Date {
  const january4 = utcDate(year, 1, 4)
  const weekday = (january4.getUTCDay() + 6) % 7 // Monday 0
  return addDays(january4, (week - 1) * 7 - weekday)
}
