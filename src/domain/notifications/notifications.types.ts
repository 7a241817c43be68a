/** What happened (the notify job's payload) and what a person is told. Times are epoch milliseconds. */
import { msg } from '../shared/index.js'

/** A change that may notify people, written as a job in the change's transaction. */
export type ActivityEvent =
  /** A reply or a comment, with the names it mentions (parsed at write time: parseMentions). */
  | { type: 'post.created'; postId: number; mentions: string[] }
  /** A question: its thread is new. */
  | { type: 'thread.created'; threadId: number; postId: number; mentions: string[] }
  | { type: 'post.edited'; postId: number; editorId: number; at: number }
  | { type: 'answer.accepted'; postId: number; byId: number }
  | { type: 'reply.recommended'; postId: number; byId: number }
  | { type: 'post.boosted'; postId: number; byId: number; at: number }
  /** Events only webhooks carry (nobody is notified of them). */
  | { type: 'post.deleted'; postId: number; byId: number; at: number }
  | { type: 'flag.created'; postId: number; byId: number; reason: string; at: number }
  | { type: 'user.created'; userId: number; at: number }
  /**
   * A moderation outcome told to the people it concerns (docs/moderation.md): the author of a hidden,
   * shown again or removed post, the flaggers of a decided post. `actorId` null when a rule did it.
   */
  | {
      type: 'moderation'
      notice: ModerationNotice
      postId: number
      userIds: number[]
      actorId: number | null
      at: number
    }

/** The notification kinds of moderation outcomes. */
export type ModerationNotice =
  'post-hidden' | 'post-approved' | 'post-removed' | 'flag-agreed' | 'flag-disagreed'

export const NOTIFICATION_KINDS = [
  'reply',
  'comment',
  'mention',
  'accepted',
  'recommended',
  'edited',
  'new-thread',
  'watched-post',
  'boost',
  'post-hidden',
  'post-approved',
  'post-removed',
  'flag-agreed',
  'flag-disagreed',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** The words of each kind, for the list, the settings and the mail. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  reply: msg('Replies to my questions'),
  comment: msg('Comments on my replies'),
  mention: msg('Mentions of me (@name)'),
  accepted: msg('My answer accepted'),
  recommended: msg('My reply recommended by staff'),
  edited: msg('My post edited by someone else'),
  'new-thread': msg('New threads in tags I watch'),
  'watched-post': msg('New posts in threads I watch'),
  boost: msg('Boosts of my posts'),
  'post-hidden': msg('My post hidden (by flags or staff)'),
  'post-approved': msg('My hidden post shown again'),
  'post-removed': msg('My post removed by a moderator'),
  'flag-agreed': msg('Moderators agreeing with my flag'),
  'flag-disagreed': msg('Moderators disagreeing with my flag'),
}

/** At most this many @mentions of one post notify anyone (more is spam). */
export const MAX_MENTIONS = 10

/** A notification written by the job: who, what, where (for mail and the live bell). */
export interface NotificationWritten {
  userId: number
  kind: NotificationKind
  threadId: number
  postId: number | null
}

/** One line of /notifications. */
export interface NotificationView {
  id: number
  kind: NotificationKind
  threadId: number
  threadTitle: string
  postId: number | null
  actor: string | null
  actorCount: number
  updatedAt: number
  read: boolean
}

/** The notifications of one thread on a page of /notifications. */
export interface NotificationGroup {
  threadId: number
  threadTitle: string
  items: NotificationView[]
}

/** The job kind that turns an ActivityEvent into notifications. */
export const NOTIFY_JOB = 'notify.activity'

/** The job kind that mails a thread's batch or a digest. */
export const NOTIFY_EMAIL_JOB = 'notify.email'

/**
 * The daily job that queues the digests of tag watchers, so a person told of nothing in a period still
 * gets the busy threads of the tags they watch (docs/notifications.md, "Digests").
 */
export const NOTIFY_DIGEST_JOB = 'notify.digest-schedule'
