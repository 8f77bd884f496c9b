// CreditBudget (src/run/budget.ts): what this step has reserved at FoxAPI and the `max-credits` limit on it (with
// `budget-period`, the period's earlier spending too); its turn (inTurn: one submission at a time under a limit,
// told why none may start) and its count of each create (send); and how a reply's credits figure is read.
import { describe, expect, it } from 'vitest'
import { RequestError } from '../../src/foxapi/request-errors'
import type { Task } from '../../src/foxapi/task'
import { CreditBudget, creditsFigure, creditsReserved, outcomeUnknown, type PeriodSpending } from '../../src/run/budget'

const task = (id: string, credits?: unknown): Task => ({
  id,
  status: 'pending',
  ...(credits !== undefined ? { usage: { credits_reserved: credits } as Task['usage'] } : {}),
})

describe('CreditBudget', () => {
  const task = (id: string, credits?: unknown): Task => ({
    id,
    status: 'pending',
    ...(credits !== undefined ? { usage: { credits_reserved: credits } as Task['usage'] } : {}),
  })

  it('counts the highest figure per submission, also when replies report it released or name every task alike', async () => {
    const budget = new CreditBudget(undefined)
    const first = await budget.submit(async () => task('a', 5))
    const second = await budget.submit(async () => task('a', 3))
    if (!first.submitted || !second.submitted) throw new Error('not submitted')
    first.counted.update(task('a', 7))
    first.counted.update(task('a', 0))
    expect(budget.reserved).toBe(10)
    expect([first.counted.credits, second.counted.credits]).toEqual([7, 3])
    expect(budget.reached).toBe(false)
  })

  it('with a period, counts earlier runs plus this step, keeps the highest figure, and records the total before each create', async () => {
    const recorded: number[] = []
    const budget = new CreditBudget(10, () => {}, {
      period: 'month-2026-12',
      spentEarlier: 4,
      record: async (reserved) => void recorded.push(reserved),
    })
    const sent: string[] = []
    const create = (id: string) => async () => (sent.push(id), task(id, 3))
    const first = await budget.submit(create('a'))
    if (!first.submitted) throw new Error('not submitted')
    first.counted.update(task('a', 3)) // the same figure: nothing new to record
    first.counted.update(task('a', 2)) // a lower one never lowers the count
    const rest = await Promise.all(['b', 'c'].map((id) => budget.submit(create(id))))
    expect(sent).toEqual(['a', 'b']) // 4 + 3 < 10, 4 + 6 ≥ 10
    // Before a's create (the opening record), after a's reply, before b's create, after b's reply.
    expect(recorded).toEqual([0, 3, 3, 6])
    expect(rest[1]).toEqual({
      submitted: false,
      reason:
        "not started: max-credits 10 for month-2026-12 reached (4 credits spent by earlier runs in the period, 6 by this step's tasks)",
    })
  })

  it('with a period, sends no create once a record could not be saved', async () => {
    const period: PeriodSpending = { period: 'month-2026-12', spentEarlier: 0 }
    let saves = 0
    period.record = async () => {
      if (++saves === 3) period.blocked = 'the spend record could not be saved'
    }
    const budget = new CreditBudget(100, () => {}, period)
    let sent = 0
    const outcomes = []
    for (const id of ['a', 'b']) outcomes.push(await budget.submit(async () => (sent++, task(id, 3))))
    expect(sent).toBe(1)
    expect(outcomes[1]).toEqual({ submitted: false, reason: 'not started: the spend record could not be saved' })
  })

  it('with a period whose spend records are not believed, submits nothing at all', async () => {
    const budget = new CreditBudget(10, () => {}, {
      period: 'month-2026-12',
      spentEarlier: 0,
      blocked: 'the spend records cannot be trusted',
    })
    let sent = 0
    const outcome = await budget.submit(async () => (sent++, task('a', 1)))
    expect(sent).toBe(0)
    expect(outcome).toEqual({ submitted: false, reason: 'not started: the spend records cannot be trusted' })
  })

  it('with a period, an unknown create outcome still counts as the limit reached', async () => {
    const budget = new CreditBudget(100, () => {}, { period: 'day-2026-12-02', spentEarlier: 1 })
    const lost = new RequestError('socket hang up', { retryable: false, mayHaveBeenProcessed: true })
    await expect(budget.submit(async () => Promise.reject(lost))).rejects.toThrow('socket hang up')
    const next = await budget.submit(async () => task('b', 1))
    expect(next.submitted).toBe(false)
    expect(budget.reached).toBe(true)
  })

  it('submits nothing once the limit is reached, and says why', async () => {
    const budget = new CreditBudget(10)
    const sent: string[] = []
    const create = (id: string) => async () => (sent.push(id), task(id, 5))
    const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((id) => budget.submit(create(id))))
    expect(sent).toEqual(['a', 'b'])
    expect(outcomes.map((o) => o.submitted)).toEqual([true, true, false, false])
    expect(outcomes[3]).toEqual({
      submitted: false,
      reason: "not started: max-credits 10 reached (10 credits reserved by this step's tasks)",
    })
  })

  it('takes one submission at a time with a limit, so each decision sees the earlier replies', async () => {
    const budget = new CreditBudget(6)
    let inFlight = 0
    let most = 0
    const create = (id: string) => async () => {
      most = Math.max(most, ++inFlight)
      await new Promise((resolve) => setTimeout(resolve, 5))
      inFlight--
      return task(id, 4)
    }
    const outcomes = await Promise.all(['a', 'b', 'c'].map((id) => budget.submit(create(id))))
    expect(most).toBe(1)
    expect(outcomes.map((o) => o.submitted)).toEqual([true, true, false]) // 4 < 6, then 8 ≥ 6
  })

  it('goes on after a create FoxAPI refused, and warns once when replies carry no credits', async () => {
    const warnings: string[] = []
    const budget = new CreditBudget(5, (text) => warnings.push(text))
    const refused = new RequestError('HTTP 422', { status: 422, retryable: false, mayHaveBeenProcessed: true })
    await expect(budget.submit(async () => Promise.reject(refused))).rejects.toThrow('HTTP 422')
    await budget.submit(async () => task('a'))
    await budget.submit(async () => task('b'))
    expect(warnings).toEqual(["FoxAPI's reply for task a reports no usage.credits_reserved, so max-credits cannot count it."])
    expect(budget.reached).toBe(false)
  })

  it.each([
    ['a 502', new RequestError('HTTP 502', { status: 502, retryable: true, mayHaveBeenProcessed: true })],
    ['a reset', new RequestError('ECONNRESET', { networkCode: 'ECONNRESET', retryable: true, mayHaveBeenProcessed: true })],
    ['an error of no known kind', new Error('boom')],
  ])('counts a create that failed with %s as reaching the limit', async (_what, error) => {
    const budget = new CreditBudget(100)
    await expect(budget.submit(async () => Promise.reject(error))).rejects.toThrow()
    expect(budget.reached).toBe(true)
    const next = await budget.submit(async () => task('b', 1))
    expect(next).toEqual({
      submitted: false,
      reason: expect.stringMatching(/counted as reached, because a create request's outcome is unknown/),
    })
  })

  it('counts an unusable figure as reaching the limit', async () => {
    const warnings: string[] = []
    const budget = new CreditBudget(100, (text) => warnings.push(text))
    await budget.submit(async () => task('a', '1e999'))
    expect(budget.reached).toBe(true)
    expect(warnings).toEqual([expect.stringContaining('usage.credits_reserved "1e999" for task a')])
  })
})

