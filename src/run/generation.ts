// The paid part of a run: submit each clip, wait for it, download it, then write the outputs, the results file
// and the summary. src/main.ts loads this module only once the inputs are valid, so that an input error (and
// the post step) never loads undici or the rest of the network code.
import { FoxApiClient } from '../foxapi/api-client'
import { CreditBudget, type PeriodSpending } from './budget'
import { CreditLedger } from '../cache/credit-ledger'
import { notDueText, periodText } from '../report/schedule-notes'
import { removeCacheStaging } from '../cache/staging'
import { runClips } from './clip-runner'
import { isSuccess, type ClipResult } from '../report/clip-result'
import { State } from '../constants'
import { createHttpAgent } from '../foxapi/http'
import { API_RETRY } from '../foxapi/retries'
import type { ClipSpec, NotDueEntry, RunSettings } from '../inputs/clip-spec'
import * as log from '../log'
import { saveStateSafely } from '../report/actions-io'
import { writeOutputs } from '../report/outputs'
import { writeSummary } from '../report/summary'
import { writeMatrix } from '../report/matrix'
import { ResultCache } from '../cache/result-cache'
import { toFullResultRow, writeResultsOutput } from '../report/results-file'
import { downloadPolicyFor, guardedConnector } from '../security/download-policy'
import { messageOf } from '../errors'

/** Runs every clip of a valid request to its end and reports it; never sends anything before it is called. */
export async function generate(
  clips: ClipSpec[],
  { settings, batch, notDue = [] }: { settings: RunSettings; batch: boolean; notDue?: NotDueEntry[] },
): Promise<void> {
  const notes = notDue.length > 0 ? [notDueText(notDue)] : []
  if (clips.length === 0) {
    // A content calendar with nothing due on this trigger: not a failure, and nothing is paid.
    log.notice(`No batch entry is due on this run, so nothing was sent to FoxAPI. ${notDueText(notDue)}`)
    writeOutputs([])
    writeMatrix([])
    await writeResultsOutput(settings.resultsFile, [], settings.workspace)
    await writeSummary([], { batch, maxCredits: settings.maxCredits, notes })
    return
  }
  saveStateSafely(State.CancelOnTimeout, String(settings.cancelOnTimeout))
  saveStateSafely(State.BaseUrl, settings.baseUrl)
  if (settings.cache) log.info(`Cache: ${settings.reuse.why}.`)

  // budget-period: what earlier runs of this workflow spent in the period, read before anything is submitted.
  const spending = await periodSpending(settings)
  if (spending === 'unavailable') return
  const { period, ledger } = spending

  const agent = createHttpAgent(settings.requestTimeoutMs)
  // Clips are fetched through their own dispatcher: every connection it opens is checked against the
  // download policy (no loopback, link-local or private address unless base-url is one).
  const downloadAgent = createHttpAgent(settings.requestTimeoutMs, {
    connect: guardedConnector(downloadPolicyFor(settings.baseUrl), Math.min(settings.requestTimeoutMs, 30_000)),
  })
  const client = new FoxApiClient({
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    agent,
    retry: API_RETRY,
    userAgent: 'foxapi-video-action',
  })
  const stop = new AbortController()
  // Kept for the whole run: the runner follows SIGINT with SIGTERM, which must not kill the step while it
  // still waits for a create's reply or cancels a task.
  const onSignal = (signal: NodeJS.Signals) => {
    log.info(`Received ${signal}${stop.signal.aborted ? ' again: still finishing up' : ': stopping'}.`)
    if (!stop.signal.aborted) stop.abort(new Error(`the run was cancelled (${signal})`))
  }
  // The runner stops a step with SIGINT, then SIGTERM; on Windows with Ctrl+C (SIGINT) and Ctrl+Break (SIGBREAK).
  const signals: NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT', 'SIGTERM', 'SIGBREAK'] : ['SIGINT', 'SIGTERM']
  for (const signal of signals) process.on(signal, onSignal)

  const waiting = new Set<string>()
  const recordWaiting = () => saveStateSafely(State.WaitingTasks, JSON.stringify([...waiting]))
  let results: ClipResult[]
  try {
    const cache = new ResultCache(settings.cache, settings.workspace, { apiKey: settings.apiKey, maxClipBytes: settings.maxDownloadBytes })
    const budget = new CreditBudget(settings.maxCredits, (text) => log.warning(text), period)
    const run = () =>
      runClips(clips, {
        settings,
        client,
        agent: downloadAgent,
        cache,
        batch,
        signal: stop.signal,
        budget,
        log: (clip, line) => log.info(batch ? `[${clip}] ${line}` : line),
        onTaskStarted: (id) => {
          waiting.add(id)
          recordWaiting()
        },
        onTaskSettled: (id) => {
          waiting.delete(id)
          recordWaiting()
        },
      })
    results = batch ? await run() : await log.group(`FoxAPI: ${clips[0]?.name === 'clip' ? 'generate a clip' : clips[0]?.name}`, run)
    if (ledger && period && period.blocked === undefined) await ledger.record(period.spentEarlier + budget.reserved)
    if (settings.cache) notes.unshift(`Cache: ${settings.reuse.why}.`)
    if (period) notes.push(periodText(period, budget.reserved, settings))

    // None of these can hide the clip's result: each write reports its own failure, and the verdict below still comes.
    try {
      writeOutputs(results)
      writeMatrix(clips)
    } catch (error) {
      log.warning(`Could not write the step outputs (${messageOf(error)}).`)
    }
    await writeResultsOutput(settings.resultsFile, results.map(toFullResultRow), settings.workspace)
    await writeSummary(results, { batch, maxCredits: settings.maxCredits, notes })
    const failures = results.filter((r) => !isSuccess(r))
    if (failures.length === 1 && results.length === 1) log.setFailed(failures[0]?.error ?? 'The clip failed')
    else if (failures.length > 0) {
      log.setFailed([
        `${failures.length} of ${results.length} clips did not finish:`,
        ...failures.map((f) => `- ${f.name}: ${f.error ?? f.outcome}`),
      ])
    }
  } finally {
    await removeCacheStaging(settings.workspace)
    for (const signal of signals) process.off(signal, onSignal)
    await Promise.all([agent.destroy(), downloadAgent.destroy()])
  }
}

