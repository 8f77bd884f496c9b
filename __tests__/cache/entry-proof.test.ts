// src/cache/entry-proof.ts: a cache entry is believed only with a MAC keyed from the API key.
import { describe, expect, it } from 'vitest'
import { isProvenEntry, proveEntry } from '../../src/cache/entry-proof'

const fields = { kind: 'clip', key: 'foxapi-video-v1-abc', task_id: 'task-1', sha256: 'a'.repeat(64), bytes: 10 }

describe('entry proof', () => {
  it('accepts the proof of the same fields under the same key, in any key order', () => {
    const proof = proveEntry('sk-one', fields)
    expect(proof).toMatch(/^[0-9a-f]{64}$/)
    const reordered = Object.fromEntries(Object.entries(fields).reverse())
    expect(isProvenEntry('sk-one', reordered, proof)).toBe(true)
  })

  it('refuses another key, any changed field, an added field and a malformed proof', () => {
    const proof = proveEntry('sk-one', fields)
    expect(isProvenEntry('sk-two', fields, proof)).toBe(false)
    expect(isProvenEntry('sk-one', { ...fields, task_id: 'task-2' }, proof)).toBe(false)
    expect(isProvenEntry('sk-one', { ...fields, bytes: 11 }, proof)).toBe(false)
    expect(isProvenEntry('sk-one', { ...fields, extra: 'x' }, proof)).toBe(false)
    expect(isProvenEntry('sk-one', fields, proof.toUpperCase())).toBe(false)
    expect(isProvenEntry('sk-one', fields, proof.slice(2))).toBe(false)
    expect(isProvenEntry('sk-one', fields, 42)).toBe(false)
    expect(isProvenEntry('', fields, proveEntry('', fields))).toBe(false)
  })
})
