// What a model module declares: the action inputs it takes (and the body field each fills), a strict zod
// schema of its request body, FoxAPI's documented cross-field rules (errors) and Kling-only limits (warnings).
import type { z } from 'zod'
import type { FieldInput } from '../constants'
import type { FieldProblem } from './fields'

export { FIELD_INPUTS, type FieldInput } from '../constants'

/** The body of `POST /v1/videos/generations`: the model name and that model's fields. */
export type GenerationRequest = { model: string } & Record<string, unknown>

/**
 * What a request fixes about the clip a model makes, and so what a finished clip is held against (see
 * models/expected-shape.ts): `aspect-ratio` (aspect_ratio), `duration` (duration, or the sum of multi_prompt
 * segments), `resolution` (the short side: 720p → 720) and `audio` (generate_audio: true wants an audio track).
 */
export type ShapeField = 'aspect-ratio' | 'duration' | 'resolution' | 'audio'

/** Which shape fields a model fixes, and what FoxAPI uses for one the request leaves out (when documented). */
export interface ShapeRules {
  fixes: (body: Record<string, unknown>) => readonly ShapeField[]
  defaults: { aspect_ratio?: string; duration?: number; resolution?: string }
}

export interface ModelDefinition {
  name: string
  /** One line on what the model makes, for messages and the README. */
  about: string
  /** The inputs this model takes, each with the body field it fills. */
  inputs: Partial<Record<FieldInput, string>>
  /** The body (without `model`): a strict object, so a field the model does not know is named. */
  schema: z.ZodType<Record<string, unknown>>
  /** Rules FoxAPI documents across fields: broken, they stop the run before anything is paid. */
  rules(body: Record<string, unknown>): FieldProblem[]
  /** Limits known only from Kling's own specification: said, not enforced (FoxAPI's free 422 decides). */
  warnings(body: Record<string, unknown>): string[]
  /** Fills what the action sends by default (only the seed model has such defaults). */
  finalize(body: Record<string, unknown>): Record<string, unknown>
  /** What its requests fix about the clip (none: only the structural checks apply). */
  shape: ShapeRules
}

/** Declares a model with typed rules; the registry sees them untyped. */
export function defineModel<S extends z.ZodType<Record<string, unknown>>>(model: {
  name: string
  about: string
  inputs: Partial<Record<FieldInput, string>>
  schema: S
  rules?: (body: z.output<S>) => FieldProblem[]
  warnings?: (body: z.output<S>) => string[]
  finalize?: (body: z.output<S>) => Record<string, unknown>
  /** The shape fields its requests fix: a list, or a function of the body (for a rule such as "unless a base reference video"). */
  fixes?: readonly ShapeField[] | ((body: z.output<S>) => readonly ShapeField[])
  shapeDefaults?: ShapeRules['defaults']
}): ModelDefinition {
  const { fixes } = model
  return {
    name: model.name,
    about: model.about,
    inputs: model.inputs,
    schema: model.schema,
    rules: (body) => model.rules?.(body as z.output<S>) ?? [],
    warnings: (body) => model.warnings?.(body as z.output<S>) ?? [],
    finalize: (body) => model.finalize?.(body as z.output<S>) ?? body,
    shape: {
      fixes: (body) => (typeof fixes === 'function' ? fixes(body as z.output<S>) : (fixes ?? [])),
      defaults: model.shapeDefaults ?? {},
    },
  }
}

/** Counts of the image inputs of a Kling request, for the "at most 7 (4 with a video)" warning. */
export function imageCountWarning(images: number, withVideo: boolean): string[] {
  const max = withVideo ? 4 : 7
  return images > max
    ? [`${images} images and elements; Kling's specification allows at most ${max}${withVideo ? ' with a reference video' : ''}`]
    : []
}
