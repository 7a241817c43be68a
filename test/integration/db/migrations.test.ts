import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMigrator, migrateDown, migrateToLatest } from '../../../src/db/migrate.js'
import { migrations } from '../../../src/db/migrations/index.js'
import type { DbHandle } from '../../../src/db/connect.js'
import { DIALECTS } from '../../support/dialects.js'
import { openTestDb, useTestDb } from '../../support/test-db.js'

/**
 * Table and column names as the database reports them, ignoring Kysely's own bookkeeping tables. On
 * PostgreSQL Kysely lists the tables of every schema, and other test files' schemas come and go while
 * this one runs: only this file's schema counts.
 */
async function schemaOf(handle: DbHandle): Promise<string[]> {
  const tables = await handle.db.introspection.getTables()
  const own =
    handle.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(handle.db)).rows[0]?.s
      : undefined
  return tables
    .filter((t) => !t.name.startsWith('kysely_') && (own === undefined || t.schema === own))
    .flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}:${c.dataType}:${c.isNullable}`))
    .sort()
}

describe.each(DIALECTS)('%s: migrations', (dialect) => {
  let opened: Awaited<ReturnType<typeof openTestDb>>
  beforeAll(async () => {
    opened = await openTestDb(dialect, { migrate: false })
  })
  afterAll(async () => opened?.dispose())

  it('apply in order, and each one reverts to exactly the schema before it', async () => {
    const names = Object.keys(migrations)
    expect([...names].sort()).toEqual(names)
    const before: string[][] = []
    const migrator = await createMigrator(opened.handle.db)
    for (const name of names) {
      before.push(await schemaOf(opened.handle))
      const { error } = await migrator.migrateTo(name)
      expect(error).toBeUndefined()
    }
    const full = await schemaOf(opened.handle)
    for (let i = names.length - 1; i >= 0; i--) {
      await migrateDown(opened.handle.db)
      expect(await schemaOf(opened.handle)).toEqual(before[i])
    }
    expect(await migrateToLatest(opened.handle.db)).toEqual(names)
    expect(await schemaOf(opened.handle)).toEqual(full)
    if (dialect === 'postgres') {
      // migrateToLatest vacuumed the table 2026-12-04-1900 rewrites once it had committed (`vacuumAfter`).
      // Here, not on a copy of the test template: a copied database starts with no statistics.
      const { rows: stats } = await sql<{ vacuums: string }>`
          select vacuum_count as vacuums from pg_stat_user_tables
          where relid = 'search_documents'::regclass`.execute(opened.handle.db)
      expect(Number(stats[0]?.vacuums)).toBeGreaterThan(0)
    }
  })
})

describe.each(DIALECTS)('%s: the migrated schema', (dialect) => {
  const t = useTestDb(dialect)

  it('has indexes that serve every tag-page sort', async () => {
    const rows =
      t.dialect === 'sqlite'
        ? await sql<{
            name: string
          }>`select name from sqlite_master where type = 'index' and tbl_name = 'thread_tags'`.execute(
            t.db,
          )
        : await sql<{
            name: string
          }>`select indexname as name from pg_indexes where tablename = 'thread_tags' and schemaname = current_schema()`.execute(
            t.db,
          )
    const names = rows.rows.map((r) => r.name)
    for (const index of [
      'tt_pinned_activity',
      'tt_activity',
      'tt_newest',
      'tt_replies',
      'tt_boosts',
      'tt_views',
    ])
      expect(names).toContain(index)
  })
})

describe.runIf(DIALECTS.includes('postgres'))('postgres: the migrated schema', () => {
  const t = useTestDb('postgres')

  it('notifies the change feed from every table cached pages read (2026-12-05-1200)', async () => {
    const { rows } = await sql<{ table: string; notifies: boolean }>`
        select c.relname as table, exists (
            select 1 from pg_trigger t
            where t.tgrelid = c.oid and t.tgfoid = 'quorum_changed'::regproc and not t.tgisinternal
          ) as notifies
        from pg_class c
        where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
          and c.relname not like 'kysely\_%'
        order by c.relname`.execute(t.db)
    expect(rows.length).toBeGreaterThan(10)
    const silent = rows.filter((r) => !r.notifies).map((r) => r.table)
    // A new table that cached (anonymous) pages read needs a trigger of its own (see the migration);
    // the others are read only by signed-in pages, which are never cached.
    expect(silent).toEqual([
      'account_tokens',
      'api_tokens',
      'audit_log',
      'avatars',
      'drafts',
      'flags',
      'invitations',
      'jobs',
      'notification_email_prefs',
      'notifications',
      'oidc_logins',
      'passkeys',
      'post_body_hashes',
      'recovery_codes',
      'retired_usernames',
      'review_items',
      'secrets',
      'sessions',
      'sign_in_challenges',
      'sign_up_blocks',
      'tag_watches',
      'thread_reads',
      'thread_watches',
      'totp_secrets',
      'user_identities',
      'watch_defaults',
      'webhook_deliveries',
      'webhook_endpoints',
    ])
  })

  it('keeps the search vector in the row, the table in id order (2026-12-04-1900)', async () => {
    const { rows } = await sql<{ storage: string; clustered: boolean }>`
        select a.attstorage as storage,
          (select i.indisclustered from pg_index i where i.indexrelid = 'search_documents_pkey'::regclass) as clustered
        from pg_attribute a
        where a.attrelid = 'search_documents'::regclass and a.attname = 'search_vector'`.execute(
      t.db,
    )
    expect(rows).toEqual([{ storage: 'm', clustered: true }])
  })
})
