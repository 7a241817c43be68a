/** Where sign-in sends a person back to (issue 28 finding 6: no open redirect through `next`). */
import { describe, expect, it } from 'vitest'
import { safeNext } from '../../../src/http/schemas/forms.js'

const ORIGIN = 'https://forum.example.test'

describe('safeNext', () => {
  it.each([
    ['/tags/kernel', '/tags/kernel'],
    ['/tags/kernel?page=2&sortBy=views#top', '/tags/kernel?page=2&sortBy=views#top'],
    ['/threads/12/a-crash', '/threads/12/a-crash'],
    ['/search?q=%2F%2Fx', '/search?q=%2F%2Fx'],
    ['/a/../b', '/b'],
  ])('keeps the same-origin path %s', (next, expected) => {
    expect(safeNext(next, ORIGIN)).toBe(expected)
  })

  it.each([
    [undefined],
    [''],
    ['tags/kernel'],
    ['//evil.test/path'],
    ['https://evil.test/'],
    ['/\t/evil.test/path'],
    ['/\\evil.test'],
    ['/\t\\evil.test'],
    ['\\\\evil.test'],
    ['/\r\nSet-Cookie: a=b'],
    ['/\u000bx'],
    ['/\u0000x'],
    ['/x\u007f'],
    ['javascript:alert(1)'],
    ['/' + 'a'.repeat(600)],
  ])('sends %j home', (next) => {
    expect(safeNext(next, ORIGIN)).toBe('/')
  })
})
