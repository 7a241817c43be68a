/**
 * Replies, comments, edits, deletion and restoration. Each: load the facts, check the policy, validate,
 * then one transaction that writes, refreshes the thread's counters and re-derives what is read from its
 * text (search row and signatures: refreshThreadText).
 */
import type { Db, Executor } from '../../db/schema.js'
import { recordAudit } from '../audit-log/index.js'
import { renderInlineMarkdown, renderMarkdown, toExcerpt } from '../markdown/index.js'
import { fail, msg, inTransaction, ok, type Result } from '../shared/index.js'
import { refreshThread } from '../thread-lists/index.js'
import { refreshThreadText } from '../text-pipeline/index.js'
import { enqueueActivity, parseMentions } from '../notifications/index.js'
import { watchByDefault } from '../watching/index.js'
import { checkHiddenEdit, requestReReview } from '../review/index.js'
import type { Viewer } from '../shared/index.js'
import { findPostFacts, findThreadFacts } from './post-facts.queries.js'
import {
  canComment,
  canDelete,
  canEdit,
  canReply,
  canRestore,
  isStaff,
  replyRefusal,
  type PostFacts,
} from './posts.policy.js'
import { insertPost } from './posts.queries.js'
import {
  checkBody,
  checkComment,
  checkTitle,
  normaliseText,
  cleanTitle,
} from './posts.validation.js'
import { refundOnThrow, writeLimits } from './write-limits.js'
import { findThreadTitle, updateThread } from '../thread-lists/index.js'
import { findPostSource, updatePost } from './posts.queries.js'
import { appendRevision, hasRevisions } from './revisions.queries.js'
import { afterPosting, checkPosting } from '../trust/index.js'
import type { ReviewKind } from '../review/index.js'

export interface Posted {
  postId: number
  threadId: number
  /** Why the new post waits for a moderator (a new account's first posts, a repeated body); else absent. */
  held?: ReviewKind
}

/** Counts the post against its author's limit now (staff are not limited); a refusal when held. */
function takePostLimit(viewer: Viewer, now: number): Result<never> | undefined {
  if (isStaff(viewer)) return undefined
  const wait = writeLimits.posts.take(String(viewer.id), now)
  return wait > 0 ? fail.rateLimited(wait) : undefined
}

/** How each kind of post body is checked and rendered: comments are short and inline-only. */
const BODY_RULES = {
  question: { check: checkBody, render: renderMarkdown },
  reply: { check: checkBody, render: renderMarkdown },
  comment: { check: checkComment, render: renderInlineMarkdown },
} as const satisfies Record<
  PostFacts['kind'],
  { check: (body: string) => Result<never> | undefined; render: (body: string) => string }
>

/** A new reply or comment: where it goes, once loaded, and what each refusal says. */
interface NewPost<T> {
  kind: 'reply' | 'comment'
  /** The thread (reply) or post (comment) it goes under; undefined when missing or deleted (a 404). */
  target: T | undefined
  /** What the 404 calls a missing target. */
  what: string
  /** Why an anonymous visitor is refused. */
  signIn: string
  /** Why the post policy refuses this viewer, or undefined when it allows the write. */
  refusal: (viewer: Viewer, target: T) => string | undefined
  /** The thread and parent post of the new post. */
  place: (target: T) => { threadId: number; parentId: number | null }
}

/**
 * What replying and commenting share: the 404, sign-in and policy refusals (in that order, so a missing
 * target never reveals whether the viewer could write there), the body's checks, the poster's rate limit,
 * then one transaction that writes the post, moves the thread's activity forward and re-derives its search
 * row and signatures. The limiter counts the post before the transaction (so parallel posts cannot all
 * pass one check) and gives the attempt back if the transaction fails.
 */
