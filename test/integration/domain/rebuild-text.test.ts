/**
 * Everything derived from thread text, from one read of each thread: the write path (refreshThreadText, the
 * importer's batches) and the one-pass bulk rebuild (rebuildThreadText, on the main thread or on worker
 * threads) store exactly the same search rows, signatures, term vectors and postings; deleted threads lose theirs.
 */
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { searchThreads } from '../../../src/domain/search/index.js'
import { finishSignatureRebuild } from '../../../src/domain/signatures/index.js'
import { importThreads } from '../../../src/domain/importer/index.js'
import {
  loadThreadContents,
  type ThreadContent,
} from '../../../src/domain/thread-contents/index.js'
import { rebuildThreadText } from '../../../src/domain/text-pipeline/index.js'
import {
  inlineDeriver,
  startDeriveWorkers,
} from '../../../src/domain/text-pipeline/derive-workers.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

const LOG = [
  'Process: ourd [812]',
  'Exception Type: EXC_BAD_ACCESS (SIGSEGV)',
  'write failed: ENOSPC (28) on macOS 26.1 (25B78)',
].join('\n')

describe.each(DIALECTS)('%s: one-pass rebuild of derived text', (dialect) => {
  const t = useTestDb(dialect)
  const ids: number[] = []

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    ids.push(
      await make.thread(t.db, {
        title: 'Daemon dies writing the journal',
        body: 'It stops after an hour; the log is attached. Filed FB22334455.',
        attachments: [
          { name: 'ourd.log', content: LOG },
          { name: 'blob.bin', content: 'not text\u0000at all' },
        ],
        replies: [
          {
            author: 'helper',
            created_at: Date.now() - 5000,
            body: 'Check `statfs()` before `write()`: the volume is full.',
            accepted: true,
            comments: [
              { author: 'asker', created_at: Date.now() - 4000, body: 'quokkasentinel helped.' },
            ],
          },
        ],
      }),
    )
    for (let i = 0; i < 4; i++)
      ids.push(
        await make.thread(t.db, {
          title: `vnode_put panics in our overlay, case ${i}`,
          body: 'We call `vnode_put()` twice after `vnode_getwithref()` returns EBUSY.',
          replies: 2,
        }),
      )
  })

  const snapshot = async () => ({
    search:
      dialect === 'sqlite'
        ? (
            await sql`select rowid as id, title, body, answer, replies from search_fts order by rowid`.execute(
              t.db,
            )
          ).rows
        : (
            await sql`select thread_id as id, title, body, answer, replies, title_identifiers, identifiers, reply_identifiers
                from search_documents order by thread_id`.execute(t.db)
          ).rows,
    signatures: await t.db
      .selectFrom('thread_signatures')
      .selectAll()
      .orderBy('thread_id')
      .orderBy('position')
      .execute(),
    sites: await t.db
      .selectFrom('crash_sites')
      .selectAll()
      .orderBy('thread_id')
      .orderBy('cause')
      .orderBy('site')
      .orderBy('process')
      .execute(),
    terms: await t.db
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

  const wipe = async () => {
    if (dialect === 'sqlite') await sql`delete from search_fts`.execute(t.db)
    else await t.db.deleteFrom('search_documents').execute()
    await t.db.deleteFrom('thread_signatures').execute()
    await t.db.deleteFrom('similarity_terms').execute()
    await t.db.deleteFrom('similarity_vectors').execute()
    await t.db.deleteFrom('crash_sites').execute()
  }

  it('reads a thread once for both: live posts, text attachments decoded, binary ones without text', async () => {
    const content = (await loadThreadContents(t.db, [ids[0] as number])).get(ids[0] as number)
    expect(content?.posts.map((p) => p.kind)).toEqual(['question', 'reply', 'comment'])
    expect(content?.attachments.find((a) => a.fileName === 'ourd.log')?.text).toBe(LOG)
    expect(content?.attachments.find((a) => a.fileName === 'blob.bin')?.text).toBeNull()
    const written = await snapshot()
    expect(written.signatures.filter((s) => s.thread_id === ids[0]).map((s) => s.key)).toEqual(
      expect.arrayContaining(['ENOSPC', 'FB22334455']),
    )
  })

  it.each([
    ['on the main thread', 0],
    ['on a worker thread', 1],
    ['on two worker threads', 2],
  ])('rebuilds %s to exactly what the write path stored', async (_, workers) => {
    const written = await snapshot()
    expect(written.terms.length).toBeGreaterThan(20)
    await wipe()
    expect((await snapshot()).signatures).toEqual([])
    const progress: number[] = []
    const result = await rebuildThreadText(t.db, {
      workers,
      batchSize: 2,
      onProgress: (p) => progress.push(p.done),
    })
    expect(await snapshot()).toEqual(written)
    expect(result).toEqual({ threads: ids.length, total: ids.length })
    expect(progress).toEqual([2, 4, 5])
  })

  it('writes into emptied tables without deleting first, and refuses to double rows that exist', async () => {
    const written = await snapshot()
    await wipe()
    // SQLite: FTS5 merges no segments while the load writes, and merges as usual again once it is done.
    const automerge = async () =>
      dialect === 'sqlite'
        ? (
            await sql<{ v: number }>`select v from search_fts_config where k = 'automerge'`.execute(
              t.db,
            )
          ).rows[0]?.v
        : null
    const during: Promise<number | null | undefined>[] = []
    await rebuildThreadText(t.db, {
      workers: 1,
      batchSize: 2,
      fresh: true,
      onProgress: () => during.push(automerge()),
    })
    expect(await snapshot()).toEqual(written)
    expect(await Promise.all(during)).toEqual(during.map(() => (dialect === 'sqlite' ? 0 : null)))
    expect(await automerge()).toBe(dialect === 'sqlite' ? 4 : null)
    await expect(rebuildThreadText(t.db, { batchSize: 2, fresh: true })).rejects.toThrow()
    expect(await snapshot()).toEqual(written)
  })

  it('removes the signature rows of deleted threads when a rebuild finishes, and keeps the rest', async () => {
    const gone = ids[2] as number
    const before = await snapshot()
    expect(before.terms.some((r) => r.thread_id === gone)).toBe(true)
    await t.db
      .updateTable('threads')
      .set({ deleted_at: Date.now() })
      .where('id', '=', gone)
      .execute()
    await finishSignatureRebuild(t.db)
    const after = await snapshot()
    expect(after.terms).toEqual(before.terms.filter((r) => r.thread_id !== gone))
    expect(after.vectors).toEqual(before.vectors.filter((r) => r.thread_id !== gone))
    expect(after.signatures).toEqual(before.signatures.filter((r) => r.thread_id !== gone))
    await t.db.updateTable('threads').set({ deleted_at: null }).where('id', '=', gone).execute()
    await rebuildThreadText(t.db, { batchSize: 2 })
    expect(await snapshot()).toEqual(before)
  })

  it('drops the rows of a thread deleted since, and finds the rest again', async () => {
    const gone = ids[1] as number
    await t.db
      .updateTable('threads')
      .set({ deleted_at: Date.now() })
      .where('id', '=', gone)
      .execute()
    await rebuildThreadText(t.db, { workers: 1, batchSize: 3 })
    const after = await snapshot()
    expect(after.signatures.some((s) => s.thread_id === gone)).toBe(false)
    expect(after.terms.some((s) => s.thread_id === gone)).toBe(false)
    expect(after.vectors.some((s) => s.thread_id === gone)).toBe(false)
    expect(after.search.some((r) => (r as { id: number }).id === gone)).toBe(false)
    const hits = await searchThreads(t.db, dialect, { q: 'quokkasentinel', page: 1 })
    expect(hits.hits.map((h) => h.id)).toEqual([ids[0]])
  })
})

