/**
 * The one thread-list row (threads domain: threadListColumns, toThreadListItem, threadListItems) and the lists
 * built from it: tag page, home, search results and signature pages all show the same facts for a thread, and
 * reading them costs a fixed number of queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchThreads } from '../../../src/domain/search/index.js'
import { getSignaturePage } from '../../../src/domain/signatures/index.js'
import {
  listLatestThreads,
  listThreadsByTag,
  threadListItems,
  DEFAULT_LISTING,
  type ThreadListItem,
} from '../../../src/domain/thread-lists/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { openTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: thread list rows', (dialect) => {
  let queries = 0
  let opened: Awaited<ReturnType<typeof openTestDb>>
  let solved: number
  let pinnedLocked: number
  let plain: number
  let deleted: number
  const db = () => opened.handle.db

  beforeAll(async () => {
    opened = await openTestDb(dialect, { onQuery: () => queries++ })
    const now = Date.now()
    solved = await make.thread(db(), {
      title: 'Listed thread one: sendto fails with ENOBUFS',
      tags: ['kernel', 'network'],
      author: 'lister_one',
      author_title: 'DTS Engineer',
      body: 'Our tunnel fails with ENOBUFS under load.',
      created_at: now - 5 * 3_600_000,
      boosts: 3,
      views: 40,
      replies: [
        {
          author: 'helper',
          created_at: now - 3_600_000,
          body: 'Raise the buffer.',
          accepted: true,
        },
      ],
    })
    pinnedLocked = await make.thread(db(), {
      title: 'Listed thread two: pinned and locked, ENOBUFS again',
      tags: ['network'],
      author: 'lister_two',
      body: 'Read this first. ENOBUFS is covered here.',
      created_at: now - 4 * 3_600_000,
      pinned: true,
      locked: true,
    })
    plain = await make.thread(db(), {
      title: 'Listed thread three: nothing special',
      tags: ['kernel'],
      author: 'lister_one',
      body: 'A question without signatures.',
      created_at: now - 3 * 3_600_000,
    })
    deleted = await make.thread(db(), {
      title: 'Listed thread four: deleted, with ENOBUFS',
      tags: ['kernel'],
      body: 'Gone, and ENOBUFS with it.',
      created_at: now - 2 * 3_600_000,
    })
    await db().updateTable('threads').set({ deleted_at: now }).where('id', '=', deleted).execute()
    await db()
      .updateTable('thread_tags')
      .set({ deleted: 1 })
      .where('thread_id', '=', deleted)
      .execute()
  })
  afterAll(async () => opened?.dispose())

  it('lists live threads in the order of the ids given, skipping missing and deleted ones', async () => {
    const items = await threadListItems(db(), [plain, 999_999, solved, deleted, pinnedLocked])
    expect(items.map((i) => i.id)).toEqual([plain, solved, pinnedLocked])
    expect(await threadListItems(db(), [])).toEqual([])
  })

  it('maps every column the views show: author, counts, flags, tags in stored order', async () => {
    const [first, second] = await threadListItems(db(), [solved, pinnedLocked])
    expect(first).toMatchObject({
      id: solved,
      title: 'Listed thread one: sendto fails with ENOBUFS',
      slug: 'listed-thread-one-sendto-fails-with-enobufs',
      excerpt: 'Our tunnel fails with ENOBUFS under load.',
      author: { username: 'lister_one', title: 'DTS Engineer' },
      replyCount: 1,
      boostCount: 3,
      viewCount: 40,
      solved: true,
      pinned: false,
      locked: false,
      tags: [
        { slug: 'kernel', name: 'Kernel' },
        { slug: 'network', name: 'Network' },
      ],
    } satisfies Partial<ThreadListItem>)
    expect(first?.lastActivityAt).toBeGreaterThan(first?.createdAt ?? Infinity)
    expect(second).toMatchObject({
      author: { username: 'lister_two', title: null },
      replyCount: 0,
      solved: false,
      pinned: true,
      locked: true,
    })
  })

  it('gives the tag page, home, search and signature pages the same row for a thread', async () => {
    const [byId] = await threadListItems(db(), [solved])
    const byTag = await listThreadsByTag(db(), {
      tagId: await tagId('network'),
      ...DEFAULT_LISTING,
      limit: 20,
      offset: 0,
    })
    expect(byTag.find((i) => i.id === solved)).toEqual(byId)
    expect((await listLatestThreads(db(), 20)).find((i) => i.id === solved)).toEqual(byId)

    const { excerpt: _excerpt, ...rest } = byId ?? ({} as ThreadListItem)
    const results = await searchThreads(db(), dialect, { q: 'tunnel' })
    const { titleParts: _title, snippet: _snippet, ...hit } = results.hits[0] ?? {}
    expect(hit).toEqual(rest)

    const page = await getSignaturePage(db(), 'error', 'ENOBUFS', null)
    // Most recently active first: the accepted reply made thread one the more recent.
    expect(page?.threads.map((t) => t.id)).toEqual([solved, pinnedLocked])
    expect(page?.threads.find((t) => t.id === solved)).toEqual({ ...byId, postCount: 1 })
  })

  it('reads any number of rows in two queries: the rows, then their tags', async () => {
    queries = 0
    await threadListItems(db(), [solved])
    expect(queries).toBe(2)
    queries = 0
    await threadListItems(db(), [solved, pinnedLocked, plain, deleted])
    expect(queries).toBe(2)
  })

  it('keeps a signature page at four queries: the signature, its count, the rows, their tags', async () => {
    queries = 0
    await getSignaturePage(db(), 'error', 'ENOBUFS', null)
    expect(queries).toBe(4)
  })

  async function tagId(slug: string): Promise<number> {
    const row = await db()
      .selectFrom('tags')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()
    return row.id
  }
})
