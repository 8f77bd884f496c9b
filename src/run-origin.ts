// The workflow run a clip was made in, from @actions/github's context. It is kept with a cached clip, so the
// summary of a later run that restores the clip links to the run that paid for it.
//
// @actions/github brings Octokit with it, which no other part of the action needs: it is loaded only when a
// finished clip is saved to the cache (the one place that asks), never at start-up.
import { z } from 'zod'

export const runOriginSchema = z.object({
  repository: z.string(),
  runId: z.number(),
  runNumber: z.number().optional(),
  workflow: z.string().optional(),
  url: z.url({ protocol: /^https?$/ }),
})

export type RunOrigin = z.infer<typeof runOriginSchema>

/** This run, or undefined outside a workflow run (no GITHUB_REPOSITORY / GITHUB_RUN_ID) or if the context cannot be read. */
export async function currentRun(): Promise<RunOrigin | undefined> {
  if (!/^[^/\s]+\/[^/\s]+$/.test(process.env.GITHUB_REPOSITORY ?? '')) return undefined
  try {
    const { context } = await import('@actions/github')
    if (!Number.isInteger(context.runId)) return undefined
    const { owner, repo } = context.repo
    const serverUrl = context.serverUrl.replace(/\/+$/, '')
    return runOriginSchema.parse({
      repository: `${owner}/${repo}`,
      runId: context.runId,
      ...(Number.isInteger(context.runNumber) ? { runNumber: context.runNumber } : {}),
      ...(context.workflow ? { workflow: context.workflow } : {}),
      url: `${serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`,
    })
  } catch {
    // Who made a clip is a courtesy in the summary: never a reason to lose the cache entry.
    return undefined
  }
}

/** `weekly-clip #12` (or `run 4242`): how the summary names a run. */
export function runLabel(run: RunOrigin): string {
  const name = run.workflow ? `${run.workflow} ` : ''
  return run.runNumber !== undefined ? `${name}#${run.runNumber}` : `${name}run ${run.runId}`
}

/**
 * `run` when it is a run of this repository on this server (GITHUB_REPOSITORY, GITHUB_SERVER_URL) with the URL
 * such a run has, else undefined: the summary links "made by" only to a run people can trust to be theirs.
 */
export function runOfThisRepository(run: RunOrigin, env: NodeJS.ProcessEnv = process.env): RunOrigin | undefined {
  const repository = env.GITHUB_REPOSITORY ?? ''
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository) || run.repository !== repository) return undefined
  if (!Number.isSafeInteger(run.runId) || run.runId <= 0) return undefined
  return run.url === `${server}/${repository}/actions/runs/${run.runId}` ? run : undefined
}
