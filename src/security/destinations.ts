// Where clips are written (`output-path`, a batch entry's `output` and `name`, `{task-id}`), checked before
// anything is paid for and again right before the file appears. Every destination is inside the workspace
// after resolving symlinks, outside `.git/` and outside the cache's staging folder `.foxapi-video-cache/` (which
// the run's clean-up removes: a clip there would be paid for, then deleted); it is not a directory, no parent
// is a file, and its name
// (plus the download's temporary-file prefix and suffix) fits the 255-byte limit of file names. Every part of
// it is a name all three runner systems can hold and actions/upload-artifact accepts (./portable-names.ts).
import { lstatSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { foldedName, isWindowsDeviceName, portableNameProblem } from './portable-names'
import { MAX_TASK_ID_LENGTH } from './task-id'
import { placeOf, realWorkspace, refusal, shownPath } from './workspace-files'
import { CACHE_DIRECTORY } from '../constants'
import { codeOf } from '../errors'

/** Bytes the download's temporary file adds to a name: `.` before it, `.<12 hex>.part` after it (temporaryPathFor in atomic-files.ts). */
export const TEMPORARY_NAME_EXTRA_BYTES = 19
/** Longest file name (bytes) on the file systems runners use. */
const MAX_NAME_BYTES = 255
/** Longest path (bytes) the system accepts (macOS: 1024, Linux: 4096; Windows, through Node, far more), less a margin for the temporary name. */
export const MAX_PATH_BYTES = process.platform === 'darwin' ? 1_000 : 4_000

/** Stands for a task id not known before paying: the longest one allowed, so any real id fits where it fits. */
const WORST_CASE_TASK_ID = 'x'.repeat(MAX_TASK_ID_LENGTH)

/**
 * A task id or clip name made into one safe path component: only letters, digits, `.`, `_` and `-` (so no
 * separator and no `..`), and never `.` or `..` itself. Exists so `{name}` and `{task-id}` can never climb out.
 */
export function safeFileName(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9._-]/g, '_')
  if (safe === '' || /^\.+$/.test(safe)) return safe.replace(/./g, '_') || '_'
  // Windows drops a trailing dot and keeps device names (see portableNameProblem).
  const kept = safe.replace(/\.+$/, (dots) => '_'.repeat(dots.length))
  return isWindowsDeviceName(kept) ? `_${kept}` : kept
}

/** The template with `{name}` and `{task-id}` filled in (made safe); `taskId` undefined stands for the longest possible id. */
export function expandOutputPath(template: string, name: string, taskId: string | undefined): string {
  return template
    .replaceAll('{task-id}', taskId === undefined ? WORST_CASE_TASK_ID : safeFileName(taskId))
    .replaceAll('{name}', safeFileName(name))
}

/**
 * The absolute destination of a clip whose task id is now known, refused (thrown) when it is not a safe place
 * to write. Exists for the write phase: the input phase checked the template, but the folders may have
 * changed since (a symlink swapped in), and the real id may land the file somewhere the placeholder did not.
 */
export function destinationFor(template: string, name: string, taskId: string, workspace: string): string {
  const destination = path.resolve(workspace, expandOutputPath(template, name, taskId))
  const problem = destinationProblem(destination, workspace)
  if (problem !== undefined) throw new Error(`Cannot save the clip there: ${problem}`)
  return destination
}

/** Throws when `destination` (absolute) is no longer a safe place to write; for the moments right before writing. */
export function recheckDestination(destination: string, workspace: string): void {
  const problem = destinationProblem(destination, workspace)
  if (problem !== undefined) throw new Error(`Cannot save the clip there: ${problem}`)
}

/**
 * Why `destination` (absolute) is not a place a clip may be written, or undefined when it is. Looks at the
 * file system: the destination must not be a directory, and its nearest existing parent, with symlinks
 * resolved, must be a directory inside the workspace and outside `.git/`.
 */
