import { describe, expect, it } from 'vitest'
import { buildRequest, type RawRequestInputs } from '../../src/models'
import { canonicalJson, clipCacheKey, requestCacheKey } from '../../src/cache/cache-key'

function keyOf(raw: RawRequestInputs, extra = ''): string {
  const result = buildRequest(raw)
  if (!result.ok) throw new Error(result.problems.join('; '))
  return requestCacheKey(result.request, extra)
}

describe('cache key', () => {
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }], e: undefined })).toBe('{"a":[{"c":3,"d":2}],"b":1}')
  })

  it('ignores key order, whitespace and spelled-out defaults', () => {
    const a = keyOf({ prompt: 'a fox', 'image-list': '[{"type":"first_frame","image_url":"https://x/a.png"}]' })
    const b = keyOf({
      prompt: '  a fox ',
      mode: 'standard',
      'aspect-ratio': '16:9',
      duration: '5',
      'image-list': '- image_url: https://x/a.png\n  type: first_frame\n',
    })
    expect(a).toBe(b)
    expect(a).toMatch(/^foxapi-video-v1-[0-9a-f]{40}$/)
  })

  it('changes with every parameter, media URL and the cache-key input', () => {
    const base = keyOf({ prompt: 'a fox' })
    const variants = [
      keyOf({ prompt: 'a fox!' }),
      keyOf({ prompt: 'a fox', mode: 'pro' }),
      keyOf({ prompt: 'a fox', 'aspect-ratio': '1:1' }),
      keyOf({ prompt: 'a fox', duration: '6' }),
      keyOf({ prompt: 'a fox', model: 'kling-o3-ref-2' }),
      keyOf({ prompt: 'a fox', 'image-list': '["https://x/a.png"]' }),
      keyOf({ prompt: 'a fox', 'image-list': '["https://x/b.png"]' }),
      keyOf({ prompt: 'a fox' }, 'campaign-2'),
    ]
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1)
  })
})

describe('cache key across models', () => {
  it('covers the model and every field sent, parameters included', () => {
    const v3 = { model: 'kling-v3-text-to-video', prompt: 'a fox' }
    const keys = [
      keyOf({ prompt: 'a fox' }),
      keyOf(v3),
      keyOf({ ...v3, resolution: '1080p' }),
      keyOf({ ...v3, parameters: '{"voice_ids": ["v1"]}' }),
      keyOf({ ...v3, parameters: '{"voice_ids": ["v2"]}' }),
      keyOf({ model: 'some-new-model', prompt: 'a fox', parameters: '{"seed": 1}' }),
      keyOf({ model: 'some-new-model', prompt: 'a fox', parameters: '{"seed": 2}' }),
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('cache key of a request that names workspace files', () => {
  const request = (image: string) => {
    const result = buildRequest({ model: 'kling-o3-image-to-video', 'image-url': image })
    if (!result.ok) throw new Error(result.problems.join('; '))
    return result.request
  }
  const file = (sha256: string) => [{ at: ['image_url'], sha256 }]
  const A = 'a'.repeat(64)
  const B = 'b'.repeat(64)

  it('is the content’s SHA-256, not the path: another name for the same bytes is the same request', () => {
    const key = clipCacheKey({ request: request('assets/product.png'), media: file(A) }, '')
    expect(clipCacheKey({ request: request('./photos/same.png'), media: file(A) }, '')).toBe(key)
    expect(clipCacheKey({ request: request('assets/product.png'), media: file(B) }, '')).not.toBe(key)
    // Not the path's key, nor the key of a URL that happens to hold the bytes.
    expect(clipCacheKey({ request: request('assets/product.png') }, '')).not.toBe(key)
    expect(clipCacheKey({ request: request('https://cdn.example.com/uploads/product.png') }, '')).not.toBe(key)
  })

  it('leaves the request itself as it was (the report names the file by its path)', () => {
    const sent = request('assets/product.png')
    clipCacheKey({ request: sent, media: file(A) }, '')
    expect(sent.image_url).toBe('assets/product.png')
  })
})
