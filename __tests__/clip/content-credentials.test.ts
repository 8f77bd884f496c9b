// Content credentials (src/clip/content-credentials.ts): a clip carries them when one of its top-level boxes is a
// C2PA manifest store (a `uuid` box of the C2PA type). Read through the action's MP4 reader, on files the
// simulator's writer (simulator/mp4-writer.ts, simulator/c2pa-box.ts) makes apart from it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { c2paManifestBox } from '../../simulator/c2pa-box'
import { ENCODED_CLIP_FILE } from '../../simulator/foxapi-simulator'
import { writeMp4 } from '../../simulator/mp4-writer'
import { readClipMetadata } from '../../src/clip/clip-metadata'
import { contentCredentialsIn } from '../../src/clip/content-credentials'

const dir = mkdtempSync(path.join(os.tmpdir(), 'foxapi-c2pa-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
async function credentialsOf(bytes: Buffer): Promise<string | undefined> {
  const file = path.join(dir, `clip-${files++}.mp4`)
  writeFileSync(file, bytes)
  const reading = await readClipMetadata(file)
  if (!reading.ok) throw new Error(reading.problem)
  return reading.metadata.contentCredentials
}

const shape = { width: 720, height: 1280, seconds: 2 }

describe('content credentials', () => {
  it('are present when the clip has a C2PA manifest box, moov first or last', async () => {
    expect(await credentialsOf(writeMp4({ ...shape, contentCredentials: true }))).toBe('present')
    expect(await credentialsOf(writeMp4({ ...shape, contentCredentials: true, moovLast: true }))).toBe('present')
  })

  it("are absent from a clip without one, and from a real encoder's clip", async () => {
    expect(await credentialsOf(writeMp4(shape))).toBe('absent')
    expect(await credentialsOf(readFileSync(ENCODED_CLIP_FILE))).toBe('absent')
  })

  it('are absent when a uuid box of another type is there (XMP, say)', async () => {
    const xmp = c2paManifestBox()
    Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex').copy(xmp, 8) // the XMP uuid in place of C2PA's
    const clip = writeMp4({ ...shape, moovLast: true })
    const ftypEnd = clip.readUInt32BE(0)
    // Inserted after ftyp: the samples then start later than the moov says, which the reader does not mind.
    expect(await credentialsOf(Buffer.concat([clip.subarray(0, ftypEnd), xmp, clip.subarray(ftypEnd)]))).toBe('absent')
    const c2pa = c2paManifestBox()
    expect(await credentialsOf(Buffer.concat([clip.subarray(0, ftypEnd), c2pa, clip.subarray(ftypEnd)]))).toBe('present')
  })

  it('reads the extended type case-insensitively and ignores boxes that only look alike', () => {
    expect(contentCredentialsIn([{ type: 'uuid', uuid: 'D8FEC3D61B0E483C92975828877EC481' }])).toBe('present')
    expect(contentCredentialsIn([{ type: 'c2pa', uuid: 'd8fec3d61b0e483c92975828877ec481' }])).toBe('absent')
    expect(contentCredentialsIn([])).toBe('absent')
  })
})
