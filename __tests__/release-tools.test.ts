// The release script's checks (pure, and against real local git repositories: a bare origin and its clones)
// and the simulator command line's fault specs.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { packageFolders } from '../scripts/build'
import { latestRelease, parseVersion, planRelease, releaseProblems, runRelease } from '../scripts/release'
import { parseFault } from '../scripts/simulator'

describe('npm run release: the checks', () => {
  const ok = {
    version: '1.2.0',
    localTags: { v1: 'a1', 'v1.1.0': 'b1', 'v1.0.0': 'c1' },
    remoteTags: { v1: 'a1', 'v1.1.0': 'b1', 'v1.0.0': 'c1' },
    headOnMain: true,
    majorMovesForward: true,
    dirty: '',
    packageVersion: '1.2.0',
    changelog: '## 1.2.0\n',
    distMatches: true,
  }

  it('accepts a clean tree on main with a matching dist/, package.json and changelog, above the latest release', () => {
    expect(releaseProblems(ok)).toEqual([])
    expect(releaseProblems({ ...ok, version: 'v1.2.0' })).toEqual([])
    expect(releaseProblems({ ...ok, localTags: {}, remoteTags: {} })).toEqual([])
  })

  it('refuses a dirty tree, a dist/ mismatch, a stale package.json, a missing changelog section and a version not above the latest', () => {
    const problems = releaseProblems({
      ...ok,
      version: '1.1.0',
      dirty: ' M src/main.ts\n',
      packageVersion: '1.0.0',
      changelog: '## Unreleased\n',
      distMatches: false,
    })
    expect(problems).toHaveLength(5)
    expect(problems.join('\n')).toMatch(
      /not above the latest release v1\.1\.0[\s\S]*not clean[\s\S]*dist\/ does not match[\s\S]*package\.json says 1\.0\.0[\s\S]*no "## 1\.1\.0"/,
    )
    expect(releaseProblems({ ...ok, version: '1.2' })).toEqual(["'1.2' is not a version like 1.2.3"])
  })

  it("judges against origin's tags as well as the local ones, and refuses a local release tag that is not origin's", () => {
    expect(releaseProblems({ ...ok, remoteTags: { ...ok.remoteTags, 'v1.5.0': 'd1' } })).toEqual([
      'v1.2.0 is not above the latest release v1.5.0 (on origin)',
    ])
    expect(releaseProblems({ ...ok, localTags: { ...ok.localTags, 'v1.3.0': 'e1' } })).toEqual([
      'v1.2.0 is not above the latest release v1.3.0 (a local tag)',
    ])
    expect(releaseProblems({ ...ok, localTags: { ...ok.localTags, 'v1.1.0': 'other' } })).toEqual([
      "the local tag v1.1.0 is not origin's v1.1.0: see `git ls-remote --tags origin`",
    ])
  })

  it("refuses HEAD off origin's main, an origin without main, and a major tag that would not move forward", () => {
    expect(releaseProblems({ ...ok, headOnMain: false })).toEqual([expect.stringMatching(/^HEAD is not on origin's main/)])
    expect(releaseProblems({ ...ok, headOnMain: undefined })).toEqual([expect.stringMatching(/^origin has no main branch/)])
    expect(releaseProblems({ ...ok, majorMovesForward: false })).toEqual([
      expect.stringMatching(/^v1 points at a commit that HEAD does not contain/),
    ])
  })

  it('finds the latest release tag, ignoring the major tags', () => {
    expect(latestRelease(['v1', 'v1.10.0', 'v1.9.3', 'v2'])).toEqual(parseVersion('1.10.0'))
    expect(latestRelease(['v1'])).toBeUndefined()
  })
})

describe('npm run release: against a real remote', () => {
  // A bare repository in a temp folder plays origin; clones of it play the maintainers. No network.
  let base = ''
  let origin = ''
  beforeEach(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'foxapi-release-'))
    origin = path.join(base, 'origin.git')
    git(base, 'init', '--quiet', '--bare', '--initial-branch=main', origin)
  })
  afterEach(() => rmSync(base, { recursive: true, force: true }))

  function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim()
  }
  function clone(name: string): string {
    const dir = path.join(base, name)
    git(base, 'clone', '--quiet', origin, dir)
    git(dir, 'symbolic-ref', 'HEAD', 'refs/heads/main') // whatever init.defaultBranch says
    git(dir, 'config', 'user.name', 'Release Test')
    git(dir, 'config', 'user.email', 'release@example.test')
    git(dir, 'config', 'tag.gpgSign', 'false')
    git(dir, 'config', 'commit.gpgSign', 'false')
    return dir
  }
  /** A commit that is ready to release `version`: package.json and the changelog name it. */
  function readyToRelease(dir: string, version: string): string {
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', version }) + '\n')
    writeFileSync(path.join(dir, 'CHANGELOG.md'), `## ${version}\n\n- notes\n`)
    git(dir, 'add', '-A')
    git(dir, 'commit', '--quiet', '-m', `release ${version}`)
    return git(dir, 'rev-parse', 'HEAD')
  }
  /** A commit ready to release `version`, pushed to origin's main. */
  function pushedToMain(dir: string, version: string): string {
    const sha = readyToRelease(dir, version)
    git(dir, 'push', '--quiet', 'origin', 'main')
    return sha
  }
  const release = (dir: string, version: string) => planRelease({ cwd: dir, version, push: true, distMatches: () => true })
  /** What origin's tags point at (peeled to commits). */
  const originTags = () =>
    Object.fromEntries(
      git(base, 'ls-remote', '--tags', origin)
        .split('\n')
        .filter((line) => line.endsWith('^{}'))
        .map((line) => {
          const [sha, ref] = line.split('\t') as [string, string]
          return [ref.replace(/^refs\/tags\/|\^\{\}$/g, ''), sha]
        }),
    )

  it("releases from origin's main: both tags pushed, the major tag moved forward", () => {
    const a = clone('a')
    const first = pushedToMain(a, '1.4.0')
    const plan = release(a, '1.4.0')
    expect(plan.problems).toEqual([])
    expect(plan.steps.at(-1)).toEqual([
      'push',
      '--atomic',
      '--force-with-lease=refs/tags/v1:',
      'origin',
      'refs/tags/v1.4.0',
      'refs/tags/v1',
    ])
    runRelease(a, plan, () => undefined)
    expect(originTags()).toEqual({ v1: first, 'v1.4.0': first })

    const second = pushedToMain(a, '1.5.0')
    runRelease(a, release(a, '1.5.0'), () => undefined)
    expect(originTags()).toEqual({ v1: second, 'v1.4.0': first, 'v1.5.0': second })
  })

  it("refuses, from a stale clone, a version not above origin's newest release, and never moves v1 backwards", () => {
    const a = clone('a')
    pushedToMain(a, '1.4.0')
    runRelease(a, release(a, '1.4.0'), () => undefined)
    const patch = pushedToMain(a, '1.4.1')
    // Meanwhile someone else releases 1.5.0 on top; clone a never fetched it (it knows v1.4.0 only).
    const b = clone('b')
    const newer = pushedToMain(b, '1.5.0')
    runRelease(b, release(b, '1.5.0'), () => undefined)
    expect(git(a, 'tag', '--list')).toBe('v1\nv1.4.0')
    expect(git(a, 'rev-parse', 'HEAD')).toBe(patch)

    const plan = release(a, '1.4.1')
    expect(plan.problems).toEqual([
      'v1.4.1 is not above the latest release v1.5.0 (on origin)',
      'v1 points at a commit that HEAD does not contain: moving it would take users of @v1 backwards or sideways',
    ])
    expect(originTags()).toEqual({ v1: newer, 'v1.4.0': expect.any(String), 'v1.5.0': newer })
    expect(git(a, 'tag', '--list')).toBe('v1\nv1.4.0') // the local tags are left alone
  })

  it("refuses a HEAD that origin's main does not contain", () => {
    const a = clone('a')
    pushedToMain(a, '1.0.0')
    git(a, 'switch', '--quiet', '-c', 'feature')
    readyToRelease(a, '1.1.0')
    expect(release(a, '1.1.0').problems).toEqual([
      "HEAD is not on origin's main: release a commit that origin's main contains (push it first)",
    ])
  })

  it('refuses a major tag that is not an ancestor of the release, even one only this clone has', () => {
    const a = clone('a')
    pushedToMain(a, '1.0.0')
    git(a, 'switch', '--quiet', '-c', 'side')
    readyToRelease(a, '1.0.1')
    git(a, 'tag', '-a', 'v1', '-m', 'v1 on a side branch')
    git(a, 'switch', '--quiet', 'main')
    pushedToMain(a, '1.1.0')
    expect(release(a, '1.1.0').problems).toEqual([expect.stringMatching(/^v1 points at a commit that HEAD does not contain/)])
  })

  it("fails the push, changing nothing on origin, when origin's major tag moved after the check (the lease)", () => {
    const a = clone('a')
    pushedToMain(a, '1.0.0')
    runRelease(a, release(a, '1.0.0'), () => undefined)
    pushedToMain(a, '1.1.0')
    const plan = release(a, '1.1.0')
    expect(plan.problems).toEqual([])
    // Between the check and the push, another maintainer releases 1.2.0.
    const b = clone('b')
    const theirs = pushedToMain(b, '1.2.0')
    runRelease(b, release(b, '1.2.0'), () => undefined)
    expect(() => runRelease(a, plan, () => undefined)).toThrow(/stale info|rejected/)
    expect(originTags()).toEqual({ v1: theirs, 'v1.0.0': expect.any(String), 'v1.2.0': theirs })
  })

  it('refuses when origin cannot be reached: nothing is decided from memory', () => {
    const a = clone('a')
    readyToRelease(a, '1.0.0')
    git(a, 'remote', 'set-url', 'origin', path.join(base, 'gone.git'))
    expect(release(a, '1.0.0').problems).toEqual([expect.stringMatching(/^could not fetch main and the tags from origin/)])
  })
})

