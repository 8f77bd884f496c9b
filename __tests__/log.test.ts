// The log sanitiser (src/log.ts): one inert line per call, secrets gone before anything else happens, and no
// module but src/log.ts writing to the log directly.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as log from '../src/log'
import { registerSecret, redact } from '../src/secrets'
import { capText, makeVisible } from '../src/security/visible-text'
import { captureStdout } from './support/stdout'

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|mts|cts|js|mjs)$/.test(entry.name) ? [full] : []
  })
}

describe('every log line goes through src/log.ts', () => {
  const LOGGING = 'info|warning|error|notice|setFailed|debug|startGroup|endGroup|group'
  const direct = new RegExp(`\\bcore\\s*\\.\\s*(${LOGGING})\\s*\\(`)
  const named = new RegExp(`import\\s*\\{[^}]*\\b(${LOGGING})\\b[^}]*\\}\\s*from\\s*['"]@actions/core['"]`)
  const raw = /\bconsole\s*\.\s*(log|info|warn|error|debug|trace)\s*\(|\bprocess\s*\.\s*(stdout|stderr)\s*\.\s*write\s*\(/

  it('finds no direct core.info/warning/error/notice/setFailed/debug/group, console.* or process.stdout.write outside src/log.ts', () => {
    const offenders: string[] = []
    const files = sourceFiles(src)
    expect(files.length).toBeGreaterThan(5)
    for (const file of files) {
      if (path.relative(src, file) === 'log.ts') continue
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (direct.test(line) || named.test(line) || raw.test(line))
            offenders.push(`${path.relative(src, file)}:${index + 1}: ${line.trim()}`)
        })
    }
    expect(offenders, 'log through src/log.ts (log.info, log.warning, …), which sanitises every line').toEqual([])
  })
})

describe('every output, state and summary write goes through src/report/actions-io.ts', () => {
  it('finds no direct core.setOutput, core.saveState or summary write outside src/report/actions-io.ts', () => {
    const direct = /\bcore\s*\.\s*(setOutput|saveState)\s*\(|\bsummary\b.*\.write\s*\(/
    const offenders: string[] = []
    for (const file of sourceFiles(src)) {
      if (path.relative(src, file) === path.join('report', 'actions-io.ts')) continue
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (direct.test(line)) offenders.push(`${path.relative(src, file)}:${index + 1}: ${line.trim()}`)
        })
    }
    expect(
      offenders,
      'use setOutputSafely/setOutputOrFile, saveStateSafely and writeSummaryHtml (redacted, size-capped, never throwing)',
    ).toEqual([])
  })
})

describe('the log sanitiser', () => {
  let written: string[]
  beforeEach(() => {
    written = captureStdout().written
  })
  afterEach(() => {
    vi.restoreAllMocks()
    process.exitCode = undefined
  })
  const outputLines = () =>
    written
      .join('')
      .split(/\r?\n/)
      .filter((l) => l !== '')

  it('writes one line per call, whatever the text holds', () => {
    log.info('Task abc\n::error file=x.ts,line=1::pwned\r\n::add-mask::sk\u2028::warning::x')
    expect(outputLines()).toEqual(['Task abc⏎::error file=x.ts,line=1::pwned⏎::add-mask::sk\\u{2028}::warning::x'])
  })

  it('never lets a line start a workflow command', () => {
    log.info('::add-mask::hidden')
    log.info('  ::error::indented')
    log.info('[clip] ##[error]old form anywhere')
    log.info('::stop-commands::token')
    expect(outputLines()).toEqual([
      '\\::add-mask::hidden',
      '  \\::error::indented',
      '[clip] ##\\[error]old form anywhere',
      '\\::stop-commands::token',
    ])
    for (const line of outputLines()) expect(line.trimStart()).not.toMatch(/^::/)
  })

  it('keeps annotations to one command line, and lines the action composed as lines of it', () => {
    log.warning('cache said\n::error::boom')
    log.setFailed(['2 of 3 clips did not finish:', '- a: x\ny', '- b: z'])
    expect(outputLines()).toEqual(['::warning::cache said⏎::error::boom', '::error::2 of 3 clips did not finish:%0A- a: x⏎y%0A- b: z'])
    expect(process.exitCode).toBe(1)
  })

  it('redacts secrets before making text visible (a key split by nothing stays whole)', () => {
    registerSecret('sk-log-test-&\'|"\\key')
    written.length = 0
    log.info(`echo sk-log-test-&'|"\\key and ${JSON.stringify('sk-log-test-&\'|"\\key')}`)
    expect(outputLines()).toEqual(['echo *** and "***"'])
    expect(redact(encodeURIComponent('sk-log-test-&\'|"\\key'))).toBe('***')
  })

  it('shows other control characters as control pictures and bidi overrides as escapes', () => {
    expect(makeVisible('a\u001b[31mred\u0000\u007f\tb\u202eevil\u0085')).toBe('a␛[31mred␀␡ b\\u{202e}evil\\u{85}')
  })

  it('caps outside text, and capping twice changes nothing', () => {
    expect(capText('x'.repeat(501))).toBe(`${'x'.repeat(499)}…`)
    expect(capText(capText('x'.repeat(501)))).toBe(capText('x'.repeat(501)))
    expect(capText('short')).toBe('short')
  })
})

describe('a library that logs by itself (log.quietly)', () => {
  let written: string[]
  beforeEach(() => {
    written = captureStdout().written
  })
  afterEach(() => vi.restoreAllMocks())

  it("turns the library's lines into debug lines, keeps its annotations and this module's lines, and ends with the call", async () => {
    await log.quietly(async () => {
      process.stdout.write('[command]/usr/bin/tar --posix -cf cache.tzst -P -C /w --files-from manifest.txt\n')
      log.info('Submitted task task-1.')
      process.stdout.write('Sent 443 of 443 (100.0%), ')
      await Promise.resolve()
      process.stdout.write('0.1 MBs/sec\n::warning::Failed to save: reserved\n')
    })
    process.stdout.write('after\n')
    expect(written.join('').split('\n')).toEqual([
      '::debug::[command]/usr/bin/tar --posix -cf cache.tzst -P -C /w --files-from manifest.txt',
      'Submitted task task-1.',
      '::debug::Sent 443 of 443 (100.0%25), 0.1 MBs/sec', // % escaped as a command's data is (the runner shows %)
      '::warning::Failed to save: reserved',
      'after',
      '',
    ])
  })

  it('keeps diverting while any of several overlapping calls runs, and a library line cannot start a command', async () => {
    let release: () => void = () => {}
    const first = log.quietly(() => new Promise<void>((resolve) => (release = resolve)))
    await log.quietly(async () => {
      process.stdout.write('::add-mask::nope\n')
    })
    process.stdout.write('tar: still running\n')
    release()
    await first
    process.stdout.write('plain again\n')
    expect(written.join('').split('\n')).toEqual(['::debug::\\::add-mask::nope', '::debug::tar: still running', 'plain again', ''])
  })
})
