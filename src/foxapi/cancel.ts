// Cancelling, as far as FoxAPI allows it. Its reference documents `task_info.can_cancel` but no route to
// act on it, so the cancel call is a best-effort guess: a 404, 405 or 501 means "this API cannot cancel",
// and then the task keeps running and may be billed. Nothing here says "cancelled" unless a task reply does.
import type { FoxApiClient } from './api-client'
import { RequestError } from './request-errors'
import { canCancel, isTerminal, type Task } from './task'
import { messageOf } from '../errors'

/** What came of a cancel attempt. Only `cancelled` means the task stopped: a reply said so. */
export type CancelOutcome =
  | { kind: 'cancelled'; task: Task }
  | { kind: 'requested'; task: Task }
  | { kind: 'unsupported'; status: number }
  | { kind: 'not-cancellable' }
  | { kind: 'failed'; reason: string }

/** Statuses that say the route itself is missing rather than this task being the problem. */
const NO_CANCEL_ROUTE = new Set([404, 405, 501])

/** Tries to cancel `task` once (with the client's retries for transient errors) and says what came of it. */
export async function tryCancel(client: FoxApiClient, task: Task, deadline: number): Promise<CancelOutcome> {
  if (!canCancel(task)) return { kind: 'not-cancellable' }
  try {
    const reply = await client.cancelTask(task.id, { deadline })
    return reply.status === 'cancelled' ? { kind: 'cancelled', task: reply } : { kind: 'requested', task: reply }
  } catch (error) {
    const status = error instanceof RequestError ? error.details.status : undefined
    if (status !== undefined && NO_CANCEL_ROUTE.has(status)) return { kind: 'unsupported', status }
    return { kind: 'failed', reason: messageOf(error) }
  }
}

/** One sentence on what became of the task: cancelled (a reply said so), or still running and maybe billed. */
export function cancelSentence(taskId: string, outcome: CancelOutcome | 'not-asked', last?: Task): string {
  const running = 'keeps running at FoxAPI and may be billed'
  if (outcome === 'not-asked') return `Task ${taskId} ${running} (cancel-on-timeout: false).`
  switch (outcome.kind) {
    case 'cancelled':
      return `The task was cancelled at FoxAPI (its reply says cancelled).`
    case 'requested':
      return `FoxAPI took the cancel request for task ${taskId} but reports it ${outcome.task.status}: it may keep running and be billed.`
    case 'unsupported':
      return `FoxAPI cannot cancel tasks (HTTP ${outcome.status} on the cancel call; its reference documents no cancel route): task ${taskId} ${running}.`
    case 'not-cancellable':
      return last && isTerminal(last.status)
        ? `Task ${taskId} had already ended ${last.status}.`
        : `Task ${taskId} cannot be cancelled (task_info.can_cancel is false): it ${running}.`
    case 'failed':
      return `Could not cancel task ${taskId} (${outcome.reason}): it ${running}.`
  }
}

/** What a collect hint adds: a longer timeout to suggest, and whether the Actions cache remembers the task. */
export interface CollectOptions {
  longerTimeout: boolean
  cached: boolean
}

/** How to collect a task left running without paying again. */
export function collectHint(taskId: string, options: CollectOptions = { longerTimeout: false, cached: false }): string {
  return `Collect it later without paying again: re-run with task-id: ${taskId}${options.longerTimeout ? ' (and a longer timeout)' : ''}${cacheClause(options)}.`
}

/** The end of a collect hint (single clip or batch entry) when the Actions cache remembers the task. */
export function cacheClause(options: CollectOptions): string {
  return options.cached ? ', or re-run this workflow: the Actions cache remembers the task' : ''
}

/** Whether the task may still be running (and billed) after the step gave up on it. */
export function leftRunning(outcome: CancelOutcome | 'not-asked', last: Task | undefined): boolean {
  if (last !== undefined && isTerminal(last.status)) return false
  return outcome === 'not-asked' || outcome.kind !== 'cancelled'
}
