// The pure pieces of the path checks: safe names, template expansion, inside/outside/.git, and the
// temporary-file allowance kept in step with download.ts.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { temporaryPathFor } from '../src/download'
import { TEMPORARY_NAME_EXTRA_BYTES, expandOutputPath, safeFileName } from '../src/security/destinations'
import { MAX_TASK_ID_LENGTH, isValidTaskId } from '../src/security/task-id'
import { placeOf } from '../src/security/workspace-files'

describe('safeFileName', () => {
  it.each([
    ['task-unified-1757165031-uyujaw3d', 'task-unified-1757165031-uyujaw3d'],
    ['../../etc/passwd', '.._.._etc_passwd'],
    ['a/b\\c d:e', 'a_b_c_d_e'],
    ['.', '_'],
    ['..', '__'],
    ['', '_'],
    ['fox ✨', 'fox__'],
  ])('%j → %j', (text, safe) => {
    expect(safeFileName(text)).toBe(safe)
  })
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

it("allows for download.ts's temporary file name", () => {
  const name = 'a'.repeat(255 - TEMPORARY_NAME_EXTRA_BYTES)
  const temporary = path.basename(temporaryPathFor(path.join('/w', name)))
  expect(Buffer.byteLength(temporary)).toBe(255)
})
