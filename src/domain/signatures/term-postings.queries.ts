/**
 * Which term postings are kept. Similar threads look up only terms carried by at most MAX_POSTINGS threads
 * (more says little about similarity and costs more to read than the rest of the page), so a term past that
 * is "common": it goes into `common_terms` and its postings leave the inverted index (`similarity_terms`).
 * Every thread still keeps its whole term vector (`similarity_vectors`). A term, once common, stays common;
 * `quorum signatures rebuild` leaves the set as it is (a term that fell back under the cap would have few
 * postings to gain).
 *
 * Two ways to decide, one rule:
 * - a live write (and any batch written beside existing rows) asks the database: it drops the postings of
 *   known common terms, writes the rest, then counts (capped) the terms it wrote and promotes those past the cap;
 * - a bulk load into empty tables counts in memory ({@link FreshTermCounts}): postings past the cap are never
 *   written, and the few written before a term crossed are removed once at the end.
 */
import { sql } from 'kysely'
import type { Executor } from '../../db/schema.js'
import { cappedCounts } from './capped-counts.queries.js'

/** A term in more threads than this is common: no postings (see the module comment). */
export const MAX_POSTINGS = 500

/** A posting: a thread carries a term with a weight (per mille). */
export interface TermPosting {
  threadId: number
  term: string
  weight: number
}

/** Keys per lookup statement. */
const CHUNK = 500

/**
 * The common terms among `terms`.
 * @example await findCommonTerms(db, ['panic', 'vnode_put']) // Set { 'panic' }
 */
export async function findCommonTerms(db: Executor, terms: Iterable<string>): Promise<Set<string>> {
  const all = [...new Set(terms)]
  const common = new Set<string>()
  for (let i = 0; i < all.length; i += CHUNK) {
    const rows = await db
      .selectFrom('common_terms')
      .select('term')
      .where('term', 'in', all.slice(i, i + CHUNK))
      .execute()
    for (const r of rows) common.add(r.term)
  }
  return common
}

/** Records terms as common (those already recorded stay as they are). */
async function recordCommonTerms(db: Executor, terms: readonly string[]): Promise<void> {
  for (let i = 0; i < terms.length; i += CHUNK) {
    await db
      .insertInto('common_terms')
      .values(terms.slice(i, i + CHUNK).map((term) => ({ term })))
      .onConflict((oc) => oc.column('term').doNothing())
      .execute()
  }
}

/** Records terms as common and removes their postings. */
export async function promoteCommonTerms(db: Executor, terms: readonly string[]): Promise<void> {
  await recordCommonTerms(db, terms)
  for (let i = 0; i < terms.length; i += CHUNK)
    await db
      .deleteFrom('similarity_terms')
      .where('term', 'in', terms.slice(i, i + CHUNK))
      .execute()
}

/**
 * Of the postings a batch wrote, promotes the terms now carried by more than MAX_POSTINGS threads. Each count
 * stops at MAX_POSTINGS + 1 index entries, so a write costs the same on any forum size.
 */
export async function promoteCrowdedTerms(
  db: Executor,
  written: readonly TermPosting[],
): Promise<void> {
  const terms = [...new Set(written.map((p) => p.term))]
  if (terms.length === 0) return
  const counts = await cappedCounts(
    db,
    { table: 'similarity_terms', columns: ['term'] },
    terms.map((t) => [t]),
    MAX_POSTINGS,
  )
  const crowded = terms.filter((_, i) => (counts[i] ?? 0) > MAX_POSTINGS)
  if (crowded.length > 0) await promoteCommonTerms(db, crowded)
}

/**
 * Thread counts per term kept in memory during a bulk load into empty tables: the first MAX_POSTINGS
 * postings of a term are written, later ones are not, and {@link FreshTermCounts.finish} records the common
 * terms and removes the postings written before they crossed.
 */
export class FreshTermCounts {
  private readonly counts = new Map<string, number>()
  private readonly common = new Set<string>()

  /** Counts one more thread carrying `term`; whether its posting is written (false once past MAX_POSTINGS). */
  keep(term: string): boolean {
    if (this.common.has(term)) return false
    const n = (this.counts.get(term) ?? 0) + 1
    if (n <= MAX_POSTINGS) {
      this.counts.set(term, n)
      return true
    }
    this.counts.delete(term)
    this.common.add(term)
    return false
  }

  /** Records the common terms and removes their early postings (one pass over the postings table). */
  async finish(db: Executor): Promise<void> {
    const terms = [...this.common]
    await recordCommonTerms(db, terms)
    if (terms.length > 0)
      await sql`delete from similarity_terms where term in (select term from common_terms)`.execute(
        db,
      )
  }
}
