// Placeholders in prompts and output names: `{date}`, `{weekday}`, `{week}`, `{month}`, `{year}` (in the
// `timezone` input's zone), `{run_number}`, `{name}` (the entry's name) and `{vars.KEY}` (the `variables` input,
// with a batch entry's own `variables` over it). `{{` and `}}` are literal braces. Pure: the caller passes the
// values in, so the same text always expands the same way, and an unknown placeholder or a missing variable is
// an input problem (named after the input and the placeholder) before anything is paid for.
// A few bytes of template can ask for gigabytes (4,000 × `{vars.v}` of a 100 KB variable): so a text is expanded
// only up to its field's limit (a prompt's length, a path's), and past it the expansion stops with a problem.

/** The values placeholders expand to. A value that is not known (no GITHUB_RUN_NUMBER) is a reason instead. */
export interface TemplateValues {
  /** `date`, `weekday`, `week`, `month`, `year`, `run_number`, `name`: the text, or why it is not known. */
  fixed: Record<string, string | { unknown: string }>
  /** `{vars.KEY}`. */
  vars: Record<string, string>
}

/** Placeholders every text may use (beside `{vars.KEY}`), in the order error messages list them. */
export const PLACEHOLDERS = ['date', 'weekday', 'week', 'month', 'year', 'run_number', 'name'] as const

export type Expansion = { ok: true; text: string } | { ok: false; problem: string }

export interface ExpandOptions {
  /** Placeholders left as they are, for a later step to fill in (output names keep `{task-id}` and `{name}`). */
  keep?: readonly string[]
  /**
   * The field's limit: the expanded text, without the white space around it, may not be longer (characters); the
   * expansion stops as soon as it is. `why` says where the limit comes from, for the problem.
   */
  limit?: { maxChars: number; why: string }
}

/**
 * Whether `text`, grown past its limit, is too long for good: longer than the limit without the white space
 * around it, or so long (four times the limit) that no amount of white space makes up for it. Only called when
 * the text grew, so the trim runs at most a few times the limit's length of times.
 */
function pastLimit(text: string, maxChars: number): boolean {
  return text.length > maxChars && (text.length > 4 * maxChars || text.trim().length > maxChars)
}

const PLACEHOLDER = /^[A-Za-z_][\w.-]*$/

/**
 * `text` with every placeholder replaced. `where` names the text in a problem: `Input 'prompt'`,
 * `batch item 2 'output'`.
 */
export function expandTemplate(text: string, values: TemplateValues, where: string, options: ExpandOptions = {}): Expansion {
  let out = ''
  for (let i = 0; i < text.length;) {
    const c = text[i]
    if (c === '}') {
      if (text[i + 1] !== '}') return fail(where, `has a lone '}' at character ${i + 1}: write '}}' for a literal brace`)
      out += '}'
      i += 2
      continue
    }
    if (c !== '{') {
      out += c
      i++
      continue
    }
    if (text[i + 1] === '{') {
      out += '{'
      i += 2
      continue
    }
    const end = text.indexOf('}', i + 1)
    const name = end === -1 ? '' : text.slice(i + 1, end)
    if (end === -1 || !PLACEHOLDER.test(name)) {
      return fail(where, `has a lone '{' at character ${i + 1}: write '{{' for a literal brace, or a placeholder such as {date}`)
    }
    const value = lookUp(name, values, options)
    if (typeof value !== 'string') return fail(where, value.problem)
    out += value
    i = end + 1
    const { limit } = options
    if (limit && value.length > 0 && pastLimit(out, limit.maxChars)) {
      return fail(where, `expands to more than ${limit.maxChars} characters (${limit.why}); it was not expanded further`)
    }
  }
  return { ok: true, text: out }
}

function lookUp(name: string, values: TemplateValues, options: ExpandOptions): string | { problem: string } {
  if (options.keep?.includes(name)) return `{${name}}`
  if (name.startsWith('vars.')) {
    const key = name.slice('vars.'.length)
    const value = Object.hasOwn(values.vars, key) ? values.vars[key] : undefined
    if (value !== undefined) return value
    const known = Object.keys(values.vars)
    return {
      problem: `uses {${name}}, but 'variables' has no '${key}' (${known.length > 0 ? `it has: ${known.slice(0, 20).join(', ')}` : 'none are set'})`,
    }
  }
  const value = Object.hasOwn(values.fixed, name) ? values.fixed[name] : undefined
  if (typeof value === 'string') return value
  if (value !== undefined) return { problem: `uses {${name}}, which is not known here: ${value.unknown}` }
  const known = [...PLACEHOLDERS, ...(options.keep ?? []), 'vars.KEY'].map((p) => `{${p}}`).join(', ')
  return { problem: `uses the unknown placeholder {${name}} (known: ${known}; '{{' and '}}' are literal braces)` }
}

function fail(where: string, problem: string): Expansion {
  return { ok: false, problem: `${where} ${problem}` }
}

/** Whether `text` holds anything a template changes (a placeholder or a doubled brace). */
export function hasTemplate(text: string): boolean {
  return text.includes('{') || text.includes('}')
}

/**
 * A `variables` mapping (the input, or a batch entry's): keys are names usable as `{vars.KEY}`, values are
 * text (numbers and booleans are written as text). Problems are pushed as `<where> ...`.
 */
export function readVariables(value: unknown, where: string, problems: string[]): Record<string, string> {
  if (value === undefined || value === null || value === '') return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where} must be a mapping of names to text, e.g. { product: Foxy, campaign: Winter }`)
    return {}
  }
  const vars: Record<string, string> = {}
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[A-Za-z_][\w-]*$/.test(key)) {
      problems.push(
        `${where} has the name ${JSON.stringify(key.slice(0, 60))}: use letters, digits, '_' and '-' (it is used as {vars.NAME})`,
      )
      continue
    }
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') vars[key] = String(raw)
    else problems.push(`${where} '${key}' must be text (got ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw})`)
  }
  return vars
}
