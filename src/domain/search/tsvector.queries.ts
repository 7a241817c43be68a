/**
 * PostgreSQL's search engine: `search_documents` with a generated tsvector (title and its identifiers A, question
 * and accepted answer B, their identifiers C, other replies and their identifiers D) and a GIN index, ranked by ts_rank_cd. Queries are built from our tokens
 * with phraseto_tsquery / plainto_tsquery, which take any text as data (never to_tsquery on user text), and
 * combined with the tsquery operators || and &&.
 */
import { sql, type RawBuilder } from 'kysely'
import { termAlternatives } from './alternatives.js'
import type { Executor } from '../../db/schema.js'
import type { Candidate, MatchPlan, SearchEngine, SnippetTexts } from './engine.types.js'
import type { SearchFilters } from './engine.types.js'
import { filterSql, hasFilters } from './search.queries.js'
import { RANK_BOOSTS, type QueryTerm } from './search.types.js'

/**
 * ts_rank_cd weights for {D, C, B, A}: other replies, identifiers, question and accepted answer, title. Flag 1
 * divides by 1 + log(length), so a long thread does not win by size alone.
 */
const WEIGHTS = sql.lit('{0.1, 0.4, 0.3, 1.0}')
/** ts_rank_cd over the matches' vectors (`m`), lifted modestly for solved threads (`t`). */
const SCORE = sql<number>`(ts_rank_cd(${WEIGHTS}::float4[], m.search_vector, query.q, 1)
  * (case when t.accepted_post_id is null then 1.0 else ${sql.lit(RANK_BOOSTS.solved)} end))`
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
    if (threadIds.length > 0)
      await db
        .deleteFrom('search_documents')
        .where('thread_id', 'in', [...threadIds])
        .execute()
  },

  async removeOrphans(db) {
    await sql`delete from search_documents d where not exists (select 1 from threads t where t.id = d.thread_id and t.deleted_at is null)`.execute(
      db,
    )
  },

  async beginBulkLoad() {
    // Nothing to defer: bench-data drops the GIN index before a load and builds it once after.
  },

  async optimize(db) {
    await sql`analyze search_documents`.execute(db)
  },

  async candidatesSql(db, plan, cap) {
    // The newest `cap` matches with their vectors: where the planner is left to choose, its query runs
    // inside this one and each vector is read once; otherwise the ids the passes found.
    let matches: RawBuilder<unknown>
    if (leftToPlanner(plan)) matches = plannerMatches(plan, cap)
    else {
      const ids = await newestMatches(db, plan, cap)
      if (ids.length === 0) return null
      matches = sql`select d.thread_id, d.search_vector from search_documents d
        where d.thread_id in (${sql.join(ids)})`
    }
    // Ranking reads each candidate's whole tsvector, so it runs only on these newest matches.
    const score = plan.sort === 'relevance' ? SCORE : sql<number>`0`
    return sql<Candidate>`
      select t.id, ${score} as score, t.created_at as "createdAt", t.last_activity_at as "lastActivityAt",
        t.boost_count as "boostCount"
      from (${matches}) as m join threads t on t.id = m.thread_id
        cross join (select ${tsquery(plan.terms, plan.mode)} as q) as query
      order by m.thread_id desc`
  },

  async texts(db, threadIds): Promise<Map<number, SnippetTexts>> {
    if (threadIds.length === 0) return new Map()
    const rows = await db
      .selectFrom('search_documents')
      .select(['thread_id as threadId', 'body', 'answer', 'replies'])
      .where('thread_id', 'in', [...threadIds])
      .execute()
    return new Map(
      rows.map((r) => [r.threadId, { body: r.body, answer: r.answer, replies: r.replies }]),
    )
  },
}

/**
 * One word or identifier (its frequency is in the statistics), or words with filters (the planner weighs
 * their selectivity too, and measured best left alone): the planner chooses how to find the newest matches.
 */
function leftToPlanner(plan: MatchPlan): boolean {
  return !plan.terms.some(isPhrase) && (hasFilters(plan.filters) || plan.terms.length === 1)
}

