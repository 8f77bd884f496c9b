// Never pay twice: finished clips and in-flight task ids are kept in the Actions cache, keyed by a stable
// hash of the request. Any cache trouble is a warning; the action then goes on without the cache.
//
// One cache directory per request key, relative to the workspace: @actions/cache hashes the paths it is
// given into the entry's version, so a path that is the same on every run (unlike RUNNER_TEMP on
// self-hosted runners) is what lets a later run find the entry. Two kinds of entries share that directory
// and so that version:
//   <key>                  the finished clip, its task JSON and meta.json (checksum, task id, proof)
//   <key>-pending-<time>-<random>   the id of a task submitted but not yet collected (unique per submission)
//   <key>-pending-<time>-<random>-delivered   the task whose clip was delivered: no later run adopts it
//   foxapi-video-v1-run-<run id>-<digest>   with `reuse: run`, the finished clip, for that workflow run only
// One lookup, with `<key>-pending-` as the restore key, finds either: an exact hit is the clip, a prefix hit
// the newest pending task, or the note that it was delivered. Entries are immutable, so "delivered" is a newer
// entry in the same pending series rather than a change to the old one: the newest entry tells where the
// request's last task stands. A pending or delivered record's proof covers the key it was saved under, so an
// honest record re-saved under a newer key (to hide a delivered note) fails it.
// Because the directory must be the same on every run, two operations on one key must never overlap (a
// clip save wiping the folder a pending-task save is still archiving): all of them run one after another.
//
// A cache entry is untrusted input: anyone who can save one in the cache scope can forge it. So an entry is
// never unpacked by tar: its archive is downloaded (./actions-cache.ts) and read member by member into a fresh
// private folder under RUNNER_TEMP (./entry-archive.ts), and what it says is believed only with a proof
// (./entry-proof.ts) over the cache key, the task id, the clip's SHA-256 and every other field, keyed from the
// API key. The workspace's staging folder is used for saves only, and refused when it is not a plain folder.
//
// @actions/cache is used defensively: a runner without the service, a stub (as @github/local-action has),
// a function that throws or a save that answers -1 all turn the cache off with one warning.
import { createHash, randomBytes } from 'node:crypto'
import { link, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as cache from './actions-cache'
import { clipEntryKey } from './cache-key'
import { readClipEntry, readPendingEntry, type CacheLookup, type EntryBeliever, type LookupOptions } from './entry-belief'
import { RefusedEntryError, withUnpackedEntry } from './entry-archive'
import { proveEntry } from './entry-proof'
import {
  CLIP_FILE,
  DELIVERED_SUFFIX,
  MAX_RECORD_ARCHIVE_BYTES,
  META_FILE,
  PENDING_FILE,
  PENDING_FILES,
  TASK_FILE,
  clipFields,
  clipFiles,
  maxClipArchiveBytes,
  pendingFields,
} from './entry-records'
import { CACHE_DIRECTORY, freshEntryFolder, stagingFolderProblem } from './staging'
import { copyFileAtomically, removeLeftover } from '../atomic-files'
import { currentRun } from '../run-origin'
import { redact } from '../secrets'
import { taskSchema, type Task } from '../foxapi/task'
import * as log from '../log'
import { messageOf } from '../errors'

export type { CacheLookup, LookupOptions, RestoredClip } from './entry-belief'

/** The parts of the cache module used here, looked up at run time: a stubbed module may lack any of them. */
interface CacheApi {
  isFeatureAvailable: () => boolean
  restoreCache: (paths: string[], key: string, restoreKeys?: string[], options?: { lookupOnly?: boolean }) => Promise<string | undefined>
  downloadEntry: (
    paths: string[],
    key: string,
    restoreKeys: string[],
    limit: cache.EntryLimit,
  ) => Promise<cache.DownloadedEntry | undefined>
  saveCache: (paths: string[], key: string) => Promise<number>
}

function cacheApi(module: unknown = cache): CacheApi | string {
  const api = module as Partial<Record<keyof CacheApi, unknown>> | undefined
  for (const name of ['isFeatureAvailable', 'restoreCache', 'downloadEntry', 'saveCache'] as const) {
    if (typeof api?.[name] !== 'function') return `@actions/cache has no ${name} here`
  }
  return api as CacheApi
}

/** What a cache needs besides the switch and the workspace. */
export interface ResultCacheOptions {
  /** The MAC key of every entry's proof (an empty key proves nothing: every entry is then a miss). */
  apiKey: string
  /** Largest clip restored (max-download-size): a bigger one in an entry refuses the entry. */
  maxClipBytes: number
}

export class ResultCache {
  private disabledBecause: string | undefined
  private readonly api: CacheApi | undefined
  /** The last operation queued per key: each key's operations run one at a time. */
  private readonly queues = new Map<string, Promise<unknown>>()
  /** The staging folder's check, made once before the first lookup or save. */
  private stagingChecked: Promise<void> | undefined
  /** Believes an entry's claim only with its proof, and places a proven clip in the workspace. */
  private readonly believer: EntryBeliever

  constructor(
    enabled: boolean,
    private readonly workspace: string,
    private readonly options: ResultCacheOptions,
    module: unknown = cache,
  ) {
    this.believer = { apiKey: options.apiKey, workspace }
    const api = cacheApi(module)
    this.api = typeof api === 'string' ? undefined : api
    if (!enabled) this.disabledBecause = 'cache: false'
    else if (typeof api === 'string') this.turnOff(api)
    else {
      try {
        if (api.isFeatureAvailable() !== true) this.turnOff('the Actions cache service is not configured on this runner')
      } catch (error) {
        this.turnOff(`the cache feature check failed: ${messageOf(error)}`)
      }
    }
  }

  /** Runs `operation` after every earlier one of `key` settled; never rejects with an earlier one's error. */
  private serialised<T>(key: string, operation: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve()
    const next = previous.then(operation, operation)
    const settled = next.catch(() => undefined)
    this.queues.set(key, settled)
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key)
    })
    return next
  }

  get enabled(): boolean {
    return this.disabledBecause === undefined
  }

  /**
   * The workspace's staging folder (`.foxapi-video-cache`), checked with lstat and never followed: missing (it
   * is made, private), or a plain folder. A symbolic link or a file in its place (committed to the repository,
   * say) turns the cache off for the run, so nothing is written or removed through it.
   */
  private checkStaging(): Promise<void> {
    this.stagingChecked ??= (async () => {
      const problem = await stagingFolderProblem(this.workspace)
      if (problem !== undefined) this.turnOff(problem)
    })().catch((error: unknown) => this.turnOff(`the staging folder ${CACHE_DIRECTORY} cannot be used (${messageOf(error)})`))
    return this.stagingChecked
  }

  /**
   * Looks for the clip or a pending task of `key`. A proven clip is checked (`check`) on its private unpacked copy
   * and, when it passes, placed where `place` says: a clip that passes is always restored (src/run/clip-decision.ts).
   */
  async lookup(key: string, options: LookupOptions): Promise<CacheLookup> {
    if (!this.enabled) return undefined
    await this.checkStaging()
    if (!this.enabled) return undefined
    return this.serialised(key, () => this.lookupNow(key, options))
  }

  private async lookupNow(key: string, options: LookupOptions): Promise<CacheLookup> {
    const { relative } = this.directoryFor(key)
    const clipKey = clipEntryKey(key, options.runId)
    // Each kind of entry is downloaded up to what it may hold, and one of no kind read here not at all.
    const limit: cache.EntryLimit = (matched) =>
      matched === clipKey
        ? { maxBytes: maxClipArchiveBytes(this.options.maxClipBytes), kind: 'a clip entry (max-download-size and its records)' }
        : matched.startsWith(`${key}-pending-`)
          ? { maxBytes: MAX_RECORD_ARCHIVE_BYTES, kind: 'a pending or delivered entry' }
          : undefined
    const downloaded = await this.attempt('restore', (api) => api.downloadEntry([relative], clipKey, [`${key}-pending-`], limit))
    if (!downloaded) return this.enabled ? { kind: 'empty' } : undefined
    const matched = downloaded.matchedKey
    const isClip = matched === clipKey
    try {
      if (isClip && !options.wantClip) {
        await removeLeftover(downloaded.folder)
        return { kind: 'unusable-clip', why: 'a run without wait and download does not use a cached clip' }
      }
      return await withUnpackedEntry(downloaded, relative, isClip ? clipFiles(this.options.maxClipBytes) : PENDING_FILES, (files) =>
        isClip
          ? readClipEntry(clipKey, files, options, this.believer)
          : readPendingEntry(key, matched, files, options.runId !== undefined, this.believer),
      )
    } catch (error) {
      if (error instanceof RefusedEntryError)
        log.warning(`Cache entry ${matched} refused: ${error.message}; nothing of it was written, and it is not used.`)
      else log.warning(`Cache entry ${matched} could not be used (${messageOf(error)}); going on without it.`)
      return { kind: 'empty' }
    }
  }

  /**
   * What the cache holds for `key`, read from entry keys alone (the dry run without 'api-key', which could check no
   * proof): a clip, a pending task, a delivered note, nothing, or undefined when the cache is off or cannot be asked.
   */
  async peek(key: string, runId?: string): Promise<'clip' | 'pending' | 'delivered' | 'none' | undefined> {
    if (!this.enabled) return undefined
    const { relative } = this.directoryFor(key)
    const clipKey = clipEntryKey(key, runId)
    const matched = await this.attempt('restore', (api) => api.restoreCache([relative], clipKey, [`${key}-pending-`], { lookupOnly: true }))
    if (!this.enabled) return undefined
    if (matched === clipKey) return 'clip'
    if (!matched?.startsWith(`${key}-pending-`)) return 'none'
    return matched.endsWith(DELIVERED_SUFFIX) && runId !== undefined ? 'delivered' : 'pending'
  }

  /** Saves a downloaded clip with its final task JSON under `key` (with `runId`, for that workflow run only). */
  async saveClip(key: string, task: Task, clipPath: string, sha256: string, runId?: string): Promise<void> {
    const entryKey = clipEntryKey(key, runId)
    await this.save(key, entryKey, async (directory) => {
      // A hard link costs no copy; a copy is the fallback (another file system, or no links there).
      await link(clipPath, path.join(directory, CLIP_FILE)).catch(() => copyFileAtomically(clipPath, path.join(directory, CLIP_FILE)))
      // Only the known task fields (taskSchema projects them), and never the key, even echoed by a server.
      const taskJson = redact(JSON.stringify(taskSchema.parse(task)))
      await writeFile(path.join(directory, TASK_FILE), taskJson, { flag: 'wx' })
      const madeBy = await currentRun()
      const taskSha256 = createHash('sha256').update(taskJson).digest('hex')
      const proof = proveEntry(this.options.apiKey, clipFields(entryKey, task.id, sha256, taskSha256, madeBy))
      await writeFile(path.join(directory, META_FILE), JSON.stringify({ taskId: task.id, sha256, madeBy, proof }), { flag: 'wx' })
    })
  }

  /**
   * Records a just-submitted task, so a re-run of a timed-out or cancelled job resumes it instead of paying again.
   * Whether the cache kept the record (false: the cache is off, refused the save or failed; the caller says so).
   */
  async savePendingTaskId(key: string, taskId: string, model: string): Promise<boolean> {
    // Entries are immutable: each submission gets its own key (time, then random: two in one millisecond
    // still differ); lookup picks the newest by prefix.
    return this.savePendingRecord(key, taskId, model, false)
  }

  /**
   * Records that the clip of `taskId` was delivered (handed to this run's later steps), so that under `reuse: run`
   * no later run adopts that task again: a newer, proven entry in the request's pending series.
   */
  async saveDelivered(key: string, taskId: string, model: string): Promise<void> {
    await this.savePendingRecord(key, taskId, model, true)
  }

  private async savePendingRecord(key: string, taskId: string, model: string, delivered: boolean): Promise<boolean> {
    const entryKey = `${key}-pending-${Date.now()}-${randomBytes(4).toString('hex')}${delivered ? DELIVERED_SUFFIX : ''}`
    const proof = proveEntry(this.options.apiKey, pendingFields(key, entryKey, taskId, model, delivered))
    return this.save(key, entryKey, (directory) =>
      writeFile(path.join(directory, PENDING_FILE), redact(JSON.stringify({ taskId, model, delivered, proof })), { flag: 'wx' }),
    )
  }

  /** Whether the entry was saved. Never rejects: a cache that fails is a warning, and the clip's result stands. */
  private async save(key: string, entryKey: string, stage: (directory: string) => Promise<void>): Promise<boolean> {
    if (!this.enabled) return false
    await this.checkStaging()
    return this.serialised(key, () => this.saveNow(key, entryKey, stage)).catch((error: unknown) => {
      log.warning(`Could not save the cache entry ${entryKey} (${messageOf(error)}); going on without it.`)
      return false
    })
  }

  private async saveNow(key: string, entryKey: string, stage: (directory: string) => Promise<void>): Promise<boolean> {
    if (!this.enabled) return false
    const { relative, absolute } = this.directoryFor(key)
    try {
      // The staging folder was checked (a plain folder); its entry folder is made anew and checked the same way.
      await stage(await freshEntryFolder(this.workspace, relative))
      const id = await this.attempt('save', (api) => api.saveCache([relative], entryKey))
      // saveCache reports its own failures (and returns -1) rather than throwing. For a key no one else can
      // have taken, that means the service is in trouble (or refuses this job's writes): stop using it for this run.
      if (typeof id === 'number' && id !== -1) {
        log.debug(`Saved to the Actions cache as ${entryKey}.`)
        return true
      }
      if (entryKey.startsWith(`${key}-pending-`)) this.turnOff(`saving ${entryKey} failed`)
    } catch (error) {
      log.warning(`Could not stage the cache entry ${entryKey} (${messageOf(error)}); going on without it.`)
    } finally {
      await removeLeftover(absolute)
    }
    return false
  }

  /** The entry's directory: the same relative path on every run (it is part of the entry's version). */
  private directoryFor(key: string): { relative: string; absolute: string } {
    const relative = path.posix.join(CACHE_DIRECTORY, createHash('sha256').update(key).digest('hex').slice(0, 16))
    return { relative, absolute: path.join(this.workspace, relative) }
  }

  private async attempt<T>(what: 'save' | 'restore', operation: (api: CacheApi) => Promise<T>): Promise<T | undefined> {
    if (!this.enabled || !this.api) return undefined
    try {
      return await operation(this.api)
    } catch (error) {
      this.turnOff(`${what} failed: ${messageOf(error)}`)
      return undefined
    }
  }

  private turnOff(reason: string): void {
    if (this.disabledBecause !== undefined) return
    this.disabledBecause = reason
    log.warning(`Result cache off for this run (${reason}); going on without it.`)
  }
}
