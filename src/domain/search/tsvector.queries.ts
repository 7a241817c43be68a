/**
 * PostgreSQL's search engine: `search_documents` with a generated tsvector (title and its identifiers A, question
 * and accepted answer B, their identifiers C, other replies and their identifiers D) and a GIN index, ranked by ts_rank_cd. Queries are built from our tokens
 * with phraseto_tsquery / plainto_tsquery, which take any text as data (never to_tsquery on user text), and
 * combined with the tsquery operators || and &&.
 */
import { sql, type RawBuilder } from 'kysely'
import type { SearchDocument } from './document.js'
import type { MatchPlan, SearchEngine, SnippetTexts } from './engine.js'
import { filterSql, orderSql, type MatchPage } from './search.queries.js'
import type { QueryTerm } from './search.types.js'

/**
 * ts_rank_cd weights for {D, C, B, A}: other replies, identifiers, question and accepted answer, title. Flag 1
 * divides by 1 + log(length), so a long thread does not win by size alone.
 */
const WEIGHTS = sql.lit('{0.1, 0.4, 0.3, 1.0}')
const SCORE = sql<number>`(ts_rank_cd(${WEIGHTS}::float4[], d.search_vector, query.q, 1) * (case when t.accepted_post_id is null then 1.0 else 1.15 end))`
const BATCH = 200

export const tsvectorEngine: SearchEngine = {
  async write(db, docs) {
    for (let i = 0; i < docs.length; i += BATCH) {
      const rows = docs.slice(i, i + BATCH).map((d) => ({
        thread_id: d.threadId,
        title: d.title,
        body: d.body,
        answer: d.answer,
        replies: d.replies,
        title_identifiers: d.titleIdentifiers,
        identifiers: d.identifiers,
        reply_identifiers: d.replyIdentifiers,
      }))
      await db
        .insertInto('search_documents')
        .values(rows)
        .onConflict((oc) =>
          oc.column('thread_id').doUpdateSet((eb) => ({
            title: eb.ref('excluded.title'),
            body: eb.ref('excluded.body'),
            answer: eb.ref('excluded.answer'),
            replies: eb.ref('excluded.replies'),
            title_identifiers: eb.ref('excluded.title_identifiers'),
            identifiers: eb.ref('excluded.identifiers'),
            reply_identifiers: eb.ref('excluded.reply_identifiers'),
          })),
        )
        .execute()
    }
  },

  async remove(db, threadIds) {
    if (threadIds.length > 0) await db.deleteFrom('search_documents').where('thread_id', 'in', [...threadIds]).execute()
  },

  async removeOrphans(db) {
    await sql`delete from search_documents d where not exists (select 1 from threads t where t.id = d.thread_id and t.deleted_at is null)`.execute(db)
  },

  async optimize(db) {
    await sql`analyze search_documents`.execute(db)
  },

  async match(db, plan: MatchPlan): Promise<MatchPage> {
    const from = sql`search_documents d join threads t on t.id = d.thread_id cross join (select ${tsquery(plan.terms, plan.mode)} as q) as query`
    const where = sql`d.search_vector @@ query.q and ${filterSql(plan.filters)}`
    const rows = await sql<{ id: number }>`
      select t.id, ${SCORE} as score from ${from}
      where ${where}
      order by ${orderSql(plan.sort, sql<number>`score`)}
      limit ${plan.limit} offset ${plan.offset}`.execute(db)
    const count = await sql<{ n: number }>`
      select count(*) as n from (select 1 from ${from} where ${where} limit ${plan.countCap + 1}) as capped`.execute(db)
    return { ids: rows.rows.map((r) => r.id), total: Number(count.rows[0]?.n ?? 0) }
  },

  async texts(db, threadIds): Promise<Map<number, SnippetTexts>> {
    if (threadIds.length === 0) return new Map()
    const rows = await db
      .selectFrom('search_documents')
      .select(['thread_id as threadId', 'body', 'answer', 'replies'])
      .where('thread_id', 'in', [...threadIds])
      .execute()
    return new Map(rows.map((r) => [r.threadId, { body: r.body, answer: r.answer, replies: r.replies }]))
  },
}

/**
 * The tsquery for some terms. A word term matches as English prose (stemmed phrase of its words), as identifier
 * parts (`simple` phrase, for camelCase splits), or as its whole-identifier token; a phrase matches as English
 * prose. Terms are joined with && (mode 'all') or ||. Every token is a bound parameter.
 */
export function tsquery(terms: readonly QueryTerm[], mode: 'all' | 'any'): RawBuilder<unknown> {
  const perTerm = terms.map((term) => {
    const words = term.words.join(' ')
    const alternatives = [sql`phraseto_tsquery('english', ${words})`]
    if (term.kind === 'word') {
      alternatives.push(sql`phraseto_tsquery('simple', ${(term.parts ?? term.words).join(' ')})`)
      if (term.whole !== null) alternatives.push(sql`plainto_tsquery('simple', ${term.whole})`)
    }
    return sql`(${sql.join(alternatives, sql` || `)})`
  })
  return sql`(${sql.join(perTerm, mode === 'all' ? sql` && ` : sql` || `)})`
}
