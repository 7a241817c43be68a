import { beforeAll, describe, expect, it } from 'vitest'
import {
  createImportContext,
  finishImport,
  importThread,
  validateImportThread,
} from '../../../src/domain/importer/index.js'
import { searchThreads } from '../../../src/domain/search/index.js'
import { CORPUS, QUERIES } from '../../fixtures/search-corpus/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('search corpus (%s)', (dialect) => {
  const t = useTestDb(dialect)
  const ids = new Map<string, number>()
  const keys = new Map<number, string>()

  beforeAll(async () => {
    await t.db.transaction().execute(async (trx) => {
      const ctx = await createImportContext(trx)
      for (const { key, thread } of CORPUS) {
        const problems = validateImportThread(thread)
        if (problems.length > 0)
          throw new Error(`corpus thread ${key} is invalid: ${problems.join('; ')}`)
        const id = await importThread(trx, thread, ctx)
        ids.set(key, id)
        keys.set(id, key)
      }
      await finishImport(trx, ctx)
    })
  })

  it('is big enough and names only threads it has', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40)
    expect(QUERIES.length).toBeGreaterThanOrEqual(30)
    expect(new Set(CORPUS.map((c) => c.key)).size).toBe(CORPUS.length)
    for (const { first } of QUERIES) expect(ids.has(first), first).toBe(true)
  })

  it('ranks the expected thread first for every query', async () => {
    const misses: string[] = []
    for (const { q, first } of QUERIES) {
      const results = await searchThreads(t.db, dialect, { q })
      const ranked = results.hits.map((hit) => keys.get(hit.id) ?? String(hit.id))
      if (ranked[0] !== first)
        misses.push(`${q} → expected ${first}, got [${ranked.slice(0, 3).join(', ')}]`)
    }
    console.log(
      `search corpus (${dialect}): ${QUERIES.length - misses.length}/${QUERIES.length} queries ranked first`,
    )
    for (const miss of misses) console.log(`  miss: ${miss}`)
    expect(misses).toEqual([])
  })
})
