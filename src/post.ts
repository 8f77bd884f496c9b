// The post step: if the main step was killed while waiting (job cancelled, step timeout), it says which tasks
// it left running and how to collect them; with cancel-on-timeout it first tries to cancel them (best effort:
// FoxAPI documents no cancel route, so the answer is often "cannot cancel").
import * as core from '@actions/core'
import { State } from './constants'
import { removeCacheStaging } from './cache-key'
import { registerSecret } from './secrets'
import { isValidTaskId } from './security/task-id'
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
  await removeCacheStaging(process.env.GITHUB_WORKSPACE || process.cwd())
  const taskIds = parseIds(core.getState(State.WaitingTasks))
  if (taskIds.length === 0) return
  // Only a main step that was killed leaves tasks behind, so only then does the network code load.
  const [{ cancelSentence, collectHint, leftRunning, tryCancel }, { FoxApiClient }, { createHttpAgent }] = await Promise.all([
    import('./cancel'),
    import('./api-client'),
    import('./http'),
  ])
  if (core.getState(State.CancelOnTimeout) !== 'true') {
    for (const id of taskIds) log.warning(`${cancelSentence(id, 'not-asked')} ${collectHint(id, { longerTimeout: false, cached: false })}`)
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
        const outcome = await tryCancel(client, task, deadline)
        const sentence = cancelSentence(id, outcome, task)
        if (leftRunning(outcome, task)) log.warning(`${sentence} ${collectHint(id, { longerTimeout: false, cached: false })}`)
        else log.info(outcome.kind === 'cancelled' ? `Task ${id}, left running when the main step stopped: ${sentence}` : sentence)
      } catch (error) {
        log.warning(
          `Could not check task ${id}: ${error instanceof Error ? error.message : String(error)}. It may still run at FoxAPI and be billed. ` +
            collectHint(id, { longerTimeout: false, cached: false }),
        )
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
