/**
 * The page store's admission rule (src/http/page-store.ts): a URL's page is kept from its second
 * rendering on, at once again after it went stale or was pushed out for room, and what the store
 * remembers of URLs it has not kept is bounded by their characters.
 */
import { describe, expect, it } from 'vitest'
import { PageStore, type PageEntry } from '../../../src/http/page-store.js'

const entry = (bytes: number): PageEntry => ({
  body: Buffer.alloc(bytes, 'x'),
  encoded: {},
  etag: '"e"',
  type: 'text/html; charset=utf-8',
  version: '0:0',
  storedAt: 0,
  effects: [],
  size: bytes,
})

describe('PageStore admission', () => {
  it('keeps a URL from its second rendering on', () => {
    const store = new PageStore(1_000_000)
    expect(store.admits('en /threads/1')).toBe(false)
    expect(store.admits('en /threads/2')).toBe(false)
    expect(store.admits('en /threads/1')).toBe(true)
    // Remembered once: a third URL's first rendering is not kept either.
    expect(store.admits('en /threads/3')).toBe(false)
  })

  it('keeps a stale page again at once, and forgets everything when cleared', () => {
    const store = new PageStore(1_000_000)
    store.set('en /', entry(1000))
    store.delete('en /') // what the cache does with a page that went stale
    expect(store.get('en /')).toBeUndefined()
    expect(store.admits('en /')).toBe(true)
    store.admits('en /tags')
    store.clear()
    expect(store.admits('en /tags')).toBe(false)
  })

  it('keeps a page pushed out for room again at once', () => {
    const store = new PageStore(100_000)
    for (let i = 0; i < 20; i++) store.set(`en /threads/${i}`, entry(10_000))
    expect(store.get('en /threads/0')).toBeUndefined() // the oldest went for room
    expect(store.get('en /threads/19')).toBeDefined()
    expect(store.admits('en /threads/0')).toBe(true)
  })

  it('remembers URLs within a bound of their characters, however long they are', () => {
    const store = new PageStore(32 * 1024 * 1024)
    const long = (i: number) => `en /tags/kernel?q=${String(i).padStart(5000, '0')}`
    for (let i = 0; i < 2000; i++) store.admits(long(i))
    // 2,000 URLs of 5,000 characters are 10 M characters, five times the bound (2 M for 32 MB): the
    // first ones are forgotten, the last ones remembered.
    expect(store.admits(long(0))).toBe(false)
    expect(store.admits(long(1999))).toBe(true)
    // Short URLs: far more of them fit.
    const small = new PageStore(32 * 1024 * 1024)
    for (let i = 0; i < 15_000; i++) small.admits(`en /threads/${i}`)
    expect(small.admits('en /threads/0')).toBe(true)
  })
})
