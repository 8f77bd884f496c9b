// The paid part of a run, as five steps: set up (clients, signals, the post step's state), budget (what the period
// has spent), run (every clip through its pipeline), report (outputs, results file, summary) and verdict (the
// step's failure, naming each clip that did not finish). src/main.ts loads this module only once the inputs are
// valid, so that an input error (and the post step) never loads undici or the rest of the network code.
import { ResultCache } from '../cache/result-cache'
import { removeCacheStaging } from '../cache/staging'
import { State } from '../constants'
import { messageOf } from '../errors'
import { FoxApiClient, runClientOptions } from '../foxapi/api-client'
import { FileUploader } from '../foxapi/file-upload'
import { createHttpAgent } from '../foxapi/http'
import type { ClipSpec, NotDueEntry, RunSettings } from '../inputs/clip-spec'
import * as log from '../log'
import { saveStateSafely } from '../report/actions-io'
import { isSuccess, type ClipResult } from '../report/clip-result'
import { writeMatrix } from '../report/matrix'
import { writeOutputs } from '../report/outputs'
import { toFullResultRow, writeResultsOutput } from '../report/results-file'
import { notDueText, periodText } from '../report/schedule-notes'
import { budgetView } from '../report/budget-view'
import { ClipLog } from '../report/clip-log'
import { summaryHeadline, writeSummary, type SummaryOptions } from '../report/summary'
import { DeliveredNotes } from '../records/delivered-notes'
import { downloadPolicyFor, guardedConnector } from '../security/download-policy'
import { runClips, transferLimits } from './batch-scheduler'
import { CreditBudget, type PeriodSpending } from './budget'
import type { ClipDeps } from './clip-deps'
import { refuseUnusableMedia } from './check-media'
import { periodSpending } from './period-budget'
import { MediaUploads } from './upload-media'

/** What a run was asked to do: the valid clips, the settings, whether it is a batch, and the entries not due. */
export interface RunRequest {
  settings: RunSettings
  batch: boolean
  notDue?: NotDueEntry[]
}

/** Runs every clip of a valid request to its end and reports it; never sends anything before it is called. */
export async function generate(clips: ClipSpec[], { settings, batch, notDue = [] }: RunRequest): Promise<void> {
  if (await refuseUnusableMedia(clips, settings.workspace)) return
  if (clips.length === 0) return reportNothingDue(settings, batch, notDue)
  saveStateSafely(State.CancelOnTimeout, String(settings.cancelOnTimeout))
  saveStateSafely(State.BaseUrl, settings.baseUrl)
  if (settings.cache) log.info(`Cache: ${settings.reuse.why}.`)
  if (notDue.length > 0) log.info(notDueText(notDue))

  // budget-period: what earlier runs of this workflow spent in the period, read before anything is submitted.
  const spending = await periodSpending(settings)
  if (spending === 'unavailable') return
  const run = setUp(settings, batch, spending.period)
  try {
    if (batch)
      log.info(
        `Making ${clips.length} clip${clips.length === 1 ? '' : 's'}, at most ${settings.concurrency} at a time: each clip's log is a group written when the clip ends.`,
      )
    const results = batch ? await runClips(clips, run.deps) : await log.group(groupTitle(clips), () => runClips(clips, run.deps))
    run.clipLog.close()
    if (spending.period?.record && spending.period.blocked === undefined && run.deps.budget.reserved > 0)
      await spending.period.record(run.deps.budget.reserved)
    if (spending.period) log.info(periodText(spending.period, run.deps.budget.reserved, settings))
    const budget = budgetView(settings, run.deps.budget.reserved, spending.period)
    const options: SummaryOptions = { ...summaryOptions(settings, batch, notDue), ...(budget ? { budget } : {}) }
    await report(results, clips, settings, options)
    if (batch) log.info(summaryHeadline(results, options))
    verdict(results)
  } finally {
    await run.close()
  }
}

/** What the summary shows besides the clips: the budget, what a cache hit may serve, the entries not due. */
function summaryOptions(settings: RunSettings, batch: boolean, notDue: NotDueEntry[]): SummaryOptions {
  return {
    batch,
    ...(settings.maxCredits !== undefined ? { maxCredits: settings.maxCredits } : {}),
    ...(settings.cache ? { reuse: settings.reuse.mode } : {}),
    notDue,
    workspace: settings.workspace,
  }
}

/** A content calendar with nothing due on this trigger: not a failure, and nothing is paid. */
async function reportNothingDue(settings: RunSettings, batch: boolean, notDue: NotDueEntry[]): Promise<void> {
  log.notice(`No batch entry is due on this run, so nothing was sent to FoxAPI. ${notDueText(notDue)}`)
  writeOutputs([])
  writeMatrix([])
  await writeResultsOutput(settings.resultsFile, [], settings.workspace)
  await writeSummary([], summaryOptions(settings, batch, notDue))
}

