// The main step: reads and checks every input, then hands a valid run to the dry run (src/run/dry-run.ts) or to the
// paid run (src/run/generation.ts: cache, submit, wait, download, outputs and summary).
import { readInputs } from './inputs/read-inputs'
import { identicalRequests } from './run/identical-requests'
import * as log from './log'
import { messageOf } from './errors'

/**
 * The main step (dist/index.js dispatches here; `npm run local-action` calls it directly). It never throws:
 * an unexpected error fails the step with a redacted one-line message, never a stack trace.
 */
export async function run(): Promise<void> {
  try {
    await runMain()
  } catch (error) {
    log.setFailed(`Unexpected error: ${messageOf(error)}`)
  }
}

async function runMain(): Promise<void> {
  const inputs = readInputs(undefined, undefined, { batchProblems: identicalRequests })
  if (!inputs.ok) {
    for (const problem of inputs.problems) log.error(problem)
    log.setFailed(
      `${inputs.problems.length} input problem${inputs.problems.length === 1 ? '' : 's'} (listed above); nothing was sent to FoxAPI.`,
    )
    return
  }
  const { settings, clips, batch, notDue } = inputs
  for (const warning of inputs.warnings) log.warning(warning)
  for (const notice of inputs.notices) log.notice(notice)
  // The dry run and the paid run load on demand: an input error never loads undici or @actions/cache.
  if (settings.dryRun) {
    const { runDryRun } = await import('./run/dry-run')
    return runDryRun(clips, { settings, batch, notDue })
  }
  const { generate } = await import('./run/generation')
  await generate(clips, { settings, batch, notDue })
}
