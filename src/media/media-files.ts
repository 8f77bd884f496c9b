// The workspace files a request names, checked before anything is sent: each opened without links (media-path.ts),
// read once from start to end to sniff its type from its first bytes and hash all of it (SHA-256: the cache key is
// made from it, and the upload is held to it), and held to the field's kind and size limit. A file several clips
// name is read once per run. Synchronous on purpose: it runs with the other input checks (src/inputs), whose
// problems are all listed before anything is paid; a file is read in 1 MiB pieces, so memory does not grow with it.
import { closeSync, readSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { codeOf } from '../errors'
import type { MediaKind } from '../models'
import { shownPath } from '../security/workspace-files'
import { openWorkspaceMedia, workspaceRelativePath } from './media-path'
import { KIND_TYPES, SNIFF_BYTES, describeUnknown, sniffMediaType, type MediaType } from './media-types'

/** Bytes read at a time while hashing. */
export const READ_PIECE_BYTES = 1024 * 1024

const MB = 1_000_000
/**
 * The largest file of each kind when the model's page gives no limit: the largest any FoxAPI page documents for
 * that kind (images 30 MB: Seedance 2.0; videos 200 MB: Kling; audio 15 MB: Wan 2.7).
 */
export const DEFAULT_MAX_BYTES: Readonly<Record<MediaKind, number>> = { image: 30 * MB, video: 200 * MB, audio: 15 * MB }

/** A workspace file as it was checked: what it is and the hash of its bytes. */
export interface CheckedFile {
  /** The path relative to the workspace, `/`-separated (`assets/product.png`). */
  path: string
  type: MediaType
  bytes: number
  /** SHA-256 of the file's bytes, hex. */
  sha256: string
}

/** A file in a request: where it stands, the input that named it, and the file as checked. */
export interface MediaFile extends CheckedFile {
  /** Where the path stands in the request body (`['image_list', 0, 'image_url']`). */
  at: (string | number)[]
  /** The same place in words, as results rows show it: `image_list[0].image_url`. */
  field: string
  /** The input (or batch entry field) that named it, as problems start: `Input 'image-url'`. */
  input: string
  kind: MediaKind
}

export type FileCheck = { ok: true; file: CheckedFile } | { ok: false; problem: string }

/** Checks workspace files against the fields that name them; a file is opened and hashed once, however many name it. */
export class MediaChecker {
  private readonly read = new Map<string, FileCheck>()

  constructor(private readonly workspace: string) {}

  /**
   * The file `value` names, as a `kind` field whose limit is `maxBytes` takes it; the problem (to follow the input's
   * name and a colon) when it cannot be uploaded.
   */
  check(value: string, kind: MediaKind, fieldName: string, maxBytes?: number): FileCheck {
    // `assets/a.png` and `./assets/a.png` are one file, read once.
    const parsed = workspaceRelativePath(value)
    const id = parsed.ok ? parsed.relative : value
    let found = this.read.get(id)
    if (found === undefined) this.read.set(id, (found = readMediaFile(value, this.workspace)))
    if (!found.ok) return found
    const { file } = found
    const shown = shownPath(file.path)
    if (file.type.kind !== kind)
      return { ok: false, problem: `${shown} is ${article(file.type.label)}; ${fieldName} takes ${KIND_TYPES[kind]}` }
    const limit = maxBytes ?? DEFAULT_MAX_BYTES[kind]
    if (file.bytes > limit)
      return { ok: false, problem: `${shown} is ${sizeText(file.bytes)}; ${fieldName} takes at most ${sizeText(limit)} (${limit} bytes)` }
    return found
  }
}

/** Opens, sniffs and hashes the file `value` names, in one pass. */
export function readMediaFile(value: string, workspace: string): FileCheck {
  const opened = openWorkspaceMedia(value, workspace)
  if (!opened.ok) return opened
  const { fd, relative, size } = opened.file
  const shown = shownPath(relative)
  try {
    const hash = createHash('sha256')
    const piece = Buffer.allocUnsafe(READ_PIECE_BYTES)
    const head = Buffer.alloc(SNIFF_BYTES)
    let headLength = 0
    let total = 0
    for (;;) {
      const n = readSync(fd, piece, 0, piece.length, null)
      if (n === 0) break
      if (headLength < SNIFF_BYTES) headLength += piece.copy(head, headLength, 0, Math.min(n, SNIFF_BYTES - headLength))
      hash.update(piece.subarray(0, n))
      total += n
      // Growing while it is read (a log, a file being written): not a file to upload.
      if (total > size) return { ok: false, problem: `${shown} grew while it was being read; not uploaded` }
    }
    if (total !== size) return { ok: false, problem: `${shown} shrank while it was being read; not uploaded` }
    const sniffed = head.subarray(0, headLength)
    const type = sniffMediaType(sniffed)
    if (type === undefined) return { ok: false, problem: `${shown} is ${describeUnknown(sniffed)}, not a media file this action uploads` }
    return { ok: true, file: { path: relative, type, bytes: total, sha256: hash.digest('hex') } }
  } catch (error) {
    return { ok: false, problem: `cannot read ${shown} (${codeOf(error) ?? 'unknown error'})` }
  } finally {
    closeSync(fd)
  }
}

/** `10 MB`, `245 KB`, `512 bytes`: decimal units, as FoxAPI's pages write their limits. */
export function sizeText(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1)} MB`
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} KB`
  return `${bytes} bytes`
}

/** `a PNG image`, `an MP4 video`, `an OGG audio file`: the article as the label is spoken. */
function article(label: string): string {
  return /^([AEIOU]|M[P4])/.test(label) ? `an ${label}` : `a ${label}`
}
