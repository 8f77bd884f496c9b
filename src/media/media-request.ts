// The media of one request: where its workspace files stand (read through the model's listing, mediaFieldsOf), each
// checked by a MediaChecker with its problem named after the input that gave it; and the request with those paths
// replaced, by each file's SHA-256 for the cache key (never by an upload URL, which changes with every upload) or by
// the URL FoxAPI returned for its upload, for the create call.
import { isMediaPath, mediaFieldsOf, type GenerationRequest, type MediaField } from '../models'
import type { MediaChecker, MediaFile } from './media-files'

/** A media value found in a request, and the field it stands in. */
interface MediaValue {
  at: (string | number)[]
  value: string
  field: MediaField
}

/** Every string at a place `mediaFieldsOf(request.model)` lists, URLs and paths alike. */
export function mediaValuesOf(request: GenerationRequest): MediaValue[] {
  const found: MediaValue[] = []
  for (const field of mediaFieldsOf(request.model)) {
    const walk = (value: unknown, rest: readonly string[], at: (string | number)[]): void => {
      const [step, ...deeper] = rest
      if (step === undefined) {
        if (typeof value === 'string') found.push({ at, value, field })
      } else if (step === '*') {
        if (Array.isArray(value)) value.forEach((item: unknown, index) => walk(item, deeper, [...at, index]))
      } else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, step)) {
        walk((value as Record<string, unknown>)[step], deeper, [...at, step])
      }
    }
    walk(request, field.path, [])
  }
  return found
}

/** Where a value stands, as results rows show it: `image_list[0].image_url`. */
export function fieldText(at: readonly (string | number)[]): string {
  return at.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('')
}

/**
 * The workspace files `request` names (values without a URL scheme), each checked by `checker`. A problem is pushed
 * named after the input that gave the value: `labelOf(input)` gives `Input 'image-url'` or `batch item 2 'image-url'`.
 */
export function requestMediaFiles(
  request: GenerationRequest,
  checker: MediaChecker,
  labelOf: (input: string) => string,
  problems: string[],
): MediaFile[] {
  const files: MediaFile[] = []
  for (const { at, value, field } of mediaValuesOf(request)) {
    // A URL is sent as given (a model the action does not know may take other schemes: FoxAPI decides).
    if (!isMediaPath(value)) continue
    const input = `${labelOf(field.input)}${itemPath(field, at)}`
    const name = [...at].reverse().find((part): part is string => typeof part === 'string') ?? field.input
    const checked = checker.check(value, field.kind, name, field.maxBytes)
    if (!checked.ok) problems.push(`${input}: ${checked.problem}`)
    else files.push({ ...checked.file, at, field: fieldText(at), input, kind: field.kind })
  }
  return files
}

/** The part of a value's place below its input: ` item 1, field 'image_url'` (all of it for `parameters`). */
function itemPath(field: MediaField, at: readonly (string | number)[]): string {
  const own = field.input === 'parameters' ? 0 : 1
  return at
    .slice(own)
    .map((part) => (typeof part === 'number' ? ` item ${part + 1}` : ` field '${part}'`))
    .join(',')
}

/** `request` with the value at each file's place replaced by `valueOf(file)`; the request itself is left as it was. */
export function replaceMedia<F extends Pick<MediaFile, 'at'>>(
  request: GenerationRequest,
  files: readonly F[],
  valueOf: (file: F) => string,
): GenerationRequest {
  if (files.length === 0) return request
  const copy = structuredClone(request)
  for (const file of files) {
    const parent = file.at.slice(0, -1).reduce<unknown>((node, part) => (node as Record<string | number, unknown>)[part], copy)
    const last = file.at.at(-1)
    if (typeof parent === 'object' && parent !== null && last !== undefined)
      (parent as Record<string | number, unknown>)[last] = valueOf(file)
  }
  return copy
}

/**
 * The request the cache key is made from: each workspace file as `sha256:<hex>` of its bytes, so a cache hit needs
 * no upload, changed content is a new request, and the same content under another name is the same one.
 */
export function withMediaDigests(request: GenerationRequest, files: readonly Pick<MediaFile, 'at' | 'sha256'>[]): GenerationRequest {
  return replaceMedia(request, files, (file) => `sha256:${file.sha256}`)
}
