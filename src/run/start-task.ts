// The stage of a clip's pipeline that gets it a task: the task `task-id` names, an earlier run's task that can still
// deliver (asked of FoxAPI first), or a new one, submitted in the budget's turn. Each function returns what it
// found or made; the decision between them is decideClip's (src/run/clip-decision.ts).
import { messageOf } from '../errors'
import { RequestError } from '../foxapi/request-errors'
import { endedWithoutClip, type Task } from '../foxapi/task'
import { isTransientDuringWait } from '../foxapi/wait-for-task'
import type { GenerationRequest } from '../models/model'
import { plannedDestinationProblem } from '../security/destinations'
import type { ClipSpec } from '../inputs/clip-spec'
import type { CountedSubmission } from './budget'
import { decideClip, type ClipDecision, type ClipFacts, type PendingCheck } from './clip-decision'
import type { ClipDeps } from './clip-deps'

/** FoxAPI keeps result URLs for 24 hours; a cached task older than this can no longer deliver its clip. */
const RESULT_URL_LIFETIME_MS = 23 * 3_600_000
/**
 * How long a create already on the wire may still take once the run is stopped. It is never cut off at once:
 * FoxAPI may bill the task, and only its reply names it. The runner sends SIGTERM 7.5s after SIGINT and kills
 * the step a little later, so this plus a cancel must fit in that.
 */
export const CREATE_REPLY_GRACE_MS = 4_000

/** A task the clip now waits on. */
export interface StartedTask {
  task: Task
  /** Submitted by another run (a `task-id`, an earlier run's pending task): never cancelled here. */
  adopted: boolean
  /** A task collected rather than created: its state is polled at once, not taken from a create reply. */
  pollFirst: boolean
  /** The create this step sent, counted by the budget (later replies about the task are counted for it). */
  counted?: CountedSubmission
}

/** What a clip's log line goes to. */
type Log = (line: string) => void

/** A create refused before it was sent (the clip could not be saved, the run was stopped): nothing was paid. */
export class NotSubmittedError extends Error {
  override name = 'NotSubmittedError'
}

/** Whether `error` says the create never left: refused here, or stopped before it was sent. */
export function neverSent(error: unknown): boolean {
  return error instanceof NotSubmittedError || (error instanceof RequestError && !error.details.mayHaveBeenProcessed)
}

/** The task `task-id` names: its state, or (when FoxAPI answers with a passing error) a task to wait on anyway. */
export async function resumeNamedTask(taskId: string, deps: ClipDeps, deadline: number, log: Log): Promise<StartedTask> {
  log(`Resuming task ${taskId}; nothing new is submitted.`)
  try {
    return { task: await deps.client.getTask(taskId, { deadline, signal: deps.signal }), adopted: true, pollFirst: true }
  } catch (error) {
    if (!waitAnyway(error, deps)) throw error
    log(`${messageOf(error)}; waiting on task ${taskId} anyway.`)
    return { task: { id: taskId, status: 'unknown' }, adopted: true, pollFirst: true }
  }
}

/**
 * Asks FoxAPI whether an earlier run's task for this request can still deliver: not when it ended without a clip,
 * is over a day old (its URL expired), is another model's, or is unknown to FoxAPI. A passing error says nothing
 * about the task: it is waited on like any other (the wait rides such answers out), rather than paid for again.
 * A GET, which FoxAPI does not charge for: the dry run asks it too, so its plan counts such a task as a new payment.
 */
export async function checkPendingTask(
  taskId: string,
  model: string | undefined,
  deps: Pick<ClipDeps, 'client' | 'signal'>,
  deadline: number,
  log: Log,
): Promise<{ check: PendingCheck; task?: Task }> {
  let task: Task
  try {
    task = await deps.client.getTask(taskId, { deadline, signal: deps.signal })
  } catch (error) {
    if (error instanceof RequestError && error.details.status === 404) return notUsable('is unknown to FoxAPI')
    if (!waitAnyway(error, deps)) throw error
    log(`${messageOf(error)}; waiting on task ${taskId} anyway.`)
    return { check: { usable: true }, task: { id: taskId, status: 'unknown' } }
  }
  if (task.model !== undefined && task.model !== model)
    return notUsable(`is for another model (${JSON.stringify(task.model)}), not this request's, so it is not adopted`)
  if (endedWithoutClip(task.status)) return notUsable(`ended ${task.status}`)
  if (task.created !== undefined && Date.now() - task.created * 1000 > RESULT_URL_LIFETIME_MS)
    return notUsable("is over a day old, so its clip's URL has expired")
  return { check: { usable: true }, task }
}

function notUsable(why: string): { check: PendingCheck } {
  return { check: { usable: false, why } }
}

