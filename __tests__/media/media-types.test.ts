// The type of a media file, told from its first bytes: every type FoxAPI's models take, and what it refuses.
import { describe, expect, it } from 'vitest'
import { clipFor } from '../../simulator/foxapi-simulator'
import { describeUnknown, sniffMediaType } from '../../src/media/media-types'
import { pngImage } from '../support/media-files'

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))))
const ftyp = (brand: string) => bytes([0, 0, 0, 24], 'ftyp', brand, [0, 0, 0, 0])

describe('sniffMediaType', () => {
  it.each([
    ['a real PNG', pngImage(2, 2), 'png', 'image'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), 'jpeg', 'image'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'gif', 'image'],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), 'gif', 'image'],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'webp', 'image'],
    ['the simulator’s real MP4', clipFor({}), 'mp4', 'video'],
    ['MP4 (isom)', ftyp('isom'), 'mp4', 'video'],
    ['MOV (qt)', ftyp('qt  '), 'mov', 'video'],
    ['an old QuickTime file without ftyp', bytes([0, 0, 0, 8], 'moov'), 'mov', 'video'],
    ['M4A', ftyp('M4A '), 'm4a', 'audio'],
    ['WAV', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'wav', 'audio'],
    ['OGG', bytes('OggS', [0, 2]), 'ogg', 'audio'],
    ['MP3 with an ID3 tag', bytes('ID3', [4, 0, 0]), 'mp3', 'audio'],
    ['MP3 frame (MPEG-1 layer III)', bytes([0xff, 0xfb, 0x90, 0x64]), 'mp3', 'audio'],
    ['AAC in ADTS', bytes([0xff, 0xf1, 0x50, 0x80]), 'aac', 'audio'],
  ])('%s is %s (%s)', (_name, head, name, kind) => {
    expect(sniffMediaType(head.subarray(0, 16))).toMatchObject({ name, kind })
  })

  it.each([
    ['an empty file', bytes(), /^empty$/],
    ['text', bytes('hello, fox\n'), /^text$/],
    ['an HTML page', bytes('<!doctype html>'), /^text$/],
    ['HEIC', ftyp('heic'), /HEIF or AVIF image/],
    ['AVIF', ftyp('avif'), /HEIF or AVIF image/],
    ['PDF', bytes('%PDF-1.7\n'), /PDF document/],
    ['BMP', bytes('BM', [0, 0, 0, 0]), /BMP image/],
    ['ZIP', bytes('PK', [3, 4, 20, 0]), /ZIP archive/],
    ['binary noise', bytes([0, 1, 2, 3, 4, 5, 6, 7]), /unknown type \(it starts 0001020304050607\)/],
    ['a PNG signature cut short', bytes([0x89, 0x50, 0x4e, 0x47]), /unknown type|text/],
  ])('%s is no media type (%s)', (_name, head, description) => {
    expect(sniffMediaType(head)).toBeUndefined()
    expect(describeUnknown(head)).toMatch(description)
  })
})
