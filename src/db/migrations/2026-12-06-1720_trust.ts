import type { Kysely } from 'kysely'
import { timeType, withId } from './helpers.js'

/**
 * Trust and spam (docs/moderation.md, "Trust levels and spam"): the invitations staff make when
 * registration is by invitation, and the hashes of recent post bodies that find a body repeated by one
 * account or by several (the rows older than a day are pruned by the daily trust job).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  // code_hash: SHA-256 (hex) of the code; the code itself is shown once, to the staff member who made it.
  await withId(db, db.schema.createTable('invitations'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .addColumn('used_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('used_at', time)
    .addColumn('revoked_at', time)
    .execute()
  await db.schema
    .createIndex('invitations_created')
    .on('invitations')
    .columns(['created_at', 'id'])
    .execute()

  await db.schema
    .createTable('post_body_hashes')
    .addColumn('post_id', 'integer', (c) =>
      c.primaryKey().references('posts.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('post_body_hashes_hash')
    .on('post_body_hashes')
    .columns(['hash', 'created_at'])
    .execute()
  await db.schema
    .createIndex('post_body_hashes_created')
    .on('post_body_hashes')
    .column('created_at')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('post_body_hashes').execute()
  await db.schema.dropTable('invitations').execute()
}
