/**
 * Flagging a post: one flag per person and post, never one's own, at most 20 an hour. Enough distinct
 * flaggers (the `flagsToHide` setting), or one trusted member or staff, hide the post until a moderator
 * decides at /review; its author is told and may edit it once to ask for another look.
 */
import type { Db, Executor } from '../../db/schema.js'
import { enqueueActivity } from '../notifications/index.js'
import { canViewHidden } from '../posts/index.js'
import { holdForReview, queueForReview } from '../review/index.js'
import {
  AttemptLimiter,
  fail,
  msg,
  isStaff,
  ok,
  type Result,
  type Viewer,
} from '../shared/index.js'
import { flagRefusal, hidesAlone } from './flags.policy.js'
import {
  countPendingFlaggers,
  findFlagBy,
  findFlagTarget,
  insertFlag,
  isPostHidden,
} from './flags.queries.js'
import {
  FLAG_MESSAGE_MAX,
  FLAG_REASONS,
  FLAGGED_NOTE,
  type FlagReason,
  type Flagged,
  type FlagTarget,
} from './moderation.types.js'

/** Flags one person may raise in an hour (staff are not limited). Replaceable in tests. */
export const flagLimiter = new AttemptLimiter({ max: 20, windowMs: 3_600_000 })

type Flaggable = NonNullable<Awaited<ReturnType<typeof findFlagTarget>>>

/** The post if `viewer` may flag it: there, visible to them, and not refused by the flag policy. */
async function loadFlaggable(
  db: Executor,
  viewer: Viewer | null,
  postId: number,
  now: number,
): Promise<Result<Flaggable>> {
  const post = await findFlagTarget(db, postId)
  if (!post || post.deletedAt !== null || post.threadDeletedAt !== null)
    return fail.notFound('post')
  // A hidden post or thread is not there for a stranger (the thread page answers 404 or leaves it out).
  if ((post.hiddenAt !== null || post.threadHiddenAt !== null) && !canViewHidden(viewer, post))
    return fail.notFound('post')
  const refusal = flagRefusal(viewer, post, now)
  if (refusal !== undefined) return fail.forbidden(refusal)
  return ok(post)
}

/** The post a flag page is about, when `viewer` may flag it. */
export async function getFlagTarget(
  db: Db,
  viewer: Viewer | null,
  postId: number,
  now = Date.now(),
): Promise<Result<FlagTarget>> {
  const loaded = await loadFlaggable(db, viewer, postId, now)
  if (!loaded.ok) return loaded
  const post = loaded.value
  return ok({
    postId: post.postId,
    kind: post.kind,
    threadId: post.threadId,
    threadTitle: post.threadTitle,
    authorName: post.authorName,
  })
}

export interface FlagInput {
  postId: number
  reason: string
  message: string
}

function checkFlag(input: FlagInput): Result<{ reason: FlagReason; message: string | null }> {
  const reason = FLAG_REASONS.find((r) => r === input.reason)
  if (reason === undefined)
    return fail.invalid('reason', msg('Choose why you are flagging this post.'))
  const message = input.message.trim()
  if (message.length > FLAG_MESSAGE_MAX)
    return fail.invalid(
      'message',
      msg('The message must be at most {flagMessageMax} characters.'),
      { flagMessageMax: FLAG_MESSAGE_MAX },
    )
  if (reason === 'staff' && message === '')
    return fail.invalid('message', msg('Tell the moderators what needs their attention.'))
  return ok({ reason, message: message === '' ? null : message })
}

/** Flags a post for `viewer`; hides it when this flag reaches the threshold. */
export async function flagPost(
  db: Db,
  viewer: Viewer | null,
  input: FlagInput,
  settings: { flagsToHide: number },
  now = Date.now(),
): Promise<Result<Flagged>> {
  const loaded = await loadFlaggable(db, viewer, input.postId, now)
  if (!loaded.ok) return loaded
  if (!viewer) return fail.forbidden(msg('Sign in to flag a post.'))
  const post = { ...loaded.value, id: loaded.value.postId }
  const checked = checkFlag(input)
  if (!checked.ok) return checked
  if (await findFlagBy(db, post.id, viewer.id))
    return fail.conflict(msg('You have already flagged this post; moderators will look at it.'))
  if (!isStaff(viewer)) {
    const wait = flagLimiter.take(String(viewer.id), now)
    if (wait > 0) return fail.rateLimited(wait)
  }
  const hidden = await db.transaction().execute(async (trx) => {
    if (!(await insertFlag(trx, { postId: post.id, userId: viewer.id, ...checked.value }, now)))
      return null
    await enqueueActivity(
      trx,
      {
        type: 'flag.created',
        postId: post.id,
        byId: viewer.id,
        reason: checked.value.reason,
        at: now,
      },
      now,
    )
    if (await isPostHidden(trx, post.id)) {
      await queueForReview(trx, { postId: post.id, kind: 'flagged' }, now)
      return false
    }
    const flaggers = await countPendingFlaggers(trx, post.id)
    if (flaggers < settings.flagsToHide && !hidesAlone(viewer)) {
      await queueForReview(trx, { postId: post.id, kind: 'flagged' }, now)
      return false
    }
    await holdForReview(trx, { postId: post.id, kind: 'flagged', note: FLAGGED_NOTE }, now)
    await enqueueActivity(
      trx,
      {
        type: 'moderation',
        notice: 'post-hidden',
        postId: post.id,
        userIds: [post.authorId],
        actorId: null,
        at: now,
      },
      now,
    )
    return true
  })
  if (hidden === null)
    return fail.conflict(msg('You have already flagged this post; moderators will look at it.'))
  return ok({
    postId: post.id,
    threadId: post.threadId,
    hidden,
    threadHidden: hidden && post.kind === 'question',
  })
}
