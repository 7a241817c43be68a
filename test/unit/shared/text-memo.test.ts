import { afterEach, describe, expect, it } from 'vitest'
import { memoByText, setTextMemoBudget } from '../../../src/domain/shared/text-memo.js'

describe('memoByText', () => {
  afterEach(() => setTextMemoBudget(2_000_000))

  it('computes each text once and returns the same result after', () => {
    const seen: string[] = []
    const length = memoByText((text: string) => (seen.push(text), { n: text.length }))
    const first = length('vnode_put')
    expect(length('vnode_put')).toBe(first)
    expect(length('vnode_get')).toEqual({ n: 9 })
    expect(seen).toEqual(['vnode_put', 'vnode_get'])
  })

  it('remembers undefined results too', () => {
    let calls = 0
    const nothing = memoByText(() => void calls++)
    nothing('a')
    nothing('a')
    expect(calls).toBe(1)
  })

  it('forgets the least recently used text past its bound, and never keeps a huge one', () => {
    let calls = 0
    const upper = memoByText((text: string) => (calls++, text.toUpperCase()), 320)
    const a = 'a'.repeat(8)
    upper(a)
    const fill = (round: number) => {
      for (let i = 0; i < 20; i++) upper(`${round}:${i}`.padStart(8, 'x')) // 160 characters
    }
    fill(1)
    upper(a) // used again: now the most recent of 168 characters
    expect(calls).toBe(21)
    fill(2) // 328 characters were asked for: the oldest of round 1 go, `a` stays
    upper(a)
    expect(calls).toBe(41)
    fill(3)
    fill(4) // 320 more characters without a use of `a`: gone
    upper(a)
    expect(calls).toBe(82)
    const huge = 'z'.repeat(21) // over a sixteenth of the bound
    upper(huge)
    upper(huge)
    expect(calls).toBe(84)
  })

  it('follows the process-wide budget unless given its own bound', () => {
    let calls = 0
    const same = memoByText((text: string) => (calls++, text))
    const run = (tag: string) => {
      same('a'.repeat(8))
      for (let i = 0; i < 25; i++) same(`${tag}${i}`.padStart(8, '-')) // 200 characters
      same('a'.repeat(8))
    }
    setTextMemoBudget(160) // 200 more characters push `aaaaaaaa` out
    run('x')
    expect(calls).toBe(27)
    setTextMemoBudget(2_000_000) // the memo starts again, empty, under the larger bound
    calls = 0
    run('y')
    expect(calls).toBe(26) // `aaaaaaaa` once, then remembered throughout
  })
})
