/**
 * The demo forum seeded from its files (demo/, through the importer that `quorum import` uses), on each
 * database: what lands in the tables, answers that point at replies of their own thread, and the same
 * forum from the same content and `now`.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/db/schema.js'
import { agoToEpoch, loadDemoForum, seedDemo } from '../../../src/domain/demo/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { openTestDb, useTestDb } from '../../support/test-db.js'

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)

/** The seeded forum as rows that do not depend on the database engine. */
async function snapshot(db: Db) {
  const threads = await db
    .selectFrom('threads')
    .select(['id', 'title', 'author_id', 'created_at', 'last_activity_at', 'view_count'])
    .select(['reply_count', 'boost_count', 'accepted_post_id', 'pinned', 'locked'])
    .orderBy('id')
    .execute()
  const posts = await db
    .selectFrom('posts')
    .select(['id', 'thread_id', 'parent_id', 'kind', 'author_id', 'created_at', 'boost_count'])
    .select(['body_markdown', 'body_html'])
    .orderBy('id')
    .execute()
  const attachments = await db
    .selectFrom('attachments')
    .select(['post_id', 'file_name', 'size', 'content_type'])
    .orderBy('post_id')
    .orderBy('file_name')
    .execute()
  const tags = await db
    .selectFrom('tags')
    .select(['id', 'slug', 'thread_count'])
    .orderBy('id')
    .execute()
  return { threads, posts, attachments, tags }
}

describe.each(DIALECTS)('%s: the demo forum, seeded from its files', (dialect) => {
  const t = useTestDb(dialect)
  const forum = loadDemoForum()
  let seeded: Awaited<ReturnType<typeof snapshot>>

  beforeAll(async () => {
    expect(await seedDemo(t.db, NOW)).toEqual({ users: 20, tags: 7, threads: 86 })
    seeded = await snapshot(t.db)
  }, 120_000)

  it('writes every thread, reply, comment and attachment', () => {
    const kinds = seeded.posts.map((p) => p.kind)
    expect(seeded.threads).toHaveLength(86)
    expect(kinds.filter((k) => k === 'question')).toHaveLength(86)
    expect(kinds.filter((k) => k === 'reply')).toHaveLength(157)
    expect(kinds.filter((k) => k === 'comment')).toHaveLength(44)
    expect(seeded.attachments).toHaveLength(9)
    expect(seeded.threads.map((r) => r.title)).toEqual(forum.threads.map((f) => f.title))
  })

  it('keeps the views, boosts and times of the files', () => {
    expect(seeded.threads.reduce((n, r) => n + Number(r.view_count), 0)).toBe(49_755)
    expect(seeded.posts.reduce((n, p) => n + Number(p.boost_count), 0)).toBe(1151)
    seeded.threads.forEach((row, i) => {
      expect(Number(row.created_at)).toBe(agoToEpoch(forum.threads[i]!.ago, NOW))
    })
    expect(seeded.threads.filter((r) => r.pinned === 1)).toHaveLength(1)
    expect(seeded.threads.filter((r) => r.locked === 1)).toHaveLength(1)
  })

  it('counts each tag’s threads', () => {
    expect(Object.fromEntries(seeded.tags.map((r) => [r.slug, Number(r.thread_count)]))).toEqual({
      kernel: 55,
      driverkit: 8,
      'network-extension': 10,
      fskit: 9,
      'endpoint-security': 9,
      usb: 9,
      iokit: 13,
    })
  })

  it('points every accepted answer at a reply of its own thread', () => {
    const posts = new Map(seeded.posts.map((p) => [p.id, p]))
    const answered = seeded.threads.filter((r) => r.accepted_post_id !== null)
    expect(answered).toHaveLength(28)
    for (const thread of answered) {
      const post = posts.get(thread.accepted_post_id!)
      expect(post).toMatchObject({ kind: 'reply', thread_id: thread.id })
    }
  })

  it('gives people their roles and titles', async () => {
    const staff = await t.db
      .selectFrom('users')
      .select(['username', 'role', 'title'])
      .where('role', '!=', 'member')
      .orderBy('id')
      .execute()
    expect(staff).toEqual([
      { username: 'quinn_dts', role: 'moderator', title: 'DTS Engineer' },
      { username: 'mara_kdk', role: 'moderator', title: 'Core OS Engineer' },
      { username: 'forum_admin', role: 'admin', title: null },
    ])
  })

  it('writes the same forum from the same content and now', async () => {
    const other = await openTestDb(dialect)
    try {
      await seedDemo(other.handle.db, NOW)
      expect(await snapshot(other.handle.db)).toEqual(seeded)
    } finally {
      await other.dispose()
    }
  }, 120_000)
})
