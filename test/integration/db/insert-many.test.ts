/**
 * insertMany and insertRows: many rows in statements whose SQL never changes, on both databases. The values
 * travel as parameters of multi-row VALUES of three fixed sizes (SQLite) or as arrays (PostgreSQL): text
 * with quotes, braces, backslashes, commas, NUL-free control characters and non-Latin letters, nulls, bytes
 * and large integers must arrive unchanged, and every row count must land whole.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertMany, insertRows, type ManyColumn } from '../../../src/db/insert-many.js'
import { MAX_CACHED_SQL_LENGTH } from '../../../src/db/statement-cache.js'
import { DIALECTS } from '../../support/dialects.js'
import { openTestDb } from '../../support/test-db.js'

const COLUMNS: readonly ManyColumn[] = [
  { name: 'id', type: 'int' },
  { name: 'label', type: 'text' },
  { name: 'big', type: 'bigint' },
]

const AWKWARD = [
  `it's "quoted"`,
  '{braces},[brackets]',
  'back\\slash \\" and \\\\',
  'NULL',
  '',
  'tab\tnew\nline',
  'ünïcödé 日本語 🧵',
  '->> 0',
]

describe.each(DIALECTS)('%s: insertMany', (dialect) => {
  let opened: Awaited<ReturnType<typeof openTestDb>>
  const db = () => opened.handle.db

  beforeAll(async () => {
    opened = await openTestDb(dialect)
    await sql`create table many_probe (id integer not null, label text, big bigint)`.execute(db())
  })
  afterAll(async () => opened?.dispose())

  it('inserts every row with its values unchanged', async () => {
    const rows = AWKWARD.map((label, i) => [i + 1, label, 2 ** 40 + i] as const)
    await insertMany(db(), 'many_probe', COLUMNS, [...rows, [99, null, null]])
    const { rows: stored } = await sql<{ id: number; label: string | null; big: unknown }>`
      select id, label, big from many_probe order by id`.execute(db())
    expect(
      stored.map((r) => [Number(r.id), r.label, r.big === null ? null : Number(r.big)]),
    ).toEqual([...rows.map((r) => [...r]), [99, null, null]])
  })

  it('does nothing for no rows; on SQLite, a count is written 100, then 10, then 1 rows a statement', async () => {
    const texts: string[] = []
    const counted = await openTestDb(dialect, { onQuery: (event) => texts.push(event.query.sql) })
    try {
      await sql`create table many_probe (id integer not null, label text, big bigint)`.execute(
        counted.handle.db,
      )
      for (const count of [0, 1, 9, 10, 11, 99, 100, 101, 250, 5000]) {
        await sql`delete from many_probe`.execute(counted.handle.db)
        texts.length = 0
        const many = Array.from({ length: count }, (_, i) => [i, `term${i}`, i] as const)
        await insertMany(counted.handle.db, 'many_probe', COLUMNS, many)
        const expected =
          count === 0
            ? 0
            : dialect === 'postgres'
              ? 1
              : Math.floor(count / 100) + Math.floor((count % 100) / 10) + (count % 10)
        expect(texts, `${count} rows`).toHaveLength(expected)
        // Three statement texts at most, whatever the count, each short enough to be cached.
        expect(new Set(texts).size).toBeLessThanOrEqual(dialect === 'postgres' ? 1 : 3)
        for (const text of texts) expect(text.length).toBeLessThanOrEqual(MAX_CACHED_SQL_LENGTH)
        const { rows } = await sql<{ n: number; ids: number }>`
          select count(*) as n, count(distinct id) as ids from many_probe`.execute(
          counted.handle.db,
        )
        expect([Number(rows[0]?.n), Number(rows[0]?.ids)], `${count} rows`).toEqual([count, count])
      }
    } finally {
      await counted.dispose()
    }
  })

  it("insertRows writes objects by the first row's columns, bytes and nulls included", async () => {
    await sql`create table rows_probe (id integer not null, label text, content ${sql.raw(
      dialect === 'postgres' ? 'bytea' : 'blob',
    )}, note text default 'kept')`.execute(db())
    const bytes = new Uint8Array([0, 1, 2, 250, 255])
    const rows = Array.from({ length: 123 }, (_, i) => ({
      id: i,
      label: AWKWARD[i % AWKWARD.length] ?? null,
      content: i % 2 === 0 ? bytes : null,
    }))
    // rows_probe is no table of the schema: the test widens the name the way a caller's table is typed.
    await insertRows(db(), 'rows_probe' as 'tags', rows as never)
    const { rows: stored } = await sql<{
      id: number
      label: string | null
      content: Uint8Array | null
      note: string
    }>`select id, label, content, note from rows_probe order by id`.execute(db())
    expect(stored).toHaveLength(123)
    for (const [i, row] of stored.entries()) {
      expect(Number(row.id)).toBe(i)
      expect(row.label).toBe(rows[i]?.label)
      expect(row.content === null ? null : [...row.content]).toEqual(
        i % 2 === 0 ? [...bytes] : null,
      )
      expect(row.note).toBe('kept') // a column the rows leave out keeps its default
    }
  })
})

// SQLite's statements are built by hand (PostgreSQL's are Kysely's, which quotes names and sends arrays):
// their shapes and their identifier check are SQLite's alone.
describe.runIf(DIALECTS.includes('sqlite'))('sqlite: insertMany’s hand-built SQL', () => {
  let opened: Awaited<ReturnType<typeof openTestDb>>
  beforeAll(async () => {
    opened = await openTestDb('sqlite')
  })
  afterAll(async () => opened?.dispose())

  it('keeps each statement short enough to be cached, however wide the table', async () => {
    const texts: string[] = []
    const counted = await openTestDb('sqlite', { onQuery: (event) => texts.push(event.query.sql) })
    try {
      const names = Array.from({ length: 60 }, (_, i) => `column_${i}`)
      await sql`create table wide_probe (${sql.join(names.map((n) => sql.id(n)))})`.execute(
        counted.handle.db,
      )
      texts.length = 0
      const rows = Array.from({ length: 250 }, (_, r) => names.map((_, c) => r * 100 + c))
      await insertMany(
        counted.handle.db,
        'wide_probe',
        names.map((name) => ({ name, type: 'int' as const })),
        rows,
      )
      // 100 rows of 60 columns would be ~12,000 characters: the shapes shrink to fit the cache instead.
      expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(MAX_CACHED_SQL_LENGTH)
      expect(new Set(texts).size).toBeLessThanOrEqual(3)
      const { rows: stored } = await sql<{ n: number; last: number }>`
          select count(*) as n, max(column_59) as last from wide_probe`.execute(counted.handle.db)
      expect([Number(stored[0]?.n), Number(stored[0]?.last)]).toEqual([250, 249 * 100 + 59])
    } finally {
      await counted.dispose()
    }
  })

  it('insertRows refuses a name that is not a plain identifier', async () => {
    await expect(
      insertRows(
        opened.handle.db,
        'many_probe' as 'tags',
        [{ 'id"); drop table x; --': 1 }] as never,
      ),
    ).rejects.toThrow(/not a plain identifier/)
  })
})
