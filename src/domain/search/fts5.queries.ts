/**
 * SQLite's search engine: the FTS5 table `search_fts` (rowid = thread id), ranked by bm25 with column weights.
 * MATCH receives only expressions built by {@link fts5Expression} from our own tokens, each one quoted, so no user
 * text can reach FTS5's query syntax (`"`, `*`, `NEAR(`, `-`, `OR` are all plain characters inside quotes).
 */
import { sql } from 'kysely'
import type { Executor } from '../../db/schema.js'
import type { SearchDocument } from './document.js'
import { filterSql, orderSql, type MatchPage } from './search.queries.js'
import type { MatchPlan, SearchEngine, SnippetTexts } from './engine.js'
import type { QueryTerm } from './search.types.js'

/**
 * bm25 weights, in column order: title, body (question), answer (accepted), replies, title identifiers,
 * identifiers, reply identifiers. A title hit outweighs a body hit; the question and the accepted answer
 * outweigh other replies; an identifier token (rare, exact) weighs more than the prose around it.
 */
const BM25 = sql.raw('bm25(search_fts, 10.0, 2.0, 2.0, 1.0, 10.0, 4.0, 1.0)')
/** Solved threads get a modest lift over equally relevant unsolved ones. */
const SCORE = sql<number>`(-${BM25} * (case when t.accepted_post_id is null then 1.0 else 1.15 end))`
const BATCH = 200

export const fts5Engine: SearchEngine = {
  async write(db, docs) {
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH)
      await db.deleteFrom('search_fts').where('rowid', 'in', batch.map((d) => d.threadId)).execute()
      await db.insertInto('search_fts').values(batch.map(toRow)).execute()
    }
  },

  async remove(db, threadIds) {
    if (threadIds.length > 0) await db.deleteFrom('search_fts').where('rowid', 'in', [...threadIds]).execute()
  },

  async removeOrphans(db) {
    await sql`delete from search_fts where rowid not in (select id from threads where deleted_at is null)`.execute(db)
  },

  async optimize(db) {
    // Merges the index's b-trees into one after a bulk rebuild: fewer segments to read per query.
    await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db)
  },

  async match(db: Executor, plan: MatchPlan): Promise<MatchPage> {
    const expression = fts5Expression(plan.terms, plan.mode)
    const where = sql`search_fts match ${expression} and ${filterSql(plan.filters)}`
    const rows = await sql<{ id: number }>`
      select t.id, ${SCORE} as score
      from search_fts join threads t on t.id = search_fts.rowid
      where ${where}
      order by ${orderSql(plan.sort, sql<number>`score`)}
      limit ${plan.limit} offset ${plan.offset}`.execute(db)
    const count = await sql<{ n: number }>`
      select count(*) as n from (
        select 1 from search_fts join threads t on t.id = search_fts.rowid where ${where} limit ${plan.countCap + 1}
      ) as capped`.execute(db)
    return { ids: rows.rows.map((r) => r.id), total: Number(count.rows[0]?.n ?? 0) }
  },

  async texts(db, threadIds): Promise<Map<number, SnippetTexts>> {
    if (threadIds.length === 0) return new Map()
    const rows = await db
      .selectFrom('search_fts')
      .select(['rowid', 'body', 'answer', 'replies'])
      .where('rowid', 'in', [...threadIds])
      .execute()
    return new Map(rows.map((r) => [r.rowid, { body: r.body, answer: r.answer, replies: r.replies }]))
  },
}

/**
 * The FTS5 MATCH expression for some terms: each term is an OR of quoted alternatives (its words as a phrase,
 * its whole-identifier token, its fine parts as a phrase), and terms are joined by AND (mode 'all') or OR.
 * @example fts5Expression([{ kind: 'word', text: 'sosend_reinject()', words: ['sosend', 'reinject'], whole: 'sosendqxreinject', parts: null }], 'all')
 * // '("sosend reinject" OR "sosendqxreinject")'
 */
export function fts5Expression(terms: readonly QueryTerm[], mode: 'all' | 'any'): string {
  return terms
    .map((term) => {
      const alternatives = new Set([quote(term.words)])
      if (term.whole !== null) alternatives.add(quote([term.whole]))
      if (term.parts !== null) alternatives.add(quote(term.parts))
      return alternatives.size === 1 ? [...alternatives].join('') : `(${[...alternatives].join(' OR ')})`
    })
    .join(mode === 'all' ? ' AND ' : ' OR ')
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
