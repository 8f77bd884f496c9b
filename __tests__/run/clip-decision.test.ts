// decideClip (src/run/clip-decision.ts), the one answer to "what happens to this clip?", as a table: every action,
// the order in which facts win over each other, and the words each cache finding gives a new (paid) task.
import { describe, expect, it } from 'vitest'
import { actionText, decideClip, type CacheFinding, type ClipDecision, type ClipFacts } from '../../src/run/clip-decision'

const EMPTY: CacheFinding = { kind: 'empty' }
const PROVEN_CLIP: CacheFinding = { kind: 'clip', usable: true }
const UNPROVEN_CLIP: CacheFinding = { kind: 'clip', usable: 'unproven' }
const BROKEN_CLIP: CacheFinding = { kind: 'clip', usable: false, why: "the clip failed the structural check 'parses'" }
const PENDING: CacheFinding = { kind: 'pending', taskId: 'task-unified-1-pending' }
const SPENT = "not started: max-credits 10 reached (10 credits reserved by this step's tasks)"
const FAIL_FAST = 'not started: an earlier clip failed (fail-fast)'

describe('decideClip: each action', () => {
  const cases: [string, ClipFacts, ClipDecision][] = [
    [
      'an entry the calendar leaves out is not due',
      { notDue: 'not on Tuesdays', cache: EMPTY },
      { action: 'not-due', why: 'not on Tuesdays' },
    ],
    [
      'a proven cached clip is restored',
      { cache: PROVEN_CLIP },
      { action: 'restore', why: 'the Actions cache holds this clip, proven and checked: nothing is sent to FoxAPI' },
    ],
    [
      "a cached clip the dry run could not prove (no 'api-key') is restored",
      { cache: UNPROVEN_CLIP },
      { action: 'restore', why: "the Actions cache holds an entry for this request (its proof is checked only with 'api-key')" },
    ],
    ['a stopped run skips', { cache: EMPTY, stopped: FAIL_FAST }, { action: 'skip', why: FAIL_FAST }],
    [
      'task-id is resumed',
      { taskId: 'task-unified-1-named', cache: { kind: 'not-asked', why: 'task-id' } },
      { action: 'resume', taskId: 'task-unified-1-named', why: 'task-id names the task to collect' },
    ],
    [
      "an earlier run's task, not asked about yet, is collected",
      { cache: PENDING },
      {
        action: 'collect',
        taskId: 'task-unified-1-pending',
        why: 'an earlier run of this request submitted it (a new task only if it failed, was cancelled or expired)',
      },
    ],
    [
      "an earlier run's task FoxAPI can still deliver is collected",
      { cache: PENDING, pending: { usable: true } },
      {
        action: 'collect',
        taskId: 'task-unified-1-pending',
        why: 'an earlier run of this request submitted it and FoxAPI can still deliver it',
      },
    ],
    ['a spent budget skips', { cache: EMPTY, budgetRefusal: SPENT }, { action: 'skip', why: SPENT }],
    [
      'nothing else is a new task',
      { cache: EMPTY },
      { action: 'submit', why: 'a new task (nothing for this request in the Actions cache)' },
    ],
  ]

  it.each(cases)('%s', (_what, facts, decision) => {
    expect(decideClip(facts)).toEqual(decision)
  })
})

