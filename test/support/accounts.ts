/**
 * An established account for API tests, made without a password (no hash to compute, no sign-in):
 * they act through tokens. Its email counts as confirmed, so the email gate lets it write.
 */
import type { Db } from '../../src/db/schema.js'
import type { Role } from '../../src/domain/shared/index.js'
import { createMemberWithoutPassword } from '../../src/domain/users/index.js'

export async function account(db: Db, username: string, role: Role): Promise<number> {
  const created = await createMemberWithoutPassword(db, {
    username,
    email: `${username}@example.test`,
  })
  if (!created.ok) throw new Error(`could not create ${username}`)
  await db
    .updateTable('users')
    .set({ role, trust_level: 'member' })
    .where('id', '=', created.value.id)
    .execute()
  return created.value.id
}
