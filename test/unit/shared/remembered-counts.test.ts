import { describe, expect, it } from 'vitest'
import { RememberedCounts } from '../../../src/domain/shared/remembered-counts.js'

/** A counter that answers from `truth` and records which keys it was asked for. */
function counter(truth: Record<string, number>) {
  const asked: string[][] = []
  const count = async (keys: string[]) => {
    asked.push(keys)
    return keys.map((k) => truth[k] ?? 0)
  }
  return { asked, count }
}

describe('RememberedCounts', () => {
  const limits = { from: 100, ttlMs: 60_000, entries: 3 }

  it('remembers large counts for ttlMs and always counts small ones again', async () => {
    const memory = new RememberedCounts(limits)
    const truth = { big: 500, small: 5 }
    const { asked, count } = counter(truth)
    expect(await memory.of(['big', 'small'], count, 0)).toEqual([500, 5])
    truth.big = 600
    truth.small = 6
    expect(await memory.of(['big', 'small'], count, 59_999)).toEqual([500, 6])
    expect(await memory.of(['big', 'small'], count, 60_000)).toEqual([600, 6])
    expect(asked).toEqual([['big', 'small'], ['small'], ['big', 'small']])
  })

  it('does not call the counter when every count is remembered', async () => {
    const memory = new RememberedCounts(limits)
    const { asked, count } = counter({ a: 200 })
    await memory.of(['a'], count, 0)
    expect(await memory.of(['a', 'a'], count, 1)).toEqual([200, 200])
    expect(asked).toHaveLength(1)
  })

  it('forgets the least recently used past its bound, and everything on clear()', async () => {
    const memory = new RememberedCounts(limits)
    const { asked, count } = counter({ a: 100, b: 100, c: 100, d: 100 })
    await memory.of(['a', 'b', 'c'], count, 0)
    await memory.of(['a'], count, 0) // a is used again: b is now the least recently used
    await memory.of(['d'], count, 0) // 3 + 1 > 3 entries: b goes
    await memory.of(['a', 'b', 'c', 'd'], count, 0)
    expect(asked.at(-1)).toEqual(['b'])
    memory.clear()
    await memory.of(['d'], count, 0)
    expect(asked.at(-1)).toEqual(['d'])
  })
})
