import { sql, type Kysely } from 'kysely'
import { isPostgres } from './helpers.js'

/**
 * PostgreSQL: `search_documents.search_vector` moves into the row (`storage main`) from the TOAST table
 * (`storage external`). Every search reads vectors row by row (the newest-first walk tests each one, the
 * ranking reads each candidate's), and a vector out of line costs a TOAST index probe and two or three
 * chunks; in the row it is read with the row. At a million threads: 5,643 rows walked for `vnode_put` in
 * 30 ms before, 16 ms after (docs/performance.md). The text columns stay out of line.
 *
 * A new setting applies to rows written after it, so the table is rewritten (CLUSTER on the primary key
 * also puts the rows in id order, the order the walk reads them): instant on a new database, about 1.5
 * minutes (96 s measured) with the table locked at a million threads, then VACUUM ANALYZE (`vacuumAfter`, run by
 * migrateToLatest once this has committed). SQLite: nothing to do.
 */
export const vacuumAfter = ['search_documents']

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return
  await sql`alter table search_documents alter column search_vector set storage main`.execute(db)
  await sql`cluster search_documents using search_documents_pkey`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return
  await sql`alter table search_documents alter column search_vector set storage external`.execute(
    db,
  )
  await sql`alter table search_documents set without cluster`.execute(db)
}
