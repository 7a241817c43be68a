/**
 * The moderators' decisions at /review (docs/moderation.md, "Flags and review"): agree (the post stays
 * hidden; a spam flag also silences its author), disagree (shown again, flags dismissed), approve (a
 * held post goes up), delete (through the posts feature's delete), and delete the spammer. Each closes
 * the post's pending items, settles the flags, writes the staff log in the same transaction, and tells
 * the flaggers and the author.
 */
import type { Db, Executor } from '../../db/schema.js'
import { recordAudit } from '../audit-log/index.js'
import { enqueueActivity, parseMentions, type ModerationNotice } from '../notifications/index.js'
import { deletePostWithin } from '../posts/index.js'
import { hidePost, unhidePost } from '../review/index.js'
import { fail, msg, inTransaction, isStaff, ok, type Result, type Viewer } from '../shared/index.js'
import { addSignUpBlock, MAX_PENALTY_DAYS, silenceUser, suspendUser } from '../users/index.js'
import { listPendingFlags, settleFlags } from './flags.queries.js'
import {
  FLAGGED_NOTE,
  type ReviewDecision,
  type ReviewItemView,
  type SpammerDeleted,
} from './moderation.types.js'
import {
  closeReviewItems,
  findAuthorHistory,
  findReviewItem,
  findSpamOrigins,
  listEditedSince,
  listLivePostIdsOf,
  listPendingItemRows,
} from './queue.queries.js'

/** Days a spammer is silenced when a moderator agrees with a spam flag. */
export const SPAM_SILENCE_DAYS = 30

const STAFF_ONLY = msg('Only moderators review flagged and held posts.')

/** The pending items of /review, newest first, each with its post, flags and author's history. */
export async function listReviewQueue(
  db: Executor,
  viewer: Viewer | null,
  limit = 50,
): Promise<Result<ReviewItemView[]>> {
  if (!isStaff(viewer)) return fail.forbidden(STAFF_ONLY)
  const rows = await listPendingItemRows(db, limit)
  const flags = await listPendingFlags(
    db,
    rows.map((r) => r.postId),
  )
  const edited = await listEditedSince(
    db,
    rows.flatMap((r) =>
      r.hiddenAt === null ? [] : [{ postId: r.postId, authorId: r.authorId, since: r.hiddenAt }],
    ),
  )
  const items: ReviewItemView[] = []
  for (const r of rows) {
    const author = await findAuthorHistory(db, r.authorId)
    if (!author) continue
    items.push({
      id: r.id,
      kind: r.kind,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      post: {
        id: r.postId,
        kind: r.postKind,
        threadId: r.threadId,
        threadTitle: r.threadTitle,
        bodyHtml: r.bodyHtml,
        createdAt: r.postCreatedAt,
        hiddenReason: r.hiddenReason,
        hiddenNote: r.hiddenNote,
        editedWhileHidden: edited.has(r.postId),
      },
      author,
      flags: flags.get(r.postId) ?? [],
    })
  }
  return ok(items)
}

async function tell(
  trx: Executor,
  notice: ModerationNotice,
  postId: number,
  userIds: number[],
  actorId: number,
  now: number,
): Promise<void> {
  if (userIds.length === 0) return
  await enqueueActivity(trx, { type: 'moderation', notice, postId, userIds, actorId, at: now }, now)
}

type Item = NonNullable<Awaited<ReturnType<typeof findReviewItem>>>

/** The item if the viewer may decide it now: staff, pending, its post still there. */
async function loadPending(
  db: Executor,
  viewer: Viewer | null,
  itemId: number,
): Promise<Result<Item>> {
  if (!isStaff(viewer)) return fail.forbidden(STAFF_ONLY)
  const item = await findReviewItem(db, itemId)
  if (!item) return fail.notFound('review item')
  if (item.status !== 'pending')
    return fail.conflict(msg('This item has been handled already; it is no longer in the queue.'))
  return ok(item)
}

