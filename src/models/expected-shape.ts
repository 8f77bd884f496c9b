// What a request asks of the clip it makes, read through the model registry: each entry says which request
// fields fix the clip's duration, aspect ratio, resolution and sound, with FoxAPI's defaults (models/entry.ts
// ShapeSpec); a model the registry does not check fixes none of them, so such a clip gets only the structural
// checks.
import type { GenerationRequest } from './model'
import { MODELS } from './registry'

/** The clip a request asks for; a field left out is not held against the clip. */
export interface ExpectedShape {
  /** Width:height, e.g. `9:16`. */
  aspectRatio?: string
  /** Seconds: `duration`, or the sum of the `multi_prompt` segments where there are segments. */
  durationS?: number
  /** The picture's short side in pixels, from `resolution` (`720p` → 720, `1080p` → 1080, `4k` → 2160). */
  shortSide?: number
  /** The resolution as asked, for messages. */
  resolution?: string
  /** `generate_audio: true` (or a model that always adds sound): an audio track is expected. */
  audio?: true
}

/** `resolution` values and the short side of the picture they give. */
export const SHORT_SIDES: Readonly<Record<string, number>> = {
  '360p': 360,
  '480p': 480,
  '540p': 540,
  '720p': 720,
  '1080p': 1080,
  '2160p': 2160,
  '4k': 2160,
}

/**
 * The shape `request` fixes, or undefined when its model is one the registry does not check (a request sent as
 * given) or there is no request (a task collected by id): then only the structural checks apply.
 */
export function expectedShapeOf(request: GenerationRequest | undefined): ExpectedShape | undefined {
  const model = request ? MODELS.get(request.model) : undefined
  if (!request || !model || model.unchecked) return undefined
  const fixes = new Set(model.shape.fixes(request))
  const { sources } = model.shape
  const valueOf = (field: 'aspect-ratio' | 'duration' | 'resolution' | 'audio'): unknown => {
    const source = sources[field]
    return fixes.has(field) && source ? (request[source.field] ?? source.default) : undefined
  }
  const shape: ExpectedShape = {}
  const aspect = valueOf('aspect-ratio')
  if (typeof aspect === 'string' && /^\d+:\d+$/.test(aspect)) shape.aspectRatio = aspect
  if (fixes.has('duration')) {
    const segments = Array.isArray(request.multi_prompt) ? (request.multi_prompt as { duration?: unknown }[]) : []
    const total = segments.reduce((sum, s) => sum + (typeof s?.duration === 'number' ? s.duration : Number.NaN), 0)
    const duration = segments.length > 0 ? total : valueOf('duration')
    const auto = sources.duration?.auto
    if (typeof duration === 'number' && Number.isFinite(duration) && duration > 0 && duration !== auto) shape.durationS = duration
  }
  const resolution = valueOf('resolution')
  const shortSide = typeof resolution === 'string' ? SHORT_SIDES[resolution] : undefined
  if (shortSide !== undefined) {
    shape.shortSide = shortSide
    shape.resolution = resolution as string
  }
  if (fixes.has('audio') && (model.shape.alwaysAudio || valueOf('audio') === true)) shape.audio = true
  return shape
}
