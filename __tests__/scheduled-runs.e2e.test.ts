// Scheduled marketing runs, end to end: dist/ against the FoxAPI simulator and the local Actions cache service.
// `reuse` (a fresh clip per scheduled run, free re-runs), the content calendar (schedule, from/until, pick:
// rotate), placeholders, and `budget-period` (its spend records, and the hostile cases, are in spend-records.e2e.test.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startActionsCacheService, type ActionsCacheService } from '../simulator/actions-cache-service'
import { startFoxApiSimulator, type FoxApiSimulator } from '../simulator/foxapi-simulator'
import { startGitHubArtifactsService, type GitHubArtifactsService } from '../simulator/github-artifacts-service'
import { forgedArchive, membersOf } from './support/cache-entries'
import { checkKeyAndClose, quickInputs, requestsTo, resultRows, runAction } from './support/fixtures'

const OTHER_KEY = 'sk-test-other-key'
const WORKFLOW_REF = 'acme/marketing/.github/workflows/weekly-clip.yml@refs/heads/main'

let sim: FoxApiSimulator
let cacheService: ActionsCacheService
let artifacts: GitHubArtifactsService
beforeEach(async () => {
  sim = await startFoxApiSimulator({ taskDurationMs: 300, apiKeys: ['sk-test-valid-key', OTHER_KEY] })
  cacheService = await startActionsCacheService()
  artifacts = await startGitHubArtifactsService({ cache: cacheService })
})
afterEach(async () => {
  await artifacts.close()
  await cacheService.close()
  await checkKeyAndClose(sim)
})

/** The event payload file of a run: a `schedule` event carries the cron that triggered it. */
function eventFile(payload: object): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'foxapi-event-'))
  const file = path.join(folder, 'event.json')
  writeFileSync(file, JSON.stringify(payload))
  return file
}

interface Trigger {
  event: 'schedule' | 'push' | 'workflow_dispatch'
  cron?: string
  runId: number
  runNumber?: number
  attempt?: number
}

/** The variables the runner sets for a workflow run (with the cache service's and the artifact service's). */
function runEnv(
  { event, cron, runId, runNumber = runId, attempt = 1 }: Trigger,
  extra: Record<string, string> = {},
): Record<string, string> {
  const workflow = (extra.GITHUB_WORKFLOW_REF ?? WORKFLOW_REF).replace(/^[^/]+\/[^/]+\/|@.*$/g, '')
  return {
    ...cacheService.env,
    ...artifacts.jobEnv({ id: runId, attempt, workflow, event }),
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventFile(event === 'schedule' ? { schedule: cron ?? '0 6 * * 1' } : { ref: 'refs/heads/main' }),
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_NUMBER: String(runNumber),
    GITHUB_RUN_ATTEMPT: String(attempt),
    GITHUB_WORKFLOW: 'weekly-clip',
    GITHUB_WORKFLOW_REF: WORKFLOW_REF,
    ...extra,
  }
}

function run(trigger: Trigger, inputs: Record<string, string> = {}, extraEnv: Record<string, string> = {}) {
  return runAction({
    inputs: quickInputs(sim, { cache: 'true', 'github-token': artifacts.token, ...inputs }),
    env: runEnv(trigger, extraEnv),
  })
}

/** The create requests' bodies, in order. */
const created = () => requestsTo(sim, 'POST', /^\/v1\/videos\/generations$/).map((r) => JSON.parse(r.body) as Record<string, unknown>)

const today = (timeZone = 'UTC') =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())