/** Applies a moderator's decision to a pending review item. */
export async function decideReviewItem(
  db: Db,
  viewer: Viewer | null,
  input: { itemId: number; decision: ReviewDecision },
  now = Date.now(),
): Promise<Result<{ postId: number; threadId: number }>> {
  const loaded = await loadPending(db, viewer, input.itemId)
  if (!loaded.ok) return loaded
  const item = loaded.value
  const actor = viewer as Viewer
  if (input.decision === 'approve' && item.kind === 'flagged')
    return fail.invalid(
      'decision',
      msg('A flagged post is agreed or disagreed with, not approved.'),
    )
  if (input.decision === 'agree' && item.kind !== 'flagged')
    return fail.invalid(
      'decision',
      msg('Only flagged posts are agreed with; approve or delete this one.'),
    )
  // One transaction: a step that fails (the post deleted meanwhile) leaves the item pending, untouched.
  return inTransaction(db, async (trx) => {
    if (input.decision === 'delete') return remove(trx, actor, item, now)
    if (input.decision === 'agree') return agree(trx, actor, item, now)
    return showAgain(trx, actor, item, input.decision === 'approve', now)
  })
}

type Decided = Result<{ postId: number; threadId: number }>

async function remove(trx: Executor, actor: Viewer, item: Item, now: number): Promise<Decided> {
  if (item.deletedAt === null) {
    const deleted = await deletePostWithin(trx, actor, { postId: item.postId }, now)
    if (!deleted.ok) return deleted
  }
  await closeReviewItems(trx, item.postId, 'deleted', actor.id, now)
  const { flaggers } = await settleFlags(trx, item.postId, 'agreed', actor.id, now)
  await audit(trx, actor, 'review.delete', item, now)
  await tell(trx, 'flag-agreed', item.postId, flaggers, actor.id, now)
  await tell(trx, 'post-removed', item.postId, [item.authorId], actor.id, now)
  return decided(item)
}

function decided(item: Item): Decided {
  return ok({ postId: item.postId, threadId: item.threadId })
}

async function agree(trx: Executor, actor: Viewer, item: Item, now: number): Promise<Decided> {
  // A post its author deleted meanwhile is already gone from readers; the flags are still upheld.
  if (item.hiddenReason === null && item.deletedAt === null) {
    const hidden = await hidePost(
      trx,
      { postId: item.postId, reason: 'flagged', note: FLAGGED_NOTE, actorId: actor.id },
      now,
    )
    if (!hidden.ok) return hidden
  }
  await closeReviewItems(trx, item.postId, 'agreed', actor.id, now)
  const { flaggers, reasons } = await settleFlags(trx, item.postId, 'agreed', actor.id, now)
  await audit(trx, actor, 'flag.agree', item, now)
  // A spam flag upheld: the author stays quiet for a while (staff are never silenced).
  if (reasons.includes('spam'))
    await silenceUser(
      trx,
      { userId: item.authorId, days: SPAM_SILENCE_DAYS, reason: 'spam', actorId: actor.id },
      now,
    )
  await tell(trx, 'flag-agreed', item.postId, flaggers, actor.id, now)
  await tell(trx, 'post-hidden', item.postId, [item.authorId], actor.id, now)
  return decided(item)
}

/** Disagree (flags dismissed) or approve (a held post): the post is shown again. */
async function showAgain(
  trx: Executor,
  actor: Viewer,
  item: Item,
  approve: boolean,
  now: number,
): Promise<Decided> {
  const wasHidden = item.hiddenReason !== null
  if (wasHidden) await unhidePost(trx, { postId: item.postId, actorId: actor.id }, now)
  await closeReviewItems(trx, item.postId, approve ? 'approved' : 'disagreed', actor.id, now)
  const { flaggers } = await settleFlags(trx, item.postId, 'disagreed', actor.id, now)
  await audit(trx, actor, approve ? 'post.approve' : 'flag.disagree', item, now)
  await tell(trx, 'flag-disagreed', item.postId, flaggers, actor.id, now)
  if (wasHidden) await tell(trx, 'post-approved', item.postId, [item.authorId], actor.id, now)
  if (approve && (item.hiddenReason === 'approval' || item.hiddenReason === 'duplicate'))
    await sendHeldNotifications(trx, item, now)
  return decided(item)
}

