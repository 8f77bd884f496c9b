// What the post step does about tasks a killed main step left running: it names each one and says how to
// collect it, or, with cancel-on-timeout, first tries to cancel it (best effort: FoxAPI documents no cancel
// route, so the answer is often "cannot cancel"). Loaded only when there are such tasks (src/post.ts).
import { FoxApiClient } from '../foxapi/api-client'
import { cancelSentence, collectHint, leftRunning, tryCancel } from '../foxapi/cancel'
import { createHttpAgent } from '../foxapi/http'
import * as log from '../log'
import { registerSecret } from '../secrets'
import { messageOf } from '../errors'

const POST_BUDGET_MS = 20_000

export interface LeftTaskOptions {
  /** cancel-on-timeout: try to cancel each task rather than only report it. */
  cancel: boolean
  apiKey: string
  /** The base-url input, checked as the main step checks it (src/post.ts). */
  baseUrl: string
}

/** Names each task left running and how to collect it; sends nothing. */
export function reportLeftTasks(taskIds: readonly string[]): void {
  for (const id of taskIds) log.warning(`${cancelSentence(id, 'not-asked')} ${collectHint(id)}`)
}

/** Reports (and with `cancel`, tries to cancel) each task; never throws for one task's trouble. */
export async function settleLeftTasks(taskIds: readonly string[], options: LeftTaskOptions): Promise<void> {
  if (!options.cancel) return reportLeftTasks(taskIds)
  const { apiKey, baseUrl } = options
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
        if (leftRunning(outcome, task)) log.warning(`${sentence} ${collectHint(id)}`)
        else log.info(outcome.kind === 'cancelled' ? `Task ${id}, left running when the main step stopped: ${sentence}` : sentence)
      } catch (error) {
        log.warning(`Could not check task ${id}: ${messageOf(error)}. It may still run at FoxAPI and be billed. ` + collectHint(id))
      }
    }
  } finally {
    await agent.destroy()
  }
}
