/**
 * What trust decides around every write (docs/moderation.md, "Trust levels and spam"): before it,
 * whether the person may post at all (silenced) and, for a new account, whether the post keeps to the
 * new-account limits; after it, in the write's transaction, whether the post waits for a moderator (a
 * new account's first posts, a repeated body) and whether the author has earned a higher level.
 */
import { createHash } from 'node:crypto'
import type { Db, Executor } from '../../db/schema.js'
import { describeAttachment } from '../attachments/index.js'
import { parseMentions } from '../notifications/index.js'
import { holdForReview, type ReviewKind } from '../review/index.js'
import {
  fail,
  msg,
  type Message,
  isSilenced,
  isStaff,
  ok,
  type Result,
  type Viewer,
} from '../shared/index.js'
import { loadSiteSettings, type SiteSettings } from '../site-settings/index.js'
import { findStanding, silenceMessage } from '../users/index.js'
import { evaluateTrust } from './promotion.actions.js'
import { isLimited } from './trust.policy.js'
import {
  countPostsEver,
  findLastPostAt,
  insertBodyHash,
  listSameBodyAuthors,
} from './trust.queries.js'

const MINUTE = 60_000
/** Within this time the same body from the same account is held. */
const SAME_AUTHOR_WINDOW_MS = 10 * MINUTE
/** Within this time the same body from this many accounts is held. */
const MANY_AUTHORS_WINDOW_MS = 60 * MINUTE
const MANY_AUTHORS = 3
/** Shorter bodies ("Thanks!", "Same here") are never compared: people repeat them honestly. */
export const REPEAT_MIN_CHARS = 30

/** What a write is about to store, as the limits read it. */
export interface PostAttempt {
  /** An edit is not a new post: the posting delay and the held first posts do not apply. */
  edit: boolean
  /** The Markdown as it will be stored. */
  body: string
  /** The HTML it renders to (links are counted there, autolinks included). */
  html: string
  /** The field the body's problems are named on. */
  bodyField?: string
  attachments?: readonly { fileName: string; data: Uint8Array }[]
}

/** What the write carries from {@link checkPosting} into {@link afterPosting}. */
export interface PostingContext {
  settings: SiteSettings
}

/** Links in rendered post HTML: every `<a>` but @mentions (which link to a profile). */
export function countLinks(html: string): number {
  let n = 0
  for (const match of html.matchAll(/<a\s[^>]*>/g)) if (!/class="mention"/.test(match[0])) n++
  return n
}

/**
 * When the limits end, in words: "after your first week and 3 posts" for the default 7 days; without
 * "after" for "wait until …".
 */
function untilMember(s: SiteSettings, after = true): Message {
  const values = { days: s.newAccountDays, posts: s.newAccountPosts }
  if (s.newAccountDays === 7)
    return after
      ? {
          message: msg('after your first week and {posts, plural, one {# post} other {# posts}}'),
          values,
        }
      : {
          message: msg('your first week and {posts, plural, one {# post} other {# posts}}'),
          values,
        }
  return after
    ? {
        message: msg(
          'after your first {days, plural, one {# day} other {# days}} and {posts, plural, one {# post} other {# posts}}',
        ),
        values,
      }
    : {
        message: msg(
          'your first {days, plural, one {# day} other {# days}} and {posts, plural, one {# post} other {# posts}}',
        ),
        values,
      }
}

/** The new-account limits on one post; undefined when it keeps to them. */
async function newAccountProblem(
  db: Executor,
  viewer: Viewer,
  attempt: PostAttempt,
  s: SiteSettings,
  now: number,
): Promise<Result<never> | undefined> {
  const field = attempt.bodyField ?? 'body'
  const links = countLinks(attempt.html)
  if (links > s.newAccountLinks)
    return fail.invalid(
      field,
      msg(
        'New accounts can include at most {max, plural, one {# link} other {# links}} in a post; you have {links}. Links become unlimited {until}.',
      ),
      { max: s.newAccountLinks, links, until: untilMember(s) },
    )
  const mentions = parseMentions(attempt.body, s.newAccountMentions + 1).length
  if (mentions > s.newAccountMentions)
    return fail.invalid(
      field,
      msg(
        'New accounts can mention at most {max, plural, one {# person} other {# people}} in a post; this one mentions more. Mention the people who can help most, or wait until {until}.',
      ),
      { max: s.newAccountMentions, until: untilMember(s, false) },
    )
  const binary = (attempt.attachments ?? []).find(
    (f) => !describeAttachment(f.fileName, f.data).textLike,
  )
  if (binary)
    return fail.invalid(
      'attachments',
      msg(
        'New accounts can attach text files only (logs, source code, crash reports); “{fileName}” is not one. Paste what matters into the text, or attach it {until}.',
      ),
      { fileName: binary.fileName, until: untilMember(s) },
    )
  if (!attempt.edit && s.newAccountPostDelaySeconds > 0) {
    const last = await findLastPostAt(db, viewer.id)
    const waitMs = last === undefined ? 0 : last + s.newAccountPostDelaySeconds * 1000 - now
    if (waitMs > 0)
      return fail.invalid(
        field,
        msg(
          'New accounts wait {delay, plural, one {# second} other {# seconds}} between posts; please send this again in {wait, plural, one {# second} other {# seconds}}.',
        ),
        { delay: s.newAccountPostDelaySeconds, wait: Math.ceil(waitMs / 1000) },
      )
  }
  return undefined
}

