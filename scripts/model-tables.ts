// The model tables of docs/models.md (every model, family by family) and the README (one line per family) are
// generated from the registry (src/models/families/), so the docs say what the action checks. `npm run docs`
// (scripts/readme-tables.ts) rewrites them between their markers; __tests__/model-docs.test.ts fails when they
// are out of date.
import type { FieldSpec, ModelEntry, ModelFamily } from '../src/models/entry'

const code = (text: string | number) => `\`${text}\``

function spec(entry: ModelEntry, field: string | undefined): FieldSpec | undefined {
  return field === undefined ? undefined : entry.fields[field]
}

/** `4, 8, 12, 16, 20 · 4`, `3–15 · 5`, `4–15 or -1 · 5`, `any`, or what decides the length. */
export function durationsOf(entry: ModelEntry): string {
  const duration = spec(entry, 'duration')
  if (duration?.type !== 'seconds') {
    if (entry.makes) return 'no video'
    if (entry.read === 'not read') return '?'
    const followsInput = Object.values(entry.fields).some((f) => (f.type === 'media' || f.type === 'media-list') && f.kind !== 'image')
    return followsInput ? 'from its input' : 'not settable'
  }
  const { values, min, max, auto } = duration
  const range = values ? values.join(', ') : min !== undefined && max !== undefined ? `${min}–${max}` : 'any'
  const text = `${range}${auto !== undefined ? ` or ${auto}` : ''}`
  return duration.default !== undefined ? `${text} · **${duration.default}**` : text
}

/** An enum's values with the default in bold, `any` for a field shown only in an example, `—` for none. */
function valuesOf(entry: ModelEntry, field: string | undefined): string {
  const found = spec(entry, field)
  if (found?.type === 'enum') return found.values.map((v) => (v === found.default ? `**${v}**` : v)).join(', ')
  if (found?.type === 'text') return 'any'
  return entry.read === 'not read' ? '?' : '—'
}

export const aspectsOf = (entry: ModelEntry): string =>
  valuesOf(entry, entry.shape?.aspect ?? (entry.fields.aspect_ratio ? 'aspect_ratio' : undefined))
export const resolutionsOf = (entry: ModelEntry): string => valuesOf(entry, entry.fields.resolution ? 'resolution' : undefined)

/** `always`, `on`/`off` by default, `asked` (no default shown), or `—`. */
export function audioOf(entry: ModelEntry): string {
  if (entry.shape?.audio === 'always') return 'always'
  const found = spec(entry, 'generate_audio')
  if (found?.type !== 'bool') return entry.read === 'not read' ? '?' : '—'
  return found.default === undefined ? 'asked' : found.default ? '**on**' : '**off**'
}

/** `2500`, `2500, optional`, `not stated`, or `no prompt`. */
export function promptCapOf(entry: ModelEntry): string {
  const prompt = spec(entry, 'prompt')
  if (prompt?.type !== 'prompt') return entry.read === 'not read' ? '?' : 'no prompt'
  const cap = prompt.cap !== undefined ? String(prompt.cap) : 'not stated'
  return prompt.required ? cap : `${cap}, optional`
}

/** The inputs it takes, each with the field it fills where that is not the input's own snake_case name. */
export function inputsOf(entry: ModelEntry): string {
  if (entry.read === 'not read') return 'any (sent as given)'
  const required = new Set(Object.entries(entry.fields).flatMap(([name, s]) => ('required' in s && s.required ? [name] : [])))
  return Object.entries(entry.inputs)
    .map(([input, target]) => {
      const name = target === input.replace(/-/g, '_') ? code(input) : `${code(input)} → ${code(target)}`
      return required.has(target) ? `**${name}**` : name
    })
    .join(', ')
}

/** `[page](url)`, with how much of it could be read. */
export function pageOf(entry: ModelEntry): string {
  const read = entry.read === 'full' ? '' : entry.read === 'partial' ? ' (partial)' : ' (not read)'
  const language = /\/pages\/(en|zh)\//.exec(entry.page)?.[1] ?? ''
  return `[${language.toUpperCase()}](${entry.page})${read}`
}

const HEADER = [
  '| model | inputs (required in bold) | duration (s) | aspect ratio | resolution | sound | prompt cap | page |',
  '|---|---|---|---|---|---|---|---|',
]

/** docs/models.md: each family's models, one row each, and the notes that say what the action sends and why. */
export function modelsTable(families: readonly ModelFamily[]): string {
  return families
    .map((family) => {
      const rows = family.entries.map(
        (e) =>
          `| ${code(e.name)}${e.makes ? ` (makes a ${e.makes})` : ''} | ${inputsOf(e)} | ${durationsOf(e)} | ${aspectsOf(e)} | ` +
          `${resolutionsOf(e)} | ${audioOf(e)} | ${promptCapOf(e)} | ${pageOf(e)} |`,
      )
      const notes = family.entries.filter((e) => e.note).map((e) => `- ${code(e.name)}: ${e.note}`)
      return [`### ${family.name}`, '', ...HEADER, ...rows, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n')
    })
    .join('\n\n')
}

/** The README's line per family: its models, their lengths, sounds and prompt caps, in short. */
export function familiesTable(families: readonly ModelFamily[]): string {
  const rows = families.map((family) => {
    const entries = family.entries.filter((e) => e.read !== 'not read')
    const caps = [...new Set(entries.map((e) => spec(e, 'prompt')).flatMap((p) => (p?.type === 'prompt' && p.cap ? [p.cap] : [])))]
    const notRead = family.entries.length - entries.length
    const models = `${family.entries.length}${notRead > 0 ? ` (${notRead} sent as given)` : ''}`
    const example = entries.find((e) => spec(e, 'duration')?.type === 'seconds') ?? entries[0]
    return (
      `| ${family.name} | ${models} | ${code(example?.name ?? '')}: ${example ? durationsOf(example) : ''} | ` +
      `${caps.length > 0 ? caps.sort((a, b) => a - b).join(', ') : 'not stated'} |`
    )
  })
  return ['| family | models | e.g. duration (s) | prompt cap |', '|---|---|---|---|', ...rows].join('\n')
}
