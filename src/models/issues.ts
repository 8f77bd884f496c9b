// A problem with a request, in words that name the input the user wrote: `Input 'duration' must be …`,
// `batch item 2 'image-list' item 1, field 'type' …`, `Input: unknown field …`.
import type { z } from 'zod'

/** `Input 'duration' must be …`, `batch item 2 'image-list' item 1, field 'type' …`, `Input: unknown field …`. */
export function describeIssue(issue: z.core.$ZodIssue, label: string): string {
  const [field, ...rest] = issue.path
  if (issue.code === 'unrecognized_keys') {
    const where = field === undefined ? label : `${label} '${String(field)}'${itemPath(rest)}`
    return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`
  }
  if (field === undefined) return `${label}: ${issue.message}`
  return `${label} '${String(field)}'${itemPath(rest)} ${issue.message}${received(issue)}`
}

/** A problem a rule found, as an issue at `path`. */
export function customIssue(path: PropertyKey[], message: string): z.core.$ZodIssue {
  const issue: z.core.$ZodIssue = { code: 'custom', path, message, input: undefined }
  return issue
}

/** ` (got "20")` for short scalar values, so the message shows what was wrong. */
function received(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') return ''
  const input: unknown = issue.input
  if (typeof input === 'number' || typeof input === 'boolean') return ` (got ${String(input)})`
  if (typeof input === 'string' && input.length <= 60 && !input.includes('\n')) return ` (got ${JSON.stringify(input)})`
  return ''
}

function itemPath(rest: PropertyKey[]): string {
  return rest.map((part) => (typeof part === 'number' ? ` item ${part + 1}` : ` field '${String(part)}'`)).join(',')
}
