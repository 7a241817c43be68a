/**
 * SQLite prepared statements are reused by SQL text (src/db/statement-cache.ts). SQLite only: PostgreSQL's
 * driver has no prepare step on our side.
 */
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { cachingStatements } from '../../../src/db/statement-cache.js'
import { createDb } from '../../../src/db/connect.js'

describe('sqlite: the prepared-statement cache', () => {
  let raw: SQLite.Database
  afterEach(() => raw?.open && raw.close())

  const setUp = (capacity: number) => {
    raw = new SQLite(':memory:')
    raw.exec(
      'create table t (id integer primary key, v text); insert into t (v) values (1), (2), (3)',
    )
    return cachingStatements(raw, capacity)
  }

  it('returns the same statement for the same SQL, and a new one for other SQL', () => {
    const db = setUp(10)
    const a = db.prepare('select v from t where id = ?')
    expect(db.prepare('select v from t where id = ?')).toBe(a)
    expect(db.prepare('select id from t')).not.toBe(a)
    expect(a.all([2])).toEqual([{ v: '2' }])
    expect(db.cached).toBe(2)
  })

  it('keeps at most its capacity, dropping the least recently used', () => {
    const db = setUp(2)
    const one = db.prepare('select 1')
    db.prepare('select 2')
    expect(db.prepare('select 1')).toBe(one) // now the most recent
    db.prepare('select 3') // evicts "select 2"
    expect(db.cached).toBe(2)
    expect(db.prepare('select 1')).toBe(one)
  })

  it('never hands out a statement that is still iterating', () => {
    const db = setUp(10)
    const sqlText = 'select id from t order by id'
    const first = db.prepare(sqlText)
    const rows = first.iterate([])
    expect(rows.next().value).toEqual({ id: 1 })
    const second = db.prepare(sqlText)
    expect(second).not.toBe(first)
    expect(second.all([])).toHaveLength(3)
    rows.return?.()
  })

  it('does not keep long statements, and capacity 0 turns it off', () => {
    const db = setUp(10)
    const long = `select ${Array.from({ length: 1500 }, (_, i) => i).join(', ')}`
    expect(db.prepare(long)).not.toBe(db.prepare(long))
    const off = setUp(0)
    expect(off.prepare('select 1')).not.toBe(off.prepare('select 1'))
    expect(off.cached).toBe(0)
  })

  it('serves Kysely: the same query twice gives the same rows through one statement', async () => {
    const handle = createDb({ dialect: 'sqlite', url: ':memory:' })
    try {
      for (let i = 0; i < 3; i++) {
        const { rows } = await sql<{ n: number }>`select ${i} + 1 as n`.execute(handle.db)
        expect(rows).toEqual([{ n: i + 1 }])
      }
    } finally {
      await handle.close()
    }
  })
})