/**
 * With `budget-period`: the ledger, and what earlier runs of this workflow spent in the period (a ledger that
 * cannot be read or believed blocks every submission). 'unavailable' when the ledger cannot be kept at all
 * (no cache): the step has failed then, before anything was sent.
 */
async function periodSpending(settings: RunSettings): Promise<{ period?: PeriodSpending; ledger?: CreditLedger } | 'unavailable'> {
  if (!settings.budget) return {}
  const { key, scope } = settings.budget
  const ledger = CreditLedger.open({
    cache: settings.cache,
    apiKey: settings.apiKey,
    workspace: settings.workspace,
    budget: settings.budget,
    runId: process.env.GITHUB_RUN_ID ?? '',
  })
  if (!(ledger instanceof CreditLedger)) {
    log.setFailed(
      `budget-period ${settings.budget.period} keeps its ledger in the Actions cache, which cannot be used: ${ledger.unavailable}. Nothing was sent to FoxAPI.`,
    )
    return 'unavailable'
  }
  const reading = await ledger.read()
  if (reading.kind === 'untrusted') {
    log.warning(`Budget ledger for ${key}: ${reading.reason}. Treated as max-credits reached: no new task is submitted.`)
    const blocked = `the budget ledger for ${key} cannot be trusted (${reading.reason}): treated as max-credits reached`
    return { ledger, period: { period: key, spentEarlier: 0, blocked } }
  }
  const earlier = reading.spent
  log.info(`Budget: ${earlier} credits spent in ${key} by earlier runs of ${scope} (max-credits ${settings.maxCredits ?? 'none'}).`)
  return { ledger, period: { period: key, spentEarlier: earlier, onChange: (reserved) => void ledger.record(earlier + reserved) } }
}
