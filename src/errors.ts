// What a thrown value says, for messages: its text, and the code Node puts on system errors (ENOENT, EBUSY, ...).

/** The message of a thrown value: an Error's message, anything else as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The `code` of a system error (ENOENT, EBUSY, ERR_INVALID_ARG_VALUE, ...), when it has one. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** The first line of a thrown value's message, without a trailing colon (a YAML error goes on with an excerpt). */
export function firstLineOf(error: unknown): string {
  return (messageOf(error).split('\n')[0] ?? '').replace(/:\s*$/, '')
}