function groupTitle(clips: ClipSpec[]): string {
  return `FoxAPI: ${clips[0]?.name === 'clip' ? 'generate a clip' : clips[0]?.name}`
}

/** The run's dependencies, the clips' log, and the way to release them (agents, signal handlers, the cache's staging folder). */
interface RunSetUp {
  deps: ClipDeps
  clipLog: ClipLog
  close(): Promise<void>
}

/**
 * Makes the clients, the cache and the budget, and listens for the runner's stop signals. The runner follows
 * SIGINT with SIGTERM: both are kept for the whole run, so the second cannot kill the step while it still waits
 * for a create's reply or cancels a task. The tasks being waited on are saved as state for the post step.
 */
function setUp(settings: RunSettings, batch: boolean, period: PeriodSpending | undefined): RunSetUp {
  const agent = createHttpAgent(settings.requestTimeoutMs)
  // Clips are fetched through their own dispatcher: every connection it opens is checked against the
  // download policy (no loopback, link-local or private address unless base-url is one).
  const downloadAgent = createHttpAgent(settings.requestTimeoutMs, {
    connect: guardedConnector(downloadPolicyFor(settings.baseUrl), Math.min(settings.requestTimeoutMs, 30_000)),
  })
  const api = runClientOptions(settings, agent)
  const client = new FoxApiClient(api)
  const stop = stopOnSignals()
  const waiting = new Set<string>()
  const recordWaiting = () => saveStateSafely(State.WaitingTasks, JSON.stringify([...waiting]))
  const budget = new CreditBudget(settings.maxCredits, (text) => log.warning(text), period)
  const clipLog = new ClipLog(batch, settings.workspace, () => {
    const view = budgetView(settings, budget.reserved, period)
    return { batch, ...(view ? { budget: view } : {}) }
  })
  const deps: ClipDeps = {
    settings,
    client,
    downloadAgent,
    cache: new ResultCache(settings.cache, settings.workspace, { apiKey: settings.apiKey, maxClipBytes: settings.maxDownloadBytes }),
    budget,
    ...(settings.reuse.mode === 'run'
      ? { notes: DeliveredNotes.open({ apiKey: settings.apiKey, githubToken: settings.githubToken }) }
      : {}),
    batch,
    signal: stop.signal,
    log: (clip, line) => clipLog.line(clip, line),
    ended: (result) => clipLog.ended(result),
    limits: transferLimits(settings.concurrency),
    waiting: {
      add: (id) => (waiting.add(id), recordWaiting()),
      delete: (id) => (waiting.delete(id), recordWaiting()),
    },
    // Uploads go to FoxAPI like every call: the same agent, key, limits and retry policy.
    uploads: new MediaUploads(new FileUploader(api), settings),
  }
  const close = async () => {
    await removeCacheStaging(settings.workspace)
    stop.close()
    await Promise.all([agent.destroy(), downloadAgent.destroy()])
  }
  return { deps, clipLog, close }
}

/** An abort signal the runner's stop signals fire (SIGINT then SIGTERM; on Windows Ctrl+C and Ctrl+Break too). */
function stopOnSignals(): { signal: AbortSignal; close(): void } {
  const stop = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    log.info(`Received ${signal}${stop.signal.aborted ? ' again: still finishing up' : ': stopping'}.`)
    if (!stop.signal.aborted) stop.abort(new Error(`the run was cancelled (${signal})`))
  }
  const signals: NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT', 'SIGTERM', 'SIGBREAK'] : ['SIGINT', 'SIGTERM']
  for (const signal of signals) process.on(signal, onSignal)
  return { signal: stop.signal, close: () => signals.forEach((signal) => process.off(signal, onSignal)) }
}

/** Outputs, matrix, results file and summary. None of these can hide the clips' results: each write reports its own failure. */
async function report(results: ClipResult[], clips: ClipSpec[], settings: RunSettings, options: SummaryOptions): Promise<void> {
  try {
    writeOutputs(results)
    writeMatrix(clips)
  } catch (error) {
    log.warning(`Could not write the step outputs (${messageOf(error)}).`)
  }
  await writeResultsOutput(settings.resultsFile, results.map(toFullResultRow), settings.workspace)
  await writeSummary(results, options)
}

/** The step fails when any clip did not finish, with its error (one clip) or a line per clip (a batch). */
function verdict(results: ClipResult[]): void {
  const failures = results.filter((r) => !isSuccess(r))
  if (failures.length === 1 && results.length === 1) log.setFailed(failures[0]?.error ?? 'The clip failed')
  else if (failures.length > 0) {
    log.setFailed([
      `${failures.length} of ${results.length} clips did not finish:`,
      ...failures.map((f) => `- ${f.name}: ${f.error ?? f.outcome}`),
    ])
  }
}
