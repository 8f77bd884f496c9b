// The workflow run a clip was made in, from @actions/github's context. It is kept with a cached clip, so the
// summary of a later run that restores the clip links to the run that paid for it.
import { context } from '@actions/github'
import { z } from 'zod'

export const runOriginSchema = z.object({
  repository: z.string(),
  runId: z.number(),
  runNumber: z.number().optional(),
  workflow: z.string().optional(),
  url: z.url({ protocol: /^https?$/ }),
})

export type RunOrigin = z.infer<typeof runOriginSchema>

/** This run, or undefined outside a workflow run (no GITHUB_REPOSITORY / GITHUB_RUN_ID). */
export function currentRun(): RunOrigin | undefined {
  if (!process.env.GITHUB_REPOSITORY || !Number.isInteger(context.runId)) return undefined
  const { owner, repo } = context.repo
  return {
    repository: `${owner}/${repo}`,
    runId: context.runId,
    ...(Number.isInteger(context.runNumber) ? { runNumber: context.runNumber } : {}),
    ...(context.workflow ? { workflow: context.workflow } : {}),
    url: `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`,
  }
}

/** `weekly-clip #12` (or `run 4242`): how the summary names a run. */
export function runLabel(run: RunOrigin): string {
  const name = run.workflow ? `${run.workflow} ` : ''
  return run.runNumber !== undefined ? `${name}#${run.runNumber}` : `${name}run ${run.runId}`
}
