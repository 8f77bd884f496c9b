// What the registry knows of a model once its entry (./entry.ts, data) is interpreted (./interpret.ts): the
// action inputs it takes (and the body field each fills), a zod schema of its request body, FoxAPI's documented
// cross-field rules (errors), provider-only limits (warnings), what the action sends by default, and the shape
// its requests fix.
import type { z } from 'zod'
import type { FieldInput } from '../constants'
import type { ModelEntry } from './entry'
import type { FieldProblem } from './rules'

export { FIELD_INPUTS, type FieldInput } from '../constants'

/** The body of `POST /v1/videos/generations`: the model name and that model's fields. */
export type GenerationRequest = { model: string } & Record<string, unknown>

/**
 * Where each field of a built request (or list item, `image_urls[0]`) came from: the input that filled it
 * (`['image-url']`), or `['parameters', field]`.
 */
export type RequestSources = ReadonlyMap<string, readonly string[]>

/**
 * What a request fixes about the clip a model makes, and so what a finished clip is held against (see
 * models/expected-shape.ts): `aspect-ratio`, `duration` (or the sum of multi_prompt segments), `resolution` (the
 * short side: 720p → 720) and `audio` (an audio track).
 */
export type ShapeField = 'aspect-ratio' | 'duration' | 'resolution' | 'audio'

/** One shape field: the request field that fixes it and FoxAPI's default for it (when documented). */
export interface ShapeSource {
  field: string
  default?: string | number | boolean
  /** The value that lets the model decide (it then fixes nothing): Seedance's duration -1. */
  auto?: number
}

/** Which shape fields a model fixes (for a given body), and from which request fields. */
export interface ShapeRules {
  fixes: (body: Record<string, unknown>) => readonly ShapeField[]
  sources: Partial<Record<ShapeField, ShapeSource>>
  /** The page says the model always adds sound. */
  alwaysAudio?: boolean
}

export interface ModelDefinition {
  name: string
  /** One line on what the model makes, for messages and the docs. */
  about: string
  /** The inputs this model takes, each with the body field it fills (`image_urls[0]`: a list's first item). */
  inputs: Partial<Record<FieldInput, string>>
  /** The body (without `model`): strict, so a field the model does not know is named (loose for a partial page). */
  schema: z.ZodType<Record<string, unknown>>
  /** Rules FoxAPI documents across fields: broken, they stop the run before anything is paid. */
  rules(body: Record<string, unknown>): FieldProblem[]
  /** Limits known only from a provider's own specification: said, not enforced (FoxAPI's free 422 decides). */
  warnings(body: Record<string, unknown>): string[]
  /** Fills what the action sends by default (the seed model's defaults, Veo's generation_type). */
  finalize(body: Record<string, unknown>): Record<string, unknown>
  /** What its requests fix about the clip (none: only the structural checks apply). */
  shape: ShapeRules
  /** The entry it was made from: fields, page, what it makes, its typical time. */
  entry: ModelEntry
  /** Its page could not be read: its request is sent as given, unchecked, like a model the action does not know. */
  unchecked: boolean
}
