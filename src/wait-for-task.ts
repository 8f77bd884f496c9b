// Polls `GET /v1/tasks/{id}` until the task is completed, failed or cancelled, the deadline passes,
// or the run is stopped. Logs only changes of status or progress, not every poll.
import { setTimeout as sleep } from 'node:timers/promises'
import type { FoxApiClient } from './api-client'
import { RequestError } from './http'
import { isTerminal, type Task } from './task'

export type WaitOutcome =
  { kind: 'finished'; task: Task } | { kind: 'timed-out'; task: Task | undefined } | { kind: 'stopped'; task: Task | undefined }

export interface WaitOptions {
  client: FoxApiClient
  taskId: string
  pollIntervalMs: number
  /** Epoch ms when waiting gives up. */
  deadline: number
  signal?: AbortSignal
  /** What is known already (the create reply); without it the first poll happens at once. */
  initial?: Task
  log: (line: string) => void
  /** Called with every task state seen, so the caller always knows the last one. */
  onUpdate?: (task: Task) => void
}

/** Poll errors back off from the poll interval up to this. */
const MAX_POLL_BACKOFF_MS = 60_000

export async function waitForTask(options: WaitOptions): Promise<WaitOutcome> {
  const { client, taskId, pollIntervalMs, deadline, signal, log } = options
  let last = options.initial
  let reported = ''
  const report = (task: Task) => {
    options.onUpdate?.(task)
    const line = describeState(task)
    if (line !== reported) log(line)
    reported = line
  }
  if (last) report(last)

  for (let first = last === undefined; ; first = false) {
    if (last && isTerminal(last.status)) return { kind: 'finished', task: last }
    const remaining = deadline - Date.now()
    if (remaining <= 0) return { kind: 'timed-out', task: last }
    if (!first) {
      try {
        await sleep(Math.min(pollIntervalMs, remaining), undefined, { signal })
      } catch {
        return { kind: 'stopped', task: last }
      }
    }
    try {
      last = await client.getTask(taskId, {
        deadline,
        signal,
        retry: { baseDelayMs: pollIntervalMs, maxDelayMs: MAX_POLL_BACKOFF_MS, maxAttempts: Number.POSITIVE_INFINITY },
      })
      report(last)
    } catch (error) {
      if (signal?.aborted) return { kind: 'stopped', task: last }
      // A poll cut off by the deadline, or a transient error that outlived it, is a timeout, not a task failure.
      if (error instanceof RequestError && error.details.deadline) {
        log(`${error.message}.`)
        return { kind: 'timed-out', task: last }
      }
      if (error instanceof RequestError && error.details.retryable) {
        log(`${error.message}; no time left to retry.`)
        return { kind: 'timed-out', task: last }
      }
      throw error
    }
  }
}

function describeState(task: Task): string {
  const progress = typeof task.progress === 'number' ? ` ${Math.round(task.progress)}%` : ''
  return `Task ${task.id}: ${task.status}${progress}`
}
