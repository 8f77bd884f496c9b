// The post step: if the main step was killed while waiting (job cancelled, step timeout), cancel the tasks
// it left running, when cancel-on-timeout allows and FoxAPI says they can still be cancelled.
import * as core from '@actions/core'
import { FoxApiClient } from './api-client'
import { State } from './constants'
import { createHttpAgent } from './http'
import { ResultCache } from './result-cache'
import { registerSecret } from './secrets'
import { isValidTaskId } from './security/task-id'
import { canCancel } from './task'
import * as log from './log'

const POST_BUDGET_MS = 20_000

/**
 * The post step (dist/index.js dispatches here; `npm run local-action` calls it after the main step). It
 * never throws: an unexpected error fails the step with a redacted one-line message.
 */
export async function run(): Promise<void> {
  try {
    await runPost()
  } catch (error) {
    log.setFailed(`Unexpected error in the post step: ${error instanceof Error ? error.message : String(error)}`)
  }
}

async function runPost(): Promise<void> {
  // The main step removes its cache staging files itself, unless it was killed first.
  await ResultCache.removeStagingDirectory(process.env.GITHUB_WORKSPACE || process.cwd())
  const taskIds = parseIds(core.getState(State.WaitingTasks))
  if (taskIds.length === 0) return
  if (core.getState(State.CancelOnTimeout) !== 'true') {
    log.info(`Tasks left running (cancel-on-timeout: false): ${taskIds.join(', ')}. Resume one with the task-id input.`)
    return
  }
  const apiKey = core.getInput('api-key').trim()
  const baseUrl = core.getState(State.BaseUrl)
  if (!apiKey || !baseUrl) return
  registerSecret(apiKey)
  const agent = createHttpAgent(10_000)
  const client = new FoxApiClient({ baseUrl, apiKey, agent, retry: { baseDelayMs: 500, maxDelayMs: 4_000, maxAttempts: 3 } })
  const deadline = Date.now() + POST_BUDGET_MS
  try {
    for (const id of taskIds) {
      try {
        const task = await client.getTask(id, { deadline })
        if (!canCancel(task)) {
          log.info(`Task ${id} is ${task.status}; nothing to cancel.`)
          continue
        }
        await client.cancelTask(id, { deadline })
        log.info(`Cancelled task ${id}, left running when the main step stopped (cancel-on-timeout: true).`)
      } catch (error) {
        log.warning(`Could not cancel task ${id}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  } finally {
    await agent.destroy()
  }
}

function parseIds(state: string): string[] {
  try {
    const ids: unknown = JSON.parse(state || '[]')
    return Array.isArray(ids) ? ids.filter(isValidTaskId) : []
  } catch {
    return []
  }
}
