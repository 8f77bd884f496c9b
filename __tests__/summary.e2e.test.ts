// The page a person reads, from dist/ run against the simulator in the sample runs of simulator/sample-runs.ts (a
// single clip, a batch of three with one failure, a wrong shape, a budget skip, a dry run from a pull request): the
// job summary's headline and the words and next step of each outcome, its HTML (parsed with htmlparser2: every
// element closed, no absolute runner path), the log (a group per clip, one closing line per clip, the cache's
// plumbing at debug level), the dry run's plan, and the page as GitHub renders it in Chromium (nothing wider than
// the page, every clip's prompt visible). The same runs make the screenshots in docs/ (`npm run screenshots`).
import { readFileSync, rmSync } from 'node:fs'
import { Parser } from 'htmlparser2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startActionsCacheService } from '../simulator/actions-cache-service'
import { startFoxApiSimulator } from '../simulator/foxapi-simulator'
import { runSamples, type Sample, type SampleName } from '../simulator/sample-runs'
import { promptShown } from '../src/report/clip-words'
import type { ResultRow } from '../src/report/outputs'
import { openBrowser, overflowing, show, summaryPage, visibleText } from '../scripts/summary-page'
import { API_KEY, checkKeyAndClose, resultRows, runAction } from './support/fixtures'

let samples: Map<SampleName, Sample>
/** Each sample's results file (read at once: the harness removes runner temp folders after each test). */
const fullRows = new Map<SampleName, { name: string; request: { model: string; prompt?: string } | null }[]>()
let folder: string
beforeAll(async () => {
  const ran = await runSamples()
  samples = new Map(ran.samples.map((sample) => [sample.name, sample]))
  for (const { name, run } of ran.samples) fullRows.set(name, JSON.parse(readFileSync(run.outputs['results-file'] ?? '', 'utf8')))
  folder = ran.folder
}, 180_000)
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const sample = (name: SampleName): Sample => samples.get(name) as Sample
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const now = new Date()
const thisMonth = `${MONTHS[now.getUTCMonth()]} ${now.getUTCFullYear()}`
const nextMonth = `1 ${MONTHS[(now.getUTCMonth() + 1) % 12]} ${now.getUTCFullYear() + (now.getUTCMonth() === 11 ? 1 : 0)}`

/** The elements a closing tag did not end (htmlparser2 reports such an end as implied), and tags never closed. */
function unclosedElements(html: string): string[] {
  const problems: string[] = []
  const open: string[] = []
  const parser = new Parser({
    onopentag: (name) => open.push(name),
    onclosetag: (name, implied) => {
      open.pop()
      if (implied && !['br', 'hr'].includes(name)) problems.push(`<${name}> has no </${name}>`)
    },
  })
  parser.write(html)
  parser.end()
  return [...problems, ...open.map((name) => `<${name}> is never closed`)]
}

/** The log as the runner shows it without step debug logging: no `::debug::` lines. */
const visibleLines = (run: Sample['run']) => run.stdout.split('\n').filter((line) => !line.startsWith('::debug::'))

describe('every sample', () => {
  it('writes a summary that opens with its headline, is well formed, and holds no absolute runner path', () => {
    for (const { name, run } of samples.values()) {
      expect(run.summary.startsWith('<h3>'), name).toBe(true)
      expect(unclosedElements(run.summary), name).toEqual([])
      expect(run.summary, name).not.toMatch(/<td>(?!.*<\/td>)/)
      for (const path of [run.workspace, folder, '/home/runner', '/tmp/']) expect(run.summary, `${name}: ${path}`).not.toContain(path)
      const resultsFile = run.outputs['results-file'] ?? ''
      expect(resultsFile, name).not.toBe('')
      expect(run.summary, name).not.toContain(resultsFile.slice(0, resultsFile.lastIndexOf('/')))
    }
  })

  it("logs the cache's plumbing (tar, transfer progress, entry keys) at debug level only", () => {
    for (const { name, run, earlier } of samples.values()) {
      for (const seen of [run, ...earlier]) {
        const lines = visibleLines(seen)
        expect(
          lines.filter((line) => /\[command\].*tar|Sent \d+ of \d+|foxapi-video-(v1|ledger)/.test(line)),
          name,
        ).toEqual([])
      }
    }
    // The plumbing is still there for step debug logging (a paid run saved entries).
    expect(sample('single-clip').run.stdout).toMatch(/^::debug::.*\[command\].*tar/m)
    expect(sample('single-clip').run.stdout).toMatch(/^::debug::Saved to the Actions cache as foxapi-video-v1-/m)
  })
})

