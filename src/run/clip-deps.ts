// What one clip's pipeline (src/run/clip-pipeline.ts) is given: the run-wide dependencies, the same for every clip
// of a run (made once by src/run/generation.ts, or by a test with its own clients), and the clip's turn in the
// batch's schedule (src/run/batch-scheduler.ts). Types only.
import type { Dispatcher } from 'undici'
import type { ResultCache } from '../cache/result-cache'
import type { FoxApiClient } from '../foxapi/api-client'
import type { RunSettings } from '../inputs/clip-spec'
import type { DeliveredNotes } from '../records/delivered-notes'
import type { ClipResult } from '../report/clip-result'
import type { CreditBudget } from './budget'
import type { Limiter } from './limiter'
import type { MediaUploads } from './upload-media'

export interface ClipDeps {
  settings: RunSettings
  client: FoxApiClient
  /** The dispatcher clips are downloaded with (each connection it opens is checked against the download policy). */
  downloadAgent: Dispatcher
  cache: ResultCache
  /** `reuse: run`: which run each task's clip was delivered to (artifacts of those runs), asked before adopting one. */
  notes?: DeliveredNotes
  /** Counts the credits this step's tasks reserve, and holds back submissions past `max-credits`. */
  budget: CreditBudget
  /** A batch run: a clip is collected by a `task-id` on its batch entry, not by the `task-id` input. */
  batch: boolean
  /** Aborted when the runner cancels the job (SIGINT/SIGTERM). */
  signal: AbortSignal
  /** One line of a clip's log (src/report/clip-log.ts: live for a single clip, a group per clip in a batch). */
  log: (clip: string, line: string) => void
  /** A clip ended (or was never started): its closing log line. */
  ended?: (result: ClipResult) => void
  /** How many downloads and cache saves run at once (see src/run/batch-scheduler.ts). */
  limits: TransferLimits
  /** The tasks being waited on: the post step reports (or cancels) any a killed main step left. */
  waiting: WaitingTasks
  /** Uploads the workspace files a request names, once per content (absent: a run that uploads nothing). */
  uploads?: MediaUploads
}

export interface TransferLimits {
  downloads: Limiter
  cacheSaves: Limiter
}

export interface WaitingTasks {
  add(taskId: string): void
  delete(taskId: string): void
}

/** A clip's place in its batch's schedule: the way to its task slot, and the way to give the slot back. */
export interface ClipTurn {
  /** Waits for the clip's task slot: undefined to go ahead, or why it does not start (fail-fast, a cancelled run). */
  take(): Promise<string | undefined>
  /** The clip's task is final: its slot goes to the next clip while this one downloads and saves. */
  release(): void
}
