// Polls `GET /v1/tasks/{id}` until the task is completed, failed or cancelled, the deadline passes,
// or the run is stopped. Logs only changes of status or progress, not every poll. Replies are taken as they
// come: a `completed` without a URL is asked again a few times (with `sync_upstream=true`, then plainly), and
// a task standing still for a long stretch is asked with `sync_upstream=true` to refresh it from the provider.
import { setTimeout as sleep } from 'node:timers/promises'
import { TASK_ID_MISMATCH, type FoxApiClient } from './api-client'
import { RequestError } from './request-errors'
import { nextPollDelayMs } from './poll-schedule'
import { isTerminal, videoUrlOf, type Task } from './task'
import { messageOf } from '../errors'

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
/** Times a `completed` reply without a clip URL is asked again before it counts as a failure. */
export const EMPTY_COMPLETED_REQUERIES = 4
/** Wait between those re-queries, at most (the poll interval when shorter). */
const REQUERY_DELAY_MS = 2_000

/** How long a task may show the same status and progress before it is asked with `sync_upstream=true`. */
export function staleAfterMs(pollIntervalMs: number, estimatedSeconds: number | undefined): number {
  return Math.max(4 * pollIntervalMs, ((estimatedSeconds ?? 0) * 1000) / 2)
}

/** A task FoxAPI says it does not know, this many polls in a row, is gone; fewer is a hiccup (a stale replica, a gateway). */
export const NOT_FOUND_LIMIT = 3

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

  // The task is paid for and keeps running whatever the poll hears, so only a persistent answer ends the wait.
  let failures = 0
  let notFound = 0
  let emptyCompleted = 0
  let syncNext = false
  let state = last ? stateKey(last) : ''
  let stillSince = Date.now()
  let estimated = last?.task_info?.estimated_time
  // For the adaptive schedule (src/foxapi/poll-schedule.ts): when the task started, and two sightings of its progress.
  let startedAt = last ? startOf(last) : undefined
  let earlier: { elapsedMs: number; progress: number } | undefined
  let latest: { elapsedMs: number; progress: number } | undefined
  let previousDelay: number | undefined
  for (let first = last === undefined; ; first = false) {
    const now = Date.now()
    let delay = nextPollDelayMs(
      {
        elapsedMs: now - (startedAt ?? now),
        estimatedMs: estimated !== undefined ? estimated * 1000 : undefined,
        progress: last?.progress,
        earlier,
        ceilingMs: pollIntervalMs,
      },
      previousDelay,
    )
    if (last && isTerminal(last.status)) {
      if (last.status !== 'completed' || videoUrlOf(last) || emptyCompleted >= EMPTY_COMPLETED_REQUERIES) {
        return { kind: 'finished', task: last }
      }
      // Seen in practice: `completed` with empty results that fill in on a later query.
      emptyCompleted++
      syncNext = emptyCompleted % 2 === 1
      delay = Math.min(pollIntervalMs, REQUERY_DELAY_MS)
      log(
        `Task ${taskId} is completed but its reply has no video URL; asking again ` +
          `(${emptyCompleted} of ${EMPTY_COMPLETED_REQUERIES}${syncNext ? ', with sync_upstream' : ''}).`,
      )
    }
    if (signal?.aborted) return { kind: 'stopped', task: last }
    const remaining = deadline - Date.now()
    if (remaining <= 0) return { kind: 'timed-out', task: last }
    if (!first) {
      // Errors back off from the poll interval (at most 5 s, as before the adaptive schedule raised the default).
      const pause = Math.min(MAX_POLL_BACKOFF_MS, Math.min(pollIntervalMs, 5_000) * 1.5 ** Math.min(failures, 20))
      previousDelay = delay
      try {
        await sleep(Math.min(failures === 0 ? delay : pause, remaining), undefined, { signal })
      } catch {
        return { kind: 'stopped', task: last }
      }
    }
    try {
      const synced = syncNext
      syncNext = false
      last = await client.getTask(taskId, {
        deadline,
        signal,
        syncUpstream: synced,
        retry: { baseDelayMs: Math.min(pollIntervalMs, 5_000), maxDelayMs: MAX_POLL_BACKOFF_MS, maxAttempts: Number.POSITIVE_INFINITY },
      })
      failures = 0
      notFound = 0
      report(last)
      estimated = last.task_info?.estimated_time ?? estimated
      startedAt ??= startOf(last)
      if (typeof last.progress === 'number' && last.progress > (latest?.progress ?? 0)) {
        earlier = latest
        latest = { elapsedMs: Date.now() - startedAt, progress: last.progress }
      }
      if (stateKey(last) !== state || synced) {
        state = stateKey(last)
        stillSince = Date.now()
      } else if (!isTerminal(last.status) && Date.now() - stillSince >= staleAfterMs(pollIntervalMs, estimated)) {
        syncNext = true
        log(
          `Task ${taskId} shows no progress for ${Math.round((Date.now() - stillSince) / 1000)}s; asking FoxAPI to refresh it (sync_upstream).`,
        )
      }
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
      notFound = error instanceof RequestError && error.details.status === 404 ? notFound + 1 : 0
      if (!isTransientDuringWait(error) || notFound >= NOT_FOUND_LIMIT) throw error
      failures++
      log(`${messageOf(error)}; the task keeps running, so the wait goes on.`)
    }
  }
}

/** When the task started, by FoxAPI's `created` when that is plausible (the last day, not ahead of us). */
function startOf(task: Task): number {
  const now = Date.now()
  const created = typeof task.created === 'number' ? task.created * 1000 : undefined
  return created !== undefined && created > now - 86_400_000 ? Math.min(now, created) : now
}

function stateKey(task: Task): string {
  return `${task.status} ${task.progress ?? ''}`
}

/**
 * Whether a failed poll says nothing about the task itself: gateway and server trouble (any 5xx, e.g. a CDN's
 * 524), 408/425, a 2xx that is not a task (an HTML maintenance page), a network failure, or a 404 (a hiccup
 * until it persists). Authentication and request errors are not: they will not go away by waiting.
 */
export function isTransientDuringWait(error: unknown): boolean {
  if (!(error instanceof RequestError) || error.details.aborted || error.details.errorCode === TASK_ID_MISMATCH) return false
  const status = error.details.status
  if (status === undefined) return true
  return status >= 500 || status === 408 || status === 425 || status === 404 || (status >= 200 && status < 300)
}

function describeState(task: Task): string {
  const progress = typeof task.progress === 'number' ? ` ${Math.round(task.progress)}%` : ''
  return `Task ${task.id}: ${task.status}${progress}`
}
