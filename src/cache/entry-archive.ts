// Reads a cache entry's archive (tar, compressed with zstd or gzip as @actions/cache chose) without tar(1):
// an entry may have been forged by anyone who can save one in the cache scope, so its members are judged
// before any byte of theirs is written, and only the few plain files this action saves are ever created, in
// a fresh private folder. The archive is read with tar-stream (a streaming tar parser that touches no file
// system: what is written, and where, is decided here).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { constants, createReadStream } from 'node:fs'
import { mkdtemp, open } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import { extract, type Header } from 'tar-stream'
import { capText, makeVisible } from '../security/visible-text'
import { parseJsonSafely } from '../foxapi/http'
import { removeLeftover } from '../atomic-files'

/** An entry refused as a whole: a member that is absolute, climbs out, is a link, a device or a FIFO, or is not one of ours. */
export class RefusedEntryError extends Error {}

/** A file unpacked from an entry, as written to the private folder. */
export interface UnpackedFile {
  path: string
  bytes: number
  sha256: string
}

/** Bytes of tar structure (headers, padding, the end blocks) allowed beyond the files' own caps. */
const STRUCTURE_BYTES = 1024 * 1024
/** Bytes read and decompressed at a time. */
const CHUNK_BYTES = 1024 * 1024
/** Members an entry may have (its folders and files); far more than any entry this action saves. */
const MAX_MEMBERS = 16

/**
 * Unpacks the files of `archive` that sit directly in `folder` (the cached path, `.foxapi-video-cache/<hash>`)
 * into `into`, a fresh private folder. `allowed` names each file an entry may hold and its size cap. Refuses
 * the whole entry (RefusedEntryError, after which `into` is to be removed) on any member that is not a folder on
 * the way to `folder` or an allowed plain file in it: absolute names, `..`, symbolic and hard links, devices,
 * FIFOs and unknown names are never written anywhere. Each file is created new (O_EXCL, O_NOFOLLOW).
 */
export async function unpackEntry(
  archive: { archivePath: string; compression: 'gzip' | 'zstd' },
  folder: string,
  into: string,
  allowed: ReadonlyMap<string, number>,
): Promise<Map<string, UnpackedFile>> {
  const files = new Map<string, UnpackedFile>()
  const folders = new Set<string>()
  for (let at = folder; at !== '.' && at !== ''; at = path.posix.dirname(at)) folders.add(at)
  const budget = [...allowed.values()].reduce((sum, bytes) => sum + bytes, STRUCTURE_BYTES)
  let members = 0

  const reader = extract()
  reader.on('entry', (header: Header, stream, next) => {
    // A refused or broken entry ends the whole read (the pipeline's error); the member's own stream is then
    // destroyed with it, and that error needs a listener so it cannot end the process.
    stream.on('error', () => undefined)
    const refuse = (why: string) => {
      stream.resume()
      next(new RefusedEntryError(`its member ${shown(header.name)} ${why}`))
    }
    if (++members > MAX_MEMBERS) return refuse(`is one of more than ${MAX_MEMBERS} members`)
    const problem = nameProblem(header.name)
    if (problem !== undefined) return refuse(problem)
    const name = header.name.replace(/\/+$/, '')
    if (header.type === 'directory') {
      if (!folders.has(name)) return refuse(`is a folder outside ${folder}`)
      stream.resume()
      return next()
    }
    if (header.type !== 'file') return refuse(`is ${TYPE_NAMES[header.type ?? ''] ?? 'not a plain file'}`)
    const base = path.posix.basename(name)
    const cap = allowed.get(base)
    if (path.posix.dirname(name) !== folder || cap === undefined) return refuse(`is not a file this action saves`)
    if (files.has(base)) return refuse('appears twice')
    if (header.size > cap) return refuse(`is ${header.size} bytes, over the ${cap} allowed`)
    const target = path.join(into, base)
    writeMember(stream, target, cap).then(
      (written) => {
        files.set(base, written)
        next()
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    )
  })

  let seen = 0
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length
      if (seen > budget) callback(new RefusedEntryError(`it unpacks to more than ${budget} bytes`))
      else callback(null, chunk)
    },
  })
  await pipeline(decompressed(archive), meter, reader)
  return files
}

