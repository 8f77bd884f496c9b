// The stage of a clip's pipeline for a wait that ended without a result: the step timed out, or the run was
// stopped. A task this run submitted is cancelled when `cancel-on-timeout` asks for it (best effort: FoxAPI
// documents no cancel route); one adopted from another run is left alone. Either way the clip's error says where
// the task stood, what became of it, and (while it may still run and be billed) how to collect it.
import { cancelSentence, leftRunning, tryCancel, type CancelOutcome } from '../foxapi/cancel'
import { isTerminal, type Task } from '../foxapi/task'
import { collectAdvice } from './collect-advice'
import type { ClipDeps } from './clip-deps'

/** Time allowed for cancelling a task after the run itself was stopped (the runner kills the step ~7.5s after SIGINT). */
const CANCEL_GRACE_MS = 5_000

/** How a wait that ended without a result leaves the clip. */
export interface WaitEnd {
  outcome: 'timed-out' | 'stopped'
  /** The task may still run at FoxAPI (and be billed): no reply said it ended or was cancelled. */
  leftRunning: boolean
  error: string
  /** The cancel call's reply, when it gave one: the task's state the outputs report. */
  reply?: Task
}

/** What endWait needs to know of the clip and its task. */
export interface StoppedTask {
  name: string
  taskId: string
  /** The last state seen (the create reply, or the last poll). */
  last: Task | undefined
  /** The last progress any reply reported. */
  progress: number | undefined
  /** Submitted by another run: never cancelled here. */
  adopted: boolean
  /** The Actions cache remembers the task, so re-running the workflow collects it. */
  cached: boolean
}

/** Cancels the task when allowed (and ours), and says what became of it. */
export async function endWait(
  kind: WaitEnd['outcome'],
  stopped: StoppedTask,
  deps: ClipDeps,
  log: (line: string) => void,
): Promise<WaitEnd> {
  const { taskId, last } = stopped
  let sentence: string
  let reply: Task | undefined
  let running: boolean
  if (stopped.adopted) {
    // Another run submitted (and may be waiting on) this task: cancelling it here would lose what it paid for.
    running = !(last !== undefined && isTerminal(last.status))
    sentence = `Task ${taskId} was submitted by another run, so it is left running (cancel-on-timeout applies only to tasks this run submitted).`
  } else {
    const cancel = await cancelIfAllowed(last, deps)
    reply = cancel !== 'not-asked' && (cancel.kind === 'cancelled' || cancel.kind === 'requested') ? cancel.task : undefined
    running = leftRunning(cancel, reply ?? last)
    sentence = cancelSentence(taskId, cancel, last)
  }
  log(sentence)
  // The message tells where the task stood when waiting ended; the outputs then carry the cancel reply's status.
  const error = stopMessage(kind, stopped, deps, sentence, running)
  return { outcome: kind, leftRunning: running, error, ...(reply ? { reply } : {}) }
}

/** Tries to cancel a task left running by a timeout or a stopped run, when cancel-on-timeout asks for it. */
async function cancelIfAllowed(task: Task | undefined, deps: ClipDeps): Promise<CancelOutcome | 'not-asked'> {
  if (!task || !deps.settings.cancelOnTimeout) return 'not-asked'
  return tryCancel(deps.client, task, Date.now() + CANCEL_GRACE_MS)
}

/** Says where the task stood when waiting ended, what became of it, and (unless it ended) how to collect it. */
function stopMessage(kind: WaitEnd['outcome'], stopped: StoppedTask, deps: ClipDeps, cancel: string, running: boolean): string {
  const { taskId, last } = stopped
  const progress = stopped.progress !== undefined ? ` ${Math.round(stopped.progress)}%` : ''
  const status = `last status ${last?.status ?? 'not-submitted'}${progress}`
  const what =
    kind === 'timed-out'
      ? `Timed out after ${Math.round(deps.settings.timeoutMs / 1000)}s waiting for task ${taskId} (${status}).`
      : `The run was cancelled while waiting for task ${taskId} (${status}).`
  if (!running) return `${what} ${cancel}`
  const advice = collectAdvice(stopped.name, taskId, deps.batch, { longerTimeout: kind === 'timed-out', cached: stopped.cached })
  return `${what} ${cancel} ${advice}`
}