describe.each(DIALECTS)('%s: the importer hands over what it wrote', (dialect) => {
  const t = useTestDb(dialect)
  beforeAll(() => make.tag(t.db, 'kernel', { name: 'Kernel' }))

  it('hands over from the importer exactly what loadThreadContents reads back', async () => {
    const handed: ThreadContent[] = []
    const attachments = [
      { name: 'zeta.log', content: LOG },
      { name: 'alpha.bin', content: 'bytes\u0000here' },
    ]
    await importThreads(
      t.db,
      [
        {
          title: 'Handed over',
          tags: ['kernel'],
          author: 'asker',
          created_at: Date.now() - 9000,
          body: 'The question.',
          attachments,
          replies: [
            {
              author: 'helper',
              created_at: Date.now() - 7000,
              body: 'Later reply.',
              comments: [{ author: 'asker', created_at: Date.now() - 6000, body: 'A comment.' }],
            },
            {
              author: 'other',
              created_at: Date.now() - 8000,
              body: 'Earlier reply.',
              accepted: true,
            },
          ],
        },
      ],
      { onWritten: (contents) => void handed.push(...contents) },
    )
    expect(handed).toHaveLength(1)
    const id = handed[0]?.id as number
    expect(handed[0]).toEqual((await loadThreadContents(t.db, [id])).get(id))
    expect(handed[0]?.attachments.map((a) => a.fileName)).toEqual(['alpha.bin', 'zeta.log'])
  })
})

describe('derive workers', () => {
  it('report a batch that fails instead of hanging, and refuse work once closed', async () => {
    const deriver = startDeriveWorkers(1)
    try {
      const broken = { id: 1, title: 'x', acceptedPostId: null, posts: null, attachments: [] }
      await expect(deriver.derive([broken as never])).rejects.toThrow(/deriving thread text/)
    } finally {
      await deriver.close()
    }
    await expect(deriver.derive([])).rejects.toThrow(/closed/)
  })

  it('tell how busy each worker has been since it started (bench-data prints it)', async () => {
    const deriver = startDeriveWorkers(2)
    try {
      const thread = {
        id: 1,
        title: 'ENOBUFS from sendto',
        acceptedPostId: null,
        posts: [
          { id: 1, kind: 'question' as const, parentId: null, markdown: 'It fails. '.repeat(2000) },
        ],
        attachments: [],
      }
      await deriver.derive(Array.from({ length: 40 }, (_, i) => ({ ...thread, id: i + 1 })))
      const busy = deriver.utilization()
      expect(busy).toHaveLength(2)
      for (const share of busy) expect(share).toBeGreaterThanOrEqual(0)
      for (const share of busy) expect(share).toBeLessThanOrEqual(1)
      // Starting a worker (loading its modules) counts as busy too, so only the one that derived is sure to be.
      expect(Math.max(...busy)).toBeGreaterThan(0)
    } finally {
      await deriver.close()
    }
    expect(inlineDeriver.utilization()).toEqual([])
  })
})
