// Workspace media across runs and clips: the cache key is the file's SHA-256 (a cache hit uploads nothing, changed
// content is a new request), a batch uploads each content once as it goes, a full storage (403) fails the clip before
// its task, a 429 is retried, a file changed after the check is never sent, and the dry run lists the uploads.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startActionsCacheService, type ActionsCacheService } from '../simulator/actions-cache-service'
import { startAction } from '../simulator/actions-runner'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { API_KEY, checkKeyAndClose, quickInputs, requestsTo, resultRows, runAction, sha256Of } from './support/fixtures'
import { pngImage, putFile } from './support/media-files'

let sim: FoxApiSimulator
let root: string
const PRODUCT = pngImage(32, 24)

beforeEach(async () => {
  sim = await startFoxApiSimulator({ taskDurationMs: 300 })
  root = mkdtempSync(path.join(os.tmpdir(), 'foxapi-media-'))
})
afterEach(async () => {
  await checkKeyAndClose(sim)
  rmSync(root, { recursive: true, force: true })
})

/** A fresh workspace (a new job's checkout) holding `files`. */
function checkout(files: Record<string, Buffer> = { 'assets/product.png': PRODUCT }): string {
  const workspace = mkdtempSync(path.join(root, 'ws-'))
  for (const [file, bytes] of Object.entries(files)) putFile(workspace, file, bytes)
  return workspace
}

const creates = () => requestsTo(sim, 'POST', /^\/v1\/videos\/generations$/)
const imageToVideo = (extra: Record<string, string> = {}) =>
  quickInputs(sim, { model: 'kling-o3-image-to-video', 'image-url': 'assets/product.png', ...extra })

describe('the cache key is the file’s content', () => {
  let cache: ActionsCacheService
  beforeEach(async () => {
    cache = await startActionsCacheService()
  })
  afterEach(() => cache.close())

  it('serves a re-run from the cache without uploading; changed content is a new request', async () => {
    const first = await runAction({ inputs: imageToVideo({ cache: 'true' }), workspace: checkout(), env: cache.env })
    expect(first.exitCode, first.visibleLog).toBe(0)
    expect(sim.uploads.received).toHaveLength(1)
    expect(creates()).toHaveLength(1)

    // The same content, under another name, in a new checkout: a hit, and nothing at all is sent.
    const before = sim.requests.length
    const again = await runAction({
      inputs: imageToVideo({ cache: 'true', 'image-url': './photos/same.png' }),
      workspace: checkout({ 'photos/same.png': PRODUCT }),
      env: cache.env,
    })
    expect(again.exitCode, again.visibleLog).toBe(0)
    expect(again.outputs['cache-hit']).toBe('true')
    expect(sim.requests.length).toBe(before)
    expect(resultRows(again.outputs)[0]?.media?.[0]).toMatchObject({ path: 'photos/same.png', sha256: sha256Of(PRODUCT) })

    // New content under the old name: a new request, its bytes uploaded, a new task.
    const retouched = pngImage(32, 24, [200, 40, 40])
    const changed = await runAction({
      inputs: imageToVideo({ cache: 'true' }),
      workspace: checkout({ 'assets/product.png': retouched }),
      env: cache.env,
    })
    expect(changed.exitCode, changed.visibleLog).toBe(0)
    expect(changed.outputs['cache-hit']).toBe('false')
    expect(sim.uploads.received).toHaveLength(2)
    expect(sim.uploads.received[1]?.bytes.equals(retouched)).toBe(true)
    expect(creates()).toHaveLength(2)
    expect(JSON.parse(creates()[1]?.body ?? '{}').image_url).toBe(sim.uploads.received[1]?.url)
  })
})

