// src/cache/entry-download.ts against a local blob server: an entry is refused past its limit whether its size is
// announced, missing or false, a throttled or failing server is tried again no sooner than Retry-After asks, and
// a body cut short is not taken for an entry.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { OversizeEntryError, downloadEntryArchive } from '../../src/cache/entry-download'

let server: Server | undefined
const dir = mkdtempSync(path.join(os.tmpdir(), 'foxapi-entry-download-'))
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  server = undefined
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const seen: { method: string; at: number }[] = []
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  seen.length = 0
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', at: Date.now() })
    handler(req, res)
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}/blob?sig=secret`
}
const file = () => path.join(mkdtempSync(path.join(dir, 'f-')), 'cache.tzst')

describe('downloadEntryArchive', () => {
  it('downloads an entry within its limit', async () => {
    const body = Buffer.alloc(5000, 1)
    const url = await serve((_req, res) =>
      res.writeHead(200, { 'content-length': body.length }).end(_req.method === 'HEAD' ? undefined : body),
    )
    const target = file()
    await downloadEntryArchive(url, target, 5000, 'a test entry')
    expect(readFileSync(target).equals(body)).toBe(true)
  })

  it('refuses an announced size above the limit after the HEAD alone', async () => {
    const url = await serve((_req, res) => res.writeHead(200, { 'content-length': '314572800' }).end())
    await expect(downloadEntryArchive(url, file(), 16_384, 'a pending entry')).rejects.toThrow(
      new OversizeEntryError(314_572_800, 16_384, 'a pending entry'),
    )
    expect(seen.map((r) => r.method)).toEqual(['HEAD'])
  })

  it('stops an unannounced body past the limit, and the message never shows the URL', async () => {
    const url = await serve((req, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' })
      if (req.method === 'HEAD') return void res.end()
      const pump = () => {
        while (!res.destroyed && res.write(Buffer.alloc(65_536, 2)));
        if (!res.destroyed) res.once('drain', pump)
      }
      pump()
    })
    const error = await downloadEntryArchive(url, file(), 100_000, 'a clip entry').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OversizeEntryError)
    expect(String(error)).not.toContain('secret')
  })

  it('tries a throttled server again no sooner than Retry-After, and gives up on a wait too long', async () => {
    let answered = 0
    const url = await serve((req, res) => {
      if (answered++ === 0) return void res.writeHead(429, { 'retry-after': '1', 'content-length': '0' }).end()
      res.writeHead(200, { 'content-length': '3' }).end(req.method === 'HEAD' ? undefined : 'abc')
    })
    await downloadEntryArchive(url, file(), 100, 'a test entry')
    expect((seen[1]?.at ?? 0) - (seen[0]?.at ?? 0)).toBeGreaterThanOrEqual(1_000)

    const hour = await serve((_req, res) => res.writeHead(503, { 'retry-after': '3600', 'content-length': '0' }).end())
    await expect(downloadEntryArchive(hour, file(), 100, 'a test entry')).rejects.toThrow(/The cache entry download failed \(HTTP 503\)/)
    expect(seen).toHaveLength(1)
  })

  it('takes a body shorter than announced for a failure, not an entry', async () => {
    const url = await serve((req, res) => {
      res.writeHead(200, { 'content-length': '100' })
      if (req.method === 'HEAD') return void res.end()
      res.write('only this')
      res.destroy()
    })
    await expect(downloadEntryArchive(url, file(), 1000, 'a test entry')).rejects.toThrow(/The cache entry download/)
  })
})
