// The two ends of every atomic write (downloads, copies from the cache, the results file, cache staging):
// the finished temporary file takes its final name in one rename, and whatever a write leaves behind is
// removed without ever failing the run. Also the one copy that works that way (a clip restored from the cache
// or staged into an entry), and the meter that counts and hashes the bytes of a write on their way.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
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

/**
 * Copies `source` to `destination` through a temporary file and a rename; returns the copy's size and sha256.
 * `checkDestination` (as for downloadVideo) runs once the folder exists and right before the rename.
 */
export async function copyFileAtomically(
  source: string,
  destination: string,
  checkDestination?: () => void,
): Promise<{ bytes: number; sha256: string }> {
  await mkdir(path.dirname(destination), { recursive: true })
  checkDestination?.()
  const tempPath = temporaryPathFor(destination)
  const meter = new HashingMeter()
  try {
    await pipeline(createReadStream(source), meter, createWriteStream(tempPath))
    await syncFile(tempPath)
    checkDestination?.()
    await renameReplacing(tempPath, destination)
    return { bytes: meter.bytes, sha256: meter.sha256() }
  } finally {
    await removeLeftover(tempPath)
  }
}

/** Passes bytes through while counting them; errors once more than `limit` bytes went by. */
export class ByteMeter extends Transform {
  bytes = 0

  constructor(
    private readonly limit = Number.POSITIVE_INFINITY,
    private readonly overLimit: () => Error = () => new Error('size limit exceeded'),
  ) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void): void {
    const error = this.count(chunk)
    if (error) callback(error)
    else callback(null, chunk)
  }

  /** Counts `chunk`; the error once the limit is passed. */
  protected count(chunk: Buffer): Error | undefined {
    this.bytes += chunk.length
    return this.bytes > this.limit ? this.overLimit() : undefined
  }
}

/** Passes bytes through while counting and hashing them; errors once more than `limit` bytes went by. */
export class HashingMeter extends ByteMeter {
  private readonly hash = createHash('sha256')

  /** Counts and hashes what a file already holds (the part of a resumed download fetched earlier). */
  async countFile(file: string): Promise<void> {
    for await (const chunk of createReadStream(file)) {
      const error = this.count(chunk as Buffer)
      if (error) throw error
    }
  }

  sha256 = (): string => this.hash.digest('hex')

  protected override count(chunk: Buffer): Error | undefined {
    const error = super.count(chunk)
    if (!error) this.hash.update(chunk)
    return error
  }
}

/** Flushes the file to disk before the rename makes it visible. */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
