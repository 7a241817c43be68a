import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { reindexAll, reindexThread, searchThreads } from '../../../src/domain/search/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'
import type { Message } from '../../../src/domain/shared/index.js'
import { translateMessage } from '../../../src/i18n/index.js'

const DAY = 86_400_000
const JUNE_2025 = Date.UTC(2025, 5, 1)

/** The notices as the API gives them: English. */
const english = (notices: readonly Message[]) => notices.map((n) => translateMessage('en', n))

describe.each(DIALECTS)('%s: search index and operators', (dialect) => {
  const t = useTestDb(dialect)
  const ids: Record<string, number> = {}
  const search = (q: string, page = 1) => searchThreads(t.db, dialect, { q, page })
  const titles = async (q: string) => (await search(q)).hits.map((h) => h.title)

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    await make.tag(t.db, 'usb', { name: 'USB' })
    ids.old = await make.thread(t.db, {
      title: 'Old zone allocator question',
      body: 'The zalloc zone for my kext leaks.',
      author: 'alice',
      tags: ['kernel'],
      created_at: JUNE_2025 - 30 * DAY,
      boosts: 1,
    })
    ids.solved = await make.thread(t.db, {
      title: 'Solved zone allocator question',
      body: 'zalloc returns NULL under memory pressure.',
      author: 'bob',
      tags: ['kernel', 'usb'],
      created_at: JUNE_2025 + 10 * DAY,
      boosts: 9,
      replies: [
        {
          author: 'carol',
          created_at: JUNE_2025 + 11 * DAY,
          body: 'Use Z_NOFAIL for small zones.',
          accepted: true,
        },
      ],
    })
    ids.recent = await make.thread(t.db, {
      title: 'Recent zone allocator question',
      body: 'Is zalloc_permanent safe in a kext?',
      author: 'alice',
      tags: ['usb'],
      created_at: JUNE_2025 + 40 * DAY,
      boosts: 4,
    })
  })

  it('finds a thread the moment importThread writes it', async () => {
    const id = await make.thread(t.db, {
      title: 'Brand new thread about quokkaphore',
      body: 'Nothing else mentions quokkaphore.',
    })
    expect((await search('quokkaphore')).hits.map((h) => h.id)).toEqual([id])
  })

  it('filters by tag, user, solved state and dates, and combines filters with words', async () => {
    expect(await titles('zone tag:usb')).toHaveLength(2)
    expect(await titles('zone tag:usb tag:kernel')).toEqual(['Solved zone allocator question'])
    expect(await titles('zone user:ALICE')).toHaveLength(2)
    expect(await titles('zone is:solved')).toEqual(['Solved zone allocator question'])
    expect(await titles('zone is:unsolved')).not.toContain('Solved zone allocator question')
    expect(await titles('zone after:2025-06-01 before:2025-07')).toEqual([
      'Solved zone allocator question',
    ])
    expect(await titles('zone before:2025-06-01')).toEqual(['Old zone allocator question'])
    expect(await titles('tag:kernel is:solved')).toEqual(['Solved zone allocator question'])
  })

  it('sorts by relevance, newest, activity and boosts', async () => {
    expect(await titles('zone sort:newest')).toEqual([
      'Recent zone allocator question',
      'Solved zone allocator question',
      'Old zone allocator question',
    ])
    expect((await titles('zone sort:boosts'))[0]).toBe('Solved zone allocator question')
    expect((await titles('zone sort:activity'))[0]).toBe('Recent zone allocator question')
    expect(await titles('zone sort:relevance')).toHaveLength(3)
  })

  it('reads unknown operators and bad values as text, and says so', async () => {
    const bad = await search('zone is:maybe after:yesterday sort:random')
    expect(english(bad.query.notices).join(' ')).toMatch(/is: takes solved or unsolved/)
    expect(english(bad.query.notices).join(' ')).toMatch(/after: takes a date/)
    // "maybe", "yesterday" and "random" are searched as words: no thread has them all, so any-word results show.
    expect(bad.query.terms.map((term) => term.text)).toEqual([
      'zone',
      'maybe',
      'yesterday',
      'sort',
      'random',
    ]) // "is" and "after" are stop words
    expect(bad.relaxed).toBe(true)
    expect((await search('zone foo:bar')).query.terms.map((term) => term.text)).toEqual([
      'zone',
      'foo',
      'bar',
    ])
    const unknownTag = await search('zone tag:no-such-tag')
    expect(unknownTag.hits).toHaveLength(0)
    expect(english(unknownTag.query.notices)).toContain('There is no tag “no-such-tag”.')
    expect(english((await search('zone user:nobody_here')).query.notices)).toContain(
      'There is nobody called “nobody_here”.',
    )
  })

  it('falls back to threads with any of the words when none has them all', async () => {
    const results = await search('zalloc_permanent Z_NOFAIL')
    expect(results.relaxed).toBe(true)
    expect(results.hits.map((h) => h.id).sort()).toEqual([ids.solved, ids.recent].sort())
  })

  it('follows edits: reindexThread replaces the old text', async () => {
    const id = await make.thread(t.db, {
      title: 'Edited thread',
      body: 'Original wording mentions wombatrix.',
    })
    await t.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('posts')
        .set({ body_markdown: 'Edited wording mentions numbatrix.' })
        .where('thread_id', '=', id)
        .execute()
      await reindexThread(trx, id)
    })
    expect((await search('numbatrix')).hits.map((h) => h.id)).toEqual([id])
    expect((await search('wombatrix')).hits).toHaveLength(0)
  })

  it('forgets a deleted thread at once, and finds it again when restored', async () => {
    const id = await make.thread(t.db, { title: 'Doomed thread about xylocopa', tags: ['kernel'] })
    expect((await search('xylocopa')).hits).toHaveLength(1)
    const tags = await t.db
      .selectFrom('thread_tags')
      .selectAll()
      .where('thread_id', '=', id)
      .execute()
    await t.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('threads')
        .set({ deleted_at: Date.now() })
        .where('id', '=', id)
        .execute()
      await trx.deleteFrom('thread_tags').where('thread_id', '=', id).execute()
      await reindexThread(trx, id)
    })
    expect((await search('xylocopa')).hits).toHaveLength(0)
    expect((await search('tag:kernel xylocopa')).total).toBe(0)
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('threads').set({ deleted_at: null }).where('id', '=', id).execute()
      await trx.insertInto('thread_tags').values(tags).execute()
      await reindexThread(trx, id)
    })
    expect((await search('xylocopa')).hits.map((h) => h.id)).toEqual([id])
  })

  it('finds text shaped like HTML tags and entities on both engines', async () => {
    const id = await make.thread(t.db, {
      title: 'Including <linux/kobject.h> fails',
      body: 'It says <b>error</b> near &amp;kobj_type in the build log.',
    })
    for (const q of ['<linux/kobject.h>', 'linux kobject.h', '<b>error</b>', '&kobj_type']) {
      const results = await search(q)
      expect(results.relaxed, q).toBe(false)
      expect(results.hits[0]?.id, q).toBe(id)
    }
  })

  it('drops the row of a thread that no longer exists', async () => {
    await reindexThread(t.db, 9_999_999)
    expect((await search('zone')).hits.length).toBeGreaterThan(0)
  })

  it('rebuilds the whole index with reindexAll, reporting progress', async () => {
    const table = dialect === 'sqlite' ? 'search_fts' : 'search_documents'
    await sql`delete from ${sql.table(table)}`.execute(t.db)
    expect((await search('zalloc')).hits).toHaveLength(0)
    const seen: number[] = []
    const result = await reindexAll(t.db, { batchSize: 2, onProgress: (p) => seen.push(p.done) })
    expect(result.total).toBeGreaterThanOrEqual(result.indexed)
    expect(seen.at(-1)).toBe(result.total)
    expect((await search('zalloc')).hits).toHaveLength(3)
  })

  it('ranks only the newest matches of a broad query, and says so', async () => {
    const made: number[] = []
    for (let i = 0; i < 12; i++)
      made.push(
        await make.thread(t.db, {
          title: `Window test ${i}`,
          body: 'The word fennecfox appears here.',
          created_at: JUNE_2025 + i * 60_000,
        }),
      )
    const narrow = await searchThreads(t.db, dialect, { q: 'fennecfox', rankWindow: 20 })
    expect(narrow).toMatchObject({ windowed: false, total: 12, totalIsLowerBound: false })
    const broad = await searchThreads(t.db, dialect, { q: 'fennecfox', rankWindow: 5, pageSize: 3 })
    expect(broad).toMatchObject({
      windowed: true,
      total: 5,
      totalIsLowerBound: true,
      paging: { pageCount: 2 },
    })
    const second = await searchThreads(t.db, dialect, {
      q: 'fennecfox',
      rankWindow: 5,
      pageSize: 3,
      page: 2,
    })
    const shown = [...broad.hits, ...second.hits].map((h) => h.id).sort((a, b) => a - b)
    expect(shown).toEqual(made.slice(-5))
    const sorted = await searchThreads(t.db, dialect, { q: 'fennecfox sort:newest', rankWindow: 5 })
    expect(sorted.hits.map((h) => h.id)).toEqual(made.slice(-5).reverse())
  })

  it('finds a phrase among newer threads that only hold its words, and with filters', async () => {
    // Oldest first: three threads with the phrase, then 45 with both words apart.
    const phrased: number[] = []
    for (let i = 0; i < 3; i++)
      phrased.push(
        await make.thread(t.db, {
          title: `Phrase window ${i}`,
          body: 'The capybara wombat stalls the queue.',
          tags: i === 0 ? ['kernel'] : ['usb'],
          created_at: JUNE_2025 + 100 * DAY + i * 60_000,
        }),
      )
    for (let i = 0; i < 45; i++)
      await make.thread(t.db, {
        title: `Words apart ${i}`,
        body: 'A wombat, then much later a capybara.',
        tags: ['kernel'],
        created_at: JUNE_2025 + 101 * DAY + i * 60_000,
      })
    const ids = async (q: string, rankWindow?: number) =>
      (await searchThreads(t.db, dialect, { q, rankWindow })).hits.map((h) => h.id).sort()
    expect(await ids('"capybara wombat"')).toEqual([...phrased].sort())
    expect(await ids('"capybara wombat" tag:kernel')).toEqual([phrased[0]])
    expect(await ids('"capybara wombat" tag:usb')).toEqual(phrased.slice(1).sort())
    // A window of 1 fetches 2 matches. On PostgreSQL, with statistics that show the words as common,
    // the first pass then reads only the newest 40 documents (or kernel threads), all without the
    // phrase, and the second finds it among the older threads holding both words; SQLite's index
    // keeps positions and finds it directly. The same goes for words that are common together.
    if (dialect === 'postgres') await sql`analyze search_documents`.execute(t.db)
    expect(await ids('"capybara wombat"', 1)).toEqual([phrased[2]])
    expect(await ids('"capybara wombat" tag:kernel', 1)).toEqual([phrased[0]])
    // The newest usb threads hold the phrase: the first pass finds it among the filtered threads.
    expect(await ids('"capybara wombat" tag:usb', 1)).toEqual([phrased[2]])
    expect(await ids('wombat capybara stalls', 1)).toEqual([phrased[2]])
  })

  it('answers the same page for a query whatever its letter case and spacing', async () => {
    const a = await search('  ZALLOC   zone ')
    const b = await search('zalloc zone')
    expect(a.hits.map((h) => h.id)).toEqual(b.hits.map((h) => h.id))
  })
})
