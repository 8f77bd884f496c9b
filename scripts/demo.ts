// `npm run demo`: the built action end to end against the embedded FoxAPI simulator and a local Actions
// cache service, run the way the Actions runner runs it. The second run shows a re-run served from the cache;
// the third a clip of the wrong shape (the simulator serves 16:9 for a 9:16 request), which `verify` fails; the
// fourth another model (sora-2: its own fields, lengths and defaults), whose clip `verify` holds to them; the fifth
// animates a product photo from the repository (examples/assets/product.png), uploaded through FoxAPI's file API.
// Its workspace (with the clip) is removed at the end; `npm run demo -- --keep` keeps it to look at.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startActionsCacheService } from '../simulator/actions-cache-service'
import { NODE_BINARY, removeHarnessFolders, runAction, type ActionRun } from '../simulator/actions-runner'
import { startFoxApiSimulator } from '../simulator/foxapi-simulator'

const PRODUCT_PHOTO = path.join(path.dirname(new URL(import.meta.url).pathname), '../examples/assets/product.png')

const rule = (title: string) => console.log(`\n\x1b[1m━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`)

function show(run: ActionRun): void {
  rule('Step outputs (GITHUB_OUTPUT)')
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(`${name.padEnd(16)} ${value.length > 160 ? `${value.slice(0, 160)}…` : value}`)
  }
  rule('Job summary (GITHUB_STEP_SUMMARY)')
  console.log(run.summary.trim())
  const o = run.outputs
  if (o['video-width'])
    console.log(
      `\nclip metadata: ${o['video-width']}×${o['video-height']}, ${o['video-duration']} s, ${o['video-codec']}, audio ${o['video-has-audio']}`,
    )
  console.log(`\nexit code: ${run.exitCode}`)
}

const simulator = await startFoxApiSimulator({ taskDurationMs: 4_000 })
const cache = await startActionsCacheService()
const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-demo-'))
writeFileSync(path.join(workspace, 'prompt.txt'), 'A red fox runs through fresh snow at golden hour, cinematic, slow motion\n')
const inputs = {
  'api-key': 'sk-test-valid-key',
  'base-url': simulator.url,
  'prompt-file': 'prompt.txt',
  'aspect-ratio': '9:16',
  duration: '6',
  'poll-interval': '500ms',
  'output-path': 'clips/{task-id}.mp4',
}

try {
  console.log(`FoxAPI simulator: ${simulator.url}   Actions cache service: ${cache.url}`)
  console.log(`Action: dist/index.js on ${NODE_BINARY}   Workspace: ${workspace}`)

  rule('Run 1: generate a clip')
  const first = await runAction({ inputs, workspace, env: cache.env, echo: true })
  show(first)

  rule('Run 2: the same request again (a re-run): restored from the cache, nothing sent to FoxAPI')
  const creates = simulator.createCount()
  const second = await runAction({ inputs, workspace, env: cache.env, echo: true })
  show(second)
  console.log(`\nTasks created at FoxAPI: ${simulator.createCount()} (run 2 added ${simulator.createCount() - creates}).`)

  rule('Run 3: a new take (cache-key) whose clip comes back 16:9: verify fails it, once every output is written')
  simulator.addFault({ route: 'download', kind: { type: 'clipShape', shape: { width: 1280, height: 720 } } })
  const third = await runAction({ inputs: { ...inputs, 'cache-key': 'take-2' }, workspace, env: cache.env, echo: true })
  show(third)

  rule('Run 4: another model, sora-2: 8 s, 9:16, 1080p, sent as its own fields (image-url as image_urls)')
  const soraInputs = {
    ...inputs,
    model: 'sora-2',
    duration: '8',
    resolution: '1080p',
    'image-url': 'https://cdn.example.com/first-frame.png',
  }
  const fourth = await runAction({ inputs: soraInputs, workspace, env: cache.env, echo: true })
  show(fourth)
  const sent = simulator.tasks.get(fourth.outputs['task-id'] ?? '')?.request
  console.log(`\nSent to FoxAPI: ${JSON.stringify({ ...sent, prompt: '…' })}`)

  rule('Run 5: image to video from a product photo in the repository (assets/product.png), uploaded to FoxAPI first')
  mkdirSync(path.join(workspace, 'assets'), { recursive: true })
  copyFileSync(PRODUCT_PHOTO, path.join(workspace, 'assets/product.png'))
  const photoInputs = {
    ...inputs,
    'prompt-file': '',
    prompt: 'The bottle turns slowly on the table as warm light sweeps across its label',
    model: 'kling-o3-image-to-video',
    'image-url': 'assets/product.png',
    'aspect-ratio': '',
    duration: '5',
  }
  const fifth = await runAction({ inputs: photoInputs, workspace, env: cache.env, echo: true })
  show(fifth)
  const [upload] = simulator.uploads.received
  const create = simulator.requests.filter((r) => r.path === '/v1/videos/generations').at(-1)
  console.log(
    `\nFoxAPI's file API received ${upload?.fileName} (${upload?.bytes.length} bytes, sha256 ${upload?.sha256.slice(0, 16)}…, with the key);` +
      `\nthe create that followed sent image_url ${(JSON.parse(create?.body ?? '{}') as { image_url?: string }).image_url} (the URL the upload returned).`,
  )
  const ok =
    first.exitCode === 0 &&
    second.exitCode === 0 &&
    second.outputs['cache-hit'] === 'true' &&
    third.exitCode === 1 &&
    fourth.exitCode === 0 &&
    fourth.outputs['video-height'] === '1920' &&
    fifth.exitCode === 0 &&
    upload !== undefined
  process.exitCode = ok ? 0 : 1
} finally {
  await simulator.close()
  await cache.close()
  removeHarnessFolders()
  if (process.argv.includes('--keep')) console.log(`\nKept the workspace: ${workspace}`)
  else rmSync(workspace, { recursive: true, force: true })
}
