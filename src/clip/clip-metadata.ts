// Reads a clip's real metadata (duration, size, codec, frame rate, audio) with GPAC's MP4Box.js (npm `mp4box`),
// and the structural checks that say whether the file is a whole, playable-looking MP4: it parses, it has a
// video track, and its sample table points nowhere past the end of the file.
// The file is fed to the library in chunks read through a file handle, never read whole: the library asks for
// the next position it needs (its answer to appendBuffer), so the samples (mdat) are skipped by seeking and a
// `moov` at the end of the file costs no more than one at the start. Every box that declares samples is counted
// before the library lists them (./sample-tables.ts). The library is loaded on first use.
// This module reads in the thread that calls it: the action calls it only through ./clip-reader.ts, which runs
// it in a worker thread under a memory and time limit (a bomb nobody has thought of ends there, not the step).
import { open, type FileHandle } from 'node:fs/promises'
import type { ISOFile, Movie, Track } from 'mp4box'
import { messageOf } from '../errors'
import { contentCredentialsIn, type ContentCredentials } from './content-credentials'
import { ImplausibleSampleTable, MAX_SAMPLES_PER_FILE, boundSampleTables, withSampleBudget } from './sample-tables'

/** What the file says it is. */
export interface ClipMetadata {
  /** Seconds (the movie's duration, or the video track's when the movie header gives none). */
  durationS: number
  width: number
  height: number
  /** The video track's codec string, e.g. `avc1.640028`. */
  codec: string
  /** Video frames per second (samples over the track's length), when the track has a length. */
  frameRate?: number
  hasAudio: boolean
  /** The first audio track's codec string, e.g. `mp4a.40.2`. */
  audioCodec?: string
  bytes: number
  /** Whether the file carries a C2PA manifest box (./content-credentials.ts). */
  contentCredentials?: ContentCredentials
}

/** Which structural check a broken file failed. */
export type StructuralCheck = 'parses' | 'video track' | 'complete'

export type ClipReading = { ok: true; metadata: ClipMetadata } | { ok: false; check: StructuralCheck; problem: string }

/** Bytes handed to the library at a time. */
export const READ_CHUNK_BYTES = 1024 * 1024
/**
 * Most bytes of a file handed to the library in all (the samples are skipped, so this is the boxes around them:
 * a real clip's `moov` is kilobytes). A file whose boxes need more is refused rather than held in memory.
 */
export const MAX_HEADER_BYTES = 8 * 1024 * 1024
type Mp4Box = typeof import('mp4box')
let library: Promise<Mp4Box> | undefined
/** mp4box, loaded once and on first use (its own chunk of the bundle), its sample-declaring boxes counted. */
export function loadLibrary(): Promise<Mp4Box> {
  library ??= import('mp4box').then((mp4box) => {
    // A few of the library's parse errors go straight to the console; here they reach the file's onError or nowhere.
    mp4box.Log.error = (module: string, message?: string, isofile?: { onError?: (module: string, message: string) => void }) =>
      isofile?.onError?.(module, message ?? '')
    boundSampleTables(mp4box.BoxParser.box)
    return mp4box
  })
  return library
}

/**
 * Reads `file`'s metadata and runs the structural checks. Never throws for what the file holds: a broken file
 * is `{ ok: false }` naming the check it failed (an unreadable path still throws).
 */
export async function readClipMetadata(file: string): Promise<ClipReading> {
  const mp4box = await loadLibrary()
  const handle = await open(file, 'r')
  try {
    const size = (await handle.stat()).size
    const reader = fileReader(mp4box)
    const unreadable = await feedFile(reader, mp4box, handle, size)
    if (unreadable) return unreadable
    const { mp4 } = reader
    const topLevel = topLevelProblem(mp4, size)
    if (topLevel) return topLevel
    if (!mp4.moov) {
      const why = reader.libraryError ? ` (${reader.libraryError})` : ''
      return broken('parses', `it holds no movie header (moov box): not a readable MP4${why}`)
    }
    const info = mp4.getInfo()
    const video = info.videoTracks[0]
    if (!video) return broken('video track', 'it has no video track')
    const samplePastEnd = sampleOutsideFile(mp4, info, size)
    if (samplePastEnd) return samplePastEnd
    return metadataOf(info, video, size, contentCredentialsIn(mp4.boxes))
  } finally {
    await handle.close()
  }
}

/** The library's reading of one file, and what it said on the way. */
interface FileReader {
  mp4: ISOFile
  /** The first error the library reported (made printable). */
  libraryError: string | undefined
  /** Whether the library has read the movie header (moov): nothing more is needed from the file. */
  ready: boolean
}

/** A new reading, with the library's own error reports routed to it (they would otherwise go to the console). */
function fileReader(mp4box: Mp4Box): FileReader {
  const reader: FileReader = { mp4: mp4box.createFile(), libraryError: undefined, ready: false }
  reader.mp4.onError = (module: string, message: string) => {
    reader.libraryError ??= printable(`${module}: ${message}`)
  }
  reader.mp4.onReady = () => {
    reader.ready = true
  }
  return reader
}

/**
 * Hands the file to the library in chunks, from where it asks to go on, until it has read the movie header, the
 * file ends or the library reports an error. A file whose boxes (the samples skipped) take more than
 * MAX_HEADER_BYTES, or whose sample table cannot be right, or that the library gives up on, fails `parses`.
 */
