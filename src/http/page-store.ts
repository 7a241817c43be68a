/**
 * The page cache's store: rendered pages by URL, least recently used dropped first, bounded by bytes
 * (lru-cache's maxSize, each entry weighing its body, its compressed variants and its key). A page
 * bigger than an eighth of the bound is not kept, so one huge page cannot empty the cache.
 *
 * A page is kept from its URL's second rendering on ({@link PageStore.admits}): a crawler walking
 * thousands of threads, or a link with a query string of its own, asks for each URL once, and keeping
 * those pages only pushed out the ones people were reading (and made garbage for the collector). A page
 * that was kept and went stale, or was pushed out for room, is kept again at once. Uncached pages at
 * 100,000 threads (SQLite, before and after alternating twice): tag page +11–15 %, 50-reply thread
 * +6–11 %, five-post thread level, cached pages level (docs/performance.md, issue 29).
 */
import { LRUCache } from 'lru-cache'
import { SecondSight } from '../domain/shared/index.js'
import type { FastifyRequest } from 'fastify'
import { compressBody, type Encoding } from './plugins/compression.js'

/** Work a page does per view, run again when the cached copy is served (the thread page counts views). */
export type HitEffect = (req: FastifyRequest) => void

export interface PageEntry {
  body: Buffer
  /** The body in each coding asked for so far; `size` counts them. */
  encoded: Partial<Record<Encoding, Buffer>>
  /** The ETag of `body`; a variant's is derived from it. */
  etag: string
  type: string
  /** The cache generation and database version the page was rendered at. */
  version: string
  storedAt: number
  /** How long it may be served, when shorter than the cache's bound (a page read on a replica). */
  maxAgeMs?: number
  effects: HitEffect[]
  size: number
}

export class PageStore {
  private readonly pages: LRUCache<string, PageEntry>
  /** URLs rendered once and not kept yet (or kept once and gone stale): the next rendering is kept. */
  private readonly seen: SecondSight

  constructor(maxBytes: number) {
    this.pages = new LRUCache({
      maxSize: maxBytes,
      maxEntrySize: maxBytes / 8,
      sizeCalculation: (entry) => entry.size,
      // A page pushed out for room was asked for twice already: its next rendering is kept at once, as
      // before the admission rule, so pages read more than the bound holds do not need two renderings.
      dispose: (_entry, key, reason) => {
        if (reason === 'evict') this.seen.remember(key)
      },
    })
    // A sixteenth of the bound in characters (2 M, ~4 MB, for 32 MB): about 20,000 URLs of a typical
    // length. A URL asked for twice within that many other first visits is kept.
    this.seen = new SecondSight(maxBytes / 16)
  }

  /**
   * Whether a page just rendered for `key` is to be kept: yes when the URL was rendered before (its
   * first rendering was not kept) or its kept page went stale; a first rendering is only remembered.
   */
  admits(key: string): boolean {
    return this.seen.again(key)
  }

  get entries(): number {
    return this.pages.size
  }

  get bytes(): number {
    return this.pages.calculatedSize
  }

  /** The page at `key`, now the most recently used. */
  get(key: string): PageEntry | undefined {
    return this.pages.get(key)
  }

  set(key: string, entry: PageEntry): void {
    this.pages.set(key, entry)
  }

  /** Drops a stale page; its URL's next rendering is kept again at once. */
  delete(key: string): void {
    this.pages.delete(key)
    this.seen.remember(key)
  }

  clear(): void {
    this.pages.clear()
    this.seen.clear()
  }

  /** The entry's body in `encoding`, compressed on first demand and kept while the entry is. */
  async encoded(key: string, entry: PageEntry, encoding: Encoding): Promise<Buffer> {
    const kept = entry.encoded[encoding]
    if (kept) return kept
    const made = await compressBody(entry.body, encoding)
    if (this.pages.peek(key) === entry && entry.encoded[encoding] === undefined) {
      entry.encoded[encoding] = made
      entry.size += made.byteLength
      this.pages.set(key, entry) // weighs it again
    }
    return made
  }
}
