/**
 * Writes the demo forum: people, tags, and threads whose times are relative to now, through the same
 * import path as `quorum import`. The content is fixed, so two seeds differ only in absolute times.
 */
import type { Db } from '../../db/schema.js'
import { importThreads, type ImportThread } from '../importer/index.js'
import { ensureTag } from '../tags/tags.queries.js'
import { crashThreads } from './content/crashes.js'
import { kernelThreads } from './content/kernel.js'
import { otherThreads } from './content/other-tags.js'
import { demoTags } from './content/tags.js'
import { demoUsers } from './content/users.js'
import type { Ago, DemoThread } from './demo.types.js'

const UNIT_MS = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  mo: 30 * 86_400_000,
} as const

/** "3d" → the epoch time three days before `now`. */
export function agoToEpoch(ago: Ago, now: number): number {
  const match = /^(\d+(?:\.\d+)?)(mo|m|h|d|w)$/.exec(ago)
  if (!match) throw new Error(`bad relative time "${ago}"`)
  return now - Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]
}

export const demoThreads: readonly DemoThread[] = [
  ...kernelThreads,
  ...otherThreads,
  ...crashThreads,
]

export interface SeedResult {
  users: number
  tags: number
  threads: number
}

/** Seeds the demo forum into an empty database. */
export async function seedDemo(db: Db, now = Date.now()): Promise<SeedResult> {
  await db.transaction().execute(async (trx) => {
    for (const user of demoUsers) {
      await trx
        .insertInto('users')
        .values({
          username: user.username,
          username_key: user.username.toLowerCase(),
          role: user.role ?? 'member',
          title: user.title ?? null,
          created_at: agoToEpoch(user.joined ?? '24mo', now),
        })
        .execute()
    }
    for (const tag of demoTags) await ensureTag(trx, tag, now)
  })
  const progress = await importThreads(
    db,
    demoThreads.map((t) => toImportThread(t, now)),
    { now },
  )
  return { users: demoUsers.length, tags: demoTags.length, threads: progress.imported }
}

function toImportThread(t: DemoThread, now: number): ImportThread {
  const at = (ago: Ago) => agoToEpoch(ago, now)
  return {
    title: t.title,
    tags: t.tags,
    author: t.author,
    created_at: at(t.ago),
    body: t.body,
    views: t.views,
    boosts: t.boosts ?? 0,
    pinned: t.pinned ?? false,
    locked: t.locked ?? false,
    attachments: t.attachments ?? [],
    replies: (t.replies ?? []).map((r) => ({
      author: r.author,
      created_at: at(r.ago),
      body: r.body,
      accepted: r.accepted ?? false,
      boosts: r.boosts ?? 0,
      comments: (r.comments ?? []).map((c) => ({
        author: c.author,
        created_at: at(c.ago),
        body: c.body,
      })),
    })),
  }
}

/** True when the forum has no threads yet (the start command seeds only then). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('threads').select('id').limit(1).executeTakeFirst()
  return row === undefined
}
