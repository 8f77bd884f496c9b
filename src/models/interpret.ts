// The small interpreter that turns a registry entry (data: ./entry.ts) into a model: each field spec becomes
// its zod schema (built from ./fields.ts, media through mediaUrl), the rules and warnings the entry names
// become functions (./rules.ts), and its shape spec says which request fields fix the clip's shape.
import { z } from 'zod'
import type { FieldSpec, ModelEntry } from './entry'
import {
  elements,
  emptyToUndefined,
  flag,
  httpUrl,
  list,
  listOr,
  mediaUrl,
  mediaUrlList,
  multiPrompt,
  optionalEnum,
  optionalPromptOf,
  requiredPromptOf,
  structuredText,
  textToNumber,
  yesNo,
} from './fields'
import type { ModelDefinition, ShapeField, ShapeRules, ShapeSource } from './model'
import { FINALIZERS, RULES, SHAPE_EXCEPTIONS, WARNINGS } from './rules'
import { SPECIAL_FIELDS } from './special-fields'

/** Whole seconds as the spec allows them, with a message that names the allowed values. */
function secondsSchema(spec: Extract<FieldSpec, { type: 'seconds' }>): z.ZodType {
  const { values, min, max, auto } = spec
  const orAuto = auto !== undefined ? `, or ${auto} (the model decides)` : ''
  const message = values
    ? `must be ${listOr(values)} seconds${orAuto}`
    : min !== undefined && max !== undefined
      ? `must be a whole number of seconds from ${min} to ${max}${orAuto}`
      : 'must be a whole number of seconds'
  let schema = z.number({ error: message }).int({ error: message })
  if (values === undefined && auto === undefined) {
    // A range (or any length above 0): too_small / too_big, which say what was given.
    schema = schema.min(min ?? 1, { error: message })
    if (max !== undefined) schema = schema.max(max, { error: message })
  } else {
    const allowed = (n: number) => n === auto || (values ? values.includes(n) : n >= (min ?? 1) && (max === undefined || n <= max))
    schema = schema.refine(allowed, { error: (issue) => `${message} (got ${String(issue.input)})` })
  }
  return z.preprocess(textToNumber, schema.optional())
}

/** A number in the spec's range (`int`: whole). */
function numberSchema(spec: Extract<FieldSpec, { type: 'int' | 'number' }>): z.ZodType {
  const whole = spec.type === 'int'
  const range = spec.min !== undefined && spec.max !== undefined ? ` from ${spec.min} to ${spec.max}` : ''
  const message = `must be a ${whole ? 'whole number' : 'number'}${range}`
  let schema = z.number({ error: message })
  if (whole) schema = schema.int({ error: message })
  if (spec.min !== undefined) schema = schema.min(spec.min, { error: message })
  if (spec.max !== undefined) schema = schema.max(spec.max, { error: message })
  return z.preprocess(textToNumber, schema.optional())
}

function textSchema(spec: Extract<FieldSpec, { type: 'text' }>): z.ZodType {
  const max = spec.max ?? 2500
  const base = z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, { error: 'is required' })
    .max(max, { error: `is too long (more than ${max} characters)` })
  return spec.required ? z.preprocess((value) => (value === '' ? undefined : value), base) : z.preprocess(emptyToUndefined, base.optional())
}

/** The zod schema of one field spec. */
export function fieldSchema(spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case 'prompt':
      return spec.required ? requiredPromptOf(spec.cap) : optionalPromptOf(spec.cap)
    case 'text':
      return textSchema(spec)
    case 'url':
      return z.preprocess(emptyToUndefined, httpUrl.optional())
    case 'enum':
      return optionalEnum(spec.values)
    case 'seconds':
      return secondsSchema(spec)
    case 'int':
    case 'number':
      return numberSchema(spec)
    case 'bool':
      return flag
    case 'yes-no':
      return yesNo
    case 'media': {
      const value = mediaUrl(spec.kind, spec.maxBytes !== undefined ? { maxBytes: spec.maxBytes } : {})
      return z.preprocess(emptyToUndefined, spec.required ? value : value.optional())
    }
    case 'media-list':
      return mediaUrlList(spec.kind, spec.max, {
        ...(spec.min !== undefined ? { min: spec.min } : {}),
        ...(spec.maxBytes !== undefined ? { maxBytes: spec.maxBytes } : {}),
        required: spec.required ?? false,
      })
    case 'strings':
      return list(z.string().trim().min(1), spec.noun, spec.max)
    case 'elements':
      return elements()
    case 'segments':
      return multiPrompt
    case 'object':
      return z.preprocess(structuredText, z.record(z.string(), z.unknown(), { error: 'must be a JSON or YAML object' }).optional())
    case 'special':
      return SPECIAL_FIELDS[spec.name]()
  }
}

/** The body's schema: strict (a field the model does not have is named), or loose for a partial page. */
function bodySchema(entry: ModelEntry): z.ZodType<Record<string, unknown>> {
  const shape = Object.fromEntries(Object.entries(entry.fields).map(([name, spec]) => [name, fieldSchema(spec)]))
  return entry.open ? z.looseObject(shape) : z.strictObject(shape)
}

const SHAPE_KEYS: readonly [keyof NonNullable<ModelEntry['shape']>, ShapeField][] = [
  ['aspect', 'aspect-ratio'],
  ['duration', 'duration'],
  ['resolution', 'resolution'],
  ['audio', 'audio'],
]

/** The shape spec as rules: each shape field's request field and default (from its field spec). */
function shapeRules(entry: ModelEntry): ShapeRules {
  const spec = entry.shape ?? {}
  const sources: ShapeRules['sources'] = {}
  for (const [key, shapeField] of SHAPE_KEYS) {
    const field = spec[key]
    if (field === undefined || field === 'always') continue
    const fieldSpec = entry.fields[field] as { default?: string | number | boolean; auto?: number } | undefined
    const source: ShapeSource = { field }
    if (fieldSpec?.default !== undefined) source.default = fieldSpec.default
    if (fieldSpec?.auto !== undefined) source.auto = fieldSpec.auto
    sources[shapeField] = source
  }
  const fixed = Object.keys(sources) as ShapeField[]
  if (spec.audio === 'always') fixed.push('audio')
  const exception = spec.unless ? SHAPE_EXCEPTIONS[spec.unless] : undefined
  return {
    fixes: (body) => {
      const dropped = exception?.(body) ?? []
      return fixed.filter((f) => !dropped.includes(f === 'aspect-ratio' ? 'aspect' : (f as 'duration')))
    },
    sources,
    ...(spec.audio === 'always' ? { alwaysAudio: true } : {}),
  }
}

/** The model an entry describes. A page not read (no fields) makes a model whose requests are sent as given. */
export function interpretEntry(entry: ModelEntry): ModelDefinition {
  let schema: z.ZodType<Record<string, unknown>> | undefined
  return {
    name: entry.name,
    about: entry.about,
    inputs: entry.inputs,
    // Built when first asked for: a run builds the schemas of the models it uses, not all 55 (start-up time).
    get schema() {
      return (schema ??= bodySchema(entry))
    },
    rules: (body) => (entry.rules ?? []).flatMap((name) => RULES[name](body, entry)),
    warnings: (body) => (entry.warnings ?? []).flatMap((name) => WARNINGS[name](body)),
    finalize: (body) => (entry.finalize ? FINALIZERS[entry.finalize](body, entry) : body),
    shape: shapeRules(entry),
    entry,
    unchecked: entry.read === 'not read',
  }
}
