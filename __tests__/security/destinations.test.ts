// The pure pieces of the path checks: safe names, template expansion, inside/outside/.git, and the
// temporary-file allowance kept in step with temporaryPathFor (atomic-files.ts).
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { temporaryPathFor } from '../../src/atomic-files'
import { TEMPORARY_NAME_EXTRA_BYTES, destinationProblem, expandOutputPath, safeFileName } from '../../src/security/destinations'
import {
  MAX_ENTRY_NAME_CHARS,
  entryNameProblem,
  foldedName,
  isWindowsDeviceName,
  portableNameProblem,
} from '../../src/security/portable-names'
import { MAX_TASK_ID_LENGTH, isValidTaskId } from '../../src/security/task-id'
import { placeOf } from '../../src/security/workspace-files'

describe('safeFileName', () => {
  it.each([
    ['task-unified-1757165031-uyujaw3d', 'task-unified-1757165031-uyujaw3d'],
    ['../../etc/passwd', '.._.._etc_passwd'],
    ['a/b\\c d:e', 'a_b_c_d_e'],
    ['.', '_'],
    ['..', '__'],
    ['', '_'],
    ['fox ✨', 'fox__'],
    // Names Windows would change or treat as a device.
    ['take.', 'take_'],
    ['con', '_con'],
    ['NUL.mp4', '_NUL.mp4'],
    ['com1', '_com1'],
    ['console', 'console'],
  ])('%j → %j', (text, safe) => {
    expect(safeFileName(text)).toBe(safe)
    expect(portableNameProblem(safe)).toBeUndefined()
  })
})

describe('portableNameProblem', () => {
  it.each([
    ['a:b.mp4', /':'/],
    ['a<b', /'<'/],
    ['a>b', /'>'/],
    ['a"b', /'"'/],
    ['a|b', /'\|'/],
    ['a?b', /'\?'/],
    ['a*b', /'\*'/],
    ['a\tb', /a control character/],
    ['clips.', /ends with a dot or a space/],
    ['clips ', /ends with a dot or a space/],
    ['CON', /device name/],
    ['aux.tar.gz', /device name/],
    ['lpt9.mp4', /device name/],
  ])('%j is refused', (name, reason) => {
    expect(portableNameProblem(name)).toMatch(reason)
  })

  it.each(['clip.mp4', '.clip.mp4.a1b2c3d4e5f6.part', 'console.mp4', 'com10.mp4', 'a b', '.', '..', 'fox_2024-01-01T10-00'])(
    '%j is fine',
    (name) => {
      expect(portableNameProblem(name)).toBeUndefined()
    },
  )
})

describe('expandOutputPath', () => {
  it('fills in safe names, and the longest task id when the id is not known yet', () => {
    expect(expandOutputPath('clips/{name}-{task-id}.mp4', '../x', 'task-1')).toBe('clips/.._x-task-1.mp4')
    const placeholder = expandOutputPath('{task-id}', 'n', undefined)
    expect(placeholder).toBe('x'.repeat(MAX_TASK_ID_LENGTH))
    // The placeholder is the longest id the pattern lets in: any real id is at most as long.
    expect(isValidTaskId(placeholder)).toBe(true)
    expect(isValidTaskId(`${placeholder}x`)).toBe(false)
  })
})

describe('placeOf', () => {
  const root = path.resolve('/work/ws')
  it.each([
    ['/work/ws/clips/a.mp4', 'inside'],
    ['/work/ws', 'inside'],
    ['/work/ws/..foo/a.mp4', 'inside'],
    ['/work/wsx/a.mp4', 'outside'],
    ['/work/a.mp4', 'outside'],
    ['/work/ws/.git/config', 'git'],
    ['/work/ws/sub/.GIT/x', 'git'],
    ['/work/ws/.github/x', 'inside'],
  ])('%s is %s', (target, place) => {
    expect(placeOf(path.resolve(target), root)).toBe(place)
  })
})

it('allows for the temporary file name of every atomic write', () => {
  const name = 'a'.repeat(255 - TEMPORARY_NAME_EXTRA_BYTES)
  const temporary = path.basename(temporaryPathFor(path.join('/w', name)))
  expect(Buffer.byteLength(temporary)).toBe(255)
})

describe('Windows device names', () => {
  it.each(['CONIN$', 'conout$.mp4', 'CLOCK$', 'con .mp4', 'NUL  .tar.gz', 'com1 ', 'Lpt².mp4'])('%j is a device', (name) => {
    expect(isWindowsDeviceName(name)).toBe(true)
    expect(portableNameProblem(name)).toMatch(/device name|ends with a dot or a space/)
  })

  it.each(['conin', 'console.mp4', 'con_.mp4', 'xcon.mp4', 'clock.mp4'])('%j is not', (name) => {
    expect(isWindowsDeviceName(name)).toBe(false)
  })
})

describe('foldedName', () => {
  it('takes NFC and NFD spellings, and any case, for one name', () => {
    expect(foldedName('clips/café.mp4'.normalize('NFD'))).toBe(foldedName('clips/café.mp4'.normalize('NFC')))
    expect(foldedName('Clip.MP4')).toBe(foldedName('clip.mp4'))
    expect(foldedName('STRASSE')).toBe(foldedName('straße'))
    expect(foldedName('fox')).not.toBe(foldedName('fax'))
  })
})

describe('entryNameProblem', () => {
  it.each([
    ['a'.repeat(MAX_ENTRY_NAME_CHARS + 1), /101 characters long; at most 100/],
    ...['"', ':', '<', '>', '|', '*', '?', '\\', '/'].map((c): [string, RegExp] => [
      `fox${c}owl`,
      /an artifact name or a file name cannot hold/,
    ]),
    ['fox\nowl', /a control character/],
    ['fox\u007f', /a control character/],
    ['fox.', /ends with a dot or a space/],
    ['CONOUT$', /device name/],
    ['aux', /device name/],
  ])('%j is refused', (name, reason) => {
    expect(entryNameProblem(name)).toMatch(reason)
  })

  it.each(['fox', 'fox, at dawn', 'café ✨', 'clip-1', 'a'.repeat(MAX_ENTRY_NAME_CHARS), '🦊'.repeat(MAX_ENTRY_NAME_CHARS)])(
    '%j is fine',
    (name) => {
      expect(entryNameProblem(name)).toBeUndefined()
    },
  )
})

describe('destinationProblem and the cache staging folder', () => {
  const workspace = path.resolve('/nonexistent-workspace')
  it.each(['.foxapi-video-cache/clip.mp4', '.FOXAPI-Video-Cache/a/b.mp4', '.foxapi-video-cache'])(
    'refuses %s, which the clean-up removes',
    (relative) => {
      expect(destinationProblem(path.join(workspace, relative), workspace)).toMatch(
        /is inside \.foxapi-video-cache, the cache's staging folder, which each run removes/,
      )
    },
  )

  it('lets a name that only starts like it through to the other checks', () => {
    expect(destinationProblem(path.join(workspace, '.foxapi-video-cache-old/clip.mp4'), workspace)).not.toMatch(/staging folder/)
  })
})
