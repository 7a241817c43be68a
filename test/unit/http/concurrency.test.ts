import { describe, expect, it } from 'vitest'
import { ConcurrencyLimit } from '../../../src/http/concurrency.js'

/** A promise and the function that settles it. */
function deferred() {
  let resolve!: () => void
  let reject!: (error: Error) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('ConcurrencyLimit', () => {
  it('runs at most max calls at once and starts the rest in the order they came', async () => {
    const limit = new ConcurrencyLimit(3)
    const gates = Array.from({ length: 8 }, deferred)
    const started: number[] = []
    let running = 0
    let most = 0
    const done = gates.map((gate, i) =>
      limit.run(async () => {
        started.push(i)
        most = Math.max(most, ++running)
        await gate.promise
        running--
        return i
      }),
    )
    await tick()
    expect(started).toEqual([0, 1, 2])
    expect(limit.queued).toBe(5)
    gates[1]?.resolve()
    await tick()
    expect(started).toEqual([0, 1, 2, 3])
    for (const gate of gates) gate.resolve()
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(most).toBe(3)
    expect(limit.queued).toBe(0)
  })

  it('passes the slot on when a call throws, and rethrows', async () => {
    const limit = new ConcurrencyLimit(1)
    const first = deferred()
    const failing = limit.run(async () => {
      await first.promise
    })
    const second = limit.run(async () => 'ran')
    first.reject(new Error('boom'))
    await expect(failing).rejects.toThrow('boom')
    expect(await second).toBe('ran')
    // With the slot free again, a new call starts at once.
    let ranAtOnce = false
    const third = limit.run(async () => {
      ranAtOnce = true
    })
    expect(ranAtOnce).toBe(true)
    await third
  })

  it('takes a waiting call out of the line when its signal aborts, and never runs it', async () => {
    const limit = new ConcurrencyLimit(1)
    const gate = deferred()
    const started: string[] = []
    const first = limit.run(async () => {
      started.push('first')
      await gate.promise
    })
    const leaving = new AbortController()
    const left = limit.run(async () => {
      started.push('left')
    }, leaving.signal)
    const last = limit.run(async () => {
      started.push('last')
    })
    expect(limit.queued).toBe(2)
    const reason = new Error('the client closed the connection')
    leaving.abort(reason)
    await expect(left).rejects.toBe(reason)
    expect(limit.queued).toBe(1)
    gate.resolve()
    await Promise.all([first, last])
    expect(started).toEqual(['first', 'last'])
    expect(limit.running).toBe(0)
    expect(limit.queued).toBe(0)
  })

  it('refuses at once, taking no slot, when the signal has already aborted', async () => {
    const limit = new ConcurrencyLimit(1)
    const gone = new AbortController()
    gone.abort(new Error('gone'))
    let ran = false
    await expect(
      limit.run(async () => {
        ran = true
      }, gone.signal),
    ).rejects.toThrow('gone')
    expect(ran).toBe(false)
    expect(limit.running).toBe(0)
  })

  it('lets a started call finish when its signal aborts, and hands its slot on', async () => {
    const limit = new ConcurrencyLimit(1)
    const gate = deferred()
    const gone = new AbortController()
    const running = limit.run(async () => {
      await gate.promise
      return 'finished'
    }, gone.signal)
    const next = limit.run(async () => 'next')
    gone.abort()
    gate.resolve()
    expect(await running).toBe('finished')
    expect(await next).toBe('next')
    expect(limit.running).toBe(0)
  })

  it('refuses a bound that is not a whole number of at least 1', () => {
    expect(() => new ConcurrencyLimit(0)).toThrow(/max/)
    expect(() => new ConcurrencyLimit(2.5)).toThrow(/max/)
  })
})
