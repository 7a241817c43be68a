/**
 * The reads behind the edit and revisions pages, with the rules that decide who sees them: a deleted
 * post is staff's only, and editing follows the post policy.
 */
import type { Executor } from '../../db/schema.js'
import { fail, msg, ok, type Result, type Viewer } from '../shared/index.js'
import { findPostFacts } from './post-facts.queries.js'
import { diffText, type DiffPart } from './revision-diff.js'
import { canEdit, canViewDeleted, canViewHidden } from './posts.policy.js'
import {
  findPostContext,
  listRevisions,
  type PostContext,
  type RevisionView,
} from './revisions.queries.js'

/** A post its viewer may edit, with the text the form starts from. */
export interface EditablePost extends PostContext {
  /** The form's first values: the title only for a question. */
  initial: { title?: string; body: string }
}

/** The post to edit, if `viewer` may edit it: not_found for a missing or hidden post, forbidden else. */
export async function getPostForEdit(
  db: Executor,
  viewer: Viewer | null,
  postId: number,
): Promise<Result<EditablePost>> {
  const [post, facts] = await Promise.all([findPostContext(db, postId), findPostFacts(db, postId)])
  if (!post || !facts || (post.deleted && !canViewDeleted(viewer))) return fail.notFound('post')
  if (!viewer) return fail.forbidden(msg('Sign in to edit.'))
  if (!canEdit(viewer, facts)) return fail.forbidden(msg('You can edit only your own posts.'))
  const initial =
    post.kind === 'question'
      ? { title: post.threadTitle, body: post.bodyMarkdown }
      : { body: post.bodyMarkdown }
  return ok({ ...post, initial })
}

/** A revision with what changed since the one before it (null for the original). */
export interface RevisionWithChanges extends RevisionView {
  changes: { title: DiffPart[] | null; body: DiffPart[] } | null
}

/** A post's revisions, newest first, each against the one before it; a deleted post's only for staff. */
export async function getPostRevisions(
  db: Executor,
  viewer: Viewer | null,
  postId: number,
): Promise<Result<{ post: PostContext; revisions: RevisionWithChanges[] }>> {
  const post = await findPostContext(db, postId)
  if (!post || (post.deleted && !canViewDeleted(viewer))) return fail.notFound('post')
  if (post.hidden && !canViewHidden(viewer, post)) return fail.notFound('post')
  const revisions = await listRevisions(db, post.id)
  const byNumber = new Map(revisions.map((r) => [r.number, r]))
  return ok({
    post,
    revisions: revisions.map((revision) => {
      const before = byNumber.get(revision.number - 1)
      if (before === undefined) return { ...revision, changes: null }
      const title =
        before.title !== null && revision.title !== null && before.title !== revision.title
          ? diffText(before.title, revision.title)
          : null
      return {
        ...revision,
        changes: { title, body: diffText(before.bodyMarkdown, revision.bodyMarkdown) },
      }
    }),
  })
}
