// The local Actions cache service (simulator/actions-cache-service.ts) against the real @actions/cache package,
// in this process: save, restore (exact, prefix, newest first, version), immutability, and an outage.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as cache from '@actions/cache'
import { BlockBlobClient } from '@azure/storage-blob'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startActionsCacheService, type ActionsCacheService } from '../simulator/actions-cache-service'
import { captureStdout } from './support/stdout'

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/'

let service: ActionsCacheService
let root: string
let dir: string // the cached directory; every test caches this one path, so the package's version hash is constant
const savedEnv: Record<string, string | undefined> = {}

function setEnv(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (!(name in savedEnv)) savedEnv[name] = process.env[name]
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
}

beforeAll(async () => {
  service = await startActionsCacheService()
  root = mkdtempSync(path.join(os.tmpdir(), 'actions-cache-service-'))
  dir = path.join(root, 'work', 'cached')
  mkdirSync(path.join(root, 'runner-temp'), { recursive: true })
  setEnv({
    ...service.env,
    RUNNER_TEMP: path.join(root, 'runner-temp'),
    GITHUB_WORKSPACE: path.join(root, 'work'),
    // A real runner's settings must not leak in when this suite itself runs in Actions.
    ACTIONS_CACHE_MODE: undefined,
    ACTIONS_CACHE_URL: undefined,
  })
})

afterEach(() => {
  service.setDown(false)
  vi.useRealTimers()
  vi.restoreAllMocks()
})

afterAll(async () => {
  await service.close()
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  rmSync(root, { recursive: true, force: true })
})

/** Runs `operation` with stdout (where @actions/core writes ::debug::, ::warning:: and info lines) captured. */
async function logged<T>(operation: () => Promise<T>): Promise<{ value: T; log: string; ms: number }> {
  const stdout = captureStdout()
  const started = Date.now()
  try {
    const value = await operation()
    return { value, log: stdout.text(), ms: Date.now() - started }
  } finally {
    stdout.restore()
  }
}

function writeDir(files: Record<string, Buffer | string>): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content)
}

const save = (key: string) => logged(() => cache.saveCache([dir], key))
async function restore(key: string, restoreKeys?: string[]) {
  rmSync(dir, { recursive: true, force: true })
  return logged(() => cache.restoreCache([dir], key, restoreKeys))
}
const read = (name: string) => readFileSync(path.join(dir, name))
const hasZstd = spawnSync('zstd', ['--version']).status === 0
const calls = (method: string) => service.requests.filter((r) => r.path === `${TWIRP}${method}`).length

