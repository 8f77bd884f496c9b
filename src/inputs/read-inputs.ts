// Reads the action's inputs into run settings and one or more validated clip requests.
// Every problem is collected and named after its input, so a bad step fails before anything is paid for.
// The reading itself is done by one file per kind of input (run-settings.ts, request-inputs.ts, batch-file.ts,
// schedule-inputs.ts, plan-inputs.ts); this file calls them in order and checks what needs all of them.
import * as core from '@actions/core'
import { checkPlannedDestinations, resultsFileProblems, type PlannedDestination } from '../security/destinations'
import { MediaChecker } from '../media/media-files'
import { isValidTaskId } from '../security/task-id'
import { readBatch, type Batch } from './batch-file'
import type { ClipSpec, NotDueEntry, RunSettings } from './clip-spec'
import { selectClips } from './plan-inputs'
import { readPreview } from './preview-event'
import { readRequestInputs, readSingleClip } from './request-inputs'
import { readRunSettings } from './run-settings'
import { checkBaseUrl, parseBoolean, withDefaults, type InputReader } from './scalar-inputs'
import { dueEntries, readScheduleInputs, type ScheduleInputs } from './schedule-inputs'

export type { ClipSpec, RunSettings } from './clip-spec'

/** Where clips go when `output-path` is not set: by task id for one clip, by entry name in a batch. */
export const SINGLE_OUTPUT_PATH = 'foxapi-videos/{task-id}.mp4'
export const BATCH_OUTPUT_PATH = 'foxapi-videos/{name}.mp4'

export type ReadInputsResult =
  | {
      ok: true
      settings: RunSettings
      clips: ClipSpec[]
      batch: boolean
      /** Kling-only limits a request goes beyond (FoxAPI decides), and notes such as "model not checked". */
      warnings: string[]
      notices: string[]
      /** Batch entries the calendar (or `pick: rotate`) leaves out of this run: not submitted, not failures. */
      notDue: NotDueEntry[]
    }
  | { ok: false; problems: string[] }

const fromEnvironment: InputReader = (name) => core.getInput(name)

/**
 * Checks of a whole batch that need what a later part of the run computes (the cache key: see
 * src/run/identical-requests.ts). The caller passes them in, so reading the inputs computes no keys itself and
 * their problems are still listed with every other input problem, before anything is sent.
 */
export interface BatchChecks {
  /** Problems of the batch's clips (all entries, before `only` picks), given the `cache-key` input. */
  batchProblems?: (clips: ClipSpec[], runCacheKey: string) => string[]
}

/** What the post step acts on: the same inputs as the main step, read and checked by the same code. */
export type PostInputs = { ok: true; baseUrl: string; cancelOnTimeout: boolean } | { ok: false; problems: string[] }

/**
 * The post step's `base-url` and `cancel-on-timeout`, from its own inputs (the runner gives the post step the
 * main step's INPUT_* variables), checked exactly as readInputs checks them. The post step sends the key only
 * where these say, never where its saved state says.
 */
export function readPostInputs(getInput: InputReader = fromEnvironment): PostInputs {
  const problems: string[] = []
  const input = withDefaults(getInput)
  const baseUrl = checkBaseUrl(input('base-url'), problems)
  const cancelOnTimeout = parseBoolean('cancel-on-timeout', input('cancel-on-timeout'), problems)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, baseUrl, cancelOnTimeout }
}

/**
 * The run's settings and the clips it makes, or every problem of its inputs. `checks` adds the batch checks a
 * later part of the run knows (BatchChecks); `now` is the moment the run's dates (placeholders, from/until, the
 * budget period) are taken from.
 */
export function readInputs(
  getInput: InputReader = fromEnvironment,
  env = process.env,
  checks: BatchChecks = {},
  now = new Date(),
): ReadInputsResult {
  const problems: string[] = []
  const input = withDefaults(getInput)
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const dryRun = parseBoolean('dry-run', input('dry-run'), problems)
  const schedule = readScheduleInputs(input, env, problems, now, readPreview(input, dryRun, problems))
  const settings = readRunSettings(input, { workspace, env, dryRun, schedule }, problems)
  const requestInputs = readRequestInputs(getInput, input('prompt-file'), workspace, problems)
  const taskId = input('task-id')
  if (taskId !== '' && !isValidTaskId(taskId)) {
    problems.push("Input 'task-id' must be a FoxAPI task id such as task-unified-1757165031-uyujaw3d")
  }
  const batchInput = input('batch')
  const batch = batchInput !== ''
  const outputTemplate = input('output-path') || (batch ? BATCH_OUTPUT_PATH : SINGLE_OUTPUT_PATH)
  if (!batch && schedule.pick === 'rotate')
    problems.push("Input 'pick' is rotate, which picks one entry of a 'batch'; without 'batch' there is nothing to pick from")

  // A run without `batch` reads as a batch of its one clip, without calendars.
  let read: Batch
  const media = new MediaChecker(workspace)
  if (batch) {
    if (taskId !== '')
      problems.push("Inputs 'batch' and 'task-id' cannot be used together: to collect a batch entry's task, add task-id to that entry")
    read = readBatch(batchInput, { shared: requestInputs.fields, outputTemplate, schedule, workspace, media }, problems)
    problems.push(...(checks.batchProblems?.(read.clips, settings.cacheKey) ?? []))
  } else read = { ...readSingleClip(requestInputs, taskId, outputTemplate, schedule, problems, media), calendars: new Map() }
  checkDestinations(settings, read.planned, input('results-file') !== '', problems)

  const selected = selectClips(input('only'), read.clips, batch, problems)
  const { clips, notDue } =
    batch && problems.length === 0 ? dueClips(read, selected, schedule, env, problems) : { clips: selected, notDue: [] }
  // A shared input's placeholder problem is found once per batch entry: said once.
  return problems.length > 0
    ? { ok: false, problems: [...new Set(problems)] }
    : { ok: true, settings, clips, batch, warnings: read.warnings, notices: [...new Set(read.notices)], notDue }
}

/** Pushes the problems of where the clips and the results file go (`resultsFileSet`: the `results-file` input is set). */
function checkDestinations(settings: RunSettings, planned: PlannedDestination[], resultsFileSet: boolean, problems: string[]): void {
  // Only runs that write a clip (wait and download) depend on where it goes.
  const writesClips = settings.wait && settings.download
  if (writesClips) problems.push(...checkPlannedDestinations(planned, settings.workspace))
  if (resultsFileSet && !problems.some((p) => p.startsWith("Input 'results-file'")))
    problems.push(...resultsFileProblems(settings.resultsFile, writesClips ? planned : [], settings.workspace))
}

/**
 * The batch's clips that run now, among those `only` picked (`selected`), and the picked entries that do not.
 * The calendar and the rotation look at every entry (so a matrix job's `only` agrees with the plan job's
 * choice); `only` then picks among those due.
 */
function dueClips(
  batch: Batch,
  selected: ClipSpec[],
  schedule: ScheduleInputs,
  env: NodeJS.ProcessEnv,
  problems: string[],
): { clips: ClipSpec[]; notDue: NotDueEntry[] } {
  const entries = batch.clips.map((clip) => ({ name: clip.name, calendar: batch.calendars.get(clip.name) ?? {} }))
  const due = dueEntries(entries, schedule, env, problems)
  const chosen = new Set(selected.map((clip) => clip.name))
  return { clips: selected.filter((clip) => due.due.has(clip.name)), notDue: due.notDue.filter((entry) => chosen.has(entry.name)) }
}
