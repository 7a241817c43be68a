import { describe, expect, it } from 'vitest'
import { memoByText } from '../../../src/domain/shared/text-memo.js'

describe('memoByText', () => {
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

  it('starts over once the texts it holds pass the bound, and never keeps a huge text', () => {
    let calls = 0
    const upper = memoByText((text: string) => (calls++, text.toUpperCase()), 160)
    for (const t of ['a'.repeat(8), 'b'.repeat(8)]) upper(t)
    expect(calls).toBe(2)
    for (let i = 0; i < 20; i++) upper(`${i}`.padStart(8, 'x')) // 160 characters more: a fresh start
    upper('a'.repeat(8))
    expect(calls).toBe(23)
    const huge = 'z'.repeat(11) // over a sixteenth of the bound
    upper(huge)
    upper(huge)
    expect(calls).toBe(25)
  })
})