async function addPost<T>(
  db: Db,
  viewer: Viewer | null,
  rawBody: string,
  now: number,
  spec: NewPost<T>,
): Promise<Result<Posted>> {
  if (spec.target === undefined) return fail.notFound(spec.what)
  if (!viewer) return fail.forbidden(spec.signIn)
  const refusal = spec.refusal(viewer, spec.target)
  if (refusal !== undefined) return fail.forbidden(refusal)
  const rules = BODY_RULES[spec.kind]
  const body = normaliseText(rawBody)
  const checked = rules.check(body)
  if (checked) return checked
  const html = rules.render(body)
  // Silenced people and the new-account limits (trust), before the post counts against the rate limit.
  const trust = await checkPosting(db, viewer, { edit: false, body, html }, now)
  if (!trust.ok) return trust
  const limited = takePostLimit(viewer, now)
  if (limited) return limited
  const { threadId, parentId } = spec.place(spec.target)
  const { postId, held } = await refundOnThrow(writeLimits.posts, viewer, now, () =>
    db.transaction().execute(async (trx) => {
      const id = await insertPost(trx, {
        thread_id: threadId,
        author_id: viewer.id,
        kind: spec.kind,
        parent_id: parentId,
        body_markdown: body,
        body_html: html,
        created_at: now,
      })
      await refreshThread(trx, threadId, { activityAt: now })
      await refreshThreadText(trx, threadId)
      await watchByDefault(trx, viewer.id, threadId, 'reply', now)
      const heldFor = await afterPosting(trx, viewer, trust.value, { postId: id, body }, now)
      // A post waiting for a moderator notifies nobody (a mention in spam must not reach anyone).
      if (heldFor === null)
        await enqueueActivity(
          trx,
          { type: 'post.created', postId: id, mentions: parseMentions(body) },
          now,
        )
      return { postId: id, held: heldFor }
    }),
  )
  return ok({ postId, threadId, ...(held !== null ? { held } : {}) })
}

export async function postReply(
  db: Db,
  viewer: Viewer | null,
  input: { threadId: number; body: string },
  now = Date.now(),
): Promise<Result<Posted>> {
  const thread = await findThreadFacts(db, input.threadId)
  return addPost(db, viewer, input.body, now, {
    kind: 'reply',
    target: thread && !thread.deleted ? thread : undefined,
    what: 'thread',
    signIn: msg('Sign in to reply.'),
    refusal: (v, t) => (canReply(v, t) ? undefined : replyRefusal(t)),
    place: (t) => ({ threadId: t.id, parentId: null }),
  })
}

/** Comments go under live replies; like replies they count for search and signatures. */
export async function postComment(
  db: Db,
  viewer: Viewer | null,
  input: { postId: number; body: string },
  now = Date.now(),
): Promise<Result<Posted>> {
  const parent = await findPostFacts(db, input.postId)
  return addPost(db, viewer, input.body, now, {
    kind: 'comment',
    target: parent && !parent.threadDeleted ? parent : undefined,
    what: 'post',
    signIn: msg('Sign in to comment.'),
    refusal: (v, p) =>
      canComment(v, p)
        ? undefined
        : p.kind !== 'reply'
          ? msg('Comments go under replies.')
          : p.threadLocked
            ? msg('This thread is locked: it takes no new comments.')
            : msg('This reply takes no comments.'),
    place: (p) => ({ threadId: p.threadId, parentId: p.id }),
  })
}

export interface EditInput {
  postId: number
  body: string
  /** Questions only: the thread's new title. */
  title?: string
  /** Staff only: why they edited, kept with the revision ("Edited by moderator X: note"). */
  staffNote?: string
  /** Anyone: why they edited, shown in the edit history. */
  reason?: string
}

/** The longest note staff leave with an edit. */
export const STAFF_NOTE_MAX = 300

/** The longest reason given with an edit (the form's maxlength and docs/api.md say the same). */
export const EDIT_REASON_MAX = 300

/** An edit reason as given: spaces folded, blank as none; or the refusal. */
function checkEditReason(reason: string | undefined): Result<string | null> {
  const clean = (reason ?? '').trim().replace(/\s+/g, ' ')
  if (clean === '') return ok(null)
  if (clean.length > EDIT_REASON_MAX)
    return fail.invalid('reason', msg('The reason has at most {editReasonMax} characters.'), {
      editReasonMax: EDIT_REASON_MAX,
    })
  return ok(clean)
}

