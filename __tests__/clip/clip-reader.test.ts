// The MP4 reader run in a worker thread under a memory limit (src/clip/clip-reader.ts), from the sources (the worker
// registers tsx): a bomb the counts do not see ends as a `parses` failure of that file, the file is closed before
// the answer comes, the next file is read as if nothing happened, and a file that cannot be opened still throws.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { paddingBitsBombClip } from '../../simulator/hostile-clips'
import { writeMp4 } from '../../simulator/mp4-writer'
import { READER_HEAP_MIB, readClip } from '../../src/clip/clip-reader'

const dir = mkdtempSync(path.join(os.tmpdir(), 'foxapi-reader-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const clip = writeMp4({ width: 1280, height: 720, seconds: 5 })
const fileWith = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name)
  writeFileSync(file, bytes)
  return file
}
/** Open file descriptors of this process (Linux), to see that a stopped reader left none open. */
const openFiles = () => (process.platform === 'linux' ? readdirSync('/proc/self/fd').length : 0)

describe('readClip (a worker with a memory limit)', () => {
  it('reads a clip as the reader does', async () => {
    expect(await readClip(fileWith('plain.mp4', clip))).toMatchObject({ ok: true, metadata: { width: 1280, height: 720, durationS: 5 } })
  })

  it('ends a bomb no count sees as a parses failure, closes the file, and reads the next clip as before', async () => {
    const before = openFiles()
    const bomb = fileWith('padding.mp4', paddingBitsBombClip(clip))
    const [hostile, next] = await Promise.all([readClip(bomb), readClip(fileWith('after.mp4', clip))])
    expect(hostile).toEqual({
      ok: false,
      check: 'parses',
      problem: `reading it took more than ${READER_HEAP_MIB} MiB of memory: not a clip this action reads`,
    })
    expect(next).toMatchObject({ ok: true, metadata: { durationS: 5 } })
    expect(openFiles()).toBe(before)
  })

  it('still throws for a file it cannot open', async () => {
    await expect(readClip(path.join(dir, 'missing.mp4'))).rejects.toThrow(/ENOENT/)
  })
})
