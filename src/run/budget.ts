// What this step has reserved at FoxAPI, and the `max-credits` limit on it.
//
// FoxAPI publishes no price list and no balance route: the only figure is `usage.credits_reserved` in the
// replies to create and query. So the budget counts what those replies report for the tasks this step
// submitted (the latest figure per task; clips restored from the cache and tasks resumed from an earlier
// run reserve nothing new) and, with a limit, refuses to submit once the sum has reached it.
//
// With a limit, submissions are taken one at a time: the next create is sent only after the previous one's
// reply has been counted. Waiting and downloading still run `concurrency` at a time. The sum can therefore
// pass the limit by at most the credits of the last task submitted (its price is known only from its reply),
// plus any later rise FoxAPI reports for tasks already running.
import type { Task } from '../foxapi/task'
import { formatCredits } from '../report/outputs'

export type Submission<T> = { submitted: true; task: T } | { submitted: false; reason: string }

export class CreditBudget {
  /** Credits reported per task submitted by this step. */
  private readonly byTask = new Map<string, number | undefined>()
  private turn: Promise<void> = Promise.resolve()
  private warnedUnreported = false

  constructor(
    /** `max-credits`, or undefined for no limit. */
    readonly limit: number | undefined,
    private readonly warn: (text: string) => void = () => {},
  ) {}

  /** Credits reserved so far by this step's tasks. */
  get reserved(): number {
    let sum = 0
    for (const credits of this.byTask.values()) sum += credits ?? 0
    return sum
  }

  /** Whether the limit has been reached: no new task is submitted. */
  get reached(): boolean {
    return this.limit !== undefined && this.reserved >= this.limit
  }

  /** Why a clip is not started, once the limit is reached. */
  get refusal(): string {
    return `not started: max-credits ${this.limit} reached (${formatCredits(this.reserved)} credits reserved by this step's tasks)`
  }

  /**
   * Submits through `create` unless the limit is reached, and counts the reply. With a limit, one submission
   * at a time, so each decision sees every earlier reply (see the top of this file).
   */
  async submit<T extends Task>(create: () => Promise<T>): Promise<Submission<T>> {
    if (this.limit === undefined) return { submitted: true, task: this.counted(await create()) }
    const previous = this.turn
    let done = () => {}
    this.turn = new Promise<void>((resolve) => (done = resolve))
    await previous
    try {
      if (this.reached) return { submitted: false, reason: this.refusal }
      return { submitted: true, task: this.counted(await create()) }
    } finally {
      done()
    }
  }

  /** Takes a later reply into account (FoxAPI may adjust the reservation); tasks not submitted here are ignored. */
  update(task: Task): void {
    if (!this.byTask.has(task.id)) return
    const credits = creditsReserved(task)
    if (credits !== undefined) this.byTask.set(task.id, credits)
  }

  /** Credits reported for a task this step submitted; undefined for other tasks or when FoxAPI said nothing. */
  creditsOf(taskId: string | undefined): number | undefined {
    return taskId === undefined ? undefined : this.byTask.get(taskId)
  }

  private counted<T extends Task>(task: T): T {
    const credits = creditsReserved(task)
    this.byTask.set(task.id, credits)
    if (credits === undefined && this.limit !== undefined && !this.warnedUnreported) {
      this.warnedUnreported = true
      this.warn(`FoxAPI's reply for task ${task.id} reports no usage.credits_reserved, so max-credits cannot count it.`)
    }
    return task
  }
}

/** `usage.credits_reserved` of a task reply, when it is a usable number. */
export function creditsReserved(task: Task): number | undefined {
  const value = task.usage?.credits_reserved
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined
}
