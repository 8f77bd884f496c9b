// The `results-file` output: every clip's full row as a JSON file, for later jobs and for batches whose
// rows outgrow what a step output may hold. Written whole or not at all (temporary file, then rename).
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { removeLeftover, renameReplacing, temporaryPathFor } from '../atomic-files'
import type { ClipResult } from './clip-result'
import { messageOf } from '../errors'
import * as log from '../log'
import { setOutputSafely } from './actions-io'
import { toResultRow, type ResultRow } from './outputs'
import { redact } from '../secrets'
import { recheckResultsFile } from '../security/destinations'
import { placeOf } from '../security/workspace-files'

/** A `results` row plus what a later job may want and an output has no room for. */
export interface FullResultRow extends ResultRow {
  progress: number | null
  bytes: number | null
  resumed: boolean
  elapsed_ms: number
  /** The workflow run that made a clip restored from the cache. */
  made_by: { repository: string; run_id: string; url: string } | null
  /** Video frames per second, read from the file (null when there is no file or the track has no length). */
  frame_rate: number | null
  /** The request as sent (or as it would be sent), each workspace file by its path; it holds no secret. */
  request: unknown
}

export function toFullResultRow(result: ClipResult): FullResultRow {
  return {
    ...toResultRow(result),
    progress: result.progress ?? null,
    bytes: result.bytes ?? null,
    resumed: result.resumed,
    elapsed_ms: result.elapsedMs,
    made_by: result.madeBy ? { repository: result.madeBy.repository, run_id: String(result.madeBy.runId), url: result.madeBy.url } : null,
    frame_rate: result.metadata?.frameRate !== undefined ? Math.round(result.metadata.frameRate * 1000) / 1000 : null,
    request: result.request ?? null,
  }
}

/**
 * Writes `rows` as a JSON array to `file` (its folder is made if missing). The text is redacted like every
 * output. Replacing the file by rename also replaces a symbolic link at that path instead of following it.
 * A file in `workspace` (one the inputs named) is checked again as clips are, before its folder is made,
 * once it exists and right before the rename: a folder swapped for a symlink during the run is refused.
 */
export async function writeResultsFile(file: string, rows: readonly object[], workspace?: string): Promise<void> {
  const check =
    workspace !== undefined && placeOf(file, path.resolve(workspace)) !== 'outside'
      ? () => recheckResultsFile(file, workspace)
      : () => undefined
  check()
  await mkdir(path.dirname(file), { recursive: true })
  check()
  const temporary = temporaryPathFor(file)
  try {
    await writeFile(temporary, `${redact(JSON.stringify(rows, null, 2))}\n`, { flag: 'wx' })
    check()
    await renameReplacing(temporary, file)
  } finally {
    await removeLeftover(temporary)
  }
}

/**
 * The `results-file` output of a run or a dry run: writes `rows` to `file` and names it in the output. Never
 * throws: a file that cannot be written is a warning, and the run's result stands.
 */
export async function writeResultsOutput(file: string, rows: readonly object[], workspace?: string): Promise<void> {
  try {
    await writeResultsFile(file, rows, workspace)
    setOutputSafely('results-file', file)
  } catch (error) {
    log.warning(`Could not write the results file ${file} (${messageOf(error)}).`)
  }
}