/**
 * A held post approved: the notifications its hold skipped (the asker, the person replied to, the
 * @mentions, the watchers), as its write would have queued them. The job's key is the post's (or the
 * new thread's), the one its write would have used, and each person's notification is unique by the
 * post: they are sent once, however often the post is approved.
 */
async function sendHeldNotifications(trx: Executor, item: Item, now: number): Promise<void> {
  const mentions = parseMentions(item.bodyMarkdown)
  await enqueueActivity(
    trx,
    item.postKind === 'question'
      ? { type: 'thread.created', threadId: item.threadId, postId: item.postId, mentions }
      : { type: 'post.created', postId: item.postId, mentions },
    now,
  )
}

async function audit(
  trx: Executor,
  actor: Viewer,
  action: string,
  item: Item,
  now: number,
): Promise<void> {
  await recordAudit(
    trx,
    {
      actorId: actor.id,
      action,
      targetType: 'post',
      targetId: item.postId,
      targetLabel: `post ${item.postId} (review item ${item.id}, ${item.kind})`,
      reason: null,
      before: { hidden: item.hiddenReason },
    },
    now,
  )
}

/**
 * "Delete the spammer": every post of the item's author deleted, the account suspended for ten years
 * (reason "spam"), its email address and last IP blocked for new sign-ups, every pending item on its
 * posts closed and their flaggers told the flags were upheld.
 */
export async function deleteSpammer(
  db: Db,
  viewer: Viewer | null,
  input: { itemId: number },
  now = Date.now(),
): Promise<Result<SpammerDeleted>> {
  const loaded = await loadPending(db, viewer, input.itemId)
  if (!loaded.ok) return loaded
  const item = loaded.value
  const actor = viewer as Viewer
  const author = await findAuthorHistory(db, item.authorId)
  if (!author) return fail.notFound('person')
  if (author.role !== 'member')
    return fail.forbidden(
      msg('Staff accounts cannot be deleted as spammers: change their role first.'),
    )
  // Read before the suspension ends the sessions that hold the address.
  const origins = await findSpamOrigins(db, author.id)
  const postIds = await listLivePostIdsOf(db, author.id)
  const blocked: string[] = []
  // One transaction: the posts, the suspension, the blocks and the log land together or not at all.
  const done = await inTransaction(db, async (trx) => {
    for (const postId of postIds) {
      const deleted = await deletePostWithin(trx, actor, { postId }, now)
      if (!deleted.ok && deleted.failure.code !== 'not_found') return deleted
    }
    const suspended = await suspendUser(
      trx,
      { userId: author.id, days: MAX_PENALTY_DAYS, reason: 'spam', actorId: actor.id },
      now,
    )
    if (!suspended.ok) return suspended
    for (const [kind, value] of [
      ['email', origins.email],
      ['ip', origins.ip],
    ] as const) {
      if (value === null) continue
      const block = await addSignUpBlock(
        trx,
        { kind, value, reason: `spam: ${author.username}`, actorId: actor.id },
        now,
      )
      if (block.ok) blocked.push(`${kind} ${block.value.value}`)
    }
    for (const postId of new Set([item.postId, ...postIds])) {
      await closeReviewItems(trx, postId, 'spammer-deleted', actor.id, now)
      const { flaggers } = await settleFlags(trx, postId, 'agreed', actor.id, now)
      await tell(trx, 'flag-agreed', postId, flaggers, actor.id, now)
    }
    await recordAudit(
      trx,
      {
        actorId: actor.id,
        action: 'user.delete-spammer',
        targetType: 'user',
        targetId: author.id,
        targetLabel: author.username,
        reason: 'spam',
        after: { postsDeleted: postIds.length, blocked },
      },
      now,
    )
    return ok(null)
  })
  if (!done.ok) return done
  return ok({ username: author.username, postsDeleted: postIds.length, blocked })
}
