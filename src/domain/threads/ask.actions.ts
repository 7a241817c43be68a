/** Asking a question: validation, then the thread, its question post, tags and attachments in one transaction. */
import type { Db } from '../../db/schema.js'
import { cleanFileName, describeAttachment, insertAttachment } from '../attachments/index.js'
import { slugify } from '../format/index.js'
import { renderMarkdown, toExcerpt } from '../markdown/index.js'
import { insertPost } from '../posts/index.js'
import { checkBody, checkTitle, cleanTitle, LIMITS, normaliseText } from '../posts/index.js'
import { isStaff } from '../shared/index.js'
import { refundOnThrow, writeLimits } from '../posts/index.js'
import { randomId } from '../shared/index.js'
import { fail, msg, ok, type Result } from '../shared/index.js'
import type { Viewer } from '../shared/index.js'
import { enqueueActivity, parseMentions } from '../notifications/index.js'
import { refreshThreadText } from '../text-pipeline/index.js'
import { watchByDefault } from '../watching/index.js'
import { refreshThread } from '../thread-lists/index.js'
import { resolveTagList } from '../tags/index.js'
import { insertThread, insertThreadTags } from '../thread-lists/index.js'
import { afterPosting, checkPosting } from '../trust/index.js'
import type { ReviewKind } from '../review/index.js'

/**
 * Seconds until `viewer` may ask again (0: now), without counting anything: lets the ask route refuse
 * before it receives attachments. `askQuestion` makes the counted check.
 */
export function secondsUntilAsk(viewer: Viewer, now = Date.now()): number {
  return isStaff(viewer) ? 0 : writeLimits.threads.retryAfterS(String(viewer.id), now)
}

export interface UploadedFile {
  fileName: string
  data: Uint8Array
}

export interface AskInput {
  title: string
  body: string
  /** Tag slugs separated by spaces or commas. */
  tags: string
  attachments: UploadedFile[]
}

export interface Asked {
  threadId: number
  slug: string
  /** Why the question waits for a moderator (a new account's first posts, a repeated body), or null. */
  held: ReviewKind | null
}

export async function askQuestion(
  db: Db,
  viewer: Viewer | null,
  input: AskInput,
  now = Date.now(),
): Promise<Result<Asked>> {
  if (!viewer) return fail.forbidden(msg('Sign in to ask a question.'))
  const title = cleanTitle(input.title)
  const body = normaliseText(input.body)
  const problem = checkTitle(title) ?? checkBody(body)
  if (problem) return problem
  const { tags, unknown } = await resolveTagList(db, input.tags)
  if (unknown.length > 0)
    return fail.invalid(
      'tags',
      msg(
        '{count, plural, one {Unknown tag} other {Unknown tags}}: {tags}. Choose from the existing tags (names or slugs, separated by commas).',
      ),
      { count: unknown.length, tags: unknown.join(', ') },
    )
  if (tags.length < LIMITS.tagsMin)
    return fail.invalid('tags', msg('Add at least one tag, such as kernel or usb.'))
  if (tags.length > LIMITS.tagsMax)
    return fail.invalid('tags', msg('Use at most {tagsMax} tags.'), { tagsMax: LIMITS.tagsMax })
  const files = input.attachments.filter((f) => f.fileName !== '' || f.data.byteLength > 0)
  if (files.length > LIMITS.attachmentsMax)
    return fail.invalid('attachments', msg('Attach at most {attachmentsMax} files.'), {
      attachmentsMax: LIMITS.attachmentsMax,
    })
  const tooBig = files.find((f) => f.data.byteLength > LIMITS.attachmentBytesMax)
  if (tooBig)
    return fail.invalid('attachments', msg('{fileName} is larger than 4 MB.'), {
      fileName: tooBig.fileName,
    })
  const html = renderMarkdown(body)
  // Silenced people and the new-account limits (trust), before the question counts against the rate limit.
  const trust = await checkPosting(db, viewer, { edit: false, body, html, attachments: files }, now)
  if (!trust.ok) return trust
  // Counted now, before the write (parallel questions cannot all pass one check); given back if it fails.
  if (!isStaff(viewer)) {
    const wait = writeLimits.threads.take(String(viewer.id), now)
    if (wait > 0) return fail.rateLimited(wait)
  }

  const { threadId, held } = await refundOnThrow(writeLimits.threads, viewer, now, () =>
    db.transaction().execute(async (trx) => {
      const id = await insertThread(trx, {
        title,
        authorId: viewer.id,
        excerpt: toExcerpt(body),
        createdAt: now,
      })
      const postId = await insertPost(trx, {
        thread_id: id,
        author_id: viewer.id,
        kind: 'question',
        body_markdown: body,
        body_html: html,
        created_at: now,
      })
      for (const file of files) {
        const name = cleanFileName(file.fileName)
        const facts = describeAttachment(name, file.data)
        await insertAttachment(trx, {
          id: randomId(),
          post_id: postId,
          file_name: name,
          content_type: facts.contentType,
          size: file.data.byteLength,
          content: file.data,
          preview_html: facts.previewHtml,
          line_count: facts.lineCount,
          created_at: now,
        })
      }
      await insertThreadTags(
        trx,
        id,
        tags.map((t) => t.id),
        now,
      )
      await refreshThread(trx, id, { tagsChanged: true })
      await refreshThreadText(trx, id)
      await watchByDefault(trx, viewer.id, id, 'ask', now)
      const heldFor = await afterPosting(trx, viewer, trust.value, { postId, body }, now)
      // A question waiting for a moderator notifies nobody: watchers would be sent spam.
      if (heldFor === null)
        await enqueueActivity(
          trx,
          { type: 'thread.created', threadId: id, postId, mentions: parseMentions(body) },
          now,
        )
      return { threadId: id, held: heldFor }
    }),
  )
  return ok({ threadId, slug: slugify(title), held })
}