/** A gateway error or a maintenance page while the run goes on: the task is waited on anyway. */
function waitAnyway(error: unknown, deps: Pick<ClipDeps, 'signal'>): boolean {
  const notFound = error instanceof RequestError && error.details.status === 404
  return !notFound && !deps.signal.aborted && isTransientDuringWait(error)
}

/** A new task, or why none was submitted (the budget's turn found max-credits reached). */
export type Submission = { started: StartedTask; taskId: string; decision: ClipDecision } | { skipped: ClipDecision }

/**
 * Submits the clip's request in the budget's turn: decideClip, told the budget's state at that moment, says
 * whether it is still a `submit`. Refused before paying when the clip could not be saved, or the run was stopped.
 */
export async function submitTask(spec: ClipSpec, facts: ClipFacts, deps: ClipDeps, deadline: number, log: Log): Promise<Submission> {
  const request = spec.request
  if (!request) throw new Error('No request to submit')
  const { settings } = deps
  // Checked before paying (the inputs were checked at the start; a batch may start this clip much later).
  const unsafe =
    settings.wait && settings.download ? plannedDestinationProblem(spec.outputPath, spec.name, undefined, settings.workspace) : undefined
  if (unsafe !== undefined) throw new NotSubmittedError(`Not submitted, nothing paid: the clip could not be saved (${unsafe})`)
  if (deps.signal.aborted) throw new NotSubmittedError('Not submitted: the run was cancelled')
  // The request's workspace files go up right before the create (src/run/upload-media.ts); before the budget's turn,
  // so a batch's uploads do not wait on each other, unless the budget is spent already (then nothing is uploaded).
  const withUploads = () => requestWithUploads({ ...spec, request }, deps, deadline, log)
  const uploaded = deps.budget.reached ? undefined : await withUploads()
  return deps.budget.inTurn(async (budgetRefusal) => {
    const decision = decideClip({ ...facts, budgetRefusal })
    if (decision.action !== 'submit') {
      log(`Not submitted: ${decision.why.replace(/^not started: /, '')}.`)
      return { skipped: decision }
    }
    const body = uploaded ?? (await withUploads())
    const { task, counted } = await deps.budget.send(() => createWithGrace(body, deps, deadline, log))
    const estimate = task.task_info?.estimated_time
    log(`Submitted task ${task.id}${estimate ? ` (estimated ${estimate}s)` : ''}.`)
    return { started: { task, adopted: false, pollFirst: false, counted }, taskId: task.id, decision }
  })
}

/** The request to send: `spec`'s, its workspace files uploaded and replaced by their URLs (none: as it is). */
async function requestWithUploads(
  spec: ClipSpec & { request: GenerationRequest },
  deps: ClipDeps,
  deadline: number,
  log: Log,
): Promise<GenerationRequest> {
  if (!spec.media?.length) return spec.request
  if (!deps.uploads) throw new Error('Not submitted, nothing paid: the run has no way to upload workspace files')
  return deps.uploads.requestFor(spec, { deadline, signal: deps.signal }, log)
}

/**
 * Sends the create request. Stopping the run does not cut it off: FoxAPI may already be making (and billing)
 * the task, and only its reply names it. The reply is awaited for CREATE_REPLY_GRACE_MS more; if it does not
 * come, the error says a task may have been billed.
 */
async function createWithGrace(request: GenerationRequest, deps: ClipDeps, deadline: number, log: Log): Promise<Task> {
  // Surely not sent: a budget does not count it as a create whose outcome is unknown.
  if (deps.signal.aborted)
    throw new RequestError('Not submitted: the run was cancelled', { retryable: false, mayHaveBeenProcessed: false, aborted: true })
  const inFlight = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const onStop = () => {
    log(
      `The run was cancelled while the create request was in flight: waiting up to ${CREATE_REPLY_GRACE_MS / 1000}s for FoxAPI's reply, so a billed task is not lost.`,
    )
    timer = setTimeout(
      () => inFlight.abort(new Error(`no reply within ${CREATE_REPLY_GRACE_MS / 1000}s of the run being cancelled`)),
      CREATE_REPLY_GRACE_MS,
    )
  }
  deps.signal.addEventListener('abort', onStop, { once: true })
  try {
    return await deps.client.createTask(request, { deadline, signal: deps.signal, inFlightSignal: inFlight.signal })
  } catch (error) {
    if (!inFlight.signal.aborted) throw error
    throw new Error(
      `The run was cancelled while the create request was in flight, and FoxAPI did not answer within ${CREATE_REPLY_GRACE_MS / 1000}s: ` +
        'a task may have been created and billed, but its id is unknown.',
      { cause: error },
    )
  } finally {
    deps.signal.removeEventListener('abort', onStop)
    if (timer) clearTimeout(timer)
  }
}
