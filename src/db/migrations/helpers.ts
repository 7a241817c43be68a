/**
 * Column helpers shared by migrations. Frozen: once a migration uses a helper, the helper never
 * changes (a changed helper would rewrite history). Add a new helper instead.
 */
import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
} from 'kysely'

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/** An auto-assigned integer primary key: serial in PostgreSQL, the rowid alias in SQLite. */
export function withId<T extends string>(
  db: Kysely<any>,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey())
}

/** Epoch milliseconds: bigint in PostgreSQL, integer (64-bit) in SQLite. */
export function timeType(db: Kysely<any>): 'bigint' | 'integer' {
  return isPostgres(db) ? 'bigint' : 'integer'
}

/** Raw bytes: bytea in PostgreSQL, blob in SQLite. */
export function bytesType(db: Kysely<any>): 'bytea' | 'blob' {
  return isPostgres(db) ? 'bytea' : 'blob'
}

export const zero = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0)

export { sql }
