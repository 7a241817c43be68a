import type { Kysely } from 'kysely'
import { isPostgres, sql } from './helpers.js'

/**
 * Crash sites (docs/signatures.md, "Crash sites"): beside each crash cause a thread carries (the `crash` rows
 * of thread_signatures), where it happened and in what: one row per thread, cause, site and process, with
 * the site's own frames as shown and how many of the thread's posts report it. (cause, site, thread_id)
 * lists a cause's sites and their threads for the crash page. Derived from the posts like
 * thread_signatures: `quorum signatures rebuild` fills it for threads written before it.
 *
 * The crash page (anonymous, cached) reads it, so PostgreSQL gets the change-feed trigger.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('crash_sites')
    .addColumn('thread_id', 'integer', (c) =>
      c.notNull().references('threads.id').onDelete('cascade'),
    )
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('process', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('frames', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('post_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('crash_sites_pk', ['thread_id', 'cause', 'site', 'process'])
    .execute()
  await db.schema
    .createIndex('crash_sites_cause')
    .on('crash_sites')
    .columns(['cause', 'site', 'thread_id'])
    .execute()
  if (isPostgres(db)) {
    await sql`create trigger crash_sites_changed
      after insert or update or delete or truncate on crash_sites
      for each statement execute function quorum_changed()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('crash_sites').execute()
}
