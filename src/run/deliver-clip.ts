// The last stages of a clip's pipeline, once its task is final: deliver (download the clip, check it is whole and
// what was asked) and save (the clip in the Actions cache, and a "delivered" note: under `reuse: run` an artifact of
// this run, src/records/delivered-notes.ts). A task that failed, was cancelled or completed without a URL delivers
// nothing; a clip that does not match the request under `verify: fail` is kept, with every output set, but fails the
// clip and is not cached. A model that makes no video (a voice, a character) delivers the id its task answers:
// nothing to download or check.
import path from 'node:path'
import { downloadUntilWhole, holdAgainstRequest, inspectClip, mismatchText, type HeldClip, type VerifyContext } from '../clip/clip-verify'
import type { ClipMetadata } from '../clip/clip-metadata'
import { reuseRunId } from '../cache/cache-key'
import { messageOf } from '../errors'
import { downloadVideo } from '../foxapi/download'
import { API_RETRY } from '../foxapi/retries'
import { assetOf, taskErrorText, videoUrlOf, type Task, type TaskAsset } from '../foxapi/task'
import { EMPTY_COMPLETED_REQUERIES } from '../foxapi/wait-for-task'
import type { ClipSpec } from '../inputs/clip-spec'
import { destinationFor, recheckDestination } from '../security/destinations'
import { downloadPolicyFor } from '../security/download-policy'
import { collectAdvice, saveAdvice } from './collect-advice'
import type { ClipDeps } from './clip-deps'

/** What delivering a final task came to. */
export interface Delivery {
  outcome: 'succeeded' | 'failed'
  videoUrl?: string
  /** The id a model that makes no video answered instead of a clip. */
  asset?: TaskAsset
  /** The clip's file, when it was downloaded (also when it then failed `verify`). */
  file?: { path: string; sha256: string; bytes: number }
  /** The file held against the request. */
  held?: HeldClip
  error?: string
}

type Log = (line: string) => void

/** Where this clip's file goes now that its task id is known; throws when that is not a safe place to write. */
export function resolveOutputPath(spec: ClipSpec, taskId: string, workspace: string): string {
  return destinationFor(spec.outputPath, spec.name, taskId, workspace)
}

/** What the clip checks need of this clip and run. */
export function verifyContext(spec: ClipSpec, deps: ClipDeps, log: Log): VerifyContext {
  return { request: spec.request, mode: deps.settings.verify, label: deps.batch ? `[${spec.name}] ` : '', log }
}

/** Delivers the final `task`: its clip downloaded, checked and saved to the cache under `key` (when caching). */
export async function deliverClip(spec: ClipSpec, task: Task, key: string | undefined, deps: ClipDeps, log: Log): Promise<Delivery> {
  if (task.status === 'failed') return { outcome: 'failed', error: `FoxAPI task ${task.id} failed: ${taskErrorText(task)}` }
  if (task.status === 'cancelled') return { outcome: 'failed', error: `FoxAPI task ${task.id} was cancelled` }
  const url = videoUrlOf(task)
  const asset = url ? undefined : assetOf(task)
  if (asset) {
    log(`FoxAPI task ${task.id} made no video: its result is ${asset.field} ${asset.id} (the asset-id output).`)
    // Like a clip not downloaded: the task is noted as delivered, so `reuse: run` never hands it out again.
    if (key) await noteDelivered(spec, task, key, deps)
    return { outcome: 'succeeded', asset }
  }
  if (!url) {
    const error =
      `FoxAPI task ${task.id} completed without a video URL, also when asked again ${EMPTY_COMPLETED_REQUERIES} times ` +
      `(with and without sync_upstream). ${collectAdvice(spec.name, task.id, deps.batch)}`
    return { outcome: 'failed', error }
  }
  if (!deps.settings.download) {
    if (key) await noteDelivered(spec, task, key, deps)
    return { outcome: 'succeeded', videoUrl: url }
  }
  const { file, metadata } = await downloadClip(spec, task, url, deps, log)
  const where = path.relative(deps.settings.workspace, file.path) || file.path
  log(`Saved ${file.bytes} bytes to ${where} (sha256 ${file.sha256}).`)
  const held = metadata ? holdAgainstRequest(metadata, verifyContext(spec, deps, log)) : undefined
  if (held?.verdict === 'fail') {
    // Kept, with every output set (the summary shows what came back), but not cached: it is not the clip asked for.
    const error = `${mismatchText(held.verification)}. The clip is kept at ${where} and every output is set; verify: warn accepts such a clip, and a new cache-key asks for a new take (paid)`
    return { outcome: 'failed', videoUrl: url, file, held, error }
  }
  if (key) await saveDeliveredClip(spec, task, key, file, deps)
  return { outcome: 'succeeded', videoUrl: url, file, ...(held ? { held } : {}) }
}

/**
 * Downloads the clip to its destination (checked again once its folder exists and right before the rename). A file
 * that fails a structural check is fetched again from the same URL (never a new task) before the clip fails.
 */
async function downloadClip(
  spec: ClipSpec,
  task: Task,
  url: string,
  deps: ClipDeps,
  log: Log,
): Promise<{ file: NonNullable<Delivery['file']>; metadata: ClipMetadata | undefined }> {
  const { settings } = deps
  // The inputs were checked before paying; this catches what changed since (or what the real task id changes).
  const guard = <T>(check: () => T): T => {
    try {
      return check()
    } catch (error) {
      throw new Error(`${messageOf(error)}. ${saveAdvice(spec.name, task.id, deps.batch)}`, { cause: error })
    }
  }
  const destination = guard(() => resolveOutputPath(spec, task.id, settings.workspace))
  let metadata: ClipMetadata | undefined
  const download = () =>
    downloadVideo({
      url,
      inspect: async (file) => {
        metadata = await inspectClip(file)
      },
      destination,
      checkDestination: () => guard(() => recheckDestination(destination, settings.workspace)),
      agent: deps.downloadAgent,
      policy: downloadPolicyFor(settings.baseUrl),
      maxBytes: settings.maxDownloadBytes,
      retry: API_RETRY,
      deadline: Date.now() + settings.timeoutMs,
      signal: deps.signal,
      log,
    })
  const downloaded = await deps.limits.downloads.run(() => downloadUntilWhole(download, log))
  return { file: { path: downloaded.path, sha256: downloaded.sha256, bytes: downloaded.bytes }, metadata }
}

/** Saves the delivered clip, then the note that its task was delivered (under `reuse: run` no later run adopts it). */
async function saveDeliveredClip(
  spec: ClipSpec,
  task: Task,
  key: string,
  file: NonNullable<Delivery['file']>,
  deps: ClipDeps,
): Promise<void> {
  await deps.limits.cacheSaves.run(() => deps.cache.saveClip(key, task, file.path, file.sha256, reuseRunId(deps.settings)))
  await noteDelivered(spec, task, key, deps)
}

/**
 * Notes that the clip of `task` was delivered to this run: under `reuse: run` as an artifact of this run, which no
 * eviction removes and no other run can claim (src/records/delivered-notes.ts); otherwise in the Actions cache.
 */
async function noteDelivered(spec: ClipSpec, task: Task, key: string, deps: ClipDeps): Promise<void> {
  if (deps.settings.reuse.mode === 'run' && deps.notes) return deps.notes.save(key, task.id)
  await deps.limits.cacheSaves.run(() => deps.cache.saveDelivered(key, task.id, spec.request?.model ?? ''))
}
