// The `batch` input: a list of clips, inline (JSON or YAML) or in a workspace file. Each entry is a mapping of
// request fields over the single-clip inputs, plus its own `name`, `output`, `task-id`, `cache-key`, calendar
// (`schedule`, `from`, `until`) and `variables`. Each entry is read on its own, into its clip, calendar and
// destination; its problems are named after it (`batch item 2 'name'`) and listed in entry order.
import path from 'node:path'
import { MediaChecker } from '../media/media-files'
import { requestMediaFiles } from '../media/media-request'
import { buildRequest, type RawRequestInputs, type RequestSources } from '../models'
import type { PlannedDestination } from '../security/destinations'
import { entryNameProblem, foldedName } from '../security/portable-names'
import { isValidTaskId } from '../security/task-id'
import { readInlineOrFile } from '../security/workspace-files'
import { readEntryCalendar, type EntryCalendar } from './calendar'
import type { ClipSpec } from './clip-spec'
import { expandOutputTemplate, expandRequestTexts, templateValues, type ScheduleInputs } from './schedule-inputs'
import { readVariables } from './templates'

export const MAX_BATCH_FILE_BYTES = 1024 * 1024
export const MAX_BATCH_CLIPS = 100

/** What every entry is read over: the single-clip inputs' request fields and `output-path`, and the run's schedule inputs. */
export interface BatchDefaults {
  /** Request fields set as inputs: each entry's defaults. */
  shared: RawRequestInputs
  /** `output-path` (or its default): where an entry without its own `output` goes. */
  outputTemplate: string
  schedule: ScheduleInputs
  workspace: string
  /** Checks the workspace files requests name (one per run, so a file several entries name is read once). */
  media?: MediaChecker
}

/** The batch's clips (every entry without problems), and what the later checks and the calendar need of them. */
export interface Batch {
  clips: ClipSpec[]
  /** Each clip's calendar fields, by name. */
  calendars: Map<string, EntryCalendar>
  /** Each clip's destination, for the output check (none for a repeated name, whose problem is said already). */
  planned: PlannedDestination[]
  /** The requests' warnings and notices, in entry order. */
  warnings: string[]
  notices: string[]
}

/** One entry, read: its name and calendar, and (when it has no problems) its clip, destination, warnings and notices. */
interface BatchEntry {
  name: string
  calendar: EntryCalendar
  clip?: ClipSpec
  destination?: PlannedDestination
  warnings: string[]
  notices: string[]
}

/** The entry's fields this action reads itself; the others are request fields. */
interface EntryOwnFields {
  taskId: string | undefined
  cacheKey: string | undefined
  output: string | undefined
  name: string
  /** Whether an earlier entry has the name (in any case or Unicode form). */
  repeated: boolean
}

/** Reads the `batch` input (its text, or a workspace file it names) into its clips; problems are pushed. */
export function readBatch(value: string, defaults: BatchDefaults, problems: string[]): Batch {
  const batch: Batch = { clips: [], calendars: new Map(), planned: [], warnings: [], notices: [] }
  /** Names so far, by their folded form (foldedName). */
  const seenNames = new Map<string, string>()
  const entryDefaults = { ...defaults, media: defaults.media ?? new MediaChecker(defaults.workspace) }
  readBatchEntries(value, defaults.workspace, problems).forEach((entry: unknown, index) => {
    const read = readBatchEntry(entry, index, entryDefaults, seenNames, problems)
    if (read === undefined) return
    batch.calendars.set(read.name, read.calendar)
    if (read.clip === undefined) return
    batch.clips.push(read.clip)
    if (read.destination !== undefined) batch.planned.push(read.destination)
    batch.warnings.push(...read.warnings)
    batch.notices.push(...read.notices)
  })
  return batch
}

/** The batch's entries, not yet read: a non-empty list (or an object's `clips` list) of at most MAX_BATCH_CLIPS. */
function readBatchEntries(value: string, workspace: string, problems: string[]): unknown[] {
  const read = readInlineOrFile('batch', value, workspace, MAX_BATCH_FILE_BYTES)
  if (!read.ok) {
    problems.push(read.problem)
    return []
  }
  const entries = Array.isArray(read.data) ? read.data : (read.data as { clips?: unknown } | null)?.clips
  if (!Array.isArray(entries) || entries.length === 0) {
    problems.push("Input 'batch' must be a non-empty list of clips (or an object with a 'clips' list)")
    return []
  }
  if (entries.length > MAX_BATCH_CLIPS) {
    problems.push(`Input 'batch' has ${entries.length} clips; at most ${MAX_BATCH_CLIPS} are allowed`)
    return []
  }
  return entries as unknown[]
}

