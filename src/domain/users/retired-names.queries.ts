/**
 * Usernames of deleted accounts, held for RETIRED_NAME_MS so nobody takes over a name people knew
 * (and the trust that came with it) the day it is freed. The table keeps a keyed hash of the name and
 * the time, never the name: a deleted account leaves no readable trace of what it was called.
 */
import { createHmac } from 'node:crypto'
import type { Executor } from '../../db/schema.js'
import { getOrCreateSecret } from '../shared/index.js'

export const RETIRED_NAME_MS = 30 * 24 * 3_600_000

async function nameHash(db: Executor, username: string): Promise<string> {
  const key = await getOrCreateSecret(db, 'retired-usernames')
  return createHmac('sha256', key).update(username.trim().toLowerCase()).digest('hex')
}

/** Holds a deleted account's name from `now` on (again from `now` when it was held already). */
export async function retireUsername(db: Executor, username: string, now: number): Promise<void> {
  const name_hash = await nameHash(db, username)
  await db
    .insertInto('retired_usernames')
    .values({ name_hash, retired_at: now })
    .onConflict((oc) => oc.column('name_hash').doUpdateSet({ retired_at: now }))
    .execute()
}

/** Whether a deleted account gave up this name (any case) less than RETIRED_NAME_MS before `now`. */
export async function isUsernameRetired(
  db: Executor,
  username: string,
  now: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('retired_usernames')
    .select('retired_at')
    .where('name_hash', '=', await nameHash(db, username))
    .executeTakeFirst()
  return row !== undefined && now - row.retired_at < RETIRED_NAME_MS
}

/** Forgets names whose hold has ended (run when a name is retired: the table stays small). */
export async function purgeRetiredUsernames(db: Executor, now: number): Promise<void> {
  await db
    .deleteFrom('retired_usernames')
    .where('retired_at', '<=', now - RETIRED_NAME_MS)
    .execute()
}
