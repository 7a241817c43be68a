import { sql, type Kysely } from 'kysely'
import { isPostgres } from './helpers.js'

/**
 * PostgreSQL: every table a page reads gets a statement-level trigger that sends `NOTIFY quorum_changes`
 * with the table's schema. NOTIFY is sent at commit and, with the same payload, once per transaction, so a
 * bulk insert costs one notification. The page cache listens (src/db/change-feed.ts) instead of asking
 * for the database's snapshot on every cached request. `sessions` and `secrets` are left out: no page
 * shows them, and a sign-in should not empty every process's page cache. A table added later needs its
 * own trigger; test/integration/db/migrations.test.ts fails until it has one. SQLite: nothing to do.
 */
export const NOTIFYING_TABLES = [
  'users',
  'tags',
  'threads',
  'thread_tags',
  'posts',
  'boosts',
  'attachments',
  'revisions',
  'search_documents',
  'thread_signatures',
  'similarity_terms',
  'similarity_vectors',
  'common_terms',
] as const

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return
  await sql`create function quorum_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('quorum_changes', tg_table_schema);
      return null;
    end $$`.execute(db)
  for (const table of NOTIFYING_TABLES) {
    await sql`create trigger ${sql.id(`${table}_changed`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function quorum_changed()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return
  for (const table of NOTIFYING_TABLES) {
    await sql`drop trigger ${sql.id(`${table}_changed`)} on ${sql.table(table)}`.execute(db)
  }
  await sql`drop function quorum_changed()`.execute(db)
}
