/**
 * The signatures feature's write-side SQL: reading the posts signatures are derived from, and replacing a
 * thread's derived rows. Reads for pages and similar threads live in mentions.queries.ts and
 * similar.queries.ts. Every function takes `db` or a transaction first (STYLE.md habit 6).
 */
import { sql } from 'kysely'
import { compiledOnce } from '../../db/compiled-query.js'
import { insertMany, type ManyColumn } from '../../db/insert-many.js'
import type { Executor } from '../../db/schema.js'
import type { SignatureItem, SignatureKind } from './signatures.types.js'
import {
  findCommonTerms,
  promoteCrowdedTerms,
  type FreshTermCounts,
  type TermPosting,
} from './term-postings.queries.js'

/** One stored row: a signature on a thread. */
export interface StoredSignature extends SignatureItem {
  postCount: number
}

/** Where a crash cause of a thread happened: one stored row of crash_sites. */
export interface StoredCrashSite {
  cause: string
  site: string
  process: string
  frames: string
  postCount: number
}

/** A thread's term vector as stored: `[term, weight per mille]`, heaviest first. */
export interface TermVector {
  threadId: number
  terms: readonly (readonly [term: string, weight: number])[]
}

/**
 * Replaces the derived rows (signatures, crash sites, term vectors and term postings) of some threads; postings of
 * common terms are left out (term-postings.ts). `fresh`: the threads have no rows yet (a bulk load into
 * emptied tables), so the deletes are skipped (on PostgreSQL they cost a planned index probe per batch
 * against tables whose statistics a bulk load leaves behind) and these in-memory counts decide which
 * postings are written.
 */
export async function replaceDerivedRows(
  db: Executor,
  threadIds: readonly number[],
  rows: {
    signatures: readonly { threadId: number; item: StoredSignature; position: number }[]
    sites: readonly { threadId: number; site: StoredCrashSite }[]
    vectors: readonly TermVector[]
  },
  { fresh }: { fresh?: FreshTermCounts } = {},
): Promise<void> {
  const { signatures, sites, vectors } = rows
  if (threadIds.length === 0) return
  if (!fresh) {
    for (const table of DERIVED_TABLES)
      await db
        .deleteFrom(table)
        .where('thread_id', 'in', [...threadIds])
        .execute()
  }
  await insertMany(
    db,
    'thread_signatures',
    SIGNATURE_COLUMNS,
    signatures.map(({ threadId, item, position }) => [
      threadId,
      item.kind,
      item.key,
      item.label,
      item.detail,
      item.postCount,
      position,
    ]),
  )
  await insertMany(
    db,
    'crash_sites',
    SITE_COLUMNS,
    sites.map(({ threadId, site }) => [
      threadId,
      site.cause,
      site.site,
      site.process,
      site.frames,
      site.postCount,
    ]),
  )
  await insertMany(
    db,
    'similarity_vectors',
    VECTOR_COLUMNS,
    vectors.map((v) => [v.threadId, JSON.stringify(v.terms)]),
  )
  let kept: TermPosting[] = []
  if (fresh) {
    for (const { threadId, terms } of vectors)
      for (const [term, weight] of terms)
        if (fresh.keep(term)) kept.push({ threadId, term, weight })
  } else {
    const common = await findCommonTerms(
      db,
      vectors.flatMap((v) => v.terms.map(([term]) => term)),
    )
    kept = vectors.flatMap(({ threadId, terms }) =>
      terms
        .filter(([term]) => !common.has(term))
        .map(([term, weight]) => ({ threadId, term, weight })),
    )
  }
  await insertMany(
    db,
    'similarity_terms',
    TERM_COLUMNS,
    kept.map((t) => [t.threadId, t.term, t.weight]),
  )
  if (!fresh) await promoteCrowdedTerms(db, kept)
}

/** The tables derived from a thread's text, replaced together. */
const DERIVED_TABLES = [
  'thread_signatures',
  'crash_sites',
  'similarity_terms',
  'similarity_vectors',
] as const

const SIGNATURE_COLUMNS: readonly ManyColumn[] = [
  { name: 'thread_id', type: 'int' },
  { name: 'kind', type: 'text' },
  { name: 'key', type: 'text' },
  { name: 'label', type: 'text' },
  { name: 'detail', type: 'text' },
  { name: 'post_count', type: 'int' },
  { name: 'position', type: 'int' },
]
const SITE_COLUMNS: readonly ManyColumn[] = [
  { name: 'thread_id', type: 'int' },
  { name: 'cause', type: 'text' },
  { name: 'site', type: 'text' },
  { name: 'process', type: 'text' },
  { name: 'frames', type: 'text' },
  { name: 'post_count', type: 'int' },
]
const VECTOR_COLUMNS: readonly ManyColumn[] = [
  { name: 'thread_id', type: 'int' },
  { name: 'terms', type: 'text' },
]
const TERM_COLUMNS: readonly ManyColumn[] = [
  { name: 'thread_id', type: 'int' },
  { name: 'term', type: 'text' },
  { name: 'weight', type: 'int' },
]

/** Removes derived rows of threads that are gone or deleted (after a rebuild). */
export async function removeOrphanRows(db: Executor): Promise<void> {
  // NOT EXISTS, an anti-join on both databases. `NOT IN (subquery)` made PostgreSQL probe the list of a
  // million live ids row by row once it outgrew work_mem: over 10 minutes at 13 M signature rows.
  const dead = (table: (typeof DERIVED_TABLES)[number] | 'similar_threads') =>
    sql`delete from ${sql.table(table)} where not exists (
      select 1 from threads t where t.id = ${sql.table(table)}.thread_id and t.deleted_at is null)`
  for (const table of [...DERIVED_TABLES, 'similar_threads'] as const) await dead(table).execute(db)
}

/** A thread's stored signatures in their order (every thread page reads them: compiled once). */
const signaturesOf = compiledOnce((db: Executor, threadId: number) =>
  db
    .selectFrom('thread_signatures')
    .select(['kind', 'key', 'label', 'detail', 'post_count as postCount'])
    .where('thread_id', '=', threadId)
    .orderBy('position'),
)

/** A thread's stored signatures, in the order they were written (display order). */
export async function listThreadSignatures(
  db: Executor,
  threadId: number,
): Promise<StoredSignature[]> {
  const rows = await signaturesOf(db, threadId)
  return rows.map((r) => ({ ...r, kind: r.kind as SignatureKind }))
}
