// Issue 11 end to end: dry runs, the job matrix and `only`, the results file, and the credit budget.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { startActionsCacheService, type ActionsCacheService } from '../simulator/actions-cache-service'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { checkKeyAndClose, quickInputs, resultRows, runAction } from './support/fixtures'
import type { ResultRow } from '../src/report/outputs'

let sim: FoxApiSimulator
let cacheService: ActionsCacheService
beforeEach(async () => {
  // Each prompt may carry its price: "[credits 4]".
  sim = await startFoxApiSimulator({
    taskDurationMs: 300,
    scenario: (request) => {
      const credits = /\[credits (\d+)\]/.exec(String(request.prompt))?.[1]
      return credits ? { credits: Number(credits) } : {}
    },
  })
  cacheService = await startActionsCacheService()
})
afterEach(async () => {
  await cacheService.close()
  await checkKeyAndClose(sim)
})

/** A workspace holding `clips.yml`, removed after the test. */
function workspaceWith(batch: string): string {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-plan-'))
  writeFileSync(path.join(workspace, 'clips.yml'), batch)
  onTestFinished(() => rmSync(workspace, { recursive: true, force: true }))
  return workspace
}

const NAMES = ['fox', 'owl', 'elk', 'cat', 'hen']
const batchOf = (names: string[], suffix = '') => names.map((n) => `- name: ${n}\n  prompt: a ${n} at dawn${suffix}\n`).join('')

type Row = ResultRow & { plan?: string; request?: unknown }