describe('a single clip', () => {
  it('leads with what came of it, the credits and the month: then the prompt as sent, settings in words, the file and the link', () => {
    const { run } = sample('single-clip')
    expect(run.exitCode, run.visibleLog).toBe(0)
    const [row] = resultRows(run.outputs)
    expect(run.summary).toContain(`<h3>✅ Clip: made · 5 credits · ${thisMonth}: 10 of 40 credits used</h3>`)
    expect(run.summary).toMatch(/“A red fox runs through fresh snow at golden hour, cinematic slow motion, week \d{2} of \d{4}”/)
    expect(run.summary).toContain('kling-o3-ref · standard mode · 9:16 vertical · 8 s')
    expect(run.summary).toContain('✔ 720×1280 · 9:16 · 8.0 s · H.264 · no audio (as asked)')
    expect(run.summary).toMatch(/<code>clips\/fox-\d{4}-\d{2}-\d{2}\.mp4<\/code> · 10\.4 KB/)
    expect(run.summary).toMatch(/>Download from FoxAPI<\/a> · works until \d+ \w{3}, \d{2}:\d{2} UTC \(24 h after it was made\)/)
    expect(run.summary).toContain('AI-generated with kling-o3-ref · content credentials (C2PA): in the file')
    expect(run.outputs['content-credentials']).toBe('present')
    expect(row?.content_credentials).toBe('present')
    // The engineer's facts are folded away.
    const details = run.summary.slice(run.summary.indexOf('<details>'))
    for (const fact of [row?.task_id, row?.sha256, 'foxapi-video-v1-']) expect(details).toContain(fact)
    expect(run.summary.slice(0, run.summary.indexOf('<details>'))).not.toContain(row?.sha256)
  })

  it('streams its log in a group, then one closing line', () => {
    const lines = visibleLines(sample('single-clip').run)
    const start = lines.indexOf('::group::FoxAPI: generate a clip')
    const end = lines.indexOf('::endgroup::', start)
    expect(start).toBeGreaterThanOrEqual(0)
    expect(lines.slice(start, end).some((line) => line.startsWith('Submitted task'))).toBe(true)
    const closing = lines.filter((line) => /^✅ clip: made · clips\/fox-[\d-]+\.mp4 \(10\.4 KB\) · 5 credits$/.test(line))
    expect(closing).toHaveLength(1)
    expect(lines.indexOf(closing[0] as string)).toBeGreaterThan(end)
  })
})

