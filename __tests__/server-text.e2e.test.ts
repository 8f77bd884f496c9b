// Text from the server is data: never a workflow command, never live Markdown, never the key. Each test runs
// the built action against a hostile local server (support/hostile-server) that says what today's main trusted.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { startActionsCacheService } from '../simulator/actions-cache-service'
import { everythingWritten, type ActionRun } from '../simulator/actions-runner'
import { runAction, unpacked } from './support/fixtures'
import { TASK_ID, completed, envelope, hostile, hostileInputs, json } from './support/hostile-server'
import { escapeHtml } from '../src/report/summary'

const inputs = hostileInputs

/**
 * Workflow commands in the log that the action did not issue: any `##[`, a command with properties, a mask
 * other than the key's, or a command whose text is the injected one (the server's text on a line of its own).
 */
function injectedCommands(run: ActionRun): string[] {
  return `${run.stdout}\n${run.stderr}`
    .split('\n')
    .filter((line) => /^\s*(::|##\[)/.test(line))
    .filter(
      (line) =>
        !/^::(add-mask::sk-|group::|endgroup::$|debug::|error::|warning::|notice::)/.test(line) || /^::\w+::(old )?pwned/.test(line),
    )
}

const INJECTION =
  'boom\n::error file=src/main.ts,line=1::pwned\n::add-mask::innocent\n##[error]old pwned\n\n[click me](https://evil.example) ![t](https://evil.example/t.png) <img src="https://evil.example/p.png"> **bold**'

describe('server text in the log and the summary', () => {
  it('shows a failed task’s message as one inert line, and as one inert summary cell', async () => {
    const url = (
      await hostile({
        poll: (_req, res, c) => json(res, 200, envelope(c.taskId, { status: 'failed', error: { code: 'x', message: INJECTION } })),
      })
    ).url
    const run = await runAction({ inputs: inputs(url) })
    expect(run.exitCode).toBe(1)
    expect(injectedCommands(run)).toEqual([])
    expect(run.stdout).not.toMatch(/^::add-mask::innocent/m)
    expect(run.stdout).toMatch(
      /^::error::FoxAPI task task-unified-1-hostile failed: x: boom⏎::error file=src\/main.ts,line=1::pwned⏎::add-mask::innocent/m,
    )
    // The summary is one line of HTML (no blank line can end it), links, images and tags are text.
    const html = run.summary.trimEnd()
    expect(html).not.toContain('\n')
    expect(html).toContain('boom⏎::error file=src/main.ts')
    expect(html).toMatch(/<\/p>$/)
    expect(run.summary).not.toMatch(/\n\s*\n[\s\S]*evil/)
    expect(run.summary).not.toContain('[click me]')
    expect(run.summary).not.toContain('<img')
    expect(run.summary).toContain('&#91;click me&#93;(https://evil.example)')
  })

  it('refuses a task id or status holding a line break: nothing of it runs as a command', async () => {
    const first = await hostile({ create: (_req, res) => json(res, 200, envelope(`${TASK_ID}\n::warning::pwned id`)) })
    const run = await runAction({ inputs: inputs(first.url) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Create task failed: FoxAPI's reply is not a task/)
    expect(injectedCommands(run)).toEqual([])
    await first.close()

    const url2 = (
      await hostile({ poll: (_req, res, c) => json(res, 200, envelope(c.taskId, { status: 'processing\n::error::pwned status' })) })
    ).url
    const status = await runAction({ inputs: inputs(url2) })
    expect(status.exitCode).toBe(1)
    expect(status.stdout).toMatch(/Task query failed: FoxAPI's reply is not a task/)
    expect(injectedCommands(status)).toEqual([])
  })

  it('caps a long server message', async () => {
    const url = (
      await hostile({
        poll: (_req, res, c) => json(res, 200, envelope(c.taskId, { status: 'failed', error: { message: 'x'.repeat(50_000) } })),
      })
    ).url
    const run = await runAction({ inputs: inputs(url) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/x{499}…/)
    expect(run.stdout).not.toMatch(/x{501}/)
    expect(run.summary).not.toMatch(/x{501}/)
  })
})

describe('ids', () => {
  it('refuses a poll reply about another task', async () => {
    const server = await hostile({ poll: (_req, res) => json(res, 200, envelope('task-unified-2-someone-else', { status: 'completed' })) })
    const run = await runAction({ inputs: inputs(server.url) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Task query failed: FoxAPI's reply is about another task than task-unified-1-hostile; refused/)
    expect(run.outputs['task-id']).toBe(TASK_ID)
    expect(server.requests.filter((r) => r.path.startsWith('/files/'))).toEqual([])
  })

  it.each(['.', '..'])('refuses %s as the task-id input (before any request) and from the server', async (id) => {
    const server = await hostile({ create: (_req, res) => json(res, 200, envelope(id)) })
    const url = server.url
    const { prompt: _unused, ...resume } = inputs(url, { 'task-id': id })
    const input = await runAction({ inputs: resume })
    expect(input.exitCode).toBe(1)
    expect(input.stdout).toContain("::error::Input 'task-id' must be a FoxAPI task id")
    expect(server.requests).toEqual([])

    const reply = await runAction({ inputs: inputs(url, { 'output-path': 'clips/{task-id}.mp4' }) })
    expect(reply.exitCode).toBe(1)
    expect(reply.stdout).toMatch(/::error::Create task failed: FoxAPI's reply is not a task/)
    expect(reply.outputs['task-id']).toBe('')
    expect(existsSync(path.join(reply.workspace, 'clips'))).toBe(false)
  })
})

describe('the key, echoed by the server', () => {
  // A key with the characters HTML escaping, JSON escaping and the table syntax change.
  const KEY = `sk-test-&'|"\\<echo>`
  const forms = [KEY, JSON.stringify(KEY).slice(1, -1), escapeHtml(KEY), encodeURIComponent(KEY)]

  function expectKeyNowhere(run: ActionRun, extra = ''): void {
    const written = `${everythingWritten(run)}\n${extra}`
    for (const form of forms) expect(written, form).not.toContain(form)
  }

  it('appears in no output, summary, log line or state when echoed in an error message', async () => {
    const url = (
      await hostile({
        create: (_req, res, c) => json(res, 503, { error: { type: 'overloaded', message: `key ${c.key} is busy` } }),
      })
    ).url
    const run = await runAction({ inputs: inputs(url, { 'api-key': KEY }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/Create task failed \(503 overloaded\): key \*\*\* is busy/)
    expectKeyNowhere(run)
  })

  it('appears in no output (raw or JSON), summary, log, state or cache entry when echoed in task fields', async () => {
    const cacheService = await startActionsCacheService()
    try {
      const echo = (id: string, url: string, key: string, status: 'processing' | 'completed') =>
        status === 'completed'
          ? completed(id, url, { model: key, debug: { key, nested: [key] }, usage: { credits_reserved: 5, note: key } })
          : envelope(id, { model: key, debug: { key } })
      const url = (
        await hostile({
          create: (_req, res, c) => json(res, 200, echo(TASK_ID, c.url, c.key, 'processing')),
          poll: (_req, res, c) => json(res, 200, echo(c.taskId, c.url, c.key, 'completed')),
        })
      ).url
      const run = await runAction({ inputs: inputs(url, { 'api-key': KEY, cache: 'true' }), env: cacheService.env })
      expect(run.exitCode, run.visibleLog).toBe(0)
      const result = JSON.parse(run.outputs.result ?? '{}') as Record<string, unknown>
      expect(Object.keys(result).sort()).toEqual([
        'created',
        'id',
        'model',
        'object',
        'progress',
        'results',
        'status',
        'task_info',
        'type',
        'usage',
      ])
      expect(result.model).toBe('***')
      expect(result.usage).toEqual({ credits_reserved: 5 })
      expect(cacheService.entries.length).toBeGreaterThan(0)
      const archives = cacheService.entries.map((e) => unpacked(e.data)).join('\n')
      expect(archives).toContain(TASK_ID) // really unpacked
      expectKeyNowhere(run, archives)
      const cached = readFileSync(run.outputs['video-path'] as string)
      expect(cached.length).toBeGreaterThan(0)
    } finally {
      await cacheService.close()
    }
  })
})
