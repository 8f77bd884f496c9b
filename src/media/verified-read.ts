// Reading a checked media file again for its upload, and proving on the way that the bytes sent are the bytes that
// were hashed when the inputs were checked (the cache key was made from that hash). The file is opened with the same
// checks (no link on the way, a regular file), streamed in pieces, hashed as it goes, and the stream ends in an error
// instead of its last piece when the bytes differ: a file changed between the check and the upload is never sent
// whole, so FoxAPI never stores it and no task is created with it.
import { createReadStream } from 'node:fs'
import { pipeline, type Readable, type TransformCallback } from 'node:stream'
import { HashingMeter } from '../atomic-files'
import { shownPath } from '../security/workspace-files'
import type { CheckedFile } from './media-files'
import { openWorkspaceMedia } from './media-path'

/** Bytes read at a time. */
const PIECE_BYTES = 256 * 1024

/** The file's bytes differ from those checked (a changed file): its upload is abandoned, not retried. */
export class ChangedFileError extends Error {
  override readonly name = 'ChangedFileError'
}

/**
 * A stream of `file`'s bytes that errors unless they are exactly the `file.bytes` bytes whose SHA-256 is
 * `file.sha256`. Throws ChangedFileError (or an Error saying why it cannot be read) when the file cannot be opened.
 */
export function openVerifiedRead(file: CheckedFile, workspace: string): Readable {
  const opened = openWorkspaceMedia(file.path, workspace)
  if (!opened.ok) throw new ChangedFileError(`${opened.problem} (it was there when the inputs were checked)`)
  const changed = () => new ChangedFileError(`${shownPath(file.path)} changed since the inputs were checked; not uploaded`)
  const { fd, size } = opened.file
  const read = createReadStream('', { fd, highWaterMark: PIECE_BYTES, autoClose: true })
  if (size !== file.bytes) {
    read.destroy()
    throw changed()
  }
  const verifier = new Verifier(file, changed)
  // Either end failing ends both (and closes the file).
  return pipeline(read, verifier, () => {})
}

/**
 * Passes bytes through, counting and hashing them; fails past the expected size, and at the end on any difference.
 * The last piece is held back until the whole file is verified, so a changed file's upload is never complete.
 */
class Verifier extends HashingMeter {
  private held: Buffer | undefined

  constructor(
    private readonly file: CheckedFile,
    private readonly changed: () => ChangedFileError,
  ) {
    super(file.bytes, changed)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const error = this.count(chunk)
    if (error) return callback(error)
    const previous = this.held
    this.held = chunk
    callback(null, previous)
  }

  override _flush(callback: TransformCallback): void {
    if (this.bytes !== this.file.bytes || this.sha256() !== this.file.sha256) return callback(this.changed())
    callback(null, this.held)
  }
}
