// src/atomic-files.ts: the rename that puts a finished file in place, and clean-up that never fails a run.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeLeftover, renameReplacing } from '../src/atomic-files'
import { captureStdout } from './support/stdout'

const folder = () => mkdtempSync(path.join(os.tmpdir(), 'foxapi-atomic-'))

describe('renameReplacing', () => {
  it('puts the new file in place of an existing one', async () => {
    const dir = folder()
    writeFileSync(path.join(dir, 'clip.mp4'), 'old')
    writeFileSync(path.join(dir, '.clip.mp4.part'), 'new')
    await renameReplacing(path.join(dir, '.clip.mp4.part'), path.join(dir, 'clip.mp4'))
    expect(readFileSync(path.join(dir, 'clip.mp4'), 'utf8')).toBe('new')
    expect(existsSync(path.join(dir, '.clip.mp4.part'))).toBe(false)
  })
})

describe('removeLeftover', () => {
  it('removes a file or a whole folder, and a missing one is no trouble', async () => {
    const dir = folder()
    mkdirSync(path.join(dir, 'staging/entry'), { recursive: true })
    writeFileSync(path.join(dir, 'staging/entry/clip.mp4'), 'x')
    writeFileSync(path.join(dir, '.clip.mp4.part'), 'x')
    await removeLeftover(path.join(dir, 'staging'))
    await removeLeftover(path.join(dir, '.clip.mp4.part'))
    await removeLeftover(path.join(dir, 'never-there'))
    expect(existsSync(path.join(dir, 'staging'))).toBe(false)
    expect(existsSync(path.join(dir, '.clip.mp4.part'))).toBe(false)
  })

  it('never throws: a removal that fails is one warning naming the leftover', async () => {
    const stdout = captureStdout()
    try {
      // A path Node refuses outright stands in for a file Windows keeps busy.
      await expect(removeLeftover(path.join(folder(), 'bad\0name.part'))).resolves.toBeUndefined()
    } finally {
      stdout.restore()
    }
    expect(stdout.written).toEqual([
      expect.stringMatching(/^::warning::Could not remove .*bad.*name\.part \(ERR_INVALID_ARG_VALUE\); it can be deleted\./),
    ])
  })
})
