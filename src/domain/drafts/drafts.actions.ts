/**
 * Drafts: what a person is writing, saved as they type (the composer island) so that it comes back when
 * they open /ask or the thread's reply form again, on any device. A draft is its owner's alone: every
 * read and write is keyed by the signed-in person, so there is no draft id to guess. The limits are the
 * post limits: a draft the post could not hold is refused, and the island says so.
 */
import { canReply, findThreadFacts, LIMITS, normaliseText } from '../posts/index.js'
import {
  AttemptLimiter,
  fail,
  msg,
  ok,
  takeAttempts,
  type Result,
  type Viewer,
} from '../shared/index.js'
import type { Executor } from '../../db/schema.js'
import { deleteDraft, findDraft, hasJustPosted, upsertDraft } from './drafts.queries.js'
import type { Draft, DraftInput } from './drafts.types.js'

/** The tags field as typed ("Kernel, Network Extension"): five names fit easily. */
export const DRAFT_TAGS_MAX = 300

/**
 * Saves a person a minute. The composer saves after 2 s without typing and when the page is left, so
 * steady typing makes at most about 30; more is a script.
 */
export const draftSaveLimiter = new AttemptLimiter({
  max: 60,
  windowMs: 60_000,
  name: 'draft-saves',
})

/** How far back a post counts as the one a late save was the draft of. */
const JUST_POSTED_MS = 60_000

/** The refusal when nobody is signed in. */
const SIGN_IN = msg('Sign in to keep drafts.')

/**
 * Saves the person's draft for a thread's reply (or for /ask when `threadId` is null). A draft with
 * nothing in it deletes the saved one: the person cleared the form.
 * @example const saved = await saveDraft(db, viewer, { threadId: 7, title: '', body: 'I see…', tags: '' })
 */
export async function saveDraft(
  db: Executor,
  viewer: Viewer | null,
  input: DraftInput,
  now = Date.now(),
): Promise<Result<{ savedAt: number; empty: boolean }>> {
  if (!viewer) return fail.forbidden(SIGN_IN)
  const draft: Draft = {
    threadId: input.threadId,
    title: input.threadId === null ? normaliseText(input.title) : '',
    body: normaliseText(input.body),
    tags: input.threadId === null ? normaliseText(input.tags) : '',
    updatedAt: now,
  }
  const problem = checkDraft(draft)
  if (problem) return problem
  if (input.threadId !== null) {
    const thread = await findThreadFacts(db, input.threadId)
    if (!thread || thread.deleted) return fail.notFound('thread')
    if (!canReply(viewer, thread))
      return fail.forbidden(msg('This thread takes no replies from you.'))
  }
  const wait = await takeAttempts([[draftSaveLimiter, `user:${viewer.id}`]], now)
  if (wait > 0) return fail.rateLimited(wait)
  // A save sent just before the post, and answered after it, is the post: nothing to keep.
  const posted =
    draft.body.trim() !== '' &&
    (await hasJustPosted(db, viewer.id, draft.threadId, draft.body, now - JUST_POSTED_MS))
  const empty =
    posted || (draft.title.trim() === '' && draft.body.trim() === '' && draft.tags.trim() === '')
  if (empty) await deleteDraft(db, viewer.id, draft.threadId)
  else await upsertDraft(db, viewer.id, draft)
  return ok({ savedAt: now, empty })
}

/** The post limits, applied to a draft; each problem names its field. */
function checkDraft(draft: Draft): Result<never> | undefined {
  const titleLength = [...draft.title].length
  if (titleLength > LIMITS.titleMax)
    return fail.invalid(
      'title',
      msg(
        'Keep the title under {titleMax} characters (it has {titleLength}); the draft is not saved.',
      ),
      { titleMax: LIMITS.titleMax, titleLength },
    )
  const bytes = Buffer.byteLength(draft.body, 'utf8')
  if (bytes > LIMITS.bodyMaxBytes)
    return fail.invalid(
      'body',
      msg(
        'The text is over the {max} KB a post may hold, so the draft is not saved; shorten it, or attach the log as a file.',
      ),
      { max: LIMITS.bodyMaxBytes / 1024 },
    )
  if ([...draft.tags].length > DRAFT_TAGS_MAX)
    return fail.invalid('tags', msg('Keep the tags under {draftTagsMax} characters.'), {
      draftTagsMax: DRAFT_TAGS_MAX,
    })
  return undefined
}

/** The person's draft for a thread (or /ask), to refill the form; undefined for nobody or no draft. */
export async function getDraft(
  db: Executor,
  viewer: Viewer | null,
  threadId: number | null,
): Promise<Draft | undefined> {
  return viewer ? findDraft(db, viewer.id, threadId) : undefined
}

/**
 * Deletes the person's draft for a thread (or /ask): the "Discard draft" button, and the post route
 * once the post is saved. Discarding what is not there is not an error.
 */
export async function discardDraft(
  db: Executor,
  viewer: Viewer | null,
  threadId: number | null,
): Promise<Result<{ discarded: boolean }>> {
  if (!viewer) return fail.forbidden(SIGN_IN)
  return ok({ discarded: await deleteDraft(db, viewer.id, threadId) })
}
