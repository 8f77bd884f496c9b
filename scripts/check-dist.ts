// Proves dist/ is the bundle of src/: rebuilds with the build script (scripts/build.ts) into a temporary
// folder and compares every file byte for byte. Exits 1, naming the files, when they differ.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
if (pkg.scripts.build !== 'tsx scripts/build.ts')
  throw new Error('the build script must be `tsx scripts/build.ts`, which check-dist runs too')

const fresh = mkdtempSync(path.join(os.tmpdir(), 'foxapi-dist-'))
try {
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
  execFileSync(process.execPath, [tsx, 'scripts/build.ts', fresh], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  const committed = path.join(root, 'dist')
  // Every file at any depth: ncc writes chunks for dynamic imports beside index.js.
  const list = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
  const names = new Set([...list(committed), ...list(fresh)])
  const differing = [...names].filter((name) => {
    try {
      return !readFileSync(path.join(committed, name)).equals(readFileSync(path.join(fresh, name)))
    } catch {
      return true
    }
  })
  if (differing.length > 0) {
    console.error(`dist/ does not match src/: ${differing.join(', ')} differ. Run \`npm run build\` and commit dist/.`)
    process.exitCode = 1 // not process.exit(): the fresh build is still to be removed
  } else console.log(`dist/ matches src/ (${names.size} files).`)
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
