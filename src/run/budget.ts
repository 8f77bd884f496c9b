// What this step has reserved at FoxAPI, and the `max-credits` limit on it.
//
// FoxAPI publishes no price list and no balance route: the only figure is `usage.credits_reserved` in the
// replies to create and query. So the budget counts what those replies report, per submission (one create
// request this step sent), never per task id: a server that names every task alike still gets each create
// counted. For each submission it keeps the highest figure ever reported, so a later reply that reports the
// reservation released or settled (0) never makes room for more. Clips restored from the cache and tasks
// resumed from an earlier run are no submission and reserve nothing new.
//
// With a limit, the budget treats as reached (nothing more is submitted):
// - the sum of those figures at or over the limit;
// - a create whose outcome is unknown (a 5xx answer, a reset connection, a timeout, a reply that is not a
//   task): it may have been billed for an amount no reply will ever tell;
// - a figure that is not a usable number (`"1e999"`, negative, text, over MAX_CREDITS_LIMIT): no honest
//   count can be made from it.
//
// With a limit, submissions are taken one at a time: the next create is sent only after the previous one's
// reply has been counted. Waiting and downloading still run `concurrency` at a time. The sum can therefore
// pass the limit by at most the credits of the last task submitted (its price is known only from its reply),
// plus any later rise FoxAPI reports for tasks already running.
//
// With `budget-period`, each turn first has this step's spending so far recorded (PeriodSpending.record: the
// step's first turn opens its records), so no create is sent that the period's records would not show; a record
// that cannot be saved sets `blocked`, which is "limit reached" from then on.
import { RequestError } from '../foxapi/request-errors'
import type { Task } from '../foxapi/task'
import { MAX_CREDITS_LIMIT } from '../inputs/plan-inputs'
import { formatCredits } from '../report/outputs'
import { capText } from '../security/visible-text'
import { Limiter } from './limiter'

/** A create this step sent: the credits its replies reported, and the way to count a later reply. */
export interface CountedSubmission {
  /** The highest usable figure reported for it so far; undefined while none was. */
  readonly credits: number | undefined
  /** Counts a later reply about this submission's task (a poll, a cancel): the figure only ever rises. */
  update(task: Task): void
}

/** One create's count: its highest usable figure, and whether an unusable one came. */
interface Counted {
  credits: number | undefined
  unusable: boolean
}

export type Submission<T> = { submitted: true; task: T; counted: CountedSubmission } | { submitted: false; reason: string }

/** What `usage.credits_reserved` says: nothing, a usable figure, or a figure no count can be made from. */
export type CreditsFigure = { kind: 'none' } | { kind: 'credits'; credits: number } | { kind: 'unusable'; shown: string }

/**
 * `budget-period`: what earlier runs of the workflow spent in the period (from the spend records,
 * src/records/spend-records.ts), counted against the same limit, and the way to record this step's spending.
 */
export interface PeriodSpending {
  /** The period, e.g. `month-2026-12`. */
  period: string
  spentEarlier: number
  /**
   * Set when the records could not be read or believed, or (later) when this step's record could not be saved:
   * "limit reached" from then on. Read at every decision, so setting it stops the next submission.
   */
  blocked?: string
  /**
   * Records this step's total; resolves once it is saved (or `blocked` is set). Called in each submission's turn
   * before the create is sent (so nothing is submitted before the step's records can be written, and every create
   * goes out with everything counted before it on record), and after each change.
   */
  record?: (reserved: number) => Promise<void>
}

export class CreditBudget {
  /** One entry per create sent by this step: the highest usable figure reported for it. */
  private readonly submissions: Counted[] = []
  /** With a limit, one submission at a time. */
  private readonly turn = new Limiter(1)
  private warnedUnreported = false
  /** Why the limit counts as reached whatever the sum (an unknown create outcome, an unusable figure). */
  private stoppedBecause: string | undefined

  constructor(
    /** `max-credits`, or undefined for no limit. */
    readonly limit: number | undefined,
    private readonly warn: (text: string) => void = () => {},
    /** With `budget-period`, the period's earlier spending: the period's total is that plus this step's figures. */
    readonly period?: PeriodSpending,
  ) {}

  /** Credits reserved so far by this step's submissions (the highest figure of each). */
  get reserved(): number {
    return this.submissions.reduce((sum, s) => sum + (s.credits ?? 0), 0)
  }

  /** Whether the limit has been reached: no new task is submitted. */
  get reached(): boolean {
    if (this.limit === undefined) return false
    if (this.period?.blocked !== undefined || this.stoppedBecause !== undefined) return true
    return (this.period?.spentEarlier ?? 0) + this.reserved >= this.limit
  }