describe('reuse', () => {
  it('makes a fresh clip for each scheduled run, none for a re-run of either, and one for two push runs', async () => {
    const first = await run({ event: 'schedule', runId: 1001 })
    expect(first.exitCode, first.visibleLog).toBe(0)
    expect(first.outputs['cache-hit']).toBe('false')
    expect(first.summary).toContain(
      'Each new run of this workflow makes fresh clips; re-running this run reuses its clips and pays nothing more.',
    )
    const second = await run({ event: 'schedule', runId: 1002 })
    expect(second.exitCode, second.visibleLog).toBe(0)
    expect(second.outputs['cache-hit']).toBe('false')
    expect(sim.createCount()).toBe(2)
    expect(second.outputs['task-id']).not.toBe(first.outputs['task-id'])
    expect(second.stdout).toContain(
      `The cache's last task for this request (${first.outputs['task-id']}) was delivered to another run (1001)`,
    )

    // Re-runs keep the run id (a later attempt): each gets its own run's clip back, for nothing.
    for (const [rerunOf, original] of [
      [1001, first],
      [1002, second],
    ] as const) {
      const rerun = await run({ event: 'schedule', runId: rerunOf, attempt: 2 })
      expect(rerun.exitCode, rerun.visibleLog).toBe(0)
      expect(rerun.outputs['cache-hit']).toBe('true')
      expect(rerun.outputs['task-id']).toBe(original.outputs['task-id'])
    }
    expect(sim.createCount()).toBe(2)

    // Push runs reuse by request: of a request no run made yet, the first pays, the second is served from the cache.
    const push1 = await run({ event: 'push', runId: 2001 }, { 'cache-key': 'push-only' })
    const push2 = await run({ event: 'push', runId: 2002 }, { 'cache-key': 'push-only' })
    expect([push1.exitCode, push2.exitCode]).toEqual([0, 0])
    expect([push1.outputs['cache-hit'], push2.outputs['cache-hit']]).toEqual(['false', 'true'])
    expect(sim.createCount()).toBe(3)
    expect(push2.summary).toContain('A clip is reused from the Actions cache whenever the same request comes again')
    expect(push2.stdout).toContain('reuse: auto on a push event: the same request is served from the cache in any later run')

    // A push run of the scheduled request may be served any earlier clip of it: it collects the last scheduled
    // run's task again, for nothing.
    const push3 = await run({ event: 'push', runId: 2003 })
    expect(push3.exitCode, push3.visibleLog).toBe(0)
    expect(push3.outputs['task-id']).toBe(second.outputs['task-id'])
    expect(sim.createCount()).toBe(3)
  })

  it('adopts a task an earlier scheduled run paid for but never delivered, and never hands a delivered one out again', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 2_500 })
    const timedOut = await run({ event: 'schedule', runId: 3001 }, { timeout: '1s' })
    expect(timedOut.exitCode).toBe(1)
    expect(sim.createCount()).toBe(1)

    const next = await run({ event: 'schedule', runId: 3002 }, { timeout: '20s' })
    expect(next.exitCode, next.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(1)
    expect(next.outputs['task-id']).toBe(timedOut.outputs['task-id'])
    expect(next.stdout).toContain(`Resuming task ${timedOut.outputs['task-id']} submitted by an earlier run`)

    const after = await run({ event: 'schedule', runId: 3003 }, { timeout: '20s' })
    expect(after.exitCode, after.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(2)
    expect(after.outputs['task-id']).not.toBe(next.outputs['task-id'])
  })

  it('under reuse: request, collects a delivered task again for nothing when its clip was not cached; under run, never', async () => {
    // A push run that does not download: its task is delivered (the URL is handed on), no clip is cached.
    const noDownload = await run({ event: 'push', runId: 3301 }, { download: 'false' })
    expect(noDownload.exitCode, noDownload.visibleLog).toBe(0)
    const taskId = noDownload.outputs['task-id'] as string
    expect(cacheService.entries.some((e) => e.key.endsWith('-delivered'))).toBe(true)

    const push = await run({ event: 'push', runId: 3302 })
    expect(push.exitCode, push.visibleLog).toBe(0)
    expect(push.stdout).toContain(`Resuming task ${taskId} submitted by an earlier run`)
    expect(sim.createCount()).toBe(1)

    const scheduled = await run({ event: 'schedule', runId: 3303 }, { 'cache-key': 'other-clip' })
    expect(scheduled.exitCode, scheduled.visibleLog).toBe(0)
    const scheduledAgain = await run({ event: 'schedule', runId: 3304 }, { 'cache-key': 'other-clip' })
    expect(scheduledAgain.stdout).toContain('was delivered to another run (3303)')
    expect(scheduledAgain.outputs['task-id']).not.toBe(scheduled.outputs['task-id'])
    expect(sim.createCount()).toBe(3)
  })

  it('ignores a delivered note that fails its proof, with a warning, and never takes it for delivered', async () => {
    // A scheduled run that only submits: its task is pending, never delivered.
    const submitted = await run({ event: 'schedule', runId: 3101 }, { wait: 'false' })
    expect(submitted.exitCode, submitted.visibleLog).toBe(0)
    const taskId = submitted.outputs['task-id'] as string
    const pending = cacheService.entries.find((e) => e.finalized && e.key.includes('-pending-'))
    if (!pending?.data) return expect.fail('no pending entry was saved')
    const [member] = (await membersOf(pending.data)).filter((m) => m.name.endsWith('/pending-task.json'))
    if (!member) return expect.fail('the pending entry has no pending-task.json')
    // A note "delivered" for that task, newer, written without the API key (its proof is made up).
    await new Promise((resolve) => setTimeout(resolve, 5))
    const forgedKey = `${pending.key.replace(/-pending-.*$/, '')}-pending-${Date.now()}-ffffffff-delivered`
    const note = { taskId, model: 'kling-o3-ref', delivered: true, proof: 'a'.repeat(64) }
    cacheService.plant(forgedKey, pending.version, await forgedArchive([{ ...member, data: JSON.stringify(note) }], pending.data))

    const next = await run({ event: 'schedule', runId: 3102 })
    expect(next.exitCode, next.visibleLog).toBe(0)
    expect(next.stdout).toContain(`::warning::Cache entry ${forgedKey} is ignored: its proof does not match`)
    expect(next.stdout).not.toContain('was delivered to an earlier run')
    expect(next.outputs['cache-hit']).toBe('false')
  })

  it('ignores an honest pending record re-saved under a newer key to hide a delivered note (the proof covers the key)', async () => {
    const first = await run({ event: 'schedule', runId: 3201 })
    expect(first.exitCode, first.visibleLog).toBe(0)
    const taskId = first.outputs['task-id'] as string
    const series = cacheService.entries.filter((e) => e.finalized && e.key.includes('-pending-'))
    const honest = series.find((e) => !e.key.endsWith('-delivered'))
    // Under reuse: run the delivered note is an artifact of the run (spend-records.e2e.test.ts replays the pending record itself).
    expect(artifacts.artifacts.some((a) => a.name.startsWith('foxapi-video-delivered-'))).toBe(true)
    if (!honest?.data) return expect.fail('no pending entry was saved')
    // Replayed: the proven record of the delivered task, now the newest entry of the series.
    await new Promise((resolve) => setTimeout(resolve, 5))
    const replayKey = `${honest.key.replace(/-pending-.*$/, '')}-pending-${Date.now()}-ffffffff`
    cacheService.plant(replayKey, honest.version, honest.data)

    const next = await run({ event: 'schedule', runId: 3202 })
    expect(next.exitCode, next.visibleLog).toBe(0)
    expect(next.stdout).toContain(`::warning::Cache entry ${replayKey} is ignored: its proof does not match`)
    expect(next.stdout).not.toContain(`Resuming task ${taskId}`)
    expect(next.outputs['task-id']).not.toBe(taskId)
    expect(sim.createCount()).toBe(2)
  })

  it('says in the dry run which reuse applied and why', async () => {
    const plan = await run({ event: 'schedule', runId: 4001 }, { 'dry-run': 'true' })
    expect(plan.exitCode, plan.visibleLog).toBe(0)
    expect(plan.stdout).toContain(
      'Cache: reuse: auto on a schedule event: fresh clip for this scheduled run; re-runs of this run reuse it.',
    )
    expect(plan.summary).toContain('Each new run makes fresh clips; a re-run of a run reuses its clips.')
    expect(sim.requests).toHaveLength(0)
  })

  it('refuses reuse: run without a run id, before anything is sent', async () => {
    const bad = await run({ event: 'push', runId: 1 }, { reuse: 'run' }, { GITHUB_RUN_ID: 'not-a-number' })
    expect(bad.exitCode).toBe(1)
    expect(bad.stdout).toContain("Input 'reuse' is run, but GITHUB_RUN_ID is not a run id")
    expect(sim.requests).toHaveLength(0)
  })
})

