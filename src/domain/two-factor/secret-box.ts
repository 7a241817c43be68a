/**
 * Encrypts TOTP secrets at rest with AES-256-GCM. The key is a named secret (src/domain/shared
 * secrets), so a copy of the `totp_secrets` table alone (an export, a log of a query) gives no usable
 * secret; a copy of the whole database does, which is why the secret is also never shown again.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { Executor } from '../../db/schema.js'
import { getOrCreateSecret } from '../shared/index.js'

const KEY_NAME = 'totp-secret-key'

async function keyOf(db: Executor): Promise<Buffer> {
  return Buffer.from(await getOrCreateSecret(db, KEY_NAME), 'base64url')
}

/** `iv.tag.ciphertext`, each base64url. */
export async function sealSecret(db: Executor, plain: string): Promise<string> {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', await keyOf(db), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')
}

export async function openSecret(db: Executor, sealed: string): Promise<string> {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'))
  if (!iv || !tag || !body) throw new Error('malformed sealed secret')
  const decipher = createDecipheriv('aes-256-gcm', await keyOf(db), iv)
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
}
