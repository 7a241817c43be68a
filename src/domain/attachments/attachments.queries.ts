import type { Executor, NewAttachment } from '../../db/schema.js'

/** The download URL of an attachment: its random id, then the file name for a readable link. */
export function attachmentUrl(id: string, fileName: string): string {
  return `/attachments/${encodeURIComponent(id)}/${encodeURIComponent(fileName)}`
}

export interface StoredAttachment {
  id: string
  fileName: string
  contentType: string
  size: number
  content: Uint8Array
}

/**
 * An attachment of a live post in a live thread, with its bytes; undefined otherwise. A hidden post's
 * attachments are not served at all (docs/moderation.md): its page shows them to nobody but its author
 * and staff, and this URL carries no viewer.
 */
export function findAttachment(db: Executor, id: string): Promise<StoredAttachment | undefined> {
  return db
    .selectFrom('attachments as a')
    .innerJoin('posts as p', 'p.id', 'a.post_id')
    .innerJoin('threads as t', 't.id', 'p.thread_id')
    .select([
      'a.id',
      'a.file_name as fileName',
      'a.content_type as contentType',
      'a.size',
      'a.content',
    ])
    .where('a.id', '=', id)
    .where('p.deleted_at', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where('p.hidden_at', 'is', null)
    .where('t.hidden_at', 'is', null)
    .executeTakeFirst()
}

export async function insertAttachment(db: Executor, row: NewAttachment): Promise<void> {
  await db.insertInto('attachments').values(row).execute()
}
