// What became of one clip: the pipeline (src/run/clip-pipeline.ts) builds it once, from what its stages returned;
// the report (outputs, summary, results file) reads it. It lives with the report, below the run, so that the
// report never imports the run. So does the decision's type (src/run/clip-decision.ts makes decisions).
import type { GenerationRequest } from '../models/model'
import type { MediaKind } from '../models/fields'
import type { ClipMetadata } from '../clip/clip-metadata'
import type { Verification } from '../clip/clip-verify'
import type { Task, TaskAsset } from '../foxapi/task'
import type { RunOrigin } from '../run-origin'

/** What happens to a clip (src/run/clip-decision.ts decides), and why in words. */
export type ClipDecision =
  | { action: 'not-due' | 'restore' | 'skip' | 'submit'; why: string }
  /** `resume`: the `task-id` named; `collect`: an earlier run's task (its id unknown to a dry run without 'api-key'). */
  | { action: 'resume' | 'collect'; taskId: string | undefined; why: string }

export type ClipAction = ClipDecision['action']

/** How a clip's run ended, beyond the task's own status. */
export type ClipOutcome = 'succeeded' | 'submitted' | 'failed' | 'timed-out' | 'stopped' | 'skipped'

export interface ClipResult {
  name: string
  /** What was decided for the clip: restored, collected, submitted, skipped. */
  decision: ClipDecision
  outcome: ClipOutcome
  /** The task's last known status (`completed`, `failed`, `cancelled`, `processing`, ...), or `not-submitted`. */
  status: string
  progress?: number
  taskId?: string
  videoUrl?: string
  /** What a model that makes no video delivered instead (a voice_id, a character_id): no file, no shape check. */
  asset?: TaskAsset
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
  /** The workspace files the request names (by workspace path, never by upload URL), uploaded or not. */
  media?: MediaUse[]
  /** The clip's cache key (the request's), when the cache was asked. */
  cacheKey?: string
  /** The Actions cache keeps the record of the clip's task, so re-running the workflow collects it (never paid twice). */
  taskInCache?: boolean
}

/** A workspace file a clip's request names. */
export interface MediaUse {
  /** Where it stands in the request: `image_url`, `image_list[0].image_url`. */
  field: string
  /** Its path in the workspace: `assets/product.png`. */
  path: string
  kind: MediaKind
  bytes: number
  /** Its type, read from its content: `png`, `jpeg`, `mp4`, … */
  type: string
  sha256: string
}

export function isSuccess(result: ClipResult): boolean {
  return result.outcome === 'succeeded' || result.outcome === 'submitted'
}
