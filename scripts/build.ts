// `npm run build [-- <out dir>]`: bundles src/ into dist/ (or <out dir>) with ncc, then writes licenses.txt
// from every package in the bundle. Two entries: the action (src/index.ts → index.js and its chunks) and the MP4
// reader's worker (src/clip/clip-reader-worker.ts → clip-reader/index.js), which the action starts as a worker
// thread with a memory limit (src/clip/clip-reader.ts). ncc's own --license list covers only the main chunk,
// and much of the bundle is in chunks loaded on demand (the network code and undici, @actions/cache,
// @actions/github: see "The bundle" in CONTRIBUTING.md), so the list is built here from ncc's stats, which name
// every module of every chunk of both entries.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** One bundled package and the licence it ships under. */
export interface BundledPackage {
  name: string
  version: string
  license: string
  text: string
}

/**
 * The package folders (`…/node_modules/<name>` or `…/node_modules/@scope/name`) that any module of the stats
 * comes from: every absolute path in the stats (module identifiers hold loader paths too, so @vercel/ncc, whose
 * webpack runtime is part of the bundle, is listed), with `/` or, on Windows, `\` between its parts.
 */
export function packageFolders(statsText: string, isPackage = (folder: string) => existsSync(path.join(folder, 'package.json'))): string[] {
  const folders = new Set<string>()
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const part of value.split(/[!|?]/)) {
        const unified = part.trim().replace(/\\/g, '/')
        if (!/^(\/|[A-Za-z]:\/)/.test(unified)) continue
        const match = /^(.*\/node_modules\/)(@[^/]+\/[^/]+|[^/@][^/]*)/.exec(unified)
        if (match) folders.add(path.normalize(`${match[1]}${match[2]}`))
      }
    } else if (Array.isArray(value)) value.forEach(visit)
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit)
  }
  visit(JSON.parse(statsText))
  return [...folders].filter(isPackage).sort()
}

/** Name, version, licence and licence text of each package folder (the text is empty when the package ships none). */
export function describePackages(folders: string[]): BundledPackage[] {
  const seen = new Map<string, BundledPackage>()
  for (const folder of folders) {
    const pkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
      name?: string
      version?: string
      license?: unknown
    }
    const name = pkg.name ?? path.basename(folder)
    const version = pkg.version ?? ''
    const file = readdirSync(folder).find((entry) => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(entry))
    const text = file ? readFileSync(path.join(folder, file), 'utf8').trim() : ''
    const license = typeof pkg.license === 'string' ? pkg.license : 'UNKNOWN'
    seen.set(`${name}@${version}`, { name, version, license, text })
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))
}

/** The build's entries: the source file and the folder (under the output) its bundle goes to. */
export const ENTRIES = [
  { source: 'src/index.ts', folder: '.' },
  { source: 'src/clip/clip-reader-worker.ts', folder: 'clip-reader' },
] as const

/** licenses.txt as ncc writes it: per package its name, its licence id and the licence text, blank-line separated. */
export function licensesText(packages: BundledPackage[]): string {
  return packages.map((p) => `${p.name}\n${p.license}\n${p.text}`.trimEnd()).join('\n\n') + '\n'
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(process.argv[2] ?? path.join(root, 'dist'))
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'foxapi-build-'))
  try {
    const ncc = path.join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js')
    // The bundle must get @actions/core with its OIDC client loaded on first use (see the script); `npm ci` applies it already.
    execFileSync(process.execPath, [path.join(root, 'scripts/patch-dependencies.mjs')], { stdio: 'inherit' })
    rmSync(out, { recursive: true, force: true })
    const folders = ENTRIES.flatMap((entry, index) => {
      const stats = path.join(scratch, `stats-${index}.json`)
      const target = path.join(out, entry.folder)
      execFileSync(
        process.execPath,
        [ncc, 'build', entry.source, '-o', target, '--target', 'es2022', '--transpile-only', '--stats-out', stats],
        { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
      )
      return packageFolders(readFileSync(stats, 'utf8'))
    })
    const packages = describePackages([...new Set(folders)].sort())
    writeFileSync(path.join(out, 'licenses.txt'), licensesText(packages))
    const files = readdirSync(out, { recursive: true }).map(String).sort()
    console.log(`${path.relative(root, out) || out}: ${files.join(', ')}; licenses.txt lists ${packages.length} packages.`)
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
