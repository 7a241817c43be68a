/**
 * Rendered HTML of viewer-independent parts of a page (a post as anonymous readers see it), kept so an
 * uncached page is assembled rather than rebuilt (issue 29). An entry is keyed by what it shows (a post's
 * id) and remembers the exact inputs it was rendered from; it is used only while the new inputs are equal
 * to them, field by field (the post's text, counts, author, comments, attachments, hidden state, and the
 * age labels "5m" that depend on the clock). So an edit, delete, hide, accept, boost or rename shows at
 * once: the inputs differ, the fragment is rendered again. No invalidation to forget, and no version
 * column to keep in step with every write path.
 *
 * The cache is an LRU bounded by the characters of HTML it holds, per process. A fragment is kept on its
 * second rendering, not its first: a crawler walking thousands of threads sees each post once, and keeping
 * every one of them cost more (allocation, old-generation garbage) than it saved; a post rendered twice
 * (a hot thread after a write emptied the page cache, a thread on many tag pages) is kept. Entries are per
 * language: the fragment is rendered inside the page's `withLocale` (i18n/translate.ts).
 */
import { LRUCache } from 'lru-cache'
import type { VNode } from 'preact'
import { jsxTemplate } from 'preact/jsx-runtime'
import { renderToString } from 'preact-render-to-string'
import { currentLocale } from '../i18n/index.js'
import { SecondSight } from '../domain/shared/index.js'

/** Characters (≈ 2 bytes each in V8) every fragment cache holds at most unless told otherwise: ~16 MB. */
export const FRAGMENT_CACHE_CHARS = 8_000_000

interface Entry {
  inputs: unknown
  html: string
}

export interface FragmentCacheStats {
  hits: number
  misses: number
  entries: number
}

/**
 * A cache of rendered fragments. `render(key, inputs, make)` returns the fragment for `key`: the HTML
 * rendered before when `inputs` equals what it was rendered from ({@link sameData}), otherwise `make()`
 * (rendered now and kept, from the key's second rendering on). `inputs` must determine `make()`'s output
 * entirely.
 * @example const html = posts.render(post.id, { post, ages }, () => <PostArticle post={post} … />)
 */
export class FragmentCache {
  private readonly lru: LRUCache<string | number, Entry>
  /** Keys rendered once and not kept yet: the next rendering keeps its fragment. */
  private readonly seen: SecondSight
  private hits = 0
  private misses = 0

  constructor(maxChars = FRAGMENT_CACHE_CHARS) {
    this.lru = new LRUCache({
      maxSize: maxChars,
      maxEntrySize: Math.max(1, Math.floor(maxChars / 16)),
      sizeCalculation: (entry) => Math.max(1, entry.html.length * 2),
    })
    // About one key per 200 characters of the bound (a post id weighs ~70): 40,000 for 8 M.
    this.seen = new SecondSight(maxChars / 3)
  }

  render(fragment: string | number, inputs: unknown, make: () => VNode): VNode {
    // A fragment's words are in the page's language: one entry per language (English keeps the bare key).
    const locale = currentLocale()
    const key = locale === 'en' ? fragment : `${locale}:${fragment}`
    const known = this.lru.get(key)
    if (known !== undefined && sameData(known.inputs, inputs)) {
      this.hits++
      return rawHtml(known.html)
    }
    this.misses++
    // A fragment is kept from its second rendering on; a changed one (known, stale) at once.
    if (known === undefined && !this.seen.again(key)) return make()
    const html = renderToString(make())
    this.lru.set(key, { inputs, html })
    return rawHtml(html)
  }

  stats(): FragmentCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.lru.size }
  }

  clear(): void {
    this.lru.clear()
    this.seen.clear()
  }
}

/**
 * HTML emitted as it is, without a wrapping element: preact's precompiled-template vnode, which
 * preact-render-to-string writes out verbatim. Only for HTML this module rendered itself.
 */
function rawHtml(html: string): VNode {
  return jsxTemplate([html]) as VNode
}

/**
 * Deep equality of plain data (what a database row becomes: primitives, arrays, plain objects). Strings
 * compare by content, so a post whose text changed is never equal to its old self.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const keysA = Object.keys(a)
  if (keysA.length !== Object.keys(b).length) return false
  for (const k of keysA) {
    if (!Object.hasOwn(b, k)) return false
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false
  }
  return true
}
