// The inputs of issue 11: dry-run, only, max-credits, results-file; and the credit budget on its own.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { CreditBudget, creditsFigure, creditsReserved, type PeriodSpending } from '../../src/run/budget'
import { RequestError } from '../../src/foxapi/request-errors'
import { readInputs } from '../../src/inputs/read-inputs'
import type { Task } from '../../src/foxapi/task'

// The key is registered as a secret, which prints `::add-mask::`: not wanted in the test output.
vi.mock('@actions/core', async (original) => ({ ...(await original<typeof import('@actions/core')>()), setSecret: () => {} }))

const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-plan-inputs-'))
const outside = mkdtempSync(path.join(os.tmpdir(), 'foxapi-plan-outside-'))
afterAll(() => {
  rmSync(workspace, { recursive: true, force: true })
  rmSync(outside, { recursive: true, force: true })
})

const BATCH = '- { name: fox, prompt: a fox }\n- { name: owl, prompt: an owl }\n- { name: elk, prompt: an elk }\n'

function read(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return readInputs((name) => inputs[name] ?? '', { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: '/runner/temp', ...env })
}
function problems(inputs: Record<string, string>): string[] {
  const result = read(inputs)
  return result.ok ? [] : result.problems
}
const KEY = { 'api-key': 'sk-test' }

describe('dry-run', () => {
  it('needs no api key (nothing is sent), but a real run still does', () => {
    const dry = read({ 'dry-run': 'true', prompt: 'a fox' })
    expect(dry.ok && dry.settings.dryRun).toBe(true)
    expect(problems({ prompt: 'a fox' })[0]).toMatch(/Input 'api-key' is required/)
  })

  it('still validates every other input', () => {
    expect(problems({ 'dry-run': 'true', prompt: 'a fox', duration: '60' })).toEqual([
      expect.stringMatching(/^Input 'duration' must be a whole number of seconds from 3 to 15/),
    ])
    expect(problems({ 'dry-run': 'maybe', prompt: 'a fox', ...KEY })).toEqual([
      expect.stringMatching(/^Input 'dry-run' must be true or false/),
    ])
  })
})

describe('only', () => {
  it('keeps the named entries, in batch order', () => {
    const result = read({ ...KEY, batch: BATCH, only: ' elk ,fox' })
    expect(result.ok && result.clips.map((c) => c.name)).toEqual(['fox', 'elk'])
  })

  it('picks a name holding a comma by its full text (as a matrix job passes it)', () => {
    const result = read({
      ...KEY,
      batch: '- { name: "fox, at dawn", prompt: a fox }\n- { name: fox, prompt: another fox }\n',
      only: 'fox, at dawn',
    })
    expect(result.ok && result.clips.map((c) => c.name)).toEqual(['fox, at dawn'])
  })

  it('refuses names not in the batch, listing the ones there are', () => {
    expect(problems({ ...KEY, batch: BATCH, only: 'fox,wolf' })).toEqual([
      "Input 'only' names 'wolf', not in the batch (its entries: fox, owl, elk)",
    ])
  })

  it('refuses an empty list and a list without a batch', () => {
    expect(problems({ ...KEY, batch: BATCH, only: ' , ' })).toEqual(["Input 'only' must list batch entry names, separated by commas"])
    expect(problems({ ...KEY, prompt: 'a fox', only: 'clip' })[0]).toMatch(/^Input 'only' picks entries of a 'batch'/)
  })
})

describe('max-credits', () => {
  it.each([
    ['10', 10],
    ['2.5', 2.5],
    ['', undefined],
  ])('reads %j', (value, expected) => {
    const result = read({ ...KEY, prompt: 'a fox', 'max-credits': value })
    expect(result.ok && result.settings.maxCredits).toBe(expected)
  })

  it.each(['0', '-5', 'ten', '1e3', '99999999'])('refuses %j', (value) => {
    expect(problems({ ...KEY, prompt: 'a fox', 'max-credits': value })).toEqual([
      expect.stringMatching(/^Input 'max-credits' must be a positive number/),
    ])
  })
})

