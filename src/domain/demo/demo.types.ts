/**
 * The shape of the demo forum's content. Times are relative to the moment the seed runs ("5m", "8h",
 * "3d", "2w", "14mo" ago), so the demo always looks alive; the seeder turns them into absolute times
 * and writes everything through the same import path as `quorum import`.
 */

/** How long ago something happened: a number and a unit (m minutes, h hours, d days, w weeks, mo months). */
export type Ago = `${number}${'m' | 'h' | 'd' | 'w' | 'mo'}`

export interface DemoUser {
  username: string
  /** Staff title shown beside the name, such as "DTS Engineer". */
  title?: string
  role?: 'member' | 'moderator' | 'admin'
  /** When the account was created; defaults to two years ago. */
  joined?: Ago
}

export interface DemoTag {
  slug: string
  name: string
  /** One line, shown at the top of the tag page. */
  description: string
}

export interface DemoComment {
  author: string
  ago: Ago
  /** Short Markdown, at most 600 characters. */
  body: string
}

export interface DemoReply {
  author: string
  ago: Ago
  body: string
  accepted?: boolean
  /** Number of boosts this reply has received (given by generated demo users). */
  boosts?: number
  comments?: DemoComment[]
}

export interface DemoAttachment {
  /** File name with extension, e.g. "repro.c" or "panic-full.txt". */
  name: string
  content: string
}

export interface DemoThread {
  title: string
  /** Tag slugs; the first is the thread's main tag. */
  tags: string[]
  author: string
  ago: Ago
  /** The question, in Markdown. */
  body: string
  views: number
  boosts?: number
  pinned?: boolean
  locked?: boolean
  attachments?: DemoAttachment[]
  /** Oldest first; every reply is younger than the thread and older replies come first. */
  replies?: DemoReply[]
}
