// Workspace media end to end: a media input that names a file in the workspace (`image-url: assets/product.png`)
// is checked before anything is sent, uploaded through FoxAPI's file API right before its clip's task is created,
// and replaced in the request by the URL FoxAPI returns; the cache key is the file's SHA-256, never the URL.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clipFor, garbageClip, startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { API_KEY, checkKeyAndClose, quickInputs, requestsTo, resultRows, runAction, sha256Of } from './support/fixtures'
import { pngImage, putFile } from './support/media-files'

let sim: FoxApiSimulator
let root: string
let workspace: string
const PRODUCT = pngImage(32, 24)

beforeEach(async () => {
  sim = await startFoxApiSimulator({ taskDurationMs: 300 })
  root = mkdtempSync(path.join(os.tmpdir(), 'foxapi-media-'))
  workspace = path.join(root, 'workspace')
  putFile(workspace, 'assets/product.png', PRODUCT)
})
afterEach(async () => {
  await checkKeyAndClose(sim)
  rmSync(root, { recursive: true, force: true })
})

const creates = () => requestsTo(sim, 'POST', /^\/v1\/videos\/generations$/)
const createBody = (index = 0) => JSON.parse(creates()[index]?.body ?? '{}') as Record<string, unknown>
const imageToVideo = (extra: Record<string, string> = {}) =>
  quickInputs(sim, { model: 'kling-o3-image-to-video', 'image-url': 'assets/product.png', ...extra })

describe('a workspace file as a media input', () => {
  it('uploads its exact bytes with the key before the create, and sends the URL FoxAPI returned', async () => {
    const run = await runAction({ inputs: imageToVideo(), workspace })
    expect(run.exitCode, run.visibleLog).toBe(0)

    const [upload, ...more] = sim.uploads.received
    expect(more).toHaveLength(0)
    expect(upload?.route).toBe('stream')
    expect(upload?.bytes.equals(PRODUCT)).toBe(true)
    expect(upload?.authorization).toBe(`Bearer ${API_KEY}`)
    expect(upload).toMatchObject({ fileName: 'product.png', partName: 'product.png', partType: 'image/png', autoCleanup: true })
    // Before the create, and its URL (not the path) in the create's body.
    const createIndex = sim.requests.indexOf(creates()[0] as (typeof sim.requests)[number])
    expect(upload?.requestIndex).toBeLessThan(createIndex)
    expect(createBody()).toMatchObject({ model: 'kling-o3-image-to-video', image_url: upload?.url })

    // The results and the summary name the workspace file, never the upload URL (nor is it logged).
    const media = [
      { field: 'image_url', path: 'assets/product.png', kind: 'image', type: 'png', bytes: PRODUCT.length, sha256: sha256Of(PRODUCT) },
    ]
    expect(resultRows(run.outputs)[0]?.media).toEqual(media)
    expect(JSON.parse(readFileSync(run.outputs['results-file'] as string, 'utf8'))[0]).toMatchObject({
      media,
      request: { image_url: 'assets/product.png' },
    })
    expect(run.summary).toContain(`<th align="left">Media used</th><td>image: assets/product.png (${PRODUCT.length} bytes, image_url)</td>`)
    expect([run.visibleLog, run.summary, JSON.stringify(run.outputs)].join('\n')).not.toContain(upload?.url)
    expect(run.stdout).toMatch(/Uploaded assets\/product\.png \(PNG image, \d+ bytes\) for image_url/)
  })

  it('uploads image-list items, strings and objects, and sends their URLs in place', async () => {
    putFile(workspace, 'assets/end.png', pngImage(32, 24, [10, 20, 30]))
    const list = '["./assets/product.png", {"image_url": "assets/end.png", "type": "end_frame"}, "https://cdn.example.com/c.png"]'
    const run = await runAction({
      inputs: quickInputs(sim, { 'image-list': list, prompt: 'from <<<image_1>>> to <<<image_2>>>' }),
      workspace,
    })
    expect(run.exitCode, run.visibleLog).toBe(0)
    const [first, second] = sim.uploads.received
    expect(createBody().image_list).toEqual([
      { image_url: first?.url },
      { image_url: second?.url, type: 'end_frame' },
      { image_url: 'https://cdn.example.com/c.png' },
    ])
    expect(resultRows(run.outputs)[0]?.media?.map((m) => `${m.field} ${m.path}`)).toEqual([
      'image_list[0].image_url assets/product.png',
      'image_list[1].image_url assets/end.png',
    ])
  })

  it('reads a workspace video with the MP4 reader and uploads it (motion control: an image and a video)', async () => {
    const video = clipFor({ aspect_ratio: '9:16', duration: 3 })
    putFile(workspace, 'assets/motion.mp4', video)
    const run = await runAction({
      inputs: quickInputs(sim, {
        model: 'kling-v3-motion-control',
        prompt: '',
        'image-url': 'assets/product.png',
        'video-url': 'assets/motion.mp4',
      }),
      workspace,
    })
    expect(run.exitCode, run.visibleLog).toBe(0)
    const byName = new Map(sim.uploads.received.map((u) => [u.fileName, u]))
    expect(byName.get('motion.mp4')?.bytes.equals(video)).toBe(true)
    expect(byName.get('motion.mp4')?.partType).toBe('video/mp4')
    expect(createBody()).toMatchObject({ image_url: byName.get('product.png')?.url, video_url: byName.get('motion.mp4')?.url })
  })
})

