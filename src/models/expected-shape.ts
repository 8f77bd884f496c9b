// What a request asks of the clip it makes, read through the model registry: the model says which shape fields
// its requests fix (models/model.ts ShapeRules); a model the registry does not know fixes none of them, so
// such a clip gets only the structural checks.
import { MODELS, type GenerationRequest } from './index'

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
  /** `generate_audio: true`: an audio track is expected. */
  audio?: true
}

/** `resolution` values and the short side of the picture they give. */
export const SHORT_SIDES: Readonly<Record<string, number>> = { '720p': 720, '1080p': 1080, '4k': 2160 }

/**
 * The shape `request` fixes, or undefined when its model is one the registry does not know (a request sent as
 * given) or there is no request (a task collected by id): then only the structural checks apply.
 */
export function expectedShapeOf(request: GenerationRequest | undefined): ExpectedShape | undefined {
  const model = request ? MODELS.get(request.model) : undefined
  if (!request || !model) return undefined
  const fixes = new Set(model.shape.fixes(request))
  const { defaults } = model.shape
  const shape: ExpectedShape = {}
  const aspect = request.aspect_ratio ?? defaults.aspect_ratio
  if (fixes.has('aspect-ratio') && typeof aspect === 'string' && /^\d+:\d+$/.test(aspect)) shape.aspectRatio = aspect
  if (fixes.has('duration')) {
    const segments = Array.isArray(request.multi_prompt) ? (request.multi_prompt as { duration?: unknown }[]) : []
    const total = segments.reduce((sum, s) => sum + (typeof s?.duration === 'number' ? s.duration : Number.NaN), 0)
    const duration = segments.length > 0 ? total : (request.duration ?? defaults.duration)
    if (typeof duration === 'number' && Number.isFinite(duration) && duration > 0) shape.durationS = duration
  }
  const resolution = request.resolution ?? defaults.resolution
  const shortSide = typeof resolution === 'string' ? SHORT_SIDES[resolution] : undefined
  if (fixes.has('resolution') && shortSide !== undefined) {
    shape.shortSide = shortSide
    shape.resolution = resolution as string
  }
  if (fixes.has('audio') && request.generate_audio === true) shape.audio = true
  return shape
}
