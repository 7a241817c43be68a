/**
 * Who is asking: the people types every feature's policies and view models use. They live in the shared
 * kernel, below every feature, because sessions, posts, threads and users all need them and none of those
 * may depend on another just for a type.
 */

export type Role = 'member' | 'moderator' | 'admin'

/** What the community trusts a person with (docs/moderation.md): new accounts are limited. */
export type TrustLevel = 'new' | 'member' | 'trusted'

/** The signed-in person making a request, as policies see them. */
export interface Viewer {
  id: number
  username: string
  title: string | null
  role: Role
  trustLevel: TrustLevel
  /** Silenced until then (epoch ms): can read, cannot post. Null when not silenced. */
  silencedUntil: number | null
  /** The interface language chosen in /settings (`en`, `de`); null or absent: as the browser asks. */
  locale?: string | null
}

/** A person as shown beside a post or in a table: the name and, for staff, a title ("DTS Engineer"). */
export interface UserRef {
  username: string
  title: string | null
  /**
   * The person's uploaded avatar, carried by the queries that read authors (docs/avatars.md); null or
   * absent: the generated drawing.
   */
  avatar?: UploadedAvatarRef | null
}

/** Which uploaded image a person shows: its owner and version name its URL, `/avatars/u/:userId/:version`. */
export interface UploadedAvatarRef {
  userId: number
  version: number
}

/** The avatar of an author row read with `users.id` and `users.avatar_version`. */
export function uploadedAvatarRef(
  userId: number,
  version: number | null,
): UploadedAvatarRef | null {
  return version === null ? null : { userId, version }
}

const DELETED_PREFIX = '~deleted-'

/**
 * The username a deleted account's row takes: `~` is refused by registration, the CLI and the importer,
 * so no one can ever hold such a name, and pages can tell a deleted author from a person.
 */
export function deletedUsername(userId: number): string {
  return `${DELETED_PREFIX}${userId}`
}

/** Whether a name shown beside a post is a deleted account's ("deleted user", with no link). */
export function isDeletedUser(user: { username: string }): boolean {
  return user.username.startsWith(DELETED_PREFIX)
}

/** What pages say instead of a deleted account's name. */
export const DELETED_USER_LABEL = 'deleted user'

/** The name to show for a person: theirs, or "deleted user". */
export function displayName(user: { username: string }): string {
  return isDeletedUser(user) ? DELETED_USER_LABEL : user.username
}

/** Moderators and admins. */
export function isStaff(viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.role === 'moderator' || viewer.role === 'admin')
}

/** Whether the viewer is silenced at `now`: they may read but not post, flag or boost. */
export function isSilenced(viewer: Viewer | null, now: number): boolean {
  return viewer !== null && viewer.silencedUntil !== null && viewer.silencedUntil > now
}

/** Admins: site settings, background jobs. */
export function isAdmin(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.role === 'admin'
}
