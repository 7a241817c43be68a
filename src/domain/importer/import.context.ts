/**
 * What an import remembers between threads: ids of people and tags already resolved, the accounts that
 * give imported boosts, per-tag counts to add when a batch commits, and renders of Markdown texts seen
 * before (generated and templated content repeats bodies; each distinct text is rendered once).
 */
import type { Executor } from '../../db/schema.js'
import { describeAttachment, type AttachmentFacts } from '../attachments/index.js'
import { renderMarkdown, toExcerpt } from '../markdown/index.js'
import type { ThreadContent } from '../thread-contents/index.js'
import { listFirstUserIds } from '../users/index.js'

/** Caches user and tag ids across many imported threads. */
export interface ImportContext {
  users: Map<string, number>
  tags: Map<string, number>
  /** Users available to give boosts, in a stable order. */
  boosters: number[]
  /** Live threads added per tag since the last finishImport. */
  addedToTags: Map<number, number>
  now: number
  /**
   * 'each': every imported thread is indexed for search in its own transaction (the default).
   * 'later': the caller derives search and signatures afterwards with `rebuildThreadText` (bulk loads).
   */
  search: 'each' | 'later'
  renders: RenderCache
  /**
   * When set, each batch written adds its threads' contents here (as loadThreadContents would read them),
   * for a caller that derives their text itself (ImportOptions.onWritten).
   */
  written?: ThreadContent[]
}

/** A fresh context; existing members give imported boosts first, reader accounts only when they run out. */
export async function createImportContext(
  db: Executor,
  now = Date.now(),
  options: { search?: 'each' | 'later' } = {},
): Promise<ImportContext> {
  return {
    users: new Map(),
    tags: new Map(),
    boosters: await listFirstUserIds(db, 500),
    addedToTags: new Map(),
    now,
    search: options.search ?? 'each',
    renders: new RenderCache(),
  }
}

/** Rendered HTML, excerpts and attachment facts by input text, bounded by the characters it holds. */
export class RenderCache {
  private html = new Map<string, string>()
  private excerpts = new Map<string, string>()
  private files = new Map<string, AttachmentFacts>()
  private chars = 0

  constructor(private readonly maxChars = 16_000_000) {}

  renderMarkdown(markdown: string): string {
    return this.remember('html', markdown, renderMarkdown)
  }

  excerpt(markdown: string): string {
    return this.remember('excerpts', markdown, toExcerpt)
  }

  describeAttachment(name: string, text: string, content: Uint8Array): AttachmentFacts {
    const key = `${name}\0${text}`
    const known = this.files.get(key)
    if (known) return known
    const facts = describeAttachment(name, content)
    this.account(key.length + (facts.previewHtml?.length ?? 0))
    this.files.set(key, facts)
    return facts
  }

  private remember(
    which: 'html' | 'excerpts',
    key: string,
    make: (text: string) => string,
  ): string {
    const known = this[which].get(key)
    if (known !== undefined) return known
    const value = make(key)
    this.account(key.length + value.length)
    this[which].set(key, value) // after account(), which may have started new maps
    return value
  }

  /** Past the bound, start over: simple, and imports read bodies in no useful order anyway. */
  private account(chars: number): void {
    this.chars += chars
    if (this.chars <= this.maxChars) return
    this.html = new Map()
    this.excerpts = new Map()
    this.files = new Map()
    this.chars = chars
  }
}
