/**
 * Common terms (term-postings.ts): a term carried by more than MAX_POSTINGS threads keeps no postings in the
 * inverted index, since similar threads never read them, while every thread keeps its whole term vector. The
 * write path promotes a term the moment it crosses; a bulk load into empty tables decides in memory and
 * ends with the same rows; the migration that introduced them backfills and reverts.
 */
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { createMigrator, migrateToLatest } from '../../../src/db/migrate.js'
import { importThreads, type ImportThread } from '../../../src/domain/importer/index.js'
import { MAX_POSTINGS } from '../../../src/domain/signatures/index.js'
import { countTermThreads } from '../../../src/domain/signatures/similar.queries.js'
import { rebuildThreadText } from '../../../src/domain/text-pipeline/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

const CROWDED = 'glorptastic'
const RARE = 'snarfwidget'
const THREADS = MAX_POSTINGS + 2

function* threads(): Generator<ImportThread> {
  for (let i = 0; i < THREADS; i++) {
    yield {
      title: `Case ${i}: ${CROWDED} queue stalls`,
      tags: ['kernel'],
      author: `person${i % 7}`,
      created_at: Date.now() - (THREADS - i) * 60_000,
      body: i < 3 ? `The ${RARE} driver is involved (${i}).` : `Another stall, number ${i}.`,
    }
  }
}

describe.each(DIALECTS)('%s: common terms', (dialect) => {
  const t = useTestDb(dialect)

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    // The write path: each batch of 100 is indexed as it commits, as `quorum import` does.
    await importThreads(t.db, threads(), { batchSize: 100 })
  }, 60_000)

  const postingsOf = async (term: string) =>
    Number(
      (
        await t.db
          .selectFrom('similarity_terms')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('term', '=', term)
          .executeTakeFirstOrThrow()
      ).n,
    )
  const snapshot = async () => ({
    common: (await t.db.selectFrom('common_terms').select('term').orderBy('term').execute()).map(
      (r) => r.term,
    ),
    postings: await t.db
      .selectFrom('similarity_terms')
      .selectAll()
      .orderBy('thread_id')
      .orderBy('term')
      .execute(),
    // What each vector holds; when its similar threads were ranked (ranked_at) differs by design.
    vectors: await t.db
      .selectFrom('similarity_vectors')
      .select(['thread_id', 'terms'])
      .orderBy('thread_id')
      .execute(),
  })

  it('promotes a term past the cap on the write path: no postings, still in every vector', async () => {
    const { common, vectors } = await snapshot()
    expect(common).toContain(CROWDED)
    expect(common).not.toContain(RARE)
    expect(await postingsOf(CROWDED)).toBe(0)
    expect(await postingsOf(RARE)).toBe(3)
    expect(vectors).toHaveLength(THREADS)
    for (const v of vectors)
      expect((JSON.parse(v.terms) as [string, number][]).map(([term]) => term)).toContain(CROWDED)
  })

  it('counts a common term as more than the cap, a rare one exactly', async () => {
    const counts = await countTermThreads(t.db, [CROWDED, RARE, 'nosuchterm'], MAX_POSTINGS)
    expect(Object.fromEntries(counts)).toEqual({
      [CROWDED]: MAX_POSTINGS + 1,
      [RARE]: 3,
      nosuchterm: 0,
    })
    await expect(countTermThreads(t.db, [RARE], MAX_POSTINGS + 1)).rejects.toThrow(/cap/)
  })

  it('ends a bulk load into empty tables with exactly the rows the write path left', async () => {
    const written = await snapshot()
    if (dialect === 'sqlite') await sql`delete from search_fts`.execute(t.db)
    else await t.db.deleteFrom('search_documents').execute()
    for (const table of [
      'thread_signatures',
      'similarity_terms',
      'similarity_vectors',
      'common_terms',
    ] as const)
      await t.db.deleteFrom(table).execute()
    await rebuildThreadText(t.db, { batchSize: 64, fresh: true })
    expect(await snapshot()).toEqual(written)
  })

  it('keeps a term that is common on a later write: a new thread adds no posting for it', async () => {
    await make.thread(t.db, { title: `One more ${CROWDED} stall`, body: `And the ${RARE} again.` })
    expect(await postingsOf(CROWDED)).toBe(0)
    expect(await postingsOf(RARE)).toBe(4)
  })

  it('migrates: the revert puts common postings back, the backfill takes them out again', async () => {
    const before = await snapshot()
    // Back to the migration before common_terms (later ones are reverted first).
    const { error, results } = await (
      await createMigrator(t.db)
    ).migrateTo('2026-11-28-1000_derived_without_rowid')
    expect(error).toBeUndefined()
    expect(results?.at(-1)).toMatchObject({
      migrationName: '2026-12-02-0100_common_terms',
      direction: 'Down',
    })
    expect(await postingsOf(CROWDED)).toBe(THREADS + 1)
    await migrateToLatest(t.db)
    const after = await snapshot()
    expect(after.common).toEqual(before.common)
    expect(after.postings).toEqual(before.postings)
    // The backfilled vectors hold the same terms and weights (equal weights may come in another order).
    const parsed = (rows: typeof before.vectors) =>
      rows.map((r) => ({
        id: r.thread_id,
        terms: (JSON.parse(r.terms) as [string, number][]).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
      }))
    expect(parsed(after.vectors)).toEqual(parsed(before.vectors))
  })
})
