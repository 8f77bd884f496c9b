// What the runner says about this workflow run, for the scheduled-run inputs: the event, the cron that triggered
// a `schedule` event (the event payload's `schedule`, in the file at GITHUB_EVENT_PATH), the run id and number,
// and the workflow the budget's spend records are kept for. Every value comes from the environment, so every value is
// checked for its shape; the payload file is read through one descriptor, never past a small cap.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'

/** GitHub's event payloads are far smaller; a larger "event file" is not one. */
const MAX_EVENT_FILE_BYTES = 4 * 1024 * 1024

export interface RunEvent {
  /** GITHUB_EVENT_NAME (`schedule`, `push`, `workflow_dispatch`…), or '' outside a workflow run. */
  name: string
  /** GITHUB_RUN_ID when it is a run id (digits); kept by re-runs and later attempts. */
  runId?: string
  /** GITHUB_RUN_NUMBER when it is a positive whole number. */
  runNumber?: number
  /** The repository and workflow file the run belongs to (GITHUB_REPOSITORY + the path of GITHUB_WORKFLOW_REF), when known. */
  workflow?: string
}

export function runEventOf(env: NodeJS.ProcessEnv): RunEvent {
  const event: RunEvent = { name: (env.GITHUB_EVENT_NAME ?? '').trim() }
  const runId = (env.GITHUB_RUN_ID ?? '').trim()
  if (/^\d{1,20}$/.test(runId)) event.runId = runId
  const runNumber = (env.GITHUB_RUN_NUMBER ?? '').trim()
  if (/^\d{1,15}$/.test(runNumber) && Number(runNumber) >= 1) event.runNumber = Number(runNumber)
  const repository = (env.GITHUB_REPOSITORY ?? '').trim()
  // owner/repo/.github/workflows/file.yml@refs/heads/main: the file, without the ref (all branches share a cap).
  const ref = (env.GITHUB_WORKFLOW_REF ?? '').trim()
  const file = ref.includes('@') ? ref.slice(0, ref.lastIndexOf('@')) : ref
  if (/^[^/\s]+\/[^/\s]+$/.test(repository) && file.startsWith(`${repository}/`) && file.length <= 1_000) event.workflow = file
  return event
}

/**
 * The cron that triggered a `schedule` event, from the event payload; a problem (text that follows "the cron
 * that triggered this run is unknown: ") when it cannot be read.
 */
export function triggeringCron(env: NodeJS.ProcessEnv): { cron: string } | { problem: string } {
  const file = env.GITHUB_EVENT_PATH ?? ''
  if (file === '') return { problem: 'GITHUB_EVENT_PATH is not set' }
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    return { problem: `the event file cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})` }
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) return { problem: 'the event file is not a regular file' }
    if (stats.size > MAX_EVENT_FILE_BYTES) return { problem: `the event file is over ${MAX_EVENT_FILE_BYTES} bytes` }
    const buffer = Buffer.alloc(stats.size)
    let read = 0
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, null)
      if (n === 0) break
      read += n
    }
    let payload: unknown
    try {
      payload = JSON.parse(buffer.subarray(0, read).toString('utf8'))
    } catch {
      return { problem: 'the event file is not JSON' }
    }
    const cron = (payload as { schedule?: unknown } | null)?.schedule
    if (typeof cron !== 'string' || cron.trim() === '' || cron.length > 200) return { problem: "the event payload has no 'schedule' text" }
    return { cron }
  } catch (error) {
    return { problem: `the event file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` }
  } finally {
    closeSync(fd)
  }
}
