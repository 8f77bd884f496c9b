// The dry run (`dry-run: true`). Every input has been read and validated already; here each clip gets the very
// decision a paid run would make (src/run/clip-decision.ts), from the same facts: the same cache lookup (with
// 'api-key', entries are downloaded and proven, and a cached clip is checked, but nothing is restored or saved;
// without it, only entry keys are read), FoxAPI's answer about an earlier run's pending task (a free GET, with
// 'api-key': one that failed, was cancelled or expired is a new payment) and the period's budget. With
// `preview-event` the facts are those of the previewed run (src/inputs/preview-event.ts). Each request is shown
// exactly as it would be sent (key hidden), and the plan is written as outputs, summary and results file. Nothing
// is created or paid at FoxAPI.
import { clipCacheKey, reuseRunId } from '../cache/cache-key'
import { ResultCache } from '../cache/result-cache'
import { removeCacheStaging } from '../cache/staging'
import { FoxApiClient, previewCreate, runClientOptions } from '../foxapi/api-client'
import { UPLOAD_PATH } from '../foxapi/file-upload'
import { createHttpAgent } from '../foxapi/http'
import type { ClipSpec, NotDueEntry, RunSettings } from '../inputs/clip-spec'
import { previewWords } from '../inputs/preview-event'
import { messageOf } from '../errors'
import * as log from '../log'
import { sizeText, type MediaFile } from '../media/media-files'
import type { MediaUse } from '../report/clip-result'
import { setOutputOrFile, setOutputSafely } from '../report/actions-io'
import { budgetView } from '../report/budget-view'
import { writeMatrix } from '../report/matrix'
import { formatCredits } from '../report/outputs'
import { PLAN_OF_ACTION, planText, writePlanSummary, type PlanRow } from '../report/plan-summary'
import { DeliveredNotes } from '../records/delivered-notes'
import { SpendRecords } from '../records/spend-records'
import { writeResultsOutput } from '../report/results-file'
import { notDueText } from '../report/schedule-notes'
import { safeFileName } from '../security/destinations'
import { CreditBudget } from './budget'
import { decideClip, type CacheFinding, type ClipDecision, type ClipFacts, type PendingCheck } from './clip-decision'
import { refuseUnusableMedia } from './check-media'
import { deliveredElsewhere, findingOf, lookupOptions } from './look-up'
import { untrustedPeriod } from './period-budget'
import { checkPendingTask } from './start-task'

/** The dry run: plan every clip, log each request, write outputs, summary and results file. */
export async function runDryRun(
  clips: ClipSpec[],
  options: { settings: RunSettings; batch: boolean; notDue?: NotDueEntry[] },
): Promise<void> {
  const { settings, notDue = [] } = options
  if (await refuseUnusableMedia(clips, settings.workspace)) return
  const previewed = settings.preview ? `, as ${previewWords(settings.preview)} would make them` : ''
  log.info(
    `Dry run: every input is valid; ${clips.length} clip${clips.length === 1 ? '' : 's'} planned${previewed}. Nothing is created or paid at FoxAPI and nothing is restored or saved.`,
  )
  if (settings.apiKey === '') log.info("No 'api-key' is set: fine for a dry run, but a real run needs one.")
  const notes: string[] = []
  if (notDue.length > 0) log.info(notDueText(notDue))
  if (clips.length === 0 && notDue.length > 0) notes.push('Nothing is due: a real run would send nothing and end green.')
  if (settings.cache) log.info(`Cache: ${settings.reuse.why}.`)
  // The spend records are read (never written) before any clip is looked up.
  const budget = settings.budget && clips.length > 0 ? await planBudget(settings) : undefined
  if (budget) log.info(budget.note)
  // The summary's headline shows a budget that was read; one that could not be is said in words.
  if (budget && budget.spent === undefined) notes.push(budget.note)
  for (const note of notes) log.info(note)
  const rows = await planRows(clips, notDue, settings, budget?.refusal)
  await logPlan(rows, clips, settings)
  setOutputSafely('status', 'planned')
  setOutputOrFile('results', JSON.stringify(rows), { alreadyIn: 'results-file' })
  writeMatrix(clips)
  setOutputSafely('credits', '0')
  await writeResultsOutput(settings.resultsFile, rows, settings.workspace)
  const view = budget?.spent !== undefined ? budgetView(settings, 0, { spentEarlier: budget.spent }) : undefined
  await writePlanSummary(rows, {
    maxCredits: settings.maxCredits,
    notes,
    ...(view ? { budget: view } : {}),
    ...(settings.preview ? { preview: previewWords(settings.preview) } : {}),
    ...(settings.cache ? { reuse: settings.reuse.mode } : {}),
    keyless: settings.apiKey === '',
  })
}