/** The newest `cap` matches with their vectors, found as the planner chooses. */
function plannerMatches(plan: MatchPlan, cap: number): RawBuilder<unknown> {
  const filtered = hasFilters(plan.filters)
  return sql`select d.thread_id, d.search_vector from search_documents d
    ${filtered ? sql`join threads t on t.id = d.thread_id` : sql``}
    where d.search_vector @@ ${tsquery(plan.terms, plan.mode)}
      ${filtered ? sql`and ${filterSql(plan.filters)}` : sql``}
    order by d.thread_id desc limit ${cap}`
}

/** Pass 1 reads at most this many of the newest documents (or threads passing the filters), per cap. */
const RECENT_SCAN = 20
/** With a phrase, pass 2 checks it on at most this many older threads holding its words, per cap. */
const PHRASE_WINDOW = 10
const PHRASE_CHUNK = 1000
/** Pass 2's walk reads the ids that ought to hold its matches this many times over (the estimate is rough). */
const WALK_SLACK = 3

/**
 * Ids of the newest `cap` matching threads, newest first, for the queries not left to the planner (see
 * {@link leftToPlanner}). Several words or a phrase run in at most two passes, because the planner's estimate fails
 * both ways. It multiplies the words' frequencies as if they were independent and, for common words whose
 * combination is rare (or a phrase, which it reads as the AND of its words), walks the newest rows testing each
 * one to the end of the table (3.4 s at a million threads for `"kernel panic"`, which no thread writes); for a
 * combination that is common it may choose GIN instead and intersect posting lists of most of the table, though
 * the first thousand matches are among the newest few thousand threads. docs/search.md, "Matching", has the
 * measurements. Before pass 1, the planner's own estimate sends rare words straight to GIN (a walk would test
 * 20,000 rows in vain).
 *
 * Pass 1 walks the newest `cap × RECENT_SCAN` documents (or threads passing the filters, whose text alone is
 * then tested), newest first, testing each: where matches are common it stops early. When it finds fewer than
 * `cap`, pass 2 looks for the older threads holding all the words (a phrase's words joined by AND), filters
 * included, by a walk over a window of ids or through GIN ({@link olderMatches}); a phrase is then checked on
 * the newest `cap × PHRASE_WINDOW` of them, a chunk at a time. A rare phrase of common words is therefore looked
 * for among the newest 20,000 threads and then the newest 10,000 older ones holding its words, not everywhere;
 * words alone have no limit.
 */
async function newestMatches(db: Executor, plan: MatchPlan, cap: number): Promise<number[]> {
  const match = tsquery(plan.terms, plan.mode)
  const filtered = hasFilters(plan.filters)
  const phrased = plan.terms.some(isPhrase)
  const words = phrased ? tsquery(plan.terms, plan.mode, { phrasesAsWords: true }) : match
  // Rare words: GIN's posting lists are short, so it answers at once (a walk would test 20,000 rows in vain).
  const estimate = await estimatedRows(
    db,
    sql`select 1 from search_documents d where d.search_vector @@ ${words}`,
  )
  const rare = estimate < cap * 2
  let found: number[] = []
  let bound = 0 // the oldest id pass 1 read; 0 when it read everything or did not run
  if (!rare) {
    // Pass 1. With filters it walks the newest threads passing them, and where it stopped is asked for
    // only when it found too few for pass 2; without, the edge is what bounds the walk.
    if (filtered) {
      found = await walk(db, plan.filters, match, { newest: cap * RECENT_SCAN }, cap)
      if (found.length >= cap) return found
      bound = await recentEdge(db, plan.filters, cap * RECENT_SCAN)
    } else {
      bound = await recentEdge(db, plan.filters, cap * RECENT_SCAN)
      found = await walk(db, plan.filters, match, { from: bound }, cap)
      if (found.length >= cap) return found
    }
    if (bound === 0) return found
  }
  const limit = phrased ? cap * PHRASE_WINDOW : cap - found.length
  const older = await olderMatches(db, plan.filters, words, bound, limit, estimate)
  if (!phrased) return [...found, ...older]
  for (let i = 0; i < older.length && found.length < cap; i += PHRASE_CHUNK) {
    const { rows } = await sql<{ id: number }>`
      select thread_id as id from search_documents
      where thread_id in (${sql.join(older.slice(i, i + PHRASE_CHUNK))}) and search_vector @@ ${match}
      order by thread_id desc`.execute(db)
    found.push(...rows.map((r) => r.id))
  }
  return found.slice(0, cap)
}

