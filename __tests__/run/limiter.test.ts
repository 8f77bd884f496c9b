// Limiter (src/run/limiter.ts): at most `limit` at once, places handed on in the order asked, a place given back
// once however often its release is called, and `run` giving its place back whether the work succeeds or throws.
import { describe, expect, it } from 'vitest'
import { Limiter } from '../../src/run/limiter'

/** Lets every promise callback queued so far run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('Limiter', () => {
  it('gives `limit` places at once; the next waits until one is given back', async () => {
    const limiter = new Limiter(2)
    const first = await limiter.acquire()
    await limiter.acquire()
    let third = false
    const waiting = limiter.acquire().then((release) => ((third = true), release))
    await settle()
    expect(third).toBe(false)
    first()
    await waiting
    expect(third).toBe(true)
  })

  it('hands places on in the order they were asked for', async () => {
    const limiter = new Limiter(1)
    const holder = await limiter.acquire()
    const order: string[] = []
    const asked = ['a', 'b', 'c'].map((name) =>
      limiter.acquire().then((release) => {
        order.push(name)
        release()
      }),
    )
    holder()
    await Promise.all(asked)
    expect(order).toEqual(['a', 'b', 'c'])
  })

  it('hands a place given back straight to the next in line, so no newcomer takes it in between', async () => {
    const limiter = new Limiter(1)
    const holder = await limiter.acquire()
    const order: string[] = []
    const queued = limiter.acquire().then((release) => (order.push('queued'), release))
    holder()
    // Asked after the release, before the queued one ran: it must wait its turn behind it.
    const newcomer = limiter.acquire().then((release) => (order.push('newcomer'), release))
    ;(await queued)()
    ;(await newcomer)()
    expect(order).toEqual(['queued', 'newcomer'])
  })

  it('counts a place given back twice only once', async () => {
    const limiter = new Limiter(1)
    const release = await limiter.acquire()
    release()
    release()
    await limiter.acquire()
    let second = false
    void limiter.acquire().then(() => (second = true))
    await settle()
    expect(second).toBe(false)
  })

  it('runs at most `limit` works at once, and frees the place when one throws', async () => {
    const limiter = new Limiter(2)
    let running = 0
    let most = 0
    const work = (fail: boolean) => async () => {
      most = Math.max(most, ++running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running--
      if (fail) throw new Error('boom')
      return 'done'
    }
    const outcomes = await Promise.allSettled([true, false, true, false, false].map((fail) => limiter.run(work(fail))))
    expect(most).toBe(2)
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
    // Every place came back: two more can start at once.
    await Promise.all([limiter.acquire(), limiter.acquire()])
  })
})