/** A row per clip, then one per entry not due (which sends nothing, so shows no request). */
async function planRows(
  clips: ClipSpec[],
  notDue: NotDueEntry[],
  settings: RunSettings,
  budgetRefusal: string | undefined,
): Promise<PlanRow[]> {
  const cache = new ResultCache(settings.cache, settings.workspace, { apiKey: settings.apiKey, maxClipBytes: settings.maxDownloadBytes })
  const status = settings.apiKey !== '' ? taskStatusChecks(settings) : undefined
  // Under `reuse: run`, as the paid run does: a pending task another run received is not adopted (the notes are read only).
  const notes =
    settings.reuse.mode === 'run' ? DeliveredNotes.open({ apiKey: settings.apiKey, githubToken: settings.githubToken }) : undefined
  const rows: PlanRow[] = []
  try {
    for (const clip of clips) {
      const key = cache.enabled ? clipCacheKey(clip, settings.cacheKey) : undefined
      const facts = await planFacts(clip, key, cache, settings, {
        ...(status ? { checkPending: status.check } : {}),
        ...(notes ? { notes } : {}),
      })
      const decision = decideClip({ ...facts, ...(budgetRefusal !== undefined ? { budgetRefusal } : {}) })
      rows.push(planRow(clip, decision, key, noteOf(facts, decision, settings)))
    }
  } finally {
    await removeCacheStaging(settings.workspace)
    await status?.close()
  }
  for (const entry of notDue) {
    const decision = decideClip({ notDue: entry.reason, cache: { kind: 'not-asked', why: 'not due' } })
    rows.push({ ...planRow({ name: entry.name, outputPath: '' }, decision, undefined, entry.reason), output_path: '', request: null })
  }
  return rows
}

/**
 * What a paid run would find for `clip`: with 'api-key', the same lookup it makes (entries proven, a cached clip
 * checked on its private copy, nothing placed); without, the entry keys alone.
 */
export async function planFacts(
  clip: ClipSpec,
  key: string | undefined,
  cache: ResultCache,
  settings: RunSettings,
  asks: { checkPending?: PendingChecker; notes?: DeliveredNotes } = {},
): Promise<ClipFacts> {
  const base = clip.taskId !== undefined ? { taskId: clip.taskId } : {}
  if (key === undefined) return { ...base, cache: findingOf(undefined, key, { cache, settings }) }
  const runId = reuseRunId(settings)
  if (settings.apiKey === '') return { ...base, cache: await peekFinding(cache, key, runId) }
  // The paid run's lookup, without placing the clip anywhere.
  const looked = await cache.lookup(
    key,
    lookupOptions(settings, { request: clip.request, mode: settings.verify, label: `[${clip.name}] `, log: log.info }),
  )
  const found = await deliveredElsewhere(looked, key, { settings, ...(asks.notes ? { notes: asks.notes } : {}) })
  const finding = findingOf(found, key, { cache, settings })
  // The paid run asks FoxAPI about an earlier run's task before adopting it: so does its plan (a GET is free).
  const pending = finding.kind === 'pending' && finding.taskId !== undefined ? await asks.checkPending?.(finding.taskId, clip) : undefined
  return { ...base, cache: finding, ...(pending ? { pending } : {}) }
}

