import type { Executor } from '../../db/schema.js'
import type { Role, UserRef } from '../shared/index.js'

export interface RevisionView {
  number: number
  editor: UserRef & { role: Role }
  createdAt: number
  title: string | null
  bodyMarkdown: string
  /** What a staff editor said about the edit; null for other edits. */
  staffNote: string | null
  /** Why the editor changed it; null when no reason was given. */
  reason: string | null
}

/** Every kept version of a post, newest first. */
export async function listRevisions(db: Executor, postId: number): Promise<RevisionView[]> {
  const rows = await db
    .selectFrom('revisions as r')
    .innerJoin('users as u', 'u.id', 'r.editor_id')
    .select([
      'r.number',
      'r.created_at as createdAt',
      'r.title',
      'r.body_markdown as bodyMarkdown',
      'r.staff_note as staffNote',
      'r.reason',
      'u.username',
      'u.title as userTitle',
      'u.role',
    ])
    .where('r.post_id', '=', postId)
    .orderBy('r.number', 'desc')
    .execute()
  return rows.map((r) => ({
    number: r.number,
    editor: { username: r.username, title: r.userTitle, role: r.role },
    createdAt: r.createdAt,
    title: r.title,
    bodyMarkdown: r.bodyMarkdown,
    staffNote: r.staffNote,
    reason: r.reason,
  }))
}

export interface PostContext {
  id: number
  threadId: number
  threadTitle: string
  kind: 'question' | 'reply' | 'comment'
  bodyMarkdown: string
  deleted: boolean
  authorId: number
  /** Hidden from readers (flagged, held, by staff): only its author and staff read its revisions. */
  hidden: boolean
}

/** A post with its thread's title, for the edit and revisions pages. */
export function findPostContext(db: Executor, postId: number): Promise<PostContext | undefined> {
  return db
    .selectFrom('posts as p')
    .innerJoin('threads as t', 't.id', 'p.thread_id')
    .select([
      'p.id',
      'p.thread_id as threadId',
      't.title as threadTitle',
      'p.kind',
      'p.body_markdown as bodyMarkdown',
      'p.author_id as authorId',
      'p.hidden_at as hiddenAt',
    ])
    .select((eb) =>
      eb.case().when('p.deleted_at', 'is', null).then(false).else(true).end().as('deleted'),
    )
    .where('p.id', '=', postId)
    .executeTakeFirst()
    .then((row) => {
      if (!row) return undefined
      const { hiddenAt, ...rest } = row
      return { ...rest, deleted: Boolean(row.deleted), hidden: hiddenAt !== null }
    })
}

export interface NewRevision {
  postId: number
  editorId: number
  title: string | null
  bodyMarkdown: string
  createdAt: number
  staffNote: string | null
  reason: string | null
}

/** Adds a revision numbered after the post's last one. */
export async function appendRevision(db: Executor, revision: NewRevision): Promise<void> {
  const last = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('post_id', '=', revision.postId)
    .executeTakeFirst()
  await db
    .insertInto('revisions')
    .values({
      post_id: revision.postId,
      editor_id: revision.editorId,
      number: Number(last?.n ?? 0) + 1,
      title: revision.title,
      body_markdown: revision.bodyMarkdown,
      created_at: revision.createdAt,
      staff_note: revision.staffNote,
      reason: revision.reason,
    })
    .execute()
}

/** Whether a post has any revision yet (revision 1, the original, is written at the first edit). */
export async function hasRevisions(db: Executor, postId: number): Promise<boolean> {
  const row = await db
    .selectFrom('revisions')
    .select('id')
    .where('post_id', '=', postId)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}
