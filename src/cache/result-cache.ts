// Never pay twice: finished clips and in-flight task ids are kept in the Actions cache, keyed by a stable
// hash of the request. Any cache trouble is a warning; the action then goes on without the cache.
//
// One cache directory per request key, relative to the workspace: @actions/cache hashes the paths it is
// given into the entry's version, so a path that is the same on every run (unlike RUNNER_TEMP on
// self-hosted runners) is what lets a later run find the entry. Two kinds of entries share that directory
// and so that version:
//   <key>                  the finished clip, its task JSON and checksum
//   <key>-pending-<time>-<random>   the id of a task submitted but not yet collected (unique per submission)
// One restore call, with `<key>-pending-` as the restore key, finds either: an exact hit is the clip, a
// prefix hit the newest pending task.
// Because the directory must be the same on every run, two operations on one key must never overlap (a
// clip save wiping the folder a pending-task save is still archiving): all of them run one after another.
//
// @actions/cache is used defensively: a runner without the service, a stub (as @github/local-action has),
// a function that throws or a save that answers -1 all turn the cache off with one warning.
import { createHash, randomBytes } from 'node:crypto'
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as cache from './actions-cache'
import { removeLeftover } from '../atomic-files'
import { CACHE_DIRECTORY } from './cache-key'
import { copyFileAtomically } from '../foxapi/download'
import { recheckDestination } from '../security/destinations'
import { currentRun, runOriginSchema, type RunOrigin } from '../run-origin'
import { parseJsonSafely } from '../foxapi/http'
import { redact } from '../secrets'
import { describeBadTaskId, isValidTaskId } from '../security/task-id'
import { taskSchema, type Task } from '../foxapi/task'
import * as log from '../log'
import { messageOf } from '../errors'

const CLIP_FILE = 'clip.mp4'
const TASK_FILE = 'task.json'
const META_FILE = 'meta.json'
const PENDING_FILE = 'pending-task.json'

export interface RestoredClip {
  task: Task
  path: string
  sha256: string
  bytes: number
  /** The workflow run that made (and paid for) the clip, when known. */
  madeBy?: RunOrigin
}

/** What an earlier run of the same request left: the finished clip (restored to its path), or a task still to collect. */
export type CacheLookup = { kind: 'clip'; clip: RestoredClip } | { kind: 'pending'; taskId: string } | undefined

/** The parts of @actions/cache used here, looked up at run time: a stubbed module may lack any of them. */
interface CacheApi {
  isFeatureAvailable: () => boolean
  restoreCache: (paths: string[], key: string, restoreKeys?: string[], options?: { lookupOnly?: boolean }) => Promise<string | undefined>
  saveCache: (paths: string[], key: string) => Promise<number>
}

function cacheApi(module: unknown = cache): CacheApi | string {
  const api = module as Partial<Record<keyof CacheApi, unknown>> | undefined
  for (const name of ['isFeatureAvailable', 'restoreCache', 'saveCache'] as const) {
    if (typeof api?.[name] !== 'function') return `@actions/cache has no ${name} here`
  }
  return api as CacheApi
}

