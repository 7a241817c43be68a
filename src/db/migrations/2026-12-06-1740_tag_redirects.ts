import type { Kysely } from 'kysely'
import { isPostgres, sql, timeType } from './helpers.js'

/**
 * Old tag slugs, kept when an admin renames a tag or merges it into another, so links to the old
 * address keep working (301 to the tag's current slug, forever). Each row points at a tag id, not at a
 * slug, so a tag renamed twice sends both old slugs straight to the current one (no chain to follow);
 * a merge points the merged tag's slugs at the tag it went into. Deleting a tag drops its old slugs.
 *
 * The tag page and its feed read the table when a slug names no tag, so it gets the change-feed
 * trigger in PostgreSQL like the other tables those pages read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tag_redirects')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('created_at', timeType(db), (c) => c.notNull())
    .execute()
  await db.schema.createIndex('tag_redirects_tag').on('tag_redirects').column('tag_id').execute()
  if (isPostgres(db)) {
    await sql`create trigger tag_redirects_changed
      after insert or update or delete or truncate on tag_redirects
      for each statement execute function quorum_changed()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tag_redirects').execute()
}