  /** Why a clip is not started, once the limit is reached. */
  get refusal(): string {
    if (this.period?.blocked !== undefined) return `not started: ${this.period.blocked}`
    const counted = this.period
      ? `${formatCredits(this.period.spentEarlier)} credits spent by earlier runs in the period, ${formatCredits(this.reserved)} by this step's tasks`
      : `${formatCredits(this.reserved)} credits reserved by this step's tasks`
    if (this.period && this.stoppedBecause === undefined)
      return `not started: max-credits ${this.limit} for ${this.period.period} reached (${counted})`
    return this.stoppedBecause !== undefined
      ? `not started: max-credits ${this.limit} counted as reached, because ${this.stoppedBecause} (${counted} as far as FoxAPI reported)`
      : `not started: max-credits ${this.limit} reached (${counted})`
  }

  /**
   * Runs `attempt` in the budget's turn, told why no new task may be submitted now (undefined when one may).
   * With a limit, turns are taken one at a time, so each decision sees every earlier reply (see the top of this
   * file); a create sent in the turn goes through {@link send}.
   */
  async inTurn<T>(attempt: (refusal: string | undefined) => Promise<T>): Promise<T> {
    if (this.limit === undefined) return attempt(undefined)
    return this.turn.run(async () => {
      // With a period, nothing is sent before this step's spending so far is on record (a failed save blocks).
      if (!this.reached && this.period?.record) await this.period.record(this.reserved)
      return attempt(this.reached ? this.refusal : undefined)
    })
  }

  /** Submits through `create` unless the limit is reached, and counts the reply (inTurn, then send). */
  async submit<T extends Task>(create: () => Promise<T>): Promise<Submission<T>> {
    return this.inTurn(async (refusal) => (refusal !== undefined ? { submitted: false, reason: refusal } : await this.send(create)))
  }

  /**
   * Sends one create and counts its reply. A create that fails with an unknown outcome stops further submissions
   * under a limit; the error is passed on. Call it inside {@link inTurn}.
   */
  async send<T extends Task>(create: () => Promise<T>): Promise<{ submitted: true; task: T; counted: CountedSubmission }> {
    let task: T
    try {
      task = await create()
    } catch (error) {
      if (outcomeUnknown(error)) {
        this.submissions.push({ credits: undefined, unusable: false })
        this.stop("a create request's outcome is unknown (FoxAPI may have made and billed a task no reply named)")
      }
      throw error
    }
    const entry: Counted = { credits: undefined, unusable: false }
    this.submissions.push(entry)
    const counted: CountedSubmission = {
      get credits() {
        return entry.credits
      },
      update: (reply: Task) => this.count(entry, reply, false),
    }
    this.count(entry, task, true)
    return { submitted: true, task, counted }
  }

  /** Takes one reply's figure into account for its submission: the highest usable figure is kept. */
  private count(entry: Counted, task: Task, first: boolean): void {
    const figure = creditsFigure(task)
    if (figure.kind === 'credits') {
      const before = entry.credits
      entry.credits = Math.max(entry.credits ?? 0, figure.credits)
      if (entry.credits !== before) void this.period?.record?.(this.reserved)
    } else if (figure.kind === 'unusable') {
      if (entry.unusable) return
      entry.unusable = true
      this.warn(
        `FoxAPI reported usage.credits_reserved ${figure.shown} for task ${task.id}, which is not a usable number of credits` +
          (this.limit !== undefined ? ': max-credits counts as reached, and no new task is submitted.' : '.'),
      )
      this.stop(`FoxAPI reported an unusable credits figure (${figure.shown}) for task ${task.id}`)
    } else if (first && this.limit !== undefined && !this.warnedUnreported) {
      this.warnedUnreported = true
      this.warn(`FoxAPI's reply for task ${task.id} reports no usage.credits_reserved, so max-credits cannot count it.`)
    }
  }

  private stop(reason: string): void {
    this.stoppedBecause ??= reason
  }
}

/**
 * Whether a failed create may have made (and billed) a task: any failure but an answer FoxAPI gave before
 * doing anything (a 4xx, a 429 or 503 refusal at the door) and a request that surely never left.
 */
export function outcomeUnknown(error: unknown): boolean {
  for (let cause: unknown = error; cause !== undefined; cause = (cause as { cause?: unknown }).cause) {
    if (cause instanceof RequestError) {
      const { status, mayHaveBeenProcessed } = cause.details
      return mayHaveBeenProcessed && !(status !== undefined && status >= 400 && status < 500)
    }
    if (typeof cause !== 'object' || cause === null) break
  }
  return true
}

/** `usage.credits_reserved` of a task reply: absent, a usable figure (0 to MAX_CREDITS_LIMIT), or unusable. */
export function creditsFigure(task: Task): CreditsFigure {
  const value = task.usage?.credits_reserved
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return { kind: 'none' }
  const n = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value
  if (typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= MAX_CREDITS_LIMIT) return { kind: 'credits', credits: n }
  return { kind: 'unusable', shown: JSON.stringify(capText(String(value), 40)) }
}

/** `usage.credits_reserved` of a task reply, when it is a usable number. */
export function creditsReserved(task: Task): number | undefined {
  const figure = creditsFigure(task)
  return figure.kind === 'credits' ? figure.credits : undefined
}
