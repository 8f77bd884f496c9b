// MP4 files built to exhaust a reader: each is a real clip (simulator/mp4-writer.ts) with a few boxes changed
// or added, so that a few bytes declare millions or billions of samples. A reader that builds a list of what
// the boxes declare before counting runs out of memory; the action must end each as a clean `parses` failure.
//   fragments: a `moof/traf/tfhd/trun` after the clip, its run declaring 0xffffffff samples with no per-sample
//              fields (flags 0): 64 bytes declare four billion samples.
//   compact:   the video track's `stsz` replaced by an `stz2` of 12 million 4-bit sizes (6 MB of real bytes).
//   padding:   a `padb` (padding bits) box of 7 MiB (just within the 8 MiB of boxes the reader takes) in the video track's sample table: two entries a
//              byte, each an object in a reader that lists them. No sample count is involved, so a count check
//              does not see it: it stands for a bomb nobody has thought of yet, which only a memory limit stops.
// Written apart from the action's reader (mp4box), like the clips themselves.

/** Box types whose children are boxes (the path from the file to a sample table). */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl'])

/** Samples the `compact` bomb's `stz2` lists (two 4-bit sizes a byte). */
export const COMPACT_BOMB_SAMPLES = 12_000_000
/** Bytes of the `padding` bomb's `padb` entries. */
export const PADDING_BOMB_BYTES = 7 * 1024 * 1024

/** The clip followed by a movie fragment whose track run declares 0xffffffff samples (flags 0: no per-sample data). */
export function fragmentBombClip(clip: Buffer): Buffer {
  const tfhd = fullBox('tfhd', 0, 0, u32(1)) // track 1, no defaults
  const trun = fullBox('trun', 0, 0, u32(0xffff_ffff)) // sample_count, nothing per sample
  const moof = box('moof', fullBox('mfhd', 0, 0, u32(1)), box('traf', tfhd, trun))
  return Buffer.concat([clip, moof])
}

/** The clip with its first `stsz` replaced by an `stz2` listing COMPACT_BOMB_SAMPLES 4-bit sizes. */
export function compactSizesBombClip(clip: Buffer): Buffer {
  const sizes = Buffer.alloc(COMPACT_BOMB_SAMPLES / 2, 0x11) // every sample 1 byte: plausible, if absurd
  const stz2 = fullBox('stz2', 0, 0, Buffer.from([0, 0, 0, 4]), u32(COMPACT_BOMB_SAMPLES), sizes)
  return replaceBox(clip, 'stsz', () => stz2)
}

/** The clip with a `padb` box of PADDING_BOMB_BYTES entries added to its first sample table. */
export function paddingBitsBombClip(clip: Buffer): Buffer {
  const padb = fullBox('padb', 0, 0, u32(PADDING_BOMB_BYTES * 2), Buffer.alloc(PADDING_BOMB_BYTES))
  return replaceBox(clip, 'stsz', (old) => Buffer.concat([old, padb]))
}

/**
 * `clip` with its first box of `type` (found through the containers from the top) replaced by what `replace`
 * makes of it; every enclosing box's size is fixed, and when the movie comes before the samples, every chunk
 * offset moves by the change.
 */
export function replaceBox(clip: Buffer, type: string, replace: (old: Buffer) => Buffer): Buffer {
  const found = findBox(clip, type, 0, clip.length, [])
  if (!found) throw new Error(`the clip has no ${type} box`)
  const old = clip.subarray(found.start, found.end)
  const made = replace(old)
  const delta = made.length - old.length
  const out = Buffer.concat([clip.subarray(0, found.start), made, clip.subarray(found.end)])
  for (const parent of found.parents) out.writeUInt32BE(out.readUInt32BE(parent) + delta, parent)
  const moov = found.parents[0]
  const mdat = clip.indexOf('mdat', 0, 'latin1') - 4
  if (moov !== undefined && mdat > moov && delta !== 0) shiftChunkOffsets(out, delta)
  return out
}

/** Where a box is, and the starts of the boxes that hold it (outermost first). */
interface FoundBox {
  start: number
  end: number
  parents: number[]
}

/** Where the first box of `type` is, searching the containers from the top. */
function findBox(file: Buffer, type: string, from: number, to: number, parents: number[]): FoundBox | undefined {
  for (let at = from; at + 8 <= to;) {
    const size = file.readUInt32BE(at)
    const name = file.toString('latin1', at + 4, at + 8)
    if (size < 8 || at + size > to) return undefined
    if (name === type) return { start: at, end: at + size, parents }
    if (CONTAINERS.has(name)) {
      const inside = findBox(file, type, at + 8, at + size, [...parents, at])
      if (inside) return inside
    }
    at += size
  }
  return undefined
}

/** Adds `delta` to every `stco` entry of the file (its samples moved by that many bytes). */
function shiftChunkOffsets(file: Buffer, delta: number): void {
  for (let at = file.indexOf('stco', 0, 'latin1'); at >= 0; at = file.indexOf('stco', at + 4, 'latin1')) {
    const count = file.readUInt32BE(at + 8)
    for (let i = 0; i < count; i++) {
      const where = at + 12 + i * 4
      file.writeUInt32BE(file.readUInt32BE(where) + delta, where)
    }
  }
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts)
  return Buffer.concat([u32(body.length + 8), Buffer.from(type, 'latin1'), body])
}

function fullBox(type: string, version: number, flags: number, ...parts: Buffer[]): Buffer {
  return box(type, Buffer.from([version, (flags >> 16) & 0xff, (flags >> 8) & 0xff, flags & 0xff]), ...parts)
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(value >>> 0)
  return b
}
