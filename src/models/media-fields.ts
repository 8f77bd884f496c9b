// Where a model's media values are: every field declared with mediaUrl / mediaUrlList (./fields.ts), found by
// walking the model's schema, as a path (`image_urls[]`, `image_list[].image_url`, `elements[].frontal_image_url`),
// its kind (image, video, audio) and the input that fills it. For a validated request, the values themselves and
// their exact places. A model the registry does not check (unknown, or its page not read) has the snake_case
// fields of the media inputs.
import type { z } from 'zod'
import type { FieldInput } from '../constants'
import { mediaRegistry, type MediaKind, type MediaMeta } from './fields'
import type { GenerationRequest, ModelDefinition, RequestSources } from './model'
import { MODELS } from './registry'

/** One media field of a model. */
export interface MediaField {
  /** Its place in the request body: `.` into an object, `[]` for each item of a list. */
  path: string
  kind: MediaKind
  /** The input that fills it (the one that fills a list whole, where several fill it), or `parameters`. */
  input: FieldInput | 'parameters'
  /** Every input that fills it or one of its items (`image-url` for `image_urls[0]`). */
  inputs: FieldInput[]
  /** The largest file the model's page allows there, when it says (a workspace file is held to it before upload). */
  maxBytes?: number
}

/** One media value of a request. */
export interface MediaValue {
  /** Its exact place, e.g. `['image_list', 1, 'image_url']`. */
  path: (string | number)[]
  kind: MediaKind
  /** The input it came from, or `parameters`. */
  input: FieldInput | 'parameters'
  value: string
  /** The largest file the model's page allows there, when it says. */
  maxBytes?: number
}

interface ZodInternals {
  _zod: {
    def: {
      type: string
      shape?: Record<string, z.ZodType>
      element?: z.ZodType
      innerType?: z.ZodType
      in?: z.ZodType
      out?: z.ZodType
      options?: z.ZodType[]
    }
  }
}

/** Every media schema under `schema`, with its path. */
function walk(schema: z.ZodType, path: string, found: Map<string, MediaMeta>): void {
  const meta = mediaRegistry.get(schema)
  if (meta) return void found.set(path, meta)
  const def = (schema as unknown as ZodInternals)._zod.def
  if (def.shape) for (const [key, child] of Object.entries(def.shape)) walk(child, path === '' ? key : `${path}.${key}`, found)
  if (def.type === 'array' && def.element) walk(def.element, `${path}[]`, found)
  for (const child of [def.innerType, def.in, def.out, ...(def.options ?? [])]) if (child) walk(child, path, found)
}

/** Media inputs of a model sent as given: each becomes its snake_case field. */
const LOOSE_MEDIA: readonly [FieldInput, MediaKind][] = [
  ['image-url', 'image'],
  ['end-image-url', 'image'],
  ['video-url', 'video'],
  ['audio-url', 'audio'],
]

const fieldOfTarget = (target: string) => target.replace(/\[\d+\]$/, '')

function listMediaFields(definition: ModelDefinition | undefined): MediaField[] {
  if (!definition || definition.unchecked) {
    return LOOSE_MEDIA.map(([input, kind]) => ({ path: input.replace(/-/g, '_'), kind, input, inputs: [input] }))
  }
  const found = new Map<string, MediaMeta>()
  walk(definition.schema, '', found)
  const targets = Object.entries(definition.inputs) as [FieldInput, string][]
  return [...found].map(([path, { media: kind, maxBytes }]) => {
    const top = /^[^.[]+/.exec(path)?.[0] ?? path
    const filling = targets.filter(([, target]) => fieldOfTarget(target) === top)
    const whole = filling.find(([, target]) => target === top) ?? filling[0]
    const field: MediaField = { path, kind, input: whole?.[0] ?? 'parameters', inputs: filling.map(([input]) => input) }
    return maxBytes !== undefined ? { ...field, maxBytes } : field
  })
}

const listed = new Map<string, MediaField[]>()

/** The media fields of `model` (for a model the registry does not know: those of the media inputs, snake_case). */
export function mediaFieldsOf(model: string): MediaField[] {
  let fields = listed.get(model)
  if (!fields) listed.set(model, (fields = listMediaFields(MODELS.get(model))))
  return fields
}

/**
 * Every media value of a validated `request`, with its exact place and the input it came from: the one `sources`
 * (buildRequest's) names, else the one that fills that place.
 */
export function mediaValuesOf(request: GenerationRequest, sources?: RequestSources): MediaValue[] {
  const definition = MODELS.get(request.model)
  const values: MediaValue[] = []
  for (const field of mediaFieldsOf(request.model)) {
    const steps = stepsOf(field.path)
    const visit = (value: unknown, at: number, path: (string | number)[]): void => {
      if (at === steps.length) {
        if (typeof value === 'string') {
          const found: MediaValue = { path, kind: field.kind, input: inputAt(definition, field, path, sources), value }
          values.push(field.maxBytes !== undefined ? { ...found, maxBytes: field.maxBytes } : found)
        }
        return
      }
      const step = steps[at] as string
      if (step === '[]') {
        if (Array.isArray(value)) value.forEach((item, i) => visit(item, at + 1, [...path, i]))
      } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        visit((value as Record<string, unknown>)[step], at + 1, [...path, step])
      }
    }
    visit(request, 0, [])
  }
  return values
}

/** `elements[].reference_image_urls[]` → `elements`, `[]`, `reference_image_urls`, `[]`. */
function stepsOf(path: string): string[] {
  return path.split('.').flatMap((part) => {
    const name = part.replace(/(\[\])+$/, '')
    const lists = (part.length - name.length) / 2
    return [...(name === '' ? [] : [name]), ...Array.from({ length: lists }, () => '[]')]
  })
}

/**
 * The input a value at `path` came from: where the request was built from (`sources`: a list the model fills from an
 * input may be given in `parameters` instead), else the input filling that very item (`image_urls[0]`), else the field's.
 */
function inputAt(
  definition: ModelDefinition | undefined,
  field: MediaField,
  path: (string | number)[],
  sources: RequestSources | undefined,
): FieldInput | 'parameters' {
  const [top, index] = path
  const source = (typeof index === 'number' ? sources?.get(`${String(top)}[${index}]`) : undefined) ?? sources?.get(String(top))
  if (source?.[0] !== undefined) return source[0] as FieldInput | 'parameters'
  if (definition && typeof index === 'number') {
    const item = (Object.entries(definition.inputs) as [FieldInput, string][]).find(([, target]) => target === `${String(top)}[${index}]`)
    if (item) return item[0]
  }
  return field.input
}
