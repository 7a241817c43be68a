/**
 * Writes the demo forum: people, tags, and threads whose times are relative to now, through the same
 * import path as `quorum import`. The content is fixed (demo/, read by load-demo.ts), so two seeds with
 * the same `now` write the same forum, and two seeds differ only in absolute times.
 */
import type { Db } from '../../db/schema.js'
import { importThreads } from '../importer/index.js'
import { rankDueThreads } from '../signatures/index.js'
import { ensureTag } from '../tags/index.js'
import { insertDemoUsers } from './demo.queries.js'
import type { DemoForum } from './demo.types.js'
import { loadDemoForum } from './load-demo.js'
import { toImportThread } from './to-import-thread.js'

export interface SeedResult {
  users: number
  tags: number
  threads: number
}

/**
 * Seeds the demo forum into an empty database, its similar threads ranked. The content is read and
 * checked before anything is written (a DemoContentError names each bad file).
 * @example await seedDemo(db) // { users: 20, tags: 7, threads: 86 }
 */
export async function seedDemo(
  db: Db,
  now = Date.now(),
  forum: DemoForum = loadDemoForum(),
): Promise<SeedResult> {
  await db.transaction().execute(async (trx) => {
    await insertDemoUsers(trx, forum.users, now)
    for (const tag of forum.tags) await ensureTag(trx, tag, now)
  })
  const bad: string[] = []
  const progress = await importThreads(
    db,
    forum.threads.map((t) => toImportThread(t, now)),
    {
      now,
      onBadLine: (n, problems) => bad.push(`${forum.threads[n - 1]?.file}: ${problems.join('; ')}`),
    },
  )
  // loadDemoForum ran the importer's checks already; this guards against the two drifting apart.
  if (bad.length > 0) throw new Error(`The importer refused demo threads:\n${bad.join('\n')}`)
  // Each thread was ranked against those seeded before it; the lists it joined were marked due.
  await rankDueThreads(db)
  return { users: forum.users.length, tags: forum.tags.length, threads: progress.imported }
}