describe('npm run simulator -- --fault', () => {
  it('parses route, kind, value and count', () => {
    expect(parseFault('create:status:503x2')).toEqual({ route: 'create', times: 2, kind: { type: 'status', status: 503 } })
    expect(parseFault('download:truncate:1000')).toEqual({ route: 'download', kind: { type: 'truncate', bytes: 1000 } })
    expect(parseFault('poll:reset')).toEqual({ route: 'poll', kind: { type: 'reset' } })
    expect(parseFault('download:cut-shortx2')).toEqual({ route: 'download', times: 2, kind: { type: 'brokenClip', how: 'truncated' } })
    expect(parseFault('download:garbage')).toEqual({ route: 'download', kind: { type: 'brokenClip', how: 'garbage' } })
    expect(parseFault('download:sample-bomb')).toEqual({ route: 'download', kind: { type: 'brokenClip', how: 'samples' } })
    expect(parseFault('download:seconds:3')).toEqual({ route: 'download', kind: { type: 'clipShape', shape: { seconds: 3 } } })
  })

  it('names what is wrong with a bad spec', () => {
    expect(() => parseFault('poll:bogus')).toThrow(/unknown kind 'bogus'/)
    expect(() => parseFault('download:truncate')).toThrow(/needs a number of bytes/)
    expect(() => parseFault('files:reset')).toThrow(/expected <route>:<kind>/)
    expect(parseFault('upload:status:429x2')).toEqual({ route: 'upload', times: 2, kind: { type: 'status', status: 429 } })
  })
})