/** One entry (the `index`th, from 0); `seenNames` holds the names of the entries before it. Undefined when it is no mapping. */
function readBatchEntry(
  entry: unknown,
  index: number,
  defaults: BatchDefaults & { media: MediaChecker },
  seenNames: Map<string, string>,
  problems: string[],
): BatchEntry | undefined {
  const label = `batch item ${index + 1}`
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push(`${label}: must be a mapping of request fields (prompt, duration, ...) and output`)
    return undefined
  }
  const record = entry as Record<string, unknown>
  const { name: _name, output: _output, 'task-id': _taskId, 'cache-key': _cacheKey, schedule, from, until, variables, ...fields } = record
  const own = readOwnFields(record, index, label, seenNames, problems)
  const { name, output } = own
  const calendar = readEntryCalendar({ schedule, from, until }, label, problems)
  // Placeholders are expanded before anything is checked: what is validated is what is sent.
  const values = templateValues(defaults.schedule, name, readVariables(variables, `${label} 'variables'`, problems))
  // A field the entry sets is named after the entry; one it takes from the inputs, after the input.
  const where = (field: string) => (field in fields ? `${label} '${field}'` : `Input '${field}'`)
  const raw = expandRequestTexts({ ...defaults.shared, ...fields }, values, where, problems)
  const outputWhere = output ? `${label} 'output'` : "Input 'output-path'"
  const outputPath = expandOutputTemplate(output ?? defaults.outputTemplate, values, outputWhere, problems)
  const { sources, ...clip } = entryClip(raw, outputPath, own, label, problems)
  if (clip.clip?.request) {
    const files = requestMediaFiles(clip.clip.request, defaults.media, where, problems, sources)
    if (files.length > 0) clip.clip.media = files
  }
  return { name, calendar, ...clip }
}

/** The entry's `task-id`, `cache-key`, `output` and `name`, each checked, in that order. */
function readOwnFields(
  entry: Record<string, unknown>,
  index: number,
  label: string,
  seenNames: Map<string, string>,
  problems: string[],
): EntryOwnFields {
  const { name: rawName, output: rawOutput, 'task-id': rawTaskId, 'cache-key': rawCacheKey } = entry
  const taskId = typeof rawTaskId === 'string' ? rawTaskId.trim() : undefined
  if (rawTaskId !== undefined && !(taskId && isValidTaskId(taskId))) {
    problems.push(`${label} 'task-id' must be a FoxAPI task id such as task-unified-1757165031-uyujaw3d`)
  }
  const cacheKey = typeof rawCacheKey === 'string' || typeof rawCacheKey === 'number' ? String(rawCacheKey).trim() : undefined
  if (rawCacheKey !== undefined && !cacheKey) problems.push(`${label} 'cache-key' must be text`)
  const output = typeof rawOutput === 'string' ? rawOutput.trim() : undefined
  if (rawOutput !== undefined && !output) problems.push(`${label} 'output' must be a file name`)
  const name = entryName(rawName, output, index)
  const repeated = checkEntryName(rawName, name, label, seenNames, problems)
  return { taskId, cacheKey, output, name, repeated }
}

/** The entry's name: its `name`, else its `output`'s file name (when that holds no placeholder), else `clip-N`. */
export function entryName(rawName: unknown, output: string | undefined, index: number): string {
  if (typeof rawName === 'string' && rawName.trim() !== '') return rawName.trim()
  const fromOutput = output ? path.basename(output, path.extname(output)) : ''
  return fromOutput !== '' && !fromOutput.includes('{') ? fromOutput : `clip-${index + 1}`
}

/**
 * Pushes the problems of an entry's name: not text, not a portable file and artifact name, or an earlier entry's.
 * Returns whether an earlier entry has it; a new name is added to `seenNames` (by its folded form).
 */
function checkEntryName(rawName: unknown, name: string, label: string, seenNames: Map<string, string>, problems: string[]): boolean {
  if (rawName !== undefined && typeof rawName !== 'string') problems.push(`${label} 'name' must be text`)
  else {
    const problem = entryNameProblem(name)
    if (problem !== undefined) problems.push(`${label} 'name' ${problem}`)
  }
  // Names become file and artifact names in later jobs: two that one file system takes for one are one name.
  const folded = foldedName(name)
  const earlier = seenNames.get(folded)
  if (earlier === undefined) {
    seenNames.set(folded, name)
    return false
  }
  if (earlier === name) problems.push(`${label} 'name' repeats '${name}': each clip needs its own name`)
  else {
    problems.push(
      `${label} 'name' '${name}' is '${earlier}' in another case or Unicode form, one name to a file system that ignores case: each clip needs its own name`,
    )
  }
  return true
}

/**
 * The entry's clip from its expanded request fields: a task to collect, or a request that passes its model's checks
 * (with where its fields came from, so that a media file's problem names the entry's own field).
 */
function entryClip(
  raw: RawRequestInputs,
  outputPath: string,
  { name, output, taskId, cacheKey, repeated }: EntryOwnFields,
  label: string,
  problems: string[],
): Pick<BatchEntry, 'clip' | 'destination' | 'warnings' | 'notices'> & { sources?: RequestSources } {
  const extra = { ...(taskId ? { taskId } : {}), ...(cacheKey ? { cacheKey } : {}) }
  const destinationLabel = output ? `${label} 'output'` : `${label} output (from 'output-path')`
  const destination = repeated ? undefined : { label: destinationLabel, template: outputPath, name }
  // An entry that only collects an earlier task needs no request.
  if (taskId && raw.prompt === undefined) return { clip: { name, outputPath, ...extra }, destination, warnings: [], notices: [] }
  const result = buildRequest(raw, label)
  if (!result.ok) {
    problems.push(...result.problems)
    return { warnings: [], notices: [] }
  }
  const clip = { name, request: result.request, outputPath, ...extra }
  return { clip, destination, warnings: result.warnings, notices: result.notices, sources: result.sources }
}
