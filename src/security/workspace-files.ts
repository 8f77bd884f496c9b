// Reading a file named by an input (`prompt-file`, `batch`) without being talked into reading something else.
// The file's text goes to FoxAPI and into the job summary, so a committed symlink to /proc/self/environ, an
// absolute or `../` path to an SSH key, or `.git/config` (which holds the checkout token) must never be read.
// Only a regular file inside the workspace (after resolving symlinks) and outside `.git/` is read, through
// one file descriptor that cannot block (a FIFO) and never more than the cap (/dev/zero).
import { closeSync, constants, fstatSync, openSync, readSync, readlinkSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { isWindowsDeviceName } from './portable-names'
import { codeOf, firstLineOf } from '../errors'

export type WorkspaceFileRead = { ok: true; text: string } | { ok: false; problem: string }

/** `open` flags: read only; never wait for a writer (FIFO) or a device; never follow a symlink in the last component. */
export const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0) | (constants.O_NOCTTY ?? 0)

/**
 * Reads `file` (relative to the workspace, or absolute inside it) as UTF-8 text of at most `maxBytes` bytes.
 * Exists so that every file an input names is read the same careful way; the problem text is what follows
 * `Input '<name>': ` in the step's error.
 */
export function readWorkspaceFile(file: string, workspace: string, maxBytes: number): WorkspaceFileRead {
  const shown = shownPath(file)
  const fail = (problem: string): WorkspaceFileRead => ({ ok: false, problem })
  if (file.includes('\0')) return fail(`${shown} is not a usable file path`)
  // On Windows such a name is a device in every folder (CON waits for console input), never a file to read.
  const device = file.split(/[\\/]/).find(isWindowsDeviceName)
  if (device !== undefined) return fail(`${shown} names ${shownPath(device)}, a device on Windows, not a file`)

  const root = realWorkspace(workspace)
  let real: string
  try {
    real = realpathSync.native(path.resolve(workspace, file))
  } catch (error) {
    const code = codeOf(error)
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail(`file ${shown} not found (looked in ${workspace})`)
    if (code === 'ELOOP') return fail(`${shown} is a symlink loop`)
    if (code === 'ENAMETOOLONG' || code === 'ERR_INVALID_ARG_VALUE') return fail(`${shown} is not a usable file path`)
    return fail(`cannot read ${shown} (${code ?? 'unknown error'})`)
  }
  const where = placeOf(real, root)
  if (where !== 'inside') return fail(refusal(shown, where, 'read'))

  let fd: number
  try {
    fd = openSync(real, OPEN_FLAGS)
  } catch (error) {
    const code = codeOf(error)
    // ELOOP: the last component became a symlink after it was resolved.
    if (code === 'ELOOP') return fail(`${shown} changed while it was being checked; not read`)
    if (code === 'EISDIR') return fail(`${shown} is a directory, not a file`)
    return fail(`cannot read ${shown} (${code ?? 'unknown error'})`)
  }
  try {
    const stats = fstatSync(fd)
    if (stats.isDirectory()) return fail(`${shown} is a directory, not a file`)
    if (!stats.isFile()) return fail(`${shown} is not a regular file (a device, FIFO or socket is never read)`)
    // A directory on the way may have been swapped for a symlink between resolving and opening: ask what was opened.
    const opened = openedPath(fd)
    if (opened !== undefined && placeOf(opened, root) !== 'inside') return fail(`${shown} changed while it was being checked; not read`)
    if (stats.size > maxBytes) return fail(`${shown} is ${stats.size} bytes; at most ${maxBytes} are allowed`)

    const buffer = Buffer.alloc(maxBytes + 1)
    let length = 0
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
    }
    if (length > maxBytes) return fail(`${shown} is over ${maxBytes} bytes; at most ${maxBytes} are allowed`)
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length)) }
    } catch {
      return fail(`${shown} is not UTF-8 text`)
    }
  } catch (error) {
    return fail(`cannot read ${shown} (${codeOf(error) ?? 'unknown error'})`)
  } finally {
    closeSync(fd)
  }
}

/**
 * An input that holds YAML/JSON inline or names a workspace file holding it (`batch`). Told apart by parsing,
 * never by the first character: a list or mapping is inline; a single plain value (`clips[v2].yml`,
 * `"clips.yml"`, `clips.yml # ours`) is a file name, and so is one line that is not YAML (`{team}-clips.yml`).
 * The file is read as readWorkspaceFile reads it.
 */
export function readInlineOrFile(
  inputName: string,
  value: string,
  workspace: string,
  maxBytes: number,
): { ok: true; data: unknown } | { ok: false; problem: string } {
  const parse = (text: string): { ok: true; data: unknown } | { ok: false; problem: string } => {
    try {
      return { ok: true, data: parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 }) }
    } catch (error) {
      return { ok: false, problem: `Input '${inputName}' is not valid JSON or YAML (${firstLineOf(error)})` }
    }
  }
  const inline = parse(value)
  if (inline.ok && typeof inline.data === 'object' && inline.data !== null) return inline
  if (!inline.ok && value.includes('\n')) return inline
  const file = inline.ok && typeof inline.data === 'string' && inline.data !== '' ? inline.data : value
  const read = readWorkspaceFile(file, workspace, maxBytes)
  if (read.ok) return parse(read.text)
  // One line that is neither YAML nor a file: say both, as either may have been meant.
  const notFound = read.problem.startsWith('file ') && !inline.ok
  return { ok: false, problem: notFound ? `${inline.problem}, nor a file: ${read.problem}` : `Input '${inputName}': ${read.problem}` }
}

/** Where a resolved path lies: inside the workspace, outside it, or in (or at) a `.git` directory. */
export type Place = 'inside' | 'outside' | 'git'

/** Classifies `target` (an absolute path) against the workspace `root`; both should be real (symlink-free) paths. */
export function placeOf(target: string, root: string): Place {
  const relative = path.relative(root, target)
  if (relative === '') return 'inside'
  if (path.isAbsolute(relative) || relative === '..' || relative.startsWith(`..${path.sep}`)) return 'outside'
  // Case-insensitive: on macOS and Windows runners `.GIT` is the same directory.
  return relative.split(path.sep).some((part) => part.toLowerCase() === '.git') ? 'git' : 'inside'
}

/** The reason a path is refused, for a message. */
export function refusal(shown: string, where: Exclude<Place, 'inside'>, verb: 'read' | 'written'): string {
  return where === 'git'
    ? `${shown} is inside a .git directory, which is never ${verb}`
    : `${shown} is outside the workspace (after resolving symlinks); only files in the workspace are ${verb}`
}

/** The workspace with symlinks resolved (as is, when it does not exist), so real paths can be compared with it. */
export function realWorkspace(workspace: string): string {
  try {
    return realpathSync.native(workspace)
  } catch {
    return path.resolve(workspace)
  }
}

/** The path of an open file as the kernel knows it (Linux); undefined where that cannot be asked. */
export function openedPath(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`)
  } catch {
    return undefined
  }
}

/** A path for a message: quoted only when it needs it, cut short when long. */
export function shownPath(file: string): string {
  const cut = file.length > 80 ? `${file.slice(0, 80)}…` : file
  return /^[\w./\\@+:~{}[\]-]+$/.test(cut) ? cut : JSON.stringify(cut)
}
