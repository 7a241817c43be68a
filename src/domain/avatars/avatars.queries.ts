import type { Executor } from '../../db/schema.js'

export interface StoredAvatar {
  bytes: Uint8Array
  contentType: string
}

/** The current version of a person's uploaded avatar; null for the generated one or nobody. */
export async function findAvatarVersion(db: Executor, userId: number): Promise<number | null> {
  const row = await db
    .selectFrom('users')
    .select('avatar_version')
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return row?.avatar_version ?? null
}

/** What the avatar URL of a person finds: their name, and their uploaded image if they show one. */
export interface AvatarOwner {
  username: string
  /** Null: the person shows the generated avatar. */
  current: (StoredAvatar & { version: number }) | null
}

/** The person behind `/avatars/u/:userId/…` and their current image; undefined for nobody or deleted. */
export async function findAvatar(db: Executor, userId: number): Promise<AvatarOwner | undefined> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('avatars as a', (join) =>
      join.onRef('a.user_id', '=', 'u.id').onRef('a.version', '=', 'u.avatar_version'),
    )
    .select(['u.username', 'a.version', 'a.bytes', 'a.content_type as contentType'])
    .where('u.id', '=', userId)
    .where('u.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  const { version, bytes, contentType } = row
  const current =
    version !== null && bytes !== null && contentType !== null && contentType !== ''
      ? { version, bytes, contentType }
      : null
  return { username: row.username, current }
}

/**
 * Stores a new image as the person's avatar and returns its version: one more than the last one they
 * ever had (a removed avatar keeps its version), so a new image never takes a URL cached before.
 */
export async function saveAvatar(
  trx: Executor,
  userId: number,
  image: { bytes: Uint8Array; contentType: string },
  now: number,
): Promise<number> {
  const known = await trx
    .selectFrom('avatars')
    .select('version')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  const version = (known?.version ?? 0) + 1
  const row = { bytes: image.bytes, content_type: image.contentType, version, updated_at: now }
  if (known) await trx.updateTable('avatars').set(row).where('user_id', '=', userId).execute()
  else
    await trx
      .insertInto('avatars')
      .values({ user_id: userId, ...row })
      .execute()
  await trx.updateTable('users').set({ avatar_version: version }).where('id', '=', userId).execute()
  return version
}

/** Back to the generated avatar: the bytes go, the version stays (see {@link saveAvatar}). */
export async function clearAvatar(trx: Executor, userId: number, now: number): Promise<void> {
  await trx
    .updateTable('avatars')
    .set({ bytes: new Uint8Array(0), content_type: '', updated_at: now })
    .where('user_id', '=', userId)
    .execute()
  await trx.updateTable('users').set({ avatar_version: null }).where('id', '=', userId).execute()
}

/** Account deletion's eraser: the image and its row are gone. */
export async function eraseAvatar(trx: Executor, userId: number): Promise<void> {
  await trx.deleteFrom('avatars').where('user_id', '=', userId).execute()
  await trx.updateTable('users').set({ avatar_version: null }).where('id', '=', userId).execute()
}
