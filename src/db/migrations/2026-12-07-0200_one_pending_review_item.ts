import type { Kysely } from 'kysely'
import { sql } from './helpers.js'

/**
 * At most one pending review item per post. Two flags landing at once each found no pending item and
 * each opened one, so /review showed the post twice; a partial unique index makes the second insert an
 * update of the first (review.queries.ts inserts with ON CONFLICT on it). Duplicates already there are
 * folded into the oldest pending item of their post first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`delete from review_items
    where status = 'pending'
      and id > (select min(r.id) from review_items r
                where r.post_id = review_items.post_id and r.status = 'pending')`.execute(db)
  await sql`create unique index review_items_one_pending on review_items (post_id)
    where status = 'pending'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('review_items_one_pending').execute()
}
