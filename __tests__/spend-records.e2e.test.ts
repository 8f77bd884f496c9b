// `budget-period` and `reuse: run` against a cache that cannot be trusted to keep anything: dist/ against the FoxAPI
// simulator, the local Actions cache service and the local artifact service + REST API
// (simulator/github-artifacts-service.ts). The spend records and the delivered notes are artifacts of the workflow's
// own runs, each bound by its proof to the run that made it: a read-only cache, evicted entries, a replayed record,
// a record of another workflow or of an earlier period never lets a run spend past the cap or adopt a delivered task.
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startActionsCacheService, type ActionsCacheService } from '../simulator/actions-cache-service'
import type { ActionRun } from '../simulator/actions-runner'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { startGitHubArtifactsService, type GitHubArtifactsService } from '../simulator/github-artifacts-service'
import { checkKeyAndClose, expectNoSecret, quickInputs, resultRows, runAction } from './support/fixtures'

const OTHER_KEY = 'sk-test-other-key'

let sim: FoxApiSimulator
let cacheService: ActionsCacheService
let artifacts: GitHubArtifactsService
beforeEach(async () => {
  sim = await startFoxApiSimulator({ taskDurationMs: 300, apiKeys: ['sk-test-valid-key', OTHER_KEY], scenario: () => ({ credits: 5 }) })
  cacheService = await startActionsCacheService()
  artifacts = await startGitHubArtifactsService({ cache: cacheService })
})
afterEach(async () => {
  await artifacts.close()
  await cacheService.close()
  await checkKeyAndClose(sim)
})

interface Trigger {
  runId: number
  attempt?: number
  event?: 'schedule' | 'push'
  /** The workflow file the API says the run is of (default weekly-clip.yml). */
  workflow?: string
  /** The workflow file the job's GITHUB_WORKFLOW_REF names (default: the run's). */
  claimedWorkflow?: string
}

function eventFile(payload: object): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'foxapi-event-'))
  const file = path.join(folder, 'event.json')
  writeFileSync(file, JSON.stringify(payload))
  return file
}

/** The variables the runner sets for a job of `trigger`: the cache service's, the artifact service's, the run's. */
function jobEnv({ runId, attempt = 1, event = 'schedule', workflow = 'weekly-clip.yml', claimedWorkflow = workflow }: Trigger) {
  return {
    ...cacheService.env,
    ...artifacts.jobEnv({ id: runId, attempt, workflow: `.github/workflows/${workflow}`, event }),
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventFile(event === 'schedule' ? { schedule: '0 6 * * 1' } : { ref: 'refs/heads/main' }),
    GITHUB_RUN_NUMBER: String(runId),
    GITHUB_WORKFLOW: claimedWorkflow.replace(/\.yml$/, ''),
    GITHUB_WORKFLOW_REF: `acme/marketing/.github/workflows/${claimedWorkflow}@refs/heads/main`,
  }
}

const monthly = (cap: number) => ({ 'budget-period': 'month', 'max-credits': String(cap) })

async function run(trigger: Trigger, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  const done = await runAction({
    inputs: quickInputs(sim, { cache: 'true', 'github-token': artifacts.token, prompt: `A fox for run ${trigger.runId}`, ...inputs }),
    env: { ...jobEnv(trigger), ...env },
  })
  expectNoSecret(done, artifacts.token)
  return done
}

const readOnlyCache = { ACTIONS_CACHE_MODE: 'read' }
const spendRecords = () => artifacts.artifacts.filter((a) => a.finalized && a.name.startsWith('foxapi-video-spend-'))
const evictEverything = () => cacheService.entries.splice(0)

/** The GitHub token went to the REST API only: never to FoxAPI, never with a blob upload or download. */
function expectTokenOnlyWithApi(): void {
  for (const request of sim.requests) expect(JSON.stringify(request)).not.toContain(artifacts.token)
  for (const request of artifacts.requests) {
    const rest = request.path.startsWith('/repos/')
    if (request.path.startsWith('/artifactstore/')) expect(request.auth, request.path).toBe('')
    if (!rest) expect(request.auth === '' || request.auth === 'Bearer', request.path).toBe(true)
  }
}