describe('content calendar', () => {
  const MONDAY = '0 6 * * 1'
  const FRIDAY = '0 6 * * 5'
  const calendar = [
    { name: 'monday-teaser', prompt: 'A fox on a Monday', schedule: MONDAY },
    { name: 'friday-recap', prompt: 'A fox on a Friday', schedule: [FRIDAY] },
    { name: 'every-run', prompt: 'A fox any day' },
  ]

  it('runs, on a cron, exactly the entries of that cron and those without a schedule', async () => {
    const monday = await run({ event: 'schedule', cron: MONDAY, runId: 5001 }, { batch: JSON.stringify(calendar), cache: 'false' })
    expect(monday.exitCode, monday.visibleLog).toBe(0)
    expect(created().map((body) => body.prompt)).toEqual(['A fox on a Monday', 'A fox any day'])
    expect(resultRows(monday.outputs).map((r) => r.name)).toEqual(['monday-teaser', 'every-run'])
    expect(JSON.parse(monday.outputs.matrix ?? '')).toEqual({ include: [{ name: 'monday-teaser' }, { name: 'every-run' }] })
    expect(monday.summary).toContain('💤 Not due on this run (1)')
    expect(monday.summary).toContain(
      `<b>friday-recap</b>: schedule &#39;${FRIDAY}&#39; (Fridays at 06:00 UTC); this run was triggered by &#39;${MONDAY}&#39; (Mondays at 06:00 UTC)`,
    )
    expect(monday.stdout).toContain(
      `1 batch entry not due on this run: friday-recap (schedule '${FRIDAY}'; this run was triggered by '${MONDAY}')`,
    )

    const friday = await run({ event: 'schedule', cron: FRIDAY, runId: 5002 }, { batch: JSON.stringify(calendar), cache: 'false' })
    expect(friday.exitCode, friday.visibleLog).toBe(0)
    expect(
      created()
        .slice(2)
        .map((body) => body.prompt),
    ).toEqual(['A fox on a Friday', 'A fox any day'])

    // Any other event runs every entry.
    const manual = await run({ event: 'workflow_dispatch', runId: 5003 }, { batch: JSON.stringify(calendar), cache: 'false' })
    expect(manual.exitCode, manual.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(7)
  })

  it('skips an entry outside its from/until window, and lists it as not due in the dry run', async () => {
    const entries = [
      { name: 'over', prompt: 'Last winter', until: '2001-03-01' },
      { name: 'now', prompt: 'This season', from: '2001-01-01', until: '2999-12-31' },
      { name: 'later', prompt: 'Next century', from: '2999-01-01' },
    ]
    const plan = await run({ event: 'push', runId: 6001 }, { batch: JSON.stringify(entries), 'dry-run': 'true', cache: 'false' })
    expect(plan.exitCode, plan.visibleLog).toBe(0)
    expect(JSON.parse(plan.outputs.matrix ?? '')).toEqual({ include: [{ name: 'now' }] })
    const rows = resultRows<{ name: string; plan: string; note?: string }>(plan.outputs)
    expect(rows.map((r) => [r.name, r.plan])).toEqual([
      ['now', 'new'],
      ['over', 'not-due'],
      ['later', 'not-due'],
    ])
    expect(rows[1]?.note).toBe(`until 2001-03-01; today is ${today()}`)
    expect(plan.stdout).toContain('Plan: later: not due on this run, nothing sent')
    expect(plan.summary).toMatch(/^<h3>🧪 Dry run: 1 new clip would be paid for · 2 not due<\/h3>/)
    expect(plan.stdout).toContain('2 batch entries not due on this run')

    const real = await run({ event: 'push', runId: 6002 }, { batch: JSON.stringify(entries), cache: 'false' })
    expect(real.exitCode, real.visibleLog).toBe(0)
    expect(created().map((body) => body.prompt)).toEqual(['This season'])
  })

  it('ends green with a notice when a schedule event has nothing due', async () => {
    const quiet = await run(
      { event: 'schedule', cron: '30 5 * * 3', runId: 7001 },
      { batch: JSON.stringify(calendar.slice(0, 2)), cache: 'false' },
    )
    expect(quiet.exitCode, quiet.visibleLog).toBe(0)
    expect(quiet.stdout).toMatch(/::notice::No batch entry is due on this run, so nothing was sent to FoxAPI\. 2 batch entries not due/)
    expect(quiet.outputs.matrix).toBe('{"include":[]}')
    expect(quiet.outputs.results).toBe('[]')
    expect(sim.requests).toHaveLength(0)
  })

  it('fails before paying when entries have a schedule but the cron of a schedule event cannot be read', async () => {
    const blind = await run(
      { event: 'schedule', runId: 7002 },
      { batch: JSON.stringify(calendar), cache: 'false' },
      { GITHUB_EVENT_PATH: eventFile({ not: 'a schedule payload' }) },
    )
    expect(blind.exitCode).toBe(1)
    expect(blind.stdout).toContain(
      "batch entries have a 'schedule', but the cron that triggered this run is unknown: the event payload has no 'schedule' text",
    )
    expect(sim.requests).toHaveLength(0)
  })

  it.each([
    ['a directory', () => path.dirname(eventFile({})), 'the event file is not a regular file'],
    ['a device', () => (process.platform === 'win32' ? 'NUL' : '/dev/zero'), 'the event file is not a regular file'],
    ['missing', () => path.join(path.dirname(eventFile({})), 'gone.json'), 'the event file cannot be opened (ENOENT)'],
    [
      'not JSON',
      () => {
        const file = eventFile({})
        writeFileSync(file, '{"schedule": "0 6 * * 1"')
        return file
      },
      'the event file is not JSON',
    ],
    ['a payload with a schedule that is no text', () => eventFile({ schedule: ['0 6 * * 1'] }), "the event payload has no 'schedule' text"],
  ])('reads a hostile event file (%s) as an unknown cron, and sends nothing', async (_name, file, problem) => {
    const hostile = await run(
      { event: 'schedule', runId: 7003 },
      { batch: JSON.stringify(calendar), cache: 'false' },
      { GITHUB_EVENT_PATH: file() },
    )
    expect(hostile.exitCode).toBe(1)
    expect(hostile.stdout).toContain(`the cron that triggered this run is unknown: ${problem}`)
    expect(sim.requests).toHaveLength(0)
  })

  it('refuses pick: rotate without a usable run number', async () => {
    for (const number of ['', '0', '-3', '1e3', '12abc']) {
      const bad = await run(
        { event: 'schedule', cron: MONDAY, runId: 7100 },
        { batch: JSON.stringify(calendar), pick: 'rotate', cache: 'false' },
        { GITHUB_RUN_NUMBER: number },
      )
      expect(bad.exitCode, number).toBe(1)
      expect(bad.stdout).toContain("Input 'pick' is rotate, but GITHUB_RUN_NUMBER is not set")
    }
    expect(sim.requests).toHaveLength(0)
  })

  it('with pick: rotate, runs 1, 2 and 3 take due entries 1, 2, 1 (and a re-run the same one)', async () => {
    const batch = JSON.stringify(calendar) // on a Monday cron: monday-teaser and every-run are due
    const picked: string[] = []
    for (const runNumber of [1, 2, 3, 3]) {
      const before = sim.createCount()
      const one = await run(
        { event: 'schedule', cron: MONDAY, runId: 8000 + runNumber, runNumber },
        { batch, pick: 'rotate', cache: 'false' },
      )
      expect(one.exitCode, one.visibleLog).toBe(0)
      expect(sim.createCount()).toBe(before + 1)
      picked.push(String(created().at(-1)?.prompt))
    }
    expect(picked).toEqual(['A fox on a Monday', 'A fox any day', 'A fox on a Monday', 'A fox on a Monday'])
  })
})

describe('placeholders', () => {
  it('sends {date} and {vars.product} expanded, with entry variables over the input, and shows the expanded text', async () => {
    const batch = [
      {
        name: 'teaser',
        prompt: '{vars.product} in {vars.season}, {date} ({weekday}), take {run_number} of {name} {{literal}}',
        output: 'clips/{date}-{vars.product}.mp4',
      },
      { name: 'recap', prompt: '{vars.product} recap', variables: { product: 'Foxy Pro' } },
    ]
    const result = await run(
      { event: 'push', runId: 9001, runNumber: 17 },
      { batch: JSON.stringify(batch), variables: 'product: Foxy\nseason: winter', timezone: 'Pacific/Kiritimati' },
    )
    expect(result.exitCode, result.visibleLog).toBe(0)
    const day = today('Pacific/Kiritimati')
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: 'Pacific/Kiritimati', weekday: 'long' }).format(new Date())
    // Two clips run at once: their creates may come in either order.
    expect(
      created()
        .map((body) => String(body.prompt))
        .sort(),
    ).toEqual(['Foxy Pro recap', `Foxy in winter, ${day} (${weekday}), take 17 of teaser {literal}`].sort())
    const rows = resultRows(result.outputs)
    expect(rows[0]?.video_path).toBe(path.join(result.workspace, `clips/${day}-Foxy.mp4`))
    const full = JSON.parse(readFileSync(result.outputs['results-file'] ?? '', 'utf8')) as { request: { prompt: string } }[]
    expect(full.map((row) => row.request.prompt)).toContain('Foxy Pro recap')

    // One clip: the summary shows the prompt as sent.
    const single = await run({ event: 'push', runId: 9002 }, { prompt: 'Only {vars.product} on {date}', variables: '{ product: Foxy }' })
    expect(single.exitCode, single.visibleLog).toBe(0)
    expect(single.summary).toContain(`Only Foxy on ${today()}`)
    expect(created().at(-1)?.prompt).toBe(`Only Foxy on ${today()}`)
  })

  it('sends nothing for an unknown placeholder or a missing variable, naming the input and the placeholder', async () => {
    const unknown = await run({ event: 'push', runId: 9101 }, { prompt: 'A fox on {dat}' })
    expect(unknown.exitCode).toBe(1)
    expect(unknown.stdout).toContain("::error::Input 'prompt' uses the unknown placeholder {dat}")
    const missing = await run({ event: 'push', runId: 9102 }, { batch: JSON.stringify([{ name: 'a', prompt: '{vars.product}' }]) })
    expect(missing.exitCode).toBe(1)
    expect(missing.stdout).toContain("::error::batch item 1 'prompt' uses {vars.product}, but 'variables' has no 'product' (none are set)")
    expect(sim.requests).toHaveLength(0)
  })

  it('checks an output name after expansion: a variable cannot lead a clip out of the workspace', async () => {
    const escape = await run(
      { event: 'push', runId: 9301 },
      { 'output-path': 'clips/{vars.where}/fox.mp4', variables: '{ where: "../../.." }' },
    )
    expect(escape.exitCode).toBe(1)
    expect(escape.stdout).toMatch(/::error::Input 'output-path'.*outside the workspace/)
    expect(sim.requests).toHaveLength(0)
  })

  it('checks the prompt length after expansion', async () => {
    const long = await run(
      { event: 'push', runId: 9201 },
      { prompt: `${'a'.repeat(2_490)} {vars.tail}`, variables: '{ tail: "0123456789" }' },
    )
    expect(long.exitCode).toBe(1)
    expect(long.stdout).toContain("Input 'prompt' is too long")
    expect(sim.requests).toHaveLength(0)
  })
})

