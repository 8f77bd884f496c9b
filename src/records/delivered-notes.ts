// `reuse: run`: which run a task's clip was delivered to, kept as an artifact of that run (./run-records.ts), so that
// no other run adopts the task again. A pending record in the Actions cache (src/cache/result-cache.ts) lets a later
// run adopt a task an earlier one paid for but never delivered; the cache's own "delivered" entries can be evicted, and
// a pending record saved again after them, which would make a later scheduled run hand out a clip already delivered.
//
// A note is one artifact of the run that received the clip, named from the request's cache key and the task id:
//   foxapi-video-delivered-<digest>.json   { task, run_id, attempt, proof }
// Its proof (src/cache/entry-proof.ts, keyed from the API key) covers its name, the task and the run it names. Before a
// run adopts an earlier run's pending task, the notes of that task are read (one REST listing by exact name): a proven
// note that names another run means "delivered elsewhere", and the task is not adopted; one that names this run (a
// re-run) lets it collect its own clip again. A note that fails its proof was not written by this action with this key:
// it is ignored, with a warning. When the notes cannot be read at all, the task is not adopted either.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { isProvenEntry, proveEntry } from '../cache/entry-proof'
import { messageOf } from '../errors'
import * as log from '../log'
import { apiProblem, isAlreadyUploaded, recordStoreRun, retentionLimit, RunRecords } from './run-records'

const NOTE_KIND = 'foxapi-video delivered note v1'
/** Days a note is kept (the repository's limit when lower): far past any task that could be adopted (FoxAPI's result URLs last a day). */
const NOTE_RETENTION_DAYS = 30

const noteSchema = z.strictObject({
  v: z.literal(1),
  task: z.string().max(200),
  run_id: z.number().int().positive(),
  attempt: z.number().int().positive(),
  proof: z.string(),
})

/** Whether an earlier run's task may be adopted by this run. */
export type DeliveredTo =
  /** No note: the task was never delivered (or not with `reuse: run`). */
  | { kind: 'nowhere' }
  /** Delivered to this run (an earlier attempt): it may collect its own clip again. */
  | { kind: 'this-run' }
  | { kind: 'other-run'; runId: number }
  /** The notes could not be read: not adopted. */
  | { kind: 'unknown'; why: string }

export class DeliveredNotes {
  private constructor(
    private readonly store: RunRecords | undefined,
    private readonly unavailable: string | undefined,
    private readonly apiKey: string,
    /** How long a note is kept: NOTE_RETENTION_DAYS, or the repository's shorter artifact retention. */
    private readonly days: number,
  ) {}

  /** The notes of this run's repository; without an artifact service or a token, every question answers "unknown". */
  static open(options: { apiKey: string; githubToken: string }, env: NodeJS.ProcessEnv = process.env): DeliveredNotes {
    const days = Math.min(retentionLimit(env) ?? NOTE_RETENTION_DAYS, NOTE_RETENTION_DAYS)
    const store = recordStoreRun(env)
    const problem = 'problem' in store ? store.problem : options.githubToken === '' ? "'github-token' is empty" : undefined
    if (problem !== undefined || !('run' in store)) return new DeliveredNotes(undefined, problem, options.apiKey, days)
    return new DeliveredNotes(new RunRecords(store.run, options.githubToken), undefined, options.apiKey, days)
  }

  /** Which run task `taskId` of the request `cacheKey` was delivered to, as its notes say. */
  async deliveredTo(cacheKey: string, taskId: string): Promise<DeliveredTo> {
    if (!this.store) return { kind: 'unknown', why: `the delivered notes cannot be read here (${this.unavailable ?? ''})` }
    const name = noteName(cacheKey, taskId)
    let to: number | undefined
    try {
      for (const artifact of await this.store.listNamed(name)) {
        if (artifact.expired) continue
        const note = noteSchema.safeParse(JSON.parse(await this.store.read(artifact.id)))
        const fields = note.success
          ? { kind: NOTE_KIND, name, task: note.data.task, run_id: note.data.run_id, attempt: note.data.attempt }
          : undefined
        if (!note.success || !fields || note.data.task !== taskId || !isProvenEntry(this.apiKey, fields, note.data.proof)) {
          log.warning(
            `The delivered note ${name} (artifact ${artifact.id}) is ignored: its proof does not match (not written by this action with this API key).`,
          )
          continue
        }
        if (note.data.run_id !== this.store.run.runId) return { kind: 'other-run', runId: note.data.run_id }
        to = note.data.run_id
      }
    } catch (error) {
      return { kind: 'unknown', why: `its delivered notes could not be read (${apiProblem(error)})` }
    }
    return to === undefined ? { kind: 'nowhere' } : { kind: 'this-run' }
  }

  /**
   * Notes that `taskId`'s clip was delivered to this run. Never rejects: a note that cannot be saved is a warning (a
   * later run could then adopt the task again if its pending record came back into the cache).
   */
  async save(cacheKey: string, taskId: string): Promise<void> {
    if (!this.store) {
      log.warning(`Could not note that task ${taskId} was delivered to this run (${this.unavailable ?? ''}).`)
      return
    }
    const name = noteName(cacheKey, taskId)
    const { runId, attempt } = this.store.run
    const proof = proveEntry(this.apiKey, { kind: NOTE_KIND, name, task: taskId, run_id: runId, attempt })
    try {
      await this.store.upload(name, JSON.stringify({ v: 1, task: taskId, run_id: runId, attempt, proof }), this.days)
    } catch (error) {
      // An earlier attempt of this run noted it already: the note names this run either way.
      if (isAlreadyUploaded(error)) return
      log.warning(
        `Could not note that task ${taskId} was delivered to this run (${messageOf(error)}): a later run that finds its pending record may collect it again.`,
      )
    }
  }
}

/** The note's artifact name: from the request's cache key and the task, so one listing by name finds its notes. */
function noteName(cacheKey: string, taskId: string): string {
  return `foxapi-video-delivered-${createHash('sha256').update(`${cacheKey}\n${taskId}`).digest('hex').slice(0, 32)}.json`
}
