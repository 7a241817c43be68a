import type { Kysely } from 'kysely'
import { timeType, withId, zero } from './helpers.js'

/**
 * Background jobs (src/domain/jobs): one row per job, written in the transaction of the change that
 * causes it. `key` makes enqueueing idempotent. No change-feed trigger: no page reads this table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  await withId(db, db.schema.createTable('jobs'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('payload', 'text', (c) => c.notNull())
    // pending | running | done | dead
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('run_after', time, (c) => c.notNull())
    .addColumn('attempts', 'integer', zero)
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', time)
    .addColumn('last_error', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('finished_at', time)
    .execute()
  // The runner's claim: due pending jobs in order, and running ones whose lease ran out.
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_after']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute()
}
