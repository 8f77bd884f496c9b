// `budget-period`: the credits this workflow's runs spent in the period, kept as artifacts of those runs
// (./run-records.ts), so that `max-credits` caps every run of the workflow in a day, week or month.
//
// What is written, and when. Each step that submits keeps its own series of records in its run:
//   foxapi-video-spend-<scope hash>-<period>.json                          the run's index (one per run)
//   foxapi-video-spend-<scope hash>-<period>-a<attempt>-<step>-<n>.json   the step's n-th record
// Before the step's first create, the index (when this run has none yet) and record 0 are saved: a step that cannot
// write its records submits nothing. After that, a record holding the step's running total is saved whenever the total
// grows, and always before the next create is sent (src/run/budget.ts asks in each submission's turn), so a create
// goes out only once everything counted before it is on record. A save that fails is "limit reached" for the rest of
// the step.
//
// What is read. The period's total is a sum, never a "newest" value: the runs with an index of this period (one REST
// listing by exact name), each checked to be a run of this workflow (GET the run: its workflow file), then each step's
// last record in that run. Every record is believed only with its proof (src/cache/entry-proof.ts, keyed from the API
// key) over everything it says, its name included, and only in the run it names: a record whose proof names another run
// than the one GitHub says uploaded it is a replay, and, like a record that fails its proof or cannot be read, makes the
// total "limit reached", never 0. A record of another workflow's run, or of another period, is not counted.
import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { isProvenEntry, proveEntry } from '../cache/entry-proof'
import { messageOf } from '../errors'
import type { BudgetPeriodSettings } from '../inputs/clip-spec'
import * as log from '../log'
import {
  apiProblem,
  isAlreadyUploaded,
  recordStoreRun,
  retentionLimit,
  RunRecords,
  type ListedArtifact,
  type RunFacts,
} from './run-records'

const RECORD_KIND = 'foxapi-video spend record v1'
/** Days a record is kept: the longest period, plus a day for the time zones (a month of 31 days → 32). */
export const RETENTION_DAYS: Readonly<Record<BudgetPeriodSettings['period'], number>> = { day: 2, week: 8, month: 32 }
/** How long a step waits for the run's index another job (or an earlier attempt) is still uploading. */
const INDEX_WAIT_MS = 20_000

const recordSchema = z.strictObject({
  v: z.literal(1),
  scope: z.string().max(1_000),
  period: z.string().max(40),
  run_id: z.number().int().positive(),
  attempt: z.number().int().positive(),
  step: z.string().regex(/^[0-9a-f]{12}$/),
  n: z.number().int().nonnegative(),
  spent: z.number().finite().nonnegative(),
  at: z.number().int().nonnegative(),
  proof: z.string(),
})

/** What the records say before this step submits anything. */
export type SpendReading =
  /** Credits spent in the period by the workflow's runs (0 when none has a record yet). */
  | { kind: 'read'; spent: number }
  /** Records that cannot be read or believed: treated as "limit reached". */
  | { kind: 'untrusted'; reason: string }

export class SpendRecords {
  private readonly base: string
  private readonly step = randomBytes(6).toString('hex')
  private next = 0
  /** The highest total asked to be recorded, and the highest saved. */
  private wanted = 0
  private saved: number | undefined
  /** Why saving failed; every later save then fails too. */
  private failed: string | undefined
  private queue: Promise<true | string> = Promise.resolve(true)

  private constructor(
    private readonly store: RunRecords,
    private readonly apiKey: string,
    private readonly budget: BudgetPeriodSettings,
  ) {
    const scope = createHash('sha256').update(budget.scope).digest('hex').slice(0, 16)
    this.base = `foxapi-video-spend-${scope}-${budget.key}`
  }

  /**
   * The records of `budget`, or why they cannot be kept here (no artifact service, GitHub Enterprise Server, or a
   * repository that keeps artifacts for less than the period): the caller then fails the step before sending anything.
   */
  static open(
    options: { apiKey: string; githubToken: string; budget: BudgetPeriodSettings },
    env: NodeJS.ProcessEnv = process.env,
  ): SpendRecords | { unavailable: string; retention?: boolean } {
    const { budget } = options
    const days = RETENTION_DAYS[budget.period]
    const limit = retentionLimit(env)
    if (limit !== undefined && limit < days)
      return {
        retention: true,
        unavailable:
          `budget-period ${budget.period} keeps its spend records as artifacts for ${days} days, but this repository keeps artifacts for at most ${limit} days (GITHUB_RETENTION_DAYS): ` +
          `records would expire before the period ends and the cap could not hold. Raise the artifact retention (Settings → Actions → General) to ${days} days or more, or use a shorter budget-period`,
      }
    const store = recordStoreRun(env)
    if ('problem' in store) return { unavailable: store.problem }
    if (options.githubToken === '') return { unavailable: "'github-token' is empty: the records are read back through the GitHub API" }
    return new SpendRecords(new RunRecords(store.run, options.githubToken), options.apiKey, budget)
  }

