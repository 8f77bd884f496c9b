// Inputs that would cost the run its memory or its clip, refused before anything is sent: templates that expand
// without bound (a few KiB asking for gigabytes), in a single clip and in a 1 MiB batch file under a dry run, and a
// clip destination inside the cache's staging folder, which the run's clean-up removes (the clip would be paid
// for, then deleted). The built action against the simulator, which must see no request at all.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { checkKeyAndClose, quickInputs, runAction } from './support/fixtures'

let sim: FoxApiSimulator
const folders: string[] = []
const workspace = () => {
  const made = mkdtempSync(path.join(os.tmpdir(), 'foxapi-bombs-ws-'))
  folders.push(made)
  return made
}
beforeEach(async () => {
  sim = await startFoxApiSimulator({ taskDurationMs: 200 })
})
afterEach(async () => {
  await checkKeyAndClose(sim)
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true })
})

/** A 100 KB variable, in the `variables` input's YAML. */
const HUGE_VARIABLE = `v: ${'x'.repeat(100_000)}`
const MAX_PATH = process.platform === 'darwin' ? 1000 : 4000

describe('a template that expands without bound', () => {
  it('output-path of 4,000 × {vars.v} with a 100 KB variable fails at once, naming the input', async () => {
    const run = await runAction({ inputs: quickInputs(sim, { variables: HUGE_VARIABLE, 'output-path': '{vars.v}'.repeat(4_000) }) })
    expect(run.signal).toBeNull()
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `Input 'output-path' expands to more than ${MAX_PATH} characters (no path longer than ${MAX_PATH} bytes can be written here); it was not expanded further`,
    )
    expect(sim.requests).toHaveLength(0)
  })

  it('a prompt of {vars.v} placeholders fails at its limit, naming the input', async () => {
    const run = await runAction({ inputs: quickInputs(sim, { variables: HUGE_VARIABLE, prompt: `Fox ${'{vars.v}'.repeat(4_000)}` }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("Input 'prompt' expands to more than 2500 characters (FoxAPI's limit for a prompt is 2500)")
    expect(sim.requests).toHaveLength(0)
  })

  it('a 1 MiB batch file of such entries: a dry run lists every problem and ends cleanly', async () => {
    const ws = workspace()
    // 100 entries of about 10 KiB: each would expand to 1,300 × 100 KB (130 MB; 13 GB for the file).
    const entry = (i: number) => `- name: c${i}\n  prompt: "{vars.v}"\n  output: "${'{vars.v}'.repeat(1_300)}"\n`
    const text = Array.from({ length: 100 }, (_, i) => entry(i + 1)).join('')
    expect(text.length).toBeGreaterThan(1_000_000)
    expect(text.length).toBeLessThanOrEqual(1024 * 1024)
    writeFileSync(path.join(ws, 'clips.yml'), text)
    const run = await runAction({
      inputs: quickInputs(sim, { variables: HUGE_VARIABLE, batch: 'clips.yml', 'dry-run': 'true' }),
      workspace: ws,
    })
    expect(run.signal).toBeNull()
    expect(run.exitCode).toBe(1)
    expect(run.stderr).not.toMatch(/heap out of memory|FATAL ERROR/)
    expect(run.stdout).toContain("batch item 1 'prompt' expands to more than 2500 characters")
    expect(run.stdout).toContain(`batch item 100 'output' expands to more than ${MAX_PATH} characters`)
    expect(sim.requests).toHaveLength(0)
  })
})

describe('a clip destination inside the cache staging folder', () => {
  it.each(['.foxapi-video-cache/clip.mp4', './.foxapi-video-cache/deep/{task-id}.mp4'])(
    'output-path %s is refused before paying, with the cache on or off',
    async (output) => {
      for (const cache of ['true', 'false']) {
        const run = await runAction({ inputs: quickInputs(sim, { 'output-path': output, cache }) })
        expect(run.exitCode).toBe(1)
        expect(run.stdout).toMatch(
          /::error::.*Input 'output-path'.*is inside \.foxapi-video-cache, the cache's staging folder, which each run removes/,
        )
      }
      expect(sim.requests).toHaveLength(0)
    },
  )

  it("a batch entry's output there, or a folder linked to it, is refused before paying", async () => {
    const ws = workspace()
    mkdirSync(path.join(ws, '.foxapi-video-cache'))
    symlinkSync('.foxapi-video-cache', path.join(ws, 'clips'))
    writeFileSync(
      path.join(ws, 'clips.yml'),
      '- prompt: a fox\n  output: .foxapi-video-cache/fox.mp4\n- prompt: an owl\n  output: clips/owl.mp4\n',
    )
    const run = await runAction({ inputs: quickInputs(sim, { batch: 'clips.yml' }), workspace: ws })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/batch item 1 'output'.*is inside \.foxapi-video-cache, the cache's staging folder/)
    expect(run.stdout).toMatch(/batch item 2 'output'.*is inside \.foxapi-video-cache, the cache's staging folder/)
    expect(sim.requests).toHaveLength(0)
  })
})
