// Every workflow that ships (.github/workflows, examples/, the examples in the README and docs/) passes
// actionlint and uses the action as action.yml defines it; every `uses: actions/<name>@…` names one version;
// and the checker itself catches what it is there to catch.
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import {
  actionReferences,
  lintWorkflow,
  markdownExamples,
  mixedActionVersions,
  workflowSources,
  type WorkflowSource,
} from '../scripts/lint-workflows'

const sources = workflowSources()

describe('workflows that ship', () => {
  it('include the CI, check-dist and CodeQL workflows, the examples and the examples in the README and docs/', () => {
    const files = sources.map((s) => s.file)
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/check-dist.yml',
        '.github/workflows/codeql-analysis.yml',
        'examples/weekly-clip.yml',
        'examples/batch-release.yml',
      ]),
    )
    expect(sources.filter((s) => s.file === 'README.md').length).toBeGreaterThanOrEqual(1)
    for (const page of ['docs/batches-and-matrix.md', 'docs/models.md', 'docs/scheduled-runs.md', 'docs/reliability-and-security.md'])
      expect(sources.filter((s) => s.file === page).length, page).toBeGreaterThanOrEqual(1)
  })

  it.each(sources.map((s) => [`${s.file}:${s.firstLine}`, s] as const))(
    '%s passes actionlint and the action contract',
    async (_name, source) => {
      expect(await lintWorkflow(source)).toEqual([])
    },
  )
})

interface Workflow {
  permissions?: unknown
  jobs: Record<string, { permissions?: unknown; steps?: { uses?: string; with?: Record<string, unknown> }[] }>
}

describe('the examples, least privilege', () => {
  const examples = sources.filter((s) => s.kind === 'workflow' && s.file !== '' && !s.file.startsWith('.github/'))
  const writes = (permissions: unknown) =>
    permissions === 'write-all' || (typeof permissions === 'object' && permissions !== null && Object.values(permissions).includes('write'))

  it('are the examples/ files and the workflows in the README and docs/', () => {
    expect(examples.map((s) => s.file)).toEqual(
      expect.arrayContaining([
        'examples/batch-release.yml',
        'examples/matrix.yml',
        'README.md',
        'docs/batches-and-matrix.md',
        'docs/scheduled-runs.md',
      ]),
    )
  })

  it.each(examples.map((s) => [`${s.file}:${s.firstLine}`, s] as const))(
    '%s: permissions on the workflow and every job, no job with the FoxAPI key and a write, no persisted checkout token',
    (_name, source) => {
      const workflow = parse(source.text) as Workflow
      expect(workflow.permissions, 'workflow permissions').toBeDefined()
      expect(writes(workflow.permissions), 'the workflow default grants no write').toBe(false)
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const holdsKey = JSON.stringify(job).includes('secrets.FOXAPI_API_KEY')
        // Several jobs: each says what it needs (one job: the workflow's permissions are its own).
        if (Object.keys(workflow.jobs).length > 1) expect(job.permissions, `job ${name}: permissions`).toBeDefined()
        if (holdsKey) expect(writes(job.permissions ?? workflow.permissions), `job ${name} holds the key and may write`).toBe(false)
        for (const step of job.steps ?? []) {
          if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials'], `job ${name}: checkout`).toBe(false)
        }
      }
    },
  )

  it('publish from a job without the key: batch-release and matrix each have one job that may write, and it has no key', () => {
    for (const file of ['examples/batch-release.yml', 'examples/matrix.yml']) {
      const workflow = parse(examples.find((s) => s.file === file)?.text ?? '') as Workflow
      const writers = Object.entries(workflow.jobs).filter(([, job]) => writes(job.permissions))
      expect(
        writers.map(([name]) => name),
        file,
      ).toHaveLength(1)
      expect(JSON.stringify(writers[0]?.[1])).not.toContain('secrets.')
    }
  })
})

describe('actions/* versions', () => {
  const references = actionReferences()

  it('are found in the README, docs/, examples/ and .github/workflows', () => {
    const files = new Set(references.map((r) => r.file))
    for (const file of ['README.md', 'docs/batches-and-matrix.md', 'examples/matrix.yml', '.github/workflows/ci.yml'])
      expect(files).toContain(file)
    expect(new Set(references.map((r) => r.action))).toEqual(
      new Set(['actions/checkout', 'actions/upload-artifact', 'actions/download-artifact', 'actions/setup-node']),
    )
  })

  it('agree: every uses: actions/<name>@ names the same version everywhere', () => {
    expect(mixedActionVersions(references)).toEqual([])
  })

  it('are reported where one differs, naming the version the others use', () => {
    const at = (file: string, ref: string) => ({ file, line: 1, action: 'actions/checkout', ref })
    expect(mixedActionVersions([at('a.yml', 'v6'), at('README.md', 'v4'), at('b.yml', 'v6')])).toEqual([
      expect.objectContaining({ file: 'README.md', kind: 'versions', message: expect.stringContaining('uses actions/checkout@v6') }),
    ])
  })
})

