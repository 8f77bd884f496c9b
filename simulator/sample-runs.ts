// Sample runs of the built action against the FoxAPI simulator, a local Actions cache service and the local artifact
// service + REST API that keep the monthly budget's spend records (simulator/github-artifacts-service.ts), as a marketer's
// workflow would run it: a single weekly clip, a batch of three with one failure, a clip of the wrong shape, a clip
// the monthly budget skips, and a dry run from a pull request that previews Monday's scheduled run. Each runs
// dist/index.js the way the runner does (simulator/actions-runner.ts), with earlier runs first where the sample
// needs a history (credits already spent this month, a task an earlier run paid for that failed). The summary
// screenshots in docs/ (scripts/render-summaries.ts) and the summary's end-to-end tests use the same samples.
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startActionsCacheService, type ActionsCacheService } from './actions-cache-service'
import { runAction, type ActionRun } from './actions-runner'
import { startFoxApiSimulator, type FoxApiSimulator, type TaskScenario } from './foxapi-simulator'
import { startGitHubArtifactsService } from './github-artifacts-service'

export const SAMPLE_NAMES = ['single-clip', 'batch-with-failure', 'wrong-shape', 'budget-skip', 'dry-run'] as const
export type SampleName = (typeof SAMPLE_NAMES)[number]

export interface Sample {
  name: SampleName
  /** What the sample shows, for a caption. */
  title: string
  run: ActionRun
  /** The earlier runs the sample needed, in order. */
  earlier: ActionRun[]
  /** What the sample's run asked of FoxAPI: tasks created, and task status queries. */
  requests: { creates: number; queries: number }
}

const API_KEY = 'sk-test-valid-key'
const WORKFLOW_REF = 'acme/marketing/.github/workflows/weekly-clips.yml@refs/heads/main'

/** The weekly batch: three clips on Mondays (one of them, `hike`, fails at FoxAPI) and one on Thursdays. */
export const WEEKLY_BATCH = `- name: fox-snow
  prompt: A red fox runs through fresh snow at golden hour, cinematic slow motion, week {week} of {year}
  aspect-ratio: '9:16'
  duration: 8
  output: clips/fox-snow-{date}.mp4
- name: hike
  prompt: Two friends in Foxy jackets hike a mountain ridge at sunrise, drone shot, {month}/{year}
  aspect-ratio: '16:9'
  duration: 5
  output: clips/hike-{date}.mp4
- name: desk
  prompt: A Foxy backpack on a tidy desk, slow push-in, soft morning light, week {week}
  aspect-ratio: '1:1'
  duration: 5
  output: clips/desk-{date}.mp4
- name: thursday-tip
  prompt: A quick packing tip with a Foxy backpack, top-down shot, week {week}
  schedule: '0 6 * * 4'
  output: clips/tip-{date}.mp4
`

/** How FoxAPI answers: `hike` fails with a content-policy reason; every task reserves 5 credits. */
function scenario(request: Record<string, unknown>): TaskScenario {
  if (typeof request.prompt === 'string' && request.prompt.includes('hike a mountain'))
    return {
      outcome: 'failed',
      error: {
        code: 'content_policy',
        message: 'The prompt was flagged by the content safety check (recognisable people in a drone shot)',
      },
    }
  return { contentCredentials: typeof request.prompt === 'string' && request.prompt.startsWith('A red fox') }
}

/**
 * What one sample needs: a simulator, a cache service, an artifact service (the spend records of `budget-period`; the
 * cache's calls go through it, as on GitHub) and a workspace, and a way to run the action in them.
 */
interface Bench {
  sim: FoxApiSimulator
  cache: ActionsCacheService
  workspace: string
  run(inputs: Record<string, string>, env?: Record<string, string>): Promise<ActionRun>
  /** What the last run asked of FoxAPI. */
  last: { creates: number; queries: number }
}

async function bench(folder: string): Promise<Bench & { close(): Promise<void> }> {
  const sim = await startFoxApiSimulator({ taskDurationMs: 600, scenario })
  const cache = await startActionsCacheService()
  const artifacts = await startGitHubArtifactsService({ cache })
  const workspace = mkdtempSync(path.join(folder, 'workspace-'))
  writeFileSync(path.join(workspace, 'clips.yml'), WEEKLY_BATCH)
  let runId = 9000
  const last = { creates: 0, queries: 0 }
  const counts = () => ({
    creates: sim.createCount(),
    queries: sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/tasks/')).length,
  })
  const run = async (inputs: Record<string, string>, env: Record<string, string> = {}) => {
    runId++
    const before = counts()
    const event = env.GITHUB_EVENT_NAME ?? 'schedule'
    const eventFile = path.join(folder, `event-${runId}.json`)
    writeFileSync(eventFile, JSON.stringify(event === 'schedule' ? { schedule: '0 6 * * 1' } : { number: 12 }))
    // The run as the artifact service knows it: of the workflow its GITHUB_WORKFLOW_REF names.
    const workflow =
      /\/(\.github\/workflows\/[^@]+)@/.exec(env.GITHUB_WORKFLOW_REF ?? WORKFLOW_REF)?.[1] ?? '.github/workflows/weekly-clips.yml'
    const done = await runAction({
      inputs: {
        'api-key': API_KEY,
        'base-url': sim.url,
        'poll-interval': '100ms',
        timeout: '30s',
        'github-token': artifacts.token,
        ...inputs,
      },
      workspace,
      env: {
        ...cache.env,
        ...artifacts.jobEnv({ id: runId, workflow, event }),
        GITHUB_EVENT_NAME: event,
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_RUN_ID: String(runId),
        GITHUB_RUN_NUMBER: String(runId - 8990),
        GITHUB_WORKFLOW: 'weekly-clips',
        GITHUB_WORKFLOW_REF: WORKFLOW_REF,
        ...env,
      },
    })
    const after = counts()
    last.creates = after.creates - before.creates
    last.queries = after.queries - before.queries
    return done
  }
  const close = async () => {
    await sim.close()
    await artifacts.close()
    await cache.close()
  }
  return { sim, cache, workspace, run, last, close }
}

