// The inputs that hold one value each, read as what they mean: switches (true or false), durations, sizes, whole
// numbers, the `base-url` and the `verify` mode, and the defaults action.yml declares for them. A parser that
// finds a bad value pushes a problem named after its input and returns a stand-in, so reading goes on and every
// problem of a step is listed at once, before anything is paid for.
import type { InputName } from '../constants'
import { isLoopbackHost } from '../security/internal-hosts'
import { VERIFY_MODES, type VerifyMode } from './clip-spec'
import { shown } from './input-text'

/** Defaults, identical to action.yml's (a test keeps them in step); the runner applies those, local runs these. */
export const INPUT_DEFAULTS = {
  'base-url': 'https://api.foxapi.cc',
  model: 'kling-o3-ref',
  'upload-cleanup': 'true',
  wait: 'true',
  timeout: '15m',
  'poll-interval': '30s',
  'request-timeout': '30s',
  download: 'true',
  'max-download-size': '500MiB',
  verify: 'fail',
  'cancel-on-timeout': 'false',
  cache: 'true',
  concurrency: '2',
  'fail-fast': 'false',
  'dry-run': 'false',
  reuse: 'auto',
  timezone: 'UTC',
  pick: 'all',
  'budget-period': 'run',
  'github-token': '${{ github.token }}',
} as const

/** Reads one input by its action.yml name (typed, so a misspelt or undeclared input does not compile). */
export type InputReader = (name: InputName) => string

/** An input's text, trimmed, or action.yml's default when it is empty (as the runner applies it). */
export function withDefaults(getInput: InputReader): InputReader {
  return (name) => {
    const value = getInput(name).trim()
    const defaults: Partial<Record<InputName, string>> = INPUT_DEFAULTS
    return value !== '' ? value : Object.hasOwn(defaults, name) ? (defaults[name] ?? '') : ''
  }
}

/**
 * `base-url` without its trailing slashes: https, or plain http to a loopback address only (the key would
 * otherwise cross the network in plain text); no credentials, query or fragment.
 */
export function checkBaseUrl(value: string, problems: string[]): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    problems.push(`Input 'base-url' must be a URL such as ${INPUT_DEFAULTS['base-url']}`)
    return value
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    problems.push("Input 'base-url' must use https (plain http is allowed only for loopback addresses)")
  }
  if (url.username || url.password) problems.push("Input 'base-url' must not carry credentials; use 'api-key'")
  if (url.search || url.hash) problems.push("Input 'base-url' must not have a query or fragment")
  return url.toString().replace(/\/+$/, '')
}

/** `verify`: fail, warn or off, in any case. */
export function parseVerify(value: string, problems: string[]): VerifyMode {
  const mode = VERIFY_MODES.find((m) => m === value.toLowerCase())
  if (mode === undefined) problems.push(`Input 'verify' must be fail, warn or off (got ${shown(value)})`)
  return mode ?? 'fail'
}

// Every lookup table of input text is a Map: a plain object would answer `constructor`, `__proto__` or
// `toString` from its prototype (`dry-run: constructor` read as true, `1constructor` as NaN bytes).
const BOOLEAN_TEXT: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
])

/** A switch: true or false, in any case. */
export function parseBoolean(name: InputName, value: string, problems: string[]): boolean {
  const parsed = BOOLEAN_TEXT.get(value.toLowerCase())
  if (parsed === undefined) problems.push(`Input '${name}' must be true or false (got ${shown(value)})`)
  return parsed ?? false
}

const DURATION_UNITS_MS: ReadonlyMap<string, number> = new Map([
  ['ms', 1],
  ['s', 1_000],
  ['m', 60_000],
  ['h', 3_600_000],
])

/** `600` (seconds), `90s`, `10m`, `1h30m`, `250ms`. */
export function parseDurationText(value: string): number | undefined {
  const text = value.trim().toLowerCase()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1_000)
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(text)) return undefined
  let total = 0
  for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d+)?)(ms|s|m|h)/g)) {
    const unitMs = DURATION_UNITS_MS.get(unit ?? '')
    if (unitMs === undefined) return undefined
    total += Number(amount) * unitMs
  }
  return Math.round(total)
}

/** A duration input in milliseconds, from `minMs` to 6 hours. */
export function parseDuration(name: InputName, value: string, problems: string[], { minMs }: { minMs: number }): number {
  const ms = parseDurationText(value)
  if (ms === undefined || ms < minMs || ms > 6 * 3_600_000) {
    problems.push(
      `Input '${name}' must be a duration such as 600 (seconds), 90s, 10m or 1h, between ${minMs}ms and 6h (got ${shown(value)})`,
    )
    return minMs
  }
  return ms
}

const SIZE_UNITS: ReadonlyMap<string, number> = new Map([
  ['', 1],
  ['b', 1],
  ['k', 1024],
  ['kb', 1024],
  ['kib', 1024],
  ['m', 1024 ** 2],
  ['mb', 1024 ** 2],
  ['mib', 1024 ** 2],
  ['g', 1024 ** 3],
  ['gb', 1024 ** 3],
  ['gib', 1024 ** 3],
])

/** `1048576`, `500MB`, `2GiB` (K/M/G are binary units). */
export function parseSizeText(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim())
  const unit = SIZE_UNITS.get((match?.[2] ?? '').toLowerCase())
  if (!match || unit === undefined) return undefined
  const bytes = Math.floor(Number(match[1]) * unit)
  return Number.isSafeInteger(bytes) ? bytes : undefined
}

/** A size input in bytes, at least one. */
export function parseSize(name: InputName, value: string, problems: string[]): number {
  const bytes = parseSizeText(value)
  if (bytes === undefined || bytes < 1) {
    problems.push(`Input '${name}' must be a size such as 500MiB, 2GiB or a number of bytes (got ${shown(value)})`)
    return 1
  }
  return bytes
}

/** A whole number input from `min` to `max` (digits only: no sign, no exponent). */
export function parseWholeNumber(name: InputName, value: string, min: number, max: number, problems: string[]): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max) {
    problems.push(`Input '${name}' must be a whole number from ${min} to ${max} (got ${shown(value)})`)
    return min
  }
  return n
}
