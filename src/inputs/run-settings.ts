// The run's settings: the inputs that say where requests go, how long to wait, what to fetch and check, what the
// cache may serve and what may be spent (RunSettings). Each is read by its parser, its problem named after it.
import { registerSecret } from '../secrets'
import type { RunSettings } from './clip-spec'
import { parseMaxCredits, resultsFilePath } from './plan-inputs'
import { checkBaseUrl, parseBoolean, parseDuration, parseSize, parseVerify, parseWholeNumber, type InputReader } from './scalar-inputs'
import { githubToken, type ScheduleInputs } from './schedule-inputs'

export const MAX_CONCURRENCY = 10

/** What the settings are read with beside the inputs: read before them, or from the runner. */
export interface RunSettingsContext {
  workspace: string
  env: NodeJS.ProcessEnv
  /** The `dry-run` input: a dry run needs no `api-key`. */
  dryRun: boolean
  schedule: ScheduleInputs
}

/**
 * The run settings, `input` giving each input trimmed or defaulted (withDefaults). The key and the GitHub token are
 * registered as secrets as soon as they are read, so nothing logged later can show them.
 */
export function readRunSettings(
  input: InputReader,
  { workspace, env, dryRun, schedule }: RunSettingsContext,
  problems: string[],
): RunSettings {
  const apiKey = input('api-key')
  if (apiKey !== '') registerSecret(apiKey)
  else if (!dryRun) problems.push("Input 'api-key' is required: pass it from a secret, e.g. api-key: ${{ secrets.FOXAPI_API_KEY }}")
  // Masked like the key; sent only to GITHUB_API_URL (src/records/run-records.ts).
  const token = githubToken(input('github-token'))
  if (token !== '') registerSecret(token)
  return {
    apiKey,
    githubToken: token,
    baseUrl: checkBaseUrl(input('base-url'), problems),
    wait: parseBoolean('wait', input('wait'), problems),
    timeoutMs: parseDuration('timeout', input('timeout'), problems, { minMs: 1_000 }),
    pollIntervalMs: parseDuration('poll-interval', input('poll-interval'), problems, { minMs: 50 }),
    requestTimeoutMs: parseDuration('request-timeout', input('request-timeout'), problems, { minMs: 100 }),
    download: parseBoolean('download', input('download'), problems),
    maxDownloadBytes: parseSize('max-download-size', input('max-download-size'), problems),
    verify: parseVerify(input('verify'), problems),
    cancelOnTimeout: parseBoolean('cancel-on-timeout', input('cancel-on-timeout'), problems),
    cache: parseBoolean('cache', input('cache'), problems),
    cacheKey: input('cache-key'),
    concurrency: parseWholeNumber('concurrency', input('concurrency'), 1, MAX_CONCURRENCY, problems),
    failFast: parseBoolean('fail-fast', input('fail-fast'), problems),
    workspace,
    dryRun,
    maxCredits: parseMaxCredits(input('max-credits'), problems),
    resultsFile: resultsFilePath(input('results-file'), workspace, env, problems),
    reuse: schedule.reuse,
    ...(schedule.budget ? { budget: schedule.budget } : {}),
    uploadCleanup: parseBoolean('upload-cleanup', input('upload-cleanup'), problems),
    ...(schedule.preview ? { preview: schedule.preview } : {}),
  }
}
