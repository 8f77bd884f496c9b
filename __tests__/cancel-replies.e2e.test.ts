// Honest cancellation (FoxAPI documents no cancel route: both worlds) and FoxAPI's replies as they come:
// completed without a URL, a task standing still until sync_upstream, the lean reply version.
import { afterEach, describe, expect, it } from 'vitest'
import { startAction } from '../simulator/actions-runner'
import { startFoxApiSimulator, type FoxApiSimulator, type SimulatorOptions } from '../simulator/foxapi-simulator'
import { checkKeyAndClose, polls, quickInputs, requestsTo, runAction } from './support/fixtures'

let sim: FoxApiSimulator
afterEach(() => checkKeyAndClose(sim))
async function simulator(options: SimulatorOptions = {}): Promise<FoxApiSimulator> {
  sim = await startFoxApiSimulator({ taskDurationMs: 400, ...options })
  return sim
}
const cancelCalls = () => requestsTo(sim, 'POST', /\/cancel$/)

describe('cancelling, in both worlds', () => {
  it('by default leaves a timed-out task running and says it may be billed and how to collect it', async () => {
    await simulator({ taskDurationMs: 30_000 })
    const run = await runAction({ inputs: quickInputs(sim, { timeout: '1s', cache: 'false' }) })
    expect(run.exitCode).toBe(1)
    const id = run.outputs['task-id'] as string
    expect(cancelCalls()).toHaveLength(0)
    expect(run.outputs['left-running']).toBe('true')
    expect(run.stdout).toMatch(
      new RegExp(
        `::error::Timed out .*Task ${id} keeps running at FoxAPI and may be billed \\(cancel-on-timeout: false\\)\\. .*re-run with task-id: ${id}`,
      ),
    )
    expect(run.summary).toContain('<h3>⏳ Clip: still running at FoxAPI · 5 credits</h3>')
    expect(run.summary).toContain('It may finish, and it is paid for.')
    expect(run.summary).toContain(`Collect it without paying again: re-run with task-id: ${id} (with a longer timeout).`)
    expect(JSON.parse(run.outputs.results ?? '[]')).toMatchObject([{ left_running: true, outcome: 'timed-out' }])
  })

  it('without a cancel route (FoxAPI as documented): tries once, then says the task keeps running, never "cancelled"', async () => {
    await simulator({ taskDurationMs: 30_000 })
    const run = await runAction({ inputs: quickInputs(sim, { timeout: '1s', 'cancel-on-timeout': 'true' }) })
    expect(run.exitCode).toBe(1)
    const id = run.outputs['task-id'] as string
    expect(cancelCalls()).toHaveLength(1)
    expect(sim.tasks.get(id)?.status).toBe('processing')
    expect(run.outputs.status).toBe('processing')
    expect(run.outputs['left-running']).toBe('true')
    expect(run.stdout).toMatch(
      /::error::Timed out .*FoxAPI cannot cancel tasks \(HTTP 404 .*\): task \S+ keeps running at FoxAPI and may be billed\. Collect it later/,
    )
    expect(run.stdout).toContain(`re-run with task-id: ${id}`)
    expect(run.summary).toContain('still running at FoxAPI')
    expect(`${run.stdout}${run.summary}`).not.toMatch(/was cancelled|cancelled at FoxAPI/)
  })

  it('with a cancel route: cancelled only because the reply says so, and not left running', async () => {
    await simulator({ taskDurationMs: 30_000, cancelRoute: true })
    const run = await runAction({ inputs: quickInputs(sim, { timeout: '1s', 'cancel-on-timeout': 'true' }) })
    expect(run.outputs.status).toBe('cancelled')
    expect(run.outputs['left-running']).toBe('false')
    expect(run.stdout).toMatch(/::error::Timed out .*The task was cancelled at FoxAPI \(its reply says cancelled\)\./)
    expect(run.stdout).not.toContain('re-run with task-id')
  })

  it('treats a 405 on the cancel call as "this API cannot cancel"', async () => {
    await simulator({
      taskDurationMs: 30_000,
      cancelRoute: true,
      faults: [{ route: 'cancel', kind: { type: 'status', status: 405, errorType: 'invalid_request_error' } }],
    })
    const run = await runAction({ inputs: quickInputs(sim, { timeout: '1s', 'cancel-on-timeout': 'true' }) })
    expect(run.stdout).toMatch(/FoxAPI cannot cancel tasks \(HTTP 405/)
    expect(run.outputs['left-running']).toBe('true')
  })

  it('post step after a hard kill: without a cancel route it warns that the task keeps running', async () => {
    await simulator({ taskDurationMs: 60_000 })
    const action = startAction({ inputs: quickInputs(sim, { 'cancel-on-timeout': 'true' }) })
    await action.waitForOutput(/Task task-unified-\S+: processing/)
    action.child.kill('SIGKILL')
    const main = await action.done
    const [id] = JSON.parse(main.state['waiting-task-ids'] ?? '[]') as string[]
    const post = await runAction({ inputs: quickInputs(sim, { 'cancel-on-timeout': 'true' }), state: main.state })
    expect(post.exitCode, post.visibleLog).toBe(0)
    expect(sim.tasks.get(id as string)?.status).toBe('processing')
    expect(post.stdout).toMatch(
      new RegExp(`::warning::FoxAPI cannot cancel tasks .*task ${id} keeps running at FoxAPI and may be billed.*task-id: ${id}`),
    )
  })
})

describe('replies as they come', () => {
  it('asks again when completed comes without a URL (sync_upstream first), and takes the URL once it is there', async () => {
    await simulator({ scenario: () => ({ emptyResultsPolls: 2 }) })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.outputs['video-url']).toContain('/files/')
    expect(run.stdout).toContain('is completed but its reply has no video URL; asking again (1 of 4, with sync_upstream)')
    expect(polls(sim).some((r) => r.path.endsWith('?sync_upstream=true'))).toBe(true)
  })

  it('calls it a failure when the URL never comes', async () => {
    await simulator({ scenario: () => ({ emptyResultsPolls: 99 }) })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::FoxAPI task \S+ completed without a video URL, also when asked again 4 times/)
  })

  it('asks a task that stands still with sync_upstream, which moves it on', async () => {
    await simulator({ taskDurationMs: 300, scenario: () => ({ staleUntilSync: true }) })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(run.stdout).toMatch(/shows no progress for \d+s; asking FoxAPI to refresh it \(sync_upstream\)/)
    expect(polls(sim).filter((r) => r.path.endsWith('?sync_upstream=true')).length).toBeGreaterThan(0)
  })

  it('reads the lean reply version (no task_info, four statuses)', async () => {
    await simulator({ replyVersion: 'lean', scenario: () => ({ resultShape: 'output' }) })
    const run = await runAction({ inputs: quickInputs(sim) })
    expect(run.exitCode, run.visibleLog).toBe(0)
    expect(JSON.parse(run.outputs.result ?? '{}')).not.toHaveProperty('task_info')
    expect(run.outputs['video-sha256']).toMatch(/^[0-9a-f]{64}$/)
  })
})
