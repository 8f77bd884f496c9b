// A cache entry is untrusted input, and the results file is an output like the others: the built action
// against the simulator and the local Actions cache service, where a test plants entries as anyone who can
// save one in the cache scope could (no FoxAPI key needed), or, where it says so, as someone who holds the key.
import { createHash } from 'node:crypto'
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startActionsCacheService, type ActionsCacheService, type CacheEntry } from '../simulator/actions-cache-service'
import { startAction } from '../simulator/actions-runner'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { clipFields, pendingFields } from '../src/cache/entry-records'
import { proveEntry } from '../src/cache/entry-proof'
import { forgedArchive, membersOf, type Member } from './support/cache-entries'
import { API_KEY, CLIP_BYTES, CLIP_SHA256, checkKeyAndClose, expectNoSecret, quickInputs, runAction } from './support/fixtures'

const OTHER_KEY = 'sk-test-rotated-key'
let sim: FoxApiSimulator
let cacheService: ActionsCacheService
/** Folders outside every workspace, where an attack would land; each test checks they did not change. */
let outside: string
const folders: string[] = []
const folder = (prefix: string) => {
  const made = mkdtempSync(path.join(os.tmpdir(), prefix))
  folders.push(made)
  return made
}

beforeEach(async () => {
  sim = await startFoxApiSimulator({ taskDurationMs: 300, apiKeys: [API_KEY, OTHER_KEY] })
  cacheService = await startActionsCacheService()
  outside = folder('foxapi-outside-')
  writeFileSync(path.join(outside, 'victim.mp4'), CLIP_BYTES)
})
afterEach(async () => {
  await cacheService.close()
  await checkKeyAndClose(sim)
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true })
})

function cachedRun(inputs: Record<string, string> = {}, options: { workspace?: string; env?: Record<string, string> } = {}) {
  return runAction({
    inputs: quickInputs(sim, { cache: 'true', ...inputs }),
    env: { ...cacheService.env, ...options.env },
    ...(options.workspace ? { workspace: options.workspace } : {}),
  })
}

/** What the outside folder holds: names, sizes and link counts, so a write, a link or a removal shows. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name)
      const stat = lstatSync(full)
      return `${path.relative(dir, full)} ${stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'dir' : `${stat.size}b x${stat.nlink}`}`
    })
    .sort()
}

/** Every symbolic link, FIFO or device under `dir`. */
function oddFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isSymbolicLink() || entry.isFIFO() || entry.isCharacterDevice() || entry.isBlockDevice())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/** The finished clip's entry of the first run, and its members. */
async function primedClip(): Promise<{ entry: CacheEntry; members: Member[]; dir: string; taskId: string }> {
  const first = await cachedRun()
  expect(first.exitCode, first.visibleLog).toBe(0)
  const entry = cacheService.entries.find((e) => e.finalized && !e.key.includes('-pending-'))
  if (!entry) throw new Error('the first run saved no clip entry')
  const members = await membersOf(entry.data)
  const clip = members.find((m) => m.name.endsWith('/clip.mp4'))
  if (!clip) throw new Error('the clip entry has no clip.mp4')
  return { entry, members, dir: path.posix.dirname(clip.name), taskId: first.outputs['task-id'] as string }
}

/** The pending-task entry of a first run that does not wait, and the folder its members sit in. */
async function primedPending(): Promise<{ entry: CacheEntry; dir: string; key: string; taskId: string }> {
  const first = await cachedRun({ wait: 'false' })
  expect(first.exitCode, first.visibleLog).toBe(0)
  const entry = cacheService.entries.find((e) => e.finalized && e.key.includes('-pending-'))
  if (!entry) throw new Error('the first run saved no pending entry')
  const member = (await membersOf(entry.data)).find((m) => m.name.endsWith('/pending-task.json'))
  if (!member) throw new Error('the pending entry has no pending-task.json')
  return {
    entry,
    dir: path.posix.dirname(member.name),
    key: entry.key.replace(/-pending-.*$/, ''),
    taskId: first.outputs['task-id'] as string,
  }
}

/** Plants a pending entry newer than every other of `key`; `members` may depend on the entry's key (a proof covers it). */
async function plantPending(
  pending: { entry: CacheEntry; key: string },
  members: Member[] | ((entryKey: string) => Member[]),
  suffix = '',
): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 5))
  const entryKey = `${pending.key}-pending-${Date.now()}-ffffffff${suffix}`
  cacheService.plant(
    entryKey,
    pending.entry.version,
    await forgedArchive(typeof members === 'function' ? members(entryKey) : members, pending.entry.data),
  )
  return entryKey
}

const file = (name: string, data: Buffer | string): Member => ({ name, data })

