// `npm run release -- <version> [--dry-run] [--push]`: tags a release the way actions are consumed. Makes the
// annotated tag v<version> and moves the major tag (v1, v2, …) to it, so `uses: your-org/foxapi-video-action@v1`
// gets the new release. Refuses, before touching anything, when: the version is not semver or not above the
// latest release tag; the working tree is not clean; dist/ does not match src/ (scripts/check-dist.ts);
// package.json's version differs; CHANGELOG.md has no `## <version>` section. `--dry-run` only checks and
// prints what it would do; `--push` also pushes both tags to origin (the major tag with --force).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface Version {
  major: number
  minor: number
  patch: number
}

/** `1.2.3` or `v1.2.3` (no pre-release or build part: action users pin plain versions). */
export function parseVersion(text: string): Version | undefined {
  const match = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(text.trim())
  return match ? { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) } : undefined
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch
}

/** The highest `vX.Y.Z` among the tags, or undefined. */
export function latestRelease(tags: string[]): Version | undefined {
  return tags
    .map((tag) => (/^v\d+\.\d+\.\d+$/.test(tag) ? parseVersion(tag) : undefined))
    .filter((v): v is Version => v !== undefined)
    .sort(compareVersions)
    .at(-1)
}

/** Why the release cannot be made (each reason a line), or an empty list. */
export function releaseProblems(options: {
  version: string
  tags: string[]
  dirty: string
  packageVersion: string
  changelog: string
  distMatches: boolean
}): string[] {
  const problems: string[] = []
  const version = parseVersion(options.version)
  if (!version) return [`'${options.version}' is not a version like 1.2.3`]
  const plain = `${version.major}.${version.minor}.${version.patch}`
  const latest = latestRelease(options.tags)
  if (latest && compareVersions(version, latest) <= 0) {
    problems.push(`v${plain} is not above the latest release v${latest.major}.${latest.minor}.${latest.patch}`)
  }
  if (options.dirty.trim() !== '') problems.push(`the working tree is not clean:\n${options.dirty.trimEnd()}`)
  if (!options.distMatches) problems.push('dist/ does not match src/: run `npm run build` and commit dist/')
  if (options.packageVersion !== plain) problems.push(`package.json says ${options.packageVersion}: set "version": "${plain}" and commit`)
  if (!new RegExp(`^## \\[?v?${plain.replace(/\./g, '\\.')}\\]?`, 'm').test(options.changelog)) {
    problems.push(`CHANGELOG.md has no "## ${plain}" section: move the Unreleased notes under it and commit`)
  }
  return problems
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' })
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const dryRun = args.includes('--dry-run')
  const push = args.includes('--push')
  const requested = args.find((a) => !a.startsWith('--'))
  if (!requested) {
    console.error('Usage: npm run release -- <version> [--dry-run] [--push]   e.g. npm run release -- 1.0.0 --dry-run')
    process.exit(2)
  }
  let distMatches = true
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-dist.ts'], {
      cwd: root,
      stdio: 'inherit',
    })
  } catch {
    distMatches = false
  }
  const problems = releaseProblems({
    version: requested,
    tags: git('tag', '--list').split('\n').filter(Boolean),
    dirty: git('status', '--porcelain'),
    packageVersion: (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version,
    changelog: readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'),
    distMatches,
  })
  if (problems.length > 0) {
    console.error(`Not releasing:\n${problems.map((p) => `- ${p}`).join('\n')}`)
    process.exit(1)
  }
  const version = parseVersion(requested) as Version
  const tag = `v${version.major}.${version.minor}.${version.patch}`
  const major = `v${version.major}`
  const head = git('rev-parse', '--short', 'HEAD').trim()
  const steps: string[][] = [
    ['tag', '--annotate', tag, '--message', `${tag} release`],
    ['tag', '--force', '--annotate', major, '--message', `${major}: ${tag}`, `${tag}^{commit}`],
    ...(push
      ? [
          ['push', 'origin', tag],
          ['push', '--force', 'origin', major],
        ]
      : []),
  ]
  for (const step of steps) {
    console.log(`${dryRun ? '[dry run] would run' : 'running'}: git ${step.join(' ')}`)
    if (!dryRun) git(...step)
  }
  console.log(
    dryRun
      ? `Dry run: ${tag} and ${major} would point at ${head}. Nothing was changed.`
      : `${tag} and ${major} point at ${head}.${push ? '' : ` Push them: git push origin ${tag} && git push --force origin ${major}`}`,
  )
}
