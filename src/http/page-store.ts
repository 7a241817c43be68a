/**
 * The page cache's store: rendered pages by URL, least recently used dropped first, bounded by bytes
 * (lru-cache's maxSize, each entry weighing its body, its compressed variants and its key). A page
 * bigger than an eighth of the bound is not kept, so one huge page cannot empty the cache.
 */
import { LRUCache } from 'lru-cache'
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

  constructor(maxBytes: number) {
    this.pages = new LRUCache({
      maxSize: maxBytes,
      maxEntrySize: maxBytes / 8,
      sizeCalculation: (entry) => entry.size,
    })
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

  delete(key: string): void {
    this.pages.delete(key)
  }

  clear(): void {
    this.pages.clear()
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
