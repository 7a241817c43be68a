/**
 * Who is asking: the people types every feature's policies and view models use. They live in the shared
 * kernel, below every feature, because sessions, posts, threads and users all need them and none of those
 * may depend on another just for a type.
 */

export type Role = 'member' | 'moderator' | 'admin'

/** The signed-in person making a request, as policies see them. */
export interface Viewer {
  id: number
  username: string
  title: string | null
  role: Role
}

/** A person as shown beside a post or in a table: the name and, for staff, a title ("DTS Engineer"). */
export interface UserRef {
  username: string
  title: string | null
}

/** Moderators and admins. */
export function isStaff(viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.role === 'moderator' || viewer.role === 'admin')
}

/** Admins: site settings, background jobs. */
export function isAdmin(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.role === 'admin'
}