describe('the checker', () => {
  const workflow = (steps: string): WorkflowSource => ({
    file: 'x.yml',
    firstLine: 1,
    kind: 'workflow',
    text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}permissions:\n  contents: read\n`,
  })

  it('reports an unknown input, a missing required input, an unknown output and a non-major ref', async () => {
    const problems = await lintWorkflow(
      workflow(
        [
          '      - id: v',
          '        uses: acme/foxapi-video-action@main',
          '        with:',
          '          promt: a fox',
          '      - run: echo "$X"',
          '        env:',
          '          X: ${{ steps.v.outputs.video }}',
          '',
        ].join('\n'),
      ),
    )
    expect(problems.map((p) => [p.line, p.kind, p.message.split(' (')[0]])).toEqual([
      [7, 'action', 'uses: acme/foxapi-video-action@main should name the major tag'],
      [7, 'action', 'required input "api-key" is missing'],
      [9, 'action', 'input "promt" is not defined in action.yml'],
      [12, 'action', '"steps.v.outputs.video": the action has no output "video"'],
    ])
  })

  it('reports a job without permissions, a job with a secret and a write permission, and a checkout that keeps the token', async () => {
    const problems = await lintWorkflow({
      file: 'x.yml',
      firstLine: 1,
      kind: 'workflow',
      text: [
        'on: push',
        'jobs:',
        '  loose:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '  publish:',
        '    runs-on: ubuntu-latest',
        '    permissions:',
        '      contents: write',
        '    steps:',
        '      - run: echo "$KEY"',
        '        env:',
        '          KEY: ${{ secrets.FOXAPI_API_KEY }}',
        '',
      ].join('\n'),
    })
    expect(problems.filter((p) => p.kind === 'permissions').map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [3, 'job "loose" has no permissions'],
      [6, 'actions/checkout keeps the token in .git/config for every later step'],
      [7, 'job "publish" holds secrets.FOXAPI_API_KEY and contents'],
    ])
  })

  it('reports an upload after a batch that a failed clip would skip, or that does not say if-no-files-found', async () => {
    const batch = ['      - uses: ./', '        with:', '          api-key: k', '          batch: clips.yml']
    const upload = (...lines: string[]) => ['      - uses: actions/upload-artifact@v7', ...lines, '        with:', '          path: clips/']
    const problems = await lintWorkflow(workflow([...batch, ...upload(), ''].join('\n')))
    expect(problems.map((p) => [p.line, p.kind, p.message.split(':')[0]])).toEqual([
      [10, 'uploads', 'this upload after a batch is skipped when one clip fails'],
      [10, 'uploads', 'this upload after a batch does not say `if-no-files-found` (warn, error or ignore)'],
    ])
    const kept = [...batch, ...upload('        if: always()'), '          if-no-files-found: warn', ''].join('\n')
    expect(await lintWorkflow(workflow(kept))).toEqual([])
    // A single clip's upload is left as it is written.
    const single = ['      - uses: ./', '        with:', '          api-key: k', '          prompt: a fox', ...upload(), '']
    expect(await lintWorkflow(workflow(single.join('\n')))).toEqual([])
  })

  it('accepts the action pinned to a full commit SHA, and no shorter one', async () => {
    const pinned = (ref: string) =>
      workflow(`      - uses: acme/foxapi-video-action@${ref}\n        with:\n          api-key: k\n          prompt: a fox\n`)
    expect(await lintWorkflow(pinned('0123456789abcdef0123456789abcdef01234567'))).toEqual([])
    expect(await lintWorkflow(pinned('0123456'))).toEqual([
      expect.objectContaining({ message: expect.stringContaining('or a full commit SHA') }),
    ])
  })

  it('lets a dry run leave out the key', async () => {
    const step = (dry: string) => workflow(`      - uses: ./\n        with:\n          prompt: a fox\n          dry-run: ${dry}\n`)
    expect(await lintWorkflow(step('true'))).toEqual([])
    expect(await lintWorkflow(step('false'))).toEqual([expect.objectContaining({ message: 'required input "api-key" is missing' })])
  })

  it('reports actionlint findings and YAML that does not parse, with the line in the file', async () => {
    const cron = await lintWorkflow({
      ...workflow('      - run: echo\n'),
      text: workflow('      - run: echo\n').text.replace('on: push', "on:\n  schedule:\n    - cron: '0 6 * * 9'"),
    })
    expect(cron).toEqual([expect.objectContaining({ line: 3, kind: 'events', message: expect.stringContaining('CRON') })])
    const broken = await lintWorkflow(workflow('      - run: echo "Task: $ID (from cache: $HIT)"\n'))
    expect(broken.length).toBeGreaterThan(0)
    expect(new Set(broken.map((p) => `${p.line} ${p.kind}`))).toEqual(new Set(['6 yaml']))
  })

  it("finds Markdown examples, wraps a steps fragment and reports the page's line numbers", async () => {
    const readme = [
      '# x',
      '',
      '```yaml',
      'prompt: not a workflow',
      '```',
      '',
      '```yaml',
      '      - uses: ./',
      '        with:',
      '          api-key: k',
      '          bogus: 1',
      '```',
      '',
    ].join('\n')
    const found = markdownExamples(readme, 'README.md')
    expect(found.map((s) => [s.kind, s.firstLine])).toEqual([['steps', 8]])
    expect(await lintWorkflow(found[0] as WorkflowSource)).toEqual([
      expect.objectContaining({ file: 'README.md', line: 11, kind: 'action' }),
    ])
  })
})