describe('CreditBudget.inTurn and send', () => {
  /** An attempt that sends one create in its turn unless refused, recording what it was told and how many ran at once. */
  function attempts(budget: CreditBudget, credits: number) {
    const told: (string | undefined)[] = []
    let running = 0
    let most = 0
    const attempt = (id: string) =>
      budget.inTurn(async (refusal) => {
        told.push(refusal)
        most = Math.max(most, ++running)
        try {
          if (refusal !== undefined) return 'refused'
          await new Promise((resolve) => setTimeout(resolve, 5))
          await budget.send(async () => task(id, credits))
          return 'sent'
        } finally {
          running--
        }
      })
    return { attempt, told, most: () => most }
  }

  it('without a limit, runs every attempt at once and refuses none', async () => {
    const budget = new CreditBudget(undefined)
    const { attempt, told, most } = attempts(budget, 5)
    expect(await Promise.all(['a', 'b', 'c'].map(attempt))).toEqual(['sent', 'sent', 'sent'])
    expect(told).toEqual([undefined, undefined, undefined])
    expect(most()).toBe(3)
    expect(budget.reserved).toBe(15)
  })

  it('under a limit, runs attempts one at a time, and passes the refusal to those after the limit is reached', async () => {
    const budget = new CreditBudget(8)
    const { attempt, told, most } = attempts(budget, 5)
    expect(await Promise.all(['a', 'b', 'c'].map(attempt))).toEqual(['sent', 'sent', 'refused'])
    expect(most()).toBe(1)
    expect(told).toEqual([undefined, undefined, "not started: max-credits 8 reached (10 credits reserved by this step's tasks)"])
    expect(budget.reached).toBe(true)
  })

  it('the attempt decides: one refused in its turn sends nothing, and the next attempt is told the same', async () => {
    const budget = new CreditBudget(5, () => {}, { period: 'week-2026-W49', spentEarlier: 5 })
    let sent = 0
    const refusals = await Promise.all([1, 2].map(() => budget.inTurn(async (refusal) => refusal ?? String(++sent))))
    expect(sent).toBe(0)
    expect(refusals).toEqual([
      "not started: max-credits 5 for week-2026-W49 reached (5 credits spent by earlier runs in the period, 0 by this step's tasks)",
      "not started: max-credits 5 for week-2026-W49 reached (5 credits spent by earlier runs in the period, 0 by this step's tasks)",
    ])
  })

  it('send counts the reply and returns a handle that counts later replies for the same create', async () => {
    const budget = new CreditBudget(100)
    const { task: sentTask, counted } = await budget.send(async () => task('a', 4))
    expect(sentTask.id).toBe('a')
    expect(counted.credits).toBe(4)
    counted.update(task('a', 6))
    counted.update(task('a', 1))
    expect([counted.credits, budget.reserved]).toEqual([6, 6])
  })

  it('send passes on the error of a create whose outcome is unknown, and counts the limit as reached', async () => {
    const budget = new CreditBudget(100)
    const lost = new RequestError('socket hang up', { retryable: false, mayHaveBeenProcessed: true })
    await expect(budget.send(async () => Promise.reject(lost))).rejects.toBe(lost)
    expect(budget.reached).toBe(true)
    expect(await budget.inTurn(async (refusal) => refusal)).toMatch(/counted as reached, because a create request's outcome is unknown/)
  })

  it('send without a limit never counts the limit as reached, whatever fails', async () => {
    const budget = new CreditBudget(undefined)
    await expect(budget.send(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(budget.reached).toBe(false)
    expect(await budget.inTurn(async (refusal) => refusal)).toBeUndefined()
  })
})

describe('outcomeUnknown', () => {
  it.each<[string, unknown, boolean]>([
    ['a 4xx answer', new RequestError('HTTP 422', { status: 422, retryable: false, mayHaveBeenProcessed: true }), false],
    [
      'a refusal at the door (never processed)',
      new RequestError('HTTP 503', { status: 503, retryable: true, mayHaveBeenProcessed: false }),
      false,
    ],
    ['a 5xx answer', new RequestError('HTTP 500', { status: 500, retryable: true, mayHaveBeenProcessed: true }), true],
    ['a reset', new RequestError('ECONNRESET', { retryable: true, mayHaveBeenProcessed: true }), true],
    [
      'a 4xx wrapped as a cause',
      new Error('outer', { cause: new RequestError('HTTP 400', { status: 400, retryable: false, mayHaveBeenProcessed: true }) }),
      false,
    ],
    ['an error of no known kind', new Error('boom'), true],
  ])('%s: %s', (_what, error, unknown) => {
    expect(outcomeUnknown(error)).toBe(unknown)
  })
})

describe('creditsFigure', () => {
  it('reads usage.credits_reserved only when it is a usable number', () => {
    expect([5, '2.5', -1, 'lots', null, Infinity, '1e999', 2_000_000].map((c) => creditsFigure(task('x', c)).kind)).toEqual([
      'credits',
      'credits',
      'unusable',
      'unusable',
      'none',
      'unusable',
      'unusable',
      'unusable',
    ])
    expect(creditsReserved(task('x', '2.5'))).toBe(2.5)
  })
})