/** A staff note as given: trimmed, blank as none; or the refusal. */
function checkStaffNote(viewer: Viewer, note: string | undefined): Result<string | null> {
  const clean = (note ?? '').trim().replace(/\s+/g, ' ')
  if (clean === '') return ok(null)
  if (!isStaff(viewer))
    return fail.invalid('staffNote', msg('Only staff leave a note with an edit.'))
  if (clean.length > STAFF_NOTE_MAX)
    return fail.invalid('staffNote', msg('The note has at most {staffNoteMax} characters.'), {
      staffNoteMax: STAFF_NOTE_MAX,
    })
  return ok(clean)
}

/** What a staff member does to someone else's post goes in the staff log. */
function isStaffActionOn(viewer: Viewer, post: PostFacts): boolean {
  return isStaff(viewer) && viewer.id !== post.authorId
}

function postLabel(post: PostFacts): string {
  return `${post.kind} ${post.id} in thread ${post.threadId}`
}

/** Edits a post, keeping every version as a revision (the first edit also stores the original). */
export async function editPost(
  db: Db,
  viewer: Viewer | null,
  input: EditInput,
  now = Date.now(),
): Promise<Result<Posted>> {
  const post = await findPostFacts(db, input.postId)
  if (!post || (post.deleted && !isStaff(viewer))) return fail.notFound('post')
  if (!viewer) return fail.forbidden(msg('Sign in to edit.'))
  if (!canEdit(viewer, post)) return fail.forbidden(msg('You can edit only your own posts.'))
  const body = normaliseText(input.body)
  const title =
    post.kind === 'question' && input.title !== undefined ? cleanTitle(input.title) : undefined
  const problem =
    (title !== undefined ? checkTitle(title) : undefined) ?? BODY_RULES[post.kind].check(body)
  if (problem) return problem
  // The author of a hidden post may edit it once to ask for another look (docs/moderation.md).
  const hidden = isStaff(viewer)
    ? ok({ reReview: false })
    : await checkHiddenEdit(db, { postId: post.id, editorId: viewer.id })
  if (!hidden.ok) return hidden
  const note = checkStaffNote(viewer, input.staffNote)
  if (!note.ok) return note
  const reason = checkEditReason(input.reason)
  if (!reason.ok) return reason
  const html = BODY_RULES[post.kind].render(body)
  // Staff editing someone's post are never limited; the author's edit keeps to their limits.
  const trust = await checkPosting(db, viewer, { edit: true, body, html }, now)
  if (!trust.ok) return trust
  await db.transaction().execute(async (trx) => {
    await keepOriginalRevision(trx, post)
    await appendRevision(trx, {
      postId: post.id,
      editorId: viewer.id,
      title: title ?? null,
      bodyMarkdown: body,
      createdAt: now,
      staffNote: note.value,
      reason: reason.value,
    })
    if (isStaffActionOn(viewer, post) || note.value !== null)
      await recordAudit(
        trx,
        {
          actorId: viewer.id,
          action: 'post.edit',
          targetType: 'post',
          targetId: post.id,
          targetLabel: postLabel(post),
          reason: note.value,
        },
        now,
      )
    await updatePost(trx, post.id, {
      body_markdown: body,
      body_html: html,
      edited_at: now,
    })
    if (post.kind === 'question')
      await updateThread(trx, post.threadId, {
        excerpt: toExcerpt(body),
        ...(title !== undefined ? { title } : {}),
      })
    await refreshThreadText(trx, post.threadId)
    if (hidden.value.reReview) await requestReReview(trx, post.id, now)
    // Every edit is an event (the `post.edited` webhook); only someone else's tells the author.
    await enqueueActivity(
      trx,
      { type: 'post.edited', postId: post.id, editorId: viewer.id, at: now },
      now,
    )
  })
  return ok({ postId: post.id, threadId: post.threadId })
}

