/**
 * Staff actions on a thread: lock, pin (site-wide or in one tag, with an optional expiry), close as a
 * duplicate, move to other tags, merge its answers into another thread. Each: staff only, load,
 * validate, then one transaction that writes, refreshes what lists and search read, and records the
 * action in the staff log.
 */
import type { Db, Executor } from '../../db/schema.js'
import { recordAudit } from '../audit-log/index.js'
import { enqueueJob } from '../jobs/index.js'
import { moveNotificationsWithPosts } from '../notifications/index.js'
import { LIMITS } from '../posts/index.js'
import { fail, msg, ok, type Result, type Viewer } from '../shared/index.js'
import { refreshTagCounts, resolveTagList } from '../tags/index.js'
import { refreshThread, updateThread } from '../thread-lists/index.js'
import { refreshThreadText } from '../text-pipeline/index.js'
import { copyThreadWatches } from '../watching/index.js'
import { canModerate } from './staff-actions.policy.js'
import {
  findThreadState,
  listThreadTagPins,
  moveAnswers,
  replaceThreadTags,
  setTagPin,
  type ThreadState,
} from './staff-actions.queries.js'

const DAY_MS = 86_400_000
/** The longest pin with an expiry; without one a pin lasts until unpinned. */
export const MAX_PIN_DAYS = 365

/** The job that ends a pin when its time is up. */
export const PIN_EXPIRY_JOB = 'thread.pin-expire'

/** A site-wide pin: first on home (home_pinned) and in every tag of the thread (pinned). */
function sitePin(pinned: boolean, until: number | null) {
  return { home_pinned: pinned ? 1 : 0, pinned: pinned ? 1 : 0, pinned_until: until }
}

export interface ThreadDone {
  threadId: number
}

type Staffed = { viewer: Viewer; thread: ThreadState }

/** The checks every thread action starts with: staff, and a thread that exists (deleted ones too). */
async function loadForStaff(
  db: Executor,
  viewer: Viewer | null,
  threadId: number,
): Promise<Result<Staffed>> {
  if (!canModerate(viewer) || !viewer)
    return fail.forbidden(msg('Only moderators and admins can do this.'))
  const thread = await findThreadState(db, threadId)
  if (!thread) return fail.notFound('thread')
  return ok({ viewer, thread })
}

function audit(
  db: Executor,
  { viewer, thread }: Staffed,
  action: string,
  change: { before?: unknown; after?: unknown; reason?: string | null },
  now: number,
): Promise<void> {
  return recordAudit(
    db,
    {
      actorId: viewer.id,
      action,
      targetType: 'thread',
      targetId: thread.id,
      targetLabel: thread.title,
      ...change,
    },
    now,
  )
}

/** Locks (no replies or comments but from staff) or unlocks a thread. */
export async function setThreadLock(
  db: Db,
  viewer: Viewer | null,
  input: { threadId: number; locked: boolean },
  now = Date.now(),
): Promise<Result<ThreadDone>> {
  const loaded = await loadForStaff(db, viewer, input.threadId)
  if (!loaded.ok) return loaded
  const { thread } = loaded.value
  if (thread.locked === input.locked) return ok({ threadId: thread.id })
  await db.transaction().execute(async (trx) => {
    await updateThread(trx, thread.id, { locked: input.locked ? 1 : 0 })
    await refreshThread(trx, thread.id)
    await audit(trx, loaded.value, input.locked ? 'thread.lock' : 'thread.unlock', {}, now)
  })
  return ok({ threadId: thread.id })
}

export interface PinInput {
  threadId: number
  /** `site`: home and every tag of the thread; otherwise the slug of one of its tags. */
  scope: string
  pinned: boolean
  /** Days until the pin ends; null or 0: until unpinned. */
  days: number | null
}

/**
 * Pins a thread site-wide (first on home and on each of its tags' pages) or in one of its tags, or
 * unpins it there. A pin with days ends by itself: a job due then unpins it ({@link expirePin}).
 */
