import type { Kysely } from 'kysely'
import { timeType, withId } from './helpers.js'

/**
 * Two-factor sign-in (src/domain/two-factor): a TOTP secret per account (encrypted), its recovery codes
 * (hashed), passkeys (WebAuthn public keys), and the short-lived challenges of a sign-in in progress
 * (hashed). No change-feed trigger: no cached page reads these tables.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  await db.schema
    .createTable('totp_secrets')
    .addColumn('user_id', 'integer', (c) =>
      c.primaryKey().references('users.id').onDelete('cascade'),
    )
    // AES-256-GCM of the base32 secret: iv.tag.ciphertext, base64url.
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    // null while the owner has not yet confirmed a code from it.
    .addColumn('enabled_at', time)
    // The last time step a code was accepted for: that step and earlier ones are refused (replay).
    .addColumn('last_step', time, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()

  await withId(db, db.schema.createTable('recovery_codes'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // SHA-256 (hex) of the normalised code.
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('used_at', time)
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('recovery_codes_user')
    .on('recovery_codes')
    .columns(['user_id'])
    .execute()

  await withId(db, db.schema.createTable('passkeys'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // base64url credential id, as the authenticator reports it.
    .addColumn('credential_id', 'text', (c) => c.notNull().unique())
    // base64url COSE public key.
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('counter', time, (c) => c.notNull().defaultTo(0))
    // JSON array of transports ("internal", "usb", ...).
    .addColumn('transports', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_used_at', time)
    .execute()
  await db.schema.createIndex('passkeys_user').on('passkeys').columns(['user_id']).execute()

  await db.schema
    .createTable('sign_in_challenges')
    // SHA-256 (hex) of the pending sign-in's cookie token, or of a WebAuthn challenge.
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    // second-step | passkey-register | passkey-sign-in | passkey-second-step
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('expires_at', time, (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('sign_in_challenges_expiry')
    .on('sign_in_challenges')
    .columns(['expires_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_challenges').execute()
  await db.schema.dropTable('passkeys').execute()
  await db.schema.dropTable('recovery_codes').execute()
  await db.schema.dropTable('totp_secrets').execute()
}
