/** The words of a notification, shared by /notifications and the mail. */
import type { NotificationView } from './notifications.types.js'

/** What one notification says, in the words of its kind. */
export function describeNotification(
  n: Pick<NotificationView, 'kind' | 'actor' | 'actorCount'>,
): string {
  const who = n.actor ?? 'Someone'
  switch (n.kind) {
    case 'reply':
      return `${who} replied to your question`
    case 'comment':
      return `${who} commented on your reply`
    case 'mention':
      return `${who} mentioned you`
    case 'accepted':
      return `${who} accepted your answer`
    case 'recommended':
      return `${who} recommended your reply`
    case 'edited':
      return `${who} edited your post`
    case 'new-thread':
      return `${who} asked a question in a tag you watch`
    case 'watched-post':
      return `${who} posted in a thread you watch`
    case 'post-hidden':
      return n.actor === null
        ? 'Your post was hidden: flagged by the community. Edit it once to ask for a review'
        : `${who} hid your post`
    case 'post-approved':
      return `${who} reviewed your post: it is visible again`
    case 'post-removed':
      return `${who} removed your post`
    case 'flag-agreed':
      return `${who} agreed with your flag`
    case 'flag-disagreed':
      return `${who} looked at your flag and left the post up`
    case 'boost':
      return n.actorCount <= 1
        ? `${who} boosted your post`
        : `${n.actorCount} people boosted your post`
  }
}