describe('the actions cache service with the real @actions/cache', () => {
  it('saves, then restores the same bytes by exact key (zstd when available, else gzip)', async () => {
    const clip = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))
    writeDir({ 'clip.mp4': clip, 'meta.json': '{"sha256":"x"}' })
    const before = service.requests.length

    const saved = await save('exact-1')
    expect(saved.value, saved.log).toBeGreaterThan(0)
    const entry = service.entries.find((e) => e.key === 'exact-1')
    expect(entry).toMatchObject({ id: saved.value, finalized: true })
    expect(entry?.size).toBe(entry?.data?.length)
    // zstd is used when `zstd` is on PATH (cache.tzst; `zstd -T0` on Windows, `zstdmt` elsewhere), gzip otherwise (cache.tgz).
    if (hasZstd) expect(saved.log).toMatch(/--use-compress-program (zstdmt|"zstd -T0")/)
    else expect(saved.log).toContain('cache.tgz')

    const restored = await restore('exact-1')
    expect(restored.value, restored.log).toBe('exact-1')
    expect(restored.log).toContain('Cache hit for: exact-1')
    expect(read('clip.mp4').equals(clip)).toBe(true)
    expect(read('meta.json').toString()).toBe('{"sha256":"x"}')

    // Save: reserve, one Put Blob (small archive), finalize. Restore: look up, one plain GET.
    expect(service.requests.slice(before).map((r) => `${r.method} ${r.path.replace(/\/actionscache\/cache\/.*/, '<blob>')}`)).toEqual([
      `POST ${TWIRP}CreateCacheEntry`,
      'PUT <blob>',
      `POST ${TWIRP}FinalizeCacheEntryUpload`,
      `POST ${TWIRP}GetCacheEntryDownloadURL`,
      'GET <blob>',
    ])
  })

  it('matches restore keys by prefix, newest entry first; an exact key beats a newer prefix match', async () => {
    writeDir({ 'which.txt': 'b (older)' })
    expect((await save('prefix-b')).value).toBeGreaterThan(0)
    writeDir({ 'which.txt': 'a (newer)' })
    expect((await save('prefix-a')).value).toBeGreaterThan(0)

    const byRestoreKey = await restore('prefix-none', ['nothing-', 'prefix-'])
    expect(byRestoreKey.value).toBe('prefix-a') // newest, although 'prefix-b' sorts after it
    expect(byRestoreKey.log).toContain('Cache hit for restore-key: prefix-a')
    expect(read('which.txt').toString()).toBe('a (newer)')

    // The primary key is prefix-matched too (after an exact match), as the real service does.
    expect((await restore('prefix-')).value).toBe('prefix-a')
    expect((await restore('prefix-b', ['prefix-'])).value).toBe('prefix-b')
    expect(read('which.txt').toString()).toBe('b (older)')
  })

  it('misses (undefined, no warning) for an unknown key or another version of a known one', async () => {
    const miss = await restore('no-such-key', ['no-such-prefix-'])
    expect(miss.value).toBeUndefined()
    expect(miss.log).not.toContain('::warning::')

    // Same key, other path: the package's version hash differs, so the entry does not match...
    const otherDir = path.join(root, 'work', 'other')
    const other = await logged(() => cache.restoreCache([otherDir], 'exact-1'))
    expect(other.value).toBeUndefined()
    // ...and a save under that version is a separate entry, not a conflict.
    mkdirSync(otherDir, { recursive: true })
    writeFileSync(path.join(otherDir, 'f'), 'other')
    expect((await logged(() => cache.saveCache([otherDir], 'exact-1'))).value).toBeGreaterThan(0)
    expect(service.entries.filter((e) => e.key === 'exact-1')).toHaveLength(2)
  })

  it('never overwrites an entry: a second save of the key is refused (409), logged, and returns -1 without throwing', async () => {
    writeDir({ 'v.txt': 'first' })
    expect((await save('immutable')).value).toBeGreaterThan(0)
    writeDir({ 'v.txt': 'second' })
    const again = await save('immutable')
    expect(again.value).toBe(-1)
    // The service answers like GitHub's (409 already_exists); the package reports it as an info line, not a warning.
    expect(again.log).toContain('(409) Conflict: cache entry with the same key, version, and scope already exists')
    expect(again.log).toContain('Failed to save: Unable to reserve cache with key immutable, another job may be creating this cache.')
    expect(again.log).not.toContain('::warning::')
    expect(service.entries.filter((e) => e.key === 'immutable')).toHaveLength(1)
    expect((await restore('immutable')).value).toBe('immutable')
    expect(read('v.txt').toString()).toBe('first')
  })

  // Windows is left out: there @actions/cache takes Git's tar from %ProgramFiles% whatever PATH says, and a
  // PATH without zstd cannot be made from links to the tools (Git's sh names them by MSYS paths).
  it.skipIf(process.platform === 'win32')(
    'works with gzip archives too (no zstd on PATH); that is another version, so zstd entries do not match',
    async () => {
      const bin = path.join(root, 'bin-without-zstd')
      mkdirSync(bin, { recursive: true })
      for (const tool of ['tar', 'gzip']) {
        const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim()
        expect(found, `${tool} is needed`).not.toBe('')
        symlinkSync(found, path.join(bin, tool))
      }
      const originalPath = process.env.PATH
      process.env.PATH = bin
      try {
        writeDir({ 'g.txt': 'gzip me' })
        const saved = await save('gzip-1')
        expect(saved.value, saved.log).toBeGreaterThan(0)
        expect(saved.log).toContain('cache.tgz')
        expect(
          service.entries
            .find((e) => e.key === 'gzip-1')
            ?.data?.subarray(0, 2)
            .toString('hex'),
        ).toBe('1f8b') // gzip magic
        expect((await restore('gzip-1')).value).toBe('gzip-1')
        expect(read('g.txt').toString()).toBe('gzip me')
        if (hasZstd) expect((await restore('exact-1')).value).toBeUndefined() // saved with zstd above
      } finally {
        process.env.PATH = originalPath
      }
    },
  )

  it('down with dropped connections: restore warns and save gives up at once', async () => {
    writeDir({ 'v.txt': 'x' })
    service.setDown(true, 'reset')
    const restored = await restore('exact-1')
    expect(restored.value).toBeUndefined()
    expect(restored.log).toContain('::warning::Failed to restore: Failed to GetCacheEntryDownloadURL: Unable to make request: ECONNRESET')
    expect(restored.ms).toBeLessThan(3_000)

    writeDir({ 'v.txt': 'x' })
    const saved = await save('while-down')
    expect(saved.value).toBe(-1)
    // Any CreateCacheEntry failure becomes a ReserveCacheError, which the package logs as info only.
    expect(saved.log).toContain('Failed to save: Unable to reserve cache with key while-down')
    expect(saved.log).not.toContain('::warning::')
    expect(saved.ms).toBeLessThan(3_000)
    expect(service.entries.some((e) => e.key === 'while-down')).toBe(false)
  })

  it('down with 503s: the package retries 5 times with 3 s+ backoff (~25-35 s), then warns', async () => {
    // Only the package's retry sleeps (setTimeout) are faked, so this takes well under a second of real time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    service.setDown(true) // 503
    const before = calls('GetCacheEntryDownloadURL')
    let settled = false
    const pending = restore('exact-1').finally(() => (settled = true))
    let fakeMs = 0
    while (!settled) {
      await vi.advanceTimersByTimeAsync(250)
      fakeMs += 250
      await new Promise((resolve) => setImmediate(resolve)) // let real sockets make progress
    }
    const restored = await pending
    expect(restored.value).toBeUndefined()
    expect(calls('GetCacheEntryDownloadURL') - before).toBe(5)
    expect(restored.log).toContain(
      '::warning::Failed to restore: Failed to GetCacheEntryDownloadURL: Failed to make request after 5 attempts: Failed request: (503) Service Unavailable',
    )
    const delays = [...restored.log.matchAll(/Retrying request in (\d+) ms/g)].map((m) => Number(m[1]))
    expect(delays).toHaveLength(4)
    const backoff = delays.reduce((a, b) => a + b, 0)
    expect(backoff).toBeGreaterThanOrEqual(24_375) // 3000 + 4500 + 6750 + 10125
    expect(backoff).toBeLessThanOrEqual(35_063) // 3000 + 6750 + 10125 + 15188
    expect(fakeMs).toBeGreaterThanOrEqual(backoff)
  })
})

