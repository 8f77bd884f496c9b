// action.yml is what the marketplace shows and what the runner reads: it must be complete (branding, a
// description for every input and output), and the README's tables must say the same (`npm run docs`).
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { INPUT_NAMES, OUTPUT_NAMES } from '../src/constants'
import { inputsTable, outputsTable, readActionMetadata, withGeneratedTables } from '../scripts/readme-tables'

const root = path.resolve(import.meta.dirname, '..')
const action = readActionMetadata()
const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
/** The README and every reference page in docs/, by repository-relative path. */
const pages = Object.fromEntries(
  [
    'README.md',
    ...readdirSync(path.join(root, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ].map((file) => [file, readFileSync(path.join(root, file), 'utf8')]),
)

describe('action.yml', () => {
  it('has a name, a description and marketplace branding', () => {
    expect(action.name).toBeTruthy()
    expect(action.description).toBeTruthy()
    expect(action.branding).toEqual({ icon: expect.any(String), color: expect.any(String) })
  })

  it('runs dist/index.js on node24 for both the main and the post step', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js' })
  })

  it('declares exactly the inputs and outputs that src/constants.ts names (add a new one to both)', () => {
    expect(Object.keys(action.inputs ?? {})).toEqual([...INPUT_NAMES])
    expect(Object.keys(action.outputs ?? {})).toEqual([...OUTPUT_NAMES])
  })

  it.each(Object.entries(action.inputs ?? {}))('input %s has a description', (_name, spec) => {
    expect(spec.description?.trim()).toBeTruthy()
  })

  it.each(Object.entries(action.outputs ?? {}))('output %s has a description', (_name, spec) => {
    expect(spec.description?.trim()).toBeTruthy()
  })
})

describe('README', () => {
  it('lists every input and output of action.yml with the same description and default (run `npm run docs` to update)', () => {
    expect(withGeneratedTables(readme, action)).toBe(readme)
  })

  it('generates rows that escape pipes and mark required inputs', () => {
    const table = inputsTable({ inputs: { a: { description: 'x | y\n z', required: true }, b: { description: 'd', default: 5 } } })
    expect(table.split('\n').slice(2)).toEqual(['| `a` | (required) | x \\| y z |', '| `b` | `5` | d |'])
    expect(outputsTable({ outputs: { o: { description: 'out' } } })).toContain('| `o` | out |')
  })

  it('points every uses: line of the action at the major tag, but the pinning example at a full SHA with its version', () => {
    const uses = Object.entries(pages).flatMap(([file, text]) =>
      [...text.matchAll(/uses: (\S*foxapi-video-action\S*)(.*)/g)].map((m) => [file, m[1], m[2]] as const),
    )
    expect(uses.filter(([file]) => file === 'README.md').length).toBeGreaterThan(0)
    const pinned = uses.filter(([, ref]) => !ref?.endsWith('@v1'))
    for (const [, ref] of uses.filter(([, r]) => r?.endsWith('@v1'))) expect(ref).toBe('your-org/foxapi-video-action@v1')
    // Pinning is explained, with its one example, under "Permissions and pinning", which the README links to.
    expect(pinned).toEqual([
      ['docs/reliability-and-security.md', 'your-org/foxapi-video-action@0123456789abcdef0123456789abcdef01234567', ' # v1.4.2'],
    ])
    expect(readme).toContain('(docs/reliability-and-security.md#permissions-and-pinning)')
  })
})
