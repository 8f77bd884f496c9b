// Files the action writes (`output-path`, batch `output` and `name`, `{task-id}`), end to end: every
// destination is inside the workspace (symlinks resolved) and outside .git/, and every problem that can be
// known is found before anything is paid for. A folder swapped for a symlink after that check is refused at
// write time, with the task id and the way to collect the paid clip.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startAction } from '../simulator/actions-runner'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { CLIP_BYTES, checkKeyAndClose, expectNoSecret, quickInputs, runAction } from './support/fixtures'

let sim: FoxApiSimulator
let root: string
let workspace: string
let outside: string

beforeEach(async () => {
  sim = await startFoxApiSimulator({ taskDurationMs: 200 })
  root = mkdtempSync(path.join(os.tmpdir(), 'foxapi-outputs-'))
  workspace = path.join(root, 'workspace')
  outside = path.join(root, 'outside')
  mkdirSync(path.join(workspace, '.git/hooks'), { recursive: true })
  mkdirSync(outside)
})
afterEach(async () => {
  await checkKeyAndClose(sim)
  rmSync(root, { recursive: true, force: true })
})

/** The step fails naming `label`, nothing is sent to FoxAPI and nothing is written outside the workspace. */
async function expectRefused(inputs: Record<string, string>, label: string, reason: RegExp) {
  const run = await runAction({ inputs: quickInputs(sim, inputs), workspace })
  expect(run.exitCode, run.visibleLog).toBe(1)
  const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'))
  expect(
    errors.some((line) => line.startsWith(`::error::${label}`) && reason.test(line)),
    errors.join('\n'),
  ).toBe(true)
  expect(sim.createCount()).toBe(0)
  expect(readdirSync(outside)).toEqual([])
  expect(readdirSync(path.join(workspace, '.git/hooks'))).toEqual([])
  return run
}

const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : [])

describe('output-path is checked before paying', () => {
  it('refuses an absolute path and a ../ path out of the workspace', async () => {
    await expectRefused({ 'output-path': path.join(outside, 'clip.mp4') }, "Input 'output-path'", /outside the workspace/)
    await expectRefused({ 'output-path': '../outside/{task-id}.mp4' }, "Input 'output-path'", /outside the workspace/)
  })

  it('refuses .git/', async () => {
    await expectRefused({ 'output-path': '.git/hooks/post-checkout' }, "Input 'output-path'", /\.git/)
  })

  it('refuses a folder that is a symlink leading out of the workspace', async () => {
    symlinkSync(outside, path.join(workspace, 'foxapi-videos'))
    await expectRefused({}, "Input 'output-path'", /foxapi-videos leads outside the workspace/)
  })

  it('refuses an existing directory, a parent that is a file, and a name too long for the file system', async () => {
    mkdirSync(path.join(workspace, 'clips/fox.mp4'), { recursive: true })
    await expectRefused({ 'output-path': 'clips/fox.mp4' }, "Input 'output-path'", /is an existing directory/)
    writeFileSync(path.join(workspace, 'notes.txt'), 'notes')
    await expectRefused({ 'output-path': 'notes.txt/{task-id}.mp4' }, "Input 'output-path'", /notes\.txt is a file, not a folder/)
    await expectRefused({ 'output-path': `clips/${'a'.repeat(240)}.mp4` }, "Input 'output-path'", /is 244 bytes; at most 236 fit/)
    // {task-id} is unknown before paying: it counts as the longest task id allowed (200 characters).
    await expectRefused({ 'output-path': `clips/${'a'.repeat(40)}-{task-id}.mp4` }, "Input 'output-path'", /is 245 bytes; at most 236/)
  })

  it('refuses names Windows cannot hold or upload-artifact refuses, on every system, before paying', async () => {
    await expectRefused({ 'output-path': 'clips/{task-id}-10:00.mp4' }, "Input 'output-path'", /has ':', which Windows cannot hold/)
    await expectRefused({ 'output-path': 'clips?/{task-id}.mp4' }, "Input 'output-path'", /the name "clips\?" has '\?'/)
    await expectRefused({ 'output-path': 'aux/{task-id}.mp4' }, "Input 'output-path'", /the name aux is a device name on Windows/)
    await expectRefused({ 'output-path': 'clips/nul.mp4' }, "Input 'output-path'", /is a device name on Windows/)
    await expectRefused({ 'output-path': 'clips /{task-id}.mp4' }, "Input 'output-path'", /ends with a dot or a space/)
    expect(files(workspace).filter((name) => !name.startsWith('.'))).toEqual([])
  })

  it('refuses a folder swapped for a symlink after the check, at write time, saying how to collect the paid clip', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 1_000 })
    const started = startAction({ inputs: quickInputs(sim), workspace })
    await started.waitForOutput('Submitted task')
    symlinkSync(outside, path.join(workspace, 'foxapi-videos'))
    const run = await started.done
    expectNoSecret(run)
    expect(run.exitCode, run.visibleLog).toBe(1)
    const taskId = run.outputs['task-id'] as string
    expect(taskId).toMatch(/^task-unified-/)
    expect(run.stdout).toMatch(/::error::Cannot save the clip there: .*leads outside the workspace/)
    expect(run.stdout).toContain(`re-run with task-id: ${taskId}`)
    expect(readdirSync(outside)).toEqual([])
  })
})

