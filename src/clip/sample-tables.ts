// The sample tables of a file counted before the MP4 library lists them. A few bytes can declare billions of
// samples (a sample-size box with one size for all, a compact one of 4-bit sizes, a movie fragment's track run
// with nothing per sample), and the library builds one object per sample declared: a 64-byte box fills the heap.
// So each box that declares samples is replaced, in the library's box registry, by one that first reads its
// count with the library's own stream, charges it to the file's budget (MAX_SAMPLES_PER_FILE over every track
// and every fragment), refuses a table that lists more entries than its box holds, and only then lets the
// library's own parse run. A bomb that no count here sees is stopped by the reader's memory limit instead
// (./clip-reader.ts).

/**
 * Most samples a file's tracks may list in all (sample tables and movie fragments together). A 15-second clip has
 * about two thousand (video and audio); the limit keeps a hostile table from exhausting memory.
 */
export const MAX_SAMPLES_PER_FILE = 100_000

/** A file's sample table that declares more than it can hold, found before the library builds the sample list. */
export class ImplausibleSampleTable extends Error {}

/** The library's stream methods the counting boxes read with. */
interface BoxStream {
  getPosition(): number
  seek(position: number): unknown
  readUint8(): number
  readUint32(): number
}
interface LibraryBox {
  size: number
  hdr_size: number
}
type BoxClass = new (size?: number) => LibraryBox & { parse(stream: BoxStream): void }

/** What a sample-declaring box says, read from its payload (the stream at the box's version and flags). */
interface Declared {
  /** Samples the box declares. */
  count: number
  /** Bytes of the box's payload each declared sample takes (0: none, the count alone declares them). */
  bytesEach: number
  /** Bytes of the payload before the per-sample entries. */
  headerBytes: number
}

/** How each sample-declaring box's count is read: its fourcc → a reader of its payload's first fields. */
const DECLARING_BOXES: Record<string, (stream: BoxStream) => Declared> = {
  // version+flags, sample_size, sample_count, then a 4-byte size per sample only when sample_size is 0
  stsz: (stream) => {
    stream.readUint32()
    const sampleSize = stream.readUint32()
    return { count: stream.readUint32(), bytesEach: sampleSize === 0 ? 4 : 0, headerBytes: 12 }
  },
  // version+flags, reserved (3 bytes), field_size (bits: 4, 8 or 16), sample_count, then the packed sizes
  stz2: (stream) => {
    stream.readUint32()
    const fieldBits = stream.readUint32() & 0xff
    return { count: stream.readUint32(), bytesEach: fieldBits / 8, headerBytes: 12 }
  },
  // version+flags, sample_count, then optional fields the flags name, then per sample the fields the flags name
  trun: (stream) => {
    const flags = stream.readUint32() & 0xff_ffff
    const count = stream.readUint32()
    const headerBytes = 8 + (flags & 0x1 ? 4 : 0) + (flags & 0x4 ? 4 : 0)
    const fieldsEach = [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length
    return { count, bytesEach: 4 * fieldsEach, headerBytes }
  },
}

/** Samples the file being handed to the library may still list (set before each appendBuffer call, which is synchronous). */
let samplesLeft = MAX_SAMPLES_PER_FILE

/**
 * Runs `parse` (a synchronous call into the library) with `budget` samples left for the file, and returns its
 * result and the samples left after it. The budget is set per call, so that files read at once each keep their own.
 */
export function withSampleBudget<T>(budget: number, parse: () => T): { result: T; left: number } {
  samplesLeft = budget
  const result = parse()
  return { result, left: samplesLeft }
}

/**
 * Replaces, in the library's box registry, each box of DECLARING_BOXES by one that charges its count to the
 * file's budget and checks it against the bytes the box holds before the library's own parse runs. Idempotent.
 */
export function boundSampleTables(registry: Record<string, unknown>): void {
  for (const [fourcc, declared] of Object.entries(DECLARING_BOXES)) {
    const Library = registry[fourcc] as BoxClass | undefined
    if (!Library || (Library as { counted?: boolean }).counted) continue
    class Counted extends Library {
      static counted = true
      override parse(stream: BoxStream): void {
        const start = stream.getPosition()
        const { count, bytesEach, headerBytes } = declared(stream)
        stream.seek(start)
        charge(fourcc, count, bytesEach * count, this.size - this.hdr_size - headerBytes)
        super.parse(stream)
      }
    }
    registry[fourcc] = Counted
  }
}

/** Charges `count` samples to the file's budget; refuses a table whose entries take more bytes than its box has. */
function charge(fourcc: string, count: number, entryBytes: number, payloadBytes: number): void {
  if (count > samplesLeft) {
    throw new ImplausibleSampleTable(`its tracks list more than ${MAX_SAMPLES_PER_FILE} samples, more than this action reads`)
  }
  samplesLeft -= count
  if (entryBytes > Math.max(0, payloadBytes)) {
    throw new ImplausibleSampleTable(
      `a track's ${fourcc} box lists ${count} samples in ${Math.max(0, payloadBytes)} bytes, too few for them`,
    )
  }
}
