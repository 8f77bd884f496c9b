// A dry run that previews another run (src/inputs/preview-event.ts): its inputs checked and named before anything
// is sent, and the previewed run read as the runner would describe it (its event, its cron, its workflow's budget);
// and crons put in words for the summary (src/inputs/cron-words.ts).
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cronWords, withCronWords } from '../../src/inputs/cron-words'
import { previewWords } from '../../src/inputs/preview-event'
import { readInputs } from '../../src/inputs/read-inputs'

const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-preview-'))
const env = {
  GITHUB_WORKSPACE: workspace,
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_RUN_ID: '77',
  GITHUB_RUN_NUMBER: '12',
  GITHUB_REPOSITORY: 'acme/site',
  GITHUB_WORKFLOW_REF: 'acme/site/.github/workflows/check.yml@refs/pull/3/merge',
}
const CALENDAR = JSON.stringify([
  { name: 'monday', prompt: 'a fox on Monday', schedule: '0 6 * * 1' },
  { name: 'thursday', prompt: 'a fox on Thursday', schedule: '0 6 * * 4' },
])

/** The job's token: budget-period reads the spend records through the GitHub API, the dry run too. */
const GITHUB_TOKEN = 'ghs_preview-test-token'

function read(inputs: Record<string, string>) {
  return readInputs((name) => inputs[name] ?? '', env)
}

describe('preview-event', () => {
  it("plans the scheduled run from a pull request: that cron's entries, reuse per run, the previewed workflow's budget", () => {
    const result = read({
      'dry-run': 'true',
      batch: CALENDAR,
      'preview-event': 'schedule',
      'preview-cron': '0 6 * * 1',
      'preview-workflow': '.github/workflows/weekly.yml',
      'max-credits': '40',
      'budget-period': 'month',
      'github-token': GITHUB_TOKEN,
    })
    if (!result.ok) throw new Error(result.problems.join('\n'))
    expect(result.clips.map((clip) => clip.name)).toEqual(['monday'])
    expect(result.notDue).toEqual([{ name: 'thursday', reason: "schedule '0 6 * * 4'; this run was triggered by '0 6 * * 1'" }])
    expect(result.settings.reuse.mode).toBe('run')
    expect(result.settings.budget?.scope).toBe('acme/site/.github/workflows/weekly.yml')
    expect(result.settings.preview).toEqual({ event: 'schedule', cron: '0 6 * * 1', workflowFile: '.github/workflows/weekly.yml' })
  })

  it('without it, a pull request plans a pull_request run: every entry, reuse per request, its own workflow', () => {
    const result = read({ 'dry-run': 'true', batch: CALENDAR, 'max-credits': '40', 'budget-period': 'month', 'github-token': GITHUB_TOKEN })
    if (!result.ok) throw new Error(result.problems.join('\n'))
    expect(result.clips.map((clip) => clip.name)).toEqual(['monday', 'thursday'])
    expect(result.settings.reuse.mode).toBe('request')
    expect(result.settings.budget?.scope).toBe('acme/site/.github/workflows/check.yml')
  })

  it('refuses a preview outside a dry run, and bad values, naming each input', () => {
    const paid = read({ 'api-key': 'sk-test', prompt: 'a fox', 'preview-event': 'schedule' })
    expect(paid.ok ? [] : paid.problems).toContain(
      "Input 'preview-event' previews another run in a dry run only: set dry-run: true (a paid run is the run its own event makes it)",
    )
    const bad = read({
      'dry-run': 'true',
      prompt: 'a fox',
      'preview-event': 'Schedule!',
      'preview-cron': 'every monday',
      'preview-workflow': '../other.yml',
    })
    expect(bad.ok ? [] : bad.problems).toEqual([
      `Input 'preview-event' must be an event name as GitHub writes it, e.g. schedule or workflow_dispatch (got "Schedule!")`,
      `Input 'preview-cron' is for preview-event: schedule (got preview-event "Schedule!")`,
      `Input 'preview-cron' must be a cron string as in the workflow's on.schedule, e.g. '0 6 * * 1' (got "every monday")`,
      `Input 'preview-workflow' must be a workflow file such as .github/workflows/weekly.yml (got "../other.yml")`,
    ])
    const orphan = read({ 'dry-run': 'true', prompt: 'a fox', 'preview-cron': '0 6 * * 1' })
    expect(orphan.ok ? [] : orphan.problems).toEqual(["Inputs 'preview-cron' and 'preview-workflow' need 'preview-event' (e.g. schedule)"])
  })

  it('needs the cron when entries have a schedule', () => {
    const result = read({ 'dry-run': 'true', batch: CALENDAR, 'preview-event': 'schedule' })
    expect(result.ok ? [] : result.problems).toEqual([
      "batch entries have a 'schedule', but the cron that triggered this run is unknown: set 'preview-cron' to the cron of the scheduled run to preview",
    ])
  })

  it('says the previewed run in words', () => {
    expect(previewWords({ event: 'schedule', cron: '0 6 * * 1', workflowFile: '.github/workflows/weekly.yml' })).toBe(
      "a scheduled run ('0 6 * * 1', Mondays at 06:00 UTC) of .github/workflows/weekly.yml",
    )
    expect(previewWords({ event: 'workflow_dispatch' })).toBe('a workflow_dispatch run')
  })
})

describe('crons in words', () => {
  it('says the common shape in words and leaves any other cron as it is', () => {
    expect(cronWords('0 6 * * 1')).toBe('Mondays at 06:00 UTC')
    expect(cronWords('30 17 * * 1,4')).toBe('Mondays and Thursdays at 17:30 UTC')
    expect(cronWords('0 9 * * MON,WED,FRI')).toBe('Mondays, Wednesdays, Fridays at 09:00 UTC')
    expect(cronWords('0 6 * * *')).toBe('every day at 06:00 UTC')
    expect(cronWords('0 6 * * 7')).toBe('Sundays at 06:00 UTC')
    for (const other of ['*/15 * * * *', '0 6 1 * *', '0 6 * 12 1', '0 6 * * 1-5', '0 25 * * 1', 'x'])
      expect(cronWords(other)).toBeUndefined()
    expect(withCronWords("schedule '0 6 * * 4'; triggered by '0 6 * * 1'")).toBe(
      "schedule '0 6 * * 4' (Thursdays at 06:00 UTC); triggered by '0 6 * * 1' (Mondays at 06:00 UTC)",
    )
  })
})
