/**
 * The thread page's counts stop early (capped-counts.ts): a signature or term carried by more threads than the
 * cap reads only cap + 1 index entries, the Mentions line says "more than N", and similar threads leave such
 * common keys out. Small caps stand in for the real ones (1,000) so the data stays small.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { cappedCounts } from '../../../src/domain/signatures/capped-counts.queries.js'
import {
  countSignatureThreads,
  countTermThreads,
} from '../../../src/domain/signatures/similar.queries.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: capped counts', (dialect) => {
  const t = useTestDb(dialect)

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    for (let i = 0; i < 5; i++) {
      await make.thread(t.db, {
        title: `Socket write number ${i} fails with ENOBUFS under load`,
        body: `The zorbulator queue fills and send fails with ENOBUFS (attempt ${i}).`,
      })
    }
    await make.thread(t.db, {
      title: 'A rare quuxification failure with EDEADLK',
      body: 'Only this thread mentions EDEADLK and the quuxification step.',
    })
  })

  it('counts exactly up to the cap, and cap + 1 past it', async () => {
    const termIndex = { table: 'similarity_terms', columns: ['term'] } as const
    const terms = await t.db
      .selectFrom('similarity_terms')
      .select('term')
      .where('term', 'like', 'zorbul%')
      .groupBy('term')
      .execute()
    expect(terms.length).toBeGreaterThan(0)
    const term = terms[0]?.term ?? ''
    expect(await cappedCounts(t.db, termIndex, [[term], ['no-such-term']], 10)).toEqual([5, 0])
    expect(await cappedCounts(t.db, termIndex, [[term]], 3)).toEqual([4])
  })

  it('answers many keys in order, across statements', async () => {
    const keys = Array.from({ length: 450 }, (_, i) => ['error', `absent-${i}`])
    keys[321] = ['error', 'ENOBUFS']
    const counts = await cappedCounts(
      t.db,
      { table: 'thread_signatures', columns: ['kind', 'key'] },
      keys,
      2,
    )
    expect(counts).toHaveLength(450)
    expect(counts[321]).toBe(3)
    expect(counts.filter((n) => n > 0)).toHaveLength(1)
  })

  it('caps the signature and term counts the thread page reads', async () => {
    const mentions = await countSignatureThreads(
      t.db,
      [
        { kind: 'error', key: 'ENOBUFS' },
        { kind: 'error', key: 'EDEADLK' },
        { kind: 'error', key: 'ENOTSUP' },
      ],
      3,
    )
    expect(Object.fromEntries(mentions)).toEqual({
      'error:ENOBUFS': 4,
      'error:EDEADLK': 1,
      'error:ENOTSUP': 0,
    })
    const terms = await countTermThreads(t.db, ['quuxification', 'no-such-term'], 100)
    expect(Object.fromEntries(terms)).toEqual({ quuxification: 1, 'no-such-term': 0 })
  })

  it('counts a rare term afresh: a new thread that shares it is seen at once', async () => {
    expect((await countTermThreads(t.db, ['quuxification'], 100)).get('quuxification')).toBe(1)
    await make.thread(t.db, {
      title: 'Another quuxification question',
      body: 'The quuxification step again, on a second machine.',
    })
    expect((await countTermThreads(t.db, ['quuxification'], 100)).get('quuxification')).toBe(2)
  })
})