/**
 * The id of the `n`-th newest document, or of the `n`-th newest thread passing the filters: where pass 1
 * stops. 0 when there are fewer.
 */
async function recentEdge(db: Executor, filters: SearchFilters, n: number): Promise<number> {
  const { rows } = hasFilters(filters)
    ? await sql<{ id: number }>`
        select t.id from threads t where ${filterSql(filters)}
        order by t.id desc offset ${n - 1} limit 1`.execute(db)
    : await sql<{ id: number }>`
        select thread_id as id from search_documents order by thread_id desc
        offset ${n - 1} limit 1`.execute(db)
  return rows[0]?.id ?? 0
}

/**
 * Pass 2: the newest `limit` threads older than `bound` holding all the words, filters included. A walk newest
 * first reads each row's vector; a GIN bitmap scan reads the heap page of every match in the table (a
 * vector is kept in its row, so pages hold few rows). Where the words are common enough that the walk should
 * meet `limit` matches within fewer rows than GIN would return, the walk reads the ids below `bound` that
 * ought to hold them WALK_SLACK times over, and GIN is asked for the rest below those only when they held
 * too few: 59,000 rows walked in 95 ms against 410 ms through GIN for `kernel & panic` at 1M.
 */
async function olderMatches(
  db: Executor,
  filters: SearchFilters,
  words: RawBuilder<unknown>,
  bound: number,
  limit: number,
  estimate: number,
): Promise<number[]> {
  const filtered = hasFilters(filters)
  if (bound > 0 && estimate > 0) {
    const documents = await estimatedRows(db, sql`select 1 from search_documents`)
    // Rows the walk expects to read: documents, or threads passing the filters (the words taken as
    // independent of the filters, the same count either way).
    const rows = (limit * documents) / estimate
    if (rows < estimate) {
      const passing = filtered
        ? await estimatedRows(db, sql`select 1 from threads t where ${filterSql(filters)}`)
        : documents
      const span = Math.ceil((WALK_SLACK * rows * documents) / Math.max(passing, 1))
      const floor = Math.max(0, bound - span)
      const walked = await walk(db, filters, words, { from: floor, below: bound }, limit)
      if (walked.length >= limit || floor === 0) return walked
      return [...walked, ...(await ginBelow(db, filters, words, floor, limit - walked.length))]
    }
  }
  return ginBelow(db, filters, words, bound, limit)
}

/**
 * The newest `limit` threads matching `query`, read newest first with ids in [from, below), pinned to index
 * scans. With filters the walk takes the threads passing them first (only the `newest` so many, when given)
 * and reads the tsvector of those alone: a subplan per thread, so the planner cannot test every document's
 * text first and join after (134–160 ms against 233–403 for a phrase with a tag and is:solved at 1M).
 */
function walk(
  db: Executor,
  filters: SearchFilters,
  query: RawBuilder<unknown>,
  range: { from?: number; below?: number; newest?: number },
  limit: number,
): Promise<number[]> {
  const within = (id: RawBuilder<unknown>) => [
    ...(range.from === undefined ? [] : [sql`${id} >= ${range.from}`]),
    ...(range.below === undefined ? [] : [sql`${id} < ${range.below}`]),
  ]
  return pinned(db, 'walk', async (trx) => {
    const { rows } = hasFilters(filters)
      ? await sql<{ id: number }>`
          select f.id from (
            select t.id from threads t
            where ${sql.join([...within(sql`t.id`), filterSql(filters)], sql` and `)}
            order by t.id desc ${range.newest === undefined ? sql`offset 0` : sql`limit ${range.newest}`}
          ) f
          where (select d.search_vector @@ ${query} from search_documents d where d.thread_id = f.id)
          order by f.id desc limit ${limit}`.execute(trx)
      : await sql<{ id: number }>`
          select d.thread_id as id from search_documents d
          where ${sql.join([...within(sql`d.thread_id`), sql`d.search_vector @@ ${query}`], sql` and `)}
          order by d.thread_id desc limit ${limit}`.execute(trx)
    return rows.map((r) => r.id)
  })
}