describe('a batch of three with one failure', () => {
  it("names the failure in the headline and shows it first, with FoxAPI's reason and what re-running costs", () => {
    const { run } = sample('batch-with-failure')
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain(
      `<h3>⚠️ 2 of 3 clips made · 15 credits · ${thisMonth}: 20 of 40 credits used · ❌ hike: generation failed</h3>`,
    )
    const cards = ['hike', 'fox-snow', 'desk'].map((name) => run.summary.search(new RegExp(`<h4>[^<]* ${name} · `)))
    expect(cards.every((at) => at > 0)).toBe(true)
    expect(cards).toEqual([...cards].sort((a, b) => a - b))
    const hike = run.summary.slice(cards[0], cards[1])
    expect(hike).toContain('FoxAPI could not make it: “content_policy: The prompt was flagged by the content safety check')
    expect(hike).toContain('then re-run: it is sent again and paid again')
    expect(run.summary).toContain('<b>thursday-tip</b>: schedule &#39;0 6 * * 4&#39; (Thursdays at 06:00 UTC)')
    expect(resultRows<ResultRow>(run.outputs).map((r) => [r.name, r.outcome, r.content_credentials])).toEqual([
      ['fox-snow', 'succeeded', 'present'],
      ['hike', 'failed', null],
      ['desk', 'succeeded', 'absent'],
    ])
  })

  it('logs each clip in a group of its own, written when the clip ends, with no line of another clip, then one closing line', () => {
    const { run } = sample('batch-with-failure')
    const lines = visibleLines(run)
    const rows = resultRows(run.outputs)
    for (const row of rows) {
      const start = lines.findIndex((line) => line.startsWith(`::group::${row.name} (`))
      const end = lines.indexOf('::endgroup::', start)
      expect(start, row.name).toBeGreaterThanOrEqual(0)
      const inside = lines.slice(start + 1, end)
      expect(inside.some((line) => line.includes(row.task_id))).toBe(true)
      for (const other of rows.filter((r) => r !== row)) expect(inside.join('\n')).not.toContain(other.task_id)
      expect(lines[end + 1]).toMatch(new RegExp(`^(✅|❌) ${row.name}: `))
      expect(lines.filter((line) => new RegExp(`^(✅|❌|⏭️|⏳|🛑|📨|♻️|⚠️) ${row.name}: `).test(line))).toHaveLength(1)
    }
    // Each task id is in the log the moment it exists, outside the groups.
    for (const row of rows) expect(lines).toContain(`[${row.name}] Submitted task ${row.task_id} (estimated 1s).`)
    // The log ends with the summary's headline, before the step's failure.
    expect(lines.some((line) => line.startsWith('⚠️ 2 of 3 clips made · 15 credits'))).toBe(true)
  })
})

describe('a clip of the wrong shape', () => {
  it('says what was asked, what came, that re-running will not change it, and the two ways on', () => {
    const { run } = sample('wrong-shape')
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain('<h3>❌ Clip: wrong shape · 5 credits</h3>')
    expect(run.summary).toContain('FoxAPI made it, but not the shape asked: aspect ratio 16:9 (1280×720), asked 9:16. The file is kept.')
    expect(run.summary).toContain('Re-running won&#39;t change it')
    expect(run.summary).toContain('set verify: warn')
    expect(run.summary).toContain('set a new cache-key')
    expect(run.summary).toContain('not as asked: aspect ratio 16:9 (1280×720), asked 9:16')
    expect(run.outputs['content-credentials']).toBe('absent')
  })
})

describe('a clip the budget skips', () => {
  it('says the month is spent, when it starts again, and what to raise; nothing is sent', () => {
    const { run, requests } = sample('budget-skip')
    expect(run.exitCode).toBe(1)
    expect(requests.creates).toBe(0)
    expect(run.summary).toContain(`<h3>⏭️ Clip: skipped: budget reached · 0 credits · ${thisMonth}: 10 of 10 credits used</h3>`)
    expect(run.summary).toContain(`Not sent to FoxAPI: the budget for ${thisMonth} is used up (10 of 10 credits used). Nothing was paid.`)
    expect(run.summary).toContain(`It starts again on ${nextMonth} (UTC). To make it sooner, raise max-credits (now 10) and re-run.`)
    expect(run.outputs['content-credentials']).toBe('')
  })
})