describe('npm run build: the packages licenses.txt lists', () => {
  it('finds every package in the stats, with / or Windows \\ paths, loaders and nested node_modules included', () => {
    const stats = JSON.stringify({
      modules: [
        { identifier: '/w/repo/node_modules/@vercel/ncc/dist/ncc/loaders/relocate-loader.js!/w/repo/node_modules/undici/index.js' },
        { identifier: 'D:\\a\\repo\\node_modules\\@actions\\core\\lib\\core.js', name: './node_modules/@actions/core/lib/core.js' },
        {
          name: 'javascript/esm|D:\\a\\repo\\node_modules\\@actions\\github\\node_modules\\undici\\lib\\core.js',
          modules: [{ identifier: '/w/repo/src/index.ts' }, { nameForCondition: '/w/repo/node_modules/zod/v4/index.js' }],
        },
      ],
    })
    const folders = packageFolders(stats, () => true)
      .map((folder) => folder.split(path.sep).join('/'))
      .sort()
    expect(folders).toEqual([
      '/w/repo/node_modules/@vercel/ncc',
      '/w/repo/node_modules/undici',
      '/w/repo/node_modules/zod',
      'D:/a/repo/node_modules/@actions/core',
      'D:/a/repo/node_modules/@actions/github/node_modules/undici',
    ])
  })
})
