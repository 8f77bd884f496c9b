// `npm run local-action [-- <env file>]`: runs the action from src/ with @github/local-action, the main step
// (src/main.ts) and then the post step (src/post.ts), with the inputs and context of an env file (default
// `.env`, copied from `.env.example`). Creates the folders the env file names first (local-action's file
// cache needs its folders to exist), so one command is all it takes. Start `npm run simulator -- --port 8787`
// first, or point INPUT_BASE-URL at the real API with a real key.
// The paths the env file gives (the workspace, local-action's cache, RUNNER_TEMP, the summary file) are made
// absolute, relative to the directory you run from, in a private copy of the env file handed to local-action:
// its cache runs tar from a folder of its own, where a relative archive path ("Cannot open … cache.tzst") missed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const envFile = path.resolve(process.argv[2] ?? '.env')
if (!existsSync(envFile)) {
  console.error(`No ${path.relative(process.cwd(), envFile) || envFile}: copy .env.example to .env and edit it (inputs are INPUT_<NAME>).`)
  process.exit(1)
}

const FOLDERS = ['LOCAL_ACTION_WORKSPACE', 'LOCAL_ACTION_CACHE_PATH', 'RUNNER_TEMP', 'GITHUB_WORKSPACE']
const FILES = ['GITHUB_STEP_SUMMARY', 'GITHUB_OUTPUT', 'GITHUB_STATE']

const env: Record<string, string> = {}
const lines = readFileSync(envFile, 'utf8').split(/\r?\n/)
for (const line of lines) {
  const match = /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line)
  if (match) env[match[1] as string] = (match[2] as string).replace(/^(['"])(.*)\1$/, '$2')
}
for (const name of FOLDERS) {
  if (env[name]) mkdirSync(path.resolve(env[name]), { recursive: true })
}
for (const name of FILES) {
  const file = env[name]
  if (file && !existsSync(file)) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    writeFileSync(file, '')
  }
}

// The env file as local-action gets it: every path absolute (later lines win, as in the file itself).
const absolute = [...FOLDERS, ...FILES].filter((name) => env[name]).map((name) => `${name}=${path.resolve(env[name] as string)}`)
const copy = mkdtempSync(path.join(os.tmpdir(), 'foxapi-local-action-'))
const resolvedEnv = path.join(copy, '.env')
writeFileSync(resolvedEnv, [...lines, ...absolute, ''].join('\n'), { mode: 0o600 })

const bin = path.join(root, 'node_modules/@github/local-action/bin/local-action.js')
try {
  const result = spawnSync(process.execPath, [bin, 'run', root, 'src/main.ts', resolvedEnv, '--post', 'src/post.ts'], {
    cwd: root,
    stdio: 'inherit',
  })
  process.exitCode = result.status ?? 1
} finally {
  rmSync(copy, { recursive: true, force: true })
}
