// The sentences a scheduled run adds to its log and summary (and the dry run to its plan): which entries the
// calendar left out and why, and where the period's budget stands. Plain text: the summary escapes it.
import type { NotDueEntry } from '../inputs/clip-spec'
import { formatCredits } from './outputs'

/** `2 batch entries not due on this run: spring (from 2027-03-01; today is 2026-12-02); …`. */
export function notDueText(notDue: readonly NotDueEntry[]): string {
  if (notDue.length === 0) return 'Every batch entry is due on this run.'
  const shown = notDue.slice(0, 20).map((entry) => `${entry.name} (${entry.reason})`)
  const more = notDue.length > shown.length ? `; and ${notDue.length - shown.length} more` : ''
  return `${notDue.length} batch ${notDue.length === 1 ? 'entry' : 'entries'} not due on this run: ${shown.join('; ')}${more}.`
}

/** Where a `budget-period` stands after this step. */
export function periodText(
  period: { period: string; spentEarlier: number; blocked?: string },
  reserved: number,
  settings: { maxCredits?: number; budget?: { scope: string } },
): string {
  const limit = settings.maxCredits !== undefined ? formatCredits(settings.maxCredits) : 'none'
  const scope = settings.budget ? ` (all runs of ${settings.budget.scope})` : ''
  if (period.blocked !== undefined) return `Budget for ${period.period}${scope}: ${period.blocked}; max-credits ${limit}.`
  return (
    `Budget for ${period.period}${scope}: ${formatCredits(period.spentEarlier)} credits spent by earlier runs, ` +
    `${formatCredits(reserved)} by this step, max-credits ${limit}.`
  )
}
