// `npm run release -- <version> [--dry-run] [--push]`: tags a release the way actions are consumed. Makes the
// annotated tag v<version> and moves the major tag (v1, v2, …) to it, so `uses: your-org/foxapi-video-action@v1`
// gets the new release. It first fetches origin's main and tags (into refs/release-check/, leaving the local
// tags alone) and decides against what origin has, not what this clone remembers. It refuses, before touching
// anything, when: the version is not semver or not above the newest release tag here or on origin; a release
// tag here differs from origin's; HEAD is not on origin's main; the major tag (origin's, else the local one)
// is not an ancestor of HEAD, so moving it would take users backwards or sideways; the working tree is not
// clean; dist/ does not match src/ (scripts/check-dist.ts); package.json's version differs; CHANGELOG.md has
// no `## <version>` section. `--dry-run` only checks and prints what it would do; `--push` pushes both tags
// in one atomic push, the major tag with `--force-with-lease` on the value origin had when it was checked,
// so a release someone else pushed meanwhile makes the push fail instead of being overwritten.
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

const shown = (v: Version) => `v${v.major}.${v.minor}.${v.patch}`

/** Why the release cannot be made (each reason a line), or an empty list. */
export function releaseProblems(options: {
  version: string
  /** Tag name → the object it names, here and on origin (as fetched just before). */
  localTags: Record<string, string>
  remoteTags: Record<string, string>
  /** HEAD is on origin's main (origin's main contains it); undefined when origin has no main. */
  headOnMain: boolean | undefined
  /** The major tag the release would move (origin's, else the local one) is an ancestor of HEAD, or there is none. */
  majorMovesForward: boolean
  dirty: string
  packageVersion: string
  changelog: string
  distMatches: boolean
}): string[] {
  const problems: string[] = []
  const version = parseVersion(options.version)
  if (!version) return [`'${options.version}' is not a version like 1.2.3`]
  const plain = `${version.major}.${version.minor}.${version.patch}`
  const major = `v${version.major}`
  const local = latestRelease(Object.keys(options.localTags))
  const remote = latestRelease(Object.keys(options.remoteTags))
  const latest = [local, remote]
    .filter((v): v is Version => v !== undefined)
    .sort(compareVersions)
    .at(-1)
  if (latest && compareVersions(version, latest) <= 0) {
    const where = remote && compareVersions(remote, latest) === 0 ? ' (on origin)' : ' (a local tag)'
    problems.push(`v${plain} is not above the latest release ${shown(latest)}${where}`)
  }
  const differing = Object.keys(options.localTags).filter(
    (tag) => /^v\d+\.\d+\.\d+$/.test(tag) && options.remoteTags[tag] !== undefined && options.remoteTags[tag] !== options.localTags[tag],
  )
  for (const tag of differing) problems.push(`the local tag ${tag} is not origin's ${tag}: see \`git ls-remote --tags origin\``)
  if (options.headOnMain === undefined) problems.push("origin has no main branch: a release is made from origin's main")
  else if (!options.headOnMain) problems.push("HEAD is not on origin's main: release a commit that origin's main contains (push it first)")
  if (!options.majorMovesForward) {
    problems.push(`${major} points at a commit that HEAD does not contain: moving it would take users of @${major} backwards or sideways`)
  }
  if (options.dirty.trim() !== '') problems.push(`the working tree is not clean:\n${options.dirty.trimEnd()}`)
  if (!options.distMatches) problems.push('dist/ does not match src/: run `npm run build` and commit dist/')
  if (options.packageVersion !== plain) problems.push(`package.json says ${options.packageVersion}: set "version": "${plain}" and commit`)
  if (!new RegExp(`^## \\[?v?${plain.replace(/\./g, '\\.')}\\]?`, 'm').test(options.changelog)) {
    problems.push(`CHANGELOG.md has no "## ${plain}" section: move the Unreleased notes under it and commit`)
  }
  return problems
}

/** Runs git in `cwd`; throws with git's message when it fails. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Whether git answers yes (exit 0) or no (exit 1) to a question such as `merge-base --is-ancestor`. */
function gitAnswers(cwd: string, ...args: string[]): boolean {
  try {
    git(cwd, ...args)
    return true
  } catch (error) {
    if ((error as { status?: number }).status === 1) return false
    throw error
  }
}

/** Tag name → object id, and the commit each peels to, under a ref prefix. */
function tagsUnder(cwd: string, prefix: string): { ids: Record<string, string>; commits: Record<string, string> } {
  const ids: Record<string, string> = {}
  const commits: Record<string, string> = {}
  const lines = git(cwd, 'for-each-ref', '--format=%(refname) %(objectname) %(*objectname)', prefix).split('\n').filter(Boolean)
  for (const line of lines) {
    const [ref, id, peeled] = line.split(' ') as [string, string, string | undefined]
    const name = ref.slice(prefix.length)
    ids[name] = id
    commits[name] = peeled || id
  }
  return { ids, commits }
}