describe('budget-period: the spend records', () => {
  it('caps three scheduled runs in the cache read-only mode at the cap (the records are artifacts, not cache entries)', async () => {
    const first = await run({ runId: 20_001 }, monthly(5), readOnlyCache)
    expect(first.exitCode, first.visibleLog).toBe(0)
    expect(first.outputs.credits).toBe('5')
    for (const runId of [20_002, 20_003]) {
      const later = await run({ runId }, monthly(5), readOnlyCache)
      expect(later.exitCode).toBe(1)
      expect(resultRows(later.outputs)[0]?.error).toMatch(
        /^not started: max-credits 5 for month-\d{4}-\d{2} reached \(5 credits spent by earlier runs/,
      )
    }
    expect(sim.createCount()).toBe(1)
    expect(spendRecords().length).toBeGreaterThan(0)
    expectTokenOnlyWithApi()
  })

  it('stops submitting for the rest of the step when a spend record cannot be saved, and says so', async () => {
    // The run's index and its opening record are saved; the record of the first task's credits is not.
    artifacts.failUploadsAfter(2)
    const batch = JSON.stringify([
      { name: 'fox', prompt: 'A fox' },
      { name: 'owl', prompt: 'An owl' },
      { name: 'elk', prompt: 'An elk' },
    ])
    const step = await run({ runId: 21_001 }, { ...monthly(100), batch, concurrency: '1' })
    expect(step.exitCode).toBe(1)
    expect(sim.createCount()).toBe(1)
    const rows = resultRows(step.outputs)
    expect(rows.map((r) => r.outcome)).toEqual(['succeeded', 'skipped', 'skipped'])
    expect(rows[1]?.error).toMatch(/could not be saved.*max-credits counts as reached/)
    expect(step.stdout).toMatch(/::warning::.*spend record.*could not be saved.*nothing more is submitted in this step/)
  })

  it('submits nothing when even the opening record cannot be saved', async () => {
    artifacts.failUploadsAfter(0)
    const step = await run({ runId: 21_101 }, monthly(100))
    expect(step.exitCode).toBe(1)
    expect(sim.createCount()).toBe(0)
    expect(resultRows(step.outputs)[0]?.outcome).toBe('skipped')
  })

  it('holds the cap when every cache entry is evicted between runs', async () => {
    for (const runId of [22_001, 22_002]) {
      const spent = await run({ runId }, monthly(10))
      expect(spent.exitCode, spent.visibleLog).toBe(0)
      evictEverything()
    }
    const third = await run({ runId: 22_003 }, monthly(10))
    expect(third.exitCode).toBe(1)
    expect(third.stdout).toMatch(/Budget: 10 credits spent in month-\d{4}-\d{2} by earlier runs/)
    expect(sim.createCount()).toBe(2)
  })

  it('holds the cap when an old record is replayed: re-saved in the cache, or re-uploaded by a later run', async () => {
    await run({ runId: 23_001 }, monthly(10))
    const oldLedger = cacheService.entries.filter((e) => e.key.startsWith('foxapi-video-ledger-v1-'))
    const firstRunsRecords = spendRecords().filter((a) => a.runId === 23_001)
    await run({ runId: 23_002 }, monthly(10))
    expect(sim.createCount()).toBe(2)
    // The cache: everything evicted, then the first run's ledger entry saved again under its own key (newest now).
    evictEverything()
    for (const entry of oldLedger) if (entry.data) cacheService.plant(entry.key, entry.version, entry.data)
    const afterCacheReplay = await run({ runId: 23_003 }, monthly(10))
    expect(afterCacheReplay.exitCode).toBe(1)
    expect(sim.createCount()).toBe(2)

    // The artifacts: the first run's index and records uploaded again by a later run of the same workflow.
    expect(firstRunsRecords.length).toBeGreaterThan(1)
    artifacts.jobEnv({ id: 23_004, workflow: '.github/workflows/weekly-clip.yml' })
    for (const record of firstRunsRecords) if (record.data) artifacts.plant(23_004, record.name, record.data)
    const afterReplay = await run({ runId: 23_005 }, monthly(20))
    expect(afterReplay.exitCode).toBe(1)
    expect(afterReplay.stdout).toMatch(/::warning::Budget for month-\d{4}-\d{2}: .*names run 23001, but run 23004 made it: a replay/)
    expect(resultRows(afterReplay.outputs)[0]?.error).toMatch(/max-credits reached/)
    expect(sim.createCount()).toBe(2)
  })

  it('counts no record of another workflow, even one that names this workflow', async () => {
    // A job of other.yml claiming to be weekly-clip.yml: its records land in a run the API says is of other.yml.
    const other = await run({ runId: 24_001, workflow: 'other.yml', claimedWorkflow: 'weekly-clip.yml' }, monthly(5), readOnlyCache)
    expect(other.exitCode, other.visibleLog).toBe(0)
    const weekly = await run({ runId: 24_002 }, monthly(5), readOnlyCache)
    expect(weekly.exitCode, weekly.visibleLog).toBe(0)
    expect(weekly.stdout).toMatch(/Budget: 0 credits spent in month-\d{4}-\d{2} by earlier runs/)
    const again = await run({ runId: 24_003 }, monthly(5), readOnlyCache)
    expect(again.exitCode).toBe(1)
    expect(sim.createCount()).toBe(2)
    expect(spendRecords().length).toBeGreaterThan(0)
  })

  it('counts no record of an earlier period, and every record of this one', async () => {
    // Etc/GMT+12 and Pacific/Kiritimati are 26 hours apart: their days are never the same.
    const daily = (timezone: string) => ({ 'budget-period': 'day', 'max-credits': '5', timezone })
    const yesterday = await run({ runId: 25_001 }, daily('Etc/GMT+12'), readOnlyCache)
    expect(yesterday.exitCode, yesterday.visibleLog).toBe(0)
    const today = await run({ runId: 25_002 }, daily('Pacific/Kiritimati'), readOnlyCache)
    expect(today.exitCode, today.visibleLog).toBe(0)
    expect(today.stdout).toMatch(/Budget: 0 credits spent in day-\d{4}-\d{2}-\d{2} by earlier runs/)
    const todayAgain = await run({ runId: 25_003 }, daily('Pacific/Kiritimati'), readOnlyCache)
    expect(todayAgain.exitCode).toBe(1)
    expect(sim.createCount()).toBe(2)
  })

  it('treats a record that fails its proof of origin as limit reached, never as zero', async () => {
    const forger = await runAction({
      inputs: quickInputs(sim, {
        cache: 'true',
        ...monthly(10),
        'api-key': OTHER_KEY,
        'github-token': artifacts.token,
        prompt: 'Forger fox',
      }),
      env: jobEnv({ runId: 26_001, event: 'push' }),
    })
    expect(forger.exitCode, forger.visibleLog).toBe(0)
    const victim = await run({ runId: 26_002, event: 'push' }, monthly(10))
    expect(victim.exitCode).toBe(1)
    expect(victim.stdout).toMatch(/::warning::Budget for month-\d{4}-\d{2}: .*fails its proof of origin/)
    expect(resultRows(victim.outputs)[0]?.outcome).toBe('skipped')
    expect(sim.createCount()).toBe(1)
  })

  it('treats records that cannot be read as limit reached', async () => {
    await run({ runId: 27_001, event: 'push' }, monthly(10))
    artifacts.setApiDown(true)
    const blind = await run({ runId: 27_002, event: 'push' }, monthly(10))
    expect(blind.exitCode).toBe(1)
    expect(blind.stdout).toMatch(/::warning::Budget for month-\d{4}-\d{2}: the spend records could not be read/)
    expect(sim.createCount()).toBe(1)
  })

  it('shows in the dry run where the budget stands, reading the records and writing nothing', async () => {
    await run({ runId: 28_001, event: 'push' }, monthly(10), readOnlyCache)
    const records = artifacts.artifacts.length
    const plan = await run({ runId: 28_002, event: 'push' }, { ...monthly(10), 'dry-run': 'true' }, readOnlyCache)
    expect(plan.exitCode, plan.visibleLog).toBe(0)
    // The log says whose runs count and what is left; the summary's headline, where the month stands.
    const [, year, month] =
      /^Budget for month-(\d{4})-(\d{2}) \(all runs of [^)]+\): 5 of max-credits 10 spent by earlier runs; a real run may submit while under 5 more\.$/m.exec(
        plan.stdout,
      ) ?? []
    expect(month, plan.stdout).toBeDefined()
    const monthWords = new Date(Date.UTC(Number(year), Number(month) - 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })
    expect(plan.summary).toMatch(
      new RegExp(`^<h3>🧪 Dry run: 1 new clip would be paid for · ${monthWords} ${year}: 5 of 10 credits used before this run</h3>`),
    )
    expect(artifacts.artifacts.length).toBe(records)
    expect(sim.createCount()).toBe(1)
  })

  it('fails before sending anything when the repository keeps artifacts for less than the period', async () => {
    const short = await run({ runId: 29_001 }, monthly(10), { GITHUB_RETENTION_DAYS: '30' })
    expect(short.exitCode).toBe(1)
    expect(short.stdout).toContain(
      '::error::budget-period month keeps its spend records as artifacts for 32 days, but this repository keeps artifacts for at most 30 days (GITHUB_RETENTION_DAYS)',
    )
    expect(sim.requests).toHaveLength(0)
  })

  it('fails before sending anything without the artifact service, or without a token to read the records', async () => {
    const noService = await runAction({
      inputs: quickInputs(sim, { cache: 'true', ...monthly(10), 'github-token': artifacts.token }),
      env: {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_WORKFLOW_REF: 'acme/marketing/.github/workflows/weekly-clip.yml@refs/heads/main',
      },
    })
    expect(noService.exitCode).toBe(1)
    expect(noService.stdout).toMatch(
      /::error::budget-period month keeps its spend records as artifacts of this workflow's runs, which cannot be used here: /,
    )
    const noToken = await run({ runId: 29_101 }, { ...monthly(10), 'github-token': '' })
    expect(noToken.exitCode).toBe(1)
    expect(noToken.stdout).toContain("'github-token' is empty")
    expect(sim.requests).toHaveLength(0)
  })
})

