// The layout's one rule (CONTRIBUTING.md, "Layout of src/"): imports point one way, from the entry points down to
// the leaf helpers, and no modules import each other in a loop (type-only imports count too). Read from the source
// text, so it holds for what a reader sees.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const src = path.resolve(__dirname, '../src')

/** Each folder's floor: a module may import its own folder or a lower floor, never a higher one or a sibling of its floor. */
const FLOORS: Readonly<Record<string, number>> = {
  '.entry': 7,
  run: 6,
  // Between the run and the cache: records/ proves its records with cache/entry-proof.ts, and the run asks it.
  records: 5.5,
  cache: 5,
  report: 5,
  foxapi: 4,
  clip: 4,
  inputs: 3,
  '.helpers': 2,
  // Above the helpers: a workspace file is read through the hashing meter of atomic-files.ts.
  media: 2.5,
  models: 1,
  security: 1,
  '.leaf': 0,
}
/** index/main/post: the entry points. */
const ENTRY_FILES = new Set(['index.ts', 'main.ts', 'post.ts'])
/** The top-level helpers that use security/ (the sanitising logger, atomic writes); the others use nothing of src/. */
const HELPER_FILES = new Set(['log.ts', 'atomic-files.ts'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : []
  })
}

/** `run`, `cache`, …; `.entry` for index/main/post; `.helpers` and `.leaf` for the other top-level files. */
function folderOf(file: string): string {
  const relative = path.relative(src, file)
  const [first] = relative.split(path.sep)
  if (!relative.includes(path.sep)) return ENTRY_FILES.has(relative) ? '.entry' : HELPER_FILES.has(relative) ? '.helpers' : '.leaf'
  return first ?? '.leaf'
}

/** The src files `file` imports (static, dynamic and type-only). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const targets = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.[^']+)'/g)].map((match) => match[1] ?? '')
  return targets.map((target) => `${path.resolve(path.dirname(file), target)}.ts`)
}

const files = sourceFiles(src)
const graph = new Map(files.map((file) => [file, importsOf(file)]))

describe('the layout of src/', () => {
  it('knows every folder (a new folder gets a floor here and in CONTRIBUTING.md)', () => {
    expect([...new Set(files.map(folderOf))].filter((folder) => FLOORS[folder] === undefined)).toEqual([])
  })

  it('imports point one way: down a floor, or within a folder', () => {
    const upward: string[] = []
    for (const [file, targets] of graph) {
      const from = folderOf(file)
      for (const target of targets) {
        const to = folderOf(target)
        if (from !== to && (FLOORS[to] ?? 0) >= (FLOORS[from] ?? 0))
          upward.push(`${path.relative(src, file)} → ${path.relative(src, target)}`)
      }
    }
    expect(upward).toEqual([])
  })

  it('has no import loops', () => {
    const loops: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'open') {
        loops.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(src, f)).join(' → '))
        return
      }
      state.set(file, 'open')
      for (const target of graph.get(file) ?? []) if (graph.has(target)) visit(target, [...trail, file])
      state.set(file, 'done')
    }
    for (const file of files) visit(file, [])
    expect(loops).toEqual([])
  })
})
