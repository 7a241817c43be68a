/**
 * SQLite's search engine: the FTS5 table `search_fts` (rowid = thread id), scored by bm25 with column weights
 * (fts5-rank.ts).
 * MATCH receives only expressions built by {@link fts5Expression} from our own tokens, each one quoted, so no user
 * text can reach FTS5's query syntax (`"`, `*`, `NEAR(`, `-`, `OR` are all plain characters inside quotes).
 */
import { sql, type RawBuilder } from 'kysely'
import { insertRows } from '../../db/insert-many.js'
import type { SearchDocument } from './document.js'
import { termAlternatives } from './alternatives.js'
import type { Candidate, SearchEngine, SnippetTexts } from './engine.types.js'
import { scoreSql } from './fts5-rank.queries.js'
import { filterSql } from './search.queries.js'
import { RANK_BOOSTS, type QueryTerm } from './search.types.js'

/** The score (higher is better), lifted modestly for solved threads. */
const relevance = (score: RawBuilder<number>) =>
  sql<number>`(-${score} * (case when t.accepted_post_id is null then 1.0 else ${sql.lit(RANK_BOOSTS.solved)} end))`
const BATCH = 200
/** FTS5's default automerge: segments merged at a time once that many share a level. */
const FTS5_AUTOMERGE = 4

export const fts5Engine: SearchEngine = {
  async write(db, docs, options = {}) {
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH)
      const ids = batch.map((d) => d.threadId)
      // FTS5 has no upsert; a fresh load has nothing to delete (the delete cost a third of the insert).
      if (!options.fresh) await db.deleteFrom('search_fts').where('rowid', 'in', ids).execute()
      await insertRows(db, 'search_fts', batch.map(toRow))
    }
  },

  async remove(db, threadIds) {
    if (threadIds.length === 0) return
    await db
      .deleteFrom('search_fts')
      .where('rowid', 'in', [...threadIds])
      .execute()
  },

  async removeOrphans(db) {
    await sql`delete from search_fts where rowid not in (select id from threads where deleted_at is null)`.execute(
      db,
    )
  },

  async beginBulkLoad(db) {
    // FTS5 merges its segments as they pile up (automerge, 4 at a time by default), so a bulk load rewrites
    // each posting several times on its way up the levels. Off, segments merge only at 16 per level
    // (crisismerge), and optimize() below merges the rest once: 100,000 threads' search rows written alone
    // took 7.0 s instead of 9.6 (docs/performance-log.md, 2026-12-03 afternoon). A load that dies midway
    // leaves automerge off; FTS5 still caps the segments.
    await sql`insert into search_fts(search_fts, rank) values ('automerge', 0)`.execute(db)
  },

  async optimize(db) {
    // Merges the index's b-trees into one after a bulk rebuild: fewer segments to read per query; then
    // merging as writes come, FTS5's default.
    await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db)
    await sql`insert into search_fts(search_fts, rank) values ('automerge', ${sql.lit(FTS5_AUTOMERGE)})`.execute(
      db,
    )
  },

  async candidatesSql(db, plan, cap) {
    // FTS5 walks its doclists newest first and stops at the cap; the score runs only on the rows returned.
    const { expression, phrases } = fts5Match(plan.terms, plan.mode)
    const score =
      plan.sort === 'relevance' ? relevance(await scoreSql(db, phrases)) : sql<number>`0`
    return sql<Candidate>`
      select t.id, ${score} as score, t.created_at as "createdAt", t.last_activity_at as "lastActivityAt",
        t.boost_count as "boostCount"
      from search_fts join threads t on t.id = search_fts.rowid
      where search_fts match ${expression} and ${filterSql(plan.filters)}
      order by search_fts.rowid desc limit ${cap}`
  },

  async texts(db, threadIds): Promise<Map<number, SnippetTexts>> {
    if (threadIds.length === 0) return new Map()
    const rows = await db
      .selectFrom('search_fts')
      .select(['rowid', 'body', 'answer', 'replies'])
      .where('rowid', 'in', [...threadIds])
      .execute()
    return new Map(
      rows.map((r) => [r.rowid, { body: r.body, answer: r.answer, replies: r.replies }]),
    )
  },
}

/**
 * The FTS5 MATCH expression for some terms: each term is an OR of quoted alternatives (see alternatives.ts),
 * and terms are joined by AND (mode 'all') or OR. Unqualified, so a word matches in any column, identifier
 * columns included.
 * @example fts5Expression(parseSearchQuery('sosend_reinject() panic "zone map"').terms, 'all')
 * // '"sosendqxreinject" AND "panic" AND "zone map"'
 */
export function fts5Expression(terms: readonly QueryTerm[], mode: 'all' | 'any'): string {
  return fts5Match(terms, mode).expression
}

/** The MATCH expression and its phrases in the order FTS5 numbers them (what quorum_rank's counts follow). */
export function fts5Match(
  terms: readonly QueryTerm[],
  mode: 'all' | 'any',
): { expression: string; phrases: string[] } {
  const phrases: string[] = []
  const expression = terms
    .map((term) => {
      const { prose, whole } = termAlternatives(term)
      const alternatives = new Set<string>()
      if (prose !== null) alternatives.add(quote(prose))
      if (whole !== null) alternatives.add(quote([whole]))
      phrases.push(...alternatives)
      return alternatives.size === 1
        ? [...alternatives].join('')
        : `(${[...alternatives].join(' OR ')})`
    })
    .join(mode === 'all' ? ' AND ' : ' OR ')
  return { expression, phrases }
}

/** One FTS5 string: tokens joined by spaces, double quotes doubled (our tokens never hold one; belt and braces). */
function quote(tokens: readonly string[]): string {
  return `"${tokens.join(' ').replace(/"/g, '""')}"`
}

function toRow(d: SearchDocument) {
  return {
    rowid: d.threadId,
    title: d.title,
    body: d.body,
    answer: d.answer,
    replies: d.replies,
    title_identifiers: d.titleIdentifiers,
    identifiers: d.identifiers,
    reply_identifiers: d.replyIdentifiers,
  }
}
