// The README's Inputs and Outputs tables are generated from action.yml, so the marketplace page (which shows
// action.yml) and the README can never disagree; the model tables (the README's per family, docs/models.md's
// per model) from the model registry (scripts/model-tables.ts). `npm run docs` rewrites the tables between
// their markers; __tests__/action-metadata.test.ts and __tests__/model-docs.test.ts fail when they are out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { FAMILIES } from '../src/models/families'
import { familiesTable, modelsTable } from './model-tables'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface ActionMetadata {
  name?: string
  description?: string
  branding?: { icon?: string; color?: string }
  inputs?: Record<string, { description?: string; required?: boolean; default?: string | number | boolean }>
  outputs?: Record<string, { description?: string }>
  runs?: { using?: string; main?: string; post?: string }
}

export function readActionMetadata(base = root): ActionMetadata {
  return parse(readFileSync(path.join(base, 'action.yml'), 'utf8')) as ActionMetadata
}

/** A description as one table cell: one line, pipes escaped. */
function cell(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
}

export function inputsTable(action: ActionMetadata): string {
  const rows = Object.entries(action.inputs ?? {}).map(([name, spec]) => {
    const fallback = spec.required ? '(required)' : spec.default === undefined || spec.default === '' ? '' : `\`${String(spec.default)}\``
    return `| \`${name}\` | ${fallback} | ${cell(spec.description)} |`
  })
  return ['| input | default | meaning |', '|---|---|---|', ...rows].join('\n')
}

export function outputsTable(action: ActionMetadata): string {
  const rows = Object.entries(action.outputs ?? {}).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`)
  return ['| output | meaning |', '|---|---|', ...rows].join('\n')
}

const MARKERS = {
  inputs: ['<!-- inputs: generated from action.yml by `npm run docs` -->', '<!-- /inputs -->'],
  outputs: ['<!-- outputs: generated from action.yml by `npm run docs` -->', '<!-- /outputs -->'],
  families: ['<!-- model families: generated from src/models by `npm run docs` -->', '<!-- /model families -->'],
  models: ['<!-- models: generated from src/models by `npm run docs` -->', '<!-- /models -->'],
} as const

/** `text` with the table between `which`'s markers replaced. Throws when a marker is missing. */
function replaceBetween(text: string, which: keyof typeof MARKERS, table: string, file: string): string {
  const [open, close] = MARKERS[which]
  const start = text.indexOf(open)
  const end = text.indexOf(close, start)
  if (start < 0 || end < 0) throw new Error(`${file} has no ${open} … ${close} markers around its ${which} table`)
  return `${text.slice(0, start + open.length)}\n${table}\n${text.slice(end)}`
}

/** The README with both tables replaced by what action.yml says. Throws when a marker is missing. */
export function withGeneratedTables(readme: string, action: ActionMetadata): string {
  const text = replaceBetween(readme, 'inputs', inputsTable(action), 'README.md')
  return replaceBetween(text, 'outputs', outputsTable(action), 'README.md')
}

/** The README with its per-family model table from the registry. */
export function withFamiliesTable(readme: string): string {
  return replaceBetween(readme, 'families', familiesTable(FAMILIES), 'README.md')
}

/** docs/models.md with its per-model tables from the registry. */
export function withModelsTable(page: string): string {
  return replaceBetween(page, 'models', modelsTable(FAMILIES), 'docs/models.md')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const regenerate = (name: string, make: (text: string) => string, source: string) => {
    const file = path.join(root, name)
    const before = readFileSync(file, 'utf8')
    const after = make(before)
    if (after !== before) writeFileSync(file, after)
    console.log(after === before ? `${name} tables already match ${source}.` : `${name} tables rewritten from ${source}.`)
  }
  regenerate('README.md', (text) => withFamiliesTable(withGeneratedTables(text, readActionMetadata())), 'action.yml and src/models')
  regenerate('docs/models.md', withModelsTable, 'src/models')
}
