/**
 * compiledOnce (src/db/compiled-query.ts): a query compiled once runs with each call's values, on both
 * databases, and a build that uses an argument outside the query's values is refused.
 */
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { compiledOnce } from '../../../src/db/compiled-query.js'
import type { Executor } from '../../../src/db/schema.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

const titleOf = compiledOnce((db: Executor, id: number) =>
  db.selectFrom('threads').select(['id', 'title']).where('id', '=', id),
)
const titlesOf = compiledOnce((db: Executor, ids: readonly number[], limit: number) =>
  db.selectFrom('threads').select('title').where('id', 'in', ids).orderBy('id').limit(limit),
)

describe.each(DIALECTS)('%s: queries compiled once', (dialect) => {
  const t = useTestDb(dialect)

  it('runs with the values of each call, not the first', async () => {
    const a = await make.thread(t.db, { title: 'Compiled once: the first thread' })
    const b = await make.thread(t.db, { title: 'Compiled once: the second thread' })
    expect(await titleOf(t.db, a)).toEqual([{ id: a, title: 'Compiled once: the first thread' }])
    expect(await titleOf(t.db, b)).toEqual([{ id: b, title: 'Compiled once: the second thread' }])
    expect(await titleOf(t.db, 999_999)).toEqual([])
  })

  it('takes lists of any length, each length compiled once', async () => {
    const ids: number[] = []
    for (let i = 0; i < 4; i++) ids.push(await make.thread(t.db, { title: `List thread ${i}` }))
    const titles = async (list: number[], limit = 10) =>
      (await titlesOf(t.db, list, limit)).map((r) => r.title)
    expect(await titles([ids[0] ?? 0])).toEqual(['List thread 0'])
    expect(await titles([ids[2] ?? 0, ids[1] ?? 0])).toEqual(['List thread 1', 'List thread 2'])
    expect(await titles([ids[3] ?? 0, ids[0] ?? 0])).toEqual(['List thread 0', 'List thread 3'])
    expect(await titles(ids, 3)).toEqual(['List thread 0', 'List thread 1', 'List thread 2'])
    // Past the kept length the query is compiled on each call, and still right.
    const many = [...Array.from({ length: 100 }, (_, i) => 900_000 + i), ids[1] ?? 0]
    expect(await titles(many)).toEqual(['List thread 1'])
  })

  it('runs inside a transaction too', async () => {
    const id = await make.thread(t.db, { title: 'Read in a transaction' })
    const rows = await t.db.transaction().execute((trx) => titleOf(trx, id))
    expect(rows).toEqual([{ id, title: 'Read in a transaction' }])
  })

  it('refuses a build that uses an argument in JavaScript, not as a value', async () => {
    const wrong = compiledOnce((db: Executor, id: number) =>
      db
        .selectFrom('threads')
        .select('id')
        .$if(id > 0, (q) => q.where('id', '>', 0)),
    )
    await expect(wrong(t.db, 1)).rejects.toThrow(/did not become query parameters/)
  })
})

describe('postgres: kept queries run as named prepared statements', () => {
  const t = useTestDb('postgres')

  it('prepares a kept query once per connection and sends other queries unnamed', async () => {
    const id = await make.thread(t.db, { title: 'Prepared once' })
    // One transaction holds one connection, so the session's prepared statements are the ones it made.
    const prepared = await t.db.transaction().execute(async (trx) => {
      expect(await titleOf(trx, id)).toEqual([{ id, title: 'Prepared once' }])
      expect(await titleOf(trx, id)).toEqual([{ id, title: 'Prepared once' }])
      await trx.selectFrom('threads').select('id').where('title', '=', 'ad hoc').execute()
      const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(trx)
      return rows
    })
    const kept = prepared.filter((r) => r.statement.includes('select "id", "title" from "threads"'))
    expect(kept).toHaveLength(1)
    expect(kept[0]?.name).toMatch(/^quorum_\d+$/)
    expect(
      prepared.some(
        (r) => r.statement.includes("'ad hoc'") || r.statement.includes('"title" = $1'),
      ),
    ).toBe(false)
  })
})
