/**
 * The demo forum as the loader hands it over (load-demo.ts reads it from the top-level demo/ folder;
 * docs/import.md describes the files). Times are relative to the moment the seed runs; the seeder turns
 * them into absolute times and writes everything through the same import path as `quorum import`.
 */
import type { Ago } from './relative-time.js'

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
  /** The file it was read from, relative to the demo folder (for error messages and tests). */
  file: string
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
  /** Oldest first; every reply is younger than the thread. */
  replies?: DemoReply[]
}

/** Everything the seed writes, in the order it writes it (the order fixes the ids). */
export interface DemoForum {
  users: DemoUser[]
  tags: DemoTag[]
  threads: DemoThread[]
}
