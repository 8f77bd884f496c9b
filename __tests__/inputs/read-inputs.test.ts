import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { readInputs } from '../../src/inputs/read-inputs'
import { INPUT_DEFAULTS, parseDurationText, parseSizeText } from '../../src/inputs/scalar-inputs'
import { REQUEST_INPUTS } from '../../src/models'
import { identicalRequests } from '../../src/run/identical-requests'

const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-inputs-'))

function read(inputs: Record<string, string>) {
  return readInputs((name) => inputs[name] ?? '', { GITHUB_WORKSPACE: workspace }, { batchProblems: identicalRequests })
}

function problems(inputs: Record<string, string>): string[] {
  const result = read(inputs)
  return result.ok ? [] : result.problems
}

const KEY = { 'api-key': 'sk-test' }

describe('action.yml', () => {
  const action = parseYaml(readFileSync(path.resolve(__dirname, '../../action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string; required?: boolean }>
    outputs: Record<string, unknown>
    runs: { using: string; main: string; post?: string }
  }

  it('runs the bundle on node24, with a post step', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js' })
  })

  it('declares the same defaults the code applies when run outside the runner', () => {
    const declared = Object.fromEntries(
      Object.entries(action.inputs)
        .filter(([, spec]) => spec.default !== undefined)
        .map(([name, spec]) => [name, String(spec.default)]),
    )
    expect(declared).toEqual(INPUT_DEFAULTS)
  })

  it('declares every request field and run setting the code reads', () => {
    const read = new Set<string>()
    readInputs((name) => (read.add(name), ''), { GITHUB_WORKSPACE: workspace })
    for (const name of [...REQUEST_INPUTS, ...read]) expect(Object.keys(action.inputs)).toContain(name)
    expect(action.inputs['api-key']?.required).toBe(true)
  })

  it('declares every output', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        'asset-id',
        'cache-hit',
        'content-credentials',
        'credits',
        'left-running',
        'matrix',
        'matrix-file',
        'progress',
        'result',
        'result-file',
        'results',
        'results-file',
        'status',
        'task-id',
        'video-path',
        'video-sha256',
        'video-duration',
        'video-width',
        'video-height',
        'video-codec',
        'video-has-audio',
        'video-url',
      ].sort(),
    )
  })
})