const monthly = (credits: number) => ({ 'max-credits': String(credits), 'budget-period': 'month' })
const SINGLE = {
  prompt: 'A red fox runs through fresh snow at golden hour, cinematic slow motion, week {week} of {year}',
  'aspect-ratio': '9:16',
  duration: '8',
  'output-path': 'clips/fox-{date}.mp4',
}

const SAMPLES: Record<SampleName, { title: string; play(b: Bench): Promise<{ run: ActionRun; earlier: ActionRun[] }> }> = {
  'single-clip': {
    title: 'The weekly clip, on a monthly budget of 40 credits (an earlier run this month spent 5)',
    async play(b) {
      const earlier = [await b.run({ ...SINGLE, prompt: 'A red fox sleeps in a snowy den, week {week} of {year}', ...monthly(40) })]
      return { run: await b.run({ ...SINGLE, ...monthly(40) }), earlier }
    },
  },
  'batch-with-failure': {
    title: 'A weekly batch of three clips; FoxAPI refuses one',
    async play(b) {
      const earlier = [
        await b.run({ prompt: 'A red fox sleeps in a snowy den, week {week} of {year}', 'output-path': 'clips/den.mp4', ...monthly(40) }),
      ]
      return { run: await b.run({ batch: 'clips.yml', concurrency: '2', ...monthly(40) }), earlier }
    },
  },
  'wrong-shape': {
    title: 'A clip that came back 16:9 when 9:16 was asked',
    async play(b) {
      b.sim.addFault({ route: 'download', kind: { type: 'clipShape', shape: { width: 1280, height: 720 } } })
      return { run: await b.run({ ...SINGLE, prompt: 'A Foxy backpack on a tidy desk, slow push-in, week {week} of {year}' }), earlier: [] }
    },
  },
  'budget-skip': {
    title: 'The monthly budget (10 credits) is already spent: the clip is skipped',
    async play(b) {
      const earlier = [
        await b.run({ ...SINGLE, prompt: 'A red fox sleeps in a snowy den, week {week} of {year}', ...monthly(10) }),
        await b.run({ ...SINGLE, prompt: 'A red fox drinks from a frozen stream, week {week} of {year}', ...monthly(10) }),
      ]
      return { run: await b.run({ ...SINGLE, ...monthly(10) }), earlier }
    },
  },
  'dry-run': {
    title: "A dry run in a pull request, previewing Monday's scheduled run",
    async play(b) {
      // Last Monday's run: fox-snow and desk were made, hike's task failed (FoxAPI kept it as paid, then refused).
      const earlier = [await b.run({ batch: 'clips.yml', ...monthly(40) })]
      const run = await b.run(
        {
          batch: 'clips.yml',
          'dry-run': 'true',
          'preview-event': 'schedule',
          'preview-cron': '0 6 * * 1',
          'preview-workflow': '.github/workflows/weekly-clips.yml',
          ...monthly(40),
        },
        { GITHUB_EVENT_NAME: 'pull_request', GITHUB_WORKFLOW_REF: 'acme/marketing/.github/workflows/check-clips.yml@refs/pull/12/merge' },
      )
      return { run, earlier }
    },
  },
}

/**
 * Runs the samples asked for (default all), each with its own simulator, cache service and workspace under one
 * temporary folder, which `cleanUp` removes (the harness's runner temp folders are removed by removeHarnessFolders).
 */
export async function runSamples(names: readonly SampleName[] = SAMPLE_NAMES): Promise<{ samples: Sample[]; folder: string }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'foxapi-samples-'))
  const samples: Sample[] = []
  for (const name of names) {
    const b = await bench(folder)
    try {
      const { run, earlier } = await SAMPLES[name].play(b)
      samples.push({ name, title: SAMPLES[name].title, run, earlier, requests: { ...b.last } })
    } finally {
      await b.close()
    }
  }
  return { samples, folder }
}