export function destinationProblem(destination: string, workspace: string): string | undefined {
  const shown = shownPath(path.relative(workspace, destination) || destination)
  const lexical = placeOf(destination, path.resolve(workspace))
  if (lexical !== 'inside') return refusal(shown, lexical, 'written')
  if (destination === path.resolve(workspace)) return `${shown} is the workspace itself, not a file`

  const relative = path.relative(workspace, destination)
  if (inStagingFolder(relative)) return stagingRefusal(shown)
  for (const part of relative.split(path.sep)) {
    const problem = portableNameProblem(part)
    if (problem !== undefined) return `${shown}: the name ${shownPath(part)} ${problem}`
  }
  const nameBytes = Buffer.byteLength(path.basename(destination))
  if (nameBytes + TEMPORARY_NAME_EXTRA_BYTES > MAX_NAME_BYTES) {
    return `the file name in ${shown} is ${nameBytes} bytes; at most ${MAX_NAME_BYTES - TEMPORARY_NAME_EXTRA_BYTES} fit (file names are limited to ${MAX_NAME_BYTES} bytes and the download's temporary file adds ${TEMPORARY_NAME_EXTRA_BYTES})`
  }
  const longFolder = path
    .relative(workspace, path.dirname(destination))
    .split(path.sep)
    .find((part) => Buffer.byteLength(part) > MAX_NAME_BYTES)
  if (longFolder !== undefined) return `a folder name in ${shown} is over ${MAX_NAME_BYTES} bytes`
  if (Buffer.byteLength(destination) > MAX_PATH_BYTES) return `${shown} is a path over ${MAX_PATH_BYTES} bytes`

  const existing = statOrUndefined(destination)
  if (existing?.isDirectory()) return `${shown} is an existing directory; name a file`

  const root = realWorkspace(workspace)
  for (let folder = path.dirname(destination); ; folder = path.dirname(folder)) {
    if (statOrUndefined(folder) === undefined) {
      if (path.dirname(folder) === folder) return `${shown} has no existing parent folder`
      continue
    }
    const shownFolder = shownPath(path.relative(workspace, folder) || '.')
    let real: string
    try {
      real = realpathSync.native(folder)
    } catch (error) {
      return `the folder ${shownFolder} of ${shown} cannot be resolved (${codeOf(error) ?? 'unknown error'})`
    }
    const where = placeOf(real, root)
    if (where !== 'inside')
      return `${shown}: the folder ${shownFolder} ${where === 'git' ? 'is in a .git directory' : 'leads outside the workspace (through a symlink)'}; clips are written only inside the workspace, never in .git`
    if (!statSync(real).isDirectory()) return `${shown}: ${shownFolder} is a file, not a folder`
    if (inStagingFolder(path.relative(root, real))) return stagingRefusal(`${shown} (through ${shownFolder})`)
    return undefined
  }
}

/**
 * Why the destination a template gives (`{task-id}` as the longest possible id unless known) is not a place
 * to write, or undefined. For the moment right before paying, when the task id is not known yet.
 */
export function plannedDestinationProblem(
  template: string,
  name: string,
  taskId: string | undefined,
  workspace: string,
): string | undefined {
  return destinationProblem(path.resolve(workspace, expandOutputPath(template, name, taskId)), workspace)
}

/**
 * Whether `relative` (to the workspace) is the cache's staging folder or inside it, as macOS and Windows compare
 * names. Nothing the run hands on may be there: a clip would be paid for, then deleted with the folder.
 */
function inStagingFolder(relative: string): boolean {
  return foldedName(relative.split(path.sep)[0] ?? '') === foldedName(CACHE_DIRECTORY)
}

function stagingRefusal(shown: string): string {
  return `${shown} is inside ${CACHE_DIRECTORY}, the cache's staging folder, which each run removes: name a file elsewhere`
}

/** lstat, or undefined for a path that does not exist (or runs through a file). */
function statOrUndefined(file: string) {
  try {
    return lstatSync(file)
  } catch {
    return undefined
  }
}

/** One clip's destination as the inputs give it, for the input-phase check. */
export interface PlannedDestination {
  /** How the problem is introduced: `Input 'output-path'`, `batch item 2 'output'`. */
  label: string
  template: string
  name: string
  /** Known when resuming by `task-id`; otherwise `{task-id}` is checked with the longest possible id. */
  taskId?: string
}