describe('reuse: run: the delivered notes', () => {
  it('never lets a pending record re-saved after eviction make a later run adopt a delivered task; a re-run of that run may', async () => {
    const weekly = { prompt: 'A fox every week' }
    const first = await run({ runId: 30_001 }, weekly)
    expect(first.exitCode, first.visibleLog).toBe(0)
    const taskId = first.outputs['task-id'] as string
    const pending = cacheService.entries.filter((e) => e.finalized && e.key.includes('-pending-') && !e.key.endsWith('-delivered'))
    expect(pending).toHaveLength(1)
    // Every entry evicted; the first run's pending record saved again (proven, under its own key).
    const replay = () => {
      evictEverything()
      for (const entry of pending) if (entry.data) cacheService.plant(entry.key, entry.version, entry.data)
    }
    replay()
    const next = await run({ runId: 30_002 }, weekly)
    expect(next.exitCode, next.visibleLog).toBe(0)
    expect(next.stdout).not.toContain(`Resuming task ${taskId}`)
    expect(next.stdout).toContain(`was delivered to another run (30001)`)
    expect(next.outputs['task-id']).not.toBe(taskId)
    expect(sim.createCount()).toBe(2)

    // A re-run of the first run is that run: its own task is collected again, for nothing.
    replay()
    const rerun = await run({ runId: 30_001, attempt: 2 }, weekly)
    expect(rerun.exitCode, rerun.visibleLog).toBe(0)
    expect(rerun.outputs['task-id']).toBe(taskId)
    expect(sim.createCount()).toBe(2)
  })
})
