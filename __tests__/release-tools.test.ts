// The release script's checks and the simulator command line's fault specs: pure functions, so unit tests.
import { describe, expect, it } from 'vitest'
import path from 'node:path'
import { packageFolders } from '../scripts/build'
import { latestRelease, parseVersion, releaseProblems } from '../scripts/release'
import { parseFault } from '../scripts/simulator'

describe('npm run release', () => {
  const ok = {
    version: '1.2.0',
    tags: ['v1', 'v1.1.0', 'v1.0.0'],
    dirty: '',
    packageVersion: '1.2.0',
    changelog: '## 1.2.0\n',
    distMatches: true,
  }

  it('accepts a clean tree with a matching dist/, package.json and changelog, above the latest release', () => {
    expect(releaseProblems(ok)).toEqual([])
    expect(releaseProblems({ ...ok, version: 'v1.2.0' })).toEqual([])
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

  it('finds the latest release tag, ignoring the major tags', () => {
    expect(latestRelease(['v1', 'v1.10.0', 'v1.9.3', 'v2'])).toEqual(parseVersion('1.10.0'))
    expect(latestRelease(['v1'])).toBeUndefined()
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
    expect(() => parseFault('upload:reset')).toThrow(/expected <route>:<kind>/)
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
