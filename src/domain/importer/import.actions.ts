/**
 * Writes whole threads (question, replies, comments, attachments, boosts) from the import format, many
 * at a time: people and tags are resolved in a few set-based queries, ids are reserved up front, and
 * every table gets multi-row INSERTs. Threads are written in the caller's transaction, so a bad batch
 * never lands half-written.
 */
import { insertRows } from '../../db/insert-many.js'
import type { Executor } from '../../db/schema.js'
import { addToTagCount } from '../tags/index.js'
import { refreshThreadsText } from '../text-pipeline/index.js'
import type { ImportContext } from './import.context.js'
import { chunks, ensureBoosters, reserveIds, resolveTags, resolveUsers } from './import.queries.js'
import { buildRows, contentsOfRows, maxBoosts, postCount } from './import.rows.js'
import type { ImportThread } from './import.schema.js'

export { createImportContext, type ImportContext } from './import.context.js'

/** Imported text gets the write path's rule: U+0000 becomes U+FFFD (PostgreSQL text cannot hold NUL). */
function withoutNul<T>(value: T): T {
  if (!hasNul(value)) return value // nearly always: no copy
  if (typeof value === 'string') return value.replace(/\u0000/g, '\uFFFD') as T
  if (Array.isArray(value)) return value.map(withoutNul) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T
  }
  return value
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (Array.isArray(value)) return value.some(hasNul)
  if (value !== null && typeof value === 'object') {
    for (const key in value) if (hasNul((value as Record<string, unknown>)[key])) return true
  }
  return false
}

/** Imports one thread; returns its id. */
export async function importThread(
  db: Executor,
  input: ImportThread,
  ctx: ImportContext,
): Promise<number> {
  const [id] = await importThreadBatch(db, [input], ctx)
  if (id === undefined) throw new Error('importer: no id for the imported thread')
  return id
}

/**
 * Imports validated threads in the caller's transaction; returns their ids in input order. Search is
 * indexed per thread unless the context says the caller rebuilds it afterwards (`search: 'later'`).
 * @example await db.transaction().execute((trx) => importThreadBatch(trx, threads, ctx))
 */
export async function importThreadBatch(
  db: Executor,
  inputs: readonly ImportThread[],
  ctx: ImportContext,
): Promise<number[]> {
  if (inputs.length === 0) return []
  inputs = inputs.map((t) => withoutNul(t))
  const names: string[] = []
  const titles = new Map<string, string>()
  for (const t of inputs) {
    names.push(t.author)
    if (t.author_title) titles.set(t.author.toLowerCase(), t.author_title)
    for (const r of t.replies ?? []) {
      names.push(r.author)
      if (r.author_title) titles.set(r.author.toLowerCase(), r.author_title)
      for (const c of r.comments ?? []) names.push(c.author)
    }
  }
  await resolveUsers(db, ctx, names, titles)
  await resolveTags(
    db,
    ctx,
    inputs.flatMap((t) => t.tags),
  )
  const boosts = maxBoosts(inputs)
  if (boosts > 0) await ensureBoosters(db, ctx, boosts + 1)

  const threadIds = await reserveIds(db, 'threads', inputs.length)
  const postIds = await reserveIds(
    db,
    'posts',
    inputs.reduce((n, t) => n + postCount(t), 0),
  )
  const rows = buildRows(inputs, ctx, threadIds, postIds)
  await insertRows(db, 'threads', rows.threads)
  await insertRows(db, 'posts', rows.posts)
  // Attachments carry their content: a few at a time keeps one statement's parameters small.
  for (const batch of chunks(rows.attachments, 20)) await insertRows(db, 'attachments', batch)
  await insertRows(db, 'boosts', rows.boosts)
  await insertRows(db, 'thread_tags', rows.threadTags)
  if (ctx.search === 'each') await refreshThreadsText(db, threadIds)
  ctx.written?.push(...contentsOfRows(rows))
  return threadIds
}

/** Adds the imported threads to their tags' counts (call it in the batch's transaction). */
export async function finishImport(db: Executor, ctx: ImportContext): Promise<void> {
  for (const [tagId, added] of ctx.addedToTags) await addToTagCount(db, tagId, added)
  ctx.addedToTags.clear()
}