describe('budget-period', () => {
  const monthly = { 'budget-period': 'month', 'max-credits': '10' }

  it('caps a month: after a first run spent 10, a second run in the month submits nothing and reports its clips skipped', async () => {
    await sim.close()
    sim = await startFoxApiSimulator({ taskDurationMs: 300, scenario: () => ({ credits: 10 }) })
    const first = await run({ event: 'schedule', runId: 10_001 }, monthly)
    expect(first.exitCode, first.visibleLog).toBe(0)
    expect(first.outputs.credits).toBe('10')
    expect(first.stdout).toMatch(
      /Budget \(month-\d{4}-\d{2}\): 10 credits spent by this step, recorded as the artifact foxapi-video-spend-/,
    )

    const batch = JSON.stringify([
      { name: 'fox', prompt: 'A fox in the second week' },
      { name: 'owl', prompt: 'An owl in the second week' },
    ])
    const second = await run({ event: 'schedule', runId: 10_002 }, { ...monthly, batch })
    expect(second.exitCode).toBe(1)
    expect(sim.createCount()).toBe(1)
    const rows = resultRows(second.outputs)
    expect(rows.map((r) => r.outcome)).toEqual(['skipped', 'skipped'])
    expect(rows[0]?.error).toMatch(
      /^not started: max-credits 10 for month-\d{4}-\d{2} reached \(10 credits spent by earlier runs in the period, 0 by this step's tasks\)$/,
    )
    expect(second.summary).toMatch(/^<h3>❌ 0 of 2 clips made · 0 credits · \w+ \d{4}: 10 of 10 credits used · ⏭️ /)
    expect(second.stdout).toMatch(
      /Budget for month-\d{4}-\d{2} \(all runs of acme\/marketing\/.github\/workflows\/weekly-clip.yml\): 10 credits spent by earlier runs/,
    )

    // Another workflow of the repository has its own records.
    const other = await run(
      { event: 'schedule', runId: 10_003 },
      { ...monthly, prompt: 'A fox for the other workflow' },
      {
        GITHUB_WORKFLOW_REF: 'acme/marketing/.github/workflows/other.yml@refs/heads/main',
      },
    )
    expect(other.exitCode, other.visibleLog).toBe(0)
    expect(sim.createCount()).toBe(2)
  })

  it('adds up the runs of a period and submits while under the cap', async () => {
    const first = await run({ event: 'push', runId: 11_001 }, { ...monthly, prompt: 'First fox' })
    const second = await run({ event: 'push', runId: 11_002 }, { ...monthly, prompt: 'Second fox' })
    expect([first.exitCode, second.exitCode]).toEqual([0, 0])
    expect(second.stdout).toMatch(/Budget: 5 credits spent in month-\d{4}-\d{2} by earlier runs/)
    const third = await run({ event: 'push', runId: 11_003 }, { ...monthly, prompt: 'Third fox' })
    expect(third.exitCode).toBe(1)
    expect(resultRows(third.outputs)[0]?.outcome).toBe('skipped')
    expect(sim.createCount()).toBe(2)
  })
})