/** Asks FoxAPI whether an earlier run's pending task can still deliver (what the paid run asks before adopting it). */
type PendingChecker = (taskId: string, clip: ClipSpec) => Promise<PendingCheck>

/** The dry run's only requests to FoxAPI: status queries (GET, free) of earlier runs' pending tasks. */
function taskStatusChecks(settings: RunSettings): { check: PendingChecker; close(): Promise<void> } {
  const agent = createHttpAgent(settings.requestTimeoutMs)
  const client = new FoxApiClient(runClientOptions(settings, agent))
  const signal = new AbortController().signal
  const check: PendingChecker = async (taskId, clip) => {
    try {
      const deadline = Date.now() + settings.requestTimeoutMs * 4
      const answer = await checkPendingTask(taskId, clip.request?.model, { client, signal }, deadline, (line) =>
        log.info(`[${clip.name}] ${line}`),
      )
      return answer.check
    } catch (error) {
      log.info(`[${clip.name}] FoxAPI could not be asked about task ${taskId} (${messageOf(error)}).`)
      return { usable: true }
    }
  }
  return { check, close: () => agent.destroy() }
}

/** A finding from entry keys alone: what a dry run without 'api-key' can know (no proof checked). */
async function peekFinding(cache: ResultCache, key: string, runId: string | undefined): Promise<CacheFinding> {
  const held = await cache.peek(key, runId)
  if (held === 'clip') return { kind: 'clip', usable: 'unproven' }
  if (held === 'pending') return { kind: 'pending', taskId: undefined }
  if (held === 'delivered') return { kind: 'delivered', taskId: '', why: 'its last task was delivered to an earlier run' }
  return held === 'none' ? { kind: 'empty' } : { kind: 'no-answer' }
}

function planRow(
  clip: Pick<ClipSpec, 'name' | 'outputPath' | 'taskId' | 'request' | 'media'>,
  decision: ClipDecision,
  key: string | undefined,
  note: string | undefined,
): PlanRow {
  const taskId = decision.action === 'resume' || decision.action === 'collect' ? (decision.taskId ?? '') : (clip.taskId ?? '')
  return {
    name: clip.name,
    status: 'planned',
    plan: PLAN_OF_ACTION[decision.action],
    decision: decision.action,
    why: decision.why,
    ...(note !== undefined ? { note } : {}),
    cache_key: key ?? '',
    task_id: taskId,
    output_path: clip.outputPath.replaceAll('{name}', safeFileName(clip.name)),
    request: clip.request ?? null,
    ...(clip.media?.length ? { media: mediaUses(clip.media) } : {}),
  }
}

/** The workspace files of a plan row: path, type, size (nothing is read beyond what the input check read). */
function mediaUses(files: MediaFile[]): MediaUse[] {
  return files.map(({ field, path, kind, bytes, type, sha256 }) => ({ field, path, kind, bytes, type: type.name, sha256 }))
}

/** The plan's note: what a reader would otherwise wonder about the cache. */
function noteOf(facts: ClipFacts, decision: ClipDecision, settings: RunSettings): string | undefined {
  const finding = facts.cache
  if (decision.action === 'resume') return undefined
  if (finding.kind === 'pending' && facts.pending?.usable === false)
    return `an earlier run paid for task ${finding.taskId ?? ''}, which ${facts.pending.why}: a real run pays for a new one`
  if (finding.kind === 'pending' && finding.taskId === undefined)
    return "an earlier run's task is waiting in the cache; without 'api-key' the dry run cannot ask FoxAPI whether it can still deliver (if it failed, was cancelled or expired, a real run pays for a new one)"
  if (finding.kind === 'not-asked') return finding.why
  if (finding.kind === 'no-answer') return 'the Actions cache could not be asked'
  if (finding.kind === 'clip' && finding.usable === false) return finding.why
  if (finding.kind === 'clip' && finding.usable === 'unproven') return "its proof is checked only with 'api-key'"
  if (decision.action === 'collect')
    return facts.pending?.usable === true
      ? 'submitted by an earlier run, and FoxAPI says it can still deliver: collected, nothing new paid'
      : 'submitted by an earlier run; a new task only if that one failed or expired'
  if (finding.kind === 'delivered')
    return settings.reuse.mode === 'run'
      ? 'each new run makes a fresh clip: the one an earlier run made for this request is not reused'
      : finding.why
  return undefined
}

