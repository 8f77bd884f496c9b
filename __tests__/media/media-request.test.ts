// Where a request's media stand (read through mediaFieldsOf), each workspace file's problem named after the input
// that gave it, and the request with its files replaced (by digests for the cache key, by URLs for the create).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MediaChecker } from '../../src/media/media-files'
import { mediaValuesOf } from '../../src/models'
import { replaceMedia, requestMediaFiles, withMediaDigests } from '../../src/media/media-request'
import { buildRequest, mediaFieldsOf, type RawRequestInputs } from '../../src/models'
import { pngImage, putFile } from '../support/media-files'

let workspace: string
beforeEach(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-media-request-'))
  putFile(workspace, 'a.png', pngImage(2, 2))
  putFile(workspace, 'b.png', pngImage(2, 2, [1, 2, 3]))
})
afterEach(() => rmSync(workspace, { recursive: true, force: true }))

function built(raw: RawRequestInputs) {
  const result = buildRequest(raw)
  if (!result.ok) throw new Error(result.problems.join('; '))
  return result
}

function request(raw: RawRequestInputs) {
  return built(raw).request
}

describe('mediaFieldsOf', () => {
  it('gives the media fields of the registry with the size limits the pages give', () => {
    expect(mediaFieldsOf('kling-v3-text-to-video')).toEqual([])
    expect(mediaFieldsOf('kling-o3-image-to-video').map((f) => `${f.path} ${f.kind} ${f.input} ${f.maxBytes}`)).toEqual([
      'image_url image image-url 10000000',
      'end_image_url image end-image-url 10000000',
    ])
    expect(mediaFieldsOf('kling-o3-ref').map((f) => `${f.path} ${f.maxBytes}`)).toEqual([
      'image_list[].image_url 10000000',
      'video_list[].video_url 200000000',
    ])
  })

  it('gives a model it does not know the fields its media inputs fill, without size limits', () => {
    expect(mediaFieldsOf('my-own-model').map((f) => f.input)).toEqual(expect.arrayContaining(['image-url', 'end-image-url', 'video-url']))
    expect(mediaFieldsOf('constructor').every((f) => f.maxBytes === undefined)).toBe(true)
  })
})

describe('requestMediaFiles', () => {
  it('finds paths in inputs, lists and parameters, leaves URLs alone, and names each problem after its input', () => {
    // image-list fills image_urls for this model; here parameters fill it, and its problems say so.
    const sent = built({
      model: 'kling-o3-reference-to-video',
      prompt: 'a fox',
      'image-url': 'a.png',
      parameters: JSON.stringify({
        image_urls: ['https://cdn.example.com/x.png', 'b.png'],
        elements: [{ frontal_image_url: 'missing.png', reference_image_urls: ['a.png', 'c.txt'] }],
      }),
    })
    putFile(workspace, 'c.txt', 'text')
    const problems: string[] = []
    const files = requestMediaFiles(sent.request, new MediaChecker(workspace), (input) => `batch item 3 '${input}'`, problems, sent.sources)
    expect(files.map((f) => `${f.field} ${f.path} ${f.input}`)).toEqual([
      "start_image_url a.png batch item 3 'image-url'",
      "image_urls[1] b.png batch item 3 'parameters' field 'image_urls', item 2",
      "elements[0].reference_image_urls[0] a.png batch item 3 'parameters' field 'elements', item 1, field 'reference_image_urls', item 1",
    ])
    expect(problems).toEqual([
      expect.stringMatching(/^batch item 3 'parameters' field 'elements', item 1, field 'frontal_image_url': file missing\.png not found/),
      "batch item 3 'parameters' field 'elements', item 1, field 'reference_image_urls', item 2: c.txt is text, not a media file this action uploads",
    ])
    // The same list through image-list is named after image-list.
    const listed = built({
      model: 'kling-o3-reference-to-video',
      prompt: 'a fox',
      'image-list': '["https://cdn.example.com/x.png", "b.png"]',
    })
    const fromList = requestMediaFiles(
      listed.request,
      new MediaChecker(workspace),
      (input) => `batch item 3 '${input}'`,
      [],
      listed.sources,
    )
    expect(fromList.map((f) => `${f.field} ${f.path} ${f.input}`)).toEqual(["image_urls[1] b.png batch item 3 'image-list' item 2"])
  })

  it('reads paths of a model it does not know from its inputs only', () => {
    const sent = request({ model: 'new-model', 'image-url': 'a.png', parameters: '{"logo_url": "b.png"}' })
    const files = requestMediaFiles(sent, new MediaChecker(workspace), (input) => `Input '${input}'`, [])
    expect(files.map((f) => f.field)).toEqual(['image_url'])
  })

  it('finds nothing in a request of URLs', () => {
    expect(mediaValuesOf(request({ 'image-list': '["https://cdn.example.com/a.png"]', prompt: 'x' }))).toHaveLength(1)
    expect(
      requestMediaFiles(
        request({ 'image-list': '["https://cdn.example.com/a.png"]', prompt: 'x' }),
        new MediaChecker(workspace),
        String,
        [],
      ),
    ).toEqual([])
  })
})

describe('replacing a request’s files', () => {
  it('puts a digest or a URL at each file’s place, in a copy', () => {
    const sent = request({ prompt: 'x', 'image-list': '["a.png", {"image_url": "b.png", "type": "end_frame"}]' })
    const files = [
      { at: ['image_list', 0, 'image_url'], sha256: '1'.repeat(64) },
      { at: ['image_list', 1, 'image_url'], sha256: '2'.repeat(64) },
    ]
    expect(withMediaDigests(sent, files).image_list).toEqual([
      { image_url: `sha256:${'1'.repeat(64)}` },
      { image_url: `sha256:${'2'.repeat(64)}`, type: 'end_frame' },
    ])
    expect(replaceMedia(sent, files, (f) => `https://cdn.example.com/${f.sha256.slice(0, 1)}`).image_list).toEqual([
      { image_url: 'https://cdn.example.com/1' },
      { image_url: 'https://cdn.example.com/2', type: 'end_frame' },
    ])
    expect(sent.image_list).toEqual([{ image_url: 'a.png' }, { image_url: 'b.png', type: 'end_frame' }])
  })
})