  /** The period's total so far; "untrusted" (never 0) for records that are there but cannot be read or believed. */
  async read(): Promise<SpendReading> {
    if (this.apiKey === '') return { kind: 'untrusted', reason: "no 'api-key' to check the records' proofs with" }
    let indexes: ListedArtifact[]
    try {
      indexes = await this.store.listNamed(`${this.base}.json`)
    } catch (error) {
      return { kind: 'untrusted', reason: `the spend records could not be read (${apiProblem(error)})` }
    }
    let spent = 0
    for (const runId of [...new Set(indexes.map((index) => index.runId))]) {
      try {
        spent += await this.spentIn(runId)
      } catch (error) {
        return { kind: 'untrusted', reason: `the spend records could not be read (run ${runId}: ${apiProblem(error)})` }
      }
    }
    return { kind: 'read', spent }
  }

  /** What run `runId`'s steps recorded (0 for a run of another workflow); throws when a record is not believed. */
  private async spentIn(runId: number): Promise<number> {
    const run = await this.store.describeRun(runId)
    if (run.workflow !== this.budget.scope) {
      log.info(`Budget: run ${runId} has spend records of ${this.budget.key}, but it is a run of ${run.workflow}: not counted.`)
      return 0
    }
    const pattern = new RegExp(`^${this.base}-a(\\d{1,6})-([0-9a-f]{12})-(\\d{1,6})\\.json$`)
    const last = new Map<string, { artifact: ListedArtifact; n: number }>()
    for (const artifact of await this.store.listRun(runId, `${this.base}-a`)) {
      const match = pattern.exec(artifact.name)
      if (!match) continue
      const step = `${match[1]}-${match[2]}`
      const n = Number(match[3])
      if ((last.get(step)?.n ?? -1) < n) last.set(step, { artifact, n })
    }
    let spent = 0
    for (const { artifact } of last.values()) spent += await this.believe(artifact, run)
    return spent
  }

  /** A step's last record, read and believed only with its proof, in the run that made it. */
  private async believe(artifact: ListedArtifact, run: RunFacts): Promise<number> {
    const { name } = artifact
    if (artifact.expired) throw new Error(`the spend record ${name} has expired`)
    let parsed: unknown
    try {
      parsed = JSON.parse(await this.store.read(artifact.id))
    } catch (error) {
      throw new Error(`the spend record ${name} cannot be read (${apiProblem(error)})`, { cause: error })
    }
    const record = recordSchema.safeParse(parsed)
    if (!record.success) throw new Error(`the spend record ${name} is not a spend record`)
    const { proof, v: _v, ...fields } = record.data
    const expected = `${this.base}-a${fields.attempt}-${fields.step}-${fields.n}.json`
    if (name !== expected || fields.scope !== this.budget.scope || fields.period !== this.budget.key || !this.proven(name, fields, proof))
      throw new Error(`the spend record ${name} fails its proof of origin (not written by this action with this API key for it)`)
    if (fields.run_id !== run.id || fields.attempt > run.attempt)
      throw new Error(`the spend record ${name} names run ${fields.run_id}, but run ${run.id} made it: a replay`)
    return fields.spent
  }

  private proven(name: string, fields: Omit<z.infer<typeof recordSchema>, 'v' | 'proof'>, proof: string): boolean {
    return isProvenEntry(this.apiKey, { kind: RECORD_KIND, name, ...fields }, proof)
  }

  /**
   * Records `total`, this step's running total, unless a higher one is on record already: true once saved, or why it
   * could not be (the first failure stands for the rest of the step). Saves run one after another; a save already
   * waiting takes the highest total asked for by then. The first save makes the run's index and record 0.
   */
  record(total: number): Promise<true | string> {
    this.wanted = Math.max(this.wanted, total)
    this.queue = this.queue.then(() => this.save())
    return this.queue
  }

  private async save(): Promise<true | string> {
    if (this.failed !== undefined) return this.failed
    const total = this.wanted
    if (this.saved !== undefined && total <= this.saved) return true
    const n = this.next++
    const name = `${this.base}-a${this.store.run.attempt}-${this.step}-${n}.json`
    try {
      // The first save of the step makes the run's index (a failed one fails every later save).
      if (n === 0) await this.makeIndex()
      const fields = {
        scope: this.budget.scope,
        period: this.budget.key,
        run_id: this.store.run.runId,
        attempt: this.store.run.attempt,
        step: this.step,
        n,
        spent: total,
        at: Date.now(),
      }
      const proof = proveEntry(this.apiKey, { kind: RECORD_KIND, name, ...fields })
      await this.store.upload(name, JSON.stringify({ v: 1, ...fields, proof }), RETENTION_DAYS[this.budget.period])
      this.saved = total
      log.info(`Budget (${this.budget.key}): ${total} credits spent by this step, recorded as the artifact ${name}.`)
      return true
    } catch (error) {
      this.failed = `the spend record ${name} could not be saved (${messageOf(error)})`
      return this.failed
    }
  }

  /** The run's index of this period: uploaded, or (made by another job or attempt of this run) found finalized. */
  private async makeIndex(): Promise<void> {
    const index = `${this.base}.json`
    try {
      await this.store.upload(
        index,
        JSON.stringify({ v: 1, scope: this.budget.scope, period: this.budget.key }),
        RETENTION_DAYS[this.budget.period],
      )
      return
    } catch (error) {
      if (!isAlreadyUploaded(error)) throw error
    }
    for (const until = Date.now() + INDEX_WAIT_MS; ; await new Promise((resolve) => setTimeout(resolve, 1_000))) {
      if ((await this.store.listRun(this.store.run.runId, index)).some((artifact) => artifact.name === index)) return
      if (Date.now() > until) throw new Error(`this run's index ${index} was begun by another job but is not there`)
    }
  }
}
