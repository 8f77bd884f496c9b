// The polling schedule's prior without an estimate: a rough typical run time for every family FoxAPI documents
// (the registry: src/models/families/), none for a model of no known family.
import { describe, expect, it } from 'vitest'
import { typicalSecondsOf } from '../../src/models'

/** One or more models of each family in FoxAPI's catalog. */
const CATALOG_MODELS = [
  'kling-o3-ref',
  'kling-o3-reference-to-video',
  'kling-v3-text-to-video',
  'kling-v2-6-motion-control',
  'kling-video-create-voice',
  'sora-2',
  'sora-2-pro',
  'sora-2-character',
  'sora-2-preview',
  'veo-3.1',
  'veo-3.1-fast',
  'veo3.1-fast',
  'veo-3.1-lite-image-to-video',
  'veo-3.1-extend-fast',
  'seedance-2.0-text-to-video',
  'seedance-2.0-fast-image-to-video',
  'wan-2.7-text-to-video',
  'happyhorse-1.0-video-edit',
  'grok-imagine-text-to-video',
  'vidu-q3-pro',
  'vidu-q3-turbo',
  'lipsync-2',
  'lipsync-2-pro',
  'sync-3',
  'omnihuman-1.5',
  'creatify-aurora',
  'heygen-video-agent',
  'pixverse-v6-text-to-video',
  'pixverse-c1-transition',
]

describe('typical run times', () => {
  it('gives every catalog family a plausible number of seconds', () => {
    for (const model of CATALOG_MODELS) {
      const seconds = typicalSecondsOf(model)
      expect(seconds, model).toBeGreaterThanOrEqual(10)
      expect(seconds, model).toBeLessThanOrEqual(600)
    }
  })

  it('takes the most specific family: a fast or pro variant is not its family’s figure', () => {
    expect(typicalSecondsOf('sora-2-pro')).toBeGreaterThan(typicalSecondsOf('sora-2') as number)
    expect(typicalSecondsOf('veo-3.1-fast')).toBeLessThan(typicalSecondsOf('veo-3.1') as number)
    expect(typicalSecondsOf('kling-video-create-voice')).toBeLessThan(typicalSecondsOf('kling-o3-ref') as number)
  })

  it('knows nothing of a model of no known family', () => {
    for (const model of ['', 'my-own-model', 'KLING-O3-REF', ' sora-2', 'gpt-image-1']) expect(typicalSecondsOf(model)).toBeUndefined()
  })
})
