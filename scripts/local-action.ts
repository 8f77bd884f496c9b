// `npm run local-action [-- <env file>]`: runs the action from src/ with @github/local-action, the main step
// (src/main.ts) and then the post step (src/post.ts), with the inputs and context of an env file (default
// `.env`, copied from `.env.example`). Creates the folders the env file names first (local-action's file
// cache needs its folders to exist), so one command is all it takes. Start `npm run simulator -- --port 8787`
// first, or point INPUT_BASE-URL at the real API with a real key.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const envFile = path.resolve(process.argv[2] ?? '.env')
if (!existsSync(envFile)) {
  console.error(`No ${path.relative(process.cwd(), envFile) || envFile}: copy .env.example to .env and edit it (inputs are INPUT_<NAME>).`)
  process.exit(1)
}

const env: Record<string, string> = {}
for (const line of readFileSync(envFile, 'utf8').split(/\r?\n/)) {
  const match = /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line)
  if (match) env[match[1] as string] = (match[2] as string).replace(/^(['"])(.*)\1$/, '$2')
}
for (const name of ['LOCAL_ACTION_WORKSPACE', 'LOCAL_ACTION_CACHE_PATH', 'RUNNER_TEMP', 'GITHUB_WORKSPACE']) {
  if (env[name]) mkdirSync(path.resolve(env[name]), { recursive: true })
}
for (const name of ['GITHUB_STEP_SUMMARY', 'GITHUB_OUTPUT', 'GITHUB_STATE']) {
  const file = env[name]
  if (file && !existsSync(file)) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    writeFileSync(file, '')
  }
}

const bin = path.join(root, 'node_modules/@github/local-action/bin/local-action.js')
const result = spawnSync(process.execPath, [bin, 'run', root, 'src/main.ts', envFile, '--post', 'src/post.ts'], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(result.status ?? 1)
