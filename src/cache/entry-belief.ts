// Believing a result-cache entry once it is unpacked into its private folder (./entry-archive.ts): a record is read
// only in the shape this action writes it, believed only with its proof (./entry-proof.ts), and a clip only when it
// is the clip proven and passes the run's check; a clip that does is then placed where the run asked, atomically.
// A failed proof is a warning that names the entry, never its contents; the entry is not deleted.
import { copyFileAtomically, removeLeftover } from '../atomic-files'
import * as log from '../log'
import { runOfThisRepository, runOriginSchema } from '../run-origin'
import { describeBadTaskId, isValidTaskId } from '../security/task-id'
import { recheckDestination } from '../security/destinations'
import { taskSchema } from '../foxapi/task'
import { readEntryJson, type UnpackedFile } from './entry-archive'
import { isProvenEntry, type ProvenFields } from './entry-proof'
import {
  CLIP_FILE,
  MAX_JSON_BYTES,
  META_FILE,
  PENDING_FILE,
  TASK_FILE,
  clipFields,
  clipMetaSchema,
  pendingFields,
  pendingSchema,
} from './entry-records'
import type { HeldClip, RestoredCheck } from '../clip/clip-verify'
import type { Task } from '../foxapi/task'
import type { RunOrigin } from '../run-origin'

export interface RestoredClip {
  task: Task
  /** Where the clip was placed (none when the lookup placed nothing: the dry run). */
  path?: string
  sha256: string
  bytes: number
  /** The workflow run of this repository that made (and paid for) the clip, when known. */
  madeBy?: RunOrigin
}

/** What an earlier run of the same request left: the finished clip, or a task still to collect. */
export type CacheLookup =
  /** A proven clip that passed `check` (placed where `place` said, when it said). */
  | { kind: 'clip'; clip: RestoredClip; held: HeldClip }
  /** A clip entry that is not used: proven but failed `check`, or passed over by a run that does not download. */
  | { kind: 'unusable-clip'; why: string }
  | { kind: 'pending'; taskId: string; model: string }
  /**
   * `reuse: run` only: the request's last task was delivered to an earlier run, so it is not adopted. `why` says how
   * it is known, when not from the cache's own note (src/records/delivered-notes.ts: "was delivered to another run (…)").
   */
  | { kind: 'delivered'; taskId: string; why?: string }
  /** Nothing usable under the key (also an entry refused or not proven: each is a warning). */
  | { kind: 'empty' }
  /** The cache is off or could not be asked. */
  | undefined

/** How a lookup treats a clip entry. */
export interface LookupOptions {
  /** False for a run that does not download: a cached clip is passed over (and its pending series not read). */
  wantClip: boolean
  /** `reuse: run`: only the clip saved for this workflow run is served. */
  runId?: string
  /** Checks a proven clip's file (unpacked, private) before it is placed anywhere. */
  check: (file: string) => Promise<RestoredCheck>
  /** Where a clip that passed `check` goes; without it (the dry run) nothing is placed. */
  place?: (task: Task) => string
}

/** What believing an entry needs: the key its proofs are made with, and the workspace a clip is placed in. */
export interface EntryBeliever {
  apiKey: string
  workspace: string
}

/** An entry's claim, believed only with its proof; warns (naming the entry, never its contents) when it fails. */
function proven(entryKey: string, fields: ProvenFields | undefined, proof: unknown, apiKey: string): boolean {
  if (fields !== undefined && isProvenEntry(apiKey, fields, proof)) return true
  log.warning(
    `Cache entry ${entryKey} is ignored: its proof does not match (it was saved under another API key, or not by this action for this request). It is not deleted.`,
  )
  return false
}

/** `key` is the key the clip was saved under (the request's, or its `reuse: run` key): the proof covers it. */
export async function readClipEntry(
  key: string,
  files: Map<string, UnpackedFile>,
  options: LookupOptions,
  believer: EntryBeliever,
): Promise<CacheLookup> {
  const clipFile = files.get(CLIP_FILE)
  const taskFile = files.get(TASK_FILE)
  const metaFile = files.get(META_FILE)
  if (!clipFile || !taskFile || !metaFile) throw new Error('the entry lacks a file a clip entry has')
  const meta = clipMetaSchema.safeParse(await readEntryJson(metaFile.path, META_FILE, MAX_JSON_BYTES))
  if (!meta.success) throw new Error(`${META_FILE} is not a clip record`)
  const madeBy = meta.data.madeBy === undefined ? undefined : runOriginSchema.safeParse(meta.data.madeBy)
  // A record of the wrong shape is not one this action wrote: it fails its proof like any other forgery.
  const fields = madeBy?.success === false ? undefined : clipFields(key, meta.data.taskId, meta.data.sha256, taskFile.sha256, madeBy?.data)
  if (!proven(key, fields, meta.data.proof, believer.apiKey)) return { kind: 'empty' }
  const task = taskSchema.safeParse(await readEntryJson(taskFile.path, TASK_FILE, MAX_JSON_BYTES))
  if (!task.success || task.data.id !== meta.data.taskId) throw new Error(`${TASK_FILE} is not the task of this entry`)
  // The clip checked and restored is the clip proven.
  if (clipFile.sha256 !== meta.data.sha256) throw new Error(`the clip of ${key} does not match its proven checksum`)
  const checked = await options.check(clipFile.path)
  if (!checked.fits) return { kind: 'unusable-clip', why: checked.why }
  const clip: RestoredClip = { task: task.data, sha256: clipFile.sha256, bytes: clipFile.bytes }
  const origin = madeBy?.data && runOfThisRepository(madeBy.data)
  if (origin) clip.madeBy = origin
  if (options.place) clip.path = await place(key, clipFile.path, options.place(task.data), meta.data.sha256, believer.workspace)
  return { kind: 'clip', clip, held: checked.held }
}

/** Copies a proven, checked clip to `target` (checked again once its folder exists and right before the rename). */
async function place(key: string, file: string, target: string, sha256: string, workspace: string): Promise<string> {
  const copied = await copyFileAtomically(file, target, () => recheckDestination(target, workspace))
  if (copied.sha256 !== sha256) {
    await removeLeftover(target)
    throw new Error(`the restored clip of ${key} does not match its checksum`)
  }
  return target
}

export async function readPendingEntry(
  key: string,
  entryKey: string,
  files: Map<string, UnpackedFile>,
  perRun: boolean,
  believer: EntryBeliever,
): Promise<CacheLookup> {
  const file = files.get(PENDING_FILE)
  if (!file) throw new Error(`the entry has no ${PENDING_FILE}`)
  const record = pendingSchema.safeParse(await readEntryJson(file.path, PENDING_FILE, MAX_JSON_BYTES))
  if (!record.success) throw new Error(`${PENDING_FILE} is not a pending-task record`)
  const { taskId, model, delivered, proof } = record.data
  if (!isValidTaskId(taskId)) {
    log.warning(`Cache entry ${entryKey} holds no valid task id (${describeBadTaskId(taskId)}); going on without it.`)
    return { kind: 'empty' }
  }
  if (!proven(entryKey, pendingFields(key, entryKey, taskId, model, delivered), proof, believer.apiKey)) return { kind: 'empty' }
  // Delivered: under `reuse: run` the task is never handed out again. Under `reuse: request` its clip may be
  // served to any run of the request, so the task is collected again (free) as a pending one would be: the
  // clip entry itself is missing here (its save failed, or that run did not download).
  if (delivered && perRun) return { kind: 'delivered', taskId }
  return { kind: 'pending', taskId, model }
}
