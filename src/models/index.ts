// The model registry and the one path from action inputs (or a batch entry) to a request body:
// inputs the model does not take are refused by name, each input fills the model's own field (a list's item
// where the model names it so: `image_urls[0]`), `parameters` fills fields that have no input, the model's schema
// and documented rules decide (errors), provider-only limits are warnings.
// A model the registry does not know (or whose page could not be read) is sent as given: FoxAPI checks it, and
// its 422 costs nothing.
import { z } from 'zod'
import { emptyToUndefined, structuredText, textToBoolean, textToNumber } from './fields'
import { customIssue, describeIssue } from './issues'
import { FIELD_INPUTS, type FieldInput, type GenerationRequest, type ModelDefinition, type RequestSources } from './model'
import { DEFAULT_MODEL, MODELS } from './registry'

export { FIELD_INPUTS, type FieldInput, type GenerationRequest, type ModelDefinition, type RequestSources } from './model'
export { MAX_PROMPT_CHARS } from './fields'
export { DEFAULT_MODEL, FAMILY_OF, MODELS, outputOf, promptCapOf, typicalSecondsOf } from './registry'
export { isMediaPath, type MediaKind } from './fields'
export { mediaFieldsOf, mediaValuesOf, type MediaField, type MediaValue } from './media-fields'
export { describeIssue } from './issues'

/** Input names (as in action.yml and batch files) that make up one request. */
export const REQUEST_INPUTS = ['model', ...FIELD_INPUTS, 'parameters'] as const
export type RequestInputName = (typeof REQUEST_INPUTS)[number]
export type RawRequestInputs = Partial<Record<RequestInputName, unknown>>

/** A request built, with where each of its fields came from (a media file's problem names that input), or the problems. */
export type BuildResult =
  | { ok: true; request: GenerationRequest; warnings: string[]; notices: string[]; sources: RequestSources }
  | { ok: false; problems: string[] }

const modelName = z.preprocess(
  emptyToUndefined,
  z
    .string({ error: 'must be text' })
    .trim()
    .regex(/^[A-Za-z0-9._:/-]+$/, { error: 'must be a model name such as kling-o3-ref' })
    .max(100, { error: 'is too long' })
    .default(DEFAULT_MODEL),
)

const parametersSchema = z.preprocess(
  structuredText,
  z.record(z.string(), z.unknown(), { error: 'must be a JSON or YAML object of request fields' }).optional(),
)

/** The body as the inputs and `parameters` make it, and where each field (or list item, `image_urls[0]`) came from. */
interface Assembled {
  body: Record<string, unknown>
  /** `field` or `field[i]` → the input (`['image-url']`) or `['parameters', field]`. */
  source: Map<string, string[]>
}

/**
 * Builds the request body for the chosen model from its inputs. Problems name the input (or the
 * `parameters` field) and come before anything is paid; `label` says where the inputs came from
 * (`Input` or `batch item 2`).
 */
