// The one answer to "what happens to this clip?", for the paid run and the dry run alike: restore it from the
// cache, resume the task named by `task-id`, collect an earlier run's task, submit a new (paid) task, skip it, or
// leave it for another day (the calendar). Both runs gather the same facts (src/run/clip-pipeline.ts as they come
// in, src/run/dry-run.ts all at once) and ask decideClip; neither decides anything itself, so the plan a dry run
// shows is the path a paid run takes. Pure: no I/O, no clock.
import type { ClipDecision } from '../report/clip-result'

export type { ClipDecision } from '../report/clip-result'

/** What the Actions cache holds for the clip's request, as far as it was asked. */
export type CacheFinding =
  /** Not asked: the cache is off (`cache: false`, no service) or the clip has no request key (a `task-id`). */
  | { kind: 'not-asked'; why: string }
  /** Asked, and it could not answer (a failed lookup turns the cache off with a warning). */
  | { kind: 'no-answer' }
  /** Nothing under the request's key. */
  | { kind: 'empty' }
  /**
   * A clip made for this request. `usable`: proven with the key, whole, and (with `verify: fail`) what was asked;
   * false with why when not; 'unproven' when the dry run had no key to check its proof with.
   */
  | { kind: 'clip'; usable: true | 'unproven' }
  | { kind: 'clip'; usable: false; why: string }
  /** A task an earlier run submitted for this request and never delivered. */
  /** Its id is unknown only to a dry run without 'api-key' (which reads no entry). */
  | { kind: 'pending'; taskId: string | undefined }
  /** `reuse: run`: the request's last task was delivered to an earlier run, so it is not handed out again. */
  | { kind: 'delivered'; taskId: string; why: string }

/** What FoxAPI says of an earlier run's pending task: it can still deliver, or why not (then a new one is paid for). */
export type PendingCheck = { usable: true } | { usable: false; why: string }

/** Everything the decision reads. A fact not known yet is left out: the decision is then what happens if it allows. */
export interface ClipFacts {
  /** Why the calendar (or `pick: rotate`) leaves the entry out of this run. */
  notDue?: string
  /** The `task-id` to collect (the input, or the batch entry's): nothing is submitted for the clip. */
  taskId?: string
  cache: CacheFinding
  /** Why no task may start now (fail-fast after a failure, a cancelled run). A restore needs no task, so it still runs. */
  stopped?: string
  /** FoxAPI's answer about the pending task the cache holds (left out before it was asked, or when it cannot be). */
  pending?: PendingCheck
  /** Why the budget allows no new task (max-credits reached, spend records that are not believed or cannot be saved). */
  budgetRefusal?: string
}

/**
 * The decision, in this order: an entry not due runs nothing; a usable cached clip is restored (it needs no task,
 * so neither fail-fast nor the budget stops it); a stopped run starts no task; `task-id` is collected; an earlier
 * run's task that can still deliver is collected (free); a budget that is spent submits nothing; else a new task
 * is submitted and paid for.
 */
export function decideClip(facts: ClipFacts): ClipDecision {
  const { cache } = facts
  if (facts.notDue !== undefined) return { action: 'not-due', why: facts.notDue }
  if (cache.kind === 'clip' && cache.usable !== false) return { action: 'restore', why: restoreWhy(cache.usable) }
  if (facts.stopped !== undefined) return { action: 'skip', why: facts.stopped }
  if (facts.taskId !== undefined) return { action: 'resume', taskId: facts.taskId, why: 'task-id names the task to collect' }
  if (cache.kind === 'pending' && facts.pending?.usable !== false) {
    const why = facts.pending?.usable
      ? 'an earlier run of this request submitted it and FoxAPI can still deliver it'
      : 'an earlier run of this request submitted it (a new task only if it failed, was cancelled or expired)'
    return { action: 'collect', taskId: cache.taskId, why }
  }
  if (facts.budgetRefusal !== undefined) return { action: 'skip', why: facts.budgetRefusal }
  return { action: 'submit', why: submitWhy(cache, facts.pending) }
}

function restoreWhy(usable: true | 'unproven'): string {
  return usable === true
    ? 'the Actions cache holds this clip, proven and checked: nothing is sent to FoxAPI'
    : "the Actions cache holds an entry for this request (its proof is checked only with 'api-key')"
}

function submitWhy(cache: CacheFinding, pending: PendingCheck | undefined): string {
  switch (cache.kind) {
    case 'not-asked':
      return `a new task (${cache.why})`
    case 'no-answer':
      return 'a new task (the Actions cache could not be asked)'
    case 'empty':
      return 'a new task (nothing for this request in the Actions cache)'
    case 'clip':
      return `a new task (${cache.usable === false ? cache.why : 'the cached clip is not used'})`
    case 'delivered':
      return `a new task (${cache.why})`
    case 'pending':
      return `a new task (the earlier run's task ${cache.taskId ?? ''} ${pending?.usable === false ? pending.why : 'cannot deliver'})`.replace(
        '  ',
        ' ',
      )
  }
}

/** The action in a few words, for a plan line or a summary cell. */
export function actionText(decision: ClipDecision): string {
  switch (decision.action) {
    case 'not-due':
      return 'not due on this run, nothing sent'
    case 'restore':
      return 'restored from the Actions cache, nothing sent'
    case 'skip':
      return 'skipped, nothing sent'
    case 'resume':
      return `collects task ${decision.taskId}, nothing new submitted`
    case 'collect':
      return `collects an earlier run's task${decision.taskId ? ` ${decision.taskId}` : ''}, nothing new submitted`
    case 'submit':
      return 'submitted to FoxAPI (paid)'
  }
}
