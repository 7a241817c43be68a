/**
 * quorum_rank (src/domain/search/native/quorum_rank.c) against FTS5's own bm25(): the same scores when it is
 * given the true document frequencies, the same order without them for one phrase, and the frequencies it
 * is given remembered only when large. SQLite only: PostgreSQL ranks with ts_rank_cd.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../../src/db/connect.js'
import { hasSqliteExtension, NATIVE_DIR } from '../../../src/db/sqlite-extensions.js'
import {
  createImportContext,
  finishImport,
  importThread,
} from '../../../src/domain/importer/index.js'
import { fts5Match } from '../../../src/domain/search/fts5.queries.js'
import {
  forgetPhraseFrequencies,
  phraseFrequencies,
  REMEMBERED_FROM,
  scoreSql,
  WEIGHTS,
} from '../../../src/domain/search/fts5-rank.queries.js'
import { parseSearchQuery } from '../../../src/domain/search/parse-query.js'
import { CORPUS, QUERIES } from '../../fixtures/search-corpus/index.js'
import { PROJECT_ROOT } from '../../../src/paths.js'
import { useTestDb } from '../../support/test-db.js'

const BM25 = sql.raw(`bm25(search_fts, ${WEIGHTS})`)

describe('quorum_rank (sqlite)', () => {
  const t = useTestDb('sqlite')

  beforeAll(async () => {
    await t.db.transaction().execute(async (trx) => {
      const ctx = await createImportContext(trx)
      for (const { thread } of CORPUS) await importThread(trx, thread, ctx)
      await finishImport(trx, ctx)
    })
  })

  it('is built and loaded into every SQLite connection', async () => {
    const { db, close } = createDb({ dialect: 'sqlite', url: ':memory:' })
    try {
      expect(hasSqliteExtension('quorum_rank')).toBe(true)
      await sql`create virtual table f using fts5(a)`.execute(db)
      await sql`insert into f values ('panic in the zone allocator')`.execute(db)
      const { rows } = await sql<{
        s: number
      }>`select quorum_rank(f, 1.0) as s from f where f match 'panic'`.execute(db)
      expect(rows[0]?.s).toBeLessThan(0)
    } finally {
      await close()
    }
  })

  /** Every query of the search corpus with its match expression, its phrases, and each row's two scores. */
  async function scores(q: string, withFrequencies: boolean) {
    const { expression, phrases } = fts5Match(parseSearchQuery(q).terms, 'any')
    const counts = await phraseFrequencies(t.db, phrases)
    const rank = withFrequencies
      ? sql`quorum_rank(search_fts, ${sql.raw(WEIGHTS)}, ${sql.join(counts)})`
      : sql`quorum_rank(search_fts, ${sql.raw(WEIGHTS)})`
    const { rows } = await sql<{ id: number; bm25: number; rank: number }>`
      select rowid as id, ${BM25} as bm25, ${rank} as rank from search_fts
      where search_fts match ${expression} order by rowid`.execute(t.db)
    return { phrases, rows }
  }

  it('scores every row as bm25() does when given the true frequencies', async () => {
    let compared = 0
    for (const { q } of QUERIES) {
      const { rows } = await scores(q, true)
      for (const row of rows) {
        expect(row.rank, `${q}, thread ${row.id}`).toBeCloseTo(row.bm25, 12)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(100)
  })

  it('orders a one-phrase query as bm25() does without any frequency', async () => {
    const order = (rows: { id: number }[], key: (r: never) => number) =>
      [...rows].sort((a, b) => key(a as never) - key(b as never) || a.id - b.id).map((r) => r.id)
    let checked = 0
    for (const { q } of QUERIES) {
      const { phrases, rows } = await scores(q, false)
      if (phrases.length !== 1 || rows.length < 2) continue
      expect(
        order(rows, (r: { rank: number }) => r.rank),
        q,
      ).toEqual(order(rows, (r: { bm25: number }) => r.bm25))
      checked++
    }
    expect(checked).toBeGreaterThan(5)
  })

  it('scores through quorum_rank, with the counts only when there are several phrases', async () => {
    const one = await scoreSql(t.db, ['"panic"'])
    const two = await scoreSql(t.db, ['"panic"', '"zone"'])
    expect(one.compile(t.db).sql).toMatch(/^quorum_rank\(search_fts, [\d., ]+\)$/)
    expect(two.compile(t.db).sql).toMatch(/^quorum_rank\(search_fts, [\d., ]+, \?, \?\)$/)
    expect(two.compile(t.db).parameters).toEqual(
      await phraseFrequencies(t.db, ['"panic"', '"zone"']),
    )
  })
})

describe('phrase frequencies (sqlite)', () => {
  const t = useTestDb('sqlite')
  const add = async (n: number, text: string, from: number) => {
    for (let i = 0; i < n; i += 500) {
      const rows = Array.from({ length: Math.min(500, n - i) }, (_, j) => ({
        rowid: from + i + j,
        title: text,
        body: '',
        answer: '',
        replies: '',
        title_identifiers: '',
        identifiers: '',
        reply_identifiers: '',
      }))
      await t.db.insertInto('search_fts').values(rows).execute()
    }
  }

  it('counts small ones every time and remembers large ones for ten minutes', async () => {
    forgetPhraseFrequencies()
    await add(REMEMBERED_FROM, 'kernel panic', 1)
    await add(10, 'rare words', 100_000)
    const now = 1_000_000
    expect(await phraseFrequencies(t.db, ['"panic"', '"rare"'], now)).toEqual([REMEMBERED_FROM, 10])
    await add(5, 'kernel panic rare', 200_000)
    // The large count is remembered, the small one counted again.
    expect(await phraseFrequencies(t.db, ['"panic"', '"rare"'], now + 60_000)).toEqual([
      REMEMBERED_FROM,
      15,
    ])
    // After ten minutes the large one is counted again too.
    expect(await phraseFrequencies(t.db, ['"panic"', '"rare"'], now + 10 * 60_000)).toEqual([
      REMEMBERED_FROM + 5,
      15,
    ])
    forgetPhraseFrequencies()
  })
})

// Skipped as a block where dist/native/ has no quorum_rank (a machine that could not compile it runs
// without: src/db/sqlite-extensions.ts); the first block's 'is built' test fails there, so it shows.
describe.runIf(fs.existsSync(path.join(NATIVE_DIR, 'quorum_rank')))(
  'quorum_rank in the build',
  () => {
    // The server runs from dist/src/ (npm start), the tests from src/: both must find dist/native/.
    // The global setup brought the build up to date with src/ (test/support/global-setup.ts).
    it('is loaded by the built modules, as npm start runs them', () => {
      const probe = [
        "import { createDb } from './dist/src/db/connect.js'",
        "import { hasSqliteExtension } from './dist/src/db/sqlite-extensions.js'",
        "const handle = createDb({ dialect: 'sqlite', url: ':memory:' })",
        "console.log(hasSqliteExtension('quorum_rank'))",
        'await handle.close()',
      ].join('\n')
      const printed = execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      })
      expect(printed.trim()).toBe('true')
    })
  },
)
