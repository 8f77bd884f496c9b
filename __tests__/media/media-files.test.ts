// The workspace files a request names: the path rules (relative, no `..`, no .git, no link on the way), one pass that
// sniffs and hashes, the kind and size a field takes, a file read once however often it is named, and the re-read for
// the upload that fails when the bytes are no longer those checked.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buffer } from 'node:stream/consumers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MediaChecker, readMediaFile } from '../../src/media/media-files'
import { workspaceRelativePath } from '../../src/media/media-path'
import { ChangedFileError, openVerifiedRead } from '../../src/media/verified-read'
import { sha256Of } from '../support/fixtures'
import { pngImage, putFile } from '../support/media-files'

let workspace: string
const IMAGE = pngImage(3, 3)
beforeEach(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-media-unit-'))
  putFile(workspace, 'assets/product.png', IMAGE)
})
afterEach(() => rmSync(workspace, { recursive: true, force: true }))

describe('workspaceRelativePath', () => {
  it.each([
    ['assets/product.png', 'assets/product.png'],
    ['./assets/product.png', 'assets/product.png'],
    ['assets//./product.png', 'assets/product.png'],
    ['assets\\product.png', 'assets/product.png'],
  ])('%s is %s', (value, relative) => {
    expect(workspaceRelativePath(value)).toEqual({ ok: true, relative })
  })

  it.each([
    ['/etc/passwd', /absolute path/],
    ['C:\\Users\\me\\a.png', /absolute path/],
    ['\\\\server\\share\\a.png', /absolute path/],
    ['../a.png', /climbs out/],
    ['assets/../../a.png', /climbs out/],
    ['assets/../product.png', /climbs out/],
    ['.', /the workspace itself/],
    ['.git/config', /\.git directory/],
    ['sub/.GIT/x.png', /\.git directory/],
    ['assets/CON.png', /a device on Windows/],
    ['a\0b.png', /not a usable file path/],
  ])('refuses %s', (value, problem) => {
    const result = workspaceRelativePath(value)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem).toMatch(problem)
  })
})

describe('readMediaFile and MediaChecker', () => {
  it('sniffs and hashes the file in one pass', () => {
    expect(readMediaFile('./assets/product.png', workspace)).toEqual({
      ok: true,
      file: {
        path: 'assets/product.png',
        type: expect.objectContaining({ name: 'png', mime: 'image/png' }),
        bytes: IMAGE.length,
        sha256: sha256Of(IMAGE),
      },
    })
  })

  it('hashes a file larger than one read (1 MiB) whole', () => {
    const big = Buffer.concat([IMAGE, Buffer.alloc(3 * 1024 * 1024 + 17, 9)])
    putFile(workspace, 'assets/big.png', big)
    const read = readMediaFile('assets/big.png', workspace)
    expect(read.ok && read.file.sha256).toBe(sha256Of(big))
    expect(read.ok && read.file.bytes).toBe(big.length)
  })

  it('holds the file to the kind and size the field takes', () => {
    const checker = new MediaChecker(workspace)
    expect(checker.check('assets/product.png', 'image', 'image_url').ok).toBe(true)
    expect(checker.check('assets/product.png', 'video', 'video_url')).toEqual({
      ok: false,
      problem: 'assets/product.png is a PNG image; video_url takes a video (MP4 or MOV)',
    })
    expect(checker.check('assets/product.png', 'image', 'image_url', 10)).toEqual({
      ok: false,
      problem: `assets/product.png is ${IMAGE.length} bytes; image_url takes at most 10 bytes (10 bytes)`,
    })
  })

  it('reads a file once per run, however many fields name it', () => {
    const checker = new MediaChecker(workspace)
    const first = checker.check('assets/product.png', 'image', 'image_url')
    rmSync(path.join(workspace, 'assets/product.png'))
    expect(checker.check('./assets/product.png', 'image', 'end_image_url')).toEqual(first)
  })

  it.skipIf(process.platform === 'win32')('refuses a link in the last component or on the way, and a link out of the workspace', () => {
    symlinkSync('product.png', path.join(workspace, 'assets/alias.png'))
    mkdirSync(path.join(workspace, 'real'))
    symlinkSync('../assets', path.join(workspace, 'real/assets'))
    const outside = mkdtempSync(path.join(os.tmpdir(), 'foxapi-outside-'))
    writeFileSync(path.join(outside, 'secret.png'), IMAGE)
    symlinkSync(outside, path.join(workspace, 'out'))
    try {
      for (const [value, link] of [
        ['assets/alias.png', 'assets/alias.png'],
        ['real/assets/product.png', 'real/assets'],
        ['out/secret.png', 'out'],
      ]) {
        const read = readMediaFile(value as string, workspace)
        expect(read.ok ? 'read' : read.problem).toBe(
          `${value} goes through a symlink (${link}); files to upload are never reached through a link`,
        )
      }
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })
})

describe('openVerifiedRead', () => {
  const checked = () => {
    const read = readMediaFile('assets/product.png', workspace)
    if (!read.ok) throw new Error(read.problem)
    return read.file
  }

  it('streams the very bytes that were checked', async () => {
    const stream = openVerifiedRead(checked(), workspace)
    expect((await buffer(stream)).equals(IMAGE)).toBe(true)
  })

  it('fails when the file changed since the check: other bytes of the same size, or another size', async () => {
    const file = checked()
    const changed = Buffer.from(IMAGE)
    changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 1
    writeFileSync(path.join(workspace, 'assets/product.png'), changed)
    await expect(buffer(openVerifiedRead(file, workspace))).rejects.toThrow(ChangedFileError)
    writeFileSync(path.join(workspace, 'assets/product.png'), Buffer.concat([IMAGE, Buffer.from('x')]))
    expect(() => openVerifiedRead(file, workspace)).toThrow(/assets\/product\.png changed since the inputs were checked/)
    rmSync(path.join(workspace, 'assets/product.png'))
    expect(() => openVerifiedRead(file, workspace)).toThrow(/not found/)
  })

  it('never passes on the last piece of a changed file', async () => {
    const file = checked()
    const changed = Buffer.from(IMAGE)
    changed[0] = 0
    writeFileSync(path.join(workspace, 'assets/product.png'), changed)
    const got: Buffer[] = []
    const stream = openVerifiedRead(file, workspace)
    await expect(
      (async () => {
        for await (const chunk of stream) got.push(chunk as Buffer)
      })(),
    ).rejects.toThrow(ChangedFileError)
    expect(Buffer.concat(got).length).toBeLessThan(IMAGE.length)
  })
})
