/**
 * insertMany: many rows in one statement whose SQL never changes, on both databases. The values travel as
 * JSON (SQLite) or as arrays (PostgreSQL): text with quotes, braces, backslashes, commas, NUL-free control
 * characters and non-Latin letters, nulls and large integers must arrive unchanged.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertMany, type ManyColumn } from '../../../src/db/insert-many.js'
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

  it('does nothing for no rows, and thousands of rows take one statement', async () => {
    let statements = 0
    const counted = await openTestDb(dialect, { onQuery: () => statements++ })
    try {
      await sql`create table many_probe (id integer not null, label text, big bigint)`.execute(
        counted.handle.db,
      )
      statements = 0
      await insertMany(counted.handle.db, 'many_probe', COLUMNS, [])
      expect(statements).toBe(0)
      const many = Array.from({ length: 5000 }, (_, i) => [i, `term${i}`, i] as const)
      await insertMany(counted.handle.db, 'many_probe', COLUMNS, many)
      expect(statements).toBe(1)
      const { rows } = await sql<{ n: number }>`select count(*) as n from many_probe`.execute(
        counted.handle.db,
      )
      expect(Number(rows[0]?.n)).toBe(5000)
    } finally {
      await counted.dispose()
    }
  })
})