export async function pinThread(
  db: Db,
  viewer: Viewer | null,
  input: PinInput,
  now = Date.now(),
): Promise<Result<ThreadDone>> {
  const loaded = await loadForStaff(db, viewer, input.threadId)
  if (!loaded.ok) return loaded
  const { thread } = loaded.value
  const days = input.days ?? 0
  if (!Number.isInteger(days) || days < 0 || days > MAX_PIN_DAYS)
    return fail.invalid(
      'days',
      msg('Days must be a whole number from 1 to {maxPinDays}, or empty.'),
      { maxPinDays: MAX_PIN_DAYS },
    )
  const until = input.pinned && days > 0 ? now + days * DAY_MS : null
  const tag =
    input.scope === 'site'
      ? null
      : (await listThreadTagPins(db, thread.id)).find((t) => t.slug === input.scope)
  if (tag === undefined)
    return fail.invalid('scope', msg('Choose site-wide or one of the thread’s tags.'))
  await db.transaction().execute(async (trx) => {
    if (tag === null) await updateThread(trx, thread.id, sitePin(input.pinned, until))
    else await setTagPin(trx, thread.id, tag.tagId, { pinned: input.pinned, until })
    await refreshThread(trx, thread.id)
    if (until !== null)
      await enqueueJob(
        trx,
        {
          kind: PIN_EXPIRY_JOB,
          key: `pin-expire:${thread.id}:${tag?.tagId ?? 'site'}:${until}`,
          payload: { threadId: thread.id, tagId: tag?.tagId ?? null, until } satisfies PinExpiry,
          runAfter: until,
        },
        now,
      )
    await audit(
      trx,
      loaded.value,
      input.pinned ? 'thread.pin' : 'thread.unpin',
      { after: { where: tag === null ? 'site' : tag.slug, until } },
      now,
    )
  })
  return ok({ threadId: thread.id })
}

/** The expiry job's payload: which pin, and the end it was given (a later re-pin is left alone). */
export interface PinExpiry {
  threadId: number
  tagId: number | null
  until: number
}

/** Ends a pin whose time is up, unless it was since unpinned or pinned again with another end. */
export async function expirePin(db: Db, pin: PinExpiry, now = Date.now()): Promise<boolean> {
  if (pin.until > now) return false
  const thread = await findThreadState(db, pin.threadId)
  if (!thread) return false
  const current =
    pin.tagId === null
      ? thread.pinned
        ? thread.pinnedUntil
        : null
      : ((await listThreadTagPins(db, thread.id)).find((t) => t.tagId === pin.tagId && t.pinned)
          ?.pinnedUntil ?? null)
  if (current !== pin.until) return false
  await db.transaction().execute(async (trx) => {
    if (pin.tagId === null) await updateThread(trx, thread.id, sitePin(false, null))
    else await setTagPin(trx, thread.id, pin.tagId, { pinned: false, until: null })
    await refreshThread(trx, thread.id)
    await recordAudit(
      trx,
      {
        actorId: null,
        action: 'thread.unpin',
        targetType: 'thread',
        targetId: thread.id,
        targetLabel: thread.title,
        reason: 'The pin expired.',
        before: { until: pin.until },
      },
      now,
    )
  })
  return true
}

/** A thread named by its id or its address (`/threads/42/...`, with or without the site). */
export function parseThreadRef(text: string): number | undefined {
  const trimmed = text.trim()
  const match = /^#?(\d{1,10})$/.exec(trimmed) ?? /\/threads\/(\d{1,10})(?:[/?#]|$)/.exec(trimmed)
  const id = match?.[1] === undefined ? NaN : Number(match[1])
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : undefined
}

/** The other thread of a close or a merge, checked: it exists, is live, is not this one. */
async function findTarget(
  db: Executor,
  thread: ThreadState,
  ref: string,
): Promise<Result<ThreadState>> {
  const id = parseThreadRef(ref)
  if (id === undefined)
    return fail.invalid('target', msg('Give the other thread’s address or its number.'))
  if (id === thread.id) return fail.invalid('target', msg('Choose another thread than this one.'))
  const target = await findThreadState(db, id)
  if (!target || target.deleted)
    return fail.invalid('target', msg('There is no thread {id}.'), { id })
  if (target.duplicateOf !== null)
    return fail.invalid(
      'target',
      msg('That thread is itself closed as a duplicate: choose the thread it points to.'),
    )
  return ok(target)
}

/** Closes a thread as a duplicate of another: it shows a link there and takes no new answers. */
export async function closeAsDuplicate(
  db: Db,
  viewer: Viewer | null,
  input: { threadId: number; target: string },
  now = Date.now(),
): Promise<Result<ThreadDone>> {
  const loaded = await loadForStaff(db, viewer, input.threadId)
  if (!loaded.ok) return loaded
  const { thread } = loaded.value
  const target = await findTarget(db, thread, input.target)
  if (!target.ok) return target
  await db.transaction().execute(async (trx) => {
    await updateThread(trx, thread.id, { duplicate_of: target.value.id })
    await audit(
      trx,
      loaded.value,
      'thread.close-duplicate',
      { before: { duplicateOf: thread.duplicateOf }, after: { duplicateOf: target.value.id } },
      now,
    )
  })
  return ok({ threadId: thread.id })
}

