// One pattern for every task id the action handles: from FoxAPI's replies, the cache, the post step's state
// and the `task-id` input. Ids end up in file names (`{task-id}`), URLs, log lines and the summary, so
// anything else (line breaks, `/`, `.` and `..`, markup, very long text) is refused where it comes in.

/** The longest task id accepted; a `{task-id}` in an output path is checked at this length before paying. */
export const MAX_TASK_ID_LENGTH = 200

/** Letters, digits, `_`, `:`, `-` and `.`, 1–200 characters, not starting with `.` (so never `.` or `..`). */
export const TASK_ID_PATTERN = new RegExp(`^[A-Za-z0-9_:-][A-Za-z0-9._:-]{0,${MAX_TASK_ID_LENGTH - 1}}$`)

/** Whether `value` is a task id the action accepts. */
export function isValidTaskId(value: unknown): value is string {
  return typeof value === 'string' && TASK_ID_PATTERN.test(value)
}

/** What a refused id looks like in a message: never the raw text, which may hold anything. */
export function describeBadTaskId(value: unknown): string {
  if (typeof value !== 'string') return `a ${value === null ? 'null' : typeof value}`
  return `${value.length} characters that are not a task id`
}
