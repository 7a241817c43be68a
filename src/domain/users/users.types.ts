export type Role = 'member' | 'moderator' | 'admin'

/** A person as shown beside a post or in a table: the name and, for staff, a title ("DTS Engineer"). */
export interface UserRef {
  username: string
  title: string | null
}