export function buildRequest(raw: RawRequestInputs, label = 'Input'): BuildResult {
  const problems: string[] = []
  const unknown = Object.keys(raw).filter((key) => !(REQUEST_INPUTS as readonly string[]).includes(key))
  if (unknown.length > 0) {
    problems.push(`${label}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'${hint(k)}`).join(', ')}`)
  }
  const model = modelName.safeParse(raw.model, { reportInput: true })
  const parameters = parametersSchema.safeParse(raw.parameters, { reportInput: true })
  if (!model.success) problems.push(...model.error.issues.map((issue) => describeIssue({ ...issue, path: ['model'] }, label)))
  if (!parameters.success)
    problems.push(...parameters.error.issues.map((issue) => describeIssue({ ...issue, path: ['parameters'] }, label)))
  if (!model.success || !parameters.success) return { ok: false, problems }
  if (parameters.data && 'model' in parameters.data) problems.push(`${label} 'parameters' must not set model: use the 'model' input`)

  const known = MODELS.get(model.data)
  const definition = known && !known.unchecked ? known : undefined
  const given = FIELD_INPUTS.filter((name) => raw[name] !== undefined && emptyToUndefined(raw[name]) !== undefined)
  if (definition) {
    for (const name of given.filter((n) => definition.inputs[n] === undefined)) {
      const takes = Object.keys(definition.inputs).join(', ')
      problems.push(
        `${label} '${name}' is not taken by model ${definition.name}${takes ? ` (it takes ${takes}, and 'parameters')` : " (it takes only 'parameters')"}`,
      )
    }
  }
  const { body, source } = assembleBody(raw, given, definition, parameters.data ?? {}, label, problems)

  if (!definition) {
    if (problems.length > 0) return { ok: false, problems }
    const why = known ? ' (FoxAPI names it, but its page could not be read)' : ''
    const notice =
      `Model '${model.data}' is not one this action knows${why}: its request is sent as given, unchecked ` +
      '(FoxAPI checks it, and a refusal there costs nothing).'
    return { ok: true, request: { model: model.data, ...body }, warnings: [], notices: [notice], sources: source }
  }
  return validateBody(definition, { body, source }, label, problems)
}

/** `image_urls[0]` → the list `image_urls`, item 0; `image_url` → the field itself. */
function targetOf(target: string): { field: string; index?: number } {
  const match = /^(.+)\[(\d+)\]$/.exec(target)
  return match ? { field: match[1] as string, index: Number(match[2]) } : { field: target }
}

/** The body from the inputs (each in its model's field) and `parameters`; a field set twice is a problem. */
function assembleBody(
  raw: RawRequestInputs,
  given: FieldInput[],
  definition: ModelDefinition | undefined,
  parameters: Record<string, unknown>,
  label: string,
  problems: string[],
): Assembled {
  const source = new Map<string, string[]>()
  const body: Record<string, unknown> = {}
  const items = new Map<string, Map<number, unknown>>()
  for (const name of given) {
    const target = definition ? definition.inputs[name] : name.replace(/-/g, '_')
    if (target === undefined) continue
    const { field, index } = targetOf(target)
    const value = definition ? raw[name] : looseValue(name, raw[name], label, problems)
    if (index === undefined) body[field] = value
    else items.set(field, (items.get(field) ?? new Map<number, unknown>()).set(index, value))
    source.set(index === undefined ? field : `${field}[${index}]`, [name])
  }
  for (const [field, byIndex] of items) {
    const [first] = [...byIndex.keys()].sort((a, b) => a - b)
    const firstInput = source.get(`${field}[${first}]`)?.[0]
    const whole = source.get(field)?.[0]
    if (whole !== undefined) problems.push(`${label} '${firstInput}' and '${whole}' both fill ${field}: use one`)
    else if (first !== 0 || byIndex.size !== Math.max(...byIndex.keys()) + 1) {
      const needed = definition && Object.entries(definition.inputs).find(([, t]) => t === `${field}[0]`)?.[0]
      problems.push(`${label} '${firstInput}' fills ${field}[${first}], which needs '${needed ?? `${field}[0]`}' (${field}[0]) too`)
    } else body[field] = [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i))
  }
  for (const [field, value] of Object.entries(parameters)) {
    if (field === 'model') continue
    const input = source.get(field)?.[0] ?? [...source].find(([key]) => key.startsWith(`${field}[`))?.[1][0]
    if (input !== undefined) problems.push(`${label} 'parameters' field '${field}' repeats input '${input}': set it in one place`)
    else {
      body[field] = value
      source.set(field, ['parameters', field])
    }
  }
  return { body, source }
}

/** The body held against the model: its schema, then its rules; warnings; what the action sends. */
function validateBody(definition: ModelDefinition, assembled: Assembled, label: string, problems: string[]): BuildResult {
  const where = placeOf(definition, assembled.source)
  const parsed = definition.schema.safeParse(assembled.body, { reportInput: true })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
        const fields = Object.keys(definition.entry.fields).join(', ')
        problems.push(
          `${label} 'parameters': model ${definition.name} has no field${issue.keys.length > 1 ? 's' : ''} ` +
            `${issue.keys.map((k) => `'${k}'`).join(', ')} (its fields: ${fields})`,
        )
      } else problems.push(describeIssue({ ...issue, path: where(issue.path) }, label))
    }
    return { ok: false, problems }
  }
  for (const rule of definition.rules(parsed.data)) problems.push(describeIssue(customIssue(where(rule.path), rule.message), label))
  if (problems.length > 0) return { ok: false, problems }
  const warnings = definition.warnings(parsed.data).map((w) => `${label}: ${w} (a warning: FoxAPI decides, and its refusal is free)`)
  const request: GenerationRequest = { model: definition.name, ...withoutEmpty(definition.finalize(parsed.data)) }
  return { ok: true, request, warnings, notices: [], sources: assembled.source }
}

/** Where a body path came from, so a problem names the input the user wrote (or `parameters`). */
function placeOf(definition: ModelDefinition, source: Map<string, string[]>) {
  return (path: PropertyKey[]): PropertyKey[] => {
    const [head, ...rest] = path
    if (head === undefined) return path
    const field = String(head)
    const item = typeof rest[0] === 'number' ? source.get(`${field}[${rest[0]}]`) : undefined
    if (item) return [...item, ...rest.slice(1)]
    const known = source.get(field) ?? [...source].find(([key]) => key.startsWith(`${field}[`))?.[1]
    if (known) return [...known, ...rest]
    const input = (Object.keys(definition.inputs) as FieldInput[]).find((name) => targetOf(definition.inputs[name] ?? '').field === field)
    return input ? [input, ...rest] : ['parameters', field, ...rest]
  }
}

/** For a model the action does not check: text becomes the JSON type the input stands for, nothing more. */
function looseValue(name: FieldInput, value: unknown, label: string, problems: string[]): unknown {
  if (typeof value !== 'string') return value
  if (name === 'duration' || name === 'seed') return textToNumber(value)
  if (name === 'generate-audio') return textToBoolean(value)
  if (name === 'image-list' || name === 'video-list' || name === 'multi-prompt') {
    const parsed = z.preprocess(structuredText, z.unknown()).safeParse(value, { reportInput: true })
    if (parsed.success) return parsed.data
    problems.push(...parsed.error.issues.map((issue) => describeIssue({ ...issue, path: [name] }, label)))
    return undefined
  }
  return value.trim()
}

function withoutEmpty(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined && value !== null))
}

function hint(key: string): string {
  const kebab = key.replace(/_/g, '-')
  return kebab !== key && (REQUEST_INPUTS as readonly string[]).includes(kebab) ? ` (did you mean '${kebab}'?)` : ''
}