describe('results-file', () => {
  it('defaults to a fresh file under RUNNER_TEMP', () => {
    const result = read({ ...KEY, prompt: 'a fox' })
    const file = result.ok ? result.settings.resultsFile : ''
    expect(path.dirname(file)).toBe(path.join('/runner/temp'))
    expect(path.basename(file)).toMatch(/^foxapi-video-results-[0-9a-f]{8}\.json$/)
  })

  it('takes a path inside the workspace', () => {
    const result = read({ ...KEY, prompt: 'a fox', 'results-file': 'out/results.json' })
    expect(result.ok && result.settings.resultsFile).toBe(path.join(workspace, 'out/results.json'))
  })

  it('refuses paths outside the workspace, in .git, through a link, or a directory', () => {
    mkdirSync(path.join(workspace, 'a-folder'), { recursive: true })
    symlinkSync(outside, path.join(workspace, 'linked'))
    const refused = (value: string) => problems({ ...KEY, prompt: 'a fox', 'results-file': value })
    expect(refused('../results.json')).toEqual([
      expect.stringMatching(/^Input 'results-file': \.\.[\\/]results\.json is outside the workspace/),
    ])
    expect(refused(path.join(outside, 'r.json'))).toEqual([expect.stringMatching(/is outside the workspace/)])
    expect(refused('.git/results.json')).toEqual([expect.stringMatching(/is inside a \.git directory/)])
    expect(refused('linked/results.json')).toEqual([expect.stringMatching(/leads outside the workspace/)])
    expect(refused('a-folder')).toEqual([expect.stringMatching(/is an existing directory/)])
    expect(refused('.')).toEqual([expect.stringMatching(/is the workspace itself/)])
  })
})

