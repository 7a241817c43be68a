import { randomBytes } from 'node:crypto'
import type { Executor } from '../../db/schema.js'

/**
 * A named secret, generated (256 random bits) the first time it is asked for and kept in the database,
 * so every app process and every restart uses the same one.
 */
export async function getOrCreateSecret(
  db: Executor,
  name: string,
  now = Date.now(),
): Promise<string> {
  const found = await db
    .selectFrom('secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst()
  if (found) return found.value
  await db
    .insertInto('secrets')
    .values({ name, value: randomBytes(32).toString('base64url'), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db
    .selectFrom('secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
  return row.value
}
