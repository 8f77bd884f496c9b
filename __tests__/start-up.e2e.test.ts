// What a start of dist/index.js loads. A step that ends without touching the network (an input error, a post
// step with nothing left to do) must end before undici and the network code load: they are most of the
// start-up (`npm run bench` prints it). Node's own HTTP, TLS and zlib modules, which only undici pulls in,
// show whether it loaded. A real run is the control: it must load them, or the check could never fail.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { checkKeyAndClose, quickInputs, runAction } from './support/fixtures'
import type { StartOptions } from '../simulator/actions-runner'

const HOOK = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'support/record-builtins.mjs')).href
/** Built-in modules that only the network code brings in (Node's own undici is what `fetch` and `Headers` load). */
const NETWORK_BUILTINS = ['http', 'https', 'http2', 'tls', 'zlib', 'internal/deps/undici/undici']

let sim: FoxApiSimulator
beforeEach(async () => {
  sim = await startFoxApiSimulator({ taskDurationMs: 200 })
})
afterEach(() => checkKeyAndClose(sim))

/** Runs the action with the recording hook and returns the run and the network built-ins it loaded. */
async function runRecorded(options: StartOptions) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'foxapi-builtins-')), 'loaded.txt')
  const run = await runAction({ ...options, env: { ...options.env, NODE_OPTIONS: `--import=${HOOK}`, FOXAPI_TEST_BUILTINS_FILE: file } })
  const loaded = new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((entry) => entry.replace(/^NativeModule /, '')),
  )
  return { run, network: NETWORK_BUILTINS.filter((name) => loaded.has(name)) }
}

describe('start-up of dist/index.js', () => {
  it('an input error ends before any network code loads', async () => {
    const { run, network } = await runRecorded({ inputs: quickInputs(sim, { prompt: '', duration: '99' }) })
    expect(run.exitCode).toBe(1)
    expect(run.visibleLog).toContain("Input 'duration' must be a whole number of seconds")
    expect(network).toEqual([])
    expect(sim.requests).toHaveLength(0)
  })

  it('a post step with no task left ends before any network code loads', async () => {
    const { run, network } = await runRecorded({
      inputs: quickInputs(sim, { 'cancel-on-timeout': 'true' }),
      state: { isPost: 'true', 'cancel-on-timeout': 'true', 'waiting-task-ids': '[]' },
    })
    expect(run.exitCode).toBe(0)
    expect(network).toEqual([])
  })

  it('a real run loads it (the control: the check above can fail)', async () => {
    const { run, network } = await runRecorded({ inputs: quickInputs(sim, { download: 'false' }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('completed')
    expect(network).toEqual(expect.arrayContaining(['http', 'zlib', 'internal/deps/undici/undici']))
  })
})

describe('the MP4 reader (mp4box)', () => {
  it('is bundled only in the reader worker (dist/clip-reader/), loaded on first use there, never by the step itself', () => {
    const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../dist')
    const holding = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.js') && readFileSync(path.join(dist, file), 'utf8').includes('buildTrakSampleLists'))
    expect(holding).toHaveLength(1)
    expect(path.dirname(holding[0] ?? '')).toBe('clip-reader')
    expect(path.basename(holding[0] ?? '')).not.toBe('index.js')
    // The one place that loads it: an import() in the worker's own bundle.
    const chunk = path.basename(holding[0] ?? '').replace(/\.index\.js$/, '')
    const workerEntry = readFileSync(path.join(dist, 'clip-reader/index.js'), 'utf8')
    expect(workerEntry).toContain(`import() */ ${chunk})`)
    // The step starts the worker from the chunk that checks clips; nothing of the step holds the reader.
    const starters = readdirSync(dist).filter(
      (file) => file.endsWith('.js') && readFileSync(path.join(dist, file), 'utf8').includes("join('clip-reader', 'index.js')"),
    )
    expect(starters).toHaveLength(1)
    expect(starters[0]).not.toBe('index.js')
  })
})
