// The test harness (simulator/actions-runner.ts) reads the action's log and file commands as the runner does,
// whatever the line ends: on Windows @actions/core ends every line with \r\n (os.EOL).
import { describe, expect, it } from 'vitest'
import { appendLines, parseFileCommands, renderLogLine } from '../simulator/actions-runner'

describe('the harness reads Windows line ends as the runner does', () => {
  it('parses GITHUB_OUTPUT / GITHUB_STATE records with \\n or \\r\\n line ends', () => {
    const records = (eol: string) =>
      [
        'status<<ghadelimiter_1',
        'completed',
        'ghadelimiter_1',
        'results<<ghadelimiter_2',
        '[{"a":1},',
        '{"b":2}]',
        'ghadelimiter_2',
        '',
      ].join(eol)
    const expected = { status: 'completed', results: '[{"a":1},\n{"b":2}]' }
    expect(parseFileCommands(records('\n'))).toEqual(expected)
    expect(parseFileCommands(records('\r\n'))).toEqual(expected)
  })

  it('turns \\r\\n into \\n in the log, also when a chunk ends between \\r and \\n', () => {
    const chunks = ['::error::one\r', '\n::warning::two\r\n', 'three\r\n\r', '\n']
    const log = chunks.reduce(appendLines, '')
    expect(log).toBe('::error::one\n::warning::two\nthree\n\n')
    expect(log.split('\n').map(renderLogLine)).toEqual(['Error: one', 'Warning: two', 'three', '', ''])
  })

  it('keeps a lone \\r, which is not a line end', () => {
    expect(appendLines('progress 10%\r', 'progress 20%\n')).toBe('progress 10%\rprogress 20%\n')
  })
})
