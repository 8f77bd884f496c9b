// The post step: it removes cache staging files a killed main step left, and if that step was killed while
// waiting (job cancelled, step timeout), src/run/left-tasks.ts says which tasks it left running and how to
// collect them (with cancel-on-timeout, after trying to cancel them).
import * as core from '@actions/core'
import { State } from './constants'
import { removeCacheStaging } from './cache/cache-key'
import { isValidTaskId } from './security/task-id'
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
  const { settleLeftTasks } = await import('./run/left-tasks')
  await settleLeftTasks(taskIds, {
    cancel: core.getState(State.CancelOnTimeout) === 'true',
    apiKey: core.getInput('api-key').trim(),
    baseUrl: core.getState(State.BaseUrl),
  })
}

function parseIds(state: string): string[] {
  try {
    const ids: unknown = JSON.parse(state || '[]')
    return Array.isArray(ids) ? ids.filter(isValidTaskId) : []
  } catch {
    return []
  }
}
