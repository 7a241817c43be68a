/** Watch levels, as Discourse has them. Times are epoch milliseconds. */

export const WATCH_LEVELS = ['watching', 'tracking', 'normal', 'muted'] as const
export type WatchLevel = (typeof WATCH_LEVELS)[number]

export type WatchTarget = 'thread' | 'tag'

export function isWatchLevel(value: unknown): value is WatchLevel {
  return typeof value === 'string' && (WATCH_LEVELS as readonly string[]).includes(value)
}

/** What each level means, for the control and the settings list. */
export const WATCH_LEVEL_HINTS: Record<WatchLevel, { label: string; hint: string }> = {
  watching: { label: 'Watching', hint: 'Notify me of every new post.' },
  tracking: {
    label: 'Tracking',
    hint: 'Count new posts; notify me of mentions and replies to me.',
  },
  normal: { label: 'Normal', hint: 'Notify me only of mentions and replies to me.' },
  muted: { label: 'Muted', hint: 'Never notify me.' },
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
}

/** What a control on a thread or tag page shows. */
export interface WatchState {
  target: WatchTarget
  id: number
  level: WatchLevel
}
