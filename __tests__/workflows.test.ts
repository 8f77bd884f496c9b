// Every workflow that ships (.github/workflows, examples/, the README's examples) passes actionlint and uses
// the action as action.yml defines it; and the checker itself catches what it is there to catch.
import { describe, expect, it } from 'vitest'
import { lintWorkflow, readmeExamples, workflowSources, type WorkflowSource } from '../scripts/lint-workflows'

const sources = workflowSources()

describe('workflows that ship', () => {
  it('include the CI, check-dist and CodeQL workflows, the examples and the README examples', () => {
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
    expect(sources.filter((s) => s.file === 'README.md').length).toBeGreaterThanOrEqual(2)
  })

  it.each(sources.map((s) => [`${s.file}:${s.firstLine}`, s] as const))(
    '%s passes actionlint and the action contract',
    async (_name, source) => {
      expect(await lintWorkflow(source)).toEqual([])
    },
  )
})

describe('the checker', () => {
  const workflow = (steps: string): WorkflowSource => ({
    file: 'x.yml',
    firstLine: 1,
    kind: 'workflow',
    text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`,
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

  it('finds README examples, wraps a steps fragment and reports README line numbers', async () => {
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
    const found = readmeExamples(readme)
    expect(found.map((s) => [s.kind, s.firstLine])).toEqual([['steps', 8]])
    expect(await lintWorkflow(found[0] as WorkflowSource)).toEqual([
      expect.objectContaining({ file: 'README.md', line: 11, kind: 'action' }),
    ])
  })
})