describe('CreditBudget', () => {
  const task = (id: string, credits?: unknown): Task => ({
    id,
    status: 'pending',
    ...(credits !== undefined ? { usage: { credits_reserved: credits } as Task['usage'] } : {}),
  })

  it('counts the highest figure per submission, also when replies report it released or name every task alike', async () => {
    const budget = new CreditBudget(undefined)
    const first = await budget.submit(async () => task('a', 5))
    const second = await budget.submit(async () => task('a', 3))
    if (!first.submitted || !second.submitted) throw new Error('not submitted')
    first.counted.update(task('a', 7))
    first.counted.update(task('a', 0))
    expect(budget.reserved).toBe(10)
    expect([first.counted.credits, second.counted.credits]).toEqual([7, 3])
    expect(budget.reached).toBe(false)
  })

  it('with a period, counts earlier runs plus this step, keeps the highest figure, and records the total before each create', async () => {
    const recorded: number[] = []
    const budget = new CreditBudget(10, () => {}, {
      period: 'month-2026-12',
      spentEarlier: 4,
      record: async (reserved) => void recorded.push(reserved),
    })
    const sent: string[] = []
    const create = (id: string) => async () => (sent.push(id), task(id, 3))
    const first = await budget.submit(create('a'))
    if (!first.submitted) throw new Error('not submitted')
    first.counted.update(task('a', 3)) // the same figure: nothing new to record
    first.counted.update(task('a', 2)) // a lower one never lowers the count
    const rest = await Promise.all(['b', 'c'].map((id) => budget.submit(create(id))))
    expect(sent).toEqual(['a', 'b']) // 4 + 3 < 10, 4 + 6 ≥ 10
    // Before a's create (the opening record), after a's reply, before b's create, after b's reply.
    expect(recorded).toEqual([0, 3, 3, 6])
    expect(rest[1]).toEqual({
      submitted: false,
      reason:
        "not started: max-credits 10 for month-2026-12 reached (4 credits spent by earlier runs in the period, 6 by this step's tasks)",
    })
  })

  it('with a period, sends no create once a record could not be saved', async () => {
    const period: PeriodSpending = { period: 'month-2026-12', spentEarlier: 0 }
    let saves = 0
    period.record = async () => {
      if (++saves === 3) period.blocked = 'the spend record could not be saved'
    }
    const budget = new CreditBudget(100, () => {}, period)
    let sent = 0
    const outcomes = []
    for (const id of ['a', 'b']) outcomes.push(await budget.submit(async () => (sent++, task(id, 3))))
    expect(sent).toBe(1)
    expect(outcomes[1]).toEqual({ submitted: false, reason: 'not started: the spend record could not be saved' })
  })

  it('with a period whose spend records are not believed, submits nothing at all', async () => {
    const budget = new CreditBudget(10, () => {}, {
      period: 'month-2026-12',
      spentEarlier: 0,
      blocked: 'the spend records cannot be trusted',
    })
    let sent = 0
    const outcome = await budget.submit(async () => (sent++, task('a', 1)))
    expect(sent).toBe(0)
    expect(outcome).toEqual({ submitted: false, reason: 'not started: the spend records cannot be trusted' })
  })

  it('with a period, an unknown create outcome still counts as the limit reached', async () => {
    const budget = new CreditBudget(100, () => {}, { period: 'day-2026-12-02', spentEarlier: 1 })
    const lost = new RequestError('socket hang up', { retryable: false, mayHaveBeenProcessed: true })
    await expect(budget.submit(async () => Promise.reject(lost))).rejects.toThrow('socket hang up')
    const next = await budget.submit(async () => task('b', 1))
    expect(next.submitted).toBe(false)
    expect(budget.reached).toBe(true)
  })

  it('submits nothing once the limit is reached, and says why', async () => {
    const budget = new CreditBudget(10)
    const sent: string[] = []
    const create = (id: string) => async () => (sent.push(id), task(id, 5))
    const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((id) => budget.submit(create(id))))
    expect(sent).toEqual(['a', 'b'])
    expect(outcomes.map((o) => o.submitted)).toEqual([true, true, false, false])
    expect(outcomes[3]).toEqual({
      submitted: false,
      reason: "not started: max-credits 10 reached (10 credits reserved by this step's tasks)",
    })
  })

  it('takes one submission at a time with a limit, so each decision sees the earlier replies', async () => {
    const budget = new CreditBudget(6)
    let inFlight = 0
    let most = 0
    const create = (id: string) => async () => {
      most = Math.max(most, ++inFlight)
      await new Promise((resolve) => setTimeout(resolve, 5))
      inFlight--
      return task(id, 4)
    }
    const outcomes = await Promise.all(['a', 'b', 'c'].map((id) => budget.submit(create(id))))
    expect(most).toBe(1)
    expect(outcomes.map((o) => o.submitted)).toEqual([true, true, false]) // 4 < 6, then 8 ≥ 6
  })

  it('goes on after a create FoxAPI refused, and warns once when replies carry no credits', async () => {
    const warnings: string[] = []
    const budget = new CreditBudget(5, (text) => warnings.push(text))
    const refused = new RequestError('HTTP 422', { status: 422, retryable: false, mayHaveBeenProcessed: true })
    await expect(budget.submit(async () => Promise.reject(refused))).rejects.toThrow('HTTP 422')
    await budget.submit(async () => task('a'))
    await budget.submit(async () => task('b'))
    expect(warnings).toEqual(["FoxAPI's reply for task a reports no usage.credits_reserved, so max-credits cannot count it."])
    expect(budget.reached).toBe(false)
  })

  it.each([
    ['a 502', new RequestError('HTTP 502', { status: 502, retryable: true, mayHaveBeenProcessed: true })],
    ['a reset', new RequestError('ECONNRESET', { networkCode: 'ECONNRESET', retryable: true, mayHaveBeenProcessed: true })],
    ['an error of no known kind', new Error('boom')],
  ])('counts a create that failed with %s as reaching the limit', async (_what, error) => {
    const budget = new CreditBudget(100)
    await expect(budget.submit(async () => Promise.reject(error))).rejects.toThrow()
    expect(budget.reached).toBe(true)
    const next = await budget.submit(async () => task('b', 1))
    expect(next).toEqual({
      submitted: false,
      reason: expect.stringMatching(/counted as reached, because a create request's outcome is unknown/),
    })
  })

  it('counts an unusable figure as reaching the limit', async () => {
    const warnings: string[] = []
    const budget = new CreditBudget(100, (text) => warnings.push(text))
    await budget.submit(async () => task('a', '1e999'))
    expect(budget.reached).toBe(true)
    expect(warnings).toEqual([expect.stringContaining('usage.credits_reserved "1e999" for task a')])
  })

  it('reads usage.credits_reserved only when it is a usable number', () => {
    expect([5, '2.5', -1, 'lots', null, Infinity, '1e999', 2_000_000].map((c) => creditsFigure(task('x', c)).kind)).toEqual([
      'credits',
      'credits',
      'unusable',
      'unusable',
      'none',
      'unusable',
      'unusable',
      'unusable',
    ])
    expect(creditsReserved(task('x', '2.5'))).toBe(2.5)
  })
})

describe('examples', () => {
  const root = path.resolve(__dirname, '../..')
  it.each(['matrix.yml', 'pr-check.yml'])('docs/batches-and-matrix.md shows examples/%s exactly, and it parses', (file) => {
    const text = readFileSync(path.join(root, 'examples', file), 'utf8')
    expect(readFileSync(path.join(root, 'docs/batches-and-matrix.md'), 'utf8')).toContain(`\`\`\`yaml\n${text}\`\`\``)
    const workflow = parseYaml(text) as { jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }> }
    const ours = Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).filter((s) => s.uses?.includes('foxapi-video-action')))
    expect(ours.length).toBeGreaterThan(0)
    for (const step of ours) expect(step.uses).toBe('your-org/foxapi-video-action@v1')
  })

  it('wires the plan job to the matrix and each matrix job to one entry', () => {
    const text = readFileSync(path.join(root, 'examples/matrix.yml'), 'utf8')
    expect(text).toContain('matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}')
    expect(text).toContain('only: ${{ matrix.name }}')
    expect(text).toContain('dry-run: true')
  })
})
