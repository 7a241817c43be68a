/** The demo seed's own SQL: its people (with roles and titles, which imports do not give) and the emptiness check. */
import type { Db, Executor } from '../../db/schema.js'
import type { DemoUser } from './demo.types.js'
import { agoToEpoch } from './relative-time.js'

/** Inserts the demo's people in order (their ids follow it); `joined` defaults to two years ago. */
export async function insertDemoUsers(db: Executor, users: readonly DemoUser[], now: number) {
  for (const user of users) {
    await db
      .insertInto('users')
      .values({
        username: user.username,
        username_key: user.username.toLowerCase(),
        role: user.role ?? 'member',
        // The demo's people are established members (docs/moderation.md).
        trust_level: 'member',
        title: user.title ?? null,
        created_at: agoToEpoch(user.joined ?? '24mo', now),
      })
      .execute()
  }
}

/** True when the forum has no threads yet (the start command seeds only then). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('threads').select('id').limit(1).executeTakeFirst()
  return row === undefined
}
