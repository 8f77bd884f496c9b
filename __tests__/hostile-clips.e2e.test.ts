// A clip built to exhaust the MP4 reader (simulator/hostile-clips.ts) ends as a clean structural failure of that
// clip: the built action against the simulator serving each bomb. A count the reader knows (a movie fragment's
// track run, a compact sample-size table) is refused before anything is listed; a bomb it does not know (a
// padding-bits box) is stopped by the reader's memory limit. Either way the step writes every output and the
// summary, and the other clips of a batch are made as if nothing happened. Time and memory: `npm run bench -- bombs`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { CLIP_SHA256, checkKeyAndClose, quickInputs, requestsTo, resultRows, runAction } from './support/fixtures'

let sim: FoxApiSimulator | undefined
const folders: string[] = []
afterEach(async () => {
  await checkKeyAndClose(sim)
  sim = undefined
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

type Bomb = 'fragments' | 'compact' | 'padding'

async function serving(how: Bomb, times = 2): Promise<FoxApiSimulator> {
  sim = await startFoxApiSimulator({ taskDurationMs: 200, faults: [{ route: 'download', times, kind: { type: 'brokenClip', how } }] })
  return sim
}

const downloads = (s: FoxApiSimulator) => requestsTo(s, 'GET', /^\/files\//)

/** The run ended as a step does (an exit code, no signal, no heap exhaustion) with the clip failed as not parsing. */
function expectCleanParseFailure(run: Awaited<ReturnType<typeof runAction>>, problem: RegExp): void {
  expect(run.signal, run.visibleLog).toBeNull()
  expect(run.exitCode, run.visibleLog).toBe(1)
  expect(run.stderr).not.toMatch(/heap out of memory|Allocation failed|FATAL ERROR/)
  expect(run.stdout).toMatch(
    /::error::The downloaded clip is broken, also when downloaded again from the same URL \(2 downloads\): it failed the structural check 'parses': /,
  )
  expect(run.stdout).toMatch(problem)
  // Every output is written, and the summary, as for any failed clip; the paid task can be collected.
  expect(run.outputs['task-id']).toMatch(/^task-unified-/)
  expect(run.stdout).toContain(`task-id: ${run.outputs['task-id']}`)
  expect(run.outputs['video-path']).toBe('')
  expect(resultRows(run.outputs)[0]).toMatchObject({ outcome: 'failed', duration: null })
  expect(run.summary).toContain('structural check')
}

describe('a clip that declares more samples than any clip has', () => {
  it('a movie fragment whose run declares four billion samples fails the clip, with verify: off too', async () => {
    const s = await serving('fragments')
    const run = await runAction({ inputs: quickInputs(s, { verify: 'off' }) })
    expectCleanParseFailure(run, /its sample table cannot be right: its tracks list more than 100000 samples/)
    expect(downloads(s)).toHaveLength(2)
    expect(s.createCount()).toBe(1)
  })

  it('a compact sample-size table (stz2) of 12 million sizes fails the clip, with verify: off too', async () => {
    const s = await serving('compact')
    const run = await runAction({ inputs: quickInputs(s, { verify: 'off' }) })
    expectCleanParseFailure(run, /its sample table cannot be right: its tracks list more than 100000 samples/)
  })
})

describe('a bomb the reader has no count for', () => {
  it('a padding-bits box of 14 million entries is stopped by the memory limit and fails the clip as not parsing', async () => {
    const s = await serving('padding')
    const run = await runAction({ inputs: quickInputs(s) })
    expectCleanParseFailure(run, /reading it took more than \d+ MiB of memory: not a clip this action reads/)
  })
})

describe('in a batch', () => {
  it('the hostile clip fails alone: the other clips are made, and every result is reported', async () => {
    const s = await serving('fragments')
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-bombs-'))
    folders.push(workspace)
    const names = ['bomb', 'fox', 'owl']
    writeFileSync(path.join(workspace, 'clips.yml'), names.map((n) => `- name: ${n}\n  prompt: a ${n} at dawn\n`).join(''))
    const run = await runAction({ inputs: quickInputs(s, { batch: 'clips.yml', concurrency: '1' }), workspace })
    expect(run.signal, run.visibleLog).toBeNull()
    expect(run.exitCode).toBe(1)
    const rows = resultRows(run.outputs)
    expect(rows.map((r) => [r.name, r.outcome])).toEqual([
      ['bomb', 'failed'],
      ['fox', 'succeeded'],
      ['owl', 'succeeded'],
    ])
    expect(rows[0]?.error).toContain("structural check 'parses'")
    for (const row of rows.slice(1)) expect(row.sha256).toBe(CLIP_SHA256)
    expect(run.stdout).toMatch(/::error::1 of 3 clips did not finish:%0A- bomb: /)
    // The batch's overview table: a header and a row per clip, the failure first; then a section per clip.
    const overview = /<table><thead>.*?<\/table>/.exec(run.summary)?.[0] ?? ''
    expect((overview.match(/<tr>/g) ?? []).length).toBe(4)
    expect([...overview.matchAll(/<tr><td><b>([^<]*)<\/b><\/td><td>([^<]*)<\/td>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'bomb ❌ failed',
      'fox ✅ made',
      'owl ✅ made',
    ])
    expect(run.summary.match(/<h4>[^<]*<\/h4>/g)).toEqual(['<h4>❌ bomb · failed</h4>', '<h4>✅ fox · made</h4>', '<h4>✅ owl · made</h4>'])
  })
})
