// Never pay twice: finished clips and in-flight task ids are kept in the Actions cache, keyed by a stable
// hash of the request. Any cache trouble is a warning; the action then goes on without the cache.
import { createHash } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as cache from '@actions/cache'
import * as core from '@actions/core'
import type { GenerationRequest } from './request-schema'
import { taskSchema, type Task } from './task'
import { copyFileAtomically } from './download'

const KEY_PREFIX = 'foxapi-video-v1'
const CLIP_FILE = 'clip.mp4'
const TASK_FILE = 'task.json'
const META_FILE = 'meta.json'
const PENDING_FILE = 'pending-task.json'

/** JSON with object keys sorted at every level, so key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** The cache key of a request: model, prompt, every parameter and media URL, plus the `cache-key` input. Never the API key. */
export function requestCacheKey(request: GenerationRequest, extra: string): string {
  const digest = createHash('sha256').update(canonicalJson(request)).update('\n').update(extra).digest('hex')
  return `${KEY_PREFIX}-${digest.slice(0, 40)}`
}

export interface CachedClip {
  task: Task
  sha256: string
  bytes: number
}

export class ResultCache {
  private disabledBecause: string | undefined
  private readonly root: string

  constructor(
    enabled: boolean,
    runnerTemp = process.env.RUNNER_TEMP || os.tmpdir(),
  ) {
    this.root = path.join(runnerTemp, 'foxapi-video-cache')
    if (!enabled) this.disabledBecause = 'cache: false'
    else if (!cache.isFeatureAvailable()) {
      this.warn('the Actions cache service is not configured on this runner')
    }
  }

  get enabled(): boolean {
    return this.disabledBecause === undefined
  }

  /** On a hit, copies the cached clip to `destination(task)` and returns what was cached. */
  async restoreClip(key: string, destination: (task: Task) => string): Promise<(CachedClip & { path: string }) | undefined> {
    const directory = this.directoryFor(key)
    const hit = await this.attempt('restore', () => cache.restoreCache([directory], key))
    if (hit === undefined) return undefined
    try {
      const task = taskSchema.parse(JSON.parse(await readFile(path.join(directory, TASK_FILE), 'utf8')))
      const meta = JSON.parse(await readFile(path.join(directory, META_FILE), 'utf8')) as { sha256: string; bytes: number }
      const target = destination(task)
      const copied = await copyFileAtomically(path.join(directory, CLIP_FILE), target)
      if (copied.sha256 !== meta.sha256) throw new Error('the restored clip does not match its checksum')
      return { task, sha256: meta.sha256, bytes: copied.bytes, path: target }
    } catch (error) {
      core.warning(`Cache entry ${key} could not be used (${messageOf(error)}); generating the clip instead.`)
      return undefined
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  }

  async saveClip(key: string, task: Task, clipPath: string, sha256: string, bytes: number): Promise<void> {
    if (!this.enabled) return
    const directory = this.directoryFor(key)
    try {
      await mkdir(directory, { recursive: true })
      await copyFileAtomically(clipPath, path.join(directory, CLIP_FILE))
      await writeFile(path.join(directory, TASK_FILE), JSON.stringify(task))
      await writeFile(path.join(directory, META_FILE), JSON.stringify({ sha256, bytes }))
      const id = await this.attempt('save', () => cache.saveCache([directory], key))
      if (id !== undefined && id !== -1) core.info(`Saved the clip to the Actions cache as ${key}.`)
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  }

  /** The id of a task an earlier run of the same request submitted, if any. */
  async restorePendingTaskId(key: string): Promise<string | undefined> {
    const directory = this.directoryFor(`${key}-pending`)
    const hit = await this.attempt('restore', () => cache.restoreCache([directory], `${key}-pending`, [`${key}-pending-`]))
    if (hit === undefined) return undefined
    try {
      const { taskId } = JSON.parse(await readFile(path.join(directory, PENDING_FILE), 'utf8')) as { taskId?: unknown }
      return typeof taskId === 'string' && taskId !== '' ? taskId : undefined
    } catch {
      return undefined
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  }

  /** Records a just-submitted task, so a re-run of a timed-out or cancelled job resumes it. */
  async savePendingTaskId(key: string, taskId: string): Promise<void> {
    if (!this.enabled) return
    const directory = this.directoryFor(`${key}-pending`)
    try {
      await mkdir(directory, { recursive: true })
      await writeFile(path.join(directory, PENDING_FILE), JSON.stringify({ taskId }))
      // Entries are immutable: each submission gets its own key; restore picks the newest by prefix.
      await this.attempt('save', () => cache.saveCache([directory], `${key}-pending-${Date.now()}`))
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  }

  private directoryFor(key: string): string {
    return path.join(this.root, createHash('sha256').update(key).digest('hex').slice(0, 16))
  }

  private async attempt<T>(what: 'save' | 'restore', operation: () => Promise<T>): Promise<T | undefined> {
    if (!this.enabled) return undefined
    try {
      return await operation()
    } catch (error) {
      this.warn(`${what} failed: ${messageOf(error)}`)
      return undefined
    }
  }

  private warn(reason: string): void {
    if (this.disabledBecause !== undefined) return
    this.disabledBecause = reason
    core.warning(`Result cache off for this run (${reason}); going on without it.`)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
