// The one way this action writes to the job log. Every line passes the same sanitiser: secrets redacted first,
// then control characters made visible (one call, one line) and workflow-command openings neutralised, so text
// from FoxAPI, the cache or a file is shown as data and never runs as `::add-mask::`, `::error file=…` and the
// like. A unit test refuses direct `core.info`/`core.warning`/… calls anywhere else in src/.
// What a library writes to the log itself (@actions/cache's tar command lines, "Sent 443 of 443", entry keys) is
// plumbing: inside {@link quietly} it becomes debug lines, shown only with step debug logging on.
import * as core from '@actions/core'
import { redact } from './secrets'
import { makeVisible, neutraliseCommands } from './security/visible-text'

/** What one log call writes: a string (one line), or lines this action composed itself, each sanitised on its own. */
export type LogText = string | readonly string[]

/** Redacts secrets, then makes the text one inert line. Exported for tests and for texts logged elsewhere. */
export function sanitiseLogLine(text: string): string {
  return neutraliseCommands(makeVisible(redact(text)))
}

function lines(text: LogText): string {
  return typeof text === 'string' ? sanitiseLogLine(text) : text.map(sanitiseLogLine).join('\n')
}

/**
 * A plain log line. An array is written as several lines (each sanitised): only for lines the action composes,
 * never for one piece of outside text split on its line breaks.
 */
export function info(text: LogText): void {
  own(() => {
    if (typeof text === 'string') core.info(sanitiseLogLine(text))
    else for (const line of text) core.info(sanitiseLogLine(line))
  })
}

/** A debug line (shown with step debug logging on). */
export function debug(text: LogText): void {
  own(() => core.debug(lines(text)))
}

/** A warning annotation. Lines of an array become lines of one annotation (the runner escapes them). */
export function warning(text: LogText): void {
  own(() => core.warning(lines(text)))
}

/** An error annotation. */
export function error(text: LogText): void {
  own(() => core.error(lines(text)))
}

/** A notice annotation. */
export function notice(text: LogText): void {
  own(() => core.notice(lines(text)))
}

/** Fails the step with an error annotation. */
export function setFailed(text: LogText): void {
  own(() => core.setFailed(lines(text)))
}

/** Runs `fn` inside a collapsible log group whose title is sanitised like any line. */
export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  own(() => core.startGroup(sanitiseLogLine(title)))
  try {
    return await fn()
  } finally {
    own(() => core.endGroup())
  }
}

/**
 * Lines this action composed, written at once as one collapsible group (a batch's clip, printed when it ends, so
 * that clips running side by side never interleave inside a group).
 */
export function groupOf(title: string, body: readonly string[]): void {
  own(() => {
    core.startGroup(sanitiseLogLine(title))
    for (const line of body) core.info(sanitiseLogLine(line))
    core.endGroup()
  })
}

/** How many of this module's own writes are under way (they are synchronous: a count, not a queue). */
let ownWrites = 0
/** How many {@link quietly} calls are running. */
let quietCalls = 0
/** The stdout write in place before {@link quietly} diverted it, while it is diverted, and how to put it back. */
let passThrough: { write: (chunk: string | Uint8Array, ...rest: unknown[]) => boolean; property?: PropertyDescriptor } | undefined
/** A library's line written in pieces, kept until its end comes. */
let partialLine = ''

function own<T>(write: () => T): T {
  ownWrites++
  try {
    return write()
  } finally {
    ownWrites--
  }
}

/**
 * Runs `fn` (a call into a library that logs by itself, such as @actions/cache) with that library's own log lines
 * turned into debug lines: tar command lines, transfer progress and entry keys are plumbing, not news. Its
 * annotations (`::warning::` and the like) stay as they are; this module's own lines are untouched. Calls may
 * overlap (a batch saves several entries at once): stdout is diverted while any of them runs.
 */
export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  if (quietCalls++ === 0) divertStdout()
  try {
    return await fn()
  } finally {
    if (--quietCalls === 0) restoreStdout()
  }
}

function divertStdout(): void {
  const stdout = process.stdout
  const original = stdout.write.bind(stdout) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean
  const property = Object.getOwnPropertyDescriptor(stdout, 'write')
  passThrough = property ? { write: original, property } : { write: original }
  stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (ownWrites > 0) return original(chunk, ...rest)
    takeLibraryText(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'), original)
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
    done?.()
    return true
  }
}

function restoreStdout(): void {
  if (!passThrough) return
  const { write, property } = passThrough
  passThrough = undefined
  takeLibraryText('\n', write)
  partialLine = ''
  // Put back exactly what was there: an own property (a test's spy) as it was, else the stream's own method.
  if (property) Object.defineProperty(process.stdout, 'write', property)
  else delete (process.stdout as { write?: unknown }).write
}

/** A library's annotation is kept as it is; any other line it writes becomes a debug line. */
const LIBRARY_ANNOTATION = /^::(warning|error|notice)( [^:]*)?::/

function takeLibraryText(text: string, write: (chunk: string) => boolean): void {
  const parts = (partialLine + text).split('\n')
  partialLine = parts.pop() ?? ''
  for (const part of parts) {
    const line = part.replace(/\r$/, '')
    if (line.trim() === '') continue
    if (LIBRARY_ANNOTATION.test(line) || line.startsWith('::debug::')) write(`${line}\n`)
    else own(() => core.debug(sanitiseLogLine(line)))
  }
}

/** Lines of one kind shown before {@link throttled} starts holding repeats back. */
const THROTTLE_BURST = 3
const THROTTLE_WINDOW_MS = 30_000

/**
 * A logger for lines that can repeat without end (retries against a failing server): per distinct `key`,
 * the first few lines are written, then at most one per 30 s, saying how many like it were held back.
 */
export function throttled(windowMs = THROTTLE_WINDOW_MS, burst = THROTTLE_BURST, now = Date.now): (key: string, line: string) => void {
  const seen = new Map<string, { count: number; lastAt: number; held: number }>()
  return (key, line) => {
    const entry = seen.get(key) ?? { count: 0, lastAt: 0, held: 0 }
    seen.set(key, entry)
    entry.count++
    if (entry.count > burst && now() - entry.lastAt < windowMs) {
      entry.held++
      return
    }
    info(entry.held > 0 ? `${line} (${entry.held} more like this not shown)` : line)
    entry.held = 0
    entry.lastAt = now()
  }
}
