// @actions/cache, loaded on first use. It is the largest part of the bundle (the Azure storage client comes
// with it) and many runs never touch it: a bad input fails before it, `cache: false` and the post step do
// without it, and a runner without the cache service is recognised from its variables alone. ncc puts it in
// a chunk of its own beside dist/index.js; this module has the same functions src/cache/result-cache.ts uses.
// An entry is restored with downloadEntry, never with restoreCache (which unpacks with tar into the workspace), and
// never downloaded past what its kind may hold (./entry-download.ts): the caller says, from the key that matched.
// What the library logs itself (tar command lines, transfer progress, keys) is plumbing: log.quietly makes it debug.
import path from 'node:path'
import type * as ActionsCache from '@actions/cache'
import { removeLeftover } from '../atomic-files'
import { messageOf } from '../errors'
import * as log from '../log'
import { OversizeEntryError, downloadEntryArchive } from './entry-download'
import type { DownloadedEntry, EntryLimit, EntryRead } from './entry-read'
import { readLocalActionEntry } from './local-action-cache'

let loaded: Promise<typeof ActionsCache> | undefined
const load = () => (loaded ??= import('@actions/cache'))

/**
 * Whether a cache service may be there, from the runner's variables only (no loading): false when neither
 * ACTIONS_CACHE_URL (cache service v1) nor ACTIONS_RESULTS_URL (v2) is set, as @actions/cache decides too.
 * The loaded module's own check runs before the first restore or save.
 */
export function isFeatureAvailable(): boolean {
  return Boolean(process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL)
}

/** The loaded module, after its own availability check (a stub without that check, as local-action's, passes). */
async function available(): Promise<typeof ActionsCache> {
  const cache = await load()
  if (typeof cache.isFeatureAvailable === 'function' && !cache.isFeatureAvailable()) {
    throw new Error('the Actions cache service is not configured on this runner')
  }
  return cache
}

/** @actions/cache's restoreCache, loaded on first use: only ever with `lookupOnly` (it unpacks nothing then). */
export async function restoreCache(...args: Parameters<typeof ActionsCache.restoreCache>): ReturnType<typeof ActionsCache.restoreCache> {
  return log.quietly(async () => (await available()).restoreCache(...args))
}

/** @actions/cache's saveCache, loaded on first use. */
export async function saveCache(...args: Parameters<typeof ActionsCache.saveCache>): ReturnType<typeof ActionsCache.saveCache> {
  return log.quietly(async () => (await available()).saveCache(...args))
}

const STAND_IN_WARNING =
  'Cache entries are not restored here: this @actions/cache is a stand-in (as @github/local-action has) that can only unpack an entry with tar into the workspace, which no entry is allowed to do. Entries are still saved.'
let standInNamed = false

export type { DownloadedEntry, EntryLimit } from './entry-read'

/**
 * What restoreCache does up to the download, and no further: the same version (from `paths` and the
 * compression, so entries saved by saveCache are found), the same service client (cache service v1 or v2) and
 * the same download, but no `tar -P -C <workspace>`: an entry anyone in the cache scope may have forged is
 * never unpacked by tar. Like restoreCache, a service error is a warning and a miss (undefined), never a throw.
 */
export async function downloadEntry(
  paths: string[],
  primaryKey: string,
  restoreKeys: string[],
  limit: EntryLimit,
): Promise<DownloadedEntry | undefined> {
  const module = await available() // a service that is not configured throws here, as before: the caller turns the cache off
  const read = await log.quietly(() => readEntry(module, paths, primaryKey, restoreKeys, limit))
  if (read.kind === 'found') return read.entry
  if (read.kind === 'failed' && read.refused) log.warning(read.reason)
  else if (read.kind === 'failed' && read.reason !== STAND_IN_REASON && read.reason !== UNREADABLE_REASON) {
    log.warning(`Failed to restore: ${read.reason}`)
  }
  return undefined
}

const STAND_IN_REASON = 'this @actions/cache is a stand-in that cannot restore an entry safely'
const UNREADABLE_REASON = 'the effective cache-mode does not permit reads'

