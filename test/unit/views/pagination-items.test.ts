import { describe, expect, it } from 'vitest'
import { paginationItems } from '../../../src/views/components/pagination-items.js'

const show = (current: number, count: number) =>
  paginationItems(current, count)
    .map((i) => (i.kind === 'gap' ? '…' : String(i.page)))
    .join(' ')

describe('paginationItems', () => {
  it('shows every page of a short range', () => {
    expect(show(1, 1)).toBe('1')
    expect(show(2, 5)).toBe('1 2 3 4 5')
  })

  it('shows first, last and two either side of the current page, with gaps', () => {
    expect(show(10, 20)).toBe('1 … 8 9 10 11 12 … 20')
    expect(show(1, 20)).toBe('1 2 3 … 20')
    expect(show(20, 20)).toBe('1 … 18 19 20')
  })

  it('shows a single skipped page instead of a gap', () => {
    expect(show(5, 20)).toBe('1 2 3 4 5 6 7 … 20')
    expect(show(16, 20)).toBe('1 … 14 15 16 17 18 19 20')
  })

  it('gives gaps distinct keys', () => {
    const keys = paginationItems(10, 20).flatMap((i) => (i.kind === 'gap' ? [i.key] : []))
    expect(new Set(keys).size).toBe(2)
  })
})
