// The batch input read in process: each entry into its clip, calendar and destination, its problems named after it.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_BATCH_CLIPS, entryName, readBatch, type BatchDefaults } from '../../src/inputs/batch-file'
import { withDefaults } from '../../src/inputs/scalar-inputs'
import { readScheduleInputs } from '../../src/inputs/schedule-inputs'

const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-batch-file-'))
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

const schedule = readScheduleInputs(
  withDefaults(() => ''),
  { GITHUB_RUN_NUMBER: '7' },
  [],
  new Date('2026-03-02T12:00:00Z'),
)
const defaults: BatchDefaults = { shared: { mode: 'pro' }, outputTemplate: 'out/{date}-{name}.mp4', schedule, workspace }

function read(entries: unknown, over: Partial<BatchDefaults> = {}) {
  const problems: string[] = []
  const batch = readBatch(JSON.stringify(entries), { ...defaults, ...over }, problems)
  return { ...batch, problems }
}

describe('readBatch', () => {
  it("reads each entry over the shared fields, and plans where it goes: its own 'output', else 'output-path'", () => {
    const batch = read([
      { name: 'fox', prompt: 'a fox', output: 'clips/{name}.mp4' },
      { prompt: 'an owl on {weekday}', duration: 3 },
    ])
    expect(batch.problems).toEqual([])
    expect(batch.clips).toEqual([
      { name: 'fox', request: expect.objectContaining({ prompt: 'a fox', mode: 'pro' }), outputPath: 'clips/{name}.mp4' },
      {
        name: 'clip-2',
        request: expect.objectContaining({ prompt: 'an owl on Monday', mode: 'pro', duration: 3 }),
        outputPath: 'out/2026-03-02-{name}.mp4',
      },
    ])
    expect(batch.planned).toEqual([
      { label: "batch item 1 'output'", template: 'clips/{name}.mp4', name: 'fox' },
      { label: "batch item 2 output (from 'output-path')", template: 'out/2026-03-02-{name}.mp4', name: 'clip-2' },
    ])
  })

  it("keeps each entry's calendar by name, that of an entry with problems too", () => {
    const batch = read([
      { name: 'fox', prompt: 'a fox', schedule: '0 6 * * 1', from: '2026-01-01' },
      { name: 'owl', prompt: 'an owl', duration: 99, until: '2026-12-31' },
      { name: 'elk', prompt: 'an elk' },
    ])
    expect(batch.clips.map((clip) => clip.name)).toEqual(['fox', 'elk'])
    expect([...batch.calendars]).toEqual([
      ['fox', { schedule: ['0 6 * * 1'], from: '2026-01-01' }],
      ['owl', { until: '2026-12-31' }],
      ['elk', {}],
    ])
    expect(batch.problems).toEqual(["batch item 2 'duration' must be a whole number of seconds from 3 to 15 (got 99)"])
  })

  it("reads a repeated name's clip but plans no destination for it (its problem is said)", () => {
    const batch = read([
      { name: 'Fox', prompt: 'a' },
      { name: 'fox', prompt: 'b' },
    ])
    expect(batch.clips.map((clip) => clip.name)).toEqual(['Fox', 'fox'])
    expect(batch.planned.map((entry) => entry.name)).toEqual(['Fox'])
    expect(batch.problems).toEqual([expect.stringMatching(/^batch item 2 'name' 'fox' is 'Fox' in another case or Unicode form/)])
  })

  it('makes an entry with a task-id and no prompt a task to collect, with its own cache-key', () => {
    const batch = read([{ 'task-id': ' task-unified-2-def ', 'cache-key': 2, output: 'takes/b.mp4' }], { shared: {} })
    expect(batch.clips).toEqual([{ name: 'b', outputPath: 'takes/b.mp4', taskId: 'task-unified-2-def', cacheKey: '2' }])
    expect(batch).toMatchObject({ problems: [], warnings: [], notices: [] })
  })

  it("passes on the requests' notices in entry order", () => {
    const batch = read([{ prompt: 'a', model: 'mystery-one' }, { prompt: 'b' }, { prompt: 'c', model: 'mystery-two' }])
    expect(batch.notices).toEqual([
      expect.stringContaining("Model 'mystery-one' is not one this action knows"),
      expect.stringContaining("Model 'mystery-two' is not one this action knows"),
    ])
  })

  it("says the problems of an entry's own fields in order: task-id, cache-key, output, name", () => {
    const batch = read([{ prompt: 'a', name: 5, output: '', 'cache-key': '', 'task-id': '../x' }])
    expect(batch.problems).toEqual([
      "batch item 1 'task-id' must be a FoxAPI task id such as task-unified-1757165031-uyujaw3d",
      "batch item 1 'cache-key' must be text",
      "batch item 1 'output' must be a file name",
      "batch item 1 'name' must be text",
    ])
  })

  it('reads an object with a clips list; refuses an empty or too long list and entries that are no mapping', () => {
    expect(read({ clips: [{ prompt: 'a' }] }).clips.map((clip) => clip.name)).toEqual(['clip-1'])
    expect(read([]).problems).toEqual(["Input 'batch' must be a non-empty list of clips (or an object with a 'clips' list)"])
    const long = Array.from({ length: MAX_BATCH_CLIPS + 1 }, (_, i) => ({ prompt: `clip ${i}` }))
    expect(read(long)).toMatchObject({ clips: [], problems: [`Input 'batch' has 101 clips; at most ${MAX_BATCH_CLIPS} are allowed`] })
    const mixed = read(['just text', { prompt: 'b' }])
    expect(mixed.problems).toEqual(['batch item 1: must be a mapping of request fields (prompt, duration, ...) and output'])
    expect(mixed.clips.map((clip) => clip.name)).toEqual(['clip-2'])
  })
})

describe('entryName', () => {
  it("is the entry's name, else its output's file name, else its place in the batch", () => {
    expect(entryName(' fox ', 'out/owl.mp4', 0)).toBe('fox')
    expect(entryName(undefined, 'out/owl.mp4', 0)).toBe('owl')
    expect(entryName('  ', 'out/owl.mp4', 0)).toBe('owl')
    expect(entryName(5, 'out/owl.mp4', 0)).toBe('owl')
    expect(entryName(undefined, 'out/{date}.mp4', 2)).toBe('clip-3')
    expect(entryName(undefined, undefined, 2)).toBe('clip-3')
  })
})