/**
 * The read behind downloadEntry, telling "no such entry" from "the cache could not be read" (where restoreCache
 * answers undefined for both), so that downloadEntry words each. `limit` says, from the key that matched, how large
 * the entry may be (undefined: not an entry the caller reads, so it is not downloaded at all). Never throws; logs
 * nothing for a failure (the caller words it).
 */
async function readEntry(
  module: typeof ActionsCache,
  paths: string[],
  primaryKey: string,
  restoreKeys: string[],
  limit: EntryLimit,
): Promise<EntryRead> {
  if (typeof module.isFeatureAvailable !== 'function') {
    // A stand-in such as @github/local-action's keeps restoreCache and saveCache only, and its restoreCache can
    // only unpack an entry with tar into the workspace. local-action keeps each entry as a file: read that instead.
    const localFolder = process.env.LOCAL_ACTION_CACHE_PATH
    if (localFolder) return readLocalActionEntry(path.resolve(localFolder), primaryKey, restoreKeys, limit)
    if (!standInNamed) log.warning(STAND_IN_WARNING)
    standInNamed = true
    return { kind: 'failed', reason: STAND_IN_REASON }
  }
  let folder: string | undefined
  try {
    const [utils, config, client, twirp] = await Promise.all([
      import('@actions/cache/lib/internal/cacheUtils.js'),
      import('@actions/cache/lib/internal/config.js'),
      import('@actions/cache/lib/internal/cacheHttpClient.js'),
      import('@actions/cache/lib/internal/shared/cacheTwirpClient.js'),
    ])
    if (!config.isCacheReadable(config.getCacheMode())) {
      log.info(`Cache restore skipped: the effective cache-mode '${config.getCacheMode()}' does not permit reads.`)
      return { kind: 'failed', reason: UNREADABLE_REASON }
    }
    const compressionMethod = await utils.getCompressionMethod()
    let found: { key: string; url: string } | undefined
    const v2 = config.getCacheServiceVersion() === 'v2'
    if (v2) {
      const version = utils.getCacheVersion(paths, compressionMethod)
      const reply = await twirp.internalCacheTwirpClient().GetCacheEntryDownloadURL({ key: primaryKey, restoreKeys, version })
      if (reply.ok && reply.matchedKey && reply.signedDownloadUrl) found = { key: reply.matchedKey, url: reply.signedDownloadUrl }
    } else {
      const entry = await client.getCacheEntry([primaryKey, ...restoreKeys], paths, { compressionMethod })
      if (entry?.archiveLocation && entry.cacheKey) found = { key: entry.cacheKey, url: entry.archiveLocation }
    }
    const allowed = found && limit(found.key)
    if (!found || !allowed) return { kind: 'none' }
    log.debug(`Cache hit for${found.key === primaryKey ? '' : ' restore-key'}: ${found.key}`)
    folder = await utils.createTempDirectory()
    const archivePath = path.join(folder, utils.getCacheFileName(compressionMethod))
    const refusal = await downloadWithin(found.url, archivePath, allowed)
    if (refusal)
      return {
        kind: 'failed',
        refused: true,
        reason: `Cache entry ${found.key} refused: ${refusal}; nothing of it was kept, and it is not used.`,
      }
    const entry: DownloadedEntry = {
      matchedKey: found.key,
      archivePath,
      folder,
      compression: utils.getCacheFileName(compressionMethod).endsWith('.tgz') ? 'gzip' : 'zstd',
    }
    folder = undefined
    return { kind: 'found', entry }
  } catch (error) {
    return { kind: 'failed', reason: messageOf(error) }
  } finally {
    if (folder !== undefined) await removeLeftover(folder)
  }
}

/** Downloads the archive within its limit; the refusal in words when it is larger, else undefined. */
async function downloadWithin(url: string, archivePath: string, allowed: { maxBytes: number; kind: string }): Promise<string | undefined> {
  try {
    await downloadEntryArchive(url, archivePath, allowed.maxBytes, allowed.kind)
    return undefined
  } catch (error) {
    if (error instanceof OversizeEntryError) return error.message
    throw error
  }
}
