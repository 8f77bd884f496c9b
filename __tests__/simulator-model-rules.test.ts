// The simulator's model rules (simulator/model-rules.ts) and the action's registry (src/models/families/) are two
// writings of the same catalog, kept apart on purpose (the simulator is the independent judge). This holds them
// to each other: the same models, fields, required fields, prompt caps, allowed values, defaults, shapes and assets.
import { describe, expect, it } from 'vitest'
import { MODEL_RULES, type FieldRule, type ModelRules } from '../simulator/model-rules'
import { MODELS } from '../src/models'
import type { FieldSpec, ModelEntry } from '../src/models/entry'

const entries = [...MODELS.values()].map((m) => m.entry)

/** A field spec of the registry in the simulator's terms. */
function asRule(spec: FieldSpec, cap: { value?: number }): FieldRule | 'required?' {
  switch (spec.type) {
    case 'prompt':
      cap.value = spec.cap
      return 'prompt'
    case 'text':
      return 'text'
    case 'url':
    case 'media':
      return 'url'
    case 'bool':
      return 'bool'
    case 'yes-no':
      return ['yes', 'no']
    case 'enum':
      return spec.values
    case 'seconds':
      return {
        seconds: {
          ...(spec.values ? { in: spec.values } : {}),
          ...(spec.min !== undefined ? { from: spec.min } : {}),
          ...(spec.max !== undefined ? { to: spec.max } : {}),
          ...(spec.auto !== undefined ? { auto: spec.auto } : {}),
        },
      }
    case 'int':
      return { int: { ...(spec.min !== undefined ? { from: spec.min } : {}), ...(spec.max !== undefined ? { to: spec.max } : {}) } }
    case 'number':
      return { num: { ...(spec.min !== undefined ? { from: spec.min } : {}), ...(spec.max !== undefined ? { to: spec.max } : {}) } }
    case 'media-list':
      return { urls: { ...(spec.min !== undefined ? { min: spec.min } : {}), max: spec.max ?? 20 } }
    case 'strings':
      return 'strings'
    case 'elements':
      return 'elements'
    case 'segments':
      return 'segments'
    case 'object':
      return 'object'
    case 'special':
      return 'required?'
  }
}

function requiredOf(entry: ModelEntry): string[] {
  return Object.entries(entry.fields)
    .filter(([, spec]) => 'required' in spec && spec.required === true)
    .map(([name]) => name)
    .sort()
}

function shapeOf(entry: ModelEntry): ModelRules['shape'] {
  const shape: ModelRules['shape'] = {}
  const source = (field: string | undefined) => {
    if (field === undefined || field === 'always') return undefined
    const spec = entry.fields[field] as { default?: string | number | boolean }
    return { field, ...(spec.default !== undefined ? { default: spec.default } : {}) }
  }
  const s = entry.shape ?? {}
  for (const key of ['duration', 'aspect', 'resolution'] as const) {
    const value = source(s[key])
    if (value) shape[key] = value
  }
  if (s.audio === 'always') shape.audio = 'always'
  else if (s.audio) shape.audio = source(s.audio)
  return shape
}

describe('the simulator and the registry say the same of every model', () => {
  it('know the same models', () => {
    expect(Object.keys(MODEL_RULES).sort()).toEqual([...MODELS.keys()].sort())
  })

  it.each(entries.map((e) => [e.name, e] as const))('%s', (name, entry) => {
    const rules = MODEL_RULES[name] as ModelRules
    expect(Boolean(rules.open), 'open').toBe(Boolean(entry.open) || entry.read === 'not read')
    expect(rules.makes, 'makes').toBe(entry.makes)
    if (name === 'kling-o3-ref') return // its body is checked by foxapi-simulator.ts's own code, field by field
    const cap: { value?: number } = {}
    const fields = Object.fromEntries(Object.entries(entry.fields).map(([field, spec]) => [field, asRule(spec, cap)]))
    expect(rules.fields, 'fields').toEqual(fields)
    expect(rules.promptCap, 'prompt cap').toBe(cap.value)
    expect([...rules.required].sort(), 'required').toEqual(requiredOf(entry))
    expect(rules.shape, 'shape').toEqual(shapeOf(entry))
  })

  it('kling-o3-ref: the same caps, values and shape', () => {
    const rules = MODEL_RULES['kling-o3-ref'] as ModelRules
    const entry = MODELS.get('kling-o3-ref')?.entry as ModelEntry
    expect(rules.shape).toEqual(shapeOf(entry))
    expect(rules.fields.aspect_ratio).toEqual((entry.fields.aspect_ratio as { values: readonly string[] }).values)
    expect(rules.promptCap).toBe((entry.fields.prompt as { cap: number }).cap)
  })
})
