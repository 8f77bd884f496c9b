// The simulator's file API (simulator/file-uploads.ts) keeps to shared/foxapi-catalog.md §2: three upload routes
// answering {id, filename, url, size, created}, the files served at their URL, a storage quota (403 with
// auto_cleanup false, the oldest deleted with true), and a task that references an upload it does not hold fails.
// The upload tests of the action lean on it, so its own behaviour is pinned here, over real HTTP.
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { API_KEY, sha256Of } from './support/fixtures'
import { pngImage } from './support/media-files'

let sim: FoxApiSimulator
afterEach(() => sim.close())

const IMAGE = pngImage(4, 4)

async function stream(fields: { file?: Buffer; name?: string; fileName?: string; autoCleanup?: string }, key = API_KEY) {
  const form = new FormData()
  if (fields.file) form.append('file', new Blob([fields.file], { type: 'image/png' }), fields.name ?? 'product.png')
  if (fields.fileName !== undefined) form.append('file_name', fields.fileName)
  if (fields.autoCleanup !== undefined) form.append('auto_cleanup', fields.autoCleanup)
  const reply = await fetch(`${sim.url}/v1/files/upload/stream`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: form,
  })
  return { status: reply.status, json: (await reply.json()) as Record<string, any> }
}

async function postJson(route: string, body: unknown) {
  const reply = await fetch(`${sim.url}/v1/files/upload/${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: reply.status, json: (await reply.json()) as Record<string, any> }
}

async function served(url: string): Promise<Buffer | number> {
  const reply = await fetch(url)
  return reply.ok ? Buffer.from(await reply.arrayBuffer()) : reply.status
}

describe('the upload routes', () => {
  it('stream: stores the file part and serves it at the URL it answers with', async () => {
    sim = await startFoxApiSimulator()
    const { status, json } = await stream({ file: IMAGE, fileName: 'hero.png' })
    expect(status).toBe(200)
    expect(json).toEqual({
      id: expect.stringMatching(/^file-\d+-[0-9a-f]{8}$/),
      filename: 'hero.png',
      url: expect.any(String),
      size: IMAGE.length,
      created: expect.any(Number),
    })
    expect(json.url).toMatch(new RegExp(`^${sim.cdnUrl}/uploads/\\d{8}/[0-9a-f]{16}/hero\\.png$`))
    expect(await served(json.url)).toEqual(IMAGE)
    expect(sim.uploads.received[0]).toMatchObject({
      route: 'stream',
      fileName: 'hero.png',
      partName: 'product.png',
      autoCleanup: true,
      sha256: sha256Of(IMAGE),
    })
  })

  it('stream: file_name defaults to the part’s name; no file part, a bad auto_cleanup or no key is refused', async () => {
    sim = await startFoxApiSimulator()
    expect((await stream({ file: IMAGE, name: 'own.png' })).json.filename).toBe('own.png')
    expect((await stream({ fileName: 'x.png' })).status).toBe(400)
    expect((await stream({ file: IMAGE, autoCleanup: 'maybe' })).status).toBe(400)
    expect((await stream({ file: IMAGE }, 'sk-wrong')).status).toBe(401)
    expect(sim.uploads.received).toHaveLength(1)
  })

  it('base64: bare base64 in file_data; a data: URL is not bare base64', async () => {
    sim = await startFoxApiSimulator()
    const { status, json } = await postJson('base64', { file_data: IMAGE.toString('base64'), file_name: 'b.png', auto_cleanup: false })
    expect(status).toBe(200)
    expect(await served(json.url)).toEqual(IMAGE)
    expect(sim.uploads.received[0]).toMatchObject({ route: 'base64', autoCleanup: false })
    expect((await postJson('base64', { file_data: `data:image/png;base64,${IMAGE.toString('base64')}` })).status).toBe(400)
  })

  it('url: fetches a (loopback) URL, and refuses other hosts', async () => {
    sim = await startFoxApiSimulator()
    const first = await stream({ file: IMAGE })
    const { status, json } = await postJson('url', { file_url: first.json.url, file_name: 'copy.png' })
    expect(status).toBe(200)
    expect(json.filename).toBe('copy.png')
    expect(await served(json.url)).toEqual(IMAGE)
    expect((await postJson('url', { file_url: 'https://example.com/a.png' })).status).toBe(422)
  })
})

describe('the storage quota', () => {
  it('auto_cleanup false: a file that does not fit is refused with 403, and nothing is deleted', async () => {
    sim = await startFoxApiSimulator({ uploadQuotaBytes: IMAGE.length * 2 })
    await stream({ file: IMAGE, autoCleanup: 'false' })
    await stream({ file: IMAGE, autoCleanup: 'false' })
    const full = await stream({ file: IMAGE, autoCleanup: 'false' })
    expect(full.status).toBe(403)
    expect(full.json.error).toMatchObject({ code: 'storage_quota_exceeded', message: expect.stringMatching(/storage is full/) })
    expect(sim.uploads.evicted).toHaveLength(0)
    expect(sim.uploads.usedBytes()).toBe(IMAGE.length * 2)
  })

  it('auto_cleanup true: the oldest uploads are deleted to make room, and their URLs stop serving', async () => {
    sim = await startFoxApiSimulator({ uploadQuotaBytes: IMAGE.length * 2 })
    const oldest = await stream({ file: IMAGE, fileName: 'a.png' })
    await stream({ file: IMAGE, fileName: 'b.png' })
    const third = await stream({ file: IMAGE, fileName: 'c.png' })
    expect(third.status).toBe(200)
    expect(sim.uploads.evicted.map((u) => u.fileName)).toEqual(['a.png'])
    expect(await served(oldest.json.url)).toBe(404)
    expect((await stream({ file: Buffer.alloc(IMAGE.length * 3) })).status).toBe(413)
  })
})

describe('a task that references an upload', () => {
  it('runs when the simulator holds it, and fails when it never received it (or deleted it)', async () => {
    sim = await startFoxApiSimulator({ taskDurationMs: 100 })
    const { json } = await stream({ file: IMAGE })
    const create = async (image: string) => {
      const reply = await fetch(`${sim.url}/v1/videos/generations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'kling-o3-image-to-video', image_url: image }),
      })
      return ((await reply.json()) as { id: string }).id
    }
    const held = await create(json.url)
    const unknown = await create(`${sim.cdnUrl}/uploads/20260101/0123456789abcdef/never.png`)
    await sleep(200)
    expect(sim.tasks.get(held)?.status).toBe('completed')
    expect(sim.tasks.get(unknown)?.status).toBe('failed')
    const reply = await fetch(`${sim.url}/v1/tasks/${unknown}`, { headers: { authorization: `Bearer ${API_KEY}` } })
    expect(((await reply.json()) as { error: unknown }).error).toMatchObject({
      code: 'invalid_media',
      message: expect.stringMatching(/no such upload/),
    })
  })
})
