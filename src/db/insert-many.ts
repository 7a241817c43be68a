/**
 * Inserting many rows in statements whose SQL never changes, so each is prepared once and no query builder
 * walks the rows. Building a multi-row INSERT with Kysely costs JavaScript time per value (it parses and
 * compiles each row) and makes new SQL for every row count, which SQLite then prepares again (about a
 * millisecond for a few hundred rows). Used for the derived rows every text write replaces (similarity
 * terms, signatures, search rows) and for the importer's rows, hundreds per thread in bulk loads.
 *
 * SQLite: multi-row VALUES of three fixed sizes (100, 10 and 1 rows; fewer than 100 for a table so wide that
 * 100 rows' SQL would outgrow what the statement cache keeps, statement-cache.ts), each prepared once: 100
 * rows a statement was the fastest shape measured (2.2 µs a row, against 3.0 through json_each;
 * docs/performance-log.md, 2026-12-03 afternoon).
 * PostgreSQL: one array parameter per column through unnest(), or Kysely's VALUES for rows of any shape.
 */
import { CompiledQuery, sql, type Insertable } from 'kysely'
import type { Database, Executor } from './schema.js'
import { dialectOf } from './dialect.js'
import { MAX_CACHED_SQL_LENGTH } from './statement-cache.js'

/** A column and its PostgreSQL array element type (`int`, `bigint`, `text`). */
export interface ManyColumn {
  name: string
  type: 'int' | 'bigint' | 'text'
}

/** A value SQLite binds: better-sqlite3 takes numbers, bigints, strings, buffers and null. */
type Value = string | number | bigint | Uint8Array | null

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
  if (dialectOf(db) === 'sqlite') {
    await insertSqliteValues(
      db,
      table,
      columns.map((c) => c.name),
      rows,
    )
    return
  }
  const names = sql.join(columns.map((c) => sql.id(c.name)))
  const arrays = sql.join(
    columns.map((c, i) => sql`${rows.map((r) => r[i] ?? null)}::${sql.raw(c.type)}[]`),
  )
  await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${arrays})`.execute(db)
}

/** Rows per multi-row statement built by Kysely: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
export const ROWS_PER_STATEMENT = 500

/**
 * Inserts rows that all name the same columns (those of the first row, in its key order): a multi-row
 * INSERT gives SQLite NULL, not the default, for a column some rows leave out, so callers fill every one.
 * @example await insertRows(trx, 'posts', rows.posts)
 */
export async function insertRows<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0]
  if (first === undefined) return
  if (dialectOf(db) === 'sqlite') {
    const names = Object.keys(first)
    const values = rows.map((row) => {
      const record = row as Record<string, Value>
      return names.map((name) => record[name] ?? null)
    })
    await insertSqliteValues(db, table, names, values)
    return
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    // Kysely's typing of insertInto over a union of tables needs the row type widened.
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT) as Insertable<Database[keyof Database]>[]
    await db
      .insertInto(table)
      .values(chunk as never)
      .execute()
  }
}

/** Table and column names are the code's own; anything else is refused rather than quoted. */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/

/** SQLite statement sizes, largest first: a batch is written in as few statements of these shapes as fit. */
const SQLITE_SHAPES = [100, 10, 1] as const

/** The shapes for one table: each shape's SQL short enough for the statement cache to keep it. */
function shapesFor(head: string, tuple: string): number[] {
  const fits = Math.max(1, Math.floor((MAX_CACHED_SQL_LENGTH - head.length) / (tuple.length + 1)))
  return [...new Set(SQLITE_SHAPES.map((size) => Math.min(size, fits)))]
}

async function insertSqliteValues(
  db: Executor,
  table: string,
  names: readonly string[],
  rows: readonly (readonly Value[])[],
): Promise<void> {
  for (const name of [table, ...names])
    if (!IDENTIFIER.test(name))
      throw new Error(`insert-many: ${JSON.stringify(name)} is not a plain identifier`)
  const head = `insert into "${table}" (${names.map((n) => `"${n}"`).join(', ')}) values `
  const tuple = `(${names.map(() => '?').join(',')})`
  let at = 0
  for (const size of shapesFor(head, tuple)) {
    if (rows.length - at < size) continue
    const text = head + new Array<string>(size).fill(tuple).join(',')
    for (; rows.length - at >= size; at += size) {
      const parameters: Value[] = []
      for (let i = at; i < at + size; i++)
        for (const value of rows[i] as Value[]) parameters.push(value)
      await db.executeQuery(CompiledQuery.raw(text, parameters))
    }
  }
}
