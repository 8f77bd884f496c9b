// Downloads fetch only video from where videos live: the URL policy (https, no internal addresses, checked on
// the URL, on DNS answers and on the connected socket), the video signature whatever the Content-Type says,
// no stale URL presented as live on a cache hit, and the proxy variables honoured.
import { existsSync, readdirSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { request } from 'undici'
import { afterEach, describe, expect, it } from 'vitest'
import { startActionsCacheService, type ActionsCacheService } from '../simulator/actions-cache-service'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { createHttpAgent } from '../src/foxapi/http'
import { REFUSED_ADDRESS_CODE, downloadPolicyFor, guardedConnector, refusalOf } from '../src/security/download-policy'
import { isInternalAddress } from '../src/security/internal-hosts'
import { startConnectProxy } from './support/connect-proxy'
import { API_KEY, CLIP_BYTES, CLIP_SHA256, checkKeyAndClose, quickInputs, requestsTo, runAction } from './support/fixtures'
import { completed, hostile, hostileInputs, TASK_ID } from './support/hostile-server'
import { makeTestCertificate } from './support/test-certificate'

let sim: FoxApiSimulator | undefined
let cacheService: ActionsCacheService | undefined
afterEach(async () => {
  await cacheService?.close()
  cacheService = undefined
  await checkKeyAndClose(sim)
  sim = undefined
})

function clipFolder(workspace: string): string[] {
  const dir = path.join(workspace, 'foxapi-videos')
  return existsSync(dir) ? readdirSync(dir) : []
}

describe('the URL policy', () => {
  const publicApi = downloadPolicyFor('https://api.foxapi.cc')
  const simulatorApi = downloadPolicyFor('http://127.0.0.1:8080')

  it('follows base-url: strict for a public API, relaxed only for a loopback or internal one', () => {
    expect(publicApi).toEqual({ allowPlainHttp: false, allowInternal: false })
    expect(simulatorApi).toEqual({ allowPlainHttp: true, allowInternal: true })
    expect(downloadPolicyFor('https://localhost:8443')).toEqual({ allowPlainHttp: false, allowInternal: true })
    expect(downloadPolicyFor('https://10.1.2.3')).toEqual({ allowPlainHttp: false, allowInternal: true })
  })

  it.each([
    ['http://cdn.foxapi.cc/clip.mp4', /plain http/],
    ['ftp://cdn.foxapi.cc/clip.mp4', /ftp: URLs are not supported/],
    ['https://127.0.0.1/clip.mp4', /127\.0\.0\.1 is a loopback address/],
    ['https://10.0.0.5/clip.mp4', /private/],
    ['https://172.20.1.1/clip.mp4', /private/],
    ['https://192.168.1.10/clip.mp4', /private/],
    ['https://169.254.169.254/latest/meta-data/', /link-local/],
    ['https://localhost./clip.mp4', /localhost\. is a loopback name/],
    ['https://[::1]/clip.mp4', /loopback/],
    ['https://[::ffff:127.0.0.1]/clip.mp4', /IPv4-mapped address carrying 127\.0\.0\.1/],
    ['https://[fd00::1]/clip.mp4', /private/],
    ['https://[fe80::1]/clip.mp4', /link-local/],
    ['https://0.0.0.0/clip.mp4', /this network/],
    ['https://localhost/clip.mp4', /loopback name/],
    ['https://user:pw@cdn.foxapi.cc/clip.mp4', /credentials/],
  ])('refuses %s when base-url is public', (url, reason) => {
    expect(refusalOf(new URL(url), publicApi)).toMatch(reason)
  })

  it('lets public https through, and the simulator its own loopback http', () => {
    expect(refusalOf(new URL('https://cdn.foxapi.cc/files/x.mp4'), publicApi)).toBeUndefined()
    expect(refusalOf(new URL('https://8.8.8.8/x.mp4'), publicApi)).toBeUndefined()
    expect(refusalOf(new URL('http://127.0.0.1:9/files/x.mp4'), simulatorApi)).toBeUndefined()
    expect(isInternalAddress('2606:4700::1111')).toBe(false)
    expect(isInternalAddress('::ffff:7f00:1')).toBe(true)
  })

  it('refuses a name that resolves to an internal address, at connect time', async () => {
    const server = createServer((_req, res) => res.end('internal answer'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    // Plain http allowed here only so that no TLS server is needed: the address check is what is tested.
    const policy = { allowPlainHttp: true, allowInternal: false }
    const agent = createHttpAgent(2_000, { connect: guardedConnector(policy, 2_000) })
    try {
      const port = (server.address() as AddressInfo).port
      await expect(request(`http://localhost:${port}/`, { dispatcher: agent })).rejects.toMatchObject({ code: REFUSED_ADDRESS_CODE })
      // The literal address never goes through DNS: the connected socket's address is checked too.
      await expect(request(`http://127.0.0.1:${port}/`, { dispatcher: agent })).rejects.toMatchObject({ code: REFUSED_ADDRESS_CODE })
    } finally {
      await agent.destroy()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('only a video is saved', () => {
  it.each([
    ['an HTML login page served as video/mp4', 'video/mp4', '<!DOCTYPE html><html><body>Sign in</body></html>'],
    ['an internal JSON answer served as octet-stream', 'application/octet-stream', '{"AccessKeyId":"ASIA...","Token":"..."}'],
  ])('refuses %s, saves nothing, and says how to collect the clip', async (_what, contentType, body) => {
    sim = await startFoxApiSimulator({
      taskDurationMs: 300,
      faults: [{ route: 'download', times: 10, kind: { type: 'body', status: 200, contentType, body } }],
    })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode).toBe(1)
    const id = run.outputs['task-id'] as string
    expect(run.stdout).toMatch(new RegExp(`::error::Download failed: what the server sent is not a video .*re-run with task-id: ${id}\\.`))
    expect(clipFolder(run.workspace)).toEqual([])
    expect(run.outputs['video-path']).toBe('')
    expect(requestsTo(sim, 'GET', /^\/files\//)).toHaveLength(1) // not retried
  })
})

describe('a cache hit', () => {
  it('does not present the stale result URL as live', async () => {
    sim = await startFoxApiSimulator({ taskDurationMs: 300 })
    cacheService = await startActionsCacheService()
    const first = await runAction({ inputs: quickInputs(sim, { cache: 'true' }), env: cacheService.env })
    expect(first.exitCode, first.visibleLog).toBe(0)
    expect(first.outputs['video-url']).toContain('/files/')
    const hit = await runAction({ inputs: quickInputs(sim, { cache: 'true' }), env: cacheService.env })
    expect(hit.exitCode, hit.visibleLog).toBe(0)
    expect(hit.outputs['cache-hit']).toBe('true')
    expect(hit.outputs['video-url']).toBe('')
    expect(JSON.parse(hit.outputs.results as string)[0].video_url).toBe('')
    expect(hit.summary).not.toContain('/files/')
    expect(hit.summary).not.toContain('Download from FoxAPI')
    expect(hit.summary).toContain('Reused from the Actions cache')
    expect(hit.outputs['video-sha256']).toBe(CLIP_SHA256)
  })
})

describe('an egress proxy', () => {
  it('carries every request when HTTPS_PROXY/HTTP_PROXY are set, and none for NO_PROXY hosts', async () => {
    sim = await startFoxApiSimulator({ taskDurationMs: 300 })
    const proxy = await startConnectProxy()
    try {
      const apiHost = new URL(sim.url).host
      const run = await runAction({ inputs: quickInputs(sim), env: { HTTPS_PROXY: proxy.url, http_proxy: proxy.url } })
      expect(run.exitCode, run.visibleLog).toBe(0)
      expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
      expect(proxy.connects.length).toBeGreaterThan(0)
      expect(proxy.connects.every((c) => c.target === apiHost)).toBe(true)
      // The proxy sees where the tunnel goes, never the key (that travels inside the tunnel).
      expect(JSON.stringify(proxy.connects)).not.toContain(API_KEY)

      const seen = proxy.connects.length
      const bypass = await runAction({
        inputs: quickInputs(sim),
        env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' },
      })
      expect(bypass.exitCode, bypass.visibleLog).toBe(0)
      expect(proxy.connects.length).toBe(seen)
    } finally {
      await proxy.close()
    }
  })
})

describe('behind an egress proxy, where the URL check is the only check', () => {
  // The API and its CDN have public-looking names that only the proxy knows (it routes them to a local https
  // server), so base-url is public and the download policy is strict, as on a real runner behind a proxy.
  const API = 'api.foxapi.test'
  const CDN = 'cdn.foxapi.test'
  const certificate = makeTestCertificate([API, CDN])

  async function runBehindProxy(resultUrl: string, { redirect }: { redirect: boolean }) {
    const server = await hostile(
      {
        poll: (_req, res, { taskId }) =>
          void res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(
              JSON.stringify(
                completed(taskId, `https://${CDN}`, { results: [{ url: redirect ? `https://${CDN}/files/moved.mp4` : resultUrl }] }),
              ),
            ),
        download: (req, res) =>
          req.url === '/files/moved.mp4'
            ? void res.writeHead(302, { location: resultUrl }).end()
            : void res.writeHead(200, { 'content-type': 'video/mp4' }).end(CLIP_BYTES),
      },
      { tls: certificate, url: `https://${API}` },
    )
    const proxy = await startConnectProxy({ [`${API}:443`]: server.port, [`${CDN}:443`]: server.port })
    try {
      const run = await runAction({
        inputs: hostileInputs(server.url, { retries: '0' }),
        env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: certificate.certPath },
      })
      return { run, server, targets: proxy.connects.map((c) => c.target), proxyRecord: JSON.stringify(proxy.connects) }
    } finally {
      await proxy.close()
    }
  }

  it('reaches the API through the proxy and fetches a public clip (the set-up works)', async () => {
    const { run, targets } = await runBehindProxy(`https://${CDN}/files/${TASK_ID}.mp4`, { redirect: true })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.outputs['video-sha256']).toBe(CLIP_SHA256)
    expect(new Set(targets)).toEqual(new Set([`${API}:443`, `${CDN}:443`]))
  })

  it.each([
    ['https://localhost./clip.mp4', /localhost\. is a loopback name/],
    ['https://foo.localhost./clip.mp4', /foo\.localhost\. is a loopback name/],
    ['https://LOCALHOST../clip.mp4', /localhost\.\. is a loopback name/],
    ['https://[::127.0.0.1]/clip.mp4', /\[::7f00:1\] is an IPv4-compatible address \(deprecated\)/],
    ['https://[::ffff:127.0.0.1]/clip.mp4', /\[::ffff:7f00:1\] is an IPv4-mapped address carrying 127\.0\.0\.1/],
    ['https://[::ffff:0:7f00:1]/clip.mp4', /IPv4-translated address carrying 127\.0\.0\.1/],
    ['https://[64:ff9b::7f00:1]/clip.mp4', /NAT64 address carrying 127\.0\.0\.1/],
    ['https://[64:ff9b:1::7f00:1]/clip.mp4', /local-use NAT64 address/],
    ['https://[2002:7f00:1::]/clip.mp4', /6to4 address carrying 127\.0\.0\.1/],
    ['https://[fec0::1]/clip.mp4', /site-local address \(deprecated\)/],
  ])('never asks the proxy for %s, given directly or by a 302 from the CDN', async (url, reason) => {
    for (const redirect of [false, true]) {
      const { run, targets, proxyRecord, server } = await runBehindProxy(url, { redirect })
      expect(run.exitCode, run.visibleLog).toBe(1)
      expect(run.stdout).toMatch(
        new RegExp(
          `::error::Download failed: ${redirect ? 'the clip URL redirects to a place clips are not fetched from: ' : ''}[^;]*${reason.source}[^;]*; clips are fetched from public hosts only`,
        ),
      )
      // The proxy was asked for the API (and the CDN, for the redirect) and for nothing else.
      expect(targets).toContain(`${API}:443`)
      expect(targets.filter((t) => t !== `${API}:443` && t !== `${CDN}:443`)).toEqual([])
      expect(targets.includes(`${CDN}:443`)).toBe(redirect)
      expect(proxyRecord).not.toContain(API_KEY)
      expect(server.requests.filter((r) => r.path.startsWith('/files/'))).toHaveLength(redirect ? 1 : 0)
      expect(run.outputs['video-path']).toBe('')
    }
  })
})
