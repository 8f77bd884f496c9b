// The request inputs (`prompt` or `prompt-file`, `duration`, `model`, …): in a batch, every entry's defaults;
// without one, the run's one clip, or the task `task-id` names to collect. Problems are named after the input.
import type { MediaChecker } from '../media/media-files'
import { requestMediaFiles } from '../media/media-request'
import { REQUEST_INPUTS, buildRequest, type RawRequestInputs } from '../models'
import type { PlannedDestination } from '../security/destinations'
import { readWorkspaceFile } from '../security/workspace-files'
import type { ClipSpec } from './clip-spec'
import type { InputReader } from './scalar-inputs'
import { expandOutputTemplate, expandRequestTexts, templateValues, type ScheduleInputs } from './schedule-inputs'

export const MAX_PROMPT_FILE_BYTES = 64 * 1024

/** The request fields set as inputs, and where the prompt came from. */
export interface RequestInputs {
  /** Each set field's text as given (the prompt read from `prompt-file` when that is set instead of `prompt`). */
  fields: RawRequestInputs
  /** `prompt-file` is set and `prompt` is not: the prompt's problems are the file's. */
  promptFromFile: boolean
  /** `prompt-file` could not be read (its problem is said already). */
  promptFileFailed: boolean
}

/** The clip of a run without `batch` (none when the inputs have problems), with its destination for the output check. */
export interface SingleClip {
  clips: ClipSpec[]
  planned: PlannedDestination[]
  warnings: string[]
  notices: string[]
}

/** Reads the request inputs by `getInput` (as given, not defaulted) and the file `promptFile` names, if any. */
export function readRequestInputs(getInput: InputReader, promptFile: string, workspace: string, problems: string[]): RequestInputs {
  const fields: RawRequestInputs = {}
  for (const name of REQUEST_INPUTS) {
    const value = getInput(name)
    if (value.trim() !== '') fields[name] = value
  }
  const promptFromFile = promptFile !== '' && fields.prompt === undefined
  if (promptFile === '') return { fields, promptFromFile, promptFileFailed: false }
  if (!promptFromFile) {
    problems.push("Inputs 'prompt' and 'prompt-file' are both set: use one")
    return { fields, promptFromFile, promptFileFailed: false }
  }
  const read = readWorkspaceFile(promptFile, workspace, MAX_PROMPT_FILE_BYTES)
  if (!read.ok) {
    problems.push(`Input 'prompt-file': ${read.problem}`)
    return { fields, promptFromFile, promptFileFailed: true }
  }
  // A file checked out on Windows may end its lines with \r\n: the prompt FoxAPI gets (its length, and the
  // cache key) must not depend on the runner's system.
  fields.prompt = read.text.replace(/\r\n?/g, '\n')
  return { fields, promptFromFile, promptFileFailed: false }
}

/**
 * The one clip of a run without `batch`: the task `taskId` names when no prompt is set (collected, not
 * submitted), else the request the inputs make (`taskId`, when set, is collected for it). `outputTemplate` is
 * `output-path` (or its default); `media` checks the workspace files the request names.
 */
export function readSingleClip(
  request: RequestInputs,
  taskId: string,
  outputTemplate: string,
  schedule: ScheduleInputs,
  problems: string[],
  media: MediaChecker,
): SingleClip {
  const { fields } = request
  if (taskId !== '' && fields.prompt === undefined) {
    const outputPath = expandOutputTemplate(outputTemplate, templateValues(schedule, taskId), "Input 'output-path'", problems)
    return withDestinations([{ name: taskId, taskId, outputPath }], [], [])
  }
  const values = templateValues(schedule, 'clip')
  const where = (field: string) => `Input '${field === 'prompt' && request.promptFromFile ? 'prompt-file' : field}'`
  const expanded = expandRequestTexts(fields, values, where, problems)
  const outputPath = expandOutputTemplate(outputTemplate, values, "Input 'output-path'", problems)
  const result = buildRequest(expanded)
  if (result.ok) {
    const files = requestMediaFiles(result.request, media, (input) => `Input '${input}'`, problems, result.sources)
    const clip = {
      name: 'clip',
      request: result.request,
      outputPath,
      ...(taskId !== '' ? { taskId } : {}),
      ...(files.length > 0 ? { media: files } : {}),
    }
    return withDestinations([clip], result.warnings, result.notices)
  }
  for (const problem of result.problems) {
    const aboutMissingPrompt = fields.prompt === undefined && problem.startsWith("Input 'prompt'")
    if (!aboutMissingPrompt) problems.push(problem)
    else if (!request.promptFileFailed) problems.push("Input 'prompt' (or 'prompt-file') is required")
  }
  return withDestinations([], [], [])
}

/** `clips` (none or one) as a SingleClip, each planned where `output-path` says. */
function withDestinations(clips: ClipSpec[], warnings: string[], notices: string[]): SingleClip {
  const planned = clips.map((c) => ({ label: "Input 'output-path'", template: c.outputPath, name: c.name, taskId: c.taskId }))
  return { clips, planned, warnings, notices }
}
