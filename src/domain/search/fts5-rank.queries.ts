/**
 * How SQLite scores a match: `quorum_rank()` (native/quorum_rank.c) when the extension is loaded, FTS5's
 * own `bm25()` otherwise. Both give the same scores; quorum_rank takes each phrase's document frequency
 * from here instead of reading the phrase's whole posting list on every query, which for a common word is
 * most of what a search costs (docs/search.md, "Ranking").
 */
import { sql, type RawBuilder } from 'kysely'
import { hasSqliteExtension } from '../../db/sqlite-extensions.js'
import type { Executor } from '../../db/schema.js'
import { RememberedCounts } from '../shared/index.js'

/**
 * Column weights, in column order: title, body (question), answer (accepted), replies, title identifiers,
 * identifiers, reply identifiers. A title hit outweighs a body hit; the question and the accepted answer
 * outweigh other replies; an identifier token (rare, exact) weighs more than the prose around it. Moderate
 * numbers: bm25 saturates a weighted term count, so large weights flatten every difference but length.
 */
export const WEIGHTS = '5.0, 1.5, 1.5, 0.75, 5.0, 2.0, 0.5'

/** Frequencies below this are counted on every query (cheap: a short posting list); at or above, remembered. */
export const REMEMBERED_FROM = 1000
/** A remembered frequency is used for ten minutes: IDF moves slowly, and a stale one moves the ranking less. */
const frequencies = new RememberedCounts({
  from: REMEMBERED_FROM,
  ttlMs: 10 * 60_000,
  entries: 20_000,
})

/**
 * The bm25-like score of the current `search_fts` row (lower is better), for a MATCH expression whose
 * phrases are `phrases`, in order.
 * @example await scoreSql(db, ['"panic"', '"zone map"']) // quorum_rank(search_fts, 5.0, …, 588723, 212)
 */
export async function scoreSql(
  db: Executor,
  phrases: readonly string[],
  now = Date.now(),
): Promise<RawBuilder<number>> {
  if (!hasSqliteExtension('quorum_rank')) return sql<number>`bm25(search_fts, ${sql.raw(WEIGHTS)})`
  // With one phrase the IDF scales every score alike, so the order needs no frequency.
  if (phrases.length === 1) return sql<number>`quorum_rank(search_fts, ${sql.raw(WEIGHTS)})`
  const counts = await phraseFrequencies(db, phrases, now)
  return sql<number>`quorum_rank(search_fts, ${sql.raw(WEIGHTS)}, ${sql.join(counts)})`
}

/** In how many documents each phrase occurs (the count bm25 makes), remembered when large. */
export function phraseFrequencies(
  db: Executor,
  phrases: readonly string[],
  now = Date.now(),
): Promise<number[]> {
  return frequencies.of(
    phrases,
    async (missing) => {
      const counts: number[] = []
      for (const phrase of missing) {
        const { rows } = await sql<{ n: number }>`
          select count(*) as n from search_fts where search_fts match ${phrase}`.execute(db)
        counts.push(Number(rows[0]?.n ?? 0))
      }
      return counts
    },
    now,
  )
}

/** Forgets every remembered frequency (tests that rebuild a big index between queries). */
export function forgetPhraseFrequencies(): void {
  frequencies.clear()
}
