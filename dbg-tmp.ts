import { sql } from 'kysely'
import { createDb } from './src/db/connect.js'
import { migrateToLatest } from './src/db/migrate.js'
import { createImportContext, finishImport, importThread } from './src/domain/importer/index.js'
import { parseSearchQuery } from './src/domain/search/index.js'
import { fts5Expression } from './src/domain/search/fts5.queries.js'
import { CORPUS } from './test/fixtures/search-corpus/index.js'
const h = createDb({ dialect: 'sqlite', url: ':memory:' })
await migrateToLatest(h.db)
const keys = new Map<number, string>()
await h.db.transaction().execute(async (trx) => { const ctx = await createImportContext(trx); for (const c of CORPUS) keys.set(await importThread(trx, c.thread, ctx), c.key); await finishImport(trx, ctx) })
for (const q of process.argv.slice(2)) {
  const expr = fts5Expression(parseSearchQuery(q).terms, 'all')
  console.log(q, '→', expr)
  const cols = ['title', 'body', 'answer', 'replies', 'tids', 'ids', 'rids']
  const w = (i: number) => cols.map((_, j) => (j === i ? 1 : 0)).join(',')
  const rows = await sql<any>`select rowid, -bm25(search_fts, 10.0, 2.0, 2.0, 1.0, 10.0, 4.0, 1.0) as s, ${sql.raw(cols.map((c, i) => `-bm25(search_fts, ${w(i)}) as ${c}`).join(', '))}, length(identifiers) as idlen, length(body) as blen from search_fts where search_fts match ${expr} order by s desc`.execute(h.db)
  for (const r of rows.rows) console.log(keys.get(r.rowid), Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1000) / 1000 : v])))
}