/** Plants the clip entry again with one of its files (`meta.json`, `task.json`) replaced by `record`. */
async function plantClipWith(clip: { entry: CacheEntry; members: Member[] }, fileName: string, record: unknown): Promise<void> {
  const forged = clip.members.map((m) => (m.name.endsWith(`/${fileName}`) ? file(m.name, JSON.stringify(record)) : m))
  cacheService.plant(clip.entry.key, clip.entry.version, await forgedArchive(forged, clip.entry.data))
}

describe('a forged archive is refused as a whole, and nothing outside a private folder is written', () => {
  const attacks: [string, RegExp, (dir: string, workspace: string) => Member[]][] = [
    ['an absolute member', /has an absolute name/, () => [file(path.join(outside, 'pwned'), 'owned')]],
    [
      'a ../ member',
      /has a `\.\.`/,
      (dir, workspace) => [file(`${dir}/../../${path.relative(workspace, path.join(outside, 'pwned'))}`, 'owned')],
    ],
    [
      'a symbolic link',
      /is a symbolic link/,
      (dir) => [{ name: `${dir}/clip.mp4`, type: 'symlink', linkname: path.join(outside, 'victim.mp4') }],
    ],
    ['a hard link', /is a hard link/, (dir) => [{ name: `${dir}/clip.mp4`, type: 'link', linkname: path.join(outside, 'victim.mp4') }]],
    ['a FIFO', /is a FIFO/, (dir) => [{ name: `${dir}/task.json`, type: 'fifo' }]],
    ['a device', /is a device/, (dir) => [{ name: `${dir}/meta.json`, type: 'character-device' }]],
  ]

  it.each(attacks)('%s: a warning, then a miss', async (_what, reason, attack) => {
    const { entry, members, dir } = await primedClip()
    const workspace = folder('foxapi-trust-ws-')
    // The attack first, then the real entry's files (so tar would have done all of it).
    const forged = [...attack(dir, workspace), ...members.filter((m) => m.type === 'file' || m.type === 'directory')]
    cacheService.plant(entry.key, entry.version, await forgedArchive(forged, entry.data))
    const before = snapshot(outside)

    const run = await cachedRun({}, { workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toMatch(new RegExp(`::warning::Cache entry ${entry.key} refused: its member .* ${reason.source}`))
    expect(run.outputs['cache-hit']).toBe('false')
    expect(sim.createCount()).toBe(2) // a miss: the clip was made again
    expect(readFileSync(run.outputs['video-path'] as string).equals(CLIP_BYTES)).toBe(true)
    expect(snapshot(outside)).toEqual(before)
    expect(oddFiles(workspace)).toEqual([])
    expect(readdirSync(workspace, { recursive: true }).map(String)).not.toContain('pwned')
  })
})

describe('what an entry says is believed only with its proof', () => {
  it('a pending-task.json naming another task is not adopted', async () => {
    const other = await runAction({ inputs: quickInputs(sim, { prompt: 'A grey wolf, not this request' }) })
    const otherTask = other.outputs['task-id'] as string
    const pending = await primedPending()
    await plantPending(pending, [file(`${pending.dir}/pending-task.json`, JSON.stringify({ taskId: otherTask }))])

    const run = await cachedRun()
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toMatch(/::warning::Cache entry \S+-pending-\S+ is ignored: its proof does not match/)
    expect(run.stdout).not.toContain(`Resuming task ${otherTask}`)
    expect(run.outputs['task-id']).not.toBe(otherTask)
    expect(sim.createCount()).toBe(3)
  })

  it('a proven pending task whose reply shows another model is not adopted', async () => {
    // Made by someone who holds the key: the record is proven, but FoxAPI says the task is another model's.
    const other = await runAction({ inputs: quickInputs(sim, { model: 'kling-v3-text-to-video', prompt: 'A grey wolf' }) })
    const otherTask = other.outputs['task-id'] as string
    expect(sim.tasks.get(otherTask)?.model).toBe('kling-v3-text-to-video')
    const pending = await primedPending()
    await plantPending(pending, (entryKey) => {
      const proof = proveEntry(API_KEY, pendingFields(pending.key, entryKey, otherTask, 'kling-o3-ref'))
      return [file(`${pending.dir}/pending-task.json`, JSON.stringify({ taskId: otherTask, model: 'kling-o3-ref', proof }))]
    })

    const run = await cachedRun()
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain(`An earlier run's task ${otherTask} is for another model ("kling-v3-text-to-video")`)
    expect(run.outputs['task-id']).not.toBe(otherTask)
    expect(sim.createCount()).toBe(3)
  })

  it('a forged meta.json "made by" link is never shown', async () => {
    const clip = await primedClip()
    const { entry, dir, taskId } = clip
    const evil = { repository: 'evil/phish', runId: 1, url: 'https://evil.example/acme/marketing/actions/runs/1' }
    await plantClipWith(clip, 'meta.json', { taskId, sha256: CLIP_SHA256, madeBy: evil, proof: '0'.repeat(64) })

    const run = await cachedRun()
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain(`::warning::Cache entry ${entry.key} is ignored: its proof does not match`)
    expect(run.outputs['cache-hit']).toBe('false')
    expect(run.summary).not.toContain('evil.example')
    expect(dir).toMatch(/^\.foxapi-video-cache\//)
  })

  it('a proven entry whose "made by" is not a run of this repository on this server restores the clip, without the link', async () => {
    const clip = await primedClip()
    const { entry, taskId } = clip
    const task = clip.members.find((m) => m.name.endsWith('/task.json'))?.data as Buffer
    const taskSha256 = createHash('sha256').update(task).digest('hex')
    for (const madeBy of [
      { repository: 'evil/phish', runId: 7, url: 'https://github.com/evil/phish/actions/runs/7' },
      { repository: 'acme/marketing', runId: 7, url: 'https://evil.example/acme/marketing/actions/runs/7' },
    ]) {
      const proof = proveEntry(API_KEY, clipFields(entry.key, taskId, CLIP_SHA256, taskSha256, madeBy))
      await plantClipWith(clip, 'meta.json', { taskId, sha256: CLIP_SHA256, madeBy, proof })

      const run = await cachedRun()
      expect(run.exitCode, run.visibleLog).toBe(0)
      expect(run.outputs['cache-hit']).toBe('true')
      expect(run.summary).not.toContain('evil')
      expect(run.summary).not.toContain('Made by')
      const rows = JSON.parse(readFileSync(run.outputs['results-file'] as string, 'utf8')) as { made_by: unknown }[]
      expect(rows[0]?.made_by).toBeNull()
    }
  })

  it('a clip that is not the one its proven record names is not restored', async () => {
    const clip = await primedClip()
    const other = Buffer.concat([CLIP_BYTES, Buffer.from('not the paid clip')])
    const forged = clip.members.map((m) => (m.name.endsWith('/clip.mp4') ? file(m.name, other) : m))
    cacheService.plant(clip.entry.key, clip.entry.version, await forgedArchive(forged, clip.entry.data))

    const run = await cachedRun()
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain(
      `::warning::Cache entry ${clip.entry.key} could not be used (the clip of ${clip.entry.key} does not match its proven checksum)`,
    )
    expect(run.outputs['cache-hit']).toBe('false')
    expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
  })

  it('a forged task.json is not used', async () => {
    const clip = await primedClip()
    const { entry, taskId } = clip
    const attacker = {
      id: taskId,
      status: 'completed',
      model: 'kling-o3-ref',
      error: { message: 'ATTACKER TEXT' },
      output: { url: 'https://evil.example/x.mp4' },
    }
    await plantClipWith(clip, 'task.json', attacker)

    const run = await cachedRun()
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain(`::warning::Cache entry ${entry.key} is ignored: its proof does not match`)
    expect(run.outputs['cache-hit']).toBe('false')
    expect(run.outputs.result).not.toContain('ATTACKER')
    expect(run.outputs.result).not.toContain('evil.example')
  })

  it('a pending-task.json that is a symlink to /proc/self/environ is refused, and no byte of it is shown', async () => {
    const pending = await primedPending()
    await plantPending(pending, [{ name: `${pending.dir}/pending-task.json`, type: 'symlink', linkname: '/proc/self/environ' }])

    const run = await cachedRun()
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toMatch(/::warning::Cache entry \S+-pending-\S+ refused: its member .*pending-task\.json" is a symbolic link/)
    // The environment starts with PATH= (the harness passes it first); a parse error would have echoed it.
    expect(run.visibleLog).not.toContain('PATH=')
    expect(run.visibleLog).not.toContain('not valid JSON')
  })

  it('an entry made under another API key is a miss (what a key rotation costs)', async () => {
    const first = await cachedRun()
    expect(first.outputs['cache-hit']).toBe('false')
    const rotated = await cachedRun({ 'api-key': OTHER_KEY })
    expect(rotated.exitCode, rotated.visibleLog).toBe(0)
    expect(rotated.stdout).toMatch(
      /::warning::Cache entry foxapi-video-v1-\w+ is ignored: its proof does not match \(it was saved under another API key/,
    )
    expect(rotated.outputs['cache-hit']).toBe('false')
    expect(sim.createCount()).toBe(2)
    expectNoSecret(rotated, OTHER_KEY)
  })

  it('a pending task of an older key is not resumed from the cache, and task-id still collects it', async () => {
    const pending = await primedPending()
    const rotated = await cachedRun({ 'api-key': OTHER_KEY })
    expect(rotated.stdout).toMatch(/::warning::Cache entry \S+-pending-\S+ is ignored: its proof does not match/)
    expect(rotated.outputs['task-id']).not.toBe(pending.taskId)
    const collected = await runAction({ inputs: quickInputs(sim, { 'api-key': OTHER_KEY, 'task-id': pending.taskId, prompt: '' }) })
    expect(collected.exitCode, collected.visibleLog).toBe(0)
    expect(collected.outputs['task-id']).toBe(pending.taskId)
    expect(collected.outputs['video-sha256']).toBe(CLIP_SHA256)
    expectNoSecret(rotated, OTHER_KEY)
    expectNoSecret(collected, OTHER_KEY)
  })
})

describe('the staging folder is checked with lstat, never followed', () => {
  it('a committed .foxapi-video-cache symlink: the cache is off for the run, and nothing outside is touched', async () => {
    const workspace = folder('foxapi-trust-ws-')
    writeFileSync(path.join(outside, 'keep.txt'), 'mine')
    symlinkSync(outside, path.join(workspace, '.foxapi-video-cache'))
    const before = snapshot(outside)

    const run = await cachedRun({}, { workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain('::warning::Result cache off for this run (.foxapi-video-cache in the workspace is a symbolic link')
    expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
    expect(snapshot(outside)).toEqual(before)
    expect(lstatSync(path.join(workspace, '.foxapi-video-cache')).isSymbolicLink()).toBe(true) // the repository's, left alone
    expect(cacheService.entries).toEqual([])
  })

  it('a file in its place: refused the same way, and left as it was', async () => {
    const workspace = folder('foxapi-trust-ws-')
    writeFileSync(path.join(workspace, '.foxapi-video-cache'), 'not a folder')
    const run = await cachedRun({}, { workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain('::warning::Result cache off for this run (.foxapi-video-cache in the workspace is not a folder')
    expect(readFileSync(path.join(workspace, '.foxapi-video-cache'), 'utf8')).toBe('not a folder')
    expect(cacheService.entries).toEqual([])
  })
})

describe('results-file is checked like a clip destination', () => {
  it.each([
    [
      'the clip itself',
      { 'output-path': 'out/clip.mp4', 'results-file': 'out/clip.mp4' },
      /Input 'results-file' \(out\/clip\.mp4\) is the same file as Input 'output-path'/,
    ],
    [
      'the clip in another case',
      { 'output-path': 'out/clip.mp4', 'results-file': 'OUT/Clip.mp4' },
      /Input 'results-file' \(OUT\/Clip\.mp4\) is the same file as Input 'output-path'/,
    ],
    [
      'a file inside the clip',
      { 'output-path': 'out/clip.mp4', 'results-file': 'out/clip.mp4/results.json' },
      /Input 'results-file' .* and Input 'output-path' are nested/,
    ],
    [
      'inside the staging folder',
      { 'results-file': '.foxapi-video-cache/results.json' },
      /Input 'results-file'.{1,3}\.foxapi-video-cache\/results\.json\)? is inside \.foxapi-video-cache, the cache's staging folder/,
    ],
  ])('%s: refused before anything is paid', async (_what, inputs, message) => {
    const run = await runAction({ inputs: quickInputs(sim, inputs) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(new RegExp(`::error::${message.source}`))
    expect(sim.requests).toHaveLength(0)
  })

  it('a batch entry whose output is the results file is refused too', async () => {
    const run = await runAction({
      inputs: quickInputs(sim, {
        prompt: '',
        batch: '- prompt: a fox\n  output: clips/fox.mp4\n- prompt: a hen\n',
        'results-file': 'clips/fox.mp4',
      }),
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Input 'results-file' \(clips\/fox\.mp4\) is the same file as batch item 1 'output'/)
    expect(sim.requests).toHaveLength(0)
  })

  it('a results-file folder swapped for a symlink during the run is refused before the rename', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 1_500 })
    const workspace = folder('foxapi-trust-ws-')
    mkdirSync(path.join(workspace, 'reports'))
    const started = startAction({ inputs: quickInputs(sim, { 'results-file': 'reports/results.json' }), workspace })
    await started.waitForOutput('Submitted task')
    rmSync(path.join(workspace, 'reports'), { recursive: true })
    symlinkSync(outside, path.join(workspace, 'reports'))
    const before = snapshot(outside)
    const run = await started.done
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toMatch(
      /::warning::Could not write the results file .*Input 'results-file': cannot write there now: .*leads outside the workspace/,
    )
    expect(run.outputs['results-file']).toBeUndefined()
    expect(snapshot(outside)).toEqual(before)
    expect(statSync(run.outputs['video-path'] as string).size).toBe(CLIP_BYTES.length)
    expectNoSecret(run)
  })
})
