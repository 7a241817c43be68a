/**
 * Notifications: what a person is told of replies, comments, @mentions, accepts, recommendations,
 * edits by others, boosts (grouped) and posts in what they watch. Writes enqueue an event in their
 * transaction ({@link enqueueActivity}); the notify job writes the notifications after the commit.
 * Below posts and threads (which enqueue), above watching (whose levels it reads).
 */
export {
  enqueueActivity,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notifyActivity,
  countNotifications,
} from './notifications.actions.js'
export {
  countUnread,
  eraseNotifications,
  listThreadTagIds,
  moveNotificationsWithPosts,
} from './notifications.queries.js'
export { parseMentions } from './mentions.js'
export { mentionSuggestLimiter, suggestMentions } from './mention-suggest.js'
export * from './notifications.types.js'
export { notificationMessage } from './describe.js'
export {
  EMAIL_MODES,
  getEmailPrefs,
  isUnsubscribeToken,
  queueTagDigests,
  saveEmailPrefs,
  scheduleDigests,
  sendNotificationEmail,
  unsubscribeFromEmail,
  type EmailMode,
  type EmailJob,
} from './email.actions.js'
