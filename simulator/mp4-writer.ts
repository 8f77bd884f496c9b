// Writes small, real MP4 files for the simulator (and large sparse ones for `npm run bench`): ftyp, a moov
// with one H.264 (avc1 + avcC) video track and an optional AAC (mp4a + esds) audio track, each with a full
// sample table (stts, stsc, stsz, stco), and an mdat holding the samples. Durations, timescales, the track
// sizes in tkhd and the sample entry's width/height are those asked for, so an MP4 library reads back exactly
// that shape. The sample bytes are a fixed pattern, not decodable pictures: the action checks a clip's
// container (what the file says it is and whether it is whole), never its pixels.
// This is the other side of the contract, so it is written apart from the reader the action uses (mp4box).
import { c2paManifestBox } from './c2pa-box'

export interface ClipShape {
  width: number
  height: number
  /** Length in seconds. */
  seconds: number
  /** Video frames per second (default 24). */
  fps?: number
  /** An AAC audio track beside the video (default false). */
  audio?: boolean
  /** `moov` after `mdat`, as a camera or a non-faststart encoder writes it (default false: moov first). */
  moovLast?: boolean
  /** Bytes of each video sample (default 48). */
  videoSampleBytes?: number
  /** Leave the video track out (a sound-only file; default false). */
  noVideo?: boolean
  /** A C2PA manifest box (content credentials) right after `ftyp`, where C2PA writers put it (default false). */
  contentCredentials?: boolean
}

/** The parts of a file: what comes before the samples, how many sample bytes follow, and what comes after. */
export interface Mp4Layout {
  head: Buffer
  /** Bytes of sample data right after `head` (the mdat's payload). */
  payloadBytes: number
  tail: Buffer
}

const VIDEO_TIMESCALE = 12_288
const AUDIO_RATE = 48_000
const AUDIO_FRAME = 1_024
const AUDIO_SAMPLE_BYTES = 12
const MOVIE_TIMESCALE = 1_000

/** A whole small MP4 in memory (its sample bytes filled with a pattern, so equal shapes give equal files). */
export function writeMp4(shape: ClipShape): Buffer {
  const layout = mp4Layout(shape)
  const payload = Buffer.alloc(layout.payloadBytes)
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 31 + 7) & 0xff
  return Buffer.concat([layout.head, payload, layout.tail])
}

/** The file's boxes around its sample data: write `head`, then `payloadBytes` of anything, then `tail`. */
export function mp4Layout(shape: ClipShape): Mp4Layout {
  const fps = shape.fps ?? 24
  const frames = Math.max(1, Math.round(shape.seconds * fps))
  const frameDelta = Math.round(VIDEO_TIMESCALE / fps)
  const videoBytes = shape.videoSampleBytes ?? 48
  const audioFrames = shape.audio ? Math.max(1, Math.round((shape.seconds * AUDIO_RATE) / AUDIO_FRAME)) : 0
  const payloadBytes = frames * videoBytes + audioFrames * AUDIO_SAMPLE_BYTES
  const largeMdat = payloadBytes + 8 > 0xffff_ffff
  const mdatHeader = largeMdat
    ? Buffer.concat([u32(1), fourcc('mdat'), u64(payloadBytes + 16)])
    : Buffer.concat([u32(payloadBytes + 8), fourcc('mdat')])
  const fileType = box('ftyp', fourcc('isom'), u32(0x200), fourcc('isom'), fourcc('iso2'), fourcc('avc1'), fourcc('mp41'))
  const ftyp = shape.contentCredentials ? Buffer.concat([fileType, c2paManifestBox()]) : fileType
  const movieDuration = Math.round(shape.seconds * MOVIE_TIMESCALE)

  const moovAt = (dataStart: number) => {
    const videoOffsets = Array.from({ length: frames }, (_, i) => dataStart + i * videoBytes)
    const audioStart = dataStart + frames * videoBytes
    const audioOffsets = Array.from({ length: audioFrames }, (_, i) => audioStart + i * AUDIO_SAMPLE_BYTES)
    const tracks: Buffer[] = []
    if (!shape.noVideo) {
      tracks.push(
        trak({
          id: 1,
          handler: 'vide',
          timescale: VIDEO_TIMESCALE,
          mediaDuration: frames * frameDelta,
          movieDuration,
          width: shape.width,
          height: shape.height,
          entry: avc1(shape.width, shape.height),
          delta: frameDelta,
          sampleSize: videoBytes,
          offsets: videoOffsets,
        }),
      )
    }
    if (audioFrames > 0) {
      tracks.push(
        trak({
          id: 2,
          handler: 'soun',
          timescale: AUDIO_RATE,
          mediaDuration: audioFrames * AUDIO_FRAME,
          movieDuration,
          width: 0,
          height: 0,
          entry: mp4a(),
          delta: AUDIO_FRAME,
          sampleSize: AUDIO_SAMPLE_BYTES,
          offsets: audioOffsets,
        }),
      )
    }
    return box('moov', mvhd(movieDuration, tracks.length + 1), ...tracks)
  }

  if (shape.moovLast) {
    const head = Buffer.concat([ftyp, mdatHeader])
    return { head, payloadBytes, tail: moovAt(head.length) }
  }
  // The moov's size does not depend on the offsets' values: place it once to learn where the samples start.
  const sized = moovAt(0).length
  const head = Buffer.concat([ftyp, moovAt(ftyp.length + sized + mdatHeader.length), mdatHeader])
  return { head, payloadBytes, tail: Buffer.alloc(0) }
}

