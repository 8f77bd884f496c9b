// The Actions I/O adapter: step outputs, state for the post step, and the job summary file. Everything written
// here is redacted first. Outputs stay under GitHub's 1 MB per value (bigger ones go to a file whose path is an
// output); the summary stays under its 1 MiB limit. No write can hide the clip's result: each one that fails is
// reported, and the run goes on.
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import type { OutputName } from '../constants'
import * as log from '../log'
import { redact } from '../secrets'
import { messageOf } from '../errors'

/** Largest value written as a step output (GitHub refuses outputs over 1 MB). */
export const MAX_OUTPUT_BYTES = 1_000_000
/** Largest job summary written (GitHub drops a step's whole summary past 1 MiB); rows past it are left out. */
export const MAX_SUMMARY_BYTES = 1_000_000

/** Where a value too big for an output goes instead. */
export interface OversizeOptions {
  /** Output that gets the path of the file the value is written to (default `<name>-file`). */
  fileOutput?: OutputName
  /** The value is in a file another output already names (e.g. `results-file`): write no file, point there. */
  alreadyIn?: string
}

/**
 * Sets a step output, redacted, that may be too big for one. Past {@link MAX_OUTPUT_BYTES} (GitHub refuses
 * outputs over 1 MB) `name` is left empty and the value goes to a new file under RUNNER_TEMP whose path is the
 * output `fileOutput` (default `<name>-file`), or, with `alreadyIn`, the warning points to that output's file.
 * The one mechanism for every output that can grow. Never throws: a failed write is a warning.
 * Returns the file's path when one was written.
 */
export function setOutputOrFile(name: OutputName, value: string, options: OversizeOptions = {}): string | undefined {
  const text = redact(value)
  const bytes = Buffer.byteLength(text)
  if (bytes <= MAX_OUTPUT_BYTES) {
    setOutputSafely(name, text)
    return undefined
  }
  setOutputSafely(name, '')
  const over = `Output '${name}' is ${bytes} bytes, over GitHub's limit of ${MAX_OUTPUT_BYTES}`
  if (options.alreadyIn) {
    log.warning(`${over}: left empty; the file named by output '${options.alreadyIn}' holds it all.`)
    return undefined
  }
  // `<name>-file` is declared in action.yml for each output that can grow (the constants test checks the list).
  const fileOutput = options.fileOutput ?? (`${name}-file` as OutputName)
  try {
    const file = path.join(process.env.RUNNER_TEMP || os.tmpdir(), `foxapi-video-${name}-${randomBytes(4).toString('hex')}.json`)
    writeFileSync(file, text, { mode: 0o600 })
    log.warning(`${over}: written to ${file} (output '${fileOutput}') instead.`)
    setOutputSafely(fileOutput, file)
    return file
  } catch (error) {
    log.warning(`${over}, and it could not be written to a file either (${messageOf(error)}).`)
    return undefined
  }
}

/** core.saveState, redacted, that reports a failure instead of throwing (the post step then has less to go on). */
export function saveStateSafely(name: string, value: string): void {
  try {
    core.saveState(name, redact(value))
  } catch (error) {
    log.warning(`Could not save state '${name}' for the post step (${messageOf(error)}).`)
  }
}

/** core.setOutput that reports a failure (GITHUB_OUTPUT missing or unwritable) instead of throwing. Redacts. */
export function setOutputSafely(name: OutputName, value: string): boolean {
  try {
    core.setOutput(name, redact(value))
    return true
  } catch (error) {
    log.warning(`Could not write output '${name}' (${messageOf(error)}).`)
    return false
  }
}

/**
 * The one way to write a job summary (any module's): redacted, cut to {@link MAX_SUMMARY_BYTES} with a note if it
 * is still too big (past 1 MiB GitHub drops it all), and never throwing: a missing GITHUB_STEP_SUMMARY or a
 * failed write is a warning. Build table cells with {@link cell}.
 */
export async function writeSummaryHtml(html: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    log.warning('No job summary written: GITHUB_STEP_SUMMARY is not set on this runner.')
    return
  }
  let text = redact(html)
  if (Buffer.byteLength(text) > MAX_SUMMARY_BYTES) {
    const note = `\n<p>The rest of this summary is left out: it is capped at ${MAX_SUMMARY_BYTES} bytes.</p>\n`
    // Cut at a line end: the tables are one line each, so a cut never leaves half a tag.
    const cut = Buffer.from(text)
      .subarray(0, MAX_SUMMARY_BYTES - Buffer.byteLength(note))
      .toString('utf8')
    text = `${cut.slice(0, Math.max(0, cut.lastIndexOf('\n')))}${note}`
  }
  try {
    await core.summary.emptyBuffer().addRaw(text).write({ overwrite: false })
  } catch (error) {
    log.warning(`Could not write the job summary (${messageOf(error)}).`)
  } finally {
    core.summary.emptyBuffer()
  }
}
