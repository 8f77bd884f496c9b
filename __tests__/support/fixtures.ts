// Shared pieces of the end-to-end tests: the simulator's key, the clip it serves, and the secret check.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { expect, onTestFinished } from 'vitest'
import { clipFor, type FoxApiSimulator } from '../../simulator/foxapi-simulator'
import type { ResultRow } from '../../src/report/outputs'
import { everythingWritten, runAction as runHarness, type ActionRun, type StartOptions } from '../../simulator/actions-runner'

export const API_KEY = 'sk-test-valid-key'

/** The clip the simulator serves for a request of the default shape (kling-o3-ref: 16:9, 5 s). */
export const CLIP_BYTES = clipFor({ model: 'kling-o3-ref' })
export const CLIP_SHA256 = sha256Of(CLIP_BYTES)

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Inputs for a quick run against the simulator: fast polls, short timeouts, no cache unless asked. */
export function quickInputs(sim: FoxApiSimulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': API_KEY,
    'base-url': sim.url,
    prompt: 'A red fox runs through snow at golden hour',
    'poll-interval': '100ms',
    timeout: '20s',
    'request-timeout': '2s',
    cache: 'false',
    ...extra,
  }
}

/** The key must not surface anywhere the run wrote: log, outputs, state, summary. */
export function expectNoSecret(run: ActionRun, secret = API_KEY): void {
  expect(everythingWritten(run)).not.toContain(secret)
}

export function requestsTo(sim: FoxApiSimulator, method: string, pathPattern: RegExp) {
  return sim.requests.filter((r) => r.method === method && pathPattern.test(r.path))
}

export const polls = (sim: FoxApiSimulator) => requestsTo(sim, 'GET', /^\/v1\/tasks\//)

/**
 * Runs the built action (see simulator/actions-runner) and, once the test is over, checks that the key
 * surfaced nowhere the run wrote. Every end-to-end test gets this check without having to ask for it.
 */
export async function runAction(options: StartOptions): Promise<ActionRun> {
  const run = await runHarness(options)
  onTestFinished(() => expectNoSecret(run))
  return run
}

/** The key went to FoxAPI's API routes only: never to the clip's host, never with a download. */
export function expectKeyOnlyWithApi(sim: FoxApiSimulator, secret = API_KEY): void {
  for (const request of sim.requests) {
    const apiCall = request.host === 'api' && request.path.startsWith('/v1/')
    if (!apiCall) {
      expect(request.headers.authorization, `${request.host} ${request.method} ${request.path}`).toBeUndefined()
      expect(JSON.stringify(request)).not.toContain(secret)
    }
  }
}

/** After each test: the key went to the API routes only, and the simulator closes whatever happened. */
export async function checkKeyAndClose(sim: FoxApiSimulator | undefined): Promise<void> {
  try {
    if (sim) expectKeyOnlyWithApi(sim)
  } finally {
    await sim?.close()
  }
}

/** The `results` output's rows (a dry run's rows carry its plan fields too). */
export function resultRows<Row = ResultRow>(outputs: Record<string, string>): Row[] {
  return JSON.parse(outputs.results ?? '[]') as Row[]
}

/** A cache archive's tar bytes as text (zstd or gzip, as @actions/cache chose). */
export function unpacked(archive: Buffer | undefined): string {
  if (!archive) return ''
  if (archive[0] === 0x1f && archive[1] === 0x8b) return gunzipSync(archive).toString('latin1')
  const zstd = spawnSync('zstd', ['-dc'], { input: archive })
  expect(zstd.status).toBe(0)
  return zstd.stdout.toString('latin1')
}
