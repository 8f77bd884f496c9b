// Shared pieces of the end-to-end tests: the simulator's key, the clip it serves, and the secret check.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { FoxApiSimulator } from '../../simulator/foxapi-simulator'
import { everythingWritten, type ActionRun } from '../../simulator/actions-runner'

export const API_KEY = 'sk-test-valid-key'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const CLIP_BYTES = readFileSync(path.join(root, 'simulator/fixtures/clip.mp4'))
export const CLIP_SHA256 = createHash('sha256').update(CLIP_BYTES).digest('hex')

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
