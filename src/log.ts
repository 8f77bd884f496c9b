// The one way this action writes to the job log. Every line passes the same sanitiser: secrets redacted first,
// then control characters made visible (one call, one line) and workflow-command openings neutralised, so text
// from FoxAPI, the cache or a file is shown as data and never runs as `::add-mask::`, `::error file=…` and the
// like. A unit test refuses direct `core.info`/`core.warning`/… calls anywhere else in src/.
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
  if (typeof text === 'string') core.info(sanitiseLogLine(text))
  else for (const line of text) core.info(sanitiseLogLine(line))
}

/** A debug line (shown with step debug logging on). */
export function debug(text: LogText): void {
  core.debug(lines(text))
}

/** A warning annotation. Lines of an array become lines of one annotation (the runner escapes them). */
export function warning(text: LogText): void {
  core.warning(lines(text))
}

/** An error annotation. */
export function error(text: LogText): void {
  core.error(lines(text))
}

/** A notice annotation. */
export function notice(text: LogText): void {
  core.notice(lines(text))
}

/** Fails the step with an error annotation. */
export function setFailed(text: LogText): void {
  core.setFailed(lines(text))
}

/** Runs `fn` inside a collapsible log group whose title is sanitised like any line. */
export function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  return core.group(sanitiseLogLine(title), fn)
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
