// The two ends of every atomic write (downloads, copies from the cache, the results file, cache staging):
// the finished temporary file takes its final name in one rename, and whatever a write leaves behind is
// removed without ever failing the run.
import { randomBytes } from 'node:crypto'
import { rename, rm } from 'node:fs/promises'
import path from 'node:path'
import * as log from './log'
import { codeOf } from './errors'

/**
 * Where a file is written before it takes its final name: hidden and unique, beside the destination, so a
 * glob like `videos/*.mp4` in a later step never picks up a partial file (destinations.ts counts its length).
 */
export function temporaryPathFor(destination: string): string {
  return path.join(path.dirname(destination), `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.part`)
}

/**
 * Moves a finished temporary file onto its final name. POSIX replaces atomically at once; on Windows a fresh
 * file may be held open for a moment by a virus scanner or indexer (EPERM, EACCES, EBUSY), so the rename is
 * retried for up to about three seconds there before the error stands.
 */
export async function renameReplacing(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rename(from, to)
    } catch (error) {
      const code = codeOf(error) ?? ''
      if (process.platform !== 'win32' || attempt > 10 || !['EPERM', 'EACCES', 'EBUSY'].includes(code)) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt))
    }
  }
}

/**
 * Removes a temporary file or folder (recursively) and never throws: clean-up must neither turn a finished
 * clip into a failure nor hide the error that made it necessary. On Windows a scanner may hold a fresh file
 * open for a moment (EBUSY, EPERM), so the removal is retried for about a second; what still fails is a
 * warning that names the leftover.
 */
export async function removeLeftover(target: string): Promise<void> {
  try {
    await rm(target, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })
  } catch (error) {
    log.warning(`Could not remove ${target} (${codeOf(error) ?? String(error)}); it can be deleted.`)
  }
}
