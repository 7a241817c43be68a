import type { Role } from './users.types.js'

/** The signed-in person making a request, as policies see them. */
export interface Viewer {
  id: number
  username: string
  title: string | null
  role: Role
}
