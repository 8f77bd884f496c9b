// What each kind of result-cache entry holds (its file names, their largest sizes, the records' shapes) and what
// its proof covers (./entry-proof.ts). src/cache/result-cache.ts reads and writes entries through these, so the
// format of an entry has one home.
import { z } from 'zod'
import type { RunOrigin } from '../run-origin'
import { canonicalJson } from './cache-key'
import type { ProvenFields } from './entry-proof'

export const CLIP_FILE = 'clip.mp4'
export const TASK_FILE = 'task.json'
export const META_FILE = 'meta.json'
export const PENDING_FILE = 'pending-task.json'
/** The end of a delivered note's key (peek tells it from a pending task by its key alone). */
export const DELIVERED_SUFFIX = '-delivered'
/** Largest JSON file an entry may hold (the task JSON is a few KiB). */
export const MAX_JSON_BYTES = 64 * 1024
/** Bytes an entry's archive (tar --posix, then zstd or gzip) may add to its files: headers, padding, framing. */
const ARCHIVE_OVERHEAD_BYTES = 64 * 1024
/**
 * Largest archive of a pending or delivered entry: its one record is under a KiB, its archive a few hundred bytes.
 * A larger one is refused before it is downloaded (src/cache/entry-download.ts).
 */
export const MAX_RECORD_ARCHIVE_BYTES = 16 * 1024
/** The files a clip entry may hold, each with its largest size: the clip (at most `maxClipBytes`) and its two records. */
export function clipFiles(maxClipBytes: number): ReadonlyMap<string, number> {
  return new Map([
    [CLIP_FILE, maxClipBytes],
    [TASK_FILE, MAX_JSON_BYTES],
    [META_FILE, MAX_JSON_BYTES],
  ])
}
/**
 * Largest archive of a clip entry whose clip is at most `maxClipBytes`: its files, what compression can add to
 * data that does not compress (under 1/128), and the archive's own overhead.
 */
export function maxClipArchiveBytes(maxClipBytes: number): number {
  const content = [...clipFiles(maxClipBytes).values()].reduce((sum, bytes) => sum + bytes, 0)
  return content + Math.ceil(content / 128) + ARCHIVE_OVERHEAD_BYTES
}
/** The one file a pending or delivered entry holds. */
export const PENDING_FILES: ReadonlyMap<string, number> = new Map([[PENDING_FILE, MAX_JSON_BYTES]])

/** meta.json of a clip entry: what the proof covers, besides the task JSON's bytes. */
export const clipMetaSchema = z.object({
  taskId: z.string().catch(''),
  sha256: z.string().catch(''),
  madeBy: z.unknown().optional(),
  proof: z.unknown().optional(),
})

/** pending-task.json of a pending entry (a field of the wrong shape fails the proof, not the parse). */
export const pendingSchema = z.object({
  taskId: z.unknown().optional(),
  model: z.string().max(200).catch(''),
  delivered: z.boolean().catch(false).default(false),
  proof: z.unknown().optional(),
})

/** What a clip entry's proof covers: the request's cache key, the task, the clip's and the task JSON's SHA-256, the run. */
export function clipFields(
  cacheKey: string,
  taskId: string,
  sha256: string,
  taskSha256: string,
  madeBy: RunOrigin | undefined,
): ProvenFields {
  return { entry: 'clip', cacheKey, taskId, sha256, taskSha256, madeBy: madeBy === undefined ? null : canonicalJson(madeBy) }
}

/**
 * What a pending or delivered entry's proof covers: the request's cache key, the key the entry was saved under,
 * the task submitted for it, the request's model, and whether the task's clip was delivered.
 */
export function pendingFields(cacheKey: string, entryKey: string, taskId: string, model: string, delivered = false): ProvenFields {
  return { entry: 'pending', cacheKey, entryKey, taskId, model, delivered }
}
