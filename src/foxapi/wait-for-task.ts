// Polls `GET /v1/tasks/{id}` until the task is completed, failed or cancelled, the deadline passes,
// or the run is stopped. Logs only changes of status or progress, not every poll. Replies are taken as they
// come: a `completed` without a URL is asked again a few times (with `sync_upstream=true`, then plainly), and
// a task standing still for a long stretch is asked with `sync_upstream=true` to refresh it from the provider.
import { setTimeout as sleep } from 'node:timers/promises'
import { TASK_ID_MISMATCH, type FoxApiClient } from './api-client'
import { RequestError } from './request-errors'
import { nextPollDelayMs, sawProgress, type ProgressSeen } from './poll-schedule'
import { hasResult, isTerminal, type Task } from './task'
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
  /** The model's typical run time (typicalSecondsOf in src/models/registry.ts): the schedule's prior when FoxAPI gives no estimate. */
  typicalSeconds?: number | undefined
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

/** What the wait knows between polls. */
interface WaitState {
  /** The last task state seen (the create reply's, until the first poll answers). */
  last: Task | undefined
  /** The last state line logged, so only changes are logged. */
  reported: string
  /** Polls failed in a row (they back off); 404s in a row (a persistent one ends the wait). */
  failures: number
  notFound: number
  /** Re-queries of a `completed` reply without a clip URL so far. */
  emptyCompleted: number
  /** Whether the next poll asks with `sync_upstream=true`. */
  syncNext: boolean
  /** The task's status and progress, and since when it has shown them. */
  state: string
  stillSince: number
  /** `task_info.estimated_time` in seconds, as last given. */
  estimated: number | undefined
  /** For the adaptive schedule (src/foxapi/poll-schedule.ts): when the task started, its progress as seen, polls made. */
  startedAt: number | undefined
  seen: ProgressSeen | undefined
  polls: number
}

/**
 * Waits for the task to end: polls on the adaptive schedule until it is completed (with its clip URL, or
 * without one after the re-queries), failed or cancelled, the deadline passes, or the run is stopped.
 * The task is paid for and keeps running whatever the poll hears, so only a persistent answer ends the wait.
 */
export async function waitForTask(options: WaitOptions): Promise<WaitOutcome> {
  const { deadline, signal } = options
  const wait = startingState(options)
  for (let first = wait.last === undefined; ; first = false) {
    let delay = scheduledDelay(wait, options)
    const { last } = wait
    if (last && isTerminal(last.status)) {
      if (isFinal(last, wait.emptyCompleted)) return { kind: 'finished', task: last }
      delay = askAgainForUrl(wait, options)
    }
    if (signal?.aborted) return { kind: 'stopped', task: last }
    const remaining = deadline - Date.now()
    if (remaining <= 0) return { kind: 'timed-out', task: last }
    if (!first && !(await pauseBeforePoll(wait, delay, remaining, options))) return { kind: 'stopped', task: last }
    const ended = await pollOnce(wait, options)
    if (ended) return ended
  }
}

/** The state before the first poll, from what is known already (the create reply, reported). */
function startingState(options: WaitOptions): WaitState {
  const last = options.initial
  const wait: WaitState = {
    last,
    reported: '',
    failures: 0,
    notFound: 0,
    emptyCompleted: 0,
    syncNext: false,
    state: last ? stateKey(last) : '',
    stillSince: Date.now(),
    estimated: last?.task_info?.estimated_time,
    startedAt: last ? startOf(last) : undefined,
    seen: undefined,
    polls: 0,
  }
  if (last) report(wait, last, options)
  return wait
}

/** Hands a task state seen to the caller, and logs it when its line differs from the last logged. */
function report(wait: WaitState, task: Task, options: WaitOptions): void {
  options.onUpdate?.(task)
  const line = describeState(task)
  if (line !== wait.reported) options.log(line)
  wait.reported = line
}

/** The adaptive schedule's wait before the next poll (src/foxapi/poll-schedule.ts). */
function scheduledDelay(wait: WaitState, options: WaitOptions): number {
  const now = Date.now()
  const { typicalSeconds } = options
  return nextPollDelayMs({
    elapsedMs: now - (wait.startedAt ?? now),
    ceilingMs: options.pollIntervalMs,
    estimatedMs: wait.estimated !== undefined ? wait.estimated * 1000 : undefined,
    typicalMs: typicalSeconds !== undefined ? typicalSeconds * 1000 : undefined,
    seen: wait.seen,
    polls: wait.polls,
  })
}

/** Whether a terminal task is the answer: failed, cancelled, completed with its URL (or asset id), or completed without one after every re-query. */
function isFinal(task: Task, emptyCompleted: number): boolean {
  return task.status !== 'completed' || hasResult(task) || emptyCompleted >= EMPTY_COMPLETED_REQUERIES
}