describe('batch destinations', () => {
  const twoClips = (extra = '') => `- name: fox\n  prompt: A red fox${extra}\n- name: owl\n  prompt: An owl${extra}\n`

  it('refuses a name with ../ before paying (a name also becomes an artifact name); nothing is written outside', async () => {
    await expectRefused({ prompt: '', batch: '- name: ../../outside/pwned\n  prompt: A red fox\n' }, "batch item 1 'name'", /has '\/'/)
  })

  it('refuses outputs one file system takes for one: NFC and NFD spellings, case, Windows device names', async () => {
    const [composed, decomposed] = ['café'.normalize('NFC'), 'café'.normalize('NFD')]
    expect(composed).not.toBe(decomposed)
    await expectRefused(
      {
        prompt: '',
        batch: `- { name: one, prompt: a, output: clips/${composed}.mp4 }\n- { name: two, prompt: b, output: clips/${decomposed}.mp4 }\n`,
      },
      "batch item 2 'output'",
      /writes the same file as batch item 1 'output'/,
    )
    await expectRefused(
      { prompt: '', batch: '- { name: one, prompt: a, output: clips/Clip.mp4 }\n- { name: two, prompt: b, output: clips/clip.mp4 }\n' },
      "batch item 2 'output'",
      /writes the same file as batch item 1 'output'/,
    )
    for (const device of ['CONIN$.mp4', 'conout$', 'CLOCK$.mp4', 'con .mp4', 'clips/nul .tar.gz']) {
      await expectRefused({ 'output-path': device }, "Input 'output-path'", /is a device name on Windows/)
    }
  })

  it('refuses equal outputs, also when they differ only in spelling or case, and nested ones', async () => {
    await expectRefused(
      { prompt: '', batch: '- { name: one, prompt: a, output: clips/Fox.mp4 }\n- { name: two, prompt: b, output: ./clips//fox.mp4 }\n' },
      "batch item 2 'output'",
      /writes the same file as batch item 1 'output'/,
    )
    await expectRefused(
      { prompt: '', batch: '- prompt: a\n  output: clips/fox\n- prompt: b\n  output: clips/fox/owl.mp4\n' },
      "batch item 2 'output'",
      /are nested/,
    )
    await expectRefused({ prompt: '', batch: twoClips(), 'output-path': 'clips/same.mp4' }, 'batch item 2 output', /the same file/)
  })

  it("refuses an entry's output outside the workspace or in .git/", async () => {
    await expectRefused({ prompt: '', batch: '- prompt: a\n  output: ../outside/a.mp4\n' }, "batch item 1 'output'", /outside/)
    await expectRefused({ prompt: '', batch: '- prompt: a\n  output: .git/hooks/a.mp4\n' }, "batch item 1 'output'", /\.git/)
  })

  it('expands output: clips/{name}.mp4 per entry', async () => {
    const batch =
      '- name: fox\n  prompt: A red fox\n  output: clips/{name}.mp4\n- name: owl\n  prompt: An owl\n  output: clips/{name}.mp4\n'
    const run = await runAction({ inputs: quickInputs(sim, { prompt: '', batch }), workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(files(path.join(workspace, 'clips'))).toEqual(['fox.mp4', 'owl.mp4'])
    expect(readFileSync(path.join(workspace, 'clips/owl.mp4')).equals(CLIP_BYTES)).toBe(true)
  })

  it("uses output-path as every entry's default", async () => {
    const run = await runAction({
      inputs: quickInputs(sim, { prompt: '', batch: twoClips(), 'output-path': 'renders/{name}-{task-id}.mp4' }),
      workspace,
    })
    expect(run.exitCode, run.visibleLog).toBe(0)
    const rows = JSON.parse(run.outputs.results ?? '[]') as { name: string; task_id: string }[]
    expect(files(path.join(workspace, 'renders'))).toEqual(rows.map((r) => `${r.name}-${r.task_id}.mp4`).sort())
    expect(existsSync(path.join(workspace, 'foxapi-videos'))).toBe(false)
  })

  it('checks a later clip again before paying for it: a folder swapped meanwhile costs nothing', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 1_000 })
    const batch = '- name: fox\n  prompt: A red fox\n  output: first/fox.mp4\n- name: owl\n  prompt: An owl\n  output: later/owl.mp4\n'
    const started = startAction({ inputs: quickInputs(sim, { prompt: '', batch, concurrency: '1' }), workspace })
    await started.waitForOutput('Submitted task')
    symlinkSync(outside, path.join(workspace, 'later'))
    const run = await started.done
    expectNoSecret(run)
    expect(run.exitCode, run.visibleLog).toBe(1)
    expect(sim.createCount()).toBe(1)
    const rows = JSON.parse(run.outputs.results ?? '[]') as { name: string; status: string; error?: string }[]
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['fox', 'completed'],
      ['owl', 'not-submitted'],
    ])
    expect(rows[1]?.error).toMatch(/^Not submitted, nothing paid: .*later leads outside the workspace/)
    expect(files(path.join(workspace, 'first'))).toEqual(['fox.mp4'])
    expect(readdirSync(outside)).toEqual([])
  })
})
