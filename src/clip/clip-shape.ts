// A clip's shape as people read it, for the summary and the log: "1080×1920 · 9:16 · 10.0 s · H.264 · audio".
import type { ClipMetadata } from './clip-metadata'

/** Width/height may differ from a named or requested ratio by this share (2 %). */
export const ASPECT_TOLERANCE = 0.02

/** Ratios named as such when the picture is within ASPECT_TOLERANCE of one. */
const NAMED_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', '9:21'] as const

/** Codec families by the sample entry's four letters. */
const CODEC_NAMES: Readonly<Record<string, string>> = {
  avc1: 'H.264',
  avc3: 'H.264',
  hvc1: 'H.265',
  hev1: 'H.265',
  av01: 'AV1',
  vp08: 'VP8',
  vp09: 'VP9',
  mp4v: 'MPEG-4 Visual',
}

/** `1080×1920 · 9:16 · 10.0 s · H.264 · audio` (or `no audio`). */
export function shapeLine(metadata: ClipMetadata): string {
  return [
    `${metadata.width}×${metadata.height}`,
    ratioName(metadata.width, metadata.height),
    `${metadata.durationS.toFixed(1)} s`,
    codecName(metadata.codec),
    metadata.hasAudio ? 'audio' : 'no audio',
  ].join(' · ')
}

/** The named ratio within 2 % of width:height (`9:16`), or the ratio as a number (`1.85:1`). */
export function ratioName(width: number, height: number): string {
  const ratio = width / height
  const named = NAMED_RATIOS.find((name) => Math.abs(ratio / ratioOf(name) - 1) <= ASPECT_TOLERANCE)
  return named ?? `${ratio.toFixed(2)}:1`
}

/** `16:9` → 1.777… */
export function ratioOf(name: string): number {
  const [w, h] = name.split(':').map(Number)
  return (w ?? Number.NaN) / (h ?? Number.NaN)
}

/** `avc1.640028` → `H.264`; a codec not listed keeps its string. */
export function codecName(codec: string): string {
  return CODEC_NAMES[codec.slice(0, 4)] ?? codec
}
