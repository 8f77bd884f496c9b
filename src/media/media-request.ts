// The media of one request: where its workspace files stand (read through the model's listing, mediaFieldsOf), each
// checked by a MediaChecker with its problem named after the input that gave it; and the request with those paths
// replaced, by each file's SHA-256 for the cache key (never by an upload URL, which changes with every upload) or by
// the URL FoxAPI returned for its upload, for the create call.
import { isMediaPath, mediaValuesOf, type GenerationRequest, type MediaValue, type RequestSources } from '../models'
import type { MediaChecker, MediaFile } from './media-files'

/** Where a value stands, as results rows show it: `image_list[0].image_url`. */
export function fieldText(at: readonly (string | number)[]): string {
  return at.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('')
}

/**
 * The workspace files `request` names (values without a URL scheme), each checked by `checker`. A problem is pushed
 * named after the input that gave the value (`sources`, from buildRequest, tells a list given in `parameters` from one
 * an input filled): `labelOf(input)` gives `Input 'image-url'` or `batch item 2 'image-url'`.
 */
export function requestMediaFiles(
  request: GenerationRequest,
  checker: MediaChecker,
  labelOf: (input: string) => string,
  problems: string[],
  sources?: RequestSources,
): MediaFile[] {
  const files: MediaFile[] = []
  for (const found of mediaValuesOf(request, sources)) {
    // A URL is sent as given (a model the action does not know may take other schemes: FoxAPI decides).
    if (!isMediaPath(found.value)) continue
    const at = found.path
    const input = `${labelOf(found.input)}${itemPath(found)}`
    const name = [...at].reverse().find((part): part is string => typeof part === 'string') ?? found.input
    const checked = checker.check(found.value, found.kind, name, found.maxBytes)
    if (!checked.ok) problems.push(`${input}: ${checked.problem}`)
    else files.push({ ...checked.file, at, field: fieldText(at), input, kind: found.kind })
  }
  return files
}

/** Inputs that fill a whole list (their problems name the item); the others fill one value. */
const LIST_INPUTS: ReadonlySet<string> = new Set(['image-list', 'video-list'])

/**
 * The part of a value's place below its input: ` item 1, field 'image_url'` for a list input, all of it for
 * `parameters`, nothing for an input that fills the one value (`image-url`, even where it fills `image_urls[0]`).
 */
function itemPath(found: MediaValue): string {
  const below = found.input === 'parameters' ? found.path : LIST_INPUTS.has(found.input) ? found.path.slice(1) : []
  return below.map((part) => (typeof part === 'number' ? ` item ${part + 1}` : ` field '${part}'`)).join(',')
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
