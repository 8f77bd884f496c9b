// The scheduled-run examples: docs/scheduled-runs.md shows them exactly, the content calendar's clips.yml is a
// valid batch whose entries are due on the days and crons its workflow says, and the README's quick start gives
// the dated prompt and the monthly budget it describes.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { readInputs } from '../src/inputs/read-inputs'
import type { InputName } from '../src/constants'

const root = path.resolve(__dirname, '..')
const page = readFileSync(path.join(root, 'docs/scheduled-runs.md'), 'utf8')
const readme = readFileSync(path.join(root, 'README.md'), 'utf8')

type Step = { uses?: string; with?: Record<string, string | number> }

/** A step's inputs read as a run triggered by `cron` at `now` (clips.yml copied into the workspace). */
function readAsScheduledRun(step: Record<string, string | number>, cron: string, now: Date) {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-calendar-'))
  copyFileSync(path.join(root, 'examples/content-calendar/clips.yml'), path.join(workspace, 'clips.yml'))
  const event = path.join(workspace, 'event.json')
  writeFileSync(event, JSON.stringify({ schedule: cron }))
  // The runner hands every input over as text, and github-token as its default evaluated: the job's token.
  const inputs: Record<string, string> = {
    'github-token': 'ghs_example',
    ...Object.fromEntries(Object.entries(step).map(([k, v]) => [k, String(v)])),
    'api-key': 'sk-example',
  }
  return readInputs(
    (name: InputName) => inputs[name] ?? '',
    {
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: event,
      GITHUB_RUN_ID: '77',
      GITHUB_RUN_NUMBER: '5',
      GITHUB_REPOSITORY: 'acme/site',
      GITHUB_WORKFLOW_REF: 'acme/site/.github/workflows/content-calendar.yml@refs/heads/main',
    },
    {},
    now,
  )
}

describe('scheduled-run examples', () => {
  it.each(['content-calendar.yml', 'content-calendar/clips.yml'])('docs/scheduled-runs.md shows examples/%s exactly', (file) => {
    const text = readFileSync(path.join(root, 'examples', file), 'utf8')
    expect(page).toContain(`\`\`\`yaml\n${text}\`\`\``)
  })

  const workflow = parseYaml(readFileSync(path.join(root, 'examples/content-calendar.yml'), 'utf8')) as {
    on: { schedule: { cron: string }[] }
    jobs: { clips: { steps: Step[] } }
  }
  const step = workflow.jobs.clips.steps.find((s) => s.uses?.includes('foxapi-video-action'))?.with ?? {}

  /** The example's inputs read as a run triggered by `cron` at `now`. */
  const plan = (cron: string, now: Date) => readAsScheduledRun(step, cron, now)

  it('runs the Monday entry and the December offer on a Monday cron in December, each prompt filled in', () => {
    const [monday, thursday] = workflow.on.schedule.map((s) => s.cron)
    // Monday 7 December 2026, 06:00 in Berlin.
    const result = plan(monday ?? '', new Date('2026-12-07T05:00:00Z'))
    if (!result.ok) return expect.fail(result.problems.join('\n'))
    expect(result.clips.map((c) => [c.name, c.request?.prompt, c.outputPath])).toEqual([
      ['monday-teaser', 'Foxy the fox runs through fresh snow at golden hour, week 50 of 2026', 'clips/2026-12-07-teaser.mp4'],
      ['advent-offer', 'Foxy the fox unwraps a gift box: 20% off until Christmas Eve', 'clips/2026-12-07-offer.mp4'],
    ])
    expect(result.notDue.map((e) => e.name)).toEqual(['thursday-close-up'])
    expect(result.settings.reuse.mode).toBe('run')
    expect(result.settings.budget).toEqual({
      period: 'month',
      key: 'month-2026-12',
      scope: 'acme/site/.github/workflows/content-calendar.yml',
      timezone: 'Europe/Berlin',
    })

    // Thursday 7 January 2027: the offer is over.
    const later = plan(thursday ?? '', new Date('2027-01-07T05:00:00Z'))
    if (!later.ok) return expect.fail(later.problems.join('\n'))
    expect(later.clips.map((c) => [c.name, c.request?.prompt])).toEqual([
      ['thursday-close-up', 'Close-up of Foxy the fox in soft Thursday light, Winter campaign'],
    ])
    expect(later.notDue.map((e) => e.reason)).toEqual([
      "schedule '0 6 * * 1'; this run was triggered by '0 6 * * 4'",
      'until 2026-12-24; today is 2027-01-07',
    ])
  })
})

describe("the README's quick start", () => {
  const block = /## Quick start[^\n]*\n[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
  const workflow = parseYaml(block) as { on: { schedule: { cron: string }[] }; jobs: Record<string, { steps: Step[] }> }
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
  const step = steps.find((s) => s.uses?.includes('foxapi-video-action'))?.with ?? {}

  it('makes a dated clip on the Monday cron, capped per month, and uploads it as an artifact', () => {
    const cron = workflow.on.schedule[0]?.cron ?? ''
    // Monday 7 December 2026, the run the README's "What happens" describes.
    const result = readAsScheduledRun(step, cron, new Date('2026-12-07T06:00:00Z'))
    if (!result.ok) return expect.fail(result.problems.join('\n'))
    const [clip] = result.clips
    expect(clip?.request?.prompt).toContain('week 50 of 2026')
    expect(clip?.outputPath).toBe('weekly-clip/fox-2026-12-07.mp4')
    expect(readme).toContain('week 50 of 2026')
    expect(readme).toContain('`weekly-clip/fox-2026-12-07.mp4`')
    expect(result.settings.reuse.mode).toBe('run')
    expect(result.settings.budget).toEqual(expect.objectContaining({ period: 'month', key: 'month-2026-12' }))
    expect(step['max-credits']).toBe(40)
    expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true)
  })
})
