import { sql, type Kysely } from 'kysely'
import { timeType, withId } from './helpers.js'

/**
 * Account mail (src/domain/account-mail): `users.email_verified_at`, and the single-use tokens that
 * verification, password-reset and change-of-address links carry. A token row holds only the SHA-256
 * of the token, so a copy of the table gives no usable link. Accounts that exist when this runs were
 * made before addresses were checked; they are taken as verified so a forum that turns mail on does
 * not stop its members posting. No change-feed trigger on the tokens: no page shows them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  await db.schema.alterTable('users').addColumn('email_verified_at', time).execute()
  await sql`update users set email_verified_at = created_at where email is not null`.execute(db)
  await withId(db, db.schema.createTable('account_tokens'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // verify-email | password-reset | change-email
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // The address the link was sent to (for change-email: the new address).
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .addColumn('used_at', time)
    .execute()
  await db.schema
    .createIndex('account_tokens_user')
    .on('account_tokens')
    .columns(['user_id', 'purpose'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_tokens').execute()
  await db.schema.alterTable('users').dropColumn('email_verified_at').execute()
}
