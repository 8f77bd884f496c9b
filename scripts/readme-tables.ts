// The README's Inputs and Outputs tables are generated from action.yml, so the marketplace page (which shows
// action.yml) and the README can never disagree. `npm run docs` rewrites the tables between their markers;
// __tests__/action-metadata.test.ts fails when they are out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

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
} as const

/** The README with both tables replaced by what action.yml says. Throws when a marker is missing. */
export function withGeneratedTables(readme: string, action: ActionMetadata): string {
  let text = readme
  for (const [which, table] of [
    ['inputs', inputsTable(action)],
    ['outputs', outputsTable(action)],
  ] as const) {
    const [open, close] = MARKERS[which]
    const start = text.indexOf(open)
    const end = text.indexOf(close, start)
    if (start < 0 || end < 0) throw new Error(`README.md has no ${open} … ${close} markers around its ${which} table`)
    text = `${text.slice(0, start + open.length)}\n${table}\n${text.slice(end)}`
  }
  return text
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.join(root, 'README.md')
  const before = readFileSync(file, 'utf8')
  const after = withGeneratedTables(before, readActionMetadata())
  if (after !== before) writeFileSync(file, after)
  console.log(after === before ? 'README.md tables already match action.yml.' : 'README.md tables rewritten from action.yml.')
}
