import { describe, expect, it } from 'vitest'
import { jsonNestsDeeperThan, parseJsonSafely } from '../../src/foxapi/http'

describe('reply bodies', () => {
  it('refuses JSON nested past the limit without recursing, and ignores brackets inside strings', () => {
    expect(jsonNestsDeeperThan(`${'['.repeat(20_000)}${']'.repeat(20_000)}`, 32)).toBe(true)
    expect(parseJsonSafely(`{"a":${'['.repeat(40)}${']'.repeat(40)}}`)).toBeUndefined()
    expect(parseJsonSafely(`{"a":"${'['.repeat(100)}\\"["}`)).toEqual({ a: `${'['.repeat(100)}"[` })
    expect(parseJsonSafely('not json')).toBeUndefined()
  })
})
