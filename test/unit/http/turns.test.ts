import { describe, expect, it } from 'vitest'
import { Turns } from '../../../src/http/turns.js'

/** Resolves in the check phase of the next event-loop iteration that reaches it (after those queued before). */
const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('Turns', () => {
  it('lets a lone request start at once', () => {
    expect(new Turns().take()).toBeUndefined()
  })

  it('starts waiting requests one per event-loop iteration, first come first served', async () => {
    const turns = new Turns()
    const started: number[] = []
    expect(turns.take()).toBeUndefined()
    const waits = [1, 2, 3].map((i) => {
      const wait = turns.take()
      expect(wait).toBeInstanceOf(Promise)
      return wait?.then(() => started.push(i)) ?? Promise.reject(new Error('started at once'))
    })
    expect(turns.queued).toBe(3)
    expect(started).toEqual([])
    await tick()
    expect(started).toEqual([1])
    await tick()
    expect(started).toEqual([1, 2])
    await tick()
    expect(started).toEqual([1, 2, 3])
    expect(turns.queued).toBe(0)
    await Promise.all(waits)
  })

  it('makes a request wait when one already started in this iteration, and not after the line empties', async () => {
    const turns = new Turns()
    expect(turns.take()).toBeUndefined()
    const second = turns.take()
    expect(second).toBeInstanceOf(Promise)
    await second
    // The iteration after the last turn finds nobody waiting and frees the turn.
    await tick()
    await tick()
    expect(turns.take()).toBeUndefined()
  })
})
