// Proves dist/ is the bundle of src/: rebuilds with the exact `build` script into a temporary folder
// and compares every file byte for byte. Exits 1, naming the files, when they differ.
import { execSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
const build = pkg.scripts.build ?? ''
if (!/ -o dist( |$)/.test(build)) throw new Error('the build script must write to dist with "-o dist"')

const fresh = mkdtempSync(path.join(os.tmpdir(), 'foxapi-dist-'))
try {
  execSync(build.replace(/ -o dist( |$)/, ` -o ${JSON.stringify(fresh)}$1`), { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
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
    process.exit(1)
  }
  console.log(`dist/ matches src/ (${names.size} files).`)
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