describe('decideClip: which fact wins', () => {
  const cases: [string, ClipFacts, ClipDecision['action']][] = [
    ['not due beats a cached clip', { notDue: 'later', cache: PROVEN_CLIP }, 'not-due'],
    ['not due beats task-id', { notDue: 'later', taskId: 'task-unified-1-a', cache: EMPTY }, 'not-due'],
    [
      'not due beats a stopped run and a spent budget',
      { notDue: 'later', cache: PENDING, stopped: FAIL_FAST, budgetRefusal: SPENT },
      'not-due',
    ],
    ['a usable cached clip is restored in a stopped run', { cache: PROVEN_CLIP, stopped: FAIL_FAST }, 'restore'],
    ['a usable cached clip is restored with the budget spent', { cache: PROVEN_CLIP, budgetRefusal: SPENT }, 'restore'],
    ['an unproven cached clip is restored in a stopped run', { cache: UNPROVEN_CLIP, stopped: FAIL_FAST }, 'restore'],
    ['an unusable cached clip is not restored', { cache: BROKEN_CLIP }, 'submit'],
    ['a stopped run beats task-id', { taskId: 'task-unified-1-a', cache: EMPTY, stopped: FAIL_FAST }, 'skip'],
    ["a stopped run beats an earlier run's task", { cache: PENDING, pending: { usable: true }, stopped: FAIL_FAST }, 'skip'],
    ['a stopped run beats a new task', { cache: EMPTY, stopped: FAIL_FAST }, 'skip'],
    ["task-id beats an earlier run's task", { taskId: 'task-unified-1-a', cache: PENDING }, 'resume'],
    [
      'task-id is resumed with the budget spent (it is paid for already)',
      { taskId: 'task-unified-1-a', cache: EMPTY, budgetRefusal: SPENT },
      'resume',
    ],
    [
      "an earlier run's task that can deliver is collected with the budget spent",
      { cache: PENDING, pending: { usable: true }, budgetRefusal: SPENT },
      'collect',
    ],
    ["an earlier run's task not asked about yet is collected with the budget spent", { cache: PENDING, budgetRefusal: SPENT }, 'collect'],
    [
      "an earlier run's task that cannot deliver is a new task",
      { cache: PENDING, pending: { usable: false, why: 'ended failed' } },
      'submit',
    ],
    [
      "an earlier run's task that cannot deliver, with the budget spent, is skipped",
      { cache: PENDING, pending: { usable: false, why: 'ended failed' }, budgetRefusal: SPENT },
      'skip',
    ],
    ['an unusable cached clip with the budget spent is skipped', { cache: BROKEN_CLIP, budgetRefusal: SPENT }, 'skip'],
  ]

  it.each(cases)('%s', (_what, facts, action) => {
    expect(decideClip(facts).action).toBe(action)
  })

  it('says why a pending task that cannot deliver is replaced, naming it (and reads well without an id)', () => {
    expect(decideClip({ cache: PENDING, pending: { usable: false, why: 'ended cancelled' } })).toEqual({
      action: 'submit',
      why: "a new task (the earlier run's task task-unified-1-pending ended cancelled)",
    })
    expect(decideClip({ cache: { kind: 'pending', taskId: undefined }, pending: { usable: false, why: 'is unknown to FoxAPI' } })).toEqual({
      action: 'submit',
      why: "a new task (the earlier run's task is unknown to FoxAPI)",
    })
  })
})

describe('decideClip: why a new task, for every cache finding', () => {
  const cases: [string, CacheFinding, string][] = [
    ['not asked (cache: false)', { kind: 'not-asked', why: 'cache: false' }, 'a new task (cache: false)'],
    [
      'not asked (no service)',
      { kind: 'not-asked', why: 'the Actions cache cannot be used on this runner' },
      'a new task (the Actions cache cannot be used on this runner)',
    ],
    ['no answer', { kind: 'no-answer' }, 'a new task (the Actions cache could not be asked)'],
    ['empty', { kind: 'empty' }, 'a new task (nothing for this request in the Actions cache)'],
    ['an unusable clip', BROKEN_CLIP, "a new task (the clip failed the structural check 'parses')"],
    [
      'a delivered note',
      { kind: 'delivered', taskId: 'task-unified-1-done', why: 'its last task was delivered to an earlier run: reuse: run' },
      'a new task (its last task was delivered to an earlier run: reuse: run)',
    ],
  ]

  it.each(cases)('%s', (_what, cache, why) => {
    expect(decideClip({ cache })).toEqual({ action: 'submit', why })
  })

  it('a pending finding reaches submit only with a check that says why', () => {
    expect(decideClip({ cache: PENDING, pending: { usable: false, why: 'is over a day old' } }).why).toBe(
      "a new task (the earlier run's task task-unified-1-pending is over a day old)",
    )
  })
})

describe('actionText', () => {
  it.each<[ClipDecision, string]>([
    [{ action: 'not-due', why: '' }, 'not due on this run, nothing sent'],
    [{ action: 'restore', why: '' }, 'restored from the Actions cache, nothing sent'],
    [{ action: 'skip', why: '' }, 'skipped, nothing sent'],
    [{ action: 'resume', taskId: 'task-unified-1-a', why: '' }, 'collects task task-unified-1-a, nothing new submitted'],
    [{ action: 'collect', taskId: 'task-unified-1-b', why: '' }, "collects an earlier run's task task-unified-1-b, nothing new submitted"],
    [{ action: 'collect', taskId: undefined, why: '' }, "collects an earlier run's task, nothing new submitted"],
    [{ action: 'submit', why: '' }, 'submitted to FoxAPI (paid)'],
  ])('%j', (decision, text) => {
    expect(actionText(decision)).toBe(text)
  })
})