/** The newest `limit` threads below `bound` (anywhere when 0) holding all the words, through GIN. */
function ginBelow(
  db: Executor,
  filters: SearchFilters,
  words: RawBuilder<unknown>,
  bound: number,
  limit: number,
): Promise<number[]> {
  const filtered = hasFilters(filters)
  return pinned(db, 'gin', async (trx) => {
    const { rows } = await sql<{ id: number }>`
      select d.thread_id as id from search_documents d
        ${filtered ? sql`join threads t on t.id = d.thread_id` : sql``}
      where d.search_vector @@ ${words} ${bound > 0 ? sql`and d.thread_id < ${bound}` : sql``}
        ${filtered ? sql`and ${filterSql(filters)}` : sql``}
      order by d.thread_id desc limit ${limit}`.execute(trx)
    return rows.map((r) => r.id)
  })
}

/** The planner's estimate of the rows a query returns (from the statistics ANALYZE keeps). */
async function estimatedRows(db: Executor, query: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`
    explain (format json) ${query}`.execute(db)
  return rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0
}

/**
 * Runs a query with the planner pinned: 'walk' to index scans (newest first through the primary key), 'gin' to
 * bitmap scans (GIN for the text). Inside a caller's transaction the settings would outlive this query, so
 * there the planner chooses.
 */
async function pinned<T>(
  db: Executor,
  plan: 'walk' | 'gin',
  run: (trx: Executor) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return run(db)
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx)
    if (plan === 'gin') await sql`set local enable_indexscan = off`.execute(trx)
    else await sql`set local enable_bitmapscan = off`.execute(trx)
    return run(trx)
  })
}

function isPhrase(term: QueryTerm): boolean {
  return (termAlternatives(term).prose?.length ?? 0) > 1
}

/**
 * The tsquery for some terms: each term is an OR (||) of its alternatives (see alternatives.ts), prose through
 * the `english` config and identifier tokens through `simple`; terms are joined with && (mode 'all') or ||.
 * Every token is a bound parameter of phraseto_tsquery or plainto_tsquery, which read any text as data.
 */
export function tsquery(
  terms: readonly QueryTerm[],
  mode: 'all' | 'any',
  options: { phrasesAsWords?: boolean } = {},
): RawBuilder<unknown> {
  // plainto_tsquery joins the same lexemes with & where phraseto_tsquery uses <->: a superset, exact on GIN.
  const phrased = options.phrasesAsWords ? sql.raw('plainto_tsquery') : sql.raw('phraseto_tsquery')
  const perTerm = terms.map((term) => {
    const { prose, whole } = termAlternatives(term)
    const alternatives: RawBuilder<unknown>[] = []
    if (prose !== null) {
      alternatives.push(sql`${phrased}('english', ${prose.join(' ')})`)
      // A plain word may also be an identifier part, indexed unstemmed with `simple`.
      if (term.kind === 'word') alternatives.push(sql`${phrased}('simple', ${prose.join(' ')})`)
    }
    // A one-word identifier's whole token is that word, already searched with `simple` above.
    if (whole !== null && !(prose?.length === 1 && prose[0] === whole))
      alternatives.push(sql`plainto_tsquery('simple', ${whole})`)
    return sql`(${sql.join(alternatives, sql` || `)})`
  })
  return sql`(${sql.join(perTerm, mode === 'all' ? sql` && ` : sql` || `)})`
}
