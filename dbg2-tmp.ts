import { sql } from 'kysely'
import { createDb } from './src/db/connect.js'
import { migrateToLatest } from './src/db/migrate.js'
import { createImportContext, finishImport, importThread } from './src/domain/importer/index.js'
import { parseSearchQuery } from './src/domain/search/index.js'
import { fts5Expression } from './src/domain/search/fts5.queries.js'
import { CORPUS, QUERIES } from './test/fixtures/search-corpus/index.js'
const h = createDb({ dialect: 'sqlite', url: ':memory:' })
await migrateToLatest(h.db)
const keys = new Map<number, string>()
await h.db.transaction().execute(async (trx) => { const ctx = await createImportContext(trx); for (const c of CORPUS) keys.set(await importThread(trx, c.thread, ctx), c.key); await finishImport(trx, ctx) })
const sets = ['10,2,2,1,10,4,1', '5,1.5,1.5,0.75,5,2,0.5', '6,1,1,0.5,6,3,0.5', '4,1,1,0.5,4,2,0.5']
for (const ws of sets) {
  let ok = 0; const misses: string[] = []; let margin = Infinity
  for (const { q, first } of QUERIES) {
    const pq = parseSearchQuery(q)
    const expr = fts5Expression(pq.terms, 'all')
    const rows = await sql<any>`select f.rowid as id, -bm25(search_fts, ${sql.raw(ws)}) * (case when t.accepted_post_id is null then 1.0 else ${sql.raw(process.env.SB ?? '1.15')} end) * (case when f.rowid in (select rowid from search_fts where search_fts match ${'{title title_identifiers} : (' + expr + ')'}) then ${sql.raw(process.env.TB ?? '1.5')} else 1.0 end) as s from search_fts f join threads t on t.id = f.rowid where search_fts match ${expr} ${pq.tags.length ? sql`and exists (select 1 from thread_tags tt join tags g on g.id = tt.tag_id where tt.thread_id = t.id and g.slug = ${pq.tags[0]})` : sql``} ${pq.solved ? sql`and t.accepted_post_id is not null` : sql``} order by s desc`.execute(h.db)
    const top = rows.rows[0]
    if (keys.get(top?.id) === first) { ok++; if (rows.rows[1]) margin = Math.min(margin, top.s / rows.rows[1].s) }
    else misses.push(`${q}→${keys.get(top?.id)}`)
  }
  console.log(ws, ok, '/', QUERIES.length, 'min margin', margin.toFixed(3), misses.join(' | '))
}
