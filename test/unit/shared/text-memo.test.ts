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

  it('keeps two generations: a text survives one overflow, not two, and a huge text is never kept', () => {
    let calls = 0
    const upper = memoByText((text: string) => (calls++, text.toUpperCase()), 320)
    const a = 'a'.repeat(8)
    upper(a)
    const fill = (round: number) => {
      for (let i = 0; i < 20; i++) upper(`${round}:${i}`.padStart(8, 'x')) // 160 characters: half the bound
    }
    fill(1) // the newer generation overflows: `a` is now in the older one
    upper(a)
    expect(calls).toBe(21) // still remembered (and moved back to the newer generation)
    fill(2)
    fill(3) // two overflows without a use: gone
    upper(a)
    expect(calls).toBe(62)
    const huge = 'z'.repeat(21) // over a sixteenth of the bound
    upper(huge)
    upper(huge)
    expect(calls).toBe(64)
  })

  it('follows the process-wide budget unless given its own bound', () => {
    let calls = 0
    const same = memoByText((text: string) => (calls++, text))
    const run = (tag: string) => {
      same('a'.repeat(8))
      for (let i = 0; i < 25; i++) same(`${tag}${i}`.padStart(8, '-')) // 200 characters
      same('a'.repeat(8))
    }
    setTextMemoBudget(160) // 80 characters a generation: 200 more characters push `aaaaaaaa` out
    run('x')
    expect(calls).toBe(27)
    setTextMemoBudget(2_000_000)
    calls = 0
    run('y')
    expect(calls).toBe(25) // only the new texts: `aaaaaaaa` stays remembered throughout
  })
})
