// `npm run local-action` (@github/local-action running src/main.ts, then src/post.ts) against the simulator,
// with the default cache: true, twice, with the shipped .env.example (its relative paths as they are): both steps
// run to the end without an error or a stack trace, the first saves its entries to local-action's file cache, and
// the second is served from there (read by the action itself, never unpacked by the stand-in's tar).
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { API_KEY, checkKeyAndClose } from './support/fixtures'

const root = path.resolve(import.meta.dirname, '..')
let sim: FoxApiSimulator
let dir: string

beforeAll(async () => {
  sim = await startFoxApiSimulator({ taskDurationMs: 300 })
  dir = mkdtempSync(path.join(os.tmpdir(), 'foxapi-local-action-'))
})
afterAll(async () => {
  await checkKeyAndClose(sim)
  rmSync(dir, { recursive: true, force: true })
})

function localAction(envFile: string): Promise<{ code: number | null; out: string }> {
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
  const child = spawn(process.execPath, [tsx, 'scripts/local-action.ts', envFile], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, out }))
  })
}

describe('npm run local-action', () => {
  it("with .env.example saves to local-action's cache, and the second run is served from it", { timeout: 90_000 }, async () => {
    // .env.example as shipped, but for the simulator's port and a folder of .tmp/ of this test's own (removed after).
    const folder = path.join('.tmp', `local-action-${path.basename(dir)}`)
    onTestFinished(() => {
      for (const made of [folder, `${folder}-cache`]) rmSync(path.join(root, made), { recursive: true, force: true })
    })
    const example = readFileSync(path.join(root, '.env.example'), 'utf8')
    expect(example).toContain('INPUT_BASE-URL=http://127.0.0.1:8787')
    expect(example).toMatch(/^LOCAL_ACTION_CACHE_PATH=\.tmp\/local-action-cache$/m)
    const envFile = path.join(dir, '.env')
    writeFileSync(envFile, example.replace('http://127.0.0.1:8787', sim.url).replaceAll('.tmp/local-action', folder))

    const first = await localAction(envFile)
    expect(first.code, first.out).toBe(0)
    expect(first.out).toContain('Running Post Step')
    expect(first.out).not.toMatch(/::error::|::warning::|Unexpected error|Cannot open|\n\s+at /)
    expect(first.out).toMatch(/'status'\s*│ 'completed'/)
    expect(first.out).toMatch(/'cache-hit'\s*│ 'false'/)
    expect(first.out).not.toContain(API_KEY)
    const created = sim.requests.filter((r) => r.method === 'POST').length
    expect(created).toBe(1)
    const saved = readdirSync(path.join(root, `${folder}-cache`)).filter((name) => name.endsWith('.cache'))
    expect(saved.length).toBeGreaterThanOrEqual(2) // the clip and its task's notes

    const second = await localAction(envFile)
    expect(second.code, second.out).toBe(0)
    expect(second.out).not.toMatch(/::error::|::warning::|Unexpected error|\n\s+at /)
    expect(second.out).toMatch(/'cache-hit'\s*│ 'true'/)
    expect(second.out).toContain('♻️ clip: reused from the cache')
    expect(sim.requests.filter((r) => r.method === 'POST').length).toBe(created)
    expect(readdirSync(path.join(root, folder)).filter((name) => name.endsWith('.mp4'))).toHaveLength(1)
  })
})
