// The workflow run a clip was made in, from the runner's GITHUB_* variables (what @actions/github's context
// reads, without loading Octokit for it). It is kept with a cached clip, so the summary of a later run that
// restores the clip links to the run that paid for it.
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
export function currentRun(env: NodeJS.ProcessEnv = process.env): RunOrigin | undefined {
  const repository = env.GITHUB_REPOSITORY ?? ''
  const runId = Number.parseInt(env.GITHUB_RUN_ID ?? '', 10)
  const runNumber = Number.parseInt(env.GITHUB_RUN_NUMBER ?? '', 10)
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository) || !Number.isInteger(runId)) return undefined
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  return {
    repository,
    runId,
    ...(Number.isInteger(runNumber) ? { runNumber } : {}),
    ...(env.GITHUB_WORKFLOW ? { workflow: env.GITHUB_WORKFLOW } : {}),
    url: `${serverUrl}/${repository}/actions/runs/${runId}`,
  }
}

/** `weekly-clip #12` (or `run 4242`): how the summary names a run. */
export function runLabel(run: RunOrigin): string {
  const name = run.workflow ? `${run.workflow} ` : ''
  return run.runNumber !== undefined ? `${name}#${run.runNumber}` : `${name}run ${run.runId}`
}
