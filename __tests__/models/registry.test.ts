// The registry held to FoxAPI's catalog: every model string of the catalog is an entry, each family's count, and
// each entry is consistent data (its inputs fill fields it has, its shape names fields it has, its defaults are
// among its values, its page is FoxAPI's), with a typical time for polling.
import { describe, expect, it } from 'vitest'
import { FAMILIES } from '../../src/models/families'
import { FAMILY_OF, MODELS, outputOf, typicalSecondsOf } from '../../src/models'
import type { FieldSpec } from '../../src/models/entry'
import { CATALOG_MODELS, catalogModelsFromFile } from '../support/catalog-models'

const entries = FAMILIES.flatMap((family) => family.entries)
const fixture = Object.values(CATALOG_MODELS).flat()

describe('the registry and the catalog', () => {
  it('the fixture is the catalog file (where the file is present beside the repository)', () => {
    const fromFile = catalogModelsFromFile()
    if (fromFile === undefined) return
    expect(fromFile).toEqual(fixture)
  })

  it('has an entry for every model string of the catalog, and no other', () => {
    const catalog = catalogModelsFromFile() ?? fixture
    expect(catalog).toHaveLength(55)
    expect([...MODELS.keys()].sort()).toEqual([...catalog].sort())
  })

  it('counts the entries of each family', () => {
    const counts = Object.fromEntries(FAMILIES.map((f) => [f.name, f.entries.length]))
    expect(counts).toEqual({
      Kling: 9,
      'Sora 2': 4,
      'Veo 3.1': 13,
      'Seedance 2.0': 6,
      'Wan 2.7': 3,
      'HappyHorse 1.0': 4,
      'Grok Imagine': 5,
      'Vidu Q3': 2,
      'Lip-sync and avatars': 6,
      PixVerse: 3,
    })
    expect(FAMILY_OF.get('veo3.1-fast')).toBe('Veo 3.1')
  })

  it('knows the two models that make no video, and what they answer', () => {
    expect(entries.filter((e) => e.makes).map((e) => [e.name, outputOf(e.name)])).toEqual([
      ['kling-video-create-voice', 'voice_id'],
      ['sora-2-character', 'character_id'],
    ])
    expect(outputOf('sora-2')).toBe('video')
    expect(outputOf('a-model-nobody-knows')).toBe('video')
  })

  it('gives every model a typical task time (a polling prior), and none to a model it does not know', () => {
    for (const entry of entries) expect(typicalSecondsOf(entry.name), entry.name).toBeGreaterThan(0)
    expect(typicalSecondsOf('kling-o3-ref')).toBe(90)
    expect(typicalSecondsOf('kling-video-create-voice')).toBeLessThan(typicalSecondsOf('kling-o3-ref') as number)
    expect(typicalSecondsOf('a-model-nobody-knows')).toBeUndefined()
  })
})

describe('every entry is consistent data', () => {
  it.each(entries.map((e) => [e.name, e] as const))('%s', (_name, entry) => {
    expect(entry.page).toMatch(/^https:\/\/docs\.(foxapi\.cc|aihubmax\.com)\/pages\/(en|zh)\/api-manual\/video-series\//)
    const fields = Object.keys(entry.fields)
    if (entry.read === 'not read') {
      expect(fields).toEqual([])
      expect(entry.inputs).toEqual({})
      return
    }
    // Each input fills a field the model has (a list's item: the list).
    for (const target of Object.values(entry.inputs)) expect(fields).toContain(target.replace(/\[\d+\]$/, ''))
    // The shape names fields the model has.
    for (const [key, field] of Object.entries(entry.shape ?? {})) {
      if (key === 'unless' || field === 'always') continue
      expect(fields, `shape ${key}`).toContain(field)
    }
    // Defaults are among the allowed values.
    for (const [name, spec] of Object.entries<FieldSpec>(entry.fields)) {
      if (spec.type === 'enum' && spec.default !== undefined) expect(spec.values, name).toContain(spec.default)
      if (spec.type === 'seconds' && spec.default !== undefined && spec.values) expect(spec.values, name).toContain(spec.default)
      if (spec.type === 'seconds' && spec.default !== undefined && spec.min !== undefined) {
        expect(spec.default, name).toBeGreaterThanOrEqual(spec.min)
        expect(spec.default, name).toBeLessThanOrEqual(spec.max ?? Infinity)
      }
    }
    // A partial page passes its other fields through; a page read in full refuses them (the current Kling models,
    // whose fields shared/foxapi.md lists, too).
    if (entry.open) expect(entry.read).not.toBe('not read')
    // A model that makes no video fixes no shape.
    if (entry.makes) expect(entry.shape).toBeUndefined()
  })
})