/**
 * Checks a write before it is made: a silenced person is refused with their reason and the date; a new
 * account's post must keep to the new-account limits. Each refusal names a form field, so the form
 * comes back filled in. Staff are never limited.
 */
export async function checkPosting(
  db: Db,
  viewer: Viewer,
  attempt: PostAttempt,
  now = Date.now(),
): Promise<Result<PostingContext>> {
  if (isSilenced(viewer, now))
    return fail.invalid(attempt.bodyField ?? 'body', await silencedReason(db, viewer, now))
  const settings = await loadSiteSettings(db)
  if (isLimited(viewer)) {
    const problem = await newAccountProblem(db, viewer, attempt, settings, now)
    if (problem) return problem
  }
  return ok({ settings })
}

/** Why a silenced viewer cannot post, with the reason staff gave and the date it ends. */
export async function silencedReason(
  db: Executor,
  viewer: Viewer,
  now = Date.now(),
): Promise<Message> {
  const standing = await findStanding(db, viewer.id)
  const until = standing?.silencedUntil ?? viewer.silencedUntil ?? now
  return silenceMessage(until, standing?.silenceReason ?? null)
}

/** The hash repeated bodies are found by: whitespace runs made one space, ends trimmed. */
function bodyHash(body: string): string | null {
  const normal = body.replace(/\s+/g, ' ').trim()
  if ([...normal].length < REPEAT_MIN_CHARS) return null
  return createHash('sha256').update(normal).digest('hex')
}

/** Whether this body repeats: the same account within 10 minutes, or 3 accounts within an hour. */
async function isRepeat(
  trx: Executor,
  viewer: Viewer,
  postId: number,
  hash: string,
  now: number,
): Promise<boolean> {
  const others = await listSameBodyAuthors(trx, {
    hash,
    since: now - MANY_AUTHORS_WINDOW_MS,
    exceptPostId: postId,
  })
  if (others.some((o) => o.authorId === viewer.id && o.createdAt >= now - SAME_AUTHOR_WINDOW_MS))
    return true
  return new Set([viewer.id, ...others.map((o) => o.authorId)]).size >= MANY_AUTHORS
}

/**
 * After a new post is written, in its transaction: a repeated body is held (`duplicate`), a new
 * account's first posts are held (`approval`), then the author's level is evaluated. Returns why the
 * post waits for a moderator, or null when it is published.
 */
export async function afterPosting(
  trx: Executor,
  viewer: Viewer,
  context: PostingContext,
  post: { postId: number; body: string },
  now = Date.now(),
): Promise<ReviewKind | null> {
  if (isStaff(viewer)) return null
  let held: ReviewKind | null = null
  const hash = bodyHash(post.body)
  if (hash !== null) {
    await insertBodyHash(trx, { postId: post.postId, authorId: viewer.id, hash, createdAt: now })
    if (await isRepeat(trx, viewer, post.postId, hash, now)) {
      await holdForReview(
        trx,
        { postId: post.postId, kind: 'duplicate', note: 'The same text was posted again.' },
        now,
      )
      held = 'duplicate'
    }
  }
  const approvals = context.settings.newAccountApprovalPosts
  if (held === null && isLimited(viewer) && approvals > 0) {
    if ((await countPostsEver(trx, viewer.id)) <= approvals) {
      await holdForReview(
        trx,
        {
          postId: post.postId,
          kind: 'approval',
          // Stored with the item (the review queue shows it as written), so not a message.
          note: `A new account’s first ${approvals} ${approvals === 1 ? 'post' : 'posts'} wait for a moderator.`,
        },
        now,
      )
      held = 'approval'
    }
  }
  await evaluateTrust(trx, viewer.id, context.settings, now)
  return held
}