/** Opens a thread closed as a duplicate again. */
export async function reopenThread(
  db: Db,
  viewer: Viewer | null,
  input: { threadId: number },
  now = Date.now(),
): Promise<Result<ThreadDone>> {
  const loaded = await loadForStaff(db, viewer, input.threadId)
  if (!loaded.ok) return loaded
  const { thread } = loaded.value
  if (thread.duplicateOf === null) return ok({ threadId: thread.id })
  await db.transaction().execute(async (trx) => {
    await updateThread(trx, thread.id, { duplicate_of: null })
    await audit(
      trx,
      loaded.value,
      'thread.reopen',
      { before: { duplicateOf: thread.duplicateOf } },
      now,
    )
  })
  return ok({ threadId: thread.id })
}

/** Gives a thread other tags (the tags field of the ask form: names or slugs, separated by commas). */
export async function moveThreadTags(
  db: Db,
  viewer: Viewer | null,
  input: { threadId: number; tags: string },
  now = Date.now(),
): Promise<Result<ThreadDone>> {
  const loaded = await loadForStaff(db, viewer, input.threadId)
  if (!loaded.ok) return loaded
  const { thread } = loaded.value
  const { tags, unknown } = await resolveTagList(db, input.tags)
  if (unknown.length > 0)
    return fail.invalid(
      'tags',
      msg('{count, plural, one {Unknown tag} other {Unknown tags}}: {tags}.'),
      { count: unknown.length, tags: unknown.join(', ') },
    )
  if (tags.length < LIMITS.tagsMin) return fail.invalid('tags', msg('Give at least one tag.'))
  if (tags.length > LIMITS.tagsMax)
    return fail.invalid('tags', msg('Use at most {tagsMax} tags.'), { tagsMax: LIMITS.tagsMax })
  const before = await listThreadTagPins(db, thread.id)
  await db.transaction().execute(async (trx) => {
    await replaceThreadTags(
      trx,
      thread.id,
      tags.map((t) => t.id),
      now,
    )
    await refreshThread(trx, thread.id, { tagsChanged: true })
    // The tags it left count it no more.
    await refreshTagCounts(
      trx,
      before.map((t) => t.tagId),
    )
    await refreshThreadText(trx, thread.id)
    await audit(
      trx,
      loaded.value,
      'thread.move',
      { before: { tags: before.map((t) => t.slug) }, after: { tags: tags.map((t) => t.slug) } },
      now,
    )
  })
  return ok({ threadId: thread.id })
}

/**
 * Moves a thread's replies (with their comments) into another thread, refreshes both threads' counts
 * and search text, and closes the emptied thread as a duplicate of the other. An accepted answer stays
 * accepted only where the other thread has none.
 */
export async function mergeThread(
  db: Db,
  viewer: Viewer | null,
  input: { threadId: number; target: string },
  now = Date.now(),
): Promise<Result<ThreadDone & { targetId: number; moved: number }>> {
  const loaded = await loadForStaff(db, viewer, input.threadId)
  if (!loaded.ok) return loaded
  const { thread } = loaded.value
  const found = await findTarget(db, thread, input.target)
  if (!found.ok) return found
  const target = found.value
  const moved = await db.transaction().execute(async (trx) => {
    const { moved, latestAt } = await moveAnswers(trx, thread.id, target.id)
    // The moved replies' notifications link to where they are now; watchers follow them there.
    await moveNotificationsWithPosts(trx, thread.id, target.id)
    await copyThreadWatches(trx, thread.id, target.id, now)
    await updateThread(trx, thread.id, { duplicate_of: target.id, accepted_post_id: null })
    if (target.acceptedPostId === null && thread.acceptedPostId !== null)
      await updateThread(trx, target.id, { accepted_post_id: thread.acceptedPostId })
    await refreshThread(trx, thread.id)
    await refreshThread(trx, target.id, latestAt === null ? {} : { activityAt: latestAt })
    await refreshThreadText(trx, thread.id)
    await refreshThreadText(trx, target.id)
    await audit(
      trx,
      loaded.value,
      'thread.merge',
      { after: { into: target.id, posts: moved } },
      now,
    )
    return moved
  })
  return ok({ threadId: thread.id, targetId: target.id, moved })
}
