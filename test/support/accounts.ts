/**
 * An established account for API tests, made without a password (no hash to compute, no sign-in):
 * they act through tokens. Its email counts as confirmed, so the email gate lets it write. And an API
 * token for any account a test made.
 */
import type { Db } from '../../src/db/schema.js'
import { createToken } from '../../src/domain/api-tokens/index.js'
import type { Role, TrustLevel, Viewer } from '../../src/domain/shared/index.js'
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

/** A 7-day API token of `scopes` for an account (its role and trust level as the account has them). */
export async function apiToken(
  db: Db,
  person: { id: number; username: string; role?: Role; trustLevel?: TrustLevel },
  scopes: string[],
  name = `${person.username} bot`,
): Promise<string> {
  const viewer: Viewer = {
    id: person.id,
    username: person.username,
    title: null,
    role: person.role ?? 'member',
    trustLevel: person.trustLevel ?? 'member',
    silencedUntil: null,
  }
  const made = await createToken(db, viewer, { name, scopes, lifetime: '7' })
  if (!made.ok) throw new Error(`token refused: ${JSON.stringify(made.failure)}`)
  return made.value.token
}
