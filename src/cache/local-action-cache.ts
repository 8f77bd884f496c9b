// Cache entries of @github/local-action (`npm run local-action`), read without its stand-in's restoreCache. That
// stand-in can only unpack an entry with `tar -P -C <workspace>`, which this action never lets an entry do; but it
// keeps each entry as a plain archive file in LOCAL_ACTION_CACHE_PATH, named `<key>-<version>.cache`. So a local run
// finds the entry the way the cache service does (for each key in order: that key exactly, else the newest entry whose
// key starts with it) and hands a copy of its archive to the same reader as any downloaded entry
// (./entry-archive.ts: member by member, believed only with its proof). Only used when @actions/cache is that
// stand-in and LOCAL_ACTION_CACHE_PATH names a folder.
import { copyFile, mkdtemp, open, readdir, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { removeLeftover } from '../atomic-files'
import { messageOf } from '../errors'
import type { DownloadedEntry, EntryLimit, EntryRead } from './entry-read'

/** `<key>-<version>.cache`: the version is the SHA-256 (hex) of the entry's paths and compression. */
const ENTRY_FILE = /^(.+)-[0-9a-f]{64}\.cache$/

/** Reads the entry `primaryKey` (or a restore key) names from local-action's cache folder `folder`. */
export async function readLocalActionEntry(
  folder: string,
  primaryKey: string,
  restoreKeys: string[],
  limit: EntryLimit,
): Promise<EntryRead> {
  let files: { key: string; file: string; savedAt: number }[]
  try {
    const names = (await readdir(folder)).filter((name) => ENTRY_FILE.test(name))
    files = await Promise.all(
      names.map(async (name) => {
        const file = path.join(folder, name)
        return { key: ENTRY_FILE.exec(name)?.[1] ?? '', file, savedAt: (await stat(file)).mtimeMs }
      }),
    )
  } catch (error) {
    return { kind: 'failed', reason: `local-action's cache folder cannot be read (${messageOf(error)})` }
  }
  const found = matching(files, [primaryKey, ...restoreKeys])
  const allowed = found && limit(found.key)
  if (!found || !allowed) return { kind: 'none' }
  // The same size limit as a download from the cache service: an entry larger than its kind may hold is not copied.
  const size = (await stat(found.file).catch(() => undefined))?.size ?? 0
  if (size > allowed.maxBytes)
    return {
      kind: 'failed',
      refused: true,
      reason: `Cache entry ${found.key} refused: ${allowed.kind} of ${size} bytes, over the ${allowed.maxBytes} allowed; it is not used.`,
    }
  let copy: string | undefined
  try {
    copy = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'foxapi-local-entry-'))
    const archivePath = path.join(copy, 'cache.archive')
    await copyFile(found.file, archivePath)
    const entry: DownloadedEntry = { matchedKey: found.key, archivePath, folder: copy, compression: await compressionOf(archivePath) }
    copy = undefined
    return { kind: 'found', entry }
  } catch (error) {
    return { kind: 'failed', reason: `local-action's cache entry ${found.key} cannot be read (${messageOf(error)})` }
  } finally {
    if (copy !== undefined) await removeLeftover(copy)
  }
}

/** As the cache service matches: for each key in order, that key exactly, else the newest entry whose key starts with it. */
function matching<T extends { key: string; savedAt: number }>(files: T[], keys: string[]): T | undefined {
  for (const key of keys) {
    const exact = files.find((f) => f.key === key)
    if (exact) return exact
    const newest = files.filter((f) => f.key.startsWith(key)).sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : -1))[0]
    if (newest) return newest
  }
  return undefined
}

/** gzip by its magic bytes, else zstd (what @actions/cache writes when zstd is installed). */
async function compressionOf(file: string): Promise<'gzip' | 'zstd'> {
  const handle = await open(file, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0)
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b ? 'gzip' : 'zstd'
  } finally {
    await handle.close()
  }
}
