// The post step: it removes cache staging files a killed main step left, and if that step was killed while
// waiting (job cancelled, step timeout), src/run/left-tasks.ts says which tasks it left running and how to
// collect them (with cancel-on-timeout, after trying to cancel them). `base-url` and `cancel-on-timeout`
// come from the post step's own inputs, checked by the main step's code; a saved state that disagrees with
// them is refused (a warning, nothing sent).
import * as core from '@actions/core'
import { State } from './constants'
import { removeCacheStaging } from './cache/staging'
import { isValidTaskId } from './security/task-id'
import { readPostInputs } from './inputs/read-inputs'
import * as log from './log'
import { messageOf } from './errors'

/**
 * The post step (dist/index.js dispatches here; `npm run local-action` calls it after the main step). It
 * never throws: an unexpected error fails the step with a redacted one-line message.
 */
export async function run(): Promise<void> {
  try {
    await runPost()
  } catch (error) {
    log.setFailed(`Unexpected error in the post step: ${messageOf(error)}`)
  }
}

async function runPost(): Promise<void> {
  // The main step removes its cache staging files itself, unless it was killed first.
  await removeCacheStaging(process.env.GITHUB_WORKSPACE || process.cwd())
  const taskIds = parseIds(core.getState(State.WaitingTasks))
  if (taskIds.length === 0) return
  // Only a main step that was killed leaves tasks behind, so only then does the network code load.
  const { reportLeftTasks, settleLeftTasks } = await import('./run/left-tasks')
  const leaveThem = (why: string) => {
    log.warning(`${why} Nothing is sent to FoxAPI from the post step.`)
    reportLeftTasks(taskIds)
  }
  // Where the key goes, and whether to cancel, come from this step's own inputs, checked as the main step
  // checks them; the saved state (which a step's environment can forge) only has to agree with them.
  const inputs = readPostInputs()
  if (!inputs.ok) return leaveThem(`The post step's inputs have problems (${inputs.problems.join('; ')}).`)
  for (const [name, saved, given] of [
    [State.BaseUrl, core.getState(State.BaseUrl), inputs.baseUrl],
    [State.CancelOnTimeout, core.getState(State.CancelOnTimeout), String(inputs.cancelOnTimeout)],
  ] as const) {
    if (saved !== given) {
      return leaveThem(
        `The ${name} the main step saved (${shownState(saved)}) differs from this step's ${name} input (${shownState(given)}), so the saved state is not trusted.`,
      )
    }
  }
  await settleLeftTasks(taskIds, {
    cancel: inputs.cancelOnTimeout,
    apiKey: core.getInput('api-key').trim(),
    baseUrl: inputs.baseUrl,
  })
}

/** A state value for a message: quoted, one line, cut short. */
function shownState(value: string): string {
  return value === '' ? 'nothing' : JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value)
}

function parseIds(state: string): string[] {
  try {
    const ids: unknown = JSON.parse(state || '[]')
    return Array.isArray(ids) ? ids.filter(isValidTaskId) : []
  } catch {
    return []
  }
}