describe('a batch', () => {
  it('uploads a file several entries name once, as it goes, and each create carries its URL', async () => {
    const LOGO = pngImage(8, 8, [0, 0, 0])
    const workspace = checkout({ 'assets/product.png': PRODUCT, 'assets/logo.png': LOGO })
    const batch = JSON.stringify([
      { name: 'one', prompt: 'the product turns' },
      { name: 'two', prompt: 'the product rises', 'image-url': './assets/product.png' },
      { name: 'three', prompt: 'the logo fades in', 'image-url': 'assets/logo.png' },
      { name: 'four', prompt: 'the product falls' },
    ])
    const run = await runAction({ inputs: imageToVideo({ batch, concurrency: '1' }), workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(sim.uploads.received.map((u) => u.fileName)).toEqual(['product.png', 'logo.png'])
    const [product, logo] = sim.uploads.received
    const sent = creates().map((c) => JSON.parse(c.body) as { prompt: string; image_url: string })
    expect(sent.map((body) => body.image_url)).toEqual([product?.url, product?.url, logo?.url, product?.url])
    // As it goes: the logo is uploaded after the first clips' tasks were created, not all at the start.
    const firstCreate = sim.requests.indexOf(creates()[0] as (typeof sim.requests)[number])
    expect(logo?.requestIndex).toBeGreaterThan(firstCreate)
    // Each clip's log is a group written when the clip ends: four's says it used the upload one made.
    const groupOf = (name: string) => new RegExp(`^::group::${name} \\(\\d+ log lines\\)\n([^]*?)^::endgroup::$`, 'm').exec(run.stdout)?.[1]
    expect(groupOf('one')).toMatch(/^Uploaded assets\/product\.png \(PNG image, \d+ bytes\) for image_url/m)
    expect(groupOf('four')).toMatch(/^assets\/product\.png \(image_url\): its content was uploaded earlier in this run/m)
    // The summary names each clip's file by its workspace path, never by the URL it was uploaded to.
    expect(run.summary).toContain(`<th align="left">Media used</th><td>image: assets/logo.png (${LOGO.length} bytes, image_url)</td>`)
    expect(run.summary).not.toContain('/uploads/')
  })

  it('uploads nothing for a clip the budget does not submit', async () => {
    const workspace = checkout({ 'assets/product.png': PRODUCT, 'assets/logo.png': pngImage(8, 8, [0, 0, 0]) })
    const batch = JSON.stringify([
      { name: 'one', prompt: 'the product turns' },
      { name: 'two', prompt: 'the logo fades in', 'image-url': 'assets/logo.png' },
    ])
    const run = await runAction({ inputs: imageToVideo({ batch, concurrency: '1', 'max-credits': '5' }), workspace })
    expect(run.exitCode).toBe(1)
    expect(resultRows(run.outputs).map((r) => r.outcome)).toEqual(['succeeded', 'skipped'])
    expect(sim.uploads.received.map((u) => u.fileName)).toEqual(['product.png'])
    expect(creates()).toHaveLength(1)
  })
})

describe('the account’s file storage', () => {
  /** Fills most of a small storage with someone else's file, uploaded with auto_cleanup false. */
  async function fillStorage(bytes: number) {
    const reply = await fetch(`${sim.url}/v1/files/upload/base64`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ file_data: Buffer.alloc(bytes, 1).toString('base64'), file_name: 'old.bin', auto_cleanup: false }),
    })
    expect(reply.status).toBe(200)
  }

  it('with upload-cleanup false, a full storage (403) fails the clip clearly, and no task is created', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 300, uploadQuotaBytes: 300 })
    await fillStorage(250)
    const run = await runAction({ inputs: imageToVideo({ 'upload-cleanup': 'false' }), workspace: checkout() })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::Input 'image-url': FoxAPI refused the upload of assets\/product\.png \(Upload of product\.png failed \(403 storage_full_error\): storage is full.*\): the account's file storage is full\. To go on, delete uploads you no longer need in your FoxAPI account, or set upload-cleanup: true .* Nothing was created for this clip\./,
    )
    expect(creates()).toHaveLength(0)
    expect(sim.createCount()).toBe(0)
    expect(sim.uploads.received.map((u) => u.fileName)).toEqual(['old.bin'])
    expect(run.outputs.status).toBe('not-submitted')
    // FoxAPI's 403 is not retried (it would only fail again).
    expect(requestsTo(sim, 'POST', /^\/v1\/files\/upload\/stream$/)).toHaveLength(1)
    expect(sim.uploads.received[0]?.autoCleanup).toBe(false)
  })

  it('with upload-cleanup true (the default), FoxAPI deletes the oldest upload to make room', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 300, uploadQuotaBytes: 300 })
    await fillStorage(250)
    const run = await runAction({ inputs: imageToVideo(), workspace: checkout() })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(sim.uploads.evicted.map((u) => u.fileName)).toEqual(['old.bin'])
    expect(sim.uploads.received[1]).toMatchObject({ fileName: 'product.png', autoCleanup: true })
  })
})

