/** The words of a notification, shared by /notifications, the API and the mail. */
import { msg, type Message } from '../shared/index.js'
import type { NotificationView } from './notifications.types.js'

type Described = Pick<NotificationView, 'kind' | 'actor' | 'actorCount'>

/**
 * What one notification says, in the words of its kind, as a message to translate: `{who}` is the
 * actor's name, or "Someone" (itself a message) when there is none.
 * @example notificationMessage({ kind: 'reply', actor: 'ada', actorCount: 1 }) // { message: '{who} replied to your question', values: { who: 'ada' } }
 */
export function notificationMessage(n: Described): Message {
  const values = { who: n.actor ?? { message: msg('Someone') }, count: n.actorCount }
  const say = (message: string): Message => ({ message, values })
  switch (n.kind) {
    case 'reply':
      return say(msg('{who} replied to your question'))
    case 'comment':
      return say(msg('{who} commented on your reply'))
    case 'mention':
      return say(msg('{who} mentioned you'))
    case 'accepted':
      return say(msg('{who} accepted your answer'))
    case 'recommended':
      return say(msg('{who} recommended your reply'))
    case 'edited':
      return say(msg('{who} edited your post'))
    case 'new-thread':
      return say(msg('{who} asked a question in a tag you watch'))
    case 'watched-post':
      return say(msg('{who} posted in a thread you watch'))
    case 'post-hidden':
      return n.actor === null
        ? say(
            msg('Your post was hidden: flagged by the community. Edit it once to ask for a review'),
          )
        : say(msg('{who} hid your post'))
    case 'post-approved':
      return say(msg('{who} reviewed your post: it is visible again'))
    case 'post-removed':
      return say(msg('{who} removed your post'))
    case 'flag-agreed':
      return say(msg('{who} agreed with your flag'))
    case 'flag-disagreed':
      return say(msg('{who} looked at your flag and left the post up'))
    case 'boost':
      return n.actorCount <= 1
        ? say(msg('{who} boosted your post'))
        : say(msg('{count} people boosted your post'))
  }
}