describe('a dry run from a pull request', () => {
  it("previews Monday's scheduled run, and counts the earlier run's failed task as a new payment", () => {
    const { run, requests } = sample('dry-run')
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(requests.creates).toBe(0)
    expect(requests.queries).toBe(1) // the earlier run's pending task for hike: a free status query
    expect(run.summary).toContain(
      `<h3>🧪 Dry run: 3 new clips would be paid for · 1 not due · ${thisMonth}: 15 of 40 credits used before this run</h3>`,
    )
    expect(run.summary).toContain(
      'A preview of what a scheduled run (&#39;0 6 * * 1&#39;, Mondays at 06:00 UTC) of .github/workflows/weekly-clips.yml would do',
    )
    const plans = resultRows<{ name: string; plan: string; note?: string }>(run.outputs)
    expect(plans.map((p) => [p.name, p.plan])).toEqual([
      ['fox-snow', 'new'],
      ['hike', 'new'],
      ['desk', 'new'],
      ['thursday-tip', 'not-due'],
    ])
    expect(plans[1]?.note).toMatch(/^an earlier run paid for task task-unified-\S+, which ended failed: a real run pays for a new one$/)
    expect(plans[0]?.note).toBe('each new run makes a fresh clip: the one an earlier run made for this request is not reused')
  })
})

describe('as a person sees it: rendered as GitHub does, in Chromium', () => {
  it("is no wider than the page, and shows every clip's prompt without opening anything", { timeout: 90_000 }, async () => {
    const browser = await openBrowser()
    try {
      for (const { name, run } of samples.values()) {
        await show(browser.page, await summaryPage(run.summary, name))
        expect(await overflowing(browser.page), name).toEqual([])
        const requests = (fullRows.get(name) ?? []).flatMap((row) => (row.request ? [row.request] : []))
        const shown = requests.map((request) => promptShown(request) as string)
        expect(shown.length, name).toBeGreaterThan(0)
        for (const prompt of shown) expect(await visibleText(browser.page, prompt), `${name}: ${prompt}`).toBe(true)
      }
    } finally {
      await browser.close()
    }
  })
})

describe('a dry run and a task an earlier run left at FoxAPI', () => {
  it('with the key asks FoxAPI (free) and plans to collect a task that can deliver; without the key says it cannot know', async () => {
    const sim = await startFoxApiSimulator({ taskDurationMs: 60_000 })
    const cache = await startActionsCacheService()
    try {
      const inputs = { 'api-key': API_KEY, 'base-url': sim.url, prompt: 'A fox waits in the snow', 'poll-interval': '100ms' }
      const left = await runAction({ inputs: { ...inputs, wait: 'false' }, env: cache.env })
      expect(left.exitCode, left.visibleLog).toBe(0)
      const taskId = left.outputs['task-id'] as string
      const creates = sim.createCount()

      const withKey = await runAction({ inputs: { ...inputs, 'dry-run': 'true' }, env: cache.env })
      expect(withKey.exitCode, withKey.visibleLog).toBe(0)
      const [planned] = resultRows<{ plan: string; note?: string; task_id: string }>(withKey.outputs)
      expect(planned).toMatchObject({ plan: 'pending-task', task_id: taskId })
      expect(planned?.note).toBe('submitted by an earlier run, and FoxAPI says it can still deliver: collected, nothing new paid')
      expect(sim.requests.filter((r) => r.method === 'GET' && r.path === `/v1/tasks/${taskId}`)).toHaveLength(1)
      expect(withKey.summary).toMatch(/^<h3>🧪 Dry run: 0 new clips would be paid for · 1 collected \(paid earlier\)<\/h3>/)

      const keyless = await runAction({ inputs: { ...inputs, 'api-key': '', 'dry-run': 'true' }, env: cache.env })
      expect(keyless.exitCode, keyless.visibleLog).toBe(0)
      const [unknown] = resultRows<{ plan: string; note?: string }>(keyless.outputs)
      expect(unknown?.plan).toBe('pending-task')
      expect(unknown?.note).toContain(
        "without 'api-key' the dry run cannot ask FoxAPI whether it can still deliver (if it failed, was cancelled or expired, a real run pays for a new one)",
      )
      expect(keyless.summary).toContain('Nothing was sent to FoxAPI. Without &#39;api-key&#39; the plan could check neither')
      expect(sim.createCount()).toBe(creates)
    } finally {
      await checkKeyAndClose(sim)
      await cache.close()
    }
  })
})
