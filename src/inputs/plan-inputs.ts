// The inputs that decide how much of a batch runs, and whether anything is paid for at all: `only`,
// `max-credits` and `results-file` (`dry-run` is read first, by read-inputs.ts: whether `api-key` is required
// depends on it).
// Like every input, problems are collected and named after the input, before anything is sent.
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import type { ClipSpec } from './clip-spec'
import { destinationProblem } from '../security/destinations'

export const MAX_CREDITS_LIMIT = 1_000_000

/**
 * The batch entries named by `only` (comma-separated), in batch order. Names the batch lacks are an error,
 * so a typo in a matrix job fails before paying instead of quietly making nothing.
 */
export function selectClips(only: string, clips: ClipSpec[], batch: boolean, problems: string[]): ClipSpec[] {
  if (only === '') return clips
  // A name that itself holds a comma is still picked by its full text (a matrix job passes one name).
  if (batch && clips.some((clip) => clip.name === only)) return clips.filter((clip) => clip.name === only)
  const wanted = only
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  if (wanted.length === 0) {
    problems.push("Input 'only' must list batch entry names, separated by commas")
    return clips
  }
  if (!batch) {
    problems.push("Input 'only' picks entries of a 'batch'; without 'batch' there is nothing to pick from")
    return clips
  }
  if (clips.length === 0) return clips // the batch itself had problems; they are reported already
  const known = new Set(clips.map((clip) => clip.name))
  const unknown = [...new Set(wanted.filter((name) => !known.has(name)))]
  if (unknown.length > 0) {
    const list = [...known].slice(0, 20).join(', ')
    problems.push(
      `Input 'only' names ${unknown.map((n) => `'${n}'`).join(', ')}, not in the batch (its entries: ${list}${known.size > 20 ? ', …' : ''})`,
    )
    return clips
  }
  const chosen = new Set(wanted)
  return clips.filter((clip) => chosen.has(clip.name))
}

/** `max-credits`: a positive number, or empty for no limit. */
export function parseMaxCredits(value: string, problems: string[]): number | undefined {
  if (value === '') return undefined
  const n = Number(value)
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > MAX_CREDITS_LIMIT) {
    problems.push(
      `Input 'max-credits' must be a positive number of credits, at most ${MAX_CREDITS_LIMIT} (got ${JSON.stringify(value.slice(0, 60))})`,
    )
    return undefined
  }
  return n
}

/**
 * Where the results file goes. By default a fresh name under RUNNER_TEMP (per job, emptied by the runner);
 * a path the user names must stay inside the workspace and out of `.git/`, like every file the action writes.
 */
export function resultsFilePath(value: string, workspace: string, env: NodeJS.ProcessEnv, problems: string[]): string {
  if (value === '') {
    const directory = env.RUNNER_TEMP || os.tmpdir()
    return path.join(directory, `foxapi-video-results-${randomBytes(4).toString('hex')}.json`)
  }
  if (value.includes('\0')) {
    problems.push("Input 'results-file' is not a usable file path")
    return value
  }
  // The same checks as every clip destination: inside the workspace (symlinks resolved), not in .git/,
  // not a directory, parent folders not files, a name the file system takes.
  const target = path.resolve(workspace, value)
  const problem = destinationProblem(target, workspace)
  if (problem !== undefined) problems.push(`Input 'results-file': ${problem}`)
  return target
}
