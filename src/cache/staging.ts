// The workspace's staging folder (`.foxapi-video-cache`), where clip and pending-task entries are put together before
// @actions/cache archives them: made private when missing, used only when it is a plain folder (never through a
// link, never in place of a file), and removed at the end of a run (or by the post step after a kill). Kept apart
// from the cache itself, so that the post step's clean-up loads neither @actions/cache nor the network code.
import { lstat, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { removeLeftover } from '../atomic-files'
import { CACHE_DIRECTORY } from '../constants'
import { codeOf } from '../errors'

export { CACHE_DIRECTORY }

/**
 * Removes the cache staging directory once no clip uses it any more (the end of a run; the post step after a
 * kill). Only a plain folder is removed: a symbolic link or a file in its place (committed, say) is the
 * repository's, and the cache never used it (src/cache/result-cache.ts refuses it).
 */
export async function removeCacheStaging(workspace: string): Promise<void> {
  const staging = path.join(workspace, CACHE_DIRECTORY)
  const stat = await lstat(staging).catch(() => undefined)
  if (stat?.isDirectory()) await removeLeftover(staging)
}

/**
 * Readies the workspace's staging folder for a save, checked with lstat and never followed: made (private)
 * when missing. Returns why it cannot be used (a symbolic link or a file in its place, committed to the
 * repository, say), or undefined when it is a plain folder. Every entry is staged there.
 */
export async function stagingFolderProblem(workspace: string): Promise<string | undefined> {
  const root = path.join(workspace, CACHE_DIRECTORY)
  let stat = await lstat(root).catch((error: unknown) => {
    if (codeOf(error) === 'ENOENT') return undefined
    throw error
  })
  if (stat === undefined) {
    await mkdir(root, { mode: 0o700 }).catch((error: unknown) => {
      if (codeOf(error) !== 'EEXIST') throw error
    })
    stat = await lstat(root)
  }
  if (stat.isSymbolicLink() || !stat.isDirectory()) {
    return `${CACHE_DIRECTORY} in the workspace is ${stat.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}: the cache stages its entries there and never follows a link or replaces a file; remove it from the repository`
  }
  return undefined
}

/**
 * The entry folder `relative` (under the staging folder, which stagingFolderProblem found plain), emptied and
 * made anew, private, and checked to be a plain folder; its absolute path.
 */
export async function freshEntryFolder(workspace: string, relative: string): Promise<string> {
  const absolute = path.join(workspace, relative)
  await rm(absolute, { recursive: true, force: true })
  await mkdir(absolute, { mode: 0o700 })
  const stat = await lstat(absolute)
  if (stat.isSymbolicLink() || !stat.isDirectory()) throw new Error(`${relative} is not a plain folder`)
  return absolute
}