describe('a failed upload', () => {
  it('is retried after a 429 (Retry-After) and a 503, then the clip goes on', async () => {
    sim.addFault({ route: 'upload', kind: { type: 'status', status: 429, retryAfter: '1' } })
    sim.addFault({ route: 'upload', kind: { type: 'status', status: 503 } })
    const run = await runAction({ inputs: imageToVideo({ timeout: '30s' }), workspace: checkout() })
    expect(run.exitCode, run.visibleLog).toBe(0)
    const attempts = requestsTo(sim, 'POST', /^\/v1\/files\/upload\/stream$/)
    expect(attempts).toHaveLength(3)
    // Each attempt streamed the whole file again, and waited at least the second Retry-After asked for.
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(900)
    expect(sim.uploads.received).toHaveLength(1)
    expect(sim.uploads.received[0]?.bytes.equals(PRODUCT)).toBe(true)
    expect(run.stdout).toMatch(/429 rate_limit_error.*an upload is free, so retrying/)
    expect(creates()).toHaveLength(1)
  })

  it('refuses an upload reply without a usable URL, and creates no task', async () => {
    const body = JSON.stringify({ id: 'file-1', filename: 'product.png', url: 'javascript:alert(1)', size: PRODUCT.length, created: 1 })
    sim.addFault({ route: 'upload', kind: { type: 'body', status: 200, contentType: 'application/json', body } })
    const run = await runAction({ inputs: imageToVideo(), workspace: checkout() })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::Input 'image-url': Upload of product\.png failed: FoxAPI's reply names no usable file URL .*Nothing was created for this clip\./,
    )
    expect(creates()).toHaveLength(0)
    expect(run.visibleLog).not.toContain('javascript:')
  })

  it('never follows a redirect from the upload route: the key and the file stay with base-url', async () => {
    sim.addFault({ route: 'upload', kind: { type: 'redirect' } })
    const run = await runAction({ inputs: imageToVideo(), workspace: checkout() })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/answered with a redirect \(HTTP 302\); not followed, so the API key stays with/)
    expect(sim.requests.filter((r) => r.host === 'cdn')).toHaveLength(0)
    expect(creates()).toHaveLength(0)
  })

  it('never sends a file changed after the input check, and creates no task for it', async () => {
    const other = pngImage(32, 24, [1, 2, 3])
    const workspace = checkout({ 'assets/product.png': PRODUCT, 'assets/other.png': other })
    const batch = JSON.stringify([
      { name: 'first', prompt: 'a' },
      { name: 'second', prompt: 'b', 'image-url': 'assets/other.png' },
    ])
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 1_500 })
    const action = startAction({ inputs: imageToVideo({ batch, concurrency: '1' }), workspace })
    // Once the first clip's task exists, the second's file changes (same size, one byte different).
    let ended = false
    void action.done.then(() => (ended = true))
    while (creates().length === 0 && !ended) await new Promise((resolve) => setTimeout(resolve, 20))
    const changed = Buffer.from(other)
    changed[changed.length - 20] = (changed[changed.length - 20] ?? 0) ^ 0xff
    writeFileSync(path.join(workspace, 'assets/other.png'), changed)
    const run = await action.done
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /- second: batch item 2 'image-url': assets\/other\.png changed since the inputs were checked; not uploaded.* Nothing was created for this clip\./,
    )
    expect(creates()).toHaveLength(1)
    expect(sim.uploads.received.map((u) => u.fileName)).toEqual(['product.png'])
  })
})

describe('the dry run', () => {
  it('lists each file it would upload (path, type, size), needs no key and sends nothing', async () => {
    const workspace = checkout()
    const run = await runAction({ inputs: imageToVideo({ 'dry-run': 'true', 'api-key': '' }), workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(sim.requests).toHaveLength(0)
    expect(run.stdout).toContain(
      `Upload (right before the create, once per content in the run): assets/product.png (PNG image, ${PRODUCT.length} bytes, sha256 ${sha256Of(PRODUCT).slice(0, 16)}…) for image_url → POST ${sim.url}/v1/files/upload/stream`,
    )
    const [row] = resultRows<{ plan: string; media: unknown[] }>(run.outputs)
    expect(row?.plan).toBe('new')
    expect(row?.media).toEqual([
      { field: 'image_url', path: 'assets/product.png', kind: 'image', type: 'png', bytes: PRODUCT.length, sha256: sha256Of(PRODUCT) },
    ])
    expect(run.summary).toContain(
      `<h4>Files a real run would upload</h4><ul><li><b>clip</b>: image assets/product.png (${PRODUCT.length} bytes, image_url)</li></ul>`,
    )
    expect(readFileSync(path.join(workspace, 'assets/product.png')).equals(PRODUCT)).toBe(true)
  })
})
