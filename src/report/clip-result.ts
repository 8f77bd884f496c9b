// What became of one clip: the runner (src/run/clip-runner.ts) fills it in, the report (outputs, summary,
// results file) reads it. It lives with the report, below the runner, so that the report never imports the run.
import type { GenerationRequest } from '../models/model'
import type { ClipMetadata } from '../clip/clip-metadata'
import type { Task } from '../foxapi/task'
import type { RunOrigin } from '../run-origin'

/** How a clip's run ended, beyond the task's own status. */
export type ClipOutcome = 'succeeded' | 'submitted' | 'failed' | 'timed-out' | 'stopped' | 'skipped'

export interface ClipResult {
  name: string
  outcome: ClipOutcome
  /** The task's last known status (`completed`, `failed`, `cancelled`, `processing`, ...), or `not-submitted`. */
  status: string
  progress?: number
  taskId?: string
  videoUrl?: string
  videoPath?: string
  sha256?: string
  bytes?: number
  cacheHit: boolean
  /** On a cache hit: the workflow run that made the clip. */
  madeBy?: RunOrigin
  resumed: boolean
  /** The task was submitted by another run (a `task-id` to collect, or a pending task from the cache): never cancelled here. */
  adopted?: boolean
  task?: Task
  request?: GenerationRequest
  error?: string
  elapsedMs: number
  /** `usage.credits_reserved` of a task this step submitted (cached and resumed clips reserve nothing new). */
  credits?: number
  /** The step stopped waiting while the task may still run at FoxAPI (and be billed): not cancelled by any reply. */
  leftRunning?: boolean
  /** What the clip's file says it is (read after the download or the restore). */
  metadata?: ClipMetadata
  /** The clip held against the request (the `verify` input); absent when there is no file. */
  verification?: Verification
}

/**
 * `passed`: every shape the request fixes matched; `mismatch`: these did not; `skipped`: nothing was compared
 * (`verify: off`, a model the action does not know, a task collected by id, or a request that fixes nothing).
 */
export type Verification = { status: 'passed' } | { status: 'mismatch'; mismatches: string[] } | { status: 'skipped' }

/** The `verify` field of a results row: `passed`, `mismatch: …` or `skipped` (also when there is no file). */
export function verificationText(verification: Verification | undefined): string {
  if (!verification) return 'skipped'
  return verification.status === 'mismatch' ? `mismatch: ${verification.mismatches.join('; ')}` : verification.status
}

export function isSuccess(result: ClipResult): boolean {
  return result.outcome === 'succeeded' || result.outcome === 'submitted'
}
