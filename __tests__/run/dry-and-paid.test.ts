// The dry run and the paid run give the same answer (an acceptance criterion): for each state a clip can meet (the
// cache off or empty, a proven, broken, mismatched or forged clip entry, an earlier run's task in each state FoxAPI
// can report, a delivered note under `reuse: run`, `task-id`, a spent or untrusted budget), the state is built for
// real (the FoxAPI simulator, the real @actions/cache against the local cache service, earlier real runs), then the
// dry run plans the clip (runDryRun's results rows) and the paid run runs it (runClip's decision). Both must agree,
// and be what the case expects. The dry run sends nothing to FoxAPI and saves nothing.
//
// What the dry run cannot know yet: whether an earlier run's task can still deliver is only known by asking FoxAPI,
// which the dry run does not do today (another issue will make it ask). For a pending task it plans `collect`
// ("a new task only if it failed, was cancelled or expired"); where FoxAPI then says the task cannot deliver, the
// paid run submits. Those cases are marked `dryCannotKnow` below and assert what each run does today; every other
// case asserts equality.
import { readFileSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { startActionsCacheService, type ActionsCacheService } from '../../simulator/actions-cache-service'
import { garbageClip, startFoxApiSimulator, type FoxApiSimulator } from '../../simulator/foxapi-simulator'
import { clipCacheKey } from '../../src/cache/cache-key'
import { CreditLedger } from '../../src/cache/credit-ledger'
import { clipFields } from '../../src/cache/entry-records'
import { proveEntry } from '../../src/cache/entry-proof'
import type { ResultCache } from '../../src/cache/result-cache'
import type { ClipSpec, RunSettings } from '../../src/inputs/clip-spec'
import type { ClipAction } from '../../src/report/clip-result'
import type { PlanRow } from '../../src/report/plan-summary'
import { CreditBudget } from '../../src/run/budget'
import { runClip } from '../../src/run/clip-pipeline'
import { runDryRun } from '../../src/run/dry-run'
import { forgedArchive, membersOf, type Member } from '../support/cache-entries'
import { API_KEY, checkKeyAndClose, sha256Of } from '../support/fixtures'
import {
  jobFolders,
  onlyClip,
  quickRunInputs,
  readRun,
  resultCacheFor,
  runDeps,
  taskMadeElsewhere,
  useActionFiles,
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

/** What a case's arrangement works with: the simulator, the cache service, the clip and its run, a cache to plant with. */
interface Scene {
  sim: FoxApiSimulator
  service: ActionsCacheService
  run: ReadRun
  spec: ClipSpec
  /** The clip's request key (none for a `task-id`). */
  key: string
  /** A result cache of this run's settings (the API key's proofs), to plant entries as an earlier run did. */
  cache: ResultCache
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
  /** What the dry run plans today, where only FoxAPI's answer about a pending task tells the paid run otherwise. */
  dryCannotKnow?: ClipAction
}

const WORKFLOW = {
  GITHUB_REPOSITORY: 'acme/marketing',
  GITHUB_WORKFLOW_REF: 'acme/marketing/.github/workflows/weekly.yml@refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
}
const MONTHLY = { 'budget-period': 'month', 'max-credits': '10' }
const SCHEDULED = { GITHUB_EVENT_NAME: 'schedule', GITHUB_RUN_ID: '4242' }

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
  await scene.cache.savePendingTaskId(scene.key, task.id, 'kling-o3-ref')
  return task.id
}

/** The period's ledger holding `spent`, written with `apiKey` (another key's ledger fails its proof). */
async function ledgerAt(scene: Scene, spent: number, apiKey = API_KEY): Promise<void> {
  const { settings } = scene.run
  if (!settings.budget) throw new Error('the case has no budget-period')
  const ledger = CreditLedger.open({ cache: true, apiKey, workspace: settings.workspace, budget: settings.budget, runId: '1' })
  if (!(ledger instanceof CreditLedger)) throw new Error(`no ledger: ${ledger.unavailable}`)
  await ledger.record(spent)
}

/**
 * The paid run's budget, as src/run/generation.ts makes it: with `budget-period`, what the ledger says earlier runs
 * spent (a ledger that is not believed blocks every submission).
 */
async function paidBudget(settings: RunSettings): Promise<CreditBudget> {
  if (!settings.budget) return new CreditBudget(settings.maxCredits)
  const ledger = CreditLedger.open({
    cache: settings.cache,
    apiKey: settings.apiKey,
    workspace: settings.workspace,
    budget: settings.budget,
  })
  if (!(ledger instanceof CreditLedger)) throw new Error(`no ledger: ${ledger.unavailable}`)
  const reading = await ledger.read()
  const period = settings.budget.key
  return new CreditBudget(
    settings.maxCredits,
    () => {},
    reading.kind === 'read'
      ? { period, spentEarlier: reading.spent }
      : {
          period,
          spentEarlier: 0,
          blocked: `the budget ledger for ${period} cannot be trusted (${reading.reason}): treated as max-credits reached`,
        },
  )
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
        const meta = JSON.parse(String(named(members, 'meta.json')?.data)) as { taskId: string }
        const sha256 = sha256Of(broken)
        const proof = proveEntry(API_KEY, clipFields(scene.key, meta.taskId, sha256, sha256Of(task), undefined))
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
    dryCannotKnow: 'collect',
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
    dryCannotKnow: 'collect',
  },
  {
    name: "an earlier run's task is another model's",
    arrange: async (scene) => void (await pendingTask(scene, { model: 'kling-v3-text-to-video', prompt: 'A grey wolf' })),
    expected: 'submit',
    why: /is for another model \("kling-v3-text-to-video"\)/,
    dryCannotKnow: 'collect',
  },
  {
    name: "an earlier run's task is unknown to FoxAPI (404)",
    arrange: (scene) => scene.cache.savePendingTaskId(scene.key, 'task-unified-1700000000-gonegone', 'kling-o3-ref'),
    expected: 'submit',
    why: /is unknown to FoxAPI/,
    dryCannotKnow: 'collect',
  },
  {
    name: "an earlier run's task is over a day old",
    arrange: async (scene) => {
      const task = scene.sim.tasks.get(await pendingTask(scene))
      if (task) task.createdAt -= 25 * 3_600_000
    },
    expected: 'submit',
    why: /is over a day old/,
    dryCannotKnow: 'collect',
  },
  {
    name: 'the last task was delivered to an earlier run (reuse: run)',
    env: SCHEDULED,
    arrange: async (scene) => {
      const task = await taskMadeElsewhere(scene.sim, scene.spec.request ?? {})
      await scene.cache.saveDelivered(scene.key, task.id, 'kling-o3-ref')
    },
    expected: 'submit',
    why: /delivered to an earlier run/,
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
    name: 'the budget is spent (a budget-period ledger already at max-credits)',
    inputs: MONTHLY,
    env: WORKFLOW,
    arrange: (scene) => ledgerAt(scene, 10),
    expected: 'skip',
    why: /^not started: max-credits 10 for month-\d{4}-\d{2} reached/,
  },
  {
    name: 'the budget is blocked (a ledger that fails its proof)',
    inputs: MONTHLY,
    env: WORKFLOW,
    arrange: (scene) => ledgerAt(scene, 1, 'sk-someone-else'),
    expected: 'skip',
    why: /fails its proof of origin/,
  },
  {
    name: "an earlier run's task that can deliver, with the budget spent",
    inputs: MONTHLY,
    env: WORKFLOW,
    arrange: async (scene) => {
      await ledgerAt(scene, 10)
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
      await ledgerAt(scene, 10)
    },
    expected: 'restore',
  },
]

