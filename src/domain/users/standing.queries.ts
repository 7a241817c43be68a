/** The SQL of a person's standing: trust level, silence, suspension. */
import type { Executor } from '../../db/schema.js'
import type { TrustLevel } from '../shared/index.js'

export interface Standing {
  id: number
  username: string
  role: 'member' | 'moderator' | 'admin'
  trustLevel: TrustLevel
  trustLevelLocked: boolean
  silencedUntil: number | null
  silenceReason: string | null
  suspendedUntil: number | null
  suspendReason: string | null
}

export async function findStanding(db: Executor, userId: number): Promise<Standing | undefined> {
  const row = await db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'role',
      'trust_level as trustLevel',
      'trust_level_locked as locked',
      'silenced_until as silencedUntil',
      'silence_reason as silenceReason',
      'suspended_until as suspendedUntil',
      'suspend_reason as suspendReason',
    ])
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  const { locked, ...rest } = row
  return { ...rest, trustLevelLocked: locked === 1 }
}

export async function updateStanding(
  db: Executor,
  userId: number,
  fields: {
    trustLevel?: TrustLevel
    trustLevelLocked?: boolean
    silence?: { until: number | null; reason: string | null }
    suspend?: { until: number | null; reason: string | null }
  },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(fields.trustLevel !== undefined ? { trust_level: fields.trustLevel } : {}),
      ...(fields.trustLevelLocked !== undefined
        ? { trust_level_locked: fields.trustLevelLocked ? 1 : 0 }
        : {}),
      ...(fields.silence
        ? { silenced_until: fields.silence.until, silence_reason: fields.silence.reason }
        : {}),
      ...(fields.suspend
        ? { suspended_until: fields.suspend.until, suspend_reason: fields.suspend.reason }
        : {}),
    })
    .where('id', '=', userId)
    .execute()
}

/** The person's confirmed address, the only one standing mail goes to; null without one. */
export async function findConfirmedAddress(db: Executor, userId: number): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .where('email_verified_at', 'is not', null)
    .executeTakeFirst()
  return row?.email ?? null
}