interface TrackSpec {
  id: number
  handler: 'vide' | 'soun'
  timescale: number
  mediaDuration: number
  movieDuration: number
  width: number
  height: number
  entry: Buffer
  delta: number
  sampleSize: number
  offsets: number[]
}

function trak(t: TrackSpec): Buffer {
  const audio = t.handler === 'soun'
  const tkhd = fullBox(
    'tkhd',
    0,
    3,
    u32(0),
    u32(0),
    u32(t.id),
    u32(0),
    u32(t.movieDuration),
    u32(0),
    u32(0),
    u16(0),
    u16(audio ? 1 : 0),
    u16(audio ? 0x0100 : 0),
    u16(0),
    MATRIX,
    u32(t.width * 0x10000),
    u32(t.height * 0x10000),
  )
  const mdhd = fullBox('mdhd', 0, 0, u32(0), u32(0), u32(t.timescale), u32(t.mediaDuration), u16(0x55c4), u16(0))
  const name = audio ? 'SoundHandler' : 'VideoHandler'
  const hdlr = fullBox('hdlr', 0, 0, u32(0), fourcc(t.handler), u32(0), u32(0), u32(0), Buffer.from(`${name}\0`, 'latin1'))
  const header = audio ? fullBox('smhd', 0, 0, u16(0), u16(0)) : fullBox('vmhd', 0, 1, u16(0), u16(0), u16(0), u16(0))
  const dinf = box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1)))
  const count = t.offsets.length
  const stbl = box(
    'stbl',
    fullBox('stsd', 0, 0, u32(1), t.entry),
    fullBox('stts', 0, 0, u32(1), u32(count), u32(t.delta)),
    fullBox('stsc', 0, 0, u32(1), u32(1), u32(1), u32(1)),
    fullBox('stsz', 0, 0, u32(t.sampleSize), u32(count)),
    fullBox('stco', 0, 0, u32(count), ...t.offsets.map(u32)),
  )
  return box('trak', tkhd, box('mdia', mdhd, hdlr, box('minf', header, dinf, stbl)))
}

function mvhd(duration: number, nextTrackId: number): Buffer {
  return fullBox(
    'mvhd',
    0,
    0,
    u32(0),
    u32(0),
    u32(MOVIE_TIMESCALE),
    u32(duration),
    u32(0x0001_0000),
    u16(0x0100),
    u16(0),
    u32(0),
    u32(0),
    MATRIX,
    Buffer.alloc(24),
    u32(nextTrackId),
  )
}

/** An H.264 High profile, level 4.0 sample entry (codec string avc1.640028). */
function avc1(width: number, height: number): Buffer {
  const sps = Buffer.from([0x67, 0x64, 0x00, 0x28, 0xac, 0xd9, 0x40])
  const pps = Buffer.from([0x68, 0xeb, 0xe3, 0xcb])
  const avcC = box('avcC', Buffer.from([1, 0x64, 0x00, 0x28, 0xff, 0xe1]), u16(sps.length), sps, Buffer.from([1]), u16(pps.length), pps)
  const compressor = Buffer.alloc(32)
  return box(
    'avc1',
    Buffer.alloc(6),
    u16(1),
    u16(0),
    u16(0),
    Buffer.alloc(12),
    u16(width),
    u16(height),
    u32(0x0048_0000),
    u32(0x0048_0000),
    u32(0),
    u16(1),
    compressor,
    u16(0x0018),
    u16(0xffff),
    avcC,
  )
}

/** An AAC-LC, 48 kHz stereo sample entry (codec string mp4a.40.2). */
function mp4a(): Buffer {
  const specific = descriptor(5, Buffer.from([0x11, 0x90]))
  const decoderConfig = descriptor(4, Buffer.concat([Buffer.from([0x40, 0x15, 0, 0, 0]), u32(128_000), u32(128_000), specific]))
  const es = descriptor(3, Buffer.concat([u16(2), Buffer.from([0]), decoderConfig, descriptor(6, Buffer.from([2]))]))
  return box(
    'mp4a',
    Buffer.alloc(6),
    u16(1),
    Buffer.alloc(8),
    u16(2),
    u16(16),
    u16(0),
    u16(0),
    u32(AUDIO_RATE * 0x10000),
    fullBox('esds', 0, 0, es),
  )
}

const MATRIX = Buffer.concat([0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000].map(u32))

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts)
  return Buffer.concat([u32(body.length + 8), fourcc(type), body])
}

function fullBox(type: string, version: number, flags: number, ...parts: Buffer[]): Buffer {
  return box(type, Buffer.from([version, (flags >> 16) & 0xff, (flags >> 8) & 0xff, flags & 0xff]), ...parts)
}

function descriptor(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag, body.length]), body])
}

function fourcc(text: string): Buffer {
  return Buffer.from(text, 'latin1')
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2)
  b.writeUInt16BE(value & 0xffff)
  return b
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(value >>> 0)
  return b
}

function u64(value: number): Buffer {
  const b = Buffer.alloc(8)
  b.writeBigUInt64BE(BigInt(value))
  return b
}
