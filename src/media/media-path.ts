// Opening a media file a request names by workspace path, without being talked into opening something else. Its bytes
// are uploaded to FoxAPI and served from a public URL, so the rule is stricter than for prompt-file (which may be
// reached through a symlink that stays inside the workspace): the path is relative, has no `..`, and no component
// on the way, from the workspace down to the file, is a link. Only a regular file is opened, through one file
// descriptor that cannot block (a FIFO), never follows a link, and is asked afterwards what it opened.
import { closeSync, fstatSync, lstatSync, openSync } from 'node:fs'
import path from 'node:path'
import { codeOf } from '../errors'
import { isWindowsDeviceName } from '../security/portable-names'
import { OPEN_FLAGS, openedPath, placeOf, realWorkspace, shownPath } from '../security/workspace-files'

/** An opened media file: the caller closes `fd`. */
export interface OpenedMedia {
  fd: number
  /** The path relative to the workspace, `/`-separated, without `./` (`assets/product.png`). */
  relative: string
  /** The absolute path, under the real (link-free) workspace. */
  absolute: string
  size: number
}

export type MediaOpening = { ok: true; file: OpenedMedia } | { ok: false; problem: string }

/**
 * `value` as a path relative to the workspace (`assets/product.png`, `./assets/product.png`): refused when absolute,
 * when it climbs out (`..`), when it goes through `.git`, or names a Windows device. Problems read after the path.
 */
export function workspaceRelativePath(value: string): { ok: true; relative: string } | { ok: false; problem: string } {
  const shown = shownPath(value)
  if (value.includes('\0')) return { ok: false, problem: `${shown} is not a usable file path` }
  if (path.posix.isAbsolute(value) || path.win32.isAbsolute(value))
    return { ok: false, problem: `${shown} is an absolute path; give a path relative to the workspace (e.g. assets/product.png)` }
  const parts = value.split(/[\\/]+/).filter((part) => part !== '' && part !== '.')
  if (parts.includes('..'))
    return { ok: false, problem: `${shown} climbs out of its folder (..); only files in the workspace are uploaded` }
  if (parts.length === 0) return { ok: false, problem: `${shown} names the workspace itself, not a file` }
  if (parts.some((part) => part.toLowerCase() === '.git'))
    return { ok: false, problem: `${shown} is inside a .git directory, which is never read` }
  // On Windows `a.png:name` is a hidden stream of a.png, not a file of its own.
  if (process.platform === 'win32' && parts.some((part) => part.includes(':')))
    return { ok: false, problem: `${shown} names a file stream (:), not a file` }
  const device = parts.find(isWindowsDeviceName)
  if (device !== undefined) return { ok: false, problem: `${shown} names ${shownPath(device)}, a device on Windows, not a file` }
  return { ok: true, relative: parts.join('/') }
}

/**
 * Opens the workspace file `value` names, after checking every component on the way is a real directory (no link,
 * junction or mount trick), and that what was opened is a regular file inside the workspace.
 */
export function openWorkspaceMedia(value: string, workspace: string): MediaOpening {
  const shown = shownPath(value)
  const fail = (problem: string): MediaOpening => ({ ok: false, problem })
  const parsed = workspaceRelativePath(value)
  if (!parsed.ok) return parsed
  const root = realWorkspace(workspace)
  const parts = parsed.relative.split('/')
  let current = root
  for (const [index, part] of parts.entries()) {
    current = path.join(current, part)
    const last = index === parts.length - 1
    let stats
    try {
      stats = lstatSync(current)
    } catch (error) {
      const code = codeOf(error)
      if (code === 'ENOENT' || code === 'ENOTDIR') return fail(`file ${shown} not found (looked in ${workspace})`)
      if (code === 'ENAMETOOLONG') return fail(`${shown} is not a usable file path`)
      return fail(`cannot read ${shown} (${code ?? 'unknown error'})`)
    }
    if (stats.isSymbolicLink())
      return fail(
        `${shown} goes through a symlink (${shownPath(parts.slice(0, index + 1).join('/'))}); files to upload are never reached through a link`,
      )
    if (!last && !stats.isDirectory())
      return fail(`file ${shown} not found (${shownPath(parts.slice(0, index + 1).join('/'))} is not a directory)`)
  }
  return openChecked(current, parsed.relative, root, shown)
}

/** Opens `absolute` (checked component by component) and checks what was opened. */
function openChecked(absolute: string, relative: string, root: string, shown: string): MediaOpening {
  const fail = (problem: string): MediaOpening => ({ ok: false, problem })
  let fd: number
  try {
    fd = openSync(absolute, OPEN_FLAGS)
  } catch (error) {
    const code = codeOf(error)
    // ELOOP: the last component became a symlink after it was checked.
    if (code === 'ELOOP') return fail(`${shown} changed while it was being checked (it is now a link); not read`)
    if (code === 'EISDIR') return fail(`${shown} is a directory, not a file`)
    if (code === 'ENOENT') return fail(`file ${shown} not found (looked in ${root})`)
    return fail(`cannot read ${shown} (${code ?? 'unknown error'})`)
  }
  const close = (problem: string): MediaOpening => {
    closeSync(fd)
    return fail(problem)
  }
  try {
    const stats = fstatSync(fd)
    if (stats.isDirectory()) return close(`${shown} is a directory, not a file`)
    if (!stats.isFile()) return close(`${shown} is not a regular file (a device, FIFO or socket is never read)`)
    // A directory on the way may have been swapped for a link between the checks and the open: ask what was opened.
    const opened = openedPath(fd)
    if (opened !== undefined && (placeOf(opened, root) !== 'inside' || opened !== absolute))
      return close(`${shown} changed while it was being checked; not read`)
    return { ok: true, file: { fd, relative, absolute, size: stats.size } }
  } catch (error) {
    return close(`cannot read ${shown} (${codeOf(error) ?? 'unknown error'})`)
  }
}