/** The scene of a case: a simulator and cache service of its own, its clip read from its inputs in a fresh job. */
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
  useCacheService(service)
  jobFolders()
  const inputs = typeof c.inputs === 'function' ? await c.inputs({ sim }) : quickRunInputs(sim.url, { cache: 'true', ...c.inputs })
  const run = readRun(inputs, c.env)
  const spec = onlyClip(run)
  return { sim, service, run, spec, key: clipCacheKey(spec, run.settings.cacheKey) ?? '', cache: resultCacheFor(run.settings) }
}

/** The dry run's plan for the clip (its results file), checked to send nothing and save nothing. */
async function dryDecision(scene: Scene, change: Partial<RunSettings> = {}): Promise<PlanRow> {
  const requests = scene.sim.requests.length
  const entries = scene.service.entries.length
  await runDryRun(scene.run.clips, { settings: { ...scene.run.settings, dryRun: true, ...change }, batch: false })
  expect(scene.sim.requests.length, 'the dry run sent a request to FoxAPI').toBe(requests)
  expect(scene.service.entries.length, 'the dry run saved a cache entry').toBe(entries)
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

    if (c.dryCannotKnow === undefined) {
      expect(dry.decision, `the dry run planned ${dry.decision} (${dry.why})`).toBe(paid.decision.action)
      // The same facts give the same words: the plan says why as the run does. (A pending task's state is a fact
      // only the paid run has asked FoxAPI for, so its why says so, and the dry run's says what it depends on.)
      if (paid.decision.action !== 'collect') expect(dry.why).toBe(paid.decision.why)
    } else expect(dry.decision, 'what the dry run plans today, without asking FoxAPI').toBe(c.dryCannotKnow)
    expect(paid.decision.action, paid.decision.why).toBe(c.expected)
    if (c.why) expect(paid.decision.why).toMatch(c.why)
    if (c.log) expect(stdout.text()).toMatch(c.log)
    // Nothing new is paid for unless the decision is to submit.
    expect(paid.outcome === 'skipped' || paid.outcome === 'succeeded', `${paid.outcome}: ${paid.error}`).toBe(true)
    if (c.expected !== 'submit') expect(paid.credits).toBeUndefined()
  })
})

describe("without 'api-key', the dry run reads entry keys alone, and still plans what the paid run does", () => {
  const keyless: [string, string | undefined][] = [
    ['nothing is cached', undefined],
    ['a proven clip is cached', "its proof is checked only with 'api-key'"],
    ["an earlier run's task can still deliver", 'submitted by an earlier run; a new task only if that one failed or expired'],
    ['the last task was delivered to an earlier run (reuse: run)', 'its last task was delivered to an earlier run'],
  ]

  it.each(keyless)('%s', async (name, note) => {
    const c = cases.find((each) => each.name === name)
    if (!c) throw new Error(`no case ${name}`)
    const scene = await sceneOf(c)
    await c.arrange?.(scene)

    const dry = await dryDecision(scene, { apiKey: '' })
    const paid = await runClip(scene.spec, runDeps(scene.run.settings).deps)

    expect(dry.decision, dry.why).toBe(paid.decision.action)
    expect(paid.decision.action).toBe(c.expected)
    expect(dry.note).toBe(note)
    expect(dry.task_id).toBe('') // no entry was read, so no task id is known
  })
})
