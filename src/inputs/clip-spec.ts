// What the inputs become: the run's settings and one spec per clip. Types only, so that every later part of a run
// (the runner, the cache key, the report) can name them without importing the code that reads the inputs.
import type { MediaFile } from '../media/media-files'
import type { GenerationRequest } from '../models/model'
import type { PreviewEvent } from './preview-event'

/** The `verify` input: what a clip that does not match the request becomes (the structural checks always apply). */
export type VerifyMode = 'fail' | 'warn' | 'off'
export const VERIFY_MODES: readonly VerifyMode[] = ['fail', 'warn', 'off']

export interface RunSettings {
  apiKey: string
  /** `github-token`: reads the spend records and delivered notes back (src/records/); '' when none. */
  githubToken: string
  baseUrl: string
  wait: boolean
  timeoutMs: number
  pollIntervalMs: number
  requestTimeoutMs: number
  download: boolean
  maxDownloadBytes: number
  verify: VerifyMode
  cancelOnTimeout: boolean
  cache: boolean
  cacheKey: string
  concurrency: number
  failFast: boolean
  workspace: string
  /** Validate, look the clips up in the cache and print the plan; send nothing to FoxAPI. */
  dryRun: boolean
  /** Stop submitting new tasks once this step's tasks have reserved this many credits. */
  maxCredits?: number
  /** Where the full per-clip rows are written (JSON). */
  resultsFile: string
  /** `reuse`, resolved for this run's event: what a cache hit may serve. */
  reuse: ReuseSettings
  /** `budget-period` other than `run`: `max-credits` caps every run of this workflow in the period. */
  budget?: BudgetPeriodSettings
  /** `upload-cleanup`: FoxAPI may delete the account's oldest uploads when its storage is full (FoxAPI's default, true). */
  uploadCleanup?: boolean
  /** A dry run's `preview-event`: the run it plans instead of this one. */
  preview?: PreviewEvent
}

/** What a cache hit may serve: any later run of the same request, or only this workflow run (and its re-runs). */
export type ReuseSettings =
  | { mode: 'request'; /** Why, in words for the log, the summary and the dry run. */ why: string }
  | { mode: 'run'; /** GITHUB_RUN_ID, which re-runs and later attempts keep. */ runId: string; why: string }

/** The period `max-credits` counts in, and the workflow whose runs share it. */
export interface BudgetPeriodSettings {
  period: 'day' | 'week' | 'month'
  /** The current period, e.g. `month-2026-12` (in the `timezone` input's zone). */
  key: string
  /** The repository and workflow file, e.g. `acme/site/.github/workflows/weekly.yml`. */
  scope: string
  /** The `timezone` input: the zone the period's days are in. */
  timezone?: string
}

/** A batch entry that does not run this time (its calendar, or `pick: rotate`), and why. */
export interface NotDueEntry {
  name: string
  reason: string
}

export interface ClipSpec {
  /** Label used in logs, the summary and the `results` output. */
  name: string
  /** The validated request; absent only when resuming a task by `task-id` without request inputs. */
  request?: GenerationRequest
  /** Resume this task instead of submitting. */
  taskId?: string
  /** A batch entry's own `cache-key`, added to the run's: tells apart takes of the same request. */
  cacheKey?: string
  /** Where the clip goes, relative to the workspace; `{task-id}` and `{name}` are filled in. */
  outputPath: string
  /** The workspace files the request names, checked and hashed: uploaded right before its task is created. */
  media?: MediaFile[]
}
