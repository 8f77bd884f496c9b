// The inputs of issue 11: dry-run, only, max-credits, results-file (the credit budget itself: __tests__/run/budget.test.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { readInputs } from '../../src/inputs/read-inputs'

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
