// The registry: every model of every family (./families/), each entry interpreted once (./interpret.ts), and
// what the rest of the action asks of a model by name: its definition, its family, what it makes, its typical time.
import type { ModelEntry } from './entry'
import { FAMILIES } from './families'
import { interpretEntry } from './interpret'
import type { ModelDefinition } from './model'

export const DEFAULT_MODEL = 'kling-o3-ref'

/** Every model the action knows, by name (in the catalog's order). */
export const MODELS: ReadonlyMap<string, ModelDefinition> = new Map(
  FAMILIES.flatMap((family) => family.entries.map((entry): [string, ModelDefinition] => [entry.name, interpretEntry(entry)])),
)

/** The family (`Kling`, `Sora 2`, …) of each model. */
export const FAMILY_OF: ReadonlyMap<string, string> = new Map(
  FAMILIES.flatMap((family) => family.entries.map((entry): [string, string] => [entry.name, family.name])),
)

export function entryOf(model: string): ModelEntry | undefined {
  return MODELS.get(model)?.entry
}

/**
 * Seconds a task of `model` typically takes, for polling to use as a prior where FoxAPI gives no estimate
 * (src/foxapi/poll-schedule.ts looks for the end from 3/4 to 1.5 times it); undefined for a model the registry
 * does not know. A rough figure per family, an assumption written in the registry, not a measurement: FoxAPI
 * publishes no run times, and a task's time also grows with its duration, resolution and FoxAPI's queue. The
 * figures lean low on purpose: one too low costs requests (past the window the action polls every 5 s, as fixed
 * polling would), while one too high makes the action look late at a task that ended early.
 */
export function typicalSecondsOf(model: string): number | undefined {
  return entryOf(model)?.typicalSeconds
}

/** The prompt cap of `model`'s page; undefined for a page that states none, or a model the registry does not know. */
export function promptCapOf(model: string): number | undefined {
  const prompt = entryOf(model)?.fields.prompt
  return prompt?.type === 'prompt' ? prompt.cap : undefined
}

/** What a model's task delivers: a video, or the id of an asset (a voice, a character); a model not known: a video. */
export function outputOf(model: string): 'video' | 'voice_id' | 'character_id' {
  return entryOf(model)?.makes ?? 'video'
}