async function feedFile(reader: FileReader, mp4box: Mp4Box, handle: FileHandle, size: number): Promise<ClipReading | undefined> {
  const { mp4 } = reader
  let position = 0
  let handed = 0
  let budget = MAX_SAMPLES_PER_FILE
  // End of the bytes handed over in one run from the start, and whether the library is now fed only in order.
  let inOrderEnd = 0
  let inOrder = false
  let chunkBytes = READ_CHUNK_BYTES
  try {
    // Once the moov is read the library knows every sample's place: nothing more is needed from the file.
    while (position < size && !reader.ready && reader.libraryError === undefined) {
      const chunk = await readChunk(handle, position, Math.min(chunkBytes, size - position))
      if (chunk.byteLength === 0) break
      handed += chunk.byteLength
      if (handed > MAX_HEADER_BYTES) {
        return broken('parses', `its boxes other than the samples take more than ${MAX_HEADER_BYTES} bytes: not a clip this action reads`)
      }
      const last = position + chunk.byteLength >= size
      const appended = withSampleBudget(budget, () => mp4.appendBuffer(mp4box.MP4BoxBuffer.fromArrayBuffer(chunk, position), last))
      budget = appended.left
      const next = appended.result
      const end = position + chunk.byteLength
      if (position === inOrderEnd) inOrderEnd = end
      if (!inOrder && typeof next === 'number' && next > position)
        position = next // past an mdat it skips
      else if (!inOrder && inOrderEnd < end) {
        // It asked for a later position but cannot go on from there (it skipped a box it still needs, such as a
        // large `free` before the moov): from now on it gets the file in order, from where that run ended.
        inOrder = true
        position = inOrderEnd
      } else position = end
      // The library keeps the pieces of a box larger than a chunk and joins them each time one comes: pieces that
      // double in size keep those joins to a few times the box's size, where equal pieces would cost its square.
      chunkBytes = position === end ? Math.min(chunkBytes * 2, MAX_HEADER_BYTES) : READ_CHUNK_BYTES
    }
    if (!reader.ready) mp4.flush()
  } catch (error) {
    if (error instanceof ImplausibleSampleTable) return broken('parses', `its sample table cannot be right: ${error.message}`)
    return broken('parses', `the MP4 reader gave up on it (${printable(messageOf(error))})`)
  }
  return undefined
}

/**
 * The one place every top-level box of the file is seen, once the library has read what it needs: each is
 * checked here (and a check of another top-level box belongs here too). A box that claims more bytes than the
 * file has left means the file was cut short (an mdat, or a moov at the end).
 */
function topLevelProblem(mp4: ISOFile, size: number): ClipReading | undefined {
  for (const box of mp4.boxes) {
    const end = (box.start ?? 0) + (box.size ?? 0)
    if (end > size)
      return broken(
        'complete',
        `it is cut short: its ${printable(box.type)} box runs to byte ${end}, past the end of the ${size}-byte file`,
      )
  }
  return undefined
}

/** Every sample of every track must lie inside the file; a clip cut short in transit fails here. */
function sampleOutsideFile(mp4: ISOFile, info: Movie, size: number): ClipReading | undefined {
  for (const track of info.tracks) {
    const samples = mp4.getTrackSamplesInfo(track.id)
    let end = 0
    for (const sample of samples) {
      const sampleEnd = sample.offset + sample.size
      if (!Number.isFinite(sampleEnd)) {
        return broken(
          'complete',
          `its ${track.type ?? 'track'} ${track.id} sample table places sample ${sample.number + 1} in no chunk of the file`,
        )
      }
      end = Math.max(end, sampleEnd)
    }
    if (end > size) {
      return broken(
        'complete',
        `it is cut short: its ${track.type ?? 'track'} ${track.id} sample table points to byte ${end}, past the end of the ${size}-byte file`,
      )
    }
  }
  return undefined
}

/** The metadata of a file that passed the structural checks, from the movie and its first video and audio tracks. */
function metadataOf(info: Movie, video: Track, size: number, contentCredentials: ContentCredentials): ClipReading {
  const movieS = info.timescale > 0 ? info.duration / info.timescale : 0
  const trackS = video.timescale > 0 ? (video.samples_duration || video.duration) / video.timescale : 0
  const durationS = movieS > 0 ? movieS : trackS
  const width = video.video?.width || video.track_width
  const height = video.video?.height || video.track_height
  if (!(width > 0 && height > 0)) return broken('video track', 'its video track gives no picture size')
  const metadata: ClipMetadata = {
    durationS,
    width,
    height,
    codec: video.codec,
    hasAudio: info.audioTracks.length > 0,
    bytes: size,
    contentCredentials,
  }
  if (trackS > 0 && video.nb_samples > 0) metadata.frameRate = video.nb_samples / trackS
  const audio = info.audioTracks[0]
  if (audio) metadata.audioCodec = audio.codec
  return { ok: true, metadata }
}

/** Text from the file, made plain: anything but printable ASCII becomes `?` (a box type is four bytes of anything). */
function printable(text: string | undefined): string {
  return (text ?? '').replace(/[^\x20-\x7e]/g, '?').slice(0, 200)
}

/** A structural failure: the check and the problem, in words. */
export function broken(check: StructuralCheck, problem: string): ClipReading {
  return { ok: false, check, problem }
}

async function readChunk(handle: FileHandle, position: number, length: number): Promise<ArrayBuffer> {
  const buffer = new ArrayBuffer(length)
  const { bytesRead } = await handle.read(new Uint8Array(buffer), 0, length, position)
  return bytesRead === length ? buffer : buffer.slice(0, bytesRead)
}
