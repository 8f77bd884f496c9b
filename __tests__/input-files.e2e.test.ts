// Files the action reads (`prompt-file`, `batch`), end to end: only regular files inside the workspace
// (after resolving symlinks), never in .git/, read with a byte cap; anything else fails the step naming the
// input before any request is sent. Inline YAML is told from a file name by parsing.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { checkKeyAndClose, quickInputs, requestsTo, runAction } from './support/fixtures'

const CANARY = 'canary-9f3b1c-not-for-foxapi'

let sim: FoxApiSimulator
let root: string
let workspace: string
let outside: string

beforeEach(async () => {
  sim = await startFoxApiSimulator({ taskDurationMs: 200 })
  root = mkdtempSync(path.join(os.tmpdir(), 'foxapi-files-'))
  workspace = path.join(root, 'workspace')
  outside = path.join(root, 'outside')
  mkdirSync(path.join(workspace, 'prompts'), { recursive: true })
  mkdirSync(path.join(workspace, '.git'), { recursive: true })
  mkdirSync(outside)
  writeFileSync(path.join(outside, 'id_ed25519'), `-----BEGIN OPENSSH PRIVATE KEY----- ${CANARY}\n`)
  writeFileSync(path.join(outside, 'clips.yml'), `- prompt: ${CANARY}\n`)
  writeFileSync(path.join(workspace, '.git/config'), `[http]\n\textraheader = AUTHORIZATION: basic ${CANARY}\n`)
  writeFileSync(path.join(workspace, '.git/clips.yml'), `- prompt: ${CANARY}\n`)
})
afterEach(async () => {
  await checkKeyAndClose(sim)
  rmSync(root, { recursive: true, force: true })
})

/** Runs the action with `inputs` (no inline prompt) and expects it to fail on `input` before sending anything. */
async function expectRefused(input: 'prompt-file' | 'batch', value: string, reason: RegExp) {
  const run = await runAction({
    inputs: quickInputs(sim, { prompt: '', [input]: value }),
    workspace,
    env: { FOXAPI_TEST_CANARY: CANARY },
  })
  expect(run.exitCode, run.visibleLog).toBe(1)
  const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'))
  expect(
    errors.some((line) => line.startsWith(`::error::Input '${input}'`) && reason.test(line)),
    errors.join('\n'),
  ).toBe(true)
  expect(sim.createCount()).toBe(0)
  expect(requestsTo(sim, 'POST', /./)).toHaveLength(0)
  expect([run.visibleLog, run.summary, JSON.stringify(run.outputs)].join('\n')).not.toContain(CANARY)
  return run
}

describe('prompt-file and batch read only regular files inside the workspace', () => {
  it.skipIf(process.platform !== 'linux')(
    'refuses a committed symlink to /proc/self/environ (the environment holds the key and tokens)',
    async () => {
      symlinkSync('/proc/self/environ', path.join(workspace, 'prompts/today.txt'))
      await expectRefused('prompt-file', 'prompts/today.txt', /outside the workspace/)
    },
  )

  it('refuses a symlink to a file outside the workspace', async () => {
    symlinkSync(path.join(outside, 'id_ed25519'), path.join(workspace, 'prompts/key.txt'))
    await expectRefused('prompt-file', 'prompts/key.txt', /outside the workspace/)
  })

  it('refuses an absolute path and a ../ path out of the workspace', async () => {
    await expectRefused('prompt-file', path.join(outside, 'id_ed25519'), /outside the workspace/)
    await expectRefused('prompt-file', '../outside/id_ed25519', /outside the workspace/)
    await expectRefused('batch', '../outside/clips.yml', /outside the workspace/)
  })

  it('refuses .git/ (it holds the checkout token), directly or through a symlink', async () => {
    await expectRefused('prompt-file', '.git/config', /inside a \.git directory/)
    symlinkSync('../.git/config', path.join(workspace, 'prompts/config.txt'))
    await expectRefused('prompt-file', 'prompts/config.txt', /inside a \.git directory/)
    await expectRefused('batch', '.git/clips.yml', /inside a \.git directory/)
  })

  it.skipIf(process.platform === 'win32')('refuses /dev/zero, even through a symlink in the workspace', async () => {
    symlinkSync('/dev/zero', path.join(workspace, 'prompts/zero.txt'))
    await expectRefused('prompt-file', 'prompts/zero.txt', /outside the workspace/)
    await expectRefused('batch', '/dev/zero', /outside the workspace/)
  })

  it.skipIf(process.platform === 'win32')('refuses a FIFO at once instead of waiting for a writer', async () => {
    execFileSync('mkfifo', [path.join(workspace, 'prompts/pipe.txt')])
    await expectRefused('prompt-file', 'prompts/pipe.txt', /not a regular file/)
    await expectRefused('batch', 'prompts/pipe.txt', /not a regular file/)
  })

  // Windows has neither /dev/zero nor FIFOs: its devices are names (CON is the console, which would wait for
  // input) that exist in every folder. They are refused by name on every system, before any file access.
  it('refuses the Windows device names CON and NUL instead of reading them', async () => {
    await expectRefused('prompt-file', 'CON', /CON names CON, a device on Windows, not a file/)
    await expectRefused('prompt-file', 'prompts/con.txt', /names con\.txt, a device on Windows/)
    await expectRefused('batch', 'NUL', /a device on Windows/)
  })

  it('refuses a directory and a file over the cap', async () => {
    await expectRefused('prompt-file', 'prompts', /is a directory/)
    writeFileSync(path.join(workspace, 'prompts/long.txt'), 'a'.repeat(64 * 1024 + 1))
    await expectRefused('prompt-file', 'prompts/long.txt', /is 65537 bytes; at most 65536/)
    writeFileSync(path.join(workspace, 'big.yml'), `# ${'x'.repeat(1024 * 1024)}\n- prompt: a\n`)
    await expectRefused('batch', 'big.yml', /at most 1048576/)
  })

  it('still reads a prompt file inside the workspace, also through a symlink that stays inside', async () => {
    writeFileSync(path.join(workspace, 'prompts/fox.txt'), 'A red fox in fresh snow\n')
    symlinkSync('fox.txt', path.join(workspace, 'prompts/today.txt'))
    const run = await runAction({ inputs: quickInputs(sim, { prompt: '', 'prompt-file': 'prompts/today.txt' }), workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)
    const [create] = requestsTo(sim, 'POST', /^\/v1\/videos\/generations$/)
    expect(JSON.parse(create?.body ?? '{}').prompt).toBe('A red fox in fresh snow')
  })
})

describe('batch: inline YAML is told from a file name by parsing', () => {
  it.each(['clips[v2].yml', '{team}-clips.yml', '"quoted clips.yml"'])('reads the file %s', async (value) => {
    const file = value.replace(/^"|"$/g, '')
    writeFileSync(path.join(workspace, file), '- name: fox\n  prompt: A red fox in fresh snow\n')
    const run = await runAction({ inputs: quickInputs(sim, { prompt: '', batch: value }), workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(1)
    expect(JSON.parse(run.outputs.results ?? '[]')).toEqual([expect.objectContaining({ name: 'fox', status: 'completed' })])
  })

  it('reads inline YAML that starts with a comment', async () => {
    const run = await runAction({
      inputs: quickInputs(sim, { prompt: '', batch: '# launch clips\n- name: fox\n  prompt: A red fox' }),
      workspace,
    })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(1)
  })

  it('says so when one line is neither YAML nor a file', async () => {
    await expectRefused('batch', '{team}-missing.yml', /is not valid JSON or YAML .*, nor a file: file \{team\}-missing\.yml not found/)
  })
})
