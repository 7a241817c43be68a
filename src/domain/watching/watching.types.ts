/** Watch levels, as Discourse has them. Times are epoch milliseconds. */
import { msg } from '../shared/index.js'

export const WATCH_LEVELS = ['watching', 'tracking', 'normal', 'muted'] as const
export type WatchLevel = (typeof WATCH_LEVELS)[number]

export type WatchTarget = 'thread' | 'tag'

export function isWatchLevel(value: unknown): value is WatchLevel {
  return typeof value === 'string' && (WATCH_LEVELS as readonly string[]).includes(value)
}

/** What each level means, for the control and the settings list. */
export const WATCH_LEVEL_HINTS: Record<WatchLevel, { label: string; hint: string }> = {
  watching: { label: msg('Watching'), hint: msg('Notify me of every new post.') },
  tracking: {
    label: msg('Tracking'),
    hint: msg('Count new posts; notify me of mentions and replies to me.'),
  },
  normal: { label: msg('Normal'), hint: msg('Notify me only of mentions and replies to me.') },
  muted: { label: msg('Muted'), hint: msg('Never notify me.') },
}

/** One line of /settings/watching. */
export interface WatchListItem {
  target: WatchTarget
  id: number
  /** The thread's title or the tag's name. */
  title: string
  /** The thread's slug or the tag's slug, for the link. */
  slug: string
  level: WatchLevel
  updatedAt: number
  /** Replies posted since the person last viewed the thread (tracked or watched threads; 0 for tags). */
  unread: number
}

/** What a control on a thread or tag page shows. */
export interface WatchState {
  target: WatchTarget
  id: number
  level: WatchLevel
}

/**
 * How many replies a person has not read: only on a thread they track or watch and have viewed before
 * (a thread never opened has no position to count from). Counted from the reply counter, so a reply
 * deleted since the view hides one new reply: cheap, and never negative.
 */
export function unreadOf(
  level: WatchLevel,
  replyCount: number,
  readReplies: number | null,
): number {
  if (readReplies === null || (level !== 'tracking' && level !== 'watching')) return 0
  return Math.max(0, replyCount - readReplies)
}

/** The levels a person may choose for their own posts' threads (muting one's own thread is no default). */
export const DEFAULT_WATCH_LEVELS = ['watching', 'tracking', 'normal'] as const
export type DefaultWatchLevel = (typeof DEFAULT_WATCH_LEVELS)[number]

/** The level asking a question and replying set for a person, until they change the thread's level. */
export interface WatchDefaults {
  onAsk: DefaultWatchLevel
  onReply: DefaultWatchLevel
}

/** Without a choice: asking watches the thread, replying (or commenting) tracks it. */
export const STANDARD_WATCH_DEFAULTS: Readonly<WatchDefaults> = Object.freeze({
  onAsk: 'watching',
  onReply: 'tracking',
})

export function isDefaultWatchLevel(value: unknown): value is DefaultWatchLevel {
  return typeof value === 'string' && (DEFAULT_WATCH_LEVELS as readonly string[]).includes(value)
}
