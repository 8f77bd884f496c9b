// What in-process code writes to stdout (@actions/core's workflow commands and log lines), captured so a test
// can assert on it and the test run's own output stays quiet.
import { vi } from 'vitest'

export interface StdoutCapture {
  /** Every chunk written so far, in order. */
  readonly written: string[]
  /** All of it as one text. */
  text(): string
  /** Stops capturing (vi.restoreAllMocks() does too). */
  restore(): void
}

export function captureStdout(): StdoutCapture {
  const written: string[] = []
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    return true
  })
  return { written, text: () => written.join(''), restore: () => spy.mockRestore() }
}
