// `npm run local-action` (@github/local-action running src/main.ts, then src/post.ts) against the simulator,
// with the default cache: true, twice: both steps run to the end without an error or a stack trace. The
// second run is not served from local-action's file cache: its stand-in for @actions/cache can only unpack an
// entry with tar into the workspace, which the action never lets an entry do (it says so, and pays again).
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
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
  it('runs the main and the post step to the end, twice (saved to its cache, never restored)', { timeout: 90_000 }, async () => {
    // local-action runs in the repository (its workspace is the current directory, as on a runner, where
    // the cache's relative paths resolve): the clips go to a folder of .tmp/ that is removed afterwards.
    const envFile = path.join(dir, '.env')
    const clips = path.join('.tmp', path.basename(dir))
    onTestFinished(() => rmSync(path.join(root, clips), { recursive: true, force: true }))
    writeFileSync(
      envFile,
      [
        `INPUT_API-KEY=${API_KEY}`,
        `INPUT_BASE-URL=${sim.url}`,
        'INPUT_PROMPT=A red fox in the snow',
        'INPUT_POLL-INTERVAL=100ms',
        `INPUT_OUTPUT-PATH=${clips}/{task-id}.mp4`,
        `LOCAL_ACTION_WORKSPACE=${path.join(dir, 'local-action')}`,
        `LOCAL_ACTION_CACHE_PATH=${path.join(dir, 'cache')}`,
        'ACTIONS_CACHE_URL=http://127.0.0.1:9/local-action',
        `GITHUB_STEP_SUMMARY=${path.join(dir, 'summary.md')}`,
        `RUNNER_TEMP=${path.join(dir, 'runner-temp')}`,
        'GITHUB_REPOSITORY=acme/marketing',
        'GITHUB_RUN_ID=7',
        '',
      ].join('\n'),
    )

    const first = await localAction(envFile)
    expect(first.code, first.out).toBe(0)
    expect(first.out).toContain('Running Post Step')
    expect(first.out).not.toMatch(/::error::|Unexpected error|\n\s+at /)
    expect(first.out).toMatch(/'status'\s*│ 'completed'/)
    expect(first.out).toMatch(/'cache-hit'\s*│ 'false'/)
    expect(first.out).not.toContain(API_KEY)
    const created = sim.requests.filter((r) => r.method === 'POST').length
    expect(created).toBe(1)

    const second = await localAction(envFile)
    expect(second.code, second.out).toBe(0)
    expect(second.out).not.toMatch(/::error::|Unexpected error|\n\s+at /)
    expect(second.out).toContain('::warning::Cache entries are not restored here: this @actions/cache is a stand-in')
    expect(second.out).toMatch(/'cache-hit'\s*│ 'false'/)
    expect(sim.requests.filter((r) => r.method === 'POST').length).toBe(created + 1)
    expect(readdirSync(path.join(root, clips))).toHaveLength(2)
    expect(readdirSync(path.join(dir, 'cache')).filter((name) => name.endsWith('.cache')).length).toBeGreaterThan(0)
  })
})
