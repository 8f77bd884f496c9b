// Time and size limits are hard: a hostile server cannot make polling a hot loop, keep a request alive past the
// deadline by trickling, fill the memory with a huge or deeply nested reply, or make an output or the summary
// too big to write. Each test runs the built action against support/hostile-server.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { startAction } from '../simulator/actions-runner'
import { CLIP_SHA256, runAction } from './support/fixtures'
import { TASK_ID, completed, hostile, hostileInputs, json, type HostileServer } from './support/hostile-server'

const inputs = hostileInputs

const polls = (s: HostileServer) => s.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/tasks/'))

/** Writes `total` bytes of a never-ending JSON string as the reader asks for them (never all in memory). */
function streamLazily(res: ServerResponse, total: number, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'application/json', ...headers })
  const chunk = Buffer.alloc(64 * 1024, 'a')
  let sent = 0
  res.write('{"id":"x","pad":"')
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length
      if (!res.write(chunk)) return void res.once('drain', pump)
    }
    if (!res.destroyed) res.end('"}')
  }
  pump()
}

describe('Retry-After never makes a hot loop', () => {
  it.each(['0', 'Thu, 01 Jan 1970 00:00:00 GMT', '-5'])('Retry-After: %s still backs off', async (retryAfter) => {
    const s = await hostile({
      poll: (_req, res) => json(res, 503, { error: { type: 'service_unavailable_error', message: 'busy' } }, { 'retry-after': retryAfter }),
    })
    const run = await runAction({ inputs: inputs(s.url, { timeout: '3s' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('processing')
    // Backoff from 100 ms doubling: a handful of polls in 3 s. Today's main sent over a thousand.
    expect(polls(s).length).toBeGreaterThan(1)
    expect(polls(s).length).toBeLessThan(20)
    // Repeated retry lines are throttled: a few, then one per 30 s.
    expect(run.stdout.match(/Task query failed \(503 service_unavailable_error\): busy; retrying/g)?.length ?? 0).toBeLessThanOrEqual(3)
  })
})

describe('the deadline bounds every request', () => {
  it('ends a poll that trickles a byte at a time within the idle timeout, at the deadline', async () => {
    const s = await hostile({
      poll: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 200)
        res.on('close', () => clearInterval(timer))
      },
    })
    const started = Date.now()
    const action = startAction({ inputs: inputs(s.url, { timeout: '3s', 'request-timeout': '2s' }) })
    const guard = setTimeout(() => action.child.kill('SIGKILL'), 25_000)
    const run = await action.done
    clearTimeout(guard)
    // A bound, not a timing: today's main trickles on until killed.
    expect(Date.now() - started).toBeLessThan(3_000 + 5_000)
    expect(run.signal).toBeNull()
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('Task query was stopped: the time limit ran out')
    expect(run.stdout).toMatch(/::error::Timed out after 3s waiting for task task-unified-1-hostile/)
    expect(run.outputs['task-id']).toBe(TASK_ID)
  })
})

describe('reply bodies are capped', () => {
  it.each([
    ['announced with Content-Length', true],
    ['streamed without a length', false],
  ])('refuses a 300 MiB poll reply %s without reading it', async (_label, announced) => {
    const total = 300 * 1024 * 1024
    const s = await hostile({ poll: (_req, res) => streamLazily(res, total, announced ? { 'content-length': String(total + 19) } : {}) })
    const run = await runAction({ inputs: inputs(s.url, { timeout: '3s' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/Task query failed: the reply is over 4194304 bytes; refused without reading it/)
    // What was read per request stays near the cap (the socket buffers a little more).
    expect(s.bytesSent.poll / Math.max(1, polls(s).length)).toBeLessThan(32 * 1024 * 1024)
  })

  it('refuses a reply nested 20,000 deep instead of crashing after the download', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`
    const s = await hostile({
      poll: (_req, res, c) => {
        const body = JSON.stringify(completed(c.taskId, c.url)).replace(/}$/, `,"deep":${deep}}`)
        json(res, 200, body)
      },
    })
    const run = await runAction({ inputs: inputs(s.url, { timeout: '3s' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stderr).not.toMatch(/RangeError|Maximum call stack/)
    expect(run.stdout).toMatch(/Task query failed: FoxAPI's reply is not a task/)
    expect(run.outputs['task-id']).toBe(TASK_ID)
  })
})

describe('outputs and the summary stay within GitHub’s limits, and never hide the result', () => {
  it('writes a result too big for an output to a file and names it in result-file', async () => {
    const s = await hostile({
      poll: (_req, res, c) => {
        const long = (i: number) => `${c.url}/files/${c.taskId}.mp4?part=${i}&pad=${'p'.repeat(8_000)}`
        json(
          res,
          200,
          completed(c.taskId, c.url, {
            results: Array.from({ length: 100 }, (_, i) => ({ url: long(i) })),
            output: { urls: Array.from({ length: 100 }, (_, i) => long(i)) },
          }),
        )
      },
    })
    const run = await runAction({ inputs: inputs(s.url, { download: 'false' }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    for (const [name, value] of Object.entries(run.outputs)) expect(Buffer.byteLength(value), name).toBeLessThanOrEqual(1_000_000)
    expect(run.outputs.result).toBe('')
    const file = run.outputs['result-file'] as string
    try {
      expect(existsSync(file)).toBe(true)
      const result = JSON.parse(readFileSync(file, 'utf8')) as { id: string; results: unknown[] }
      expect(result.id).toBe(TASK_ID)
      expect(result.results).toHaveLength(100)
      expect(run.stdout).toMatch(/::warning::Output 'result' is \d+ bytes, over GitHub's limit of 1000000: written to /)
    } finally {
      rmSync(file, { force: true })
    }
  })

  it('keeps a dry run’s summary cells one line of text, and only warns without GITHUB_STEP_SUMMARY there too', async () => {
    const s = await hostile({})
    const prompt = 'A fox\n\n[click](https://evil.example) <img src="https://evil.example/p.png">\n\nin snow'
    const run = await runAction({ inputs: inputs(s.url, { 'dry-run': 'true', prompt }) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    // One line of HTML (no blank line can end it early): the prompt's line breaks become spaces.
    expect(run.summary.trimEnd()).not.toContain('\n')
    expect(run.summary).toContain('“A fox &#91;click&#93;(https://evil.example) &#60;img')
    expect(run.summary).not.toContain('[click]')
    expect(run.summary).not.toContain('<img')
    expect(run.summary).not.toMatch(/\n\s*\n/)
    const bare = await runAction({ inputs: inputs(s.url, { 'dry-run': 'true' }), env: { GITHUB_STEP_SUMMARY: '' } })
    expect(bare.exitCode, bare.visibleLog).toBe(0)
    expect(bare.stdout).toContain('::warning::No job summary written: GITHUB_STEP_SUMMARY is not set on this runner.')
    expect(s.requests).toEqual([])
  })

  it('only warns without GITHUB_STEP_SUMMARY, and a failing GITHUB_OUTPUT does not hide the clip', async () => {
    const s = await hostile({ poll: (_req, res, c) => json(res, 200, completed(c.taskId, c.url)) })
    const run = await runAction({
      inputs: inputs(s.url),
      env: { GITHUB_STEP_SUMMARY: '', GITHUB_OUTPUT: '/nonexistent-foxapi-dir/output' },
    })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toContain('::warning::No job summary written: GITHUB_STEP_SUMMARY is not set on this runner.')
    expect(run.stdout).toMatch(/::warning::Could not write output 'task-id'/)
    expect(run.stdout).toContain(`(sha256 ${CLIP_SHA256})`)
  })
})

describe('the matrix output stays under the output limit', () => {
  it('refuses entry names past their cap before paying (90 names of 11,500 characters made a 1,036,363-byte matrix)', async () => {
    const s = await hostile({})
    const entries = Array.from({ length: 90 }, (_, i) => ({ name: `${i}-${'n'.repeat(11_500)}`.slice(0, 11_500), prompt: `clip ${i}` }))
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-limits-'))
    writeFileSync(path.join(workspace, 'clips.json'), JSON.stringify(entries))
    try {
      const run = await runAction({ inputs: inputs(s.url, { prompt: '', batch: 'clips.json' }), workspace })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain("::error::batch item 1 'name' is 11500 characters long; at most 100 are allowed")
      expect(s.requests).toEqual([])
      expect(run.outputs.matrix).toBeUndefined()
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })
})