export interface ReleasePlan {
  problems: string[]
  /** git commands (arguments) that make the release, in order. */
  steps: string[][]
  /** The push that publishes both tags (part of `steps` with `--push`). */
  pushStep: string[]
  /** What the release does, in a sentence. */
  summary: string
}

const CHECKED = 'refs/release-check/'

/**
 * Fetches origin's main and tags, checks everything, and says what a release of `version` would run. Changes
 * nothing but the refs under refs/release-check/ (origin's state, as fetched).
 */
export function planRelease(options: {
  cwd: string
  version: string
  push: boolean
  distMatches: () => boolean
  remote?: string
}): ReleasePlan {
  const { cwd } = options
  const remote = options.remote ?? 'origin'
  const version = parseVersion(options.version)
  if (!version) return { problems: [`'${options.version}' is not a version like 1.2.3`], steps: [], pushStep: [], summary: '' }
  try {
    git(cwd, 'fetch', '--quiet', '--no-tags', '--prune', remote, `+refs/heads/main:${CHECKED}main`, `+refs/tags/*:${CHECKED}tags/*`)
  } catch (error) {
    const message = ((error as { stderr?: string }).stderr ?? String(error)).trim()
    return {
      problems: [`could not fetch main and the tags from ${remote} (a release is decided against it): ${message}`],
      steps: [],
      pushStep: [],
      summary: '',
    }
  }
  const tag = shown(version)
  const major = `v${version.major}`
  const local = tagsUnder(cwd, 'refs/tags/')
  const origin = tagsUnder(cwd, `${CHECKED}tags/`)
  const hasMain = gitAnswers(cwd, 'rev-parse', '--verify', '--quiet', `${CHECKED}main`)
  const oldMajor = origin.commits[major] ?? local.commits[major]
  const problems = releaseProblems({
    version: options.version,
    localTags: local.ids,
    remoteTags: origin.ids,
    headOnMain: hasMain ? gitAnswers(cwd, 'merge-base', '--is-ancestor', 'HEAD', `${CHECKED}main`) : undefined,
    majorMovesForward: oldMajor === undefined || gitAnswers(cwd, 'merge-base', '--is-ancestor', oldMajor, 'HEAD'),
    dirty: git(cwd, 'status', '--porcelain'),
    packageVersion: (JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { version: string }).version,
    changelog: readFileSync(path.join(cwd, 'CHANGELOG.md'), 'utf8'),
    distMatches: options.distMatches(),
  })
  const head = git(cwd, 'rev-parse', '--short', 'HEAD').trim()
  const steps: string[][] = [
    ['tag', '--annotate', tag, '--message', `${tag} release`, 'HEAD'],
    ['tag', '--force', '--annotate', major, '--message', `${major}: ${tag}`, `${tag}^{commit}`],
  ]
  // The lease: origin's major tag must still be what was checked (or still absent), else the push fails.
  const pushStep = [
    'push',
    '--atomic',
    `--force-with-lease=refs/tags/${major}:${origin.ids[major] ?? ''}`,
    remote,
    `refs/tags/${tag}`,
    `refs/tags/${major}`,
  ]
  if (options.push) steps.push(pushStep)
  return { problems, steps, pushStep, summary: `${tag} and ${major} point at ${head}` }
}

/** Runs a plan's steps in `cwd`, printing each. */
export function runRelease(cwd: string, plan: ReleasePlan, log: (line: string) => void = console.log): void {
  for (const step of plan.steps) {
    log(`running: git ${step.join(' ')}`)
    git(cwd, ...step)
  }
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
  const distMatches = () => {
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-dist.ts'], {
        cwd: root,
        stdio: 'inherit',
      })
      return true
    } catch {
      return false
    }
  }
  const plan = planRelease({ cwd: root, version: requested, push, distMatches })
  if (plan.problems.length > 0) {
    console.error(`Not releasing:\n${plan.problems.map((p) => `- ${p}`).join('\n')}`)
    process.exit(1)
  }
  if (dryRun) {
    for (const step of plan.steps) console.log(`[dry run] would run: git ${step.join(' ')}`)
    console.log(`Dry run: ${plan.summary}. Nothing was changed.`)
  } else {
    runRelease(root, plan)
    console.log(`${plan.summary}.${push ? '' : ` Push them: git ${plan.pushStep.join(' ')}`}`)
  }
}
