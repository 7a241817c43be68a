import type { Kysely } from 'kysely'
import { timeType, withId, zero } from './helpers.js'

/**
 * Sign-in with OpenID Connect (src/domain/oidc). `user_identities`: the provider logins linked to an
 * account, one account per (provider, subject). `oidc_logins`: sign-ins under way, keyed by the SHA-256
 * of the random key in the browser's short-lived cookie; a row holds the flow's state, nonce and PKCE
 * verifier until the provider sends the person back, then who the provider said they are until they
 * choose a username or prove an account is theirs. Used once, then deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  await withId(db, db.schema.createTable('user_identities'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('email_verified', 'integer', zero)
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_used_at', time, (c) => c.notNull())
    .addUniqueConstraint('user_identities_subject', ['provider_id', 'subject'])
    .execute()
  await db.schema
    .createIndex('user_identities_user')
    .on('user_identities')
    .columns(['user_id'])
    .execute()

  await db.schema
    .createTable('oidc_logins')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('next', 'text', (c) => c.notNull())
    // Set when a signed-in person links another login to their account.
    .addColumn('link_user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    // Filled in by the callback: who the provider says this is.
    .addColumn('subject', 'text')
    .addColumn('email', 'text')
    .addColumn('email_verified', 'integer', zero)
    .addColumn('preferred_username', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('oidc_logins_expiry')
    .on('oidc_logins')
    .columns(['expires_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oidc_logins').execute()
  await db.schema.dropTable('user_identities').execute()
}