const TYPE_NAMES: Record<string, string> = {
  symlink: 'a symbolic link',
  link: 'a hard link',
  'character-device': 'a device',
  'block-device': 'a device',
  fifo: 'a FIFO',
  'contiguous-file': 'a contiguous file (not a plain file)',
}

/** Why a member's name is refused before its type is even looked at, or undefined. */
function nameProblem(name: string): string | undefined {
  if (name === '' || name.includes('\0')) return 'has no usable name'
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\')) return 'has an absolute name'
  if (name.split('/').some((part) => part === '..' || part === '.')) return 'has a `..` or `.` in its name'
  return undefined
}

/** A member's name as a warning may show it: one line, visible characters, short. */
function shown(name: string): string {
  return JSON.stringify(makeVisible(capText(name, 120)))
}

/** Writes one member to a new file (never through a link), counting and hashing its bytes. */
async function writeMember(stream: AsyncIterable<unknown>, target: string, cap: number): Promise<UnpackedFile> {
  const handle = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600)
  const hash = createHash('sha256')
  let bytes = 0
  try {
    for await (const data of stream) {
      const chunk = data as Buffer
      bytes += chunk.length
      if (bytes > cap) throw new RefusedEntryError(`its member ${path.basename(target)} is over the ${cap} bytes allowed`)
      hash.update(chunk)
      await handle.write(chunk)
    }
  } finally {
    await handle.close()
  }
  return { path: target, bytes, sha256: hash.digest('hex') }
}

/** The archive's tar bytes: gzip with zlib; zstd with zlib where Node has it (22.15 and later), else with zstd(1). */
function decompressed({ archivePath, compression }: { archivePath: string; compression: 'gzip' | 'zstd' }): Readable {
  // Large chunks: a clip is megabytes, and every chunk costs a write.
  const file = createReadStream(archivePath, { highWaterMark: CHUNK_BYTES })
  if (compression === 'gzip') return file.pipe(zlib.createGunzip({ chunkSize: CHUNK_BYTES }))
  if (typeof zlib.createZstdDecompress === 'function') return file.pipe(zlib.createZstdDecompress({ chunkSize: CHUNK_BYTES }))
  file.destroy()
  // @actions/cache made a zstd archive only because zstd(1) is on this runner.
  const child = spawn('zstd', ['-d', '-c', '-q', '--', archivePath], { stdio: ['ignore', 'pipe', 'ignore'] })
  child.on('close', (code) => {
    if (code !== 0) child.stdout.destroy(new Error(`zstd could not decompress the archive (exit code ${String(code)})`))
  })
  return child.stdout
}

/**
 * Reads a downloaded entry's `allowed` members (see unpackEntry) into a fresh private folder (mode 0700) under
 * the runner's temp folder, outside the workspace, the only place an entry's files are created; hands them to
 * `use`; then removes that folder and the downloaded archive's own folder, whatever happened.
 */
export async function withUnpackedEntry<T>(
  entry: { archivePath: string; compression: 'gzip' | 'zstd'; folder: string },
  folder: string,
  allowed: ReadonlyMap<string, number>,
  use: (files: Map<string, UnpackedFile>) => Promise<T>,
): Promise<T> {
  let into: string | undefined
  try {
    into = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'foxapi-video-entry-'))
    return await use(await unpackEntry(entry, folder, into, allowed))
  } finally {
    if (into !== undefined) await removeLeftover(into)
    await removeLeftover(entry.folder)
  }
}

/**
 * A small JSON file of an unpacked entry, opened without following a link and read up to `maxBytes`. What it
 * holds never appears in an error: a file that is not JSON is named (`name`), not quoted.
 */
export async function readEntryJson(file: string, name: string, maxBytes: number): Promise<unknown> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW)
  try {
    const stat = await handle.stat()
    if (!stat.isFile() || stat.size > maxBytes) throw new Error(`${name} is not a small plain file`)
    const buffer = Buffer.alloc(stat.size)
    const { bytesRead } = await handle.read(buffer, 0, stat.size, 0)
    const parsed = parseJsonSafely(buffer.subarray(0, bytesRead).toString('utf8'))
    if (parsed === undefined) throw new Error(`${name} is not JSON`)
    return parsed
  } finally {
    await handle.close()
  }
}