export class ResultCache {
  private disabledBecause: string | undefined
  private readonly api: CacheApi | undefined
  /** The last operation queued per key: each key's operations run one at a time. */
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(
    enabled: boolean,
    private readonly workspace: string,
    module: unknown = cache,
  ) {
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
   * Looks for the clip or a pending task of `key`. A clip is copied to `destination(task)`; with `wantClip`
   * false (the run does not download), a cached clip is passed over and only a pending task is reported.
   */
  async lookup(key: string, destination: (task: Task) => string, wantClip: boolean): Promise<CacheLookup> {
    if (!this.enabled) return undefined
    return this.serialised(key, () => this.lookupNow(key, destination, wantClip))
  }

  private async lookupNow(key: string, destination: (task: Task) => string, wantClip: boolean): Promise<CacheLookup> {
    const { relative, absolute } = this.directoryFor(key)
    try {
      const matched = await this.attempt('restore', (api) => api.restoreCache([relative], key, [`${key}-pending-`]))
      if (matched !== undefined && typeof matched !== 'string') throw new Error('the cache answered with something that is not a key')
      if (matched === key) return wantClip ? await this.readClip(key, absolute, destination) : undefined
      if (matched?.startsWith(`${key}-pending-`)) {
        const { taskId } = JSON.parse(await readFile(path.join(absolute, PENDING_FILE), 'utf8')) as { taskId?: unknown }
        if (isValidTaskId(taskId)) return { kind: 'pending', taskId }
        log.warning(`Cache entry for ${key} holds no valid task id (${describeBadTaskId(taskId)}); going on without it.`)
        return undefined
      }
      return undefined
    } catch (error) {
      log.warning(`Cache entry for ${key} could not be used (${messageOf(error)}); going on without it.`)
      return undefined
    } finally {
      await removeLeftover(absolute)
    }
  }

  /**
   * What the cache holds for `key`, without restoring or saving anything (the dry run's question): the clip,
   * a pending task of an earlier run, nothing, or undefined when the cache is off or cannot be asked.
   */
  async peek(key: string): Promise<'clip' | 'pending' | 'none' | undefined> {
    if (!this.enabled) return undefined
    const { relative } = this.directoryFor(key)
    const matched = await this.attempt('restore', (api) => api.restoreCache([relative], key, [`${key}-pending-`], { lookupOnly: true }))
    if (!this.enabled) return undefined
    return matched === key ? 'clip' : matched?.startsWith(`${key}-pending-`) ? 'pending' : 'none'
  }

  private async readClip(key: string, directory: string, destination: (task: Task) => string): Promise<CacheLookup> {
    const task = taskSchema.parse(parseJsonSafely(await readFile(path.join(directory, TASK_FILE), 'utf8')))
    const meta = JSON.parse(await readFile(path.join(directory, META_FILE), 'utf8')) as { sha256: string; madeBy?: unknown }
    const madeBy = runOriginSchema.safeParse(meta.madeBy)
    const target = destination(task)
    // The clip goes where a download would: checked again once its folder exists and right before the rename.
    const copied = await copyFileAtomically(path.join(directory, CLIP_FILE), target, () => recheckDestination(target, this.workspace))
    if (copied.sha256 !== meta.sha256) {
      await removeLeftover(target)
      throw new Error(`the restored clip of ${key} does not match its checksum`)
    }
    const clip: RestoredClip = { task, path: target, sha256: copied.sha256, bytes: copied.bytes }
    if (madeBy.success) clip.madeBy = madeBy.data
    return { kind: 'clip', clip }
  }

  /** Saves a downloaded clip with its final task JSON under `key`. */
  async saveClip(key: string, task: Task, clipPath: string, sha256: string): Promise<void> {
    await this.save(key, key, async (directory) => {
      // A hard link costs no copy; a copy is the fallback (another file system, or no links there).
      await link(clipPath, path.join(directory, CLIP_FILE)).catch(() => copyFileAtomically(clipPath, path.join(directory, CLIP_FILE)))
      // Only the known task fields (taskSchema projects them), and never the key, even echoed by a server.
      await writeFile(path.join(directory, TASK_FILE), redact(JSON.stringify(taskSchema.parse(task))))
      await writeFile(path.join(directory, META_FILE), JSON.stringify({ sha256, madeBy: await currentRun() }))
    })
  }

  /** Records a just-submitted task, so a re-run of a timed-out or cancelled job resumes it instead of paying again. */
  async savePendingTaskId(key: string, taskId: string): Promise<void> {
    // Entries are immutable: each submission gets its own key (time, then random: two in one millisecond
    // still differ); lookup picks the newest by prefix.
    await this.save(key, `${key}-pending-${Date.now()}-${randomBytes(4).toString('hex')}`, (directory) =>
      writeFile(path.join(directory, PENDING_FILE), redact(JSON.stringify({ taskId }))),
    )
  }

  /** Never rejects: a cache that fails is a warning, and the clip's result stands. */
  private async save(key: string, entryKey: string, stage: (directory: string) => Promise<void>): Promise<void> {
    if (!this.enabled) return
    await this.serialised(key, () => this.saveNow(key, entryKey, stage)).catch((error: unknown) => {
      log.warning(`Could not save the cache entry ${entryKey} (${messageOf(error)}); going on without it.`)
    })
  }

  private async saveNow(key: string, entryKey: string, stage: (directory: string) => Promise<void>): Promise<void> {
    if (!this.enabled) return
    const { relative, absolute } = this.directoryFor(key)
    try {
      await rm(absolute, { recursive: true, force: true })
      await mkdir(absolute, { recursive: true })
      await stage(absolute)
      const id = await this.attempt('save', (api) => api.saveCache([relative], entryKey))
      // saveCache reports its own failures (and returns -1) rather than throwing. For a key no one else can
      // have taken, that means the service is in trouble: stop using it for this run.
      if (typeof id === 'number' && id !== -1) log.info(`Saved to the Actions cache as ${entryKey}.`)
      else if (entryKey !== key) this.turnOff(`saving ${entryKey} failed`)
    } catch (error) {
      log.warning(`Could not stage the cache entry ${entryKey} (${messageOf(error)}); going on without it.`)
    } finally {
      await removeLeftover(absolute)
    }
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
