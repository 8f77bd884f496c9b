// Summary cells, the summary's size cap, the projection of task replies, and the retry-line throttle.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ClipResult } from '../../src/report/clip-result'
import { MAX_SUMMARY_BYTES } from '../../src/report/actions-io'
import { cell, escapeHtml, renderSummary } from '../../src/report/summary'
import { throttled } from '../../src/log'
import { registerSecret } from '../../src/secrets'
import { taskSchema } from '../../src/foxapi/task'
import { captureStdout } from '../support/stdout'

const result = (fields: Partial<ClipResult> = {}): ClipResult => ({
  name: 'clip',
  decision: { action: 'submit', why: 'a new task' },
  outcome: 'failed',
  status: 'failed',
  taskId: 'task-unified-1-abc',
  cacheHit: false,
  resumed: false,
  elapsedMs: 1_000,
  ...fields,
})

let written: string[]
beforeEach(() => {
  written = captureStdout().written
})
afterEach(() => vi.restoreAllMocks())

describe('summary cells', () => {
  it('redact a key before escaping it, even one with &, quote and |', () => {
    const key = `sk-unit-&'|"<x>`
    registerSecret(key)
    const html = renderSummary([result({ error: `FoxAPI said: bad key ${key}` })], { batch: false })
    expect(html).toContain('bad key ***')
    for (const form of [key, escapeHtml(key), JSON.stringify(key).slice(1, -1)]) expect(html).not.toContain(form)
  })

  it('are one line with no live markup', () => {
    const text = cell('a\n\n<img src=x> [l](https://e.example) ![i](https://e.example/i.png) `c` *b* | d')
    expect(text).not.toMatch(/[\n<>[\]`|]/)
    expect(text).toBe(
      'a⏎⏎&#60;img src=x&#62; &#91;l&#93;(https://e.example) !&#91;i&#93;(https://e.example/i.png) &#96;c&#96; *b* &#124; d',
    )
  })
})

describe('summary size', () => {
  it('leaves rows out, with a note, rather than pass 1 MiB (past it GitHub drops the whole summary)', () => {
    const results = Array.from({ length: 100 }, (_, i) => result({ name: `clip-${i}`, error: '&'.repeat(2_000) }))
    const html = renderSummary(results, { batch: true })
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
    expect(html).toMatch(/\d+ more clip\(s\) not shown: the summary is capped/)
    expect(html).toContain('clip-0')
    const small = renderSummary(results.slice(0, 3), { batch: true })
    expect(small).not.toContain('not shown')
  })
})

describe('task replies are projected onto the known fields', () => {
  it('drops unknown fields, odd optional values and extra usage', () => {
    const task = taskSchema.parse({
      id: 'task-unified-1-abc',
      status: 'completed',
      model: 'kling-o3-ref',
      secret: 'sk-echo',
      results: [{ url: 'https://cdn.example/a.mp4', token: 'sk-echo' }],
      usage: { credits_reserved: 5, user_group: 'sk-echo' },
      progress: 'lots',
      error: { message: 'm'.repeat(10_000), extra: 'sk-echo' },
    })
    expect(JSON.stringify(task)).not.toContain('sk-echo')
    expect(task.progress).toBeUndefined()
    expect(typeof task.error === 'object' && task.error?.message?.length).toBe(500)
  })

  it('refuses ids that are not task ids and statuses that are not words', () => {
    for (const id of ['.', '..', '../x', 'a/b', 'a\nb', '', 'x'.repeat(201)]) {
      expect(taskSchema.safeParse({ id, status: 'processing' }).success, JSON.stringify(id)).toBe(false)
    }
    expect(taskSchema.safeParse({ id: 'task-1', status: 'processing\n::error::x' }).success).toBe(false)
    expect(taskSchema.safeParse({ id: 'task_1:a.b-c', status: 'processing' }).success).toBe(true)
  })
})

describe('retry lines', () => {
  it('show a few of one kind, then one per window with a count', () => {
    let now = 0
    const line = throttled(30_000, 3, () => now)
    for (let i = 0; i < 10; i++) line('503', `busy ${i}`)
    now = 31_000
    line('503', 'busy later')
    line('reset', 'reset 1')
    const lines = written.join('').trim().split('\n')
    expect(lines).toEqual(['busy 0', 'busy 1', 'busy 2', 'busy later (7 more like this not shown)', 'reset 1'])
  })
})

describe('the summary as a person reads it', () => {
  const made = (fields: Partial<ClipResult> = {}) =>
    result({ outcome: 'succeeded', status: 'completed', videoPath: '/runner/work/site/clips/fox.mp4', bytes: 8_121, ...fields })

  it('leads with one headline line: counts, credits, the budget, failures named', () => {
    const html = renderSummary(
      [
        made({ name: 'fox', credits: 5 }),
        result({ name: 'hike', credits: 5, task: { id: 'task-1', status: 'failed', error: { code: 'x', message: 'no' } } }),
        made({ name: 'desk', credits: 5 }),
      ],
      { batch: true, budget: { label: 'December 2026', used: 25, limit: 40 }, workspace: '/runner/work/site' },
    )
    expect(
      html.startsWith('<h3>⚠️ 2 of 3 clips made · 15 credits · December 2026: 25 of 40 credits used · ❌ hike: generation failed</h3>'),
    ).toBe(true)
    // The one that needs attention comes first.
    expect(html.indexOf('<h4>❌ hike')).toBeLessThan(html.indexOf('<h4>✅ fox'))
  })

  it("shows files in the workspace by their workspace path, and scrubs the runner's paths from any text", () => {
    const env = { GITHUB_WORKSPACE: '/home/runner/work/site/site', RUNNER_TEMP: '/home/runner/work/_temp' }
    const saved = { ...process.env }
    Object.assign(process.env, env)
    try {
      const html = renderSummary(
        [
          made({
            videoPath: '/home/runner/work/site/site/clips/fox.mp4',
            error: 'kept at /home/runner/work/site/site/clips/fox.mp4; results in /home/runner/work/_temp/r.json',
            verification: { status: 'mismatch', mismatches: ['aspect ratio 16:9'] },
            outcome: 'failed',
          }),
        ],
        { batch: false },
      )
      expect(html).toContain('<code>clips/fox.mp4</code> · 7.9 KB')
      expect(html).toContain('kept at clips/fox.mp4; results in $RUNNER_TEMP/r.json')
      expect(html).not.toContain('/home/runner')
    } finally {
      process.env = saved
    }
  })

  it('keeps outside text inert, and every element closed, whatever the text holds', () => {
    const html = renderSummary([result({ name: 'x</td></tr><script>', error: '</p><img src=x>' })], { batch: true })
    expect(html).not.toMatch(/<script|<img|<\/td><\/tr><script/)
    const opened = (html.match(/<(h3|h4|p|table|tr|td|th|details|summary|b|code|thead|tbody)\b/g) ?? []).length
    const closed = (html.match(/<\/(h3|h4|p|table|tr|td|th|details|summary|b|code|thead|tbody)>/g) ?? []).length
    expect(closed).toBe(opened)
  })
})
