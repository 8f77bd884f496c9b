// The model registry and the one path from action inputs (or a batch entry) to a request body:
// inputs the model does not take are refused by name, `parameters` fills fields that have no input,
// the model's schema and documented rules decide (errors), Kling-only limits are warnings.
// A model the registry does not know is sent as given: FoxAPI checks it, and its 422 costs nothing.
import { z } from 'zod'
import { emptyToUndefined, structuredText, textToBoolean, textToNumber } from './fields'
import { klingO3ImageToVideo } from './kling-o3-image-to-video'
import { klingO3Ref } from './kling-o3-ref'
import { klingO3ReferenceToVideo } from './kling-o3-reference-to-video'
import { klingO3VideoToVideoEdit } from './kling-o3-video-to-video-edit'
import { klingV3ImageToVideo, klingV3TextToVideo } from './kling-v3'
import { FIELD_INPUTS, type FieldInput, type GenerationRequest, type ModelDefinition } from './model'
import { klingV26MotionControl, klingV3MotionControl } from './motion-control'

export { FIELD_INPUTS, type FieldInput, type GenerationRequest, type ModelDefinition } from './model'
export { MAX_PROMPT_CHARS } from './fields'
export { isMediaPath, type MediaKind } from './fields'
export { mediaFieldsOf, type MediaField } from './media-fields'

export const DEFAULT_MODEL = 'kling-o3-ref'

/** Every model the action knows, by name. */
export const MODELS: ReadonlyMap<string, ModelDefinition> = new Map(
  [
    klingO3Ref,
    klingO3ReferenceToVideo,
    klingV3TextToVideo,
    klingV3ImageToVideo,
    klingO3ImageToVideo,
    klingO3VideoToVideoEdit,
    klingV3MotionControl,
    klingV26MotionControl,
  ].map((model) => [model.name, model]),
)

/** Input names (as in action.yml and batch files) that make up one request. */
export const REQUEST_INPUTS = ['model', ...FIELD_INPUTS, 'parameters'] as const
export type RequestInputName = (typeof REQUEST_INPUTS)[number]
export type RawRequestInputs = Partial<Record<RequestInputName, unknown>>

export type BuildResult =
  { ok: true; request: GenerationRequest; warnings: string[]; notices: string[] } | { ok: false; problems: string[] }

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

  const definition = MODELS.get(model.data)
  const given = FIELD_INPUTS.filter((name) => raw[name] !== undefined && emptyToUndefined(raw[name]) !== undefined)
  const fieldOf = (name: FieldInput): string => definition?.inputs[name] ?? name.replace(/-/g, '_')
  if (definition) {
    for (const name of given.filter((n) => definition.inputs[n] === undefined)) {
      const takes = Object.keys(definition.inputs).join(', ')
      problems.push(`${label} '${name}' is not taken by model ${definition.name} (it takes ${takes}, and 'parameters')`)
    }
  }

  // Where each body field came from, so a problem names the input the user wrote.
  const source = new Map<string, string[]>()
  const body: Record<string, unknown> = {}
  for (const name of given) {
    if (definition && definition.inputs[name] === undefined) continue
    body[fieldOf(name)] = definition ? raw[name] : looseValue(name, raw[name], label, problems)
    source.set(fieldOf(name), [name])
  }
  for (const [field, value] of Object.entries(parameters.data ?? {})) {
    if (field === 'model') continue
    const input = source.get(field)?.[0]
    if (input !== undefined) problems.push(`${label} 'parameters' field '${field}' repeats input '${input}': set it in one place`)
    else {
      body[field] = value
      source.set(field, ['parameters', field])
    }
  }

  if (!definition) {
    if (problems.length > 0) return { ok: false, problems }
    const notice =
      `Model '${model.data}' is not one this action knows: its request is sent as given, unchecked ` +
      '(FoxAPI checks it, and a refusal there costs nothing).'
    return { ok: true, request: { model: model.data, ...body }, warnings: [], notices: [notice] }
  }

  const where = (path: PropertyKey[]): PropertyKey[] => {
    const [field, ...rest] = path
    if (field === undefined) return path
    const known = source.get(String(field))
    if (known) return [...known, ...rest]
    const input = (Object.keys(definition.inputs) as FieldInput[]).find((name) => definition.inputs[name] === field)
    return input ? [input, ...rest] : ['parameters', String(field), ...rest]
  }
  const parsed = definition.schema.safeParse(body, { reportInput: true })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
        const fields = Object.keys((definition.schema as unknown as { shape: Record<string, unknown> }).shape ?? {}).join(', ')
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
  return { ok: true, request, warnings, notices: [] }
}

/** For a model the action does not know: text becomes the JSON type the input stands for, nothing more. */
function looseValue(name: FieldInput, value: unknown, label: string, problems: string[]): unknown {
  if (typeof value !== 'string') return value
  if (name === 'duration') return textToNumber(value)
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

function customIssue(path: PropertyKey[], message: string): z.core.$ZodIssue {
  const issue: z.core.$ZodIssue = { code: 'custom', path, message, input: undefined }
  return issue
}

/** `Input 'duration' must be …`, `batch item 2 'image-list' item 1, field 'type' …`, `Input: unknown field …`. */
export function describeIssue(issue: z.core.$ZodIssue, label: string): string {
  const [field, ...rest] = issue.path
  if (issue.code === 'unrecognized_keys') {
    const where = field === undefined ? label : `${label} '${String(field)}'${itemPath(rest)}`
    return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`
  }
  if (field === undefined) return `${label}: ${issue.message}`
  return `${label} '${String(field)}'${itemPath(rest)} ${issue.message}${received(issue)}`
}

/** ` (got "20")` for short scalar values, so the message shows what was wrong. */
function received(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') return ''
  const input: unknown = issue.input
  if (typeof input === 'number' || typeof input === 'boolean') return ` (got ${String(input)})`
  if (typeof input === 'string' && input.length <= 60 && !input.includes('\n')) return ` (got ${JSON.stringify(input)})`
  return ''
}

function itemPath(rest: PropertyKey[]): string {
  return rest.map((part) => (typeof part === 'number' ? ` item ${part + 1}` : ` field '${String(part)}'`)).join(',')
}

function hint(key: string): string {
  const kebab = key.replace(/_/g, '-')
  return kebab !== key && (REQUEST_INPUTS as readonly string[]).includes(kebab) ? ` (did you mean '${kebab}'?)` : ''
}
