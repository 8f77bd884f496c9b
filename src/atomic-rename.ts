// The last step of every atomic write (downloads, copies from the cache, the results file): the finished
// temporary file takes its final name in one rename.
import { rename } from 'node:fs/promises'

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
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (process.platform !== 'win32' || attempt > 10 || !['EPERM', 'EACCES', 'EBUSY'].includes(code)) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt))
    }
  }
}
