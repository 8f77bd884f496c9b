// What a media file is, told from its first bytes (its magic number), never from its name: the types FoxAPI's models
// take (images PNG, JPEG, WebP, GIF; videos MP4, MOV; audio MP3, WAV, M4A, AAC, OGG). Each signature is a few
// fixed bytes at a fixed offset, so a table says it; an MP4 or MOV video is then read whole by the MP4 reader
// (src/clip/clip-metadata.ts, mp4box) before anything is sent (src/run/check-media.ts).
import type { MediaKind } from '../models'

/** A type this action uploads. */
export interface MediaType {
  /** Short name, as results rows and messages show it: `png`, `mp4`, `m4a`. */
  name: string
  /** In words: `PNG image`. */
  label: string
  mime: string
  kind: MediaKind
}

const TYPES = {
  png: { name: 'png', label: 'PNG image', mime: 'image/png', kind: 'image' },
  jpeg: { name: 'jpeg', label: 'JPEG image', mime: 'image/jpeg', kind: 'image' },
  webp: { name: 'webp', label: 'WebP image', mime: 'image/webp', kind: 'image' },
  gif: { name: 'gif', label: 'GIF image', mime: 'image/gif', kind: 'image' },
  mp4: { name: 'mp4', label: 'MP4 video', mime: 'video/mp4', kind: 'video' },
  mov: { name: 'mov', label: 'QuickTime (MOV) video', mime: 'video/quicktime', kind: 'video' },
  mp3: { name: 'mp3', label: 'MP3 audio file', mime: 'audio/mpeg', kind: 'audio' },
  wav: { name: 'wav', label: 'WAV audio file', mime: 'audio/wav', kind: 'audio' },
  m4a: { name: 'm4a', label: 'M4A audio file', mime: 'audio/mp4', kind: 'audio' },
  aac: { name: 'aac', label: 'AAC audio file', mime: 'audio/aac', kind: 'audio' },
  ogg: { name: 'ogg', label: 'OGG audio file', mime: 'audio/ogg', kind: 'audio' },
} as const satisfies Record<string, MediaType>

/** How many first bytes sniffMediaType needs. */
export const SNIFF_BYTES = 16

/** What each kind takes, in words, for messages. */
export const KIND_TYPES: Readonly<Record<MediaKind, string>> = {
  image: 'an image (PNG, JPEG, WebP or GIF)',
  video: 'a video (MP4 or MOV)',
  audio: 'audio (MP3, WAV, M4A/AAC or OGG)',
}

/** `ftyp` brands of audio-only MP4 files (iTunes audio, audiobooks, Flash audio). */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A '])
/** `ftyp` brands of still images in the same container (HEIF, AVIF): not a type any model takes. */
const IMAGE_BRANDS = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis'])
/** The first atoms of an old QuickTime file written without `ftyp`. */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'])

const ascii = (head: Uint8Array, start: number, end: number) => Buffer.from(head.subarray(start, end)).toString('latin1')
const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) => bytes.every((byte, i) => head[at + i] === byte)

/** The type `head` (a file's first SNIFF_BYTES bytes, or all of a shorter file) starts like; undefined for any other. */
export function sniffMediaType(head: Uint8Array): MediaType | undefined {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png
  if (startsWith(head, [0xff, 0xd8, 0xff])) return TYPES.jpeg
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return TYPES.gif
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return TYPES.webp
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WAVE') return TYPES.wav
  if (ascii(head, 0, 4) === 'OggS') return TYPES.ogg
  const box = ascii(head, 4, 8)
  if (box === 'ftyp') {
    const brand = ascii(head, 8, 12)
    if (AUDIO_BRANDS.has(brand)) return TYPES.m4a
    if (IMAGE_BRANDS.has(brand)) return undefined
    return brand === 'qt  ' ? TYPES.mov : TYPES.mp4
  }
  if (QUICKTIME_ATOMS.has(box) && head.length >= 8) return TYPES.mov
  if (ascii(head, 0, 3) === 'ID3') return TYPES.mp3
  // Frame sync: eleven set bits. Layer bits 00 are AAC in ADTS; any other layer is MPEG audio (MP3).
  const [first = 0, second = 0] = head
  if (first === 0xff && (second & 0xf6) === 0xf0) return TYPES.aac
  if (first === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) !== 0) return TYPES.mp3
  return undefined
}

/** What a file that is none of the types seems to be, for the message that refuses it. */
export function describeUnknown(head: Uint8Array): string {
  if (head.length === 0) return 'empty'
  const brand = ascii(head, 4, 8) === 'ftyp' ? ascii(head, 8, 12) : ''
  if (IMAGE_BRANDS.has(brand)) return 'a HEIF or AVIF image, which no FoxAPI model takes (convert it to PNG or JPEG)'
  if (ascii(head, 0, 5) === '%PDF-') return 'a PDF document'
  if (ascii(head, 0, 2) === 'BM') return 'a BMP image (convert it to PNG or JPEG)'
  if (ascii(head, 0, 4) === 'PK\x03\x04') return 'a ZIP archive'
  if ([...head].every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f) || byte >= 0x80))
    return 'text'
  return `of an unknown type (it starts ${Buffer.from(head.subarray(0, 8)).toString('hex')})`
}