describe('dry run', () => {
  it('sends nothing to FoxAPI and reports one clip cached and one new', async () => {
    // The same fox again as a second take (its own cache-key): a different clip, so new.
    const batch = `${batchOf(['fox', 'owl'])}- name: fox-take-2\n  prompt: a fox at dawn\n  cache-key: take-2\n`
    // A real run makes the fox clip (and caches it); `only` keeps it to that one.
    const made = await runAction({
      inputs: quickInputs(sim, { batch: 'clips.yml', only: 'fox', cache: 'true' }),
      workspace: workspaceWith(batch),
      env: cacheService.env,
    })
    expect(made.exitCode, made.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(1)
    const apiRequests = sim.requests.length
    const cacheEntries = cacheService.entries.length
    const cacheCallsBefore = cacheService.requests.length

    const workspace = workspaceWith(batch)
    const dry = await runAction({
      inputs: quickInputs(sim, { batch: 'clips.yml', cache: 'true', 'dry-run': 'true' }),
      workspace,
      env: cacheService.env,
    })
    expect(dry.exitCode, dry.visibleLog).toBe(0)
    expect(sim.requests.length).toBe(apiRequests) // not one request to FoxAPI
    expect(cacheService.entries.length).toBe(cacheEntries) // nothing saved
    // The same lookup a paid run makes: one per clip, and the one entry there (the fox clip) downloaded so that its
    // proof and the clip itself are checked, as a paid run checks them. Nothing is restored to the workspace.
    const cacheCalls = cacheService.requests.slice(cacheCallsBefore).map((r) => `${r.method} ${r.path.split('/').pop()}`)
    expect(cacheCalls.filter((call) => call === 'POST GetCacheEntryDownloadURL')).toHaveLength(3)
    expect(cacheCalls.filter((call) => call.startsWith('GET '))).toHaveLength(1)
    expect(existsSync(path.join(workspace, 'foxapi-videos'))).toBe(false)
    expect(existsSync(path.join(workspace, '.foxapi-video-cache'))).toBe(false)

    expect(dry.outputs.status).toBe('planned')
    expect(resultRows<Row>(dry.outputs).map((r) => [r.name, r.status, r.plan])).toEqual([
      ['fox', 'planned', 'cached'],
      ['owl', 'planned', 'new'],
      ['fox-take-2', 'planned', 'new'],
    ])
    expect(dry.outputs.credits).toBe('0')
    // Each request as it would be sent, key hidden.
    expect(dry.stdout).toContain(`POST ${sim.url}/v1/videos/generations`)
    expect(dry.stdout).toContain('authorization: Bearer ***')
    expect(dry.stdout).toContain('{"model":"kling-o3-ref","prompt":"a owl at dawn"')
    expect(dry.summary).toMatch(/^<h3>🧪 Dry run: 2 new clips would be paid for · 1 reused from the cache<\/h3>/)
    expect(dry.summary).toContain('<td><b>fox</b></td><td>♻️ reused from the cache: nothing sent, nothing paid</td>')
    expect(dry.summary).toContain('<td><b>owl</b></td><td>🆕 makes a new clip: paid</td>')
  })

  it('prints the very body a real run then sends, and the headers without the key', async () => {
    const inputs = quickInputs(sim, {
      prompt: 'A fox turns toward <<<image_1>>>\nthen runs',
      'image-list': '["https://cdn.example.com/moon.png"]',
      mode: 'pro',
      duration: '8',
    })
    const dry = await runAction({ inputs: { ...inputs, 'dry-run': 'true' } })
    expect(dry.exitCode, dry.visibleLog).toBe(0)
    expect(sim.requests).toHaveLength(0)
    // In the plan table the prompt is inert text on one line.
    expect(dry.summary).toContain('“A fox turns toward &#60;&#60;&#60;image_1&#62;&#62;&#62; then runs”')
    const real = await runAction({ inputs })
    expect(real.exitCode, real.visibleLog).toBe(0)
    const sent = sim.requests.find((r) => r.method === 'POST' && r.path === '/v1/videos/generations')
    expect(sent?.body).toBeTruthy()
    expect(dry.stdout.split('\n')).toContain(sent?.body)
    for (const [name, value] of Object.entries(sent?.headers ?? {})) {
      if (['authorization', 'accept', 'user-agent', 'content-type'].includes(name)) {
        expect(dry.stdout).toContain(`${name}: ${name === 'authorization' ? 'Bearer ***' : String(value)}`)
      }
    }
  })

  it('needs no api key, and fails (still sending nothing) only when something is invalid', async () => {
    const { 'api-key': _key, ...noKey } = quickInputs(sim, { batch: 'clips.yml', 'dry-run': 'true' })
    const valid = await runAction({ inputs: noKey, workspace: workspaceWith(batchOf(['fox'])) })
    expect(valid.exitCode, valid.visibleLog).toBe(0)
    expect(valid.stdout).toContain('authorization: Bearer ***')

    const invalid = await runAction({
      inputs: noKey,
      workspace: workspaceWith(`${batchOf(['fox'])}- name: owl\n  prompt: an owl\n  duration: 60\n`),
    })
    expect(invalid.exitCode).toBe(1)
    expect(invalid.stdout).toContain("::error::batch item 2 'duration' must be a whole number of seconds from 3 to 15 (got 60)")
    expect(sim.requests).toHaveLength(0)
  })
})

describe('job matrix', () => {
  it('gives strategy.matrix JSON with one row per entry, names only', async () => {
    const dry = await runAction({
      inputs: quickInputs(sim, { batch: 'clips.yml', 'dry-run': 'true' }),
      workspace: workspaceWith(batchOf(NAMES)),
    })
    expect(dry.exitCode, dry.visibleLog).toBe(0)
    const matrix = JSON.parse(dry.outputs.matrix ?? '') as unknown
    // What fromJSON + strategy.matrix accept: an object whose `include` is a list of objects of scalars.
    expect(matrix).toEqual({ include: NAMES.map((name) => ({ name })) })
    expect(sim.requests).toHaveLength(0)
  })

  it('runs exactly the entries `only` names, as a matrix job would', async () => {
    const workspace = workspaceWith(batchOf(NAMES))
    const run = await runAction({ inputs: quickInputs(sim, { batch: 'clips.yml', only: 'cat,owl' }), workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(2)
    const prompts = [...sim.tasks.values()].map((t) => t.request.prompt).sort()
    expect(prompts).toEqual(['a cat at dawn', 'a owl at dawn'])
    expect(resultRows<Row>(run.outputs).map((r) => [r.name, r.outcome])).toEqual([
      ['owl', 'succeeded'],
      ['cat', 'succeeded'],
    ])
    expect(JSON.parse(run.outputs.matrix ?? '')).toEqual({ include: [{ name: 'owl' }, { name: 'cat' }] })
  })

  it('refuses an unknown name in `only` before paying', async () => {
    const run = await runAction({
      inputs: quickInputs(sim, { batch: 'clips.yml', only: 'fox,wolf' }),
      workspace: workspaceWith(batchOf(NAMES)),
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("::error::Input 'only' names 'wolf', not in the batch (its entries: fox, owl, elk, cat, hen)")
    expect(sim.requests).toHaveLength(0)
  })
})

describe('results file', () => {
  it('holds every row, in the workspace when asked', async () => {
    const workspace = workspaceWith(batchOf(['fox', 'owl', 'elk']))
    const run = await runAction({ inputs: quickInputs(sim, { batch: 'clips.yml', 'results-file': 'out/results.json' }), workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.outputs['results-file']).toBe(path.join(workspace, 'out/results.json'))
    const rows = JSON.parse(readFileSync(path.join(workspace, 'out/results.json'), 'utf8')) as (Row & { elapsed_ms: number })[]
    // Every `results` row, and more: the request and timing.
    expect(rows).toEqual(resultRows<Row>(run.outputs).map((row): unknown => expect.objectContaining(row)))
    expect(rows.map((r) => [r.name, (r.request as { prompt: string }).prompt, typeof r.elapsed_ms])).toEqual([
      ['fox', 'a fox at dawn', 'number'],
      ['owl', 'a owl at dawn', 'number'],
      ['elk', 'a elk at dawn', 'number'],
    ])
  })

  it('lies under RUNNER_TEMP by default, and a path outside the workspace fails before paying', async () => {
    const workspace = workspaceWith(batchOf(['fox']))
    const run = await runAction({ inputs: quickInputs(sim, { batch: 'clips.yml' }), workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)
    const file = run.outputs['results-file'] ?? ''
    expect(path.basename(path.dirname(file))).toMatch(/^foxapi-runner-temp-/) // the harness's RUNNER_TEMP
    expect((JSON.parse(readFileSync(file, 'utf8')) as Row[]).map((r) => r.name)).toEqual(['fox'])

    const outside = await runAction({ inputs: quickInputs(sim, { batch: 'clips.yml', 'results-file': '../results.json' }), workspace })
    expect(outside.exitCode).toBe(1)
    expect(outside.stdout).toMatch(/::error::Input 'results-file': \.\.[\\/]results\.json is outside the workspace/)
    expect(sim.createCount()).toBe(1)
  })
})

describe('credits and max-credits', () => {
  it('reports what a single clip reserved', async () => {
    const run = await runAction({ inputs: quickInputs(sim, { prompt: 'a fox [credits 7]' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.outputs.credits).toBe('7')
    expect(run.summary).toContain('<h3>✅ Clip: made · 7 credits</h3>')
    expect(run.summary).toContain('<th align="left">Credits</th><td>7 reserved by this step&#39;s task</td>')
  })

  it('stops a batch part way once the limit is reached; the rest is skipped and in-flight clips finish', async () => {
    const workspace = workspaceWith(batchOf(NAMES, ' [credits 4]'))
    const run = await runAction({ inputs: quickInputs(sim, { batch: 'clips.yml', concurrency: '2', 'max-credits': '10' }), workspace })
    // 4, 8, then 12 ≥ 10: the third task is the last submitted.
    expect(sim.createCount()).toBe(3)
    const rows = resultRows<Row>(run.outputs)
    expect(rows.map((r) => [r.name, r.outcome, r.credits])).toEqual([
      ['fox', 'succeeded', 4],
      ['owl', 'succeeded', 4],
      ['elk', 'succeeded', 4],
      ['cat', 'skipped', 0],
      ['hen', 'skipped', 0],
    ])
    const reason = "not started: max-credits 10 reached (12 credits reserved by this step's tasks)"
    expect(rows[3]?.error).toBe(reason)
    expect(run.outputs.credits).toBe('12')
    expect(run.summary).toContain(
      '<h3>⚠️ 3 of 5 clips made · 12 credits · This run: 12 of 10 credits used · ⏭️ cat: skipped: budget reached · ⏭️ hen: skipped: budget reached</h3>',
    )
    expect(run.summary).toContain('<td><b>cat</b></td><td>⏭️ skipped: budget reached</td>')
    expect(run.summary).toContain('To make it, raise max-credits (now 10) and re-run')
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`- cat: ${reason}`)
    expect(run.stdout).toMatch(/^::group::hen \(1 log line\)\nNot submitted: max-credits 10 reached/m)
  })
})