/** Revision 1 is the text as first posted, written when the post is first edited. */
async function keepOriginalRevision(trx: Executor, post: PostFacts): Promise<void> {
  if (await hasRevisions(trx, post.id)) return
  const original = await findPostSource(trx, post.id)
  await appendRevision(trx, {
    postId: post.id,
    editorId: post.authorId,
    title: post.kind === 'question' ? ((await findThreadTitle(trx, post.threadId)) ?? null) : null,
    bodyMarkdown: original.bodyMarkdown,
    createdAt: original.createdAt,
    staffNote: null,
    reason: null,
  })
}

/**
 * Soft-deletes a post: the row stays (the thread still reads right, and staff can restore it) but its
 * text leaves every page and the search index. Deleting the question deletes the thread.
 */
export async function deletePost(
  db: Db,
  viewer: Viewer | null,
  input: { postId: number },
  now = Date.now(),
): Promise<Result<Posted & { threadDeleted: boolean }>> {
  return inTransaction(db, (trx) => deletePostWithin(trx, viewer, input, now))
}

/**
 * {@link deletePost} inside the caller's transaction, for writes that delete posts as one of their steps
 * (a moderator's decision at /review, deleting a spammer) and must commit or roll back as a whole.
 */
export async function deletePostWithin(
  trx: Executor,
  viewer: Viewer | null,
  input: { postId: number },
  now = Date.now(),
): Promise<Result<Posted & { threadDeleted: boolean }>> {
  const post = await findPostFacts(trx, input.postId)
  if (!post || post.deleted) return fail.notFound('post')
  if (!viewer) return fail.forbidden(msg('Sign in first.'))
  if (!canDelete(viewer, post)) {
    return fail.forbidden(
      post.kind === 'question' && viewer.id === post.authorId
        ? msg('A question with replies cannot be deleted by its author; ask a moderator.')
        : msg('You can delete only your own posts.'),
    )
  }
  await updatePost(trx, post.id, { deleted_at: now, deleted_by: viewer.id })
  if (post.kind === 'question') await updateThread(trx, post.threadId, { deleted_at: now })
  if (post.acceptedPostId === post.id)
    await updateThread(trx, post.threadId, { accepted_post_id: null })
  await refreshThread(trx, post.threadId, { tagsChanged: post.kind === 'question' })
  await refreshThreadText(trx, post.threadId)
  if (isStaffActionOn(viewer, post)) await auditPostChange(trx, viewer, post, 'delete', now)
  await enqueueActivity(
    trx,
    { type: 'post.deleted', postId: post.id, byId: viewer.id, at: now },
    now,
  )
  return ok({ postId: post.id, threadId: post.threadId, threadDeleted: post.kind === 'question' })
}

/** Staff deleting or restoring a post (a thread, when it is the question) goes in the staff log. */
async function auditPostChange(
  trx: Executor,
  viewer: Viewer,
  post: PostFacts,
  verb: 'delete' | 'restore',
  now: number,
): Promise<void> {
  const onThread = post.kind === 'question'
  await recordAudit(
    trx,
    {
      actorId: viewer.id,
      action: `${onThread ? 'thread' : 'post'}.${verb}`,
      targetType: onThread ? 'thread' : 'post',
      targetId: onThread ? post.threadId : post.id,
      targetLabel: onThread
        ? ((await findThreadTitle(trx, post.threadId)) ?? `thread ${post.threadId}`)
        : postLabel(post),
    },
    now,
  )
}

export async function restorePost(
  db: Db,
  viewer: Viewer | null,
  input: { postId: number },
  now = Date.now(),
): Promise<Result<Posted>> {
  const post = await findPostFacts(db, input.postId)
  if (!post) return fail.notFound('post')
  if (!canRestore(viewer, post) || !viewer)
    return fail.forbidden(msg('Only moderators restore deleted posts.'))
  await db.transaction().execute(async (trx) => {
    await updatePost(trx, post.id, { deleted_at: null, deleted_by: null })
    if (post.kind === 'question') await updateThread(trx, post.threadId, { deleted_at: null })
    await refreshThread(trx, post.threadId, { tagsChanged: post.kind === 'question' })
    await refreshThreadText(trx, post.threadId)
    await auditPostChange(trx, viewer, post, 'restore', now)
  })
  return ok({ postId: post.id, threadId: post.threadId })
}
