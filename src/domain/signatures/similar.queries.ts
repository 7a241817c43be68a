/**
 * The SQL behind similar threads: the inverted indexes (term → threads, signature → threads) and the rows
 * shown. Every read is an index range scan, whatever the forum's size.
 */
import type { Executor } from '../../db/schema.js'
import { RememberedCounts } from '../shared/index.js'
import { cappedCounts, type CountedIndex } from './capped-counts.queries.js'
import { slugify } from '../format/index.js'
import type { SignatureItem } from './signatures.types.js'
import { findCommonTerms, MAX_POSTINGS } from './term-postings.queries.js'

/**
 * The N in the rarity weights of similar threads: the highest thread id, which counts every thread ever
 * posted. Deleted threads are a small share, and idf only needs the order of magnitude; counting the live
 * ones would read the whole table on every thread page.
 */
export async function estimateThreadCount(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('threads')
    .select((eb) => eb.fn.max('id').as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** How long a large count is reused: idf and "more than 999" need its order of magnitude, not the latest post. */
const COUNT_TTL_MS = 60_000
/** Counts remembered, at most (then the memory starts over). */
const COUNT_ENTRIES = 50_000
/**
 * Only counts at least this big are remembered: they are the expensive ones (a count reads that many index
 * entries), and a thread more or less does not change them. Rare keys, whose count a new thread can double,
 * are always counted afresh.
 */
const REMEMBERED_FROM = 50

/**
 * Large capped counts of one index, remembered for a minute per process; the cap is part of the key, since a
 * count made with a smaller cap may stop short of a larger one.
 */
class CountMemory {
  private readonly memory = new RememberedCounts({
    from: REMEMBERED_FROM,
    ttlMs: COUNT_TTL_MS,
    entries: COUNT_ENTRIES,
  })

  counts(
    db: Executor,
    index: CountedIndex,
    keys: readonly (readonly string[])[],
    cap: number,
    now: number,
  ): Promise<number[]> {
    const id = (key: readonly string[]) => [cap, ...key].join('\u0000')
    const byId = new Map(keys.map((key) => [id(key), key]))
    return this.memory.of(
      keys.map(id),
      (missing) =>
        cappedCounts(
          db,
          index,
          missing.map((k) => byId.get(k) ?? []),
          cap,
        ),
      now,
    )
  }
}

const TERMS: CountedIndex = { table: 'similarity_terms', columns: ['term'] }
const SIGNATURES: CountedIndex = { table: 'thread_signatures', columns: ['kind', 'key'] }
const termCounts = new CountMemory()
const signatureCounts = new CountMemory()

/**
 * In how many threads each term occurs, counted up to `cap + 1` (capped-counts.ts); large counts are
 * remembered for a minute: the same common words come back on every thread page. A common term
 * (term-postings.ts) keeps no postings and counts as `cap + 1`, so `cap` may not exceed MAX_POSTINGS.
 */
export async function countTermThreads(
  db: Executor,
  terms: readonly string[],
  cap: number,
  now = Date.now(),
): Promise<Map<string, number>> {
  if (cap > MAX_POSTINGS) throw new Error(`countTermThreads: cap ${cap} > ${MAX_POSTINGS}`)
  const common = await findCommonTerms(db, terms)
  const rare = terms.filter((t) => !common.has(t))
  const counts = await termCounts.counts(
    db,
    TERMS,
    rare.map((t) => [t]),
    cap,
    now,
  )
  const out = new Map(rare.map((term, i) => [term, counts[i] ?? 0]))
  for (const term of common) out.set(term, cap + 1)
  return new Map(terms.map((term) => [term, out.get(term) ?? 0]))
}

/**
 * In how many threads each signature occurs, keyed `${kind}:${key}`, counted up to `cap + 1`; large counts
 * are remembered for a minute, like {@link countTermThreads}.
 */
export async function countSignatureThreads(
  db: Executor,
  items: readonly Pick<SignatureItem, 'kind' | 'key'>[],
  cap: number,
  now = Date.now(),
): Promise<Map<string, number>> {
  const counts = await signatureCounts.counts(
    db,
    SIGNATURES,
    items.map((i) => [i.kind, i.key]),
    cap,
    now,
  )
  return new Map(items.map((i, n) => [`${i.kind}:${i.key}`, counts[n] ?? 0]))
}

/** Threads that carry any of `items` (other than `excludeId`), with which ones: the similar-threads postings. */
export async function listSignaturePostings(
  db: Executor,
  items: readonly Pick<SignatureItem, 'kind' | 'key'>[],
  excludeId: number | null,
): Promise<{ threadId: number; kind: string; key: string; label: string }[]> {
  if (items.length === 0) return []
  return db
    .selectFrom('thread_signatures as s')
    .innerJoin('threads as t', 't.id', 's.thread_id')
    .select(['s.thread_id as threadId', 's.kind', 's.key', 's.label'])
    .where('t.deleted_at', 'is', null)
    .where('t.hidden_at', 'is', null)
    .$if(excludeId !== null, (qb) => qb.where('s.thread_id', '!=', excludeId ?? 0))
    .where((eb) =>
      eb.or(items.map((i) => eb.and([eb('s.kind', '=', i.kind), eb('s.key', '=', i.key)]))),
    )
    .execute()
}

/** A thread's stored term vector (every term, common ones too), weights back to 0..1. */
export async function listThreadTerms(
  db: Executor,
  threadId: number,
): Promise<Map<string, number>> {
  const row = await db
    .selectFrom('similarity_vectors')
    .select('terms')
    .where('thread_id', '=', threadId)
    .executeTakeFirst()
  const terms = row ? (JSON.parse(row.terms) as [string, number][]) : []
  return new Map(terms.map(([term, weight]) => [term, weight / 1000]))
}

/** Every (thread, weight) posting of some terms, except one thread's (common terms have none). */
export async function listTermPostings(
  db: Executor,
  terms: readonly string[],
  excludeId: number | null,
): Promise<{ threadId: number; term: string; weight: number }[]> {
  if (terms.length === 0) return []
  const rows = await db
    .selectFrom('similarity_terms')
    .select(['thread_id as threadId', 'term', 'weight'])
    .where('term', 'in', [...terms])
    .$if(excludeId !== null, (qb) => qb.where('thread_id', '!=', excludeId ?? 0))
    .execute()
  return rows.map((r) => ({ ...r, weight: r.weight / 1000 }))
}

/** Title and state of live threads, for similar-thread rows; deleted threads are left out. */
export async function listThreadSummaries(
  db: Executor,
  threadIds: readonly number[],
): Promise<
  Map<number, { id: number; title: string; slug: string; solved: boolean; replyCount: number }>
> {
  if (threadIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('threads')
    .select(['id', 'title', 'accepted_post_id as acceptedPostId', 'reply_count as replyCount'])
    .where('id', 'in', [...threadIds])
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .execute()
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        title: r.title,
        slug: slugify(r.title),
        solved: r.acceptedPostId !== null,
        replyCount: r.replyCount,
      },
    ]),
  )
}
