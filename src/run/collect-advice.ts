// How to collect a task that exists (and is paid for) without paying again: one sentence, for a single clip (the
// `task-id` input) or a batch entry (a `task-id` on that entry, since the input is refused with a batch).
import { cacheClause, collectHint, type CollectOptions } from '../foxapi/cancel'

/** The exact way to collect `taskId` for the clip `name` without paying for another. */
export function collectAdvice(
  name: string,
  taskId: string,
  batch: boolean,
  options: CollectOptions = { longerTimeout: false, cached: false },
): string {
  if (!batch) return collectHint(taskId, options)
  return `Collect it later without paying again: add "task-id: ${taskId}" to the batch entry '${name}' and re-run${options.longerTimeout ? ' (with a longer timeout)' : ''}${cacheClause(options)}.`
}

/** The way to collect a paid clip whose file could not be written, for a single clip or a batch entry. */
export function saveAdvice(name: string, taskId: string, batch: boolean): string {
  return batch
    ? `Collect the paid clip without paying again: add "task-id: ${taskId}" to the batch entry '${name}', with an output that can be written, and re-run (its video-url works for 24 hours).`
    : `Collect the paid clip without paying again: re-run with task-id: ${taskId} and an output-path that can be written (its video-url works for 24 hours).`
}
