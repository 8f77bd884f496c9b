// What the post step does about tasks a killed main step left running (src/run/left-tasks.ts), in process against
// the FoxAPI simulator: without cancel-on-timeout it only names them; with it, it asks about each and tries to
// cancel it, saying what became of it, and never throws for one task's trouble.
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { startFoxApiSimulator, type FoxApiSimulator, type SimulatorOptions } from '../../simulator/foxapi-simulator'
import { reportLeftTasks, settleLeftTasks } from '../../src/run/left-tasks'
import { API_KEY, checkKeyAndClose, requestsTo } from '../support/fixtures'
import { taskMadeElsewhere } from '../support/run-deps'
import { captureStdout, type StdoutCapture } from '../support/stdout'

let stdout: StdoutCapture
beforeEach(() => {
  stdout = captureStdout()
})
afterEach(() => stdout.restore())

async function simulator(options: SimulatorOptions = {}): Promise<FoxApiSimulator> {
  const sim = await startFoxApiSimulator({ taskDurationMs: 30_000, ...options })
  onTestFinished(() => checkKeyAndClose(sim))
  return sim
}

const running = (sim: FoxApiSimulator) => taskMadeElsewhere(sim, { model: 'kling-o3-ref', prompt: 'left running' })

describe('reportLeftTasks', () => {
  it('names each task, says it may be billed, and how to collect it', () => {
    reportLeftTasks(['task-unified-1-a', 'task-unified-1-b'])
    expect(stdout.text()).toBe(
      [
        '::warning::Task task-unified-1-a keeps running at FoxAPI and may be billed (cancel-on-timeout: false). Collect it later without paying again: re-run with task-id: task-unified-1-a.',
        '::warning::Task task-unified-1-b keeps running at FoxAPI and may be billed (cancel-on-timeout: false). Collect it later without paying again: re-run with task-id: task-unified-1-b.',
        '',
      ].join('\n'),
    )
  })
})

describe('settleLeftTasks', () => {
  it('without cancel, only names the tasks: nothing is sent', async () => {
    const sim = await simulator()
    await settleLeftTasks(['task-unified-1-a'], { cancel: false, apiKey: API_KEY, baseUrl: sim.url })
    expect(sim.requests).toEqual([])
    expect(stdout.text()).toContain('::warning::Task task-unified-1-a keeps running at FoxAPI and may be billed')
  })

  it('cancels a running task where FoxAPI can, and says so', async () => {
    const sim = await simulator({ cancelRoute: true })
    const task = await running(sim)
    await settleLeftTasks([task.id], { cancel: true, apiKey: API_KEY, baseUrl: sim.url })
    expect(sim.tasks.get(task.id)?.status).toBe('cancelled')
    expect(stdout.text()).toContain(
      `Task ${task.id}, left running when the main step stopped: The task was cancelled at FoxAPI (its reply says cancelled).`,
    )
    expect(stdout.text()).not.toContain('::warning::')
  })

  it('warns that a task keeps running where FoxAPI has no cancel route, and how to collect it', async () => {
    const sim = await simulator()
    const task = await running(sim)
    await settleLeftTasks([task.id], { cancel: true, apiKey: API_KEY, baseUrl: sim.url })
    expect(requestsTo(sim, 'POST', /\/cancel$/)).toHaveLength(1)
    expect(stdout.text()).toContain(
      `::warning::FoxAPI cannot cancel tasks (HTTP 404 on the cancel call; its reference documents no cancel route): task ${task.id} keeps running at FoxAPI and may be billed. Collect it later without paying again: re-run with task-id: ${task.id}.`,
    )
  })

  it('says a task that ended meanwhile needs nothing, and goes on past one it cannot check', async () => {
    const sim = await simulator({ taskDurationMs: 1 })
    const done = await running(sim)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await settleLeftTasks(['task-unified-1700000000-gonegone', done.id], { cancel: true, apiKey: API_KEY, baseUrl: sim.url })
    expect(stdout.text()).toMatch(
      /::warning::Could not check task task-unified-1700000000-gonegone: .*404.*\. It may still run at FoxAPI and be billed\. Collect it later without paying again: re-run with task-id: task-unified-1700000000-gonegone\./,
    )
    expect(stdout.text()).toContain(`Task ${done.id} had already ended completed.`)
    expect(requestsTo(sim, 'POST', /\/cancel$/)).toEqual([])
  })

  it('sends nothing without a key or a base URL', async () => {
    const sim = await simulator()
    await settleLeftTasks(['task-unified-1-a'], { cancel: true, apiKey: '', baseUrl: sim.url })
    await settleLeftTasks(['task-unified-1-a'], { cancel: true, apiKey: API_KEY, baseUrl: '' })
    expect(sim.requests).toEqual([])
    expect(stdout.text()).toBe('')
  })
})