/**
 * Sets up one more query of a `completed` reply without a clip URL (every other one with `sync_upstream`),
 * seen in practice with empty results that fill in on a later query. Returns the wait before it.
 */
function askAgainForUrl(wait: WaitState, options: WaitOptions): number {
  wait.emptyCompleted++
  wait.syncNext = wait.emptyCompleted % 2 === 1
  options.log(
    `Task ${options.taskId} is completed but its reply has no video URL; asking again ` +
      `(${wait.emptyCompleted} of ${EMPTY_COMPLETED_REQUERIES}${wait.syncNext ? ', with sync_upstream' : ''}).`,
  )
  return Math.min(options.pollIntervalMs, REQUERY_DELAY_MS)
}

/**
 * Sleeps before the next poll: the scheduled `delay`, or after failed polls a backoff from the poll interval,
 * never past the deadline. False when the run was stopped during the wait.
 */
async function pauseBeforePoll(wait: WaitState, delay: number, remaining: number, options: WaitOptions): Promise<boolean> {
  const { pollIntervalMs, signal } = options
  // Errors back off from the poll interval (at most 5 s, as before the adaptive schedule raised the default).
  const pause = Math.min(MAX_POLL_BACKOFF_MS, Math.min(pollIntervalMs, 5_000) * 1.5 ** Math.min(wait.failures, 20))
  try {
    await sleep(Math.min(wait.failures === 0 ? delay : pause, remaining), undefined, { signal })
    return true
  } catch {
    return false
  }
}

/** Asks for the task once and takes in the reply; an outcome when the poll's failure ends the wait. */
async function pollOnce(wait: WaitState, options: WaitOptions): Promise<WaitOutcome | undefined> {
  const { client, taskId, pollIntervalMs, deadline, signal } = options
  try {
    const synced = wait.syncNext
    wait.syncNext = false
    wait.polls++
    wait.last = await client.getTask(taskId, {
      deadline,
      signal,
      syncUpstream: synced,
      retry: { baseDelayMs: Math.min(pollIntervalMs, 5_000), maxDelayMs: MAX_POLL_BACKOFF_MS, maxAttempts: Number.POSITIVE_INFINITY },
    })
    takeIn(wait, wait.last, synced, options)
  } catch (error) {
    return afterFailedPoll(wait, error, options)
  }
  return undefined
}

/**
 * Takes in a task state a poll returned: reported, its estimate and progress kept for the schedule, and a task
 * standing still past {@link staleAfterMs} asked next with `sync_upstream` (`synced`: this poll was).
 */
function takeIn(wait: WaitState, task: Task, synced: boolean, options: WaitOptions): void {
  wait.failures = 0
  wait.notFound = 0
  report(wait, task, options)
  wait.estimated = task.task_info?.estimated_time ?? wait.estimated
  wait.startedAt ??= startOf(task)
  wait.seen = sawProgress(wait.seen, Date.now() - wait.startedAt, task.progress)
  if (stateKey(task) !== wait.state || synced) {
    wait.state = stateKey(task)
    wait.stillSince = Date.now()
  } else if (!isTerminal(task.status) && Date.now() - wait.stillSince >= staleAfterMs(options.pollIntervalMs, wait.estimated)) {
    wait.syncNext = true
    options.log(
      `Task ${options.taskId} shows no progress for ${Math.round((Date.now() - wait.stillSince) / 1000)}s; asking FoxAPI to refresh it (sync_upstream).`,
    )
  }
}

/**
 * What a failed poll means: the run stopped, the time up (a poll cut off by the deadline, or a transient error
 * that outlived it, is a timeout, not a task failure), the wait going on (undefined), or, for an error that will
 * not go away by waiting or a 404 that persists, the error thrown.
 */
function afterFailedPoll(wait: WaitState, error: unknown, options: WaitOptions): WaitOutcome | undefined {
  const { signal, log } = options
  if (signal?.aborted) return { kind: 'stopped', task: wait.last }
  if (error instanceof RequestError && error.details.deadline) {
    log(`${error.message}.`)
    return { kind: 'timed-out', task: wait.last }
  }
  if (error instanceof RequestError && error.details.retryable) {
    log(`${error.message}; no time left to retry.`)
    return { kind: 'timed-out', task: wait.last }
  }
  wait.notFound = error instanceof RequestError && error.details.status === 404 ? wait.notFound + 1 : 0
  if (!isTransientDuringWait(error) || wait.notFound >= NOT_FOUND_LIMIT) throw error
  wait.failures++
  log(`${messageOf(error)}; the task keeps running, so the wait goes on.`)
  return undefined
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