describe('checked before anything is sent', () => {
  /** Runs with `inputs` and expects the step to fail with an error line matching `error`, having sent nothing at all. */
  async function expectRefused(inputs: Record<string, string>, error: RegExp) {
    const run = await runAction({ inputs, workspace })
    expect(run.exitCode, run.visibleLog).toBe(1)
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'))
    expect(
      errors.some((line) => error.test(line)),
      errors.join('\n'),
    ).toBe(true)
    expect(run.stdout).toContain('nothing was sent to FoxAPI')
    expect(sim.requests).toHaveLength(0)
    return run
  }

  it.each([
    ['a path climbing out (../)', '../outside.png', /climbs out of its folder/],
    ['a path through .git', '.git/product.png', /inside a \.git directory/],
    ['a missing file', 'assets/nope.png', /file assets\/nope\.png not found/],
    ['a directory', 'assets', /assets is a directory, not a file/],
    ['a text file', 'assets/notes.txt', /assets\/notes\.txt is text, not a media file this action uploads/],
    [
      'a video where an image goes',
      'assets/clip.mp4',
      /assets\/clip\.mp4 is an MP4 video; image_url takes an image \(PNG, JPEG, WebP or GIF\)/,
    ],
    ['an empty file', 'assets/empty.png', /assets\/empty\.png is empty, not a media file/],
    ['another URL scheme', 'file:///etc/passwd', /must be an http\(s\) URL or the workspace path of an image/],
  ])('refuses %s, naming the input', async (_case, value, reason) => {
    writeFileSync(path.join(root, 'outside.png'), PRODUCT)
    putFile(workspace, '.git/product.png', PRODUCT)
    putFile(workspace, 'assets/notes.txt', 'a product photo, honest\n')
    putFile(workspace, 'assets/clip.mp4', clipFor({}))
    putFile(workspace, 'assets/empty.png', '')
    const run = await expectRefused(imageToVideo({ 'image-url': value }), new RegExp(`^::error::Input 'image-url'.*${reason.source}`))
    expect(run.visibleLog).not.toContain(PRODUCT.toString('latin1'))
  })

  it('refuses an absolute path, even to a file inside the workspace', async () => {
    await expectRefused(
      imageToVideo({ 'image-url': path.join(workspace, 'assets/product.png') }),
      /^::error::Input 'image-url': .* is an absolute path/,
    )
  })

  it.skipIf(process.platform === 'win32')('refuses a symlink anywhere on the way, even one that stays inside the workspace', async () => {
    symlinkSync('product.png', path.join(workspace, 'assets/link.png'))
    await expectRefused(
      imageToVideo({ 'image-url': 'assets/link.png' }),
      /^::error::Input 'image-url': assets\/link\.png goes through a symlink/,
    )
    symlinkSync('assets', path.join(workspace, 'photos'))
    await expectRefused(imageToVideo({ 'image-url': 'photos/product.png' }), /goes through a symlink \(photos\)/)
    symlinkSync(path.join(root, 'outside.png'), path.join(workspace, 'assets/out.png'))
    await expectRefused(imageToVideo({ 'image-url': 'assets/out.png' }), /goes through a symlink/)
  })

  it.skipIf(process.platform !== 'linux')('refuses a FIFO without waiting for a writer', async () => {
    execFileSync('mkfifo', [path.join(workspace, 'assets/pipe.png')])
    await expectRefused(imageToVideo({ 'image-url': 'assets/pipe.png' }), /assets\/pipe\.png is not a regular file/)
  })

  it('refuses an MP4 the MP4 reader cannot use, and names a batch entry’s own field after the entry', async () => {
    putFile(workspace, 'assets/broken.mp4', garbageClip(clipFor({})))
    const batch = JSON.stringify([
      { name: 'ok', prompt: 'a' },
      { name: 'moves', model: 'kling-v3-motion-control', 'image-url': 'assets/product.png', 'video-url': 'assets/broken.mp4' },
    ])
    await expectRefused(
      quickInputs(sim, { batch }),
      /^::error::batch item 2 'video-url': assets\/broken\.mp4 starts like an MP4 video, but the MP4 reader cannot use it/,
    )
  })

  it('refuses a file over the model’s documented limit (Kling images: 10 MB)', async () => {
    putFile(workspace, 'assets/huge.png', Buffer.concat([PRODUCT, Buffer.alloc(10_000_001)]))
    await expectRefused(
      imageToVideo({ 'image-url': 'assets/huge.png' }),
      /assets\/huge\.png is 10\.0 MB; image_url takes at most 10 MB \(10000000 bytes\)/,
    )
  })
})