describe('readInputs', () => {
  it('reads a minimal single clip with defaults', () => {
    const result = read({ ...KEY, prompt: 'a fox' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.batch).toBe(false)
    expect(result.settings).toMatchObject({
      baseUrl: 'https://api.foxapi.cc',
      wait: true,
      timeoutMs: 15 * 60_000,
      pollIntervalMs: 30_000,
      requestTimeoutMs: 30_000,
      download: true,
      maxDownloadBytes: 500 * 1024 * 1024,
      verify: 'fail',
      cancelOnTimeout: false,
      cache: true,
      concurrency: 2,
      failFast: false,
    })
    expect(result.clips).toEqual([
      { name: 'clip', outputPath: 'foxapi-videos/{task-id}.mp4', request: expect.objectContaining({ prompt: 'a fox' }) },
    ])
  })

  it('requires the api key and a prompt, naming both', () => {
    expect(problems({})).toEqual([
      "Input 'api-key' is required: pass it from a secret, e.g. api-key: ${{ secrets.FOXAPI_API_KEY }}",
      "Input 'prompt' (or 'prompt-file') is required",
    ])
  })

  it.each([
    ['base-url', 'http://api.example.com', /must use https/],
    ['base-url', 'not a url', /must be a URL/],
    ['base-url', 'https://user:pw@api.example.com', /must not carry credentials/],
    ['timeout', 'soon', /Input 'timeout' must be a duration/],
    ['poll-interval', '0', /Input 'poll-interval' must be a duration/],
    ['wait', 'yes please', /Input 'wait' must be true or false/],
    ['max-download-size', '12 parsecs', /Input 'max-download-size' must be a size/],
    ['verify', 'strict', /^Input 'verify' must be fail, warn or off \(got "strict"\)$/],
    ['concurrency', '0', /Input 'concurrency' must be a whole number from 1 to 10/],
    ['concurrency', '11', /Input 'concurrency'/],
    ['task-id', 'bad id with spaces', /Input 'task-id' must be a FoxAPI task id/],
  ])('rejects %s = %j', (name, value, pattern) => {
    expect(problems({ ...KEY, prompt: 'x', [name]: value }).some((p) => pattern.test(p))).toBe(true)
  })

  it('allows plain http only for loopback base URLs', () => {
    expect(problems({ ...KEY, prompt: 'x', 'base-url': 'http://127.0.0.1:8080' })).toEqual([])
    expect(problems({ ...KEY, prompt: 'x', 'base-url': 'http://localhost:8080/' })).toEqual([])
    // The download policy's judgement of loopback, every spelling of it (see __tests__/security/internal-hosts.test.ts).
    for (const url of ['http://localhost.:8080', 'http://LOCALHOST:8080', 'http://[::1]:8080', 'http://[::ffff:127.0.0.1]:8080']) {
      expect(problems({ ...KEY, prompt: 'x', 'base-url': url }), url).toEqual([])
    }
    // Carrying 127.0.0.1 for a translator is not this machine: the key would cross the network in plain text.
    for (const url of ['http://10.0.0.1', 'http://[64:ff9b::7f00:1]', 'http://[::127.0.0.1]', 'http://api.foxapi.cc']) {
      expect(problems({ ...KEY, prompt: 'x', 'base-url': url }), url).toEqual([expect.stringMatching(/Input 'base-url' must use https/)])
    }
  })

  it('reads the prompt from a UTF-8 file and rejects others by name', () => {
    writeFileSync(path.join(workspace, 'prompt.txt'), 'A red fox, golden hour ✨\n')
    const ok = read({ ...KEY, 'prompt-file': 'prompt.txt' })
    expect(ok.ok && ok.clips[0]?.request?.prompt).toBe('A red fox, golden hour ✨')

    writeFileSync(path.join(workspace, 'latin1.txt'), Buffer.from([0x66, 0x6f, 0x78, 0xe9, 0xff]))
    expect(problems({ ...KEY, 'prompt-file': 'latin1.txt' })).toEqual(["Input 'prompt-file': latin1.txt is not UTF-8 text"])
    expect(problems({ ...KEY, 'prompt-file': 'missing.txt' })[0]).toMatch(/^Input 'prompt-file': file missing.txt not found/)
    writeFileSync(path.join(workspace, 'huge.txt'), 'x'.repeat(70_000))
    expect(problems({ ...KEY, 'prompt-file': 'huge.txt' })[0]).toMatch(/^Input 'prompt-file': huge.txt is 70000 bytes/)
    expect(problems({ ...KEY, prompt: 'x', 'prompt-file': 'prompt.txt' })).toEqual([
      "Inputs 'prompt' and 'prompt-file' are both set: use one",
    ])
  })

  it('reads a prompt file with Windows line ends (\\r\\n) as the same prompt', () => {
    writeFileSync(path.join(workspace, 'unix.txt'), 'Wide shot of a fox.\nThen a close-up.\n')
    writeFileSync(path.join(workspace, 'windows.txt'), 'Wide shot of a fox.\r\nThen a close-up.\r\n')
    const unix = read({ ...KEY, 'prompt-file': 'unix.txt' })
    const windows = read({ ...KEY, 'prompt-file': 'windows.txt' })
    expect(windows.ok && windows.clips[0]?.request?.prompt).toBe('Wide shot of a fox.\nThen a close-up.')
    expect(windows.ok && windows.clips[0]?.request).toEqual(unix.ok && unix.clips[0]?.request)
  })

  it('resumes a task by id without request inputs', () => {
    const result = read({ ...KEY, 'task-id': 'task-unified-1757165031-uyujaw3d' })
    expect(result.ok && result.clips).toEqual([
      { name: 'task-unified-1757165031-uyujaw3d', taskId: 'task-unified-1757165031-uyujaw3d', outputPath: 'foxapi-videos/{task-id}.mp4' },
    ])
  })
})

describe('readInputs: batch', () => {
  it('reads a batch file, with shared defaults from the single-clip inputs', () => {
    writeFileSync(
      path.join(workspace, 'clips.yml'),
      'clips:\n  - prompt: a fox\n    output: out/fox.mp4\n  - prompt: a hen\n    name: hen\n    aspect-ratio: "1:1"\n  - prompt: an owl\n',
    )
    const result = read({ ...KEY, batch: 'clips.yml', mode: 'pro', duration: '8' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.batch).toBe(true)
    expect(result.clips.map((c) => [c.name, c.outputPath, c.request?.mode, c.request?.duration, c.request?.aspect_ratio])).toEqual([
      ['fox', 'out/fox.mp4', 'pro', 8, '16:9'],
      ['hen', 'foxapi-videos/{name}.mp4', 'pro', 8, '1:1'],
      ['clip-3', 'foxapi-videos/{name}.mp4', 'pro', 8, '16:9'],
    ])
  })

  it('reads inline JSON', () => {
    const result = read({ ...KEY, batch: '[{"prompt": "a"}, {"prompt": "b", "duration": 3}]' })
    expect(result.ok && result.clips.map((c) => c.request?.duration)).toEqual([5, 3])
  })

  it('names the entry and field of every bad entry', () => {
    const result = problems({
      ...KEY,
      batch: '- prompt: fine\n- prompt: bad\n  duration: 99\n- just text\n- prompt: dup\n  name: clip-1\n- prompt: x\n  colour: red\n',
    })
    expect(result).toEqual([
      "batch item 2 'duration' must be a whole number of seconds from 3 to 15 (got 99)",
      'batch item 3: must be a mapping of request fields (prompt, duration, ...) and output',
      "batch item 4 'name' repeats 'clip-1': each clip needs its own name",
      "batch item 5: unknown field 'colour'",
    ])
  })

  it('rejects malformed and empty batches', () => {
    expect(problems({ ...KEY, batch: '[{"prompt": ' })[0]).toMatch(/^Input 'batch' is not valid JSON or YAML/)
    expect(problems({ ...KEY, batch: '[]' })[0]).toMatch(/^Input 'batch' must be a non-empty list/)
    expect(problems({ ...KEY, batch: 'nope.yml' })[0]).toMatch(/^Input 'batch': file nope.yml not found/)
    expect(problems({ ...KEY, batch: '- prompt: a', 'task-id': 'task-1' })).toContain(
      "Inputs 'batch' and 'task-id' cannot be used together: to collect a batch entry's task, add task-id to that entry",
    )
  })

  it("takes an entry's task-id (to collect it) and cache-key (to tell takes apart)", () => {
    const result = read({
      ...KEY,
      batch: '- prompt: a\n  task-id: task-unified-1-abc\n- task-id: task-unified-2-def\n  name: b\n- prompt: a\n  cache-key: 2\n',
    })
    expect(result.ok && result.clips.map((c) => [c.name, c.taskId, c.cacheKey, c.request?.prompt])).toEqual([
      ['clip-1', 'task-unified-1-abc', undefined, 'a'],
      ['b', 'task-unified-2-def', undefined, undefined],
      ['clip-3', undefined, '2', 'a'],
    ])
    expect(problems({ ...KEY, batch: '- prompt: a\n  task-id: ../x\n' })).toEqual([
      "batch item 1 'task-id' must be a FoxAPI task id such as task-unified-1757165031-uyujaw3d",
    ])
  })

  it('refuses entries that send the same request', () => {
    expect(problems({ ...KEY, batch: '- prompt: a\n- prompt: " a"\n  mode: standard\n- prompt: b\n' })).toEqual([
      "batch entries 'clip-1' and 'clip-2' send the same request: give each take its own 'cache-key' (e.g. cache-key: take-2), or remove one",
    ])
  })
})

describe('readInputs: hostile values', () => {
  const hostile = [
    '{',
    '[',
    '- a: b\n  - c',
    '!!binary AAAA',
    '&a [*a, *a, *a]',
    '*undefined-alias',
    'null',
    '~',
    '-1',
    '1e999',
    'NaN',
    '{"prompt": null}',
    '[{"prompt": {"nested": [1, 2]}, "duration": [5]}]',
    'x'.repeat(200_000),
    'nul\u0000byte',
    '../../../../etc/passwd',
    '<<<image_99>>> <<<video_7>>>',
  ]
  const names = [
    'batch',
    'prompt-file',
    'output-path',
    'task-id',
    'timeout',
    'max-download-size',
    'concurrency',
    'wait',
    'base-url',
    ...REQUEST_INPUTS,
  ]

  it('never throws, and every problem names its input', () => {
    for (const name of names) {
      for (const value of hostile) {
        const inputs = { ...KEY, prompt: 'a fox', [name]: value }
        if (name === 'prompt-file') delete (inputs as Record<string, string>).prompt
        const result = read(inputs)
        if (result.ok) continue
        for (const problem of result.problems) {
          expect(problem, `${name} = ${JSON.stringify(value.slice(0, 40))}`).toMatch(/^(Input '|Inputs '|Input: |batch item \d+)/)
          expect(problem).not.toMatch(/\n\s+at /)
          expect(problem.length).toBeLessThan(600)
        }
      }
    }
  })
})

describe('names an object has from its prototype are no input values', () => {
  const HOSTILE_WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']
  const prompt = { ...KEY, prompt: 'a fox' }
  const reference = { ...prompt, model: 'kling-o3-reference-to-video' }
  // Every input whose value is looked up or matched against a fixed set, with the inputs it needs beside it.
  const enumerated: [input: string, others: Record<string, string>, values: (word: string) => string[]][] = [
    ...['dry-run', 'wait', 'download', 'cancel-on-timeout', 'cache', 'fail-fast'].map(
      (name) => [name, prompt, (w: string) => [w, w.toUpperCase()]] as [string, Record<string, string>, (w: string) => string[]],
    ),
    ['max-download-size', prompt, (w) => [w, `1${w}`, `1 ${w}`]],
    ...['timeout', 'poll-interval', 'request-timeout'].map(
      (name) => [name, prompt, (w: string) => [w, `1${w}`, `10s${w}`]] as [string, Record<string, string>, (w: string) => string[]],
    ),
    ['concurrency', prompt, (w) => [w]],
    ['max-credits', prompt, (w) => [w, `1${w}`]],
    ['mode', prompt, (w) => [w]],
    ['aspect-ratio', prompt, (w) => [w]],
    ['duration', prompt, (w) => [w]],
    ['resolution', reference, (w) => [w]],
    ['generate-audio', reference, (w) => [w]],
    ['image-list', prompt, (w) => [`[{"image_url": "https://cdn.example.com/a.png", "type": "${w}"}]`]],
    ['video-list', prompt, (w) => [`[{"video_url": "https://cdn.example.com/a.mp4", "refer_type": "${w}"}]`]],
    ['video-list', prompt, (w) => [`[{"video_url": "https://cdn.example.com/a.mp4", "keep_original_sound": "${w}"}]`]],
    ...['verify', 'reuse', 'pick', 'budget-period', 'timezone'].map(
      (name) => [name, prompt, (w: string) => [w, w.toUpperCase()]] as [string, Record<string, string>, (w: string) => string[]],
    ),
  ]

  it.each(enumerated)("refuses each of them as '%s', naming the input", (input, others, values) => {
    for (const word of HOSTILE_WORDS) {
      for (const value of values(word)) {
        const found = problems({ ...others, [input]: value })
        expect(found, `${input}: ${value}`).toEqual([expect.stringContaining(`'${input}'`)])
      }
    }
  })

  it('refuses them in a batch entry too, naming the entry and the field', () => {
    for (const word of HOSTILE_WORDS) {
      const batch = JSON.stringify([{ name: 'one', prompt: 'a fox', mode: word, 'aspect-ratio': word }])
      expect(problems({ ...KEY, batch })).toEqual([
        expect.stringMatching(/^batch item 1 'mode' must be/),
        expect.stringMatching(/^batch item 1 'aspect-ratio' must be/),
      ])
    }
  })

  it('takes them as a model name only as an unknown model (sent as given, FoxAPI decides), never as a known one', () => {
    for (const word of HOSTILE_WORDS) {
      const result = read({ ...prompt, model: word })
      expect(result.ok && result.notices).toEqual([expect.stringContaining(`Model '${word}' is not one this action knows`)])
    }
  })

  it('never asks for a key because of them, nor lifts the download cap', () => {
    expect(problems({ prompt: 'a fox', 'dry-run': 'constructor' })).toEqual(
      expect.arrayContaining([
        expect.stringContaining("'dry-run' must be true or false"),
        expect.stringContaining("'api-key' is required"),
      ]),
    )
    expect(parseSizeText('1constructor')).toBeUndefined()
    expect(parseSizeText('1e400')).toBeUndefined()
    expect(parseDurationText('1constructor')).toBeUndefined()
  })
})

describe('batch entry names', () => {
  it('are compared ignoring case and Unicode normalisation', () => {
    const batch = JSON.stringify([
      { name: 'café'.normalize('NFC'), prompt: 'a' },
      { name: 'café'.normalize('NFD'), prompt: 'b' },
      { name: 'Fox', prompt: 'c' },
      { name: 'fox', prompt: 'd' },
    ])
    expect(problems({ ...KEY, batch })).toEqual([
      expect.stringContaining(
        `batch item 2 'name' '${'café'.normalize('NFD')}' is '${'café'.normalize('NFC')}' in another case or Unicode form`,
      ),
      expect.stringMatching(/^batch item 4 'name' 'fox' is 'Fox' in another case or Unicode form/),
    ])
  })

  it('are refused when too long or holding what an artifact name cannot, before anything is sent', () => {
    const batch = JSON.stringify([
      { name: 'x'.repeat(101), prompt: 'a' },
      { name: 'fox/owl', prompt: 'b' },
      { name: 'CONIN$', prompt: 'c' },
    ])
    expect(problems({ ...KEY, batch })).toEqual([
      "batch item 1 'name' is 101 characters long; at most 100 are allowed",
      expect.stringMatching(/^batch item 2 'name' has '\/', which an artifact name or a file name cannot hold/),
      expect.stringMatching(/^batch item 3 'name' is a device name on Windows/),
    ])
  })
})
