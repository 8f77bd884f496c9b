// scripts/patch-dependencies.mjs (run by `npm ci` and `npm run build`): @actions/core loads its OIDC client,
// and with it undici, on first use. The change must be exact, idempotent, loud when the package changed, and
// must leave getIDToken() working.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as core from '@actions/core'
import { afterEach, describe, expect, it } from 'vitest'
import { PATCHES, patchText, type DependencyPatch } from '../scripts/patch-dependencies.mjs'
import { captureStdout, type StdoutCapture } from './support/stdout'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const corePatch = PATCHES.find((p) => p.file === '@actions/core/lib/core.js') as DependencyPatch
const STATIC_IMPORT = /^import \{ OidcClient \} from '\.\/oidc-utils\.js';$/m

/** A stand-in for core.js as published: every text the patch replaces, among other lines. */
const published = ['// core.js', ...corePatch.replacements.map(([from]) => from.trimEnd()), 'export function x() {}', ''].join('\n')

describe('patch-dependencies', () => {
  it('moves the OIDC import into getIDToken, and a second run changes nothing', () => {
    const patched = patchText(published, corePatch)
    expect(published).toMatch(STATIC_IMPORT)
    expect(patched).not.toMatch(STATIC_IMPORT)
    expect(patched).toContain("const { OidcClient } = yield import('./oidc-utils.js');")
    expect(patchText(patched, corePatch)).toBe(patched)
  })

  it('fails, naming the file, when the package no longer looks as expected', () => {
    expect(() => patchText(published.replace("'./oidc-utils.js'", "'./oidc.js'"), corePatch)).toThrow(
      /node_modules\/@actions\/core\/lib\/core\.js no longer contains .*exactly once/,
    )
    const twice = published + (corePatch.replacements[1]?.[0] ?? '')
    expect(() => patchText(twice, corePatch)).toThrow(/exactly once/)
  })

  it('is applied to the installed @actions/core', () => {
    const installed = readFileSync(path.join(root, 'node_modules', corePatch.file), 'utf8')
    expect(installed).not.toMatch(STATIC_IMPORT)
    expect(patchText(installed, corePatch)).toBe(installed)
  })

  it("exports @actions/cache's internal modules, once, so an entry can be downloaded without being unpacked", async () => {
    const cachePatch = PATCHES.find((p) => p.file === '@actions/cache/package.json') as DependencyPatch
    const installed = readFileSync(path.join(root, 'node_modules', cachePatch.file), 'utf8')
    expect(patchText(installed, cachePatch)).toBe(installed)
    const exports = (JSON.parse(installed) as { exports: Record<string, unknown> }).exports
    expect(Object.keys(exports)).toEqual(['.', './lib/internal/*.js'])
    const utils = await import('@actions/cache/lib/internal/cacheUtils.js')
    expect(typeof utils.getCacheVersion).toBe('function')
  })

  it("makes @actions/cache's service client try a throttled request again once Retry-After has passed", () => {
    const throttlePatch = PATCHES.find((p) => p.file.endsWith('/cacheTwirpClient.js')) as DependencyPatch
    const installed = readFileSync(path.join(root, 'node_modules', throttlePatch.file), 'utf8')
    expect(patchText(installed, throttlePatch)).toBe(installed)
    // Before the client's own "give up on a 429", a wait of at most a minute, then the next attempt.
    const retry = installed.indexOf('yield this.sleep(retryAfterMs);')
    expect(retry).toBeGreaterThan(0)
    expect(installed.indexOf('throw new RateLimitError', retry)).toBeGreaterThan(retry)
    expect(installed).toContain('retryAfterMs <= 60000 && attempt + 1 < this.maxAttempts')
    expect(() =>
      patchText(installed.replace(throttlePatch.mark ?? '', '').replace("headers['retry-after']", "headers['x-retry']"), throttlePatch),
    ).toThrow(/cacheTwirpClient\.js no longer contains/)
  })

  describe('getIDToken() of the patched @actions/core', () => {
    const saved = { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN }
    afterEach(() => {
      for (const [name, value] of [
        ['ACTIONS_ID_TOKEN_REQUEST_URL', saved.url],
        ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', saved.token],
      ] as const) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    })

    it('still asks the runner for a token', async () => {
      let stdout: StdoutCapture | undefined
      const seen: { url?: string; authorization?: string }[] = []
      const server = createServer((request, response) => {
        seen.push({ url: request.url, authorization: request.headers.authorization })
        response.setHeader('content-type', 'application/json')
        response.end(JSON.stringify({ value: 'oidc-token-for-test' }))
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      try {
        const { port } = server.address() as AddressInfo
        process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `http://127.0.0.1:${port}/token?api-version=2.0`
        process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'request-token'
        // getIDToken logs the URL as a ::debug:: line (and masks the token): kept out of the test output.
        stdout = captureStdout()
        await expect(core.getIDToken('foxapi')).resolves.toBe('oidc-token-for-test')
        expect(seen).toEqual([{ url: '/token?api-version=2.0&audience=foxapi', authorization: 'Bearer request-token' }])
      } finally {
        stdout?.restore()
        await new Promise((resolve) => server.close(resolve))
      }
    })
  })
})
