// The dry run and the paid run give the same answer (an acceptance criterion): for each state a clip can meet (the
// cache off or empty, a proven, broken, mismatched or forged clip entry, an earlier run's task in each state FoxAPI
// can report, a delivered note under `reuse: run`, `task-id`, a spent or untrusted budget), the state is built for
// real (the FoxAPI simulator, the real @actions/cache against the local cache service, the spend records and delivered
// notes as artifacts of earlier runs of the workflow in the local artifact service, each written by the real
// src/records/ code of a real earlier run), then the dry run plans the clip (runDryRun's results rows) and the paid run
// runs it (runClip's decision, with the budget src/run/period-budget.ts sets up for a paid run). Both must agree, and
// be what the case expects. The dry run creates, cancels and saves nothing: its only request to FoxAPI is the free
// status query (GET) of an earlier run's pending task, which it makes, as the paid run does before adopting the task,
// when it has 'api-key'; so it knows, as the paid run does, whether that task failed, was cancelled, expired, is
// another model's or is unknown to FoxAPI. Without 'api-key' it cannot ask, and says so (the last describe).
import { readFileSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { startActionsCacheService, type ActionsCacheService } from '../../simulator/actions-cache-service'
import { garbageClip, startFoxApiSimulator, type FoxApiSimulator } from '../../simulator/foxapi-simulator'
import { startGitHubArtifactsService, type GitHubArtifactsService } from '../../simulator/github-artifacts-service'
import { clipCacheKey } from '../../src/cache/cache-key'
import { clipFields } from '../../src/cache/entry-records'
import { proveEntry } from '../../src/cache/entry-proof'
import type { ResultCache } from '../../src/cache/result-cache'
import type { ClipSpec, RunSettings } from '../../src/inputs/clip-spec'
import type { ClipAction } from '../../src/report/clip-result'
import type { PlanRow } from '../../src/report/plan-summary'
import type { RunOrigin } from '../../src/run-origin'
import { SpendRecords } from '../../src/records/spend-records'
import { CreditBudget } from '../../src/run/budget'
import { runClip } from '../../src/run/clip-pipeline'
import { runDryRun } from '../../src/run/dry-run'
import { periodSpending } from '../../src/run/period-budget'
import { forgedArchive, membersOf, type Member } from '../support/cache-entries'
import { API_KEY, checkKeyAndClose, sha256Of } from '../support/fixtures'
import {
  asRun,
  jobFolders,
  onlyClip,
  quickRunInputs,
  readRun,
  resultCacheFor,
  runDeps,
  taskMadeElsewhere,
  useActionFiles,
  useArtifactsService,
  useCacheService,
  type ReadRun,
} from '../support/run-deps'
import { captureStdout, type StdoutCapture } from '../support/stdout'

useActionFiles()
let stdout: StdoutCapture
beforeEach(() => {
  stdout = captureStdout()
})
afterEach(() => stdout.restore())

/**
 * What a case's arrangement works with: the simulator, the cache service, the artifact service (the job is a job of
 * run THIS_RUN of the workflow there), the clip and its run, a cache to plant with.
 */
interface Scene {
  sim: FoxApiSimulator
  service: ActionsCacheService
  artifacts: GitHubArtifactsService
  run: ReadRun
  spec: ClipSpec
  /** The clip's request key (none for a `task-id`). */
  key: string
  /** A result cache of this run's settings (the API key's proofs), to plant entries as an earlier run did. */
  cache: ResultCache
  /** The earlier run's task the case remembered in the cache as pending: the one task the dry run may ask about. */
  pendingTaskId?: string
}

interface Case {
  name: string
  /** Inputs beside the quick ones (the cache is on unless a case turns it off). */
  inputs?: Record<string, string> | ((scene: Pick<Scene, 'sim'>) => Promise<Record<string, string>>)
  /** The runner's variables: the event and run id (`reuse: run`), the workflow (`budget-period`). */
  env?: Record<string, string>
  /** Builds the state the clip meets, before either run looks. */
  arrange?: (scene: Scene) => Promise<void>
  expected: ClipAction
  /** The paid run's why, when the case is about the reason. */
  why?: RegExp
  /** What the log says (both runs met the state the case built). */
  log?: RegExp
}

const WORKFLOW = {
  GITHUB_REPOSITORY: 'acme/marketing',
  GITHUB_WORKFLOW_REF: 'acme/marketing/.github/workflows/weekly.yml@refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
}
const MONTHLY = { 'budget-period': 'month', 'max-credits': '10' }
/** The run each case's job belongs to, and an earlier run of the same workflow. */
const THIS_RUN = 4242
const EARLIER_RUN = 4241
const SCHEDULED = { GITHUB_EVENT_NAME: 'schedule', GITHUB_RUN_ID: String(THIS_RUN) }

/** A real paid run of the same clip (with `change` to its settings), its file then removed as a new job would not have it. */
async function earlierRun(scene: Scene, change: Partial<RunSettings> = {}): Promise<void> {
  const settings = { ...scene.run.settings, ...change }
  const made = await runClip(scene.spec, runDeps(settings).deps)
  expect(made.outcome, made.error).toBe('succeeded')
  rmSync(path.join(settings.workspace, 'foxapi-videos'), { recursive: true, force: true })
}

/** Plants the clip entry of `scene.key` again with its members changed by `change`. */
async function replantClip(scene: Scene, change: (members: Member[]) => Member[]): Promise<void> {
  const entry = scene.service.entries.find((e) => e.finalized && e.key === scene.key)
  if (!entry?.data) throw new Error('no clip entry was saved')
  scene.service.plant(entry.key, entry.version, await forgedArchive(change(await membersOf(entry.data)), entry.data))
}

const named = (members: Member[], file: string) => members.find((m) => m.name.endsWith(`/${file}`))

/** An earlier run's task, remembered in the cache as pending for this request (proven: this run's key). */
async function pendingTask(scene: Scene, request: Record<string, unknown> = scene.spec.request ?? {}): Promise<string> {
  const task = await taskMadeElsewhere(scene.sim, request)
  return rememberPending(scene, task.id)
}

/** Remembers `taskId` in the cache as an earlier run's pending task for this request (proven: this run's key). */
async function rememberPending(scene: Scene, taskId: string): Promise<string> {
  await scene.cache.savePendingTaskId(scene.key, taskId, 'kling-o3-ref')
  scene.pendingTaskId = taskId
  return taskId
}

/**
 * An earlier run of the workflow (`runId`) recorded `spent` credits of the period, as its step does: through
 * SpendRecords, in that run's job, with `apiKey` (another key's records fail their proof).
 */
async function spentByEarlierRun(scene: Scene, spent: number, { apiKey = API_KEY, runId = EARLIER_RUN } = {}): Promise<void> {
  const { budget, githubToken } = scene.run.settings
  if (!budget) throw new Error('the case has no budget-period')
  await asRun(scene.artifacts, { id: runId, event: 'push' }, async () => {
    const records = SpendRecords.open({ apiKey, githubToken, budget })
    if (!(records instanceof SpendRecords)) throw new Error(`no spend records: ${records.unavailable}`)
    expect(await records.record(spent)).toBe(true)
  })
}

/**
 * An earlier run's honest records planted again in another run of the workflow (anyone who can run a workflow of the
 * repository can upload artifacts to it): their proof names the run that made them, so they are a replay.
 */
async function replayedRecords(scene: Scene): Promise<void> {
  await spentByEarlierRun(scene, 1)
  const replayer = EARLIER_RUN - 1
  scene.artifacts.jobEnv({ id: replayer, workflow: '.github/workflows/weekly.yml', event: 'push' })
  for (const record of scene.artifacts.artifacts.filter((a) => a.runId === EARLIER_RUN && a.name.startsWith('foxapi-video-spend-'))) {
    if (!record.data) throw new Error(`${record.name} has no data`)
    scene.artifacts.plant(replayer, record.name, record.data)
  }
}

/**
 * A real scheduled run of the same clip before this one (EARLIER_RUN, `reuse: run`): it submits (the task is pending in
 * the cache), receives the clip and notes its delivery as an artifact of its own run.
 */
async function deliveredToEarlierRun(scene: Scene): Promise<void> {
  const { reuse } = scene.run.settings
  if (reuse.mode !== 'run') throw new Error('the case is not under reuse: run')
  await asRun(scene.artifacts, { id: EARLIER_RUN, event: 'schedule' }, () =>
    earlierRun(scene, { reuse: { ...reuse, runId: String(EARLIER_RUN) } }),
  )
  const notes = scene.artifacts.artifacts.filter((a) => a.finalized && a.name.startsWith('foxapi-video-delivered-'))
  expect(notes.map((a) => a.runId)).toEqual([EARLIER_RUN])
}

/** The paid run's budget, as src/run/generation.ts sets it up (src/run/period-budget.ts): the same code, not a copy. */
async function paidBudget(settings: RunSettings): Promise<CreditBudget> {
  const spending = await periodSpending(settings)
  if (spending === 'unavailable') throw new Error('the paid run would have failed: its spend records cannot be kept here')
  return new CreditBudget(settings.maxCredits, () => {}, spending.period)
}

const cases: Case[] = [
  { name: 'the cache is off', inputs: { cache: 'false' }, expected: 'submit', why: /^a new task \(cache: false\)$/ },
  { name: 'nothing is cached', expected: 'submit', why: /nothing for this request in the Actions cache/ },
  {
    name: 'the cache cannot be asked (a file stands where it stages entries)',
    arrange: async (scene) => writeFile(path.join(scene.run.settings.workspace, '.foxapi-video-cache'), 'committed by mistake'),
    expected: 'submit',
    why: /^a new task \(the Actions cache could not be asked\)$/,
    log: /::warning::Result cache off for this run \(\.foxapi-video-cache in the workspace is not a folder/,
  },
  { name: 'a proven clip is cached', arrange: (scene) => earlierRun(scene), expected: 'restore' },
  {
    name: 'the cached clip is broken (its proof fits, its structure does not)',
    arrange: async (scene) => {
      await earlierRun(scene)
      // Only a holder of the API key can prove an entry for garbage: the checksum and the proof both fit.
      await replantClip(scene, (members) => {
        const clip = named(members, 'clip.mp4')
        const broken = garbageClip(clip?.data as Buffer)
        const task = named(members, 'task.json')?.data as Buffer
        const meta = JSON.parse(String(named(members, 'meta.json')?.data)) as { taskId: string; madeBy?: RunOrigin }
        const sha256 = sha256Of(broken)
        const proof = proveEntry(API_KEY, clipFields(scene.key, meta.taskId, sha256, sha256Of(task), meta.madeBy))
        return members.map((m) =>
          m === clip
            ? { ...m, data: broken }
            : m.name.endsWith('/meta.json')
              ? { ...m, data: JSON.stringify({ ...meta, sha256, proof }) }
              : m,
        )
      })
    },
    expected: 'submit',
    why: /structural check/,
  },
  {
    name: 'the cached clip does not match the request (verify: fail)',
    arrange: async (scene) => {
      // An earlier run under verify: warn kept (and cached) a clip of 8 s for a request of 5 s.
      scene.sim.addFault({ route: 'download', kind: { type: 'clipShape', shape: { seconds: 8 } } })
      await earlierRun(scene, { verify: 'warn' })
    },
    expected: 'submit',
    why: /duration/,
  },
  {
    name: 'the clip entry is forged (its proof fails)',
    arrange: async (scene) => {
      await earlierRun(scene)
      await replantClip(scene, (members) =>
        members.map((m) => {
          if (!m.name.endsWith('/meta.json')) return m
          return { ...m, data: JSON.stringify({ ...JSON.parse(String(m.data)), proof: '0'.repeat(64) }) }
        }),
      )
    },
    expected: 'submit',
    why: /nothing for this request in the Actions cache/,
    log: /::warning::Cache entry foxapi-video-v1-[0-9a-f]{40} is ignored: its proof does not match/,
  },
  {
    name: "an earlier run's task can still deliver",
    arrange: async (scene) => void (await pendingTask(scene)),
    expected: 'collect',
    why: /FoxAPI can still deliver it/,
  },
  {
    name: "an earlier run's task failed",
    arrange: async (scene) => {
      const id = await pendingTask(scene, { model: 'kling-o3-ref', prompt: 'an earlier take [fail]' })
      const task = scene.sim.tasks.get(id)
      if (task) task.createdAt -= 1_000 // over: failed
    },
    expected: 'submit',
    why: /ended failed/,
  },
  {
    name: "an earlier run's task was cancelled",
    arrange: async (scene) => {
      const id = await pendingTask(scene, { model: 'kling-o3-ref', prompt: 'an earlier take [long]' })
      const reply = await fetch(`${scene.sim.url}/v1/tasks/${id}/cancel`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEY}` },
      })
      expect(reply.status).toBe(200)
    },
    expected: 'submit',
    why: /ended cancelled/,
  },
  {
    name: "an earlier run's task is another model's",
    arrange: async (scene) => void (await pendingTask(scene, { model: 'kling-v3-text-to-video', prompt: 'A grey wolf' })),
    expected: 'submit',
    why: /is for another model \("kling-v3-text-to-video"\)/,
  },
  {
    name: "an earlier run's task is unknown to FoxAPI (404)",
    arrange: async (scene) => void (await rememberPending(scene, 'task-unified-1700000000-gonegone')),
    expected: 'submit',
    why: /is unknown to FoxAPI/,
  },
  {
    name: "an earlier run's task is over a day old",
    arrange: async (scene) => {
      const task = scene.sim.tasks.get(await pendingTask(scene))
      if (task) task.createdAt -= 25 * 3_600_000
    },
    expected: 'submit',
    why: /is over a day old/,
  },
  {
    name: 'the last task was delivered to an earlier run (reuse: run)',
    env: SCHEDULED,
    arrange: deliveredToEarlierRun,
    expected: 'submit',
    why: new RegExp(`^a new task \\(its last task was delivered to another run \\(${EARLIER_RUN}\\): reuse: auto on a schedule event`),
  },
  {
    name: 'task-id names the task',
    inputs: async ({ sim }) => {
      const task = await taskMadeElsewhere(sim, { model: 'kling-o3-ref', prompt: 'made by another run' })
      const { prompt: _prompt, ...inputs } = quickRunInputs(sim.url, { cache: 'true', 'task-id': task.id })
      return inputs
    },
    expected: 'resume',
  },
  {
    name: "the budget is spent (an earlier run's spend records already at max-credits)",
    inputs: MONTHLY,
    env: WORKFLOW,
    arrange: (scene) => spentByEarlierRun(scene, 10),
    expected: 'skip',
    why: /^not started: max-credits 10 for month-\d{4}-\d{2} reached \(10 credits spent by earlier runs in the period/,
  },
  {
    name: 'the budget is blocked (spend records that fail their proof)',
    inputs: MONTHLY,
    env: WORKFLOW,
    arrange: (scene) => spentByEarlierRun(scene, 1, { apiKey: 'sk-someone-else' }),
    expected: 'skip',
    why: /^not started: the spend records of month-\d{4}-\d{2} cannot be trusted \(.*fails its proof of origin/,
    log: /::warning::Budget for month-\d{4}-\d{2}: the spend records could not be read \(run 4241: the spend record \S+ fails its proof of origin/,
  },
  {
    name: 'the budget is blocked (spend records replayed into another run)',
    inputs: MONTHLY,
    env: WORKFLOW,
    arrange: replayedRecords,
    expected: 'skip',
    why: /^not started: the spend records of month-\d{4}-\d{2} cannot be trusted \(.*names run 4241, but run 4240 made it: a replay/,
  },
  {
    name: "an earlier run's task that can deliver, with the budget spent",
    inputs: MONTHLY,
    env: WORKFLOW,
    arrange: async (scene) => {
      await spentByEarlierRun(scene, 10)
      await pendingTask(scene)
    },
    expected: 'collect',
  },
  {
    name: 'a proven clip is cached, with the budget spent',
    inputs: MONTHLY,
    env: WORKFLOW,
    arrange: async (scene) => {
      await earlierRun(scene)
      await spentByEarlierRun(scene, 10)
    },
    expected: 'restore',
  },
]

/**
 * The scene of a case: a simulator, a cache service and an artifact service of its own (the cache's calls go through
 * the artifact service's results URL, as on GitHub), its clip read from its inputs in a fresh job of run THIS_RUN.
 */
async function sceneOf(c: Case): Promise<Scene> {
  const sim = await startFoxApiSimulator({
    taskDurationMs: 100,
    cancelRoute: true,
    // "[fail]" in a prompt: the task fails; "[long]": it runs for a minute (so it can be cancelled at leisure).
    scenario: (request) => ({
      ...(String(request.prompt).includes('[fail]') ? { outcome: 'failed' as const } : {}),
      ...(String(request.prompt).includes('[long]') ? { durationMs: 60_000 } : {}),
    }),
  })
  onTestFinished(() => checkKeyAndClose(sim))
  const service = await startActionsCacheService()
  onTestFinished(() => service.close())
  const artifacts = await startGitHubArtifactsService({ cache: service })
  onTestFinished(() => artifacts.close())
  useCacheService(service)
  useArtifactsService(artifacts, { id: THIS_RUN, event: c.env?.GITHUB_EVENT_NAME ?? 'push' })
  jobFolders()
  const inputs =
    typeof c.inputs === 'function'
      ? await c.inputs({ sim })
      : quickRunInputs(sim.url, { cache: 'true', 'github-token': artifacts.token, ...c.inputs })
  const run = readRun(inputs, c.env)
  const spec = onlyClip(run)
  const key = clipCacheKey(spec, run.settings.cacheKey) ?? ''
  return { sim, service, artifacts, run, spec, key, cache: resultCacheFor(run.settings) }
}

/**
 * The dry run's plan for the clip (its results file), checked to pay, cancel and save nothing: its one request to
 * FoxAPI, with 'api-key' only, is the free status query of the earlier run's pending task the case remembered.
 */
async function dryDecision(scene: Scene, change: Partial<RunSettings> = {}): Promise<PlanRow> {
  const requests = scene.sim.requests.length
  const entries = scene.service.entries.length
  const artifacts = scene.artifacts.artifacts.length
  const settings = { ...scene.run.settings, dryRun: true, ...change }
  await runDryRun(scene.run.clips, { settings, batch: false })
  const asked = scene.sim.requests.slice(requests).map((r) => `${r.method} ${r.path}`)
  const pendingQuery = scene.pendingTaskId !== undefined && settings.apiKey !== '' ? [`GET /v1/tasks/${scene.pendingTaskId}`] : []
  expect(asked, 'the dry run sent FoxAPI more than the status query of a pending task').toEqual(pendingQuery)
  expect(scene.service.entries.length, 'the dry run saved a cache entry').toBe(entries)
  expect(scene.artifacts.artifacts.length, 'the dry run saved a spend record or a delivered note').toBe(artifacts)
  const [row] = JSON.parse(readFileSync(scene.run.settings.resultsFile, 'utf8')) as PlanRow[]
  if (!row) throw new Error('the dry run wrote no row')
  return row
}

describe('the dry run and the paid run decide alike', () => {
  it.each(cases)('$name', async (c) => {
    const scene = await sceneOf(c)
    await c.arrange?.(scene)

    const dry = await dryDecision(scene)
    const paid = await runClip(scene.spec, runDeps(scene.run.settings, { budget: await paidBudget(scene.run.settings) }).deps)

    expect(dry.decision, `the dry run planned ${dry.decision} (${dry.why})`).toBe(paid.decision.action)
    // The same facts give the same words: the plan says why as the run does (both asked FoxAPI about a pending task).
    expect(dry.why).toBe(paid.decision.why)
    expect(paid.decision.action, paid.decision.why).toBe(c.expected)
    if (c.why) expect(paid.decision.why).toMatch(c.why)
    if (c.log) expect(stdout.text()).toMatch(c.log)
    // Nothing new is paid for unless the decision is to submit.
    expect(paid.outcome === 'skipped' || paid.outcome === 'succeeded', `${paid.outcome}: ${paid.error}`).toBe(true)
    if (c.expected !== 'submit') expect(paid.credits).toBeUndefined()
  })
})

describe("without 'api-key', the dry run reads entry keys alone, and still plans what the paid run does", () => {
  // Without the key the dry run cannot ask FoxAPI about an earlier run's pending task (nor read the task id inside
  // the entry): it plans to collect it, and its note says that a task which failed, was cancelled or expired costs a
  // real run a new one. The one exception to agreeing: under `reuse: run`, a task delivered to another run is known
  // from its delivered note, an artifact of that run whose name comes from the task id (inside the pending entry, read
  // only with 'api-key') and which is believed only with its proof. Without the key, the dry run sees a pending entry
  // and plans to collect it; the paid run reads the note and submits. `dryPlans` holds what the dry run plans there.
  const cannotAsk =
    "an earlier run's task is waiting in the cache; without 'api-key' the dry run cannot ask FoxAPI whether it can still deliver (if it failed, was cancelled or expired, a real run pays for a new one)"
  const keyless: [name: string, note: string | undefined, dryPlans?: ClipAction][] = [
    ['nothing is cached', undefined],
    ['a proven clip is cached', "its proof is checked only with 'api-key'"],
    ["an earlier run's task can still deliver", cannotAsk],
    ['the last task was delivered to an earlier run (reuse: run)', cannotAsk, 'collect'],
  ]

  it.each(keyless)('%s', async (name, note, dryPlans) => {
    const c = cases.find((each) => each.name === name)
    if (!c) throw new Error(`no case ${name}`)
    const scene = await sceneOf(c)
    await c.arrange?.(scene)

    const dry = await dryDecision(scene, { apiKey: '' })
    const paid = await runClip(scene.spec, runDeps(scene.run.settings).deps)

    if (dryPlans === undefined) expect(dry.decision, dry.why).toBe(paid.decision.action)
    else expect(dry.decision, 'what the dry run plans, without the key to read the delivered notes').toBe(dryPlans)
    expect(paid.decision.action).toBe(c.expected)
    expect(dry.note).toBe(note)
    expect(dry.task_id).toBe('') // no entry was read, so no task id is known
  })
})
