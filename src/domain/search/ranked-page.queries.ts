/**
 * One page of a search, ordered and counted in the database: the matcher's statement (the newest matches
 * with their sort keys) runs inside this one, which ranks its first `window` rows and returns the page's
 * ids and how many rows the matcher found. Ordering the candidates in JavaScript read all of them (up to
 * 1,001 rows of five columns) into objects for the 20 kept; issue 29, docs/performance.md.
 */
import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../../db/schema.js'
import type { Candidate } from './engine.types.js'
import type { SearchSort } from './search.types.js'

/** Each sort as SQL over the candidates' columns; recency breaks ties, then the id (as search-threads.ts documents). */
const ORDER: Record<SearchSort, RawBuilder<unknown>> = {
  relevance: sql`score desc, "lastActivityAt" desc, id desc`,
  newest: sql`"createdAt" desc, id desc`,
  activity: sql`"lastActivityAt" desc, id desc`,
  boosts: sql`"boostCount" desc, "lastActivityAt" desc, id desc`,
}

/**
 * The ids of rows `offset + 1 … offset + limit` of the first `window` candidates (newest first) in `sort`
 * order, and how many candidates the statement found (at most its own cap).
 * @example await rankedPage(db, sqlOfCandidates, 'relevance', 1000, 0, 20) // { ids: [812, 77, …], found: 1001 }
 */
export async function rankedPage(
  db: Executor,
  candidates: RawBuilder<Candidate>,
  sort: SearchSort,
  window: number,
  offset: number,
  limit: number,
): Promise<{ ids: number[]; found: number }> {
  // Materialized: `m` is read twice (the count and the page), and must run once.
  const { rows } = await sql<{ pos: number; id: number }>`
    with m as materialized (${candidates}),
    w as (select * from m order by id desc limit ${window}),
    r as (select id, row_number() over (order by ${ORDER[sort]}) as pos from w)
    select 0 as pos, count(*) as id from m
    union all
    select pos, id from r where pos > ${offset} and pos <= ${offset + limit}`.execute(db)
  // The count's row (position 0) is always there: an aggregate without GROUP BY gives one row.
  const byPos = rows
    .map((r) => ({ pos: Number(r.pos), id: Number(r.id) }))
    .sort((a, b) => a.pos - b.pos)
  return { ids: byPos.slice(1).map((r) => r.id), found: byPos[0]?.id ?? 0 }
}