/**
 * Checks every destination before anything is paid for: each must be a safe place to write (see
 * destinationProblem), and in a batch no two may be the same file or one inside the other (`{task-id}`
 * differs between tasks, so it never makes two outputs equal). Returns the problems, each naming its input.
 */
export function checkPlannedDestinations(planned: PlannedDestination[], workspace: string): string[] {
  const problems: string[] = []
  const seen: { label: string; key: string; shown: string }[] = []
  planned.forEach((entry, index) => {
    const template = entry.template.trim()
    if (template === '' || template.includes('\0')) return void problems.push(`${entry.label} must be a file name`)
    if (/[\\/]$/.test(template)) return void problems.push(`${entry.label} ends with a slash; name a file, e.g. ${template}{name}.mp4`)
    const destination = path.resolve(workspace, expandOutputPath(template, entry.name, entry.taskId))
    const problem = plannedDestinationProblem(template, entry.name, entry.taskId, workspace)
    if (problem !== undefined) return void problems.push(`${entry.label}: ${problem}`)

    const key = comparisonKey(entry, index, workspace)
    const shown = shownPath(path.relative(workspace, destination))
    for (const other of seen) {
      if (key === other.key)
        problems.push(`${entry.label} writes the same file as ${other.label} (${shown}): give each clip its own output`)
      else if (key.startsWith(`${other.key}${path.sep}`) || other.key.startsWith(`${key}${path.sep}`)) {
        problems.push(
          `${entry.label} (${shown}) and ${other.label} (${other.shown}) are nested: one clip's file would be the other's folder`,
        )
      } else continue
      break
    }
    seen.push({ label: entry.label, key, shown })
  })
  return problems
}

/**
 * A destination as compared with others, as macOS and Windows runners compare names: after Unicode
 * normalisation and case folding (clips/café.mp4 composed and decomposed, Clip.mp4 and clip.mp4 are one file
 * there); `{task-id}` stands for an id of this entry only.
 */
function comparisonKey(entry: PlannedDestination, index: number, workspace: string): string {
  const marker = entry.taskId === undefined ? `<task-id of ${index}>` : safeFileName(entry.taskId)
  const template = entry.template.trim()
  return foldedName(path.resolve(workspace, template.replaceAll('{task-id}', marker).replaceAll('{name}', safeFileName(entry.name))))
}

/**
 * Problems of a `results-file` the inputs name (`file`, absolute), before anything is paid for: it must not be
 * a clip's file, hold one or sit inside one (the JSON would replace the paid clip, or the clip the JSON), and
 * must not be inside the cache's staging folder, which each run removes. `planned` are the clips' destinations
 * (none when the run writes no clip).
 */
export function resultsFileProblems(file: string, planned: PlannedDestination[], workspace: string): string[] {
  const shown = shownPath(path.relative(workspace, file))
  const key = foldedName(path.resolve(file))
  const staging = foldedName(path.resolve(workspace, CACHE_DIRECTORY))
  if (key === staging || key.startsWith(`${staging}${path.sep}`)) {
    return [
      `Input 'results-file' (${shown}) is inside ${CACHE_DIRECTORY}, the cache's staging folder, which each run removes: name a file elsewhere`,
    ]
  }
  for (const [index, entry] of planned.entries()) {
    const other = comparisonKey(entry, index, workspace)
    if (other === key)
      return [`Input 'results-file' (${shown}) is the same file as ${entry.label}: the results would replace the clip; name another file`]
    if (other.startsWith(`${key}${path.sep}`) || key.startsWith(`${other}${path.sep}`)) {
      return [`Input 'results-file' (${shown}) and ${entry.label} are nested: one file would be the other's folder; name another file`]
    }
  }
  return []
}

/** Throws when the results file (absolute, in the workspace) is no longer a safe place to write; for the moments right before writing. */
export function recheckResultsFile(file: string, workspace: string): void {
  const problem = destinationProblem(file, workspace)
  if (problem !== undefined) throw new Error(`Input 'results-file': cannot write there now: ${problem}`)
}
