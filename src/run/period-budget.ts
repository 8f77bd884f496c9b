// `budget-period`, as the paid run sets it up before anything is submitted: what this workflow's runs spent in the
// period (the spend records, src/records/spend-records.ts) and the way to record this step's spending, handed to the
// step's CreditBudget (./budget.ts). Its own module so that the dry run and the tests use the paid run's own set-up.
import type { RunSettings } from '../inputs/clip-spec'
import * as log from '../log'
import { SpendRecords } from '../records/spend-records'
import type { PeriodSpending } from './budget'

/**
 * With `budget-period`: what this workflow's runs spent in the period (records that cannot be read or believed block
 * every submission), and the way to record this step's spending (a record that cannot be saved blocks the rest of the
 * step). 'unavailable' when the records cannot be kept at all: the step has failed then, before anything was sent.
 */
export async function periodSpending(settings: RunSettings): Promise<{ period?: PeriodSpending } | 'unavailable'> {
  if (!settings.budget) return {}
  const { key, scope } = settings.budget
  const records = SpendRecords.open({ apiKey: settings.apiKey, githubToken: settings.githubToken, budget: settings.budget })
  if (!(records instanceof SpendRecords)) {
    log.setFailed(
      records.retention
        ? `${records.unavailable}. Nothing was sent to FoxAPI.`
        : `budget-period ${settings.budget.period} keeps its spend records as artifacts of this workflow's runs, which cannot be used here: ${records.unavailable}. Nothing was sent to FoxAPI.`,
    )
    return 'unavailable'
  }
  const reading = await records.read()
  if (reading.kind === 'untrusted') {
    log.warning(`Budget for ${key}: ${reading.reason}. Treated as max-credits reached: no new task is submitted.`)
    return { period: untrustedPeriod(key, reading.reason) }
  }
  log.info(`Budget: ${reading.spent} credits spent in ${key} by earlier runs of ${scope} (max-credits ${settings.maxCredits ?? 'none'}).`)
  const period: PeriodSpending = { period: key, spentEarlier: reading.spent }
  period.record = async (reserved) => {
    const saved = await records.record(reserved)
    if (saved === true || period.blocked !== undefined) return
    log.warning(`Budget for ${key}: ${saved}: max-credits counts as reached, and nothing more is submitted in this step.`)
    period.blocked = `${saved}: max-credits counts as reached for the rest of this step`
  }
  return { period }
}

/** The period `key` whose spend records cannot be trusted (`reason`): "limit reached" for every submission. */
export function untrustedPeriod(key: string, reason: string): PeriodSpending {
  return {
    period: key,
    spentEarlier: 0,
    blocked: `the spend records of ${key} cannot be trusted (${reason}): treated as max-credits reached`,
  }
}
