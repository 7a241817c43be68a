/**
 * Inserting many rows of a few plain columns in one statement whose SQL never changes: the rows travel
 * as one parameter (a JSON array on SQLite, one array per column on PostgreSQL) instead of one
 * placeholder per value. Building a multi-row INSERT costs JavaScript time per value (Kysely parses and
 * compiles each row) and makes new SQL for every row count; this costs one JSON.stringify or none, and the
 * statement is prepared once. Used for the derived rows every text write replaces (similarity terms,
 * signatures), hundreds per thread in bulk rebuilds.
 */
import { sql } from 'kysely'
import type { Executor } from './schema.js'
import { dialectOf } from './dialect.js'

/** A column and its PostgreSQL array element type (`int`, `bigint`, `text`). */
export interface ManyColumn {
  name: string
  type: 'int' | 'bigint' | 'text'
}

/**
 * Inserts `rows` (values in the order of `columns`; strings, numbers or null) into `table`.
 * @example await insertMany(trx, 'similarity_terms', [{ name: 'thread_id', type: 'int' }, …], [[1, 'vnode', 412]])
 */
export async function insertMany(
  db: Executor,
  table: string,
  columns: readonly ManyColumn[],
  rows: readonly (readonly (string | number | null)[])[],
): Promise<void> {
  if (rows.length === 0) return
  const names = sql.join(columns.map((c) => sql.id(c.name)))
  if (dialectOf(db) === 'sqlite') {
    const values = sql.join(columns.map((_, i) => sql`value ->> ${sql.raw(String(i))}`))
    await sql`insert into ${sql.table(table)} (${names})
      select ${values} from json_each(${JSON.stringify(rows)})`.execute(db)
    return
  }
  const arrays = sql.join(
    columns.map((c, i) => sql`${rows.map((r) => r[i] ?? null)}::${sql.raw(c.type)}[]`),
  )
  await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${arrays})`.execute(db)
}
