/** Who may flag a post, and whose flag alone hides it: pure predicates (STYLE.md habit 5). */
import { isSilenced, isStaff, type Viewer, msg } from '../shared/index.js'

/** Why `viewer` may not flag the post, or undefined when they may. */
export function flagRefusal(
  viewer: Viewer | null,
  post: { authorId: number },
  now: number,
): string | undefined {
  if (viewer === null) return msg('Sign in to flag a post.')
  if (isSilenced(viewer, now)) return msg('Your account cannot flag posts while it is silenced.')
  if (viewer.id === post.authorId) return msg('You cannot flag your own post.')
  return undefined
}

/** One flag from staff or a trusted member hides a post at once; others count toward the threshold. */
export function hidesAlone(viewer: Viewer): boolean {
  return isStaff(viewer) || viewer.trustLevel === 'trusted'
}

/** The flag control shows for a signed-in, non-silenced reader of someone else's live post. */
export function canFlag(viewer: Viewer | null, post: { authorId: number }, now: number): boolean {
  return flagRefusal(viewer, post, now) === undefined
}