describe('the protocol, as the Azure SDK and a Twirp client see it', () => {
  const twirp = (method: string, body: unknown, token = service.env.ACTIONS_RUNTIME_TOKEN) =>
    fetch(`${service.url}${TWIRP}${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    })

  it('refuses a wrong runtime token with a Twirp unauthenticated error', async () => {
    const response = await twirp('GetCacheEntryDownloadURL', { key: 'k', version: 'v' }, 'wrong')
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: 'unauthenticated' })
  })

  it('takes Put Block + Put Block List uploads and serves HEAD + ranged GETs (the SDK download path)', async () => {
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251))
    const created = (await (await twirp('CreateCacheEntry', { key: 'blocks', version: 'v1' })).json()) as {
      ok: boolean
      signed_upload_url: string
    }
    expect(created.ok).toBe(true)
    const before = service.requests.length
    await new BlockBlobClient(created.signed_upload_url).uploadData(data, { maxSingleShotSize: 1024, blockSize: 3000, concurrency: 2 })
    const puts = service.requests.slice(before).filter((r) => r.method === 'PUT')
    expect(puts).toHaveLength(5) // 4 blocks + the block list

    const finalized = await (
      await twirp('FinalizeCacheEntryUpload', { key: 'blocks', version: 'v1', size_bytes: String(data.length) })
    ).json()
    expect(finalized).toMatchObject({ ok: true, entry_id: expect.stringMatching(/^\d+$/) })

    // Immutable: the upload URL no longer works.
    await expect(new BlockBlobClient(created.signed_upload_url).uploadData(Buffer.from('x'))).rejects.toMatchObject({ statusCode: 409 })

    const found = (await (await twirp('GetCacheEntryDownloadURL', { key: 'blo', restore_keys: [], version: 'v1' })).json()) as {
      ok: boolean
      signed_download_url: string
      matched_key: string
    }
    expect(found).toMatchObject({ ok: true, matched_key: 'blocks' })
    const downloaded = await new BlockBlobClient(found.signed_download_url).downloadToBuffer(0, undefined, { blockSize: 4096 })
    expect(downloaded.equals(data)).toBe(true)

    // The download URL is read-only, and a tampered signature is refused.
    await expect(new BlockBlobClient(found.signed_download_url).uploadData(Buffer.from('x'))).rejects.toMatchObject({ statusCode: 403 })
    expect((await fetch(found.signed_download_url.replace(/sig=[^&]+/, 'sig=AAAA'))).status).toBe(403)
    expect(await twirp('GetCacheEntryDownloadURL', { key: 'blocks', version: 'v2' }).then((r) => r.json())).toMatchObject({ ok: false })
  })
})