/** Logs each row in a group of its own: the plan, and the request as it would be sent. */
async function logPlan(rows: PlanRow[], clips: ClipSpec[], settings: RunSettings): Promise<void> {
  for (const [index, row] of rows.entries()) {
    const request = clips[index]?.request
    const lines = row.note ? [`Note: ${row.note}.`] : []
    lines.push(...uploadLines(clips[index]?.media ?? [], row, settings))
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
}

/** The uploads a real run would make for the row's clip, before its create (none unless the plan is a new task). */
function uploadLines(files: MediaFile[], row: PlanRow, settings: RunSettings): string[] {
  if (files.length === 0) return []
  if (row.plan !== 'new') return [`Uploads: none (${files.map((f) => f.path).join(', ')} would be uploaded only for a new task).`]
  const target = `POST ${new URL(UPLOAD_PATH, `${settings.baseUrl}/`).toString()}`
  return files.map(
    (f) =>
      `Upload (right before the create, once per content in the run): ${f.path} (${f.type.label}, ${sizeText(f.bytes)}, sha256 ${f.sha256.slice(0, 16)}…) for ${f.field} → ${target}; the URL FoxAPI returns replaces the path in the request below.`,
  )
}

/** What a real run would find in the period's spend records (read only: nothing is saved), and a refusal if it is spent. */
async function planBudget(settings: RunSettings): Promise<{ note: string; refusal?: string; spent?: number }> {
  const budget = settings.budget
  if (!budget) return { note: '' }
  const opened = SpendRecords.open({ apiKey: settings.apiKey, githubToken: settings.githubToken, budget })
  if (!(opened instanceof SpendRecords))
    return { note: `Budget for ${budget.key}: a real run would fail before sending anything: ${opened.unavailable}.` }
  if (settings.apiKey === '')
    return {
      note: `Budget for ${budget.key}: without 'api-key' the spend records' proofs cannot be checked, so the dry run does not read them.`,
    }
  const reading = await opened.read()
  // The refusal a paid run's budget would give, in its words: the same budget, told what the records say.
  if (reading.kind === 'untrusted') {
    return {
      note: `Budget for ${budget.key}: the spend records cannot be trusted (${reading.reason}): a real run would treat max-credits as reached and submit nothing.`,
      refusal: new CreditBudget(settings.maxCredits, () => {}, untrustedPeriod(budget.key, reading.reason)).refusal,
    }
  }
  const paid = new CreditBudget(settings.maxCredits, () => {}, { period: budget.key, spentEarlier: reading.spent })
  const limit = settings.maxCredits ?? 0
  const left = Math.max(0, limit - reading.spent)
  const spent = `${formatCredits(reading.spent)} of max-credits ${formatCredits(limit)} spent by earlier runs`
  return paid.reached
    ? {
        note: `Budget for ${budget.key} (all runs of ${budget.scope}): ${spent}: a real run would submit nothing new.`,
        refusal: paid.refusal,
        spent: reading.spent,
      }
    : {
        note: `Budget for ${budget.key} (all runs of ${budget.scope}): ${spent}; a real run may submit while under ${formatCredits(left)} more.`,
        spent: reading.spent,
      }
}
