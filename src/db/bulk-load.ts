/**
 * What a bulk load into an empty database does around the importer (`quorum bench-data`): settings
 * that trade durability for speed while loading, non-unique indexes dropped first and built once
 * after the rows, and statistics for the planner at the end.
 */
import { sql } from 'kysely'
import type { Dialect } from '../config.js'
import type { Db } from './schema.js'

export interface IndexDefinition {
  name: string
  definition: string
}

/**
 * SQLite only: a generated database can be generated again, so durability is traded for speed while it
 * loads. The rollback journal in memory instead of the WAL writes each page once, not twice (WAL, then
 * checkpoint); nothing else has the file open. {@link finishBulkLoad} brings WAL back.
 */
export async function beginBulkLoad(db: Db, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return
  await sql`pragma journal_mode = memory`.execute(db)
  // The importer writes only rows whose references it has just resolved; checking each one again
  // costs an index probe per foreign key per row. (Per connection: the server checks them.)
  await sql`pragma foreign_keys = off`.execute(db)
  // Index builds sort with a helper thread.
  await sql`pragma threads = 2`.execute(db)
  await sql`pragma synchronous = off`.execute(db)
  await sql`pragma cache_size = -1048576`.execute(db)
  await sql`pragma temp_store = memory`.execute(db)
}

/**
 * Statistics for the planner: on SQLite a sampled ANALYZE (the planner needs the shape of each index,
 * not exact counts; a full one read every row of a 12 GB forum), then WAL again; on PostgreSQL
 * `VACUUM ANALYZE`.
 */
export async function finishBulkLoad(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`pragma analysis_limit = 1000`.execute(db)
    await sql`analyze`.execute(db)
    await sql`pragma journal_mode = wal`.execute(db)
  } else await sql`vacuum analyze`.execute(db)
}

/**
 * Drops the non-unique indexes of `tables` and returns their definitions: building an index once over
 * sorted keys is several times faster than growing it row by row. Unique indexes stay (the importer
 * looks people and tags up by them). Run each definition with {@link buildIndex} afterwards.
 */
export async function dropSecondaryIndexes(
  db: Db,
  dialect: Dialect,
  tables: readonly string[],
): Promise<IndexDefinition[]> {
  const indexes =
    dialect === 'sqlite'
      ? (
          await sql<IndexDefinition>`
            select name, sql as definition from sqlite_master
            where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)})`.execute(
            db,
          )
        ).rows
      : (
          await sql<IndexDefinition>`
            select indexname as name, indexdef as definition from pg_indexes
            where schemaname = current_schema() and tablename in (${sql.join(tables)})`.execute(db)
        ).rows
  const secondary = indexes.filter((i) => !/^create unique/i.test(i.definition))
  for (const { name } of secondary) await sql`drop index ${sql.id(name)}`.execute(db)
  return secondary
}

export async function buildIndex(db: Db, index: IndexDefinition): Promise<void> {
  await sql.raw(index.definition).execute(db)
}
