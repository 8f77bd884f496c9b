// A dry run that previews another kind of run: `preview-event` (and, for a scheduled run, `preview-cron`, and the
// workflow whose budget it counts in, `preview-workflow`). From a pull request, a dry run otherwise plans what a
// pull_request run would do; a content calendar is made for its `schedule:` runs, which reuse clips per run, run
// only the entries due on their cron and count a period's budget. The preview replaces what the runner says about
// this run (src/inputs/run-event.ts) with the event to preview, so the calendar, `reuse` and `budget-period` are
// read exactly as that run would read them. Problems are named after the input, like any other.
import type { InputName } from '../constants'
import { isCronShape } from './calendar'
import { cronWords } from './cron-words'
import type { RunEvent } from './run-event'
import { shown } from './input-text'

/** The run a dry run previews. */
export interface PreviewEvent {
  /** The event, e.g. `schedule`. */
  event: string
  /** For `schedule`: the cron that triggers the previewed run, as in the workflow's on.schedule. */
  cron?: string
  /** The workflow file of the previewed run (its budget ledger), e.g. `.github/workflows/weekly.yml`. */
  workflowFile?: string
}

/** Reads `preview-event`, `preview-cron` and `preview-workflow`; undefined when `preview-event` is not set. */
export function readPreview(input: (name: InputName) => string, dryRun: boolean, problems: string[]): PreviewEvent | undefined {
  const event = input('preview-event').trim()
  const cron = input('preview-cron').trim()
  const workflowFile = input('preview-workflow').trim()
  if (event === '') {
    if (cron !== '' || workflowFile !== '')
      problems.push("Inputs 'preview-cron' and 'preview-workflow' need 'preview-event' (e.g. schedule)")
    return undefined
  }
  if (!dryRun)
    problems.push(
      `Input 'preview-event' previews another run in a dry run only: set dry-run: true (a paid run is the run its own event makes it)`,
    )
  if (!/^[a-z][a-z_]{0,49}$/.test(event))
    problems.push(
      `Input 'preview-event' must be an event name as GitHub writes it, e.g. schedule or workflow_dispatch (got ${shown(event)})`,
    )
  if (cron !== '' && event !== 'schedule')
    problems.push(`Input 'preview-cron' is for preview-event: schedule (got preview-event ${shown(event)})`)
  if (cron !== '' && !isCronShape(cron))
    problems.push(`Input 'preview-cron' must be a cron string as in the workflow's on.schedule, e.g. '0 6 * * 1' (got ${shown(cron)})`)
  if (workflowFile !== '' && !/^\.github\/workflows\/[\w.-]{1,200}\.ya?ml$/.test(workflowFile))
    problems.push(`Input 'preview-workflow' must be a workflow file such as .github/workflows/weekly.yml (got ${shown(workflowFile)})`)
  return { event, ...(cron !== '' ? { cron } : {}), ...(workflowFile !== '' ? { workflowFile } : {}) }
}

/**
 * The run as the previewed event would make it: its event name, and its workflow (the budget ledger's scope) when
 * `preview-workflow` names another one of this repository. The run id and number stay this run's: a scheduled run
 * would have new ones, and none of this run's has a cached clip.
 */
export function previewedEvent(event: RunEvent, preview: PreviewEvent, env: NodeJS.ProcessEnv): RunEvent {
  const repository = (env.GITHUB_REPOSITORY ?? '').trim()
  const workflow =
    preview.workflowFile !== undefined && /^[^/\s]+\/[^/\s]+$/.test(repository) ? `${repository}/${preview.workflowFile}` : event.workflow
  return { ...event, name: preview.event, ...(workflow !== undefined ? { workflow } : {}) }
}

/** `a scheduled run ('0 6 * * 1', Mondays at 06:00 UTC) of .github/workflows/weekly.yml`: the previewed run in words. */
export function previewWords(preview: PreviewEvent): string {
  const words = preview.cron !== undefined ? cronWords(preview.cron) : undefined
  const cron = preview.cron !== undefined ? ` ('${preview.cron}'${words ? `, ${words}` : ''})` : ''
  const workflow = preview.workflowFile !== undefined ? ` of ${preview.workflowFile}` : ''
  return `${preview.event === 'schedule' ? 'a scheduled' : `a ${preview.event}`} run${cron}${workflow}`
}
