// The one-value inputs' parsers, in process: each reads its text as what it means or pushes one problem named
// after its input and returns its stand-in.
import { describe, expect, it } from 'vitest'
import {
  checkBaseUrl,
  parseBoolean,
  parseDuration,
  parseDurationText,
  parseSize,
  parseSizeText,
  parseVerify,
  parseWholeNumber,
  withDefaults,
} from '../../src/inputs/scalar-inputs'

/** The value a parser returns and the problems it pushes. */
function parsed<T>(parse: (problems: string[]) => T): { value: T; problems: string[] } {
  const problems: string[] = []
  return { value: parse(problems), problems }
}

describe('withDefaults', () => {
  it("trims an input, and gives action.yml's default for an empty one (none for an input without a default)", () => {
    const input = withDefaults((name) => ({ model: '  mystery  ', timeout: ' ', 'cache-key': '' })[name as string] ?? '')
    expect(input('model')).toBe('mystery')
    expect(input('timeout')).toBe('15m')
    expect(input('wait')).toBe('true')
    expect(input('cache-key')).toBe('')
  })
})

describe('durations and sizes', () => {
  it('parses durations and sizes', () => {
    expect(parseDurationText('600')).toBe(600_000)
    expect(parseDurationText('10m')).toBe(600_000)
    expect(parseDurationText('1h30m')).toBe(5_400_000)
    expect(parseDurationText('250ms')).toBe(250)
    expect(parseDurationText('1.5s')).toBe(1_500)
    expect(parseDurationText('ten')).toBeUndefined()
    expect(parseSizeText('500MiB')).toBe(500 * 1024 ** 2)
    expect(parseSizeText('2 GB')).toBe(2 * 1024 ** 3)
    expect(parseSizeText('1024')).toBe(1024)
    expect(parseSizeText('1 parsec')).toBeUndefined()
  })

  it('takes a duration from its minimum to 6h, else says so and stands in the minimum', () => {
    expect(parsed((p) => parseDuration('timeout', '6h', p, { minMs: 1_000 }))).toEqual({ value: 6 * 3_600_000, problems: [] })
    expect(parsed((p) => parseDuration('timeout', '1s', p, { minMs: 1_000 }))).toEqual({ value: 1_000, problems: [] })
    for (const text of ['6h1ms', '999ms', '-1s']) {
      expect(parsed((p) => parseDuration('timeout', text, p, { minMs: 1_000 }))).toEqual({
        value: 1_000,
        problems: [
          `Input 'timeout' must be a duration such as 600 (seconds), 90s, 10m or 1h, between 1000ms and 6h (got ${JSON.stringify(text)})`,
        ],
      })
    }
  })

  it('takes a size of at least one byte, else says so and stands in one byte', () => {
    expect(parsed((p) => parseSize('max-download-size', '1k', p))).toEqual({ value: 1024, problems: [] })
    expect(parsed((p) => parseSize('max-download-size', '0', p))).toEqual({
      value: 1,
      problems: ['Input \'max-download-size\' must be a size such as 500MiB, 2GiB or a number of bytes (got "0")'],
    })
  })
})

describe('switches, numbers and modes', () => {
  it('reads true and false in any case; anything else is false with a problem', () => {
    expect(parsed((p) => parseBoolean('wait', 'TRUE', p))).toEqual({ value: true, problems: [] })
    expect(parsed((p) => parseBoolean('wait', 'False', p))).toEqual({ value: false, problems: [] })
    expect(parsed((p) => parseBoolean('wait', '1', p))).toEqual({
      value: false,
      problems: ['Input \'wait\' must be true or false (got "1")'],
    })
  })

  it('reads a whole number as digits only, within its range; else the minimum with a problem', () => {
    expect(parsed((p) => parseWholeNumber('concurrency', '10', 1, 10, p))).toEqual({ value: 10, problems: [] })
    for (const text of ['+1', '1e1', '2.0', ' 2', '11', '0']) {
      expect(parsed((p) => parseWholeNumber('concurrency', text, 1, 10, p))).toEqual({
        value: 1,
        problems: [`Input 'concurrency' must be a whole number from 1 to 10 (got ${JSON.stringify(text)})`],
      })
    }
  })

  it('reads verify in any case, standing in fail', () => {
    expect(parsed((p) => parseVerify('WARN', p))).toEqual({ value: 'warn', problems: [] })
    expect(parsed((p) => parseVerify('strict', p))).toEqual({
      value: 'fail',
      problems: ['Input \'verify\' must be fail, warn or off (got "strict")'],
    })
  })
})

describe('checkBaseUrl', () => {
  it('drops trailing slashes and keeps a path', () => {
    expect(parsed((p) => checkBaseUrl('https://api.foxapi.cc///', p))).toEqual({ value: 'https://api.foxapi.cc', problems: [] })
    expect(parsed((p) => checkBaseUrl('https://proxy.example.com/foxapi/', p))).toEqual({
      value: 'https://proxy.example.com/foxapi',
      problems: [],
    })
  })

  it('says every problem of one URL, in order', () => {
    expect(parsed((p) => checkBaseUrl('http://user:pw@api.example.com/?q=1', p)).problems).toEqual([
      "Input 'base-url' must use https (plain http is allowed only for loopback addresses)",
      "Input 'base-url' must not carry credentials; use 'api-key'",
      "Input 'base-url' must not have a query or fragment",
    ])
  })

  it('gives back text that is no URL as it is', () => {
    expect(parsed((p) => checkBaseUrl('api.foxapi.cc', p))).toEqual({
      value: 'api.foxapi.cc',
      problems: ["Input 'base-url' must be a URL such as https://api.foxapi.cc"],
    })
  })
})
