// What a registry entry is: one FoxAPI video model written down as data (its fields, the inputs that fill
// them, the shape of the clip it promises, the page it comes from), in the words of /work/shared/foxapi-catalog.md.
// Entries live one family per file under ./families/; ./interpret.ts turns an entry into the model's zod schema,
// its rules and its shape. A rule that data cannot say is a small named function (./rules.ts) the entry names.
import type { FieldInput } from '../constants'
import type { MediaKind } from './fields'

/** One request field of a model, as its page documents it. */
export type FieldSpec =
  /** `prompt`: required or not, capped at the page's limit (none when the page states none). */
  | { type: 'prompt'; required?: boolean; cap?: number }
  | { type: 'text'; required?: boolean; max?: number }
  /** A URL that is not media the model fetches (a legacy `callback_url`). */
  | { type: 'url' }
  | { type: 'enum'; values: readonly [string, ...string[]]; default?: string }
  /**
   * Whole seconds: one of `values`, or `min` to `max` (neither: any whole number, the page gives only an example);
   * `auto` is the value that lets the model decide (Seedance's -1).
   */
  | { type: 'seconds'; values?: readonly number[]; min?: number; max?: number; auto?: number; default?: number }
  | { type: 'int'; min?: number; max?: number; default?: number }
  | { type: 'number'; min?: number; max?: number; default?: number }
  | { type: 'bool'; default?: boolean }
  | { type: 'yes-no' }
  /** One media value (fields.ts mediaUrl). */
  | { type: 'media'; kind: MediaKind; required?: boolean; maxBytes?: number }
  /** A list of media values (fields.ts mediaUrlList). */
  | { type: 'media-list'; kind: MediaKind; min?: number; max?: number; required?: boolean; maxBytes?: number }
  | { type: 'strings'; noun: string; max?: number }
  /** Kling's subject elements ({frontal_image_url, reference_image_urls[]}). */
  | { type: 'elements' }
  /** `multi_prompt`: segments {prompt, duration}. */
  | { type: 'segments' }
  /** An object of options passed as given (an "advanced" object, `model_params`). */
  | { type: 'object' }
  /** A field whose items need their own schema (kling-o3-ref's image_list and video_list): ./special-fields.ts. */
  | { type: 'special'; name: SpecialFieldName }

export type SpecialFieldName = 'kling-image-list' | 'kling-video-list'

/** Rules FoxAPI documents across fields: broken, they stop the run before anything is paid (./rules.ts). */
export type RuleName =
  | 'prompt-or-segments'
  | 'segments-add-up'
  | 'segments-add-up-to-default'
  | 'kling-media-references'
  | 'veo-images-by-generation-type'
  | 'veo-lite-1080p-is-8s'
  | 'wan-inputs-by-generation-type'
  | 'vidu-images-and-prompt'
  | 'seedance-12-files'

/** Limits known only from the provider's own specification: said, not enforced (./rules.ts). */
export type WarningName = 'kling-shots' | 'kling-image-count' | 'kling-o3-ref-media' | 'kling-end-without-start' | 'voices-need-audio'

/** What the action fills in before sending (./rules.ts): the seed model's defaults, Veo's generation_type. */
export type FinalizeName = 'kling-o3-ref-defaults' | 'veo-generation-type'

/** A request that fixes less than usual: kling-o3-ref with a `base` reference video takes the video's length. */
export type ShapeExceptionName = 'kling-base-reference'

/**
 * Which request fields fix the clip's shape; each field's default is the FoxAPI default its spec gives. A shape
 * field left out is not checked (the picture follows an input image, the length follows an input video).
 */
export interface ShapeSpec {
  /** The length in seconds (with `multi_prompt` segments, their sum). */
  duration?: string
  /** `aspect_ratio`, `ratio` or `size`: only a `W:H` value fixes it (`auto`, `adaptive` do not). */
  aspect?: string
  /** `resolution`: `720p` means a short side of 720 px (`auto` fixes nothing). */
  resolution?: string
  /** `generate_audio` (true wants an audio track), or `always` where the page says the model always adds sound. */
  audio?: string
  unless?: ShapeExceptionName
}

/** How much of the model's page could be read (the catalog's "Read" column). */
export type ReadLevel = 'full' | 'partial' | 'not read'

export interface ModelEntry {
  /** The `model` string. */
  name: string
  /** One line on what the model makes, for messages and the docs. */
  about: string
  /** FoxAPI's page documenting it. */
  page: string
  read: ReadLevel
  /**
   * Fields beyond those listed pass through unchecked (a partial page: its other fields could not be read);
   * otherwise a field the model does not have is refused by name.
   */
  open?: boolean
  /** The body's fields (without `model`). Empty for a page not read: the request is then sent as given. */
  fields: Readonly<Record<string, FieldSpec>>
  /** The action inputs it takes, each with the field it fills: `image_urls[0]` is a list's first item. */
  inputs: Partial<Record<FieldInput, string>>
  shape?: ShapeSpec
  /** A model that makes no video: the id its task result carries instead of a clip URL. */
  makes?: 'voice_id' | 'character_id'
  rules?: readonly RuleName[]
  warnings?: readonly WarningName[]
  finalize?: FinalizeName
  /** Seconds a task typically takes (an assumption per family, not a measurement: a polling prior). */
  typicalSeconds: number
  /** What the docs say besides the fields: what is unknown, what the action sends and why. */
  note?: string
}

/** A family of models (one file under ./families/). */
export interface ModelFamily {
  name: string
  entries: readonly ModelEntry[]
}

/** The page of a model, from its path under FoxAPI's video-series manual (`en/kling/kling-v3-text-to-video`). */
export function foxPage(pathUnderVideoSeries: string): string {
  const [lang, ...rest] = pathUnderVideoSeries.split('/')
  return `https://docs.foxapi.cc/pages/${lang}/api-manual/video-series/${rest.join('/')}`
}
